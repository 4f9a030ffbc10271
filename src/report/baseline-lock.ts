// The directory baseline store's lock (baseline.ts): one save of a key and branch at a time reads
// the save it replaces, carries a platform's records over from it and switches to its own. A file
// created exclusively (O_EXCL) names its owner (host, pid, a token, its pid namespace); one whose
// owner is gone (this host and pid namespace, no such process) is broken at once, one unchanged
// for `staleMs` (an owner hung, or gone on another host of a shared filesystem or in another pid
// namespace: a container sharing the cache, named as the host under --network host) then. A lock
// not had within `waitMs` is done without: the caller says so (a warning), and its save still
// replaces the last one whole. A wait is on the event loop: SIGINT/SIGTERM/SIGHUP are handled
// meanwhile and end it (a wait on the thread held them off for up to `waitMs`, past a cancelled
// job's SIGKILL: the cleanups never ran).
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { interruptedFailure } from '../util/cleanup.js';
import { ownPidNamespace } from '../util/temp-owner.js';

export interface LockTiming {
  /** How long a save waits for the lock before it saves without it. */
  waitMs: number;
  /** A lock unchanged this long is its owner's leftover: broken. A save holds it for milliseconds. */
  staleMs: number;
}

const LOCK_TIMING: LockTiming = { waitMs: 60_000, staleMs: 20_000 };

/** A lock had: release it (only if it is still this one); `takenAt`: its time by the filesystem's clock. */
export interface HeldLock {
  release(): void;
  takenAt: number;
}

const POLL_MS = 25;

/** Sleep on this thread: the store's steps are synchronous (a save throws at once, as it always has). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A failed file system call's code (ENOENT), '' when it has none. */
export const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? '';

/** The lock's owner as written (host pid token); undefined when there is none (released meanwhile). */
function ownerOf(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/** This process's pid namespace ("pid:[4026531836]"); "-" where /proc cannot tell. */
function pidNamespace(): string {
  try {
    return ownPidNamespace().replace(/\s/g, '');
  } catch {
    return '-';
  }
}

/**
 * The owner is a process of this host and pid namespace that is no more (another host's, or one in
 * a pid namespace this process cannot see, cannot be asked: its pid here is another process or
 * none). An owner written without a namespace (an earlier version's) is taken as this one's.
 */
function ownerGone(owner: string): boolean {
  const [host, pid, , theirs] = owner.split(' ');
  if (host !== hostname() || !/^[1-9][0-9]*$/.test(pid ?? '')) return false;
  if (theirs !== undefined && theirs !== pidNamespace()) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    // EPERM: it is there, as another user.
    return codeOf(e) === 'ESRCH';
  }
}

/**
 * Break OWNER's lock: moved aside first, so that of two runs breaking it at once one does; one that
 * moved a lock taken meanwhile (not OWNER's) puts it back unless another was taken by then.
 */
function breakLock(file: string, owner: string): void {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // broken or released by someone else
  }
  try {
    if (ownerOf(aside) !== owner) linkSync(aside, file);
  } catch {
    // taken again meanwhile: that owner has it
  } finally {
    rmSync(aside, { force: true });
  }
}

/** A take under way: who takes it, since when, and the holder seen (and since when). */
interface Taking {
  me: string;
  start: number;
  seen?: { owner: string; since: number };
}

/**
 * The lock FILE, taken now (a lock had, or the reason why not: a string, when waitMs allows no
 * wait), or, when its holder runs, the promise of it after a wait on the event loop (a string when
 * it is not had within waitMs; an InterruptedError after SIGINT/SIGTERM/SIGHUP meanwhile).
 */
export function takeLock(
  file: string,
  timing: LockTiming = LOCK_TIMING,
): HeldLock | string | Promise<HeldLock | string> {
  const taking: Taking = {
    me: `${hostname()} ${process.pid} ${randomBytes(6).toString('hex')} ${pidNamespace()}`,
    start: Date.now(),
  };
  return tryTake(file, timing, taking) ?? waitFor(file, timing, taking);
}

async function waitFor(file: string, timing: LockTiming, taking: Taking): Promise<HeldLock | string> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const stopped = interruptedFailure(`the wait for the baseline's lock ${file}`);
    if (stopped) throw stopped;
    const taken = tryTake(file, timing, taking);
    if (taken !== undefined) return taken;
  }
}

/** One try at FILE: the lock, the reason why not, or undefined when its holder runs (wait then). */
function tryTake(file: string, timing: LockTiming, taking: Taking): HeldLock | string | undefined {
  const { me } = taking;
  for (;;) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, me);
      } finally {
        closeSync(fd);
      }
      return { release: () => release(file, me), takenAt: takenAt(file) };
    } catch (e) {
      if (codeOf(e) !== 'EEXIST') return `cannot create ${file}: ${codeOf(e) || (e as Error).message}`;
    }
    const owner = ownerOf(file);
    if (owner === undefined) continue;
    if (taking.seen?.owner !== owner) taking.seen = { owner, since: Date.now() };
    if (ownerGone(owner) || Date.now() - taking.seen.since >= timing.staleMs) {
      breakLock(file, owner);
      continue;
    }
    if (Date.now() - taking.start >= timing.waitMs)
      return `${file} is held by ${owner.split(' ').slice(0, 2).join(' pid ') || 'another run'}`;
    return undefined;
  }
}

function takenAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function release(file: string, me: string): void {
  try {
    if (ownerOf(file) === me) rmSync(file, { force: true });
  } catch {
    // best effort: a lock left behind is broken as its owner's leftover
  }
}
