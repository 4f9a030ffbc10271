export const id = 510;
export const ids = [510];
export const modules = {

/***/ 29476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pe: () => (/* binding */ forgetFiles),
/* harmony export */   fx: () => (/* binding */ ATTEST_RESULT_SCHEMA_VERSION),
/* harmony export */   pC: () => (/* binding */ KIND_TYPES),
/* harmony export */   uv: () => (/* binding */ AttestResultSchema)
/* harmony export */ });
/* unused harmony exports SLSA_PROVENANCE_V1, AttestationSchema, AttestTargetSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _config_attest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92945);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79124);
// attest.json: what the attest stage attached to each pushed platform digest, and how it signed.
// The report reads it (what was attested and signed, and the verify command for each digest).



const ATTEST_RESULT_SCHEMA_VERSION = 1;
/** https://slsa.dev/spec/v1.0/provenance: the predicate type of the provenance attestation. */
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/**
 * The in-toto predicate type and cosign --type of each attestation kind (attach and verify). Here,
 * beside the schema, and not with the predicate builders: the fork-safe poster needs the types only.
 */
const KIND_TYPES = {
    sbom: { predicateType: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .CYCLONEDX_PREDICATE_TYPE */ .nv, cosignType: 'cyclonedx' },
    provenance: { predicateType: SLSA_PROVENANCE_V1, cosignType: 'slsaprovenance1' },
    smoke: { predicateType: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_PREDICATE_TYPE */ .FC, cosignType: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_PREDICATE_TYPE */ .FC },
};
const AttestationSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_config_attest_js__WEBPACK_IMPORTED_MODULE_0__/* .ATTESTATION_KINDS */ .r),
    /** The in-toto predicate type (what `cosign verify-attestation --type` takes). */
    predicateType: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    /** The predicate as written in the result directory (relative to it). */
    file: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    /** Attached to the image, signed (false: written here only). */
    attached: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
    /** The exact `cosign verify-attestation` command that checks it (attached ones only). */
    verify: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    /** The signed DSSE envelope as attached, in the result directory (the built-in signer's). */
    envelope: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    /** The SBOM as SPDX 2.3 JSON in the result directory (attest.spdx), not attached. */
    spdx: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
});
const AttestTargetSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    variant: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    platform: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    /** repository@sha256:... of the platform image. */
    ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    attestations: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(AttestationSchema),
    /** The image signature itself (cosign sign). */
    signed: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
    /** What could not be made or attached, one line each (e.g. no smoke result in this job). */
    notes: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
});
const AttestResultSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(ATTEST_RESULT_SCHEMA_VERSION),
    signing: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        /** key / keyless, or none: nothing was signed (reason says why). */
        mode: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['key', 'keyless', 'none']),
        reason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        tlog: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
        /** What `cosign verify` needs to check these: the public key hint or the keyless identity. */
        verifyHint: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    }),
    targets: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(AttestTargetSchema),
    /** The error that stopped attaching (exit 3: the registry went away), after what was done. */
    error: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
});
/**
 * TARGET no longer naming FILES (relative to the result directory), whose writes failed (a signal
 * removed them before they landed, no room): an attestation whose predicate one was goes, unless
 * it was attached all the same (the built-in signer signs the predicate's text, not its copy here:
 * it stays, with a note); an envelope or SPDX copy is no longer named.
 */
function forgetFiles(target, files) {
    if (files.size === 0)
        return;
    target.attestations = target.attestations.filter((a) => a.attached || !files.has(a.file));
    for (const a of target.attestations) {
        if (files.has(a.file))
            target.notes.push(`${a.kind}: attached, but its copy ${a.file} was not written`);
        if (a.envelope !== undefined && files.has(a.envelope))
            delete a.envelope;
        if (a.spdx !== undefined && files.has(a.spdx))
            delete a.spdx;
    }
}


/***/ }),

/***/ 79124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ SMOKE_PREDICATE_TYPE),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   lH: () => (/* binding */ TOOL_NAME),
/* harmony export */   nv: () => (/* binding */ CYCLONEDX_PREDICATE_TYPE),
/* harmony export */   wE: () => (/* binding */ scrubDeep)
/* harmony export */ });
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
// What the attestations share: the predicate types, the tool's name, digests, and the one scrubbing
// pass every attestation goes through before it leaves. The in-toto statement that wraps each
// predicate is the signer's (cosign-key.ts inTotoStatement: Statement/v0.1, as cosign writes it).

