// HTTP headers that carry a credential, wherever a program's output prints one on a line: curl -v's
// `> Cookie: ...` and `< Set-Cookie: ...`, a shell trace's `curl -H 'X-Vault-Token: ...'`, curl's
// HTTP/2 `[cookie: ...]`, Python http.client's `header: Set-Cookie: ...` and its `send:
// b'...\r\nCookie: ...\r\n'`, a logger's `DEBUG:hvac:X-Vault-Token: ...`, a signing library's
// canonical request (`x-amz-security-token:...`), Go's fmt of an http.Header
// (`map[Set-Cookie:[...]]`, `http.Header{"Cookie":[]string{"..."}}`), Node's inspect of a response
// (`'set-cookie': [ '...' ]`, rawHeaders' `'Set-Cookie', '...'`), undici's and a HAR's name and
// value, Spring's HttpHeaders, a Ruby hash; and a cookie as requests' jar, curl's and wget's cookie
// engines and Python's cookiejar print it. A value on the line below its name is the continuation
// scanner's (redact-output-lines.ts); the Authorization header has its own rule
// (redact-authorization.ts).
import { REDACTED } from './redact.js';
import { lowerSecret, secretKey } from './redact-output-pairs.js';
import { type Span, spliced } from './redact-spans.js';

/**
 * A name, quoted or not, and what follows it: `:` (unquoted or quoted), `=>` or `,` (quoted: a Ruby
 * hash, a list of names and values). At a name's start: not after a letter, digit, `_`, `-`, a
 * backslash (`\nCookie` is no name `nCookie`) or `/` (an image's or a URL's path,
 * `ghcr.io/acme/vault-token:1.2`; after a `.` it is a property's, `req.headers.cookie: x`), or after
 * an escaped line break (`\r\n`, `\n`) of an HTTP message printed as one string. Each name is
 * read once from its start: linear.
 */
