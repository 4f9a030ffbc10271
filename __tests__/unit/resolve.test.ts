import { describe, expect, it } from 'vitest';
import { constraintsText, type InstalledDist, osOwned, pinDecisions } from '../../src/resolve/constraints.js';
import { renderExplanation } from '../../src/resolve/explain.js';
import { findHazards, hazardTable } from '../../src/resolve/hazards.js';
import {
  conflictBlock,
  indexUnreachable,
  invalidRequirement,
  noMatchingDistribution,
  requirementNames,
  userRequestedInConflict,
} from '../../src/resolve/pip-output.js';
import { chainOf } from '../../src/resolve/resolve.js';
import type { Resolution } from '../../src/resolve/result.js';

const dist = (name: string, version: string, extra: Partial<InstalledDist> = {}): InstalledDist => ({
  name,
  version,
  requiresDist: [],
  installer: 'pip',
  editable: false,
  directUrl: false,
  location: '/usr/local/lib/python3.11/dist-packages',
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

  it.each([
    [
      "ERROR: Invalid requirement: 'numpy[' (from line 2 of /tmp/ml-image-resolve/requirements.txt)",
      { requirement: 'numpy[', line: 2 },
    ],
    ["ERROR: Invalid requirement: 'x y'", { requirement: 'x y', line: 0 }],
    ['Collecting numpy', undefined],
  ])('invalidRequirement(%j)', (out, expected) => {
    expect(invalidRequirement(out)).toEqual(expected);
  });

  it.each([
    [
      "WARNING: Retrying (Retry(total=0...)) after connection broken by 'NewConnectionError('<...>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/tqdm/",
      true,
    ],
    ['ERROR: No matching distribution found for tqdmx', false],
  ])('indexUnreachable %#', (out, unreachable) => {
    expect(indexUnreachable(out) !== undefined).toBe(unreachable);
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
    [dist('pip', '23.0.1'), undefined, 'packaging tool'],
    [dist('mypkg', '0.1', { editable: true }), undefined, 'editable install'],
    [dist('gitpkg', '0.1', { directUrl: true }), undefined, 'installed from a direct URL'],
    [
      dist('python-apt', '2.6', { installer: 'debian' }),
      undefined,
      'owned by the OS package manager (debian)',
    ],
    [
      dist('six', '1.16', { installer: '', location: '/usr/lib/python3/dist-packages' }),
      undefined,
      'owned by the OS package manager (/usr/lib/python3/dist-packages)',
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
    expect(osOwned(dist('x', '1', { installer: 'uv' }))).toBe(false);
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
    ).toEqual([]);
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
      schemaVersion: 1,
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
    const { fileSnapshotCache, snapshotKey, defaultCacheDir } =
      await import('../../src/resolve/snapshot-cache.js');
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
    expect(defaultCacheDir({ ML_IMAGE_CACHE_DIR: '/c' })).toBe('/c');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/ml-image');
  });
});

describe('resolution reuse (ml-image run)', () => {
  const input = {
    image: 'localhost:5000/base:1',
    platform: 'linux/arm64',
    requirements: { text: 'tqdm>=4.60', origins: ['requirements.txt:1'] },
    extraIndexUrls: [],
    mode: 'auto' as const,
  };
  it('keys by base digest and every decisive input, not the network mode', async () => {
    const { resolutionKey } = await import('../../src/resolve/resolve.js');
    const k = resolutionKey('sha256:aa', input);
    expect(resolutionKey('sha256:aa', { ...input, network: 'bridge' })).toBe(k);
    expect(resolutionKey('sha256:bb', input)).not.toBe(k);
    expect(
      resolutionKey('sha256:aa', { ...input, requirements: { text: 'tqdm>=4.61', origins: [] } }),
    ).not.toBe(k);
    expect(resolutionKey('sha256:aa', { ...input, indexUrl: 'http://mirror/simple' })).not.toBe(k);
  });

  it('answers from the cache without starting a container when asked to reuse', async () => {
    const { resolutionKey, resolveAgainstBase } = await import('../../src/resolve/resolve.js');
    const { fakeDocker } = await import('../helpers/fakes.js');
    const store = new Map<string, string>();
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    const earlier = {
      resolution: { status: 'clean' },
      constraints: 'c',
      requirements: 'r',
      explanation: 'e',
    };
    store.set(resolutionKey('sha256:aa', input), JSON.stringify(earlier));
    const lines: string[] = [];
    const docker = fakeDocker({ imageDigest: () => Promise.resolve('sha256:aa') }); // startSession would throw
    const out = await resolveAgainstBase(input, {
      docker,
      cache,
      reuse: true,
      progress: (l) => lines.push(l),
    });
    expect(out).toEqual(earlier);
    expect(lines.join('\n')).toMatch(/reused the resolution of identical inputs/);
    // Without reuse the container is started (the fake refuses it): no silent cache answers.
    await expect(resolveAgainstBase(input, { docker, cache })).rejects.toThrow(/startSession/);
  });
});
