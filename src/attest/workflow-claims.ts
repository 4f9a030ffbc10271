// The GitHub workflow claims of a keyless (Fulcio) certificate, as `cosign verify
// --certificate-github-workflow-*` compares them (pure). Fulcio writes a GitHub Actions run's OIDC
// claims into extensions of the certificate (sigstore/fulcio docs/oid-info.md):
// 1.3.6.1.4.1.57264.1.2 to .1.6 (trigger, sha, workflow name, repository, ref) as raw strings,
// deprecated but still written, and since .1.8 the provider-neutral ones as DER UTF8Strings (.1.12
// source repository URI, .1.13 its digest, .1.14 its ref, .1.20 build trigger). cosign 2.x
// (pkg/cosign/certextensions.go, validateCertExtensions) compares each flag with the raw .1.2-.1.6
// value exactly: an extension that is missing is an empty value, and fails. cosign decides; the
// certificates read here only explain its refusal, naming the flag and what the certificate holds.
import { X509Certificate } from 'node:crypto';
import { printable } from '../util/text.js';

/** One `--certificate-github-workflow-*` flag: the field of VerifyIdentity it fills, the extension. */
export interface WorkflowClaim {
  flag:
    | 'certificate-github-workflow-trigger'
    | 'certificate-github-workflow-sha'
    | 'certificate-github-workflow-name'
    | 'certificate-github-workflow-repository'
    | 'certificate-github-workflow-ref';
  field:
    | 'certificateGithubWorkflowTrigger'
    | 'certificateGithubWorkflowSha'
    | 'certificateGithubWorkflowName'
    | 'certificateGithubWorkflowRepository'
    | 'certificateGithubWorkflowRef';
  /** The extension cosign compares (a raw string), and its name in cosign's message. */
  oid: string;
  name: string;
  /** Fulcio's newer extension of the same claim (a DER UTF8String), which cosign does not read. */
  v2?: { oid: string; name: string };
}

const FULCIO = '1.3.6.1.4.1.57264.1';

/** The flags in cosign's order of checking them. */
export const WORKFLOW_CLAIMS: readonly WorkflowClaim[] = [
  {
    flag: 'certificate-github-workflow-trigger',
    field: 'certificateGithubWorkflowTrigger',
    oid: `${FULCIO}.2`,
    name: 'GitHub Workflow Trigger',
    v2: { oid: `${FULCIO}.20`, name: 'Build Trigger' },
  },
  {
    flag: 'certificate-github-workflow-sha',
    field: 'certificateGithubWorkflowSha',
    oid: `${FULCIO}.3`,
    name: 'GitHub Workflow SHA',
    v2: { oid: `${FULCIO}.13`, name: 'Source Repository Digest' },
  },
  {
    flag: 'certificate-github-workflow-name',
    field: 'certificateGithubWorkflowName',
    oid: `${FULCIO}.4`,
    name: 'GitHub Workflow Name',
  },
  {
    flag: 'certificate-github-workflow-repository',
    field: 'certificateGithubWorkflowRepository',
    oid: `${FULCIO}.5`,
    name: 'GitHub Workflow Repository',
    v2: { oid: `${FULCIO}.12`, name: 'Source Repository URI' },
  },
  {
    flag: 'certificate-github-workflow-ref',
    field: 'certificateGithubWorkflowRef',
    oid: `${FULCIO}.6`,
    name: 'GitHub Workflow Ref',
    v2: { oid: `${FULCIO}.14`, name: 'Source Repository Ref' },
  },
];

/** The expected values, by VerifyIdentity field (a keyless identity, or none of them). */
export type WorkflowPins = Partial<Record<WorkflowClaim['field'], string>>;

/** The claims a keyless identity pins (those given), in cosign's order. */
export const pinnedClaims = (pins: WorkflowPins): WorkflowClaim[] =>
  WORKFLOW_CLAIMS.filter((c) => pins[c.field] !== undefined);

// --- reading a certificate's extensions (DER) ------------------------------------------------------

interface Element {
  tag: number;
  /** Where the content starts and ends in the buffer. */
  start: number;
  end: number;
}

