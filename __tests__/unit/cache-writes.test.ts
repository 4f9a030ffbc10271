// Writes into the persistent cache directory that fail part way leave nothing half-done behind:
// the resolution snapshot cache removes its temp file; a directory baseline whose copy fails
// keeps the last baseline whole (and no temp copy).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dirBaselineStore } from '../../src/report/baseline.js';
import { fileSnapshotCache } from '../../src/resolve/snapshot-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-cache-writes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cache writes that fail', () => {
  it('the snapshot cache: a write that cannot land leaves no temp file; one that can is read back', () => {
    const cache = fileSnapshotCache(dir);
    cache.set('good', '{"a":1}');
    expect(cache.get('good')).toBe('{"a":1}');
    expect(statSync(path.join(dir, 'snapshots', 'good.json')).mode & 0o777).toBe(0o600);
    // Where the entry would go is a directory with something in it: the rename fails.
    mkdirSync(path.join(dir, 'snapshots', 'blocked.json', 'x'), { recursive: true });
    cache.set('blocked', '{"b":2}');
    expect(cache.get('blocked')).toBeUndefined();
    expect(readdirSync(path.join(dir, 'snapshots')).sort()).toEqual(['blocked.json', 'good.json']);
  });

  it('a directory baseline: a copy that fails keeps the last baseline as it was, and no temp copy', async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const a = path.join(dir, 'env-a.json');
    writeFileSync(a, '{"first":true}');
    await store.save('k', 'main', 'sha1', [a]);
    const saved = (await store.restore('k', 'main'))!.dir;
    expect(readdirSync(saved)).toEqual(['baseline-sha.txt', 'env-a.json']);

    const b = path.join(dir, 'env-b.json');
    writeFileSync(b, '{"second":true}');
    expect(() => store.save('k', 'main', 'sha2', [b, path.join(dir, 'gone.json')])).toThrow(/gone\.json/);
    expect((await store.restore('k', 'main'))?.dir).toBe(saved);
    expect(readdirSync(saved)).toEqual(['baseline-sha.txt', 'env-a.json']);
    expect(readFileSync(path.join(saved, 'env-a.json'), 'utf8')).toBe('{"first":true}');
    // The link to the newest save and that save: no copy of the failed one, no lock.
    expect(readdirSync(path.dirname(saved)).sort()).toEqual(['main', path.basename(saved)]);

    // A save that works replaces it (the replaced one is kept for a while: a run may still read it).
    await store.save('k', 'main', 'sha3', [b]);
    const now = (await store.restore('k', 'main'))!.dir;
    expect(readdirSync(now)).toEqual(['baseline-sha.txt', 'env-b.json']);
    expect(readdirSync(path.dirname(saved)).sort()).toEqual(
      ['main', path.basename(saved), path.basename(now)].sort(),
    );
  });
});
