// Secrets never reach a record, log, summary or comment: redaction by variable name and by value
// pattern (the probe applies the same rules; this pass covers all else, such as the image config the
// engine reports, and re-checks the probe's output), URL credentials in any text (`https://u:***@h/`,
// `https://***@h/` for a token as the user name, `https://***:***@h/`, `?token=***`, Anaconda's
// `/t/***/`, `dl.cloudsmith.io/***/`), connection strings' (`Password=***;`) and Authorization
// headers' (`Bearer ***`: redact-connection.ts). Rules: images/probe/redaction-rules.json.
import { findJwts } from './find-jwts.js';
import { maskWrittenCredentials } from './redact-connection.js';
import { maskCollapsedUserinfos } from './redact-collapsed.js';
import { REDACTION_RULES } from './redact-rules.js';
import { escapeRegExp } from './text.js';
export { REDACTION_RULES, type RedactionRules } from './redact-rules.js';
export { findJwts } from './find-jwts.js';
export { redactLabels, secretLabel } from './redact-labels.js';

export const REDACTED = REDACTION_RULES.redacted;
/** What replaces a URL's password (or a lone user name, which is often a token) in free text. */
export const MASK = '***';

const SECRET_NAME = new RegExp(
  REDACTION_RULES.secretName.pattern,
  REDACTION_RULES.secretName.ignoreCase ? 'i' : '',
);
/** A long base64-like value under any name; plain hex (commit SHAs, digests) is not a secret. */
const BASE64_LIKE = new RegExp(REDACTION_RULES.base64Like);
const HEX = new RegExp(REDACTION_RULES.hex);
/**
 * scheme://user:password@ or scheme://user@ (a token as the user name). The userinfo runs to the
 * last '@' before the host, as pip and WHATWG URLs read it (a password may hold '@' and any other
 * character), and never past '/', '?', '#', ASCII whitespace or a double quote: a URL inside JSON
 * ends at its string's end. A backslash takes the character after it along (`\"` is a quote
 * inside a JSON string, so a password holding '"' is masked in serialized JSON too), but for an
 * escaped quote that ends a JSON key or value (`\",` `\":`, JSON inside a JSON string); a lone
 * backslash may end a user name or password (`https://u:p\@h`). Linear: the host after the '@' is
 * checked by a lookahead that stops at the next '@', so each character is looked at a bounded
 * number of times. Sticky: redactUrls tries it only where a scheme ends in '://'.
 */
const URL_USERINFO_AT = new RegExp(REDACTION_RULES.urlUserinfo, 'y');
/** The longest scheme the rule reads (`[A-Za-z][A-Za-z0-9+.-]{0,30}` is 31): where redactUrls looks back. */
const MAX_SCHEME = schemeLength(REDACTION_RULES.urlUserinfo);
function schemeLength(rule: string): number {
  // redactUrls' scan knows the scheme's characters: a rule with another scheme part needs it changed.
  const m = /^\(\[A-Za-z\]\[A-Za-z0-9\+\.-\]\{0,(\d+)\}:\/\/\)/.exec(rule);
  if (!m) throw new Error(`redaction-rules.json: urlUserinfo must begin ([A-Za-z][A-Za-z0-9+.-]{0,N}://)`);
  return 1 + Number(m[1]);
}

// The secret value patterns, global: redactText masks each token in free text with them, holdsToken
// asks with String#search (which ignores `g` and lastIndex). One RegExp object per pattern: V8
// compiles each object's pattern on its first use in a process. A private key's PEM block (whose
// lines the output scanners mask) makes a value a secret too.
const SECRET_VALUE_G: RegExp[] = REDACTION_RULES.secretValues.map((p) => new RegExp(p, 'g'));
const TOKEN_FORMS = [...SECRET_VALUE_G, new RegExp(REDACTION_RULES.privateKey)];

/** Whether TEXT holds a token of a known form (GitHub, AWS, a JWT ...) or a private key's PEM block. */
export function holdsToken(text: string): boolean {
  return TOKEN_FORMS.some((p) => text.search(p) >= 0) || findJwts(text).length > 0;
}

