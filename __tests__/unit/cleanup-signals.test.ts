// The signal handler on a terminal that went away (SIGHUP after a closed terminal or SSH session):
// its progress line cannot be written (EIO), and the cleanups run and the exit code is the
// signal's all the same. Driven with a throwing writer and an injected exit (no process, no signal).
// __tests__/integration/cleanup-hangup.test.ts hangs up a real terminal.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearInterruptedForTests,
  dropLostOutputErrors,
  isInterrupted,
  registerCleanup,
  runPendingCleanups,
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
