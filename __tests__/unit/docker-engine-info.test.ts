import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { infoOverSocket, localEngineSocket, localImageInspect } from '../../src/docker/engine-info.js';

describe('localEngineSocket: the socket docker-modem would use', () => {
  const USER = '/home/u/.docker/run/docker.sock';
  it.each([
    ['no DOCKER_HOST, no user socket', {}, false, '/var/run/docker.sock'],
    ['no DOCKER_HOST, a user socket (Docker Desktop)', {}, true, USER],
    ['an empty DOCKER_HOST', { DOCKER_HOST: '' }, false, '/var/run/docker.sock'],
    ['unix://PATH', { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, true, '/run/user/1000/docker.sock'],
    ['unix:// without a path: the default', { DOCKER_HOST: 'unix://' }, false, '/var/run/docker.sock'],
    ['tcp://: left to dockerode', { DOCKER_HOST: 'tcp://10.0.0.7:2376' }, false, undefined],
    ['ssh://: left to dockerode', { DOCKER_HOST: 'ssh://me@builder' }, false, undefined],
    ['a bare host: left to dockerode', { DOCKER_HOST: 'localhost:2375' }, false, undefined],
    ['npipe://: left to dockerode', { DOCKER_HOST: 'npipe:////./pipe/docker_engine' }, false, undefined],
  ])('%s -> %s', (_name, env, userSocket, expected) => {
    expect(localEngineSocket(env, 'linux', (f) => userSocket && f === USER, '/home/u')).toBe(expected);
  });

  it('Windows: left to dockerode', () => {
    expect(localEngineSocket({}, 'win32', () => false, 'C:\\\\Users\\\\u')).toBeUndefined();
  });
});

describe('infoOverSocket', () => {
  let dir: string;
  let server: http.Server | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-engine-info-'));
  });
  afterEach(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  /** An engine on a unix socket that answers every request with STATUS and BODY; its socket. */
  async function engine(status: number, body: string, seen: string[] = []): Promise<string> {
    const socket = path.join(dir, 'docker.sock');
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((r) => server!.listen(socket, r));
    return socket;
  }

  it("GET /info: the engine's JSON", async () => {
    const seen: string[] = [];
    const socket = await engine(200, JSON.stringify({ Runtimes: { runc: {} } }), seen);
    expect(await infoOverSocket(socket)).toEqual({ Runtimes: { runc: {} } });
    expect(seen).toEqual(['GET /info']);
  });

  it.each([
    ['an error status', 500, '{"message":"boom"}'],
    ['a body that is not JSON', 200, '<html>proxy</html>'],
  ])('%s: undefined (dockerode is asked)', async (_name, status, body) => {
    expect(await infoOverSocket(await engine(status, body))).toBeUndefined();
  });

  it('no engine on the socket: undefined', async () => {
    expect(await infoOverSocket(path.join(dir, 'none.sock'))).toBeUndefined();
  });

  it('an engine that never answers: undefined after the timeout', async () => {
    const socket = path.join(dir, 'docker.sock');
    server = http.createServer(() => undefined);
    await new Promise<void>((r) => server!.listen(socket, r));
    expect(await infoOverSocket(socket, 50)).toBeUndefined();
    server.closeAllConnections();
  });
});

describe('localImageInspect: an image over the local socket, never pulled', () => {
  let dir: string;
  let server: http.Server | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-engine-image-'));
  });
  afterEach(async () => {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  /** An engine answering STATUS and BODY to an image inspect; the env naming its socket. */
  async function engine(status: number, body: string, seen: string[] = []) {
    const socket = path.join(dir, 'docker.sock');
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((r) => server!.listen(socket, r));
    return { DOCKER_HOST: `unix://${socket}` };
  }

  it("GET /images/REF/json: the engine's JSON", async () => {
    const seen: string[] = [];
    const env = await engine(200, '{"Id":"sha256:abc"}', seen);
    expect(await localImageInspect('localhost:5000/a/b:1.0', env)).toEqual({ Id: 'sha256:abc' });
    expect(await localImageInspect('sha256:abc', env)).toEqual({ Id: 'sha256:abc' });
    expect(await localImageInspect('ghcr.io/my_org/my__model:v1_RC', env)).toEqual({ Id: 'sha256:abc' });
    expect(seen).toEqual([
      'GET /images/localhost:5000/a/b:1.0/json',
      'GET /images/sha256:abc/json',
      'GET /images/ghcr.io/my_org/my__model:v1_RC/json',
    ]);
  });

  it('404: null (the engine holds no such image)', async () => {
    expect(await localImageInspect('r:t', await engine(404, '{"message":"No such image: r:t"}'))).toBeNull();
  });

  it.each([
    ['an error status', 500, '{"message":"boom"}'],
    ['a body that is not JSON', 200, '<html>proxy</html>'],
  ])('%s: undefined (dockerode is asked)', async (_name, status, body) => {
    expect(await localImageInspect('r:t', await engine(status, body))).toBeUndefined();
  });

  it.each(['r:t?x=1', 'r/../../info', 'r t', '/r:t', 'r#t', ''])(
    'a reference outside the plain form (%j): undefined, nothing sent',
    async (ref) => {
      const seen: string[] = [];
      const env = await engine(200, '{"Id":"sha256:abc"}', seen);
      expect(await localImageInspect(ref, env)).toBeUndefined();
      expect(seen).toEqual([]);
    },
  );

  it('a remote engine (tcp://): undefined, nothing sent', async () => {
    expect(await localImageInspect('r:t', { DOCKER_HOST: 'tcp://10.0.0.7:2376' })).toBeUndefined();
  });
});
