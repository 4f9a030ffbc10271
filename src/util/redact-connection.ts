// Credentials written into text by a form of their own: connection strings, ADO.NET's, ODBC's and
// Azure Storage's (`Server=db;User Id=sa;Password=...;`, `DRIVER=...;PWD=...;`, `AccountKey=...;`),
// and HTTP Authorization headers (`Authorization: Bearer ...`). The shared rules name both
// (images/probe/redaction-rules.json, connectionString and authorization; the probe applies the
// same rules). redact.ts applies them to free text and to every environment value; they live here
// to keep that file in bounds.
import { REDACTION_RULES } from './redact-rules.js';

const { pattern, ignoreCase } = REDACTION_RULES.connectionString;
const CONNECTION_SECRET_G = new RegExp(pattern, ignoreCase ? 'gi' : 'g');
const AUTH_RULE = REDACTION_RULES.authorization;
const AUTHORIZATION_G = new RegExp(AUTH_RULE.pattern, AUTH_RULE.ignoreCase ? 'gi' : 'g');
/** A variable's reference, not its value (`$HF_TOKEN`, `${HF_TOKEN}`: a script's text). */
const REFERENCE = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})$/;

/**
 * TEXT with the value of each connection-string secret (`Password=`, `Pwd=` right after a `;`,
 * `AccountKey=`, `SharedAccessKey=`, `SharedAccessSignature=`, any case) replaced by MASKS[0].
 * A value that is empty or begins with one of MASKS (masked already: `DB_PASSWORD=[redacted]
 * LANG=C`, a pair shown again) stays, and so does one that begins with a whole `${NAME}` (the rule
 * skips it). Linear: a {braced} or 'quoted' value is looked at 128 characters ahead at most.
 */
export function maskConnectionSecrets(text: string, masks: readonly [string, ...string[]]): string {
  if (!text.includes('=')) return text;
  return text.replace(CONNECTION_SECRET_G, (whole, key: string, value: string) =>
    value === '' || masks.some((m) => value.startsWith(m)) ? whole : `${key}${masks[0]}`,
  );
}

/**
 * TEXT with the credentials of each HTTP Authorization header (and Proxy-Authorization) replaced
 * by MASK, however a program prints the header: curl's `> Authorization: Bearer x`, http.client's
 * `b'...\r\nAuthorization: Basic x\r\n'`, a dict's `'Authorization': 'Bearer x'`, JSON (escaped in
 * a string too), a tuple `('Authorization', 'token x')`, Go's `map[Authorization:[Bearer x]]`, a
 * keyword `authorization="x"`. The credentials are the second word where the value has two (the
 * first is the scheme, kept: `Bearer [redacted]`), else the first. A word ends at a blank, a quote,
 * a backslash, `,`, `;`, a bracket or parenthesis, `<`, `>`, a backtick or `*`: a masked value (one
 * of MASKS: `[redacted]`, `***`) is no word, and a first word followed by one is a scheme, so
 * masking twice is masking once; a variable's reference (`Bearer $HF_TOKEN`, `${HF_TOKEN}`) is
 * kept. Digest's parameters after its first are not read.
 */
export function maskAuthorization(text: string, mask: string, masks: readonly string[] = [mask]): string {
  if (!/authorization/i.test(text)) return text;
  return text.replace(
    AUTHORIZATION_G,
    (whole, head: string, first: string, blanks = '', second = '', at: number) => {
      // A masked value read as a word after Go's "[" (`Authorization: [redacted]`); no second word
      // (`Authorization: abc123 (opaque)`): the first is the credentials, unless a masked value
      // follows it (`Bearer [redacted]`).
      const masked = (from: number) => masks.some((m) => text.startsWith(m, from));
      if (masked(at + head.length - 1) || (second === '' && masked(at + whole.length))) return whole;
      if (REFERENCE.test(second === '' ? first : second)) return whole;
      return second === '' ? `${head}${mask}${blanks}` : `${head}${first}${blanks}${mask}`;
    },
  );
}

/** maskConnectionSecrets, then maskAuthorization with MASKS[0]: the credentials text writes by form. */
export const maskWrittenCredentials = (text: string, masks: readonly [string, ...string[]]): string =>
  maskAuthorization(maskConnectionSecrets(text, masks), masks[0], masks);
