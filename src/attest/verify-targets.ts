// The platform images a verification checks: every manifest of an index (or the one --platform
// names), or a single-platform image itself, whose config says its platform when one is asked for.
import { normalizePlatform } from '../config/platform.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { isAttestationEntry } from '../docker/oci-types.js';
import { parseDigestRef } from '../oci/ref.js';
import { printable } from '../util/text.js';

/** What verify reads of an image: its index, and a single image's platform. */
export type ImageReader = Pick<DockerAdapter, 'imagetoolsInspect' | 'imagePlatform'>;

export { normalizePlatform } from '../config/platform.js';

/** The normalized architecture of a platform (amd64 of x86_64, linux/amd64/v3, unknown/amd64). */
const archOf = (platform: string): string => normalizePlatform(platform).split('/')[1] ?? '';

/**
 * Whether a runtime asking for WANTED (normalized) may pull an index entry for PLATFORM: the same
 * platform once normalized, or one without an OS (the runtime's own OS, whatever it is).
 */
function mayPull(platform: string, wanted: string): boolean {
  const have = normalizePlatform(platform);
  if (have === wanted) return true;
  return have.startsWith('/') && wanted.slice(wanted.indexOf('/')) === have;
}

/**
 * Whether an image the registry lists as LISTED (an index entry's platform, an image config's) is
 * one signed as built for SIGNED: the same platform once normalized (an entry without an OS is
 * one for any OS). verify-platform.ts.
 */
export function samePlatform(listed: string, signed: string): boolean {
  return mayPull(listed, normalizePlatform(signed));
}

export interface VerifyTarget {
  /**
   * Built of what the registry holds (an index's os, architecture and variant, an image config's,
   * a digest), made printable (util/text.ts) for the terminal, the job summary and --json: whoever
   * pushed the index cannot rewrite a line of the output.
   */
  platform: string;
  ref: string;
  digest: string;
  /**
   * Set when `platform` is what the registry says the image is for (an index entry's platform, an
   * image config's), none of it signed: verify holds it against the platform the signed
   * attestations name (verify-platform.ts). Unset for an entry that names no platform and for an
   * image checked without --platform (its `platform` is only "image").
   */
  listed?: true;
  /**
   * Set when the index lists this entry as an index itself (a nested index): containerd walks into
   * it and pulls an image it lists, which no signature on the entry's own digest vouches for.
   */
  index?: true;
}

/** The platform images to check, and why the one --platform names is not among them. */
interface PlatformTargets {
  targets: VerifyTarget[];
  /** --platform's image is not there: what is (a failed check, not bad input: the registry told). */
  missing?: string;
}

/**
 * The platform images behind a reference: every manifest of an index, or the image itself. With
 * ONLY, the one of that platform: an index's entry, or a single-platform image whose config names
 * that platform (read only then); when there is none, `missing` says what there is. A tag before
 * the digest is dropped: the digest decides, and every target is REPOSITORY@DIGEST.
 */
export async function platformTargets(
  docker: ImageReader,
  ref: string,
  only: string | undefined,
  prefix = 'verify: ',
): Promise<PlatformTargets> {
  const { ref: pinned, digest } = parseDigestRef(ref, { field: `${prefix}IMAGE@DIGEST` });
  const repository = pinned.slice(0, pinned.lastIndexOf('@'));
  const index = await docker.imagetoolsInspect(pinned);
  // An entry that is an index itself is marked: verify fails it (verify.ts), whatever is signed.
  const nested = new Set(index.indexEntries ?? []);
  const mark = (d: string) => (nested.has(d) ? { index: true as const } : {});
  // Every entry but BuildKit's attestation manifests (unknown/unknown): one with an unknown OS and
  // a real architecture is what Enroot pulls on a node of that architecture when it comes first.
  const listed = index.platforms
    .filter((p) => !isAttestationEntry(p))
    .map((p) => ({
      platform: printable(`${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`),
      ref: `${repository}@${p.digest}`,
      digest: p.digest,
      listed: true as const,
      ...mark(p.digest),
    }));
  // An entry without a platform may be what a runtime pulls on any platform: always checked.
  const loose = (index.unplatformed ?? []).map((d) => ({
    platform: printable(`no platform (${d.slice(d.indexOf(':') + 1, d.indexOf(':') + 13)})`),
    ref: `${repository}@${d}`,
    digest: d,
    ...mark(d),
  }));
  const wanted = only === undefined ? undefined : normalizePlatform(only);
  if (listed.length === 0 && loose.length === 0) {
    if (only === undefined) return { targets: [{ platform: 'image', ref: pinned, digest }] };
    const read = await docker.imagePlatform(pinned);
    const platform = read === undefined ? undefined : printable(read);
    if (platform !== undefined && mayPull(platform, wanted!))
      return { targets: [{ platform, ref: pinned, digest, listed: true }] };
    return {
      targets: [],
      missing:
        platform === undefined
          ? 'not in the image: it names no platform (an index without platform images, or an image whose config names none); check it without a platform'
          : `not in the image: it is a single-platform image for ${platform}; check it without a platform, or check the digest of the ${only} image`,
    };
  }
  // Every entry a runtime asking for ONLY may pull, however the index spells its platform
  // (x86_64, aarch64, arm64/v8, no OS): checked, so an unsigned one spelled otherwise cannot pass.
  // And every entry of its architecture whatever its OS and variant: Enroot (Slurm's Pyxis) pulls
  // the first entry whose architecture is the node's.
  const chosen =
    only === undefined
      ? listed
      : listed.filter((p) => mayPull(p.platform, wanted!) || archOf(p.platform) === archOf(wanted!));
  const targets = [...chosen, ...loose];
  if (only === undefined || chosen.length > 0) return { targets };
  // The entries without a platform are checked all the same: a runtime may pull one.
  const has = [...listed, ...loose].map((p) => p.platform).join(', ');
  return { targets, missing: `not in the index (it has: ${has})` };
}
