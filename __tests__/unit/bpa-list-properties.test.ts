// Property tests of the action's input parsing (docker/build-push-action's list inputs and the rest):
// any text gives the parsed inputs or an InputError naming the input, never a TypeError or a hang;
// a value of the secrets input is never quoted by an error; and parseBpaList reads a line break as
// csv-parse does (the first one outside quotes is the only one). The table's expected values are
// what actions-toolkit's Util.getInputList (csv-parse 7.0.3, relaxQuotes) returned for the same text.
import { mkdtempSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOptionsFromInputs } from '../../src/build/action-inputs.js';
import { addHostProblem } from '../../src/build/run-limits.js';
import { parseBpaList } from '../../src/config/bpa-list.js';
import { BUILD_INPUTS, CONFIG_INPUTS, overridesFromInputs } from '../../src/config/inputs.js';
import { InputError } from '../../src/errors.js';

const cwd = mkdtempSync(path.join(tmpdir(), 'bpa-props-'));
const INPUT_NAMES = [...CONFIG_INPUTS.map((c) => c.input), ...BUILD_INPUTS];
const SECRET = 'Zq9plantedSecret7x';

/** Pieces of real inputs (the tests' and BPA's docs) and of hostile text. */
const PIECES = [
  'a',
  'A=1',
  'b=',
  '=',
  '=x',
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '#',
  '\0',
  'é',
  '😀',
  'type=local,dest=out',
  'type=registry,ref=r/x',
  'type=gha,mode=max',
  'mode=max',
  'linux/arm64/v8',
  'linux/amd64,linux/arm64',
  `ghcr.io/O/x:1@sha256:${'a'.repeat(64)}`,
  'localhost:5000/x',
  '1g',
  '10GiB',
  '-1',
  'true',
  'nofile=1024:1024',
  '{variant}',
  '[',
  ']',
  'index,manifest[linux/amd64]:k=v',
  '__proto__',
  'constructor',
  '${{ env.X }}',
  'https://u:p@h/x',
  ':',
  '@',
  '/',
  '\\',
  'generator=img',
  'x'.repeat(100),
];
const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((a) => a.join(''));
const anyText = fc.oneof(piecesText, fc.string({ unit: 'binary', maxLength: 30 }));

/** What reading INPUTS throws, or undefined (both readers: the config overrides, the build options). */
function readError(map: Record<string, string>): unknown {
  const get = (n: string) => map[n] ?? '';
  try {
    overridesFromInputs(get);
    buildOptionsFromInputs(get, cwd);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('action inputs: any text is read or refused naming its input', () => {
  it('one input at a time: the options, or an InputError naming it (never a TypeError)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INPUT_NAMES), anyText, (name, raw) => {
        const e = readError({ [name]: raw });
        if (e === undefined) return;
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).message).toContain(`"${name}"`);
      }),
      { seed: 20261207, numRuns: 4000 },
    );
  });

  it('a value of the secrets input is in no error message and no warning', () => {
    const id = fc.constantFrom('A', 'npm_token', '', ' ', 'a.b', '..', '"A', '__proto__', 'Ab1', 'x y', '#A');
    const value = fc
      .array(fc.constantFrom(SECRET, 'x', '=', '"', '""', ',', ' ', '\n', '\r\n', '\r', '#', '\0', 'A='), {
        maxLength: 6,
      })
      .map((a) => a.join(''));
    const line = fc
      .tuple(
        fc.constantFrom('', '"', ' '),
        id,
        fc.constantFrom('=', '', '= ', '=='),
        value,
        fc.constantFrom('', '"', '"x', ','),
      )
      .map((p) => p.join(''));
    const secrets = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'))
      .map(([lines, eol]) => lines.join(eol));
    fc.assert(
      fc.property(secrets, fc.constantFrom('', 'secret-envs', 'secret-files', 'build-args'), (raw, other) => {
        const warnings: string[] = [];
        const get = (n: string) => (n === 'secrets' ? raw : n === other ? 'A=HOME' : '');
        let message = '';
        try {
          buildOptionsFromInputs(get, cwd, (m) => warnings.push(m));
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          message = `${(e as InputError).message} ${(e as InputError).fix ?? ''}`;
        }
        expect(message).not.toContain(SECRET);
        expect(warnings.join('\n')).not.toContain(SECRET);
      }),
      { seed: 20261208, numRuns: 3000 },
    );
  });

  it('a 100 kB value of any input is read, or refused with an InputError (backtracking would run into the timeout of the test)', () => {
    const unit = fc.array(
      fc.constantFrom(
        'a',
        'A=',
        '=',
        ',',
        '"',
        '\n',
        '\r',
        ' ',
        ':',
        '.',
        '1',
        '[',
        'type=',
        'k=v',
        '@',
        '://',
        '%2',
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...INPUT_NAMES),
        unit,
        fc.constantFrom('', '"', 'A=', 'type=sbom,'),
        (name, u, pre) => {
          const piece = u.join('');
          const raw = pre + piece.repeat(Math.ceil(100_000 / piece.length));
          const e = readError({ [name]: raw });
          if (e !== undefined) expect(e).toBeInstanceOf(InputError);
        },
      ),
      { seed: 20261209, numRuns: 120 },
    );
  });
});

