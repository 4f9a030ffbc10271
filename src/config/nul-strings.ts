// A config string holding U+0000 (YAML's "\0" escape): no command line, argument, file name, label
// or environment variable can carry one (a field used only in-process, a smoke output pattern, may).
// Refused where the config is read, naming each value (or key) and its line, rather than failing
// later in a process spawn or the engine's API.
import { type IssueOrigins, type Path, problemAt } from './issues.js';

const NUL_PROBLEM =
  'holds a NUL character (U+0000, "\\0"): no command, argument, file name or label can carry one; remove it';

/**
 * Fields only used in-process, never passed to a spawned command or the engine: a custom test's
 * expectedOutput / excludedOutput patterns, matched by the smoke matcher's worker (a NUL in a
 * regex, "a\0b", matches one in the output).
 */
const inProcessOnly = (path: Path) =>
  path.length >= 4 &&
  path[0] === 'smoke' &&
  path[1] === 'tests' &&
  typeof path[2] === 'number' &&
  (path[3] === 'expectedOutput' || path[3] === 'excludedOutput');

/**
 * The problems of the strings (values and keys) in DATA that hold U+0000, at most MAX: each a
 * field that reaches a command, an argument, a file name or a label (not an in-process one).
 */
export function nulStringProblems(data: unknown, origins: IssueOrigins, max = 100): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: Path): void => {
    if (out.length >= max || inProcessOnly(path)) return;
    if (typeof v === 'string') {
      if (v.includes('\0')) out.push(problemAt(path, NUL_PROBLEM, origins));
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (v !== null && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\0')) out.push(problemAt([...path, k], `the key ${NUL_PROBLEM}`, origins));
        else walk(item, [...path, k]);
      }
  };
  walk(data, []);
  return out;
}
