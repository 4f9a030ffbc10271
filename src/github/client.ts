// Thin adapter over Octokit: only the issue-comment routes the report stage uses, behind an
// interface so the sticky-comment logic can be tested against a fake server or a plain object.
import { EnvironmentError, ExitCode, InputError, MlImageError } from '../errors.js';
import { VERSION } from '../version.js';

export interface IssueComment {
  id: number;
  body: string;
  user: { login: string; type?: string } | null;
  created_at: string;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface GitHubClient {
  /** Every comment on the issue / pull request, all pages, oldest first (GitHub orders by id). */
  listIssueComments(p: RepoRef & { issueNumber: number }): Promise<IssueComment[]>;
  createIssueComment(p: RepoRef & { issueNumber: number; body: string }): Promise<IssueComment>;
  updateIssueComment(p: RepoRef & { commentId: number; body: string }): Promise<IssueComment>;
  deleteIssueComment(p: RepoRef & { commentId: number }): Promise<void>;
  /** Login of the token's user (GET /user); undefined where the token may not read it (GITHUB_TOKEN: 403). */
  authenticatedLogin?(): Promise<string | undefined>;
  /** The pull request's head commit and repository (the fork poster checks the artifact against it). */
  getPullRequest?(p: RepoRef & { pullNumber: number }): Promise<PullRequestHead>;
}

export interface PullRequestHead {
  number: number;
  state: string;
  headSha: string;
  /** owner/repo of the head branch; null when the fork was deleted. */
  headRepo: string | null;
}

export interface GitHubValidationError {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
}

/**
 * A non-2xx answer from the GitHub API. Carries what retry logic needs and nothing that could
 * leak: no request body (the comment), no headers (the token).
 */
export class GitHubApiError extends MlImageError {
  constructor(
    message: string,
    readonly status: number,
    readonly details: {
      /** GitHub's own `message` field, e.g. "Resource not accessible by integration". */
      apiMessage?: string;
      documentationUrl?: string;
      /** Seconds to wait, from `retry-after` or (when the quota is spent) `x-ratelimit-reset`. */
      retryAfter?: number;
      secondaryRateLimit?: boolean;
      /** The primary quota is spent (x-ratelimit-remaining: 0). */
      rateLimited?: boolean;
      errors?: GitHubValidationError[];
      requestId?: string;
    } = {},
  ) {
    super(message, ExitCode.Environment, fixFor(status, details.secondaryRateLimit || details.rateLimited));
  }
  get apiMessage(): string | undefined {
    return this.details.apiMessage;
  }
  get retryAfter(): number | undefined {
    return this.details.retryAfter;
  }
  get secondaryRateLimit(): boolean {
    return this.details.secondaryRateLimit === true;
  }
  get rateLimited(): boolean {
    return this.details.rateLimited === true;
  }
  get errors(): GitHubValidationError[] {
    return this.details.errors ?? [];
  }
}

function fixFor(status: number, rateLimit: boolean | undefined): string | undefined {
  if (rateLimit)
    return 'wait for the rate limit to reset, or space out runs that comment on the same repository';
  if (status === 401) return 'the token is missing, expired or revoked: check the github-token input';
  if (status === 403)
    return 'give the workflow `permissions: pull-requests: write` (fork pull requests get a read-only token: post from a workflow_run workflow instead)';
  if (status === 404)
    return 'check the repository and pull-request number, and that the token can read the repository';
  if (status >= 500) return 'GitHub had a server error: re-run the job';
  return undefined;
}

const SECONDARY_RE = /secondary rate limit|abuse detection/i;

/** Seconds from a `retry-after` header: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

type HeaderBag = Record<string, string | number | undefined>;

function header(headers: HeaderBag | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [k, v] of Object.entries(headers))
    if (k.toLowerCase() === name && v !== undefined) return String(v);
  return undefined;
}

/**
 * Map what Octokit throws (RequestError: status, response.headers, response.data) to a
 * GitHubApiError. Anything else (a bug, a thrown string) is passed through untouched.
 */
export function toGitHubApiError(err: unknown, operation: string, nowMs = Date.now()): unknown {
  if (err instanceof GitHubApiError) return err;
  if (typeof err !== 'object' || err === null) return err;
  const e = err as {
    status?: unknown;
    message?: unknown;
    response?: { headers?: HeaderBag; data?: unknown };
  };
  // Octokit's RequestError (name "HttpError"); network failures arrive as status 500 without a
  // response: those are not HTTP errors (callGitHub reports them as "cannot reach").
  if (typeof e.status !== 'number' || e.status < 400) return err;
  const status = e.status;
  const headers = e.response?.headers;
  const data = (typeof e.response?.data === 'object' && e.response?.data !== null ? e.response.data : {}) as {
    message?: unknown;
    documentation_url?: unknown;
    errors?: unknown;
  };
  const apiMessage =
    typeof data.message === 'string'
      ? data.message
      : typeof e.response?.data === 'string' && e.response.data.length < 500
        ? e.response.data
        : undefined;
  const errors = Array.isArray(data.errors)
    ? data.errors.flatMap((x): GitHubValidationError[] => {
        if (typeof x === 'string') return [{ code: 'custom', message: x }];
        if (typeof x !== 'object' || x === null) return [];
        const o = x as Record<string, unknown>;
        const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
        return [
          {
            resource: str('resource'),
            field: str('field'),
            code: str('code') ?? 'custom',
            message: str('message'),
          },
        ];
      })
    : undefined;

  let retryAfter = parseRetryAfter(header(headers, 'retry-after'), nowMs);
  const remaining = header(headers, 'x-ratelimit-remaining');
  const reset = header(headers, 'x-ratelimit-reset');
  const rateLimited = (status === 403 || status === 429) && remaining === '0';
  if (retryAfter === undefined && rateLimited && reset && /^\d+$/.test(reset)) {
    retryAfter = Math.max(0, Number(reset) - Math.floor(nowMs / 1000));
  }
  const secondaryRateLimit =
    (status === 403 || status === 429) &&
    !rateLimited &&
    (SECONDARY_RE.test(apiMessage ?? '') || header(headers, 'retry-after') !== undefined);

  const detail = apiMessage ?? (status >= 500 ? 'server error' : 'no message');
  const fieldErrors = errors?.length
    ? ` (${errors.map((x) => [x.field, x.message ?? x.code].filter(Boolean).join(': ')).join('; ')})`
    : '';
  return new GitHubApiError(`GitHub API ${operation} failed: ${status} ${detail}${fieldErrors}`, status, {
    apiMessage,
    documentationUrl: typeof data.documentation_url === 'string' ? data.documentation_url : undefined,
    retryAfter,
    secondaryRateLimit,
    rateLimited,
    errors,
    requestId: header(headers, 'x-github-request-id'),
  });
}

export interface CreateGitHubClientOptions {
  token: string;
  /** API root, e.g. process.env.GITHUB_API_URL on GHES. Left out: @actions/github's default (GITHUB_API_URL or api.github.com). */
  baseUrl?: string;
  userAgent?: string;
}

type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>;

/**
 * Octokit from @actions/github (proxy-aware fetch, GHES base URL). Loaded on demand so that the
 * CLI commands that never talk to GitHub do not pay for it.
 *
 * Retries: getOctokit() adds only the rest-endpoint-methods and paginate plugins (no
 * plugin-retry, no plugin-throttling), and @octokit/request does not retry, so the retry policy in
 * report/sticky.ts is the only one; nothing retries twice.
 */
export async function createGitHubClient(opts: CreateGitHubClientOptions): Promise<GitHubClient> {
  if (!opts.token || opts.token.trim() === '') {
    throw new InputError(
      'github-token is empty: cannot post the pull-request comment',
      'pass `github-token: ${{ github.token }}` (the default) or a token with pull-requests: write',
    );
  }
  let getOctokit: (typeof import('@actions/github'))['getOctokit'];
  try {
    ({ getOctokit } = await import('@actions/github'));
  } catch (err) {
    throw new EnvironmentError(
      `cannot load @actions/github: ${err instanceof Error ? err.message : String(err)}`,
      'reinstall the action (its dist/ bundle is incomplete)',
      { cause: err },
    );
  }
  const options: { baseUrl?: string; userAgent: string } = {
    userAgent: opts.userAgent ?? `ml-image-action/${VERSION}`,
  };
  // An explicit `baseUrl: undefined` would replace @actions/github's GITHUB_API_URL default.
  if (opts.baseUrl) options.baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const octokit: Octokit = getOctokit(opts.token, options);
  // Every request is bounded: a black-holed API host fails after REQUEST_TIMEOUT_MS, never hangs.
  octokit.hook.before('request', (o) => {
    o.request = { ...o.request, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  });
  const baseUrl = String(
    octokit.request.endpoint.DEFAULTS.baseUrl ?? opts.baseUrl ?? 'https://api.github.com',
  );
  return octokitClient(octokit, { baseUrl });
}

/** One request's time limit (connect + answer). */
export const REQUEST_TIMEOUT_MS = 15_000;
/** Waits between attempts when the API cannot be reached at all (connection refused, DNS, timeout). */
export const CONNECT_RETRY_DELAYS_MS = [500, 1500] as const;

/**
 * Octokit reports a request that got no answer (connection refused, DNS failure, reset, timeout)
 * as status 500 without a response; a real HTTP 500 from GitHub carries one.
 */
export function isConnectionError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { status?: unknown; response?: unknown; name?: unknown };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  return e.status === 500 && e.response === undefined;
}

function connectionReason(err: unknown): string {
  const seen = new Set<unknown>();
  let cur: unknown = err;
  while (typeof cur === 'object' && cur !== null && !seen.has(cur)) {
    seen.add(cur);
    const c = cur as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
    if (typeof c.code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(c.code)) return c.code;
    if (c.name === 'TimeoutError' || c.name === 'AbortError')
      return `no answer within ${REQUEST_TIMEOUT_MS / 1000}s`;
    cur = c.cause ?? (Array.isArray(c.errors) ? c.errors[0] : undefined);
  }
  return err instanceof Error ? err.message : String(err);
}

export interface CallOptions {
  baseUrl: string;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Run one API call. HTTP errors become GitHubApiError (the sticky-comment logic retries those);
 * an API that cannot be reached at all is retried here a bounded number of times
 * (CONNECT_RETRY_DELAYS_MS), then is an EnvironmentError (exit 3) saying so and how long it tried.
 */
export async function callGitHub<T>(operation: string, fn: () => Promise<T>, opts: CallOptions): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const t0 = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isConnectionError(err)) throw toGitHubApiError(err, operation);
      const delay = CONNECT_RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        throw new EnvironmentError(
          `cannot reach the GitHub API at ${opts.baseUrl} (${operation}: ${connectionReason(err)}; tried ${attempt + 1} times over ${secs}s)`,
          'check the network and any proxy (HTTPS_PROXY), and GITHUB_API_URL (on GitHub Enterprise Server: https://HOST/api/v3); then re-run the job',
          { cause: err },
        );
      }
      await sleep(delay);
    }
  }
}

