export const id = 86;
export const ids = [86];
export const modules = {

/***/ 57019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ apiUrlMessage),
/* harmony export */   r: () => (/* binding */ DEFAULT_API_URL)
/* harmony export */ });
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// Where the GitHub API is (report --api-url; GitHub Enterprise Server's https://HOST/api/v3): the
// token goes with every request, so only over HTTPS, or plain HTTP to this machine's loopback (a
// local fake or tunnel). A login in the URL is refused: the token is the login.


// Narrower than the resolver's isLoopbackHost (no *.localhost, 0.0.0.0 or ::): inside a container
// Docker's DNS may give *.localhost another address, and the token must not cross a network.
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;
/** github.com's API, where nothing names another. */
const DEFAULT_API_URL = 'https://api.github.com';
/** What is wrong with URL as the GitHub API's base, or undefined. Never quotes the URL. */
function apiUrlProblem(url) {
    if (url.trim() === '')
        return 'empty';
    if (_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .BLANK_OR_CONTROL */ .pm.test(url))
        return 'a blank or control character is in it';
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return 'not a URL';
    }
    if (u.username !== '' || u.password !== '')
        return 'it holds a login, which would go to the API in clear text: the token (GITHUB_TOKEN) is the login';
    if (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname)))
        return undefined;
    return 'the token goes with every request: https only (plain http to this machine only)';
}
/** The API URL's problem as a message naming WHERE, the URL shown masked; undefined when none. */
function apiUrlMessage(url, where) {
    const problem = apiUrlProblem(url);
    return problem === undefined ? undefined : `${where}: ${problem} (got ${JSON.stringify((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .shownUrl */ .zA)(url))})`;
}


/***/ }),

/***/ 89298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OS: () => (/* reexport */ github_errors/* GitHubApiError */.OS),
  createGitHubClient: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: DEFAULT_RETRIES, MAX_RATE_LIMIT_WAIT_S, callGitHub, isConnectionError, parseResponse, parseRetryAfter, toGitHubApiError

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/github/api-url.ts
var api_url = __webpack_require__(57019);
// EXTERNAL MODULE: ./src/github/errors.ts
var github_errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
;// CONCATENATED MODULE: ./src/github/retry.ts


/** One request's time limit (connect + answer); each retry gets its own. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Retries of one request unless RetryPolicy.retries says otherwise. */
const DEFAULT_RETRIES = 3;
/** A rate limit that resets later than this is not waited for: failing the comment is better. */
const MAX_RATE_LIMIT_WAIT_S = 120;
/**
 * Statuses plugin-retry leaves alone: its defaults (the 4xx a retry cannot fix: 403 forbidden,
 * 404, 422 validation ...) plus 429, a rate limit, which is plugin-throttling's to retry (else a
 * rate-limited request would be retried by both).
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/**
 * Octokit reports a request that got no answer (connection refused, DNS failure, reset, timeout)
 * as status 500 without a response; a real HTTP 500 from GitHub carries one.
 */
function isConnectionError(err) {
    if (typeof err !== 'object' || err === null)
        return false;
    const e = err;
    if (e.name === 'AbortError' || e.name === 'TimeoutError')
        return true;
    return e.status === 500 && e.response === undefined;
}
/** The options for getOctokit(): plugin-retry's and plugin-throttling's, from one policy. */
async function retryOptions(policy, log) {
    const retries = policy.retries ?? DEFAULT_RETRIES;
    const msPerSecond = policy.msPerSecond ?? 1000;
    const onLimit = (what) => (retryAfterS, o, _octokit, retryCount) => rateLimitRetry(what, retryAfterS, o, retryCount, retries, log);
    // Unlimited groups: writes go out at once (the default groups space them). Loaded only then.
    const unpaced = policy.paceWrites === false ? (await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.t.bind(__webpack_require__, 63251, 23))).default : undefined;
    return {
        retry: { retries, retryAfterBaseValue: msPerSecond, doNotRetry: [...DO_NOT_RETRY] },
        throttle: {
            retryAfterBaseValue: msPerSecond,
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            onRateLimit: onLimit('rate limit spent'),
            ...(unpaced && { write: new unpaced.Group(), notifications: new unpaced.Group() }),
        },
    };
}
/** `GET /repos/acme/app/issues/7/comments`: method and path, without the host and the query. */
function route(o) {
    const params = o;
    const path = String(o.url ?? '')
        .replace(/^[a-z]+:\/\/[^/]+/i, '')
        .replace(/[?#].*$/, '')
        .replace(/\{(\w+)\}/g, (m, k) => typeof params[k] === 'string' || typeof params[k] === 'number' ? String(params[k]) : m);
    return `${String(o.method ?? 'GET')} ${path}`;
}
/** The throttle's answer to a rate limit: wait and retry while retries are left and the wait is short. */
function rateLimitRetry(what, retryAfterS, o, retryCount, retries, log) {
    if (retryCount >= retries) {
        log(`GitHub API ${route(o)}: ${what}; no retries left (${retries})`);
        return false;
    }
    if (retryAfterS > MAX_RATE_LIMIT_WAIT_S) {
        log(`GitHub API ${route(o)}: ${what}; it resets in ${retryAfterS}s, not waiting that long`);
        return false;
    }
    log(`GitHub API ${route(o)}: ${what}; retry ${retryCount + 1} of ${retries} in ${retryAfterS}s`);
    return true;
}
/**
 * plugin-throttling retries a secondary rate limit only when the error's message matches
 * /\bsecondary rate\b/. GitHub's older "abuse detection" answer (a 403 that toGitHubApiError counts
 * as a secondary limit, as it does one with retry-after) would be a plain 403, never retried: its
 * message gets those words, so that plugin-throttling waits (retry-after, else its fallback) and
 * retries it. What the user reads comes from the answer's body (toGitHubApiError), not from this.
 */
function nameSecondaryLimit(err) {
    if (typeof err !== 'object' || err === null)
        return;
    const e = err;
    if (typeof e.message !== 'string' || /\bsecondary rate\b/i.test(e.message))
        return;
    const mapped = (0,github_errors/* toGitHubApiError */.Vu)(err, 'request');
    if (mapped instanceof github_errors/* GitHubApiError */.OS && mapped.secondaryRateLimit)
        e.message = `${e.message} (a secondary rate limit)`;
}
/** How many times the request an error ended was sent (set by attemptsPlugin). */
const triesOf = new WeakMap();
function attemptsOf(err) {
    return typeof err === 'object' && err !== null ? triesOf.get(err) : undefined;
}
/**
 * An Octokit plugin to load before plugin-retry (hooks of earlier plugins run inside later ones),
 * so that it sees every single try: each gets its own REQUEST_TIMEOUT_MS; each is counted (the
 * error that ends a request says how many were sent); a try that plugin-retry will retry is logged.
 */
function attemptsPlugin(policy, log) {
    const retries = policy.retries ?? DEFAULT_RETRIES;
    return (octokit) => {
        // Keyed by the request's options object, which the plugins pass unchanged to every try.
        const state = new WeakMap();
        octokit.hook.wrap('request', async (request, options) => {
            const s = state.get(options) ?? { tries: 0, serverFailures: 0 };
            state.set(options, s);
            s.tries++;
            // Each try's own limit, and SIGINT/SIGTERM: a request under way stops at once.
            const signal = (0,cleanup/* untilInterrupted */.tv)(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
            options.request = { ...options.request, signal };
            try {
                return await request(options);
            }
            catch (err) {
                const stopped = (0,cleanup/* interruptedFailure */.rn)(`GitHub API ${route(options)}`, 'aborted', err);
                if (stopped)
                    throw stopped;
                if (typeof err === 'object' && err !== null)
                    triesOf.set(err, s.tries);
                const e = err;
                const status = typeof e.status === 'number' ? e.status : 0;
                // A rate limit goes up to plugin-throttling, whose retry starts plugin-retry's count anew.
                if (status === 403 || status === 429) {
                    s.serverFailures = 0;
                    nameSecondaryLimit(err);
                }
                else if (e.request !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status)) {
                    s.serverFailures++;
                    if (s.serverFailures <= retries) {
                        const why = isConnectionError(err) ? 'no answer' : `HTTP ${status}`;
                        log(`GitHub API ${route(options)}: ${why}; retry ${s.serverFailures} of ${retries}`);
                    }
                }
                throw err;
            }
        });
    };
}

;// CONCATENATED MODULE: ./src/github/client.ts
// Thin adapter over Octokit: only the issue-comment routes the report stage uses, behind an
// interface so the sticky-comment logic can be tested against a fake server or a plain object.
// Retries happen inside Octokit (plugin-retry, plugin-throttling: retry.ts); nothing above retries.










/**
 * Octokit from @actions/github (proxy-aware fetch, GHES base URL) with plugin-retry and
 * plugin-throttling (see retry.ts). Loaded on demand so that the CLI commands that never talk to
 * GitHub do not pay for it.
 */
async function createGitHubClient(opts) {
    if (!opts.token || opts.token.trim() === '') {
        throw new errors/* InputError */.dz('github-token is empty: cannot post the pull-request comment', 'pass `github-token: ${{ github.token }}` (the default) or a token with pull-requests: write');
    }
    let gh;
    let retry;
    let throttling;
    try {
        [gh, { retry }, { throttling }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 11758)),
            Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 49735)),
            Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 86856)),
        ]);
    }
    catch (err) {
        throw new errors/* EnvironmentError */.eG(`cannot load @actions/github and its Octokit plugins: ${err instanceof Error ? err.message : String(err)}`, 'reinstall the action (its dist/ bundle is incomplete)', { cause: err });
    }
    const policy = opts.retry ?? {};
    const log = opts.log ?? (() => undefined);
    const options = {
        userAgent: opts.userAgent ?? `ml-image-action/${version/* VERSION */.x}`,
        ...(await retryOptions(policy, log)),
    };
    // An explicit `baseUrl: undefined` would replace @actions/github's GITHUB_API_URL default.
    if (opts.baseUrl)
        options.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    // Hooks of earlier plugins run inside later ones: the attempts plugin sees every single try
    // under plugin-retry, which runs under plugin-throttling (retry before throttling, as usual).
    const octokit = gh.getOctokit(opts.token, options, attemptsPlugin(policy, log), retry, throttling);
    const baseUrl = String(octokit.request.endpoint.DEFAULTS.baseUrl ?? opts.baseUrl ?? api_url/* DEFAULT_API_URL */.r);
    return octokitClient(octokit, { baseUrl });
}
function connectionReason(err) {
    const seen = new Set();
    let cur = err;
    while (typeof cur === 'object' && cur !== null && !seen.has(cur)) {
        seen.add(cur);
        const c = cur;
        if (typeof c.code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(c.code))
            return c.code;
        if (c.name === 'TimeoutError' || c.name === 'AbortError')
            return `no answer within ${REQUEST_TIMEOUT_MS / 1000}s`;
        cur = c.cause ?? (Array.isArray(c.errors) ? c.errors[0] : undefined);
    }
    return err instanceof Error ? err.message : String(err);
}
/**
 * Run one API call; Octokit's plugins have done the retrying by the time it throws. HTTP errors
 * become GitHubApiError; an API that could not be reached at all is an EnvironmentError (exit 3)
 * saying so, how many times the request was sent and for how long.
 */
async function callGitHub(operation, fn, opts) {
    const t0 = Date.now();
    try {
        return await fn();
    }
    catch (err) {
        if (!isConnectionError(err))
            throw (0,github_errors/* toGitHubApiError */.Vu)(err, operation);
        const tries = attemptsOf(err) ?? 1;
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        throw new errors/* EnvironmentError */.eG(`cannot reach the GitHub API at ${opts.baseUrl} (${operation}: ${connectionReason(err)}; tried ${tries} time${tries === 1 ? '' : 's'} over ${secs}s)`, 'check the network and any proxy (HTTPS_PROXY), and GITHUB_API_URL (on GitHub Enterprise Server: https://HOST/api/v3); then re-run the job', { cause: err });
    }
}
// Response bodies are parsed with schemas of the fields used, never trusted from Octokit's types:
// a proxy or an API of another shape fails here, naming the field, not later.
const RawCommentSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig().int(),
    body: schemas/* string */.YjP().nullish(),
    user: schemas/* object */.Ikc({ login: schemas/* string */.YjP(), type: schemas/* string */.YjP().optional() }).nullable(),
    created_at: schemas/* string */.YjP(),
});
const RawPullRequestSchema = schemas/* object */.Ikc({
    number: schemas/* number */.aig().int(),
    state: schemas/* string */.YjP(),
    head: schemas/* object */.Ikc({ sha: schemas/* string */.YjP(), repo: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }).nullable() }),
});
const AuthenticatedUserSchema = schemas/* object */.Ikc({ login: schemas/* string */.YjP() });
/** A response body through its schema; another shape is an environment problem (exit 3). */
function parseResponse(schema, data, operation) {
    const r = (0,parse_input/* boundedSafeParse */.Aw)(schema, data);
    if (!('overflow' in r) && r.success)
        return r.data;
    const problems = 'overflow' in r
        ? 'too many problems to list'
        : (0,issues/* formatIssues */.og)(r.error, data, schema).slice(0, 5).join('; ');
    throw new errors/* EnvironmentError */.eG(`GitHub API ${operation}: unexpected response: ${problems}`, 'check GITHUB_API_URL (on GitHub Enterprise Server: https://HOST/api/v3) and any proxy in between');
}
function toComment(c) {
    return {
        id: c.id,
        body: c.body ?? '',
        user: c.user ? { login: c.user.login, ...(c.user.type ? { type: c.user.type } : {}) } : null,
        created_at: c.created_at,
    };
}
function octokitClient(octokit, callOpts) {
    const call = (operation, fn) => callGitHub(operation, fn, callOpts);
    return {
        listIssueComments: ({ owner, repo, issueNumber }) => call('list issue comments', async () => {
            const all = await octokit.paginate(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: issueNumber,
                per_page: 100,
            });
            return parseResponse(schemas/* array */.YOg(RawCommentSchema), all, 'list issue comments').map(toComment);
        }),
        createIssueComment: ({ owner, repo, issueNumber, body }) => call('create issue comment', async () => {
            const res = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
            return toComment(parseResponse(RawCommentSchema, res.data, 'create issue comment'));
        }),
        updateIssueComment: ({ owner, repo, commentId, body }) => call('update issue comment', async () => {
            const res = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
            return toComment(parseResponse(RawCommentSchema, res.data, 'update issue comment'));
        }),
        deleteIssueComment: ({ owner, repo, commentId }) => call('delete issue comment', async () => {
            await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
        }),
        getPullRequest: ({ owner, repo, pullNumber }) => call('get pull request', async () => {
            const res = await octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
            const data = parseResponse(RawPullRequestSchema, res.data, 'get pull request');
            return {
                number: data.number,
                state: data.state,
                headSha: data.head.sha,
                headRepo: data.head.repo?.full_name ?? null,
            };
        }),
        authenticatedLogin: async () => {
            try {
                return await call('get authenticated user', async () => {
                    const res = await octokit.rest.users.getAuthenticated();
                    return parseResponse(AuthenticatedUserSchema, res.data, 'get authenticated user').login;
                });
            }
            catch (mapped) {
                // GITHUB_TOKEN (an installation token) may not read /user: that is expected, not an error.
                if (mapped instanceof github_errors/* GitHubApiError */.OS &&
                    (mapped.status === 403 || mapped.status === 401) &&
                    !mapped.secondaryRateLimit &&
                    !mapped.rateLimited)
                    return undefined;
                throw mapped;
            }
        },
    };
}


