// Which engine the in-process clients use: DOCKER_HOST, else the Docker context the docker CLI
// would use (DOCKER_CONTEXT, else config.json's currentContext), else the default socket; and the
// docker-modem options for a context's endpoint. A context store in memory: no process starts.
import { createHash } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { buildsOnEngine } from '../../src/build/retry.js';
import {
  type ContextEndpoint,
  type ContextFs,
  currentContext,
  engineEnv,
  engineOf,
  modemOptions,
} from '../../src/docker/context.js';
import { engineClient } from '../../src/docker/client.js';
import { pingEngine } from '../../src/docker/daemon-info.js';
import {
  cliFailure,
  connectionError,
  DAEMON_FIX,
  DAEMON_PERMISSION_FIX,
  engineContexts,
} from '../../src/docker/failures.js';
import { EnvironmentError, ExitCode, exitCodeOf } from '../../src/errors.js';

const CONFIG = '/home/u/.docker';
const id = (name: string) => createHash('sha256').update(name).digest('hex');
const metaFile = (dir: string, name: string) => path.join(dir, 'contexts', 'meta', id(name), 'meta.json');
const tlsDir = (dir: string, name: string) => path.join(dir, 'contexts', 'tls', id(name), 'docker');
const meta = (name: string, host: string, skip = false) =>
  JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: skip } } });

function store(files: Record<string, string>, dirs: string[] = []): ContextFs {
  return { read: (f) => files[f], exists: (f) => dirs.includes(f) || f in files };
}

const colima = {
  [metaFile(CONFIG, 'colima')]: meta('colima', 'unix:///home/u/.colima/default/docker.sock'),
  [metaFile(CONFIG, 'remote')]: meta('remote', 'tcp://build.example:2376'),
};

describe('currentContext: the engine the docker CLI would use', () => {
  it.each<[string, Record<string, string>, Record<string, string>, Partial<ContextEndpoint> | undefined]>([
    ['no context, no config: the default socket', {}, {}, undefined],
    [
      'DOCKER_CONTEXT names one',
      { DOCKER_CONTEXT: 'colima' },
      colima,
      { name: 'colima', from: 'DOCKER_CONTEXT', host: 'unix:///home/u/.colima/default/docker.sock' },
    ],
    [
      "config.json's currentContext (docker context use)",
      {},
      { ...colima, [`${CONFIG}/config.json`]: '{"auths":{},"currentContext":"colima"}' },
      { name: 'colima', from: `currentContext in ${CONFIG}/config.json` },
    ],
    [
      'DOCKER_CONTEXT wins over the config file',
      { DOCKER_CONTEXT: 'remote' },
      { ...colima, [`${CONFIG}/config.json`]: '{"currentContext":"colima"}' },
      { name: 'remote', host: 'tcp://build.example:2376' },
    ],
    [
      'DOCKER_HOST wins over any context',
      { DOCKER_HOST: 'unix:///run/other.sock', DOCKER_CONTEXT: 'colima' },
      colima,
      undefined,
    ],
    ['DOCKER_CONTEXT=default: the default socket', { DOCKER_CONTEXT: 'default' }, colima, undefined],
    [
      'currentContext "default"',
      {},
      { ...colima, [`${CONFIG}/config.json`]: '{"currentContext":"default"}' },
      undefined,
    ],
    [
      'a config file that is not JSON (the docker CLI warns and goes on)',
      {},
      { ...colima, [`${CONFIG}/config.json`]: '{"currentContext": colima' },
      undefined,
    ],
    [
      'DOCKER_CONFIG moves the store',
      { DOCKER_CONFIG: '/etc/dcfg', DOCKER_CONTEXT: 'ci' },
      { [metaFile('/etc/dcfg', 'ci')]: meta('ci', 'unix:///run/ci.sock') },
      { name: 'ci', host: 'unix:///run/ci.sock' },
    ],
    [
      "HOME's ~/.docker",
      { HOME: '/home/v', DOCKER_CONTEXT: 'x' },
      { [metaFile('/home/v/.docker', 'x')]: meta('x', 'unix:///run/x.sock') },
      { name: 'x', host: 'unix:///run/x.sock' },
    ],
  ])('%s', (_what, env, files, expected) => {
    const got = currentContext({ HOME: '/home/u', ...env }, store(files));
    if (expected === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(expected);
  });

  it("a context's TLS store and SkipTLSVerify are kept", () => {
    const files = { [metaFile(CONFIG, 'tls')]: meta('tls', 'tcp://10.0.0.5:2376', true) };
    expect(
      currentContext({ HOME: '/home/u', DOCKER_CONTEXT: 'tls' }, store(files, [tlsDir(CONFIG, 'tls')])),
    ).toEqual({
      name: 'tls',
      from: 'DOCKER_CONTEXT',
      host: 'tcp://10.0.0.5:2376',
      tlsDir: tlsDir(CONFIG, 'tls'),
      skipTlsVerify: true,
    });
  });

  it.each<[string, Record<string, string>, Record<string, string>, RegExp]>([
    [
      'DOCKER_CONTEXT names none',
      { DOCKER_CONTEXT: 'nosuch' },
      colima,
      /^the Docker context "nosuch" \(DOCKER_CONTEXT\) does not exist: no \/home\/u\/\.docker\/contexts\/meta\/[0-9a-f]{64}\/meta\.json$/,
    ],
    [
      'the config file names none',
      {},
      { [`${CONFIG}/config.json`]: '{"currentContext":"gone"}' },
      /^the Docker context "gone" \(currentContext in \/home\/u\/\.docker\/config\.json\) does not exist/,
    ],
    [
      'its meta.json names no engine',
      { DOCKER_CONTEXT: 'k8s' },
      { [metaFile(CONFIG, 'k8s')]: '{"Name":"k8s","Endpoints":{"kubernetes":{}}}' },
      /^the Docker context "k8s" \(DOCKER_CONTEXT\) names no engine: .*meta\.json has no Endpoints\.docker\.Host$/,
    ],
    [
      'its meta.json is not JSON',
      { DOCKER_CONTEXT: 'torn' },
      { [metaFile(CONFIG, 'torn')]: '{"Name":' },
      /^the Docker context "torn" \(DOCKER_CONTEXT\) names no engine/,
    ],
  ])('%s: exit 3, the context named, the fix', (_what, env, files, message) => {
    let err: unknown;
    try {
      currentContext({ HOME: '/home/u', ...env }, store(files));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).exitCode).toBe(ExitCode.Environment);
    expect((err as EnvironmentError).message).toMatch(message);
    expect((err as EnvironmentError).fix).toContain('"docker context ls" lists the contexts');
    expect((err as EnvironmentError).fix).toContain(
      env.DOCKER_CONTEXT ? 'or unset DOCKER_CONTEXT' : 'docker context use NAME',
    );
  });
});

