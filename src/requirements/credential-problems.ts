// The problems of credentials written in a requirements file (credentials.ts finds them): a line's
// or a comment's, each quoted with its values masked and cut to MAX_QUOTED_CHARS, with why and the
// fix; and how any problem of read.ts quotes a line (quotedLine, quotedWhy). Pure.
// No advice here holds an '@': every masker (redactUrls, maskBareLogins) would eat its example.
import { MASK, redactUrls } from '../util/redact.js';
import { type LiteralCredential, literalCredentials } from './credentials.js';
import { lineCredentials, quotedWordSpans } from './quoted-credentials.js';

const LITERAL_WHY =
  "it would be copied into the image (the templates copy the build context, this file with it, into /app, and pip writes a direct URL, query and all, into *.dist-info/direct_url.json) and it is in your repository's history: revoke it";
const COMMENT_WHY =
  "pip ignores a comment, but the templates copy the build context, this file with it, into /app, and it is in your repository's history: revoke it";
const REFERENCE_WHY =
  'pip fills in only ${NAME}, NAME of upper-case letters, digits and _, from its environment: it would send that text as written';
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
/** The fix of an error whose problems are references pip does not fill in ($TOKEN in a line). */
export const REFERENCE_FIX = `for each reference named, ${LITERAL_FIX}`;

/** The fix of an error whose credential problems are of KINDS (undefined without one). */
export function credentialFix(kinds: readonly CredentialProblem['kind'][]): string | undefined {
  const fixes = [
    ...(kinds.includes('secret') ? [LITERAL_CREDENTIAL_FIX] : []),
    ...(kinds.includes('reference') ? [REFERENCE_FIX] : []),
  ];
  return fixes.length > 0 ? fixes.join('; ') : undefined;
}

/** The most of a line a problem quotes; a longer one is cut (a 2 MB line is not quoted whole). */
const MAX_QUOTED_CHARS = 300;

/** TEXT cut to MAX_QUOTED_CHARS (not inside a surrogate pair), with a marker saying so. */
function clipped(text: string): string {
  if (text.length <= MAX_QUOTED_CHARS) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[MAX_QUOTED_CHARS - 1]!) ? MAX_QUOTED_CHARS - 1 : MAX_QUOTED_CHARS;
  return `${text.slice(0, cut)}... (${text.length} characters, cut)`;
}

/** A value found this long or longer is masked wherever else the line holds it too. */
const MIN_REPEATED_CHARS = 8;
/** Past this many such values, the line is masked from its first credential on (no search each). */
const MAX_REPEATED_VALUES = 64;

/**
 * The other places TEXT holds a value of FOUND (spans of TEXT): a secret written twice, once where
 * a rule looks and once where none does (`https://h/abcd1234efgh/x.whl?sig=abcd1234efgh`), is masked
 * both times.
 */
function repeatedSpans(
  text: string,
  found: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const values = new Set(
    found.map((c) => text.slice(c.start, c.end)).filter((v) => v.length >= MIN_REPEATED_CHARS),
  );
  if (values.size > MAX_REPEATED_VALUES)
    return [{ start: Math.min(...found.map((c) => c.start)), end: text.length }];
  const out: { start: number; end: number }[] = [];
  for (const v of values)
    for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1))
      out.push({ start: i, end: i + v.length });
  return out;
}

/**
 * TEXT (a requirements line as written) as it may be shown: each credential written literally in
 * it masked, as written and as pip reads its options part (lineCredentials: quotes and backslashes
 * removed, `-i "https"://user:pw@host`), and redactUrls over it, also where pip reads a URL its
 * quotes hide from it (quotedWordSpans). By default both rules judge it: the line's, and the
 * comment's (a line quoted whole may hold its comment, and a token there: `# HF_TOKEN=hf_...`).
 */
