// Reading one requirements file at the door: a regular file, bounded in size, not under /proc,
// /sys or /dev (an include of /proc/self/environ would hand the process's environment to pip), and
// given a root (the workspace), inside it. Any other is exit 2 naming the file and who included it.
// Its bytes are decoded as pip decodes them (decode.ts: a byte-order mark, UTF-16 included, or a
// `coding:` comment, else UTF-8); a file pip cannot decode is exit 2 too.
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { type ErrorLocation, InputError, locationOf } from '../errors.js';
import { notRegularFile } from '../util/read-regular.js';
import { shownUrl } from '../util/redact.js';
import { printable } from '../util/text.js';
import { decodeRequirements } from './decode.js';

/** Larger requirements files are refused: pip's own are kilobytes; this bounds every read. */
export const MAX_REQUIREMENTS_BYTES = 5 * 1024 * 1024;

/** Where no requirements file is read from, whatever it looks like: the kernel's and devices' files. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];

/** Whether the path P lies in DIR (or is DIR): both absolute, compared as written. */
export const isInside = (p: string, dir: string): boolean => {
  const rel = path.relative(dir, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

/**
 * The real path of a requirements file, refused (exit 2) under /proc, /sys, /dev or outside root,
 * the error PLACED on the -r / -c line that includes it.
 */
function checkedRealPath(
  abs: string,
  where: string,
  root: string | undefined,
  placed: { location: ErrorLocation | undefined },
): string {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    throw new InputError(
      `cannot read the requirements file ${printable(abs)}${where}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      'check its permissions',
      placed,
    );
  }
  // The path as written counts too: /dev/stdin resolves through /proc/self/fd to another file.
  const system = SYSTEM_DIRS.find((d) => isInside(abs, d) || isInside(real, d));
  if (system !== undefined)
    throw new InputError(
      `requirements file ${printable(abs)}${where} is under ${system}: system files are never read as requirements`,
      'name a requirements file of your repository',
      placed,
    );
  if (root === undefined) return real;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (e) {
    throw new InputError(
      `the workspace ${root} cannot be resolved: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  if (!isInside(real, realRoot))
    throw new InputError(
      `requirements file ${printable(abs)}${where} is outside the workspace ${printable(realRoot)}${real === abs ? '' : ` (it resolves to ${printable(real)})`}`,
      'keep requirements files, and every -r include, inside the repository',
      placed,
    );
  return real;
}

/**
 * What is wrong with naming P as a requirements file (python.requirements, --requirements) when P
 * is a URL: those name local files (resolved as a path, `https://h/r.txt` would be reported as the
 * missing file `./https:/h/r.txt`). Its login and query masked.
 */
export function requirementsUrlProblem(p: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(p)) return undefined;
  return `${printable(JSON.stringify(shownUrl(p)))} is a URL, not a file: requirements files are read from disk; download it into the repository, or name it with an "-r URL" line in a requirements file (pip fetches it)`;
}

/** FILES as given (--requirements, python.requirements), or exit 2 at the first that is a URL. */
export function refuseRequirementsUrls(files: readonly string[]): readonly string[] {
  for (const f of files) {
    const url = requirementsUrlProblem(f);
    if (url !== undefined) throw new InputError(`requirements file ${url}`);
  }
  return files;
}

/**
 * Read one requirements file: a regular file of at most MAX_REQUIREMENTS_BYTES, not under /proc,
 * /sys or /dev, and (given a root) inside root, decoded as pip decodes it (decodeRequirements),
 * else exit 2. BYTES: handed the bytes of a file so read (what provenance names by digest).
 */
export function readRequirementsFile(
  abs: string,
  from?: string,
  root?: string,
  bytes?: (data: Buffer) => void,
): string {
  const where = from ? ` (included from ${printable(from)})` : '';
  // An included file's problem is annotated on the line that includes it (FROM is "FILE:LINE").
  const placed = { location: locationOf(from) };
  let st: Stats;
  try {
    st = statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new InputError(
        `requirements file not found: ${printable(abs)}${where}`,
        'check the path in python.requirements / --requirements',
        placed,
      );
    throw new InputError(
      `cannot read the requirements file ${printable(abs)}${where}: ${code ?? String(e)}`,
      'check its permissions',
      placed,
    );
  }
  if (!st.isFile())
    throw new InputError(
      `requirements file ${printable(abs)}${where} ${notRegularFile(st)}`,
      'name a requirements file (a text file of requirement lines)',
      placed,
    );
  if (st.size > MAX_REQUIREMENTS_BYTES)
    throw new InputError(
      `requirements file ${printable(abs)}${where} is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_REQUIREMENTS_BYTES / 1024 / 1024} MB limit`,
      'a requirements file lists packages; split it or remove what is not a requirement',
      placed,
    );
  const real = checkedRealPath(abs, where, root, placed);
  let data: Buffer;
  try {
    data = readFileSync(real);
  } catch (e) {
    throw new InputError(
      `cannot read the requirements file ${printable(abs)}${where}: ${(e as Error).message}`,
      'check its permissions',
      placed,
    );
  }
  const decoded = decodeRequirements(data);
  if ('why' in decoded)
    throw new InputError(`requirements file ${printable(abs)}${where} ${decoded.why}`, decoded.fix, placed);
  bytes?.(data);
  return decoded.text;
}
