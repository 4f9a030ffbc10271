// The sticky pull-request comment against a local GitHub API that checks every request against
// GitHub's OpenAPI description, through the real Octokit (createGitHubClient).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError, InputError } from '../../src/errors.js';
import {
  CONNECT_RETRY_DELAYS_MS,
  callGitHub,
  createGitHubClient,
  isConnectionError,
  GitHubApiError,
  type GitHubClient,
  parseRetryAfter,
  toGitHubApiError,
} from '../../src/github/client.js';
import {
  isBodyTooLong,
  isRetryable,
  MIN_COMMENT_CHARS,
  nextMaxChars,
  retryDelayMs,
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
/** Set by a test that sends wrong requests on purpose (it asserts them itself). */
let expectViolations = false;

beforeEach(async () => {
  api = await startGitHubApi();
  client = await createGitHubClient({ token: TOKEN, baseUrl: api.url });
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
  sleeps: number[];
  renders: number[];
}

/** Options with recording log/sleep/render; `content` is what follows the marker. */
function run(content: string, extra: Partial<UpsertStickyOptions> = {}): Run {
  const r: Run = { infos: [], warnings: [], sleeps: [], renders: [], opts: undefined as never };
  r.opts = {
    owner: OWNER,
    repo: REPO,
    issueNumber: PR,
    marker: MARKER,
    render: (maxChars) => {
      r.renders.push(maxChars);
      return `${MARKER}\n${content}`.slice(0, maxChars);
    },
    sleep: async (ms) => {
      r.sleeps.push(ms);
    },
    random: () => 0,
    log: { info: (m) => r.infos.push(m), warning: (m) => r.warnings.push(m) },
    ...extra,
  };
  return r;
}

const ours = () => api.commentsOn(OWNER, REPO, PR).filter((c) => c.body.split('\n')[0] === MARKER);
const calls = (method: string) => api.state.requests.filter((q) => q.method === method);

function expectNoSecretsIn(r: Run, body: string) {
  for (const line of [...r.infos, ...r.warnings]) {
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

  it('403 from a fork token: warns, skips, does not throw', async () => {
    api.set({ forbidWrites: true });
    const r = run('report body text');
    const res = await upsertStickyComment(client, r.opts);
    expect(res).toMatchObject({ action: 'forbidden', deleted: [] });
    expect(res.commentId).toBeUndefined();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain(MESSAGES.forbidden);
    expect(r.warnings[0]).toMatch(/job summary still has the report/);
    expect(r.sleeps).toEqual([]); // a plain 403 is not retried
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
    expect(posts.map((p) => p.status)).toEqual([422, 201]);
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

  it('retries 5xx with backoff, and Octokit does not retry on its own', async () => {
    api.set({ fail5xx: 2 });
    const r = run('after outage');
    const res = await upsertStickyComment(client, r.opts);
    expect(res.action).toBe('created');
    expect(r.sleeps).toEqual([1000, 2000]); // random() = 0: no jitter
    const statuses = api.state.requests.map((q) => `${q.method} ${q.path} ${q.status}`);
    // Exactly the two failures and one success of GET /user: no hidden retries underneath.
    expect(statuses.slice(0, 3)).toEqual(['GET /user 502', 'GET /user 502', 'GET /user 403']);
    expect(statuses.filter((s) => s.endsWith(' 502'))).toHaveLength(2);
  });

  it('gives up after `retries` and throws a GitHubApiError without the token or body', async () => {
    api.set({ fail5xx: 100 });
    const r = run('never posted body', { retries: 2 });
    const err = await upsertStickyComment(client, r.opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(502);
    expect(r.sleeps).toHaveLength(2);
    expect(api.state.requests).toHaveLength(3);
    const text = `${String(err)} ${JSON.stringify(err)} ${(err as GitHubApiError).fix ?? ''}`;
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('never posted body');
  });

  it('honours retry-after on a secondary rate limit', async () => {
    await upsertStickyComment(client, run('v1').opts);
    const before = api.state.requests.length;
    api.set({ secondaryRateLimit: 1 });
    const r = run('v2', { author: 'github-actions[bot]' });
    const res = await upsertStickyComment(client, r.opts);
    expect(res.action).toBe('updated');
    expect(r.sleeps).toEqual([1000]); // retry-after: 1
    expect(r.infos.some((m) => m.includes('rate limit'))).toBe(true);
    const second = api.state.requests.slice(before).map((q) => `${q.method} ${q.status}`);
    expect(second).toEqual(['GET 403', 'GET 200', 'PATCH 200']);
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
  });

  it('an API nobody answers on (a real closed port) is exit 3 "cannot reach", after bounded retries', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = await createGitHubClient({ token: TOKEN, baseUrl: url });
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
    expect(e.message).toMatch(/ECONNREFUSED; tried 3 times over \d+\.\ds\)/);
    expect(e.message).not.toContain('500');
    expect(e.message).not.toContain(TOKEN);
  });

  it('callGitHub: a real HTTP 500 stays a GitHubApiError; connection errors retry as many times as stated', async () => {
    const sleeps: number[] = [];
    const opts = { baseUrl: 'http://x', sleep: async (ms: number) => void sleeps.push(ms) };
    const http500 = Object.assign(new Error('boom'), { status: 500, response: { headers: {}, data: {} } });
    await expect(callGitHub('op', () => Promise.reject(http500), opts)).rejects.toBeInstanceOf(
      GitHubApiError,
    );
    expect(sleeps).toEqual([]);
    let calls = 0;
    const refused = Object.assign(new Error('fetch failed'), { status: 500, cause: { code: 'ENOTFOUND' } });
    const err = await callGitHub('op', () => (calls++, Promise.reject(refused)), opts).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toContain('(op: ENOTFOUND; tried 3 times');
    expect(calls).toBe(CONNECT_RETRY_DELAYS_MS.length + 1);
    expect(sleeps).toEqual([...CONNECT_RETRY_DELAYS_MS]);
    expect(isConnectionError(http500)).toBe(false);
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
    ['500', apiError(500), true],
    ['502', apiError(502), true],
    ['secondary 403', apiError(403, { secondaryRateLimit: true }), true],
    ['429', apiError(429), true],
    ['primary, resets in 60 s', apiError(403, { rateLimited: true, retryAfter: 60 }), true],
    ['primary, resets in an hour', apiError(403, { rateLimited: true, retryAfter: 3600 }), false],
    ['plain 403', apiError(403), false],
    ['404', apiError(404), false],
    ['422', apiError(422), false],
    ['not an API error', new Error('x'), false],
  ])('isRetryable: %s -> %s', (_n, err, expected) => {
    expect(isRetryable(err)).toBe(expected);
  });

  it.each([
    ['exponential', apiError(502), 0, 0, 1000],
    ['exponential, 3rd', apiError(502), 2, 0, 4000],
    ['jitter adds up to a second', apiError(502), 1, 0.5, 2500],
    ['capped', apiError(502), 10, 0, 30_000],
    ['retry-after wins', apiError(403, { secondaryRateLimit: true, retryAfter: 5 }), 3, 0, 5000],
    [
      'secondary without retry-after waits a minute',
      apiError(403, { secondaryRateLimit: true }),
      0,
      0,
      60_000,
    ],
  ])('retryDelayMs: %s', (_n, err, attempt, rnd, ms) => {
    expect(retryDelayMs(err as GitHubApiError, attempt, () => rnd)).toBe(ms);
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
