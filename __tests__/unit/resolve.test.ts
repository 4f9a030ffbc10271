import { homedir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { constraintsText, type InstalledDist, pinDecisions } from '../../src/resolve/constraints.js';
import { renderExplanation } from '../../src/resolve/explain.js';
import { findHazards, hazardTable } from '../../src/resolve/hazards.js';
import { EnvironmentError, exitCodeOf, InputError } from '../../src/errors.js';
import {
  classifyPipFailure,
  conflictBlock,
  indexUnreachable,
  invalidRequirement,
  noMatchingDistribution,
  userRequestedInConflict,
  pipMessage,
} from '../../src/resolve/pip-output.js';
import { pipFailureError } from '../../src/resolve/failure.js';
import { looksTransient } from '../../src/resolve/transient.js';
import { requirementNames } from '../../src/requirements/parse.js';
import { chainOf } from '../../src/resolve/steps/explain.js';
import { RESOLUTION_SCHEMA_VERSION, type Resolution } from '../../src/resolve/result.js';
import { viaHelperRun, EMPTY_SNAPSHOT } from '../helpers/resolve-session.js';
import { fakeSession } from '../helpers/fakes.js';
import { failureContext, pipOutputMask, pipRunEnv } from '../../src/resolve/input.js';
import { pipWorkspace } from '../../src/resolve/workspace.js';
import { defaultCacheDir } from '../../src/util/cache-dir.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const dist = (name: string, version: string, extra: Partial<InstalledDist> = {}): InstalledDist => ({
  name,
  version,
  requiresDist: [],
  installer: 'pip',
  editable: false,
  directUrl: false,
  location: '/usr/local/lib/python3.11/dist-packages',
  local: true,
  ...extra,
});

const PIP_CONFLICT = `Collecting opencv-python-headless==4.12.0.88
ERROR: Cannot install opencv-python-headless==4.12.0.88 because these package versions have conflicting dependencies.

The conflict is caused by:
    The user requested opencv-python-headless==4.12.0.88
    opencv-python-headless 4.12.0.88 depends on numpy<2.3.0 and >=2; python_version >= "3.9"
    The user requested (constraint) numpy==1.26.4

To fix this you could try to:
`;

describe("pip's output", () => {
  it('extracts the conflict block and the user packages it blames', () => {
    const block = conflictBlock(PIP_CONFLICT);
    expect(block).toHaveLength(3);
    expect(userRequestedInConflict(block)).toEqual(['opencv-python-headless']);
  });

  it('blames a requested package named only in a "depends on" line (pip 23)', () => {
    const block = [
      'Opencv_Python_Headless 4.12.0.88 depends on numpy<2.3.0 and >=2',
      'The user requested (constraint) numpy==1.26.4',
    ];
    expect(userRequestedInConflict(block, ['opencv-python-headless'])).toEqual(['opencv-python-headless']);
    expect(userRequestedInConflict(block, ['tqdm'])).toEqual([]);
  });

  // pip names the extras a requirement asked for before the version.
  it.each([
    ['no extras', 'bar-pkg 1.0 depends on numpy>=2', ['bar-pkg']],
    ['one extra', 'bar-pkg[fast] 1.0 depends on numpy>=2', ['bar-pkg']],
    ['several extras', 'Bar_Pkg[fast,gpu] 1.0 depends on numpy>=2', ['bar-pkg']],
    ['an extra with a dot and a dash', 'bar.pkg[fast-io.x] 1.0 depends on numpy>=2', ['bar-pkg']],
    ['another project', 'other[fast] 1.0 depends on numpy>=2', []],
    ['not a "depends on" line', 'bar-pkg[fast] 1.0 needs numpy>=2', []],
  ])('blames a requested package named in a "depends on" line: %s', (_what, line, want) => {
    expect(
      userRequestedInConflict([line, 'The user requested (constraint) numpy==1.26.4'], ['bar-pkg']),
    ).toEqual(want);
  });

  it.each([
    [
      "ERROR: Invalid requirement: 'numpy[' (from line 2 of /tmp/ml-image-resolve/requirements.txt)",
      { requirement: 'numpy[', line: 2 },
    ],
    ["ERROR: Invalid requirement: 'x y'", { requirement: 'x y', line: 0 }],
    ['Collecting numpy', undefined],
    // Where the line number is read: on the quote's line, its file up to a ")" (on any line).
    ["Invalid requirement: 'a' x (from line 3 of f\nmore) y", { requirement: 'a', line: 3 }],
    ["Invalid requirement: 'a'\n(from line 3 of f)", { requirement: 'a', line: 0 }],
    ["Invalid requirement: 'a' (from line 3 of f", { requirement: 'a', line: 0 }],
    ["Invalid requirement: 'a' (from line 1 of (from line 2 of f)", { requirement: 'a', line: 1 }],
    ["Invalid requirement: 'a' (from line x of f) (from line 12 of g)\r\n", { requirement: 'a', line: 12 }],
  ])('invalidRequirement(%j)', (out, expected) => {
    expect(invalidRequirement(out)).toEqual(expected);
  });

  it.each([
    [
      "WARNING: Retrying (Retry(total=0...)) after connection broken by 'NewConnectionError('<...>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/tqdm/",
      true,
    ],
    ['ERROR: No matching distribution found for tqdmx', false],
    ['  Could not fetch URL https://h/: There was a problem confirming the ssl certificate: x', true],
    ['could not fetch url x: THERE WAS A PROBLEM CONFIRMING THE SSL CERTIFICATE', true],
    ['Could not fetch URL x\r: There was a problem confirming the ssl certificate', false],
    [
      'Could not fetch URL a\rCould not fetch URL b: There was a problem confirming the ssl certificate',
      true,
    ],
    [': There was a problem confirming the ssl certificate: Could not fetch URL x', false],
  ])('indexUnreachable %#', (out, unreachable) => {
    expect(indexUnreachable(out) !== undefined).toBe(unreachable);
  });

  it.each([
    [
      'ERROR: Could not install requirement pkg from https://h/p.whl (from -r r.txt (line 4)) because of HTTP error 404 Client Error: Not Found for url: https://h/p.whl',
      {
        requirement: 'pkg',
        url: 'https://h/p.whl',
        reason: 'HTTP error 404 Client Error: Not Found for url: https://h/p.whl',
        line: 4,
      },
    ],
    [
      'Could not install requirement a from b from https://h/x because of error x\nnext',
      { requirement: 'a from b', url: 'https://h/x', reason: 'error x', line: 0 },
    ],
    [
      'Could not install requirement a from u (from x\r) because of y) because of z',
      { requirement: 'a', url: 'u', reason: 'y) because of z', line: 0 },
    ],
    [
      'Could not install requirement a\nCould not install requirement b from u because of c',
      { requirement: 'b', url: 'u', reason: 'c', line: 0 },
    ],
  ])('a direct URL pip could not install: %j', (out, want) => {
    expect(classifyPipFailure(out)).toMatchObject({ kind: 'direct-url', ...want });
  });

  // Each expression below ran to the end of the line from each repetition in it: 128 KB took
  // 0.3-0.5 s, and the work grows with the square of the length.
  const long = (unit: string) => unit.repeat(2 ** 21 / unit.length);
  it.each<[string, string, string, unknown]>([
    [
      'an invalid requirement',
      'invalidRequirement',
      `Invalid requirement: ''${long(' (from line 1 of ')}`,
      { requirement: '', line: 0 },
    ],
    [
      'an invalid requirement, quoted again',
      'invalidRequirement',
      `Invalid requirement: '${long("' (from line 1 of x")}`,
      { requirement: '', line: 0 },
    ],
    [
      'a direct URL',
      'classifyPipFailure',
      `Could not install requirement a${long(' from a (from ')}`,
      'other',
    ],
    ['a fetch without an SSL problem', 'indexUnreachable', long('Could not fetch URL x'), undefined],
    [
      'hashes',
      'classifyPipFailure',
      `ERROR: THESE PACKAGES DO NOT MATCH THE HASHES ${long('(from line 1 of ')}`,
      'hash',
    ],
  ])('a long line of pip output: %s, read in time', (_what, fn, out, want) => {
    const ctx = vm.createContext({ classifyPipFailure, indexUnreachable, invalidRequirement, out });
    const got = vm.runInContext(`${fn}(out)`, ctx, { timeout: 20_000 }) as { kind?: string; line?: number };
    if (fn !== 'classifyPipFailure') expect(got).toEqual(want);
    else expect([got.kind, got.line ?? 0]).toEqual([want, 0]);
  });

  it('names a package that does not exist', () => {
    expect(noMatchingDistribution('ERROR: No matching distribution found for tqdmx==9')).toBe('tqdmx==9');
  });

  it('reads project names from requirement lines', () => {
    expect(requirementNames('numpy<2\n# c\n  Opencv_Python[extra]>=4\n--index-url x\n')).toEqual([
      'numpy',
      'opencv-python',
    ]);
  });
});

