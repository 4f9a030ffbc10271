// The directory baseline store's files (baseline.ts dirBaselineStore), safe for runs that save and
// restore the same key and branch at once (a shared self-hosted runner, two local runs):
//   <slug>/<branch>            a link to the newest save (a directory: a save of an earlier version)
//   <slug>/<branch>+<id>/      a save: written whole before the link names it, never changed after
//   <slug>/<branch>+lock       held while a save reads the one it replaces and switches the link
// A restore reads the link once and is given the save it names: another run switching the link
// meanwhile changes nothing it reads. A replaced save is removed by a later save GRACE_MS after it
// was replaced.
// On a filesystem without links the save's directory is renamed into <branch> instead (an earlier
// version's way, under the lock).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { InterruptedError } from '../util/cleanup.js';
import { statOrAbsent } from '../util/read-regular.js';
import { codeOf, type HeldLock, type LockTiming, sleepSync, takeLock } from './baseline-lock.js';

/** What a store restored: the records' directory, and the commit they were saved at. */
export interface RestoredBaseline {
  dir: string;
  /** The commit of the save, when the store knows it (not checked: see restoreBaseline). */
  sha?: string;
}

/** What a save does beside writing FILES. */
export interface SaveOptions {
  /**
   * The files to carry over from the save this one replaces (base-records.ts saveBase: a platform
   * this run has no record of), given that save as the store finds it as it replaces it. The
   * directory store asks under its lock, so of two runs saving at once the later keeps what the
   * earlier saved; the Actions cache, whose entries are per commit, gives undefined.
   */
  keep?: (previous: RestoredBaseline | undefined) => readonly string[];
  /** What went wrong without failing the save (a lock not had), for the log. */
  warning?: (message: string) => void;
}

/** The directory store's note of the commit a save is of (absent in saves before it was written). */
export const BASELINE_SHA_FILE = 'baseline-sha.txt';

/** How long a replaced save is kept, for a run that restored it just before and still reads it. */
const GRACE_MS = 10 * 60_000;

/** What tests change: the lock's timing, the grace, how a link is made (a filesystem without any). */
export interface DirStoreTuning {
  lock?: LockTiming;
  graceMs?: number;
  link?: (target: string, at: string) => void;
}

/** Where a key's saves of a branch are: DIR (root/<slug>), NAME (the branch's slug). */
export interface Place {
  dir: string;
  name: string;
}

/** What a save that is gone (replaced and removed, or moved aside) answers. */
const GONE = new Set(['ENOENT', 'ENOTDIR', 'EINVAL']);
/** What making a link answers where the filesystem (or the system) has none. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);
/** What renaming the link answers when a directory is in its place (an earlier version's save). */
const DIR_IN_PLACE = new Set(['EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR']);

const lockFile = (p: Place) => path.join(p.dir, `${p.name}+lock`);
const newName = (p: Place) =>
  `${p.name}+${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;

/** The save <branch> names: the link's target, the directory itself (an earlier version's), none. */
function currentDir(p: Place): string | undefined {
  const at = path.join(p.dir, p.name);
  const st = statOrAbsent(at, true);
  if (!st) return undefined;
  return st.isSymbolicLink() ? path.resolve(p.dir, readlinkSync(at)) : at;
}

/** The newest save, none, or the directory that went away while it was read (`gone`). */
function readSave(p: Place): RestoredBaseline | undefined | { gone: string } {
  let dir: string | undefined;
  let names: string[];
  try {
    dir = currentDir(p);
    if (dir === undefined) return undefined;
    names = readdirSync(dir);
  } catch (e) {
    if (GONE.has(codeOf(e))) return { gone: dir ?? path.join(p.dir, p.name) };
    throw e;
  }
  if (!names.some((n) => n !== BASELINE_SHA_FILE)) return undefined;
  let sha: string | undefined;
  try {
    sha = readFileSync(path.join(dir, BASELINE_SHA_FILE), 'utf8').slice(0, 100).trim();
  } catch (e) {
    if (!GONE.has(codeOf(e))) throw e;
  }
  return { dir, ...(sha && { sha }) };
}

/**
 * The newest save of P. Read again once when what it named went away (replaced and removed since)
 * or when there is none while a save holds the lock (an earlier version's directory being replaced
 * by a link: gone for an instant). Gone twice: its directory all the same, which the report says it
 * could not read (base-records.ts readEntries), rather than a "first run".
 */
export function restoreDir(p: Place): RestoredBaseline | undefined {
  const first = readSave(p);
  if (first !== undefined && !('gone' in first)) return first;
  if (first === undefined) {
    if (!existsSync(lockFile(p))) return undefined;
    sleepSync(50);
  }
  const again = readSave(p);
  if (again !== undefined && 'gone' in again) return { dir: again.gone };
  return again;
}

/**
 * Save FILES (and the sha note) as P's newest: written whole in a directory of its own, then, under
 * the lock, what OPTS keeps of the save it replaces, and the link switched to it (one rename: a
 * restore sees the last save or this one). FAIL makes the error of a save that cannot be written
 * (thrown, its directory removed); a lock not had is a warning. Done at once, unless another run
 * holds the lock: then the promise of it, after a wait that SIGINT/SIGTERM/SIGHUP end (an
 * InterruptedError, this save's directory removed).
 */
export function saveDir(
  p: Place,
  sha: string,
  files: readonly string[],
  opts: SaveOptions,
  tuning: DirStoreTuning,
  fail: (e: unknown) => Error,
): void | Promise<void> {
  const name = newName(p);
  const dir = path.join(p.dir, name);
  const removeAndFail = (e: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    return fail(e);
  };
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of files) cpSync(f, path.join(dir, path.basename(f)));
    writeFileSync(path.join(dir, BASELINE_SHA_FILE), `${sha}\n`);
  } catch (e) {
    throw removeAndFail(e);
  }
  const unreadable = (e: unknown) => `cannot read ${lockFile(p)}: ${codeOf(e) || (e as Error).message}`;
  const switched = (lock: HeldLock | string) => switchLocked(p, name, lock, opts, tuning, removeAndFail);
  let lock: ReturnType<typeof takeLock>;
  try {
    lock = takeLock(lockFile(p), tuning.lock);
  } catch (e) {
    lock = unreadable(e);
  }
  if (!(lock instanceof Promise)) return switched(lock);
  return lock.then(switched, (e: unknown) => {
    if (!(e instanceof InterruptedError)) return switched(unreadable(e));
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
}

/** With LOCK (or the reason why not), what OPTS keeps of the save it replaces, and the link switched to NAME. */
function switchLocked(
  p: Place,
  name: string,
  lock: HeldLock | string,
  opts: SaveOptions,
  tuning: DirStoreTuning,
  removeAndFail: (e: unknown) => Error,
): void {
  if (typeof lock === 'string')
    opts.warning?.(
      `saved the baseline without its lock (${lock}): a platform kept from the last save may lack another run's newer records`,
    );
  let replaced: string | undefined;
  let now: number;
  try {
    replaced = keepFrom(p, path.join(p.dir, name), opts);
    now = typeof lock === 'string' ? statSync(path.join(p.dir, name)).mtimeMs : lock.takenAt;
    switchTo(p, name, replaced, now, tuning.link ?? symlinkSync);
  } catch (e) {
    throw removeAndFail(e);
  } finally {
    if (typeof lock !== 'string') lock.release();
  }
  removeReplaced(p, [name, replaced], now - (tuning.graceMs ?? GRACE_MS));
}

