// What verify reads of an image over the registry client (the built-in verifier's path): an index's
// platform manifests and a single image's platform, as `buildx imagetools inspect` would, and, for
// an image the registry does not have, whether the repository or the digest is unknown.
import { configPlatform, parseImageIndex } from '../docker/buildx.js';
import type { OciClient } from '../docker/oci-types.js';
import { MANIFEST_MEDIA_TYPES, splitImageRef } from '../docker/registry.js';
import { CheckFailedError } from '../errors.js';
import type { ImageReader } from './verify-targets.js';

/**
 * The failed check (exit 1, as through buildx) of REF, which the registry CLIENT answered it does
 * not have: the repository when the registry says it has none (its tag list: NAME_UNKNOWN, which
 * registry:2 does not say of a manifest; distribution says it too of a repository with no tag, as
 * one pushed by digest only, so the message says both), else the digest.
 */
async function missingImage(client: OciClient, ref: string): Promise<CheckFailedError> {
  const { host, repository } = splitImageRef(ref);
  const known = await client.hasRepository?.(repository).catch(() => undefined);
  if (known === false)
    return new CheckFailedError(
      `registry ${host} has no image ${ref}, and knows no repository ${repository} or none with a tag in it (its tag list answered NAME_UNKNOWN)`,
      'check the repository name (before "@"): it is the one the build pushed to (build.json); in a repository pushed by digest only (no tags), check the digest',
    );
  return new CheckFailedError(
    `registry ${host} has no image ${ref}${known === true ? ' (its repository is there)' : ''}`,
    'check the digest: it is the one the build reported (build.json)',
  );
}

/** `imagetools inspect` over the registry client: the platform manifests of an index, no buildx. */
export function registryInspector(client: (host: string) => OciClient): ImageReader {
  // The manifest of a ref, read once (imagePlatform reads the one imagetoolsInspect did).
  const manifests = new Map<string, ReturnType<OciClient['manifest']>>();
  const manifestOf = (ref: string) => {
    const { host, repository, reference } = splitImageRef(ref);
    let m = manifests.get(ref);
    if (!m) {
      m = client(host).manifest(repository, reference, MANIFEST_MEDIA_TYPES);
      manifests.set(ref, m);
      m.catch(() => manifests.delete(ref));
    }
    return m;
  };
  return {
    async imagetoolsInspect(ref) {
      const m = await manifestOf(ref);
      // A registry that answers, without that image: a failed check (exit 1), as through buildx.
      if (!m) throw await missingImage(client(splitImageRef(ref).host), ref);
      return parseImageIndex(m.bytes.toString('utf8'));
    },
    async imagePlatform(ref) {
      const { host, repository } = splitImageRef(ref);
      const m = await manifestOf(ref);
      const config = (JSON.parse(m?.bytes.toString('utf8') ?? '{}') as { config?: { digest?: unknown } })
        .config;
      if (typeof config?.digest !== 'string') return undefined; // an index, or no image
      return configPlatform((await client(host).blob(repository, config.digest)).toString('utf8'));
    },
  };
}
