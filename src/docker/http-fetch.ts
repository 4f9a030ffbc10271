// The registry client's HTTP on node:http/https with keep-alive agents: the global fetch (undici)
// costs about 20 ms of module loading on its first call in a process, which is most of what a
// verify of a local registry takes. Redirects are followed (registries send blob reads to storage)
// and the Authorization header is dropped when a redirect leaves the host, as fetch does.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { ANSWER_TOO_LARGE, type OciFetch, type OciResponse } from './oci-types.js';
import { isPlainHttpRegistry, proxyFor, proxyShown } from './plain-http.js';
import { VERSION } from '../version.js';
import { untilInterrupted } from '../util/cleanup.js';

/**
 * A kept-alive socket idle this long is closed: connections opened ahead of use (OciClient.warm)
 * serve a warm run's attest stage a second later, and no socket sits idle long enough for a NAT or
 * load balancer in between to drop it silently (minutes).
 */
const IDLE_SOCKET_MS = 15_000;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16, timeout: IDLE_SOCKET_MS }),
};

/**
 * `localhost` is the loopback interface (RFC 6761 section 6.3), as curl and the browsers treat it:
 * a connection goes to 127.0.0.1, else to ::1 when that is refused or unreachable, without asking
 * the resolver. Not `*.localhost`: inside a container Docker's DNS may give such a name (a k3d or
 * compose registry) another address, where buildx pushes. Asking the resolver costs a fresh process
 * about 6 ms on its first connections (node's DNS code on libuv's pool, and V8 compiling the IPv6
 * pattern node tests a host name with), most of what `ml-image verify` of a local registry spends
 * beyond the registry's own answers. The address that answered is kept per scheme and port.
 */
const LOOPBACK = ['127.0.0.1', '::1'] as const;
/** Nothing listens at that address, or the machine has no such address (IPv4-less, IPv6-less). */
const NOT_THERE = new Set(['ECONNREFUSED', 'EADDRNOTAVAIL', 'ENETUNREACH', 'EAFNOSUPPORT']);
const loopbackByPort = new Map<string, (typeof LOOPBACK)[number]>();
const portKey = (url: URL) => `${url.protocol}${url.port}`;

/** The loopback address to try first for URL's host, or undefined when the host is not localhost. */
export function loopbackFor(url: URL): (typeof LOOPBACK)[number] | undefined {
  if (url.hostname.toLowerCase().replace(/\.$/, '') !== 'localhost') return undefined;
  return loopbackByPort.get(portKey(url)) ?? LOOPBACK[0];
}

const MAX_REDIRECTS = 5;
/** What the registry's logs see of this tool's one-off requests (the global fetch sent `node`). */
const USER_AGENT = `ml-image/${VERSION}`;
/** Cosign's images are small; a registry streaming more than this is refused (memory). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** The error (code ANSWER_TOO_LARGE) of an answer over LIMIT bytes: the transport's, or the caller's. */
function tooLarge(limit: number): Error {
  const what =
    limit === MAX_BODY_BYTES ? `${MAX_BODY_BYTES / 1024 / 1024} MiB` : `the ${limit} bytes asked for`;
  return Object.assign(new Error(`the answer is over ${what}`), { code: ANSWER_TOO_LARGE });
}

/** One request; localhost goes to its loopback address (the other one when that is not there). */
async function once(url: URL, init: Parameters<OciFetch>[1], proxy?: URL): Promise<Answer> {
  if (proxy !== undefined) return viaProxy(url, init, proxy);
  const first = loopbackFor(url);
  if (first === undefined) return exchange(url, init);
  try {
    return await exchange(url, init, first);
  } catch (e) {
    if (!NOT_THERE.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    const other = LOOPBACK.find((a) => a !== first)!;
    // Neither there: the first address's failure is the one reported; any other is the second's.
    const r = await exchange(url, init, other).catch((e2: unknown) => {
      throw NOT_THERE.has((e2 as NodeJS.ErrnoException).code ?? '') ? e : e2;
    });
    loopbackByPort.set(portKey(url), other);
    return r;
  }
}

/** The Proxy-Authorization header for PROXY's user name and password (Basic), if it has them. */
function proxyAuth(proxy: URL): Record<string, string> {
  if (proxy.username === '' && proxy.password === '') return {};
  const login = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(login).toString('base64')}` };
}

/** A tunnel to URL's host through PROXY (HTTP CONNECT), as docker and undici's ProxyAgent open it. */
function tunnel(url: URL, proxy: URL, signal: AbortSignal): Promise<Socket> {
  const port = url.port || '443';
  const target = `${url.hostname}:${port}`;
  const lib = proxy.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request({
      method: 'CONNECT',
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      path: target,
      headers: { host: target, ...proxyAuth(proxy) },
      agent: false,
      signal,
    });
    req.on('connect', (res: http.IncomingMessage, socket: Socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      const e = new Error(
        `the proxy ${proxyShown(proxy)} answered HTTP ${res.statusCode} to CONNECT ${target}`,
      );
      reject(e);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * One request through PROXY: over a CONNECT tunnel for HTTPS (TLS end to end with the registry),
 * in the proxy's absolute form for plain HTTP. No kept-alive sockets: these are one-off questions.
 */
async function viaProxy(url: URL, init: Parameters<OciFetch>[1], proxy: URL): Promise<Answer> {
  if (url.protocol === 'http:') {
    const host = proxy.hostname.replace(/^\[|\]$/g, '');
    const port = proxy.port || '80';
    const headers = { host: url.host, ...init.headers, ...proxyAuth(proxy) };
    return exchange(new URL(`http://${proxy.host}/`), init, undefined, {
      host,
      port,
      path: url.href,
      headers,
    });
  }
  const socket = await tunnel(url, proxy, init.signal);
  const createConnection = () => tls.connect({ socket, servername: url.hostname });
  return exchange(url, init, undefined, { agent: undefined, createConnection });
}

