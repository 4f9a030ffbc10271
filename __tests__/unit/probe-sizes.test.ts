// The probe's size collection (images/probe/ml_image_probe.py) against stand-ins: a site-packages
// directory with a wheel's dist-info (RECORD sizes, one row without a size: stat-ed), a Debian-
// style egg-info without RECORD (its top_level.txt packages walked) and a distribution with
// nothing to go by; and a stand-in dpkg-query on PATH for apt's Installed-Size (KiB).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker-env.js';

const PROBE = path.join(REPO_ROOT, 'images/probe/ml_image_probe.py');

const RECORD = [
  'standin_wheel/__init__.py,sha256=x,100',
  'standin_wheel/big.so,sha256=y,5000000',
  'standin_wheel/data.bin,,',
  'standin_wheel/gone.py,,',
  'standin_wheel-1.0.dist-info/RECORD,,',
  '',
].join('\n');

describe('probe: package sizes', () => {
  let dir: string;
  let out: {
    pip: { name: string; version: string; sizeBytes?: number }[];
    apt: { name: string; version: string; arch: string; sizeBytes?: number }[];
    errors: { field: string }[];
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-probe-sizes-'));
    const site = path.join(dir, 'site-packages');
    const file = (rel: string, bytes: number | string) => {
      const p = path.join(site, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, typeof bytes === 'number' ? Buffer.alloc(bytes) : bytes);
    };
    // A wheel: RECORD lists sizes; data.bin is listed without one (stat-ed: 700 bytes); RECORD
    // itself has no size (stat-ed too); a listed file that is gone counts 0.
    file('standin_wheel/__init__.py', 100);
    file('standin_wheel/data.bin', 700);
    file(
      'standin_wheel-1.0.dist-info/METADATA',
      'Metadata-Version: 2.1\nName: standin-wheel\nVersion: 1.0\n',
    );
    file('standin_wheel-1.0.dist-info/RECORD', RECORD);
    // Debian's python3-x: egg-info without RECORD; the packages top_level.txt names are walked.
    file('standin_deb/__init__.py', 300);
    file('standin_deb/sub/mod.py', 200);
    file('standin_deb_ext.cpython-311-x86_64-linux-gnu.so', 50);
    file('standin_deb-2.0.egg-info/PKG-INFO', 'Metadata-Version: 1.2\nName: standin-deb\nVersion: 2.0\n');
    file('standin_deb-2.0.egg-info/top_level.txt', 'standin_deb\nstandin_deb_ext\n');
    // Nothing to go by: no size, and no error.
    file('standin_bare-3.0.dist-info/METADATA', 'Metadata-Version: 2.1\nName: standin-bare\nVersion: 3.0\n');
    // dpkg-query as the probe calls it.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(
      path.join(bin, 'dpkg-query'),
      `#!/bin/sh\nprintf 'libc6\\t2.36-9\\tamd64\\t12992\\nmeta-pkg\\t1\\tall\\t\\nlibx\\t1.0\\tarm64\\t7\\n'\n`,
    );
    chmodSync(path.join(bin, 'dpkg-query'), 0o755);
    const script = [
      'import importlib.util, json, sys',
      `spec = importlib.util.spec_from_file_location("probe", ${JSON.stringify(PROBE)})`,
      'probe = importlib.util.module_from_spec(spec); spec.loader.exec_module(probe)',
      `sys.path.insert(0, ${JSON.stringify(site)})`,
      'pip = [p for p in probe.packages() if p["name"].startswith("standin")]',
      'print(json.dumps({"pip": pip, "apt": probe.apt_packages(), "errors": probe.ERRORS}))',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    expect(r.stderr).toBe('');
    out = JSON.parse(r.stdout) as typeof out;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a wheel: the sizes its RECORD lists, rows without a size stat-ed, a file gone counts 0', () => {
    expect(out.pip.find((p) => p.name === 'standin-wheel')).toMatchObject({
      version: '1.0',
      sizeBytes: 100 + 5_000_000 + 700 + RECORD.length,
    });
  });

  it('an egg-info without RECORD: the packages and modules of its top_level.txt', () => {
    expect(out.pip.find((p) => p.name === 'standin-deb')).toMatchObject({
      version: '2.0',
      sizeBytes: 300 + 200 + 50,
    });
  });

  it('a distribution with nothing to go by: no size, no error', () => {
    const bare = out.pip.find((p) => p.name === 'standin-bare');
    expect(bare).toBeDefined();
    expect(bare).not.toHaveProperty('sizeBytes');
    expect(out.errors.filter((e) => e.field.startsWith('python.packages'))).toEqual([]);
  });

  it("apt: dpkg's Installed-Size (KiB) in bytes; none when dpkg has none", () => {
    expect(out.apt).toEqual([
      { name: 'libc6', version: '2.36-9', arch: 'amd64', sizeBytes: 12992 * 1024 },
      { name: 'meta-pkg', version: '1', arch: 'all' },
      { name: 'libx', version: '1.0', arch: 'arm64', sizeBytes: 7 * 1024 },
    ]);
  });
});
