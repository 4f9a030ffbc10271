// Credentials in a requirements file's URLs, judged as written (a ${NAME} pip fills in from
// build.secrets is the way to pass one, never a problem in itself). Two refusals, both exit 2 at
// the door (read.ts): an editable install whose URL holds a login or any ${NAME}
// (editableCredentialWhy), and a credential written literally in any URL of any line or of any
// comment (literalCredentialProblem, commentCredentialProblems): a login's password, a user name
// that is a token, a token in the query, an Anaconda /t/<token>/ segment, as the shared redaction
// rules (images/probe/redaction-rules.json) count them. Pure.
// No advice here holds an '@': every masker (redactUrls, maskBareLogins) would eat its example.
import { looksSecret, MASK, redactUrls } from '../util/redact.js';
import { isLiteralSecret, urlTokens } from '../util/url-secrets.js';
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

/** The login of URL (a scheme at its start), what precedes the last '@' of its authority. */
function plainLogin(url: string): Login | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(url);
  if (!m) return undefined;
  const netloc = m[2]!;
  const end = netloc.lastIndexOf('@');
  if (end < 0) return undefined;
  const userinfo = netloc.slice(0, end);
  return { userinfo, at: m[1]!.length + 3, colon: userinfo.indexOf(':'), colonLength: 1, ssh: isSsh(m[1]!) };
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

