// Requirement lines checked at the door: the valid table comes from pip's requirements-file-format
// page and PEP 508's examples (every line there must pass), the malformed table from lines that
// packaging >= 22 (every current pip) rejects. Cross-checked once against packaging 26.2's
// Requirement(): each "valid" requirement parses there, each "malformed" one raises.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../src/errors.js';
import { jsonError } from '../../src/cli/main.js';
import {
  canonicalName,
  logicalLines,
  parseLine,
  parsePep508,
  parseRequirementsText,
} from '../../src/requirements/parse.js';
import {
  constraintsFileText,
  MAX_INCLUDE_DEPTH,
  MAX_REQUIREMENTS_BYTES,
  readRequirements,
  workspaceRoot,
} from '../../src/requirements/read.js';
import { inputErrorOf } from '../helpers/errors.js';

/** pip's documentation examples (requirements-file-format, requirement-specifiers, pip install). */
const PIP_DOC_LINES = [
  'pytest',
  'pytest-cov',
  'beautifulsoup4',
  'docopt == 0.6.1',
  'requests [security] >= 2.8.1, == 2.8.* ; python_version < "2.7"',
  'urllib3 @ https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip',
  '-r other-requirements.txt',
  '-c constraints.txt',
  './downloads/numpy-1.9.2-cp34-none-win32.whl',
  'http://wxpython.org/Phoenix/snapshot-builds/wxPython_Phoenix-3.0.3.dev1820+49a8884-cp34-none-win_amd64.whl',
  'SomeProject',
  'SomeProject == 1.3',
  'SomeProject >= 1.2, < 2.0',
  'SomeProject[foo, bar]',
  'SomeProject ~= 1.4.2',
  'SomeProject == 5.4 ; python_version < "3.8"',
  'SomeProject ; sys_platform == "win32"',
  'requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < "2.7"',
  'pip @ https://github.com/pypa/pip/archive/22.0.2.zip',
  // pip's older example also had --global-option="--no-user-cfg": gone in pip 25.3 (refused here).
  'FooProject >= 1.2 --config-settings="--build-option=--build-type=Debug"',
  'FooProject == 1.2 --hash=sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 --hash=sha256:486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7',
  '-e git+https://git.repo/some_pkg.git#egg=SomePackage',
  '-e git+https://git.repo/some_pkg.git@feature#egg=SomePackage',
  'git+https://git.repo/some_pkg.git#egg=SomePackage',
  'git+https://git.repo/some_pkg.git@1.3.1#egg=SomePackage',
  'MyProject @ git+https://git.example.com/MyProject',
  'MyProject @ git+ssh://git@git.example.com/MyProject',
  'MyProject @ git+file:///home/user/projects/MyProject',
  'MyProject @ git+https://git.example.com/MyProject@master',
  'MyProject @ git+https://git.example.com/MyProject@v1.0#subdirectory=pkg_dir',
  '-e .',
  '-e path/to/SomeProject',
  './path/to/SomeProject',
  '.[PDF]',
  'SomeProject-1.0.4.tar.gz',
  '--index-url https://download.pytorch.org/whl/cu128',
  '-i https://pypi.org/simple',
  '--extra-index-url=https://user:tok@host.example/simple',
  '--no-index',
  '--find-links /local/wheels',
  '-f https://example.com/wheels.html',
  '--pre',
  '--prefer-binary',
  '--only-binary :all:',
  '--no-binary=:none:',
  '--trusted-host pypi.internal',
  '--require-hashes',
  '--extra-index https://prefix.example/simple', // optparse takes a unique prefix
  'tqdm --pre', // pip ignores a global option after a requirement
  '--extra-index-url https://${PIP_TOKEN}@host.example/simple',
  'numpy==${NUMPY_VERSION}', // expanded from the environment before parsing
];

/** PEP 508's examples and packaging's grammar corners. */
const PEP508_LINES = [
  'A',
  'A.B-C_D',
  'aa',
  'name',
  'name<=1',
  'name>=3',
  'name>=3,<2',
  'name@http://foo.com',
  'name @ http://foo.com;python_version<"3"', // the URL runs to the next space
  'numpy==1.0,', // packaging accepts a trailing comma
  'name @ notaurl', // packaging >= 22 no longer checks the URL; pip reports what it cannot fetch
  'name [fred,bar] @ http://foo.com ; python_version=="2.7"',
  "name[quux, strange];python_version<'2.7' and platform_version=='2'",
  'name; os_name=="a" or os_name=="b"',
  'name; os_name=="a" and os_name=="b" or os_name=="c"',
  'name; os_name=="a" and (os_name=="b" or os_name=="c")',
  'name; os_name=="a" or os_name=="b" and os_name=="c"',
  'name; (os_name=="a" or os_name=="b") and os_name=="c"',
  'name (>=1.0, <2)',
  'name[]',
  'numpy>=1.26,<2',
  'torch==2.5.1+cu124',
  'numpy!=1.25.*',
  'foo===1.0-custom',
  'foo==1.0.post1.dev3',
  'foo>=1.0rc1',
  'foo<v2',
  'foo==1!2.0',
  'foo; "linux" in sys_platform',
  'foo; platform_machine not in "x86_64 aarch64"',
  "foo; extra == 'test'",
  'foo; python_full_version >= "3.10.0" and implementation_name == "cpython"',
];

