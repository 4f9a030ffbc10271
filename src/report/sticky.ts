// One pull-request comment per report key, updated in place ("sticky"), as
// marocchino/sticky-pull-request-comment does: a hidden marker on the first line plus the author
// find our comment; a re-list after creating settles races between concurrent jobs.
import { GitHubApiError, type GitHubClient, type IssueComment } from '../github/client.js';

/** GitHub's limit for an issue comment body, in characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** Never shrink below this: a report that does not fit in 1000 characters is not worth posting. */
export const MIN_COMMENT_CHARS = 1_000;
/** Author of comments made with the workflow's GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

export interface StickyLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface UpsertStickyOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Hidden first line, e.g. `<!-- ml-image-report:KEY -->`. */
  marker: string;
  /** Renders the whole body (marker first) in at most maxChars characters. */
  render: (maxChars: number) => string;
  /** Login that posts; unknown: asked from GET /user, else learned from the comment we create. */
  author?: string;
  maxChars?: number;
  /** Retries for 5xx and rate limits (default 4). */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1) (tests pin it). */
  random?: () => number;
  log: StickyLog;
}

export interface UpsertStickyResult {
  action: 'created' | 'updated' | 'unchanged' | 'forbidden';
  commentId?: number;
  /** Duplicate comments of ours removed (races, earlier failed runs). */
  deleted: number[];
  bodyLength: number;
}

/** Retry this error (5xx, secondary rate limit, a primary limit that resets soon)? */
export function isRetryable(err: unknown): err is GitHubApiError {
  if (!(err instanceof GitHubApiError)) return false;
  if (err.status >= 500) return true;
  if (err.secondaryRateLimit) return true;
  if (err.status === 429) return true;
  // Waiting an hour for the primary quota is worse than failing the comment.
  if (err.rateLimited) return err.retryAfter !== undefined && err.retryAfter <= MAX_WAIT_S;
  return false;
}

const MAX_WAIT_S = 120;
const BASE_DELAY_MS = 1_000;

/** Milliseconds before retry `attempt` (0-based): retry-after when given, else 1s, 2s, 4s ... + jitter. */
export function retryDelayMs(err: GitHubApiError, attempt: number, random: () => number): number {
  const jitter = Math.floor(random() * BASE_DELAY_MS);
  if (err.retryAfter !== undefined) return Math.min(err.retryAfter, MAX_WAIT_S) * 1000 + jitter;
  // Secondary limits without retry-after: GitHub asks to wait at least a minute.
  if (err.secondaryRateLimit) return 60_000 + jitter;
  return Math.min(BASE_DELAY_MS * 2 ** attempt, 30_000) + jitter;
}

/** Is this the 422 GitHub answers for a body over its limit? */
export function isBodyTooLong(err: unknown): err is GitHubApiError {
  if (!(err instanceof GitHubApiError) || err.status !== 422) return false;
  return [err.apiMessage, ...err.errors.map((e) => e.message)].some(
    (m) => m !== undefined && /too long/i.test(m),
  );
}

/**
 * The next size to render after a body-too-long 422: GitHub's stated maximum when it is below what
 * we tried, else half; undefined when we are already at the floor.
 */
export function nextMaxChars(current: number, err: GitHubApiError): number | undefined {
  if (current <= MIN_COMMENT_CHARS) return undefined;
  const stated = [err.apiMessage, ...err.errors.map((e) => e.message)]
    .map((m) => /maximum is (\d+)/i.exec(m ?? '')?.[1])
    .find((m) => m !== undefined);
  const limit = stated === undefined ? undefined : Number(stated);
  const next = limit !== undefined && limit < current ? limit : Math.floor(current / 2);
  return Math.max(MIN_COMMENT_CHARS, next);
}

function firstLine(body: string): string {
  const nl = body.indexOf('\n');
  return (nl === -1 ? body : body.slice(0, nl)).replace(/\r$/, '').trim();
}

const byAge = (a: IssueComment, b: IssueComment) =>
  a.created_at === b.created_at ? a.id - b.id : a.created_at < b.created_at ? -1 : 1;

