// The resolver's steps (snapshot -> diagnose -> hold -> relax -> explain): the pure parts as
// tables, the orchestration in a scripted session (every exec answered by the test), and the
// parsing of what crosses the container and cache boundaries.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CheckFailedError, InputError } from '../../src/errors.js';
import { type Analysis, NO_ANALYSIS } from '../../src/resolve/helper-output.js';
import { resolveAgainstBase } from '../../src/resolve/resolve.js';
import { cachedJson, snapshotKey } from '../../src/resolve/snapshot-cache.js';
import { checkedResolution } from '../../src/resolve/steps/explain.js';
import { heldPlan, movedPackages, type ResolutionBase } from '../../src/resolve/steps/hold.js';
import { renderExplanation } from '../../src/resolve/explain.js';
import { explanationLines, RESOLUTION_SCHEMA_VERSION, type Resolution } from '../../src/resolve/result.js';
import type { Workspace } from '../../src/resolve/workspace.js';
import { failureContext, pipRunEnv, preinstalled, runIndexes } from '../../src/resolve/input.js';
import { DIR } from '../../src/resolve/workdir.js';
import { pipFailureError } from '../../src/resolve/failure.js';
import { describeIndexes } from '../../src/python/indexes.js';
import { applyRelaxed, refusal } from '../../src/resolve/steps/relax.js';
import { parseSnapshot } from '../../src/resolve/steps/snapshot.js';
import { parseHelperOutput } from '../../src/resolve/workspace.js';
import { AnalysisSchema } from '../../src/resolve/helper-output.js';
import { fakeDocker, fakeSession, imageDetails } from '../helpers/fakes.js';
import type { SessionSpec } from '../../src/docker/adapter.js';
import { PIP_CACHE_BASE_LABEL } from '../../src/resolve/pip-cache.js';
import { viaHelperRun } from '../helpers/resolve-session.js';
import { z } from 'zod';
import { NO_WORLD } from '../helpers/resolve-world.js';

const D = '/tmp/ml-image-resolve';
const numpyReplaced = {
  name: 'numpy',
  from: '1.26.4',
  to: '2.2.6',
  breaks: [{ dist: 'scipy', version: '1.11.4', requirement: 'numpy<2' }],
  pulledInBy: [
    { dist: 'opencv-python-headless', version: '4.12.0.88', requirement: 'numpy>=2', requested: true },
  ],
};

describe('movedPackages', () => {
  const naive: Pick<Analysis, 'install' | 'replaced'> = {
    install: [
      { name: 'opencv-python-headless', version: '4.12.0.88', requested: true },
      { name: 'numpy', version: '2.2.6', requested: false },
      { name: 'tqdm', version: '4.66.0', requested: true },
    ],
    replaced: [numpyReplaced],
  };
  it.each([
    ['nothing moved', [{ name: 'tqdm', version: '4.66.0', requested: true }], []],
    [
      'the package that pulled the replacement in',
      [{ name: 'opencv-python-headless', version: '4.11.0.86', requested: true }],
      [
        {
          name: 'opencv-python-headless',
          naive: '4.12.0.88',
          resolved: '4.11.0.86',
          reason: 'the newest that accepts numpy 1.26.4 held by the base image',
        },
      ],
    ],
    [
      'another requested package',
      [{ name: 'tqdm', version: '4.65.0', requested: true }],
      [
        {
          name: 'tqdm',
          naive: '4.66.0',
          resolved: '4.65.0',
          reason: 'to keep every base package at its version',
        },
      ],
    ],
    ['a dependency, not requested', [{ name: 'numpy', version: '1.26.4', requested: false }], []],
    ['a package the plain plan did not have', [{ name: 'six', version: '1.16.0', requested: true }], []],
  ])('%s', (_, install, moved) => {
    expect(movedPackages(install, naive)).toEqual(moved);
  });
});

describe('checkedResolution', () => {
  const draft: ResolutionBase = {
    schemaVersion: RESOLUTION_SCHEMA_VERSION,
    image: 'base:1',
    platform: 'linux/amd64',
    mode: 'check',
    python: '3.11.2',
    naive: { install: [], replaces: [] },
    constraints: { pinned: 0, skipped: [] },
  };
  const conflictOut = `The conflict is caused by:\n    a 1 depends on b<1 and >=2\n\nx`;
  it.each([
    ['clean', { ok: true, out: '' }, NO_ANALYSIS, 'clean', undefined],
    [
      'a replacement',
      { ok: true, out: '' },
      { ...NO_ANALYSIS, replaced: [numpyReplaced] },
      'conflict',
      {
        causes: [],
        chain: [
          "opencv-python-headless 4.12.0.88 needs numpy>=2 -> numpy 2.2.6 would replace the base image's numpy 1.26.4, which scipy 1.11.4 (numpy<2) needs",
        ],
        options: ['resolve mode "auto" looks for versions that keep the base image intact'],
      },
    ],
    [
      'a plain run that failed',
      { ok: false, out: conflictOut },
      NO_ANALYSIS,
      'conflict',
      {
        causes: ['a 1 depends on b<1 and >=2'],
        chain: ['your requirements conflict among themselves (before the base image is considered)'],
        options: ['change the requirements pip names above'],
      },
    ],
    [
      "a requirement that needs another torch than the variant's",
      {
        ok: false,
        out: `The conflict is caused by:\n    The user requested (constraint) torch==2.5.1\n    torchvision 0.19.0 depends on torch==2.4.0\n\nx`,
      },
      NO_ANALYSIS,
      'conflict',
      {
        causes: [
          'The user requested (constraint) torch==2.5.1',
          'torchvision 0.19.0 depends on torch==2.4.0',
        ],
        chain: [
          `your requirements need another torch than the variant's torch 2.5.1 (the build installs torch==2.5.1 from the torch index before them: the "(constraint) torch==2.5.1" above)`,
        ],
        options: [
          'ask for releases made for torch 2.5.1 (e.g. the torchvision or torchaudio release paired with it), or none at all',
          "or change the variant's torch (variants[].torch, or the top-level torch, in the config) to one they support",
        ],
      },
      ['torch==2.5.1'],
    ],
    [
      "a constraint on torch from the requirements' own -c file (not the variant's torch)",
      {
        ok: false,
        out: `The conflict is caused by:\n    The user requested (constraint) torch==2.4.0\n    The user requested (constraint) torch==2.5.1\n\nx`,
      },
      NO_ANALYSIS,
      'conflict',
      {
        causes: [
          'The user requested (constraint) torch==2.4.0',
          'The user requested (constraint) torch==2.5.1',
        ],
        chain: [
          `your requirements need another torch than the variant's torch 2.5.1 (the build installs torch==2.5.1 from the torch index before them: the "(constraint) torch==2.5.1" above)`,
        ],
        options: [
          'ask for releases made for torch 2.5.1 (e.g. the torchvision or torchaudio release paired with it), or none at all',
          "or change the variant's torch (variants[].torch, or the top-level torch, in the config) to one they support",
        ],
      },
      ['torch==2.5.1'],
    ],
    [
      "a -c file's torch pin, and no torch the variant installs first: the requirements' own conflict",
      {
        ok: false,
        out: `The conflict is caused by:\n    The user requested (constraint) torch==2.4.0\n    torchvision 0.20.0 depends on torch==2.5.0\n\nx`,
      },
      NO_ANALYSIS,
      'conflict',
      {
        causes: [
          'The user requested (constraint) torch==2.4.0',
          'torchvision 0.20.0 depends on torch==2.5.0',
        ],
        chain: ['your requirements conflict among themselves (before the base image is considered)'],
        options: ['change the requirements pip names above'],
      },
      [],
    ],
  ])('%s', (_, naive, analysis, status, conflict, preinstalled?: string[]) => {
    const r = checkedResolution(draft, { naive, analysis }, preinstalled ?? []);
    expect(r.status).toBe(status);
    expect(r.conflict).toEqual(conflict);
    expect(Object.keys(r)).toEqual([
      ...Object.keys(draft),
      'status',
      'hazards',
      ...(conflict ? ['conflict'] : []),
      'durationMs',
    ]);
  });
});

