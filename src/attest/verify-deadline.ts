// The deadline of one verify (`--timeout`, the sub-action's `timeout` input). Its signal goes to
// every registry request and cosign run of the verify (a request is aborted, cosign killed, when
// it fires), and the verify itself ends then with the error naming what it was waiting for, also
// when a part of it does not heed the signal: a deploy gate fails in bounded time (exit 3). A wait
// that fails before the deadline fires the signal too (its error the reason): the other waits
// stop at once, and the verify ends with that error, not with the deadline's.
import { setMaxListeners } from 'node:events';
import { EnvironmentError } from '../errors.js';
import { anySignal } from '../util/abort.js';
import { VERIFY_TIMEOUT_MAX_S } from './verify-flags.js';

/** What a verify waits for: a read from HOST's registry, or a check (cosign) about an image there. */
interface Waiting {
  host: string;
  what: string;
  /** When the wait began (the deadline's clock, ms). */
  since: number;
}

export class VerifyDeadline {
  /** Aborts at the deadline, or with the error of the first wait that failed before it. */
  readonly signal: AbortSignal;
  /** The waits under way, oldest first (a Set keeps the order they were added in). */
  private readonly waiting = new Set<Waiting>();
  /** Aborted by the first wait that failed before the deadline, its error the reason. */
  private readonly failed = new AbortController();

  /** SECONDS from now; SIGNAL (tests) replaces the timer, NOW the clock waits are timed by. */
  constructor(
    readonly seconds: number,
    signal?: AbortSignal,
    private readonly now: () => number = Date.now,
  ) {
    const timer = signal ?? AbortSignal.timeout(Math.max(1, Math.round(seconds * 1000)));
    this.signal = anySignal([timer, this.failed.signal]);
    // Every registry request, retry wait and cosign run of the verify listens on it, many at
    // once (16 key-signed checks side by side): no "possible EventTarget memory leak" warning.
    setMaxListeners(0, this.signal);
  }

  /**
   * WORK, noted as waiting for WHAT of HOST's registry until it settles. Its rejection before the
   * deadline stops the verify (the signal aborts with it), unless OPTIONAL: the caller goes on
   * without it (what a refused certificate holds).
   */
  async wait<T>(host: string, what: string, work: () => Promise<T>, optional = false): Promise<T> {
    this.signal.throwIfAborted();
    const w = { host, what, since: this.now() };
    this.waiting.add(w);
    try {
      return await work();
    } catch (e) {
      if (!optional && !this.signal.aborted) this.failed.abort(e);
      throw e;
    } finally {
      this.waiting.delete(w);
    }
  }

  /** Seconds since WAIT began (at most the deadline's). */
  waited(wait: Waiting): number {
    return Math.min(this.seconds, (this.now() - wait.since) / 1000);
  }

  /**
   * WORK's result, or once the signal fires the error of the wait that failed (see wait), else at
   * the deadline the error ERROR makes of the oldest wait under way then (undefined: none) - at
   * once, whatever WORK does after. A rejection of WORK once the signal fired (an aborted request)
   * is that error too.
   */
  within<T>(work: Promise<T>, error: (oldest: Waiting | undefined) => Error): Promise<T> {
    const { signal } = this;
    return new Promise<T>((resolve, reject) => {
      let passed: unknown;
      const { signal: failed } = this.failed;
      const onAbort = () =>
        reject((passed ??= failed.aborted ? failed.reason : error(this.waiting.values().next().value)));
      const done = () => signal.removeEventListener('abort', onAbort);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (v) => {
          done();
          resolve(v);
        },
        (e: unknown) => {
          done();
          if (signal.aborted) onAbort();
          else reject(e as Error);
        },
      );
    });
  }
}

/** SECONDS as said in a message: whole above 10, else to 0.1 (0.01 below 1), never 0. */
function shownSeconds(seconds: number): number {
  if (seconds >= 10) return Math.round(seconds);
  const step = seconds >= 1 ? 10 : 100;
  return Math.max(0.01, Math.round(seconds * step) / step);
}

/**
 * The error of a verify that passed its deadline (exit 3): how long the verify may take, what it
 * was waiting for then, for how long and from which registry (a verify that was only long waited
 * a moment for its last check; one whose registry never answered, nearly all of it); the fix names
 * the registry and the flag that gives it longer (FLAG: `--timeout`, or the sub-action's input).
 */
export function deadlineError(
  deadline: VerifyDeadline,
  oldest: Waiting | undefined,
  fallbackHost: string,
  opts: { prefix: string; flag: string; cosign: boolean },
): EnvironmentError {
  const host = oldest?.host ?? fallbackHost;
  const waiting = oldest
    ? `waiting ${shownSeconds(deadline.waited(oldest))} s for ${oldest.what} from the registry ${host}`
    : 'waiting for the checks to end';
  return new EnvironmentError(
    `${opts.prefix}the verify did not finish within ${deadline.seconds} s (${waiting})`,
    `check that the registry ${host} is up and reachable from here (its status page, the network, any proxy or firewall)${
      opts.cosign ? "; cosign also waits for Sigstore's services (TUF, Rekor, Fulcio's roots) here" : ''
    }, or give the verify longer with ${opts.flag} SECONDS (now ${deadline.seconds}, at most ${VERIFY_TIMEOUT_MAX_S})`,
  );
}
