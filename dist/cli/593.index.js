export const id = 593;
export const ids = [593];
export const modules = {

/***/ 77593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qx: () => (/* binding */ parseCommandArgs),
/* harmony export */   YK: () => (/* binding */ suitesFlag),
/* harmony export */   _G: () => (/* binding */ platformFlag),
/* harmony export */   kw: () => (/* binding */ timeoutFlag),
/* harmony export */   m4: () => (/* binding */ imageFlag)
/* harmony export */ });
/* unused harmony export GLOBAL_OPTIONS */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68481);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17700);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69695);
// Thin layer over node:util parseArgs: every parse problem is a usage error (exit 2).





const GLOBAL_OPTIONS = {
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
};
function parseCommandArgs(command, argv, options, allowPositionals = false) {
    const all = { ...GLOBAL_OPTIONS, ...options };
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options: all, strict: true, allowPositionals, tokens: true });
    }
    catch (e) {
        const msg = e.message.replace(/\. To specify a positional argument.*$/s, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${command}: ${msg}`, `run "ml-image ${command} --help" for usage`);
    }
    // A value flag given twice (--variants cpu --variants cuda12.8) would keep the last one silently;
    // an empty one (an unset variable in `--config "$FILE"`) would stand for the current directory,
    // every stage or no filter at all.
    const seen = new Set();
    for (const t of parsed.tokens) {
        if (t.kind !== 'option' || t.value === undefined)
            continue;
        if (t.value.trim() === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${command}: --${t.name} is empty`, `give it a value, or leave --${t.name} out`);
        const spec = all[t.name];
        if (spec?.multiple === true)
            continue;
        if (seen.has(t.name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${command}: --${t.name} is given more than once`, `give it once${spec?.type === 'string' ? ' (a list is one value, comma-separated, where the flag takes one)' : ''}`);
        seen.add(t.name);
    }
    return { values: parsed.values, positionals: parsed.positionals };
}
/** A --platform value, checked against the platforms the tool builds for. */
function platformFlag(command, value, flag = '--platform') {
    if (value === undefined)
        return undefined;
    if (!_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .PLATFORMS */ .P4.includes(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${command}: ${flag}: expected one of ${_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .PLATFORMS */ .P4.join(', ')}, got ${JSON.stringify(value.slice(0, 100))}`);
    }
    return value;
}
/** --suites a,b (else the config's smoke.suites, else all), every name checked (exit 2). */
function suitesFlag(command, raw, fromConfig) {
    const suites = raw
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean) ?? [...(fromConfig ?? _config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_SUITES */ .CR)];
    // An empty value (an unset variable) runs nothing the user named: refused, not read as "all".
    if (raw !== undefined && suites.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${command}: --suites is empty`, `give some of ${_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_SUITES */ .CR.join(', ')}, or leave it out`);
    const unknown = suites.filter((s) => !_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_SUITES */ .CR.includes(s));
    if (unknown.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${command}: --suites: unknown suite(s) ${unknown.map((s) => JSON.stringify(s)).join(', ')}; expected ${_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_SUITES */ .CR.join(', ')}`);
    return suites;
}
/** A required --image REF, checked against Docker's reference grammar (exit 2 naming the value). */
function imageFlag(command, value) {
    if (value === undefined || value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${command}: --image is required`, 'e.g. --image ghcr.io/my-org/my-model:1.4.0-cpu');
    const problem = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .imageRefProblem */ .OD)(value);
    if (problem !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(
        // A login in it (https://user:pw@host/x, user:pw@host/x) is masked: errors reach CI logs.
        `${command}: --image ${JSON.stringify((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrls */ .sK)((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .maskBareLogins */ .pb)(value)))} is not a valid image reference: ${problem}`, 'e.g. --image ghcr.io/my-org/my-model:1.4.0-cpu');
    return value;
}
/** --timeout S: a whole number of seconds, 1..86400 (as smoke.timeoutSeconds), else exit 2. */
function timeoutFlag(command, raw) {
    if (raw === undefined)
        return undefined;
    const s = raw.trim();
    const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > _config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMEOUT_SECONDS */ .Pe)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${command}: --timeout: expected whole seconds from 1 to ${_config_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMEOUT_SECONDS */ .Pe} (as smoke.timeoutSeconds), got ${JSON.stringify(raw)}`);
    return n;
}


/***/ }),

