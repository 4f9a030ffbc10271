export const id = 464;
export const ids = [464];
export const modules = {

/***/ 70289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ forcedCosign)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// ML_IMAGE_SIGNER, which signer does the work: the cosign binary, or the built-in one where it can.


/**
 * ML_IMAGE_SIGNER=cosign: every call to the cosign binary. Unset, empty or `builtin`: the built-in
 * signer where it can. Anything else is a typo (`cosgin`) that ran the built-in signer without a
 * word: exit 2.
 */
function forcedCosign(env) {
    const v = env.ML_IMAGE_SIGNER?.trim().toLowerCase() ?? '';
    if (v === '' || v === 'builtin' || v === 'cosign')
        return v === 'cosign';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`ML_IMAGE_SIGNER: expected cosign or builtin (unset: the built-in signer where it can), got ${JSON.stringify((0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(env.ML_IMAGE_SIGNER ?? ''))}`, 'set ML_IMAGE_SIGNER=cosign, or unset it');
}


/***/ }),

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

/***/ 31754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand)
/* harmony export */ });
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14385);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47684);
/* harmony import */ var _pipeline_door_checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56032);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43140);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77593);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17474);






/** The label prefixes a plan's labels are grouped under, one line each. */
const LABEL_GROUPS = ['org.opencontainers.image.', `${_plan_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_PREFIX */ .Ag}.`];
/** A variant's labels, compactly: `prefix{key=value, ...}` per group, any other label on its own. */
function labelLines(labels) {
    const entries = Object.entries(labels);
    const grouped = LABEL_GROUPS.map((prefix) => {
        const own = entries.filter(([k]) => k.startsWith(prefix));
        return own.length === 0
            ? undefined
            : `${prefix}{${own.map(([k, v]) => `${k.slice(prefix.length)}=${v}`).join(', ')}}`;
    });
    const others = entries
        .filter(([k]) => !LABEL_GROUPS.some((p) => k.startsWith(p)))
        .map(([k, v]) => `${k}=${v}`);
    return [...grouped.filter((l) => l !== undefined), ...others];
}
function renderPlan(plan) {
    const lines = [`${plan.repository}${plan.version ? ` (version ${plan.version})` : ''}`];
    for (const v of plan.variants) {
        lines.push('', `variant ${v.name} (${v.kind}) for ${v.platforms.join(', ')}`);
        lines.push(`  base:     ${v.base.ref}`, `            ${v.base.reason}`);
        lines.push(`  build:    ${v.template ? `template images/${v.template}` : 'your Dockerfile'}, Python ${v.python}`);
        if (v.torch)
            lines.push(`  torch:    ${v.torch.version}${v.torch.indexUrl !== undefined ? ` from ${v.torch.indexUrl}` : ' (from the base image)'}`);
        if (v.cuda)
            lines.push(`  driver:   CUDA ${v.cuda.version} needs NVIDIA driver >= ${v.cuda.toolkitDriverMin} (>= ${v.cuda.minorCompatDriverMin} with minor-version compatibility)`);
        lines.push(`  tags:     ${v.tags.join('\n            ')}`);
        lines.push(`  labels:   ${labelLines(v.labels).join('\n            ')}`);
    }
    lines.push('', `targets:  ${plan.targets.map((t) => `${t.id} -> ${t.runner}`).join(', ')}`);
    return `${lines.join('\n')}\n`;
}
const PLAN_OPTIONS = {
    config: { type: 'string' },
    platforms: { type: 'string' },
    variants: { type: 'string' },
    'skip-file-checks': { type: 'boolean', default: false },
};
const planCommand = {
    name: 'plan',
    options: PLAN_OPTIONS,
    summary: 'Expand variants x platforms into build targets; choose base images, torch index, driver floor.',
    usage: 'ml-image plan [--config FILE] [--platforms LIST] [--variants LIST] [--skip-file-checks] [--json] [--out DIR]',
    help: `Reads the config and the bundled base-image catalog and prints, per variant, the base image
and why it was chosen, the torch wheel index, the NVIDIA driver floor, tags and labels. Refuses
combinations that cannot work (e.g. an amd64-only base image for linux/arm64) and warns about
ones the catalog does not know, naming the nearest valid ones. The requirements files are read as
the build reads them (each line, every -r/-c include; pip is not run): a bad line is refused here.
--skip-file-checks plans without them, for a workflow whose build job makes a file (or an include)
that the plan job's checkout lacks: the build refuses what is wrong in it then.

Options:
  --config FILE      config file (default: ml-image.yml or ml-image.yaml here)
${_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .configOverrideFlags */ .i7}
  --skip-file-checks do not look for (or read) the files the config names
  --json             print the plan as JSON; its "matrix" is a GitHub Actions matrix
  --out DIR          write DIR/plan.json and DIR/matrix.json

Exit codes: 0 planned (warnings allowed); 2 bad config, a bad requirements line or an impossible
combination.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Qx)('plan', argv, PLAN_OPTIONS);
        const checkFiles = !values['skip-file-checks'];
        const loaded = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)({
            cwd: io.cwd,
            env: io.env,
            ...(values.config !== undefined && { file: values.config }),
            overrides: (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .overridesFromFlags */ .du)(values),
            checkFiles,
        });
        // The requirements lines, as the jobs after a plan job read them: bad input is stopped here.
        if (checkFiles)
            (0,_pipeline_door_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkRequirementLines */ .JC)(loaded, io.env);
        const git = await (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .gitContextFor */ .Tr)(io);
        const plan = (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .planOfConfig */ .DH)(loaded, git);
        if (values.out !== undefined) {
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .openOutDir */ .cE)(io.cwd, values.out).writePlan(plan);
        }
        if (values.json)
            io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
        else {
            io.stdout(renderPlan(plan));
            for (const w of plan.warnings)
                io.stderr(`warning: ${w}\n`);
        }
        return 0;
    },
};


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

/***/ 43140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ holdOutDir),
/* harmony export */   cE: () => (/* binding */ openOutDir),
/* harmony export */   g3: () => (/* binding */ RESOLVE_OUT_FILES)
/* harmony export */ });
/* unused harmony export redactBuildInput */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82513);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(66917);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47684);
/* harmony import */ var _resolve_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83447);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3228);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(20317);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(98510);
/* harmony import */ var _write_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(35677);
/* harmony import */ var _owner_lock_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(79333);
// The --out files of the commands about ONE image (capture, smoke, resolve) and of plan: no variant
// or platform in their names. Written atomically, checked against their schemas, free of URL
// credentials, as the result directory's files are (src/results/results.ts). resolve's
// requirements.txt and constraints.txt are the build's inputs: a `${NAME}` pip fills in stays.











/** No variant or platform in these names: the command was given one image. */
const OUT_FILES = {
    env: 'env.json',
    smoke: 'smoke.json',
    junit: 'junit.xml',
    constraints: 'constraints.txt',
    requirements: 'requirements.txt',
    resolution: 'resolution.json',
    explanation: 'explanation.md',
    plan: _results_js__WEBPACK_IMPORTED_MODULE_8__/* .PLAN_FILE */ .VI,
    matrix: 'matrix.json',
};
/** The files resolve --out DIR writes there. */
const RESOLVE_OUT_FILES = [
    OUT_FILES.constraints,
    OUT_FILES.requirements,
    OUT_FILES.resolution,
    OUT_FILES.explanation,
];
/** A reference in a credential's place: `${NAME}` (pip fills it in), or a shell's `$NAME`. */
const REFERENCE = /\$\{[A-Za-z0-9_]+\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
/**
 * A reference (as a mask already) before a fixed public password (`${TOKEN}:x-oauth-basic@`: the
 * token is the user name, the password no secret). Before a literal user name it stays a password.
 */
const MASKED_PUBLIC_LOGIN = new RegExp(`//${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeRegExp */ .Nt)(_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v5)}:(?:${_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .REDACTION_RULES */ .iz.urlPublicPasswords.map(_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeRegExp */ .Nt).join('|')})@`, 'gi');
/**
 * TEXT (requirements.txt, constraints.txt: the build's inputs) with its URLs' credentials masked
 * (redactUrls), but for a URL whose credentials are all references (`https://u:${TOKEN}@host`,
 * `?sig=${SAS}`, `https://${TOKEN}:x-oauth-basic@github.com/...`): kept as written, a name and no
 * secret, so that the file works as the build's input. A word (to white space) with anything
 * literal in a credential's place is masked as redactUrls masks it, references and all (the read
 * refuses a literal secret; a short one, say, may still come this far). Pure.
 */
function redactBuildInput(text) {
    return text.replace(/[^\t\n\r\f\v ]+/g, (word) => {
        const shown = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(word);
        if (shown === word)
            return word;
        // Each reference as a mask: what redactUrls keeps in any credential's place.
        const named = word.replace(REFERENCE, _util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v5).replace(MASKED_PUBLIC_LOGIN, `//${_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v5}:${_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v5}@`);
        return (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(named) === named ? word : shown;
    });
}
/**
 * `--out DIR` of a command, created when missing and held by this process to its end (owner-lock.ts:
 * another run writing there now is refused, exit 2); returns the directory. smoke and capture hold
 * it before their work, each write again (a directory held already is held on).
 */
function holdOutDir(cwd, out) {
    const label = `--out ${out}`;
    const root = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, out), label);
    (0,_owner_lock_js__WEBPACK_IMPORTED_MODULE_10__/* .holdResultDir */ .ek)(root, { label });
    return root;
}
/** `--out DIR` of a command, checked (and created when missing) at each write, as "--out DIR". */
function openOutDir(cwd, out) {
    const label = `--out ${out}`;
    const write = (name, content) => {
        const root = holdOutDir(cwd, out);
        (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileAtomic */ .Zf)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(root, name), content, label);
    };
    const put = (name, content) => write(name, (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(content));
    // The files one call writes: none is written when one of them cannot be (checkReplaceable).
    const group = (...names) => (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_7__/* .checkReplaceable */ .X7)(names.map((n) => node_path__WEBPACK_IMPORTED_MODULE_0___default().join(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, out), n)), label);
    const putJson = (name, schema, value) => put(name, (0,_write_js__WEBPACK_IMPORTED_MODULE_9__/* .json */ .P)((0,_write_js__WEBPACK_IMPORTED_MODULE_9__/* .checked */ .K)(schema, value, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(out, name))));
    return {
        writeEnv: (record) => putJson(OUT_FILES.env, _capture_record_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvRecordSchema */ .iv, record),
        writeSmoke: (result) => {
            group(OUT_FILES.smoke, OUT_FILES.junit);
            putJson(OUT_FILES.smoke, _smoke_result_js__WEBPACK_IMPORTED_MODULE_6__/* .SmokeResultSchema */ .wp, result);
            put(OUT_FILES.junit, (0,_smoke_result_js__WEBPACK_IMPORTED_MODULE_6__/* .toJUnit */ .U5)(result));
        },
        writeResolve: (r) => {
            group(...RESOLVE_OUT_FILES);
            write(OUT_FILES.constraints, redactBuildInput(r.constraints));
            write(OUT_FILES.requirements, redactBuildInput(`${r.requirements}\n`));
            putJson(OUT_FILES.resolution, _resolve_result_js__WEBPACK_IMPORTED_MODULE_5__/* .ResolutionSchema */ .Cg, r.resolution);
            put(OUT_FILES.explanation, r.explanation);
        },
        writePlan: (plan) => {
            group(OUT_FILES.plan, OUT_FILES.matrix);
            putJson(OUT_FILES.plan, _plan_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .PlanSchema */ .fB, plan);
            put(OUT_FILES.matrix, `${JSON.stringify(plan.matrix)}\n`);
        },
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


/***/ }),

/***/ 64377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
