// The certificates of a platform image's keyless signatures and attestations, read from the
// registry when cosign refused one for a pinned workflow claim: the check then says what the
// certificate holds (src/attest/workflow-claims.ts). cosign keeps each certificate in an
// annotation of its layer in the `sha256-<hex>.sig` / `.att` tag. The same reader confirms, over
// the same client, an attestation a check found missing (verify-layers.ts): these reads come only
// after a check failed. Nothing here decides a check.
import type { OciClient } from '../docker/oci-client.js';
import { defaultClient } from '../docker/registry-client.js';
import type { VerifyIdentity } from './cosign-args.js';
import { cosignTag, readLayers, splitRef } from './cosign-image.js';
import { ACCEPT } from './cosign-push.js';
import { nativeReaches, type VerifyTransport } from './signers.js';
import { type AttestationProbe, registryAttestations } from './verify-layers.js';
import { pinnedClaims } from './workflow-claims.js';

/**
 * The PEM certificates of REF's keyless signatures (`sig`) or attestations (`att`); `attestations`
 * (where the reader has one) confirms an attestation a check found missing.
 */
export type CertificateReader = ((ref: string, tag: 'sig' | 'att') => Promise<string[]>) & {
  readonly attestations?: AttestationProbe;
};

/** Where cosign keeps a keyless signature's certificate: an annotation of its layer. */
export const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';

/** The certificates on the `.sig` / `.att` tag of REF, over the registry client. */
export function registryCertificates(client: (host: string) => OciClient): CertificateReader {
  return async (ref, tag) => {
    const { host, repository, digest } = splitRef(ref);
    const m = await client(host).manifest(repository, cosignTag(digest, tag), ACCEPT);
    return readLayers(m)
      .map((l) => l.annotations?.[CERTIFICATE_ANNOTATION])
      .filter((c): c is string => typeof c === 'string' && c.includes('-----BEGIN CERTIFICATE-----'));
  };
}

/**
 * The reader `ml-image verify` and its sub-action use, over the built-in registry client where it
 * reaches REF's registry as docker would (not through a proxy, not with an identity token: then
 * none, a failed check says less and cosign's "missing" stands unconfirmed); its requests go over
 * TRANSPORT's fetch (default node:http) and end at its signal (the deadline). Certificates only for
 * a keyless identity that pins a workflow claim (none otherwise); the attestation probe for every
 * identity. Docker's config is read when a check first failed, not before.
 */
export function certificateReaderFor(
  env: Readonly<Record<string, string | undefined>>,
  ref: string,
  identity: VerifyIdentity,
  transport: VerifyTransport = {},
): CertificateReader {
  let reader: { certificates: CertificateReader; attestations: AttestationProbe } | null | undefined;
  const registry = () => {
    if (reader === undefined) {
      const client = nativeReaches(ref, env)
        ? defaultClient(env, transport.fetch, transport.signal)
        : undefined;
      reader = client
        ? { certificates: registryCertificates(client), attestations: registryAttestations(client) }
        : null;
    }
    return reader;
  };
  const pins = identity.kind === 'keyless' && pinnedClaims(identity).length > 0;
  const certificates = async (r: string, tag: 'sig' | 'att') =>
    pins ? (registry()?.certificates(r, tag) ?? []) : [];
  const attestations: AttestationProbe = async (r, type) => (await registry()?.attestations(r, type)) ?? '';
  return Object.assign(certificates, { attestations });
}