describe('modemOptions: dockerode connected as docker-modem reads the same address', () => {
  const ctx = (host: string, more: Partial<ContextEndpoint> = {}): ContextEndpoint => ({
    name: 'c',
    from: 'DOCKER_CONTEXT',
    host,
    skipTlsVerify: false,
    ...more,
  });
  const pems = {
    '/tls/ca.pem': 'CA',
    '/tls/cert.pem': 'CERT',
    '/tls/key.pem': 'KEY',
  };
  it.each<[string, ContextEndpoint, Record<string, string>, object]>([
    [
      'a unix socket',
      ctx('unix:///run/user/1000/docker.sock'),
      {},
      { socketPath: '/run/user/1000/docker.sock' },
    ],
    ['unix:// without a path: the default socket', ctx('unix://'), {}, {}],
    [
      'a named pipe',
      ctx('npipe:////./pipe/dockerDesktopLinuxEngine'),
      {},
      { socketPath: '//./pipe/dockerDesktopLinuxEngine' },
    ],
    ['plain tcp', ctx('tcp://10.0.0.5:2375'), {}, { protocol: 'http', host: '10.0.0.5', port: '2375' }],
    [
      'tcp on 2376 is TLS',
      ctx('tcp://10.0.0.5:2376'),
      {},
      { protocol: 'https', host: '10.0.0.5', port: '2376' },
    ],
    [
      "tcp with the context's TLS files",
      ctx('tcp://build.example:443', { tlsDir: '/tls' }),
      pems,
      { protocol: 'https', host: 'build.example', port: '443', ca: 'CA', cert: 'CERT', key: 'KEY' },
    ],
    [
      'SkipTLSVerify',
      ctx('tcp://10.0.0.5:2376', { skipTlsVerify: true }),
      {},
      { protocol: 'https', host: '10.0.0.5', port: '2376', rejectUnauthorized: false },
    ],
    [
      'ssh, with the agent',
      ctx('ssh://builder@arm-host:2222'),
      {},
      {
        protocol: 'ssh',
        host: 'arm-host',
        port: '2222',
        username: 'builder',
        sshOptions: { agent: '/tmp/agent.sock' },
      },
    ],
  ])('%s', (_what, context, files, expected) => {
    expect(modemOptions(context, { SSH_AUTH_SOCK: '/tmp/agent.sock' }, store(files))).toEqual(expected);
  });

  it('an address that is not a URL: exit 3 naming the context', () => {
    expect(() => modemOptions(ctx('tcp://[::1'), {}, store({}))).toThrow(
      /the Docker context "c" \(DOCKER_CONTEXT\) names an engine address that is not a URL/,
    );
  });
});

