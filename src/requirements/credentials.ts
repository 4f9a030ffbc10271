// Credentials in a requirements file's URLs, judged as written (a ${NAME} pip fills in from
// build.secrets is the way to pass one, never a problem in itself). Two refusals, both exit 2 at
// the door (read.ts): an editable install whose URL holds a login or any ${NAME}
// (editableCredentialWhy), and a credential written literally in any URL of any line or of any
// comment (literalCredentials; their problems: credential-problems.ts): a login's password, a user name
// that is a token, a token in the query, as the shared redaction rules
// (images/probe/redaction-rules.json) name its parameters, an Anaconda /t/<token>/ segment (on an
// Anaconda host), Cloudsmith's dl.cloudsmith.io/<token>/, and a token of a known form anywhere (in
// a line, outside its ${NAME}s). What a value is (a secret, a placeholder, a mask, a reference pip
// does not fill in) is credential-values.ts' rule. Pure.
// No advice here holds an '@': every masker (redactUrls, maskBareLogins) would eat its example.
import { HOST_TOKEN_WHERE, urlTokens } from '../util/url-secrets.js';
import { decodedOr, tokensIn, userKind, valueKind, type ValueKind } from './credential-values.js';
import { envReferences } from './parse.js';

/**
 * A URL's login (userinfo): as written, where it starts in the URL, where its user name ends (the
 * first ':', or '%3A' in a percent-encoded URL; -1 without one) and the separator's length, and
 * whether the scheme is SSH's.
 */
interface Login {
  userinfo: string;
  at: number;
  colon: number;
  colonLength: number;
  ssh: boolean;
}

const isSsh = (scheme: string) => /(^|\+)ssh$/i.test(scheme);

/**
 * USERINFO (at AT, of a URL of SCHEME) as a Login: its user name ends at the first ':' or '%3A',
 * whichever comes first (`u%3Apw@` is user `u`, password `pw` once decoded, as a server reads it).
 */
function loginOf(userinfo: string, at: number, scheme: string): Login {
  const plain = userinfo.indexOf(':');
  const encoded = /%3A/i.exec(userinfo)?.index ?? -1;
  const colon = plain >= 0 && (encoded < 0 || plain < encoded) ? plain : encoded;
  return { userinfo, at, colon, colonLength: colon === plain ? 1 : 3, ssh: isSsh(scheme) };
}

/** A URL's scheme and authority (login, host, port), at its start. */
const AUTHORITY = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/;

/** The login of URL (a scheme at its start), what precedes the last '@' of its authority. */
function plainLogin(url: string): Login | undefined {
  const m = AUTHORITY.exec(url);
  const end = m ? m[2]!.lastIndexOf('@') : -1;
  return end < 0 ? undefined : loginOf(m![2]!.slice(0, end), m![1]!.length + 3, m![1]!);
}

/**
 * The login (userinfo) of URL and whether it is a credential: `git@` is none, and over SSH neither
 * is any bare user name (`gitlab@`, `jenkins@`: the key is not in the URL); a password is one, over
 * SSH as over https. Undefined without one. (The editable rule: any login there is refused.)
 */
function urlLogin(url: string): { userinfo: string; credential: boolean } | undefined {
  const l = plainLogin(url);
  return l && { userinfo: l.userinfo, credential: l.userinfo !== 'git' && (!l.ssh || l.colon >= 0) };
}

const EDITABLE_FIX =
  'drop -e and keep the URL with its ${NAME} as a plain requirement (NAME @ git+https://...): pip records no login of a non-editable install, and keeps no checkout';

/**
 * Why an editable requirement (-e/--editable) is refused: its URL as written carries a login
 * (user:password@ or token@; SSH's fixed `git@` is none) or a ${NAME}. pip clones an editable VCS
 * install into <cwd>/src/<name> and keeps the checkout, whose .git/config keeps the URL as pip filled
 * it in, token and all: in the image's layer. A non-editable install keeps no checkout, and pip
 * records its URL (direct_url.json) without the login. Pure; undefined for a line that is kept.
 */