/***/ }),

/***/ 73116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   Vu: () => (/* binding */ toGitHubApiError)
/* harmony export */ });
/* unused harmony export parseRetryAfter */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// GitHub API errors: what Octokit throws (status, headers, the error body) mapped to one
// GitHubApiError that carries what callers need (a rate limit told apart from a read-only token,
// retry-after, 422 details) and a fix. Octokit's plugins have retried by then (retry.ts). The
// error body crosses the process boundary: it is parsed, never cast.


/**
 * A non-2xx answer from the GitHub API, after Octokit's retries. Carries what callers need and
 * nothing that could leak: no request body (the comment), no headers (the token).
 */
class GitHubApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .MlImageError */ .zn {
    status;
    details;
    constructor(message, status, details = {}) {
        super(message, _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ExitCode */ .yU.Environment, fixFor(status, details.secondaryRateLimit || details.rateLimited));
        this.status = status;
        this.details = details;
    }
    get apiMessage() {
        return this.details.apiMessage;
    }
    get retryAfter() {
        return this.details.retryAfter;
    }
    get secondaryRateLimit() {
        return this.details.secondaryRateLimit === true;
    }
    get rateLimited() {
        return this.details.rateLimited === true;
    }
    get errors() {
        return this.details.errors ?? [];
    }
}
function fixFor(status, rateLimit) {
    if (rateLimit)
        return 'wait for the rate limit to reset, or space out runs that comment on the same repository';
    if (status === 401)
        return 'the token is missing, expired or revoked: check the github-token input';
    if (status === 403)
        return 'give the workflow `permissions: pull-requests: write` (fork pull requests get a read-only token: post from a workflow_run workflow instead)';
    if (status === 404)
        return 'check the repository and pull-request number, and that the token can read the repository';
    if (status >= 500)
        return 'GitHub had a server error: re-run the job';
    return undefined;
}
const SECONDARY_RE = /secondary rate limit|abuse detection/i;
/** Seconds from a `retry-after` header: delta-seconds or an HTTP date. */
function parseRetryAfter(value, nowMs) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v);
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
function header(headers, name) {
    if (!headers)
        return undefined;
    for (const [k, v] of Object.entries(headers))
        if (k.toLowerCase() === name && v !== undefined)
            return String(v);
    return undefined;
}
// Each field is optional and kept only when it has the documented type.
const loose = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional().catch(undefined);
/** The fields of GitHub's error body that are used; anything not a JSON object has none. */
const ErrorBodySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    message: loose,
    documentation_url: loose,
    errors: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()).optional().catch(undefined),
});
const ValidationErrorSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ resource: loose, field: loose, code: loose, message: loose });
/** A 422's `errors`: strings or objects; anything else is left out. */
function validationErrors(items) {
    return items.flatMap((x) => {
        if (typeof x === 'string')
            return [{ code: 'custom', message: x }];
        const o = ValidationErrorSchema.safeParse(x);
        if (!o.success)
            return [];
        return [
            {
                resource: o.data.resource,
                field: o.data.field,
                code: o.data.code ?? 'custom',
                message: o.data.message,
            },
        ];
    });
}
/**
 * Map what Octokit throws (RequestError: status, response.headers, response.data) to a
 * GitHubApiError. Anything else (a bug, a thrown string) is passed through untouched.
 */
function toGitHubApiError(err, operation, nowMs = Date.now()) {
    if (err instanceof GitHubApiError)
        return err;
    if (typeof err !== 'object' || err === null)
        return err;
    const e = err;
    // Octokit's RequestError (name "HttpError"); network failures arrive as status 500 without a
    // response: those are not HTTP errors (callGitHub reports them as "cannot reach").
    if (typeof e.status !== 'number' || e.status < 400)
        return err;
    const status = e.status;
    const headers = e.response?.headers;
    const body = ErrorBodySchema.safeParse(e.response?.data);
    const data = body.success ? body.data : {};
    const apiMessage = data.message ??
        (typeof e.response?.data === 'string' && e.response.data.length < 500 ? e.response.data : undefined);
    const errors = data.errors && validationErrors(data.errors);
    let retryAfter = parseRetryAfter(header(headers, 'retry-after'), nowMs);
    const remaining = header(headers, 'x-ratelimit-remaining');
    const reset = header(headers, 'x-ratelimit-reset');
    const rateLimited = (status === 403 || status === 429) && remaining === '0';
    if (retryAfter === undefined && rateLimited && reset && /^\d+$/.test(reset)) {
        retryAfter = Math.max(0, Number(reset) - Math.floor(nowMs / 1000));
    }
    const secondaryRateLimit = (status === 403 || status === 429) &&
        !rateLimited &&
        (SECONDARY_RE.test(apiMessage ?? '') || header(headers, 'retry-after') !== undefined);
    const detail = apiMessage ?? (status >= 500 ? 'server error' : 'no message');
    const fieldErrors = errors?.length
        ? ` (${errors.map((x) => [x.field, x.message ?? x.code].filter(Boolean).join(': ')).join('; ')})`
        : '';
    return new GitHubApiError(`GitHub API ${operation} failed: ${status} ${detail}${fieldErrors}`, status, {
        operation,
        apiMessage,
        documentationUrl: data.documentation_url,
        retryAfter,
        secondaryRateLimit,
        rateLimited,
        errors,
        requestId: header(headers, 'x-github-request-id'),
    });
}


/***/ }),

/***/ 36379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IV: () => (/* binding */ dirBaselineStore),
  W3: () => (/* binding */ restoreBaseline)
});

// UNUSED EXPORTS: BASELINE_SHA_FILE, actionsCacheBaselineStore, baselineSlug

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/util/temp-owner.ts
var temp_owner = __webpack_require__(22238);
;// CONCATENATED MODULE: ./src/report/baseline-lock.ts
// The directory baseline store's lock (baseline.ts): one save of a key and branch at a time reads
// the save it replaces, carries a platform's records over from it and switches to its own. A file
// created exclusively (O_EXCL) names its owner (host, pid, a token, its pid namespace); one whose
// owner is gone (this host and pid namespace, no such process) is broken at once, one unchanged
// for `staleMs` (an owner hung, or gone on another host of a shared filesystem or in another pid
// namespace: a container sharing the cache, named as the host under --network host) then. A lock
// not had within `waitMs` is done without: the caller says so (a warning), and its save still
// replaces the last one whole. A wait is on the event loop: SIGINT/SIGTERM/SIGHUP are handled
// meanwhile and end it (a wait on the thread held them off for up to `waitMs`, past a cancelled
// job's SIGKILL: the cleanups never ran).





const LOCK_TIMING = { waitMs: 60_000, staleMs: 20_000 };
const POLL_MS = 25;
/** Sleep on this thread: the store's steps are synchronous (a save throws at once, as it always has). */
function sleepSync(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
/** A failed file system call's code (ENOENT), '' when it has none. */
const codeOf = (e) => e.code ?? '';
/** The lock's owner as written (host pid token); undefined when there is none (released meanwhile). */
function ownerOf(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (e) {
        if (codeOf(e) === 'ENOENT')
            return undefined;
        throw e;
    }
}
/** This process's pid namespace ("pid:[4026531836]"); "-" where /proc cannot tell. */
function pidNamespace() {
    try {
        return (0,temp_owner/* ownPidNamespace */.pP)().replace(/\s/g, '');
    }
    catch {
        return '-';
    }
}
/**
 * The owner is a process of this host and pid namespace that is no more (another host's, or one in
 * a pid namespace this process cannot see, cannot be asked: its pid here is another process or
 * none). An owner written without a namespace (an earlier version's) is taken as this one's.
 */
function ownerGone(owner) {
    const [host, pid, , theirs] = owner.split(' ');
    if (host !== (0,external_node_os_.hostname)() || !/^[1-9][0-9]*$/.test(pid ?? ''))
        return false;
    if (theirs !== undefined && theirs !== pidNamespace())
        return false;
    try {
        process.kill(Number(pid), 0);
        return false;
    }
    catch (e) {
        // EPERM: it is there, as another user.
        return codeOf(e) === 'ESRCH';
    }
}
/**
 * Break OWNER's lock: moved aside first, so that of two runs breaking it at once one does; one that
 * moved a lock taken meanwhile (not OWNER's) puts it back unless another was taken by then.
 */
function breakLock(file, owner) {
    const aside = `${file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.stale`;
    try {
        (0,external_node_fs_.renameSync)(file, aside);
    }
    catch {
        return; // broken or released by someone else
    }
    try {
        if (ownerOf(aside) !== owner)
            (0,external_node_fs_.linkSync)(aside, file);
    }
    catch {
        // taken again meanwhile: that owner has it
    }
    finally {
        (0,external_node_fs_.rmSync)(aside, { force: true });
    }
}
/**
 * The lock FILE, taken now (a lock had, or the reason why not: a string, when waitMs allows no
 * wait), or, when its holder runs, the promise of it after a wait on the event loop (a string when
 * it is not had within waitMs; an InterruptedError after SIGINT/SIGTERM/SIGHUP meanwhile).
 */
function takeLock(file, timing = LOCK_TIMING) {
    const taking = {
        me: `${(0,external_node_os_.hostname)()} ${process.pid} ${(0,external_node_crypto_.randomBytes)(6).toString('hex')} ${pidNamespace()}`,
        start: Date.now(),
    };
    return tryTake(file, timing, taking) ?? waitFor(file, timing, taking);
}
async function waitFor(file, timing, taking) {
    for (;;) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const stopped = (0,cleanup/* interruptedFailure */.rn)(`the wait for the baseline's lock ${file}`);
        if (stopped)
            throw stopped;
        const taken = tryTake(file, timing, taking);
        if (taken !== undefined)
            return taken;
    }
}
/** One try at FILE: the lock, the reason why not, or undefined when its holder runs (wait then). */
function tryTake(file, timing, taking) {
    const { me } = taking;
    for (;;) {
        try {
            const fd = (0,external_node_fs_.openSync)(file, 'wx', 0o644);
            try {
                (0,external_node_fs_.writeSync)(fd, me);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            return { release: () => release(file, me), takenAt: takenAt(file) };
        }
        catch (e) {
            if (codeOf(e) !== 'EEXIST')
                return `cannot create ${file}: ${codeOf(e) || e.message}`;
        }
        const owner = ownerOf(file);
        if (owner === undefined)
            continue;
        if (taking.seen?.owner !== owner)
            taking.seen = { owner, since: Date.now() };
        if (ownerGone(owner) || Date.now() - taking.seen.since >= timing.staleMs) {
            breakLock(file, owner);
            continue;
        }
        if (Date.now() - taking.start >= timing.waitMs)
            return `${file} is held by ${owner.split(' ').slice(0, 2).join(' pid ') || 'another run'}`;
        return undefined;
    }
}
function takenAt(file) {
    try {
        return (0,external_node_fs_.statSync)(file).mtimeMs;
    }
    catch {
        return Date.now();
    }
}
function release(file, me) {
    try {
        if (ownerOf(file) === me)
            (0,external_node_fs_.rmSync)(file, { force: true });
    }
    catch {
        // best effort: a lock left behind is broken as its owner's leftover
    }
}

;// CONCATENATED MODULE: ./src/report/baseline-dir.ts
// The directory baseline store's files (baseline.ts dirBaselineStore), safe for runs that save and
// restore the same key and branch at once (a shared self-hosted runner, two local runs):
//   <slug>/<branch>            a link to the newest save (a directory: a save of an earlier version)
//   <slug>/<branch>+<id>/      a save: written whole before the link names it, never changed after
//   <slug>/<branch>+lock       held while a save reads the one it replaces and switches the link
// A restore reads the link once and is given the save it names: another run switching the link
// meanwhile changes nothing it reads. A replaced save is removed by a later save GRACE_MS after it
// was replaced.
// On a filesystem without links the save's directory is renamed into <branch> instead (an earlier
// version's way, under the lock).






/** The directory store's note of the commit a save is of (absent in saves before it was written). */
const BASELINE_SHA_FILE = 'baseline-sha.txt';
/** How long a replaced save is kept, for a run that restored it just before and still reads it. */
const GRACE_MS = 10 * 60_000;
/** What a save that is gone (replaced and removed, or moved aside) answers. */
const GONE = new Set(['ENOENT', 'ENOTDIR', 'EINVAL']);
/** What making a link answers where the filesystem (or the system) has none. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);
/** What renaming the link answers when a directory is in its place (an earlier version's save). */
const DIR_IN_PLACE = new Set(['EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR']);
const lockFile = (p) => external_node_path_default().join(p.dir, `${p.name}+lock`);
const newName = (p) => `${p.name}+${Date.now().toString(36)}-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
/** The save <branch> names: the link's target, the directory itself (an earlier version's), none. */
function currentDir(p) {
    const at = external_node_path_default().join(p.dir, p.name);
    const st = (0,read_regular/* statOrAbsent */.Hg)(at, true);
    if (!st)
        return undefined;
    return st.isSymbolicLink() ? external_node_path_default().resolve(p.dir, (0,external_node_fs_.readlinkSync)(at)) : at;
}
/** The newest save, none, or the directory that went away while it was read (`gone`). */
function readSave(p) {
    let dir;
    let names;
    try {
        dir = currentDir(p);
        if (dir === undefined)
            return undefined;
        names = (0,external_node_fs_.readdirSync)(dir);
    }
    catch (e) {
        if (GONE.has(codeOf(e)))
            return { gone: dir ?? external_node_path_default().join(p.dir, p.name) };
        throw e;
    }
    if (!names.some((n) => n !== BASELINE_SHA_FILE))
        return undefined;
    let sha;
    try {
        sha = (0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, BASELINE_SHA_FILE), 'utf8').slice(0, 100).trim();
    }
    catch (e) {
        if (!GONE.has(codeOf(e)))
            throw e;
    }
    return { dir, ...(sha && { sha }) };
}
/**
 * The newest save of P. Read again once when what it named went away (replaced and removed since)
 * or when there is none while a save holds the lock (an earlier version's directory being replaced
 * by a link: gone for an instant). Gone twice: its directory all the same, which the report says it
 * could not read (base-records.ts readEntries), rather than a "first run".
 */
function restoreDir(p) {
    const first = readSave(p);
    if (first !== undefined && !('gone' in first))
        return first;
    if (first === undefined) {
        if (!(0,external_node_fs_.existsSync)(lockFile(p)))
            return undefined;
        sleepSync(50);
    }
    const again = readSave(p);
    if (again !== undefined && 'gone' in again)
        return { dir: again.gone };
    return again;
}
/**
 * Save FILES (and the sha note) as P's newest: written whole in a directory of its own, then, under
 * the lock, what OPTS keeps of the save it replaces, and the link switched to it (one rename: a
 * restore sees the last save or this one). FAIL makes the error of a save that cannot be written
 * (thrown, its directory removed); a lock not had is a warning. Done at once, unless another run
 * holds the lock: then the promise of it, after a wait that SIGINT/SIGTERM/SIGHUP end (an
 * InterruptedError, this save's directory removed).
 */
function saveDir(p, sha, files, opts, tuning, fail) {
    const name = newName(p);
    const dir = external_node_path_default().join(p.dir, name);
    const removeAndFail = (e) => {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        return fail(e);
    };
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        for (const f of files)
            (0,external_node_fs_.cpSync)(f, external_node_path_default().join(dir, external_node_path_default().basename(f)));
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, BASELINE_SHA_FILE), `${sha}\n`);
    }
    catch (e) {
        throw removeAndFail(e);
    }
    const unreadable = (e) => `cannot read ${lockFile(p)}: ${codeOf(e) || e.message}`;
    const switched = (lock) => switchLocked(p, name, lock, opts, tuning, removeAndFail);
    let lock;
    try {
        lock = takeLock(lockFile(p), tuning.lock);
    }
    catch (e) {
        lock = unreadable(e);
    }
    if (!(lock instanceof Promise))
        return switched(lock);
    return lock.then(switched, (e) => {
        if (!(e instanceof cleanup/* InterruptedError */.p4))
            return switched(unreadable(e));
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        throw e;
    });
}
/** With LOCK (or the reason why not), what OPTS keeps of the save it replaces, and the link switched to NAME. */
function switchLocked(p, name, lock, opts, tuning, removeAndFail) {
    if (typeof lock === 'string')
        opts.warning?.(`saved the baseline without its lock (${lock}): a platform kept from the last save may lack another run's newer records`);
    let replaced;
    let now;
    try {
        replaced = keepFrom(p, external_node_path_default().join(p.dir, name), opts);
        now = typeof lock === 'string' ? (0,external_node_fs_.statSync)(external_node_path_default().join(p.dir, name)).mtimeMs : lock.takenAt;
        switchTo(p, name, replaced, now, tuning.link ?? external_node_fs_.symlinkSync);
    }
    catch (e) {
        throw removeAndFail(e);
    }
    finally {
        if (typeof lock !== 'string')
            lock.release();
    }
    removeReplaced(p, [name, replaced], now - (tuning.graceMs ?? GRACE_MS));
}
/** Copy into DIR what OPTS keeps of P's newest save; that save's directory (the one replaced). */
function keepFrom(p, dir, opts) {
    const found = readSave(p);
    const previous = found !== undefined && !('gone' in found) ? found : undefined;
    for (const f of opts.keep?.(previous) ?? [])
        (0,external_node_fs_.cpSync)(f, external_node_path_default().join(dir, external_node_path_default().basename(f)));
    return previous?.dir;
}
/**
 * Point <branch> at the save NAME: a link made beside it and renamed over it. The save it replaces
 * (REPLACED) is touched, so that its grace counts from now; a directory an earlier version saved
 * is moved aside first (a save like the others from then on). Without links: NAME is renamed into
 * <branch>, what was there moved aside.
 */
