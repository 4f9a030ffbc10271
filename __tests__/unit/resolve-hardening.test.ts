// The resolver's container against a base image and requirements a pull request may choose: its
// HostConfig (no capabilities, no new privileges, a process limit), a time limit on every command
// in it, the network it gets, and the base the build uses, pinned so that what is cached under a key
// comes from the image it names. Pure parts as tables; the orchestration in a scripted session.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigFileSchema, normalizeConfig } from '../../src/config/schema.js';
import type { SessionSpec } from '../../src/docker/adapter.js';
import { SESSION_PIDS_LIMIT, sessionHostConfig } from '../../src/docker/sessions.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { pinnedRef } from '../../src/docker/platform-image.js';
import { pinBase } from '../../src/resolve/base.js';
import {
  DEFAULT_RESOLVE_TIMEOUT_MS,
  execStep,
  execTimeoutError,
  formatLimit,
  RESOLVE_TIMEOUT_ENV,
  resolveTimeoutMs,
  sessionDeadlineMs,
  withExecLimit,
} from '../../src/resolve/exec-limit.js';
import { isLoopbackHost, resolverNetwork, urlsInText } from '../../src/resolve/network.js';
import { resolveAgainstBase, type ResolveInput } from '../../src/resolve/resolve.js';
import { runResolveStage } from '../../src/resolve/stage.js';
import { runCli } from '../../src/cli/main.js';
import { captureIo, fakeDocker, fakeSession, imageDetails } from '../helpers/fakes.js';
import { makePlan, planVariant } from '../helpers/plans.js';
import { cleanSession } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const D = '/tmp/ml-image-resolve';
const DIGEST = `sha256:${'d'.repeat(64)}`;
const ID = `sha256:${'1'.repeat(64)}`;

const input = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: { text: 'tqdm', origins: ['/w/r.txt:1'] },
  mode: 'auto',
  ...over,
});

describe("the session container's HostConfig", () => {
  it('drops every capability, forbids new privileges and limits processes', () => {
    expect(sessionHostConfig({ image: 'x' })).toEqual({
      AutoRemove: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: SESSION_PIDS_LIMIT,
    });
    // A meson-python sdist built under QEMU on a 256-core host runs past 512 (ninja's jobs).
    expect(SESSION_PIDS_LIMIT).toBe(8192);
  });

  it('keeps the network and the volumes asked for', () => {
    expect(
      sessionHostConfig({
        image: 'x',
        network: 'bridge',
        volumes: [{ name: 'v', target: '/c', labels: { a: 'b' } }],
      }),
    ).toMatchObject({
      CapDrop: ['ALL'],
      NetworkMode: 'bridge',
      Mounts: [{ Type: 'volume', Source: 'v', Target: '/c', VolumeOptions: { Labels: { a: 'b' } } }],
    });
  });
});

