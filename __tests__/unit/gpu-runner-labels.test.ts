// Runner labels that can never match a runner (blank, a line break or other control character)
// are refused, in the config (smoke.gpuRunnerLabels) and in the action input gpu-runner-labels
// (exit 2, naming the field or input and the label, escaped). The input's value "{...}" is no list:
// refused, once read as the one label "{...}"; a non-string item of its JSON list is told in the
// input's terms, not with the config file's YAML hint.
import { describe, expect, it } from 'vitest';
import { CONFIG_INPUTS, parseInputValue } from '../../src/config/inputs.js';
import { validateConfigData } from '../../src/config/load.js';
import { ConfigError, InputError } from '../../src/errors.js';

const LABELS = CONFIG_INPUTS.find((c) => c.input === 'gpu-runner-labels')!;
const base = { image: { name: 'o/m' }, python: { requirements: [] } };

function inputError(raw: string): InputError {
  try {
    parseInputValue(LABELS, raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    return e as InputError;
  }
  throw new Error(`${JSON.stringify(raw)} was taken`);
}

function configProblems(labels: unknown): readonly string[] {
  try {
    validateConfigData({ ...base, smoke: { gpuRunnerLabels: labels } }, 'ml-image.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error('taken');
}

describe('gpu-runner-labels input', () => {
  it.each([
    ['["self-hosted","a\\nb"]', 'item 2: runner label "a\\nb" holds a control character (U+000A)'],
    ['["gpu","  "]', 'item 2: runner label "  " is blank'],
    ['[""]', 'item 1: runner label "" is blank'],
    ['self-hosted, g\tpu', 'item 2: runner label "g\\tpu" holds a control character (U+0009)'],
    ['["gpu\\u001b[2K"]', 'item 1: runner label "gpu\\u001b[2K" holds a control character (U+001B)'],
  ])('%j: refused naming the input and the label, escaped', (raw, problem) => {
    const e = inputError(raw);
    expect(e.message).toBe(`input "gpu-runner-labels": ${problem}: no runner's label can match it`);
    expect(e.fix).toBeDefined();
  });

  it('{"a":1}: an object, not one label: refused, saying labels are a list', () => {
    const e = inputError('{"a":1}');
    expect(e.message).toBe('input "gpu-runner-labels": "{\\"a\\":1}" is an object; runner labels are a list');
    expect(e.fix).toMatch(/JSON list of strings like \["self-hosted","gpu"\]/);
  });

  it("a non-string item: said in the input's terms (JSON), with no YAML hint", () => {
    const e = inputError('["gpu",1]');
    expect(e.message).toBe('input "gpu-runner-labels": item 2 is 1, not a string: a runner label is text');
    expect(`${e.message} ${e.fix}`).not.toMatch(/YAML|unquoted/);
    expect(e.fix).toMatch(/JSON string/);
    expect(inputError('{}').message).toContain('is an object');
  });

  it('good values are still read', () => {
    expect(parseInputValue(LABELS, '["self-hosted", "gpu"]')).toEqual(['self-hosted', 'gpu']);
    expect(parseInputValue(LABELS, 'self-hosted, gpu')).toEqual(['self-hosted', 'gpu']);
  });
});

describe('smoke.gpuRunnerLabels in the config', () => {
  it.each([
    [
      ['self-hosted', 'a\nb'],
      'smoke.gpuRunnerLabels[1]: runner label "a\\nb" holds a control character (U+000A)',
    ],
    [['  '], 'smoke.gpuRunnerLabels[0]: runner label "  " is blank'],
  ])('%j: refused naming the field and the label', (labels, problem) => {
    expect(configProblems(labels).join('\n')).toContain(problem);
  });
});
