export const id = 523;
export const ids = [523];
export const modules = {

/***/ 66917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ ENV_RECORD_SCHEMA_VERSION),
/* harmony export */   Kh: () => (/* binding */ CREATED_LABEL),
/* harmony export */   iv: () => (/* binding */ EnvRecordSchema),
/* harmony export */   o8: () => (/* binding */ packageListProblem),
/* harmony export */   vS: () => (/* binding */ sizeKindOf),
/* harmony export */   z: () => (/* binding */ VARIANT_LABEL)
/* harmony export */ });
/* unused harmony exports LayerSchema, COLLECT_ENV_FIELDS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92857);
/* harmony import */ var _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6842);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47684);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
// EnvRecord: what is inside an image (env.json). Versioned, so the next release reads this one's:
// src/diff/read.ts migrates older records (v1 had no image.variant / image.created).




const ENV_RECORD_SCHEMA_VERSION = 2;
/** Labels the build sets (src/plan/tags.ts computeLabels) that image.variant / image.created mirror. */
const VARIANT_LABEL = `${_plan_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_PREFIX */ .Ag}.variant`;
const CREATED_LABEL = 'org.opencontainers.image.created';
const maybe = (t) => t.nullable().optional();
/**
 * A size in bytes. Not negative, as the report's schema requires (src/diff/schema.ts); at most
 * 2^53 (8 PiB), so that the report's sums of them stay numbers: sizes near 1e308 would add up to
 * Infinity, which no JSON file can hold. The record is refused when read (exit 2 naming the
 * field), not when the report is written.
 */
const bytes = zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** One step of the image's history (docker history): its instruction and the bytes its layer added. */
const LayerSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    createdBy: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    sizeBytes: bytes,
    /** No filesystem layer (ENV, CMD, LABEL ...). */
    empty: zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY().optional(),
});
const EnvRecordSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(ENV_RECORD_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        ref: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        id: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        digest: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        platform: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        sizeBytes: bytes,
        /**
         * What sizeBytes measures, which depends on the engine's image store (src/docker/size-kind.ts):
         * `unpacked` (the classic store: the unpacked layers) or `content` (the containerd image store:
         * the compressed content of the platform's manifest, about a third of it). Absent in records
         * written before kinds were recorded, or when the engine could not tell its store: read as
         * `unpacked`, what the classic store gave (sizeKindOf).
         */
        sizeKind: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(_docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .SIZE_KINDS */ .gT).optional(),
        // A count, whole, as the report's summary of a record requires (src/diff/schema.ts).
        layers: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().nonnegative(),
        labels: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        user: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        entrypoint: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()).nullable(),
        cmd: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()).nullable(),
        env: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        /** The config variant the image was built for (cpu, cuda12.8), when known. (v2) */
        variant: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().nullable(),
        /** When the image was created (ISO 8601), from the engine or the OCI label. (v2) */
        created: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().nullable(),
        /**
         * The image's history, oldest first: each build step with the instruction that made it and
         * the bytes its layer added (0 for ENV, CMD ... which add no layer). From the engine; absent in
         * records written before sizes were captured, or when the engine could not tell.
         */
        history: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(LayerSchema).optional(),
    }),
    os: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        osRelease: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        glibc: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        kernel: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        machine: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    }),
    python: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        implementation: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        executable: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        platform: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        pipVersion: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        packages: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
            name: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
            version: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
            requires: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
            installer: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
            location: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
            /** Bytes installed: the sizes its RECORD lists (else its files); absent when unknown. */
            sizeBytes: bytes.optional(),
            /**
             * Where pip installed it from when not from an index (PEP 610 direct_url.json): the URL (a
             * login in it masked), a VCS install's commit, whether editable. Absent for an index's
             * install, and in records written before probe 7, where it is unknown (DIRECT_URL_PROBE).
             */
            directUrl: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ url: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), commit: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(), editable: zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY().optional() })
                .optional(),
        })),
    }),
    apt: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        version: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        arch: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        /** dpkg's Installed-Size (KiB) in bytes; absent when unknown. */
        sizeBytes: bytes.optional(),
        /**
         * The source package it was built from (dpkg's Source field: libssl3's "openssl"), when dpkg
         * names one; absent: the binary package itself, or a record written before probe 3.
         */
        source: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
        /** The source package's version when it differs from this one's (a binNMU's "+b1"). */
        sourceVersion: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    })),
    /**
     * The conda packages, sorted by name: each `conda-meta/*.json` of the environment (sys.prefix's,
     * and CONDA_PREFIX's when another), as `conda list` reads them; the channel without its subdir, a
     * token in it masked. Absent without conda-meta, and in records written before probe 4.
     */
    conda: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        version: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        build: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
        channel: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
        subdir: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
        /**
         * The environment it is installed in (`/opt/conda`, `/opt/conda/envs/ml`): a name in both
         * environments is an entry in each, sys.prefix's first. Absent before probe 6, whose
         * entries name no environment (one alike in both was listed once).
         */
        prefix: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    }))
        .optional(),
    cuda: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        runtime: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        driverMaxCuda: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        cudnn: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        nccl: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        nvcc: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        /** Where each library was read: "torch: nvidia/cudnn/lib/libcudnn.so.9" (the copy torch loads) or "system". */
        sources: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()).optional(),
    }),
    torch: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        cuda: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        hip: maybe(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
        cudaAvailable: zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY(),
        deviceCount: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
        tf32: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ matmul: zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY(), cudnn: zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY() }),
        allocatorConfig: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    })
        .loose()
        .nullable(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        /** null where nvidia-smi has none: a unified-memory GPU (GB10) prints memory.total "[N/A]". */
        memoryMiB: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().nullable(),
        computeCapability: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        driver: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().nullable(),
    })
        .loose()),
    tools: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().nullable()),
    env: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()),
    /** Every field of torch.utils.collect_env, by its name there. */
    collectEnv: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()),
    errors: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ field: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), error: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() })),
    capture: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        probeVersion: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
        durationMs: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig(),
        toolVersion: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        time: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        host: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ kernel: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), engine: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional() }),
    }),
});
/** The kind of the record's image size: a record without one holds what the classic store gave. */
function sizeKindOf(record) {
    return record.image.sizeKind ?? _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SIZE_KIND */ .fl;
}
/** The errors field of a record whose pip package list lacks what the probe could not read. */
const PACKAGE_LIST_FIELD = 'python.packages';
/**
 * Why the record's pip package list is incomplete, or undefined when it is not: the probe's errors
 * under `python.packages` (a distribution it could not read, left out; earlier probes lost the
 * whole list to one). An SBOM, a report or a diff made from such a record lacks those packages, so
 * the stages that write or use it say so.
 */
function packageListProblem(record) {
    const errors = record.errors.filter((e) => e.field === PACKAGE_LIST_FIELD);
    if (errors.length === 0)
        return undefined;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    // One line, escaped: the error names a folder of the image's, which may hold any character.
    return `the pip package list is incomplete: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)((0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(errors[0].error, 300))}${more}`;
}
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

/***/ 15523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NQ: () => (/* binding */ readEnvRecord),
/* harmony export */   dV: () => (/* binding */ readSmokeResult),
/* harmony export */   lk: () => (/* reexport safe */ _util_json_file_js__WEBPACK_IMPORTED_MODULE_7__.lk)
/* harmony export */ });
/* unused harmony export ENV_RECORD_MIGRATIONS */
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66917);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11012);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_parse_input_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91814);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3228);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(82513);
/* harmony import */ var _util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(97499);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(20317);







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
/**
 * The other JSON files a run, resolve and sbom write beside the records (plan.json,
 * resolution.json, the SBOM in either format): easily given for a record, and named as what they
 * are rather than as a record of twelve problems.
 */
const WRITTEN_BESIDE = [
    { what: 'plan (plan.json)', keys: ['repository', 'variants', 'targets'] },
    { what: 'resolution (resolution.json)', keys: ['naive', 'constraints', 'resolved'] },
    { what: 'CycloneDX SBOM', keys: ['bomFormat'] },
    { what: 'SPDX SBOM', keys: ['spdxVersion'] },
];
// An acronym spoken letter by letter takes "an" where its first letter's name starts with a vowel.
const aOrAn = (what) => `${/^(?:[aeiou]|[FHLMNRSX][A-Z])/.test(what) ? 'an' : 'a'} ${what}`;
const hasKeys = (json, keys) => keys.every((k) => k in json);
const MAX_ISSUES = 8;
function read(json, source, kind) {
    if (!isObject(json)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: not ${aOrAn(kind.what)} (expected a JSON object, got ${describe(json)})`);
    }
    // Before the version: another kind of file (each has its own versions, or none) is named as what
    // it is, not as one of a version newer than this tool reads.
    const other = hasKeys(json, kind.keys) ? undefined : kind.others.find((o) => hasKeys(json, o.keys));
    if (other !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: not ${aOrAn(kind.what)}: it is ${aOrAn(other.what)}`);
    const version = json.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: schemaVersion: expected a positive integer, got ${describe(version)} (is this ${aOrAn(kind.what)}?)`);
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
    const parsed = (0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_3__/* .safeParseInput */ .$F)(kind.schema, record, source);
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
/**
 * Every record is read through this: the report's diff, the SBOM, smoke reuse, attest. Its base
 * branch's copy may have been written before a redaction rule was widened (PASS, PAT and CREDS as
 * secret names came later), so the fields masked by name are masked again with today's rules
 * (maskedAgain).
 */
function readEnvRecord(json, source) {
    return maskedAgain(readRecordAsIs(json, source));
}
/**
 * A record with its name-keyed fields masked by today's rules, as capture masks them now: the
 * image's and the probe's environment (redactEnvValue), the labels (by key, then by shape) and the
 * history's instructions (redactInstruction). Idempotent: a value masked by an older rule or by
 * this one comes back as [redacted], so two records that hold the same value compare equal.
 */
function maskedAgain(r) {
    const { history } = r.image;
    return {
        ...r,
        image: {
            ...r.image,
            env: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactEnvMap */ .$i)(r.image.env),
            labels: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactDeep */ .KL)((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactLabels */ .PU)(r.image.labels)),
            ...(history && { history: history.map((l) => ({ ...l, createdBy: (0,_util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_6__/* .redactInstruction */ .QT)(l.createdBy) })) }),
        },
        env: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactEnvMap */ .$i)(r.env),
    };
}
function readRecordAsIs(json, source) {
    return read(json, source, {
        what: ENV_RECORD,
        current: _capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .ENV_RECORD_SCHEMA_VERSION */ .B6,
        migrations: ENV_RECORD_MIGRATIONS,
        schema: _capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvRecordSchema */ .iv,
        keys: ENV_KEYS,
        others: [{ what: SMOKE_RESULT, keys: SMOKE_KEYS }, ...WRITTEN_BESIDE],
    });
}
function readSmokeResult(json, source) {
    return read(json, source, {
        what: SMOKE_RESULT,
        current: _smoke_result_js__WEBPACK_IMPORTED_MODULE_4__/* .SMOKE_RESULT_SCHEMA_VERSION */ .Nn,
        migrations: SMOKE_RESULT_MIGRATIONS,
        schema: _smoke_result_js__WEBPACK_IMPORTED_MODULE_4__/* .SmokeResultSchema */ .wp,
        keys: SMOKE_KEYS,
        others: [{ what: ENV_RECORD, keys: ENV_KEYS }, ...WRITTEN_BESIDE],
    });
}
/** JSON text to a value; the error names the file. */



/***/ }),

/***/ 47684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ag: () => (/* binding */ LABEL_PREFIX),
/* harmony export */   Hh: () => (/* binding */ variantFromPlan),
/* harmony export */   fB: () => (/* binding */ PlanSchema),
/* harmony export */   jk: () => (/* binding */ PLAN_SCHEMA_VERSION)
/* harmony export */ });
/* unused harmony exports TemplateSchema, BaseChoiceSchema, VariantPlanSchema, BuildTargetSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90131);
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
/**
 * What plan.json says about a variant: its NVIDIA driver floor, and whether it is a CUDA variant;
 * undefined when the plan has no such variant. `driverFloorField` is the floor's place in the file
 * (variants[1].cuda.minorCompatDriverMin), for a message about its value. (A plan.json of another
 * schemaVersion never gets here: the results contract leaves it out, and the caller goes on with
 * its defaults.)
 */
function variantFromPlan(plan, variant) {
    const i = plan.variants.findIndex((x) => x.name === variant);
    const v = plan.variants[i];
    if (!v)
        return undefined;
    return {
        cuda: v.cuda !== undefined,
        ...(v.cuda && {
            driverFloor: v.cuda.minorCompatDriverMin,
            driverFloorField: `variants[${i}].cuda.minorCompatDriverMin`,
        }),
    };
}


/***/ }),

/***/ 3228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ gpuSuiteSight),
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
    /**
     * The GPUs the tests ran with, as the reuse key covers them: "none" (CPU only), the models and
     * the driver ("2x NVIDIA H200; driver 570.86.15"), or "unknown". Set by the smoke stage; results
     * of older versions (and of `ml-image smoke`) have none.
     */
    gpuDevices: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    tests: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SmokeTestSchema),
    summary: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ pass: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), fail: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), skip: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig() }),
    /**
     * When and where the suites ran (ISO 8601; the runner). The smoke attestation says so, also when
     * another job makes it or an identical earlier run's results are reused. Results of versions
     * before these fields have neither.
     */
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .datetime */ .w$({ offset: true }).optional(),
    runner: SmokeRunnerSchema.optional(),
    /**
     * Set on the results of a cluster job (`ml-image export`) that `ml-image collect` read back: the
     * job and where it ran. The report says so beside the tests.
     */
    cluster: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        target: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['slurm', 'k8s']),
        job: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
        node: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        nodes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    })
        .optional(),
    /**
     * Set on the results so far of a run that was stopped before every suite ran (SIGINT, SIGTERM,
     * SIGHUP; the Docker daemon going away): why (the error's message). Its last test failed because
     * it was stopped, not on its own, and the tests after it are missing: such a result is shown,
     * never attested (src/pipeline/attest.ts) nor reused. Results without it ran to the end.
     */
    interrupted: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
});
/**
 * The most GPUs one test is believed to have seen: more than any host holds. A count above it (a
 * test's own metrics, or a cluster job's record) names no count: one device, not an attest stage
 * out of memory.
 */
const MAX_GPUS_SEEN = 1024;
const gpuCount = (v) => Number.isInteger(v) && v > 0 && v <= MAX_GPUS_SEEN ? v : undefined;
/**
 * The `names`, `gpus`, `driver` and `cuda_devices` metrics of the first passing test of the gpu
 * suite (images/probe/ml_image_smoke.py writes them), checked: undefined when no such test lists
 * `names`. The smoke attestation's devices (src/attest/smoke-predicate.ts) and a collected cluster
 * result's GPUs (src/smoke/collect.ts) both read them here, so they cannot read them differently.
 */
function gpuSuiteSight(tests) {
    const t = tests.find((x) => x.suite === 'gpu' && x.status === 'pass' && Array.isArray(x.metrics.names));
    if (t === undefined)
        return undefined;
    const m = t.metrics;
    const names = [
        ...new Set(m.names.filter((n) => typeof n === 'string' && n !== '')),
    ];
    const gpus = gpuCount(m.gpus);
    const cudaDevices = gpuCount(m.cuda_devices);
    return {
        names: names.sort(),
        ...(gpus !== undefined && { gpus }),
        driver: typeof m.driver === 'string' && m.driver !== '' ? m.driver : null,
        ...(cudaDevices !== undefined && { cudaDevices }),
    };
}
const xml = (s) => s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c])
    // XML 1.0 forbids most control characters, U+FFFE, U+FFFF and lone surrogates (its Char
    // production), which test output may contain: they are removed.
    .replace(
// eslint-disable-next-line no-control-regex -- removing them is the point
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
/**
 * Text as an XML attribute's value: xml, then line breaks and tabs as character references (a
 * parser turns a raw one into a space: a reason's lines would come back run together).
 */
const attr = (s) => xml(s).replace(/[\n\r\t]/g, (c) => ({ '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]);
/** Text as an element's content: xml, a carriage return kept (a parser turns a raw one into LF). */
const text = (s) => xml(s).replace(/\r/g, '&#13;');
/** A metric's value as a property's: a string as it is, an object or a list as JSON. */
const metricText = (v) => typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
function toJUnit(r) {
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="ml-image smoke" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}" time="${(r.summary.durationMs / 1000).toFixed(3)}">`,
        `  <testsuite name="${attr(`${r.image} ${r.platform}`)}" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}">`,
    ];
    for (const t of r.tests) {
        lines.push(`    <testcase classname="${attr(t.suite)}" name="${attr(t.id)}" time="${(t.durationMs / 1000).toFixed(3)}">`);
        if (t.status === 'skip')
            lines.push(`      <skipped message="${attr(t.reason ?? '')}"/>`);
        if (t.status === 'fail') {
            const msg = t.cause
                ? `${t.reason ?? ''} | cause: ${t.cause.cause} | fix: ${t.cause.fix}`
                : (t.reason ?? '');
            lines.push(`      <failure message="${attr(msg)}">${text(t.output ?? '')}</failure>`);
        }
        const props = Object.entries(t.metrics);
        if (props.length) {
            lines.push('      <properties>');
            for (const [k, v] of props)
                lines.push(`        <property name="${attr(k)}" value="${attr(metricText(v))}"/>`);
            lines.push('      </properties>');
        }
        lines.push('    </testcase>');
    }
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}


