// The baseline save's wait for another run's lock, and SIGINT/SIGTERM: the wait is on the event
// loop, so the signal's handler runs during it and the save ends at once (its directory removed,
// the other run's lock left to it). A wait on the thread (Atomics.wait) held the signal off for up
// to the lock's waitMs (60 s), past a cancelled job's SIGKILL: the cleanups never ran.
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baselineSlug, dirBaselineStore } from '../../src/report/baseline.js';
import { clearInterruptedForTests, InterruptedError, markInterrupted } from '../../src/util/cleanup.js';

const KEY = 'localhost:5000/x:cpu';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-baseline-interrupt-'));
});
afterEach(() => {
  clearInterruptedForTests();
  rmSync(dir, { recursive: true, force: true });
});

describe("a baseline save waiting for another run's lock", () => {
  it('ends on SIGINT at once: an InterruptedError, its own save removed, the lock left', async () => {
    const root = path.join(dir, 'baselines');
    mkdirSync(root);
    const slugDir = path.join(root, baselineSlug(KEY));
    mkdirSync(slugDir);
    // Held by a live process of this host and pid namespace (this one, as another run would).
    const lock = path.join(slugDir, 'main+lock');
    const owner = `${hostname()} ${process.pid} t ${readlinkSync('/proc/self/ns/pid')}`;
    writeFileSync(lock, owner);
    const record = path.join(dir, 'env-cpu-amd64.json');
    writeFileSync(record, '{}');
    const store = dirBaselineStore(root, undefined, undefined, {
      lock: { waitMs: 600_000, staleMs: 600_000 },
    });
    setTimeout(() => markInterrupted('SIGINT'), 100);
    const saved = store.save(KEY, 'main', 'a'.repeat(40), [record]).then(
      () => 'saved',
      (e: unknown) => e,
    );
    // The wait is ten minutes: the interrupt is handled within the poll, or the test runs out of time.
    const outcome = await saved;
    expect(outcome).toBeInstanceOf(InterruptedError);
    expect(String((outcome as Error).message)).toMatch(
      /interrupted by SIGINT: the wait for the baseline's lock .*main\+lock was stopped/,
    );
    // Nothing of this save is left; the other run's lock is its own.
    expect(readdirSync(slugDir)).toEqual(['main+lock']);
  });
});
