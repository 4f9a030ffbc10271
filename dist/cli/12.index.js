export const id = 12;
export const ids = [12];
export const modules = {

/***/ 43812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sc: () => (/* binding */ inputSecrets),
/* harmony export */   UA: () => (/* binding */ checkBuildSecrets),
/* harmony export */   YR: () => (/* binding */ refuseForkBuildSecrets)
/* harmony export */ });
/* unused harmony exports MAX_MASKED_FILE_BYTES, secretFileText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(70435);
/* harmony import */ var _util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(23419);
// The action's `secrets`, `secret-envs` and `secret-files` inputs (docker/build-push-action's):
// each a BuildKit secret of its own id, never a build argument; each value, a secret file's text
// too, masked in the build's output.





/**
 * build.secrets in a run the reusable workflow marks as a fork's (FORK_MARK: a fork's or a bot's
 * pull request): it is given no secret (GitHub gives a fork's none, the workflow uses none in a
 * run it marks), so a value could only come from the
 * runner's own environment (a self-hosted GPU runner's, after a maintainer's consent to run the
 * change in containers), which the pull request's config would then choose, to read in its build
 * or send to an index of its own (${NAME} in a requirement line): bad input, before any container.
 */
function refuseForkBuildSecrets(config, env) {
    if (env[_util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_4__/* .FORK_MARK */ .Rv] !== 'true' || config.build.secrets.length === 0)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`build.secrets: ${config.build.secrets.join(', ')}: a fork's run (${_util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_4__/* .FORK_MARK */ .Rv}=true) is given no secret, and a value here would come from this runner's own environment, which a pull request's config may not choose`, "a fork's run builds without secrets (GitHub passes it none): review the change and build it from a branch of this repository, whose runs are given the repository's secrets, or drop build.secrets from the config");
}
/**
 * What the build's secrets need from this run, pure, so that the pipeline asks it before any stage
 * starts a container or pushes: each build.secrets variable set in the environment, the `secrets`,
 * `secret-envs` and `secret-files` inputs' ids each given once (and none a build.secrets id or one
 * this action mounts itself), each `secret-envs` variable set. Returns the `secret-envs` values by
 * id.
 */
function checkBuildSecrets(options, config, env) {
    (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .secretEnvFrom */ .ol)(config.build.secrets, env);
    const taken = new Set([...Object.values(_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_SECRET_IDS */ .bN), ...config.build.secrets]);
    const ids = [...Object.keys(options?.secrets ?? {}), ...Object.keys(options?.secretEnvs ?? {})];
    // Each input's ids among themselves (secretMap), and secret-files' against secrets/secret-envs:
    // checked when read.
    const files = Object.keys(options?.secretFiles ?? {});
    for (const [i, id] of [...ids, ...files].entries()) {
        if (taken.has(id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${i < ids.length ? 'inputs "secrets"/"secret-envs"' : 'input "secret-files"'}: secret id ${id} is given twice (or is one this action mounts itself)`, 'give each secret id once');
        taken.add(id);
    }
    const values = Object.create(null); // an id __proto__ is a key like any other
    for (const [id, name] of Object.entries(options?.secretEnvs ?? {})) {
        const value = env[name];
        if (value === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`input "secret-envs": ${id}=${name}: ${name} is not set in the environment`, `set it in the step's env: (e.g. ${name}: \${{ secrets.${name} }})`);
        values[id] = value;
    }
    return values;
}
/** The most of a `secret-files` file read for the output's mask: a larger one is left out. */
const MAX_MASKED_FILE_BYTES = 64 * 1024;
/**
 * The text of FILE (a `secret-files` path) for the build output's mask, trimmed: undefined for a
 * file over MAX_MASKED_FILE_BYTES, a binary one (a NUL byte, or not UTF-8: a keystore, an archive,
 * which no log line quotes whole), one that is no regular file (opened without blocking, never
 * read: a FIFO would wait for a writer), or one that cannot be read (buildx says so when it mounts
 * it). Reads at most MAX_MASKED_FILE_BYTES + 1 bytes, whatever the file's size.
 */
function secretFileText(file) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0));
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!st.isFile() || st.size > MAX_MASKED_FILE_BYTES)
            return undefined;
        const buf = Buffer.alloc(MAX_MASKED_FILE_BYTES + 1);
        let n = 0;
        for (let got = 1; got > 0 && n < buf.length; n += got)
            got = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, n, buf.length - n, n);
        if (n > MAX_MASKED_FILE_BYTES || buf.subarray(0, n).includes(0))
            return undefined;
        return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n)).trim();
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * The `secrets` input (id=value) as 0600 files under `dir`, and the `secret-envs` input checked
 * against the environment (checkBuildSecrets, again); returns the files and every secret value
 * (masked in build output): each `secrets` and `secret-envs` value, and each `secret-files` file's
 * text read with READ (secretFileText: a RUN --mount=type=secret step, or a pip or curl error,
 * may print it). A value too short to mask safely is dropped where the mask is made (valueMasks).
 */
function inputSecrets(options, config, env, dir, read = secretFileText) {
    const files = Object.create(null);
    const values = {};
    for (const [id, value] of Object.entries(checkBuildSecrets(options, config, env)))
        values[`secret-env:${id}`] = value;
    for (const [id, file] of Object.entries(options?.secretFiles ?? {})) {
        const text = read(file);
        if (text)
            values[`secret-file:${id}`] = text;
    }
    const secrets = Object.entries(options?.secrets ?? {});
    if (secrets.length > 0)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    for (const [id, value] of secrets) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, id);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, value, { mode: 0o600 });
        files[id] = file;
        values[`secret:${id}`] = value;
    }
    return { files, values };
}


/***/ }),

/***/ 70435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ netrcUnmountedWarning),
/* harmony export */   KA: () => (/* binding */ inputsDigest),
/* harmony export */   O3: () => (/* binding */ publicPlanArgs),
/* harmony export */   _9: () => (/* binding */ INPUTS_DIGEST_ARG),
/* harmony export */   bN: () => (/* binding */ BUILD_SECRET_IDS),
/* harmony export */   nD: () => (/* binding */ writeBuildInputs),
/* harmony export */   ol: () => (/* binding */ secretEnvFrom)
/* harmony export */ });
/* unused harmony exports shellQuote, secretEnvScript */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82513);
/* harmony import */ var _config_secret_id_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92916);
/* harmony import */ var _python_py_pip_generated_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(34370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _python_indexes_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3788);
// What pip inside the build needs: requirements, constraints, index URLs (often with credentials)
// and build.secrets reach the build only as BuildKit secret mounts of 0600 files in a 0700 temp
// directory, never as build arguments (which the image history keeps for anyone who can pull it,
// and which hit E2BIG when large). Their digest, without credentials, is the cache key.








/**
 * The secret ids the templates mount (`RUN --mount=type=secret,id=...`) at /run/secrets/<id>: one
 * list with the config's, which refuses them as build.secrets ids.
 */
const BUILD_SECRET_IDS = _config_secret_id_js__WEBPACK_IMPORTED_MODULE_4__/* .TOOL_SECRET_IDS */ .b;
/** Build argument carrying the digest of the secret inputs: secret mounts are not in the cache key. */
const INPUTS_DIGEST_ARG = 'ML_IMAGE_INPUTS_SHA256';
/** Plan build args that travel as secrets instead (the torch index URL may carry credentials). */
const SECRET_PLAN_ARGS = new Set(['TORCH_INDEX_URL']);
/** Index variables that the pip.conf secret carries (config first, else the environment). */
const INDEX_ENV = new Set(['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL']);
/** The plan's build args that may be build arguments (those that travel as secrets removed). */
function publicPlanArgs(args) {
    return Object.fromEntries(Object.entries(args).filter(([k]) => !SECRET_PLAN_ARGS.has(k)));
}
/** build.secrets by name -> value from the environment; each must be set. */
function secretEnvFrom(secrets, env) {
    const out = {};
    for (const id of secrets) {
        const value = env[id];
        if (value === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`build.secrets: ${id} is not set in the environment`, `export ${id} (or pass it from a repository secret) before building`);
        }
        out[id] = value;
    }
    return out;
}
/** A POSIX shell single-quoted word: safe for any value (newlines, quotes, $, backticks). */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * Names the install step itself uses, or that would change how its shell runs: never exported
 * from build.secrets (they still reach a user's own Dockerfile as `--secret id=NAME`).
 */
const RESERVED_ENV = new Set([
    's',
    'c',
    'ti',
    'PATH',
    'IFS',
    'HOME',
    'SHELL',
    'ENV',
    'PS4',
    'TORCH_VERSION',
    'ML_IMAGE_CUDA',
]);
/**
 * A value as the install step sources it: shell-quoted, each run of line breaks in double quotes
 * ('a'"<LF>"'export X=' is a<LF>export X=), so that only a NAME's own line starts with "export ":
 * the templates' check of direct_url.json reads the build.secrets names from those lines (^export
 * with re.M, in the text Python's read_text makes of \r too a line break), and a value's line
 * "export X=" gave it a name that was no secret.
 */
const envValue = (value) => shellQuote(value).replace(/[\r\n]+/g, (breaks) => `'"${breaks}"'`);
/** `export NAME='value'` lines the templates' install step sources (build.secrets inside pip's RUN). */
function secretEnvScript(env) {
    return (Object.entries(env)
        .filter(([name]) => !INDEX_ENV.has(name) && !RESERVED_ENV.has(name))
        // An id that is no shell variable name (pip-token) is mounted by id only, never exported.
        .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        .map(([name, value]) => `export ${name}=${envValue(value)}\n`)
        .join(''));
}
/**
 * The indexes and the torch index the build's pip is given, their logins in a netrc file (the
 * ml_image_netrc secret, which the templates name in NETRC), as in the resolver (runIndexes).
 */
function buildIndexes(i) {
    return (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_6__/* .netrcIndexes */ .vT)(i.indexes, i.torchIndexUrl);
}
/**
 * The pip.conf of both pip steps (torch, then the requirements): the configured indexes, and the
 * torch index as one more extra index where the build installs torch, as every resolver dry run
 * sees them (pipRunEnv, torchIndexArgs; the templates' requirements step also names it in a file
 * after the requirements, as the dry runs do): torch==V takes its +cpu / +cuXYZ wheel from it,
 * torch's own dependencies come from where the resolver found them, and a pin it took from the torch index
 * (torchvision==0.20.1+cpu) is one the build can meet. Without configured indexes, the base
 * image's own (its pip.conf or PIP_INDEX_URL) stay the main one, as in the resolver. The URLs
 * carry no login the netrc file carries (buildIndexes).
 */
function buildPipConf(i) {
    return pipConfOf(buildIndexes(i));
}
const pipConfOf = (ix) => (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_6__/* .pipConf */ .aI)((0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_6__/* .withExtraIndex */ .BH)(ix.indexes, ix.torchIndexUrl));
/**
 * sha256 of what the secret files hold, with URL credentials removed: the pip layer rebuilds when
 * requirements, constraints or indexes change, and not when only a token is rotated.
 */
function inputsDigest(i) {
    const text = JSON.stringify({
        requirements: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrls */ .sK)(i.requirements),
        constraints: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrls */ .sK)(i.constraints),
        indexUrl: i.indexes.indexUrl !== undefined ? (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrls */ .sK)(i.indexes.indexUrl) : null,
        extraIndexUrls: i.indexes.extraIndexUrls.map((u) => (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrls */ .sK)(u)),
        torchIndexUrl: i.torchIndexUrl !== undefined ? (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrls */ .sK)(i.torchIndexUrl) : null,
        // What the pip.conf secret holds, as written (it derives from the fields above; stated so that
        // a change in how it is written rebuilds the layer too).
        pipConfs: i.torchIndexUrl !== undefined ? [(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrls */ .sK)(buildPipConf(i))] : undefined,
        secrets: Object.keys(i.secretEnv).sort(),
    });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}
/**
 * Writes the secret files of one target into DIR (created 0700, files 0600); returns id -> path.
 * A login that stays in its index URL (buildIndexes) is a warning through SAY, once per host.
 */
function writeBuildInputs(dir, i, say = () => undefined) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const ix = buildIndexes(i);
    (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_6__/* .warnKeptLogins */ .NB)(ix.kept, say);
    const files = {
        [BUILD_SECRET_IDS.requirements]: i.requirements === '' ? '' : `${i.requirements}\n`,
        [BUILD_SECRET_IDS.constraints]: i.constraints === '' ? '' : `${i.constraints}\n`,
        [BUILD_SECRET_IDS.pipConf]: pipConfOf(ix),
        [BUILD_SECRET_IDS.torchIndex]: ix.torchIndexUrl ?? '',
        [BUILD_SECRET_IDS.netrc]: ix.netrc,
        [BUILD_SECRET_IDS.env]: secretEnvScript(i.secretEnv),
        // No secret: pip, run through it, gives the pip it starts the index URLs in its environment.
        [BUILD_SECRET_IDS.pip]: _python_py_pip_generated_js__WEBPACK_IMPORTED_MODULE_7__/* .PIP_PY */ .o,
    };
    const out = {};
    for (const [id, content] of Object.entries(files)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, id);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(file, content, { mode: 0o600 });
        out[id] = file;
    }
    return out;
}
/**
 * A warning where DOCKERFILE (TEXT: its text) mounts the pip.conf secret but not the netrc file the
 * indexes' logins (INDEXES and the torch index) travel in: a Dockerfile of the user's own written
 * for an earlier version, whose pip would get 401 from a private index. Undefined where there is
 * no login to carry or the netrc file is mounted.
 */
function netrcUnmountedWarning(dockerfile, text, indexes, torchIndexUrl) {
    if ((0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_6__/* .netrcIndexes */ .vT)(indexes, torchIndexUrl).netrc === '')
        return undefined;
    if (!text.includes(BUILD_SECRET_IDS.pipConf) || text.includes(BUILD_SECRET_IDS.netrc))
        return undefined;
    return `${dockerfile} mounts the ${BUILD_SECRET_IDS.pipConf} secret but not ${BUILD_SECRET_IDS.netrc}: the indexes' logins travel in that one (the pip.conf URLs carry none), so a private index answers pip 401; mount it in the RUN that installs and export NETRC=/run/secrets/${BUILD_SECRET_IDS.netrc} there (docs/build.md, "Your own Dockerfile")`;
}


/***/ }),

/***/ 326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nh: () => (/* binding */ buildMaterials),
/* harmony export */   T6: () => (/* binding */ configRequirements),
/* harmony export */   TS: () => (/* binding */ materialPath),
/* harmony export */   o9: () => (/* binding */ withConstraintsDigests)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _requirements_references_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32780);
/* harmony import */ var _util_file_digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42545);
// What provenance names the build's inputs by, recorded when the build reads them (build.json's
// `materials`, each platform's `constraintsSha256`): the attest stage may run later, in another
// job or after a checkout of another commit, when the files on disk are no longer those built.



/** How provenance names a file: its path from the config's directory (its name when it is that). */
const materialPath = (baseDir, file) => node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(baseDir, file) || node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(file);
/** The config file by the digest of its bytes now; undefined without one (or gone since loaded). */
function configDigest(file, baseDir) {
    return file === undefined ? undefined : (0,_util_file_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .fileDigest */ .h)(file, materialPath(baseDir, file));
}
/**
 * The config's requirements as pip's text, and their -c files' lines (the build's constraints where
 * the resolver left none), with the files read by digest (of the bytes read). Checked with the
 * stage's environment, as the resolve stage checks them (never process.env), and with only
 * build.secrets filled in (the others are refused here): no message quotes another variable's value.
 */
function configRequirements(config, baseDir, env) {
    // A ${NAME} pip would expand but no secret mount gives it: refused now, not a failed install later.
    const read = (0,_requirements_references_js__WEBPACK_IMPORTED_MODULE_1__/* .readListedRequirements */ .c)(config.python.requirements, config.build.secrets, baseDir, env);
    const files = read.files.flatMap((f) => {
        const digest = read.sha256?.[f];
        return digest !== undefined ? [{ path: materialPath(baseDir, f), sha256: digest }] : [];
    });
    return { requirements: read.text, constraints: read.constraints.text, files };
}
/** build.json's `materials`: the config file and the requirements files, as the build read them. */
const buildMaterials = (configFile, baseDir, requirements) => {
    const config = configDigest(configFile, baseDir);
    return { ...(config && { config }), requirements: [...requirements] };
};
/** V with each platform's `constraintsSha256`: the digest of the resolver's constraints it got. */
function withConstraintsDigests(v, resolved) {
    return {
        ...v,
        platforms: v.platforms.map((p) => {
            const constraints = resolved?.[`${v.variant}/${p.platform}`]?.constraints;
            return constraints !== undefined ? { ...p, constraintsSha256: (0,_util_file_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256 */ .s)(constraints) } : p;
        }),
    };
}


/***/ }),

/***/ 23635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ askEnginePlatform),
/* harmony export */   b: () => (/* binding */ loadOnePlatformFix)
/* harmony export */ });
/* harmony import */ var _docker_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25835);
/* harmony import */ var _docker_engine_info_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25573);
/* harmony import */ var _docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74234);
// "This machine's platform" for the commands that name or choose one without a --platform and do
// not otherwise need the engine: the Docker engine's (GET /version: Os, Arch), which is what runs
// the containers. Node's process.arch is not it: an x64 Node under Rosetta on an Apple silicon Mac
// says x64 while the engine is arm64. Asked only of a local engine (the socket of DOCKER_HOST or
// the current Docker context: context.ts), with a request that is destroyed at its timeout, so an
// engine that accepts and never answers cannot hold the command open; a remote engine is not asked.



/** How long a command that only words a hint (or picks a tag) waits for the engine's answer. */
const ASK_MS = 3000;
/**
 * The local engine's platform (linux/amd64, linux/arm64), or undefined when there is none to ask
 * (a remote engine, a Docker context that does not exist) or it does not answer within `ms`: for
 * wording and choices only, never where a command needs the engine anyway (that one pings and
 * fails with the daemon's fix, exit 3).
 */
async function askEnginePlatform(io, ms = ASK_MS) {
    const socket = (0,_docker_engine_info_js__WEBPACK_IMPORTED_MODULE_1__/* .localEngineSocket */ .Tc)((0,_docker_context_js__WEBPACK_IMPORTED_MODULE_0__/* .engineEnv */ .aV)(io.env, (0,_docker_context_js__WEBPACK_IMPORTED_MODULE_0__/* .contextIfAny */ .H)(io.env)));
    if (socket === undefined)
        return undefined;
    const answer = await (0,_docker_engine_info_js__WEBPACK_IMPORTED_MODULE_1__/* .getOverSocket */ .Sq)(socket, '/version', ms);
    const body = answer?.status === 200 ? answer.body : undefined;
    return typeof body?.Os === 'string' && typeof body.Arch === 'string'
        ? (0,_docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .enginePlatform */ .q)({ os: body.Os, arch: body.Arch })
        : undefined;
}
/** The fix of --load with several platforms: the engine's own platform when it answers. */
async function loadOnePlatformFix(io) {
    const platform = await askEnginePlatform(io);
    return platform !== undefined
        ? `add --platforms ${platform} (this engine's platform; another one runs under QEMU), or push to a registry`
        : "add --platforms with one platform, this machine's (linux/arm64 on Apple silicon, linux/amd64 on most PCs and runners), or push to a registry";
}


/***/ }),

/***/ 56992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zn: () => (/* binding */ checkSigningSetup),
  vU: () => (/* binding */ prepareSigning),
  nU: () => (/* binding */ runAttest),
  rc: () => (/* binding */ warmRegistry)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/attest/of-image.ts
var of_image = __webpack_require__(87596);
// EXTERNAL MODULE: ./src/attest/signing.ts + 1 modules
var attest_signing = __webpack_require__(10854);
// EXTERNAL MODULE: ./src/attest/cosign-key.ts
var cosign_key = __webpack_require__(98224);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/attest/signers.ts + 6 modules
var signers = __webpack_require__(38206);
// EXTERNAL MODULE: ./src/capture/record.ts
var capture_record = __webpack_require__(66917);
// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results_results = __webpack_require__(98510);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/util/map-limit.ts
var map_limit = __webpack_require__(9992);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/oci/ref.ts
var ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/attest/purl.ts
var purl = __webpack_require__(11276);
// EXTERNAL MODULE: ./src/github/run.ts
var github_run = __webpack_require__(31738);
// EXTERNAL MODULE: ./src/util/url-userinfo.ts
var url_userinfo = __webpack_require__(91373);
// EXTERNAL MODULE: ./src/attest/types.ts
var types = __webpack_require__(79124);
// EXTERNAL MODULE: ./src/attest/result.ts
var attest_result = __webpack_require__(29476);
;// CONCATENATED MODULE: ./src/attest/provenance.ts
// The SLSA v1 provenance predicate (https://slsa.dev/spec/v1.0/provenance) of one image by digest:
// what was built from what (the source repository's commit, the config, the requirement and
// constraint files, the base image by digest), by which builder (the workflow run in Actions, the
// CLI elsewhere), and when. Pure.






// Its predicate type is defined with the other kinds' in result.ts (KIND_TYPES).

const BUILD_TYPE = 'https://ml-image-action.github.io/buildtypes/buildx/v1';
/** The builder id outside GitHub Actions. */
const CLI_BUILDER_ID = 'https://ml-image-action.github.io/builders/cli';
/** The builder: the workflow run (attempt) URL in GitHub Actions, the CLI's id elsewhere. */
function builderFromEnv(env) {
    return { id: (0,github_run/* runUrlFromEnv */.kk)(env) ?? CLI_BUILDER_ID };
}
/**
 * The base image as a resolved dependency: its purl (dockerPurl: pkg:docker/<path>@<digest, else
 * tag>?repository_url=<registry>), with its sha256 when known. A reference without a name (one that
 * ends in "/") has no purl, as in the SBOM: it is named by the reference, and left out without a
 * digest either (a ResourceDescriptor needs a uri, a digest or the content).
 */
function baseImageDependency(base) {
    const hex = (0,types/* sha256Hex */.fg)(base.digest ?? (0,ref/* parseImageRef */.Q)(base.ref).digest);
    const uri = (0,purl/* dockerPurl */.eY)(base.ref, hex && `sha256:${hex}`);
    if (uri === undefined && hex === undefined)
        return undefined;
    return {
        ...(uri !== undefined && { uri }),
        name: base.ref,
        ...(hex !== undefined && { digest: { sha256: hex } }),
    };
}
/** The source GitHub's variables name (the run's repository, commit and ref), if they do. */
function sourceFromEnv(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha, GITHUB_REF: ref } = env;
    if (!server || !repo || !sha)
        return undefined;
    return { repositoryUrl: `${server.replace(/\/+$/, '')}/${repo}`, commit: sha, ...(ref && { ref }) };
}
/**
 * The commit built. On a pull request's merge ref (refs/pull/N/merge: pull_request and its review
 * events) GitHub's variables: GITHUB_SHA is the merge commit the checkout holds (the git context
 * names the head, which people see). Elsewhere GIT, the run's git context, decides where it is
 * given: another commit than GITHUB_SHA (a workflow_run, issue_comment or schedule run's checkout)
 * is named without a ref, GITHUB_REF not being its; no commit (an empty one: the git context names
 * none for what may be a pull request's code whose checkout was not read) names no source, never
 * GITHUB_SHA. A pull_request_target run names none: GITHUB_SHA is the base branch's, the git
 * context names the head, and which commit its checkout holds is not read.
 */
