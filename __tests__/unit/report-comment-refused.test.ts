// The sticky comment when GitHub's answer is not the happy one, against the fake GitHub API (every
// request checked against GitHub's OpenAPI description): our comment deleted between the listing and
// its update (a person, a concurrent job's cleanup) is posted anew, not a failed report; and a 403
// fails `ml-image report --pr` (exit 3, a CLI fix, the reports written) where the action and the
// poster only warn (a fork's read-only token must not fail the job).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createGitHubClient, GitHubApiError, type GitHubClient } from '../../src/github/client.js';
import { upsertStickyComment, type UpsertStickyOptions } from '../../src/report/sticky.js';
import { openResultDir, RUN_REPORT_FILE } from '../../src/results/results.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { type GitHubApi, startGitHubApi } from '../helpers/github-api.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';

const TOKEN = 'ghs_NotARealTokenButSecret0123456789';
const OWNER = 'acme';
const REPO = 'vision';
const PR = 7;
const MARKER = '<!-- ml-image-report:acme/vision -->';

let api: GitHubApi;
let dir: string;
beforeEach(async () => {
  api = await startGitHubApi();
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-comment-refused-'));
});
afterEach(async () => {
  try {
    expect(api.state.violations).toEqual([]);
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const fastClient = (): Promise<GitHubClient> =>
  createGitHubClient({ token: TOKEN, baseUrl: api.url, retry: { msPerSecond: 1, paceWrites: false } });

function options(
  body: string,
  logs: string[],
  extra: Partial<UpsertStickyOptions> = {},
): UpsertStickyOptions {
  return {
    owner: OWNER,
    repo: REPO,
    issueNumber: PR,
    marker: MARKER,
    render: () => `${MARKER}\n${body}`,
    log: { info: (m) => logs.push(m), warning: (m) => logs.push(`warning: ${m}`) },
    ...extra,
  };
}

/** A client whose listing is followed by the deletion of these comments (someone else's DELETE). */
function deletingAfterList(client: GitHubClient, ids: () => number[]): GitHubClient {
  let listed = 0;
  return {
    ...client,
    listIssueComments: async (p) => {
      const r = await client.listIssueComments(p);
      if (listed++ === 0)
        for (const commentId of ids())
          await client.deleteIssueComment({ owner: OWNER, repo: REPO, commentId });
      return r;
    },
  };
}

const ours = () => api.commentsOn(OWNER, REPO, PR).filter((c) => c.body.startsWith(`${MARKER}\n`));

describe('our comment deleted between the listing and its update', () => {
  it('is created anew (PATCH 404 -> POST), one comment with the new body', async () => {
    const [old] = api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold`, login: 'github-actions[bot]' },
    ]);
    const logs: string[] = [];
    const client = deletingAfterList(await fastClient(), () => [old!.id]);
    const r = await upsertStickyComment(client, options('new body', logs));
    expect(r.action).toBe('created');
    expect(r.commentId).not.toBe(old!.id);
    expect(ours().map((c) => [c.id, c.body])).toEqual([[r.commentId, `${MARKER}\nnew body`]]);
    const asked = api.state.requests.map((q) => `${q.method} ${q.status}`);
    expect(asked).toContain('PATCH 404');
    expect(asked.filter((a) => a.startsWith('POST'))).toEqual(['POST 201']);
    expect(logs.join('\n')).toContain(`pull-request comment ${old!.id} was deleted meanwhile`);
  });

  it('with a duplicate of ours left: one comment remains, with the new body', async () => {
    const seeded = api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold`, login: 'github-actions[bot]' },
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\ndupe`, login: 'github-actions[bot]' },
    ]);
    const client = deletingAfterList(await fastClient(), () => [seeded[0]!.id]);
    const r = await upsertStickyComment(client, options('new body', []));
    expect(ours().map((c) => [c.id, c.body])).toEqual([[r.commentId, `${MARKER}\nnew body`]]);
  });

  it('a 404 again on the create is not swallowed (the pull request is gone)', async () => {
    const [old] = api.seed([
      { owner: OWNER, repo: REPO, issueNumber: PR, body: `${MARKER}\nold`, login: 'github-actions[bot]' },
    ]);
    const client = deletingAfterList(await fastClient(), () => [old!.id]);
    const gone: GitHubClient = {
      ...client,
      createIssueComment: () =>
        Promise.reject(new GitHubApiError('gone', 404, { operation: 'create issue comment' })),
    };
    await expect(upsertStickyComment(gone, options('new body', []))).rejects.toMatchObject({ status: 404 });
  });
});

describe("a concurrent job's comment, older than ours, deleted before we settle on it", () => {
  it.each([
    ['gives way to ours (PATCH 404, no failure)', false, 'theirs'],
    // Its body is ours already (the same report): the PATCH is still sent, and its 404 tells.
    ['with our very body, gives way to ours all the same', false, 'new body'],
    // The job that kept the older one deleted ours, then the older one went too (a person).
    ['ours deleted too: posted once more, never a pull request left without the comment', true, 'theirs'],
  ])('%s: one comment remains, with the new body', async (_, oursGoneToo, theirBody) => {
    const plain = await fastClient();
    let listed = 0;
    let theirs: number | undefined;
    const client: GitHubClient = {
      ...plain,
      listIssueComments: async (p) => {
        const r = await plain.listIssueComments(p);
        listed++;
        // Between our listing and our create, a concurrent job creates its comment; after the
        // listing that settles, it is deleted (its own cleanup, a person).
        if (listed === 1)
          theirs = api.seed([
            {
              owner: OWNER,
              repo: REPO,
              issueNumber: PR,
              body: `${MARKER}\n${theirBody}`,
              login: 'github-actions[bot]',
            },
          ])[0]!.id;
        if (listed === 2)
          for (const c of ours().filter((x) => x.id === theirs || oursGoneToo))
            await plain.deleteIssueComment({ owner: OWNER, repo: REPO, commentId: c.id });
        return r;
      },
    };
    const logs: string[] = [];
    const r = await upsertStickyComment(client, options('new body', logs));
    // The third listing checks that ours is still there.
    expect(listed).toBe(3);
    expect(r.action).toBe('created');
    expect(ours().map((c) => [c.id, c.body])).toEqual([[r.commentId, `${MARKER}\nnew body`]]);
    const asked = api.state.requests.map((q) => `${q.method} ${q.status}`);
    expect(asked).toContain('PATCH 404');
    expect(asked.filter((a) => a.startsWith('POST'))).toEqual(
      oursGoneToo ? ['POST 201', 'POST 201'] : ['POST 201'],
    );
    expect(logs.join('\n')).toContain(`pull-request comment ${theirs} was deleted meanwhile`);
    if (oursGoneToo) expect(logs.join('\n')).toContain('was deleted meanwhile too: creating it once more');
  });
});

describe('a 403 on the comment', () => {
  it("warns and resolves 'forbidden' by default (the action, the poster)", async () => {
    api.set({ forbidWrites: true });
    const logs: string[] = [];
    const r = await upsertStickyComment(await fastClient(), options('body', logs));
    expect(r.action).toBe('forbidden');
    expect(logs.join('\n')).toMatch(/warning: Skipped the pull-request comment: GitHub answered 403/);
  });

  it("throws the GitHubApiError with forbidden: 'fail' (the CLI), and warns nothing", async () => {
    api.set({ forbidWrites: true });
    const logs: string[] = [];
    const p = upsertStickyComment(await fastClient(), options('body', logs, { forbidden: 'fail' }));
    await expect(p).rejects.toMatchObject({ name: expect.any(String), status: 403 });
    await expect(p).rejects.toBeInstanceOf(GitHubApiError);
    expect(logs.filter((l) => l.startsWith('warning:'))).toEqual([]);
  });
});

describe('ml-image report --pr N --repo R with a token that may not comment (403)', () => {
  function setUp(): string[] {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: acme/vision}\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
    );
    const res = openResultDir(path.join(dir, 'res'));
    res.writeEnv('cpu', 'linux/amd64', makeRecord({ variant: 'cpu' }));
    res.writeSmoke('cpu', 'linux/amd64', makeSmoke([{ id: 'import', status: 'pass' }]));
    api.set({ forbidWrites: true });
    return ['report', '--results', 'res', '--out', 'out', '--pr', String(PR), '--repo', `${OWNER}/${REPO}`];
  }
  const env = () => ({
    GITHUB_ACTIONS: 'true',
    GITHUB_SHA: 'c'.repeat(40),
    ML_IMAGE_CACHE_DIR: path.join(dir, 'cache'),
    GITHUB_TOKEN: TOKEN,
  });

  it.each([[[]], [['--json']]])(
    'exit 3 with the CLI fix, the reports written to --out (%j)',
    async (extra) => {
      const io = captureIo(dir, fakeDocker(), env());
      const rc = await runCli([...setUp(), '--api-url', api.url, ...extra], io);
      expect(rc, io.err()).toBe(3);
      const said = `${io.out()}\n${io.err()}`;
      expect(said).toMatch(/report: GitHub refused the comment on acme\/vision#7: .*403/);
      expect(said).toContain('export GITHUB_TOKEN as a token with write access to acme/vision');
      // Not the action's words: no job summary, no workflow permissions.
      expect(said).not.toMatch(/job summary|permissions: pull-requests/);
      expect(said).not.toContain(TOKEN);
      expect(readFileSync(path.join(dir, 'out', RUN_REPORT_FILE), 'utf8')).toContain(MARKER.slice(0, 20));
      expect(api.state.requests.filter((q) => q.method === 'POST').map((q) => q.status)).toEqual([403]);
    },
  );

  it.each([[[]], [['--comment-mode', 'auto']]])(
    "401 (a token GitHub does not know): exit 3 with the CLI's fix, not the action's input (%j)",
    async (extra) => {
      const args = setUp();
      api.set({ forbidWrites: false, badCredentials: true });
      const io = captureIo(dir, fakeDocker(), env());
      const rc = await runCli([...args, '--api-url', api.url, ...extra], io);
      expect(rc, io.err()).toBe(3);
      const said = io.err();
      expect(said).toMatch(/report: GitHub did not accept GITHUB_TOKEN for acme\/vision#7: .*401/);
      expect(said).toContain('export GITHUB_TOKEN as a token GitHub knows');
      expect(said).not.toMatch(/github-token input|permissions: pull-requests/);
      expect(said).not.toContain(TOKEN);
      expect(readFileSync(path.join(dir, 'out', RUN_REPORT_FILE), 'utf8')).toContain(MARKER.slice(0, 20));
      expect(existsSync(path.join(dir, 'out', 'comment'))).toBe(false);
      expect(api.state.requests.filter((q) => q.method === 'POST')).toEqual([]);
    },
  );

  it("an /ok-to-test (issue_comment) run's artifact names GITHUB_SHA, which the poster checks, not the checkout", async () => {
    // The tags name the checkout's commit (a pull request's head); the comment's commit stays the
    // one a workflow_run poster compares with its triggering run's head_sha (GITHUB_SHA).
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' }, issue: { number: PR } }));
    const io = captureIo(dir, fakeDocker(), {
      ...env(),
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    });
    io.git = {
      run: async () => ({ exitCode: 0, stdout: `/w\n${'d'.repeat(40)}\n`, stderr: '' }),
    } as never;
    const rc = await runCli([...setUp(), '--api-url', api.url, '--comment-mode', 'auto'], io);
    expect(rc, io.err()).toBe(0);
    const artifact = JSON.parse(
      readFileSync(path.join(dir, 'out', 'comment', 'ml-image-comment.json'), 'utf8'),
    );
    expect(artifact.headSha).toBe('c'.repeat(40));
  });

  it('--comment-mode auto: the fork-safe artifact instead, exit 0', async () => {
    const io = captureIo(dir, fakeDocker(), env());
    const rc = await runCli([...setUp(), '--api-url', api.url, '--comment-mode', 'auto'], io);
    expect(rc, io.err()).toBe(0);
    expect(io.err()).toContain('writing the fork-safe artifact');
    expect(existsSync(path.join(dir, 'out', 'comment'))).toBe(true);
  });
});
