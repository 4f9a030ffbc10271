// Turn zod issues into one line per offending path, naming what was expected and what was found:
//   variants[1].cuda: expected a version like "12.8", got "cu128"
import { z } from 'zod';
import { REDACTED, redactMessage, redactText } from '../util/redact.js';
import { clip, codePointEscape, didYouMean, printable } from '../util/text.js';

export type Path = readonly PropertyKey[];

/** Problems listed one by one; past this, one line counts the rest (a huge file stays readable). */
const MAX_PROBLEMS = 100;

/** The characters of a key a message shows. */
const MAX_KEY_SHOWN = 120;

/** Spaces other than U+0020 (a no-break space pasted from a web page), which look like one. */
const OTHER_SPACES = '[\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]';

/**
 * A key with a blank at either end, or a space that only looks like one, quoted with that space
 * escaped: an indentation of "\u00a0 " made `  name: unknown key`, the key seemingly indented.
 */
function spaced(key: string): string {
  if (!new RegExp(`^\\s|\\s$|${OTHER_SPACES}`).test(key)) return key;
  return `"${key.replace(new RegExp(OTHER_SPACES, 'g'), codePointEscape)}"`;
}

export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      // A key is the user's text too (a mirror's source): a login or token in it is masked.
      const key = String(seg);
      // An empty key (`"":` or a null `~:`) is shown as "", not as nothing (or "(top level)").
      if (key === '') {
        out += out === '' ? '""' : '.""';
        continue;
      }
      // Clipped after masking (a clip could cut a token short of its pattern): a key of megabytes
      // (a fork's artifact) is named by its start, not printed whole; escaped after the clip, so
      // that no escape is cut in two.
      const shown = spaced(printable(clip(redactMessage(key), MAX_KEY_SHOWN)));
      out += out === '' ? shown : `.${shown}`;
    }
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(data: unknown, path: Path): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/**
 * A value as an error shows it: secrets taken out before it is cut short (a cut could end a URL
 * before its "@", which the redaction then would not see), and a URL's userinfo masked up to its
 * last "@" whatever it holds (a value refused as no URL may hold "#" or a quote in its password).
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') {
    const clean = redactText(v)
      .split(/(\s+)/)
      .map((word) => {
        const i = word.indexOf('://');
        const at = word.lastIndexOf('@');
        return i > 0 && at > i + 3 ? `${word.slice(0, i + 3)}${REDACTED}${word.slice(at)}` : word;
      })
      .join('');
    // JSON escapes the control characters; not DEL, C1, format or line-separator ones.
    return printable(JSON.stringify(clean.length > 80 ? `${clean.slice(0, 77)}...` : clean));
  }
  return `${typeof v} ${String(v)}`;
}

/** Walk the schema along a data path to the object schema there (for listing allowed keys). */
function objectShapeAt(schema: z.ZodType, path: Path): string[] | undefined {
  let cur: z.ZodType | undefined = schema;
  const unwrap = (s: z.ZodType): z.ZodType => {
    for (;;) {
      if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault)
        s = s.unwrap() as z.ZodType;
      else if (s instanceof z.ZodPipe) s = s.out as z.ZodType;
      else return s;
    }
  };
  for (const seg of path) {
    if (!cur) return undefined;
    const s = unwrap(cur);
    if (s instanceof z.ZodObject && typeof seg === 'string') cur = s.shape[seg] as z.ZodType | undefined;
    else if (s instanceof z.ZodArray && typeof seg === 'number') cur = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) cur = s.valueType as z.ZodType;
    else return undefined;
  }
  const s = cur ? unwrap(cur) : undefined;
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

