// Config problems name the line of ml-image.yml they are about ("line 5: variants[0].cuda: ..."),
// and the action's annotation lands on that line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Override, parseYamlDocument } from '../../src/config/load.js';
import { type Path, withFieldLine } from '../../src/config/issues.js';
import { planBuild } from '../../src/plan/plan.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { ConfigError } from '../../src/errors.js';
import { fail } from '../../src/action/io.js';
import type { ActionIo } from '../../src/action/io.js';

const FILE = `image:
  name: my-org/model
variants:
  - name: cpu
  - cuda: "12.8"
    python: "3.11"
    base: &b
      from: x
platforms: linux/amd64,linux/arm64
build:
  args:
    A: "1"
alias: *b
`;

describe('lineLocator', () => {
  const { lineOf } = parseYamlDocument(FILE, 'ml-image.yml');
  it.each([
    [['image', 'name'], 2, 'a mapping field: its key'],
    [['image'], 1, 'a mapping'],
    [['variants', 0], 4, 'a list item'],
    [['variants', 1, 'python'], 6, 'a field of a list item'],
    [['variants', 1, 'torch'], 5, 'a field left out: its list item'],
    [['variants', 7], 3, 'an item past the end: its list'],
    [['platforms', 1], 9, 'a list the schema makes from one string: the string'],
    [['build', 'args', 'A'], 12, 'a record entry'],
    [['alias', 'from'], 8, 'through an alias: where the anchor holds it'],
    [['smoke', 'suites'], undefined, 'a top-level field left out: no line'],
    [[], undefined, 'the top level: no line'],
  ] as [Path, number | undefined, string][])('%j -> %s (%s)', (p, line) => {
    expect(lineOf(p)).toBe(line);
  });

  it('a flow mapping on one line: every field is on it', () => {
    const { lineOf: at } = parseYamlDocument('image: {name: a/b}\nbuild: {context: c, dockerfile: d}\n', 'x');
    expect([at(['build', 'context']), at(['build', 'dockerfile']), at(['image', 'name'])]).toEqual([2, 2, 1]);
  });
});

describe('config problems name their line', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-lines-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const problemsOf = (text: string, overrides: readonly Override[] = []) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), text);
    try {
      loadConfig({ cwd: dir, overrides, checkFiles: false });
    } catch (e) {
      if (e instanceof ConfigError) return e;
      throw e;
    }
    throw new Error('expected a ConfigError');
  };

  it('schema problems: a bad value in a list item, an unknown key', () => {
    const e = problemsOf(
      'image:\n  name: a/b\nvariants:\n  - python: "3.11"\n    cuda: 12.1\n  - {}\nsmoke:\n  sutes: [imports]\n',
    );
    expect(e.problems).toEqual([
      expect.stringMatching(
        /^line 5: variants\[0\]\.cuda: expected a version like "12\.8", got number 12\.1/,
      ),
      expect.stringMatching(/^line 8: smoke\.sutes: unknown key \(did you mean "suites"\?\)/),
    ]);
  });

  it('a value an input set names the input, not a line of the file', () => {
    const e = problemsOf('image: {name: a/b}\nplatforms:\n  - linux/amd64\n', [
      { path: ['platforms'], value: ['linux/mips'], source: 'input "platforms"' },
    ]);
    expect(e.problems).toEqual([
      'platforms[0]: expected one of "linux/amd64", "linux/arm64", got "linux/mips" (from input "platforms")',
    ]);
  });

  it('a file the config names that is missing: the line that names it (an input: none)', () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\npython:\n  requirements:\n    - r.txt\n',
    );
    const caught = (overrides: readonly Override[]) => {
      try {
        loadConfig({ cwd: dir, overrides });
      } catch (e) {
        return (e as ConfigError).problems;
      }
      return [];
    };
    expect(caught([])).toEqual([
      `line 4: python.requirements[0]: file not found: ${path.join(dir, 'r.txt')}`,
    ]);
    expect(
      caught([{ path: ['python', 'requirements'], value: ['s.txt'], source: 'input "requirements"' }]),
    ).toEqual([
      `python.requirements[0]: file not found: ${path.join(dir, 's.txt')} (from input "requirements")`,
    ]);
  });
});

describe('withFieldLine', () => {
  const lineOf = (p: Path) => ({ 'variants,1': 7, 'build,context': 3, variants: 5 })[p.join(',')];
  it.each([
    [
      'variants[1] (cu128): CUDA 12.9 is not in the catalog',
      'line 7: variants[1] (cu128): CUDA 12.9 is not in the catalog',
    ],
    ['build.context: directory not found: /x', 'line 3: build.context: directory not found: /x'],
    ['variants x platforms: 300 build targets', 'variants x platforms: 300 build targets'],
    ['variants[9] (x): unknown to the file', 'variants[9] (x): unknown to the file'],
    ['no field here', 'no field here'],
  ])('%s', (problem, want) => {
    expect(withFieldLine(problem, lineOf)).toBe(want);
  });
});

