// The sticky pull-request comment against a local GitHub API that checks every request against
// GitHub's OpenAPI description, through the real Octokit (createGitHubClient) with its retry and
// throttling plugins. Waits are scaled to milliseconds (msPerSecond: 1): nothing here is timed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError, InputError } from '../../src/errors.js';
import {
  callGitHub,
  createGitHubClient,
  type CreateGitHubClientOptions,
  DEFAULT_RETRIES,
  isConnectionError,
  GitHubApiError,
  type GitHubClient,
  MAX_RATE_LIMIT_WAIT_S,
  parseRetryAfter,
  toGitHubApiError,
} from '../../src/github/client.js';
import { retryOptions } from '../../src/github/retry.js';
import {
  isBodyTooLong,
  MIN_COMMENT_CHARS,
  nextMaxChars,
  upsertStickyComment,
  type UpsertStickyOptions,
} from '../../src/report/sticky.js';
import {
  checkRequest,
  checkResponse,
  type GitHubApi,
  MESSAGES,
  startGitHubApi,
} from '../helpers/github-api.js';
import { closedPort } from '../helpers/net.js';

const TOKEN = 'ghs_NotARealTokenButSecret0123456789';
const OWNER = 'acme';
const REPO = 'vision';
const PR = 7;
const MARKER = '<!-- ml-image-report:acme/vision:cpu@linux/amd64 -->';

let api: GitHubApi;
let client: GitHubClient;
/** What the client logged: its retries and rate-limit waits. */
let clientLog: string[];
/** Set by a test that sends wrong requests on purpose (it asserts them itself). */
let expectViolations = false;

/** A client of the fake API: waits of milliseconds, writes not spaced, its log recorded. */
function fastClient(extra: Partial<CreateGitHubClientOptions> = {}): Promise<GitHubClient> {
  return createGitHubClient({
    token: TOKEN,
    baseUrl: api.url,
    log: (m) => clientLog.push(m),
    ...extra,
    retry: { msPerSecond: 1, paceWrites: false, ...extra.retry },
  });
}

beforeEach(async () => {
  api = await startGitHubApi();
  clientLog = [];
  client = await fastClient();
  expectViolations = false;
});

afterEach(async () => {
  try {
    if (!expectViolations) expect(api.state.violations).toEqual([]);
  } finally {
    await api.close();
  }
});

interface Run {
  opts: UpsertStickyOptions;
  infos: string[];
  warnings: string[];
  renders: number[];
}

/** Options with recording log/sleep/render; `content` is what follows the marker. */
function run(content: string, extra: Partial<UpsertStickyOptions> = {}): Run {
  const r: Run = { infos: [], warnings: [], renders: [], opts: undefined as never };
  r.opts = {
    owner: OWNER,
    repo: REPO,
    issueNumber: PR,
    marker: MARKER,
    render: (maxChars) => {
      r.renders.push(maxChars);
      return `${MARKER}\n${content}`.slice(0, maxChars);
    },
    log: { info: (m) => r.infos.push(m), warning: (m) => r.warnings.push(m) },
    ...extra,
  };
  return r;
}

const ours = () => api.commentsOn(OWNER, REPO, PR).filter((c) => c.body.split('\n')[0] === MARKER);
const calls = (method: string) => api.state.requests.filter((q) => q.method === method);
const statuses = (from = 0) => api.state.requests.slice(from).map((q) => `${q.method} ${q.path} ${q.status}`);

function expectNoSecretsIn(r: Run, body: string) {
  for (const line of [...r.infos, ...r.warnings, ...clientLog]) {
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(body);
  }
}

