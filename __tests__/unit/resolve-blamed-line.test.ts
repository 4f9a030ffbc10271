// The line a pip failure is blamed on (blamed-line.ts): of several lines of one project (one per
// platform, by marker), the one whose specifiers pip printed, not the first.
import { describe, expect, it } from 'vitest';
import { lineNaming, specifierClauses } from '../../src/resolve/blamed-line.js';
import { type FailureContext, pipFailureError } from '../../src/resolve/failure.js';

const lines = [
  'armpkg==0.9',
  'numpy==9.0 ; platform_machine=="aarch64"',
  'numpy (>=8.0, <8.1) ; platform_machine=="x86_64"',
  'Foo_Bar[x]>=2 --hash=sha256:00',
  'foo.bar<1',
];
const origins = lines.map((_, i) => `/w/r.txt:${i + 1}`);
const ctx: FailureContext = {
  image: 'base:1',
  origins,
  lines,
  requirements: [
    { name: 'armpkg', editable: false, origin: origins[0]! },
    { name: 'numpy', editable: false, origin: origins[1]! },
    { name: 'numpy', editable: false, origin: origins[2]! },
    { name: 'foo-bar', editable: false, origin: origins[3]! },
    { name: 'foo-bar', editable: false, origin: origins[4]! },
  ],
  indexes: { indexUrl: 'http://127.0.0.1:5077/simple', extraIndexUrls: [] },
};

describe('specifierClauses', () => {
  it.each<[string, string]>([
    ['numpy==8.0', '==8.0'],
    ['numpy (>=8.0, <8.1) ; platform_machine=="x86_64"', '<8.1,>=8.0'],
    ['numpy<8.1,>=8.0', '<8.1,>=8.0'],
    ['Foo_Bar[x]>=2', '>=2'],
    ['tqdm', ''],
    ['foo @ https://x/foo-1.0.whl', ''],
  ])('%s', (requirement, want) => {
    expect(specifierClauses(requirement)).toBe(want);
  });
});

describe('lineNaming: the line pip names', () => {
  it.each<[string, string | undefined]>([
    ['armpkg==0.9', '/w/r.txt:1'],
    // pip prints the specifiers sorted, without the marker: the x86_64 line, not the first numpy line
    ['numpy<8.1,>=8.0', '/w/r.txt:3'],
    ['numpy==9.0', '/w/r.txt:2'],
    ['foo-bar<1', '/w/r.txt:5'],
    ['Foo_Bar[x]>=2', '/w/r.txt:4'],
    // none matches: the first line of the project, as before
    ['numpy>=99', '/w/r.txt:2'],
    ['scipy', undefined],
  ])('%s', (requirement, want) => {
    expect(lineNaming(ctx, requirement)?.origin).toBe(want);
  });

  it('without the lines: the first line of the project', () => {
    const { lines: _, ...noLines } = ctx;
    expect(lineNaming(noLines, 'numpy<8.1,>=8.0')?.origin).toBe('/w/r.txt:2');
  });

  it('a release pip cannot find on amd64 is blamed on the x86_64 line, not the aarch64 one', () => {
    const out = `ERROR: Could not find a version that satisfies the requirement numpy<8.1,>=8.0 (from versions: 1.26.4, 2.2.6, 2.3.1)
ERROR: No matching distribution found for numpy<8.1,>=8.0
`;
    const e = pipFailureError(out, ctx);
    expect(e?.message).toMatch(/^\/w\/r\.txt:3: no release of "numpy<8\.1,>=8\.0" found/);
  });
});