export function looksSecret(value: string): boolean {
  if (holdsToken(value)) return true;
  if (value.length > REDACTION_RULES.base64MaxLength) return false; // long text: the patterns only
  return BASE64_LIKE.test(value) && !HEX.test(value) && /[A-Za-z]/.test(value) && /[0-9]/.test(value);
}

/**
 * Credentials in every URL of a text, masked: userinfo (`https://user:pw@host` ->
 * `https://user:***@host`, `https://token@host` -> `https://***@host`), the value of a query
 * parameter that names a secret (`?token=***`, `&X-Amz-Signature=***`), Anaconda's token
 * segment right after the host (`/t/***` + `/`) and the first path segment on a host that takes a
 * token there (`https://dl.cloudsmith.io/***` + `/`). For logs, errors, Markdown: anything shown.
 */
export function redactUrls(text: string, mask: string = MASK): string {
  const colon = text.indexOf('://');
  if (colon < 0) return text;
  // No userinfo without '@', no secret parameter without '=' and one of '?', '&' or '#' (or one of
  // them percent-encoded: a URL in another's query), no token segment without '/t/' or the token
  // host's name: the scans below are skipped (cheap checks, SBOMs hold many URLs).
  const out = text.includes('@') ? maskUserinfos(text, colon, mask) : text;
  const query = out.includes('=') && (out.includes('?') || out.includes('&') || out.includes('#'));
  const segment = out.includes('/t/') || HOST_TOKEN_HINT.test(out);
  return query || segment || ENCODED_QUERY.test(out) ? maskUrlTokens(out, mask) : out;
}

/**
 * redactUrls, and a login's user name masked too (`https://user:***@host` -> `https://***@host`):
 * for a step's outputs. A runner drops a job output that holds a value masked in the job ("Skip
 * output ... since it may contain secret"): the action masks a user name that is a token
 * (url-secrets.ts), and a workflow may mask others; an output that names no user name is never
 * dropped for one.
 */
export function redactUrlLogins(text: string): string {
  const out = redactUrls(text);
  return out.includes(`:${MASK}@`) ? out.replace(URL_USER_BEFORE_MASK_G, `$1${MASK}@`) : out;
}

/** A URL's scheme and user name before a masked password (redactUrls' `user:***@`). */
const URL_USER_BEFORE_MASK_G = new RegExp(
  `([A-Za-z][A-Za-z0-9+.-]{0,30}:\\/\\/)[^\\s/?#@:]+:${MASK.replace(/[*]/g, '\\*')}@`,
  'g',
);

/** redactUrls' userinfo pass; COLON is the first '://' of TEXT. */
function maskUserinfos(text: string, colon: number, mask: string): string {
  // What text.replace(/<urlUserinfo>/g, ...) does, with the pattern tried only where it can match:
  // at the leftmost start of the scheme before each '://' (a scheme holds no ':', so each match
  // ends its scheme at one '://', and another start before the same '://' fails the same way).
  // Text with URLs but no userinfo (an SBOM: 60 KB) is scanned at indexOf's speed.
  const parts: string[] = [];
  let done = 0;
  while (colon >= 0) {
    // (A match ends at its '@', which no scheme holds: a scheme never reaches back into one.)
    const start = schemeStart(text, colon, colon - MAX_SCHEME);
    if (start < colon) {
      URL_USERINFO_AT.lastIndex = start;
      const m = URL_USERINFO_AT.exec(text);
      if (m) {
        parts.push(text.slice(done, start), maskUserinfo(m, mask));
        done = start + m[0].length;
        colon = text.indexOf('://', done);
        continue;
      }
    }
    colon = text.indexOf('://', colon + 3);
  }
  if (done === 0) return text;
  parts.push(text.slice(done));
  return parts.join('');
}

