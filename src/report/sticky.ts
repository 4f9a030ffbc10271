// One pull-request comment per report key, updated in place ("sticky"), as
// marocchino/sticky-pull-request-comment does: a hidden marker on the first line plus the author
// find our comment; a re-list after creating settles races between concurrent jobs. Retries of
// 5xx and rate limits happen inside the client (Octokit's plugin-retry and plugin-throttling).
import { GitHubApiError, type GitHubClient, type IssueComment } from '../github/client.js';

/** GitHub's limit for an issue comment body, in characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** Never shrink below this: a report that does not fit in 1000 characters is not worth posting. */
export const MIN_COMMENT_CHARS = 1_000;

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
  log: StickyLog;
  /**
   * First lines (markers) of earlier comments this one replaces, e.g. the per-variant markers
   * before one comment per run: such comments of ours are deleted once ours is written.
   */
  replaces?: (markerLine: string) => boolean;
  /**
   * GitHub refuses the comment (403, not a rate limit): 'skip' (default; the action and the poster,
   * whose job must not fail for a fork's read-only token) warns and resolves action 'forbidden';
   * 'fail' (the CLI, whose exit code says whether it posted) throws the GitHubApiError.
   */
  forbidden?: 'skip' | 'fail';
}

interface UpsertStickyResult {
  action: 'created' | 'updated' | 'unchanged' | 'forbidden';
  commentId?: number;
  /** Duplicate comments of ours removed (races, earlier failed runs, replaced markers). */
  deleted: number[];
  bodyLength: number;
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

/** One upsert: where it writes, the body as last rendered, what it deleted. */
interface Upsert {
  client: GitHubClient;
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  log: StickyLog;
  render: (maxChars: number) => string;
  maxChars: number;
  replaces: ((markerLine: string) => boolean) | undefined;
  /** Comments with a replaced marker, from the first listing. */
  replaced: IssueComment[];
  /** Re-rendered smaller while GitHub says the body is too long. */
  body: string;
  deleted: number[];
}

/**
 * The login of GITHUB_TOKEN's comments. With an installation token (GET /user refused) only this
 * bot's comments are taken as ours before we post: any other bot carrying our marker (another
 * app's, or one planted) is left alone, since GITHUB_TOKEN's write access could overwrite it. A
 * GitHub App's own token learns its login from the comment it creates, and then settles onto its
 * oldest comment as concurrent jobs do.
 */
const GITHUB_TOKEN_BOT = 'github-actions[bot]';

/** Who posts: a known login, or (GET /user refused) an installation token whose author is a bot. */
interface Who {
  author: string | undefined;
  botAuthor: boolean;
}

function checkedMarker(raw: string): string {
  const marker = raw.trim();
  if (!/^<!--[\s\S]*-->$/.test(marker) || marker.includes('\n')) {
    throw new Error(`sticky comment marker must be one HTML comment line, got ${JSON.stringify(marker)}`);
  }
  return marker;
}

export async function upsertStickyComment(
  client: GitHubClient,
  opts: UpsertStickyOptions,
): Promise<UpsertStickyResult> {
  const marker = checkedMarker(opts.marker);
  const maxChars = Math.min(opts.maxChars ?? GITHUB_COMMENT_MAX_CHARS, GITHUB_COMMENT_MAX_CHARS);
  const u: Upsert = {
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
    body: render(opts.render, maxChars, marker),
    deleted: [],
  };
  try {
    const who = await whoPosts(u, opts.author);
    const listed = await listComments(u);
    u.replaced = listed.filter((c) => isReplaced(u, c));
    const [target, ...dupes] = listed.filter((c) => isOurs(u, who, c, who.author)).sort(byAge);
    if (target) return await updateExisting(u, who, target, dupes);
    return await createAndSettle(u, who);
  } catch (err) {
    if (isRefused(err) && opts.forbidden !== 'fail') {
      u.log.warning(
        `Skipped the pull-request comment: GitHub answered 403 (${err.apiMessage ?? 'forbidden'}). ` +
          'Pull requests from forks get a read-only GITHUB_TOKEN; the job summary still has the report. ' +
          'To comment on fork pull requests, post from a workflow_run workflow, or grant `permissions: pull-requests: write`.',
      );
      return { action: 'forbidden', deleted: u.deleted, bodyLength: u.body.length };
    }
    throw err;
  }
}

/** A 403 that is GitHub refusing the token, not a rate limit (which the client has waited out). */
function isRefused(err: unknown): err is GitHubApiError {
  return err instanceof GitHubApiError && err.status === 403 && !err.secondaryRateLimit && !err.rateLimited;
}

async function whoPosts(u: Upsert, author: string | undefined): Promise<Who> {
  // GET /user refused means an installation token (GITHUB_TOKEN, a GitHub App): its author is a bot.
  if (author === undefined && u.client.authenticatedLogin) {
    const login = await u.client.authenticatedLogin();
    return { author: login, botAuthor: login === undefined };
  }
  return { author, botAuthor: false };
}

/** GitHub logins are case-insensitive: `My-App[bot]` and `my-app[bot]` are one account. */
const sameLogin = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

function isOurs(u: Upsert, who: Who, c: IssueComment, login: string | undefined): boolean {
  return (
    firstLine(c.body) === u.marker &&
    (login !== undefined
      ? sameLogin(c.user?.login, login)
      : !who.botAuthor || sameLogin(c.user?.login, GITHUB_TOKEN_BOT))
  );
}

/** A comment with a marker this one replaces (whose author is checked before it is deleted). */
function isReplaced(u: Upsert, c: IssueComment): boolean {
  const line = firstLine(c.body);
  return u.replaces !== undefined && line !== u.marker && line.startsWith('<!--') && u.replaces(line);
}

/** Delete the replaced comments that are surely ours: by `author`, our login or the bot that posts. */
async function removeReplaced(u: Upsert, author: string | undefined): Promise<void> {
  if (author === undefined || u.replaced.length === 0) return;
  const gone = u.replaced.filter((c) => sameLogin(c.user?.login, author));
  await removeAll(u, gone);
  if (gone.length > 0)
    u.log.info(
      `removed ${gone.length} earlier comment(s) this one replaces (${gone.map((c) => c.id).join(', ')})`,
    );
}

function listComments(u: Upsert): Promise<IssueComment[]> {
  const { owner, repo, issueNumber } = u;
  return u.client.listIssueComments({ owner, repo, issueNumber });
}

/** Create or update, rendering smaller while GitHub says the body is too long. */
async function write<T>(u: Upsert, what: string, fn: (b: string) => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await fn(u.body);
    } catch (err) {
      if (!isBodyTooLong(err)) throw err;
      const next = nextMaxChars(Math.min(u.maxChars, u.body.length), err);
      if (next === undefined) throw err;
      u.log.info(`GitHub ${what}: comment too long (${u.body.length} characters); rendering in ${next}`);
      u.maxChars = next;
      u.body = render(u.render, u.maxChars, u.marker);
    }
  }
}

