export const id = 511;
export const ids = [511];
export const modules = {

/***/ 99183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yx: () => (/* binding */ isPushed),
/* harmony export */   ef: () => (/* binding */ BUILD_RESULT_SCHEMA_VERSION),
/* harmony export */   fh: () => (/* binding */ BuildResultSchema),
/* harmony export */   sk: () => (/* binding */ MaterialsSchema),
/* harmony export */   vp: () => (/* binding */ PlatformBuildSchema)
/* harmony export */ });
/* unused harmony exports FileDigestSchema, VariantBuildSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(64377);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89538);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17700);
/* harmony import */ var _config_short_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84790);
/* harmony import */ var _config_unique_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(85363);
// BuildResult: what the build stage hands to capture/smoke/report (and writes as build.json).





/** An image reference (a tag the build pushed, a local tag, the base image), as docker reads it. */
const imageRef = zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().refine((r) => (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .imageRefProblem */ .OD)(r) === undefined, {
    error: (iss) => `not an image reference: ${(0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .imageRefProblem */ .OD)(String(iss.input))}`,
});
const BUILD_RESULT_SCHEMA_VERSION = 1;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A file the build read, by the sha256 of its bytes: its path from the config's directory. */
const FileDigestSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ path: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1), sha256: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(SHA256_HEX) });
/**
 * The files the build stage read, by digest, when it read them (what provenance names: the attest
 * stage may run later, in another job, after the files changed). The same for every target of a
 * run. Older build.json files have none: the attest stage then reads the files as they are.
 */
const MaterialsSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    /** ml-image.yml (none when the config came from inputs or flags only). */
    config: FileDigestSchema.optional(),
    /** python.requirements with their -r includes and -c files, in the order read. */
    requirements: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(FileDigestSchema),
});
const PlatformBuildSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    /**
     * What the build built for: one of the platforms a config and plan.json may name (the build
     * stage builds only those), so that a reader (export's node selector) never sees another. Read
     * as a string: the stage's targets carry plan.json's platforms as strings.
     */
    platform: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().refine((p) => _config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .PLATFORMS */ .P4.includes(p), {
        error: `expected one of ${_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .PLATFORMS */ .P4.map((p) => JSON.stringify(p)).join(', ')} (a platform a build builds)`,
    }),
    /** The platform's image (where the build pushed an index with BuildKit's attestations, the image in it). */
    digest: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_RE */ .Vt),
    /** The index the build pushed around that image and BuildKit's attestation: what the merge lists. */
    indexDigest: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_RE */ .Vt).optional(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().nonnegative(),
    /** When the build finished (the provenance's finishedOn; older build.json files have none). */
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_4__/* .datetime */ .w$({ offset: true }).optional(),
    attempts: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().positive(),
    metadata: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()),
    /**
     * Where the image is in the engine: the local tag of a load (push: false, or push and load), or
     * the docker driver's push tag (push and load). Only loaded unless `pushed` says otherwise.
     */
    localRef: imageRef.optional(),
    /**
     * The tags the loaded image carries besides localRef (a variant built for one platform is loaded
     * under its tags, as build-push-action's); absent when none (older build.json files have none).
     */
    loadedTags: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(imageRef).optional(),
    /**
     * Whether the build pushed the image (repository@digest is in the registry), loaded or not.
     * Older build.json files have none: pushed exactly when there is no localRef (isPushed).
     */
    pushed: zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY().optional(),
    /**
     * The sha256 (hex) of the resolver's constraints this target's build got; absent when it got
     * none (no resolution) or, with no `materials` in build.json, when an older version built it.
     */
    constraintsSha256: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(SHA256_HEX).optional(),
});
const VariantBuildSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    /**
     * The config's variant name (a short name, as the config checks it): a build.json of another run
     * (a pull request's artifact) is read by export, devcontainer and the report, which put it into
     * job names, file names (env-<variant>-<arch>.json) and devcontainer.json's "name" (where the
     * devcontainer CLI expands ${localEnv:...}). Anything else is a tampered file: exit 2.
     */
    variant: (0,_config_short_name_js__WEBPACK_IMPORTED_MODULE_2__/* .shortName */ .EU)('a variant name'),
    repository: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().refine((r) => (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryProblem */ .Ki)(r) === undefined, {
        error: (iss) => `not a repository: ${(0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryProblem */ .Ki)(String(iss.input))}`,
    }),
    /** Digest of the merged multi-arch manifest list; absent when not merged (merge: false, push: false). */
    digest: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_RE */ .Vt).optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(imageRef),
    /** Each platform once: a reader takes the first of two, another digest than the other names. */
    platforms: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(PlatformBuildSchema).superRefine((ps, ctx) => (0,_config_unique_js__WEBPACK_IMPORTED_MODULE_5__/* .eachOnce */ .B)('platform')(ps.map((p) => p.platform), ctx)),
    baseImage: imageRef,
    baseDigest: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
});
const BuildResultSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(BUILD_RESULT_SCHEMA_VERSION),
    /**
     * Each variant once: export and devcontainer took the first of two without a word (the job could
     * run another digest than the other entry names), and asked to pick one of "cpu, cpu".
     */
    variants: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(VariantBuildSchema).superRefine((vs, ctx) => (0,_config_unique_js__WEBPACK_IMPORTED_MODULE_5__/* .eachOnce */ .B)('variant')(vs.map((v) => v.variant), ctx)),
    materials: MaterialsSchema.optional(),
});
/**
 * Whether the build pushed P (its repository@digest is in the registry): what it recorded, else (a
 * build.json of an older version) when it left no local tag, as those versions meant it.
 */
const isPushed = (p) => p.pushed ?? p.localRef === undefined;


/***/ }),

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

/***/ 12239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bL: () => (/* binding */ BUILD_ARGS_FIX),
  fz: () => (/* binding */ buildArgNameProblem),
  _y: () => (/* binding */ buildArgSecretProblem),
  _G: () => (/* binding */ credentialInValue)
});

// UNUSED EXPORTS: PLAN_BUILD_ARGS

// EXTERNAL MODULE: ./src/requirements/credentials.ts + 1 modules
var credentials = __webpack_require__(53088);
// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(38287);
// EXTERNAL MODULE: ./src/util/redact-connection.ts
var redact_connection = __webpack_require__(79652);
;// CONCATENATED MODULE: ./src/util/written-credential.ts
// Whether a value writes a credential in a form of its own, by the rules that mask it in text and
// in an environment value (redact.ts, redact-connection.ts): the gate for text anyone who pulls an
// image reads (a build arg's, a label's, an annotation's value: src/config/build-args.ts) refuses
// what the logs would mask, so no such value reaches the image.


/**
 * What credential VALUE writes in a form of its own (a connection string's `Password=`/
 * `AccountKey=`, an Authorization header's credentials, an npmrc's `_authToken=`, a setting's
 * `api_key=`, a Docker config's `"auth"`, a netrc entry, `--password p`), else undefined. Names the
 * form, never the value.
 */
function writtenCredential(value) {
    if ((0,redact_connection/* maskConnectionSecrets */.e)(value, [redact/* REDACTED */.XF, redact/* MASK */.v5]) !== value)
        return "a connection string's secret (Password=, Pwd=, AccountKey=, SharedAccessKey=, SharedAccessSignature=)";
    if ((0,redact_connection/* maskWrittenCredentials */.g)(value, [redact/* REDACTED */.XF, redact/* MASK */.v5]) !== value)
        return "an Authorization header's credentials";
    if (redact/* CREDENTIAL_IN_VALUE */.SE.test(value))
        return 'a credential written as a setting, an option or a config line (api_key=, --password, _authToken=, "auth":)';
    return undefined;
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/config/build-args.ts
// What build.args may hold: they end up in the image history (`docker history --no-trunc`) for
// anyone who can pull the image, so a credential is refused where the config is read (the plan, the
// action's config output), not only when the build starts. What a credential in a value is, is the
// rule a requirements file's URLs are judged by (requirements/credentials.ts literalCredentials):
// a placeholder (`<token>`, `YOUR_KEY`), a mask, a whole `${NAME}` or a short value is none. Pure.




/**
 * A build-arg name that says it holds a credential or an index URL: the keys that are credentials
 * by name, also without "_" (APIKEY, HFKEY), at the name's end (SIGNING_KEY, not
 * PKG_SIGNING_KEY_URL); a password also as PWD at the end (DB_PWD, MYSQL_ROOT_PWD); PASS and PAT
 * only as words of their own. Any other `<word>_KEY`: KEY_NAME.
 */
const SECRET_ARG_NAME = new RegExp([
    'TOKEN|PASSW(?:OR)?D|PASSPHRASE|SECRET|CREDENTIAL|CREDS|INDEX_URL|NETRC|COOKIE',
    '(?:API|ACCESS|PRIVATE|SSH|SIGNING|ENCRYPTION|LICEN[CS]E|MASTER|WANDB|HF|OPENAI)_?KEY$',
    '_PWD$',
    '(?:^|_)(?:AUTH|AUTHORIZATION|PASS|PAT|SESSION(?:_?ID)?)(?:$|_)',
].join('|'), 'i');
/**
 * Any `<word>_KEY` is a credential's name too (AZURE_STORAGE_KEY, KAGGLE_KEY, NGC_KEY), as any KEY
 * is to the shared redaction rules' secretName (images/probe/redaction-rules.json), but only at
 * the name's end (SSH_KEYSCAN_HOSTS, HF_KEYWORD, NVIDIA_GPGKEY_FPR are none), and not the few
 * common ones that hold no secret (NON_SECRET_KEY_NAME).
 */
const KEY_NAME = /_KEY$/i;
/**
 * `<word>_KEY` names that hold no secret: a cache key (CCACHE_KEY, SCCACHE_KEY too), a sort key, a
 * GPG key's id (GPG_KEY, as the official Python images set it), a public key, a table's partition,
 * primary or foreign key, an object store's object key (S3_KEY, MODEL_S3_KEY), a hash, shard or
 * routing key, a model's key in a registry or hub.
 */
const NON_SECRET_KEY_NAME = new RegExp([
    'CACHE_KEY$',
    '(?:^|_)(?:SORT|GPG|PUBLIC|PUB|PARTITION|PRIMARY|FOREIGN|COMPOSITE|LOOKUP|S3|OBJECT|BLOB|BUCKET|HASH|SHARD|ROUTING|DEDUPE?|IDEMPOTENCY|MODEL)_KEY$',
].join('|'), 'i');
/**
 * Credentials by their shape the shared patterns do not hold (their message would quote the
 * value around the token, and a key block is all secret): a PEM private key block (RSA, EC,
 * OPENSSH, ENCRYPTED, PGP ...).
 */
const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/**
 * A URL with userinfo (user:password@ or token@); `git@` (SSH's fixed user) is no secret. The
 * scheme is bounded as the shared redaction rule's is: a long value is scanned in linear time.
 */
const URL_USERINFO = /[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/(?!git@)[^\s/@]+@/;
/** What a Dockerfile's ARG (BuildKit's variable names) can be. */
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Where a credential goes instead. */
const BUILD_ARGS_FIX = 'pass it with build.secrets (read at build time from a secret mount, never stored in the image); index URLs go in python.indexUrl / python.extraIndexUrls';
/** Why build arg NAME=VALUE is refused (a credential, by its name or value), or undefined. */
function buildArgSecretProblem(name, value) {
    const why = SECRET_ARG_NAME.test(name) || (KEY_NAME.test(name) && !NON_SECRET_KEY_NAME.test(name))
        ? 'its name says it holds a credential or an index URL'
        : credentialInValue(value);
    return why === undefined ? undefined : `${why}; build arguments are recorded in the image history`;
}
/**
 * Why VALUE (of a build arg, a label, an annotation: text anyone who pulls the image reads) holds
 * a credential: URL credentials, a token by its shape, or what the shared rules mask in a URL and
 * a requirements file may not hold literally (literalCredentials, as in a comment: a login's
 * secret, also percent-encoded; the value of a query or fragment parameter named for a secret,
 * `?token=`, `&sig=`, `X-Amz-Signature=`; an Anaconda host's `/t/<token>/`), or a credential
 * written in a form of its own that the logs mask (util/written-credential.ts: a connection
 * string's `Password=`, an Authorization header's, `api_key=`); undefined when it does not. The
 * message names what, never the value.
 */
function credentialInValue(value) {
    if (PEM_PRIVATE_KEY.test(value))
        return 'its value holds a PEM private key block';
    if (URL_USERINFO.test(value))
        return 'its value carries URL credentials (user:password@ or token@ before the host)';
    if ((0,redact/* holdsToken */.Qe)(value))
        return `its value holds a token (${(0,redact/* redactText */.Rd)(value).slice(0, 200)})`;
    const found = (0,credentials/* literalCredentials */.m)(value, false)[0];
    if (found)
        return `its value holds ${found.what}`;
    // What the logs mask by its form: the gate refuses it too, so no such value reaches the image.
    const written = writtenCredential(value);
    return written && `its value holds ${written}`;
}
/** Why NAME cannot be a build argument's name, or undefined. */
function buildArgNameProblem(name) {
    if (!ARG_NAME.test(name))
        return `${(0,util_text/* printable */.g$)(JSON.stringify(name))} is not a build argument name: letters, digits and _, not starting with a digit`;
    if (PLAN_BUILD_ARGS.has(name))
        return `${name} is set by the plan (the variant's base image, Python, torch or CUDA, which the resolver checked and the labels and attestations name): choose them in variants, not build.args`;
    return undefined;
}
/**
 * The build args the plan sets for the templates (src/plan/plan.ts buildArgsOf) and the build stage
 * adds (ML_IMAGE_INPUTS_SHA256): one in build.args would build another image than the one planned,
 * resolved against and attested (`FROM ${BASE_IMAGE}`).
 */
const PLAN_BUILD_ARGS = new Set([
    'BASE_IMAGE',
    'PYTHON_VERSION',
    'ML_IMAGE_VARIANT',
    'TORCH_VERSION',
    'TORCH_INDEX_URL',
    'ML_IMAGE_CUDA',
    'ML_IMAGE_INPUTS_SHA256',
]);


/***/ }),

/***/ 95164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AL: () => (/* binding */ patternProblem),
/* harmony export */   Rc: () => (/* binding */ PATTERN_FLAGS),
/* harmony export */   n7: () => (/* binding */ MAX_PATTERN_LENGTH)
/* harmony export */ });
// What a custom test's expectedOutput / excludedOutput pattern must be, checked when the config is
// loaded (schema.ts) and compiled the same way by the smoke stage's matcher (smoke/match.ts, which
// runs it in a worker thread). Pure: it imports nothing.
/** Longest pattern accepted (config validation says so at load time). */
const MAX_PATTERN_LENGTH = 1000;
/** The flags output patterns are compiled with (config validation, the matcher and its worker). */
const PATTERN_FLAGS = 'm';
/** Why a pattern is not usable, or undefined when it compiles the way the matcher compiles it. */
function patternProblem(pattern) {
    if (pattern.length > MAX_PATTERN_LENGTH)
        return `the pattern is ${pattern.length} characters long (at most ${MAX_PATTERN_LENGTH})`;
    try {
        new RegExp(pattern, PATTERN_FLAGS);
        return undefined;
    }
    catch (e) {
        return e.message;
    }
}


/***/ }),

/***/ 89538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Kx: () => (/* binding */ ConfigFileSchema),
  Pe: () => (/* reexport */ MAX_TIMEOUT_SECONDS),
  P4: () => (/* binding */ PLATFORMS),
  QT: () => (/* binding */ TEMPLATES),
  I6: () => (/* binding */ normalizeConfig),
  D3: () => (/* binding */ variantEntryName)
});

// UNUSED EXPORTS: DEFAULT_GPU_RUNNER_LABELS, DEFAULT_PLATFORMS, RESOLVE_MODES, SMOKE_NETWORKS, SMOKE_SUITES

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(88532);
// EXTERNAL MODULE: ./src/config/build-args.ts + 1 modules
var build_args = __webpack_require__(12239);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/util/pip-index-url.ts
var pip_index_url = __webpack_require__(72752);
// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(38287);
// EXTERNAL MODULE: ./src/config/attest.ts
var attest = __webpack_require__(92945);
// EXTERNAL MODULE: ./src/config/secret-id.ts
var secret_id = __webpack_require__(92916);
// EXTERNAL MODULE: ./src/config/short-name.ts
var short_name = __webpack_require__(84790);
// EXTERNAL MODULE: ./src/config/size.ts
var size = __webpack_require__(64089);
// EXTERNAL MODULE: ./src/config/pattern.ts
var pattern = __webpack_require__(95164);
// EXTERNAL MODULE: ./src/config/unique.ts
var unique = __webpack_require__(85363);
// EXTERNAL MODULE: ./src/config/user-map.ts
var user_map = __webpack_require__(4148);
;// CONCATENATED MODULE: ./src/config/smoke-schema.ts
// The `smoke:` block of ml-image.yml (part of ConfigFileSchema in schema.ts, which re-exports these
// names). Every default of the block lives here; docs/configuration.md is generated from it.





const SMOKE_SUITES = ['imports', 'pip-check', 'gpu', 'compute', 'train', 'ddp', 'custom'];
/** The networks a smoke test's container may have (smoke.network). */
const SMOKE_NETWORKS = ['none', 'bridge'];
/** Upper bound of a per-test timeout: smoke.timeoutSeconds and the --timeout flags (one day). */
const MAX_TIMEOUT_SECONDS = 86400;
const DEFAULT_GPU_RUNNER_LABELS = ['self-hosted', 'linux', 'x64', 'gpu'];
// Output patterns are compiled here the way the smoke runner compiles them (flags, length cap),
// so a bad one is exit 2 at load time; matching itself is bounded in time (src/smoke/match.ts).
const regexList = schemas/* array */.YOg(schemas/* string */.YjP().superRefine((value, ctx) => {
    const problem = (0,pattern/* patternProblem */.AL)(value);
    if (problem)
        ctx.addIssue({
            code: 'custom',
            message: value.length > pattern/* MAX_PATTERN_LENGTH */.n7 ? problem : 'expected a valid regular expression',
        });
}))
    .default([]);
const CustomTest = schemas/* strictObject */.rej({
    name: (0,short_name/* shortName */.EU)('a test name').describe('Test id in results: lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit, at most 64 characters.'),
    command: schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* array */.YOg(schemas/* string */.YjP()).min(1)], {
        error: 'expected a command string (run with sh -c) or an argv list',
    })
        .optional()
        .describe('Command test: a string run with `sh -c`, or an argv list.'),
    expectedOutput: regexList.describe('Regexes the combined output must match.'),
    excludedOutput: regexList.describe('Regexes the combined output must not match.'),
    exitCode: schemas/* number */.aig().int().min(0).max(255).default(0).describe('Expected exit code of the command.'),
    gpu: schemas/* boolean */.zMY()
        .default(false)
        .describe('Command test that uses a GPU: its container gets the GPUs of a GPU run (others get none); skipped without GPUs (failed with `requireGpu`).'),
    file: schemas/* strictObject */.rej({
        path: schemas/* string */.YjP()
            .startsWith('/', { error: 'expected an absolute path in the image' })
            .describe('Absolute path in the image.'),
        exists: schemas/* boolean */.zMY().default(true).describe('Whether the path must exist (false: must not).'),
        mode: schemas/* string */.YjP()
            .regex(/^0?[0-7]{3,4}$/, { error: 'expected an octal mode like "0755"' })
            .optional()
            .describe('Expected permission bits, octal.'),
    })
        .optional()
        .describe('File test.'),
    metadata: schemas/* strictObject */.rej({
        user: schemas/* string */.YjP().optional(),
        workdir: schemas/* string */.YjP().optional(),
        env: (0,user_map/* userMap */.oX)(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
        labels: (0,user_map/* userMap */.oX)(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
        entrypoint: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
        cmd: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    })
        .optional()
        .describe('Metadata test: expected image config values (env and labels: at least these keys).'),
})
    .superRefine((t, ctx) => {
    const kinds = [t.command, t.file, t.metadata].filter((k) => k !== undefined).length;
    if (kinds !== 1) {
        ctx.addIssue({
            code: 'custom',
            path: [],
            message: `expected exactly one of "command", "file" or "metadata" (found ${kinds})`,
        });
    }
    if (t.gpu && t.command === undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['gpu'],
            message: 'only a command test runs a program that can use a GPU: remove "gpu" or add "command"',
        });
});
const SmokeConfigSchema = schemas/* strictObject */.rej({
    suites: schemas/* array */.YOg(schemas/* enum */.k5n(SMOKE_SUITES))
        .superRefine((0,unique/* eachOnce */.B)('suite'))
        .default([...SMOKE_SUITES])
        .describe('Smoke suites to run, each named once; GPU suites skip on runners without a GPU.'),
    requireGpu: schemas/* boolean */.zMY().default(false).describe('Fail (not skip) GPU suites when no GPU is visible.'),
    gpuRunnerLabels: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .min(1)
        .default(DEFAULT_GPU_RUNNER_LABELS)
        .describe("runs-on labels of the self-hosted GPU runner, for a workflow of your own: the plan sub-action's `config` output carries them (`runs-on: ${{ fromJSON(needs.plan.outputs.config).smoke.gpuRunnerLabels }}`). The reusable workflow `ml-image.yml` does not read them: its `gpu-runner-labels` input decides, so a pull request's config never picks a self-hosted runner."),
    baseline: schemas/* string */.YjP({ error: 'expected a file path' })
        .min(1, { error: 'expected a file path' })
        .optional()
        .describe('Per-GPU throughput floors (JSON), relative to the config file. On a GitHub runner it must be inside the workspace.'),
    timeoutSeconds: schemas/* number */.aig()
        .int()
        .positive()
        .max(MAX_TIMEOUT_SECONDS)
        .default(600)
        .describe('Per-test timeout.'),
    network: schemas/* enum */.k5n(SMOKE_NETWORKS)
        .default('none')
        .describe('Network of the custom command tests: `none` (loopback only) or `bridge` (for a test that needs the network). The built-in suites always run without one.'),
    tests: schemas/* array */.YOg(CustomTest)
        .superRefine((tests, ctx) => {
        // The results (smoke.json, JUnit, the report) name each test by its name.
        const first = new Map();
        tests.forEach((t, i) => {
            const at = first.get(t.name);
            if (at === undefined)
                first.set(t.name, i);
            else
                ctx.addIssue({
                    code: 'custom',
                    path: [i, 'name'],
                    message: `${JSON.stringify(t.name)} is also the name of smoke.tests[${at}]: each test needs its own (the results name tests by it)`,
                });
        });
    })
        .default([])
        .describe('Custom tests (the `custom` suite).'),
})
    .prefault({})
    .describe('Smoke tests run inside the built image.');

