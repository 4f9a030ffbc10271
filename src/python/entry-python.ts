// The Python an image starts (its ENTRYPOINT, else its CMD) against the python3 on its PATH that
// capture's probe and the smoke suites run. In uv's layout (ENTRYPOINT ["/app/.venv/bin/python"],
// PATH without the venv) they differ: the record described /usr/bin/python3 and its 3 packages
// while the image's own interpreter had the real ones, and nothing said so.
import path from 'node:path';
import { printable } from '../util/text.js';

/** The field of a record's errors that says the image runs another Python than the one described. */
const ENTRY_PYTHON_FIELD = 'python';

const PYTHON_NAME = /^python(\d+(\.\d+)?)?$/;

/**
 * The Python executable the image starts: the first argv word (entrypoint[0], else cmd[0]) when it
 * is an absolute path named python, python3 or python3.12. A relative `python` is looked up on PATH
 * as the probe's python3 is; a shell (`sh -c "exec ..."`) or a script is not looked into.
 */
export function entryPython(
  entrypoint: readonly string[] | null | undefined,
  cmd: readonly string[] | null | undefined,
): string | undefined {
  const first = entrypoint && entrypoint.length > 0 ? entrypoint[0] : cmd?.[0];
  if (first === undefined || !first.startsWith('/')) return undefined;
  return PYTHON_NAME.test(path.posix.basename(first)) ? path.posix.normalize(first) : undefined;
}

/**
 * The environment an interpreter belongs to: the directory above its bin/ (a venv's root, /usr,
 * /opt/conda), else its own directory. Binaries are not resolved: a venv's bin/python is often a
 * link to /usr/bin/python3.x, yet it is another environment (its own site-packages). /bin is
 * /usr/bin on a merged-/usr system, so / counts as /usr.
 */
function environmentOf(executable: string): string {
  const dir = path.posix.dirname(path.posix.normalize(executable));
  const root = path.posix.basename(dir) === 'bin' ? path.posix.dirname(dir) : dir;
  return root === '/' ? '/usr' : root;
}

/**
 * One line saying the image runs ENTRY while the record describes PROBED (the python3 on PATH the
 * probe ran as: record.python.executable), or undefined when both are the same environment.
 * `source` names where ENTRY came from (its ENTRYPOINT or its CMD).
 */
export function otherPython(
  entry: string | undefined,
  probed: string,
  source = 'ENTRYPOINT',
): string | undefined {
  if (entry === undefined || environmentOf(entry) === environmentOf(probed)) return undefined;
  // The image's paths, escaped (printable): a line break in one would forge a line where it is shown.
  const [e, b] = [printable(entry), printable(path.posix.dirname(entry))];
  return (
    `the image runs ${e} (its ${source}); this record describes python3 on PATH (${printable(probed)}): ` +
    `put ${b} first on PATH (ENV PATH=${b}:$PATH) to have it described`
  );
}

/** The record's errors entry for an image whose ENTRYPOINT/CMD runs another Python, if any. */
export function entryPythonError(
  image: { entrypoint: readonly string[] | null; cmd: readonly string[] | null },
  probedExecutable: string,
): { field: string; error: string } | undefined {
  const source = image.entrypoint && image.entrypoint.length > 0 ? 'ENTRYPOINT' : 'CMD';
  const error = otherPython(entryPython(image.entrypoint, image.cmd), probedExecutable, source);
  return error === undefined ? undefined : { field: ENTRY_PYTHON_FIELD, error };
}

/** The warning a record carries (entryPythonError) for the stages that print one; else undefined. */
export function entryPythonProblem(record: { errors: readonly { field: string; error: string }[] }) {
  return record.errors.find((e) => e.field === ENTRY_PYTHON_FIELD && e.error.startsWith('the image runs '))
    ?.error;
}

/**
 * Without a record (ml-image smoke on its own): the warning when the Python the image starts lies
 * in a directory its PATH (the image config's ENV, NAME=value) does not hold, so the python3 the
 * suites run is another one. A directory on PATH behind another python3 is not caught here.
 */
export function entryPythonOffPath(image: {
  entrypoint: readonly string[] | null;
  cmd: readonly string[] | null;
  env: readonly string[];
}): string | undefined {
  const entry = entryPython(image.entrypoint, image.cmd);
  if (entry === undefined) return undefined;
  const pathVar = [...image.env].reverse().find((e) => e.startsWith('PATH='));
  const dirs = (pathVar?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    .split(':')
    .filter((d) => d.startsWith('/'))
    .map((d) => environmentOf(`${d}/python3`));
  if (dirs.includes(environmentOf(entry))) return undefined;
  const source = image.entrypoint && image.entrypoint.length > 0 ? 'ENTRYPOINT' : 'CMD';
  const [e, bin] = [printable(entry), printable(path.posix.dirname(entry))];
  return (
    `the image runs ${e} (its ${source}), whose directory is not on its PATH; the suites run ` +
    `python3 on PATH, another Python: put ${bin} first on PATH (ENV PATH=${bin}:$PATH) to test it`
  );
}