describe('the time limit of each command in the container', () => {
  it.each<[string, string | undefined, number | RegExp]>([
    ['unset: 15 minutes', undefined, 900_000],
    ['empty: the default', '', DEFAULT_RESOLVE_TIMEOUT_MS],
    ['whole seconds', '60', 60_000],
    ['spaces around', ' 1800 ', 1_800_000],
    ['one day at most', '86400', 86_400_000],
    ['zero', '0', /expected whole seconds from 1 to 86400, got "0"/],
    ['negative', '-5', /got "-5"/],
    ['a fraction', '1.5', /got "1.5"/],
    ['a unit', '15m', /got "15m"/],
    ['over a day', '86401', /got "86401"/],
  ])('%s', (_what, value, want) => {
    const env = value === undefined ? {} : { [RESOLVE_TIMEOUT_ENV]: value };
    if (typeof want === 'number') expect(resolveTimeoutMs(env)).toBe(want);
    else {
      expect(() => resolveTimeoutMs(env)).toThrow(InputError);
      expect(() => resolveTimeoutMs(env)).toThrow(want);
      expect(() => resolveTimeoutMs(env)).toThrow(RESOLVE_TIMEOUT_ENV);
    }
  });

  it.each<[string, string[], string]>([
    [
      'snapshot and plain run in one process',
      [
        'python3',
        `${D}/helper.py`,
        'run',
        `${D}/naive.json`,
        '--snapshot',
        '--',
        '-r',
        `${D}/requirements.txt`,
      ],
      'the base snapshot (pip inspect) and the plain dry run (pip install --dry-run)',
    ],
    [
      'plain and held run',
      ['python3', `${D}/helper.py`, 'run', `${D}/naive.json`, '--held', '--', '-r', 'x'],
      'the plain dry run (pip install --dry-run)',
    ],
    [
      'the relaxed run',
      ['python3', `${D}/helper.py`, 'run', `${D}/relaxed.json`, '--', '-r', 'x'],
      'the relaxed dry run (blamed pins loosened) (pip install --dry-run)',
    ],
    [
      'the probe (a separate pip)',
      ['python3', '-m', 'pip', 'install', '--dry-run', '--report', `${D}/probe.json`, '-r', 'x'],
      'the dry run looking for the newest release that fits (pip install --dry-run)',
    ],
    ['the snapshot alone', ['python3', `${D}/helper.py`, 'snapshot'], 'the base snapshot (pip inspect)'],
    ['relax', ['python3', `${D}/helper.py`, 'relax', 'r.txt', 'a=1'], 'relaxing the blamed pins'],
    ['anything else', ['python3', '-c', 'print(1)'], 'the command "python3 -c"'],
  ])('names the step: %s', (_what, cmd, want) => {
    expect(execStep(cmd)).toBe(want);
  });

  it('says the step, the image, the platform and the limit, exit 3 with the way out', () => {
    expect(formatLimit(900_000)).toBe('900 s (15 min)');
    expect(formatLimit(90_000)).toBe('90 s');
    const e = execTimeoutError(['python3', `${D}/helper.py`, 'run', `${D}/held.json`, '--'], 900_000, {
      image: 'python:3.12-slim',
      platform: 'linux/arm64',
    });
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe(
      "resolve linux/arm64: the held dry run (base packages pinned) (pip install --dry-run) in python:3.12-slim did not finish within 900 s (15 min); it was stopped and the resolver's container removed",
    );
    expect(e.fix).toContain(`raise ${RESOLVE_TIMEOUT_ENV}`);
    expect(e.fix).toContain('setup.py');
  });

  it('the session lives as many limits as a resolve can run commands, and a margin; never less than an hour', () => {
    // 11 commands for one requested package, 2 limits of margin.
    expect(sessionDeadlineMs(900_000, 11)).toBe(13 * 900_000);
    expect(sessionDeadlineMs(3_600_000, 11)).toBe(13 * 3_600_000);
    expect(sessionDeadlineMs(60_000, 11)).toBe(3_600_000);
  });

  it('gives every exec the limit and throws when one runs past it', async () => {
    const seen: (number | undefined)[] = [];
    const inner = fakeSession(() => ({}));
    const limited = withExecLimit(
      {
        ...inner,
        exec: (cmd, o = {}) => {
          seen.push(o.timeoutMs);
          return Promise.resolve({ exitCode: -1, stdout: '', stderr: '', timedOut: cmd[1] === 'slow' });
        },
      },
      5000,
      { image: 'img', platform: 'linux/amd64' },
    );
    await expect(limited.exec(['python3', 'fast'])).resolves.toMatchObject({ timedOut: false });
    await expect(limited.exec(['python3', 'slow'])).rejects.toThrow(/did not finish within 5 s/);
    expect(seen).toEqual([5000, 5000]);
  });

  it('a pip run past the limit fails the resolve naming the step, and the container is removed', async () => {
    const session = fakeSession(() => ({ exitCode: -1, timedOut: true }));
    const timeouts: (number | undefined)[] = [];
    const exec = session.exec.bind(session);
    session.exec = (cmd, o) => {
      timeouts.push(o?.timeoutMs);
      return exec(cmd, o);
    };
    const specs: SessionSpec[] = [];
    const run = resolveAgainstBase(input(), {
      ...NO_WORLD,
      docker: fakeDocker({
        startSession: (spec) => {
          specs.push(spec);
          return Promise.resolve(session);
        },
        imageDigest: () => Promise.resolve(DIGEST),
      }),
      env: { [RESOLVE_TIMEOUT_ENV]: '120' },
    });
    await expect(run).rejects.toThrow(EnvironmentError);
    await expect(run).rejects.toThrow(
      `resolve linux/amd64: the base snapshot (pip inspect) and the plain dry run (pip install --dry-run) in localhost:5000/base:1 did not finish within 120 s (2 min)`,
    );
    expect(timeouts).toEqual([120_000]);
    expect(session.closed()).toBe(true);
    expect(specs[0]!.deadlineMs).toBe(3_600_000);
  });

  it('a bad limit is exit 2 before any container starts', async () => {
    await expect(
      resolveAgainstBase(input(), {
        ...NO_WORLD,
        docker: fakeDocker(),
        env: { [RESOLVE_TIMEOUT_ENV]: 'soon' },
      }),
    ).rejects.toThrow(InputError);
  });
});

