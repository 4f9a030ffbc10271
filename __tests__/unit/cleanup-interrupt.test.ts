// After SIGINT/SIGTERM (markInterrupted, as the signal handler does): nothing new is started, and
// what is made anyway (a creation already under way) is removed at once, the exit waiting for it.
// The interrupted state is the module's: cleared after these tests (the unit tests share a process).
import { afterAll, describe, expect, it } from 'vitest';
import { EnvironmentError, exitCodeOf } from '../../src/errors.js';
import {
  clearInterruptedForTests,
  InterruptedError,
  isInterrupted,
  markInterrupted,
  registerCleanup,
  runPendingCleanups,
  throwIfInterrupted,
} from '../../src/util/cleanup.js';

describe('an interrupted process', () => {
  // Each test after the first marks the process itself (each can run alone: -t).
  afterAll(() => clearInterruptedForTests());

  it('before the signal: things start, and their cleanups wait for a cleanup pass', async () => {
    clearInterruptedForTests();
    expect(isInterrupted()).toBe(false);
    expect(() => throwIfInterrupted('a container')).not.toThrow();
    const ran: string[] = [];
    registerCleanup(() => void ran.push('before'));
    await Promise.resolve();
    expect(ran).toEqual([]);
    await runPendingCleanups();
    expect(ran).toEqual(['before']);
  });

  it("after it: starting is refused with an environment error naming the signal and the thing, with the signal's exit code", () => {
    markInterrupted('SIGINT');
    markInterrupted('SIGTERM'); // the first signal is the one named
    expect(isInterrupted()).toBe(true);
    let caught: unknown;
    try {
      throwIfInterrupted('a container of img:1');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InterruptedError);
    expect(caught).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(caught)).toBe(130); // as the process exits, and as --json says
    expect((caught as InterruptedError).message).toBe(
      'interrupted by SIGINT: not starting a container of img:1, the process is exiting',
    );
  });

  it('a cleanup registered after it runs at once, and a cleanup pass waits for it', async () => {
    markInterrupted('SIGINT');
    const ran: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const unregister = registerCleanup(async () => {
      ran.push('started');
      await slow;
      ran.push('removed');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(ran).toEqual(['started']); // no cleanup pass was asked for
    unregister(); // too late to take it back: it is under way
    let passDone = false;
    const pass = runPendingCleanups().then(() => (passDone = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(passDone).toBe(false);
    release();
    await pass;
    expect(ran).toEqual(['started', 'removed']);
  });

  it('a failing late cleanup runs at once all the same and does not fail the pass', async () => {
    markInterrupted('SIGINT');
    const ran: string[] = [];
    registerCleanup(() => {
      ran.push('ran');
      throw new Error('gone already');
    });
    await Promise.resolve();
    expect(ran).toEqual(['ran']); // before any pass
    await expect(runPendingCleanups()).resolves.toBeUndefined();
  });
});
