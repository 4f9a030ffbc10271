// How GitHub API requests are retried: Octokit's own plugins, configured. plugin-retry retries a
// 5xx and an API that cannot be reached (waits 1 s, 4 s, 9 s); plugin-throttling retries rate
// limits after the wait GitHub names (retry-after, x-ratelimit-reset) and spaces writes as GitHub
// asks. Both are bounded by one retry count; the 4xx a retry cannot fix are never retried.
import type { RetryOptions } from '@octokit/plugin-retry';
import type { ThrottlingOptions } from '@octokit/plugin-throttling';
import { GitHubApiError, toGitHubApiError } from './errors.js';
import { interruptedFailure, untilInterrupted } from '../util/cleanup.js';

export interface RetryPolicy {
  /** Retries of one request after a 5xx, an unreachable API or a rate limit (default 3). */
  retries?: number;
  /**
   * Milliseconds per second of wait (default 1000). Every wait is multiplied by it: tests pass 1
   * so that a `retry-after: 1` costs a millisecond.
   */
  msPerSecond?: number;
  /**
   * Space writes as GitHub asks (default true: one write at a time, 1 s apart, new comments 3 s
   * apart, per process). Tests that race writers on purpose turn it off.
   */
  paceWrites?: boolean;
}

/** One request's time limit (connect + answer); each retry gets its own. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** Retries of one request unless RetryPolicy.retries says otherwise. */
export const DEFAULT_RETRIES = 3;
/** A rate limit that resets later than this is not waited for: failing the comment is better. */
export const MAX_RATE_LIMIT_WAIT_S = 120;
/**
 * Statuses plugin-retry leaves alone: its defaults (the 4xx a retry cannot fix: 403 forbidden,
 * 404, 422 validation ...) plus 429, a rate limit, which is plugin-throttling's to retry (else a
 * rate-limited request would be retried by both).
 */
const DO_NOT_RETRY: readonly number[] = [400, 401, 403, 404, 410, 422, 429, 451];

type Log = (message: string) => void;
type OctokitPlugin = NonNullable<Parameters<(typeof import('@actions/github'))['getOctokit']>[2]>;
type RequestOptions = { method?: unknown; url?: unknown; request?: Record<string, unknown> };

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

/** The options for getOctokit(): plugin-retry's and plugin-throttling's, from one policy. */
export async function retryOptions(
  policy: RetryPolicy,
  log: Log,
): Promise<{ retry: RetryOptions; throttle: ThrottlingOptions }> {
  const retries = policy.retries ?? DEFAULT_RETRIES;
  const msPerSecond = policy.msPerSecond ?? 1000;
  const onLimit =
    (what: string) =>
    (retryAfterS: number, o: RequestOptions, _octokit: unknown, retryCount: number): boolean =>
      rateLimitRetry(what, retryAfterS, o, retryCount, retries, log);
  // Unlimited groups: writes go out at once (the default groups space them). Loaded only then.
  const unpaced = policy.paceWrites === false ? (await import('bottleneck/light.js')).default : undefined;
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
function route(o: RequestOptions): string {
  const params = o as Record<string, unknown>;
  const path = String(o.url ?? '')
    .replace(/^[a-z]+:\/\/[^/]+/i, '')
    .replace(/[?#].*$/, '')
    .replace(/\{(\w+)\}/g, (m, k: string) =>
      typeof params[k] === 'string' || typeof params[k] === 'number' ? String(params[k]) : m,
    );
  return `${String(o.method ?? 'GET')} ${path}`;
}

/** The throttle's answer to a rate limit: wait and retry while retries are left and the wait is short. */
function rateLimitRetry(
  what: string,
  retryAfterS: number,
  o: RequestOptions,
  retryCount: number,
  retries: number,
  log: Log,
): boolean {
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
function nameSecondaryLimit(err: unknown): void {
  if (typeof err !== 'object' || err === null) return;
  const e = err as { message?: unknown };
  if (typeof e.message !== 'string' || /\bsecondary rate\b/i.test(e.message)) return;
  const mapped = toGitHubApiError(err, 'request');
  if (mapped instanceof GitHubApiError && mapped.secondaryRateLimit)
    e.message = `${e.message} (a secondary rate limit)`;
}

/** How many times the request an error ended was sent (set by attemptsPlugin). */
const triesOf = new WeakMap<object, number>();
export function attemptsOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null ? triesOf.get(err) : undefined;
}

/**
 * An Octokit plugin to load before plugin-retry (hooks of earlier plugins run inside later ones),
 * so that it sees every single try: each gets its own REQUEST_TIMEOUT_MS; each is counted (the
 * error that ends a request says how many were sent); a try that plugin-retry will retry is logged.
 */
export function attemptsPlugin(policy: RetryPolicy, log: Log): OctokitPlugin {
  const retries = policy.retries ?? DEFAULT_RETRIES;
  return (octokit) => {
    // Keyed by the request's options object, which the plugins pass unchanged to every try.
    const state = new WeakMap<object, { tries: number; serverFailures: number }>();
    octokit.hook.wrap('request', async (request, options) => {
      const s = state.get(options) ?? { tries: 0, serverFailures: 0 };
      state.set(options, s);
      s.tries++;
      // Each try's own limit, and SIGINT/SIGTERM: a request under way stops at once.
      const signal = untilInterrupted(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
      options.request = { ...options.request, signal };
      try {
        return await request(options);
      } catch (err) {
        const stopped = interruptedFailure(`GitHub API ${route(options)}`, 'aborted', err);
        if (stopped) throw stopped;
        if (typeof err === 'object' && err !== null) triesOf.set(err, s.tries);
        const e = err as { status?: unknown; request?: unknown };
        const status = typeof e.status === 'number' ? e.status : 0;
        // A rate limit goes up to plugin-throttling, whose retry starts plugin-retry's count anew.
        if (status === 403 || status === 429) {
          s.serverFailures = 0;
          nameSecondaryLimit(err);
        } else if (e.request !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status)) {
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