describe("the context's engine where DOCKER_HOST was read", () => {
  const context: ContextEndpoint = {
    name: 'colima',
    from: 'DOCKER_CONTEXT',
    host: 'unix:///home/u/.colima/default/docker.sock',
    skipTlsVerify: false,
  };
  it("engineEnv: DOCKER_HOST is the context's engine (the socket reads and the GPU lookup follow it)", () => {
    expect(engineEnv({ PATH: '/bin' }, context)).toEqual({ PATH: '/bin', DOCKER_HOST: context.host });
    const env = { PATH: '/bin' };
    expect(engineEnv(env, undefined)).toBe(env);
  });
  it.each<[string, Record<string, string>, ContextEndpoint | undefined, object]>([
    ['a context', {}, context, { dockerHost: context.host, dockerContext: 'colima' }],
    ['DOCKER_HOST', { DOCKER_HOST: 'tcp://h:2375' }, undefined, { dockerHost: 'tcp://h:2375' }],
    ['neither', {}, undefined, {}],
  ])('engineOf: %s', (_what, env, ctx, expected) => {
    expect(engineOf(env, ctx)).toEqual(expected);
  });
  it.each<[string, string[], string | undefined, string | undefined, boolean]>([
    ["the context's docker driver builder (named for its context)", ['colima'], context.host, 'colima', true],
    [
      "the default builder is the default context's engine, not the context's",
      ['default'],
      context.host,
      'colima',
      false,
    ],
    ['no context: the default builder', ['default'], undefined, undefined, true],
    ["a builder made on the context's address", [context.host], context.host, 'colima', true],
  ])('buildsOnEngine: %s', (_what, endpoints, host, name, expected) => {
    expect(buildsOnEngine({ driver: 'docker', endpoints }, host, name)).toBe(expected);
  });
});

