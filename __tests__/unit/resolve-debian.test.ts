// A base whose packages Debian's apt installed (python3-torch, python3-numpy under
// /usr/lib/python3/dist-packages): what the snapshot records of them, how a plan that puts another
// version in front of one is told (pip does not uninstall it: "shadow"), the hazards of their
// pre-release versions, and which index a failure names (the one pip says it searched).
import { describe, expect, it } from 'vitest';
import type { InstalledDist } from '../../src/resolve/constraints.js';
import { renderExplanation } from '../../src/resolve/explain.js';
import { pipFailureError } from '../../src/resolve/failure.js';
import { findHazards } from '../../src/resolve/hazards.js';
import { SnapshotSchema } from '../../src/resolve/helper-output.js';
import { indexesSearched } from '../../src/resolve/pip-output.js';
import {
  explanationLines,
  RESOLUTION_SCHEMA_VERSION,
  type Replacement,
  type Resolution,
} from '../../src/resolve/result.js';
import { cachedJson } from '../../src/resolve/snapshot-cache.js';
import { chainOf } from '../../src/resolve/steps/chain.js';
import { unheldHazard } from '../../src/resolve/steps/hold.js';

const DEB = '/usr/lib/python3/dist-packages';

const debian = (name: string, version: string): InstalledDist => ({
  name,
  version,
  requiresDist: [],
  installer: '',
  editable: false,
  directUrl: false,
  location: `${DEB}/${name}-${version}.egg-info`,
  local: false,
});

const numpyShadowed: Replacement = {
  name: 'numpy',
  from: '1.24.2',
  to: '2.3.1',
  breaks: [],
  pulledInBy: [
    { dist: 'opencv-python-headless', version: '4.13.0.90', requirement: 'numpy>=2', requested: true },
  ],
  shadows: true,
};

describe("Debian's torch 1.13.0a0+gitunknown: a pre-release version is in a hazard's range", () => {
  it.each([
    [
      'numpy 2 planned',
      [{ name: 'numpy', version: '2.3.1' }],
      ['numpy1-abi:torch', 'torch-no-numpy-dependency'],
    ],
    ['numpy 1.24.2 held', [], []],
  ])('%s', (_n, install, ids) => {
    const hs = findHazards({
      snapshot: { installed: [debian('torch', '1.13.0a0+gitunknown'), debian('numpy', '1.24.2')], env: {} },
      install,
      platform: 'linux/amd64',
    });
    expect(hs.map((h) => h.id)).toEqual(ids);
  });

  it('an NGC torch 2.2.0a0+... is built against NumPy 1.x too (it sorts below 2.3)', () => {
    const hs = findHazards({
      snapshot: { installed: [{ ...debian('torch', '2.2.0a0+81ea7a4'), local: true }], env: {} },
      install: [{ name: 'numpy', version: '2.2.6' }],
      platform: 'linux/amd64',
    });
    expect(hs.map((h) => h.id)).toContain('torch-no-numpy-dependency');
  });
});

describe('a base package pip does not uninstall is shadowed, not replaced', () => {
  const note =
    "pip does not uninstall a package outside its environment: it installs the new version ahead of the base image's copy on sys.path";

  it('the chain says so', () => {
    expect(chainOf([numpyShadowed])).toEqual([
      `opencv-python-headless 4.13.0.90 needs numpy>=2 -> numpy 2.3.1 would shadow the base image's numpy 1.24.2 (${note})`,
    ]);
    // A package pip uninstalls: replaced, as before.
    const { shadows: _s, ...replaced } = numpyShadowed;
    expect(chainOf([replaced])[0]).toContain("would replace the base image's numpy 1.24.2");
    expect(chainOf([replaced])[0]).not.toContain('outside its environment');
  });

  it('the explanation and its plain lines say so', () => {
    const r: Resolution = {
      schemaVersion: RESOLUTION_SCHEMA_VERSION,
      image: 'torch-cpu:1.13',
      platform: 'linux/amd64',
      mode: 'check',
      status: 'conflict',
      python: '3.11.2',
      naive: { install: [], replaces: [numpyShadowed] },
      hazards: [],
      constraints: { pinned: 20, skipped: [] },
      durationMs: 1,
    };
    expect(renderExplanation(r)).toContain(
      `- shadow \`numpy 1.24.2\` with \`2.3.1\` because \`opencv-python-headless 4.13.0.90\` needs \`numpy>=2\` (${note})`,
    );
    expect(explanationLines(r)).toContain(
      `a plain pip install would shadow numpy 1.24.2 with 2.3.1 (needed by opencv-python-headless 4.13.0.90: numpy>=2); ${note}`,
    );
  });

  it('the hazard of one no pin holds says so', () => {
    const setuptools = { ...numpyShadowed, name: 'setuptools', from: '66.1.1', to: '75.1.0', pulledInBy: [] };
    const draft = {
      constraints: { pinned: 0, skipped: [{ name: 'setuptools', reason: 'packaging tool' }] },
    } as Parameters<typeof unheldHazard>[1];
    expect(unheldHazard(setuptools, draft).message).toBe(
      `the plan still shadows the base image's setuptools 66.1.1 with 75.1.0 (not held: packaging tool; ${note}); no base package declares a requirement it breaks`,
    );
  });
});