/** The predicate type cosign and in-toto use for a CycloneDX SBOM. */
const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';
/** Our own predicate type: a smoke-test run (docs/attestations/smoke-v1.schema.json). */
const SMOKE_PREDICATE_TYPE = 'https://ml-image-action.github.io/attestations/smoke/v1';
const TOOL_NAME = 'ml-image-action';
/** "sha256:<64 hex>" (or the bare hex) -> the lowercase hex; anything else -> undefined. */
function sha256Hex(digest) {
    const m = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(digest ?? '');
    return m ? m[1].toLowerCase() : undefined;
}
/** Whole strings that look like secrets replaced (redactDeep), except the KEEP ones. */
function secretsDeep(value, keep) {
    if (typeof value === 'string')
        return keep.has(value) ? value : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactDeep */ .KL)(value);
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
    return secretsDeep((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactTextDeep */ .Fo)(value), new Set(keep));
}


/***/ }),

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

/***/ 15063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   Qh: () => (/* binding */ archOf),
/* harmony export */   XM: () => (/* binding */ unknownPlatformPart),
/* harmony export */   sb: () => (/* binding */ sameMachine)
/* harmony export */ });
function archOf(platform) {
    return platform.split('/')[1];
}
/**
 * An architecture and variant as containerd's platforms.Normalize spells them (its database.go):
 * x86_64 and x86-64 are amd64 (v1 its default), aarch64 is arm64 (8, v8 and v8.0 its default; 9
 * and 9.0 are v9), armhf is arm/v7 and armel arm/v6, arm without a variant is arm/v7 (5, 6, 7, 8
 * are v5...v8), i386 is 386.
 */
function normalizeArch(arch, variant) {
    switch (arch) {
        case 'i386':
            return ['386', ''];
        case 'x86_64':
        case 'x86-64':
        case 'amd64':
            return ['amd64', variant === 'v1' ? '' : variant];
        case 'aarch64':
        case 'arm64':
            if (['8', 'v8', 'v8.0'].includes(variant))
                return ['arm64', ''];
            return ['arm64', ['9', '9.0', 'v9.0'].includes(variant) ? 'v9' : variant];
        case 'armhf':
            return ['arm', 'v7'];
        case 'armel':
            return ['arm', 'v6'];
        case 'arm':
            if (variant === '' || variant === '7')
                return ['arm', 'v7'];
            return ['arm', ['5', '6', '8'].includes(variant) ? `v${variant}` : variant];
        default:
            return [arch, variant];
    }
}
/**
 * A platform as containerd compares them (platforms.Normalize): lower case, macos is darwin, and
 * the architecture and variant as normalizeArch has them (linux/arm64/v8 and linux/aarch64 are
 * linux/arm64). An empty OS stays empty: containerd takes it for the host's, so it matches any.
 */
function normalizePlatform(platform) {
    const [rawOs = '', rawArch = '', rawVariant = ''] = platform.toLowerCase().split('/');
    const os = rawOs === 'macos' ? 'darwin' : rawOs;
    const [arch, variant] = normalizeArch(rawArch, rawVariant);
    return variant === '' ? `${os}/${arch}` : `${os}/${arch}/${variant}`;
}
/**
 * The OS and architecture names an image index may hold (Go's GOOS and GOARCH, as the OCI image
 * spec has them), with the spellings normalizePlatform reads (macos, x86_64, aarch64, armhf ...).
 */
const KNOWN_OS = [
    'linux',
    'windows',
    'darwin',
    'macos',
    'freebsd',
    'netbsd',
    'openbsd',
    'dragonfly',
    'illumos',
    'solaris',
    'aix',
    'android',
    'ios',
    'plan9',
    'js',
    'wasip1',
    'zos',
    'hurd',
    'nacl',
    // BuildKit's attestation manifests in an index (unknown/unknown).
    'unknown',
];
const KNOWN_ARCH = [
    'amd64',
    'arm64',
    'arm',
    '386',
    'ppc64le',
    'ppc64',
    's390x',
    'riscv64',
    'loong64',
    'mips',
    'mipsle',
    'mips64',
    'mips64le',
    'wasm',
    'sparc64',
    'sparc',
    'ppc',
    'riscv',
    's390',
    'mips64p32',
    'mips64p32le',
    'arm64be',
    'armbe',
    'amd64p32',
    'unknown',
    'x86_64',
    'x86-64',
    'aarch64',
    'armhf',
    'armel',
    'i386',
];
/**
 * What is wrong with PLATFORM as a platform an image may be built for: its OS or architecture is
 * none an index names (linux/arm46: "unknown architecture \"arm46\""); undefined when both are known.
 */
