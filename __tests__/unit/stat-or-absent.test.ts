// statOrAbsent: ENOENT is "nothing there", every other failure is thrown, the same on Node 20 and
// Node 24 (whose `throwIfNoEntry: false` also answers undefined for ENOTDIR).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statOrAbsent, statPath } from '../../src/util/read-regular.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-stat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'afile'), 'x');
mkdirSync(path.join(dir, 'adir'));
symlinkSync(path.join(dir, 'missing'), path.join(dir, 'dangling'));
symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop'));

describe('statOrAbsent', () => {
  it.each([
    ['a file', 'afile', false, 'file'],
    ['a directory', 'adir', false, 'directory'],
    ['nothing there', 'nothing', false, undefined],
    ['nothing under a directory', 'adir/nothing', false, undefined],
    ['a dangling link, followed', 'dangling', false, undefined],
    ['a dangling link, itself', 'dangling', true, 'link'],
  ] as const)('%s: %s', (_what, rel, link, kind) => {
    const st = statOrAbsent(path.join(dir, rel), link);
    const got =
      st === undefined ? undefined : st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'directory' : 'file';
    expect(got).toBe(kind);
  });

  it.each([
    ['a file where a directory should be', 'afile/x', false, 'ENOTDIR'],
    ['the same, not followed', 'afile/x', true, 'ENOTDIR'],
    ['a link loop', 'loop', false, 'ELOOP'],
    ['a name too long', 'n'.repeat(300), false, 'ENAMETOOLONG'],
  ] as const)('%s (%s) is thrown, not "nothing there"', (_what, rel, link, code) => {
    expect(() => statOrAbsent(path.join(dir, rel), link)).toThrow(expect.objectContaining({ code }));
  });

  it('statPath says why for ENOTDIR on every Node (not "nothing there")', () => {
    expect(statPath(path.join(dir, 'afile/x'))).toBe('a path component is not a directory (ENOTDIR)');
    expect(statPath(path.join(dir, 'nothing'))).toBeUndefined();
  });
});