// EXTERNAL MODULE: ./src/config/variant-origin.ts
var variant_origin = __webpack_require__(52454);
;// CONCATENATED MODULE: ./src/config/schema.ts
// The one schema of ml-image.yml. Every default lives here (and nowhere else): docs/configuration.md's config
// reference is generated from this file (src/config/reference.ts; `npm run docs` rewrites it).














// The smoke block lives in smoke-schema.ts; its names are imported from here as before.

const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const TEMPLATES = ['cpu', 'cuda', 'ngc'];
const RESOLVE_MODES = ['auto', 'check', 'off'];
const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
// Docker's reference grammar, simplified: lowercase path components separated by '/'.
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const CUDA_VERSION = /^\d{1,2}\.\d{1,2}$/;
/** "/", "/.", "//", "/..", "C:\\": a path naming the root of a filesystem. */
function isFilesystemRoot(p) {
    const n = external_node_path_default().posix.normalize(p.replace(/\\/g, '/'));
    return n === '/' || /^[A-Za-z]:\/*$/.test(n);
}
const cudaVersion = schemas/* string */.YjP({ error: 'expected a version like "12.8"' }).regex(CUDA_VERSION, {
    error: 'expected a version like "12.8"',
});
/**
 * A pip index: an http(s) or file URL (pip reads no other), with no blank or control character
 * inside (the URL parser would drop a line break silently: pip would get another URL than the one
 * written); blanks around it go. A refused one is shown with its login and query masked.
 */
const indexUrl = schemas/* string */.YjP({ error: 'expected a URL' })
    .superRefine((url, ctx) => {
    const problem = (0,pip_index_url/* indexUrlProblem */.X)(url.trim());
    if (problem !== undefined)
        ctx.addIssue({
            code: 'custom',
            message: `not a pip index URL: ${problem} (got ${JSON.stringify((0,redact/* shownUrl */.zA)(url))})`,
        });
})
    .pipe(schemas/* url */.OZ5({ protocol: pip_index_url/* INDEX_PROTOCOL */.u, error: 'expected an http, https or file URL' }));
const pythonVersion = schemas/* string */.YjP({ error: 'expected a Python version like "3.11"' })
    .regex(/^3\.\d{1,2}$/, { error: 'expected a Python version like "3.11"' });
const torchVersion = schemas/* string */.YjP({ error: 'expected a torch version like "2.7" or "2.7.1"' })
    .regex(/^\d+\.\d+(?:\.\d+)?$/, { error: 'expected a torch version like "2.7" or "2.7.1"' });
const imageRef = schemas/* string */.YjP({ error: 'expected an image reference like "nvcr.io/nvidia/pytorch:25.03-py3"' })
    .refine((ref) => (0,oci_ref/* imageRefProblem */.OD)(ref) === undefined, {
    error: (iss) => `invalid image reference: ${(0,oci_ref/* imageRefProblem */.OD)(String(iss.input))}`,
});
const mirror = (key) => schemas/* string */.YjP({ error: 'expected a repository like "mirror.corp/python"' })
    .refine((ref) => (0,oci_ref/* mirrorProblem */.Bm)(ref, key) === undefined, {
    error: (iss) => `expected a repository like "mirror.corp/python" or a registry like "mirror.corp": ${(0,oci_ref/* mirrorProblem */.Bm)(String(iss.input), key)}`,
});
const relPath = (what) => schemas/* string */.YjP({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });
const stringList = (item) => schemas/* preprocess */.vkY((v) => (typeof v === 'string' ? [v] : v), schemas/* array */.YOg(item, { error: 'expected a list of strings' }));
// A variant is "cpu", "cudaX.Y", or an object. Strings are expanded before the object schema runs,
// so that a bad string gets a message saying what strings are allowed.
const VARIANT_SHORTHAND = /^cuda(\d{1,2}\.\d{1,2})$/;
const VariantObject = schemas/* strictObject */.rej({
    name: (0,short_name/* shortName */.EU)('a tag-safe name')
        .optional()
        .describe('Variant name used in tags (`1.4.0-<name>`): lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit, at most 64 characters. Default: `cpu`, `cuda<version>`; required with `base`.'),
    cuda: cudaVersion.optional().describe('CUDA version of a GPU variant, e.g. `"12.8"`.'),
    base: imageRef
        .optional()
        .describe("A custom base image: checked against its catalog family when it has one (platforms; an NGC release decides Python, CUDA and torch); `torch` is installed from the wheel index of the variant's `cuda` (else the CPU one)."),
    torch: torchVersion.optional().describe('torch version for this variant (overrides top-level `torch`).'),
    python: pythonVersion
        .optional()
        .describe('Python version for this variant (overrides `python.version`).'),
    template: schemas/* enum */.k5n(TEMPLATES)
        .optional()
        .describe('Template for this variant (overrides `build.template`).'),
})
    .superRefine((v, ctx) => {
    if (v.base !== undefined && v.name === undefined) {
        ctx.addIssue({ code: 'custom', path: ['name'], message: 'required when "base" is set (used in tags)' });
    }
});
const Variant = schemas/* preprocess */.vkY((value, ctx) => {
    if (typeof value !== 'string')
        return value;
    if (value === 'cpu')
        return {};
    const m = VARIANT_SHORTHAND.exec(value);
    if (m)
        return { cuda: m[1] };
    ctx.issues.push({
        code: 'custom',
        input: value,
        message: 'expected "cpu", "cudaX.Y" (like "cuda12.8") or an object like { cuda: "12.8" }',
    });
    return core/* NEVER */.tm;
}, VariantObject);
const ConfigFileSchema = schemas/* strictObject */.rej({
    image: schemas/* strictObject */.rej({
        name: schemas/* string */.YjP({ error: 'expected a repository name like "my-org/my-model"' })
            .regex(REPOSITORY, { error: 'expected a lowercase repository name like "my-org/my-model"' })
            .describe('Repository path, without registry or tag; with the registry host (`ghcr.io/...`) at most 255 characters.'),
        registry: schemas/* string */.YjP({ error: 'expected a registry host like "ghcr.io" or "localhost:5000"' })
            .refine((host) => (0,oci_ref/* registryHostProblem */.r6)(host) === undefined, {
            error: (iss) => (0,oci_ref/* registryHostProblem */.r6)(String(iss.input)),
        })
            .default('ghcr.io')
            .describe('Registry host the image is pushed to: a dotted name (each part starting and ending with a letter or digit), `localhost` or `[IPv6]` (Docker 26 and buildx 0.12 or later), with an optional port.'),
        version: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/, {
            error: 'expected a tag-safe version like "1.4.0": letters, digits, "_", ".", "-" or "+", not starting with "." or "-"',
        })
            .overwrite(oci_ref/* tagSafeVersion */.IU)
            .optional()
            .describe('Version used in tags (`<version>-<variant>`, at most 128 characters); default: from a `v1.2.3` git tag. A `+` (build metadata, `1.0.0+build.5`) becomes `-` in tags and labels, as in a git tag: a tag cannot hold `+`.'),
    })
        .superRefine((image, ctx) => {
        const long = (0,oci_ref/* nameLengthProblem */.nz)(`${image.registry}/${image.name}`);
        if (long !== undefined)
            ctx.addIssue({ code: 'custom', path: ['name'], input: image.name, message: long });
        const host = (0,oci_ref/* registryInName */._x)(image.name, image.registry);
        if (host !== undefined)
            ctx.addIssue({
                code: 'custom',
                path: ['name'],
                input: image.name,
                message: `starts with the registry host "${host}": the tags would be ${image.registry}/${image.name}; put the host in image.registry (default ghcr.io) and only the repository path in image.name ("${image.name.slice(host.length + 1)}")`,
            });
    })
        .describe('What to build and where to push it.'),
    build: schemas/* strictObject */.rej({
        context: relPath('a directory path')
            .refine((p) => !isFilesystemRoot(p), {
            error: 'the filesystem root cannot be the build context (it would send the whole disk to the builder)',
        })
            .default('.')
            .describe('Build context, relative to the config file.'),
        dockerfile: relPath('a file path')
            .optional()
            .describe('Your own Dockerfile, relative to the config file. Exclusive with `template`.'),
        template: schemas/* enum */.k5n(TEMPLATES)
            .optional()
            .describe('A Dockerfile template from images/. Default: `cpu` for cpu variants, `cuda` for CUDA ones.'),
        args: (0,user_map/* userMap */.oX)(schemas/* string */.YjP(), schemas/* string */.YjP({ error: 'expected a string' }))
            .superRefine((args, ctx) => {
            for (const [name, value] of Object.entries(args)) {
                const secret = (0,build_args/* buildArgSecretProblem */._y)(name, value);
                const message = (0,build_args/* buildArgNameProblem */.fz)(name) ?? (secret && `${secret}: ${build_args/* BUILD_ARGS_FIX */.bL}`);
                if (message !== undefined)
                    ctx.addIssue({ code: 'custom', path: [name], input: name, message });
            }
        })
            .default({})
            .describe('Extra build args (never secrets: use `secrets`).'),
        mirrors: (0,user_map/* userMap */.oX)(mirror(true), mirror(false))
            .default({})
            .describe('Pull base images through mirrors: `{"docker.io/library/python": "mirror.corp/python"}` (longest prefix wins; a key without a registry is Docker Hub\'s, `python`; a key no planned base goes through is a warning naming it).'),
        cache: schemas/* enum */.k5n(['auto', 'gha', 'registry', 'none'])
            .default('auto')
            .describe('Build cache per variant and platform. `auto`: GitHub Actions cache on a runner, else the registry (`<image>:cache-<variant>-<arch>`).'),
        // YAML reads an unquoted false / true as booleans: false is off, true buildx's default (min),
        // as the action's `provenance` input takes them.
        provenance: schemas/* preprocess */.vkY((v) => (v === false ? 'false' : v === true ? 'min' : v), schemas/* enum */.k5n(['false', 'min', 'max']))
            .default('min')
            .describe("Provenance attestation mode (not available with the docker driver on the classic image store): `false` (off), `min` or `max`; `true` is `min`, buildx's default."),
        network: schemas/* enum */.k5n(['default', 'host', 'none'])
            .default('default')
            .describe("Network for RUN steps (`host` reaches indexes on the build machine). An engine in a VM (Docker Desktop, colima, OrbStack: macOS and Windows, Docker Desktop's `desktop-linux` context) has the VM's network as its host network, which does not reach this machine's loopback (Docker Desktop 4.34 and later does, with Settings > Resources > Network > Enable host networking): name such an index by `host.docker.internal:PORT` instead of `localhost:PORT`."),
        pull: schemas/* boolean */.zMY().default(false).describe('Always pull the newest base image.'),
        secrets: secret_id/* SecretIdsSchema */.s4.default([]).describe("Secret ids passed to buildx by id (`--secret id=...,env=...`), each once; never the runner's own ACTIONS_*, INPUT_*, STATE_*, nor an id this tool mounts itself (`ml_image_requirements`, `ml_image_constraints`, `ml_image_pip_conf`, `ml_image_torch_index`, `ml_image_netrc`, `ml_image_env`, `ml_image_pip`). Each must be set in the environment of a run that builds (checked before the resolve stage starts)."),
    })
        .superRefine((b, ctx) => {
        if (b.dockerfile !== undefined && b.template !== undefined) {
            ctx.addIssue({
                code: 'custom',
                path: ['template'],
                message: 'set "dockerfile" or "template", not both',
            });
        }
    })
        .prefault({})
        .describe('How to build.'),
    variants: schemas/* array */.YOg(Variant, { error: 'expected a list of variants' })
        .min(1, { error: 'expected at least one variant' })
        .superRefine((vs, ctx) => {
        const seen = new Map();
        vs.forEach((v, i) => {
            const name = variantName(v);
            const first = seen.get(name);
            if (first !== undefined) {
                ctx.addIssue({
                    code: 'custom',
                    path: [i],
                    message: `duplicate variant name "${name}" (also variants[${first}])`,
                });
            }
            else
                seen.set(name, i);
        });
    })
        .prefault(['cpu'])
        .describe('Image variants: `cpu`, `cuda12.8` or objects (see below).'),
    platforms: schemas/* array */.YOg(schemas/* enum */.k5n(PLATFORMS), { error: 'expected a list of platforms' })
        .min(1, { error: 'expected at least one platform' })
        .superRefine((0,unique/* eachOnce */.B)('platform'))
        .default(DEFAULT_PLATFORMS)
        .describe('Target platforms.'),
    torch: torchVersion
        .optional()
        .describe('torch version for every variant that does not set its own: "2.7" installs the newest 2.7.x the catalog knows, "2.7.0" exactly that.'),
    python: schemas/* strictObject */.rej({
        version: pythonVersion
            .optional()
            .describe('Python version; default 3.12 (CUDA variants: the Ubuntu Python of the chosen image).'),
        requirements: stringList(relPath('a file path'))
            .default([])
            .describe('requirements files, relative to the config file; their `-r` includes and `-c` constraints files (relative to the file naming them) are read and checked too, and reach pip in the resolver and the build.'),
        indexUrl: indexUrl
            .optional()
            .describe("pip index URL, http(s) or file (default: PIP_INDEX_URL, else PyPI); a login in it reaches pip by environment or secret mount only. Its login and a token in its query (`?token=`, `sig=` ...), Anaconda's `/t/<token>/` or Cloudsmith's `dl.cloudsmith.io/<token>/` are masked in the job's log, as are those of extraIndexUrls and torchIndexUrl."),
        torchIndexUrl: indexUrl
            .optional()
            .describe('Base of the torch wheel indexes (default https://download.pytorch.org/whl); `/cu128`, `/cpu` ... is appended.'),
        extraIndexUrls: schemas/* array */.YOg(indexUrl)
            .default([])
            .describe('Extra pip index URLs, http(s) or file (default: PIP_EXTRA_INDEX_URL).'),
    })
        .prefault({})
        .describe('Python environment.'),
    resolve: schemas/* strictObject */.rej({
        mode: schemas/* enum */.k5n(RESOLVE_MODES)
            .default('auto')
            .describe('`auto` fixes conflicts with the base image, `check` fails on them, `off` skips.'),
    })
        .prefault({})
        .describe('Dependency-conflict resolution against the base image.'),
    smoke: SmokeConfigSchema,
    report: schemas/* strictObject */.rej({
        comment: schemas/* boolean */.zMY().default(true).describe('Post/update one pull-request comment.'),
        summary: schemas/* boolean */.zMY().default(true).describe('Write the job summary.'),
        markerKey: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9._/:@-]{1,200}$/, { error: 'expected letters, digits and ._/:@- only' })
            .optional()
            .describe('Key of the hidden comment marker (one comment per run); default: the image repository. Baselines stay keyed per variant.'),
    })
        .prefault({})
        .describe('The pull-request report.'),
    size: size/* SizeConfigSchema */.n,
    attest: attest/* AttestConfigSchema */.Td,
})
    .describe('ml-image.yml');
function variantName(v) {
    return v.name ?? (v.cuda !== undefined ? `cuda${v.cuda}` : 'cpu');
}
/**
 * The name of one entry of a file's variants list (name, else cuda<version>, else cpu); an invalid
 * one's `name` if a string (`--variants gpu` then selects it: its own problem is said at its line).
 */
function variantEntryName(entry) {
    const parsed = Variant.safeParse(entry);
    if (parsed.success)
        return variantName(parsed.data);
    const name = entry !== null && typeof entry === 'object' ? entry.name : undefined;
    return typeof name === 'string' ? name : undefined;
}
function normalizeConfig(parsed) {
    return {
        ...parsed,
        variants: parsed.variants.map((v) => {
            const kind = v.base !== undefined ? 'custom' : v.cuda !== undefined ? 'cuda' : 'cpu';
            const torch = v.torch ?? parsed.torch;
            const python = v.python ?? parsed.python.version;
            const variant = {
                name: variantName(v),
                kind,
                ...(v.cuda !== undefined && { cuda: v.cuda }),
                ...(v.base !== undefined && { base: v.base }),
                ...(torch !== undefined && { torch }),
                ...(python !== undefined && { python }),
                ...(v.template !== undefined && { template: v.template }),
            };
            return (0,variant_origin/* recordInherited */.y)(variant, { torch: v.torch !== undefined, python: v.python !== undefined });
        }),
    };
}


/***/ }),

/***/ 92916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bn: () => (/* binding */ TOOL_SECRET_IDS),
/* harmony export */   s4: () => (/* binding */ SecretIdsSchema)
/* harmony export */ });
/* unused harmony export SecretIdSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
/* harmony import */ var _util_runner_env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2426);
// A build secret's id (build.secrets): passed to buildx as `--secret id=ID,env=ID`, read from the
// environment variable of the same name, so never one of the runner's own (a pull request can
// change ml-image.yml).


/**
 * The secret ids the templates mount (`RUN --mount=type=secret,id=...`) at /run/secrets/<id>; the
 * build stage writes them (src/build/inputs.ts, BUILD_SECRET_IDS). No build.secrets id may be one.
 */
const TOOL_SECRET_IDS = {
    requirements: 'ml_image_requirements',
    constraints: 'ml_image_constraints',
    pipConf: 'ml_image_pip_conf',
    torchIndex: 'ml_image_torch_index',
    netrc: 'ml_image_netrc',
    env: 'ml_image_env',
    pip: 'ml_image_pip',
};
const TOOL_OWN = new Set(Object.values(TOOL_SECRET_IDS));
const SecretIdSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected a secret id' })
    .refine((id) => !(0,_util_runner_env_js__WEBPACK_IMPORTED_MODULE_1__/* .isRunnerOwnVariable */ .P)(id), {
    error: (iss) => `${JSON.stringify(iss.input)} ${_util_runner_env_js__WEBPACK_IMPORTED_MODULE_1__/* .RUNNER_OWN_VARIABLE */ .X}`,
})
    .refine((id) => !TOOL_OWN.has(id), {
    error: (iss) => `${JSON.stringify(iss.input)} is a secret id this tool mounts itself (${[...TOOL_OWN].join(', ')}): use another id`,
});
/** build.secrets: each id once (buildx would refuse the build, after the resolve stage ran). */
const SecretIdsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SecretIdSchema).superRefine((ids, ctx) => {
    const seen = new Map();
    ids.forEach((id, i) => {
        const first = seen.get(id);
        if (first === undefined)
            seen.set(id, i);
        else
            ctx.addIssue({
                code: 'custom',
                path: [i],
                input: id,
                message: `secret id ${JSON.stringify(id)} is given twice (also build.secrets[${first}]): give each id once`,
            });
    });
});


/***/ }),

/***/ 84790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ shortName)
/* harmony export */ });
/* unused harmony exports MAX_SHORT_NAME, SHORT_NAME_RULE, shortNameProblem */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11012);
// A short name of the config that goes into tags and result ids (a variant's name, a smoke test's):
// lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 64
// characters. A refused one is told what is wrong with it (too long, its first character, a
// character not allowed) and the whole rule, not only the characters allowed.



