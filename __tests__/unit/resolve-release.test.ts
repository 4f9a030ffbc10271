// Step 4b, release (src/resolve/steps/release.ts): when nothing fits with the base held, relaxed
// or not, a base package the plain plan replaces without breaking anything the base declares is
// let go (its pin dropped, the held run tried again): a plan, with the replacement as a hazard
// (exit 0), not a conflict whose only cause is the resolver's own pin. A package whose replacement
// breaks a base package stays held, and the conflict is explained as before.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderExplanation } from '../../src/resolve/explain.js';
import { resolveAgainstBase } from '../../src/resolve/resolve.js';
import type { Replacement } from '../../src/resolve/result.js';
import { RELEASED } from '../../src/resolve/steps/hold.js';
import { withoutPins } from '../../src/resolve/steps/release.js';
import { fakeDocker, fakeSession } from '../helpers/fakes.js';
import { viaHelperRun } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const D = '/tmp/ml-image-resolve';

const dist = (name: string, version: string, requiresDist: string[] = []) => ({
  name,
  version,
  requiresDist,
  installer: 'pip',
  editable: false,
  directUrl: false,
  location: '/usr/local/lib/python3.11/site-packages',
  local: true,
});
const snapshot = (installed = [dist('numpy', '1.26.4'), dist('nvidia-modelopt', '0.25.0')]) =>
  JSON.stringify({
    format: 2,
    python: { version: '3.11.2' },
    pipVersion: '23.0.1',
    environment: {},
    env: {},
    installed,
    constraintFile: null,
  });
const CONFLICT = `The conflict is caused by:
    The user requested nvidia-modelopt>=0.26
    The user requested (constraint) nvidia-modelopt==0.25.0

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/
`;
const modelopt = (breaks: Replacement['breaks']): Replacement => ({
  name: 'nvidia-modelopt',
  from: '0.25.0',
  to: '0.26.0',
  breaks,
  pulledInBy: [],
});
const analysis = (replaced: Replacement[]) =>
  JSON.stringify({
    install: [{ name: 'nvidia-modelopt', version: '0.26.0', requested: true }],
    replaced,
    holders: {},
    environment: {},
  });

/** The base held fails; relaxing changes nothing; the released run as RELEASED says. */
function script(o: {
  naiveBreaks: Replacement['breaks'];
  /** Other base packages the plain plan replaces. */
  naiveAlso?: Replacement[];
  released: 'fits' | 'conflict' | 'fails';
  after?: Replacement[];
  installed?: ReturnType<typeof dist>[];
}) {
  const played = viaHelperRun(
    (cmd) => {
      const c = cmd.join(' ');
      if (cmd[0] === 'sh') return { stdout: snapshot(o.installed) };
      if (c.includes(`${D}/helper.py analyze`))
        return {
          stdout: c.endsWith('released.json')
            ? analysis(o.after ?? [modelopt([])])
            : analysis([modelopt(o.naiveBreaks), ...(o.naiveAlso ?? [])]),
        };
      if (c.includes(`${D}/helper.py relax`))
        return { stdout: JSON.stringify({ requirements: '', changes: [] }) };
      if (c.includes('pip install')) {
        if (c.includes('naive.json')) return {};
        if (c.includes('released-constraints.txt') && o.released === 'fits') return {};
        if (c.includes('released-constraints.txt') && o.released === 'fails')
          return {
            exitCode: 1,
            stdout:
              'ERROR: Could not find a version that satisfies the requirement nvidia-modelopt>=0.26 (from versions: 0.25.0)\nERROR: No matching distribution found for nvidia-modelopt>=0.26\n',
          };
        return { exitCode: 1, stdout: CONFLICT };
      }
      return { exitCode: 2, stderr: `unexpected ${c}` };
    },
    () => session.files,
  );
  const session = Object.assign(fakeSession(played.answer), { virtual: played.calls });
  return session;
}

const input = {
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: { text: 'nvidia-modelopt>=0.26', origins: ['/w/r.txt:1'] },
  mode: 'auto' as const,
};

async function resolveWith(session: ReturnType<typeof script>) {
  const lines: string[] = [];
  const out = await resolveAgainstBase(input, {
    ...NO_WORLD,
    docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
    progress: (l) => lines.push(l),
  });
  return { out, lines };
}