/***/ 92945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Td: () => (/* binding */ AttestConfigSchema),
/* harmony export */   r1: () => (/* binding */ ATTESTATION_KINDS)
/* harmony export */ });
/* unused harmony export SIGN_MODES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
// The `attest` block of ml-image.yml: which attestations each pushed platform digest carries and
// how they are signed (issue "Supply chain"). Its own file so that schema.ts stays one screenful
// per block.

const ATTESTATION_KINDS = ['sbom', 'provenance', 'smoke'];
const SIGN_MODES = ['auto', 'key', 'keyless', 'off'];
const AttestConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    types: zod__WEBPACK_IMPORTED_MODULE_0__/* .preprocess */ .vkY((v) => {
        const list = typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v;
        // `none` (the only way an action input can say "no attestations").
        return Array.isArray(list) && list.length === 1 && list[0] === 'none' ? [] : list;
    }, zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(ATTESTATION_KINDS), { error: 'expected some of sbom, provenance, smoke' }))
        .default([...ATTESTATION_KINDS])
        .describe('Attestations for each pushed platform digest: `sbom` (CycloneDX 1.6), `provenance` (SLSA v1), `smoke` (the smoke results). `none` or `[]`: none.'),
    sign: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(SIGN_MODES)
        .default('auto')
        .describe('How to sign with cosign. `auto`: keyless in GitHub Actions with `id-token: write`, else a key in `COSIGN_KEY` or `key`, else unsigned (said in the log and the report). `off`: never.'),
    key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .min(1, { error: 'expected a file path' })
        .optional()
        .describe('Private key file for `sign: key` (relative to the config file); its password in `COSIGN_PASSWORD`. Default: the key in `COSIGN_KEY`.'),
    spdx: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Also write each SBOM as SPDX 2.3 JSON in the result directory, beside the CycloneDX one (`attest/<variant>-<arch>.sbom.spdx.json`, named in attest.json). Not attached: the CycloneDX SBOM is the signed one.'),
    tlog: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .optional()
        .describe('Upload key-signed entries to the public Rekor transparency log. Default: on for keyless (required), off for a key (a private image name stays private).'),
})
    .prefault({})
    .describe('Signed SBOM, provenance and smoke attestations (cosign).');


/***/ }),

/***/ 71534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _y: () => (/* binding */ buildArgSecretProblem),
/* harmony export */   bL: () => (/* binding */ BUILD_ARGS_FIX),
/* harmony export */   fz: () => (/* binding */ buildArgNameProblem)
/* harmony export */ });
/* unused harmony exports credentialInValue, PLAN_BUILD_ARGS */
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69695);
// What build.args may hold: they end up in the image history (`docker history --no-trunc`) for
// anyone who can pull the image, so a credential is refused where the config is read (the plan, the
// action's config output), not only when the build starts. Pure.

/**
 * A build-arg name that says it holds a credential or an index URL. KEY alone is not one (CACHE_KEY,
 * SORT_KEY, a GPG_KEY id): only the keys that are credentials by name, at the name's end
 * (SIGNING_KEY, not PKG_SIGNING_KEY_URL); PASS and PAT only as words of their own.
 */
const SECRET_ARG_NAME = new RegExp([
    'TOKEN|PASSW(?:OR)?D|PASSPHRASE|SECRET|CREDENTIAL|CREDS|INDEX_URL|NETRC|COOKIE',
    '(?:API|ACCESS|PRIVATE|SSH|SIGNING|ENCRYPTION|LICEN[CS]E|MASTER|WANDB|HF|OPENAI)_?KEY$',
    '(?:^|_)(?:AUTH|AUTHORIZATION|PASS|PAT|SESSION(?:_?ID)?)(?:$|_)',
].join('|'), 'i');
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
    const why = SECRET_ARG_NAME.test(name)
        ? 'its name says it holds a credential or an index URL'
        : credentialInValue(value);
    return why === undefined ? undefined : `${why}; build arguments are recorded in the image history`;
}
/**
 * Why VALUE (of a build arg, a label, an annotation: text anyone who pulls the image reads) holds
 * a credential: URL credentials or a token by its shape; undefined when it does not.
 */
function credentialInValue(value) {
    return URL_USERINFO.test(value)
        ? 'its value carries URL credentials (user:password@ or token@ before the host)'
        : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .holdsToken */ .Qe)(value)
            ? `its value holds a token (${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactText */ .Rd)(value).slice(0, 200)})`
            : undefined;
}
/** Why NAME cannot be a build argument's name, or undefined. */
function buildArgNameProblem(name) {
    if (!ARG_NAME.test(name))
        return `${JSON.stringify(name)} is not a build argument name: letters, digits and _, not starting with a digit`;
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

/***/ 68481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Kx: () => (/* binding */ ConfigFileSchema),
  Pe: () => (/* reexport */ MAX_TIMEOUT_SECONDS),
  P4: () => (/* binding */ PLATFORMS),
  CR: () => (/* reexport */ SMOKE_SUITES),
  QT: () => (/* binding */ TEMPLATES),
  I6: () => (/* binding */ normalizeConfig)
});

