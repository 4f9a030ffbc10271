// An alias or merge inside the node it names (a cycle) is refused with its line, not as an alias
// bomb: `<<: *i` in the mapping anchored &i made the yaml package count aliases past its limit,
// and the config was told "aliases expand too far (... a "billion laughs" pattern)" with no line.
// A real alias bomb keeps that message.
import { describe, expect, it } from 'vitest';
import { MAX_YAML_ALIASES, parseYamlDocument } from '../../src/config/yaml-parse.js';
import { ConfigError } from '../../src/errors.js';

function problemsOf(text: string): readonly string[] {
  try {
    parseYamlDocument(text, 'ml-image.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).exitCode).toBe(2);
    expect((e as ConfigError).message).toMatch(/^ml-image\.yml: invalid YAML/);
    return (e as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('a merge of the mapping it is in', () => {
  it('<<: *i in the mapping &i: its line, what it does', () => {
    expect(problemsOf('image: &i\n  name: a/b\n  <<: *i\n')).toEqual([
      'line 3, column 7: <<: *i merges the mapping it is in (anchored &i): a mapping cannot merge itself; merge another mapping, anchored outside it',
    ]);
  });

  it('in a list of merges, and from a mapping nested deeper', () => {
    expect(problemsOf('variants:\n  - &v\n    name: x\n    <<: [*v]\n')).toEqual([
      expect.stringMatching(/^line 4, column 10: <<: \*v merges the mapping it is in/),
    ]);
    expect(problemsOf('image: &i\n  name: a/b\n  sub:\n    <<: *i\n')).toEqual([
      expect.stringMatching(/^line 4, column 9: <<: \*i merges the mapping it is in/),
    ]);
  });

  it('a plain alias inside what it names (data that would hold itself): its line', () => {
    expect(problemsOf('image: &i\n  name: a/b\n  x: *i\n')).toEqual([
      'line 3, column 6: *i is inside the mapping it names (anchored &i): a value cannot hold itself',
    ]);
    expect(problemsOf('a: &l [1, *l]\n')).toEqual([
      expect.stringMatching(/^line 1, column 11: \*l is inside the list it names/),
    ]);
  });
});

describe('not a cycle', () => {
  it('a merge of a mapping anchored beside it, and an anchor reused after it: taken', () => {
    const text = 'base: &b\n  name: a/b\nimage:\n  <<: *b\n  registry: r.io\nother: &b 1\nthird: *b\n';
    expect(parseYamlDocument(text, 'ml-image.yml').data).toEqual({
      base: { name: 'a/b' },
      image: { name: 'a/b', registry: 'r.io' },
      other: 1,
      third: 1,
    });
  });

  it('a real alias bomb still says so', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 6; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const problems = problemsOf(`${lines.join('\n')}\n`);
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^aliases expand too far \\(one anchor's aliases expand to ${MAX_YAML_ALIASES} copies or more`,
        ),
      ),
    ]);
  });

  // The message said "more than 100 alias uses" and the docs "up to 100", but the 100th use of a
  // scalar is refused: the yaml library counts copies, the anchored node among them.
  it('an anchor used 99 times is read; the 100th use is refused, saying why', () => {
    const text = (uses: number) =>
      `image: {name: o/m}\nx-names:\n  - &v cpu\n${Array(uses).fill('  - *v').join('\n')}\n`;
    expect(() => parseYamlDocument(text(99), 'ml-image.yml')).not.toThrow();
    expect(problemsOf(text(100))).toEqual([
      expect.stringMatching(/^aliases expand too far \(one anchor's aliases expand to 100 copies or more/),
    ]);
  });
});

// A tag the yaml package cannot resolve was dropped, its text kept: `A: !foo bar` read as "bar",
// exit 0 without a word.
describe('a tag that is not YAML own', () => {
  it.each([
    ['build:\n  args: {A: !foo bar}\n', 'line 2, column 13: the tag "!foo" is none this tool reads'],
    [
      "build:\n  args:\n    A: !!js/function 'x'\n",
      'line 3, column 8: the tag "!!js/function" is none this tool reads',
    ],
    [
      'image: !<tag:acme.com,2026:img> a/b\n',
      'line 1, column 8: the tag "tag:acme.com,2026:img" is none this tool reads',
    ],
  ])('%j: refused on its line', (text, start) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(
      `${start} (a config holds strings, numbers, booleans, lists and mappings): remove it`,
    );
  });

  it.each([
    'build:\n  args: {A: !!str 1, B: !!binary aGk=, C: !!int 3}\n',
    'image: ! a/b\n',
    'image: !<tag:yaml.org,2002:str> a/b\n',
  ])('%j: YAML own tags are read as before', (text) => {
    expect(() => parseYamlDocument(text, 'ml-image.yml')).not.toThrow();
  });
});
