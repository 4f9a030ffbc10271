export const id = 32;
export const ids = [32];
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
/* unused harmony exports shellQuote, secretEnvScript, buildIndexes, buildPipConf */
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
const BUILD_SECRET_IDS = _config_secret_id_js__WEBPACK_IMPORTED_MODULE_4__/* .TOOL_SECRET_IDS */ .bn;
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
/** `export NAME='value'` lines the templates' install step sources (build.secrets inside pip's RUN). */
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
function secretEnvScript(env) {
    return (Object.entries(env)
        .filter(([name]) => !INDEX_ENV.has(name) && !RESERVED_ENV.has(name))
        // An id that is no shell variable name (pip-token) is mounted by id only, never exported.
        .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
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
 * A warning where DOCKERFILE mounts the pip.conf secret but not the netrc file the indexes' logins
 * (INDEXES and the torch index) travel in: a Dockerfile of the user's own written for an earlier
 * version, whose pip would get 401 from a private index. Undefined where there is no login to
 * carry, the netrc file is mounted, or the file cannot be read (buildx says so). READ: the file's text.
 */
function netrcUnmountedWarning(dockerfile, indexes, torchIndexUrl, read = (f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(f, 'utf8')) {
    if ((0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_6__/* .netrcIndexes */ .vT)(indexes, torchIndexUrl).netrc === '')
        return undefined;
    let text;
    try {
        text = read(dockerfile);
    }
    catch {
        return undefined;
    }
    if (!text.includes(BUILD_SECRET_IDS.pipConf) || text.includes(BUILD_SECRET_IDS.netrc))
        return undefined;
    return `${dockerfile} mounts the ${BUILD_SECRET_IDS.pipConf} secret but not ${BUILD_SECRET_IDS.netrc}: the indexes' logins travel in that one (the pip.conf URLs carry none), so a private index answers pip 401; mount it in the RUN that installs and export NETRC=/run/secrets/${BUILD_SECRET_IDS.netrc} there (docs/build.md, "Your own Dockerfile")`;
}


/***/ }),

/***/ 56032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JC: () => (/* binding */ checkRequirementLines),
/* harmony export */   kh: () => (/* binding */ checkBeforeContainers),
/* harmony export */   w6: () => (/* binding */ checkStageInputs)
/* harmony export */ });
/* harmony import */ var _build_input_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43812);
/* harmony import */ var _config_field_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95245);
/* harmony import */ var _requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46496);
/* harmony import */ var _requirements_references_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32780);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46985);
/* harmony import */ var _smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(52013);






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
    (0,_requirements_references_js__WEBPACK_IMPORTED_MODULE_3__/* .readListedRequirements */ .c)(python.requirements, build.secrets, loaded.baseDir, env, (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_1__/* .requirementsFieldError */ .db)(loaded));
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
        (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_1__/* .asConfigProblem */ .cq)(loaded, () => (0,_build_input_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .refuseForkBuildSecrets */ .YR)(loaded.config, run.env));
    if (!stages.has('smoke'))
        return;
    (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .configBaseline */ .E)(loaded);
    if (run !== undefined && run.mode === 'all')
        (0,_smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_5__/* .gpuPinOf */ .Vy)(run.env);
}
function checkBeforeContainers(opts, io, plan) {
    const { loaded, stages } = opts;
    if (stages.has('build'))
        (0,_build_input_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .checkBuildSecrets */ .UA)(opts.buildOptions, loaded.config, io.env);
    const given = (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_1__/* .requirementsFieldError */ .db)(loaded);
    (0,_requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_2__/* .checkPlanRequirements */ .M)(plan.variants, loaded, io.env, io.warning, stages.has('resolve'), given);
}


/***/ }),