function element(der: Buffer, at: number, limit: number): Element {
  if (at + 2 > limit) throw new Error('truncated DER');
  const tag = der[at]!;
  let len = der[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > limit) throw new Error('bad DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i]!;
    start += n;
  }
  if (start + len > limit) throw new Error('truncated DER');
  return { tag, start, end: start + len };
}

function children(der: Buffer, parent: Element): Element[] {
  const out: Element[] = [];
  for (let at = parent.start; at < parent.end; at = out[out.length - 1]!.end)
    out.push(element(der, at, parent.end));
  return out;
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [];
  let v = 0;
  for (const b of bytes) {
    v = v * 128 + (b & 0x7f);
    if (b & 0x80) continue;
    if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
    else parts.push(v);
    v = 0;
  }
  return parts.join('.');
}

/**
 * The extensions of a DER certificate, by OID: the bytes inside each extnValue OCTET STRING.
 * Throws on DER that is no certificate.
 */
export function certificateExtensions(der: Buffer): Map<string, Buffer> {
  const cert = element(der, 0, der.length);
  const tbs = children(der, cert)[0];
  if (cert.tag !== 0x30 || tbs?.tag !== 0x30) throw new Error('not a certificate');
  const out = new Map<string, Buffer>();
  const wrapper = children(der, tbs).find((e) => e.tag === 0xa3); // [3] EXPLICIT extensions
  if (!wrapper) return out;
  const list = children(der, wrapper)[0];
  for (const ext of list ? children(der, list) : []) {
    const parts = children(der, ext);
    const id = parts[0];
    const value = parts[parts.length - 1];
    if (id?.tag !== 0x06 || value?.tag !== 0x04 || parts.length < 2) continue;
    out.set(decodeOid(der.subarray(id.start, id.end)), der.subarray(value.start, value.end));
  }
  return out;
}

/** A DER UTF8String's text, or undefined when the bytes are not one (Fulcio's v2 values). */
function derUtf8(bytes: Buffer): string | undefined {
  try {
    const e = element(bytes, 0, bytes.length);
    return e.tag === 0x0c && e.end === bytes.length ? bytes.toString('utf8', e.start, e.end) : undefined;
  } catch {
    return undefined;
  }
}

/** What one certificate says of a claim: cosign's raw value, and Fulcio's v2 one (undefined: none). */
interface ClaimValues {
  v1?: string;
  v2?: string;
}

/** A claim's values in a certificate's extensions (v1 read as cosign reads it: the bytes as text). */
export function claimValues(extensions: ReadonlyMap<string, Buffer>, claim: WorkflowClaim): ClaimValues {
  const v1 = extensions.get(claim.oid);
  const v2 = claim.v2 && extensions.get(claim.v2.oid);
  const text = v2 && derUtf8(v2);
  return { ...(v1 !== undefined && { v1: v1.toString('utf8') }), ...(text !== undefined && { v2: text }) };
}

/** The pins a certificate's extensions do not hold, as cosign decides it (the raw value, exactly). */
export function unmetClaims(extensions: ReadonlyMap<string, Buffer>, pins: WorkflowPins): WorkflowClaim[] {
  return pinnedClaims(pins).filter((c) => claimValues(extensions, c).v1 !== pins[c.field]);
}

// --- explaining cosign's refusal -------------------------------------------------------------------

/** The claim cosign's message says was not found ("expected GitHub Workflow Ref not found in certificate"). */
export function refusedClaim(detail: string): WorkflowClaim | undefined {
  const m = /expected (GitHub Workflow [A-Za-z]+) not found in certificate/.exec(detail);
  return m ? WORKFLOW_CLAIMS.find((c) => c.name === m[1]) : undefined;
}

/** A parsed certificate from PEM, with its SANs and extensions; undefined when it is none. */
interface ReadCertificate {
  sans: string[];
  extensions: Map<string, Buffer>;
}

