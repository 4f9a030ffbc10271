// What the registry check says when it gets no answer (a private CA, a plain-HTTP registry), and
// how it accepts a registry that speaks plain HTTP (docker's insecure-registries): asked again at
// http://HOST/v2/ without credentials. An in-process server on 127.0.0.1 stands for the registry.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegistry, type Fetch, registryUnreachable } from '../../src/docker/registry.js';

const failed = (code: string, message = code) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

describe('registryUnreachable names the fix for the cause', () => {
  it.each([
    [
      'a private CA',
      'registry.corp.example',
      failed('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
      /NODE_EXTRA_CA_CERTS/,
    ],
    ['a self-signed certificate', 'r.example', failed('DEPTH_ZERO_SELF_SIGNED_CERT'), /NODE_EXTRA_CA_CERTS/],
    ['an unknown issuer', 'r.example', failed('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), /ML_IMAGE_SIGNER=cosign/],
    ['a mis-named certificate', 'r.example', failed('ERR_TLS_CERT_ALTNAME_INVALID'), /NODE_EXTRA_CA_CERTS/],
    [
      'plain HTTP',
      'registry.lan:5000',
      failed('EPROTO', 'SSL routines::wrong version number'),
      /does not speak HTTPS/,
    ],
    ['no such host', 'registry.corp.example', failed('ENOTFOUND'), /host name, your network.*NO_PROXY/],
    [
      'a loopback one',
      'localhost:5000',
      failed('ECONNREFUSED'),
      /^start the registry at localhost:5000, or, if that host or port is wrong, name the right one: image\.registry in the config \(ml-image\.yml.*\), or the image reference given to verify or export$/,
    ],
    [
      'a loopback one that took the connection and never answered (AbortSignal.timeout)',
      'localhost:5188',
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      /^the registry at localhost:5188 took the connection but did not answer in time/,
    ],
  ])('%s', (_what, host, e, fix) => {
    const err = registryUnreachable(host, `https://${host}/v2/`, e);
    expect(err.exitCode).toBe(3);
    expect(err.fix).toMatch(fix);
    // A user's project has no test bed: its script is never the fix.
    expect(err.fix).not.toMatch(/test-env|test machine/);
  });

  it('keeps a caller fix', () => {
    expect(registryUnreachable('r.example', 'x', failed('CERT_HAS_EXPIRED'), { fix: 'mine' }).fix).toBe(
      'mine',
    );
  });
});

describe('checkRegistry and a plain-HTTP registry', () => {
  const seen: string[] = [];
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? 'none'}`);
      res.writeHead(req.url === '/v2/' ? 401 : 404);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('a name that is not loopback to Docker (localhost.) asks http://HOST/v2/ anonymously and notes it', async () => {
    seen.length = 0;
    const notes: string[] = [];
    const host = `localhost.:${port}`;
    await expect(checkRegistry(host, undefined, 5000, (l) => notes.push(l))).resolves.toBe(401);
    expect(seen).toEqual(['GET /v2/ auth=none']);
    expect(notes).toEqual([expect.stringMatching(/^registry localhost\.:\d+ speaks plain HTTP .*signing/)]);
  });

  it.each([
    ['answers 200', 200, 200],
    ['answers 401', 401, 401],
  ])('on a TLS protocol error, http://HOST/v2/ that %s is the registry', async (_w, plain, want) => {
    const asked: string[] = [];
    const fetchFn: Fetch = async (url) => {
      asked.push(url);
      if (url.startsWith('https:')) throw failed('EPROTO', 'wrong version number');
      return { status: plain };
    };
    await expect(checkRegistry('registry.lan:5000', fetchFn, 1000, () => undefined)).resolves.toBe(want);
    expect(asked).toEqual(['https://registry.lan:5000/v2/', 'http://registry.lan:5000/v2/']);
  });

  it.each([
    ['a plain-HTTP answer that is no registry', async () => ({ status: 404 })],
    ['no plain-HTTP answer', async () => Promise.reject(failed('ECONNRESET'))],
  ])('%s: unreachable, exit 3, naming HTTPS', async (_w, plainAnswer) => {
    const fetchFn: Fetch = async (url) =>
      url.startsWith('https:') ? Promise.reject(failed('EPROTO', 'wrong version number')) : plainAnswer();
    const e = await checkRegistry('registry.lan:5000', fetchFn, 1000, () => undefined).catch(
      (x: unknown) => x,
    );
    expect(e).toMatchObject({ exitCode: 3, fix: expect.stringMatching(/does not speak HTTPS/) });
  });

  it.each(['docker.io', 'index.docker.io', 'registry-1.docker.io'])(
    'Docker Hub (%s) is asked at its API, registry-1.docker.io, as docker asks it',
    async (host) => {
      const asked: string[] = [];
      const fetchFn: Fetch = async (url) => {
        asked.push(url);
        return { status: url === 'https://registry-1.docker.io/v2/' ? 401 : 404 };
      };
      await expect(checkRegistry(host, fetchFn, 1000, () => undefined)).resolves.toBe(401);
      expect(asked).toEqual(['https://registry-1.docker.io/v2/']);
    },
  );

  it('a certificate error is not retried over plain HTTP', async () => {
    const asked: string[] = [];
    const fetchFn: Fetch = async (url) => {
      asked.push(url);
      throw failed('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    };
    const e = await checkRegistry('registry.corp.example', fetchFn, 1000).catch((x: unknown) => x);
    expect(e).toMatchObject({ exitCode: 3, fix: expect.stringMatching(/NODE_EXTRA_CA_CERTS/) });
    expect(asked).toEqual(['https://registry.corp.example/v2/']);
  });
});
