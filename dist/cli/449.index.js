export const id = 449;
export const ids = [449];
export const modules = {

/***/ 10854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oX: () => (/* binding */ GITHUB_ISSUER),
  WM: () => (/* binding */ checkConfigKey),
  T: () => (/* binding */ chooseSigning),
  r2: () => (/* binding */ signingTools),
  p0: () => (/* binding */ verifyCommand)
});

// UNUSED EXPORTS: checkKeyFile

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/field-error.ts
var field_error = __webpack_require__(95245);
// EXTERNAL MODULE: ./src/attest/cosign-args.ts
var cosign_args = __webpack_require__(51386);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/util/on-path.ts
// Whether a program is on PATH: the directories of PATH searched for an executable file of that
// name, as a shell would find it. No process is started.


function onPath(program, env) {
    for (const dir of (env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (dir === '')
            continue;
        const file = external_node_path_default().join(dir, program);
        try {
            if (!(0,external_node_fs_.statSync)(file).isFile())
                continue;
            (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
            return true;
        }
        catch {
            // not there, or not executable: the next directory
        }
    }
    return false;
}

// EXTERNAL MODULE: ./src/attest/verify-inputs.ts + 2 modules
var verify_inputs = __webpack_require__(19171);
// EXTERNAL MODULE: ./src/attest/cosign-key.ts
var cosign_key = __webpack_require__(98224);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/github/run.ts
var run = __webpack_require__(31738);
;// CONCATENATED MODULE: ./src/attest/signing.ts
// Which identity signs (pure): `sign: auto|key|keyless|off` with what the environment offers.
// Keyless needs GitHub's OIDC token (a job with `permissions: id-token: write`); a key comes from
// the `attest.key` file or COSIGN_KEY (its contents; cosign reads it as env://COSIGN_KEY, so the key
// never appears on a command line). Asking for a mode that cannot work is bad input (exit 2).










const hasOidc = (env) => Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
const OIDC_FIX = 'give the job `permissions: id-token: write` (GitHub Actions), or sign with a key: `sign: key` and COSIGN_KEY / COSIGN_PASSWORD as secrets';
/** Off GitHub Actions (a laptop, another CI): a key is the way to sign; keyless needs an OIDC token. */
const LOCAL_KEY_FIX = 'set COSIGN_KEY to the private key (cosign generate-key-pair) and COSIGN_PASSWORD to its password, or set attest.key to the key file; keyless signing needs a CI OIDC token (GitHub Actions: `permissions: id-token: write`)';
const KEY_FIX = 'put the private key (cosign generate-key-pair) in the COSIGN_KEY secret and its password in COSIGN_PASSWORD, or set attest.key to the key file';
const COSIGN_FIX = 'install cosign 2.x before this step (sigstore/cosign-installer, pinned by SHA, as the reusable workflow does)';
/** The runner's tools, from ENV's PATH. */
const signingTools = (env) => ({ cosign: onPath('cosign', env) });
/**
 * The key to sign with: the config's file, else COSIGN_KEY; undefined when neither. The file is
 * read now: a missing one, one that is no regular file (a directory, a FIFO, a device) or no
 * encrypted cosign key is bad input before anything is built and pushed unsigned.
 */
function keyFrom(cfg, env, baseDir, tools) {
    if (cfg.key !== undefined && (0,verify_inputs/* isKeyReference */.NI)(cfg.key)) {
        (0,verify_inputs/* refuseKeyReferenceSecrets */.Mq)(cfg.key, 'attest.key:');
        // A KMS key (awskms://, gcpkms://, azurekms://, hashivault://) or a PKCS #11 token: cosign's.
        if (!tools.cosign)
            throw new errors/* EnvironmentError */.eG(`attest.key ${cfg.key} is a key that cosign signs with, and cosign is not on PATH`, COSIGN_FIX);
        return { kind: 'key', key: cfg.key };
    }
    if (cfg.key !== undefined)
        return { kind: 'key', key: checkKeyFile(cfg.key, baseDir) };
    if (env.COSIGN_KEY?.trim())
        return { kind: 'key', key: 'env://COSIGN_KEY' };
    return undefined;
}
/**
 * KEY (attest.key, a file path) read and checked now: a missing file, one that is no regular file
 * (a directory, a FIFO, a device) or no encrypted cosign private key is bad input naming the field,
 * quoting none of it. Anywhere, on a runner too: a private key belongs outside the repository (a
 * self-hosted runner's fixed path, a file an earlier step wrote), never in the build context.
 * Its absolute path.
 */
function checkKeyFile(key, baseDir) {
    const file = external_node_path_default().resolve(baseDir, key);
    const text = (0,read_regular/* readRegularText */.Aj)(file, verify_inputs/* MAX_KEY_FILE_BYTES */.Qn, (e) => new errors/* InputError */.dz(e.code === 'ENOENT'
        ? `attest.key: no key file at ${file}`
        : `attest.key: ${file} ${e.code !== undefined ? `cannot be read (${e.code})` : e.reason}`, `${KEY_FIX} (the path is relative to the config file)`));
    if (!(0,cosign_key/* isEncryptedCosignKey */.dT)(text))
        throw new errors/* InputError */.dz(`attest.key: ${file} is not an encrypted cosign private key (no "ENCRYPTED SIGSTORE PRIVATE KEY" block)`, 'give the cosign.key file that "cosign generate-key-pair" wrote (its password in COSIGN_PASSWORD)');
    return file;
}
/**
 * The config's attest.key checked before any work (validate; run before the registry is asked),
 * as the attest stage would read it: the error names the field and the config file's line. A key
 * reference (KMS, PKCS #11) is cosign's, refused only when it holds a secret; only sign key and
 * auto read the file (keyless and off never do: a release job's key file a pull request's keyless
 * run lacks is no problem).
 */
function checkConfigKey(loaded) {
    const { key, sign } = loaded.config.attest;
    if (key === undefined || (sign !== 'key' && sign !== 'auto'))
        return;
    if ((0,verify_inputs/* isKeyReference */.NI)(key))
        (0,field_error/* asConfigProblem */.cq)(loaded, () => (0,verify_inputs/* refuseKeyReferenceSecrets */.Mq)(key, 'attest.key:'));
    else
        (0,field_error/* asConfigProblem */.cq)(loaded, () => checkKeyFile(key, loaded.baseDir));
}
function describeKey(identity) {
    return identity.kind === 'key' && identity.key === 'env://COSIGN_KEY'
        ? 'with the key in COSIGN_KEY'
        : `with the key file ${identity.kind === 'key' ? identity.key : ''}`;
}
/**
 * How this run signs. `auto`: a key configured in attest.key first (it was asked for by name);
 * else keyless when the job has an OIDC token, cosign is on PATH and attest.tlog is not false
 * (keyless signatures are logged in the public Rekor); else the key in COSIGN_KEY; else not at all,
 * saying why. `key` and `keyless` without what they need are bad input (exit 2), or an environment
 * problem (exit 3) when cosign, which they run, is not on PATH.
 */
function chooseSigning(cfg, env, baseDir, tools = signingTools(env)) {
    const keyTlog = cfg.tlog ?? false;
    const keyless = (note = '') => ({
        identity: { kind: 'keyless' },
        reason: `signed keyless (GitHub OIDC, Sigstore)${note}`,
        tlog: true,
    });
    switch (cfg.sign) {
        case 'off':
            return { identity: null, reason: 'not signed: attest.sign is off', tlog: false };
        case 'keyless':
            if (!hasOidc(env))
                throw new errors/* InputError */.dz('attest.sign: keyless, but this job has no OIDC token', OIDC_FIX);
            if (cfg.tlog === false)
                throw new errors/* InputError */.dz('attest.sign: keyless, but attest.tlog is false: keyless signatures are logged in the public Rekor log', 'leave attest.tlog out with keyless, or sign with a key (sign: key) to keep the log out');
            if (!tools.cosign)
                throw new errors/* EnvironmentError */.eG('attest.sign is keyless, which cosign signs, and cosign is not on PATH', COSIGN_FIX);
            return keyless();
        case 'key': {
            const key = keyFrom(cfg, env, baseDir, tools);
            if (!key)
                throw new errors/* InputError */.dz('attest.sign: key, but there is no key (COSIGN_KEY is empty, attest.key unset)', KEY_FIX);
            return { identity: key, reason: `signed ${describeKey(key)}`, tlog: keyTlog };
        }
        case 'auto': {
            const signedWith = (key, note = '') => ({
                identity: key,
                reason: `signed ${describeKey(key)}${note}`,
                tlog: keyTlog,
            });
            if (cfg.key !== undefined)
                return signedWith(keyFrom(cfg, env, baseDir, tools));
            const oidc = hasOidc(env);
            if (oidc && cfg.tlog !== false && tools.cosign)
                return keyless(env.COSIGN_KEY?.trim() ? ' (COSIGN_KEY is set and not used: sign: key signs with it)' : '');
            // Why an OIDC token was not used, when there is one.
            const notKeyless = !oidc
                ? undefined
                : cfg.tlog === false
                    ? 'attest.tlog is false, and keyless signatures are logged in the public Rekor log'
                    : `keyless signing runs cosign, which is not on PATH (${COSIGN_FIX})`;
            const key = keyFrom(cfg, env, baseDir, tools);
            if (key)
                return signedWith(key, notKeyless ? ` (not keyless: ${notKeyless})` : '');
            return {
                identity: null,
                reason: notKeyless
                    ? `not signed: ${notKeyless}; and no key (${KEY_FIX}); the attestations are written to the result directory only`
                    : `not signed: no OIDC token and no key (${env.GITHUB_ACTIONS === 'true' ? OIDC_FIX : LOCAL_KEY_FIX}); the attestations are written to the result directory only`,
                tlog: false,
            };
        }
    }
}
/** The OIDC issuer of GitHub Actions' tokens (what keyless signatures from a workflow carry). */
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** Quote one shell word when it needs it (the command is shown for copying, never run by us). */
const shellWord = (w) => (/^[A-Za-z0-9_./:=@,+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
const ownerRepo = (r) => (r !== undefined && (0,run/* isOwnerRepo */.Yn)(r) ? r : undefined);
const reEscape = (r) => r.replace(/\./g, '\\.');
/** A branch or tag ref a shown command can pin as it is (the renderer keeps only plain words). */
const pinnableRef = (r) => r !== undefined && /^refs\/(?:heads|tags)\/[A-Za-z0-9._/-]{1,200}$/.test(r) ? r : undefined;
/**
 * The `cosign verify-attestation` command that checks one attestation: the public key is named
 * cosign.pub (the verifier holds it). Keyless: a workflow of RUN.workflowRepository signed (the
 * certificate's identity is the signing workflow file: a reusable workflow's own, in its own
 * repository; default RUN.repository), in a run of RUN.repository (the workflow-repository extension), on
 * RUN.workflowRef (GITHUB_REF of the signing run: refs/heads/main, refs/tags/v1.2.3; the workflow-ref
 * extension), so that a run of another branch's workflow, which could sign too, does not pass.
 */
function verifyCommand(ref, cosignType, identity, tlog, run) {
    const repo = ownerRepo(run.repository) ?? 'OWNER/REPO';
    const signer = ownerRepo(run.workflowRepository) ?? repo;
    const gitRef = pinnableRef(run.workflowRef);
    const verifier = identity.kind === 'key'
        ? { kind: 'key', publicKey: 'cosign.pub' }
        : {
            kind: 'keyless',
            certificateIdentityRegexp: `^https://github\\.com/${reEscape(signer)}/\\.github/workflows/`,
            certificateOidcIssuer: GITHUB_ISSUER,
            certificateGithubWorkflowRepository: repo,
            ...(gitRef !== undefined && { certificateGithubWorkflowRef: gitRef }),
        };
    const argv = (0,cosign_args/* verifyAttestationArgs */.xt)(ref, cosignType, verifier, { tlog }).filter((a, i, all) => a !== '--output' && all[i - 1] !== '--output');
    return ['cosign', ...argv].map(shellWord).join(' ');
}


/***/ }),

/***/ 97432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ SmokePredicateSchema),
/* harmony export */   LZ: () => (/* binding */ buildSmokePredicate),
/* harmony export */   MP: () => (/* binding */ smokeContradictions)
/* harmony export */ });
/* unused harmony exports SMOKE_PREDICATE_SCHEMA_VERSION, MAX_REASON_CHARS, MAX_METRIC_CHARS, metricValue, gpusFromTests */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92857);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11012);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17700);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3228);
/* harmony import */ var _github_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31738);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79124);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(38287);
// The smoke-test attestation's predicate: what the smoke suites found in one image by digest, on
// which GPUs and runner. Its JSON Schema is docs/attestations/smoke-v1.schema.json; a unit test
// validates the same predicates with both, so they cannot drift. No test output and no
// failure-pattern text go in, and every string is scrubbed of secrets.








