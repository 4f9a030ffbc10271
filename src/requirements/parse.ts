// Strict parsing of pip requirements files, before any pip runs: PEP 508 requirement lines (as
// `packaging` >= 22 judges them, the parser of every current pip) and pip's requirement-file syntax
// (https://pip.pypa.io/en/stable/reference/requirements-file-format/). Pure: text in, lines out.
// The rule is "a line pip accepts is never rejected": anything pip would hand to the filesystem or
// the network (paths, URLs, -e targets) is accepted as written and left for pip to judge.
// The grammar lives beside it: pip's options (options.ts) and PEP 508 strings (pep508.ts).
import { OPTIONS, parseOptions, shlexTokens } from './options.js';
import { evaluateMarker, type MarkerEnvironment } from './markers.js';
import { unicodeName } from '../util/text.js';
import {
  canonicalName,
  type MarkerNode,
  parseMarkerText,
  parsePep508,
  pep508MarkerTree,
  Syntax,
} from './pep508.js';

export { canonicalName, parsePep508, type Pep508 } from './pep508.js';

export interface RequirementLine {
  kind: 'requirement';
  /** Canonical project name (PEP 503), or undefined for a bare path/URL without #egg=. */
  name?: string;
  /** `name @ url`, a bare URL or a path: where pip fetches it from. */
  url?: string;
  /** The extras asked for (`name[a,b]`), as written; absent when none. */
  extras?: string[];
  editable: boolean;
  /** The line gives a --hash: pip's hash-checking mode is then on for every requirement. */
  hashed?: true;
}

export interface OptionLine {
  kind: 'option';
  /** Long option names without dashes ("index-url", "requirement", ...), in line order. */
  options: { option: string; value?: string }[];
}

export type ParsedLine = (RequirementLine | OptionLine) & {
  /** 1-based number of the first physical line (continuations joined, as pip numbers them). */
  line: number;
  /** The logical line as written (continuations joined, comments and surrounding space removed). */
  text: string;
  /**
   * True where ${NAME} expansion changed the line: the fields above (url, option values) then hold
   * the values, never to be shown. `written` is the line parsed as written, the one to show
   * (absent when it does not parse so).
   */
  expanded?: true;
  written?: RequirementLine | OptionLine;
};

export interface LineError {
  line: number;
  text: string;
  why: string;
}

export interface ParsedFile {
  lines: ParsedLine[];
  errors: LineError[];
}

/**
 * Python's white space (str.isspace, str.strip(), \s in re): JavaScript's \s and trim() but
 * U+FEFF, and with the separators U+001C..U+001F and NEL. A byte-order mark inside a file (one
 * joined to another that began with it) is no blank to pip: "\uFEFFnumpy" is an invalid line.
 */
const PY_SPACE =
  ' \t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
/** TEXT as Python's str.strip() leaves it (trimRuns: linear). */
const pyStrip = (text: string) => trimRuns(text, PY_SPACE);

/**
 * pip's COMMENT_RE, (^|\s+)#.*$: a '#' at the start or after whitespace starts a comment. One white
 * space character here, the rest is trimmed after (\s+ tried every start in a run of blanks again).
 */
const COMMENT = /(^|[^\S\ufeff])#.*$/;
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;