describe('constraints that hold the base', () => {
  it.each([
    [dist('numpy', '1.26.4'), 'numpy==1.26.4', undefined],
    [dist('weird', '1.0-custom'), 'weird===1.0-custom', undefined],
    [dist('torch', '2.4.0+cu124'), 'torch==2.4.0+cu124', undefined],
    // The container answers: a name or version that would add a line or an option is no pin.
    [
      dist('x\n--extra-index-url https://evil.example/simple', '1'),
      undefined,
      'not a name and version a pin can hold',
    ],
    [
      dist('numpy', '1.26.4\n--index-url https://evil.example'),
      undefined,
      'not a name and version a pin can hold',
    ],
    [dist('numpy', '1.26.4 ; python_version>"3"'), undefined, 'not a name and version a pin can hold'],
    [dist('pip', '23.0.1'), undefined, 'packaging tool'],
    [dist('mypkg', '0.1', { editable: true }), undefined, 'editable install'],
    // pip (PIP_BREAK_SYSTEM_PACKAGES=1) replaces or shadows these too: they are held as well.
    [dist('gitpkg', '0.1', { directUrl: true }), 'gitpkg==0.1', undefined],
    [dist('torch', '2.6.0a0+ecf3bae40a', { directUrl: true }), 'torch==2.6.0a0+ecf3bae40a', undefined],
    [dist('python-apt', '2.6', { installer: 'debian' }), 'python-apt==2.6', undefined],
    [
      dist('numpy', '1.26.4', { installer: 'conda', location: '/opt/conda/lib/python3.11/site-packages' }),
      'numpy==1.26.4',
      undefined,
    ],
    [
      dist('six', '1.16', { installer: '', location: '/usr/lib/python3/dist-packages' }),
      'six==1.16',
      undefined,
    ],
    [
      dist('distro-info', '1.1ubuntu0.2', { location: '/usr/lib/python3/dist-packages' }),
      'distro-info===1.1ubuntu0.2',
      undefined,
    ],
  ])('%j', (d, pin, skipped) => {
    const [decision] = pinDecisions([d]);
    expect(decision!.pin).toBe(pin);
    expect(decision!.skipped).toBe(skipped);
  });

  it('writes one sorted pin per line under a header', () => {
    expect(
      constraintsText(pinDecisions([dist('b', '2'), dist('a', '1'), dist('pip', '1')]), 'pins of x'),
    ).toBe('# pins of x\na==1\nb==2\n');
  });

  it('sorts in code-unit order, the same on every machine (localeCompare would follow the locale)', () => {
    const names = ['pyyaml', 'PyJWT', 'lib-a', 'libaa', 'libA', 'liba', 'Pillow'];
    const text = constraintsText(pinDecisions(names.map((n) => dist(n, '1'))), 'pins');
    // What a C locale sorts: uppercase before lowercase, '-' before letters.
    expect(text).toBe(
      `# pins\n${[...names]
        .sort()
        .map((n) => `${n}==1\n`)
        .join('')}`,
    );
    expect(text.indexOf('Pillow')).toBeLessThan(text.indexOf('liba=='));
  });
});

