// A secret printed as a name and value pair, each under its own key: a Kubernetes container's env
// (`{"name": "DB_PASSWORD", "value": "..."}`, the Python client's `{'name': ..., 'value': ...,
// 'value_from': None}`, Go's `{Name:DB_PASSWORD Value:... ValueFrom:nil}`), an ECS container
// definition's `environment`, a Kubernetes probe's `httpHeaders`, a HAR's header (the value first
// too: `{"value": "...", "name": "Cookie"}`). One line each here; a pair over two lines (YAML's
// `- name: DB_PASSWORD` then `value: ...`, JSON pretty-printed) is the continuation scanner's
// (redact-output-lines.ts).
import { REDACTED } from './redact.js';
import { credentialsStart } from './redact-authorization.js';
import { AUTHORIZATION, credentialHeader } from './redact-output-headers.js';
import { secretQuotedKey } from './redact-output-pairs.js';

/**
 * Whether a pair's NAME names a secret: a credential header's (a cookie's, `X-Api-Key`,
 * Authorization), or a variable's or a key's as a quoted key's is judged (secretQuotedKey:
 * `DB_PASSWORD`, `HF_TOKEN`, `api_key`). The pair says that it is a name: no prose.
 */
export const namedSecret = (name: string): boolean =>
  credentialHeader(name) || AUTHORIZATION.test(name) || secretQuotedKey(name);

/**
 * Where the secret begins in VALUE, the value of a pair whose name NAME names a secret: after an
 * Authorization's scheme (`Bearer [redacted]`), else at 0; VALUE's length where it holds none (empty,
 * masked already, a variable's reference).
 */
export function secretStart(name: string, value: string): number {
  if (value.trim() === '' || value.startsWith(REDACTED)) return value.length;
  const from = AUTHORIZATION.test(name) ? credentialsStart(value) : 0;
  return value.startsWith(REDACTED, from) || /^\$\{?[A-Za-z_]/.test(value.slice(from)) ? value.length : from;
}

/** A key's quote: none, `"` or `'`, escaped too (JSON in a JSON string: `{\"name\": ...}`). */
const Q = `(\\\\?["']?)`;
/** Between two pairs: a comma, or blanks alone (Go's `%+v`). */
const BETWEEN = `(?:[ \\t]*,[ \\t]*|[ \\t]+)`;
/** A pair's name, whole (no backtracking into it). */
const NAME = `([A-Za-z_][A-Za-z0-9_.-]*)(?![A-Za-z0-9_.-])`;
/** The `name` key, its name, and the `value` key after it, up to the value's first character. */
const NAME_FIRST = new RegExp(
  `(?<![A-Za-z0-9_])${Q}name\\1[ \\t]*[:=][ \\t]*${Q}${NAME}\\2${BETWEEN}${Q}value\\4[ \\t]*[:=][ \\t]*`,
  'gi',
);
/** The `value` key, up to its value's first character. */
const VALUE_KEY = new RegExp(`(?<![A-Za-z0-9_])${Q}value\\1[ \\t]*[:=][ \\t]*`, 'gi');
/** After a value, its pair's `name` key and name (the value first). */
const NAME_AFTER = new RegExp(`^${BETWEEN}${Q}name\\1[ \\t]*[:=][ \\t]*${Q}${NAME}\\2`, 'i');
/** What ends a value not quoted: a blank, a quote, a backslash, the punctuation around values. */
const BARE_END = /[\s"'\\,;()<>[\]{}]/;

/** The value that starts at START: [from, to) of its text (inside its quotes), and where it ends (past a closing quote). */
function valueAt(text: string, start: number): { from: number; to: number; end: number } {
  const escaped = text[start] === '\\' && (text[start + 1] === '"' || text[start + 1] === "'");
  const q = escaped ? text[start + 1]! : text[start];
  if (q !== '"' && q !== "'") {
    let i = start;
    while (i < text.length && !BARE_END.test(text[i]!)) i++;
    return { from: start, to: i, end: i };
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
  const spans: { from: number; to: number }[] = [];
  const take = (name: string, v: { from: number; to: number }) => {
    const at = secretStart(name, text.slice(v.from, v.to));
    if (v.from + at < v.to) spans.push({ from: v.from + at, to: v.to });
  };
  NAME_FIRST.lastIndex = 0;
  for (let m; (m = NAME_FIRST.exec(text));) {
    const v = valueAt(text, NAME_FIRST.lastIndex);
    if (namedSecret(m[3]!)) take(m[3]!, v);
    NAME_FIRST.lastIndex = Math.max(v.end, NAME_FIRST.lastIndex);
  }
  VALUE_KEY.lastIndex = 0;
  while (VALUE_KEY.exec(text) !== null) {
    const v = valueAt(text, VALUE_KEY.lastIndex);
    const n = NAME_AFTER.exec(text.slice(v.end, v.end + 300));
    if (n && namedSecret(n[3]!)) take(n[3]!, v);
    VALUE_KEY.lastIndex = Math.max(v.end, VALUE_KEY.lastIndex);
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.from - b.from);
  let out = '';
  let done = 0;
  for (const { from, to } of spans) {
    if (from < done) continue;
    out += `${text.slice(done, from)}${REDACTED}`;
    done = to;
  }
  return out + text.slice(done);
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
 * part of it to mask (a quoted value inside its quotes, a bare one to the line's end, from
 * secretStart), none, or the column of a block scalar's key (its lines below are the value).
 * Undefined where LINE is no `value:` (the pair's value is elsewhere: `valueFrom:`).
 */
export function yamlNamedValue(
  line: string,
  name: string,
): { mask?: [number, number]; blockColumn?: number } | undefined {
  const m = YAML_VALUE.exec(line);
  if (m === null) return undefined;
  const start = m[0].length;
  const rest = line.slice(start);
  if (BLOCK_SCALAR.test(rest)) return { blockColumn: m[1]!.length };
  const quoted = rest[0] === '"' || rest[0] === "'";
  const v = quoted ? valueAt(line, start) : { from: start, to: line.trimEnd().length };
  const at = secretStart(name, line.slice(v.from, v.to));
  return v.from + at < v.to ? { mask: [v.from + at, v.to] } : {};
}