interface RawComment {
  id: number;
  body?: string | null;
  user: { login: string; type?: string } | null;
  created_at: string;
}

function toComment(c: RawComment): IssueComment {
  return {
    id: c.id,
    body: c.body ?? '',
    user: c.user ? { login: c.user.login, ...(c.user.type ? { type: c.user.type } : {}) } : null,
    created_at: c.created_at,
  };
}

function octokitClient(octokit: Octokit, callOpts: CallOptions): GitHubClient {
  const call = <T>(operation: string, fn: () => Promise<T>): Promise<T> =>
    callGitHub(operation, fn, callOpts);
  return {
    listIssueComments: ({ owner, repo, issueNumber }) =>
      call('list issue comments', async () => {
        const all = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: issueNumber,
          per_page: 100,
        });
        return all.map(toComment);
      }),
    createIssueComment: ({ owner, repo, issueNumber, body }) =>
      call('create issue comment', async () => {
        const res = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
        return toComment(res.data);
      }),
    updateIssueComment: ({ owner, repo, commentId, body }) =>
      call('update issue comment', async () => {
        const res = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
        return toComment(res.data);
      }),
    deleteIssueComment: ({ owner, repo, commentId }) =>
      call('delete issue comment', async () => {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
      }),
    getPullRequest: ({ owner, repo, pullNumber }) =>
      call('get pull request', async () => {
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
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
          return res.data.login;
        });
      } catch (mapped) {
        // GITHUB_TOKEN (an installation token) may not read /user: that is expected, not an error.
        if (
          mapped instanceof GitHubApiError &&
          (mapped.status === 403 || mapped.status === 401) &&
          !mapped.secondaryRateLimit &&
          !mapped.rateLimited
        )
          return undefined;
        throw mapped;
      }
    },
  };
}