describe('parseBpaList: line breaks as csv-parse reads them', () => {
  // [text, options, Util.getInputList's items (csv-parse 7.0.3)]. Before: every \r, \n and \r\n
  // outside quotes ended an item, and `outputs` (quote: false) split at \n only.
  it.each<[string, { ignoreComma: boolean; trim?: boolean; quote?: boolean }, string[]]>([
    ['A=1\r\nB=2\nC=3', { ignoreComma: true }, ['A=1', 'B=2\nC=3']],
    ['a\nb\rc', { ignoreComma: true }, ['a', 'b\rc']],
    ['t1\r\nt2,t3\nt4', { ignoreComma: false }, ['t1', 't2', 't3\nt4']],
    ['linux/amd64\rlinux/arm64', { ignoreComma: false }, ['linux/amd64', 'linux/arm64']],
    // A break inside quotes is no record delimiter: the first one outside is.
    ['"x\ry"\nz', { ignoreComma: true }, ['x\ry', 'z']],
    ['"A=1"\r\nB=2\nC', { ignoreComma: true }, ['A=1', 'B=2\nC']],
    // A quote after a \r that is no line break is a plain character (was: a quote never closed).
    ['=\n\r"', { ignoreComma: true }, ['=', '"']],
    ['A=1\nB="x\r\ny"\r\nC=3', { ignoreComma: true }, ['A=1', 'B="x', 'y"', 'C=3']],
    // secrets (trimWhitespace: false): the \r that is no line break stays in the value.
    ['\nFOO=bar\r', { ignoreComma: true, trim: false }, ['FOO=bar\r']],
    // outputs (quote: false): a lone \r is a line break when it is the first.
    ['a\rb', { ignoreComma: true, quote: false }, ['a', 'b']],
    [
      'type=local,dest=a\r\ntype=tar,dest=b\nc',
      { ignoreComma: true, quote: false },
      ['type=local,dest=a', 'type=tar,dest=b\nc'],
    ],
  ])('%j %j', (text, opts, items) => {
    expect(parseBpaList(text, { input: 'x', ...opts })).toEqual(items);
  });

  it('items quoted CSV-style and joined by one kind of line break read back as given', () => {
    const item = fc
      .array(fc.constantFrom('a', 'Z', '=', ',', '"', '#', ' x', '\n', '\r\n', '\r', 'é', '\t'), {
        minLength: 1,
        maxLength: 8,
      })
      .map((a) => a.join(''))
      .filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (items, eol) => {
          const text = items.map((s) => `"${s.replaceAll('"', '""')}"`).join(eol);
          expect(parseBpaList(text, { input: 'x', ignoreComma: true, trim: false })).toEqual(items);
        },
      ),
      { seed: 20261210, numRuns: 2000 },
    );
  });

  it('plain items read the same whichever one kind of line break joins them', () => {
    const item = fc.stringMatching(/^[A-Za-z0-9=:/._ -]{1,12}$/).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        (items, eol, ignoreComma) => {
          const read = parseBpaList(items.join(eol), { input: 'x', ignoreComma });
          expect(read).toEqual(items.map((s) => s.trim()));
        },
      ),
      { seed: 20261211, numRuns: 1000 },
    );
  });
});

/** docker/go-units parseSize (RAMInBytes, how buildx reads --shm-size): whether it takes TEXT. */
function goParseSizeOk(text: string): boolean {
  const at = text.indexOf(' ');
  let num = text;
  let sfx = '';
  if (at >= 0) [num, sfx] = [text.slice(0, at), text.slice(at + 1)];
  else {
    const sep = Math.max(...[...'0123456789.'].map((c) => text.lastIndexOf(c)));
    if (sep < 0) return false;
    [num, sfx] = [text.slice(0, sep + 1), text.slice(sep + 1)];
  }
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(num) || Number(num) < 0) return false;
  const s = sfx.toLowerCase();
  if (s === '') return true;
  if (s.length > 3) return false;
  if (s[0] === 'b') return s.length === 1;
  if (!'kmgtp'.includes(s[0]!)) return false;
  return s.length === 1 || (s.length === 2 && s[1] === 'b') || (s.length === 3 && s.slice(1) === 'ib');
}

