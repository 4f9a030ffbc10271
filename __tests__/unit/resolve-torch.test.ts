// The variant's torch (the build's first pip step, `pip install torch==V -c constraints`, before the
// requirements) in the resolver: every dry run asks for torch==V as a requirement, so torch's own
// dependencies resolve with the user's requirements, get pins the build's torch step accepts, and a
// requirement that contradicts them is a conflict, not "clean". pip is played by a fake session
// that answers as real pip does (the integration test resolve.test.ts runs real pip on wheels).
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/resolve/helper-output.js';
import { preinstalledArgs, type ResolveInput } from '../../src/resolve/input.js';
import { userRequestedInConflict } from '../../src/resolve/pip-output.js';
import { resolveAgainstBase } from '../../src/resolve/resolve.js';
import { RESOLUTION_SCHEMA_VERSION } from '../../src/resolve/result.js';
import {
  checkedResolution,
  conflictResolution,
  variantTorchDependencyIn,
} from '../../src/resolve/steps/explain.js';
import type { ResolutionBase } from '../../src/resolve/steps/hold.js';
import type { Workspace } from '../../src/resolve/workspace.js';
import { fakeDocker } from '../helpers/fakes.js';
import { playedPipSession } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const D = '/tmp/ml-image-resolve';
const TORCH_INDEX = 'https://download.pytorch.org/whl/cpu';

const input = (requirements: string, variant?: ResolveInput['variant']): ResolveInput => ({
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: { text: requirements, origins: ['/w/r.txt:1'] },
  mode: 'auto',
  ...(variant !== undefined && { variant }),
});

describe("preinstalledArgs: the build's torch step as pip arguments", () => {
  it.each<[string, ResolveInput['variant'], string[]]>([
    [
      'torch from its index: the constraints file, then torch==V as a requirement',
      { torchIndexUrl: TORCH_INDEX, torchVersion: '2.5.1' },
      ['-c', `${D}/preinstalled.txt`, 'torch==2.5.1'],
    ],
    [
      'a local label is kept',
      { torchIndexUrl: TORCH_INDEX, torchVersion: '2.5.1+cpu' },
      ['-c', `${D}/preinstalled.txt`, 'torch==2.5.1+cpu'],
    ],
    ['no torch index (NGC: torch comes with the base)', { torchVersion: '2.6.0a0+ecf3bae40a' }, []],
    ['a version that is not one', { torchIndexUrl: TORCH_INDEX, torchVersion: '2.5.1 -r x' }, []],
    ['no variant', undefined, []],
  ])('%s', (_, variant, args) => {
    expect(preinstalledArgs(input('', variant), `${D}/preinstalled.txt`)).toEqual(args);
  });
});

/**
 * pip with torch 2.5.1 (its +cpu wheel) depending on sympy==1.13.1, and the user's `pkg` depending
 * on sympy>=NEED; the base image ships nothing. As real pip: torch is resolved only when asked for
 * (a constraint alone installs nothing), and then sympy must fit both.
 */
function torchPip(need: '1.13' | '1.14') {
  let lastAskedTorch = false;
  return playedPipSession(
    (cmd) => {
      lastAskedTorch = cmd.includes('torch==2.5.1');
      if (!lastAskedTorch || need !== '1.14') return {};
      return {
        exitCode: 1,
        stdout: [
          `ERROR: Cannot install -r ${D}/requirements.txt (line 1) and torch==2.5.1 because these package versions have conflicting dependencies.`,
          '',
          'The conflict is caused by:',
          '    torch 2.5.1+cpu depends on sympy==1.13.1',
          '    pkg 1.0 depends on sympy>=1.14',
          '',
          'ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/',
        ].join('\n'),
      };
    },
    () => [
      ...(lastAskedTorch ? [{ name: 'torch', version: '2.5.1+cpu', requested: true }] : []),
      { name: 'pkg', version: '1.0', requested: true },
      { name: 'sympy', version: lastAskedTorch ? '1.13.1' : '1.14.0', requested: false },
    ],
  );
}

describe("the variant's torch is resolved with the requirements", () => {
  const variant = { torchIndexUrl: TORCH_INDEX, torchVersion: '2.5.1' };

  it("a requirement that contradicts torch's own dependencies is a conflict, not clean", async () => {
    const session = torchPip('1.14');
    const out = await resolveAgainstBase(input('pkg', variant), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
    });
    expect(out.resolution.status).toBe('conflict');
    expect(out.resolution.conflict?.causes).toContain('torch 2.5.1+cpu depends on sympy==1.13.1');
    expect(out.resolution.conflict?.chain).toEqual([
      `your requirements conflict with what the variant's torch 2.5.1 depends on (the build installs torch==2.5.1 from the torch index before them: the "torch 2.5.1+cpu depends on sympy==1.13.1" above)`,
    ]);
    expect(out.constraints).not.toContain('resolved for this image');
  });

  it('a compatible pair is clean, and the plan pins torch and its dependencies as the build installs them', async () => {
    const session = torchPip('1.13');
    const out = await resolveAgainstBase(input('pkg', variant), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
    });
    expect(out.resolution.status).toBe('clean');
    expect(out.resolution.resolved?.install).toEqual([
      { name: 'torch', version: '2.5.1+cpu' },
      { name: 'pkg', version: '1.0' },
      { name: 'sympy', version: '1.13.1' },
    ]);
    // The build's `pip install torch==2.5.1 -c constraints` meets these pins: torch's own, and the
    // sympy torch needs.
    expect(out.constraints.split('\n')).toEqual(
      expect.arrayContaining(['torch==2.5.1+cpu', 'pkg==1.0', 'sympy==1.13.1']),
    );
  });

  it('without a torch variant nothing is asked for besides the requirements', async () => {
    const session = torchPip('1.14');
    const out = await resolveAgainstBase(input('pkg'), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
    });
    expect(out.resolution.status).toBe('clean');
    for (const c of session.virtual.filter((x) => x.cmd.includes('pip')))
      expect(c.cmd.join(' ')).not.toMatch(/torch|preinstalled/);
  });
});

