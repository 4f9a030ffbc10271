// HTTP headers that carry a credential, wherever a program's output prints one on a line: curl -v's
// `> Cookie: ...` and `< Set-Cookie: ...`, a shell trace's `curl -H 'X-Vault-Token: ...'`, curl's
// HTTP/2 `[cookie: ...]`, Python http.client's `header: Set-Cookie: ...` and its `send:
// b'...\r\nCookie: ...\r\n'`, a logger's `DEBUG:hvac:X-Vault-Token: ...`, a signing library's
// canonical request (`x-amz-security-token:...`), Go's fmt of an http.Header
// (`map[Set-Cookie:[...]]`). The Authorization header has its own rule (redact-authorization.ts).
import { REDACTED } from './redact.js';
import { lowerSecret } from './redact-output-pairs.js';

/**
 * A header's name and its colon: a cookie's (any case), or a name of two words or more joined by
 * `-` as only header names are (`X-Vault-Token`; a word of prose such as `password:` is not taken
 * here, where the rest of a test's message would be masked). At a name's start: not after a
 * letter, digit, `_` or `-`, or after an escaped line break (`\r\n`, `\n`) of an HTTP message
 * printed as one string. Each name is read once from its start (one `-` a part): linear.
 */
const HEADER =
  /(?:(?<![A-Za-z0-9_-])|(?<=\\[rn]))((?:set-)?cookie|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)([ \t]*:[ \t]*)/gi;
/** Credential headers whose name no word rule finds (lowerSecret): Docker's and JFrog's. */
const NAMED = /^(?:(?:set-)?cookie|x-registry-auth|x-jfrog-art-api)$/i;

/** Whether NAME is a header that carries a credential. */
export const credentialHeader = (name: string): boolean => NAMED.test(name) || lowerSecret(name);

/**
 * Where a header's value that starts at START ends: at the line's end or an escaped line break
 * (`\r`, `\n` as two characters); inside quotes that opened before the name (`-H 'Cookie: x'`), at
 * the closing one (an escaped quote is part of the value); inside brackets (`[cookie: x]`, Go's
 * `[]string` printed as `[x]`), at the `]`.
 */
function valueEnd(text: string, start: number, close: string | undefined): number {
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r' || c === close) break;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === 'r' || next === 'n') break;
      i++;
    }
  }
  return Math.min(i, text.length);
}

/** What closes a value opened by OPEN, the character before its header's name. */
const closer = (open: string | undefined): string | undefined =>
  open === "'" || open === '"' ? open : open === '[' ? ']' : undefined;

/**
 * TEXT with the value of each header that carries a credential masked (credentialHeader judges its
 * name), its name and what follows the value kept: `Cookie: [redacted]`, `[cookie: [redacted]]`,
 * `-H 'X-Vault-Token: [redacted]'`, `Set-Cookie:[[redacted]]`. An empty value, or one masked
 * already, is kept. Each character is read a bounded number of times: linear. Idempotent.
 */
export function maskCredentialHeaders(text: string): string {
  let out = '';
  let done = 0;
  HEADER.lastIndex = 0;
  for (let m; (m = HEADER.exec(text));) {
    const [whole, name] = [m[0], m[1]!];
    if (!credentialHeader(name)) continue;
    let start = m.index + whole.length;
    // Go's []string: the value inside its brackets (not a mask's own).
    const bracketed = text[start] === '[' && !text.startsWith(REDACTED, start);
    if (bracketed) start++;
    if (text.startsWith(REDACTED, start)) {
      HEADER.lastIndex = start + REDACTED.length; // masked already
      continue;
    }
    const end = valueEnd(text, start, bracketed ? ']' : closer(text[m.index - 1]));
    const value = text.slice(start, end).trimEnd();
    HEADER.lastIndex = Math.max(end, m.index + whole.length);
    if (value === '') continue;
    out += `${text.slice(done, start)}${REDACTED}`;
    done = start + value.length;
  }
  return done === 0 ? text : out + text.slice(done);
}