/** The URI, email and DNS names of a SubjectAlternativeName extension's value (DER GeneralNames). */
function subjectAltNames(value: Buffer | undefined): string[] {
  if (!value) return [];
  const names = element(value, 0, value.length);
  // [1] rfc822Name, [2] dNSName, [6] uniformResourceIdentifier: IA5Strings, IMPLICIT.
  return children(value, names)
    .filter((e) => e.tag === 0x81 || e.tag === 0x82 || e.tag === 0x86)
    .map((e) => value.toString('latin1', e.start, e.end));
}

export function readCertificate(pem: string): ReadCertificate | undefined {
  try {
    const extensions = certificateExtensions(new X509Certificate(pem).raw);
    return { sans: subjectAltNames(extensions.get('2.5.29.17')), extensions };
  } catch {
    return undefined;
  }
}

/** The most certificates of a tag read to explain a refusal, and distinct values shown per claim. */
const MAX_EXPLAINED_CERTIFICATES = 20;
const MAX_SHOWN_VALUES = 5;
/** The longest explanation: anyone who can push to the repository can fill the tag. */
const MAX_EXPLANATION = 1000;

/**
 * A value from a certificate, for a log line: JSON-quoted (C0 escaped), then C1, format (bidi
 * overrides such as U+202E) and line-separator characters escaped by printable(), and capped at 200
 * characters.
 */
const shown = (v: string) => printable(JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}...` : v));

/** Up to MAX_SHOWN_VALUES values shown, then how many more. */
const shownList = (values: readonly string[]) =>
  values.length > MAX_SHOWN_VALUES
    ? `${values.slice(0, MAX_SHOWN_VALUES).map(shown).join(', ')} and ${values.length - MAX_SHOWN_VALUES} more`
    : values.map(shown).join(', ');

/** What CERTS (those that name the identity) hold of CLAIM, in words. */
function heldValues(certs: readonly ReadCertificate[], claim: WorkflowClaim): string {
  const values = certs.map((c) => claimValues(c.extensions, claim));
  const held = [...new Set(values.map((v) => v.v1).filter((v): v is string => v !== undefined))];
  const none = values.some((v) => v.v1 === undefined);
  const where = `${claim.name}, ${claim.oid}`;
  const parts = [
    ...(held.length > 0 ? [`${shownList(held)} (${where})`] : []),
    ...(none ? [`no ${where} extension`] : []),
  ];
  const v2 = [...new Set(values.map((v) => v.v2).filter((v): v is string => v !== undefined))];
  const newer =
    none && claim.v2 && v2.length > 0 ? `; its ${claim.v2.name} (${claim.v2.oid}) is ${shownList(v2)}` : '';
  // Read from the tag, not verified: a certificate cosign did not accept is anyone's to plant.
  const who =
    certs.length === 1
      ? 'the certificate on the tag (not verified) holds'
      : `the ${certs.length} certificates on the tag (not verified) hold`;
  return `${who} ${parts.join(', and ')}${newer}`;
}

/**
 * cosign's refusal of a pinned claim (DETAIL, its message) in words: the flag, the value it asks
 * for, and what the certificates hold - those of PEMS (the tag's, read by the caller; undefined
 * when they could not be read) that NAMES accepts (the identity), else all of them. Undefined when
 * cosign refused something else.
 */
export function explainRefusal(
  detail: string,
  pins: WorkflowPins,
  names: (san: string) => boolean,
  pems: readonly string[] | undefined,
  flag: (name: WorkflowClaim['flag']) => string,
): string | undefined {
  const claim = refusedClaim(detail);
  const expected = claim && pins[claim.field];
  if (!claim || expected === undefined) return undefined;
  const asked = `${flag(claim.flag)} ${shown(expected)}`;
  const certs = (pems ?? [])
    .slice(0, MAX_EXPLAINED_CERTIFICATES)
    .map(readCertificate)
    .filter((c): c is ReadCertificate => c !== undefined);
  if (certs.length === 0)
    return `${asked}: the certificate holds another ${claim.name} (${claim.oid}) or none`;
  const named = certs.filter((c) => c.sans.some(names));
  const said = `${asked}: ${heldValues(named.length > 0 ? named : certs, claim)}`;
  return said.length > MAX_EXPLANATION ? `${said.slice(0, MAX_EXPLANATION)}...` : said;
}
