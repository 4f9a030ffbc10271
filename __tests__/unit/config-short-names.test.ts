// A variant's name and a smoke test's name (tags, result ids) refused with what is wrong with them,
// and the whole rule: a name of allowed characters only that is over 64 characters, or starts with
// "_", "." or "-", was told "expected a tag-safe name: lowercase letters, digits, ".", "_" or "-"",
// which it is made of.
import { describe, expect, it } from 'vitest';
import { parseYamlDocument, validateConfigData } from '../../src/config/load.js';
import { shortNameProblem } from '../../src/config/short-name.js';
import { ConfigError } from '../../src/errors.js';

function problemsOf(text: string): readonly string[] {
  const { data, lineOf } = parseYamlDocument(text, 'ml-image.yml');
  try {
    validateConfigData(data, 'ml-image.yml', [], lineOf);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).exitCode).toBe(2);
    return (e as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

const RULE =
  '(a tag-safe name: lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 64 characters)';

describe('variants[].name', () => {
  it('over 64 characters, or starting with "_": says which, and the rule', () => {
    const long = 'a'.repeat(65);
    const problems = problemsOf(`image:\n  name: a/b\nvariants:\n  - name: ${long}\n  - name: _x\n`);
    expect(problems).toEqual([
      expect.stringMatching(/^line 4: variants\[0\]\.name: "a{65}" is too long: 65 characters, at most 64 /),
      `line 5: variants[1].name: "_x" starts with "_", not a letter or digit ${RULE}`,
    ]);
    expect(problems[0]).toContain(RULE);
  });

  it('a character not allowed is named', () => {
    const problems = problemsOf('image:\n  name: a/b\nvariants:\n  - name: GPU\n');
    expect(problems).toEqual([`line 4: variants[0].name: "GPU" holds "G", which is not allowed ${RULE}`]);
  });

  it('64 characters, digits first, dots and dashes inside: taken', () => {
    const text = `image:\n  name: a/b\nvariants:\n  - name: ${'a'.repeat(64)}\n  - name: 1.x_y-z\n`;
    const { data, lineOf } = parseYamlDocument(text, 'ml-image.yml');
    expect(() => validateConfigData(data, 'ml-image.yml', [], lineOf)).not.toThrow();
  });
});

describe('smoke.tests[].name', () => {
  it('shares the rule, named as a test name', () => {
    const text = 'image:\n  name: a/b\nsmoke:\n  tests:\n    - name: -x\n      command: "true"\n';
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(
        /^line 5: smoke\.tests\[0\]\.name: "-x" starts with "-", not a letter or digit \(a test name: .*at most 64 characters\)$/,
      ),
    ]);
  });
});

describe('shortNameProblem', () => {
  it.each([
    ['', 'is empty'],
    ['a'.repeat(65), 'is too long: 65 characters, at most 64'],
    ['.a', 'starts with ".", not a letter or digit'],
    ['a b', 'holds " ", which is not allowed'],
    ['a\u202eb', 'holds "\\u202e", which is not allowed'],
  ])('%j: %s', (name, problem) => {
    expect(shortNameProblem(name)).toBe(problem);
  });
  it('a good name: nothing', () => {
    expect(shortNameProblem('cuda12.8')).toBeUndefined();
  });
});
