// The signal handler on a terminal that went away (SIGHUP after a closed terminal or SSH session):
// its progress line cannot be written (EIO), and the cleanups run and the exit code is the
// signal's all the same. Driven with a throwing writer and an injected exit (no process, no signal).
// And the exit after the cleanups waits, briefly, for the running command to unwind (its error line,
// its --json object, a partial smoke.json), within the cleanups' limit.
// __tests__/integration/cleanup-hangup.test.ts hangs up a real terminal.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearInterruptedForTests,
  clearRunningForTests,
  dropLostOutputErrors,
  isInterrupted,
  registerCleanup,
  runPendingCleanups,
  settleBeforeExit,
  SIGNAL_CLEANUP_LIMIT_MS,
  SIGNAL_SETTLE_GRACE_MS,
  signalHandler,
  tryWrite,
} from '../../src/util/cleanup.js';

/** A writer of a terminal that hung up: every write throws, as a write to it can. */
const gone = (tried: string[]) => (text: string) => {
  tried.push(text);
  throw Object.assign(new Error('write EIO'), { code: 'EIO', syscall: 'write' });
};

// The unit project shares modules between the files of a worker (isolate: false): a cleanup another
// file left registered is run before each test here, so the counts below are this test's own.
const drain = async () => {
  vi.useRealTimers();
  clearRunningForTests();
  clearInterruptedForTests();
  await runPendingCleanups();
  clearInterruptedForTests();
};
beforeEach(drain);
afterEach(drain);

describe('a signal on a terminal that went away', () => {
  it('SIGHUP: the line cannot be written, the cleanups run, and the exit is 129', async () => {
    const tried: string[] = [];
    const exits: number[] = [];
    const ran: string[] = [];
    registerCleanup(async () => {
      await new Promise((r) => setTimeout(r, 5));
      ran.push('container removed');
    });
    registerCleanup(() => void ran.push('temp dir deleted'));
    const onSignal = signalHandler(gone(tried), (code) => exits.push(code));
    expect(() => onSignal('SIGHUP', 129)).not.toThrow();
    expect(tried.join('')).toContain('SIGHUP: cleaning up 2 resource(s) before exit');
    expect(isInterrupted()).toBe(true);
    expect(exits).toEqual([]); // waiting for the cleanups
    // Waited for, not slept on: a loaded machine may take longer than any fixed sleep.
    await vi.waitFor(() => expect(exits).toEqual([129]), { timeout: 10_000 });
    expect(ran.sort()).toEqual(['container removed', 'temp dir deleted']);
  });

  it('a second signal exits at once with its own code, its line failing too', async () => {
    const tried: string[] = [];
    const exits: number[] = [];
    let release!: () => void;
    registerCleanup(() => new Promise<void>((r) => (release = r)));
    const onSignal = signalHandler(gone(tried), (code) => exits.push(code));
    onSignal('SIGHUP', 129);
    expect(() => onSignal('SIGTERM', 143)).not.toThrow();
    expect(exits).toEqual([143]);
    expect(tried.join('')).toContain('SIGTERM: exiting without waiting for the cleanup');
    release();
    await vi.waitFor(() => expect(exits).toEqual([143, 129]), { timeout: 10_000 });
  });

  it.each(['EIO', 'EPIPE', 'ERR_STREAM_DESTROYED'])(
    'a stream error of lost output (%s) is dropped; any other is thrown',
    (code) => {
      const stream = new EventEmitter();
      dropLostOutputErrors([stream]);
      expect(() => stream.emit('error', Object.assign(new Error(`write ${code}`), { code }))).not.toThrow();
      const other = Object.assign(new Error('write ENOSPC'), { code: 'ENOSPC' });
      expect(() => stream.emit('error', other)).toThrow('write ENOSPC');
    },
  );

  it("the CLI's stdout and stderr: a write that throws loses the text, nothing else", () => {
    const tried: string[] = [];
    expect(() => tryWrite(gone(tried), 'progress\n')).not.toThrow();
    expect(tried).toEqual(['progress\n']);
  });
});