// A clash among the requirements themselves (six==1.16.0 and six==1.17.0) was headed "cannot be
// installed without breaking the base image": the base had nothing to do with it.
describe('the headline of a conflict the plain dry run already has', () => {
  const draft: ResolutionBase = {
    schemaVersion: RESOLUTION_SCHEMA_VERSION,
    image: 'base:1',
    platform: 'linux/amd64',
    mode: 'auto',
    python: '3.11.2',
    naive: { install: [], replaces: [] },
    constraints: { pinned: 3, skipped: [] },
  };
  const among = `The conflict is caused by:\n    The user requested six==1.16.0\n    The user requested six==1.17.0\n\nx`;
  it('among the requirements: said so, not the base image', () => {
    const r = checkedResolution(draft, { naive: { ok: false, out: among }, analysis: NO_ANALYSIS });
    const text = renderExplanation({ ...r, hazards: [] } as Resolution);
    expect(text).toContain(
      '**Conflict: pip cannot install your requirements together, before the base image is considered.**',
    );
    expect(text).not.toContain('without breaking the base image');
  });
  it("with the variant's torch: said so", () => {
    const out = `The conflict is caused by:\n    The user requested (constraint) torch==2.5.1\n    torchvision 0.19.0 depends on torch==2.4.0\n\nx`;
    const r = checkedResolution(draft, { naive: { ok: false, out }, analysis: NO_ANALYSIS }, [
      'torch==2.5.1',
    ]);
    expect(renderExplanation({ ...r, hazards: [] } as Resolution)).toContain(
      "**Conflict: pip cannot install your requirements together with the variant's torch, before the base image is considered.**",
    );
  });
  it('a replacement of a base package (the plain run installs): the base image headline', () => {
    const r = checkedResolution(
      { ...draft, naive: { install: [{ name: 'numpy', version: '2.2.6' }], replaces: [] } },
      { naive: { ok: true, out: '' }, analysis: { ...NO_ANALYSIS, replaced: [numpyReplaced] } },
    );
    expect(renderExplanation(r as Resolution)).toContain(
      '**Conflict: your requirements cannot be installed without breaking the base image.**',
    );
  });
});

describe('heldPlan: what the pins could not hold is never "intact"', () => {
  const draft: ResolutionBase = {
    schemaVersion: RESOLUTION_SCHEMA_VERSION,
    image: 'base:1',
    platform: 'linux/amd64',
    mode: 'auto',
    python: '3.11.7',
    naive: { install: [], replaces: [numpyReplaced] },
    constraints: { pinned: 1, skipped: [{ name: 'setuptools', reason: 'packaging tool' }] },
  };
  const plan = (replaced: Analysis['replaced']) => {
    const analysis: Analysis = {
      install: [
        { name: 'foo', version: '2.0', requested: true },
        ...replaced.map((r) => ({ name: r.name, version: r.to, requested: false })),
      ],
      replaced,
      environment: {},
    };
    // The held analysis is given: no workspace is used.
    return heldPlan({} as Workspace, draft, {
      basePins: '# pins\nscipy==1.11.4\n',
      diagnosis: { naive: { ok: true, out: '' }, analysis: { ...analysis, replaced: [numpyReplaced] } },
      held: { run: { ok: true, out: '' }, report: 'held.json', analysis },
      relaxed: [],
      requirements: 'foo',
    });
  };
  const setuptools = {
    name: 'setuptools',
    from: '68.0.0',
    to: '75.1.0',
    breaks: [] as { dist: string; version: string; requirement: string }[],
    pulledInBy: [{ dist: 'foo', version: '2.0', requirement: 'setuptools>=70', requested: true }],
  };

  it('holds everything: fixed, no hazard, the resolved versions in the constraints', async () => {
    const out = await plan([]);
    expect(out.resolution.status).toBe('fixed');
    expect(out.resolution.hazards).toEqual([]);
    expect(out.constraints).toBe('# pins\nscipy==1.11.4\n# resolved for this image\nfoo==2.0\n');
    expect(renderExplanation(out.resolution)).toContain('a plan that keeps the base image intact was found');
  });

  it('still replaces a base package that another needs (numpy 1.26.4 -> 2.2.6 breaking scipy): a conflict', async () => {
    const out = await plan([numpyReplaced]);
    expect(out.resolution.status).toBe('conflict');
    expect(out.resolution.conflict!.chain).toEqual([
      "opencv-python-headless 4.12.0.88 needs numpy>=2 -> numpy 2.2.6 would replace the base image's numpy 1.26.4, which scipy 1.11.4 (numpy<2) needs (not held: not pinned)",
    ]);
    expect(out.resolution.conflict!.options[0]).toMatch(/^add "numpy==1\.26\.4" to your requirements/);
    // No resolved pins for the build: only the base's.
    expect(out.constraints).toBe('# pins\nscipy==1.11.4\n');
    const text = renderExplanation(out.resolution);
    expect(text).not.toContain('intact was found');
    expect(text).toContain(
      'Conflict: your requirements cannot be installed without breaking the base image.',
    );
  });

  it('still replaces a package nothing in the base needs at its version (setuptools): fixed, with a hazard naming it', async () => {
    const out = await plan([setuptools]);
    expect(out.resolution.status).toBe('fixed');
    expect(out.resolution.hazards).toEqual([
      {
        id: 'unheld-replacement',
        message:
          "the plan still replaces the base image's setuptools 68.0.0 with 75.1.0 (not held: packaging tool); no base package declares a requirement it breaks",
        fix: 'add "setuptools==68.0.0" to your requirements to keep the base image\'s version, or accept the change',
        source: 'https://pip.pypa.io/en/stable/user_guide/#constraints-files',
      },
    ]);
    expect(renderExplanation(out.resolution)).not.toContain('intact');
    expect(renderExplanation(out.resolution)).toContain('but for base packages the plan still replaces');
    expect(explanationLines(out.resolution)[0]).toMatch(/but for base packages the plan still replaces/);
  });
});