describe('the snapshot cache', () => {
  const snapshot = {
    format: 2,
    python: { version: '3.11.2' },
    pipVersion: '23.0.1',
    environment: {},
    env: {},
    installed: [debian('numpy', '1.24.2')],
    constraintFile: null,
  };
  const cache = (text: string) => ({ get: () => text, set: () => undefined });

  it('reads a snapshot of this format', () => {
    expect(cachedJson(cache(JSON.stringify(snapshot)), 'k', SnapshotSchema)?.value.installed).toEqual([
      debian('numpy', '1.24.2'),
    ]);
  });

  it("misses one of the earlier format (pip inspect --local: Debian's packages left out; PIP_* values kept), so it is taken again", () => {
    const { format: _f, ...old } = snapshot;
    const earlier = { ...old, installed: [], env: { PIP_INDEX_URL: 'https://u:S3CRET@idx.example/simple' } };
    expect(cachedJson(cache(JSON.stringify(earlier)), 'k', SnapshotSchema)).toBeUndefined();
  });
});

describe('a failure names the index pip searched', () => {
  const ctx = {
    image: 'img:1',
    origins: ['/w/requirements.txt:1'],
    requirements: [],
    indexes: { extraIndexUrls: [] },
  };

  it('reads "Looking in indexes:"', () => {
    expect(indexesSearched('Looking in indexes: http://u:****@a/simple, https://b/simple\nERROR: x')).toEqual(
      ['http://u:****@a/simple', 'https://b/simple'],
    );
    expect(indexesSearched('Collecting tqdm\n')).toBeUndefined();
  });

  // The base image's ENV PIP_INDEX_URL, none configured: pip searched the image's index, not PyPI.
  const out = `Looking in indexes: https://ci-bot:****@pkgs.corp.example/simple
WARNING: Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/tqdm/
ERROR: Could not find a version that satisfies the requirement tqdm (from versions: none)
ERROR: No matching distribution found for tqdm
`;

  it("unreachable: the image's own index (masked), not PyPI", () => {
    const e = pipFailureError(out, ctx)!;
    expect(e.exitCode).toBe(3);
    expect(e.message).toMatch(
      /^the package index https:\/\/ci-bot:\*\*\*@pkgs\.corp\.example\/simple is unreachable/,
    );
    expect(e.message).not.toContain('pypi.org');
  });

  it("no release found: the image's index, and the login hint (it carries one)", () => {
    const none = out.replace(/^WARNING: .*\n/m, '');
    const e = pipFailureError(none, ctx)!;
    expect(e.message).toContain('no release of "tqdm" found on https://ci-bot:***@pkgs.corp.example/simple');
    expect(e.fix).toContain('refuses its credentials');
  });

  it('without the line (pip searched PyPI alone): the configured indexes, as before', () => {
    const e = pipFailureError(out.replace(/^Looking in indexes: .*\n/m, ''), ctx)!;
    expect(e.message).toMatch(/^the package index https:\/\/pypi\.org\/simple is unreachable/);
  });
});
