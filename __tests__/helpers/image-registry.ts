// A registry over HTTP's seam (OciFetch, what CliIo.registryFetch and the built-in client take)
// that holds images: each a manifest and its config, served by digest as the distribution API
// serves them (GET /v2/REPOSITORY/manifests/DIGEST, /v2/REPOSITORY/blobs/DIGEST); anything else is
// a 404. Every request is recorded.
import type { OciFetch, OciResponse } from '../../src/docker/oci-types.js';
import { sha256Digest } from '../../src/docker/oci-types.js';

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

const answer = (status: number, body: Buffer = Buffer.alloc(0), type = 'application/json'): OciResponse => ({
  status,
  headers: { get: (name) => (name.toLowerCase() === 'content-type' ? type : null) },
  arrayBuffer: () =>
    Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer),
});

export class ImageRegistry {
  /** REPOSITORY@DIGEST -> [content type, bytes]. */
  private readonly manifests = new Map<string, [string, Buffer]>();
  private readonly blobs = new Map<string, Buffer>();
  /** Each request's method and URL path. */
  readonly requests: string[] = [];

  /** An image of REPOSITORY (a path, no host) whose config sets ENV (`NAME=value`); its digest. */
  image(
    repository: string,
    env: readonly string[],
    platform = { os: 'linux', architecture: 'amd64' },
  ): string {
    const config = this.blob({ ...platform, config: { Env: env }, rootfs: { type: 'layers' } });
    return this.manifest(repository, {
      schemaVersion: 2,
      mediaType: MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config },
      layers: [],
    });
  }

  /** A blob of JSON; its digest. */
  blob(json: unknown): string {
    const bytes = Buffer.from(JSON.stringify(json));
    const digest = sha256Digest(bytes);
    this.blobs.set(digest, bytes);
    return digest;
  }

  /** Any manifest (an index, say) under REPOSITORY; its digest. */
  manifest(repository: string, body: { mediaType: string; [field: string]: unknown }): string {
    const bytes = Buffer.from(JSON.stringify(body));
    const digest = sha256Digest(bytes);
    this.manifests.set(`${repository}@${digest}`, [body.mediaType, bytes]);
    return digest;
  }

  readonly fetch: OciFetch = (url, init) => {
    const { pathname } = new URL(url);
    this.requests.push(`${init.method} ${pathname}`);
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/(sha256:[0-9a-f]{64})$/.exec(pathname);
    if (init.method !== 'GET' || !m) return Promise.resolve(answer(404));
    if (m[2] === 'manifests') {
      const found = this.manifests.get(`${m[1]}@${m[3]}`);
      return Promise.resolve(found ? answer(200, found[1], found[0]) : answer(404));
    }
    const blob = this.blobs.get(m[3]!);
    return Promise.resolve(blob ? answer(200, blob, 'application/octet-stream') : answer(404));
  };
}
