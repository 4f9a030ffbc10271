// `ml-image doctor --registry HOST/REPOSITORY`: which credential docker would use, and whether it may
// push, against an in-process registry that speaks the distribution token flow (Bearer challenge,
// token endpoint with a pull,push scope, blob upload started then cancelled), with Docker's
// config.json written here. No secret appears in what doctor prints.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import {
  checkPush,
  type Credential,
  findCredential,
  parseRegistryTarget,
} from '../../src/docker/registry-auth.js';
import {
  parseChallenge,
  registryUnreachable,
  requestTarget,
  tokenServiceAllowed,
  tokenOf,
  tokenRequestUrl,
} from '../../src/docker/registry.js';
import { EnvironmentError, ExitCode, InputError } from '../../src/errors.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { clearInterruptedForTests, markInterrupted, runPendingCleanups } from '../../src/util/cleanup.js';

const WRITER = 'writer-Secret-Passw0rd';
const READER = 'reader-Secret-Passw0rd';
/** A login whose token request a captive portal answers with HTML. */
const PORTAL = 'portal-Secret-Passw0rd';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
}

let server: http.Server;
let port = 0;
const seen: Seen[] = [];

/** A registry with token auth: WRITER's login may push to acme/model, READER's may only pull. */
function registry(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  seen.push({
    method: req.method ?? '',
    url: req.url ?? '',
    ...(req.headers.authorization && { authorization: req.headers.authorization }),
  });
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const denied = (status: number, code: string, message: string) =>
    json(status, { errors: [{ code, message }] });
  if (url.pathname === '/v2/')
    return json(
      401,
      {},
      { 'WWW-Authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="fake"` },
    );
  if (url.pathname === '/token') {
    const auth = req.headers.authorization ?? '';
    const pass = Buffer.from(auth.replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':')[1];
    if (
      url.searchParams.get('scope') !== 'repository:acme/model:pull,push' ||
      url.searchParams.get('service') !== 'fake'
    )
      return denied(400, 'UNSUPPORTED', 'bad scope');
    if (pass === WRITER) return json(200, { token: 'tok-write' });
    if (pass === PORTAL) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<html>Sign in to the proxy</html>');
    }
    if (pass === READER) return json(200, { token: 'tok-read' });
    return denied(401, 'UNAUTHORIZED', 'authentication required');
  }
  if (req.method === 'POST' && url.pathname === '/v2/acme/model/blobs/uploads/') {
    if (req.headers.authorization === 'Bearer tok-write') {
      res.writeHead(202, { Location: '/v2/acme/model/blobs/uploads/u-1?_state=x' });
      return res.end();
    }
    return denied(403, 'DENIED', 'requested access to the resource is denied');
  }
  if (req.method === 'DELETE' && url.pathname === '/v2/acme/model/blobs/uploads/u-1') {
    res.writeHead(204);
    return res.end();
  }
  return denied(404, 'NOT_FOUND', 'no route');
}

const healthy = {
  ping: async () => ({ version: '27.0.0', apiVersion: '1.46', os: 'linux', arch: 'amd64' }),
  buildxVersion: async () => '0.13.1',
  buildxInspect: async () => ({
    name: 'default',
    driver: 'docker',
    platforms: ['linux/amd64', 'linux/arm64'],
  }),
};

let dir: string;
beforeAll(async () => {
  server = http.createServer(registry);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-doctor-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  seen.length = 0;
});

/** DOCKER_CONFIG holding a login of PASSWORD for the fake registry (none: no config at all). */
function dockerConfig(password?: string): string {
  const cfg = path.join(
    dir,
    `cfg-${password === undefined ? 'none' : password === WRITER ? 'writer' : 'reader'}`,
  );
  mkdirSync(cfg, { recursive: true });
  if (password !== undefined)
    writeFileSync(
      path.join(cfg, 'config.json'),
      JSON.stringify({
        auths: { [`127.0.0.1:${port}`]: { auth: Buffer.from(`bot:${password}`).toString('base64') } },
      }),
    );
  return cfg;
}

async function doctor(password?: string, target = `127.0.0.1:${port}/acme/model`) {
  const io = captureIo(dir, fakeDocker(healthy), { DOCKER_CONFIG: dockerConfig(password), HOME: dir });
  const code = await runCli(['doctor', '--registry', target], io);
  return { code, out: io.out(), err: io.err() };
}

