// The secret parts of a URL, for a log masker (core.setSecret): a runner then hides them wherever
// they appear, also in what pip or buildx print verbatim, which redactText never sees. The parts
// are what the shared rules mask in text (images/probe/redaction-rules.json): the userinfo, the
// value of a query or fragment parameter named for a secret, Anaconda's /t/<token>/ segment.
import { MASK, REDACTED, REDACTION_RULES } from './redact.js';

const { span, query, pathToken } = REDACTION_RULES.urlTokens;
const URL_SPAN = new RegExp(span);
const QUERY_SECRET_G = new RegExp(query.pattern, query.ignoreCase ? 'gi' : 'g');
const PATH_TOKEN = new RegExp(pathToken);
/** A whole ${NAME}: pip expands it from the environment, it is no secret itself. */
const NAME_REFERENCE = /^\$\{[A-Za-z0-9_]+\}$/;

/** TEXT percent-decoded; undefined when it does not decode (a bare '%', as in `p%ss`). */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Nothing in it, masked already, or a whole ${NAME} reference: nothing to mask. */
const noSecret = (part: string) =>
  part === '' || part === REDACTED || part === MASK || NAME_REFERENCE.test(part);

/**
 * Every secret part of URL, to mask in logs: its user name and password, the value of each query
 * or fragment parameter the shared rule names (`?token=`, `&X-Amz-Signature=`, `sig=`, also
 * percent-encoded, in a URL nested in the query), and the token of an Anaconda `/t/<token>/`
 * segment right after the host. Each is given as written in the URL (percent-encoded) and
 * decoded, when that differs; a part that does not decode (a bare '%') is given as written. Empty,
 * masked already or a whole `${NAME}` reference (in either form) is left out, and so is a form
 * shorter than MIN_CHARS (a mask that short would hide that text in every log line).
 */
export function urlSecrets(url: string, minChars: number): string[] {
  const parts: string[] = [];
  try {
    const u = new URL(url);
    parts.push(u.username, u.password);
  } catch {
    // No URL to the parser: no login pip would send. Its tokens are still found below.
  }
  const colon = url.indexOf('://');
  const rest = colon < 0 ? '' : URL_SPAN.exec(url.slice(colon))![0];
  const t = PATH_TOKEN.exec(rest);
  if (t) parts.push(t[2]!);
  for (const m of rest.matchAll(QUERY_SECRET_G)) parts.push(m[2]!);
  const out = new Set<string>();
  for (const raw of parts) {
    const d = decoded(raw);
    if (noSecret(raw) || (d !== undefined && noSecret(d))) continue;
    if (d !== undefined) out.add(d);
    out.add(raw);
  }
  return [...out].filter((s) => s.length >= minChars);
}
