// The one file digest the build (build.json's materials) and the attest stage (an older build.json:
// the files now) name the files by: the digest of the bytes, nothing for a file that cannot be read.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileDigest, sha256 } from '../../src/util/file-digest.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-file-digest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%j -> %s', (text, hex) => {
    expect(sha256(text)).toBe(hex);
    expect(sha256(Buffer.from(text))).toBe(hex);
  });
});

describe('fileDigest', () => {
  const cases: [string, (f: string) => void, boolean][] = [
    ['a file: its bytes', (f) => writeFileSync(f, Buffer.from([0xff, 0x00, 0x0a])), true],
    ['an empty file', (f) => writeFileSync(f, ''), true],
    ['no file', () => undefined, false],
    ['a directory', (f) => mkdirSync(f), false],
  ];
  it.each(cases)('%s', (_name, make, digested) => {
    const file = path.join(dir, 'requirements.txt');
    make(file);
    const got = fileDigest(file, 'shown/name.txt');
    if (!digested) return expect(got).toBeUndefined();
    const want = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(got).toEqual({ path: 'shown/name.txt', sha256: want });
  });
});