describe("conflicts with the variant's torch, explained", () => {
  const draft: ResolutionBase = {
    schemaVersion: RESOLUTION_SCHEMA_VERSION,
    image: 'base:1',
    platform: 'linux/amd64',
    mode: 'auto',
    python: '3.11.2',
    naive: { install: [], replaces: [] },
    constraints: { pinned: 0, skipped: [] },
  };
  const NO_ANALYSIS: Analysis = { install: [], replaced: [], environment: {} };

  it.each<[string, string[], string[], { torch: string; cause: string } | undefined]>([
    [
      'its local-labelled wheel',
      ['torch 2.5.1+cpu depends on sympy==1.13.1', 'pkg 1.0 depends on sympy>=1.14'],
      ['torch==2.5.1'],
      { torch: '2.5.1', cause: 'torch 2.5.1+cpu depends on sympy==1.13.1' },
    ],
    [
      'the exact version',
      ['torch 2.5.1 depends on sympy==1.13.1'],
      ['torch==2.5.1'],
      { torch: '2.5.1', cause: 'torch 2.5.1 depends on sympy==1.13.1' },
    ],
    [
      'another torch (2.5.10 is not 2.5.1)',
      ['torch 2.5.10 depends on sympy==1.13.1'],
      ['torch==2.5.1'],
      undefined,
    ],
    [
      'with extras',
      ['torch[opt-einsum,optree] 2.5.1+cpu depends on sympy==1.13.1'],
      ['torch==2.5.1'],
      { torch: '2.5.1', cause: 'torch[opt-einsum,optree] 2.5.1+cpu depends on sympy==1.13.1' },
    ],
    ['torchvision is not torch', ['torchvision 2.5.1 depends on sympy==1.13.1'], ['torch==2.5.1'], undefined],
    ['no torch variant', ['torch 2.5.1 depends on sympy==1.13.1'], [], undefined],
    ['torch not blamed', ['a 1 depends on b<1', 'c 1 depends on b>=2'], ['torch==2.5.1'], undefined],
  ])('variantTorchDependencyIn: %s', (_, causes, preinstalled, want) => {
    expect(variantTorchDependencyIn(causes, preinstalled)).toEqual(want);
  });

  it("a plain run that fails on torch's dependencies names the variant's torch and what to change", () => {
    const out = `The conflict is caused by:\n    torch 2.5.1+cpu depends on sympy==1.13.1\n    pkg 1.0 depends on sympy>=1.14\n\nx`;
    const r = checkedResolution(draft, { naive: { ok: false, out }, analysis: NO_ANALYSIS }, [
      'torch==2.5.1',
    ]);
    expect(r.status).toBe('conflict');
    expect(r.conflict?.options).toEqual([
      'ask for versions that accept what torch 2.5.1 depends on (above), or leave those requirements out',
      "or change the variant's torch (variants[].torch, or the top-level torch, in the config) to one they support",
    ]);
    // Without the variant's torch, the same causes are the requirements' own conflict.
    expect(
      checkedResolution(draft, { naive: { ok: false, out }, analysis: NO_ANALYSIS }).conflict?.chain,
    ).toEqual(['your requirements conflict among themselves (before the base image is considered)']);
  });

  it('"The user requested torch==V" of the variant is not the user\'s: no relaxing, no "older release" probe', async () => {
    const block = [
      'The user requested torch==2.5.1',
      'torchvision 0.21.0 depends on torch==2.6.0',
      'The user requested (constraint) torch==2.5.1',
    ];
    expect(userRequestedInConflict(block, ['torchvision'])).toEqual(['torch', 'torchvision']);
    expect(userRequestedInConflict(block, ['torchvision'], ['torch==2.5.1'])).toEqual(['torchvision']);
    // The user's own torch line (another version) still counts.
    expect(userRequestedInConflict(['The user requested torch==2.6.0'], [], ['torch==2.5.1'])).toEqual([
      'torch',
    ]);

    const probed: string[] = [];
    const ws = {
      put: (files: Record<string, string>) => {
        probed.push(...Object.values(files));
        return Promise.resolve();
      },
      dryRun: () => Promise.resolve({ ok: false, out: '' }),
    } as unknown as Workspace;
    const held = { ok: false, out: `The conflict is caused by:\n    ${block.join('\n    ')}\n\nx` };
    await conflictResolution(ws, draft, {
      held,
      diagnosis: { naive: { ok: true, out: '' }, analysis: NO_ANALYSIS },
      requested: ['torchvision'],
      preinstalled: ['torch==2.5.1'],
    });
    expect(probed).toEqual(['torchvision\n']);
  });
});
