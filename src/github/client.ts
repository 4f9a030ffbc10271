// Thin adapter over Octokit: only the issue-comment routes the report stage uses, behind an
// interface so the sticky-comment logic can be tested against a fake server or a plain object.
// Retries happen inside Octokit (plugin-retry, plugin-throttling: retry.ts); nothing above retries.
import { z } from 'zod';
import { formatIssues } from '../config/issues.js';
import { EnvironmentError, InputError } from '../errors.js';
import { boundedSafeParse } from '../util/parse-input.js';
import { VERSION } from '../version.js';
import { DEFAULT_API_URL } from './api-url.js';
import { GitHubApiError, toGitHubApiError } from './errors.js';
import {
  attemptsOf,
  attemptsPlugin,
  isConnectionError,
  REQUEST_TIMEOUT_MS,
  type RetryPolicy,
  retryOptions,
} from './retry.js';

export { GitHubApiError, parseRetryAfter, toGitHubApiError } from './errors.js';
export { DEFAULT_RETRIES, isConnectionError, MAX_RATE_LIMIT_WAIT_S, type RetryPolicy } from './retry.js';

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

export interface CreateGitHubClientOptions {
  token: string;
  /** API root, e.g. process.env.GITHUB_API_URL on GHES. Left out: @actions/github's default (GITHUB_API_URL or api.github.com). */
  baseUrl?: string;
  userAgent?: string;
  /** One line for each retry and each rate-limit wait (the report stage passes its progress log). */
  log?: (message: string) => void;
  /** How requests are retried; the defaults are the production policy. */
  retry?: RetryPolicy;
}

type ActionsGitHub = typeof import('@actions/github');
type Octokit = ReturnType<ActionsGitHub['getOctokit']>;
type OctokitPlugin = NonNullable<Parameters<ActionsGitHub['getOctokit']>[2]>;

/**
 * Octokit from @actions/github (proxy-aware fetch, GHES base URL) with plugin-retry and
 * plugin-throttling (see retry.ts). Loaded on demand so that the CLI commands that never talk to
 * GitHub do not pay for it.
 */
export async function createGitHubClient(opts: CreateGitHubClientOptions): Promise<GitHubClient> {
  if (!opts.token || opts.token.trim() === '') {
    throw new InputError(
      'github-token is empty: cannot post the pull-request comment',
      'pass `github-token: ${{ github.token }}` (the default) or a token with pull-requests: write',
    );
  }
  let gh: ActionsGitHub;
  let retry: OctokitPlugin;
  let throttling: OctokitPlugin;
  try {
    [gh, { retry }, { throttling }] = await Promise.all([
      import('@actions/github'),
      import('@octokit/plugin-retry'),
      import('@octokit/plugin-throttling'),
    ]);
  } catch (err) {
    throw new EnvironmentError(
      `cannot load @actions/github and its Octokit plugins: ${err instanceof Error ? err.message : String(err)}`,
      'reinstall the action (its dist/ bundle is incomplete)',
      { cause: err },
    );
  }
  const policy = opts.retry ?? {};
  const log = opts.log ?? (() => undefined);
  const options: NonNullable<Parameters<ActionsGitHub['getOctokit']>[1]> = {
    userAgent: opts.userAgent ?? `ml-image-action/${VERSION}`,
    ...(await retryOptions(policy, log)),
  };
  // An explicit `baseUrl: undefined` would replace @actions/github's GITHUB_API_URL default.
  if (opts.baseUrl) options.baseUrl = opts.baseUrl.replace(/\/+$/, '');
  // Hooks of earlier plugins run inside later ones: the attempts plugin sees every single try
  // under plugin-retry, which runs under plugin-throttling (retry before throttling, as usual).
  const octokit: Octokit = gh.getOctokit(opts.token, options, attemptsPlugin(policy, log), retry, throttling);
  const baseUrl = String(octokit.request.endpoint.DEFAULTS.baseUrl ?? opts.baseUrl ?? DEFAULT_API_URL);
  return octokitClient(octokit, { baseUrl });
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

interface CallOptions {
  baseUrl: string;
}

/**
 * Run one API call; Octokit's plugins have done the retrying by the time it throws. HTTP errors
 * become GitHubApiError; an API that could not be reached at all is an EnvironmentError (exit 3)
 * saying so, how many times the request was sent and for how long.
 */
export async function callGitHub<T>(operation: string, fn: () => Promise<T>, opts: CallOptions): Promise<T> {
  const t0 = Date.now();
  try {
    return await fn();
  } catch (err) {
    if (!isConnectionError(err)) throw toGitHubApiError(err, operation);
    const tries = attemptsOf(err) ?? 1;
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    throw new EnvironmentError(
      `cannot reach the GitHub API at ${opts.baseUrl} (${operation}: ${connectionReason(err)}; tried ${tries} time${tries === 1 ? '' : 's'} over ${secs}s)`,
      'check the network and any proxy (HTTPS_PROXY), and GITHUB_API_URL (on GitHub Enterprise Server: https://HOST/api/v3); then re-run the job',
      { cause: err },
    );
  }
}

// Response bodies are parsed with schemas of the fields used, never trusted from Octokit's types:
// a proxy or an API of another shape fails here, naming the field, not later.
const RawCommentSchema = z.object({
  id: z.number().int(),
  body: z.string().nullish(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullable(),
  created_at: z.string(),
});
type RawComment = z.infer<typeof RawCommentSchema>;

const RawPullRequestSchema = z.object({
  number: z.number().int(),
  state: z.string(),
  head: z.object({ sha: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
});

const AuthenticatedUserSchema = z.object({ login: z.string() });

/** A response body through its schema; another shape is an environment problem (exit 3). */
export function parseResponse<S extends z.ZodType>(schema: S, data: unknown, operation: string): z.infer<S> {
  const r = boundedSafeParse(schema, data);
  if (!('overflow' in r) && r.success) return r.data;
  const problems =
    'overflow' in r
      ? 'too many problems to list'
      : formatIssues(r.error, data, schema).slice(0, 5).join('; ');
  throw new EnvironmentError(
    `GitHub API ${operation}: unexpected response: ${problems}`,
    'check GITHUB_API_URL (on GitHub Enterprise Server: https://HOST/api/v3) and any proxy in between',
  );
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
        return parseResponse(z.array(RawCommentSchema), all, 'list issue comments').map(toComment);
      }),
    createIssueComment: ({ owner, repo, issueNumber, body }) =>
      call('create issue comment', async () => {
        const res = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
        return toComment(parseResponse(RawCommentSchema, res.data, 'create issue comment'));
      }),
    updateIssueComment: ({ owner, repo, commentId, body }) =>
      call('update issue comment', async () => {
        const res = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
        return toComment(parseResponse(RawCommentSchema, res.data, 'update issue comment'));
      }),
    deleteIssueComment: ({ owner, repo, commentId }) =>
      call('delete issue comment', async () => {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
      }),
    getPullRequest: ({ owner, repo, pullNumber }) =>
      call('get pull request', async () => {
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
