export const id = 802;
export const ids = [802];
export const modules = {

/***/ 96269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveCommand: () => (/* binding */ resolveCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _requirements_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99679);
/* harmony import */ var _docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74234);
/* harmony import */ var _docker_host_lookup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2391);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _github_event_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(85015);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17700);
/* harmony import */ var _python_indexes_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3788);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(82513);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(49997);
/* harmony import */ var _resolve_resolve_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(93321);
/* harmony import */ var _resolve_stage_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(50810);
/* harmony import */ var _resolve_exec_limit_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(92581);
/* harmony import */ var _requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(46496);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(43140);
/* harmony import */ var _resolve_snapshot_cache_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(42405);
/* harmony import */ var _util_cache_dir_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(9364);
/* harmony import */ var _resolve_pip_cache_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(31374);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(96657);




















const RESOLVE_OPTIONS = {
    image: { type: 'string', required: true },
    requirements: { type: 'string', multiple: true, required: true },
    'index-url': { type: 'string' },
    'extra-index-url': { type: 'string', multiple: true },
    platform: { type: 'string' },
    mode: { type: 'string', default: 'auto' },
    network: { type: 'string' },
};
const resolveCommand = {
    name: 'resolve',
    options: RESOLVE_OPTIONS,
    summary: 'Find and fix Python dependency conflicts between your requirements and a base image.',
    usage: 'ml-image resolve --image REF --requirements FILE [--index-url URL] [--platform P] [--mode auto|check] [--network host|bridge] [--out DIR] [--json]',
    help: `Runs pip inside the base image (one container, for the target platform): records what the image
ships, shows what a plain "pip install -r" would replace there and which base packages that breaks,
then resolves again with every base package held at its version. Where pip blames your own pins, it
relaxes them to their lower bound and tries once more. Hazards pip cannot see (NumPy 1.x builds,
torch CUDA builds, opencv variants, ...) become warnings with the fix.

Options:
  --image REF           the base image: the one this machine holds under that tag for the platform
                        (as dockerd's own builder uses it), pulled when there is none
  --requirements FILE   requirements file (repeatable; -r includes are followed)
  --index-url URL       pip index (default: PIP_INDEX_URL, else PyPI); --extra-index-url URL
                        (repeatable; default PIP_EXTRA_INDEX_URL). Given to pip through its
                        environment, never pip's command line; shown with the password masked.
                        A URL with a login is on this command's own line (ps, shell history):
                        put it in PIP_INDEX_URL / PIP_EXTRA_INDEX_URL instead
  --platform P          linux/amd64 or linux/arm64 (default: the engine's own, linux/arm64 on Apple
                        silicon); a platform other than the engine's runs under QEMU
  --mode auto|check     auto (default): find a plan that holds the base; check: any change to the
                        base is a failure
  --network host|bridge network of the resolver container (default: bridge, or host when pip must
                        reach this machine's loopback: an index or URL on localhost/127.0.0.0/8/::1,
                        or on a host name this machine resolves to one). An index reachable only
                        from this machine through another name in /etc/hosts needs --network host
  --out DIR             writes constraints.txt, requirements.txt, resolution.json, explanation.md
  --json                print resolution.json instead of the explanation

Base-image snapshots are cached by digest (a local image that is not the registry's: by its image
id) in $ML_IMAGE_CACHE_DIR (default ~/.cache/ml-image); pip's HTTP cache is kept in a Docker volume,
${_resolve_pip_cache_js__WEBPACK_IMPORTED_MODULE_17__/* .PIP_CACHE_PREFIX */ .iY}<hash> (one per base image and set of https or --trusted-host index
URLs; none when one carries credentials). The tool never removes these volumes (old ones, those
of past base digests); to remove them all:
  docker volume ls -q --filter label=${_resolve_pip_cache_js__WEBPACK_IMPORTED_MODULE_17__/* .PIP_CACHE_LABEL */ .KX}=pip-http | xargs -r docker volume rm
Every command in the resolver's container is stopped after 15 minutes
(ML_IMAGE_RESOLVE_TIMEOUT_SECONDS): exit 3. --verbose ends with a per-step timing line.

Exit codes: 0 no conflict, or fixed (auto); 1 a conflict that cannot be resolved (check: any
conflict); 2 bad input (a malformed requirement, a wrong --hash, a requirement by a relative path
such as -e . (not in the container; refused before the pull), a local path or direct URL that is
not there, a package the index does not have: named with its file and line; a base image without
python3); 3 no Docker daemon, the index or a direct URL is unreachable (after retries), or the
registry refused the base image's pull (pull it with "docker pull" after "docker login"), or the
engine holds the base's list without the platform's content (pull it with "docker pull --platform").`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_18__/* .parseCommandArgs */ .Qx)('resolve', argv, RESOLVE_OPTIONS);
        if (!values.image)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('resolve: --image is required', 'e.g. --image python:3.12-slim');
        const imageProblem = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .imageRefProblem */ .OD)(values.image);
        if (imageProblem !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`resolve: --image: ${imageProblem} (got ${JSON.stringify(values.image.slice(0, 200))})`, 'e.g. --image python:3.12-slim');
        if (!values.requirements?.length)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('resolve: --requirements is required', 'e.g. --requirements requirements.txt');
        const wanted = (0,_args_js__WEBPACK_IMPORTED_MODULE_18__/* .platformFlag */ ._G)('resolve', values.platform);
        const mode = oneOf('--mode', values.mode, ['auto', 'check']);
        const network = values.network !== undefined ? oneOf('--network', values.network, ['host', 'bridge']) : undefined;
        // Flags, else PIP_INDEX_URL / PIP_EXTRA_INDEX_URL: they reach pip through its environment.
        const indexes = (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_7__/* .pipIndexes */ .iP)({ indexUrl: values['index-url'], extraIndexUrls: values['extra-index-url'] }, io.env, { indexUrl: 'resolve: --index-url', extraIndexUrls: 'resolve: --extra-index-url' });
        for (const [flag, urls] of [
            ['--index-url', [values['index-url'] ?? '']],
            ['--extra-index-url', values['extra-index-url'] ?? []],
        ])
            if (urls.some((u) => (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_8__/* .redactUrls */ .sK)(u) !== u))
                io.stderr(`warning: resolve: ${flag} holds a login, which is on this command's line (ps, shell history): put the URL in ${flag === '--index-url' ? 'PIP_INDEX_URL' : 'PIP_EXTRA_INDEX_URL'} instead\n`);
        const requirements = readResolveRequirements(values.requirements, io, values.out);
        // The resolver's time limit is an input too: a typo is exit 2 before the engine is asked.
        (0,_resolve_exec_limit_js__WEBPACK_IMPORTED_MODULE_12__/* .resolveTimeoutMs */ .Cf)(io.env);
        // --out is held before the engine is asked: another run writing there now is refused at once,
        // not after the resolve's minutes.
        if (values.out !== undefined)
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_14__/* .holdOutDir */ .$g)(io.cwd, values.out);
        // No --platform: the engine's own (as capture and smoke take it), after every input is checked;
        // no daemon is exit 3 with its fix, as the resolve itself would be.
        const platform = wanted ?? (0,_docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .enginePlatform */ .q)(await io.docker().ping());
        if (wanted === undefined)
            io.stderr(`resolve: for ${platform}, the Docker engine's platform (--platform picks another)\n`);
        const out = await (0,_resolve_resolve_js__WEBPACK_IMPORTED_MODULE_10__/* .resolveAgainstBase */ .f)({
            image: values.image,
            platform,
            requirements,
            indexes,
            pipEnv: (0,_resolve_stage_js__WEBPACK_IMPORTED_MODULE_11__/* .referencedEnv */ .Dx)(requirements.envReferences, io.env),
            mode,
            ...(network !== undefined && { network }),
        }, {
            docker: io.docker(),
            env: io.env,
            event: (0,_github_event_js__WEBPACK_IMPORTED_MODULE_5__/* .readGitHubEventFile */ .MZ)(io.env.GITHUB_EVENT_PATH),
            lookupHost: io.lookupHost ?? _docker_host_lookup_js__WEBPACK_IMPORTED_MODULE_3__/* .systemLookup */ .O,
            progress: (l) => io.stderr(`${l}\n`),
            cache: (0,_resolve_snapshot_cache_js__WEBPACK_IMPORTED_MODULE_15__/* .fileSnapshotCache */ .JZ)((0,_util_cache_dir_js__WEBPACK_IMPORTED_MODULE_16__/* .defaultCacheDir */ .$)(io.env, io.cwd)),
            // --verbose: a per-step timing line at the end of the progress.
            verbose: values.verbose === true,
        });
        if (values.out !== undefined) {
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_14__/* .openOutDir */ .cE)(io.cwd, values.out).writeResolve(out);
        }
        for (const h of out.resolution.hazards)
            io.stderr(`warning: ${h.message}\n  fix: ${h.fix}\n`);
        io.stdout(values.json ? `${JSON.stringify(out.resolution, null, 2)}\n` : out.explanation);
        const failed = out.resolution.status === 'conflict' || (mode === 'check' && out.resolution.status !== 'clean');
        return failed ? 1 : 0;
    },
};
/**
 * A flag of a fixed set of values (--mode, --network): another value is exit 2, quoted and with the
 * nearest one named, as every such flag of the CLI refuses it.
 */
