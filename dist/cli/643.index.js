export const id = 643;
export const ids = [643];
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

/***/ 95245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ asConfigProblem),
/* harmony export */   d: () => (/* binding */ requirementsFieldError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11012);
// An error about one field whose content is read after the config (smoke.baseline's floors,
// attest.key's key file, a requirements file), said as the config's own problems are: the config
// file, the line; or the action input that gave the field, when one did.


/**
 * PROBLEM (a line of it, "line 30: attest.key: ...") as a ConfigError of LOADED's file, with FIX;
 * of the inputs (no file named, none annotated) when FROMINPUT: an input gave the field.
 */
function configProblem(loaded, problem, fix, fromInput = false) {
    const source = fromInput ? 'inputs' : (loaded.label ?? loaded.file ?? 'inputs');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(source, [problem], {
        ...(fix !== undefined && { fix }),
        ...(loaded.file !== undefined && !fromInput && { file: source }),
    });
}
/**
 * Run CHECK; an InputError it throws ("attest.key: ...") comes back as a ConfigError of LOADED's
 * file with the field's line first ("ml-image.yml: 1 problem / line 30: attest.key: ..."), its fix
 * kept. Other errors pass through.
 */
function asConfigProblem(loaded, check) {
    try {
        return check();
    }
    catch (e) {
        if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz) || e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL)
            throw e;
        // A field an action input or flag gave is the input's ("attest.sign: ... (from input "sign")").
        const field = (0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .leadingField */ .Nd)(e.message);
        const head = /^\S+: /.exec(e.message);
        if (field !== undefined && head && loaded.sourceOf?.(field) !== undefined)
            throw fileFieldError(loaded, field, new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(e.message.slice(head[0].length), e.fix));
        throw configProblem(loaded, (0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .withFieldLine */ .d0)(e.message, loaded.lineOf), e.fix);
    }
}
/**
 * ERROR about the file the config names at PATH (python.requirements[0]: too big, outside the
 * workspace, unreadable) as the config's own problems are: "ml-image.yml: 1 problem / line 15:
 * python.requirements[0]: requirements file ...", its fix kept. A path an input gave is the input's:
 * "inputs: 1 problem / python.requirements[0]: requirements file ... (from input "requirements")".
 */
function fileFieldError(loaded, path, error) {
    const origins = {
        ...(loaded.lineOf && { lineOf: loaded.lineOf }),
        ...(loaded.sourceOf && { sourceOf: loaded.sourceOf }),
    };
    const fromInput = loaded.sourceOf?.(path) !== undefined;
    return configProblem(loaded, (0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .problemAt */ .l4)(path, error.message, origins), error.fix, fromInput);
}
/** How a requirements file of python.requirements that cannot be read is said (readRequirements' `given`). */
const requirementsFieldError = (loaded) => (index, error) => fileFieldError(loaded, ['python', 'requirements', index], error);


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


/***/ })

};