function maskLiteralCredentials(
  text: string,
  found: readonly { start: number; end: number }[] = [
    ...lineCredentials(text),
    ...lineCredentials(text, false),
  ],
): string {
  let shown = '';
  let done = 0;
  const spans = [...found, ...repeatedSpans(text, found), ...quotedWordSpans(text)];
  for (const c of spans.sort((a, b) => a.start - b.start)) {
    if (c.end <= done) continue; // inside one masked already
    shown += c.start < done ? '' : `${text.slice(done, c.start)}${MASK}`;
    done = c.end;
  }
  return redactUrls(shown + text.slice(done));
}

/**
 * TEXT (a requirements line as written, or part of one) as a problem quotes it: its credentials
 * masked (maskLiteralCredentials), then cut to MAX_QUOTED_CHARS.
 */
export const quotedLine = (text: string, found?: LiteralCredential[]) =>
  clipped(maskLiteralCredentials(text, found));

/** A part quoted in a reason ("...") longer than MAX_QUOTED_CHARS. */
const LONG_QUOTE = new RegExp(`"([^"]{${MAX_QUOTED_CHARS + 1},})"`, 'g');

/**
 * WHY (a reason that may quote part of a line: `"..." is not a valid PEP 440 version`) as a
 * problem shows it: its credentials masked, each quoted part cut to MAX_QUOTED_CHARS.
 */
export const quotedWhy = (why: string) =>
  maskLiteralCredentials(why).replace(LONG_QUOTE, (_, q: string) => `"${clipped(q)}"`);

/** A problem of a credential written in a line or comment, and what the error's fix says of it. */
export interface CredentialProblem {
  problem: string;
  /** A secret written literally (revoke it), or only references pip does not fill in. */
  kind: 'secret' | 'reference';
}

/**
 * The problem of a requirements line (TEXT as written, at ORIGIN "file:line") whose URLs hold a
 * credential written literally (literalCredentials), as written or as pip reads its options part
 * (lineCredentials: `-i "https"://user:pw@host`), or undefined; of a comment (TEXT from its '#')
 * with `comment`. The text is shown with each value found masked, and redactUrls over it, cut
 * to MAX_QUOTED_CHARS: no value found is in what is returned. A line whose only ones are references
 * pip does not fill in (`$TOKEN`) says to write `${NAME}`: nothing to revoke.
 */
export function literalCredentialProblem(
  origin: string,
  text: string,
  comment = false,
): CredentialProblem | undefined {
  // A line as pip reads it too (its options part shlex-split); a comment as written.
  const found = comment ? literalCredentials(text, false) : lineCredentials(text);
  if (found.length === 0) return undefined;
  const what = [...new Set(found.map((c) => c.what))].join(', ');
  const shown = quotedLine(text, found);
  if (comment)
    return {
      problem: `${origin}: "${shown}": a credential written in a comment, ${what}: ${COMMENT_WHY}; ${COMMENT_FIX}`,
      kind: 'secret',
    };
  if (found.every((c) => c.kind === 'reference'))
    return { problem: `${origin}: "${shown}": ${what}: ${REFERENCE_WHY}; ${LITERAL_FIX}`, kind: 'reference' };
  return {
    problem: `${origin}: "${shown}": a credential written in the line, ${what}: ${LITERAL_WHY}; ${LITERAL_FIX}`,
    kind: 'secret',
  };
}

/** Where a physical line's comment starts, by pip's rule (a '#' at its start or after white space). */
const COMMENT_START = /(?:^|[\t\n\r\f\v ])#/;

/**
 * The problems of the comments of a requirements file (TEXT, the file FILE as read): each
 * physical line whose comment (from its '#', as pip's rule finds one) holds a credential written
 * literally (literalCredentials' rule for a comment: in a URL, or a token of a known form
 * anywhere), named FILE:N. pip ignores comments, but the file, comments and all, is copied into
 * the image. A URL without a credential, a placeholder or a `$TOKEN`, in a comment, is fine.
 */
export function commentCredentialProblems(file: string, text: string): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = COMMENT_START.exec(line);
    if (!m) return;
    const hash = m.index + m[0].length - 1;
    const problem = literalCredentialProblem(`${file}:${i + 1}`, line.slice(hash).trimEnd(), true);
    if (problem !== undefined) problems.push(problem);
  });
  return problems;
}
