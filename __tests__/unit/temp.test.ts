// The run-scoped temp root: every temp dir of a run under <tmpdir>/ml-image-<run id>.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RUN_ID, setRunIdForTests } from '../../src/util/run-id.js';
import { EnvironmentError } from '../../src/errors.js';
import { runTempBase, runTempDir, runTempRoot, STALE_ROOT_MS, sweepStaleRoots } from '../../src/util/temp.js';
import { OWNER_FILE, ownStamp, readStamp, stampRoot, type OwnerStamp } from '../../src/util/temp-owner.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'ml-image-temp-test-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('run temp root', () => {
  it('puts every temp dir of the run under one root named for the run id', () => {
    expect(runTempRoot('77-abc', '/x')).toBe('/x/ml-image-77-abc');
    const root = runTempBase(base);
    expect(root).toBe(path.join(base, `ml-image-${RUN_ID}`));
    const dir = runTempDir('ml-image-build-');
    try {
      expect(path.dirname(dir)).toBe(runTempRoot());
      expect(path.basename(dir)).toMatch(/^ml-image-build-/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("never sweeps the run's own root: a custom id like <run id>-<attempt> names no live process", () => {
    const before = RUN_ID;
    // 15234567890 is past any pid: as a process id it is "gone", yet it is this run's id.
    setRunIdForTests('15234567890-1');
    try {
      const root = runTempBase(base);
      expect(root).toBe(path.join(base, 'ml-image-15234567890-1'));
      expect(existsSync(root)).toBe(true);
      // A gone process's empty root beside it is still swept.
      mkdirSync(path.join(base, 'ml-image-999999999-dead1'));
      sweepStaleRoots(base);
      expect(readdirSync(base)).toEqual(['ml-image-15234567890-1']);
    } finally {
      setRunIdForTests(before);
    }
  });

  it("a root removed while empty (another run's sweep) is made again for the next temp dir", () => {
    const before = RUN_ID;
    setRunIdForTests(`15234567890-${process.pid}x`);
    try {
      const first = runTempDir('ml-image-a-');
      rmSync(path.dirname(first), { recursive: true });
      const second = runTempDir('ml-image-b-');
      expect(path.dirname(second)).toBe(runTempRoot());
      rmSync(runTempRoot(), { recursive: true, force: true });
    } finally {
      setRunIdForTests(before);
    }
  });

  it('sweeps only the empty roots of runs whose process is gone', () => {
    const make = (name: string, file = false) => {
      mkdirSync(path.join(base, name));
      if (file) writeFileSync(path.join(base, name, 'secret'), 'x');
    };
    make('ml-image-999999999-dead1'); // gone, empty: removed
    make('ml-image-999999995-dead3'); // gone, only its stamp (of another pid namespace): removed
    stampRoot(path.join(base, 'ml-image-999999995-dead3'), {
      pid: 999999995,
      start: '1',
      pidNamespace: 'x',
      boot: 'y',
    });
    make('ml-image-999999998-dead2', true); // gone, but something is in it: kept
    make(`ml-image-${process.pid}-self`); // this process: kept
    make('ml-image-1-init'); // pid 1 is alive: kept
    make('ml-image-custom-id'); // no pid in the name: kept
    make('other-999999999-x'); // not ours: kept
    sweepStaleRoots(base);
    expect(readdirSync(base).sort()).toEqual(
      [
        'ml-image-999999998-dead2',
        `ml-image-${process.pid}-self`,
        'ml-image-1-init',
        'ml-image-custom-id',
        'other-999999999-x',
      ].sort(),
    );
    expect(existsSync(path.join(base, 'ml-image-999999998-dead2', 'secret'))).toBe(true);
  });

  it("removes a gone run's root with what it holds once it is a day old (a build killed with SIGKILL)", () => {
    const old = path.join(base, 'ml-image-999999997-killed');
    mkdirSync(path.join(old, 'ml-image-build-x'), { recursive: true });
    writeFileSync(path.join(old, 'ml-image-build-x', 'ml_image_pip_conf'), 'secret');
    const recent = path.join(base, 'ml-image-999999996-killed');
    mkdirSync(recent);
    writeFileSync(path.join(recent, 'f'), 'x');
    const now = Date.now();
    const then = new Date(now - STALE_ROOT_MS - 60_000);
    utimesSync(old, then, then);
    sweepStaleRoots(base, now);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(path.join(recent, 'f'))).toBe(true);
  });

  it.each<[string, (root: string) => void, RegExp]>([
    [
      'open to everyone',
      (root) => (mkdirSync(root), chmodSync(root, 0o777)),
      /may be entered by other users \(mode 777\)/,
    ],
    [
      'a link to another directory',
      (root) => symlinkSync(mkdtempSync(path.join(base, 'elsewhere-')), root),
      /is not a directory/,
    ],
  ])(
    "refuses a run root made before it that is %s (exit 3): the build's secret files would go there",
    (_what, make, message) => {
      const root = runTempRoot(RUN_ID, base);
      make(root);
      let err: unknown;
      try {
        runTempBase(base);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(EnvironmentError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).toContain(root);
    },
  );
});

// A build killed with SIGKILL left its secret files in its root for a day (the next run's sweep
// could not tell a gone process from one in a pid namespace it cannot see): the root's stamp tells.
describe("a gone run's stamped root", () => {
  /** A fake /proc: this process in NS at BOOT, and PIDS (pid -> start time, or "Z start" for a zombie). */
  function proc(pids: Record<number, string>, ns = 'pid:[1]', boot = 'b-1'): string {
    const dir = path.join(base, 'proc');
    mkdirSync(path.join(dir, 'self', 'ns'), { recursive: true });
    mkdirSync(path.join(dir, 'sys', 'kernel', 'random'), { recursive: true });
    symlinkSync(ns, path.join(dir, 'self', 'ns', 'pid'));
    writeFileSync(path.join(dir, 'sys', 'kernel', 'random', 'boot_id'), `${boot}\n`);
    for (const [pid, given] of Object.entries(pids)) {
      mkdirSync(path.join(dir, pid));
      const [state, start] = given.includes(' ') ? given.split(' ') : ['S', given];
      const fields = [state!, '1', ...Array.from({ length: 17 }, () => '0'), start!, '0'];
      writeFileSync(path.join(dir, pid, 'stat'), `${pid} (a (b) c) ${fields.join(' ')}\n`);
    }
    return dir;
  }

  /** A root of PID holding a secret file, stamped with STAMP's fields over the default ones. */
  function killedRoot(pid: number, stamp: Partial<OwnerStamp> | null): string {
    const root = path.join(base, `ml-image-${pid}-k1`);
    mkdirSync(path.join(root, 'ml-image-build-x'), { recursive: true });
    writeFileSync(path.join(root, 'ml-image-build-x', 'ml_image_pip_conf'), 'secret');
    if (stamp !== null)
      stampRoot(root, { pid, start: '500', pidNamespace: 'pid:[1]', boot: 'b-1', ...stamp });
    return root;
  }

  it.each<[string, Partial<OwnerStamp> | null, Record<number, string>, boolean]>([
    ['its pid runs no process here: removed at once', {}, {}, true],
    ['its pid now names another process (a later start): removed at once', {}, { 4242: '900' }, true],
    ['its process still runs: kept', {}, { 4242: '500' }, false],
    // Killed with SIGKILL and not yet reaped by its parent (a run started right after the kill).
    ['its process is a zombie: removed at once', {}, { 4242: 'Z 500' }, true],
    [
      'another pid namespace (a container): kept, as it cannot be told',
      { pidNamespace: 'pid:[2]' },
      {},
      false,
    ],
    ['another boot: kept', { boot: 'b-0' }, {}, false],
    ['no stamp: kept until stale', null, {}, false],
    ['a stamp of another pid than its name: kept', { pid: 77 }, {}, false],
  ])('%s', (_, stamp, running, removed) => {
    const root = killedRoot(4242, stamp);
    // 4242 does not run on this machine for isAlive (or the case is a reused pid, by its stamp).
    sweepStaleRoots(base, Date.now(), 'ml-image-own', proc(running));
    expect(existsSync(root)).toBe(!removed);
  });

  it("this process's stamp: its pid, start time, pid namespace and boot; the root is removed at exit with it", () => {
    const stamp = ownStamp();
    expect(stamp?.pid).toBe(process.pid);
    expect(stamp?.pidNamespace).toMatch(/^pid:\[\d+\]$/);
    expect(stamp?.boot).toMatch(/^[0-9a-f-]{36}$/);
    const root = path.join(base, 'ml-image-1-x');
    mkdirSync(root);
    stampRoot(root, stamp);
    expect(readStamp(root)).toEqual(stamp);
    expect(readdirSync(root)).toEqual([OWNER_FILE]);
    // One that cannot be written (a full disk; here no folder) is none, not the run's failure.
    expect(() => stampRoot(path.join(base, 'gone'), stamp)).not.toThrow();
    expect(readStamp(path.join(base, 'gone'))).toBeUndefined();
  });
});
