// What verify checks of its inputs before it asks a registry anything: the public key file is read
// and parsed, a keyless identity's regular expression compiled. Bad input is then exit 2 naming
// the file or the expression, not the "registry unreachable" of a registry that happens to be
// down, nor cosign's failure after the network was asked. The built-in verifier checks with the
// text read here (src/attest/signers.ts verifyDeps); cosign reads the file itself.
import { createPublicKey } from 'node:crypto';
import { InputError } from '../errors.js';
import { openErrorText, readRegularText, statPath } from '../util/read-regular.js';
import type { VerifyIdentity } from './cosign-args.js';
import { re2ToJs } from './re2-js.js';
import { testWithin } from '../util/bounded-regex.js';
import { redactUrls } from '../util/redact.js';
import { urlSecrets } from '../util/url-secrets.js';

/** A key file (a public key in PEM, cosign's encrypted private key) is a few KB; a larger one is none. */
export const MAX_KEY_FILE_BYTES = 1024 * 1024;

const KEY_FIX = 'give the public key file that "cosign generate-key-pair" wrote (cosign.pub), or a KMS URI';

/**
 * A key that cosign resolves itself, not a file: a KMS or other URI (awskms://, k8s://, env://,
 * https://) or a PKCS#11 token.
 */
export const isKeyReference = (key: string): boolean => key.includes('://') || key.startsWith('pkcs11:');

/**
 * Exit 2 (LABEL) for a key reference that holds a secret (urlSecrets: a login, `?token=`; a
 * PKCS #11 URI's pin-value): cosign takes the reference on its command line, which any process of
 * the machine may read. A reference without one (env://NAME, a KMS URI whose credentials are in
 * the environment) and a file are left alone.
 */
export function refuseKeyReferenceSecrets(key: string, label: string): void {
  if (!isKeyReference(key)) return;
  // A PKCS #11 URI's PIN (RFC 7512 pin-value): cosign reads it from COSIGN_PKCS11_PIN too.
  if (key.startsWith('pkcs11:') && /(?:^pkcs11:|[;?&])pin-value=/i.test(key))
    throw new InputError(
      `${label} ${key.replace(/((?:^pkcs11:|[;?&])pin-value=)[^;?&]*/gi, '$1***')}: the PKCS #11 URI holds the token's PIN (pin-value), which cosign would take on its command line`,
      'leave pin-value out and put the PIN in the environment: COSIGN_PKCS11_PIN',
    );
  if (urlSecrets(key, 1).length === 0) return;
  throw new InputError(
    `${label} ${redactUrls(key)}: the key reference holds a secret (a login or a token), which cosign would take on its command line`,
    'download the key and give its file, or give a reference without a secret: env://NAME, or a KMS URI with its credentials in the environment',
  );
}

/**
 * What is wrong with TEXT as cosign's --key public key, or undefined when it is one: as cosign
 * reads it, the first PEM block, a "PUBLIC KEY" (PKIX) or "RSA PUBLIC KEY" (PKCS #1).
 */
export function publicKeyProblem(text: string): string | undefined {
  // Trailing blanks on a line (a pasted key) are dropped, as Go's pem.Decode does.
  const block = /-----BEGIN ([^\r\n-]+)-----\r?\n[\s\S]*?-----END \1-----/.exec(
    text.replace(/[ \t]+$/gm, ''),
  );
  if (!block) return 'not a PEM public key (no "-----BEGIN PUBLIC KEY-----" block)';
  const type = block[1]!;
  if (type !== 'PUBLIC KEY' && type !== 'RSA PUBLIC KEY')
    return /PRIVATE KEY/.test(type)
      ? `a private key (PEM "${type}"); verifying takes the public key`
      : `a PEM "${type}", not a public key`;
  try {
    createPublicKey(block[0]);
    return undefined;
  } catch (e) {
    return `not a valid public key (${(e as Error).message})`;
  }
}

/**
 * The public key file of a key identity, read and parsed now; bad input names LABEL (the flag or
 * input that gave it: `verify: --key`, `input "key":`) and the file (exit 2). Its text, for the
 * checks to use (undefined: not read here). A key reference (KMS and other URIs) is cosign's to
 * resolve and is left alone.
 */
export function checkPublicKeyFile(identity: VerifyIdentity, label = 'public key'): string | undefined {
  if (identity.kind !== 'key') return undefined;
  refuseKeyReferenceSecrets(identity.publicKey, label);
  if (isKeyReference(identity.publicKey)) return undefined;
  const file = identity.publicKey;
  // A pipe (`--key <(vault read ...)`, a piped /dev/stdin) can be read once only: cosign reads it.
  const st = statPath(file);
  // A path that cannot be looked at (a link loop, afile/x, a name too long) is bad input too.
  if (typeof st === 'string') throw new InputError(`${label} ${file}: ${st}`, KEY_FIX);
  if (st && (st.isFIFO() || st.isSocket())) return undefined;
  const text = readRegularText(
    file,
    MAX_KEY_FILE_BYTES,
    (e) =>
      new InputError(
        e.code !== undefined
          ? `${label} ${file}: cannot read it: ${openErrorText(e.code)}`
          : `${label} ${file} ${e.reason}`,
        KEY_FIX,
      ),
  );
  const problem = publicKeyProblem(text);
  if (problem !== undefined) throw new InputError(`${label} ${file}: ${problem}`, KEY_FIX);
  return text;
}

