// The directory baseline store under runs that save and restore the same key and branch at once (a
// shared self-hosted runner's `baseline: DIR`, two local runs on ~/.cache/ml-image/baselines). The
// other run's step is done between two of this run's file operations: node:fs is patched for the
// length of one call (syncBuiltinESMExports carries it to src's imports), no process is started.
import fs, {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntries, saveBase } from '../../src/report/base-records.js';
import {
  BASELINE_SHA_FILE,
  baselineSlug,
  type DirStoreTuning,
  dirBaselineStore,
  type RestoredBaseline,
} from '../../src/report/baseline.js';
import { openResultDir } from '../../src/results/results.js';
import { makeRecord } from '../helpers/records.js';

const KEY = 'localhost:5000/x:cpu';
const NAMES = ['env-cpu-1.json', 'env-cpu-2.json', 'env-cpu-3.json'];

let dir: string;
let root: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-baseline-concurrency-'));
  root = path.join(dir, 'baselines');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A run's records: NAMES, each holding TEXT. */
function files(text: string): string[] {
  const d = path.join(dir, `files-${text}`);
  mkdirSync(d, { recursive: true });
  return NAMES.map((n) => {
    writeFileSync(path.join(d, n), text);
    return path.join(d, n);
  });
}

/** What a restored baseline holds: its records' text when all of NAMES read the same, else what each read. */
function holds(r: RestoredBaseline | undefined): string {
  if (!r) return 'none';
  const texts = NAMES.map((n) => {
    try {
      return readFileSync(path.join(r.dir, n), 'utf8');
    } catch {
      return 'missing';
    }
  });
  return new Set(texts).size === 1 ? texts[0]! : `partial: ${texts.join(', ')}`;
}

type FsFn = (...args: unknown[]) => unknown;
const MUTATORS = [
  'mkdirSync',
  'cpSync',
  'writeFileSync',
  'renameSync',
  'rmSync',
  'symlinkSync',
  'utimesSync',
];

/**
 * FN with node:fs's NAMES patched: BEFORE(name, args) runs before each call, not within itself (the
 * other run's step uses node:fs too). FN must be synchronous: the store's steps are.
 */
function between<T>(
  names: readonly string[],
  before: (name: string, args: unknown[]) => void,
  fn: () => T,
): T {
  const mod = fs as unknown as Record<string, FsFn>;
  const originals = names.map((n) => [n, mod[n]!] as const);
  let busy = false;
  for (const [n, original] of originals)
    mod[n] = (...args: unknown[]) => {
      if (!busy) {
        busy = true;
        try {
          before(n, args);
        } finally {
          busy = false;
        }
      }
      return original(...args);
    };
  syncBuiltinESMExports();
  try {
    return fn();
  } finally {
    for (const [n, original] of originals) mod[n] = original;
    syncBuiltinESMExports();
  }
}

/** FN as another process would run it (another pid: its temp names and lock owner are its own). */
function asAnotherRun<T>(fn: () => T): T {
  const pid = Object.getOwnPropertyDescriptor(process, 'pid')!;
  Object.defineProperty(process, 'pid', { ...pid, value: pid.value + 100_000 });
  try {
    return fn();
  } finally {
    Object.defineProperty(process, 'pid', pid);
  }
}

const branchPath = () => path.join(root, baselineSlug(KEY), 'main');

