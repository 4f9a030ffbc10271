// The platform images a verification checks: every manifest of an index (or the one --platform
// names), or a single-platform image itself, whose config says its platform when one is asked for.
import type { DockerAdapter } from '../docker/adapter.js';
import { InputError } from '../errors.js';
import { parseDigestRef } from '../oci/ref.js';

/** What verify reads of an image: its index, and a single image's platform. */
export type ImageReader = Pick<DockerAdapter, 'imagetoolsInspect' | 'imagePlatform'>;

/**
 * A platform as containerd compares them: arm64's v8, amd64's v1 and 386's absent variant are the
 * default ones (linux/arm64/v8 is linux/arm64), and arm without one is arm/v7.
 */
export function normalizePlatform(platform: string): string {
  const [os = '', arch = '', variant] = platform.toLowerCase().split('/');
  if (arch === 'arm64' && (variant === 'v8' || variant === undefined)) return `${os}/arm64`;
  if (arch === 'amd64' && (variant === 'v1' || variant === undefined)) return `${os}/amd64`;
  if (arch === 'arm' && variant === undefined) return `${os}/arm/v7`;
  return variant === undefined ? `${os}/${arch}` : `${os}/${arch}/${variant}`;
}

export interface VerifyTarget {
  platform: string;
  ref: string;
  digest: string;
}

/**
 * The platform images behind a reference: every manifest of an index, or the image itself. With
 * ONLY, the one of that platform: an index's entry, or a single-platform image whose config names
 * that platform (read only then). A tag before the digest is dropped: the digest decides, and
 * every target is REPOSITORY@DIGEST.
 */
export async function platformTargets(
  docker: ImageReader,
  ref: string,
  only: string | undefined,
  prefix = 'verify: ',
): Promise<VerifyTarget[]> {
  const { ref: pinned, digest } = parseDigestRef(ref, { field: `${prefix}IMAGE@DIGEST` });
  const repository = pinned.slice(0, pinned.lastIndexOf('@'));
  const index = await docker.imagetoolsInspect(pinned);
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
  const wanted = only === undefined ? undefined : normalizePlatform(only);
  if (listed.length === 0 && loose.length === 0) {
    if (only === undefined) return [{ platform: 'image', ref: pinned, digest }];
    const platform = await docker.imagePlatform(pinned);
    if (platform !== undefined && normalizePlatform(platform) === wanted)
      return [{ platform, ref: pinned, digest }];
    throw new InputError(
      `${prefix}${ref} has no ${only} image`,
      platform === undefined
        ? 'it names no platform (an index without platform images, or an image whose config names none): check it without a platform'
        : `it is a single-platform image for ${platform}: check it without a platform, or check the digest of the ${only} image`,
    );
  }
  const chosen = only === undefined ? listed : listed.filter((p) => normalizePlatform(p.platform) === wanted);
  if (only !== undefined && chosen.length === 0)
    throw new InputError(
      `${prefix}${ref} has no ${only} image`,
      `it has: ${[...listed, ...loose].map((p) => p.platform).join(', ')}: ask for one of these, or for none`,
    );
  return [...chosen, ...loose];
}