/** docker/go-units ParseUlimit: whether it takes ITEM. */
function goParseUlimitOk(item: string): boolean {
  const eq = item.indexOf('=');
  if (eq < 0) return false;
  const name = item.slice(0, eq);
  if (
    ![
      'core',
      'cpu',
      'data',
      'fsize',
      'locks',
      'memlock',
      'msgqueue',
      'nice',
      'nofile',
      'nproc',
      'rss',
      'rtprio',
      'rttime',
      'sigpending',
      'stack',
    ].includes(name)
  )
    return false;
  const [softText = '', hardText] = ((v) => {
    const c = v.indexOf(':');
    return c < 0 ? [v, undefined] : [v.slice(0, c), v.slice(c + 1)];
  })(item.slice(eq + 1));
  const int = (t: string) =>
    /^[+-]?[0-9]+$/.test(t) && BigInt(t) < 2n ** 63n && BigInt(t) >= -(2n ** 63n) ? BigInt(t) : undefined;
  const soft = int(softText);
  const hard = hardText === undefined ? soft : int(hardText);
  if (soft === undefined || hard === undefined) return false;
  return hard === -1n || (soft !== -1n && soft <= hard);
}

describe('shm-size and ulimit: what is taken, buildx takes (docker/go-units)', () => {
  it('a shm-size taken is one RAMInBytes reads', () => {
    const text = fc
      .array(
        fc.constantFrom(
          '1',
          '0',
          '5',
          '.',
          ' ',
          '  ',
          '\t',
          'b',
          'B',
          'k',
          'M',
          'g',
          'i',
          'I',
          't',
          'p',
          'e',
          '-',
          'x',
        ),
        { minLength: 1, maxLength: 7 },
      )
      .map((a) => a.join('').trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(text, (s) => {
        const taken = (() => {
          try {
            return buildOptionsFromInputs((n) => (n === 'shm-size' ? s : ''), cwd).shmSize !== undefined;
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            expect((e as InputError).message).toContain('input "shm-size"');
            return false;
          }
        })();
        if (taken) expect(goParseSizeOk(s)).toBe(true);
      }),
      { seed: 20261212, numRuns: 3000 },
    );
  });

  it('a ulimit taken is one ParseUlimit reads', () => {
    const num = fc.oneof(
      fc.constantFrom(
        '-1',
        '0',
        '1024',
        '2048',
        '9223372036854775807',
        '9223372036854775808',
        '-9223372036854775808',
      ),
      fc.bigInt({ min: -3n, max: 5000n }).map(String),
    );
    const item = fc
      .tuple(fc.constantFrom('nofile', 'nproc', 'memlock', 'files', 'NOFILE', 'stack'), num, fc.option(num))
      .map(([n, s, h]) => `${n}=${s}${h === null ? '' : `:${h}`}`);
    fc.assert(
      fc.property(item, (u) => {
        let taken = true;
        try {
          buildOptionsFromInputs((n) => (n === 'ulimit' ? u : ''), cwd);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          taken = false;
        }
        expect(taken).toBe(goParseUlimitOk(u));
      }),
      { seed: 20261213, numRuns: 2000 },
    );
  });
});

describe('add-hosts: the IP as netip.ParseAddr reads it', () => {
  it("agrees with node's isIP on IPv4 and IPv6 text (which agrees with Go's on it)", () => {
    const ip = fc
      .array(
        fc.constantFrom(
          '1',
          '0',
          '255',
          '256',
          '01',
          'ff',
          'FFFF',
          '12345',
          'g',
          ':',
          '::',
          '.',
          '%eth0',
          '1.2.3.4',
        ),
        {
          minLength: 1,
          maxLength: 12,
        },
      )
      .map((a) => a.join(''))
      // One zone at the end: Go takes any text after the first %, node only [0-9a-zA-Z.:-].
      .filter((t) => !/%.*%|%eth0./.test(t));
    fc.assert(
      fc.property(ip, (text) => {
        const taken = addHostProblem(`pypi.internal=${text}`) === undefined;
        expect(taken).toBe(isIP(text) !== 0);
      }),
      { seed: 20261214, numRuns: 4000 },
    );
  });
});