/**
 * What pip's str.splitlines() breaks a line at besides "\n" (a lone "\r", VT, FF, FS, GS, RS, NEL,
 * LS, PS), and every other C0 control character but tab: a line holding one is refused, since pip
 * would read what follows it as another line that was never checked here.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x85\u2028\u2029]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const BREAKS: Record<string, string> = {
  '\r': 'a carriage return without a newline',
  '\x0b': 'a vertical tab',
  '\x0c': 'a form feed',
  '\x1c': 'a file separator',
  '\x1d': 'a group separator',
  '\x1e': 'a record separator',
  '\x85': 'a next-line character',
  '\u2028': 'a line separator',
  '\u2029': 'a paragraph separator',
};

/** TEXT without the characters of CHARS at its start and end (as /^[c]+|[c]+$/g, in linear time). */
function trimRuns(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Why a line holding the control character C is refused. */
function controlWhy(c: string): string {
  const name = BREAKS[c];
  return name !== undefined
    ? `holds ${unicodeName(c)} (${name}), where pip breaks the line: what follows would be a line never checked here; remove it`
    : `holds the control character ${unicodeName(c)}; remove it`;
}

/** A line as shown in a message: its control characters written as U+XXXX, never sent raw. */
const visible = (s: string) => s.replace(CONTROL_ALL, (c) => `<${unicodeName(c)}>`);

/**
 * Logical lines as pip builds them: a line ending in '\' continues on the next (comment lines
 * never continue), then comments are removed and blank lines skipped. A line holding a control
 * character (CONTROL) is kept, comment or not, with `why` it is refused and its text made visible.
 */
export function logicalLines(text: string): { line: number; text: string; raw: string; why?: string }[] {
  const out: { line: number; text: string; raw: string; why?: string }[] = [];
  let pending: string[] = [];
  let first = 0;
  const physical = text.split(/\r?\n/);
  if (physical.at(-1) === '') physical.pop();
  const emit = (n: number, joined: string) => {
    const control = CONTROL.exec(joined)?.[0];
    if (control !== undefined) {
      out.push({
        line: n,
        text: visible(trimRuns(joined, ' \t')),
        raw: joined,
        why: controlWhy(control),
      });
      return;
    }
    const stripped = pyStrip(joined.replace(COMMENT, ''));
    if (stripped !== '') out.push({ line: n, text: stripped, raw: joined });
  };
  physical.forEach((l, i) => {
    const isComment = /^[^\S\ufeff]*#/.test(l);
    if (!l.endsWith('\\') || isComment) {
      if (pending.length > 0) {
        pending.push(isComment ? ` ${l}` : l);
        emit(first, pending.join(''));
        pending = [];
      } else emit(i + 1, l);
    } else {
      if (pending.length === 0) first = i + 1;
      pending.push(trimRuns(l, '\\'));
    }
  });
  if (pending.length > 0) emit(first, pending.join(''));
  return out;
}

/** `${NAME}` (upper case, digits, underscore only, as pip) from env; unset ones stay as written. */
function expandEnv(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(ENV_VAR, (m, name: string) => env[name] ?? m);
}

/** Names of the `${NAME}` references in a text. */
export function envReferences(text: string): string[] {
  return [...text.matchAll(ENV_VAR)].map((m) => m[1]!);
}

// ---- bare URLs, paths and archives (pip's install_req_from_line) --------------------------------

const ARCHIVE = /\.(whl|zip|tar\.gz|tgz|tar|tar\.bz2|tbz|tar\.xz|txz|tlz|tar\.lz|tar\.lzma)$/i;
/**
 * A URL as pip's is_url takes one: exactly its schemes, those it fetches (http, https, file, ftp)
 * and its VCS ones (`hg+static-http:`, `bzr+sftp:`, `bzr+lp:pkg`, no `//` needed), any case.
 */
export const URL_LIKE =
  /^(?:https?|file|ftp|git(?:\+(?:https?|ssh|git|file))?|hg\+(?:file|https?|ssh|static-http)|svn(?:\+(?:ssh|https?|svn|file))?|bzr\+(?:https?|ssh|sftp|ftp|lp|file)):/i;

function eggName(url: string): string | undefined {
  const egg = /[#&]egg=([^&]+)/.exec(url)?.[1];
  return egg ? canonicalName(egg.replace(/\[.*$/, '')) : undefined;
}

const looksLikePath = (s: string) => s.includes('/') || s.startsWith('.');

/** LOC without a final "[extras]" (as /\[[^\]]*\]$/, in linear time): "x.whl[gpu]" -> "x.whl". */
function withoutFinalExtras(loc: string): string {
  if (loc.length < 2 || !loc.endsWith(']')) return loc;
  // The first '[' after the ']' before the last one.
  const open = loc.indexOf('[', loc.lastIndexOf(']', loc.length - 2) + 1);
  return open < 0 ? loc : loc.slice(0, open);
}

/**
 * A requirement token that pip treats as a location (URL, path, archive) rather than PEP 508, with
 * the text of its marker when it has one.
 */
function asLocation(arg: string): { url: string; name?: string; marker?: string } | undefined {
  // pip: markers follow a URL after "; " (a URL may contain ';'), a name after ";".
  const sep = URL_LIKE.test(arg) ? '; ' : ';';
  const cut = arg.indexOf(sep);
  const loc = pyStrip(cut < 0 ? arg : arg.slice(0, cut));
  if (URL_LIKE.test(loc) || looksLikePath(loc) || ARCHIVE.test(withoutFinalExtras(loc))) {
    // "name @ url" with spaces is PEP 508, not a location. (\s*(\[...\])?\s*@ split a run of blanks
    // between the two \s* every way: quadratic. The blanks after the extras go with them here.)
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\]\s*)?@/.test(loc) && !looksLikePath(loc.split('@')[0]!))
      return undefined;
    const name = eggName(loc);
    return {
      url: loc,
      ...(name !== undefined && { name }),
      ...(cut >= 0 && { marker: arg.slice(cut + sep.length) }),
    };
  }
  return undefined;
}

/**
 * pip's break_args_options: a line's requirement part is every ' '-separated word before the first
 * that starts with "-"; the rest, from index `start`, is the options part, which pip shlex-splits
 * (shlexTokens), quotes and backslashes removed, before optparse reads it.
 */
export function breakArgsOptions(text: string): { args: string; options: string; start: number } {
  const tokens = text.split(' ');
  const firstOpt = tokens.findIndex((t) => t.startsWith('-'));
  if (firstOpt < 0) return { args: text, options: '', start: text.length };
  const start = tokens.slice(0, firstOpt).reduce((n, t) => n + t.length + 1, 0);
  return { args: text.slice(0, Math.max(0, start - 1)), options: text.slice(start), start };
}

/**
 * Parse one logical line (after comment removal and ${VAR} expansion). As pip: a word among the
 * options that is no option's value (`--pre foo`) is ignored, and so is a per-requirement option
 * (`--hash`, `-C`) on a line without a requirement (pip warns of a `--hash`).
 */
