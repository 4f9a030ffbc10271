// GitHub API errors: what Octokit throws (status, headers, the error body) mapped to one
// GitHubApiError that carries what callers need (a rate limit told apart from a read-only token,
// retry-after, 422 details) and a fix. Octokit's plugins have retried by then (retry.ts). The
// error body crosses the process boundary: it is parsed, never cast.
import { z } from 'zod';
import { ExitCode, MlImageError } from '../errors.js';

interface GitHubValidationError {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
}

/**
 * A non-2xx answer from the GitHub API, after Octokit's retries. Carries what callers need and
 * nothing that could leak: no request body (the comment), no headers (the token).
 */
export class GitHubApiError extends MlImageError {
  constructor(
    message: string,
    readonly status: number,
    readonly details: {
      /** What was asked, as callGitHub names it ("create issue comment"). */
      operation?: string;
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

// Each field is optional and kept only when it has the documented type.
const loose = z.string().optional().catch(undefined);

/** The fields of GitHub's error body that are used; anything not a JSON object has none. */
const ErrorBodySchema = z.object({
  message: loose,
  documentation_url: loose,
  errors: z.array(z.unknown()).optional().catch(undefined),
});

const ValidationErrorSchema = z.object({ resource: loose, field: loose, code: loose, message: loose });

/** A 422's `errors`: strings or objects; anything else is left out. */
function validationErrors(items: readonly unknown[]): GitHubValidationError[] {
  return items.flatMap((x): GitHubValidationError[] => {
    if (typeof x === 'string') return [{ code: 'custom', message: x }];
    const o = ValidationErrorSchema.safeParse(x);
    if (!o.success) return [];
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
  const body = ErrorBodySchema.safeParse(e.response?.data);
  const data = body.success ? body.data : {};
  const apiMessage =
    data.message ??
    (typeof e.response?.data === 'string' && e.response.data.length < 500 ? e.response.data : undefined);
  const errors = data.errors && validationErrors(data.errors);

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