/***/ 34370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ PIP_PY)
/* harmony export */ });
// GENERATED from ml_image_pip.py: edit that file, then run UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts
// pip with its index URLs kept off command lines (the resolver and the build) as text, so that the bundle (dist/) carries it without reading files at run time.
const PIP_PY = `"""pip with its index URLs kept off command lines.

pip starts a second pip to install a source distribution's build requirements, and gives it every
index URL as an argument (-i URL, --extra-index-url URL, --find-links URL, and since pip 26.2 its
--proxy URL): a token in a URL's path
(Anaconda's /t/<token>/, Cloudsmith's) or a login filled in from a requirements file's \${NAME} is
then in /proc/<pid>/cmdline, which every user of the host can read (\`ps\`), the build's RUN steps
included. hide_index_urls() makes that pip get them in its environment instead (PIP_INDEX_URL,
PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS, PIP_PROXY: /proc/<pid>/environ is its owner's only), and start
through this file too, so that a build requirement's own build does the same. With a pip whose
insides differ (no call_subprocess in pip._internal.build_env, or in build_env.installer since pip
26.2), pip runs as it is.

Run as \`python3 ml_image_pip.py ARGS...\` it is \`python3 -m pip ARGS...\` (the templates' install
steps: the ml_image_pip secret mount); as \`python3 ml_image_pip.py --runner RUNNER ARGS...\` it is
the second pip (RUNNER: what pip would have run, its __pip-runner__.py or its directory). The
resolver's helper imports it and calls hide_index_urls() before pip runs in its process.

Bundled as text by src/python/py/pip.generated.ts (regenerate with
\`UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts\`).
"""

import os
import runpy
import sys

# The options whose value pip's second pip gets, and the variable that carries it instead.
MOVED = {
    "-i": "PIP_INDEX_URL",
    "--index-url": "PIP_INDEX_URL",
    "--extra-index-url": "PIP_EXTRA_INDEX_URL",
    "-f": "PIP_FIND_LINKS",
    "--find-links": "PIP_FIND_LINKS",
    "--proxy": "PIP_PROXY",
}
# The variables that hold one value (the others, a list separated by white space).
SINGLE = ("PIP_INDEX_URL", "PIP_PROXY")
# Where pip's build environment starts the second pip: pip 26.2 and later, then before.
BUILD_ENV_MODULES = ("pip._internal.build_env.installer", "pip._internal.build_env")


def off_command_line(cmd):
    """CMD without the index options before its "--", and the variables that carry them. An empty
    value, or one holding white space, stays where it is (pip splits these variables at white
    space; an empty --proxy turns proxying off)."""
    kept, env = [], {}
    i = 0
    while i < len(cmd):
        arg = str(cmd[i])
        if arg == "--":
            kept.extend(cmd[i:])
            break
        name = MOVED.get(arg)
        value = str(cmd[i + 1]) if i + 1 < len(cmd) else ""
        if name is not None and value != "" and not any(c.isspace() for c in value):
            env[name] = value if name in SINGLE or name not in env else env[name] + " " + value
            i += 2
            continue
        kept.append(cmd[i])
        i += 1
    return kept, env


def child_command(cmd, shim):
    """pip's [python, RUNNER, ARGS...] as [python, SHIM, --runner, RUNNER, ARGS...]."""
    if shim is None or len(cmd) < 2 or not runnable(str(cmd[1])):
        return cmd
    return [cmd[0], shim, "--runner", cmd[1]] + list(cmd[2:])


def runnable(path):
    """PATH is there, or is inside a zip file that is (pip 21.1-22.1 run the second pip from a
    temporary .../__env_pip__.zip/pip)."""
    import zipfile
    here = path
    while not os.path.exists(here):
        parent = os.path.dirname(here)
        if parent == here:
            return False
        here = parent
    return here == path or (os.path.isfile(here) and zipfile.is_zipfile(here))


def hide_index_urls(shim=None):
    """pip's second pip gets the index URLs in its environment, and starts through SHIM (this
    file) when given. False where this pip has no call_subprocess in its build environment."""
    import importlib
    wrapped = False
    for name in BUILD_ENV_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        call = getattr(module, "call_subprocess", None)
        if call is None:
            continue
        if not getattr(call, "ml_image_hidden", False):
            module.call_subprocess = hidden(call, shim)
        wrapped = True
    return wrapped


def hidden(call, shim):
    """CALL (pip's call_subprocess) with the index options moved into extra_environ."""
    def call_subprocess(cmd, *args, **kwargs):
        kept, env = off_command_line(list(cmd))
        extra = dict(kwargs.get("extra_environ") or {})
        extra.update(env)
        kwargs["extra_environ"] = extra
        return call(child_command(kept, shim), *args, **kwargs)

    call_subprocess.ml_image_hidden = True
    return call_subprocess


def runner_root(runner):
    """Where the pip that RUNNER runs is imported from: its __pip-runner__.py's or its directory's
    parent (a directory in a zip file too)."""
    pip_dir = os.path.dirname(runner) if runner.endswith(".py") else runner
    return os.path.dirname(os.path.abspath(pip_dir))


class PipFrom:
    """Imports pip, and only pip, from ROOT (as __pip-runner__.py does): the second pip must run
    the pip that started it, and nothing else of ROOT (the parent's site-packages) may shadow the
    standard library or the build environment's own packages."""

    def __init__(self, root):
        self.root = root

    def find_spec(self, fullname, path=None, target=None):
        from importlib.machinery import PathFinder
        return PathFinder.find_spec(fullname, [self.root], target) if fullname == "pip" else None


def main(argv):
    shim = os.path.abspath(argv[0])
    args = argv[1:]
    # Not this file's directory on sys.path (pip's __main__ leaves out the working directory);
    # under -P or PYTHONSAFEPATH it is not there.
    if sys.path and os.path.abspath(sys.path[0] or ".") == os.path.dirname(shim):
        del sys.path[0]
    if args[:1] == ["--runner"] and len(args) >= 2:
        runner = args[1]
        sys.meta_path.insert(0, PipFrom(runner_root(runner)))
        hide_index_urls(shim)
        sys.argv = [runner] + args[2:]
        runpy.run_path(runner, run_name="__main__")
        return 0
    hide_index_urls(shim)
    from pip._internal.cli.main import main as pip_main
    sys.argv = ["pip"] + args
    return pip_main(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
`;


