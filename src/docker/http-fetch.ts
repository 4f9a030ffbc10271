// The registry client's HTTP on node:http/https with keep-alive agents: the global fetch (undici)
// costs about 20 ms of module loading on its first call in a process, which is most of what a
// verify of a local registry takes. Redirects are followed (registries send blob reads to storage)
// and the Authorization header is dropped when a redirect leaves the host, as fetch does.
import http from 'node:http';
import https from 'node:https';
import { ANSWER_TOO_LARGE, type OciFetch, type OciResponse } from './oci-client.js';
import { isPlainHttpRegistry } from './registry.js';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

const MAX_REDIRECTS = 5;
/** Cosign's images are small; a registry streaming more than this is refused (memory). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

function once(
  url: URL,
  init: Parameters<OciFetch>[1],
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const lib = url.protocol === 'https:' ? https : http;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      { method: init.method, headers: init.headers, agent, signal: init.signal },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY_BYTES) {
            const over = new Error(`the answer is over ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
            req.destroy(Object.assign(over, { code: ANSWER_TOO_LARGE }));
            return;
          }
          chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** OciFetch over node:http(s); rejects like fetch does (network errors, aborts), with `cause`. */
export const nodeHttpFetch: OciFetch = async (raw, init) => {
  let url = new URL(raw);
  let headers = { ...init.headers };
  let { method, body } = init;
  for (let hop = 0; ; hop++) {
    let r: Awaited<ReturnType<typeof once>>;
    try {
      r = await once(url, { method, headers, signal: init.signal, ...(body !== undefined && { body }) });
    } catch (e) {
      if ((e as Error).name === 'AbortError' && init.signal.aborted) throw init.signal.reason ?? e;
      throw new TypeError('fetch failed', { cause: e });
    }
    const location = r.headers.location;
    if ([301, 302, 303, 307, 308].includes(r.status) && location && hop < MAX_REDIRECTS) {
      const next = new URL(location, url);
      if (next.protocol === 'http:' && url.protocol === 'https:' && !isPlainHttpRegistry(next.hostname))
        throw new TypeError('fetch failed', {
          cause: new Error(`a redirect from HTTPS to plain HTTP (${next.origin}) was refused`),
        });
      // As fetch: the credentials go to the same origin only (scheme, host and port).
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
        );
      }
      // As fetch: a 303, or a 301/302 after a POST, is followed with a GET and no body (and
      // without the headers that described the body).
      if (r.status === 303 || ((r.status === 301 || r.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        headers = Object.fromEntries(
          Object.entries(headers).filter(
            ([k]) => !/^content-(type|length|encoding|language|location)$/i.test(k),
          ),
        );
      }
      url = next;
      continue;
    }
    const response: OciResponse = {
      status: r.status,
      headers: {
        get: (name) => {
          const v = r.headers[name.toLowerCase()];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
        },
      },
      arrayBuffer: async () =>
        r.body.buffer.slice(r.body.byteOffset, r.body.byteOffset + r.body.length) as ArrayBuffer,
    };
    return response;
  }
};