/** Copy into DIR what OPTS keeps of P's newest save; that save's directory (the one replaced). */
function keepFrom(p: Place, dir: string, opts: SaveOptions): string | undefined {
  const found = readSave(p);
  const previous = found !== undefined && !('gone' in found) ? found : undefined;
  for (const f of opts.keep?.(previous) ?? []) cpSync(f, path.join(dir, path.basename(f)));
  return previous?.dir;
}

/**
 * Point <branch> at the save NAME: a link made beside it and renamed over it. The save it replaces
 * (REPLACED) is touched, so that its grace counts from now; a directory an earlier version saved
 * is moved aside first (a save like the others from then on). Without links: NAME is renamed into
 * <branch>, what was there moved aside.
 */
function switchTo(
  p: Place,
  name: string,
  replaced: string | undefined,
  now: number,
  link: (target: string, at: string) => void,
): void {
  const at = path.join(p.dir, p.name);
  const tmp = path.join(p.dir, `${name}.link`);
  let linked = true;
  try {
    link(name, tmp);
  } catch (e) {
    if (!NO_LINKS.has(codeOf(e))) throw e;
    linked = false;
  }
  if (replaced !== undefined) touch(replaced, now);
  try {
    for (let tries = 1; ; tries++) {
      const st = statOrAbsent(at, true);
      if (st && (st.isDirectory() || !linked)) touch(moveAside(p, at), now);
      try {
        renameSync(linked ? tmp : path.join(p.dir, name), at);
        return;
      } catch (e) {
        // An earlier version saved a directory there meanwhile: moved aside too.
        if (tries >= 3 || !DIR_IN_PLACE.has(codeOf(e))) throw e;
      }
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Move what is at AT aside, under a save's name; that name (gone already: AT's). */
function moveAside(p: Place, at: string): string {
  const aside = path.join(p.dir, newName(p));
  try {
    renameSync(at, aside);
    return aside;
  } catch (e) {
    if (GONE.has(codeOf(e))) return at;
    throw e;
  }
}

function touch(dir: string, now: number): void {
  try {
    utimesSync(dir, now / 1000, now / 1000);
  } catch {
    // not ours to touch (another user's) or gone: its grace counts from when it was written
  }
}

/**
 * Remove P's saves (and leftovers: a link or lock moved aside) not touched since BEFORE, except KEEP
 * and the save <branch> names now. Best effort: another run may be removing them too.
 */
function removeReplaced(p: Place, keep: readonly (string | undefined)[], before: number): void {
  try {
    const kept = new Set([...keep, currentDir(p)].map((k) => k && path.basename(k)));
    for (const n of readdirSync(p.dir)) {
      if (!n.startsWith(`${p.name}+`) || n === `${p.name}+lock` || kept.has(n)) continue;
      const st = statOrAbsent(path.join(p.dir, n), true);
      if (st && st.mtimeMs < before) rmSync(path.join(p.dir, n), { recursive: true, force: true });
    }
  } catch {
    // the next save tries again
  }
}
