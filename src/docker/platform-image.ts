// The platform's own image of a reference by an index digest (REPOSITORY@sha256:<manifest list>).
// dockerd's classic image store keeps one local image under REPOSITORY@DIGEST, the platform it was
// first pulled for: a run of it for another platform is refused ("Cannot overwrite digest"), and a
// run without a platform takes whichever platform is local, not the engine's own. `ml-image capture`
// and `ml-image smoke` run REPOSITORY@<the platform's manifest> instead, as the smoke stage and the
// resolver do: the one asked for, else the engine's own when the index lists it. The index is read
// through the adapter (the registry over HTTP, else buildx); pure but for that read.
import { InputError } from '../errors.js';
import { isDigest, refDigest } from '../oci/ref.js';
import { InterruptedError, untilInterrupted } from '../util/cleanup.js';
import type { DockerAdapter, ImageIndex } from './adapter.js';

/** REPOSITORY@DIGEST of a reference (any tag or digest it had replaced): pure. */
export function pinnedRef(image: string, digest: string): string {
  const name = image.includes('@') ? image.slice(0, image.indexOf('@')) : image;
  const colon = name.lastIndexOf(':');
  return `${colon > name.lastIndexOf('/') ? name.slice(0, colon) : name}@${digest}`;
}

/**
 * The platform's own manifest of a multi-platform DIGEST (an index), when the registry lists it;
 * undefined for a single-platform image (DIGEST is then the platform's). Asked without a variant,
 * the entry without one (arm64's v8 counts as none), as the engine picks: an amd64/v3 image listed
 * first would not run on a CPU without those instructions; none such, undefined (the engine
 * chooses). An entry that is an index itself is never the platform's manifest. Pure.
 */
export function platformManifest(index: ImageIndex, platform: string): string | undefined {
  const [os, architecture, variant] = platform.split('/');
  const nested = new Set(index.indexEntries ?? []);
  const matches = index.platforms.filter(
    (p) => p.os === os && p.architecture === architecture && isDigest(p.digest) && !nested.has(p.digest),
  );
  const plain = (p: ImageIndex['platforms'][number]) =>
    p.variant === undefined || (architecture === 'arm64' && p.variant === 'v8');
  return matches.find((p) => (variant === undefined ? plain(p) : p.variant === variant))?.digest;
}

/** The image to run for a reference by digest, and the platform its index gave it for. */
interface PlatformImage {
  /** REPOSITORY@<the platform's manifest> when the reference names an index, else the reference. */
  image: string;
  /** The platform `image` is the manifest of (set only when it replaced an index digest). */
  platform?: string;
}

/** `os/arch[/variant]` of each entry of INDEX, for messages. */
const listed = (index: ImageIndex): string =>
  index.platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`).join(', ');

/**
 * What runs of IMAGE (a reference by an index digest whose INDEX was read) for PLATFORM, or for the
 * engine's platform (HOST) when none is asked: that entry's manifest by digest. A PLATFORM the index
 * lacks is exit 2, naming those it lists; the engine's platform missing, IMAGE is left to the engine
 * (it picks one, or says it has none). A single-platform manifest is IMAGE itself. Pure.
 */
export function platformImageOf(
  image: string,
  index: ImageIndex,
  platform: string | undefined,
  host: string,
): PlatformImage {
  if (index.platforms.length === 0) return { image };
  const wanted = platform ?? host;
  const digest = platformManifest(index, wanted);
  if (digest !== undefined) return { image: pinnedRef(image, digest), platform: wanted };
  // None to pin (only an amd64/v3 entry, a nested index): the engine chooses among them.
  const [os, architecture] = wanted.split('/');
  const listsIt = index.platforms.some((p) => p.os === os && p.architecture === architecture);
  if (platform === undefined || listsIt) return { image };
  throw new InputError(
    `image ${image} has no variant for ${platform}: its index lists ${listed(index)}`,
    'use an image that has one, or another platform (--platform)',
  );
}

/** How long the index read may take before the image runs as given (the engine then pulls it). */
const INDEX_READ_MS = 30_000;

/**
 * The index digest IMAGE ends in (REPOSITORY[:TAG]@sha256:...), else undefined: pure. Unlike
 * refDigest, a bare @sha256:... (nothing before the "@") names no image here: it runs as given.
 */
function digestOf(image: string): string | undefined {
  const digest = refDigest(image);
  return digest !== undefined && image.length > digest.length + 1 ? digest : undefined;
}

/**
 * The image capture and smoke run for IMAGE and PLATFORM (platformImageOf): a reference by digest
 * has its manifest read; one by tag or image ID, an index that cannot be read (no registry, an
 * image only local) and a single-platform manifest run as given, as before. HOST: the engine's
 * platform, asked only when no platform is given and IMAGE is an index.
 */
export async function platformImage(
  docker: Pick<DockerAdapter, 'imagetoolsInspect'>,
  image: string,
  platform: string | undefined,
  host: () => Promise<string>,
): Promise<PlatformImage> {
  if (digestOf(image) === undefined) return { image };
  const index = await docker
    // Its own limit, and SIGINT/SIGTERM: the read under way stops at once, as the interrupt's error.
    .imagetoolsInspect(image, { signal: untilInterrupted(AbortSignal.timeout(INDEX_READ_MS)) })
    .catch((e: unknown) => {
      if (e instanceof InterruptedError) throw e;
      return undefined;
    });
  if (index === undefined || index.platforms.length === 0) return { image };
  return platformImageOf(image, index, platform, platform ?? (await host()));
}
