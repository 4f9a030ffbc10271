// JSON files the tool reads back (records, results, digests, build.json): a missing or malformed
// file is bad input naming the file (exit 2), never a bare SyntaxError with a stack trace.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError, InputError, MlImageError } from '../errors.js';
import { interruptedFailure, registerCleanup } from './cleanup.js';
import {
  errnoText,
  MAX_JSON_INPUT_BYTES,
  openErrorFix,
  openErrorText,
  readRegularBytes,
} from './read-regular.js';
import { decodeUtf8Strictly } from './strict-utf8.js';

/** A parsed JSON value that is an object (not null, not a list). */
export const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * How deep a JSON file the tool reads back may nest. Its records nest a handful of levels; a
 * deeper one is not one of them, and walking it (JSON.stringify for a digest, redaction) would
 * overflow the stack: an internal error instead of bad input.
 */
export const MAX_JSON_DEPTH = 64;

/** Is TEXT nested deeper than MAX (arrays and objects, strings skipped)? One pass, no recursion. */
export function jsonNestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Where JSON.parse stopped in TEXT, as an offset: the one V8 names ("at position 8"), else (V8's
 * "Unexpected token 'p', "password=h"... is not valid JSON" names none) the shortest prefix that
 * already fails on a character of its own rather than at its end. O(log n) parses.
 */