export function editableCredentialWhy(url: string): string | undefined {
  const refs = [...new Set(envReferences(url))];
  const login = urlLogin(url)?.credential === true;
  if (refs.length === 0 && !login) return undefined;
  const what = refs.length > 0 ? refs.map((n) => `\${${n}}`).join(', ') : 'a login';
  return `an editable install (-e) whose URL holds ${what}: pip keeps an editable install's checkout (src/<name> under the build step's directory) in the image, and the checkout's .git/config keeps that URL as pip read it, credential and all; ${EDITABLE_FIX}`;
}

const isLetter = (c: string) => /[A-Za-z]/.test(c);
const isSchemeChar = (c: string) => /[A-Za-z0-9+.-]/.test(c);
/** Where a URL ends: the shared rules' span (urlTokens.span), to whitespace or a double quote. */
const URL_END = /[\t\n\r\f\v "]/g;

/** Where the scheme that ends at END of TEXT starts, not before FROM; END when there is none. */
function schemeStart(text: string, end: number, from: number): number {
  let start = end;
  while (start > from && isSchemeChar(text[start - 1]!)) start--;
  while (start < end && !isLetter(text[start]!)) start++;
  return start;
}

/**
 * Each URL of a line as written, with where it starts: a scheme, '://' and what follows to
 * whitespace or '"', or to where a URL nested in its query starts (`?url=https://u:pw@h/x`): each
 * part of the line is read in one URL, a nested URL's login and /t/ segment as an outer one's.
 * Linear: a scheme is looked for back to the previous '://' only.
 */
function urlsIn(text: string): { url: string; at: number }[] {
  const found: { at: number; end: number }[] = [];
  let spanEnd = -1;
  for (let colon = text.indexOf('://'), from = 0; colon >= 0; colon = text.indexOf('://', from)) {
    const start = schemeStart(text, colon, from);
    from = colon + 3;
    if (start === colon) continue;
    if (colon < spanEnd) found.at(-1)!.end = start;
    else {
      URL_END.lastIndex = colon;
      spanEnd = URL_END.exec(text)?.index ?? text.length;
    }
    found.push({ at: start, end: spanEnd });
  }
  return found.map(({ at, end }) => ({ url: text.slice(at, end), at }));
}

/** A URL written percent-encoded (in another's query, or alone in a comment): its '://' (any case). */
const ENCODED_SCHEME_END = /%3A%2F%2F/gi;
/**
 * Its authority: to '/', '?', '#', '&', one of them encoded, white space or '"' (unrolled: no
 * backtracking).
 */
const ENCODED_NETLOC = /[^/?#&%\t\n\r\f\v "]*(?:%(?!2F|3F|23)[^/?#&%\t\n\r\f\v "]*)*/iy;

/**
 * The logins of the URLs written percent-encoded in TEXT (`?url=https%3A%2F%2Fu%3Apw%40h%2Fx`, in
 * a URL's query or alone), where their userinfo starts in TEXT.
 */
function encodedLogins(text: string): Login[] {
  const out: Login[] = [];
  if (!text.includes('%')) return out;
  let from = 0;
  for (const m of text.matchAll(ENCODED_SCHEME_END)) {
    const start = schemeStart(text, m.index, from);
    from = m.index + m[0].length;
    ENCODED_NETLOC.lastIndex = from;
    const netloc = ENCODED_NETLOC.exec(text)![0];
    const end = Math.max(netloc.lastIndexOf('@'), netloc.lastIndexOf('%40'));
    if (start === m.index || end < 0) continue;
    out.push(loginOf(netloc.slice(0, end), from, text.slice(start, m.index)));
  }
  return out;
}

/**
 * Passwords a forge documents as fixed and public, the token then being the user name: GitHub's
 * `https://${TOKEN}:x-oauth-basic@github.com/...`. (Where the fixed part is the user name,
 * `x-access-token:`, `oauth2:`, `x-token-auth:`, the password is the token: judged as any.)
 */
const PUBLIC_PASSWORDS = new Set(['x-oauth-basic']);

/**
 * The secret of a login to judge, where it is in its text, and what it is (valueKind, userKind):
 * the password (a fixed public one, as `x-oauth-basic`, makes the user name the token); the user
 * name of `TOKEN:@` (an empty password: Gemfury's form); a user name without a password where it is
 * a token (userKind: over https `myuser@` is a user name, pip asks for the password; over SSH never:
 * the key is not in the URL). SSH's `git@` is none. Undefined without one.
 */
function loginSecret(l: Login, live: boolean): { at: number; value: string; kind: ValueKind } | undefined {
  if (l.userinfo === 'git') return undefined;
  if (l.colon < 0)
    return l.ssh ? undefined : { at: l.at, value: l.userinfo, kind: userKind(l.userinfo, live) };
  const password = l.userinfo.slice(l.colon + l.colonLength);
  const value =
    password !== '' && !PUBLIC_PASSWORDS.has(decodedOr(password).toLowerCase()) ? password : undefined;
  if (value !== undefined) return { at: l.at + l.colon + l.colonLength, value, kind: valueKind(value, live) };
  const user = l.userinfo.slice(0, l.colon);
  return { at: l.at, value: user, kind: valueKind(user, live) };
}

/** A query parameter as a message names it: `%26sig%3D` -> `sig=`. */
const paramName = (where: string) =>
  `${where.replace(/^(?:[?&#]|%3F|%2[36])/i, '').replace(/(?:=|%3D)$/i, '')}=`;

/** Hosts whose `/t/<token>/` right after the host is a token: Anaconda's (log masking: any host's). */
const ANACONDA_HOST = /^(?:(?:[a-z0-9-]+\.)*anaconda\.(?:org|cloud)|repo\.anaconda\.com)$/;

/** The host of URL (a scheme at its start), lower case, without login, port or final '.'. */
function hostOf(url: string): string {
  const netloc = AUTHORITY.exec(url)?.[2] ?? '';
  return netloc
    .slice(netloc.lastIndexOf('@') + 1)
    .replace(/:[0-9]*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** What follows a query value the shared rule ends at '<' or '>': to '&', '#', white space, a quote. */
const VALUE_REST = /[^\t\n\r\f\v "'\\`&#]*/y;
/** The same after an encoded '=' (%3D): also to %26 or %23 (unrolled: no backtracking). */
const ENCODED_VALUE_REST = /[^\t\n\r\f\v "'\\`&#%]*(?:%(?!2[36])[^\t\n\r\f\v "'\\`&#%]*)*/iy;

/**
 * The tokens of URL to judge: its secret query parameters (urlTokens), each value read on past a
 * '<' or '>' (where the shared masking rule stops) to where the parameter ends, so that a value is
 * judged whole, as a login's password is (`?token=<token>` is a placeholder, `?token=<x>s3cr3t` is
 * not); on an Anaconda host only, its /t/<token>/ segment (a forum's /t/<topic>/ is none); and a
 * token host's first path segment (Cloudsmith's dl.cloudsmith.io/<token>/: the rule names the host).
 */
function urlTokensToJudge(url: string): { what: string; value: string; at: number }[] {
  const all = urlTokens(url);
  const query = all.filter((t) => t.where !== '/t/' && t.where !== HOST_TOKEN_WHERE);
  const out = query.map((t, i) => {
    const end = t.at + t.value.length;
    if (url[end] !== '<' && url[end] !== '>') return { ...t, what: paramName(t.where) };
    const next = query[i + 1];
    const bound = next ? next.at - next.where.length : url.length;
    const rest = /%3D$/i.test(t.where) ? ENCODED_VALUE_REST : VALUE_REST;
    rest.lastIndex = 0;
    return { ...t, what: paramName(t.where), value: t.value + rest.exec(url.slice(end, bound))![0] };
  });
  const t = all.find((x) => x.where === '/t/');
  if (t && ANACONDA_HOST.test(hostOf(url))) out.unshift({ ...t, what: '/t/' });
  const h = all.find((x) => x.where === HOST_TOKEN_WHERE);
  if (h) out.unshift({ ...h, what: HOST_TOKEN_WHERE });
  return out;
}

/** A credential written in a line: what it is (for a message), where its value is, [start, end), its kind. */
export interface LiteralCredential {
  what: string;
  start: number;
  end: number;
  /** A secret (revoke it), or a reference pip does not fill in (write ${NAME}: only in a line). */
  kind: 'secret' | 'reference';
}

const LOGIN_WHAT = 'a login (a password, or a token as the user name)';
const REFERENCE_WHAT = 'a reference pip does not fill in ($NAME, %NAME%, {{name}} or $(...))';

/** How a message names a credential found in WHERE (a login, `sig=`, `/t/`, a token in a comment). */
function whatOf(where: string, kind: 'secret' | 'reference'): string {
  if (kind === 'reference')
    return `${REFERENCE_WHAT} in ${where === 'login' ? 'a login' : where === '/t/' ? '/t/<token>/' : where === HOST_TOKEN_WHERE ? where : queryParameter(where)}`;
  if (where === 'login') return LOGIN_WHAT;
  if (where === '/t/') return 'an Anaconda token (/t/<token>/)';
  if (where === HOST_TOKEN_WHERE) return `a Cloudsmith entitlement token (${HOST_TOKEN_WHERE})`;
  if (where === 'token') return 'a token of a known form (ghp_, glpat-, hf_, pypi-, AKIA, sk-, a JWT ...)';
  return `a token in ${queryParameter(where)}`;
}

/**
 * How a message names a query parameter (paramName's `sig=`): `the query parameter sig`. Neither
 * `(password=)` nor `(?sig=)`: an error's maskers would take the rest of the line for its value.
 */
const queryParameter = (where: string) => `the query parameter ${where.slice(0, -1)}`;

/** A reference pip fills in from its environment (parse.ts' rule): `${NAME}`. */
const ENV_REFERENCE = /\$\{[A-Z0-9_]+\}/g;

/** The spans of TEXT's `${NAME}`s, [start, end) each. */
const referenceSpans = (text: string) =>
  [...text.matchAll(ENV_REFERENCE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

/**
 * The credentials written literally in TEXT (a requirements line as written, or with LIVE false a
 * comment): the secret of each login (loginSecret), also of a URL nested in another's query or
 * written percent-encoded; a query or fragment parameter the shared rules name, and an Anaconda
 * host's `/t/<token>/` segment (urlTokensToJudge); a token of a known form anywhere (tokensIn: in
 * a URL's path, `--index-url https://h/ghp_.../simple`, pip sends it, the file is copied into
 * /app and a direct URL is kept in direct_url.json), in a line not inside a `${NAME}` (what pip
 * fills in is the supported way). What is a secret, and what is no credential (a whole `${NAME}`,
 * a mask, a placeholder, a short value), is credential-values.ts' rule; in a line, a reference pip
 * does not fill in (`$TOKEN`) is one too, of kind 'reference'.
 */
export function literalCredentials(text: string, live = true): LiteralCredential[] {
  const found: LiteralCredential[] = [];
  const add = (where: string, kind: ValueKind, start: number, length: number) => {
    if (kind !== undefined) found.push({ what: whatOf(where, kind), start, end: start + length, kind });
  };
  const urls = text.includes('://') ? urlsIn(text) : [];
  const logins = encodedLogins(text);
  for (const { url, at } of urls) {
    const l = plainLogin(url);
    if (l) logins.push({ ...l, at: at + l.at });
  }
  for (const login of logins) {
    const secret = loginSecret(login, live);
    if (secret) add('login', secret.kind, secret.at, secret.value.length);
  }
  for (const { url, at } of urls)
    for (const t of urlTokensToJudge(url)) add(t.what, valueKind(t.value, live), at + t.at, t.value.length);
  const tokens = live ? outside(tokensIn(text), referenceSpans(text)) : tokensIn(text);
  for (const [start, end] of outside(tokens, found)) add('token', 'secret', start, end - start);
  return found;
}

/**
 * The spans of SPANS ([start, end) each) that overlap none of TAKEN: a token of a known form found
 * in a URL's credential already is named once, one in a line's `${NAME}` is none. Linear after
 * sorting: spans by their end, TAKEN by its start, each with the furthest end of those that start
 * before it.
 */
function outside(
  spans: [number, number][],
  taken: readonly { start: number; end: number }[],
): [number, number][] {
  const byStart = [...taken].sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  let i = 0;
  let furthest = -1;
  for (const [start, end] of [...spans].sort((a, b) => a[1] - b[1])) {
    for (; i < byStart.length && byStart[i]!.start < end; i++) furthest = Math.max(furthest, byStart[i]!.end);
    if (furthest <= start) out.push([start, end]);
  }
  return out;
}
