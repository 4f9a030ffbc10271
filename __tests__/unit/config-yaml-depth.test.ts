// How deep a YAML text nests, counted from the yaml package's lexer before its parser reads it: a
// file nested thousands deep is refused at the first list or mapping past the limit, and what only
// looks like an opening (in a quoted, plain or block scalar, or a comment) counts for nothing.
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, tooDeepAt } from '../../src/config/yaml-depth.js';
import { parseYamlDocument } from '../../src/config/yaml-parse.js';
import { ConfigError } from '../../src/errors.js';

describe('tooDeepAt', () => {
  it.each([
    ['flow lists', '[', ''],
    ['flow mappings', '{a: ', ''],
    ['block lists on one line', '- ', ''],
    ['explicit keys on one line', '? ', ''],
  ])('%s: the opening past the limit, none at the limit', (_, open) => {
    expect(tooDeepAt(open.repeat(MAX_YAML_DEPTH))).toBeUndefined();
    expect(tooDeepAt(open.repeat(MAX_YAML_DEPTH + 1))).toBe(open.length * MAX_YAML_DEPTH);
  });

  it('a flow collection closed is a level less; a block indicator counts on its own line only', () => {
    const half = MAX_YAML_DEPTH / 2;
    expect(tooDeepAt(`${'[]'.repeat(MAX_YAML_DEPTH * 2)}\n`)).toBeUndefined();
    expect(tooDeepAt(`${'- '.repeat(half)}x\n${'- '.repeat(half)}[[x]]\n`)).toBeUndefined();
    expect(tooDeepAt(`${'- '.repeat(half)}${'['.repeat(half)}x${']'.repeat(half)}\n`)).toBeUndefined();
    expect(tooDeepAt(`${'- '.repeat(half)}${'['.repeat(half + 1)}x\n`)).toBe(2 * half + half);
  });

  it.each([
    ['a double-quoted string', `a: "${'['.repeat(MAX_YAML_DEPTH * 2)}"\n`],
    ['a single-quoted string', `a: '${'{'.repeat(MAX_YAML_DEPTH * 2)}'\n`],
    ['a plain string', `a: x${'[- '.repeat(MAX_YAML_DEPTH * 2)}\n`],
    ['a block scalar', `a: |\n  ${'- ['.repeat(MAX_YAML_DEPTH * 2)}\n`],
    ['a comment', `a: b # ${'[{- '.repeat(MAX_YAML_DEPTH * 2)}\n`],
  ])('openings in %s count for nothing', (_, text) => {
    expect(tooDeepAt(text)).toBeUndefined();
  });
});

describe('parseYamlDocument of YAML nested too deep', () => {
  it('refuses it naming the file, the line and the column of the opening past the limit', () => {
    const text = `image:\n  name: a/b\nplatforms:\n  - ${'['.repeat(MAX_YAML_DEPTH * 10)}\n`;
    let error: unknown;
    try {
      parseYamlDocument(text, 'ml-image.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as ConfigError).message).toMatch(/^ml-image\.yml: invalid YAML/);
    expect((error as ConfigError).file).toBe('ml-image.yml');
    // The list item's "-" is the first level, so the opening past the limit is the last of as many "[".
    expect((error as ConfigError).problems).toEqual([
      `line 4, column ${4 + MAX_YAML_DEPTH}: the YAML is nested too deeply to read there (lists or mappings inside each other thousands of levels deep); a config nests a few levels`,
    ]);
  });
});
