// What the action's fail (src/action/io.ts) makes of one error, with no runner: its annotations,
// the failure it sets and the exit code.
import { type ActionIo, fail } from '../../src/action/io.js';

/** What fail(io, ERR) does in a workspace /work: the annotations it writes, the failure and the exit code. */
export function failAnnotations(err: unknown) {
  const seen: { message: string; props?: Record<string, unknown> }[] = [];
  let failed = '';
  let exitCode: number | undefined;
  fail(
    {
      cwd: '/work',
      error: (message: string, props?: Record<string, unknown>) => void seen.push({ message, props }),
      setFailed: (m: string) => void (failed = m),
      setExitCode: (code: number) => void (exitCode = code),
    } as unknown as ActionIo,
    err,
  );
  return { seen, failed, exitCode };
}
