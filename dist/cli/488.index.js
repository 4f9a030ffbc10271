export const id = 488;
export const ids = [488];
export const modules = {

/***/ 54130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xi: () => (/* binding */ spdxFromCycloneDx)
/* harmony export */ });
/* unused harmony exports SPDX_NAMESPACE_BASE, buildSpdx */
/* harmony import */ var _sbom_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55056);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79124);
// The SBOM as SPDX 2.3 JSON (`ml-image sbom --format spdx`), converted from the CycloneDX SBOM
// (buildSbom) so that the two formats always say the same thing:
//   - each CycloneDX component is a package: its version, its purl as an external reference, its
//     type as the package's purpose, its group as the supplier, its ml-image:* properties as
//     annotations (ml-image:cuda.runtime=12.8), no files (filesAnalyzed false);
//   - the document DESCRIBES the image, which CONTAINS every other package but the base image, of
//     which it is a DESCENDANT_OF; pip's requirements are DEPENDS_ON relationships.
// Deterministic as the CycloneDX SBOM is: SPDX ids from the bom-refs, the namespace from its serial
// number (a hash of its content), the creation time from the record's capture (whole seconds, as
// SPDX writes times; a record without a readable one: the time of writing, named in the
// namespace). Every string was scrubbed on the way into the CycloneDX SBOM. Pure.
// The tests run the SPDX project's own validator on it (pyspdxtools, from scripts/test-env.sh).