function sourceOf(env, git) {
    const fromEnv = sourceFromEnv(env);
    if (!fromEnv)
        return git;
    // GITHUB_SHA is the base branch's and the git context names the head, whatever was checked out.
    if (env.GITHUB_EVENT_NAME === 'pull_request_target')
        return undefined;
    if (/^refs\/pull\//.test(env.GITHUB_REF ?? '') || !git)
        return fromEnv;
    if (!git.commit)
        return undefined;
    if (git.commit.toLowerCase() === fromEnv.commit.toLowerCase())
        return fromEnv;
    return { repositoryUrl: fromEnv.repositoryUrl, commit: git.commit };
}
/**
 * The source as a resolved dependency, as actions/attest-build-provenance and SLSA's GitHub build
 * type write it: git+<repository>@<ref> with its gitCommit; undefined without a full commit id.
 */
function sourceDependency(source) {
    const commit = source?.commit.toLowerCase();
    if (!source || !commit || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(commit))
        return undefined;
    const url = (0,url_userinfo/* withoutUserinfo */.Q)(source.repositoryUrl).replace(/\/+$/, '');
    return { uri: `git+${url}${source.ref ? `@${source.ref}` : ''}`, digest: { gitCommit: commit } };
}
/**
 * The workflow of the run (GITHUB_WORKFLOW_REF: <owner>/<repo>/<path>@<ref>) as SLSA's GitHub build
 * type names it in externalParameters: its ref, repository URL and path; undefined outside Actions.
 */
function workflowFromEnv(env) {
    const m = /^([^/@]+\/[^/@]+)\/([^@]+)@(.+)$/.exec(env.GITHUB_WORKFLOW_REF ?? '');
    const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
    if (!m || !server)
        return undefined;
    return { ref: m[3], repository: (0,url_userinfo/* withoutUserinfo */.Q)(`${server}/${m[1]}`), path: m[2] };
}
function fileDependency(f) {
    const hex = (0,types/* sha256Hex */.fg)(f.sha256);
    return { uri: f.path, ...(hex !== undefined && { digest: { sha256: hex } }) };
}
function invocationIdFor(input) {
    const run = (0,github_run/* runUrlFromEnv */.kk)(input.env);
    if (run !== undefined)
        return input.env.GITHUB_JOB ? `${run}#${input.env.GITHUB_JOB}` : run;
    const h = (0,external_node_crypto_.createHash)('sha256')
        .update(`${input.digest}\n${input.platform}\n${input.startedOn.toISOString()}`)
        .digest('hex');
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/**
 * The resolver's constraints: made by the run, so no file anyone can fetch; named, with the
 * sha256 of their text (a ResourceDescriptor needs a uri, a digest or the content, not all).
 */
function constraintsDependency(f) {
    const hex = (0,types/* sha256Hex */.fg)(f.sha256);
    return { name: f.path, ...(hex !== undefined && { digest: { sha256: hex } }) };
}
/** The SLSA v1 predicate; every string scrubbed (no URL credentials, no tokens). */
function buildProvenance(input) {
    const files = [...input.inputs, ...(input.constraints ? [input.constraints] : [])];
    const seen = new Set();
    const source = sourceDependency(sourceOf(input.env, input.source));
    const workflow = workflowFromEnv(input.env);
    const base = baseImageDependency(input.baseImage);
    const deps = [
        ...(source ? [source] : []),
        ...(base ? [base] : []),
        ...input.inputs.map(fileDependency),
        ...(input.constraints ? [constraintsDependency(input.constraints)] : []),
    ].filter((d) => {
        const key = `${d.uri ?? `name:${d.name}`}\n${d.digest?.sha256 ?? ''}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const predicate = {
        buildDefinition: {
            buildType: BUILD_TYPE,
            externalParameters: {
                ...(input.config && { config: { path: input.config.path, sha256: input.config.sha256 } }),
                variant: input.variant,
                platform: input.platform,
                tags: [...input.tags],
                ...(workflow && { workflow }),
            },
            internalParameters: { toolVersion: input.toolVersion },
            resolvedDependencies: deps,
        },
        runDetails: {
            builder: builderFromEnv(input.env),
            metadata: {
                invocationId: input.invocationId ?? invocationIdFor(input),
                startedOn: input.startedOn.toISOString(),
                finishedOn: input.finishedOn.toISOString(),
            },
        },
    };
    // Names from the config and the plan: not secrets, however long.
    const names = [input.variant, input.platform, ...input.tags, ...files.map((f) => f.path)];
    return (0,types/* scrubDeep */.wE)(predicate, input.config ? [...names, input.config.path] : names);
}

// EXTERNAL MODULE: ./src/attest/sbom.ts + 4 modules
var sbom = __webpack_require__(99737);
// EXTERNAL MODULE: ./src/attest/smoke-predicate.ts
var smoke_predicate = __webpack_require__(97432);
;// CONCATENATED MODULE: ./src/attest/predicates.ts





/** The predicate of a kind, with its types. */
function made(kind, predicate) {
    return { predicate, ...attest_result/* KIND_TYPES */.pC[kind] };
}
/** What a target's SBOM is made of. */
function sbomInput(ctx, record) {
    return {
        record,
        variant: ctx.variant,
        imageRef: `${ctx.repository}@${ctx.digest}`,
        imageDigest: ctx.digest,
        platform: ctx.platform,
        baseImage: ctx.baseImage,
        driverFloor: ctx.driverFloor ?? null,
        toolVersion: ctx.toolVersion,
    };
}
/** The kinds earlierPredicate may find: only an SBOM is worth not making again. */
const REUSABLE_KINDS = new Set(['sbom']);
/**
 * The predicate of KIND that an earlier run made for this target, from STATEMENT (which the
 * signing key signed: the caller checked), when it is the one predicateFor would make now: an SBOM
 * of this digest whose recorded inputs (sbomInputsDigest) are this target's. Undefined otherwise:
 * the provenance names this run's build, and the smoke predicate is quick to make.
 */
function earlierPredicate(kind, ctx, statement) {
    if (kind !== 'sbom' || !ctx.record || statement.predicateType !== types/* CYCLONEDX_PREDICATE_TYPE */.nv)
        return undefined;
    if (!statement.subject.some((s) => `sha256:${s.digest.sha256}` === ctx.digest))
        return undefined;
    const predicate = statement.predicate;
    const props = predicate?.metadata?.properties;
    const inputs = Array.isArray(props)
        ? props.find((p) => p?.name === sbom/* SBOM_INPUTS_PROPERTY */.C_)?.value
        : undefined;
    if (inputs !== (0,sbom/* sbomInputsDigest */.jL)(sbomInput(ctx, ctx.record)))
        return undefined;
    return made('sbom', predicate);
}
const built = (ctx) => (ctx.buildFinishedAt ? new Date(ctx.buildFinishedAt) : ctx.now);
function predicateFor(kind, ctx) {
    const imageRef = `${ctx.repository}@${ctx.digest}`;
    switch (kind) {
        case 'sbom':
            if (!ctx.record)
                return {
                    missing: ctx.notOfThisImage?.record ?? 'no environment record in this job (the smoke stage captures it)',
                };
            return made('sbom', (0,sbom/* buildSbom */.s2)(sbomInput(ctx, ctx.record)));
        case 'provenance':
            return made('provenance', buildProvenance({
                repository: ctx.repository,
                digest: ctx.digest,
                platform: ctx.platform,
                variant: ctx.variant,
                tags: [...ctx.tags],
                baseImage: ctx.baseImage,
                ...(ctx.config && { config: ctx.config }),
                inputs: [...ctx.inputs],
                ...(ctx.constraints && { constraints: ctx.constraints }),
                ...(ctx.source && { source: ctx.source }),
                env: ctx.env,
                // The build's own times: the attestation may come much later (after the smoke tests,
                // in another job).
                startedOn: new Date(built(ctx).getTime() - ctx.buildDurationMs),
                finishedOn: built(ctx),
                toolVersion: ctx.toolVersion,
            }));
        case 'smoke':
            if (!ctx.smoke)
                return { missing: ctx.notOfThisImage?.smoke ?? 'no smoke result in this job' };
            return made('smoke', (0,smoke_predicate/* buildSmokePredicate */.LZ)({
                smoke: ctx.smoke,
                ...(ctx.record && { record: ctx.record }),
                variant: ctx.variant,
                imageRef,
                digest: ctx.digest,
                platform: ctx.platform,
                env: ctx.env,
                toolVersion: ctx.toolVersion,
                finishedAt: ctx.now,
            }));
    }
}

// EXTERNAL MODULE: ./src/attest/spdx.ts
var spdx = __webpack_require__(54130);
;// CONCATENATED MODULE: ./src/attest/stage-lines.ts
/**
 * The first line: how the stage will sign ("signing with the key file ..."), or why it does not.
 * SigningChoice.reason says it as done ("signed ..."), as attest.json and the report record it.
 */
function signingLine(signing) {
    return signing.identity ? signing.reason.replace(/^signed\b/, 'signing') : signing.reason;
}
/** A target's line as it starts (signing only: without a signer it is done at once). */
const startLine = (t) => `${t.variant} ${t.platform}: started`;
const seconds = (ms) => `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
/**
 * A target's line as it ends, after MS: whether it was signed (when the stage signs), what was
 * attached and what only written, its notes; "stopped after" when it failed.
 */
function endLine(t, { signing, ms, stopped }) {
    const list = (xs) => xs.map((a) => a.kind).join(', ');
    const attached = t.attestations.filter((a) => a.attached);
    const written = t.attestations.filter((a) => !a.attached);
    const parts = [];
    if (t.signed && attached.length > 0 && written.length === 0)
        parts.push(`signed and attached ${list(attached)}`);
    else {
        if (signing || t.signed)
            parts.push(t.signed ? 'signed' : 'not signed');
        if (attached.length > 0)
            parts.push(`attached ${list(attached)}`);
        if (written.length > 0)
            parts.push(`written (not attached): ${list(written)}`);
        if (t.attestations.length === 0)
            parts.push('no attestations');
    }
    const notes = t.notes.length ? ` (${t.notes.join('; ')})` : '';
    return `${t.variant} ${t.platform}: ${parts.join('; ')}${stopped ? `: stopped after ${seconds(ms)}` : ` in ${seconds(ms)}`}${notes}`;
}

// EXTERNAL MODULE: ./src/build/result.ts
var result = __webpack_require__(99183);
;// CONCATENATED MODULE: ./src/attest/targets.ts
// The attest stage's targets (pure): each platform image the build pushed, in the build's order,
// with its entry in attest.json as it starts (nothing attached, not signed). A platform only
// loaded into the local engine (not pushed: isPushed) has no digest in a registry: nothing to
// attest there. One pushed and loaded too (the `load` input) is in the registry: a target.

/** BUILD's targets (repository@digest of each pushed platform) and the platforms not pushed. */
function attestTargets(build) {
    const targets = [];
    const notPushed = [];
    for (const v of build.variants)
        for (const p of v.platforms) {
            if (!(0,result/* isPushed */.Yx)(p)) {
                notPushed.push({
                    variant: v.variant,
                    platform: p.platform,
                    ...(p.localRef !== undefined && { localRef: p.localRef }),
                });
                continue;
            }
            const target = {
                variant: v.variant,
                platform: p.platform,
                ref: `${v.repository}@${p.digest}`,
                attestations: [],
                signed: false,
                notes: [],
            };
            targets.push({ v, p, target });
        }
    return { targets, notPushed };
}

;// CONCATENATED MODULE: ./src/attest/stage.ts











/** Attach one target's predicates and sign the image (JOB.target says what was done). */
async function attestTarget(job, 
/** This target's turn on node's one thread (see `turns`): awaited, then released. */
turn) {
    const release = await turn();
    let calls = [];
    try {
        calls = await startTarget(job);
    }
    catch (e) {
        // The files it started writing are there (or failed) before the stage records anything.
        await Promise.allSettled(job.writes);
        (0,attest_result/* forgetFiles */.Pe)(job.target, job.unwritten);
        throw e;
    }
    finally {
        // The next target's turn once this one's requests are out (an I/O round and its callbacks).
        setImmediate(release);
    }
    const settled = await Promise.allSettled(calls);
    // The files: each write's own failure (no room: exit 3) after the registry's.
    const wrote = await Promise.allSettled(job.writes);
    (0,attest_result/* forgetFiles */.Pe)(job.target, job.unwritten);
    const failed = [...settled, ...wrote].find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
}
/** A file being written, in JOB's list (its failure is the target's, when it is awaited). */
function track(job, w) {
    w.written.catch(() => job.unwritten.add(relative(job.input.results, w.file)));
    job.writes.push(w.written);
    return w;
}
/**
 * KIND's predicate as an earlier run made it, from its envelope BEFORE, when the signing key signed
 * it and it is what would be made now (earlierPredicate: an SBOM of the same inputs). A warm rerun
 * then attaches it again without making it.
 */
async function madeBefore(input, io, ref, kind, ctx, before) {
    const { identity, tlog } = input.signing;
    if (!before || !identity || !REUSABLE_KINDS.has(kind))
        return undefined;
    const statement = await io.signer().signedBefore?.(ref, before, identity, { tlog });
    return statement ? earlierPredicate(kind, ctx, statement) : undefined;
}
/** attest.spdx: the SBOM (CycloneDX) as SPDX 2.3 too, in the result directory only. */
function writeSpdx(job, sbom, entry) {
    const { input, v, p } = job;
    if (!input.attest.spdx || input.results.dir === undefined)
        return;
    const doc = (0,spdx/* spdxFromCycloneDx */.X)(sbom);
    const { file } = track(job, input.results.writeAttestation(v.variant, p.platform, 'sbom.spdx', doc));
    entry.spdx = relative(input.results, file);
}
/**
 * An SBOM made from a record whose pip package list is incomplete (the probe could not read every
 * distribution) lacks those packages: the target's notes (attest.json, the report) and a warning say so.
 */
function noteIncompletePackages(job, record) {
    const incomplete = record && (0,capture_record/* packageListProblem */.o8)(record);
    if (incomplete === undefined)
        return;
    job.target.notes.push(`sbom: ${incomplete}`);
    job.io.warning(`${job.v.variant} ${job.p.platform}: sbom: ${incomplete}`, { title: 'ml-image attest' });
}
/** Make and write a target's predicates, and start signing and attaching (the calls under way). */
async function startTarget(job) {
    const { input, io, v, p, target, earlier } = job;
    const { ref } = target;
    const identity = input.signing.identity;
    const ctx = input.context(v, p);
    target.notes.push(...(ctx.notes ?? []));
    const { tlog } = input.signing;
    const attached = [];
    for (const kind of input.attest.types) {
        const before = earlier.get((0,results_results/* envelopeFile */.NR)(v.variant, p.platform, kind));
        const made = (await madeBefore(input, io, ref, kind, ctx, before)) ?? predicateFor(kind, ctx);
        if ('missing' in made) {
            target.notes.push(`${kind}: ${made.missing}`);
            continue;
        }
        const { file, text, written } = track(job, input.results.writeAttestation(v.variant, p.platform, kind, made.predicate));
        const entry = {
            kind,
            predicateType: made.predicateType,
            file: relative(input.results, file),
            attached: false,
        };
        target.attestations.push(entry);
        if (kind === 'sbom') {
            writeSpdx(job, made.predicate, entry);
            noteIncompletePackages(job, ctx.record);
        }
        attached.push({
            entry,
            spec: { predicatePath: file, text, written, type: made.cosignType, ...(before && { earlier: before }) },
        });
    }
    if (!identity)
        return [];
    const signer = io.signer();
    const done = ({ entry, spec }, envelope) => {
        entry.attached = true;
        entry.verify = (0,attest_signing/* verifyCommand */.p0)(ref, spec.type, identity, tlog, input);
        const w = envelope && input.results.writeEnvelope(v.variant, p.platform, entry.kind, envelope);
        if (w)
            entry.envelope = relative(input.results, track(job, w).file);
    };
    // One image's attestations share one .att tag that each `cosign attest` reads, extends and
    // pushes: they go one after the other (at once, the last push would drop the others), or in one
    // update where the signer can. The signature (.sig) is another tag: it is made meanwhile.
    const attach = async () => {
        if (attached.length === 0)
            return;
        if (signer.attestAll) {
            const specs = attached.map((a) => a.spec);
            await signer.attestAll(ref, specs, identity, { tlog }, (i, envelope) => done(attached[i], envelope));
            return;
        }
        for (const a of attached) {
            await signer.attest(ref, a.spec, identity, { tlog });
            done(a);
        }
    };
    const sign = () => signer.sign(ref, identity, { tlog }).then(() => {
        target.signed = true;
    });
    // With the transparency log (keyless, or a key with tlog) both are cosign runs, which share the
    // run's Sigstore cache (its TUF_ROOT, cosign-env.ts): one after the other. Otherwise the
    // signature is made meanwhile.
    return tlog ? [attach().then(sign)] : [attach(), sign()];
}
/**
 * Turns for the targets, one after the other: a target makes its predicates (node's one thread,
 * a few milliseconds each) and starts its updates, then the next one begins, while the registry
 * answers the first. At once, the second target's predicates would hold back the first one's
 * requests, and both images would wait for the registry at the end.
 */
function turns() {
    let last = Promise.resolve();
    return () => {
        let release;
        const mine = new Promise((resolve) => (release = resolve));
        const before = last;
        last = last.then(() => mine);
        return before.then(() => release);
    };
}
const firstLine = (e) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
const relative = (results, file) => results.dir && file.startsWith(`${results.dir}/`) ? file.slice(results.dir.length + 1) : file;
/**
 * The uploads a target's `.att` update will likely need: its config, and each envelope that will
 * be new. One an earlier run left (TAKEN) is usually attached again, unless it is the provenance,
 * which names this run's build and is signed anew. Too many: the rest are cancelled; too few: the
 * update opens its own.
 */
function uploadsAhead(input, t, 
/** The envelope files an earlier run left (ResultDir.envelopeNames). */
taken) {
    const fresh = input.attest.types.filter((kind) => kind === 'provenance' || !taken.has((0,results_results/* envelopeFile */.NR)(t.variant, t.platform, kind)));
    return fresh.length > 0 ? 1 + fresh.length : 0;
}
/**
 * What the signer will update is read, and the uploads it will need are opened, while the
 * predicates are made (one thread makes them; the registry answers meanwhile): the requests go out
 * before the first predicate is begun.
 */
async function startAhead(signer, input, targets, taken) {
    if (!signer.prefetch || !input.signing.identity)
        return;
    try {
        const ahead = targets.map((t) => ({ ref: t.ref, uploads: uploadsAhead(input, t, taken) }));
        await signer.prefetch(ahead, input.signing.identity, { tlog: input.signing.tlog });
    }
    catch {
        // Only a head start: each update reads and opens what it needs itself.
    }
    await new Promise((resolve) => setImmediate(resolve));
}
/**
 * The envelopes an earlier run attached (kept in the result directory), which the signer may
 * attach again: all taken out, so that what is there when the stage ends is what this run
 * attached. When that fails (a file it may not remove), the uploads opened ahead are cancelled
 * before the error goes on.
 */
async function takeEarlier(input, signer, unregister) {
    try {
        return input.results.takeEnvelopes();
    }
    catch (e) {
        // Registered until the DELETEs are done: a signal meanwhile waits for them (release again).
        await signer?.release?.().catch(() => undefined);
        unregister?.();
        throw e;
    }
}
/** Targets attached at once: each may run a cosign process or two. */
const MAX_TARGETS_AT_ONCE = 4;
async function runAttestStage(input, io) {
    const { signing } = input;
    const { targets, notPushed } = attestTargets(input.build);
    const result = {
        schemaVersion: attest_result/* ATTEST_RESULT_SCHEMA_VERSION */.fx,
        signing: {
            mode: signing.identity?.kind ?? 'none',
            reason: signing.reason,
            tlog: signing.tlog,
        },
        targets: targets.map((t) => t.target),
    };
    // How it will sign, not yet that it did; not signing is a note, not a warning: most local runs
    // and forks have no identity.
    io.progress(signingLine(signing));
    for (const n of notPushed)
        io.progress(`${n.variant} ${n.platform}: not pushed${n.localRef !== undefined ? ` (loaded as ${n.localRef})` : ''}: nothing to attest`);
    const signer = signing.identity && targets.length > 0 ? io.signer() : undefined;
    // On SIGINT/SIGTERM too: the uploads opened ahead are cancelled, not left on the registry.
    const unregister = signer?.release && (0,cleanup/* registerCleanup */.qE)(() => signer.release().catch(() => undefined));
    // The first requests go out before anything else: which envelopes an earlier run left is one
    // directory listing, and reading and removing them (below) happens while the registry answers.
    if (signer)
        await startAhead(signer, input, result.targets, input.results.envelopeNames());
    const taken = await takeEarlier(input, signer, unregister);
    const turn = turns();
    const work = targets.map(({ v, p, target }) => {
        const job = { input, io, v, p, target, earlier: taken, writes: [], unwritten: new Set() };
        return { target, run: () => attestTarget(job, turn) };
    });
    // The targets are independent images (their own .sig/.att tags): attached side by side, a few at
    // a time, targets of one digest one after the other. With the transparency log (keyless, or a
    // key with tlog) they go one at a time: cosign runs them, and concurrent cosign runs trip over
    // the Sigstore cache they share (the run's own TUF_ROOT: cosign-env.ts). After any failure no
    // target starts.
    const limit = signing.tlog ? 1 : MAX_TARGETS_AT_ONCE;
    let error;
    const attaching = (0,map_limit/* mapLimitSerialByKey */.IH)(work, limit, (w) => w.target.ref, (w) => {
        const started = performance.now();
        if (signer)
            io.progress(startLine(w.target));
        const run = w.run();
        // Each target's line as it ends, with its time; the first registry failure to come (exit
        // 3), whichever target it was, is the stage's.
        const ended = (stopped) => io.progress(endLine(w.target, { signing: !!signer, ms: performance.now() - started, stopped }));
        run.then(() => ended(false), (reason) => {
            ended(true);
            // After a signal, a registry call the cleanup cut short (its uploads cancelled) is the
            // signal's failure: exit 130/143/129 in --json and attest.json, not "registry ... unreachable".
            if (reason instanceof errors/* EnvironmentError */.eG)
                error ??=
                    reason instanceof cleanup/* InterruptedError */.p4
                        ? reason
                        : ((0,cleanup/* interruptedFailure */.rn)(`attaching to ${w.target.ref}`, firstLine(reason), reason) ?? reason);
        });
        return run;
    });
    let settled;
    try {
        settled = await attaching;
    }
    finally {
        // Uploads opened ahead that no update took (a guess that was too high, or a stopped stage).
        // The cleanup stays registered until their DELETEs are done: a SIGINT/SIGTERM meanwhile runs
        // it, and its release waits for them, rather than finding nothing to clean up and exiting.
        await signer?.release?.().catch(() => undefined);
        unregister?.();
    }
    // Targets that never started are not in attest.json (as if the stage had stopped before them).
    result.targets = result.targets.filter((_, i) => settled[i] !== undefined);
    // Any other failure (bad input, a bug) is thrown, after attest.json says what was done: the
    // earlier run's file, which names envelopes taken out above, must not stay.
    let thrown;
    for (const s of settled)
        if (s?.status === 'rejected' && !(s.reason instanceof errors/* EnvironmentError */.eG))
            thrown ??= { reason: s.reason };
    // The error the stage ends with (thrown, or handed back for exit 3) is the one recorded.
    const failure = thrown?.reason ?? error;
    if (failure !== undefined)
        result.error = firstLine(failure);
    input.results.writeAttest(result);
    if (thrown)
        throw thrown.reason;
    return { result, ...(error && { error }) };
}

// EXTERNAL MODULE: ./src/config/field-error.ts
var field_error = __webpack_require__(95245);
// EXTERNAL MODULE: ./src/resolve/stage.ts
var stage = __webpack_require__(50810);
// EXTERNAL MODULE: ./src/requirements/read.ts + 4 modules
var read = __webpack_require__(99679);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/build/materials.ts
var materials = __webpack_require__(326);
// EXTERNAL MODULE: ./src/util/file-digest.ts
var file_digest = __webpack_require__(42545);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/pipeline/attest.ts
// The attest stage as the pipeline runs it: what each target's predicates are made of (this job's
// smoke entries or the result directory's records; the config and requirements files, -r includes
// and -c files too, and the resolver's constraints, by the digests build.json records: an older
// version's build.json has none, then the files now and this process's or the resolution file's
// constraints), the signing identity, and cosign.
















/**
 * Every requirements file the build read: python.requirements with their -r includes and -c files,
 * read as the build stage reads them. Should that read fail now (a file changed since the build),
 * the files the config names, as before includes were followed.
 */
function requirementsFiles(loaded, env) {
    const { requirements } = loaded.config.python;
    try {
        return (0,read/* readRequirements */.F2)(requirements, loaded.baseDir, env, {
            ...(0,read/* workspaceRoot */.oS)(env, loaded.baseDir),
            expandable: loaded.config.build.secrets,
        }).files;
    }
    catch {
        return requirements.map((r) => external_node_path_default().resolve(loaded.baseDir, r));
    }
}
/**
 * The config file and the requirements files by their digests now: the same for every target of a
 * run. Only for a build.json without `materials` (an older version's): a note says so.
 */
function runFiles(loaded, env) {
    const rel = (f) => (0,materials/* materialPath */.TS)(loaded.baseDir, f);
    return {
        config: loaded.file ? (0,file_digest/* fileDigest */.h)(loaded.file, rel(loaded.file)) : undefined,
        inputs: requirementsFiles(loaded, env)
            .map((f) => (0,file_digest/* fileDigest */.h)(f, rel(f)))
            .filter((d) => d !== undefined),
    };
}
/** The note of a target whose provenance names the files as they are now (runFiles). */
const FILES_NOW_NOTE = 'provenance: build.json records no digests of the files the build read (an older version wrote it): the config and requirements files are named by their digests when attested, right only if they have not changed since the build';
/**
 * Undefined for the result of a smoke run that ran to the end; for the results so far of one that
 * was stopped (a cancelled job, SIGINT/SIGTERM, the daemon gone: `interrupted`), the note that
 * says it is not attested. Its last test "failed" because it was stopped and the rest never ran:
 * signed, it would say the image failed a test it did not fail, and replace an earlier run's smoke
 * attestation of the same digest.
 */
function stoppedRun(smoke, file) {
    if (smoke.interrupted === undefined)
        return undefined;
    return `the smoke result in ${file} is of a smoke run that was stopped after ${smoke.tests.length} test(s) (${(0,util_text/* printable */.g$)(smoke.interrupted)}), not attested`;
}
/**
 * A target's record and smoke result from the result directory (this run's smoke stage did not
 * test it: `--stages attest`, a separate attest job, or its smoke target failed), each only when it
 * is of this platform's digest. The directory outlives a run: an earlier image's files there are
 * not signed as this one's; the note says they were left out.
 */
function fromResultDir(results, v, p) {
    const file = (kind) => external_node_path_default().join(results.dir ?? '.', (0,results_results/* recordFile */.mR)(kind, v.variant, p.platform));
    const record = results.readEnv(v.variant, p.platform) ?? undefined;
    const smoke = results.readSmoke(v.variant, p.platform) ?? undefined;
    const staleRecord = record && (0,of_image/* otherImage */.K$)('environment record', file('env'), (0,of_image/* recordImage */.Bq)(record), p.digest);
    const staleSmoke = smoke &&
        ((0,of_image/* otherImage */.K$)('smoke result', file('smoke'), (0,of_image/* smokeImage */.tL)(smoke), p.digest) ??
            stoppedRun(smoke, file('smoke')));
    return {
        ...(record && !staleRecord && { record }),
        ...(smoke && !staleSmoke && { smoke }),
        ...((staleRecord || staleSmoke) && {
            notOfThisImage: {
                ...(staleRecord && { record: staleRecord }),
                ...(staleSmoke && { smoke: staleSmoke }),
            },
        }),
    };
}
/**
 * The resolver's constraints the build of a target got, by digest (provenance's "constraints
 * (resolver)"): the digest build.json records (none: it got none), else (an older version's
 * build.json) this process's resolve stage's, else (attest in another job: the reusable
 * workflow's, `--stages attest`) the digest its resolution file records. Such a file is this
 * build's: the pipeline removes the file of every target it builds without one (removeResolution).
 */
function constraintsOf(input, v, p) {
    // What the build recorded: whatever resolve ran since (`--stages resolve`) wrote.
    if (input.build.materials !== undefined)
        return p.constraintsSha256 !== undefined
            ? { path: CONSTRAINTS_PATH, sha256: p.constraintsSha256 }
            : undefined;
    const here = input.resolved[(0,stage/* resolvedKey */.Er)(v.variant, p.platform)]?.constraints;
    if (here !== undefined)
        return { path: CONSTRAINTS_PATH, sha256: (0,file_digest/* sha256 */.s)(here) };
    const recorded = input.results.readResolution(v.variant, p.platform);
    const digest = recorded?.platform === p.platform ? recorded.constraints.sha256 : undefined;
    return digest !== undefined ? { path: CONSTRAINTS_PATH, sha256: digest } : undefined;
}
/** How provenance names the resolver's constraints: made by the run, no file anyone can fetch. */
const CONSTRAINTS_PATH = 'constraints (resolver)';
/** What the predicates of one target are made of (FILES: runFiles, read once per stage). */
function contextFor(input, files, v, p) {
    const entry = input.smoke.find((e) => e.variant === v.variant && e.platform === p.platform);
    const { record, smoke, notOfThisImage } = entry
        ? { record: entry.record, smoke: entry.result, notOfThisImage: undefined }
        : fromResultDir(input.results, v, p);
    const planned = input.plan.variants.find((x) => x.name === v.variant);
    const recorded = input.build.materials;
    const { config, inputs } = recorded ? { config: recorded.config, inputs: recorded.requirements } : files();
    const constraints = constraintsOf(input, v, p);
    const { repositoryUrl, sha, ref } = input.git ?? {};
    // A git context without a commit is kept as one (commit ''): provenance then names no source,
    // never GITHUB_SHA, for what may be a pull request's code (provenance.ts sourceOf).
    const source = repositoryUrl ? { repositoryUrl, commit: sha ?? '', ...(ref && { ref }) } : undefined;
    const filesNow = !recorded && input.loaded.config.attest.types.includes('provenance');
    return {
        variant: v.variant,
        platform: p.platform,
        repository: v.repository,
        digest: p.digest,
        tags: v.tags,
        baseImage: { ref: v.baseImage, ...(v.baseDigest !== undefined && { digest: v.baseDigest }) },
        ...(planned?.cuda && { driverFloor: planned.cuda.minorCompatDriverMin }),
        ...(record && { record }),
        ...(smoke && { smoke }),
        ...(notOfThisImage && { notOfThisImage }),
        ...(filesNow && { notes: [FILES_NOW_NOTE] }),
        ...(config && { config }),
        inputs,
        ...(constraints !== undefined && { constraints }),
        buildDurationMs: p.durationMs,
        ...(source && { source }),
        ...(p.finishedAt !== undefined && { buildFinishedAt: p.finishedAt }),
        env: input.env,
        now: input.now,
        toolVersion: version/* VERSION */.x,
    };
}
/** What signs when nothing was pushed (a --load run, a fork's): nothing to sign, nothing to ask. */
const NOTHING_PUSHED = {
    identity: null,
    reason: 'not signed: nothing was pushed',
    tlog: false,
};
/** The runner's tools for signing; with a signer given (tests), whatever it needs is there. */
const toolsFor = (env, given) => (given ? { cosign: true } : (0,attest_signing/* signingTools */.r2)(env));
function runAttest(input, io) {
    const attest = input.loaded.config.attest;
    const pushed = attestTargets(input.build).targets.length > 0;
    const signing = pushed
        ? (0,attest_signing/* chooseSigning */.T)(attest, input.env, input.loaded.baseDir, toolsFor(input.env, io.signer !== undefined))
        : NOTHING_PUSHED;
    if (pushed && !input.build.materials && attest.types.includes('provenance'))
        io.progress(`note: ${FILES_NOW_NOTE}`);
    let signer;
    let files;
    const filesOnce = () => (files ??= runFiles(input.loaded, input.env));
    return runAttestStage({
        build: input.build,
        attest,
        signing,
        results: input.results,
        context: (v, p) => contextFor(input, filesOnce, v, p),
        repository: input.env.GITHUB_REPOSITORY,
        // The reusable workflow sets it to its own repository (job.workflow_repository).
        workflowRepository: input.env.ML_IMAGE_WORKFLOW_REPOSITORY,
        workflowRef: input.env.GITHUB_REF,
    }, {
        signer: () => (signer ??= io.signer?.() ?? (0,signers/* createSigner */.rO)({ env: input.env, tlog: signing.tlog })),
        progress: io.progress,
        warning: io.warning,
    });
}
/**
 * Before the registry is asked (the CLI's run, the action's stages): a signing setup that cannot
 * work is bad input said at its config line ("line 7: attest.sign: key, but there is no key"), or
 * as the input's that set it; a key file that is no key, the same; cosign missing for keyless,
 * exit 3. SIGNERGIVEN: a signer of the caller's signs (tests), which needs no cosign on PATH.
 */
function checkSigningSetup(loaded, env, signerGiven) {
    (0,field_error/* asConfigProblem */.c)(loaded, () => (0,attest_signing/* chooseSigning */.T)(loaded.config.attest, env, loaded.baseDir, toolsFor(env, signerGiven)));
}
/**
 * Before anything is built: a signing setup that cannot work (attest.sign: key without a key,
 * keyless without an OIDC token, a key file that is not there) is bad input now (exit 2), not
 * after the build, push and smoke tests. Then decrypting the signing key starts (scrypt, off the
 * main thread) so that the attest stage does not wait for it. The decryption is handed back (when
 * the built-in signer will sign): the pipeline awaits it before it pushes anything, so that a
 * wrong password stops the run before unsigned images are pushed.
 */
function prepareSigning(loaded, env, startKey = true) {
    // A setting that cannot work is said at its line ("line 12: attest.sign: key, but there is no
    // key"), or as the input's that gave it.
    const signing = (0,field_error/* asConfigProblem */.c)(loaded, () => (0,attest_signing/* chooseSigning */.T)(loaded.config.attest, env, loaded.baseDir, toolsFor(env, !startKey)));
    if (!startKey || !signing.identity)
        return undefined;
    // COSIGN_KEY must hold the key's PEM text (cosign reads it as env://COSIGN_KEY): a key stored
    // otherwise (base64, a file name) is said now, not after the push.
    if (signing.identity.kind === 'key' &&
        signing.identity.key === 'env://COSIGN_KEY' &&
        !(0,cosign_key/* isEncryptedCosignKey */.dT)(env.COSIGN_KEY ?? ''))
        throw new errors/* InputError */.dz('COSIGN_KEY does not hold an encrypted cosign private key (no "ENCRYPTED SIGSTORE PRIVATE KEY" block)', 'store the text of the cosign.key file that "cosign generate-key-pair" wrote (not base64 of it, nor its path: that is attest.key)');
    // signingKey keeps a failure from going unhandled; the pipeline and the attest stage await it.
    return (0,signers/* signingKey */.NR)(signing.identity, env, signing.tlog);
}
/**
 * As the build starts: the connections the attest stage will use to the image's registry are
 * opened (when the built-in signer signs there), while node waits for buildx. A warm run's attest
 * stage then starts on open sockets; after a long build they have been closed again (idle), and
 * the stage opens its own.
 */
function warmRegistry(loaded, env, repository, targets) {
    const signing = (0,attest_signing/* chooseSigning */.T)(loaded.config.attest, env, loaded.baseDir, toolsFor(env, false));
    if (!signing.identity)
        return;
    // The stage's first round: each target's .sig and .att reads, then its uploads.
    (0,signers/* preconnect */.kZ)(repository, signing.identity, env, signing.tlog, Math.min(4 * targets, 16));
}


/***/ }),

/***/ 56032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JC: () => (/* binding */ checkRequirementLines),
/* harmony export */   kh: () => (/* binding */ checkBeforeContainers),
/* harmony export */   w6: () => (/* binding */ checkStageInputs)
/* harmony export */ });
/* harmony import */ var _attest_signer_env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70289);
/* harmony import */ var _build_input_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43812);
/* harmony import */ var _config_field_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95245);
/* harmony import */ var _requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46496);
/* harmony import */ var _resolve_exec_limit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92581);
/* harmony import */ var _requirements_references_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32780);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46985);
/* harmony import */ var _smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(52013);
// What a run refuses at the door (exit 2), before the engine or the registry is asked:
// - every run (callers call checkStageInputs first): the files of the stages it runs that have a
//   shape of their own (smoke.baseline, a GPU pin), in a run that only plans (`ml-image plan`,
//   `run --stages plan`, the workflows' plan job) the requirements files' lines, and in one that
//   resolves or builds, build.secrets in a fork's run (their values would be the runner's own),
//   and the variables later stages read: ML_IMAGE_RESOLVE_TIMEOUT_SECONDS, ML_IMAGE_SIGNER;
// - a run that resolves or builds, before any container runs (checkBeforeContainers): a build
//   secret the environment lacks, an id given twice (build/input-secrets.ts), requirements the
//   variants cannot install as written (requirements/plan-check.ts), a requirements file that
//   cannot be read (too big, outside the workspace) said at the line of the config's
//   python.requirements naming it.








/**
 * The requirements files' lines read as the resolve and build stages read them (each line, every
 * -r/-c include, a credential written in a line, a ${NAME} build.secrets does not list; pip is not
 * run): exit 2 naming each problem's file and line. `validate`, `plan` and a run that only plans
 * (the jobs after a plan job would each refuse them); a run that resolves or builds reads them in
 * checkBeforeContainers.
 */
function checkRequirementLines(loaded, env) {
    const { python, build } = loaded.config;
    if (python.requirements.length === 0)
        return;
    (0,_requirements_references_js__WEBPACK_IMPORTED_MODULE_5__/* .readListedRequirements */ .c)(python.requirements, build.secrets, loaded.baseDir, env, (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_2__/* .requirementsFieldError */ .d)(loaded));
}
/** A run of the plan stage alone: the one that stops bad input before the jobs after it start. */
const onlyPlans = (stages) => stages.size === 1 && stages.has('plan');
/**
 * The stages' inputs from files that have a shape of their own, checked before the engine or the
 * registry is asked (callers run it first): a smoke.baseline that is no throughput table is exit 2
 * at once, not after the build (the smoke stage reads it again); so is a GPU pin of the runner
 * (NVIDIA_VISIBLE_DEVICES, CUDA_VISIBLE_DEVICES in RUN.env) that is no GPU list when the smoke stage
 * asks for GPUs (RUN.mode all). Under auto the smoke stage reads the pin only where the engine has
 * GPUs: a CPU runner's odd CUDA_VISIBLE_DEVICES does not stop its build. A run that only plans
 * reads the requirements lines (checkRequirementLines); a later stage's job does not, so that a
 * report job still reports the failure.
 */
function checkStageInputs(loaded, stages, run) {
    if (run !== undefined && onlyPlans(stages))
        checkRequirementLines(loaded, run.env);
    // A fork's build.secrets (refuseForkBuildSecrets), at the config's line, before any stage.
    if (run !== undefined && (stages.has('build') || stages.has('resolve')))
        (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_2__/* .asConfigProblem */ .c)(loaded, () => (0,_build_input_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .refuseForkBuildSecrets */ .YR)(loaded.config, run.env));
    // The variables later stages read (after the plan stage, or the build, has run): a typo is exit 2 now.
    if (run !== undefined && stages.has('resolve'))
        (0,_resolve_exec_limit_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveTimeoutMs */ .Cf)(run.env);
    if (run !== undefined && stages.has('attest'))
        (0,_attest_signer_env_js__WEBPACK_IMPORTED_MODULE_0__/* .forcedCosign */ .p)(run.env);
    if (!stages.has('smoke'))
        return;
    (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .configBaseline */ .E)(loaded);
    if (run !== undefined && run.mode === 'all')
        (0,_smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_7__/* .gpuPinOf */ .Vy)(run.env);
}
function checkBeforeContainers(opts, io, plan) {
    const { loaded, stages } = opts;
    if (stages.has('build'))
        (0,_build_input_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .checkBuildSecrets */ .UA)(opts.buildOptions, loaded.config, io.env);
    const given = (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_2__/* .requirementsFieldError */ .d)(loaded);
    (0,_requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_3__/* .checkPlanRequirements */ .MR)(plan.variants, loaded, io.env, io.warning, stages.has('resolve'), given);
}


/***/ }),

/***/ 83214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  an: () => (/* reexport */ STAGES),
  w6: () => (/* reexport */ door_checks/* checkStageInputs */.w6),
  lj: () => (/* reexport */ parseStages),
  VJ: () => (/* binding */ pipelineResultOf),
  aI: () => (/* binding */ runPipeline)
});

// UNUSED EXPORTS: mergeFromDigestFiles, overallStatus, readBuildResult

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/config/bpa-list.ts
// docker/build-push-action's list inputs as actions-toolkit reads them (Util.getInputList: one item
// a line, each line CSV). Config reads `build-args` with it (config/inputs.ts), the build stage its
// own BPA inputs (build/action-inputs.ts): it is about reading action inputs, so it lives in config,
// which every stage may import, and it imports only the error classes.

/**
 * The records of a CSV text as csv-parse reads them (columns: false, relaxQuotes): records end at a
 * line break outside quotes, fields at a comma; a field that starts with `"` runs to the closing
 * quote (line breaks and commas included, `""` is a quote); a quote anywhere else is a plain
 * character. A line break is the first one outside quotes, `\r\n`, `\n` or `\r`, and only that one
 * after it (csv-parse discovers its record delimiter so): in `A=1\r\nB=2\nC=3` the `\n` is part of
 * the item `B=2\nC=3`, as docker/build-push-action reads it. A closing quote followed by anything
 * but a comma, that line break or the end does not end the quoting as CSV would (relaxQuotes): the
 * field is kept as written, its quotes too (`"a=1"x` is `"a=1"x`; the only change is `""` read as
 * `"` before that quote). A quote never closed is `unclosed` (csv-parse throws "Quote Not Closed");
 * the rest of the text is then its field. Empty lines are skipped. With QUOTE false (csv-parse's
 * `quote: false`) a `"` is a plain character.
 */
function csvRecords(text, quote = true) {
    const records = [];
    let record = [];
    let field = '';
    let unclosed;
    let eol;
    /** The length of the record delimiter at J (0: none there); the first break outside quotes sets it. */
    const breakAt = (j) => {
        if (eol === undefined) {
            if (text[j] !== '\n' && text[j] !== '\r')
                return 0;
            eol = text.startsWith('\r\n', j) ? '\r\n' : text[j];
        }
        return text.startsWith(eol, j) ? eol.length : 0;
    };
    const endRecord = () => {
        record.push(field);
        if (!(record.length === 1 && record[0] === ''))
            records.push(record);
        record = [];
        field = '';
    };
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (quote && c === '"' && field === '') {
            let j = i + 1;
            let quoted = '';
            for (; j < text.length; j++) {
                if (text[j] !== '"')
                    quoted += text[j];
                else if (text[j + 1] === '"') {
                    quoted += '"';
                    j++;
                }
                else
                    break;
            }
            // The line it opens on, as the user counts lines (any break).
            if (j >= text.length)
                unclosed ??= { line: 1 + (text.slice(0, i).match(/\r\n|\r|\n/g) ?? []).length };
            // Closed before a comma, the line break or the end: a CSV field. Else kept as written.
            const next = j + 1;
            field = next >= text.length || text[next] === ',' || breakAt(next) > 0 ? quoted : `"${quoted}"`;
            i = next;
            continue;
        }
        const eolLength = breakAt(i);
        if (eolLength > 0) {
            endRecord();
            i += eolLength;
            continue;
        }
        if (c === ',') {
            record.push(field);
            field = '';
        }
        else
            field += c;
        i++;
    }
    endRecord();
    return { records, ...(unclosed && { unclosed }) };
}
/** The fields of one CSV line (a buildx `--output` spec), as csvRecords reads them. */
function csvFields(line) {
    return csvRecords(line).records[0] ?? [''];
}
/**
 * A buildx `KEY=VALUE,...` spec (`--output`, `--cache-from`, `--cache-to`) read as buildx reads it
 * (buildflags: one line of CSV fields, tonistiigi/go-csvvalue): each key lowercased, the value
 * after its first `=` as written, the last value of a key winning. Keys are trimmed too, as buildx
 * trims output keys (a cache key with spaces around it is no key to buildx, so a cache spec is read
 * more strictly here, never less). `problem` says why buildx could read the spec otherwise than
 * this, and the caller refuses it: a key given twice (a check of the first value would pass what
 * buildx replaces with the last), or a line break (go-csvvalue reads it as a plain character, the
 * CSV reader here as the end of the spec).
 */
function bpa_list_specAttrs(spec) {
    const attrs = new Map();
    if (/[\r\n]/.test(spec))
        return { attrs, problem: 'holds a line break (buildx reads one line)' };
    for (const field of csvFields(spec)) {
        const at = field.indexOf('=');
        const key = (at < 0 ? field : field.slice(0, at)).trim().toLowerCase();
        if (attrs.has(key))
            return { attrs, problem: `gives ${key} twice (buildx would take the last)` };
        attrs.set(key, at < 0 ? '' : field.slice(at + 1));
    }
    return { attrs };
}
/**
 * BPA's list inputs (actions-toolkit Util.getInputList): the input is CSV, one record a line, and a
 * quoted field may span lines (`"KEY=line1\nline2"`, its quotes removed). With ignoreComma (labels,
 * annotations, build-args, secrets, cache specs) a record's fields are joined back with commas;
 * without it (tags, platforms, secret-envs) each field is an item. Blank items (spaces only too) are dropped, items
 * trimmed unless `trim` is false (secrets keep their whitespace, as BPA's). A quote never closed is
 * refused, as csv-parse refuses it, naming INPUT and the line the quote opens on, never the text
 * (a secret's): read on, it would swallow every later line into that one item.
 */
function bpa_list_parseBpaList(raw, opts) {
    const text = opts.trim === false ? raw : raw.trim();
    if (text === '')
        return [];
    // quote: false (BPA's `outputs`): quotes kept for buildx's own CSV parsing.
    const { records, unclosed } = csvRecords(text, opts.quote !== false);
    if (unclosed) {
        // Lines of the input as given: the blank lines trimmed off its start count.
        const skipped = raw.slice(0, raw.length - raw.trimStart().length);
        const line = unclosed.line + (opts.trim === false ? 0 : (skipped.match(/\r\n|\r|\n/g) ?? []).length);
        throw new InputError(`input "${opts.input ?? 'list'}": the item on line ${line} opens a quote (") that is never closed, so every line after it would be read as part of that item`, 'close the quote after the last line of the item ("ID=line1<newline>line2"), and write a " inside a quoted value as "" (as docker/build-push-action reads it, csv-parse: "Quote Not Closed")');
    }
    const out = [];
    for (const record of records) {
        if (record.length === 1)
            out.push(...(opts.ignoreComma ? record : record[0].split(',')));
        else if (!opts.ignoreComma)
            out.push(...record);
        else
            out.push(record.join(','));
    }
    // A line of spaces is blank with trim false too: build-push-action warns that it is no secret and
    // builds on (actions-toolkit keeps it, then parseSecretKvp fails), so it is no item here.
    return out.map((s) => (opts.trim === false ? s : s.trim())).filter((s) => s.trim() !== '');
}

// EXTERNAL MODULE: ./src/config/platform.ts
var config_platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./src/config/build-args.ts + 1 modules
var build_args = __webpack_require__(12239);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/config/provenance.ts
var provenance = __webpack_require__(67023);
// EXTERNAL MODULE: ./src/config/smoke-schema.ts
var smoke_schema = __webpack_require__(1055);
;// CONCATENATED MODULE: ./src/config/inputs.ts
// Action inputs that complete or override ml-image.yml. One table: main.ts reads inputs through it,
// and a test checks that action.yml declares exactly these inputs (plus the non-config ones).






const CONFIG_INPUTS = [
    { input: 'image', path: ['image', 'name'], kind: 'string' },
    { input: 'registry', path: ['image', 'registry'], kind: 'string' },
    { input: 'version', path: ['image', 'version'], kind: 'string' },
    { input: 'context', path: ['build', 'context'], kind: 'string' },
    { input: 'dockerfile', path: ['build', 'dockerfile'], kind: 'string' },
    { input: 'template', path: ['build', 'template'], kind: 'string' },
    { input: 'variants', path: ['variants'], kind: 'list' },
    { input: 'platforms', path: ['platforms'], kind: 'bpa-list' },
    { input: 'requirements', path: ['python', 'requirements'], kind: 'list' },
    { input: 'resolve-mode', path: ['resolve', 'mode'], kind: 'string' },
    { input: 'smoke-suites', path: ['smoke', 'suites'], kind: 'list' },
    { input: 'require-gpu', path: ['smoke', 'requireGpu'], kind: 'boolean' },
    { input: 'gpu-runner-labels', path: ['smoke', 'gpuRunnerLabels'], kind: 'json-list' },
    { input: 'comment', path: ['report', 'comment'], kind: 'boolean' },
    { input: 'marker-key', path: ['report', 'markerKey'], kind: 'string' },
    { input: 'attest', path: ['attest', 'types'], kind: 'list' },
    { input: 'sign', path: ['attest', 'sign'], kind: 'string' },
    // docker/build-push-action's names and forms for the config keys they share.
    { input: 'build-args', path: ['build', 'args'], kind: 'kv-list' },
    { input: 'pull', path: ['build', 'pull'], kind: 'boolean' },
    { input: 'provenance', path: ['build', 'provenance'], kind: 'provenance' },
    { input: 'network', path: ['build', 'network'], kind: 'string' },
];
/**
 * docker/build-push-action's inputs without a config key: src/build/action-inputs.ts reads them into
 * the build's options (action.yml declares each).
 */
const BUILD_INPUTS = [
    'tags',
    'labels',
    'annotations',
    'secrets',
    'secret-envs',
    'cache-from',
    'cache-to',
    'target',
    'builder',
    'no-cache',
    'sbom',
    'load',
    'secret-files',
    'ssh',
    'build-contexts',
    'outputs',
    'attests',
    'add-hosts',
    'shm-size',
    'ulimit',
    'allow',
    'cgroup-parent',
    'no-cache-filters',
    'call',
];
/** Inputs of the action that are not config overrides. */
const OTHER_INPUTS = [
    'config',
    'stages',
    'build',
    'push',
    'merge',
    'merge-from',
    'gpus',
    'comment-mode',
    'from-artifact',
    'baseline',
    'result-dir',
    'keep-images',
    'github-token',
    'comment-author',
    // docker/build-push-action's inputs without a config key (read by src/build/action-inputs.ts).
    ...BUILD_INPUTS,
];
/** "a, b\nc" -> ["a", "b", "c"] (commas or newlines, blanks dropped). */
function splitList(raw) {
    return raw
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/**
 * A list input that is not blank yet names nothing (", ," from unset variables): refused, as the
 * stages input is. Read as [] it replaced the config's list: no requirements installed, no smoke
 * suite run (the smoke gate passed on nothing), no attestation.
 */
function nonEmptyList(input, raw, items = splitList(raw)) {
    if (items.length === 0)
        throw new InputError(`input "${input}": ${JSON.stringify(raw)} names nothing`, `give at least one, comma- or newline-separated, or leave ${input} empty to keep the config's`);
    return items;
}
/** BPA's `build-args`: KEY=VALUE a line (a line is CSV: quote a value that holds a comma). */
function parseKvList(spec, raw) {
    const out = {};
    for (const [i, item] of parseBpaList(raw, { input: spec.input, ignoreComma: true }).entries()) {
        const at = item.indexOf('=');
        if (at <= 0) {
            // Never the line itself: its value may be a secret. Its name, when it is written as YAML's
            // `NAME: value` (an env: block pasted).
            const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(item)?.[1];
            throw new InputError(`input "${spec.input}": item ${i + 1} is no KEY=VALUE line${name !== undefined ? ` (${name}: ..., written as YAML)` : ''}`, name !== undefined
                ? `write ${name}=VALUE`
                : 'write one KEY=VALUE a line; a bare NAME, which build-push-action leaves to buildx to read from the environment, is written NAME=${{ env.NAME }} here, so that its value is checked for credentials');
        }
        const key = item.slice(0, at).trim();
        // Assigning it would set the object's prototype: the line would vanish without a word.
        if (key === RESERVED_MAP_KEY)
            throw new InputError(`input "${spec.input}": ${RESERVED_MAP_KEY_PROBLEM}`);
        out[key] = item.slice(at + 1);
    }
    return out;
}
/**
 * A boolean input as the action and build-push-action's inputs read it: true/yes/1/on or
 * false/no/0/off, any case, around spaces; anything else (blank included) is bad input naming INPUT.
 */
function inputs_parseBooleanInput(input, raw) {
    const v = raw.trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new InputError(`input "${input}": expected true or false, got ${JSON.stringify(raw)}`);
}
function parseInputValue(spec, raw) {
    switch (spec.kind) {
        case 'kv-list':
            return parseKvList(spec, raw);
        case 'provenance':
            return parseProvenanceInput(spec.input, raw);
        case 'string':
            return raw.trim();
        case 'list':
            return nonEmptyList(spec.input, raw);
        case 'bpa-list':
            return nonEmptyList(spec.input, raw, parseBpaList(raw, { input: spec.input, ignoreComma: false }));
        case 'boolean':
            return inputs_parseBooleanInput(spec.input, raw);
        case 'json-list':
            return parseLabelList(spec.input, raw);
    }
}
const LABELS_FIX = 'give a JSON list of strings like ["self-hosted","gpu"], or a comma list: self-hosted, gpu';
/**
 * `gpu-runner-labels`: a JSON list (a value starting with "[") or a comma list of runner labels,
 * each a string that can match a runner's label. An object ("{...}") is no list: refused, not
 * read as the one label "{...}". Its items are checked here, in the input's terms: the schema's
 * words are the config file's (a YAML hint on an input that is no YAML).
 */
function parseLabelList(input, raw) {
    const t = raw.trim();
    if (t.startsWith('{'))
        throw new InputError(`input "${input}": ${printable(JSON.stringify(t.slice(0, 200)))} is an object; runner labels are a list`, LABELS_FIX);
    let items;
    try {
        items = t.startsWith('[') ? JSON.parse(t) : splitList(t);
    }
    catch (e) {
        throw new InputError(`input "${input}": expected a JSON list like ["self-hosted","gpu"] or a comma list, got ${JSON.stringify(raw)} (${e.message})`, LABELS_FIX);
    }
    if (!Array.isArray(items))
        throw new InputError(`input "${input}": expected a list of runner labels, got ${JSON.stringify(t)}`, LABELS_FIX);
    items.forEach((item, i) => {
        if (typeof item !== 'string')
            throw new InputError(`input "${input}": item ${i + 1} is ${printable(JSON.stringify(item) ?? String(item))}, not a string: a runner label is text`, `write it as a JSON string (in double quotes), as the runner shows the label: ${LABELS_FIX}`);
        const problem = runnerLabelProblem(item);
        if (problem !== undefined)
            throw new InputError(`input "${input}": item ${i + 1}: ${problem}`, 'remove it, or give the label as the runner shows it');
    });
    return items;
}
/**
 * docker/build-push-action's `file` (its Dockerfile) is `dockerfile` here. action.yml declares no
 * `file`, so the runner only warns "Unexpected input(s) 'file'" and still exports it (INPUT_FILE):
 * unread, the template's Dockerfile would be built and pushed under the user's tags instead.
 */
function refuseBpaFileInput(env) {
    const file = env.INPUT_FILE?.trim() ?? '';
    if (file === '')
        return;
    throw new InputError(`input "file" (${JSON.stringify(file)}): the file input is build-push-action's: use dockerfile: PATH`, `rename it: dockerfile: ${file} (your own Dockerfile, relative to the config file, or to the workspace when the inputs carry the config; exclusive with template)`);
}
/**
 * Overrides for every non-empty input. `get` reads one input ('' when unset), e.g. core.getInput;
 * ENV is the step's environment, where the runner puts an input action.yml does not declare too
 * (build-push-action's `file` is refused there).
 */
function overridesFromInputs(get, env = {}) {
    refuseBpaFileInput(env);
    const out = [];
    for (const spec of CONFIG_INPUTS) {
        const raw = get(spec.input);
        if (raw.trim() === '')
            continue;
        out.push({ path: spec.path, value: parseInputValue(spec, raw), source: `input "${spec.input}"` });
    }
    return out;
}

// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
;// CONCATENATED MODULE: ./src/build/cache-types.ts
// buildx's cache backends, the `type=` of a `cache-from` / `cache-to` spec (bpa-lists.ts
// cacheSpecType): another type is refused by BuildKit's import or export, in the build.


const CACHE_TYPES = ['registry', 'inline', 'local', 'gha', 's3', 'azblob'];
/**
 * The refusal of a spec of INPUT whose TYPE is no cache backend (exit 2, naming the nearest one and
 * how buildx spells them: in lower case), undefined for a backend's type. A type that is no word is
 * not quoted: the rest of a password a ',' split off (`ref=user:pa,type=ss@host/o/c`), or a
 * control character, is never shown.
 */
function unknownCacheType(input, type) {
    if (CACHE_TYPES.includes(type))
        return undefined;
    const shown = /^[A-Za-z0-9_.-]{1,40}$/.test(type)
        ? `type=${type}${(0,util_text/* didYouMean */.au)(type, CACHE_TYPES)}`
        : 'its type= (not quoted: no word)';
    return new errors/* InputError */.dz(`input "${input}": ${shown} is no cache backend (${CACHE_TYPES.join(', ')})`, 'write the type as buildx names it, in lower case, e.g. type=gha,scope=x,mode=max or type=registry,ref=IMAGE');
}

;// CONCATENATED MODULE: ./src/build/bpa-lists.ts
// docker/build-push-action's list inputs: the types they become, and the small parsers the build
// inputs share (the list reader itself, parseBpaList, is config/bpa-list.ts).







/**
 * `KEY=VALUE` split at the first `=`; both sides non-empty (BPA's parseSecretKvp), or with
 * EMPTY_VALUE a `KEY=` too: a label or annotation docker/metadata-action writes for a repository
 * without a description or license (`org.opencontainers.image.description=`), as buildx takes it.
 */
function bpa_lists_keyValue(input, item, what, { emptyValue = false } = {}) {
    const at = item.indexOf('=');
    const key = at > 0 ? item.slice(0, at).trim() : '';
    const value = at > 0 ? item.slice(at + 1) : '';
    if (key === '' || (value === '' && !emptyValue))
        throw new InputError(`input "${input}": ${JSON.stringify(redactValue(input, item))} is not ${what}`, `write one ${what} a line`);
    return [key, value];
}
/** A secret value never goes into an error message. */
function redactValue(input, item) {
    if (input !== 'secrets')
        return item;
    const at = item.indexOf('=');
    return at < 0 ? '***' : `${item.slice(0, at)}=***`;
}
const ANNOTATION_TYPES = (/* unused pure expression or super */ null && (['manifest', 'index', 'manifest-descriptor', 'index-descriptor']));
/** `index,manifest[linux/amd64]:key=value`, `manifest:key=value` or `key=value` (type manifest). */
function bpa_lists_parseAnnotation(item) {
    const [keyPart, value] = bpa_lists_keyValue('annotations', item, 'an annotation (KEY=VALUE)', { emptyValue: true });
    const m = /^(?:([a-z,-]+)(?:\[([^\]]+)\])?:)?([^:=]+)$/.exec(keyPart);
    const types = m?.[1]?.split(',') ?? [];
    const bad = types.filter((t) => !ANNOTATION_TYPES.includes(t));
    if (!m || bad.length > 0)
        throw new InputError(`input "annotations": ${JSON.stringify(item)} has ${bad.length ? `an unknown type ${bad.join(', ')}` : 'no valid key'}`, `write [TYPE:]KEY=VALUE, TYPE one of ${ANNOTATION_TYPES.join(', ')} (comma-separated)`);
    if (types.includes('index-descriptor'))
        throw new InputError(`input "annotations": ${JSON.stringify(`${keyPart}=...`)}: index-descriptor annotates the descriptor of an index in an OCI layout's index.json, which this action never writes (it pushes each platform's image, then merges them into a list in the registry): the annotation would be dropped`, 'use index: to annotate the merged multi-arch list, or manifest: (the default) for each platform image');
    return { types, ...(m[2] !== undefined && { platform: m[2] }), key: m[3].trim(), value };
}
/** The annotation as buildx writes it on the command line. */
function annotationArg(a) {
    const prefix = a.types.length ? `${a.types.join(',')}${a.platform ? `[${a.platform}]` : ''}:` : '';
    return `${prefix}${a.key}=${a.value}`;
}
/**
 * What a per-platform build takes of an annotation: its manifest and manifest-descriptor types (none
 * given: manifest, as buildx), or undefined when it has neither. BuildKit refuses an index type on a
 * single-platform export ("index annotations not supported for single platform export"), so
 * `index,manifest:k=v` gives each build `manifest:k=v`; the merge applies `index:k=v`
 * (indexAnnotations).
 */