describe('ml-image doctor --registry HOST/REPOSITORY', () => {
  it('a login that may write: which credential, and an upload started and cancelled (exit 0)', async () => {
    const r = await doctor(WRITER);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain(
      `ok   credential: a stored login (docker login; auths in ${dir}/cfg-writer/config.json)`,
    );
    expect(r.out).toContain(
      `ok   push: can push to 127.0.0.1:${port}/acme/model (an upload was started and cancelled; nothing written)`,
    );
    // The token was asked for with pull,push; the upload was cancelled with the same token.
    expect(seen.map((s) => `${s.method} ${s.url.split('?')[0]}`)).toContain(
      'DELETE /v2/acme/model/blobs/uploads/u-1',
    );
    expect(seen.find((s) => s.method === 'DELETE')?.authorization).toBe('Bearer tok-write');
    expect(r.out + r.err).not.toContain(WRITER);
  });

  it('a login that may only pull: FAIL push with the registry own words and the fix (exit 3)', async () => {
    const r = await doctor(READER);
    expect(r.code).toBe(3);
    expect(r.out).toContain(
      `FAIL push: cannot push to 127.0.0.1:${port}/acme/model: HTTP 403 DENIED: requested access to the resource is denied`,
    );
    expect(r.out).toContain(
      `fix: log in with a credential that may read and write acme/model: "docker login 127.0.0.1:${port}"`,
    );
    expect(r.out + r.err).not.toContain(READER);
  });

  it('no credential at all: said so, and the token request is refused (exit 3)', async () => {
    const r = await doctor(undefined);
    expect(r.code).toBe(3);
    expect(r.out).toContain('ok   credential: none (no Docker config.json): pulls and pushes are anonymous');
    expect(r.out).toContain(
      `FAIL push: 127.0.0.1:${port} refused a push token for acme/model (HTTP 401 UNAUTHORIZED: authentication required)`,
    );
  });

  it('a credential helper without a login for the host: anonymous, as docker goes on (the push check says so)', async () => {
    const noLogin: Credential = {
      kind: 'helper',
      describe: 'credential helper docker-credential-desktop',
      get: async () => undefined,
    };
    const r = await checkPush(`127.0.0.1:${port}`, 'acme/model', noLogin, { fetch });
    expect(r).toMatchObject({ ok: false });
    expect(r.detail).toBe(
      `127.0.0.1:${port} refused a push token for acme/model (HTTP 401 UNAUTHORIZED: authentication required; credential helper docker-credential-desktop has no login for 127.0.0.1:${port})`,
    );
    // The token was asked for without any Authorization.
    const token = seen.find((s) => s.url.startsWith('/token'));
    expect(token).toBeDefined();
    expect(token!.authorization).toBeUndefined();
  });

  it('a token service answering 200 with HTML: no token, said so (not a crash)', async () => {
    const portal: Credential = {
      kind: 'login',
      describe: 'a stored login',
      get: async () => ({ username: 'bot', secret: PORTAL }),
    };
    const r = await checkPush(`127.0.0.1:${port}`, 'acme/model', portal, { fetch });
    expect(r).toMatchObject({
      ok: false,
      detail: `127.0.0.1:${port} answered the token request without a token`,
    });
  });

  it('without a repository: reachability and the credential only, no upload', async () => {
    const r = await doctor(WRITER, `127.0.0.1:${port}`);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('push:');
    expect(seen.some((s) => s.method === 'POST')).toBe(false);
  });

  it('a target that is not HOST[/REPOSITORY] is bad input (exit 2)', async () => {
    const r = await doctor(WRITER, 'ghcr.io/Acme/Model');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"Acme/Model" is not a repository name');
  });
});

