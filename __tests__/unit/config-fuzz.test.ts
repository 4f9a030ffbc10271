// The config loader's contract under any input (property-based): loading an ml-image.yml, with or
// without overrides, either gives a config or throws an InputError (exit 2) naming the file; never
// a TypeError, a RangeError, a stack overflow, and never takes long. The inputs are mutations of
// real configs (the bundled example's, and one setting every field): lines left out, repeated,
// swapped, values and keys replaced by odd ones, YAML's own features (anchors, aliases, merges,
// tags, more documents, flow style, tabs, deep nesting), and overrides at random paths.
// The inputs fuzzing found slow are examples below, each as found.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, MAX_CONFIG_BYTES, type Override } from '../../src/config/load.js';
import { ConfigError, InputError } from '../../src/errors.js';

const EVERY_FIELD = `image:
  name: my-org/my-model
  registry: ghcr.io
  version: 1.4.0
build:
  context: .
  template: cpu
  args: { FOO: bar }
  mirrors: { python: mirror.corp/python }
  cache: auto
  provenance: { mode: max, version: v1 }
  network: default
  pull: false
  secrets: [hf_token]
variants:
  - cpu
  - cuda12.8
  - &gpu
    name: ngc
    base: nvcr.io/nvidia/pytorch:25.03-py3
    template: ngc
  - <<: *gpu
    name: ngc2
platforms: [linux/amd64]
torch: "2.7"
python:
  version: "3.11"
  requirements: [requirements.txt]
  indexUrl: https://pypi.org/simple
  torchIndexUrl: https://download.pytorch.org/whl
  extraIndexUrls: [https://x.org/simple]
resolve: { mode: check }
smoke:
  suites: [imports, custom]
  requireGpu: false
  gpuRunnerLabels: [gpu]
  baseline: baseline.json
  timeoutSeconds: 300
  network: none
  tests:
    - name: t
      command: python -c 1
      expectedOutput: ["^x"]
      excludedOutput: ["err"]
      exitCode: 0
      gpu: false
    - name: f
      file: { path: /app, exists: true, mode: "0755" }
    - name: m
      metadata: { user: app, workdir: /app, env: {A: b}, labels: {a: b}, entrypoint: [x], cmd: [y] }
report: { comment: true, summary: false, markerKey: k }
size: { budget: 2GB }
attest: { types: [sbom], sign: off, key: k.pem, spdx: true, tlog: false }
`;
const SEEDS = [readFileSync(path.join('examples', 'hello-ml', 'ml-image.yml'), 'utf8'), EVERY_FIELD];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-fuzz-'));
  for (const f of ['requirements.txt', 'baseline.json', 'k.pem']) writeFileSync(path.join(dir, f), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Load TEXT as ml-image.yml in the temp dir: what it threw, if anything. */
function load(text: string, overrides: readonly Override[] = [], checkFiles = true) {
  writeFileSync(path.join(dir, 'ml-image.yml'), text);
  let thrown: unknown;
  try {
    loadConfig({ cwd: dir, overrides, checkFiles });
  } catch (e) {
    thrown = e;
  }
  return { thrown };
}

/** THROWN is none, or an InputError (exit 2) naming the file (or the inputs, for an override's). */
function expectCleanFailure(thrown: unknown): void {
  if (thrown === undefined) return;
  expect(thrown, String((thrown as Error).stack)).toBeInstanceOf(InputError);
  expect((thrown as InputError).exitCode).toBe(2);
  expect((thrown as InputError).message).toMatch(/^(ml-image\.yml|inputs)\b|ml-image\.yml/);
}

/** One anchored list holding N aliases (to N anchors), used once; a mapping nested DEPTH deep. */
function aliasesAndDepth(n: number, depth: number): string {
  const anchors = Array.from({ length: n }, (_, i) => `  - &a${i} x`).join('\n');
  const aliases = Array.from({ length: n }, (_, i) => `*a${i}`).join(', ');
  const nested = `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
  return `image: {name: a/b}\nsmoke:\n gpuRunnerLabels:\n${anchors}\n tests: &b [${aliases}]\n network: [*b]\nbuild: {args: ${nested}}\n`;
}

describe('inputs fuzzing found', () => {
  // The yaml package counted an anchor's aliases by walking the whole document once per alias, each
  // walk copying the path to every node: 24 s for the first (minutes as they grow, to the 256 KiB
  // a config may have); now well under a second.
  it.each([
    [
      '200 aliases in an anchored list, a mapping nested 1000 deep',
      aliasesAndDepth(200, 1000),
      /line 206: build\.args\.a: expected a string, got a mapping/,
    ],
    // Each "Missing , or :" (a MISSING_CHAR) walked the whole file for a quote it might not close:
    // 9 s for this one (14 s for the 9 KB a fuzzed config had).
    [
      'a flow mapping of 100 "- c" items beside a mapping nested 1000 deep',
      `{x: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}, ${Array.from({ length: 100 }, (_, i) => `- c${i}`).join(', ')}}\n`,
      /^ml-image\.yml: invalid YAML: \d+ problems\n[\s\S]*line 1, column \d+: Missing , or : between flow map items/,
    ],
  ])(
    '%s: refused with its problems (a return of the slow read runs into the timeout of the test)',
    (_what, text, problem) => {
      const { thrown } = load(text);
      expectCleanFailure(thrown);
      expect((thrown as InputError).message).toMatch(problem);
    },
  );

  // Every YAML problem was listed: a file of garbage gave a message of thousands of lines (2971
  // for one mutation). Now cut short as the schema's problems are: 100, and a count of the rest.
  it.each([
    ['300 stray "]" on one line', '] '.repeat(300), 300],
    ['150 lines of "a: b: c"', 'a: b: c\n'.repeat(150), 150],
  ])('%s: the first 100 YAML problems, then how many more', (_what, text, count) => {
    const { thrown } = load(text);
    expectCleanFailure(thrown);
    const e = thrown as ConfigError;
    expect(e.message).toMatch(new RegExp(`^ml-image\\.yml: invalid YAML: ${count} problems\\n`));
    expect(e.count).toBe(count);
    expect(e.problems).toHaveLength(101);
    expect(e.problems.at(-1)).toBe(`... and ${count - 100} more (fix the ones above first)`);
  });

  // A file of the largest size read (256 KiB) with a syntax error at nearly every character: the
  // yaml package placed each error by copying and searching its whole line (a line of "]" took
  // minutes), and took a stack trace for each. Placed from the offsets now, the first 100 only
  // shown; how many there are still counted.
  const fill = (head: string, unit: string): string =>
    `${head}${unit.repeat(Math.floor((MAX_CONFIG_BYTES - head.length - 1) / unit.length))}\n`;
  it.each([
    [
      'a line of "]"',
      fill('a: ', ']'),
      'line 1, column 4: Unexpected flow-seq-end token in YAML stream: "]"',
    ],
    [
      'a line of "}"',
      fill('a: ', '}'),
      'line 1, column 4: Unexpected flow-map-end token in YAML stream: "}"',
    ],
    ['a flow list of ","', fill('a: [', ','), 'line 1, column 6: Unexpected , in flow sequence'],
    [
      'a line of "] "',
      fill('a: [ ', '] '),
      'line 1, column 8: Unexpected flow-seq-end token in YAML stream: "]"',
    ],
    [
      'lines of "]"',
      fill('', ']\n'),
      'line 1, column 1: Unexpected flow-seq-end token in YAML document: "]"',
    ],
    ['a line of aliases', fill('a: ', '*a '), 'line 1, column 7: Unexpected alias at node end'],
    [
      'quotes never closed',
      fill('', 'a: "x\n- '),
      'line 1, column 4: Missing closing "quote: the quoted value that opens here is not closed (read on to line 1, column 6)',
    ],
  ])(
    '%s filling the largest config read: its first problem placed, the rest counted',
    (_what, text, first) => {
      expect(text.length).toBeLessThanOrEqual(MAX_CONFIG_BYTES);
      const { thrown } = load(text);
      expectCleanFailure(thrown);
      const e = thrown as ConfigError;
      expect(e.problems[0]).toBe(first);
      expect(e.problems).toHaveLength(101);
      expect(e.count).toBeGreaterThan(10_000);
      expect(e.problems.at(-1)).toBe(`... and ${e.count - 100} more (fix the ones above first)`);
    },
  );

  // An override's path went through `__proto__` to Object.prototype: the override set a field of
  // every object in the process (and the loads after it failed in ways of their own).
  it.each([
    [['__proto__', 'polluted'], '__proto__: unknown key'],
    [['image', '__proto__', 'polluted'], 'image.__proto__: unknown key'],
    [['constructor', 'prototype', 'polluted'], 'constructor: unknown key'],
  ])('an override at %j is a key like any other: %s, no object gains a field', (at, problem) => {
    const { thrown } = load('image: {name: a/b}\n', [{ path: at, value: 1, source: 'flag --x' }]);
    expectCleanFailure(thrown);
    expect((thrown as InputError).message).toContain(problem);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });
});

/** Odd scalars: wrong types, YAML's special values, tags, flow collections, control and far unicode. */
const oddValue = fc.oneof(
  fc.constantFrom(
    ...['', '~', 'null', 'true', 'no', '.nan', '.inf', '-.inf', 'NaN', '1e400', '-1', '0', '0x10', '0o7'],
    ...['99999999999999999999999', '[]', '{}', '[[[[', '"\\u0000"', "'", '"', '*a', '&a x', '!!binary aGk='],
    ...['!!js/function x', '!!int x', '!!float 1', '!!timestamp 2020-01-01', '!!set {a}', '!!omap [a: 1]'],
    ...[
      '!foo x',
      '<<',
      '? [a]',
      '{a: 1, a: 2}',
      '[a, [b, [c]]]',
      '|\n  x',
      '\t',
      'a\tb',
      '"\\uD800"',
      '\u202e',
    ],
    ...[
      '\uFEFF',
      '__proto__',
      '{__proto__: {a: 1}}',
      '{constructor: 1}',
      '@',
      '%',
      '`x`',
      '- - -',
      '...',
      '---',
    ],
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constant('x'.repeat(5000)),
);
const oddKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '<<',
    'toString',
    '',
    '~',
    'image',
    'name',
    'variants',
    '0',
  ),
  fc.string({ maxLength: 8 }),
);

type Lines = readonly string[];
/** LINES with line I (taken modulo their count) replaced by F's result. */
const atLine = (lines: Lines, i: number, f: (line: string) => string) =>
  lines.map((s, j) => (j === i % lines.length ? f(s) : s));
const VALUE = /(:\s*|-\s+)(.*)$/;
/** Changes to a config's lines. */
const mutation: fc.Arbitrary<(lines: Lines) => Lines> = fc.oneof(
  fc.nat().map((i) => (l: Lines) => l.filter((_, j) => j !== i % l.length)),
  fc
    .nat()
    .map((i) => (l: Lines) => [...l.slice(0, i % l.length), l[i % l.length]!, ...l.slice(i % l.length)]),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, j]) =>
      (l: Lines) =>
        atLine(
          atLine(l, i, () => l[j % l.length]!),
          j,
          () => l[i % l.length]!,
        ),
  ),
  fc.tuple(fc.nat(), oddValue).map(
    ([i, v]) =>
      (l: Lines) =>
        atLine(l, i, (s) => s.replace(VALUE, `$1${v}`)),
  ),
  fc.tuple(fc.nat(), oddKey).map(
    ([i, k]) =>
      (l: Lines) =>
        atLine(l, i, (s) => s.replace(/^(\s*-?\s*)[^:\s]+:/, `$1${k}:`)),
  ),
  fc
    .tuple(fc.nat(), fc.string({ maxLength: 30 }))
    .map(([i, v]) => (l: Lines) => [...l.slice(0, i % l.length), v, ...l.slice(i % l.length)]),
  fc.tuple(fc.nat(), fc.constantFrom('\t', '  ', ' ', '')).map(
    ([i, ind]) =>
      (l: Lines) =>
        atLine(l, i, (s) => ind + s.trimStart()),
  ),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        '&a ',
        '*a',
        '<<: *a',
        '!!binary ',
        '!!js/undefined ',
        '!!map ',
        '!!seq ',
        '? ',
        '--- ',
      ),
    )
    .map(
      ([i, t]) =>
        (l: Lines) =>
          atLine(l, i, (s) => s.replace(/(:\s*|-\s+)/, `$1${t}`)),
    ),
  fc.tuple(fc.nat(), fc.nat({ max: 300 }), fc.boolean()).map(([i, n, seq]) => (l: Lines) => {
    const nested = seq ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{a: '.repeat(n)}1${'}'.repeat(n)}`;
    return atLine(l, i, (s) => s.replace(VALUE, `$1${nested}`));
  }),
  fc.nat({ max: 5 }).map((levels) => (l: Lines) => {
    const bomb = ['b0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let k = 1; k <= levels; k++)
      bomb.push(
        `b${k}: &b${k} [${Array(10)
          .fill(`*b${k - 1}`)
          .join(', ')}]`,
      );
    return [...bomb, ...l];
  }),
  fc.constant((l: Lines) => [...l, '---', ...l]),
  fc.constant((l: Lines) => [l.join('\r')]),
);

/** An override (a flag, an action input) at a random path, of a random value. */
const override: fc.Arbitrary<Override> = fc.record({
  path: fc.array(fc.oneof(oddKey, fc.integer({ min: -2, max: 4 })), { minLength: 1, maxLength: 4 }),
  value: fc.oneof(fc.anything(), fc.array(fc.constantFrom('cpu', 'ngc', 'cuda12.8', 'x', '')), oddValue),
  source: fc.constantFrom('flag --x', 'input "y"'),
});

describe('any mutation of a real config', () => {
  it('loads, or is refused as bad input naming the file', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.array(override, { maxLength: 2 }),
        fc.boolean(),
        (seed, mutations, overrides, checkFiles) => {
          const lines = mutations.reduce<Lines>(
            (l, m) => (l.length === 0 ? m(['']) : m(l)),
            seed.split('\n'),
          );
          const { thrown } = load(lines.join('\n'), overrides, checkFiles);
          expectCleanFailure(thrown);
        },
      ),
      { seed: 20261207, numRuns: 150 },
    );
  });
});
