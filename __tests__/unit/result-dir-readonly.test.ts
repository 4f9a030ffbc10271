// A result directory to be made on a read-only filesystem: Node's recursive mkdir says ENOENT
// there ("no such file", exit 2), so the first missing directory is made alone to learn why:
// read-only, exit 3, with a fix that says so (not "free space").
import { describe, expect, it } from 'vitest';
import { EnvironmentError, exitCodeOf } from '../../src/errors.js';
import { mkdirCause, writeError } from '../../src/util/json-file.js';

const errno = (code: string) => Object.assign(new Error(`${code}: mkdir`), { code });

describe('a result directory on a read-only filesystem', () => {
  it("Node's ENOENT is asked again of the first missing directory: read-only, exit 3", () => {
    const made: string[] = [];
    const cause = mkdirCause(errno('ENOENT'), '/ro', '/ro/out/deeper', (dir) => {
      made.push(dir);
      throw errno('EROFS');
    });
    expect(made).toEqual(['/ro/out']);
    const err = writeError(cause, '/ro/out/deeper', '--out ro');
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(err)).toBe(3);
    expect(err.message).toBe('--out ro: cannot write /ro/out/deeper: read-only file system');
    expect((err as EnvironmentError).fix).toMatch(/is mounted read-only: pass --out DIR on a writable one/);
  });

  it('another failure, or a directory made after all, keeps the first error', () => {
    const other = errno('EACCES');
    expect(mkdirCause(other, '/x', '/x/out', () => undefined)).toBe(other);
    const missing = errno('ENOENT');
    expect(mkdirCause(missing, '/x', '/x/out', () => undefined)).toBe(missing);
  });
});
