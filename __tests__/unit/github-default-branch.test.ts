// A scheduled run is a run of the default branch. GitHub's schedule payload is only
// {"schedule": "<cron>"} (no repository, so no default_branch), and GitHub runs every scheduled
// workflow on the default branch: nightly rebuilds once got no `latest`/`<variant>` tags and saved
// no baseline, though the reusable workflow's attest job and docs/report.md count them as such.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBranchOf, parseGitHubEvent, readGitHubEventFile } from '../../src/github/event.js';
import { checkedOutCommit, gitContextFromGitHubEnv } from '../../src/plan/git-context.js';
import { computeTags } from '../../src/plan/tags.js';
import { githubReportContext } from '../../src/report/github-env.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-default-branch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The payload at ENV's GITHUB_EVENT_PATH, read as the entry points read it for the stages. */
const eventOf = (env: { GITHUB_EVENT_PATH?: string }) => readGitHubEventFile(env.GITHUB_EVENT_PATH);
const withEvent = <E extends Record<string, string | undefined>>(env: E) => [env, eventOf(env)] as const;

const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const PUSH = {
  repository: { full_name: 'o/r', default_branch: 'main' },
  head_commit: { timestamp: '2026-01-01T00:00:00Z' },
};
const SCHEDULE = { schedule: '0 3 * * *' };
const DISPATCH_NO_REPO = {};

// name, event name, payload, GITHUB_REF, the default branch, a run of it
const CASES: [string, string, unknown, string, string | undefined, boolean][] = [
  ['a push to the default branch', 'push', PUSH, 'refs/heads/main', 'main', true],
  ['a push to another branch', 'push', PUSH, 'refs/heads/feat', 'main', false],
  ['a schedule (its payload names no repository)', 'schedule', SCHEDULE, 'refs/heads/main', 'main', true],
  [
    'a schedule of a repository whose default branch is trunk',
    'schedule',
    SCHEDULE,
    'refs/heads/trunk',
    'trunk',
    true,
  ],
  ['a schedule without a branch ref', 'schedule', SCHEDULE, 'refs/tags/v1.0.0', undefined, false],
  [
    'another event without a repository: not known',
    'workflow_dispatch',
    DISPATCH_NO_REPO,
    'refs/heads/main',
    undefined,
    false,
  ],
];

describe('the default branch of a run', () => {
  it.each(CASES)('%s', (_, eventName, payload, ref, branch, onDefault) => {
    const file = path.join(dir, 'event.json');
    writeFileSync(file, JSON.stringify(payload));
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: file,
      GITHUB_REF: ref,
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '1',
    };
    expect(defaultBranchOf(env, parseGitHubEvent(payload))).toBe(branch);

    // The plan: a run of the default branch gets the variant's moving tag and `latest`.
    const git = gitContextFromGitHubEnv(env, eventOf(env))!;
    expect(git.isDefaultBranch).toBe(onDefault);
    const tags = computeTags({ repository: 'ghcr.io/o/r', variant: 'cpu', primary: true, git });
    expect(tags).toContain('ghcr.io/o/r:sha-abcdef0-cpu');
    expect(tags.includes('ghcr.io/o/r:cpu')).toBe(onDefault);
    expect(tags.includes('ghcr.io/o/r:latest')).toBe(onDefault);

    // The report: a run of the default branch saves its records as that branch's baseline.
    const report = githubReportContext(env, undefined, eventOf(env));
    expect(report.saveAs).toEqual(onDefault ? { branch, sha: SHA } : undefined);
    expect(report.target?.defaultBranch).toBe(branch ?? null);
    if (branch !== undefined) expect(report.baseBranch).toBe(branch);
  });
});

