// The owner lock of a result directory: one process at a time writes a directory's results. Two
// runs given one --out (or result-dir) on one machine wrote each other's files without a word: one
// run's report-<variant>.md and env-*.json held the other's image, and a baseline saved under one
// run's key could hold the other's records. The lock is a file in the directory holding its
// writer's owner stamp (temp-owner.ts); a later writer refuses while that writer certainly still
// runs, and takes the lock over when it is gone, or cannot be told (another pid namespace, no
// /proc, a broken file): a lock that cannot be judged never blocks a run. Linux only (/proc):
// elsewhere no lock is taken, as no stamp can be written.
import { linkSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { isInterrupted, registerCleanup } from '../util/cleanup.js';
import { isDirectoryAt } from '../util/read-regular.js';
import {
  OWNER_FILE,
  type OwnerStamp,
  OwnerStampSchema,
  ownStamp,
  parseStamp,
  readStampFile,
  sameOwner,
  stampedOwnerAlive,
  stampFileText,
} from '../util/temp-owner.js';

/**
 * The lock's file in a result directory: a dotfile, named as a temp root's stamp. Kept out of what
 * is uploaded (upload-artifact leaves hidden files out) and of every listing the stages read (each
 * reads the names it wrote, never "every file").
 */
export const RESULT_DIR_LOCK = OWNER_FILE;

/** The lock's content: its writer's stamp and when it took the lock. */
const LockSchema = OwnerStampSchema.extend({ since: z.string().optional() });
type Lock = z.infer<typeof LockSchema>;

/** How the refusal names the directory (label, e.g. "--out x") and the option that gives it. */
interface LockWords {
  label: string;
  /** e.g. "--out DIR" (the default) or 'the "result-dir" input'. */
  flag?: string;
}

/** Who takes a lock (this process, or one a test makes up), and where its /proc is. */
export interface Taker {
  stamp: OwnerStamp;
  procDir: string;
  /** Tests only: called just before the link, and before a holder judged gone is removed. */
  step?: (at: 'link' | 'take-over') => void;
}

/** How often a take re-judges after losing a race (another taker won, or took the lock over). */
const TAKE_TRIES = 5;

/** The refusal: HOLDER (another process, certainly running) holds ROOT's lock. */
function heldBy(root: string, holder: Lock, words: LockWords): InputError {
  const flag = words.flag ?? '--out DIR';
  const since = holder.since !== undefined ? `, since ${holder.since}` : '';
  return new InputError(
    `${words.label}: ${root} is in use: another ml-image run (pid ${holder.pid}${since}) is writing its results there; two runs in one result directory would write each other's files`,
    `${flag.startsWith('-') ? `pass another ${flag}` : `set ${flag} to another directory`} (or wait for that run)`,
  );
}

/**
 * Remove the lock file whose text was TEXT (a holder judged gone or unjudgeable): it is moved aside
 * first, and put back when what was moved is another (a taker that won meanwhile), so that a lock
 * just taken is never removed for the one judged before it.
 */
function removeJudged(file: string, text: string | undefined): void {
  const aside = `${file}.${randomBytes(6).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already: removed by another taker
  }
  if (stampFileText(aside) !== text) {
    try {
      linkSync(aside, file);
    } catch {
      // a third taker linked meanwhile: its lock stands
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Take ROOT's lock for TAKER: true when taken by this call; false when TAKER holds it already, or
 * it cannot be taken here (a file system without hard links, a folder in its place): no lock then,
 * the run goes on. A holder that certainly still runs is an InputError (exit 2) naming it.
 */
export function takeOwnerLock(root: string, words: LockWords, taker: Taker): boolean {
  const file = path.join(root, RESULT_DIR_LOCK);
  const mine = JSON.stringify({ ...taker.stamp, since: new Date().toISOString() } satisfies Lock);
  // Written whole before it is linked in: a reader never sees half a lock.
  const temp = `${file}.${randomBytes(6).toString('hex')}`;
  try {
    writeFileSync(temp, mine, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Made but not written (a full disk): none is left.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temp, { force: true });
    return false;
  }
  try {
    for (let i = 0; i < TAKE_TRIES; i++) {
      taker.step?.('link');
      try {
        linkSync(temp, file);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      }
      const text = stampFileText(file);
      const holder = text === undefined ? undefined : parseStamp(text, LockSchema);
      if (holder !== undefined && sameOwner(holder, taker.stamp)) return false;
      if (holder !== undefined && stampedOwnerAlive(holder, taker.procDir)) throw heldBy(root, holder, words);
      // A folder in its place is no lock of ours to remove: none is taken.
      if (isDirectoryAt(file, true)) return false;
      taker.step?.('take-over');
      removeJudged(file, text);
    }
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * The result directories this process holds: the stamp each lock holds, and how to take its
 * release off the cleanups (releaseResultDirs releases it earlier).
 */
const held = new Map<string, { stamp: OwnerStamp; unregister: () => void }>();

/** Remove ROOT's lock when it is still STAMP's (never another process's that took it over). */
function release(root: string, stamp: OwnerStamp): void {
  held.delete(root);
  const file = path.join(root, RESULT_DIR_LOCK);
  const holder = readStampFile(file, LockSchema);
  if (holder === undefined || !sameOwner(holder, stamp)) return;
  try {
    unlinkSync(file);
  } catch {
    // removed already (the directory with it)
  }
}

let releasedAtExit = false;

/**
 * After SIGINT/SIGTERM/SIGHUP the cleanups run first, then the command unwinds (cleanup.ts
 * settleBeforeExit) and writes what it has there (a partial smoke.json, junit.xml): the directories
 * stay held until the command ends (runCli's releaseResultDirs) or the process exits, whichever
 * comes first. Released by the first cleanup pass, another run could take one meanwhile and have
 * this one's last files written into its own results.
 */
function releaseAtExit(): void {
  if (releasedAtExit) return;
  releasedAtExit = true;
  process.once('exit', releaseResultDirs);
}

/**
 * Hold ROOT (a result directory this process writes) until the command ends (releaseResultDirs) or
 * the process does: its lock is released by the cleanups (registerCleanup: at exit and on failure),
 * and on SIGINT/SIGTERM/SIGHUP when the command has ended (releaseAtExit). Re-entrant: a directory
 * held already is held on. Nothing without /proc (PROC_DIR), where no stamp can be made.
 */
export function holdResultDir(root: string, words: LockWords, procDir = '/proc'): void {
  const key = path.resolve(root);
  if (held.has(key)) return;
  const stamp = ownStamp(procDir);
  if (stamp === undefined) return;
  if (!takeOwnerLock(key, words, { stamp, procDir })) return;
  const cleanup = () => (isInterrupted() ? releaseAtExit() : release(key, stamp));
  held.set(key, { stamp, unregister: registerCleanup(cleanup) });
}

/**
 * Release every result directory this process holds, now: a command run in a process that goes on
 * (runCli's end; tests run many) leaves no lock behind it, nor a directory held for the next.
 */
export function releaseResultDirs(): void {
  for (const [root, { stamp, unregister }] of [...held]) {
    unregister();
    release(root, stamp);
  }
}
