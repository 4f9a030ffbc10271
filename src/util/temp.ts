// Every temp dir of a run lives under one run-scoped root, <tmpdir>/ml-image-<run id>, so the
// action's post step (and a person) can remove all of them at once even after a SIGKILL.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';
import { RUN_ID } from './run-id.js';
import { OWNER_FILE, readStamp, stampedOwnerGone, stampRoot } from './temp-owner.js';

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
    checkPrivate(root, lstatSync(root));
    stampRoot(root); // who made it: a later run can tell it is gone (temp-owner.ts)
    rootMade = root;
    sweepStaleRoots(base); // never this run's own root (see there)
    process.once('exit', () => removeIfOnlyStamp(root));
  }
  return root;
}

/**
 * The root holds the build's secret files (pip.conf with index credentials, build.secrets values):
 * it must be this user's own directory that no one else may enter. Its name can be guessed (pid and
 * time), so on a shared /tmp another user could make it first, open to all, and then swap the
 * directories made inside it: such a root is refused (exit 3), never used. On native Windows only
 * the is-a-directory test holds: its tmpdir() is the per-user %TEMP% (under the user's profile,
 * which other users may not enter), node reports no uid (0), and libuv gives every writable
 * directory the mode 0666 (deps/uv/src/win/fs.c fs__stat_handle), which no ACL changes: the mode test
 * would refuse every run with a fix that cannot be met. PLATFORM and UID are injected for tests.
 */
export function checkPrivate(
  root: string,
  st: Pick<Stats, 'isDirectory' | 'uid' | 'mode'>,
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.(),
): void {
  const windows = platform === 'win32';
  const problem = !st.isDirectory()
    ? 'is not a directory'
    : windows
      ? undefined
      : uid !== undefined && st.uid !== uid
        ? `belongs to another user (uid ${st.uid})`
        : (st.mode & 0o077) !== 0
          ? `may be entered by other users (mode ${(st.mode & 0o777).toString(8)})`
          : undefined;
  if (problem !== undefined)
    throw new EnvironmentError(
      `the run's temp directory ${root} ${problem}: the build's secret files would be readable there`,
      'remove it (someone else may have made it), or set TMPDIR to a directory only you can enter, and run again',
    );
}

/** mkdtemp under the run's temp root. */
export function runTempDir(prefix: string): string {
  try {
    return mkdtempSync(path.join(runTempBase(), prefix));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    // The root went while it was empty: another run's sweep, when a custom ML_IMAGE_RUN_ID makes
    // this run look like a gone process there. It is made (and checked) again.
    rootMade = undefined;
    return mkdtempSync(path.join(runTempBase(), prefix));
  }
}

/**
 * ROOT removed when nothing but its stamp is in it: a dir still in use is left to its owner (or the
 * post step), with the stamp that tells a later run when its owner is gone.
 */
function removeIfOnlyStamp(root: string): void {
  try {
    if (readdirSync(root).some((e) => e !== OWNER_FILE)) return;
    rmSync(path.join(root, OWNER_FILE), { force: true });
    rmdirSync(root);
  } catch {
    // not empty, or already gone
  }
}

/**
 * A root of a gone process not touched for this long is removed with what it holds (secret files
 * of a build that was killed with SIGKILL): no run lasts a day, so a root that old in a pid
 * namespace this process cannot see is no live run's either.
 */
export const STALE_ROOT_MS = 24 * 60 * 60 * 1000;

/**
 * Remove the temp roots of runs whose process is gone (a process that ended without its 'exit'
 * event: killed, or a test worker): an empty one (or one holding only its stamp) at once; one with
 * something in it (a build's secret files, after a SIGKILL) when it is this user's and its stamp
 * says for certain that its process is gone (temp-owner.ts: this pid namespace, this boot), else
 * once untouched for STALE_ROOT_MS. Never one whose name does not carry a pid, nor OWN (this run's
 * root: a custom ML_IMAGE_RUN_ID may look like `<pid>-<id>` with a number that is no live process
 * here, such as `<run id>-<attempt>` or a parent's pid in another pid namespace).
 */
export function sweepStaleRoots(
  base: string = tmpdir(),
  now: number = Date.now(),
  own: string = path.basename(runTempRoot()),
  procDir = '/proc',
): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^ml-image-(\d+)-[0-9a-z]+$/.exec(name)?.[1];
    if (pid === undefined || name === own || Number(pid) === process.pid) continue;
    const dir = path.join(base, name);
    // A stamped root's owner is known: gone for certain (its pid reused too), or not to be told.
    const stamp = readStamp(dir);
    const gone = stamp !== undefined && stamp.pid === Number(pid) && stampedOwnerGone(stamp, procDir);
    if (!gone && isAlive(Number(pid))) continue;
    removeIfOnlyStamp(dir);
    removeIfMine(dir, (st) => gone || now - st.mtimeMs > STALE_ROOT_MS);
  }
}

/** DIR (a gone process's root) with what it holds, when it is this user's and WHEN says so. */
function removeIfMine(dir: string, when: (st: Stats) => boolean): void {
  try {
    const st = lstatSync(dir);
    const mine = process.getuid === undefined || st.uid === process.getuid();
    if (st.isDirectory() && mine && when(st)) rmSync(dir, { recursive: true, force: true });
  } catch {
    // gone, or not ours to remove
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
