// The start limit of a shared smoke process (batch.ts). A python3 that hangs as it starts (a `.pth`
// file or a sitecustomize of the image that blocks, before the smoke script runs) reaches no test,
// so no test's watchdog ever runs, and the container's own limit (every planned test's timeout and
// a minute) held the run for all of it. The process is stopped instead once its first test has not
// begun within that test's own timeout and PYTHON_START_ALLOWANCE_MS, counted from the container's
// start; that test fails saying python3 did not start, and the later tests of the process are not
// run (they would hang the same way), nor are the later processes of the run (the same python3).
import { timerMs } from '../docker/deadline.js';
import type { RunOutcome } from './output.js';
import type { Batch, BatchOutcome, BatchStep, SmokeSession } from './session.js';

/**
 * On top of the first test's timeout. A test in a container of its own gets its timeout for
 * python3's start and the test together; here its watchdog starts at its start marker, so its
 * timeout alone already lets python3 start as long as a container of its own lets the whole test
 * run. What the allowance covers is the little the shared process does before that marker that a
 * container of its own does not: the smoke script's setup (reading its plan, the stat of each
 * file check's path, the early pip check started), well under a second natively and a few seconds
 * under QEMU (an arm64 image on an amd64 runner). The limit starts with the container (onStarted),
 * so an image pull and the engine's create and start are not in it.
 */
export const PYTHON_START_ALLOWANCE_MS = 10_000;

/** Time for the container and python3 to start, on top of the tests' own timeouts. */
const STARTUP_ALLOWANCE_MS = 60_000;

/**
 * The container's own limit on a process of N tests: a backup for the tests' own watchdogs (a test
 * that holds the GIL in native code for its whole timeout is only stopped by it).
 */
export const processLimitMs = (timeoutMs: number, n: number): number => timeoutMs * n + STARTUP_ALLOWANCE_MS;

/** The limit on a shared process reaching its first test. */
export interface StartLimit {
  /** Its length: the test's timeout and the allowance. */
  ms: number;
  /** Aborted when the limit passes (the container is then stopped: ContainerRunSpec.signal). */
  signal: AbortSignal;
  /** The container started: the limit runs from now. */
  armed(): void;
  /** A test began (its start marker): python3 started, the limit is off. */
  begun(): void;
  /** The run ended: no timer left behind. */
  dispose(): void;
}

export function startLimit(timeoutMs: number): StartLimit {
  const ms = timeoutMs + PYTHON_START_ALLOWANCE_MS;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let begun = false;
  const off = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return {
    ms,
    signal: controller.signal,
    armed: () => {
      if (!begun && !timer) timer = setTimeout(() => controller.abort(), timerMs(ms));
    },
    begun: () => {
      begun = true;
      off();
    },
    dispose: off,
  };
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10}s`;

/** The reason of the first test of a process stopped by its start limit (of LIMIT_MS). */
export function notStartedReason(limitMs: number, timeoutMs: number): string {
  return `python3 did not start within ${seconds(limitMs)} (the test's timeout of ${seconds(timeoutMs)} and ${seconds(PYTHON_START_ALLOWANCE_MS)} for python3 to start): no test of its process began, and the container was removed; a .pth file or sitecustomize of the image that blocks hangs python3 as it starts`;
}

/**
 * A process that timed out before it reached its first test, FIRST (python3 itself hung as it
 * started), would hang the same in a fresh container for each later test (REST): they are not run.
 * Stopped by its start limit (of LIMIT_MS), they say so, naming FIRST, whose reason says why, and
 * the batch remembers it (notRunAfterHang); stopped by the container's own limit (no start limit
 * ran: the run never said it started), they time out with it.
 */
export function hungAtStart(
  b: Batch,
  first: string,
  rest: readonly BatchStep[],
  r: RunOutcome,
  limitMs: number | undefined,
): void {
  for (const x of rest)
    b.outcomes.set(x.id, {
      ...r,
      ...(limitMs !== undefined && {
        stopReason: `not run: python3 did not start within ${seconds(limitMs)} (see ${first})`,
      }),
      durationMs: 0,
      timing: 'not started: python3 hung before the first test of its process',
    });
  if (limitMs !== undefined) b.hungAtStart = { first, r, limitMs };
}

/**
 * The outcome of a test of a later process, once an earlier one of the run (this image and
 * platform: one python3) was stopped by its start limit: not run, as that process is not started
 * (it would hang the same and wait out a start limit of its own), naming the earlier process's
 * first test, whose reason says why. Undefined: no process hung as it started.
 */
export function notRunAfterHang(b: Batch): BatchOutcome | undefined {
  const h = b.hungAtStart;
  return (
    h && {
      ...h.r,
      stopReason: `not run: python3 did not start within ${seconds(h.limitMs)} in an earlier process (see ${h.first})`,
      durationMs: 0,
      timing: 'not started: python3 hung before the first test of an earlier process',
    }
  );
}

/**
 * Whether the shared process gives test ID's outcome with no start of its own: a process ran it
 * already (its outcome is waiting), or ID is planned and an earlier process hung as python3 started
 * (notRunAfterHang: it is not run). Either way no start line for it, as for the suites' tests.
 */
export function knownInBatch(s: SmokeSession, id: string): boolean {
  const b = s.batch;
  return Boolean(b && (b.outcomes.has(id) || (b.hungAtStart && b.steps.some((x) => x.id === id))));
}