/** Where the documents' namespaces live: a URI of this tool's, never fetched (SPDX 2.3 section 6.5). */
const SPDX_NAMESPACE_BASE = 'https://ml-image-action.github.io/spdx';
const DOCUMENT = 'SPDXRef-DOCUMENT';
/** CycloneDX component types as SPDX 2.3 package purposes (anything else: OTHER). */
const PURPOSE = {
    application: 'APPLICATION',
    framework: 'FRAMEWORK',
    library: 'LIBRARY',
    container: 'CONTAINER',
    'operating-system': 'OPERATING-SYSTEM',
    device: 'DEVICE',
    firmware: 'FIRMWARE',
    file: 'FILE',
};
const SPDX_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
/** A time as SPDX writes times (YYYY-MM-DDThh:mm:ssZ: whole seconds, UTC), or undefined. */
function spdxTime(iso) {
    const t = iso === undefined ? Number.NaN : Date.parse(iso);
    const text = Number.isNaN(t) ? '' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return SPDX_TIME.test(text) ? text : undefined;
}
/** SPDX ids ("SPDXRef-" and letters, digits, "." and "-"), one per bom-ref, unique in the document. */
function idMaker() {
    const taken = new Set([DOCUMENT]);
    return (ref) => {
        const base = `SPDXRef-${ref.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'package'}`;
        let id = base;
        for (let n = 2; taken.has(id); n++)
            id = `${base}-${n}`;
        taken.add(id);
        return id;
    };
}
const roleOf = (c) => c.properties?.find((p) => p.name === `${_sbom_js__WEBPACK_IMPORTED_MODULE_0__/* .SBOM_PROPERTY_PREFIX */ .FE}ml-stack`)?.value;
function packageOf(c, id, annotate) {
    const purpose = c.type === undefined ? undefined : (PURPOSE[c.type] ?? 'OTHER');
    const annotations = (c.properties ?? []).map((p) => annotate(`${p.name}=${p.value}`));
    return {
        SPDXID: id,
        name: c.name ?? '',
        ...(c.version !== undefined && { versionInfo: c.version }),
        ...(c.group !== undefined && { supplier: `Organization: ${c.group}` }),
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        ...(purpose !== undefined && { primaryPackagePurpose: purpose }),
        ...(c.description !== undefined && { description: c.description }),
        ...(c.purl !== undefined && {
            externalRefs: [
                { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl },
            ],
        }),
        ...(annotations.length > 0 && { annotations }),
    };
}
/** The SPDX 2.3 document of a CycloneDX SBOM that buildSbom made. */
function spdxFromCycloneDx(bom, now = new Date()) {
    const image = bom.metadata?.component ?? {};
    const tool = bom.metadata?.tools?.components?.[0];
    // The record's capture time (the SBOM's timestamp): the same record, the same document. A record
    // without a readable one gets the time of writing, and its namespace names that time too (SPDX:
    // another document, another namespace).
    const captured = spdxTime(bom.metadata?.timestamp);
    const created = captured ?? spdxTime(now.toISOString());
    const annotator = `Tool: ${_types_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .lH}-${tool?.version ?? 'unknown'}`;
    const annotate = (comment) => ({
        annotationDate: created,
        annotationType: 'OTHER',
        annotator,
        comment,
    });
    const idOf = idMaker();
    const imageId = idOf(image['bom-ref'] ?? 'image');
    const ids = new Map();
    const components = bom.components ?? [];
    const packages = [packageOf(image, imageId, annotate)];
    const relationships = [
        { spdxElementId: DOCUMENT, relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
    ];
    for (const c of components) {
        const id = idOf(c['bom-ref'] ?? c.name ?? 'package');
        if (c['bom-ref'] !== undefined)
            ids.set(c['bom-ref'], id);
        packages.push(packageOf(c, id, annotate));
        relationships.push(roleOf(c) === 'base.image'
            ? { spdxElementId: imageId, relationshipType: 'DESCENDANT_OF', relatedSpdxElement: id }
            : { spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
    }
    for (const d of bom.dependencies ?? []) {
        const from = ids.get(d.ref);
        for (const to of d.dependsOn ?? []) {
            const target = ids.get(to);
            if (from !== undefined && target !== undefined)
                relationships.push({
                    spdxElementId: from,
                    relationshipType: 'DEPENDS_ON',
                    relatedSpdxElement: target,
                });
        }
    }
    const name = [image.name, image.version].filter((s) => s !== undefined && s !== '').join('@') || 'image';
    const serial = (bom.serialNumber ?? '').replace(/^urn:uuid:/, '');
    const slug = (image.name ?? 'image').replace(/[^A-Za-z0-9._-]+/g, '-');
    const written = captured ? '' : `-${created.replace(/[-:]/g, '')}`;
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: DOCUMENT,
        name,
        documentNamespace: `${SPDX_NAMESPACE_BASE}/${slug}-${serial || 'unknown'}${written}`,
        creationInfo: { created, creators: [annotator] },
        packages,
        relationships,
    };
}
/** The SBOM of one image (one platform) as SPDX 2.3 JSON: buildSbom's, converted. */
function buildSpdx(input, now = new Date()) {
    return spdxFromCycloneDx(buildSbom(input), now);
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
/* harmony import */ var _plan_tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49458);
// EnvRecord: what is inside an image (env.json). Versioned, so the next release reads this one's:
// src/diff/read.ts migrates older records (v1 had no image.variant / image.created).


const ENV_RECORD_SCHEMA_VERSION = 2;
/** Labels the build sets (src/plan/tags.ts computeLabels) that image.variant / image.created mirror. */
const VARIANT_LABEL = `${_plan_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL_PREFIX */ .Ag}.variant`;
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

/***/ 49458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ computeTags),
/* harmony export */   Ag: () => (/* binding */ LABEL_PREFIX),
/* harmony export */   YN: () => (/* binding */ versionFromRef),
/* harmony export */   zt: () => (/* binding */ computeLabels)
/* harmony export */ });
// Tags and OCI labels of a variant. Pure: the git/CI context is passed in.
//
// Tag rules (docs/configuration.md "Tags"):
//   <version>-<variant>        when a version is known (image.version, or a v1.2.3 git tag)
//   sha-<sha7>-<variant>       whenever the commit is known
//   pr-<n>-<variant>           on pull requests
//   <variant>                  on the default branch (the variant's moving "latest")
//   latest                     on the default branch, for the first variant of the config only
//   dev-<variant>              when none of the above applies (a local build outside git)
const LABEL_PREFIX = 'io.github.ml-image-action';
/** A version from a tag ref like refs/tags/v1.4.0 -> "1.4.0". */
function versionFromRef(ref) {
    const m = /^refs\/tags\/v?(\d+\.\d+\.\d+[A-Za-z0-9.+-]*)$/.exec(ref ?? '');
    return m ? m[1].replace(/\+/g, '-') : undefined;
}
function computeTags(t) {
    const tags = [];
    const add = (tag) => {
        const full = `${t.repository}:${tag}`;
        if (!tags.includes(full))
            tags.push(full);
    };
    const version = t.version ?? versionFromRef(t.git.ref);
    if (version !== undefined)
        add(`${version}-${t.variant}`);
    if (t.git.sha)
        add(`sha-${t.git.sha.slice(0, 7)}-${t.variant}`);
    if (t.git.prNumber !== undefined)
        add(`pr-${t.git.prNumber}-${t.variant}`);
    if (t.git.isDefaultBranch) {
        add(t.variant);
        if (t.primary)
            add('latest');
    }
    if (tags.length === 0)
        add(`dev-${t.variant}`);
    return tags;
}
/** OCI labels plus the project's own. The base image digest label is added at build time. */
function computeLabels(l) {
    const version = l.version ?? versionFromRef(l.git.ref);
    return {
        'org.opencontainers.image.title': l.title,
        'org.opencontainers.image.created': l.git.commitTime ?? l.created.toISOString(),
        ...(l.git.repositoryUrl !== undefined && { 'org.opencontainers.image.source': l.git.repositoryUrl }),
        ...(l.git.sha !== undefined && { 'org.opencontainers.image.revision': l.git.sha }),
        ...(version !== undefined && { 'org.opencontainers.image.version': version }),
        'org.opencontainers.image.base.name': l.baseImage,
        [`${LABEL_PREFIX}.variant`]: l.variant,
        [`${LABEL_PREFIX}.python`]: l.python,
        ...(l.cuda !== undefined && { [`${LABEL_PREFIX}.cuda`]: l.cuda }),
        ...(l.torch !== undefined && { [`${LABEL_PREFIX}.torch`]: l.torch }),
        [`${LABEL_PREFIX}.base-image`]: l.baseImage,
    };
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


/***/ }),

/***/ 64377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
