// Property-based checks of the version logic (fast-check, fixed seeds): compareVersions, the dotted
// comparison of the plan and the build, is a total order; specAdmits, PEP 440 specifiers as
// packaging's Specifier.contains(prereleases=True) judges them, orders versions as PEP 440 does and
// agrees with the marker evaluator's own release comparison. Examples beside them: what fuzzing found
// (a wildcard pads the version's release, a local label in ==/!= counts, a 400-digit part). The
// diff's comparePip (PEP 440, dpkg's order for a text that is not) and compareDebian alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateMarker } from '../../src/requirements/markers.js';
import { parseMarkerText } from '../../src/requirements/pep508.js';
import { specAdmits } from '../../src/resolve/own-constraints.js';
import { compareVersions } from '../../src/util/versions.js';
import { compareDebian, comparePip } from '../../src/diff/versions.js';

const SEED = 440;

describe('compareVersions is a total order', () => {
  const part = fc.oneof(
    fc.nat({ max: 30 }).map(String),
    fc.constantFrom(
      '0',
      '00',
      '010',
      'x',
      '',
      'rc1',
      '1a',
      '-1',
      '+2',
      ' 3',
      '9'.repeat(400),
      '9'.repeat(17),
    ),
  );
  const dotted = fc
    .array(fc.tuple(part, fc.constantFrom('.', '.', '+')), { minLength: 1, maxLength: 5 })
    .map((ps) => ps.map(([p, sep], i) => (i === 0 ? p : `${sep}${p}`)).join(''));

  it('reflexive, antisymmetric, transitive, -1/0/1', () => {
    fc.assert(
      fc.property(dotted, dotted, dotted, (a, b, c) => {
        expect(compareVersions(a, a)).toBe(0);
        expect([-1, 0, 1]).toContain(compareVersions(a, b));
        expect(compareVersions(b, a)).toBe(-compareVersions(a, b) || 0);
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0)
          expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
        if (compareVersions(a, b) === 0) expect(compareVersions(a, c)).toBe(compareVersions(b, c));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it.each([
    // As floats, two 400-digit parts were Infinity - Infinity: NaN, neither less, equal nor more.
    ['a 400-digit part, twice', `${'9'.repeat(400)}.0`, `${'9'.repeat(400)}.0`, 0],
    ['two 400-digit parts, the last digit apart', `1.${'9'.repeat(400)}`, `1.${'9'.repeat(399)}8`, 1],
    // Past 2^53 a float holds neither: 9007199254740993 read as ...992.
    ['2^53 + 1 and 2^53', '9007199254740993', '9007199254740992', 1],
    ['2.10 and 2.9', '2.10', '2.9', 1],
    ['2.7 and 2.7.0', '2.7', '2.7.0', 0],
    ['1.x and 1.0', '1.x', '1.0', 0],
  ])('%s', (_label, a, b, sign) => {
    expect(compareVersions(a, b)).toBe(sign);
    expect(compareVersions(b, a)).toBe(-sign || 0);
  });
});

// PEP 440 versions: epoch, release (leading zeros, a "v"), pre-, post-, dev-release, in their
// spellings; a local label apart (not allowed in an ordered comparison's bound).
const release = fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 4 });
const spelled = (r: number[], zeros: boolean) =>
  r.map((n) => (zeros && n < 10 ? `0${n}` : String(n))).join('.');
const publicVersion = fc
  .record({
    v: fc.constantFrom('', '', 'v'),
    epoch: fc.constantFrom('', '', '', '1!'),
    release,
    zeros: fc.boolean(),
    pre: fc.constantFrom('', '', 'a1', 'b2', 'rc1', 'c1', '-alpha', '.preview.2'),
    post: fc.constantFrom('', '', '.post1', '-1', 'post0', '.rev2'),
    dev: fc.constantFrom('', '', '.dev0', 'dev3'),
  })
  .map((x) => ({
    text: `${x.v}${x.epoch}${spelled(x.release, x.zeros)}${x.pre}${x.post}${x.dev}`,
    epoch: x.epoch === '' ? 0 : 1,
    release: x.release,
  }));
const local = fc.constantFrom('', '', '+cpu', '+cu121', '+1.a', '+CPU');
const version = fc.tuple(publicVersion, local).map(([p, l]) => `${p.text}${l}`);

describe('specAdmits orders versions as PEP 440 does', () => {
  // PEP 440's order, each strictly before the next.
  const ORDER = ['1.0.dev0', '1.0a1', '1.0b1', '1.0rc1', '1.0', '1.0.post1', '1.1', '2.0', '1!0.1'];
  it.each(ORDER.flatMap((a, i) => ORDER.map((b, j) => [a, b, i, j] as const)))(
    '%s against %s',
    (a, b, i, j) => {
      expect(specAdmits(`>=${b}`, a)).toBe(i >= j);
      expect(specAdmits(`<=${b}`, a)).toBe(i <= j);
      expect(specAdmits(`==${b}`, a)).toBe(i === j);
    },
  );

  it.each<[string, string, boolean]>([
    ['==1.0.0', '1.0', true],
    ['==1.0', 'v1.0', true],
    ['==1.0', '01.00', true],
    ['==1.0', '1.0+local', true], // a bound without a label: the version's is left out
    ['<=1.0', '1.0+local', true],
    ['>1.0', '1.0+local', false], // packaging: no local version of the bound's own release
    ['>=1.0.post1', '1.0-1', true],
    ['==1.0a1', '1.0alpha1', true],
    ['==1.0rc1', '1.0c1', true],
    // What fuzzing found: the library let a bound's local label go, and padded no wildcard.
    ['==2.5.1+cpu', '2.5.1+cu121', false],
    ['!=2.5.1+cpu', '2.5.1+cu121', true],
    ['==2.5.1+cpu', '2.5.1+CPU', true],
    ['==2.5.1+cpu', '2.5.1', false],
    ['==2.0.*', '2', true],
    ['!=2.0.*', '2', false],
    ['==2.1.0.*', '2.1a1', true],
    ['==2.1.0.*', '2.1.post1', true],
    ['==1!2.0.*', '1!2', true],
    ['==2.0.*', '1!2.0', false],
    ['==2.1.*', '2.10', false],
  ])('%s admits %s: %s', (spec, v, expected) => {
    expect(specAdmits(spec, v)).toBe(expected);
  });

  it('>= is total, antisymmetric (== then) and transitive; <= its mirror', () => {
    fc.assert(
      fc.property(publicVersion, publicVersion, publicVersion, (x, y, z) => {
        const [a, b, c] = [x.text, y.text, z.text];
        const ge = (p: string, q: string) => specAdmits(`>=${q}`, p);
        expect(ge(a, b) || ge(b, a)).toBe(true);
        expect(ge(a, b) && ge(b, a)).toBe(specAdmits(`==${b}`, a));
        if (ge(a, b) && ge(b, c)) expect(ge(a, c)).toBe(true);
        expect(specAdmits(`<=${b}`, a)).toBe(ge(b, a));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('a version has the prefix of its own release, padded with zeros, and ==P.* is !=P.* negated', () => {
    fc.assert(
      fc.property(publicVersion, local, fc.integer({ min: 1, max: 6 }), release, (p, l, k, other) => {
        const v = `${p.text}${l}`;
        const own = Array.from({ length: k }, (_, i) => p.release[i] ?? 0).join('.');
        const epoch = p.epoch === 0 ? '' : `${p.epoch}!`;
        expect(specAdmits(`==${epoch}${own}.*`, v)).toBe(true);
        expect(specAdmits(`!=${epoch}${own}.*`, v)).toBe(false);
        const prefix = `${epoch}${other.join('.')}`;
        expect(specAdmits(`!=${prefix}.*`, v)).toBe(!specAdmits(`==${prefix}.*`, v));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('never throws, and answers true, false or undefined, on any specifier and version', () => {
    const clause = fc
      .tuple(
        fc.constantFrom('==', '!=', '<=', '>=', '<', '>', '~=', '===', '='),
        version,
        fc.constantFrom('', '.*'),
      )
      .map(([o, v, w]) => `${o}${v}${w}`);
    fc.assert(
      fc.property(fc.array(clause, { maxLength: 3 }), version, (cs, v) => {
        expect([true, false, undefined]).toContain(specAdmits(cs.join(','), v));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('a marker compares a release as specAdmits does', () => {
  // Two readings of one packaging rule: the marker evaluator's (releases only) and specAdmits'.
  const op = fc.constantFrom('==', '!=', '<=', '>=', '<', '>', '~=');
  const python = fc.array(fc.nat({ max: 13 }), { minLength: 3, maxLength: 3 }).map((r) => r.join('.'));
  it('python_full_version OP "X" against specAdmits("OPX", python)', () => {
    fc.assert(
      fc.property(op, release, fc.boolean(), python, (o, r, wildcard, full) => {
        const wild = wildcard && (o === '==' || o === '!=');
        const x = `${r.join('.')}${wild ? '.*' : ''}`;
        const env = { python_full_version: full };
        const marker = evaluateMarker(parseMarkerText(`python_full_version ${o} "${x}"`), env);
        const spec = o === '~=' && r.length < 2 ? undefined : specAdmits(`${o}${x}`, full);
        expect(marker).toBe(spec);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe("the diff's version order", () => {
  const ORDER = ['1.0.dev0', '1.0a1', '1.0b1', '1.0rc1', '1.0', '1.0.post1', '1.1', '2.0', '1!0.1'];
  const flip = (o: -1 | 0 | 1 | null) => (o === null ? null : -o || 0);

  it.each(ORDER.flatMap((a, i) => ORDER.map((b, j) => [a, b, i, j] as const)))('%s to %s', (a, b, i, j) => {
    expect(comparePip(a, b).order).toBe(Math.sign(j - i) || 0);
  });

  it.each<[string, string, -1 | 0 | 1 | null]>([
    ['1.0', '1.0.0', 0],
    ['v1.0', '1.0', 0],
    ['1.0', '1.0+cu121', null], // only the label: no direction
    ['1.0+cpu', '1.0+cu121', null],
    // Not PEP 440 and equal to dpkg: once "upgraded" both ways.
    ['+0', '+', null],
    ['+', '+0', null],
    ['x1.0', 'x1.00', null],
    ['x1.0', 'x1.1', 1],
  ])('%s to %s: %s', (a, b, order) => {
    expect(comparePip(a, b).order).toBe(order);
  });

  const piece = fc.constantFrom(
    '1',
    '0',
    '00',
    '2',
    '10',
    '.',
    '-',
    '+',
    ':',
    '~',
    'a',
    'rc',
    'post',
    'dev',
    'v',
    '!',
    'x',
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));

  it('comparePip: head against base is base against head reversed, on any texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(comparePip(b, a).order).toBe(flip(comparePip(a, b).order));
        expect(comparePip(a, a).order).toBe(0);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('comparePip: transitive on PEP 440 versions', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        const o = (x: string, y: string) => comparePip(x, y).order;
        expect(o(b, a)).toBe(flip(o(a, b)));
        if (o(a, b) === 1 && o(b, c) === 1) expect(o(a, c)).toBe(1);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('compareDebian: antisymmetric and transitive, on any texts', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        expect(Math.sign(compareDebian(b, a))).toBe(-Math.sign(compareDebian(a, b)) || 0);
        if (compareDebian(a, b) <= 0 && compareDebian(b, c) <= 0)
          expect(compareDebian(a, c)).toBeLessThanOrEqual(0);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  // dpkg --compare-versions, each strictly before the next.
  const DEB = ['1.0~rc1', '1.0', '1.0-1', '1.0-1ubuntu1', '1.0-2', '1.0a', '1.1', '1:0.9'];
  it.each(DEB.flatMap((a, i) => DEB.map((b, j) => [a, b, i, j] as const)))(
    'dpkg: %s against %s',
    (a, b, i, j) => {
      expect(Math.sign(compareDebian(a, b))).toBe(Math.sign(i - j));
    },
  );
});