export async function upsertStickyComment(
  client: GitHubClient,
  opts: UpsertStickyOptions,
): Promise<UpsertStickyResult> {
  const { owner, repo, issueNumber, log } = opts;
  const marker = opts.marker.trim();
  if (!/^<!--[\s\S]*-->$/.test(marker) || marker.includes('\n')) {
    throw new Error(`sticky comment marker must be one HTML comment line, got ${JSON.stringify(marker)}`);
  }
  const retries = opts.retries ?? 4;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = opts.random ?? Math.random;
  let maxChars = Math.min(opts.maxChars ?? GITHUB_COMMENT_MAX_CHARS, GITHUB_COMMENT_MAX_CHARS);

  const withRetry = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (!isRetryable(err) || attempt >= retries) throw err;
        const ms = retryDelayMs(err, attempt, random);
        const why = err.secondaryRateLimit || err.rateLimited ? 'rate limit' : `HTTP ${err.status}`;
        log.info(`GitHub ${what}: ${why}; retry ${attempt + 1} of ${retries} in ${Math.ceil(ms / 1000)}s`);
        await sleep(ms);
      }
    }
  };

  let body = render(opts.render, maxChars, marker);
  /** Create or update, rendering smaller while GitHub says the body is too long. */
  const write = async <T>(what: string, fn: (b: string) => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        return await withRetry(what, () => fn(body));
      } catch (err) {
        if (!isBodyTooLong(err)) throw err;
        const next = nextMaxChars(Math.min(maxChars, body.length), err);
        if (next === undefined) throw err;
        log.info(`GitHub ${what}: comment too long (${body.length} characters); rendering in ${next}`);
        maxChars = next;
        body = render(opts.render, maxChars, marker);
      }
    }
  };

  const deleted: number[] = [];
  try {
    let author = opts.author;
    // GET /user refused means an installation token (GITHUB_TOKEN, a GitHub App): its author is a bot.
    let botAuthor = false;
    if (author === undefined && client.authenticatedLogin) {
      author = await withRetry('get authenticated user', () => client.authenticatedLogin!());
      botAuthor = author === undefined;
    }
    const isOurs = (c: IssueComment, login: string | undefined) =>
      firstLine(c.body) === marker &&
      (login !== undefined ? c.user?.login === login : !botAuthor || c.user?.type === 'Bot');
    const list = () =>
      withRetry('list comments', () => client.listIssueComments({ owner, repo, issueNumber }));

    const removeAll = async (comments: IssueComment[]) => {
      for (const c of comments) {
        try {
          await withRetry('delete comment', () =>
            client.deleteIssueComment({ owner, repo, commentId: c.id }),
          );
          deleted.push(c.id);
        } catch (err) {
          // Another writer deleted it first: the goal (one comment) holds.
          if (!(err instanceof GitHubApiError && err.status === 404)) throw err;
        }
      }
    };
    /** Bring `target` to our body; true when a PATCH was needed. */
    const updateTo = async (target: IssueComment): Promise<boolean> => {
      // GitHub may hand back \r\n line ends for a body we sent with \n: that is no change.
      if (target.body.replace(/\r\n/g, '\n') === body.replace(/\r\n/g, '\n')) return false;
      await write('update comment', (b) =>
        client.updateIssueComment({ owner, repo, commentId: target.id, body: b }),
      );
      return true;
    };

    const existing = (await list()).filter((c) => isOurs(c, author)).sort(byAge);
    if (existing.length > 0) {
      const [target, ...dupes] = existing as [IssueComment, ...IssueComment[]];
      const changed = await updateTo(target);
      // Duplicates go only when they are surely ours: by the known author, or (installation token)
      // by the same bot as the comment we keep. Otherwise someone else's could be deleted.
      const dupeAuthor = author ?? (botAuthor ? target.user?.login : undefined);
      if (dupeAuthor !== undefined) await removeAll(dupes.filter((d) => d.user?.login === dupeAuthor));
      log.info(`pull-request comment ${target.id} ${changed ? 'updated' : 'unchanged'}`);
      return {
        action: changed ? 'updated' : 'unchanged',
        commentId: target.id,
        deleted,
        bodyLength: body.length,
      };
    }

    const created = await write('create comment', (b) =>
      client.createIssueComment({ owner, repo, issueNumber, body: b }),
    );
    author ??= created.user?.login;
    // Two jobs may have created at once: all of them keep the oldest and delete the rest.
    const after = (await list()).filter((c) => isOurs(c, author));
    if (!after.some((c) => c.id === created.id)) after.push({ ...created, body });
    after.sort(byAge);
    const oldest = after[0]!;
    if (oldest.id === created.id) {
      await removeAll(after.slice(1));
      log.info(`pull-request comment ${created.id} created`);
      return { action: 'created', commentId: created.id, deleted, bodyLength: body.length };
    }
    await updateTo(oldest);
    await removeAll(after.filter((c) => c.id !== oldest.id));
    log.info(`pull-request comment ${oldest.id} updated (a concurrent job had created it)`);
    return { action: 'updated', commentId: oldest.id, deleted, bodyLength: body.length };
  } catch (err) {
    if (err instanceof GitHubApiError && err.status === 403 && !err.secondaryRateLimit && !err.rateLimited) {
      log.warning(
        `Skipped the pull-request comment: GitHub answered 403 (${err.apiMessage ?? 'forbidden'}). ` +
          'Pull requests from forks get a read-only GITHUB_TOKEN; the job summary still has the report. ' +
          'To comment on fork pull requests, post from a workflow_run workflow, or grant `permissions: pull-requests: write`.',
      );
      return { action: 'forbidden', deleted, bodyLength: body.length };
    }
    throw err;
  }
}

function render(fn: (maxChars: number) => string, maxChars: number, marker: string): string {
  const body = fn(maxChars);
  // Without the marker first we would never find this comment again and post a new one each run.
  if (firstLine(body) !== marker) {
    throw new Error(`rendered comment must start with the marker line ${marker}`);
  }
  return body;
}
