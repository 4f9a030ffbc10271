// The registry's one-off questions (checkRegistry before a push, doctor's push check) go through the
// proxy that HTTPS_PROXY/HTTP_PROXY name, on any Node version, and not for hosts NO_PROXY names.
// An in-process proxy on 127.0.0.1 stands for the runner's; nothing leaves the machine.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleFetch } from '../../src/docker/http-fetch.js';
import { noProxyExempts, proxyApplies, proxyFor } from '../../src/docker/plain-http.js';
import { checkRegistry } from '../../src/docker/registry.js';
import { registryDeps } from '../../src/docker/registry-io.js';

const seen: string[] = [];
let proxy: http.Server;
let port = 0;

beforeAll(async () => {
  // Plain HTTP in the proxy's absolute form gets a registry's answer; every CONNECT a 502.
  proxy = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} auth=${req.headers['proxy-authorization'] ?? 'none'}`);
    res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' });
    res.end('{"errors":[]}');
  });
  proxy.on('connect', (req: http.IncomingMessage, sock: Socket) => {
    seen.push(`CONNECT ${req.url} auth=${req.headers['proxy-authorization'] ?? 'none'}`);
    sock.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  port = (proxy.address() as AddressInfo).port;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
});

describe('simpleFetch through a proxy', () => {
  const login = Buffer.from('user:s3cret').toString('base64');

  it('opens a CONNECT tunnel with the proxy login for an HTTPS registry, and never prints it', async () => {
    seen.length = 0;
    const env = { HTTPS_PROXY: `http://user:s3cret@127.0.0.1:${port}` };
    const e = await simpleFetch('https://registry.corp.invalid/v2/', {}, env).catch((x: unknown) => x);
    expect(seen).toEqual([`CONNECT registry.corp.invalid:443 auth=Basic ${login}`]);
    const cause = (e as { cause: Error }).cause;
    expect(cause.message).toBe(
      `the proxy http://127.0.0.1:${port} answered HTTP 502 to CONNECT registry.corp.invalid:443`,
    );
    expect(JSON.stringify(e) + String(e) + cause.message).not.toContain('s3cret');
  });

  it('asks a plain-HTTP registry in the proxy absolute form', async () => {
    seen.length = 0;
    const env = { http_proxy: `127.0.0.1:${port}` };
    const r = await simpleFetch('http://registry.corp.invalid:5000/v2/', {}, env);
    expect(r.status).toBe(401);
    expect(seen).toEqual(['GET http://registry.corp.invalid:5000/v2/ auth=none']);
  });

  it('goes through the proxy for checkRegistry and for doctor deps', async () => {
    seen.length = 0;
    const env = { HTTPS_PROXY: `http://127.0.0.1:${port}` };
    const old = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = env.HTTPS_PROXY;
    try {
      await expect(checkRegistry('registry.corp.invalid:5443')).rejects.toThrow(/answered HTTP 502/);
    } finally {
      if (old === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = old;
    }
    await registryDeps(env)
      .fetch('https://registry.corp.invalid/v2/')
      .catch(() => undefined);
    expect(seen).toEqual([
      'CONNECT registry.corp.invalid:5443 auth=none',
      'CONNECT registry.corp.invalid:443 auth=none',
    ]);
  });

  it('a SOCKS proxy (ALL_PROXY, which docker ignores) is not used: the request goes directly', async () => {
    seen.length = 0;
    const env = { ALL_PROXY: `socks5://127.0.0.1:${port}` };
    // localhost. (not loopback to the proxy rules) at port 1: refused, without asking a resolver.
    const e = await simpleFetch('https://localhost.:1/v2/', {}, env).catch((x: unknown) => x);
    expect(seen).toEqual([]);
    expect((e as { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
  });

  it('a proxy variable that is no URL is reported without its value', async () => {
    const env = { HTTPS_PROXY: 'http://user:s3cret@[bad' };
    const e = await simpleFetch('https://registry.corp.invalid/v2/', {}, env).catch((x: unknown) => x);
    expect((e as { cause: Error }).cause.message).toMatch(/is not a URL/);
    expect(String((e as { cause: Error }).cause.message)).not.toContain('s3cret');
  });
});

describe('NO_PROXY', () => {
  const P = { HTTPS_PROXY: 'http://proxy:3128' };
  it.each([
    ['registry.corp.example', '', false],
    ['registry.corp.example', '*', true],
    ['registry.corp.example', 'registry.corp.example', true],
    ['registry.corp.example:5000', 'registry.corp.example', true],
    ['registry.corp.example:5000', '.corp.example', true],
    ['registry.corp.example:5000', 'corp.example', true],
    ['registry.corp.example:5000', '*.corp.example', true],
    ['corp.example', '.corp.example', true],
    ['notcorp.example', 'corp.example', false],
    ['registry.corp.example:5000', 'registry.corp.example:5000', true],
    ['registry.corp.example:5001', 'registry.corp.example:5000', false],
    ['registry.corp.example', 'registry.corp.example:443', true],
    ['REGISTRY.Corp.Example.', 'registry.corp.example', true],
    ['10.0.0.5:5000', 'other.example, 10.0.0.5', true],
    ['10.0.0.50:5000', '10.0.0.5', false],
    ['[fd00::2]:5000', 'fd00::2', true],
    ['[fd00::2]:5000', '[fd00::2]:5000', true],
    ['[fd00::2]:5000', '[fd00::2]:5001', false],
    ['localhost:5000', '', true],
  ])('%s with NO_PROXY=%j: exempt %s', (host, list, exempt) => {
    expect(noProxyExempts(host, { NO_PROXY: list })).toBe(exempt);
    expect(noProxyExempts(host, { no_proxy: list })).toBe(exempt);
    expect(proxyApplies(host, { ...P, NO_PROXY: list })).toBe(!exempt);
  });

  it('picks the proxy for the scheme, lower case first, HTTP_PROXY for HTTPS when alone', () => {
    const u = (s: string) => new URL(s);
    expect(
      proxyFor(u('https://r.example/'), { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2' })?.host,
    ).toBe('b:2');
    expect(proxyFor(u('https://r.example/'), { HTTP_PROXY: 'http://a:1' })?.host).toBe('a:1');
    expect(proxyFor(u('http://r.example/'), { HTTPS_PROXY: 'http://a:1' })).toBeUndefined();
    expect(proxyFor(u('https://r.example/'), { ALL_PROXY: 'a:1' })?.href).toBe('http://a:1/');
    expect(
      proxyFor(u('https://r.example/'), { HTTPS_PROXY: 'http://a:1', NO_PROXY: 'example' }),
    ).toBeUndefined();
    expect(proxyFor(u('https://r.example/'), {})).toBeUndefined();
  });
});