// UNUSED EXPORTS: DEFAULT_GPU_RUNNER_LABELS, DEFAULT_PLATFORMS, RESOLVE_MODES, SMOKE_NETWORKS

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(88532);
// EXTERNAL MODULE: ./src/config/build-args.ts
var build_args = __webpack_require__(71534);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/util/pip-index-url.ts
var pip_index_url = __webpack_require__(72752);
// EXTERNAL MODULE: ./src/util/redact.ts + 1 modules
var redact = __webpack_require__(69695);
// EXTERNAL MODULE: ./src/config/attest.ts
var attest = __webpack_require__(92945);
// EXTERNAL MODULE: ./src/util/runner-env.ts
var runner_env = __webpack_require__(2426);
;// CONCATENATED MODULE: ./src/config/secret-id.ts
// A build secret's id (build.secrets): passed to buildx as `--secret id=ID,env=ID`, read from the
// environment variable of the same name, so never one of the runner's own (a pull request can
// change ml-image.yml).


const SecretIdSchema = schemas/* string */.YjP()
    .regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected a secret id' })
    .refine((id) => !(0,runner_env/* isRunnerOwnVariable */.P)(id), {
    error: (iss) => `${JSON.stringify(iss.input)} ${runner_env/* RUNNER_OWN_VARIABLE */.X}`,
});

// EXTERNAL MODULE: ./src/config/size.ts
var size = __webpack_require__(64089);
// EXTERNAL MODULE: ./src/config/pattern.ts
var pattern = __webpack_require__(95164);
;// CONCATENATED MODULE: ./src/config/smoke-schema.ts
// The `smoke:` block of ml-image.yml (part of ConfigFileSchema in schema.ts, which re-exports these
// names). Every default of the block lives here; docs/configuration.md is generated from it.


const SMOKE_SUITES = ['imports', 'pip-check', 'gpu', 'compute', 'train', 'ddp', 'custom'];
/** The networks a smoke test's container may have (smoke.network). */
const SMOKE_NETWORKS = ['none', 'bridge'];
/** Upper bound of a per-test timeout: smoke.timeoutSeconds and the --timeout flags (one day). */
const MAX_TIMEOUT_SECONDS = 86400;
const DEFAULT_GPU_RUNNER_LABELS = ['self-hosted', 'linux', 'x64', 'gpu'];
const TEST_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
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
    name: schemas/* string */.YjP()
        .regex(TEST_NAME, { error: 'expected a short name: lowercase letters, digits, ".", "_" or "-"' })
        .describe('Test id in results.'),
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
        env: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
        labels: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
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
        .default([...SMOKE_SUITES])
        .describe('Smoke suites to run; GPU suites skip on runners without a GPU.'),
    requireGpu: schemas/* boolean */.zMY().default(false).describe('Fail (not skip) GPU suites when no GPU is visible.'),
    gpuRunnerLabels: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .min(1)
        .default(DEFAULT_GPU_RUNNER_LABELS)
        .describe('runs-on labels of the self-hosted GPU runner.'),
    baseline: schemas/* string */.YjP({ error: 'expected a file path' })
        .min(1, { error: 'expected a file path' })
        .optional()
        .describe('Per-GPU throughput floors (JSON).'),
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

;// CONCATENATED MODULE: ./src/config/schema.ts
// The one schema of ml-image.yml. Every default lives here (and nowhere else): docs/configuration.md's config
// reference and ml-image.schema.json are generated from this file (scripts/gen-config-docs.ts).










// The smoke block lives in smoke-schema.ts; its names are imported from here as before.

const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const TEMPLATES = ['cpu', 'cuda', 'ngc'];
const RESOLVE_MODES = ['auto', 'check', 'off'];
const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
// Docker's reference grammar, simplified: lowercase path components separated by '/'.
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG_SAFE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const CUDA_VERSION = /^\d{1,2}\.\d{1,2}$/;
/** Registries whose host, written first in image.name, is surely a host (not a path component). */
const KNOWN_REGISTRY = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|ghcr\.io|quay\.io|nvcr\.io|(?:[a-z0-9-]+\.)?gcr\.io|registry\.gitlab\.com|public\.ecr\.aws|mcr\.microsoft\.com|[a-z0-9-]+\.azurecr\.io|[0-9]+\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com|[a-z0-9-]+-docker\.pkg\.dev)$/;
/**
 * The registry host image.name starts with, when it does (the registry named twice in the tags):
 * the configured registry, or a well-known one. A first component that merely has a dot stays a
 * path component ("team.ai/model" on a registry that takes dots).
 */
