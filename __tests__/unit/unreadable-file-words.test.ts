// A file a user named that cannot be opened is refused (exit 2) saying why in words, with the code
// after it, and with a fix: `diff a.json nothere.json` once said "cannot read nothere.json: ENOENT"
// and no more.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { openErrorFix, openErrorText } from '../../src/util/read-regular.js';
import { captureIo } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-unreadable-'));
  writeFileSync(path.join(dir, 'a.json'), JSON.stringify(makeRecord()));
  mkdirSync(path.join(dir, 'sub'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const io = captureIo(dir);
  const code = await runCli(argv, io);
  return { code, err: io.err() };
}

describe('a named file that cannot be opened', () => {
  it('diff a.json nothere.json: "no such file", and a fix naming what writes a record', async () => {
    const r = await cli(['diff', 'a.json', 'nothere.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: diff: cannot read nothere.json: no such file (ENOENT)\n');
    expect(r.err).toMatch(/fix: check the path: .*"ml-image capture --out DIR".*env-<variant>-<arch>\.json/);
  });

  it('diff of a directory: "is a directory", with a fix', async () => {
    const r = await cli(['diff', 'sub', 'a.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/diff: sub is a directory, not a regular file\nfix: /);
  });

  it('sbom --record: the same words, with a fix', async () => {
    const s = await cli(['sbom', '--record', 'nothere.json']);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(
      /nothere\.json: cannot read the environment record: no such file \(ENOENT\)\nfix: check the path: /,
    );
  });

  it('the words and fix for each code: permission denied gets a permission fix', () => {
    expect(openErrorText('ENOENT')).toBe('no such file (ENOENT)');
    expect(openErrorText('EACCES')).toBe('permission denied (EACCES)');
    expect(openErrorText('EISDIR')).toBe('is a directory (EISDIR)');
    expect(openErrorText('EWHATEVER')).toBe('cannot be read (EWHATEVER)');
    expect(openErrorFix('EACCES', 'check the path')).toMatch(/^make it readable/);
    expect(openErrorFix('ENOENT', 'check the path')).toBe('check the path');
  });
});
