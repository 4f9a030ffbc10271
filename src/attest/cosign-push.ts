// Writing one of cosign's images (a `.sig` or `.att` tag) to a registry for the built-in signer:
// the tag read and the uploads opened, the blobs uploaded, the manifest (three rounds; a fourth
// when a blob the tag does not list is asked to be mounted after the tag was read).
import { type OciClient, RegistryAnswerError, sha256Digest } from '../docker/oci-client.js';
import {
  INTERRUPTED_CANCEL_MS,
  isInterrupted,
  registerCleanup,
  throwIfInterrupted,
} from '../util/cleanup.js';
import { within } from '../util/within.js';
import { cosignImage, DOCKER_MANIFEST, type Layer, OCI_MANIFEST, readLayers } from './cosign-image.js';

// The bound of the cancels after an interrupt (each DELETE also ends by then: its own timeout).
export { INTERRUPTED_CANCEL_MS };

/** P, or undefined once INTERRUPTED_CANCEL_MS passed when the process is being interrupted. */
const boundedIfInterrupted = <T>(p: Promise<T>): Promise<T | undefined> =>
  isInterrupted() ? within(p, INTERRUPTED_CANCEL_MS, undefined) : p;

/** Cancel every upload of OPENED (some may still be opening) that is not in FINISHED. */
async function cancelUploads(
  client: OciClient,
  repository: string,
  opened: readonly Promise<string | undefined>[],
  finished: ReadonlySet<string>,
): Promise<void> {
  const urls = await Promise.all(opened.map((u) => u.catch(() => undefined)));
  await Promise.all(
    urls
      .filter((u): u is string => u !== undefined && !finished.has(u))
      .map((u) => client.cancelUpload(repository, u).catch(() => undefined)),
  );
}

/** What a cosign tag is read as. */
export const ACCEPT = [OCI_MANIFEST, DOCKER_MANIFEST];

/** How a registry refuses a manifest it cannot take (MANIFEST_INVALID, too large, unsupported). */
const REFUSED_MANIFEST = new Set([400, 413, 415, 422]);

/**
 * Push a cosign image under TAG. The tag's current layers are read (unless the caller has read
 * them, or is reading them: READ) while an upload is opened for the config and each new blob. A
 * blob that may be there already (an envelope attached again, a payload signed before) needs
 * nothing when the tag lists it; else its upload's POST asks the registry to mount it from the
 * repository itself, which links one it has (201: no PUT). The config and the blobs not there go
 * up (PUT; COMPLETE makes the whole layer list from what was there), then the manifest with the
 * small blobs embedded (cosignImage). A registry that refuses that manifest but takes it without
 * them joins PLAIN_HOSTS: its next manifests go without at once. When the push fails, the
 * uploads it opened and did not finish are cancelled (best effort) before the error goes on.
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
  // After SIGINT/SIGTERM no push starts: nothing it reads or opens is left pending unhandled.
  throwIfInterrupted('a registry push');
  const opened: Promise<string | undefined>[] = [];
  const finished = new Set<string>();
  /** Every upload opened (some may still be opening) and not finished: cancelled. */
  const cancelUnfinished = async () => {
    await boundedIfInterrupted(cancelUploads(client, repository, opened, finished));
  };
  const track = (upload: Promise<string | undefined>) => (opened.push(upload), upload);
  // After SIGINT/SIGTERM no upload is opened: the cleanup below may have run already.
  const open = () => {
    throwIfInterrupted('a registry upload');
    return track(opts.open ? opts.open() : client.startUpload(repository));
  };
  const finish = async (upload: string, data: Buffer) => {
    const digest = await client.finishUpload(repository, upload, data);
    finished.add(upload);
    return digest;
  };
  const digests = blobs.map((b) => sha256Digest(b.data));
  const there = Promise.resolve(opts.read ?? client.manifest(repository, tag, ACCEPT).then(readLayers));
  // On SIGINT/SIGTERM too (the process exits without reaching the catch below).
  const unregister = registerCleanup(cancelUnfinished);
  try {
    // The first round settles whole before anything else happens: a failure is only acted on once
    // every upload it may open is opened (and so can be cancelled).
    const first = await Promise.allSettled([
      there.then(complete),
      open(),
      ...blobs.map(async (b, i) => {
        if (!b.maybeThere) return open();
        const listed = (await there).some((l) => l.digest === digests[i]);
        if (listed) return undefined;
        throwIfInterrupted('a registry upload');
        return track(client.startUpload(repository, digests[i]));
      }),
    ]);
    const failed = first.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [layers, configUpload, ...uploads] = first.map(
      (r) => (r as PromiseFulfilledResult<unknown>).value,
    ) as [Layer[], string | undefined, ...(string | undefined)[]];
    const image = cosignImage(layers);
    const [configDigest] = await Promise.all([
      finish(configUpload!, image.config),
      // A blob the tag lists, or one its upload's POST linked: nothing to send.
      ...blobs.map((b, i) => (uploads[i] === undefined ? undefined : finish(uploads[i], b.data))),
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
      // manifest without; when that is taken, this host's next ones go without at once.
      if (!embed || !(e instanceof RegistryAnswerError) || !REFUSED_MANIFEST.has(e.status)) throw e;
      await client.putManifest(repository, tag, OCI_MANIFEST, image.manifest(configDigest));
      opts.plainHosts.add(client.host);
    }
  } catch (e) {
    await cancelUnfinished();
    throw e;
  } finally {
    unregister();
  }
}