describe("the resolver's network", () => {
  it.each<[string, boolean]>([
    ['localhost', true],
    ['LOCALHOST.', true],
    ['index.localhost', true],
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['::1', true],
    ['0.0.0.0', true],
    ['[::ffff:7f00:1]', true],
    ['pypi.org', false],
    ['localhost.example.com', false],
    ['10.0.0.5', false],
    ['172.17.0.1', false],
    ['128.0.0.1', false],
    ['[::2]', false],
  ])('%s is loopback: %s', (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });

  // What /[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi found, urlsInText finds.
  it.each<[string, string[]]>([
    ['pkg @ https://h/x.whl#sha256=ab', ['https://h/x.whl#sha256=ab']],
    ['1a2b://x/y', ['a2b://x/y']],
    ['x-https://h/p', ['x-https://h/p']],
    ["--find-links=file:///w\n-i 'http://a/simple'", ['file:///w', 'http://a/simple']],
    ['HTTP://A/B "x" Ftp://c', ['HTTP://A/B', 'Ftp://c']],
    ['a://b://c', ['a://b://c']],
    ['git+ssh://g/x.git#egg=a', ['git+ssh://g/x.git#egg=a']],
    ['123://x 1.2://y', []],
    ['a b://c', ['b://c']],
    ['é-http://h', ['http://h']],
    ['https:/h http//h', []],
  ])('the URLs in %j', (text, urls) => {
    expect(urlsInText(text)).toEqual(urls);
  });

  // Each letter of a long run of scheme characters was tried as a start, running to the run's end:
  // 32,768 letters took 1.9 s, a 5 MB requirements file hours.
  it.each([
    ['letters', 'a'],
    ['a version', '1.1a'],
    ['signs', 'b+-.'],
  ])('a long run of %s before a URL is read in time', (_what, unit) => {
    const text = `${unit.repeat(2 ** 19 / unit.length)} pkg @ http://127.0.0.1:9/p.whl ${unit.repeat(99)}://x`;
    const ctx = vm.createContext({ urlsInText, text });
    const urls = vm.runInContext('urlsInText(text)', ctx, { timeout: 20_000 }) as string[];
    expect(urls).toEqual(['http://127.0.0.1:9/p.whl', `${unit.repeat(99).replace(/^[^a-z]+/, '')}://x`]);
    // The resolver's network is chosen from them: the direct URL is on this machine.
    const ctx2 = vm.createContext({ resolverNetwork, given: input({ requirements: { text, origins: [] } }) });
    const got = vm.runInContext('resolverNetwork(given)', ctx2, { timeout: 20_000 }) as { reason: string };
    expect(got.reason).toBe("pip must reach 127.0.0.1:9 on this machine's loopback");
  });

  const ix = (indexUrl?: string, extraIndexUrls: string[] = []) => ({
    indexes: { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls },
  });
  const reqs = (text: string) => ({ requirements: { text, origins: [] } });
  it.each<
    [string, Partial<ResolveInput>, 'default' | 'host' | 'none' | undefined, 'host' | 'bridge', string]
  >([
    ['PyPI', {}, undefined, 'bridge', 'no index on this machine'],
    ['a remote index', ix('https://idx.example/simple'), 'default', 'bridge', 'no index on this machine'],
    ['build.network none', ix('https://idx.example/simple'), 'none', 'bridge', 'no index on this machine'],
    ['build.network host', {}, 'host', 'host', 'build.network is host: the same network as the build'],
    [
      'a local index',
      ix('http://127.0.0.1:5001/simple'),
      'default',
      'host',
      "pip must reach 127.0.0.1:5001 on this machine's loopback",
    ],
    [
      'a local extra index',
      ix(undefined, ['http://localhost:8080/simple']),
      undefined,
      'host',
      'localhost:8080',
    ],
    ['an IPv4 number', ix('http://2130706433:81/simple'), undefined, 'host', '127.0.0.1:81'],
    ['the requirements own -i', reqs('-i http://127.0.0.1:9/simple\ntqdm'), undefined, 'host', '127.0.0.1:9'],
    ['--find-links on [::1]', reqs('--find-links http://[::1]:7/w\ntqdm'), undefined, 'host', '[::1]:7'],
    ['a direct URL', reqs('pkg @ http://localhost:3/pkg-1.whl'), undefined, 'host', 'localhost:3'],
    [
      'credentials are not shown',
      ix('http://u:SECRET@127.0.0.1:5/simple'),
      undefined,
      'host',
      "pip must reach 127.0.0.1:5 on this machine's loopback",
    ],
    [
      'a ${NAME} expanded from pip environment',
      { ...reqs('--extra-index-url ${IDX}\ntqdm'), pipEnv: { IDX: 'http://127.0.0.1:4/simple' } },
      undefined,
      'host',
      '127.0.0.1:4',
    ],
    ['a ${NAME} not given', reqs('--extra-index-url ${IDX}\ntqdm'), undefined, 'bridge', 'no index'],
    ['a file: find-links', reqs('--find-links file:///wheels\ntqdm'), undefined, 'bridge', 'no index'],
    ['a remote direct URL', reqs('pkg @ https://files.example/pkg-1.whl'), undefined, 'bridge', 'no index'],
  ])('%s', (_what, over, buildNetwork, network, reason) => {
    const got = resolverNetwork(input(over), buildNetwork);
    expect(got.network).toBe(network);
    expect(got.reason).toContain(reason);
    expect(got.reason).not.toContain('SECRET');
  });

  const started = async (over: Partial<ResolveInput>) => {
    const specs: SessionSpec[] = [];
    const session = cleanSession();
    await resolveAgainstBase(input(over), {
      ...NO_WORLD,
      docker: fakeDocker({
        startSession: (spec) => {
          specs.push(spec);
          return Promise.resolve(session);
        },
        imageDigest: () => Promise.resolve(DIGEST),
      }),
      env: {},
    });
    return specs[0]!;
  };

  it('the resolver chooses it when not told: bridge for PyPI, host for a local index; as told otherwise', async () => {
    expect((await started({})).network).toBe('bridge');
    expect((await started(ix('http://127.0.0.1:5001/simple'))).network).toBe('host');
    expect((await started({ network: 'bridge', ...ix('http://127.0.0.1:5001/simple') })).network).toBe(
      'bridge',
    );
    expect((await started({ network: 'host' })).network).toBe('host');
  });

  it.each([
    ['no --network, PyPI', [], 'bridge'],
    ['no --network, a local index', ['--index-url', 'http://127.0.0.1:5001/simple'], 'host'],
    [
      '--network bridge, a local index',
      ['--index-url', 'http://127.0.0.1:5001/simple', '--network', 'bridge'],
      'bridge',
    ],
    ['--network host', ['--network', 'host'], 'host'],
  ])('ml-image resolve: %s -> %s', async (_what, flags, want) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-cli-'));
    try {
      writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
      const specs: SessionSpec[] = [];
      const io = captureIo(
        dir,
        fakeDocker({
          ping: () => Promise.resolve({ version: '29.0.0', apiVersion: '1.52', os: 'linux', arch: 'x86_64' }),
          startSession: (spec) => {
            specs.push(spec);
            return Promise.resolve(cleanSession());
          },
          imageDigest: () => Promise.resolve(DIGEST),
        }),
      );
      const code = await runCli(
        ['resolve', '--image', 'python:3.12-slim', '--requirements', 'requirements.txt', ...flags],
        io,
      );
      expect(code, io.err()).toBe(0);
      expect(specs.map((s) => s.network)).toEqual([want]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [
      ['--index-url', 'http://u:S3CRET@127.0.0.1:5001/simple'],
      /--index-url holds a login.*PIP_INDEX_URL instead/,
    ],
    [
      ['--extra-index-url', 'https://TOKEN1234@host.example/simple'],
      /--extra-index-url holds a login.*PIP_EXTRA_INDEX_URL/,
    ],
    [['--index-url', 'http://127.0.0.1:5001/simple'], undefined],
  ])(
    'ml-image resolve %j: a login on its own command line is warned about, never printed',
    async (flags, warning) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-cli-'));
      try {
        writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
        const io = captureIo(
          dir,
          fakeDocker({
            ping: () =>
              Promise.resolve({ version: '29.0.0', apiVersion: '1.52', os: 'linux', arch: 'x86_64' }),
            startSession: () => Promise.resolve(cleanSession()),
            imageDigest: () => Promise.resolve(DIGEST),
          }),
        );
        const argv = [
          'resolve',
          '--image',
          'python:3.12-slim',
          '--requirements',
          'requirements.txt',
          ...flags,
        ];
        expect(await runCli(argv, io), io.err()).toBe(0);
        if (warning) expect(io.err()).toMatch(warning);
        else expect(io.err()).not.toContain('holds a login');
        expect(io.err()).not.toMatch(/S3CRET|TOKEN1234/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.each([
    [['--image', 'bad image!!'], 'resolve: --image: character " " is not allowed in an image reference'],
    [['--image', 'Acme/Base:1'], 'resolve: --image: the repository name must be lowercase'],
    [['--image', 'python:3.12-slim', '--index-url', 'notaurl'], 'resolve: --index-url: not a URL'],
    [
      ['--image', 'python:3.12-slim', '--extra-index-url', 'https://u:s3cr3t@x/s\t[install]'],
      'resolve: --extra-index-url: a blank or control character is in it',
    ],
    // A line break is refused for any flag, before the flag's own checks (src/cli/args.ts).
    [
      ['--image', 'python:3.12-slim', '--extra-index-url', 'https://u:s3cr3t@x/s\n[install]'],
      'resolve: --extra-index-url: the value "https://u:[redacted]@x/s\\n[install]" has a line break',
    ],
  ])('ml-image resolve %j: exit 2 before any container or file, naming the flag', async (flags, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-cli-'));
    try {
      const sessions: SessionSpec[] = [];
      const io = captureIo(
        dir,
        fakeDocker({
          startSession: (spec) => {
            sessions.push(spec);
            return Promise.resolve(cleanSession());
          },
        }),
      );
      // No requirements file exists: the flags are refused before it is read.
      const code = await runCli(['resolve', ...flags, '--requirements', 'requirements.txt'], io);
      expect(code).toBe(2);
      expect(io.err()).toContain(message);
      expect(io.err()).not.toContain('s3cr3t');
      expect(sessions).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the build stage', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-net-'));
    writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const networkFor = async (python: Record<string, unknown>, build: Record<string, unknown>) => {
      const config = normalizeConfig(
        ConfigFileSchema.parse({
          image: { name: 'acme/m' },
          python: { requirements: ['requirements.txt'], ...python },
          build,
        }),
      );
      const specs: SessionSpec[] = [];
      await runResolveStage(makePlan(planVariant('cpu')), config, dir, {
        docker: fakeDocker({
          startSession: (spec) => {
            specs.push(spec);
            return Promise.resolve(cleanSession());
          },
        }),
        progress: () => undefined,
        env: {},
        lookupHost: () => Promise.resolve([]),
      });
      return specs[0]!.network;
    };
    it.each<[string, Record<string, unknown>, Record<string, unknown>, 'host' | 'bridge']>([
      ['PyPI, the default build network', {}, {}, 'bridge'],
      ['a remote index', { indexUrl: 'https://idx.example/simple' }, { network: 'none' }, 'bridge'],
      [
        'a local index, build.network host',
        { indexUrl: 'http://127.0.0.1:5001/simple' },
        { network: 'host' },
        'host',
      ],
      ['build.network host', {}, { network: 'host' }, 'host'],
    ])('%s', async (_what, python, build, want) => {
      expect(await networkFor(python, build)).toBe(want);
    });

    // The resolver ran on the host's network and passed; the build's pip, on the default network,
    // was refused five times and the build failed with a "conflict" that was none.
    it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
      [
        'a local index, the default build network',
        { indexUrl: 'http://127.0.0.1:5001/simple' },
        {},
        'default',
      ],
      [
        'a local extra index, build.network none',
        { extraIndexUrls: ['http://localhost:3141/root/pypi'] },
        { network: 'none' },
        'none',
      ],
    ])('%s: exit 2 before any container, saying how to reach it', async (_what, python, build, net) => {
      const e: unknown = await networkFor(python, build).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).exitCode).toBe(2);
      expect((e as InputError).message).toMatch(
        new RegExp(
          `^resolve cpu linux/amd64: pip must reach (127\\.0\\.0\\.1:5001|localhost:3141) on this machine's loopback; the build's RUN steps reach it only on the host's network \\(build\\.network is ${net}\\)$`,
        ),
      );
      expect((e as InputError).fix).toMatch(/^set build\.network: host in the config/);
    });

    const stage = (
      requirements: string,
      extra: Partial<Parameters<typeof runResolveStage>[3]>,
      python: Record<string, unknown> = {},
    ) => {
      writeFileSync(path.join(dir, 'requirements.txt'), requirements);
      const config = normalizeConfig(
        ConfigFileSchema.parse({
          image: { name: 'acme/m' },
          python: { requirements: ['requirements.txt'], ...python },
        }),
      );
      const specs: SessionSpec[] = [];
      const progress: string[] = [];
      const run = runResolveStage(makePlan(planVariant('cpu')), config, dir, {
        docker: fakeDocker({
          startSession: (spec) => {
            specs.push(spec);
            return Promise.resolve(cleanSession());
          },
        }),
        progress: (l) => progress.push(l),
        env: {},
        lookupHost: () => Promise.resolve([]),
        ...extra,
      });
      return { run, specs, progress };
    };

    it('a loopback URL in a comment is none (pip never reads it): bridge, no refusal', async () => {
      const { run, specs } = stage(
        '# dev: --extra-index-url http://localhost:3141/root/dev/+simple/\ntqdm  # mirror at http://127.0.0.1:8080\n',
        {},
      );
      await run;
      expect(specs.map((s) => s.network)).toEqual(['bridge']);
    });

    it.each<[string, Partial<Parameters<typeof runResolveStage>[3]>]>([
      ['no build follows (--stages plan,resolve)', { buildFollows: false }],
      ["a builder other than dockerd's own (it may run on the host's network)", { registryBase: true }],
    ])('a local index, %s: a warning, the resolver on the host network', async (_n, extra) => {
      const { run, specs, progress } = stage('tqdm\n', extra, { indexUrl: 'http://127.0.0.1:5001/simple' });
      await run;
      expect(specs.map((s) => s.network)).toEqual(['host']);
      expect(
        progress.some((l) => l.startsWith('warning: resolve cpu linux/amd64: pip must reach 127.0.0.1:5001')),
      ).toBe(true);
    });
  });
});

