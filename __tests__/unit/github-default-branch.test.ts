// A scheduled run is a run of the default branch. GitHub's schedule payload is only
// {"schedule": "<cron>"} (no repository, so no default_branch), and GitHub runs every scheduled
// workflow on the default branch: nightly rebuilds once got no `latest`/`<variant>` tags and saved
// no baseline, though the reusable workflow's attest job and docs/report.md count them as such.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultBranchOf, parseGitHubEvent } from '../../src/github/event.js';
import { gitContextFromGitHubEnv } from '../../src/plan/git-context.js';
import { computeTags } from '../../src/plan/tags.js';
import { githubReportContext } from '../../src/report/github-env.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-default-branch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

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
    const git = gitContextFromGitHubEnv(env)!;
    expect(git.isDefaultBranch).toBe(onDefault);
    const tags = computeTags({ repository: 'ghcr.io/o/r', variant: 'cpu', primary: true, git });
    expect(tags).toContain('ghcr.io/o/r:sha-abcdef0-cpu');
    expect(tags.includes('ghcr.io/o/r:cpu')).toBe(onDefault);
    expect(tags.includes('ghcr.io/o/r:latest')).toBe(onDefault);

    // The report: a run of the default branch saves its records as that branch's baseline.
    const report = githubReportContext(env, undefined);
    expect(report.saveAs).toEqual(onDefault ? { branch, sha: SHA } : undefined);
    expect(report.target?.defaultBranch).toBe(branch ?? null);
    if (branch !== undefined) expect(report.baseBranch).toBe(branch);
  });
});