describe('upsertStickyComment against the fake GitHub API', () => {
  it('creates the comment when there is none', async () => {
    const r = run('## Report\nnumpy 1.26.4 -> 2.0.0');
    const res = await upsertStickyComment(client, r.opts);
    expect(res).toMatchObject({ action: 'created', deleted: [] });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.id).toBe(res.commentId);
    expect(ours()[0]!.body).toBe(`${MARKER}\n## Report\nnumpy 1.26.4 -> 2.0.0`);
    expect(ours()[0]!.user.login).toBe('github-actions[bot]');
    expect(res.bodyLength).toBe(ours()[0]!.body.length);
    expectNoSecretsIn(r, '## Report');
  });

  it('updates its comment in place on the next run', async () => {
    const first = await upsertStickyComment(client, run('first').opts);
    const second = await upsertStickyComment(client, run('second').opts);
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toBe(`${MARKER}\nsecond`);
    expect(calls('POST')).toHaveLength(1);
    expect(calls('PATCH')).toHaveLength(1);
  });

  it('sends no PATCH when the body is unchanged', async () => {
    const first = await upsertStickyComment(client, run('same').opts);
    const again = await upsertStickyComment(client, run('same').opts);
    expect(again).toMatchObject({ action: 'unchanged', commentId: first.commentId });
    expect(calls('PATCH')).toHaveLength(0);
    expect(ours()).toHaveLength(1);
  });

  it("leaves someone else's comment carrying our marker alone when the author is known", async () => {
    const [theirs] = api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\ncopied`, login: 'mallory' },
    ]);
    api.set({ login: 'ml-image-bot' }); // a PAT: GET /user names the author
    const res = await upsertStickyComment(client, run('ours').opts);
    expect(res.action).toBe('created');
    expect(res.commentId).not.toBe(theirs!.id);
    expect(ours().map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${MARKER}\ncopied`],
      ['ml-image-bot', `${MARKER}\nours`],
    ]);
    expect(calls('PATCH')).toHaveLength(0);
    expect(calls('DELETE')).toHaveLength(0);
  });

  it('with an explicit author, updates only that author’s comment', async () => {
    api.seed([{ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nhuman`, login: 'alice' }]);
    const [bot] = api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold`, login: 'github-actions[bot]' },
    ]);
    const res = await upsertStickyComment(client, run('new', { author: 'github-actions[bot]' }).opts);
    expect(res).toMatchObject({ action: 'updated', commentId: bot!.id });
    expect(ours().map((c) => c.body)).toEqual([`${MARKER}\nhuman`, `${MARKER}\nnew`]);
    // The author was given: no need to ask GET /user.
    expect(api.state.requests.some((q) => q.path === '/user')).toBe(false);
  });

  it('with GITHUB_TOKEN (GET /user refused), a human’s comment with our marker is not taken over', async () => {
    api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nquoted by a human`, login: 'alice' },
    ]);
    const res = await upsertStickyComment(client, run('ours').opts);
    expect(res.action).toBe('created');
    expect(ours().map((c) => c.user.login)).toEqual(['alice', 'github-actions[bot]']);
  });

  it('removes duplicates of ours left by an earlier run, keeping the oldest', async () => {
    const [a, b, c] = api.seed(
      ['x', 'y', 'z'].map((t) => ({ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\n${t}` })),
    );
    const res = await upsertStickyComment(client, run('fresh', { author: 'github-actions[bot]' }).opts);
    expect(res).toMatchObject({ action: 'updated', commentId: a!.id, deleted: [b!.id, c!.id] });
    expect(ours().map((x) => [x.id, x.body])).toEqual([[a!.id, `${MARKER}\nfresh`]]);
  });

  it('with GITHUB_TOKEN, removes the bot’s own duplicates but not another bot’s', async () => {
    const [a, b, other] = api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nx` },
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\ny` },
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nz`, login: 'renovate[bot]' },
    ]);
    const res = await upsertStickyComment(client, run('x').opts);
    expect(res).toMatchObject({ action: 'unchanged', commentId: a!.id, deleted: [b!.id] });
    expect(ours().map((c) => c.id)).toEqual([a!.id, other!.id]);
  });

  it('with GITHUB_TOKEN, another bot’s comment with our marker is never edited: ours is created beside it', async () => {
    const [other] = api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nplanted`, login: 'some-app[bot]' },
    ]);
    const res = await upsertStickyComment(client, run('ours').opts);
    expect(res.action).toBe('created');
    expect(ours().map((c) => [c.user.login, c.body.split('\n')[1]])).toEqual([
      ['some-app[bot]', 'planted'],
      ['github-actions[bot]', 'ours'],
    ]);
    expect(
      calls('PATCH')
        .concat(calls('DELETE'))
        .map((q) => q.path),
    ).not.toContain(`/repos/${OWNER}/${REPO}/issues/comments/${other!.id}`);
    // The next run finds ours, not the planted one.
    expect((await upsertStickyComment(client, run('again').opts)).action).toBe('updated');
    expect(ours().map((c) => c.body.split('\n')[1])).toEqual(['planted', 'again']);
  });

  it('a GitHub App’s token without its login: one comment in the end, at the cost of a post and a delete each run', async () => {
    api.state.switches.appBot = 'my-app[bot]';
    const first = await upsertStickyComment(client, run('one').opts);
    expect(first.action).toBe('created');
    const second = await upsertStickyComment(client, run('two').opts);
    // Its login is learned from the comment it creates; it then settles onto its oldest one.
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId });
    expect(ours().map((c) => [c.id, c.user.login, c.body.split('\n')[1]])).toEqual([
      [first.commentId, 'my-app[bot]', 'two'],
    ]);
    expect([calls('POST').length, calls('DELETE').length]).toEqual([2, 1]);
  });

  it('a GitHub App’s token with its login given (comment-author): updated in place, no post after the first', async () => {
    api.state.switches.appBot = 'my-app[bot]';
    const first = await upsertStickyComment(client, run('one', { author: 'my-app[bot]' }).opts);
    const second = await upsertStickyComment(client, run('two', { author: 'my-app[bot]' }).opts);
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId });
    expect([calls('POST').length, calls('DELETE').length]).toEqual([1, 0]);
    expect(ours().map((c) => c.body.split('\n')[1])).toEqual(['two']);
  });

  it('replaces comments with an older marker: only ours, only once, after ours is written', async () => {
    const OLD = '<!-- ml-image-report:acme/vision:gpu@linux/amd64 -->';
    const replaces = (line: string) => line === OLD;
    const [mine, human, otherBot] = api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${OLD}\nold report` },
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${OLD}\nquoted`, login: 'alice' },
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${OLD}\nz`, login: 'renovate[bot]' },
    ]);
    const res = await upsertStickyComment(client, run('run report', { replaces }).opts);
    expect(res).toMatchObject({ action: 'created', deleted: [mine!.id] });
    const left = api.commentsOn(OWNER, REPO, PR);
    expect(left.map((c) => c.id)).toEqual([human!.id, otherBot!.id, res.commentId]);
    // Deleted after the new comment exists: a failed create leaves the old one in place.
    const order = api.state.requests.map((q) => q.method).filter((m) => m === 'POST' || m === 'DELETE');
    expect(order).toEqual(['POST', 'DELETE']);
    // The next run finds nothing more to replace.
    const again = await upsertStickyComment(client, run('run report', { replaces }).opts);
    expect(again).toMatchObject({ action: 'unchanged', commentId: res.commentId, deleted: [] });
  });

  it('a 403 while replacing deletes nothing', async () => {
    const OLD = '<!-- ml-image-report:acme/vision:gpu@linux/amd64 -->';
    api.seed([{ owner: OWNER, repo: REPO, issueNumber: PR, body: `${OLD}\nold report` }]);
    api.set({ forbidWrites: true });
    const r = run('run report', { replaces: (line) => line === OLD });
    const res = await upsertStickyComment(client, r.opts);
    expect(res).toMatchObject({ action: 'forbidden', deleted: [] });
    expect(calls('DELETE')).toHaveLength(0);
    expect(api.state.comments).toHaveLength(1);
  });

  it('403 from a fork token: warns, skips, does not throw', async () => {
    api.set({ forbidWrites: true });
    const r = run('report body text');
    const res = await upsertStickyComment(client, r.opts);
    expect(res).toMatchObject({ action: 'forbidden', deleted: [] });
    expect(res.commentId).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(MESSAGES.forbidden);
    expect(r.warnings[0]).toMatch(/job summary still has the report/);
    // A plain 403 is not retried: one POST, and nothing logged about retries.
    expect(calls('POST').map((q) => q.status)).toEqual([403]);
    expect(clientLog).toEqual([]);
    expect(api.state.comments).toHaveLength(0);
    expectNoSecretsIn(r, 'report body text');
  });

  it('422 body too long: renders smaller and posts', async () => {
    api.set({ maxBodyLength: 3000 });
    const r = run('x'.repeat(10_000));
    const res = await upsertStickyComment(client, r.opts);
    expect(res.action).toBe('created');
    expect(r.renders[0]).toBe(65_536);
    expect(r.renders.at(-1)).toBeLessThan(r.renders[0]!);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body.length).toBeLessThanOrEqual(3000);
    expect(res.bodyLength).toBe(ours()[0]!.body.length);
    const posts = calls('POST');
    // The 422 is not retried as such (no second 422 of the same body): the body is rendered smaller.
    expect(posts.map((p) => p.status)).toEqual([422, 201]);
    expect(posts[1]!.body).not.toEqual(posts[0]!.body);
    expect(clientLog).toEqual([]);
  });

  it('422 on update shrinks too, to the maximum GitHub states', async () => {
    await upsertStickyComment(client, run('short').opts);
    api.set({ maxBodyLength: 20_000 });
    const r = run('y'.repeat(50_000), { maxChars: 30_000 });
    const res = await upsertStickyComment(client, r.opts);
    expect(res.action).toBe('updated');
    expect(r.renders).toEqual([30_000, 20_000]);
    expect(ours()[0]!.body.length).toBe(20_000);
  });

  it.each([500, 502, 503])('retries a %i (plugin-retry), logs each retry, then succeeds', async (status) => {
    api.set({ fail5xx: 2, fail5xxStatus: status });
    const r = run('after outage');
    const res = await upsertStickyComment(client, r.opts);
    expect(res.action).toBe('created');
    // Exactly the two failures and one answer of GET /user: nothing retries a second time above.
    expect(statuses().slice(0, 3)).toEqual([`GET /user ${status}`, `GET /user ${status}`, 'GET /user 403']);
    expect(statuses().filter((s) => s.endsWith(` ${status}`))).toHaveLength(2);
    expect(clientLog).toEqual([
      `GitHub API GET /user: HTTP ${status}; retry 1 of ${DEFAULT_RETRIES}`,
      `GitHub API GET /user: HTTP ${status}; retry 2 of ${DEFAULT_RETRIES}`,
    ]);
    expect(ours()).toHaveLength(1);
  });

  it('gives up after `retries` and throws a GitHubApiError without the token or body', async () => {
    api.set({ fail5xx: 100 });
    const r = run('never posted body');
    const err = await upsertStickyComment(await fastClient({ retry: { retries: 2 } }), r.opts).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(502);
    expect(api.state.requests).toHaveLength(3);
    expect(clientLog).toHaveLength(2);
    const text = `${String(err)} ${JSON.stringify(err)} ${(err as GitHubApiError).fix ?? ''}`;
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('never posted body');
  });

  it.each([
    ['403', 'secondaryRateLimit'],
    ['429', 'secondaryRateLimit429'],
  ] as const)('honours retry-after on a secondary rate limit (%s)', async (status, switchName) => {
    await upsertStickyComment(client, run('v1').opts);
    const before = api.state.requests.length;
    api.set({ [switchName]: 1 });
    const r = run('v2', { author: 'github-actions[bot]' });
    const res = await upsertStickyComment(client, r.opts);
    expect(res.action).toBe('updated');
    expect(ours()[0]!.body).toBe(`${MARKER}\nv2`);
    // One rate-limited answer, retried once by plugin-throttling (plugin-retry leaves it alone).
    expect(api.state.requests.slice(before).map((q) => `${q.method} ${q.status}`)).toEqual([
      `GET ${status}`,
      'GET 200',
      'PATCH 200',
    ]);
    expect(clientLog).toEqual([
      `GitHub API GET /repos/${OWNER}/${REPO}/issues/${PR}/comments: secondary rate limit; retry 1 of ${DEFAULT_RETRIES} in 1s`,
    ]);
  });

  // plugin-throttling knows a secondary limit only by /\bsecondary rate\b/ in the message: GitHub's
  // older "abuse detection" 403 (no retry-after) was a plain 403, never retried.
  it('an "abuse detection" 403 is a secondary rate limit: retried after the fallback wait', async () => {
    await upsertStickyComment(client, run('v1').opts);
    const before = api.state.requests.length;
    api.set({ abuseDetection: 1 });
    const r = run('v2', { author: 'github-actions[bot]' });
    const res = await upsertStickyComment(client, r.opts);
    expect(res.action).toBe('updated');
    expect(r.warnings).toEqual([]);
    expect(api.state.requests.slice(before).map((q) => `${q.method} ${q.status}`)).toEqual([
      'GET 403',
      'GET 200',
      'PATCH 200',
    ]);
    expect(clientLog).toEqual([
      `GitHub API GET /repos/${OWNER}/${REPO}/issues/${PR}/comments: secondary rate limit; retry 1 of ${DEFAULT_RETRIES} in 60s`,
    ]);
    // One that lasts ends in an error naming GitHub's own words, not the ones added for the retry.
    api.set({ abuseDetection: 100 });
    const err = await upsertStickyComment(await fastClient({ retry: { retries: 1 } }), run('v3').opts).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ status: 403, secondaryRateLimit: true, apiMessage: MESSAGES.abuseDetection });
    expect((err as Error).message).not.toMatch(/a secondary rate limit/);
  });

  it('a secondary rate limit that lasts: bounded retries, then an error that is not "forbidden"', async () => {
    api.set({ secondaryRateLimit: 100 });
    const r = run('x', { author: 'github-actions[bot]' });
    const err = await upsertStickyComment(await fastClient({ retry: { retries: 2 } }), r.opts).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err).toMatchObject({ status: 403, secondaryRateLimit: true });
    expect(r.warnings).toEqual([]); // not mistaken for a read-only token
    expect(api.state.requests).toHaveLength(3);
    expect(clientLog.at(-1)).toMatch(/secondary rate limit; no retries left \(2\)$/);
  });

  it('a spent primary quota is waited for when it resets soon, not when it resets in an hour', async () => {
    api.set({ login: 'octocat', primaryRateLimit: 1, primaryResetS: 1 });
    expect(await client.authenticatedLogin!()).toBe('octocat');
    expect(statuses()).toEqual(['GET /user 403', 'GET /user 200']);
    expect(clientLog).toHaveLength(1);
    expect(clientLog[0]).toMatch(/^GitHub API GET \/user: rate limit spent; retry 1 of 3 in [12]s$/);

    api.set({ primaryRateLimit: 1, primaryResetS: 3600 });
    const err = await client.authenticatedLogin!().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err).toMatchObject({ status: 403, rateLimited: true, apiMessage: MESSAGES.primaryRateLimit });
    expect(statuses(2)).toEqual(['GET /user 403']);
    expect(clientLog[1]).toMatch(/rate limit spent; it resets in 36\d\ds, not waiting that long$/);
  });

  it('two writers at once leave exactly one comment', async () => {
    for (const [i, issueNumber] of [11, 12, 13].entries()) {
      api.set({ latencyMs: 25 + 15 * i });
      const a = run('concurrent report', { issueNumber });
      const b = run('concurrent report', { issueNumber });
      const results = await Promise.all([
        upsertStickyComment(client, a.opts),
        upsertStickyComment(client, b.opts),
      ]);
      const left = api.commentsOn(OWNER, REPO, issueNumber).filter((c) => c.body.startsWith(MARKER));
      expect(left).toHaveLength(1);
      expect(results.map((x) => x.commentId)).toEqual([left[0]!.id, left[0]!.id]);
      expect(results.some((x) => x.action === 'created')).toBe(true);
    }
    // Both writers did create (the race really happened) before one of them cleaned up.
    expect(calls('POST').length).toBeGreaterThanOrEqual(6);
    expect(calls('DELETE').length).toBeGreaterThanOrEqual(3);
  });

  it('finds its comment on the second page of 150+ comments', async () => {
    api.seed(
      Array.from({ length: 150 }, (_, i) => ({
        owner: OWNER,
        repo: REPO,
        issueNumber: PR,
        body: `unrelated ${i}`,
        login: i % 2 ? 'alice' : 'bob',
      })),
    );
    const [mine] = api.seed([{ owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold` }]);
    const res = await upsertStickyComment(client, run('new').opts);
    expect(res).toMatchObject({ action: 'updated', commentId: mine!.id });
    const pages = calls('GET').filter((q) => q.path.endsWith('/comments'));
    expect(pages.map((q) => q.query.page ?? '1')).toEqual(['1', '2']);
    expect(pages.every((q) => q.query.per_page === '100')).toBe(true);
    expect(api.commentsOn(OWNER, REPO, PR)).toHaveLength(151);
  });

  it('refuses a render that drops the marker', async () => {
    const r = run('x', { render: () => 'no marker here' });
    await expect(upsertStickyComment(client, r.opts)).rejects.toThrow(/must start with the marker/);
    expect(api.state.requests).toHaveLength(0);
  });
});