// urlTokens: a URL's text after its scheme (to whitespace or '"'), `?name=value` (also `&`, `#`,
// and `%3Fname%3Dvalue` percent-encoded, its value then ending at `%26` or `%23` too) where the
// name is a secret's, Anaconda's `://host/t/<token>` right after the host (any host), and the
// first path segment on a host that takes a token there (Cloudsmith's `://dl.cloudsmith.io/<token>`).
const { span: SPAN_RULE, query: QUERY_RULE, pathToken, hostToken } = REDACTION_RULES.urlTokens;
const URL_SPAN = new RegExp(SPAN_RULE, 'y');
const QUERY_SECRET_G = new RegExp(QUERY_RULE.pattern, QUERY_RULE.ignoreCase ? 'gi' : 'g');
const PATH_TOKEN = new RegExp(pathToken);
const HOST_TOKEN = new RegExp(hostToken.pattern);
const HOST_TOKEN_HINT = new RegExp(escapeRegExp(hostToken.hint), 'i'); // its host, any case
/** '=', '?', '&' or '#' percent-encoded (any case), as a URL nested in another's query has them. */
const ENCODED_QUERY = /%(?:3[DF]|2[36])/i;

/** redactUrls' pass over parameters and token segments: each URL read once (one in a query with it). */
function maskUrlTokens(text: string, mask: string): string {
  const parts: string[] = [];
  let done = 0;
  let colon = text.indexOf('://');
  const keep = (whole: string, head: string, secret: string) =>
    secret === '' || secret === REDACTED || secret === MASK ? whole : `${head}${mask}`;
  while (colon >= 0) {
    // Without a scheme before it, '://' starts no URL (the next one may): an empty span.
    URL_SPAN.lastIndex = colon;
    const url = schemeStart(text, colon, colon - MAX_SCHEME) < colon ? URL_SPAN.exec(text)![0] : '';
    const masked = url.replace(PATH_TOKEN, keep).replace(HOST_TOKEN, keep).replace(QUERY_SECRET_G, keep);
    if (masked !== url) {
      parts.push(text.slice(done, colon), masked);
      done = colon + url.length;
    }
    colon = text.indexOf('://', colon + Math.max(url.length, 3));
  }
  if (done === 0) return text;
  parts.push(text.slice(done));
  return parts.join('');
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSchemeChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;

/**
 * Where the leftmost scheme that ends at COLON (a '://') may start, not before MIN: the first
 * letter of the run of scheme characters before it; COLON when there is none.
 */
function schemeStart(text: string, colon: number, min: number): number {
  let s = colon;
  while (s > min && isSchemeChar(text.charCodeAt(s - 1))) s--;
  while (s < colon && !isLetter(text.charCodeAt(s))) s++;
  return s;
}

/** Nothing in it, or masked already (a record redacted with REDACTED, shown again). */
const noSecretPart = (part: string) => part === '' || part === REDACTED || part === MASK;

/** Fixed public passwords (GitHub's `https://TOKEN:x-oauth-basic@github.com/`): the user is the token. */
const PUBLIC_PASSWORDS = new Set(REDACTION_RULES.urlPublicPasswords.map((p) => p.toLowerCase()));

/**
 * Whether USER, a URL's user name before password PW, is a token: one by its shape (looksSecret:
 * `ghp_...`, a JWT, 40 or more base64 characters), as written or percent-decoded, or any user
 * name before a fixed public password (`x-oauth-basic`: an old GitHub token is 40 hex digits).
 */
export function isTokenUser(user: string, pw: string): boolean {
  if (noSecretPart(user)) return false;
  return [user, urlPart(user)].some(looksSecret) || PUBLIC_PASSWORDS.has(urlPart(pw).toLowerCase());
}

/**
 * A URL_USERINFO_AT match with its secrets masked; one masked already is left as it is. The secret
 * is the password, else the user name: a token may be either (`https://TOKEN:@host`, as Gemfury
 * writes it, has an empty password; `https://:PAT@host`, as Azure DevOps takes it, no user name);
 * a user name that is a token (isTokenUser) is masked too where a password follows it
 * (`https://ghp_...:x-oauth-basic@host` -> `https://***:***@host`).
 */
function maskUserinfo(m: RegExpExecArray, mask: string): string {
  const [whole, scheme, user, pw] = m as unknown as [string, string, string, string | undefined];
  if (!pw) return noSecretPart(user) ? whole : `${scheme}${mask}@`;
  const shownUser = isTokenUser(user, pw) ? mask : user;
  const shownPw = noSecretPart(pw) ? pw : mask;
  return shownUser === user && shownPw === pw ? whole : `${scheme}${shownUser}:${shownPw}@`;
}

/**
 * Free text (a test's output, a log): every URL's userinfo, connection-string secret (`Password=`),
 * Authorization header's credentials (`Bearer x`) and token of a secret pattern is replaced in
 * place, the rest kept (redactDeep replaces all); linear in its length: 10 MB on one line is fine.
 */
export function redactText(text: string): string {
  let out = maskWrittenCredentials(redactUrls(text, REDACTED), [REDACTED, MASK]);
  for (const p of SECRET_VALUE_G) out = out.replace(p, REDACTED);
  const jwts = findJwts(out);
  if (jwts.length === 0) return out;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of jwts) {
    parts.push(out.slice(at, start), REDACTED);
    at = end;
  }
  parts.push(out.slice(at));
  return parts.join('');
}

