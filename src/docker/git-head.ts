// The commit a checkout holds (`git rev-parse HEAD`), through a CommandRunner: the one git read the
// action's main step and the CLI make on a runner (src/plan/git-context.ts says when).
import path from 'node:path';
import type { CommandRunner } from './adapter.js';

/**
 * The commit the checkout at CWD holds (undefined: no git, or not a work tree). CWD may be the
 * checked-out code's own folder (the config's): a bare repository's layout committed there (HEAD,
 * objects/, refs/) would be read as the repository, with a HEAD of the committer's choosing, so a
 * bare one is never taken (safe.bareRepository=explicit, git 2.38; before it, a bare repository has
 * no work tree, which --show-toplevel asks for: an error since git 2.25, an empty line before). A
 * git before 2.38 still takes a planted layout whose `config` names a work tree (core.worktree), so
 * the repository itself must be a `.git` folder (or one inside it: a linked worktree's, a
 * submodule's), the rule safe.bareRepository=explicit applies: no commit can hold a `.git` path.
 */
export async function checkoutHead(exec: CommandRunner, cwd: string): Promise<string | undefined> {
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
    return r.exitCode === 0 && rest.length === 0 && path.isAbsolute(top) && inDotGit(gitDir) && sha.test(head)
      ? head
      : undefined;
  } catch {
    return undefined;
  }
}

/** An absolute path with a `.git` folder among its parts (either separator: Git for Windows). */
function inDotGit(dir: string): boolean {
  return path.isAbsolute(dir) && dir.split(/[\\/]/).includes('.git');
}
