// Every temp dir of a run lives under one run-scoped root, <tmpdir>/ml-image-<run id>, so the
// action's post step (and a person) can remove all of them at once even after a SIGKILL.
import { mkdirSync, mkdtempSync, readdirSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RUN_ID } from './run-id.js';

export const TEMP_ROOT_PREFIX = 'ml-image-';

/** The run's temp root (not created): <tmpdir>/ml-image-<run id>. */
export function runTempRoot(runId: string = RUN_ID, base: string = tmpdir()): string {
  return path.join(base, `${TEMP_ROOT_PREFIX}${runId}`);
}

let rootMade: string | undefined;

/**
 * Create the run's temp root under base and return it, for mkdtemp calls. The caller still removes
 * its own dir (registerCleanup); the root is removed when the process exits with it empty.
 */
export function runTempBase(base: string = tmpdir()): string {
  const root = runTempRoot(RUN_ID, base);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  if (rootMade !== root) {
    rootMade = root;
    sweepStaleRoots(base);
    process.once('exit', () => {
      try {
        rmdirSync(root); // only when empty: a dir still in use is left to its owner (or the post step)
      } catch {
        // not empty, or already gone
      }
    });
  }
  return root;
}

/** mkdtemp under the run's temp root. */
export function runTempDir(prefix: string): string {
  return mkdtempSync(path.join(runTempBase(), prefix));
}

/**
 * Remove the EMPTY temp roots of runs whose process is gone (a process that ended without its
 * 'exit' event: killed, or a test worker). Never touches a root with something in it, nor one
 * whose name does not carry a pid (a custom ML_IMAGE_RUN_ID).
 */
export function sweepStaleRoots(base: string = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^ml-image-(\d+)-[0-9a-z]+$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    try {
      rmdirSync(path.join(base, name)); // fails unless empty
    } catch {
      // not empty, not ours, or gone
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}