/***/ }),

/***/ 46496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ checkPlanRequirements),
/* harmony export */   c: () => (/* binding */ resolverDryRuns)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82513);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32780);
// The requirements against the plan, before any container runs (the pipeline, when it resolves or
// builds, and `validate`): what the files allow but the variants' builds cannot do as written.
// - pip's hash-checking mode (any --hash, or --require-hashes) with a variant the resolver dry-runs
//   with its torch: each dry run asks for torch==V, unhashed, which that mode refuses (every one
//   fails). Where no dry run runs (resolve mode off, the cuda template) a template's torch step
//   (`pip install torch==V`, its first pip step) still installs torch and its dependencies without
//   a hash, and the requirements step then finds them installed and checks nothing of them: a
//   warning naming the variants, the rest being checked.
// - a relative --find-links (./wheels, file:wheels) or a requirement by a relative path: a
//   template's pip step runs before the build context is copied in, and the resolver's container
//   has none of the repository either. pip ignores a missing --find-links location with a warning
//   and takes the project from the index instead (a private name: from whoever publishes it
//   there). With the user's own Dockerfile (which may COPY them first) a --find-links is a warning.
//   An absolute one (/opt/wheels, file:///opt/wheels) may be the base image's, where both pips run:
//   left to pip, as an absolute requirement path is.
// Structural types only: requirements/ imports no stage (plan) nor config.



const names = (vs) => vs.map((v) => v.name).join(', ');
const plural = (vs, one, more) => (vs.length === 1 ? one : more);
/**
 * Whether the resolver dry-runs VARIANT in resolve MODE (resolve/stage.ts skips the others): not
 * with mode off, nor for the cuda template (nvidia/cuda carries no Python packages to conflict with).
 */
