// Reading a file a user named (a record, a result, a public key): a regular file only, at most a
// given size, opened without blocking. readFileSync on a FIFO waits for a writer forever on the
// main thread (where SIGINT is never handled), /dev/zero never ends, and a huge file exhausts
// memory; each of these is refused at once instead, saying which it is.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { readBounded } from './read-bounded.js';
import path from 'node:path';

/** The limit on a JSON file the tool reads back: its records are a few MB; this is generous. */
export const MAX_JSON_INPUT_BYTES = 256 * 1024 * 1024;

const MIB = 1024 * 1024;

/**
 * Why a file was not read: `code` is the system's error code (ENOENT, EACCES) when opening it
 * failed; otherwise `reason` says what is wrong with it, worded to follow the file's name
 * ("is a FIFO, not a regular file").
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: string,
    readonly code?: string,
  ) {
    super(reason);
    this.name = 'UnreadableFileError';
  }
}

/** What a file that is not a regular file is, in words. */
function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** How a message says what ST is when a regular file was wanted: "is a FIFO, not a regular file". */
export function notRegularFile(st: Stats): string {
  const kind = fileKind(st);
  return kind === 'not a regular file' ? `is ${kind}` : `is ${kind}, not a regular file`;
}

/**
 * A failed file operation's error code in words (stat, open, read, write, rename): one table for
 * every message that says why a path a user named could not be used.
 */
const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  ENOTDIR: 'a path component is not a directory',
  ELOOP: 'too many symbolic links (a link loop)',
  ENAMETOOLONG: 'name too long',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
};

/** CODE in words (ERRNO_TEXT), undefined for a code the table does not know. */
export const errnoText = (code: string | undefined): string | undefined =>
  code === undefined ? undefined : ERRNO_TEXT[code];

/** A failed stat's error in words with its code: "a path component is not a directory (ENOTDIR)". */
export function statErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === undefined) return `cannot be looked at (${String((e as Error).message ?? e).split('\n')[0]})`;
  return `${errnoText(code) ?? 'cannot be looked at'} (${code})`;
}

/** A failed open's code in words with the code: "no such file (ENOENT)", "permission denied (EACCES)". */
export function openErrorText(code: string): string {
  return `${errnoText(code) ?? 'cannot be read'} (${code})`;
}

/** The fix for a file a user named that could not be opened (CODE): FIX_PATH unless a permission. */
export function openErrorFix(code: string, fixPath?: string): string | undefined {
  if (code === 'EACCES' || code === 'EPERM')
    return 'make it readable by this user (chmod u+r, or the owner of the file), or copy it somewhere you can read';
  return fixPath;
}

/** Whether P is a directory (lstat with LINK: a link to one is not); false when nothing, or nothing readable, is there. */
export function isDirectoryAt(p: string, link = false): boolean {
  try {
    return (link ? lstatSync(p) : statSync(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * stat P (lstat with LINK: the link itself): its Stats, undefined when nothing is there (ENOENT);
 * any other failure is thrown. Not `throwIfNoEntry: false`: from Node 24 that also answers
 * undefined for a file where a directory should be on the way (ENOTDIR), which Node 20 throws, so
 * the same path would be "not found" on a runner's node24 and "a path component is not a
 * directory" here.
 */
export function statOrAbsent(p: string, link = false): Stats | undefined {
  try {
    return link ? lstatSync(p) : statSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * stat P (following links): its Stats, undefined when nothing is there (ENOENT), or, when the
 * path cannot be looked at (a link loop, a file where a directory should be, a name too long, no
 * permission), a string saying why (statErrorText) instead of a throw.
 */
export function statPath(p: string): Stats | undefined | string {
  try {
    return statOrAbsent(p);
  } catch (e) {
    return statErrorText(e);
  }
}

/**
 * P with its links resolved (as a builder or pip will read it). A path that does not exist yet (an
 * export's dest, a result directory made later) gets its deepest existing folder resolved and the
 * rest as written: under a linked workspace it is still seen inside the real context. P itself when
 * nothing of it can be resolved.
 */
export function realPathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    if (parent === p || parent === '.') return p;
    const real = realPathOrSelf(parent);
    return real === parent ? p : path.join(real, path.basename(p));
  }
}

/** A size for a message: bytes below 1 MiB (a limit in a test), MiB above. */
export function sizeText(bytes: number): string {
  if (bytes < MIB) return `${bytes} bytes`;
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${(bytes / MIB).toFixed(1)} MiB`;
}

/**
 * READ(fd, its Stats) on FILE, opened without blocking, when it is a regular file; anything else,
 * and a failed open or read, throws an UnreadableFileError.
 */
function withRegularFile<T>(file: string, read: (fd: number, st: Stats) => T): T {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once (to be refused below) instead of
    // blocking until one comes. It changes nothing for a regular file.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw systemError(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnreadableFileError(notRegularFile(st));
    return read(fd, st);
  } catch (e) {
    throw e instanceof UnreadableFileError ? e : systemError(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of FILE, a regular file of at most MAX_BYTES; anything else throws an
 * UnreadableFileError. A file that grows while it is read is refused, never read unbounded.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  return withRegularFile(file, (fd, st) => {
    if (st.size > maxBytes)
      throw new UnreadableFileError(`is ${sizeText(st.size)}, over the ${sizeText(maxBytes)} limit`);
    // One byte more than fstat said: a file that grew since is noticed, not read without end.
    const buf = readBounded(fd, st.size + 1);
    if (buf.length > st.size)
      throw new UnreadableFileError(
        // procfs and sysfs files report no size, before and after they are read, yet have content.
        st.size === 0 && fstatSync(fd).size === 0
          ? 'reports no size yet has content (a /proc or /sys file), not a file on disk: copy it to one'
          : 'changed while being read',
      );
    return buf;
  });
}

/**
 * The last MAX_BYTES of FILE, a regular file of any size (a log that may have grown past any
 * limit), and the offset they start at (0: the whole file); anything else throws an
 * UnreadableFileError, as readRegularFile.
 */
export function readRegularTail(file: string, maxBytes: number): { bytes: Buffer; from: number } {
  return withRegularFile(file, (fd, st) => {
    const from = Math.max(0, st.size - maxBytes);
    const buf = Buffer.alloc(st.size - from);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got)
      got = readSync(fd, buf, n, buf.length - n, from + n);
    return { bytes: buf.subarray(0, n), from };
  });
}

/** A failed open or read: its error code when the system gave one. */
function systemError(e: unknown): UnreadableFileError {
  const err = e as NodeJS.ErrnoException;
  return err.code !== undefined
    ? new UnreadableFileError(err.code, err.code)
    : new UnreadableFileError(`cannot be read (${String(err.message ?? e).split('\n')[0]})`);
}

/**
 * The text of FILE (readRegularFile), or the error REFUSED makes of why it cannot be read (its
 * `code`: the system's, e.g. EACCES; else its `reason`: a directory, over the limit ...).
 */
export function readRegularText(
  file: string,
  maxBytes: number,
  refused: (e: UnreadableFileError) => Error,
): string {
  return readRegularBytes(file, maxBytes, refused).toString('utf8');
}

/** readRegularText's bytes, undecoded (for a reader that decodes strictly). */
export function readRegularBytes(
  file: string,
  maxBytes: number,
  refused: (e: UnreadableFileError) => Error,
): Buffer {
  try {
    return readRegularFile(file, maxBytes);
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    throw refused(e);
  }
}
