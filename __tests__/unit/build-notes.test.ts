// buildx's cache import of a ref with no image yet prints `#4 ERROR: REF: not found`, which reads as
// the build failing (finding: a new user's first build): said once as the cache import it is.
import { describe, expect, it } from 'vitest';
import { cacheImportWatcher, noteOnce, sayOnce } from '../../src/build/notes.js';

const REF = 'localhost:5000/ml-image-examples/hello-ml:ml-image-build-cpu-amd64';

function watch(lines: string[]): string[] {
  const said: string[] = [];
  const w = cacheImportWatcher((l) => said.push(l));
  for (const l of lines) w(l);
  return said;
}

describe('cacheImportWatcher', () => {
  it.each([
    [
      'the docker driver: the push tag',
      [`#4 importing cache manifest from ${REF}`, `#4 ERROR: ${REF}: not found`],
      1,
    ],
    [
      "buildx's words before the ref",
      [
        `#5 importing cache manifest from ${REF}`,
        `#5 ERROR: failed to configure registry cache importer: ${REF}: not found`,
      ],
      1,
    ],
    [
      'each ref once',
      [
        `#4 importing cache manifest from ${REF}`,
        `#4 ERROR: ${REF}: not found`,
        `#9 ERROR: ${REF}: not found`,
      ],
      1,
    ],
    // Not a cache import's: a build step's own error, another ref, no import before it.
    [
      'a step that failed',
      [
        `#4 importing cache manifest from ${REF}`,
        '#8 ERROR: process "/bin/sh -c x" did not complete successfully: exit code: 1',
      ],
      0,
    ],
    [
      'another ref not found',
      [`#4 importing cache manifest from ${REF}`, '#6 ERROR: localhost:5000/other:tag: not found'],
      0,
    ],
    ['no import before it', [`#4 ERROR: ${REF}: not found`], 0],
  ])('%s', (_what, lines, count) => {
    const said = watch(lines);
    expect(said).toHaveLength(count);
    if (count)
      expect(said[0]).toBe(
        `no cache at ${REF} yet (its first build, or pruned): the "ERROR: ... not found" in its log is buildx's cache import, and the build goes on without it`,
      );
  });

  it('a long line is read in linear time, and no line over 2 KiB is read at all', () => {
    expect(
      watch([
        `#4 importing cache manifest from ${'a'.repeat(5000)}`,
        `#4 ERROR: ${'a'.repeat(5000)}: not found`,
      ]),
    ).toEqual([]);
    expect(watch([`#4 ERROR: ${': '.repeat(500)}x: not found`])).toEqual([]);
  });
});

describe('sayOnce and noteOnce', () => {
  it('each line once per stage', () => {
    const lines: string[] = [];
    const ctx = { notesShown: new Set<string>(), progress: (l: string) => lines.push(l) };
    sayOnce(ctx, 'a');
    sayOnce(ctx, 'a');
    noteOnce(ctx, 'b');
    noteOnce(ctx, 'b');
    expect(lines).toEqual(['a', 'note: b']);
  });
});