describe("preinstalled: the build's torch step, as the resolver's constraint", () => {
  const base = {
    image: 'b',
    platform: 'linux/amd64',
    requirements: { text: '', origins: [] },
    mode: 'auto' as const,
  };
  it.each([
    [{ torchIndexUrl: 'https://download.pytorch.org/whl/cpu', torchVersion: '2.5.1' }, ['torch==2.5.1']],
    [
      { torchIndexUrl: 'https://download.pytorch.org/whl/cpu', torchVersion: '2.5.1+cpu' },
      ['torch==2.5.1+cpu'],
    ],
    [{ torchVersion: '2.5.1' }, []],
    [{ torchIndexUrl: 'https://download.pytorch.org/whl/cpu' }, []],
    [{ torchIndexUrl: 'https://download.pytorch.org/whl/cpu', torchVersion: '2.5.1\n--index-url x' }, []],
    [undefined, []],
  ])('%j -> %j', (variant, lines) => {
    expect(preinstalled({ ...base, ...(variant && { variant }) })).toEqual(lines);
  });

  it('a failure names every index pip searched, the torch index too (redacted), once', () => {
    const torchIndexUrl = 'https://u:TORCHTOKEN@torch.example/whl/cpu';
    const withTorch = {
      ...base,
      indexes: { indexUrl: 'https://idx.example/simple', extraIndexUrls: [] },
      variant: { torchIndexUrl, torchVersion: '2.5.1' },
    };
    const ctx = failureContext(withTorch);
    expect(describeIndexes(ctx.indexes)).toBe(
      'https://idx.example/simple, https://u:***@torch.example/whl/cpu',
    );
    const e = pipFailureError('ERROR: No matching distribution found for tqdmx', ctx)!;
    expect(e.message).toContain('found on https://idx.example/simple, https://u:***@torch.example/whl/cpu');
    expect(e.message).not.toContain('TORCHTOKEN');
    // Listed already: not twice. No torch version: pip never sees the torch index.
    const listed = { ...withTorch, indexes: { extraIndexUrls: [torchIndexUrl] } };
    expect(describeIndexes(failureContext(listed).indexes)).toBe(
      'https://pypi.org/simple, https://u:***@torch.example/whl/cpu',
    );
    const noTorch = { ...withTorch, variant: { torchIndexUrl } };
    expect(describeIndexes(failureContext(noTorch).indexes)).toBe('https://idx.example/simple');
    // The torch index reaches pip by the torch index file only (after the requirements), once.
    // Its login in the netrc file (runIndexes), the URL without it.
    const netrc = { ML_IMAGE_TORCH_INDEX_URL: 'https://torch.example/whl/cpu', NETRC: `${DIR}/netrc` };
    expect(pipRunEnv(listed)).toEqual(netrc);
    expect(pipRunEnv(withTorch)).toEqual({ PIP_INDEX_URL: 'https://idx.example/simple', ...netrc });
    expect(runIndexes(withTorch).netrc).toBe('machine torch.example login u password TORCHTOKEN\n');
  });

  it('a --index-url line in the requirements: pip drops the configured indexes, extra ones too, and the failure says so; the torch index stays (its file comes after)', () => {
    const torchIndexUrl = 'https://torch.example/whl/cpu';
    const own = {
      ...base,
      requirements: {
        ...base.requirements,
        indexes: {
          indexUrl: 'https://own.example/simple',
          extraIndexUrls: ['https://own-extra.example/simple'],
        },
      },
      indexes: {
        indexUrl: 'https://idx.example/simple',
        extraIndexUrls: ['https://cfg-extra.example/simple'],
      },
    };
    expect(describeIndexes(failureContext(own).indexes)).toBe(
      'https://own.example/simple, https://own-extra.example/simple',
    );
    expect(
      describeIndexes(failureContext({ ...own, variant: { torchIndexUrl, torchVersion: '2.5.1' } }).indexes),
    ).toBe(`https://own.example/simple, https://own-extra.example/simple, ${torchIndexUrl}`);
    // Without an --index-url line of their own, the file's extra indexes add to the configured ones.
    const extraOnly = {
      ...own,
      requirements: {
        ...own.requirements,
        indexes: { extraIndexUrls: ['https://own-extra.example/simple'] },
      },
    };
    expect(describeIndexes(failureContext(extraOnly).indexes)).toBe(
      'https://idx.example/simple, https://cfg-extra.example/simple, https://own-extra.example/simple',
    );
  });
});

