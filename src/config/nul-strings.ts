// A config string holding U+0000 (YAML's "\0" escape): no command line, argument, file name, label
// or environment variable can carry one. Refused where the config is read, naming each value (or
// key) and its line, rather than failing later in a process spawn or the engine's API.
import { type IssueOrigins, type Path, problemAt } from './issues.js';

const NUL_PROBLEM =
  'holds a NUL character (U+0000, "\\0"): no command, argument, file name or label can carry one; remove it';

/** The problems of the strings (values and keys) in DATA that hold U+0000, at most MAX. */
export function nulStringProblems(data: unknown, origins: IssueOrigins, max = 100): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: Path): void => {
    if (out.length >= max) return;
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
