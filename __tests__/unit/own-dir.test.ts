// The directories inside a result directory are the tool's own: a link planted there (a checked-out
// pull request's `ml-image-results/comment -> /somewhere`) is never written, read or removed through.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openResultDir } from '../../src/results/results.js';
import { ownFilePath, ownSubdir, refuseLinkUnder } from '../../src/util/own-dir.js';

let dir: string;
let outside: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-own-dir-'));
  outside = mkdtempSync(path.join(tmpdir(), 'ml-image-own-dir-outside-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const refused = (what: RegExp) =>
  expect.objectContaining({ exitCode: 2, message: expect.stringMatching(what), fix: expect.any(String) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('ownSubdir', () => {
  it.each([
    ['one level', 'attest'],
    ['two levels', 'devcontainer/cpu'],
    ['a dot and doubled slashes', './devcontainer//cpu'],
  ])('makes %s (%s) and returns it', (_n, rel) => {
    const made = ownSubdir(dir, rel, '--out x');
    expect(made).toBe(path.join(dir, rel));
    expect(readdirSync(made)).toEqual([]);
    expect(ownSubdir(dir, rel, '--out x')).toBe(made); // there already: taken as it is
  });

  it('nothing to make for a file at the top (its directory is the result directory)', () => {
    expect(ownFilePath(dir, 'build.json', '--out x')).toBe(path.join(dir, 'build.json'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['the first directory', 'comment', 'comment'],
    ['the second', 'devcontainer/cpu', 'devcontainer/cpu'],
    ['the first of two', 'devcontainer', 'devcontainer/cpu'],
  ])('a link at %s (%s) is bad input naming it and its target; nothing made beyond it', (_n, linked, rel) => {
    mkdirSync(path.dirname(path.join(dir, linked)), { recursive: true });
    symlinkSync(outside, path.join(dir, linked));
    const at = path.join(dir, linked);
    expect(() => ownSubdir(dir, rel, '--out x')).toThrow(
      refused(new RegExp(`^--out x: ${escape(at)} is a link \\(to ${escape(outside)}\\), not a directory`)),
    );
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a file in the way is bad input naming it', () => {
    writeFileSync(path.join(dir, 'attest'), 'x');
    expect(() => ownSubdir(dir, 'attest', '--out x')).toThrow(
      refused(/attest exists and is not a directory/),
    );
  });

  it('the result directory itself may be a link (the user chose it)', () => {
    const link = path.join(dir, 'results');
    symlinkSync(outside, link);
    expect(ownSubdir(link, 'attest', '--out results')).toBe(path.join(link, 'attest'));
    expect(readdirSync(outside)).toEqual(['attest']);
  });
});

describe("a result directory's writes", () => {
  it('an envelope is not written through a linked attest/ (the write is refused), nor taken from it', async () => {
    // An envelope file where the link points: neither read again nor removed.
    writeFileSync(path.join(outside, 'cpu-amd64.sbom.dsse.json'), '{"theirs": true}');
    // Put there after the directory was opened (openResultDir refuses one there already, below).
    const results = openResultDir(dir, '--out x');
    symlinkSync(outside, path.join(dir, 'attest'));
    expect(results.envelopeNames()).toEqual(new Set());
    expect(results.takeEnvelopes()).toEqual(new Map());
    const w = results.writeEnvelope('cpu', 'linux/amd64', 'smoke', Buffer.from('{}'));
    await expect(w?.written).rejects.toThrow(/attest is a link .*not a directory/);
    expect(readdirSync(outside)).toEqual(['cpu-amd64.sbom.dsse.json']);
    expect(readFileSync(path.join(outside, 'cpu-amd64.sbom.dsse.json'), 'utf8')).toBe('{"theirs": true}');
  });

  it('in its own attest/ an envelope is written, listed and taken (the check refuses only links)', async () => {
    const results = openResultDir(dir, '--out x');
    await results.writeEnvelope('cpu', 'linux/amd64', 'smoke', Buffer.from('{}'))?.written;
    const name = path.join('attest', 'cpu-amd64.smoke.dsse.json');
    expect(results.envelopeNames()).toEqual(new Set([name]));
    expect(results.takeEnvelopes()).toEqual(new Map([[name, Buffer.from('{}')]]));
    expect(existsSync(path.join(dir, name))).toBe(false);
  });
});

describe('refuseLinkUnder (the action: a result directory in the workspace)', () => {
  it.each([
    ['the directory itself', 'results', 'results', 'results'],
    ['a directory above it', 'out', 'out/results', 'out'],
    ['a directory whose name starts with two dots', '..results', '..results', '..results'],
  ])('a link at %s is bad input naming it', (_n, linked, rel, named) => {
    symlinkSync(outside, path.join(dir, linked));
    expect(() => refuseLinkUnder(dir, path.join(dir, rel), 'input "result-dir"')).toThrow(
      refused(
        new RegExp(`^input "result-dir": ${escape(path.join(dir, named))} is a link .*in the workspace`),
      ),
    );
  });

  it.each([
    ['not there yet', () => path.join(dir, 'a', 'b')],
    ['a real directory', () => (mkdirSync(path.join(dir, 'r')), path.join(dir, 'r'))],
    ['the workspace itself', () => dir],
    [
      'a link outside the workspace (the workflow chose it)',
      () => (symlinkSync(outside, `${outside}-l`), `${outside}-l`),
    ],
  ])('%s: taken', (_n, make) => {
    try {
      expect(() => refuseLinkUnder(dir, make(), 'input "result-dir"')).not.toThrow();
    } finally {
      rmSync(`${outside}-l`, { force: true });
    }
  });
});

describe('refuseLinkUnder: a workspace reached through a link (/home/runner/work -> /data)', () => {
  // OUTSIDE/data/ws is the workspace, OUTSIDE/work a link to OUTSIDE/data: GITHUB_WORKSPACE is its
  // path through the link, a result-dir may name the real one (or the reverse).
  let real: string;
  let linked: string;
  beforeEach(() => {
    real = path.join(outside, 'data', 'ws');
    mkdirSync(real, { recursive: true });
    symlinkSync(path.join(outside, 'data'), path.join(outside, 'work'));
    linked = path.join(outside, 'work', 'ws');
  });

  it.each([
    ['through the link, the result-dir by the real path', () => linked, () => real],
    ['by the real path, the result-dir through the link', () => real, () => linked],
  ])('the workspace %s: a linked result-dir is refused', (_n, base, spelled) => {
    symlinkSync(dir, path.join(real, 'ml-image-results'));
    const given = path.join(spelled(), 'ml-image-results');
    expect(() => refuseLinkUnder(base(), given, 'input "result-dir"')).toThrow(
      refused(new RegExp(`^input "result-dir": ${escape(given)} is a link .*in the workspace`)),
    );
  });

  it.each([
    ['the workspace', () => linked, () => linked],
    ['its real path', () => linked, () => real],
  ])('the link above the workspace is not refused: %s, a real result-dir under it', (_n, base, spelled) => {
    mkdirSync(path.join(real, 'ml-image-results'));
    expect(() => refuseLinkUnder(base(), path.join(spelled(), 'ml-image-results'), 'r')).not.toThrow();
    expect(() => refuseLinkUnder(base(), spelled(), 'r')).not.toThrow();
  });
});

describe('openResultDir refuses a linked directory of its own at once (before the run works)', () => {
  it.each(['digests', 'attest', 'comment', 'devcontainer'])('%s', (name) => {
    symlinkSync(outside, path.join(dir, name));
    expect(() => openResultDir(dir, '--out x')).toThrow(
      refused(new RegExp(`${escape(path.join(dir, name))} is a link`)),
    );
    // Only read (ml-image report --results DIR --out OUT, the post step): not refused; nothing is read through it.
    expect(() => openResultDir(dir, '--out x', { create: false })).not.toThrow();
  });
});