const resolverDryRuns = (variant, mode) => mode !== 'off' && variant.template !== 'cuda';
/** The variants with their torch, as named in a problem or warning (their index's login masked). */
const withTorch = (vs) => vs.map((v) => `${v.name} torch ${v.torch.version} from ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(v.torch.indexUrl)}`).join('; ');
/** How torch itself gets checked: the requirements install it, hashed, with its index. */
const torchHashed = (vs) => `give ${names(vs)} no torch (no torch: on the variant nor at the top level; a CUDA variant given by cuda: always gets one, a variant given by base: an nvidia/cuda image with its cuda: gets none) and pin torch with its --hash in the requirements, its wheel index in the file (--extra-index-url ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(vs[0].torch.indexUrl)})`;
/**
 * Hash-checking mode with the variants that install torch: the problem of those the resolver
 * dry-runs (undefined: none), and the warning of those only a template's torch step installs it on.
 */
function hashProblem(facts, variants, resolveMode) {
    const on = facts.hashChecking;
    const torch = on === undefined ? [] : variants.filter((v) => v.torch?.indexUrl !== undefined);
    // Every dry run asks for torch==V (resolve/stage.ts): refused in that mode.
    const resolved = torch.filter((v) => resolverDryRuns(v, resolveMode));
    // No dry run: the template's torch step installs it (the user's own Dockerfile: whatever it does).
    const unchecked = torch.filter((v) => !resolverDryRuns(v, resolveMode) && v.template !== undefined);
    const warning = unchecked.length === 0
        ? undefined
        : `${on.origin}: ${on.option} puts pip in hash-checking mode, but variant${plural(unchecked, '', 's')} ${withTorch(unchecked)} install${plural(unchecked, 's', '')} torch before the requirements, without a hash (the template's torch step): torch and its dependencies go in unchecked (the requirements step then finds them installed and checks nothing of them), the rest is checked. To check torch too, ${torchHashed(unchecked)}`;
    if (resolved.length === 0)
        return { warning };
    return {
        warning,
        problem: `${on.origin}: ${on.option} puts pip in hash-checking mode for every requirement, and variant${plural(resolved, '', 's')} ${withTorch(resolved)} install${plural(resolved, 's', '')} torch before the requirements, without a hash: the resolver's dry runs ask for that torch, unhashed, which pip refuses in that mode (every one would fail), and a template's torch step would install torch and its dependencies unchecked (the requirements step then finds them installed and checks nothing of them)`,
        fix: `either let the requirements install torch, with its hashes: ${torchHashed(resolved)}; or drop the --hash options (pip-compile / uv pip compile without --generate-hashes, poetry export --without-hashes)`,
    };
}
const LOCAL_WHY = {
    'find-links': "a relative --find-links (a path, a file: URL) names a directory of your repository, which the build's pip does not have: pip ignores a missing --find-links location with a warning and takes the project from the index instead, a private name from whoever publishes it there",
    path: "a requirement by a relative path names a file of your repository, which the build's pip does not have (pip fails on it)",
};
/** The problems of lines naming local files, when a template builds some variant. */
function localProblems(facts, templated) {
    if (templated.length === 0 || facts.localFiles.length === 0)
        return undefined;
    const where = `variant${plural(templated, '', 's')} ${names(templated)} ${plural(templated, 'is', 'are')} built from a template, whose pip step runs before the build context is copied in, and the resolver's container has none of your files either`;
    return {
        problems: facts.localFiles.map((f) => `${f.origin}: "${f.line}": ${LOCAL_WHY[f.kind]}: ${where}`),
        fix: 'serve the wheels from an index or a URL (--extra-index-url, --find-links https://host/wheels/, or name @ https://host/name-1.0-py3-none-any.whl), put them in the base image and name them by their absolute path there (--find-links /opt/wheels), or build from your own Dockerfile (build.dockerfile, no template) that copies them in before its pip install',
    };
}
/**
 * The requirements (read as the stages read them: readListedRequirements) against the plan's
 * VARIANTS: hash-checking mode with a variant the resolver dry-runs with its torch, and a line
 * naming files of the repository when a template builds a variant, are exit 2 naming each line,
 * with the way out. Hash-checking mode with a template's torch step and no dry run, and a relative
 * --find-links with only the user's own Dockerfile (the resolver's container still lacks it), are
 * WARNings. Nothing without requirements. RESOLVING: whether the run has the resolve stage (without
 * it no dry run runs, whatever resolve.mode says). GIVEN: how a file python.requirements names that
 * cannot be read is said (the config's field and line: config/field-error.ts requirementsFieldError).
 */
