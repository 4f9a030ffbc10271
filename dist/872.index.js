export const id = 872;
export const ids = [872];
export const modules = {

/***/ 99183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QJ: () => (/* binding */ pinnedImage),
/* harmony export */   Yx: () => (/* binding */ isPushed),
/* harmony export */   ef: () => (/* binding */ BUILD_RESULT_SCHEMA_VERSION),
/* harmony export */   fh: () => (/* binding */ BuildResultSchema),
/* harmony export */   rx: () => (/* binding */ pickVariant),
/* harmony export */   sk: () => (/* binding */ MaterialsSchema),
/* harmony export */   vp: () => (/* binding */ PlatformBuildSchema)
/* harmony export */ });
/* unused harmony exports FileDigestSchema, VariantBuildSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(64377);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90131);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17700);
/* harmony import */ var _config_short_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84790);
/* harmony import */ var _config_unique_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(85363);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
// BuildResult: what the build stage hands to capture/smoke/report (and writes as build.json).






/** An image reference (a tag the build pushed, a local tag, the base image), as docker reads it. */
const imageRef = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().refine((r) => (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .imageRefProblem */ .OD)(r) === undefined, {
    error: (iss) => `not an image reference: ${(0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .imageRefProblem */ .OD)(String(iss.input))}`,
});
const BUILD_RESULT_SCHEMA_VERSION = 1;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A file the build read, by the sha256 of its bytes: its path from the config's directory. */
const FileDigestSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ path: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1), sha256: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(SHA256_HEX) });
/**
 * The files the build stage read, by digest, when it read them (what provenance names: the attest
 * stage may run later, in another job, after the files changed). The same for every target of a
 * run. Older build.json files have none: the attest stage then reads the files as they are.
 */
const MaterialsSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    /** ml-image.yml (none when the config came from inputs or flags only). */
    config: FileDigestSchema.optional(),
    /** python.requirements with their -r includes and -c files, in the order read. */
    requirements: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(FileDigestSchema),
});
const PlatformBuildSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    /**
     * What the build built for: one of the platforms a config and plan.json may name (the build
     * stage builds only those), so that a reader (export's node selector) never sees another. Read
     * as a string: the stage's targets carry plan.json's platforms as strings.
     */
    platform: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().refine((p) => _config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .PLATFORMS */ .P4.includes(p), {
        error: `expected one of ${_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .PLATFORMS */ .P4.map((p) => JSON.stringify(p)).join(', ')} (a platform a build builds)`,
    }),
    /** The platform's image (where the build pushed an index with BuildKit's attestations, the image in it). */
    digest: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_RE */ .Vt),
    /** The index the build pushed around that image and BuildKit's attestation: what the merge lists. */
    indexDigest: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_RE */ .Vt).optional(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().nonnegative(),
    /** When the build finished (the provenance's finishedOn; older build.json files have none). */
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_5__/* .datetime */ .w$({ offset: true }).optional(),
    attempts: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive(),
    metadata: zod__WEBPACK_IMPORTED_MODULE_4__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_4__/* .unknown */ .L5J()),
    /**
     * Where the image is in the engine: the local tag of a load (push: false, or push and load), or
     * the docker driver's push tag (push and load). Only loaded unless `pushed` says otherwise.
     */
    localRef: imageRef.optional(),
    /**
     * The tags the loaded image carries besides localRef (a variant built for one platform is loaded
     * under its tags, as build-push-action's); absent when none (older build.json files have none).
     */
    loadedTags: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(imageRef).optional(),
    /**
     * Whether the build pushed the image (repository@digest is in the registry), loaded or not.
     * Older build.json files have none: pushed exactly when there is no localRef (isPushed).
     */
    pushed: zod__WEBPACK_IMPORTED_MODULE_4__/* .boolean */ .zMY().optional(),
    /**
     * The sha256 (hex) of the resolver's constraints this target's build got; absent when it got
     * none (no resolution) or, with no `materials` in build.json, when an older version built it.
     */
    constraintsSha256: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(SHA256_HEX).optional(),
});
const VariantBuildSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    /**
     * The config's variant name (a short name, as the config checks it): a build.json of another run
     * (a pull request's artifact) is read by export, devcontainer and the report, which put it into
     * job names, file names (env-<variant>-<arch>.json) and devcontainer.json's "name" (where the
     * devcontainer CLI expands ${localEnv:...}). Anything else is a tampered file: exit 2.
     */
    variant: (0,_config_short_name_js__WEBPACK_IMPORTED_MODULE_2__/* .shortName */ .E)('a variant name'),
    repository: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().refine((r) => (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryProblem */ .Ki)(r) === undefined, {
        error: (iss) => `not a repository: ${(0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryProblem */ .Ki)(String(iss.input))}`,
    }),
    /** Digest of the merged multi-arch manifest list; absent when not merged (merge: false, push: false). */
    digest: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().regex(_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_RE */ .Vt).optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(imageRef),
    /**
     * Each platform once: a reader takes the first of two, another digest than the other names. At
     * least one: the build records a variant once it built all of its platforms (a job exported
     * from a variant of none could never be collected).
     */
    platforms: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(PlatformBuildSchema)
        .min(1, {
        error: 'no platform: the build records a variant with each platform it built, and this names none',
    })
        .superRefine((ps, ctx) => (0,_config_unique_js__WEBPACK_IMPORTED_MODULE_6__/* .eachOnce */ .B)('platform')(ps.map((p) => p.platform), ctx)),
    baseImage: imageRef,
    baseDigest: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().optional(),
});
const BuildResultSchema = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_4__/* .literal */ .euz(BUILD_RESULT_SCHEMA_VERSION),
    /**
     * Each variant once: export and devcontainer took the first of two without a word (the job could
     * run another digest than the other entry names), and asked to pick one of "cpu, cpu".
     */
    variants: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(VariantBuildSchema).superRefine((vs, ctx) => (0,_config_unique_js__WEBPACK_IMPORTED_MODULE_6__/* .eachOnce */ .B)('variant')(vs.map((v) => v.variant), ctx)),
    materials: MaterialsSchema.optional(),
});
/**
 * Whether the build pushed P (its repository@digest is in the registry): what it recorded, else (a
 * build.json of an older version) when it left no local tag, as those versions meant it.
 */