/** The most characters a short name has. */
const MAX_SHORT_NAME = 64;
/** The rule, as a problem states it. */
const SHORT_NAME_RULE = `lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most ${MAX_SHORT_NAME} characters`;
/** What is wrong with NAME as a short name ("is too long: ..."), or undefined when nothing is. */
function shortNameProblem(name) {
    if (name === '')
        return 'is empty';
    const bad = [...name].find((c) => !/^[a-z0-9._-]$/.test(c));
    if (bad !== undefined)
        return `holds ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(JSON.stringify(bad))}, which is not allowed`;
    if (!/^[a-z0-9]/.test(name))
        return `starts with ${JSON.stringify(name[0])}, not a letter or digit`;
    if (name.length > MAX_SHORT_NAME)
        return `is too long: ${name.length} characters, at most ${MAX_SHORT_NAME}`;
    return undefined;
}
/** A zod string for a short name; WHAT names it in a problem ("a tag-safe name"). */
const shortName = (what) => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().refine((name) => shortNameProblem(name) === undefined, {
    error: (iss) => {
        const name = String(iss.input);
        return `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(name)} ${shortNameProblem(name)} (${what}: ${SHORT_NAME_RULE})`;
    },
});


/***/ }),

/***/ 64089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ SIZE_BUDGET_PATTERN),
/* harmony export */   n: () => (/* binding */ SizeConfigSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
// size: the image size budget (config size.budget). Parsed for the report by src/report/size.ts.

/** size.budget: "8GB", "750 MB", "1.5GiB" (absolute) or "+5%" (growth over the base branch). */
const SIZE_BUDGET_PATTERN = /^(?:\d+(?:\.\d+)?\s*(?:B|[kKMGT]B|[KMGT]iB)|\+\d+(?:\.\d+)?%)$/;
const SizeConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    budget: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        // The report carries it (its model takes at most 40 characters): a longer one is refused here.
        .max(40, { error: 'expected at most 40 characters, such as "8GB" or "+5%"' })
        .regex(SIZE_BUDGET_PATTERN, {
        error: 'expected a size such as "8GB" or "750MB", or a growth such as "+5%"',
    })
        .optional()
        .describe("Image size budget: an absolute size (`8GB`, `750MB`, `1.5GiB`) or a growth over the base branch (`+5%`). A breach fails the report stage, naming what grew most. The size is the engine's: unpacked on the classic image store, compressed on the containerd store (about a third); a growth is not judged where the two differ."),
})
    .prefault({})
    .describe('Image size.');


/***/ }),

/***/ 52454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ inheritedFrom),
/* harmony export */   y: () => (/* binding */ recordInherited)
/* harmony export */ });
// Which of a variant's values came from a top-level field (torch, python.version) and not from the
// variant itself: a plan problem that such a value causes names that field (and its line), not the
// variant. Kept beside the normalized variants, not in them: the config is an output (config.json,
// the action's `config`) whose shape stays as it is.
/** The top-level field each such value comes from, as messages name it. */
const TOP_LEVEL_FIELD = {
    torch: 'torch',
    python: 'python.version',
};
const inherited = new WeakMap();
/**
 * VARIANT (normalized) with the values it took from the top level recorded: OWN says which fields
 * the variant's own entry set. Returns VARIANT.
 */
function recordInherited(variant, own) {
    const fields = ['torch', 'python'].filter((f) => !own[f] && variant[f] !== undefined);
    if (fields.length > 0)
        inherited.set(variant, new Set(fields));
    return variant;
}
/**
 * The top-level field ("torch", "python.version") V's FIELD came from; undefined when the variant
 * sets it itself, when it is unset, or for a variant normalizeConfig did not make.
 */
function inheritedFrom(v, field) {
    return inherited.get(v)?.has(field) ? TOP_LEVEL_FIELD[field] : undefined;
}


/***/ }),

/***/ 2996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iy: () => (/* binding */ SmokeDiffSchema),
/* harmony export */   Jt: () => (/* binding */ EnvSummarySchema),
/* harmony export */   KK: () => (/* binding */ EnvDiffSchema),
/* harmony export */   KT: () => (/* binding */ packageChangeKey),
/* harmony export */   Lw: () => (/* binding */ sizeDrivers),
/* harmony export */   Vg: () => (/* binding */ COMPONENT_IDS),
/* harmony export */   _S: () => (/* binding */ HOST_COMPONENTS),
/* harmony export */   cv: () => (/* binding */ PackageChangeSchema),
/* harmony export */   sG: () => (/* binding */ ChangeLevelSchema)
/* harmony export */ });
/* unused harmony exports CudaLossSchema, PackageDiffSchema, ComponentIdSchema, ComponentChangeSchema, EnvVarChangeSchema, LabelChangeSchema, SizeKindSchema, SizeItemSchema, LayerItemSchema, SizeTopSchema, SizeChangeSchema, SizeExplanationSchema, SmokeStatusSchema, SmokeTestChangeSchema, MetricDeltaSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6842);
// The shapes the diff produces, as zod schemas: the report model (src/report/model.ts) embeds them
// and a privileged workflow re-validates that model from an untrusted artifact, so they are data
// only (no Markdown, no labels the renderer could take at face value).


const ChangeLevelSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['major', 'minor', 'patch', 'local', 'other']);
/**
 * A change that loses a CUDA build: the base's build label names CUDA (pip `+cu121`, conda
 * `py3.11_cuda12.1_cudnn8.9.2_0`) and this PR's names none (`+cpu`, `py3.11_cpu_0`, `no label`,
 * `no build`). The diff decides it, so that the report and its artifact read it from here.
 */
const CudaLossSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() });
const PackageChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /**
     * conda: the environment of a name the diff compares environment by environment (one a record has
     * in several: `numpy` in /opt/conda and in /opt/conda/envs/ml); absent otherwise, and in a diff
     * written by an older version (which compared such a name once).
     */
    prefix: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /**
     * changed: no direction (only the PEP 440 local label differs: `+cu121` -> `+cpu`; conda: only the
     * build or channel, which from and to then show: `2.1.0 py3.11_cuda12.1_cudnn8.9.2_0`).
     */
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['added', 'removed', 'upgraded', 'downgraded', 'changed']),
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    level: ChangeLevelSchema.nullable(),
    /** Set when the change loses a CUDA build (CudaLossSchema); absent when it keeps or gains one. */
    cudaLoss: CudaLossSchema.optional(),
});
/**
 * A package change's identity across a report's platforms (the verdict counts equal ones once, the
 * comment artifact shares their rows): the same change of one name in two conda environments is two.
 */
const packageChangeKey = (c) => [c.kind, c.name, c.prefix ?? '', c.from, c.to].join('\u0000');
const PackageDiffSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    baseCount: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    headCount: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    unchanged: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    /** Upgraded/downgraded/changed by level (major first), then added, then removed; by name within each. */
    changes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(PackageChangeSchema),
});
/** The components the overview shows, in its order; `host` ones describe the runner, not the image. */
const COMPONENT_IDS = [
    'os',
    'glibc',
    'python',
    'torch',
    'torchCuda',
    'numpy',
    'cuda',
    'cudnn',
    'nccl',
    'driverMaxCuda',
    'driver',
    'gpus',
];
const ComponentIdSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(COMPONENT_IDS);
/** The driver (and so the newest CUDA it supports) and the GPUs belong to the capturing machine. */
const HOST_COMPONENTS = new Set(['driver', 'driverMaxCuda', 'gpus']);
const ComponentChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: ComponentIdSchema,
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    changed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** up/down for versions that compare; "changed" for the rest (OS name, GPU list). */
    direction: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['up', 'down', 'changed']).nullable(),
    level: ChangeLevelSchema.nullable(),
    /** Driver, driver max CUDA and GPUs come from the machine that captured the record, not the image. */
    host: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** torch: set when its version's local label loses a CUDA build (`2.1.0+cu121` -> `2.1.0+cpu`). */
    cudaLoss: CudaLossSchema.optional(),
});
const EnvVarChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['added', 'removed', 'changed']),
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
});
const LabelChangeSchema = EnvVarChangeSchema.extend({
    /** Changes on every build (creation time, commit): listed, but not an environment change. */
    volatile: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
});
const count = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative();
/**
 * What an image size measures, by the engine's image store (src/docker/size-kind.ts): `unpacked`
 * (the classic store) or `content` (the containerd store: compressed). Absent: unpacked.
 */
const SizeKindSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .SIZE_KINDS */ .gT);
/** A package among an image's biggest (pip: RECORD sizes; apt: dpkg's Installed-Size). */
const SizeItemSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative(),
});
/** A layer among an image's biggest, with the instruction that made it. */
const LayerItemSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ createdBy: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative() });
/** The biggest contributors to an image's size; a list is empty when the record has no sizes. */
const SizeTopSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    pip: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SizeItemSchema),
    apt: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SizeItemSchema),
    layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(LayerItemSchema),
});
/** What one package or layer added to (or took from) the image, base -> this PR. */
const SizeChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['pip', 'apt', 'layer']),
    /** Package name, or the layer's instruction. */
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Versions (packages; null: not installed on that side); null for layers. */
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    baseBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().nullable(),
    headBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().nullable(),
    delta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
});
/** Where the bytes went: the image's size change and the packages and layers that made it. */
const SizeExplanationSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /**
     * The image's size change; where the two sizes are of different kinds (EnvDiff.sizeKindChange),
     * the packages' (packagesDelta): the only change measured alike on both sides.
     */
    delta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** Both records had package sizes (older records have none). */
    packagesKnown: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /**
     * Both records had the layers' history, measured by the same image store (the layers' sizes
     * are the engine's too: not compared when the sizes' kinds differ).
     */
    layersKnown: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** The biggest package changes by size (pip and apt together), largest |delta| first. */
    packages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SizeChangeSchema),
    /** Sum of every package's change (shown or not). */
    packagesDelta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** Packages whose size changed, shown or not. */
    packagesChanged: count,
    /** The biggest layer changes, largest |delta| first (matched by instruction). */
    layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SizeChangeSchema),
});
const EnvSummarySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    digest: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    created: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative(),
    /** What sizeBytes measures; absent where the record names no kind (unpacked). */
    sizeKind: SizeKindSchema.optional(),
    layers: count,
    pipCount: count,
    aptCount: count,
    /** The biggest packages and layers; absent in reports of records without sizes. */
    top: SizeTopSchema.optional(),
    /**
     * Why the pip package list is incomplete: the probe could not read every distribution (its
     * record's errors under python.packages). Absent when it is complete.
     */
    pipIncomplete: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(400).optional(),
    components: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc(Object.fromEntries(COMPONENT_IDS.map((id) => [id, zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable()]))),
});
const delta = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ base: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), head: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), delta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig() });
const EnvDiffSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    pip: PackageDiffSchema,
    apt: PackageDiffSchema,
    /**
     * conda packages by name (record.conda); absent when neither record has any, or one was written
     * before the probe read them (probe 4).
     */
    conda: PackageDiffSchema.optional(),
    components: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(ComponentChangeSchema),
    env: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        changes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(EnvVarChangeSchema),
        unchanged: count,
        /** Redacted on both sides: whether they differ cannot be told (and is never guessed). */
        redactedBoth: count,
    }),
    labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ changes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(LabelChangeSchema), unchanged: count }),
    size: delta,
    /**
     * Set when the two sizes are of different kinds (the engine's image store changed between the
     * captures, an absent kind read as unpacked): then `size` holds the two figures but its delta
     * compares nothing, and the report shows no change, percentage or growth budget for it.
     */
    sizeKindChange: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ from: SizeKindSchema, to: SizeKindSchema }).optional(),
    layers: delta,
    /** Which packages and layers made the size change; absent when neither record has sizes. */
    sizeExplanation: SizeExplanationSchema.optional(),
    /** Anything changed other than volatile labels and host facts. */
    changed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
});
const SmokeStatusSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']);
const SmokeTestChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    suite: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    from: SmokeStatusSchema.nullable(),
    to: SmokeStatusSchema.nullable(),
    /** This PR's reason (fail/skip) and classified cause. */
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    cause: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    /** pass -> fail */
    regression: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** fail -> pass */
    fixed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** What the floors said of this PR's test: the row judged against, or "no floor for ..." (GPU suites). */
    note: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
const MetricDeltaSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    test: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    metric: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    base: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    head: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    /** (head - base) / |base|; null without both values or with base 0. */
    relative: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    better: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['higher', 'lower']).nullable(),
    regression: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    improved: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** The floor this PR's value was judged against (the smoke script's <metric>_floor). */
    floor: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
});
const smokeSummary = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ pass: count, fail: count, skip: count });
const SmokeDiffSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    threshold: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative(),
    base: smokeSummary.nullable(),
    head: smokeSummary,
    tests: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SmokeTestChangeSchema),
    metrics: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(MetricDeltaSchema),
    regressions: count,
    metricRegressions: count,
    fixed: count,
    failing: count,
});
/**
 * The changes that explain the size change, in its direction (growth: what grew, biggest first),
 * packages before layers (a package names the cause; a layer holds many packages).
 */
function sizeDrivers(e) {
    const sign = e.delta < 0 ? -1 : 1;
    const pick = (list) => list.filter((c) => c.delta * sign > 0);
    const packages = pick(e.packages);
    return packages.length > 0 ? packages : pick(e.layers);
}


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
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89538);
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

/***/ 80954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kd: () => (/* binding */ MAX_COMMENT_ARTIFACT_BYTES),
/* harmony export */   V1: () => (/* binding */ writeCommentArtifact),
/* harmony export */   kb: () => (/* reexport safe */ _results_names_js__WEBPACK_IMPORTED_MODULE_8__.kb),
/* harmony export */   qZ: () => (/* binding */ COMMENT_ARTIFACT_SCHEMA_VERSION),
/* harmony export */   sB: () => (/* binding */ readCommentArtifact)
/* harmony export */ });
/* unused harmony exports HiddenChangeSchema, TrimmedListSchema, CommentArtifactSchema */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38287);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20317);
/* harmony import */ var _util_read_bounded_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(30790);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(92857);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(11012);
/* harmony import */ var _diff_schema_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2996);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83916);
/* harmony import */ var _results_names_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(78022);
/* harmony import */ var _model_schema_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(463);
// The fork-safe hand-off: a pull request from a fork runs with a read-only token, so its job
// writes the reports to an artifact and a privileged `workflow_run` job posts the comment.
// That job runs with write access on data an untrusted job produced: everything read here is
// bounded, validated, and checked against what the privileged job knows (repository, head SHA).











/** The artifact's file name (the result directory's names: src/results/names.ts). */

const COMMENT_ARTIFACT_SCHEMA_VERSION = 1;
/**
 * Reports of a few variants are well under 1 MB; bigger ones have their package lists cut to what a
 * comment can show (artifact-fit.ts). A bigger artifact is not ours.
 */
const MAX_COMMENT_ARTIFACT_BYTES = 5 * 1024 * 1024;
const MAX_REPORTS = 64;
/**
 * A package change the artifact leaves out (artifact-fit.ts): [id, kind, level]. The poster puts a
 * stand-in in its place, so the table's counts and the verdict stay those of the full report;
 * equal changes of a report's platforms share an id, as they share a row.
 */
const HiddenChangeSchema = zod__WEBPACK_IMPORTED_MODULE_10__/* .tuple */ .PVZ([
    zod__WEBPACK_IMPORTED_MODULE_10__/* .number */ .aig().int().nonnegative(),
    _diff_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .PackageChangeSchema */ .cv.shape.kind,
    _diff_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .ChangeLevelSchema */ .sG.nullable(),
]);
/** What follows the entries a report's package list keeps in the artifact (artifact-fit.ts). */
const TrimmedListSchema = zod__WEBPACK_IMPORTED_MODULE_10__/* .strictObject */ .rej({
    /** Index in reports. */
    report: zod__WEBPACK_IMPORTED_MODULE_10__/* .number */ .aig().int().nonnegative(),
    /** Index in that report's platforms. */
    platform: zod__WEBPACK_IMPORTED_MODULE_10__/* .number */ .aig().int().nonnegative(),
    /** conda: a report's conda table (an older version's artifact trims only pip and apt: still read). */
    eco: zod__WEBPACK_IMPORTED_MODULE_10__/* ["enum"] */ .k5n(['pip', 'apt', 'conda']),
    /** The rest of the list, in order: a change a comment could show in full, else a hidden one. */
    tail: zod__WEBPACK_IMPORTED_MODULE_10__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_10__/* .union */ .KCZ([HiddenChangeSchema, _diff_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .PackageChangeSchema */ .cv])),
});
const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
function artifactSchema(reports) {
    return zod__WEBPACK_IMPORTED_MODULE_10__/* .strictObject */ .rej({
        schemaVersion: zod__WEBPACK_IMPORTED_MODULE_10__/* .literal */ .euz(COMMENT_ARTIFACT_SCHEMA_VERSION),
        prNumber: zod__WEBPACK_IMPORTED_MODULE_10__/* .number */ .aig({ error: 'expected a pull-request number' })
            .int({ error: 'expected a positive whole number' })
            .positive({ error: 'expected a positive whole number' })
            .max(2 ** 31 - 1, { error: 'expected a pull-request number' }),
        headSha: zod__WEBPACK_IMPORTED_MODULE_10__/* .string */ .YjP({ error: 'expected a commit SHA' }).regex(/^[0-9a-f]{40}$/, {
            error: 'expected a full commit SHA (40 lowercase hex characters)',
        }),
        repository: zod__WEBPACK_IMPORTED_MODULE_10__/* .string */ .YjP({ error: 'expected "owner/repo"' })
            .regex(REPOSITORY_RE, { error: 'expected "owner/repo"' }),
        /** The run's comment key (one comment for every report); absent in artifacts of older versions. */
        markerKey: zod__WEBPACK_IMPORTED_MODULE_10__/* .string */ .YjP().min(1).max(1000).optional(),
        reports: zod__WEBPACK_IMPORTED_MODULE_10__/* .array */ .YOg(reports).max(MAX_REPORTS, { error: `expected at most ${MAX_REPORTS} reports` }),
        /** Package lists cut to fit the size limit; absent when none is (and in older versions). */
        trimmed: zod__WEBPACK_IMPORTED_MODULE_10__/* .array */ .YOg(TrimmedListSchema)
            .max(MAX_REPORTS * _model_schema_js__WEBPACK_IMPORTED_MODULE_9__/* .MAX_REPORT_PLATFORMS */ .Nd * 3)
            .optional(),
    });
}
/** Without a report schema the entries stay unknown (src/report/model.ts's ReportModelSchema fits here). */
const CommentArtifactSchema = artifactSchema(zod__WEBPACK_IMPORTED_MODULE_10__/* .unknown */ .L5J());
/**
 * Write `dir/ml-image-comment.json`; returns the file. Validates first: the poster would reject it
 * anyway. The report stage fits the reports under the size limit first (fitCommentArtifact).
 */
