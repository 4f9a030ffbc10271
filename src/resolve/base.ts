// The base image a resolution runs in, pinned before its container starts: what is cached under a
// digest (the snapshot, pip's cache volume) must come from that digest. A tag can name one image
// locally and another in the registry (a stale pull, a local build under the same name), so when
// the registry knows the image the container runs REPOSITORY@DIGEST, and else the local image id.
import type { DockerAdapter } from '../docker/adapter.js';
import { isDigest } from '../oci/ref.js';

export interface PinnedBase {
  /** What the container runs: REPOSITORY@DIGEST, the local image id, or the reference as given. */
  ref: string;
  /** The registry digest (the snapshot cache's key), when the registry knows the image. */
  digest?: string;
  /** What pip's cache volume is bound to: the digest, else the local image id. */
  key?: string;
}

/** REPOSITORY@DIGEST of a reference (any tag or digest it had replaced): pure. */
export function pinnedRef(image: string, digest: string): string {
  const name = image.includes('@') ? image.slice(0, image.indexOf('@')) : image;
  const colon = name.lastIndexOf(':');
  return `${colon > name.lastIndexOf('/') ? name.slice(0, colon) : name}@${digest}`;
}

/**
 * The base pinned as far as it is needed: the registry digest when a cache is keyed by it, the
 * local image id when only a volume needs a key. A lookup that fails leaves the reference as given
 * (nothing is cached under it then): starting the container reports a missing image itself.
 */
export async function pinBase(
  docker: DockerAdapter,
  base: { image: string; platform: string },
  need: { digest: boolean; key: boolean },
): Promise<PinnedBase> {
  if (!need.digest && !need.key) return { ref: base.image };
  const digest = await docker.imageDigest(base.image).catch(() => undefined);
  if (isDigest(digest)) return { ref: pinnedRef(base.image, digest), digest, key: digest };
  if (!need.key) return { ref: base.image };
  const id = await docker
    .inspectImage(base.image, base.platform)
    .then((d) => d.id)
    .catch(() => undefined);
  return id !== undefined && isDigest(id) ? { ref: id, key: id } : { ref: base.image };
}