/***/ }),

/***/ 97499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QT: () => (/* binding */ redactInstruction),
  nJ: () => (/* binding */ redactOutput)
});

// UNUSED EXPORTS: MAX_INSTRUCTION

// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/util/redact-output-headers.ts
var redact_output_headers = __webpack_require__(43558);
// EXTERNAL MODULE: ./src/util/redact-output-named.ts
var redact_output_named = __webpack_require__(73881);
// EXTERNAL MODULE: ./src/util/redact-output-options.ts
var redact_output_options = __webpack_require__(72786);
// EXTERNAL MODULE: ./src/util/redact-spans.ts
var redact_spans = __webpack_require__(63435);
;// CONCATENATED MODULE: ./src/util/redact-output-arguments.ts
// A secret as a command's argument, where the command's form says which word is one (a shell's
// `set -x` trace, a Makefile's echo, a build step's log, a RUN's script): `wandb login KEY`,
// `vault login TOKEN`, `htpasswd -Bbn user PASSWORD`, MinIO's `mc alias set NAME URL ACCESS
// SECRET`, mysql's and 7z's `-pX`, MongoDB's `-p X`, `redis-cli -a X`, `unzip -P X`, `ldapsearch
// -w X`, `gh secret set NAME --body X`, `kubectl create secret generic NAME --from-literal=K=X`,
// openssl's `-passout pass:X`, and a tool's setting set on its command line
// (`aws configure set aws_secret_access_key X`, `npm config set //host/:_authToken X`, `poetry
// config pypi-token.pypi X`, `dvc remote modify NAME password X`, `git config github.token X`),
// and an npmrc's `//host/:_authToken=X` wherever it is.
// A login's or a setting's word, which prose could hold too (`run wandb login first`), is taken on
// a shell trace's or a prompt's line, quoted, or where it has a credential's shape (as an option's
// value after a blank is: redact-output-options.ts); the other forms say by themselves that the
// word is a secret.