/**
 * The secret part of a URL's userinfo: the password, else the user name (a token used as one);
 * decoded, or as it is written in the URL (percent-encoded) with `raw`. Text that does not decode
 * (a bare '%') is returned as written.
 */
export function urlSecret(url: string, form: 'decoded' | 'raw' = 'decoded'): string {
  let raw: string;
  try {
    const u = new URL(url);
    raw = u.password || u.username;
  } catch {
    return '';
  }
  return form === 'raw' ? raw : urlPart(raw);
}

/** A part of a URL percent-decoded, or as written where it does not decode (a bare '%'). */
function urlPart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A *_PROXY variable's login without a scheme (`ALL_PROXY=user:pw@proxy.corp:3128`, which curl
 * and pip read as http://): no URL to redactUrls, so it is given the scheme it stands for first
 * (the shared rules' schemelessProxy: the probe does the same).
 */
const PROXY_RULE = REDACTION_RULES.schemelessProxy;
const PROXY_NAME = new RegExp(PROXY_RULE.name, PROXY_RULE.ignoreCase ? 'i' : '');
const URL_SCHEME = new RegExp(PROXY_RULE.scheme);
const LOGIN_FIRST = new RegExp(PROXY_RULE.loginFirst);

/** A proxy variable's value as a URL's text: one without a scheme is http://, as curl, pip and Go read it. */
export const proxyUrlText = (value: string) => (URL_SCHEME.test(value) ? value : `http://${value}`);

/** The value to show for an environment variable NAME=value. */
export function redactEnvValue(name: string, value: string): string {
  if (SECRET_NAME.test(name)) return REDACTED;
  const schemeless = PROXY_NAME.test(name) && !URL_SCHEME.test(value) && LOGIN_FIRST.test(value);
  const urls = schemeless
    ? redactUrls(proxyUrlText(value), REDACTED).slice('http://'.length)
    : redactUrls(value, REDACTED);
  const noCreds = maskWrittenCredentials(urls, [REDACTED, MASK]);
  return looksSecret(noCreds) || CREDENTIAL_IN_VALUE.test(noCreds) ? REDACTED : noCreds;
}

/** A credential an environment value writes in a form of its own (`//h/:_authToken=x`, `db.password=x`). */
export const CREDENTIAL_IN_VALUE = new RegExp(
  REDACTION_RULES.credentialInValue.pattern,
  REDACTION_RULES.credentialInValue.ignoreCase ? 'i' : '',
);

/** "NAME=value" lines (Docker's Config.Env) to a redacted map. */
export function redactEnvList(list: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    const name = i < 0 ? kv : kv.slice(0, i);
    out[name] = redactEnvValue(name, i < 0 ? '' : kv.slice(i + 1));
  }
  return out;
}

/**
 * A NAME -> value map (a record's environment) with each value as redactEnvValue shows it.
 * Idempotent: a value masked already comes back as it is.
 */
export function redactEnvMap(env: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([name, v]) => [name, redactEnvValue(name, v)]));
}

/** FN applied to every string of a JSON value, at any depth (keys kept). */
export function mapStringsDeep(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStringsDeep(v, fn));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStringsDeep(v, fn)]));
  return value;
}

/** URL userinfo masked in every string of a JSON value (keys kept; digests and refs untouched). */
export const redactUrlsDeep = (value: unknown): unknown => mapStringsDeep(value, (s) => redactUrls(s));

