export const id = 964;
export const ids = [964];
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

/***/ 12575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateCommand: () => (/* binding */ validateCommand)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _attest_signing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10854);
/* harmony import */ var _config_field_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95245);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14385);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46496);
/* harmony import */ var _pipeline_door_checks_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(56032);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(46985);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(77593);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(49997);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(96657);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(17474);












/**
 * What `--variants` left unchecked: the variants the file lists that the
 * selection does not (validate checks only what it would build), or, when the file's own list does
 * not validate, that list. Undefined when the selection is the file's list or there is no file.
 */
function uncheckedVariants(loaded, selected) {
    if (loaded.file === undefined)
        return undefined;
    const file = loaded.label ?? loaded.file;
    const rerun = 'run "ml-image validate" without --variants to check them';
    const picked = `--variants selects ${selected.map((n) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(n)).join(', ')}`;
    if (loaded.fileVariants === undefined)
        return `${picked}: the variants ${file} itself lists do not validate and were not checked (${rerun})`;
    const left = loaded.fileVariants.filter((n) => !selected.includes(n));
    if (left.length === 0)
        return undefined;
    return `${picked}: the variant(s) ${left.map((n) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(n)).join(', ')} in ${file} were not checked (${rerun})`;
}
/**
 * The files the config names whose content has a shape of its own: smoke.baseline's floors,
 * attest.key (an encrypted cosign private key), the requirements files. Each is checked whatever
 * the others hold, and their problems are refused together (exit 2), each naming its file and
 * line; one check's own error stays as it is.
 */
function checkConfigFiles(loaded, env) {
    const checks = [
        () => (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .configBaseline */ .E)(loaded),
        () => (0,_attest_signing_js__WEBPACK_IMPORTED_MODULE_1__/* .checkConfigKey */ .WM)(loaded),
        () => (0,_pipeline_door_checks_js__WEBPACK_IMPORTED_MODULE_6__/* .checkRequirementLines */ .JC)(loaded, env),
    ];
    const refused = [];
    for (const check of checks) {
        try {
            check();
        }
        catch (e) {
            // Another error (the environment's, exit 3) ends the checks as it would a run.
            if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz))
                throw e;
            refused.push(e);
        }
    }
    if (refused.length <= 1) {
        if (refused[0] !== undefined)
            throw refused[0];
        return;
    }
    const source = loaded.label ?? loaded.file ?? 'inputs';
    const fixes = [...new Set(refused.flatMap((e) => e.fix ?? []))];
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(source, refused.flatMap((e) => (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL ? e.problems : [e.message])), {
        count: refused.reduce((n, e) => n + (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL ? e.count : 1), 0),
        ...(fixes.length > 0 && { fix: fixes.join('; ') }),
        ...(loaded.file !== undefined && { file: source }),
    });
}
const VALIDATE_OPTIONS = {
    config: { type: 'string' },
    platforms: { type: 'string' },
    variants: { type: 'string' },
    'skip-file-checks': { type: 'boolean', default: false },
};
const validateCommand = {
    name: 'validate',
    options: VALIDATE_OPTIONS,
    summary: 'Check ml-image.yml and print the normalized config (every default filled in).',
    usage: 'ml-image validate [--config FILE] [--platforms LIST] [--variants LIST] [--skip-file-checks] [--json] [--out DIR]',
    help: `Reads the config (default: ml-image.yml or ml-image.yaml in the current directory), applies
the defaults, and checks that every file it names exists (relative to the config file), that
smoke.baseline holds a throughput table, that attest.key is an encrypted cosign private key, that
the requirements files read as the build reads them (each line, every -r/-c include: file:line
for each problem; pip is not run), and that the plan can be made: each variant's base image,
CUDA, torch and Python against the bundled catalog, and its tags (what "ml-image plan" refuses,
validate refuses; its warnings are printed too), and that its variants can install the
requirements as written (hashes with a variant's torch, a local --find-links or path with a
template: what a run that resolves or builds refuses).

Options:
  --config FILE        config file to read
${_shared_js__WEBPACK_IMPORTED_MODULE_11__/* .configOverrideFlags */ .i7}
  --skip-file-checks   validate the shape only; do not look for (or read) the files the config names
  --json               print the normalized config as JSON (machine output)
  --out DIR            also write DIR/config.json
  --verbose            show stack traces on internal errors

Exit codes: 0 valid; 2 invalid (every offending field is listed); 3 environment problem.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Qx)('validate', argv, VALIDATE_OPTIONS);
        const overrides = (0,_shared_js__WEBPACK_IMPORTED_MODULE_11__/* .overridesFromFlags */ .du)(values);
        const loaded = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)({
            cwd: io.cwd,
            env: io.env,
            ...(values.config !== undefined && { file: values.config }),
            overrides,
            checkFiles: !values['skip-file-checks'],
        });
        const { config } = loaded;
        if (values.variants !== undefined) {
            const note = uncheckedVariants(loaded, config.variants.map((v) => v.name));
            if (note !== undefined)
                io.stderr(`warning: ${note}\n`);
        }
        if (!values['skip-file-checks'])
            checkConfigFiles(loaded, io.env);
        // The plan's checks, in plan's own git context (GitHub's environment on a runner, else the
        // checkout's commit and tag, which name the version tags): what plan refuses is not valid.
        const plan = (0,_shared_js__WEBPACK_IMPORTED_MODULE_11__/* .planOfConfig */ .DH)(loaded, await (0,_shared_js__WEBPACK_IMPORTED_MODULE_11__/* .gitContextFor */ .Tr)(io));
        for (const w of plan.warnings)
            io.stderr(`warning: ${w}\n`);
        // The requirements against the plan's variants, as a run that resolves or builds checks them.
        if (!values['skip-file-checks'])
            (0,_requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_5__/* .checkPlanRequirements */ .MR)(plan.variants, loaded, io.env, (w) => io.stderr(`warning: ${w}\n`), true, (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_2__/* .requirementsFieldError */ .d)(loaded));
        if (values.out !== undefined)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_10__/* .writeOutFile */ .Wd)(io.cwd, values.out, 'config.json', `${JSON.stringify(config, null, 2)}\n`);
        if (values.json) {
            io.stdout(`${JSON.stringify(config, null, 2)}\n`);
        }
        else {
            const source = loaded.file ?? 'inputs';
            io.stdout(`# ${source}: valid — ${config.variants.length} variant(s) x ${config.platforms.length} platform(s)\n${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(config)}`);
        }
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