describe("the helper's answers are parsed, not cast", () => {
  const run = (stdout: string, exitCode = 0) => ({ exitCode, stdout, stderr: '' });
  const snapshot = {
    format: 2,
    python: { version: '3.11.2', executable: '/usr/bin/python3' },
    pipVersion: '23.0.1',
    environment: { platform_machine: 'x86_64' },
    env: {},
    installed: [
      {
        name: 'numpy',
        version: '1.26.4',
        requiresDist: [],
        installer: 'pip',
        editable: false,
        directUrl: false,
        location: '/usr/local/lib/python3.11/site-packages',
        local: true,
      },
    ],
    constraintFile: null,
  };

  it('a snapshot comes back typed, extra keys dropped', () => {
    const s = parseSnapshot(run(JSON.stringify(snapshot)), 'base:1');
    expect(s.installed[0]!.name).toBe('numpy');
    expect(s.python).toEqual({ version: '3.11.2' });
  });

  it.each([
    ['{"error": "pip with vendored packaging is required in the image: x"}', /^base:1: pip with vendored/],
    [
      '{"python": {"version": "3.8.0"}, "env": {}, "error": "pip inspect failed: no such command"}',
      /inspect failed/,
    ],
  ])('a helper that cannot look is exit 2: %s', (stdout, message) => {
    const err = (() => {
      try {
        return parseSnapshot(run(stdout), 'base:1');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(message);
  });

  it.each([
    ['not JSON', 'Traceback (most recent call last):', /exit 0\): Traceback/],
    ['the wrong shape', JSON.stringify({ ...snapshot, installed: [{ name: 'numpy' }] }), /installed/],
    ['a wrong type', JSON.stringify({ ...snapshot, constraintFile: 'x' }), /constraintFile/],
  ])('%s is the helper failing (exit 1)', (_, stdout, message) => {
    const err = (() => {
      try {
        return parseSnapshot(run(stdout), 'base:1');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CheckFailedError);
    expect((err as CheckFailedError).message).toMatch(/^the resolver helper failed in base:1/);
    expect((err as CheckFailedError).message).toMatch(message);
  });

  it('an analysis with a replacement missing its chain is refused', () => {
    const bad = { install: [], replaced: [{ name: 'numpy', from: '1', to: '2' }], environment: {} };
    expect(() => parseHelperOutput(AnalysisSchema, run(JSON.stringify(bad)), 'base:1')).toThrow(
      /resolver helper failed.*replaced/,
    );
  });
});

describe('cachedJson', () => {
  const schema = z.object({ a: z.number() });
  const cache = {
    get: (k: string) => ({ good: '{"a":1}', shape: '{"a":"1"}', broken: '{"a":' })[k],
    set: () => undefined,
  };
  it.each([
    ['good', { text: '{"a":1}', value: { a: 1 } }],
    ['shape', undefined],
    ['broken', undefined],
    ['missing', undefined],
    [undefined, undefined],
  ])('%s', (key, hit) => {
    expect(cachedJson(cache, key, schema)).toEqual(hit);
  });
  it('no cache is a miss', () => {
    expect(cachedJson(undefined, 'good', schema)).toBeUndefined();
  });
});

describe('the steps in a scripted session', () => {
  const SNAPSHOT = JSON.stringify({
    format: 2,
    python: { version: '3.11.2' },
    pipVersion: '23.0.1',
    environment: {},
    env: {},
    installed: [
      {
        name: 'numpy',
        version: '1.26.4',
        requiresDist: [],
        installer: 'pip',
        editable: false,
        directUrl: false,
        location: '/usr/local/lib/python3.11/site-packages',
        local: true,
      },
    ],
    constraintFile: null,
  });
  const CONFLICT = `The conflict is caused by:
    The user requested opencv-python-headless==4.12.0.88
    opencv-python-headless 4.12.0.88 depends on numpy>=2
    The user requested (constraint) numpy==1.26.4

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/
`;
  const naiveAnalysis = {
    install: [
      { name: 'opencv-python-headless', version: '4.12.0.88', requested: true },
      { name: 'numpy', version: '2.2.6', requested: false },
    ],
    // scipy needs numpy<2: the base is held, never let go (steps/release.ts).
    replaced: [numpyReplaced],
    holders: {},
    environment: {},
  };
  const heldAnalysis = {
    install: [{ name: 'opencv-python-headless', version: '4.11.0.86', requested: true }],
    replaced: [],
    holders: {},
    environment: {},
  };
  const input = (mode: 'auto' | 'check') => ({
    image: 'localhost:5000/base:1',
    platform: 'linux/amd64',
    requirements: { text: 'opencv-python-headless==4.12.0.88', origins: ['/w/r.txt:1'] },
    mode,
  });

  /** pip and the helper as the test bed's image answers them; `relaxedFits` decides step 4. */
  const script = (relaxedFits: boolean, relaxTo = 'opencv-python-headless>=4.12.0.88') => {
    const played = viaHelperRun(answer(relaxedFits, relaxTo), () => session.files);
    const session = Object.assign(fakeSession(played.answer), { virtual: played.calls });
    return session;
  };
  const answer = (relaxedFits: boolean, relaxTo: string) => (cmd: readonly string[]) => {
    const c = cmd.join(' ');
    if (cmd[0] === 'sh' || c === `python3 ${D}/helper.py snapshot`) return { stdout: SNAPSHOT };
    if (c.includes(`${D}/helper.py analyze`))
      return { stdout: JSON.stringify(c.endsWith('naive.json') ? naiveAnalysis : heldAnalysis) };
    if (c.includes(`${D}/helper.py relax`))
      return {
        stdout: JSON.stringify({
          requirements: `${relaxTo}\n`,
          changes: [
            { name: 'opencv-python-headless', from: 'opencv-python-headless==4.12.0.88', to: relaxTo },
          ],
        }),
      };
    if (c.includes('pip install')) {
      if (c.includes('naive.json')) return {};
      if (c.includes('relaxed.txt') && relaxedFits) return {};
      if (c.includes('probe.txt')) return {};
      return { exitCode: 1, stdout: CONFLICT };
    }
    if (cmd[0] === 'python3' && cmd[1] === '-c') return { stdout: '4.11.0.86\n' };
    return { exitCode: 2, stderr: `unexpected ${c}` };
  };

  it('hold fails, relax fits: fixed, with the relaxed requirements and the resolved pins', async () => {
    const session = script(true);
    const lines: string[] = [];
    const out = await resolveAgainstBase(input('auto'), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
      progress: (l) => lines.push(l),
    });
    expect(out.resolution.status).toBe('fixed');
    expect(out.requirements).toBe('opencv-python-headless>=4.12.0.88');
    expect(out.constraints).toBe(
      '# ml-image resolve: pins of localhost:5000/base:1 (linux/amd64)\nnumpy==1.26.4\n# resolved for this image\nopencv-python-headless==4.11.0.86\n',
    );
    // The digest provenance names them by when attest runs in another job (resolution file v2).
    expect(out.resolution.constraints.sha256).toBe(
      createHash('sha256').update(out.constraints).digest('hex'),
    );
    expect(out.resolution.resolved?.relaxed).toHaveLength(1);
    expect(out.resolution.resolved?.moved).toEqual([
      {
        name: 'opencv-python-headless',
        naive: '4.12.0.88',
        resolved: '4.11.0.86',
        reason: 'the newest that accepts numpy 1.26.4 held by the base image',
      },
    ]);
    expect(lines).toEqual([
      'resolve linux/amd64: base has 1 Python distributions (python 3.11.2, pip 23.0.1)',
      'resolve linux/amd64: a plain pip install would replace 1 base package(s)',
      'resolve linux/amd64: relaxing opencv-python-headless==4.12.0.88 -> opencv-python-headless>=4.12.0.88',
    ]);
    const pip = session.virtual.filter((c) => c.cmd.includes('pip')).map((c) => c.cmd.at(-1));
    expect(pip).toEqual([`${D}/requirements.txt`, `${D}/base-constraints.txt`, `${D}/base-constraints.txt`]);
    expect(session.files[`${D}/relaxed.txt`]).toBe('opencv-python-headless>=4.12.0.88\n');
    expect(session.closed()).toBe(true);
  });

  it('hold fails, the helper swaps the project while relaxing: refused and said, the conflict stands', async () => {
    // Even where the swapped line would resolve: what the helper answers is checked, not trusted.
    const session = script(true, 'evilpkg');
    const lines: string[] = [];
    const out = await resolveAgainstBase(input('auto'), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
      progress: (l) => lines.push(l),
    });
    expect(out.resolution.status).toBe('conflict');
    expect(out.requirements).toBe('opencv-python-headless==4.12.0.88');
    expect(out.resolution.resolved).toBeUndefined();
    expect(lines).toContain(
      'resolve linux/amd64: not relaxing: the helper proposed a change this step does not make: "opencv-python-headless==4.12.0.88" -> "evilpkg" (the new line names evilpkg, not opencv-python-headless)',
    );
    expect(session.files[`${D}/relaxed.txt`]).toBeUndefined();
  });

  it("a variant with torch from its index: every dry run asks for the build's torch==VERSION (a requirement and a constraint), with that index", async () => {
    const session = script(true);
    const torchIndexUrl = 'https://download.pytorch.org/whl/cpu';
    await resolveAgainstBase(
      {
        ...input('auto'),
        indexes: { extraIndexUrls: ['https://pkgs.example.com/simple'] },
        variant: { torchIndexUrl, torchVersion: '2.5.1' },
      },
      { ...NO_WORLD, docker: fakeDocker({ startSession: () => Promise.resolve(session) }) },
    );
    expect(session.files[`${D}/preinstalled.txt`]).toBe('torch==2.5.1\n');
    // The torch index, filled in by pip from its environment: no URL in the file.
    expect(session.files[`${D}/torch-index.txt`]).toBe('--extra-index-url ${ML_IMAGE_TORCH_INDEX_URL}\n');
    const pip = session.virtual.filter((c) => c.cmd.includes('pip'));
    // naive, held, relaxed and the probe: each one with the constraint before its requirements,
    // torch==2.5.1 as a requirement (positional), and the torch index file as the last -r, after
    // the requirements (whose --index-url line would drop an index given before).
    expect(pip.length).toBeGreaterThanOrEqual(3);
    for (const c of pip) {
      const at = c.cmd.indexOf(`${D}/preinstalled.txt`);
      expect(c.cmd[at - 1]).toBe('-c');
      expect(at).toBeLessThan(c.cmd.indexOf('-r'));
      expect(c.cmd[at + 1]).toBe('torch==2.5.1');
      const files = c.cmd.flatMap((a, i) => (c.cmd[i - 1] === '-r' ? [a] : []));
      expect(files).toHaveLength(2);
      expect(files[1]).toBe(`${D}/torch-index.txt`);
      expect(c.env.PIP_EXTRA_INDEX_URL).toBe('https://pkgs.example.com/simple');
      expect(c.env.ML_IMAGE_TORCH_INDEX_URL).toBe(torchIndexUrl);
    }
  });

  it('a variant without a torch index (NGC: torch comes with the base): no torch constraint', async () => {
    const session = script(true);
    await resolveAgainstBase(
      { ...input('auto'), variant: { torchVersion: '2.6.0a0+ecf3bae40a' } },
      { ...NO_WORLD, docker: fakeDocker({ startSession: () => Promise.resolve(session) }) },
    );
    expect(session.files[`${D}/preinstalled.txt`]).toBeUndefined();
    expect(session.files[`${D}/torch-index.txt`]).toBeUndefined();
    for (const c of session.virtual.filter((x) => x.cmd.includes('pip'))) {
      expect(c.cmd.join(' ')).not.toContain('preinstalled');
      expect(c.cmd.join(' ')).not.toContain('torch-index');
      expect(c.env.PIP_EXTRA_INDEX_URL).toBeUndefined();
      expect(c.env.ML_IMAGE_TORCH_INDEX_URL).toBeUndefined();
    }
  });

  it('hold and relax fail: a conflict with the chain and the version that fits', async () => {
    const session = script(false);
    const out = await resolveAgainstBase(input('auto'), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
    });
    expect(out.resolution.status).toBe('conflict');
    expect(out.requirements).toBe('opencv-python-headless==4.12.0.88');
    expect(out.constraints).not.toContain('resolved for this image');
    expect(out.resolution.conflict?.causes).toContain('The user requested opencv-python-headless==4.12.0.88');
    expect(out.resolution.conflict?.options[0]).toBe(
      'use an older release: opencv-python-headless==4.11.0.86 is the newest that fits the base image (change /w/r.txt:1)',
    );
    expect(out.explanation).toMatch(/opencv-python-headless/);
  });

  it('the version that fits is found for a dotted name too (ruamel.yaml is ruamel-yaml, PEP 503)', async () => {
    const conflict = `The conflict is caused by:
    The user requested ruamel.yaml==0.18.6
    ruamel.yaml 0.18.6 depends on numpy>=2
    The user requested (constraint) numpy==1.26.4

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/
`;
    const analysis = (
      install: { name: string; version: string; requested: boolean }[],
      replaced: unknown[],
    ) => JSON.stringify({ install, replaced, holders: {}, environment: {} });
    const played = viaHelperRun(
      (cmd) => {
        const c = cmd.join(' ');
        if (cmd[0] === 'sh') return { stdout: SNAPSHOT };
        if (c.includes(`${D}/helper.py analyze`) && c.endsWith('probe.json'))
          return { stdout: analysis([{ name: 'ruamel-yaml', version: '0.17.21', requested: true }], []) };
        if (c.includes(`${D}/helper.py analyze`))
          return {
            stdout: analysis(
              [
                { name: 'ruamel-yaml', version: '0.18.6', requested: true },
                { name: 'numpy', version: '2.2.6', requested: false },
              ],
              [{ ...numpyReplaced, pulledInBy: [] }],
            ),
          };
        if (c.includes(`${D}/helper.py relax`))
          return { stdout: JSON.stringify({ requirements: '', changes: [] }) };
        if (c.includes('pip install'))
          return c.includes('naive.json') || c.includes('probe.txt') ? {} : { exitCode: 1, stdout: conflict };
        // Nothing else runs (no python -c reading the probe's report by a name of its own making).
        return { exitCode: 2, stderr: `unexpected ${c}` };
      },
      () => session.files,
    );
    const session = fakeSession(played.answer);
    const out = await resolveAgainstBase(
      { ...input('auto'), requirements: { text: 'ruamel.yaml==0.18.6', origins: ['/w/r.txt:1'] } },
      { ...NO_WORLD, docker: fakeDocker({ startSession: () => Promise.resolve(session) }) },
    );
    expect(out.resolution.status).toBe('conflict');
    expect(out.resolution.conflict?.options[0]).toBe(
      'use an older release: ruamel-yaml==0.17.21 is the newest that fits the base image (change /w/r.txt:1)',
    );
  });

  // A probe for an older release that pip cannot answer is no option, never the run's error: the
  // conflict stands, with its explanation (exit 1), not "no release found" (exit 2).
  const URL_WHL = 'http://host/extra/baz-1.0-py3-none-any.whl';
  // The probe asks again for the extras the user asked for (every line's): what they pull in must fit too.
  it.each([
    ['a direct URL (the index does not list it): not probed', `baz @ ${URL_WHL}`, undefined],
    ['a plain line whose probe finds no release: probed, no option', 'baz==1.0', 'baz\n'],
    ['a line with extras: probed with them', 'baz[gpu,io]==1.0\nBaz[io, cli]', 'baz[gpu,io,cli]\n'],
  ])('a conflict with %s', async (_what, line, probed) => {
    const conflict = `The conflict is caused by:
    baz 1.0 depends on numpy>=2
    The user requested (constraint) numpy==1.26.4

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/
`;
    const none = `ERROR: Could not find a version that satisfies the requirement baz (from versions: none)
ERROR: No matching distribution found for baz
`;
    const played = viaHelperRun(
      (cmd) => {
        const c = cmd.join(' ');
        if (cmd[0] === 'sh') return { stdout: SNAPSHOT };
        if (c.includes(`${D}/helper.py analyze`))
          return {
            stdout: JSON.stringify({
              install: [
                { name: 'baz', version: '1.0', requested: true },
                { name: 'numpy', version: '2.2.6', requested: false },
              ],
              replaced: [{ ...numpyReplaced, pulledInBy: [] }],
              holders: {},
              environment: {},
            }),
          };
        if (c.includes(`${D}/helper.py relax`))
          return { stdout: JSON.stringify({ requirements: '', changes: [] }) };
        if (c.includes('probe.txt')) return { exitCode: 1, stdout: none };
        if (c.includes('pip install'))
          return c.includes('naive.json') ? {} : { exitCode: 1, stdout: conflict };
        return { exitCode: 2, stderr: `unexpected ${c}` };
      },
      () => session.files,
    );
    const session = fakeSession(played.answer);
    const out = await resolveAgainstBase(
      { ...input('auto'), requirements: { text: line, origins: ['/w/r.txt:1'] } },
      { ...NO_WORLD, docker: fakeDocker({ startSession: () => Promise.resolve(session) }) },
    );
    expect(out.resolution.status).toBe('conflict');
    expect(out.resolution.conflict?.causes).toContain('baz 1.0 depends on numpy>=2');
    expect(out.resolution.conflict?.options.join('\n')).not.toMatch(/older release/);
    expect(played.calls.some((x) => x.cmd.join(' ').includes('probe.txt'))).toBe(probed !== undefined);
    expect(session.files[`${D}/probe.txt`]).toBe(probed);
  });

  it('mode "check" stops after the plain run', async () => {
    const session = script(true);
    const out = await resolveAgainstBase(input('check'), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
    });
    expect(out.resolution.status).toBe('conflict');
    expect(session.virtual.filter((c) => c.cmd.includes('pip'))).toHaveLength(1);
  });

  it('the snapshot is cached by digest, taken by its own command before any pip run; a cached entry that does not parse is taken again', async () => {
    const store = new Map<string, string>();
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    const AA = `sha256:${'a'.repeat(64)}`;
    const LOCAL = `sha256:${'1'.repeat(64)}`;
    const key = snapshotKey(AA, 'linux/amd64');
    const resolveWith = async () => {
      const session = script(true);
      const lines: string[] = [];
      const images: string[] = [];
      await resolveAgainstBase(input('auto'), {
        ...NO_WORLD,
        docker: fakeDocker({
          startSession: (spec) => {
            images.push(spec.image);
            return Promise.resolve(session);
          },
          imageDigest: () => Promise.resolve(AA),
          // The engine's image under the tag, pulled from the registry: its RepoDigests name AA.
          inspectLocalImage: () =>
            Promise.resolve(imageDetails({ id: LOCAL, repoDigests: [`localhost:5000/base@${AA}`] })),
        }),
        cache,
        progress: (l) => lines.push(l),
      });
      return { lines, session, images };
    };
    /** What each exec ran: `snapshot`, or `run` with its report and flags. */
    const execs = (r: Awaited<ReturnType<typeof resolveWith>>) =>
      r.session.calls.map((c) =>
        c.cmd[2] === 'run' ? c.cmd.slice(3, c.cmd.indexOf('--')).join(' ') : c.cmd.slice(2).join(' '),
      );
    const first = await resolveWith();
    expect(store.get(key)).toBe(SNAPSHOT);
    // The container runs the image the snapshot is kept under by its id, not by its tag.
    expect(first.images).toEqual([LOCAL]);
    // Not cached: the snapshot by its own command first (nothing of the requirements has run yet);
    // then the plain and the held run in one python process, then the relaxed run.
    expect(execs(first)).toEqual([
      'snapshot',
      `${D}/naive.json --held`,
      `relax ${D}/requirements.txt opencv-python-headless=4.12.0.88`,
      `${D}/relaxed.json`,
    ]);
    expect(first.session.calls[0]!.env).toEqual({}); // pip's environment reaches only pip runs
    expect(first.session.files[`${D}/snapshot.json`]).toBe(SNAPSHOT);
    const second = await resolveWith();
    expect(second.lines[0]).toBe(`resolve linux/amd64: base snapshot from the cache (${AA.slice(0, 19)})`);
    expect(second.session.files[`${D}/snapshot.json`]).toBe(SNAPSHOT);
    expect(execs(second)).not.toContain('snapshot');
    // Cached: the plain and the held run in one python process (one exec), then the relaxed run.
    expect(second.session.calls.filter((c) => c.cmd[2] === 'run').map((c) => c.cmd[3])).toEqual([
      `${D}/naive.json`,
      `${D}/relaxed.json`,
    ]);
    expect(second.session.virtual.filter((c) => c.cmd.includes('pip')).map((c) => c.cmd.at(-1))).toEqual([
      `${D}/requirements.txt`,
      `${D}/base-constraints.txt`,
      `${D}/base-constraints.txt`,
    ]);
    store.set(key, '{"installed": "truncated');
    expect(execs(await resolveWith())[0]).toBe('snapshot');
    expect(store.get(key)).toBe(SNAPSHOT);
  });

  it('a base only local: the container runs its image id, the pip cache and the snapshot are keyed by it', async () => {
    const store = new Map<string, string>();
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    const session = script(true);
    const ID = `sha256:${'1'.repeat(64)}`;
    const specs: SessionSpec[] = [];
    await resolveAgainstBase(input('auto'), {
      ...NO_WORLD,
      docker: fakeDocker({
        startSession: (spec) => {
          specs.push(spec);
          return Promise.resolve(session);
        },
        imageDigest: () => Promise.reject(new Error('not in a registry')),
        inspectLocalImage: (ref) =>
          Promise.resolve(imageDetails({ id: ref === 'localhost:5000/base:1' ? ID : 'x' })),
      }),
      cache,
      env: {},
    });
    expect(specs[0]!.image).toBe(ID);
    expect(specs[0]!.volumes?.[0]?.labels).toMatchObject({ [PIP_CACHE_BASE_LABEL]: ID });
    // Keyed by its image id (as content-addressed as a digest): taken by its own command, and kept.
    expect(session.calls[0]!.cmd.slice(2)).toEqual(['snapshot']);
    expect(session.calls[1]!.cmd.slice(2, 5)).toEqual(['run', `${D}/naive.json`, '--held']);
    expect([...store.keys()]).toEqual([snapshotKey(ID, 'linux/amd64')]);
  });
});