/** Where a problem's value was written: the input it came from, else the file's line. */
export interface IssueOrigins {
  /** The input a value came from, appended as "(from input "x")". */
  sourceOf?: (path: Path) => string | undefined;
  /** The file's line a value is on, put first as "line 5: ". */
  lineOf?: (path: Path) => number | undefined;
  /** The path as the file has it, when another (a variant --variants selected from the file). */
  filepath?: (path: Path) => Path | undefined;
  /**
   * The data was read from YAML (the config): a number or boolean where text is expected gets the
   * hint to quote it. A JSON file's (a record, build.json) does not: JSON quotes what it means.
   */
  yaml?: boolean;
}

/**
 * How many problems LINES (formatIssues') stand for: past MAX_PROBLEMS the last line only counts
 * the rest ("... and 14900 more"), which is not a problem of its own.
 */
export function problemCount(lines: readonly string[]): number {
  const more = /^\.\.\. and (\d+) more /.exec(lines.at(-1) ?? '');
  return more ? lines.length - 1 + Number(more[1]) : lines.length;
}

/** PROBLEMS cut short as formatIssues' are: past MAX_PROBLEMS one line counts the rest. */
export function capProblems(problems: readonly string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), `... and ${more} more (fix the ones above first)`];
}

/** "line 5: " when LINE is known, else nothing: how a config problem names its line. */
function linePrefix(line: number | undefined): string {
  return line === undefined ? '' : `line ${line}: `;
}

/**
 * PROBLEM ("variants[1] (cu128): ...", "build.context: ...") with the line of the field it starts
 * with put first ("line 7: variants[1] (cu128): ..."), when LINEOF knows it; else as it is.
 */
export function withFieldLine(
  problem: string,
  lineOf: ((path: Path) => number | undefined) | undefined,
): string {
  const field = leadingField(problem);
  if (!field || !lineOf) return problem;
  return `${linePrefix(lineOf(field))}${problem}`;
}

/** The path of the field PROBLEM starts with ("attest.sign: ...", "variants[1] (cu128): ..."). */
export function leadingField(problem: string): Path | undefined {
  const m = /^([A-Za-z_][\w-]*(?:\[\d+\]|\.[A-Za-z_][\w-]*)*)(?=: | \()/.exec(problem);
  if (!m) return undefined;
  return [...m[1]!.matchAll(/[A-Za-z_][\w-]*|\[(\d+)\]/g)].map((x) =>
    x[1] !== undefined ? Number(x[1]) : x[0],
  );
}

/**
 * One problem about the value at PATH: "line 5: path: text" when the file holds it, or
 * "path: text (from input "x")" when an input or flag set it (ORIGINS).
 */
export function problemAt(path: Path, text: string, origins: IssueOrigins): string {
  const src = origins.sourceOf?.(path);
  const at = src === undefined ? linePrefix(origins.lineOf?.(path)) : '';
  const shown = (src === undefined && origins.filepath?.(path)) || path;
  return `${at}${formatPath(shown)}: ${text}${src === undefined ? '' : ` (from ${src})`}`;
}

/**
 * One message per problem, each naming the value's origin: the input it came from (`sourceOf`)
 * or the line of the file it is on (`lineOf`).
 */
export function formatIssues(
  error: z.ZodError,
  data: unknown,
  schema: z.ZodType,
  origins: IssueOrigins = {},
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let more = 0;
  const push = (path: Path, text: string) => {
    const line = problemAt(path, text, origins);
    if (seen.has(line)) return;
    seen.add(line);
    if (out.length < MAX_PROBLEMS) out.push(line);
    else more++;
  };
  for (const issue of error.issues) {
    const path = issue.path;
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = objectShapeAt(schema, path) ?? [];
        for (const key of issue.keys) {
          // Past the cap only the count matters: skip the did-you-mean search.
          const hint = out.length < MAX_PROBLEMS ? didYouMean(key, allowed) : '';
          push([...path, key], `unknown key${hint}; expected one of: ${allowed.join(', ')}`);
        }
        break;
      }
      case 'invalid_type':
        if (value === undefined) push(path, `required: ${expectedText(issue)}`);
        // .inf, .nan or a number past a double's range (1e400): not "expected a number, got number Infinity".
        else if (issue.expected === 'number' && typeof value === 'number')
          push(path, `expected a finite number, got ${String(value)}`);
        else
          push(
            path,
            `${expectedText(issue)}, got ${describeValue(value)}${origins.yaml ? quoteHint(issue, value) : ''}`,
          );
        break;
      case 'invalid_value':
        push(
          path,
          `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`,
        );
        break;
      case 'invalid_union':
        push(path, `${issue.message}, got ${describeValue(value)}`);
        break;
      case 'invalid_key': {
        // A record's key (build.mirrors' source, build.args' name): zod says only "Invalid key".
        const inner = issue.issues.map((i) => i.message).join('; ');
        push(path, `as a key, ${inner}`);
        break;
      }
      case 'too_small':
      case 'too_big':
        // An integer's own safe range (z.int()) beside the field's bound: one problem, the field's.
        if (safeRangeBeside(issue, error.issues)) break;
        push(path, `${issue.message.replace(/^Too (small|big): /, '')}${gotSize(value)}`);
        break;
      default: {
        // custom / invalid_format / refinements: the schema's message already says what is expected.
        const got = value !== undefined && typeof value !== 'object' ? `, got ${describeValue(value)}` : '';
        push(path, `${issue.message}${issue.message.startsWith('expected') ? got : ''}`);
      }
    }
  }
  if (more > 0) out.push(`... and ${more} more (fix the ones above first)`);
  return out;
}

