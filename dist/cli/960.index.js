export const id = 960;
export const ids = [960];
export const modules = {

/***/ 79124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ SMOKE_PREDICATE_TYPE),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   lH: () => (/* binding */ TOOL_NAME),
/* harmony export */   nv: () => (/* binding */ CYCLONEDX_PREDICATE_TYPE),
/* harmony export */   wE: () => (/* binding */ scrubDeep)
/* harmony export */ });
/* unused harmony exports IN_TOTO_STATEMENT_V1, inTotoStatement */
/* harmony import */ var _capture_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44977);
// What the attestations share: the in-toto statement that wraps each predicate, the tool's name,
// digests, and the one scrubbing pass every attestation goes through before it leaves.

/** https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md */
const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** The predicate type cosign and in-toto use for a CycloneDX SBOM. */
const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';
/** Our own predicate type: a smoke-test run (docs/attestations/smoke-v1.schema.json). */
const SMOKE_PREDICATE_TYPE = 'https://ml-image-action.github.io/attestations/smoke/v1';
const TOOL_NAME = 'ml-image-action';
/** The statement for an image by digest: subject name is the repository, digest its sha256. */
function inTotoStatement(image, predicateType, predicate) {
    const hex = sha256Hex(image.digest);
    return {
        _type: IN_TOTO_STATEMENT_V1,
        subject: [{ name: image.repository, digest: hex === undefined ? {} : { sha256: hex } }],
        predicateType,
        predicate,
    };
}
/** "sha256:<64 hex>" (or the bare hex) -> the lowercase hex; anything else -> undefined. */
function sha256Hex(digest) {
    const m = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(digest ?? '');
    return m ? m[1].toLowerCase() : undefined;
}
function textDeep(value) {
    if (typeof value === 'string')
        return (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactText */ .Rd)(value);
    if (Array.isArray(value))
        return value.map(textDeep);
    if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, textDeep(v)]));
    return value;
}
/** Whole strings that look like secrets replaced (redactDeep), except the KEEP ones. */
function secretsDeep(value, keep) {
    if (typeof value === 'string')
        return keep.has(value) ? value : (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactDeep */ .KL)(value);
    if (Array.isArray(value))
        return value.map((v) => secretsDeep(v, keep));
    if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretsDeep(v, keep)]));
    return value;
}
/**
 * Every string of an attestation, scrubbed: tokens and URL credentials masked in place
 * (redactText), then any string that still looks like a secret as a whole replaced (redactDeep).
 * Digests (hex) and image references are left as they are, and so are the KEEP strings: names
 * from the config (a variant, a test, a file path), which the whole-value test would take for
 * tokens when they are long (`cuda12-torch27-py311-ubuntu2204-flashattn2-devel`). They are still
 * masked in place like every string.
 */
function scrubDeep(value, keep = []) {
    return secretsDeep(textDeep(value), new Set(keep));
}


/***/ }),

/***/ 66917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ ENV_RECORD_SCHEMA_VERSION),
/* harmony export */   Kh: () => (/* binding */ CREATED_LABEL),
/* harmony export */   iv: () => (/* binding */ EnvRecordSchema),
/* harmony export */   z: () => (/* binding */ VARIANT_LABEL)
/* harmony export */ });
/* unused harmony exports LayerSchema, COLLECT_ENV_FIELDS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47684);
// EnvRecord: what is inside an image (env.json). Versioned, so the next release reads this one's:
// src/diff/read.ts migrates older records (v1 had no image.variant / image.created).


const ENV_RECORD_SCHEMA_VERSION = 2;
/** Labels the build sets (src/plan/tags.ts computeLabels) that image.variant / image.created mirror. */
const VARIANT_LABEL = `${_plan_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL_PREFIX */ .Ag}.variant`;
const CREATED_LABEL = 'org.opencontainers.image.created';
const maybe = (t) => t.nullable().optional();
/**
 * A size in bytes. Not negative, as the report's schema requires (src/diff/schema.ts); at most
 * 2^53 (8 PiB), so that the report's sums of them stay numbers: sizes near 1e308 would add up to
 * Infinity, which no JSON file can hold. The record is refused when read (exit 2 naming the
 * field), not when the report is written.
 */
