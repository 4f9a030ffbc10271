import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, validateConfigData } from '../../src/config/load.js';
import { ConfigError, InputError } from '../../src/errors.js';
import { inputErrorOf } from '../helpers/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-cfg-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
};

function rejection(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('finds ml-image.yml in cwd and resolves paths against its directory', () => {
    write('ml-image.yml', 'image: {name: a/b}\npython:\n  requirements: [reqs/requirements.txt]\n');
    write('reqs/requirements.txt', 'numpy\n');
    const loaded = loadConfig({ cwd: dir });
    expect(loaded.file).toBe(path.join(dir, 'ml-image.yml'));
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.config.python.requirements).toEqual(['reqs/requirements.txt']);
  });

  // Both: the .yml one was read without a word, whatever the .yaml one said.
  it('refuses ml-image.yml and ml-image.yaml side by side (exit 2, with the fix); --config chooses', () => {
    write('ml-image.yml', 'image: {name: a/b}\n');
    write('ml-image.yaml', 'image: {name: a/c}\n');
    const e = inputErrorOf(() => loadConfig({ cwd: dir }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(
      `two config files in ${dir}: ml-image.yml and ml-image.yaml; which one is meant is not clear`,
    );
    expect(e.fix).toMatch(/remove one of them, or pass --config PATH/);
    expect(loadConfig({ cwd: dir, file: 'ml-image.yaml' }).config.image.name).toBe('a/c');
  });

  it('also finds ml-image.yaml', () => {
    write('ml-image.yaml', 'image: {name: a/b}\n');
    expect(loadConfig({ cwd: dir }).file).toBe(path.join(dir, 'ml-image.yaml'));
  });

  it('names a missing config file (exit 2)', () => {
    expect(() => loadConfig({ cwd: dir, file: 'nope.yml' })).toThrow(InputError);
    expect(() => loadConfig({ cwd: dir, file: 'nope.yml' })).toThrow(
      `config file not found: ${path.join(dir, 'nope.yml')}`,
    );
  });

  it('names a config path that is a link loop as a loop, not as missing (exit 2)', () => {
    symlinkSync('loop.yml', path.join(dir, 'loop.yml'));
    expect(() => loadConfig({ cwd: dir, file: 'loop.yml' })).toThrow(InputError);
    expect(() => loadConfig({ cwd: dir, file: 'loop.yml' })).toThrow(
      `config file ${path.join(dir, 'loop.yml')}: too many symbolic links (a link loop) (ELOOP)`,
    );
  });

  it.each([
    ['an empty key', '"": 1', 'line 2: "": unknown key'],
    ['a null key', '~: 1', 'line 2: "": unknown key'],
  ])('names %s by its line and shows it as ""', (_what, line, expected) => {
    write('ml-image.yml', `image: {name: a/b}\n${line}\n`);
    const e = rejection(() => loadConfig({ cwd: dir }));
    expect(e.problems[0]).toContain(expected);
  });

  it('refuses a list used as a key, with its line, before JavaScript turns it into text', () => {
    write('ml-image.yml', 'image: {name: a/b}\n? [a, b]\n: 1\n');
    const e = rejection(() => loadConfig({ cwd: dir }));
    expect(e.message).toContain('ml-image.yml: invalid YAML');
    expect(e.problems).toEqual(['line 2, column 3: a key must be a name, not a list or mapping']);
  });

  it.each([
    [
      'an alias to no anchor',
      'image: *nope\n',
      'line 1, column 8: unknown alias *nope: no anchor &nope is set before it',
    ],
    [
      'an alias before its anchor',
      'image: {name: a/b, version: *v}\nx: &v "1"\n',
      'line 1, column 29: unknown alias *v: no anchor &v is set before it',
    ],
    [
      'a second document',
      'image: {name: a/b}\n---\nimage: {name: c/d}\n',
      'line 2, column 1: the file holds more than one YAML document (---); give one',
    ],
    [
      'a merge of no mapping',
      'image:\n  name: a/b\n  <<: "1.0"\n',
      'line 3, column 3: a merge key (<<) takes a mapping, an alias to one (<<: *base) or a list of them',
    ],
    [
      'a merge of an alias to no anchor',
      'image:\n  name: a/b\n  <<: [*nope]\n',
      'line 3, column 8: unknown alias *nope: no anchor &nope is set before it',
    ],
  ])('refuses %s, with its line, in words of the file', (_what, text, problem) => {
    write('ml-image.yml', text);
    const e = rejection(() => loadConfig({ cwd: dir }));
    expect(e.message).toContain('ml-image.yml: invalid YAML');
    expect(e.problems).toEqual([problem]);
  });

  it('takes merge keys: a key of its own wins, and a merged field has the line of the mapping it comes from', () => {
    const file = (python: string) =>
      [
        'image: {name: a/b}',
        'variants:',
        '  - &gpu',
        '    cuda: "12.8"',
        '    torch: "2.7"',
        '  - <<: *gpu',
        '    name: gpu-py311',
        '    python: "3.10"',
        '  - <<: [{name: other, cuda: "12.6"}, *gpu]',
        'python:',
        `  <<: ${python}`,
        '',
      ].join('\n');
    write('ml-image.yml', file('{version: "3.11", bogus: 1}'));
    expect(rejection(() => loadConfig({ cwd: dir })).problems).toEqual([
      expect.stringMatching(/^line 11: python\.bogus: unknown key/),
    ]);
    write('ml-image.yml', file('{version: "3.11"}'));
    const loaded = loadConfig({ cwd: dir });
    expect(loaded.config.variants).toEqual([
      { name: 'cuda12.8', kind: 'cuda', cuda: '12.8', torch: '2.7', python: '3.11' },
      { name: 'gpu-py311', kind: 'cuda', cuda: '12.8', torch: '2.7', python: '3.10' },
      { name: 'other', kind: 'cuda', cuda: '12.6', torch: '2.7', python: '3.11' },
    ]);
    expect(loaded.lineOf!(['variants', 1, 'torch'])).toBe(5);
    expect(loaded.lineOf!(['variants', 1, 'python'])).toBe(8);
    expect(loaded.lineOf!(['variants', 2, 'cuda'])).toBe(9);
    expect(loaded.lineOf!(['python', 'version'])).toBe(11);
  });

  it.each([
    ['block lists', `image: {name: a/b}\nplatforms:\n  ${'- '.repeat(20000)}x\n`],
    ['flow lists', `image: {name: a/b}\nplatforms: ${'['.repeat(20000)}x${']'.repeat(20000)}\n`],
    ['flow lists never closed', `image: {name: a/b}\nplatforms: ${'['.repeat(20000)}\n`],
    ['flow mappings', `image: {name: a/b}\nplatforms: ${'{a: '.repeat(20000)}x${'}'.repeat(20000)}\n`],
    ['lists of mappings', `image: {name: a/b}\nplatforms: ${'[{a: '.repeat(20000)}x${'}]'.repeat(20000)}\n`],
    ['block mappings in lists', `image: {name: a/b}\nplatforms:\n  ${'- a: '.repeat(20000)}x\n`],
    // The largest file read, of lists inside lists: the parser took seconds before its stack ran out.
    ['lists, the largest file read', `image: {name: a/b}\nplatforms: ${'['.repeat(256 * 1024 - 31)}\n`],
  ])('YAML nested twenty thousand deep (%s): said so, where, not as a JavaScript error', (_, text) => {
    write('ml-image.yml', text);
    const problems = rejection(() => loadConfig({ cwd: dir })).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^line [23], column \d+: the YAML is nested too deeply to read there/),
    ]);
    expect(problems.join('\n')).not.toMatch(/call stack/);
  });

  // Implicit keys in a flow list nest no level the depth check counts; the yaml package's parser ran
  // out of stack on them, and its RangeError was an internal error (exit 1).
  it('a flow list of twenty thousand implicit keys: nested too deeply, where, not a JavaScript error', () => {
    write('ml-image.yml', `image: {name: a/b}\nplatforms: [${'x: '.repeat(20000)}\n`);
    const e = rejection(() => loadConfig({ cwd: dir }));
    expect(e.exitCode).toBe(2);
    expect(e.problems).toEqual([
      expect.stringMatching(/^line 2: the YAML is nested too deeply to read there/),
    ]);
  });

  it('YAML nested a hundred deep is read, and refused for what it holds', () => {
    write('ml-image.yml', `image: {name: a/b}\nplatforms: ${'['.repeat(100)}x${']'.repeat(100)}\n`);
    expect(rejection(() => loadConfig({ cwd: dir })).problems).toEqual([
      expect.stringMatching(/^line 2: platforms\[0\]: expected one of .*got a list/),
    ]);
  });

  it('an alias bomb through merge keys is refused as any alias bomb', () => {
    const levels = ['a0: &a0 {x: 1}'];
    for (let i = 1; i < 10; i++)
      levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `{<<: *a${i - 1}}`).join(', ')}]`);
    write('ml-image.yml', `${levels.join('\n')}\n`);
    expect(rejection(() => loadConfig({ cwd: dir })).problems[0]).toMatch(/aliases expand too far/);
  });

  it.each([
    [
      'a line break and an ANSI escape',
      'x\n  - line 9: forged\u001b[31m',
      'line 2: x\\n  - line 9: forged\\u001b[31m: unknown key',
    ],
    ['a bidi override', 'ab\u202ecd', 'line 2: ab\\u202ecd: unknown key'],
    ['a line separator and DEL', 'a\u2028b\u007f', 'line 2: a\\u2028b\\u007f: unknown key'],
  ])('shows a key with %s escaped: it forges no problem line and draws nothing', (_what, key, shown) => {
    write('ml-image.yml', `image: {name: a/b}\n${JSON.stringify(key)}: 1\n`);
    const problems = rejection(() => loadConfig({ cwd: dir })).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.startsWith(`${shown};`)).toBe(true);
    expect(problems[0]).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
  });

  it('escapes such a key in a duplicate-key problem and as a build argument name too', () => {
    write('ml-image.yml', 'image: {name: a/b}\n"k\\u202e": 1\n"k\\u202e": 2\n');
    expect(rejection(() => loadConfig({ cwd: dir })).problems).toEqual([
      'line 3, column 1: duplicate key "k\\u202e" (map keys must be unique)',
    ]);
    write('ml-image.yml', 'image: {name: a/b}\nbuild:\n  args: {"A\\u202eB": "1"}\n');
    expect(rejection(() => loadConfig({ cwd: dir })).problems).toEqual([
      'line 3: build.args.A\\u202eB: "A\\u202eB" is not a build argument name: letters, digits and _, not starting with a digit',
    ]);
  });

  it('shows a value with a bidi override escaped, as it shows a control character', () => {
    write('ml-image.yml', 'image: {name: "a\\u202eb\\u001b"}\n');
    expect(rejection(() => loadConfig({ cwd: dir })).problems).toEqual([
      'line 1: image.name: expected a lowercase repository name like "my-org/my-model", got "a\\u202eb\\u001b"',
    ]);
  });

  it('says there is no config when neither a file nor overrides exist', () => {
    expect(() => loadConfig({ cwd: dir })).toThrow(/no config: neither ml-image.yml nor ml-image.yaml/);
  });

  it('reports YAML syntax errors with line and column', () => {
    write('ml-image.yml', 'image:\n  name: a/b\n  name: c/d\n');
    const e = rejection(() => loadConfig({ cwd: dir }));
    expect(e.message).toContain('ml-image.yml: invalid YAML');
    expect(e.problems[0]).toMatch(/^line 3, column 3: .*unique/i);
  });

  // Placed from the parser's offsets, not from its own (prettyErrors) messages: each said as it was.
  it.each([
    [
      'image:\n  name: [a, b\nbuild: {}\n',
      ['line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ],
    ['image:\n\t- x\n', ['line 2, column 1: Tabs are not allowed as indentation']],
    [
      'a: !foo x\nb: "x\n',
      [
        'line 2, column 4: Missing closing "quote: the quoted value that opens here is not closed (read on to line 3, column 1)',
        'line 1, column 4: the tag "!foo" is none this tool reads (a config holds strings, numbers, booleans, lists and mappings): remove it',
      ],
    ],
  ])('says a YAML typo with its line and column: %j', (text, problems) => {
    write('ml-image.yml', text);
    expect(rejection(() => loadConfig({ cwd: dir })).problems).toEqual(problems);
  });

  it('treats an empty file as an empty mapping (so image.name is reported missing)', () => {
    write('ml-image.yml', '');
    expect(rejection(() => loadConfig({ cwd: dir })).problems).toEqual([
      'image: required: expected a mapping',
    ]);
  });

  it('checks every file the config names, relative to the config file', () => {
    write(
      'sub/ml-image.yml',
      'image: {name: a/b}\nbuild: {context: ctx, dockerfile: Dockerfile.gpu}\npython: {requirements: [r.txt]}\nsmoke: {baseline: b.json}\n',
    );
    const e = rejection(() => loadConfig({ cwd: dir, file: 'sub/ml-image.yml' }));
    const sub = path.join(dir, 'sub');
    expect(e.problems).toEqual([
      `line 2: build.context: directory not found: ${path.join(sub, 'ctx')}`,
      `line 2: build.dockerfile: file not found: ${path.join(sub, 'Dockerfile.gpu')}`,
      `line 3: python.requirements[0]: file not found: ${path.join(sub, 'r.txt')}`,
      `line 4: smoke.baseline: file not found: ${path.join(sub, 'b.json')}`,
    ]);
    expect(() => loadConfig({ cwd: dir, file: 'sub/ml-image.yml', checkFiles: false })).not.toThrow();
  });

  it('a line break in a named path is shown escaped: it forges no problem line of its own', () => {
    write(
      'sub/ml-image.yml',
      'image: {name: a/b}\nbuild: {context: "c\\nerror: x"}\npython: {requirements: ["x\\nerror: forged"]}\n',
    );
    const e = rejection(() => loadConfig({ cwd: dir, file: 'sub/ml-image.yml' }));
    const sub = path.join(dir, 'sub');
    expect(e.problems).toEqual([
      `line 2: build.context: directory not found: ${sub}/c\\nerror: x`,
      `line 3: python.requirements[0]: file not found: ${sub}/x\\nerror: forged`,
    ]);
    expect(e.message).not.toMatch(/\nerror: (x|forged)/);
    expect(() => loadConfig({ cwd: dir, file: 'a\nerror: forged.yml' })).toThrow(
      `config file not found: ${dir}/a\\nerror: forged.yml`,
    );
    // A config file so named heads its problems escaped too.
    write('c\nerror: forged.yml', 'image: {name: a/b}\nnope: 1\n');
    const named = rejection(() => loadConfig({ cwd: dir, file: 'c\nerror: forged.yml' }));
    expect(named.message).toContain('c\\nerror: forged.yml');
    expect(named.message).not.toMatch(/\nerror: forged/);
  });

  it('a named file that is a directory or a device says what it is, not "not found"', () => {
    write(
      'sub/ml-image.yml',
      'image: {name: a/b}\nbuild: {dockerfile: d}\npython: {requirements: [/dev/null]}\nsmoke: {baseline: d}\n',
    );
    mkdirSync(path.join(dir, 'sub', 'd'));
    const e = rejection(() => loadConfig({ cwd: dir, file: 'sub/ml-image.yml' }));
    const d = path.join(dir, 'sub', 'd');
    expect(e.problems).toEqual([
      `line 2: build.dockerfile: ${d} is a directory, not a regular file`,
      'line 3: python.requirements[0]: /dev/null is a character device, not a regular file',
      `line 4: smoke.baseline: ${d} is a directory, not a regular file`,
    ]);
  });

  it('a named path that cannot be looked at is a problem naming the field, not a crash', () => {
    write('sub/afile', 'x');
    symlinkSync('loop', path.join(dir, 'sub', 'loop'));
    const long = 'n'.repeat(300);
    write(
      'sub/ml-image.yml',
      `image: {name: a/b}\nbuild: {context: afile/c, dockerfile: loop}\npython: {requirements: [afile/x, ${long}]}\nsmoke: {baseline: loop/b}\n`,
    );
    const e = rejection(() => loadConfig({ cwd: dir, file: 'sub/ml-image.yml' }));
    const sub = path.join(dir, 'sub');
    expect(e.problems).toEqual([
      `line 2: build.context: ${path.join(sub, 'afile/c')}: a path component is not a directory (ENOTDIR)`,
      `line 2: build.dockerfile: ${path.join(sub, 'loop')}: too many symbolic links (a link loop) (ELOOP)`,
      `line 3: python.requirements[0]: ${path.join(sub, 'afile/x')}: a path component is not a directory (ENOTDIR)`,
      `line 3: python.requirements[1]: ${path.join(sub, long)}: name too long (ENAMETOOLONG)`,
      `line 4: smoke.baseline: ${path.join(sub, 'loop/b')}: too many symbolic links (a link loop) (ELOOP)`,
    ]);
  });

  it('lets overrides complete the file and names the input in errors', () => {
    write('ml-image.yml', 'image: {name: a/b}\nplatforms: [linux/amd64]\n');
    const loaded = loadConfig({
      cwd: dir,
      overrides: [{ path: ['platforms'], value: ['linux/arm64'], source: 'input "platforms"' }],
    });
    expect(loaded.config.platforms).toEqual(['linux/arm64']);
    const e = rejection(() =>
      loadConfig({
        cwd: dir,
        overrides: [{ path: ['platforms'], value: ['linux/riscv64'], source: 'input "platforms"' }],
      }),
    );
    expect(e.problems).toEqual([
      'platforms[0]: expected one of "linux/amd64", "linux/arm64", got "linux/riscv64" (from input "platforms")',
    ]);
  });

  it('builds a whole config from overrides alone', () => {
    const loaded = loadConfig({
      cwd: dir,
      overrides: [{ path: ['image', 'name'], value: 'x/y', source: 'input "image"' }],
    });
    expect(loaded.file).toBeUndefined();
    expect(loaded.config.image.name).toBe('x/y');
  });

  it('does not mutate the data it validates', () => {
    const data = { image: { name: 'a/b' } };
    validateConfigData(data, 'x', [{ path: ['image', 'registry'], value: 'localhost:5000', source: 'flag' }]);
    expect(data).toEqual({ image: { name: 'a/b' } });
  });
});

describe("a variants override (--variants, the variants input) selects the file's variants by name", () => {
  const FILE = [
    'image: {name: acme/m}',
    'variants:',
    '  - cpu',
    '  - {name: ngc, base: "nvcr.io/nvidia/pytorch:24.10-py3"}',
    '  - {cuda: "12.8", torch: "2.7.1"}',
    '',
  ].join('\n');
  const load = (names: string[]) => {
    write('ml-image.yml', FILE);
    return loadConfig({
      cwd: dir,
      overrides: [{ path: ['variants'], value: names, source: 'flag --variants' }],
    }).config.variants;
  };

  it.each([
    [['ngc'], [{ name: 'ngc', base: 'nvcr.io/nvidia/pytorch:24.10-py3' }]],
    [['cuda12.8'], [{ name: 'cuda12.8', cuda: '12.8', torch: '2.7.1' }]],
    [
      ['cpu', 'ngc'],
      [{ name: 'cpu' }, { name: 'ngc' }],
    ],
    // A name the file does not list is shorthand, as before.
    [['cuda12.6'], [{ name: 'cuda12.6', cuda: '12.6' }]],
  ])('%j', (names, expected) => {
    const variants = load(names);
    expect(variants).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(variants[i]).toMatchObject(e));
  });

  it('a name neither listed nor shorthand is still exit 2 naming the flag', () => {
    const err = rejection(() => load(['gpu']));
    expect(err.message).toContain('got "gpu" (from flag --variants)');
  });
});