function writeCommentArtifact(dir, payload) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, _results_names_js__WEBPACK_IMPORTED_MODULE_8__/* .COMMENT_ARTIFACT_FILE */ .kb);
    const parsed = CommentArtifactSchema.safeParse(payload);
    if (!parsed.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: cannot write the comment artifact: ${(0,_config_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .formatIssues */ .og)(parsed.error, payload, CommentArtifactSchema).join('; ')}`);
    }
    const text = `${JSON.stringify(parsed.data)}\n`;
    if (Buffer.byteLength(text) > MAX_COMMENT_ARTIFACT_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: the reports are ${Buffer.byteLength(text)} bytes, over the ${MAX_COMMENT_ARTIFACT_BYTES}-byte limit the poster accepts`, 'report fewer variants per job');
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(file, (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(text), file);
    return file;
}
/** Read and validate `dir/ml-image-comment.json`, treating it as hostile input. */
function readCommentArtifact(dir, expected) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_4___default().join(dir, _results_names_js__WEBPACK_IMPORTED_MODULE_8__/* .COMMENT_ARTIFACT_FILE */ .kb);
    const maxBytes = expected.maxBytes ?? MAX_COMMENT_ARTIFACT_BYTES;
    const text = readBounded(file, maxBytes);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        // By line and column only: V8's message quotes the text, which a fork's run wrote.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: not JSON: ${(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonSyntaxProblem */ .F1)(text, e)}`);
    }
    const version = data?.schemaVersion;
    if (typeof version === 'number' && version !== COMMENT_ARTIFACT_SCHEMA_VERSION) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: schemaVersion: expected ${COMMENT_ARTIFACT_SCHEMA_VERSION}, got ${version}`, 'the pull-request job and the poster workflow use different versions of ml-image-action: pin both to the same one');
    }
    const schema = artifactSchema(expected.reportSchema ?? zod__WEBPACK_IMPORTED_MODULE_10__/* .unknown */ .L5J());
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
        const problems = (0,_config_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .formatIssues */ .og)(parsed.error, data, schema);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: not a comment artifact: ${problems.slice(0, 5).join('; ')}`);
    }
    const artifact = parsed.data;
    if (artifact.repository.toLowerCase() !== expected.repository.toLowerCase()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: repository: expected ${JSON.stringify(expected.repository)}, got ${JSON.stringify(artifact.repository)}`, 'the artifact was written for another repository: refusing to post it here');
    }
    if (expected.headSha !== undefined && artifact.headSha !== expected.headSha.toLowerCase()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: headSha: expected ${expected.headSha} (the workflow run's head SHA), got ${artifact.headSha}`, 'the artifact does not belong to the run that triggered this workflow');
    }
    return artifact;
}
/** The file's text, refusing links, non-files and anything over maxBytes before reading it. */
function readBounded(file, maxBytes) {
    let fd;
    try {
        // O_NOFOLLOW: an artifact could carry a symlink to a file of the privileged runner.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0));
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: not found`, 'download the "ml-image-comment" artifact of the triggering run into this folder');
        if (code === 'ELOOP')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: is a symbolic link; refusing to follow it`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: cannot open: ${e.message}`);
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!st.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: not a regular file`);
        if (st.size > maxBytes)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: ${st.size} bytes, over the ${maxBytes}-byte limit`);
        // One byte more than fstat said: a file that grows between fstat and read is refused, never read unbounded.
        const buf = (0,_util_read_bounded_js__WEBPACK_IMPORTED_MODULE_3__/* .readBounded */ .C)(fd, st.size + 1);
        if (buf.length > st.size)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(`${file}: changed while being read; refusing it`);
        return buf.toString('utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nd: () => (/* binding */ MAX_REPORT_PLATFORMS),
/* harmony export */   R9: () => (/* binding */ ReportModelSchema),
/* harmony export */   yz: () => (/* binding */ REPORT_MODEL_SCHEMA_VERSION)
/* harmony export */ });
/* unused harmony exports SupplyChainSchema, PlatformReportSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2996);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);
// The report model's schema: what report-<variant>.json holds and what the fork-safe artifact's
// reports are re-validated with (src/report/poster.ts). Schemas only: zod, the diff's schemas and
// the URL check, so that the results contract (src/results/) can write a ReportModel without
// loading the diff or the report's policy (src/report/model.ts builds and assesses the model).



const REPORT_MODEL_SCHEMA_VERSION = 1;
/**
 * The most platforms one report holds. A config builds linux/amd64 and linux/arm64 only; the cap
 * keeps an untrusted artifact (the fork poster's) from making rendering's work grow with thousands
 * of platforms (fitting the comment is quadratic in the number of parts).
 */
const MAX_REPORT_PLATFORMS = 64;
const SupplyChainSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    /** How it signed, or why it did not (one line). */
    signing: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    targets: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        platform: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        signed: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
        attestations: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), attached: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(), verify: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() })),
        notes: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
    })),
});
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .max(4096)
    .refine((u) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeUrl */ .Pl)(u) !== null, 'expected an http(s) URL');
const PlatformReportSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    /** os/arch[/variant] (the config's platforms): a fork's artifact can name no other text here. */
    platform: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .max(64)
        .regex(/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9.]+)?$/, 'expected a platform such as linux/arm64'),
    head: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvSummarySchema */ .Jt,
    base: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvSummarySchema */ .Jt.nullable(),
    /** null: no base record for this platform. */
    diff: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvDiffSchema */ .KK.nullable(),
    /** null: no smoke result for this PR. */
    smoke: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .SmokeDiffSchema */ .Iy.nullable(),
});
const ReportModelSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(REPORT_MODEL_SCHEMA_VERSION),
    kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('ml-image-report'),
    tool: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }),
    image: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    markerKey: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    head: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(), sha: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }),
    /** noRecordOf: the base branch had no records, these are ref's (the default branch's). */
    baseline: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), sha: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(), noRecordOf: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() })
        .nullable(),
    noBaselineReason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
    resolution: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
    links: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ run: httpUrl.optional(), artifact: httpUrl.optional() }),
    platforms: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(PlatformReportSchema)
        .min(1)
        .max(MAX_REPORT_PLATFORMS, { error: `expected at most ${MAX_REPORT_PLATFORMS} platforms` }),
    /** Absent in reports written before the attest stage existed. */
    supplyChain: SupplyChainSchema.optional(),
    /** config size.budget, as configured; absent: no budget. */
    sizeBudget: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(40).optional(),
});


/***/ }),

/***/ 53088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ editableCredentialWhy),
  m: () => (/* binding */ literalCredentials)
});

// EXTERNAL MODULE: ./src/util/url-secrets.ts
var url_secrets = __webpack_require__(92561);
// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(38287);
;// CONCATENATED MODULE: ./src/requirements/credential-values.ts
// What a value written in a credential's place in a requirements file is, for the refusal at the
// door (credentials.ts): a secret; a reference pip does not fill in ($NAME, %NAME%, {{name}},
// $(...): a mistake in a line, fine in a comment); or nothing to refuse
// (empty, a whole ${NAME}, a mask such as pip-compile's `****`, a placeholder such as `<token>` or
// `YOUR_KEY`, or shorter than MIN_SECRET_CHARS). Also the tokens of a known form in free text (a
// comment). Pure. Log masking (util/url-secrets.ts, util/redact.ts) keeps its own, wider rule:
// whatever it may hide, it hides.


/** A shorter value is no token for the refusal (a real one is longer); masking is unaffected. */
const MIN_SECRET_CHARS = 6;
/** TEXT percent-decoded, or as written where it does not decode (a bare '%'). */
const decodedOr = (text) => (0,url_secrets/* decoded */.DH)(text) ?? text;
/**
 * References pip does not fill in (it expands only `${NAME}`, NAME of upper-case letters, digits and
 * _): a shell's `$NAME` and `$(command)`, a `${name}` of another form, Windows' `%NAME%`, a
 * template's `{{name}}` (also GitHub's `${{ secrets.NAME }}`).
 */
const UNEXPANDED = [
    /^\$[A-Za-z_][A-Za-z0-9_]*$/,
    /^\$\{(?![A-Z0-9_]+\}$)[^{}]*\}$/,
    /^\$\([^()]*\)$/,
    /^%[A-Za-z_][A-Za-z0-9_]*%$/,
    /^\$?\{\{[^{}]*\}\}$/,
];
/** Whether VALUE (as written) is wholly a reference pip does not fill in (UNEXPANDED). */
const isUnexpandedReference = (value) => UNEXPANDED.some((p) => p.test(value));
/**
 * A value masked already: all '*' (pip-compile's header writes `https://__token__:****@host`),
 * REDACTED in any case or bracketed, runs of x, X or '.' (`xxxxxxxx`, `XXXX-XXXX`, `...`), also
 * after a token's prefix (`nvapi-XXXXXXXX`, `ghp_xxxxxxxx`, `hf_***`).
 */
const MASKED = [
    /^(?:[A-Za-z][A-Za-z0-9]{0,11}[-_])?(?:\*+|[xX.]+(?:[-_][xX.]+)*)$/,
    /^[[<(]?redacted[\]>)]?$/i,
];
const isMasked = (value) => MASKED.some((p) => p.test(value));
/** The words a placeholder is made of (`your_api_key`, `YourToken`, `password`, `value`). */
const PLACEHOLDER_WORDS = new Set(('a an the my your our app api access auth bearer client private personal project deploy secret ' +
    'secrets token tokens password passwd passphrase pass pwd key keys value user username login name ' +
    'here example placeholder changeme sas sig signature pat account org organization feed id ' +
    'credential credentials creds env sample dummy fake true false none null yes no').split(' '));
/**
 * Whether VALUE (as written or decoded) is a placeholder, no secret: wholly `<...>`, `[...]`,
 * `{{...}}`, a reference (`${NAME}`, `$NAME`, `$(...)`, `%NAME%`), an upper-case identifier without
 * digits (`YOUR_KEY`, `TOKEN`, `PAT`, `API_KEY`), or words of PLACEHOLDER_WORDS only (`value`,
 * `password`, `your-api-key`, `true`, `none`; also `1` and `0`).
 */
function isPlaceholder(value) {
    if (/^(?:<[^<>]*>|\[[^[\]]*\]|[01])$/.test(value))
        return true;
    if ((0,url_secrets/* isNameReference */.$o)(value) || isUnexpandedReference(value))
        return true;
    if (/^_*[A-Z]+(?:[-_]+[A-Z]+)*_*$/.test(value))
        return true;
    if (!/^[A-Za-z][A-Za-z_-]*$/.test(value))
        return false;
    const words = value.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[-_ ]+/);
    return words.every((w) => w === '' || PLACEHOLDER_WORDS.has(w.toLowerCase()));
}
/**
 * Whether VALUE, written in a secret's place (a password, a query parameter's value, /t/<token>/),
 * is no secret to refuse: empty, a whole `${NAME}`, masked, a placeholder, or shorter than
 * MIN_SECRET_CHARS; as written or percent-decoded.
 */
function noSecretValue(value) {
    const d = decodedOr(value);
    if (!(0,url_secrets/* isLiteralSecret */.u2)(value) || d.length < MIN_SECRET_CHARS)
        return true;
    return [value, d].some((v) => isMasked(v) || isPlaceholder(v));
}
/**
 * What VALUE (as written in a URL: a password, a query parameter's value, a /t/ token, or a user
 * name that is the token: `TOKEN:@`, `TOKEN:x-oauth-basic@`) is. LIVE (a line pip reads, not a
 * comment): a reference pip does not fill in is one to refuse.
 */
function valueKind(value, live) {
    if (live && [value, decodedOr(value)].some(isUnexpandedReference))
        return 'reference';
    return noSecretValue(value) ? undefined : 'secret';
}
const TOKEN_SHAPE_G = redact/* REDACTION_RULES */.iz.secretValues.map((p) => new RegExp(p, 'g'));
/**
 * Where the tokens of a known form are in TEXT (a comment), [start, end) each: the shared rules'
 * secretValues (ghp_, github_pat_, glpat-, hf_, AKIA, xox?-, sk-, a PyPI token, npm_, dckr_pat_,
 * Google's AIza and ya29.) and a JSON Web Token; a masked one (`hf_xxxxxxxxxxxxxxxxxxxx`) is none.
 * Not the generic base64-like rule: a `--hash` digest is no token.
 */
function tokensIn(text) {
    const found = [];
    for (const p of TOKEN_SHAPE_G)
        for (const m of text.matchAll(p))
            if (!isMasked(m[0]))
                found.push([m.index, m.index + m[0].length]);
    return [...found, ...(0,redact/* findJwts */.OK)(text)];
}
/**
 * What a user name written without a password (`https://NAME@host`) is: a secret where it is a
 * token, one of a known form (tokensIn: holds `ghp_...`, `glpat-...`, a JWT ...) or at least 30
 * characters of letters and digits, both, without '-' or '_' (an Azure DevOps or an old GitHub
 * token; an organization's name, `my-long-org-name-2024`, has hyphens); LIVE, a reference pip does
 * not fill in. Anything else is a user name (pip asks for its password): none.
 */
function userKind(user, live) {
    const d = decodedOr(user);
    if (live && [user, d].some(isUnexpandedReference))
        return 'reference';
    if ([user, d].some(isMasked))
        return undefined;
    const long = (v) => /^[A-Za-z0-9+/=]{30,}$/.test(v) && /[A-Za-z]/.test(v) && /[0-9]/.test(v);
    return [user, d].some((v) => tokensIn(v).length > 0 || long(v)) ? 'secret' : undefined;
}

// EXTERNAL MODULE: ./src/requirements/parse.ts
var parse = __webpack_require__(39459);
;// CONCATENATED MODULE: ./src/requirements/credentials.ts
// Credentials in a requirements file's URLs, judged as written (a ${NAME} pip fills in from
// build.secrets is the way to pass one, never a problem in itself). Two refusals, both exit 2 at
// the door (read.ts): an editable install whose URL holds a login or any ${NAME}
// (editableCredentialWhy), and a credential written literally in any URL of any line or of any
// comment (literalCredentials; their problems: credential-problems.ts): a login's password, a user name
// that is a token, a token in the query, as the shared redaction rules
// (images/probe/redaction-rules.json) name its parameters, an Anaconda /t/<token>/ segment (on an
// Anaconda host), Cloudsmith's dl.cloudsmith.io/<token>/, and a token of a known form anywhere (in
// a line, outside its ${NAME}s). What a value is (a secret, a placeholder, a mask, a reference pip
// does not fill in) is credential-values.ts' rule. Pure.
// No advice here holds an '@': every masker (redactUrls, maskBareLogins) would eat its example.



const isSsh = (scheme) => /(^|\+)ssh$/i.test(scheme);
/**
 * USERINFO (at AT, of a URL of SCHEME) as a Login: its user name ends at the first ':' or '%3A',
 * whichever comes first (`u%3Apw@` is user `u`, password `pw` once decoded, as a server reads it).
 */
function loginOf(userinfo, at, scheme) {
    const plain = userinfo.indexOf(':');
    const encoded = /%3A/i.exec(userinfo)?.index ?? -1;
    const colon = plain >= 0 && (encoded < 0 || plain < encoded) ? plain : encoded;
    return { userinfo, at, colon, colonLength: colon === plain ? 1 : 3, ssh: isSsh(scheme) };
}
/** A URL's scheme and authority (login, host, port), at its start. */
const AUTHORITY = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/;
/** The login of URL (a scheme at its start), what precedes the last '@' of its authority. */
function plainLogin(url) {
    const m = AUTHORITY.exec(url);
    const end = m ? m[2].lastIndexOf('@') : -1;
    return end < 0 ? undefined : loginOf(m[2].slice(0, end), m[1].length + 3, m[1]);
}
/**
 * The login (userinfo) of URL and whether it is a credential: `git@` is none, and over SSH neither
 * is any bare user name (`gitlab@`, `jenkins@`: the key is not in the URL); a password is one, over
 * SSH as over https. Undefined without one. (The editable rule: any login there is refused.)
 */
function urlLogin(url) {
    const l = plainLogin(url);
    return l && { userinfo: l.userinfo, credential: l.userinfo !== 'git' && (!l.ssh || l.colon >= 0) };
}
const EDITABLE_FIX = 'drop -e and keep the URL with its ${NAME} as a plain requirement (NAME @ git+https://...): pip records no login of a non-editable install, and keeps no checkout';
/**
 * Why an editable requirement (-e/--editable) is refused: its URL as written carries a login
 * (user:password@ or token@; SSH's fixed `git@` is none) or a ${NAME}. pip clones an editable VCS
 * install into <cwd>/src/<name> and keeps the checkout, whose .git/config keeps the URL as pip filled
 * it in, token and all: in the image's layer. A non-editable install keeps no checkout, and pip
 * records its URL (direct_url.json) without the login. Pure; undefined for a line that is kept.
 */
