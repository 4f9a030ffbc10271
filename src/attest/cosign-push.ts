// Writing one of cosign's images (a `.sig` or `.att` tag) to a registry for the built-in signer:
// the tag read, the uploads, the manifest, in three rounds.
import { type OciClient, RegistryAnswerError, sha256Digest } from '../docker/oci-client.js';
import { cosignImage, DOCKER_MANIFEST, type Layer, OCI_MANIFEST, readLayers } from './cosign-image.js';

/** What a cosign tag is read as. */
export const ACCEPT = [OCI_MANIFEST, DOCKER_MANIFEST];

/** How a registry refuses a manifest it cannot take (MANIFEST_INVALID, too large, unsupported). */
const REFUSED_MANIFEST = new Set([400, 413, 415, 422]);

/**
 * Push a cosign image under TAG in three rounds. The tag's current layers are read (unless the
 * caller has read them, or is reading them: READ) while an upload is opened for the config and each new blob.
 * A blob that may be there already (an envelope attached again, a payload signed before) needs
 * nothing when the tag lists it; else its upload's POST asks the registry to mount it from the
 * repository itself, which links one it has (201: no PUT). The config and the blobs not there go
 * up (PUT; COMPLETE makes the whole layer list from what was there), then the manifest with the
 * small blobs embedded (cosignImage). A registry that refuses that manifest gets it without, and
 * its host joins PLAIN_HOSTS: the next ones go without at once.
 */
export async function pushCosignImage(
  client: OciClient,
  repository: string,
  tag: string,
  blobs: { data: Buffer; maybeThere: boolean }[],
  complete: (there: Layer[]) => Promise<Layer[]>,
  opts: {
    read?: Layer[] | Promise<Layer[]>;
    /** A new upload's URL (default: a POST now; the signer may have opened some ahead). */
    open?: () => Promise<string | undefined>;
    plainHosts: Set<string>;
  },
): Promise<void> {
  const open = opts.open ?? (() => client.startUpload(repository));
  const digests = blobs.map((b) => sha256Digest(b.data));
  const there = Promise.resolve(opts.read ?? client.manifest(repository, tag, ACCEPT).then(readLayers));
  const [layers, configUpload, uploads] = await Promise.all([
    there.then(complete),
    open(),
    Promise.all(
      blobs.map(async (b, i) => {
        if (!b.maybeThere) return open();
        const listed = (await there).some((l) => l.digest === digests[i]);
        return listed ? undefined : client.startUpload(repository, digests[i]);
      }),
    ),
  ]);
  const image = cosignImage(layers);
  const [configDigest] = await Promise.all([
    client.finishUpload(repository, configUpload!, image.config),
    // A blob the tag lists, or one its upload's POST linked: nothing to send.
    ...blobs.map((b, i) =>
      uploads[i] === undefined ? undefined : client.finishUpload(repository, uploads[i], b.data),
    ),
  ]);
  const embed = !opts.plainHosts.has(client.host);
  const known = new Map(digests.map((d, i) => [d, blobs[i]!.data]));
  try {
    await client.putManifest(
      repository,
      tag,
      OCI_MANIFEST,
      image.manifest(configDigest, embed ? { blobs: known } : undefined),
    );
  } catch (e) {
    // A registry that refuses descriptors with `data` (an image-spec 1.0 reader): the same
    // manifest without, from now on for this host.
    if (!embed || !(e instanceof RegistryAnswerError) || !REFUSED_MANIFEST.has(e.status)) throw e;
    opts.plainHosts.add(client.host);
    await client.putManifest(repository, tag, OCI_MANIFEST, image.manifest(configDigest));
  }
}

/**
 * Requests started ahead of the pushes that need them (NativeSigner.prefetch): a tag's read, by
 * `host/repository:tag`, which the first write of the tag takes (a later one reads again), and
 * uploads opened to a repository, by `host/repository`, which its pushes take first. A failure is
 * the taker's, or nobody's.
 */
export class Ahead {
  private readonly reads = new Map<string, Promise<Layer[]>>();
  private readonly uploads = new Map<string, Promise<string | undefined>[]>();

  start(client: OciClient, repository: string, tags: readonly string[], uploads: number): void {
    for (const tag of tags) {
      const id = `${client.host}/${repository}:${tag}`;
      if (this.reads.has(id)) continue;
      const read = client.manifest(repository, tag, ACCEPT).then(readLayers);
      read.catch(() => undefined);
      this.reads.set(id, read);
    }
    const pool = `${client.host}/${repository}`;
    for (let i = 0; i < uploads; i++) {
      const upload = client.startUpload(repository);
      upload.catch(() => undefined);
      this.uploads.set(pool, [...(this.uploads.get(pool) ?? []), upload]);
    }
  }

  /** The tag's layers: read ahead (taken), else read now. */
  layers(client: OciClient, repository: string, tag: string): Promise<Layer[]> {
    const id = `${client.host}/${repository}:${tag}`;
    const read = this.reads.get(id);
    this.reads.delete(id);
    return read ?? client.manifest(repository, tag, ACCEPT).then(readLayers);
  }

  /** A new upload to the repository: one opened ahead, else one opened now. */
  upload(client: OciClient, repository: string): Promise<string | undefined> {
    return this.uploads.get(`${client.host}/${repository}`)?.shift() ?? client.startUpload(repository);
  }

  /** Cancel every upload opened ahead and not taken; best effort (a registry drops stale ones). */
  async release(clientOf: (host: string) => OciClient): Promise<void> {
    const left = [...this.uploads].flatMap(([pool, uploads]) => uploads.map((u) => ({ pool, u })));
    this.uploads.clear();
    this.reads.clear();
    await Promise.all(
      left.map(async ({ pool, u }) => {
        const host = pool.slice(0, pool.indexOf('/'));
        const url = await u.catch(() => undefined);
        if (url !== undefined)
          await clientOf(host)
            .cancelUpload(pool.slice(host.length + 1), url)
            .catch(() => undefined);
      }),
    );
  }
}