const SMOKE_PREDICATE_SCHEMA_VERSION = 1;
/** Longest reason and metric text kept (a longer one is cut, with an ellipsis). */
const MAX_REASON_CHARS = 1000;
const MAX_METRIC_CHARS = 256;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const count = zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().int().nonnegative();
const counts = { pass: count, fail: count, skip: count };
const status = zod__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']);
const SmokePredicateSchema = zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz(SMOKE_PREDICATE_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
        ref: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
        digest: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().regex(_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .DIGEST_RE */ .Vt),
        platform: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
        variant: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
    }),
    verdict: zod__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['pass', 'fail']),
    summary: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({ ...counts, durationMs: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().nonnegative() }),
    gpus: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
        requested: zod__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['all', 'none']),
        devices: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
            name: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
            driver: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().nullable(),
            memoryMiB: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().nonnegative().optional(),
            computeCapability: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().optional(),
        })),
        cuda: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
    }),
    suites: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({ name: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1), ...counts })),
    tests: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
        id: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
        suite: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
        status,
        durationMs: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().nonnegative(),
        reason: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().optional(),
        metrics: zod__WEBPACK_IMPORTED_MODULE_7__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_7__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP()])),
    })),
    runner: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
        name: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
        os: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
        arch: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
        url: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
    }),
    tool: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({ name: zod__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz(_types_js__WEBPACK_IMPORTED_MODULE_5__/* .TOOL_NAME */ .lH), version: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1) }),
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().regex(DATE_TIME),
});
/**
 * Text as the predicate keeps it: scrubbed, then cut short. Scrubbing first: a cut could end a
 * URL before its "@" or a token before its length, which the patterns would then miss.
 */