function editableCredentialWhy(url) {
    const refs = [...new Set((0,parse/* envReferences */.Q4)(url))];
    const login = urlLogin(url)?.credential === true;
    if (refs.length === 0 && !login)
        return undefined;
    const what = refs.length > 0 ? refs.map((n) => `\${${n}}`).join(', ') : 'a login';
    return `an editable install (-e) whose URL holds ${what}: pip keeps an editable install's checkout (src/<name> under the build step's directory) in the image, and the checkout's .git/config keeps that URL as pip read it, credential and all; ${EDITABLE_FIX}`;
}
const isLetter = (c) => /[A-Za-z]/.test(c);
const isSchemeChar = (c) => /[A-Za-z0-9+.-]/.test(c);
/** Where a URL ends: the shared rules' span (urlTokens.span), to whitespace or a double quote. */
const URL_END = /[\t\n\r\f\v "]/g;
/** Where the scheme that ends at END of TEXT starts, not before FROM; END when there is none. */
function schemeStart(text, end, from) {
    let start = end;
    while (start > from && isSchemeChar(text[start - 1]))
        start--;
    while (start < end && !isLetter(text[start]))
        start++;
    return start;
}
/**
 * Each URL of a line as written, with where it starts: a scheme, '://' and what follows to
 * whitespace or '"', or to where a URL nested in its query starts (`?url=https://u:pw@h/x`): each
 * part of the line is read in one URL, a nested URL's login and /t/ segment as an outer one's.
 * Linear: a scheme is looked for back to the previous '://' only.
 */
function urlsIn(text) {
    const found = [];
    let spanEnd = -1;
    for (let colon = text.indexOf('://'), from = 0; colon >= 0; colon = text.indexOf('://', from)) {
        const start = schemeStart(text, colon, from);
        from = colon + 3;
        if (start === colon)
            continue;
        if (colon < spanEnd)
            found.at(-1).end = start;
        else {
            URL_END.lastIndex = colon;
            spanEnd = URL_END.exec(text)?.index ?? text.length;
        }
        found.push({ at: start, end: spanEnd });
    }
    return found.map(({ at, end }) => ({ url: text.slice(at, end), at }));
}
/** A URL written percent-encoded (in another's query, or alone in a comment): its '://' (any case). */
const ENCODED_SCHEME_END = /%3A%2F%2F/gi;
/**
 * Its authority: to '/', '?', '#', '&', one of them encoded, white space or '"' (unrolled: no
 * backtracking).
 */
const ENCODED_NETLOC = /[^/?#&%\t\n\r\f\v "]*(?:%(?!2F|3F|23)[^/?#&%\t\n\r\f\v "]*)*/iy;
/**
 * The logins of the URLs written percent-encoded in TEXT (`?url=https%3A%2F%2Fu%3Apw%40h%2Fx`, in
 * a URL's query or alone), where their userinfo starts in TEXT.
 */
function encodedLogins(text) {
    const out = [];
    if (!text.includes('%'))
        return out;
    let from = 0;
    for (const m of text.matchAll(ENCODED_SCHEME_END)) {
        const start = schemeStart(text, m.index, from);
        from = m.index + m[0].length;
        ENCODED_NETLOC.lastIndex = from;
        const netloc = ENCODED_NETLOC.exec(text)[0];
        const end = Math.max(netloc.lastIndexOf('@'), netloc.lastIndexOf('%40'));
        if (start === m.index || end < 0)
            continue;
        out.push(loginOf(netloc.slice(0, end), from, text.slice(start, m.index)));
    }
    return out;
}
/**
 * Passwords a forge documents as fixed and public, the token then being the user name: GitHub's
 * `https://${TOKEN}:x-oauth-basic@github.com/...`. (Where the fixed part is the user name,
 * `x-access-token:`, `oauth2:`, `x-token-auth:`, the password is the token: judged as any.)
 */
const PUBLIC_PASSWORDS = new Set(['x-oauth-basic']);
/**
 * The secret of a login to judge, where it is in its text, and what it is (valueKind, userKind):
 * the password (a fixed public one, as `x-oauth-basic`, makes the user name the token); the user
 * name of `TOKEN:@` (an empty password: Gemfury's form); a user name without a password where it is
 * a token (userKind: over https `myuser@` is a user name, pip asks for the password; over SSH never:
 * the key is not in the URL). SSH's `git@` is none. Undefined without one.
 */
function loginSecret(l, live) {
    if (l.userinfo === 'git')
        return undefined;
    if (l.colon < 0)
        return l.ssh ? undefined : { at: l.at, value: l.userinfo, kind: userKind(l.userinfo, live) };
    const password = l.userinfo.slice(l.colon + l.colonLength);
    const value = password !== '' && !PUBLIC_PASSWORDS.has(decodedOr(password).toLowerCase()) ? password : undefined;
    if (value !== undefined)
        return { at: l.at + l.colon + l.colonLength, value, kind: valueKind(value, live) };
    const user = l.userinfo.slice(0, l.colon);
    return { at: l.at, value: user, kind: valueKind(user, live) };
}
/** A query parameter as a message names it: `%26sig%3D` -> `sig=`. */
const paramName = (where) => `${where.replace(/^(?:[?&#]|%3F|%2[36])/i, '').replace(/(?:=|%3D)$/i, '')}=`;
/** Hosts whose `/t/<token>/` right after the host is a token: Anaconda's (log masking: any host's). */
const ANACONDA_HOST = /^(?:(?:[a-z0-9-]+\.)*anaconda\.(?:org|cloud)|repo\.anaconda\.com)$/;
/** The host of URL (a scheme at its start), lower case, without login, port or final '.'. */
function hostOf(url) {
    const netloc = AUTHORITY.exec(url)?.[2] ?? '';
    return netloc
        .slice(netloc.lastIndexOf('@') + 1)
        .replace(/:[0-9]*$/, '')
        .replace(/\.$/, '')
        .toLowerCase();
}
/** What follows a query value the shared rule ends at '<' or '>': to '&', '#', white space, a quote. */
const VALUE_REST = /[^\t\n\r\f\v "'\\`&#]*/y;
/** The same after an encoded '=' (%3D): also to %26 or %23 (unrolled: no backtracking). */
const ENCODED_VALUE_REST = /[^\t\n\r\f\v "'\\`&#%]*(?:%(?!2[36])[^\t\n\r\f\v "'\\`&#%]*)*/iy;
/**
 * The tokens of URL to judge: its secret query parameters (urlTokens), each value read on past a
 * '<' or '>' (where the shared masking rule stops) to where the parameter ends, so that a value is
 * judged whole, as a login's password is (`?token=<token>` is a placeholder, `?token=<x>s3cr3t` is
 * not); on an Anaconda host only, its /t/<token>/ segment (a forum's /t/<topic>/ is none); and a
 * token host's first path segment (Cloudsmith's dl.cloudsmith.io/<token>/: the rule names the host).
 */
function urlTokensToJudge(url) {
    const all = (0,url_secrets/* urlTokens */.gJ)(url);
    const query = all.filter((t) => t.where !== '/t/' && t.where !== url_secrets/* HOST_TOKEN_WHERE */.Nm);
    const out = query.map((t, i) => {
        const end = t.at + t.value.length;
        if (url[end] !== '<' && url[end] !== '>')
            return { ...t, what: paramName(t.where) };
        const next = query[i + 1];
        const bound = next ? next.at - next.where.length : url.length;
        const rest = /%3D$/i.test(t.where) ? ENCODED_VALUE_REST : VALUE_REST;
        rest.lastIndex = 0;
        return { ...t, what: paramName(t.where), value: t.value + rest.exec(url.slice(end, bound))[0] };
    });
    const t = all.find((x) => x.where === '/t/');
    if (t && ANACONDA_HOST.test(hostOf(url)))
        out.unshift({ ...t, what: '/t/' });
    const h = all.find((x) => x.where === url_secrets/* HOST_TOKEN_WHERE */.Nm);
    if (h)
        out.unshift({ ...h, what: url_secrets/* HOST_TOKEN_WHERE */.Nm });
    return out;
}
const LOGIN_WHAT = 'a login (a password, or a token as the user name)';
const REFERENCE_WHAT = 'a reference pip does not fill in ($NAME, %NAME%, {{name}} or $(...))';
/** How a message names a credential found in WHERE (a login, `sig=`, `/t/`, a token in a comment). */
function whatOf(where, kind) {
    if (kind === 'reference')
        return `${REFERENCE_WHAT} in ${where === 'login' ? 'a login' : where === '/t/' ? '/t/<token>/' : where === url_secrets/* HOST_TOKEN_WHERE */.Nm ? where : queryParameter(where)}`;
    if (where === 'login')
        return LOGIN_WHAT;
    if (where === '/t/')
        return 'an Anaconda token (/t/<token>/)';
    if (where === url_secrets/* HOST_TOKEN_WHERE */.Nm)
        return `a Cloudsmith entitlement token (${url_secrets/* HOST_TOKEN_WHERE */.Nm})`;
    if (where === 'token')
        return 'a token of a known form (ghp_, glpat-, hf_, pypi-, AKIA, sk-, a JWT ...)';
    return `a token in ${queryParameter(where)}`;
}
/**
 * How a message names a query parameter (paramName's `sig=`): `the query parameter sig`. Neither
 * `(password=)` nor `(?sig=)`: an error's maskers would take the rest of the line for its value.
 */
const queryParameter = (where) => `the query parameter ${where.slice(0, -1)}`;
/** A reference pip fills in from its environment (parse.ts' rule): `${NAME}`. */
const ENV_REFERENCE = /\$\{[A-Z0-9_]+\}/g;
/** The spans of TEXT's `${NAME}`s, [start, end) each. */
const referenceSpans = (text) => [...text.matchAll(ENV_REFERENCE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
/**
 * The credentials written literally in TEXT (a requirements line as written, or with LIVE false a
 * comment): the secret of each login (loginSecret), also of a URL nested in another's query or
 * written percent-encoded; a query or fragment parameter the shared rules name, and an Anaconda
 * host's `/t/<token>/` segment (urlTokensToJudge); a token of a known form anywhere (tokensIn: in
 * a URL's path, `--index-url https://h/ghp_.../simple`, pip sends it, the file is copied into
 * /app and a direct URL is kept in direct_url.json), in a line not inside a `${NAME}` (what pip
 * fills in is the supported way). What is a secret, and what is no credential (a whole `${NAME}`,
 * a mask, a placeholder, a short value), is credential-values.ts' rule; in a line, a reference pip
 * does not fill in (`$TOKEN`) is one too, of kind 'reference'.
 */
function literalCredentials(text, live = true) {
    const found = [];
    const add = (where, kind, start, length) => {
        if (kind !== undefined)
            found.push({ what: whatOf(where, kind), start, end: start + length, kind });
    };
    const urls = text.includes('://') ? urlsIn(text) : [];
    const logins = encodedLogins(text);
    for (const { url, at } of urls) {
        const l = plainLogin(url);
        if (l)
            logins.push({ ...l, at: at + l.at });
    }
    for (const login of logins) {
        const secret = loginSecret(login, live);
        if (secret)
            add('login', secret.kind, secret.at, secret.value.length);
    }
    for (const { url, at } of urls)
        for (const t of urlTokensToJudge(url))
            add(t.what, valueKind(t.value, live), at + t.at, t.value.length);
    const tokens = live ? outside(tokensIn(text), referenceSpans(text)) : tokensIn(text);
    for (const [start, end] of outside(tokens, found))
        add('token', 'secret', start, end - start);
    return found;
}
/**
 * The spans of SPANS ([start, end) each) that overlap none of TAKEN: a token of a known form found
 * in a URL's credential already is named once, one in a line's `${NAME}` is none. Linear after
 * sorting: spans by their end, TAKEN by its start, each with the furthest end of those that start
 * before it.
 */
function outside(spans, taken) {
    const byStart = [...taken].sort((a, b) => a.start - b.start);
    const out = [];
    let i = 0;
    let furthest = -1;
    for (const [start, end] of [...spans].sort((a, b) => a[1] - b[1])) {
        for (; i < byStart.length && byStart[i].start < end; i++)
            furthest = Math.max(furthest, byStart[i].end);
        if (furthest <= start)
            out.push([start, end]);
    }
    return out;
}


/***/ }),

/***/ 42971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ evaluateMarker),
/* harmony export */   Y: () => (/* binding */ linuxMarkerEnvironment)
/* harmony export */ });
/** uname's machine of a platform pip runs on in a Linux image. */
const MACHINES = { 'linux/amd64': 'x86_64', 'linux/arm64': 'aarch64' };
/**
 * The marker environment of a CPython Linux image of PLATFORM ("linux/amd64": machine x86_64,
 * "linux/arm64": aarch64; another or none: machine not known) with Python PYTHON when known
 * ("3.12": python_version; "3.12.4": python_full_version too). `extra` is "", as pip has it for a
 * requirements file: a comparison with an extra is false. The kernel's values are never known.
 */
function linuxMarkerEnvironment(platform, python) {
    const full = python !== undefined && /^\d+\.\d+\.\d+$/.test(python) ? python : undefined;
    const short = python !== undefined && /^\d+\.\d+(?:\.\d+)?$/.test(python)
        ? python.split('.').slice(0, 2).join('.')
        : undefined;
    return {
        os_name: 'posix',
        sys_platform: 'linux',
        platform_system: 'Linux',
        platform_python_implementation: 'CPython',
        implementation_name: 'cpython',
        platform_machine: platform === undefined ? undefined : MACHINES[platform],
        python_version: short,
        python_full_version: full,
        implementation_version: full,
        extra: '',
    };
}
/**
 * A marker's value in ENV, as packaging reads it ("and" binds tighter than "or"): true or false,
 * or undefined when it turns on a value ENV does not know (or a comparison packaging would refuse).
 */
function evaluateMarker(tree, env) {
    const groups = [[]];
    for (const node of tree) {
        if (node === 'or')
            groups.push([]);
        else if (node !== 'and')
            groups.at(-1).push(Array.isArray(node) ? evaluateMarker(node, env) : compare(node, env));
    }
    const all = (g) => g.includes(false) ? false : g.includes(undefined) ? undefined : true;
    const values = groups.map(all);
    return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
}
const quoted = (s) => s.startsWith('"');
/** One comparison: a variable against a string, either way round (packaging's _evaluate_markers). */
function compare(c, env) {
    // Two strings or two variables: packaging looks a string up as a variable, or compares a name.
    if (quoted(c.lhs) === quoted(c.rhs))
        return undefined;
    const side = (s) => (quoted(s) ? s.slice(1, -1) : env[s]);
    const lhs = side(c.lhs);
    const rhs = side(c.rhs);
    if (lhs === undefined || rhs === undefined)
        return undefined;
    return evalOp(lhs, c.op, rhs);
}
const RELEASE = /^\d+(?:\.\d+)*$/;
const release = (v) => v.split('.').map(Number);
/** packaging's _eval_op: a version comparison where OP RHS is a version specifier, else Python's. */
function evalOp(lhs, op, rhs) {
    if (op === 'in')
        return rhs.includes(lhs);
    if (op === 'not in')
        return !rhs.includes(lhs);
    if (op === '===')
        return lhs.toLowerCase() === rhs.toLowerCase();
    const wildcard = (op === '==' || op === '!=') && /^\d+(?:\.\d+)*\.\*$/.test(rhs);
    if (wildcard || RELEASE.test(rhs))
        return RELEASE.test(lhs) ? versionOp(release(lhs), op, rhs) : undefined;
    // A version with a pre-, post- or dev-release part, an epoch or a local label: not judged here.
    if (/^v?\d/i.test(rhs))
        return undefined;
    switch (op) {
        case '==':
            return lhs === rhs;
        case '!=':
            return lhs !== rhs;
        case '<':
            return lhs < rhs;
        case '<=':
            return lhs <= rhs;
        case '>':
            return lhs > rhs;
        case '>=':
            return lhs >= rhs;
        default:
            return undefined; // ~= on a string: packaging refuses the comparison
    }
}
/** -1, 0 or 1: A against B, release segments, the shorter padded with zeros (PEP 440). */
function cmp(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return Math.sign(d);
    }
    return 0;
}
/** Whether the release V starts with PREFIX (V padded with zeros: "3" matches "3.0.*"). */
const hasPrefix = (v, prefix) => prefix.every((p, i) => (v[i] ?? 0) === p);
/** A release-only version V against OP SPEC (SPEC a release, or one ending ".*" with == and !=). */
function versionOp(v, op, spec) {
    if (spec.endsWith('.*')) {
        const match = hasPrefix(v, release(spec.slice(0, -2)));
        return op === '==' ? match : !match;
    }
    const s = release(spec);
    const d = cmp(v, s);
    switch (op) {
        case '==':
            return d === 0;
        case '!=':
            return d !== 0;
        case '<':
            return d < 0;
        case '<=':
            return d <= 0;
        case '>':
            return d > 0;
        case '>=':
            return d >= 0;
        case '~=':
            // Compatible release: >= SPEC and the same release but for SPEC's last segment.
            // One segment ("~=3") is no specifier: packaging refuses the comparison.
            return s.length < 2 ? undefined : d >= 0 && hasPrefix(v, s.slice(0, -1));
        default:
            return undefined;
    }
}


/***/ }),

/***/ 87818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ parseOptions),
/* harmony export */   P7: () => (/* binding */ shlexTokens),
/* harmony export */   lw: () => (/* binding */ OPTIONS)
/* harmony export */ });
/* unused harmony export shlexSplit */
// pip's requirement-file options, parsed as pip's optparse does: long names (and aliases, such as
// --pypi-url for --index-url) by unique prefix, short ones by letter, values inline (`--opt=v`,
// `-iv`) or in the next token, words that are no option's value ignored (pip ignores optparse's
// positional arguments: `--pre foo` installs no foo), and pip's shlex split of the options part of
// a line (shlexTokens: POSIX quotes and backslashes, with where each character came from). An
// option only some pips take (pip 26's --only-final, one pip removed such as --global-option) is
// refused with the pip version that takes it: the resolver and the build run the base image's pip.
// Pure.
/** Why an option of pip VERSION and later is refused: the bases' pip may be older. */
const newerPip = (option, version, instead) => `${option} is an option of pip ${version} and later: the pip of the base image, which the resolver and the build run, may be older and refuse the line ("no such option: ${option}"); ${instead}`;
/** Why an option pip VERSION removed is refused. */
const removedFromPip = (option, version, older) => `${option} was removed in pip ${version} (a base image's newer pip refuses the line: "no such option"${older}); pass build settings with -C/--config-settings instead`;
const STRONG_HASHES = ['sha256', 'sha384', 'sha512'];
const OPTIONS = [
    { long: 'index-url', aliases: ['pypi-url'], short: 'i', takesValue: true },
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
    {
        long: 'no-require-hashes',
        takesValue: false,
        refused: newerPip('--no-require-hashes', '26.2', 'drop the --hash options instead (every requirement then installs without a hash check)'),
    },
    { long: 'pre', takesValue: false },
    {
        long: 'all-releases',
        takesValue: true,
        refused: newerPip('--all-releases', '26.0', 'use --pre (every project), or name a pre-release in the requirement (foo>=2.0rc1)'),
    },
    {
        long: 'only-final',
        takesValue: true,
        refused: newerPip('--only-final', '26.0', 'leave it out (without --pre, pip takes a pre-release only where a requirement names one or a project has no final release), or pin final releases'),
    },
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
    { long: 'config-settings', short: 'C', takesValue: true, perRequirement: true },
    {
        long: 'global-option',
        takesValue: true,
        perRequirement: true,
        refused: removedFromPip('--global-option', '25.3', '; an older one builds every project from source with it, --no-binary :all:'),
    },
    {
        long: 'install-option',
        takesValue: true,
        perRequirement: true,
        refused: removedFromPip('--install-option', '23.1', ''),
    },
];
/**
 * optparse accepts a unique prefix of a long option string (`--extra-index` for --extra-index-url,
 * `--pypi` for --pypi-url): each name and alias is one string.
 */
function longOption(name, pool) {
    const strings = pool.flatMap((o) => [o.long, ...(o.aliases ?? [])].map((s) => ({ s, o })));
    const exact = strings.find((x) => x.s === name);
    if (exact)
        return exact.o;
    const prefixed = strings.filter((x) => x.s.startsWith(name));
    if (prefixed.length === 1)
        return prefixed[0].o;
    if (prefixed.length > 1)
        return `ambiguous option --${name} (${prefixed
            .map((x) => `--${x.s}`)
            .sort()
            .join(', ')})`;
    return `no such option: --${name}`;
}
/**
 * optparse over pip's shlex tokens: the options, and in `rest` the words that are no option's value
 * (optparse's positional arguments, which pip ignores).
 */
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
        if (spec.refused !== undefined)
            return { options, error: spec.refused, rest };
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
/** Python's shlex whitespace (not str.isspace's: a no-break space is part of a word). */
const SHLEX_SPACE = ' \t\r\n';
/**
 * Python's shlex.split(s) (POSIX mode, no comments), as pip splits the options part of a line: words
 * at spaces, tabs, CR, LF; quotes group and are removed; a backslash outside quotes takes the next
 * character as it is, inside double quotes only before '"' or '\\' (elsewhere it stays), inside
 * single quotes never. Each character's index in S is kept. `error` where Python raises (pip's
 * "Could not split options").
 */
function shlexTokens(s) {
    const tokens = [];
    let cur;
    const add = (i) => {
        cur ??= { value: '', at: [] };
        cur.value += s[i];
        cur.at.push(i);
    };
    for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        if (SHLEX_SPACE.includes(ch)) {
            if (cur !== undefined)
                tokens.push(cur);
            cur = undefined;
        }
        else if (ch === "'" || ch === '"') {
            cur ??= { value: '', at: [] };
            for (i++; i < s.length && s[i] !== ch; i++) {
                if (ch === '"' && s[i] === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\'))
                    i++;
                if (i < s.length)
                    add(i);
            }
            if (i >= s.length)
                return { error: 'unbalanced quotes in the options (pip cannot split them)' };
        }
        else if (ch === '\\') {
            if (++i >= s.length)
                return { error: 'a "\\" ends the options, escaping nothing (pip cannot split them)' };
            add(i);
        }
        else
            add(i);
    }
    if (cur !== undefined)
        tokens.push(cur);
    return { tokens };
}
/** shlex.split, as pip splits the options part of a line (shlexTokens' values); undefined where pip cannot. */
function shlexSplit(s) {
    const r = shlexTokens(s);
    return 'error' in r ? undefined : r.tokens.map((t) => t.value);
}


/***/ }),

/***/ 39459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ lineMarker),
/* harmony export */   Ew: () => (/* reexport safe */ _pep508_js__WEBPACK_IMPORTED_MODULE_2__.Ew),
/* harmony export */   Ms: () => (/* binding */ remoteIncludes),
/* harmony export */   Q4: () => (/* binding */ envReferences),
/* harmony export */   QT: () => (/* binding */ requirementNames),
/* harmony export */   Ut: () => (/* binding */ URL_LIKE),
/* harmony export */   W_: () => (/* reexport safe */ _pep508_js__WEBPACK_IMPORTED_MODULE_2__.W_),
/* harmony export */   XW: () => (/* binding */ parseRequirementsText),
/* harmony export */   dQ: () => (/* binding */ breakArgsOptions)
/* harmony export */ });
/* unused harmony exports logicalLines, expandEnv, parseLine */
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87818);
/* harmony import */ var _markers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42971);
/* harmony import */ var _pep508_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71302);
// Strict parsing of pip requirements files, before any pip runs: PEP 508 requirement lines (as
// `packaging` >= 22 judges them, the parser of every current pip) and pip's requirement-file syntax
// (https://pip.pypa.io/en/stable/reference/requirements-file-format/). Pure: text in, lines out.
// The rule is "a line pip accepts is never rejected": anything pip would hand to the filesystem or
// the network (paths, URLs, -e targets) is accepted as written and left for pip to judge.
// The grammar lives beside it: pip's options (options.ts) and PEP 508 strings (pep508.ts).




/**
 * pip's COMMENT_RE, (^|\s+)#.*$: a '#' at the start or after whitespace starts a comment. One white
 * space character here, the rest is trimmed after (\s+ tried every start in a run of blanks again).
 */
const COMMENT = /(^|\s)#.*$/;
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;
/**
 * What pip's str.splitlines() breaks a line at besides "\n" (a lone "\r", VT, FF, FS, GS, RS, NEL,
 * LS, PS), and every other C0 control character but tab: a line holding one is refused, since pip
 * would read what follows it as another line that was never checked here.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x85\u2028\u2029]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const BREAKS = {
    '\r': 'a carriage return without a newline',
    '\x0b': 'a vertical tab',
    '\x0c': 'a form feed',
    '\x1c': 'a file separator',
    '\x1d': 'a group separator',
    '\x1e': 'a record separator',
    '\x85': 'a next-line character',
    '\u2028': 'a line separator',
    '\u2029': 'a paragraph separator',
};
/** TEXT without the characters of CHARS at its start and end (as /^[c]+|[c]+$/g, in linear time). */
function trimRuns(text, chars) {
    let start = 0;
    let end = text.length;
    while (start < end && chars.includes(text[start]))
        start++;
    while (end > start && chars.includes(text[end - 1]))
        end--;
    return text.slice(start, end);
}
/** U+XXXX of a character. */
const codePoint = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
/** Why a line holding the control character C is refused. */
function controlWhy(c) {
    const name = BREAKS[c];
    return name !== undefined
        ? `holds ${codePoint(c)} (${name}), where pip breaks the line: what follows would be a line never checked here; remove it`
        : `holds the control character ${codePoint(c)}; remove it`;
}
/** A line as shown in a message: its control characters written as U+XXXX, never sent raw. */
const visible = (s) => s.replace(CONTROL_ALL, (c) => `<${codePoint(c)}>`);
/**
 * Logical lines as pip builds them: a line ending in '\' continues on the next (comment lines
 * never continue), then comments are removed and blank lines skipped. A line holding a control
 * character (CONTROL) is kept, comment or not, with `why` it is refused and its text made visible.
 */
