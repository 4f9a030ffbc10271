// The secret parts of a URL, for a log masker (core.setSecret): a runner then hides them wherever
// they appear, also in what pip or buildx print verbatim, which redactText never sees. The parts
// are what the shared rules mask in text (images/probe/redaction-rules.json): the userinfo, the
// value of a query or fragment parameter named for a secret, Anaconda's /t/<token>/ segment,
// Cloudsmith's dl.cloudsmith.io/<token>/ (urlTokens.hostToken). The
// secret ones among them (not a plain user name, a placeholder, a short value, /t/ off Anaconda's
// hosts), written literally in a requirements file, are refused (requirements/credentials.ts).
import { isTokenUser, MASK, REDACTED, REDACTION_RULES } from './redact.js';

/** A whole ${NAME} (pip's rule: upper-case letters, digits, _): pip fills it in, it is no secret. */
const NAME_REFERENCE = /^\$\{[A-Z0-9_]+\}$/;
/**
 * The shared rules skip a value that is a whole `${name}` of any case (a masker hides no less by
 * that; the query rule ignores case); pip fills in only a `${NAME}` (its ENV_VAR_RE), so here the
 * skip is taken out of the rule and urlTokens leaves out a whole `${NAME}` itself: a `${name}` of
 * another form is a value like any other, a token to judge (requirements/credentials.ts refuses it
 * as a reference pip does not fill in) and to mask.
 */
const RULE_SKIP = /\(\?!\\\$\\\{\[A-Za-z0-9_\]\+\\\}\(\?!\[\^[^\]]*\]\)\)/;
const withoutSkip = (pattern: string) => {
  if (!RULE_SKIP.test(pattern)) throw new Error(`a redaction rule without its \${NAME} skip: ${pattern}`);
  return pattern.replace(RULE_SKIP, '');
};

const { span, query, pathToken, hostToken } = REDACTION_RULES.urlTokens;
const URL_SPAN = new RegExp(span);
const QUERY_SECRET_G = new RegExp(withoutSkip(query.pattern), query.ignoreCase ? 'gi' : 'g');
const PATH_TOKEN = new RegExp(withoutSkip(pathToken));
const HOST_TOKEN = new RegExp(withoutSkip(hostToken.pattern));
/** Where a host token is (UrlToken.where): the host's name and the segment, `dl.cloudsmith.io/<token>/`. */
export const HOST_TOKEN_WHERE = `${hostToken.hint}/<token>/`;
export const isNameReference = (part: string) => NAME_REFERENCE.test(part);

/** A token the shared rules mask in a URL: where it is (`sig=`, `/t/`) and its value, as written. */
interface UrlToken {
  /**
   * The parameter as written, without its value (`?sig=`, `&token=`, `%26sig%3D`), `/t/`, or
   * HOST_TOKEN_WHERE for a token host's first path segment.
   */
  where: string;
  value: string;
  /** Where the value starts in the URL given. */
  at: number;
}

/**
 * The tokens of URL (from its first '://' to whitespace or '"') that the shared rules mask:
 * Anaconda's `/t/<token>/` segment right after the host, the first path segment on a host that
 * takes a token there (`dl.cloudsmith.io/<token>/`), and the value of each query or fragment
 * parameter named for a secret (`?token=`, `&sig=`, `X-Amz-Signature=`, also percent-encoded).
 * A value that is a whole `${NAME}` is not one (pip fills it in; a `${name}` of another form, which
 * pip sends as written, is); an empty one is given as such.
 */
export function urlTokens(url: string): UrlToken[] {
  const colon = url.indexOf('://');
  if (colon < 0) return [];
  const rest = URL_SPAN.exec(url.slice(colon))![0];
  const out: UrlToken[] = [];
  const t = PATH_TOKEN.exec(rest);
  if (t) out.push({ where: '/t/', value: t[2]!, at: colon + t.index + t[1]!.length });
  const h = HOST_TOKEN.exec(rest);
  if (h) out.push({ where: HOST_TOKEN_WHERE, value: h[2]!, at: colon + h.index + h[1]!.length });
  for (const m of rest.matchAll(QUERY_SECRET_G))
    out.push({ where: m[1]!, value: m[2]!, at: colon + m.index + m[1]!.length });
  return out.filter((x) => !isNameReference(x.value));
}

/** TEXT percent-decoded; undefined when it does not decode (a bare '%', as in `p%ss`). */
export function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Nothing in it, masked already, or a whole ${NAME} reference: nothing to mask. */
const noSecret = (part: string) => part === '' || part === REDACTED || part === MASK || isNameReference(part);

/**
 * Whether PART of a URL (a password, a parameter's value) holds a value of its own: not empty, not
 * masked already, not a whole `${NAME}` reference (as written or percent-decoded).
 */
export const isLiteralSecret = (part: string) => {
  const d = decoded(part);
  return !noSecret(part) && (d === undefined || !noSecret(d));
};

/**
 * Every secret part of URL, to mask in logs: its password, its user name where that is the secret
 * (no password, or a token's shape), the value of each query
 * or fragment parameter the shared rule names (`?token=`, `&X-Amz-Signature=`, `sig=`, also
 * percent-encoded, in a URL nested in the query), the token of an Anaconda `/t/<token>/`
 * segment right after the host, and a token host's first path segment (`dl.cloudsmith.io/<token>/`). Each is given as written in the URL (percent-encoded) and
 * decoded, when that differs; a part that does not decode (a bare '%') is given as written. Empty,
 * masked already or a whole `${NAME}` reference (in either form) is left out, and so is a form
 * shorter than MIN_CHARS (a mask that short would hide that text in every log line).
 */
export function urlSecrets(url: string, minChars: number): string[] {
  const parts: string[] = [];
  try {
    const u = new URL(url);
    // The user name only where it is the secret: no password (`https://TOKEN@host`, Gemfury's
    // `TOKEN:@`), or a token by its shape or before a public password (isTokenUser). A plain name
    // (`build`, `nexus`, `__token__`) masked in the log made a runner drop every job output naming it
    // (the config's "build": key) and masked innocent values holding it (/opt/conda).
    if (u.password === '' || isTokenUser(u.username, u.password)) parts.push(u.username);
    parts.push(u.password);
  } catch {
    // No URL to the parser: no login pip would send. Its tokens are still found below.
  }
  for (const t of urlTokens(url)) parts.push(t.value);
  const out = new Set<string>();
  for (const raw of parts) {
    if (!isLiteralSecret(raw)) continue;
    const d = decoded(raw);
    if (d !== undefined) out.add(d);
    out.add(raw);
  }
  return [...out].filter((s) => s.length >= minChars);
}
