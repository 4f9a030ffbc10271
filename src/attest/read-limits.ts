// Reading the layers of a `.sig` / `.att` image and their blobs, within limits. Whoever may push to
// the repository writes those tags: without limits, a manifest listing hundreds of large layers
// would have verify download them all at once, each up to the transport's per-answer limit, and
// run out of memory. Past a limit the answer is refused as one too large is (exit 3), before any
// blob is read; a blob read must be the size its layer declares; a few are read at a time. For a
// check, a layer whose blob cannot be read as declared (another size, or more than one answer
// holds) is left out, as cosign leaves out a layer it cannot read and verifies the others: one
// junk layer pushed by someone without the key does not fail the image's good signatures.
import { ANSWER_TOO_LARGE, type OciClient } from '../docker/oci-client.js';
import { EnvironmentError } from '../errors.js';
import { mapLimit } from '../util/map-limit.js';
import { embeddedBlob, type Layer, READ_AT_ONCE, readLayers } from './cosign-image.js';
import { ACCEPT } from './cosign-push.js';

/** Layers of one kind read from one image at most: cosign's own limit (maxAllowedSigsOrAtts). */
export const MAX_READ_LAYERS = 100;
/** Their declared sizes together at most (a signature is a few hundred bytes, an SBOM some MiB). */
const MAX_READ_BYTES = 256 * 1024 * 1024;

const FIX =
  'check the registry and any proxy in between: cosign itself refuses an image with more than 100 signatures or attestations; remove the tag (or its extra layers) and sign or attest again';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A size a layer may declare: a whole number of bytes, not negative. */
const validSize = (size: number) => Number.isSafeInteger(size) && size >= 0;

type LayerKind = 'signature' | 'attestation';

/**
 * LAYERS (of KIND) of IMAGE at HOST, when reading their blobs stays within MAX_READ_LAYERS and
 * MAX_READ_BYTES; otherwise an EnvironmentError saying which.
 */
export function readableLayers<L extends Pick<Layer, 'size'>>(
  layers: readonly L[],
  host: string,
  image: string,
  kind: LayerKind,
): readonly L[] {
  if (layers.length > MAX_READ_LAYERS)
    throw new EnvironmentError(
      `registry ${host}: ${image} lists ${layers.length} ${kind} layers, more than are ever read (${MAX_READ_LAYERS})`,
      FIX,
    );
  const invalid = layers.find((l) => !validSize(l.size));
  if (invalid)
    throw new EnvironmentError(
      `registry ${host}: ${image} lists a ${kind} layer of size ${String(invalid.size)}, not a number of bytes`,
      FIX,
    );
  const total = layers.reduce((n, l) => n + l.size, 0);
  if (total > MAX_READ_BYTES)
    throw new EnvironmentError(
      `registry ${host}: the ${kind} layers of ${image} declare ${mib(total)}, more than is ever read (${mib(MAX_READ_BYTES)})`,
      FIX,
    );
  return layers;
}

/** Whether E (or what caused it) is an answer over the transport's size limit. */
function tooLarge(e: unknown): boolean {
  let c: unknown = e;
  for (let depth = 0; depth < 5 && typeof c === 'object' && c !== null; depth++) {
    if ((c as { code?: unknown }).code === ANSWER_TOO_LARGE) return true;
    c = (c as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A layer's blob: embedded in its descriptor (checked), else read from the registry, where it must
 * be the size the layer of TAG declares; otherwise (a string) why it is not. The registry served
 * the very blob (the client checks its digest), so another size is the manifest's.
 */
async function readBlob(
  client: OciClient,
  repository: string,
  tag: string,
  l: Layer,
): Promise<Buffer | string> {
  const embedded = embeddedBlob(l);
  if (embedded) return embedded;
  // No more than it declares is read: a registry serving more is refused as the bytes come.
  const blob = await client.blob(repository, l.digest, l.size);
  if (blob.length === l.size) return blob;
  return `registry ${client.host}: the blob ${l.digest} is ${blob.length} bytes where ${repository}:${tag} declares ${l.size}`;
}

/**
 * A layer's blob (readBlob) for the attest stage, which extends the tag: one that is not the size
 * its layer declares is exit 3 (a check leaves such a layer out instead: readTagLayers).
 */
export async function blobOf(client: OciClient, repository: string, tag: string, l: Layer): Promise<Buffer> {
  const blob = await readBlob(client, repository, tag, l);
  if (typeof blob !== 'string') return blob;
  throw new EnvironmentError(
    blob,
    'check the registry and any proxy in between: the manifest does not describe its blob',
  );
}

/**
 * A layer's blob for a check (readBlob), or (a string) why it is left out, as cosign leaves it out:
 * not the size its layer declares, or more than one registry answer may hold. A registry that
 * does not serve it is still an EnvironmentError (exit 3).
 */
export async function checkedBlob(
  client: OciClient,
  repository: string,
  tag: string,
  l: Layer,
): Promise<Buffer | string> {
  try {
    return await readBlob(client, repository, tag, l);
  } catch (e) {
    if (tooLarge(e)) return (e as Error).message;
    throw e;
  }
}

/** What a check read of a tag: the layers with their blobs, and why any other was left out. */
export interface TagLayers {
  read: { layer: Layer; blob: Buffer }[];
  /** Layers that cannot be read as declared, each as why (cosign leaves them out too). */
  unread: string[];
}

/** A failed check's note of the layers it left out (TagLayers.unread), when there are any. */
export function leftOut(unread: readonly string[]): string {
  if (unread.length === 0) return '';
  const more = unread.length > 1 ? ` and ${unread.length - 1} more` : '';
  return `; left out, as cosign does, a layer it cannot read: ${unread[0]}${more}`;
}

/**
 * The layers of MEDIA_TYPE (of KIND) in TAG with their blobs (none: no tag), within the limits,
 * READ_AT_ONCE at a time, for a check: a layer whose blob is not the size it declares, or more than
 * an answer may hold, is left out (noted in unread), as cosign leaves it out; the KNOWN blob is not
 * downloaded. A registry that does not serve a blob is still exit 3.
 */
export async function readTagLayers(
  client: OciClient,
  repository: string,
  tag: string,
  mediaType: string,
  kind: LayerKind,
  known?: { digest: string; bytes: Buffer },
): Promise<TagLayers> {
  const m = await client.manifest(repository, tag, ACCEPT);
  const layers = readLayers(m).filter((l) => l.mediaType === mediaType);
  readableLayers(layers, client.host, `${repository}:${tag}`, kind);
  const blobs = await mapLimit(layers, READ_AT_ONCE, async (layer) => {
    // Content-addressed: a blob whose digest is known needs no download.
    if (layer.digest === known?.digest) return known.bytes;
    return checkedBlob(client, repository, tag, layer);
  });
  const out: TagLayers = { read: [], unread: [] };
  blobs.forEach((blob, i) => {
    if (typeof blob === 'string') out.unread.push(blob);
    else out.read.push({ layer: layers[i]!, blob });
  });
  return out;
}