function logicalLines(text) {
    const out = [];
    let pending = [];
    let first = 0;
    const physical = text.split(/\r?\n/);
    if (physical.at(-1) === '')
        physical.pop();
    const emit = (n, joined) => {
        const control = CONTROL.exec(joined)?.[0];
        if (control !== undefined) {
            out.push({
                line: n,
                text: visible(trimRuns(joined, ' \t')),
                raw: joined,
                why: controlWhy(control),
            });
            return;
        }
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
            pending.push(trimRuns(l, '\\'));
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
/**
 * A URL as pip's is_url takes one: exactly its schemes, those it fetches (http, https, file, ftp)
 * and its VCS ones (`hg+static-http:`, `bzr+sftp:`, `bzr+lp:pkg`, no `//` needed), any case.
 */
const URL_LIKE = /^(?:https?|file|ftp|git(?:\+(?:https?|ssh|git|file))?|hg\+(?:file|https?|ssh|static-http)|svn(?:\+(?:ssh|https?|svn|file))?|bzr\+(?:https?|ssh|sftp|ftp|lp|file)):/i;
function eggName(url) {
    const egg = /[#&]egg=([^&]+)/.exec(url)?.[1];
    return egg ? (0,_pep508_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalName */ .Ew)(egg.replace(/\[.*$/, '')) : undefined;
}
const looksLikePath = (s) => s.includes('/') || s.startsWith('.');
/** LOC without a final "[extras]" (as /\[[^\]]*\]$/, in linear time): "x.whl[gpu]" -> "x.whl". */
function withoutFinalExtras(loc) {
    if (loc.length < 2 || !loc.endsWith(']'))
        return loc;
    // The first '[' after the ']' before the last one.
    const open = loc.indexOf('[', loc.lastIndexOf(']', loc.length - 2) + 1);
    return open < 0 ? loc : loc.slice(0, open);
}
/**
 * A requirement token that pip treats as a location (URL, path, archive) rather than PEP 508, with
 * the text of its marker when it has one.
 */
function asLocation(arg) {
    // pip: markers follow a URL after "; " (a URL may contain ';'), a name after ";".
    const sep = URL_LIKE.test(arg) ? '; ' : ';';
    const cut = arg.indexOf(sep);
    const loc = (cut < 0 ? arg : arg.slice(0, cut)).trim();
    if (URL_LIKE.test(loc) || looksLikePath(loc) || ARCHIVE.test(withoutFinalExtras(loc))) {
        // "name @ url" with spaces is PEP 508, not a location. (\s*(\[...\])?\s*@ split a run of blanks
        // between the two \s* every way: quadratic. The blanks after the extras go with them here.)
        if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\]\s*)?@/.test(loc) && !looksLikePath(loc.split('@')[0]))
            return undefined;
        const name = eggName(loc);
        return {
            url: loc,
            ...(name !== undefined && { name }),
            ...(cut >= 0 && { marker: arg.slice(cut + sep.length) }),
        };
    }
    return undefined;
}
/**
 * pip's break_args_options: a line's requirement part is every ' '-separated word before the first
 * that starts with "-"; the rest, from index `start`, is the options part, which pip shlex-splits
 * (shlexTokens), quotes and backslashes removed, before optparse reads it.
 */
function breakArgsOptions(text) {
    const tokens = text.split(' ');
    const firstOpt = tokens.findIndex((t) => t.startsWith('-'));
    if (firstOpt < 0)
        return { args: text, options: '', start: text.length };
    const start = tokens.slice(0, firstOpt).reduce((n, t) => n + t.length + 1, 0);
    return { args: text.slice(0, Math.max(0, start - 1)), options: text.slice(start), start };
}
/**
 * Parse one logical line (after comment removal and ${VAR} expansion). As pip: a word among the
 * options that is no option's value (`--pre foo`) is ignored, and so is a per-requirement option
 * (`--hash`, `-C`) on a line without a requirement (pip warns of a `--hash`).
 */
function parseLine(text) {
    const parts = breakArgsOptions(text);
    const args = parts.args.trim();
    const split = (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .shlexTokens */ .P7)(parts.options);
    if ('error' in split)
        return { error: split.error };
    const { options, error } = (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .parseOptions */ .Ac)(split.tokens.map((t) => t.value), _options_js__WEBPACK_IMPORTED_MODULE_0__/* .OPTIONS */ .lw);
    if (error)
        return { error };
    if (args === '') {
        const e = options.find((o) => o.spec.long === 'editable');
        if (e)
            return editable(e.value);
        const global = options.filter((o) => !o.spec.perRequirement);
        return {
            kind: 'option',
            options: global.map((o) => ({ option: o.spec.long, ...(o.value !== undefined && { value: o.value }) })),
        };
    }
    const hashed = options.some((o) => o.spec.long === 'hash') && { hashed: true };
    const loc = asLocation(args);
    if (loc)
        return {
            kind: 'requirement',
            url: loc.url,
            editable: false,
            ...(loc.name !== undefined && { name: loc.name }),
            ...hashed,
        };
    try {
        const r = (0,_pep508_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePep508 */ .W_)(args);
        return {
            kind: 'requirement',
            name: (0,_pep508_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalName */ .Ew)(r.name),
            editable: false,
            ...(r.url !== undefined && { url: r.url }),
            ...(r.extras.length > 0 && { extras: r.extras }),
            ...hashed,
        };
    }
    catch (e) {
        if (e instanceof _pep508_js__WEBPACK_IMPORTED_MODULE_2__/* .Syntax */ .w4)
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
        if (l.why !== undefined) {
            errors.push({ line: l.line, text: l.text, why: l.why });
            continue;
        }
        const expanded = expandEnv(l.text, env);
        const r = parseLine(expanded);
        if (expanded === l.text) {
            if ('error' in r)
                errors.push({ line: l.line, text: l.text, why: r.error });
            else
                lines.push({ ...r, line: l.line, text: l.text });
            continue;
        }
        // pip's error would quote the expanded text: only the line as written is ever shown.
        if ('error' in r)
            errors.push({ line: l.line, text: l.text, why: expandedWhy(l.text, env) });
        else {
            const written = parseLine(l.text);
            lines.push({
                ...r,
                line: l.line,
                text: l.text,
                expanded: true,
                ...(!('error' in written) && { written }),
            });
        }
    }
    return { lines, errors };
}
/**
 * Why a line that is invalid once ${NAME} is filled in is refused, without what was filled in (a
 * requirement line may name any variable: the parser's own words would quote its value).
 */
function expandedWhy(text, env) {
    const names = [...new Set(envReferences(text))].filter((n) => env[n] !== undefined);
    return `not valid once ${names.map((n) => `\${${n}}`).join(', ')} ${names.length === 1 ? 'is' : 'are'} filled in from the environment (what is wrong is not shown: it would quote the value); check the value and the line`;
}
/**
 * Project names of a requirements text (lines parsed as pip does; options, bare paths and URLs
 * without #egg= skipped). With ENV (markers.ts), a requirement whose marker is false there is left
 * out, as pip leaves it out; one whose marker turns on a value ENV does not know is kept.
 */
function requirementNames(text, env) {
    return parseRequirementsText(text).lines.flatMap((l) => {
        if (l.kind !== 'requirement' || l.name === undefined)
            return [];
        const tree = env === undefined || l.editable ? undefined : lineMarker(l.text);
        return tree !== undefined && (0,_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateMarker */ .U)(tree, env) === false ? [] : [l.name];
    });
}
/** The marker of a requirement line (after ";", or "; " after a URL, as pip splits them); none when it does not parse. */
function lineMarker(text) {
    const args = breakArgsOptions(text).args.trim();
    try {
        const loc = asLocation(args);
        if (loc === undefined)
            return (0,_pep508_js__WEBPACK_IMPORTED_MODULE_2__/* .pep508MarkerTree */ .n6)(args);
        return loc.marker === undefined ? undefined : (0,_pep508_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarkerText */ .bf)(loc.marker);
    }
    catch (e) {
        if (e instanceof _pep508_js__WEBPACK_IMPORTED_MODULE_2__/* .Syntax */ .w4)
            return undefined;
        throw e;
    }
}
/**
 * The -r/-c includes of a requirements text that pip fetches from a URL (`-r https://...`,
 * `--constraint=https://...`), as written: what they hold can change without the text changing.
 */
function remoteIncludes(text) {
    return parseRequirementsText(text).lines.flatMap((l) => l.kind !== 'option'
        ? []
        : l.options.flatMap((o) => (o.option === 'requirement' || o.option === 'constraint') &&
            o.value !== undefined &&
            /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(o.value)
            ? [o.value]
            : []));
}


/***/ }),

/***/ 71302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ canonicalName),
/* harmony export */   W_: () => (/* binding */ parsePep508),
/* harmony export */   bf: () => (/* binding */ parseMarkerText),
/* harmony export */   "in": () => (/* binding */ isDistName),
/* harmony export */   n6: () => (/* binding */ pep508MarkerTree),
/* harmony export */   w4: () => (/* binding */ Syntax)
/* harmony export */ });
/* unused harmony export MAX_MARKER_DEPTH */
// PEP 508 requirement strings, as `packaging` >= 22 (the parser of every current pip) judges
// them: name, extras, version specifiers (one version pattern per operator family), a URL after
// "@", and environment markers. Pure: a string in, the name, extras, URL and marker out, or a
// Syntax error.
/**
 * PEP 503 normalised distribution name: lowercase, each run of '-', '_' and '.' one '-'
 * ("Foo_Bar.baz" -> "foo-bar-baz"). The one copy of the rule: the resolver, the diff, the SBOM's
 * purls and the dev container all compare names through it (requirements/parse.ts exports it).
 */
const canonicalName = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');
const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
/** Whether TEXT is a whole PEP 508 distribution name. */
function isDistName(text) {
    NAME.lastIndex = 0;
    return NAME.exec(text)?.[0] === text;
}
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
/**
 * The deepest marker group read: a deeper one is refused (pip's own parser, recursive, fails past
 * about 400 levels; this one would overflow the stack near 5,000).
 */
const MAX_MARKER_DEPTH = 100;
/** A cursor over one requirement string, with packaging's grammar as methods. */
class Cursor {
    s;
    i = 0;
    /** The marker groups open at i. */
    depth = 0;
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
/** A marker variable or a quoted string, as packaging writes it back (str(Marker)). */
function parseMarkerVar(c) {
    c.ws();
    const q = c.s[c.i];
    if (q === '"' || q === "'") {
        const end = c.s.indexOf(q, c.i + 1);
        if (end < 0)
            c.fail('unterminated string in marker');
        const value = c.s.slice(c.i + 1, end);
        c.i = end + 1;
        return `"${value}"`;
    }
    const v = c.match(/[A-Za-z_][A-Za-z0-9_.]*/y);
    if (v === undefined)
        c.fail('expected a marker variable or a quoted string');
    if (!MARKER_VARIABLES.has(v)) {
        c.i -= v.length;
        c.fail(`unknown marker variable "${v}"`);
    }
    // packaging's spelling of the legacy names: os.name is os_name, python_implementation
    // platform_python_implementation.
    const name = v.replace(/\./g, '_');
    return name === 'python_implementation' ? 'platform_python_implementation' : name;
}
/** A quoted value compared with `extra`, as packaging compares it: its PEP 503 name. */
function extraValue(value, other) {
    return other === 'extra' && value.startsWith('"') ? `"${canonicalName(value.slice(1, -1))}"` : value;
}
function parseMarkerAtom(c) {
    c.ws();
    if (c.eat('(')) {
        if (++c.depth > MAX_MARKER_DEPTH) {
            c.i--;
            c.fail(`more than ${MAX_MARKER_DEPTH} nested parentheses in the marker`);
        }
        const group = parseMarker(c);
        c.ws();
        if (!c.eat(')'))
            c.fail('expected ")" to close the marker group');
        c.depth--;
        return group;
    }
    const lhs = parseMarkerVar(c);
    c.ws();
    let op = c.match(/not[ \t]+in(?![A-Za-z0-9_])/y) === undefined ? undefined : 'not in';
    op ??= c.match(/in(?![A-Za-z0-9_])/y) ?? c.match(OPERATOR);
    if (op === undefined)
        c.fail('expected a marker operator (== != < <= > >= ~= === in, not in)');
    const rhs = parseMarkerVar(c);
    return { lhs: extraValue(lhs, rhs), op, rhs: extraValue(rhs, lhs) };
}
function parseMarker(c) {
    const nodes = [parseMarkerAtom(c)];
    for (;;) {
        c.ws();
        const op = c.match(/(and|or)(?![A-Za-z0-9_])/y);
        if (op === undefined)
            return nodes;
        nodes.push(op === 'and' ? 'and' : 'or', parseMarkerAtom(c));
    }
}
/**
 * A marker as packaging's str(Marker) writes it (_format_marker): one space between tokens,
 * strings in double quotes, a group of one item or the whole marker without parentheses.
 */
function formatMarker(m, first = true) {
    if (typeof m === 'string')
        return m;
    if (!Array.isArray(m))
        return `${m.lhs} ${m.op} ${m.rhs}`;
    if (m.length === 1 && typeof m[0] !== 'string')
        return formatMarker(m[0]);
    const inner = m.map((n) => formatMarker(n, false)).join(' ');
    return first ? inner : `(${inner})`;
}
/** The extras of a requirement, as written (after its name; none without "["). */
function parseExtras(c) {
    const extras = [];
    if (!c.eat('['))
        return extras;
    c.ws();
    if (c.eat(']'))
        return extras;
    for (;;) {
        c.ws();
        const extra = c.match(NAME);
        if (extra === undefined)
            c.fail('expected an extra name');
        extras.push(extra);
        c.ws();
        if (c.eat(']'))
            return extras;
        if (!c.eat(','))
            c.fail('expected "," or "]" in the extras');
    }
}
/** One PEP 508 requirement, as packaging parses it, or a Syntax error. */
function parsePep508(s) {
    return parseWithTree(s).req;
}
/**
 * The marker of a PEP 508 requirement as a tree (comparisons, with strings in double quotes and
 * variables bare, joined by "and"/"or"; a group a nested list), for evaluation (markers.ts);
 * undefined without a marker. A Syntax error as parsePep508.
 */
function pep508MarkerTree(s) {
    return parseWithTree(s).tree;
}
/** A whole marker string (what follows ";") as a tree, or a Syntax error. */
function parseMarkerText(s) {
    const c = new Cursor(s);
    const tree = parseMarker(c);
    c.ws();
    if (!c.done())
        c.fail('unexpected text after the marker');
    return tree;
}
function parseWithTree(s) {
    const c = new Cursor(s);
    c.ws();
    const name = c.match(NAME);
    if (name === undefined)
        c.fail('expected a project name');
    c.ws();
    const extras = parseExtras(c);
    c.ws();
    let url;
    if (c.eat('@')) {
        c.ws();
        url = c.match(/[^ \t]+/y);
        if (url === undefined)
            c.fail('expected a URL after "@"');
        const afterUrl = c.i;
        c.ws();
        if (c.done())
            return { req: { name, extras, url } };
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
            return { req: { name, extras } };
        if (!c.eat(';')) {
            if (/[<>=!~]/.test(c.s[c.i]))
                c.fail('invalid version specifier');
            c.fail('expected a version specifier, ";" and a marker, or the end of the line');
        }
    }
    const tree = parseMarker(c);
    c.ws();
    if (!c.done())
        c.fail('unexpected text after the marker');
    return { req: { name, extras, ...(url !== undefined && { url }), marker: formatMarker(tree) }, tree };
}


/***/ }),

/***/ 83447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ ResolutionV1Schema),
/* harmony export */   Cg: () => (/* binding */ ResolutionSchema),
/* harmony export */   Cp: () => (/* binding */ replaceVerb),
/* harmony export */   W9: () => (/* binding */ RESOLUTION_V1_SCHEMA_VERSION),
/* harmony export */   Wl: () => (/* binding */ SHADOW_NOTE),
/* harmony export */   bO: () => (/* binding */ explanationLines),
/* harmony export */   e1: () => (/* binding */ UNHELD_REPLACEMENT),
/* harmony export */   fj: () => (/* binding */ ResolveOutputSchema),
/* harmony export */   m6: () => (/* binding */ ReplacementSchema),
/* harmony export */   wF: () => (/* binding */ RESOLUTION_SCHEMA_VERSION)
/* harmony export */ });
/* unused harmony export HazardSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
// Resolution: what the resolve stage found and decided (resolution.json, schemaVersion'd).

/**
 * 2: constraints.sha256, the digest of the constraints the build gets (what provenance names when
 * attest runs in another job). A file of version 1 is read as one of 2 without it (results/read.ts).
 */
const RESOLUTION_SCHEMA_VERSION = 2;
/** The version before: read through ResolutionV1Schema. */
const RESOLUTION_V1_SCHEMA_VERSION = 1;
const Break = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ dist: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), requirement: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() });
const Pull = Break.extend({ requested: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY() });
const ReplacementSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    from: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    to: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /** Base packages whose requirements the new version breaks. */
    breaks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Break),
    /** Packages in the plan whose requirements exclude the base version (what pulls the change in). */
    pulledInBy: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(Pull),
    /**
     * true: pip does not uninstall the base's copy (outside its environment: Debian's python3-*
     * packages, a virtualenv's system site-packages); the new version goes in ahead of it on
     * sys.path and shadows it, the old files left in place.
     */
    shadows: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const HazardSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    fix: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    source: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
});
/** The base packages held (pinned) and those left free (skipped, with why). */
const ConstraintsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    pinned: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    skipped: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })),
});
const ResolutionSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(RESOLUTION_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    platform: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    mode: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['auto', 'check']),
    /** clean: nothing in the base would change; fixed: a plan that holds the base was found; conflict: none fits. */
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['clean', 'fixed', 'conflict']),
    python: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    naive: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        install: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })),
        replaces: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(ReplacementSchema),
    }),
    resolved: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        install: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })),
        moved: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), naive: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), resolved: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })),
        relaxed: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), from: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), to: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })),
    })
        .optional(),
    conflict: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ causes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()), chain: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()), options: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()) })
        .optional(),
    hazards: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(HazardSchema),
    constraints: ConstraintsSchema.extend({
        /**
         * sha256 (hex) of the constraints the build gets (ResolveOutput.constraints): the provenance's
         * "constraints (resolver)" dependency, read from here when attest runs in another job. Set by
         * resolveAgainstBase; absent only in a file of schemaVersion 1.
         */
        sha256: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
            .regex(/^[0-9a-f]{64}$/)
            .optional(),
    }),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
});
/**
 * A resolution of schemaVersion 1 (an earlier release's result directory, an artifact of an older
 * job): the same fields, without constraints.sha256. Read as one of this version (results/read.ts).
 */
const ResolutionV1Schema = ResolutionSchema.extend({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(RESOLUTION_V1_SCHEMA_VERSION),
    constraints: ConstraintsSchema,
});
/** What a plan does to a base package: replace it, or shadow one pip does not uninstall. Pure. */
const replaceVerb = (r) => r.shadows ? 'shadow' : 'replace';
/** Said after a shadowed package: why it is shadowed, not replaced. */
const SHADOW_NOTE = "pip does not uninstall a package outside its environment: it installs the new version ahead of the base image's copy on sys.path";
/** Hazard id of a base package the held plan still replaces: no pin could hold it (steps/hold.ts). */
const UNHELD_REPLACEMENT = 'unheld-replacement';
/** What resolving one image and platform hands on: the build's constraints and requirements. */
const ResolveOutputSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    resolution: ResolutionSchema,
    /** Constraints for the build: base pins + the resolved versions (auto mode). */
    constraints: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /** Requirements for the build (relaxed where the resolver had to). */
    requirements: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    explanation: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
});
/** The same findings as plain text lines (no Markdown): the report renderer escapes and formats them. */
function explanationLines(r) {
    const head = {
        clean: 'no conflict with the base image',
        fixed: 'conflict fixed with the base image held',
        conflict: 'conflict: the requirements cannot be installed without breaking the base image',
    };
    // A base package no pin could hold, or one let go (steps/release.ts), is still replaced: not "held" then.
    const unheld = r.status === 'fixed' && r.hazards.some((h) => h.id === UNHELD_REPLACEMENT);
    const lines = [
        `${r.platform}: ${unheld ? 'conflict fixed with the base image held, but for base packages the plan still replaces' : head[r.status]} (${r.constraints.pinned} base packages held)`,
    ];
    for (const rep of r.naive.replaces)
        lines.push(`a plain pip install would ${replaceVerb(rep)} ${rep.name} ${rep.from} with ${rep.to}${rep.pulledInBy.length ? ` (needed by ${rep.pulledInBy.map((p) => `${p.dist} ${p.version}: ${p.requirement}`).join(', ')})` : ''}${rep.breaks.length ? `, breaking ${rep.breaks.map((b) => `${b.dist} ${b.version} (${b.requirement})`).join(', ')}` : ''}${rep.shadows ? `; ${SHADOW_NOTE}` : ''}`);
    for (const m of r.resolved?.moved ?? [])
        lines.push(`resolved: ${m.name} ${m.naive} -> ${m.resolved}: ${m.reason}`);
    for (const c of r.resolved?.relaxed ?? [])
        lines.push(`relaxed: ${c.from} -> ${c.to}`);
    for (const c of r.conflict?.chain ?? [])
        lines.push(`why: ${c}`);
    for (const o of r.conflict?.options ?? [])
        lines.push(`option: ${o}`);
    for (const h of r.hazards)
        lines.push(`hazard: ${h.message}. Fix: ${h.fix}`);
    return lines;
}


/***/ }),