const CANDIDATE =
  /(?:(?<![A-Za-z0-9_\\/-])|(?<=\\[rn]))((?:\\)?['"]|)([A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)\1[ \t]*(:|=>|,)[ \t]*/g;
/** A cookie's header. */
export const COOKIE = /^(?:set-)?cookie$/i;
/** Credential headers whose name no word rule finds: Docker's, JFrog's, Azure Functions'. */
const NAMED = /^(?:x-registry-auth|x-jfrog-art-api|x-functions-key)$/i;
/** What a HAR's or undici's pair, Go's %#v and Node's inspect put between a header's name and its value. */
const VALUE_LEAD = /^(?:(\\?["']?)value\1[ \t]*:[ \t]*|\[\]string\{|\[[ \t]*)/;
/** A cookie's attribute, not a cookie (`Set-Cookie: SameSite=None requires Secure` is prose). */
const COOKIE_ATTRIBUTE = /^(?:samesite|path|domain|expires|max-age|secure|httponly|partitioned|priority)$/i;
/** A value of a name and value list that is a header's name itself: `['Cookie', 'Content-Type']`. */
const NAME_SHAPED = /^[A-Za-z]+(?:-[A-Za-z]+)*$/;
/** A word of prose after a header's name (`X-Api-Key: header must be set`): no token. */
const PROSE_WORD = /^[a-z]+$/;
/** What ends a token after a header's name: a blank, a quote, a backslash, punctuation around values. */
const WORD_END = /[\s"'\\,;()<>[\]{}|`]/;
/** A cookie in requests' jar (`<Cookie sid=x for host/>`) or curl's cookie engine (`Added cookie sid="x"`). */
const COOKIE_NOTE = /(<Cookie |\b(?:Added|Replaced) cookie )([^\s="]{1,256})=("?)([^"\s]*)/g;
/** A cookie as Python's http.cookiejar prints it: `Cookie(version=0, name='sid', value='x', ...)`, up to the value's quote. */
const COOKIE_REPR = /\bCookie\(version=[^,\r\n]{0,16}, name=(['"])[^'"\r\n]{0,256}\1, value=(['"])/g;
/** A cookie as wget -d stores it: `Stored cookie host -1 (ANY) / <session> <insecure> [expiry none] sid x`. */
const COOKIE_STORED = /\bStored cookie [^\r\n\]]{0,512}\] [^\s]{1,256} ([^\s]+)/g;

/** Whether NAME is a header that carries a credential: a cookie's, one a word rule finds, `X-...-Token`. */
const credentialHeader = (name: string): boolean =>
  COOKIE.test(name) || NAMED.test(name) || lowerSecret(name) || /^x-.+-token$/i.test(name);

/**
 * Whether the value of header NAME that starts at START in TEXT holds a credential: a cookie's
 * holds a cookie's `name=value` (holdsCookie), another's first word is no lower-case word of prose
 * (`header`, `got`).
 */
export function holdsCredential(name: string, text: string, start = 0): boolean {
  if (COOKIE.test(name)) return holdsCookie(text, start);
  const word = text.slice(start, valueEnd(text, start, undefined, true));
  return word !== '' && !PROSE_WORD.test(word);
}

/** A cookie's or an attribute's `name` or `name=value` (`Expires=Wed, 21 Oct 2026 ...` too), and the `;` that ends it. */
const COOKIE_SEGMENT = /([^\s;=,"'\\]+)(=[^\r\n;"'\\]{0,64})?(;[ \t]*)?/y;

/**
 * Whether a cookie header's value at START holds a cookie: its first pair that is no attribute's
 * is a `name=value`, after any attributes each ended by `;` (`Path=/; sid=x`; `SameSite=None
 * requires Secure` is prose). Reads no further than that pair: linear over a line of them.
 */
function holdsCookie(text: string, start: number): boolean {
  COOKIE_SEGMENT.lastIndex = start;
  for (let m; (m = COOKIE_SEGMENT.exec(text));) {
    if (!COOKIE_ATTRIBUTE.test(m[1]!)) return m[2] !== undefined;
    if (m[3] === undefined) return false;
  }
  return false;
}

/**
 * Where a value that starts at START ends: at the line's end or an escaped line break (`\r`, `\n`
 * as two characters), or at CLOSE (a quote or bracket that opened before it; an escaped quote, and
 * a shell's `'\''` in a single-quoted word, are part of the value). WORD: at the end of its first word too.
 */
function valueEnd(text: string, start: number, close: string | undefined, word = false): number {
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    // A shell's `'\''` inside a single-quoted word is a quote in the value (bash's set -x writes it).
    if (c === "'" && close === "'" && !word && text.startsWith("'\\''", i)) {
      i += 3;
      continue;
    }
    if (c === '\n' || c === '\r' || c === close || (word && WORD_END.test(c))) break;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === 'r' || next === 'n') break;
      i++;
    }
  }
  return Math.min(i, text.length);
}

/** Where a value that starts at START inside an escaped quote Q ends: at `\Q`, an escaped line break or the line's end. */
function escapedEnd(text: string, start: number, q: string): number {
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') break;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === q || next === 'r' || next === 'n') break;
      i++;
    }
  }
  return Math.min(i, text.length);
}

/** What closes a value opened by OPEN, the character before its header's name. */
const closer = (open: string | undefined): string | undefined =>
  open === "'" || open === '"' ? open : open === '[' ? ']' : undefined;

/** The spans a value gave, and where the search for the next header goes on. */
type Found = { spans: Span[]; next: number };

/**
 * The quoted value(s) after a quoted header name, from AT (past its separator SEP): a HAR's
 * `"value": "x"`, Go's `[]string{"x"}`, Node's `[ 'x' ]` (every item to its `]`: kOutHeaders lists
 * the name again first), or the next item of a name and value list (`'Set-Cookie', 'x'`: one
 * that holds a credential, not one shaped as a header's name: `['Cookie', 'Content-Type']`).
 */
function quotedValues(text: string, name: string, at: number, sep: string): Found {
  const lead = VALUE_LEAD.exec(text.slice(at, at + 16));
  let i = at + (lead?.[0].length ?? 0);
  const list = lead?.[0].startsWith('[') === true;
  // A list's next item, where no `value` key says it is the value.
  const ambiguous = sep === ',' && lead === null;
  const spans: Span[] = [];
  for (;;) {
    // A quote, or an escaped one (JSON in a JSON string: `{\"Cookie\": \"x\"}`).
    const escaped = text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === "'");
    const q = escaped ? text[i + 1] : text[i];
    if (q !== '"' && q !== "'") break;
    const from = i + (escaped ? 2 : 1);
    const end = escaped ? escapedEnd(text, from, q) : valueEnd(text, from, q);
    const value = text.slice(from, end);
    if (!ambiguous || (!NAME_SHAPED.test(value) && holdsCredential(name, text, from)))
      spans.push({ from, to: end });
    i = end + (escaped ? 2 : 1);
    if (!list) break;
    const comma = /^[ \t]*,[ \t]*/.exec(text.slice(i, i + 64));
    if (comma === null) break;
    i += comma[0].length;
  }
  return { spans, next: i };
}

/** The value after an unquoted credential header NAME that starts at START (see maskCredentialHeaders). */
function bareValue(
  text: string,
  name: string,
  start: number,
  open: string | undefined,
  afterBreak: boolean,
): Found {
  const none = (next: number): Found => ({ spans: [], next });
  // Go's []string (`map[Set-Cookie:[x]]`), Node's list (`cookies: [ 'x' ]`): inside the brackets.
  if (text[start] === '[' && !text.startsWith(REDACTED, start)) {
    const end = valueEnd(text, start + 1, ']');
    return { spans: [{ from: start + 1, to: end }], next: end };
  }
  if (/^cookies$/i.test(name)) return none(start);
  // A quoted value (Spring's `[Set-Cookie:"x", X-Auth-Token:"y"]`): inside its quotes.
  const q = text[start];
  if (q === '"' || q === "'") {
    const end = valueEnd(text, start + 1, q);
    return holdsCredential(name, text, start + 1)
      ? { spans: [{ from: start + 1, to: end }], next: end }
      : none(end);
  }
  const close = closer(open);
  const wordEnd = valueEnd(text, start, close, true);
  // In an HTTP message printed as one string, the whole value, whatever it looks like.
  if (afterBreak) {
    const end = valueEnd(text, start, close);
    return { spans: [{ from: start, to: end }], next: end };
  }
  if (!holdsCredential(name, text, start)) return none(wordEnd);
  // A cookie's pairs to the end; another header's token is its first word (a sentence goes on after it).
  const end = COOKIE.test(name) ? valueEnd(text, start, close) : wordEnd;
  return { spans: [{ from: start, to: end }], next: end };
}

/**
 * TEXT with the value of each header that carries a credential masked, its name and what follows
 * the value kept: `Cookie: [redacted]`, `[cookie: [redacted]]`, `-H 'X-Vault-Token: [redacted]'`,
 * `Set-Cookie:[[redacted]]`, `'set-cookie': [ '[redacted]' ]`. Unquoted, a name is a cookie's or a
 * hyphenated one that credentialHeader takes (a word of prose such as `password:` is not read here);
 * after an escaped line break, any name secretKey takes too. A cookie's value runs to the line's end,
 * an escaped line break, or the quote or bracket that opened before the name; another header's value
 * is its first word; each only where it holds a credential (holdsCredential: `expected cookie: got
 * None`, `X-Api-Key: header must be set` are prose); a quoted value, inside its quotes; in an
 * escaped message, the whole value to the next line break. Cookies as requests' jar, curl's and
 * wget's cookie engines and Python's cookiejar print them too. An empty value, or one masked
 * already, is kept. Linear: what a header's value was read for is not read again. Idempotent.
 */
export function maskCredentialHeaders(text: string): string {
  const spans: Span[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m; (m = CANDIDATE.exec(text));) {
    const [whole, quote, name, sep] = [m[0], m[1]!, m[2]!, m[3]!];
    const start = m.index + whole.length;
    const afterBreak =
      quote === '' && m.index >= 2 && text[m.index - 2] === '\\' && /[rn]/.test(text[m.index - 1]!);
    const hyphenated = name.includes('-');
    let found: Found | undefined;
    if (quote !== '') {
      if (COOKIE.test(name) || (hyphenated && credentialHeader(name)))
        found = quotedValues(text, name, start, sep);
    } else if (sep === ':') {
      const taken =
        COOKIE.test(name) ||
        (hyphenated && credentialHeader(name)) ||
        (afterBreak && secretKey(name)) ||
        (/^cookies$/i.test(name) && text[start] === '[');
      if (taken) found = bareValue(text, name, start, text[m.index - 1], afterBreak);
    }
    if (found === undefined) continue;
    spans.push(...found.spans);
    // What was read is not read again (a value of `Cookie:Cookie:...` holds no other header).
    CANDIDATE.lastIndex = Math.max(found.next, start);
  }
  if (text.includes('ookie')) {
    for (const n of text.matchAll(COOKIE_NOTE)) {
      const from = n.index + n[1]!.length + n[2]!.length + 1 + n[3]!.length;
      spans.push({ from, to: from + n[4]!.length });
    }
    for (const n of text.matchAll(COOKIE_REPR)) {
      const from = n.index + n[0].length;
      spans.push({ from, to: valueEnd(text, from, n[2]) });
    }
    for (const n of text.matchAll(COOKIE_STORED)) {
      const from = n.index + n[0].length - n[1]!.length;
      spans.push({ from, to: from + n[1]!.length });
    }
  }
  return spliced(text, spans);
}

// A header's value on the line below its name: what the continuation scanner (redact-output-lines.ts)
// reads, a line at a time, for the batch masker and the live view alike.

/**
 * A line that names a credential header alone, its value on the next line: a list's item, as Node
 * prints rawHeaders or kOutHeaders over several lines (`    'Set-Cookie',`), or a pair's `name`, as
 * a HAR or undici pretty-printed (`  "name": "Cookie",`), pprint's dict (`{'name': 'DB_PASSWORD',`, its
 * object or list opened on the line, after its key too: `'environment': [{'name': ...,`).
 */
export const HEADER_HEAD =
  /^[ \t]*(?:(?!["']name["'])["'][A-Za-z_][\w-]*["'][ \t]*:[ \t]*)?(?:[[{(][ \t]*){0,3}(?:(["']?)name\1[ \t]*:[ \t]*)?(["'])([A-Za-z][A-Za-z0-9_-]*)\2[ \t]*,[ \t]*$/;
/** A list of cookies opened at the line's end, its items on the lines below (undici's `cookies: [`). */
export const COOKIES_HEAD = /^[ \t]*(["']?)cookies\1[ \t]*:[ \t]*\[[ \t]*$/i;
/** The Authorization headers, whose one-line forms redact-authorization.ts reads. */
export const AUTHORIZATION = /^(?:proxy-)?authorization$/i;
/** Whether NAME is a header that carries a credential, Authorization's included (credentialHeader's and AUTHORIZATION's). */
export const credentialOrAuthorization = (name: string): boolean =>
  credentialHeader(name) || AUTHORIZATION.test(name);

/**
 * Whether VALUE, a list's item after header NAME's, is that header's value: not a name itself
 * (a list of header names, `'X-Api-Key',` then `'Content-Type',`); an Authorization's whatever it
 * is (`'Bearer x'`, `'token x'`), another's where it holds a credential (holdsCredential).
 */
export function listValue(name: string, value: string): boolean {
  if (NAME_SHAPED.test(value)) return false;
  return AUTHORIZATION.test(name) ? value.trim() !== '' : holdsCredential(name, value);
}

/** The line after it: the value's literal, after its pair's `value` key where the name had one. */
export const HEADER_VALUE = /^([ \t]*(?:(["']?)value\2[ \t]*:[ \t]*)?)(["'])((?:\\.|(?!\3)[^\\])*)\3/;