const isPushed = (p) => p.pushed ?? p.localRef === undefined;
/**
 * The variant of BUILD (read from FILE, which errors name) that VARIANT (--variant) names, else
 * its only one; bad input (exit 2) otherwise. SEVERAL words a build of several variants when none
 * is named, before ": pick one with --variant" (export's and devcontainer's wordings differ).
 */
function pickVariant(build, file, variant, several) {
    const names = build.variants.map((v) => v.variant).join(', ') || '(none)';
    if (variant !== undefined) {
        const v = build.variants.find((x) => x.variant === variant);
        // The name is quoted as collect quotes it: a name holding a quote or a space stays one name.
        if (!v)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`--variant: no variant ${JSON.stringify(variant)} in ${file}; it has ${names}`);
        return v;
    }
    if (build.variants.length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${several(build.variants.length, names)}: pick one with --variant`);
    return build.variants[0];
}
/**
 * V's image pinned by digest (REPOSITORY@sha256:...) and the platforms it holds: the merged
 * manifest list's, else the pushed digest of a variant of one platform; undefined otherwise
 * (several platforms not merged have no digest that serves them all, even where one was pushed).
 */
function pinnedImage(v) {
    if (v.digest !== undefined)
        return { image: `${v.repository}@${v.digest}`, platforms: v.platforms.map((p) => p.platform) };
    const only = v.platforms.length === 1 ? v.platforms[0] : undefined;
    return only !== undefined && isPushed(only)
        ? { image: `${v.repository}@${only.digest}`, platforms: [only.platform] }
        : undefined;
}


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
/* unused harmony exports PackageDiffSchema, ComponentIdSchema, ComponentChangeSchema, EnvVarChangeSchema, LabelChangeSchema, SizeItemSchema, LayerItemSchema, SizeTopSchema, SizeChangeSchema, SizeExplanationSchema, SmokeTestChangeSchema, MetricDeltaSchema */
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
    /**
     * Set when the change loses a CUDA build (CudaLossSchema); absent when it keeps or gains one, or
     * loses only its label where that is none (EnvDiff lossesJudged; cudaLossOf).
     */
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
    /**
     * Set by a diff whose packages' cudaLoss is all there is to it (packageLoss: torchvision +cu121 ->
     * PyPI's unlabelled wheel beside a CUDA torch is none); absent in one an older version wrote,
     * whose losses are decided again from the labels (cudaLossOf). A flag, not a null cudaLoss, so
     * that an older release's reader (a pinned fork poster) still takes the model.
     */
    lossesJudged: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(true).optional(),
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
    /** Where the head's suites ran when not on the runner: a cluster job (`ml-image collect`). */
    ranOn: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** Why the head's run stopped before every test ran (its result's `interrupted`). */
    stopped: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
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

/***/ 80954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kd: () => (/* binding */ MAX_COMMENT_ARTIFACT_BYTES),
/* harmony export */   PA: () => (/* binding */ CommentArtifactSchema),
/* harmony export */   kb: () => (/* reexport safe */ _results_names_js__WEBPACK_IMPORTED_MODULE_8__.kb),
/* harmony export */   qZ: () => (/* binding */ COMMENT_ARTIFACT_SCHEMA_VERSION),
/* harmony export */   sB: () => (/* binding */ readCommentArtifact)
/* harmony export */ });
/* unused harmony export TrimmedListSchema */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20317);
/* harmony import */ var _util_read_bounded_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30790);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(92857);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(11012);
/* harmony import */ var _diff_schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2996);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _util_parse_input_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(91814);
/* harmony import */ var _results_names_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(78022);
/* harmony import */ var _model_schema_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(463);
// The fork-safe hand-off: a pull request from a fork runs with a read-only token, so its job
// writes the reports to an artifact and a privileged `workflow_run` job posts the comment.
// That job runs with write access on data an untrusted job produced: everything read here is
// bounded, validated, and checked against what the privileged job knows (repository, head SHA).
// The file is written through the results contract (src/results/comment.ts).











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
    _diff_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .PackageChangeSchema */ .cv.shape.kind,
    _diff_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .ChangeLevelSchema */ .sG.nullable(),
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
    tail: zod__WEBPACK_IMPORTED_MODULE_10__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_10__/* .union */ .KCZ([HiddenChangeSchema, _diff_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .PackageChangeSchema */ .cv])),
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
        /**
         * The run's variants with no report (no environment record of the build: renderRun's
         * unreported); absent when there are none (and in older versions). Escaped where shown.
         */
        unreported: zod__WEBPACK_IMPORTED_MODULE_10__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_10__/* .string */ .YjP().min(1).max(64))
            .max(MAX_REPORTS, { error: `expected at most ${MAX_REPORTS} variants` })
            .optional(),
        /** Package lists cut to fit the size limit; absent when none is (and in older versions). */
        trimmed: zod__WEBPACK_IMPORTED_MODULE_10__/* .array */ .YOg(TrimmedListSchema)
            .max(MAX_REPORTS * _model_schema_js__WEBPACK_IMPORTED_MODULE_9__/* .MAX_REPORT_PLATFORMS */ .Nd * 3)
            .optional(),
    });
}
/** Without a report schema the entries stay unknown (src/report/model.ts's ReportModelSchema fits here). */
const CommentArtifactSchema = artifactSchema(zod__WEBPACK_IMPORTED_MODULE_10__/* .unknown */ .L5J());
/** Read and validate `dir/ml-image-comment.json`, treating it as hostile input. */
function readCommentArtifact(dir, expected) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, _results_names_js__WEBPACK_IMPORTED_MODULE_8__/* .COMMENT_ARTIFACT_FILE */ .kb);
    const maxBytes = expected.maxBytes ?? MAX_COMMENT_ARTIFACT_BYTES;
    const text = readBounded(file, maxBytes);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        // By line and column only: V8's message quotes the text, which a fork's run wrote.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: not JSON: ${(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonSyntaxProblem */ .F1)(text, e)}`);
    }
    const version = data?.schemaVersion;
    if (typeof version === 'number' && version !== COMMENT_ARTIFACT_SCHEMA_VERSION) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: schemaVersion: expected ${COMMENT_ARTIFACT_SCHEMA_VERSION}, got ${version}`, 'the pull-request job and the poster workflow use different versions of ml-image-action: pin both to the same one');
    }
    const schema = artifactSchema(expected.reportSchema ?? zod__WEBPACK_IMPORTED_MODULE_10__/* .unknown */ .L5J());
    // A list of a million bad entries (a package list's tail) overflowed zod's issue gathering.
    const parsed = (0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_7__/* .safeParseInput */ .$F)(schema, data, file, 'the artifact is not one ml-image wrote: refusing to post it');
    if (!parsed.success) {
        const problems = (0,_config_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .formatIssues */ .og)(parsed.error, data, schema);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: not a comment artifact: ${problems.slice(0, 5).join('; ')}`);
    }
    const artifact = parsed.data;
    if (artifact.repository.toLowerCase() !== expected.repository.toLowerCase()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: repository: expected ${JSON.stringify(expected.repository)}, got ${JSON.stringify(artifact.repository)}`, 'the artifact was written for another repository: refusing to post it here');
    }
    if (expected.headSha !== undefined && artifact.headSha !== expected.headSha.toLowerCase()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: headSha: expected ${expected.headSha} (the workflow run's head SHA), got ${artifact.headSha}`, 'the artifact does not belong to the run that triggered this workflow');
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: not found`, 'download the "ml-image-comment" artifact of the triggering run into this folder');
        if (code === 'ELOOP')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: is a symbolic link; refusing to follow it`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: cannot open: ${e.message}`);
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!st.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: not a regular file`);
        if (st.size > maxBytes)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: ${st.size} bytes, over the ${maxBytes}-byte limit`);
        // One byte more than fstat said: a file that grows between fstat and read is refused, never read unbounded.
        const buf = (0,_util_read_bounded_js__WEBPACK_IMPORTED_MODULE_2__/* .readBounded */ .C)(fd, st.size + 1);
        if (buf.length > st.size)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .dz(`${file}: changed while being read; refusing it`);
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
/** os/arch[/variant] (the config's platforms): a fork's artifact can name no other text here. */
const platformName = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .max(64)
    .regex(/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9.]+)?$/, 'expected a platform such as linux/arm64');
const PlatformReportSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    platform: platformName,
    head: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvSummarySchema */ .Jt,
    base: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvSummarySchema */ .Jt.nullable(),
    /** null: no base record for this platform. */
    diff: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvDiffSchema */ .KK.nullable(),
    /** null: no smoke result for this PR. */
    smoke: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .SmokeDiffSchema */ .Iy.nullable(),
})
    .refine((p) => (p.base === null) === (p.diff === null), {
    // buildReportModel diffs exactly the platforms with a base record. A forged model with one and
    // not the other made the overview's header of one shape and its rows of the other (a broken table).
    error: 'expected base and diff both null (no base record) or both set',
    path: ['diff'],
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
    /**
     * Platforms the baseline has records of and this config no longer builds (a pull request that
     * drops linux/arm64); absent: none, or no baseline.
     */
    droppedPlatforms: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(platformName).max(MAX_REPORT_PLATFORMS).optional(),
    /** Platforms this run built and has no record of (their capture failed); absent: none. */
    unreportedPlatforms: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(platformName).max(MAX_REPORT_PLATFORMS).optional(),
});


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
/* harmony export */   $A: () => (/* binding */ DEVCONTAINER_DIR),
/* harmony export */   $v: () => (/* binding */ resolutionFile),
/* harmony export */   CQ: () => (/* binding */ ATTEST_DIR),
/* harmony export */   D: () => (/* binding */ attestationFile),
/* harmony export */   KX: () => (/* binding */ OWN_SUBDIRS),
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
/* unused harmony exports isEnvRecordFile, commentArtifactFile */
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
/** The fork-safe comment artifact, in COMMENT_DIR (written by ./comment.ts, read by src/report/artifact.ts). */
const COMMENT_ARTIFACT_FILE = 'ml-image-comment.json';
const ATTEST_FILE = 'attest.json';
const ATTEST_DIR = 'attest';
const DEVCONTAINER_DIR = 'devcontainer';
/** The directories the tool makes in a result directory: never links (src/util/own-dir.ts). */
const OWN_SUBDIRS = [DIGESTS_DIR, ATTEST_DIR, COMMENT_DIR, DEVCONTAINER_DIR];
const RECORD_KINDS = ['env', 'smoke', 'junit', 'smoke-key'];
const extension = (kind) => (kind === 'junit' ? 'xml' : kind === 'smoke-key' ? 'txt' : 'json');
/** env-<variant>-<arch>.json, smoke-..., junit-...xml, smoke-key-...txt */
const recordFile = (kind, variant, platform) => `${kind}-${variant}-${(0,_config_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .archOf */ .Qh)(platform)}.${extension(kind)}`;
/** Whether NAME is an environment record's file name (env-<variant>-<arch>.json), of any target. */
const isEnvRecordFile = (name) => /^env-.+\.json$/.test(name);
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

/***/ 95899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oS: () => (/* reexport */ results_names/* BUILD_FILE */.oS),
  NR: () => (/* reexport */ results_names/* envelopeFile */.NR),
  gH: () => (/* binding */ noBuildFile),
  lR: () => (/* binding */ openResultDir),
  g7: () => (/* binding */ readDigestFiles),
  mR: () => (/* reexport */ results_names/* recordFile */.mR)
});

// UNUSED EXPORTS: ATTEST_DIR, ATTEST_FILE, COMMENT_ARTIFACT_FILE, COMMENT_DIR, DEVCONTAINER_DIR, DigestFileSchema, OWN_SUBDIRS, PLAN_FILE, RECORD_KINDS, RUN_REPORT_FILE, attestationFile, commentArtifactFile, devcontainerFile, digestFile, digestFiles, isEnvRecordFile, readBuildResult, reportFile, resolutionFile

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
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/capture/record.ts
var capture_record = __webpack_require__(66917);
// EXTERNAL MODULE: ./src/config/issues.ts
var config_issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/devcontainer/devcontainer-schema.ts
// The devcontainer.json this tool writes (https://containers.dev/implementors/json_reference/): the
// fields devcontainer.ts sets, checked by the results contract before it writes the file
// (devcontainer/<variant>/devcontainer.json). The format is the Dev Containers spec's, so it has
// no schemaVersion of ours.

const DevcontainerJsonSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP(),
    image: schemas/* string */.YjP().min(1),
    remoteUser: schemas/* string */.YjP().optional(),
    updateRemoteUserUID: schemas/* literal */.euz(true),
    runArgs: schemas/* array */.YOg(schemas/* string */.YjP()),
    hostRequirements: schemas/* strictObject */.rej({ gpu: schemas/* boolean */.zMY() }).optional(),
    mounts: schemas/* array */.YOg(schemas/* string */.YjP()),
    forwardPorts: schemas/* array */.YOg(schemas/* number */.aig().int().positive()).optional(),
    portsAttributes: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* strictObject */.rej({ label: schemas/* string */.YjP(), onAutoForward: schemas/* enum */.k5n(['notify', 'silent']) }))
        .optional(),
});

// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
// EXTERNAL MODULE: ./src/report/model-schema.ts
var model_schema = __webpack_require__(463);
// EXTERNAL MODULE: ./src/resolve/result.ts
var resolve_result = __webpack_require__(83447);
// EXTERNAL MODULE: ./src/smoke/result.ts
var smoke_result = __webpack_require__(3228);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/util/own-dir.ts
var own_dir = __webpack_require__(91326);
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
        throw new errors/* InputError */.dz(`${source}: not ${aOrAn(kind.what)} (expected a JSON object, got ${describe(json)})`);
    }
    // Before the version: another kind of file (each has its own versions, or none) is named as what
    // it is, not as one of a version newer than this tool reads.
    const other = hasKeys(json, kind.keys) ? undefined : kind.others.find((o) => hasKeys(json, o.keys));
    if (other !== undefined)
        throw new errors/* InputError */.dz(`${source}: not ${aOrAn(kind.what)}: it is ${aOrAn(other.what)}`);
    const version = json.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new errors/* InputError */.dz(`${source}: schemaVersion: expected a positive integer, got ${describe(version)} (is this ${aOrAn(kind.what)}?)`);
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
    const parsed = (0,parse_input/* safeParseInput */.$F)(kind.schema, record, source);
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
        others: [{ what: SMOKE_RESULT, keys: SMOKE_KEYS }, ...WRITTEN_BESIDE],
    });
}
function readSmokeResult(json, source) {
    return read(json, source, {
        what: SMOKE_RESULT,
        current: smoke_result/* SMOKE_RESULT_SCHEMA_VERSION */.Nn,
        migrations: SMOKE_RESULT_MIGRATIONS,
        schema: smoke_result/* SmokeResultSchema */.wp,
        keys: SMOKE_KEYS,
        others: [{ what: ENV_RECORD, keys: ENV_KEYS }, ...WRITTEN_BESIDE],
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
    const parsed = (0,parse_input/* safeParseInput */.$F)(schema, data, file);
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
var results_names = __webpack_require__(78022);
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

;// CONCATENATED MODULE: ./src/results/attest-files.ts
// The attest stage's files in a result directory: each predicate as attached
// (attest/<variant>-<arch>.<kind>.json), the signed envelopes (….dsse.json), both written in the
// background, and an earlier run's envelopes taken back (results.ts's ResultDir has these).









/** A predicate is a JSON object (its own schema is checked where it is built). */
const PredicateSchema = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J());
/** The attest stage's files in ROOT: predicates and envelopes, written in the background. */
function attestFiles(root, label) {
    const at = (name) => external_node_path_default().join(root, name);
    // async: a link in the way is the write's rejection, as its other failures are.
    const writeLater = async (name, content) => (0,json_file/* writeFileAtomicLater */.nO)((0,own_dir/* ownFilePath */.u3)(root, name, label), content, label, false);
    return {
        // Copies of what is attached to the image: no fsync, and off node's thread (the attest stage
        // writes a dozen of them while it signs and the registry answers).
        writeAttestation: (v, p, kind, predicate) => {
            const file = at((0,results_names/* attestationFile */.D)(v, p, kind));
            const text = (0,redact/* redactUrls */.sK)(json(checked(PredicateSchema, predicate, file)));
            return { file, text, written: writeLater((0,results_names/* attestationFile */.D)(v, p, kind), text) };
        },
        // Signed bytes: written as they are (the signature covers them; a statement holds no URL
        // credentials, every attestation is scrubbed before it is signed).
        writeEnvelope: (v, p, kind, envelope) => {
            const name = (0,results_names/* envelopeFile */.NR)(v, p, kind);
            return { file: at(name), written: writeLater(name, envelope) };
        },
        envelopeNames: () => new Set(envelopeNames(at(results_names/* ATTEST_DIR */.CQ))),
        takeEnvelopes: () => {
            // The earlier attest.json names them: it goes too (a stage stopped by a signal leaves none).
            (0,external_node_fs_.rmSync)(external_node_path_default().join(root, results_names/* ATTEST_FILE */.nq), { force: true });
            const taken = new Map();
            for (const name of envelopeNames(at(results_names/* ATTEST_DIR */.CQ))) {
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
/**
 * The envelope files in DIR (attest/), by their names relative to the result directory; none
 * through a link (never read, nor removed, where it points: the stage's writes refuse it).
 */
function envelopeNames(dir) {
    try {
        if (!(0,own_dir/* isOwnDir */.GN)(dir))
            return [];
        return (0,external_node_fs_.readdirSync)(dir)
            .filter((n) => n.endsWith('.dsse.json'))
            .map((n) => external_node_path_default().join(results_names/* ATTEST_DIR */.CQ, n));
    }
    catch {
        return []; // no attest/ yet
    }
}

// EXTERNAL MODULE: ./src/report/artifact.ts
var artifact = __webpack_require__(80954);
;// CONCATENATED MODULE: ./src/results/comment.ts
// Writing the fork-safe comment artifact (comment/ml-image-comment.json): its schema, size limit
// and reader are the report stage's (src/report/artifact.ts); the file is written here, as every
// other file of a result directory is.








/**
 * Write `dir/ml-image-comment.json`; returns the file. Validates first: the poster would reject it
 * anyway. The report stage fits the reports under the size limit first (fitCommentArtifact).
 */
function writeCommentArtifact(dir, payload) {
    const file = external_node_path_default().join(dir, results_names/* COMMENT_ARTIFACT_FILE */.kb);
    const parsed = artifact/* CommentArtifactSchema */.PA.safeParse(payload);
    if (!parsed.success) {
        throw new errors/* InputError */.dz(`${file}: cannot write the comment artifact: ${(0,config_issues/* formatIssues */.og)(parsed.error, payload, artifact/* CommentArtifactSchema */.PA).join('; ')}`);
    }
    const text = `${JSON.stringify(parsed.data)}\n`;
    if (Buffer.byteLength(text) > artifact/* MAX_COMMENT_ARTIFACT_BYTES */.Kd) {
        throw new errors/* InputError */.dz(`${file}: the reports are ${Buffer.byteLength(text)} bytes, over the ${artifact/* MAX_COMMENT_ARTIFACT_BYTES */.Kd}-byte limit the poster accepts`, 'report fewer variants per job');
    }
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    (0,json_file/* writeFileAtomic */.Zf)(file, (0,redact/* redactUrls */.sK)(text), file);
    return file;
}

;// CONCATENATED MODULE: ./src/results/remove.ts
// Removing an earlier run's files from a result directory: a file this run has nothing to put in
// place of must not stay beside this run's. A run whose smoke stage recorded nothing, for one, must
// not leave the previous image's report (another digest, perhaps "pass") beside its own build.json,
// where an upload step would take it.






/**
 * FILE removed when it is there; one that cannot be (a directory, no permission) is bad input
 * naming it, LABEL first and WHAT it is (an earlier run's "result", "report").
 */
function removeFile(file, label, what = 'result') {
    try {
        (0,external_node_fs_.rmSync)(file, { force: true });
    }
    catch (e) {
        throw new errors/* InputError */.dz(`${label}: cannot remove ${file}, an earlier run's ${what}: ${String(e.message ?? e).split('\n')[0]}`, 'remove it yourself, or pass another result directory', { cause: e });
    }
}
/** report-<variant>.md and .json: a variant's report. */
const variantReportFiles = (variant) => [
    (0,results_names/* reportFile */.rn)(variant, 'md'),
    (0,results_names/* reportFile */.rn)(variant, 'json'),
];
/** report.md and the fork-safe comment payload: the run's report. */
const runReportFiles = () => [
    results_names/* RUN_REPORT_FILE */.SC,
    external_node_path_default().join(results_names/* COMMENT_DIR */.MG, results_names/* COMMENT_ARTIFACT_FILE */.kb),
];
/**
 * The report stage's NAMES (relative to ROOT) removed where they are; returns the ones that were
 * there. One that cannot be removed (a directory of that name, no permission) is bad input naming it.
 */
