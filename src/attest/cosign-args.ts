// The pure half of the cosign adapter: which argv each operation gets (per signing mode and
// registry; every reference goes through parseDigestRef, src/oci/ref.ts), and what cosign's
// output means (its failures: cosign-failure.ts).
// No secret ever goes into an argv: the key password travels as COSIGN_PASSWORD, a key held in
// the environment is named `env://VAR`, keyless tokens come from the runner's ambient OIDC.
// Checked against cosign 2.5's --help. Signatures and attestations use cosign's classic scheme
// (`sha256-<digest>.sig` / `.att` tags), which any OCI registry accepts: no referrers API needed.
import { z } from 'zod';
import { isPlainHttpRegistry } from '../docker/registry.js';
import { InputError } from '../errors.js';
import { parseDigestRef } from '../oci/ref.js';
import { parsedOrNone } from '../util/parse-input.js';
import { pinnedClaims } from './workflow-claims.js';

/** How to sign: a key (a file path, `env://COSIGN_KEY`, or a KMS URI), or keyless (OIDC + Fulcio). */
export type SignIdentity = { kind: 'key'; key: string } | { kind: 'keyless' };

/** Who must have signed: a public key, or a Fulcio certificate's identity and OIDC issuer. */
export type VerifyIdentity =
  | { kind: 'key'; publicKey: string }
  | {
      kind: 'keyless';
      certificateIdentity?: string;
      certificateIdentityRegexp?: string;
      certificateOidcIssuer: string;
      /**
       * GitHub: the repository whose workflow run signed (the certificate's workflow-repository
       * extension). A reusable workflow signs with its own file as the identity, so this is what
       * names the repository that called it.
       */
      certificateGithubWorkflowRepository?: string;
      /**
       * GitHub: what the run that signed must have been, compared exactly with the certificate's
       * extensions as cosign's --certificate-github-workflow-* flags do (src/attest/workflow-claims.ts):
       * the event that triggered it (push), the commit, the workflow's name, the ref
       * (refs/heads/main). A pin the certificate does not hold fails the check.
       */
      certificateGithubWorkflowTrigger?: string;
      certificateGithubWorkflowSha?: string;
      certificateGithubWorkflowName?: string;
      certificateGithubWorkflowRef?: string;
    };

export interface CosignArgOptions {
  /**
   * Key mode only: upload to (and verify against) the public transparency log. Off by default so
   * that a private image's name never reaches the public Rekor log unless asked. Keyless mode
   * always uses the log (its certificates are short-lived and need it).
   */
  tlog?: boolean;
}

/** cosign's named predicate types (`cosign attest --help`); anything else must be a URI. */
export const COSIGN_PREDICATE_TYPES = [
  'slsaprovenance',
  'slsaprovenance02',
  'slsaprovenance1',
  'link',
  'spdx',
  'spdxjson',
  'cyclonedx',
  'vuln',
  'openvex',
  'custom',
] as const;

/** The flags that let cosign talk plain HTTP: only for loopback registries. */
export function registryFlags(host: string): string[] {
  return isPlainHttpRegistry(host) ? ['--allow-insecure-registry', '--allow-http-registry'] : [];
}

/** A predicate type: one of cosign's names or an absolute http(s) URI; else an InputError. */
export function checkPredicateType(type: string): string {
  if ((COSIGN_PREDICATE_TYPES as readonly string[]).includes(type)) return type;
  if (/^https?:\/\/[^\s/]+\/\S*$/.test(type)) return type;
  throw new InputError(
    `predicate type ${JSON.stringify(type)}: expected one of ${COSIGN_PREDICATE_TYPES.join(', ')} or a URI such as https://example.com/predicate/v1`,
  );
}

function checkSignIdentity(id: SignIdentity): void {
  if (id.kind === 'key' && id.key.trim() === '')
    throw new InputError('signing key: empty', 'pass a key file path or env://COSIGN_KEY');
}

function keyModeTlog(opts: CosignArgOptions): string[] {
  // With the log on, cosign asks for consent to publish; the caller asked explicitly, so --yes.
  return opts.tlog === true ? ['--tlog-upload=true', '--yes'] : ['--tlog-upload=false'];
}

function signingFlags(id: SignIdentity, opts: CosignArgOptions): string[] {
  checkSignIdentity(id);
  return id.kind === 'key' ? ['--key', id.key, ...keyModeTlog(opts)] : ['--tlog-upload=true', '--yes'];
}

