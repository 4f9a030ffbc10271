// onPath: a program is on PATH when a directory of PATH holds an executable file of that name.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onPath } from '../../src/util/on-path.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-on-path-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('onPath', () => {
  it.each([
    ['an executable file', (p: string) => (writeFileSync(p, '#!/bin/sh\n'), chmodSync(p, 0o755)), true],
    ['a file that is not executable', (p: string) => (writeFileSync(p, ''), chmodSync(p, 0o644)), false],
    ['a directory of that name', (p: string) => mkdirSync(p), false],
    ['nothing', () => undefined, false],
  ])('%s in a directory of PATH: %s', (_what, make, found) => {
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    make(path.join(bin, 'cosign'));
    expect(onPath('cosign', { PATH: ['', path.join(dir, 'none'), bin].join(path.delimiter) })).toBe(found);
  });

  it('no PATH: not found', () => {
    expect(onPath('cosign', {})).toBe(false);
  });
});