/**
 * What is wrong with PATTERN as a regular expression, or undefined. cosign compiles it as Go
 * (RE2) does; JavaScript compiles it here, after RE2's own syntax that JavaScript lacks is put in
 * its terms (\Q...\E literals, (?P<name>, inline flags), so that a pattern cosign takes is never
 * refused. What only RE2 refuses (a lookahead, a backreference) is left for cosign to say.
 */
export function regexpProblem(pattern: string): string | undefined {
  try {
    new RegExp(jsRegExpSource(pattern));
    return undefined;
  } catch (e) {
    // "Invalid regular expression: /(/: Unterminated group": the reason only.
    return (e as Error).message.replace(/^Invalid regular expression: \/[\s\S]*\/: /, '');
  }
}

/**
 * PATTERN with each `\Q...\E` written as the escaped characters it stands for. Read escape by
 * escape: `\\Q` is a backslash and a Q, no quote (which would hide a `|` after it).
 */
function literalQuotes(pattern: string): string {
  return pattern.replace(/\\(?:Q([\s\S]*?)(?:\\E|$)|[\s\S])/g, (m, literal: string | undefined) =>
    literal === undefined ? m : literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
  );
}

/** An RE2 flag group (`(?i)`, `(?-s)`), read where it starts (sticky). */
const FLAG_GROUP = /\(\?[imsU]*(?:-[imsU]*)?\)/y;

/**
 * PATTERN without its flag groups (`(?i)`, `(?-s)`: they match nothing), escapes and classes kept
 * whole (`[(?i)]` is a class of four characters, not an empty one that would run on over a `|`
 * after it): a repeat after a flag group repeats what comes before it (`acme/(?i)?` makes the `/`
 * optional in RE2).
 */
export function withoutFlagGroups(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    FLAG_GROUP.lastIndex = i;
    const flags = c === '(' ? FLAG_GROUP.exec(pattern)?.[0] : undefined;
    if (c === '\\') out += pattern.slice(i, ++i + 1);
    else if (c === '[') {
      const end = classEnd(pattern, i);
      out += pattern.slice(i, end + 1);
      i = end;
    } else if (flags !== undefined) i += flags.length - 1;
    else out += c;
  }
  return out;
}

/**
 * An RE2 pattern in JavaScript's terms enough to compile it (inline flags dropped); what it
 * matches is re2-js.ts's to say.
 */
function jsRegExpSource(pattern: string): string {
  return literalQuotes(pattern)
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?[imsU-]+\)/g, '')
    .replace(/\(\?[imsU-]+:/g, '(?:');
}

/**
 * Where the reusable workflow's keyless signatures come from: Fulcio names the workflow file that
 * ran, ml-image-action's own, whichever repository called it.
 */
const SHARED_WORKFLOW_IDENTITY = 'https://github.com/ml-image-action/ml-image-action/';
/**
 * The start of a regexp that names whose workflow signed: anchored (`^` or `\A`), the GitHub host,
 * then a literal owner and `/` (`.` escaped or not; RE2 reads `\/` and `\-` as the characters).
 * Nothing may repeat that `/`: `?`, `*`, `{0}` or `{0,1}` after it leave it out, and the owner's
 * letters then run on into what follows (`ml-image-actio/?n/ml-image-action/` matches the shared
 * workflow's `ml-image-action/ml-image-action/`, as does `ml\/*-image-action/`), so any `?`, `*`,
 * `+` or `{` there is refused. None can stand inside the owner: they are not among its characters,
 * and an owner cut short by one is followed by no `/`.
 */