const cut = (s, max) => {
    const clean = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .redactText */ .Rd)(s);
    return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};
/**
 * A metric as the predicate keeps it: finite numbers as they are, text cut short, booleans and
 * lists of plain values as text (the gpu suite's `names`), anything else (null, objects) left out.
 */
function metricValue(v) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string')
        return cut(v, MAX_METRIC_CHARS);
    if (typeof v === 'boolean')
        return String(v);
    if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x)))
        return cut(v.map(String).join(', '), MAX_METRIC_CHARS);
    return undefined;
}
function testEntry(t) {
    const metrics = {};
    for (const [k, v] of Object.entries(t.metrics)) {
        const value = metricValue(v);
        if (value !== undefined)
            metrics[k] = value;
    }
    return {
        id: t.id,
        suite: t.suite,
        status: t.status,
        durationMs: Math.max(0, t.durationMs),
        ...(t.reason !== undefined && t.reason !== '' && { reason: cut(t.reason, MAX_REASON_CHARS) }),
        metrics,
    };
}
function tally(tests) {
    return {
        pass: tests.filter((t) => t.status === 'pass').length,
        fail: tests.filter((t) => t.status === 'fail').length,
        skip: tests.filter((t) => t.status === 'skip').length,
    };
}
/**
 * What in a smoke predicate contradicts its verdict "pass": a failed count in its summary or a
 * suite, a test whose status is fail, and a summary whose counts are not its tests' (a summary of
 * passes with no test listed too). None for a predicate buildSmokePredicate made; the schema cannot say it, and a signature
 * only says who wrote a predicate, not that it adds up: verify's `--require-smoke pass` holds only
 * for a passing verdict with none of these.
 */
