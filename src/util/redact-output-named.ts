// A secret printed as a name and value pair, each under its own key: a Kubernetes container's env
// (`{"name": "DB_PASSWORD", "value": "..."}`, the Python client's `{'name': ..., 'value': ...,
// 'value_from': None}`, Go's `{Name:DB_PASSWORD Value:... ValueFrom:nil}`), an ECS container
// definition's `environment`, a Kubernetes probe's `httpHeaders`, a HAR's header (the value first
// too: `{"value": "...", "name": "Cookie"}`), AWS SSM's parameter (other keys between:
// `"Type": "SecureString"`), logfmt's `name=X value=y`. One line each here; a pair over two lines (YAML's
// `- name: DB_PASSWORD` then `value: ...`, JSON pretty-printed) is the continuation scanner's
// (redact-output-lines.ts).
import { REDACTED } from './redact.js';
import { credentialsStart } from './redact-authorization.js';
import {
  AUTHORIZATION,
  COOKIE,
  credentialOrAuthorization,
  holdsCredential,
} from './redact-output-headers.js';
import { secretQuotedKey } from './redact-output-pairs.js';
import { type Span, spliced } from './redact-spans.js';

/**
 * Whether a pair's NAME names a secret: a credential header's (a cookie's, `X-Api-Key`,
 * Authorization), or a variable's or a key's as a quoted key's is judged (secretQuotedKey:
 * `DB_PASSWORD`, `HF_TOKEN`, `api_key`). The pair says that it is a name: no prose.
 */
export const namedSecret = (name: string): boolean =>
  credentialOrAuthorization(name) || secretQuotedKey(name);

/** A value that says there is none: JSON's null, Python's None, Go's nil, YAML's `~`. */
const NONE = /^(?:null|none|nil|~)$/i;
/** A variable's reference, the whole value: `${NAME}`, a Kubernetes env's `$(NAME)` (`$x` alone is a value). */
const REFERENCE = /^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|\([A-Za-z_][A-Za-z0-9_]*\))$/;

/**
 * Where the secret begins in VALUE, the value of a pair whose name NAME names a secret: after an
 * Authorization's scheme (`Bearer [redacted]`, as maskAuthorization reads it: a plain word, `none`,
 * holds none), else at 0; VALUE's length where it holds none (empty, null, masked already, a whole
 * variable's reference, a cookie's attribute alone: holdsCredential).
 */
function secretStart(name: string, value: string): number {
  const v = value.trim();
  if (v === '' || NONE.test(v) || REFERENCE.test(v) || value.startsWith(REDACTED)) return value.length;
  if (AUTHORIZATION.test(name)) return credentialsStart(value, [REDACTED]);
  return COOKIE.test(name) && !holdsCredential(name, value) ? value.length : 0;
}

/** A key's quote: none, `"` or `'`, escaped too (JSON in a JSON string: `{\"name\": ...}`). */
const Q = `(\\\\?["']?)`;
/** A pair's name, whole (no backtracking into it). */
const NAME = `([A-Za-z_][A-Za-z0-9_.-]*)(?![A-Za-z0-9_.-])`;
/** The `name` key and its name. */
const NAME_KEY = new RegExp(`(?<![A-Za-z0-9_])${Q}name\\1[ \\t]*[:=][ \\t]*${Q}${NAME}\\2`, 'gi');
/** The `value` key, up to its value's first character. */
const VALUE_KEY = new RegExp(`(?<![A-Za-z0-9_])${Q}value\\1[ \\t]*[:=][ \\t]*`, 'gi');
/** A name where a `name` key's value begins (the value first). */
const NAME_AT = new RegExp(`${Q}${NAME}\\1`, 'y');
/** How far a pair's other key is looked for on its line, after the first: its object's other keys between them (`"Type": "SecureString"`). */
const SIBLING_REACH = 256;

/**
 * Where the value of the key KEY (quoted with QUOTE as the key before it was) begins in the object
 * the text from FROM is in, on its line and within SIBLING_REACH characters: after `KEY:` or
 * `KEY=` at the object's own depth (a nested object's or list's keys are skipped: `"valueFrom":
 * {...}`), before the object closes; -1 where there is none. Bounded: linear over a text of them.
 */
