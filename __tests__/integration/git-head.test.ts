// checkoutHead (src/docker/git-head.ts) with the real git: the commit the checkout holds, read in
// the config's folder, which is the pull request's code on an /ok-to-test or workflow_run run. A
// pull request that commits a bare repository's layout beside its config (HEAD, objects/, refs/)
// made git read HEAD from it: the run's sha- tag then named any commit the pull request chose,
// such as the default branch's (finding of a review). Integration: it runs git.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutHead } from '../../src/docker/git-head.js';
import { ActionsExecRunner } from '../../src/docker/exec-runner.js';

let repo: string;
let head: string;
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
const CHOSEN = 'a9993e364706816aba3e25717850c26c9cd0d89d';

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'ml-image-git-head-'));
  git('init', '-q', '-b', 'main');
  mkdirSync(path.join(repo, 'models', 'objects'), { recursive: true });
  mkdirSync(path.join(repo, 'models', 'refs'), { recursive: true });
  // What the pull request commits beside models/ml-image.yml: a bare repository whose HEAD it chose.
  writeFileSync(path.join(repo, 'models', 'HEAD'), `${CHOSEN}\n`);
  writeFileSync(path.join(repo, 'models', 'objects', '.keep'), '');
  writeFileSync(path.join(repo, 'models', 'refs', '.keep'), '');
  writeFileSync(path.join(repo, 'models', 'ml-image.yml'), 'image: {name: acme/model}\n');
  // The same with a `config` that names a work tree: a git before 2.38 (no safe.bareRepository,
  // Ubuntu 22.04's 2.34) then answers --show-toplevel and reads the planted HEAD.
  mkdirSync(path.join(repo, 'planted', 'objects'), { recursive: true });
  mkdirSync(path.join(repo, 'planted', 'refs'), { recursive: true });
  writeFileSync(path.join(repo, 'planted', 'HEAD'), `${CHOSEN}\n`);
  writeFileSync(path.join(repo, 'planted', 'objects', '.keep'), '');
  writeFileSync(path.join(repo, 'planted', 'refs', '.keep'), '');
  writeFileSync(
    path.join(repo, 'planted', 'config'),
    '[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = ..\n',
  );
  writeFileSync(path.join(repo, 'planted', 'ml-image.yml'), 'image: {name: acme/model}\n');
  writeFileSync(path.join(repo, 'README'), 'x\n');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '-m', 'pr');
  head = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('checkoutHead', () => {
  const exec = new ActionsExecRunner();

  it("reads the checkout's commit at its root and in a plain subfolder", async () => {
    mkdirSync(path.join(repo, 'docs'), { recursive: true });
    expect(await checkoutHead(exec, repo)).toBe(head);
    expect(await checkoutHead(exec, path.join(repo, 'docs'))).toBe(head);
  });

  it("never takes a bare repository's HEAD that the checked-out code planted in the config's folder", async () => {
    expect(await checkoutHead(exec, path.join(repo, 'models'))).not.toBe(CHOSEN);
  });

  // A git before 2.38 ignores safe.bareRepository: emulated by passing the value it acts by (all).
  const oldGit = {
    run: (command: string, args: readonly string[], opts?: object) =>
      exec.run(
        command,
        args.map((a) => (a === 'safe.bareRepository=explicit' ? 'safe.bareRepository=all' : a)),
        opts as never,
      ),
  } as never;

  it('a git before 2.38: a planted layout whose config names a work tree gives no HEAD (its repository is no .git)', async () => {
    const args: string[] = [];
    const seen = {
      run: (command: string, a: readonly string[], opts?: object): Promise<unknown> => {
        args.push(...a);
        return (oldGit as { run: (c: string, a: readonly string[], o?: object) => Promise<unknown> }).run(
          command,
          a,
          opts,
        );
      },
    };
    // What such a git does without the check: the planted HEAD, taken as the checkout's commit.
    expect(git('-C', 'planted', '-c', 'safe.bareRepository=all', 'rev-parse', 'HEAD')).toBe(CHOSEN);
    expect(await checkoutHead(seen as never, path.join(repo, 'planted'))).toBeUndefined();
    expect(args).toContain('--absolute-git-dir');
    expect(await checkoutHead(oldGit, path.join(repo, 'docs'))).toBe(head);
  });

  // A review's finding: requiring a .git folder in the repository's path refused these two, and a
  // schedule run then took GITHUB_SHA (the default branch's) for what it built.
  it('a worktree of a bare mirror, and a --separate-git-dir clone, are read', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'ml-image-git-layouts-'));
    try {
      const run = (cwd: string, ...args: string[]) =>
        execFileSync('git', args, {
          cwd,
          encoding: 'utf8',
          env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
        }).trim();
      run(base, 'clone', '-q', '--bare', repo, 'mirror.git');
      run(path.join(base, 'mirror.git'), 'worktree', 'add', '-q', '--detach', path.join(base, 'wt'), head);
      expect(await checkoutHead(exec, path.join(base, 'wt'))).toBe(head);
      mkdirSync(path.join(base, 'gitdirs'));
      run(base, 'clone', '-q', '--separate-git-dir', path.join(base, 'gitdirs', 'sep'), repo, 'sep');
      expect(await checkoutHead(exec, path.join(base, 'sep'))).toBe(head);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('a linked worktree (its repository inside .git/worktrees) is still read', async () => {
    const tree = `${repo}-wt`;
    git('worktree', 'add', '-q', '--detach', tree);
    try {
      expect(await checkoutHead(exec, tree)).toBe(head);
    } finally {
      git('worktree', 'remove', '--force', tree);
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('outside any repository: undefined', async () => {
    const none = mkdtempSync(path.join(tmpdir(), 'ml-image-no-git-'));
    try {
      expect(await checkoutHead(exec, none)).toBeUndefined();
    } finally {
      rmSync(none, { recursive: true, force: true });
    }
  });
});
