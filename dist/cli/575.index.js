export const id = 575;
export const ids = [575];
export const modules = {

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
/* harmony export */   GW: () => (/* binding */ resolverPathProblems),
/* harmony export */   MR: () => (/* binding */ checkPlanRequirements),
/* harmony export */   ci: () => (/* binding */ resolverDryRuns)
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
//   there). With the user's own Dockerfile (which may COPY them first) a --find-links is a warning,
//   and a requirement by a relative path exit 2 only where the resolver dry-runs the variant (pip
//   there fails on it, after the base image's pull: now said before anything runs).
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
/** The way out of a requirement by a relative path that the resolver lacks (OFF: how to turn it off). */
const resolverPathFix = (off) => `install the project in your Dockerfile after copying it in (COPY, then pip install), not through the requirements; serve it from an index or a URL (name @ https://host/name-1.0-py3-none-any.whl); or ${off}`;
/**
 * The problems of the requirements by a relative path (`-e .`, `./x.whl`), for a resolver run
 * against a base image (WHAT: what runs it; OFF: the last way out, not resolving it): pip there
 * works in a directory of the tool's own files (resolve/workdir.ts), where no relative path of the
 * repository is, and fails on each.
 */
function resolverPathProblems(facts, what, off) {
    const paths = (facts?.localFiles ?? []).filter((f) => f.kind === 'path');
    if (paths.length === 0)
        return undefined;
    return {
        problems: paths.map((f) => `${f.origin}: "${f.line}": a requirement by a relative path names a file of your repository, which the resolver's container does not have (pip there fails on it): ${what}`),
        fix: resolverPathFix(off),
    };
}
/**
 * The problems of lines naming local files: every such line when a template builds some variant;
 * with only the user's own Dockerfile, a requirement by a relative path when the resolver dry-runs
 * one of them (RESOLVED; a relative --find-links is then a warning: pip ignores it).
 */
function localProblems(facts, templated, resolved, mode) {
    if (templated.length === 0)
        return resolved.length === 0
            ? undefined
            : resolverPathProblems(facts, `variant${plural(resolved, '', 's')} ${names(resolved)} ${plural(resolved, 'is', 'are')} resolved against ${plural(resolved, 'its', 'their')} base image first (resolve.mode: ${mode})`, 'set resolve.mode: off (the resolver then checks nothing)');
    if (facts.localFiles.length === 0)
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
 * with the way out, as is a requirement by a relative path when the resolver dry-runs a variant
 * built from the user's own Dockerfile. Hash-checking mode with a template's torch step and no dry
 * run, and a relative --find-links with only the user's own Dockerfile (the resolver's container
 * still lacks it), are WARNings. Nothing without requirements. RESOLVING: whether the run has the resolve stage (without
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
    const resolved = variants.filter((v) => resolverDryRuns(v, resolve.mode));
    const local = localProblems(facts, templated, resolved, resolve.mode);
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


/***/ }),

/***/ 92581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cf: () => (/* binding */ resolveTimeoutMs),
/* harmony export */   Rt: () => (/* binding */ SESSION_IDLE_MS),
/* harmony export */   Tl: () => (/* binding */ maxResolveCommands),
/* harmony export */   j: () => (/* binding */ withExecLimit),
/* harmony export */   p3: () => (/* binding */ sessionDeadlineMs),
/* harmony export */   xX: () => (/* binding */ execEnding)
/* harmony export */ });
/* unused harmony exports RESOLVE_TIMEOUT_ENV, DEFAULT_RESOLVE_TIMEOUT_MS, execStep, formatLimit, execTimeoutError */
/* harmony import */ var _docker_adapter_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(63659);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90131);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38201);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49997);
/* harmony import */ var _workdir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62592);
// A time limit on every command the resolver runs in its container. pip can hang: an index that
// answers too slowly for pip's own --timeout to fire (a trickle of bytes), an sdist whose
// setup.py never ends while pip builds its metadata, or pip backtracking for hours through the
// releases of loosely pinned packages. Without a limit the stage would hang with it;
// with one, the command's stream is dropped (session.exec's timeoutMs), the step is named in the
// error, and the caller removes the container (with whatever still runs in it).