/***/ 78022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ resolutionFile),
/* harmony export */   CQ: () => (/* binding */ ATTEST_DIR),
/* harmony export */   D: () => (/* binding */ attestationFile),
/* harmony export */   MG: () => (/* binding */ COMMENT_DIR),
/* harmony export */   NR: () => (/* binding */ envelopeFile),
/* harmony export */   SC: () => (/* binding */ RUN_REPORT_FILE),
/* harmony export */   TM: () => (/* binding */ digestFile),
/* harmony export */   VI: () => (/* binding */ PLAN_FILE),
/* harmony export */   eO: () => (/* binding */ RECORD_KINDS),
/* harmony export */   kb: () => (/* binding */ COMMENT_ARTIFACT_FILE),
/* harmony export */   mR: () => (/* binding */ recordFile),
/* harmony export */   n3: () => (/* binding */ devcontainerFile),
/* harmony export */   nq: () => (/* binding */ ATTEST_FILE),
/* harmony export */   oS: () => (/* binding */ BUILD_FILE),
/* harmony export */   rn: () => (/* binding */ reportFile)
/* harmony export */ });
/* unused harmony exports DIGESTS_DIR, DEVCONTAINER_DIR, commentArtifactFile */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15063);
// The names of a result directory's files: every file the stages hand each other (and the jobs of a
// matrix hand each other as artifacts), relative to the directory. Pure and a leaf (it imports no
// stage), so that a module a stage's files import (the comment artifact's, the devcontainer's) takes
// its name from here without a cycle; results.ts re-exports every name with its reader and writer.
//
//   plan.json                                 Plan                 (src/plan/schema.ts)
//   resolution-<variant>-<os>-<arch>.json     Resolution           (src/resolve/result.ts)
//   build.json                                BuildResult          (src/build/result.ts)
//   digests/<variant>__<arch>.json            DigestFile           (results.ts: one matrix job's share)
//   env-<variant>-<arch>.json                 EnvRecord            (src/capture/record.ts)
//   smoke-<variant>-<arch>.json               SmokeResult          (src/smoke/result.ts)
//   junit-<variant>-<arch>.xml                the SmokeResult as JUnit XML
//   smoke-key-<variant>-<arch>.txt            what decided the smoke result (image digest [+ content] + inputs)
//   report-<variant>.md / .json               the report, rendered / its ReportModel (src/report/model-schema.ts)
//   report.md                                 the run's report: every variant (what the comment says)
//   comment/ml-image-comment.json             the fork-safe comment artifact (src/report/artifact.ts)
//   attest.json                               AttestResult         (src/attest/result.ts)
//   attest/<variant>-<arch>.<kind>.json       a predicate (CycloneDX SBOM, SLSA provenance, smoke; sbom.spdx: the SBOM as SPDX)
//   attest/<variant>-<arch>.<kind>.dsse.json  its signed DSSE envelope, as attached (built-in signer)
//   devcontainer/<variant>/devcontainer.json  the action's devcontainer output (src/devcontainer/)


const PLAN_FILE = 'plan.json';
const BUILD_FILE = 'build.json';
const DIGESTS_DIR = 'digests';
const COMMENT_DIR = 'comment';
/** The fork-safe comment artifact, in COMMENT_DIR (src/report/artifact.ts writes and reads it). */
const COMMENT_ARTIFACT_FILE = 'ml-image-comment.json';
const ATTEST_FILE = 'attest.json';
const ATTEST_DIR = 'attest';
const DEVCONTAINER_DIR = 'devcontainer';
const RECORD_KINDS = ['env', 'smoke', 'junit', 'smoke-key'];
const extension = (kind) => (kind === 'junit' ? 'xml' : kind === 'smoke-key' ? 'txt' : 'json');
/** env-<variant>-<arch>.json, smoke-..., junit-...xml, smoke-key-...txt */
const recordFile = (kind, variant, platform) => `${kind}-${variant}-${(0,_config_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .archOf */ .Qh)(platform)}.${extension(kind)}`;
/** resolution-<variant>-<os>-<arch>.json: the resolve stage's key "<variant>/<platform>", slashes as dashes. */
const resolutionFile = (variant, platform) => `resolution-${`${variant}/${platform}`.replace(/\//g, '-')}.json`;
/** digests/<variant>__<arch>.json: one matrix build job's share, for the merge job. */
const digestFile = (variant, platform) => node_path__WEBPACK_IMPORTED_MODULE_0___default().join(DIGESTS_DIR, `${variant}__${(0,_config_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .archOf */ .Qh)(platform)}.json`);
const reportFile = (variant, ext) => `report-${variant}.${ext}`;
/** The run's report: all variants in one document, as the pull-request comment and the job summary. */
const RUN_REPORT_FILE = 'report.md';
/** comment/ml-image-comment.json: the fork-safe comment artifact. */
const commentArtifactFile = () => path.join(COMMENT_DIR, COMMENT_ARTIFACT_FILE);
/** attest/<variant>-<arch>.<kind>.json: one predicate, as attached (kind sbom.spdx: the SPDX copy). */
const attestationFile = (variant, platform, kind) => node_path__WEBPACK_IMPORTED_MODULE_0___default().join(ATTEST_DIR, `${variant}-${(0,_config_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .archOf */ .Qh)(platform)}.${kind}.json`);
/** attest/<variant>-<arch>.<kind>.dsse.json: the signed envelope of a predicate, as attached. */
const envelopeFile = (variant, platform, kind) => node_path__WEBPACK_IMPORTED_MODULE_0___default().join(ATTEST_DIR, `${variant}-${(0,_config_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .archOf */ .Qh)(platform)}.${kind}.dsse.json`);
/** devcontainer/<variant>/devcontainer.json: the action's `devcontainer` output for a variant. */
const devcontainerFile = (variant) => node_path__WEBPACK_IMPORTED_MODULE_0___default().join(DEVCONTAINER_DIR, variant, 'devcontainer.json');


/***/ }),

/***/ 4584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oS: () => (/* reexport */ names/* BUILD_FILE */.oS),
  MG: () => (/* reexport */ names/* COMMENT_DIR */.MG),
  SC: () => (/* reexport */ names/* RUN_REPORT_FILE */.SC),
  n3: () => (/* reexport */ names/* devcontainerFile */.n3),
  NR: () => (/* reexport */ names/* envelopeFile */.NR),
  lR: () => (/* binding */ openResultDir),
  g7: () => (/* binding */ readDigestFiles),
  mR: () => (/* reexport */ names/* recordFile */.mR),
  rn: () => (/* reexport */ names/* reportFile */.rn)
});

// UNUSED EXPORTS: ATTEST_DIR, ATTEST_FILE, COMMENT_ARTIFACT_FILE, DEVCONTAINER_DIR, DIGESTS_DIR, DIGEST_FILE_SCHEMA_VERSION, DigestFileSchema, PLAN_FILE, RECORD_KINDS, attestationFile, commentArtifactFile, digestFile, digestFiles, readBuildResult, resolutionFile

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/attest/result.ts
var attest_result = __webpack_require__(29476);
// EXTERNAL MODULE: ./src/build/result.ts
var result = __webpack_require__(99183);
// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(38287);
// EXTERNAL MODULE: ./src/capture/record.ts
var capture_record = __webpack_require__(66917);
// EXTERNAL MODULE: ./src/config/issues.ts
var config_issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
// EXTERNAL MODULE: ./src/report/artifact.ts
var artifact = __webpack_require__(80954);
// EXTERNAL MODULE: ./src/report/model-schema.ts
var model_schema = __webpack_require__(463);
// EXTERNAL MODULE: ./src/resolve/result.ts
var resolve_result = __webpack_require__(83447);
// EXTERNAL MODULE: ./src/smoke/result.ts
var smoke_result = __webpack_require__(3228);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/util/redact-instruction.ts + 1 modules
var redact_instruction = __webpack_require__(97499);
;// CONCATENATED MODULE: ./src/diff/read.ts






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
            image: { ...r.image, variant: label(capture_record/* VARIANT_LABEL */.z), created: label(capture_record/* CREATED_LABEL */.Kh) },
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
        throw new errors/* InputError */.dz(`${source}: not ${aOrAn(kind.what)} (expected a JSON object, got ${describe(json)})`);
    }
    // Before the version: the other kind of file (each has its own versions) is named as what it is,
    // not as one of a version newer than this tool reads.
    if (hasKeys(json, kind.other.keys) && !hasKeys(json, kind.keys))
        throw new errors/* InputError */.dz(`${source}: not ${aOrAn(kind.what)}: it is ${aOrAn(kind.other.what)}`);
    const version = json.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new errors/* InputError */.dz(`${source}: schemaVersion: expected a positive integer, got ${describe(version)} (is this ${kind.what}?)`);
    }
    if (version > kind.current) {
        throw new errors/* InputError */.dz(`${source}: schemaVersion ${version} is newer than this version of ml-image reads (up to ${kind.current})`, 'update ml-image-action (the record was written by a newer release)');
    }
    let record = json;
    for (let v = version; v < kind.current; v++) {
        const step = kind.migrations[v];
        if (!step)
            throw new errors/* InputError */.dz(`${source}: schemaVersion ${v} is no longer readable (no migration to ${v + 1})`);
        record = step(record);
    }
    const parsed = kind.schema.safeParse(record);
    if (parsed.success)
        return parsed.data;
    const issues = parsed.error.issues;
    const lines = (0,config_issues/* formatIssues */.og)(parsed.error, record, kind.schema)
        .slice(0, MAX_ISSUES)
        .map((line) => `  - ${line}`);
    if (issues.length > MAX_ISSUES)
        lines.push(`  - ... and ${issues.length - MAX_ISSUES} more`);
    throw new errors/* InputError */.dz(`${source}: not a valid ${kind.what} (schemaVersion ${version}): ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
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
            env: (0,redact/* redactEnvMap */.$i)(r.image.env),
            labels: (0,redact/* redactDeep */.KL)((0,redact/* redactLabels */.PU)(r.image.labels)),
            ...(history && { history: history.map((l) => ({ ...l, createdBy: (0,redact_instruction/* redactInstruction */.QT)(l.createdBy) })) }),
        },
        env: (0,redact/* redactEnvMap */.$i)(r.env),
    };
}
function readRecordAsIs(json, source) {
    return read(json, source, {
        what: ENV_RECORD,
        current: capture_record/* ENV_RECORD_SCHEMA_VERSION */.B6,
        migrations: ENV_RECORD_MIGRATIONS,
        schema: capture_record/* EnvRecordSchema */.iv,
        keys: ENV_KEYS,
        other: { what: SMOKE_RESULT, keys: SMOKE_KEYS },
    });
}
function readSmokeResult(json, source) {
    return read(json, source, {
        what: SMOKE_RESULT,
        current: smoke_result/* SMOKE_RESULT_SCHEMA_VERSION */.Nn,
        migrations: SMOKE_RESULT_MIGRATIONS,
        schema: smoke_result/* SmokeResultSchema */.wp,
        keys: SMOKE_KEYS,
        other: { what: ENV_RECORD, keys: ENV_KEYS },
    });
}
/** JSON text to a value; the error names the file. */


;// CONCATENATED MODULE: ./src/results/read.ts
// Reading a result directory's files back, each through the schema it is written with. Internal to
// src/results/: the stages read through a ResultDir (openResultDir, discardResults), which names the
// files (results.ts); these take the file's path. A file that is not there is "nothing" (undefined
// or null, as each reader says); a file that is there but cannot be read or parsed is bad input
// naming it (exit 2), except where a reader says another version's file is left out.











/** The smoke reuse key: "<manifest digest> <inputs sha256>", then (not in older files) a line
 * "content:sha256:<hex> <inputs sha256>" of the image's content (src/smoke/reuse.ts). */
const SmokeKeySchema = schemas/* string */.YjP().regex(/^\S+ [0-9a-f]{64}(\ncontent:\S+ [0-9a-f]{64})?$/);
/** A smoke key is two short lines; a bigger file is no key. */
const SMOKE_KEY_MAX_BYTES = 4096;
/** The schemaVersion a file says it has, when it says one. */
const versionOf = (data) => data?.schemaVersion;
/** DATA parsed with SCHEMA; a mismatch is bad input: "FILE: not a WHAT: <the first problem>". */
function parseAs(schema, data, file, what, fix) {
    const parsed = schema.safeParse(data);
    if (!parsed.success)
        throw new errors/* InputError */.dz(`${file}: not ${what}: ${(0,config_issues/* formatIssues */.og)(parsed.error, data, schema)[0]}`, fix);
    return parsed.data;
}
/**
 * A resolution. One of schemaVersion 1 is read as one of this version (it lacks only
 * constraints.sha256); another version's (a reused directory) is left out; a broken one is bad input.
 */
function readResolutionFile(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const data = (0,json_file/* readJsonFile */.JE)(file);
    const version = versionOf(data);
    if (version === resolve_result/* RESOLUTION_V1_SCHEMA_VERSION */.W9) {
        const v1 = parseAs(resolve_result/* ResolutionV1Schema */.By, data, file, 'a resolution');
        return { ...v1, schemaVersion: resolve_result/* RESOLUTION_SCHEMA_VERSION */.wF };
    }
    if (typeof version === 'number' && version !== resolve_result/* RESOLUTION_SCHEMA_VERSION */.wF)
        return undefined;
    return parseAs(resolve_result/* ResolutionSchema */.Cg, data, file, 'a resolution');
}
/**
 * The fix of a build.json that is missing or unreadable, unless the caller says another: the
 * action's (its result-dir input; a smoke job downloads the build job's). A command of the CLI
 * passes its own, in its flags' words (`run --stages smoke`: --stages and --out, checked before the
 * first stage; `--from DIR`).
 */
const BUILD_FIX = "run the build stage in this job, or download the build job's build.json into result-dir";
/** Whether VARIANTS, a build.json's, is an empty list or an empty mapping. */
const isEmpty = (variants) => Array.isArray(variants)
    ? variants.length === 0
    : typeof variants === 'object' && variants !== null && Object.keys(variants).length === 0;
/**
 * build.json: a missing or broken one is bad input naming it. The caller's fix replaces the build
 * stage's for a missing or unreadable file, and is given for one that does not parse. One of this
 * version holding no variants (`[]`, or an empty mapping) is bad input said as such: the build
 * built nothing.
 */
function readBuildFile(file, as = {}) {
    const data = (0,json_file/* readJsonFile */.JE)(file, { what: as.what ?? 'build result', fix: as.fix ?? BUILD_FIX });
    const variants = data?.variants;
    // No build writes one: a plan has a variant at least, and the build records each it built.
    if (versionOf(data) === result/* BUILD_RESULT_SCHEMA_VERSION */.ef && isEmpty(variants))
        throw new errors/* InputError */.dz(`${file}: the build result holds no variants (variants: ${JSON.stringify(variants)}): the build that wrote it built nothing`, `rerun the build, which records each variant it builds: ${as.fix ?? BUILD_FIX}`);
    return parseAs(result/* BuildResultSchema */.fh, data, file, 'a build result', as.fix);
}
/**
 * plan.json, parsed with PlanSchema: undefined when there is none, and when it is of another
 * schemaVersion (a directory another version of the tool wrote: its plan is left out, as a
 * resolution of another version is, and the reader goes on without it). A plan of this version
 * that does not parse (truncated, edited, a field missing) is bad input naming the file.
 */
function readPlanFile(file, as = {}) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const data = (0,json_file/* readJsonFile */.JE)(file, { what: as.what ?? 'plan', ...(as.fix !== undefined && { fix: as.fix }) });
    const version = versionOf(data);
    if (typeof version === 'number' && version !== schema/* PLAN_SCHEMA_VERSION */.jk)
        return undefined;
    return parseAs(schema/* PlanSchema */.fB, data, file, 'a plan', as.fix);
}
/**
 * A target's record (through the migrations of older versions): null when the file is not there;
 * an unreadable one throws, naming it.
 */
function readEnvFile(file) {
    return (0,external_node_fs_.existsSync)(file) ? readEnvRecord((0,json_file/* readJsonFile */.JE)(file), file) : null;
}
/** A target's smoke result, as readEnvFile reads a record. */
function readSmokeFile(file) {
    return (0,external_node_fs_.existsSync)(file) ? readSmokeResult((0,json_file/* readJsonFile */.JE)(file), file) : null;
}
/** A target's smoke reuse key, when there is one. */
function readSmokeKeyFile(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    // Not a file (a FIFO would block the read) or unreadable: thrown, for the caller to say why.
    const text = (0,read_regular/* readRegularFile */.XF)(file, SMOKE_KEY_MAX_BYTES).toString('utf8');
    // A key that is not of the shape written is no key: the smoke suites simply run again.
    const key = SmokeKeySchema.safeParse(text.trim());
    return key.success ? key.data : undefined;
}
/** attest.json, when the attest stage wrote one (the report reads it). */
function readAttestFile(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    return parseAs(attest_result/* AttestResultSchema */.uv, (0,json_file/* readJsonFile */.JE)(file), file, 'an attest result');
}

// EXTERNAL MODULE: ./src/results/names.ts
var names = __webpack_require__(78022);
;// CONCATENATED MODULE: ./src/results/write.ts

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;
/**
 * A value about to be written is checked against its schema: a mismatch is a bug in this tool, not
 * bad input, and must not reach a file the next job trusts. The value itself is written (not the
 * parsed copy), so that checking changes nothing in the file.
 */
function checked(schema, value, file) {
    const r = schema.safeParse(value);
    if (!r.success)
        throw new Error(`${file}: refusing to write an invalid file: ${(0,config_issues/* formatIssues */.og)(r.error, value, schema).join('; ')}`);
    return value;
}

;// CONCATENATED MODULE: ./src/results/results.ts
// The result-directory contract: every file the stages hand each other (and the jobs of a matrix
// hand each other as artifacts), its name (names.ts, where the table of them is), and the schema it
// is written and read through.
//
// Every write is atomic (a later run never trusts a half-written file) and free of URL credentials
// (a torch index URL with a token in the plan, for instance); every value is checked against its
// schema before it is written and parsed when it is read back (./read.ts), always through a ResultDir.
// This module is a leaf: stages import it, it imports only schemas (and the comment artifact's writer).



















// ---- names: names.ts, re-exported with the readers and writers ------------------------------------

/** A predicate is a JSON object (its own schema is checked where it is built). */
const PredicateSchema = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J());
// ---- schemas of the files without a stage of their own -------------------------------------------
const DIGEST_FILE_SCHEMA_VERSION = 1;
const DigestFileSchema = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(DIGEST_FILE_SCHEMA_VERSION),
    variant: schemas/* string */.YjP(),
    repository: schemas/* string */.YjP(),
    tags: schemas/* array */.YOg(schemas/* string */.YjP()),
    baseImage: schemas/* string */.YjP(),
    baseDigest: schemas/* string */.YjP().optional(),
    build: result/* PlatformBuildSchema */.vp,
    /** build.json's `materials` of the job (the merge job puts them in the merged build.json). */
    materials: result/* MaterialsSchema */.sk.optional(),
});
/**
 * The result directory `dir`, created when missing (`create: false`: only checked, for a directory
 * that is read from); `label` names it in messages, e.g. "--out x".
 */
function openResultDir(dir, label = 'result-dir', 
/** flag: how the fix names the option that gives the directory (default "--out DIR"). */
opts = {}) {
    const root = (0,json_file/* ensureResultDir */.dc)(dir, label, opts);
    const at = (name) => external_node_path_default().join(root, name);
    const write = (name, content, l = label, durable = true) => {
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(at(name)), { recursive: true });
        (0,json_file/* writeFileAtomic */.Zf)(at(name), (0,redact/* redactUrls */.sK)(content), l, durable);
    };
    const writeJson = (name, schema, value, l, durable = true) => write(name, json(checked(schema, value, at(name))), l, durable);
    const records = (variant, platform) => ['env', 'smoke', 'smoke-key']
        .map((k) => at((0,names/* recordFile */.mR)(k, variant, platform)))
        .filter((f) => (0,external_node_fs_.existsSync)(f));
    return {
        dir: root,
        writePlan: (plan) => writeJson(names/* PLAN_FILE */.VI, schema/* PlanSchema */.fB, plan),
        readPlan: (as) => readPlanFile(at(names/* PLAN_FILE */.VI), as),
        writeResolution: (v, p, r) => writeJson((0,names/* resolutionFile */.$v)(v, p), resolve_result/* ResolutionSchema */.Cg, r),
        readResolution: (v, p) => readResolutionFile(at((0,names/* resolutionFile */.$v)(v, p))),
        removeResolution: (v, p) => removeFile(at((0,names/* resolutionFile */.$v)(v, p)), label),
        writeBuild: (build) => writeJson(names/* BUILD_FILE */.oS, result/* BuildResultSchema */.fh, build),
        removeBuild: () => removeFile(at(names/* BUILD_FILE */.oS), label),
        readBuild: (as) => readBuildFile(at(names/* BUILD_FILE */.oS), as),
        hasBuild: () => (0,external_node_fs_.existsSync)(at(names/* BUILD_FILE */.oS)),
        writeDigests: (build) => {
            for (const d of digestFiles(build))
                writeJson((0,names/* digestFile */.TM)(d.variant, d.build.platform), DigestFileSchema, d);
        },
        writeEnv: (v, p, record, l) => writeJson((0,names/* recordFile */.mR)('env', v, p), capture_record/* EnvRecordSchema */.iv, record, l),
        readEnv: (v, p) => readEnvFile(at((0,names/* recordFile */.mR)('env', v, p))),
        writeSmoke: (v, p, result, l) => {
            writeJson((0,names/* recordFile */.mR)('smoke', v, p), smoke_result/* SmokeResultSchema */.wp, result, l);
            write((0,names/* recordFile */.mR)('junit', v, p), (0,smoke_result/* toJUnit */.U5)(result), l);
        },
        readSmoke: (v, p) => readSmokeFile(at((0,names/* recordFile */.mR)('smoke', v, p))),
        writeSmokeKey: (v, p, key, l) => write((0,names/* recordFile */.mR)('smoke-key', v, p), `${checked(SmokeKeySchema, key, (0,names/* recordFile */.mR)('smoke-key', v, p))}\n`, l),
        readSmokeKey: (v, p) => readSmokeKeyFile(at((0,names/* recordFile */.mR)('smoke-key', v, p))),
        hasEnv: (v, p) => (0,external_node_fs_.existsSync)(at((0,names/* recordFile */.mR)('env', v, p))),
        recordFiles: records,
        removeRecords: (v, p) => {
            for (const kind of names/* RECORD_KINDS */.eO)
                removeFile(at((0,names/* recordFile */.mR)(kind, v, p)), label);
        },
        writeReport: (variant, markdown, model) => {
            write((0,names/* reportFile */.rn)(variant, 'md'), markdown);
            writeJson((0,names/* reportFile */.rn)(variant, 'json'), model_schema/* ReportModelSchema */.R9, model);
            return at((0,names/* reportFile */.rn)(variant, 'md'));
        },
        writeRunReport: (markdown) => (write(names/* RUN_REPORT_FILE */.SC, markdown), at(names/* RUN_REPORT_FILE */.SC)),
        writeComment: (payload) => {
            (0,external_node_fs_.mkdirSync)(at(names/* COMMENT_DIR */.MG), { recursive: true });
            (0,artifact/* writeCommentArtifact */.V1)(at(names/* COMMENT_DIR */.MG), payload);
            return at(names/* COMMENT_DIR */.MG);
        },
        ...attestFiles(root, label),
        writeAttest: (result) => writeJson(names/* ATTEST_FILE */.nq, attest_result/* AttestResultSchema */.uv, result),
        readAttest: () => readAttestFile(at(names/* ATTEST_FILE */.nq)),
    };
}
/** FILE removed when it is there; one that cannot be (a directory, no permission) is bad input naming it. */
function removeFile(file, label) {
    try {
        (0,external_node_fs_.rmSync)(file, { force: true });
    }
    catch (e) {
        throw new errors/* InputError */.dz(`${label}: cannot remove ${file}, an earlier run's result: ${String(e.message ?? e).split('\n')[0]}`, 'remove it yourself, or pass another result directory', { cause: e });
    }
}
/** The attest stage's files in ROOT: predicates and envelopes, written in the background. */
function attestFiles(root, label) {
    const at = (name) => external_node_path_default().join(root, name);
    const writeLater = (file, content) => {
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
        return (0,json_file/* writeFileAtomicLater */.nO)(file, content, label, false);
    };
    return {
        // Copies of what is attached to the image: no fsync, and off node's thread (the attest stage
        // writes a dozen of them while it signs and the registry answers).
        writeAttestation: (v, p, kind, predicate) => {
            const file = at((0,names/* attestationFile */.D)(v, p, kind));
            const text = (0,redact/* redactUrls */.sK)(json(checked(PredicateSchema, predicate, file)));
            return { file, text, written: writeLater(file, text) };
        },
        // Signed bytes: written as they are (the signature covers them; a statement holds no URL
        // credentials, every attestation is scrubbed before it is signed).
        writeEnvelope: (v, p, kind, envelope) => {
            const file = at((0,names/* envelopeFile */.NR)(v, p, kind));
            return { file, written: writeLater(file, envelope) };
        },
        envelopeNames: () => new Set(envelopeNames(at(names/* ATTEST_DIR */.CQ))),
        takeEnvelopes: () => {
            // The earlier attest.json names them: it goes too (a stage stopped by a signal leaves none).
            (0,external_node_fs_.rmSync)(external_node_path_default().join(root, names/* ATTEST_FILE */.nq), { force: true });
            const taken = new Map();
            for (const name of envelopeNames(at(names/* ATTEST_DIR */.CQ))) {
                const file = at(name);
                try {
                    taken.set(name, (0,read_regular/* readRegularFile */.XF)(file, read_regular/* MAX_JSON_INPUT_BYTES */.lj));
                }
                catch {
                    // Unreadable, or not a file (a FIFO would block): nothing to attach again, removed all the same.
                }
                (0,external_node_fs_.rmSync)(file, { force: true, recursive: true });
            }
            return taken;
        },
    };
}
/** The envelope files in DIR (attest/), by their names relative to the result directory. */
function envelopeNames(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir)
            .filter((n) => n.endsWith('.dsse.json'))
            .map((n) => external_node_path_default().join(names/* ATTEST_DIR */.CQ, n));
    }
    catch {
        return []; // no attest/ yet
    }
}
/** The digest files of a build: one per variant and platform. */
function digestFiles(build) {
    return build.variants.flatMap((v) => v.platforms.map((p) => ({
        schemaVersion: DIGEST_FILE_SCHEMA_VERSION,
        variant: v.variant,
        repository: v.repository,
        tags: v.tags,
        baseImage: v.baseImage,
        ...(v.baseDigest !== undefined && { baseDigest: v.baseDigest }),
        build: p,
        ...(build.materials && { materials: build.materials }),
    })));
}
// ---- reading by directory path -----------------------------------------------------------------
/** build.json of `dir` (a result directory, only read). */
const readBuildResult = (dir) => openResultDir(dir, dir, { create: false }).readBuild();
/**
 * Every digest file under `dir` (download-artifact puts each artifact in a folder of its own), in
 * file order. A file that is not one is bad input naming it.
 */
