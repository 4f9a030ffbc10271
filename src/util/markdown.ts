// Untrusted text made safe for Markdown: md() and html() for GitHub (PR comments, job summaries;
// src/report/escape.ts re-exports them), stripUnsafe() and codeFence() also for the resolver's
// explanation.md, which is read in a terminal first. Here, in src/util/, because both stages use it.
import he from 'he';
import { redactText } from './redact.js';
import { clip, codePointEscape, INVISIBLE_MARKS } from './text.js';

/**
 * Word joiner after `@` and `#`: GitHub's mention (`@user`, `@org/team`) and reference (`#12`,
 * `owner/repo#12`, `GH-12`) filters need the next character to be a word character, and the text
 * still reads the same. Renovate does the same with a zero-width space.
 */
const JOINER = '\u2060';

// Bidirectional overrides can make a row display something other than what it holds.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
// C1 too (U+0080-U+009F: U+009B is a terminal's one-character CSI), as C0 and DEL.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const NEWLINES = /\r\n|[\r\n\u2028\u2029]/g;
// Half a surrogate pair: no character at all, so a body holding one is not well-formed Unicode
// (GitHub may refuse it, or store U+FFFD and the comment never matches what was posted).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Characters that draw nothing: format characters (zero-width space and joiners, the soft hyphen,
// word joiner, tag characters; the bidi ones are handled above), the combining grapheme joiner and
// the Hangul fillers, and the variation selectors (U+FE00-FE0F, U+E0100-E01EF, Mongolian's
// U+180B-180D: marks, not format characters). In a name they make "tor\u200bch" or "torch\ufe0f"
// look like torch: they are shown as escapes.
const INVISIBLE = new RegExp(`\\p{Cf}|${INVISIBLE_MARKS}`, 'gu');

/**
 * Control characters removed, bidirectional overrides and lone surrogates replaced (U+FFFD),
 * invisible characters written as escapes (\u200b): what every escaper starts with.
 */
export function stripUnsafe(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(CONTROL, '')
    .replace(BIDI, '\ufffd')
    .replace(INVISIBLE, codePointEscape);
}

function neutralise(text: string): string {
  return (
    stripUnsafe(text)
      .replace(/@/g, `@${JOINER}`)
      // Also before a line break: the break becomes <br>, and the text around it one line.
      // One class, no alternation: `\r\n` as one break or two made 2^N ways to fail on N of them.
      .replace(/#(?=[\r\n\u2028\u2029]*[0-9])/g, `#${JOINER}`)
      .replace(/\b(gh)-(?=[0-9])/gi, `$1${JOINER}-`)
      // GitHub autolinks bare `http://`, `https://` and `www.` text (a package named by a URL would
      // be a live link): a joiner inside the scheme keeps the text and breaks the link.
      // Tried only where a run of scheme characters begins (linear: from every letter of a long run
      // it was quadratic); a run that begins with a digit gets the joiner too, which shows nothing.
      .replace(/(?<![a-z0-9+.-])([a-z0-9+.-]+):(?=\/\/)/gi, `$1:${JOINER}`)
      // Every `www.`, not only after a word boundary: GitHub also autolinks `www.` right after `*`,
      // `_`, `~` and `(` (`Foo_www.evil.com`, a valid pip name, where `\b` does not match). Also a
      // bare `www` at the end: the template may put a full stop right after the value.
      .replace(/(www)(?=\.|$)/gi, `$1${JOINER}`)
  );
}

/**
 * Text for a Markdown context: a table cell, a list item, a sentence. HTML-escaped (he: & < > " '
 * and the backtick), table pipes and link brackets as entities, emphasis characters, `$` and a
 * leading block marker backslash-escaped, newlines as <br>, mentions and references neutralised.
 * `$` because GitHub renders `$…$` and `$$…$$` as math: `\$` is the escape GitHub documents, and
 * works in table cells as in text. Never for a code span or a fenced block, where a backslash
 * shows as it is (they need no escaping: GitHub renders no math there).
 */
// Most values (package names, versions) need no escaping at all: checked once, returned as is.
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9.,:+/=-]*$/;
const NEEDS_WORK = /gh-[0-9]|^[0-9]+\.$|:\/\/|www(\.|$)/i;

export function md(text: string, max = Infinity): string {
  // Secrets masked before anything else: escaping breaks the URL a login sits in (https:⁠//),
  // and a clip could cut a token short of its pattern.
  const clipped = clip(redactText(String(text)), max);
  if (PLAIN.test(clipped) && !NEEDS_WORK.test(clipped)) return clipped;
  const s = neutralise(clipped);
  return (
    he
      .escape(s)
      .replace(/[|[\]()]/g, (c) => `&#${c.charCodeAt(0)};`)
      .replace(/[\\*_~$]/g, '\\$&')
      // Block markers only matter at the start of a line (a list item's text): heading, list, rule;
      // after up to three blanks too, as CommonMark reads them.
      .replace(/^( {0,3})(#{1,6}|[+-])(?=[ \t]|$)/, '$1\\$2')
      .replace(/^( {0,3})-(?=-)/, '$1\\-')
      .replace(/^( {0,3})(\d+)\.(?=[ \t]|$)/, '$1$2\\.')
      .replace(NEWLINES, '<br>')
  );
}

/**
 * md() for a context that is one line (a branch name in a sentence, a list item): a line break
 * there is shown as ` ⏎ `, not <br>, so a value cannot seem to end its line and start one of its
 * own ("feature\u2028\u2028✅ unchanged"). Table cells keep <br> (md): a cell stays one cell.
 * Leading blanks go: after a list item's marker, four of them start a code block, and fewer would
 * hide a block marker (`  # x`) from md()'s escaping, which looks at the value's first character.
 */
export function mdLine(text: string, max = Infinity): string {
  return md(
    String(text)
      .replace(NEWLINES, ' \u23ce ')
      .replace(/^[ \t]+/, ''),
    max,
  );
}

/** What a code span may hold as it is: one line of printable ASCII with no backtick, pipe or angle bracket. */
const CODE_SPAN_SAFE = /^[A-Za-z0-9._/:@+=,~-]+$/;

/**
 * A value to copy (an image reference, `REPO@sha256:...`) as a code span, where GitHub links no
 * mention and renders nothing: the text copied is the text shown, with no word joiner after its
 * `@` (finding: a digest copied from the comment into `ml-image verify` carried one). A value with
 * another character (a backtick could end the span) is md()'s. Secrets masked first.
 */
export function mdCode(text: string, max = Infinity): string {
  const clipped = clip(redactText(String(text)), max);
  return CODE_SPAN_SAFE.test(clipped) ? `\`${clipped}\`` : md(clipped);
}

/**
 * Text inside an HTML element we emit (<summary>): Markdown is not parsed there, entities are;
 * secrets masked. A dollar is an entity too: no math delimiter is left in the source, whatever
 * reads it.
 */
export function html(text: string, max = Infinity): string {
  return he
    .escape(neutralise(clip(redactText(String(text)), max)))
    .replace(/\$/g, '&#36;')
    .replace(NEWLINES, ' ');
}

/**
 * A fenced code block around lines that are shown as they are (pip's own output): the fence is
 * one backtick longer than the longest run of backticks in them (at least three), so no line can
 * end the block early (CommonMark: a closing fence is at least as long as the opening one).
 */
export function codeFence(lines: readonly string[], info = ''): string {
  const body = lines.map((l) => stripUnsafe(redactText(l))).join('\n');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}
