// The requirements' own -c files in the resolver: their lines reach every dry run as one constraints
// file (user-constraints.txt) and the build's constraints after the resolver's; pip's words about a
// line of that file name the user's file and line; what scans the requirements (the URLs pip may
// fetch, pip's cache volume, the reuse key) scans them too. pip is played by a fake session (the
// integration test resolve.test.ts runs real pip on wheels).
import { describe, expect, it } from 'vitest';
import { withConstraintOrigins } from '../../src/resolve/constraint-origins.js';
import { pipFailureError } from '../../src/resolve/failure.js';
import {
  failureContext,
  pipReadText,
  type ResolveInput,
  userConstraintsText,
  withUserConstraints,
} from '../../src/resolve/input.js';
import { urlsPipMayReach } from '../../src/resolve/network.js';
import { ownConstraintOptions, pinsOf, specAdmits } from '../../src/resolve/own-constraints.js';
import { pipCacheUrls } from '../../src/resolve/pip-cache.js';
import { variantTorchIn } from '../../src/resolve/steps/explain.js';
import { resolutionKey, resolveAgainstBase } from '../../src/resolve/resolve.js';
import { fakeDocker } from '../helpers/fakes.js';
import { playedPipSession } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const D = '/tmp/ml-image-resolve';

const input = (
  constraints?: { text: string; origins: string[] },
  extra: Partial<ResolveInput> = {},
): ResolveInput => ({
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: {
    text: 'pkg\nscipy',
    origins: ['/w/r.txt:1', '/w/r.txt:2'],
    ...(constraints && { constraints }),
  },
  mode: 'auto',
  ...extra,
});

const CONSTRAINTS = { text: 'scipy<1.12\nnumpy<2', origins: ['/w/c.txt:1', '/w/c.txt:3'] };

/** pip that finds nothing to change: every dry run succeeds, installing pkg and scipy. */
const cleanPip = () =>
  playedPipSession(
    () => ({}),
    () => [
      { name: 'pkg', version: '1.0', requested: true },
      { name: 'scipy', version: '1.11.4', requested: true },
    ],
  );