const OWNER_PREFIX = /^(?:\^|\\A)https:(?:\\?\/){2}github\\?\.com\\?\/((?:[A-Za-z0-9]|\\?-)+)\\?\/(?![?*+{])/;

/**
 * Refs a caller pins the reusable workflow at, which its certificates' identity ends with: a
 * release tag, a commit, a branch, a pull request's merge ref. A pattern matching the shared
 * workflow at any of them accepts its signatures; one matching none is still read for its owner.
 */
const SHARED_WORKFLOW_REFS = [
  'refs/tags/v0.4.2',
  '0123456789abcdef0123456789abcdef01234567',
  'refs/heads/main',
  'refs/pull/1/merge',
];

/** How a keyless identity takes the reusable workflow's signatures (see acceptsSharedWorkflow). */
type SharedWorkflowAcceptance = { why: 'accepts' } | { why: 'unread'; syntax: string } | { why: 'open' };

/**
 * Whether a keyless identity (exact, or a valid RE2 regexp) may accept the reusable workflow's
 * signatures: without the repository claim, then, any repository's run of it passes. Said yes
 * when the pattern names ml-image-action/ml-image-action in any case, or matches any identity of
 * it (a pin to a tag, branch or commit included) as RE2 reads it (re2-js.ts: \A, \z, [[:alnum:]],
 * \pL, (?i) ...). A pattern whose syntax that translation does not read may accept them too:
 * `unread`, naming the syntax (fail safe: the repository is asked for all the same).
 */
export function acceptsSharedWorkflow(
  exact: string | undefined,
  regexp: string | undefined,
): SharedWorkflowAcceptance | undefined {
  const shared = SHARED_WORKFLOW_IDENTITY.replace('https://github.com/', '').toLowerCase();
  if (exact !== undefined) return exact.toLowerCase().includes(shared) ? { why: 'accepts' } : undefined;
  if (regexp === undefined) return undefined;
  if (regexp.replace(/\\/g, '').toLowerCase().includes(shared)) return { why: 'accepts' };
  const js = re2ToJs(regexp);
  if ('unread' in js) return { why: 'unread', syntax: js.unread };
  const re = compiled(js);
  if (re === undefined) return { why: 'unread', syntax: TOO_LARGE };
  for (const ref of SHARED_WORKFLOW_REFS) {
    const tried = testWithin(re, `${SHARED_WORKFLOW_IDENTITY}.github/workflows/ml-image.yml@${ref}`, TRY_MS);
    // One that backtracks for good here (RE2 runs it in linear time) may accept them: asked as unread.
    if (tried === undefined) return { why: 'unread', syntax: SLOW_PATTERN };
    if (tried) return { why: 'accepts' };
  }
  // Whether a pattern matches some identity of the shared workflow (any file, at any ref: a tag,
  // a commit, a branch named like anything) cannot be told by trying some: it is safe only when it
  // names an owner of its own at its start, which no identity of the shared workflow has.
  // A flag group ((?i)) changes no owner's letters here: the owner is compared in lower case.
  const body = withoutFlagGroups(literalQuotes(regexp));
  const owner = OWNER_PREFIX.exec(body)?.[1]?.replace(/\\/g, '').toLowerCase();
  const ownOwner = owner !== undefined && owner !== shared.split('/')[0];
  return ownOwner && !hasTopLevelAlternation(body) ? undefined : { why: 'open' };
}

/**
 * Whether an RE2 pattern has a `|` outside every group and class (`^https://github\.com/acme/|.*`:
 * its start names no owner for the other branch). Escapes, `\Q...\E` and classes are skipped.
 */
function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        i = end === -1 ? pattern.length : end + 1;
      } else i++;
    } else if (c === '[') i = classEnd(pattern, i);
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** The index of the `]` that closes the class opened at START (`[]a]`, `[^]a]`, `[[:alpha:]]`). */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern.startsWith('[:', i)) {
      const end = pattern.indexOf(':]', i + 2);
      if (end !== -1) i = end + 1;
    } else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}

/**
 * Whether a certificate's SAN is the keyless identity: the exact one, or one its regexp matches
 * (as RE2 reads it, re2-js.ts; any SAN where that cannot be said). Only to pick the certificates
 * whose claims a failed check reports: cosign matched them itself.
 */
export function identityMatcher(identity: {
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
}): (san: string) => boolean {
  const { certificateIdentity: exact, certificateIdentityRegexp: regexp } = identity;
  if (exact !== undefined) return (san) => san === exact;
  const js = re2ToJs(regexp ?? '');
  if ('unread' in js) return () => true;
  const re = compiled(js);
  if (re === undefined) return () => true;
  // A SAN on which it backtracks for good (a certificate's text, the registry's) is one it may match.
  return (san) => testWithin(re, san, TRY_MS) ?? true;
}

/**
 * JS (a pattern in JavaScript's terms) compiled now, or undefined where JavaScript's engine cannot
 * hold it: tens of thousands of characters are "Regular expression too large", which V8 says at
 * the first match (an internal error, once), not at new RegExp. RE2 may hold it: unread, not bad input.
 */
function compiled(js: { source: string; flags: string }): RegExp | undefined {
  try {
    const re = new RegExp(js.source, js.flags);
    re.test('');
    return re;
  } catch {
    return undefined;
  }
}

/** The "syntax" of an identity regexp too large for JavaScript's engine (verify-flags says it). */
const TOO_LARGE = "a pattern too large for JavaScript's regular expression engine";

/** How long one try of a keyless identity's regexp may take (RE2 answers in linear time). */
const TRY_MS = 250;

/** The "syntax" an identity regexp that backtracks for good is unread by (verify-flags says it). */
const SLOW_PATTERN = `a repetition (such as (.*)*) that JavaScript's backtracking engine did not finish trying within ${TRY_MS} ms`;
