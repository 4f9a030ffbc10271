// HTTP Authorization headers' credentials in text (`Authorization: Bearer ...`), by the shared
// rule (images/probe/redaction-rules.json, authorization; the probe applies the same rule in
// mask_authorization). redact-connection.ts applies it with the connection-string rule.
import { REDACTION_RULES } from './redact-rules.js';

const RULE = REDACTION_RULES.authorization;
const HEAD_PATTERN = RULE.pattern;
const HEAD_FLAGS = RULE.ignoreCase ? 'gi' : 'g';
const SCHEMES = new Set(RULE.schemes.map((s) => s.toLowerCase()));
const PLAIN_WORDS = new Set(RULE.plainWords.map((s) => s.toLowerCase()));
/** A variable's reference, not its value (`$HF_TOKEN`, `${HF_TOKEN}`: a script's text). */
const REFERENCE = /^\$(?:[A-Za-z_][A-Za-z0-9_]{0,255}|\{[A-Za-z_][A-Za-z0-9_]{0,255}\})(?![A-Za-z0-9_])/;
/** What ends a word of a value: blanks, quotes, a backslash and the punctuation around values. */
const WORD_END = /[\t\n\r\f\v "'\\,;()<>[\]{}*`|]/;
/** A scheme's list of parameters (`username="u"`, `Credential=AKIA...`), not a token (`abc==`). */
const PARAMETER = /^[A-Za-z0-9_.-]{1,64}=[^=\t\n\r\f\v ]/;
const SPACE = '\t\n\r\f\v ';

/**
 * Where the credentials begin in VALUE, an Authorization header's whole value (a name and value
 * pair's), as maskAuthorization reads one: after a known scheme and the blanks that follow it
 * (`Bearer x`: 7), else 0; VALUE's length where it holds none (a scheme alone, a plain word such
 * as `none`, a variable's reference, a value masked already).
 */
export function credentialsStart(value: string, masks: readonly string[] = []): number {
  const { from, to } = credentials(value, 0, '', false);
  const masked =
    masks.some((k) => value.startsWith(k, from)) || REFERENCE.test(value.slice(from, from + 258));
  return from === to || masked ? value.length : from;
}

/**
 * Where the value that starts at FROM ends: at its closing QUOTE (or a backslash: `\"` in escaped
 * JSON, http.client's `\r\n`), else at a line's end, a backslash, `]` or `}`.
 */
function valueEnd(text: string, from: number, quote: string): number {
  const stops = quote ? `${quote}\\\r\n` : '\\\r\n]}';
  let i = from;
  while (i < text.length && !stops.includes(text[i]!)) i++;
  return i;
}

/** Where the word that starts at FROM ends (WORD_END). */
function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !WORD_END.test(text[i]!)) i++;
  return i;
}

/**
 * TEXT with the credentials of each HTTP Authorization header (and Proxy-Authorization) replaced
 * by MASK, however a program prints the header: curl's `> Authorization: Bearer x`, http.client's
 * `b'...\r\nAuthorization: Basic x\r\n'`, a dict (`'Authorization': 'Bearer x'`, bytes
 * `b'Bearer x'`), JSON (escaped in a string too), a tuple `('Authorization', 'token x')`, Go's
 * `map[Authorization:[Bearer x]]` and `[]string{"Bearer x"}`, Node's `[ 'Bearer x' ]`, a HAR's or a
 * Kubernetes probe's name and value pair, a keyword `authorization="x"`.
 * - After a known scheme (the rule's schemes: Bearer, Basic, Digest, OAuth ...), the scheme kept:
 *   a quoted value's rest to its closing quote; an unquoted one's next word (a token: `Bearer x,
 *   Proxy-Authorization: ...`), or its rest to the line's end, `]` or `}` where that rest is a list
 *   of parameters (`Digest username="u", response="..."`, `OAuth oauth_token="..."`).
 * - Otherwise a quoted value is masked whole, an unquoted one's first word (a word ends at a blank,
 *   a quote, a backslash, `,;()<>[]{}*|` or a backtick); a plain word alone (`none`, `true`,
 *   `required`: the rule's plainWords) is kept, and so is a tuple's second item that is no scheme's
 *   value unless the tuple closes after it (`["Authorization", "Content-Type"]` lists names).
 * A value masked already (one of MASKS, also after a scheme) or a variable's reference (`$HF_TOKEN`,
 * `${HF_TOKEN}`) is kept: masking twice is masking once. Linear: each character is read once.
 */
export function maskAuthorization(text: string, mask: string, masks: readonly string[] = [mask]): string {
  if (!/authorization/i.test(text)) return text;
  const head = new RegExp(HEAD_PATTERN, HEAD_FLAGS);
  const parts: string[] = [];
  let kept = 0;
  const masked = (at: number) =>
    masks.some((k) => text.startsWith(k, at)) || REFERENCE.test(text.slice(at, at + 258));
  for (let m = head.exec(text); m !== null; m = head.exec(text)) {
    const [whole, sep, , quote = ''] = m as unknown as [string, string, string, string | undefined];
    const start = m.index + whole.length;
    const span = credentials(text, start, quote, /,[\t ]*$/.test(sep));
    head.lastIndex = Math.max(span.next, start);
    if (span.from === span.to || masked(m.index + sep.length) || masked(span.from)) continue;
    parts.push(text.slice(kept, span.from), mask);
    kept = span.to;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(kept));
  return parts.join('');
}

/**
 * The credentials of the value that starts at START in TEXT (from, to: equal where it holds none)
 * and where to look for the next header (next). QUOTE: the value's opening quote, if any; TUPLE:
 * the value is a tuple's or a list's second item.
 */
function credentials(
  text: string,
  start: number,
  quote: string,
  tuple: boolean,
): { from: number; to: number; next: number } {
  const none = (next: number) => ({ from: start, to: start, next });
  const word = wordEnd(text, start);
  const end = quote ? valueEnd(text, start, quote) : word;
  const trimmed = (to: number) => {
    while (to > start && SPACE.includes(text[to - 1]!)) to--;
    return to;
  };
  if (SCHEMES.has(text.slice(start, word).toLowerCase())) {
    let from = word;
    while (from < text.length && (text[from] === ' ' || text[from] === '\t')) from++;
    if (from === word) return none(word);
    if (quote) return { from, to: Math.max(from, trimmed(end)), next: end };
    const to = PARAMETER.test(text.slice(from, from + 80))
      ? trimmed(valueEnd(text, from, ''))
      : wordEnd(text, from);
    return { from, to: Math.max(from, to), next: to };
  }
  // A list's item that is no scheme's value names a header, unless the tuple closes after it.
  if (tuple && !text.startsWith(`${quote})`, end)) return none(end);
  if (quote && trimmed(end) > word) return { from: start, to: trimmed(end), next: end };
  if (PLAIN_WORDS.has(text.slice(start, word).toLowerCase())) return none(end);
  return { from: start, to: word, next: end };
}