const MALFORMED: [string, RegExp][] = [
  ['scikit-learn>=>1', /">=>1" is not an operator/],
  ['numpy[', /extra name/],
  ['numpy>=1.0 <2', /invalid version specifier/],
  ['numpy>=1.*', /wildcard version .* only allowed with == and !=/],
  ['numpy~=1', /~= needs at least two release segments/],
  ['torch>=2.5+cu124', /local version label/],
  ['numpy==', /expected a version after "=="/],
  ['numpy=1.0', /expected a version specifier|invalid version specifier/],
  ['numpy==one', /"one" is not a valid PEP 440 version/],
  ['name; os_name=="a" and', /marker variable or a quoted string/],
  ['name; os_nam=="a"', /unknown marker variable "os_nam"/],
  ['name; os_name=="a', /unterminated string/],
  ['name; (os_name=="a"', /expected "\)"/],
  ['name; os_name', /marker operator/],
  ['name @ http://foo.com ; python_version<', /marker variable or a quoted string/],
  ['-numpy', /no such option: -n/],
  ['--index-url', /requires an argument/],
  ['--frobnicate', /no such option: --frobnicate/],
  ['--pre=yes', /does not take a value/],
  ['FooProject == 1.2 --hash=md5:abc', /allowed hash algorithms for --hash are sha256, sha384, sha512/],
  ['FooProject == 1.2 --hash=sha256', /hash name followed by a value/],
  ['--hash=md5:abc', /allowed hash algorithms for --hash are sha256, sha384, sha512/],
  ['FooProject == 1.2 --hash=sha256:abc', /sha256 digest "abc" is 3 hex digits, not 64: no file matches it/],
  [`FooProject == 1.2 --hash=sha512:${'a'.repeat(64)}`, /is 64 hex digits, not 128/],
  ['numpy (>=1.0', /expected "\)"/],
  ['numpy > = 1', /expected a version after ">", got "="/],
];

// PEP 503 (https://peps.python.org/pep-0503/#normalized-names): the one rule every stage compares
// distribution names by (resolve, diff, the SBOM's purls, the dev container).
describe('canonicalName', () => {
  it.each([
    ['numpy', 'numpy'],
    ['PyYAML', 'pyyaml'],
    ['Foo_Bar.baz', 'foo-bar-baz'],
    ['typing_extensions', 'typing-extensions'],
    ['zope.interface', 'zope-interface'],
    ['Typing.Extensions__x', 'typing-extensions-x'],
    ['a__b--c..d', 'a-b-c-d'],
    ['a-_.b', 'a-b'],
    ['jupyter_server', 'jupyter-server'],
    ['-lead_trail.', '-lead-trail-'],
    ['', ''],
  ])('%j -> %j', (name, normal) => {
    expect(canonicalName(name)).toBe(normal);
  });
});

// The marker as packaging 26.2's str(Requirement(line).marker) writes it (each row checked there):
// what the resolver's relax step compares a helper's new line by.
describe('parsePep508: the extras as written, the marker as packaging writes it', () => {
  it.each<[string, string[], string | undefined]>([
    ['numpy', [], undefined],
    ['Foo[B_ar, a]>=1', ['B_ar', 'a'], undefined],
    ['foo[]==1', [], undefined],
    [`foo; os.name=='posix'`, [], 'os_name == "posix"'],
    ['foo; platform.machine == "x86_64"', [], 'platform_machine == "x86_64"'],
    ['foo; python_implementation=="CPython"', [], 'platform_python_implementation == "CPython"'],
    [`foo; '3.8' <= python_version`, [], '"3.8" <= python_version'],
    ['foo; "a" not   in platform_release', [], '"a" not in platform_release'],
    ['foo; extra == "Te_St"', [], 'extra == "te-st"'],
    ['foo; (python_version<"3")', [], 'python_version < "3"'],
    ['foo; ((python_version<"3") and (os_name=="x"))', [], 'python_version < "3" and os_name == "x"'],
    [
      'foo; (python_version<"3" and os.name=="posix") or (sys_platform == "linux")',
      [],
      '(python_version < "3" and os_name == "posix") or sys_platform == "linux"',
    ],
    ['foo @ https://x.example/foo.whl ; python_version>="3.10"', [], 'python_version >= "3.10"'],
  ])('%s', (line, extras, marker) => {
    const r = parsePep508(line);
    expect(r.extras).toEqual(extras);
    expect(r.marker).toBe(marker);
  });
});

// A requirement line carries its extras (what the resolver's "older release" probe asks for again).
describe('parseRequirementsText: a requirement line carries its extras', () => {
  it.each<[string, string[] | undefined]>([
    ['numpy==1.26.4', undefined],
    ['torch[opt-einsum, Cuda]==2.5.1', ['opt-einsum', 'Cuda']],
    ['bar-pkg[]>=1', undefined],
    ['pkg[gpu] @ https://h/pkg-1.0-py3-none-any.whl', ['gpu']],
    ['https://h/pkg-1.0-py3-none-any.whl', undefined],
  ])('%s', (line, extras) => {
    const [l] = parseRequirementsText(`${line}\n`).lines;
    expect(l?.kind).toBe('requirement');
    expect(l?.kind === 'requirement' ? l.extras : 'not a requirement').toEqual(extras);
  });
});