describe('a refused plan names the lines of the config file', () => {
  it('variants[i] problems get the line of that variant, and the annotation goes on the file', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'ml-image-lines-'));
    try {
      writeFileSync(
        path.join(d, 'ml-image.yml'),
        'image:\n  name: a/b\nvariants:\n  - cpu\n  - cuda: "12.7"\n',
      );
      const loaded = loadConfig({ cwd: d, checkFiles: false });
      let err: unknown;
      try {
        planBuild(loaded.config, {
          catalog: bundledCatalog(),
          git: { sha: 'abcdef1234' },
          now: new Date(0),
          configFile: loaded.label,
          lineOf: loaded.lineOf,
        });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      const e = err as ConfigError;
      expect(e.message).toMatch(/^plan of ml-image\.yml: 2 problems/);
      expect(e.problems).toEqual([
        expect.stringMatching(/^line 5: variants\[1\] \(cuda12\.7\): CUDA 12\.7 is not in the catalog/),
        expect.stringMatching(/^line 5: variants\[1\] \(cuda12\.7\): no nvidia\/cuda 12\.7 image/),
      ]);
      expect(e.file).toBe('ml-image.yml');
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('a plan problem a top-level field causes names that field and its line', () => {
  /** The problems of a plan of TEXT as ml-image.yml, with its lines. */
  const planProblems = (text: string): readonly string[] => {
    const d = mkdtempSync(path.join(tmpdir(), 'ml-image-lines-'));
    try {
      writeFileSync(path.join(d, 'ml-image.yml'), text);
      const loaded = loadConfig({ cwd: d, checkFiles: false });
      planBuild(loaded.config, {
        catalog: bundledCatalog(),
        git: { sha: 'abcdef1234' },
        now: new Date(0),
        configFile: loaded.label,
        lineOf: loaded.lineOf,
      });
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as ConfigError).problems;
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  };
  it.each([
    [
      'python.version with the default variants',
      'image:\n  name: a/b\npython:\n  version: "3.1"\n',
      [/^line 4: python\.version \(variants\[0\] cpu\): no python:3\.1-slim image in the catalog/],
    ],
    [
      'a top-level torch no CUDA variant has wheels of',
      'image:\n  name: a/b\nvariants:\n  - cpu\n  - cuda12.8\ntorch: "2.5"\nplatforms: [linux/amd64]\n',
      [/^line 6: torch \(variants\[1\] cuda12\.8\): torch 2\.5 has no CUDA 12\.8 wheels/],
    ],
    [
      'a top-level torch with no wheels for the Python',
      'image:\n  name: a/b\ntorch: "2.5"\npython:\n  version: "3.14"\n',
      [/^line 3: torch \(variants\[0\] cpu\): torch 2\.5 has no wheels for Python 3\.14/],
    ],
    [
      "a variant's own torch with the top-level Python: the Python is named",
      'image:\n  name: a/b\nvariants:\n  - torch: "2.5"\npython:\n  version: "3.14"\n',
      [/^line 6: python\.version \(variants\[0\] cpu\): torch 2\.5 has no wheels for Python 3\.14/],
    ],
    [
      'build.template under a CUDA variant',
      'image:\n  name: a/b\nvariants: [cuda12.8]\nbuild:\n  template: cpu\n',
      [/^line 5: build\.template \(variants\[0\] cuda12\.8\): template "cpu" cannot build/],
    ],
    [
      "the variant's own torch, equal to the top-level one: the variant is named",
      'image:\n  name: a/b\ntorch: "2.5"\nvariants:\n  - cuda: "12.8"\n    torch: "2.5"\nplatforms: [linux/amd64]\n',
      [/^line 5: variants\[0\] \(cuda12\.8\): torch 2\.5 has no CUDA 12\.8 wheels/],
    ],
  ])('%s', (_what, text, want) => {
    expect(planProblems(text)).toEqual(want.map((re) => expect.stringMatching(re)));
  });
});

describe("the action's annotations", () => {
  const annotate = (err: ConfigError) => {
    const errors: { message: string; props: unknown }[] = [];
    const io = {
      cwd: '/repo',
      error: (message: string, props: unknown) => errors.push({ message, props }),
      setFailed: () => undefined,
    } as unknown as ActionIo;
    fail(io, err);
    return errors.map((e) => e.props);
  };

  it.each([
    ['line 5: variants[0].cuda: bad', { file: 'ml-image.yml', startLine: 5 }],
    ['line 3, column 3: duplicate key "name"', { file: 'ml-image.yml', startLine: 3, startColumn: 3 }],
    ['image: required: expected a mapping', { file: 'ml-image.yml' }],
  ])('%s', (problem, place) => {
    expect(annotate(new ConfigError('ml-image.yml', [problem]))).toEqual([
      { title: 'ml-image config', ...place },
    ]);
  });

  it('a YAML syntax error through loadConfig: on the file\'s line and column (not on "x.yml: invalid YAML")', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'ml-image-lines-'));
    try {
      writeFileSync(path.join(d, 'ml-image.yml'), 'image:\n  name: a/b\n  name: c/d\n');
      let err: unknown;
      try {
        loadConfig({ cwd: d });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect(annotate(err as ConfigError)).toEqual([
        { title: 'ml-image config', file: 'ml-image.yml', startLine: 3, startColumn: 3 },
      ]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('a problem of the inputs has no file or line', () => {
    expect(annotate(new ConfigError('inputs', ['line 5: looks like a line']))).toEqual([
      { title: 'ml-image config' },
    ]);
  });
});
