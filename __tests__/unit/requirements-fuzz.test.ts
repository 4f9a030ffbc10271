// Property-based checks of the requirements reader (fast-check, fixed seeds): any text, made of the
// pieces requirement lines are made of, parses to lines or to errors naming their line, never to an
// exception; a file read at the door is refused only by an InputError naming it and the line; a
// marker written back parses to itself; no credential found is in the problem that quotes its line.
// Examples beside them: what fuzzing found (=== reads up to white space, as packaging's tokenizer;
// === on a name is no comparison pip can make; a byte-order mark inside a file is no blank to pip;
// a secret written twice, once where no rule looks, was shown there).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { literalCredentials } from '../../src/requirements/credentials.js';
import {
  commentCredentialProblems,
  literalCredentialProblem,
} from '../../src/requirements/credential-problems.js';
import { evaluateMarker, linuxMarkerEnvironment } from '../../src/requirements/markers.js';
import {
  lineMarker,
  logicalLines,
  parseRequirementsText,
  remoteIncludes,
  requirementNames,
} from '../../src/requirements/parse.js';
import { parseMarkerText, parsePep508, Syntax } from '../../src/requirements/pep508.js';
import { readRequirements } from '../../src/requirements/read.js';

const PIECES = [
  'numpy',
  'Foo_Bar.baz',
  'a',
  '[',
  ']',
  ',',
  'gpu',
  '>=',
  '==',
  '~=',
  '===',
  '!=',
  '<',
  '>',
  '1.0',
  '2',
  '.*',
  'a1',
  'rc1',
  '.post1',
  '.dev0',
  '+cu121',
  '1!',
  'v',
  ' ',
  '\t',
  ';',
  ' ; ',
  'python_version',
  'platform_machine',
  '"3.10"',
  "'x86_64'",
  ' and ',
  ' or ',
  ' not in ',
  ' in ',
  '(',
  ')',
  ' @ ',
  'https://u:p@h/x.whl',
  'git+https://h/r.git#egg=foo',
  '-r ',
  '-c ',
  '--index-url ',
  '--hash=sha256:',
  'ab',
  '-e ',
  '--',
  '=',
  '\\',
  '\n',
  '\r\n',
  '#',
  ' #c',
  '${X}',
  '${TOKEN}',
  '$X',
  'é',
  '\u00a0',
  '\u2028',
  '\r',
  '\x00',
  '"',
  "'",
  'file:',
  './x',
  '.whl',
  'extra',
  '-i',
  '-C k=v',
  '--pre',
  '-f ',
  '--no-binary ',
  ':all:',
  '?token=abc',
  'ghp_0123456789abcdefghij0123456789abcdef',
];
const piece = fc.constantFrom(...PIECES);
const line = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: fc.string() }), { maxLength: 6 })
  .map((l) => l.join('\n'));
const env = fc.dictionary(fc.constantFrom('X', 'TOKEN'), fc.oneof(line, fc.string()));
const amd64 = linuxMarkerEnvironment('linux/amd64', '3.12');

describe('parseRequirementsText on any text', () => {
  it('returns lines and errors, each on a line of the text, and never throws', () => {
    fc.assert(
      fc.property(text, env, (t, e) => {
        const physical = t.split(/\r?\n/).length;
        const r = parseRequirementsText(t, e);
        for (const l of [...r.lines, ...r.errors]) {
          expect(l.line).toBeGreaterThanOrEqual(1);
          expect(l.line).toBeLessThanOrEqual(physical);
        }
        for (const err of r.errors) expect(err.why).not.toBe('');
        // The lines' readers built on it: none throws either.
        expect(Array.isArray(requirementNames(t, amd64))).toBe(true);
        expect(Array.isArray(remoteIncludes(t))).toBe(true);
        for (const l of logicalLines(t)) {
          const tree = lineMarker(l.text);
          if (tree !== undefined) expect([true, false, undefined]).toContain(evaluateMarker(tree, amd64));
        }
      }),
      { seed: 4401, numRuns: 1500 },
    );
  });

  // A 100 kB line of one repeated piece: each once by hand parsed in milliseconds (no regex that
  // backtracks on it); here it must come back with one line, or none for blanks and a bare "\".
  it.each([
    'a',
    '(',
    'x;(',
    '1.',
    'x==1.',
    ' ',
    '\\',
    '[',
    'x @',
    '; ',
    '${X',
    '"',
    "-i 'a",
    'a-',
    'x>=1,',
    '===1,',
    'python_version == "3" and ',
    'https://a:b@',
    '.whl[]',
  ])('a 100 kB line of %j comes back', (unit) => {
    const long = unit.repeat(Math.ceil(100_000 / unit.length));
    const r = parseRequirementsText(long);
    expect(r.lines.length + r.errors.length).toBe(/^[ \\]+$/.test(unit) ? 0 : 1);
  });
});