describe('the fake GitHub API checks requests against the OpenAPI description', () => {
  const headers = {
    authorization: `token ${TOKEN}`,
    accept: 'application/vnd.github.v3+json',
    'user-agent': 'test',
  };
  const send = (method: string, path: string, body?: unknown, h: Record<string, string> = headers) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: { ...h, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  it.each([
    [
      'POST with { text } instead of { body }',
      'POST',
      '/repos/o/r/issues/1/comments',
      { text: 'hi' },
      /request body: .*body/,
    ],
    ['a route GitHub does not have', 'GET', '/repos/o/r/issue/1/comments', undefined, /no such route/],
    [
      'a method the route does not have',
      'PUT',
      '/repos/o/r/issues/1/comments',
      { body: 'x' },
      /has no PUT operation/,
    ],
    [
      'a non-integer issue number',
      'GET',
      '/repos/o/r/issues/abc/comments',
      undefined,
      /path parameter issue_number/,
    ],
    [
      'an undeclared query parameter',
      'GET',
      '/repos/o/r/issues/1/comments?perpage=100',
      undefined,
      /query parameter perpage is not declared/,
    ],
    [
      'a body where none is taken',
      'DELETE',
      '/repos/o/r/issues/comments/1',
      { body: 'x' },
      /takes no request body/,
    ],
    ['a body of the wrong type', 'PATCH', '/repos/o/r/issues/comments/1', { body: 42 }, /must be string/],
  ])('rejects %s', async (_name, method, path, body, problem) => {
    expectViolations = true;
    const res = await send(method, path, body);
    expect(res.status).toBe(400);
    expect(api.state.violations).toHaveLength(1);
    expect(api.state.violations[0]).toMatch(problem);
    expect(api.state.comments).toHaveLength(0);
  });

  it('rejects a request without authorization', async () => {
    expectViolations = true;
    const res = await send('GET', '/repos/o/r/issues/1/comments', undefined, { accept: 'application/json' });
    expect(res.status).toBe(400);
    expect(api.state.violations).toEqual([
      'GET /repos/o/r/issues/1/comments: authorization header missing or not "token <t>" / "Bearer <t>"',
    ]);
  });

  it('flags a missing user-agent and a non-GitHub accept header', () => {
    const { problems } = checkRequest(
      'GET',
      new URL('http://x/user'),
      { authorization: 'Bearer t', accept: 'text/html' },
      '',
    );
    expect(problems).toEqual([
      'GET /user: accept header "text/html" is not a GitHub JSON media type',
      'GET /user: user-agent header missing',
    ]);
  });

  it('accepts the same calls when they are right, and its answers match the description', async () => {
    const created = await send('POST', '/repos/o/r/issues/1/comments', { body: 'hi' });
    expect(created.status).toBe(201);
    const listed = await send('GET', '/repos/o/r/issues/1/comments?per_page=1&page=1');
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as unknown[]).length).toBe(1);
    expect(api.state.violations).toEqual([]);
  });

  it('its response check catches a comment that is not shaped like GitHub’s', () => {
    const { operation } = checkRequest(
      'GET',
      new URL('http://x/repos/o/r/issues/1/comments'),
      { authorization: 'token t', accept: 'application/json', 'user-agent': 'x' },
      '',
    );
    expect(operation?.operationId).toBe('issues/list-comments');
    const problems = checkResponse(operation!, 200, [{ id: 'one', body: 'x' }]).join('\n');
    expect(problems).toMatch(/\/0 must have required property 'node_id'/);
    expect(problems).toMatch(/\/0\/id must be integer/);
    expect(checkResponse(operation!, 200, [])).toEqual([]);
  });

  it('emits a Link header like GitHub’s', async () => {
    api.seed(Array.from({ length: 5 }, (_, i) => ({ owner: 'o', repo: 'r', issueNumber: 1, body: `c${i}` })));
    const res = await send('GET', '/repos/o/r/issues/1/comments?per_page=2&page=2');
    const link = res.headers.get('link') ?? '';
    expect(link).toMatch(/page=1>; rel="prev"/);
    expect(link).toMatch(/page=3>; rel="next"/);
    expect(link).toMatch(/page=3>; rel="last"/);
    expect(link).toMatch(/page=1>; rel="first"/);
    expect(((await res.json()) as Array<{ body: string }>).map((c) => c.body)).toEqual(['c2', 'c3']);
  });
});

