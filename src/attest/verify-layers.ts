// What a check of a `.att` tag found missing, confirmed from the registry. cosign leaves out a
// layer whose blob it cannot read (a registry's 5xx, a 404 for a blob the manifest lists) and then
// says that none of the attestations matched the type, as it says of an image never attested:
// our SBOM envelope is no descriptor's embedded `data` (it is over EMBED_BLOB_MAX), so a registry
// failing to serve that one blob read as "no SBOM attestation" (exit 1). Where a check says an
// attestation of a type is missing, its layer (the `predicateType` annotation cosign and the
// built-in signer write) is looked for in the tag and its blob read: a blob the registry does not
// serve is exit 3 naming the registry; one that is not the size its layer declares, or more than
// one registry answer may hold, leaves the check's "missing" as it is, noting that layer (cosign
// leaves it out too: a junk layer pushed by someone without the key must not hide the other
// checks' lines); no such layer, or one read whole (the check failed for another reason), leaves
// the "missing" as it is. One round more (the manifest, then those blobs), on that failure path
// only.
import type { OciClient } from '../docker/oci-client.js';
import { EnvironmentError } from '../errors.js';
import { mapLimit } from '../util/map-limit.js';
import type { Signer, Statement, Verification } from './cosign.js';
import {
  cosignTag,
  DSSE_MEDIA_TYPE,
  embeddedBlob,
  predicateTypeUri,
  READ_AT_ONCE,
  readLayers,
  splitRef,
} from './cosign-image.js';
import { ACCEPT } from './cosign-push.js';
import { checkedBlob, leftOut, readableLayers } from './read-limits.js';

/**
 * Resolves when the check's "missing" stands: with a note (read-limits.ts leftOut) of REF's `.att`
 * layers of TYPE that are not the size they declare, else ''; rejects with an EnvironmentError
 * (exit 3) when the registry does not serve one.
 */
export type AttestationProbe = (ref: string, type: string) => Promise<string>;

/** The probe over the registry client; each tag's manifest is read once (one verify's probes). */
export function registryAttestations(client: (host: string) => OciClient): AttestationProbe {
  const manifests = new Map<string, ReturnType<OciClient['manifest']>>();
  return async (ref, type) => {
    const { host, repository, digest } = splitRef(ref);
    const c = client(host);
    const tag = cosignTag(digest, 'att');
    const id = `${host}/${repository}:${tag}`;
    let m = manifests.get(id);
    if (!m) manifests.set(id, (m = c.manifest(repository, tag, ACCEPT)));
    const uri = predicateTypeUri(type);
    const ofType = readLayers(await m).filter(
      (l) => l.mediaType === DSSE_MEDIA_TYPE && l.annotations?.predicateType === uri,
    );
    // An embedded blob came with the manifest: cosign had it, and left it out for another reason.
    const fetched = readableLayers(
      ofType.filter((l) => embeddedBlob(l) === undefined),
      host,
      `${repository}:${tag}`,
      'attestation',
    );
    try {
      const blobs = await mapLimit(fetched, READ_AT_ONCE, (l) => checkedBlob(c, repository, tag, l));
      return leftOut(blobs.filter((b): b is string => typeof b === 'string'));
    } catch (e) {
      if (!(e instanceof EnvironmentError)) throw e;
      throw new EnvironmentError(
        `the ${type} attestation of ${ref}: ${repository}:${tag} lists its layer, whose blob the registry does not serve (so the check found none): ${e.message}`,
        e.fix ?? 'check the registry and any proxy in between',
        { cause: e },
      );
    }
  };
}

type Checks = Pick<Signer, 'verify' | 'verifyAttestations'>;

/** SIGNER's checks, where an attestation found missing is confirmed with PROBE (when given). */
export function confirmingChecks(signer: Checks, probe?: AttestationProbe): Checks {
  if (!probe) return signer;
  return {
    verify: (ref, identity, o) => signer.verify(ref, identity, o),
    verifyAttestations: async (ref, type, identity, o): Promise<Verification<Statement>> => {
      const v = await signer.verifyAttestations(ref, type, identity, o);
      if (v.ok || v.failure.reason !== 'missing') return v;
      const note = await probe(ref, type);
      return note ? { ok: false, failure: { ...v.failure, message: `${v.failure.message}${note}` } } : v;
    },
  };
}