function manifestPart(a) {
    if (a.types.length === 0)
        return a;
    const types = a.types.filter((t) => t === 'manifest' || t === 'manifest-descriptor');
    return types.length === 0 ? undefined : { ...a, types };
}
/**
 * The type of a `cache-from` / `cache-to` spec as buildx reads it (buildflags.ParseCacheEntry): a
 * spec without `=` is image references (registry cache), else the `type=` of specAttrs. Whether a
 * run may write a cache turns on this type, so a spec buildx could read as another type (a key
 * given twice: buildx takes the last `type=`; a line break) is refused, as is one without a type
 * or of a type that is no cache backend (cache-types.ts).
 */
function bpa_lists_cacheSpecType(input, spec) {
    if (!spec.includes('=') && !/[\r\n]/.test(spec)) {
        // Image references, as ref= of a registry cache: no login on the command line either.
        if (csvFields(spec).some(holdsLogin))
            throw cacheLogin(input);
        return 'registry';
    }
    // Before any message quotes the spec: a ',' inside a value splits it (ref=user:pa,ss@host/o/cache),
    // and the rest of a password is then a field without '=' (which buildx refuses, quoting it) or a
    // field whose value holds the '@' of the login. Neither is quoted, whatever else is wrong.
    const fields = csvFields(spec.replace(/[\r\n]+/g, ' '));
    if (fields.some((f) => !f.includes('=')))
        throw new errors/* InputError */.dz(`input "${input}": a spec holds a field without '=' (buildx takes KEY=VALUE fields only; a ',' inside a value splits it, a password's too); not quoted: the rest of a split password would be on buildx's command line and in its error`, `write one spec a line, each field KEY=VALUE, e.g. type=gha,scope=x,mode=max or type=registry,ref=IMAGE; ${LOGIN_FIX}`);
    const { attrs, problem } = bpa_list_specAttrs(spec);
    const type = attrs.get('type');
    if (fields.some(loginInField))
        throw cacheLogin(input);
    if (problem === undefined && type) {
        const unknown = unknownCacheType(input, type);
        if (unknown !== undefined)
            throw unknown;
        checkCacheCredentials(input, spec, type, attrs);
        return type;
    }
    throw new errors/* InputError */.dz(`input "${input}": ${JSON.stringify(shownSpec(spec))} ${problem ?? 'has no type='}`, 'write one spec a line, each key once, e.g. type=gha,scope=x,mode=max or type=registry,ref=IMAGE');
}
/**
 * The keys of buildx's cache backends (registry, inline, local, gha, s3, azblob): a value of one
 * of them may hold an '@' (a gha scope of a branch named feat@v2, a local path, an s3 name); a URL's
 * login there is refused by checkCacheCredentials, naming its key.
 */
const CACHE_KEYS = new Set(`type ref mode oci-mediatypes image-manifest compression compression-level force-compression ignore-error src dest digest tag scope url url_v2 token timeout repository ghtoken region bucket name prefix blobs_prefix manifests_prefix endpoint_url use_path_style access_key_id secret_access_key session_token upload_parallelism touch_refresh account_url store`.split(' '));
/**
 * A KEY=VALUE field with a login's '@': a ref= that is no digest reference (ref=user:pw@host/o/c),
 * or a key no cache backend has, which is the rest of a password a ',' split off
 * (ref=user:pa,ss=rd@host/o/c).
 */
function loginInField(field) {
    const at = field.indexOf('=');
    const key = field.slice(0, at).trim().toLowerCase();
    const value = field.slice(at + 1);
    return value.includes('@') && (key === 'ref' ? holdsLogin(value) : !CACHE_KEYS.has(key));
}
/** Cache keys whose value is a credential: s3's and azblob's secret key, s3's session token, gha's token. */
const CACHE_SECRET_KEYS = new Set(['secret_access_key', 'session_token', 'token']);
/** Where the builder takes a cache backend's credentials from when the spec gives none. */
const CACHE_CREDENTIALS_ELSEWHERE = {
    s3: 'leave access_key_id, secret_access_key and session_token out: buildx reads the AWS credentials of its environment or ~/.aws (aws-actions/configure-aws-credentials sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN for the job)',
    azblob: "leave secret_access_key out: BuildKit then signs in with the Azure credentials of the builder's own environment (AZURE_* variables, a managed identity)",
    gha: "leave token and url out: buildx takes the runner's own (ACTIONS_RUNTIME_TOKEN and ACTIONS_CACHE_URL, which this action's step has)",
};
/**
 * A credential in a cache spec (a key of CACHE_SECRET_KEYS, or a value credentialInValue knows: a
 * URL's login, a token by its shape) is refused: the spec is on buildx's command line, which any
 * user of the machine can read, and in the build's log. The message never holds the value.
 */
function checkCacheCredentials(input, spec, type, attrs) {
    const key = [...attrs.keys()].find((k) => CACHE_SECRET_KEYS.has(k));
    const why = key !== undefined
        ? `gives ${key}=`
        : [...attrs.values()].map((v) => (0,build_args/* credentialInValue */._G)(v)).find((w) => w !== undefined);
    if (why === undefined)
        return;
    throw new errors/* InputError */.dz(`input "${input}": ${JSON.stringify(shownSpec(spec))}: ${why}; a cache spec is on buildx's command line, which any user of the machine can read, and in the build's log`, CACHE_CREDENTIALS_ELSEWHERE[type] ??
        'give the builder its credentials another way (its environment, a credentials file), not in the spec');
}
/** A registry cache reference with a login: refused, the spec never quoted. */
const cacheLogin = (input) => new errors/* InputError */.dz(`input "${input}": a registry cache reference or spec value holds a login (an '@' not before a digest: USER:PASSWORD@ before the registry); a cache spec is on buildx's command line, which any user of the machine can read, and in the build's log`, `${LOGIN_FIX}: buildx reads the registry's credentials from Docker's config`);
/** A `KEY=VALUE,...` spec for an error: the value of a key that names a secret (token=) masked. */
function shownSpec(spec) {
    return csvFields(spec.replace(/[\r\n]+/g, ' '))
        .map((f) => {
        const at = f.indexOf('=');
        if (at < 0)
            return (0,redact/* redactEnvValue */.OI)('', f);
        const key = f.slice(0, at);
        return `${(0,redact/* redactEnvValue */.OI)('', key)}=${(0,redact/* redactEnvValue */.OI)(key, f.slice(at + 1))}`;
    })
        .join(',');
}
/** A build-push-action boolean input (parseBooleanInput); undefined when it is blank (not set). */
const bpa_lists_parseBool = (input, raw) => raw.trim() === '' ? undefined : parseBooleanInput(input, raw);
/** A secret id as buildx accepts it. */
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
/**
 * How BPA reads a multi-line `secrets` value: one CSV field in double quotes that runs over lines
 * (actions-toolkit's getInputList, config/bpa-list.ts).
 */
const SECRETS_FIX = 'write one ID=VALUE a line; put a multi-line value in double quotes from before its ID to after its last line ("ID=line1<newline>line2", a " inside it doubled), as docker/build-push-action reads it';
function bpa_lists_secretMap(input, items, what, warn = () => undefined) {
    if (input === 'secrets')
        return valueSecrets(items, what, warn);
    // No prototype: an id `__proto__` (letters and _) is a key like any other, never dropped.
    const out = Object.create(null);
    for (const item of items) {
        const [id, value] = bpa_lists_keyValue(input, item, what);
        if (!SECRET_ID.test(id) || /^\.+$/.test(id))
            throw new InputError(`input "${input}": secret id ${JSON.stringify(id)} may hold only letters, digits, _ . - (and is not . or ..)`);
        if (Object.hasOwn(out, id))
            throw new InputError(`input "${input}": secret id ${id} is given twice`, 'give each secret id once');
        out[id] = value;
    }
    return out;
}
/**
 * An id that reads as a name (HF_TOKEN, npm_token, s2, myToken), not as base64 text: a line after
 * the first that ends with one "=" (`V1Y5Cg=`, the last line of an unquoted base64 value) would
 * else be skipped as an empty secret and the value before it mounted cut short.
 */
const nameLike = (id) => !(/[a-z]/.test(id) && /[A-Z]/.test(id) && /\d/.test(id));
/**
 * The `secrets` input: id -> value. An error names the item by its position and never shows its
 * text: a line of an unquoted multi-line value (a PEM key, a JSON key file) reads as an item of its
 * own, so an item's "id" may be part of a secret. Such a line after a good item is said to be one.
 */
function valueSecrets(items, what, warn) {
    const out = Object.create(null);
    const itemOf = new Map();
    items.forEach((item, i) => {
        const at = item.indexOf('=');
        const id = at > 0 ? item.slice(0, at).trim() : '';
        const value = at > 0 ? item.slice(at + 1) : '';
        // `ID=` with nothing after it: a secret the run does not have (`${{ secrets.X }}` on a fork's
        // or Dependabot's run is empty). Skipped with a warning, as docker/build-push-action does; the
        // item is named by its place only (a line of an unquoted base64 text may end with "=").
        if (id !== '' && value === '' && SECRET_ID.test(id) && !/^\.+$/.test(id) && (i === 0 || nameLike(id))) {
            warn(`input "secrets": item ${i + 1} has an empty value (a secret this run does not have, as \${{ secrets.NAME }} is on a fork's run?): not mounted, as docker/build-push-action skips it`);
            return;
        }
        const problem = id === '' || value === ''
            ? `is not ${what}`
            : // `"gcp={"type": ...}"`: text after the closing quote, so the quotes are kept (csv-parse).
                id.startsWith('"')
                    ? 'starts with a quote that text follows after its closing quote, so the quotes are kept as written (a " inside a quoted value is written "")'
                    : !SECRET_ID.test(id) || /^\.+$/.test(id)
                        ? 'has an id with characters other than letters, digits, _ . - (or is . or ..)'
                        : // `AbCd12==`, the last line of a base64 value, would be id AbCd12 with the value "=".
                            /^\s*=+\s*$/.test(value)
                                ? 'has a value of only "=" (the end of a base64 text?)'
                                : undefined;
        const first = itemOf.get(id);
        if (problem === undefined && first !== undefined)
            throw new InputError(`input "secrets": item ${i + 1} gives the secret id of item ${first} again`, 'give each secret id once');
        if (problem === undefined) {
            itemOf.set(id, i + 1);
            out[id] = value;
            return;
        }
        const multiLine = i > 0 && !id.startsWith('"')
            ? '; it looks like a line of a multi-line value, which must be quoted as in docker/build-push-action'
            : '';
        throw new InputError(`input "secrets": item ${i + 1} ${problem}${multiLine}`, SECRETS_FIX);
    });
    return out;
}
/**
 * A digest after a reference's last '@', as Docker's reference grammar takes it (algorithm, then an
 * encoded part of 32 hex digits or more): never a registry's host:port or host:tag after a login
 * (`user:pw@registry.local:5000`, `TOKEN@registry.example.com:latest`).
 */
const DIGEST_TAIL = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const LOGIN_FIX = 'log in with docker/login-action (or docker login) and give the reference as REGISTRY/NAME:TAG';
/**
 * Whether an image reference holds a login (USER:PASSWORD@, TOKEN@, a scheme's): any '@' but one
 * before a digest (NAME@sha256:...). A password may hold '/' and ':', so where the first '/' is
 * says nothing.
 */
function holdsLogin(ref) {
    const at = ref.lastIndexOf('@');
    if (at < 0)
        return false;
    return ref.indexOf('@') !== at || !DIGEST_TAIL.test(ref.slice(at + 1));
}
/** `ghcr.io/o/r:1.2.0` (a tag without `:TAG` means `:latest`, as docker reads it). */
function bpa_lists_splitTagRef(ref) {
    // USER:PASSWORD@ before the registry: never quoted (a password), said as what it is.
    if (holdsLogin(ref))
        throw new errors/* InputError */.dz(`input "tags": a tag holds a login (an '@' not before a digest: USER:PASSWORD@ before the registry); a tag never carries credentials`, LOGIN_FIX);
    if (ref.includes('@'))
        throw new errors/* InputError */.dz(`input "tags": ${JSON.stringify(ref)} is a digest reference`, 'tags are NAME:TAG; the digest is an output');
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    const [repository, tag] = colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
    // Docker's reference grammar (src/oci/ref.ts), as for every other image reference.
    // A NAME:TAG would pass the grammar as a name: a second tag is refused here.
    const problem = repository.slice(repository.lastIndexOf('/') + 1).includes(':')
        ? 'more than one tag'
        : (0,oci_ref/* imageRefProblem */.OD)(repository);
    if (problem !== undefined)
        throw new errors/* InputError */.dz(`input "tags": ${JSON.stringify(ref)} is not a valid image name (lowercase REPOSITORY:TAG): ${problem}`);
    if (!(0,oci_ref/* isTag */.dz)(tag))
        throw new errors/* InputError */.dz(`input "tags": ${JSON.stringify(ref)} has an invalid tag ${JSON.stringify(tag)}`);
    return { repository, tag };
}

;// CONCATENATED MODULE: ./src/build/bpa-contexts.ts
// docker/build-push-action's `build-contexts` input: one named context a line (NAME=PATH, NAME=URL
// or NAME=docker-image://REF), each passed to buildx as `--build-context NAME=VALUE`. Pure.





/** `build-contexts`: name -> path, URL or `docker-image://REF`, undefined when none is given. */
function bpa_contexts_buildContextOptions(raw) {
    const contexts = parseBpaList(raw, { input: 'build-contexts', ignoreComma: true });
    if (!contexts.length)
        return undefined;
    const out = {};
    for (const item of contexts) {
        // A quoted item may span lines. No context name, path, URL or image reference holds a line
        // break or other control character: buildx would take it as part of the path or reference and
        // fail only at the build, after the resolve stage, and the build's log would print it as is.
        const c = /\p{Cc}/u.exec(item)?.[0];
        if (c !== undefined)
            throw new InputError(`input "build-contexts": ${printable(JSON.stringify(item))} holds ${/[\r\n]/.test(c) ? 'a line break' : `a control character (${unicodeName(c)})`}`, 'write one context a line: NAME=PATH, NAME=URL or NAME=docker-image://REF');
        const [name, value] = keyValue('build-contexts', item, 'a build context (NAME=PATH or NAME=docker-image://REF)');
        if (!/^[A-Za-z0-9][A-Za-z0-9_./:@-]*$/.test(name))
            throw new InputError(`input "build-contexts": ${JSON.stringify(name)} is not a context name`);
        if (value.includes('{{'))
            throw new InputError(`input "build-contexts": ${name}=${value}: {{defaultContext}} is build-push-action's Git context, which this action does not use`, 'give a path relative to the workspace, a URL or docker-image://REF');
        // buildx's command line, the build's log and BuildKit's provenance show it: no login in it.
        const why = credentialInValue(value);
        if (why !== undefined)
            throw new InputError(`input "build-contexts": ${name}: ${why}; a build context is on buildx's command line and in the build's provenance`, 'give the URL without its login and the token as the secret GIT_AUTH_TOKEN (secrets: GIT_AUTH_TOKEN=${{ secrets.X }}), which BuildKit uses to fetch a Git context');
        out[name] = value.trim();
    }
    return out;
}

;// CONCATENATED MODULE: ./src/build/bpa-tags.ts
// The `tags`, `labels` and `annotations` inputs applied: per-variant tags, the plan with them, one
// `imagetools create` per repository, and the annotations of the merged multi-arch index.



/**
 * The tags of variant `index` of `count` from the `tags` input. One variant: the tags as given.
 * Several: every tag gets the suffix `-<variant>` (`ghcr.io/o/r:1.2.0` -> `ghcr.io/o/r:1.2.0-cpu`),
 * except `latest`: it becomes `<variant>` on every variant (the variant's moving tag, as the
 * config's own default-branch rule), and the first variant also keeps plain `latest`
 * (metadata-action's `flavor: latest` on the default variant only).
 */
function variantTags(tags, variant, index, count) {
    if (count === 1)
        return [...new Set(tags)];
    const out = [];
    const add = (t) => {
        if (!out.includes(t))
            out.push(t);
    };
    for (const ref of tags) {
        const { repository, tag } = bpa_lists_splitTagRef(ref);
        if (tag === 'latest') {
            add(`${repository}:${checkedTag(ref, variant, variant)}`);
            if (index === 0)
                add(`${repository}:latest`);
        }
        else
            add(`${repository}:${checkedTag(ref, `${tag}-${variant}`, variant)}`);
    }
    return out;
}
/**
 * TAG, the tag REF of the `tags` input gives VARIANT, when it is a valid tag: a tag at most 128
 * characters long, as the input's own was, may be too long once `-<variant>` is added. Checked
 * here, when the plan is made, rather than by the merge after every platform was built and pushed.
 */
function checkedTag(ref, tag, variant) {
    if ((0,oci_ref/* isTag */.dz)(tag))
        return tag;
    const long = tag.length > 128;
    const room = 128 - 1 - variant.length;
    throw new errors/* InputError */.dz(`input "tags": ${JSON.stringify(ref)} gives variant ${variant} the tag ${JSON.stringify(tag)}, ${long ? `${tag.length} characters long (a tag is at most 128)` : 'which is not a valid tag'}`, tag === variant
        ? 'name the variant as a tag may be named (letters, digits, "_", "." and "-"), or give tags other than latest'
        : `shorten the tag to at most ${room} characters: with several variants each variant's tags get "-${variant}" added`);
}
/**
 * The registry host of a repository (`ghcr.io/o/r` -> ghcr.io; `o/r` is on Docker Hub), as
 * distribution/reference splits it (and parseImageRef, and buildx when it pushes): a first
 * component with "." or ":", localhost, or capitals names the registry (`MyOrg/model` is the host
 * MyOrg, where buildx would push, not Docker Hub).
 */
function registryHost(repository) {
    const first = repository.split('/')[0];
    return repository.includes('/') &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())
        ? first
        : 'docker.io';
}
/**
 * The plan with the `tags` and `labels` inputs applied (plan.json, build, merge and report see
 * them). With `tags`, the images are pushed (by digest) to the first tag's repository, not to
 * image.registry/image.name: nothing is pushed where no tag points. TAGGED: the variants the tags
 * follow (taggedVariants: the config file's own list first, then any planned variant it does not
 * list, as in a matrix job that builds one), so each variant of a file with several gets its suffix
 * and only the file's first keeps plain `latest`.
 */
function applyToPlan(plan, opts, tagged = plan.variants.map((v) => v.name)) {
    checkOutputTargets(plan, opts);
    if (!opts?.tags && !opts?.labels)
        return plan;
    const variants = plan.variants.map((v) => ({
        ...v,
        ...(opts.tags && { tags: variantTags(opts.tags, v.name, tagged.indexOf(v.name), tagged.length) }),
        ...(opts.labels && { labels: { ...v.labels, ...opts.labels } }),
    }));
    return {
        ...plan,
        ...(opts.tags?.[0] !== undefined && { repository: bpa_lists_splitTagRef(opts.tags[0]).repository }),
        variants,
    };
}
/**
 * Several targets (variants x platforms) each export to `outputs`: a dest without `{variant}`
 * (several variants) or `{arch}` (several platforms) would be overwritten by the next target.
 */
function checkOutputTargets(plan, opts) {
    const platforms = new Set(plan.variants.flatMap((v) => v.platforms));
    for (const spec of opts?.outputs ?? []) {
        const missing = [
            ...(plan.variants.length > 1 && !spec.includes('{variant}') ? ['{variant}'] : []),
            ...(platforms.size > 1 && !spec.includes('{arch}') ? ['{arch}'] : []),
        ];
        if (missing.length)
            throw new errors/* InputError */.dz(`input "outputs": ${JSON.stringify(spec)}: ${plan.variants.length} variants x ${platforms.size} platforms are built one at a time, and each would overwrite dest`, `put ${missing.join(' and ')} in dest (e.g. dest=out/{variant}-{arch})`);
    }
}
/**
 * The tags in the order of `imagetools create` calls: those of the build repository together,
 * then per other repository one tag alone (its blobs are copied there) and then the rest.
 */
function tagsByRepository(buildRepository, tags) {
    const groups = new Map([[buildRepository, []]]);
    for (const t of tags) {
        const { repository } = bpa_lists_splitTagRef(t);
        groups.set(repository, [...(groups.get(repository) ?? []), t]);
    }
    return [...groups]
        .flatMap(([repo, group]) => repo === buildRepository || group.length < 2 ? [group] : [group.slice(0, 1), group.slice(1)])
        .filter((g) => g.length > 0);
}
/** OCI keys that, as labels of a variant, also annotate its merged index (registries show them). */
const INDEX_LABEL_KEYS = [
    'org.opencontainers.image.title',
    'org.opencontainers.image.description',
    'org.opencontainers.image.source',
    'org.opencontainers.image.url',
    'org.opencontainers.image.version',
    'org.opencontainers.image.revision',
    'org.opencontainers.image.licenses',
    'org.opencontainers.image.created',
];
/**
 * `--annotation index:KEY=VALUE` arguments for `imagetools create`: the `index:` annotations given,
 * then the variant's OCI labels (title, description, source ...) not already given, so a registry
 * shows a description for the multi-arch image too.
 */
function indexAnnotations(labels, given = []) {
    const out = new Map();
    for (const a of given.filter((x) => x.types.includes('index')))
        out.set(a.key, a.value);
    for (const k of INDEX_LABEL_KEYS)
        if (labels[k] !== undefined && !out.has(k))
            out.set(k, labels[k]);
    return [...out].map(([k, v]) => `index:${k}=${v}`);
}

;// CONCATENATED MODULE: ./src/build/action-inputs.ts
// The action inputs that docker/build-push-action (BPA) users already pass, with BPA's names and
// list semantics (docker/actions-toolkit Util.getInputList): `tags`, `labels`, `annotations`,
// `secrets`, `secret-envs`, `secret-files`, `ssh`, `build-contexts`, `outputs`, `attests`, `add-hosts`,
// `shm-size`, `ulimit`, `cache-from`, `cache-to`, `target`, `builder`, `no-cache`, `sbom`, `load`.
// (`build-args`, `pull`, `provenance`, `network`, `platforms` and `push` override config keys:
// config/inputs.ts.)
// Parsed once at the edge into BuildInputOptions; the plan and the buildx argv take them from there.
// Their names are BUILD_INPUTS in config/inputs.ts (the table of every action input), the list
// reader parseBpaList is config/bpa-list.ts; the small parsers are in bpa-lists.ts, the tag rules
// and index annotations in bpa-tags.ts, the named contexts in bpa-contexts.ts.











/** The options from the inputs (`get` returns '' for an unset input). */
function buildOptionsFromInputs(get, cwd = process.cwd(), warn = () => undefined) {
    const opts = {};
    const list = (name, ignoreComma) => parseBpaList(get(name), { input: name, ignoreComma });
    const tags = list('tags', false);
    if (tags.length) {
        for (const t of tags)
            splitTagRef(t);
        opts.tags = tags;
    }
    const labels = list('labels', true);
    if (labels.length)
        opts.labels = Object.fromEntries(labels.map((l) => keyValue('labels', l, 'a label (KEY=VALUE)', { emptyValue: true })));
    const annotations = list('annotations', true);
    if (annotations.length)
        opts.annotations = annotations.map(parseAnnotation);
    // Both are written into the image (its config, its manifests) for anyone who pulls it.
    for (const [input, [key, value]] of [
        ...Object.entries(opts.labels ?? {}).map((kv) => ['labels', kv]),
        ...(opts.annotations ?? []).map((a) => ['annotations', [a.key, a.value]]),
    ]) {
        const why = credentialInValue(value);
        if (why !== undefined)
            throw new InputError(`input "${input}": ${key}: ${why}; ${input} are stored in the image for anyone who pulls it`, 'leave credentials out of labels and annotations (a URL without its login, e.g. https://github.com/org/repo)');
    }
    const secrets = parseBpaList(get('secrets'), { input: 'secrets', ignoreComma: true, trim: false });
    if (secrets.length)
        opts.secrets = secretMap('secrets', secrets, 'a secret (ID=VALUE)', warn);
    const secretEnvs = list('secret-envs', false);
    if (secretEnvs.length) {
        opts.secretEnvs = secretMap('secret-envs', secretEnvs, 'a secret env (ID=ENVNAME)');
        for (const [id, env] of Object.entries(opts.secretEnvs))
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(env))
                throw new InputError(`input "secret-envs": ${id}=${env}: ${JSON.stringify(env)} is no environment variable name`);
    }
    for (const [name, key] of [
        ['cache-from', 'cacheFrom'],
        ['cache-to', 'cacheTo'],
    ]) {
        const specs = list(name, true);
        for (const s of specs)
            cacheSpecType(name, s);
        if (specs.length)
            opts[key] = specs;
    }
    const target = get('target').trim();
    if (target)
        opts.target = target;
    const builder = get('builder').trim();
    if (builder)
        opts.builder = builder;
    const noCache = parseBool('no-cache', get('no-cache'));
    if (noCache !== undefined)
        opts.noCache = noCache;
    // build-push-action passes any sbom value to buildx (--sbom=generator=IMAGE): attributes are
    // the SBOM attestation's, as attests would give them (type=sbom,ATTRS).
    const sbomAttrs = get('sbom').includes('=') ? get('sbom').trim() : undefined;
    const sbom = sbomAttrs === undefined ? parseBool('sbom', get('sbom')) : undefined;
    if (sbom !== undefined)
        opts.sbom = sbom;
    const load = parseBool('load', get('load'));
    if (load !== undefined)
        opts.load = load;
    Object.assign(opts, moreBuildOptions(get, opts, cwd));
    if (sbomAttrs !== undefined)
        opts.attests = [...(opts.attests ?? []), sbomAttest(sbomAttrs, opts.attests)];
    return opts;
}
/** A path of an input, relative to the workspace (the step's working directory) as BPA reads it. */
const resolvePath = (p, cwd) => path.resolve(cwd, p);
/** `secret-files`: id -> the absolute path of an existing file (BPA: "secret file ... not found"). */
function secretFileOptions(raw, given, cwd) {
    const secretFiles = parseBpaList(raw, { input: 'secret-files', ignoreComma: true });
    if (!secretFiles.length)
        return undefined;
    const files = secretMap('secret-files', secretFiles, 'a secret file (ID=PATH)');
    for (const [id, file] of Object.entries(files)) {
        const abs = resolvePath(file.trim(), cwd);
        if (!existsSync(abs) || !statSync(abs).isFile())
            throw new InputError(`input "secret-files": ${id}=${file}: secret file ${abs} ${existsSync(abs) ? 'is no regular file (a directory?)' : 'not found'}`, 'give the path of an existing file, relative to the workspace (write it in an earlier step)');
        files[id] = abs;
    }
    const twice = Object.keys(files).filter((id) => Object.hasOwn(given.secrets ?? {}, id) || Object.hasOwn(given.secretEnvs ?? {}, id));
    if (twice.length)
        throw new InputError(`inputs "secrets"/"secret-envs"/"secret-files": secret id ${twice.join(', ')} is given twice`, 'give each secret id once');
    return files;
}
/** What BuildKit's SBOM attestation takes (buildx --sbom / --attest type=sbom). */
const SBOM_ATTRIBUTES = (/* unused pure expression or super */ null && (['generator', 'scan-context', 'scan-stage', 'disabled']));
/**
 * The `sbom` input's attributes (generator=IMAGE, ...) as an --attest spec, refused with a line
 * break, an attribute the SBOM attestation does not take, or with `attests` setting it too.
 */
function sbomAttest(sbomAttrs, attests) {
    if (/[\r\n]/.test(sbomAttrs))
        throw new InputError(`input "sbom": ${JSON.stringify(sbomAttrs)} holds a line break (buildx reads one line)`);
    const key = sbomAttrs
        .split(',')
        .map((kv) => kv.split('=')[0].trim())
        .find((k) => !SBOM_ATTRIBUTES.includes(k));
    if (key !== undefined)
        throw new InputError(`input "sbom": ${JSON.stringify(key)} is no attribute of the SBOM attestation (${SBOM_ATTRIBUTES.join(', ')})`, 'give true, false, or attributes such as generator=IMAGE; another attestation goes in attests');
    if (attests?.some((a) => /(?:^|,)\s*type=sbom\s*(?:,|$)/.test(a)))
        throw new InputError(`inputs "sbom" and "attests": both set the SBOM attestation (sbom: ${JSON.stringify(sbomAttrs)})`, 'keep one of them');
    return `type=sbom,${sbomAttrs}`;
}
/** `attests`: each with a type; provenance has its own input, and sbom is set once. */
function attestOptions(raw, given) {
    const attests = parseBpaList(raw, { input: 'attests', ignoreComma: true });
    for (const a of attests) {
        // A quoted item may span lines: buildx reads its --attest as one line (go-csvvalue).
        if (/[\r\n]/.test(a))
            throw new InputError(`input "attests": ${JSON.stringify(a)} holds a line break (buildx reads one line)`);
        const type = /(?:^|,)\s*type=([^,]*)/.exec(a)?.[1]?.trim();
        if (!type)
            throw new InputError(`input "attests": ${JSON.stringify(a)} has no type= (e.g. type=sbom,generator=IMAGE)`);
        if (type === 'provenance') {
            const attrs = a.split(',').filter((f) => !/^\s*type=/.test(f));
            throw new InputError(`input "attests": ${JSON.stringify(a)}: provenance is set by the provenance input (true, false, or attributes mode=min|max and version=v0.2|v1)`, `move it to the provenance input${attrs.length > 0 ? `: provenance: ${attrs.join(',').trim()}` : ''}`);
        }
        if (type === 'sbom' && given.sbom !== undefined)
            throw new InputError(`inputs "sbom" and "attests": ${JSON.stringify(a)} sets the SBOM attestation twice`, 'keep one of them (build-push-action lets the sbom input win)');
    }
    return attests;
}
/**
 * An `ssh` item with its path (ID=PATH, default=SOCKET) made absolute; `default` as given. A path
 * that is not there is bad input now: buildx fails on it only at the build (after the resolve
 * stage), exit 1 with "fix the Dockerfile".
 */
function sshItem(item, cwd) {
    const eq = item.indexOf('=');
    if (eq < 0)
        return item;
    const abs = resolvePath(item.slice(eq + 1).trim(), cwd);
    if (!existsSync(abs))
        throw new InputError(`input "ssh": ${item}: ${abs} not found (an SSH agent socket or a key file)`, 'give the path of the agent socket or the key file, relative to the workspace (write or start it in an earlier step)');
    return `${item.slice(0, eq)}=${abs}`;
}
/** `secret-files`, `ssh`, `build-contexts`, `outputs`, `attests`, `add-hosts`, `shm-size`, `ulimit`. */
function moreBuildOptions(get, given, cwd) {
    const opts = {};
    const secretFiles = secretFileOptions(get('secret-files'), given, cwd);
    if (secretFiles)
        opts.secretFiles = secretFiles;
    const ssh = parseBpaList(get('ssh'), { input: 'ssh', ignoreComma: false });
    for (const item of ssh)
        if (!/^[A-Za-z0-9_.-]+(=.+)?$/.test(item))
            throw new InputError(`input "ssh": ${JSON.stringify(item)} is not default, default=SOCKET or ID=PATH`, 'write one SSH agent socket or key a line (e.g. default, or github=/home/runner/.ssh/id_ed25519)');
    // A key's path, relative to the workspace as buildx reads it, made absolute: the build keeps the
    // file out of its context (src/pipeline/keep-out.ts), which needs to know where it is.
    if (ssh.length)
        opts.ssh = ssh.map((item) => sshItem(item, cwd));
    const contexts = buildContextOptions(get('build-contexts'));
    if (contexts)
        opts.buildContexts = contexts;
    const outputs = parseBpaList(get('outputs'), { ignoreComma: true, quote: false });
    if (outputs.length)
        opts.outputs = outputs.map(checkOutput);
    const attests = attestOptions(get('attests'), given);
    if (attests.length)
        opts.attests = attests;
    const hosts = parseBpaList(get('add-hosts'), { input: 'add-hosts', ignoreComma: false });
    for (const h of hosts) {
        const problem = addHostProblem(h);
        if (problem !== undefined)
            throw new InputError(`input "add-hosts": ${JSON.stringify(h)} ${problem}`);
    }
    if (hosts.length)
        opts.addHosts = hosts;
    const shm = get('shm-size').trim();
    if (shm) {
        const problem = shmSizeProblem(shm);
        if (problem !== undefined)
            throw new InputError(`input "shm-size": ${JSON.stringify(shm)} ${problem}`);
        opts.shmSize = shm;
    }
    const ulimits = parseBpaList(get('ulimit'), { input: 'ulimit', ignoreComma: true });
    for (const u of ulimits) {
        const problem = ulimitProblem(u);
        if (problem !== undefined)
            throw new InputError(`input "ulimit": ${JSON.stringify(u)} ${problem}`);
    }
    if (ulimits.length)
        opts.ulimits = ulimits;
    return { ...opts, ...privilegedOptions(get) };
}
/** `allow`, `cgroup-parent`, `no-cache-filters`, and `call` (only `build`: this action needs the image). */
function privilegedOptions(get) {
    const opts = {};
    const allow = parseBpaList(get('allow'), { input: 'allow', ignoreComma: false });
    for (const a of allow)
        if (!/^[a-z]+(\.[a-z-]+)*$/.test(a))
            throw new InputError(`input "allow": ${JSON.stringify(a)} is not an entitlement`, 'e.g. network.host or security.insecure (the builder must allow it too)');
    if (allow.length)
        opts.allow = allow;
    const cgroup = get('cgroup-parent').trim();
    if (cgroup) {
        if (/\s/.test(cgroup))
            throw new InputError(`input "cgroup-parent": ${JSON.stringify(cgroup)} holds a space`);
        opts.cgroupParent = cgroup;
    }
    const filters = parseBpaList(get('no-cache-filters'), { input: 'no-cache-filters', ignoreComma: false });
    if (filters.length)
        opts.noCacheFilters = filters;
    const call = get('call').trim();
    if (call !== '' && call !== 'build')
        throw new InputError(`input "call": ${JSON.stringify(call)} makes buildx evaluate the Dockerfile instead of building the image, and this action pushes and smoke-tests the image`, `run "docker buildx build --call ${call.replace(/[^A-Za-z0-9=,._-]/g, '')}" in a step of its own (or leave call unset: build)`);
    return opts;
}
/** The exporters `outputs` may add: the action itself pushes (`tags`, `push`) or loads (`load`). */
const OUTPUT_TYPES = (/* unused pure expression or super */ null && (['local', 'tar', 'oci', 'docker']));
/**
 * One `outputs` item checked: a bare path is `type=local,dest=PATH` (as buildx reads it). The
 * action always exports the image itself (pushed by digest for the merge, or loaded for the
 * smoke stage), so `outputs` adds a second exporter: image/registry (use `tags` and `push`),
 * docker without dest (use `load`), cacheonly and stdout (`-`, the log) cannot work and are refused.
 */
