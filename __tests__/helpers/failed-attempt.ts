// One failed buildx attempt as the retry policy (src/build/retry.ts) reads it, and the error it
// ends that attempt with: the build-failure tests feed it the end of a build log. No process runs.
import { afterFailedAttempt, type FailedAttempt } from '../../src/build/retry.js';
import type { MlImageError } from '../../src/errors.js';

/** The first failed attempt of cpu/amd64, buildx's stderr and the log both LOG; OVER replaces any of it. */
export const failedAttempt = (log: string, over: Partial<FailedAttempt> = {}): FailedAttempt => ({
  id: 'cpu/amd64',
  result: { exitCode: 1, stdout: '', stderr: log },
  log,
  attempt: 1,
  spentMs: 0,
  elapsed: '1.0',
  registries: { write: 'localhost:5000' },
  ...over,
});

/** What FN throws; it fails the test where FN throws nothing. */
export function thrown(fn: () => unknown): MlImageError {
  try {
    fn();
  } catch (e) {
    return e as MlImageError;
  }
  throw new Error('no error');
}

/** The error afterFailedAttempt ends the attempt failedAttempt(LOG, OVER) with. */
export const attemptError = (log: string, over: Partial<FailedAttempt> = {}): MlImageError =>
  thrown(() => afterFailedAttempt(failedAttempt(log, over)));
