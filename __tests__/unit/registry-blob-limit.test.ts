// A registry serving more bytes than a layer declares: the read stops at the declared size, as the
// bytes come (docs/signing.md: "each blob the size its layer declares"), instead of reading up to
// the transport's 64 MiB first and comparing after. The layers of a tag declare 256 MiB at most;
// without this a hostile registry had verify download 100 layers x 64 MiB of a tag whose layers
// declared a byte each. An in-process server on 127.0.0.1 stands for the registry.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeHttpFetch } from '../../src/docker/http-fetch.js';
import { createOciClient } from '../../src/docker/oci-client.js';
import { checkedBlob, readTagLayers } from '../../src/attest/read-limits.js';
import type { Layer } from '../../src/attest/cosign-image.js';

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
// Larger than what the kernel's socket buffers on 127.0.0.1 take in before the client hangs up (a
// loaded runner had 4 MiB of an 8 MiB blob written), smaller than the transport's 64 MiB that the
// old read took in full.
const BIG = Buffer.alloc(32 * 1024 * 1024, 7);
const SMALL = Buffer.from('{}');
const CHUNK = 64 * 1024;

describe('a blob is read no further than its layer declares', () => {
  let server: http.Server;
  let host = '';
  /** Bytes of the big blob the server wrote before the client hung up, per request. */
  const written: number[] = [];
  let withLength = false;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      // A login challenge whose body is larger than the small blob: the limit is the blob's only.
      if (req.headers.authorization === undefined) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="r"', 'content-type': 'application/json' });
        return res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'x'.repeat(300) }] }));
      }
      if (req.url?.endsWith(sha(SMALL))) return res.end(SMALL);
      if (!req.url?.endsWith(sha(BIG))) return res.writeHead(404).end();
      res.writeHead(200, withLength ? { 'content-length': String(BIG.length) } : {});
      let at = 0;
      const more = () => {
        while (at < BIG.length && !res.destroyed) {
          const ok = res.write(BIG.subarray(at, at + CHUNK));
          at += CHUNK;
          if (!ok) return void res.once('drain', more);
        }
        if (!res.destroyed) res.end();
      };
      res.on('close', () => written.push(at));
      more();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => {
    written.length = 0;
    withLength = false;
  });

  const client = () =>
    createOciClient(host, {
      fetch: nodeHttpFetch,
      credential: () => ({
        kind: 'login',
        describe: 'a login',
        get: async () => ({ username: 'u', secret: 's' }),
      }),
    });
  const layer = (data: Buffer, size: number): Layer => ({
    mediaType: 'application/vnd.dsse.envelope.v1+json',
    digest: sha(data),
    size,
  });

  it.each([
    ['streamed', false],
    ['with a Content-Length', true],
  ])('a blob of 32 MiB declared as 100 bytes is left out unread (%s)', async (_what, length) => {
    withLength = length;
    const why = await checkedBlob(client(), 'repo', 'sha256-x.att', layer(BIG, 100));
    expect(why).toMatch(
      /answered more than its descriptor declares \(the answer is over the 100 bytes asked for\)/,
    );
    // The server stopped long before the 32 MiB: the client hung up at the declared size.
    await vi.waitFor(() => expect(written).toHaveLength(1), { timeout: 10_000 });
    expect(written[0]!).toBeLessThan(BIG.length / 2);
  });

  it('a blob of its declared size is read, past a login challenge larger than it', async () => {
    const blob = await checkedBlob(client(), 'repo', 'sha256-x.att', layer(SMALL, SMALL.length));
    expect(Buffer.isBuffer(blob) && blob.equals(SMALL)).toBe(true);
  });

  it('readTagLayers leaves the oversized layer out and reads the other', async () => {
    const c = client();
    const manifest = { layers: [layer(BIG, 1), layer(SMALL, SMALL.length)] };
    const stub = Object.assign(Object.create(c) as typeof c, {
      manifest: async () => ({ mediaType: '', digest: '', bytes: Buffer.from(JSON.stringify(manifest)) }),
    });
    const read = await readTagLayers(
      stub,
      'repo',
      'sha256-x.att',
      manifest.layers[0]!.mediaType,
      'attestation',
    );
    expect(read.read.map((r) => r.blob.toString())).toEqual(['{}']);
    expect(read.unread).toHaveLength(1);
    await vi.waitFor(() => expect(written).toHaveLength(1), { timeout: 10_000 });
    expect(written[0]!).toBeLessThan(BIG.length / 2);
  });
});