function exchange(
  url: URL,
  init: Parameters<OciFetch>[1],
  address?: string,
  extra: http.RequestOptions = {},
): Promise<Answer> {
  const lib = url.protocol === 'https:' ? https : http;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  // To a loopback address: the Host header and TLS's server name stay the URL's host.
  const to =
    address === undefined
      ? {}
      : { hostname: address, servername: url.hostname, headers: { host: url.host, ...init.headers } };
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      { method: init.method, headers: init.headers, agent, signal: init.signal, ...to, ...extra },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        // The caller's limit is a success's (the blob): a challenge, a redirect or an error says
        // what it says within the transport's.
        const ok = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
        const asked = ok ? init.maxBytes : undefined;
        const limit = asked === undefined ? MAX_BODY_BYTES : Math.min(asked, MAX_BODY_BYTES);
        const over = () => req.destroy(tooLarge(limit));
        // A Content-Length past the limit is refused before its body is read (a HEAD has none).
        const length = Number(res.headers['content-length'] ?? 0);
        if (init.method !== 'HEAD' && length > limit) return over();
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > limit) return over();
          chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    // A kept-alive socket the server had closed when the request went out (no answer came): marked,
    // for a request that may be sent again on a new connection (init.resendable).
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (e: Error) =>
      reject(req.reusedSocket && !answered ? Object.assign(e, { stale: true }) : e),
    );
    req.end(init.body);
  });
}

const STALE_CODES = new Set(['ECONNRESET', 'EPIPE']);
const isStale = (e: unknown) =>
  (e as { stale?: boolean }).stale === true && STALE_CODES.has((e as NodeJS.ErrnoException).code ?? '');

/** OciFetch over node:http(s); rejects like fetch does (network errors, aborts), with `cause`. */
export const nodeHttpFetch: OciFetch = (raw, init) => fetchVia(raw, init);

type Env = Readonly<Record<string, string | undefined>>;

/** nodeHttpFetch, each hop through the proxy ENV names for it (none without ENV). */
async function fetchVia(raw: string, init: Parameters<OciFetch>[1], env?: Env): Promise<OciResponse> {
  let url = new URL(raw);
  let headers = { ...init.headers };
  let { method, body } = init;
  for (let hop = 0; ; hop++) {
    let r: Awaited<ReturnType<typeof once>>;
    const proxy = env === undefined ? undefined : proxyOf(url, env);
    const { signal, maxBytes } = init;
    const send = () =>
      once(
        url,
        {
          method,
          headers,
          signal,
          ...(body !== undefined && { body }),
          ...(maxBytes !== undefined && { maxBytes }),
        },
        proxy,
      );
    try {
      r = await send().catch((e: unknown) => {
        if (init.resendable === true && isStale(e)) return send();
        throw e;
      });
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
      url: url.href,
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
}

/** proxyFor, with a proxy variable that is no URL reported without its value (it may hold a login). */
function proxyOf(url: URL, env: Env): URL | undefined {
  try {
    const proxy = proxyFor(url, env);
    // A SOCKS proxy (ALL_PROXY=socks5://..., which docker ignores): the request goes directly, as
    // docker's push does.
    return proxy?.protocol === 'http:' || proxy?.protocol === 'https:' ? proxy : undefined;
  } catch {
    throw new TypeError('fetch failed', {
      cause: new Error('the proxy variable (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY) is not a URL'),
    });
  }
}

/** A request of simpleFetch's without a signal of its own gives up after this long. */
const SIMPLE_FETCH_TIMEOUT_MS = 30_000;

type SimpleInit = { method?: string; headers?: Record<string, string>; signal?: AbortSignal };
type SimpleAnswer = OciResponse & { json(): Promise<unknown>; text(): Promise<string> };

/**
 * One request as the global fetch makes it (status, headers, body), over nodeHttpFetch: the
 * registry's one-off questions (is it there, a tag's digest, a manifest by digest) load neither
 * undici nor its WHATWG streams (about 20 ms and 2.7 MB of a warm run's heap). Where a proxy
 * variable applies to the host (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY; not for a host NO_PROXY
 * names, nor loopback), the request goes through that proxy, as docker's and buildx's do: on any
 * Node version, without NODE_USE_ENV_PROXY.
 */
export async function simpleFetch(
  url: string,
  init: SimpleInit = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<SimpleAnswer> {
  // Its own signal or timeout, and SIGINT/SIGTERM: a registry that never answers holds no exit.
  const signal = untilInterrupted(init.signal ?? AbortSignal.timeout(SIMPLE_FETCH_TIMEOUT_MS));
  const r = await fetchVia(
    url,
    {
      method: init.method ?? 'GET',
      headers: { 'User-Agent': USER_AGENT, ...init.headers },
      signal,
      resendable: true,
    },
    env,
  );
  const text = async () => Buffer.from(await r.arrayBuffer()).toString('utf8');
  return { ...r, text, json: async () => JSON.parse(await text()) as unknown };
}
