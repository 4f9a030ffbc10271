// Who made a run's temp root, written into it: a later run on the same machine can then tell for
// certain that the process is gone (a SIGKILL mid-build leaves the build's secret files there) and
// remove the root at once, not a day later. Linux only (/proc); elsewhere no stamp is written and
// the sweep waits for the root to be stale (temp.ts).
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { startOf } from './process-tree.js';

/** The stamp's file name in a root. */
export const OWNER_FILE = '.ml-image-owner';

/**
 * A process, as this machine can tell it from any other: its pid and start time (a later process
 * under the same pid has another), its pid namespace (the same pid elsewhere is another process)
 * and the boot (pid namespaces and start times begin again after a reboot).
 */
const OwnerStampSchema = z.object({
  pid: z.number(),
  start: z.string(),
  pidNamespace: z.string(),
  boot: z.string(),
});
export type OwnerStamp = z.infer<typeof OwnerStampSchema>;

/** What sets this process apart on this machine, read from PROC_DIR; undefined without /proc. */
function machineOf(procDir: string): Pick<OwnerStamp, 'pidNamespace' | 'boot'> | undefined {
  try {
    return {
      pidNamespace: readlinkSync(path.join(procDir, 'self', 'ns', 'pid')),
      boot: readFileSync(path.join(procDir, 'sys', 'kernel', 'random', 'boot_id'), 'utf8').trim(),
    };
  } catch {
    return undefined;
  }
}

/** This process's stamp; undefined where /proc cannot say. */
export function ownStamp(procDir = '/proc', pid = process.pid): OwnerStamp | undefined {
  const machine = machineOf(procDir);
  const start = startOf(pid, procDir);
  return machine && start !== undefined ? { pid, start, ...machine } : undefined;
}

/**
 * Write this process's stamp into ROOT (owner-only); nothing where there is no /proc. A stamp that
 * cannot be written (a full disk) is none: the root is then swept only once stale, and the run
 * goes on (its temp dirs would fail on their own, with their own message, if the disk is full).
 */
export function stampRoot(root: string, stamp: OwnerStamp | undefined = ownStamp()): void {
  if (stamp === undefined) return;
  try {
    writeFileSync(path.join(root, OWNER_FILE), JSON.stringify(stamp), { mode: 0o600 });
  } catch {
    // no stamp
  }
}

/** The stamp in ROOT, when there is a well-formed one. */
export function readStamp(root: string): OwnerStamp | undefined {
  try {
    const r = OwnerStampSchema.safeParse(JSON.parse(readFileSync(path.join(root, OWNER_FILE), 'utf8')));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether STAMP's process is certainly gone: it ran in this pid namespace in this boot, and its pid
 * now names no process or another one (another start time). Anything else (another namespace, a
 * container's, another boot, no /proc) cannot be told: false.
 */
export function stampedOwnerGone(stamp: OwnerStamp, procDir = '/proc'): boolean {
  const machine = machineOf(procDir);
  if (machine?.pidNamespace !== stamp.pidNamespace || machine.boot !== stamp.boot) return false;
  return startOf(stamp.pid, procDir) !== stamp.start;
}
