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