function smokeContradictions(p) {
    const found = [];
    const { summary: s } = p;
    const listed = tally(p.tests);
    // The writer counts its tests (tally): a summary they do not add up to, none listed too, is no run's.
    if (listed.pass !== s.pass || listed.fail !== s.fail || listed.skip !== s.skip)
        found.push(`its summary counts ${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, its tests ${listed.pass}, ${listed.fail} and ${listed.skip}`);
    if (p.verdict !== 'pass')
        return found;
    if (s.fail > 0)
        found.push(`verdict pass with ${s.fail} failed in its summary`);
    const failed = p.tests.filter((t) => t.status === 'fail').map((t) => t.id);
    if (failed.length > 0)
        found.push(`verdict pass with failed tests: ${failed.join(', ')}`);
    const suites = p.suites.filter((x) => x.fail > 0).map((x) => `${x.name} (${x.fail})`);
    if (suites.length > 0)
        found.push(`verdict pass with failed tests in the suites ${suites.join(', ')}`);
    return found;
}
function suitesOf(tests) {
    const names = [...new Set(tests.map((t) => t.suite))];
    return names.map((name) => ({ name, ...tally(tests.filter((t) => t.suite === name)) }));
}
/**
 * The GPUs a passing test of the gpu suite saw (gpuSuiteSight: its `names`, `gpus` and `driver`
 * metrics): one device per GPU when they all bear one name, else one per name. For a record that
 * names none while the tests ran on GPUs (its probe ran without them: results of earlier versions,
 * or an engine that would not start the probe with GPUs). A test that names none (the image has no
 * nvidia-smi: its NVIDIA_DRIVER_CAPABILITIES leave out `utility`) gives one device named "" per GPU
 * CUDA counted (`cuda_devices`).
 */
