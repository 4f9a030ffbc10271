// The commit a checkout holds (`git rev-parse HEAD`), through a CommandRunner: the one git read the
// action's main step and the CLI make on a runner (src/plan/git-context.ts says when).
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CommandRunner } from './adapter.js';

/**
 * The commit the checkout at CWD holds (undefined: no git, or not a work tree). CWD may be the
 * checked-out code's own folder (the config's): a bare repository's layout committed there (HEAD,
 * objects/, refs/) would be read as the repository, with a HEAD of the committer's choosing, so a
 * bare one is never taken (safe.bareRepository=explicit, git 2.38; before it, a bare repository has
 * no work tree, which --show-toplevel asks for: an error since git 2.25, an empty line before). A
 * git before 2.38 still takes a planted layout whose `config` names a work tree (core.worktree), so
 * the repository must also be the one the work tree's own `.git` names (sameRepository): its `.git`
 * folder, or the folder its `.git` file points to (a linked worktree's, a submodule's, a
 * `--separate-git-dir` clone's). No commit can hold a `.git` path to point elsewhere.
 */
export async function checkoutHead(
  exec: CommandRunner,
  cwd: string,
  same: (top: string, gitDir: string) => boolean = sameRepository,
): Promise<string | undefined> {
  try {
    const args = [
      '-c',
      'safe.bareRepository=explicit',
      'rev-parse',
      '--show-toplevel',
      '--absolute-git-dir',
      'HEAD',
    ];
    const r = await exec.run('git', args, { cwd });
    // The work tree, the repository, then the commit: a git before 2.25 prints no work tree for a
    // bare one.
    const [top = '', gitDir = '', head = '', ...rest] = r.stdout.trimEnd().split(/\r?\n/);
    const sha = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
    return r.exitCode === 0 &&
      rest.length === 0 &&
      path.isAbsolute(top) &&
      path.isAbsolute(gitDir) &&
      sha.test(head) &&
      same(top, gitDir)
      ? head
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether GIT_DIR is the repository TOP's own `.git` names: that folder, or the one a `.git` file
 * points to (`gitdir: PATH`, relative to TOP), both compared by their real paths.
 */
function sameRepository(top: string, gitDir: string): boolean {
  try {
    const dotGit = path.join(top, '.git');
    const named = statSync(dotGit).isDirectory() ? dotGit : gitFileTarget(top, readFileSync(dotGit, 'utf8'));
    return named !== undefined && realpathSync(named) === realpathSync(gitDir);
  } catch {
    return false;
  }
}

/** The folder a `.git` file names (`gitdir: PATH` on its first line), resolved against TOP. */
function gitFileTarget(top: string, text: string): string | undefined {
  const m = /^gitdir: *(.+?)\s*$/m.exec(text.split(/\r?\n/)[0] ?? '');
  return m ? path.resolve(top, m[1]!) : undefined;
}
