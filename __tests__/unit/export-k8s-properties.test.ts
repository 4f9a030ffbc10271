// Property tests of job.yaml against what a user or a config controls: every value reads back (YAML
// 1.1 as kubectl reads it, and 1.2) as exactly what was given, in its place, no new key or document;
// an option value the API would not take is refused with an InputError (exit 2) naming the flag and
// the value; the pod script's words from the config read back through a model of the shell's quoting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { InputError } from '../../src/errors.js';
import { type K8sOptions, k8sManifests, k8sYaml } from '../../src/export/k8s.js';
import { HOSTILE, k8s, type Loose } from '../helpers/export-fixtures.js';
import { shellWords } from '../helpers/shell-words.js';

/** Pieces a YAML reader would take for more than text, and any code point. */
const PIECES = [
  ...HOSTILE,
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  ': ',
  '#',
  ' #',
  '---',
  '...',
  '"',
  "'",
  '{',
  '}',
  '[',
  '&a',
  '*a',
  '!!str',
  '!',
  '%YAML',
  '|',
  '>',
  '- ',
  '? ',
  '<<',
  'yes',
  'null',
  '~',
  '0x10',
  '0o17',
  '1e3',
  '.inf',
  '12:30',
  '2001-01-01',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0000',
  '\u001b',
  '\u007f',
  '\ufeff',
  '\uffff',
  '\u00a0',
  'a',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(...PIECES),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((a) => a.join('')),
);
const PROPS = { seed: 20261207, numRuns: 120 };

/** The documents of job.yaml as a reader of VERSION takes them, none with an error. */
const read = (yaml: string, version: '1.1' | '1.2' = '1.1'): Loose[] =>
  parseAllDocuments(yaml, { version }).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Loose;
  });

describe('k8sYaml: any string reads back as itself', () => {
  it('in keys, values and lists, in YAML 1.1 and 1.2', () => {
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 4 }), text, (data, value) => {
        const objects = [
          { kind: 'ConfigMap', data, list: [value, { value }] },
          { kind: 'Job', value },
        ];
        const yaml = k8sYaml(objects);
        for (const version of ['1.1', '1.2'] as const)
          expect(read(yaml, version)).toEqual(JSON.parse(JSON.stringify(objects)));
      }),
      { seed: 20261207, numRuns: 600 },
    );
  });

  // "<<": the yaml package's 1.1 schema wrote it plain whatever its type, a merge key to a YAML 1.1
  // reader (PyYAML: "could not determine a constructor for the tag 'tag:yaml.org,2002:merge'").
  it.each([
    ['"<<" as a value', { v: '<<' }, 'v: "<<"'],
    ['"<<" as a key', { '<<': 'x' }, '"<<": x'],
    ['"<<" in a list', { l: ['<<'] }, '  - "<<"'],
    ['a YAML 1.1 boolean', { v: 'yes' }, 'v: "yes"'],
    ['a line separator', { v: 'a\u2028b' }, 'v: "a\\u2028b"'],
  ])('%s is quoted', (_n, object, line) => {
    const yaml = k8sYaml([object]);
    expect(yaml.split('\n')).toContain(line);
    expect(read(yaml)).toEqual([object]);
  });
});

describe('k8sManifests: the options land where they belong, or are refused naming the flag', () => {
  const job = (docs: Loose[]) => docs.find((d) => d.kind === 'Job');
  const cases: [string, (v: string) => Partial<K8sOptions>, (docs: Loose[], v: string) => unknown][] = [
    ['--namespace', (v) => ({ namespace: v }), (d, v) => expect(job(d).metadata.namespace).toBe(v)],
    ['--name', (v) => ({ name: v }), (d, v) => expect(job(d).metadata.name).toBe(v)],
    [
      '--node-selector',
      (v) => ({ nodeSelector: { 'example.com/pool': v } }),
      (d, v) => expect(job(d).spec.template.spec.nodeSelector).toEqual({ 'example.com/pool': v }),
    ],
    [
      '--node-selector',
      (v) => ({ nodeSelector: { [v]: 'a' } }),
      (d, v) => expect(job(d).spec.template.spec.nodeSelector).toEqual({ [v]: 'a' }),
    ],
    [
      '--toleration',
      (v) => ({ tolerations: [{ key: 'pool', operator: 'Equal', value: v }] }),
      (d, v) =>
        expect(job(d).spec.template.spec.tolerations).toEqual([{ key: 'pool', operator: 'Equal', value: v }]),
    ],
    [
      '--image-pull-secret',
      (v) => ({ imagePullSecrets: [v] }),
      (d, v) => expect(job(d).spec.template.spec.imagePullSecrets).toEqual([{ name: v }]),
    ],
    [
      '--runtime-class',
      (v) => ({ runtimeClassName: v }),
      (d, v) => expect(job(d).spec.template.spec.runtimeClassName).toBe(v),
    ],
  ];

  it.each(cases)('%s', (flag, options, check) => {
    fc.assert(
      fc.property(fc.oneof(text, fc.constantFrom('gpu', 'a.b-c', 'smoke-1', 'x'.repeat(63))), (v) => {
        let objects: Record<string, unknown>[] = [];
        try {
          objects = k8sManifests(k8s(options(v)));
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).exitCode).toBe(2);
          expect((e as InputError).message).toContain(flag);
          expect((e as InputError).message).toContain(v);
          return;
        }
        const docs = read(k8sYaml(objects));
        expect(docs.map((d) => d.kind)).toEqual(['ConfigMap', 'Job']);
        check(docs, v);
      }),
      PROPS,
    );
  });
});

describe("k8sManifests: the config's words in the pod script", () => {
  it('requirement names and the smoke script read back as given', () => {
    const word = text.filter((s) => s !== '' && !s.includes('\0'));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), text, (names, script) => {
        const [configMap] = read(
          k8sYaml(k8sManifests(k8s({ suites: ['imports'], distributions: names, smokeScript: script }))),
        );
        expect(configMap.data['ml_image_smoke.py']).toBe(script);
        const run: string = configMap.data['run.sh'];
        const start = run.indexOf('run_step imports ');
        const words = shellWords(
          run.slice(start, run.indexOf('\nrecord imports', start)).replace('"$SCRIPT"', 'SCRIPT'),
        );
        expect(words).toEqual(['run_step', 'imports', 'python3', 'SCRIPT', 'imports', ...names]);
      }),
      PROPS,
    );
  });
});