async function removeAll(u: Upsert, comments: readonly IssueComment[]): Promise<void> {
  const { owner, repo } = u;
  for (const c of comments) {
    try {
      await u.client.deleteIssueComment({ owner, repo, commentId: c.id });
      u.deleted.push(c.id);
    } catch (err) {
      // Another writer deleted it first: the goal (one comment) holds.
      if (!(err instanceof GitHubApiError && err.status === 404)) throw err;
    }
  }
}

/** Bring `target` to our body; true when a PATCH was needed. */
async function updateTo(u: Upsert, target: IssueComment, always = false): Promise<boolean> {
  // GitHub may hand back \r\n line ends for a body we sent with \n: that is no change.
  if (!always && target.body.replace(/\r\n/g, '\n') === u.body.replace(/\r\n/g, '\n')) return false;
  const { owner, repo } = u;
  await write(u, 'update comment', (b) =>
    u.client.updateIssueComment({ owner, repo, commentId: target.id, body: b }),
  );
  return true;
}

/** Our comment exists: update the oldest, remove the duplicates that are surely ours. */
async function updateExisting(
  u: Upsert,
  who: Who,
  target: IssueComment,
  dupes: readonly IssueComment[],
): Promise<UpsertStickyResult> {
  let changed: boolean;
  try {
    changed = await updateTo(u, target);
  } catch (err) {
    // Deleted since the listing (a person, a concurrent job's cleanup): post it anew, once.
    if (!(err instanceof GitHubApiError && err.status === 404)) throw err;
    u.log.info(`pull-request comment ${target.id} was deleted meanwhile: creating a new one`);
    return createAndSettle(u, who);
  }
  // Duplicates go only when they are surely ours: by the known author, or (installation token)
  // by the same bot as the comment we keep. Otherwise someone else's could be deleted.
  const dupeAuthor = who.author ?? (who.botAuthor ? target.user?.login : undefined);
  if (dupeAuthor !== undefined)
    await removeAll(
      u,
      dupes.filter((d) => sameLogin(d.user?.login, dupeAuthor)),
    );
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
async function createAndSettle(u: Upsert, who: Who): Promise<UpsertStickyResult> {
  const { owner, repo, issueNumber } = u;
  const created = await write(u, 'create comment', (b) =>
    u.client.createIssueComment({ owner, repo, issueNumber, body: b }),
  );
  // The login GitHub gave the comment is the author: a comment-author that names another (a typo,
  // no `[bot]`) would never find this comment again, and every run would post a new one.
  const posted = created.user?.login;
  if (who.author !== undefined && posted !== undefined && !sameLogin(who.author, posted))
    u.log.warning(
      `comment-author "${who.author}" is not the login that posts (${posted}): ${posted}'s comments are the ones updated; set comment-author to it`,
    );
  const author = posted ?? who.author;
  // Two jobs may have created at once: all of them keep the oldest and delete the rest.
  const after = (await listComments(u)).filter((c) => isOurs(u, who, c, author));
  if (!after.some((c) => c.id === created.id)) after.push({ ...created, body: u.body });
  after.sort(byAge);
  // The comment we created names its author: the replaced comments of that author are ours.
  await removeReplaced(u, author);
  const kept = await settleOnOldest(u, after, created.id);
  await removeAll(
    u,
    after.filter((c) => c.id !== kept.id),
  );
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
async function settleOnOldest(
  u: Upsert,
  sorted: readonly IssueComment[],
  createdId: number,
): Promise<{ id: number; ours: boolean }> {
  let gone = false;
  for (const c of sorted) {
    if (c.id === createdId) break;
    try {
      // Sent even when its body is ours already (a concurrent job's, identical): only its answer
      // tells that it still exists before ours is deleted in its favour.
      await updateTo(u, c, true);
      return { id: c.id, ours: false };
    } catch (err) {
      if (!(err instanceof GitHubApiError && err.status === 404)) throw err;
      u.log.info(`pull-request comment ${c.id} was deleted meanwhile: settling on the next oldest`);
      gone = true;
    }
  }
  if (!gone || (await listComments(u)).some((c) => c.id === createdId)) return { id: createdId, ours: true };
  u.log.info(`pull-request comment ${createdId} was deleted meanwhile too: creating it once more`);
  const { owner, repo, issueNumber } = u;
  const again = await write(u, 'create comment', (b) =>
    u.client.createIssueComment({ owner, repo, issueNumber, body: b }),
  );
  return { id: again.id, ours: true };
}

function render(fn: (maxChars: number) => string, maxChars: number, marker: string): string {
  const body = fn(maxChars);
  // Without the marker first we would never find this comment again and post a new one each run.
  if (firstLine(body) !== marker) {
    throw new Error(`rendered comment must start with the marker line ${marker}`);
  }
  return body;
}