function checkPlanRequirements(variants, loaded, env, warn, resolving = true, given) {
    const { python, build } = loaded.config;
    const resolve = { mode: resolving ? loaded.config.resolve.mode : 'off' };
    if (python.requirements.length === 0)
        return;
    const facts = (0,_references_js__WEBPACK_IMPORTED_MODULE_2__/* .readListedRequirements */ .c)(python.requirements, build.secrets, loaded.baseDir, env, given).facts;
    if (facts === undefined)
        return;
    const templated = variants.filter((v) => v.template !== undefined);
    const hash = hashProblem(facts, variants, resolve.mode);
    const local = localProblems(facts, templated);
    if (hash.problem === undefined && local === undefined) {
        const findLinks = facts.localFiles.filter((x) => x.kind === 'find-links');
        for (const w of [
            ...(hash.warning === undefined ? [] : [hash.warning]),
            ...findLinks.map((f) => `${f.origin}: "${f.line}": a relative --find-links names a directory of your repository: the resolver's container does not have it (pip there ignores it, with a warning, and resolves the project from the index), so copy it into the image before your Dockerfile's pip install, or serve the wheels from a URL`),
        ])
            warn(w, { title: 'ml-image requirements' });
        return;
    }
    const problems = [...(hash.problem ? [hash.problem] : []), ...(local?.problems ?? [])];
    const fix = [hash.fix, local?.fix].filter((x) => x !== undefined).join('; and ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(python.requirements.join(', '), problems, { fix, problemsNameFiles: true });
}


/***/ }),

/***/ 32780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ readListedRequirements)
/* harmony export */ });
/* unused harmony export unlistedReferences */
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99679);
// The ${NAME} references of a requirements file against build.secrets: the build passes pip only
// the variables listed there (by secret mount), so the resolver passes only those too (by
// environment). A file a pull request changes could otherwise hand pip, and any index it names,
// whatever the runner's environment holds (AWS_SECRET_ACCESS_KEY, a token the workflow set).

/**
 * The references that SECRETS (build.secrets) does not list, refused: each line naming one is a
 * problem of its own ("req.txt:3: ${TOKEN} is not listed in build.secrets"), among the others the
 * read finds.
 */
function unlistedReferences(secrets) {
    return {
        why: (name) => (secrets.includes(name) ? undefined : 'is not listed in build.secrets'),
        fix: 'list each ${NAME} a line names in build.secrets: the build passes pip only those variables (by secret mount), and the resolver only those from the environment',
    };
}
/**
 * The requirements FILES (relative to BASE_DIR) as the build reads them: on a runner from the
 * workspace only, checked with only SECRETS (build.secrets) filled in, and a ${NAME} they do not
 * list refused (exit 2, with every other problem of the files, each naming its file and line).
 * The resolve and build stages and `validate` read them so. GIVEN: how a file of FILES that cannot
 * be read is said (the config field and line naming it: requirementsFieldError).
 */
function readListedRequirements(files, secrets, baseDir, env, given) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .readRequirements */ .F2)(files, baseDir, env, {
        ...(0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .workspaceRoot */ .oS)(env, baseDir),
        expandable: secrets,
        refused: unlistedReferences(secrets),
        ...(given !== undefined && { given }),
    });
}


/***/ })

};