/***/ 52013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vy: () => (/* binding */ gpuPinOf),
/* harmony export */   Y7: () => (/* binding */ noGpuReason),
/* harmony export */   i8: () => (/* binding */ gpusLine),
/* harmony export */   j_: () => (/* binding */ containerGpus)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// The GPUs a runner is pinned to. A host with several self-hosted runners often gives each its own
// GPU(s) through NVIDIA_VISIBLE_DEVICES (or CUDA_VISIBLE_DEVICES) in the runner's environment: the
// smoke containers of that runner then get those GPUs only (a DeviceRequest with their IDs, the
// `--gpus "device=0,1"` equivalent), never every GPU of the host (other jobs' GPUs). Pure: the
// environment is passed in.

/** The variables a runner is pinned with, in the order they are read (the first that pins wins). */
const PIN_VARIABLES = ['NVIDIA_VISIBLE_DEVICES', 'CUDA_VISIBLE_DEVICES'];
/** Values that give no GPU: CUDA's -1 and empty list, the NVIDIA toolkit's none and void. */
const NO_GPU = new Set(['', '-1', 'none', 'void']);
/**
 * One device: an index, GPU:MIG-instance indices, a GPU-/MIG- UUID (CUDA takes a prefix), or the
 * legacy MIG form older drivers print, MIG-GPU-<uuid>/<gi>/<ci>.
 */
const DEVICE = /^(\d+|\d+:\d+|GPU-[A-Za-z0-9-]+|MIG-[A-Za-z0-9-]+|MIG-GPU-[A-Za-z0-9-]+\/\d+\/\d+)$/;
/**
 * A value of another mechanism, not a list of devices: a path (the Kubernetes device plugin's
 * volume-mounts strategy sets /var/run/nvidia-container-devices) or a CDI name (nvidia.com/gpu=0).
 * Not read: every GPU, as without a pin.
 */
const OTHER_MECHANISM = /^\/|=/;
const FIX = 'set it to GPU indices or UUIDs as nvidia-smi -L lists them, comma-separated (e.g. 0,1 or GPU-8932f937-...), to -1 (or none) for no GPU, or unset it for every GPU';
/**
 * The pin the environment sets: NVIDIA_VISIBLE_DEVICES when it is set and not `all` (nor a path or
 * CDI name: OTHER_MECHANISM), else CUDA_VISIBLE_DEVICES likewise; undefined when neither pins.
 * Blanks around the commas are dropped. A value that is no device list (an entry that is no
 * device) is bad input naming the variable (exit 2).
 */
function gpuPinOf(env) {
    for (const variable of PIN_VARIABLES) {
        const raw = env[variable];
        if (raw === undefined)
            continue;
        const value = raw.trim();
        if (value.toLowerCase() === 'all')
            continue;
        if (NO_GPU.has(value.toLowerCase()))
            return { variable, value, devices: [] };
        const entries = value.split(',').map((e) => e.trim());
        const bad = entries.find((e) => !DEVICE.test(e));
        if (bad !== undefined && OTHER_MECHANISM.test(value))
            continue;
        if (bad !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${variable}=${JSON.stringify(raw)}: ${bad === '' ? 'an empty entry' : `"${bad}"`} is not a GPU (an index, GPU:MIG indices, or a GPU-/MIG- UUID), nor a path or CDI name (not read)`, FIX);
        return { variable, value, devices: [...new Set(entries)] };
    }
    return undefined;
}
/** The GPUs of a GPU run's containers: the pinned devices, else every GPU. */
function containerGpus(pin) {
    return pin !== undefined && pin.devices.length > 0 ? pin.devices : 'all';
}
/** Why a pinned run has no GPU: "CUDA_VISIBLE_DEVICES=-1 gives this runner no GPU". */
function noGpuReason(pin) {
    return `${pin.variable}=${pin.value === '' ? '""' : pin.value} gives this runner no GPU`;
}
/** The GPUs of a run, for its log: "GPUs 1,2 (NVIDIA_VISIBLE_DEVICES)", "no GPU (...)", "gpus: all". */
function gpusLine(gpus, pin) {
    if (pin === undefined)
        return `gpus: ${gpus}`;
    if (pin.devices.length === 0)
        return `no GPU (${noGpuReason(pin)})`;
    return `${pin.devices.length === 1 ? 'GPU' : 'GPUs'} ${pin.devices.join(',')} (${pin.variable})`;
}


/***/ })

};