/**
 * pip's preprocess, transcribed (req_file.py: join_lines, then ignore_comments), Python's white
 * space written out (its \s and strip() know no U+FEFF): the reference for logicalLines.
 */
function pipLogicalLines(text: string): [number, string][] {
  const ws =
    '[ \\t\\n\\v\\f\\r\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
  const commentRe = new RegExp(`(^|${ws}+)#.*$`);
  const strip = new RegExp(`^${ws}+|${ws}+$`, 'g');
  const joined: [number, string][] = [];
  let pending: string[] = [];
  let first = 0;
  const physical = text.split(/\r?\n/);
  physical.forEach((raw, i) => {
    if (i === physical.length - 1 && raw === '') return;
    const isComment = new RegExp(`^(${ws}+)?#`).test(raw);
    if (!raw.endsWith('\\') || isComment) {
      const l = isComment ? ` ${raw}` : raw;
      if (pending.length > 0) joined.push([first, [...pending, l].join('')]);
      else joined.push([i + 1, raw]);
      pending = [];
    } else {
      if (pending.length === 0) first = i + 1;
      pending.push(raw.replace(/^\\+|\\+$/g, ''));
    }
  });
  if (pending.length > 0) joined.push([first, pending.join('')]);
  return joined.flatMap(([n, l]) => {
    const t = l.replace(commentRe, '').replace(strip, '');
    return t === '' ? [] : [[n, t] as [number, string]];
  });
}

describe('logicalLines as pip builds them', () => {
  const blank = fc.constantFrom(
    'a',
    'b',
    ' ',
    '\t',
    '#',
    '\\',
    '\n',
    '\r\n',
    '\ufeff',
    '\u00a0',
    '\u3000',
    '\u200b',
    'x y',
    '-r',
  );
  it("the same lines, numbered alike, as pip's preprocess (Python's white space)", () => {
    fc.assert(
      fc.property(fc.array(blank, { maxLength: 14 }), (pieces) => {
        const t = pieces.join('');
        expect(logicalLines(t).map((l) => [l.line, l.text])).toEqual(pipLogicalLines(t));
      }),
      { seed: 4404, numRuns: 3000 },
    );
  });

  // A byte-order mark inside a file (files joined, the second one's mark kept) is no blank to pip.
  it.each<[string, string[], boolean]>([
    ['\ufeffnumpy', [], true],
    ['numpy\ufeff#x', [], true],
    ['\ufeff# a comment', [], true],
    ['numpy #\ufeff', ['numpy'], false],
    ['\u3000numpy\u3000#c', ['numpy'], false],
  ])('%j: names %j, refused %s', (t, names, refused) => {
    const r = parseRequirementsText(t);
    expect(r.lines.flatMap((l) => (l.kind === 'requirement' && l.name ? [l.name] : []))).toEqual(names);
    expect(r.errors.length > 0).toBe(refused);
    for (const e of r.errors) expect(e.why).toMatch(/U\+FEFF, an invisible byte-order mark/);
  });
});

describe('readRequirements on any file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  it('reads it, or refuses it with an InputError (exit 2) naming the file and a line', () => {
    fc.assert(
      fc.property(text, env, (t, e) => {
        const name = `r${n++}.txt`;
        writeFileSync(path.join(dir, name), t);
        const errors = parseRequirementsText(t).errors;
        try {
          readRequirements([name], dir, e);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          expect(err.exitCode).toBe(2);
          expect(err.message).toContain(name);
          return;
        }
        // A line invalid as written is invalid however ${NAME} is filled in: never read.
        expect(errors.filter((x) => !/\$\{/.test(x.text))).toEqual([]);
      }),
      { seed: 4402, numRuns: 400 },
    );
  });
});

describe('markers written back', () => {
  const variable = fc.constantFrom('python_version', 'platform_machine', 'os.name', 'extra', 'sys_platform');
  const value = fc.constantFrom('3.10', 'x86_64', 'linux', 'Foo_Bar', '3.*', '');
  const op = fc.constantFrom('==', '!=', '<=', '>=', '<', '>', '~=', '===', 'in', 'not in');
  const atom = fc
    .tuple(variable, op, value, fc.boolean(), fc.constantFrom('"', "'"))
    .map(([v, o, x, flip, q]) => (flip ? `${q}${x}${q} ${o} ${v}` : `${v} ${o} ${q}${x}${q}`));
  const marker: fc.Arbitrary<string> = fc.letrec<{ m: string }>((tie) => ({
    m: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc
        .tuple(tie('m'), fc.constantFrom(' and ', ' or ', 'and', ' or('), tie('m'))
        .map(([a, j, b]) =>
          j === ' or(' ? `${a} or (${b})` : j === 'and' ? `(${a})and(${b})` : `${a}${j}${b}`,
        ),
    ),
  })).m;

  it('parse, write back, parse: the same marker and the same value', () => {
    fc.assert(
      fc.property(marker, (m) => {
        const once = parsePep508(`pkg ; ${m}`).marker!;
        expect(parsePep508(`pkg ; ${once}`).marker).toBe(once);
        expect(evaluateMarker(parseMarkerText(once), amd64)).toBe(evaluateMarker(parseMarkerText(m), amd64));
      }),
      { seed: 4403, numRuns: 1000 },
    );
  });
});