function verifyFlags(id: VerifyIdentity, opts: CosignArgOptions): string[] {
  if (id.kind === 'key') {
    if (id.publicKey.trim() === '') throw new InputError('public key: empty', 'pass a public key file path');
    return ['--key', id.publicKey, ...(opts.tlog === true ? [] : ['--insecure-ignore-tlog=true'])];
  }
  const hasId = id.certificateIdentity !== undefined && id.certificateIdentity !== '';
  const hasRe = id.certificateIdentityRegexp !== undefined && id.certificateIdentityRegexp !== '';
  if (hasId === hasRe)
    throw new InputError(
      'keyless verification: give exactly one of certificate identity and certificate identity regexp',
      'e.g. https://github.com/OWNER/REPO/.github/workflows/build.yml@refs/heads/main',
    );
  if (id.certificateOidcIssuer.trim() === '')
    throw new InputError(
      'keyless verification: certificate OIDC issuer is empty',
      'on GitHub Actions it is https://token.actions.githubusercontent.com',
    );
  return [
    ...(hasId
      ? ['--certificate-identity', id.certificateIdentity!]
      : ['--certificate-identity-regexp', id.certificateIdentityRegexp!]),
    '--certificate-oidc-issuer',
    id.certificateOidcIssuer,
    // cosign compares each with the certificate's extension (none given: not compared).
    ...pinnedClaims(id).flatMap((c) => {
      const value = id[c.field]!;
      if (value.trim() === '' || /\p{Cc}/u.test(value))
        throw new InputError(
          `keyless verification: --${c.flag} ${JSON.stringify(value)}: empty or a control character`,
        );
      return [`--${c.flag}`, value];
    }),
  ];
}

/** Who must have signed, in words (a failed check names it). */
export function describeIdentity(id: VerifyIdentity): string {
  if (id.kind === 'key') return `the public key ${id.publicKey}`;
  const who = id.certificateIdentity ?? `identities matching ${id.certificateIdentityRegexp ?? ''}`;
  return `${who} (issuer ${id.certificateOidcIssuer})`;
}

export function versionArgs(): string[] {
  return ['version', '--json'];
}

export function signArgs(ref: string, id: SignIdentity, opts: CosignArgOptions = {}): string[] {
  const r = parseDigestRef(ref);
  return ['sign', ...signingFlags(id, opts), ...registryFlags(r.registry), r.ref];
}

export interface PredicateSpec {
  /** Path of the predicate's JSON file. */
  predicatePath: string;
  /** The file's text, when the caller has it: the built-in signer signs it without reading the file. */
  text?: string;
  /** Settles once the file is written, when the caller writes it meanwhile: cosign waits for it. */
  written?: Promise<void>;
  /** cosign's --type: cyclonedx, slsaprovenance1, ... or a custom predicate type URI. */
  type: string;
  /**
   * The signed envelope an earlier run attached for the same image and kind (the built-in signer
   * attaches it again, unchanged, when it holds this very statement signed by this key: the
   * registry has it already). cosign ignores it.
   */
  earlier?: Buffer;
}

export function attestArgs(
  ref: string,
  predicate: PredicateSpec,
  id: SignIdentity,
  opts: CosignArgOptions = {},
): string[] {
  const r = parseDigestRef(ref);
  if (predicate.predicatePath.trim() === '') throw new InputError('predicate file: empty path');
  return [
    'attest',
    ...signingFlags(id, opts),
    '--type',
    checkPredicateType(predicate.type),
    '--predicate',
    predicate.predicatePath,
    '--new-bundle-format=false', // the classic .att tag, on any registry
    // A rerun replaces this type's attestation instead of adding one more to the .att tag: the tag
    // would grow with every run, and verify-attestation would check (and print) each stale copy.
    '--replace',
    ...registryFlags(r.registry),
    r.ref,
  ];
}

export function verifyArgs(ref: string, id: VerifyIdentity, opts: CosignArgOptions = {}): string[] {
  const r = parseDigestRef(ref);
  return [
    'verify',
    ...verifyFlags(id, opts),
    '--new-bundle-format=false',
    '--output',
    'json',
    ...registryFlags(r.registry),
    r.ref,
  ];
}

export function verifyAttestationArgs(
  ref: string,
  type: string,
  id: VerifyIdentity,
  opts: CosignArgOptions = {},
): string[] {
  const r = parseDigestRef(ref);
  return [
    'verify-attestation',
    ...verifyFlags(id, opts),
    '--type',
    checkPredicateType(type),
    '--new-bundle-format=false',
    '--output',
    'json',
    ...registryFlags(r.registry),
    r.ref,
  ];
}

// --- what cosign printed ------------------------------------------------------------------------

/** One verified signature, as `cosign verify --output json` prints it (simple signing payload). */
export interface VerifiedSignature {
  dockerReference: string;
  digest: string;
  type: string;
  /** Annotations, and for keyless signatures the certificate's Issuer and Subject. */
  optional: Record<string, unknown>;
}

/** One verified attestation: the in-toto statement inside the DSSE envelope. */
export interface Statement {
  type: string;
  predicateType: string;
  subject: { name?: string | undefined; digest: Record<string, string> }[];
  predicate: unknown;
}

/**
 * A simple-signing payload (what an image signature signs), as cosign's verify prints it and as
 * the built-in verifier reads it from the `.sig` image: one schema for both.
 */