function jsonFaultOffset(text: string, message: string): number {
  const named = /at position (\d+)/.exec(message)?.[1];
  if (named !== undefined) return Number(named);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const failsWithin = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      const m = (e as Error).message;
      const at = /at position (\d+)/.exec(m)?.[1];
      return at !== undefined ? Number(at) < n : !/Unexpected end of JSON input/.test(m);
    }
  };
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (failsWithin(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/**
 * Why TEXT is not JSON, quoting none of it (V8's message quotes the text around the fault, which may
 * be a credential of a file named by mistake): what was wrong, as V8 words it where its words are
 * its own, and the line and column where it stopped; a byte order mark at the start, by name.
 */
export function jsonSyntaxProblem(text: string, e: unknown): string {
  // An editor's (or PowerShell's) mark, invisible where "line 1, column 1" would point.
  if (text.startsWith('\uFEFF'))
    return 'a byte order mark (U+FEFF) at its start, which JSON files may not have: save it as UTF-8 without one';
  const message = (e as Error).message ?? String(e);
  const offset = Math.min(jsonFaultOffset(text, message), text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const what = /^Unexpected token|^Unexpected end/.test(message)
    ? offset >= text.length
      ? 'unexpected end of input'
      : 'unexpected character'
    : message.replace(/ in JSON at position \d+.*$/s, '').replace(/ at position \d+.*$/s, '');
  return `${what} at line ${line}, column ${column}`;
}

/** TEXT parsed as JSON; malformed or nested deeper than MAX_JSON_DEPTH is bad input naming SOURCE. */
export function parseJsonText(text: string, source: string, fix?: string): unknown {
  if (jsonNestedDeeperThan(text, MAX_JSON_DEPTH))
    throw new InputError(
      `${source}: JSON nested deeper than ${MAX_JSON_DEPTH} levels; not a file ml-image wrote`,
      fix ?? 'check the path: it must name a JSON file that ml-image wrote',
    );
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source}: not JSON: ${jsonSyntaxProblem(text, e)}`, fix);
  }
}

/**
 * `what` names the file's role in the message ("cannot read the build result"); `fix` says what to
 * do. Only a regular file of at most `maxBytes` (default MAX_JSON_INPUT_BYTES) is read: a FIFO or a
 * device named by mistake is refused at once rather than blocking or filling memory.
 */
export function readJsonFile(
  file: string,
  opts: { what?: string; fix?: string; maxBytes?: number } = {},
): unknown {
  const bytes = readRegularBytes(file, opts.maxBytes ?? MAX_JSON_INPUT_BYTES, (e) =>
    e.code !== undefined
      ? new InputError(
          `${file}: cannot read${opts.what ? ` the ${opts.what}` : ''}: ${openErrorText(e.code)}`,
          openErrorFix(e.code, opts.fix ?? 'check the path: it must name a JSON file that ml-image wrote'),
        )
      : new InputError(
          `${file}${opts.what ? ` (the ${opts.what})` : ''} ${e.reason}`,
          opts.fix ?? 'check the path: it must name a JSON file (a regular file) that ml-image wrote',
        ),
  );
  // Strictly: a byte that is not UTF-8 became U+FFFD without a word (a package name in an SBOM).
  const decoded = decodeUtf8Strictly(bytes, true);
  if ('problem' in decoded)
    throw new InputError(
      `${file}: ${decoded.problem}; not a JSON file ml-image wrote (UTF-8)`,
      opts.fix ?? 'check the path: it must name a JSON file that ml-image wrote',
    );
  return parseJsonText(decoded.text, file, opts.fix);
}

/** Error codes that mean the machine is out of room or read-only: an environment problem (exit 3). */
const NO_ROOM = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EFBIG']);
/**
 * A raw error of the machine's that no stage mapped (a full disk, a used-up quota, a read-only
 * filesystem, a file too large: NO_ROOM, as fs calls throw them) as the environment's failure
 * (exit 3) naming the path, never "internal error ... please report it" (exit 1); anything else
 * as it is.
 */
export function ofMachine(err: unknown): unknown {
  if (err instanceof MlImageError || !(err instanceof Error)) return err;
  const { code, path: at, dest } = err as Error & { code?: unknown; path?: unknown; dest?: unknown };
  if (typeof code !== 'string' || !NO_ROOM.has(code)) return err;
  const file = typeof dest === 'string' ? dest : typeof at === 'string' ? at : undefined;
  return new EnvironmentError(
    `cannot write${file !== undefined ? ` ${file}` : ''}: ${errnoText(code) ?? code} (${err.message})`,
    `${code === 'EROFS' ? 'write to a writable filesystem' : 'free space on that filesystem'}, or point the run elsewhere: its temporary files (build contexts, records) go under TMPDIR (the system's temporary directory when unset), its results under --out (the action's result-dir input)`,
    { cause: err },
  );
}

/** Pseudo filesystems: writing there hangs (a FIFO, a tty) or means nothing. */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return errnoText(err.code) ?? err.code ?? String((e as Error).message ?? e).split('\n')[0]!;
}

/**
 * Make sure `dir` is a directory the tool may write result files to, creating it when missing.
 * `label` names it in messages (e.g. "--out out"). Refuses, with exit 2 and at once, a path that
 * exists and is not a directory, and anything under /proc, /sys or /dev (FIFOs and ttys there would
 * block a write forever). A full or read-only filesystem is exit 3 naming the path. With
 * `create: false` it only checks (the CLI does so before any work, creating nothing).
 */
export function ensureResultDir(
  dir: string,
  label: string = dir,
  /** forFile: `dir` is where the file a flag names goes (`--out FILE`), and messages say so. */
  opts: { create?: boolean; flag?: string; forFile?: boolean } = {},
): string {
  const flag = opts.flag ?? (opts.forFile ? '--out FILE' : '--out DIR');
  const abs = path.resolve(dir);
  // The nearest existing ancestor, resolved through symlinks, decides where the files would land.
  let probe = abs;
  while (!existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  let real = probe;
  try {
    real = realpathSync(probe);
  } catch {
    // unreadable: mkdir below reports it
  }
  const under = (root: string) => real === root || real.startsWith(`${root}/`);
  if (PSEUDO_ROOTS.some(under) && !under('/dev/shm')) {
    const [needs, naming] = opts.forFile
      ? ['the file needs', 'a file on disk (its directory is created when missing)']
      : ['result files need', 'a directory on disk (it is created when missing)'];
    throw new InputError(
      `${label}: ${abs} is on a pseudo filesystem (${real}); ${needs} a real directory`,
      `pass ${flag} naming ${naming}`,
    );
  }
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory())
      throw new InputError(
        `${label}: ${abs} exists and is not a directory`,
        opts.forFile ? `pass ${flag} naming a file in a directory` : `pass ${flag} naming a directory`,
      );
    return abs;
  }
  if (!statSync(probe).isDirectory())
    throw new InputError(`${label}: cannot write ${abs}: a path component is not a directory (${probe})`);
  if (opts.create === false) return abs;
  try {
    mkdirSync(abs, { recursive: true });
  } catch (e) {
    throw writeError(mkdirCause(e, probe, abs), abs, label);
  }
  return abs;
}

/**
 * Why the recursive mkdir of ABS failed (E): Node's says ENOENT where the first directory it makes
 * under PROBE (the nearest existing one) is refused for another reason (a read-only filesystem:
 * EROFS), so that directory is made alone (MKDIR), which says why.
 */
export function mkdirCause(
  e: unknown,
  probe: string,
  abs: string,
  mkdir: (dir: string) => unknown = mkdirSync,
): unknown {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || probe === abs) return e;
  try {
    mkdir(path.join(probe, path.relative(probe, abs).split(path.sep)[0]!));
  } catch (again) {
    return again;
  }
  return e;
}

/** The exit-code contract for a failed write: no room / read-only is exit 3, anything else exit 2. */
export function writeError(e: unknown, file: string, label: string): Error {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (NO_ROOM.has(code))
    return new EnvironmentError(
      `${label}: cannot write ${file}: ${reasonOf(e)}`,
      code === 'EROFS'
        ? `the filesystem of ${path.dirname(file)} is mounted read-only: pass --out DIR on a writable one (or remount it read-write) and run again`
        : `free space on the filesystem of ${path.dirname(file)} (or pass --out DIR on another one) and run again`,
      { cause: e },
    );
  return new InputError(`${label}: cannot write ${file}: ${reasonOf(e)}`, undefined, { cause: e });
}

/**
 * Each of FILES, which writeFileAtomic is about to replace one after another, checked first: a
 * directory in one's place (or a file in a directory's on its way) would fail its write after the
 * files before it were written (a plan.json beside no matrix.json, the reports of some variants):
 * bad input naming it, before any is written. Anything else there (a file, a link, a FIFO) the
 * write replaces.
 */
export function checkReplaceable(files: readonly string[], label: string): void {
  for (const file of files) {
    let problem: string | undefined;
    try {
      if (lstatSync(file).isDirectory()) problem = 'a directory is in its place';
    } catch (e) {
      // A file where a directory on its way should be (comment/ as a file); nothing there is fine,
      // and anything else the write says.
      if ((e as NodeJS.ErrnoException).code === 'ENOTDIR')
        problem = 'a file is where a directory on its way should be';
    }
    if (problem !== undefined)
      throw new InputError(
        `${label}: cannot write ${file}: ${problem}`,
        'remove what is in the way, or pass another output directory',
      );
  }
}

/**
 * Write a file atomically: a temporary file in the same directory, then rename. A reader (a later
 * run) sees the old file or the whole new one, never a truncated JSON; on failure the temporary
 * file is removed. The temporary file is created exclusively, so a FIFO or symlink planted at the
 * target is replaced, never written through. `durable: false` skips the fsync: the rename is still
 * atomic for readers, only a power loss may lose the file (for copies of what is kept elsewhere).
 * `mode`: the file's permissions (less the umask), 0o600 for one private to the user.
 */
export function writeFileAtomic(
  file: string,
  content: string | Buffer,
  label: string = file,
  durable = true,
  mode = 0o644,
): void {
  const tmp = tempNameFor(file);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing
      }
    }
    removeTemp(tmp);
    throw writeError(e, file, label);
  }
}

/** A failed write's temporary file, removed if it was made (a path under a file: ENOTDIR, none). */
function removeTemp(tmp: string): void {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // Never made (its directory is not one): nothing to remove; the write's own error is thrown.
  }
}

/** A temporary file's name beside FILE, for one atomic write. */
const tempNameFor = (file: string) =>
  path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );

/**
 * writeFileAtomic off node's thread: the open, write, rename (and fsync) run on libuv's pool while
 * the caller goes on (the attest stage writes its predicates and envelopes so, while it signs and
 * the registry answers). The same failures, as a rejection. A signal meanwhile (the cleanup
 * registry) removes the temporary file once its open has settled: an open still queued on the pool
 * would make the file after a removal at once, and the process would exit leaving it. The write
 * then does not land (its rename fails), and the old file stays whole.
 */
export async function writeFileAtomicLater(
  file: string,
  content: string | Buffer,
  label: string = file,
  durable = true,
): Promise<void> {
  const tmp = tempNameFor(file);
  const opening = open(tmp, 'wx', 0o644);
  const unregister = registerCleanup(async () => {
    await opening.catch(() => undefined);
    removeTemp(tmp);
  });
  let handle: FileHandle | undefined;
  try {
    handle = await opening;
    await handle.writeFile(content);
    if (durable) await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    // A signal's cleanup removed the temporary file: the signal's failure, not a write error.
    throw interruptedFailure(`the write of ${file}`, undefined, e) ?? writeError(e, file, label);
  } finally {
    unregister();
  }
}