describe('runs saving and restoring one baseline at once', () => {
  it('a restore at any step of a save finds the last save or the new one, whole', async () => {
    const store = dirBaselineStore(root);
    await store.save(KEY, 'main', 'a'.repeat(40), files('old'));
    const restores: Promise<RestoredBaseline | undefined>[] = [];
    const other = dirBaselineStore(root);
    await between(
      MUTATORS,
      () => restores.push(other.restore(KEY, 'main')),
      () => store.save(KEY, 'main', 'b'.repeat(40), files('new')),
    );
    expect(restores.length).toBeGreaterThan(3);
    const seen = (await Promise.all(restores)).map(holds);
    expect(seen.filter((s) => s !== 'old' && s !== 'new')).toEqual([]);
    expect(seen).toContain('old');
    expect(holds(await store.restore(KEY, 'main'))).toBe('new');
  });

  it('a save while another run saves: neither fails, the later one is the baseline, whole', async () => {
    const store = dirBaselineStore(root);
    await store.save(KEY, 'main', 'a'.repeat(40), files('old'));
    // The other run waits for no lock: what it does is what a run does that could not have it.
    const other = dirBaselineStore(root, undefined, undefined, { lock: { waitMs: 0, staleMs: 60_000 } });
    const warnings: string[] = [];
    let done = false;
    // The other run's whole save, just before this one puts its own in place.
    await between(
      ['renameSync'],
      (_n, [, to]) => {
        if (done || to !== branchPath()) return;
        done = true;
        asAnotherRun(() =>
          other.save(KEY, 'main', 'c'.repeat(40), files('other'), { warning: (m) => warnings.push(m) }),
        );
      },
      () => store.save(KEY, 'main', 'b'.repeat(40), files('new')),
    );
    expect(done).toBe(true);
    expect(holds(await store.restore(KEY, 'main'))).toBe('new');
    expect(warnings).toEqual([
      expect.stringMatching(/saved the baseline without its lock \(.*\+lock is held by /),
    ]);
  });

  it('a restore whose save goes away as it lists it reads the newer one', async () => {
    const store = dirBaselineStore(root);
    await store.save(KEY, 'main', 'a'.repeat(40), files('old'));
    let done = false;
    const restored = await between(
      ['readdirSync'],
      (_n, [listed]) => {
        if (done || typeof listed !== 'string' || !listed.startsWith(branchPath())) return;
        done = true;
        // The other run saves, and the save this restore is about to list is removed (a third run's
        // save, GRACE_MS after it was replaced).
        asAnotherRun(() => store.save(KEY, 'main', 'c'.repeat(40), files('other')));
        rmSync(listed, { recursive: true, force: true });
      },
      () => store.restore(KEY, 'main'),
    );
    expect(done).toBe(true);
    expect(holds(restored)).toBe('other');
    expect(restored?.sha).toBe('c'.repeat(40));
  });

  it('a save gone for good as it is read (removed by hand): the report says it could not read it', async () => {
    const store = dirBaselineStore(root);
    await store.save(KEY, 'main', 'a'.repeat(40), files('old'));
    const gone = (await store.restore(KEY, 'main'))!.dir;
    rmSync(gone, { recursive: true });
    const restored = await store.restore(KEY, 'main');
    expect(restored).toEqual({ dir: gone });
    const results = openResultDir(path.join(dir, 'head'));
    results.writeEnv('cpu', 'linux/amd64', makeRecord({ platform: 'linux/amd64', variant: 'cpu' }));
    expect(readEntries(results, restored!.dir, 'cpu', ['linux/amd64']).baseUnreadable).toBe(
      `${gone} is gone (removed as it was read: by another run's save, or by hand)`,
    );
  });
});

describe('a platform kept from the last save, by runs saving at once', () => {
  const AMD64 = 'linux/amd64';
  const ARM64 = 'linux/arm64';
  const recordsOf = (name: string, platforms: string[], numpy: string) => {
    const r = openResultDir(path.join(dir, name));
    for (const p of platforms)
      r.writeEnv('cpu', p, makeRecord({ platform: p, variant: 'cpu', pip: { numpy } }));
    return r;
  };
  const numpyOf = (r: RestoredBaseline | undefined, platform: string) =>
    openResultDir(r!.dir, 'baseline', { create: false })
      .readEnv('cpu', platform)
      ?.python.packages.find((p) => p.name === 'numpy')?.version;

  it('two runs that restored the same save, each without one platform: both records are kept', async () => {
    const store = dirBaselineStore(root);
    const first = recordsOf('first', [AMD64, ARM64], '1.0.0');
    await store.save(
      KEY,
      'main',
      'a'.repeat(40),
      [AMD64, ARM64].flatMap((p) => first.recordFiles('cpu', p)),
    );
    const restored = { ...(await store.restore(KEY, 'main'))!, ref: 'main' };
    // Both runs restored the first save; run A has amd64 records only, run B arm64 only.
    const run = (name: string, platform: string, numpy: string) => {
      const r = recordsOf(name, [platform], numpy);
      const save = { store, saveAs: { branch: 'main', sha: 'b'.repeat(40) }, keys: [KEY], variant: 'cpu' };
      const files = r.recordFiles('cpu', platform);
      return async () =>
        (await saveBase({ ...save, planned: [AMD64, ARM64], files, recorded: [platform] }, restored)).kept;
    };
    const [a, b] = [run('a', AMD64, '2.0.0'), run('b', ARM64, '3.0.0')];
    let keptByA: Promise<string[]> | undefined;
    // A saves all of its save while B is writing its own (B has copied its records).
    const keptByB = between(
      ['writeFileSync'],
      (_n, [file]) => {
        if (keptByA || typeof file !== 'string' || path.basename(file) !== BASELINE_SHA_FILE) return;
        keptByA = asAnotherRun(a);
      },
      b,
    );
    expect(await keptByA).toEqual([ARM64]);
    expect(await keptByB).toEqual([AMD64]);
    const now = await store.restore(KEY, 'main');
    expect([numpyOf(now, AMD64), numpyOf(now, ARM64)]).toEqual(['2.0.0', '3.0.0']);
  });
});

describe('the layout on disk', () => {
  it('a save of the previous layout (records in <branch>/) restores, and a save replaces it', async () => {
    const legacy = branchPath();
    mkdirSync(legacy, { recursive: true });
    for (const n of NAMES) writeFileSync(path.join(legacy, n), 'old');
    writeFileSync(path.join(legacy, BASELINE_SHA_FILE), `${'a'.repeat(40)}\n`);
    const store = dirBaselineStore(root);
    const r = await store.restore(KEY, 'main');
    expect(r).toEqual({ dir: legacy, sha: 'a'.repeat(40) });
    expect(holds(r)).toBe('old');
    await store.save(KEY, 'main', 'b'.repeat(40), files('new'));
    expect(holds(await store.restore(KEY, 'main'))).toBe('new');
    // What the previous layout's reader does (list <branch>/, read its files) finds the new save.
    expect(readdirSync(legacy).sort()).toEqual([BASELINE_SHA_FILE, ...NAMES]);
    expect(readFileSync(path.join(legacy, NAMES[0]!), 'utf8')).toBe('new');
  });

  it('a replaced save is removed GRACE after it was replaced (not after it was written)', async () => {
    const store = dirBaselineStore(root);
    const names = () => readdirSync(path.dirname(branchPath())).sort();
    await store.save(KEY, 'main', 'a'.repeat(40), files('one'));
    const one = (await store.restore(KEY, 'main'))!.dir;
    // Written an hour ago, replaced now: kept (a run may have just restored it).
    const hourAgo = (Date.now() - 3_600_000) / 1000;
    utimesSync(one, hourAgo, hourAgo);
    await store.save(KEY, 'main', 'b'.repeat(40), files('two'));
    const two = (await store.restore(KEY, 'main'))!.dir;
    await store.save(KEY, 'main', 'c'.repeat(40), files('three'));
    const three = (await store.restore(KEY, 'main'))!.dir;
    expect(names()).toEqual(['main', ...[one, two, three].map((d) => path.basename(d))].sort());
    expect(holds({ dir: one })).toBe('one');
    // GRACE later: the saves replaced before the last are removed by the next save.
    const later = dirBaselineStore(root, undefined, undefined, { graceMs: -60_000 });
    await later.save(KEY, 'main', 'd'.repeat(40), files('four'));
    const four = (await store.restore(KEY, 'main'))!.dir;
    expect(names()).toEqual(['main', path.basename(three), path.basename(four)].sort());
  });

  it('on a filesystem without links: the save is renamed into <branch>', async () => {
    const noLinks: DirStoreTuning['link'] = () => {
      throw Object.assign(new Error('EPERM: operation not permitted, symlink'), { code: 'EPERM' });
    };
    const store = dirBaselineStore(root, undefined, undefined, { link: noLinks });
    await store.save(KEY, 'main', 'a'.repeat(40), files('one'));
    expect(await store.restore(KEY, 'main')).toEqual({ dir: branchPath(), sha: 'a'.repeat(40) });
    await store.save(KEY, 'main', 'b'.repeat(40), files('two'));
    expect(holds(await store.restore(KEY, 'main'))).toBe('two');
    expect(statSync(branchPath(), { bigint: false }).isDirectory()).toBe(true);
    // The first save, moved aside, stays for the grace; no link, lock or temp copy is left.
    expect(readdirSync(path.dirname(branchPath())).filter((n) => n !== 'main')).toEqual([
      expect.stringMatching(/^main\+[0-9a-z]+-\d+-[0-9a-f]{8}$/),
    ]);
  });
});

describe("the save's lock", () => {
  /** This process's pid namespace, as /proc names it (the lock's owner line ends with it). */
  const pidNamespace = () => fs.readlinkSync('/proc/self/ns/pid');
  const lockFile = () => `${branchPath()}+lock`;
  const hold = (owner: string) => {
    mkdirSync(path.dirname(branchPath()), { recursive: true });
    writeFileSync(lockFile(), owner);
  };

  it.each<[string, string, DirStoreTuning['lock'], RegExp | undefined]>([
    [
      'left by a process of this host that is gone: broken at once',
      `${hostname()} 999999999 t`,
      undefined,
      undefined,
    ],
    [
      'left by a process of this host and pid namespace that is gone: broken at once',
      `${hostname()} 999999999 t ${pidNamespace()}`,
      undefined,
      undefined,
    ],
    [
      // A container sharing the cache directory, with the host's name (--network host): its pid
      // is no process here, yet it may hold the lock.
      'held by a run of another pid namespace of this host: a save waits, then saves without it',
      `${hostname()} 999999999 t pid:[1]`,
      { waitMs: 100, staleMs: 60_000 },
      new RegExp(`without its lock \\(.*\\+lock is held by ${hostname()} pid 999999999\\)`),
    ],
    [
      'held by a run of another host: a save waits, then saves without it, and says so',
      'runner-7 4242 t',
      { waitMs: 100, staleMs: 60_000 },
      /without its lock \(.*\+lock is held by runner-7 pid 4242\): a platform kept from the last save may lack/,
    ],
    [
      'unchanged for staleMs (its owner hung): broken',
      'runner-7 4242 t',
      { waitMs: 60_000, staleMs: 100 },
      undefined,
    ],
  ])('a lock %s', async (_what, owner, lock, warned) => {
    hold(owner);
    const store = dirBaselineStore(root, undefined, undefined, lock ? { lock } : {});
    const warnings: string[] = [];
    // Waiting out waitMs (60 s) would pass the test's own timeout: that is the hang guard.
    await store.save(KEY, 'main', 'a'.repeat(40), files('one'), { warning: (m) => warnings.push(m) });
    expect(holds(await store.restore(KEY, 'main'))).toBe('one');
    expect(warnings).toEqual(warned ? [expect.stringMatching(warned)] : []);
    // Another run's lock is left to it; one broken is gone (this save's own, released).
    expect(readdirSync(path.dirname(branchPath())).includes('main+lock')).toBe(!!warned);
  });
});