describe('a version specifier as packaging reads it', () => {
  it.each([
    ['a===1.0', true],
    ['a===1,>=2', true],
    ['a===1,,>=2', true],
    ['a===1,>=2 ,<3', true],
    ['a===1, ;python_version>"3"', true],
    ['a (===1,>=2)', true],
    ['a===1, >=2', false], // packaging: "===1," then text it refuses
    ['a=== x,== 1', false],
    ['a===1,=2', false], // packaging: InvalidSpecifier '=2'
    ['a===1,>=2.*', false],
    ['a===', false],
    // Between operator and version packaging takes any Unicode blank (Python's \s), no U+FEFF.
    ['a>=\u30001', true],
    ['a== \u00a01.0', true],
    ['a===\u00a0x', true],
    ['a>=\ufeff1', false],
  ])('%s: accepted %s', (req, ok) => {
    const parse = () => parsePep508(req);
    if (ok) expect(parse).not.toThrow();
    else expect(parse).toThrow(Syntax);
  });

  it('says why a clause after "===V," is refused', () => {
    expect(() => parsePep508('a=== x,== 1')).toThrow(/after "===", pip reads up to the next space as one/);
  });
});

describe('=== in a marker compares versions only', () => {
  it.each<[string, boolean | undefined]>([
    ['python_version === "3.12"', true],
    ['python_version === "3.12.0"', false],
    ['"3.12" === python_version', true],
    ['python_version === "3.11"', false],
    // No version on the left: packaging raises (InvalidVersion; UndefinedComparison in 26).
    ['sys_platform === "linux"', undefined],
    ['os_name === "posix"', undefined],
  ])('%s -> %s', (marker, expected) => {
    expect(evaluateMarker(parseMarkerText(marker), amd64)).toBe(expected);
  });
});

describe('a credential found is never in the problem quoting its line', () => {
  const part = fc.constantFrom(
    'https://',
    'git+https://',
    'user',
    ':',
    '@',
    'S3cr3tPw9xx',
    'h.example',
    '/simple',
    '?',
    '&',
    'token=',
    'sig=',
    '#',
    ' ',
    '-i ',
    '--extra-index-url ',
    '"',
    '%40',
    'ghp_S3cr3t0123456789abcdefghijABCDEFGHIJ',
    'hf_S3cr3tabcdefghijklmnopqrstuvwxyzAB',
    '${X}',
    '$X',
    'pkg @ ',
    'https://conda.anaconda.org/t/S3cr3tTok00/',
    '/',
    'x',
  );
  it('as written or in a comment, each value found (8 characters or more) is masked everywhere', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 16 }), fc.boolean(), (parts, comment) => {
        const text = `${comment ? '# ' : ''}${parts.join('')}`;
        const problem = comment
          ? commentCredentialProblems('f', text)[0]?.problem
          : literalCredentialProblem('f:1', text)?.problem;
        if (problem === undefined) return;
        for (const c of literalCredentials(text, !comment)) {
          const value = text.slice(c.start, c.end);
          if (value.length >= 8) expect(problem).not.toContain(value);
        }
      }),
      { seed: 4405, numRuns: 3000 },
    );
  });

  it.each([
    'pkg @ https://h/x.whl?sig=abcdefgh12345678 abcdefgh12345678',
    'https://h/abcdefgh12345678/x.whl?sig=abcdefgh12345678',
    'ghp_S3cr3t0123456789abcdefghijABCDEFGHIJhttps://h/?sig=ghp_S3cr3t0123456789abcdefghijABCDEFGHIJ',
  ])('a secret written twice is masked both times: %s', (line) => {
    const problem = literalCredentialProblem('f:1', line)!.problem;
    expect(problem).not.toMatch(/abcdefgh12345678|S3cr3t/);
  });

  it('a line of more than 64 distinct secrets is masked from its first on', () => {
    const line = Array.from({ length: 70 }, (_, i) => `https://h/?sig=v${String(i).padStart(12, '0')}`).join(
      ' ',
    );
    expect(literalCredentialProblem('f:1', line)!.problem).toMatch(/^f:1: "https:\/\/h\/\?sig=\*\*\*": /);
  });
});