/** A command the entry runs: settled by hand. */
function command() {
  let settle!: (outcome: 'ok' | 'fail') => void;
  const p = new Promise<number>((resolve, reject) => {
    settle = (outcome) => (outcome === 'ok' ? resolve(130) : reject(new Error('interrupted')));
  });
  return { p: settleBeforeExit(p), settle };
}

describe('the exit waits for the interrupted command to unwind', () => {
  it.each(['ok', 'fail'] as const)(
    'after the cleanups, the exit comes once the command has settled (%s), its last words written first',
    async (outcome) => {
      const events: string[] = [];
      registerCleanup(() => void events.push('container removed'));
      const cmd = command();
      void cmd.p.catch(() => undefined);
      const onSignal = signalHandler(
        () => undefined,
        (code) => events.push(`exit ${code}`),
      );
      onSignal('SIGTERM', 143);
      await vi.waitFor(() => expect(events).toEqual(['container removed']), { timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 20));
      expect(events).toEqual(['container removed']); // the command still unwinding: no exit yet
      events.push('{"error": {"exitCode": 143, ...}}');
      cmd.settle(outcome);
      await vi.waitFor(() => expect(events).toContain('exit 143'), { timeout: 10_000 });
      expect(events).toEqual(['container removed', '{"error": {"exitCode": 143, ...}}', 'exit 143']);
    },
  );

  it('what the command makes while unwinding (removed at once) is waited for too', async () => {
    const events: string[] = [];
    const cmd = command();
    const onSignal = signalHandler(
      () => undefined,
      (code) => events.push(`exit ${code}`),
    );
    onSignal('SIGINT', 130);
    await new Promise((r) => setTimeout(r, 5));
    registerCleanup(async () => {
      await new Promise((r) => setTimeout(r, 20));
      events.push('late container removed');
    });
    cmd.settle('ok');
    await vi.waitFor(() => expect(events).toContain('exit 130'), { timeout: 10_000 });
    expect(events).toEqual(['late container removed', 'exit 130']);
  });

  it('a command that does not settle: the exit comes after the grace, not later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const exits: number[] = [];
    command();
    signalHandler(
      () => undefined,
      (code) => exits.push(code),
    )('SIGINT', 130);
    await vi.advanceTimersByTimeAsync(SIGNAL_SETTLE_GRACE_MS - 1);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([130]);
    expect(SIGNAL_SETTLE_GRACE_MS).toBeLessThanOrEqual(2_000);
  });

  it("the grace is within the cleanups' limit: hung cleanups and a hung command exit at the limit", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const exits: number[] = [];
    let release!: () => void;
    registerCleanup(() => new Promise<void>((r) => (release = r)));
    command();
    signalHandler(
      () => undefined,
      (code) => exits.push(code),
    )('SIGTERM', 143);
    await vi.advanceTimersByTimeAsync(SIGNAL_CLEANUP_LIMIT_MS - SIGNAL_SETTLE_GRACE_MS / 2);
    release(); // the cleanups end late: the command gets what is left of the limit, no more
    await vi.advanceTimersByTimeAsync(SIGNAL_SETTLE_GRACE_MS / 2 - 1);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([143]);
  });

  it('a second signal while waiting for the command exits at once with its own code', async () => {
    const exits: number[] = [];
    const cmd = command();
    const onSignal = signalHandler(
      () => undefined,
      (code) => exits.push(code),
    );
    onSignal('SIGINT', 130);
    await new Promise((r) => setTimeout(r, 20)); // the cleanups done (none), waiting for the command
    onSignal('SIGTERM', 143);
    expect(exits).toEqual([143]);
    cmd.settle('ok');
    await vi.waitFor(() => expect(exits).toEqual([143, 130]), { timeout: 10_000 });
  });

  it('without a command (a signal before it started), the exit follows the cleanups', async () => {
    const exits: number[] = [];
    signalHandler(
      () => undefined,
      (code) => exits.push(code),
    )('SIGINT', 130);
    await vi.waitFor(() => expect(exits).toEqual([130]), { timeout: 10_000 });
  });
});
