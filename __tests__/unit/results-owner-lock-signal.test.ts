// The result directory's owner lock on SIGINT/SIGTERM/SIGHUP: the signal's cleanups run first, then
// the command unwinds for up to SIGNAL_SETTLE_GRACE_MS and writes what it has (a partial smoke.json,
// junit.xml, the --json error). The lock is held through that: released when the command ends
// (runCli's releaseResultDirs) or at the process's exit, never in the first cleanup pass, where
// another run could take the directory while this one still writes there.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdResultDir, RESULT_DIR_LOCK, releaseResultDirs } from '../../src/results/owner-lock.js';
import { clearInterruptedForTests, markInterrupted, runPendingCleanups } from '../../src/util/cleanup.js';
import { ownStamp } from '../../src/util/temp-owner.js';

let base: string;
let dir: string;
beforeEach(async () => {
  await runPendingCleanups(); // what another file of this worker left registered
  base = mkdtempSync(path.join(tmpdir(), 'ml-image-lock-signal-'));
  dir = path.join(base, 'results');
  mkdirSync(dir);
});
afterEach(async () => {
  clearInterruptedForTests();
  releaseResultDirs();
  await runPendingCleanups();
  rmSync(base, { recursive: true, force: true });
});

describe('the owner lock after a signal', () => {
  it('is held while the command unwinds, and released when it ends', async () => {
    if (ownStamp() === undefined) return; // no /proc here: no lock
    holdResultDir(dir, { label: '--out results' });
    const lock = path.join(dir, RESULT_DIR_LOCK);
    expect(existsSync(lock)).toBe(true);
    // The signal handler: marks the process, runs the cleanups (containers, temp dirs...).
    markInterrupted('SIGINT');
    await runPendingCleanups();
    // The command still writes its partial results here: the directory is still this run's.
    expect(existsSync(lock)).toBe(true);
    // The command ended (runCli's finally; or the process's exit): released.
    releaseResultDirs();
    expect(existsSync(lock)).toBe(false);
  });

  it('without a signal the cleanups release it as before', async () => {
    if (ownStamp() === undefined) return;
    holdResultDir(dir, { label: '--out results' });
    await runPendingCleanups();
    expect(existsSync(path.join(dir, RESULT_DIR_LOCK))).toBe(false);
  });
});