function unknownPlatformPart(platform) {
    const [os = '', arch = ''] = platform.toLowerCase().split('/');
    if (!KNOWN_OS.includes(os))
        return `unknown OS ${JSON.stringify(os)}`;
    if (!KNOWN_ARCH.includes(arch))
        return `unknown architecture ${JSON.stringify(arch)}`;
    return undefined;
}
/**
 * Whether A and B are the same machine: the same OS and architecture once normalized, whatever the
 * variant (linux/arm64/v8 and linux/aarch64 are linux/arm64; linux/amd64/v3 runs on linux/amd64).
 * The smoke stage asks it of a target and the engine's platform: another machine runs emulated.
 */
function sameMachine(a, b) {
    const osArch = (p) => normalizePlatform(p).split('/').slice(0, 2).join('/');
    return osArch(a) === osArch(b);
}


/***/ }),

/***/ 80954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kd: () => (/* binding */ MAX_COMMENT_ARTIFACT_BYTES),
/* harmony export */   PA: () => (/* binding */ CommentArtifactSchema),
/* harmony export */   qZ: () => (/* binding */ COMMENT_ARTIFACT_SCHEMA_VERSION)
/* harmony export */ });
/* unused harmony exports TrimmedListSchema, readCommentArtifact */
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
    const file = path.join(dir, COMMENT_ARTIFACT_FILE);
    const maxBytes = expected.maxBytes ?? MAX_COMMENT_ARTIFACT_BYTES;
    const text = readBounded(file, maxBytes);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (e) {
        // By line and column only: V8's message quotes the text, which a fork's run wrote.
        throw new InputError(`${file}: not JSON: ${jsonSyntaxProblem(text, e)}`);
    }
    const version = data?.schemaVersion;
    if (typeof version === 'number' && version !== COMMENT_ARTIFACT_SCHEMA_VERSION) {
        throw new InputError(`${file}: schemaVersion: expected ${COMMENT_ARTIFACT_SCHEMA_VERSION}, got ${version}`, 'the pull-request job and the poster workflow use different versions of ml-image-action: pin both to the same one');
    }
    const schema = artifactSchema(expected.reportSchema ?? z.unknown());
    // A list of a million bad entries (a package list's tail) overflowed zod's issue gathering.
    const parsed = safeParseInput(schema, data, file, 'the artifact is not one ml-image wrote: refusing to post it');
    if (!parsed.success) {
        const problems = formatIssues(parsed.error, data, schema);
        throw new InputError(`${file}: not a comment artifact: ${problems.slice(0, 5).join('; ')}`);
    }
    const artifact = parsed.data;
    if (artifact.repository.toLowerCase() !== expected.repository.toLowerCase()) {
        throw new InputError(`${file}: repository: expected ${JSON.stringify(expected.repository)}, got ${JSON.stringify(artifact.repository)}`, 'the artifact was written for another repository: refusing to post it here');
    }
    if (expected.headSha !== undefined && artifact.headSha !== expected.headSha.toLowerCase()) {
        throw new InputError(`${file}: headSha: expected ${expected.headSha} (the workflow run's head SHA), got ${artifact.headSha}`, 'the artifact does not belong to the run that triggered this workflow');
    }
    return artifact;
}
/** The file's text, refusing links, non-files and anything over maxBytes before reading it. */
function readBounded(file, maxBytes) {
    let fd;
    try {
        // O_NOFOLLOW: an artifact could carry a symlink to a file of the privileged runner.
        fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            throw new InputError(`${file}: not found`, 'download the "ml-image-comment" artifact of the triggering run into this folder');
        if (code === 'ELOOP')
            throw new InputError(`${file}: is a symbolic link; refusing to follow it`);
        throw new InputError(`${file}: cannot open: ${e.message}`);
    }
    try {
        const st = fstatSync(fd);
        if (!st.isFile())
            throw new InputError(`${file}: not a regular file`);
        if (st.size > maxBytes)
            throw new InputError(`${file}: ${st.size} bytes, over the ${maxBytes}-byte limit`);
        // One byte more than fstat said: a file that grows between fstat and read is refused, never read unbounded.
        const buf = readFd(fd, st.size + 1);
        if (buf.length > st.size)
            throw new InputError(`${file}: changed while being read; refusing it`);
        return buf.toString('utf8');
    }
    finally {
        closeSync(fd);
    }
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
/* harmony export */   Z7: () => (/* binding */ isEnvRecordFile),
/* harmony export */   eO: () => (/* binding */ RECORD_KINDS),
/* harmony export */   kb: () => (/* binding */ COMMENT_ARTIFACT_FILE),
/* harmony export */   mR: () => (/* binding */ recordFile),
/* harmony export */   n3: () => (/* binding */ devcontainerFile),
/* harmony export */   nq: () => (/* binding */ ATTEST_FILE),
/* harmony export */   oS: () => (/* binding */ BUILD_FILE),
/* harmony export */   rn: () => (/* binding */ reportFile)
/* harmony export */ });
/* unused harmony export commentArtifactFile */
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

