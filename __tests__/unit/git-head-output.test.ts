// checkoutHead reads `git rev-parse --show-toplevel --absolute-git-dir HEAD`: the work tree, the
// repository, then the commit. A git before 2.25 prints an empty work tree (and exit 0) in a bare
// repository, and one before 2.38 ignores safe.bareRepository: a bare repository's layout committed
// in the config's folder must still not give its HEAD, nor one whose config names a work tree (its
// repository is no .git folder; findings of reviews; the real git's side is
// integration/git-head.test.ts).
import { describe, expect, it } from 'vitest';
import { checkoutHead } from '../../src/docker/git-head.js';

const SHA = 'a9993e364706816aba3e25717850c26c9cd0d89d';
const git = (stdout: string, exitCode = 0) =>
  ({ run: async () => ({ exitCode, stdout, stderr: '' }) }) as never;
/** What each work tree's own .git names (sameRepository reads the files; here, a table). */
const NAMED: Record<string, string> = {
  '/w/repo': '/w/repo/.git',
  '/w/wt': '/w/repo/.git/worktrees/wt',
  '/w/repo/sub': '/w/repo/.git/modules/sub',
  '/w/mirror-wt': '/m/mirror.git/worktrees/mirror-wt',
  '/w/sep': '/g/sep',
};
const same = (top: string, gitDir: string) => NAMED[top] === gitDir;

describe("checkoutHead's reading of git's answer", () => {
  it.each<[string, string, number, string | undefined]>([
    ['a work tree and its commit', `/w/repo\n/w/repo/.git\n${SHA}\n`, 0, SHA],
    ['the same with CRLF line ends', `/w/repo\r\n/w/repo/.git\r\n${SHA}\r\n`, 0, SHA],
    ['a linked worktree', `/w/wt\n/w/repo/.git/worktrees/wt\n${SHA}\n`, 0, SHA],
    ['a submodule', `/w/repo/sub\n/w/repo/.git/modules/sub\n${SHA}\n`, 0, SHA],
    // A review's finding: these have no .git folder in their repository's path, and were refused.
    ['a worktree of a bare mirror', `/w/mirror-wt\n/m/mirror.git/worktrees/mirror-wt\n${SHA}\n`, 0, SHA],
    ['a --separate-git-dir clone', `/w/sep\n/g/sep\n${SHA}\n`, 0, SHA],
    ['a bare repository, git before 2.25 (an empty work tree)', `\n/w/repo/models\n${SHA}\n`, 0, undefined],
    ['a bare repository refused (git 2.38, safe.bareRepository)', '', 128, undefined],
    [
      "a planted layout naming a work tree, git before 2.38 (not the repository the work tree's .git names)",
      `/w/repo\n/w/repo/models\n${SHA}\n`,
      0,
      undefined,
    ],
    ['a relative repository', `/w/repo\n.git\n${SHA}\n`, 0, undefined],
    ['a relative work tree', `repo\n/w/repo/.git\n${SHA}\n`, 0, undefined],
    ['more lines than asked for', `/w/repo\n/w/repo/.git\n${SHA}\n${SHA}\n`, 0, undefined],
    ['two lines (the old question)', `/w/repo\n${SHA}\n`, 0, undefined],
    ['no commit yet', '/w/repo\n/w/repo/.git\nHEAD\n', 128, undefined],
  ])('%s: %s', async (_n, stdout, code, expected) => {
    expect(await checkoutHead(git(stdout, code), '/w/repo', same)).toBe(expected);
  });
});