describe('the credential docker would use (pure)', () => {
  const config = (json: unknown) => () => ({ file: '/h/.docker/config.json', text: JSON.stringify(json) });
  const helper = async (name: string, server: string) => ({ username: name, secret: server });

  it.each([
    [
      { credHelpers: { 'ghcr.io': 'gh' }, credsStore: 'desktop' },
      'ghcr.io',
      'helper',
      'credential helper docker-credential-gh',
    ],
    [{ credsStore: 'pass' }, 'ghcr.io', 'store', 'credential store docker-credential-pass'],
    [
      { auths: { 'https://ghcr.io': { auth: 'dTpw' } }, credsStore: 'pass' },
      'ghcr.io',
      'login',
      'a stored login',
    ],
    [{ auths: { 'https://index.docker.io/v1/': { auth: 'dTpw' } } }, 'docker.io', 'login', 'a stored login'],
    [{ auths: { 'ghcr.io': { identitytoken: 'x' } } }, 'ghcr.io', 'token', 'an identity token'],
    [{ auths: { 'quay.io': { auth: 'dTpw' } } }, 'ghcr.io', 'none', 'none for ghcr.io'],
  ])('%j for %s: %s', (json, host, kind, describe) => {
    const c = findCredential(host, { dockerConfig: config(json), helper });
    expect(c.kind).toBe(kind);
    expect(c.describe).toContain(describe);
  });

  it('a helper is asked for the server docker asks for (Hub: its v1 URL), only when needed', async () => {
    const c = findCredential('docker.io', {
      dockerConfig: config({ credHelpers: { 'https://index.docker.io/v1/': 'osxkeychain' } }),
      helper,
    });
    expect(await c.get!()).toEqual({ username: 'osxkeychain', secret: 'https://index.docker.io/v1/' });
  });

  it('a config.json that is not JSON is an environment problem naming the file', () => {
    expect(() =>
      findCredential('ghcr.io', { dockerConfig: () => ({ file: '/h/c.json', text: '{' }), helper }),
    ).toThrow(/\/h\/c\.json is not JSON/);
  });

  it.each([
    ['ghcr.io', { host: 'ghcr.io' }],
    ['https://ghcr.io/acme/model', { host: 'ghcr.io', repository: 'acme/model' }],
    ['localhost:5000/team/a-b_c', { host: 'localhost:5000', repository: 'team/a-b_c' }],
  ])('target %s', (raw, expected) => {
    expect(parseRegistryTarget(raw)).toEqual(expected);
  });

  it.each(['', 'ghcr.io/UPPER', 'bad host/x', 'ghcr.io//x'])('bad target %j', (raw) => {
    expect(() => parseRegistryTarget(raw)).toThrow(InputError);
  });

  it('reads a challenge as docker does', () => {
    expect(
      parseChallenge('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:a/b:pull' },
    });
  });
});

describe('the token flow and the unreachable registry, shared by the signer, verify and doctor (pure)', () => {
  it.each([
    ['token', { token: 't1' }, 't1'],
    ["OAuth's access_token", { access_token: 'a1' }, 'a1'],
    ['token first', { token: 't1', access_token: 'a1' }, 't1'],
    ['an empty token: the access_token', { token: '', access_token: 'a1' }, 'a1'],
    ['neither', { expires_in: 300 }, undefined],
    ['not strings', { token: 7, access_token: null }, undefined],
    ['not an object', 'token', undefined],
    ['null', null, undefined],
  ])('tokenOf: %s', (_what, body, token) => {
    expect(tokenOf(body)).toBe(token);
  });

  it('tokenRequestUrl: the realm with the service and the scope, the realm query kept', () => {
    const url = tokenRequestUrl(
      { realm: 'https://auth.example.com/token?a=1', service: 'reg' },
      'repository:x/y:pull',
    );
    expect(url.origin + url.pathname).toBe('https://auth.example.com/token');
    expect([...url.searchParams]).toEqual([
      ['a', '1'],
      ['service', 'reg'],
      ['scope', 'repository:x/y:pull'],
    ]);
    expect(tokenRequestUrl({ realm: 'https://a/t' }, 's').searchParams.has('service')).toBe(false);
  });

  it.each([
    [
      'a loopback registry: start it, or name the right one',
      'localhost:5000',
      {},
      /^start the registry at localhost:5000, or.*image\.registry/,
    ],
    ['a remote one: name, network, proxy', 'ghcr.io', {}, /check the registry host name, your network/],
    ['a fix given wins', 'ghcr.io', { fix: 'trust the CA' }, /^trust the CA$/],
  ])('registryUnreachable: %s', (_what, host, opts, fix) => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    const e = registryUnreachable(host, 'GET /v2/', refused, opts);
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.exitCode).toBe(ExitCode.Environment);
    expect(e.message).toBe(`registry ${host} is unreachable (GET /v2/: ECONNREFUSED)`);
    expect(e.fix).toMatch(fix);
    expect(registryUnreachable(host, 'GET /v2/', refused, { why: 'no answer within 30s' }).message).toBe(
      `registry ${host} is unreachable (GET /v2/: no answer within 30s)`,
    );
  });
});

