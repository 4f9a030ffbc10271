// Credentials written into text by a form of their own: connection strings, ADO.NET's, ODBC's and
// Azure Storage's (`Server=db;User Id=sa;Password=...;`, `DRIVER=...;PWD=...;`, `AccountKey=...;`),
// and HTTP Authorization headers (`Authorization: Bearer ...`: redact-authorization.ts). The shared
// rules name both (images/probe/redaction-rules.json, connectionString and authorization; the probe
// applies the same rules). redact.ts applies them to free text and to every environment value; they
// live here to keep that file in bounds.
import { maskAuthorization } from './redact-authorization.js';
import { REDACTION_RULES } from './redact-rules.js';

const { pattern, ignoreCase } = REDACTION_RULES.connectionString;
const CONNECTION_SECRET_G = new RegExp(pattern, ignoreCase ? 'gi' : 'g');

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

/** maskConnectionSecrets, then maskAuthorization with MASKS[0]: the credentials text writes by form. */
export const maskWrittenCredentials = (text: string, masks: readonly [string, ...string[]]): string =>
  maskAuthorization(maskConnectionSecrets(text, masks), masks[0], masks);