describe('requirement lines pip accepts are accepted', () => {
  it.each([...PIP_DOC_LINES, ...PEP508_LINES])('%s', (line) => {
    const r = parseRequirementsText(`${line}\n`, { NUMPY_VERSION: '1.26.4' });
    expect(r.errors).toEqual([]);
    expect(r.lines).toHaveLength(1);
  });
});

describe('malformed lines are rejected with why', () => {
  it.each(MALFORMED)('%s', (line, why) => {
    const r = parseRequirementsText(`ok\n${line}\n`);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 2, text: line });
    expect(r.errors[0]!.why).toMatch(why);
  });
});

describe('what a line is', () => {
  it.each([
    ['Opencv_Python[extra]>=4', { kind: 'requirement', name: 'opencv-python', editable: false }],
    [
      'pkg @ https://h/pkg-1.0-py3-none-any.whl',
      { kind: 'requirement', name: 'pkg', url: 'https://h/pkg-1.0-py3-none-any.whl' },
    ],
    ['https://h/x.whl', { kind: 'requirement', url: 'https://h/x.whl' }],
    [
      '-e git+https://g/x.git#egg=Some_Pkg',
      { kind: 'requirement', name: 'some-pkg', editable: true, url: 'git+https://g/x.git#egg=Some_Pkg' },
    ],
    ['-e .', { kind: 'requirement', url: '.', editable: true }],
    [
      '--index-url=https://u:p@h/simple',
      { kind: 'option', options: [{ option: 'index-url', value: 'https://u:p@h/simple' }] },
    ],
    ['-rother.txt', { kind: 'option', options: [{ option: 'requirement', value: 'other.txt' }] }],
    ['--pre', { kind: 'option', options: [{ option: 'pre' }] }],
  ])('%s', (line, expected) => {
    expect(parseLine(line)).toMatchObject(expected);
  });

  it('joins continuations and strips comments as pip does, numbering by the first line', () => {
    expect(
      logicalLines('# full comment\nnumpy \\\n  >=1.26 # trailing\n\npkg @ https://h/x.whl#sha256=ab\n'),
    ).toMatchObject([
      { line: 2, text: 'numpy   >=1.26' },
      { line: 5, text: 'pkg @ https://h/x.whl#sha256=ab' },
    ]);
  });
});

// A requirements file may be 5 MB. Runs of blanks, backslashes or brackets in one line made the
// comment, trim, extras and "name @" expressions go over the run again from each of its characters.
describe('a long line is read in time, as before', () => {
  const n = 2 ** 19;
  const sp = ' '.repeat(n);
  /** V with each run of 100 or more of one character written as <N x "c">: a failure stays readable. */
  const short = (v: unknown): unknown =>
    JSON.parse(JSON.stringify(v), (_k, x: unknown) =>
      typeof x === 'string' ? x.replace(/(.)\1{99,}/gs, (run, c: string) => `<${run.length} x ${c}>`) : x,
    );
  const req = (text: string, more: Record<string, unknown> = {}) => ({
    lines: [{ kind: 'requirement', editable: false, line: 1, text, ...more }],
    errors: [],
  });
  it.each<[string, string, unknown]>([
    ['blanks before a comment', `numpy${sp}>=1${'\t'.repeat(n)}# x`, req(`numpy${sp}>=1`, { name: 'numpy' })],
    [
      'blanks inside a requirement',
      `numpy${sp}>=1${sp}x`,
      {
        lines: [],
        errors: [
          {
            line: 1,
            text: `numpy${sp}>=1${sp}x`,
            why: `expected a version specifier, ";" and a marker, or the end of the line at position ${2 * n + 9} ("x")`,
          },
        ],
      },
    ],
    [
      'blanks after a control character',
      `\x01${sp}x${' \t'.repeat(n)}`,
      {
        lines: [],
        errors: [{ line: 1, text: `<U+0001>${sp}x`, why: 'holds the control character U+0001; remove it' }],
      },
    ],
    [
      'backslashes inside a continued line',
      `numpy${'\\'.repeat(n)}=\\\n=1`,
      {
        lines: [],
        errors: [
          {
            line: 1,
            text: `numpy${'\\'.repeat(n)}==1`,
            why: `expected a version specifier, ";" and a marker, or the end of the line at position 6 ("${'\\'.repeat(12)}")`,
          },
        ],
      },
    ],
    [
      'brackets after "@"',
      `x @ ${'['.repeat(n)}`,
      req(`x @ ${'['.repeat(n)}`, { name: 'x', url: '['.repeat(n) }),
    ],
    ['blanks before an archive', `pkg${sp}x.whl`, req(`pkg${sp}x.whl`, { url: `pkg${sp}x.whl` })],
    [
      'blanks around extras before "@"',
      `pkg${sp}[gpu]${sp}@ https://h/x.whl`,
      req(`pkg${sp}[gpu]${sp}@ https://h/x.whl`, { name: 'pkg', url: 'https://h/x.whl', extras: ['gpu'] }),
    ],
  ])('%s', (_what, line, want) => {
    const ctx = vm.createContext({ parseRequirementsText, text: `${line}\n` });
    expect(short(vm.runInContext('parseRequirementsText(text)', ctx, { timeout: 20_000 }))).toEqual(
      short(want),
    );
  });

  // The same kinds of line, short: what the rewritten expressions give is what they gave.
  it.each([
    ['numpy  >=1 \t # x', [[1, 'numpy  >=1']], []],
    ['numpy>=1# not a comment', [], [[1, 'numpy>=1# not a comment']]],
    ['# only a comment\n \t#\nx', [[3, 'x']], []],
    ['numpy \\\\\n  >=1\n\\\\tqdm', [[1, 'numpy   >=1']], [[3, '\\\\tqdm']]],
    [
      './x.whl[gpu]\n./y.whl[[a]\nz.whl]\n[]\nq.whl[a]b]',
      [
        [1, './x.whl[gpu]'],
        [2, './y.whl[[a]'],
      ],
      [
        [3, 'z.whl]'],
        [4, '[]'],
        [5, 'q.whl[a]b]'],
      ],
    ],
    [
      'pkg [gpu] @ https://h/x.whl\npkg [gpu]x.whl',
      [
        [1, 'pkg [gpu] @ https://h/x.whl'],
        [2, 'pkg [gpu]x.whl'],
      ],
      [],
    ],
    ['\x01 \t x \t', [], [[1, '<U+0001> \t x']]],
  ])('%j', (text, lines, errors) => {
    const r = parseRequirementsText(text);
    expect(r.lines.map((l) => [l.line, l.text])).toEqual(lines);
    expect(r.errors.map((e) => [e.line, e.text])).toEqual(errors);
  });
});

