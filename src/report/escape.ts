// The ONE place untrusted text is made safe for GitHub Markdown (PR comments, job summaries).
// Every value from a record, smoke result, resolver or model goes through md() or html() at render
// time; the renderer's own template text never contains user data unescaped.
import he from 'he';
import { clip } from '../util/text.js';

export { clip };

/**
 * Word joiner after `@` and `#`: GitHub's mention (`@user`, `@org/team`) and reference (`#12`,
 * `owner/repo#12`, `GH-12`) filters need the next character to be a word character, and the text
 * still reads the same. Renovate does the same with a zero-width space.
 */
const JOINER = '\u2060';

// Bidirectional overrides can make a row display something other than what it holds.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const NEWLINES = /\r\n|[\r\n\u2028\u2029]/g;

function neutralise(text: string): string {
  return (
    text
      .replace(CONTROL, '')
      .replace(BIDI, '\ufffd')
      .replace(/@/g, `@${JOINER}`)
      // Also before a line break: the break becomes <br>, and the text around it one line.
      .replace(/#(?=(?:\r\n|[\r\n\u2028\u2029])*[0-9])/g, `#${JOINER}`)
      .replace(/\b(gh)-(?=[0-9])/gi, `$1${JOINER}-`)
      // GitHub autolinks bare `http://`, `https://` and `www.` text (a package named by a URL would
      // be a live link): a joiner inside the scheme keeps the text and breaks the link.
      .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, `$1:${JOINER}`)
      // Also a bare `www` at the end: the template may put a full stop right after the value.
      .replace(/\b(www)(?=\.|$)/gi, `$1${JOINER}`)
  );
}

/**
 * Text for a Markdown context: a table cell, a list item, a sentence. HTML-escaped (he: & < > " '
 * and the backtick), table pipes and link brackets as entities, emphasis characters and a leading
 * block marker backslash-escaped, newlines as <br>, mentions and references neutralised.
 */
// Most values (package names, versions) need no escaping at all: checked once, returned as is.
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9.,:+/=-]*$/;
const NEEDS_WORK = /gh-[0-9]|^[0-9]+\.$|:\/\/|\bwww(\.|$)/i;

export function md(text: string, max = Infinity): string {
  const clipped = clip(String(text), max);
  if (PLAIN.test(clipped) && !NEEDS_WORK.test(clipped)) return clipped;
  const s = neutralise(clipped);
  return (
    he
      .escape(s)
      .replace(/[|[\]()]/g, (c) => `&#${c.charCodeAt(0)};`)
      .replace(/[\\*_~]/g, '\\$&')
      // Block markers only matter at the start of a line (a list item's text): heading, list, rule.
      .replace(/^(#{1,6}|[+-])(?=[ \t]|$)/, '\\$1')
      .replace(/^-(?=-)/, '\\-')
      .replace(/^(\d+)\.(?=[ \t]|$)/, '$1\\.')
      .replace(NEWLINES, '<br>')
  );
}

/** Text inside an HTML element we emit (<summary>): Markdown is not parsed there, entities are. */
export function html(text: string, max = Infinity): string {
  return he.escape(neutralise(clip(String(text), max))).replace(NEWLINES, ' ');
}

/**
 * A link target: only http(s) URLs, percent-encoded so that nothing in them can end the Markdown
 * link or open HTML. Anything else is dropped (null).
 */
export function safeUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  // Credentials in a URL are a secret: never printed.
  u.username = '';
  u.password = '';
  return u.href.replace(
    /[()<>"'`\s|[\]\\@]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Characters a marker key may hold; anything else becomes "_" (it lives inside an HTML comment). */
export function markerKey(key: string, max = 160): string {
  // Without < > ! the key can never end the comment it lives in.
  const clean = key.replace(/[^A-Za-z0-9._/:@,+-]/g, '_');
  if (clean.length <= max) return clean;
  // Long keys keep a hash of the whole so two keys with the same start stay distinct.
  return `${clean.slice(0, max - 9)}+${fnv1a(key)}`;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

// Mermaid (charts in ```mermaid blocks): only these characters are written as they are; any other
// becomes a Mermaid entity code, `#<decimal code point>;`, which Mermaid turns back into the
// character when it draws (its encodeEntities/decodeEntities). So no value can end a quoted label
// (`"`), start a comment or a directive (`%%`, `%%{init}%%`), separate statements (`;`, a newline),
// be taken for an entity of its own (`#`), open a Markdown string (a backtick, which could also
// end the fenced block) or carry HTML (`<`).
const MERMAID_SAFE = /^[A-Za-z0-9 .,_+\-/()]$/u;

/**
 * Text for a Mermaid label or title (always written inside double quotes, or as a pie title to
 * the end of its line): control characters removed, bidirectional overrides replaced, line breaks
 * and tabs as single spaces, clipped to max characters, every character outside
 * [A-Za-z0-9 .,_+-/()] as `#<code point>;`. Never empty (an empty label reads as "?").
 */
export function mermaidText(text: string, max = 80): string {
  const plain = clip(
    String(text)
      .replace(CONTROL, '')
      .replace(BIDI, '\ufffd')
      .replace(/[\s\u2028\u2029]+/gu, ' ')
      .trim(),
    max,
  );
  let out = '';
  for (const ch of plain) out += MERMAID_SAFE.test(ch) ? ch : `#${ch.codePointAt(0)!};`;
  return out === '' ? '?' : out;
}
