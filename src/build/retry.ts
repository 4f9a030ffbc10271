// When a failed build is tried again: transient failures (connection reset, registry 5xx, i/o
// timeout) are retried with backoff within a budget per target, counted from its first failure; a
// deterministic failure (Dockerfile error, pip conflict) stops at once with the end of the log.
import type { ExecResult } from '../docker/adapter.js';
import { cliFailure } from '../docker/engine.js';
import { registryRefusal } from '../docker/failures.js';
import { CheckFailedError, EnvironmentError } from '../errors.js';
import { lineEnd } from '../util/text.js';
import { SECRETS_FIX } from './buildx-args.js';

const TRANSIENT =
  /connection reset by peer|i\/o timeout|TLS handshake timeout|unexpected EOF|(?:50[0234]) (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|received unexpected HTTP status: 5\d\d|toomanyrequests|net\/http: request canceled/i;

export const MAX_ATTEMPTS = 3;
/**
 * No new attempt starts this long after a target's first failure (the waits and the retried
 * attempts together). Counted from the first failure, not the first attempt: a build that ran
 * for 20 minutes (a torch install, arm64 under QEMU) before its push was reset still gets its
 * retries; the bound keeps a registry that keeps failing slowly from holding the job.
 */
export const RETRY_BUDGET_MS = 120_000;

export function isTransient(log: string): boolean {
  return TRANSIENT.test(log);
}

/** The one line that says why a build failed (buildx's last ERROR line, else the last line). */
export function failureReason(log: string): string {
  const lines = log
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const err = [...lines].reverse().find((l) => /^ERROR[:\s]/.test(l) || /^error:/i.test(l));
  const line = (err ?? lines.at(-1) ?? 'no output').replace(/^ERROR:?\s*/, '');
  // Long RUN scripts are quoted whole by BuildKit: keep their start, the log excerpt has the rest.
  const quoted = elide(line, '[/bin/sh -c ', ']: exit code');
  return elide(quoted, 'process "/bin/sh -c ', '" did not complete').slice(0, 400);
}

/**
 * LINE with the script between OPEN and CLOSE cut to its first 60 characters and "...", where it is
 * over 80: what line.replace(/(OPEN)(.{60}).{20,}(CLOSE)/, '$1$2...$3') gives. That expression ran
 * from each OPEN to the line's end and back (a line repeating OPEN 16,384 times took 6 s); here
 * each stretch between line terminators is searched once, from its first OPEN to its last CLOSE.
 */
function elide(line: string, open: string, close: string): string {
  let from = line.indexOf(open);
  while (from >= 0) {
    const end = lineEnd(line, from);
    const start = from + open.length;
    const to = line.slice(start, end).lastIndexOf(close);
    if (to >= 80) return `${line.slice(0, start + 60)}...${line.slice(start + to)}`;
    from = line.indexOf(open, end);
  }
  return line;
}

/** The backoff before the attempt after ATTEMPT: 2 s, 4 s, 8 s ... */
export function retryWaitMs(attempt: number): number {
  return 2000 * 2 ** (attempt - 1);
}

/**
 * The retry decision the build and the merge share: after failed attempt ATTEMPT whose log ends in
 * LOG, SPENT_MS after the first failure (the waits and retried attempts since; 0 after the first
 * attempt, however long it ran), the wait before the next attempt, or undefined:
 * the failure is not transient, or the attempts or the budget are used up. Only the end of the log
 * counts: an earlier pip "Retrying ... connection reset" that pip recovered from must not make a
 * deterministic failure look transient.
 */
export function nextAttempt(
  log: string,
  attempt: number,
  spentMs: number,
): { waitMs: number; reason: string } | undefined {
  if (!isTransient(lastLines(log))) return undefined;
  const waitMs = retryWaitMs(attempt);
  if (attempt >= MAX_ATTEMPTS || spentMs + waitMs > RETRY_BUDGET_MS) return undefined;
  return { waitMs, reason: failureReason(log) };
}

/** The end of a log that says why an attempt failed. */
export const lastLines = (log: string): string => log.split('\n').slice(-15).join('\n');

/** One failed buildx attempt of a target, as the retry policy sees it. */
export interface FailedAttempt {
  /** "variant/arch". */
  id: string;
  result: ExecResult;
  /** The (masked) end of the build log, else buildx's stderr. */
  log: string;
  attempt: number;
  /** Time since the target's first failed attempt (the waits and the retried attempts), in ms. */
  spentMs: number;
  /** The time shown in the failure message, in seconds ("12.3"). */
  elapsed: string;
  /**
   * The registries a refusal is about where buildx's line names none: the pushed image's (write)
   * and the base image's (read).
   */
  registries: { write: string; read?: string };
}

/**
 * After a failed attempt: how long to wait before the next one (and why it failed), or the error
 * that ends the target: environment problems exit 3, a deterministic build failure exits 1.
 */
export function afterFailedAttempt(f: FailedAttempt): { waitMs: number; reason: string } {
  const { id, log, attempt } = f;
  if (/unknown flag: mount|the --mount option requires BuildKit/i.test(log)) {
    throw new EnvironmentError(
      `build ${id}: the builder's Dockerfile frontend does not understand RUN --mount=type=secret`,
      SECRETS_FIX,
    );
  }
  const next = nextAttempt(log, attempt, f.spentMs);
  if (next) return next;
  // No daemon, no registry, or one that refused the push or a base's pull: an environment problem
  // (exit 3, the login fix), not the build's.
  const refused = registryRefusal(`build ${id}`, failureReason(log), lastLines(log), f.registries);
  if (refused) throw refused;
  const classified = cliFailure(`build ${id}`, { ...f.result, stderr: log });
  if (classified instanceof EnvironmentError) throw classified;
  throw finalFailure(f, isTransient(lastLines(log)));
}

function finalFailure(f: FailedAttempt, transient: boolean): Error {
  const excerpt = f.log.split('\n').slice(-25).join('\n');
  const what = `build ${f.id} failed after ${f.elapsed}s${f.attempt > 1 ? ` and ${f.attempt} attempts` : ''}: ${failureReason(f.log)}\n--- last lines of the build log ---\n${excerpt}`;
  // A registry or network that keeps failing is the environment's problem (exit 3), not the build's.
  if (transient) {
    return new EnvironmentError(
      what,
      `the registry or network kept failing (retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s after a target's first failure); check the registry's status and try again later`,
    );
  }
  return new CheckFailedError(
    what,
    'fix the Dockerfile or requirements named above; the build was not retried because the failure is deterministic',
  );
}
