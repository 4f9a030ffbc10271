// A Docker daemon that goes away while the smoke suites run ends the run, with the results of every
// test that finished (and the interrupted one, failed).
import { EnvironmentError, SignalExitCode } from '../errors.js';
import { InterruptedError } from '../util/cleanup.js';
import { errorMessage } from '../util/text.js';
import type { SmokeResult } from './result.js';

/**
 * The Docker daemon (or the engine's connection to it) went away while the smoke suites ran, or
 * SIGINT/SIGTERM/SIGHUP stopped them (CAUSE an InterruptedError: its exit code, 130/143/129): the
 * run ends, with the results of every test that finished (and the interrupted one, failed), and
 * no reuse key (src/smoke/stage.ts: the results are incomplete).
 */
export class SmokeInterruptedError extends EnvironmentError {
  constructor(
    message: string,
    fix: string,
    /** Every test that ran, the interrupted one last (failed): written before the error is shown. */
    readonly partial: SmokeResult,
    cause?: unknown,
  ) {
    super(message, fix, {
      cause,
      ...(cause instanceof InterruptedError && { exitCode: SignalExitCode[cause.signal] }),
    });
  }
}

/** Errors of a lost connection to the engine (dockerode's socket errors, the CLI's wording). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOENT',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
export const DAEMON_TEXT =
  /Cannot connect to the Docker daemon|docker daemon is not running|cannot reach the Docker daemon|the Docker daemon is not reachable|socket hang up|connect (ECONNREFUSED|ENOENT)|read ECONNRESET|write EPIPE/i;

export function isDaemonGone(e: unknown): boolean {
  if (e instanceof EnvironmentError) return DAEMON_TEXT.test(e.message);
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code) && !(e as { path?: unknown }).path) return true;
  return DAEMON_TEXT.test(errorMessage(e));
}

export { errorMessage, firstLine } from '../util/text.js';