/** redactText on every string of a JSON value (token forms and URL logins; keys kept). */
export const redactTextDeep = (value: unknown): unknown => mapStringsDeep(value, redactText);

/** Every string anywhere in a JSON value that looks like a secret is replaced (keys are kept). */
export function redactDeep<T>(value: T): T {
  return mapStringsDeep(value, (s) => {
    const noCreds = maskWrittenCredentials(redactUrls(s, REDACTED), [REDACTED, MASK]);
    return looksSecret(noCreds) ? REDACTED : noCreds;
  }) as T;
}

/** The most of a refused URL a message shows. */
const SHOWN_URL_CHARS = 200;

/**
 * A URL given as input, as a message about it may show it, parsed or not: everything between its
 * scheme and its last "@" masked (a login, whatever it holds: https://user:p#w@, user:pw@,
 * https:/token@), then its query and fragment (where a token may ride) dropped, tokens of known
 * forms masked, cut short.
 */
export function shownUrl(url: string): string {
  const at = url.lastIndexOf('@');
  // A scheme only before a slash: in user:pw@host, "user:" is the login.
  const scheme = /^(?:[a-z][\w+.-]*:\/+)?/i.exec(url)![0];
  const masked = at < 0 ? url : `${scheme}${MASK}${url.slice(at)}`;
  const shown = redactText(masked.replace(/[?#][\s\S]*$/, '?...'));
  return shown.length > SHOWN_URL_CHARS ? `${shown.slice(0, SHOWN_URL_CHARS)}...` : shown;
}

// The password runs to the last "@" before a blank, quote or slash: it may hold "@" itself.
const BARE_LOGIN = /(^|[\s"'(=,[])[^\s"'@/:()=,[\]]+:[^\s"'/]*@(?!sha(?:256|384|512):)/gi;

/**
 * A login written without a scheme (user:password@host), as a refused value holds it: masked
 * (***@host) where a host follows, not a digest (name:tag@sha256:... is an image reference).
 */
export function maskBareLogins(text: string): string {
  return text.includes('@') ? text.replace(BARE_LOGIN, `$1${MASK}@`) : text;
}

/**
 * A secret query parameter's value where no URL holds it (`host/x@sha256:...?token=...`, an image
 * reference as typed), masked as in a URL: only for short texts that quote what was refused.
 */
function maskBareQueryTokens(text: string): string {
  if (!text.includes('=')) return text;
  return text.replace(QUERY_SECRET_G, (whole: string, head: string, secret: string) =>
    // A placeholder (`?sig=${NAME},` in advice) is no value.
    noSecretPart(secret) || /^\$\{[A-Za-z0-9_]+\}/.test(secret) ? whole : `${head}${MASK}`,
  );
}

/**
 * An error message, which quotes what was refused, as shown: maskBareLogins, redactText, then a
 * secret query parameter outside a URL masked (those in URLs are masked by then).
 */
export const redactMessage = (text: string): string =>
  maskBareQueryTokens(redactText(maskCollapsedUserinfos(maskBareLogins(text), REDACTED, [MASK])));

/**
 * The texts to replace for secret VALUES in output read line by line: each value of at least MIN
 * characters and, for a value of several lines (a JSON key, a netrc, a PEM), each of its lines of
 * at least MIN characters once trimmed, as a runner splits a multi-line mask. Each also as it reads
 * inside a JSON string where that differs (a test's `json.dumps`, a log line's JSON: `"` and `\`
 * escaped, and Python's default `\u00e4` for what is not ASCII); the length checked is the value's
 * own, not its escaped form's. Longest first, so a line inside a longer value is not masked before
 * the whole value is.
 */
export function valueMasks(values: readonly string[], min = 4): string[] {
  const masks = new Set<string>();
  const add = (v: string) => {
    if (v.length < min) return;
    masks.add(v);
    const json = JSON.stringify(v).slice(1, -1);
    masks.add(json);
    masks.add(json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  };
  for (const v of values) {
    add(v);
    if (/[\r\n]/.test(v)) for (const line of v.split(/\r\n|[\r\n]/)) add(line.trim());
  }
  return [...masks].sort((a, b) => b.length - a.length);
}