function switchTo(p, name, replaced, now, link) {
    const at = external_node_path_default().join(p.dir, p.name);
    const tmp = external_node_path_default().join(p.dir, `${name}.link`);
    let linked = true;
    try {
        link(name, tmp);
    }
    catch (e) {
        if (!NO_LINKS.has(codeOf(e)))
            throw e;
        linked = false;
    }
    if (replaced !== undefined)
        touch(replaced, now);
    try {
        for (let tries = 1;; tries++) {
            const st = (0,read_regular/* statOrAbsent */.Hg)(at, true);
            if (st && (st.isDirectory() || !linked))
                touch(moveAside(p, at), now);
            try {
                (0,external_node_fs_.renameSync)(linked ? tmp : external_node_path_default().join(p.dir, name), at);
                return;
            }
            catch (e) {
                // An earlier version saved a directory there meanwhile: moved aside too.
                if (tries >= 3 || !DIR_IN_PLACE.has(codeOf(e)))
                    throw e;
            }
        }
    }
    finally {
        (0,external_node_fs_.rmSync)(tmp, { force: true });
    }
}
/** Move what is at AT aside, under a save's name; that name (gone already: AT's). */
function moveAside(p, at) {
    const aside = external_node_path_default().join(p.dir, newName(p));
    try {
        (0,external_node_fs_.renameSync)(at, aside);
        return aside;
    }
    catch (e) {
        if (GONE.has(codeOf(e)))
            return at;
        throw e;
    }
}
function touch(dir, now) {
    try {
        (0,external_node_fs_.utimesSync)(dir, now / 1000, now / 1000);
    }
    catch {
        // not ours to touch (another user's) or gone: its grace counts from when it was written
    }
}
/**
 * Remove P's saves (and leftovers: a link or lock moved aside) not touched since BEFORE, except KEEP
 * and the save <branch> names now. Best effort: another run may be removing them too.
 */
function removeReplaced(p, keep, before) {
    try {
        const kept = new Set([...keep, currentDir(p)].map((k) => k && external_node_path_default().basename(k)));
        for (const n of (0,external_node_fs_.readdirSync)(p.dir)) {
            if (!n.startsWith(`${p.name}+`) || n === `${p.name}+lock` || kept.has(n))
                continue;
            const st = (0,read_regular/* statOrAbsent */.Hg)(external_node_path_default().join(p.dir, n), true);
            if (st && st.mtimeMs < before)
                (0,external_node_fs_.rmSync)(external_node_path_default().join(p.dir, n), { recursive: true, force: true });
        }
    }
    catch {
        // the next save tries again
    }
}

;// CONCATENATED MODULE: ./src/report/baseline.ts
// The baseline store: the records (env-*.json, smoke-*.json) of one image+variant+platform set, saved
// per branch and commit, restored by the base branch. On GitHub: @actions/cache (a pull request may
// restore its base branch's caches). Locally and on self-hosted runners: a directory.







/** Cache keys may not hold commas and are at most 512 characters: a readable slug plus a hash. */
function baselineSlug(key) {
    const readable = key.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
    return `${readable}-${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 12)}`;
}
/**
 * A branch as a file name: other characters than [A-Za-z0-9._-] as "-", and leading dots too (no
 * git branch has them: `report --base-branch ..` does), so that it is never "." or ".." (the key's
 * own directory, or the store's root, to path.join) nor a hidden file. Empty: "-".
 */
const branchSlug = (b) => b
    .replace(/^refs\/heads\//, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^\.+/, (dots) => '-'.repeat(dots.length)) || '-';
/**
 * A branch's name in a baseline directory: its slug, and where the slug is not the branch's own
 * name, "=" and the name's hash too (no slug has "="), so that `feature/x` and `feature-x` keep
 * their own saves. LEGACY: the slug alone, as earlier versions named every branch.
 */
function branchPlace(b) {
    const legacy = branchSlug(b);
    const own = b.replace(/^refs\/heads\//, '');
    const hash = (0,external_node_crypto_.createHash)('sha256').update(own).digest('hex').slice(0, 8);
    return { name: legacy === own ? legacy : `${legacy}=${hash}`, legacy };
}
/** A git commit: what a report shows of the baseline's (a store's text is shown only when it is one). */
const COMMIT = /^[0-9a-f]{7,64}$/i;
/**
 * The newest records of BRANCH under the first of KEYS that has any (the baseline's key, then the
 * keys earlier versions saved it under: keys.ts baselineKeys), the commit only when it is a git
 * commit's hex name (a directory's file, a cache key: nothing else reaches the report).
 */
async function restoreBaseline(store, keys, branch) {
    for (const key of keys) {
        const r = await store.restore(key, branch);
        if (r)
            return { dir: r.dir, ...(r.sha !== undefined && COMMIT.test(r.sha) && { sha: r.sha }) };
    }
    return undefined;
}
/**
 * root/<slug>/<branch>: the newest save of a branch, which replaces the previous one. ROOT is checked
 * now (a directory, or none yet, not under /proc, /sys or /dev: exit 2 naming LABEL, the flag or
 * variable that chose it), before any stage runs; a save that fails later is exit 3 naming it.
 * Runs may save and restore the same key and branch at once (a shared self-hosted runner, two local
 * runs): baseline-dir.ts.
 */
function dirBaselineStore(root, label = `baseline directory ${root}`, flag = '--baseline DIR', tuning = {}) {
    (0,json_file/* ensureResultDir */.dc)(root, label, { create: false, flag });
    /** Where KEY's saves of a branch named NAME in the directory are (branchPlace). */
    const place = (key, name) => ({ dir: external_node_path_default().join(root, baselineSlug(key)), name });
    return {
        describe: () => root,
        // A branch with no save under its own name yet: an earlier version's save, under its slug.
        restore(key, branch) {
            const { name, legacy } = branchPlace(branch);
            return Promise.resolve(restoreDir(place(key, name)) ?? (legacy !== name ? restoreDir(place(key, legacy)) : undefined));
        },
        save(key, branch, sha, files, opts = {}) {
            const p = place(key, branchPlace(branch).name);
            // Done at once, unless it waits for another run's lock (a wait a signal ends).
            const saving = saveDir(p, sha, files, opts, tuning, (e) => {
                const where = external_node_path_default().join(p.dir, p.name);
                // The report is written; only the baseline for the next run is missing.
                return new errors/* EnvironmentError */.eG(`${label}: cannot save the baseline in ${where} (${String(e.message ?? e).split('\n')[0]})`, `check that ${root} is a writable directory with free space (or pass ${flag}, or --baseline none), then run again`, { cause: e });
            });
            return saving ? saving.then(() => true) : Promise.resolve(true);
        },
    };
}
/** What a key appends after the commit: "-<run id>-<attempt>", each only when it is a number. */
const runSuffix = (run) => [run.id, run.attempt]
    .filter((x) => x !== undefined && /^\d+$/.test(x))
    .map((x) => `-${x}`)
    .join('');
/**
 * @actions/cache under keys `ml-image-baseline-v1-<slug>-<branch>-<sha>-<run id>-<attempt>`,
 * restored by the prefix without the commit: the newest entry of the branch. Cache entries are
 * immutable and a save under a key that is there is refused, hence a key per run attempt: a re-run
 * of the same commit saves again, and is the newest. The path must be the same on save and
 * restore, so it is fixed under RUNNER_TEMP.
 */
function actionsCacheBaselineStore(runnerTemp, 
/** RUN: the workflow run, whose id and attempt end each key (a key per run attempt). */
io, api) {
    const { run = {} } = io;
    const load = async () => api ?? (await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(830), __webpack_require__.e(329)]).then(__webpack_require__.bind(__webpack_require__, 35329)));
    const dirFor = (key) => path.join(runnerTemp, 'ml-image-baseline', baselineSlug(key));
    const prefix = (key, branch) => `ml-image-baseline-v1-${baselineSlug(key)}-${branchSlug(branch)}-`;
    return {
        describe: () => 'the Actions cache',
        async restore(key, branch) {
            const dir = dirFor(key);
            rmSync(dir, { recursive: true, force: true });
            mkdirSync(dir, { recursive: true });
            try {
                const hit = await (await load()).restoreCache([dir], `${prefix(key, branch)}none`, [prefix(key, branch)]);
                if (hit === undefined || readdirSync(dir).length === 0)
                    return undefined;
                // The key the entry was saved under goes on with its commit (then, since keys name the
                // run, "-<run id>-<attempt>").
                return {
                    dir,
                    ...(hit.startsWith(prefix(key, branch)) && {
                        sha: hit.slice(prefix(key, branch).length).split('-')[0],
                    }),
                };
            }
            catch (e) {
                // The cache service is best effort: a report without a baseline beats a failed job.
                io.warning(`baseline restore failed (${e.message}); reporting without a baseline`);
                return undefined;
            }
        },
        async save(key, branch, sha, files, opts) {
            const dir = dirFor(key);
            // Copied beside it first: what is kept may be in it (a platform's records kept from the
            // restored baseline, base-records.ts saveBase).
            const next = `${dir}.next`;
            rmSync(next, { recursive: true, force: true });
            mkdirSync(next, { recursive: true });
            for (const f of [...files, ...(opts?.keep?.(undefined) ?? [])])
                cpSync(f, path.join(next, path.basename(f)));
            rmSync(dir, { recursive: true, force: true });
            renameSync(next, dir);
            const entry = `${prefix(key, branch)}${sha}${runSuffix(run)}`;
            const stays = `a pull request into ${branch} compares with its earlier save, if any`;
            try {
                // -1: not saved (a key already there, a write the cache refused); @actions/cache logs why.
                if ((await (await load()).saveCache([dir], entry)) !== -1)
                    return true;
                io.warning(`baseline not saved: the Actions cache did not take ${entry} (its log says why); ${stays}`);
            }
            catch (e) {
                io.warning(`baseline save failed (${e.message}); ${stays}`);
            }
            return false;
        },
    };
}


/***/ }),

/***/ 91121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ ownSmoke),
/* harmony export */   q: () => (/* binding */ ownEnv)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_platform_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15063);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _results_results_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98510);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49997);
// The records a report reads by their file names (env-<variant>-<arch>.json, smoke-...json): each is
// the one its name says, by its own variant and platform, as `ml-image diff` checks the two records
// it compares. A record of another variant or platform (a file copied under another's name, an
// edited artifact) would be reported, and saved as the baseline, as that target's: refused, exit 2,
// naming the file and both values. linux/arm64/v8 is linux/arm64 (normalizePlatform); a record
// that names no variant (an older one, `ml-image capture` of an image without the label) is not
// checked on it.