function gpusFromTests(tests) {
    const seen = (0,_smoke_result_js__WEBPACK_IMPORTED_MODULE_3__/* .gpuSuiteSight */ .Cq)(tests);
    if (seen === undefined)
        return [];
    const { names, driver } = seen;
    if (names.length === 0)
        return Array.from({ length: seen.cudaDevices ?? 0 }, () => ({ name: '', driver }));
    const each = names.length === 1 ? (seen.gpus ?? 1) : 1;
    return names.flatMap((name) => Array.from({ length: each }, () => ({ name, driver })));
}
function gpusOf(input) {
    // A cluster job's results (`ml-image collect`) ran on the job's GPUs, which its gpu test names:
    // the record's are those of wherever the image was captured (a runner).
    const r = input.smoke.cluster === undefined ? input.record : undefined;
    // A GPU whose memory nvidia-smi does not give (unified memory: GB10) has none in the predicate.
    const recorded = (r?.gpus ?? []).map((g) => ({
        name: g.name,
        driver: g.driver,
        ...(g.memoryMiB !== null && { memoryMiB: g.memoryMiB }),
        computeCapability: g.computeCapability,
    }));
    return {
        requested: input.smoke.gpus,
        devices: recorded.length > 0 ? recorded : gpusFromTests(input.smoke.tests),
        ...(input.record?.cuda.runtime && { cuda: input.record.cuda.runtime }),
    };
}
/** The predicate, scrubbed and checked against SmokePredicateSchema (exit 2 naming the field). */
function buildSmokePredicate(input) {
    const { smoke } = input;
    const hex = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Hex */ .fg)(input.digest);
    const counts = tally(smoke.tests);
    // When and where the suites ran, as the smoke result says: the attestation may be made later, in
    // another job (the reusable workflow's attest job), or from an identical earlier run's results.
    const finishedAt = smoke.finishedAt !== undefined
        ? new Date(smoke.finishedAt).toISOString()
        : typeof input.finishedAt === 'string'
            ? input.finishedAt
            : input.finishedAt.toISOString();
    const predicate = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .scrubDeep */ .wE)({
        schemaVersion: SMOKE_PREDICATE_SCHEMA_VERSION,
        image: {
            ref: input.imageRef,
            digest: hex === undefined ? input.digest : `sha256:${hex}`,
            platform: input.platform,
            variant: input.variant,
        },
        verdict: counts.fail > 0 ? 'fail' : 'pass',
        summary: { ...counts, durationMs: Math.max(0, smoke.summary.durationMs) },
        gpus: gpusOf(input),
        suites: suitesOf(smoke.tests),
        tests: smoke.tests.map(testEntry),
        // A result that says when its suites ran and names no runner ran off a runner (locally, on a
        // cluster): no runner, rather than the attesting job's. Older results say neither.
        runner: input.runner ??
            smoke.runner ??
            (smoke.finishedAt === undefined && input.env ? (0,_github_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runnerFromEnv */ .W1)(input.env) : {}),
        tool: { name: _types_js__WEBPACK_IMPORTED_MODULE_5__/* .TOOL_NAME */ .lH, version: input.toolVersion },
        finishedAt,
    }, [input.variant, input.platform, ...smoke.tests.flatMap((t) => [t.id, t.suite])]);
    const parsed = SmokePredicateSchema.safeParse(predicate);
    if (!parsed.success)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`smoke predicate for ${input.imageRef}: ${(0,_config_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .formatIssues */ .og)(parsed.error, predicate, SmokePredicateSchema).join('; ')}`);
    return parsed.data;
}


