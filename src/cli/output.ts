import type { Stats } from 'node:fs';
import path from 'node:path';
import {
  MAX_JSON_INPUT_BYTES,
  notRegularFile,
  readRegularFile,
  statOrAbsent,
  statPath,
  UnreadableFileError,
} from '../util/read-regular.js';
import { redactUrls } from '../util/redact.js';
import { InputError } from '../errors.js';
import { ensureResultDir, writeError, writeFileAtomic } from '../util/json-file.js';

/**
 * Write one result file into the --out directory (created when missing); returns its path.
 * The directory is checked first (exit 2 at once for a non-directory or /proc, /sys, /dev), and so
 * is the name (a FIFO, device or directory there is exit 2); the file is written atomically (no
 * half-written JSON a later run would trust); a full or read-only filesystem is exit 3 naming the
 * path. Userinfo in URLs never reaches a result file.
 */
export function writeOutFile(
  cwd: string,
  outDir: string,
  name: string,
  content: string,
  /** How messages name the flag: `--out FILE` when it names the file itself (sbom, diff). */
  label = `--out ${outDir}`,
): string {
  const dir = ensureResultDir(path.resolve(cwd, outDir), label);
  const file = path.resolve(dir, name);
  if (path.relative(dir, file).startsWith('..'))
    throw new InputError(`${label}: ${name} is outside the directory`);
  ensureResultDir(path.dirname(file), label);
  // The rename would put a regular file in place of a FIFO or device the name holds (a directory
  // there fails it): the name must be free or (a link to) a regular file, as devcontainer's --out.
  refuseNonRegular(file, label, 'name a new file, or a regular file to replace');
  writeFileAtomic(file, redactUrls(content), label);
  return file;
}

/** Exit 2 (LABEL, FIX) when FILE is there and is not (a link to) a regular file. */
function refuseNonRegular(file: string, label: string, fix: string): void {
  const st = targetStat(file, label);
  if (st !== undefined && !st.isFile()) throw new InputError(`${label}: ${file} ${notRegularFile(st)}`, fix);
}

/** A file the command read, and how a message names it ("the record (--record)"). */
export interface ReadFile {
  what: string;
  file: string;
}

/**
 * `--out FILE` (sbom, diff, devcontainer): the file itself, named in messages as given, and the
 * messages are about a file, checked before its directory: /dev/null is a device, not a regular
 * file (not "a directory on disk"). Nor may it be one of the files the command read (INPUTS).
 */
export function writeOutFileNamed(
  cwd: string,
  out: string,
  content: string,
  inputs: readonly ReadFile[] = [],
): string {
  const label = `--out ${out}`;
  const file = path.resolve(cwd, out);
  refuseNonRegular(file, label, 'pass --out FILE naming a new file, or a regular file to replace');
  refuseInputAsOut(cwd, [file], label, inputs, 'pass --out FILE naming another file');
  ensureResultDir(path.dirname(file), label, { forFile: true });
  return writeOutFile(cwd, path.dirname(file), path.basename(file), content, label);
}

/**
 * Exit 2 (LABEL, FIX) when one of FILES, the files --out writes (their links followed), is one of
 * the files the command read (INPUTS, by device and inode: through a link or another path too): the
 * output would replace that input (sbom --record env.json --out env.json wrote the SBOM over the
 * record, which only a new capture gives back; resolve --out . its requirements.txt over yours).
 */
export function refuseInputAsOut(
  cwd: string,
  files: readonly string[],
  label: string,
  inputs: readonly ReadFile[],
  fix: string,
): void {
  for (const file of files) {
    const out = targetStat(file, label);
    if (out === undefined) continue;
    const same = inputs.find((i) => {
      const st = statPath(path.resolve(cwd, i.file));
      return typeof st === 'object' && st.dev === out.dev && st.ino === out.ino;
    });
    if (same !== undefined)
      throw new InputError(
        `${label}: ${file} is ${same.what}, which this command reads: the output would replace it`,
        fix,
      );
  }
}

/** Where an environment record comes from, for a path (sbom --record, diff's files) that names none. */
export const ENV_RECORD_FIX =
  'check the path: name an environment record, DIR/env.json as "ml-image capture --out DIR" writes it or env-<variant>-<arch>.json in a run\'s result directory';

/**
 * `--out FILE` (sbom, diff, devcontainer) ending in "/" (or "/." or "/..") names a directory, not
 * the file to write: refused (exit 2) rather than written as a file named after the directory
 * (`--out dcdir/` once wrote the file dcdir).
 */
export function refuseDirectoryOut(command: string, out: string): void {
  if (!/(?:^|\/)\.{0,2}$/.test(out)) return;
  throw new InputError(
    `${command}: --out ${out} names a directory (a path ending in "/", "/." or "/.." does), and --out names the file to write`,
    `pass --out FILE, e.g. --out ${path.join(out, 'FILE')}`,
  );
}

/**
 * What is at an output FILE (following links), undefined when nothing is; a path that cannot be
 * looked at (a link loop, a file where a directory should be, no permission, a name too long) is
 * an error naming LABEL and the file (exit 2; a full disk cannot happen here), not an internal one.
 */
function targetStat(file: string, label: string): Stats | undefined {
  try {
    return statOrAbsent(file);
  } catch (e) {
    throw writeError(e, file, label);
  }
}

/** What refuseForeignFile says and checks. */
export interface ForeignFileCheck {
  /** The command, as errors begin ("export: "). */
  prefix: string;
  /** The flag naming the file, as a stat error and a wrong kind of file name it ("--out DIR/job.yaml"). */
  flag: string;
  /** Does the text say ml-image wrote it (a marker line, the name it gave)? */
  ours: (text: string) => boolean;
  /** How ours tells, for the error ("its name is not ..."). */
  tell: string;
  force: boolean;
  fix: string;
}

/**
 * A file at FILE that ml-image did not write is a person's: refused (exit 2) unless --force. Only a
 * regular file is read (a FIFO would block, /dev/zero never end) and replaced: anything else there is
 * refused, --force or not; one that cannot be read may be a person's all the same (replacing it needs
 * no read permission). Nothing there: nothing to keep.
 */
export function refuseForeignFile(file: string, c: ForeignFileCheck): void {
  const st = targetStat(file, `${c.prefix}${c.flag}`);
  if (st === undefined) return;
  if (!st.isFile()) throw new InputError(`${c.prefix}${c.flag} ${notRegularFile(st)}`, c.fix);
  if (c.force) return;
  let text: string;
  try {
    text = readRegularFile(file, MAX_JSON_INPUT_BYTES).toString('utf8');
  } catch (e) {
    const why =
      e instanceof UnreadableFileError ? e.reason : ((e as NodeJS.ErrnoException).code ?? String(e));
    throw new InputError(
      `${c.prefix}${file} exists and cannot be read (${why}): it may not be ml-image's`,
      `pass --force to replace it, or ${c.fix}`,
    );
  }
  if (!c.ours(text))
    throw new InputError(
      `${c.prefix}${file} exists and was not written by ml-image (${c.tell})`,
      `pass --force to replace it, or ${c.fix}`,
    );
}