describe('createGitHubClient', () => {
  it('refuses an empty token', async () => {
    await expect(createGitHubClient({ token: '  ' })).rejects.toBeInstanceOf(InputError);
  });

  it('authenticatedLogin: the login for a PAT, undefined for GITHUB_TOKEN', async () => {
    expect(await client.authenticatedLogin!()).toBeUndefined();
    api.set({ login: 'octocat' });
    expect(await client.authenticatedLogin!()).toBe('octocat');
  });

  it('deleting a missing comment is a 404 GitHubApiError', async () => {
    const err = await client
      .deleteIssueComment({ owner: 'o', repo: 'r', commentId: 5 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err).toMatchObject({ status: 404, apiMessage: 'Not Found' });
    expect(statuses()).toEqual(['DELETE /repos/o/r/issues/comments/5 404']); // not retried
    expect(clientLog).toEqual([]);
  });

  it('an API nobody answers on (a real closed port) is exit 3 "cannot reach", after bounded retries', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = await fastClient({ baseUrl: url });
    const log = { info: () => undefined, warning: () => undefined };
    const err = await upsertStickyComment(unreachable, {
      owner: OWNER,
      repo: REPO,
      issueNumber: 1,
      marker: '<!-- m -->',
      render: () => '<!-- m -->\nbody',
      log,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err).not.toBeInstanceOf(GitHubApiError); // not retried again as an "HTTP 500"
    const e = err as EnvironmentError;
    expect(e.exitCode).toBe(3);
    expect(e.message).toContain(`cannot reach the GitHub API at ${url}`);
    expect(e.message).toMatch(
      new RegExp(`ECONNREFUSED; tried ${DEFAULT_RETRIES + 1} times over \\d+\\.\\ds\\)`),
    );
    expect(clientLog).toEqual(
      [1, 2, 3].map((n) => `GitHub API GET /user: no answer; retry ${n} of ${DEFAULT_RETRIES}`),
    );
    // Not said as a server error ("500"); the URL is left out first: its random port may hold 500.
    expect(e.message.replace(url, '')).not.toContain('500');
    expect(e.message).not.toContain(TOKEN);
  });

  it('callGitHub: a real HTTP 500 is a GitHubApiError; no answer at all is exit 3, retried nowhere else', async () => {
    const opts = { baseUrl: 'http://x' };
    let calls = 0;
    const http500 = Object.assign(new Error('boom'), { status: 500, response: { headers: {}, data: {} } });
    await expect(callGitHub('op', () => (calls++, Promise.reject(http500)), opts)).rejects.toBeInstanceOf(
      GitHubApiError,
    );
    const refused = Object.assign(new Error('fetch failed'), { status: 500, cause: { code: 'ENOTFOUND' } });
    const err = await callGitHub('op', () => (calls++, Promise.reject(refused)), opts).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toContain('(op: ENOTFOUND; tried 1 time over');
    expect(calls).toBe(2);
    expect(isConnectionError(http500)).toBe(false);
    expect(isConnectionError(refused)).toBe(true);
    expect(isConnectionError(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
  });
});

describe('error mapping and retry policy (pure)', () => {
  const NOW = Date.parse('2025-06-01T12:00:00Z');
  const octokitError = (status: number, headers: Record<string, string>, data: unknown) =>
    Object.assign(new Error('x'), { name: 'HttpError', status, response: { headers, data } });

  it.each([
    [
      '5xx',
      502,
      {},
      { message: 'Server Error' },
      { status: 502, retryAfter: undefined, secondaryRateLimit: false, rateLimited: false },
    ],
    [
      'secondary by message',
      403,
      {},
      { message: MESSAGES.secondaryRateLimit },
      { status: 403, retryAfter: undefined, secondaryRateLimit: true, rateLimited: false },
    ],
    [
      'secondary by retry-after',
      429,
      { 'retry-after': '30' },
      { message: 'slow down' },
      { status: 429, retryAfter: 30, secondaryRateLimit: true, rateLimited: false },
    ],
    [
      'primary limit spent',
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 90) },
      { message: 'API rate limit exceeded for installation ID 1.' },
      { status: 403, retryAfter: 90, secondaryRateLimit: false, rateLimited: true },
    ],
    [
      'fork token',
      403,
      { 'x-ratelimit-remaining': '4999' },
      { message: MESSAGES.forbidden },
      {
        status: 403,
        retryAfter: undefined,
        secondaryRateLimit: false,
        rateLimited: false,
        apiMessage: MESSAGES.forbidden,
      },
    ],
  ])('%s', (_name, status, headers, data, expected) => {
    const err = toGitHubApiError(octokitError(status, headers, data), 'create issue comment', NOW);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err).toMatchObject(expected);
  });

  it('keeps GitHub’s validation errors and says which field', () => {
    const err = toGitHubApiError(
      octokitError(
        422,
        {},
        {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'unprocessable',
              field: 'data',
              message: 'Body is too long (maximum is 65536 characters)',
            },
          ],
        },
      ),
      'create issue comment',
    ) as GitHubApiError;
    expect(err.message).toBe(
      'GitHub API create issue comment failed: 422 Validation Failed (data: Body is too long (maximum is 65536 characters))',
    );
    expect(isBodyTooLong(err)).toBe(true);
  });

  it('passes through what is not an HTTP error', () => {
    const plain = new TypeError('bug');
    expect(toGitHubApiError(plain, 'x')).toBe(plain);
    expect(toGitHubApiError('str', 'x')).toBe('str');
  });

  it.each([
    ['7', 7],
    ['0', 0],
    ['Sun, 01 Jun 2025 12:00:30 GMT', 30],
    ['Sun, 01 Jun 2025 11:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('parseRetryAfter(%j) = %j', (value, seconds) => {
    expect(parseRetryAfter(value, NOW)).toBe(seconds);
  });

  const apiError = (status: number, d: ConstructorParameters<typeof GitHubApiError>[2] = {}) =>
    new GitHubApiError('x', status, d);

  it.each([
    [
      'secondary, first retry',
      'onSecondaryRateLimit',
      1,
      0,
      true,
      /secondary rate limit; retry 1 of 3 in 1s$/,
    ],
    [
      'secondary, retries spent',
      'onSecondaryRateLimit',
      1,
      3,
      false,
      /secondary rate limit; no retries left \(3\)$/,
    ],
    ['secondary asking for 10 minutes', 'onSecondaryRateLimit', 600, 0, false, /resets in 600s, not waiting/],
    ['primary, resets in 60 s', 'onRateLimit', 60, 0, true, /rate limit spent; retry 1 of 3 in 60s$/],
    ['primary, resets at the limit', 'onRateLimit', MAX_RATE_LIMIT_WAIT_S, 2, true, /retry 3 of 3/],
    ['primary, resets in an hour', 'onRateLimit', 3600, 0, false, /resets in 3600s, not waiting/],
  ] as const)('rate-limit handler: %s', async (_n, handler, retryAfter, retryCount, expected, line) => {
    const lines: string[] = [];
    const { throttle } = await retryOptions({}, (m) => lines.push(m));
    const answer = throttle[handler]!(
      retryAfter,
      { method: 'PATCH', url: '/x/{id}' } as never,
      {} as never,
      retryCount,
    );
    expect(answer).toBe(expected);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^GitHub API PATCH \/x\/\{id\}: /);
    expect(lines[0]).toMatch(line);
  });

  it('plugin-retry never retries the 4xx a retry cannot fix, nor a 429 (the throttle retries it)', async () => {
    const { retry } = await retryOptions({ retries: 5, msPerSecond: 7 }, () => undefined);
    expect(retry).toMatchObject({ retries: 5, retryAfterBaseValue: 7 });
    expect(retry.doNotRetry).toEqual(expect.arrayContaining([400, 401, 403, 404, 422, 429]));
    expect(retry.doNotRetry).not.toContain(500);
  });

  const tooLong = (msg: string) =>
    apiError(422, {
      apiMessage: 'Validation Failed',
      errors: [{ code: 'unprocessable', field: 'data', message: msg }],
    });

  it.each([
    [
      'stated maximum below what we sent',
      65_536,
      tooLong('Body is too long (maximum is 65536 characters)'),
      65_536 / 2,
    ],
    [
      'stated maximum used directly',
      100_000,
      tooLong('Body is too long (maximum is 65536 characters)'),
      65_536,
    ],
    ['no maximum stated: halve', 8000, tooLong('body is too long'), 4000],
    ['floor', 1500, tooLong('body is too long'), MIN_COMMENT_CHARS],
    ['at the floor: give up', MIN_COMMENT_CHARS, tooLong('body is too long'), undefined],
  ])('nextMaxChars: %s', (_n, current, err, next) => {
    expect(nextMaxChars(current, err)).toBe(next);
  });

  it('isBodyTooLong only for 422 too-long', () => {
    expect(isBodyTooLong(tooLong('Body is too long (maximum is 65536 characters)'))).toBe(true);
    expect(
      isBodyTooLong(apiError(422, { apiMessage: 'Validation Failed', errors: [{ code: 'missing_field' }] })),
    ).toBe(false);
    expect(isBodyTooLong(apiError(400, { apiMessage: 'too long' }))).toBe(false);
  });
});
