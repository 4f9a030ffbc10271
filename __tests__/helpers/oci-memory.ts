// An in-memory OCI registry behind the OciClient interface (src/docker/oci-client.ts), for unit
// tests of what talks to a registry: manifests by repository and tag or digest, blobs by digest,
// every call recorded, and a hook that makes any call fail the way the real client does.
import type { Manifest, OciClient } from '../../src/docker/oci-client.js';
import { sha256Digest } from '../../src/docker/oci-client.js';

export interface MemoryCall {
  host: string;
  op: 'manifest' | 'blob' | 'startUpload' | 'finishUpload' | 'cancelUpload' | 'putManifest';
  repository: string;
  /**
   * The tag or digest (manifest, putManifest), the blob digest (blob, finishUpload), the
   * digest asked to be mounted (startUpload).
   */
  ref?: string;
  /** What a putManifest sends. */
  bytes?: Buffer;
}

export class MemoryRegistry {
  /** `host/repository:tag` and `host/repository@digest` -> the manifest. */
  readonly manifests = new Map<string, Manifest>();
  /** Blobs by digest (shared by every repository, content-addressed). */
  readonly blobs = new Map<string, Buffer>();
  readonly calls: MemoryCall[] = [];
  /** Throw this from a call (the real client throws EnvironmentErrors). */
  fail: ((call: MemoryCall) => Error | undefined) | undefined;
  private uploads = 0;

  private record(call: MemoryCall): void {
    this.calls.push(call);
    const err = this.fail?.(call);
    if (err) throw err;
  }

  /** The calls of one kind, e.g. every putManifest. */
  count(op: MemoryCall['op']): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  manifestAt(host: string, repository: string, reference: string): Manifest | undefined {
    const sep = reference.startsWith('sha256:') ? '@' : ':';
    return this.manifests.get(`${host}/${repository}${sep}${reference}`);
  }

  /** Store a manifest under TAG (and its digest), as a push would; its digest. */
  put(host: string, repository: string, tag: string, mediaType: string, bytes: Buffer): string {
    const digest = sha256Digest(bytes);
    const m = { mediaType, digest, bytes: Buffer.from(bytes) };
    this.manifests.set(`${host}/${repository}:${tag}`, m);
    this.manifests.set(`${host}/${repository}@${digest}`, m);
    return digest;
  }

  putBlob(data: Buffer): string {
    const digest = sha256Digest(data);
    this.blobs.set(digest, Buffer.from(data));
    return digest;
  }

  client(host: string): OciClient {
    return {
      host,
      manifest: async (repository, reference) => {
        this.record({ host, op: 'manifest', repository, ref: reference });
        return this.manifestAt(host, repository, reference);
      },
      blob: async (repository, digest) => {
        this.record({ host, op: 'blob', repository, ref: digest });
        const b = this.blobs.get(digest);
        if (!b) throw new Error(`memory registry: no blob ${digest}`);
        return b;
      },
      // A mount of a blob it has is no upload (blobs are shared by every repository here).
      startUpload: async (repository, mount) => {
        this.record({ host, op: 'startUpload', repository, ...(mount !== undefined && { ref: mount }) });
        if (mount !== undefined && this.blobs.has(mount)) return undefined;
        return `upload-${++this.uploads}`;
      },
      finishUpload: async (repository, _upload, data) => {
        this.record({ host, op: 'finishUpload', repository, ref: sha256Digest(data) });
        return this.putBlob(data);
      },
      cancelUpload: async (repository, upload) => {
        this.record({ host, op: 'cancelUpload', repository, ref: upload });
      },
      putManifest: async (repository, tag, mediaType, bytes) => {
        this.record({ host, op: 'putManifest', repository, ref: tag, bytes });
        return this.put(host, repository, tag, mediaType, bytes);
      },
    };
  }
}