describe('requestTarget: where a registry may send a request, and with which credentials', () => {
  it.each([
    ['https://ghcr.io/v2/x/blobs/uploads/1', 'https://ghcr.io', 'own'],
    ['https://storage.example/u/1', 'https://ghcr.io', 'other'],
    ['http://storage.example/u/1', 'https://ghcr.io', 'refused'],
    ['http://ghcr.io/v2/', 'https://ghcr.io', 'refused'],
    ['http://localhost:5000/v2/', 'http://localhost:5000', 'own'],
    ['http://127.0.0.1:9000/u/1', 'http://localhost:5000', 'other'],
  ] as const)('%s from %s: %s', (url, base, want) => {
    expect(requestTarget(new URL(url), base)).toBe(want);
  });

  it.each([
    ['https://ghcr.io/token', 'https://ghcr.io', true],
    ['https://auth.docker.io/token', 'https://registry-1.docker.io', true],
    ['http://auth.example/token', 'https://ghcr.io', false],
    ['http://localhost:5000/token', 'http://localhost:5000', true],
    ['http://[::1]:9000/token', 'http://localhost:5000', true],
    ['https://auth.example.com/token', 'http://localhost:5000', true],
    // A loopback registry (a tunnel, a forwarded port) cannot have a login cross the network in clear.
    ['http://auth.example.com/token', 'http://localhost:5000', false],
    ['http://10.0.0.8:5000/token', 'http://127.0.0.1:5000', false],
  ] as const)('the login to a token service at %s of %s: %s', (url, base, want) => {
    expect(tokenServiceAllowed(new URL(url), base)).toBe(want);
  });
});