/** The programs whose arguments a form reads: the program's name, after no word character nor `=` (a path's `/` may precede it), then a blank. */
const PROGRAM = /(?<![\w.=-])(wandb|vault|htpasswd|mcli|mc|mysql(?:dump|admin|import|show|check)?|mariadb(?:-dump|-admin)?|redis-cli|unzip|zip|7za?|ldap(?:search|add|modify|delete|whoami)|mongo(?:sh|dump|restore|export|import)?|gh|kubectl|oc|npm|yarn|pnpm|pip3?|git|conda|mamba|micromamba|poetry|dvc|aws|rclone)(?=[ \t])/g;
/** openssl's password argument given as a value (`-passin pass:x`, `'pass:x y'`; `env:NAME` and `file:path` name where it is). */
const OPENSSL_PASS = /(?<![\w-])-(?:passin|passout|pass|password|passwd)[ \t]+(["']?)pass:/g;
/** An npmrc's credential (`//registry.npmjs.org/:_authToken=x`, `:_auth=`, `:_password=`), written, echoed or shown. */
const NPMRC = /\/:_(?:authToken|auth|password)=/g;
/** What ends a bare word of a command (a `\` escapes the character after it): a blank, a quote, a backtick, what ends a command or redirects (`;`, `|`, `&`, `<`, `>`), a parenthesis (`$(...)`). */
const BARE_END = /[\s"'`;|&<>()]/;
/** What ends a command's words where a word would start: a line's end, `;`, `|`, `&`, a redirection, a backtick, a parenthesis, a comment's `#`. */
const WORDS_END = /[\r\n;|&<>`()#]/;
/** vault's options that take a value (Go's flags: `-ca-cert /x`): all but its flags. */
const VAULT_VALUE = /^--?(?!(?:no-print|no-store|token-only|non-interactive|output-curl-string|output-policy|tls-skip-verify|disable-redirects)$)[a-z][a-z-]*$/;
/** mc's global options that take a value (`-C DIR`, `--config-dir DIR`). */
const MC_VALUE = /^(?:-C|--config-dir)$/;
/** The most words and characters of a command read after its program. */
const MAX_WORDS = 64;
const MAX_CHARS = 2048;
/**
 * The words of the command after FROM, to its end (WORDS_END, a redirection's descriptor,
 * `2>/dev/null`, a line continuation's `\`, or ENCLOSING: the quote the command is inside, `bash -c
 * "cmd ..."`), at most MAX_WORDS words starting within MAX_CHARS characters. A word glued to a
 * quoted one (`--body="a b"`, `-p'x'`) is two words, the second adjacent (`from` just after the
 * first's end: glued). Each character is read at most once.
 */
function wordsOf(text, from, enclosing) {
    const words = [];
    const stop = Math.min(text.length, from + MAX_CHARS);
    let i = from;
    while (words.length < MAX_WORDS && i < stop) {
        const c = text[i];
        if (c === enclosing || WORDS_END.test(c))
            break;
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        const v = enclosing === '"' && text.startsWith('\\"', i) ? escapedQuoted(text, i) : wordAt(text, i);
        const word = text.slice(v.from, v.to);
        if (v.end <= i ||
            (!v.quoted && (word === '\\' || (/^\d+$/.test(word) && /[<>]/.test(text[v.end] ?? '')))))
            break;
        words.push({ ...v, text: word });
        i = v.end;
    }
    return words;
}
/** The word at I: inside its quotes (valueAt), or bare (bareWord). */
const wordAt = (text, i) => text[i] === '"' || text[i] === "'" ? (0,redact_output_options/* valueAt */.fK)(text, i) : bareWord(text, i);
/** The bare word at I: to BARE_END, a `\` and the character after it part of it (`hunter\ 2`), not a line's end. */
function bareWord(text, i) {
    let j = i;
    while (j < text.length && !BARE_END.test(text[j])) {
        const next = text[j + 1];
        j += text[j] === '\\' && next !== undefined && next !== '\n' && next !== '\r' ? 2 : 1;
    }
    return { from: i, to: j, end: j, quoted: false };
}
/** A word quoted with escaped quotes inside a double-quoted command (`bash -c "htpasswd -Bbn u \"x y\""`): to its `\"` or the line's end. */
function escapedQuoted(text, i) {
    let j = i + 2;
    while (j < text.length && text[j] !== '\n' && text[j] !== '\r' && !text.startsWith('\\"', j))
        j++;
    return { from: i + 2, to: j, end: text.startsWith('\\"', j) ? j + 2 : j, quoted: true };
}
/**
 * The quote that a place in TEXT is inside, as a shell reads a line (`'` or `"`; '' outside: a
 * line's end closes any; prose's apostrophe, `can't`, opens none), asked for at places in order:
 * each character read once (linear).
 */
function quotesOf(text) {
    let scanned = 0;
    let quote = '';
    return (at) => {
        for (; scanned < at; scanned++) {
            const c = text[scanned];
            const next = text[scanned + 1] ?? '';
            if (c === '\n' || c === '\r')
                quote = '';
            else if (c === '\\' && quote !== "'" && next !== '\n' && next !== '\r')
                scanned++;
            else if (quote === '' && (c === '"' || (c === "'" && !apostrophe(text, scanned))))
                quote = c;
            else if (c === quote)
                quote = '';
        }
        return quote;
    };
}
/**
 * Whether the `'` at I is prose's apostrophe, a contraction's after a letter (`can't`, `it's`,
 * `we're`): no quote. A shell's quote after a letter (`-p'pw'`, `-u'root'`) is none of these.
 */
const apostrophe = (text, i) => /[A-Za-z]/.test(text[i - 1] ?? '') && /^(?:t|s|re|ve|ll|d|m)(?!\w)/i.test(text.slice(i + 1, i + 5));
/** Whether W is an option (`-x`, `--name`, `--name=value`), not a quoted word. */
const isOption = (w) => w !== undefined && !w.quoted && /^--?[A-Za-z]/.test(w.text);
/** The rest of WORDS[I] after its first AT characters; where nothing is left, the quoted word glued to it (`-p'x'`, `--body="x"`). */
function restOf(words, i, at) {
    const w = words[i];
    if (at < w.text.length)
        return { from: w.from + at, to: w.to, text: w.text.slice(at), quoted: w.quoted };
    const next = words[i + 1];
    return next?.quoted && next.from - 1 === w.end ? next : undefined;
}
/** The value of option WORDS[I]: after its `=` (restOf), or the next word. */
function optionValue(words, i) {
    const eq = words[i].text.indexOf('=');
    return eq < 0 ? words[i + 1] : restOf(words, i, eq + 1);
}
/** The words of WORDS that are no option; an option's value skipped where TAKES_VALUE names the option (`--host URL`). */
function positionals(words, takesValue) {
    const out = [];
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (!isOption(w))
            out.push(w);
        else if (!w.text.includes('=') && takesValue?.test(w.text))
            i++;
    }
    return out;
}
/** Whether the words start with WANT, from index AT. */
const startsWith = (words, want, at = 0) => want.every((x, k) => words[at + k]?.text === x);
/**
 * Whether KEY, a setting's name, names a secret: its last part after `.`, `:` or `/` does
 * (secretOption: `_authToken`, `aws_secret_access_key`, `github.token`), or rclone's `pass`.
 */
const secretSetting = (key) => key === 'pass' || (0,redact_output_options/* secretOption */.qG)(key.slice(Math.max(key.lastIndexOf(':'), key.lastIndexOf('/')) + 1));
/**
 * A tool's settings set on its command line, after its `config`, `configure`, `set` or `remote
 * modify` words (in its first four): each setting whose name names a secret (secretSetting;
 * poetry's `pypi-token.NAME`), its value the next word; poetry's `http-basic.NAME USER PASSWORD`,
 * the one after.
 */
function settings(words) {
    const at = words
        .slice(0, 4)
        .findIndex((w, i) => /^(?:config|configure|set)$/.test(w.text) || (w.text === 'remote' && words[i + 1]?.text === 'modify'));
    if (at < 0)
        return [];
    const found = [];
    for (let i = at + 1; i < words.length; i++) {
        const key = words[i].text;
        // (git's `alias.secret` is a command's name)
        if (isOption(words[i]) || key.startsWith('alias.'))
            continue;
        const skip = /^http-basic\./.test(key) ? 2 : /^pypi-token\./.test(key) || secretSetting(key) ? 1 : 0;
        const value = skip > 0 ? words[i + skip] : undefined;
        if (value && !isOption(value)) {
            found.push({ word: value, gated: true });
            i += skip;
        }
    }
    return found;
}
/** What each program's form names as a secret among its WORDS (after the program's name). */
const FORMS = {
    // wandb login [--relogin] [--host URL] KEY
    wandb: (w) => (startsWith(w, ['login']) ? first(positionals(w.slice(1), /^--host$/), true) : []),
    // vault login [-path=x] TOKEN (a method's key=value pairs are the pair rule's: `password=x`)
    vault: vaultToken,
    // htpasswd -b[Bcn...] [FILE] USER PASSWORD: the last word with -b (the password given, not asked)
    htpasswd: (w) => {
        if (!w.some((x) => /^-[A-Za-z0-9]*b/.test(x.text) && !x.text.startsWith('--')))
            return [];
        const p = positionals(w, /^-[A-Za-z]*[Cr]$/);
        return p.length >= 2 ? [{ word: p[p.length - 1], gated: false }] : [];
    },
    mc: minioSecret,
    mcli: minioSecret,
    'redis-cli': (w) => optionValues(w, /^(?:-a|--pass)(?:=|$)/),
    // an archive's password (a dataset's zip): `unzip -P x`, `7z x -px`
    unzip: (w) => optionValues(w, /^-P$/),
    zip: (w) => optionValues(w, /^-P$/),
    '7z': gluedP,
    '7za': gluedP,
    // each tool of these families (mysqldump, mariadb-dump, ldapadd, mongodump...)
    mysql: gluedP,
    mariadb: gluedP,
    // an LDAP tool's bind password (`ldapsearch -D cn=admin -w x`)
    ldap: (w) => optionValues(w, /^-w$/, /^-w/),
    // MongoDB's tools: `mongo -u admin -p x`, `mongodump --password=x`
    mongo: (w) => optionValues(w, /^(?:-p|--password)(?:=|$)/),
    gh: (w) => (startsWith(w, ['secret', 'set']) ? optionValues(w, /^(?:-b|--body)(?:=|$)/, /^-b(?!-)/) : []),
    // create secret's literals; a setting (`kubectl config set users.ci.token x`)
    kubectl: (w) => [...literals(w), ...settings(w)],
    oc: (w) => [...literals(w), ...settings(w)],
};
/**
 * vault login [-path=x] TOKEN, or its `token=TOKEN`, with the token method (the default): a
 * method's other key=value pairs are the pair rule's (`password=x`).
 */
function vaultToken(words) {
    if (!startsWith(words, ['login']))
        return [];
    const method = words.findIndex((x) => /^--?method(?:=|$)/.test(x.text));
    const name = method < 0
        ? 'token'
        : words[method].text.includes('=')
            ? words[method].text.replace(/^[^=]*=/, '')
            : words[method + 1]?.text;
    if (name !== 'token')
        return [];
    const given = positionals(words.slice(1), VAULT_VALUE).filter((x) => x.text !== '-')[0];
    if (!given?.text.startsWith('token='))
        return given && !given.text.includes('=') ? [{ word: given, gated: true }] : [];
    const i = words.indexOf(given);
    const v = restOf(words, i, 6);
    return v ? [{ word: v, gated: false }] : [];
}
/**
 * MinIO's client (mc, mcli), after its global options: `alias set NAME URL ACCESS_KEY SECRET_KEY`,
 * `config host add ...` (older), `admin user add ALIAS ACCESS_KEY SECRET_KEY`.
 */
function minioSecret(words) {
    let at = 0;
    while (at < words.length && isOption(words[at]))
        at += MC_VALUE.test(words[at].text) ? 2 : 1;
    // A user's secret key: `admin user add ALIAS ACCESS_KEY SECRET_KEY`.
    if (startsWith(words, ['admin', 'user', 'add'], at)) {
        const secret = positionals(words.slice(at + 3))[2];
        return secret ? [{ word: secret, gated: false }] : [];
    }
    const rest = startsWith(words, ['alias', 'set'], at)
        ? words.slice(at + 2)
        : startsWith(words, ['config', 'host', 'add'], at)
            ? words.slice(at + 3)
            : [];
    const secret = positionals(rest, /^--(?:api|path|lookup)$/)[3];
    return secret ? [{ word: secret, gated: false }] : [];
}
/** mysql's (mariadb's, 7z's) password glued to its `-p` (`-phunter`, `-p'x'`; `-p` alone asks for it). */
function gluedP(words) {
    return optionValues(words, undefined, /^-p/);
}
/** The first of WORDS, GATED or not. */
const first = (words, gated) => (words[0] ? [{ word: words[0], gated }] : []);
/** The values of the options NAMED (`-a x`, `--body=x`); GLUED, a short option with its value in it (`-bx`). */
function optionValues(words, named, glued) {
    const found = [];
    words.forEach((w, i) => {
        if (!isOption(w))
            return;
        if (named?.test(w.text)) {
            const v = optionValue(words, i);
            if (v)
                found.push({ word: v, gated: false });
        }
        else if (glued?.test(w.text)) {
            const v = restOf(words, i, 2);
            if (v)
                found.push({ word: v, gated: false });
        }
    });
    return found;
}
/**
 * kubectl's (or oc's) `create secret`: each `--from-literal=KEY=VALUE`'s value (`--from-literal
 * KEY=VALUE`, `KEY="VALUE"`, `"KEY=VALUE"` too).
 */
function literals(words) {
    const at = words.findIndex((w, i) => w.text === 'create' && words[i + 1]?.text === 'secret');
    if (at < 0)
        return [];
    const found = [];
    words.forEach((w, i) => {
        const [k, start] = i > at ? (literalAt(words, i) ?? [-1, 0]) : [-1, 0];
        const eq = words[k]?.text.indexOf('=', start) ?? -1;
        const v = eq > start ? restOf(words, k, eq + 1) : undefined;
        if (v)
            found.push({ word: v, gated: false });
    });
    return found;
}
/**
 * Where the KEY=VALUE of option WORDS[I] starts, where it is `--from-literal`: after its `=`, in
 * the quoted word glued to it, or the next word.
 */
function literalAt(words, i) {
    const w = words[i];
    const next = words[i + 1];
    if (w.quoted || !w.text.startsWith('--from-literal'))
        return undefined;
    if (w.text === '--from-literal')
        return [i + 1, 0];
    if (w.text === '--from-literal=')
        return next?.quoted && next.from - 1 === w.end ? [i + 1, 0] : undefined;
    return w.text[14] === '=' ? [i, 15] : undefined;
}
/** What PROGRAM's form names as a secret among WORDS. */
function secretsOf(program, words) {
    const family = /^(?:mysql|mariadb|ldap|mongo)/.exec(program)?.[0] ?? program;
    return FORMS[family]?.(words) ?? settings(words);
}
/**
 * TEXT with each secret argument masked (see the header): the value inside its quotes, or its
 * word; kept where holdsValue says it is none (a reference, a placeholder, prose's word), or, for
 * a login's or a setting's word outside a shell's trace or a prompt's line, where it is neither
 * quoted nor of a credential's shape; SCRIPT, a text that is commands (a RUN's script), reads
 * every line as a trace's. Each command is read once, at most MAX_WORDS words, and the search goes
 * on after what it read: linear. Idempotent.
 */
function maskCommandArguments(text, script = false) {
    const spans = [];
    const commandAt = (0,redact_output_options/* commandsOf */.Kf)(text);
    const quoteAt = quotesOf(text);
    PROGRAM.lastIndex = 0;
    for (let m; (m = PROGRAM.exec(text));) {
        const enclosing = quoteAt(m.index);
        const words = wordsOf(text, PROGRAM.lastIndex, enclosing);
        for (const { word, gated } of secretsOf(m[1], words)) {
            if (text.startsWith(redact/* REDACTED */.XF, word.from) || !(0,redact_output_options/* holdsValue */.UQ)(word.text))
                continue;
            // A command inside quotes may be prose (`echo "run wandb login first"`): its shape decides.
            const command = () => enclosing === '' && (script || commandAt(m.index).trace);
            if (!gated || word.quoted || (0,redact_output_options/* credentialShaped */.vI)(word.text) || command())
                spans.push(word);
        }
        PROGRAM.lastIndex = Math.max(PROGRAM.lastIndex, words.at(-1)?.end ?? 0);
    }
    if (text.includes('/:_')) {
        NPMRC.lastIndex = 0;
        while (NPMRC.exec(text)) {
            const at = NPMRC.lastIndex;
            const v = wordAt(text, at);
            if ((0,redact_output_options/* holdsValue */.UQ)(text.slice(v.from, v.to)) && !text.startsWith(redact/* REDACTED */.XF, v.from))
                spans.push(v);
            NPMRC.lastIndex = Math.max(v.end, at);
        }
    }
    if (text.includes('pass:')) {
        OPENSSL_PASS.lastIndex = 0;
        for (let m; (m = OPENSSL_PASS.exec(text));) {
            const at = OPENSSL_PASS.lastIndex;
            // Inside the quotes opened before `pass:` (`'pass:x y'`: from its quote, 6 back), or its own (`pass:"x y"`), or its word.
            const v = m[1] ? { ...(0,redact_output_options/* valueAt */.fK)(text, at - 6), from: at } : wordAt(text, at);
            if ((0,redact_output_options/* holdsValue */.UQ)(text.slice(v.from, v.to)) && !text.startsWith(redact/* REDACTED */.XF, v.from))
                spans.push(v);
            OPENSSL_PASS.lastIndex = Math.max(v.end, at);
        }
    }
    return (0,redact_spans/* spliced */.Z)(text, spans);
}

// EXTERNAL MODULE: ./src/util/redact-output-lines.ts + 2 modules
var redact_output_lines = __webpack_require__(37497);
// EXTERNAL MODULE: ./src/util/redact-output-pairs.ts
var redact_output_pairs = __webpack_require__(66293);
;// CONCATENATED MODULE: ./src/util/redact-instruction.ts
// Secrets in an image's history: the instruction that made each layer (docker history's CREATED BY),
// as BuildKit and the classic builder write it. Their values are unquoted (BuildKit's ENV, ARG and
// LABEL write each pair as NAME=value, whatever the Dockerfile quoted), so a value may hold blanks:
// it runs to the next NAME= of the same instruction. Capture masks with it, and the reader of
// records (src/diff/read.ts) masks a record written by an older version again with today's rules.
// The smoke stage masks a test's output with the same pairs rule (redactOutput).







/** Longest instruction kept per layer (a RUN with a long script): the record stays small. */
const MAX_INSTRUCTION = 500;
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
/** NAME= at the start of a pair of ENV or ARG (at the start of the text or after a blank). */
const ENV_PAIR = new RegExp(`(?<![^\\s])(${NAME})=`, 'g');
/** ENV_PAIR for maskRunArgs' exec (its lastIndex moves; matchAll would start at ENV_PAIR's). */
const RUN_PAIR = new RegExp(ENV_PAIR.source, 'g');
/** KEY= at the start of a pair of LABEL (a key may hold dots, dashes, slashes). */
const LABEL_PAIR = /(?<![^\s])([^\s="]+)=/g;
/** The classic builder's prefix of an instruction that ran no command. */
const NOP = /^\/bin\/sh -c #\(nop\)\s+/;
/** ENV, ARG or LABEL and the blanks after it. */
const KEYWORD = /^(ENV|ARG|LABEL)([ \t]+)/;
/** ENV's legacy form, `ENV NAME the value`: one name, the rest of the line is its value. */
const LEGACY_ENV = new RegExp(`^(${NAME})[ \\t]+`);
/** A RUN with build arguments: `RUN |2 A=1 B=2 /bin/sh -c ...` (the classic builder has no RUN). */
const RUN_ARGS = /^(?:RUN )?\|(\d+) /;
/** Where the command of such a RUN begins: its shell, an absolute path and a flag (`/bin/sh -c`). */
const SHELL_START = / \/\S* -/g;
/**
 * NAME=value anywhere else (a script's own assignments): the shell's word, quoted parts and what
 * follows them joined (`'s3cr'etPart`, `"sk"-live-4f9a`); the alternatives start on different
 * characters, so it stays linear.
 */
const assignment = (name) => new RegExp(`(^|\\s)(${name})=((?:"[^"\\n]*"|'[^'\\n]*'|[^\\s"']+)+|\\S+)`, 'g');
const ASSIGNMENT = assignment(NAME);
/** A label's value: masked by its key as image.labels are (redactLabels), else by its shape. */
const maskLabel = (key, value) => (0,redact/* redactLabels */.PU)({ [key]: value })[key] === redact/* REDACTED */.XF ? redact/* REDACTED */.XF : (0,redact/* redactDeep */.KL)(value);
/**
 * An instruction as a record shows it: values of secret names masked (whole, blanks included),
 * then tokens of known forms and URL logins (redactText), then clipped to MAX_INSTRUCTION.
 * Idempotent: what it returns comes back unchanged.
 */
function redactInstruction(text) {
    const out = (0,redact/* redactText */.Rd)(maskInstruction(text));
    return out.length > MAX_INSTRUCTION ? `${out.slice(0, MAX_INSTRUCTION - 1)}…` : out;
}
function maskInstruction(text) {
    const nop = NOP.exec(text)?.[0] ?? '';
    const rest = text.slice(nop.length);
    const kw = KEYWORD.exec(rest);
    if (kw) {
        const body = rest.slice(kw[0].length);
        const legacy = kw[1] === 'ENV' ? LEGACY_ENV.exec(body) : null;
        const masked = legacy
            ? legacy[0] + maskLegacy(legacy[1], body.slice(legacy[0].length))
            : kw[1] === 'LABEL'
                ? maskPairs(body, LABEL_PAIR, maskLabel)
                : maskPairs(body, ENV_PAIR, redact/* redactEnvValue */.OI);
        return nop + kw[0] + masked;
    }
    const run = RUN_ARGS.exec(rest);
    if (run)
        return nop + maskRunArgs(rest, run[0].length, Number(run[1]));
    return nop + maskAssignments(rest);
}
/**
 * The value of `ENV NAME value`: masked whole by NAME; else the pairs it may hold are masked by
 * theirs (a line that only looks legacy, `ENV A B=c`, would otherwise show c).
 */
function maskLegacy(name, value) {
    const masked = (0,redact/* redactEnvValue */.OI)(name, value);
    return masked === value ? maskPairs(value, ENV_PAIR, redact/* redactEnvValue */.OI) : masked;
}
/** Each pair's value (to the blanks before the next pair, or the end) through MASK. */
function maskPairs(body, pair, mask) {
    const starts = [...body.matchAll(pair)];
    if (starts.length === 0)
        return body;
    const parts = [body.slice(0, starts[0].index)];
    starts.forEach((m, i) => {
        const raw = body.slice(m.index + m[0].length, starts[i + 1]?.index ?? body.length);
        const value = raw.trimEnd();
        parts.push(`${m[0]}${mask(m[1], value)}${raw.slice(value.length)}`);
    });
    return parts.join('');
}
/**
 * `|N A=1 B=x y /bin/sh -c script`: the N build arguments, each value to the next NAME=, the last
 * one's to where the shell begins (else its first word); then the script's own assignments.
 */
function maskRunArgs(text, at, n) {
    RUN_PAIR.lastIndex = at;
    const first = RUN_PAIR.exec(text);
    // Not the pairs the count announces: the text is read as any other.
    if (!first || first.index !== at || n < 1)
        return maskAssignments(text);
    const starts = [first];
    for (let m; starts.length < n && (m = RUN_PAIR.exec(text));)
        starts.push(m);
    const last = starts[starts.length - 1];
    const lastValue = last.index + last[0].length;
    SHELL_START.lastIndex = lastValue;
    const shell = SHELL_START.exec(text)?.index;
    const blank = text.slice(lastValue).search(/\s/);
    const end = shell ?? (blank < 0 ? text.length : lastValue + blank);
    return (text.slice(0, at) +
        maskPairs(text.slice(at, end), ENV_PAIR, redact/* redactEnvValue */.OI) +
        maskAssignments(text.slice(end)));
}
/** A line that is one NAME=value, as `env` and `printenv` print it: its value runs to the line's end. */
/**
 * A name as environment variables are written (upper case, digits, `_`): in a program's output a
 * lower-case `max_new_tokens=50` or `tokenizer=bert-base` is a setting it prints, not a variable.
 */
const ENV_NAME = '[A-Z_][A-Z0-9_]*';
/** A YAML key as YAML_PAIR reads it: an environment variable's name with a `_`. */
const YAML_NAME = '[A-Z][A-Z0-9]*_[A-Z0-9_]*';
const IS_YAML_NAME = new RegExp(`^${YAML_NAME}$`);
const IS_ENV_NAME = new RegExp(`^${ENV_NAME}$`);
/**
 * A key of any case (`api_key`, `apiKey`, `DB_PASSWORD`): one not written as a variable's name is
 * masked only where it names a secret (secretKey, secretQuotedKey), by their stricter rule.
 */
const KEY_NAME = '[A-Za-z_][A-Za-z0-9_-]*';
/** A line that is one NAME=value, as `env` and `printenv` print it: its value runs to the line's end. */
const ENV_LINE = new RegExp(`^(${ENV_NAME})=([^\\r\\n]*)$`, 'gm');
/**
 * NAME=value in other text (`export A=x`, `set`'s `A='x y'`), NAME as ENV_NAME, as a shell's word
 * (assignment); a quote the line does not close takes the rest of the line (`declare -x
 * SSH_KEY="-----BEGIN KEY-----`: its next lines are maskContinuations').
 */
const ENV_ASSIGNMENT = new RegExp(`(^|\\s)(${ENV_NAME})=((?:"[^"\\n]*"|'[^'\\n]*'|[^\\s"']+)+(?:["'][^\\r\\n]*)?|["'][^\\r\\n]*)`, 'g');
/**
 * A quoted NAME and its quoted value, as a mapping prints: Python's `{'WANDB_API_KEY': 'x'}`
 * (print(os.environ); `"it's"` in double quotes), JSON's `"WANDB_API_KEY": "x \\" y"`, or
 * `os.environ["A"] = "x"`; either written as a bytes literal (`b'A'`, `b"x"`), as os.environb and
 * a bytes dict print. A value's escaped characters are part of it.
 */
const QUOTED_PAIR = new RegExp(`(b?)(["'])(${KEY_NAME})\\2(\\]?\\s*[:=]\\s*)(b?)(?:"((?:\\\\.|[^"\\\\\\r\\n])*)"|'((?:\\\\.|[^'\\\\\\r\\n])*)')`, 'g');
/**
 * A tuple of a quoted NAME and its quoted value, as Python prints os.environ.items() in a list:
 * `[('DB_PASSWORD', 'x'), ...]` (bytes literals too), or a dict's items() of a program's own keys
 * (`('password', 'x')`: a key not written as a variable's masked by secretQuotedKey, as a quoted
 * pair's); the value ends the tuple or its line.
 */
const TUPLE_PAIR = new RegExp(`\\((b?)(["'])(${KEY_NAME})\\2(,[ \\t]*)(b?)(?:"((?:\\\\.|[^"\\\\\\r\\n])*)"|'((?:\\\\.|[^'\\\\\\r\\n])*)')(?=[ \\t]*(?:\\)|\\r?\\n|$))`, 'g');
/**
 * A line that is one `NAME: value`, as YAML (and `docker inspect`'s Go template) prints it, NAME
 * with a `_` (WANDB_API_KEY): a `KEY: column` or `AUTHORS: Jane` line is a program's own text.
 * NAME may be quoted (`"DB_PASSWORD": |-`, as yaml.dump writes it with a default_style); then a
 * value quoted whole on the line (JSON's `"A_KEY": "x",`) is QUOTED_PAIR's, and only one that is
 * not quoted, or whose quote the line does not close (a scalar over several lines), is this one's.
 * The blanks after the colon are taken whole (`(?![ \t])`): the check on the value is made once.
 */
const YAML_PAIR = new RegExp(`^([ \\t-]*)(?:(["'])(${KEY_NAME})\\2:([ \\t]+)(?![ \\t])(?!["'][^\\r\\n]*["'],?[ \\t]*$)|(${KEY_NAME}):([ \\t]+))([^\\r\\n]*)$`, 'gm');
/**
 * A program's output (a smoke test's) as a result or a log shows it: the value of each NAME=value
 * whose NAME is written as an environment variable's masked as the environment record masks it
 * (redactEnvValue: by a secret NAME, else by its shape), a line as `env` prints it whole (blanks
 * included; a CRLF line keeps its CR), an assignment in other text (`export A=x`, `set`'s
 * `A='x y'`) as a shell word, a quoted pair as a mapping prints it (`{'A': 'x'}`, `"A": "x"`) or
 * a tuple (`('A', 'x')`), and a YAML line `A: x`; a key of a program's own (lower case, camelCase:
 * `api_key: x`, `{"password": "x"}`) only where it names a secret by secretKey's stricter rule;
 * the other one-line forms of maskOutputPairs (print(k, v)'s `NAME value`, a flow mapping, Go's
 * `map[K:v]`); an HTTP header that carries a credential, wherever it is (maskCredentialHeaders:
 * `> Cookie: x`, `-H 'X-Vault-Token: x'`); the lines that go on a secret's value first
 * (maskContinuations: a YAML block, pprint's literals, a PEM block, a header's value on the line
 * below its name); then tokens of known forms and URL logins (redactText).
 */
function redactOutput(text) {
    const mask = (name, value) => `${name}=${(0,redact/* redactEnvValue */.OI)(name, value)}`;
    const quoted = (open) => (_m, nb, q, name, sep, vb, dq, sq) => {
        const vq = dq !== undefined ? '"' : "'";
        const value = dq ?? sq ?? '';
        // A key not written as a variable's is masked by name only (a setting's value stays as it is).
        const shown = IS_ENV_NAME.test(name)
            ? (0,redact/* redactEnvValue */.OI)(name, value)
            : (0,redact_output_pairs/* secretQuotedKey */.Y$)(name)
                ? redact/* REDACTED */.XF
                : value;
        return `${open}${nb}${q}${name}${q}${sep}${vb}${vq}${shown}${vq}`;
    };
    const lines = (0,redact_output_pairs/* maskOutputPairs */.Fq)(maskCommandArguments((0,redact_output_options/* maskCommandLines */.DV)((0,redact_output_named/* maskNamedPairs */.Zr)((0,redact_output_headers/* maskCredentialHeaders */.su)((0,redact_output_lines/* maskContinuations */.f)(text))))))
        .replace(ENV_LINE, (_m, name, value) => mask(name, value))
        .replace(QUOTED_PAIR, quoted(''))
        .replace(TUPLE_PAIR, quoted('('))
        .replace(YAML_PAIR, (_m, lead, q = '', qname, qsp, name, sp, value = '') => {
        const key = qname ?? name;
        // A variable's name as before (by name, else the value's shape); any other key by name only.
        const shown = IS_YAML_NAME.test(key) ? (0,redact/* redactEnvValue */.OI)(key, value) : (0,redact_output_pairs/* secretKey */.oF)(key) ? redact/* REDACTED */.XF : value;
        return `${lead}${q}${key}${q}:${qsp ?? sp}${shown}`;
    });
    return (0,redact/* redactText */.Rd)(lines.replace(ENV_ASSIGNMENT, (_m, sp, name, value) => `${sp}${mask(name, value)}`));
}
/**
 * Free text (a RUN's script): NAME=value assignments, each value through redactEnvValue, and the
 * secrets its commands name (maskCommandLines' options, maskCommandArguments' arguments: `docker
 * login --password x`, `htpasswd -Bbn user x`, `wandb login KEY`), each line read as a command's.
 */
function maskAssignments(text) {
    return maskCommandArguments((0,redact_output_options/* maskCommandLines */.DV)(text, true), true).replace(ASSIGNMENT, (_m, sp, name, value) => `${sp}${name}=${(0,redact/* redactEnvValue */.OI)(name, value)}`);
}


/***/ }),

/***/ 43558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ credentialOrAuthorization),
/* harmony export */   K5: () => (/* binding */ AUTHORIZATION),
/* harmony export */   KK: () => (/* binding */ holdsCredential),
/* harmony export */   a3: () => (/* binding */ listValue),
/* harmony export */   bY: () => (/* binding */ COOKIES_HEAD),
/* harmony export */   cw: () => (/* binding */ HEADER_VALUE),
/* harmony export */   j_: () => (/* binding */ COOKIE),
/* harmony export */   su: () => (/* binding */ maskCredentialHeaders),
/* harmony export */   x3: () => (/* binding */ HEADER_HEAD)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
/* harmony import */ var _redact_output_pairs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66293);
/* harmony import */ var _redact_spans_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63435);
// HTTP headers that carry a credential, wherever a program's output prints one on a line: curl -v's
// `> Cookie: ...` and `< Set-Cookie: ...`, a shell trace's `curl -H 'X-Vault-Token: ...'`, curl's
// HTTP/2 `[cookie: ...]`, Python http.client's `header: Set-Cookie: ...` and its `send:
// b'...\r\nCookie: ...\r\n'`, a logger's `DEBUG:hvac:X-Vault-Token: ...`, a signing library's
// canonical request (`x-amz-security-token:...`), Go's fmt of an http.Header
// (`map[Set-Cookie:[...]]`, `http.Header{"Cookie":[]string{"..."}}`), Node's inspect of a response
// (`'set-cookie': [ '...' ]`, rawHeaders' `'Set-Cookie', '...'`), undici's and a HAR's name and
// value, Spring's HttpHeaders, a Ruby hash; and a cookie as requests' jar, curl's and wget's cookie
// engines and Python's cookiejar print it. A value on the line below its name is the continuation
// scanner's (redact-output-lines.ts); the Authorization header has its own rule
// (redact-authorization.ts).