/** The Actions environment of an event EVENT_NAME with PAYLOAD on GITHUB_REF REF. */
function runnerEnv(eventName: string, payload: unknown, ref = 'refs/heads/main') {
  const file = path.join(dir, `${eventName}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: file,
    GITHUB_REF: ref,
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'o/r',
  };
}
const releaseTags = (git: ReturnType<typeof gitContextFromGitHubEnv>) =>
  computeTags({ repository: 'ghcr.io/o/r', variant: 'cpu', primary: true, version: '1.4.0', git: git! }).map(
    (t) => t.slice(t.lastIndexOf(':') + 1),
  );

// A scheduled workflow that checks out another branch (a nightly rebuild of release/1.x) runs with
// the default branch's GITHUB_REF and GITHUB_SHA: what it built is the checkout's commit, which must
// not move `latest`, the version tag or the default branch's baseline.
describe('a schedule run that checked out another commit', () => {
  const OTHER = '0123456789abcdef0123456789abcdef01234567';
  it.each<[string, string | undefined, boolean]>([
    ['another commit', OTHER, false],
    ['the commit GITHUB_SHA names', SHA, true],
    ['not read (no git)', undefined, true],
  ])('%s', (_, checkedOut, onDefault) => {
    const env = runnerEnv('schedule', SCHEDULE);
    expect(defaultBranchOf(env, parseGitHubEvent(SCHEDULE), checkedOut)).toBe(onDefault ? 'main' : undefined);
    const git = gitContextFromGitHubEnv(env, eventOf(env), checkedOut)!;
    expect(git.isDefaultBranch).toBe(onDefault);
    expect(git.sha).toBe(checkedOut ?? SHA);
    const tags = releaseTags(git);
    expect(tags).toEqual(onDefault ? ['1.4.0-cpu', 'sha-abcdef0-cpu', 'cpu', 'latest'] : ['sha-0123456-cpu']);
    const report = githubReportContext(
      { ...env, GITHUB_SERVER_URL: 'https://github.com' },
      undefined,
      eventOf(env),
      checkedOut,
    );
    expect(report.saveAs).toEqual(onDefault ? { branch: 'main', sha: SHA } : undefined);
  });

  it('is read on a schedule run, and on a run that may build a pull request without its payload (one git process each)', async () => {
    let reads = 0;
    const head = async () => {
      reads++;
      return SHA;
    };
    expect(await checkedOutCommit(...withEvent(runnerEnv('schedule', SCHEDULE)), head)).toBe(SHA);
    expect(
      await checkedOutCommit(
        ...withEvent(runnerEnv('issue_comment', { ...PUSH, issue: { number: 5 } })),
        head,
      ),
    ).toBe(SHA);
    expect(await checkedOutCommit(...withEvent(runnerEnv('repository_dispatch', PUSH)), head)).toBe(SHA);
    expect(reads).toBe(3);
    expect(await checkedOutCommit(...withEvent(runnerEnv('push', PUSH)), head)).toBeUndefined();
    const pr = { ...runnerEnv('pull_request', { pull_request: { number: 5, head: { sha: SHA } } }) };
    expect(await checkedOutCommit(...withEvent({ ...pr, GITHUB_HEAD_REF: 'feature' }), head)).toBeUndefined();
    expect(await checkedOutCommit(...withEvent({ GITHUB_EVENT_NAME: 'schedule' }), head)).toBeUndefined(); // not a runner
    expect(reads).toBe(3);
  });
});

// Runs that may build a pull request's code have the default branch's GITHUB_REF (an issue_comment
// "/ok-to-test" run, a workflow_run after a pull request's run, a repository_dispatch): never the
// default branch's, so their image gets no `latest`, `<variant>` or version tag.
describe('a run that may build a pull request', () => {
  const AFTER = (event: string, head: string) => ({
    ...PUSH,
    workflow_run: { event, head_branch: 'main', head_sha: SHA, head_repository: { full_name: head } },
  });
  it("names the commit its checkout holds, never the default branch's GITHUB_SHA (finding: it pushed main's sha- tag)", () => {
    const PR_HEAD = '9876543210fedcba9876543210fedcba98765432';
    const env = runnerEnv('issue_comment', { ...PUSH, issue: { number: 5, pull_request: {} } });
    const git = gitContextFromGitHubEnv(env, eventOf(env), PR_HEAD)!;
    expect(git.sha).toBe(PR_HEAD);
    expect(releaseTags(git)).toEqual(['sha-9876543-cpu']);
    // The report's commit stays GITHUB_SHA (a workflow_run poster checks its artifact against it).
    const report = githubReportContext(
      { ...env, GITHUB_SERVER_URL: 'https://github.com' },
      undefined,
      eventOf(env),
      PR_HEAD,
    );
    expect(report.target?.headSha).toBe(SHA);
  });

  it.each<[string, string, unknown, boolean]>([
    ['an issue_comment run', 'issue_comment', { ...PUSH, issue: { number: 5, pull_request: {} } }, false],
    ['a repository_dispatch run', 'repository_dispatch', PUSH, false],
    ["a workflow_run after a pull request's run", 'workflow_run', AFTER('pull_request', 'o/r'), false],
    ["a workflow_run after a fork's push", 'workflow_run', AFTER('push', 'fork/r'), false],
    ['a workflow_run after a push of this repository', 'workflow_run', AFTER('push', 'o/r'), true],
    [
      'a workflow_run after a push of this repository to another branch',
      'workflow_run',
      {
        ...PUSH,
        workflow_run: {
          event: 'push',
          head_branch: 'feature-x',
          head_sha: SHA,
          head_repository: { full_name: 'o/r' },
        },
      },
      false,
    ],
    ['a push (control)', 'push', PUSH, true],
  ])('%s: the default branch %s', (_, eventName, payload, onDefault) => {
    // The checkout holds GITHUB_SHA here (checkedOutCommit reads it for the untrusted ones).
    const env = runnerEnv(eventName, payload);
    const git = gitContextFromGitHubEnv(env, eventOf(env), onDefault ? undefined : SHA)!;
    expect(git.isDefaultBranch).toBe(onDefault);
    expect(releaseTags(git)).toEqual(
      onDefault ? ['1.4.0-cpu', 'sha-abcdef0-cpu', 'cpu', 'latest'] : ['sha-abcdef0-cpu'],
    );
  });

  it("Dependabot's push whose checkout is not read: GITHUB_SHA, what a push builds (finding)", async () => {
    const env = {
      ...runnerEnv('push', PUSH, 'refs/heads/dependabot/pip/numpy-2.1.0'),
      GITHUB_ACTOR: 'dependabot[bot]',
    };
    expect(await checkedOutCommit(...withEvent(env), async () => 'f'.repeat(40))).toBeUndefined();
    expect(gitContextFromGitHubEnv(env, eventOf(env))!.sha).toBe(SHA);
  });

  it.each<[string, string, string]>([
    ["Dependabot's", 'dependabot[bot]', 'dependabot/pip/torch-2'],
    ["a person's", 'alice', 'feature/x'],
    ["a person's (to a Dependabot branch)", 'alice', 'dependabot/pip/torch-2'],
  ])(
    "a workflow_run after %s push to a branch names that branch's commit, its checkout (finding)",
    async (_n, actor, branch) => {
      const BRANCH_HEAD = 'b'.repeat(40);
      const payload = {
        ...PUSH,
        workflow_run: {
          event: 'push',
          head_branch: branch,
          head_sha: BRANCH_HEAD,
          head_repository: { full_name: 'o/r' },
        },
      };
      const env = { ...runnerEnv('workflow_run', payload), GITHUB_ACTOR: actor };
      const read = await checkedOutCommit(...withEvent(env), async () => BRANCH_HEAD);
      expect(read).toBe(BRANCH_HEAD);
      expect(gitContextFromGitHubEnv(env, eventOf(env), read)!.sha).toBe(BRANCH_HEAD);
      // A trusted one whose checkout cannot be read keeps GITHUB_SHA, as before; after a push to a
      // Dependabot branch (untrusted, whoever pushed) it gets no sha.
      if (actor === 'alice')
        expect(gitContextFromGitHubEnv(env, eventOf(env))!.sha).toBe(
          branch.startsWith('dependabot') ? undefined : SHA,
        );
    },
  );

  it("its checkout not read (no git, a bare repository refused): no sha- tag, never GITHUB_SHA's (finding)", () => {
    const env = runnerEnv('issue_comment', { ...PUSH, issue: { number: 5 } });
    const git = gitContextFromGitHubEnv(env, eventOf(env))!;
    expect(git.sha).toBeUndefined();
    expect(releaseTags(git)).toEqual(['dev-cpu']);
  });
});