function siblingKey(text: string, from: number, key: string, quote: string): number {
  const end = Math.min(text.length, from + SIBLING_REACH);
  const head = `${quote}${key}${quote}`.toLowerCase();
  const sep = /[ \t]*[:=][ \t]*/y;
  /** Where the key's value begins when the key is at I, else -1. */
  const keyAt = (i: number): number => {
    if (text.slice(i, i + head.length).toLowerCase() !== head || /[A-Za-z0-9_]/.test(text[i - 1] ?? ''))
      return -1;
    sep.lastIndex = i + head.length;
    return sep.test(text) ? sep.lastIndex : -1;
  };
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return -1;
    if (quote.length === 1 && c === quote) {
      // A key, or a quoted string whose text (`"token (for hub"`) holds no bracket of the object's.
      const at = depth === 0 ? keyAt(i) : -1;
      if (at >= 0) return at;
      for (i++; i < end && text[i] !== quote && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      if (--depth < 0) return -1;
    } else if (depth === 0 && quote.length !== 1 && (c === head[0] || c.toLowerCase() === head[0])) {
      const at = keyAt(i);
      if (at >= 0) return at;
    }
  }
  return -1;
}
/** What ends any value not quoted: a line's end, the close of its object or list. */
const BARE_END = /[\r\n}\])]/;
/** Go's next field after a blank (`Value:x ValueFrom:nil`). */
const GO_FIELD = /[A-Za-z_][A-Za-z0-9_]*:/y;

/**
 * How a value not quoted ends, by the separator before it: `word` after `=` (a keyword's, logfmt's:
 * at a blank or a comma), `flow` after `:` and a blank (JSON's, YAML's flow: at a comma), `go` after
 * `:` alone with no comma between the pair's keys (Go's %+v: at the blank before the next field's
 * key; its value may hold blanks and commas).
 */
type Bare = 'word' | 'flow' | 'go';

/** How the value not quoted that starts at START ends (Bare), from what is before it; COMMAS: a comma between the pair's keys. */
function bareKind(text: string, start: number, commas: boolean): Bare {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (text[i] === '=') return 'word';
  // Go's: glued to its `:`, or empty (a blank, then the next field: `Value: ValueFrom:...`).
  GO_FIELD.lastIndex = start;
  return !commas && (i === start - 1 || GO_FIELD.test(text)) ? 'go' : 'flow';
}

/**
 * The value that starts at START: [from, to) of its text (inside its quotes; a bytes or unicode
 * literal's too, `b'x'`), and where it ends (past a closing quote). Not quoted: to the line's end,
 * its object's or list's close, or as BARE says (a comma; a blank too after `=`; in Go's %+v, the
 * blank before the next field's key).
 */
function valueAt(text: string, start: number, bare: Bare): { from: number; to: number; end: number } {
  if ((text[start] === 'b' || text[start] === 'u') && (text[start + 1] === "'" || text[start + 1] === '"'))
    start++;
  const escaped = text[start] === '\\' && (text[start + 1] === '"' || text[start + 1] === "'");
  const q = escaped ? text[start + 1]! : text[start];
  if (q !== '"' && q !== "'") {
    const go = bare === 'go';
    // Go's empty value: a blank, then the next field (`Value: ValueFrom:&EnvVarSource{...}`).
    GO_FIELD.lastIndex = start;
    if (go && /[ \t]/.test(text[start - 1] ?? '') && GO_FIELD.test(text))
      return { from: start, to: start, end: start };
    let i = start;
    for (; i < text.length && !BARE_END.test(text[i]!); i++) {
      const c = text[i]!;
      if (c === ',' && !go) break;
      if ((c === ' ' || c === '\t') && bare === 'word') break;
      if (go && (c === ' ' || c === '\t' || c === ',')) {
        GO_FIELD.lastIndex = i + 1;
        if (GO_FIELD.test(text) || text[i + 1] === '}') break;
      }
    }
    let to = i;
    while (to > start && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--;
    return { from: start, to, end: i };
  }
  const from = start + (escaped ? 2 : 1);
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || (!escaped && c === q)) break;
    if (c === '\\') {
      if (escaped && text[i + 1] === q) break;
      i++;
    }
  }
  i = Math.min(i, text.length);
  const closed = escaped ? text[i] === '\\' : text[i] === q;
  return { from, to: i, end: closed ? i + (escaped ? 2 : 1) : i };
}

