// Whether a value writes a credential in a form of its own, by the rules that mask it in text and
// in an environment value (redact.ts, redact-connection.ts): the gate for text anyone who pulls an
// image reads (a build arg's, a label's, an annotation's value: src/config/build-args.ts) refuses
// what the logs would mask, so no such value reaches the image.
import { maskConnectionSecrets, maskWrittenCredentials } from './redact-connection.js';
import { CREDENTIAL_IN_VALUE, MASK, REDACTED } from './redact.js';

/** `=` and a word that says there is no secret, up to a value's end (; a quote, a blank, the end). */
const PLAIN_WORD_VALUE = /=(?:none|null|true|false|yes|no|on|off|0|1|empty|changeme)(?=[;"'\s]|$)/gi;

/**
 * What credential VALUE writes in a form of its own (a connection string's `Password=`/
 * `AccountKey=`, an Authorization header's credentials, an npmrc's `_authToken=`, a setting's
 * `api_key=`, a Docker config's `"auth"`, a netrc entry, `--password p`), else undefined. Names the
 * form, never the value.
 */
export function writtenCredential(value: string): string | undefined {
  // A key given a plain word (Password=none, a label's `password=none`) says there is none: as an
  // empty value, which the rule keeps.
  const words = value.replace(PLAIN_WORD_VALUE, '=');
  if (maskConnectionSecrets(words, [REDACTED, MASK]) !== words)
    return "a connection string's secret (Password=, Pwd=, AccountKey=, SharedAccessKey=, SharedAccessSignature=)";
  if (maskWrittenCredentials(words, [REDACTED, MASK]) !== words)
    return "an Authorization header's credentials";
  if (CREDENTIAL_IN_VALUE.test(value))
    return 'a credential written as a setting, an option or a config line (api_key=, --password, _authToken=, "auth":)';
  return undefined;
}
