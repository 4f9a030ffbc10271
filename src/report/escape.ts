// Where the report makes untrusted text safe for GitHub Markdown (PR comments, job summaries).
// Every value from a record, smoke result, resolver or model goes through md() or html() at render
// time; the renderer's own template text never contains user data unescaped. md() and html() are
// src/util/markdown.ts's (which the resolver's explanation.md also uses), re-exported here.
import { stripUnsafe } from '../util/markdown.js';
import { redactText } from '../util/redact.js';
import { clip, codePointEscape } from '../util/text.js';

export { html, md, mdCode, mdLine } from '../util/markdown.js';
export { clip };

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

/**
 * A package's name as the report shows it: every character outside ASCII as an escape
 * (`t\u043erch`). pip (PEP 508), Debian and conda names are ASCII, so one that is not is a look-alike
 * (a Cyrillic "о" in torch, fullwidth letters) that an image made up: it must not read as the real
 * one. Then escaped as any value (md).
 */
export function packageName(name: string): string {
  return name.replace(/[^ -~\t\n\r]/gu, codePointEscape);
}

/**
 * A package change's name as the report shows it (packageName): with its conda environment where
 * the diff compared the name environment by environment (`numpy in /opt/conda/envs/ml`).
 */
export function changeName(c: { name: string; prefix?: string | undefined }): string {
  return packageName(c.prefix === undefined ? c.name : `${c.name} in ${c.prefix}`);
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
 * the end of its line): secrets masked first (redactText, as md() and html() do: a cut could end a
 * token before its pattern does), control characters removed, bidirectional overrides replaced, line breaks
 * and tabs as single spaces, clipped to max characters, every character outside
 * [A-Za-z0-9 .,_+-/()] as `#<code point>;`. Never empty (an empty label reads as "?").
 */
export function mermaidText(text: string, max = 80): string {
  const plain = clip(
    stripUnsafe(redactText(String(text)))
      .replace(/[\s\u2028\u2029]+/gu, ' ')
      .trim(),
    max,
  );
  let out = '';
  for (const ch of plain) out += MERMAID_SAFE.test(ch) ? ch : `#${ch.codePointAt(0)!};`;
  return out === '' ? '?' : out;
}