/** The variable that sets the limit, in whole seconds. */
const RESOLVE_TIMEOUT_ENV = 'ML_IMAGE_RESOLVE_TIMEOUT_SECONDS';
/** The limit of one command without the variable: 15 minutes. */
const DEFAULT_RESOLVE_TIMEOUT_MS = 15 * 60_000;
/** The limit of each command, from RESOLVE_TIMEOUT_ENV (1 to MAX_TIMEOUT_SECONDS) or the default. */
function resolveTimeoutMs(env) {
    const raw = env[RESOLVE_TIMEOUT_ENV];
    if (raw === undefined || raw.trim() === '')
        return DEFAULT_RESOLVE_TIMEOUT_MS;
    const seconds = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > _config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TIMEOUT_SECONDS */ .Pe)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${RESOLVE_TIMEOUT_ENV}: expected whole seconds from 1 to ${_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_TIMEOUT_SECONDS */ .Pe}, got ${JSON.stringify(raw)}`, `e.g. ${RESOLVE_TIMEOUT_ENV}=1800 for 30 minutes, or unset it for the default (${DEFAULT_RESOLVE_TIMEOUT_MS / 1000})`);
    return seconds * 1000;
}
/**
 * The most commands one resolve can run in its container, counted from the steps (resolve.ts
 * answerFor, worst case: every pip run that may be tried twice is, the index failing once):
 * - the base snapshot by its own command (to be cached): 1;
 * - the plain dry run (the held one in its process): 2;
 * - the held dry run on its own: 2;
 * - relax: the helper's proposal 1, the relaxed dry run 2;
 * - release (steps/release.ts): the released dry run 2 (its analysis in its process);
 * - then either the helper's analysis of the held report (a plan): 1, or, for a conflict, per
 *   requested package pip blames (at most `requested`), the probe dry run 2 and the reading of
 *   its report 1.
 */
function maxResolveCommands(requested) {
    return 1 + 2 + 2 + 3 + 2 + Math.max(1, 3 * requested);
}
/** Limits added to the count: the time between commands (files copied in, the container's start). */
const DEADLINE_MARGIN = 2;
/**
 * How long the session's container may live: its idle loop ends then even when this process was
 * killed (while it lives, every command is stopped at its own limit). As many limits as a resolve
 * can run commands (maxResolveCommands), and a margin: a container that ended while a command was
 * still allowed to run would read as the helper failing. Never less than the sessions' default.
 */
const sessionDeadlineMs = (limitMs, commands) => Math.max(_docker_adapter_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_SESSION_DEADLINE_MS */ .X8, (commands + DEADLINE_MARGIN) * limitMs);
/**
 * How long the session's container lives without a command running in it: the resolver's commands
 * follow each other with seconds between them, so a session idle this long is one whose process
 * was killed (SIGKILL: no cleanup ran) and which would otherwise wait, with its files (the index
 * logins' netrc among them), for its whole deadline: hours for a long requirements file.
 */
const SESSION_IDLE_MS = 10 * 60_000;
/** What each pip report is the report of, for people. */
const REPORTS = {
    'naive.json': 'the plain dry run',
    'held.json': 'the held dry run (base packages pinned)',
    'relaxed.json': 'the relaxed dry run (blamed pins loosened)',
    'released.json': 'the released dry run (pins of what breaks nothing dropped)',
    'probe.json': 'the dry run looking for the newest release that fits',
};
const reportStep = (path) => {
    const name = (path ?? '').slice(`${_workdir_js__WEBPACK_IMPORTED_MODULE_4__/* .DIR */ .q6}/`.length);
    return REPORTS[name] ?? `the dry run ${name || '(no report)'}`;
};
/** The step a command of the resolver is, named for people (pure). */
function execStep(cmd) {
    const helper = cmd.indexOf(`${_workdir_js__WEBPACK_IMPORTED_MODULE_4__/* .DIR */ .q6}/helper.py`);
    if (helper >= 0) {
        const [sub, arg] = [cmd[helper + 1], cmd[helper + 2]];
        const flags = cmd.slice(helper + 3, cmd.indexOf('--') < 0 ? undefined : cmd.indexOf('--'));
        if (sub === 'run')
            return `${flags.includes('--snapshot') ? 'the base snapshot (pip inspect) and ' : ''}${reportStep(arg)} (pip install --dry-run)`;
        if (sub === 'snapshot')
            return 'the base snapshot (pip inspect)';
        if (sub === 'relax')
            return 'relaxing the blamed pins';
        if (sub === 'analyze')
            return 'the analysis of a pip report';
        return `the resolver helper's ${sub ?? 'command'}`;
    }
    const report = cmd.indexOf('--report');
    if (cmd.includes('pip') && report >= 0)
        return `${reportStep(cmd[report + 1])} (pip install --dry-run)`;
    return `the command "${cmd.slice(0, 2).join(' ')}"`;
}
/** `900 s (15 min)`, `90 s`: whole seconds, and whole minutes when there are some. */
function formatLimit(ms) {
    const s = Math.round(ms / 1000);
    return s >= 120 && s % 60 === 0 ? `${s} s (${s / 60} min)` : `${s} s`;
}
/** The error of a command that ran past its limit: the step, the image, the platform and the limit. */
function execTimeoutError(cmd, limitMs, where) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`resolve ${where.platform}: ${execStep(cmd)} in ${where.image} did not finish within ${formatLimit(limitMs)}; it was stopped and the resolver's container removed`, `a package index that answers too slowly, an sdist whose setup.py does not end while pip builds its metadata, or pip backtracking through the releases of many loosely pinned packages: check the index, require a version that has a wheel, pin more versions (name==X, or a narrower range) so that pip has fewer to try, or raise ${RESOLVE_TIMEOUT_ENV} (seconds, default ${DEFAULT_RESOLVE_TIMEOUT_MS / 1000})`);
}
const shortLine = (text) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .firstLine */ .TM)(text).trim().slice(0, 200);
/** How a command ended, for an interrupt's message: `exit 126: OCI runtime exec failed: ...`. */
function execEnding(r) {
    const line = shortLine(`${r.stderr}\n${r.stdout}`);
    return `exit ${r.exitCode}${line ? `: ${line}` : ''}`;
}
/**
 * After SIGINT/SIGTERM/SIGHUP, what the cleanup's removal of the container made of WHAT: the engine
 * refusing it (409 "container stopped/paused", 500 "Removal In Progress"), the command failing
 * ("cannot exec in a stopped state", exit 137). The interrupt (exit 130/143/129), not an internal
 * error or a base image without python3; undefined before any signal.
 */