function oneOf(flag, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`resolve: ${flag}: expected ${allowed.join(' or ')}, got ${JSON.stringify(value)}${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .didYouMean */ .au)(value, allowed)}`, `give ${flag} ${allowed.join(' or ')}, or leave it out`);
}
/**
 * The requirements FILES as given (relative to the CLI's directory), with a requirement by a
 * relative path refused: pip in the base image's container fails on it, after the pull (exit 3
 * first with the registry down), so it is bad input said before the engine is asked. So is an
 * --out DIR whose requirements.txt (or another file resolve writes) is one of those read.
 */
function readResolveRequirements(files, io, out) {
    const requirements = (0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readRequirements */ .F2)(files, io.cwd, io.env, (0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_1__/* .workspaceRoot */ .oS)(io.env, io.cwd));
    if (out !== undefined)
        (0,_output_js__WEBPACK_IMPORTED_MODULE_19__/* .refuseInputAsOut */ .j7)(io.cwd, _results_out_dir_js__WEBPACK_IMPORTED_MODULE_14__/* .RESOLVE_OUT_FILES */ .g3.map((name) => node_path__WEBPACK_IMPORTED_MODULE_0___default().join(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, out), name)), `--out ${out}`, requirements.files.map((file) => ({ what: 'a requirements file (--requirements, -r or -c)', file })), 'pass --out DIR naming another directory');
    const paths = (0,_requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_13__/* .resolverPathProblems */ .GW)(requirements.facts, 'resolve runs pip inside the base image, in a directory of its own', 'resolve a copy of the requirements without that line');
    if (paths !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(files.join(', '), paths.problems, { fix: paths.fix, problemsNameFiles: true });
    return requirements;
}


/***/ }),

/***/ 74234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ enginePlatform)
/* harmony export */ });
/** Go's architecture names (the engine's), also for the names other tools use for the same CPUs. */
const ARCH_ALIASES = {
    x64: 'amd64',
    x86_64: 'amd64',
    aarch64: 'arm64',
};
/** The engine's platform as the config writes platforms: linux/amd64, linux/arm64. */
function enginePlatform(info) {
    const arch = info.arch.toLowerCase();
    return `${info.os.toLowerCase()}/${ARCH_ALIASES[arch] ?? arch}`;
}


/***/ }),

/***/ 53041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ pinnedRef),
/* harmony export */   NB: () => (/* binding */ platformManifest),
/* harmony export */   bg: () => (/* binding */ platformImage)
/* harmony export */ });
/* unused harmony export platformImageOf */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17700);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38201);
// The platform's own image of a reference by an index digest (REPOSITORY@sha256:<manifest list>).
// dockerd's classic image store keeps one local image under REPOSITORY@DIGEST, the platform it was
// first pulled for: a run of it for another platform is refused ("Cannot overwrite digest"), and a
// run without a platform takes whichever platform is local, not the engine's own. `ml-image capture`
// and `ml-image smoke` run REPOSITORY@<the platform's manifest> instead, as the smoke stage and the
// resolver do: the one asked for, else the engine's own when the index lists it. The index is read
// through the adapter (the registry over HTTP, else buildx); pure but for that read.



/** REPOSITORY@DIGEST of a reference (any tag or digest it had replaced): pure. */
function pinnedRef(image, digest) {
    const name = image.includes('@') ? image.slice(0, image.indexOf('@')) : image;
    const colon = name.lastIndexOf(':');
    return `${colon > name.lastIndexOf('/') ? name.slice(0, colon) : name}@${digest}`;
}
/**
 * The platform's own manifest of a multi-platform DIGEST (an index), when the registry lists it;
 * undefined for a single-platform image (DIGEST is then the platform's). Asked without a variant,
 * the entry without one (arm64's v8 counts as none), as the engine picks: an amd64/v3 image listed
 * first would not run on a CPU without those instructions; none such, undefined (the engine
 * chooses). An entry that is an index itself is never the platform's manifest. Pure.
 */
