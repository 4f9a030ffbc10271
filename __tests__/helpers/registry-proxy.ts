// A small HTTP proxy on 127.0.0.1 in front of the test bed's registry, for registry faults: reads
// (GET/HEAD) always pass through; writes pass through too, or are answered 503 as an overloaded or
// read-only registry answers (`failWrites`). With `deny`, every request is answered 401 (a Basic
// login is asked for) or 403, as a private registry answers without a login. Every request is
// recorded (`requests`). `close()` stops
// listening and drops every connection: the registry is gone.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RegistryProxy {
  port: number;
  /** Writes (POST/PUT/PATCH/DELETE) seen. */
  readonly writes: number;
  /** Every request seen, as "METHOD /path" (the query left off). */
  readonly requests: readonly string[];
  close: () => Promise<void>;
}

export async function startRegistryProxy(
  upstream: string,
  options: { failWrites?: boolean; deny?: 401 | 403 } = {},
): Promise<RegistryProxy> {
  const [host, port] = upstream.replace(/^localhost/, '127.0.0.1').split(':');
  const state = { writes: 0, closed: false };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
    if (options.deny !== undefined) {
      req.resume();
      const asks = options.deny === 401 ? { 'WWW-Authenticate': 'Basic realm="ml-image-test"' } : {};
      res.writeHead(options.deny, { 'Content-Type': 'application/json', ...asks });
      res.end(
        options.deny === 401
          ? '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}'
          : '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}',
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      state.writes++;
      if (options.failWrites) {
        req.resume();
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end('{"errors":[{"code":"UNAVAILABLE","message":"service unavailable"}]}');
        return;
      }
    }
    const up = http.request(
      { host, port: Number(port), path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get writes() {
      return state.writes;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        if (state.closed) return resolve();
        state.closed = true;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
