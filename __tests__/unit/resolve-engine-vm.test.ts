// A package index on this machine's loopback when the Docker engine runs in a VM (Docker Desktop,
// colima, OrbStack): the resolver's `--network host` is the VM's network there, so the fix of an
// unreachable index says to name it by host.docker.internal:PORT, or to turn on Docker Desktop's
// host networking; an engine on this machine (Linux) keeps the fix it had. Platform and context are
// injected, never this machine's.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { type FailureContext, pipFailureError, vmHint } from '../../src/resolve/failure.js';
import { engineVm } from '../../src/resolve/network-lookup.js';
import { engineInVm } from '../../src/resolve/network.js';
import { resolveAgainstBase, type ResolveInput } from '../../src/resolve/resolve.js';
import { fakeDocker } from '../helpers/fakes.js';
import { playedPipSession } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const input = (indexUrl?: string): ResolveInput => ({
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: { text: 'tqdm', origins: ['/w/r.txt:1'] },
  mode: 'auto',
  ...(indexUrl !== undefined && { indexes: { indexUrl, extraIndexUrls: [] } }),
});

/** pip in a container whose localhost:3141 refuses: the index is out of reach. */
const refused = `Looking in indexes: http://localhost:3141/root/pypi/+simple/
WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused')': /root/pypi/+simple/tqdm/
ERROR: Could not find a version that satisfies the requirement tqdm (from versions: none)
ERROR: No matching distribution found for tqdm
`;

const ctx: FailureContext = {
  image: 'localhost:5000/base:1',
  origins: ['/w/r.txt:1'],
  requirements: [{ name: 'tqdm', editable: false, origin: '/w/r.txt:1' }],
  indexes: { indexUrl: 'http://localhost:3141/root/pypi/+simple/', extraIndexUrls: [] },
};

describe('engineInVm: the platforms and the context whose engine runs in a VM', () => {
  it.each<[string, string, string | undefined, boolean]>([
    ['macOS (Docker Desktop, colima, OrbStack)', 'darwin', undefined, true],
    ['native Windows (Docker Desktop)', 'win32', undefined, true],
    ['macOS, any context', 'darwin', 'colima', true],
    ['Linux, Docker Desktop for Linux', 'linux', 'desktop-linux', true],
    ['Linux, the default socket', 'linux', undefined, false],
    ['Linux, rootless Docker', 'linux', 'rootless', false],
  ])('%s', (_what, platform, context, want) => {
    expect(engineInVm(platform, context)).toBe(want);
  });
});

describe('engineVm: what the failure context gets', () => {
  it.each<[string, string, string | undefined, string | undefined, { loopback?: string } | undefined]>([
    [
      'macOS, an index on localhost',
      'darwin',
      undefined,
      'http://localhost:3141/simple',
      { loopback: 'localhost:3141' },
    ],
    [
      'Windows, 127.0.0.1 on its default port',
      'win32',
      undefined,
      'http://127.0.0.1/simple',
      { loopback: '127.0.0.1' },
    ],
    [
      'Docker Desktop for Linux',
      'linux',
      'desktop-linux',
      'http://[::1]:3141/simple',
      { loopback: '[::1]:3141' },
    ],
    ['macOS, build.network host, no loopback URL', 'darwin', undefined, undefined, {}],
    ['Linux, the default socket', 'linux', undefined, 'http://localhost:3141/simple', undefined],
  ])('%s', (_what, platform, context, indexUrl, want) => {
    expect(engineVm(input(indexUrl), {}, platform, () => context)).toEqual(want);
  });

  it("reads the context only on Linux, and none from a test's environment without HOME", () => {
    let read = 0;
    engineVm(input(), {}, 'darwin', () => String(++read));
    expect(read).toBe(0);
    expect(engineVm(input('http://localhost:3141/simple'), {}, 'linux')).toBeUndefined();
  });
});

describe("an unreachable loopback index's fix on the host network of an engine in a VM", () => {
  const linuxFix = pipFailureError(refused, { ...ctx, network: 'host' })!.fix!;

  it.each<[string, FailureContext['engineVm'], string[]]>([
    [
      'the index on localhost:3141',
      { loopback: 'localhost:3141' },
      [
        'the Docker engine runs in a VM',
        'name the index by host.docker.internal:3141 instead of localhost:3141',
        '--trusted-host host.docker.internal:3141',
        "Docker Desktop's host networking (4.34 or later: Settings > Resources > Network > Enable host networking)",
      ],
    ],
    [
      '127.0.0.1 on its default port',
      { loopback: '127.0.0.1' },
      ['name the index by host.docker.internal instead of 127.0.0.1', '--trusted-host host.docker.internal '],
    ],
    ['[::1]:8080', { loopback: '[::1]:8080' }, ['host.docker.internal:8080 instead of [::1]:8080']],
    [
      'no loopback URL (build.network: host)',
      {},
      ["this machine's loopback is not there", 'host.docker.internal:PORT instead of localhost or 127.0.0.1'],
    ],
  ])('%s', (_what, vm, parts) => {
    const e = pipFailureError(refused, { ...ctx, network: 'host', engineVm: vm })!;
    expect(e).toBeInstanceOf(EnvironmentError);
    // What the fix said before, the hint added inside it.
    expect(e.fix!.startsWith(linuxFix.slice(0, linuxFix.indexOf(';')))).toBe(true);
    expect(e.fix!.endsWith(linuxFix.slice(linuxFix.indexOf(';')))).toBe(true);
    for (const part of parts) expect(e.fix).toContain(part);
  });

  it.each<[string, Partial<FailureContext>]>([
    ['an engine on this machine (Linux): the fix as it was', { network: 'host' }],
    ["the bridge: the bridge's own hint", { network: 'bridge', engineVm: { loopback: 'localhost:3141' } }],
  ])('%s', (_what, over) => {
    expect(vmHint(over)).toBe('');
    expect(pipFailureError(refused, { ...ctx, ...over })!.fix).not.toContain('host.docker.internal');
  });
});

describe('resolveAgainstBase hands the failure the engine of the Docker context', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A DOCKER_CONFIG whose current context is NAME (its meta.json as `docker context create` writes it). */
  const dockerConfig = (name: string): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-engine-vm-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ currentContext: name }));
    const meta = path.join(dir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
    mkdirSync(meta, { recursive: true });
    const host = `unix://${dir}/${name}.sock`;
    writeFileSync(
      path.join(meta, 'meta.json'),
      JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }),
    );
    return dir;
  };

  const failure = async (context: string) => {
    const session = playedPipSession(
      () => ({ exitCode: 1, stderr: refused }),
      () => [],
    );
    const docker = fakeDocker({
      startSession: () => Promise.resolve(session),
      imageDigest: () => Promise.resolve(`sha256:${'d'.repeat(64)}`),
    });
    const env = { DOCKER_CONFIG: dockerConfig(context) };
    return resolveAgainstBase(input('http://localhost:3141/root/pypi/+simple/'), {
      ...NO_WORLD,
      docker,
      env,
    }).then(
      () => undefined,
      (e: unknown) => e as EnvironmentError,
    );
  };

  // On macOS and Windows the platform decides whatever the context: the context counts on Linux only.
  it.runIf(process.platform === 'linux').each<[string, boolean]>([
    ['desktop-linux', true],
    ['rootless', false],
  ])('context %s: host.docker.internal in the fix %s', async (context, named) => {
    const e = (await failure(context))!;
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.message).toContain('is unreachable');
    expect(e.fix!.includes('host.docker.internal:3141 instead of localhost:3141')).toBe(named);
  });
});