/**
 * How old a tag read ahead may be when its write takes it. The write replaces the tag with what
 * was read plus its own layers: another process that wrote the tag in between would lose its
 * layers (as between any read and write, but a read ahead widens the window from one round trip
 * to the predicates' time). An older read is done again.
 */
export const AHEAD_READ_MS = 5_000;

/**
 * Requests started ahead of the pushes that need them (NativeSigner.prefetch): a tag's read, by
 * `host/repository:tag`, which the first write of the tag takes (a later one reads again), and
 * uploads opened to a repository, by `host/repository`, which its pushes take first. A failure is
 * the taker's, or nobody's.
 */
export class Ahead {
  /** Tag reads by id, with when they were sent: an old one is not used (see AHEAD_READ_MS). */
  private readonly reads = new Map<string, { read: Promise<Layer[]>; at: number }>();
  /** Uploads opened ahead by `host/repository`, with the client and repository to cancel them. */
  private readonly uploads = new Map<
    string,
    { client: OciClient; repository: string; opened: Promise<string | undefined>[] }
  >();

  start(client: OciClient, repository: string, tags: readonly string[], uploads: number): void {
    // After SIGINT/SIGTERM nothing is opened ahead: the release the cleanup ran may be done already.
    if (isInterrupted()) return;
    for (const tag of tags) {
      const id = `${client.host}/${repository}:${tag}`;
      if (this.reads.has(id)) continue;
      const read = client.manifest(repository, tag, ACCEPT).then(readLayers);
      read.catch(() => undefined);
      this.reads.set(id, { read, at: Date.now() });
    }
    const id = `${client.host}/${repository}`;
    const pool = this.uploads.get(id) ?? { client, repository, opened: [] };
    this.uploads.set(id, pool);
    for (let i = 0; i < uploads; i++) {
      const upload = client.startUpload(repository);
      upload.catch(() => undefined);
      pool.opened.push(upload);
    }
  }

  /** The tag's layers: read ahead (taken), else read now. */
  layers(client: OciClient, repository: string, tag: string): Promise<Layer[]> {
    const id = `${client.host}/${repository}:${tag}`;
    const ahead = this.reads.get(id);
    this.reads.delete(id);
    return ahead !== undefined && Date.now() - ahead.at <= AHEAD_READ_MS
      ? ahead.read
      : client.manifest(repository, tag, ACCEPT).then(readLayers);
  }

  /** A new upload to the repository: one opened ahead, else one opened now (not after a signal). */
  upload(client: OciClient, repository: string): Promise<string | undefined> {
    const ahead = this.uploads.get(`${client.host}/${repository}`)?.opened.shift();
    if (ahead !== undefined) return ahead;
    throwIfInterrupted('a registry upload');
    return client.startUpload(repository);
  }

  /** The DELETEs of every release so far: a later release waits for them too. */
  private releasing: Promise<unknown> = Promise.resolve();

  /**
   * Cancel every upload opened ahead and not taken; best effort (a registry drops stale ones).
   * Settles once every cancel asked for so far has been answered, those of an earlier release still
   * under way included: the signal's cleanup, calling it while the stage's own call is waiting,
   * waits for those DELETEs instead of returning at once (the process would exit before them).
   */
  async release(): Promise<void> {
    const pools = [...this.uploads.values()];
    this.uploads.clear();
    this.reads.clear();
    const cancels = Promise.all(
      pools.flatMap(({ client, repository, opened }) =>
        opened.map(async (u) => {
          const url = await u.catch(() => undefined);
          if (url !== undefined) await client.cancelUpload(repository, url).catch(() => undefined);
        }),
      ),
    );
    this.releasing = Promise.all([this.releasing, boundedIfInterrupted(cancels)]);
    await this.releasing;
  }
}