describe('hazards pip cannot see', () => {
  const snap = (installed: InstalledDist[], env: Record<string, string> = {}) => ({ installed, env });
  const ids = (hs: { id: string }[]) => hs.map((h) => h.id);

  it('the table validates and names a source for every row', () => {
    const t = hazardTable();
    expect(t.numpy1Abi.length).toBeGreaterThan(3);
    for (const row of t.numpy1Abi) expect(row.source).toMatch(/^https:\/\//);
  });

  it.each([
    [
      'NumPy 2 planned next to a NumPy-1 build of torch',
      [dist('torch', '2.2.2+cu121')],
      [{ name: 'numpy', version: '2.2.6' }],
      ['numpy1-abi:torch', 'torch-no-numpy-dependency'],
    ],
    ['NumPy 1 held: no ABI hazard', [dist('torch', '2.2.2'), dist('numpy', '1.26.4')], [], []],
    [
      'opencv variants together',
      [dist('opencv-python', '4.11.0.86')],
      [{ name: 'opencv-python-headless', version: '4.11.0.86' }],
      ['opencv-variants'],
    ],
    [
      'NGC pre-release torch replaced',
      [dist('torch', '2.6.0a0+ecf3bae40a')],
      [{ name: 'torch', version: '2.6.0' }],
      ['ngc-prerelease-torch'],
    ],
  ])('%s', (_n, installed, install, expected) => {
    expect(ids(findHazards({ snapshot: snap(installed), install, platform: 'linux/amd64' }))).toEqual(
      expected,
    );
  });

  it.each([
    ['2.4.1+cu118', '12.8.1', ['torch-cuda-mismatch']],
    ['2.4.1+cu128', '12.8.1', [] as string[]],
    ['1.7.1+cu102', '10.2', [] as string[]],
    // A two-digit label: CUDA 9.2 is major 9 (not 92).
    ['1.7.1+cu92', '9.2', [] as string[]],
    ['1.7.1+cu92', '10.2', ['torch-cuda-mismatch']],
  ])('torch %s in an image with CUDA %s', (version, cuda, expected) => {
    const hs = findHazards({
      snapshot: snap([], { CUDA_VERSION: cuda }),
      install: [{ name: 'torch', version }],
      platform: 'linux/amd64',
    });
    expect(ids(hs)).toEqual(expected);
  });

  it('torch built for another CUDA major than the image', () => {
    const hs = findHazards({
      snapshot: snap([], { CUDA_VERSION: '12.8.1' }),
      install: [{ name: 'torch', version: '2.4.1+cu118' }],
      platform: 'linux/amd64',
    });
    expect(ids(hs)).toEqual(['torch-cuda-mismatch']);
    expect(hs[0]!.fix).toContain('https://download.pytorch.org/whl/cu128');
  });

  it('PyPI torch on aarch64 before 2.11 in a CUDA variant', () => {
    const input = {
      snapshot: snap([]),
      install: [{ name: 'torch', version: '2.8.0' }],
      variant: { cuda: '12.8' },
    };
    expect(ids(findHazards({ ...input, platform: 'linux/arm64' }))).toEqual(['aarch64-pypi-torch-cpu']);
    expect(ids(findHazards({ ...input, platform: 'linux/amd64' }))).toEqual([]);
    expect(
      ids(
        findHazards({
          ...input,
          platform: 'linux/arm64',
          variant: { cuda: '12.8', torchIndexUrl: 'https://download.pytorch.org/whl/cu128' },
        }),
      ),
      // PyTorch's CUDA index labels its aarch64 wheels: an unlabelled torch came from PyPI anyway.
    ).toEqual(['aarch64-pypi-torch-cpu']);
  });

  it.each([
    // An unlabelled torch is PyPI's, whatever indexes pip was given; PyTorch's CUDA wheels say +cuXXX.
    ['2.8.0', ['aarch64-pypi-torch-cpu']],
    ['2.8.0+cu128', [] as string[]],
    ['2.11.0', [] as string[]],
  ])('aarch64: torch %s', (version, expected) => {
    expect(
      ids(
        findHazards({
          snapshot: snap([]),
          install: [{ name: 'torch', version }],
          platform: 'linux/arm64',
          variant: { cuda: '12.8' },
        }),
      ),
    ).toEqual(expected);
  });
});

describe('explanation', () => {
  const replaced = [
    {
      name: 'numpy',
      from: '1.26.4',
      to: '2.3.1',
      breaks: [{ dist: 'numba', version: '0.60.0', requirement: 'numpy<2.1,>=1.22' }],
      pulledInBy: [
        { dist: 'opencv-python-headless', version: '4.13.0.90', requirement: 'numpy>=2', requested: true },
      ],
    },
  ];

  it('chains the requested package, the replaced one and what it breaks', () => {
    expect(chainOf(replaced)).toEqual([
      "opencv-python-headless 4.13.0.90 needs numpy>=2 -> numpy 2.3.1 would replace the base image's numpy 1.26.4, which numba 0.60.0 (numpy<2.1,>=1.22) needs",
    ]);
  });

  it('renders markdown with the moved packages and escapes backticks', () => {
    const r: Resolution = {
      schemaVersion: RESOLUTION_SCHEMA_VERSION,
      image: 'base`evil',
      platform: 'linux/amd64',
      mode: 'auto',
      status: 'fixed',
      python: '3.11.2',
      naive: { install: [], replaces: replaced },
      resolved: {
        install: [],
        moved: [
          {
            name: 'opencv-python-headless',
            naive: '4.13.0.90',
            resolved: '4.11.0.86',
            reason: 'the newest that accepts numpy 1.26.4 held by the base image',
          },
        ],
        relaxed: [],
      },
      hazards: [],
      constraints: { pinned: 4, skipped: [] },
      durationMs: 1,
    };
    const md = renderExplanation(r);
    expect(md).toContain('**Conflict fixed: a plan that keeps the base image intact was found.**');
    expect(md).toContain(
      '`opencv-python-headless` 4.13.0.90 -> 4.11.0.86: the newest that accepts numpy 1.26.4',
    );
    expect(md).toContain("`base'evil`");
  });
});

describe('snapshot cache', () => {
  it('stores by digest and platform, and misses for anything else', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { fileSnapshotCache, snapshotKey } = await import('../../src/resolve/snapshot-cache.js');
    const dir = mkdtempSync(`${tmpdir()}/ml-image-cache-`);
    try {
      const cache = fileSnapshotCache(dir);
      const key = snapshotKey('sha256:abc', 'linux/arm64');
      expect(key).toBe('sha256-abc-linux-arm64');
      expect(cache.get(key)).toBeUndefined();
      cache.set(key, '{"installed":[]}');
      expect(cache.get(key)).toBe('{"installed":[]}');
      expect(cache.get(snapshotKey('sha256:abc', 'linux/amd64'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('defaultCacheDir: always absolute, a blank variable unset', () => {
  const home = path.join(homedir(), '.cache', 'ml-image');
  it.each<[string, Record<string, string | undefined>, string]>([
    ['ML_IMAGE_CACHE_DIR', { ML_IMAGE_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }, '/c'],
    [
      'a relative ML_IMAGE_CACHE_DIR, from the working folder',
      { ML_IMAGE_CACHE_DIR: '.cache/ml' },
      '/w/.cache/ml',
    ],
    [
      'an empty ML_IMAGE_CACHE_DIR (`${{ vars.X }}` of an unset X) is unset',
      { ML_IMAGE_CACHE_DIR: '' },
      home,
    ],
    [
      'a blank ML_IMAGE_CACHE_DIR is unset',
      { ML_IMAGE_CACHE_DIR: ' \t', XDG_CACHE_HOME: '/x' },
      '/x/ml-image',
    ],
    ['XDG_CACHE_HOME', { XDG_CACHE_HOME: '/x' }, '/x/ml-image'],
    ['an empty XDG_CACHE_HOME is unset', { XDG_CACHE_HOME: '' }, home],
    ['a relative XDG_CACHE_HOME is ignored (the XDG spec)', { XDG_CACHE_HOME: 'cache' }, home],
    ['neither', {}, home],
  ])('%s', (_, env, dir) => {
    expect(defaultCacheDir(env, '/w')).toBe(dir);
  });
});

describe('resolution reuse (ml-image run)', () => {
  const input = {
    image: 'localhost:5000/base:1',
    platform: 'linux/arm64',
    requirements: { text: 'tqdm>=4.60', origins: ['requirements.txt:1'] },
    mode: 'auto' as const,
  };
  it('keys by base digest and every decisive input, not the network mode', async () => {
    const { resolutionKey } = await import('../../src/resolve/resolve.js');
    const k = resolutionKey('sha256:aa', input);
    expect(resolutionKey('sha256:aa', { ...input, network: 'bridge' })).toBe(k);
    // Which base runs is in the key's digest already (base.ts), not in how it was chosen.
    expect(resolutionKey('sha256:aa', { ...input, pull: true })).toBe(k);
    expect(resolutionKey('sha256:bb', input)).not.toBe(k);
    expect(
      resolutionKey('sha256:aa', { ...input, requirements: { text: 'tqdm>=4.61', origins: [] } }),
    ).not.toBe(k);
    expect(
      resolutionKey('sha256:aa', {
        ...input,
        indexes: { indexUrl: 'http://mirror/simple', extraIndexUrls: [] },
      }),
    ).not.toBe(k);
  });

  // An answer kept by an earlier version (the key holds the version, not the commit) is checked as a
  // new one is: a torch the variant's torch step cannot install is refused, not handed to the build.
  it("a reused answer whose torch the variant's torch step cannot install: exit 2, no container", async () => {
    const AA = `sha256:${'a'.repeat(64)}`;
    const { resolutionKey, resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const { fakeDocker, imageDetails } = await import('../helpers/fakes.js');
    const cuda = {
      ...input,
      requirements: {
        text: 'torch==2.5.0+cpu',
        origins: ['r.txt:1'],
        requirements: [{ name: 'torch', editable: false, origin: 'r.txt:1' }],
      },
      variant: {
        cuda: '12.8',
        torchIndexUrl: 'https://download.pytorch.org/whl/cu128',
        torchVersion: '2.5.0',
      },
    };
    const store = new Map<string, string>();
    const resolution: Resolution = {
      schemaVersion: RESOLUTION_SCHEMA_VERSION,
      image: cuda.image,
      platform: cuda.platform,
      mode: 'auto',
      status: 'clean',
      python: '3.11.2',
      naive: { install: [{ name: 'torch', version: '2.5.0+cpu' }], replaces: [] },
      hazards: [],
      constraints: { pinned: 0, skipped: [] },
      durationMs: 1,
    };
    store.set(
      resolutionKey(AA, cuda),
      JSON.stringify({ resolution, constraints: 'torch==2.5.0+cpu', requirements: 'r', explanation: 'e' }),
    );
    const docker = fakeDocker({
      imageDigest: () => Promise.resolve(AA),
      inspectLocalImage: () =>
        Promise.resolve(imageDetails({ id: `sha256:${'1'.repeat(64)}`, repoDigests: [`x@${AA}`] })),
    });
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    await expect(resolveAgainstBase(cuda, { ...NO_WORLD, docker, cache, reuse: true })).rejects.toThrow(
      /^r\.txt:1: torch 2\.5\.0\+cpu \(cpu wheels\) is not the torch the build installs/,
    );
  });

  it('answers from the cache without starting a container when asked to reuse', async () => {
    const AA = `sha256:${'a'.repeat(64)}`;
    const { resolutionKey, resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const { fakeDocker, imageDetails } = await import('../helpers/fakes.js');
    const store = new Map<string, string>();
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    const resolution: Resolution = {
      schemaVersion: RESOLUTION_SCHEMA_VERSION,
      image: input.image,
      platform: input.platform,
      mode: 'auto',
      status: 'clean',
      python: '3.11.2',
      naive: { install: [{ name: 'tqdm', version: '4.66.0' }], replaces: [] },
      hazards: [],
      constraints: { pinned: 0, skipped: [] },
      // The earlier run took a minute: the reuse reports its own time, not that.
      durationMs: 60_000,
    };
    const earlier = {
      resolution,
      constraints: 'c',
      requirements: 'r',
      explanation: 'e',
    };
    store.set(resolutionKey(AA, input), JSON.stringify(earlier));
    const lines: string[] = [];
    // The engine's image under the tag is the registry's (AA); startSession would throw.
    const docker = fakeDocker({
      imageDigest: () => Promise.resolve(AA),
      inspectLocalImage: () =>
        Promise.resolve(imageDetails({ id: `sha256:${'1'.repeat(64)}`, repoDigests: [`x@${AA}`] })),
    });
    const out = await resolveAgainstBase(input, {
      ...NO_WORLD,
      docker,
      cache,
      reuse: true,
      progress: (l) => lines.push(l),
    });
    expect({ ...out, resolution: { ...out.resolution, durationMs: 60_000 } }).toEqual(earlier);
    expect(out.resolution.durationMs).not.toBe(60_000);
    expect(lines.join('\n')).toMatch(/reused the resolution of identical inputs/);
    // Without reuse the container is started (the fake refuses it): no silent cache answers.
    await expect(resolveAgainstBase(input, { ...NO_WORLD, docker, cache })).rejects.toThrow(/startSession/);
    // An entry that does not parse (older, truncated, edited) is a miss: resolved again.
    for (const bad of ['{"resolution":{"status":"clean"}', JSON.stringify({ ...earlier, constraints: 1 })]) {
      store.set(resolutionKey(AA, input), bad);
      await expect(resolveAgainstBase(input, { ...NO_WORLD, docker, cache, reuse: true })).rejects.toThrow(
        /startSession/,
      );
    }
  });

  it.each([
    ['-r https://example.com/more.txt\ntqdm', ['https://example.com/more.txt']],
    ['-c https://example.com/c.txt?sig=${SAS}', ['https://example.com/c.txt?sig=${SAS}']],
    ['--constraint=https://example.com/c.txt', ['https://example.com/c.txt']],
    ['--requirement http://h/r.txt', ['http://h/r.txt']],
    ['tqdm>=4.60', []],
    // A direct URL is a requirement, an index is where pip looks: neither is an include.
    ['pkg @ https://example.com/pkg-1.0-py3-none-any.whl\n--index-url https://i/simple', []],
  ])('remoteIncludes(%j) is %j', async (text, urls) => {
    const { remoteIncludes } = await import('../../src/requirements/parse.js');
    expect(remoteIncludes(text)).toEqual(urls);
  });

  it('never reuses a resolution whose requirements include a file from a URL, and says so', async () => {
    const AA = `sha256:${'a'.repeat(64)}`;
    const { resolutionKey, resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const { fakeDocker, imageDetails } = await import('../helpers/fakes.js');
    const remote = {
      ...input,
      requirements: { text: '-c https://example.com/constraints.txt\ntqdm>=4.60', origins: [] },
    };
    const earlier = {
      resolution: { status: 'clean' },
      constraints: 'c',
      requirements: 'r',
      explanation: 'e',
    };
    const store = new Map([[resolutionKey(AA, remote), JSON.stringify(earlier)]]);
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    const lines: string[] = [];
    const docker = fakeDocker({
      imageDigest: () => Promise.resolve(AA),
      inspectLocalImage: () =>
        Promise.resolve(imageDetails({ id: `sha256:${'1'.repeat(64)}`, repoDigests: [`x@${AA}`] })),
    });
    // Resolved again: the container is started (the fake refuses it).
    await expect(
      resolveAgainstBase(remote, { ...NO_WORLD, docker, cache, reuse: true, progress: (l) => lines.push(l) }),
    ).rejects.toThrow(/startSession/);
    expect(lines).toContain(
      'resolve linux/arm64: not reusing an earlier resolution: the requirements include a file from a URL (-r/-c https://...), which can change without them changing',
    );
    expect(lines.join('\n')).not.toMatch(/reused/);
  });
});

// pip 23.0.1's own output, recorded in the test bed's Debian python image (PIP_INDEX_URL set,
// requirements in /tmp/ml-image-resolve/requirements.txt).
const D = '/tmp/ml-image-resolve';
const PIP_OUT = {
  hash: `Looking in indexes: http://127.0.0.1:5001/simple
Collecting tqdm==4.66.0
  Downloading http://127.0.0.1:5001/simple/tqdm/tqdm-4.66.0-py3-none-any.whl (946 bytes)
ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.
    tqdm==4.66.0 from http://127.0.0.1:5001/simple/tqdm/tqdm-4.66.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 2)):
        Expected sha256 0000000000000000000000000000000000000000000000000000000000000000
             Got        d73c0f782f613e0cad4b552fd75921e9310675d02e52b157500e8b7cdf7b5da1
`,
  requireHashes: `Collecting tqdm
ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:
    tqdm from http://127.0.0.1:5001/simple/tqdm/tqdm-4.66.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 1))
`,
  editableDot: `Obtaining file:/// (from -r ${D}/requirements.txt (line 2))
ERROR: file:/// (from -r ${D}/requirements.txt (line 2)) does not appear to be a Python project: neither 'setup.py' nor 'pyproject.toml' found.
`,
  missingPath: `ERROR: Invalid requirement: './pkg' (from line 2 of ${D}/requirements.txt)
Hint: It looks like a path. File './pkg' does not exist.
`,
  direct404: `Collecting pkg@ http://127.0.0.1:5932/pkg-1.0-py3-none-any.whl
  ERROR: HTTP error 404 while getting http://127.0.0.1:5932/pkg-1.0-py3-none-any.whl
ERROR: Could not install requirement pkg@ http://127.0.0.1:5932/pkg-1.0-py3-none-any.whl from http://127.0.0.1:5932/pkg-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 2)) because of HTTP error 404 Client Error: Not Found for url: http://127.0.0.1:5932/pkg-1.0-py3-none-any.whl for URL http://127.0.0.1:5932/pkg-1.0-py3-none-any.whl
`,
  directRefused: `Collecting pkg@ http://127.0.0.1:1/pkg-1.0-py3-none-any.whl
  WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f6a7f70d1d0>: Failed to establish a new connection: [Errno 111] Connection refused')': /pkg-1.0-py3-none-any.whl
ERROR: Could not install packages due to an OSError: HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: /pkg-1.0-py3-none-any.whl (Caused by NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f6a7f70e750>: Failed to establish a new connection: [Errno 111] Connection refused'))
`,
  direct503: `Collecting pkg@ http://127.0.0.1:5931/pkg-1.0-py3-none-any.whl
ERROR: Could not install packages due to an OSError: HTTPConnectionPool(host='127.0.0.1', port=5931): Max retries exceeded with url: /pkg-1.0-py3-none-any.whl (Caused by ResponseError('too many 503 error responses'))
`,
  // The same refused connection at debug level (the resolver's retry, -vv; pip 23.0.1, the
  // traceback shortened): the ERROR line names no URL, the exception raised last does.
  directRefusedDebug: `Looking in indexes: http://127.0.0.1:5001/simple
Collecting pkg@ http://127.0.0.1:1/pkg-1.0-py3-none-any.whl
  Starting new HTTP connection (1): 127.0.0.1:1
  Incremented Retry for (url='/pkg-1.0-py3-none-any.whl'): Retry(total=0, connect=None, read=None, redirect=None, status=None)
  WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f90db8f2610>: Failed to establish a new connection: [Errno 111] Connection refused')': /pkg-1.0-py3-none-any.whl
  Starting new HTTP connection (2): 127.0.0.1:1
ERROR: Could not install packages due to an OSError.
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/pip/_vendor/urllib3/connection.py", line 174, in _new_conn
    conn = connection.create_connection(
ConnectionRefusedError: [Errno 111] Connection refused

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/pip/_vendor/urllib3/util/retry.py", line 592, in increment
    raise MaxRetryError(_pool, url, error or ResponseError(cause))
pip._vendor.urllib3.exceptions.MaxRetryError: HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: /pkg-1.0-py3-none-any.whl (Caused by NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f90dba31f90>: Failed to establish a new connection: [Errno 111] Connection refused'))

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/pip/_vendor/requests/adapters.py", line 565, in send
    raise ConnectionError(e, request=request)
pip._vendor.requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded with url: /pkg-1.0-py3-none-any.whl (Caused by NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f90dba31f90>: Failed to establish a new connection: [Errno 111] Connection refused'))
Removed build tracker: '/tmp/pip-build-tracker-wunke1n8'
`,
  noMatch: `Looking in indexes: http://u:****@127.0.0.1:5001/simple
ERROR: Could not find a version that satisfies the requirement tqdmx (from versions: none)
ERROR: No matching distribution found for tqdmx
`,
  untrustedHttp: `Looking in indexes: http://pypi.internal/simple
WARNING: The repository located at pypi.internal is not a trusted or secure host and is being ignored. If this repository is available via HTTPS we recommend you use HTTPS instead, otherwise you may silence this warning and allow it anyway with '--trusted-host pypi.internal'.
ERROR: Could not find a version that satisfies the requirement tqdm (from versions: none)
ERROR: No matching distribution found for tqdm
`,
  index401Debug: `Looking in indexes: http://u:****@127.0.0.1:5001/simple
http://127.0.0.1:5001 "GET /simple/tqdmx/ HTTP/1.1" 401 0
Could not fetch URL http://u:****@127.0.0.1:5001/simple/tqdmx/: 401 Client Error: Unauthorized for url: http://127.0.0.1:5001/simple/tqdmx/ - skipping
Skipping link: not a file: http://u:****@127.0.0.1:5001/simple/tqdmx/
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/pip/_vendor/resolvelib/resolvers.py", line 397, in resolve
    raise RequirementsConflicted(criterion)
pip._vendor.resolvelib.resolvers.RequirementsConflicted: Requirements conflict: SpecifierRequirement('tqdmx')
pip._vendor.resolvelib.resolvers.ResolutionImpossible: [RequirementInformation(requirement=SpecifierRequirement('tqdmx'), parent=None)]
ERROR: Could not find a version that satisfies the requirement tqdmx (from versions: none)
ERROR: No matching distribution found for tqdmx
`,
  index503Verbose: `Looking in indexes: http://u:****@127.0.0.1:5931/simple
  Could not fetch URL http://u:****@127.0.0.1:5931/simple/tqdm/: There was a problem confirming the ssl certificate: HTTPConnectionPool(host='127.0.0.1', port=5931): Max retries exceeded with url: /simple/tqdm/ (Caused by ResponseError('too many 503 error responses')) - skipping
ERROR: Could not find a version that satisfies the requirement tqdm (from versions: none)
ERROR: No matching distribution found for tqdm
`,
  // An sdist whose setup.py fails while pip reads its metadata: its traceback names a path (nvcc).
  sdistBuild: `Collecting flash-attn==2.6.3 (from -r ${D}/requirements.txt (line 4))
  Downloading flash_attn-2.6.3.tar.gz (2.6 MB)
  Preparing metadata (setup.py): started
  Preparing metadata (setup.py): finished with status 'error'
  error: subprocess-exited-with-error

  × python setup.py egg_info did not run successfully.
  │ exit code: 1
  ╰─> [12 lines of output]
      Traceback (most recent call last):
        File "/tmp/pip-install-x/flash-attn_1/setup.py", line 160, in <module>
          _, bare_metal_version = get_cuda_bare_metal_version(CUDA_HOME)
      FileNotFoundError: [Errno 2] No such file or directory: '/usr/local/cuda/bin/nvcc'
      [end of output]

  note: This error originates from a subprocess, and is likely not a problem with pip.
error: metadata-generation-failed

× Encountered error while generating package metadata.
╰─> See above for output.
`,
  // The build dependencies of an sdist could not be installed: the index did not answer.
  sdistBuildDepsUnreachable: `Collecting legacy-pkg==1.0 (from -r ${D}/requirements.txt (line 2))
  Downloading legacy-pkg-1.0.tar.gz (10 kB)
  Installing build dependencies: started
  Installing build dependencies: finished with status 'error'
  error: subprocess-exited-with-error

  × pip subprocess to install build dependencies did not run successfully.
  │ exit code: 1
  ╰─> [6 lines of output]
      WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/setuptools/
      ERROR: Could not find a version that satisfies the requirement setuptools>=40.8.0 (from versions: none)
      ERROR: No matching distribution found for setuptools>=40.8.0
      [end of output]

  note: This error originates from a subprocess, and is likely not a problem with pip.
error: subprocess-exited-with-error
`,
  // pip < 22 says it so.
  sdistBuildOldPip: `Collecting flash-attn==2.6.3
  Downloading flash_attn-2.6.3.tar.gz (2.6 MB)
    ERROR: Command errored out with exit status 1:
     command: /usr/bin/python3 -c 'import sys, setuptools ...' egg_info
        FileNotFoundError: [Errno 2] No such file or directory: '/usr/local/cuda/bin/nvcc'
ERROR: Command errored out with exit status 1: python setup.py egg_info Check the logs for full command output.
`,
  // A file:// requirement that is not there: pip's own error names the path.
  missingFile: `Processing /wheels/pkg-1.0-py3-none-any.whl (from -r ${D}/requirements.txt (line 2))
ERROR: Could not install packages due to an OSError: [Errno 2] No such file or directory: '/wheels/pkg-1.0-py3-none-any.whl'
`,
  conflict: `${PIP_CONFLICT}ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts\n`,
};

describe('pip failures that are not conflicts', () => {
  const ctx = {
    image: 'localhost:5000/base:1',
    origins: ['/w/requirements.txt:1', '/w/requirements.txt:3'],
    requirements: [
      { name: 'numpy', editable: false, origin: '/w/requirements.txt:1' },
      {
        name: 'pkg',
        url: 'http://127.0.0.1:5932/pkg-1.0-py3-none-any.whl',
        editable: false,
        origin: '/w/requirements.txt:3',
      },
      {
        name: 'pkg2',
        url: 'http://127.0.0.1:1/pkg-1.0-py3-none-any.whl',
        editable: false,
        origin: '/w/b.txt:7',
      },
      {
        name: 'pkg3',
        url: 'http://127.0.0.1:5931/pkg-1.0-py3-none-any.whl',
        editable: false,
        origin: '/w/c.txt:9',
      },
      { name: 'tqdmx', editable: false, origin: '/w/requirements.txt:1' },
      { name: 'flash-attn', editable: false, origin: '/w/gpu.txt:4' },
    ],
    indexes: { indexUrl: 'http://u:SECRETTOKEN@127.0.0.1:5001/simple', extraIndexUrls: [] },
  };

  it.each([
    [
      'hash',
      2,
      /^\/w\/requirements\.txt:3: a downloaded file does not match the --hash/,
      /Expected sha256 0000/,
    ],
    [
      'requireHashes',
      2,
      // Not a mismatch: the requirement is not pinned.
      /^\/w\/requirements\.txt:1: pip's hash-checking mode is on .*, and tqdm is not pinned with ==/,
      /must have their versions pinned/,
    ],
    [
      'editableDot',
      2,
      /^\/w\/requirements\.txt:3: a local path in the requirements is not there inside localhost:5000\/base:1/,
      /does not appear to be a Python project/,
    ],
    ['missingPath', 2, /^\/w\/requirements\.txt:3: invalid requirement "\.\/pkg"/, /It looks like a path/],
    [
      'direct404',
      2,
      /^\/w\/requirements\.txt:3: the direct URL http:\/\/127\.0\.0\.1:5932\/pkg-1\.0-py3-none-any\.whl failed: HTTP error 404/,
      /HTTP error 404 while getting/,
    ],
    [
      'directRefused',
      3,
      /^\/w\/b\.txt:7: the direct URL http:\/\/127\.0\.0\.1:1\/pkg-1\.0-py3-none-any\.whl is unreachable/,
      /Connection refused/,
    ],
    [
      'directRefusedDebug',
      3,
      /^\/w\/b\.txt:7: the direct URL http:\/\/127\.0\.0\.1:1\/pkg-1\.0-py3-none-any\.whl is unreachable/,
      /Connection refused/,
    ],
    [
      'direct503',
      3,
      /^\/w\/c\.txt:9: the direct URL .*5931.* is unreachable/,
      /too many 503 error responses/,
    ],
    [
      'noMatch',
      2,
      /^\/w\/requirements\.txt:1: no release of "tqdmx" found on http:\/\/u:\*\*\*@127\.0\.0\.1:5001\/simple/,
      /No matching distribution found for tqdmx/,
    ],
    [
      'untrustedHttp',
      2,
      /^no release of "tqdm" found on http:\/\/pypi\.internal\/simple: pip ignored the plain-http index on pypi\.internal, a host it does not trust/,
      /No matching distribution found for tqdm/,
    ],
    [
      'sdistBuild',
      1,
      /^\/w\/gpu\.txt:4: pip could not build "flash-attn==2\.6\.3" from source inside localhost:5000\/base:1/,
      /No such file or directory: '\/usr\/local\/cuda\/bin\/nvcc'/,
    ],
    [
      'sdistBuildOldPip',
      1,
      /^\/w\/gpu\.txt:4: pip could not build "flash-attn==2\.6\.3" from source/,
      /Command errored out/,
    ],
    [
      'missingFile',
      2,
      /^\/w\/requirements\.txt:3: a local path in the requirements is not there inside/,
      /No such file or directory: '\/wheels\/pkg-1\.0-py3-none-any\.whl'/,
    ],
    [
      'index503Verbose',
      3,
      // The index pip says it searched ("Looking in indexes:"), whoever configured it.
      /^the package index http:\/\/u:\*\*\*@127\.0\.0\.1:5931\/simple is unreachable/,
      /too many 503/,
    ],
  ] as const)("%s: exit %i, blamed on its line, with pip's words", (key, exitCode, message, pipSaid) => {
    const err = pipFailureError(PIP_OUT[key], ctx)!;
    expect(err).toBeDefined();
    expect(err.exitCode).toBe(exitCode);
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(pipSaid);
    expect(err.message).not.toContain('conflict among themselves');
    expect(`${err.message}\n${err.fix}`).not.toContain('SECRETTOKEN');
    expect(err.message).not.toContain(`${D}/`);
  });

  it('a plain-http index pip ignored: the fix is https or --trusted-host, not the package name', () => {
    const err = pipFailureError(PIP_OUT.untrustedHttp, ctx)!;
    expect(err.fix).toMatch(/^serve the index over https, or add "--trusted-host pypi\.internal"/);
    expect(err.fix).not.toMatch(/package name/);
  });

  it('a direct URL that fails is not blamed on the configured index', () => {
    for (const key of ['direct404', 'directRefused', 'directRefusedDebug', 'direct503'] as const)
      for (const t of [pipFailureError(PIP_OUT[key], ctx)!.message, pipFailureError(PIP_OUT[key], ctx)!.fix])
        expect(t).not.toContain('package index');
  });

  it("a refused direct URL at debug level: pip's words and the traceback's last exception, not its frames", () => {
    const err = pipFailureError(PIP_OUT.directRefusedDebug, ctx)!;
    expect(err.message).toContain(
      "pip said:\n  ERROR: Could not install packages due to an OSError.\n  pip._vendor.requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=1)",
    );
    expect(err.message).not.toMatch(
      /Traceback|During handling|File "|ConnectionRefusedError:|MaxRetryError:/,
    );
  });

  // pip's own crash ("ERROR: Exception:" and a traceback at the line's start): its last exception
  // line is what went wrong, and the only line that says it.
  it.each([
    ['a full disk', 'OSError: [Errno 28] No space left on device'],
    ['a read-only file system', "OSError: [Errno 30] Read-only file system: '/usr/lib/python3'"],
  ])("pip's own crash on %s: its last exception line is shown, its frames are not", (_what, raised) => {
    const output = [
      'Collecting tqdm',
      'ERROR: Exception:',
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/pip/_internal/cli/base_command.py", line 180, in exc_logging_wrapper',
      '    status = run_func(*args)',
      ...Array.from({ length: 12 }, (_, i) => `  File "/x/y${i}.py", line ${i}, in f${i}\n    g()`),
      raised,
      '',
    ].join('\n');
    expect(pipMessage(output)).toBe(`ERROR: Exception:\n${raised}`);
  });

  it('only ResolutionImpossible is a conflict', () => {
    expect(pipFailureError(PIP_OUT.conflict, ctx)).toBeUndefined();
    expect(classifyPipFailure(PIP_OUT.conflict).kind).toBe('conflict');
    for (const [key, out] of Object.entries(PIP_OUT))
      if (key !== 'conflict') expect(classifyPipFailure(out).kind, key).not.toBe('conflict');
  });

  it('a build step that failed is never "a local path in the requirements"', () => {
    for (const key of ['sdistBuild', 'sdistBuildOldPip'] as const) {
      expect(classifyPipFailure(PIP_OUT[key]).kind, key).toBe('build-failed');
      expect(pipFailureError(PIP_OUT[key], ctx)!.message, key).not.toContain('local path');
      expect(pipFailureError(PIP_OUT[key], ctx)!.fix, key).toMatch(/no wheel for this platform/);
    }
  });

  it('build dependencies that an unreachable index could not give: the index is unreachable (exit 3), not a build failure', () => {
    expect(classifyPipFailure(PIP_OUT.sdistBuildDepsUnreachable).kind).toBe('unreachable');
    expect(exitCodeOf(pipFailureError(PIP_OUT.sdistBuildDepsUnreachable, ctx))).toBe(3);
  });

  it("an unknown pip failure is exit 1 with pip's last words, not a conflict", () => {
    const err = pipFailureError('Collecting x\nERROR: something odd happened\n', ctx)!;
    expect(err.exitCode).toBe(1);
    expect(err.message).toMatch(/not a dependency conflict[\s\S]*something odd happened/);
  });

  it.each([
    [PIP_OUT.noMatch, true], // an index answering 5xx looks exactly like this without -v
    [PIP_OUT.direct503, true],
    [PIP_OUT.directRefused, true],
    [PIP_OUT.hash, false],
    [PIP_OUT.conflict, false],
    [PIP_OUT.missingPath, false],
  ])('looksTransient %#', (out, transient) => {
    expect(looksTransient(out)).toBe(transient);
  });

  it('no versions because the index refused pip (401 at -vv): exit 3, the credentials to check, the line named', () => {
    const err = pipFailureError(PIP_OUT.index401Debug, ctx)!;
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(
      /^\/w\/requirements\.txt:1: no release of "tqdmx" found: the package index refused pip \(http:\/\/u:\*\*\*@127\.0\.0\.1:5001\/simple\/tqdmx\/ answered 401 Unauthorized\)/,
    );
    expect(err.fix).toMatch(/^check the index's credentials/);
    expect(`${err.message}\n${err.fix}`).not.toContain('SECRETTOKEN');
    // pip's words, without its debug-level traceback (before or after its ERROR lines).
    expect(err.message).not.toMatch(/Traceback|Exception information|resolvelib/);
    const after = PIP_OUT.index401Debug.replace(
      /Exception information:[\s\S]*?Removed build tracker[^\n]*\n/,
      '',
    );
    const moved = `${after}Exception information:\nTraceback (most recent call last):\n  File "x.py", line 1, in f\npip._internal.exceptions.DistributionNotFound: No matching distribution found for tqdmx\n`;
    expect(pipFailureError(moved, ctx)!.message).not.toMatch(/Traceback|Exception information/);
    expect(pipFailureError(moved, ctx)!.message).toContain('ERROR: No matching distribution found for tqdmx');
    // A 403 of an index with a login: refused too.
    expect(
      pipFailureError(
        PIP_OUT.index401Debug.replaceAll('401 Client Error: Unauthorized', '403 Client Error: Forbidden'),
        ctx,
      )!.message,
    ).toContain('answered 403 Forbidden');
    // A 404 is an index without the project: no refusal.
    const notFound = PIP_OUT.index401Debug.replaceAll(
      '401 Client Error: Unauthorized',
      '404 Client Error: Not Found',
    );
    expect(pipFailureError(notFound, ctx)!.exitCode).toBe(2);
    // A 403 of an index without a login (download.pytorch.org on S3 says "not here" so): no refusal.
    const s3 = PIP_OUT.index401Debug.replaceAll(
      'Could not fetch URL http://u:****@127.0.0.1:5001/simple/tqdmx/: 401 Client Error: Unauthorized',
      'Could not fetch URL https://download.pytorch.org/whl/cu121/tqdmx/: 403 Client Error: Forbidden',
    );
    expect(s3).toContain('download.pytorch.org');
    expect(pipFailureError(s3, ctx)!.exitCode).toBe(2);
    // Another project's page refused: not why this one was not found.
    const other = PIP_OUT.index401Debug.replaceAll('simple/tqdmx/: 401', 'simple/six/: 401');
    expect(other).toContain('simple/six/: 401');
    expect(pipFailureError(other, ctx)!.exitCode).toBe(2);
  });

  it('no versions from an index that carries a login: the fix says pip shows a refused login (401, 403) so', () => {
    const err = pipFailureError(PIP_OUT.noMatch, ctx)!;
    expect(err.exitCode).toBe(2);
    expect(err.fix).toContain(
      'pip lists no versions for an index that refuses its credentials too (401, 403)',
    );
    expect(`${err.message}\n${err.fix}`).not.toContain('SECRETTOKEN');
    // An index without a login: a missing project or version is all it can be.
    const open = { ...ctx, indexes: { indexUrl: 'http://127.0.0.1:5001/simple', extraIndexUrls: [] } };
    expect(pipFailureError(PIP_OUT.noMatch.replace('u:****@', ''), open)!.fix).toBe(
      'check the package name and version in your requirements, and that the index has it',
    );
  });

  // The base image's Python is too old (or new) for the release asked for: pip lists it apart.
  it.each([
    ['one skipped release', '2.0 Requires-Python >=3.12', '2.0 Requires-Python >=3.12'],
    [
      'seven: the first five and a count',
      [1, 2, 3, 4, 5, 6, 7].map((n) => `2.${n} Requires-Python >=3.12`).join('; '),
      '2.1 Requires-Python >=3.12; 2.2 Requires-Python >=3.12; 2.3 Requires-Python >=3.12; 2.4 Requires-Python >=3.12; 2.5 Requires-Python >=3.12; and 2 more',
    ],
  ])(
    "no release for the base image's Python (%s): the fix names the releases pip skipped for it",
    (_w, ignored, shown) => {
      const out = `Looking in indexes: http://127.0.0.1:5001/simple
ERROR: Ignored the following versions that require a different python version: ${ignored}
ERROR: Could not find a version that satisfies the requirement foo==2.1 (from versions: 1.0, 1.1)
ERROR: No matching distribution found for foo==2.1
`;
      const open = { ...ctx, indexes: { indexUrl: 'http://127.0.0.1:5001/simple', extraIndexUrls: [] } };
      const err = pipFailureError(out, open)!;
      expect(err.exitCode).toBe(2);
      expect(err.message).toContain('no release of "foo==2.1" found on http://127.0.0.1:5001/simple');
      expect(err.fix).toBe(
        `check the package name and version in your requirements, and that the index has it; pip skipped releases that need another Python than the base image's (${shown}): if the one you asked for is among them, choose an older release, or a variant whose python: fits`,
      );
    },
  );
});

describe('the resolver in a scripted session', () => {
  const input = {
    image: 'localhost:5000/base:1',
    platform: 'linux/amd64',
    requirements: {
      text: 'numpy\ntqdm==4.66.0 --hash=sha256:00',
      origins: ['/w/r.txt:1', '/w/r.txt:2'],
    },
    indexes: {
      indexUrl: 'http://u:SECRETTOKEN@127.0.0.1:5001/simple',
      extraIndexUrls: ['http://x:TOK2@h/simple'],
    },
    mode: 'auto' as const,
  };

  it('a base image without python3 is exit 2 naming the image', async () => {
    const { resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const { fakeDocker, fakeSession } = await import('../helpers/fakes.js');
    const session = fakeSession(() => ({ exitCode: 127, stderr: 'sh: 1: python3: not found\n' }));
    const docker = fakeDocker({ startSession: () => Promise.resolve(session) });
    const err = await resolveAgainstBase(input, { ...NO_WORLD, docker }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(
      /^localhost:5000\/base:1 has no python3 .*resolve needs python3 and pip/,
    );
    expect(session.closed()).toBe(true);
  });

  it('files go in by putFiles, indexes by the exec environment; a hash failure is exit 2 on its line', async () => {
    const { resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const { fakeDocker, fakeSession } = await import('../helpers/fakes.js');
    const played = viaHelperRun(
      (cmd) => {
        if (cmd[0] === 'sh') return { stdout: EMPTY_SNAPSHOT };
        if (cmd.includes('pip')) return { exitCode: 1, stdout: PIP_OUT.hash };
        return {};
      },
      () => session.files,
    );
    const session = fakeSession(played.answer);
    const docker = fakeDocker({ startSession: () => Promise.resolve(session) });
    const err = await resolveAgainstBase(input, { ...NO_WORLD, docker }).catch((e: unknown) => e);
    expect((err as InputError).exitCode).toBe(2);
    expect((err as InputError).message).toMatch(
      /^\/w\/r\.txt:2: a downloaded file does not match the --hash/,
    );
    expect(session.files[`${D}/requirements.txt`]).toBe(`${input.requirements.text}\n`);
    const pip = played.calls.filter((c) => c.cmd.includes('pip'));
    expect(pip).toHaveLength(1); // a hash mismatch is not retried
    for (const c of session.calls) expect(c.cmd.join(' ')).not.toMatch(/SECRETTOKEN|TOK2|base64/);
    // The URLs without their logins (pip puts them on the command line of the pip that builds an
    // sdist), the logins in the netrc file NETRC names, which came in by putFiles.
    expect(pip[0]!.env).toMatchObject({
      PIP_INDEX_URL: 'http://127.0.0.1:5001/simple',
      PIP_EXTRA_INDEX_URL: 'http://h/simple',
      NETRC: `${D}/netrc`,
    });
    for (const v of Object.values(pip[0]!.env ?? {})) expect(v).not.toMatch(/SECRETTOKEN|TOK2/);
    expect(session.files[`${D}/netrc`]).toBe(
      'machine 127.0.0.1 login u password SECRETTOKEN\nmachine h login x password TOK2\n',
    );
    expect(session.closed()).toBe(true);
  });

  it("an index that refuses the token: the retry runs at pip's debug level, which shows it; exit 3", async () => {
    const { resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const { fakeDocker, fakeSession } = await import('../helpers/fakes.js');
    const played = viaHelperRun(
      (cmd, env) => {
        if (cmd[0] === 'sh') return { stdout: EMPTY_SNAPSHOT };
        if (cmd.includes('pip'))
          return { exitCode: 1, stdout: env.PIP_VERBOSE === '1' ? PIP_OUT.index401Debug : PIP_OUT.noMatch };
        return {};
      },
      () => session.files,
    );
    const session = fakeSession(played.answer);
    const docker = fakeDocker({ startSession: () => Promise.resolve(session) });
    const err = await resolveAgainstBase(input, { ...NO_WORLD, docker }).catch((e: unknown) => e);
    expect((err as EnvironmentError).exitCode).toBe(3);
    expect((err as EnvironmentError).message).toContain('the package index refused pip');
    const pip = played.calls.filter((c) => c.cmd.includes('pip'));
    expect(pip.map((c) => [c.cmd.includes('-v'), c.env.PIP_VERBOSE])).toEqual([
      [false, undefined],
      [true, '1'],
    ]);
  });

  it('an index failure is retried once (verbose), then exit 3 naming the index redacted', async () => {
    const { resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const { fakeDocker, fakeSession } = await import('../helpers/fakes.js');
    const played = viaHelperRun(
      (cmd) => {
        if (cmd[0] === 'sh') return { stdout: EMPTY_SNAPSHOT };
        if (cmd.includes('pip'))
          return { exitCode: 1, stdout: cmd.includes('-v') ? PIP_OUT.index503Verbose : PIP_OUT.noMatch };
        return {};
      },
      () => session.files,
    );
    const session = fakeSession(played.answer);
    const lines: string[] = [];
    const docker = fakeDocker({ startSession: () => Promise.resolve(session) });
    const err = await resolveAgainstBase(input, {
      ...NO_WORLD,
      docker,
      progress: (l) => lines.push(l),
    }).catch((e: unknown) => e);
    expect((err as EnvironmentError).exitCode).toBe(3);
    // Named as pip listed what it searched (its "Looking in indexes:" line), redacted.
    expect((err as EnvironmentError).message).toMatch(
      /^the package index http:\/\/u:\*\*\*@127\.0\.0\.1:5931\/simple is unreachable/,
    );
    expect(played.calls.filter((c) => c.cmd.includes('pip'))).toHaveLength(2);
    expect(lines.join('\n')).toMatch(/trying once more/);
    expect(lines.join('\n')).not.toMatch(/SECRETTOKEN|TOK2/);
  });
});

describe('tar for putFiles', () => {
  it('writes a ustar archive that tar lists with modes and contents', async () => {
    const { tarArchive } = await import('../../src/docker/tar.js');
    const big = 'x'.repeat(150_000);
    const t = tarArchive([
      { name: 'd/', mode: 0o700 },
      { name: 'd/a.txt', content: 'hello\n', mode: 0o600 },
      { name: 'd/big.txt', content: big, mode: 0o600 },
    ]);
    expect(t.length % 512).toBe(0);
    // header fields: name, mode, size (octal), type flag, magic
    expect(t.subarray(0, 2).toString()).toBe('d/');
    expect(t.subarray(156, 157).toString()).toBe('5');
    expect(t.subarray(512 + 100, 512 + 107).toString()).toBe('0000600');
    expect(parseInt(t.subarray(512 + 124, 512 + 135).toString(), 8)).toBe(6);
    expect(t.subarray(1024, 1030).toString()).toBe('hello\n');
    expect(t.subarray(257, 262).toString()).toBe('ustar');
    // checksum: sum of header bytes with the checksum field as spaces
    const h = Buffer.from(t.subarray(0, 512));
    const stored = parseInt(h.subarray(148, 154).toString(), 8);
    h.fill(0x20, 148, 156);
    expect(stored).toBe(h.reduce((a, b) => a + b, 0));
    const bigHeader = 1536;
    expect(parseInt(t.subarray(bigHeader + 124, bigHeader + 135).toString(), 8)).toBe(150_000);
  });
});

describe("pip's output is masked before anything reads it", () => {
  // A requirement line may put a declared secret in a URL's query (`?sig=${SAS}`): pip expands it
  // and prints the URL in its errors, where no URL pattern knows the query for a secret.
  const SAS = 'sv=2024&sig=QUERYSECRET123';
  const input = {
    image: 'localhost:5000/base:1',
    platform: 'linux/amd64',
    requirements: {
      text: 'pkg @ https://blob.example/pkg-1.0-py3-none-any.whl?${SAS}',
      origins: ['/w/requirements.txt:1'],
      requirements: [
        {
          name: 'pkg',
          url: 'https://blob.example/pkg-1.0-py3-none-any.whl?${SAS}',
          editable: false,
          origin: '/w/requirements.txt:1',
        },
      ],
    },
    indexes: { indexUrl: 'https://u:INDEXSECRET99@idx.example/simple', extraIndexUrls: [] },
    pipEnv: { SAS },
    mode: 'auto' as const,
  };
  const pipSaid = (url: string) =>
    `Collecting pkg@ ${url}\n  ERROR: HTTP error 403 while getting ${url}\nERROR: Could not install requirement pkg@ ${url} because of HTTP error 403 Client Error: Forbidden for url: ${url}\n`;
  const url = `https://blob.example/pkg-1.0-py3-none-any.whl?${SAS}`;

  it.each([
    ['a pip run', (ws: ReturnType<typeof pipWorkspace>) => ws.dryRun('r.json', ['-r', 'x'])],
    ['a helper run', (ws: ReturnType<typeof pipWorkspace>) => ws.analyzedRun('r.json', ['-r', 'x'])],
  ])('%s: the failure names the URL, not the secret', async (_what, run) => {
    const files: Record<string, string> = {};
    const helper = viaHelperRun(
      (cmd) =>
        cmd.includes('--dry-run')
          ? { exitCode: 1, stdout: '', stderr: pipSaid(url) }
          : { stdout: EMPTY_SNAPSHOT },
      () => files,
    );
    const session = fakeSession(helper.answer);
    const retries: string[] = [];
    const ws = pipWorkspace(session, {
      image: input.image,
      pipEnv: pipRunEnv(input),
      mask: pipOutputMask(input),
      failure: failureContext(input),
      onRetry: (r) => retries.push(r),
    });
    const err = await run(ws).then(
      () => undefined,
      (e: unknown) => e as InputError,
    );
    expect(err).toBeInstanceOf(InputError);
    expect(err!.message).toMatch(
      /the direct URL https:\/\/blob\.example\/pkg-1\.0-py3-none-any\.whl\?\*\*\* failed: HTTP error 403/,
    );
    expect(`${err!.message}\n${err!.fix}\n${retries.join('\n')}`).not.toMatch(/QUERYSECRET123|INDEXSECRET99/);
    expect(err!.message).toContain('***');
    // pip itself got the value: masking is of what comes back, not of what goes in.
    expect(session.calls.some((c) => c.env.SAS === SAS)).toBe(true);
  });
});