/***/ 98510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oS: () => (/* reexport */ results_names/* BUILD_FILE */.oS),
  VI: () => (/* reexport */ results_names/* PLAN_FILE */.VI),
  NR: () => (/* reexport */ results_names/* envelopeFile */.NR),
  Z7: () => (/* reexport */ results_names/* isEnvRecordFile */.Z7),
  gH: () => (/* binding */ noBuildFile),
  lR: () => (/* binding */ openResultDir),
  g7: () => (/* binding */ readDigestFiles),
  mR: () => (/* reexport */ results_names/* recordFile */.mR)
});

// UNUSED EXPORTS: ATTEST_DIR, ATTEST_FILE, COMMENT_ARTIFACT_FILE, COMMENT_DIR, DEVCONTAINER_DIR, DigestFileSchema, OWN_SUBDIRS, RECORD_KINDS, RUN_REPORT_FILE, attestationFile, commentArtifactFile, devcontainerFile, digestFile, digestFiles, readBuildResult, reportFile, resolutionFile

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
var issues = __webpack_require__(11012);
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
;// CONCATENATED MODULE: ./src/util/own-dir.ts
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
        at = external_node_path_default().join(at, part);
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(at);
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw (0,json_file/* writeError */.oG)(e, at, label);
        }
        if (st === undefined) {
            try {
                (0,external_node_fs_.mkdirSync)(at);
            }
            catch (e) {
                // Made meanwhile by a concurrent write of the same run: checked again below.
                if (e.code !== 'EEXIST')
                    throw (0,json_file/* writeError */.oG)(e, at, label);
                st = (0,external_node_fs_.lstatSync)(at);
            }
        }
        if (st?.isSymbolicLink())
            throw linkRefused(at, label);
        if (st !== undefined && !st.isDirectory())
            throw new errors/* InputError */.dz(`${label}: ${at} exists and is not a directory; the tool writes its results there`, `remove it and run again, or pass another result directory`);
    }
    return at;
}
/** The file REL under ROOT, its directories made by ownSubdir: where a result file is written. */
function ownFilePath(root, rel, label) {
    return external_node_path_default().join(ownSubdir(root, external_node_path_default().dirname(rel), label), external_node_path_default().basename(rel));
}
/**
 * The directories NAMES of ROOT that are links, refused at once (exit 2): a run that writes results
 * says so before it builds and pushes, not when it first writes there at its end.
 */
function refuseLinkedSubdirs(root, names, label) {
    // One not there is made when first written; one unreadable, that write says why.
    for (const at of names.map((n) => external_node_path_default().join(root, n)))
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
    for (const part of rel.split(path.sep)) {
        at = path.join(at, part);
        // One not there yet (the tool makes it) is no link, nor is anything under it.
        if (isLink(at))
            throw linkRefused(at, label, 'in the workspace (a checkout may have put it there)');
    }
}
/** DIR relative to BASE, where it lies in BASE (`..x` is a directory of it, `..` and `../x` are not). */
function within(base, dir) {
    const rel = path.relative(base, dir);
    return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : [base, rel];
}
/**
 * DIR in BASE spelled another way (the workspace's real path where it is reached through a link,
 * /home/runner/work -> /data, or the reverse): the ancestor of DIR nearest the root that is BASE
 * itself, and DIR relative to it. The links above the workspace are the runner's, not checked.
 */