/** What pip's str.splitlines() breaks a line at besides "\n", and other C0 controls (not tab). */
const CONTROL_CHARS: [string, string][] = [
  ['\u2028', 'U+2028 (a line separator)'],
  ['\u2029', 'U+2029 (a paragraph separator)'],
  ['\x85', 'U+0085 (a next-line character)'],
  ['\x0b', 'U+000B (a vertical tab)'],
  ['\x0c', 'U+000C (a form feed)'],
  ['\x1c', 'U+001C (a file separator)'],
  ['\x1d', 'U+001D (a group separator)'],
  ['\x1e', 'U+001E (a record separator)'],
  ['\r', 'U+000D (a carriage return without a newline)'],
  ['\x00', 'the control character U+0000'],
  ['\x1b', 'the control character U+001B'],
  ['\x01', 'the control character U+0001'],
];

describe('a line pip would split (str.splitlines) or holding a control character is refused', () => {
  const hidden = (c: string) => `c${c}evil @ https://evil.example/e.whl`;
  it.each(CONTROL_CHARS.map(([c, why]) => [why, c]))(
    'holding %s, in a comment or a requirement; tab and CRLF stay allowed',
    (why, c) => {
      for (const bad of [`numpy # ${hidden(c)}`, `# ${hidden(c)}`, `scipy==1.*${c}`]) {
        const r = parseRequirementsText(`numpy\t>=1\r\n${bad}\r\npandas \\\r\n  <3\r\n`);
        expect(r.errors).toEqual([
          {
            line: 2,
            text: bad.replace(c, `<${why.match(/U\+[0-9A-F]{4}/)![0]}>`),
            why: expect.stringContaining(`holds ${why}`),
          },
        ]);
        expect(r.lines.map((l) => [l.line, l.text])).toEqual([
          [1, 'numpy\t>=1'],
          [3, 'pandas   <3'],
        ]);
      }
    },
  );
});