function removeReports(root, names) {
    const removed = [];
    for (const name of names) {
        const file = external_node_path_default().join(root, name);
        // Never through a link at comment/ (a checkout's): the file where it points is not this run's.
        if (external_node_path_default().dirname(name) !== '.' && !(0,own_dir/* isOwnDir */.GN)(external_node_path_default().join(root, external_node_path_default().dirname(name))))
            continue;
        if (!(0,external_node_fs_.existsSync)(file) && !(0,own_dir/* isLink */.PJ)(file))
            continue;
        removeFile(file, root, 'report');
        removed.push(name);
    }
    return removed;
}
/** A devcontainer.json is a few hundred bytes; a bigger file is not one ml-image wrote. */
const MAX_DEVCONTAINER_BYTES = 64 * 1024;
/**
 * Every ROOT/devcontainer/<name>/devcontainer.json whose text OURS says this tool wrote, removed;
 * returns the files removed. One it did not write, one unreadable or too big, and any under a link
 * (planted by a checkout: it would lead the removal out of the result directory) are kept.
 */
function removeDevcontainers(root, ours) {
    let names;
    const top = external_node_path_default().join(root, results_names/* DEVCONTAINER_DIR */.$A);
    if (!(0,own_dir/* isOwnDir */.GN)(top))
        return [];
    try {
        names = (0,external_node_fs_.readdirSync)(top);
    }
    catch {
        return []; // no devcontainer/ there
    }
    const removed = [];
    for (const name of names) {
        const file = external_node_path_default().join(root, (0,results_names/* devcontainerFile */.n3)(name));
        try {
            if (!(0,own_dir/* isOwnDir */.GN)(external_node_path_default().dirname(file)) || !(0,external_node_fs_.lstatSync)(file).isFile())
                continue;
            if (!ours((0,read_regular/* readRegularFile */.XF)(file, MAX_DEVCONTAINER_BYTES).toString('utf8')))
                continue;
            (0,external_node_fs_.rmSync)(file, { force: true });
            removed.push(file);
        }
        catch {
            // Not there, unreadable or too big: not a file this tool wrote, left as it is.
        }
    }
    return removed;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var util_cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/util/temp-owner.ts
var temp_owner = __webpack_require__(22238);
;// CONCATENATED MODULE: ./src/results/owner-lock.ts
// The owner lock of a result directory: one process at a time writes a directory's results. Two
// runs given one --out (or result-dir) on one machine wrote each other's files without a word: one
// run's report-<variant>.md and env-*.json held the other's image, and a baseline saved under one
// run's key could hold the other's records. The lock is a file in the directory holding its
// writer's owner stamp (temp-owner.ts); a later writer refuses while that writer certainly still
// runs, and takes the lock over when it is gone, or cannot be told (another pid namespace, no
// /proc, a broken file): a lock that cannot be judged never blocks a run. Linux only (/proc):
// elsewhere no lock is taken, as no stamp can be written.








/**
 * The lock's file in a result directory: a dotfile, named as a temp root's stamp. Kept out of what
 * is uploaded (upload-artifact leaves hidden files out) and of every listing the stages read (each
 * reads the names it wrote, never "every file").
 */
const RESULT_DIR_LOCK = temp_owner/* OWNER_FILE */.Zl;
/** The lock's content: its writer's stamp and when it took the lock. */
const LockSchema = temp_owner/* OwnerStampSchema */.sF.extend({ since: schemas/* string */.YjP().optional() });
/** How often a take re-judges after losing a race (another taker won, or took the lock over). */
const TAKE_TRIES = 5;
/** The refusal: HOLDER (another process, certainly running) holds ROOT's lock. */
function heldBy(root, holder, words) {
    const flag = words.flag ?? '--out DIR';
    const since = holder.since !== undefined ? `, since ${holder.since}` : '';
    return new errors/* InputError */.dz(`${words.label}: ${root} is in use: another ml-image run (pid ${holder.pid}${since}) is writing its results there; two runs in one result directory would write each other's files`, `${flag.startsWith('-') ? `pass another ${flag}` : `set ${flag} to another directory`} (or wait for that run)`);
}
/**
 * Remove the lock file whose text was TEXT (a holder judged gone or unjudgeable): it is moved aside
 * first, and put back when what was moved is another (a taker that won meanwhile), so that a lock
 * just taken is never removed for the one judged before it.
 */
function removeJudged(file, text) {
    const aside = `${file}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    try {
        (0,external_node_fs_.renameSync)(file, aside);
    }
    catch {
        return; // gone already: removed by another taker
    }
    if ((0,temp_owner/* stampFileText */.rN)(aside) !== text) {
        try {
            (0,external_node_fs_.linkSync)(aside, file);
        }
        catch {
            // a third taker linked meanwhile: its lock stands
        }
    }
    (0,external_node_fs_.rmSync)(aside, { force: true });
}
/**
 * Take ROOT's lock for TAKER: true when taken by this call; false when TAKER holds it already, or
 * it cannot be taken here (a file system without hard links, a folder in its place): no lock then,
 * the run goes on. A holder that certainly still runs is an InputError (exit 2) naming it.
 */
function takeOwnerLock(root, words, taker) {
    const file = external_node_path_default().join(root, RESULT_DIR_LOCK);
    const mine = JSON.stringify({ ...taker.stamp, since: new Date().toISOString() });
    // Written whole before it is linked in: a reader never sees half a lock.
    const temp = `${file}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    try {
        (0,external_node_fs_.writeFileSync)(temp, mine, { mode: 0o600, flag: 'wx' });
    }
    catch (e) {
        // Made but not written (a full disk): none is left.
        if (e.code !== 'EEXIST')
            (0,external_node_fs_.rmSync)(temp, { force: true });
        return false;
    }
    try {
        for (let i = 0; i < TAKE_TRIES; i++) {
            taker.step?.('link');
            try {
                (0,external_node_fs_.linkSync)(temp, file);
                return true;
            }
            catch (e) {
                if (e.code !== 'EEXIST')
                    return false;
            }
            const text = (0,temp_owner/* stampFileText */.rN)(file);
            const holder = text === undefined ? undefined : (0,temp_owner/* parseStamp */.Pu)(text, LockSchema);
            if (holder !== undefined && (0,temp_owner/* sameOwner */.s0)(holder, taker.stamp))
                return false;
            if (holder !== undefined && (0,temp_owner/* stampedOwnerAlive */.vx)(holder, taker.procDir))
                throw heldBy(root, holder, words);
            // A folder in its place is no lock of ours to remove: none is taken.
            if ((0,read_regular/* isDirectoryAt */.j1)(file, true))
                return false;
            taker.step?.('take-over');
            removeJudged(file, text);
        }
        return false;
    }
    finally {
        (0,external_node_fs_.rmSync)(temp, { force: true });
    }
}
/**
 * The result directories this process holds: the stamp each lock holds, and how to take its
 * release off the cleanups (releaseResultDirs releases it earlier).
 */
const held = new Map();
/** Remove ROOT's lock when it is still STAMP's (never another process's that took it over). */
function release(root, stamp) {
    held.delete(root);
    const file = external_node_path_default().join(root, RESULT_DIR_LOCK);
    const holder = (0,temp_owner/* readStampFile */.E8)(file, LockSchema);
    if (holder === undefined || !(0,temp_owner/* sameOwner */.s0)(holder, stamp))
        return;
    try {
        (0,external_node_fs_.unlinkSync)(file);
    }
    catch {
        // removed already (the directory with it)
    }
}
let releasedAtExit = false;
/**
 * After SIGINT/SIGTERM/SIGHUP the cleanups run first, then the command unwinds (cleanup.ts
 * settleBeforeExit) and writes what it has there (a partial smoke.json, junit.xml): the directories
 * stay held until the command ends (runCli's releaseResultDirs) or the process exits, whichever
 * comes first. Released by the first cleanup pass, another run could take one meanwhile and have
 * this one's last files written into its own results.
 */
function releaseAtExit() {
    if (releasedAtExit)
        return;
    releasedAtExit = true;
    process.once('exit', releaseResultDirs);
}
/**
 * Hold ROOT (a result directory this process writes) until the command ends (releaseResultDirs) or
 * the process does: its lock is released by the cleanups (registerCleanup: at exit and on failure),
 * and on SIGINT/SIGTERM/SIGHUP when the command has ended (releaseAtExit). Re-entrant: a directory
 * held already is held on. Nothing without /proc (PROC_DIR), where no stamp can be made.
 */
function holdResultDir(root, words, procDir = '/proc') {
    const key = external_node_path_default().resolve(root);
    if (held.has(key))
        return;
    const stamp = (0,temp_owner/* ownStamp */.Y8)(procDir);
    if (stamp === undefined)
        return;
    if (!takeOwnerLock(key, words, { stamp, procDir }))
        return;
    const cleanup = () => ((0,util_cleanup/* isInterrupted */.fT)() ? releaseAtExit() : release(key, stamp));
    held.set(key, { stamp, unregister: (0,util_cleanup/* registerCleanup */.qE)(cleanup) });
}
/**
 * Release every result directory this process holds, now: a command run in a process that goes on
 * (runCli's end; tests run many) leaves no lock behind it, nor a directory held for the next.
 */
function releaseResultDirs() {
    for (const [root, { stamp, unregister }] of [...held]) {
        unregister();
        release(root, stamp);
    }
}

;// CONCATENATED MODULE: ./src/results/results.ts
// The result-directory contract: every file the stages hand each other (and the jobs of a matrix
// hand each other as artifacts), its name (names.ts, where the table of them is), and the schema it
// is written and read through.
//
// Every write is atomic (a later run never trusts a half-written file) and free of URL credentials
// (a torch index URL with a token in the plan, for instance); every value is checked against its
// schema before it is written and parsed when it is read back (./read.ts), always through a ResultDir.
// This module is a leaf: stages import it, it imports only schemas.

























// ---- names: names.ts, re-exported with the readers and writers ------------------------------------

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
/** The env, smoke and smoke-key files of a target in ROOT that exist (what a baseline saves). */
const existingRecords = (root, variant, platform) => ['env', 'smoke', 'smoke-key']
    .map((k) => external_node_path_default().join(root, (0,results_names/* recordFile */.mR)(k, variant, platform)))
    .filter((f) => (0,external_node_fs_.existsSync)(f));
/**
 * The result directory `dir`, created when missing (`create: false`: only checked, for a directory
 * that is read from); `label` names it in messages, e.g. "--out x". One that is written is held by
 * this process to its end (owner-lock.ts): another run writing there now is refused (exit 2).
 */
function openResultDir(dir, label = 'result-dir', 
/**
 * flag: how the fix names the option that gives the directory (default "--out DIR"). lock: false
 * for a private temp dir of the run's own (the lock goes with `create`).
 */
opts = {}) {
    const root = (0,json_file/* ensureResultDir */.dc)(dir, label, opts);
    // A run that writes results refuses a linked subdirectory before its work, not at its end.
    if (opts.create !== false)
        (0,own_dir/* refuseLinkedSubdirs */.UQ)(root, results_names/* OWN_SUBDIRS */.KX, label);
    if (opts.create !== false && opts.lock !== false)
        holdResultDir(root, { label, ...(opts.flag !== undefined && { flag: opts.flag }) });
    const at = (name) => external_node_path_default().join(root, name);
    const write = (name, content, l = label, durable = true) => (0,json_file/* writeFileAtomic */.Zf)((0,own_dir/* ownFilePath */.u3)(root, name, label), (0,redact/* redactUrls */.sK)(content), l, durable);
    const writeJson = (name, schema, value, l, durable = true) => write(name, json(checked(schema, value, at(name))), l, durable);
    const records = (variant, platform) => existingRecords(root, variant, platform);
    return {
        dir: root,
        writePlan: (plan) => writeJson(results_names/* PLAN_FILE */.VI, schema/* PlanSchema */.fB, plan),
        readPlan: (as) => readPlanFile(at(results_names/* PLAN_FILE */.VI), as),
        writeResolution: (v, p, r) => writeJson((0,results_names/* resolutionFile */.$v)(v, p), resolve_result/* ResolutionSchema */.Cg, r),
        readResolution: (v, p) => readResolutionFile(at((0,results_names/* resolutionFile */.$v)(v, p))),
        removeResolution: (v, p) => removeFile(at((0,results_names/* resolutionFile */.$v)(v, p)), label),
        writeBuild: (build) => writeJson(results_names/* BUILD_FILE */.oS, result/* BuildResultSchema */.fh, build),
        removeBuild: () => removeFile(at(results_names/* BUILD_FILE */.oS), label),
        readBuild: (as) => readBuildFile(at(results_names/* BUILD_FILE */.oS), as),
        hasBuild: () => (0,external_node_fs_.existsSync)(at(results_names/* BUILD_FILE */.oS)),
        writeDigests: (build) => {
            const files = digestFiles(build).map((d) => [(0,results_names/* digestFile */.TM)(d.variant, d.build.platform), d]);
            (0,json_file/* checkReplaceable */.X7)(files.map(([name]) => at(name)), label); // none written if one cannot be
            for (const [name, d] of files)
                writeJson(name, DigestFileSchema, d);
        },
        writeEnv: (v, p, record, l) => writeJson((0,results_names/* recordFile */.mR)('env', v, p), capture_record/* EnvRecordSchema */.iv, record, l),
        readEnv: (v, p) => readEnvFile(at((0,results_names/* recordFile */.mR)('env', v, p))),
        writeSmoke: (v, p, result, l) => {
            (0,json_file/* checkReplaceable */.X7)([at((0,results_names/* recordFile */.mR)('smoke', v, p)), at((0,results_names/* recordFile */.mR)('junit', v, p))], l ?? label);
            writeJson((0,results_names/* recordFile */.mR)('smoke', v, p), smoke_result/* SmokeResultSchema */.wp, result, l);
            write((0,results_names/* recordFile */.mR)('junit', v, p), (0,smoke_result/* toJUnit */.U5)(result), l);
        },
        readSmoke: (v, p) => readSmokeFile(at((0,results_names/* recordFile */.mR)('smoke', v, p))),
        writeSmokeKey: (v, p, key, l) => write((0,results_names/* recordFile */.mR)('smoke-key', v, p), `${checked(SmokeKeySchema, key, (0,results_names/* recordFile */.mR)('smoke-key', v, p))}\n`, l),
        readSmokeKey: (v, p) => readSmokeKeyFile(at((0,results_names/* recordFile */.mR)('smoke-key', v, p))),
        removeSmokeKey: (v, p) => removeFile(at((0,results_names/* recordFile */.mR)('smoke-key', v, p)), label),
        hasEnv: (v, p) => (0,external_node_fs_.existsSync)(at((0,results_names/* recordFile */.mR)('env', v, p))),
        recordFiles: records,
        removeRecords: (v, p) => {
            for (const kind of results_names/* RECORD_KINDS */.eO)
                removeFile(at((0,results_names/* recordFile */.mR)(kind, v, p)), label);
        },
        writeReport: (variant, markdown, model) => {
            write((0,results_names/* reportFile */.rn)(variant, 'md'), markdown);
            writeJson((0,results_names/* reportFile */.rn)(variant, 'json'), model_schema/* ReportModelSchema */.R9, model);
            return at((0,results_names/* reportFile */.rn)(variant, 'md'));
        },
        writeRunReport: (markdown) => (write(results_names/* RUN_REPORT_FILE */.SC, markdown), at(results_names/* RUN_REPORT_FILE */.SC)),
        checkReportTargets: (variants) => (0,json_file/* checkReplaceable */.X7)([...variants.flatMap(variantReportFiles), ...runReportFiles()].map(at), label),
        writeComment: (payload) => {
            const dir = (0,own_dir/* ownSubdir */.C$)(root, results_names/* COMMENT_DIR */.MG, label);
            writeCommentArtifact(dir, payload);
            return dir;
        },
        removeVariantReport: (variant) => removeReports(root, variantReportFiles(variant)),
        removeRunReport: () => removeReports(root, runReportFiles()),
        ...attestFiles(root, label),
        writeDevcontainer: (variant, definition) => {
            writeJson((0,results_names/* devcontainerFile */.n3)(variant), DevcontainerJsonSchema, definition);
            return at((0,results_names/* devcontainerFile */.n3)(variant));
        },
        removeDevcontainers: (ours) => removeDevcontainers(root, ours),
        writeAttest: (result) => writeJson(results_names/* ATTEST_FILE */.nq, attest_result/* AttestResultSchema */.uv, result),
        readAttest: () => readAttestFile(at(results_names/* ATTEST_FILE */.nq)),
    };
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
/**
 * The refusal of DIR (LABEL names it, FIX says where a build.json comes from) when it holds no
 * build.json. DIR that is a file (build.json itself, given for the directory that holds it) is said
 * to be one, with that directory: "no build.json in .../build.json" and a fix to write one was no help.
 */
function noBuildFile(dir, label, fix) {
    const st = (0,read_regular/* statPath */.qW)(dir);
    if (typeof st === 'object' && st.isFile())
        return new errors/* InputError */.dz(`${label}: ${dir} is a file, not a result directory`, `name the directory that holds ${results_names/* BUILD_FILE */.oS} (${external_node_path_default().dirname(dir)}), not the file`);
    return new errors/* InputError */.dz(`${label}: no ${results_names/* BUILD_FILE */.oS} in ${dir}`, fix);
}
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
        const parsed = (0,parse_input/* boundedSafeParse */.Aw)(DigestFileSchema, data);
        if ('overflow' in parsed)
            throw new errors/* InputError */.dz(`${file}: not a digest file: too many problems to list (zod ran out of stack)`);
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
/* harmony export */   R: () => (/* binding */ verifiedLocalImage),
/* harmony export */   a: () => (/* binding */ isRecordedImage)
/* harmony export */ });
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

