// Image labels as records show them: a label whose key names a secret has its value masked, by
// words of the key (a label key's words differ from an environment name's: `author`, `keywords`).
// Re-exported by redact.ts.
import { REDACTION_RULES } from './redact-rules.js';

const REDACTED = REDACTION_RULES.redacted;

/**
 * Label keys that are never masked by name: the OCI and label-schema annotations (`...authors`
 * would match AUTH) and the tool's own. Their values are still masked by shape (redactDeep).
 */
const STANDARD_LABEL = /^(?:org\.opencontainers\.image|org\.label-schema|io\.github\.ml-image-action)\./;

/**
 * An image's labels as a record shows them: a label whose key names a secret (`com.acme.api_key`:
 * secretLabelKey) has its value masked, unless it is a standard one (STANDARD_LABEL).
 */
export function redactLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, secretLabel(k) ? REDACTED : v]));
}

/** Whether a label's value is masked by its key (redactLabels): never shown, not even in a reason. */
export function secretLabel(key: string): boolean {
  return !STANDARD_LABEL.test(key) && secretLabelKey(key);
}

/**
 * A label key that names a secret, word by word (`com.acme.api_key`, `deploy.token`,
 * `db-password`, `accessToken`): the environment rule matches inside words, which in label keys
 * (`author`, `keywords`, `hotkey`) are ordinary; a password is one inside a word too, a secret or
 * a credential at a word's end, and a token after a word that makes it one (`dbpassword`,
 * `clientsecret`, `registrytoken`; not `maxtokens`, `secretsmanager`, `credentialhelper`). Words
 * are split at `.`, `-`, `_`, `/` and a lower-to-upper case step.
 */
function secretLabelKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase());
  return words.some((w) => SECRET_LABEL_WORD.test(w));
}

const SECRET_LABEL_WORD =
  /^(?:(?:api|access|private|secret|auth)?(?:key|token|secret)s?|pass(?:word|wd|phrase)?s?|pat|credentials?|creds|auth|cookies?|session|signature)$|passw(?:or)?d|.secrets?$|.credentials?$|(?:auth|access|api|bearer|deploy|refresh|registry|session|oauth)tokens?$/;
