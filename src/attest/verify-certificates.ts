// The certificates of a platform image's keyless signatures and attestations, read from the
// registry when cosign refused one for a pinned workflow claim: the check then says what the
// certificate holds (src/attest/workflow-claims.ts). cosign keeps each certificate in an
// annotation of its layer in the `sha256-<hex>.sig` / `.att` tag. Nothing here decides a check.
import type { OciClient } from '../docker/oci-client.js';
import type { VerifyIdentity } from './cosign-args.js';
import { cosignTag, readLayers, splitRef } from './cosign-image.js';
import { ACCEPT } from './cosign-push.js';
import { defaultClient, nativeReaches, type VerifyTransport } from './signers.js';
import { pinnedClaims } from './workflow-claims.js';

/** The PEM certificates of REF's keyless signatures (`sig`) or attestations (`att`). */
export type CertificateReader = (ref: string, tag: 'sig' | 'att') => Promise<string[]>;

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
 * The reader `ml-image verify` and its sub-action use: for a keyless identity that pins a workflow
 * claim, over the built-in registry client where it reaches REF's registry as docker would (not
 * through a proxy, not with an identity token: then none, and a failed check says less); its
 * requests go over TRANSPORT's fetch (default node:http) and end at its signal (the deadline).
 */
export function certificateReaderFor(
  env: Readonly<Record<string, string | undefined>>,
  ref: string,
  identity: VerifyIdentity,
  transport: VerifyTransport = {},
): CertificateReader | undefined {
  if (identity.kind !== 'keyless' || pinnedClaims(identity).length === 0 || !nativeReaches(ref, env))
    return undefined;
  return registryCertificates(defaultClient(env, transport.fetch, transport.signal));
}