/***/ }),

/***/ 31738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ig: () => (/* binding */ actionsRunUrl),
/* harmony export */   W1: () => (/* binding */ runnerFromEnv),
/* harmony export */   Yn: () => (/* binding */ isOwnerRepo),
/* harmony export */   kk: () => (/* binding */ runUrlFromEnv)
/* harmony export */ });
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38287);
// The workflow run and the runner, as the variables a GitHub runner sets describe them: the
// provenance names the run as its builder, and the smoke results say where the suites ran (the
// smoke attestation repeats it, even when another job makes it).

/** A GitHub repository name as GITHUB_REPOSITORY spells it: OWNER/REPO, nothing else. */
const isOwnerRepo = (name) => 
// "." and ".." are no names GitHub gives: in a URL path (/repos/../r) they would step out of it.
/^[\w.-]+\/[\w.-]+$/.test(name) && !name.split('/').some((part) => /^\.{1,2}$/.test(part));
/** A workflow run's page: what the report links to (the pull request's job and the fork poster alike). */
function actionsRunUrl(server, repository, runId) {
    return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}
/**
 * The workflow run as a URL:
 * `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/attempts/${GITHUB_RUN_ATTEMPT}`.
 * Undefined outside Actions (any of server, repository or run id missing).
 */
function runUrlFromEnv(env) {
    const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
    const repo = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    if (!server || !repo || !runId)
        return undefined;
    const attempt = env.GITHUB_RUN_ATTEMPT || '1';
    return (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactUrls */ .sK)(`${server}/${repo}/actions/runs/${runId}/attempts/${attempt}`, _util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF);
}
/** The runner from RUNNER_NAME, RUNNER_OS, RUNNER_ARCH and the run URL (empty values left out). */
function runnerFromEnv(env) {
    const url = runUrlFromEnv(env);
    return {
        ...(env.RUNNER_NAME && { name: env.RUNNER_NAME }),
        ...(env.RUNNER_OS && { os: env.RUNNER_OS }),
        ...(env.RUNNER_ARCH && { arch: env.RUNNER_ARCH }),
        ...(url !== undefined && { url }),
    };
}


/***/ })

};
