// Who made a run's temp root, written into it: a later run on the same machine can then tell for
// certain that the process is gone (a SIGKILL mid-build leaves the build's secret files there) and
// remove the root at once, not a day later. Linux only (/proc); elsewhere no stamp is written and
// the sweep waits for the root to be stale (temp.ts). A result directory's owner lock holds one too
// (src/results/owner-lock.ts): there the same stamp tells that its writer certainly still runs.
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { startOf } from './process-tree.js';
import { readRegularFile } from './read-regular.js';

/** The stamp's file name in a root. */
export const OWNER_FILE = '.ml-image-owner';

/**
 * A process, as this machine can tell it from any other: its pid and start time (a later process
 * under the same pid has another), its pid namespace (the same pid elsewhere is another process)
 * and the boot (pid namespaces and start times begin again after a reboot).
 */
export const OwnerStampSchema = z.object({
  pid: z.number(),
  start: z.string(),
  pidNamespace: z.string(),
  boot: z.string(),
});
export type OwnerStamp = z.infer<typeof OwnerStampSchema>;

/** This process's pid namespace as PROC_DIR names it ("pid:[4026531836]"); throws without /proc. */
export const ownPidNamespace = (procDir = '/proc'): string =>
  readlinkSync(path.join(procDir, 'self', 'ns', 'pid'));

/** What sets this process apart on this machine, read from PROC_DIR; undefined without /proc. */
function machineOf(procDir: string): Pick<OwnerStamp, 'pidNamespace' | 'boot'> | undefined {
  try {
    return {
      pidNamespace: ownPidNamespace(procDir),
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

/** The most a stamp file is read of: one is about 150 bytes. */
const MAX_STAMP_BYTES = 4096;

/**
 * The stamp in FILE through SCHEMA (OwnerStampSchema, or one that extends it), when FILE is a
 * regular file (never a link's target, a FIFO, /dev/zero) holding a well-formed one.
 */
export function readStampFile<T extends OwnerStamp = OwnerStamp>(
  file: string,
  schema: z.ZodType<T> = OwnerStampSchema as unknown as z.ZodType<T>,
): T | undefined {
  const text = stampFileText(file);
  return text === undefined ? undefined : parseStamp(text, schema);
}

/** FILE's text when it is a regular file of a stamp's size at most; undefined otherwise. */
export function stampFileText(file: string): string | undefined {
  try {
    return readRegularFile(file, MAX_STAMP_BYTES).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The stamp TEXT holds through SCHEMA (as readStampFile), when it is a well-formed one. */
export function parseStamp<T extends OwnerStamp = OwnerStamp>(
  text: string,
  schema: z.ZodType<T> = OwnerStampSchema as unknown as z.ZodType<T>,
): T | undefined {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** The stamp in ROOT, when there is a well-formed one. */
export const readStamp = (root: string): OwnerStamp | undefined => readStampFile(path.join(root, OWNER_FILE));

/** Whether A and B name one process (their pid, start time, pid namespace and boot). */
export const sameOwner = (a: OwnerStamp, b: OwnerStamp): boolean =>
  a.pid === b.pid && a.start === b.start && a.pidNamespace === b.pidNamespace && a.boot === b.boot;

/**
 * Whether STAMP's process is certainly gone: it ran in this pid namespace in this boot, and its pid
 * now names no process or another one (another start time). Anything else (another namespace, a
 * container's, another boot, no /proc) cannot be told: false.
 */
export function stampedOwnerGone(stamp: OwnerStamp, procDir = '/proc'): boolean {
  return onThisMachine(stamp, procDir) && startOf(stamp.pid, procDir) !== stamp.start;
}

/**
 * Whether STAMP's process certainly still runs: it ran in this pid namespace in this boot, and its
 * pid names a process that is no zombie, of the same start time. Not the negation of
 * stampedOwnerGone: an owner that cannot be told (another namespace or boot, no /proc) is neither.
 */
export function stampedOwnerAlive(stamp: OwnerStamp, procDir = '/proc'): boolean {
  return onThisMachine(stamp, procDir) && startOf(stamp.pid, procDir) === stamp.start;
}

/** STAMP was made in this process's pid namespace and boot (false without /proc). */
function onThisMachine(stamp: OwnerStamp, procDir: string): boolean {
  const machine = machineOf(procDir);
  return machine?.pidNamespace === stamp.pidNamespace && machine.boot === stamp.boot;
}