describe('applyRelaxed: the helper says what to loosen; the own lines of the user are changed', () => {
  const text =
    'numpy<2\nmylib @ https://internal.example/mylib-1.4.0-py3-none-any.whl\nopencv-python-headless==4.12.0.88';
  const change = (from: string, to: string) => ({ name: 'x', from, to });
  it.each<[string, { name: string; from: string; to: string }[], string | undefined]>([
    [
      'a pinned requirement to a lower bound',
      [change('opencv-python-headless==4.12.0.88', 'opencv-python-headless>=4.12.0.88')],
      'numpy<2\nmylib @ https://internal.example/mylib-1.4.0-py3-none-any.whl\nopencv-python-headless>=4.12.0.88',
    ],
    // A direct URL loosened to a bare name: an index could serve another project (dependency confusion).
    [
      'a direct URL requirement',
      [change('mylib @ https://internal.example/mylib-1.4.0-py3-none-any.whl', 'mylib>=1')],
      undefined,
    ],
    // What the container says is checked: no new line, no option, no URL.
    [
      'a change that adds a line',
      [change('numpy<2', 'numpy>=1\n--extra-index-url https://evil.example/simple')],
      undefined,
    ],
    ['a change to a URL', [change('numpy<2', 'numpy @ https://evil.example/numpy.whl')], undefined],
    ['a line the user did not write', [change('evil==1', 'evil>=1')], undefined],
    // The helper keeps every != exclusion (relax in ml_image_resolve.py), and drops all bounds
    // when the user wrote no lower one and pip chose no version.
    [
      'a lower bound with exclusions',
      [change('numpy<2', 'numpy>=1,!=1.3.2,!=1.4.*')],
      'numpy>=1,!=1.3.2,!=1.4.*\nmylib @ https://internal.example/mylib-1.4.0-py3-none-any.whl\nopencv-python-headless==4.12.0.88',
    ],
    [
      'no bound left',
      [change('numpy<2', 'numpy')],
      'numpy\nmylib @ https://internal.example/mylib-1.4.0-py3-none-any.whl\nopencv-python-headless==4.12.0.88',
    ],
    // Only what loosens: no upper bound, no pin.
    ['an upper bound', [change('numpy<2', 'numpy<3')], undefined],
    ['a pin among the kept', [change('numpy<2', 'numpy>=1,==1.5')], undefined],
    // Only the version changes: a marker added could drop the requirement (see the next table).
    ['a marker added', [change('numpy<2', 'numpy>=1; python_version < "3.13"')], undefined],
  ])('%s', (_what, changes, want) => {
    expect(applyRelaxed(text, changes)).toBe(want);
  });
});

