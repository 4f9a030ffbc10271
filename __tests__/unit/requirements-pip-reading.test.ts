// A requirements file read as pip reads it (each row checked against pip 23.2.1's req_file.py and
// Python 3.11's shlex, and pip 23.0.1 in the test image): its options part shlex-split, quotes and
// backslashes removed, before a credential is judged and before a line is shown; optparse's
// leftover words and per-requirement options on an option line ignored, as pip ignores them;
// --pypi-url as --index-url; the file's bytes decoded by byte-order mark or coding: comment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { jsonError } from '../../src/cli/main.js';
import { quotedLine } from '../../src/requirements/credential-problems.js';
import { decodeRequirements } from '../../src/requirements/decode.js';
import { shlexSplit } from '../../src/requirements/options.js';
import { parseLine, parseRequirementsText } from '../../src/requirements/parse.js';
import { readRequirements } from '../../src/requirements/read.js';
import { inputErrorOf } from '../helpers/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-pip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => path.join(dir, 'requirements.txt');
const write = (data: string | Buffer) => writeFileSync(file(), data);
const read = (env: Record<string, string> = {}) =>
  readRequirements(['requirements.txt'], dir, env, { expandable: Object.keys(env) });
/** Everything an error shows: its message, its fix, its problems and the --json form. */
const shown = (e: unknown) =>
  [(e as Error).message, (e as { fix?: string }).fix ?? '', ...((e as ConfigError).problems ?? [])]
    .concat(JSON.stringify(jsonError(e)))
    .join('\n');

// Python 3.11: shlex.split(line), each row printed there.
describe('shlexSplit is Python shlex.split (POSIX), as pip splits the options part', () => {
  it.each<[string, string[] | undefined]>([
    ['-i "https"://alice:p4ssw0rdXY@host/simple', ['-i', 'https://alice:p4ssw0rdXY@host/simple']],
    ['-i https://alice:p4ss"w0rdXY"@host/simple', ['-i', 'https://alice:p4ssw0rdXY@host/simple']],
    [
      '--extra-index-url https:/\\/alice:p4ssw0rdXY@host/simple',
      ['--extra-index-url', 'https://alice:p4ssw0rdXY@host/simple'],
    ],
    ['-i "a\\"b\\\\c\\d"', ['-i', 'a"b\\c\\d']],
    ["-i 'a\\b\"c'", ['-i', 'a\\b"c']],
    ['--hash="" x', ['--hash=', 'x']],
    ['a\u00a0b\tc', ['a\u00a0b', 'c']],
    ['-i "x y"z', ['-i', 'x yz']],
    ['--pre \\ foo', ['--pre', ' foo']],
    ['-i "x', undefined],
    ['-i x\\', undefined],
  ])('%s', (line, words) => {
    expect(shlexSplit(line)).toEqual(words);
  });
});

const SECRET = 'p4ssw0rdXY';

describe('a credential pip reads once quotes and backslashes are removed is refused (exit 2)', () => {
  it.each([
    `-i "https"://alice:${SECRET}@host/simple`,
    `-i https://alice:p4ss"w0rdXY"@host/simple`,
    `--extra-index-url https:/\\/alice:${SECRET}@host/simple`,
    `--index-url='https://alice:${SECRET}@host/simple'`,
    `-f "https://host/wheels?token=${SECRET}"`,
    `-e "git+https://ghp_${'a'.repeat(36)}"@github.com/org/pkg.git#egg=pkg`,
    `--pypi-url "https"://alice:${SECRET}@host/simple`,
    `--pre "https"://alice:${SECRET}@host/simple`, // a word pip ignores, in the file all the same
    // Quotes only at the word's edges, a space inside: pip's password is "p4ss w0rdXY".
    `--extra-index-url "https://alice:p4ss w0rdXY@host/simple"`,
    `-i 'https://alice:p4ss\tw0rdXY@host/simple'`,
  ])('%s', (line) => {
    write(`numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    const problems = (e as ConfigError).problems;
    expect(
      problems.some((p) => p.startsWith(`${file()}:2: "`) && p.includes('a credential written in the line')),
    ).toBe(true);
    expect(shown(e)).not.toContain(SECRET);
    expect(shown(e)).not.toContain('w0rdXY');
    expect(shown(e)).not.toContain('a'.repeat(20));
  });

  it.each([
    '-i "https://${PIP_USER}:${PIP_PASS}@host/simple"',
    '-i https://alice:"${PIP_PASS}"@host/simple',
    "--extra-index-url 'https://${PIP_TOKEN}@host/simple'",
    '--extra-index-url https:/\\/alice:${PIP_PASS}@host/simple',
    '-i "https://host/simple" --pre',
    "--only-binary ':all:'",
    'pkg @ https://host/p.whl --config-settings="--build-option=--x"',
  ])('kept: %s', (line) => {
    write(`${line}\n`);
    const env = { PIP_USER: 'u', PIP_PASS: SECRET, PIP_TOKEN: SECRET };
    expect(read(env).text).toBe(line);
  });

  it('a line shown for another problem hides what pip reads as a password, quoted, however short', () => {
    for (const line of [
      '--frobnicate -i "https"://alice:Zq9x@host/simple',
      '--frobnicate -i https://alice:Z"q9"x@host/simple',
      `--frobnicate -i "https://alice:${SECRET}@host/simple`, // pip cannot split it
    ]) {
      const q = quotedLine(line);
      expect(q).not.toMatch(/Zq9x|q9|w0rdXY/);
      expect(q).toContain('alice');
    }
  });
});

