// A result directory to be made on a read-only filesystem: Node's recursive mkdir says ENOENT
// there ("no such file", exit 2), so the directory is made alone to learn why: read-only, exit 3,
// with a fix that says so (not "free space").
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refuse = (code: string) => Object.assign(new Error(`${code}: mkdir`), { code });
  const mkdirSync = (dir: string, opts?: { recursive?: boolean }) => {
    if (!dir.includes('read-only-fs')) return fs.mkdirSync(dir, opts);
    throw refuse(opts?.recursive ? 'ENOENT' : 'EROFS');
  };
  return { ...fs, default: { ...fs, mkdirSync }, mkdirSync };
});

const { ensureResultDir } = await import('../../src/util/json-file.js');

const root = mkdtempSync(path.join(os.tmpdir(), 'ml-image-ro-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a result directory on a read-only filesystem', () => {
  it('is exit 3 naming the read-only filesystem, not "no such file"', () => {
    const dir = path.join(root, 'read-only-fs', 'out');
    let err: unknown;
    try {
      ensureResultDir(dir, '--out ro');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).message).toBe(`--out ro: cannot write ${dir}: read-only file system`);
    expect((err as EnvironmentError).fix).toMatch(/is mounted read-only: pass --out DIR on a writable one/);
  });
});
