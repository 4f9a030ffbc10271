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
  'src/python/py/ml_image_pip.py',
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
function helperCall(
  name: string,
  args: readonly unknown[],
  file = 'src/resolve/py/ml_image_resolve.py',
): unknown {
  const script = [
    'import importlib.util, json, sys',
    'spec = importlib.util.spec_from_file_location("ml_image_resolve", sys.argv[1])',
    'h = importlib.util.module_from_spec(spec)',
    'spec.loader.exec_module(h)',
    'print(json.dumps(getattr(h, sys.argv[2])(*json.loads(sys.argv[3]))))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script, path.join(REPO_ROOT, file), name, JSON.stringify(args)], {
    encoding: 'utf8',
  });
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
    // The marker as written: packaging's str(Marker) would drop the inner pair of parentheses.
    [
      'qux==1.0 ; python_version < "3" and ((os_name == "nt" or sys_platform == "linux"))',
      'qux=1.0',
      'qux>=1.0; python_version < "3" and ((os_name == "nt" or sys_platform == "linux"))',
    ],
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

/** SCRIPT run on the host's python3 with the helper imported as `h`; its stdout parsed as JSON. */
function helperScript(script: string): unknown {
  const head = [
    'import importlib.util, json, sys',
    'spec = importlib.util.spec_from_file_location("ml_image_resolve", sys.argv[1])',
    'h = importlib.util.module_from_spec(spec)',
    'spec.loader.exec_module(h)',
  ];
  const r = spawnSync(
    'python3',
    ['-c', [...head, script].join('\n'), path.join(REPO_ROOT, 'src/resolve/py/ml_image_resolve.py')],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

describe("the helper's snapshot: every distribution on sys.path, pip's is_local() with each, no PIP_* value", () => {
  // What `pip inspect` (no --local) lists on Debian: pip's own upgrade in /usr/local first, then
  // apt's python3-* packages in /usr/lib/python3/dist-packages (numpy twice: the first is imported).
  const inspect = {
    pip_version: '23.0.1',
    environment: { platform_machine: 'x86_64' },
    installed: [
      ['numpy', '2.0.0', '/usr/local/lib/python3.11/dist-packages/numpy-2.0.0.dist-info'],
      ['numpy', '1.24.2', '/usr/lib/python3/dist-packages/numpy-1.24.2.egg-info'],
      ['torch', '1.13.0a0+gitunknown', '/usr/lib/python3/dist-packages/torch-1.13.0a0+gitunknown.egg-info'],
    ].map(([name, version, at]) => ({ metadata: { name, version }, metadata_location: at })),
  };
  const snapshot = () =>
    helperScript(
      [
        `out = ${JSON.stringify(JSON.stringify(inspect))}`,
        'env = {"PIP_INDEX_URL": "https://ci:S3CRET@idx.example/simple", "CUDA_VERSION": "12.8.1", "PIP_CONSTRAINT": "/nonexistent"}',
        // Debian's pip: nothing under /usr but /usr/local is its to uninstall.
        'local = lambda p: not (p.startswith("/usr/") and not p.startswith("/usr/local/"))',
        'print(json.dumps(h.take_snapshot(env, lambda: (0, out, ""), local)))',
      ].join('\n'),
    ) as {
      format: number;
      env: Record<string, string>;
      installed: { name: string; version: string; local: boolean }[];
    };

  it('keeps the first of a name, says which pip does not uninstall, and keeps no PIP_* value', () => {
    const s = snapshot();
    expect(s.format).toBe(2);
    expect(s.installed.map(({ name, version, local }) => ({ name, version, local }))).toEqual([
      { name: 'numpy', version: '2.0.0', local: true },
      { name: 'torch', version: '1.13.0a0+gitunknown', local: false },
    ]);
    expect(s.env).toEqual({ CUDA_VERSION: '12.8.1' });
    expect(JSON.stringify(s)).not.toContain('S3CRET');
  });

  it('asks pip inspect for everything (no --local)', () => {
    expect(helperScript('print(json.dumps(h.INSPECT))')).toEqual(['inspect']);
  });

  it('a plan over a package pip does not uninstall shadows it; over one it does, replaces it', () => {
    const report = {
      install: [
        { metadata: { name: 'numpy', version: '2.3.1' }, requested: false },
        { metadata: { name: 'torch', version: '2.5.1' }, requested: true },
      ],
    };
    const a = helperScript(
      [
        `snap = {"installed": [`,
        `  {"name": "numpy", "version": "1.24.2", "requiresDist": [], "local": False},`,
        `  {"name": "torch", "version": "1.13.0", "requiresDist": [], "local": True}]}`,
        `report = json.loads(${JSON.stringify(JSON.stringify(report))})`,
        'print(json.dumps(h.analysis(snap, report)))',
      ].join('\n'),
    ) as { replaced: { name: string; shadows?: boolean }[] };
    expect(a.replaced.map((r) => [r.name, r.shadows])).toEqual([
      ['numpy', true],
      ['torch', undefined],
    ]);
  });

  // An extra the plan asked for (pip's requested_extras): its requirements pull too. numpy 2 came
  // in through mlpkg[np2] and the report said no why ("your requirements -> numpy 2.1.0").
  it("a replacement pulled in by a requested extra's requirement names that package", () => {
    const report = {
      install: [
        { metadata: { name: 'numpy', version: '2.1.0' }, requested: false },
        {
          metadata: { name: 'mlpkg', version: '1.0', requires_dist: ['numpy>=2; extra == "np2"', 'six'] },
          requested: true,
          requested_extras: ['np2'],
        },
      ],
    };
    const a = helperScript(
      [
        `snap = {"installed": [{"name": "numpy", "version": "1.26.4", "requiresDist": [], "local": True}]}`,
        `report = json.loads(${JSON.stringify(JSON.stringify(report))})`,
        'print(json.dumps(h.analysis(snap, report)))',
      ].join('\n'),
    ) as {
      install: Record<string, unknown>[];
      replaced: { name: string; pulledInBy: { dist: string; requirement: string }[] }[];
    };
    expect(a.replaced[0]!.pulledInBy).toEqual([
      expect.objectContaining({ dist: 'mlpkg', requirement: 'numpy>=2; extra == "np2"' }),
    ]);
    expect(Object.keys(a.install[1]!)).toEqual(['name', 'version', 'requested']);
  });
});

describe('ml_image_pip.py on python3: what the second pip is given', () => {
  const PIP = 'src/python/py/ml_image_pip.py';
  const call = (name: string, ...args: unknown[]) => helperCall(name, args, PIP);

  it.each<[string, string[], string[], Record<string, string>]>([
    [
      'every index option before "--" moves to the environment; the requirements stay',
      [
        'py',
        'R',
        'install',
        '-i',
        'https://h/t/TOK/simple',
        '--extra-index-url',
        'https://a',
        '--extra-index-url',
        'https://b',
        '--find-links',
        'https://c',
        '--proxy',
        'http://u:p@proxy:3128',
        '--',
        '-i',
        'x',
      ],
      ['py', 'R', 'install', '--', '-i', 'x'],
      {
        PIP_INDEX_URL: 'https://h/t/TOK/simple',
        PIP_EXTRA_INDEX_URL: 'https://a https://b',
        PIP_FIND_LINKS: 'https://c',
        PIP_PROXY: 'http://u:p@proxy:3128',
      },
    ],
    [
      'an empty value (--proxy "": no proxy, --target "") and one with white space stay',
      ['py', 'R', 'install', '--target', '', '--proxy', '', '-f', '/a dir', '--no-index', '--', 'x'],
      ['py', 'R', 'install', '--target', '', '--proxy', '', '-f', '/a dir', '--no-index', '--', 'x'],
      {},
    ],
  ])('off_command_line: %s', (_, cmd, kept, env) => {
    expect(call('off_command_line', cmd)).toEqual([kept, env]);
  });

  it("runnable: a file, a directory, a path inside a zip (pip 21.1-22.1's __env_pip__.zip/pip); not a missing one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-pip-'));
    try {
      const zip = path.join(dir, '__env_pip__.zip');
      const made = spawnSync('python3', [
        '-c',
        `import zipfile; zipfile.ZipFile(${JSON.stringify(zip)}, "w").writestr("pip/__main__.py", "")`,
      ]);
      expect(made.status).toBe(0);
      writeFileSync(path.join(dir, 'plain.txt'), 'x');
      expect(call('runnable', `${zip}/pip`)).toBe(true);
      expect(call('runnable', dir)).toBe(true);
      expect(call('runnable', `${dir}/missing/pip`)).toBe(false);
      // A regular file is no directory to hold a pip.
      expect(call('runnable', `${dir}/plain.txt/pip`)).toBe(false);
      // Where the second pip imports pip from: the runner's pip's parent, in the zip too.
      expect(call('runner_root', `${zip}/pip`)).toBe(zip);
      expect(call('runner_root', '/usr/lib/python3/dist-packages/pip/__pip-runner__.py')).toBe(
        '/usr/lib/python3/dist-packages',
      );
      expect(call('runner_root', '/usr/lib/python3/dist-packages/pip')).toBe(
        '/usr/lib/python3/dist-packages',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