function hostInName(name, registry) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return undefined;
    const first = name.slice(0, slash);
    return first === registry.toLowerCase() || KNOWN_REGISTRY.test(first) ? first : undefined;
}
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
    name: schemas/* string */.YjP()
        .regex(TAG_SAFE, { error: 'expected a tag-safe name: lowercase letters, digits, ".", "_" or "-"' })
        .optional()
        .describe('Variant name used in tags (`1.4.0-<name>`). Default: `cpu`, `cuda<version>`; required with `base`.'),
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
            .describe('Repository path, without registry or tag.'),
        registry: schemas/* string */.YjP()
            .regex(oci_ref/* REGISTRY_HOST */.zv, { error: 'expected a registry host like "ghcr.io" or "localhost:5000"' })
            .default('ghcr.io')
            .describe('Registry host the image is pushed to.'),
        version: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,100}$/, { error: 'expected a tag-safe version like "1.4.0"' })
            .optional()
            .describe('Version used in tags (`<version>-<variant>`); default: from git.'),
    })
        .superRefine((image, ctx) => {
        const host = hostInName(image.name, image.registry);
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
        args: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP({ error: 'expected a string' }))
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
        mirrors: schemas/* record */.g1P(mirror(true), mirror(false))
            .default({})
            .describe('Pull base images through mirrors: `{"docker.io/library/python": "mirror.corp/python"}` (longest prefix wins).'),
        cache: schemas/* enum */.k5n(['auto', 'gha', 'registry', 'none'])
            .default('auto')
            .describe('Build cache per variant and platform. `auto`: GitHub Actions cache on a runner, else the registry (`<image>:cache-<variant>-<arch>`).'),
        provenance: schemas/* enum */.k5n(['false', 'min', 'max'])
            .default('min')
            .describe('Provenance attestation mode (not available with the docker driver).'),
        network: schemas/* enum */.k5n(['default', 'host', 'none'])
            .default('default')
            .describe('Network for RUN steps (`host` reaches indexes on the build machine).'),
        pull: schemas/* boolean */.zMY().default(false).describe('Always pull the newest base image.'),
        secrets: schemas/* array */.YOg(SecretIdSchema)
            .default([])
            .describe("Secret ids passed to buildx by id (`--secret id=...,env=...`); never the runner's own ACTIONS_*, INPUT_*, STATE_*."),
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
        .superRefine((ps, ctx) => {
        ps.forEach((p, i) => {
            if (ps.indexOf(p) !== i)
                ctx.addIssue({ code: 'custom', path: [i], message: `duplicate platform "${p}"` });
        });
    })
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
            .describe("pip index URL, http(s) or file (default: PIP_INDEX_URL, else PyPI); a login in it reaches pip by environment or secret mount only. Its login and a token in its query (`?token=`, `sig=` ...) or Anaconda's `/t/<token>/` are masked in the job's log, as are those of extraIndexUrls and torchIndexUrl."),
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
function normalizeConfig(parsed) {
    return {
        ...parsed,
        variants: parsed.variants.map((v) => {
            const kind = v.base !== undefined ? 'custom' : v.cuda !== undefined ? 'cuda' : 'cpu';
            const torch = v.torch ?? parsed.torch;
            return {
                name: variantName(v),
                kind,
                ...(v.cuda !== undefined && { cuda: v.cuda }),
                ...(v.base !== undefined && { base: v.base }),
                ...(torch !== undefined && { torch }),
                ...((v.python ?? parsed.python.version) !== undefined && {
                    python: v.python ?? parsed.python.version,
                }),
                ...(v.template !== undefined && { template: v.template }),
            };
        }),
    };
}


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
        .regex(SIZE_BUDGET_PATTERN, {
        error: 'expected a size such as "8GB" or "750MB", or a growth such as "+5%"',
    })
        .optional()
        .describe('Image size budget: an absolute size (`8GB`, `750MB`, `1.5GiB`) or a growth over the base branch (`+5%`). A breach fails the report stage, naming what grew most.'),
})
    .prefault({})
    .describe('Image size.');


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


/***/ })

};