/***/ 91326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C$: () => (/* binding */ ownSubdir),
/* harmony export */   GN: () => (/* binding */ isOwnDir),
/* harmony export */   PJ: () => (/* binding */ isLink),
/* harmony export */   UQ: () => (/* binding */ refuseLinkedSubdirs),
/* harmony export */   t0: () => (/* binding */ refuseLinkUnder),
/* harmony export */   u3: () => (/* binding */ ownFilePath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _json_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20317);
// The directories inside a result directory (digests/, attest/, comment/, devcontainer/<variant>/)
// are made by the tool and never followed as links. The default result directory sits in the
// workspace, where a checked-out pull request could carry `ml-image-results/comment` as a link to
// any directory of the runner: a write through it would put the tool's files there (a rename
// replaces a file of that name), and a removal would remove one. The result directory itself is
// the user's to choose (the CLI's --out, a result-dir outside the workspace), link or not; the
// action refuses one in the workspace that is a link or lies under one (refuseLinkUnder).




/**
 * ROOT/REL, each directory of REL made when missing; a component that is a link or not a directory
 * is bad input naming it (exit 2): nothing is written through it. `label` names the result
 * directory in messages (e.g. "--out out").
 */
function ownSubdir(root, rel, label) {
    let at = root;
    for (const part of rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.')) {
        at = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(at, part);
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(at);
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw (0,_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeError */ .oG)(e, at, label);
        }
        if (st === undefined) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(at);
            }
            catch (e) {
                // Made meanwhile by a concurrent write of the same run: checked again below.
                if (e.code !== 'EEXIST')
                    throw (0,_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeError */ .oG)(e, at, label);
                st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(at);
            }
        }
        if (st?.isSymbolicLink())
            throw linkRefused(at, label);
        if (st !== undefined && !st.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${label}: ${at} exists and is not a directory; the tool writes its results there`, `remove it and run again, or pass another result directory`);
    }
    return at;
}
/** The file REL under ROOT, its directories made by ownSubdir: where a result file is written. */
function ownFilePath(root, rel, label) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(ownSubdir(root, node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(rel), label), node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(rel));
}
/**
 * The directories NAMES of ROOT that are links, refused at once (exit 2): a run that writes results
 * says so before it builds and pushes, not when it first writes there at its end.
 */
function refuseLinkedSubdirs(root, names, label) {
    // One not there is made when first written; one unreadable, that write says why.
    for (const at of names.map((n) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, n)))
        if (isLink(at))
            throw linkRefused(at, label);
}
/**
 * DIR refused (exit 2) when it, or a directory between BASE and it, is a link. The action's result
 * directory sits in the workspace, whose links a checked-out pull request sets (the default
 * `ml-image-results` among them): every result file would be written and removed where the link
 * points. A DIR outside BASE (the runner's temp directory) is the workflow's own to choose.
 */
function refuseLinkUnder(base, dir, label) {
    const [from, rel] = within(base, dir) ?? withinReal(base, dir) ?? [base, ''];
    if (rel === '')
        return;
    let at = from;
    for (const part of rel.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))) {
        at = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(at, part);
        // One not there yet (the tool makes it) is no link, nor is anything under it.
        if (isLink(at))
            throw linkRefused(at, label, 'in the workspace (a checkout may have put it there)');
    }
}
/** DIR relative to BASE, where it lies in BASE (`..x` is a directory of it, `..` and `../x` are not). */
function within(base, dir) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(base, dir);
    return rel === '..' || rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel) ? undefined : [base, rel];
}
/**
 * DIR in BASE spelled another way (the workspace's real path where it is reached through a link,
 * /home/runner/work -> /data, or the reverse): the ancestor of DIR nearest the root that is BASE
 * itself, and DIR relative to it. The links above the workspace are the runner's, not checked.
 */
function withinReal(base, dir) {
    try {
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(base);
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir);
        let at = node_path__WEBPACK_IMPORTED_MODULE_1___default().parse(abs).root;
        for (const part of node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(at, abs).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))) {
            at = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(at, part);
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(at) === real)
                return [at, node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(at, abs)];
        }
    }
    catch {
        // BASE gone, or DIR's part not there yet: nothing in the workspace to check
    }
    return undefined;
}
/** A link, dangling or not (existsSync follows it); false where nothing is. */
function isLink(at) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(at).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** A directory itself: not a link to one, not missing. */
function isOwnDir(at) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(at).isDirectory();
    }
    catch {
        return false;
    }
}
function linkRefused(at, label, where = '') {
    let target = '';
    try {
        target = ` (to ${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(at)})`;
    }
    catch {
        // gone meanwhile: named without its target
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${label}: ${at} is a link${target}${where ? ` ${where}` : ''}, not a directory: result files are never written through a link`, `remove the link (a checkout or an earlier step put it there) and run again, or pass another result directory`);
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
