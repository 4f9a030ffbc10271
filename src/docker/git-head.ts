// The commit a checkout holds (`git rev-parse HEAD`), through a CommandRunner: the one git read the
// action's main step and the CLI make on a runner (src/plan/git-context.ts says when).
import type { CommandRunner } from './adapter.js';

/** The commit the checkout at CWD holds (undefined: no git, or not a repository). */
export async function checkoutHead(exec: CommandRunner, cwd: string): Promise<string | undefined> {
  try {
    const r = await exec.run('git', ['rev-parse', 'HEAD'], { cwd });
    const head = r.stdout.trim();
    return r.exitCode === 0 && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(head) ? head : undefined;
  } catch {
    return undefined;
  }
}
