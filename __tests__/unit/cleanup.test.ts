// installSignalCleanup with an injected exit: the handlers are driven by process.emit (no real
// signal is sent, no process started).
import { afterAll, describe, expect, it } from 'vitest';
import { RUN_LABEL } from '../../src/docker/adapter.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { sweepRunOnInterrupt } from '../../src/docker/engine.js';
import {
  clearInterruptedForTests,
  installSignalCleanup,
  markInterrupted,
  registerCleanup,
  runPendingCleanups,
} from '../../src/util/cleanup.js';
import { fakeDocker } from '../helpers/fakes.js';

describe('cleanups', () => {
  // The SIGINT below marks the process interrupted; the unit tests share the process.
  afterAll(() => clearInterruptedForTests());

  it('runs every registered cleanup once, including one registered while cleaning up', async () => {
    const ran: string[] = [];
    registerCleanup(() => {
      ran.push('a');
      registerCleanup(() => void ran.push('late'));
    });
    const unregister = registerCleanup(() => void ran.push('gone'));
    registerCleanup(async () => {
      ran.push('b');
      throw new Error('one failing cleanup does not stop the others');
    });
    unregister();
    await runPendingCleanups();
    await runPendingCleanups();
    expect(ran.sort()).toEqual(['a', 'b', 'late']);
  });

  it('on an interrupt, sweeps the containers of this run by label (a creation still in flight too)', async () => {
    const asked: Record<string, string>[] = [];
    const removed: string[][] = [];
    const docker = fakeDocker({
      listManagedContainers: async (labels = {}) => {
        asked.push({ ...labels });
        return ['c-in-flight'];
      },
      removeContainers: async (ids) => {
        removed.push([...ids]);
        return [...ids];
      },
    });
    sweepRunOnInterrupt(docker, 0);
    markInterrupted('SIGINT');
    try {
      await runPendingCleanups();
    } finally {
      clearInterruptedForTests();
    }
    expect(asked).toEqual([{ [RUN_LABEL]: RUN_ID }]);
    expect(removed).toEqual([['c-in-flight']]);
  });

  it('on an interrupt, waits for the creations still in flight before it lists the containers', async () => {
    const events: string[] = [];
    let answer!: () => void;
    const inFlight = new Promise<void>((r) => (answer = r));
    const docker = fakeDocker({
      listManagedContainers: async () => (events.push('listed'), ['c-made-late']),
      removeContainers: async (ids) => (events.push(`removed ${ids.join(',')}`), [...ids]),
    });
    sweepRunOnInterrupt(docker, 0, () => inFlight.then(() => void events.push('creation answered')));
    markInterrupted('SIGTERM');
    try {
      const cleaning = runPendingCleanups();
      await new Promise((r) => setTimeout(r, 20));
      expect(events).toEqual([]); // still waiting for the engine's answer
      answer();
      await cleaning;
    } finally {
      clearInterruptedForTests();
    }
    expect(events).toEqual(['creation answered', 'listed', 'removed c-made-late']);
  });

  it('at a normal end (what is still registered runs then), the sweep asks nothing and waits for nothing', async () => {
    const asked: unknown[] = [];
    const docker = fakeDocker({
      listManagedContainers: async (labels = {}) => (asked.push(labels), []),
    });
    // A settle wait of an hour: were it waited for, this test would time out.
    sweepRunOnInterrupt(docker, 3_600_000);
    await runPendingCleanups();
    expect(asked).toEqual([]);
  });

  it('on SIGINT: cleans up, then exits 130; a second signal exits at once with its own code', async () => {
    const written: string[] = [];
    const exits: number[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    registerCleanup(async () => {
      await slow;
      ran.push('container removed');
    });
    installSignalCleanup(
      (t) => written.push(t),
      (code) => exits.push(code),
    );
    process.emit('SIGINT');
    expect(written.join('')).toContain('SIGINT: cleaning up 1 resource(s) before exit');
    expect(exits).toEqual([]); // waiting for the cleanup
    process.emit('SIGTERM');
    expect(exits).toEqual([143]);
    expect(written.join('')).toContain('SIGTERM: exiting without waiting for the cleanup');
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(ran).toEqual(['container removed']);
    expect(exits).toEqual([143, 130]);
    // A closed terminal (SIGHUP) is handled too: 129, as shells report it.
    process.emit('SIGHUP');
    expect(exits).toEqual([143, 130, 129]);
    expect(written.join('')).toContain('SIGHUP: exiting without waiting for the cleanup');
  });
});