describe('release: the pin of a base package that breaks nothing is dropped when nothing fits held', () => {
  it('nothing in the base requires its version: a plan, the replacement a hazard, exit 0', async () => {
    const session = script({ naiveBreaks: [], released: 'fits' });
    const { out, lines } = await resolveWith(session);
    expect(out.resolution.status).toBe('fixed');
    expect(out.resolution.conflict).toBeUndefined();
    // The build's constraints: the base's other pins, and the new version instead of the old pin.
    expect(out.constraints).toBe(
      '# ml-image resolve: pins of localhost:5000/base:1 (linux/amd64)\nnumpy==1.26.4\n# resolved for this image\nnvidia-modelopt==0.26.0\n',
    );
    expect(session.files[`${D}/released-constraints.txt`]).toBe(
      '# ml-image resolve: pins of localhost:5000/base:1 (linux/amd64)\nnumpy==1.26.4\n',
    );
    expect(out.resolution.constraints).toEqual({
      pinned: 1,
      skipped: [{ name: 'nvidia-modelopt', reason: RELEASED }],
      sha256: createHash('sha256').update(out.constraints).digest('hex'),
    });
    const hazard = out.resolution.hazards.find((h) => h.id === 'unheld-replacement');
    expect(hazard?.message).toBe(
      `the plan still replaces the base image's nvidia-modelopt 0.25.0 with 0.26.0 (not held: ${RELEASED}); no base package declares a requirement it breaks`,
    );
    expect(hazard?.fix).toMatch(
      /^accept the change .*or ask for versions of your requirements that accept nvidia-modelopt 0\.25\.0$/,
    );
    expect(lines).toContain(
      'resolve linux/amd64: nothing fits with the base held: letting go of nvidia-modelopt 0.25.0 (no base package requires its version)',
    );
    const md = renderExplanation(out.resolution);
    expect(md).toContain(
      'Conflict fixed with the base image held, but for base packages the plan still replaces',
    );
    expect(md).not.toMatch(/cannot be installed without breaking/);
  });

  it('numpy is never let go, though no base package declares a bound (what was built against NumPy 1.x seldom does)', async () => {
    const numpy2: Replacement = { name: 'numpy', from: '1.26.4', to: '2.1.0', breaks: [], pulledInBy: [] };
    const session = script({ naiveBreaks: [], naiveAlso: [numpy2], released: 'fits' });
    await resolveWith(session);
    expect(session.files[`${D}/released-constraints.txt`]).toContain('numpy==1.26.4');
  });

  it('a package another base package requires, with no version (an extension built against it), is never let go', async () => {
    const session = script({
      naiveBreaks: [],
      released: 'fits',
      installed: [
        dist('numpy', '1.26.4'),
        dist('nvidia-modelopt', '0.25.0'),
        dist('modelopt-ext', '1.0', ['Nvidia_Modelopt ; extra == "cuda"']),
      ],
    });
    const { out } = await resolveWith(session);
    expect(out.resolution.status).toBe('conflict');
    expect(session.files[`${D}/released-constraints.txt`]).toBeUndefined();
  });

  it('torch is never let go either (a base torch nothing pins by version)', async () => {
    const torch: Replacement = { name: 'torch', from: '2.4.0', to: '2.6.0', breaks: [], pulledInBy: [] };
    const session = script({
      naiveBreaks: [],
      naiveAlso: [torch],
      released: 'fits',
      installed: [dist('numpy', '1.26.4'), dist('nvidia-modelopt', '0.25.0'), dist('torch', '2.4.0')],
    });
    await resolveWith(session);
    expect(session.files[`${D}/released-constraints.txt`]).toContain('torch==2.4.0');
  });

  it('its replacement breaks a base package: never let go, the conflict explained', async () => {
    const session = script({
      naiveBreaks: [{ dist: 'numba', version: '0.60.0', requirement: 'nvidia-modelopt<0.26' }],
      released: 'fits',
    });
    const { out } = await resolveWith(session);
    expect(out.resolution.status).toBe('conflict');
    expect(session.files[`${D}/released-constraints.txt`]).toBeUndefined();
    expect(out.constraints).toContain('nvidia-modelopt==0.25.0');
  });

  it.each([
    ['a conflict', 'conflict'],
    ['pip fails otherwise (no error of the run: only no plan)', 'fails'],
  ] as const)(
    'nothing fits even so (%s): the first conflict is the one explained, with the base pins',
    async (_what, released) => {
      const session = script({ naiveBreaks: [], released });
      const { out } = await resolveWith(session);
      expect(out.resolution.status).toBe('conflict');
      expect(out.resolution.conflict?.causes).toContain(
        'The user requested (constraint) nvidia-modelopt==0.25.0',
      );
      expect(out.resolution.constraints.pinned).toBe(2);
      expect(out.constraints).toContain('nvidia-modelopt==0.25.0');
    },
  );

  it('the released plan breaks a base package after all: no way out, the first conflict explained', async () => {
    const session = script({
      naiveBreaks: [],
      released: 'fits',
      after: [modelopt([{ dist: 'numba', version: '0.60.0', requirement: 'nvidia-modelopt<0.26' }])],
    });
    const { out } = await resolveWith(session);
    expect(out.resolution.status).toBe('conflict');
    expect(out.resolution.conflict?.causes).toContain(
      'The user requested (constraint) nvidia-modelopt==0.25.0',
    );
    expect(out.resolution.constraints.pinned).toBe(2);
    expect(out.constraints).toContain('nvidia-modelopt==0.25.0');
  });
});

describe('withoutPins', () => {
  const pins = '# header\nnumpy==1.26.4\nnvidia-modelopt==0.25.0\nodd_pkg===1.0-local\nzope.interface==6.0\n';
  it.each([
    [['nvidia-modelopt'], '# header\nnumpy==1.26.4\nodd_pkg===1.0-local\nzope.interface==6.0\n'],
    [['odd-pkg', 'zope-interface'], '# header\nnumpy==1.26.4\nnvidia-modelopt==0.25.0\n'],
    [['numpyx'], pins],
    [[], pins],
  ])('without %j', (names, want) => {
    expect(withoutPins(pins, new Set(names))).toBe(want);
  });
});