function stoppedByInterrupt(what, failure) {
    if ('result' in failure)
        return failure.result.exitCode === 0 ? undefined : (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .interruptedFailure */ .rn)(what, execEnding(failure.result));
    const e = failure.error;
    return (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .interruptedFailure */ .rn)(what, shortLine((0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(e)), e);
}
/**
 * The session with a limit on every exec (an exec's own timeoutMs wins): one that runs past it
 * throws execTimeoutError. The caller closes the session, which removes the container. After a
 * signal, a command or a copy that fails (the cleanup removed the container) throws the interrupt.
 */
function withExecLimit(session, limitMs, where) {
    const rethrow = (what) => (error) => {
        throw stoppedByInterrupt(what, { error }) ?? error;
    };
    return {
        containerId: session.containerId,
        putFiles: (dir, files) => session.putFiles(dir, files).catch(rethrow(`copying the resolver's files into ${where.image}`)),
        close: () => session.close(),
        async exec(cmd, options = {}) {
            const timeoutMs = options.timeoutMs ?? limitMs;
            const what = `${execStep(cmd)} in ${where.image}`;
            const r = await session.exec(cmd, { ...options, timeoutMs }).catch(rethrow(what));
            const stopped = stoppedByInterrupt(what, { result: r });
            if (stopped)
                throw stopped;
            if (r.timedOut)
                throw execTimeoutError(cmd, timeoutMs, where);
            return r;
        },
    };
}


/***/ }),

/***/ 62592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ proxyHint),
/* harmony export */   Gn: () => (/* binding */ sessionEnv),
/* harmony export */   Mh: () => (/* binding */ USER_CONSTRAINTS_FILE),
/* harmony export */   cS: () => (/* binding */ proxyEnv),
/* harmony export */   q6: () => (/* binding */ DIR),
/* harmony export */   wU: () => (/* binding */ NETRC_FILE)
/* harmony export */ });
/* unused harmony export PIP_ENV */
// Where the resolver works inside the base image's container, and the environment of every pip
// run there.
/** The directory in the container: requirements, constraints, the helper and pip's reports. */
const DIR = '/tmp/ml-image-resolve';
const PIP_ENV = {
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_INPUT: '1',
    PIP_ROOT_USER_ACTION: 'ignore',
    // Debian/Ubuntu images mark their Python externally managed; this is a dry run in a throwaway container.
    PIP_BREAK_SYSTEM_PACKAGES: '1',
};
/** The requirements' own -c lines (input.ts userConstraintsText), which every dry run takes too. */
const USER_CONSTRAINTS_FILE = 'user-constraints.txt';
/**
 * The index logins pip reads (NETRC names it: input.ts runIndexes), never in a URL that pip would
 * put on a command line.
 */
const NETRC_FILE = 'netrc';
/**
 * The proxy variables of the run's environment that reach pip in the resolver's container (pip
 * reads either case; ALL_PROXY is the one for every scheme, as requests reads it): as the
 * container's environment, never on a command line nor in a record. The build has its own (buildx
 * passes ~/.docker/config.json's proxies).
 */
const PIP_PROXY_VARS = [
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'ALL_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'all_proxy',
    'no_proxy',
];
/** The PIP_PROXY_VARS set (not empty) in ENV. Pure. */
function proxyEnv(env) {
    return Object.fromEntries(PIP_PROXY_VARS.flatMap((k) => (env[k] ? [[k, env[k]]] : [])));
}
/** The resolver's container's environment: PIP_ENV and the run's proxy variables (proxyEnv). */
function sessionEnv(env) {
    return { ...PIP_ENV, ...proxyEnv(env) };
}
/**
 * What an unreachable index or URL adds to its fix for a runner behind a proxy: pip in the
 * resolver's container uses the run's proxy variables (PIP_PROXY_VARS); one on this machine's loopback
 * is out of reach from Docker's bridge network (failure.ts bridgeHint).
 */
function proxyHint(ctx) {
    const loopback = ctx.network === 'bridge'
        ? " (a proxy on this machine's loopback, 127.0.0.1, is out of the bridge network's reach: set build.network: host)"
        : '';
    return `; behind a proxy, set HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) in the run's environment: the resolver passes them to pip in its container${loopback}`;
}


/***/ })

};