describe('lines pip accepts are kept, as pip reads them', () => {
  const HEX = 'a'.repeat(64);
  it.each<[string, object]>([
    ['--pre foo', { kind: 'option', options: [{ option: 'pre' }] }], // pip ignores "foo"
    ['--no-index foo', { kind: 'option', options: [{ option: 'no-index' }] }],
    [`--hash=sha256:${HEX}`, { kind: 'option', options: [] }], // pip warns and ignores it
    ['-C k=v', { kind: 'option', options: [] }],
    ['foo -C k=v', { kind: 'requirement', name: 'foo' }],
    [`foo --hash=sha256:${HEX} bar`, { kind: 'requirement', name: 'foo' }],
    [
      '--pypi-url https://h/simple',
      { kind: 'option', options: [{ option: 'index-url', value: 'https://h/simple' }] },
    ],
    [
      '--pypi https://h/simple',
      { kind: 'option', options: [{ option: 'index-url', value: 'https://h/simple' }] },
    ],
    ['-i "https://h/a b"', { kind: 'option', options: [{ option: 'index-url', value: 'https://h/a b' }] }],
  ])('%s', (line, expected) => {
    expect(parseLine(line)).toMatchObject(expected);
  });

  it.each<[string, RegExp]>([
    ['--hash=md5:abc', /allowed hash algorithms/], // pip: "Allowed hash algorithms for --hash are ..."
    ['--p https://h/simple', /ambiguous option --p \(--pre, --prefer-binary, --pypi-url\)/],
    ['-i "https://h/simple', /unbalanced quotes/],
  ])('refused as pip refuses it: %s', (line, why) => {
    const r = parseRequirementsText(`${line}\n`);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.why).toMatch(why);
  });

  // pip 26.2 takes --only-final, --all-releases (26.0) and --no-require-hashes (26.2), and finds
  // --only ambiguous; pip 24.2 (Ubuntu 24.04's is 24.0) says "no such option" to the three.
  // --global-option: gone in pip 25.3 (pip 24.2 builds everything from source with it);
  // --install-option: gone in 23.1.
  it.each<[string, RegExp]>([
    ['--only-final :all:', /--only-final is an option of pip 26\.0 and later: .* may be older/],
    ['--only-final=:all:', /--only-final is an option of pip 26\.0 and later/],
    ['--only-f :all:', /--only-final is an option of pip 26\.0 and later/],
    ['--all-releases foo', /--all-releases is an option of pip 26\.0 and later.*use --pre/],
    ['--no-require-hashes', /--no-require-hashes is an option of pip 26\.2 and later.*drop the --hash/],
    ['--only :all:', /^ambiguous option --only \(--only-binary, --only-final\)$/],
    [
      'foo --global-option="--no-user-cfg"',
      /--global-option was removed in pip 25\.3 .*-C\/--config-settings/,
    ],
    ['--global-option=x', /--global-option was removed in pip 25\.3/],
    ['foo --install-option=x', /--install-option was removed in pip 23\.1/],
  ])('refused with the pip that takes it: %s', (line, why) => {
    const r = parseRequirementsText(`${line}\n`);
    expect(r.lines).toEqual([]);
    expect(r.errors.map((e) => e.why)).toEqual([expect.stringMatching(why)]);
    expect(r.errors[0]!.why).not.toMatch(/^no such option/);
  });

  it.each<[string, object]>([
    ['--only-binary :all:', { kind: 'option', options: [{ option: 'only-binary', value: ':all:' }] }],
    ['--only-b :all:', { kind: 'option', options: [{ option: 'only-binary', value: ':all:' }] }],
    ['--require-hashes', { kind: 'option', options: [{ option: 'require-hashes' }] }],
    ['--pre', { kind: 'option', options: [{ option: 'pre' }] }],
  ])('still read as before: %s', (line, expected) => {
    expect(parseLine(line)).toEqual(expected);
  });

  // packaging's parser recurses: past about 400 levels pip fails (RecursionError); this one
  // overflowed the stack near 5,000 ("internal error", exit 1).
  it.each([
    [100, true],
    [101, false],
    [5000, false],
  ])('a marker %i parentheses deep is read: %s (else exit 2 naming its line)', (n, ok) => {
    write(`numpy\nfoo; ${'('.repeat(n)}os_name == "x"${')'.repeat(n)}\n`);
    if (ok) {
      expect(read().requirements.map((q) => q.name)).toEqual(['numpy', 'foo']);
      return;
    }
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    expect((e as ConfigError).problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file()}:2: invalid requirement .*more than 100 nested parentheses in the marker at position 106`,
        ),
      ),
    ]);
  });

  it('--pypi-url is the index pip uses', () => {
    write('--pypi-url https://h.example/simple\nnumpy\n');
    expect(read().indexes.indexUrl).toBe('https://h.example/simple');
  });
});

const TQDM = 'tqdm==4.66.0\r\n';
const bytes = (...parts: (number[] | Buffer)[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const utf32be = (s: string) => {
  const out = Buffer.alloc(s.length * 4);
  [...s].forEach((c, i) => out.writeUInt32BE(c.codePointAt(0)!, i * 4));
  return out;
};

// pip's auto_decode (utils/encoding.py): its BOMS list in its order, then a coding: line among the
// first two, then the locale's encoding (UTF-8). Each row checked with pip's parse_requirements.
describe('a requirements file is decoded as pip decodes it', () => {
  it.each<[string, Buffer]>([
    // PowerShell 5's `pip freeze > requirements.txt`; Python's 'tqdm==4.66.0\r\n'.encode('utf-16').
    ['UTF-16 LE with its mark', bytes([0xff, 0xfe], Buffer.from(TQDM, 'utf16le'))],
    ['UTF-16 BE with its mark', bytes([0xfe, 0xff], utf16be(TQDM))],
    ['UTF-8 with its mark', bytes([0xef, 0xbb, 0xbf], Buffer.from(TQDM))],
    ['UTF-32 BE with its mark', bytes([0, 0, 0xfe, 0xff], utf32be(TQDM))],
    ['FF FE then FE FF (pip: big-endian UTF-16)', bytes([0xff, 0xfe, 0xfe, 0xff], utf16be(TQDM))],
    ['a coding: latin-1 line', Buffer.from(`# -*- coding: latin-1 -*-\n${TQDM}# caf\xe9\n`, 'latin1')],
    ['a coding=utf8 line second', Buffer.from(`#!x\n#  vim: set fileencoding=utf8 :\n${TQDM}# café\n`)],
  ])('%s', (_name, data) => {
    write(data);
    const r = read();
    expect(r.text.split('\n').filter((l) => !l.startsWith('#'))).toEqual(['tqdm==4.66.0']);
    expect(r.requirements.map((q) => q.name)).toEqual(['tqdm']);
  });

  it.each<[string, Buffer, RegExp]>([
    [
      'UTF-32 LE (pip reads FF FE as UTF-16)',
      bytes([0xff, 0xfe, 0, 0], Buffer.from('tqdm\n', 'utf16le')),
      /is UTF-32 LE/,
    ],
    ['UTF-16 of odd length', bytes([0xff, 0xfe], Buffer.from('tqdm', 'utf16le'), [0x0a]), /not valid UTF-16/],
    [
      'bytes not UTF-8',
      bytes(Buffer.from('numpy\nscip'), [0xff], Buffer.from('y\n')),
      /is not valid UTF-8: byte 0xFF at offset 10/,
    ],
    [
      'non-ASCII under coding: ascii',
      Buffer.from('# coding: ascii\n# caf\xe9\nnumpy\n', 'latin1'),
      /not valid ASCII.*byte 0xE9 at offset 21/,
    ],
    [
      'an encoding not read here',
      Buffer.from('# coding: cp1252\nnumpy\n'),
      /declares its encoding "cp1252" on line 1/,
    ],
  ])('refused: %s', (_name, data, why) => {
    write(data);
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(file());
    expect(e.message).toMatch(why);
    expect(e.fix).toMatch(/save the file as UTF-8/);
  });

  it('a NUL in a UTF-8 file is still refused on its line', () => {
    write('numpy\ntqdm==4.66.0\x00\n');
    const e = inputErrorOf(read);
    expect((e as ConfigError).problems).toEqual([
      expect.stringMatching(/:2: .*holds the control character U\+0000/),
    ]);
  });

  // Python 3.11's codecs.lookup(name): utf-8, iso8859-1 or ascii, else LookupError (or another codec).
  it.each<[string, boolean]>([
    ['UTF-8', true],
    ['Latin1', true],
    ['ISO-8859-1', true],
    ['iso-8859-1-1987', true],
    ['US-ASCII', true],
    ['ANSI_X3.4-1968', true],
    ['utf--8', true],
    ['utf-8.', false], // LookupError
    ['https', false], // LookupError
    ['shift_jis', false], // a codec not read here
  ])('coding: %s is read as Python looks it up: %s', (name, read) => {
    const r = decodeRequirements(Buffer.from(`# coding: ${name}\nnumpy\n`));
    expect('text' in r).toBe(read);
  });
});