describe("the requirements' own -c lines in the resolver", () => {
  it('go in as user-constraints.txt, which every dry run takes, and end the build constraints', async () => {
    const session = cleanPip();
    const out = await resolveAgainstBase(
      input(CONSTRAINTS, { variant: { torchIndexUrl: 'https://t.example/whl/cpu', torchVersion: '2.5.1' } }),
      { ...NO_WORLD, docker: fakeDocker({ startSession: () => Promise.resolve(session) }) },
    );
    expect(out.resolution.status).toBe('clean');
    expect(session.files[`${D}/user-constraints.txt`]).toBe('scipy<1.12\nnumpy<2\n');
    const pip = session.virtual.filter((x) => x.cmd.includes('pip'));
    expect(pip.length).toBeGreaterThan(0);
    for (const c of pip) {
      const at = c.cmd.indexOf(`${D}/user-constraints.txt`);
      expect(c.cmd[at - 1], c.cmd.join(' ')).toBe('-c');
      // Beside the variant's torch step, not instead of it.
      expect(c.cmd).toContain(`${D}/preinstalled.txt`);
    }
    expect(
      out.constraints.endsWith("# the requirements' own constraints (-c files)\nscipy<1.12\nnumpy<2\n"),
    ).toBe(true);
  });

  it('without any: no file, no -c of it, and the build constraints are the resolver alone', async () => {
    const session = cleanPip();
    const out = await resolveAgainstBase(input(), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(session) }),
    });
    expect(Object.keys(session.files).filter((f) => f.includes('user-constraints'))).toEqual([]);
    for (const c of session.virtual) expect(c.cmd.join(' ')).not.toContain('user-constraints');
    expect(out.constraints).not.toContain('-c files');
    // An empty -c file (only comments) is the same as none.
    const empty = cleanPip();
    await resolveAgainstBase(input({ text: '', origins: [] }), {
      ...NO_WORLD,
      docker: fakeDocker({ startSession: () => Promise.resolve(empty) }),
    });
    for (const c of empty.virtual) expect(c.cmd.join(' ')).not.toContain('user-constraints');
  });

  it.each<[string, string, string]>([
    ['none', '', ''],
    [
      'after the base pins',
      'numpy==1.26.4\n',
      "numpy==1.26.4\n# the requirements' own constraints (-c files)\nx<2\n",
    ],
    [
      'a text without its last newline',
      'numpy==1.26.4',
      "numpy==1.26.4\n# the requirements' own constraints (-c files)\nx<2\n",
    ],
    ['alone', '', "# the requirements' own constraints (-c files)\nx<2\n"],
  ])('withUserConstraints: %s', (what, resolver, expected) => {
    const own = what === 'none' ? undefined : { text: 'x<2', origins: ['/w/c.txt:1'] };
    expect(withUserConstraints(resolver, input(own))).toBe(expected);
    expect(userConstraintsText(input(own))).toBe(own ? 'x<2\n' : '');
  });

  it("pip's words about a line of the -c files name the user's file and line, never a requirement's", () => {
    const out = [
      `ERROR: Invalid requirement: 'numpy<<2' (from line 2 of ${D}/user-constraints.txt)`,
      `Hint: = is not a valid operator. Did you mean == ? (from -c ${D}/user-constraints.txt (line 2))`,
    ].join('\n');
    expect(withConstraintOrigins(out, CONSTRAINTS.origins)).toBe(
      [
        "ERROR: Invalid requirement: 'numpy<<2' (from /w/c.txt:3)",
        'Hint: = is not a valid operator. Did you mean == ? (from /w/c.txt:3)',
      ].join('\n'),
    );
    const err = pipFailureError(out, failureContext(input(CONSTRAINTS)))!;
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('/w/c.txt:3');
    // Line 2 of the requirements is /w/r.txt:2: not blamed for the constraint's line 2.
    expect(err.message).not.toContain('/w/r.txt:2');
    // A line number past the file's (another file, an older text) is left as pip wrote it.
    expect(withConstraintOrigins(`(from line 9 of ${D}/user-constraints.txt)`, CONSTRAINTS.origins)).toBe(
      `(from line 9 of ${D}/user-constraints.txt)`,
    );
  });

  it('what scans the requirements scans the -c lines too: URLs pip may fetch, the cache volume, the reuse key', () => {
    const withUrl = { text: 'pkg @ http://127.0.0.1:5931/pkg-1.0-py3-none-any.whl', origins: ['/w/c.txt:1'] };
    expect(pipReadText(input(withUrl))).toBe(`pkg\nscipy\n${withUrl.text}`);
    expect(pipReadText(input())).toBe('pkg\nscipy');
    expect(urlsPipMayReach(input(withUrl))).toContain('http://127.0.0.1:5931/pkg-1.0-py3-none-any.whl');
    const https = { indexes: { indexUrl: 'https://pypi.example/simple', extraIndexUrls: [] } };
    expect(pipCacheUrls(input(undefined, https))).toEqual(['https://pypi.example/simple']);
    // A ${NAME} pip fills in (a token) in a -c line: no shared cache volume.
    const ref = { text: 'pkg @ https://h.example/pkg.whl?sig=${SAS}', origins: ['/w/c.txt:1'] };
    expect(pipCacheUrls(input(ref, https))).toBeUndefined();
    const key = resolutionKey('sha256:aa', input(CONSTRAINTS));
    expect(resolutionKey('sha256:aa', input())).not.toBe(key);
    expect(resolutionKey('sha256:aa', input({ ...CONSTRAINTS, text: 'scipy<1.13\nnumpy<2' }))).not.toBe(key);
  });

  it("an untrusted run's resolution is never a trusted run's (finding: one cache key for both)", () => {
    const runner = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/model', GITHUB_REF: 'refs/heads/main' };
    const trusted = resolutionKey('sha256:aa', input(), { ...runner, GITHUB_EVENT_NAME: 'push' });
    const untrusted = resolutionKey('sha256:aa', input(), { ...runner, GITHUB_EVENT_NAME: 'issue_comment' });
    expect(untrusted).not.toBe(trusted);
    expect(resolutionKey('sha256:aa', input(), { ...runner, GITHUB_EVENT_NAME: 'schedule' })).toBe(trusted);
  });

  const LOOSEN = (line: string, origin: string) =>
    `loosen or drop your constraint "${line}" (${origin}): the requirements' own -c files are held as firmly as the base image's packages`;

  /** What the resolver pins itself in these cases: the base's numpy and scipy, the variant's torch. */
  const PINS = pinsOf(['# base', 'numpy==1.26.4', 'scipy==1.11.4', 'torch==2.5.1']);

  it.each<[string, string, string[], string[]]>([
    [
      'none of them named',
      'numpy<2',
      ['pkg 1.0 depends on numpy>=2', 'The user requested (constraint) torch==2.5.1'],
      [],
    ],
    [
      "it excludes the base image's pin pip merged it with (names compared as PEP 503 names)",
      'numpy>=2 ; python_version > "3"',
      ['opencv 4.13 depends on numpy>=2', 'The user requested (constraint) NumPy==1.26.4,>=2'],
      [LOOSEN('numpy>=2 ; python_version > "3"', '/w/c.txt:1')],
    ],
    [
      "it admits the base image's pin: another cause conflicts, not this line",
      'numpy<3',
      ['The user requested numpy>=2', 'The user requested (constraint) numpy<3,==1.26.4'],
      [],
    ],
    [
      "it repeats the base image's pin (pip prints it once: the merged constraint looks like the user's alone)",
      'numpy==1.26.4',
      ['The user requested numpy>=2', 'The user requested (constraint) numpy==1.26.4'],
      [],
    ],
    [
      "it repeats the variant's torch",
      'torch==2.5.1',
      ['torchvision 0.15.2 depends on torch==2.0.1', 'The user requested (constraint) torch==2.5.1'],
      [],
    ],
    [
      "it admits the variant's torch",
      'torch>=2.0',
      ['torchvision 0.15.2 depends on torch==2.0.1', 'The user requested (constraint) torch==2.5.1,>=2.0'],
      [],
    ],
    [
      "it excludes the variant's torch",
      'torch<2.5',
      ['The user requested (constraint) torch<2.5,==2.5.1'],
      [LOOSEN('torch<2.5', '/w/c.txt:1')],
    ],
    [
      'nothing but the own line constrains that project',
      'pandas<2',
      ['pkg 1.0 depends on pandas>=2.1', 'The user requested (constraint) pandas<2'],
      [LOOSEN('pandas<2', '/w/c.txt:1')],
    ],
    [
      'a URL constraint on a pinned project (pip prints the pin only)',
      'numpy @ https://h.example/numpy-2.0.0-py3-none-any.whl',
      ['The user requested (constraint) numpy==1.26.4'],
      [LOOSEN('numpy @ https://h.example/numpy-2.0.0-py3-none-any.whl', '/w/c.txt:1')],
    ],
    ['a user-requested line is not a constraint', 'pandas<2', ['The user requested pandas<2'], []],
    [
      "its marker does not hold here: pip left it out, and merged the base image's pin alone",
      'numpy>=2 ; python_version < "3.9"',
      ['pkg 1.0 depends on numpy>=2', 'The user requested (constraint) numpy==1.26.4'],
      [],
    ],
    [
      "its marker does not hold here: another file's line is what pip merged",
      'pandas<2 ; sys_platform == "win32"',
      ['pkg 1.0 depends on pandas>=2.1', 'The user requested (constraint) pandas<2.1'],
      [],
    ],
    [
      'its clauses compared as pip holds them (spaces, trailing zeros, leading zeros)',
      'numpy >= 2.0.0 , != 02.1',
      ['The user requested (constraint) numpy!=2.1,==1.26.4,>=2'],
      [LOOSEN('numpy >= 2.0.0 , != 02.1', '/w/c.txt:1')],
    ],
    [
      'a compatible-release clause keeps its zeros: ~=1.10.0 is not the ~=1.10 pip merged',
      'scipy~=1.10.0',
      ['The user requested (constraint) scipy==1.11.4,~=1.10'],
      [],
    ],
    [
      'a compatible-release clause pip merged as written',
      'scipy~=1.10.0',
      ['The user requested (constraint) scipy==1.11.4,~=1.10.0'],
      [LOOSEN('scipy~=1.10.0', '/w/c.txt:1')],
    ],
  ])('ownConstraintOptions: %s', (_, line, causes, options) => {
    expect(ownConstraintOptions(causes, { text: line, origins: ['/w/c.txt:1'] }, PINS)).toEqual(options);
    expect(ownConstraintOptions(causes, undefined, PINS)).toEqual([]);
  });

  it.each<[string, string, boolean | undefined]>([
    ['>=2', '1.26.4', false],
    ['>=2', '2.0', true],
    ['<2.5', '2.5.1', false],
    ['<=2.5.1', '2.5.1', true],
    ['>1.26', '1.26.4', true],
    ['==1.26.*', '1.26.4', true],
    ['==1.25.*', '1.26.4', false],
    ['!=1.26.4', '1.26.4', false],
    ['~=1.26.0', '1.26.4', true],
    ['~=1.25.0', '1.26.4', false],
    ['>=2.5', '2.5.0a0+872d972e41.nv24.8', false],
    ['==2.0', '2.0rc1', false],
    ['!=2.0', '2.0rc1', true],
    ['<=1.26.4', '1.26.4.post1', false],
    ['<2', '1!1.0', false],
    ['==2.1.0', '2.1.0+6a2a2f0', true],
    ['>=2,<3', '2.4', true],
    ['', '2.4', true],
    // Exclusive comparisons and ===, as packaging's contains(prereleases=True) (21.3, pip 23's,
    // and 26 agree on these).
    ['>1.0.dev0', '1.0', true],
    ['>1.0rc1', '1.0', true],
    ['>1.0', '1.0.post1', false],
    ['>1.0.post1', '1.0.post2', true],
    ['>1.0', '1.0+cpu', false],
    ['>1.0', '1.0.1', true],
    ['<1.0.post1', '1.0', true],
    ['<1.0', '1.0rc1', false],
    ['<1.0rc2', '1.0rc1', true],
    ['<2,>1.0.dev0', '1.0', true],
    ['===1.0', '1.0+cpu', false],
    ['===1.0', '1.0', true],
    ['>=2', 'not a version', undefined],
    ['>=>2', '2.4', undefined],
  ])('specAdmits(%j, %s) = %s', (spec, version, admits) => {
    expect(specAdmits(spec, version)).toBe(admits);
  });

  it('ownConstraintOptions names each line with its own origin, its URL login masked', () => {
    const own = {
      text: 'numpy>=2 --hash=sha256:00\nscipy<1\nwheel @ https://u:pw12345678@h.example/w.whl',
      origins: ['/w/c.txt:1', '/w/d.txt:7', '/w/d.txt:8'],
    };
    const o = ownConstraintOptions(
      [
        'The user requested (constraint) numpy==1.26.4,>=2',
        'The user requested (constraint) scipy<1,==1.11.4',
        'The user requested (constraint) wheel',
      ],
      own,
      PINS,
    );
    expect(o).toEqual([
      LOOSEN('numpy>=2 --hash=sha256:00', '/w/c.txt:1'),
      LOOSEN('scipy<1', '/w/d.txt:7'),
      LOOSEN('wheel @ https://u:***@h.example/w.whl', '/w/d.txt:8'),
    ]);
    expect(o.join('\n')).not.toContain('pw12345678');
  });

  it.each<[string, string[], string | undefined]>([
    ['alone', ['The user requested (constraint) torch==2.5.1'], '2.5.1'],
    [
      "merged with a -c file's bound, its parts sorted",
      ['The user requested (constraint) torch<2.5,==2.5.1'],
      '2.5.1',
    ],
    ["a -c file's own pin on another torch", ['The user requested (constraint) torch==2.4.0'], undefined],
    ['2.5.10 is not 2.5.1', ['The user requested (constraint) torch==2.5.10'], undefined],
    ['torchaudio of the same version', ['The user requested (constraint) torchaudio<2.5,==2.5.1'], undefined],
    ['torch-tensorrt', ['The user requested (constraint) torch-tensorrt!=2.4.0,==2.5.1'], undefined],
  ])("the variant's torch among a conflict's causes: %s", (_, causes, torch) => {
    expect(variantTorchIn(causes, ['torch==2.5.1'])).toBe(torch);
  });
});