/** A URL nested in another's query percent-encoded: its '://' (any case). */
const ENCODED_SCHEME_END = /%3A%2F%2F/gi;
/** Its authority: to '/', '?', '#', '&' or one of them encoded (unrolled: no backtracking). */
const ENCODED_NETLOC = /[^/?#&%]*(?:%(?!2F|3F|23)[^/?#&%]*)*/iy;

/** The logins of the URLs nested percent-encoded in URL (`?url=https%3A%2F%2Fu%3Apw%40h%2Fx`). */
function encodedLogins(url: string): Login[] {
  const out: Login[] = [];
  if (!url.includes('%')) return out;
  let from = 0;
  for (const m of url.matchAll(ENCODED_SCHEME_END)) {
    const start = schemeStart(url, m.index, from);
    from = m.index + m[0].length;
    ENCODED_NETLOC.lastIndex = from;
    const netloc = ENCODED_NETLOC.exec(url)![0];
    const end = Math.max(netloc.lastIndexOf('@'), netloc.lastIndexOf('%40'));
    if (start === m.index || end < 0) continue;
    const userinfo = netloc.slice(0, end);
    const plain = userinfo.indexOf(':');
    const encoded = /%3A/i.exec(userinfo)?.index ?? -1;
    const colon = plain >= 0 && (encoded < 0 || plain < encoded) ? plain : encoded;
    const ssh = isSsh(url.slice(start, m.index));
    out.push({ userinfo, at: from, colon, colonLength: colon === plain ? 1 : 3, ssh });
  }
  return out;
}

/**
 * Passwords a forge documents as fixed and public, the token then being the user name: GitHub's
 * `https://${TOKEN}:x-oauth-basic@github.com/...`. (Where the fixed part is the user name,
 * `x-access-token:`, `oauth2:`, `x-token-auth:`, the password is the token: judged as any.)
 */
const PUBLIC_PASSWORDS = new Set(['x-oauth-basic']);

/** TEXT percent-decoded, or as written where it does not decode (a bare '%'). */
function decodedOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A user name without a password that is a token by the shared value rules (ghp_, glpat-, long base64 ...). */
const tokenLike = (user: string) => looksSecret(user) || looksSecret(decodedOr(user));

/**
 * The secret of a login to judge, where it is in the URL: the password (a fixed public one, as
 * `x-oauth-basic`, makes the user name the token); the user name of `TOKEN:@` (an empty password:
 * Gemfury's form); a user name without a password only where it is a token by the shared value
 * rules (over https `myuser@` is a user name, pip asks for the password; over SSH never: the key is
 * not in the URL). SSH's `git@` is none. Undefined without one.
 */
function loginSecret(l: Login): { at: number; value: string } | undefined {
  if (l.userinfo === 'git') return undefined;
  if (l.colon < 0) return !l.ssh && tokenLike(l.userinfo) ? { at: l.at, value: l.userinfo } : undefined;
  const password = l.userinfo.slice(l.colon + l.colonLength);
  if (password !== '' && !PUBLIC_PASSWORDS.has(decodedOr(password).toLowerCase()))
    return { at: l.at + l.colon + l.colonLength, value: password };
  return { at: l.at, value: l.userinfo.slice(0, l.colon) };
}

/** A query parameter as a message names it: `%26sig%3D` -> `sig=`. */
const paramName = (where: string) =>
  `${where.replace(/^(?:[?&#]|%3F|%2[36])/i, '').replace(/(?:=|%3D)$/i, '')}=`;

/** A credential written in a line: what it is (for a message) and where its value is, [start, end). */
export interface LiteralCredential {
  what: string;
  start: number;
  end: number;
}

const LOGIN_WHAT = 'a login (a password, or a token as the user name)';

/**
 * The credentials written literally in the URLs of TEXT (a requirements line as written, or a
 * comment): the secret of each login (loginSecret), also of a URL nested in another's query, as
 * written or percent-encoded; a query or fragment parameter and an Anaconda `/t/<token>/` segment
 * as the shared rules name them (urlTokens). A whole `${NAME}` in its place is none.
 */
export function literalCredentials(text: string): LiteralCredential[] {
  const found: LiteralCredential[] = [];
  if (!text.includes('://')) return found;
  for (const { url, at } of urlsIn(text)) {
    for (const login of [plainLogin(url), ...encodedLogins(url)]) {
      const secret = login && loginSecret(login);
      if (secret && isLiteralSecret(secret.value))
        found.push({ what: LOGIN_WHAT, start: at + secret.at, end: at + secret.at + secret.value.length });
    }
    for (const t of urlTokens(url)) {
      if (!isLiteralSecret(t.value)) continue;
      const what =
        t.where === '/t/'
          ? 'an Anaconda token (/t/<token>/)'
          : `a token in the query (${paramName(t.where)})`;
      found.push({ what, start: at + t.at, end: at + t.at + t.value.length });
    }
  }
  return found;
}

const LITERAL_WHY =
  "it would be copied into the image (the templates copy the build context, this file with it, into /app, and pip writes a direct URL, query and all, into *.dist-info/direct_url.json) and it is in your repository's history: revoke it";
const COMMENT_WHY =
  "pip ignores a comment, but the templates copy the build context, this file with it, into /app, and it is in your repository's history: revoke it";
const IN_ITS_PLACE =
  "write a ${NAME} in its place (a login's password as user:${NAME}, a token used as the user name as ${NAME} alone, ?sig=${NAME}, /t/${NAME}/)";
const PASS_NAME =
  'pass NAME with build.secrets, from which pip fills it in (docs/build.md, "Security: how secrets reach the build")';
const LITERAL_FIX = `${IN_ITS_PLACE} and ${PASS_NAME}`;
const COMMENT_FIX = `delete it from the comment, or ${IN_ITS_PLACE} and ${PASS_NAME}`;

/**
 * The fix of an error whose problems are credentials written in lines or comments: no '@' in it,
 * so no masker takes its examples for a login.
 */
export const LITERAL_CREDENTIAL_FIX = `revoke each credential named; in a line, ${LITERAL_FIX}; in a comment, delete it`;

/**
 * TEXT (a requirements line as written) as it may be shown: each credential written literally in
 * it (literalCredentials) masked, and redactUrls over it.
 */
export function maskLiteralCredentials(text: string, found = literalCredentials(text)): string {
  let shown = '';
  let done = 0;
  for (const c of [...found].sort((a, b) => a.start - b.start)) {
    if (c.start < done) continue; // inside one masked already
    shown += `${text.slice(done, c.start)}${MASK}`;
    done = c.end;
  }
  return redactUrls(shown + text.slice(done));
}

/**
 * The problem of a requirements line (TEXT as written, at ORIGIN "file:line") whose URLs hold a
 * credential written literally (literalCredentials), or undefined; of a comment (TEXT from its
 * '#') with `comment`. The text is shown with each such value masked, and redactUrls over it: no
 * value found is in what is returned.
 */
export function literalCredentialProblem(origin: string, text: string, comment = false): string | undefined {
  const found = literalCredentials(text);
  if (found.length === 0) return undefined;
  const what = [...new Set(found.map((c) => c.what))].join(', ');
  const shown = maskLiteralCredentials(text, found);
  return comment
    ? `${origin}: "${shown}": a credential written in a comment, ${what}: ${COMMENT_WHY}; ${COMMENT_FIX}`
    : `${origin}: "${shown}": a credential written in the line, ${what}: ${LITERAL_WHY}; ${LITERAL_FIX}`;
}

/** Where a physical line's comment starts, by pip's rule (a '#' at its start or after white space). */
const COMMENT_START = /(?:^|[\t\n\r\f\v ])#/;

/**
 * The problems of the comments of a requirements file (TEXT, the file FILE as read): each
 * physical line whose comment (from its '#', as pip's rule finds one) holds a credential written
 * literally, by literalCredentials' rule, named FILE:N. pip ignores comments, but the file, comments
 * and all, is copied into the image. A URL without a credential in a comment is fine.
 */
export function commentCredentialProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  if (!text.includes('://')) return problems;
  text.split(/\r?\n/).forEach((line, i) => {
    const m = COMMENT_START.exec(line);
    if (!m) return;
    const hash = m.index + m[0].length - 1;
    const problem = literalCredentialProblem(`${file}:${i + 1}`, line.slice(hash).trimEnd(), true);
    if (problem !== undefined) problems.push(problem);
  });
  return problems;
}