function checkOutput(item) {
    const spec = item.includes('=') ? item : `type=local,dest=${item}`;
    const refuse = (why, fix) => new InputError(`input "outputs": ${JSON.stringify(item)} ${why}`, fix);
    // As buildx reads it (specAttrs); a key given twice is refused: the check and buildx would read two specs.
    const { attrs, problem } = specAttrs(spec);
    if (problem !== undefined)
        throw refuse(problem, 'give each key once, on one line, e.g. type=local,dest=DIR');
    const type = attrs.get('type');
    const dest = attrs.get('dest');
    if (item === '-' || dest === '-')
        throw refuse('writes to stdout, which is the build log', 'give dest=FILE');
    if (type === undefined)
        throw refuse('has no type=', 'write type=local,dest=DIR (or tar, oci, docker)');
    if (type === 'image' || type === 'registry')
        throw refuse('pushes an image; the action pushes the built images itself', 'use the tags input with push: true (outputs takes local, tar, oci and docker with dest=)');
    if (type === 'cacheonly')
        throw refuse('exports nothing; the action always exports the image', 'drop it');
    if (type === 'docker' && dest === undefined)
        throw refuse('loads the image into the engine', 'use load: true (with push: false the images are always loaded)');
    if (!OUTPUT_TYPES.includes(type))
        throw refuse(`has an unknown type ${type}`, `use one of ${OUTPUT_TYPES.join(', ')}`);
    if (dest === undefined || dest === '')
        throw refuse('has no dest=', `write type=${type},dest=PATH`);
    return spec;
}
/**
 * `{variant}` and `{arch}` in an outputs, cache-from or cache-to spec replaced by the target's (a
 * gha scope or a registry cache ref of its own: one shared by all targets is overwritten by each).
 */
function specFor(spec, variant, arch) {
    return spec.replaceAll('{variant}', variant).replaceAll('{arch}', arch);
}
/**
 * Where `outputs` writes for every target (each variant's platforms): DEST with its placeholders replaced,
 * read against CWD as buildx reads it.
 */
function outputDests(outputs, variants, cwd) {
    const dests = (outputs ?? []).flatMap((spec) => bpa_list_specAttrs(spec).attrs.get('dest') ?? []);
    const targets = variants.flatMap((v) => v.platforms.map((p) => ({ variant: v.name, arch: (0,config_platform/* archOf */.Qh)(p) ?? p })));
    const all = dests.flatMap((d) => targets.map((t) => external_node_path_default().resolve(cwd, specFor(d, t.variant, t.arch))));
    return [...new Set(all)];
}
/**
 * The BuildRequest fields these inputs add for the target `variant`/`arch` (target.ts spreads
 * them into the request; buildx-args.ts turns them into argv).
 */
function requestFromOptions(o, variant, arch) {
    if (!o)
        return {};
    return {
        ...(o.secretFiles && { secretFiles: o.secretFiles }),
        ...(o.ssh && { ssh: o.ssh }),
        ...(o.buildContexts && { buildContexts: o.buildContexts }),
        ...(o.outputs && { outputs: o.outputs.map((s) => specFor(s, variant, arch)) }),
        ...(o.cacheFrom && { cacheFrom: o.cacheFrom.map((s) => specFor(s, variant, arch)) }),
        ...(o.cacheTo && { cacheTo: o.cacheTo.map((s) => specFor(s, variant, arch)) }),
        ...(o.attests && { attests: o.attests }),
        ...(o.addHosts && { addHosts: o.addHosts }),
        ...(o.shmSize !== undefined && { shmSize: o.shmSize }),
        ...(o.ulimits && { ulimits: o.ulimits }),
        ...(o.allow && { allow: o.allow }),
        ...(o.cgroupParent !== undefined && { cgroupParent: o.cgroupParent }),
        ...(o.noCacheFilters && { noCacheFilters: o.noCacheFilters }),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
;// CONCATENATED MODULE: ./src/build/builder-facts.ts
// What the build stage needs to know of the builder (its name, buildx version, driver, BuildKit
// version, its nodes' endpoints, the docker driver's image store): asked once per Docker adapter (a
// process), and kept between runs in the cache directory under a key made of everything that
// changes the answer without a command: the buildx plugin binaries (path, size, mtime), Docker's
// config.json and buildx's builder state (current builder, builder instances), the DOCKER_* /
// BUILDX_* variables, and, for the local engine, its socket and the daemon's pid file (both
// rewritten when the daemon restarts or is upgraded, as a switch of its image store needs). An
// entry also expires: a day for the local engine, ten minutes for a remote one or a builder whose
// driver is `remote` or `kubernetes` (their BuildKit can change without a local trace). A build
// that fails deletes the entry (forgetBuilder), so the next run asks buildx again.





const LOCAL_TTL_MS = 24 * 3600_000;
const REMOTE_TTL_MS = 10 * 60_000;
/** Drivers whose BuildKit runs elsewhere: their facts hold as long as a remote engine's. */
const REMOTE_DRIVERS = new Set(['remote', 'kubernetes']);
const ENV_KEYS = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'BUILDX_BUILDER', 'BUILDX_CONFIG'];
/** Where the docker CLI looks for plugins (after DOCKER_CONFIG/cli-plugins), in its order. */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
];
const realFs = {
    stat: (f) => {
        try {
            const s = (0,external_node_fs_.statSync)(f);
            return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
        }
        catch {
            return '-';
        }
    },
    read: (f) => {
        try {
            return (0,external_node_fs_.readFileSync)(f, 'utf8');
        }
        catch {
            return '';
        }
    },
    list: (d) => {
        try {
            return (0,external_node_fs_.readdirSync)(d).sort();
        }
        catch {
            return [];
        }
    },
};
/** The cache key of the builder's facts and how long an entry holds (see the header). */
function builderFactsKey(env, name, fs = realFs) {
    const configDir = env.DOCKER_CONFIG ?? external_node_path_default().join(env.HOME ?? (0,external_node_os_.homedir)(), '.docker');
    const buildxDir = env.BUILDX_CONFIG ?? external_node_path_default().join(configDir, 'buildx');
    const instances = external_node_path_default().join(buildxDir, 'instances');
    const plugins = [external_node_path_default().join(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS].map((d) => fs.stat(external_node_path_default().join(d, 'docker-buildx')));
    const host = env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
    const config = fs.read(external_node_path_default().join(configDir, 'config.json'));
    const otherContext = (env.DOCKER_CONTEXT ?? '') !== '' || /"currentContext"\s*:\s*"(?!default")/.test(config);
    const local = host.startsWith('unix://') && !otherContext;
    const socket = host.slice('unix://'.length);
    const parts = [
        // The facts' shape: 2 holds the nodes' endpoints, 3 the builder's name, 4 the docker driver's
        // image store (containerdStore; older entries lack them).
        'facts=4',
        `name=${name ?? ''}`,
        ...ENV_KEYS.map((k) => `${k}=${env[k] ?? ''}`),
        `plugins=${plugins.join(',')}`,
        `config=${config}`,
        `current=${fs.read(external_node_path_default().join(buildxDir, 'current'))}`,
        `instances=${fs
            .list(instances)
            .map((i) => `${i}@${fs.stat(external_node_path_default().join(instances, i))}`)
            .join(',')}`,
        `socket=${local ? fs.stat(socket) : host}`,
        ...(local ? [`pid=${daemonPidStat(socket, fs)}`] : []),
    ];
    return {
        key: (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex').slice(0, 32),
        ttlMs: local ? LOCAL_TTL_MS : REMOTE_TTL_MS,
    };
}
/**
 * The daemon's pid file next to its socket (dockerd writes docker.pid in the socket's directory:
 * /var/run for the system daemon, $XDG_RUNTIME_DIR when rootless), else /var/run/docker.pid.
 */
function daemonPidStat(socket, fs) {
    const beside = fs.stat(external_node_path_default().join(external_node_path_default().dirname(socket), 'docker.pid'));
    return beside !== '-' ? beside : fs.stat('/var/run/docker.pid');
}
/** `buildx version` and `buildx inspect`, side by side. */
async function askBuildx(docker, name) {
    const [buildxVersion, inspect] = await Promise.all([
        docker.buildxVersion(),
        name !== undefined ? docker.buildxInspect(name) : docker.buildxInspect(),
    ]);
    return {
        buildxVersion,
        ...(inspect.name !== '' && { name: inspect.name }),
        driver: inspect.driver,
        ...(inspect.buildkitVersion !== undefined && { buildkitVersion: inspect.buildkitVersion }),
        ...(inspect.endpoints !== undefined && { endpoints: inspect.endpoints }),
        // As buildx tells it: dockerd's BuildKit worker has a snapshotter label only on the containerd store.
        ...(inspect.driver === 'docker' && inspect.snapshotter !== undefined && { containerdStore: true }),
    };
}
function readEntry(file, ttlMs, now) {
    try {
        const e = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        const endpoints = e.facts?.endpoints;
        const valid = typeof e.facts?.buildxVersion === 'string' &&
            typeof e.facts.driver === 'string' &&
            (e.facts.name === undefined || typeof e.facts.name === 'string') &&
            (e.facts.containerdStore === undefined || typeof e.facts.containerdStore === 'boolean') &&
            // An earlier version kept an unstamped BuildKit's "v0.0.0+unknown" as 0.0.0, and refused it.
            !/^0\.0(?:\.0)?$/.test(String(e.facts.buildkitVersion)) &&
            (endpoints === undefined ||
                (Array.isArray(endpoints) && endpoints.every((x) => typeof x === 'string')));
        if (!valid)
            return undefined;
        const holds = REMOTE_DRIVERS.has(e.facts.driver) ? Math.min(ttlMs, REMOTE_TTL_MS) : ttlMs;
        const fresh = typeof e.savedAt === 'number' && now - e.savedAt >= 0 && now - e.savedAt < holds;
        return fresh ? e.facts : undefined;
    }
    catch {
        return undefined;
    }
}
function writeEntry(file, entry) {
    try {
        // The cache directory's rule (resolve/snapshot-cache.ts): 0700, files 0600.
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true, mode: 0o700 });
        (0,json_file/* writeFileAtomic */.Zf)(file, JSON.stringify(entry), file, false, 0o600);
    }
    catch {
        // A cache that cannot be written is only slower next time; no half-written file stays in it.
    }
}
function entryFile(cache, name) {
    const at = builderFactsKey(cache.env, name, cache.fs);
    return { file: external_node_path_default().join(cache.dir, 'builders', `${at.key}.json`), ttlMs: at.ttlMs };
}
/** Per adapter (one per process, or per test): the facts of each builder name, asked once. */
const perAdapter = new WeakMap();
/**
 * The builder's facts: from this process's earlier answer, else the cache directory (when given),
 * else buildx (and then kept). Only a builder that reported its BuildKit version is kept on disk:
 * a docker-container builder that is not running yet reports none, and will after its first build.
 */
async function lookUpBuilder(docker, name, cache) {
    const memo = perAdapter.get(docker) ?? new Map();
    perAdapter.set(docker, memo);
    const known = memo.get(name ?? '');
    if (known)
        return { facts: await known, from: 'process' };
    const now = cache?.now ?? Date.now;
    const at = cache && entryFile(cache, name);
    const file = at?.file;
    const stored = at ? readEntry(at.file, at.ttlMs, now()) : undefined;
    const asked = stored ? Promise.resolve(stored) : askBuildx(docker, name);
    memo.set(name ?? '', asked);
    try {
        const facts = await asked;
        if (!stored && file && facts.buildkitVersion !== undefined)
            writeEntry(file, { savedAt: now(), facts });
        return { facts, from: stored ? 'disk' : 'asked' };
    }
    catch (e) {
        memo.delete(name ?? '');
        throw e;
    }
}
/**
 * After a failed build: the builder's facts are forgotten (this process's answer and the entry in
 * the cache directory), so the next run asks buildx again, in case they were what went wrong.
 */
