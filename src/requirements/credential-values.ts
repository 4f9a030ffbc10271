// What a value written in a credential's place in a requirements file is, for the refusal at the
// door (credentials.ts): a secret; a reference pip does not fill in ($NAME, %NAME%, {{name}},
// $(...): a mistake in a line, fine in a comment); or nothing to refuse
// (empty, a whole ${NAME}, a mask such as pip-compile's `****`, a placeholder such as `<token>` or
// `YOUR_KEY`, or shorter than MIN_SECRET_CHARS). Also the tokens of a known form in free text (a
// comment). Pure. Log masking (util/url-secrets.ts, util/redact.ts) keeps its own, wider rule:
// whatever it may hide, it hides.
import { findJwts, REDACTION_RULES } from '../util/redact.js';
import { decoded, isLiteralSecret, isNameReference } from '../util/url-secrets.js';

/** A shorter value is no token for the refusal (a real one is longer); masking is unaffected. */
const MIN_SECRET_CHARS = 6;

/** TEXT percent-decoded, or as written where it does not decode (a bare '%'). */
export const decodedOr = (text: string): string => decoded(text) ?? text;

/**
 * References pip does not fill in (it expands only `${NAME}`, NAME of upper-case letters, digits and
 * _): a shell's `$NAME` and `$(command)`, a `${name}` of another form, Windows' `%NAME%`, a
 * template's `{{name}}` (also GitHub's `${{ secrets.NAME }}`).
 */
const UNEXPANDED = [
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /^\$\{(?![A-Z0-9_]+\}$)[^{}]*\}$/,
  /^\$\([^()]*\)$/,
  /^%[A-Za-z_][A-Za-z0-9_]*%$/,
  /^\$?\{\{[^{}]*\}\}$/,
];

/** Whether VALUE (as written) is wholly a reference pip does not fill in (UNEXPANDED). */
const isUnexpandedReference = (value: string) => UNEXPANDED.some((p) => p.test(value));

/**
 * A value masked already: all '*' (pip-compile's header writes `https://__token__:****@host`),
 * REDACTED in any case or bracketed, runs of x, X or '.' (`xxxxxxxx`, `XXXX-XXXX`, `...`), also
 * after a token's prefix (`nvapi-XXXXXXXX`, `ghp_xxxxxxxx`, `hf_***`).
 */
const MASKED = [
  /^(?:[A-Za-z][A-Za-z0-9]{0,11}[-_])?(?:\*+|[xX.]+(?:[-_][xX.]+)*)$/,
  /^[[<(]?redacted[\]>)]?$/i,
];

export const isMasked = (value: string) => MASKED.some((p) => p.test(value));

/** The words a placeholder is made of (`your_api_key`, `YourToken`, `password`, `value`). */
const PLACEHOLDER_WORDS = new Set(
  (
    'a an the my your our app api access auth bearer client private personal project deploy secret ' +
    'secrets token tokens password passwd passphrase pass pwd key keys value user username login name ' +
    'here example placeholder changeme sas sig signature pat account org organization feed id ' +
    'credential credentials creds env sample dummy fake true false none null yes no'
  ).split(' '),
);

/**
 * Whether VALUE (as written or decoded) is a placeholder, no secret: wholly `<...>`, `[...]`,
 * `{{...}}`, a reference (`${NAME}`, `$NAME`, `$(...)`, `%NAME%`), an upper-case identifier without
 * digits (`YOUR_KEY`, `TOKEN`, `PAT`, `API_KEY`), or words of PLACEHOLDER_WORDS only (`value`,
 * `password`, `your-api-key`, `true`, `none`; also `1` and `0`).
 */
export function isPlaceholder(value: string): boolean {
  if (/^(?:<[^<>]*>|\[[^[\]]*\]|[01])$/.test(value)) return true;
  if (isNameReference(value) || isUnexpandedReference(value)) return true;
  if (/^_*[A-Z]+(?:[-_]+[A-Z]+)*_*$/.test(value)) return true;
  if (!/^[A-Za-z][A-Za-z_-]*$/.test(value)) return false;
  const words = value.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[-_ ]+/);
  return words.every((w) => w === '' || PLACEHOLDER_WORDS.has(w.toLowerCase()));
}

/**
 * Whether VALUE, written in a secret's place (a password, a query parameter's value, /t/<token>/),
 * is no secret to refuse: empty, a whole `${NAME}`, masked, a placeholder, or shorter than
 * MIN_SECRET_CHARS; as written or percent-decoded.
 */
function noSecretValue(value: string): boolean {
  const d = decodedOr(value);
  if (!isLiteralSecret(value) || d.length < MIN_SECRET_CHARS) return true;
  return [value, d].some((v) => isMasked(v) || isPlaceholder(v));
}

/** What a value written in a credential's place is: a secret, a reference pip does not fill in, or none. */
export type ValueKind = 'secret' | 'reference' | undefined;

/**
 * What VALUE (as written in a URL: a password, a query parameter's value, a /t/ token, or a user
 * name that is the token: `TOKEN:@`, `TOKEN:x-oauth-basic@`) is. LIVE (a line pip reads, not a
 * comment): a reference pip does not fill in is one to refuse.
 */
export function valueKind(value: string, live: boolean): ValueKind {
  if (live && [value, decodedOr(value)].some(isUnexpandedReference)) return 'reference';
  return noSecretValue(value) ? undefined : 'secret';
}

const TOKEN_SHAPE_G = REDACTION_RULES.secretValues.map((p) => new RegExp(p, 'g'));

/**
 * Where the tokens of a known form are in TEXT (a comment), [start, end) each: the shared rules'
 * secretValues (ghp_, github_pat_, glpat-, hf_, AKIA, xox?-, sk-, a PyPI token, npm_, dckr_pat_,
 * Google's AIza and ya29.) and a JSON Web Token; a masked one (`hf_xxxxxxxxxxxxxxxxxxxx`) is none.
 * Not the generic base64-like rule: a `--hash` digest is no token.
 */
export function tokensIn(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const p of TOKEN_SHAPE_G)
    for (const m of text.matchAll(p)) if (!isMasked(m[0])) found.push([m.index, m.index + m[0].length]);
  return [...found, ...findJwts(text)];
}

/**
 * What a user name written without a password (`https://NAME@host`) is: a secret where it is a
 * token, one of a known form (tokensIn: holds `ghp_...`, `glpat-...`, a JWT ...) or at least 30
 * characters of letters and digits, both, without '-' or '_' (an Azure DevOps or an old GitHub
 * token; an organization's name, `my-long-org-name-2024`, has hyphens); LIVE, a reference pip does
 * not fill in. Anything else is a user name (pip asks for its password): none.
 */
export function userKind(user: string, live: boolean): ValueKind {
  const d = decodedOr(user);
  if (live && [user, d].some(isUnexpandedReference)) return 'reference';
  if ([user, d].some(isMasked)) return undefined;
  const long = (v: string) => /^[A-Za-z0-9+/=]{30,}$/.test(v) && /[A-Za-z]/.test(v) && /[0-9]/.test(v);
  return [user, d].some((v) => tokensIn(v).length > 0 || long(v)) ? 'secret' : undefined;
}
