// References by digest of one platform's image: REPOSITORY@DIGEST of a reference, and the
// platform's own manifest of an index (a manifest list). Pure.
import { isDigest } from '../oci/ref.js';
import type { ImageIndex } from './adapter.js';

/** REPOSITORY@DIGEST of a reference (any tag or digest it had replaced): pure. */
export function pinnedRef(image: string, digest: string): string {
  const name = image.includes('@') ? image.slice(0, image.indexOf('@')) : image;
  const colon = name.lastIndexOf(':');
  return `${colon > name.lastIndexOf('/') ? name.slice(0, colon) : name}@${digest}`;
}

/**
 * The platform's own manifest of a multi-platform DIGEST (an index), when the registry lists it;
 * undefined for a single-platform image (DIGEST is then the platform's). Pure.
 */
export function platformManifest(index: ImageIndex, platform: string): string | undefined {
  const [os, architecture, variant] = platform.split('/');
  const matches = index.platforms.filter(
    (p) => p.os === os && p.architecture === architecture && (variant === undefined || p.variant === variant),
  );
  return matches.find((p) => isDigest(p.digest))?.digest;
}