export function parseLine(text: string): RequirementLine | OptionLine | { error: string } {
  const parts = breakArgsOptions(text);
  const args = pyStrip(parts.args);
  const split = shlexTokens(parts.options);
  if ('error' in split) return { error: split.error };
  const { options, error } = parseOptions(
    split.tokens.map((t) => t.value),
    OPTIONS,
  );
  if (error) return { error };
  if (args === '') {
    const e = options.find((o) => o.spec.long === 'editable');
    if (e) return editable(e.value!);
    const global = options.filter((o) => !o.spec.perRequirement);
    return {
      kind: 'option',
      options: global.map((o) => ({ option: o.spec.long, ...(o.value !== undefined && { value: o.value }) })),
    };
  }
  const hashed = options.some((o) => o.spec.long === 'hash') && { hashed: true as const };
  const loc = asLocation(args);
  if (loc)
    return {
      kind: 'requirement',
      url: loc.url,
      editable: false,
      ...(loc.name !== undefined && { name: loc.name }),
      ...hashed,
    };
  try {
    const r = parsePep508(args);
    return {
      kind: 'requirement',
      name: canonicalName(r.name),
      editable: false,
      ...(r.url !== undefined && { url: r.url }),
      ...(r.extras.length > 0 && { extras: r.extras }),
      ...hashed,
    };
  } catch (e) {
    if (e instanceof Syntax) return { error: e.message };
    throw e;
  }
}

function editable(target: string): RequirementLine {
  const name = eggName(target);
  return { kind: 'requirement', url: target, editable: true, ...(name !== undefined && { name }) };
}

/** Parse a whole requirements file's text. `env` expands ${VAR} for checking only. */
export function parseRequirementsText(
  text: string,
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedFile {
  const lines: ParsedLine[] = [];
  const errors: LineError[] = [];
  for (const l of logicalLines(text)) {
    if (l.why !== undefined) {
      errors.push({ line: l.line, text: l.text, why: l.why });
      continue;
    }
    const expanded = expandEnv(l.text, env);
    const r = parseLine(expanded);
    if (expanded === l.text) {
      if ('error' in r) errors.push({ line: l.line, text: l.text, why: r.error });
      else lines.push({ ...r, line: l.line, text: l.text });
      continue;
    }
    // pip's error would quote the expanded text: only the line as written is ever shown.
    if ('error' in r) errors.push({ line: l.line, text: l.text, why: expandedWhy(l.text, env) });
    else {
      const written = parseLine(l.text);
      lines.push({
        ...r,
        line: l.line,
        text: l.text,
        expanded: true,
        ...(!('error' in written) && { written }),
      });
    }
  }
  return { lines, errors };
}

/**
 * Why a line that is invalid once ${NAME} is filled in is refused, without what was filled in (a
 * requirement line may name any variable: the parser's own words would quote its value).
 */
function expandedWhy(text: string, env: Readonly<Record<string, string | undefined>>): string {
  const names = [...new Set(envReferences(text))].filter((n) => env[n] !== undefined);
  return `not valid once ${names.map((n) => `\${${n}}`).join(', ')} ${names.length === 1 ? 'is' : 'are'} filled in from the environment (what is wrong is not shown: it would quote the value); check the value and the line`;
}

/**
 * Project names of a requirements text (lines parsed as pip does; options, bare paths and URLs
 * without #egg= skipped). With ENV (markers.ts), a requirement whose marker is false there is left
 * out, as pip leaves it out; one whose marker turns on a value ENV does not know is kept.
 */
export function requirementNames(text: string, env?: MarkerEnvironment): string[] {
  return parseRequirementsText(text).lines.flatMap((l) => {
    if (l.kind !== 'requirement' || l.name === undefined) return [];
    const tree = env === undefined || l.editable ? undefined : lineMarker(l.text);
    return tree !== undefined && evaluateMarker(tree, env!) === false ? [] : [l.name];
  });
}

/** The marker of a requirement line (after ";", or "; " after a URL, as pip splits them); none when it does not parse. */
export function lineMarker(text: string): MarkerNode[] | undefined {
  const args = pyStrip(breakArgsOptions(text).args);
  try {
    const loc = asLocation(args);
    if (loc === undefined) return pep508MarkerTree(args);
    return loc.marker === undefined ? undefined : parseMarkerText(loc.marker);
  } catch (e) {
    if (e instanceof Syntax) return undefined;
    throw e;
  }
}

/**
 * The -r/-c includes of a requirements text that pip fetches from a URL (`-r https://...`,
 * `--constraint=https://...`), as written: what they hold can change without the text changing.
 */
export function remoteIncludes(text: string): string[] {
  return parseRequirementsText(text).lines.flatMap((l) =>
    l.kind !== 'option'
      ? []
      : l.options.flatMap((o) =>
          (o.option === 'requirement' || o.option === 'constraint') &&
          o.value !== undefined &&
          /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(o.value)
            ? [o.value]
            : [],
        ),
  );
}