const bytes = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** One step of the image's history (docker history): its instruction and the bytes its layer added. */
const LayerSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    createdBy: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    sizeBytes: bytes,
    /** No filesystem layer (ENV, CMD, LABEL ...). */
    empty: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
});
const EnvRecordSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(ENV_RECORD_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        digest: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        sizeBytes: bytes,
        // A count, whole, as the report's summary of a record requires (src/diff/schema.ts).
        layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
        labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        user: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        entrypoint: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).nullable(),
        cmd: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).nullable(),
        env: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        /** The config variant the image was built for (cpu, cuda12.8), when known. (v2) */
        variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
        /** When the image was created (ISO 8601), from the engine or the OCI label. (v2) */
        created: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
        /**
         * The image's history, oldest first: each build step with the instruction that made it and
         * the bytes its layer added (0 for ENV, CMD ... which add no layer). From the engine; absent in
         * records written before sizes were captured, or when the engine could not tell.
         */
        history: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(LayerSchema).optional(),
    }),
    os: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        osRelease: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        glibc: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        kernel: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        machine: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    }),
    python: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        implementation: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        executable: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        pipVersion: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        packages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
            name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            requires: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
            installer: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            location: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            /** Bytes installed: the sizes its RECORD lists (else its files); absent when unknown. */
            sizeBytes: bytes.optional(),
        })),
    }),
    apt: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        arch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        /** dpkg's Installed-Size (KiB) in bytes; absent when unknown. */
        sizeBytes: bytes.optional(),
    })),
    cuda: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        runtime: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        driverMaxCuda: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        cudnn: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        nccl: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        nvcc: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        /** Where each library was read: "torch: nvidia/cudnn/lib/libcudnn.so.9" (the copy torch loads) or "system". */
        sources: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    }),
    torch: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        cuda: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        hip: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        cudaAvailable: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
        deviceCount: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        tf32: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ matmul: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(), cudnn: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY() }),
        allocatorConfig: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    })
        .loose()
        .nullable(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        memoryMiB: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        computeCapability: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        driver: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    })
        .loose()),
    tools: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable()),
    env: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    /** Every field of torch.utils.collect_env, by its name there. */
    collectEnv: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()),
    errors: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ field: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), error: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })),
    capture: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        probeVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        durationMs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        toolVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        time: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        host: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ kernel: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), engine: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }),
    }),
});
/** The fields torch.utils.collect_env reports (SystemEnv); the probe fills every one. */
const COLLECT_ENV_FIELDS = (/* unused pure expression or super */ null && ([
    'torch_version',
    'is_debug_build',
    'cuda_compiled_version',
    'gcc_version',
    'clang_version',
    'cmake_version',
    'os',
    'libc_version',
    'python_version',
    'python_platform',
    'is_cuda_available',
    'cuda_runtime_version',
    'cuda_module_loading',
    'nvidia_driver_version',
    'nvidia_gpu_models',
    'cudnn_version',
    'pip_version',
    'pip_packages',
    'conda_packages',
    'hip_compiled_version',
    'hip_runtime_version',
    'miopen_runtime_version',
    'caching_allocator_config',
    'is_xnnpack_available',
    'cpu_info',
]));


/***/ }),

/***/ 98556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sbomCommand: () => (/* binding */ sbomCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _attest_sbom_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55056);
/* harmony import */ var _attest_spdx_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54130);
/* harmony import */ var _diff_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15523);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20317);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(96657);








/** The SBOM formats `ml-image sbom --format` writes. */
const FORMATS = ['cyclonedx', 'spdx'];
const sbomCommand = {
    outIsFile: true,
    name: 'sbom',
    summary: 'Write the SBOM of an image from its environment record (env.json): CycloneDX 1.6 or SPDX 2.3.',
    usage: 'ml-image sbom --record env.json [--format cyclonedx|spdx] [--out FILE] [--variant V] [--json]',
    help: `Builds an ML-aware SBOM (CycloneDX 1.6 JSON) from an environment record written by
"ml-image capture" or a run: every pip distribution (pkg:pypi), every apt package (pkg:deb), the
OS, and the ML stack as components with ml-image:* properties: CUDA runtime, cuDNN, NCCL, torch
and its CUDA build, NumPy, Python and the base image (from the OCI base-image labels). The image
itself is the SBOM's subject (pkg:oci, by digest when the record has one). The same record gives
the same bytes. Nothing from the image's environment variables goes in; see docs/attestations.md.
With --format spdx the same SBOM is written as SPDX 2.3 JSON: each component a package (its purl
an external reference, its ml-image:* properties annotations); the image CONTAINS them and
is a DESCENDANT_OF its base image.

Options:
  --record FILE   the environment record (env.json; older record versions are read)
  --format F      cyclonedx (default) or spdx
  --out FILE      write the SBOM to FILE instead of printing it
  --variant V     the variant named in the SBOM (default: the record's)
  --json          with --out: print {"file", "format", "components" or "packages", "serialNumber" or
                  "documentNamespace"} instead of a line

Exit codes: 0 written; 2 the record is missing, not JSON or not a record, or an unknown --format
(the message names it).`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCommandArgs */ .Qx)('sbom', argv, {
            record: { type: 'string' },
            variant: { type: 'string' },
            format: { type: 'string' },
        });
        if (values.record === undefined || values.record === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('sbom: --record is required', 'e.g. ml-image sbom --record results/env-cpu-amd64.json');
        if (values.variant === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('sbom: --variant: expected a variant name, got ""');
        const format = values.format ?? 'cyclonedx';
        if (!FORMATS.includes(format))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`sbom: --format: expected ${FORMATS.join(' or ')}, got ${JSON.stringify(format)}`, 'e.g. ml-image sbom --record env.json --format spdx');
        const file = values.record;
        const record = (0,_diff_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readEnvRecord */ .NQ)((0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readJsonFile */ .JE)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, file), { what: 'environment record' }), file);
        const sbom = (0,_attest_sbom_js__WEBPACK_IMPORTED_MODULE_1__/* .buildSbom */ .s2)({ record, ...(values.variant !== undefined && { variant: values.variant }) });
        const spdx = format === 'spdx' ? (0,_attest_spdx_js__WEBPACK_IMPORTED_MODULE_2__/* .spdxFromCycloneDx */ .Xi)(sbom) : undefined;
        const text = `${JSON.stringify(spdx ?? sbom, null, 2)}\n`;
        if (values.out === undefined) {
            io.stdout(text);
            return 0;
        }
        const written = (0,_output_js__WEBPACK_IMPORTED_MODULE_7__/* .writeOutFile */ .W)(io.cwd, node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(values.out), node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(values.out), text);
        const summary = spdx
            ? { file: written, format, packages: spdx.packages.length, documentNamespace: spdx.documentNamespace }
            : {
                file: written,
                format,
                components: Array.isArray(sbom.components) ? sbom.components.length : 0,
                serialNumber: sbom.serialNumber,
            };
        if (values.json)
            io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
        else if ('packages' in summary)
            io.stderr(`wrote ${written} (SPDX 2.3, ${summary.packages} packages)\n`);
        else
            io.stderr(`wrote ${written} (CycloneDX 1.6, ${summary.components} components)\n`);
        return 0;
    },
};