export const SimpleSigningSchema = z.object({
  critical: z.object({
    identity: z.object({ 'docker-reference': z.string() }),
    image: z.object({ 'docker-manifest-digest': z.string() }),
    type: z.string(),
  }),
  optional: z.record(z.string(), z.unknown()).nullish(),
});

/** The signature a simple-signing payload describes. */
export const signatureOf = (s: z.infer<typeof SimpleSigningSchema>): VerifiedSignature => ({
  dockerReference: s.critical.identity['docker-reference'],
  digest: s.critical.image['docker-manifest-digest'],
  type: s.critical.type,
  optional: s.optional ?? {},
});

const SignaturesSchema = z.array(SimpleSigningSchema);

/** The DSSE payload type of an in-toto statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/**
 * A DSSE envelope exactly as cosign writes one. cosign prints each verified layer's bytes as they
 * are, and it read them through Go's encoding/json, which takes a key in any case (the last one
 * wins): a layer with a second "PAYLOAD" would have cosign verify the signed payload while
 * JSON.parse here reads the other. A key beyond these three, in any case, leaves the envelope out.
 */
const EnvelopeSchema = z.strictObject({
  payloadType: z.literal(IN_TOTO_PAYLOAD_TYPE),
  payload: z.string(),
  signatures: z.array(z.strictObject({ keyid: z.string().optional(), sig: z.string() })).min(1),
});

/**
 * An in-toto statement as cosign reads one (both verifiers read it, from cosign's output or from
 * an envelope): the predicate type and the subjects' digests are what
 * the checks need; `_type`, a subject's name and the predicate may be missing (cosign accepts that,
 * and so does the built-in verifier).
 */
export const StatementSchema = z.object({
  _type: z.string().optional(),
  predicateType: z.string(),
  subject: z.array(z.object({ name: z.string().optional(), digest: z.record(z.string(), z.string()) })),
  predicate: z.unknown().optional(),
});

/** The Statement of a parsed in-toto statement. */
export const statementOf = (st: z.infer<typeof StatementSchema>): Statement => ({
  type: st._type ?? '',
  predicateType: st.predicateType,
  subject: st.subject,
  predicate: st.predicate,
});

/**
 * What cosign printed where JSON belongs, when it is not JSON (cosign exited 0): the caller fails
 * the check, saying PROBLEM and quoting the start of PRINTED redacted (it may hold what cosign
 * read from the registry, or a secret of the environment's).
 */
export interface NotJson {
  problem: string;
  printed: string;
}

/** TEXT parsed, or NotJson saying PROBLEM. */
function parseJson(text: string, problem: string): { json: unknown } | NotJson {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return { problem, printed: text };
  }
}

/**
 * `cosign verify --output json`: a JSON array on stdout (after any non-JSON lines). Undefined when
 * an entry is not a simple-signing payload of cosign's type: the caller fails the check, as for an
 * envelope not as cosign writes one (the schema's ZodError was an internal error, exit 1). NotJson
 * when there is no array, or it is not JSON: that check fails too (a plain Error was exit 1).
 */
export function parseVerifiedSignatures(stdout: string): VerifiedSignature[] | NotJson | undefined {
  const start = stdout.indexOf('[');
  if (start < 0) return { problem: 'it printed no JSON array of signatures', printed: stdout };
  const parsed = parseJson(stdout.slice(start).trim(), 'the signatures it printed are not JSON');
  if (!('json' in parsed)) return parsed;
  return parsedOrNone(SignaturesSchema, parsed.json)?.map(signatureOf);
}

/**
 * `cosign verify-attestation`: one DSSE envelope per line; each payload is a base64 statement.
 * An envelope whose payload is no statement the checks can read (cosign verified its signature
 * only) is left out: the caller fails the check when none is left. An envelope that is not
 * exactly as cosign writes one fails them all (undefined): what it carries was verified in a
 * form this code does not read, and leaving it out would let another (an older run) count. So
 * does a line that begins as an envelope but is not JSON (NotJson).
 */
export function parseAttestations(stdout: string): Statement[] | NotJson | undefined {
  const lines = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'));
  const envelopes: (z.infer<typeof EnvelopeSchema> | undefined)[] = [];
  for (const line of lines) {
    const parsed = parseJson(line, 'it printed an attestation envelope that is not JSON');
    if (!('json' in parsed)) return parsed;
    envelopes.push(parsedOrNone(EnvelopeSchema, parsed.json));
  }
  if (envelopes.some((e) => e === undefined)) return undefined;
  return envelopes.flatMap((env) => {
    if (env === undefined) return [];
    const payload = Buffer.from(env.payload, 'base64').toString('utf8');
    let data: unknown;
    try {
      data = JSON.parse(payload);
    } catch {
      return [];
    }
    const st = parsedOrNone(StatementSchema, data);
    return st ? [statementOf(st)] : [];
  });
}

// What cosign's failures mean: cosign-failure.ts.
export { type CosignFailure, classifyFailure, cosignErrorLine } from './cosign-failure.js';
