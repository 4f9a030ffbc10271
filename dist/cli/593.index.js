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
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32430);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17700);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(89780);
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
/* harmony import */ var _requirements_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37899);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89780);
// What build.args may hold: they end up in the image history (`docker history --no-trunc`) for
// anyone who can pull the image, so a credential is refused where the config is read (the plan, the
// action's config output), not only when the build starts. What a credential in a value is, is the
// rule a requirements file's URLs are judged by (requirements/credentials.ts literalCredentials):
// a placeholder (`<token>`, `YOUR_KEY`), a mask, a whole `${NAME}` or a short value is none. Pure.


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
 * a credential: URL credentials, a token by its shape, or what the shared rules mask in a URL and
 * a requirements file may not hold literally (literalCredentials, as in a comment: a login's
 * secret, also percent-encoded; the value of a query or fragment parameter named for a secret,
 * `?token=`, `&sig=`, `X-Amz-Signature=`; an Anaconda host's `/t/<token>/`); undefined when it
 * does not. The message names what, never the value.
 */
function credentialInValue(value) {
    if (URL_USERINFO.test(value))
        return 'its value carries URL credentials (user:password@ or token@ before the host)';
    if ((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .holdsToken */ .Qe)(value))
        return `its value holds a token (${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(value).slice(0, 200)})`;
    const found = (0,_requirements_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .literalCredentials */ .m)(value, false)[0];
    return found && `its value holds ${found.what}`;
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

/***/ 32430:
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
// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(89780);
// EXTERNAL MODULE: ./src/config/attest.ts
var attest = __webpack_require__(92945);
// EXTERNAL MODULE: ./src/config/secret-id.ts
var secret_id = __webpack_require__(92916);
// EXTERNAL MODULE: ./src/config/size.ts
var size = __webpack_require__(64089);
// EXTERNAL MODULE: ./src/config/pattern.ts
var pattern = __webpack_require__(95164);
;// CONCATENATED MODULE: ./src/config/user-map.ts
// A mapping whose keys the user writes (build.args, build.mirrors, a custom test's env and labels).
// zod's record skips a `__proto__` key without a word (copying it would replace the result's
// prototype), so the entry would vanish from the config: refused here instead, by name and line.

/** The key a JavaScript object cannot hold as an entry of its own once copied. */
const RESERVED_MAP_KEY = '__proto__';
/** What a refused `__proto__` key is told. */
const RESERVED_MAP_KEY_PROBLEM = `"${RESERVED_MAP_KEY}" cannot be a key here (JavaScript reserves the name: the entry would be dropped without a word); rename it`;
/** z.record(key, value), refusing a `__proto__` key (named at its path) before the record drops it. */
function userMap(key, value) {
    return schemas/* preprocess */.vkY((input, ctx) => {
        if (input !== null && typeof input === 'object' && Object.hasOwn(input, RESERVED_MAP_KEY))
            ctx.issues.push({
                code: 'custom',
                path: [RESERVED_MAP_KEY],
                input: RESERVED_MAP_KEY,
                message: RESERVED_MAP_KEY_PROBLEM,
            });
        return input;
    }, schemas/* record */.g1P(key, value));
}

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
        env: userMap(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
        labels: userMap(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
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
// reference is generated from this file (src/config/reference.ts; `npm run docs` rewrites it).











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
        registry: schemas/* string */.YjP({ error: 'expected a registry host like "ghcr.io" or "localhost:5000"' })
            .refine((host) => (0,oci_ref/* registryHostProblem */.r6)(host) === undefined, {
            error: (iss) => (0,oci_ref/* registryHostProblem */.r6)(String(iss.input)),
        })
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
        args: userMap(schemas/* string */.YjP(), schemas/* string */.YjP({ error: 'expected a string' }))
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
        mirrors: userMap(mirror(true), mirror(false))
            .default({})
            .describe('Pull base images through mirrors: `{"docker.io/library/python": "mirror.corp/python"}` (longest prefix wins).'),
        cache: schemas/* enum */.k5n(['auto', 'gha', 'registry', 'none'])
            .default('auto')
            .describe('Build cache per variant and platform. `auto`: GitHub Actions cache on a runner, else the registry (`<image>:cache-<variant>-<arch>`).'),
        // YAML reads an unquoted false / true as booleans: false is off, true buildx's default (min),
        // as the action's `provenance` input takes them.
        provenance: schemas/* preprocess */.vkY((v) => (v === false ? 'false' : v === true ? 'min' : v), schemas/* enum */.k5n(['false', 'min', 'max']))
            .default('min')
            .describe("Provenance attestation mode (not available with the docker driver): `false` (off), `min` or `max`; `true` is `min`, buildx's default."),
        network: schemas/* enum */.k5n(['default', 'host', 'none'])
            .default('default')
            .describe('Network for RUN steps (`host` reaches indexes on the build machine).'),
        pull: schemas/* boolean */.zMY().default(false).describe('Always pull the newest base image.'),
        secrets: secret_id/* SecretIdsSchema */.s4.default([]).describe("Secret ids passed to buildx by id (`--secret id=...,env=...`), each once; never the runner's own ACTIONS_*, INPUT_*, STATE_*, nor an id this tool mounts itself (`ml_image_requirements`, `ml_image_constraints`, `ml_image_pip_conf`, `ml_image_torch_index`, `ml_image_env`). Each must be set in the environment of a run that builds (checked before the resolve stage starts)."),
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
    env: 'ml_image_env',
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

/***/ 37899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ editableCredentialWhy),
  m: () => (/* binding */ literalCredentials)
});

// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(89780);
;// CONCATENATED MODULE: ./src/util/url-secrets.ts
// The secret parts of a URL, for a log masker (core.setSecret): a runner then hides them wherever
// they appear, also in what pip or buildx print verbatim, which redactText never sees. The parts
// are what the shared rules mask in text (images/probe/redaction-rules.json): the userinfo, the
// value of a query or fragment parameter named for a secret, Anaconda's /t/<token>/ segment. The
// secret ones among them (not a plain user name, a placeholder, a short value, /t/ off Anaconda's
// hosts), written literally in a requirements file, are refused (requirements/credentials.ts).

const { span, query, pathToken } = redact/* REDACTION_RULES */.iz.urlTokens;
const URL_SPAN = new RegExp(span);
const QUERY_SECRET_G = new RegExp(query.pattern, query.ignoreCase ? 'gi' : 'g');
const PATH_TOKEN = new RegExp(pathToken);
/** A whole ${NAME}: pip expands it from the environment, it is no secret itself. */
const NAME_REFERENCE = /^\$\{[A-Za-z0-9_]+\}$/;
const isNameReference = (part) => NAME_REFERENCE.test(part);
/**
 * The tokens of URL (from its first '://' to whitespace or '"') that the shared rules mask:
 * Anaconda's `/t/<token>/` segment right after the host, and the value of each query or fragment
 * parameter named for a secret (`?token=`, `&sig=`, `X-Amz-Signature=`, also percent-encoded).
 * A value that is a whole `${NAME}` is not one (the rule skips it); an empty one is given as such.
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
    for (const m of rest.matchAll(QUERY_SECRET_G))
        out.push({ where: m[1], value: m[2], at: colon + m.index + m[1].length });
    return out;
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
const noSecret = (part) => part === '' || part === redact/* REDACTED */.XF || part === redact/* MASK */.v5 || isNameReference(part);
/**
 * Whether PART of a URL (a password, a parameter's value) holds a value of its own: not empty, not
 * masked already, not a whole `${NAME}` reference (as written or percent-decoded).
 */
const isLiteralSecret = (part) => {
    const d = decoded(part);
    return !noSecret(part) && (d === undefined || !noSecret(d));
};
/**
 * Every secret part of URL, to mask in logs: its user name and password, the value of each query
 * or fragment parameter the shared rule names (`?token=`, `&X-Amz-Signature=`, `sig=`, also
 * percent-encoded, in a URL nested in the query), and the token of an Anaconda `/t/<token>/`
 * segment right after the host. Each is given as written in the URL (percent-encoded) and
 * decoded, when that differs; a part that does not decode (a bare '%') is given as written. Empty,
 * masked already or a whole `${NAME}` reference (in either form) is left out, and so is a form
 * shorter than MIN_CHARS (a mask that short would hide that text in every log line).
 */
function urlSecrets(url, minChars) {
    const parts = [];
    try {
        const u = new URL(url);
        parts.push(u.username, u.password);
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
const decodedOr = (text) => decoded(text) ?? text;
/**
 * References pip does not fill in (it expands only `${NAME}`): a shell's `$NAME` and `$(command)`,
 * Windows' `%NAME%`, a template's `{{name}}` (also GitHub's `${{ secrets.NAME }}`).
 */
const UNEXPANDED = [
    /^\$[A-Za-z_][A-Za-z0-9_]*$/,
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
    if (isNameReference(value) || isUnexpandedReference(value))
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
    if (!isLiteralSecret(value) || d.length < MIN_SECRET_CHARS)
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
/** Token forms the refusal knows beyond the shared rules: a PyPI API token (a macaroon). */
const EXTRA_TOKEN_SHAPES = ['pypi-AgE[A-Za-z0-9_-]{20,}'];
const TOKEN_SHAPES = [...redact/* REDACTION_RULES */.iz.secretValues, ...EXTRA_TOKEN_SHAPES];
const TOKEN_SHAPE_G = TOKEN_SHAPES.map((p) => new RegExp(p, 'g'));
/**
 * Where the tokens of a known form are in TEXT (a comment), [start, end) each: the shared rules'
 * secretValues (ghp_, github_pat_, glpat-, hf_, AKIA, xox?-, sk-), a PyPI token and a JSON Web
 * Token; a masked one (`hf_xxxxxxxxxxxxxxxxxxxx`) is none. Not the generic base64-like rule: a
 * `--hash` digest is no token.
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

// EXTERNAL MODULE: ./src/requirements/parse.ts + 1 modules
var parse = __webpack_require__(12696);
;// CONCATENATED MODULE: ./src/requirements/credentials.ts
// Credentials in a requirements file's URLs, judged as written (a ${NAME} pip fills in from
// build.secrets is the way to pass one, never a problem in itself). Two refusals, both exit 2 at
// the door (read.ts): an editable install whose URL holds a login or any ${NAME}
// (editableCredentialWhy), and a credential written literally in any URL of any line or of any
// comment (literalCredentials; their problems: credential-problems.ts): a login's password, a user name
// that is a token, a token in the query, as the shared redaction rules
// (images/probe/redaction-rules.json) name its parameters, an Anaconda /t/<token>/ segment (on an
// Anaconda host), in a comment also a token of a known form anywhere. What a value is (a secret, a
// placeholder, a mask, a reference pip does not fill in) is credential-values.ts' rule. Pure.
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
 * not); and, on an Anaconda host only, its /t/<token>/ segment (a forum's /t/<topic>/ is none).
 */
function urlTokensToJudge(url) {
    const all = urlTokens(url);
    const query = all.filter((t) => t.where !== '/t/');
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
    return out;
}
const LOGIN_WHAT = 'a login (a password, or a token as the user name)';
const REFERENCE_WHAT = 'a reference pip does not fill in ($NAME, %NAME%, {{name}} or $(...))';
/** How a message names a credential found in WHERE (a login, `sig=`, `/t/`, a token in a comment). */
function whatOf(where, kind) {
    if (kind === 'reference')
        return `${REFERENCE_WHAT} in ${where === 'login' ? 'a login' : where === '/t/' ? '/t/<token>/' : `the query (${where})`}`;
    if (where === 'login')
        return LOGIN_WHAT;
    if (where === '/t/')
        return 'an Anaconda token (/t/<token>/)';
    if (where === 'token')
        return 'a token of a known form (ghp_, glpat-, hf_, pypi-, AKIA, sk-, a JWT ...)';
    return `a token in the query (${where})`;
}
/**
 * The credentials written literally in TEXT (a requirements line as written, or with LIVE false a
 * comment): the secret of each login (loginSecret), also of a URL nested in another's query or
 * written percent-encoded; a query or fragment parameter the shared rules name, and an Anaconda
 * host's `/t/<token>/` segment (urlTokensToJudge); in a comment also a token of a known form
 * anywhere (tokensIn). What is a secret, and what is no credential (a whole `${NAME}`, a mask, a
 * placeholder, a short value), is credential-values.ts' rule; in a line, a reference pip does not
 * fill in (`$TOKEN`) is one too, of kind 'reference'.
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
    if (!live)
        for (const [start, end] of outside(tokensIn(text), found))
            add('token', 'secret', start, end - start);
    return found;
}
/**
 * The spans of SPANS ([start, end) each) that overlap none of TAKEN: a token of a known form found
 * in a URL's credential already is named once. Linear after sorting: spans by their end, TAKEN by
 * its start, each with the furthest end of those that start before it.
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

/***/ 12696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ew: () => (/* reexport */ pep508/* canonicalName */.Ew),
  Q4: () => (/* binding */ envReferences),
  W_: () => (/* reexport */ pep508/* parsePep508 */.W_),
  XW: () => (/* binding */ parseRequirementsText),
  Ms: () => (/* binding */ remoteIncludes),
  QT: () => (/* binding */ requirementNames)
});

// UNUSED EXPORTS: expandEnv, logicalLines, parseLine

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

// EXTERNAL MODULE: ./src/requirements/pep508.ts
var pep508 = __webpack_require__(71302);
;// CONCATENATED MODULE: ./src/requirements/parse.ts
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
const URL_LIKE = /^(?:[A-Za-z][A-Za-z0-9+.-]*\+)?(?:https?|file|ftp|git|hg|svn|bzr|ssh):/i;
function eggName(url) {
    const egg = /[#&]egg=([^&]+)/.exec(url)?.[1];
    return egg ? (0,pep508/* canonicalName */.Ew)(egg.replace(/\[.*$/, '')) : undefined;
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
/** A requirement token that pip treats as a location (URL, path, archive) rather than PEP 508. */
function asLocation(arg) {
    // pip: markers follow a URL after "; " (a URL may contain ';'), a name after ";".
    const loc = (URL_LIKE.test(arg) ? arg.split('; ')[0] : arg.split(';')[0]).trim();
    if (URL_LIKE.test(loc) || looksLikePath(loc) || ARCHIVE.test(withoutFinalExtras(loc))) {
        // "name @ url" with spaces is PEP 508, not a location. (\s*(\[...\])?\s*@ split a run of blanks
        // between the two \s* every way: quadratic. The blanks after the extras go with them here.)
        if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\]\s*)?@/.test(loc) && !looksLikePath(loc.split('@')[0]))
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
        const r = (0,pep508/* parsePep508 */.W_)(args);
        return {
            kind: 'requirement',
            name: (0,pep508/* canonicalName */.Ew)(r.name),
            editable: false,
            ...(r.url !== undefined && { url: r.url }),
        };
    }
    catch (e) {
        if (e instanceof pep508/* Syntax */.w4)
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
/** Project names of a requirements text (lines parsed as pip does; options, bare paths and URLs without #egg= skipped). */
function requirementNames(text) {
    return parseRequirementsText(text).lines.flatMap((l) => l.kind === 'requirement' && l.name !== undefined ? [l.name] : []);
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
/* harmony export */   "in": () => (/* binding */ isDistName),
/* harmony export */   w4: () => (/* binding */ Syntax)
/* harmony export */ });
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
        const group = parseMarker(c);
        c.ws();
        if (!c.eat(')'))
            c.fail('expected ")" to close the marker group');
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
            return { name, extras, url };
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
            return { name, extras };
        if (!c.eat(';')) {
            if (/[<>=!~]/.test(c.s[c.i]))
                c.fail('invalid version specifier');
            c.fail('expected a version specifier, ";" and a marker, or the end of the line');
        }
    }
    const marker = formatMarker(parseMarker(c));
    c.ws();
    if (!c.done())
        c.fail('unexpected text after the marker');
    return { name, extras, ...(url !== undefined && { url }), marker };
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