describe("a context's engine that does not answer", () => {
  const refused = Object.assign(new Error('connect ENOENT /run/gone.sock'), { code: 'ENOENT' });
  const client = (socketPath: string) => ({ modem: { socketPath } }) as unknown as Dockerode;
  it('names the context and says how to choose another', () => {
    const docker = client('/run/gone.sock');
    engineContexts.set(docker, {
      name: 'gone',
      from: 'DOCKER_CONTEXT',
      host: 'unix:///run/gone.sock',
      skipTlsVerify: false,
    });
    const err = connectionError(refused, docker)!;
    expect(err.message).toBe(
      'cannot reach the Docker daemon at unix:///run/gone.sock, the Docker context "gone" (DOCKER_CONTEXT) (ENOENT)',
    );
    expect(err.fix).toMatch(
      /^start the engine of the Docker context "gone" \(DOCKER_CONTEXT\), or use another: "docker context ls"/,
    );
  });
  it.each([
    // A login without a password may be a token (https://TOKEN@host): masked as the redaction masks it.
    ['ssh://bob@10.0.0.7', 'ssh://***@10.0.0.7'],
    ['tcp://10.0.0.7', 'tcp://10.0.0.7'],
    ['tcp://ci:s3cretpw@10.0.0.7:2376', 'tcp://ci:***@10.0.0.7:2376'],
  ])("a context's address as it names it (%s), a password masked, never ':undefined'", (host, shown) => {
    const docker = { modem: { host: '10.0.0.7', protocol: 'ssh' } } as unknown as Dockerode;
    engineContexts.set(docker, { name: 'r', from: 'DOCKER_CONTEXT', host, skipTlsVerify: false });
    const err = connectionError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), docker)!;
    expect(err.message).toBe(
      `cannot reach the Docker daemon at ${shown}, the Docker context "r" (DOCKER_CONTEXT) (ECONNREFUSED)`,
    );
    expect(err.message).not.toContain('s3cretpw');
  });

  it.each([
    [{ host: 'gpu-box', port: '22', protocol: 'ssh' }, 'ssh://gpu-box:22'],
    [{ host: 'h', protocol: 'http' }, 'tcp://h'],
    [{ host: 'h', port: '2375', protocol: 'http' }, 'tcp://h:2375'],
  ])('DOCKER_HOST without a context: %j is named %s', (modem, shown) => {
    const err = connectionError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), {
      modem,
    } as unknown as Dockerode)!;
    expect(err.message).toBe(`cannot reach the Docker daemon at ${shown} (ECONNREFUSED)`);
  });

  it.each([undefined, 'DOCKER_CONTEXT'])(
    'a socket this user may not open (EACCES), context %s: the docker group, not "start the engine"',
    (from) => {
      const docker = client('/var/run/docker.sock');
      if (from)
        engineContexts.set(docker, {
          name: 'c',
          from,
          host: 'unix:///var/run/docker.sock',
          skipTlsVerify: false,
        });
      const denied = Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' });
      const err = connectionError(denied, docker)!;
      expect(err.message).toMatch(
        /^cannot reach the Docker daemon at unix:\/\/\/var\/run\/docker\.sock.* \(EACCES\)$/,
      );
      expect(err.fix).toBe(DAEMON_PERMISSION_FIX);
      expect(err.fix).not.toMatch(/^start/);
    },
  );

  it("the docker CLI's permission denied on the socket: the docker group", () => {
    const err = cliFailure('docker buildx inspect', {
      exitCode: 1,
      stdout: '',
      stderr:
        'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version": dial unix /var/run/docker.sock: connect: permission denied',
    });
    expect(exitCodeOf(err)).toBe(3);
    expect(err.message).toMatch(
      /^docker buildx inspect: the Docker daemon is not reachable: permission denied on its socket/,
    );
    expect((err as EnvironmentError).fix).toBe(DAEMON_PERMISSION_FIX);
  });

  it("a config file the CLI could not read is no socket refused: the daemon's own fix", () => {
    const err = cliFailure('docker buildx inspect', {
      exitCode: 1,
      stdout: '',
      stderr:
        'WARNING: Error loading config file: /home/u/.docker/config.json: open /home/u/.docker/config.json: permission denied\nCannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    });
    expect(exitCodeOf(err)).toBe(3);
    expect(err.message).not.toMatch(/permission denied on its socket/);
    expect((err as EnvironmentError).fix).not.toBe(DAEMON_PERMISSION_FIX);
  });

  it('without a context: the usual fix', () => {
    const err = connectionError(refused, client('/var/run/docker.sock'))!;
    expect(err.message).toBe('cannot reach the Docker daemon at unix:///var/run/docker.sock (ENOENT)');
    expect(err.fix).toBe(DAEMON_FIX);
  });
});

describe("the version asked over a fresh connection keeps a context's TLS choice", () => {
  /** A client whose version() answers with the agent it was asked through. */
  const clientWith = (modem: object) =>
    ({
      modem,
      version(this: { modem: { agent: HttpsAgent | HttpAgent } }) {
        const agent = this.modem.agent as HttpsAgent & { options: { keepAlive?: boolean } };
        return Promise.resolve({
          Version: agent instanceof HttpsAgent ? 'https' : 'http',
          ApiVersion: String(agent.options.rejectUnauthorized),
          Os: 'linux',
          Arch: String(agent.options.keepAlive),
        });
      },
    }) as unknown as Dockerode;
  it.each<[string, object, string, string]>([
    [
      'SkipTLSVerify: still not verified',
      { protocol: 'https', agent: new HttpsAgent({ rejectUnauthorized: false }) },
      'https',
      'false',
    ],
    ['TLS: verified', { protocol: 'https' }, 'https', 'undefined'],
    ['plain http', { protocol: 'http' }, 'http', 'undefined'],
  ])('%s', async (_what, modem, version, rejectUnauthorized) => {
    const info = await pingEngine(engineClient(clientWith(modem)));
    expect(info).toEqual({ version, apiVersion: rejectUnauthorized, os: 'linux', arch: 'false' });
  });
});
