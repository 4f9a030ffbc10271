// Git's credentials never ride into the image with the build context: the whole `.git` stays out of
// a built-in template's build, and a user's Dockerfile builds without the config files (the
// repository's and each submodule's), where a remote URL's login and actions/checkout's persisted
// token are written.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dockerfileKeepingOut } from '../../src/build/context-ignore.js';
import { contextKeepOut, gitKeepOut, keepOutPatterns } from '../../src/build/git-keep-out.js';

let dir: string;
let ctx: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-git-keep-out-'));
  ctx = path.join(dir, 'repo');
  mkdirSync(ctx);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A git directory at GITDIR: HEAD, and a config unless CONFIG is false. */
function gitDir(gitdir: string, config = true) {
  mkdirSync(path.join(gitdir, 'refs'), { recursive: true });
  writeFileSync(path.join(gitdir, 'HEAD'), 'ref: refs/heads/main\n');
  if (config)
    writeFileSync(path.join(gitdir, 'config'), '[remote "origin"]\n\turl = https://x:TOKEN@host/r.git\n');
}

const rel = (paths: string[]) => paths.map((p) => path.relative(ctx, p)).sort();

describe('gitKeepOut', () => {
  it('a template build: the whole .git', () => {
    gitDir(path.join(ctx, '.git'));
    expect(gitKeepOut(ctx, true)).toEqual([path.join(ctx, '.git')]);
  });

  it("a user's Dockerfile: the repository's config and every submodule's, however named and nested", () => {
    gitDir(path.join(ctx, '.git'));
    gitDir(path.join(ctx, '.git', 'modules', 'vendor'));
    // A submodule named "third_party/lib" (names keep their "/"), with a submodule of its own.
    gitDir(path.join(ctx, '.git', 'modules', 'third_party', 'lib'));
    gitDir(path.join(ctx, '.git', 'modules', 'third_party', 'lib', 'modules', 'inner'));
    // A git directory without a config: nothing to keep out there, its own modules still looked at.
    gitDir(path.join(ctx, '.git', 'modules', 'bare'), false);
    gitDir(path.join(ctx, '.git', 'modules', 'bare', 'modules', 'deep'));
    expect(rel(gitKeepOut(ctx, false))).toEqual(
      [
        '.git/config',
        '.git/modules/bare/modules/deep/config',
        '.git/modules/third_party/lib/config',
        '.git/modules/third_party/lib/modules/inner/config',
        '.git/modules/vendor/config',
      ].sort(),
    );
  });

  it.each<[string, () => void]>([
    ['no .git', () => undefined],
    [
      'a worktree or submodule checkout: .git is a file naming a git directory elsewhere',
      () => writeFileSync(path.join(ctx, '.git'), 'gitdir: ../x/.git\n'),
    ],
    [
      '.git is a link (BuildKit copies the link, not what it points at)',
      () => {
        gitDir(path.join(dir, 'elsewhere'));
        symlinkSync(path.join(dir, 'elsewhere'), path.join(ctx, '.git'));
      },
    ],
  ])('%s: nothing', (_, make) => {
    make();
    expect(gitKeepOut(ctx, true)).toEqual([]);
    expect(gitKeepOut(ctx, false)).toEqual([]);
  });

  it("a module's config that is a link is kept out as it is (never followed)", () => {
    gitDir(path.join(ctx, '.git'));
    gitDir(path.join(ctx, '.git', 'modules', 'm'), false);
    symlinkSync(path.join(dir, 'nowhere'), path.join(ctx, '.git', 'modules', 'm', 'config'));
    expect(rel(gitKeepOut(ctx, false))).toEqual(['.git/config', '.git/modules/m/config']);
  });

  it("the build's ignore file carries them, anchored at the context's root", () => {
    gitDir(path.join(ctx, '.git'));
    gitDir(path.join(ctx, '.git', 'modules', 'sub'));
    writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY . /app\n');
    const work = path.join(dir, 'work');
    mkdirSync(work);
    const r = dockerfileKeepingOut(path.join(ctx, 'Dockerfile'), ctx, gitKeepOut(ctx, false), work, 'cpu');
    expect(r.keptOut.sort()).toEqual(['.git/config', '.git/modules/sub/config']);
    const ignore = readFileSync(`${r.dockerfile}.dockerignore`, 'utf8').split('\n');
    expect(ignore).toContain('/.git/config');
    expect(ignore).toContain('/.git/modules/sub/config');
  });

  it("nested clones: patterns, written after the context's own rules so that a re-include cannot undo them", () => {
    // Files that hold secrets by convention (a .env a workflow step wrote), at any depth, for both.
    const secretFiles = [
      '**/.env',
      '**/.env.*',
      '**/.envrc',
      '**/.netrc',
      '**/.pypirc',
      '**/.git-credentials',
    ];
    expect(keepOutPatterns(true)).toEqual(['**/*.git', '**/gha-creds-*.json', ...secretFiles]);
    expect(keepOutPatterns(false)).toEqual([
      '**/*.git/config',
      '**/*.git/config.worktree',
      '**/*.git/worktrees/*/config.worktree',
      '*/**/*.git/modules/**/config',
      '**/gha-creds-*.json',
      ...secretFiles,
    ]);
    writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY . /app\n');
    writeFileSync(path.join(ctx, '.dockerignore'), 'vendor\n!vendor/lib/.git\n');
    const work = path.join(dir, 'work');
    mkdirSync(work);
    // No .git of the context's own and nothing else to keep out: still a copy, for the patterns.
    const r = dockerfileKeepingOut(
      path.join(ctx, 'Dockerfile'),
      ctx,
      gitKeepOut(ctx, true),
      work,
      'cpu',
      keepOutPatterns(true),
    );
    expect(r.keptOut).toEqual([]);
    expect(r.dockerfile).toBe(path.join(work, 'dockerfile-cpu', 'Dockerfile'));
    expect(readFileSync(`${r.dockerfile}.dockerignore`, 'utf8')).toBe(
      'vendor\n!vendor/lib/.git\n# kept out by ml-image (its config, records and secret files)\n**/*.git\n**/gha-creds-*.json\n**/.env\n**/.env.*\n**/.envrc\n**/.netrc\n**/.pypirc\n**/.git-credentials\n',
    );
    // Without patterns and nothing inside the context, the Dockerfile is used as it is.
    const plain = dockerfileKeepingOut(path.join(ctx, 'Dockerfile'), ctx, [], work, 'cpu2');
    expect(plain).toEqual({ dockerfile: path.join(ctx, 'Dockerfile'), keptOut: [] });
  });
});

describe('contextKeepOut: the secret files at the root, named in the note', () => {
  it.each([
    [['.env', 'Dockerfile'], ['.env']],
    [
      ['.env.production', '.env.local', 'env', '.environment'],
      ['.env.local', '.env.production'],
    ],
    [
      ['.envrc', '.netrc', '.pypirc', '.git-credentials', 'netrc', '.gitignore'],
      ['.envrc', '.git-credentials', '.netrc', '.pypirc'],
    ],
    [['requirements.txt'], []],
  ])('%j at the root: %j kept out by path', (files, kept) => {
    for (const f of files) writeFileSync(path.join(ctx, f), 'TOKEN=x\n');
    expect(rel(contextKeepOut(ctx, false))).toEqual(kept);
  });

  it('beside the git config, and none for a context that is not there', () => {
    gitDir(path.join(ctx, '.git'));
    writeFileSync(path.join(ctx, '.env'), 'HF_TOKEN=x\n');
    expect(rel(contextKeepOut(ctx, false))).toEqual(['.env', '.git/config']);
    expect(contextKeepOut(path.join(dir, 'missing'), false)).toEqual([]);
  });
});
