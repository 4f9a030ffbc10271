// The resolver's network as the stage chooses it: an index host name that this machine's resolver
// answers with a loopback address gets the host's network (the lookup injected; one that fails
// changes nothing), and an index out of reach from Docker's bridge says so in its fix, with the way
// to switch.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigFileSchema, normalizeConfig } from '../../src/config/schema.js';
import type { SessionSpec } from '../../src/docker/adapter.js';
import { EnvironmentError } from '../../src/errors.js';
import { bridgeHint, pipFailureError } from '../../src/resolve/failure.js';
import { chooseNetwork, type HostLookup, namedHosts } from '../../src/resolve/network-lookup.js';
import { resolveAgainstBase, type ResolveInput } from '../../src/resolve/resolve.js';
import { runResolveStage } from '../../src/resolve/stage.js';
import { fakeDocker, fakeSession } from '../helpers/fakes.js';
import { makePlan, planVariant } from '../helpers/plans.js';
import { cleanSession as clean, EMPTY_SNAPSHOT, viaHelperRun } from '../helpers/resolve-session.js';

const input = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: { text: 'tqdm', origins: ['/w/r.txt:1'] },
  mode: 'auto',
  ...over,
});
const index = (indexUrl: string, extraIndexUrls: string[] = []) => ({
  indexes: { indexUrl, extraIndexUrls },
});

/** A lookup that answers from a table (a name not in it fails, as ENOTFOUND), and logs the names. */
function lookupFrom(table: Record<string, string[]>) {
  const asked: string[] = [];
  const lookup: HostLookup = (name) => {
    asked.push(name);
    const a = table[name];
    return a === undefined ? Promise.reject(new Error(`getaddrinfo ENOTFOUND ${name}`)) : Promise.resolve(a);
  };
  return { lookup, asked };
}

describe('an index host name this machine resolves to its loopback', () => {
  const hosts = {
    'idx.internal': ['127.0.0.1'],
    buildbox: ['127.0.1.1'], // Debian's /etc/hosts line for the machine's own name
    v6only: ['::1'],
    mixed: ['10.1.2.3', '127.0.0.1'],
    'pypi.example': ['151.101.0.223'],
  };
  it.each<
    [
      string,
      Partial<ResolveInput>,
      'default' | 'host' | 'none' | undefined,
      'host' | 'bridge',
      string,
      string[],
    ]
  >([
    [
      'a name in /etc/hosts for 127.0.0.1',
      index('http://idx.internal:8080/simple'),
      undefined,
      'host',
      'pip must reach idx.internal:8080, which this machine resolves to 127.0.0.1 (its loopback)',
      ['idx.internal'],
    ],
    [
      'the machine own name (127.0.1.1)',
      index('http://buildbox/simple'),
      'default',
      'host',
      '127.0.1.1',
      ['buildbox'],
    ],
    ['an IPv6 loopback answer', index('https://v6only/simple'), 'none', 'host', '::1', ['v6only']],
    [
      'one loopback address among others',
      index('https://mixed/simple'),
      undefined,
      'host',
      'mixed',
      ['mixed'],
    ],
    [
      'a public answer',
      index('https://pypi.example/simple'),
      undefined,
      'bridge',
      'no index on this machine',
      ['pypi.example'],
    ],
    [
      'a failing lookup changes nothing',
      index('https://nowhere.example/simple'),
      undefined,
      'bridge',
      'no index',
      ['nowhere.example'],
    ],
    [
      'an extra index and a direct URL are looked up too, each name once',
      {
        ...index('https://pypi.example/simple', ['https://pypi.example/extra']),
        requirements: { text: 'pkg @ http://idx.internal:9/pkg-1.whl', origins: [] },
      },
      undefined,
      'host',
      'idx.internal:9',
      ['pypi.example', 'idx.internal'],
    ],
    ['an address is not looked up', index('http://10.0.0.5:81/simple'), undefined, 'bridge', 'no index', []],
    ['localhost needs no lookup', index('http://localhost:81/simple'), undefined, 'host', 'localhost:81', []],
    [
      'build.network host needs no lookup',
      index('http://idx.internal/simple'),
      'host',
      'host',
      'build.network is host',
      [],
    ],
    ['PyPI by default: nothing named, nothing looked up', {}, undefined, 'bridge', 'no index', []],
    [
      'credentials are never shown',
      index('http://u:SECRET@idx.internal:8080/simple'),
      undefined,
      'host',
      'idx.internal:8080,',
      ['idx.internal'],
    ],
  ])('%s', async (_what, over, buildNetwork, network, reason, asked) => {
    const l = lookupFrom(hosts);
    const got = await chooseNetwork(input(over), buildNetwork, l.lookup);
    expect(got.network).toBe(network);
    expect(got.reason).toContain(reason);
    expect(got.reason).not.toContain('SECRET');
    expect(l.asked).toEqual(asked);
  });

  it('namedHosts: names only, with the port as shown, no scheme pip would not fetch', () => {
    expect(
      namedHosts(
        input({
          ...index('http://idx.internal:8080/simple', [
            'https://[::1]/x',
            'https://2130706433/y',
            // Addresses, not names (URL writes 0x0a.1 as 10.0.0.1): nothing to look up.
            'https://10.1.2.3/simple',
            'https://0x0a.1/simple',
            'https://[2001:db8::7]:8443/simple',
          ]),
          requirements: {
            text: '--find-links file:///w\n--find-links ftp://mirror.lan/w\ntqdm',
            origins: [],
          },
        }),
      ),
    ).toEqual([
      { host: 'idx.internal:8080', name: 'idx.internal' },
      { host: 'mirror.lan', name: 'mirror.lan' },
    ]);
  });

  it('ml-image resolve (no --network): the lookup decides; a --network given is not looked behind', async () => {
    const networks: (string | undefined)[] = [];
    const docker = fakeDocker({
      startSession: (spec) => {
        networks.push(spec.network);
        return Promise.resolve(clean());
      },
    });
    const l = lookupFrom({ 'idx.internal': ['127.0.0.1'] });
    const over = index('http://idx.internal:8080/simple');
    await resolveAgainstBase(input(over), { docker, env: {}, lookupHost: l.lookup });
    await resolveAgainstBase(input({ ...over, network: 'bridge' }), {
      docker,
      env: {},
      lookupHost: l.lookup,
    });
    expect(networks).toEqual(['host', 'bridge']);
    expect(l.asked).toEqual(['idx.internal']);
  });

  describe('the build stage', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-lookup-'));
    writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it.each<[string, Record<string, string[]>, 'host' | 'bridge']>([
      ['a name for another machine', { 'idx.internal': ['192.168.1.9'] }, 'bridge'],
      ['a name that does not resolve', {}, 'bridge'],
    ])('%s', async (_what, table, want) => {
      const config = normalizeConfig(
        ConfigFileSchema.parse({
          image: { name: 'acme/m' },
          python: { requirements: ['requirements.txt'], indexUrl: 'http://idx.internal:8080/simple' },
        }),
      );
      const specs: SessionSpec[] = [];
      const l = lookupFrom(table);
      await runResolveStage(makePlan(planVariant('cpu')), config, dir, {
        docker: fakeDocker({
          startSession: (spec) => {
            specs.push(spec);
            return Promise.resolve(clean());
          },
        }),
        progress: () => undefined,
        env: {},
        lookupHost: l.lookup,
      });
      expect(specs.map((s) => s.network)).toEqual([want]);
      expect(l.asked).toContain('idx.internal');
    });
    // A name may be mapped for the build too (add-hosts: host.docker.internal:host-gateway): said,
    // not refused; the resolver runs on the host's network to reach it.
    it('a name for the loopback: the host network, and a warning that the build may not reach it', async () => {
      const config = normalizeConfig(
        ConfigFileSchema.parse({
          image: { name: 'acme/m' },
          python: { requirements: ['requirements.txt'], indexUrl: 'http://idx.internal:8080/simple' },
        }),
      );
      const specs: SessionSpec[] = [];
      const progress: string[] = [];
      await runResolveStage(makePlan(planVariant('cpu')), config, dir, {
        docker: fakeDocker({
          startSession: (spec) => {
            specs.push(spec);
            return Promise.resolve(clean());
          },
        }),
        progress: (l) => progress.push(l),
        env: {},
        lookupHost: lookupFrom({ 'idx.internal': ['127.0.0.1'] }).lookup,
      });
      expect(specs.map((s) => s.network)).toEqual(['host']);
      expect(progress).toContain(
        "warning: resolve cpu linux/amd64: pip must reach idx.internal:8080, which this machine resolves to 127.0.0.1 (its loopback); the build's RUN steps reach it only on the host's network (build.network is default) (fix: set build.network: host in the config (the bundled example does, for the test bed's index); an engine in a VM (Docker Desktop, colima) has its own loopback: name the index by host.docker.internal:PORT there)",
      );
    });
  });
});