/** RESULTS' record FILE of KIND as read, refused when its own target is not VARIANT and PLATFORM. */
function checked(results, kind, [variant, platform], read, own) {
    if (read === null)
        return null;
    const { variant: v, platform: p } = own(read);
    const wrong = [
        ...(v !== undefined && v !== null && v !== variant
            ? [`variant ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(v)} (its file name says ${variant})`]
            : []),
        ...((0,_config_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePlatform */ .FL)(p) !== (0,_config_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePlatform */ .FL)(platform)
            ? [`platform ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(p)} (its file name says ${platform})`]
            : []),
    ];
    if (wrong.length === 0)
        return read;
    const name = (0,_results_results_js__WEBPACK_IMPORTED_MODULE_2__/* .recordFile */ .mR)(kind, variant, platform);
    const file = results.dir === undefined ? name : node_path__WEBPACK_IMPORTED_MODULE_0___default().join(results.dir, name);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${file}: the ${kind === 'env' ? 'environment record' : 'smoke result'} is of ${wrong.join(' and ')}: another image's, which the report would show as ${variant} on ${platform}`, `put each record under its own name (${kind}-<variant>-<arch>.json, as the smoke stage writes it), or run the smoke stage again to write this one`);
}
/** The environment record of VARIANT on PLATFORM in RESULTS, when it is that target's (else exit 2). */
const ownEnv = (results, variant, platform) => checked(results, 'env', [variant, platform], results.readEnv(variant, platform), (r) => r.image);
/** The smoke result of VARIANT on PLATFORM in RESULTS, when it is that platform's (else exit 2). */
const ownSmoke = (results, variant, platform) => checked(results, 'smoke', [variant, platform], results.readSmoke(variant, platform), (r) => r);


/***/ }),

/***/ 13086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p8: () => (/* reexport */ COMMENT_MODES),
  Kb: () => (/* reexport */ baselineKeys),
  U3: () => (/* reexport */ configVariantNames),
  pz: () => (/* binding */ reportStage),
  W3: () => (/* reexport */ baseline/* restoreBaseline */.W3)
});

// UNUSED EXPORTS: replacedMarkers, reportKey, runMarkerKey, runReportStage, runVerdictLines

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/resolve/result.ts
var result = __webpack_require__(83447);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results_results = __webpack_require__(98510);
// EXTERNAL MODULE: ./src/report/baseline.ts + 2 modules
var baseline = __webpack_require__(36379);
// EXTERNAL MODULE: ./src/report/own-records.ts
var own_records = __webpack_require__(91121);
;// CONCATENATED MODULE: ./src/report/base-records.ts
// The records a variant's report compares with: the baseline store's newest save of the base
// branch (or of the default branch, when the base branch has none) and the commit it was saved at,
// or why there are none; this run's and the baseline's records per platform (readEntries); and what
// a run of the default branch saves for the next pull request.






/**
 * The base branch's newest records under the first of KEYS that has any (keys.ts baselineKeys); a
 * base branch without any (a pull request into release-1.x: only the default branch saves) falls
 * back to the default branch's. Undefined: no store, no base branch, none saved.
 */
async function restoreBase(lookup, keys) {
    const { store, baseBranch, defaultBranch } = lookup;
    if (!store || !baseBranch)
        return undefined;
    const own = await (0,baseline/* restoreBaseline */.W3)(store, keys, baseBranch);
    if (own)
        return { ...own, ref: baseBranch };
    if (!defaultBranch || defaultBranch === baseBranch)
        return undefined;
    const fallback = await (0,baseline/* restoreBaseline */.W3)(store, keys, defaultBranch);
    return fallback && { ...fallback, ref: defaultBranch, noRecordOf: baseBranch };
}
/** The model's baseline: the branch compared with, its commit, the base branch that had none. */
function baselineOf(base) {
    return {
        ref: base.ref,
        ...(base.sha !== undefined && { sha: base.sha }),
        ...(base.noRecordOf !== undefined && { noRecordOf: base.noRecordOf }),
    };
}
/** Why a report has no baseline (its intro and verdict say it). */
function noBaselineReason(lookup, baseUnreadable, 
/** The branch whose records could not be read (the default branch's, after the fallback). */
unreadableRef = lookup.baseBranch) {
    const { store, baseBranch, defaultBranch } = lookup;
    if (baseUnreadable)
        return `the baseline of ${unreadableRef ?? 'the base branch'} could not be read (${baseUnreadable})`;
    if (!store)
        return 'baseline: none (no comparison asked for)';
    if (!baseBranch)
        return 'no base branch to compare with';
    const where = store.describe();
    if (defaultBranch && defaultBranch !== baseBranch)
        return `first run: no record of ${defaultBranch} in ${where} yet (nor of ${baseBranch}: only the default branch saves one)`;
    // On GitHub only the default branch's runs save; which that is, this run's event did not say.
    if (defaultBranch === null)
        return `first run: no record of ${baseBranch} in ${where} yet (baselines are saved for the default branch only)`;
    return `first run: no record of ${baseBranch} in ${where} yet`;
}
/** This run's records and the baseline's per platform. The baseline is best effort: a newer,
 * corrupt or foreign record is reported (baseUnreadable), not fatal. */
function readEntries(results, baseDir, variant, platforms, 
/** The config's platforms (before a --platforms filter): the baseline's others are dropped ones. */
planned = platforms) {
    let baseUnreadable;
    const unreadable = (e) => {
        baseUnreadable ??= e.message.split('\n')[0];
        return null;
    };
    // The baseline store's directory, only read.
    let baseline;
    try {
        baseline = baseDir ? (0,results_results/* openResultDir */.lR)(baseDir, 'baseline', { create: false }) : undefined;
    }
    catch (e) {
        unreadable(e);
    }
    const base = (read) => {
        if (!baseline)
            return null;
        try {
            return read(baseline);
        }
        catch (e) {
            return unreadable(e);
        }
    };
    // Each the target its file name says (own-records.ts): this run's, or exit 2; the baseline's, or
    // it is unreadable (reported without it).
    const entries = platforms.map((p) => ({
        platform: p,
        head: (0,own_records/* ownEnv */.q)(results, variant, p),
        base: base((b) => (0,own_records/* ownEnv */.q)(b, variant, p)),
        headSmoke: (0,own_records/* ownSmoke */.U)(results, variant, p),
        baseSmoke: base((b) => (0,own_records/* ownSmoke */.U)(b, variant, p)),
    }));
    // Removed before or while it was read (the directory store: by another run, long after it
    // replaced it): some or all of its records read as none, which is no "removed platform".
    // A platform the baseline has a record of that the config no longer builds (a pull request that
    // drops linux/arm64): its users would get no image, which the report says.
    const dropped = schema/* PLATFORMS */.P4.filter((p) => !planned.includes(p) && base((b) => b.hasEnv(variant, p)));
    if (baseline && baseDir && !(0,external_node_fs_.existsSync)(baseDir))
        unreadable(new Error(`${baseDir} is gone (removed as it was read: by another run's save, or by hand)`));
    return { entries, dropped, ...(baseUnreadable !== undefined && { baseUnreadable }) };
}
/**
 * Which of PLATFORMS' records in RESULTS are of this build: with a build.json there, a record of an
 * image it does not name for the variant and platform (an earlier run's, left in a result directory
 * a run of fewer platforms reused) is not this build's: left out of the report and the baseline,
 * with a note; so is the resolution of a platform build.json does not name. Without a build.json (a
 * fork's records, downloaded alone) every record is taken.
 */
function thisBuild(results, variant, platforms) {
    const recorded = platforms.filter((p) => results.hasEnv(variant, p));
    if (!results.hasBuild())
        return { records: recorded, resolutions: [...platforms], notes: [] };
    let built;
    try {
        built = results.readBuild().variants.find((b) => b.variant === variant)?.platforms ?? [];
    }
    catch (e) {
        const why = e.message.split('\n')[0];
        return { records: recorded, resolutions: [...platforms], notes: [`records not checked: ${why}`] };
    }
    const notes = [];
    const records = recorded.filter((p) => {
        const build = built.find((b) => b.platform === p);
        const record = (0,own_records/* ownEnv */.q)(results, variant, p);
        if (build && ofBuild(record, build))
            return true;
        const image = (0,oci_ref/* refDigest */.I2)(record.image.ref) ?? record.image.ref;
        const of = build ? `its ${base_records_short(build.digest)}` : `no ${p} image of ${variant}`;
        notes.push(`${(0,results_results/* recordFile */.mR)('env', variant, p)} is of ${base_records_short(image)}, but ${results_results/* BUILD_FILE */.oS} names ${of}: an earlier run's, left out of the report and the baseline`);
        return false;
    });
    return { records, resolutions: platforms.filter((p) => built.some((b) => b.platform === p)), notes };
}
const base_records_short = (ref) => ((0,oci_ref/* isDigest */.Bc)(ref) ? ref.slice(0, 19) : ref);
/**
 * Whether RECORD is of BUILD's image: the digest it was captured by (the smoke stage captures a
 * pushed image as repository@digest), else (a build that only loaded it: a local tag) the tag the
 * build loaded it under, or a digest of the engine's that is the build's.
 */
function ofBuild(record, build) {
    const { ref, id, digest } = record.image;
    const captured = (0,oci_ref/* refDigest */.I2)(ref);
    if (captured !== undefined)
        return captured === build.digest;
    return (ref === build.localRef ||
        (build.loadedTags ?? []).includes(ref) ||
        id === build.digest ||
        digest === build.digest);
}
/**
 * Save this run's records as the variant's baseline. A platform of the config this run has no record
 * of (its job failed, was cancelled or skipped; a platforms filter left it out) keeps its records
 * from the save this one replaces, as the store finds it then (another run may have saved since
 * RESTORED was: the directory store asks under its lock), else from RESTORED (when that is the same
 * branch's) or an earlier key's save (restored now): a save replaces the last, and would otherwise
 * wipe that platform until its next good run. A platform no longer in the config is let go.
 * Returns whether the store took the save (it warned why not) and the platforms kept.
 */
