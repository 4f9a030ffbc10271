// Cleanups that must run even when the process is interrupted (containers, temp dirs).
// Each side effect that creates something registers its removal and unregisters when done.
import { EnvironmentError } from '../errors.js';

type Cleanup = () => Promise<void> | void;

const pending = new Set<Cleanup>();
/** Cleanups of things made after an interrupt, run at once: the exit waits for them too. */
const late = new Set<Promise<unknown>>();
let handlersInstalled = false;
/** The signal being handled: from then on nothing new is started (throwIfInterrupted). */
let interruptedBy: NodeJS.Signals | undefined;

export function registerCleanup(fn: Cleanup): () => void {
  if (interruptedBy !== undefined) {
    // Made after the interrupt (a creation that was already under way): removed now, not left
    // for a cleanup pass that may have finished.
    const run: Promise<unknown> = Promise.resolve()
      .then(fn)
      .catch(() => undefined)
      .finally(() => late.delete(run));
    late.add(run);
    return () => undefined;
  }
  pending.add(fn);
  return () => {
    pending.delete(fn);
  };
}

/**
 * An interrupted process starts nothing new: the stages unwind (as when the daemon goes away: an
 * environment error) while the cleanups run; the process then exits 130/143.
 */
export class InterruptedError extends EnvironmentError {
  constructor(
    readonly signal: NodeJS.Signals,
    what: string,
  ) {
    super(`${signal}: not starting ${what}, the process is exiting`, 'run the command again');
  }
}

/**
 * Before starting something that needs a cleanup (a container, a session, a child process): after
 * SIGINT/SIGTERM it is not started. Without this, a stage whose container was just removed by the
 * cleanup went on to its next test and created another while the process was exiting.
 */
export function throwIfInterrupted(what: string): void {
  if (interruptedBy !== undefined) throw new InterruptedError(interruptedBy, what);
}

/** Whether SIGINT/SIGTERM is being handled (nothing new should be started). */
export function isInterrupted(): boolean {
  return interruptedBy !== undefined;
}

/** Mark the process interrupted (the signal handler; tests). */
export function markInterrupted(signal: NodeJS.Signals): void {
  interruptedBy ??= signal;
}

/** Tests only: the unit tests share one process (vitest without isolation). */
export function clearInterruptedForTests(): void {
  interruptedBy = undefined;
}

/**
 * Run every registered cleanup, and those registered meanwhile (a container created just then),
 * and wait for those run at once after an interrupt.
 */
export async function runPendingCleanups(): Promise<void> {
  while (pending.size > 0 || late.size > 0) {
    const fns = [...pending];
    pending.clear();
    await Promise.allSettled([...fns.map(async (fn) => fn()), ...late]);
  }
}

/** The most a signal waits for the cleanups before exiting anyway (a hung daemon call). */
export const SIGNAL_CLEANUP_LIMIT_MS = 20_000;

/**
 * On SIGINT/SIGTERM/SIGHUP: run the registered cleanups (remove containers and sessions, stop
 * child processes such as a running `docker buildx build`, delete temp dirs), then exit 130/143/129
 * as shells expect. A second signal while cleaning up exits at once (a second Ctrl-C; on a runner the post
 * step removes what was left). Used by the CLI and the action's main step alike.
 */
export function installSignalCleanup(
  write: (text: string) => void = (t) => process.stderr.write(t),
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  let cleaning = false;
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    if (cleaning) {
      write(`\n${signal}: exiting without waiting for the cleanup\n`);
      exit(code);
      return;
    }
    cleaning = true;
    markInterrupted(signal);
    write(`\n${signal}: cleaning up ${pending.size} resource(s) before exit\n`);
    let limit: NodeJS.Timeout | undefined;
    void Promise.race([
      runPendingCleanups(),
      new Promise<void>((resolve) => {
        limit = setTimeout(resolve, SIGNAL_CLEANUP_LIMIT_MS);
      }),
    ]).finally(() => {
      if (limit) clearTimeout(limit);
      exit(code);
    });
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  // A closed terminal or a dropped SSH session: without a handler node dies at once, leaving the
  // run's containers and temp dirs (its secret files) behind.
  process.on('SIGHUP', () => onSignal('SIGHUP', 129));
}
