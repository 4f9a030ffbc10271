import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import {
  gitContextFromCheckout,
  gitContextFromGitHubEnv as fromEnvAndEvent,
} from '../../src/plan/git-context.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-git-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const event = (data: unknown) => {
  const f = path.join(dir, 'event.json');
  writeFileSync(f, JSON.stringify(data));
  return f;
};
/** The git context of ENV with the event its GITHUB_EVENT_PATH names, read as the entry points read it. */
const gitContextFromGitHubEnv = (env: Record<string, string | undefined>) =>
  fromEnvAndEvent(env, readGitHubEventFile(env.GITHUB_EVENT_PATH));
const base = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r' };

describe('git context from GitHub', () => {
  it('is absent outside GitHub Actions', () => {
    expect(gitContextFromGitHubEnv({})).toBeUndefined();
  });

  it('push to the default branch', () => {
    const ctx = gitContextFromGitHubEnv({
      ...base,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SHA: 'abc',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_PATH: event({ repository: { default_branch: 'main' } }),
    });
    expect(ctx).toEqual({
      sha: 'abc',
      ref: 'refs/heads/main',
      isDefaultBranch: true,
      repositoryUrl: 'https://github.com/o/r',
    });
  });

  it('pull request: the head commit, the PR number, not the default branch', () => {
    const ctx = gitContextFromGitHubEnv({
      ...base,
      GITHUB_SHA: 'merge-commit',
      GITHUB_REF: 'refs/pull/42/merge',
      GITHUB_EVENT_PATH: event({
        pull_request: { number: 42, head: { sha: 'head-commit' } },
        repository: { default_branch: 'main' },
      }),
    });
    expect(ctx).toMatchObject({ sha: 'head-commit', prNumber: 42, isDefaultBranch: false });
  });

  it.each([
    ['a date: the commit time', '2026-01-02T03:04:05+01:00', '2026-01-02T02:04:05.000Z'],
    ['not a date: left out, as when absent', 'not a date', undefined],
    ['empty: left out', '', undefined],
  ])('head_commit.timestamp, %s', (_name, timestamp, want) => {
    const ctx = gitContextFromGitHubEnv({
      ...base,
      GITHUB_EVENT_PATH: event({ head_commit: { timestamp } }),
    });
    expect(ctx?.commitTime).toBe(want);
  });

  it('an unreadable event file is not fatal', () => {
    expect(
      gitContextFromGitHubEnv({ ...base, GITHUB_EVENT_PATH: path.join(dir, 'missing.json') })
        ?.isDefaultBranch,
    ).toBe(false);
  });
});

describe('git context from a local checkout', () => {
  const SAFE = ['-c', 'safe.bareRepository=explicit'];
  /** git answering ANSWERS, each read only with a bare repository refused; ASKED collects them. */
  const git = (answers: Record<string, string | undefined>, asked: string[][] = []): CommandRunner => ({
    run: async (_cmd, args) => {
      asked.push([...args]);
      const safe = args[0] === SAFE[0] && args[1] === SAFE[1];
      const out = safe ? answers[args.slice(2).join(' ')] : undefined;
      return out === undefined
        ? { exitCode: 128, stdout: '', stderr: 'fatal' }
        : { exitCode: 0, stdout: `${out}\n`, stderr: '' };
    },
  });
  /** The context of a checkout whose HEAD (as checkoutHead reads it) is ANSWERS' 'rev-parse HEAD'. */
  const fromCheckout = (answers: Record<string, string | undefined>, asked?: string[][]) =>
    gitContextFromCheckout(git(answers, asked), dir, async () => answers['rev-parse HEAD']);

  it('reads sha, tag and origin, and drops credentials from the URL', async () => {
    const ctx = await fromCheckout({
      'rev-parse HEAD': 'deadbeef',
      'show -s --format=%cI HEAD': '2026-11-20T09:30:00+01:00',
      'describe --tags --exact-match HEAD': 'v1.2.3',
      'remote get-url origin': 'https://x-access-token:ghs_secret@github.com/o/r.git',
    });
    expect(ctx).toEqual({
      sha: 'deadbeef',
      commitTime: '2026-11-20T08:30:00.000Z',
      ref: 'refs/tags/v1.2.3',
      repositoryUrl: 'https://github.com/o/r',
    });
  });

  it.each([
    ['a password holding a raw @', 'https://build:p@ss@w0rd@git.corp/o/r.git', 'https://git.corp/o/r'],
    ['a token as the user name', 'https://ghp_tok@github.com/o/r', 'https://github.com/o/r'],
    ['an @ in the path only', 'https://git.corp/o/r@2', 'https://git.corp/o/r@2'],
  ])('the origin URL keeps no credentials: %s', async (_what, remote, url) => {
    const ctx = await fromCheckout({ 'rev-parse HEAD': 'a', 'remote get-url origin': remote });
    expect(ctx.repositoryUrl).toBe(url);
  });

  it('turns an ssh remote into an https URL', async () => {
    const ctx = await fromCheckout({
      'rev-parse HEAD': 'a',
      'symbolic-ref --short HEAD': 'feat',
      'remote get-url origin': 'git@github.com:o/r.git',
    });
    expect(ctx).toEqual({ sha: 'a', ref: 'refs/heads/feat', repositoryUrl: 'https://github.com/o/r' });
  });

  it('a commit time git does not give as a date (a git without %cI) is left out', async () => {
    const ctx = await fromCheckout({ 'rev-parse HEAD': 'a', 'show -s --format=%cI HEAD': '%cI' });
    expect(ctx).toEqual({ sha: 'a' });
  });

  it('outside a repository: empty', async () => {
    expect(await fromCheckout({})).toEqual({});
  });

  it('reads HEAD as checkoutHead does, and every other read refuses a bare repository', async () => {
    const asked: string[][] = [];
    const ctx = await fromCheckout(
      {
        'rev-parse HEAD': 'a',
        'symbolic-ref --short HEAD': 'main',
        'remote get-url origin': 'https://x/o/r',
      },
      asked,
    );
    expect(ctx).toEqual({ sha: 'a', ref: 'refs/heads/main', repositoryUrl: 'https://x/o/r' });
    expect(asked.map((a) => a.slice(0, 2))).toEqual(asked.map(() => SAFE));
    expect(asked.map((a) => a.slice(2).join(' '))).not.toContain('rev-parse HEAD');
  });

  it('no HEAD where checkoutHead refuses the repository (a planted bare layout): empty, nothing read', async () => {
    const asked: string[][] = [];
    const ctx = await gitContextFromCheckout(
      git({ 'describe --tags --exact-match HEAD': 'v9' }, asked),
      dir,
      async () => undefined,
    );
    expect(ctx).toEqual({});
    expect(asked).toEqual([]);
  });
});