describe('checkPush sends the login only where it belongs', () => {
  const HOST = 'registry.example';
  const LOGIN: Credential = {
    kind: 'login',
    describe: 'a login',
    get: async () => ({ username: 'ci', secret: 'Push-Secret-0' }),
  };
  /** A registry on HOST (HTTPS) whose challenge names REALM and whose uploads move to LOCATION. */
  function fakeRegistry(realm: string, location: string) {
    const sent: { method: string; url: string; authorization?: string }[] = [];
    const fetch = async (
      url: string | URL,
      init: { method?: string; headers?: Record<string, string> } = {},
    ) => {
      const u = new URL(url);
      sent.push({
        method: init.method ?? 'GET',
        url: `${u.origin}${u.pathname}`,
        ...(init.headers?.Authorization && { authorization: init.headers.Authorization }),
      });
      if (u.pathname === '/v2/')
        return new Response('{}', {
          status: 401,
          headers: { 'WWW-Authenticate': `Bearer realm="${realm}"` },
        });
      if (u.pathname === '/token') return new Response('{"token":"Tok-1"}', { status: 200 });
      if (u.pathname.endsWith('/blobs/uploads/'))
        return new Response('', { status: 202, headers: { Location: location } });
      return new Response('', { status: 204 });
    };
    return { sent, fetch: fetch as unknown as typeof globalThis.fetch };
  }

  it('a token service over plain HTTP: refused before the login is sent', async () => {
    const r = fakeRegistry('http://auth.example/token', '/v2/acme/m/blobs/uploads/1');
    const check = await checkPush(HOST, 'acme/m', LOGIN, { fetch: r.fetch });
    expect(check.ok).toBe(false);
    expect(check.detail).toBe(`${HOST} names a token service over plain HTTP (http://auth.example): refused`);
    expect(r.sent.map((s) => s.url)).toEqual([`https://${HOST}/v2/`]);
  });

  it('a loopback registry naming a token service on another host over plain HTTP: refused too', async () => {
    const r = fakeRegistry('http://auth.example/token', '/v2/acme/m/blobs/uploads/1');
    const check = await checkPush('localhost:5000', 'acme/m', LOGIN, { fetch: r.fetch });
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(
      /names a token service over plain HTTP \(http:\/\/auth\.example\): refused$/,
    );
    expect(r.sent.filter((s) => s.authorization !== undefined)).toEqual([]);
  });

  it.each<[string, string, { method: string; url: string; authorization?: string }[]]>([
    [
      'on the registry: cancelled with the token',
      '/v2/acme/m/blobs/uploads/1',
      [{ method: 'DELETE', url: `https://${HOST}/v2/acme/m/blobs/uploads/1`, authorization: 'Bearer Tok-1' }],
    ],
    [
      'on another HTTPS host: cancelled without the token',
      'https://storage.example/u/1',
      [{ method: 'DELETE', url: 'https://storage.example/u/1' }],
    ],
    ['moved to plain HTTP: left to expire, nothing sent there', 'http://storage.example/u/1', []],
  ])('an upload %s', async (_what, location, cancels) => {
    const r = fakeRegistry('https://auth.example/token', location);
    const check = await checkPush(HOST, 'acme/m', LOGIN, { fetch: r.fetch });
    expect(check.ok).toBe(true);
    expect(r.sent.filter((s) => s.method === 'DELETE')).toEqual(cancels);
    // The Basic login went to the token service only.
    expect(r.sent.filter((s) => s.authorization?.startsWith('Basic')).map((s) => s.url)).toEqual([
      'https://auth.example/token',
    ]);
  });

  it('SIGINT while the upload is being started: the cleanup cancels it once the registry answers', async () => {
    const r = fakeRegistry('https://auth.example/token', '/v2/acme/m/blobs/uploads/1');
    let answer!: () => void;
    const posted = new Promise<void>((resolve) => (answer = resolve));
    let reached!: () => void;
    const atPost = new Promise<void>((resolve) => (reached = resolve));
    const fetch = (async (url: string | URL, init?: { method?: string }) => {
      if (init?.method === 'POST') {
        reached();
        await posted;
      }
      return r.fetch(url, init as RequestInit);
    }) as unknown as typeof globalThis.fetch;
    const check = checkPush(HOST, 'acme/m', LOGIN, { fetch });
    await atPost;
    // The signal handler: marks the process, runs the cleanups (they wait for the POST's answer).
    markInterrupted('SIGINT');
    try {
      const cleaning = runPendingCleanups();
      answer();
      await cleaning;
      expect(r.sent.filter((s) => s.method === 'DELETE').map((s) => s.url)).toEqual([
        `https://${HOST}/v2/acme/m/blobs/uploads/1`,
      ]);
      await check;
      // Cancelled once, not again by the check itself.
      expect(r.sent.filter((s) => s.method === 'DELETE')).toHaveLength(1);
    } finally {
      clearInterruptedForTests();
    }
  });

  it('after SIGINT no push check starts an upload', async () => {
    const r = fakeRegistry('https://auth.example/token', '/v2/acme/m/blobs/uploads/1');
    markInterrupted('SIGINT');
    try {
      await expect(checkPush(HOST, 'acme/m', LOGIN, { fetch: r.fetch })).rejects.toThrow(
        /SIGINT: not starting a registry push check/,
      );
    } finally {
      clearInterruptedForTests();
    }
    expect(r.sent.filter((s) => s.method === 'POST')).toEqual([]);
  });

  it('a config.json that is not JSON: the message quotes none of it', () => {
    const text = '{"auths":{"ghcr.io":{"auth":dXNlcjpnaHBfc2VjcmV0c2VjcmV0c2VjcmV0}}}';
    let message = '';
    try {
      findCredential('ghcr.io', {
        dockerConfig: () => ({ file: '/h/c.json', text }),
        helper: async () => undefined,
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^\/h\/c\.json is not JSON/);
    expect(message).not.toContain('dXNlcj');
  });
});

describe('doctor --registry with a Docker config.json that is not a regular file', () => {
  // Each is the environment's problem (exit 3), as a config.json that is not JSON: a failed
  // credential check naming the file, never an internal error.
  it.each([
    ['a directory', (f: string) => mkdirSync(f), /is a directory, not a regular file/],
    [
      'a link to a directory',
      (f: string) => {
        mkdirSync(`${f}.d`);
        symlinkSync(`${f}.d`, f);
      },
      /is a directory, not a regular file/,
    ],
  ])('config.json %s: FAIL credential naming the file (exit 3)', async (what, plant, detail) => {
    const cfg = mkdtempSync(path.join(dir, 'cfg-odd-'));
    const file = path.join(cfg, 'config.json');
    plant(file);
    const io = captureIo(dir, fakeDocker(healthy), { DOCKER_CONFIG: cfg, HOME: dir });
    expect(await runCli(['doctor', '--registry', `127.0.0.1:${port}`, '--json'], io)).toBe(3);
    const report = JSON.parse(io.out()) as {
      checks: { name: string; ok: boolean; detail: string; fix?: string }[];
      error: { exitCode: number };
    };
    const credential = report.checks.find((c) => c.name === 'credential');
    expect(credential?.ok).toBe(false);
    expect(credential?.detail).toContain(file);
    expect(credential?.detail).toMatch(detail);
    expect(credential?.fix).toBe(`fix or remove ${file}, then log in again (docker login)`);
    expect(report.error.exitCode).toBe(3);
    expect(io.err()).not.toContain('internal error');
  });
});

describe('doctor --json masks what stderr masks', () => {
  it('a token of a known form in a failed check is [redacted] in the JSON too', async () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const io = captureIo(dir, fakeDocker(healthy), { DOCKER_CONFIG: dockerConfig(READER), HOME: dir });
    const target = `127.0.0.1:${port}/acme/${token}`;
    expect(await runCli(['doctor', '--registry', target, '--json'], io)).toBe(3);
    const report = JSON.parse(io.out()) as { error: { problems: string[]; fix?: string } };
    expect(report.error.problems.join('\n')).toMatch(/push: .* for acme\/\[redacted\]/);
    expect(io.out() + io.err()).not.toContain(token);
  });
});