function withinReal(base, dir) {
    try {
        const real = realpathSync(base);
        const abs = path.resolve(dir);
        let at = path.parse(abs).root;
        for (const part of path.relative(at, abs).split(path.sep)) {
            at = path.join(at, part);
            if (realpathSync(at) === real)
                return [at, path.relative(at, abs)];
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
        return (0,external_node_fs_.lstatSync)(at).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** A directory itself: not a link to one, not missing. */
function isOwnDir(at) {
    try {
        return (0,external_node_fs_.lstatSync)(at).isDirectory();
    }
    catch {
        return false;
    }
}
function linkRefused(at, label, where = '') {
    let target = '';
    try {
        target = ` (to ${(0,external_node_fs_.readlinkSync)(at)})`;
    }
    catch {
        // gone meanwhile: named without its target
    }
    return new errors/* InputError */.dz(`${label}: ${at} is a link${target}${where ? ` ${where}` : ''}, not a directory: result files are never written through a link`, `remove the link (a checkout or an earlier step put it there) and run again, or pass another result directory`);
}

// EXTERNAL MODULE: ./src/diff/read.ts
var read = __webpack_require__(15523);
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
        throw new errors/* InputError */.dz(`${file}: not ${what}: ${(0,issues/* formatIssues */.og)(parsed.error, data, schema)[0]}`, fix);
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
    return (0,external_node_fs_.existsSync)(file) ? (0,read/* readEnvRecord */.NQ)((0,json_file/* readJsonFile */.JE)(file), file) : null;
}
/** A target's smoke result, as readEnvFile reads a record. */
function readSmokeFile(file) {
    return (0,external_node_fs_.existsSync)(file) ? (0,read/* readSmokeResult */.dV)((0,json_file/* readJsonFile */.JE)(file), file) : null;
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
// EXTERNAL MODULE: ./src/results/write.ts
var results_write = __webpack_require__(35677);
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
    const writeLater = async (name, content) => (0,json_file/* writeFileAtomicLater */.nO)(ownFilePath(root, name, label), content, label, false);
    return {
        // Copies of what is attached to the image: no fsync, and off node's thread (the attest stage
        // writes a dozen of them while it signs and the registry answers).
        writeAttestation: (v, p, kind, predicate) => {
            const file = at((0,results_names/* attestationFile */.D)(v, p, kind));
            const text = (0,redact/* redactUrls */.sK)((0,results_write/* json */.P)((0,results_write/* checked */.K)(PredicateSchema, predicate, file)));
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
        if (!isOwnDir(dir))
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
        throw new errors/* InputError */.dz(`${file}: cannot write the comment artifact: ${(0,issues/* formatIssues */.og)(parsed.error, payload, artifact/* CommentArtifactSchema */.PA).join('; ')}`);
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
        if (external_node_path_default().dirname(name) !== '.' && !isOwnDir(external_node_path_default().join(root, external_node_path_default().dirname(name))))
            continue;
        if (!(0,external_node_fs_.existsSync)(file) && !isLink(file))
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
    if (!isOwnDir(top))
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
            if (!isOwnDir(external_node_path_default().dirname(file)) || !(0,external_node_fs_.lstatSync)(file).isFile())
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

// EXTERNAL MODULE: ./src/results/owner-lock.ts
var owner_lock = __webpack_require__(79333);
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
        refuseLinkedSubdirs(root, results_names/* OWN_SUBDIRS */.KX, label);
    if (opts.create !== false && opts.lock !== false)
        (0,owner_lock/* holdResultDir */.ek)(root, { label, ...(opts.flag !== undefined && { flag: opts.flag }) });
    const at = (name) => external_node_path_default().join(root, name);
    const write = (name, content, l = label, durable = true) => (0,json_file/* writeFileAtomic */.Zf)(ownFilePath(root, name, label), (0,redact/* redactUrls */.sK)(content), l, durable);
    const writeJson = (name, schema, value, l, durable = true) => write(name, (0,results_write/* json */.P)((0,results_write/* checked */.K)(schema, value, at(name))), l, durable);
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
        writeSmokeKey: (v, p, key, l) => write((0,results_names/* recordFile */.mR)('smoke-key', v, p), `${(0,results_write/* checked */.K)(SmokeKeySchema, key, (0,results_names/* recordFile */.mR)('smoke-key', v, p))}\n`, l),
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
            const dir = ownSubdir(root, results_names/* COMMENT_DIR */.MG, label);
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
            throw new errors/* InputError */.dz(`${file}: not a digest file: ${(0,issues/* formatIssues */.og)(parsed.error, data, DigestFileSchema).join('; ')}`);
        return { file, digest: parsed.data };
    });
}


/***/ }),

/***/ 35677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ checked),
/* harmony export */   P: () => (/* binding */ json)
/* harmony export */ });
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11012);

const json = (v) => `${JSON.stringify(v, null, 2)}\n`;
/**
 * A value about to be written is checked against its schema: a mismatch is a bug in this tool, not
 * bad input, and must not reach a file the next job trusts. The value itself is written (not the
 * parsed copy), so that checking changes nothing in the file.
 */
function checked(schema, value, file) {
    const r = schema.safeParse(value);
    if (!r.success)
        throw new Error(`${file}: refusing to write an invalid file: ${(0,_config_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .formatIssues */ .og)(r.error, value, schema).join('; ')}`);
    return value;
}


/***/ })

};
