// nodeHttpFetch (the registry client's HTTP) against in-process node:http servers on 127.0.0.1:
// GET and PUT with bodies, status and headers; redirects (Authorization kept on the same host,
// dropped when the redirect goes to another host:port; a 303 after a PUT becomes a GET without
// the body); an aborted request and a refused port reject as fetch does (TypeError with the
// cause's code, which the OCI client reports as "unreachable"); localhost reaches a server
// on 127.0.0.1, or on ::1 only, with its Host header. Integration: it opens sockets.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loopbackFor, nodeHttpFetch, simpleFetch } from '../../src/docker/http-fetch.js';
import { checkRegistry, manifestDigestOverHttp, manifestOverHttp } from '../../src/docker/registry.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function serve(handler: (req: Seen, res: http.ServerResponse) => void, address = '127.0.0.1') {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(s);
      handler(s, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    seen,
    port,
    base: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const init = (method: string, headers: Record<string, string> = {}, body?: string) => ({
  method,
  headers,
  ...(body !== undefined && { body: Buffer.from(body) }),
  signal: AbortSignal.timeout(10_000),
});

describe('nodeHttpFetch', () => {
  let main: Awaited<ReturnType<typeof serve>>;
  let other: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    other = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`other ${req.method} ${req.url}`);
    });
    main = await serve((req, res) => {
      const u = new URL(req.url, 'http://x');
      switch (u.pathname) {
        case '/hello':
          res.writeHead(200, { 'Content-Type': 'application/json', 'Docker-Content-Digest': 'sha256:abc' });
          res.end('{"hi":1}');
          return;
        case '/put':
          res.writeHead(201, { Location: '/v2/r/blobs/sha256:abc' });
          res.end(`got ${req.body.length} bytes: ${req.body}`);
          return;
        case '/to-other':
          res.writeHead(307, { Location: `${other.base}/blob?x=1` });
          res.end();
          return;
        case '/to-same':
          res.writeHead(307, { Location: '/landed' });
          res.end();
          return;
        case '/landed':
          res.writeHead(200);
          res.end(`landed ${req.method} auth=${req.headers.authorization ?? 'none'} body=${req.body}`);
          return;
        case '/see-other':
          res.writeHead(303, { Location: '/landed' });
          res.end();
          return;
        case '/missing':
          res.writeHead(404, { 'Content-Type': 'application/json' });
          res.end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
          return;
        case '/slow':
          return; // never answers: the caller aborts
        default:
          res.writeHead(500);
          res.end();
      }
    });
  });

  afterAll(async () => {
    await main?.close();
    await other?.close();
  });

  it('GET: status, headers (any case) and body; request headers arrive', async () => {
    const r = await nodeHttpFetch(
      `${main.base}/hello`,
      init('GET', { Accept: 'application/json', 'X-Test': '1' }),
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.headers.get('Docker-Content-Digest')).toBe('sha256:abc');
    expect(r.headers.get('x-absent')).toBeNull();
    expect(Buffer.from(await r.arrayBuffer()).toString()).toBe('{"hi":1}');
    const last = main.seen.at(-1)!;
    expect(last.headers.accept).toBe('application/json');
    expect(last.headers['x-test']).toBe('1');
  });

  it('PUT with a body: the server gets the bytes; 201 and Location come back', async () => {
    const body = 'x'.repeat(70_000); // larger than one chunk
    const r = await nodeHttpFetch(
      `${main.base}/put`,
      init(
        'PUT',
        { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) },
        body,
      ),
    );
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe('/v2/r/blobs/sha256:abc');
    expect(Buffer.from(await r.arrayBuffer()).toString()).toBe(`got 70000 bytes: ${body}`);
    expect(main.seen.at(-1)!.method).toBe('PUT');
  });

  it('a non-2xx status is a response, not a rejection', async () => {
    const r = await nodeHttpFetch(`${main.base}/missing`, init('GET'));
    expect(r.status).toBe(404);
    expect(Buffer.from(await r.arrayBuffer()).toString()).toContain('MANIFEST_UNKNOWN');
  });

  it('a 307 to another host:port drops Authorization; to the same host it is kept', async () => {
    const auth = { Authorization: 'Bearer secret-token' };
    const away = await nodeHttpFetch(`${main.base}/to-other`, init('GET', auth));
    expect(away.status).toBe(200);
    expect(Buffer.from(await away.arrayBuffer()).toString()).toBe('other GET /blob?x=1');
    const there = other.seen.at(-1)!;
    expect(there.url).toBe('/blob?x=1');
    expect(there.headers.authorization).toBeUndefined();

    const same = await nodeHttpFetch(`${main.base}/to-same`, init('GET', auth));
    expect(Buffer.from(await same.arrayBuffer()).toString()).toBe(
      'landed GET auth=Bearer secret-token body=',
    );
  });

  it('a 307 keeps the method and body; a 303 after a PUT becomes a GET without the body', async () => {
    const kept = await nodeHttpFetch(`${main.base}/to-same`, init('PUT', {}, 'payload'));
    expect(Buffer.from(await kept.arrayBuffer()).toString()).toBe('landed PUT auth=none body=payload');
    const described = { 'Content-Type': 'application/octet-stream', 'Content-Length': '7' };
    const r = await nodeHttpFetch(`${main.base}/see-other`, init('PUT', described, 'payload'));
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).toString()).toBe('landed GET auth=none body=');
    const landed = main.seen.at(-1)!;
    expect(landed).toMatchObject({ method: 'GET', url: '/landed', body: '' });
    // The headers that described the dropped body go with it (a Content-Length would make the
    // server wait for bytes that never come).
    expect(landed.headers['content-type']).toBeUndefined();
    expect(landed.headers['content-length']).toBeUndefined();
  });

  it('an aborted signal rejects (before the request, and while waiting for the answer)', async () => {
    const before = await nodeHttpFetch(`${main.base}/hello`, {
      method: 'GET',
      headers: {},
      signal: AbortSignal.abort(),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(before).toBeInstanceOf(Error);
    expect((before as Error).name).toBe('AbortError');

    const controller = new AbortController();
    const pending = nodeHttpFetch(`${main.base}/slow`, {
      method: 'GET',
      headers: {},
      signal: controller.signal,
    });
    // Abort once the server has the request (it never answers).
    while (!main.seen.some((s) => s.url === '/slow')) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const during = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(during).toBeInstanceOf(Error);
    expect((during as Error).name).toBe('AbortError');
  });

  it('a refused port rejects with a TypeError whose cause has code ECONNREFUSED', async () => {
    // A port that was just free: listen, note it, close.
    const gone = await serve(() => undefined);
    await gone.close();
    const e = await nodeHttpFetch(`${gone.base}/v2/`, init('GET')).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(TypeError);
    expect((e as TypeError & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });

  /** A server that answers the first request of each connection and then, per MODE, resets it. */
  async function resetting(mode: 'second' | 'first') {
    const seen: string[] = [];
    const perSocket = new WeakMap<object, number>();
    const server = http.createServer((req, res) => {
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      seen.push(`${req.method} ${req.url} #${n}`);
      req.resume();
      if ((mode === 'second' && n === 2) || mode === 'first') {
        req.socket.destroy(); // as a server that timed out an idle connection
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const close = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    return { seen, base, close };
  }

  it('a kept-alive socket the server reset before answering: a resendable request goes once more on a new connection', async () => {
    const s = await resetting('second');
    try {
      expect((await nodeHttpFetch(`${s.base}/a`, init('GET'))).status).toBe(200);
      const r = await nodeHttpFetch(`${s.base}/b`, { ...init('GET'), resendable: true });
      expect(r.status).toBe(200);
      expect(s.seen).toEqual(['GET /a #1', 'GET /b #2', 'GET /b #1']);
    } finally {
      await s.close();
    }
  });

  it('the same reset of a request not marked resendable (an upload PUT): rejected, not sent again', async () => {
    const s = await resetting('second');
    try {
      expect((await nodeHttpFetch(`${s.base}/a`, init('GET'))).status).toBe(200);
      const e = await nodeHttpFetch(`${s.base}/b`, init('PUT', {}, 'body')).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(TypeError);
      expect((e as TypeError & { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
      expect(s.seen).toEqual(['GET /a #1', 'PUT /b #2']);
    } finally {
      await s.close();
    }
  });

  it('a new connection reset before answering is not sent again: a TypeError whose cause is ECONNRESET', async () => {
    const s = await resetting('first');
    try {
      const e = await nodeHttpFetch(`${s.base}/c`, { ...init('POST', {}, 'x'), resendable: true }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(TypeError);
      expect((e as TypeError & { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
      expect(s.seen).toEqual(['POST /c #1']);
    } finally {
      await s.close();
    }
  });

  it('localhost goes to the loopback address; other names (a *.localhost too) do not', () => {
    for (const [url, want] of [
      ['http://localhost:5000/v2/', '127.0.0.1'],
      ['https://LOCALHOST/v2/', '127.0.0.1'],
      // Docker's DNS may give a k3d or compose registry of that name another address.
      ['http://registry.localhost:5000/v2/', undefined],
      ['http://localhost.:5000/v2/', '127.0.0.1'],
      ['http://127.0.0.1:5000/v2/', undefined],
      ['http://localhost.example.com/v2/', undefined],
      ['http://mylocalhost:5000/v2/', undefined],
      ['https://ghcr.io/v2/', undefined],
    ] as const)
      expect([url, loopbackFor(new URL(url))]).toEqual([url, want]);
  });

  it('a localhost URL reaches a server on 127.0.0.1, which sees the Host header of the URL', async () => {
    const r = await nodeHttpFetch(`http://localhost:${main.port}/hello`, init('GET', { 'X-Test': '2' }));
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).toString()).toBe('{"hi":1}');
    const last = main.seen.at(-1)!;
    expect([last.url, last.headers.host, last.headers['x-test']]).toEqual([
      '/hello',
      `localhost:${main.port}`,
      '2',
    ]);
  });

  it('a server listening on ::1 only: the refused 127.0.0.1 is followed by ::1, which is then kept', async () => {
    const v6 = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`v6 ${req.url}`);
    }, '::1');
    try {
      for (const path of ['/one', '/two']) {
        const r = await nodeHttpFetch(`http://localhost:${v6.port}${path}`, init('GET'));
        expect(Buffer.from(await r.arrayBuffer()).toString()).toBe(`v6 ${path}`);
      }
      expect(loopbackFor(new URL(`http://localhost:${v6.port}/`))).toBe('::1');
      expect(v6.seen.map((x) => [x.url, x.headers.host])).toEqual([
        ['/one', `localhost:${v6.port}`],
        ['/two', `localhost:${v6.port}`],
      ]);
    } finally {
      await v6.close();
    }
  });

  it('localhost with nothing listening on either address: ECONNREFUSED, as for an address', async () => {
    // A port just closed: another test's server may be given it at once (the suites run side by
    // side), so a connection that something answered is tried again on another closed port.
    let e: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      const gone = await serve(() => undefined);
      await gone.close();
      e = await nodeHttpFetch(`http://localhost:${gone.port}/v2/`, init('GET')).then(
        () => undefined,
        (x: unknown) => x,
      );
      const code = (e as { cause?: { code?: string } } | undefined)?.cause?.code;
      if (code === 'ECONNREFUSED' || (code !== 'ECONNRESET' && e !== undefined)) break;
    }
    expect(e).toBeInstanceOf(TypeError);
    expect((e as TypeError & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });
});

describe("the registry's one-off questions over simpleFetch (no undici)", () => {
  const INDEX = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}';
  const INDEX_DIGEST = `sha256:${createHash('sha256').update(INDEX).digest('hex')}`;
  let registry: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    registry = await serve((req, res) => {
      if (req.url === '/v2/') return res.writeHead(200).end('{}');
      if (req.url === '/v2/a/b/manifests/1' && req.method === 'HEAD')
        return res.writeHead(200, { 'Docker-Content-Digest': INDEX_DIGEST }).end();
      if (req.url === `/v2/a/b/manifests/${INDEX_DIGEST}`) return res.writeHead(200).end(INDEX);
      res
        .writeHead(404, { 'Docker-Distribution-API-Version': 'registry/2.0' })
        .end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
    });
  });
  afterAll(() => registry.close());

  it('simpleFetch answers as fetch does: status, headers, the body as JSON', async () => {
    const r = await simpleFetch(`${registry.base}/v2/a/b/manifests/nope`);
    expect(r.status).toBe(404);
    expect(r.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
    expect(await r.json()).toEqual({ errors: [{ code: 'MANIFEST_UNKNOWN' }] });
    expect(registry.seen.at(-1)?.method).toBe('GET');
  });

  it('checkRegistry, a digest by HEAD and a manifest by digest reach a loopback registry with their defaults', async () => {
    const host = `127.0.0.1:${registry.port}`;
    expect(await checkRegistry(host)).toBe(200);
    expect(await manifestDigestOverHttp(`${host}/a/b:1`)).toBe(INDEX_DIGEST);
    expect(await manifestOverHttp(`${host}/a/b@${INDEX_DIGEST}`)).toBe(INDEX);
    expect(registry.seen.slice(-3).map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /v2/',
      'HEAD /v2/a/b/manifests/1',
      `GET /v2/a/b/manifests/${INDEX_DIGEST}`,
    ]);
  });

  it('says who asks (User-Agent); with a proxy variable set a loopback registry is still asked directly', async () => {
    await simpleFetch(`${registry.base}/v2/`, {}, { HTTPS_PROXY: 'http://proxy.invalid:3128' });
    expect(registry.seen.at(-1)?.headers['user-agent']).toMatch(/^ml-image\/\d/);
  });

  it('with a proxy variable set, any other registry is asked through that proxy (not the global fetch)', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response('{}', { status: 401 });
    });
    // A proxy that answers every CONNECT with 407: the request went to it, not to the global fetch.
    const refusing = http.createServer();
    refusing.on('connect', (_req, socket: Socket) => {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
    });
    await new Promise<void>((r) => refusing.listen(0, '127.0.0.1', r));
    const port = (refusing.address() as AddressInfo).port;
    try {
      const err = await simpleFetch(
        'https://registry.invalid/v2/',
        {},
        {
          HTTPS_PROXY: `http://user:s3cret@127.0.0.1:${port}`,
        },
      ).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(String((err?.cause as Error | undefined)?.message ?? err?.message)).toContain(
        `answered HTTP 407 to CONNECT registry.invalid:443`,
      );
      expect(JSON.stringify(String(err)) + String((err?.cause as Error | undefined)?.message)).not.toContain(
        's3cret',
      );
      expect(asked).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
      await new Promise<void>((r) => refusing.close(() => r()));
    }
  });

  it('a registry that is not there: checkRegistry is exit 3 naming it', async () => {
    const gone = await serve(() => undefined);
    await gone.close();
    await expect(checkRegistry(`127.0.0.1:${gone.port}`)).rejects.toMatchObject({ exitCode: 3 });
  });
});