/***/ }),

/***/ 96657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ writeOutFile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _capture_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44977);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20317);




/**
 * Write one result file into the --out directory (created when missing); returns its path.
 * The directory is checked first (exit 2 at once for a non-directory or /proc, /sys, /dev); the
 * file is written atomically (no half-written JSON a later run would trust); a full or read-only
 * filesystem is exit 3 naming the path. Userinfo in URLs never reaches a result file.
 */
function writeOutFile(cwd, outDir, name, content) {
    const label = `--out ${outDir}`;
    const dir = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, outDir), label);
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(dir, name);
    if (node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(dir, file).startsWith('..'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${label}: ${name} is outside the directory`);
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(file), label);
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(file, (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(content), label);
    return file;
}


/***/ }),

/***/ 15063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ archOf)
/* harmony export */ });
function archOf(platform) {
    return platform.split('/')[1];
}


/***/ }),

/***/ 15523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NQ: () => (/* binding */ readEnvRecord),
/* harmony export */   dV: () => (/* binding */ readSmokeResult),
/* harmony export */   lk: () => (/* reexport safe */ _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__.lk)
/* harmony export */ });
/* unused harmony exports ENV_RECORD_MIGRATIONS, SMOKE_RESULT_MIGRATIONS */
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66917);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11012);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3228);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20317);




const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENV_RECORD_MIGRATIONS = {
    // v1 -> v2: image.variant and image.created, from the labels the build sets (src/plan/tags.ts).
    1: (r) => {
        if (!isObject(r.image))
            return { ...r, schemaVersion: 2 };
        const labels = isObject(r.image.labels) ? r.image.labels : {};
        const label = (k) => (typeof labels[k] === 'string' ? labels[k] : null);
        return {
            ...r,
            schemaVersion: 2,
            image: { ...r.image, variant: label(_capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .VARIANT_LABEL */ .z), created: label(_capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .CREATED_LABEL */ .Kh) },
        };
    },
};
const SMOKE_RESULT_MIGRATIONS = {};
const ENV_RECORD = 'environment record (env.json)';
const SMOKE_RESULT = 'smoke result (smoke.json)';
const ENV_KEYS = ['image', 'python', 'apt', 'capture'];
const SMOKE_KEYS = ['tests', 'summary'];
const aOrAn = (what) => `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
const hasKeys = (json, keys) => keys.every((k) => k in json);
const MAX_ISSUES = 8;
function read(json, source, kind) {
    if (!isObject(json)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: not ${kind.what} (expected a JSON object, got ${describe(json)})`);
    }
    // Before the version: the other kind of file (each has its own versions) is named as what it is,
    // not as one of a version newer than this tool reads.
    if (hasKeys(json, kind.other.keys) && !hasKeys(json, kind.keys))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: not ${aOrAn(kind.what)}: it is ${aOrAn(kind.other.what)}`);
    const version = json.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: schemaVersion: expected a positive integer, got ${describe(version)} (is this ${kind.what}?)`);
    }
    if (version > kind.current) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: schemaVersion ${version} is newer than this version of ml-image reads (up to ${kind.current})`, 'update ml-image-action (the record was written by a newer release)');
    }
    let record = json;
    for (let v = version; v < kind.current; v++) {
        const step = kind.migrations[v];
        if (!step)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: schemaVersion ${v} is no longer readable (no migration to ${v + 1})`);
        record = step(record);
    }
    const parsed = kind.schema.safeParse(record);
    if (parsed.success)
        return parsed.data;
    const issues = parsed.error.issues;
    const lines = (0,_config_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .formatIssues */ .og)(parsed.error, record, kind.schema)
        .slice(0, MAX_ISSUES)
        .map((line) => `  - ${line}`);
    if (issues.length > MAX_ISSUES)
        lines.push(`  - ... and ${issues.length - MAX_ISSUES} more`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: not a valid ${kind.what} (schemaVersion ${version}): ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
}
function describe(v) {
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    return typeof v === 'object' ? 'an object' : String(v);
}
function readEnvRecord(json, source) {
    return read(json, source, {
        what: ENV_RECORD,
        current: _capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .ENV_RECORD_SCHEMA_VERSION */ .B6,
        migrations: ENV_RECORD_MIGRATIONS,
        schema: _capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvRecordSchema */ .iv,
        keys: ENV_KEYS,
        other: { what: SMOKE_RESULT, keys: SMOKE_KEYS },
    });
}
function readSmokeResult(json, source) {
    return read(json, source, {
        what: SMOKE_RESULT,
        current: _smoke_result_js__WEBPACK_IMPORTED_MODULE_3__/* .SMOKE_RESULT_SCHEMA_VERSION */ .Nn,
        migrations: SMOKE_RESULT_MIGRATIONS,
        schema: _smoke_result_js__WEBPACK_IMPORTED_MODULE_3__/* .SmokeResultSchema */ .wp,
        keys: SMOKE_KEYS,
        other: { what: ENV_RECORD, keys: ENV_KEYS },
    });
}
/** JSON text to a value; the error names the file. */



/***/ }),

/***/ 47684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ag: () => (/* binding */ LABEL_PREFIX),
/* harmony export */   fB: () => (/* binding */ PlanSchema),
/* harmony export */   jk: () => (/* binding */ PLAN_SCHEMA_VERSION)
/* harmony export */ });
/* unused harmony exports TemplateSchema, BaseChoiceSchema, VariantPlanSchema, BuildTargetSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60408);
// Plan: what the plan stage hands to resolve/build/smoke/report (and writes as plan.json). The types
// are inferred from the schema, so the file written and the value passed on cannot drift apart.


const PLAN_SCHEMA_VERSION = 1;
const LABEL_PREFIX = 'io.github.ml-image-action';
const PlatformSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .PLATFORMS */ .P4);
const TemplateSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .TEMPLATES */ .QT);
const BaseChoiceSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The reference the build uses (after mirrors). */
    ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** The reference before mirrors (what the catalog knows). */
    canonical: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    family: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** Platforms the base image is known to have; undefined when not in the catalog. */
    platforms: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
const VariantPlanSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['cpu', 'cuda', 'custom']),
    primary: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    python: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Template from images/ or undefined when the user's own Dockerfile is used. */
    template: TemplateSchema.optional(),
    base: BaseChoiceSchema,
    /** indexUrl undefined: torch comes with the base image (NGC) and is not installed again. */
    torch: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), indexUrl: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }).optional(),
    cuda: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), toolkitDriverMin: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), minorCompatDriverMin: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })
        .optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    platforms: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(PlatformSchema),
    /** Build args every Dockerfile may read (images/README.md "Build arguments"). */
    buildArgs: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
});
const BuildTargetSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    platform: PlatformSchema,
    arch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    runner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
const PlanSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(PLAN_SCHEMA_VERSION),
    repository: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    variants: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(VariantPlanSchema),
    targets: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(BuildTargetSchema),
    warnings: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    /** GitHub Actions matrix: strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }} */
    matrix: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        include: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), platform: PlatformSchema, arch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), runner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })),
    }),
});


/***/ }),

/***/ 9142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ew: () => (/* binding */ canonicalName),
  Q4: () => (/* binding */ envReferences),
  XW: () => (/* binding */ parseRequirementsText),
  QT: () => (/* binding */ requirementNames)
});

// UNUSED EXPORTS: expandEnv, logicalLines, parseLine, parsePep508

;// CONCATENATED MODULE: ./src/requirements/options.ts
// pip's requirement-file options, parsed as pip's optparse does: long names by unique prefix,
// short ones by letter, values inline (`--opt=v`, `-iv`) or in the next token, and pip's shlex
// split of the options part of a line. Pure.
const STRONG_HASHES = ['sha256', 'sha384', 'sha512'];
const OPTIONS = [
    { long: 'index-url', short: 'i', takesValue: true },
    { long: 'extra-index-url', takesValue: true },
    { long: 'no-index', takesValue: false },
    { long: 'constraint', short: 'c', takesValue: true },
    { long: 'requirement', short: 'r', takesValue: true },
    { long: 'editable', short: 'e', takesValue: true },
    { long: 'find-links', short: 'f', takesValue: true },
    { long: 'no-binary', takesValue: true },
    { long: 'only-binary', takesValue: true },
    { long: 'prefer-binary', takesValue: false },
    { long: 'require-hashes', takesValue: false },
    { long: 'pre', takesValue: false },
    { long: 'trusted-host', takesValue: true },
    { long: 'use-feature', takesValue: true },
    {
        long: 'hash',
        takesValue: true,
        perRequirement: true,
        check: (v) => {
            const i = v.indexOf(':');
            if (i <= 0 || i === v.length - 1)
                return `--hash must be a hash name followed by a value, like --hash=sha256:abcde...`;
            const algo = v.slice(0, i);
            if (!STRONG_HASHES.includes(algo))
                return `allowed hash algorithms for --hash are ${STRONG_HASHES.join(', ')} (got "${algo}")`;
            if (!/^[0-9a-fA-F]+$/.test(v.slice(i + 1)))
                return `the ${algo} digest "${v.slice(i + 1)}" is not hex`;
            return undefined;
        },
    },
    { long: 'config-settings', takesValue: true, perRequirement: true },
    { long: 'global-option', takesValue: true, perRequirement: true },
    { long: 'install-option', takesValue: true, perRequirement: true },
];
/** optparse accepts a unique prefix of a long option (`--extra-index` for --extra-index-url). */
function longOption(name, pool) {
    const exact = pool.find((o) => o.long === name);
    if (exact)
        return exact;
    const prefixed = pool.filter((o) => o.long.startsWith(name));
    if (prefixed.length === 1)
        return prefixed[0];
    if (prefixed.length > 1)
        return `ambiguous option --${name} (${prefixed.map((o) => `--${o.long}`).join(', ')})`;
    return `no such option: --${name}`;
}
/** optparse over pip's whitespace tokens. */
function parseOptions(tokens, pool) {
    const options = [];
    const rest = [];
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        let spec;
        let inline;
        if (t.startsWith('--')) {
            const eq = t.indexOf('=');
            spec = longOption(eq < 0 ? t.slice(2) : t.slice(2, eq), pool);
            if (eq >= 0)
                inline = t.slice(eq + 1);
        }
        else if (t.startsWith('-') && t.length > 1) {
            const s = pool.find((o) => o.short === t[1]);
            spec = s ?? `no such option: ${t.slice(0, 2)}`;
            if (t.length > 2)
                inline = t.slice(2);
        }
        else {
            rest.push(t);
            continue;
        }
        if (typeof spec === 'string')
            return { options, error: spec, rest };
        let value;
        if (spec.takesValue) {
            value = inline ?? tokens[++i];
            if (value === undefined || value === '')
                return { options, error: `--${spec.long} requires an argument`, rest };
            const bad = spec.check?.(value);
            if (bad)
                return { options, error: bad, rest };
        }
        else if (inline !== undefined) {
            return { options, error: `--${spec.long} option does not take a value`, rest };
        }
        options.push({ spec, ...(value !== undefined && { value }) });
    }
    return { options, rest };
}
/** shlex.split, as pip splits the options part of a line (quotes group, backslash escapes). */
function shlexSplit(s) {
    const out = [];
    let cur;
    for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        if (/\s/.test(ch)) {
            if (cur !== undefined)
                out.push(cur);
            cur = undefined;
        }
        else if (ch === '"' || ch === "'") {
            const end = s.indexOf(ch, i + 1);
            if (end < 0)
                return undefined;
            cur = (cur ?? '') + s.slice(i + 1, end);
            i = end;
        }
        else if (ch === '\\' && i + 1 < s.length) {
            cur = (cur ?? '') + s[++i];
        }
        else
            cur = (cur ?? '') + ch;
    }
    if (cur !== undefined)
        out.push(cur);
    return out;
}

;// CONCATENATED MODULE: ./src/requirements/pep508.ts
// PEP 508 requirement strings, as `packaging` >= 22 (the parser of every current pip) judges
// them: name, extras, version specifiers (one version pattern per operator family), a URL after
// "@", and environment markers. Pure: a string in, the name (and URL) out, or a Syntax error.
const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
const OPERATOR = /(===|~=|==|!=|<=|>=|<|>)/y;
const WS = /[ \t]*/y;
// packaging's Specifier._regex, one per operator family (case-insensitive, like packaging).
const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
const EPOCH_RELEASE = 'v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*';
const VERSION_BY_OP = {
    '===': /^[^\s;)]*$/i,
    '==': new RegExp(`^${EPOCH_RELEASE}(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL})?$`, 'i'),
    '~=': new RegExp(`^v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+${PRE}${POST}${DEV}$`, 'i'),
    other: new RegExp(`^${EPOCH_RELEASE}${PRE}${POST}${DEV}$`, 'i'),
};
VERSION_BY_OP['!='] = VERSION_BY_OP['=='];
const MARKER_VARIABLES = new Set([
    'python_version',
    'python_full_version',
    'os_name',
    'sys_platform',
    'platform_release',
    'platform_system',
    'platform_version',
    'platform_machine',
    'platform_python_implementation',
    'implementation_name',
    'implementation_version',
    'extra',
    'extras',
    'dependency_groups',
    // legacy spellings packaging still accepts
    'os.name',
    'sys.platform',
    'platform.version',
    'platform.machine',
    'platform.python_implementation',
    'python_implementation',
]);
/** A requirement that packaging would reject; the message says where and why. */
class Syntax extends Error {
}
/** A cursor over one requirement string, with packaging's grammar as methods. */
class Cursor {
    s;
    i = 0;
    constructor(s) {
        this.s = s;
    }
    ws() {
        WS.lastIndex = this.i;
        WS.exec(this.s);
        this.i = WS.lastIndex;
    }
    eat(lit) {
        if (this.s.startsWith(lit, this.i)) {
            this.i += lit.length;
            return true;
        }
        return false;
    }
    match(re) {
        re.lastIndex = this.i;
        const m = re.exec(this.s);
        if (!m)
            return undefined;
        this.i = re.lastIndex;
        return m[0];
    }
    done() {
        return this.i >= this.s.length;
    }
    fail(why) {
        throw new Syntax(`${why} at position ${this.i + 1}${this.done() ? ' (end of line)' : ` ("${this.s.slice(this.i, this.i + 12)}")`}`);
    }
}
function parseSpecifierList(c) {
    for (let first = true;; first = false) {
        c.ws();
        if (!first) {
            if (!c.eat(','))
                return;
            c.ws();
        }
        const op = c.match(OPERATOR);
        // An empty specifier list is allowed, and so is a trailing comma (packaging accepts both).
        if (op === undefined)
            return;
        c.ws();
        const start = c.i;
        while (!c.done() && !/[\s,;)]/.test(c.s[c.i]))
            c.i++;
        const version = c.s.slice(start, c.i);
        if (version === '')
            c.fail(`expected a version after "${op}"`);
        const re = VERSION_BY_OP[op] ?? VERSION_BY_OP.other;
        if (!re.test(version)) {
            const hint = /^[<>=!~]+$/.test(version)
                ? `expected a version after "${op}", got "${version}"`
                : /^[<>=!~]/.test(version)
                    ? `"${op}${version}" is not an operator: use one of ~= == != <= >= < > ===`
                    : version.includes('*') && op !== '==' && op !== '!='
                        ? `a wildcard version ("${version}") is only allowed with == and !=`
                        : op === '~=' && /^v?[0-9]+$/.test(version)
                            ? `~= needs at least two release segments (e.g. ~=${version}.0)`
                            : version.includes('+') && op !== '==' && op !== '!=' && op !== '==='
                                ? `a local version label ("${version}") is only allowed with == and !=`
                                : `"${version}" is not a valid PEP 440 version`;
            throw new Syntax(hint);
        }
    }
}
function parseMarkerVar(c) {
    c.ws();
    const q = c.s[c.i];
    if (q === '"' || q === "'") {
        const end = c.s.indexOf(q, c.i + 1);
        if (end < 0)
            c.fail('unterminated string in marker');
        c.i = end + 1;
        return;
    }
    const v = c.match(/[A-Za-z_][A-Za-z0-9_.]*/y);
    if (v === undefined)
        c.fail('expected a marker variable or a quoted string');
    if (!MARKER_VARIABLES.has(v)) {
        c.i -= v.length;
        c.fail(`unknown marker variable "${v}"`);
    }
}
function parseMarkerAtom(c) {
    c.ws();
    if (c.eat('(')) {
        parseMarker(c);
        c.ws();
        if (!c.eat(')'))
            c.fail('expected ")" to close the marker group');
        return;
    }
    parseMarkerVar(c);
    c.ws();
    if (c.match(/not[ \t]+in(?![A-Za-z0-9_])/y) === undefined && c.match(/in(?![A-Za-z0-9_])/y) === undefined) {
        if (c.match(OPERATOR) === undefined)
            c.fail('expected a marker operator (== != < <= > >= ~= === in, not in)');
    }
    parseMarkerVar(c);
}
function parseMarker(c) {
    parseMarkerAtom(c);
    for (;;) {
        c.ws();
        if (c.match(/(and|or)(?![A-Za-z0-9_])/y) === undefined)
            return;
        parseMarkerAtom(c);
    }
}
/**
 * One PEP 508 requirement, as packaging parses it. Returns the project name, or throws Syntax.
 */
function parsePep508(s) {
    const c = new Cursor(s);
    c.ws();
    const name = c.match(NAME);
    if (name === undefined)
        c.fail('expected a project name');
    c.ws();
    if (c.eat('[')) {
        c.ws();
        if (!c.eat(']')) {
            for (;;) {
                c.ws();
                if (c.match(NAME) === undefined)
                    c.fail('expected an extra name');
                c.ws();
                if (c.eat(']'))
                    break;
                if (!c.eat(','))
                    c.fail('expected "," or "]" in the extras');
            }
        }
        c.ws();
    }
    let url;
    if (c.eat('@')) {
        c.ws();
        url = c.match(/[^ \t]+/y);
        if (url === undefined)
            c.fail('expected a URL after "@"');
        const afterUrl = c.i;
        c.ws();
        if (c.done())
            return { name, url };
        if (c.i === afterUrl)
            c.fail('expected whitespace after the URL');
        if (!c.eat(';'))
            c.fail('expected ";" and a marker after the URL');
    }
    else {
        if (c.eat('(')) {
            parseSpecifierList(c);
            c.ws();
            if (!c.eat(')'))
                c.fail('expected ")" to close the version specifiers');
        }
        else {
            parseSpecifierList(c);
        }
        c.ws();
        if (c.done())
            return { name };
        if (!c.eat(';')) {
            if (/[<>=!~]/.test(c.s[c.i]))
                c.fail('invalid version specifier');
            c.fail('expected a version specifier, ";" and a marker, or the end of the line');
        }
    }
    parseMarker(c);
    c.ws();
    if (!c.done())
        c.fail('unexpected text after the marker');
    return { name, ...(url !== undefined && { url }) };
}

;// CONCATENATED MODULE: ./src/requirements/parse.ts
// Strict parsing of pip requirements files, before any pip runs: PEP 508 requirement lines (as
// `packaging` >= 22 judges them, the parser of every current pip) and pip's requirement-file syntax
// (https://pip.pypa.io/en/stable/reference/requirements-file-format/). Pure: text in, lines out.
// The rule is "a line pip accepts is never rejected": anything pip would hand to the filesystem or
// the network (paths, URLs, -e targets) is accepted as written and left for pip to judge.
// The grammar lives beside it: pip's options (options.ts) and PEP 508 strings (pep508.ts).



/** pip's COMMENT_RE: a '#' at the start or after whitespace starts a comment. */
const COMMENT = /(^|\s+)#.*$/;
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;
/**
 * PEP 503 normalised distribution name: lowercase, each run of '-', '_' and '.' one '-'
 * ("Foo_Bar.baz" -> "foo-bar-baz"). The one copy of the rule: the resolver, the diff, the SBOM's
 * purls and the dev container all compare names through it.
 */
const canonicalName = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');
/**
 * Logical lines as pip builds them: a line ending in '\' continues on the next (comment lines
 * never continue), then comments are removed and blank lines skipped.
 */
function logicalLines(text) {
    const out = [];
    let pending = [];
    let first = 0;
    const physical = text.split(/\r?\n/);
    if (physical.at(-1) === '')
        physical.pop();
    const emit = (n, joined) => {
        const stripped = joined.replace(COMMENT, '').trim();
        if (stripped !== '')
            out.push({ line: n, text: stripped, raw: joined });
    };
    physical.forEach((l, i) => {
        const isComment = /^\s*#/.test(l);
        if (!l.endsWith('\\') || isComment) {
            if (pending.length > 0) {
                pending.push(isComment ? ` ${l}` : l);
                emit(first, pending.join(''));
                pending = [];
            }
            else
                emit(i + 1, l);
        }
        else {
            if (pending.length === 0)
                first = i + 1;
            pending.push(l.replace(/^\\+|\\+$/g, ''));
        }
    });
    if (pending.length > 0)
        emit(first, pending.join(''));
    return out;
}
/** `${NAME}` (upper case, digits, underscore only, as pip) from env; unset ones stay as written. */
function expandEnv(text, env) {
    return text.replace(ENV_VAR, (m, name) => env[name] ?? m);
}
/** Names of the `${NAME}` references in a text. */
function envReferences(text) {
    return [...text.matchAll(ENV_VAR)].map((m) => m[1]);
}
// ---- bare URLs, paths and archives (pip's install_req_from_line) --------------------------------
const ARCHIVE = /\.(whl|zip|tar\.gz|tgz|tar|tar\.bz2|tbz|tar\.xz|txz|tlz|tar\.lz|tar\.lzma)$/i;
const URL_LIKE = /^(?:[A-Za-z][A-Za-z0-9+.-]*\+)?(?:https?|file|ftp|git|hg|svn|bzr|ssh):/i;
function eggName(url) {
    const egg = /[#&]egg=([^&]+)/.exec(url)?.[1];
    return egg ? canonicalName(egg.replace(/\[.*$/, '')) : undefined;
}
const looksLikePath = (s) => s.includes('/') || s.startsWith('.');
/** A requirement token that pip treats as a location (URL, path, archive) rather than PEP 508. */
function asLocation(arg) {
    // pip: markers follow a URL after "; " (a URL may contain ';'), a name after ";".
    const loc = (URL_LIKE.test(arg) ? arg.split('; ')[0] : arg.split(';')[0]).trim();
    if (URL_LIKE.test(loc) || looksLikePath(loc) || ARCHIVE.test(loc.replace(/\[[^\]]*\]$/, ''))) {
        // "name @ url" with spaces is PEP 508, not a location.
        if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@/.test(loc) && !looksLikePath(loc.split('@')[0]))
            return undefined;
        const name = eggName(loc);
        return { url: loc, ...(name !== undefined && { name }) };
    }
    return undefined;
}
/** Parse one logical line (after comment removal and ${VAR} expansion). */
function parseLine(text) {
    // pip's break_args_options: the requirement is every token before the first that starts with "-".
    const tokens = text.split(' ');
    const firstOpt = tokens.findIndex((t) => t.startsWith('-'));
    const args = (firstOpt < 0 ? tokens : tokens.slice(0, firstOpt)).join(' ').trim();
    const optionTokens = shlexSplit(firstOpt < 0 ? '' : tokens.slice(firstOpt).join(' '));
    if (optionTokens === undefined)
        return { error: 'unbalanced quotes in the options' };
    const { options, error, rest } = parseOptions(optionTokens, OPTIONS);
    if (error)
        return { error };
    if (rest.length > 0)
        return { error: `unexpected "${rest.join(' ')}" among the options` };
    if (args === '') {
        const e = options.find((o) => o.spec.long === 'editable');
        if (e)
            return editable(e.value);
        const global = options.filter((o) => !o.spec.perRequirement);
        if (global.length === 0)
            return { error: `--${options[0].spec.long} belongs after a requirement on the same line` };
        return {
            kind: 'option',
            options: global.map((o) => ({ option: o.spec.long, ...(o.value !== undefined && { value: o.value }) })),
        };
    }
    const loc = asLocation(args);
    if (loc)
        return {
            kind: 'requirement',
            url: loc.url,
            editable: false,
            ...(loc.name !== undefined && { name: loc.name }),
        };
    try {
        const r = parsePep508(args);
        return {
            kind: 'requirement',
            name: canonicalName(r.name),
            editable: false,
            ...(r.url !== undefined && { url: r.url }),
        };
    }
    catch (e) {
        if (e instanceof Syntax)
            return { error: e.message };
        throw e;
    }
}
function editable(target) {
    const name = eggName(target);
    return { kind: 'requirement', url: target, editable: true, ...(name !== undefined && { name }) };
}
/** Parse a whole requirements file's text. `env` expands ${VAR} for checking only. */
function parseRequirementsText(text, env = {}) {
    const lines = [];
    const errors = [];
    for (const l of logicalLines(text)) {
        const r = parseLine(expandEnv(l.text, env));
        if ('error' in r)
            errors.push({ line: l.line, text: l.text, why: r.error });
        else
            lines.push({ ...r, line: l.line, text: l.text });
    }
    return { lines, errors };
}
/** Project names of a requirements text (lines parsed as pip does; options, bare paths and URLs without #egg= skipped). */
function requirementNames(text) {
    return parseRequirementsText(text).lines.flatMap((l) => l.kind === 'requirement' && l.name !== undefined ? [l.name] : []);
}


/***/ }),

/***/ 3228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nn: () => (/* binding */ SMOKE_RESULT_SCHEMA_VERSION),
/* harmony export */   U5: () => (/* binding */ toJUnit),
/* harmony export */   wp: () => (/* binding */ SmokeResultSchema)
/* harmony export */ });
/* unused harmony exports SmokeTestSchema, SmokeRunnerSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64377);
// SmokeResult (smoke.json) and its JUnit XML form (junit.xml).

const SMOKE_RESULT_SCHEMA_VERSION = 1;
const SmokeTestSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    suite: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']),
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()),
    /** The end of the output of a failing test (redacted). */
    output: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    cause: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), cause: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), fix: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), source: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), match: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })
        .optional(),
});
/** The runner the suites ran on (src/github/run.ts: RUNNER_NAME, RUNNER_OS, RUNNER_ARCH, run URL). */
const SmokeRunnerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    os: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    arch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
});
const SmokeResultSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(SMOKE_RESULT_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    platform: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['all', 'none']),
    tests: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SmokeTestSchema),
    summary: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ pass: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), fail: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), skip: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig() }),
    /**
     * When and where the suites ran (ISO 8601; the runner). The smoke attestation says so, also when
     * another job makes it or an identical earlier run's results are reused. Results of versions
     * before these fields have neither.
     */
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .datetime */ .w$({ offset: true }).optional(),
    runner: SmokeRunnerSchema.optional(),
});
const xml = (s) => s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c])
    // XML 1.0 forbids most control characters, which test output may contain.
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
function toJUnit(r) {
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="ml-image smoke" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}" time="${(r.summary.durationMs / 1000).toFixed(3)}">`,
        `  <testsuite name="${xml(`${r.image} ${r.platform}`)}" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}">`,
    ];
    for (const t of r.tests) {
        lines.push(`    <testcase classname="${xml(t.suite)}" name="${xml(t.id)}" time="${(t.durationMs / 1000).toFixed(3)}">`);
        if (t.status === 'skip')
            lines.push(`      <skipped message="${xml(t.reason ?? '')}"/>`);
        if (t.status === 'fail') {
            const msg = t.cause
                ? `${t.reason ?? ''} | cause: ${t.cause.cause} | fix: ${t.cause.fix}`
                : (t.reason ?? '');
            lines.push(`      <failure message="${xml(msg)}">${xml(t.output ?? '')}</failure>`);
        }
        const props = Object.entries(t.metrics);
        if (props.length) {
            lines.push('      <properties>');
            for (const [k, v] of props)
                lines.push(`        <property name="${xml(k)}" value="${xml(String(v))}"/>`);
            lines.push('      </properties>');
        }
        lines.push('    </testcase>');
    }
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}


/***/ }),

/***/ 49997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ clip),
/* harmony export */   n: () => (/* binding */ compareText)
/* harmony export */ });
// Text helpers shared by the stages.
/** Cut to at most max characters (code points), marking the cut: never inside a surrogate pair. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}
/**
 * Strings in code-unit order: the same on every machine. `localeCompare` follows the runner's
 * locale (LANG): sv_SE puts "libaa" before "libå", da_DK puts "libA" before "liba", so a sorted
 * list (and whatever is hashed or signed from it) would change with the machine.
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ })

};