function platformManifest(index, platform) {
    const [os, architecture, variant] = platform.split('/');
    const nested = new Set(index.indexEntries ?? []);
    const matches = index.platforms.filter((p) => p.os === os && p.architecture === architecture && (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(p.digest) && !nested.has(p.digest));
    const plain = (p) => p.variant === undefined || (architecture === 'arm64' && p.variant === 'v8');
    return matches.find((p) => (variant === undefined ? plain(p) : p.variant === variant))?.digest;
}
/** `os/arch[/variant]` of each entry of INDEX, for messages. */
const listed = (index) => index.platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`).join(', ');
/**
 * What runs of IMAGE (a reference by an index digest whose INDEX was read) for PLATFORM, or for the
 * engine's platform (HOST) when none is asked: that entry's manifest by digest. A PLATFORM the index
 * lacks is exit 2, naming those it lists; the engine's platform missing, IMAGE is left to the engine
 * (it picks one, or says it has none). A single-platform manifest is IMAGE itself. Pure.
 */
function platformImageOf(image, index, platform, host) {
    if (index.platforms.length === 0)
        return { image };
    const wanted = platform ?? host;
    const digest = platformManifest(index, wanted);
    if (digest !== undefined)
        return { image: pinnedRef(image, digest), platform: wanted };
    // None to pin (only an amd64/v3 entry, a nested index): the engine chooses among them.
    const [os, architecture] = wanted.split('/');
    const listsIt = index.platforms.some((p) => p.os === os && p.architecture === architecture);
    if (platform === undefined || listsIt)
        return { image };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`image ${image} has no variant for ${platform}: its index lists ${listed(index)}`, 'use an image that has one, or another platform (--platform)');
}
/** How long the index read may take before the image runs as given (the engine then pulls it). */
const INDEX_READ_MS = 30_000;
/**
 * The index digest IMAGE ends in (REPOSITORY[:TAG]@sha256:...), else undefined: pure. Unlike
 * refDigest, a bare @sha256:... (nothing before the "@") names no image here: it runs as given.
 */
function digestOf(image) {
    const digest = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .refDigest */ .I2)(image);
    return digest !== undefined && image.length > digest.length + 1 ? digest : undefined;
}
/**
 * The image capture and smoke run for IMAGE and PLATFORM (platformImageOf): a reference by digest
 * has its manifest read; one by tag or image ID, an index that cannot be read (no registry, an
 * image only local) and a single-platform manifest run as given, as before. HOST: the engine's
 * platform, asked only when no platform is given and IMAGE is an index.
 */
async function platformImage(docker, image, platform, host) {
    if (digestOf(image) === undefined)
        return { image };
    const index = await docker
        // Its own limit, and SIGINT/SIGTERM: the read under way stops at once, as the interrupt's error.
        .imagetoolsInspect(image, { signal: (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .untilInterrupted */ .tv)(AbortSignal.timeout(INDEX_READ_MS)) })
        .catch((e) => {
        if (e instanceof _util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .InterruptedError */ .p4)
            throw e;
        return undefined;
    });
    if (index === undefined || index.platforms.length === 0)
        return { image };
    return platformImageOf(image, index, platform, platform ?? (await host()));
}


/***/ }),

/***/ 85015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MZ: () => (/* binding */ readGitHubEventFile),
/* harmony export */   dV: () => (/* binding */ defaultBranchOf)
/* harmony export */ });
/* unused harmony exports GitHubEventSchema, parseGitHubEvent */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23387);
/* harmony import */ var _util_parse_input_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91814);
// The runner's event payload (GITHUB_EVENT_PATH), parsed with a zod schema of the fields this
// project reads (pull request, repository, head commit, workflow_run); everything else is dropped.
// A missing, unreadable or non-object file is an empty event, as it is off a runner. A section of
// an unexpected shape is left out rather than trusted (or failing the whole event).



const RepoRef = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ full_name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() });
/** A text Date reads as a valid time (an invalid one would throw in toISOString). */
const isDate = (s) => !Number.isNaN(new Date(s).getTime());
/** Larger payloads are not GitHub's (its webhooks are at most 25 MB); this bounds the read. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;
/**
 * The event fields read by src/report/github-env.ts, src/report/poster.ts, src/plan/git-context.ts
 * and (workflow_run) mayBuildPullRequestCode.
 */
const GitHubEventSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    pull_request: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        number: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().optional(),
        head: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
            sha: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
            // null: the head repository (a fork) was deleted.
            repo: RepoRef.extend({ fork: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional() }).nullable().optional(),
        })
            .optional(),
        base: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(), repo: RepoRef.optional() }).optional(),
    })
        .optional()
        .catch(undefined),
    repository: RepoRef.extend({ default_branch: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }).optional().catch(undefined),
    // null on a push that deletes a branch. A timestamp that is no date is left out (as when absent):
    // the commit time is then not known, rather than an invalid date failing the run.
    head_commit: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ timestamp: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().refine(isDate).optional().catch(undefined) })
        .nullable()
        .optional()
        .catch(undefined),
    workflow_run: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        // The run whose artifact the fork poster posts: its links name this run, not the artifact's.
        id: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
        // The workflow of that run: the fork poster keys its comment on it (never on the artifact).
        workflow_id: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
        head_sha: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
        // The branch that run built: a workflow_run run's records are the default branch's baseline
        // only when that run built the default branch (its GITHUB_REF is the default branch anyway).
        head_branch: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable().optional().catch(undefined),
        // The event of that run: a workflow_run run is trusted only after a trusted one
        // (src/util/pull-request-code.ts).
        event: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().catch(undefined),
        pull_requests: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ number: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().optional() })).optional(),
        head_repository: RepoRef.nullable().optional(),
        // Who that run was (Dependabot's push runs are untrusted: pull-request-code.ts).
        actor: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }).nullable().optional().catch(undefined),
    })
        .optional()
        .catch(undefined),
});
/**
 * A parsed payload; anything that is not a JSON object is an empty event, as is one so far off
 * (600,000 wrong pull_requests in a workflow_run) that zod's issue gathering overflowed the stack.
 */
function parseGitHubEvent(json) {
    return (0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_1__/* .parsedOrNone */ .DU)(GitHubEventSchema, json) ?? {};
}
/**
 * The repository's default branch: the payload's repository.default_branch, else on a schedule run
 * the branch it runs on. A schedule's payload is only {"schedule": "<cron>"}, and GitHub runs every
 * scheduled workflow on the default branch (GITHUB_REF is it), so a nightly rebuild gets the
 * default branch's tags and saves its baseline, as the reusable workflow's attest job counts it.
 * CHECKED_OUT, where the caller read it: the commit the checkout holds. A schedule run that checked
 * out another commit than GITHUB_SHA (a nightly rebuild of release/1.x) is not told to be the
 * default branch's: its image must not move `latest`, nor its records become the baseline.
 */
function defaultBranchOf(env, event, checkedOut) {
    const schedule = env.GITHUB_EVENT_NAME === 'schedule';
    if (schedule && checkedOut !== undefined && checkedOut !== env.GITHUB_SHA)
        return undefined;
    const named = event.repository?.default_branch;
    if (named !== undefined)
        return named;
    const ref = env.GITHUB_REF;
    return schedule && ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
/** The payload at `path` (GITHUB_EVENT_PATH); missing or unreadable: an empty event. */
function readGitHubEventFile(path) {
    if (!path)
        return {};
    try {
        // A regular file only: a FIFO or device at the path is no event, never a read that blocks.
        return parseGitHubEvent(JSON.parse((0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_0__/* .readRegularFile */ .XF)(path, MAX_EVENT_BYTES).toString('utf8')));
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 3788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a4: () => (/* binding */ describeIndexes),
  vT: () => (/* binding */ netrcIndexes),
  pN: () => (/* binding */ outputMasker),
  aI: () => (/* binding */ pipConf),
  DV: () => (/* binding */ pipIndexEnv),
  iP: () => (/* binding */ pipIndexes),
  NB: () => (/* binding */ warnKeptLogins),
  BH: () => (/* binding */ withExtraIndex)
});

// UNUSED EXPORTS: givenPipIndexes

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/pip-index-url.ts
var pip_index_url = __webpack_require__(72752);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
;// CONCATENATED MODULE: ./src/python/netrc.ts
// Index logins reach pip through a netrc file, the URLs without them: pip copies every index URL,
// login included, onto the command line of the pip it starts to build a source distribution
// (build isolation: `pip install ... -i URL --extra-index-url URL -- BACKEND`, pip's
// build_env.py), and any local user reads a process's command line (/proc/PID/cmdline). pip sends
// the login for a URL's host from the netrc file NETRC names (its vendored requests >= 2.25, pip
// >= 20.3: network/auth.py _get_new_credentials -> get_netrc_auth), which looks the host up
// without its port. A login stays in its URL (as before) where a netrc file cannot carry it for
// every Python: two different logins on one host, a login without a password (Python before 3.11
// refuses the whole file), or one with characters whose meaning differs between Python's netrc
// parsers (whitespace, a backslash, a leading double quote, anything not printable ASCII).
/** A netrc word every Python's netrc module reads as written (checked with 3.6 to 3.13). */
const PORTABLE = /^(?!")[\x21-\x5b\x5d-\x7e]+$/;
/** As Python's urllib.parse.unquote, where that agrees with decodeURIComponent; else undefined. */
function unquote(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return undefined;
    }
}
/** An http(s) URL with a login, split as pip splits it (split_auth_from_netloc); else undefined. */
function parse(url) {
    const m = /^(https?:\/\/)([^/?#]*)(.*)$/is.exec(url);
    if (!m)
        return undefined;
    const [, scheme, authority, rest] = m;
    const at = authority.lastIndexOf('@');
    if (at < 0)
        return undefined;
    const hostPort = authority.slice(at + 1);
    // requests' get_netrc_auth: the netloc up to its first ':' of the URL as requests prepared it,
    // whose host urllib3 has lowercased (netrc's lookup is exact). An IPv6 literal has no such host:
    // its login stays in its URL (unportable).
    const host = hostPort.startsWith('[') ? hostPort.replace(/\].*$/s, ']') : (hostPort.split(':')[0] ?? '');
    if (host === '')
        return undefined;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = unquote(colon < 0 ? userinfo : userinfo.slice(0, colon));
    const password = colon < 0 ? undefined : unquote(userinfo.slice(colon + 1));
    return { url, bare: `${scheme}${hostPort}${rest}`, host: host.toLowerCase(), user, password };
}
/** Why a login cannot go into a netrc file, or undefined when it can. */
function unportable(p) {
    if (p.host.startsWith('['))
        return 'an IPv6 address (requests looks a login up in the netrc file by the text before the first ":", a part of the address)';
    if (p.password === undefined || p.password === '')
        return 'a login without a password (give user:password; Python before 3.11 cannot read such a netrc entry)';
    if (p.user === undefined || !PORTABLE.test(p.user) || !PORTABLE.test(p.password) || !PORTABLE.test(p.host))
        return 'a login with characters a netrc file does not carry alike for every Python';
    return undefined;
}
/**
 * The logins of URLS moved into a netrc file: one entry per host, the URLs without their login.
 * A host whose URLs carry different logins, or a login a netrc file cannot carry (unportable),
 * keeps its logins in its URLs. Pure.
 */
function splitNetrc(urls) {
    const byHost = new Map();
    for (const u of urls) {
        const p = parse(u);
        if (p)
            byHost.set(p.host, [...(byHost.get(p.host) ?? []), p]);
    }
    const moved = new Map();
    const lines = [];
    const kept = [];
    for (const [host, ps] of byHost) {
        const logins = new Set(ps.map((p) => JSON.stringify([p.user, p.password])));
        const first = ps[0];
        const why = logins.size > 1 ? 'different logins on one host (a netrc file holds one per host)' : unportable(first);
        if (why !== undefined) {
            kept.push({ host, why });
            continue;
        }
        lines.push(`machine ${host} login ${first.user ?? ''} password ${first.password ?? ''}\n`);
        for (const p of ps)
            moved.set(p.url, p.bare);
    }
    return { urls: urls.map((u) => moved.get(u) ?? u), netrc: lines.join(''), kept };
}

// EXTERNAL MODULE: ./src/util/url-secrets.ts
var url_secrets = __webpack_require__(92561);
;// CONCATENATED MODULE: ./src/python/indexes.ts
// Where pip looks for packages, for the resolver and the build alike: the config's python.indexUrl
// and python.extraIndexUrls, else the environment's PIP_INDEX_URL / PIP_EXTRA_INDEX_URL (as pip
// itself would read them). These URLs often carry credentials (https://user:TOKEN@host/simple), so
// they reach pip only through its environment or a pip.conf file (a BuildKit secret mount in the
// build), never a command line or a build argument, and their logins through a netrc file
// (netrcIndexes): pip itself copies the URLs onto the command line of the pip it starts to build a
// source distribution. Anything shown goes through redactUrls.





/** pip's default index. */
const PYPI_SIMPLE = 'https://pypi.org/simple';
/** Throws an InputError (exit 2) naming WHERE the URL came from, shown as shownUrl shows it. */
function check(url, where) {
    const problem = (0,pip_index_url/* indexUrlProblem */.X)(url);
    if (problem !== undefined)
        throw new errors/* InputError */.dz(`${where}: ${problem} (got ${JSON.stringify((0,redact/* shownUrl */.zA)(url))})`, 'give a simple index URL, e.g. https://pypi.org/simple');
}
/**
 * The indexes pip is given, unchecked: the given ones, else PIP_INDEX_URL / PIP_EXTRA_INDEX_URL
 * (for masking their credentials wherever they might be printed; pipIndexes to use them).
 */
function givenPipIndexes(python, env = {}) {
    const indexUrl = python.indexUrl ?? (env.PIP_INDEX_URL?.trim() || undefined);
    const extra = python.extraIndexUrls && python.extraIndexUrls.length > 0
        ? [...python.extraIndexUrls]
        : (env.PIP_EXTRA_INDEX_URL ?? '').split(/\s+/).filter(Boolean);
    return { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: extra };
}
/**
 * The indexes pip uses (givenPipIndexes), each checked (indexUrlProblem): a bad one is an
 * InputError naming its source, NAMES for the given ones (the config's fields, or a command's
 * flags), the variable for the environment's.
 */
function pipIndexes(python, env = {}, names = {
    indexUrl: 'python.indexUrl',
    extraIndexUrls: 'python.extraIndexUrls',
}) {
    const ix = givenPipIndexes(python, env);
    if (ix.indexUrl !== undefined)
        check(ix.indexUrl, python.indexUrl !== undefined ? names.indexUrl : 'PIP_INDEX_URL (environment)');
    const extraGiven = (python.extraIndexUrls?.length ?? 0) > 0;
    for (const u of ix.extraIndexUrls)
        check(u, extraGiven ? names.extraIndexUrls : 'PIP_EXTRA_INDEX_URL (environment)');
    return ix;
}
/** The environment that points pip at the indexes (for `docker exec` env, never argv). */
function pipIndexEnv(ix) {
    return {
        ...(ix.indexUrl !== undefined && { PIP_INDEX_URL: ix.indexUrl }),
        ...(ix.extraIndexUrls.length > 0 && { PIP_EXTRA_INDEX_URL: ix.extraIndexUrls.join(' ') }),
    };
}
/** A pip configuration file with the indexes (pip reads it from PIP_CONFIG_FILE). */
function pipConf(ix) {
    const lines = ['[global]'];
    if (ix.indexUrl !== undefined)
        lines.push(`index-url = ${ix.indexUrl}`);
    if (ix.extraIndexUrls.length > 0) {
        lines.push('extra-index-url =', ...ix.extraIndexUrls.map((u) => `    ${u}`));
    }
    return `${lines.join('\n')}\n`;
}
/**
 * IX and the torch index (TORCH, when given) without the logins a netrc file carries, and that
 * file's text: what pip is given in the resolver and the build alike. Pure.
 */
function netrcIndexes(ix, torch) {
    const head = ix.indexUrl !== undefined ? [ix.indexUrl] : [];
    const s = splitNetrc([...head, ...ix.extraIndexUrls, ...(torch !== undefined ? [torch] : [])]);
    const urls = [...s.urls];
    const indexUrl = head.length > 0 ? urls.shift() : undefined;
    const torchIndexUrl = torch !== undefined ? urls.pop() : undefined;
    return {
        indexes: { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: urls },
        ...(torchIndexUrl !== undefined && { torchIndexUrl }),
        netrc: s.netrc,
        kept: s.kept,
    };
}
/** Hosts warned of (warnKeptLogins): once per process, for the resolver and the build together. */
const warnedHosts = new Set();
/**
 * A warning for each host whose logins stay in the index URLs (netrcIndexes' kept), through SAY,
 * once per host and process.
 */
function warnKeptLogins(kept, say) {
    for (const k of kept) {
        if (warnedHosts.has(k.host))
            continue;
        warnedHosts.add(k.host);
        say(`warning: index host ${k.host}: ${k.why}: its login stays in the index URL, which pip puts on the command line of the pip it starts to build a source distribution (readable by local users)`);
    }
}
/** The indexes with URL as one more extra index, unless pip already lists it (or URL is undefined). */
function withExtraIndex(ix, url) {
    if (url === undefined || ix.indexUrl === url || ix.extraIndexUrls.includes(url))
        return ix;
    return { ...ix, extraIndexUrls: [...ix.extraIndexUrls, url] };
}
/** The indexes as shown to people: userinfo masked. */
function describeIndexes(ix) {
    return [ix.indexUrl ?? PYPI_SIMPLE, ...ix.extraIndexUrls].map((u) => (0,redact/* redactUrls */.sK)(u)).join(', ');
}
/**
 * What each percent-encoder that may write a secret into a URL keeps as it is, beside letters and
 * digits: encodeURIComponent; Python's quote (its default safe "/"); encodeURI; requests'
 * requote_uri, which pip's errors print URLs through ("File not found for url: ...").
 */
const URL_ENCODERS_SAFE = ["-_.!~*'()", '-_.~/', "-_.!~*'();/?:@&=+$,#", "-_.~!#$%&'()*+,/:;=?@[]"];
/** VALUE percent-encoded as an encoder keeping SAFE writes it (UTF-8 bytes), hex in CASE. */
function percentEncoded(value, safe, hexCase) {
    let out = '';
    for (const ch of value) {
        if (/^[A-Za-z0-9]$/.test(ch) || safe.includes(ch))
            out += ch;
        else
            for (const b of Buffer.from(ch, 'utf8')) {
                const hex = b.toString(16).padStart(2, '0');
                out += `%${hexCase === 'upper' ? hex.toUpperCase() : hex}`;
            }
    }
    return out;
}
/**
 * VALUE as each encoder may write it into a URL's path or query (upper- and lower-case hex), the
 * forms that differ from it: a build.secrets value in a direct URL's path comes back encoded in
 * pip's and requests' errors (`{x}|` as `%7Bx%7D%7C`, `é` as `%C3%A9`).
 */
function percentEncodedForms(value) {
    const forms = new Set();
    for (const safe of URL_ENCODERS_SAFE)
        for (const hexCase of ['upper', 'lower'])
            forms.add(percentEncoded(value, safe, hexCase));
    forms.delete(value);
    return [...forms];
}
/**
 * Masks a line of pip's or the build's output: URL userinfo masked and any build.secrets value
 * (also percent-encoded) or index credential (of the pip indexes and the torch index, decoded and as
 * written in the URL) replaced, as a runner masks registered secrets. pip prints the URLs it fetched, a token in a query
 * string included: redactUrls knows the usual names (`?sig=`, `?token=`), the values catch the rest
 * (a token in a path quoted without its host).
 */
function outputMasker(secretEnv, indexes, torchIndexUrls = []) {
    const urls = [indexes.indexUrl ?? '', ...indexes.extraIndexUrls, ...torchIndexUrls];
    const values = Object.values(secretEnv);
    const masks = (0,redact/* valueMasks */.xJ)([
        ...values,
        ...urls.flatMap((u) => [(0,redact/* urlSecret */.mz)(u), (0,redact/* urlSecret */.mz)(u, 'raw')]),
        // Its tokens (?token=, /t/<token>/, dl.cloudsmith.io/<token>/) by value too: urllib3's retry
        // warning names the path alone, where no URL rule sees them.
        ...urls.flatMap((u) => (0,url_secrets/* urlTokens */.gJ)(u).flatMap((t) => [t.value, (0,url_secrets/* decoded */.DH)(t.value) ?? t.value])),
    ]);
    // Each holds a '%': tried only on a line that has one (most lines have none).
    const encoded = (0,redact/* valueMasks */.xJ)(values.flatMap(percentEncodedForms));
    const mask = (t, m) => t.split(m).join('***');
    // The values first: a declared secret is masked whole (`?${SAS}` -> `?***`), then the URL rules.
    return (text) => (0,redact/* redactUrls */.sK)(masks.reduce(mask, text.includes('%') ? encoded.reduce(mask, text) : text));
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

/***/ 23419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BT: () => (/* binding */ untrustedEvent),
/* harmony export */   HE: () => (/* binding */ mayBuildPullRequestCode),
/* harmony export */   Rv: () => (/* binding */ FORK_MARK),
/* harmony export */   cq: () => (/* binding */ refusePullRequestTarget),
/* harmony export */   lw: () => (/* binding */ untrustedReason)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// Whether a GitHub Actions run may build a pull request's code: the one predicate that keeps such
// a run from writing what a branch's run reads (the build cache, the docker driver's push tag, the
// report's baseline). Pure over the runner's environment and the facts of its event payload.

/**
 * The events whose runs build only what is on a branch of the repository already: a push, a
 * schedule, a manual run, the merge queue, a release, a branch or tag created (pushed). Any other
 * may build a pull request's code: pull_request and pull_request_target, issue_comment workflows
 * that check out a pull request's head, repository_dispatch and deployment (started by someone
 * with write access, but the "/ok-to-test" and preview-deploy patterns check out a pull request's
 * head), and events this list does not know yet. workflow_run: see mayBuildPullRequestCode.
 */
const TRUSTED_EVENTS = new Set([
    'push',
    'schedule',
    'workflow_dispatch',
    'merge_group',
    'release',
    'create',
]);
/** The login GitHub runs Dependabot's workflows as: GITHUB_ACTOR of its pull requests' and pushes' runs. */
const DEPENDABOT = 'dependabot[bot]';
/**
 * A run of a Dependabot branch (a push, a branch created), whoever pushed: a person's commit on
 * Dependabot's branch (a fixup for the update) leaves the updated dependency's code unreviewed, as
 * the pull request's author rule has it for Dependabot's pull requests. Any branch name starting
 * `dependabot`: dependabot.yml's pull-request-branch-name separator may be '/', '-' or '_'.
 */
const dependabotBranch = (env) => (env.GITHUB_REF ?? '').startsWith('refs/heads/dependabot');
/**
 * The reusable workflow's mark of a run it handles as a fork's (`ML_IMAGE_FORK: 'true'` in its env):
 * a fork's or Dependabot's, or one of an `untrusted-authors` login, whose push runs the action cannot
 * tell from a person's by GITHUB_ACTOR alone. Any workflow may set it; only 'true' is read.
 */
const FORK_MARK = 'ML_IMAGE_FORK';
/**
 * On GitHub Actions: true for a run whose event is not in TRUSTED_EVENTS, that has GITHUB_HEAD_REF
 * set (a pull request's run, whatever the event), that the workflow marks as a fork's (FORK_MARK),
 * of a dependabot/... branch whoever pushed, or that Dependabot started (GITHUB_ACTOR: a push
 * to its own dependabot/... branch runs the updated dependency's code as `push`; GitHub gives
 * such a run a read-only token and no secrets, as a fork's). A workflow_run run is trusted
 * only when the run that triggered it was (its event is in TRUSTED_EVENTS) and built this
 * repository's own code (its head repository is GITHUB_REPOSITORY): a fork's pull request, or a
 * payload that does not say, may be built. Elsewhere (a workstation, another CI) false, there
 * being no pull request to tell apart, unless the run is marked (FORK_MARK: another CI's
 * merge-request pipeline, so that it writes no cache the default branch's pipeline reads).
 */
function mayBuildPullRequestCode(env, event = {}) {
    // The mark is read on any CI: another's merge-request pipelines can set it for their runs.
    if (env[FORK_MARK] === 'true')
        return true;
    if (env.GITHUB_ACTIONS !== 'true')
        return false;
    return (Boolean(env.GITHUB_HEAD_REF) ||
        env.GITHUB_ACTOR === DEPENDABOT ||
        dependabotBranch(env) ||
        untrustedEvent(env, event));
}
/**
 * Whether the run's event may have it build a pull request's code whoever started it: not one of
 * TRUSTED_EVENTS, or a workflow_run after an untrusted run (mayBuildPullRequestCode without the
 * head ref and the actor: its checkout, not GITHUB_SHA, may hold what it builds).
 */
function untrustedEvent(env, event = {}) {
    if (env.GITHUB_ACTIONS !== 'true')
        return false;
    const name = env.GITHUB_EVENT_NAME ?? '';
    if (name === 'workflow_run')
        return !trustedTrigger(env.GITHUB_REPOSITORY, event.workflow_run);
    return !TRUSTED_EVENTS.has(name);
}
function trustedTrigger(repository, run) {
    const head = run?.head_repository?.full_name;
    return (repository !== undefined &&
        head !== undefined &&
        head.toLowerCase() === repository.toLowerCase() &&
        TRUSTED_EVENTS.has(run?.event ?? '') &&
        // Not a run of Dependabot's, nor of its branch (whoever pushed there), as for the run itself.
        run?.actor?.login !== DEPENDABOT &&
        !(run?.head_branch ?? '').startsWith('dependabot'));
}
/** Why a run that may build a pull request's code is treated so, for the one log line. */
function untrustedReason(env) {
    if (env.GITHUB_HEAD_REF)
        return `a pull request's run (${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
    if (env.GITHUB_ACTOR === DEPENDABOT)
        return `a run Dependabot started (${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
    if (dependabotBranch(env))
        return `a run of Dependabot's branch ${env.GITHUB_REF ?? ''} (${env.GITHUB_EVENT_NAME ?? 'unknown event'}: whoever pushed, the update's code is unreviewed)`;
    if (env[FORK_MARK] === 'true')
        return `a run the workflow handles as a fork's (${FORK_MARK}=true: a fork's, Dependabot's or an untrusted author's; ${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
    const name = env.GITHUB_EVENT_NAME ?? '';
    return name === 'workflow_run'
        ? "a workflow_run run whose triggering run is not a trusted event of this repository's own code"
        : `a ${name || 'unknown'} run (only push, schedule, workflow_dispatch, merge_group, release and create runs are trusted)`;
}
/**
 * A pull_request_target run has a write token and the repository's secrets beside whatever it checks
 * out, and its GITHUB_REF is the base branch (cache and baseline scopes): the stages never run there,
 * as the reusable workflow refuses it (docs/workflows.md). WHO names the refuser in the message:
 * the action (its poster, from-artifact, builds nothing and may), or a CLI command that builds.
 */