function forgetBuilder(docker, name, cache) {
    perAdapter.get(docker)?.delete(name ?? '');
    if (!cache)
        return;
    try {
        (0,external_node_fs_.rmSync)(entryFile(cache, name).file, { force: true });
    }
    catch {
        // Nothing to forget.
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/docker/context.ts
var context = __webpack_require__(25835);
// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
// EXTERNAL MODULE: ./src/python/indexes.ts + 1 modules
var python_indexes = __webpack_require__(3788);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/util/temp.ts
var temp = __webpack_require__(54868);
// EXTERNAL MODULE: ./src/util/versions.ts
var versions = __webpack_require__(20395);
;// CONCATENATED MODULE: ./src/build/provenance-args.ts

/** The first BuildKit that reads the provenance `version` attribute (SLSA v1). */
const PROVENANCE_VERSION_MIN_BUILDKIT = '0.23.0';
/**
 * The --provenance flag, if any. CLASSIC: the docker driver on the classic image store, which
 * cannot attest (a note says it was turned off); a version the builder's BuildKit does not write is
 * left out with a warning (v1), or silently (v0.2, the only one it writes).
 */
function provenanceArgs(req, builder, classic, [notes, warnings]) {
    if ((0,versions/* compareVersions */.Z)(builder.buildxVersion, '0.10.0') < 0)
        return [];
    const mode = classic ? 'false' : req.provenance;
    if (mode !== req.provenance)
        notes.push('docker driver: provenance attestations are not supported, disabled');
    if (mode === 'false')
        return ['--provenance=false'];
    let version = req.provenanceVersion;
    const bk = builder.buildkitVersion;
    if (version !== undefined && bk !== undefined && (0,versions/* compareVersions */.Z)(bk, PROVENANCE_VERSION_MIN_BUILDKIT) < 0) {
        if (version === 'v1')
            warnings.push(`provenance version=v1: BuildKit ${bk} of builder ${builder.name ?? '(current)'} writes SLSA provenance v0.2 only (v1 needs BuildKit >= ${PROVENANCE_VERSION_MIN_BUILDKIT}), version left out: the attestation is v0.2`);
        version = undefined;
    }
    if (version === 'v1' && bk === undefined)
        notes.push(`provenance version=v1: builder ${builder.name ?? '(current)'} does not report its BuildKit version, so version=v1 is passed as asked; a BuildKit older than ${PROVENANCE_VERSION_MIN_BUILDKIT} ignores it and writes SLSA provenance v0.2`);
    return [`--provenance=mode=${mode}${version !== undefined ? `,version=${version}` : ''}`];
}

;// CONCATENATED MODULE: ./src/build/buildx-args.ts
// The buildx argv for one build target: a pure function of the request and what the builder can do
// (buildx version and driver), tested as a table of cases.





const atLeast = (v, min) => (0,versions/* compareVersions */.Z)(v, min) >= 0;
/**
 * `--secret id=X,src=FILE` is as old as buildx itself; `--secret id=X,env=VAR` came with buildx
 * 0.6.0 (docker/buildx#488). Secrets are the only way credentials and requirements reach the build,
 * so an older buildx is refused rather than fall back to build arguments.
 */
const SECRETS_MIN_BUILDX = '0.6.0';
/** `RUN --mount=type=secret` without a `# syntax=` line: dockerfile frontend 1.2, built into BuildKit 0.8. */
const SECRET_MOUNTS_MIN_BUILDKIT = '0.8.0';
/** Why this builder cannot mount build secrets (undefined when it can). */
function secretMountsUnsupported(b) {
    if (!atLeast(b.buildxVersion, SECRETS_MIN_BUILDX))
        return `buildx ${b.buildxVersion} cannot pass build secrets from the environment (needs buildx >= ${SECRETS_MIN_BUILDX})`;
    if (b.buildkitVersion !== undefined && !atLeast(b.buildkitVersion, SECRET_MOUNTS_MIN_BUILDKIT))
        return `BuildKit ${b.buildkitVersion} of builder ${b.name ?? '(current)'} does not understand RUN --mount=type=secret (needs BuildKit >= ${SECRET_MOUNTS_MIN_BUILDKIT}, Docker >= 20.10)`;
    return undefined;
}
const buildx_args_SECRETS_FIX = `install buildx >= ${SECRETS_MIN_BUILDX} (https://github.com/docker/buildx/releases, or docker/setup-buildx-action) and Docker Engine >= 20.10; credentials and requirements reach the build only through secret mounts, never build arguments`;
/**
 * build.args end up in the image history (`docker history --no-trunc`) for anyone who can pull it:
 * refuse an entry whose name looks like a credential or whose value carries URL userinfo or a
 * token. The config schema refuses them already; this holds for a config that came another way.
 */
function checkBuildArgs(args) {
    for (const [name, value] of Object.entries(args)) {
        const why = (0,build_args/* buildArgSecretProblem */._y)(name, value);
        if (why !== undefined)
            throw new errors/* InputError */.dz(`build.args.${name}: ${why}`, build_args/* BUILD_ARGS_FIX */.bL);
    }
}
/** A field of buildx's CSV-parsed --secret value, quoted when it holds a comma or a quote. */
function csvField(s) {
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** The docker driver (dockerd's built-in BuildKit) cannot push by digest (buildx refuses it). */
function canPushByDigest(b) {
    return b.driver !== 'docker';
}
/** The docker driver on the classic image store: no cache export, attestations or annotations. */
const classicDocker = (b) => b.driver === 'docker' && b.containerdStore !== true;
/** --build-context: named build contexts need buildx >= 0.8.0. */
function buildContextArgs(req, builder) {
    if (!req.buildContexts || Object.keys(req.buildContexts).length === 0)
        return [];
    if (!atLeast(builder.buildxVersion, '0.8.0')) {
        throw new errors/* EnvironmentError */.eG(`named build contexts need buildx >= 0.8.0 (found ${builder.buildxVersion})`, 'update the buildx CLI plugin (docker-buildx-plugin, or docker-buildx on Debian 13+/Ubuntu)');
    }
    return Object.entries(req.buildContexts).flatMap(([k, v]) => ['--build-context', `${k}=${v}`]);
}
/** --secret: from the environment (build.secrets) and from files; refused where unsupported. */
function secretArgs(req, builder) {
    const fileSecrets = [...Object.entries(req.fileSecrets ?? {}), ...Object.entries(req.secretFiles ?? {})];
    const secretEnvs = Object.entries(req.secretEnvs ?? {});
    if (req.secrets.length > 0 || fileSecrets.length > 0 || secretEnvs.length > 0) {
        const why = secretMountsUnsupported(builder);
        if (why !== undefined)
            throw new errors/* EnvironmentError */.eG(why, buildx_args_SECRETS_FIX);
    }
    const ids = [...req.secrets, ...secretEnvs.map(([id]) => id), ...fileSecrets.map(([id]) => id)];
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length)
        throw new errors/* InputError */.dz(`secret id ${[...new Set(twice)].join(', ')} is given twice (build.secrets, secrets, secret-envs, secret-files, or one this action mounts itself)`, 'give each secret id once');
    return [
        ...req.secrets.flatMap((id) => ['--secret', `id=${id},env=${id}`]),
        ...secretEnvs.flatMap(([id, env]) => ['--secret', `id=${id},env=${env}`]),
        ...fileSecrets.flatMap(([id, file]) => ['--secret', `id=${id},${csvField(`src=${file}`)}`]),
    ];
}
/** --ssh, --add-host, --shm-size, --ulimit, --allow, --cgroup-parent, --no-cache-filter: as given. */
function runArgs(req) {
    return [
        ...(req.ssh ?? []).flatMap((s) => ['--ssh', s]),
        ...(req.addHosts ?? []).flatMap((h) => ['--add-host', h]),
        ...(req.shmSize !== undefined ? ['--shm-size', req.shmSize] : []),
        ...(req.ulimits ?? []).flatMap((u) => ['--ulimit', u]),
        ...(req.allow ?? []).flatMap((a) => ['--allow', a]),
        ...(req.cgroupParent !== undefined ? ['--cgroup-parent', req.cgroupParent] : []),
        ...(req.noCacheFilters ?? []).flatMap((f) => ['--no-cache-filter', f]),
    ];
}
/** The `outputs` input: more exporters next to the action's own, which needs buildx >= 0.13. */
function givenOutputArgs(req, builder) {
    if (!req.outputs?.length)
        return [];
    if (!atLeast(builder.buildxVersion, '0.13.0'))
        throw new errors/* EnvironmentError */.eG(`outputs: the action exports the image itself (${req.push ? 'push' : 'load'}), and a second exporter needs buildx >= 0.13.0 (found ${builder.buildxVersion})`, 'update buildx (docker/setup-buildx-action), or drop the outputs input');
    if (builder.buildkitVersion !== undefined && !atLeast(builder.buildkitVersion, '0.13.0'))
        throw new errors/* EnvironmentError */.eG(`outputs: the action exports the image itself (${req.push ? 'push' : 'load'}), and BuildKit ${builder.buildkitVersion} of builder ${builder.name ?? '(current)'} exports once (a second exporter needs BuildKit >= 0.13)`, 'use a docker-container builder (docker/setup-buildx-action, then its name as the builder input), or drop the outputs input');
    return req.outputs.flatMap((o) => ['--output', o]);
}
/**
 * The `cache-from` / `cache-to` inputs, as given (BPA): the docker driver on the classic image store
 * reads any cache but exports only inline cache, so other `cache-to` specs are left out with a note. A
 * run that may build a pull request's code or builds another ref (cacheReadOnly) writes no cache the default branch reads
 * either: only inline cache (on its own image) and gha where GitHub scopes its entries to the pull
 * request (ghaCacheOwnScope) are kept.
 */
function givenCacheArgs(req, builder, [notes, warnings]) {
    // The type buildx will use (the last type=), or refused: a spec it could read as another type.
    for (const spec of req.cacheFrom ?? [])
        bpa_lists_cacheSpecType('cache-from', spec);
    const to = (req.cacheTo ?? []).filter((spec) => {
        const type = bpa_lists_cacheSpecType('cache-to', spec);
        if (req.cacheReadOnly && type !== 'inline' && (type !== 'gha' || !req.ghaCacheOwnScope)) {
            notes.push(`${req.cacheReadOnly}: cache-to ${type} left out (a branch must not write a cache that release builds read; it still reads cache-from)`);
            return false;
        }
        if (!classicDocker(builder) || type === 'inline')
            return true;
        warnings.push(`docker driver: cannot export cache type=${type}; cache-to left out (use a docker-container builder)`);
        return false;
    });
    return [
        ...(req.cacheFrom ?? []).flatMap((spec) => ['--cache-from', spec]),
        ...to.flatMap((spec) => ['--cache-to', spec]),
    ];
}
/**
 * --cache-from / --cache-to for what the driver can do (notes say what was adapted). The registry
 * cache is written only by a build that pushes: push: false reads it.
 */
function cacheArgs(req, builder, said) {
    if (req.cacheFrom !== undefined || req.cacheTo !== undefined)
        return givenCacheArgs(req, builder, said);
    const [notes] = said;
    // Cache: the classic-store docker driver can only embed inline cache in the pushed image and read it back.
    if (classicDocker(builder)) {
        if (req.cache.type === 'none')
            return [];
        notes.push(req.push
            ? 'docker driver: cache is kept inline in the pushed per-platform image (no gha/registry cache export)'
            : "push: false: docker driver: no cache is read from or written to the registry (its inline cache is in pushed images only); the engine's own build cache still applies");
        const tags = req.defaultPushTag ? [req.pushTag, req.defaultPushTag] : [req.pushTag];
        const from = tags.flatMap((t) => ['--cache-from', `type=registry,ref=${req.repository}:${t}`]);
        return req.push ? ['--cache-to', 'type=inline', ...from] : [];
    }
    if (req.cache.type === 'gha') {
        if (atLeast(builder.buildxVersion, '0.21.0')) {
            const gha = `type=gha,scope=${req.cache.scope}`;
            if (req.cacheReadOnly && !req.ghaCacheOwnScope) {
                notes.push(`${req.cacheReadOnly}: the gha cache ${req.cache.scope} is read, not written (this event's cache scope is the branch's)`);
                return ['--cache-from', gha];
            }
            return ['--cache-from', gha, '--cache-to', `${gha},mode=max`];
        }
        notes.push(`GitHub Actions cache needs buildx >= 0.21.0 (found ${builder.buildxVersion}; the old cache service is gone): building without cache`);
        return [];
    }
    if (req.cache.type === 'registry') {
        const from = ['--cache-from', `type=registry,ref=${req.cache.ref}`];
        if (req.cacheReadOnly) {
            notes.push(`${req.cacheReadOnly}: the registry cache ${req.cache.ref} is read, not written`);
            return from;
        }
        // push: false (--load) pushes nothing to the registry, its cache included.
        if (!req.push) {
            notes.push(`push: false: the registry cache ${req.cache.ref} is read, not written`);
            return from;
        }
        const opts = 'mode=max,image-manifest=true,oci-mediatypes=true';
        return [...from, '--cache-to', `type=registry,ref=${req.cache.ref},${opts}`];
    }
    return [];
}
/** --sbom (buildx >= 0.10, not on the classic-store docker driver) and --annotation (buildx >= 0.12). */
function attestationArgs(req, builder, warnings) {
    const args = [];
    if (req.sbom !== undefined) {
        const old = !atLeast(builder.buildxVersion, '0.10.0');
        if (old && req.sbom)
            warnings.push(`sbom: needs buildx >= 0.10.0 (found ${builder.buildxVersion}), left out`);
        else if (classicDocker(builder) && req.sbom)
            warnings.push('docker driver: SBOM attestations are not supported, left out');
        else if (!old)
            args.push(`--sbom=${req.sbom}`);
    }
    if (req.attests?.length) {
        if (!atLeast(builder.buildxVersion, '0.10.0'))
            warnings.push(`attests: need buildx >= 0.10.0 (found ${builder.buildxVersion}), left out`);
        else if (classicDocker(builder))
            warnings.push('docker driver: attestations are not supported, attests left out');
        else
            args.push(...req.attests.flatMap((a) => ['--attest', a]));
    }
    if (req.annotations?.length) {
        if (classicDocker(builder))
            warnings.push('docker driver: images are pushed with Docker manifests, which carry no annotations: annotations left out (use a docker-container builder)');
        else if (atLeast(builder.buildxVersion, '0.12.0'))
            args.push(...req.annotations.flatMap((a) => ['--annotation', a]));
        else
            warnings.push(`annotations: need buildx >= 0.12.0 (found ${builder.buildxVersion}), left out`);
    }
    return args;
}
/** The names of a loaded image: its local tag, then the tags it carries too (loadTags). */
const loadNames = (req) => [...new Set([req.loadTag ?? [], req.loadTags ?? []].flat())];
/** Where the image goes: loaded into the engine, pushed by digest, or pushed by tag (docker driver). */
function outputArgs(req, builder, notes) {
    if (!req.push)
        return ['--load', ...loadNames(req).flatMap((t) => ['--tag', t])];
    if (canPushByDigest(builder)) {
        return [
            '--output',
            `type=image,name=${req.repository},push-by-digest=true,name-canonical=true,push=true${req.ociMediatypes ? ',oci-mediatypes=true' : ''}`,
            ...loadToo(req, builder),
        ];
    }
    if (req.load)
        notes.push(req.loadTags?.length
            ? `docker driver: the pushed image is in the engine already (load), under its push tag ${req.pushTag} only (the tags name the merged list in the registry)`
            : 'docker driver: the pushed image is in the engine already (load)');
    notes.push(`docker driver: pushes by tag ${req.pushTag} and merges by the digest it reports`);
    const oci = req.ociMediatypes && !classicDocker(builder) ? ',oci-mediatypes=true' : '';
    return ['--output', `type=image,name=${req.repository}:${req.pushTag},push=true${oci}`];
}
/** push and load: a second exporter into the engine (buildx >= 0.13 can export twice). */
function loadToo(req, builder) {
    if (!req.load)
        return [];
    if (!atLeast(builder.buildxVersion, '0.13.0'))
        throw new errors/* EnvironmentError */.eG(`load with push needs buildx >= 0.13.0 to export twice (found ${builder.buildxVersion})`, 'update buildx, or set push: false to load only');
    // Several names in one field, quoted for buildx's CSV: `type=docker,"name=a,b"`.
    const names = loadNames(req);
    return ['--output', `type=docker${names.length ? `,${csvField(`name=${names.join(',')}`)}` : ''}`];
}
function buildxBuildArgs(req, builder) {
    const [notes, warnings] = [[], []];
    const args = ['build'];
    if (builder.name)
        args.push('--builder', builder.name);
    args.push('--platform', req.platform, '--file', req.dockerfile, '--progress', 'plain');
    args.push('--metadata-file', req.metadataFile);
    for (const [k, v] of Object.entries(req.buildArgs))
        args.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of Object.entries(req.labels))
        args.push('--label', `${k}=${v}`);
    args.push(...buildContextArgs(req, builder), ...secretArgs(req, builder), ...runArgs(req));
    if (req.network && req.network !== 'default')
        args.push('--network', req.network);
    if (req.pull)
        args.push('--pull');
    if (req.noCache)
        args.push('--no-cache');
    if (req.target)
        args.push('--target', req.target);
    args.push(...cacheArgs(req, builder, [notes, warnings]));
    args.push(...provenanceArgs(req, builder, classicDocker(builder), [notes, warnings]));
    args.push(...attestationArgs(req, builder, warnings));
    args.push(...outputArgs(req, builder, notes), ...givenOutputArgs(req, builder), req.context);
    return { args, notes, warnings };
}

// EXTERNAL MODULE: ./src/docker/held-platform.ts
var held_platform = __webpack_require__(837);
;// CONCATENATED MODULE: ./src/build/base-digest.ts



/** REGISTRY/PATH of a reference, Docker Hub however spelled: pure. */
function repositoryKey(ref) {
    const r = (0,oci_ref/* parseImageRef */.Q)(ref);
    return `${oci_ref/* DOCKER_HUB */.Xb.has(r.registry) ? 'docker.io' : r.registry}/${r.path}`;
}
/**
 * The registry digests the engine knows the local image by, in REF's repository; on the containerd
 * image store (MULTI), with none, its ID: there the digest of its index or manifest. Pure.
 */
function ownDigests(ref, local, multi) {
    const repository = repositoryKey(ref);
    const own = local.repoDigests.flatMap((r) => {
        const at = r.lastIndexOf('@');
        const digest = r.slice(at + 1);
        return at > 0 && (0,oci_ref/* isDigest */.Bc)(digest) && repositoryKey(r.slice(0, at)) === repository ? [digest] : [];
    });
    return own.length === 0 && multi && (0,oci_ref/* isDigest */.Bc)(local.id) ? [local.id] : own;
}
/**
 * The digest a docker-driver build without build.pull starts from (see the top of this file):
 * REGISTRY (the registry's answer, undefined when it gave none) unless LOCAL, the engine's image
 * under the tag, is what it takes for one of PLATFORMS. A local image that is not the registry's
 * is recorded by its own registry digest when every platform built takes it; else (a local build
 * no registry digest names, or other platforms that are pulled) nothing is recorded. MULTI: the
 * engine keeps several platforms under one tag (the containerd image store), so the local image is
 * taken for every platform and its index's digest is its own. Pure.
 */
function builtBase(base, registry, local, multi = false) {
    const registryOnly = registry !== undefined ? { digest: registry } : {};
    if ((0,oci_ref/* parseImageRef */.Q)(base.ref).digest !== undefined)
        return registryOnly;
    if (local === undefined || !base.platforms.some((p) => (0,held_platform/* servesPlatform */.G)(local, p, multi)))
        return registryOnly;
    const own = ownDigests(base.ref, local, multi);
    if (registry !== undefined && own.includes(registry))
        return registryOnly;
    const every = base.platforms.every((p) => (0,held_platform/* servesPlatform */.G)(local, p, multi));
    const digest = every ? own[0] : undefined;
    // The registry gave no answer (already warned): what the engine holds is all there is to go by.
    if (registry === undefined)
        return digest !== undefined ? { digest } : {};
    const why = digest !== undefined
        ? `so the build records its digest ${digest}`
        : own.length === 0
            ? 'which no registry digest names (built or tagged on this machine), so the build records no base digest'
            : "while its other platforms are pulled, so the build records no base digest (none names every platform's base)";
    return {
        ...(digest !== undefined && { digest }),
        warning: `the image this machine holds under ${base.ref} (${local.id.slice(0, 19)}) is not the registry's (${registry.slice(0, 19)}): dockerd's own builder (the docker driver, build.pull false) builds from the local one, ${why}; build.pull: true builds from the registry's, and "docker pull ${base.ref}" refreshes the local one`,
    };
}
/**
 * How the build takes its bases (FACTS: the builder's; PULL: build.pull). dockerd's own builder
 * (the docker driver) without build.pull starts from the engine's image under the tag. Its store:
 * as buildx tells it where it does (the worker's snapshotter label, containerdStore), else as the
 * engine's info names it (an older buildx or BuildKit prints no such label; the docker driver's
 * engine is the one this adapter talks to, DOCKER_HOST's), as the resolver asks it
 * (src/resolve/base.ts); an engine that does not answer counts as the classic store.
 */
async function baseTaking(docker, facts, pull) {
    const localFirst = facts.driver === 'docker' && !pull;
    if (!localFirst)
        return { localFirst };
    const multiPlatform = facts.containerdStore ??
        (await docker.daemonFeatures().then((f) => f.imageStore === 'containerd', () => false));
    return { localFirst, multiPlatform };
}
/**
 * Each variant's recorded base digest (BASES in order), with the local image's ID where the build
 * takes it: one registry lookup per distinct reference, started at once; the engine's own image is
 * looked at only where TAKING says the build takes it (the docker driver without build.pull),
 * once known. A lookup that fails is a warning, and the digest unknown (the labels set empty); a
 * local image that cannot be inspected counts as none.
 */
async function recordedBases(docker, bases, taking, warn) {
    const registry = new Map();
    for (const { ref } of bases)
        if (!registry.has(ref))
            registry.set(ref, docker.imageDigest(ref).catch((e) => {
                warn(`could not resolve the digest of ${ref}: ${e.message.split('\n')[0]}`);
                return undefined;
            }));
    const local = new Map();
    const localOf = (ref) => {
        if (!local.has(ref))
            local.set(ref, docker.inspectLocalImage(ref).catch(() => undefined));
        return local.get(ref);
    };
    const { localFirst, multiPlatform: multi = false } = await taking.catch(() => ({
        localFirst: false,
    }));
    const records = await Promise.all(bases.map(async (b) => {
        const held = localFirst ? await localOf(b.ref) : undefined;
        const r = builtBase(b, await registry.get(b.ref), held, multi);
        const taken = held && !(0,oci_ref/* parseImageRef */.Q)(b.ref).digest && b.platforms.some((p) => (0,held_platform/* servesPlatform */.G)(held, p, multi));
        return taken ? { ...r, localId: held.id } : r;
    }));
    for (const w of new Set(records.flatMap((r) => r.warning ?? [])))
        warn(w);
    return records.map((r) => ({
        ...(r.digest !== undefined && { digest: r.digest }),
        ...(r.localId !== undefined && { localId: r.localId }),
    }));
}
/**
 * After a target's build that took the engine's image under REF (recordedBases' localId): the
 * record names that image, so REF must name it still. Another job's `docker pull` or build of REF
 * in between may have given the build another one (exit 3: the record may be wrong); an engine that
 * does not answer leaves it unchecked (a warning).
 */
async function checkBaseHeld(docker, ref, localId, target) {
    let now;
    try {
        now = await docker.inspectLocalImage(ref);
    }
    catch (e) {
        return `build ${target}: could not check that this machine still holds ${localId} under ${ref}, the base image whose digest the build records (${e.message.split('\n')[0]})`;
    }
    if (now?.id === localId)
        return undefined;
    throw new errors/* EnvironmentError */.eG(`build ${target}: the image this machine holds under ${ref} changed while the build ran (${localId} when its digest was recorded, ${now?.id ?? 'none'} after the build): another job pulled, built, tagged or removed it, so the base digest recorded (the labels, build.json, the provenance) may not name the image the build started from`, "run the build again, and keep jobs that pull or build this base image on this machine from overlapping with it; build.pull: true builds from the registry's image whatever this machine holds");
}

;// CONCATENATED MODULE: ./src/build/source-date.ts

const CREATED_LABEL = 'org.opencontainers.image.created';
async function sourceDateEpoch(env, context, exec) {
    const given = env.SOURCE_DATE_EPOCH;
    if (given !== undefined && given !== '') {
        if (!/^\d{1,12}$/.test(given))
            throw new errors/* InputError */.dz(`environment variable SOURCE_DATE_EPOCH: expected seconds since 1970-01-01 (an integer), got "${given.slice(0, 40)}"`, 'set it to a Unix time, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it');
        return {
            epoch: given,
            why: `created label ${isoTime(given)}: SOURCE_DATE_EPOCH from the environment (buildx passes it on)`,
        };
    }
    try {
        const r = await exec.run('git', ['-C', context, 'log', '-1', '--format=%ct']);
        const ct = r.stdout.trim();
        if (r.exitCode === 0 && /^\d+$/.test(ct))
            return {
                epoch: ct,
                why: `created label ${isoTime(ct)}: commit time of the context's git repository (no SOURCE_DATE_EPOCH build argument)`,
            };
    }
    catch {
        // no git on PATH: the same as not a repository
    }
    return {
        why: `created label as planned: the build context ${context} is not in a git repository with a commit (or git is missing)`,
    };
}
/** The created label as the commit time, unless the user gave it (the labels input). */
function withSourceDate(labels, source, givenLabels) {
    if (source.epoch === undefined || labels[CREATED_LABEL] === undefined || givenLabels?.[CREATED_LABEL])
        return { ...labels };
    return { ...labels, [CREATED_LABEL]: isoTime(source.epoch) };
}
/** Seconds since 1970 as plan.json writes a commit time (src/plan/git-context.ts): ISO 8601, UTC. */
function isoTime(epoch) {
    return new Date(Number(epoch) * 1000).toISOString();
}

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/build/timing.ts
// Where the build stage's time goes, for --verbose: one "timing:" line per step (process start,
// the builder and base-digest checks, each build, each merge) and a last one with the totals.

/** When this module was evaluated: about when the bundle's modules had loaded. */
const LOADED_AT_MS = external_node_perf_hooks_.performance.now();
const s = (ms) => `${(ms / 1000).toFixed(2)}s`;
class StepTimer {
    emit;
    started = external_node_perf_hooks_.performance.now();
    constructor(emit) {
        this.emit = emit;
    }
    /** Process start up to this stage: node's own start, the modules, then config, plan and checks. */
    startup() {
        const boot = external_node_perf_hooks_.performance.nodeTiming.bootstrapComplete;
        this.emit?.(`timing: node started in ${s(boot)}, modules loaded by ${s(LOADED_AT_MS)}, build stage started at ${s(this.started)} (config, plan, git context, registry check and resolve in between)`);
    }
    /** Runs fn, then says how long it took, with a note made of its result. */
    async step(label, fn, note) {
        const t0 = external_node_perf_hooks_.performance.now();
        const result = await fn();
        const n = note?.(result);
        this.emit?.(`timing: ${label} ${s(external_node_perf_hooks_.performance.now() - t0)}${n ? ` (${n})` : ''}`);
        return result;
    }
    say(text) {
        this.emit?.(`timing: ${text}`);
    }
    done() {
        const now = external_node_perf_hooks_.performance.now();
        this.emit?.(`timing: build stage ${s(now - this.started)}, ${s(now)} since the process started`);
    }
}

;// CONCATENATED MODULE: ./src/build/log-groups.ts
// The build stage's log groups. The action wraps each build in a log group (core.group), and
// GitHub does not nest groups: two builds side by side (any driver but docker builds two platforms
// at once) would share the group opened second, the first build's lines under the second's name and
// its last lines after the first group's end. So builds that run side by side have their lines
// held and each written as a whole group of its own when it ends (the first finished first; a
// failed one before its error reaches the caller), while the progress lines (started, done,
// retrying) stay live, outside every group. A build that runs alone keeps its group live around it.
// Without groups (the command line) every line is shown live.
/** How much of one build's log is held (its last lines): two builds side by side hold twice this. */
const HELD_LOG_CHARS = 2 * 1024 * 1024;
/** One build's lines while it runs: the last CAP characters, and how much was cut before them. */
class HeldLines {
    cap;
    lines = [];
    /** lines[0..start) are cut (emptied): compacted now and then rather than shifted line by line. */
    start = 0;
    chars = 0;
    cutLines = 0;
    cutChars = 0;
    target = '';
    constructor(cap) {
        this.cap = cap;
    }
    push(raw, target) {
        this.target = target;
        // A single line over the cap keeps its end.
        const line = raw.length > this.cap ? raw.slice(raw.length - this.cap) : raw;
        this.lines.push(line);
        this.chars += line.length + 1;
        while (this.chars > this.cap + 1 && this.start < this.lines.length - 1) {
            const old = this.lines[this.start];
            this.lines[this.start++] = '';
            this.chars -= old.length + 1;
            this.cutLines++;
            this.cutChars += old.length + 1;
        }
        if (this.start > 1024 && this.start * 2 > this.lines.length) {
            this.lines = this.lines.slice(this.start);
            this.start = 0;
        }
    }
    /** What is held, led by a line that says what was cut, if anything was. */
    take() {
        const kept = this.lines.slice(this.start);
        if (this.cutLines === 0)
            return kept;
        const kb = (n) => Math.round(n / 1024);
        return [
            `[${this.cutLines} lines (${kb(this.cutChars)} KB) cut: only the last ${kb(this.cap)} KB of this build's log are kept]`,
            ...kept,
        ];
    }
    get empty() {
        return this.start === this.lines.length;
    }
}
class BuildLogs {
    sinks;
    cap;
    /** The groups written one after the other, in the order their builds ended. */
    writing = Promise.resolve();
    /** Whether a held group is open now: live lines wait until it closes. */
    open = false;
    waiting = [];
    constructor(sinks, cap = HELD_LOG_CHARS) {
        this.sinks = sinks;
        this.cap = cap;
    }
    progress = (line) => this.live(() => this.sinks.progress(line));
    timing = (line) => this.live(() => this.sinks.timing?.(line));
    output = (line, target) => this.live(() => this.sinks.output?.(line, target));
    /**
     * fn in the group NAME. HELD (builds side by side): the lines fn writes to the output it is given
     * are held and written as one group when fn ends, fulfilled or not, before its result or error;
     * else the group is open around fn as it runs and its lines are live. fn's output is undefined
     * where the stage shows no build output.
     */
    async group(name, held, fn) {
        const { group, output } = this.sinks;
        if (group === undefined)
            return fn(output && this.output);
        if (!held || output === undefined)
            return group(name, () => fn(output && this.output));
        const lines = new HeldLines(this.cap);
        try {
            return await fn((line, target) => lines.push(line, target));
        }
        finally {
            if (!lines.empty)
                await this.write(name, lines, group, output);
        }
    }
    /** A live line: now, or after the held group being written closes. */
    live(write) {
        if (this.open)
            this.waiting.push(write);
        else
            write();
    }
    write(name, lines, group, output) {
        const written = this.writing.then(async () => {
            this.open = true;
            try {
                await group(name, async () => {
                    for (const line of lines.take())
                        output(line, lines.target);
                });
            }
            catch {
                // The log's own failure: never in place of the build's result or error.
            }
            finally {
                this.open = false;
                const waiting = this.waiting;
                this.waiting = [];
                for (const w of waiting)
                    w();
            }
        });
        this.writing = written;
        return written;
    }
}

// EXTERNAL MODULE: ./src/build/inputs.ts
var build_inputs = __webpack_require__(70435);
// EXTERNAL MODULE: ./src/build/input-secrets.ts
var input_secrets = __webpack_require__(43812);
// EXTERNAL MODULE: ./src/docker/failures.ts
var failures = __webpack_require__(76873);
;// CONCATENATED MODULE: ./src/build/push-failure.ts
// A push the target registry refused for a reason no login changes: its repository does not exist
// (404 "name unknown": ECR, Harbor, Quay and Artifactory create none on a push) or a layer is larger
// than it, or a proxy in front of it, accepts (413). Both are the environment's (exit 3) with the
// registry named, never "fix the Dockerfile" (exit 1): the build itself succeeded.



/** A log's end at a push: the docker-container driver's, the docker driver's, imagetools create's. */
const PUSH_STEP = /failed to push|exporting to image|pushing layers?\b|pushing manifest|pushing \S+ with docker|(?:PUT|POST|PATCH) request to/i;
/** The image pushed: "failed to push REF: ..." (buildx), "pushing REF with docker" (docker driver). */
const PUSHED_REF = /failed to push ([^\s,]+?)(?=:\s|,|\s|$)|pushing (\S+) with docker/;
const NAME_UNKNOWN = /name unknown|NAME_UNKNOWN|repository name not known|: 404 Not Found\b/i;
/** A registry's API URL in a refusal ("... PUT request to https://HOST/v2/..."). */
const REFUSED_URL = /https?:\/\/([^/\s"]+)\/v2\//;
/** A 413 as a status ("HTTP 413", ": 413 ..."), never a 413 in an image's name or tag (model-413). */
const TOO_LARGE = /(?:HTTP |: )413\b|Request Entity Too Large|Payload Too Large/i;
/**
 * The error for a build or a merge (WHAT) whose push (REASON, buildx's last error line; TAIL, the
 * log's end) the registry refused with 404 or 413; WRITE: the pushed image's registry, where the
 * log names none. Undefined: not such a refusal.
 */
function pushRefusal(what, reason, tail, write) {
    if (failures/* RUN_STEP_FAILED */.BN.test(reason) || !(PUSH_STEP.test(reason) || PUSH_STEP.test(tail)))
        return undefined;
    const kind = NAME_UNKNOWN.test(reason) ? 'missing' : TOO_LARGE.test(reason) ? 'large' : undefined;
    if (kind === undefined)
        return undefined;
    const match = PUSHED_REF.exec(reason) ?? PUSHED_REF.exec(tail);
    const ref = match?.[1] ?? match?.[2];
    const host = ref ? (0,oci_ref/* parseImageRef */.Q)(ref).registry : (REFUSED_URL.exec(reason)?.[1] ?? write);
    const shown = oci_ref/* DOCKER_HUB */.Xb.has(host) ? 'docker.io' : host;
    const message = `${what}: the registry ${shown} refused the push: ${reason}\n--- last lines ---\n${tail}`;
    return kind === 'missing'
        ? new errors/* EnvironmentError */.eG(message, `the repository does not exist on ${shown}, and this registry creates none on a push: create it there (ECR: "aws ecr create-repository"; Harbor, Quay, Artifactory: the project and repository), or fix image.registry and image.name`)
        : new errors/* EnvironmentError */.eG(message, `a layer is larger than ${shown}, or a proxy in front of it, accepts: raise that limit (nginx: "client_max_body_size 0"; a load balancer's request body limit), or push to a registry without one`);
}

// EXTERNAL MODULE: ./src/docker/engine-platform.ts
var engine_platform = __webpack_require__(74234);
// EXTERNAL MODULE: ./src/python/pip-network.ts
var pip_network = __webpack_require__(95148);
;// CONCATENATED MODULE: ./src/build/index-failure.ts
// A build whose RUN step's pip could not reach its package index: the environment's (exit 3),
// naming the index, not "registry unreachable" (pip's "Connection refused" is no registry's) nor a
// failure of the requirements (pip then says "from versions: none"). Pure.


/** BuildKit's prefix of a RUN step's output line: its step and seconds ("#9 0.424 ", "0.424 "). */
const STEP_PREFIX = /^(?:#\d+ )?\d+\.\d+ /;
/** The lines of a build log as the step's program wrote them (trimmed, BuildKit's prefixes off). */
const stepLines = (log) => log.split('\n').map((l) => l.trim().replace(STEP_PREFIX, ''));
/** How far from the log's end pip's last words are looked for (buildx's own error lines follow). */
const TAIL_LINES = 40;
/** pip's error line for a download it could not make at all: it ends pip (its last words). */
const OS_ERROR = /^ERROR: Could not install packages due to an OSError\b/;
/**
 * A line of pip's where it gave up on a connection: its last retry ("Retrying (Retry(total=0, ...))
 * after connection broken by 'NewConnectionError('<pip._vendor.urllib3...>: ... Connection
 * refused')'"), its OSError line, or a URL it could not fetch (a certificate it could not confirm).
 * An earlier retry that pip recovered from is none, nor another program's words (a script's own
 * "ERROR: ... Connection refused").
 */
const gaveUp = (line) => (/Retry\(total=0\b/.test(line) && /pip\._vendor\.|ReadTimeoutError\(/.test(line)) ||
    OS_ERROR.test(line) ||
    /^Could not fetch URL /.test(line);
/** A line that says a connection failed: pip-network's words, a read that timed out, urllib3 2's DNS words. */
const unreachableLine = (line) => (0,pip_network/* indexUnreachable */.J)(line) !== undefined ||
    /ReadTimeoutError|NameResolutionError|Name does not resolve|Failed to resolve/.test(line);
/** pip's OSError line names the host it could not reach: HTTPSConnectionPool(host='h', port=443). */
const POOL_HOST = /HTTPS?ConnectionPool\(host='([^']{1,255})', port=(\d{1,5})\)/;
/**
 * Whether what follows pip's give-up line says the index is why pip failed: pip's next error is
 * "Could not find a version that satisfies ..." or "No matching distribution found ..." (what an
 * index that did not answer leaves it with), and nothing after says it went on (another index
 * served the project: "Successfully installed", a package's own build failing). The OSError line
 * is pip's last word itself.
 */
function endedPip(line, after) {
    if (OS_ERROR.test(line))
        return true;
    if (after.some((l) => /Successfully installed|subprocess-exited-with-error|Failed to build /.test(l)))
        return false;
    // pip's errors, not buildx's own ("ERROR: failed to solve: ...", "ERROR: process ...").
    const next = after.find((l) => /^ERROR: /.test(l) && !/^ERROR: (?:failed to solve|process )/.test(l));
    return (next !== undefined &&
        /^ERROR: (?:Could not find a version that satisfies|No matching distribution found)/.test(next));
}
/**
 * The package index a failed build's pip could not reach, read from the end of its LOG (masked);
 * undefined where pip's last words say otherwise (a conflict, a missing release, another program).
 */
function unreachableIndex(log) {
    const lines = stepLines(log);
    const tail = lines.slice(-TAIL_LINES);
    if (tail.some((l) => /ResolutionImpossible|The conflict is caused by/.test(l)))
        return undefined;
    // The last give-up line that ended pip: pip's own version check may print one more after its
    // errors (a certificate it could not confirm for /simple/pip/), which ended nothing.
    let at = -1;
    for (let i = tail.length - 1; i >= 0 && at < 0; i--) {
        const l = tail[i];
        if (unreachableLine(l) && gaveUp(l) && endedPip(l, tail.slice(i + 1)))
            at = i;
    }
    if (at < 0)
        return undefined;
    const line = tail[at];
    const pool = OS_ERROR.test(line) ? POOL_HOST.exec(line) : null;
    if (pool)
        return { line, host: `${pool[1]}:${pool[2]}` };
    const searched = [...lines].reverse().find((l) => l.startsWith('Looking in indexes: '));
    return {
        line,
        ...(searched !== undefined && { indexes: searched.slice('Looking in indexes: '.length) }),
    };
}
/** Why the build failed, when its pip could not reach INDEX: the index (or host) and pip's line. */
function indexReason(index) {
    const where = index.host !== undefined
        ? `${index.host} (a download pip had to make there)`
        : index.indexes !== undefined
            ? `the package index ${index.indexes}`
            : 'its package index';
    return `pip in the build could not reach ${(0,redact/* redactUrls */.sK)(where)}: ${(0,redact/* redactUrls */.sK)(index.line).slice(0, 400)}`;
}
/** What to do about an index the build's pip could not reach. */
const INDEX_FIX = "check that the index is up and that python.indexUrl / PIP_INDEX_URL (and the requirements' --index-url / --extra-index-url) name it as the build reaches it: an index on this machine's loopback (localhost, 127.0.0.1) needs build.network: host and a builder on this machine's engine; behind a proxy, the build takes the proxies of ~/.docker/config.json (docs/build.md). Not retried: a refused connection or an unknown name does not pass on its own";

;// CONCATENATED MODULE: ./src/build/request-failure.ts
// A build that failed for what the build request asked of the builder, not for the Dockerfile or
// the requirements (which "fix the Dockerfile" would tell): an entitlement the builder does not
// grant or buildx does not know (`allow`), an ssh agent that is not there (`ssh`), a frontend
// capability the builder lacks (`build-contexts` on BuildKit 0.8), a `target` stage the Dockerfile
// does not have. Pure: the reason (buildx's last error line) in, the error out.


/** The error of a build that failed as REASON says, for what it asked of the builder; else undefined. */
function requestFailure(reason, text) {
    // A RUN step's failure quotes its command, which may name any of these words: it is the build's.
    if (failures/* RUN_STEP_FAILED */.BN.test(reason))
        return undefined;
    const entitlement = /granting entitlement (\S+) is not allowed by build daemon configuration/i.exec(reason)?.[1];
    if (entitlement !== undefined)
        return new errors/* EnvironmentError */.eG(text(`the builder does not grant the entitlement ${entitlement} that the allow input asks for`), `let the builder grant it (a docker-container builder: docker buildx create --buildkitd-flags '--allow-insecure-entitlement ${entitlement}'; the docker driver: the daemon's builder.entitlements), or take it out of allow`);
    // buildx's own check of --allow, before any build: a word the input misspelt.
    const unknown = /unknown entitlement (\S+)/i.exec(reason)?.[1];
    if (unknown !== undefined)
        return new errors/* InputError */.dz(text(`the allow input names ${unknown}, which is no entitlement buildx knows`), 'write it as buildx names it, e.g. network.host or security.insecure, or take it out of allow');
    if (/invalid empty ssh agent socket/i.test(reason))
        return new errors/* EnvironmentError */.eG(text('the ssh input asks for the default ssh agent, and SSH_AUTH_SOCK names none'), 'start an ssh-agent holding the key before this step (e.g. webfactory/ssh-agent), or pass ssh: default=/path/to/key');
    const capability = /unsupported frontend capability (\S+)/i.exec(reason)?.[1];
    if (capability !== undefined)
        return new errors/* EnvironmentError */.eG(text(`the builder's Dockerfile frontend lacks ${capability}${/contexts/.test(capability) ? ', which build-contexts needs' : ''}`), 'use a newer builder (Docker 23 or later, or a docker-container builder with BuildKit 0.10 or later), or leave out the input that needs it');
    const stage = /target stage "?([^"\s]+)"? could not be found/i.exec(reason)?.[1];
    if (stage !== undefined)
        return new errors/* InputError */.dz(text(`the Dockerfile has no stage ${stage}, which the target input names`), "name one of the Dockerfile's stages (FROM ... AS <stage>) in target, or leave target out to build the last one");
    return undefined;
}

;// CONCATENATED MODULE: ./src/build/retry.ts








// A rate limit: Docker Hub's "toomanyrequests" body, or the status line alone as Go prints it
// (ghcr.io, ECR, quay.io: "unexpected status from HEAD request to ...: 429 Too Many Requests").
// "unexpected EOF" only as Go's io.ErrUnexpectedEOF ends an error line (a registry that closed the
// connection): not a RUN step's own deterministic "unexpected EOF while looking for matching" (bash),
// "unexpected EOF while parsing" (Python) or "Unexpected EOF in archive" (tar).
const TRANSIENT = /connection reset by peer|i\/o timeout|TLS handshake timeout|unexpected EOF[ \t]*$|(?:50[0234]) (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|429 Too Many Requests|received unexpected HTTP status: 5\d\d|toomanyrequests|net\/http: request canceled/im;
const MAX_ATTEMPTS = 3;
/**
 * No new attempt starts this long after a target's first failure (the waits and the retried
 * attempts together). Counted from the first failure, not the first attempt: a build that ran
 * for 20 minutes (a torch install, arm64 under QEMU) before its push was reset still gets its
 * retries; the bound keeps a registry that keeps failing slowly from holding the job.
 */
const RETRY_BUDGET_MS = 120_000;
function isTransient(log) {
    return TRANSIENT.test(log);
}
/** The one line that says why a build failed (buildx's last ERROR line, else the last line). */
function failureReason(log) {
    const lines = log
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const err = [...lines].reverse().find((l) => /^ERROR[:\s]/.test(l) || /^error:/i.test(l));
    const line = (err ?? lines.at(-1) ?? 'no output').replace(/^ERROR:?\s*/, '');
    // Long RUN scripts are quoted whole by BuildKit: keep their start, the log excerpt has the rest.
    const quoted = elide(line, '[/bin/sh -c ', ']: exit code');
    return elide(quoted, 'process "/bin/sh -c ', '" did not complete').slice(0, 400);
}
/**
 * LINE with the script between OPEN and CLOSE cut to its first 60 characters and "...", where it is
 * over 80: what line.replace(/(OPEN)(.{60}).{20,}(CLOSE)/, '$1$2...$3') gives. That expression ran
 * from each OPEN to the line's end and back (a line repeating OPEN 16,384 times took 6 s); here
 * each stretch between line terminators is searched once, from its first OPEN to its last CLOSE.
 */
function elide(line, open, close) {
    let from = line.indexOf(open);
    while (from >= 0) {
        const end = (0,util_text/* lineEnd */.kd)(line, from);
        const start = from + open.length;
        const to = line.slice(start, end).lastIndexOf(close);
        if (to >= 80)
            return `${line.slice(0, start + 60)}...${line.slice(start + to)}`;
        from = line.indexOf(open, end);
    }
    return line;
}
/** The backoff before the attempt after ATTEMPT: 2 s, 4 s, 8 s ... */
function retryWaitMs(attempt) {
    return 2000 * 2 ** (attempt - 1);
}
/**
 * The retry decision the build and the merge share: after failed attempt ATTEMPT whose log ends in
 * LOG, SPENT_MS after the first failure (the waits and retried attempts since; 0 after the first
 * attempt, however long it ran), the wait before the next attempt, or undefined:
 * the failure is not transient, or the attempts or the budget are used up. Only the end of the log
 * counts: an earlier pip "Retrying ... connection reset" that pip recovered from must not make a
 * deterministic failure look transient.
 */
function nextAttempt(log, attempt, spentMs) {
    if (!isTransient(lastLines(log)))
        return undefined;
    const waitMs = retryWaitMs(attempt);
    if (attempt >= MAX_ATTEMPTS || spentMs + waitMs > RETRY_BUDGET_MS)
        return undefined;
    return { waitMs, reason: failureReason(log) };
}
/** The end of a log that says why an attempt failed. */
const lastLines = (log) => log.split('\n').slice(-15).join('\n');
/**
 * dockerd's built-in BuildKit (docker driver) can take a cache hit from an imported cache whose
 * layers the engine no longer has (its images were pruned, a fresh machine), then fail to export
 * it: "failed to get layer sha256:...: layer does not exist" (moby/buildkit#1981 and kin); or take a
 * cached step whose snapshot an image removal took from under it (images removed while another
 * build ran, on a shared runner's engine), then fail the next step: "failed to prepare <id>: open
 * /var/lib/docker/overlay2/<dir>/committed: no such file or directory".
 */
const MISSING_CACHED_LAYER = /failed to get layer sha256:[0-9a-f]{64}: layer does not exist|failed to prepare \S+: open \S+\/committed: no such file or directory/;
/**
 * A build that lacks a layer or snapshot even without any cache: the engine's image store changed
 * under it (images removed while it ran, on an engine another job shares) or is damaged (the base
 * image's own layers: --no-cache does not unpack FROM again).
 */
function engineStorageError(id, log) {
    return new errors/* EnvironmentError */.eG(`build ${id}: the engine lacks a layer or snapshot it holds as present, also when built without any cache: ${failureReason(log)}`, "the engine's image store changed under the build or is damaged: make sure nothing removes images while it builds (a prune on a shared runner), then remove the base image (docker rmi) so that it is pulled again, or prune the build cache (docker builder prune), and run it again");
}
/**
 * `buildx build` ARGS (the context last) for a build without any cache: no cache imports
 * (--cache-from SPEC, --cache-from=SPEC) and --no-cache; cache exports are kept.
 */
function uncachedArgs(args) {
    const out = [];
    for (let i = 0; i < args.length - 1; i++) {
        if (args[i] === '--cache-from')
            i++;
        else if (!args[i].startsWith('--cache-from=') && args[i] !== '--no-cache')
            out.push(args[i]);
    }
    return [...out, '--no-cache', ...args.slice(-1)];
}
/** A program the build ran is for another architecture than the machine that ran it. */
const EXEC_FORMAT = /exec format error/i;
/** The disk the builder writes to is full (pip's OSError [Errno 28] says it the same way). */
const NO_SPACE = /no space left on device/i;
/** The first line of LOG that PATTERN matches, without BuildKit's step prefix ("#7 0.101 "). */
const lineOf = (log, pattern) => (log.split('\n').find((l) => pattern.test(l)) ?? '')
    .trim()
    .replace(/^#\d+ (?:\d+\.\d+ )?/, '')
    .slice(0, 300);
const NO_SPACE_FIX = 'free disk space where the builder keeps its data (Docker\'s data root, /var/lib/docker by default; a docker-container builder\'s volume): "docker builder prune" (the build cache) and "docker image prune" (dangling images; -a: every image no container uses); on a GitHub-hosted runner, remove the preinstalled toolchains before the build (e.g. "sudo rm -rf /usr/share/dotnet /usr/local/lib/android /opt/ghc /opt/hostedtoolcache/CodeQL", or jlumbroso/free-disk-space), or use a runner with a larger disk; then build again';
/** How to let a machine of another architecture run PLATFORM's programs: QEMU, through binfmt_misc. */
const qemuFix = (platform) => {
    const arch = platform?.split('/')[1] ?? 'all';
    const elsewhere = platform !== undefined ? `; or build ${platform} on a ${platform} machine` : '';
    return `register QEMU for ${arch === 'all' ? "the target's architecture" : arch} on the machine that builds: in GitHub Actions docker/setup-qemu-action before this step; elsewhere "docker run --privileged --rm tonistiigi/binfmt --install ${arch}" (again after a reboot)${elsewhere}`;
};
/**
 * The environment's failures a build log shows whatever the Dockerfile (exit 3, with the fix): a
 * full disk; a program of PLATFORM that could not start (exec format error) where the builder's
 * own platform is not PLATFORM: no QEMU registered for it. Where the builder's platform is unknown
 * (a remote or kubernetes builder, a docker-container builder on another machine or with several
 * nodes, an engine that did not answer: builderPlatformFor) the fix says both; where it is
 * PLATFORM, the base image or a file the build copied holds a program of another architecture:
 * the build's own failure (undefined here). The whole tail is read: BuildKit ends it with the
 * Dockerfile's lines, which can be more than lastLines holds. Pure.
 */
function environmentFailure(f) {
    if (NO_SPACE.test(f.log))
        return new errors/* EnvironmentError */.eG(`build ${f.id}: the disk the builder writes to is full: ${lineOf(f.log, NO_SPACE)}`, NO_SPACE_FIX);
    if (!EXEC_FORMAT.test(f.log))
        return undefined;
    const { platform, builderPlatform: host } = f;
    const said = lineOf(f.log, EXEC_FORMAT);
    if (host !== undefined && platform !== undefined) {
        if (host.split('/')[1] === platform.split('/')[1])
            return undefined;
        return new errors/* EnvironmentError */.eG(`build ${f.id}: a ${platform} program could not start on the builder's ${host} machine (${said}): no emulator is registered there for ${platform}`, qemuFix(platform));
    }
    return new errors/* EnvironmentError */.eG(`build ${f.id}: a program could not start (${said}): it is for another architecture than the machine that ran it`, `if the builder's machine is not ${platform ?? "the target's platform"}: ${qemuFix(platform)}. If it is, the base image or a file the build copies in holds a program for another architecture: fix that (docker image inspect --format "{{.Architecture}}" on the base image)`);
}
/** The engine without DOCKER_HOST, as `docker buildx create` names a node made on it. */
const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';
/**
 * Whether BUILDER builds on the engine docker.ping asks (DOCKER_HOST's, else the current Docker
 * context's, else the default socket): a docker or docker-container builder with one node whose
 * endpoint is that engine, its context's name ("default" without one: DOCKER_HOST's engine) or its
 * address, which `docker buildx create` without an endpoint records. A docker-container builder
 * made on another machine (`docker buildx create ssh://arm-host`, tcp://..., another context's
 * name) or with several nodes (--append: a build may run on any) does not, as far as can be told
 * here; nor do the remote and kubernetes drivers. The
 * docker driver is its context's engine: the local one where buildx names no endpoint. Pure.
 */
function buildsOnEngine(builder, dockerHost, dockerContext) {
    const { driver, endpoints } = builder;
    if (driver !== 'docker' && driver !== 'docker-container')
        return false;
    if (endpoints === undefined)
        return driver === 'docker';
    const names = [dockerContext ?? 'default', dockerHost || DEFAULT_DOCKER_HOST];
    return endpoints.length === 1 && names.includes(endpoints[0]);
}
/**
 * { builderPlatform } for a log with an exec format error, asked of the engine only then: the
 * engine's own platform where the builder builds on it (buildsOnEngine); nothing for a builder
 * elsewhere, or on several machines, or an engine that does not answer.
 */
async function builderPlatformFor(ctx, log) {
    if (!EXEC_FORMAT.test(log) || !buildsOnEngine(ctx.builder, ctx.dockerHost, ctx.dockerContext))
        return {};
    const info = await ctx.docker.ping().catch(() => undefined);
    return info === undefined ? {} : { builderPlatform: (0,engine_platform/* enginePlatform */.q)(info) };
}
/**
 * After a failed attempt: how long to wait before the next one (and why it failed), or the error
 * that ends the target: environment problems exit 3, a deterministic build failure exits 1.
 */
function afterFailedAttempt(f) {
    const { id, log, attempt } = f;
    if (/unknown flag: mount|the --mount option requires BuildKit/i.test(log)) {
        throw new errors/* EnvironmentError */.eG(`build ${id}: the builder's Dockerfile frontend does not understand RUN --mount=type=secret`, buildx_args_SECRETS_FIX);
    }
    // docker killed by a signal not this run's (the OOM killer): its log ends in "context canceled".
    const killed = (0,failures/* killedBySignal */.PV)(`build ${id}`, 'the docker buildx build process', f.result);
    if (killed)
        throw killed;
    // A full disk, a foreign platform without QEMU: no retry passes, and no Dockerfile fix either.
    const environment = environmentFailure(f);
    if (environment)
        throw environment;
    const next = nextAttempt(log, attempt, f.spentMs);
    if (next)
        return next;
    // No daemon, no registry, or one that refused the push or a base's pull: an environment problem
    // (exit 3, the login fix), not the build's.
    const refused = (0,failures/* registryRefusal */.AE)(`build ${id}`, failureReason(log), lastLines(log), f.registries);
    if (refused)
        throw refused;
    const pushRefused = pushRefusal(`build ${id}`, failureReason(log), lastLines(log), f.registries.write);
    if (pushRefused)
        throw pushRefused;
    // What the request asked of the builder (allow, ssh, build-contexts, target): not the Dockerfile's.
    const request = requestFailure(failureReason(log), (why) => failedText(f, why));
    if (request)
        throw request;
    if (failures/* RUN_STEP_FAILED */.BN.test(failureReason(log))) {
        // A RUN step's own output ("Connection refused" of its pip or curl) says nothing of the
        // daemon or a registry: its pip that could not reach the package index is said as that.
        const index = unreachableIndex(log);
        if (index)
            throw new errors/* EnvironmentError */.eG(failedText(f, indexReason(index)), INDEX_FIX);
    }
    else {
        const classified = (0,failures/* cliFailure */.$l)(`build ${id}`, { ...f.result, stderr: log });
        if (classified instanceof errors/* EnvironmentError */.eG)
            throw classified;
    }
    throw referenceFailure(f) ?? finalFailure(f, isTransient(lastLines(log)));
}
/**
 * buildx, BuildKit or the engine refused an image reference or name. The tags (and the cache's
 * references) are made of the config's image.registry, image.name, image.version and the variant
 * names: no Dockerfile's fault.
 */
const REFERENCE_REFUSED = /invalid reference format|repository name must (?:not be more than \d+ characters|be lowercase)|invalid tag format|invalid tag "/i;
/** A reference the Dockerfile's FROM names (after its build args), not one the config made. */
const DOCKERFILE_REFERENCE = /failed to parse stage name|base name \(.*\) should not be blank/i;
/** An IPv6 literal host, [::1]:5000. */
const isIpv6Host = (host) => host?.startsWith('[') === true;
/**
 * The error for a build that failed as a reference was refused (REFERENCE_REFUSED), or undefined
 * when its log shows no such refusal. With an [IPv6] registry (the pushed image's or the base's),
 * "invalid reference format" is a builder older than the reference grammar that takes IPv6 hosts
 * (distribution/reference 0.5, 2023: Docker 26 with its BuildKit 0.13, buildx 0.12): the
 * environment's (exit 3), a FROM naming that registry's image too. Any other refused tag or name is the config's (exit 2): it
 * passed the config's checks where the builder's grammar is stricter; a FROM the Dockerfile
 * wrote (a stage name it cannot parse) stays the build's.
 */
function referenceFailure(f) {
    const reason = failureReason(f.log);
    if (!REFERENCE_REFUSED.test(reason))
        return undefined;
    const { write, read } = f.registries;
    const ipv6 = [write, read].find(isIpv6Host);
    // A stage name the FROM wrote is the Dockerfile's, unless it is on that registry.
    const fromDockerfile = DOCKERFILE_REFERENCE.test(reason);
    if (ipv6 !== undefined &&
        /invalid reference format/i.test(reason) &&
        (!fromDockerfile || reason.includes(ipv6)))
        return new errors/* EnvironmentError */.eG(`build ${f.id}: the builder refused a reference on the [IPv6] registry ${ipv6} (${reason}): its Docker engine, BuildKit or buildx predates [IPv6] registry hosts`, `use Docker 26 or later (BuildKit 0.13 or later in a docker-container builder) and buildx 0.12 or later (docker version; docker buildx version; docker buildx inspect); or give the registry a host name (an /etc/hosts entry) and set that in ${ipv6 === write ? 'image.registry' : "build.mirrors or the variant's base"}`);
    if (fromDockerfile)
        return undefined;
    return new errors/* InputError */.dz(`build ${f.id}: the builder refused the image's name or a tag: ${reason}`, 'the tags are image.registry/image.name:<tag>, each tag made of image.version (or the git tag) and a variant\'s name: fix the one named above in the config (a repository name is lowercase and at most 255 characters with its registry host; a tag at most 128 characters of letters, digits, "_", "." and "-")');
}
/** BuildKit's quote of the failing instruction: `Dockerfile:85`, a rule, ` 85 | >>> ...` lines, a rule. */
const QUOTE_HEAD = /\S:\d+$/;
const QUOTE_RULE = /^-{8,}$/;
const QUOTED_LINE = /^\s*\d+ \| /;
/**
 * LOG with each quote of a Dockerfile instruction BuildKit prints after a failure (>= 0.9) cut to
 * its first 3 and last 2 lines: it quotes every line of the instruction, and a template's pip step
 * (73 lines) would fill the log's excerpt, pushing out both the Dockerfile line it names and the
 * step's own output above it (pip's error).
 */
function shortSourceQuotes(log) {
    const lines = log.split('\n');
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        out.push(lines[i]);
        if (!QUOTE_HEAD.test(lines[i]) || !QUOTE_RULE.test(lines[i + 1] ?? ''))
            continue;
        let end = i + 2;
        while (end < lines.length && QUOTED_LINE.test(lines[end]))
            end++;
        const quoted = lines.slice(i + 2, end);
        if (quoted.length <= 6 || !QUOTE_RULE.test(lines[end] ?? ''))
            continue;
        const cut = `      ... (${quoted.length - 5} lines of the Dockerfile cut)`;
        out.push(lines[i + 1], ...quoted.slice(0, 3), cut, ...quoted.slice(-2), lines[end]);
        i = end;
    }
    return out.join('\n');
}
/** A failed build said with REASON, then the end of its log (Dockerfile quotes cut short). */
function failedText(f, reason) {
    const excerpt = shortSourceQuotes(f.log).split('\n').slice(-25).join('\n');
    return `build ${f.id} failed after ${f.elapsed}s${f.attempt > 1 ? ` and ${f.attempt} attempts` : ''}: ${reason}\n--- last lines of the build log ---\n${excerpt}`;
}
function finalFailure(f, transient) {
    const what = failedText(f, failureReason(f.log));
    // A registry or network that keeps failing is the environment's problem (exit 3), not the build's.
    if (transient) {
        return new errors/* EnvironmentError */.eG(what, `the registry or network kept failing (retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s after a target's first failure); check the registry's status and try again later`);
    }
    return new errors/* CheckFailedError */.CO(what, 'fix the Dockerfile or requirements named above; the build was not retried because the failure is deterministic');
}

;// CONCATENATED MODULE: ./src/build/merge.ts
// Multi-arch tags: `imagetools create` merges each variant's per-platform digests into one
// manifest list under every tag; an image built with push: false gets a local tag instead (and,
// a variant built for one platform, its tags too: buildx loads it under them, stage.ts).







/** The tag of an image built with push: false (loaded into the engine, never pushed). */
function localTag(repository, variant, arch) {
    return `${repository}:ml-image-local-${variant}-${arch}`;
}
/** imagetools create: one multi-arch manifest list from per-platform digests, under every tag. */
async function mergeVariant(deps, variant, tags, sources, 
/** `index:KEY=VALUE` annotations of the merged index (buildx >= 0.12). */
annotations = []) {
    const now = deps.now ?? Date.now;
    const t0 = now();
    // One `imagetools create` per repository, the sources' own first: buildx copies blobs into
    // another repository once per tag, concurrently, and a registry refuses a list whose manifests
    // are not copied yet (400).
    const buildRepository = sources[0]?.split('@')[0] ?? '';
    let digest;
    const builder = deps.builder?.name;
    const options = {
        ...(annotations.length > 0 && { annotations }),
        ...(builder !== undefined && { builder }),
    };
    for (const group of tagsByRepository(buildRepository, tags)) {
        const d = await withRetries(deps, `merge ${variant}`, group, () => Object.keys(options).length > 0
            ? deps.docker.imagetoolsCreate(group, [...sources], options)
            : deps.docker.imagetoolsCreate(group, [...sources]));
        digest ??= d;
    }
    if (digest === undefined)
        throw new Error(`merge ${variant}: no tags`);
    deps.progress(`merge ${variant}: ${sources.length} platform(s) -> ${tags.join(', ')} (${digest.slice(0, 19)}) in ${((now() - t0) / 1000).toFixed(1)}s`);
    return digest;
}
/**
 * A merge pushes one index under several tags at once; a registry's passing 5xx, a reset or a
 * rate limit is tried again with the build's backoff (2 s, 4 s) within its budget, counted from
 * the first failure. Pushing the same index again is harmless. A registry that keeps failing is
 * the environment's problem (exit 3).
 */
async function withRetries(deps, what, tags, push) {
    const now = deps.now ?? Date.now;
    const sleep = deps.sleep ?? promises_.setTimeout;
    let firstFailure;
    for (let attempt = 1;; attempt++) {
        try {
            return await push();
        }
        catch (e) {
            const tail = lastLines(e instanceof Error ? e.message : String(e));
            if (!isTransient(tail))
                throw refusal(e, what, tail, tags) ?? e;
            const next = nextAttempt(tail, attempt, now() - (firstFailure ??= now()));
            if (!next) {
                if (e instanceof errors/* EnvironmentError */.eG)
                    throw e;
                const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
                throw new errors/* EnvironmentError */.eG(`${what} into ${tags.join(', ')} failed after ${tries}: ${failureReason(tail)}\n--- last lines of buildx ---\n${tail}`, `the registry kept failing (retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s after the first failure); check the registry's status and run the merge again`, { cause: e });
            }
            deps.progress(`${what}: transient registry failure (${next.reason}); retrying in ${next.waitMs / 1000}s`);
            await sleep(next.waitMs);
        }
    }
}
/**
 * A push of the list (or a read of its sources) the registry refused: exit 3 with the login fix
 * for the tags' registry, as a build's refused push (retry.ts). Undefined: another failure.
 */
function refusal(e, what, tail, tags) {
    if (e instanceof errors/* EnvironmentError */.eG)
        return undefined;
    const host = (0,oci_ref/* parseImageRef */.Q)(tags[0] ?? '').registry;
    const into = `${what} into ${tags.join(', ')}`;
    const reason = failureReason(tail);
    const refused = (0,failures/* registryRefusal */.AE)(into, reason, tail, { write: host }) ?? pushRefusal(into, reason, tail, host);
    if (refused)
        refused.cause = e;
    return refused;
}

// EXTERNAL MODULE: ./src/build/result.ts
var result = __webpack_require__(99183);
// EXTERNAL MODULE: ./src/util/pull-request-code.ts
var pull_request_code = __webpack_require__(23419);
// EXTERNAL MODULE: ./src/github/run-ref.ts
var run_ref = __webpack_require__(77562);
;// CONCATENATED MODULE: ./src/build/push-tag.ts


/** The pull request a GitHub runner builds (GITHUB_REF refs/pull/N/...), else undefined. */
function pullRequestOf(env) {
    if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_EVENT_NAME?.startsWith('pull_request'))
        return undefined;
    const n = /^refs\/pull\/([1-9]\d*)\//.exec(env.GITHUB_REF ?? '')?.[1];
    return n !== undefined ? Number(n) : undefined;
}
function untrustedRunOf(env, event = {}) {
    if (!(0,pull_request_code/* mayBuildPullRequestCode */.HE)(env, event))
        return undefined;
    const pr = pullRequestOf(env);
    const why = "may build a pull request's code";
    return pr !== undefined
        ? { pushScope: `pr${pr}`, ghaOwnScope: true, why }
        : { pushScope: 'untrusted', ghaOwnScope: false, why };
}
/**
 * What keeps a run's writes from the default branch's: a run that may build a pull request's code
 * (untrustedRunOf), else a trusted run of another ref (github/run-ref.ts otherRefOf: it reads the
 * default branch's caches and writes none of them; GitHub keeps its gha entries to its ref, but
 * for a workflow_run run's, whose GITHUB_REF is the default branch), else
 * undefined: the default branch's run, or one nothing tells apart from it (off GitHub).
 */
function writeScopeOf(env, event) {
    const untrusted = untrustedRunOf(env, event);
    if (untrusted)
        return untrusted;
    const other = (0,run_ref/* otherRefOf */.V)(env, event);
    return (other && {
        pushScope: other.scope,
        ghaOwnScope: other.ownRef,
        why: `a run of ${other.ref}, not of the default branch ${other.defaultBranch}`,
        otherRef: true,
    });
}
/**
 * `ml-image-build-VARIANT-ARCH`, or `ml-image-build.SCOPE-VARIANT-ARCH` for a scoped run: the tag
 * (without the repository) the docker driver pushes by. A scoped tag starts with the `.` no
 * default-branch tag has: a variant name may hold `-` (`pr5-cuda`), so a scope joined by `-` let
 * PR 5's `cuda` push the default branch's `pr5-cuda` tag, whose inline cache that branch reads.
 * Each scope ends where it is known to (`prN-`, `untrusted-`, `ref-` and 8 hex digits then `-`),
 * so no two scopes' tags meet either.
 */
const buildPushTag = (variant, arch, scope) => `${scopedBuildTagPrefix(scope)}${variant}-${arch}`;
/** What a push tag starts with before its variant: `ml-image-build-`, `ml-image-build.SCOPE-`. */
const scopedBuildTagPrefix = (scope) => scope !== undefined ? `ml-image-build.${scope}-` : 'ml-image-build-';
/** The push tags' shape before VARIANT-ARCH, for a pattern (any scope of writeScopeOf, or none). */
const BUILD_TAG_PREFIX_PATTERN = (/* unused pure expression or super */ null && (String.raw `ml-image-build(?:\.(?:pr[1-9]\d*|untrusted|ref-[0-9a-f]{8}))?-`));
/**
 * A scoped run's build request fields (buildx-args.ts): its cache read-only, for WHY; gha written
 * where GitHub keeps its entries to the run's ref; the default branch's push tag read for its
 * inline cache (docker driver), beside the run's own, which a first build of the ref lacks.
 */
const scopedCacheOf = (u, variant, arch) => ({
    cacheReadOnly: u.why,
    ghaCacheOwnScope: u.ghaOwnScope,
    defaultPushTag: buildPushTag(variant, arch, undefined),
});

;// CONCATENATED MODULE: ./src/build/notes.ts
// The build stage's lines said once per stage (a note on the driver, a cache the build goes on
// without), and buildx's cache import of a ref with no image yet, said as what it is.
/** LINE on the progress, once per stage. */
function sayOnce(ctx, line) {
    if (!ctx.notesShown.has(line))
        ctx.progress(line);
    ctx.notesShown.add(line);
}
/** WHY as a note, once per stage. */
const noteOnce = (ctx, why) => sayOnce(ctx, `note: ${why}`);
/** WHAT as a warning, once per stage. */
function warnOnce(ctx, what) {
    const line = `warning: ${what}`;
    if (ctx.notesShown.has(line))
        return;
    ctx.notesShown.add(line);
    if (ctx.warning)
        ctx.warning(what);
    else
        ctx.progress(line);
}
/** The longest buildx line read for a cache import (longer ones are no such line). */
const MAX_LINE = 2048;
/**
 * A watcher of one build's lines: buildx's import of a cache ref that has no image yet (the first
 * build of a push tag or cache ref, or one pruned) prints `#4 ERROR: REF: not found`, which reads as
 * the build failing; SAY is told once per ref that it is the cache import, and the build goes on.
 */
function cacheImportWatcher(say) {
    const importing = new Set();
    const said = new Set();
    return (line) => {
        if (line.length > MAX_LINE)
            return;
        const from = /^#\d+ importing cache manifest from (\S+)$/.exec(line)?.[1];
        if (from !== undefined) {
            importing.add(from);
            return;
        }
        // `#4 ERROR: REF: not found`, or with buildx's words before REF (`... cache importer: REF: ...`).
        const missing = /^#\d+ ERROR: (.*): not found$/.exec(line)?.[1]?.split(' ').at(-1);
        if (missing === undefined || !importing.has(missing) || said.has(missing))
            return;
        said.add(missing);
        say(`no cache at ${missing} yet (its first build, or pruned): the "ERROR: ... not found" in its log is buildx's cache import, and the build goes on without it`);
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./src/build/cache-scope.ts
// Where a target's build cache lives when the inputs give no cache-from / cache-to: a gha scope or
// a registry ref per image, variant and platform. Pure.

/** The first 8 hex digits of the repository's sha256: short, and only [0-9a-f] in a scope. */
const repositoryHash = (repository) => (0,external_node_crypto_.createHash)('sha256').update(repository).digest('hex').slice(0, 8);
/**
 * Cache scope/ref per image, variant and platform, so one target's cache never evicts another's:
 * each gha write replaces its scope's index, and the scopes are the GitHub repository's, whose
 * images may share a variant name (hence the image repository's hash in the scope; the registry
 * ref is the image's own already).
 */
function cacheFor(kind, repository, variant, arch) {
    if (kind === 'gha')
        return { type: 'gha', scope: `ml-image-${repositoryHash(repository)}-${variant}-${arch}` };
    if (kind === 'registry')
        return { type: 'registry', ref: `${repository}:cache-${variant}-${arch}` };
    return { type: 'none' };
}

// EXTERNAL MODULE: ./src/docker/buildx.ts + 1 modules
var buildx = __webpack_require__(49618);
// EXTERNAL MODULE: ./src/docker/registry.ts
var registry = __webpack_require__(98925);
;// CONCATENATED MODULE: ./src/build/platform-image.ts




/** The pushed object's media type as the exporter reports it (containerimage.descriptor). */
function descriptorMediaType(metadata) {
    const d = metadata['containerimage.descriptor'];
    const mediaType = typeof d === 'object' && d !== null ? d.mediaType : undefined;
    return typeof mediaType === 'string' ? mediaType : undefined;
}
/** Whether an index entry is the image for PLATFORM (`os/arch`, or `os/arch/variant`). */
const isPlatform = (e, platform) => platform === `${e.os}/${e.architecture}` ||
    (e.variant !== undefined && platform === `${e.os}/${e.architecture}/${e.variant}`);
/**
 * The platform image of a push: DIGEST itself where the exporter pushed an image (or said nothing
 * of what it pushed: no BuildKit that stores attestations leaves that out), else the PLATFORM entry
 * of the index it pushed, with the index's digest as indexDigest. A registry that does not answer
 * is exit 3 (the push just worked), as is an index without that platform's image.
 */
async function pushedPlatformImage(docker, p) {
    const mediaType = descriptorMediaType(p.metadata);
    if (mediaType === undefined || !buildx/* INDEX_MEDIA_TYPES */.kA.has(mediaType))
        return { digest: p.digest };
    const ref = `${p.repository}@${p.digest}`;
    const fix = `check that the registry ${(0,registry/* splitImageRef */.l2)(ref).host} answers reads with this engine's login (docker buildx imagetools inspect --raw ${ref}), then run the build again`;
    const raw = await docker
        .imagetoolsRaw(ref, p.builder !== undefined ? { builder: p.builder } : undefined)
        .catch((e) => {
        if (e instanceof cleanup/* InterruptedError */.p4)
            throw e;
        const given = e instanceof errors/* EnvironmentError */.eG ? e.fix : undefined;
        throw new errors/* EnvironmentError */.eG(`build ${p.id}: reading the index it pushed (${ref}) for its ${p.platform} image: ${e.message}`, given ?? fix, { cause: e });
    });
    const entries = (0,buildx/* parseImageIndex */.n4)(raw).platforms.filter((e) => isPlatform(e, p.platform));
    if (entries.length !== 1)
        throw new errors/* EnvironmentError */.eG(`build ${p.id}: the index it pushed (${ref}) lists ${entries.length === 0 ? 'no' : `${entries.length}`} ${p.platform} image${entries.length === 1 ? '' : 's'}, so which image it built cannot be told`, fix);
    return { digest: entries[0].digest, indexDigest: p.digest };
}

;// CONCATENATED MODULE: ./src/build/pushed-image.ts
// The docker driver cannot push by digest: dockerd pushes the image by its push tag, then buildx
// asks the registry what that tag names now and reports it as the image's digest
// (containerimage.digest). A run of the same repository, variant and arch on this engine pushes by
// the same tag: had it pushed in between, the digest would be its image, which this run would
// merge, smoke-test and sign as its own. The build's own image is the config dockerd's exporter
// reports (containerimage.config.digest, the image ID): the manifest at the reported digest is read
// back from the registry, its bytes checked against that digest, and must name that config. On the
// containerd image store BuildKit pushes the tag itself (buildx: DirectPush, PreferImageDigest) and
// reports what it pushed (containerimage.descriptor): that digest is the exporter's own, no read-back.








const ManifestSchema = schemas/* object */.Ikc({ config: schemas/* object */.Ikc({ digest: schemas/* string */.YjP() }).optional() });
/**
 * The config digest of the image REF (`REPOSITORY@DIGEST`) names: its manifest's, or where it is an
 * index (an engine with the containerd image store may push one), the PLATFORM entry's. Undefined:
 * it names no image of PLATFORM. A registry that does not answer is exit 3: the push just worked.
 */
async function configOf(docker, p, ref, nested = false) {
    const raw = await docker
        .imagetoolsRaw(ref, p.builder !== undefined ? { builder: p.builder } : undefined)
        .catch((e) => {
        // Stopped by SIGINT/SIGTERM: said as it is, not as a registry that could not be read.
        if (e instanceof cleanup/* InterruptedError */.p4)
            throw e;
        const what = `build ${p.id}: reading ${ref} back to check the push by tag ${p.pushRef}`;
        const fix = `check that the registry ${(0,registry/* splitImageRef */.l2)(ref).host} answers reads with this engine's login (docker buildx imagetools inspect --raw ${ref}), then run the build again`;
        const given = e instanceof errors/* EnvironmentError */.eG ? e.fix : undefined;
        throw new errors/* EnvironmentError */.eG(`${what}: ${e.message}`, given ?? fix, { cause: e });
    });
    const config = (0,failures/* parseJsonAnswer */.oV)(ManifestSchema, raw, `the manifest of ${ref}`).config?.digest;
    if (config !== undefined || nested)
        return config;
    const entry = (0,buildx/* parseImageIndex */.n4)(raw).platforms.find((e) => isPlatform(e, p.platform));
    return entry && configOf(docker, p, `${p.repository}@${entry.digest}`, true);
}
/**
 * The docker driver on the containerd image store: the exporter pushed the image itself and its
 * descriptor is the digest reported (buildx's containerimage.descriptor), not the registry's answer
 * for the tag afterwards, so no other build's push can stand in its place.
 */
function pushedByExporter(p) {
    const descriptor = p.metadata['containerimage.descriptor'];
    if (typeof descriptor !== 'object' || descriptor === null)
        return false;
    const digest = descriptor.digest;
    return typeof digest === 'string' && (0,oci_ref/* isDigest */.Bc)(digest) && digest === p.digest;
}
/**
 * Checks that the image the docker driver reported after its push by tag is this build's (see the
 * top of this file); throws exit 3 when another build's push came in between, or the registry
 * cannot be read for the check. Returns a warning when the check cannot be made (the engine
 * reported no config digest, nor pushed the image itself: buildx's report is taken as it is).
 */
async function checkPushedByTag(docker, p) {
    // First: the containerd store reports a config digest too, and where it pushed an index (its
    // attestations) that "config digest" is the index's own (dockerd 26 seen), no image's config.
    if (pushedByExporter(p))
        return undefined;
    const expected = p.metadata['containerimage.config.digest'];
    if (typeof expected !== 'string' || !(0,oci_ref/* isDigest */.Bc)(expected))
        return `build ${p.id}: the engine reported no image config digest, so the digest ${p.digest} the registry gave for ${p.pushRef} cannot be checked to be this build's image (another build that pushed the same tag at the same time would go unnoticed)`;
    const found = await configOf(docker, p, `${p.repository}@${p.digest}`);
    if (found === expected)
        return undefined;
    throw new errors/* EnvironmentError */.eG(`build ${p.id}: another build pushed ${p.pushRef} at the same time: buildx reported ${p.digest} as this build's push, but its image is ${found ?? `no ${p.platform} image`}, not this build's ${expected}`, 'run the build again. Runs of the same repository, variant and arch on one engine with the docker driver push by the same tag: keep them from overlapping (a concurrency group), or use a docker-container builder (docker/setup-buildx-action), which pushes by digest');
}

;// CONCATENATED MODULE: ./src/build/target.ts
// One build target (a variant on one platform): its secret files, its buildx argv, and the
// attempts, retried while the failure is transient (see retry.ts).




















/** What buildx writes with --metadata-file: an object with the image digest among other keys. */
const MetadataSchema = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J());
/** The tag the docker driver pushes a target by (a scoped run's own: its inline cache is its own). */
const pushTagOf = (ctx, t, arch) => buildPushTag(t.v.name, arch, ctx.untrusted?.pushScope);
/**
 * Where a target's image is in the engine, when it is there: the local tag of a load (push: false,
 * or push and load as a second exporter); the docker driver's pushed image is already in the
 * engine, under the tag it pushed by (buildx names it nothing else). Undefined: only pushed.
 * A local ref does not mean "not pushed": the build result says that in `pushed` (isPushed).
 */
function localRefOf(ctx, t, arch) {
    if (exportsLoad(ctx))
        return localTag(ctx.repository, t.v.name, arch);
    return ctx.options?.load ? `${ctx.repository}:${pushTagOf(ctx, t, arch)}` : undefined;
}
/** Whether an exporter of the build loads the image (push: false, or push and load by digest), under its local tag and loadTags. */
const exportsLoad = (ctx) => !ctx.push || (!!ctx.options?.load && canPushByDigest(ctx.builder));
/** The tags a loaded image carries besides its local ref (buildx-args.ts outputArgs). */
const loadedTagsOf = (ctx, t) => exportsLoad(ctx) ? [...(t.loadTags ?? [])] : [];
/** The secret files and the buildx argv of one target. */
function prepareTarget(ctx, t, arch, metadataFile) {
    const resolved = ctx.resolved?.[`${t.v.name}/${t.platform}`];
    const inputs = {
        requirements: resolved?.requirements ?? ctx.requirements,
        constraints: resolved?.constraints ?? ctx.constraints,
        indexes: ctx.indexes,
        ...(t.v.torch?.indexUrl !== undefined && { torchIndexUrl: t.v.torch.indexUrl }),
        secretEnv: ctx.secretEnv,
    };
    const fileSecrets = {
        ...(0,build_inputs/* writeBuildInputs */.nD)(external_node_path_default().join(ctx.work, `inputs-${t.v.name}-${arch}`), inputs, ctx.progress),
        ...ctx.valueSecretFiles,
    };
    const o = ctx.options ?? {};
    // The manifest types of each annotation: an index type is the merge's (mergeAnnotations).
    const annotations = (o.annotations ?? []).flatMap((a) => manifestPart(a) ?? []).map(annotationArg);
    const { args, notes, warnings } = buildxBuildArgs({
        context: ctx.context,
        dockerfile: t.dockerfile,
        platform: t.platform,
        repository: ctx.repository,
        pushTag: pushTagOf(ctx, t, arch),
        push: ctx.push,
        ...((!ctx.push || o.load) && {
            loadTag: localTag(ctx.repository, t.v.name, arch),
            ...(t.loadTags && t.loadTags.length > 0 && { loadTags: t.loadTags }),
        }),
        labels: t.labels,
        buildArgs: { ...t.buildArgs, [build_inputs/* INPUTS_DIGEST_ARG */._9]: (0,build_inputs/* inputsDigest */.KA)(inputs) },
        cache: cacheFor(ctx.cache, ctx.repository, t.v.name, arch),
        ...(ctx.untrusted && scopedCacheOf(ctx.untrusted, t.v.name, arch)),
        metadataFile,
        provenance: ctx.build.provenance.mode,
        ...(ctx.build.provenance.version !== undefined && { provenanceVersion: ctx.build.provenance.version }),
        secrets: ctx.build.secrets,
        fileSecrets,
        network: ctx.build.network,
        pull: ctx.build.pull,
        ...(o.noCache !== undefined && { noCache: o.noCache }),
        ...(o.target !== undefined && { target: o.target }),
        ...(o.secretEnvs && { secretEnvs: o.secretEnvs }),
        ...(annotations.length > 0 && { annotations }),
        ...(o.sbom !== undefined && { sbom: o.sbom }),
        ...(ctx.push && o.load && { load: true }),
        ...((t.ociMediatypes || annotations.length > 0) && { ociMediatypes: true }),
        ...requestFromOptions(o, t.v.name, arch),
    }, ctx.builder);
    for (const n of notes)
        noteOnce(ctx, n);
    for (const w of warnings)
        warnOnce(ctx, w);
    return args;
}
/** The image digest from buildx's metadata file, the metadata kept without URL credentials. */
function readMetadata(id, metadataFile) {
    // buildx's metadata can quote build inputs (provenance): no URL credentials in build.json.
    const parsed = MetadataSchema.safeParse((0,redact/* redactUrlsDeep */.w5)(JSON.parse((0,external_node_fs_.readFileSync)(metadataFile, 'utf8'))));
    const metadata = parsed.success ? parsed.data : {};
    const digest = metadata['containerimage.digest'];
    if (typeof digest !== 'string')
        throw new errors/* CheckFailedError */.CO(`build ${id}: buildx wrote no image digest to ${metadataFile}`);
    return { digest, metadata };
}
/**
 * What a build that passed made: its digest and metadata (checked to be this build's image where
 * the docker driver pushed by tag: pushed-image.ts) and where it is in the engine.
 */
async function builtImage(ctx, t, arch, metadataFile) {
    const id = `${t.v.name}/${arch}`;
    const { digest, metadata } = readMetadata(id, metadataFile);
    const { repository, builder } = ctx;
    const p = { id, repository, platform: t.platform, digest, metadata, builder: builder.name };
    if (ctx.push && !canPushByDigest(builder)) {
        const pushRef = `${repository}:${pushTagOf(ctx, t, arch)}`;
        const warning = await checkPushedByTag(ctx.docker, { ...p, pushRef });
        if (warning !== undefined)
            ctx.progress(`warning: ${warning}`);
    }
    const localRef = localRefOf(ctx, t, arch);
    const loadedTags = loadedTagsOf(ctx, t);
    const where = { ...(localRef !== undefined && { localRef }), ...(loadedTags.length > 0 && { loadedTags }) };
    // An index pushed (BuildKit's attestations beside the image): the platform's digest is its image's.
    const { digest: image, ...index } = ctx.push ? await pushedPlatformImage(ctx.docker, p) : { digest };
    return { digest: image, rest: { metadata, ...where, pushed: ctx.push, ...index } };
}
/**
 * Builds one target, retrying transient failures; throws the classified error of the last attempt,
 * after telling T.left of the image a failed push of the docker driver left under its push tag.
 */
async function buildTarget(ctx, t) {
    const arch = (0,config_platform/* archOf */.Qh)(t.platform);
    const pushRef = t.left && ctx.push && !canPushByDigest(ctx.builder)
        ? `${ctx.repository}:${pushTagOf(ctx, t, arch)}`
        : undefined;
    // The image the tag named before (null: none): one this build did not make is never reported,
    // and an engine that could not say (an error) leaves nothing to compare with.
    const before = pushRef === undefined
        ? undefined
        : await ctx.docker.inspectLocalImage(pushRef).then((d) => d?.id ?? null, () => undefined);
    const outcome = attempts(ctx, t, arch);
    if (pushRef === undefined || before === undefined)
        return outcome;
    let looked;
    const look = () => (looked ??= leftImage(ctx, t, pushRef, before));
    // A signal: the process exits once its cleanups end, before this function's catch would run
    // (its buildx is stopped by a cleanup of its own). This one waits for the build to end, then looks.
    const unregister = (0,cleanup/* registerCleanup */.qE)(() => outcome.then(() => undefined, look));
    try {
        return await outcome;
    }
    catch (e) {
        await look();
        throw e;
    }
    finally {
        unregister();
    }
}
/**
 * The image a failed build left under PUSHREF, for T.left: a new one (not BEFORE) that carries
 * every label this build set (the variant, the commit, the created time, the base digest): not an
 * image another build of another commit or base put under the tag meanwhile. Looked at by its tag
 * alone; an engine that cannot answer tells nothing.
 */
async function leftImage(ctx, t, pushRef, before) {
    const d = await ctx.docker.inspectLocalImage(pushRef).catch(() => undefined);
    if (d === undefined || d.id === before || d.labels[`${schema/* LABEL_PREFIX */.Ag}.variant`] !== t.v.name)
        return;
    if (!Object.entries(t.labels).every(([k, v]) => d.labels[k] === v))
        return;
    t.left?.({
        platform: t.platform,
        digest: d.id,
        durationMs: 0,
        attempts: 1,
        metadata: { 'containerimage.config.digest': d.id },
        localRef: pushRef,
        pushed: false,
    });
}
/** buildTarget's attempts: build, and retry what may pass on a second try. */
async function attempts(ctx, t, arch) {
    const id = `${t.v.name}/${arch}`;
    const metadataFile = external_node_path_default().join(ctx.work, `metadata-${t.v.name}-${arch}.json`);
    let args = prepareTarget(ctx, t, arch, metadataFile);
    const started = ctx.now();
    // The retry budget counts from here: a long first attempt still gets its retries.
    let firstFailure;
    const cacheNote = cacheImportWatcher((line) => ctx.progress(`build ${id}: ${line}`));
    for (let attempt = 1;; attempt++) {
        ctx.signal?.throwIfAborted();
        (0,cleanup/* throwIfInterrupted */.sK)(`build ${id}`);
        ctx.progress(`build ${id}: started${attempt > 1 ? ` (attempt ${attempt}/${MAX_ATTEMPTS})` : ''}`);
        const tail = [];
        const r = await ctx.docker.buildx(args, {
            ...(ctx.buildxEnv && { env: { ...ctx.buildxEnv } }),
            ...(ctx.signal && { signal: ctx.signal }),
            onLine: (raw) => {
                // pip masks passwords itself; this also covers a token used as a URL's user name.
                const line = ctx.mask(raw);
                tail.push(line);
                if (tail.length > 400)
                    tail.shift();
                ctx.output?.(line, id);
                cacheNote(line);
            },
        });
        // Stopped because another platform failed: that failure is the stage's, not this exit.
        if (r.exitCode !== 0)
            ctx.signal?.throwIfAborted();
        const finished = ctx.now();
        const elapsed = ((finished - started) / 1000).toFixed(1);
        if (r.exitCode === 0) {
            const built = await builtImage(ctx, t, arch, metadataFile);
            ctx.progress(`build ${id}: done in ${elapsed}s (${built.digest.slice(0, 19)})`);
            return {
                platform: t.platform,
                digest: built.digest,
                durationMs: finished - started,
                finishedAt: new Date(finished).toISOString(),
                attempts: attempt,
                ...built.rest,
            };
        }
        const log = tail.join('\n') || ctx.mask(r.stderr);
        const missing = MISSING_CACHED_LAYER.test(lastLines(log));
        // Without the cache it lacks a layer again: the engine's storage, not the build (exit 3).
        if (missing && args.includes('--no-cache'))
            throw engineStorageError(id, log);
        if (missing) {
            // Once: the same build without any cache (the imported cache's steps stay cached in
            // BuildKit until pruned: a build without --cache-from alone hits them again). It still
            // exports its own cache for the next run.
            ctx.progress(`build ${id}: the engine lacks a layer of a cached step (${failureReason(log)}); building again without the cache`);
            args = uncachedArgs(args);
            continue;
        }
        const registries = {
            write: (0,oci_ref/* parseImageRef */.Q)(ctx.repository).registry,
            read: (0,oci_ref/* parseImageRef */.Q)(t.v.base.ref).registry,
        };
        const retry = afterFailedAttempt({
            id,
            result: r,
            log,
            attempt,
            spentMs: ctx.now() - (firstFailure ??= ctx.now()),
            elapsed,
            registries,
            platform: t.platform,
            ...(await builderPlatformFor(ctx, log)),
        });
        ctx.progress(`build ${id}: transient failure (${retry.reason}); retrying in ${retry.waitMs / 1000}s`);
        // The wait ends early when another platform failed, or at SIGINT/SIGTERM (the loop's top then
        // stops this build, and the process's exit is not held for the wait). Its listener goes with
        // it: the abort signal is the variant's, shared by every platform and wait.
        await new Promise((resolve) => {
            let unregister = () => { };
            const done = () => {
                ctx.signal?.removeEventListener('abort', done);
                unregister();
                resolve();
            };
            unregister = (0,cleanup/* registerCleanup */.qE)(done);
            ctx.signal?.addEventListener('abort', done, { once: true });
            void ctx.sleep(retry.waitMs).then(done);
        });
    }
}
/** Index annotations of the merged list: `imagetools create --annotation` needs buildx >= 0.12. */
function mergeAnnotations(ctx, labels, given) {
    const wanted = indexAnnotations(labels, given);
    if (wanted.length === 0)
        return wanted;
    const why = classicDocker(ctx.builder)
        ? 'docker driver: the platform images are Docker manifests, so the merged list is a Docker manifest list, which carries no annotations: index annotations left out (use a docker-container builder)'
        : (0,versions/* compareVersions */.Z)(ctx.builder.buildxVersion, '0.12.0') < 0
            ? `index annotations need buildx >= 0.12.0 (found ${ctx.builder.buildxVersion}), left out`
            : undefined;
    if (why === undefined)
        return wanted;
    noteOnce(ctx, why);
    return [];
}

;// CONCATENATED MODULE: ./src/build/templates.ts
// Where a build's Dockerfile comes from: this tool's images/ templates, else the user's own.



/** The variant's template from images/, else the user's Dockerfile (build.dockerfile). */
function dockerfileFor(v, config, baseDir, imagesDir) {
    if (v.template === undefined) {
        if (config.build.dockerfile === undefined)
            throw new errors/* InputError */.dz(`variant ${v.name}: no template and no build.dockerfile`);
        return external_node_path_default().resolve(baseDir, config.build.dockerfile);
    }
    const file = external_node_path_default().join(imagesDir, v.template, 'Dockerfile');
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* InputError */.dz(`template "${v.template}" not found: ${file}`);
    return file;
}

;// CONCATENATED MODULE: ./src/build/dockerfile-from.ts
// Which image a Dockerfile of the user's starts from: the FROM its built stage (the target, else the
// last) roots in, followed through the stages it names. The plan's base is what the resolver checks
// pip against and what the labels, the SBOM and the provenance name; a Dockerfile that ignores
// BASE_IMAGE (`FROM busybox` where the plan says python:3.12-slim) builds from another image, and
// that evidence would be wrong without a word (baseMismatch). Pure over the Dockerfile's text.

/** FROM [--flag=...]... IMAGE [AS NAME] */
const FROM = /^\s*from\s+((?:--\S+\s+)*)(\S+)(?:\s+as\s+(\S+))?\s*$/i;
/** A heredoc's opening in a RUN, COPY or ADD (RUN <<EOF, COPY <<-"EOF" ...): its word. */
const HEREDOC = /<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
const HEREDOC_INSTRUCTION = /^\s*(run|copy|add)\s/i;
/** The instructions of TEXT, continuation lines joined, comments and heredoc bodies left out. */
function instructions(text) {
    const lines = text.split(/\r?\n/);
    // A parser directive for another escape character: read no further (the lines join otherwise).
    if (lines.some((l, i) => i < 10 && /^#\s*escape\s*=\s*`/i.test(l)))
        return undefined;
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        const start = i;
        if (/^\s*(#|$)/.test(lines[i]))
            continue;
        let joined = lines[i];
        while (joined.endsWith('\\') && i + 1 < lines.length) {
            i++;
            if (/^\s*#/.test(lines[i]))
                continue;
            joined = `${joined.slice(0, -1)} ${lines[i]}`;
        }
        out.push({ text: joined, line: start + 1 });
        if (!HEREDOC_INSTRUCTION.test(joined))
            continue;
        for (const [, , word] of joined.matchAll(HEREDOC))
            while (i + 1 < lines.length && lines[++i].replace(/^\t+/, '') !== word)
                ;
    }
    return out;
}
/**
 * The literal image the stage TARGET (else the last) roots in, through the stages it names; undefined
 * where it cannot be told from the text: a variable in the FROM (`${BASE_IMAGE}`: the plan's base),
 * no FROM, an unknown target, another escape character.
 */
function rootFrom(text, target) {
    const stages = [];
    for (const ins of instructions(text) ?? []) {
        const m = FROM.exec(ins.text);
        if (m)
            stages.push({ ref: m[2], line: ins.line, ...(m[3] && { name: m[3].toLowerCase() }) });
    }
    let i = target === undefined ? stages.length - 1 : stages.findIndex((s) => s.name === target.toLowerCase());
    for (let hops = 0; i >= 0 && hops < stages.length; hops++) {
        const s = stages[i];
        if (s.ref.includes('$'))
            return undefined;
        const named = stages.findIndex((t, j) => j < i && t.name === s.ref.toLowerCase());
        if (named < 0)
            return { ref: s.ref, line: s.line };
        i = named;
    }
    return undefined;
}
/** Whether REF and PLANNED name one image: the repository, and the tag or digest. */
function sameImage(ref, planned) {
    const a = (0,oci_ref/* parseImageRef */.Q)(ref);
    const b = (0,oci_ref/* parseImageRef */.Q)(planned);
    if ((0,oci_ref/* repositoryOf */._M)(a) !== (0,oci_ref/* repositoryOf */._M)(b))
        return false;
    if (a.digest !== undefined && a.digest === b.digest)
        return true;
    return (a.tag ?? (a.digest ? undefined : 'latest')) === (b.tag ?? (b.digest ? undefined : 'latest'));
}
/**
 * The FROM of DOCKERFILE's built stage where it is a literal image other than PLANNED (the variant's
 * base, after MIRRORS): the build does not start from the planned base. Undefined where it does, or
 * where the text cannot tell.
 */
function baseMismatch(dockerfile, planned, mirrors, target) {
    const from = rootFrom(dockerfile, target);
    if (from === undefined || from.ref.toLowerCase() === 'scratch')
        return from;
    try {
        return sameImage(from.ref, planned) || sameImage((0,oci_ref/* applyMirrors */.J4)(from.ref, mirrors), planned)
            ? undefined
            : from;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
;// CONCATENATED MODULE: ./src/build/context-ignore.ts
// Keep the run's own files out of the image. The result directory (plan.json, resolution-*.json,
// an earlier run's records) usually sits inside the build context (`ml-image-results` beside
// ml-image.yml, context "."), and the templates' `COPY . /app` would copy it into every image: a
// new last layer, and a new digest, on every run with the same inputs. The config itself (an index
// URL's login is written in it) and the files read as secrets (the signing key, `secret-files`)
// would be pushed with the image. BuildKit reads a
// Dockerfile-specific ignore file (`<Dockerfile>.dockerignore` beside the Dockerfile) instead of
// the context's `.dockerignore`, so the build uses a copy of the Dockerfile in its private work
// directory beside such a file: the ignore file BuildKit would have read, then one line per path
// kept out. The user's files are never written to.





/** Whether a path.relative() result leaves its base ("..", "../x"; not a name like "..x"). */
const outside = (rel) => rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel);
/**
 * PATH (absolute) relative to CONTEXT when it lies strictly inside it, else undefined; with
 * LINEBREAKS false (the default), a path with a line break is left out too (it cannot be named on
 * one line of a message).
 */
function insideContext(context, p, linebreaks = false) {
    const rel = external_node_path_default().relative((0,read_regular/* realPathOrSelf */.rX)(context), (0,read_regular/* realPathOrSelf */.rX)(p));
    if (rel === '' || outside(rel) || (!linebreaks && /[\r\n]/.test(rel)))
        return undefined;
    return rel.split((external_node_path_default()).sep).join('/');
}
// What Go's strings.TrimSpace trims (unicode.IsSpace): patternmatcher trims each pattern so, after
// BuildKit's reader has dropped the leading "/".
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const EDGE_SPACES = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'gu');
/**
 * One ignore-file line that excludes exactly REL (a context-relative path, "/" separated): anchored
 * at the context's root, with the pattern characters of Go's filepath.Match escaped. BuildKit trims
 * each line and drops the leading "/" only after it has looked for a leading "!": a name that starts
 * with "!" is escaped (else it would re-include), and blanks at either end (Go's, NEL and U+3000
 * among them) are written as classes. A line break, which would end the line, matches as "?". A
 * "^" is escaped too: patternmatcher copies it as it is into the regexp it makes of a line with
 * an escape or a class, where it is an anchor (`/a^b\*` matched no path, `a^b*` went in the image).
 */
function ignoreLine(rel) {
    const escaped = rel.replace(/[\\*?[\]^]/g, (c) => `\\${c}`).replace(/^!/, '\\!');
    const edges = escaped.replace(EDGE_SPACES, (blanks) => [...blanks].map((c) => (c === '\n' || c === '\r' ? '?' : `[${c}]`)).join(''));
    return `/${edges.replace(/[\r\n]/g, '?')}`;
}
/** A file's lstat; undefined when there is none, or its name is too long to be one (ENAMETOOLONG). */
function lstatOrAbsent(f) {
    try {
        return (0,read_regular/* statOrAbsent */.Hg)(f, true);
    }
    catch (e) {
        if (e.code === 'ENAMETOOLONG')
            return undefined;
        throw e;
    }
}
/** The longest file name (bytes) of the file systems the work directory is on (NAME_MAX). */
const NAME_MAX = 255;
const IGNORE_SUFFIX = '.dockerignore';
/**
 * The name of the Dockerfile's copy: the user's own (BuildKit's messages name it), unless the
 * ignore file beside it would be too long a name; then "Dockerfile".
 */
function copyName(dockerfile) {
    const base = external_node_path_default().basename(dockerfile);
    return Buffer.byteLength(base + IGNORE_SUFFIX) <= NAME_MAX ? base : 'Dockerfile';
}
/**
 * The ignore file BuildKit reads for DOCKERFILE and CONTEXT, as text ('' when there is none). As
 * BuildKit reads it: from inside the directory it is in (the Dockerfile's, the context), so a link
 * that points out of that directory is no ignore file, never a file of this machine read for it.
 */
function ignoreFileOf(dockerfile, context) {
    const candidates = [
        [`${dockerfile}${IGNORE_SUFFIX}`, external_node_path_default().dirname(dockerfile)],
        [external_node_path_default().join(context, '.dockerignore'), context],
    ];
    for (const [f, within] of candidates) {
        if (lstatOrAbsent(f) === undefined)
            continue;
        const target = (0,read_regular/* realPathOrSelf */.rX)(f);
        const rel = external_node_path_default().relative((0,read_regular/* realPathOrSelf */.rX)(within), target);
        if (outside(rel))
            continue;
        const st = (0,read_regular/* statPath */.qW)(target);
        // A link loop: BuildKit cannot read it either; say so rather than end in an internal error.
        if (typeof st === 'string')
            throw new errors/* InputError */.dz(`${f}: ${st}, and the build needs it: it says what stays out of the image`, 'make it a regular file or remove it');
        if (!st?.isFile())
            continue;
        try {
            return (0,external_node_fs_.readFileSync)(target, 'utf8');
        }
        catch (e) {
            throw new errors/* InputError */.dz(`${f}: cannot read it (${e.code ?? String(e)}), and the build needs it: it says what stays out of the image`, 'make it readable by the user that runs ml-image');
        }
    }
    return '';
}
/**
 * The Dockerfile that builds CONTEXT without KEEPOUT's paths and what PATTERNS (ignore-file lines,
 * written as they are) match: DOCKERFILE itself when there are no patterns and none of the paths is
 * inside the context, else a copy under WORK/NAME/ with its own ignore file.
 */
function dockerfileKeepingOut(dockerfile, context, keepOut, work, name, patterns = []) {
    const keptOut = keepOut.flatMap((p) => insideContext(context, p, true) ?? []);
    if (keptOut.length === 0 && patterns.length === 0)
        return { dockerfile, keptOut };
    const dir = external_node_path_default().join(work, `dockerfile-${name}`);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const copy = external_node_path_default().join(dir, copyName(dockerfile));
    (0,external_node_fs_.copyFileSync)(dockerfile, copy);
    const own = ignoreFileOf(dockerfile, context);
    const sep = own === '' || own.endsWith('\n') ? '' : '\n';
    const added = [...keptOut.map(ignoreLine), ...patterns].map((line) => `${line}\n`).join('');
    (0,external_node_fs_.writeFileSync)(`${copy}${IGNORE_SUFFIX}`, `${own}${sep}# kept out by ml-image (its config, records and secret files)\n${added}`, {
        mode: 0o600,
    });
    return { dockerfile: copy, keptOut };
}
/** A named build context's value that is a directory of this machine (not an image, URL or target). */
const LOCAL_CONTEXT = (v) => !/^[a-z][a-z0-9+.-]*:\/\/|^target:|^git@|^[a-z0-9.-]+\.[a-z]+:[^/]/i.test(v);
/**
 * What the build says of what it kept out: a note naming KEPTOUT (context-relative), and a warning
 * for each named local build context (`--build-context NAME=PATH`, PATH read against CWD) that holds
 * a path of KEEPOUT or a `.git`: BuildKit reads only that directory's own .dockerignore, so nothing
 * can be kept out of it from here, and a `COPY --from=NAME` would copy them.
 */
function keepOutLines(keptOut, keepOut, named, cwd) {
    const note = keptOut.length
        ? [
            `note: ${keptOut.map(util_text/* printable */.g$).join(', ')} kept out of the build context (this tool's config, records and files, the files read as secrets, git's, the credential files the environment names, files that hold secrets by convention such as .env and .netrc, and the outputs' destinations: never copied into the image)`,
        ]
        : [];
    const warnings = Object.entries(named ?? {}).flatMap(([name, value]) => {
        if (!LOCAL_CONTEXT(value))
            return [];
        const dir = external_node_path_default().resolve(cwd, value);
        const git = external_node_path_default().join(dir, '.git');
        let hasGit = false;
        try {
            hasGit = (0,external_node_fs_.lstatSync)(git).isDirectory();
        }
        catch {
            hasGit = false;
        }
        const held = [...keepOut, ...(hasGit ? [git] : [])].flatMap((p) => insideContext(dir, p) ?? []);
        const unique = [...new Set(held)];
        return unique.length === 0
            ? []
            : [
                `warning: build context ${name} (${value}) holds ${unique.join(', ')}: BuildKit reads only that directory's own .dockerignore, so they are not kept out of it (a COPY --from=${name} copies them into the image); list them in ${external_node_path_default().join(value, '.dockerignore')}`,
            ];
    });
    return [...note, ...warnings];
}

;// CONCATENATED MODULE: ./src/build/git-keep-out.ts
// What of the context's git directory the build keeps out of the image. Git writes credentials into
// its config files: a remote URL's login (`https://x-access-token:TOKEN@github.com/o/r.git`, a clone
// with a personal token) and the token actions/checkout persists by default
// (`http.https://github.com/.extraheader AUTHORIZATION: basic ...`), for each submodule too
// (`.git/modules/NAME/config`). A `COPY . /app` would push them with the image, readable by whoever
// can pull it. The built-in templates copy the context as the app: the whole `.git` stays out (its
// history, which may hold a secret removed since, and Git LFS's copies of large files). A user's
// Dockerfile may read the repository (`git describe`, setuptools-scm): only the config files stay
// out, and git reads a repository without them. A clone nested deeper in the context (a vendored
// repository, a second actions/checkout into a subfolder, which persists its token there as well)
// is kept out the same way by ignore-file patterns (keepOutPatterns), without walking a context that
// may hold a dataset.


/** How deep submodules nest under `.git/modules` (a name may hold "/"; a module may have its own). */
const MAX_DEPTH = 16;
/** P's lstat; undefined when it is absent or cannot be looked at (the build then says why). */
function lstat(p) {
    try {
        return (0,external_node_fs_.lstatSync)(p);
    }
    catch {
        return undefined;
    }
}
const isDir = (p) => lstat(p)?.isDirectory() === true;
const exists = (p) => lstat(p) !== undefined;
/** Subdirectories of DIR (no links); none when it cannot be read. */
function subdirs(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .map((e) => external_node_path_default().join(dir, e.name));
    }
    catch {
        return [];
    }
}
/**
 * The config files of the git directories under DIR (`.git/modules`): a directory with a HEAD is a
 * submodule's git directory (its config, then its own `modules`); any other is part of a name.
 */
function moduleConfigs(dir, depth) {
    if (depth > MAX_DEPTH)
        return [];
    return subdirs(dir).flatMap((d) => {
        if (!exists(external_node_path_default().join(d, 'HEAD')))
            return moduleConfigs(d, depth + 1);
        const config = external_node_path_default().join(d, 'config');
        return [...(exists(config) ? [config] : []), ...moduleConfigs(external_node_path_default().join(d, 'modules'), depth + 1)];
    });
}
/**
 * The absolute paths of CONTEXT's git directory to keep out of the build: the whole `.git` for a
 * built-in TEMPLATE, else its config files (its own and its submodules'). None when the context has
 * no git directory of its own (a subdirectory of a checkout, a worktree's `.git` file).
 */
function gitKeepOut(context, template) {
    const git = external_node_path_default().join(context, '.git');
    if (!isDir(git))
        return [];
    if (template)
        return [git];
    const config = external_node_path_default().join(git, 'config');
    return [...(exists(config) ? [config] : []), ...moduleConfigs(external_node_path_default().join(git, 'modules'), 0)];
}
/**
 * Files that hold secrets in plain text by convention: dotenv files (`.env`, `.env.production`,
 * `.env.local`; also a virtualenv named `.env`), direnv's `.envrc`, netrc (pip's and curl's
 * logins), `.pypirc` (upload tokens) and git's credential store.
 */
const SECRET_FILES = ['.env', '.env.*', '.envrc', '.netrc', '.pypirc', '.git-credentials'];
const SECRET_FILE_PATTERNS = SECRET_FILES.map((f) => `**/${f}`);
/** Whether NAME is one of SECRET_FILES (`.env.*`: `.env.` and at least one character more). */
const isSecretFile = (name) => SECRET_FILES.some((f) => f.endsWith('.*') ? name.startsWith(f.slice(0, -1)) && name.length > f.length - 1 : name === f);
/**
 * The files at CONTEXT's root that SECRET_FILE_PATTERNS keeps out (they are kept out at any depth):
 * named in the build's note, so that a `COPY .env` that fails says why.
 */
function secretFilesAt(context) {
    try {
        return (0,external_node_fs_.readdirSync)(context)
            .filter(isSecretFile)
            .sort()
            .map((n) => external_node_path_default().join(context, n));
    }
    catch {
        return [];
    }
}
/** What buildVariant keeps out of CONTEXT by path: its git directory's (gitKeepOut), its root's secret files. */
const contextKeepOut = (context, template) => [
    ...gitKeepOut(context, template),
    ...secretFilesAt(context),
];
/**
 * Ignore-file patterns for what gitKeepOut does not walk to: the git directories of clones nested
 * below CONTEXT's root, bare and mirror clones (`vendor/r.git`, a mirror keeps its remote's login)
 * and worktrees' `config.worktree`. A built-in TEMPLATE's build keeps every such directory out, a
 * user's Dockerfile their config files and nested submodules' (`*` first: at least one directory
 * deep, so the root's own modules stay as gitKeepOut chose them). A `.git` file (a submodule's
 * checkout) holds no credential. With them, the gha-creds-*.json that google-github-actions/auth
 * writes into the workspace also when it exports no variable naming it (its README asks for the
 * same line in `.dockerignore`). And, at any depth, the files that by convention hold secrets in
 * plain text (SECRET_FILE_PATTERNS): a workflow step often writes `HF_TOKEN=...` into a `.env`
 * for the app, and a `COPY . /app` would push it with the image.
 */
function keepOutPatterns(template) {
    const git = template
        ? ['**/*.git']
        : [
            '**/*.git/config',
            '**/*.git/config.worktree',
            '**/*.git/worktrees/*/config.worktree',
            '*/**/*.git/modules/**/config',
        ];
    return [...git, '**/gha-creds-*.json', ...SECRET_FILE_PATTERNS];
}

// EXTERNAL MODULE: ./src/util/map-limit.ts
var map_limit = __webpack_require__(9992);
;// CONCATENATED MODULE: ./src/build/look-up.ts
// Before the builds: the builder's abilities, each variant's base digest and the context's commit
// time (looked up side by side), and which cache `auto` means here.




/** The cache `auto` means: gha on a GitHub runner with the cache service, else the registry. */
function cacheKind(config, env) {
    if (config.build.cache !== 'auto')
        return config.build.cache;
    const onRunner = env.ACTIONS_RUNTIME_TOKEN !== undefined &&
        (env.ACTIONS_RESULTS_URL ?? env.ACTIONS_CACHE_URL) !== undefined;
    return onRunner ? 'gha' : 'registry';
}
/** Where the builder's facts are kept between runs (none without a cache directory). */
function factsCache(input, deps) {
    return input.cacheDir !== undefined ? { dir: input.cacheDir, env: deps.env } : undefined;
}
/**
 * The builder's abilities, each variant's base digest (one lookup per distinct base; the engine's
 * own image too where the build takes it: base-digest.ts) and the context's commit time:
 * independent, so side by side.
 */
async function lookUp(input, deps, variants, timer) {
    const builderName = input.options?.builder;
    const context = external_node_path_default().resolve(input.baseDir, input.config.build.context);
    const facts = lookUpBuilder(deps.docker, builderName, factsCache(input, deps));
    // dockerd's own builder without --pull starts from the engine's image under the tag (on the
    // containerd image store, the one image under it for every platform).
    const taking = facts.then((f) => baseTaking(deps.docker, f.facts, input.config.build.pull));
    const bases = variants.map((v) => ({ ref: v.base.ref, platforms: platformsOf(input, v) }));
    const [found, baseRecords, sourceDate] = await Promise.all([
        timer.step('builder facts', () => facts, (f) => `${f.from === 'asked' ? 'asked buildx' : `from the ${f.from === 'disk' ? 'cache directory' : 'process'}`}: ${f.facts.driver}, buildx ${f.facts.buildxVersion}, BuildKit ${f.facts.buildkitVersion ?? 'unknown'}`),
        timer.step('base digest', () => recordedBases(deps.docker, bases, taking, (l) => deps.progress(`warning: ${l}`)), () => `${new Set(bases.map((b) => b.ref)).size} base image(s)`),
        timer.step('source date', () => sourceDateEpoch(deps.env, context, deps.exec), (d) => d.why),
    ]);
    const builder = { ...found.facts, ...(builderName !== undefined && { name: builderName }) };
    return { builder, bases: baseRecords, sourceDate };
}
/** The platforms of V this run builds (a matrix job's: only some). */
const platformsOf = (input, v) => v.platforms.filter((p) => !input.only?.platforms || input.only.platforms.includes(p));

// EXTERNAL MODULE: ./src/build/materials.ts
var build_materials = __webpack_require__(326);
;// CONCATENATED MODULE: ./src/build/stage.ts
// The build stage: one buildx build per variant and platform, each pushed (by digest where the
// driver allows), then `imagetools create` merges each variant's platform digests under its tags.
// Transient failures (connection reset, registry 5xx, i/o timeout) are retried with backoff; a
// deterministic failure (Dockerfile error, pip conflict) stops at once with the end of the log
// (retry.ts). Requirements, constraints, index URLs (often with credentials) and build.secrets
// reach the build only as BuildKit secret mounts, never as build arguments (inputs.ts).































/** The variant's labels: its plan's, the base digest, and the created label from the commit time. */
function variantLabels(input, v, run) {
    const labels = withSourceDate(v.labels, run.sourceDate, input.options?.labels);
    // Unknown: set empty, so that the base image's own labels (its base's digest) are not inherited
    // under this image's base name.
    const digest = run.baseDigest ?? '';
    return {
        ...labels,
        'org.opencontainers.image.base.digest': digest,
        [`${schema/* LABEL_PREFIX */.Ag}.base-digest`]: digest,
    };
}
/**
 * The Dockerfile's own warnings, its text read once: a netrc secret it does not mount, and (your own
 * Dockerfile) a FROM other than the planned base. None when it cannot be read (buildx says so).
 */
function warnDockerfile(input, v, file, ctx) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return;
    }
    const unmounted = (0,build_inputs/* netrcUnmountedWarning */.CM)(file, text, ctx.indexes, v.torch?.indexUrl);
    if (unmounted !== undefined)
        ctx.progress(`warning: ${unmounted}`);
    if (v.template === undefined)
        warnOtherBase(input, v, file, text, ctx.progress);
}
/**
 * Your own Dockerfile whose built stage starts FROM a literal image other than the variant's planned
 * base: said, since the resolver checked pip against the planned base and the labels, SBOM and
 * provenance name it (dockerfile-from.ts). `FROM ${BASE_IMAGE}` is the planned base.
 */
function warnOtherBase(input, v, file, text, say) {
    const other = baseMismatch(text, v.base.ref, input.config.build.mirrors, input.options?.target);
    if (other === undefined)
        return;
    const where = `${external_node_path_default().relative(input.baseDir, file) || file}:${other.line}`;
    say(`warning: ${v.name}: ${where}: the build starts FROM ${other.ref}, not the variant's planned base ${v.base.ref}: the resolver checked pip against ${v.base.ref}, and the image's labels, SBOM and provenance name it. Write FROM \${BASE_IMAGE} (the build passes the planned base), or set the variant's base to ${other.ref}`);
}
/** Builds every selected platform of one variant, then merges them under its tags when asked. */
async function buildVariant(input, v, run) {
    const { plan, config } = input;
    const { ctx, timer } = run;
    const base = dockerfileFor(v, config, input.baseDir, input.imagesDir);
    const keepOut = [...(input.keepOut ?? []), ...contextKeepOut(ctx.context, v.template !== undefined)];
    const patterns = keepOutPatterns(v.template !== undefined);
    const { dockerfile, keptOut } = dockerfileKeepingOut(base, ctx.context, keepOut, ctx.work, v.name, patterns);
    warnDockerfile(input, v, base, ctx);
    for (const line of keepOutLines(keptOut, keepOut, input.options?.buildContexts, process.cwd()))
        sayOnce(ctx, line);
    const labels = variantLabels(input, v, run);
    // No SOURCE_DATE_EPOCH build argument: on BuildKit >= 0.11 a changing one invalidates the cache
    // from WORKDIR on (every commit would reinstall the requirements). One set in the environment
    // reaches the build anyway: buildx passes it on itself.
    // The plan's own args last: build.args never replaces them (the config refuses their names too).
    const buildArgs = { ...config.build.args, ...(0,build_inputs/* publicPlanArgs */.O3)(v.buildArgs) };
    const platforms = platformsOf(input, v);
    // dockerd's BuildKit (docker driver) runs one build at a time well on small runners.
    const limit = ctx.builder.driver === 'docker' ? 1 : 2;
    // Side by side, each build's lines are held and written as a log group of its own when it ends.
    const held = Math.min(limit, platforms.length) > 1;
    const merging = input.push && input.merge !== false;
    const annotations = merging ? mergeAnnotations(ctx, labels, input.options?.annotations) : [];
    // OCI manifests where the list gets annotations: this run's merge, or (merge: false, a matrix
    // build job) the merge job's, which annotates the list it makes. From Docker manifests buildx
    // makes a Docker list and drops the annotations without a word. The docker driver pushes Docker
    // manifests whatever is asked (dockerd's own exporter): that merge job warns.
    const ociMediatypes = annotations.length > 0 || (input.push && input.merge === false);
    // A platform that fails stops the others' builds (they would run on, minutes under QEMU, and
    // their work files are removed when the stage ends); mapLimit waits for them to end.
    const stop = new AbortController();
    // keep-images: false: each target built (or left by a failed push) is told as soon as it is.
    const { builtTarget } = run;
    const record = builtTarget &&
        ((b) => builtTarget({ ...variantOf(input, v, run), tags: [], platforms: [b] }));
    // load with push false: build-push-action fails here (the docker exporter cannot load a manifest
    // list); this loads each platform under its own local tag, so the tags a later `docker run TAG`
    // step names are not there. Without load (a fork's run) nothing asked for them.
    if (!input.push && input.options?.load && platforms.length > 1 && v.tags.length > 0)
        sayOnce(ctx, `warning: ${v.name}: with load, push false and ${platforms.length} platforms each platform's image is loaded as ${localTag(ctx.repository, v.name, 'ARCH')} only; its tags (${v.tags.join(', ').slice(0, 300)}) are not applied, since one tag cannot name each platform's image in the engine: build one platform to load it under them`);
    const built = await (0,map_limit/* mapLimit */.sf)(platforms, limit, (platform) => run.logs
        .group(`build ${v.name} ${platform}`, held, (output) => timer.step(`build ${v.name}/${(0,config_platform/* archOf */.Qh)(platform)}`, () => buildTarget({ ...ctx, ...(output && { output }), signal: stop.signal }, {
        v,
        platform,
        dockerfile,
        labels,
        buildArgs,
        // One platform: the image loaded (push: false, or load) carries the variant's tags too,
        // as build-push-action's (docker run TAG after the step). Several: each its local tag
        // only (one tag cannot name each platform's image in the engine).
        ...(platforms.length === 1 && { loadTags: v.tags }),
        ...(ociMediatypes && { ociMediatypes: true }),
        ...(record && { left: record }),
    })))
        .then(async (b) => {
        record?.(b);
        await baseStillHeld(ctx, v, run, platform);
        return b;
    })
        .catch((e) => {
        stop.abort(e);
        throw e;
    }));
    const sources = built.map((b) => `${plan.repository}@${b.indexDigest ?? b.digest}`);
    let digest;
    if (merging) {
        digest = await timer.step(`merge ${v.name}`, () => mergeVariant(ctx, v.name, v.tags, sources, annotations));
    }
    return {
        ...variantOf(input, v, run),
        ...(digest !== undefined && { digest }),
        tags: input.push ? v.tags : built.flatMap((b) => (b.localRef ? [b.localRef] : [])),
        platforms: built,
    };
}
/** A build that took the engine's image under the base's tag: the tag names it still (base-digest.ts). */
async function baseStillHeld(ctx, v, run, platform) {
    if (run.baseHeld === undefined)
        return;
    const warning = await checkBaseHeld(ctx.docker, v.base.ref, run.baseHeld, `${v.name}/${(0,config_platform/* archOf */.Qh)(platform)}`);
    if (warning !== undefined)
        ctx.progress(`warning: ${warning}`);
}
/** What a variant's build result holds besides its platforms, tags and merged digest. */
function variantOf(input, v, run) {
    return {
        variant: v.name,
        repository: input.plan.repository,
        baseImage: v.base.ref,
        ...(run.baseDigest !== undefined && { baseDigest: run.baseDigest }),
    };
}
/**
 * buildx reads the context's git state (seven git commands per build) only to record it in a
 * provenance attestation: with provenance off (provenance "false" and no provenance in the attests
 * input), whatever the driver, that is skipped, unless BUILDX_GIT_INFO is set.
 */
function skipGitInfo(input, env) {
    if (env.BUILDX_GIT_INFO !== undefined)
        return false;
    const attested = (input.options?.attests ?? []).some((a) => /type=provenance/.test(a));
    return input.config.build.provenance.mode === 'false' && !attested;
}
async function runBuildStage(input, deps) {
    const { plan, config, baseDir } = input;
    const secretEnv = (0,build_inputs/* secretEnvFrom */.ol)(config.build.secrets, deps.env);
    checkBuildArgs(config.build.args);
    const indexes = (0,python_indexes/* pipIndexes */.iP)(config.python, deps.env);
    const variants = plan.variants.filter((v) => !input.only?.variants || input.only.variants.includes(v.name));
    const logs = new BuildLogs(deps);
    const timer = new StepTimer(deps.timing && logs.timing);
    timer.startup();
    const { builder, bases, sourceDate } = await lookUp(input, deps, variants, timer);
    // Secret mounts or nothing: never a fallback to build arguments.
    const unsupported = secretMountsUnsupported(builder);
    if (unsupported !== undefined)
        throw new errors/* EnvironmentError */.eG(unsupported, buildx_args_SECRETS_FIX);
    const { requirements, constraints, files } = (0,build_materials/* configRequirements */.T6)(config, baseDir, deps.env);
    const materials = (0,build_materials/* buildMaterials */.Nh)(input.configFile, baseDir, files);
    const work = (0,temp/* runTempDir */.jI)('ml-image-build-');
    const unregister = (0,cleanup/* registerCleanup */.qE)(() => (0,external_node_fs_.rmSync)(work, { recursive: true, force: true }));
    let given;
    try {
        given = (0,input_secrets/* inputSecrets */.Sc)(input.options, config, deps.env, external_node_path_default().join(work, 'input-secrets'));
    }
    catch (e) {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        unregister();
        throw e;
    }
    const untrusted = writeScopeOf(deps.env, deps.event ?? {});
    if (untrusted)
        deps.progress(`${untrusted.otherRef ? untrusted.why : `${(0,pull_request_code/* untrustedReason */.lw)(deps.env)}: it ${untrusted.why}`}, so it writes no cache the default branch reads (the docker driver pushes by ${scopedBuildTagPrefix(untrusted.pushScope)}* tags)`);
    const ctx = {
        docker: deps.docker,
        progress: logs.progress,
        ...(deps.output && { output: logs.output }),
        sleep: deps.sleep ?? promises_.setTimeout,
        now: deps.now ?? Date.now,
        repository: plan.repository,
        push: input.push,
        build: config.build,
        builder,
        ...(0,context/* engineOf */.ky)(deps.env),
        cache: cacheKind(config, deps.env),
        ...(untrusted && { untrusted }),
        context: external_node_path_default().resolve(baseDir, config.build.context),
        work,
        requirements,
        constraints,
        ...(input.resolved && { resolved: input.resolved }),
        indexes,
        secretEnv,
        // Every line of build output is shown with URL userinfo masked and secret values replaced.
        mask: (0,python_indexes/* outputMasker */.pN)({ ...secretEnv, ...given.values }, indexes, plan.variants.flatMap((v) => v.torch?.indexUrl ?? [])),
        notesShown: new Set(),
        warning: deps.warning,
        group: deps.group ?? ((_n, fn) => fn()),
        ...(input.options && { options: input.options }),
        valueSecretFiles: given.files,
        ...(skipGitInfo(input, deps.env) && { buildxEnv: { BUILDX_GIT_INFO: 'false' } }),
    };
    try {
        const results = [];
        for (const [i, v] of variants.entries()) {
            const [baseDigest, baseHeld] = [bases[i]?.digest, bases[i]?.localId];
            const run = { ctx, baseDigest, baseHeld, sourceDate, timer, builtTarget: deps.builtTarget, logs };
            // A failed build forgets the builder's facts: the next run asks buildx again.
            const built = await buildVariant(input, v, run).catch((e) => {
                forgetBuilder(deps.docker, input.options?.builder, factsCache(input, deps));
                throw e;
            });
            results.push((0,build_materials/* withConstraintsDigests */.o9)(built, input.resolved));
        }
        timer.done();
        return { schemaVersion: result/* BUILD_RESULT_SCHEMA_VERSION */.ef, variants: results, materials };
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        unregister();
    }
}

// EXTERNAL MODULE: ./src/config/referenced-files.ts
var referenced_files = __webpack_require__(96845);
// EXTERNAL MODULE: ./src/docker/exec-runner.ts
var exec_runner = __webpack_require__(45206);
// EXTERNAL MODULE: ./src/docker/host-lookup.ts
var host_lookup = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/plan/catalog.ts + 2 modules
var catalog = __webpack_require__(9668);
// EXTERNAL MODULE: ./src/plan/plan.ts + 4 modules
var plan_plan = __webpack_require__(95842);
// EXTERNAL MODULE: ./src/report/stage.ts + 10 modules
var stage = __webpack_require__(13086);
// EXTERNAL MODULE: ./src/resolve/snapshot-cache.ts
var snapshot_cache = __webpack_require__(42405);
// EXTERNAL MODULE: ./src/resolve/stage.ts
var resolve_stage = __webpack_require__(50810);
// EXTERNAL MODULE: ./src/smoke/gpu-identity.ts
var gpu_identity = __webpack_require__(67642);
// EXTERNAL MODULE: ./src/capture/capture.ts
var capture = __webpack_require__(96912);
// EXTERNAL MODULE: ./src/python/entry-python.ts
var entry_python = __webpack_require__(57953);
// EXTERNAL MODULE: ./src/capture/record.ts
var capture_record = __webpack_require__(66917);
// EXTERNAL MODULE: ./src/util/images-dir.ts
var images_dir = __webpack_require__(29882);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/smoke/scripts-key.ts
// What the smoke reuse key says of the tool: its version and the in-container scripts that made the
// result (the probe that writes env.json, the smoke script, the redaction rules both apply). A
// result made by other scripts (an older probe's record: no apt source packages, say) is then never
// reused as this tool's, although the version string did not move.




/** The files under IMAGES_DIR/probe whose bytes the key covers. */
const KEYED_SCRIPTS = [images_dir/* PROBE_SCRIPT */.JW, images_dir/* SMOKE_SCRIPT */.IB, 'redaction-rules.json'];
const memo = new Map();
/** `VERSION scripts:<sha256>` for IMAGES_DIR (read once per process); a missing file counts as such. */
function toolKey(imagesDir) {
    let key = memo.get(imagesDir);
    if (key === undefined) {
        const h = (0,external_node_crypto_.createHash)('sha256');
        for (const f of KEYED_SCRIPTS) {
            let bytes;
            try {
                bytes = (0,external_node_fs_.readFileSync)((0,images_dir/* probeFile */.pr)(imagesDir, f));
            }
            catch {
                bytes = '(missing)';
            }
            h.update(`${f}\0${bytes.length}\0`).update(bytes);
        }
        key = `${version/* VERSION */.x} scripts:${h.digest('hex')}`;
        memo.set(imagesDir, key);
    }
    return key;
}

// EXTERNAL MODULE: ./src/smoke/config-inputs.ts
var config_inputs = __webpack_require__(46985);
// EXTERNAL MODULE: ./src/smoke/gpu-pin.ts
var gpu_pin = __webpack_require__(52013);
// EXTERNAL MODULE: ./src/smoke/interrupt.ts
var interrupt = __webpack_require__(16102);
;// CONCATENATED MODULE: ./src/smoke/local-image.ts


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
        if (e instanceof errors/* EnvironmentError */.eG || (0,interrupt/* isDaemonGone */.W$)(e))
            throw e;
        throw new errors/* EnvironmentError */.eG(`the local image ${tag} (${platform}) that the build recorded as ${digest} cannot be inspected: ${(0,interrupt/* firstLine */.TM)((0,interrupt/* errorMessage */.gJ)(e))}`, `check the engine with "docker image inspect ${tag}"; then run the build and smoke again`, { cause: e });
    }
    if (details === undefined)
        throw new errors/* EnvironmentError */.eG(`the local image ${tag} (${platform}) that the build recorded as ${digest} is gone from the engine: it was removed or pruned after the build; the smoke stage does not pull the tag in its place`, GONE_FIX);
    if (isRecordedImage(details, recorded))
        return details.id;
    throw new errors/* EnvironmentError */.eG(`the local tag ${tag} no longer names the image this build made: the build recorded ${digest}, the tag now names ${details.id}${details.repoDigests.length > 0 ? ` (${details.repoDigests.join(', ')})` : ''}; the smoke stage does not test another image in its place`, RETAGGED_FIX);
}

// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results = __webpack_require__(98510);
;// CONCATENATED MODULE: ./src/smoke/reuse.ts
// Smoke reuse: when the capture and the suites of an identical earlier run may stand for this run's.
//
// The key file (smoke-key-<variant>-<arch>.txt, src/results) holds one line per identity of the
// image, each followed by the digest of every smoke input:
//
//   sha256:<manifest digest> <inputs sha256>             the pushed bits (every version writes it)
//   content:sha256:<content digest> <inputs sha256>      what the image IS (since 0.x: this line)
//
// The content digest covers what a container of the image runs: the layers (their diff IDs: the
// uncompressed tar digests), the platform and the whole runtime config (user, env, entrypoint,
// cmd, workdir, ports, volumes, healthcheck, stop signal, labels), and leaves out what only says
// when or from which commit it was built: the `created` times, the history, and the created and
// revision labels (unless a custom metadata test checks labels: then every label counts). So a
// rebuild that yields new manifest bits from identical layers (a config with another `created`)
// still reuses the results; any change in a layer, the config, the smoke config, the runner's GPU
// mode, its GPU models or driver (gpu-identity.ts: the host's nvidia-smi; part of the inputs
// digest) or the suites does not. A key file of an older version (the manifest line alone) still
// matches by manifest digest. The inputs digest of a version before the GPU models were in it never
// matches: the suites run again, and the note says that the earlier results do not name their GPUs
// (their smoke result has no gpuDevices). Results whose GPUs could not be identified (or were not
// looked up: the action's) are never reused.




const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** The prefix of a content identity in a key line. */
const CONTENT_PREFIX = 'content:';
/** Labels that say when and from which commit an image was built, not what it runs. */
const VOLATILE_LABELS = [
    'org.opencontainers.image.created',
    'org.opencontainers.image.revision',
    'org.label-schema.build-date',
    'org.label-schema.vcs-ref',
];
/** JSON with object keys sorted, so that key order in the registry's JSON never matters. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object')
        return `{${Object.keys(value)
            .sort()
            .filter((k) => value[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
            .join(',')}}`;
    return JSON.stringify(value);
}
/**
 * The content identity of an image config: "content:sha256:<hex>" over the layers, the platform
 * and the runtime config, without the build time, the history or the volatile labels (which count
 * when `keepAllLabels`: a custom metadata test checks labels).
 */
function contentId(blob, keepAllLabels = false) {
    const labels = { ...(blob.config?.Labels ?? {}) };
    if (!keepAllLabels)
        for (const l of VOLATILE_LABELS)
            delete labels[l];
    const content = {
        os: blob.os ?? null,
        architecture: blob.architecture ?? null,
        variant: blob.variant ?? null,
        osVersion: blob['os.version'] ?? null,
        osFeatures: blob['os.features'] ?? null,
        config: { ...(blob.config ?? {}), Labels: labels },
        rootfs: { type: blob.rootfs?.type ?? null, diffIds: blob.rootfs?.diff_ids ?? null },
    };
    return `${CONTENT_PREFIX}sha256:${sha256(canonical(content))}`;
}
/** Whether a custom metadata test checks labels (then every label is part of the content). */
const testsCheckLabels = (config) => (config.smoke.tests ?? []).some((t) => t.metadata?.labels !== undefined);
/**
 * The config blob of a pushed single-platform image (`repo@sha256:...`), from the registry
 * (`docker buildx imagetools inspect --format '{{json .Image}}'`, with the engine's credentials);
 * for a manifest list, the platform's. Undefined when the registry does not tell.
 */
async function fetchImageConfig(docker, ref, platform) {
    const r = await docker.buildx(['imagetools', 'inspect', ref, '--format', '{{json .Image}}']);
    if (r.exitCode !== 0)
        return undefined;
    const parsed = JSON.parse(r.stdout);
    const blob = 'rootfs' in parsed ? parsed : parsed[platform];
    return blob?.rootfs?.diff_ids ? blob : undefined;
}
/** The key lines of a target: its manifest line, and its content line when the content is known. */
const keyLines = (manifestKey, content) => content === undefined ? manifestKey : `${manifestKey}\n${content} ${manifestKey.split(' ')[1]}`;
/** What an earlier key file says: the manifest line and the content line (when it has one). */
function parseKeyFile(text) {
    const lines = text.split('\n').map((l) => l.trim());
    const content = lines.find((l) => l.startsWith(CONTENT_PREFIX));
    const manifest = lines.find((l) => l !== '' && !l.startsWith(CONTENT_PREFIX));
    return { ...(manifest && { manifest }), ...(content && { content }) };
}
/** How this run's target compares with the earlier one: 'manifest', 'content', or why not. */
function compareKeys(earlier, manifestKey, content) {
    const inputs = manifestKey.split(' ')[1];
    if (earlier.manifest === manifestKey)
        return 'manifest';
    const contentKey = content === undefined ? undefined : `${content} ${inputs}`;
    if (contentKey !== undefined && earlier.content === contentKey)
        return 'content';
    const earlierInputs = (earlier.manifest ?? earlier.content)?.split(' ')[1];
    const sameImage = earlier.manifest?.split(' ')[0] === manifestKey.split(' ')[0] ||
        (content !== undefined && earlier.content?.split(' ')[0] === content);
    if (sameImage && earlierInputs !== inputs)
        return 'the smoke inputs changed';
    return 'the image changed';
}
/**
 * Why results measured with the EARLIER GPUs do not stand for a run with NOW's (the models and the
 * driver, or "none"); undefined when they are the same GPUs.
 */
function gpusChanged(earlier, now) {
    if (earlier === undefined)
        return 'the earlier results do not say which GPUs they ran on: an older version wrote them';
    if (earlier === gpu_identity/* UNKNOWN_GPUS */.lu)
        return `the earlier run did not identify its GPUs (now: ${now}): the action, or a host whose GPUs could not be looked up, wrote them`;
    if (earlier !== now)
        return `the GPUs changed (earlier: ${earlier}; now: ${now})`;
    return undefined;
}
/** The earlier run's directory (the baseline store's), only read. */
const earlierRun = (dir) => (0,results/* openResultDir */.lR)(dir, 'the earlier run', { create: false });
/** The earlier run's record and result in `dir`, or why they cannot be used. */
function earlierEntry(dir, variant, platform, image) {
    try {
        const earlier = earlierRun(dir);
        const record = earlier.readEnv(variant, platform);
        const result = earlier.readSmoke(variant, platform);
        if (!record || !result)
            return 'the earlier results are incomplete';
        return { variant, platform, image, record, result };
    }
    catch (e) {
        return `the earlier results are unreadable (${e.message.split('\n')[0]})`;
    }
}
/**
 * The config digest (the engine's image id) of the platform manifest DIGEST of IMAGE's repository,
 * from the registry (the manifest's raw bytes); undefined when the registry does not tell.
 */
async function configDigestOf(docker, image, digest) {
    const r = await docker.buildx(['imagetools', 'inspect', `${image.split('@')[0]}@${digest}`, '--raw']);
    if (r.exitCode !== 0)
        return undefined;
    try {
        const id = JSON.parse(r.stdout).config?.digest;
        return typeof id === 'string' && id.startsWith('sha256:') ? id : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The earlier entry, made to describe this run's image: same content, but the reference (also of
 * the smoke result), the manifest digest, the image id (CONFIG digest), the labels and the
 * creation time are this build's. The size, the layer count and the history stay the earlier
 * record's: the content key covers the layers' diff ids, so both images have the same layers (the
 * same uncompressed bytes, hence size and count); their histories differ only in timestamps.
 */
function asThisImage(entry, image, digest, blob, config) {
    const labels = blob.config?.Labels ?? {};
    const created = blob.created ?? labels['org.opencontainers.image.created'] ?? entry.record.image.created;
    return {
        ...entry,
        image,
        result: { ...entry.result, image },
        record: {
            ...entry.record,
            image: {
                ...entry.record.image,
                ref: image,
                ...(config !== undefined && { id: config }),
                ...(entry.record.image.digest != null && { digest }),
                // Masked by key as capture masks them: the record never holds a secret-named label's value.
                labels: (0,redact/* redactLabels */.PU)(labels),
                created: created ?? null,
            },
        },
    };
}
/** The earlier key file of a target in `dir`, parsed; undefined when there is none. */
function earlierKeys(dir, variant, platform) {
    const text = earlierRun(dir).readSmokeKey(variant, platform);
    return text === undefined ? undefined : parseKeyFile(text);
}
/** The content identity of a pushed target (a registry read), or undefined when it cannot tell. */
async function contentOf(t, deps) {
    if (t.local)
        return undefined;
    const blob = await fetchImageConfig(deps.docker, t.image, t.platform).catch(() => undefined);
    return blob && { blob, id: contentId(blob, testsCheckLabels(deps.config)) };
}
/**
 * Whether an identical earlier run's capture and suites stand for this target's: by manifest
 * digest (no registry read: the content line is carried over), else by content. The progress line
 * says which way, or why the suites run.
 */
async function reuseOf(t, deps) {
    const dir = await deps.lookup(t.variant);
    let earlier;
    let unreadable;
    try {
        earlier = dir === undefined ? undefined : earlierKeys(dir, t.variant, t.platform);
    }
    catch (e) {
        // A key file that cannot be read is no earlier result: the suites run (the note says why).
        unreadable = `the earlier reuse key is unreadable (${e.message.split('\n')[0]})`;
    }
    const carried = earlier?.manifest === t.key ? earlier.content?.split(' ')[0] : undefined;
    const content = carried === undefined ? await contentOf(t, deps) : undefined;
    const id = carried ?? content?.id;
    const keyFile = keyLines(t.key, id);
    const run = (why) => {
        deps.progress(`${t.id}: running the suites (${why})`);
        return { keyFile };
    };
    if (dir === undefined)
        return run('no earlier run');
    if (unreadable !== undefined)
        return run(unreadable);
    if (earlier === undefined)
        return run('no earlier result for this platform');
    if ('unknown' in t.gpus)
        return run(`this runner's GPUs could not be identified: ${t.gpus.unknown}`);
    const how = compareKeys(earlier, t.key, id);
    const found = earlierEntry(dir, t.variant, t.platform, t.image);
    if (how === 'the smoke inputs changed' && typeof found !== 'string')
        return run(gpusChanged(found.result.gpuDevices, t.gpus.devices) ?? how);
    if (how !== 'manifest' && how !== 'content')
        return run(how);
    if (typeof found === 'string')
        return run(found);
    if (how === 'manifest') {
        deps.progress(`${t.id}: reused the results of an identical earlier run (same image digest and smoke inputs)`);
        return { entry: found, keyFile };
    }
    deps.progress(`${t.id}: reused the results of an identical earlier run (same image content and smoke inputs; new manifest ${t.digest.slice(0, 19)})`);
    // The registry answered a moment ago; should it not now, the id stays the earlier (same layers).
    const config = await configDigestOf(deps.docker, t.image, t.digest).catch(() => undefined);
    return { entry: asThisImage(found, t.image, t.digest, content.blob, config), keyFile };
}

// EXTERNAL MODULE: ./src/smoke/run.ts + 5 modules
var run = __webpack_require__(91018);
// EXTERNAL MODULE: ./src/smoke/output.ts
var output = __webpack_require__(71800);
// EXTERNAL MODULE: ./src/smoke/target-gpus.ts
var target_gpus = __webpack_require__(29094);
;// CONCATENATED MODULE: ./src/smoke/stage.ts
// The smoke stage: for each built variant and platform, capture the environment record and run the
// smoke suites in the image, write env/smoke/junit files (src/results), and annotate failures.















/**
 * What decides a smoke result: the image (by digest) and every input of the suites. Equal keys
 * mean the same tests of the same bits on the same kind of runner, so a result may be reused.
 */
function smokeKey(digest, inputs) {
    return `${digest} ${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(inputs)).digest('hex')}`;
}
/**
 * The image's name in the record (image.ref) and the smoke result: the platform's own manifest by
 * digest when the build pushed it (also when it loaded it: the attest stage signs that digest and
 * takes only results of it), else the local tag. What the containers run is Prepared.runImage.
 */
function imageUnderTest(v, p) {
    return (0,result/* isPushed */.Yx)(p) || p.localRef === undefined ? `${v.repository}@${p.digest}` : p.localRef;
}
async function runSmokeStage(input, io) {
    const docker = io.docker();
    const env = input.env ?? process.env;
    const { gpus, pin } = await (0,run/* resolveGpuChoice */.KI)(input.gpus, docker, env);
    const ctx = {
        input,
        io,
        config: input.loaded.config,
        docker,
        gpus,
        pin,
        host: (0,target_gpus/* hostPlatformOnce */.H7)(docker),
        ...(0,config_inputs/* configSmokeInputs */.P)(input.loaded, env),
    };
    const entries = [];
    const errors = [];
    const planned = targets(ctx);
    // The result directory outlives a run: a target that cannot be tested this time must not leave
    // an earlier image's record and results there (the report and the attest stage read them).
    for (const t of planned)
        input.results.removeRecords(t.v.variant, t.p.platform);
    for (const target of planned) {
        const r = await smokeTarget(ctx, await prepare(ctx, target));
        if (typeof r === 'string')
            errors.push(r);
        else
            entries.push(r);
    }
    return { entries, errors };
}
/** Every built platform of every planned variant (a smoke job of a matrix gets the whole build.json;
 * its variants/platforms inputs pick its share). */
function targets(ctx) {
    return ctx.input.build.variants.flatMap((v) => {
        const planned = ctx.input.plan.variants.find((p) => p.name === v.variant);
        if (!planned)
            return [];
        return v.platforms
            .filter((x) => planned.platforms.includes(x.platform))
            .map((p) => ({ v, p, planned, id: `${v.variant} ${p.platform}`, image: imageUnderTest(v, p) }));
    });
}
/**
 * The key of a target covers every input of the suites and the GPUs they run with (gpusOf). The
 * image a local build's tag names is checked once, before its first container (verifiedLocalImage):
 * a run never tests another image than the one built. A target also pushed runs that local image
 * too (no pull), named by its digest.
 */
async function prepare(ctx, t) {
    const { config } = ctx;
    const { p } = t;
    let checked;
    const runImage = () => (checked ??=
        p.localRef === undefined
            ? Promise.resolve(t.image)
            : verifiedLocalImage(ctx.docker, p.localRef, p.platform, p));
    const run = await (0,target_gpus/* gpusOfTarget */.oM)((0,target_gpus/* gpuKindOf */.c4)(t.planned), p.platform, {
        ...ctx,
        requireGpu: config.smoke.requireGpu,
    });
    const gpus = await gpusOf(ctx, run.gpus);
    const key = smokeKey(p.digest, {
        platform: p.platform,
        suites: config.smoke.suites,
        requireGpu: config.smoke.requireGpu,
        tests: config.smoke.tests,
        network: config.smoke.network,
        timeoutSeconds: config.smoke.timeoutSeconds,
        distributions: ctx.distributionsFor(p.platform, t.planned.python),
        baseline: ctx.baseline,
        gpus: run.gpus,
        gpuWithheld: run.withheld ?? null,
        gpuDevices: (0,gpu_identity/* devicesKey */.$8)(gpus),
        driverFloor: t.planned.cuda?.minorCompatDriverMin ?? null,
        tool: toolKey(ctx.input.imagesDir),
    });
    return { ...t, key, run, gpus, runImage };
}
/**
 * The GPUs the reuse key covers: "none" for a target without GPUs; with GPUs, the host's (io.hostGpus:
 * nvidia-smi on the engine's host), looked up once per stage and only when results may be reused
 * (input.reuse: `ml-image run`). The action never reuses: its GPUs are not looked up (unknown).
 */
function gpusOf(ctx, gpus) {
    if (gpus === 'none')
        return Promise.resolve(gpu_identity/* CPU_ONLY */.Ad);
    if (!ctx.input.reuse)
        return Promise.resolve(gpu_identity/* NOT_LOOKED_UP */.nk);
    return (ctx.devices ??= (0,target_gpus/* lookUpGpus */.G8)(ctx.io, ctx.pin));
}
/** One target: its entry, or the line saying why it could not run (also annotated). */
async function smokeTarget(ctx, t) {
    const { io, input } = ctx;
    const { v, p, id } = t;
    const t0 = Date.now();
    const reuse = await reuseOutcome(ctx, t)?.catch((e) => {
        if (e instanceof errors/* EnvironmentError */.eG)
            throw e;
        // Reuse is a shortcut: an earlier result that cannot be read is no earlier result.
        io.progress('smoke', `${id}: running the suites (the earlier results are unreadable: ${String(e?.message ?? e).split('\n')[0]})`);
        return undefined;
    });
    const reused = reuse?.entry;
    const group = io.group ?? ((_n, fn) => fn());
    let entry;
    try {
        entry = reused
            ? (0,output/* knownSecretsMasked */.kx)(reused, ctx.secretValues)
            : stamped(ctx, await group(`smoke ${id}`, () => captureAndTest(ctx, t)));
    }
    catch (e) {
        // One target that cannot be captured or tested must not cost the others their results
        // or the pull request its report; the stage fails at the end. No daemon: stop now.
        if (e instanceof errors/* EnvironmentError */.eG)
            throw e;
        const message = (0,errors/* describeError */.Uc)(e, false).replace(/^error: /, '');
        io.error(message, { title: `ml-image smoke ${id}` });
        return `${id}: ${message.split('\n')[0]}`;
    }
    // The reuse key goes last: only a complete set of results is ever reused.
    if (reused)
        input.results.writeEnv(v.variant, p.platform, entry.record, `smoke ${id}`);
    input.results.writeSmoke(v.variant, p.platform, entry.result, `smoke ${id}`);
    input.results.writeSmokeKey(v.variant, p.platform, reuse?.keyFile ?? t.key, `smoke ${id}`);
    const s = entry.result.summary;
    io.progress('smoke', `${id}: ${s.pass} passed, ${s.fail} failed, ${s.skip} skipped in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    for (const a of (0,output/* failureAnnotations */.rb)(id, entry.result))
        io.error(a.message, { title: a.title });
    const skippedGpu = entry.result.tests.filter((x) => x.status === 'skip' && x.suite === 'gpu');
    if (t.planned.kind === 'cuda' && skippedGpu.length > 0 && t.run.gpus === 'none')
        io.warning(`${id}: GPU suites skipped: ${skippedGpu[0].reason ?? 'no GPU'}`, {
            title: `ml-image smoke ${id}`,
        });
    return entry;
}
/**
 * A new result with when and where its suites ran; a reused one keeps its own (the earlier run's
 * time and runner), so that the smoke attestation names the run that tested the image.
 */
function stamped(ctx, entry) {
    return { ...entry, result: stampedResult(ctx.input, entry.result) };
}
/** RESULT with when its suites ended and on which runner (none named off a GitHub runner). */
function stampedResult(input, result) {
    const { runner, now } = input;
    const finishedAt = (now?.() ?? new Date()).toISOString();
    const hasRunner = runner !== undefined && Object.keys(runner).length > 0;
    return { ...result, finishedAt, ...(hasRunner && { runner: { ...runner } }) };
}
/** Reuse (src/smoke/reuse.ts), when on: the earlier run's entry when it matches, and the key file. */
function reuseOutcome(ctx, t) {
    const lookup = ctx.input.reuse;
    if (!lookup)
        return undefined;
    return reuseOf({
        variant: t.v.variant,
        platform: t.p.platform,
        id: t.id,
        image: t.image,
        digest: t.p.digest,
        local: !(0,result/* isPushed */.Yx)(t.p),
        key: t.key,
        gpus: t.gpus,
    }, { lookup, docker: ctx.docker, config: ctx.config, progress: (l) => ctx.io.progress('smoke', l) });
}
/**
 * Capture, then the suites. Each file is written as soon as what it holds is known (the record
 * right after capture, the results when the suites end, also when they end early), atomically, so
 * that a later failure loses nothing already measured and no half-written JSON is left to trust.
 */
async function captureAndTest(ctx, t) {
    const { io, input, config, docker, pin } = ctx;
    const { v, p, id, image } = t;
    const { gpus, withheld } = t.run;
    const runImage = await t.runImage();
    io.progress('smoke', `${id}: capture ${image}${runImage !== image ? ` (image ${runImage})` : ''}`);
    // The record and capture's messages name the image by its tag; its id is the image ID that ran.
    // On a GPU run the probe gets the GPUs the gpu suite gets: the record (and the smoke attestation
    // made from it) names the GPUs and driver the tests ran on.
    const captured = await (0,capture/* captureImage */.O$)({
        image: runImage,
        name: image,
        platform: p.platform,
        imagesDir: input.imagesDir,
        variant: v.variant,
        ...(gpus === 'all' && { gpus: (0,gpu_pin/* containerGpus */.j_)(pin) }),
    }, { docker });
    // The run's own secret values masked in it (a reused entry too), whatever their names.
    const record = (0,output/* knownSecretsMasked */.kx)(captured, ctx.secretValues);
    input.results.writeEnv(v.variant, p.platform, record, `smoke ${id}`);
    const incomplete = (0,capture_record/* packageListProblem */.o8)(record);
    if (incomplete !== undefined)
        io.warning(`${id}: ${incomplete}`, { title: 'ml-image capture' });
    // Once, before the suites: they run the same python3 on PATH the record describes.
    const otherPython = (0,entry_python/* entryPythonProblem */.Q3)(record);
    if (otherPython !== undefined)
        io.warning(`${id}: ${otherPython} (the smoke suites run that python3 too)`, { title: 'ml-image smoke' });
    io.progress('smoke', `${id}: recorded ${record.python.packages.length} pip + ${record.apt.length} apt packages; suites ${config.smoke.suites.join(', ')} (${withheld ? `no GPU: ${withheld}` : (0,gpu_pin/* gpusLine */.i8)(gpus, pin)})`);
    const result = await (0,run/* runSmoke */.Lw)({
        image,
        ...(runImage !== image && { runImage }),
        platform: p.platform,
        suites: config.smoke.suites,
        gpus,
        ...(withheld !== undefined && { gpuWithheld: withheld }),
        ...(pin !== undefined && { pin }),
        network: config.smoke.network,
        requireGpu: config.smoke.requireGpu,
        distributions: ctx.distributionsFor(p.platform, t.planned.python),
        tests: config.smoke.tests,
        ...(t.planned.cuda && { driverFloor: t.planned.cuda.minorCompatDriverMin }),
        timeoutMs: config.smoke.timeoutSeconds * 1000,
        imagesDir: input.imagesDir,
        baseline: ctx.baseline,
        entryPythonChecked: true,
        secretValues: ctx.secretValues,
    }, {
        docker,
        progress: (l) => io.progress('smoke', `${id}: ${l.replace(/^smoke /, '')}`),
        ...(io.output && { output: (chunk, test) => (0,output/* testLines */.eq)(chunk, test, io.output) }),
    }).catch((e) => {
        // The daemon went away mid-run: keep the tests that finished (no reuse key: the
        // results are incomplete), then end the stage with the environment error.
        if (e instanceof run/* SmokeInterruptedError */.Yi) {
            // Stamped as a finished one is: a later attest job names where and when these ran.
            const partial = { ...e.partial, gpuDevices: (0,gpu_identity/* devicesKey */.$8)(t.gpus) };
            input.results.writeSmoke(v.variant, p.platform, stampedResult(input, partial), `smoke ${id}`);
            const s = e.partial.summary;
            io.progress('smoke', `${id}: stopped after ${e.partial.tests.length} test(s) (${s.pass} passed, ${s.fail} failed, ${s.skip} skipped); their results are written`);
        }
        throw e;
    });
    return {
        variant: v.variant,
        platform: p.platform,
        image,
        record,
        result: { ...result, gpuDevices: (0,gpu_identity/* devicesKey */.$8)(t.gpus) },
    };
}

// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
// EXTERNAL MODULE: ./src/github/run.ts
var github_run = __webpack_require__(31738);
// EXTERNAL MODULE: ./src/pipeline/attest.ts + 5 modules
var pipeline_attest = __webpack_require__(56992);
// EXTERNAL MODULE: ./src/pipeline/door-checks.ts
var door_checks = __webpack_require__(56032);
// EXTERNAL MODULE: ./src/attest/verify-inputs.ts + 2 modules
var verify_inputs = __webpack_require__(19171);
;// CONCATENATED MODULE: ./src/pipeline/keep-out.ts
// What the build keeps out of its context though it may sit inside it (src/build/context-ignore.ts
// writes the ignore file): this run's records and this tool's own files (the reusable workflows
// check the action out into the workspace), its cache directory (an actions/cache folder such as
// .cache/ml-image, or a relative ML_IMAGE_CACHE_DIR: a builder-facts file there changes every run,
// and so would the image's digest), and the files the run reads that may hold a secret:
// the config (an index URL's login is written there), the signing key file, the action's
// secret-files and the `ssh` input's key files, and the credential files the job's environment
// names (credentialFilesNamed). The templates' `COPY . /app` would otherwise push them with the
// image. Also where `outputs` exports each target: in the context, one target's export would be
// copied into the next target's image (and change its digest on every run).
// Pure: whether a file exists is asked of the caller.



/**
 * Variables that name a file or directory of credentials, as the tools that write them set them for
 * the rest of a job. google-github-actions/auth writes its gha-creds-*.json (a service account's key
 * with `credentials_json`) into the workspace itself and sets the first three.
 */
const CREDENTIAL_PATH_VARIABLES = [
    'GOOGLE_APPLICATION_CREDENTIALS',
    'GOOGLE_GHA_CREDS_PATH',
    'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
    'CLOUDSDK_CONFIG', // gcloud's directory: its credential and access-token databases
    'BOTO_CONFIG', // gsutil's keys
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_CONFIG_FILE', // may hold keys too
    'AWS_WEB_IDENTITY_TOKEN_FILE', // an OIDC token
    'AZURE_FEDERATED_TOKEN_FILE', // an OIDC token
    'AZURE_CLIENT_CERTIFICATE_PATH',
    'AZURE_CONFIG_DIR', // the Azure CLI's token cache
    'KUBECONFIG', // ":"-separated files: tokens, client keys
    'KUBE_CONFIG_PATH',
    'DOCKER_CONFIG', // docker/login-action's registry logins (config.json)
    'DOCKER_CERT_PATH',
    'REGISTRY_AUTH_FILE', // podman's, skopeo's and buildah's registry logins
    'NETRC', // also where wandb keeps its API key
    'PIP_CONFIG_FILE', // an index URL's login
    'PIP_CLIENT_CERT',
    'NPM_CONFIG_USERCONFIG', // a registry token
    'POETRY_CONFIG_DIR', // its auth.toml
    'GH_CONFIG_DIR', // the GitHub CLI's hosts.yml
    'XDG_CONFIG_HOME', // gh's hosts.yml, git's credentials file, and others
    'GNUPGHOME', // private keys
    'TF_CLI_CONFIG_FILE', // Terraform's registry tokens
    'KAGGLE_CONFIG_DIR', // kaggle.json, the Kaggle API key
    'DATABRICKS_CONFIG_FILE',
    'HF_TOKEN_PATH', // the Hugging Face token (below: its default place, under HF_HOME)
    // This run's own work files: the build's secret mounts (pip.conf, netrc, build.secrets) are
    // written under it first. A TMPDIR in the workspace (for a bigger disk) would put them in the image.
    'TMPDIR',
];
/**
 * VALUE as a path: `~` and `$NAME` / `${NAME}` expanded from ENV (as huggingface_hub reads HF_HOME;
 * a workflow's `env:` does not expand them, so the literal text reaches the tool), then resolved
 * against CWD. An unknown variable is left as it is.
 */
function pathOf(value, env, cwd) {
    const expanded = value
        .replace(/^~(?=\/|$)/, (tilde) => env.HOME ?? tilde)
        .replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (m, a, b) => env[(a ?? b)] ?? m);
    return external_node_path_default().resolve(cwd, expanded);
}
/**
 * The existing credential files and directories ENV names, relative values read against CWD. The
 * Hugging Face token is where huggingface_hub keeps it: HF_TOKEN_PATH, else HF_HOME/token (HF_HOME
 * defaults to XDG_CACHE_HOME/huggingface), with stored_tokens beside it. A workflow that keeps
 * HF_HOME in the workspace for actions/cache (`HF_HOME: .cache/huggingface`) has them there.
 */
function credentialFilesNamed(env, exists, cwd) {
    const at = (v) => (v ? pathOf(v, env, cwd) : '');
    const named = CREDENTIAL_PATH_VARIABLES.flatMap((name) => name === 'KUBECONFIG' ? (env[name] ?? '').split(':').map(at) : [at(env[name])]);
    const hfHome = at(env.HF_HOME) || (env.XDG_CACHE_HOME ? external_node_path_default().join(at(env.XDG_CACHE_HOME), 'huggingface') : '');
    const hfToken = at(env.HF_TOKEN_PATH) || (hfHome ? external_node_path_default().join(hfHome, 'token') : '');
    const hf = hfToken ? [hfToken, external_node_path_default().join(external_node_path_default().dirname(hfToken), 'stored_tokens')] : [];
    return [...new Set([...named, ...hf].filter((p) => p !== ''))].filter((p) => exists(p));
}
/**
 * The key files of the `ssh` input: the path of each ID=PATH item (absolute:
 * src/build/action-inputs.ts), `default=PATH` too: BuildKit takes a path that is no socket as a key
 * file whatever its ID. Keeping an agent's socket out of the context changes nothing.
 */
function sshKeyFiles(ssh) {
    return ssh.flatMap((item) => {
        const eq = item.indexOf('=');
        return eq < 0 ? [] : [item.slice(eq + 1)];
    });
}
/** The absolute paths the build keeps out of its context (those inside it). */
function keep_out_contextKeepOut(input) {
    const { loaded } = input;
    const key = loaded.config.attest.key;
    return [
        ...(input.resultDir !== undefined ? [input.resultDir] : []),
        external_node_path_default().dirname(input.imagesDir),
        input.cacheDir,
        ...(loaded.file !== undefined ? [loaded.file] : []),
        // A key file, not a KMS or PKCS#11 reference (cosign reads those elsewhere).
        ...(key !== undefined && !(0,verify_inputs/* isKeyReference */.NI)(key) ? [external_node_path_default().resolve(loaded.baseDir, key)] : []),
        ...Object.values(input.buildOptions?.secretFiles ?? {}),
        // A deploy key in the workspace: `COPY . /app` would put it into the image.
        ...sshKeyFiles(input.buildOptions?.ssh ?? []),
        ...outputDests(input.buildOptions?.outputs, input.variants ?? [], input.credentialEnv?.cwd ?? '.'),
        ...(input.credentialEnv
            ? credentialFilesNamed(input.credentialEnv.env, input.credentialEnv.exists, input.credentialEnv.cwd)
            : []),
    ];
}

;// CONCATENATED MODULE: ./src/pipeline/report.ts

/** The report stage; its failure (a size-budget breach) handed back, not thrown. */
function runReport(input, plan, io) {
    return (0,stage/* reportStage */.pz)({
        plan,
        config: input.loaded.config,
        results: input.results,
        configVariants: (0,stage/* configVariantNames */.U3)(input.loaded),
        ...(input.loaded.filePlatforms && { configPlatforms: input.loaded.filePlatforms }),
        git: input.git,
        options: input.report,
    }, io);
}
/** The result of the run each error ended, when it ended after the reports (withResult). */
const failedRuns = new WeakMap();
/** ERR, with RESULT (what the run produced) kept for resultOf. */
function withResult(err, result) {
    failedRuns.set(err, result);
    return err;
}
/** The result withResult kept with ERR; undefined for any other error. */
function resultOf(err) {
    return err instanceof Error ? failedRuns.get(err) : undefined;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/pipeline/merge-materials.ts
// The merged build.json's `materials` (the config and requirements files by digest, which
// provenance names): every build job of the matrix recorded its own in its digest files.


/** What differs between two jobs' materials, in words ("requirements.txt", "ml-image.yml"). */
function differences(a, b) {
    const out = [];
    if (!(0,external_node_util_.isDeepStrictEqual)(a.config, b.config))
        out.push(a.config?.path ?? b.config?.path ?? 'the config');
    const digests = (m) => new Map(m.requirements.map((f) => [f.path, f.sha256]));
    const [da, db] = [digests(a), digests(b)];
    for (const p of new Set([...da.keys(), ...db.keys()]))
        if (da.get(p) !== db.get(p))
            out.push(p);
    // Same files, same digests, another order (an include moved): the requirements differ all the same.
    if (out.length === 0 && !(0,external_node_util_.isDeepStrictEqual)(a, b))
        out.push('the order of the requirements files');
    return out;
}
/**
 * The materials every job recorded, when all are the same. Jobs that read different files (built
 * from different commits: the merged tag would hold images of different requirements) are bad
 * input, naming two such files. A digest file without any (an older version's job): none, said in
 * a note, and the attest stage reads the files as they are then.
 */
function mergedMaterials(files, note) {
    const without = files.find((f) => f.digest.materials === undefined);
    if (without !== undefined) {
        if (files.some((f) => f.digest.materials !== undefined))
            note(`note: ${without.file} records no digests of the config and requirements files (an older version's build job): build.json records none, and provenance names the files as they are when attested`);
        return undefined;
    }
    const [first, ...rest] = files;
    if (first === undefined)
        return undefined;
    for (const f of rest) {
        const differ = differences(first.digest.materials, f.digest.materials);
        if (differ.length > 0)
            throw new errors/* InputError */.dz(`merge-from: ${first.file} and ${f.file} were built from different files (${differ.join(', ')} differ): the merged tag would hold images of different requirements`, 'build every platform from one commit: re-run the whole build matrix');
    }
    return first.digest.materials;
}

;// CONCATENATED MODULE: ./src/pipeline/merge.ts
// The merge job of a matrix build: the digest files every build job wrote -> one multi-arch
// manifest list per variant (src/results reads and checks the files).








/** The digest files of `dir` by variant; a second digest for one platform is bad input. */
function byVariant(dir, files) {
    if (files.length === 0)
        throw new errors/* InputError */.dz(`merge-from ${dir}: no digest files`, "download the build jobs' digests artifacts into it");
    const out = new Map();
    for (const { file, digest } of files) {
        const list = out.get(digest.variant) ?? [];
        if (list.some((x) => x.build.platform === digest.build.platform))
            throw new errors/* InputError */.dz(`${file}: a second digest for ${digest.variant} ${digest.build.platform}`);
        out.set(digest.variant, [...list, digest]);
    }
    return out;
}
/** A missing platform would publish a single-arch image under the release tags: refuse. */
function mergeProblems(plan, have) {
    const problems = [];
    for (const v of plan.variants) {
        const platforms = new Set((have.get(v.name) ?? []).map((x) => x.build.platform));
        const missing = v.platforms.filter((p) => !platforms.has(p));
        if (missing.length)
            problems.push(`${v.name}: no digest for ${missing.join(', ')}`);
    }
    const extra = [...have.keys()].filter((n) => !plan.variants.some((v) => v.name === n));
    if (extra.length)
        problems.push(`digests for variants the plan does not have: ${extra.join(', ')}`);
    return problems;
}
/**
 * The merge job: the digest files of every matrix job -> one multi-arch manifest list per variant,
 * annotated (buildx >= 0.12) with the `index:` annotations given and the variant's OCI labels (title,
 * description, source ...), as a one-job build annotates its list.
 */
async function mergeFromDigestFiles(dir, io, plan, given = []) {
    const files = (0,results/* readDigestFiles */.g7)(dir);
    const found = byVariant(dir, files);
    const problems = plan ? mergeProblems(plan, found) : [];
    if (problems.length)
        throw new errors/* InputError */.dz(`merge-from ${dir}: ${problems.join('; ')}`, 'every build job of the matrix must succeed and upload its digests before the merge');
    const materials = mergedMaterials(files, (l) => io.progress('build', l));
    const docker = io.docker();
    const annotate = (0,versions/* compareVersions */.Z)(await docker.buildxVersion(), '0.12.0') >= 0;
    if (!annotate)
        io.progress('build', 'note: index annotations need buildx >= 0.12.0: left out');
    const variants = [];
    for (const [variant, parts] of found) {
        const first = parts[0];
        const platforms = parts.map((p) => p.build).sort((a, b) => (0,util_text/* compareText */.n6)(a.platform, b.platform));
        const annotations = annotate
            ? indexAnnotations(plan?.variants.find((v) => v.name === variant)?.labels ?? {}, given)
            : [];
        const digest = await mergeVariant({ docker, progress: (l) => io.progress('build', l) }, variant, first.tags, 
        // The indexes the builds pushed, where they did: BuildKit's attestations stay beside each image.
        platforms.map((p) => `${first.repository}@${p.indexDigest ?? p.digest}`), annotations);
        if (annotations.length > 0) {
            const dropped = await annotationsDropped(docker, `${first.repository}@${digest}`, platforms);
            if (dropped)
                io.progress('build', `warning: ${variant}: ${dropped}`);
        }
        variants.push({
            variant,
            repository: first.repository,
            digest,
            tags: first.tags,
            platforms,
            baseImage: first.baseImage,
            ...(first.baseDigest !== undefined && { baseDigest: first.baseDigest }),
        });
    }
    return { schemaVersion: result/* BUILD_RESULT_SCHEMA_VERSION */.ef, variants, ...(materials && { materials }) };
}
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** The media type buildx recorded for a platform image it pushed (its metadata's descriptor). */
function pushedMediaType(p) {
    const descriptor = p.metadata['containerimage.descriptor'];
    const type = typeof descriptor === 'object' && descriptor !== null ? Reflect.get(descriptor, 'mediaType') : undefined;
    return typeof type === 'string' ? type : undefined;
}
/**
 * Why the index annotations asked for are not on the merged list REF, or undefined: buildx makes
 * a Docker manifest list from Docker manifests (the build jobs ran on the docker driver, whose
 * dockerd pushes Docker manifests, or an older version of this tool) and drops the annotations
 * without a word. Platform images buildx recorded as OCI manifests need no look; else the list's
 * media type is read (a list that cannot be read is not judged: the merge itself succeeded).
 */
async function annotationsDropped(docker, ref, platforms) {
    if (platforms.every((p) => pushedMediaType(p) === OCI_MANIFEST))
        return undefined;
    const index = await docker.imagetoolsInspect(ref).catch(() => undefined);
    if (index?.mediaType !== DOCKER_LIST)
        return undefined;
    return `the index annotations were not applied: ${ref} is a Docker manifest list, which carries none, because its platform images were pushed with Docker media types (build jobs on the docker driver); build them with a docker-container builder (docker/setup-buildx-action) to have the list annotated`;
}

;// CONCATENATED MODULE: ./src/pipeline/stages.ts
// The pipeline's stages by name, and a stages flag or input (`run --stages`, the action's `stages`)
// read into a set of them. Pure.


const STAGES = ['plan', 'resolve', 'build', 'smoke', 'attest', 'report'];
const isStage = (n) => STAGES.includes(n);
/**
 * "resolve,build" -> the set; "all" every stage. Unknown names, and a value that names no stage (""
 * or ", ,": an unset variable, which would otherwise run every stage, pushes included), are bad
 * input naming the source and the value (exit 2).
 */
function parseStages(raw, source) {
    const names = raw
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    const bad = names.filter((n) => !isStage(n) && n !== 'all');
    if (bad.length)
        throw new errors/* InputError */.dz(`${source}: unknown stage(s) ${bad.map((n) => `${n}${(0,util_text/* didYouMean */.au)(n, [...STAGES, 'all'])}`).join(', ')}`, `expected some of ${STAGES.join(', ')}, or all`);
    if (names.length === 0)
        throw new errors/* InputError */.dz(`${source}: ${JSON.stringify(raw)} names no stage`, `give some of ${STAGES.join(', ')}, or all`);
    if (names.includes('all'))
        return new Set(STAGES);
    return new Set(names.filter(isStage));
}

;// CONCATENATED MODULE: ./src/pipeline/pipeline.ts
// The whole pipeline, stage by stage: plan -> resolve -> build -> smoke (capture, suites) -> attest -> report.
// The root action, the sub-actions (a subset of stages each) and the CLI's `run` and `build` all call
// this one function; what differs between them (progress lines, annotations, job summary, GitHub,
// where result files go) is passed in.

























/** A smoke job that did not build: the merge job's build.json, downloaded into result-dir. */


const groupOf = (io) => io.group ?? ((_n, fn) => fn());
/** fn, its time reported to io.timing under `stage`. */
async function timed(io, stage, fn) {
    // An interrupted run (SIGINT/SIGTERM, cleaning up) starts no further stage: no push, no comment.
    (0,cleanup/* throwIfInterrupted */.sK)(`the ${stage} stage`);
    const t0 = performance.now();
    try {
        return await fn();
    }
    finally {
        io.timing?.(stage, performance.now() - t0);
    }
}
/** The GPUs of this host, by its nvidia-smi (the pinned DEVICES only, when given). */
const hostGpusHere = (env) => (devices) => (0,gpu_identity/* hostGpuDevices */._x)(new exec_runner/* ActionsExecRunner */.L(), env, devices);
async function runPipeline(opts, io) {
    // A signing setup that cannot work is said before anything is built (the key decrypted meanwhile,
    // unless a signer is given); only when images are pushed: a run that loads them signs nothing.
    const key = opts.stages.has('attest') && opts.push ? (0,pipeline_attest/* prepareSigning */.vU)(opts.loaded, io.env, !io.signer) : undefined;
    const plan = await timed(io, 'plan', () => runPlan(opts, io));
    const resolved = {};
    let build = await resolveAndBuild(opts, io, plan, resolved, key);
    if (build)
        opts.results.writeBuild(build);
    let smoke = [];
    let smokeErrors = [];
    if (opts.stages.has('smoke')) {
        build ??= opts.results.readBuild();
        const b = build;
        ({ entries: smoke, errors: smokeErrors } = await timed(io, 'smoke', () => runSmokeStage({
            plan,
            loaded: opts.loaded,
            build: b,
            results: opts.results,
            gpus: opts.gpus,
            imagesDir: opts.imagesDir,
            ...(opts.reuse && opts.report.baseline && opts.report.saveAs && { reuse: reuseLookup(opts, plan) }),
            runner: (0,github_run/* runnerFromEnv */.W1)(io.env),
            env: io.env,
        }, { ...io, hostGpus: io.hostGpus ?? hostGpusHere(io.env) })));
    }
    const smokeStatus = smokeErrors.length > 0 ? 'fail' : overallStatus(smoke);
    let attest;
    if (opts.stages.has('attest')) {
        const b = (build ??= opts.results.readBuild());
        attest = await timed(io, 'attest', () => runAttestStage(opts, io, { plan, build: b, smoke, resolved }));
    }
    const report = opts.stages.has('report')
        ? await timed(io, 'report', () => runReport(opts, plan, {
            env: io.env,
            progress: (l) => io.progress('report', l),
            warning: io.warning,
            ...(io.summary && { summary: io.summary }),
        }))
        : { outcomes: [], unreported: [] };
    const result = {
        plan,
        ...(build && { build }),
        smoke,
        smokeErrors,
        smokeStatus,
        ...(attest && { attest: attest.result }),
        reports: report.outcomes,
        unreported: report.unreported,
        ...(report.runFile !== undefined && { runFile: report.runFile }),
    };
    // A size-budget breach (exit 1), else a registry that went away while attaching (exit 3): the
    // images are pushed and reported, then the run fails, its result kept for pipelineResultOf.
    const failure = report.failure ?? attest?.error;
    if (failure)
        throw withResult(failure, result);
    return result;
}
/** The attest stage, in a log group of its own: BUILD's images, their smoke records, what was resolved. */
function runAttestStage(opts, io, run) {
    return groupOf(io)('attest', () => (0,pipeline_attest/* runAttest */.nU)({
        ...run,
        git: opts.git,
        loaded: opts.loaded,
        results: opts.results,
        env: io.env,
        now: opts.now ?? new Date(),
    }, {
        ...(io.signer && { signer: io.signer }),
        progress: (l) => io.progress('attest', l),
        warning: io.warning,
    }));
}
/** What a run that failed after its reports produced (the callers' outputs, report.md); else undefined. */
const pipelineResultOf = (err) => resultOf(err);
/** The plan, always: its warnings annotated, a line per variant, plan.json written. */
function runPlan(opts, io) {
    const { config, fileVariants, label: configFile, lineOf } = opts.loaded;
    const now = opts.now ?? new Date();
    const ctx = { catalog: (0,catalog/* bundledCatalog */.Ot)(), git: opts.git, now, configFile, lineOf, fileVariants };
    const tagged = (0,plan_plan/* taggedVariants */.Bp)(config.variants.map((v) => v.name), fileVariants);
    const plan = (0,referenced_files/* withContextWarnings */.x)(applyToPlan((0,plan_plan/* planBuild */.C7)(config, ctx), opts.buildOptions, tagged), opts.loaded);
    for (const w of plan.warnings)
        io.warning(w, { title: 'ml-image plan' });
    for (const v of plan.variants)
        io.progress('plan', `${v.name}: ${v.base.ref} (${v.base.reason}) -> ${v.platforms.join(', ')}`);
    opts.results.writePlan(plan);
    return plan;
}
/** Resolve and build (or merge the matrix jobs' digests); undefined when neither stage runs. */
async function resolveAndBuild(opts, io, plan, into, 
/** The signing key being decrypted: a wrong password stops the run before the resolve stage. */
key) {
    const { config, baseDir } = opts.loaded;
    if (opts.mergeFrom !== undefined && opts.stages.has('build'))
        return timed(io, 'build', () => mergeFromDigestFiles(opts.mergeFrom, io, plan, opts.buildOptions?.annotations));
    if (!opts.stages.has('build') && !opts.stages.has('resolve'))
        return undefined;
    const event = io.event ?? (0,github_event/* readGitHubEventFile */.MZ)(io.env.GITHUB_EVENT_PATH); // once, for both stages
    // Exit 2 before any container runs: build secrets, requirements the variants cannot install.
    (0,door_checks/* checkBeforeContainers */.kh)(opts, io, plan);
    if (opts.stages.has('build'))
        opts.results.removeBuild(); // an earlier run's: see removeBuild
    // Decrypting ran meanwhile (about 0.15 s of scrypt, off the main thread, mostly spent by now):
    // a wrong password is said before the resolve stage (minutes of pip on a cold run), not after it.
    if (opts.push && opts.stages.has('build'))
        await key;
    const docker = io.docker();
    const resolved = opts.stages.has('resolve')
        ? await timed(io, 'resolve', () => runResolve(opts, io, plan, docker, event))
        : {};
    Object.assign(into, resolved);
    // A target without a resolution has none: an earlier run's is not taken for this build's either.
    for (const v of plan.variants)
        for (const p of v.platforms)
            if (!resolved[(0,resolve_stage/* resolvedKey */.Er)(v.name, p)])
                opts.results.removeResolution(v.name, p);
    if (!opts.stages.has('build'))
        return undefined;
    if (opts.push && opts.stages.has('attest') && !io.signer)
        (0,pipeline_attest/* warmRegistry */.rc)(opts.loaded, io.env, plan.repository, plan.targets.length);
    const build = await timed(io, 'build', () => runBuildStage({
        plan,
        config,
        baseDir,
        ...(opts.loaded.file !== undefined && { configFile: opts.loaded.file }),
        imagesDir: opts.imagesDir,
        push: opts.push,
        merge: opts.merge,
        resolved,
        ...(opts.buildOptions && { options: opts.buildOptions }),
        cacheDir: opts.cacheDir,
        keepOut: keep_out_contextKeepOut({
            ...(opts.results.dir !== undefined && { resultDir: opts.results.dir }),
            imagesDir: opts.imagesDir,
            cacheDir: opts.cacheDir,
            loaded: opts.loaded,
            ...(opts.buildOptions && { buildOptions: opts.buildOptions }),
            variants: plan.variants,
            credentialEnv: { env: io.env, exists: external_node_fs_.existsSync, cwd: process.cwd() },
        }),
    }, {
        docker,
        exec: io.git ?? new exec_runner/* ActionsExecRunner */.L(),
        env: io.env,
        event,
        progress: (l) => io.progress('build', l),
        warning: (m) => io.warning(m, { title: 'ml-image build' }),
        ...(io.stepTiming && { timing: (l) => io.stepTiming('build', l) }),
        ...(io.output && { output: (line, target) => io.output(line, target) }),
        ...(io.group && { group: io.group }), // none (the command line): build lines live
        ...(io.builtTarget && { builtTarget: io.builtTarget }),
    }));
    if (!opts.merge && opts.push)
        opts.results.writeDigests(build);
    return build;
}
/**
 * Whether the build's builder takes its base images from the registry whatever this engine holds
 * (any driver but dockerd's own: docker-container, kubernetes, remote): the resolver then resolves
 * against the registry's base too (resolve/base.ts). Asked once: the build stage reuses the answer
 * (lookUpBuilder keeps it per adapter and in the cache directory). Unknown (buildx missing): false,
 * and the build stage says what is wrong; a builder that does not exist (the builder input,
 * BUILDX_BUILDER) ends the run here, before the resolve stage's work that no build would use.
 */
async function builderPullsBases(opts, io, docker) {
    const found = await lookUpBuilder(docker, opts.buildOptions?.builder, {
        dir: opts.cacheDir,
        env: io.env,
    }).catch((e) => {
        if (e instanceof failures/* BuilderMissingError */.ku)
            throw e;
        return undefined;
    });
    return found !== undefined && found.facts.driver !== 'docker';
}
/** The resolve stage: a resolution file per target, its hazards as warnings. */
async function runResolve(opts, io, plan, docker, event) {
    const { config, baseDir } = opts.loaded;
    const registryBase = opts.stages.has('build') && (await builderPullsBases(opts, io, docker));
    const resolved = await groupOf(io)('resolve', () => (0,resolve_stage/* runResolveStage */.wr)(plan, config, baseDir, {
        docker,
        env: io.env,
        event,
        lookupHost: io.lookupHost ?? host_lookup/* systemLookup */.O,
        ...(registryBase && { registryBase }),
        buildFollows: opts.stages.has('build'),
        progress: (l) => io.progress('resolve', l),
        cache: opts.snapshotCache ?? (0,snapshot_cache/* fileSnapshotCache */.JZ)(opts.cacheDir),
        ...(opts.reuse && { reuse: true }),
    }));
    for (const v of plan.variants)
        for (const p of v.platforms) {
            const key = (0,resolve_stage/* resolvedKey */.Er)(v.name, p);
            const r = resolved[key];
            if (!r)
                continue;
            opts.results.writeResolution(v.name, p, r.resolution);
            for (const h of r.resolution.hazards)
                io.warning(`${h.message}. Fix: ${h.fix}`, { title: `ml-image resolve (${key})` });
        }
    return resolved;
}
/** `ml-image run`: the earlier run's records are the baseline this run saved last time. */
function reuseLookup(opts, plan) {
    const { baseline, saveAs } = opts.report;
    const { config, fileVariants } = opts.loaded;
    return async (v) => (await (0,stage/* restoreBaseline */.W3)(baseline, (0,stage/* baselineKeys */.Kb)(plan, config, v, fileVariants), saveAs.branch))?.dir;
}
function overallStatus(entries) {
    const s = entries.map((e) => e.result.summary);
    if (s.length === 0)
        return 'none';
    if (s.some((x) => x.fail > 0))
        return 'fail';
    return s.some((x) => x.pass > 0) ? 'pass' : 'skip';
}


/***/ }),

/***/ 29094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ lookUpGpus),
/* harmony export */   H7: () => (/* binding */ hostPlatformOnce),
/* harmony export */   c4: () => (/* binding */ gpuKindOf),
/* harmony export */   oM: () => (/* binding */ gpusOfTarget)
/* harmony export */ });
/* unused harmony export targetGpus */
/* harmony import */ var _config_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15063);
/* harmony import */ var _docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74234);
/* harmony import */ var _gpu_pin_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52013);
// Which targets of a smoke run get the run's GPUs: only a variant that can use them (not a cpu
// one), on the engine's own platform (CUDA cannot start in a process QEMU emulates); and the
// host's GPUs a target with GPUs is keyed by for reuse.