describe('applyRelaxed: a change keeps the project of the line it replaces (PEP 503 name)', () => {
  const foo = `foo[Dev_Tools,docs]==1.*; python_version<'3.13' and (os.name == "posix")`;
  // Never true on Python 3: "and" binds its doubly parenthesised group.
  const inert = 'qux==1.0 ; python_version < "3" and ((os_name == "nt" or sys_platform == "linux"))';
  const text = [
    'numpy<2',
    'Scikit_Learn==1.5.0',
    '-r other.txt',
    '--index-url https://pypi.example/simple',
    'torch==2.1.0+cu121',
    'bar==1.*',
    foo,
    inert,
  ].join('\n');
  it.each<[string, string, string, string | undefined]>([
    // Another project: a helper's bug or a crafted answer would install it unnoticed.
    ['another project, no bound', 'numpy<2', 'evilpkg', 'the new line names evilpkg, not numpy'],
    ['another project, a bound kept', 'numpy<2', 'evilpkg>=1', 'the new line names evilpkg, not numpy'],
    [
      'a name that extends the old one',
      'numpy<2',
      'numpy-evil>=1',
      'the new line names numpy-evil, not numpy',
    ],
    [
      'a name the old one extends',
      'Scikit_Learn==1.5.0',
      'scikit>=1.5.0',
      'the new line names scikit, not scikit-learn',
    ],
    // Not a requirement on either side.
    ['an option line replaced by a requirement', '-r other.txt', 'evilpkg', 'the line is not a requirement'],
    [
      'an option line as the new line',
      'numpy<2',
      '--index-url=https://evil.example/simple',
      'the new line is not a loosened requirement',
    ],
    ['an editable as the new line', 'numpy<2', '-e .', 'the new line is not a loosened requirement'],
    // A lower bound with a local label is no valid specifier: not taken for another project.
    [
      'a local version label in the lower bound',
      'torch==2.1.0+cu121',
      'torch>=2.1.0+cu121',
      'the new line does not parse as a requirement',
    ],
    ['the public version as the lower bound', 'torch==2.1.0+cu121', 'torch>=2.1.0', undefined],
    // The same project: its name written another way, kept.
    ['the same name spelled otherwise', 'Scikit_Learn==1.5.0', 'scikit.learn>=1.5.0', undefined],
    // Extras and the marker stay: only the version specifier changes.
    [
      'extras added',
      'numpy<2',
      'numpy[dev,docs]>=1',
      "the new line's extras (dev, docs) are not the line's (none)",
    ],
    ['an extra added', 'bar==1.*', 'bar[evil]>=1', "the new line's extras (evil) are not the line's (none)"],
    [
      'an extra dropped',
      foo,
      'foo[docs]>=1; python_version < "3.13" and os_name == "posix"',
      "the new line's extras (docs) are not the line's (dev-tools, docs)",
    ],
    [
      'a marker that is never true added (the requirement dropped)',
      'bar==1.*',
      'bar>=1; python_version < "0"',
      `the new line's marker (python_version < "0") is not the line's (none)`,
    ],
    [
      'a marker added',
      'numpy<2',
      'numpy>=1; python_version >= "3.10"',
      `the new line's marker (python_version >= "3.10") is not the line's (none)`,
    ],
    [
      'the marker dropped',
      foo,
      'foo[Dev_Tools,docs]>=1',
      `the new line's marker (none) is not the line's (python_version < "3.13" and os_name == "posix")`,
    ],
    [
      'a clause of the marker dropped',
      foo,
      'foo[Dev_Tools,docs]>=1; python_version < "3.13"',
      `the new line's marker (python_version < "3.13") is not the line's (python_version < "3.13" and os_name == "posix")`,
    ],
    [
      'a value of the marker changed',
      foo,
      'foo[Dev_Tools,docs]>=1; python_version < "3.14" and os_name == "posix"',
      `the new line's marker (python_version < "3.14" and os_name == "posix") is not the line's (python_version < "3.13" and os_name == "posix")`,
    ],
    // What the helper writes (packaging's str(Requirement) parts), and the same spelled otherwise.
    [
      'extras and marker as the helper writes them',
      foo,
      'foo[Dev_Tools,docs]>=1; python_version < "3.13" and os_name == "posix"',
      undefined,
    ],
    [
      'extras reordered and respelled, the marker spaced and quoted otherwise',
      foo,
      `foo[docs,dev-tools,dev.tools]>=1;python_version<"3.13"   and (os_name=='posix')`,
      undefined,
    ],
    // packaging's str(Marker) drops the pair a doubled one needs: the line would hold on Linux.
    [
      'the parentheses of a doubly parenthesised group dropped (packaging writes it so)',
      inert,
      'qux>=1.0; python_version < "3" and os_name == "nt" or sys_platform == "linux"',
      `the new line's marker (python_version < "3" and os_name == "nt" or sys_platform == "linux") is not the line's (python_version < "3" and (os_name == "nt" or sys_platform == "linux"))`,
    ],
    [
      'a doubly parenthesised group as the line wrote it (what the helper writes)',
      inert,
      'qux>=1.0; python_version < "3" and ((os_name == "nt" or sys_platform == "linux"))',
      undefined,
    ],
  ])('%s', (_what, from, to, why) => {
    const c = { name: 'x', from, to };
    const applied = text
      .split('\n')
      .map((l) => (l === from ? to : l))
      .join('\n');
    expect(applyRelaxed(text, [c])).toBe(why === undefined ? applied : undefined);
    expect(refusal(c)).toBe(why);
  });
});
