export const id = 500;
export const ids = [500];
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

/***/ 98556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sbomCommand: () => (/* binding */ sbomCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _attest_sbom_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99737);
/* harmony import */ var _attest_spdx_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54130);
/* harmony import */ var _diff_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15523);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20317);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(49997);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(96657);









/** The SBOM formats `ml-image sbom --format` writes. */
const FORMATS = ['cyclonedx', 'spdx'];
const SBOM_OPTIONS = {
    record: { type: 'string', required: true },
    variant: { type: 'string' },
    format: { type: 'string' },
};
const sbomCommand = {
    outIsFile: true,
    name: 'sbom',
    options: SBOM_OPTIONS,
    summary: 'Write the SBOM of an image from its environment record (env.json): CycloneDX 1.6 or SPDX 2.3.',
    usage: 'ml-image sbom --record env.json [--format cyclonedx|spdx] [--out FILE] [--variant V] [--json]',
    help: `Builds an ML-aware SBOM (CycloneDX 1.6 JSON) from an environment record written by
"ml-image capture" or a run: every pip distribution (pkg:pypi), every apt package (pkg:deb, its
source package as upstream=), the OS, and the ML stack as components with ml-image:* properties:
CUDA runtime, cuDNN, NCCL (with where the probe read each), torch and its CUDA build, NumPy, Python
and the base image (from the OCI base-image labels). The image itself is the SBOM's subject
(pkg:oci, by digest when the record has one). The same record gives the same bytes. Nothing from
the image's environment variables goes in; see docs/attestations.md.
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
(the message names it); 3 --out's filesystem is full or read-only.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .parseCommandArgs */ .Qx)('sbom', argv, SBOM_OPTIONS);
        if (values.record === undefined || values.record === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('sbom: --record is required', 'e.g. ml-image sbom --record results/env-cpu-amd64.json');
        if (values.variant === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('sbom: --variant: expected a variant name, got ""');
        const format = values.format ?? 'cyclonedx';
        if (!FORMATS.includes(format))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`sbom: --format: expected ${FORMATS.join(' or ')}, got ${JSON.stringify(format)}${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_6__/* .didYouMean */ .au)(format, FORMATS)}`, 'e.g. ml-image sbom --record env.json --format spdx');
        const file = values.record;
        const record = (0,_diff_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readEnvRecord */ .NQ)((0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .readJsonFile */ .JE)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, file), { what: 'environment record', fix: _output_js__WEBPACK_IMPORTED_MODULE_8__/* .ENV_RECORD_FIX */ .yu }), file);
        const sbom = (0,_attest_sbom_js__WEBPACK_IMPORTED_MODULE_1__/* .buildSbom */ .s2)({ record, ...(values.variant !== undefined && { variant: values.variant }) });
        const spdx = format === 'spdx' ? (0,_attest_spdx_js__WEBPACK_IMPORTED_MODULE_2__/* .spdxFromCycloneDx */ .X)(sbom) : undefined;
        const text = `${JSON.stringify(spdx ?? sbom, null, 2)}\n`;
        if (values.out === undefined) {
            io.stdout(text);
            return 0;
        }
        const written = (0,_output_js__WEBPACK_IMPORTED_MODULE_8__/* .writeOutFileNamed */ .LM)(io.cwd, values.out, text, [{ what: 'the record (--record)', file }]);
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


/***/ })

};