/**
 * The kind that decides a variant's GPUs: `cpu` only for a cpu variant the `cpu` template builds
 * (CPU torch); a cpu variant built from the config's own Dockerfile or another template may install
 * anything (a CUDA torch on nvidia/cuda), so it counts as `custom`.
 */
function gpuKindOf(v) {
    return v.kind === 'cpu' && v.template !== 'cpu' ? 'custom' : v.kind;
}
/**
 * A cpu variant never gets GPUs (CPU torch cannot use one); a target of another platform than the
 * engine's runs emulated and gets none either. Every other target gets the run's GPUs. A `custom`
 * variant (the config's own base image) may hold CUDA, so it is treated as a CUDA one.
 */
function targetGpus(t) {
    if (t.kind === 'cpu')
        return { gpus: 'none', withheld: 'cpu variant: no GPU tests' };
    if (t.host !== undefined && t.platform !== undefined && !(0,_config_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .sameMachine */ .sb)(t.platform, t.host))
        return { gpus: 'none', withheld: `${t.platform} runs emulated on this ${t.host} host: no GPU` };
    return { gpus: t.gpus };
}
/**
 * Whether the engine's platform matters to KIND's targets: for a variant that may get GPUs, on a
 * run with GPUs or one that requires them (the emulated targets' GPU tests skip, not fail).
 */
