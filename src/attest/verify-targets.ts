// The platform images a verification checks: every manifest of an index (or the one --platform
// names), or a single-platform image itself, whose config says its platform when one is asked for.
import type { DockerAdapter } from '../docker/adapter.js';
import { InputError } from '../errors.js';
import { parseDigestRef } from './cosign-args.js';

/** What verify reads of an image: its index, and a single image's platform. */
export type ImageReader = Pick<DockerAdapter, 'imagetoolsInspect' | 'imagePlatform'>;

export interface VerifyTarget {
  platform: string;
  ref: string;
  digest: string;
}

/**
 * The platform images behind a reference: every manifest of an index, or the image itself. With
 * ONLY, the one of that platform: an index's entry, or a single-platform image whose config names
 * that platform (read only then).
 */
export async function platformTargets(
  docker: ImageReader,
  ref: string,
  only: string | undefined,
  prefix = 'verify: ',
): Promise<VerifyTarget[]> {
  const { digest } = parseDigestRef(ref, `${prefix}IMAGE@DIGEST`);
  const repository = ref.slice(0, ref.lastIndexOf('@'));
  const index = await docker.imagetoolsInspect(ref);
  const listed = index.platforms
    .filter((p) => p.os !== 'unknown')
    .map((p) => ({
      platform: `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`,
      ref: `${repository}@${p.digest}`,
      digest: p.digest,
    }));
  // An entry without a platform may be what a runtime pulls on any platform: always checked.
  const loose = (index.unplatformed ?? []).map((d) => ({
    platform: `no platform (${d.slice(d.indexOf(':') + 1, d.indexOf(':') + 13)})`,
    ref: `${repository}@${d}`,
    digest: d,
  }));
  if (listed.length === 0 && loose.length === 0) {
    if (only === undefined) return [{ platform: 'image', ref, digest }];
    const platform = await docker.imagePlatform(ref);
    if (platform === only) return [{ platform, ref, digest }];
    throw new InputError(
      `${prefix}${ref} has no ${only} image`,
      `it is a single-platform image${platform === undefined ? ' whose config names no platform' : ` for ${platform}`}`,
    );
  }
  const chosen = only === undefined ? listed : listed.filter((p) => p.platform === only);
  if (only !== undefined && chosen.length === 0)
    throw new InputError(
      `${prefix}${ref} has no ${only} image`,
      `it has: ${[...listed, ...loose].map((p) => p.platform).join(', ')}`,
    );
  return [...chosen, ...loose];
}
