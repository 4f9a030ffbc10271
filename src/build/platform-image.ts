// With BuildKit's attestations (buildx's default provenance, on a builder that can store them: a
// docker-container builder such as docker/setup-buildx-action makes, or the docker driver on the
// containerd image store), a build pushes an index: its image and an attestation manifest
// (unknown/unknown), and containerimage.digest names that index. A merge of such indexes
// (imagetools create) lists the images inside them, which is what a runtime pulls and what verify
// checks: signing the index's digest would vouch for none of them. So a platform's digest is its
// image's, read from the index pushed; the index's is kept (indexDigest) for the merge, which so
// keeps BuildKit's attestation beside each image.
import type { DockerAdapter } from '../docker/adapter.js';
import { INDEX_MEDIA_TYPES, parseImageIndex } from '../docker/buildx.js';
import { splitImageRef } from '../docker/registry.js';
import { EnvironmentError } from '../errors.js';
import { InterruptedError } from '../util/cleanup.js';

/** The pushed object's media type as the exporter reports it (containerimage.descriptor). */
function descriptorMediaType(metadata: Readonly<Record<string, unknown>>): string | undefined {
  const d = metadata['containerimage.descriptor'];
  const mediaType =
    typeof d === 'object' && d !== null ? (d as { mediaType?: unknown }).mediaType : undefined;
  return typeof mediaType === 'string' ? mediaType : undefined;
}

/** Whether an index entry is the image for PLATFORM (`os/arch`, or `os/arch/variant`). */
export const isPlatform = (e: { os: string; architecture: string; variant?: string }, platform: string) =>
  platform === `${e.os}/${e.architecture}` ||
  (e.variant !== undefined && platform === `${e.os}/${e.architecture}/${e.variant}`);

/** A build's push: REPOSITORY@DIGEST of `variant/arch` ID for PLATFORM, as buildx reported it. */
export interface Pushed {
  id: string;
  repository: string;
  platform: string;
  digest: string;
  metadata: Readonly<Record<string, unknown>>;
  builder?: string | undefined;
}

/**
 * The platform image of a push: DIGEST itself where the exporter pushed an image (or said nothing
 * of what it pushed: no BuildKit that stores attestations leaves that out), else the PLATFORM entry
 * of the index it pushed, with the index's digest as indexDigest. A registry that does not answer
 * is exit 3 (the push just worked), as is an index without that platform's image.
 */
export async function pushedPlatformImage(
  docker: Pick<DockerAdapter, 'imagetoolsRaw'>,
  p: Pushed,
): Promise<{ digest: string; indexDigest?: string }> {
  const mediaType = descriptorMediaType(p.metadata);
  if (mediaType === undefined || !INDEX_MEDIA_TYPES.has(mediaType)) return { digest: p.digest };
  const ref = `${p.repository}@${p.digest}`;
  const fix = `check that the registry ${splitImageRef(ref).host} answers reads with this engine's login (docker buildx imagetools inspect --raw ${ref}), then run the build again`;
  const raw = await docker
    .imagetoolsRaw(ref, p.builder !== undefined ? { builder: p.builder } : undefined)
    .catch((e: unknown) => {
      if (e instanceof InterruptedError) throw e;
      const given = e instanceof EnvironmentError ? e.fix : undefined;
      throw new EnvironmentError(
        `build ${p.id}: reading the index it pushed (${ref}) for its ${p.platform} image: ${(e as Error).message}`,
        given ?? fix,
        { cause: e },
      );
    });
  const entries = parseImageIndex(raw).platforms.filter((e) => isPlatform(e, p.platform));
  if (entries.length !== 1)
    throw new EnvironmentError(
      `build ${p.id}: the index it pushed (${ref}) lists ${entries.length === 0 ? 'no' : `${entries.length}`} ${p.platform} image${entries.length === 1 ? '' : 's'}, so which image it built cannot be told`,
      fix,
    );
  return { digest: entries[0]!.digest, indexDigest: p.digest };
}