const needsHost = (kind, gpus, requireGpu) => kind !== 'cpu' && (gpus === 'all' || requireGpu);
/**
 * The GPUs a target of KIND and PLATFORM (undefined: the engine's own) gets on RUN; the engine's
 * platform is asked only when it matters. The smoke stage and `ml-image smoke` both decide so.
 */
async function gpusOfTarget(kind, platform, run) {
    const host = platform !== undefined && needsHost(kind, run.gpus, run.requireGpu) ? await run.host() : undefined;
    return targetGpus({ kind, platform, gpus: run.gpus, host });
}
/** The engine's platform, asked once (its version: os and architecture). */
function hostPlatformOnce(docker) {
    let asked;
    return () => (asked ??= docker.ping().then(_docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .enginePlatform */ .q));
}
/**
 * The GPUs of the engine's host for the reuse key (io.hostGpus: nvidia-smi on the host), the pinned
 * ones only when the runner is pinned; unknown (never reused) when they cannot be looked up.
 */
async function lookUpGpus(io, pin) {
    const pinned = (0,_gpu_pin_js__WEBPACK_IMPORTED_MODULE_1__/* .containerGpus */ .j_)(pin);
    const found = io.hostGpus
        ? await io.hostGpus(...(pinned === 'all' ? [] : [pinned])).catch((e) => ({
            unknown: `the lookup failed: ${String(e?.message ?? e).split('\n')[0]}`,
        }))
        : { unknown: 'no way to look up the GPUs was given' };
    if ('unknown' in found)
        io.progress('smoke', `the GPUs could not be identified (earlier results are not reused): ${found.unknown}`);
    return found;
}


/***/ })

};