describe('readRequirements', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  const fail = (files: string[]): InputError => inputErrorOf(() => readRequirements(files, dir, {}));

  it('names file and line of a malformed requirement (issue: scikit-learn>=>1 on line 2)', () => {
    write('requirements.txt', 'numpy\nscikit-learn>=>1\n');
    const e = fail(['requirements.txt']);
    expect(e.exitCode).toBe(2);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).problems).toEqual([
      `${path.join(dir, 'requirements.txt')}:2: invalid requirement "scikit-learn>=>1": ">=>1" is not an operator: use one of ~= == != <= >= < > ===`,
    ]);
    expect(e.message).toMatch(/^requirements\.txt: 1 problem\n {2}- \//);
    expect(e.fix).toMatch(/PEP 508/);
  });

  it('lists every malformed line, in every included file', () => {
    write('a.txt', 'numpy[\n-r sub/b.txt\n');
    write('sub/b.txt', 'ok\nx==\n');
    const e = fail(['a.txt']);
    expect((e as ConfigError).problems).toEqual([
      expect.stringMatching(/a\.txt:1: invalid requirement "numpy\["/),
      expect.stringMatching(/sub\/b\.txt:2: invalid requirement "x=="/),
    ]);
  });

  it('lists the first 20 malformed lines and counts the rest; --json has them one by one, with the fix', () => {
    write('r.txt', Array.from({ length: 25 }, (_, i) => `bad${i}==`).join('\n'));
    const e = fail(['r.txt']);
    const { error } = jsonError(e);
    expect(error.message).toBe('r.txt: 25 problems');
    expect(error.problems).toHaveLength(21);
    expect(error.problems[0]).toMatch(/r\.txt:1: invalid requirement "bad0=="/);
    expect(error.problems[20]).toBe('... and 5 more invalid lines (fix the ones above first)');
    expect(error.fix).toMatch(/PEP 508/);
  });

  it.each(['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'INPUT_TOKEN', 'STATE_BUILDER'])(
    "a ${NAME} of the runner's own (%s) is refused, naming the line; one of your own is passed",
    (name) => {
      write('r.txt', `numpy\n--extra-index-url https://u:\${${name}}@pkgs.corp/simple\n`);
      const e = fail(['r.txt']);
      expect((e as ConfigError).problems).toEqual([
        `${path.join(dir, 'r.txt')}:2: \${${name}} is one of the runner's own variables (ACTIONS_*, INPUT_*, STATE_*: the job's tokens and the action's inputs), never passed on`,
      ]);
      // In a comment it is nothing pip expands: no refusal.
      write('r.txt', `numpy  # not \${${name}}\n# nor \${${name}}\n`);
      expect(readRequirements(['r.txt'], dir, {}).envReferences).toEqual([]);
      write('r.txt', 'numpy\n--extra-index-url https://u:${CORP_TOKEN}@pkgs.corp/simple\n');
      expect(readRequirements(['r.txt'], dir, {}).envReferences).toEqual(['CORP_TOKEN']);
    },
  );

  it('inlines -r includes relative to the including file; a diamond is read once', () => {
    write(
      'a.txt',
      'numpy\n-r sub/b.txt\n-r sub/c.txt\n# comment\n--index-url https://u:${IDX_TOKEN}@h/simple\n',
    );
    write('sub/b.txt', '--requirement=d.txt\nscipy\n');
    write('sub/c.txt', '-r d.txt\n');
    write('sub/d.txt', 'pandas \\\n >=2\n');
    const r = readRequirements(['a.txt'], dir, {});
    expect(r.text).toBe('numpy\npandas  >=2\nscipy\n--index-url https://u:${IDX_TOKEN}@h/simple');
    expect(r.origins).toEqual([
      `${path.join(dir, 'a.txt')}:1`,
      `${path.join(dir, 'sub/d.txt')}:1`,
      `${path.join(dir, 'sub/b.txt')}:2`,
      `${path.join(dir, 'a.txt')}:5`,
    ]);
    expect(r.requirements.map((q) => q.name)).toEqual(['numpy', 'pandas', 'scipy']);
    expect(r.indexes).toEqual({ indexUrl: 'https://u:${IDX_TOKEN}@h/simple', extraIndexUrls: [] });
  });

  it('reads a -c file as constraints: its lines go to constraints with their origins, not to the requirements', () => {
    write('a.txt', 'numpy\n-r sub/b.txt\n');
    write('sub/b.txt', 'scipy\n--constraint=cons.txt\n');
    // As in pip: a -c inside a constraints file is constraints, a -r there requirements again (a
    // local file or a URL); an option is global.
    write(
      'sub/cons.txt',
      'scipy<1.12  # held\n-c more.txt\n-r wanted.txt\n-r https://example.com/r.txt\n--extra-index-url https://h/simple\n',
    );
    write('sub/more.txt', 'pandas==2.1.4 ; python_version >= "3.9"\n-c https://example.com/c.txt\n');
    write('sub/wanted.txt', 'tqdm[notebook]\n');
    const r = readRequirements(['a.txt'], dir, {});
    expect(r.text).toBe(
      'numpy\nscipy\ntqdm[notebook]\n-r https://example.com/r.txt\n--extra-index-url https://h/simple',
    );
    expect(r.origins).toEqual([
      `${path.join(dir, 'a.txt')}:1`,
      `${path.join(dir, 'sub/b.txt')}:1`,
      `${path.join(dir, 'sub/wanted.txt')}:1`,
      `${path.join(dir, 'sub/cons.txt')}:4`,
      `${path.join(dir, 'sub/cons.txt')}:5`,
    ]);
    expect(r.requirements.map((q) => q.name)).toEqual(['numpy', 'scipy', 'tqdm']);
    expect(r.indexes).toEqual({ extraIndexUrls: ['https://h/simple'] });
    expect(r.constraints).toEqual({
      text: 'scipy<1.12\npandas==2.1.4 ; python_version >= "3.9"\n-c https://example.com/c.txt',
      origins: [
        `${path.join(dir, 'sub/cons.txt')}:1`,
        `${path.join(dir, 'sub/more.txt')}:1`,
        `${path.join(dir, 'sub/more.txt')}:2`,
      ],
    });
    expect(constraintsFileText(r.constraints)).toBe(`${r.constraints.text}\n`);
    expect(r.files).toEqual(
      ['a.txt', 'sub/b.txt', 'sub/cons.txt', 'sub/more.txt', 'sub/wanted.txt'].map((f) => path.join(dir, f)),
    );
    // Without a -c file: no constraints, and a -c URL is pip's to fetch (kept in the text).
    write('a.txt', 'numpy\n-c https://example.com/constraints.txt\n');
    const plain = readRequirements(['a.txt'], dir, {});
    expect(plain.text).toBe('numpy\n-c https://example.com/constraints.txt');
    expect(plain.constraints).toEqual({ text: '', origins: [] });
    expect(constraintsFileText(plain.constraints)).toBe('');
  });

  it('reads a file named by both -r and -c as both (pip does), and a -c file twice once', () => {
    write('a.txt', '-c pins.txt\n-r pins.txt\n-c pins.txt\n');
    write('pins.txt', 'numpy==1.26.4\n');
    const r = readRequirements(['a.txt'], dir, {});
    expect(r.text).toBe('numpy==1.26.4');
    expect(r.constraints.text).toBe('numpy==1.26.4');
    // Its problems are listed once, though it is checked as both.
    write('pins.txt', 'numpy==1.26.4\nscipy>=>1\n');
    expect((fail(['a.txt']) as ConfigError).problems).toEqual([
      expect.stringMatching(new RegExp(`^${path.join(dir, 'pins.txt')}:2: invalid requirement`)),
    ]);
  });

  // pip 26 on one line: `-c a -r b` reads b only (the first -r, else the first -c), `-r a -r b` a
  // only; the line was read by its first include in line order, and the others dropped unsaid.
  it.each([
    ['-c a.txt -r b.txt'],
    ['-r a.txt -r b.txt'],
    ['-r a.txt --requirement=b.txt'],
    ['-c a.txt -c b.txt'],
    ['--pre -r a.txt -c b.txt'],
  ])('refuses more than one -r/-c on a line: %s (exit 2, naming its line)', (line) => {
    write('main.txt', `numpy\n${line}\n`);
    write('a.txt', 'scipy\n');
    write('b.txt', 'torch\n');
    const e = fail(['main.txt']);
    expect(e.exitCode).toBe(2);
    expect((e as ConfigError).problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${path.join(dir, 'main.txt')}:2: ".*": more than one -r/-c on a line: pip reads only one`,
        ),
      ),
    ]);
    // Each on a line of its own is read as before.
    write('main.txt', `numpy\n${line.replace(/ (?=-)/g, '\n')}\n`);
    expect(readRequirements(['main.txt'], dir, {}).files).toHaveLength(3);
  });

  it.each([
    ['an editable line', '-e git+https://h/r.git#egg=r', /an editable \(-e\) line cannot be a constraint/],
    ['an unnamed URL', 'https://h/p-1.0-py3-none-any.whl', /a constraint must name its project/],
    ['extras', 'torch[opt] <2.3', /a constraint cannot name extras/],
  ])('refuses what pip refuses in a constraints file: %s (exit 2, naming its line)', (_, line, why) => {
    write('a.txt', 'numpy\n-c cons.txt\n');
    write('cons.txt', `scipy<2\n${line}\n`);
    const e = fail(['a.txt']);
    expect(e.exitCode).toBe(2);
    const problems = (e as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${path.join(dir, 'cons.txt')}:2: `));
    expect(problems[0]).toMatch(why);
    // The same line in a requirements file is a requirement.
    write('a.txt', `numpy\n${line}\n`);
    expect(readRequirements(['a.txt'], dir, {}).constraints.text).toBe('');
  });

  it('checks a constraints file as a requirements file: a literal credential, and a loop through -c', () => {
    write('a.txt', 'numpy\n-c cons.txt\n');
    write('cons.txt', 'pkg @ https://user:s3cretpassw0rd@h.example/pkg-1.0-py3-none-any.whl\n');
    const e = fail(['a.txt']);
    expect(e.exitCode).toBe(2);
    expect(e.message).not.toContain('s3cretpassw0rd');
    expect((e as ConfigError).problems[0]).toMatch(new RegExp(`^${path.join(dir, 'cons.txt')}:1: `));
    write('cons.txt', 'scipy<2\n-c a.txt\n');
    expect(fail(['a.txt']).message).toBe(
      `requirements include loop: ${path.join(dir, 'a.txt')}:2 -> ${path.join(dir, 'cons.txt')}:2 -> ${path.join(dir, 'a.txt')}`,
    );
  });

  it('refuses an include loop naming the chain', () => {
    write('a.txt', 'numpy\n-r b.txt\n');
    write('b.txt', 'scipy\n-r a.txt\n');
    const e = fail(['a.txt']);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(
      `requirements include loop: ${path.join(dir, 'a.txt')}:2 -> ${path.join(dir, 'b.txt')}:2 -> ${path.join(dir, 'a.txt')}`,
    );
  });

  // Finding: a loop was thrown at once, hiding every other problem of the files.
  it('lists an include loop with the other problems, each on its line', () => {
    write('top.txt', '-r a.txt\nnumpy>=\n');
    write('a.txt', '-r b.txt\n');
    write('b.txt', 'scipy==\n-r a.txt\n');
    const e = fail(['top.txt']) as ConfigError;
    expect(e.exitCode).toBe(2);
    expect(e.problems).toHaveLength(3);
    expect(e.problems).toContain(
      `${path.join(dir, 'b.txt')}:2: requirements include loop: ${path.join(dir, 'a.txt')}:1 -> ${path.join(dir, 'b.txt')}:2 -> ${path.join(dir, 'a.txt')}`,
    );
    expect(e.problems.some((p) => p.startsWith(`${path.join(dir, 'top.txt')}:2: `))).toBe(true);
    expect(e.problems.some((p) => p.startsWith(`${path.join(dir, 'b.txt')}:1: `))).toBe(true);
    expect(e.fix).toContain('remove one of these -r/-c lines');
  });

  it('lists a loop reached from two lines (-r and -c of one file) once, on its closing line', () => {
    write('a.txt', '-r b.txt\n-c b.txt\n');
    write('b.txt', '-r a.txt\n');
    const e = fail(['a.txt']);
    expect(e.message).toBe(
      `requirements include loop: ${path.join(dir, 'a.txt')}:1 -> ${path.join(dir, 'b.txt')}:1 -> ${path.join(dir, 'a.txt')}`,
    );
  });

  // 3,000 files deep once overflowed the stack: "internal error: Maximum call stack size exceeded", exit 1.
  it.each([MAX_INCLUDE_DEPTH + 1, 3000])(
    'refuses includes %i files deep (exit 2, on the line that goes deeper)',
    (n) => {
      for (let i = 0; i < n; i++) write(`ch${i}.txt`, i + 1 < n ? `-r ch${i + 1}.txt\n` : 'numpy\n');
      const e = fail(['ch0.txt']);
      expect(e.exitCode).toBe(2);
      expect((e as ConfigError).problems).toEqual([
        `${path.join(dir, `ch${MAX_INCLUDE_DEPTH - 1}.txt`)}:1: "-r ch${MAX_INCLUDE_DEPTH}.txt": includes nest ${MAX_INCLUDE_DEPTH} files deep here: flatten them (at most ${MAX_INCLUDE_DEPTH} files from the top one to the deepest)`,
      ]);
    },
  );

  it('reads includes up to the limit', () => {
    const n = MAX_INCLUDE_DEPTH;
    for (let i = 0; i < n; i++) write(`ch${i}.txt`, i + 1 < n ? `-r ch${i + 1}.txt\n` : 'numpy\n');
    expect(readRequirements(['ch0.txt'], dir, {}).text).toContain('numpy');
  });

  it('names a missing include and where it was included from', () => {
    write('a.txt', 'numpy\n-r nope.txt\n');
    expect(fail(['a.txt']).message).toBe(
      `requirements file not found: ${path.join(dir, 'nope.txt')} (included from ${path.join(dir, 'a.txt')}:2)`,
    );
  });

  it.each([
    ['a directory', () => (mkdirSync(path.join(dir, 'reqs')), 'reqs'), /is a directory, not a regular file/],
    ['/dev/zero', () => '/dev/zero', /\/dev\/zero is a character device, not a regular file/],
    [
      'a symlink to a directory',
      () => (symlinkSync(tmpdir(), path.join(dir, 'link')), 'link'),
      /link is a directory/,
    ],
  ])('refuses %s (exit 2, naming it)', (_what, make, message) => {
    const e = fail([make()]);
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
  });

  it('refuses a file over the size limit without reading it', () => {
    writeFileSync(path.join(dir, 'big.txt'), Buffer.alloc(MAX_REQUIREMENTS_BYTES + 1, 0x61));
    expect(fail(['big.txt']).message).toMatch(/big\.txt is 5\.0 MB, over the 5 MB limit/);
  });

  it('a 150 KB file of valid lines is read whole', () => {
    const lines = Array.from({ length: 6000 }, (_, i) => `package-number-${i}>=1.0.${i}`);
    write('big.txt', `${lines.join('\n')}\n`);
    const r = readRequirements(['big.txt'], dir, {});
    expect(r.text.length).toBeGreaterThan(150_000);
    expect(r.origins).toHaveLength(6000);
  });

  it('records ${VAR} references (pip expands them from its environment)', () => {
    write('a.txt', '--extra-index-url https://${PIP_TOKEN}@h/simple\nnumpy\n');
    expect(readRequirements(['a.txt'], dir, {}).envReferences).toEqual(['PIP_TOKEN']);
  });
  it('names file and line of a line pip would split, in an include too, never quoting it raw', () => {
    write('a.txt', 'numpy\n-r b.txt\n');
    write('b.txt', 'scipy\nnumpy # c\u2028evil @ https://evil.example/e.whl\n');
    const e = fail(['a.txt']);
    expect(e.exitCode).toBe(2);
    expect((e as ConfigError).problems).toEqual([
      `${path.join(dir, 'b.txt')}:2: invalid requirement "numpy # c<U+2028>evil @ https://evil.example/e.whl": holds U+2028 (a line separator), where pip breaks the line: what follows would be a line never checked here; remove it`,
    ]);
  });

  // Files whose contents are the host's, never requirements: the process environment, kernel state.
  const systemFiles: [string, () => { files: string[]; message: RegExp }][] = [
    [
      'a top-level /proc/self/environ',
      () => ({
        files: ['/proc/self/environ'],
        message: /^requirements file \/proc\/self\/environ is under \/proc:/,
      }),
    ],
    [
      '-r /proc/self/environ',
      () => (
        write('a.txt', 'numpy\n-r /proc/self/environ\n'),
        {
          files: ['a.txt'],
          message: new RegExp(
            `^requirements file /proc/self/environ \\(included from ${path.join(dir, 'a.txt')}:2\\) is under /proc:`,
          ),
        }
      ),
    ],
    [
      '-c /proc/self/status',
      () => (
        write('a.txt', 'numpy\n-c /proc/self/status\n'),
        {
          files: ['a.txt'],
          message: new RegExp(
            `^requirements file /proc/self/status \\(included from ${path.join(dir, 'a.txt')}:2\\) is under /proc:`,
          ),
        }
      ),
    ],
    [
      'an include through a symlink to /proc/self/environ',
      () => (
        symlinkSync('/proc/self/environ', path.join(dir, 'env.txt')),
        write('a.txt', '-r env.txt\n'),
        {
          files: ['a.txt'],
          message: new RegExp(
            `${path.join(dir, 'env.txt')} \\(included from ${path.join(dir, 'a.txt')}:1\\) is under /proc:`,
          ),
        }
      ),
    ],
    ...(existsSync('/sys/kernel/uevent_seqnum')
      ? [
          [
            '/sys/kernel/uevent_seqnum',
            () => ({ files: ['/sys/kernel/uevent_seqnum'], message: /is under \/sys:/ }),
          ] as [string, () => { files: string[]; message: RegExp }],
        ]
      : []),
    ...(existsSync('/dev/shm')
      ? [
          [
            'a regular file under /dev/shm',
            () => {
              const f = path.join('/dev/shm', `${path.basename(dir)}.txt`);
              writeFileSync(f, 'numpy\n');
              return { files: [f], message: /is under \/dev:/ };
            },
          ] as [string, () => { files: string[]; message: RegExp }],
        ]
      : []),
  ];
  it.each(systemFiles)('refuses %s (exit 2, naming it and where it was included)', (_what, make) => {
    const { files, message } = make();
    try {
      const e = fail(files);
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(message);
      expect(e.message).not.toMatch(/PATH=|HOME=/);
    } finally {
      rmSync(path.join('/dev/shm', `${path.basename(dir)}.txt`), { force: true });
    }
  });

  describe('with a root (the workspace)', () => {
    let outside: string;
    beforeEach(() => {
      outside = mkdtempSync(path.join(tmpdir(), 'ml-image-out-'));
      writeFileSync(path.join(outside, 'o.txt'), 'numpy\n');
    });
    afterEach(() => rmSync(outside, { recursive: true, force: true }));
    const failIn = (files: string[], root = dir) =>
      inputErrorOf(() => readRequirements(files, dir, {}, { root }));

    it.each<[string, () => string[], (root: string) => RegExp]>([
      [
        'a top-level file outside',
        () => [path.join(outside, 'o.txt')],
        (r) => new RegExp(`o\\.txt is outside the workspace ${r}$`),
      ],
      [
        'an -r include outside',
        () => (write('a.txt', `numpy\n-r ${path.join(outside, 'o.txt')}\n`), ['a.txt']),
        (r) =>
          new RegExp(
            `o\\.txt \\(included from ${path.join(dir, 'a.txt')}:2\\) is outside the workspace ${r}$`,
          ),
      ],
      [
        'an -r include up and out',
        () => (write('a.txt', `-r ../${path.basename(outside)}/o.txt\n`), ['a.txt']),
        (r) => new RegExp(`\\(included from ${path.join(dir, 'a.txt')}:1\\) is outside the workspace ${r}$`),
      ],
      [
        'a symlink inside pointing outside',
        () => (
          symlinkSync(path.join(outside, 'o.txt'), path.join(dir, 'l.txt')),
          write('a.txt', '-r l.txt\n'),
          ['a.txt']
        ),
        (r) =>
          new RegExp(
            `l\\.txt \\(included from .*a\\.txt:1\\) is outside the workspace ${r} \\(it resolves to ${realpathSync(outside)}/o\\.txt\\)$`,
          ),
      ],
    ])('refuses %s (exit 2, naming it)', (_what, make, message) => {
      const e = failIn(make());
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(message(realpathSync(dir)));
    });

    it('reads files inside it, also through a symlinked root; without a root, outside is read', () => {
      write('a.txt', 'numpy\n-r sub/b.txt\n');
      write('sub/b.txt', 'scipy\n');
      const link = path.join(outside, 'ws');
      symlinkSync(dir, link);
      expect(readRequirements(['a.txt'], dir, {}, { root: dir }).text).toBe('numpy\nscipy');
      expect(readRequirements(['a.txt'], dir, {}, { root: link }).text).toBe('numpy\nscipy');
      expect(readRequirements([path.join(outside, 'o.txt')], dir, {}).text).toBe('numpy');
      // ... and a root that does not bound them is enforced, not ignored.
      expect(failIn(['a.txt'], path.join(dir, 'sub')).message).toMatch(/a\.txt is outside the workspace/);
    });
  });
});

describe('workspaceRoot: where requirements files may be', () => {
  const W = '/home/runner/work/r/r';
  it.each<[Record<string, string>, string, { root?: string }]>([
    [{ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: W }, `${W}/models/x`, { root: W }],
    [{ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: W }, W, { root: W }],
    // A config outside the workspace: its own directory bounds its requirements.
    [{ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: W }, '/opt/cfg', { root: '/opt/cfg' }],
    [{ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: W }, `${W}-other`, { root: `${W}-other` }],
    [{ GITHUB_ACTIONS: 'true' }, '/w', {}],
    [{ GITHUB_WORKSPACE: '/w' }, '/w', {}],
    [{}, '/w', {}],
  ])('%j with the config in %s: %j', (env, base, want) => {
    expect(workspaceRoot(env, base)).toEqual(want);
  });
});
