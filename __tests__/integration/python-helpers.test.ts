// The Python the project runs inside images compiles (python3 -m py_compile, the test bed's
// python3): the resolver's helper and the in-container probes. Linted in the unit tests
// (__tests__/unit/resolve-py.test.ts, Ruff in-process); run for real in resolve.test.ts,
// capture.test.ts and smoke.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILES = [
  'src/resolve/py/ml_image_resolve.py',
  ...readdirSync(path.join(REPO_ROOT, 'images/probe'))
    .filter((f) => f.endsWith('.py'))
    .map((f) => `images/probe/${f}`),
];

describe('python files compile', () => {
  // The byte code goes to a temporary directory, not __pycache__/ beside the sources.
  const cache = mkdtempSync(path.join(tmpdir(), 'ml-image-pycache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  const compile = (file: string) =>
    spawnSync('python3', ['-m', 'py_compile', file], {
      env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
      encoding: 'utf8',
    });

  it.each(FILES)('%s', (file) => {
    const r = compile(path.join(REPO_ROOT, file));
    expect(r.error).toBeUndefined();
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });

  it('a syntax error fails (the check is real)', () => {
    const bad = path.join(cache, 'bad.py');
    writeFileSync(bad, 'def f(:\n    pass\n');
    const r = compile(bad);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/SyntaxError/);
  });
});

/**
 * A function of the resolver's helper, called on the host's python3 (with its pip's vendored
 * packaging, as in a base image): `python3 -c` imports the helper by path and prints
 * json.dumps(NAME(*ARGS)).
 */
function helperCall(name: string, args: readonly unknown[]): unknown {
  const script = [
    'import importlib.util, json, sys',
    'spec = importlib.util.spec_from_file_location("ml_image_resolve", sys.argv[1])',
    'h = importlib.util.module_from_spec(spec)',
    'spec.loader.exec_module(h)',
    'print(json.dumps(getattr(h, sys.argv[2])(*json.loads(sys.argv[3]))))',
  ].join('\n');
  const r = spawnSync(
    'python3',
    ['-c', script, path.join(REPO_ROOT, 'src/resolve/py/ml_image_resolve.py'), name, JSON.stringify(args)],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

describe("the resolver's helper on python3", () => {
  const D = '/tmp/ml-image-resolve';
  it.each<[string, string[], string[]]>([
    [
      'the plain run: its requirements',
      ['--retries', '3', '-r', `${D}/requirements.txt`],
      ['--retries', '3', '-r', `${D}/requirements.txt`, '-c', `${D}/base-constraints.txt`],
    ],
    [
      "the variant's torch before the requirements: kept, and the requirements stay the user's",
      ['--retries', '3', '-c', `${D}/preinstalled.txt`, 'torch==2.5.1', '-r', `${D}/requirements.txt`],
      [
        '--retries',
        '3',
        '-c',
        `${D}/preinstalled.txt`,
        'torch==2.5.1',
        '-r',
        `${D}/requirements.txt`,
        '-c',
        `${D}/base-constraints.txt`,
      ],
    ],
    [
      'a second -r before the requirements: both kept (the first is not taken for the requirements)',
      ['-r', `${D}/first.txt`, '-v', '-r', `${D}/requirements.txt`],
      ['-r', `${D}/first.txt`, '-r', `${D}/requirements.txt`, '-c', `${D}/base-constraints.txt`],
    ],
  ])('held_args: %s', (_, plain, held) => {
    expect(helperCall('held_args', [plain, `${D}/base-constraints.txt`])).toEqual(held);
  });

  // relax: upper bounds dropped; the highest lower bound kept (==X.Y.* and ~= give one), else
  // >= the major version pip chose; every != kept; a line with no upper bound is not a change.
  it.each<[string, string, string | null]>([
    ['scipy==1.14.*', 'scipy=1.14.1', 'scipy>=1.14'],
    ['bar==2.*,!=2.0.1', 'bar=2.1', 'bar>=2,!=2.0.1'],
    ['foo<2,!=1.3.2,!=1.4.*', 'foo=1.5', 'foo>=1,!=1.3.2,!=1.4.*'],
    ['pandas>=2.0,<2.2', 'pandas=2.1.4', 'pandas>=2.0'],
    ['x>=1.5,>=1.2,<3', 'x=2.0', 'x>=1.5'],
    ['x>=1.2,>=1.5,<3', 'x=2.0', 'x>=1.5'],
    ['z>1.2,>=1.2,<5', 'z=1.3', 'z>1.2'],
    ['scikit-learn<=1.5', 'scikit-learn=1.5.0', 'scikit-learn>=1'],
    ['numpy~=1.26.0; python_version < "3.13"', 'numpy=1.26.4', 'numpy>=1.26.0; python_version < "3.13"'],
    [
      'qux[extra]==3.1.4 ; python_version < "3.12"',
      'qux=3.1.4',
      'qux[extra]>=3.1.4; python_version < "3.12"',
    ],
    // A local label is no part of a lower bound (>=2.1.0+cu121 is no valid specifier).
    ['torch==2.1.0+cu121', 'torch=2.1.0+cu121', 'torch>=2.1.0'],
    ['torch==2.1.0+cu121,!=2.0.0+cpu', 'torch=2.1.0+cu121', 'torch>=2.1.0,!=2.0.0+cpu'],
    ['torchvision', 'torchvision=0.20.1', null],
    ['foo>=1.0,!=1.3.2', 'foo=1.4', null],
    ['baz>=1.0 ; platform_machine == "x86_64"', 'baz=1.0', null],
    ['mylib @ https://internal.example/mylib-1.4.0-py3-none-any.whl', 'mylib=1.4.0', null],
  ])('relaxed: %s (pip chose %s) -> %s', (line, chosen, to) => {
    const name = chosen.split('=')[0];
    expect(helperCall('relaxed', [`# mine\n${line}\n`, [chosen]])).toEqual({
      requirements: `# mine\n${to ?? line}\n`,
      changes: to === null ? [] : [{ name, from: line, to }],
    });
  });
});