/**
 * TEXT with the value of each name and value pair on a line whose name names a secret (namedSecret)
 * masked, from secretStart: `"name": "DB_PASSWORD", "value": "[redacted]"`, `{Name:HF_TOKEN
 * Value:[redacted] ...}`, `{"value": "[redacted]", "name": "Cookie"}`. A quoted value inside its
 * quotes (an escaped quote is part of it), a bare one to a blank or punctuation. Linear: each value
 * is read once, and the search goes on after it. Idempotent.
 */
export function maskNamedPairs(text: string): string {
  if (!/name/i.test(text) || !/value/i.test(text)) return text;
  const spans: Span[] = [];
  const take = (name: string, v: { from: number; to: number }) => {
    if (text.startsWith(REDACTED, v.from)) return;
    const at = secretStart(name, text.slice(v.from, v.to));
    if (v.from + at < v.to) spans.push({ from: v.from + at, to: v.to });
  };
  NAME_KEY.lastIndex = 0;
  for (let m; (m = NAME_KEY.exec(text));) {
    if (!namedSecret(m[3]!)) continue;
    const at = siblingKey(text, NAME_KEY.lastIndex, 'value', m[1]!);
    if (at < 0) continue;
    const v = valueAt(text, at, bareKind(text, at, text.slice(NAME_KEY.lastIndex, at).includes(',')));
    take(m[3]!, v);
    // What was read is not read again (a value to its line's end holds no other pair to mask).
    NAME_KEY.lastIndex = Math.max(v.end, NAME_KEY.lastIndex);
  }
  VALUE_KEY.lastIndex = 0;
  for (let m; (m = VALUE_KEY.exec(text));) {
    const v = valueAt(text, VALUE_KEY.lastIndex, bareKind(text, VALUE_KEY.lastIndex, true));
    const at = siblingKey(text, v.end, 'name', m[1]!);
    NAME_AT.lastIndex = Math.max(at, 0);
    const n = at >= 0 ? NAME_AT.exec(text) : null;
    if (n && namedSecret(n[2]!)) take(n[2]!, v);
    VALUE_KEY.lastIndex = Math.max(v.end, VALUE_KEY.lastIndex);
  }
  return spliced(text, spans);
}

// A pair over two lines, as YAML writes a list of them (`- name: DB_PASSWORD` then `  value: x`):
// what the continuation scanner (redact-output-lines.ts) asks, a line at a time.

/** A line that is a pair's `name:` alone (a list's item or not), its name bare or quoted. */
const YAML_NAME = /^[ \t]*(?:-[ \t]+)?(["']?)name\1:[ \t]+(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2[ \t]*$/i;
/** The line after it: the pair's `value:` key, and the blanks after it. */
const YAML_VALUE = /^([ \t]*)(["']?)value\2:(?:[ \t]+|$)/i;
/** A block scalar's indicator (`|`, `>-`, `|2+`), its value on the lines below. */
export const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/** The secret name (namedSecret) a line that is a pair's `name:` alone names, or undefined. */
export function yamlNameHead(line: string): string | undefined {
  const m = YAML_NAME.exec(line);
  return m !== null && namedSecret(m[3]!) ? m[3]! : undefined;
}

/**
 * LINE, the line after a pair's secret NAME (yamlNameHead), where it is the pair's `value:`: the
 * part of it to mask (a quoted value inside its quotes, `''` in a single-quoted one part of it; a
 * bare one to the line's end; from secretStart), and the column of its key when the value may go
 * on below it (a block scalar, a value on the next line, a long one folded, a quoted one over
 * several lines: the lines indented more are the value's). Undefined where LINE is no `value:`
 * (the pair's value is elsewhere: `valueFrom:`).
 */
export function yamlNamedValue(
  line: string,
  name: string,
): { mask?: [number, number]; column?: number } | undefined {
  const m = YAML_VALUE.exec(line);
  if (m === null) return undefined;
  const column = m[1]!.length;
  const start = m[0].length;
  const rest = line.slice(start);
  if (rest.trim() === '' || BLOCK_SCALAR.test(rest)) return { column };
  let to = line.trimEnd().length;
  let from = start;
  const q = rest[0];
  if (q === '"' || q === "'") {
    from = start + 1;
    for (to = from; to < line.length; to++) {
      if (q === '"' && line[to] === '\\') to++;
      else if (line[to] === q && q === "'" && line[to + 1] === "'") to++;
      else if (line[to] === q) break;
    }
    to = Math.min(to, line.length);
  }
  const at = secretStart(name, line.slice(from, to));
  return from + at < to ? { mask: [from + at, to], column } : {};
}