describe("an unreachable index's fix names the bridge and the way to switch", () => {
  const refused = `Looking in indexes: http://idx.internal:8080/simple
WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno -2] Name or service not known')': /simple/tqdm/
ERROR: Could not find a version that satisfies the requirement tqdm (from versions: none)
ERROR: No matching distribution found for tqdm
`;
  const ctx = {
    image: 'localhost:5000/base:1',
    origins: ['/w/r.txt:1'],
    requirements: [{ name: 'tqdm', editable: false, origin: '/w/r.txt:1' }],
    indexes: { indexUrl: 'http://idx.internal:8080/simple', extraIndexUrls: [] },
  };

  it.each<[string, 'host' | 'bridge' | undefined, boolean]>([
    ['on the bridge', 'bridge', true],
    ["on the host's network", 'host', false],
    ['not known', undefined, false],
  ])('%s', (_what, network, named) => {
    const e = pipFailureError(refused, { ...ctx, ...(network && { network }) })!;
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.message).toMatch(/^the package index http:\/\/idx\.internal:8080\/simple is unreachable/);
    expect(e.fix).toContain('check python.indexUrl / PIP_INDEX_URL');
    for (const part of ["Docker's bridge network", 'build.network: host', '--network host', '/etc/hosts'])
      expect(e.fix!.includes(part)).toBe(named);
    expect(bridgeHint({ ...(network && { network }) }) !== '').toBe(named);
    // Behind a proxy: the variables pip in the container takes, whatever the network.
    expect(e.fix).toContain("set HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) in the run's environment");
    expect(e.fix!.includes("a proxy on this machine's loopback, 127.0.0.1")).toBe(named);
  });

  it('a resolve on the bridge that cannot reach its index fails with that fix', async () => {
    const session = fakeSession(
      viaHelperRun(
        (cmd) => {
          if (cmd[0] === 'sh') return { stdout: EMPTY_SNAPSHOT };
          if (cmd.includes('pip')) return { exitCode: 1, stderr: refused };
          return {};
        },
        () => session.files,
      ).answer,
    );
    const run = resolveAgainstBase(input(index('http://idx.internal:8080/simple')), {
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
      env: {},
      lookupHost: () => Promise.resolve(['10.0.0.7']),
    });
    await expect(run).rejects.toThrow(EnvironmentError);
    await expect(run).rejects.toMatchObject({
      fix: expect.stringContaining("the resolver's container ran on Docker's bridge network"),
    });
    expect(session.calls.filter((c) => c.cmd[2] === 'run')).toHaveLength(2); // tried once more first
  });
});