/**
 * A name, quoted or not, and what follows it: `:` (unquoted or quoted), `=>` or `,` (quoted: a Ruby
 * hash, a list of names and values). At a name's start: not after a letter, digit, `_`, `-`, a
 * backslash (`\nCookie` is no name `nCookie`) or `/` (an image's or a URL's path,
 * `ghcr.io/acme/vault-token:1.2`; after a `.` it is a property's, `req.headers.cookie: x`), or after
 * an escaped line break (`\r\n`, `\n`) of an HTTP message printed as one string. Each name is
 * read once from its start: linear.
 */
const CANDIDATE = /(?:(?<![A-Za-z0-9_\\/-])|(?<=\\[rn]))((?:\\)?['"]|)([A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)\1[ \t]*(:|=>|,)[ \t]*/g;
/** A cookie's header. */
const COOKIE = /^(?:set-)?cookie$/i;
/** Credential headers whose name no word rule finds: Docker's, JFrog's, Azure Functions'. */
const NAMED = /^(?:x-registry-auth|x-jfrog-art-api|x-functions-key)$/i;
/** What a HAR's or undici's pair, Go's %#v and Node's inspect put between a header's name and its value. */
const VALUE_LEAD = /^(?:(\\?["']?)value\1[ \t]*:[ \t]*|\[\]string\{|\[[ \t]*)/;
/** A cookie's attribute, not a cookie (`Set-Cookie: SameSite=None requires Secure` is prose). */
const COOKIE_ATTRIBUTE = /^(?:samesite|path|domain|expires|max-age|secure|httponly|partitioned|priority)$/i;
/** A value of a name and value list that is a header's name itself: `['Cookie', 'Content-Type']`. */
const NAME_SHAPED = /^[A-Za-z]+(?:-[A-Za-z]+)*$/;
/** A word of prose after a header's name (`X-Api-Key: header must be set`): no token. */
const PROSE_WORD = /^[a-z]+$/;
/** What ends a token after a header's name: a blank, a quote, a backslash, punctuation around values. */
const WORD_END = /[\s"'\\,;()<>[\]{}|`]/;
/** A cookie in requests' jar (`<Cookie sid=x for host/>`) or curl's cookie engine (`Added cookie sid="x"`). */
const COOKIE_NOTE = /(<Cookie |\b(?:Added|Replaced) cookie )([^\s="]{1,256})=("?)([^"\s]*)/g;
/** A cookie as Python's http.cookiejar prints it: `Cookie(version=0, name='sid', value='x', ...)`, up to the value's quote. */
const COOKIE_REPR = /\bCookie\(version=[^,\r\n]{0,16}, name=(['"])[^'"\r\n]{0,256}\1, value=(['"])/g;
/** A cookie as wget -d stores it: `Stored cookie host -1 (ANY) / <session> <insecure> [expiry none] sid x`. */
const COOKIE_STORED = /\bStored cookie [^\r\n\]]{0,512}\] [^\s]{1,256} ([^\s]+)/g;
/** Whether NAME is a header that carries a credential: a cookie's, one a word rule finds, `X-...-Token`. */
const credentialHeader = (name) => COOKIE.test(name) || NAMED.test(name) || (0,_redact_output_pairs_js__WEBPACK_IMPORTED_MODULE_1__/* .lowerSecret */ .YA)(name) || /^x-.+-token$/i.test(name);
/**
 * Whether the value of header NAME that starts at START in TEXT holds a credential: a cookie's
 * holds a cookie's `name=value` (holdsCookie), another's first word is no lower-case word of prose
 * (`header`, `got`).
 */
function holdsCredential(name, text, start = 0) {
    if (COOKIE.test(name))
        return holdsCookie(text, start);
    const word = text.slice(start, valueEnd(text, start, undefined, true));
    return word !== '' && !PROSE_WORD.test(word);
}
/** A cookie's or an attribute's `name` or `name=value` (`Expires=Wed, 21 Oct 2026 ...` too), and the `;` that ends it. */
const COOKIE_SEGMENT = /([^\s;=,"'\\]+)(=[^\r\n;"'\\]{0,64})?(;[ \t]*)?/y;
/**
 * Whether a cookie header's value at START holds a cookie: its first pair that is no attribute's
 * is a `name=value`, after any attributes each ended by `;` (`Path=/; sid=x`; `SameSite=None
 * requires Secure` is prose). Reads no further than that pair: linear over a line of them.
 */
function holdsCookie(text, start) {
    COOKIE_SEGMENT.lastIndex = start;
    for (let m; (m = COOKIE_SEGMENT.exec(text));) {
        if (!COOKIE_ATTRIBUTE.test(m[1]))
            return m[2] !== undefined;
        if (m[3] === undefined)
            return false;
    }
    return false;
}
/**
 * Where a value that starts at START ends: at the line's end or an escaped line break (`\r`, `\n`
 * as two characters), or at CLOSE (a quote or bracket that opened before it; an escaped quote, and
 * a shell's `'\''` in a single-quoted word, are part of the value). WORD: at the end of its first word too.
 */
function valueEnd(text, start, close, word = false) {
    let i = start;
    for (; i < text.length; i++) {
        const c = text[i];
        // A shell's `'\''` inside a single-quoted word is a quote in the value (bash's set -x writes it).
        if (c === "'" && close === "'" && !word && text.startsWith("'\\''", i)) {
            i += 3;
            continue;
        }
        if (c === '\n' || c === '\r' || c === close || (word && WORD_END.test(c)))
            break;
        if (c === '\\') {
            const next = text[i + 1];
            if (next === 'r' || next === 'n')
                break;
            i++;
        }
    }
    return Math.min(i, text.length);
}
/** Where a value that starts at START inside an escaped quote Q ends: at `\Q`, an escaped line break or the line's end. */
function escapedEnd(text, start, q) {
    let i = start;
    for (; i < text.length; i++) {
        const c = text[i];
        if (c === '\n' || c === '\r')
            break;
        if (c === '\\') {
            const next = text[i + 1];
            if (next === q || next === 'r' || next === 'n')
                break;
            i++;
        }
    }
    return Math.min(i, text.length);
}
/** What closes a value opened by OPEN, the character before its header's name. */
const closer = (open) => open === "'" || open === '"' ? open : open === '[' ? ']' : undefined;
/**
 * The quoted value(s) after a quoted header name, from AT (past its separator SEP): a HAR's
 * `"value": "x"`, Go's `[]string{"x"}`, Node's `[ 'x' ]` (every item to its `]`: kOutHeaders lists
 * the name again first), or the next item of a name and value list (`'Set-Cookie', 'x'`: one
 * that holds a credential, not one shaped as a header's name: `['Cookie', 'Content-Type']`).
 */
function quotedValues(text, name, at, sep) {
    const lead = VALUE_LEAD.exec(text.slice(at, at + 16));
    let i = at + (lead?.[0].length ?? 0);
    const list = lead?.[0].startsWith('[') === true;
    // A list's next item, where no `value` key says it is the value.
    const ambiguous = sep === ',' && lead === null;
    const spans = [];
    for (;;) {
        // A quote, or an escaped one (JSON in a JSON string: `{\"Cookie\": \"x\"}`).
        const escaped = text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === "'");
        const q = escaped ? text[i + 1] : text[i];
        if (q !== '"' && q !== "'")
            break;
        const from = i + (escaped ? 2 : 1);
        const end = escaped ? escapedEnd(text, from, q) : valueEnd(text, from, q);
        const value = text.slice(from, end);
        if (!ambiguous || (!NAME_SHAPED.test(value) && holdsCredential(name, text, from)))
            spans.push({ from, to: end });
        i = end + (escaped ? 2 : 1);
        if (!list)
            break;
        const comma = /^[ \t]*,[ \t]*/.exec(text.slice(i, i + 64));
        if (comma === null)
            break;
        i += comma[0].length;
    }
    return { spans, next: i };
}
/** The value after an unquoted credential header NAME that starts at START (see maskCredentialHeaders). */
function bareValue(text, name, start, open, afterBreak) {
    const none = (next) => ({ spans: [], next });
    // Go's []string (`map[Set-Cookie:[x]]`), Node's list (`cookies: [ 'x' ]`): inside the brackets.
    if (text[start] === '[' && !text.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF, start)) {
        const end = valueEnd(text, start + 1, ']');
        return { spans: [{ from: start + 1, to: end }], next: end };
    }
    if (/^cookies$/i.test(name))
        return none(start);
    // A quoted value (Spring's `[Set-Cookie:"x", X-Auth-Token:"y"]`): inside its quotes.
    const q = text[start];
    if (q === '"' || q === "'") {
        const end = valueEnd(text, start + 1, q);
        return holdsCredential(name, text, start + 1)
            ? { spans: [{ from: start + 1, to: end }], next: end }
            : none(end);
    }
    const close = closer(open);
    const wordEnd = valueEnd(text, start, close, true);
    // In an HTTP message printed as one string, the whole value, whatever it looks like.
    if (afterBreak) {
        const end = valueEnd(text, start, close);
        return { spans: [{ from: start, to: end }], next: end };
    }
    if (!holdsCredential(name, text, start))
        return none(wordEnd);
    // A cookie's pairs to the end; another header's token is its first word (a sentence goes on after it).
    const end = COOKIE.test(name) ? valueEnd(text, start, close) : wordEnd;
    return { spans: [{ from: start, to: end }], next: end };
}
/**
 * TEXT with the value of each header that carries a credential masked, its name and what follows
 * the value kept: `Cookie: [redacted]`, `[cookie: [redacted]]`, `-H 'X-Vault-Token: [redacted]'`,
 * `Set-Cookie:[[redacted]]`, `'set-cookie': [ '[redacted]' ]`. Unquoted, a name is a cookie's or a
 * hyphenated one that credentialHeader takes (a word of prose such as `password:` is not read here);
 * after an escaped line break, any name secretKey takes too. A cookie's value runs to the line's end,
 * an escaped line break, or the quote or bracket that opened before the name; another header's value
 * is its first word; each only where it holds a credential (holdsCredential: `expected cookie: got
 * None`, `X-Api-Key: header must be set` are prose); a quoted value, inside its quotes; in an
 * escaped message, the whole value to the next line break. Cookies as requests' jar, curl's and
 * wget's cookie engines and Python's cookiejar print them too. An empty value, or one masked
 * already, is kept. Linear: what a header's value was read for is not read again. Idempotent.
 */
function maskCredentialHeaders(text) {
    const spans = [];
    CANDIDATE.lastIndex = 0;
    for (let m; (m = CANDIDATE.exec(text));) {
        const [whole, quote, name, sep] = [m[0], m[1], m[2], m[3]];
        const start = m.index + whole.length;
        const afterBreak = quote === '' && m.index >= 2 && text[m.index - 2] === '\\' && /[rn]/.test(text[m.index - 1]);
        const hyphenated = name.includes('-');
        let found;
        if (quote !== '') {
            if (COOKIE.test(name) || (hyphenated && credentialHeader(name)))
                found = quotedValues(text, name, start, sep);
        }
        else if (sep === ':') {
            const taken = COOKIE.test(name) ||
                (hyphenated && credentialHeader(name)) ||
                (afterBreak && (0,_redact_output_pairs_js__WEBPACK_IMPORTED_MODULE_1__/* .secretKey */ .oF)(name)) ||
                (/^cookies$/i.test(name) && text[start] === '[');
            if (taken)
                found = bareValue(text, name, start, text[m.index - 1], afterBreak);
        }
        if (found === undefined)
            continue;
        spans.push(...found.spans);
        // What was read is not read again (a value of `Cookie:Cookie:...` holds no other header).
        CANDIDATE.lastIndex = Math.max(found.next, start);
    }
    if (text.includes('ookie')) {
        for (const n of text.matchAll(COOKIE_NOTE)) {
            const from = n.index + n[1].length + n[2].length + 1 + n[3].length;
            spans.push({ from, to: from + n[4].length });
        }
        for (const n of text.matchAll(COOKIE_REPR)) {
            const from = n.index + n[0].length;
            spans.push({ from, to: valueEnd(text, from, n[2]) });
        }
        for (const n of text.matchAll(COOKIE_STORED)) {
            const from = n.index + n[0].length - n[1].length;
            spans.push({ from, to: from + n[1].length });
        }
    }
    return (0,_redact_spans_js__WEBPACK_IMPORTED_MODULE_2__/* .spliced */ .Z)(text, spans);
}
// A header's value on the line below its name: what the continuation scanner (redact-output-lines.ts)
// reads, a line at a time, for the batch masker and the live view alike.
/**
 * A line that names a credential header alone, its value on the next line: a list's item, as Node
 * prints rawHeaders or kOutHeaders over several lines (`    'Set-Cookie',`), or a pair's `name`, as
 * a HAR or undici pretty-printed (`  "name": "Cookie",`), pprint's dict (`{'name': 'DB_PASSWORD',`, its
 * object or list opened on the line, after its key too: `'environment': [{'name': ...,`).
 */
const HEADER_HEAD = /^[ \t]*(?:(?!["']name["'])["'][A-Za-z_][\w-]*["'][ \t]*:[ \t]*)?(?:[[{(][ \t]*){0,3}(?:(["']?)name\1[ \t]*:[ \t]*)?(["'])([A-Za-z][A-Za-z0-9_-]*)\2[ \t]*,[ \t]*$/;
/** A list of cookies opened at the line's end, its items on the lines below (undici's `cookies: [`). */
const COOKIES_HEAD = /^[ \t]*(["']?)cookies\1[ \t]*:[ \t]*\[[ \t]*$/i;
/** The Authorization headers, whose one-line forms redact-authorization.ts reads. */
const AUTHORIZATION = /^(?:proxy-)?authorization$/i;
/** Whether NAME is a header that carries a credential, Authorization's included (credentialHeader's and AUTHORIZATION's). */
const credentialOrAuthorization = (name) => credentialHeader(name) || AUTHORIZATION.test(name);
/**
 * Whether VALUE, a list's item after header NAME's, is that header's value: not a name itself
 * (a list of header names, `'X-Api-Key',` then `'Content-Type',`); an Authorization's whatever it
 * is (`'Bearer x'`, `'token x'`), another's where it holds a credential (holdsCredential).
 */
function listValue(name, value) {
    if (NAME_SHAPED.test(value))
        return false;
    return AUTHORIZATION.test(name) ? value.trim() !== '' : holdsCredential(name, value);
}
/** The line after it: the value's literal, after its pair's `value` key where the name had one. */
const HEADER_VALUE = /^([ \t]*(?:(["']?)value\2[ \t]*:[ \t]*)?)(["'])((?:\\.|(?!\3)[^\\])*)\3/;


/***/ }),

/***/ 37497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ continuationScanner),
  f: () => (/* binding */ maskContinuations)
});

// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/util/redact-output-headers.ts
var redact_output_headers = __webpack_require__(43558);
// EXTERNAL MODULE: ./src/util/redact-output-named.ts
var redact_output_named = __webpack_require__(73881);
// EXTERNAL MODULE: ./src/util/redact-output-pairs.ts
var redact_output_pairs = __webpack_require__(66293);
// EXTERNAL MODULE: ./src/util/redact-output-options.ts
var redact_output_options = __webpack_require__(72786);
;// CONCATENATED MODULE: ./src/util/redact-output-shell.ts
// A secret's value that a shell quotes over several lines (dash's `set` and `export -p`, bash's
// `declare -x`: `SSH_KEY='-----BEGIN ...` then the key's lines up to the closing quote): where a
// line leaves such a quote open, and where the quote closes (the continuation scanner's,
// redact-output-lines.ts).

/** A secret NAME's assignment whose value begins with a quote (NAME='..., NAME="..., NAME=$'...). */
const QUOTED_ASSIGNMENT = /(?:^|[ \t])([A-Z_][A-Z0-9_]*)=(?=\$?["'])/g;
/**
 * Where QUOTE, opened before FROM, closes in LINE (the index of its closing quote), or -1: `'`
 * at the next `'`, `"` and `$'` at the next one not escaped with a backslash.
 */
function closingQuote(line, from, quote) {
    const q = quote === '"' ? '"' : "'";
    for (let i = from; i < line.length; i++) {
        if (line[i] === q)
            return i;
        if (line[i] === '\\' && quote !== "'")
            i++;
    }
    return -1;
}
/**
 * The quote a secret NAME's shell-quoted value leaves open at the end of LINE (dash's `set`:
 * `SSH_KEY='-----BEGIN ...`), read over the value's own shell word only (its quoted runs and the
 * unquoted characters glued to them, up to the first unquoted blank: a quote after a blank is
 * other text's, `K='x' # don't`); undefined when there is none, or all close in the word. Each
 * assignment's word is read once, and the search goes on after it: linear.
 */
function openQuote(line) {
    if (!line.includes('='))
        return undefined;
    QUOTED_ASSIGNMENT.lastIndex = 0;
    for (let m; (m = QUOTED_ASSIGNMENT.exec(line));) {
        const { end, quote } = shellWord(line, QUOTED_ASSIGNMENT.lastIndex);
        // A quote left open takes the rest of the line: an innocent name's value, or the secret's.
        if (quote)
            return (0,redact_output_pairs/* secretName */.Gf)(m[1]) ? quote : undefined;
        QUOTED_ASSIGNMENT.lastIndex = end;
    }
    return undefined;
}
/** The shell word of LINE from FROM: where it ends, or the quote it leaves open at the line's end. */
function shellWord(line, from) {
    let i = from;
    while (i < line.length) {
        const c = line[i];
        if (c === ' ' || c === '\t')
            break;
        if (c === '\\') {
            i += 2;
            continue;
        }
        const quote = c === '$' && line[i + 1] === "'" ? "$'" : c === "'" || c === '"' ? c : undefined;
        if (!quote) {
            i++;
            continue;
        }
        const close = closingQuote(line, i + quote.length, quote);
        if (close < 0)
            return { end: line.length, quote };
        i = close + 1;
    }
    return { end: Math.min(i, line.length) };
}

;// CONCATENATED MODULE: ./src/util/redact-output-trace.ts
// curl's `--trace-ascii` dump of a request or a response: each line of the data is printed after
// its offset (`0048: Cookie: sid=...`), and one longer than 64 characters goes on over the lines
// below, each with its own offset, 64 characters a line (curl's tool_cb_dbg.c). The first line's
// credential is masked where a header's is (redactOutput); the lines that go on with it are the
// continuation scanner's (redact-output-lines.ts), through these.

/** A dump's line: its offset (4 hex digits or more), `: `, and the data printed. */
const DUMP_LINE = /^([0-9a-f]{4,16}): (.*)$/;
/** How many characters of the data curl prints on a line of an ASCII dump. */
const WIDTH = 0x40;
/** A header's name at the start of the data. */
const HEADER = /^([A-Za-z][A-Za-z0-9_-]*):/;
/**
 * LINE's offset where it is a dump's line full to its width, else -1. Its data goes on below it
 * only where the next line's offset is this one's and the width (a line that ends with the data's
 * CRLF just at the width is followed by the offset 2 further: traceGoesOn checks it).
 */
function fullAt(line) {
    const m = DUMP_LINE.exec(line);
    return m !== null && m[2].length === WIDTH ? Number.parseInt(m[1], 16) : -1;
}
/**
 * The offset of the line below LINE where LINE is a dump's line that begins a credential header
 * (a cookie's, Authorization, `X-Api-Key`: credentialHeader) and is full to its width, its value going
 * on below; else -1.
 */
function traceHead(line) {
    const at = fullAt(line);
    if (at < 0)
        return -1;
    const name = HEADER.exec(line.slice(line.indexOf(': ') + 2))?.[1];
    return name !== undefined && (0,redact_output_headers/* credentialOrAuthorization */.Gp)(name) ? at + WIDTH : -1;
}
/**
 * LINE, after a credential header's dump line that went on below it (NEXT: the offset the line
 * below it has): where its data begins (to mask to its end), and the offset of the line below it
 * where it is full too (-1: the value ends on it); undefined where it is not that line.
 */
function traceGoesOn(line, next) {
    const m = DUMP_LINE.exec(line);
    if (m === null || Number.parseInt(m[1], 16) !== next)
        return undefined;
    return { mask: m[1].length + 2, next: m[2].length === WIDTH ? next + WIDTH : -1 };
}

;// CONCATENATED MODULE: ./src/util/redact-output-lines.ts
// A secret value printed over several lines, in a program's output (redactOutput masks the first
// line of each by its NAME; this masks the lines that follow it). One pass over the lines, each
// looked at once: linear in the length of the text.







/**
 * A YAML key at a line's start (after blanks and a sequence's `- `), bare or quoted, a secret's as
 * secretKey judges it, as redactOutput's YAML pair (WANDB_API_KEY, api_key: a `KEY:` or `AUTHORS:`
 * line is a program's own text), followed by its value, or by nothing: a block scalar (`|`, `>-`),
 * a nested mapping, or a scalar that goes on over the lines below (yaml.dump folds a long one,
 * and writes one that holds a line break as a quoted scalar over several lines).
 */
const YAML_KEY = /^([ \t-]*)(["']?)([A-Za-z_][A-Za-z0-9_-]*)\2:(?:[ \t]|$)/;
const INDENT = /^[ \t]*/;
/** A sequence's item marker at a line's start (after its indentation), and the blanks after it. */
const SEQ_ITEM = /^-(?:[ \t]+|$)/;
/** A sequence's item that is a mapping's pair of a variable's NAME (`- HOME: /root`). */
const ITEM_KEY = /^-[ \t]+(["']?)[A-Z_][A-Z0-9_]*\1:(?:[ \t]|$)/;
/** Python's string or bytes literal, its escaped characters part of it. */
const LITERAL = `b?(?:"(?:\\\\.|[^"\\\\])*"|'(?:\\\\.|[^'\\\\])*')`;
/**
 * A secret name's quoted pair whose value pprint goes on with on the next line, the line ending
 * with its first literal (`'SSH_KEY': '-----BEGIN KEY-----\n'`), or a tuple of items() with the
 * value on the next line (`('SSH_KEY',`), or a quoted key and `:` or `=` that end the line
 * (`{'SSH_KEY':`, the value on the next). In a list of names (`['DB_PASSWORD',`) no value follows.
 */
const LITERAL_HEAD = new RegExp(`(?:\\(b?(["'])([A-Za-z_][A-Za-z0-9_-]*)\\1,[ \\t]*(?:${LITERAL})?|b?(["'])([A-Za-z_][A-Za-z0-9_-]*)\\3\\]?[ \\t]*[:=][ \\t]*${LITERAL}|b?(["'])([A-Za-z_][A-Za-z0-9_-]*)\\5\\]?[ \\t]*[:=])[ \\t]*$`);
/** A line that goes on with a literal (pprint's next part of a long value), and what follows it. */
const LITERAL_LINE = /^([ \t]*b?)(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)')(.*)$/;
/** The most lines a shell's quoted value is masked over when its quote is not closed. */
const MAX_QUOTED_LINES = 256;
/**
 * A line as `env` prints a variable whose value holds line breaks, its value's first line: a PEM
 * block (`SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY-----`), or a JSON object left open (`{`); or as
 * Python's print(k, v) prints it (`SSH_KEY -----BEGIN ...`, `SSH_KEY {`; or aligned in columns, the
 * blanks or tabs several, a PEM block's only); or a PEM block's, indented (`  SSH_KEY=-----BEGIN ...`, a program's list of its
 * variables); or a PEM block's after a key
 * and a colon (`print("SSH_KEY:", key)`, `private_key: -----BEGIN ...`), or after a lower-case
 * key (`private_key=-----BEGIN ...`, `private_key -----BEGIN ...`), its body not indented, so
 * no YAML key's block takes it.
 */
const ENV_HEAD = /^([ \t]*)([A-Za-z_][A-Za-z0-9_-]*)(=|[ \t]+|:[ \t]+)(?:(-----BEGIN )|(\{))/;
const UPPER_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** The last line of such a value: the PEM block's end line (indented or not), the JSON object's `}` at column 0. */
const PEM_END = /^[ \t]*-----END [^\r\n]*-----[ \t]*$/;
const JSON_END = /^\}[ \t]*$/;
/**
 * A line of a PEM block's body: base64 (`=` padding, PGP's `=` checksum), a header (`Proc-Type:
 * 4,ENCRYPTED`, `DEK-Info: ...`, PGP's `Version: ...`), or one masked already (read again).
 */
const PEM_BODY = /^[ \t]*(?:[A-Za-z0-9+/=]+|[A-Za-z][A-Za-z-]*: [^\r\n]*)[ \t]*$/;
/**
 * One line, LINE (its line end taken off) at index AT of the lines, after OPEN: what of it is masked,
 * and what is open after it. Inside a secret YAML key's block, a blank line is part of it and a
 * line indented more than the key is masked after its indentation; the first line indented no
 * more than the key ends it (and is read as any other). After a secret's pprint literal, a line
 * that begins with a literal (not a key's) has its text masked, and goes on when nothing follows it.
 * After a secret's shell-quoted value that its line leaves open, each line is masked up to the
 * closing quote (an empty one kept), for at most MAX_QUOTED_LINES lines. After a secret's `env`
 * line whose value is a PEM block or a JSON object it leaves open, each line is masked whole (an
 * empty one kept) through the block's end line or the object's `}` at column 0, for at most as many.
 * After a line with a private key's PEM start (PEM_PRIVATE_BEGIN, whatever precedes it, its END not
 * on it), each base64 or header line (PEM_BODY) is masked whole (an empty one kept) through the END
 * line (kept), for at most as many; any other line ends it, and is read as any other. After a line
 * that names a credential header alone (HEADER_HEAD), the next line's literal is masked where it is
 * the header's value (a pair's `value`, or a list's item that listValue takes); after a YAML pair's
 * secret `name:` alone (yamlNameHead), its `value:` on the next line (yamlNamedValue: a block
 * scalar's lines as a secret key's block). After a list of cookies opened at a line's end, each
 * item that holds a cookie is masked, up to the list's end. After curl's --trace-ascii line of a
 * credential header that goes on below it (traceHead), the data of each line that goes on with it.
 */
function step(line, at, open) {
    if (open?.kind === 'block') {
        const indent = INDENT.exec(line)[0].length;
        if (indent === line.length)
            return { open };
        if (indent > open.column)
            return { open, mask: indent };
        // PyYAML's default: a key with no value on its line, its sequence at the key's own column
        // (`API_KEYS:` then `- abc`); an item that is a variable's pair (`- HOME: /root`) is the next
        // item of a parent's list of mappings, not the value's.
        const item = indent === open.column && open.seq ? SEQ_ITEM.exec(line.slice(indent)) : null;
        if (item && !ITEM_KEY.test(line.slice(indent))) {
            const at = indent + item[0].length;
            return at === line.length ? { open } : { open, mask: at };
        }
    }
    else if (open?.kind === 'literal') {
        const lit = LITERAL_LINE.exec(line);
        // A literal followed by ':' or '=' is the next key (`'HOME': '/root'`), not a part of the value.
        if (lit && !/^[ \t]*[:=\]]/.test(lit[4])) {
            const start = lit[1].length + 1;
            const text = lit[2] ?? lit[3];
            const end = start + text.length;
            // pprint's parts go on after a bare literal; a list's items after one and a comma.
            const rest = lit[4].trim();
            const more = rest === '' || (open.list === true && rest === ',');
            // A list of cookies' item that is no cookie (`'analytics'`, a consent setting's) is kept.
            if (open.list === true && !(0,redact_output_headers/* listValue */.a3)('cookie', text))
                return more ? { open } : {};
            return { ...(more && { open }), mask: start, end };
        }
    }
    else if (open?.kind === 'quote' && open.lines < MAX_QUOTED_LINES) {
        const end = closingQuote(line, 0, open.quote);
        if (end >= 0)
            return end > 0 ? { mask: 0, end } : {};
        const more = { open: { ...open, lines: open.lines + 1 } };
        return line === '' ? more : { ...more, mask: 0 };
    }
    else if (open?.kind === 'env' && open.lines < MAX_QUOTED_LINES) {
        // Its end line (`-----END ...-----`, `}`) holds no secret and is kept: masked text read again
        // (a live view's lines, redactOutput after the scanner) ends the value at the same line.
        if (open.until.test(line))
            return {};
        const more = { open: { ...open, lines: open.lines + 1 } };
        return line === '' ? more : { ...more, mask: 0 };
    }
    else if (open?.kind === 'header' ||
        open?.kind === 'named' ||
        open?.kind === 'trace' ||
        open?.kind === 'option') {
        const s = pairGoesOn(line, at, open);
        if (s)
            return s;
    }
    else if (open?.kind === 'pem' && open.lines < MAX_QUOTED_LINES) {
        // Its END line is kept, as an env value's; a line not a body's ends it and is read as any other.
        if (PEM_END.test(line))
            return {};
        const more = { open: { ...open, lines: open.lines + 1 } };
        if (line === '')
            return more;
        if (PEM_BODY.test(line) || line.trim() === redact/* REDACTED */.XF)
            return { ...more, mask: 0 };
    }
    const env = envHead(line);
    if (env)
        return { open: { kind: 'env', until: env, from: at, lines: 0 } };
    const quote = openQuote(line);
    if (quote)
        return { open: { kind: 'quote', quote, from: at, lines: 0 } };
    // A quoted pair that ends its line with a literal is pprint's (`'SSH_KEY': '...\n'`), whose next
    // lines are literals, not the more indented block of a YAML key (`"SSH_KEY": |`, `"K": "x\`).
    if (literalHead(line))
        return { open: { kind: 'literal', from: at } };
    if (pemHead(line))
        return { open: { kind: 'pem', from: at, lines: 0 } };
    if (redact_output_headers/* COOKIES_HEAD */.bY.test(line))
        return { open: { kind: 'literal', from: at, list: true } };
    if ((0,redact_output_options/* optionItem */.TE)(line))
        return { open: { kind: 'option', from: at } };
    const next = traceHead(line);
    if (next >= 0)
        return { open: { kind: 'trace', next, from: at } };
    const named = (0,redact_output_named/* yamlNameHead */.p7)(line);
    if (named !== undefined)
        return { open: { kind: 'named', name: named, from: at } };
    const header = redact_output_headers/* HEADER_HEAD */.x3.exec(line);
    if (header) {
        const [keyed, name] = [header[1] !== undefined, header[3]];
        // A list's item: a cookie's, an Authorization's or a hyphenated header's name only (`'password',`
        // may be a list of words).
        const listed = redact_output_headers/* AUTHORIZATION */.K5.test(name) || redact_output_headers/* COOKIE */.j_.test(name) || name.includes('-');
        // A pair's `name` (`"name": "HF_TOKEN",`) is a name whatever it is: a variable's too.
        if (keyed ? (0,redact_output_named/* namedSecret */.kW)(name) : listed && (0,redact_output_headers/* credentialOrAuthorization */.Gp)(name))
            return { open: { kind: 'header', name, keyed, from: at } };
    }
    const key = YAML_KEY.exec(line);
    // A credential header's key too where a block scalar follows it (`authorization: |`).
    if (key &&
        ((0,redact_output_pairs/* secretKey */.oF)(key[3]) ||
            ((0,redact_output_headers/* credentialOrAuthorization */.Gp)(key[3]) && redact_output_named/* BLOCK_SCALAR */.Jn.test(line.slice(key[0].length))))) {
        const seq = /^[ \t]*(?:#.*)?$/.test(line.slice(key[0].length));
        return { open: { kind: 'block', column: key[1].length, from: at, seq } };
    }
    return {};
}
/**
 * LINE after a line that named a header or a pair alone, or began a trace's credential (OPEN):
 * the step where LINE goes on with its value, else undefined (LINE is read as any other).
 */
function pairGoesOn(line, at, open) {
    if (open.kind === 'option') {
        // An argv list's item after a secret option's (docker inspect's `"Args"`, pprint's list).
        const v = redact_output_headers/* HEADER_VALUE */.cw.exec(line);
        if (!v || v[2] !== undefined || !(0,redact_output_options/* optionValue */.TN)(v[4]))
            return undefined;
        return { mask: v[1].length + 1, end: v[1].length + 1 + v[4].length };
    }
    if (open.kind === 'header') {
        // The value of a pair (`"value": "x"`), or a list's next item that holds a credential (not the
        // next name of a list of names, `'Content-Type',`).
        const v = redact_output_headers/* HEADER_VALUE */.cw.exec(line);
        const keyed = v !== null && v[2] !== undefined && /value/.test(v[1]);
        if (!v || keyed !== open.keyed || (!keyed && !(0,redact_output_headers/* listValue */.a3)(open.name, v[4])))
            return undefined;
        const start = v[1].length + 1;
        if (v[4] === '' || v[4] === redact/* REDACTED */.XF)
            return {};
        // pprint goes on with a long value's literals on the lines below (`'Bearer '` then `'eyJ...'`).
        const more = line.slice(v[0].length).trim() === '';
        return { ...(more && { open: { kind: 'literal', from: at } }), mask: start, end: start + v[4].length };
    }
    if (open.kind === 'named') {
        // YAML's pair over two lines: its `value:`, and the lines indented more below it (as a secret key's block).
        const v = (0,redact_output_named/* yamlNamedValue */.uM)(line, open.name);
        if (!v)
            return undefined;
        const block = v.column === undefined
            ? undefined
            : { kind: 'block', column: v.column, from: open.from, seq: false };
        return v.mask ? { open: block, mask: v.mask[0], end: v.mask[1] } : { open: block };
    }
    // curl's --trace-ascii: a credential header's line that goes on, 64 characters a line.
    const t = traceGoesOn(line, open.next);
    return t && { ...(t.next >= 0 && { open: { ...open, next: t.next } }), mask: t.mask };
}
/**
 * The line that ends the value a secret's `env` line begins and leaves open (ENV_HEAD): a PEM
 * block not ended on the line, a JSON object with more `{` than `}` on it; else undefined.
 */
function envHead(line) {
    const m = ENV_HEAD.exec(line);
    // Indented: a PEM block only (a `{` there may be a program's own text); printed: as secretKey judges NAME.
    if (!m || (m[1] && !m[4]))
        return undefined;
    const [lead, name, sep] = [m[1], m[2], m[3]];
    // A lower-case name, a key and a colon, or a name aligned in a column (several blanks or a tab:
    // `AUTH_CONFIG    {`, a table's row): a PEM block only (a `{` there may be a program's own text).
    const upper = UPPER_NAME.test(name);
    const column = sep !== '=' && !sep.startsWith(':') && sep !== ' ';
    if ((!upper || sep.startsWith(':') || column) && !m[4])
        return undefined;
    if (sep !== '=' && !sep.startsWith(':')
        ? lead !== '' || !(0,redact_output_pairs/* secretKey */.oF)(name)
        : sep === '=' && upper
            ? !(0,redact_output_pairs/* secretName */.Gf)(name)
            : !(0,redact_output_pairs/* secretKey */.oF)(name))
        return undefined;
    const value = line.slice(lead.length + name.length + sep.length);
    if (m[4])
        return value.includes('-----END ') ? undefined : PEM_END;
    return value.split('{').length > value.split('}').length ? JSON_END : undefined;
}
/**
 * Whether LINE starts a private key's PEM block that it does not end (PEM_PRIVATE_BEGIN, no
 * `-----END ` after it): whatever names it, or nothing (a bare block, a key secretKey rejects).
 */
function pemHead(line) {
    const m = redact_output_pairs/* PEM_PRIVATE_BEGIN */.LC.exec(line);
    return m !== null && !line.includes('-----END ', m.index + m[0].length);
}
/** Whether LINE ends with the start of a secret's value that pprint goes on with (LITERAL_HEAD). */
function literalHead(line) {
    const last = line.trimEnd().slice(-1);
    if (last !== "'" && last !== '"' && last !== ',' && last !== ':' && last !== '=')
        return false;
    const m = LITERAL_HEAD.exec(line);
    if (m === null)
        return false;
    // A quoted key and `:` or `=` that end the line, the value on the next (`{'DB_PASSWORD':` then
    // `'x'}`), as redactOutput's QUOTED_PAIR reads it over the line break: held open here so that a
    // live view cut between the lines masks it too. One at a line's start is a YAML key's (its block).
    if (m[6] !== undefined && YAML_KEY.test(line))
        return false;
    return (0,redact_output_pairs/* secretQuotedKey */.Y$)(m[2] ?? m[4] ?? m[6]);
}
/** A line's end: CRLF, LF, or a bare CR (a program that ends its lines as old Macs did). */
const LINE_END = /\r\n|\r|\n/g;
/** The lines of TEXT, each with the line end that follows it ('' for the last). */
function linesOf(text) {
    const lines = [];
    let start = 0;
    for (const m of text.matchAll(LINE_END)) {
        lines.push({ body: text.slice(start, m.index), end: m[0] });
        start = m.index + m[0].length;
    }
    lines.push({ body: text.slice(start), end: '' });
    return lines;
}
/**
 * TEXT with the lines that go on a secret's value masked after their indentation: those indented
 * more than a secret-named YAML key (`DB_PASSWORD: |`, `>-`, a folded or quoted scalar, a nested
 * mapping) up to the first line indented no more than the key (blank lines are kept as they are);
 * the text of each literal that pprint writes on the lines after a secret's quoted pair
 * (`'SSH_KEY': '...\n'` then `'...'` below it, as a value longer than its width is printed);
 * the lines of a secret's shell-quoted value up to its closing quote (`SSH_KEY='-----BEGIN ...`);
 * the body of a private key's PEM block, whatever names it (`-----BEGIN PRIVATE KEY-----`); a
 * credential header's value on the line below its name (Node's `'Set-Cookie',` then its value, a
 * HAR's `"name": "Cookie",` then `"value": "..."`, undici's `cookies: [` list); a YAML pair's value
 * below its secret name (`- name: DB_PASSWORD` then `value: ...`, a Kubernetes env's or probe
 * header's); curl's --trace-ascii lines that go on with a credential header's.
 * The line that names the secret is left to redactOutput. Idempotent.
 */
function maskContinuations(text) {
    // Nothing opens a value without one of these (print(k, v)'s `SSH_KEY -----BEGIN` holds no `=`).
    if (!/[:,={]|-----BEGIN /.test(text))
        return text;
    const lines = linesOf(text);
    let open;
    let changed = false;
    const out = lines.map(({ body, end }, at) => {
        const s = step(body, at, open);
        open = s.open;
        if (s.mask === undefined)
            return body + end;
        changed = true;
        return `${body.slice(0, s.mask)}${redact/* REDACTED */.XF}${s.end === undefined ? '' : body.slice(s.end)}${end}`;
    });
    return changed ? out.join('') : text;
}
function continuationScanner() {
    let open;
    let line = 0;
    let offset = 0;
    let openAt = -1;
    let visited = 0;
    return {
        mask(text) {
            // Lines as maskContinuations reads them (linesOf: LF, CRLF or a bare CR ends one), each
            // keeping its own end; the last, unended, is read too unless it is empty.
            let out = '';
            for (const { body, end } of linesOf(text)) {
                if (body === '' && end === '')
                    break;
                visited += body.length + end.length;
                const s = step(body, line, open);
                if (s.open && s.open.from === line)
                    openAt = offset;
                open = s.open;
                if (!open)
                    openAt = -1;
                line++;
                const masked = s.mask === undefined
                    ? body
                    : `${body.slice(0, s.mask)}${redact/* REDACTED */.XF}${s.end === undefined ? '' : body.slice(s.end)}`;
                out += masked + end;
                offset += masked.length + end.length;
            }
            return out;
        },
        get openAt() {
            return openAt;
        },
        get visited() {
            return visited;
        },
    };
}


/***/ }),

/***/ 73881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jn: () => (/* binding */ BLOCK_SCALAR),
/* harmony export */   Zr: () => (/* binding */ maskNamedPairs),
/* harmony export */   kW: () => (/* binding */ namedSecret),
/* harmony export */   p7: () => (/* binding */ yamlNameHead),
/* harmony export */   uM: () => (/* binding */ yamlNamedValue)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
/* harmony import */ var _redact_authorization_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42171);
/* harmony import */ var _redact_output_headers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43558);
/* harmony import */ var _redact_output_pairs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(66293);
/* harmony import */ var _redact_spans_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63435);
// A secret printed as a name and value pair, each under its own key: a Kubernetes container's env
// (`{"name": "DB_PASSWORD", "value": "..."}`, the Python client's `{'name': ..., 'value': ...,
// 'value_from': None}`, Go's `{Name:DB_PASSWORD Value:... ValueFrom:nil}`), an ECS container
// definition's `environment`, a Kubernetes probe's `httpHeaders`, a HAR's header (the value first
// too: `{"value": "...", "name": "Cookie"}`), AWS SSM's parameter (other keys between:
// `"Type": "SecureString"`), logfmt's `name=X value=y`. One line each here; a pair over two lines (YAML's
// `- name: DB_PASSWORD` then `value: ...`, JSON pretty-printed) is the continuation scanner's
// (redact-output-lines.ts).





/**
 * Whether a pair's NAME names a secret: a credential header's (a cookie's, `X-Api-Key`,
 * Authorization), or a variable's or a key's as a quoted key's is judged (secretQuotedKey:
 * `DB_PASSWORD`, `HF_TOKEN`, `api_key`). The pair says that it is a name: no prose.
 */
const namedSecret = (name) => (0,_redact_output_headers_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialOrAuthorization */ .Gp)(name) || (0,_redact_output_pairs_js__WEBPACK_IMPORTED_MODULE_3__/* .secretQuotedKey */ .Y$)(name);
/** A value that says there is none: JSON's null, Python's None, Go's nil, YAML's `~`. */
const NONE = /^(?:null|none|nil|~)$/i;
/** A variable's reference, the whole value: `${NAME}`, a Kubernetes env's `$(NAME)` (`$x` alone is a value). */
const REFERENCE = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|\([A-Za-z_][A-Za-z0-9_]*\))$/;
/**
 * Where the secret begins in VALUE, the value of a pair whose name NAME names a secret: after an
 * Authorization's scheme (`Bearer [redacted]`, as maskAuthorization reads it: a plain word, `none`,
 * holds none), else at 0; VALUE's length where it holds none (empty, null, masked already, a whole
 * variable's reference, a cookie's attribute alone: holdsCredential).
 */
function secretStart(name, value) {
    const v = value.trim();
    if (v === '' || NONE.test(v) || REFERENCE.test(v) || value.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF))
        return value.length;
    if (_redact_output_headers_js__WEBPACK_IMPORTED_MODULE_2__/* .AUTHORIZATION */ .K5.test(name))
        return (0,_redact_authorization_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialsStart */ .T)(value, [_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF]);
    return _redact_output_headers_js__WEBPACK_IMPORTED_MODULE_2__/* .COOKIE */ .j_.test(name) && !(0,_redact_output_headers_js__WEBPACK_IMPORTED_MODULE_2__/* .holdsCredential */ .KK)(name, value) ? value.length : 0;
}
/** A key's quote: none, `"` or `'`, escaped too (JSON in a JSON string: `{\"name\": ...}`). */
const Q = `(\\\\?["']?)`;
/** A pair's name, whole (no backtracking into it). */
const NAME = `([A-Za-z_][A-Za-z0-9_.-]*)(?![A-Za-z0-9_.-])`;
/** The `name` key and its name. */
const NAME_KEY = new RegExp(`(?<![A-Za-z0-9_])${Q}name\\1[ \\t]*[:=][ \\t]*${Q}${NAME}\\2`, 'gi');
/** The `value` key, up to its value's first character. */
const VALUE_KEY = new RegExp(`(?<![A-Za-z0-9_])${Q}value\\1[ \\t]*[:=][ \\t]*`, 'gi');
/** A name where a `name` key's value begins (the value first). */
const NAME_AT = new RegExp(`${Q}${NAME}\\1`, 'y');
/** How far a pair's other key is looked for on its line, after the first: its object's other keys between them (`"Type": "SecureString"`). */
const SIBLING_REACH = 256;
/**
 * Where the value of the key KEY (quoted with QUOTE as the key before it was) begins in the object
 * the text from FROM is in, on its line and within SIBLING_REACH characters: after `KEY:` or
 * `KEY=` at the object's own depth (a nested object's or list's keys are skipped: `"valueFrom":
 * {...}`), before the object closes; -1 where there is none. Bounded: linear over a text of them.
 */
function siblingKey(text, from, key, quote) {
    const end = Math.min(text.length, from + SIBLING_REACH);
    const head = `${quote}${key}${quote}`.toLowerCase();
    const sep = /[ \t]*[:=][ \t]*/y;
    /** Where the key's value begins when the key is at I, else -1. */
    const keyAt = (i) => {
        if (text.slice(i, i + head.length).toLowerCase() !== head || /[A-Za-z0-9_]/.test(text[i - 1] ?? ''))
            return -1;
        sep.lastIndex = i + head.length;
        return sep.test(text) ? sep.lastIndex : -1;
    };
    let depth = 0;
    for (let i = from; i < end; i++) {
        const c = text[i];
        if (c === '\n' || c === '\r')
            return -1;
        if (quote.length === 1 && c === quote) {
            // A key, or a quoted string whose text (`"token (for hub"`) holds no bracket of the object's.
            const at = depth === 0 ? keyAt(i) : -1;
            if (at >= 0)
                return at;
            for (i++; i < end && text[i] !== quote && text[i] !== '\n'; i++)
                if (text[i] === '\\')
                    i++;
        }
        else if (c === '{' || c === '[' || c === '(')
            depth++;
        else if (c === '}' || c === ']' || c === ')') {
            if (--depth < 0)
                return -1;
        }
        else if (depth === 0 && quote.length !== 1 && (c === head[0] || c.toLowerCase() === head[0])) {
            const at = keyAt(i);
            if (at >= 0)
                return at;
        }
    }
    return -1;
}
/** What ends any value not quoted: a line's end, the close of its object or list. */
const BARE_END = /[\r\n}\])]/;
/** Go's next field after a blank (`Value:x ValueFrom:nil`). */
const GO_FIELD = /[A-Za-z_][A-Za-z0-9_]*:/y;
/** How the value not quoted that starts at START ends (Bare), from what is before it; COMMAS: a comma between the pair's keys. */
function bareKind(text, start, commas) {
    let i = start - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t'))
        i--;
    if (text[i] === '=')
        return 'word';
    // Go's: glued to its `:`, or empty (a blank, then the next field: `Value: ValueFrom:...`).
    GO_FIELD.lastIndex = start;
    return !commas && (i === start - 1 || GO_FIELD.test(text)) ? 'go' : 'flow';
}
/**
 * The value that starts at START: [from, to) of its text (inside its quotes; a bytes or unicode
 * literal's too, `b'x'`), and where it ends (past a closing quote). Not quoted: to the line's end,
 * its object's or list's close, or as BARE says (a comma; a blank too after `=`; in Go's %+v, the
 * blank before the next field's key).
 */
function valueAt(text, start, bare) {
    if ((text[start] === 'b' || text[start] === 'u') && (text[start + 1] === "'" || text[start + 1] === '"'))
        start++;
    const escaped = text[start] === '\\' && (text[start + 1] === '"' || text[start + 1] === "'");
    const q = escaped ? text[start + 1] : text[start];
    if (q !== '"' && q !== "'") {
        const go = bare === 'go';
        // Go's empty value: a blank, then the next field (`Value: ValueFrom:&EnvVarSource{...}`).
        GO_FIELD.lastIndex = start;
        if (go && /[ \t]/.test(text[start - 1] ?? '') && GO_FIELD.test(text))
            return { from: start, to: start, end: start };
        let i = start;
        for (; i < text.length && !BARE_END.test(text[i]); i++) {
            const c = text[i];
            if (c === ',' && !go)
                break;
            if ((c === ' ' || c === '\t') && bare === 'word')
                break;
            if (go && (c === ' ' || c === '\t' || c === ',')) {
                GO_FIELD.lastIndex = i + 1;
                if (GO_FIELD.test(text) || text[i + 1] === '}')
                    break;
            }
        }
        let to = i;
        while (to > start && (text[to - 1] === ' ' || text[to - 1] === '\t'))
            to--;
        return { from: start, to, end: i };
    }
    const from = start + (escaped ? 2 : 1);
    let i = from;
    for (; i < text.length; i++) {
        const c = text[i];
        if (c === '\n' || c === '\r' || (!escaped && c === q))
            break;
        if (c === '\\') {
            if (escaped && text[i + 1] === q)
                break;
            i++;
        }
    }
    i = Math.min(i, text.length);
    const closed = escaped ? text[i] === '\\' : text[i] === q;
    return { from, to: i, end: closed ? i + (escaped ? 2 : 1) : i };
}
/**
 * TEXT with the value of each name and value pair on a line whose name names a secret (namedSecret)
 * masked, from secretStart: `"name": "DB_PASSWORD", "value": "[redacted]"`, `{Name:HF_TOKEN
 * Value:[redacted] ...}`, `{"value": "[redacted]", "name": "Cookie"}`. A quoted value inside its
 * quotes (an escaped quote is part of it), a bare one to a blank or punctuation. Linear: each value
 * is read once, and the search goes on after it. Idempotent.
 */
function maskNamedPairs(text) {
    if (!/name/i.test(text) || !/value/i.test(text))
        return text;
    const spans = [];
    const take = (name, v) => {
        if (text.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF, v.from))
            return;
        const at = secretStart(name, text.slice(v.from, v.to));
        if (v.from + at < v.to)
            spans.push({ from: v.from + at, to: v.to });
    };
    NAME_KEY.lastIndex = 0;
    for (let m; (m = NAME_KEY.exec(text));) {
        if (!namedSecret(m[3]))
            continue;
        const at = siblingKey(text, NAME_KEY.lastIndex, 'value', m[1]);
        if (at < 0)
            continue;
        const v = valueAt(text, at, bareKind(text, at, text.slice(NAME_KEY.lastIndex, at).includes(',')));
        take(m[3], v);
        // What was read is not read again (a value to its line's end holds no other pair to mask).
        NAME_KEY.lastIndex = Math.max(v.end, NAME_KEY.lastIndex);
    }
    VALUE_KEY.lastIndex = 0;
    for (let m; (m = VALUE_KEY.exec(text));) {
        const v = valueAt(text, VALUE_KEY.lastIndex, bareKind(text, VALUE_KEY.lastIndex, true));
        const at = siblingKey(text, v.end, 'name', m[1]);
        NAME_AT.lastIndex = Math.max(at, 0);
        const n = at >= 0 ? NAME_AT.exec(text) : null;
        if (n && namedSecret(n[2]))
            take(n[2], v);
        VALUE_KEY.lastIndex = Math.max(v.end, VALUE_KEY.lastIndex);
    }
    return (0,_redact_spans_js__WEBPACK_IMPORTED_MODULE_4__/* .spliced */ .Z)(text, spans);
}
// A pair over two lines, as YAML writes a list of them (`- name: DB_PASSWORD` then `  value: x`):
// what the continuation scanner (redact-output-lines.ts) asks, a line at a time.
/** A line that is a pair's `name:` alone (a list's item or not), its name bare or quoted. */
const YAML_NAME = /^[ \t]*(?:-[ \t]+)?(["']?)name\1:[ \t]+(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2[ \t]*$/i;
/** The line after it: the pair's `value:` key, and the blanks after it. */
const YAML_VALUE = /^([ \t]*)(["']?)value\2:(?:[ \t]+|$)/i;
/** A block scalar's indicator (`|`, `>-`, `|2+`), its value on the lines below. */
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;
/** The secret name (namedSecret) a line that is a pair's `name:` alone names, or undefined. */
function yamlNameHead(line) {
    const m = YAML_NAME.exec(line);
    return m !== null && namedSecret(m[3]) ? m[3] : undefined;
}
/**
 * LINE, the line after a pair's secret NAME (yamlNameHead), where it is the pair's `value:`: the
 * part of it to mask (a quoted value inside its quotes, `''` in a single-quoted one part of it; a
 * bare one to the line's end; from secretStart), and the column of its key when the value may go
 * on below it (a block scalar, a value on the next line, a long one folded, a quoted one over
 * several lines: the lines indented more are the value's). Undefined where LINE is no `value:`
 * (the pair's value is elsewhere: `valueFrom:`).
 */
function yamlNamedValue(line, name) {
    const m = YAML_VALUE.exec(line);
    if (m === null)
        return undefined;
    const column = m[1].length;
    const start = m[0].length;
    const rest = line.slice(start);
    if (rest.trim() === '' || BLOCK_SCALAR.test(rest))
        return { column };
    let to = line.trimEnd().length;
    let from = start;
    const q = rest[0];
    if (q === '"' || q === "'") {
        from = start + 1;
        for (to = from; to < line.length; to++) {
            if (q === '"' && line[to] === '\\')
                to++;
            else if (line[to] === q && q === "'" && line[to + 1] === "'")
                to++;
            else if (line[to] === q)
                break;
        }
        to = Math.min(to, line.length);
    }
    const at = secretStart(name, line.slice(from, to));
    return from + at < to ? { mask: [from + at, to], column } : {};
}


/***/ }),

/***/ 72786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ maskCommandLines),
/* harmony export */   Kf: () => (/* binding */ commandsOf),
/* harmony export */   TE: () => (/* binding */ optionItem),
/* harmony export */   TN: () => (/* binding */ optionValue),
/* harmony export */   UQ: () => (/* binding */ holdsValue),
/* harmony export */   fK: () => (/* binding */ valueAt),
/* harmony export */   qG: () => (/* binding */ secretOption),
/* harmony export */   vI: () => (/* binding */ credentialShaped)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
/* harmony import */ var _redact_output_pairs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66293);
/* harmony import */ var _redact_spans_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63435);
// A secret on a command line as a program's output shows it (a shell's `set -x` trace, a logged
// argv, a subprocess's repr): a secret option's value (`--password x`, `--hf-token=x`, argv's
// `'--token', 'x'`, one item a line too: docker inspect's `"Args"`), a login command's `-p x`, a
// user's password (`curl -u bob:x`), a variable's NAME=value glued to an option or alone in a
// quoted item (`--env=HF_TOKEN=x`, `['env', 'GH_TOKEN=x']`, docker inspect's `"Env":
// ["HF_TOKEN=x"]`), a netrc entry's password (`machine host login u password x`), and a form
// body's secret (`grant_type=password&username=u&password=x`). A help text's synopsis and prose
// about an option are no command line: after a blank, a value is taken only on a shell trace's or
// a prompt's line (`+ cmd ...`, `$ cmd ...`), in a login command, quoted, or where it has a
// credential's shape.



/**
 * Whether an option's NAME (without its dashes) names a secret: `token`, `password`, `secret`
 * alone, keytool's `storepass` and `keypass`, curl's `oauth2-bearer`, or a lower-case key's name
 * that does (lowerSecret: `api-key`, `hf-token`, `client-secret`; a dotted one's last word too,
 * `NotebookApp.token`); not a tokenizer's
 * (`pad-token`), a file's or a way to read one (`token-file`, `password-stdin`).
 */
const secretOption = (name) => /^(?:token|passw(?:or)?d|passphrase|secret|(?:src|dest)?(?:store|key)pass|oauth2-bearer)$/i.test(name.slice(name.lastIndexOf('.') + 1)) || (0,_redact_output_pairs_js__WEBPACK_IMPORTED_MODULE_1__/* .lowerSecret */ .YA)(name);
/** Words of prose that follow an option's name in a sentence (`use --token to log in`): no value. */
const PROSE = new Set('a an and as be but can for from given if in is must not of on option or required should the to was when will with'.split(' '));
/** A placeholder for the value, as a help text shows it: `TEXT`, `HF_TOKEN`, `<token>`, `[PASSWORD]`, `{token}`. */
const PLACEHOLDER = /^(?:[A-Z][A-Z_]{0,31}|<[^>]*>?|\[[^\]]*\]?|\{[^}]*\}?)$/;
/** A value that says there is none, or a flag's: `None`, `null`, `true`, `False`. */
const NO_VALUE = /^(?:none|null|nil|true|false|yes|no)$/i;
/**
 * An option and what follows its name: `=`, blanks, or the close of an argv list's quoted item
 * and the next item's quote (`'--token', 'x'`); one dash or two (Go's flags take one).
 */
const OPTION = /(?<![\w.-])(["']?)(--?)([A-Za-z][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*)(=|[ \t]+|\1[ \t]*,[ \t]*b?(?=["']))/g;
/** A login command's short password option (`docker login -u bob -p x`, `az login -p x`, `twine upload -p x`, `sshpass -p x`). */
const SHORT_PASSWORD = /(?<![\w-])-p(?:=|[ \t]+)/g;
/**
 * A command that logs in with a password: a registry's login, a cloud's or a cluster's (Azure's,
 * OpenShift's, Cloud Foundry's), twine's upload, sshpass (its words bounded: linear); the word
 * `login` (`upload`) alone, not `--login` nor `login-template.yaml`.
 */
const LOGIN_COMMAND = /\b(?:docker|podman|nerdctl|buildah|oras|helm|crane|skopeo|regctl|az|oc|cf)\b[^\r\n;|&]{0,256}?(?<![\w-])login(?=[ \t]|$)|\btwine\b[^\r\n;|&]{0,256}?\bupload(?=[ \t]|$)|\bsshpass\b/;
/** A command whose `-u user:password` is a login: curl's, wget's. */
const USER_COMMAND = /\b(?:curl|wget)\b/;
/** A user's option and its user name, up to the `:` before the password (`curl -u bob:x`, `--proxy-user`). */
const USER_PASSWORD = /(?<![\w-])(-u|--user|--proxy-user)(?:=|[ \t]+)(["']?)[^\s:'"@/]{1,256}:(?!\/\/)/g;
/** A variable's NAME=value glued to an option (`--env=HF_TOKEN=x`, `--build-arg=GH_TOKEN=x`). */
const GLUED = /(?<![\w-])--?[A-Za-z][A-Za-z0-9-]*=([A-Z_][A-Z0-9_]*)=/g;
/** A quoted item that is a variable's NAME=value (`'GH_TOKEN=x'`), up to its value. */
const QUOTED_ITEM = /(["'])([A-Z_][A-Z0-9_]*)=/g;
/** The longest value of a quoted item read for its closing quote. */
const QUOTED_MAX = 1024;
/** The word `password` with the blanks after it: a netrc entry's, where its line says so (NETRC_ENTRY). */
const PASSWORD_WORD = /(?<![\w-])password[ \t]+/g;
/** Before a netrc entry's password on its line: its `machine` or `default`, or blanks alone (an entry over several lines). */
const NETRC_ENTRY = /(?:^|[ \t])(?:machine[ \t]+\S+|default)[ \t]|^[ \t]+$/;
/** A form's body (`grant_type=password&username=u&password=x`, curl's `-d`): pairs joined by `&`, two at least. */
const FORM = /(?<=^|[\s'"])(?:[A-Za-z_][\w.%-]{0,64}=[^&\s'"#]*&)+[A-Za-z_][\w.%-]{0,64}=[^&\s'"#]*/g;
/**
 * A shell's trace of the command it runs (`+ cmd`, `++ cmd`), or a prompt's (`$ cmd`, `user@host:~$
 * cmd`, `(venv) $ cmd`, `root@host:/# cmd`).
 */
const TRACE_LINE = /^[ \t]*(?:\([^()\s]{1,64}\)[ \t]+)?(?:\++|[^\s$#]{0,128}\$|[^\s$#]{1,128}#)[ \t]/;
/** What ends a shell command: a line's end, `;`, `|`, `&`. */
const COMMAND_END = /[\r\n;|&]/g;
/** The value that starts at START: inside its quotes, or its word (to a blank, a quote or a bracket's close). */
function valueAt(text, start) {
    const q = text[start];
    if (q === '"' || q === "'") {
        let i = start + 1;
        while (i < text.length && text[i] !== q && text[i] !== '\n' && text[i] !== '\r')
            i += text[i] === '\\' ? 2 : 1;
        i = Math.min(i, text.length);
        return { from: start + 1, to: i, end: i + (text[i] === q ? 1 : 0), quoted: true };
    }
    let i = start;
    while (i < text.length && !/[\s"'`,;)\]}]/.test(text[i]))
        i++;
    return { from: start, to: i, end: i, quoted: false };
}
/**
 * Whether VALUE, an option's, is one: not empty, another option, a reference, a placeholder,
 * prose, a flag's or no value (`True`, `None`), a shell's line continuation (`\`), or where a
 * secret comes from (buildx's `--secret id=hf,src=/run/token`).
 */
function holdsValue(value) {
    return (value !== '' &&
        value !== '\\' &&
        !/^(?:-|\$|\*\*\*|(?:id|type|src|source|env)=)/.test(value) &&
        !PLACEHOLDER.test(value) &&
        !NO_VALUE.test(value) &&
        !PROSE.has(value));
}
/**
 * Whether VALUE, after an option and a blank outside a shell's trace, has a credential's shape: a
 * digit in 6 characters or more (not a number, a version, a date or a time alone), or a token's form.
 */
const credentialShaped = (value) => (value.length >= 6 && /[0-9]/.test(value) && !/^v?[0-9.:-]+$/.test(value)) || (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .looksSecret */ .n0)(value);
/**
 * The commands of TEXT, asked for at places in order (each at or after the last): the command AT
 * is in (between line ends, `;`, `|` and `&`), and what it is. Each command is judged once, and
 * each character is passed over once: linear, whatever the lines' length.
 */
function commandsOf(text) {
    let scanned = 0;
    let start = 0;
    let line = 0;
    let end = -1;
    let command = { trace: false, login: false, loginEnd: Infinity, user: false };
    return (at) => {
        if (at < end)
            return command;
        for (; scanned < at; scanned++) {
            const c = text[scanned];
            if (c === '\n' || c === '\r')
                line = scanned + 1;
            if (c === '\n' || c === '\r' || c === ';' || c === '|' || c === '&')
                start = scanned + 1;
        }
        COMMAND_END.lastIndex = at;
        end = COMMAND_END.exec(text)?.index ?? text.length;
        const words = text.slice(start, end);
        const login = LOGIN_COMMAND.exec(words);
        command = {
            trace: TRACE_LINE.test(text.slice(line, line + 256)),
            login: login !== null,
            loginEnd: login ? start + login.index + login[0].length : Infinity,
            user: USER_COMMAND.test(words),
        };
        return command;
    };
}
/** The start of the line a place in TEXT is on, asked for at places in order: linear. */
function lineStarts(text) {
    let scanned = 0;
    let line = 0;
    return (at) => {
        for (; scanned < at; scanned++)
            if (text[scanned] === '\n' || text[scanned] === '\r')
                line = scanned + 1;
        return line;
    };
}
/** The option masks of TEXT: each secret option's value, a login's `-p`, a user's password. */
function optionSpans(text, spans, script) {
    const commandAt = commandsOf(text);
    OPTION.lastIndex = 0;
    for (let m; (m = OPTION.exec(text));) {
        // Another option (`--password --token x`) is read as one: nothing here is read twice.
        if (!secretOption(m[3]) || text[OPTION.lastIndex] === '-')
            continue;
        const v = valueAt(text, OPTION.lastIndex);
        const value = text.slice(v.from, v.to);
        // After a blank: a trace's or a login's argument, or a credential's shape (a help text's
        // `--token string` is none).
        const blank = /^[ \t]+$/.test(m[4]);
        const command = () => commandAt(m.index);
        const taken = !text.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF, v.from) &&
            holdsValue(value) &&
            (!blank || v.quoted || credentialShaped(value) || script || command().trace || command().login);
        if (taken)
            spans.push(v);
        OPTION.lastIndex = Math.max(v.end, OPTION.lastIndex);
    }
    const loginAt = commandsOf(text);
    SHORT_PASSWORD.lastIndex = 0;
    for (let m; (m = SHORT_PASSWORD.exec(text));) {
        const at = SHORT_PASSWORD.lastIndex;
        // After the login's word (`ssh -p 2222 host 'oc login'` holds none).
        if (text[at] === '-' || m.index < loginAt(m.index).loginEnd)
            continue;
        const v = valueAt(text, at);
        if (!text.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF, v.from) && holdsValue(text.slice(v.from, v.to)))
            spans.push(v);
        SHORT_PASSWORD.lastIndex = Math.max(v.end, at);
    }
    const userAt = commandsOf(text);
    USER_PASSWORD.lastIndex = 0;
    for (let m; (m = USER_PASSWORD.exec(text));) {
        const at = USER_PASSWORD.lastIndex;
        let end = at;
        while (end < text.length && !/[\s"']/.test(text[end]))
            end++;
        const pw = text.slice(at, end);
        // curl's and wget's (a user and a group, `docker run -u www-data:www-data`, hold none).
        if (pw !== '' &&
            !pw.startsWith('$') &&
            !text.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF, at) &&
            (m[1] === '--proxy-user' || userAt(m.index).user))
            spans.push({ from: at, to: end });
        USER_PASSWORD.lastIndex = Math.max(end, at);
    }
}
/**
 * TEXT with each secret option's value masked (secretOption; quoted, inside its quotes, or its
 * word; kept where holdsValue says it is none, and, after a blank outside a shell's trace, where it
 * has no credential's shape), a login command's `-p` value, a `-u user:password`'s password, each
 * variable's NAME=value glued to an option or alone in a quoted item masked as the environment
 * record masks it (redactEnvValue), each netrc password, and the value of each form body's pair
 * whose key names a secret (secretOption; a URL's query is redactText's). SCRIPT, a text that is
 * commands (a RUN's script), reads every line as a trace's. Each match's work is bounded, and the
 * search goes on after what it took: linear. Idempotent.
 */
function maskCommandLines(text, script = false) {
    const spans = [];
    if (text.includes('-')) {
        optionSpans(text, spans, script);
        GLUED.lastIndex = 0;
        for (let m; (m = GLUED.exec(text));) {
            const v = valueAt(text, GLUED.lastIndex);
            const value = text.slice(v.from, v.to);
            if (value !== '' && !text.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF, v.from) && (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactEnvValue */ .OI)(m[1], value) !== value)
                spans.push(v);
            GLUED.lastIndex = Math.max(v.end, GLUED.lastIndex);
        }
    }
    if (text.includes('=')) {
        // Each item's value is read once to its closing quote (an escaped one is part of it), at most
        // QUOTED_MAX characters; the search goes on after what was read, closed or not: linear.
        QUOTED_ITEM.lastIndex = 0;
        for (let m; (m = QUOTED_ITEM.exec(text));) {
            const [q, name, from] = [m[1], m[2], QUOTED_ITEM.lastIndex];
            const stop = Math.min(text.length, from + QUOTED_MAX);
            let i = from;
            while (i < stop && text[i] !== q && text[i] !== '\n' && text[i] !== '\r')
                i += text[i] === '\\' ? 2 : 1;
            const value = text.slice(from, i);
            const closed = text[i] === q;
            if (closed && value !== '' && !value.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF) && (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactEnvValue */ .OI)(name, value) !== value)
                spans.push({ from, to: i });
            QUOTED_ITEM.lastIndex = Math.max(Math.min(i, stop) + (closed ? 1 : 0), from);
        }
    }
    if (text.includes('&')) {
        // A form's pair whose key names a secret (`password`, `client_secret`, `token`): its value.
        for (const m of text.matchAll(FORM)) {
            let at = m.index;
            for (const pair of m[0].split('&')) {
                const eq = pair.indexOf('=');
                const value = pair.slice(eq + 1);
                if (secretOption(pair.slice(0, eq)) && value !== '' && !value.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF))
                    spans.push({ from: at + eq + 1, to: at + pair.length });
                at += pair.length + 1;
            }
        }
    }
    if (text.includes('password')) {
        const lineAt = lineStarts(text);
        PASSWORD_WORD.lastIndex = 0;
        for (let m; (m = PASSWORD_WORD.exec(text));) {
            const start = lineAt(m.index);
            // At most 512 characters of the line before it (a netrc entry's `machine h login u`).
            if (!NETRC_ENTRY.test(text.slice(Math.max(start, m.index - 512), m.index)))
                continue;
            const v = valueAt(text, PASSWORD_WORD.lastIndex);
            if (!text.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF, v.from) && holdsValue(text.slice(v.from, v.to)))
                spans.push(v);
            PASSWORD_WORD.lastIndex = Math.max(v.end, PASSWORD_WORD.lastIndex);
        }
    }
    return (0,_redact_spans_js__WEBPACK_IMPORTED_MODULE_2__/* .spliced */ .Z)(text, spans);
}
/** A line that is an argv list's item alone, a secret option (`    "--token",`): its value is the next line's item. */
const OPTION_ITEM = /^[ \t]*(?:[[(][ \t]*)?b?(["'])--?([A-Za-z][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*)\1[ \t]*,[ \t]*$/;
/** Whether LINE is an argv list's item alone that is a secret option (the continuation scanner's). */
const optionItem = (line) => {
    const m = OPTION_ITEM.exec(line);
    return m !== null && secretOption(m[2]);
};
/** Whether VALUE, the item after a secret option's in an argv list, is its value (holdsValue). */
const optionValue = (value) => value !== _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF && holdsValue(value);


/***/ }),

/***/ 66293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ maskOutputPairs),
/* harmony export */   Gf: () => (/* binding */ secretName),
/* harmony export */   LC: () => (/* binding */ PEM_PRIVATE_BEGIN),
/* harmony export */   Y$: () => (/* binding */ secretQuotedKey),
/* harmony export */   YA: () => (/* binding */ lowerSecret),
/* harmony export */   oF: () => (/* binding */ secretKey)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
// Which names in a program's output name a secret, and the one-line pairs that redactOutput masks
// besides NAME=value, quoted pairs and YAML lines (redact-instruction.ts): a variable printed as
// `NAME value` (Python's print(k, v)), a flow mapping (`{password: x, user: y}`, `{A_KEY=x}`), Go's
// fmt of a map (`map[API_TOKEN:abc HOME:/root]`), and an indented env line whose value is a PEM
// block's first line. Each is read once, linear in the text.

/** Whether NAME names a secret by the shared secretName rule (matched anywhere, any case). */
const secretName = (name) => (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactEnvValue */ .OI)(name, '') === _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF;
/** A name as environment variables are written: upper case, digits and `_`. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** Secret names of one word that a program's own text does not use for anything else. */
const SECRET_WORD = /^(?:PASSW(?:OR)?D|PASSPHRASE|SECRET)$/;
/**
 * A lower-case (or camelCase) key that names a secret, its words joined by `_`: one that ends with
 * a password's or a secret's word, or with a credential's kind before `key` or `token`
 * (`api_key`, `accessToken`, `client_secret`, `private_key`, `apikey`; Azure's `account_key` and
 * `sas_token`, `encryption_key`; npm's `_auth`, a kubeconfig's `client-key-data`), or with a
 * service's name before them (`hf_token`, `hub_token`, `github_token`, `wandb_key`, `openai_api_key`; HTTP's credential headers
 * `X-Amz-Security-Token`, `Ocp-Apim-Subscription-Key`, `X-Vault-Token`), or a cookie's header
 * (`Cookie`, `Set-Cookie`: a session is a login). Not `token` or `key` alone, nor a tokenizer's
 * (`pad_token`, `max_new_tokens`), nor `auth`, `session`, `credentials_path`, `secure_cookie`: a
 * program's own settings, which the shared rule (matching inside words) would take.
 */
const LOWER_SECRET = /^(?:set_)?cookie$|^_auth$|(?:^|_)client_key_data$|(?:^|_)(?:passw(?:or)?d|passphrase|secret|(?:api|access|auth|refresh|private|secret|bearer|session|oauth|id|client|security|subscription|account|sas|encryption|vault|deploy|service|app|bot|hf|huggingface|hub|github|gh|gitlab|npm|pypi|registry|docker|ngc|wandb|openai|anthropic|cohere|replicate|kaggle|comet|neptune|slack|discord|sentry)_?(?:key|token)s?)$/;
/** LOWER_SECRET's words of NAME: `_`, `-` and `.` as `_`, a lower-to-upper case step too. */
const lowerSecret = (name) => LOWER_SECRET.test(name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-.]/g, '_')
    .toLowerCase());
/**
 * Whether NAME, a key written without quotes (a YAML key, a flow mapping's, a Go map's, a printed
 * `NAME value`), names a secret: one written as an environment variable's by the shared rule when it
 * holds a `_` (`WANDB_API_KEY`; a `KEY:` or `AUTHORS:` line is a program's own text) or is a
 * password's or a secret's word (`PASSWORD`); any other (lower case, camelCase) by LOWER_SECRET.
 */
function secretKey(name) {
    if (ENV_NAME.test(name))
        return (name.includes('_') || SECRET_WORD.test(name)) && secretName(name);
    return lowerSecret(name);
}
/** Whether a quoted key (`'DB_PASSWORD'`, `"api_key"`) names a secret: a variable's name by the shared rule. */
const secretQuotedKey = (name) => ENV_NAME.test(name) ? secretName(name) : lowerSecret(name);
/**
 * A line that is a variable's NAME, blanks and its value to the line's end: Python's print(k, v)
 * (one blank), or aligned in columns (`printf '%-20s %s'`: several blanks or tabs, kept as they
 * are), then indented too (`  DB_PASSWORD   x`: a table's rows; maskOutputPairs takes an indented
 * one only with such a separator).
 */
const PRINTED = /^([ \t]*)([A-Z_][A-Z0-9_]*)([ \t]+)([^ \t\r\n][^\r\n]*)$/gm;
/** An indented env line whose value is a PEM block's first line (its next lines: maskContinuations). */
const INDENTED_PEM = /^([ \t]+)([A-Z_][A-Z0-9_]*)=(-----BEGIN [^\r\n]*)$/gm;
/** A flow mapping, from its `{` to the line's end (its pairs are read in it). */
const FLOW = /\{[^\r\n]*/g;
/**
 * A flow mapping's pair after `{` or `,`: `key: value` (YAML, a JavaScript object) or `key=value`
 * (a Java map), the value quoted (its quotes kept; at most 256 characters, so that a quote left
 * open is not read to the line's end again at each pair: linear) or plain, to the next `,`, `{`
 * or `}`.
 */
const FLOW_PAIR = /([{,][ \t]*)([A-Za-z_][A-Za-z0-9_.-]*)([ \t]*=[ \t]*|:[ \t]+)(?:"((?:\\.|[^"\\\r\n]){0,256})"|'((?:''|[^'\r\n]){0,256})'|([^,{}\r\n]*))/g;
/**
 * A private key's PEM (or PGP armor) start line, wherever it is on a line and whatever precedes it
 * (`-----BEGIN PRIVATE KEY-----`, `tls-key: -----BEGIN EC PRIVATE KEY-----`); a certificate's or a
 * public key's is not one. Its type's words are bounded: linear.
 */
const PEM_PRIVATE_BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/;
/**
 * A private key's PEM on one line: its start line and the body after it, base64 with blanks and
 * escaped line breaks (`\n`, a JSON string's), its first run of 16 characters or more (a word
 * after it, `-----BEGIN PRIVATE KEY----- header`, is a program's own text), up to its END or
 * anything else; the body is masked (the lines after a start line are maskContinuations'). Each
 * run read once: linear.
 */
const PEM_ONE_LINE = new RegExp(`(${PEM_PRIVATE_BEGIN.source})((?:\\\\n|[ \\t])*[A-Za-z0-9+/=]{16}(?:\\\\n|[A-Za-z0-9+/= \\t])*)`, 'g');
/** Go's fmt of a map, from `map[` to the line's end. */
const GO_MAP = /map\[[^\r\n]*/g;
/**
 * A Go map's `KEY:`, after `map[` or a blank, its value's first character not a blank nor `]` (an
 * empty value is no secret's): where the value starts, which maskGoMap reads on.
 */
const GO_PAIR = /(map\[|[ \t])([A-Za-z_][A-Za-z0-9_]*):(?=[^ \t\]\r\n])/g;
/**
 * The blank before a Go map's next `KEY:`, where a value ends: a name written as an environment
 * variable's (Go prints a map's keys sorted; maskGoMap takes one only after the current key).
 */
const GO_NEXT_KEY = /[ \t]([A-Z_][A-Z0-9_]*):/g;
/**
 * A key that is not written as a variable's, `=`, and its value, as a repr or a settings file
 * prints it: a dataclass's or attrs' `Settings(api_key='x', ...)`, pytest's --showlocals
 * `api_key    = 'x'`, TOML's `api_key = "x"`, a log's `client_secret=x`; after a line's start, a
 * blank, `(`, `,`, `;` or `{`. The value quoted (its quotes kept; at most 256 characters, as
 * FLOW_PAIR's; a longer one is masked to the line's end: read once, as it ends the match), or plain after an `=` with no blanks, ended by a blank, `,`, `;`, `)`, `]` or `}`
 * (no bracket nor quote in it; each run between two starts is read once: linear):
 * a traceback's source line (`api_key = get_key()`, `OpenAI(api_key=os.environ["K"])`) is code,
 * kept. A variable's NAME=value (upper case) is ENV_ASSIGNMENT's, masked by redactEnvValue.
 */
const KWARG = /(^|[\s(,;{])([A-Za-z_][A-Za-z0-9_.]*)([ \t]*=[ \t]*)(?:"((?:\\.|[^"\\\r\n]){0,256})"|'((?:\\.|[^'\\\r\n]){0,256})'|(["'])(?:\\.|[^\\\r\n]){257}[^\r\n]*|([^\s,;(){}[\]'"]+)(?=[\s,;)\]}]|$))/g;
const UPPER_NAME = /^[A-Z_][A-Z0-9_]*$/;
/**
 * TEXT with the value of each secret's pair of these forms masked: a line `NAME value` (NAME as
 * secretKey judges it; indented, only with several blanks or a tab after NAME), a flow mapping's `key: value` or `key=value`, a Go map's `KEY:value` (its
 * blanks too: maskGoMap), an indented `NAME=-----BEGIN ...` line, a lower-case key's `key=value`
 * (KWARG, as secretKey judges the key), a private key's PEM body on its BEGIN line (PEM_ONE_LINE).
 * Idempotent.
 */
function maskOutputPairs(text) {
    let out = text.includes('PRIVATE KEY')
        ? text.replace(PEM_ONE_LINE, (_m, begin) => begin + _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF)
        : text;
    out = out.replace(PRINTED, (whole, lead, name, sep) => secretKey(name) && (lead === '' || sep !== ' ') ? `${lead}${name}${sep}${_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF}` : whole);
    out = out.replace(INDENTED_PEM, (whole, lead, name, value) => secretName(name) ? `${lead}${name}=${(0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactEnvValue */ .OI)(name, value)}` : whole);
    if (out.includes('{'))
        out = out.replace(FLOW, (flow) => flow.replace(FLOW_PAIR, maskFlowPair));
    if (out.includes('map['))
        out = out.replace(GO_MAP, maskGoMap);
    if (out.includes('='))
        out = out.replace(KWARG, maskKwarg);
    return out;
}
function maskFlowPair(whole, lead, key, sep, dq, sq, plain) {
    if (!secretKey(key))
        return whole;
    const q = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
    const value = (dq ?? sq ?? plain).trimEnd();
    if (value === '')
        return whole;
    return `${lead}${key}${sep}${q}${_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF}${q}${q ? '' : plain.slice(value.length)}`;
}
/**
 * MAP (from `map[` to its line's end) with each secret key's value masked (secretKey), blanks
 * included, as Go's fmt prints a string unquoted (`map[API_TOKEN:two words HOME:/root]`): to the
 * blank before the next `KEY:` of the same map (upper case, sorting after the key: Go prints the
 * keys sorted, so `map[DB_PASSWORD:a b:c d]` is one value), else to the map's own `]` (by bracket
 * depth from its `map[`: text after it, a nested map's, is kept), else to the line's end. A key
 * that is no secret's is read on from its value's start, so that a nested map's keys are read
 * (`map[CONFIG:map[DB_PASSWORD:x]]`). The brackets are counted once, the pairs and the next keys
 * each searched for from where the last search ended: linear.
 */
function maskGoMap(map) {
    let out = '';
    let done = 0;
    let brackets;
    const open = []; // the `[` open at `at`, innermost last
    let at = 0;
    let next; // the next key found, at or after where it was looked for
    GO_PAIR.lastIndex = 0;
    for (let m; (m = GO_PAIR.exec(map));) {
        const [lead, key] = [m[1], m[2]];
        const start = m.index + lead.length + key.length + 1;
        if (!secretKey(key)) {
            GO_PAIR.lastIndex = start;
            continue;
        }
        brackets ??= bracketsOf(map);
        for (; at < start; at++) {
            if (map[at] === '[')
                open.push(at);
            else if (map[at] === ']')
                open.pop();
        }
        const own = open.length > 0 ? open[open.length - 1] : -1;
        const close = own >= 0 && brackets.close[own] >= 0 ? brackets.close[own] : map.length;
        // The next KEY: of this map (not a nested one's), sorting after KEY, before its close.
        let from = start;
        for (;;) {
            if (next === undefined || (next !== null && next.index < from)) {
                GO_NEXT_KEY.lastIndex = from;
                next = GO_NEXT_KEY.exec(map);
            }
            if (next === null || next.index >= close)
                break;
            if (brackets.depth[next.index] === brackets.depth[start] && next[1] > key)
                break;
            from = next.index + 1;
        }
        const end = next !== null && next.index < close ? next.index : close;
        const value = map.slice(start, end).trimEnd();
        out += `${map.slice(done, start)}${_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF}`;
        done = start + value.length;
        GO_PAIR.lastIndex = Math.max(end, start + 1);
    }
    return done === 0 ? map : out + map.slice(done);
}
/**
 * TEXT's brackets: for each `[`, the index of the `]` that closes it (-1 where none does); for
 * each index, how many `[` are open before it. One pass.
 */
function bracketsOf(text) {
    const close = new Int32Array(text.length).fill(-1);
    const depth = new Int32Array(text.length);
    const open = [];
    for (let i = 0; i < text.length; i++) {
        depth[i] = open.length;
        if (text[i] === '[')
            open.push(i);
        else if (text[i] === ']' && open.length > 0)
            close[open.pop()] = i;
    }
    return { close, depth };
}
function maskKwarg(whole, lead, key, sep, dq, sq, long, plain) {
    if (UPPER_NAME.test(key) || !secretKey(key))
        return whole;
    // No value (`hub_token=None`), or a placeholder a library shows in its place (`<HUB_TOKEN>`).
    if (plain !== undefined && /^(?:None|null|nil|True|False|<[A-Z_]+>)$/.test(plain))
        return whole;
    // A quoted value longer than 256 characters: masked to the line's end (its close unknown).
    if (long !== undefined)
        return `${lead}${key}${sep}${long}${_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF}`;
    if (dq === undefined && sq === undefined && sep !== '=')
        return whole;
    const q = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
    return `${lead}${key}${sep}${q}${_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF}${q}`;
}


/***/ }),

/***/ 63435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ spliced)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
// Spans of a text to mask, spliced in: what the output rules that read a value by hand (headers,
// name and value pairs, command lines) share.

/**
 * TEXT with each span's text replaced by the mask, spans in order: one that overlaps the span
 * before it, is empty or blank, or is masked already, is skipped; trailing blanks are kept.
 */
function spliced(text, spans) {
    if (spans.length === 0)
        return text;
    spans.sort((a, b) => a.from - b.from);
    let out = '';
    let done = 0;
    for (const { from, to } of spans) {
        const value = text.slice(from, to).trimEnd();
        if (from < done || value === '' || text.startsWith(_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF, from))
            continue;
        out += `${text.slice(done, from)}${_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF}`;
        done = from + value.length;
    }
    return done === 0 ? text : out + text.slice(done);
}


/***/ })

};