describe('the base image pinned before its container starts', () => {
  it.each([
    ['python:3.12-slim', 'python'],
    ['localhost:5000/ml/base:amd64', 'localhost:5000/ml/base'],
    ['localhost:5000/ml/base', 'localhost:5000/ml/base'],
    [`ghcr.io/o/b:1@sha256:${'0'.repeat(64)}`, 'ghcr.io/o/b'],
    [`ghcr.io/o/b@sha256:${'0'.repeat(64)}`, 'ghcr.io/o/b'],
  ])('%s', (ref, repo) => {
    expect(pinnedRef(ref, DIGEST)).toBe(`${repo}@${DIGEST}`);
  });

  const docker = (
    digest: () => Promise<string>,
    local: string | Error | null = ID,
    repoDigests: string[] = [],
    architecture = 'arm64',
  ) => {
    const asked: string[] = [];
    return {
      asked,
      docker: fakeDocker({
        imageDigest: (ref) => {
          asked.push(`digest ${ref}`);
          return digest();
        },
        inspectLocalImage: (ref) => {
          asked.push(`inspect ${ref}`);
          if (local instanceof Error) return Promise.reject(local);
          return Promise.resolve(
            local === null ? undefined : imageDetails({ id: local, repoDigests, architecture }),
          );
        },
      }),
    };
  };
  const base = { image: 'localhost:5000/base:1', platform: 'linux/arm64' };

  it('the local image the build uses, by its id; keyed by the registry digest only when it is that image', async () => {
    // Pulled from the registry: its RepoDigests name the digest.
    const pulled = docker(() => Promise.resolve(DIGEST), ID, [`localhost:5000/base@${DIGEST}`]);
    expect(await pinBase(pulled.docker, base, true)).toEqual({ ref: ID, key: DIGEST });
    expect(pulled.asked.sort()).toEqual(['digest localhost:5000/base:1', 'inspect localhost:5000/base:1']);
    // A stale pull or a local build under the tag: its own id is the key, and the progress says so.
    const stale = docker(() => Promise.resolve(DIGEST), ID, [`localhost:5000/base@sha256:${'e'.repeat(64)}`]);
    const pinned = await pinBase(stale.docker, base, true);
    expect(pinned).toMatchObject({ ref: ID, key: ID });
    expect(pinned.note).toContain('is not the registry');
    expect(pinned.note).toContain('build.pull: true');
    // Only local: keyed by its id.
    const local = docker(() => Promise.reject(new Error('not in a registry')));
    expect(await pinBase(local.docker, base, true)).toEqual({ ref: ID, key: ID });
    // None here (or only another platform's): the registry's, by digest, as the build pulls it;
    // pulled by digest, no local tag moves.
    const none = docker(() => Promise.resolve(DIGEST), null);
    expect(await pinBase(none.docker, base, true)).toEqual({
      platformRef: expect.any(Function),
      ref: `localhost:5000/base@${DIGEST}`,
      key: DIGEST,
    });
    const amd64 = docker(() => Promise.resolve(DIGEST), ID, [], 'amd64');
    expect(await pinBase(amd64.docker, base, true)).toEqual({
      platformRef: expect.any(Function),
      ref: `localhost:5000/base@${DIGEST}`,
      key: DIGEST,
    });
    // Nothing local and no registry: as given (starting the container says why).
    const gone = docker(() => Promise.reject(new Error('no')), new Error('cannot inspect'));
    expect(await pinBase(gone.docker, base, true)).toEqual({ ref: base.image });
    // An id that is not a digest is not trusted as a key.
    const odd = docker(() => Promise.resolve('sha256:../x'), 'sha256:../y');
    expect(await pinBase(odd.docker, base, true)).toEqual({ ref: base.image });
    // No cache to key: run as given (the engine takes the local image, as the build does), no lookup.
    const unkeyed = docker(() => Promise.resolve(DIGEST));
    expect(await pinBase(unkeyed.docker, base, false)).toEqual({ ref: base.image });
    expect(unkeyed.asked).toEqual([]);
  });

  it('when the build pulls: the registry image by digest, whatever is local', async () => {
    const stale = docker(() => Promise.resolve(DIGEST), ID, []);
    const pull = { ...base, pull: true };
    expect(await pinBase(stale.docker, pull, false)).toEqual({
      platformRef: expect.any(Function),
      ref: `localhost:5000/base@${DIGEST}`,
      key: DIGEST,
    });
    expect(await pinBase(stale.docker, pull, true)).toEqual({
      platformRef: expect.any(Function),
      ref: `localhost:5000/base@${DIGEST}`,
      key: DIGEST,
    });
    expect(stale.asked).toEqual(['digest localhost:5000/base:1', 'digest localhost:5000/base:1']);
    // The registry does not answer: what is here (the build's own pull will say why it fails).
    const offline = docker(() => Promise.reject(new Error('unreachable')), ID, []);
    expect(await pinBase(offline.docker, pull, true)).toEqual({ ref: ID, key: ID });
  });
});
