// Fulcio-like certificates for the tests, made here in DER with node:crypto (no openssl, no
// Fulcio): a CA, and a leaf as Fulcio issues one to a GitHub Actions run - an empty subject, the
// workflow identity as a critical URI SAN, code signing, and the run's claims as Fulcio's
// extensions (docs/oid-info.md of sigstore/fulcio): 1.3.6.1.4.1.57264.1.1 to .1.6 as raw strings,
// .1.8 onwards as DER UTF8Strings. The real cosign verifies a signature made with such a leaf
// when given the CA as --certificate-chain (and no SCT, no log).
import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { pem } from './cosign-keys.js';

const length = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};
/** One DER element: TAG, its length, BODY. */
export const tlv = (tag: number, body: Buffer): Buffer =>
  Buffer.concat([Buffer.from([tag]), length(body.length), body]);
export const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
export const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
const bool = (): Buffer => tlv(0x01, Buffer.from([0xff]));
const bits = (unused: number, bytes: number[]): Buffer => tlv(0x03, Buffer.from([unused, ...bytes]));

export function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const n of rest) {
    const groups = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) groups.unshift(0x80 | (v & 0x7f));
    out.push(...groups);
  }
  return tlv(0x06, Buffer.from(out));
}

const time = (d: Date) => tlv(0x17, Buffer.from(`${d.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const cn = (name: string) => seq(set(seq(oid('2.5.4.3'), utf8(name))));

/** An X.509 extension: OID, critical or not, and the bytes inside its OCTET STRING. */
export const extension = (id: string, value: Buffer, critical = false): Buffer =>
  seq(oid(id), ...(critical ? [bool()] : []), tlv(0x04, value));

export interface CertSpec {
  /** The subject's public key. */
  key: KeyObject;
  /** The issuer's private key (the CA's, or the subject's own for the CA). */
  issuerKey: KeyObject;
  issuer: string;
  /** A CA (empty: a Fulcio leaf with an empty subject). */
  subject?: string;
  extensions: Buffer[];
  /** Valid from an hour ago for this many hours. */
  hours?: number;
}

/** A DER certificate, signed with ECDSA P-256 / SHA-256. */
export function certificate(spec: CertSpec): Buffer {
  const from = new Date(Date.now() - 3600_000);
  const until = new Date(from.getTime() + (spec.hours ?? 25) * 3600_000);
  const serial = randomBytes(16);
  // A positive INTEGER in DER's minimal form: the top bit clear, the first byte not zero.
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, serial),
    ECDSA_SHA256,
    cn(spec.issuer),
    seq(time(from), time(until)),
    spec.subject !== undefined ? cn(spec.subject) : seq(),
    spec.key.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, seq(...spec.extensions)),
  );
  return seq(tbs, ECDSA_SHA256, bits(0, [...sign('sha256', tbs, spec.issuerKey)]));
}

/** Fulcio's OIDs (sigstore/fulcio docs/oid-info.md). */
export const OID = {
  issuer: '1.3.6.1.4.1.57264.1.1',
  trigger: '1.3.6.1.4.1.57264.1.2',
  sha: '1.3.6.1.4.1.57264.1.3',
  name: '1.3.6.1.4.1.57264.1.4',
  repository: '1.3.6.1.4.1.57264.1.5',
  ref: '1.3.6.1.4.1.57264.1.6',
  issuerV2: '1.3.6.1.4.1.57264.1.8',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  buildTrigger: '1.3.6.1.4.1.57264.1.20',
} as const;

/** The claims of a GitHub Actions run, as Fulcio writes them (v1 raw, v2 DER UTF8String). */
export interface RunClaims {
  trigger?: string;
  sha?: string;
  name?: string;
  repository?: string;
  ref?: string;
  /** Leave out the deprecated v1 extensions (.1.2 to .1.6), as a later Fulcio may. */
  noV1?: boolean;
  /** Leave out the v2 extensions (.1.12 onwards), as an older Fulcio did. */
  noV2?: boolean;
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** Fulcio's extensions of a GitHub Actions run. */
export function runExtensions(c: RunClaims): Buffer[] {
  const raw = (id: string, v: string | undefined) => (v === undefined ? [] : [extension(id, Buffer.from(v))]);
  const der = (id: string, v: string | undefined) => (v === undefined ? [] : [extension(id, utf8(v))]);
  return [
    ...raw(OID.issuer, GITHUB_ISSUER),
    ...der(OID.issuerV2, GITHUB_ISSUER),
    ...(c.noV1
      ? []
      : [
          ...raw(OID.trigger, c.trigger),
          ...raw(OID.sha, c.sha),
          ...raw(OID.name, c.name),
          ...raw(OID.repository, c.repository),
          ...raw(OID.ref, c.ref),
        ]),
    ...(c.noV2
      ? []
      : [
          ...der(OID.sourceRepositoryUri, c.repository && `https://github.com/${c.repository}`),
          ...der(OID.sourceRepositoryDigest, c.sha),
          ...der(OID.sourceRepositoryRef, c.ref),
          ...der(OID.buildTrigger, c.trigger),
        ]),
  ];
}

export interface FulcioCa {
  key: KeyObject;
  cert: Buffer;
  /** The CA in PEM: cosign's --certificate-chain. */
  pem: string;
  /**
   * A leaf for IDENTITY (the SAN URI) with a run's claims, for PUBLIC_KEY (a key cosign signs
   * with, such as the test bed's cosign.pub) or a new key, whose private half comes back.
   */
  leaf(
    identity: string,
    claims: RunClaims,
    publicKey?: KeyObject,
  ): { der: Buffer; pem: string; key?: KeyObject };
}

/** A self-signed CA that issues Fulcio-like leaves. */
export function fulcioCa(name = 'sigstore-test'): FulcioCa {
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const cert = certificate({
    key: ca.publicKey,
    issuerKey: ca.privateKey,
    issuer: name,
    subject: name,
    extensions: [extension('2.5.29.19', seq(bool()), true), extension('2.5.29.15', bits(1, [0x06]), true)],
  });
  return {
    key: ca.privateKey,
    cert,
    pem: pem('CERTIFICATE', cert),
    leaf(identity, claims, publicKey) {
      const k = publicKey ? undefined : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const der = certificate({
        key: publicKey ?? k!.publicKey,
        issuerKey: ca.privateKey,
        issuer: name,
        extensions: [
          extension('2.5.29.15', bits(7, [0x80]), true),
          extension('2.5.29.37', seq(oid('1.3.6.1.5.5.7.3.3'))),
          extension('2.5.29.17', seq(tlv(0x86, Buffer.from(identity))), true),
          ...runExtensions(claims),
        ],
      });
      return { der, pem: pem('CERTIFICATE', der), ...(k && { key: k.privateKey }) };
    },
  };
}