function refusePullRequestTarget(env, who) {
    if (env.GITHUB_ACTIONS !== 'true' || env.GITHUB_EVENT_NAME !== 'pull_request_target')
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${who} does not run its stages on pull_request_target: that event runs with a write token and the repository's secrets beside the checked-out code, and with the base branch's cache scope`, "trigger the workflow on pull_request (a fork's run gets a read-only token and writes the fork-safe comment artifact) and post the comment from a workflow_run job (from-artifact); see docs/workflows.md");
}


/***/ }),

/***/ 68898:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { valid, clean, explain, parse } = __webpack_require__(74818);

const { lt, le, eq, ne, ge, gt, compare, rcompare } = __webpack_require__(12124);

const {
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,
} = __webpack_require__(8409);

const { major, minor, patch, inc } = __webpack_require__(38940);

module.exports = {
  // version
  valid,
  clean,
  explain,
  parse,

  // operator
  lt,
  le,
  lte: le,
  eq,
  ne,
  neq: ne,
  ge,
  gte: ge,
  gt,
  compare,
  rcompare,

  // range
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,

  // semantic
  major,
  minor,
  patch,
  inc,
};


/***/ }),

/***/ 12124:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { parse } = __webpack_require__(74818);

module.exports = {
  compare,
  rcompare,
  lt,
  le,
  eq,
  ne,
  ge,
  gt,
  '<': lt,
  '<=': le,
  '==': eq,
  '!=': ne,
  '>=': ge,
  '>': gt,
  '===': arbitrary,
};

function lt(version, other) {
  return compare(version, other) < 0;
}

function le(version, other) {
  return compare(version, other) <= 0;
}

function eq(version, other) {
  return compare(version, other) === 0;
}

function ne(version, other) {
  return compare(version, other) !== 0;
}

function ge(version, other) {
  return compare(version, other) >= 0;
}

function gt(version, other) {
  return compare(version, other) > 0;
}

function arbitrary(version, other) {
  return version.toLowerCase() === other.toLowerCase();
}

function compare(version, other) {
  const parsedVersion = parse(version);
  const parsedOther = parse(other);

  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);

  return pyCompare(keyVersion, keyOther);
}

function rcompare(version, other) {
  return -compare(version, other);
}

// this logic is buitin in python, but we need to port it to js
// see https://stackoverflow.com/a/5292332/1438522
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}

function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  // When we compare a release version, we want to compare it with all of the
  // trailing zeros removed. So we'll use a reverse the list, drop all the now
  // leading zeros until we come to something non zero, then take the rest
  // re-reverse it back into the correct order and make it a tuple and use
  // that for our sorting key.
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();

  // We need to "trick" the sorting algorithm to put 1.0.dev0 before 1.0a0.
  // We'll do this by abusing the pre segment, but we _only_ want to do this
  // if there is !a pre or a post segment. If we have one of those then
  // the normal sorting rules will handle this case correctly.
  if (!pre && !post && dev) pre = -Infinity;
  // Versions without a pre-release (except as noted above) should sort after
  // those with one.
  else if (!pre) pre = Infinity;

  // Versions without a post segment should sort before those with one.
  if (!post) post = -Infinity;

  // Versions without a development segment should sort after those with one.
  if (!dev) dev = Infinity;

  if (!local) {
    // Versions without a local segment should sort before those with one.
    local = -Infinity;
  } else {
    // Versions with a local segment need that segment parsed to implement
    // the sorting rules in PEP440.
    // - Alpha numeric segments sort before numeric segments
    // - Alpha numeric segments sort lexicographically
    // - Numeric segments sort numerically
    // - Shorter versions sort before longer versions when the prefixes
    //   match exactly
    local = local.map((i) =>
      Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ''],
    );
  }

  return [epoch, release, pre, post, dev, local];
}


/***/ }),

/***/ 38940:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { explain, parse, stringify } = __webpack_require__(74818);

// those notation are borrowed from semver
module.exports = {
  major,
  minor,
  patch,
  inc,
};

function major(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  return version.release[0];
}

function minor(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 2) {
    return 0;
  }
  return version.release[1];
}

function patch(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 3) {
    return 0;
  }
  return version.release[2];
}

function inc(input, release, preReleaseIdentifier) {
  let identifier = preReleaseIdentifier || `a`;
  const version = parse(input);

  if (!version) {
    return null;
  }

  if (
    !['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'].includes(
      identifier,
    )
  ) {
    return null;
  }

  switch (release) {
    case 'premajor':
      {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'preminor':
      {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prepatch':
      {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prerelease':
      if (version.pre === null) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
        version.pre = [identifier, 0];
      } else {
        if (preReleaseIdentifier === undefined && version.pre !== null) {
          [identifier] = version.pre;
        }

        const [letter, number] = version.pre;
        if (letter === identifier) {
          version.pre = [letter, number + 1];
        } else {
          version.pre = [identifier, 0];
        }
      }

      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'major':
      if (
        version.release.slice(1).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'minor':
      if (
        version.release.slice(2).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'patch':
      if (
        version.release.slice(3).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    default:
      return null;
  }

  return stringify(version);
}


/***/ }),

/***/ 8409:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// This file is dual licensed under the terms of the Apache License, Version
// 2.0, and the BSD License. See the LICENSE file in the root of this repository
// for complete details.

const { VERSION_PATTERN, explain: explainVersion } = __webpack_require__(74818);

const Operator = __webpack_require__(12124);

const RANGE_PATTERN = [
  '(?<operator>(===|~=|==|!=|<=|>=|<|>))',
  '\\s*',
  '(',
  /*  */ '(?<version>(?:' + VERSION_PATTERN.replace(/\?<\w+>/g, '?:') + '))',
  /*  */ '(?<prefix>\\.\\*)?',
  /*  */ '|',
  /*  */ '(?<legacy>[^,;\\s)]+)',
  ')',
].join('');

module.exports = {
  RANGE_PATTERN,
  parse,
  satisfies,
  filter,
  validRange,
  maxSatisfying,
  minSatisfying,
};

const isEqualityOperator = (op) => ['==', '!=', '==='].includes(op);

const rangeRegex = new RegExp('^' + RANGE_PATTERN + '$', 'i');

function parse(ranges) {
  if (!ranges.trim()) {
    return [];
  }

  const specifiers = ranges
    .split(',')
    .map((range) => rangeRegex.exec(range.trim()) || {})
    .map(({ groups }) => {
      if (!groups) {
        return null;
      }

      let { ...spec } = groups;
      const { operator, version, prefix, legacy } = groups;

      if (version) {
        spec = { ...spec, ...explainVersion(version) };
        if (operator === '~=') {
          if (spec.release.length < 2) {
            return null;
          }
        }
        if (!isEqualityOperator(operator) && spec.local) {
          return null;
        }

        if (prefix) {
          if (!isEqualityOperator(operator) || spec.dev || spec.local) {
            return null;
          }
        }
      }
      if (legacy && operator !== '===') {
        return null;
      }

      return spec;
    });

  if (specifiers.filter(Boolean).length !== specifiers.length) {
    return null;
  }

  return specifiers;
}

function filter(versions, specifier, options = {}) {
  const filtered = pick(versions, specifier, options);
  if (filtered.length === 0 && options.prereleases === undefined) {
    return pick(versions, specifier, { prereleases: true });
  }
  return filtered;
}

function maxSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[found.length - 1];
}

function minSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[0];
}

function pick(versions, specifier, options) {
  const parsed = parse(specifier);

  if (!parsed) {
    return [];
  }

  return versions.filter((version) => {
    const explained = explainVersion(version);

    if (!parsed.length) {
      return explained && !(explained.is_prerelease && !options.prereleases);
    }

    return parsed.reduce((pass, spec) => {
      if (!pass) {
        return false;
      }
      return contains({ ...spec, ...options }, { version, explained });
    }, true);
  });
}

function satisfies(version, specifier, options = {}) {
  const filtered = pick([version], specifier, options);

  return filtered.length === 1;
}

function arrayStartsWith(array, prefix) {
  if (prefix.length > array.length) {
    return false;
  }

  for (let i = 0; i < prefix.length; i += 1) {
    if (prefix[i] !== array[i]) {
      return false;
    }
  }

  return true;
}

function contains(specifier, input) {
  const { explained } = input;
  let { version } = input;
  const { ...spec } = specifier;

  if (spec.prereleases === undefined) {
    spec.prereleases = spec.is_prerelease;
  }

  if (explained && explained.is_prerelease && !spec.prereleases) {
    return false;
  }

  if (spec.operator === '~=') {
    let compatiblePrefix = spec.release.slice(0, -1).concat('*').join('.');
    if (spec.epoch) {
      compatiblePrefix = spec.epoch + '!' + compatiblePrefix;
    }
    return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
      prereleases: spec.prereleases,
    });
  }

  if (spec.prefix) {
    const isMatching =
      explained.epoch === spec.epoch &&
      arrayStartsWith(explained.release, spec.release);
    const isEquality = spec.operator !== '!=';
    return isEquality ? isMatching : !isMatching;
  }

  if (explained)
    if (explained.local && spec.version) {
      version = explained.public;
      spec.version = explainVersion(spec.version).public;
    }

  if (spec.operator === '<' || spec.operator === '>') {
    // simplified version of https://www.python.org/dev/peps/pep-0440/#exclusive-ordered-comparison
    if (Operator.eq(spec.release.join('.'), explained.release.join('.'))) {
      return false;
    }
  }

  const op = Operator[spec.operator];
  return op(version, spec.version || spec.legacy);
}

function validRange(specifier) {
  return Boolean(parse(specifier));
}


/***/ }),

/***/ 74818:
/***/ ((module) => {

const VERSION_PATTERN = [
  'v?',
  '(?:',
  /* */ '(?:(?<epoch>[0-9]+)!)?', // epoch
  /* */ '(?<release>[0-9]+(?:\\.[0-9]+)*)', // release segment
  /* */ '(?<pre>', // pre-release
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))',
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_n>[0-9]+)?',
  /* */ ')?',
  /* */ '(?<post>', // post release
  /*    */ '(?:-(?<post_n1>[0-9]+))',
  /*    */ '|',
  /*    */ '(?:',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_l>post|rev|r)',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_n2>[0-9]+)?',
  /*    */ ')',
  /* */ ')?',
  /* */ '(?<dev>', // dev release
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_l>dev)',
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_n>[0-9]+)?',
  /* */ ')?',
  ')',
  '(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?', // local version
].join('');

module.exports = {
  VERSION_PATTERN,
  valid,
  clean,
  explain,
  parse,
  stringify,
};

const validRegex = new RegExp('^' + VERSION_PATTERN + '$', 'i');

function valid(version) {
  return validRegex.test(version) ? version : null;
}

const cleanRegex = new RegExp('^\\s*' + VERSION_PATTERN + '\\s*$', 'i');
function clean(version) {
  return stringify(parse(version, cleanRegex));
}

function parse(version, regex) {
  // Validate the version and parse it into pieces
  const { groups } = (regex || validRegex).exec(version) || {};
  if (!groups) {
    return null;
  }

  // Store the parsed out pieces of the version
  const parsed = {
    epoch: Number(groups.epoch ? groups.epoch : 0),
    release: groups.release.split('.').map(Number),
    pre: normalize_letter_version(groups.pre_l, groups.pre_n),
    post: normalize_letter_version(
      groups.post_l,
      groups.post_n1 || groups.post_n2,
    ),
    dev: normalize_letter_version(groups.dev_l, groups.dev_n),
    local: parse_local_version(groups.local),
  };

  return parsed;
}

function stringify(parsed) {
  if (!parsed) {
    return null;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  const parts = [];

  // Epoch
  if (epoch !== 0) {
    parts.push(`${epoch}!`);
  }
  // Release segment
  parts.push(release.join('.'));

  // Pre-release
  if (pre) {
    parts.push(pre.join(''));
  }
  // Post-release
  if (post) {
    parts.push('.' + post.join(''));
  }
  // Development release
  if (dev) {
    parts.push('.' + dev.join(''));
  }
  // Local version segment
  if (local) {
    parts.push(`+${local}`);
  }
  return parts.join('');
}

function normalize_letter_version(letterIn, numberIn) {
  let letter = letterIn;
  let number = numberIn;
  if (letter) {
    // We consider there to be an implicit 0 in a pre-release if there is
    // not a numeral associated with it.
    if (!number) {
      number = 0;
    }
    // We normalize any letters to their lower case form
    letter = letter.toLowerCase();

    // We consider some words to be alternate spellings of other words and
    // in those cases we want to normalize the spellings to our preferred
    // spelling.
    if (letter === 'alpha') {
      letter = 'a';
    } else if (letter === 'beta') {
      letter = 'b';
    } else if (['c', 'pre', 'preview'].includes(letter)) {
      letter = 'rc';
    } else if (['rev', 'r'].includes(letter)) {
      letter = 'post';
    }
    return [letter, Number(number)];
  }
  if (!letter && number) {
    // We assume if we are given a number, but we are not given a letter
    // then this is using the implicit post release syntax (e.g. 1.0-1)
    letter = 'post';

    return [letter, Number(number)];
  }
  return null;
}

function parse_local_version(local) {
  /*
    Takes a string like abc.1.twelve and turns it into("abc", 1, "twelve").
    */
  if (local) {
    return local
      .split(/[._-]/)
      .map((part) =>
        Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part),
      );
  }
  return null;
}

function explain(version) {
  const parsed = parse(version);
  if (!parsed) {
    return parsed;
  }
  const { epoch, release, pre, post, dev, local } = parsed;

  let base_version = '';
  if (epoch !== 0) {
    base_version += epoch + '!';
  }
  base_version += release.join('.');

  const is_prerelease = Boolean(dev || pre);
  const is_devrelease = Boolean(dev);
  const is_postrelease = Boolean(post);

  // return

  return {
    epoch,
    release,
    pre,
    post: post ? post[1] : post,
    dev: dev ? dev[1] : dev,
    local: local ? local.join('.') : local,
    public: stringify(parsed).split('+', 1)[0],
    base_version,
    is_prerelease,
    is_devrelease,
    is_postrelease,
  };
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