async function saveBase(save, restored) {
    const { store, saveAs, keys, variant } = save;
    const missing = save.planned.filter((p) => !save.recorded.includes(p));
    const fallback = missing.length === 0 || restored?.ref === saveAs.branch
        ? restored
        : await (0,baseline/* restoreBaseline */.W3)(store, keys, saveAs.branch);
    let kept = { files: [], platforms: [] };
    const saved = await store.save(keys[0], saveAs.branch, saveAs.sha, save.files, {
        keep: (previous) => {
            const from = missing.length > 0 ? (previous ?? fallback) : undefined;
            if (from)
                kept = keptRecords(from.dir, variant, missing);
            return kept.files;
        },
        ...(save.warning && { warning: save.warning }),
    });
    return { saved: saved !== false, kept: kept.platforms };
}
/** The previous baseline's record files of PLATFORMS, of those whose env record reads (a corrupt one is let go). */
function keptRecords(dir, variant, platforms) {
    let previous;
    try {
        previous = (0,results_results/* openResultDir */.lR)(dir, 'baseline', { create: false });
    }
    catch {
        return { files: [], platforms: [] };
    }
    const readable = platforms.filter((p) => {
        try {
            return previous.readEnv(variant, p) !== null;
        }
        catch {
            return false;
        }
    });
    return { files: readable.flatMap((p) => previous.recordFiles(variant, p)), platforms: readable };
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/model.ts + 8 modules
var report_model = __webpack_require__(92474);
// EXTERNAL MODULE: ./src/report/render.ts + 2 modules
var render = __webpack_require__(90157);
;// CONCATENATED MODULE: ./src/report/keys.ts




/**
 * The comment's key: one per run. report.markerKey when set, else the image repository; no
 * variant (the per-variant keys stay the baselines' keys, see reportKey). A run that reports only
 * some of the config file's variants (CONFIG_VARIANTS; jobs of a matrix, each with its own
 * `variants`) appends them, sorted (`<key>:cpu,cuda12.8`): each such job keeps its own comment
 * rather than overwriting the others'.
 */
function runKeyOf(plan, config, configVariants) {
    const key = config.report.markerKey ?? plan.repository;
    if (!narrowsVariants(plan, configVariants))
        return { key };
    const subset = plan.variants.map((v) => v.name).sort();
    return { key: `${key}:${subset.join(',')}`, subset };
}
/**
 * Whether PLAN reports only some of the config file's variants (CONFIG_VARIANTS): each of its
 * variants is one the file lists, and the file lists more. Variants an input or flag put in the
 * file's place (`variants: cuda12.8` where the file lists only the default cpu) do not narrow it.
 */
function narrowsVariants(plan, configVariants) {
    if (configVariants === undefined)
        return false;
    const names = plan.variants.map((v) => v.name);
    return names.every((n) => configVariants.includes(n)) && !configVariants.every((n) => names.includes(n));
}
function runMarkerKey(plan, config, configVariants) {
    return runKeyOf(plan, config, configVariants).key;
}
/**
 * The variant names the config file lists (its own `variants`, whatever an input or flag put in
 * their place; the default `cpu` when it lists none), as loadConfig read them; undefined when the
 * config came from inputs alone.
 */
function configVariantNames(loaded) {
    return loaded.fileVariants;
}
/**
 * The markers of the comments one per run replaces: the per-variant markers of these reports (one
 * comment per variant, before), and any default per-variant marker of the same image
 * (`<image>:<variant>@<platforms>`: a variant since renamed or a platform set since changed).
 * A run of a SUBSET of the variants replaces only the per-variant comments of those variants, and
 * never the comment keyed `subset.keep` (the whole run's key, which report.markerKey gives a run of
 * one variant as its per-variant key too): the other jobs' variants keep theirs.
 */
function replacedMarkers(models, images, subset) {
    const exact = new Set(models.map((m) => (0,render/* markerFor */._Z)(m.markerKey)));
    if (subset)
        exact.delete((0,render/* markerFor */._Z)(subset.keep));
    const keyChar = '[A-Za-z0-9._/:@,+-]';
    const variant = subset ? `(?:${subset.variants.map(util_text/* escapeRegExp */.Nt).join('|')})` : '[A-Za-z0-9._-]+';
    const patterns = [...new Set([...images, ...models.map((m) => m.image)])].map((image) => new RegExp(`^<!-- ${(0,util_text/* escapeRegExp */.Nt)(render/* MARKER_PREFIX */.Km + (0,report_escape/* markerKey */.s8)(image, 120))}:${variant}@${keyChar}* -->$`));
    return (line) => exact.has(line) || patterns.some((p) => p.test(line));
}
/**
 * The key of a variant's report: the marker of report-<variant>.md (until one comment per run, also
 * its comment's; runKeyOf keys the comment now, and replacedMarkers recognises these), and the key
 * its baseline was saved under before baselineKeys. report.markerKey replaces the image part; with
 * several variants each still gets its own (":<variant>" appended).
 */
function reportKey(plan, config, variant, configVariants) {
    const v = plan.variants.find((x) => x.name === variant);
    const set = config.report.markerKey;
    // A job of a matrix that reports one of several variants (narrowsVariants) keys its baseline by
    // the variant too: the jobs would otherwise save over each other's baselines under one key.
    if (set !== undefined)
        return plan.variants.length > 1 || narrowsVariants(plan, configVariants) ? `${set}:${variant}` : set;
    return (0,report_model/* defaultMarkerKey */.DY)(plan.repository, variant, v?.platforms ?? []);
}
/**
 * The keys of a variant's baseline: the one it is saved under, `<report.markerKey or image>:<variant>`
 * (no platform set: the records are one file per platform, so a platform added to the config, or a
 * variant added beside one with a markerKey, keeps the baseline the others compare with), then the
 * one earlier versions saved it under (reportKey: `<image>:<variant>@<platforms>`, or the markerKey
 * alone for one variant), read only, so that a baseline saved before the upgrade is still found.
 */
function baselineKeys(plan, config, variant, configVariants) {
    const key = `${config.report.markerKey ?? plan.repository}:${variant}`;
    const earlier = reportKey(plan, config, variant, configVariants);
    return earlier === key ? [key] : [key, earlier];
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(12011);
// EXTERNAL MODULE: ./src/results/names.ts
var names = __webpack_require__(78022);
// EXTERNAL MODULE: ./src/report/render/charts.ts
var charts = __webpack_require__(86994);
// EXTERNAL MODULE: ./src/report/render/markdown.ts
var markdown = __webpack_require__(18298);
// EXTERNAL MODULE: ./src/report/render/size.ts
var render_size = __webpack_require__(28974);
// EXTERNAL MODULE: ./src/report/render/verdict.ts
var render_verdict = __webpack_require__(12654);
;// CONCATENATED MODULE: ./src/report/render/run.ts
// One run, one comment: every variant (and platform) of a run in ONE document. Layout: marker,
// heading, a verdict line per variant (and one per variant the run has no report of), one overview
// table (variant, platforms, verdict, size change, smoke), then each variant's own report
// (renderVariantBody) in a <details> section, the links.
// A single variant renders as the plain per-variant report (under the run's marker).
// Under maxChars: the charts go first (all of them), then unchanged variants collapse to one line
// (last first), then the remaining sections share what is left (each shrinks as a per-variant
// report does, the biggest capped first; what a shortened one leaves unused goes to the others,
// worst verdict first), then every section collapses, the verdict lines shorten,
// the table goes; last, only a count of verdicts is left. Every value is escaped.









/** An unreported variant's verdict (RunRenderOptions.unreported). */
const run_UNREPORTED_VERDICT = '⚠️ not reported: no environment record of this build (see the job log)';
const SEP = '\n\n';
/** Worst first: the headline and the fallback count. */
const VERDICT_ORDER = ['failure', 'warning', 'changed', 'no-baseline', 'unchanged'];
function renderRun(models, opts) {
    const maxChars = (0,render/* checkedMaxChars */.l_)(opts.maxChars);
    if (models.length === 0)
        throw new Error('renderRun: no reports');
    const marker = (0,render/* markerFor */._Z)(opts.markerKey);
    const unreported = opts.unreported ?? [];
    if (models.length === 1 && unreported.length === 0) {
        const r = (0,render/* renderReport */.B1)(models[0], { maxChars, markerKey: opts.markerKey });
        return { ...r, variants: [{ variant: models[0].variant, verdict: r.verdict }] };
    }
    const views = models.map((model) => view(model, maxChars));
    const { variants, verdict, heading, unreportedLines } = runHead(views, unreported);
    const table = overviewTable(views);
    const links = linksText(models);
    const state = { verdictLen: 200, table: true, charts: true };
    const compose = () => {
        const lines = [
            ...views.map((v) => `- **${(0,report_escape.md)(v.model.variant, 40)}**: ${(0,report_escape.md)((0,render_verdict/* verdictText */.n)(v.assessment, state.verdictLen))}`),
            ...unreportedLines,
        ];
        const sections = views.map((v) => v.text).filter(Boolean);
        const note = noteText(views, maxChars, !state.charts);
        const parts = [heading, lines.join('\n'), state.table ? table : '', ...sections, links, note];
        return `${marker}\n${parts.filter(Boolean).join(SEP)}\n`;
    };
    const fits = () => compose().length <= maxChars;
    const done = () => ({
        markdown: compose(),
        marker,
        verdict,
        omitted: [...(state.charts ? [] : ['charts']), ...omittedOf(views)],
        variants,
    });
    const set = (v, mode, text) => {
        v.mode = mode;
        v.text = text;
    };
    if (fits())
        return done();
    // 0. The charts go first, in every section (the tables beside them hold the same figures).
    if (dropCharts(views)) {
        state.charts = false;
        if (fits())
            return done();
    }
    // 1. Unchanged variants say all in their verdict line: one line each, the last first.
    for (const v of [...views].reverse())
        if (v.assessment.verdict === 'unchanged') {
            set(v, 'collapsed', v.collapsed);
            if (fits())
                return done();
        }
    // 2. The other sections share the room left, the biggest capped first (as a per-variant report
    // shrinks: its tables trimmed, then its detail sections dropped).
    const open = views.filter((v) => v.mode === 'full');
    for (const v of open)
        set(v, 'collapsed', v.collapsed);
    if (open.length > 0 && fits()) {
        // Room for the open sections beyond their collapsed lines (the note may grow by a few digits).
        const room = maxChars - compose().length - 20;
        const extra = (v, cap) => sizeAt(v, cap) - v.collapsed.length;
        let lo = 0;
        let hi = Math.max(...open.map((v) => v.full.length));
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (open.reduce((n, v) => n + extra(v, mid), 0) <= room)
                lo = mid;
            else
                hi = mid - 1;
        }
        for (const v of open) {
            if (v.full.length <= lo)
                set(v, 'full', v.full);
            else if (lo - wrap(v) >= render/* MIN_MAX_CHARS */.Et)
                set(v, 'shortened', `${v.open}${(0,render/* renderVariantBody */.Yo)(v.model, lo - wrap(v)).markdown}${v.close}`);
        }
        // A body renders in at most its cap, so this holds; should it not, the sections stay collapsed.
        if (fits())
            refill(open, () => maxChars - compose().length - 20);
        if (fits())
            return done();
        for (const v of open)
            set(v, 'collapsed', v.collapsed);
    }
    if (fits())
        return done();
    // 3. Nothing but the overview: the collapsed lines go, the verdict lines shorten, the table goes.
    for (const v of views)
        set(v, 'dropped', '');
    if (fits())
        return done();
    state.verdictLen = 80;
    if (fits())
        return done();
    state.table = false;
    if (fits())
        return done();
    // 4. Only a count of the verdicts.
    return countOnly(views, unreported.length, { marker, maxChars, variants, verdict });
}
/** The run's verdict per variant (those with no report last), the heading, the unreported's lines. */
function runHead(views, unreported) {
    const variants = [
        ...views.map((v) => ({ variant: v.model.variant, verdict: v.verdict })),
        ...unreported.map((variant) => ({ variant, verdict: run_UNREPORTED_VERDICT })),
    ];
    const verdict = variants.map((v) => `${v.variant}: ${v.verdict}`).join('; ');
    const images = [...new Set(views.map((v) => v.model.image))];
    const heading = `### 🐳 ml-image report: ${(0,report_escape.md)(images.join(', '), 200)} (${(0,format/* fmtInt */.L5)(variants.length)} variants)`;
    const unreportedLines = unreported.map((u) => `- **${(0,report_escape.md)(u, 40)}**: ${(0,report_escape.md)(run_UNREPORTED_VERDICT)}`);
    return { variants, verdict, heading, unreportedLines };
}
function view(model, maxChars) {
    const assessment = (0,report_model/* assessReport */.vF)(model);
    const verdict = (0,render_verdict/* verdictText */.n)(assessment, 240);
    const name = (0,report_escape.md)(model.variant, 40);
    // Markdown is not parsed inside <summary>, entities are.
    const open = `<details><summary>${(0,report_escape/* html */.qy)(model.variant, 40)}: ${render_verdict/* VERDICT_EMOJI */.v[assessment.verdict]} ${assessment.verdict}</summary>\n\n`;
    const close = '\n\n</details>';
    const full = `${open}${(0,render/* renderVariantBody */.Yo)(model, maxChars).markdown}${close}`;
    const plain = (0,charts/* withoutCharts */.CZ)(full);
    const file = (0,report_escape.md)((0,names/* reportFile */.rn)(model.variant, 'md'), 60);
    const collapsed = `_${name}: section left out to fit; the full report is ${file} in the report artifact._`;
    return { model, assessment, verdict, open, close, collapsed, full, plain, mode: 'full', text: full };
}
/** Every section without its charts (they are left out first); false when there were none. */
function dropCharts(views) {
    if (views.every((v) => v.plain === v.full))
        return false;
    for (const v of views) {
        v.full = v.plain;
        v.text = v.full;
    }
    return true;
}
const wrap = (v) => v.open.length + v.close.length;
/**
 * The shared cap takes a shortened section at its cap, but its body often renders well under it (a
 * table that cannot show its fewest rows drops out whole), and an equal share of what is left is
 * often too little for any section's next table. So the room left unused (SPARE: after the note's
 * few digits) goes to the shortened sections one by one, worst verdict first: each tries its share
 * of what is left, then twice and four times that, and keeps the first that shows more. A section
 * grows by at most what it tried, so the document stays under maxChars.
 */
function refill(open, spare) {
    const rank = (v) => VERDICT_ORDER.indexOf(v.assessment.verdict);
    const short = open.filter((v) => v.mode === 'shortened').sort((a, b) => rank(a) - rank(b));
    short.forEach((v, i) => {
        const left = spare();
        const share = Math.floor(left / (short.length - i));
        for (const tried of [share, share * 2, share * 4].map((n) => Math.min(n, left))) {
            if (tried < 100 || grow(v, v.text.length + tried) || tried === left)
                return;
        }
    });
}
/** V's section at most CAP characters long, when that shows more than it does now. */
function grow(v, cap) {
    if (v.full.length <= cap) {
        v.mode = 'full';
        v.text = v.full;
        return true;
    }
    if (cap - wrap(v) < render/* MIN_MAX_CHARS */.Et)
        return false;
    const text = `${v.open}${(0,render/* renderVariantBody */.Yo)(v.model, cap - wrap(v)).markdown}${v.close}`;
    if (text.length <= v.text.length || text.length > cap)
        return false;
    v.text = text;
    return true;
}
/** The section's length when capped at `cap` characters (collapsed below the smallest body). */
function sizeAt(v, cap) {
    if (v.full.length <= cap)
        return v.full.length;
    return cap - wrap(v) >= render/* MIN_MAX_CHARS */.Et ? cap : v.collapsed.length;
}
function overviewTable(views) {
    const lines = views.map((v) => {
        const m = v.model;
        const platforms = m.platforms.map((p) => p.platform);
        const sizes = m.platforms.map((p) => {
            const change = (0,render_size/* sizeChangeCell */.sn)(p);
            return change === null ? null : { platform: p.platform, change };
        });
        const known = sizes.filter((s) => s !== null);
        const size = known.length === 0
            ? '—'
            : new Set(known.map((s) => s.change)).size === 1 && known.length === platforms.length
                ? known[0].change
                : known.map((s) => `${(0,markdown/* cell */.Hn)(s.platform, 40)}: ${s.change}`).join('<br>');
        const smoke = m.platforms.map((p) => p.smoke?.head ?? null);
        const smokeCell = smoke.every((s) => s === null)
            ? '—'
            : (0,markdown/* smokeTally */.eu)(smoke.reduce((a, s) => (s ? { pass: a.pass + s.pass, fail: a.fail + s.fail, skip: a.skip + s.skip } : a), { pass: 0, fail: 0, skip: 0 }));
        return (0,markdown/* row */.nM)([
            (0,markdown/* cell */.Hn)(m.variant, 40),
            platforms.map((p) => (0,markdown/* cell */.Hn)(p, 40)).join(', '),
            `${render_verdict/* VERDICT_EMOJI */.v[v.assessment.verdict]} ${v.assessment.verdict}`,
            size,
            smokeCell,
        ]);
    });
    return `${(0,markdown/* header */.wx)(['Variant', 'Platforms', 'Verdict', 'Size change', 'Smoke (pass · fail · skip)'])}\n${lines.join('\n')}`;
}
function linksText(models) {
    const m = models[0];
    const links = [];
    const run = m.links.run ? (0,report_escape/* safeUrl */.Pl)(m.links.run) : null;
    const artifact = m.links.artifact ? (0,report_escape/* safeUrl */.Pl)(m.links.artifact) : null;
    if (run)
        links.push(`[Workflow run](${run})`);
    if (artifact)
        links.push(`[Report artifact](${artifact})`);
    links.push(`ml-image-action ${(0,report_escape.md)(m.tool.version, 30)}`);
    return links.join(' · ');
}
function omittedOf(views) {
    return views
        .filter((v) => v.mode !== 'full')
        .map((v) => `${v.model.variant}: ${v.mode === 'shortened' ? 'section shortened' : 'section left out'}`);
}
function noteText(views, maxChars, chartsDropped) {
    const collapsed = views.filter((v) => v.mode === 'collapsed' || v.mode === 'dropped').length;
    const shortened = views.filter((v) => v.mode === 'shortened').length;
    if (collapsed + shortened === 0 && !chartsDropped)
        return '';
    const of = `of ${(0,format/* fmtInt */.L5)(views.length)} variant sections`;
    const what = [
        chartsDropped ? 'charts left out' : '',
        collapsed ? `${(0,format/* fmtInt */.L5)(collapsed)} ${of} left out` : '',
        shortened ? `${(0,format/* fmtInt */.L5)(shortened)}${collapsed ? '' : ` ${of}`} shortened` : '',
    ]
        .filter(Boolean)
        .join(', ');
    return `_Report shortened to fit ${(0,format/* fmtInt */.L5)(maxChars)} characters: ${what}. The full reports are in the report artifact._`;
}
function countOnly(views, unreported, { marker, maxChars, variants, verdict, }) {
    const counts = VERDICT_ORDER.map((k) => [k, views.filter((v) => v.assessment.verdict === k).length])
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${(0,format/* fmtInt */.L5)(n)} ${k}`);
    if (unreported > 0)
        counts.push(`${(0,format/* fmtInt */.L5)(unreported)} not reported`);
    let worst = VERDICT_ORDER.find((k) => views.some((v) => v.assessment.verdict === k));
    // A variant not reported is at least a warning: no verdict on it is a good one.
    if (unreported > 0 && VERDICT_ORDER.indexOf(worst) > VERDICT_ORDER.indexOf('warning'))
        worst = 'warning';
    const line = `**${render_verdict/* VERDICT_EMOJI */.v[worst]} ${(0,format/* fmtInt */.L5)(variants.length)} variants: ${counts.join(', ')}**`;
    const note = `_Report truncated to fit ${(0,format/* fmtInt */.L5)(maxChars)} characters: see the report artifact._`;
    let markdown = `${marker}\n${line}${SEP}${note}\n`;
    if (markdown.length > maxChars)
        markdown = `${marker}\n${line}\n`;
    return { markdown, marker, verdict, omitted: ['everything but the verdict count'], variants };
}

;// CONCATENATED MODULE: ./src/github/connect.ts
/** The real client's factory; its retries and rate-limit waits are logged through LOG. */
function lazyGitHubClient(log) {
    return async (token, apiUrl) => {
        const { createGitHubClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 89298));
        return createGitHubClient({ token, baseUrl: apiUrl, log });
    };
}

// EXTERNAL MODULE: ./src/report/artifact.ts
var artifact = __webpack_require__(80954);
// EXTERNAL MODULE: ./src/diff/schema.ts
var diff_schema = __webpack_require__(2996);
// EXTERNAL MODULE: ./src/report/render/sections.ts
var sections = __webpack_require__(95623);
// EXTERNAL MODULE: ./src/github/client.ts + 1 modules
var client = __webpack_require__(89298);
;// CONCATENATED MODULE: ./src/report/sticky.ts
// One pull-request comment per report key, updated in place ("sticky"), as
// marocchino/sticky-pull-request-comment does: a hidden marker on the first line plus the author
// find our comment; a re-list after creating settles races between concurrent jobs. Retries of
// 5xx and rate limits happen inside the client (Octokit's plugin-retry and plugin-throttling).

/** GitHub's limit for an issue comment body, in characters. */
const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** Never shrink below this: a report that does not fit in 1000 characters is not worth posting. */
const MIN_COMMENT_CHARS = 1_000;
/** Is this the 422 GitHub answers for a body over its limit? */
function isBodyTooLong(err) {
    if (!(err instanceof client/* GitHubApiError */.OS) || err.status !== 422)
        return false;
    return [err.apiMessage, ...err.errors.map((e) => e.message)].some((m) => m !== undefined && /too long/i.test(m));
}
/**
 * The next size to render after a body-too-long 422: GitHub's stated maximum when it is below what
 * we tried, else half; undefined when we are already at the floor.
 */
function nextMaxChars(current, err) {
    if (current <= MIN_COMMENT_CHARS)
        return undefined;
    const stated = [err.apiMessage, ...err.errors.map((e) => e.message)]
        .map((m) => /maximum is (\d+)/i.exec(m ?? '')?.[1])
        .find((m) => m !== undefined);
    const limit = stated === undefined ? undefined : Number(stated);
    const next = limit !== undefined && limit < current ? limit : Math.floor(current / 2);
    return Math.max(MIN_COMMENT_CHARS, next);
}
function firstLine(body) {
    const nl = body.indexOf('\n');
    return (nl === -1 ? body : body.slice(0, nl)).replace(/\r$/, '').trim();
}
const byAge = (a, b) => a.created_at === b.created_at ? a.id - b.id : a.created_at < b.created_at ? -1 : 1;
/**
 * The login of GITHUB_TOKEN's comments. With an installation token (GET /user refused) only this
 * bot's comments are taken as ours before we post: any other bot carrying our marker (another
 * app's, or one planted) is left alone, since GITHUB_TOKEN's write access could overwrite it. A
 * GitHub App's own token learns its login from the comment it creates, and then settles onto its
 * oldest comment as concurrent jobs do.
 */
const GITHUB_TOKEN_BOT = 'github-actions[bot]';
function checkedMarker(raw) {
    const marker = raw.trim();
    if (!/^<!--[\s\S]*-->$/.test(marker) || marker.includes('\n')) {
        throw new Error(`sticky comment marker must be one HTML comment line, got ${JSON.stringify(marker)}`);
    }
    return marker;
}
async function upsertStickyComment(client, opts) {
    const marker = checkedMarker(opts.marker);
    const maxChars = Math.min(opts.maxChars ?? GITHUB_COMMENT_MAX_CHARS, GITHUB_COMMENT_MAX_CHARS);
    const u = {
        client,
        owner: opts.owner,
        repo: opts.repo,
        issueNumber: opts.issueNumber,
        marker,
        log: opts.log,
        render: opts.render,
        maxChars,
        replaces: opts.replaces,
        replaced: [],
        body: sticky_render(opts.render, maxChars, marker),
        deleted: [],
    };
    try {
        const who = await whoPosts(u, opts.author);
        const listed = await listComments(u);
        u.replaced = listed.filter((c) => isReplaced(u, c));
        const [target, ...dupes] = listed.filter((c) => isOurs(u, who, c, who.author)).sort(byAge);
        if (target)
            return await updateExisting(u, who, target, dupes);
        return await createAndSettle(u, who);
    }
    catch (err) {
        if (isRefused(err) && opts.forbidden !== 'fail') {
            u.log.warning(`Skipped the pull-request comment: GitHub answered 403 (${err.apiMessage ?? 'forbidden'}). ` +
                'Pull requests from forks get a read-only GITHUB_TOKEN; the job summary still has the report. ' +
                'To comment on fork pull requests, post from a workflow_run workflow, or grant `permissions: pull-requests: write`.');
            return { action: 'forbidden', deleted: u.deleted, bodyLength: u.body.length };
        }
        throw err;
    }
}
/** A 403 that is GitHub refusing the token, not a rate limit (which the client has waited out). */
function isRefused(err) {
    return err instanceof client/* GitHubApiError */.OS && err.status === 403 && !err.secondaryRateLimit && !err.rateLimited;
}
async function whoPosts(u, author) {
    // GET /user refused means an installation token (GITHUB_TOKEN, a GitHub App): its author is a bot.
    if (author === undefined && u.client.authenticatedLogin) {
        const login = await u.client.authenticatedLogin();
        return { author: login, botAuthor: login === undefined };
    }
    return { author, botAuthor: false };
}
/** GitHub logins are case-insensitive: `My-App[bot]` and `my-app[bot]` are one account. */
const sameLogin = (a, b) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
function isOurs(u, who, c, login) {
    return (firstLine(c.body) === u.marker &&
        (login !== undefined
            ? sameLogin(c.user?.login, login)
            : !who.botAuthor || sameLogin(c.user?.login, GITHUB_TOKEN_BOT)));
}
/** A comment with a marker this one replaces (whose author is checked before it is deleted). */
function isReplaced(u, c) {
    const line = firstLine(c.body);
    return u.replaces !== undefined && line !== u.marker && line.startsWith('<!--') && u.replaces(line);
}
/** Delete the replaced comments that are surely ours: by `author`, our login or the bot that posts. */
async function removeReplaced(u, author) {
    if (author === undefined || u.replaced.length === 0)
        return;
    const gone = u.replaced.filter((c) => sameLogin(c.user?.login, author));
    await removeAll(u, gone);
    if (gone.length > 0)
        u.log.info(`removed ${gone.length} earlier comment(s) this one replaces (${gone.map((c) => c.id).join(', ')})`);
}
function listComments(u) {
    const { owner, repo, issueNumber } = u;
    return u.client.listIssueComments({ owner, repo, issueNumber });
}
/** Create or update, rendering smaller while GitHub says the body is too long. */
async function write(u, what, fn) {
    for (;;) {
        try {
            return await fn(u.body);
        }
        catch (err) {
            if (!isBodyTooLong(err))
                throw err;
            const next = nextMaxChars(Math.min(u.maxChars, u.body.length), err);
            if (next === undefined)
                throw err;
            u.log.info(`GitHub ${what}: comment too long (${u.body.length} characters); rendering in ${next}`);
            u.maxChars = next;
            u.body = sticky_render(u.render, u.maxChars, u.marker);
        }
    }
}
async function removeAll(u, comments) {
    const { owner, repo } = u;
    for (const c of comments) {
        try {
            await u.client.deleteIssueComment({ owner, repo, commentId: c.id });
            u.deleted.push(c.id);
        }
        catch (err) {
            // Another writer deleted it first: the goal (one comment) holds.
            if (!(err instanceof client/* GitHubApiError */.OS && err.status === 404))
                throw err;
        }
    }
}
/** Bring `target` to our body; true when a PATCH was needed. */
async function updateTo(u, target, always = false) {
    // GitHub may hand back \r\n line ends for a body we sent with \n: that is no change.
    if (!always && target.body.replace(/\r\n/g, '\n') === u.body.replace(/\r\n/g, '\n'))
        return false;
    const { owner, repo } = u;
    await write(u, 'update comment', (b) => u.client.updateIssueComment({ owner, repo, commentId: target.id, body: b }));
    return true;
}
/** Our comment exists: update the oldest, remove the duplicates that are surely ours. */
async function updateExisting(u, who, target, dupes) {
    let changed;
    try {
        changed = await updateTo(u, target);
    }
    catch (err) {
        // Deleted since the listing (a person, a concurrent job's cleanup): post it anew, once.
        if (!(err instanceof client/* GitHubApiError */.OS && err.status === 404))
            throw err;
        u.log.info(`pull-request comment ${target.id} was deleted meanwhile: creating a new one`);
        return createAndSettle(u, who);
    }
    // Duplicates go only when they are surely ours: by the known author, or (installation token)
    // by the same bot as the comment we keep. Otherwise someone else's could be deleted.
    const dupeAuthor = who.author ?? (who.botAuthor ? target.user?.login : undefined);
    if (dupeAuthor !== undefined)
        await removeAll(u, dupes.filter((d) => sameLogin(d.user?.login, dupeAuthor)));
    await removeReplaced(u, dupeAuthor);
    u.log.info(`pull-request comment ${target.id} ${changed ? 'updated' : 'unchanged'}`);
    return {
        action: changed ? 'updated' : 'unchanged',
        commentId: target.id,
        deleted: u.deleted,
        bodyLength: u.body.length,
    };
}
/** No comment of ours yet: create one, then settle a race with concurrent jobs on the oldest. */
async function createAndSettle(u, who) {
    const { owner, repo, issueNumber } = u;
    const created = await write(u, 'create comment', (b) => u.client.createIssueComment({ owner, repo, issueNumber, body: b }));
    // The login GitHub gave the comment is the author: a comment-author that names another (a typo,
    // no `[bot]`) would never find this comment again, and every run would post a new one.
    const posted = created.user?.login;
    if (who.author !== undefined && posted !== undefined && !sameLogin(who.author, posted))
        u.log.warning(`comment-author "${who.author}" is not the login that posts (${posted}): ${posted}'s comments are the ones updated; set comment-author to it`);
    const author = posted ?? who.author;
    // Two jobs may have created at once: all of them keep the oldest and delete the rest.
    const after = (await listComments(u)).filter((c) => isOurs(u, who, c, author));
    if (!after.some((c) => c.id === created.id))
        after.push({ ...created, body: u.body });
    after.sort(byAge);
    // The comment we created names its author: the replaced comments of that author are ours.
    await removeReplaced(u, author);
    const kept = await settleOnOldest(u, after, created.id);
    await removeAll(u, after.filter((c) => c.id !== kept.id));
    if (kept.ours) {
        u.log.info(`pull-request comment ${kept.id} created`);
        return { action: 'created', commentId: kept.id, deleted: u.deleted, bodyLength: u.body.length };
    }
    u.log.info(`pull-request comment ${kept.id} updated (a concurrent job had created it)`);
    return { action: 'updated', commentId: kept.id, deleted: u.deleted, bodyLength: u.body.length };
}
/**
 * The oldest of ours (sorted by age) brought to our body, its id: one older than the comment we
 * created and deleted since the listing (a concurrent job's cleanup, a person) gives way to the
 * next, down to ours, which has the body already. Reached that way, ours may be gone too (the job
 * that kept the older one deleted it): then it is posted once more.
 */
async function settleOnOldest(u, sorted, createdId) {
    let gone = false;
    for (const c of sorted) {
        if (c.id === createdId)
            break;
        try {
            // Sent even when its body is ours already (a concurrent job's, identical): only its answer
            // tells that it still exists before ours is deleted in its favour.
            await updateTo(u, c, true);
            return { id: c.id, ours: false };
        }
        catch (err) {
            if (!(err instanceof client/* GitHubApiError */.OS && err.status === 404))
                throw err;
            u.log.info(`pull-request comment ${c.id} was deleted meanwhile: settling on the next oldest`);
            gone = true;
        }
    }
    if (!gone || (await listComments(u)).some((c) => c.id === createdId))
        return { id: createdId, ours: true };
    u.log.info(`pull-request comment ${createdId} was deleted meanwhile too: creating it once more`);
    const { owner, repo, issueNumber } = u;
    const again = await write(u, 'create comment', (b) => u.client.createIssueComment({ owner, repo, issueNumber, body: b }));
    return { id: again.id, ours: true };
}
function sticky_render(fn, maxChars, marker) {
    const body = fn(maxChars);
    // Without the marker first we would never find this comment again and post a new one each run.
    if (firstLine(body) !== marker) {
        throw new Error(`rendered comment must start with the marker line ${marker}`);
    }
    return body;
}

;// CONCATENATED MODULE: ./src/report/artifact-fit.ts
// Fitting the fork-safe artifact under the poster's size limit (MAX_COMMENT_ARTIFACT_BYTES). The
// artifact carries every row of every table, while the poster's comment shows at most 65,536
// characters: a run of many variants with thousands of changed packages each is over the limit
// long before its comment is. So, when it is over, each package list keeps only the changes a
// comment could ever show (the rows whose table, up to them, fits in COMMENT_ROW_CHARS), and the
// rest become hidden changes ([id, kind, level], artifact.ts's trimmed): the poster puts a stand-in
// in the place of each (restoreTrimmed), so the counts ("… and N more"), the platforms that share a
// table and the verdict are those of the full reports, and its comment is the one the full
// reports render. Equal changes of a report's platforms share an id, as the verdict counts them
// once; a hidden change equal to one a platform keeps stays whole, so that it is still counted once.
// Should even that be over the limit, the lists are cut shorter (the comment may then name fewer
// packages, a warning says so); should nothing fit, no artifact is written: never a failed job.







const ECOS = ['pip', 'apt', 'conda'];
/** The most characters the poster renders its comment in: no table in it shows a row past these. */
const COMMENT_ROW_CHARS = Math.max(render/* DEFAULT_MAX_CHARS */.PN, GITHUB_COMMENT_MAX_CHARS);
/** Shorter cuts, tried in turn when the exact one is over the limit: the comment may then lose rows. */
const SHORTER_ROW_CHARS = [32_768, 16_384, 8_192, 4_096, 2_048, 1_024, 0];
/** The artifact's size as writeCommentArtifact (src/results/comment.ts) writes it. */
const artifactBytes = (payload) => Buffer.byteLength(`${JSON.stringify(payload)}\n`);
/** The payload as it is when it fits, else with its package lists cut to fit (see above). */
function fitCommentArtifact(payload, maxBytes = artifact/* MAX_COMMENT_ARTIFACT_BYTES */.Kd) {
    const fullBytes = artifactBytes(payload);
    if (fullBytes <= maxBytes)
        return { payload, bytes: fullBytes, fullBytes, rowChars: null };
    const sizes = rowSizes();
    let bytes = fullBytes;
    for (const rowChars of [COMMENT_ROW_CHARS, ...SHORTER_ROW_CHARS]) {
        const trimmed = trimArtifact(payload, rowChars, sizes);
        bytes = artifactBytes(trimmed);
        if (bytes <= maxBytes)
            return { payload: trimmed, bytes, fullBytes, rowChars };
    }
    return { payload: null, bytes, fullBytes, rowChars: 0 };
}
/** What the report stage logs of a fit: a warning when the comment may differ; undefined: nothing cut. */
function fitMessage(fit, maxBytes = artifact/* MAX_COMMENT_ARTIFACT_BYTES */.Kd) {
    const over = `the reports are ${(0,format/* fmtInt */.L5)(fit.fullBytes)} bytes, over the ${(0,format/* fmtInt */.L5)(maxBytes)}-byte limit the poster accepts`;
    if (fit.payload === null)
        return {
            warn: true,
            text: `comment artifact not written: ${over}, and still ${(0,format/* fmtInt */.L5)(fit.bytes)} bytes with every package table left out; report fewer variants per job (the reports are in report.md and the job summary)`,
        };
    if (fit.rowChars === null)
        return undefined;
    if (fit.rowChars >= COMMENT_ROW_CHARS)
        return {
            warn: false,
            text: `comment artifact: ${over}: each package table keeps the rows a ${(0,format/* fmtInt */.L5)(COMMENT_ROW_CHARS)}-character comment can show, and the count of the rest (${(0,format/* fmtInt */.L5)(fit.bytes)} bytes; the comment is the same)`,
        };
    return {
        warn: true,
        text: `comment artifact: ${over}, even with each package table cut to the rows a comment can show: each keeps ${(0,format/* fmtInt */.L5)(fit.rowChars)} characters of rows and the count of the rest (${(0,format/* fmtInt */.L5)(fit.bytes)} bytes), so the posted comment may name fewer packages than report.md; report fewer variants per job to keep them all`,
    };
}
/** Each list's row sizes, summed (as the renderer's table counts them), computed once per list. */
function rowSizes() {
    const known = new WeakMap();
    return (changes) => {
        let sums = known.get(changes);
        if (!sums) {
            sums = [0];
            // The pip, apt and conda tables' row (render/sections.ts packagePart), and its newline.
            for (const c of changes)
                sums.push(sums.at(-1) + (0,sections/* packageRow */.LT)(c).length + 1);
            known.set(changes, sums);
        }
        return sums;
    };
}
/** The payload with each package list cut after the rows that fit in rowChars (see above). */
function trimArtifact(payload, rowChars, sizes = rowSizes()) {
    const trimmed = [];
    const reports = payload.reports.map((model, report) => {
        let platforms = model.platforms;
        for (const eco of ECOS) {
            const cut = cutLists(platforms, eco, rowChars, sizes);
            platforms = platforms.map((p, platform) => {
                const tail = cut[platform];
                const list = p.diff?.[eco];
                if (!tail || !p.diff || !list)
                    return p;
                trimmed.push({ report, platform, eco, tail: tail.tail });
                return { ...p, diff: { ...p.diff, [eco]: { ...list, changes: tail.kept } } };
            });
        }
        return platforms === model.platforms ? model : { ...model, platforms };
    });
    return trimmed.length === 0 ? payload : { ...payload, reports, trimmed };
}
/** The verdict's key of a package change (model.ts packageFindings): equal ones count once. */
const changeKey = diff_schema/* packageChangeKey */.KT;
/** One report's lists of one ecosystem: per platform, the changes kept and the tail (null: all kept). */
function cutLists(platforms, eco, rowChars, sizes) {
    const lists = platforms.map((p) => p.diff?.[eco]?.changes ?? []);
    const cuts = lists.map((l) => {
        const sums = sizes(l);
        let n = 0;
        while (n < l.length && sums[n + 1] <= rowChars)
            n++;
        return n;
    });
    const kept = new Set(lists.flatMap((l, i) => l.slice(0, cuts[i]).map(changeKey)));
    const ids = new Map();
    return lists.map((l, i) => {
        if (cuts[i] === l.length)
            return null;
        const tail = l.slice(cuts[i]).map((c) => {
            const key = changeKey(c);
            // A change the verdict names (a lost CUDA build, model.ts) stays whole, as it says the same.
            if (kept.has(key) || c.cudaLoss)
                return c;
            let id = ids.get(key);
            if (id === undefined)
                ids.set(key, (id = ids.size));
            return [id, c.kind, c.level];
        });
        return { kept: l.slice(0, cuts[i]), tail };
    });
}
/** The stand-in for a hidden change: never shown by an exact cut; its name says what it is when shown. */
function standIn([id, kind, level]) {
    return { name: `(left out of the comment artifact: ${id + 1})`, kind, from: null, to: null, level };
}
/**
 * The reports with each trimmed list whole again, a stand-in in the place of each hidden change
 * (the poster renders these). InputError naming `source` for a trimmed list that names none.
 */
function restoreTrimmed(artifact, source) {
    const reports = [...artifact.reports];
    const seen = new Set();
    (artifact.trimmed ?? []).forEach((t, i) => {
        const at = `${source}: trimmed[${i}]`;
        const model = reports[t.report];
        if (!model)
            throw new InputError(`${at}.report: ${t.report} is not a report's index (${reports.length} reports)`);
        const p = model.platforms[t.platform];
        if (!p)
            throw new InputError(`${at}.platform: ${t.platform} is not a platform's index of report ${t.report}`);
        if (!p.diff)
            throw new InputError(`${at}.platform: report ${t.report}'s ${JSON.stringify(p.platform.slice(0, 40))} has no diff`);
        const list = `${t.report}/${t.platform}/${t.eco}`;
        if (seen.has(list))
            throw new InputError(`${at}: report ${t.report}'s platform ${t.platform} ${t.eco} list is trimmed twice`);
        seen.add(list);
        const d = p.diff[t.eco];
        if (!d)
            throw new InputError(`${at}.eco: report ${t.report}'s ${JSON.stringify(p.platform.slice(0, 40))} has no ${t.eco} packages`);
        const changes = [...d.changes, ...t.tail.map((c) => (Array.isArray(c) ? standIn(c) : c))];
        const restored = { ...p, diff: { ...p.diff, [t.eco]: { ...d, changes } } };
        reports[t.report] = {
            ...model,
            platforms: model.platforms.map((x, j) => (j === t.platform ? restored : x)),
        };
    });
    return reports;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/report/render/none.ts
// A run with no report at all: not one of its variants has an environment record of this run's
// image (every capture failed, or the build before it). On a pull request its comment still takes
// the place of the earlier one, whose results are of an older commit: a reviewer never reads an old
// verdict beside a failed run. Layout: marker, heading, what happened, a verdict line per planned
// variant (UNREPORTED_VERDICT), the links. Under maxChars the variant lines go first (the last
// first, counted in one line), then the links. Every value is escaped.





const none_SEP = '\n\n';
/** The run's report when it has none of UNREPORTED (the run's planned variants, in plan order). */
function renderNoneReported(unreported, opts) {
    const maxChars = (0,render/* checkedMaxChars */.l_)(opts.maxChars);
    if (unreported.length === 0)
        throw new Error('renderNoneReported: no variant');
    const marker = (0,render/* markerFor */._Z)(opts.markerKey);
    const variants = unreported.map((variant) => ({ variant, verdict: run_UNREPORTED_VERDICT }));
    const verdict = variants.map((v) => `${v.variant}: ${v.verdict}`).join('; ');
    const n = unreported.length;
    const image = opts.image ? `: ${(0,report_escape.md)(opts.image, 200)}` : '';
    const heading = `### 🐳 ml-image report${image} (${(0,format/* plural */.LS)(n, 'variant')})`;
    const commit = opts.headSha ? ` (${(0,report_escape/* mdCode */.xs)(opts.headSha.slice(0, 12), 40)})` : '';
    const which = n === 1 ? 'its variant' : `any of its ${(0,format/* fmtInt */.L5)(n)} variants`;
    const what = [
        `**⚠️ No variant of this run was reported**: there is no environment record of this run's image${commit} for ${which} (its capture or its build failed: see the job log).`,
        'It takes the place of any earlier report on this pull request, whose results are of an older commit.',
    ].join('\n');
    const lines = unreported.map((u) => `- **${(0,report_escape.md)(u, 40)}**: ${(0,report_escape.md)(run_UNREPORTED_VERDICT)}`);
    const run = opts.runUrl ? (0,report_escape/* safeUrl */.Pl)(opts.runUrl) : null;
    const links = [...(run ? [`[Workflow run](${run})`] : []), `ml-image-action ${(0,report_escape.md)(version/* VERSION */.x, 30)}`].join(' · ');
    const compose = (shown, withLinks) => {
        const listed = lines.slice(0, shown);
        if (shown < n)
            listed.push(`- … and ${(0,format/* plural */.LS)(n - shown, 'more variant')} not reported`);
        const parts = [heading, what, listed.join('\n'), withLinks ? links : ''];
        return `${marker}\n${parts.filter(Boolean).join(none_SEP)}\n`;
    };
    const done = (markdown, omitted) => ({
        markdown,
        marker,
        verdict,
        omitted,
        variants,
    });
    for (let shown = n; shown >= 0; shown--) {
        const markdown = compose(shown, true);
        if (markdown.length <= maxChars)
            return done(markdown, shown < n ? ['variant lines'] : []);
    }
    const bare = compose(0, false);
    if (bare.length <= maxChars)
        return done(bare, ['variant lines', 'links']);
    return done(`${marker}\n**⚠️ No variant of this run was reported (${(0,format/* plural */.LS)(n, 'variant')})**\n`, [
        'everything but the verdict',
    ]);
}
/**
 * The run's report, wherever it is rendered (the report stage, the fork-safe poster): every
 * variant's (renderRun, UNREPORTED named in it), or, when none has a report, each of UNREPORTED
 * named as not reported (renderNoneReported).
 */
function renderRunOrNone(models, unreported, opts) {
    if (models.length === 0)
        return renderNoneReported(unreported, opts);
    const { markerKey, maxChars } = opts;
    return renderRun(models, { markerKey, unreported, ...(maxChars !== undefined && { maxChars }) });
}

;// CONCATENATED MODULE: ./src/report/run-comment.ts
// The run's report as one pull-request comment: ONE sticky comment for the whole run, or (a fork's
// read-only token, comment-mode artifact) the fork-safe artifact the poster workflow posts. A run
// with no report of any variant (renderNoneReported) is posted too, in place of the earlier one.







/** The run's report (report.md, the summary, the comment) in at most maxChars (renderRunOrNone). */
function renderRunReport(input, { models, unreported }, markerKey, maxChars) {
    const gh = input.options.github;
    const headSha = gh?.headSha ?? input.git.sha;
    return renderRunOrNone(models, unreported, {
        markerKey,
        maxChars,
        image: input.plan.repository,
        ...(headSha && { headSha }),
        ...(gh?.runUrl && { runUrl: gh.runUrl }),
    });
}
/** ONE sticky comment for the run on the pull request, or the fork-safe artifact, or nothing. */
async function commentOnRun(input, io, run, outcomes, { key: runKey, subset }) {
    const { config, options } = input;
    const { models, unreported } = run;
    const gh = options.github;
    const mode = config.report.comment ? options.mode : 'off';
    if (mode === 'off' || !gh?.prNumber) {
        if (mode !== 'off')
            io.progress('no pull request: comment skipped');
        return;
    }
    const toArtifact = mode === 'artifact' || (mode === 'auto' && (gh.fromFork || !gh.token));
    if (toArtifact)
        return writeArtifact(input, io, { ...gh, prNumber: gh.prNumber }, run, runKey);
    if (!gh.token) {
        io.warning('comment-mode post needs github-token; the report is in the job summary only', {
            title: 'ml-image report',
        });
        return;
    }
    const client = await (options.client ?? lazyGitHubClient(io.progress))(gh.token, gh.apiUrl);
    const [owner, repo] = gh.repository.split('/');
    const r = await upsertStickyComment(client, {
        owner,
        repo,
        issueNumber: gh.prNumber,
        marker: (0,render/* markerFor */._Z)(runKey),
        // The body of report.md's size is report.md (a report of many variants took long to render):
        // rendered again only smaller, when GitHub refuses it.
        render: (maxChars) => maxChars === run.rendered?.maxChars
            ? run.rendered.markdown
            : renderRunReport(input, run, runKey, maxChars).markdown,
        replaces: replacedMarkers(models, [input.plan.repository], subset && { variants: subset, keep: runKeyOf(input.plan, config).key }),
        ...(gh.author !== undefined && { author: gh.author }),
        ...(gh.forbidden !== undefined && { forbidden: gh.forbidden }),
        log: { info: io.progress, warning: (m) => io.warning(m, { title: 'ml-image report' }) },
    });
    const done = { action: r.action, ...(r.commentId !== undefined && { commentId: r.commentId }) };
    for (const o of outcomes)
        o.comment = done;
    io.progress(`comment ${r.action}${r.commentId ? ` (#${r.commentId})` : ''} for ${models.length} variant(s)${unreported.length > 0 ? ` (${unreported.length} not reported)` : ''}`);
    // auto: "post when the token can write, else write the fork-safe artifact". A same-repository
    // pull request's token may be read-only too (the repository's default workflow permissions).
    if (r.action === 'forbidden' && mode === 'auto') {
        io.progress('comment-mode auto: the token cannot write the comment (403): writing the fork-safe artifact');
        writeArtifact(input, io, { ...gh, prNumber: gh.prNumber }, run, runKey);
    }
}
/** The fork-safe artifact of the run's comment, for the poster workflow (workflow_run) to post. */
function writeArtifact(input, io, gh, { models, unreported }, runKey) {
    const headSha = gh.headSha ?? input.git.sha;
    if (!headSha) {
        io.warning('no head commit known (GITHUB_SHA): the comment artifact cannot be written', {
            title: 'ml-image report',
        });
        return;
    }
    // Over the poster's size limit, the package lists are cut to what the comment can show
    // (artifact-fit.ts): a big run is never a failed job.
    const fit = fitCommentArtifact({
        schemaVersion: artifact/* COMMENT_ARTIFACT_SCHEMA_VERSION */.qZ,
        prNumber: gh.prNumber,
        headSha,
        repository: gh.repository,
        markerKey: runKey,
        reports: [...models],
        // Only when there are: a poster of an earlier version reads the rest of the artifact.
        ...(unreported.length > 0 && { unreported: [...unreported] }),
    });
    const said = fitMessage(fit);
    if (said?.warn)
        io.warning(said.text, { title: 'ml-image report' });
    else if (said)
        io.progress(said.text);
    if (!fit.payload)
        return;
    const dir = (input.out ?? input.results).writeComment(fit.payload);
    io.progress(`comment payload written to ${dir}: upload it as the "ml-image-comment" artifact for the poster workflow`);
}

// EXTERNAL MODULE: ./src/report/size.ts
var size = __webpack_require__(29437);
;// CONCATENATED MODULE: ./src/report/supply-chain.ts

const supply_chain_short = (digest) => digest.slice(0, 19);
/**
 * The variant's attest targets of the images reported (DIGEST_OF: the digest of this run's image of
 * a platform, from its record or build.json; undefined when neither names one), as the report's
 * supply chain; every other target is left out, each with a line that says why (DROPPED).
 */
function supplyChainOf(attest, variant, digestOf) {
    const dropped = [];
    const targets = (attest?.targets ?? []).filter((t) => {
        if (t.variant !== variant)
            return false;
        const attested = (0,oci_ref/* refDigest */.I2)(t.ref);
        const reported = digestOf(t.platform);
        if (attested !== undefined && attested === reported)
            return true;
        const which = attested !== undefined ? supply_chain_short(attested) : `${t.ref}, no digest`;
        dropped.push(`attest.json's ${variant} ${t.platform} image (${which}) is not ${reported !== undefined ? `the one reported (${supply_chain_short(reported)})` : "one this run's record or build.json names"}: left out of the supply chain (an earlier run's attest stage?)`);
        return false;
    });
    if (!attest || targets.length === 0)
        return { dropped };
    return {
        supplyChain: {
            signing: attest.error ? `${attest.signing.reason}; stopped: ${attest.error}` : attest.signing.reason,
            targets: targets.map((t) => ({
                platform: t.platform,
                ref: t.ref,
                signed: t.signed,
                attestations: t.attestations.map((a) => ({
                    kind: a.kind,
                    attached: a.attached,
                    ...(a.verify !== undefined && { verify: a.verify }),
                })),
                notes: t.notes,
            })),
        },
        dropped,
    };
}
/**
 * The digest of this run's image of a platform of VARIANT: its record's (the reference it was
 * captured by, else the registry digest the engine knew it by), else build.json's (a platform
 * without a record); undefined when neither names one.
 */
function reportedDigests(results, variant, records) {
    let build;
    const built = (platform) => {
        // Only asked for a platform without a record; a directory without build.json: none.
        if (build === undefined)
            try {
                build = results.readBuild();
            }
            catch {
                build = null;
            }
        return build?.variants.find((b) => b.variant === variant)?.platforms.find((p) => p.platform === platform)
            ?.digest;
    };
    return (platform) => {
        const head = records.find((e) => e.platform === platform)?.head.image;
        if (head === undefined)
            return built(platform);
        return (0,oci_ref/* refDigest */.I2)(head.ref) ?? ((0,oci_ref/* isDigest */.Bc)(head.digest) ? head.digest : undefined);
    };
}

;// CONCATENATED MODULE: ./src/report/stage-options.ts
const COMMENT_MODES = ['auto', 'post', 'artifact', 'off'];

;// CONCATENATED MODULE: ./src/report/stage.ts
// The report stage: this run's records vs the base branch's -> one Markdown report per variant
// (report-<variant>.md/.json, artifacts) and ONE report for the whole run (report.md: every variant
// and platform), which is the job summary and ONE sticky pull-request comment (or, where the token
// cannot write, the fork-safe artifact a privileged workflow_run job posts); a job that reports only
// some of the config's variants (a variants filter) has a comment of its own (keys.ts).













/**
 * The run's verdict lines (the action's verdict output): each outcome's, then each of UNREPORTED
 * (the run's variants with no report, ReportStageResult's), as report.md and the comment name them.
 */
function runVerdictLines(outcomes, unreported) {
    return [
        ...outcomes.map((o) => `${o.variant}: ${o.verdict}`),
        ...unreported.map((v) => `${v}: ${UNREPORTED_VERDICT}`),
    ];
}
/** The report stage; a size-budget breach fails it (thrown) after the reports are written and posted. */
async function runReportStage(input, io) {
    const { outcomes, failure } = await reportStage(input, io);
    if (failure)
        throw failure;
    return outcomes;
}
/**
 * The report stage, its failure handed back rather than thrown: a caller says what was reported
 * (the action's outputs, the CLI's printed report.md) before it fails with it.
 */
async function reportStage(input, io) {
    const outcomes = [];
    const models = [];
    const out = input.out ?? input.results;
    const runKey = runKeyOf(input.plan, input.config, input.configVariants);
    out.checkReportTargets(input.plan.variants.map((v) => v.name)); // none written if one cannot be
    const unreported = [];
    for (const v of input.plan.variants) {
        const r = await reportVariant(input, io, v);
        if (!r) {
            noteRemoved(out, io, out.removeVariantReport(v.name));
            unreported.push(v.name);
            continue;
        }
        models.push(r.model);
        outcomes.push({ ...r.outcome, runMarkerKey: runKey.key });
    }
    // No report of any variant: without a pull request, nothing (the earlier run's files go); on one,
    // a report saying so takes the earlier comment's place (reportsNone).
    if (models.length === 0 && !reportsNone(input, unreported)) {
        noteRemoved(out, io, out.removeRunReport());
        // A report step that passed with nothing to say read as a green one (ml-image report: exit 2).
        if (input.noneReported !== 'skip')
            io.warning(`no variant of this run was reported: ${input.results.dir} holds no environment record (env-<variant>-<arch>.json) of ${unreported.join(', ')}: their capture or build failed, or their records are elsewhere`, { title: 'ml-image report' });
        return { outcomes, unreported };
    }
    // The run's report: what the comment says, and the job summary.
    const maxChars = input.options.maxChars ?? render/* DEFAULT_MAX_CHARS */.PN;
    const run = renderRunReport(input, { models, unreported }, runKey.key, maxChars);
    const reports = { models, unreported, rendered: { maxChars, markdown: run.markdown } };
    const runFile = out.writeRunReport(run.markdown);
    for (const o of outcomes)
        o.runFile = runFile;
    if (models.length > 1)
        io.progress(`run: ${models.length} variants -> ${runFile}`);
    if (models.length === 0)
        io.progress(`run: no variant reported (${unreported.join(', ')}) -> ${runFile}`);
    if (input.config.report.summary && io.summary)
        await io.summary(run.markdown);
    // A comment that could not be posted (GitHub down, a token without the right): the reports are
    // written by now, and the caller says so (outputs, the printed report.md) before it fails.
    const posted = await commentOnRun(input, io, reports, outcomes, runKey).then(() => undefined, (err) => (err instanceof Error ? err : new Error(String(err))));
    // With no report, the run has failed already (its capture or build): that error stays its own.
    if (models.length === 0) {
        if (posted)
            io.warning(`the report could not be posted: ${posted.message}`, { title: 'ml-image report' });
        return { outcomes, unreported, runFile };
    }
    const budget = overBudget(models);
    if (posted && budget)
        io.warning(budget.message, { title: 'ml-image report' });
    const failure = posted ?? budget;
    return { outcomes, unreported, runFile, ...(failure && { failure }) };
}
/**
 * Whether a run with no report of any variant (UNREPORTED: all of them) still writes and posts its
 * report: on a pull request, so that the earlier comment (an older commit's verdict, say all green)
 * does not stand beside a failed run; never for ml-image report (noneReported 'skip': exit 2).
 */
function reportsNone(input, unreported) {
    return ((input.noneReported ?? 'report') === 'report' &&
        unreported.length > 0 &&
        input.options.github?.prNumber !== undefined);
}
/** An earlier run's report files REMOVED, which this run has nothing to put in place of. */
function noteRemoved(out, io, removed) {
    if (removed.length > 0)
        io.progress(`removed an earlier run's ${removed.join(', ')} from ${out.dir}`);
}
/** After the report is written and posted: a size-budget breach fails the stage (exit 1). */
function overBudget(models) {
    const lines = models.flatMap((m) => (0,size/* budgetBreaches */.Bq)(m.sizeBudget, m.platforms).map((b) => `${m.variant}: ${b.text}`));
    if (lines.length === 0)
        return undefined;
    return new errors/* CheckFailedError */.CO(`the image is over its size budget (config size.budget):\n${lines.map((l) => `  ${l}`).join('\n')}`);
}
/** One variant: its records vs the baseline's -> report-<variant>.md/.json, the summary, the baseline. */
async function reportVariant(input, io, v) {
    const { plan, config, results, options } = input;
    // An earlier image's records (a result directory a run of fewer platforms reused) are not this PR's.
    const built = thisBuild(results, v.name, v.platforms);
    for (const note of built.notes)
        io.progress(`${v.name}: ${note}`);
    const platforms = built.records;
    if (platforms.length === 0) {
        io.progress(`${v.name}: no env-${v.name}-*.json in ${results.dir} (smoke not run?): nothing to report`);
        return undefined;
    }
    const files = platforms.flatMap((p) => results.recordFiles(v.name, p));
    const markerKey = reportKey(plan, config, v.name, input.configVariants);
    const keys = baselineKeys(plan, config, v.name, input.configVariants);
    const lookup = {
        store: options.baseline,
        baseBranch: options.baseBranch,
        defaultBranch: options.github?.defaultBranch,
    };
    const base = await restoreBase(lookup, keys);
    const read = readEntries(results, base?.dir, v.name, platforms, input.configPlatforms ?? v.platforms);
    const { entries, baseUnreadable } = read;
    if (baseUnreadable)
        io.warning(`${v.name}: the baseline could not be read, reporting without it: ${baseUnreadable}`, {
            title: 'ml-image report',
        });
    const hasBase = !!base && baseUnreadable === undefined;
    const gh = options.github;
    const resolution = resolutionLines(results, v.name, built.resolutions);
    const { supplyChain, dropped } = supplyChainOf(results.readAttest(), v.name, reportedDigests(results, v.name, entries));
    for (const line of dropped)
        io.warning(line, { title: 'ml-image report' });
    const model = (0,report_model/* buildReportModel */.MW)({
        image: plan.repository,
        variant: v.name,
        // The plan's platforms, not the ones that produced records: a missing platform must not
        // change the marker (a second comment).
        markerKey,
        entries: hasBase ? entries : entries.map((e) => ({ ...e, base: null, baseSmoke: null })),
        baseline: hasBase ? baselineOf(base) : null,
        ...(!hasBase && { noBaselineReason: noBaselineReason(lookup, baseUnreadable, base?.ref) }),
        ...(resolution.length > 0 && { resolution }),
        links: {
            ...(gh?.runUrl && { run: gh.runUrl, artifact: `${gh.runUrl}#artifacts` }),
        },
        head: { ...(input.git.ref && { ref: input.git.ref }), ...(input.git.sha && { sha: input.git.sha }) },
        ...(supplyChain && { supplyChain }),
        ...(config.size.budget !== undefined && { sizeBudget: config.size.budget }),
        ...(hasBase && { droppedPlatforms: read.dropped }),
        unreportedPlatforms: v.platforms.filter((p) => !platforms.includes(p)),
    });
    const rendered = (0,render/* renderReport */.B1)(model, { maxChars: options.maxChars ?? render/* DEFAULT_MAX_CHARS */.PN });
    const file = (input.out ?? results).writeReport(v.name, rendered.markdown, model);
    io.progress(`${v.name}: ${rendered.verdict} -> ${file}`);
    await saveBaseline(input, io, { variant: v, keys, files, recorded: platforms }, base);
    return {
        model,
        outcome: {
            variant: v.name,
            markerKey,
            file,
            runFile: '',
            verdict: rendered.verdict,
            hasBaseline: hasBase,
        },
    };
}
/**
 * On the default branch (or a local run): this run's records as the variant's baseline. A platform
 * of the config the run has no record of keeps the last save's (saveBase); the log says what was
 * saved, and a save the store did not take (it warned why) is never said to be.
 */
async function saveBaseline(input, io, run, base) {
    const { saveAs, baseline: store } = input.options;
    if (!saveAs || !store)
        return;
    const v = run.variant;
    const warning = (m) => io.warning(`${v.name}: ${m}`, { title: 'ml-image report' });
    const planned = input.configPlatforms ?? v.platforms;
    const save = { store, saveAs, keys: run.keys, variant: v.name, files: run.files, recorded: run.recorded };
    const { saved, kept } = await saveBase({ ...save, planned, warning }, base);
    const where = `the baseline of ${saveAs.branch} (${store.describe()})`;
    if (!saved)
        return io.progress(`${v.name}: records not saved as ${where}`);
    io.progress(`${v.name}: records saved as ${where}${kept.length > 0 ? `; ${kept.join(', ')} kept from the previous one (no record in this run)` : ''}`);
}
/** The resolver's findings for this variant (what the pipeline wrote per platform), as text lines. */
function resolutionLines(results, variant, platforms) {
    const lines = [];
    for (const p of platforms) {
        const r = results.readResolution(variant, p);
        // Only what changed something is worth a reviewer's time.
        if (r && (r.status !== 'clean' || r.hazards.length > 0))
            lines.push(...(0,result/* explanationLines */.bO)(r));
    }
    return lines;
}


/***/ })

};