/**
 * Whether ISSUE is z.int()'s bound of the safe integer range (±2^53-1) while another bound of the
 * same path is also broken: `timeoutSeconds: 1e26` would otherwise be two problems, the first
 * "expected int to be <=9007199254740991", a limit the field never had.
 */
function safeRangeBeside(
  issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall,
  issues: readonly z.core.$ZodIssue[],
): boolean {
  const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  if (Math.abs(Number(bound)) !== Number.MAX_SAFE_INTEGER) return false;
  const at = issue.path.map(String).join('\u0000');
  return issues.some(
    (o) =>
      o !== issue &&
      (o.code === 'too_big' || o.code === 'too_small') &&
      o.path.map(String).join('\u0000') === at &&
      Math.abs(Number(o.code === 'too_big' ? o.maximum : o.minimum)) !== Number.MAX_SAFE_INTEGER,
  );
}

/** What a value out of range is, for "expected number to be <=86400, got 99999999". */
function gotSize(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return `, got ${String(value)}`;
  // An empty one says nothing "at least one" did not.
  if (typeof value === 'string' && value !== '')
    return `, got ${describeValue(value)} (${value.length} characters)`;
  if (Array.isArray(value) && value.length > 0)
    return `, got ${value.length} item${value.length === 1 ? '' : 's'}`;
  return '';
}

/**
 * Text that YAML read as a number or a boolean where a string is expected (`version: 3.10` is the
 * number 3.1): quoting it as written keeps the text.
 */
function quoteHint(issue: z.core.$ZodIssueInvalidType, value: unknown): string {
  if (issue.expected !== 'string') return '';
  if (typeof value === 'number')
    return ': quote it as written (unquoted, YAML reads it as a number: 3.10 becomes 3.1)';
  if (typeof value === 'boolean') return ': quote it as written (unquoted, YAML reads it as a boolean)';
  return '';
}

function expectedText(issue: z.core.$ZodIssueInvalidType): string {
  // Our schemas set messages starting with "expected"; zod's defaults read "Invalid input: expected x, received y".
  if (issue.message.startsWith('expected')) return issue.message;
  // zod's "record" is a mapping of names the user chooses (build.args, measured): a mapping too.
  const names: Record<string, string> = { object: 'a mapping', record: 'a mapping', array: 'a list' };
  return `expected ${names[issue.expected] ?? `a ${issue.expected}`}`;
}