function readDigestFiles(dir) {
    let files;
    try {
        files = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true, recursive: true })
            .filter((e) => e.isFile() && e.name.endsWith('.json'))
            .map((e) => external_node_path_default().join(e.parentPath, e.name));
    }
    catch (e) {
        throw new errors/* InputError */.dz(`merge-from ${dir}: cannot read: ${e.message}`);
    }
    return files.map((file) => {
        const data = (0,json_file/* readJsonFile */.JE)(file);
        const parsed = DigestFileSchema.safeParse(data);
        if (!parsed.success)
            throw new errors/* InputError */.dz(`${file}: not a digest file: ${(0,config_issues/* formatIssues */.og)(parsed.error, data, DigestFileSchema).join('; ')}`);
        return { file, digest: parsed.data };
    });
}


/***/ }),

/***/ 16102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TM: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_2__.TM),
/* harmony export */   W$: () => (/* binding */ isDaemonGone),
/* harmony export */   Yi: () => (/* binding */ SmokeInterruptedError),
/* harmony export */   gJ: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_2__.gJ),
/* harmony export */   rj: () => (/* binding */ DAEMON_TEXT)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38201);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
// A Docker daemon that goes away while the smoke suites run ends the run, with the results of every
// test that finished (and the interrupted one, failed).



/**
 * The Docker daemon (or the engine's connection to it) went away while the smoke suites ran, or
 * SIGINT/SIGTERM/SIGHUP stopped them (CAUSE an InterruptedError: its exit code, 130/143/129): the
 * run ends, with the results of every test that finished (and the interrupted one, failed), and
 * no reuse key (src/smoke/stage.ts: the results are incomplete).
 */
class SmokeInterruptedError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG {
    partial;
    constructor(message, fix, 
    /** Every test that ran, the interrupted one last (failed): written before the error is shown. */
    partial, cause) {
        super(message, fix, {
            cause,
            ...(cause instanceof _util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .InterruptedError */ .p4 && { exitCode: _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SignalExitCode */ .gp[cause.signal] }),
        });
        this.partial = partial;
    }
}
/** Errors of a lost connection to the engine (dockerode's socket errors, the CLI's wording). */
const CONNECTION_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ENOENT',
    'ETIMEDOUT',
    'EHOSTUNREACH',
]);
const DAEMON_TEXT = /Cannot connect to the Docker daemon|docker daemon is not running|cannot reach the Docker daemon|the Docker daemon is not reachable|socket hang up|connect (ECONNREFUSED|ENOENT)|read ECONNRESET|write EPIPE/i;
function isDaemonGone(e) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG)
        return DAEMON_TEXT.test(e.message);
    const code = e?.code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code) && !e.path)
        return true;
    return DAEMON_TEXT.test((0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e));
}



/***/ }),

/***/ 79450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RE: () => (/* binding */ verifiedLocalImage),
/* harmony export */   a5: () => (/* binding */ isRecordedImage)
/* harmony export */ });
/* unused harmony export recordedConfigDigest */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _interrupt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16102);


/** The config digest buildx recorded (`containerimage.config.digest`), when it did. */
function recordedConfigDigest(r) {
    const c = r.metadata?.['containerimage.config.digest'];
    return typeof c === 'string' && /^sha256:[0-9a-f]{64}$/.test(c) ? c : undefined;
}
/**
 * Whether the engine's image is the one the build recorded. Its ID is the recorded digest (the
 * docker driver's --load records the config digest, which is the classic store's image ID; the
 * containerd image store's ID is the manifest digest it records), or the recorded config digest
 * (a docker-container builder's --load records the manifest digest and the config digest), or
 * the image has a repository digest of it (pushed and loaded). Each is content-addressed.
 */
function isRecordedImage(d, r) {
    // On the containerd image store an image loaded with its attestations is the index the build
    // pushed (its ID and repository digest), whose image build.json records.
    const digests = [r.digest, ...(r.indexDigest !== undefined ? [r.indexDigest] : [])];
    return (digests.includes(d.id) ||
        d.id === recordedConfigDigest(r) ||
        d.repoDigests.some((x) => digests.some((g) => x.endsWith(`@${g}`))));
}
/** The tag names another image: a concurrent job re-tagged it. */
const RETAGGED_FIX = 'another job on this runner tagged the same name after this build: give concurrent jobs their own image.name (or runners), or push the image (push: true) so that the smoke stage runs it by digest; then run the build and smoke again';
/** The engine holds no image under the tag: it was removed or pruned after the build. */
const GONE_FIX = 'build again and run the smoke stage right after the build, with no `docker image prune`/`docker system prune` (or image removal) on this runner in between; or push the image (push: true) so that the smoke stage runs it by digest';
/**
 * The image ID of TAG when it still names the image the build recorded; else exit 3 naming the
 * tag, the recorded digest and what happened: the engine holds no image under the tag (removed or
 * pruned since the build), or the tag now names another image. The tag is only inspected, never
 * pulled: with push and load on the docker driver it is a tag other jobs push to.
 */
async function verifiedLocalImage(docker, tag, platform, recorded) {
    const config = recordedConfigDigest(recorded);
    const digest = `${recorded.digest}${config !== undefined && config !== recorded.digest ? ` (config ${config})` : ''}`;
    let details;
    try {
        details = await docker.inspectLocalImage(tag);
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG || (0,_interrupt_js__WEBPACK_IMPORTED_MODULE_1__/* .isDaemonGone */ .W$)(e))
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG(`the local image ${tag} (${platform}) that the build recorded as ${digest} cannot be inspected: ${(0,_interrupt_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)((0,_interrupt_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e))}`, `check the engine with "docker image inspect ${tag}"; then run the build and smoke again`, { cause: e });
    }
    if (details === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG(`the local image ${tag} (${platform}) that the build recorded as ${digest} is gone from the engine: it was removed or pruned after the build; the smoke stage does not pull the tag in its place`, GONE_FIX);
    if (isRecordedImage(details, recorded))
        return details.id;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG(`the local tag ${tag} no longer names the image this build made: the build recorded ${digest}, the tag now names ${details.id}${details.repoDigests.length > 0 ? ` (${details.repoDigests.join(', ')})` : ''}; the smoke stage does not test another image in its place`, RETAGGED_FIX);
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
     * Set on the results so far of a run that was stopped before every suite ran (SIGINT, SIGTERM,
     * SIGHUP; the Docker daemon going away): why (the error's message). Its last test failed because
     * it was stopped, not on its own, and the tests after it are missing: such a result is shown,
     * never attested (src/pipeline/attest.ts) nor reused. Results without it ran to the end.
     */
    interrupted: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
});
const xml = (s) => s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c])
    // XML 1.0 forbids most control characters, U+FFFE, U+FFFF and lone surrogates (its Char
    // production), which test output may contain: they are removed.
    .replace(
// eslint-disable-next-line no-control-regex -- removing them is the point
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
/** A metric's value as a property's: a string as it is, an object or a list as JSON. */
const metricText = (v) => typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
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
                lines.push(`        <property name="${xml(k)}" value="${xml(metricText(v))}"/>`);
            lines.push('      </properties>');
        }
        lines.push('    </testcase>');
    }
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}


/***/ }),

/***/ 72752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ indexUrlProblem),
/* harmony export */   u: () => (/* binding */ INDEX_PROTOCOL)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);
// What a pip index URL may be, for the config schema and for the indexes given by flags or the
// environment (src/python/indexes.ts): pip reads one over http, https or file.

/** The schemes pip reads an index over, as a URL's protocol. */
const INDEX_PROTOCOL = /^(https?|file)$/;
/**
 * What is wrong with URL as a pip index, or undefined: an http(s) or file URL with no blank or
 * control character in it. Such a character would end the URL where pip reads it (a pip.conf line,
 * PIP_EXTRA_INDEX_URL's list), and the URL parser would drop a line break silently. The problem
 * never quotes the URL (what looks like its scheme may be a login: user:password@host).
 */
function indexUrlProblem(url) {
    if (_text_js__WEBPACK_IMPORTED_MODULE_0__/* .BLANK_OR_CONTROL */ .pm.test(url))
        return 'a blank or control character is in it';
    let protocol;
    try {
        protocol = new URL(url).protocol.slice(0, -1);
    }
    catch {
        // pip takes a directory too, but it runs in a container here, which does not have this one.
        return /^[./~]/.test(url)
            ? "a directory, not a URL: pip runs in a container here, without this machine's files (serve it over http)"
            : 'not a URL';
    }
    return INDEX_PROTOCOL.test(protocol) ? undefined : 'pip reads an index over http, https or file only';
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

// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(38287);
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
/* unused harmony export credentialHeader */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38287);
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

// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(38287);
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
/* unused harmony export secretStart */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38287);
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
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38287);
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
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38287);
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
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38287);
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


/***/ }),

/***/ 2426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ isRunnerOwnVariable),
/* harmony export */   X: () => (/* binding */ RUNNER_OWN_VARIABLE)
/* harmony export */ });
// The runner's own environment variables: the job's tokens (ACTIONS_RUNTIME_TOKEN,
// ACTIONS_ID_TOKEN_REQUEST_TOKEN, ACTIONS_CACHE_URL ...), the action's inputs as the runner hands
// them over (INPUT_REGISTRY-PASSWORD, INPUT_GITHUB-TOKEN) and its saved state (STATE_*). Files a
// pull request can change (requirements, ml-image.yml) name variables to pass on to pip and to
// buildx; none of these may be among them.
const RUNNER_OWN = /^(ACTIONS|INPUT|STATE)_/i;
/** Whether NAME is one of the runner's own variables, never passed on. */
function isRunnerOwnVariable(name) {
    return RUNNER_OWN.test(name);
}
/** What an error says about one. */
const RUNNER_OWN_VARIABLE = "is one of the runner's own variables (ACTIONS_*, INPUT_*, STATE_*: the job's tokens and the action's inputs), never passed on";


/***/ }),

/***/ 92561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ isNameReference),
/* harmony export */   DH: () => (/* binding */ decoded),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   Nm: () => (/* binding */ HOST_TOKEN_WHERE),
/* harmony export */   gJ: () => (/* binding */ urlTokens),
/* harmony export */   u2: () => (/* binding */ isLiteralSecret)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38287);
// The secret parts of a URL, for a log masker (core.setSecret): a runner then hides them wherever
// they appear, also in what pip or buildx print verbatim, which redactText never sees. The parts
// are what the shared rules mask in text (images/probe/redaction-rules.json): the userinfo, the
// value of a query or fragment parameter named for a secret, Anaconda's /t/<token>/ segment,
// Cloudsmith's dl.cloudsmith.io/<token>/ (urlTokens.hostToken). The
// secret ones among them (not a plain user name, a placeholder, a short value, /t/ off Anaconda's
// hosts), written literally in a requirements file, are refused (requirements/credentials.ts).

/** A whole ${NAME} (pip's rule: upper-case letters, digits, _): pip fills it in, it is no secret. */
const NAME_REFERENCE = /^\$\{[A-Z0-9_]+\}$/;
/**
 * The shared rules skip a value that is a whole `${name}` of any case (a masker hides no less by
 * that; the query rule ignores case); pip fills in only a `${NAME}` (its ENV_VAR_RE), so here the
 * skip is taken out of the rule and urlTokens leaves out a whole `${NAME}` itself: a `${name}` of
 * another form is a value like any other, a token to judge (requirements/credentials.ts refuses it
 * as a reference pip does not fill in) and to mask.
 */
const RULE_SKIP = /\(\?!\\\$\\\{\[A-Za-z0-9_\]\+\\\}\(\?!\[\^[^\]]*\]\)\)/;
const withoutSkip = (pattern) => {
    if (!RULE_SKIP.test(pattern))
        throw new Error(`a redaction rule without its \${NAME} skip: ${pattern}`);
    return pattern.replace(RULE_SKIP, '');
};
const { span, query, pathToken, hostToken } = _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTION_RULES */ .iz.urlTokens;
const URL_SPAN = new RegExp(span);
const QUERY_SECRET_G = new RegExp(withoutSkip(query.pattern), query.ignoreCase ? 'gi' : 'g');
const PATH_TOKEN = new RegExp(withoutSkip(pathToken));
const HOST_TOKEN = new RegExp(withoutSkip(hostToken.pattern));
/** Where a host token is (UrlToken.where): the host's name and the segment, `dl.cloudsmith.io/<token>/`. */
const HOST_TOKEN_WHERE = `${hostToken.hint}/<token>/`;
const isNameReference = (part) => NAME_REFERENCE.test(part);
/**
 * The tokens of URL (from its first '://' to whitespace or '"') that the shared rules mask:
 * Anaconda's `/t/<token>/` segment right after the host, the first path segment on a host that
 * takes a token there (`dl.cloudsmith.io/<token>/`), and the value of each query or fragment
 * parameter named for a secret (`?token=`, `&sig=`, `X-Amz-Signature=`, also percent-encoded).
 * A value that is a whole `${NAME}` is not one (pip fills it in; a `${name}` of another form, which
 * pip sends as written, is); an empty one is given as such.
 */
function urlTokens(url) {
    const colon = url.indexOf('://');
    if (colon < 0)
        return [];
    const rest = URL_SPAN.exec(url.slice(colon))[0];
    const out = [];
    const t = PATH_TOKEN.exec(rest);
    if (t)
        out.push({ where: '/t/', value: t[2], at: colon + t.index + t[1].length });
    const h = HOST_TOKEN.exec(rest);
    if (h)
        out.push({ where: HOST_TOKEN_WHERE, value: h[2], at: colon + h.index + h[1].length });
    for (const m of rest.matchAll(QUERY_SECRET_G))
        out.push({ where: m[1], value: m[2], at: colon + m.index + m[1].length });
    return out.filter((x) => !isNameReference(x.value));
}
/** TEXT percent-decoded; undefined when it does not decode (a bare '%', as in `p%ss`). */
function decoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return undefined;
    }
}
/** Nothing in it, masked already, or a whole ${NAME} reference: nothing to mask. */
const noSecret = (part) => part === '' || part === _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF || part === _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .MASK */ .v5 || isNameReference(part);
/**
 * Whether PART of a URL (a password, a parameter's value) holds a value of its own: not empty, not
 * masked already, not a whole `${NAME}` reference (as written or percent-decoded).
 */
const isLiteralSecret = (part) => {
    const d = decoded(part);
    return !noSecret(part) && (d === undefined || !noSecret(d));
};
/**
 * Every secret part of URL, to mask in logs: its password, its user name where that is the secret
 * (no password, or a token's shape), the value of each query
 * or fragment parameter the shared rule names (`?token=`, `&X-Amz-Signature=`, `sig=`, also
 * percent-encoded, in a URL nested in the query), the token of an Anaconda `/t/<token>/`
 * segment right after the host, and a token host's first path segment (`dl.cloudsmith.io/<token>/`). Each is given as written in the URL (percent-encoded) and
 * decoded, when that differs; a part that does not decode (a bare '%') is given as written. Empty,
 * masked already or a whole `${NAME}` reference (in either form) is left out, and so is a form
 * shorter than MIN_CHARS (a mask that short would hide that text in every log line).
 */
function urlSecrets(url, minChars) {
    const parts = [];
    try {
        const u = new URL(url);
        // The user name only where it is the secret: no password (`https://TOKEN@host`, Gemfury's
        // `TOKEN:@`), or a token by its shape or before a public password (isTokenUser). A plain name
        // (`build`, `nexus`, `__token__`) masked in the log made a runner drop every job output naming it
        // (the config's "build": key) and masked innocent values holding it (/opt/conda).
        if (u.password === '' || (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .isTokenUser */ .Pj)(u.username, u.password))
            parts.push(u.username);
        parts.push(u.password);
    }
    catch {
        // No URL to the parser: no login pip would send. Its tokens are still found below.
    }
    for (const t of urlTokens(url))
        parts.push(t.value);
    const out = new Set();
    for (const raw of parts) {
        if (!isLiteralSecret(raw))
            continue;
        const d = decoded(raw);
        if (d !== undefined)
            out.add(d);
        out.add(raw);
    }
    return [...out].filter((s) => s.length >= minChars);
}


/***/ })

};
