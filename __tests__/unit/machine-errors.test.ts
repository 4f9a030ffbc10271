// A raw error of a full disk, a used-up quota or a read-only filesystem that no stage mapped (a
// build context copied to a full TMPDIR: "ENOSPC: no space left on device, copyfile A -> B") is
// the environment's (exit 3, naming the path and the fix), never "internal error ... please report
// it" (exit 1), on the CLI and in the action alike.
import { describe, expect, it } from 'vitest';
import { type ActionIo, fail } from '../../src/action/io.js';
import { describeError, EnvironmentError, exitCodeOf } from '../../src/errors.js';
import { ofMachine } from '../../src/util/json-file.js';

const raw = (code: string, message: string, more: Record<string, string>) =>
  Object.assign(new Error(message), { code, ...more });

describe('a raw out-of-room error', () => {
  it.each([
    [
      'ENOSPC',
      "ENOSPC: no space left on device, copyfile '/a/Dockerfile' -> '/tmp/x/Dockerfile'",
      { path: '/a/Dockerfile', dest: '/tmp/x/Dockerfile' },
      /^cannot write \/tmp\/x\/Dockerfile: no space left on device \(ENOSPC/,
      /^free space on that filesystem, or point the run elsewhere: .*TMPDIR/,
    ],
    [
      'EDQUOT',
      "EDQUOT: disk quota exceeded, write '/tmp/y'",
      { path: '/tmp/y' },
      /^cannot write \/tmp\/y: disk quota exceeded \(EDQUOT/,
      /^free space/,
    ],
    [
      'EROFS',
      "EROFS: read-only file system, mkdir '/ro/z'",
      { path: '/ro/z' },
      /^cannot write \/ro\/z: read-only file system \(EROFS/,
      /^write to a writable filesystem/,
    ],
    [
      'EFBIG',
      "EFBIG: file too large, write '/tmp/v'",
      { path: '/tmp/v' },
      /^cannot write \/tmp\/v: file too large \(EFBIG/,
      /^free space/,
    ],
  ])('%s: exit 3 naming the path', (code, message, more, said, fix) => {
    const err = ofMachine(raw(code, message, more));
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(err)).toBe(3);
    expect((err as EnvironmentError).message).toMatch(said);
    expect((err as EnvironmentError).fix).toMatch(fix);
    expect(describeError(err, false)).not.toMatch(/internal error|please report/);
  });

  it('anything else is left as it is', () => {
    const other = raw('ENOENT', 'ENOENT: no such file', { path: '/x' });
    expect(ofMachine(other)).toBe(other);
    expect(ofMachine('text')).toBe('text');
  });

  it('the action fails the step with exit 3 and the message, not a stack trace', () => {
    const seen: { failed?: string; code?: number } = {};
    const io = {
      setFailed: (m: string) => void (seen.failed = m),
      setExitCode: (c: number) => void (seen.code = c),
      error: () => undefined,
      cwd: '/',
    } as unknown as ActionIo;
    fail(io, raw('ENOSPC', 'ENOSPC: no space left on device, write', { path: '/tmp/w' }));
    expect(seen.code).toBe(3);
    expect(seen.failed).toMatch(/^cannot write \/tmp\/w: no space left on device/);
    // The action has no --out: its results go where the result-dir input says.
    expect(seen.failed).toMatch(/result-dir/);
  });
});
