// Text helpers shared by the stages.

/** Cut to at most max characters (code points), marking the cut: never inside a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Strings in code-unit order: the same on every machine. `localeCompare` follows the runner's
 * locale (LANG): sv_SE puts "libaa" before "libå", da_DK puts "libA" before "liba", so a sorted
 * list (and whatever is hashed or signed from it) would change with the machine.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** TEXT as a regular expression that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Marks and letters that draw nothing but are not format characters (\p{Cf}): the combining
 * grapheme joiner, the Hangul fillers, the variation selectors (U+FE00-FE0D, U+E0100-E01EF,
 * Mongolian's U+180B-180D), and U+FE0E/U+FE0F where no emoji precedes them (after one they choose
 * how it draws: the report's own ⚠️). "torch\ufe0f" draws as torch. As a regular expression's
 * alternatives, to follow a character class.
 */
export const INVISIBLE_MARKS =
  '[\\u034f\\u115f\\u1160\\u3164\\uffa0\\u180b-\\u180d\\ufe00-\\ufe0d\\u{e0100}-\\u{e01ef}]|(?<!\\p{Extended_Pictographic})[\\ufe0e\\ufe0f]';

/** Control, format (bidi overrides such as U+202E, zero-width ones), line-separator and INVISIBLE_MARKS characters. */
// eslint-disable-next-line no-misleading-character-class -- a class of lone marks (INVISIBLE_MARKS), each its own match
const UNPRINTABLE = new RegExp(`[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]|${INVISIBLE_MARKS}`, 'gu');
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * TEXT (the user's, or a registry's) with every character that could draw something else on a
 * terminal or a log escaped as JSON escapes it (\n, \u001b, \u202e): a key holding a line break
 * and "\e[31m" cannot forge a line of its own nor colour the ones after it, an architecture
 * "arm64\r\e[2Kok" cannot draw an ok over its FAIL.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => SHORT_ESCAPES[c] ?? codePointEscape(c));
}

/** UNPRINTABLE but a line break (\n, \r\n) or a tab. */
const UNPRINTABLE_IN_LINES = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- a class of lone marks (INVISIBLE_MARKS), each its own match
  `\\r(?!\\n)|(?![\\n\\r\\t])[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]|${INVISIBLE_MARKS}`,
  'gu',
);

/**
 * printable for a message of several lines (a progress line, a warning, an error, a report for the
 * terminal): its line breaks and tabs kept, every other character that could draw on a terminal
 * (ESC, BEL, a lone CR, a bidi override, U+2028) escaped.
 */
export function printableLines(text: string): string {
  return text.replace(UNPRINTABLE_IN_LINES, (c) => SHORT_ESCAPES[c] ?? codePointEscape(c));
}

/** C (one code point) as Unicode names it: U+200B, U+0000. */
export const unicodeName = (c: string): string =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** C (one code point) as JavaScript writes it escaped: \u200b, or \u{e0041} past U+FFFF. */
export function codePointEscape(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** A blank or control character: in a URL it would end it where a config line or list is read. */
export const BLANK_OR_CONTROL = /[\s\p{Cc}]/u;

/**
 * TEXT kept from being a workflow command, as the runner (actions/runner ActionCommandManager) reads
 * each line: a line that starts with `::` after any white space .NET's TrimStart drops (NBSP, the
 * Unicode spaces, NEL), and the legacy `##[command]` anywhere in a line. A zero-width space, which
 * the runner neither trims nor matches, goes before the `::` and inside each `##[`.
 */
export function noWorkflowCommands(text: string): string {
  // [\t\v\f\p{Zs}\ufeff] is \s without the line breaks ^ starts a line after (\n, \r, U+2028,
  // U+2029): with them, each line start of a run of blank lines scanned the whole run again.
  return text.replace(/^([\t\v\f\p{Zs}\ufeff\u0085]*)::/gmu, '$1\u200b::').replace(/##\[/g, '#\u200b#[');
}

/** What ends a match of "." in a regular expression: a line terminator. */
const LINE_END = /[\n\r\u2028\u2029]/g;

/** Where the line holding position AT of TEXT ends: its next line terminator, else TEXT's end. */
export function lineEnd(text: string, at: number): number {
  LINE_END.lastIndex = at;
  return LINE_END.exec(text)?.index ?? text.length;
}

/**
 * The candidate nearest to WORD by edit distance (case-blind), when it is near enough to be what
 * was meant: a config key's or a flag's "did you mean".
 */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(
          d[i - 1]![j]! + 1,
          d[i]![j - 1]! + 1,
          d[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
        );
    return d[a.length]![b.length]!;
  };
  // Suggested only this close. The distance is at least the difference in length, so a candidate
  // much longer or shorter is never compared letter by letter (a 5 MB key took half a minute).
  const max = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (Math.abs(word.length - c.length) > max) continue;
    const dd = dist(word, c);
    if (dd < bestD) [best, bestD] = [c, dd];
  }
  return bestD <= max ? best : undefined;
}

/** ` (did you mean "X"?)` naming the candidate nearest WORD, or '' when none is near enough. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const hint = closestWord(word, candidates);
  return hint === undefined ? '' : ` (did you mean ${JSON.stringify(hint)}?)`;
}

/**
 * NAMES with each one not in ALLOWED replaced by its nearest (a fix line's corrected list), or
 * undefined when one of them is near none.
 */
export function correctedList(names: readonly string[], allowed: readonly string[]): string[] | undefined {
  const out = names.map((n) => (allowed.includes(n) ? n : closestWord(n, allowed)));
  return out.every((n) => n !== undefined) ? (out as string[]) : undefined;
}

/** An error's message (a thrown non-Error as text). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The first line of TEXT that is not blank, at most MAX characters ('' for none). */
export function firstLine(text: string, max = 500): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').slice(0, max);
}
