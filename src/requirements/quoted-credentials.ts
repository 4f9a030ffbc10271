// Credentials in a requirements line as pip reads it: pip shlex-splits the options part of a line
// (break_args_options, then shlex.split: POSIX quotes and backslashes removed), so
// `-i "https"://user:p4ssw0rd@host/simple`, `-i https://user:p4ss"w0rd"@host/simple` and
// `-i https:/\/user:p4ssw0rd@host/simple` each give pip https://user:p4ssw0rd@host/simple, a URL
// the line as written does not show. Each word of the options part that pip reads otherwise than
// written is judged as pip reads it (literalCredentials), and masked so (redactUrls' wider rule),
// the spans found mapped back onto the line as written: the check and what a message shows both
// see what pip uses. Pure (the last line's words are kept for the next call on it).
import { redactUrls } from '../util/redact.js';
import { type LiteralCredential, literalCredentials } from './credentials.js';
import { type ShlexToken, shlexTokens } from './options.js';
import { breakArgsOptions } from './parse.js';

/** A quote or a backslash: the characters pip's shlex split removes. */
const QUOTING = /["'\\]/;

/**
 * The words of the options part of TEXT, `at` in TEXT: as pip's shlex split reads them, or where
 * that fails (pip refuses the line; a message may still quote it) with every quote and backslash
 * dropped, split at white space.
 */
function optionWords(text: string): ShlexToken[] {
  const { options, start } = breakArgsOptions(text);
  const split = shlexTokens(options);
  const words = 'error' in split ? looseWords(options) : split.tokens;
  return words.map((w) => ({ value: w.value, at: w.at.map((i) => i + start) }));
}

/** TEXT's words with every quote and backslash dropped (where pip's shlex split fails). */
function looseWords(text: string): ShlexToken[] {
  const words: ShlexToken[] = [];
  let cur: ShlexToken | undefined;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
    } else if (!QUOTING.test(text[i]!)) {
      cur ??= { value: '', at: [] };
      cur.value += text[i];
      cur.at.push(i);
    }
  }
  if (cur !== undefined) words.push(cur);
  return words;
}

/**
 * The words of TEXT's options part that pip reads otherwise than written (a quote or backslash
 * removed), joined by spaces, each with its characters that end a URL or a value in the rules
 * (white space, quotes, a backslash) made '_' (in pip's value they are part of it:
 * `-i "https://u:pw d@host"`); `at[i]`: where in TEXT character i of `joined` is (-1 for a space
 * between two words). Every word is judged in one pass: a URL or a token never spans a space.
 */
interface Unquoted {
  joined: string;
  at: number[];
}

/** The last line's Unquoted: the check and the masking of one line ask for it in turn. */
let last: { text: string; unquoted: Unquoted } | undefined;

function unquoted(text: string): Unquoted {
  if (last?.text === text) return last.unquoted;
  const values: string[] = [];
  const at: number[] = [];
  if (QUOTING.test(text))
    for (const w of optionWords(text)) {
      // Read as written (no quote or backslash inside it), unless pip's value holds what ends a URL
      // or a value in the rules as written (`"https://u:pw d@host"`: the space is the password's).
      if (w.value === text.slice(w.at[0], w.at.at(-1)! + 1) && !/[\s"'`\\]/.test(w.value)) continue;
      if (values.length > 0) at.push(-1);
      values.push(w.value.replace(/[\s"'`\\]/g, '_'));
      for (const i of w.at) at.push(i);
    }
  last = { text, unquoted: { joined: values.join(' '), at } };
  return last.unquoted;
}

/** The span of TEXT that [start, end) of U.joined came from (from its first character to its last). */
const spanOf = (u: Unquoted, start: number, end: number) => ({
  start: u.at[start]!,
  end: u.at[end - 1]! + 1,
});

/**
 * The credentials written literally in a requirements line (literalCredentials; LIVE false: the
 * comment rule), as written and as pip reads its options part (quotes and backslashes removed), the
 * latter's spans in TEXT as written (from a credential's first character to its last, quotes
 * between included).
 */
export function lineCredentials(text: string, live = true): LiteralCredential[] {
  const found = literalCredentials(text, live);
  const u = unquoted(text);
  if (u.joined === '') return found;
  const seen = new Set(found.map((f) => `${f.start}:${f.end}`));
  for (const c of literalCredentials(u.joined, live)) {
    if (c.end <= c.start) continue;
    const span = spanOf(u, c.start, c.end);
    const key = `${span.start}:${span.end}`;
    if (!seen.has(key)) found.push({ ...c, ...span });
    seen.add(key);
  }
  return found;
}

/**
 * The spans of TEXT (a requirements line as written) to mask beyond lineCredentials' where a line
 * is shown: in each word of its options part that pip reads otherwise than written, what redactUrls
 * (the log masking's wider rule: any password, a short one too) hides once quotes and backslashes are
 * removed, from the first part hidden to the last.
 */
export function quotedWordSpans(text: string): { start: number; end: number }[] {
  const u = unquoted(text);
  // A mask character no word holds (a line holding a control character is shown made visible).
  if (u.joined === '' || u.joined.includes('\u0000'))
    return u.joined === '' ? [] : [spanOf(u, 0, u.joined.length)];
  const masked = redactUrls(u.joined, '\u0000');
  if (masked === u.joined) return [];
  // No mask spans a space (the words hold none): word i of one is word i of the other.
  const spans: { start: number; end: number }[] = [];
  const words = u.joined.split(' ');
  let from = 0;
  masked.split(' ').forEach((m, i) => {
    const w = words[i]!;
    if (m !== w) {
      const start = m.indexOf('\u0000');
      const end = w.length - (m.length - 1 - m.lastIndexOf('\u0000'));
      spans.push(spanOf(u, from + Math.max(0, start), from + (end > start ? end : w.length)));
    }
    from += w.length + 1;
  });
  return spans;
}
