// Cleanups that must run even when the process is interrupted (containers, temp dirs).
// Each side effect that creates something registers its removal and unregisters when done.
import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { setMaxListeners } from 'node:events';
import { EnvironmentError, type ShutdownSignal, SignalExitCode } from '../errors.js';
import { anySignal } from './abort.js';
import { within } from './within.js';

type Cleanup = () => Promise<void> | void;

const pending = new Set<Cleanup>();
/** Cleanups of things made after an interrupt, run at once: the exit waits for them too. */
const late = new Set<Promise<unknown>>();
let handlersInstalled = false;
/** The signal being handled: from then on nothing new is started (throwIfInterrupted). */
let interruptedBy: ShutdownSignal | undefined;

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
 * environment error) while the cleanups run; the process then exits 130/143/129, and so says the
 * error (its exitCode, the `--json` error's). WHAT was not started, or, given STOPPED, was stopped
 * by the signal (a child killed by the cleanup, buildx's "context canceled": not a failure of its
 * own), STOPPED.detail saying how it ended.
 */
export class InterruptedError extends EnvironmentError {
  constructor(
    readonly signal: ShutdownSignal,
    what: string,
    stopped?: { detail?: string; cause?: unknown },
  ) {
    super(
      stopped
        ? `interrupted by ${signal}: ${what} was stopped${stopped.detail ? ` (${stopped.detail})` : ''}`
        : `interrupted by ${signal}: not starting ${what}, the process is exiting`,
      'run the command again',
      { exitCode: SignalExitCode[signal], ...(stopped?.cause !== undefined && { cause: stopped.cause }) },
    );
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

/**
 * After SIGINT/SIGTERM/SIGHUP, a failure is the signal's: WHAT failed because the cleanup stopped
 * it (a container removed: exit 137; `docker buildx build` stopped: exit 1, "context canceled").
 * The error to throw instead of the failure (saying "interrupted by SIGINT: WHAT was stopped
 * (DETAIL)"); undefined before any signal, when the failure is what it says.
 */
export function interruptedFailure(
  what: string,
  detail?: string,
  cause?: unknown,
): InterruptedError | undefined {
  if (interruptedBy === undefined) return undefined;
  return new InterruptedError(interruptedBy, what, {
    ...(detail && { detail }),
    ...(cause !== undefined && { cause }),
  });
}

/** Whether SIGINT/SIGTERM is being handled (nothing new should be started). */
export function isInterrupted(): boolean {
  return interruptedBy !== undefined;
}

/**
 * After SIGINT/SIGTERM/SIGHUP, the most a best-effort cancel (an upload's DELETE, run after the
 * interrupt and not stopped by it) may take: a registry that accepts connections but does not
 * answer would otherwise hold the exit, the command's error unwritten. Unanswered uploads expire
 * on the registry's side.
 */
export const INTERRUPTED_CANCEL_MS = 2_000;

/** Aborted when the process is marked interrupted (markInterrupted), an InterruptedError the reason. */
let interrupt = new AbortController();
setMaxListeners(0, interrupt.signal);

/**
 * Aborts once the process is interrupted (SIGINT/SIGTERM/SIGHUP), its reason an InterruptedError:
 * the requests under way (a registry's, one that never answers) end at once instead of holding
 * the exit until their own timeouts, and the command's error says why it stopped.
 */
export function interruptSignal(): AbortSignal {
  return interrupt.signal;
}

/**
 * SIGNAL (a request's own timeout, a caller's deadline) or the interrupt, whichever aborts first.
 * Not for what must run after the interrupt (an upload's DELETE): that keeps a short own timeout.
 */
export function untilInterrupted(signal?: AbortSignal): AbortSignal {
  return signal === undefined ? interrupt.signal : anySignal([signal, interrupt.signal]);
}

/** Mark the process interrupted (the signal handler; tests): the interrupt signal aborts. */
export function markInterrupted(signal: ShutdownSignal): void {
  if (interruptedBy !== undefined) return;
  interruptedBy = signal;
  interrupt.abort(new InterruptedError(signal, 'a request under way', { detail: 'aborted' }));
}

/** Tests only: the unit tests share one process (vitest without isolation). */
export function clearInterruptedForTests(): void {
  interruptedBy = undefined;
  interrupt = new AbortController();
  setMaxListeners(0, interrupt.signal);
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

let abandoned = false;

/**
 * A request given up on at its limit (a kill or removal a hung engine did not answer: its socket
 * is still open, docker-modem sets no timeout): it keeps the process alive after its work is done,
 * so the entry exits by itself once its last cleanups ran (src/cli/index.ts, src/main.ts).
 */
export function markRequestAbandoned(): void {
  abandoned = true;
}

/** Whether markRequestAbandoned was called in this process. */
export const requestsAbandoned = (): boolean => abandoned;

/** The most a signal waits for the cleanups before exiting anyway (a hung daemon call). */
export const SIGNAL_CLEANUP_LIMIT_MS = 20_000;

/**
 * After the cleanups, the most a signal waits for the running command to unwind (within
 * SIGNAL_CLEANUP_LIMIT_MS): its error line, its `--json` error, a partial smoke.json.
 */
export const SIGNAL_SETTLE_GRACE_MS = 2_000;

/** The command the entry runs (settleBeforeExit): a signal's exit waits for it, briefly. */
let running: Promise<unknown> | undefined;

/**
 * The entry's command (the CLI's runCli, the action's main step): after a signal's cleanups the
 * exit waits for it to settle, at most SIGNAL_SETTLE_GRACE_MS, so that what it says about the
 * interrupt (the error, the `--json` object, the results so far) is written. Returns COMMAND.
 */
export function settleBeforeExit<T>(command: Promise<T>): Promise<T> {
  running = command;
  return command;
}

/** Tests only: forget the command settleBeforeExit was given (the unit tests share a process). */
export function clearRunningForTests(): void {
  running = undefined;
}

/** The running command settled (fulfilled or not), or MS passed; the timer is cleared either way. */
async function commandSettled(ms: number): Promise<void> {
  if (running === undefined) return;
  await within(
    running.then(
      () => undefined,
      () => undefined,
    ),
    ms,
    undefined,
  );
  // What it made while unwinding (removed at once after the interrupt) goes before the exit too.
  await runPendingCleanups();
}

/** Errors of a terminal or pipe that went away (a closed terminal: EIO; a reader that exited: EPIPE). */
const LOST_OUTPUT = new Set(['EIO', 'EPIPE', 'ENXIO', 'ERR_STREAM_DESTROYED']);

/**
 * TEXT through WRITE; a write that fails (the terminal or the reader went away: EIO, EPIPE) loses
 * the text and nothing else: it never keeps the cleanups from running, nor ends the run (the CLI's
 * stdout and stderr write through it too).
 */
export function tryWrite(write: (text: string) => void, text: string): void {
  try {
    write(text);
  } catch {
    // Nowhere left to say it.
  }
}

/**
 * stdout and stderr whose terminal or reader went away: the failed writes' errors (EIO after a
 * closed terminal, EPIPE after `| head`) are dropped instead of ending the process as uncaught
 * errors, before the cleanups (the run goes on to its signal's cleanup and exit code). Any other
 * stream error is thrown as before.
 */
export function dropLostOutputErrors(streams: readonly NodeJS.EventEmitter[]): void {
  for (const stream of streams)
    stream.on('error', (e: unknown) => {
      if (!LOST_OUTPUT.has(String((e as { code?: unknown } | null)?.code))) throw e;
    });
}

/** Which of stdin, stdout and stderr were terminals when the handlers were installed. */
let terminalsAtStart: readonly boolean[] = [];

/**
 * process.exit(CODE), also after the terminal hung up. At exit node restores the terminal settings
 * of each standard stream that was a terminal at its start, and aborts (SIGABRT, not CODE) when
 * that fails on a terminal that is gone (nodejs/node#51519, Node 20 and 22). Such a descriptor is
 * closed first: node then skips it.
 */
function exitProcess(code: number): void {
  terminalsAtStart.forEach((wasTerminal, fd) => {
    if (!wasTerminal || isatty(fd)) return;
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
  });
  process.exit(code);
}

/**
 * The handler of SIGINT/SIGTERM/SIGHUP (installSignalCleanup): says what it does on WRITE, runs
 * the cleanups whatever that write does, gives the running command (settleBeforeExit) up to
 * SIGNAL_SETTLE_GRACE_MS to unwind, then calls EXIT with CODE, all within SIGNAL_CLEANUP_LIMIT_MS;
 * a second signal meanwhile calls EXIT at once with its own code.
 */
export function signalHandler(
  write: (text: string) => void,
  exit: (code: number) => void,
): (signal: ShutdownSignal, code: number) => void {
  let cleaning = false;
  return (signal, code) => {
    if (cleaning) {
      tryWrite(write, `\n${signal}: exiting without waiting for the cleanup\n`);
      exit(code);
      return;
    }
    cleaning = true;
    markInterrupted(signal);
    // On a closed terminal (SIGHUP) this write fails: the cleanups run all the same.
    tryWrite(write, `\n${signal}: cleaning up ${pending.size} resource(s) before exit\n`);
    let limit: NodeJS.Timeout | undefined;
    void Promise.race([
      runPendingCleanups().then(() => commandSettled(SIGNAL_SETTLE_GRACE_MS)),
      new Promise<void>((resolve) => {
        limit = setTimeout(resolve, SIGNAL_CLEANUP_LIMIT_MS);
      }),
    ]).finally(() => {
      if (limit) clearTimeout(limit);
      exit(code);
    });
  };
}

/**
 * On SIGINT/SIGTERM/SIGHUP: run the registered cleanups (remove containers and sessions, stop
 * child processes such as a running `docker buildx build`, delete temp dirs), let the command
 * unwind (settleBeforeExit: at most SIGNAL_SETTLE_GRACE_MS), then exit 130/143/129 as shells
 * expect. A second signal meanwhile (cleaning up, or waiting for the command) exits at once (a
 * second Ctrl-C; on a runner the post step removes what was left). Used by the CLI and the action's main step alike. A terminal or
 * pipe that went away (SIGHUP: a closed terminal or SSH session) changes none of it: failed writes
 * to it are dropped (STREAMS: stdout and stderr), and the exit code is still the signal's.
 */
export function installSignalCleanup(
  write: (text: string) => void = (t) => process.stderr.write(t),
  exit: (code: number) => void = exitProcess,
  streams: readonly NodeJS.EventEmitter[] = [process.stdout, process.stderr],
): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  terminalsAtStart = [0, 1, 2].map((fd) => isatty(fd));
  dropLostOutputErrors(streams);
  const onSignal = signalHandler(write, exit);
  process.on('SIGINT', () => onSignal('SIGINT', SignalExitCode.SIGINT));
  process.on('SIGTERM', () => onSignal('SIGTERM', SignalExitCode.SIGTERM));
  // A closed terminal or a dropped SSH session: without a handler node dies at once, leaving the
  // run's containers and temp dirs (its secret files) behind.
  process.on('SIGHUP', () => onSignal('SIGHUP', SignalExitCode.SIGHUP));
}
