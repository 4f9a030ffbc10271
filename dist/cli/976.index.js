export const id = 976;
export const ids = [976];
export const modules = {

/***/ 11210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportCommand: () => (/* binding */ reportCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/load.ts + 6 modules
var load = __webpack_require__(14385);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/api-url.ts
var api_url = __webpack_require__(57019);
// EXTERNAL MODULE: ./src/github/errors.ts
var github_errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
// EXTERNAL MODULE: ./src/github/run.ts
var run = __webpack_require__(31738);
// EXTERNAL MODULE: ./src/report/baseline.ts + 2 modules
var baseline = __webpack_require__(36379);
// EXTERNAL MODULE: ./src/util/pull-request-code.ts
var pull_request_code = __webpack_require__(23419);
;// CONCATENATED MODULE: ./src/report/github-env.ts
// What the report needs from a GitHub runner's environment: the pull request, whether it comes from
// a fork, the base and default branches, the run's URL. Pure over env + the event payload, which the
// entry point reads (src/github/event.ts readGitHubEventFile) and passes in.




function githubReportContext(env, token, 
/** The runner's event payload, parsed (src/github/event.ts); off a runner: an empty event. */
event, 
/** The commit the checkout holds, where read: taken on a schedule run only (see defaultBranchOf). */
read) {
    if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY)
        return {};
    // Another run's head (an /ok-to-test run's pull request) leaves the comment's commit GITHUB_SHA,
    // the one a workflow_run poster checks the comment artifact against.
    const checkedOut = env.GITHUB_EVENT_NAME === 'schedule' ? read : undefined;
    const pr = event.pull_request;
    const defaultBranch = (0,github_event/* defaultBranchOf */.dV)(env, event, checkedOut);
    const branch = env.GITHUB_REF?.startsWith('refs/heads/')
        ? env.GITHUB_REF.slice('refs/heads/'.length)
        : undefined;
    const headRepo = pr?.head?.repo?.full_name;
    const target = {
        ...(token && { token }),
        apiUrl: env.GITHUB_API_URL ?? api_url/* DEFAULT_API_URL */.r,
        repository: env.GITHUB_REPOSITORY,
        ...(pr?.number !== undefined && { prNumber: pr.number }),
        ...((pr?.head?.sha ?? checkedOut ?? env.GITHUB_SHA) && {
            headSha: pr?.head?.sha ?? checkedOut ?? env.GITHUB_SHA,
        }),
        // Another repository's head (or a deleted fork: head.repo null) gets a read-only token.
        // head.repo.fork only says the head repository is some fork, maybe this very one.
        ...(pr && { fromFork: !headRepo || headRepo.toLowerCase() !== env.GITHUB_REPOSITORY.toLowerCase() }),
        // Whose baselines a pull request into another branch is compared with (null: not named).
        defaultBranch: defaultBranch ?? null,
        ...(env.GITHUB_SERVER_URL &&
            env.GITHUB_RUN_ID && {
            runUrl: (0,run/* actionsRunUrl */.Ig)(env.GITHUB_SERVER_URL, env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID),
        }),
    };
    const baseBranch = pr ? (env.GITHUB_BASE_REF ?? pr.base?.ref) : defaultBranch;
    // A run of the default branch (no pull request): its records are the baseline, if trusted.
    const onDefault = !pr && branch !== undefined && branch === defaultBranch;
    const saveAs = onDefault ? baselineOf(env, event, branch) : undefined;
    const untrusted = (0,pull_request_code/* mayBuildPullRequestCode */.HE)(env, event);
    return {
        target,
        ...(baseBranch && { baseBranch }),
        ...(saveAs && !untrusted && { saveAs }),
        ...(onDefault &&
            untrusted && {
            saveSkipped: `${(0,pull_request_code/* untrustedReason */.lw)(env)}: it may build a pull request's code, so its records are not saved as the baseline of ${branch}`,
        }),
    };
}
/**
 * The branch and commit a run's records are saved under as the default branch's baseline: a run of
 * the default branch (GITHUB_REF and GITHUB_SHA). A workflow_run run has the default branch's
 * GITHUB_REF whatever it built: only when the run it follows built the default branch, under that
 * run's head_sha (a feature branch's build is no baseline of the default branch).
 */
function baselineOf(env, event, branch) {
    if (env.GITHUB_EVENT_NAME !== 'workflow_run')
        return env.GITHUB_SHA ? { branch, sha: env.GITHUB_SHA } : undefined;
    const run = event.workflow_run;
    return run?.head_branch === branch && run.head_sha ? { branch, sha: run.head_sha } : undefined;
}

// EXTERNAL MODULE: ./src/report/stage.ts + 10 modules
var stage = __webpack_require__(13086);
// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results_results = __webpack_require__(98510);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: ./src/cli/commands/shared.ts + 2 modules
var shared = __webpack_require__(17474);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/cli/commands/report.ts
// `ml-image report`: render the report from the records and smoke results in a result directory,
// against a baseline directory; post it as the sticky comment when a PR and a token are given.















/**
 * --pr as a pull request number: digits only, no sign or leading zero. Number() would also take
 * "1e3", "0x10" or "1.0" and comment on a pull request nobody named.
 */
function prNumber(raw) {
    if (raw === undefined)
        return undefined;
    const n = Number(raw);
    if (!/^[1-9]\d*$/.test(raw) || !Number.isSafeInteger(n))
        throw new errors/* InputError */.dz(`report: --pr: expected a pull request number (digits, like 42), got ${JSON.stringify(raw)}`);
    return n;
}
/** The calls whose 404 says the pull request (or its repository) is not there; a comment's own may be gone. */
const NAMES_THE_PR = new Set(['list issue comments', 'create issue comment', 'get pull request']);
/**
 * A 404 from the API where --repo and --pr named the pull request: bad input (exit 2) naming both
 * and the API's URL (a GITHUB_API_URL without /api/v3 answers 404 too), not an environment problem
 * (a private repository the token cannot read answers 404 as well: the fix says so). Only for the
 * calls that name the pull request: a comment deleted between the list and its update is not the
 * user's input. Any other failure as it is.
 */
function notFoundNamed(failure, repo, pr, api) {
    if (!(failure instanceof github_errors/* GitHubApiError */.OS) || failure.status !== 404 || pr === undefined)
        return failure;
    // Every GitHub API answers GET /user (a token that may not read it: 401 or 403): a 404 is a URL
    // that is not the API's root (GitHub Enterprise Server's web address, without /api/v3).
    if (failure.details.operation === 'get authenticated user')
        return new errors/* InputError */.dz(`report: the GitHub API URL ${api} answered 404 for GET /user: it is not the API's root`, "give --api-url (else GITHUB_API_URL) the API's root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server");
    if (!NAMES_THE_PR.has(failure.details.operation ?? ''))
        return failure;
    return new errors/* InputError */.dz(`report: --repo ${repo ?? ''} --pr ${pr}: ${failure.message} (API ${api})`, "check --repo (OWNER/REPO), --pr (a pull request there) and the API URL (--api-url, else GITHUB_API_URL: GitHub Enterprise Server's ends in /api/v3), and that GITHUB_TOKEN can read the repository");
}
/**
 * GitHub refusing the comment (403, not a rate limit: a token that may not write, or read, the pull
 * request) or the token (401): exit 3 with the CLI's fix, not GitHubApiError's, which speaks of a
 * workflow's permissions and the action's input.
 */
function refusedFix(failure, repo, pr) {
    if (!(failure instanceof github_errors/* GitHubApiError */.OS) || pr === undefined)
        return failure;
    // 401: GitHub does not know the token (GitHubApiError's fix names the action's github-token input).
    if (failure.status === 401)
        return new errors/* EnvironmentError */.eG(`report: GitHub did not accept GITHUB_TOKEN for ${repo ?? ''}#${pr}: ${failure.message}; the reports are written, not posted`, 'export GITHUB_TOKEN as a token GitHub knows: the one given is mistyped, expired or revoked (gh auth token prints a working one; a fine-grained token needs "Pull requests: Read and write" on the repository)', { cause: failure });
    if (failure.status !== 403 || failure.secondaryRateLimit || failure.rateLimited)
        return failure;
    return new errors/* EnvironmentError */.eG(`report: GitHub refused the comment on ${repo ?? ''}#${pr}: ${failure.message}; the reports are written, not posted`, `export GITHUB_TOKEN as a token with write access to ${repo ?? 'the repository'}'s pull requests (fine-grained: "Pull requests: Read and write", or "Issues: Read and write"; classic: the repo scope, public_repo for a public repository)`, { cause: failure });
}
/**
 * The comment's commit as the action names it (a workflow_run poster checks the artifact against
 * it): a pull request's head, else GITHUB_SHA, even where the tags name another checkout, else the
 * checkout's. The artifact names it: asked for by name (MODE artifact), none is bad input, not a
 * warning and exit 0.
 */
function headShaOf(env, event, checkedOut, mode) {
    // A blank GITHUB_SHA is unset: the checkout's commit, not "no head commit known".
    const headSha = githubReportContext(env, undefined, event).target?.headSha || env.GITHUB_SHA?.trim() || checkedOut;
    if (mode === 'artifact' && !headSha)
        throw new errors/* InputError */.dz('report: --comment-mode artifact: no head commit known (not a git checkout here, no GITHUB_SHA): the artifact names the commit it reports on', 'run it in the checkout of the pull request, or set GITHUB_SHA to its head commit');
    return headSha;
}
/**
 * --repo, --comment-mode, the API's URL and the token checked together: the mode, the token and the
 * URL. The URL is --api-url, else GITHUB_API_URL (a blank one unset), else github.com's: whichever it
 * is, the token goes with every request, so each is checked alike, named by where it came from.
 */
function postingFlags(values, pr, env) {
    // Left out, it is not a repository of "" ("got \"\""), but a flag to add.
    if (pr !== undefined && values.repo === undefined)
        throw new errors/* InputError */.dz('report: --pr needs --repo OWNER/REPO, the repository of the pull request', `add --repo OWNER/REPO (e.g. --pr ${pr} --repo my-org/my-model)`);
    if (pr !== undefined && !(0,run/* isOwnerRepo */.Yn)(values.repo ?? ''))
        throw new errors/* InputError */.dz(`report: --repo: expected OWNER/REPO with --pr, got ${(0,util_text/* printable */.g$)(JSON.stringify(values.repo ?? ''))}`);
    const mode = (values['comment-mode'] ?? (pr !== undefined ? 'post' : 'off'));
    if (!stage/* COMMENT_MODES */.p8.includes(mode))
        throw new errors/* InputError */.dz(`report: --comment-mode: expected ${stage/* COMMENT_MODES */.p8.join(', ')}, got ${JSON.stringify(mode)}${(0,util_text/* didYouMean */.au)(mode, stage/* COMMENT_MODES */.p8)}`, `give one of ${stage/* COMMENT_MODES */.p8.join(', ')}`);
    // What only a pull request uses, given without one, would be ignored: said instead.
    const forPr = [
        ...(values.repo !== undefined ? [`--repo ${values.repo}`] : []),
        ...(mode !== 'off' ? [`--comment-mode ${mode}`] : []),
    ];
    if (pr === undefined && forPr.length > 0)
        throw new errors/* InputError */.dz(`report: ${forPr.join(' and ')} without --pr: ${forPr.length > 1 ? 'they name' : 'it names'} where to comment, and no pull request is given`, 'add --pr N --repo OWNER/REPO to comment on a pull request, or drop them to render the report only');
    const fromEnv = env.GITHUB_API_URL?.trim() ? env.GITHUB_API_URL : undefined;
    const [apiUrl, where] = values['api-url'] !== undefined
        ? [values['api-url'], 'report: --api-url']
        : fromEnv !== undefined
            ? [fromEnv, 'report: GITHUB_API_URL (environment)']
            : [api_url/* DEFAULT_API_URL */.r, 'report: the API URL'];
    // Only where a pull request is named does the URL get the token; a report without --pr asks nothing.
    const apiProblem = values['api-url'] !== undefined || pr !== undefined ? (0,api_url/* apiUrlMessage */.F)(apiUrl, where) : undefined;
    if (apiProblem !== undefined)
        throw new errors/* InputError */.dz(apiProblem, values['api-url'] !== undefined
            ? 'e.g. --api-url https://github.example.com/api/v3 (GitHub Enterprise Server)'
            : 'unset GITHUB_API_URL, or give --api-url https://github.example.com/api/v3 (GitHub Enterprise Server)');
    const token = env.GITHUB_TOKEN;
    if (mode === 'post' && !token)
        throw new errors/* InputError */.dz('report: posting needs a token in GITHUB_TOKEN', 'export GITHUB_TOKEN=... (pull-requests: write)');
    return { mode, token, apiUrl };
}
/**
 * No record of the config's variants and platforms in DIR: what was expected, and the records DIR
 * has instead (another config's, another platform's), so that "none" is not read as "empty".
 */
function noRecords(dir, plan) {
    const found = (0,external_node_fs_.readdirSync)(dir).filter(results_results/* isEnvRecordFile */.Z7).sort();
    const expected = plan.variants.map((v) => `${v.name} (${v.platforms.join(', ')})`).join('; ');
    const has = found.length === 0
        ? ''
        : `; it has ${found.slice(0, 5).join(', ')}${found.length > 5 ? ` and ${found.length - 5} more` : ''}`;
    return new errors/* InputError */.dz(`report: no env-<variant>-<arch>.json of the config's variants in ${dir} (expected ${expected})${has}`, found.length > 0
        ? 'pass --config, --variants or --platforms naming what those records are of, or run "ml-image run" for this config'
        : 'run "ml-image run" or the smoke stage first');
}
/**
 * The results are read, never created; the fix names this command's flag. Without --out the
 * reports are written there too: opened as a directory that is written (a linked comment/ refused
 * before the report, as for --out), though it is never created (it exists by then).
 */
const resultsFlag = (writtenTo) => ({ create: writtenTo, flag: '--results DIR' });
const REPORT_OPTIONS = {
    config: { type: 'string' },
    platforms: { type: 'string' },
    variants: { type: 'string' },
    results: { type: 'string', default: 'ml-image-results' },
    baseline: { type: 'string' },
    'base-branch': { type: 'string', default: 'main' },
    pr: { type: 'string' },
    repo: { type: 'string' },
    'api-url': { type: 'string' },
    'comment-mode': { type: 'string' },
};
const reportCommand = {
    name: 'report',
    options: REPORT_OPTIONS,
    summary: 'Render the environment diff report from result files; post it as the sticky PR comment.',
    usage: 'ml-image report [--config FILE] [--results DIR] [--baseline DIR --base-branch B] [--pr N --repo OWNER/REPO] [--comment-mode M] [--out DIR]',
    help: `Reads env-<variant>-<arch>.json and smoke-<variant>-<arch>.json from the result directory (what
"ml-image run" or the smoke stage wrote), compares them with the same files of the base branch in
the baseline directory, and renders one Markdown report per variant (report-<variant>.md): a
hidden marker first, a one-line verdict, an overview, package tables by change level, smoke deltas.
The run's report (report.md, printed) holds every variant: a verdict line each, one overview
table, each variant's report in a collapsible section.

Posting: with --pr and --repo, and a token in the GITHUB_TOKEN environment variable (never a flag),
the run's report becomes ONE comment on the pull request, updated in place on later runs (the
per-variant comments of older versions are replaced).

Options:
  --config FILE       config file (default: ml-image.yml or ml-image.yaml here): variants,
                      platforms, marker key
${shared/* configOverrideFlags */.i7}
  --results DIR       where the records are (default ml-image-results); the reports go there too
  --out DIR           write the reports here instead (created when missing); --results is only read
  --baseline DIR      directory of baselines (as "ml-image run" keeps them)
  --base-branch B     the branch whose records are the baseline (default main)
  --pr N              pull request number to comment on
  --repo OWNER/REPO   the repository of the pull request (with --pr only, as --comment-mode
                      post|artifact|auto)
  --api-url URL       GitHub API (default GITHUB_API_URL, else https://api.github.com); https only
  --comment-mode M    post (default with --pr), artifact (write the fork-safe payload), auto
                      (post; the artifact for a fork's pull request, without a token, or
                      when the token may not write: 403), off

Exit codes: 0 rendered (and posted); 1 over the size budget (size.budget; the report is printed
first); 2 bad input (a pull request, or an API URL, the API does not find: 404, too); 3 GitHub
unreachable, or it refused the request (403: a token that may not write to the pull request;
401: a token it does not know; the reports are written all the same).`,
    async run(argv, io) {
        const { values } = (0,args/* parseCommandArgs */.Qx)('report', argv, REPORT_OPTIONS);
        const pr = prNumber(values.pr);
        const loaded = (0,load/* loadConfig */.Z9)({
            cwd: io.cwd,
            env: io.env,
            ...(values.config !== undefined && { file: values.config }),
            overrides: (0,shared/* overridesFromFlags */.du)(values),
            checkFiles: false,
        });
        const { mode, token, apiUrl } = postingFlags(values, pr, io.env);
        const event = (0,github_event/* readGitHubEventFile */.MZ)(io.env.GITHUB_EVENT_PATH);
        const git = await (0,shared/* gitContextFor */.Tr)(io, event);
        const headSha = headShaOf(io.env, event, git.sha, mode);
        const plan = (0,shared/* planOfConfig */.DH)(loaded, git);
        const resultDir = external_node_path_default().resolve(io.cwd, values.results);
        if (!(0,external_node_fs_.existsSync)(resultDir))
            throw new errors/* InputError */.dz(
            // existsSync is false for a link that leads nowhere or to itself too: said as what it is.
            `report: --results ${values.results} (${resultDir}) ${missingWhy(resultDir)}`, 'pass --results naming the directory "ml-image run --out DIR" (or the smoke stage) wrote');
        const results = (0,results_results/* openResultDir */.lR)(resultDir, `--results ${values.results}`, resultsFlag(values.out === undefined));
        const { outcomes, failure } = await (0,stage/* reportStage */.pz)({
            plan,
            config: loaded.config,
            results,
            // --out DIR: the reports there, created as every command's --out; the records stay read-only.
            ...(values.out !== undefined && {
                out: (0,results_results/* openResultDir */.lR)(external_node_path_default().resolve(io.cwd, values.out), `--out ${values.out}`),
            }),
            configVariants: (0,stage/* configVariantNames */.U3)(loaded),
            // The file's platforms before --platforms: one it left out is not dropped (report stage).
            ...(loaded.filePlatforms && { configPlatforms: loaded.filePlatforms }),
            git,
            // No record of the config's variants: exit 2 (noRecords), nothing posted to the pull request.
            noneReported: 'skip',
            options: {
                mode,
                baseline: values.baseline !== undefined
                    ? (0,baseline/* dirBaselineStore */.IV)(external_node_path_default().resolve(io.cwd, values.baseline), `--baseline ${values.baseline}`)
                    : null,
                baseBranch: values['base-branch'],
                ...(pr !== undefined && {
                    github: {
                        ...(token && { token }),
                        apiUrl,
                        repository: values.repo,
                        prNumber: pr,
                        ...(headSha && { headSha }),
                        // Exit 0 says it posted: a refused comment fails the command (the report is written);
                        // auto asked for the fork-safe artifact when the token cannot write.
                        forbidden: mode === 'auto' ? 'skip' : 'fail',
                    },
                }),
            },
        }, {
            env: io.env,
            progress: (l) => io.stderr(`report: ${l}\n`),
            warning: (m) => io.stderr(`warning: ${m}\n`),
        });
        if (outcomes.length === 0)
            throw noRecords(resultDir, plan);
        // Over the size budget: the report says why, then the command fails (--json: the error alone).
        if (values.json && !failure)
            io.stdout(`${JSON.stringify(outcomes, null, 2)}\n`);
        else if (!values.json)
            io.stdout((0,shared/* printedReport */.pP)(io, (0,external_node_fs_.readFileSync)(outcomes[0].runFile, 'utf8')));
        if (failure)
            throw refusedFix(notFoundNamed(failure, values.repo, pr, apiUrl), values.repo, pr);
        return 0;
    },
};
/** Why PATH, which existsSync says is not there, is not: a link loop, a dangling link, or absent. */
function missingWhy(p) {
    try {
        (0,external_node_fs_.lstatSync)(p);
    }
    catch {
        return 'does not exist';
    }
    try {
        (0,external_node_fs_.statSync)(p);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ELOOP')
            return 'is a symbolic link that leads back to itself (ELOOP)';
        if (code === 'ENOENT')
            return 'is a symbolic link to a path that does not exist';
        return `cannot be read (${code ?? 'error'})`;
    }
    return 'does not exist';
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
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
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
