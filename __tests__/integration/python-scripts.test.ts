// The in-container Python run on the host's python3 (unit tests start no processes): the probe's
// package sizes against stand-ins, the smoke script's GPU-name matcher over real device names, and
// the probe's secret redaction against TypeScript's (one rules file for both).
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvRecordSchema } from '../../src/capture/record.js';
import { REDACTED, REDACTION_RULES } from '../../src/util/redact.js';
import { bundledBaseline, floorsArg } from '../../src/smoke/baselines.js';
import { BATCH_ENV, sections } from '../../src/smoke/batch.js';
import { suiteResult } from '../../src/smoke/suites.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { ENV_CASES } from '../helpers/redaction-cases.js';
import { missingTools } from '../helpers/tools.js';

const SKIP = missingTools('the Python scripts run on the host (python-scripts.test.ts)', ['python3']);

const PROBE = path.join(REPO_ROOT, 'images/probe/ml_image_probe.py');

// The probe's size collection (images/probe/ml_image_probe.py) against stand-ins: a site-packages
// directory with a wheel's dist-info (RECORD sizes, one row without a size: stat-ed), a Debian-
// style egg-info without RECORD (its top_level.txt packages walked) and a distribution with
// nothing to go by; and a stand-in dpkg-query on PATH for apt's Installed-Size (KiB).
const RECORD = [
  'standin_wheel/__init__.py,sha256=x,100',
  'standin_wheel/big.so,sha256=y,5000000',
  'standin_wheel/data.bin,,',
  'standin_wheel/gone.py,,',
  'standin_wheel-1.0.dist-info/RECORD,,',
  '',
].join('\n');

// A distribution installed twice under two spellings of its name: Python imports the copy first on
// sys.path (typing_extensions 4.12.0 on PYTHONPATH), whichever spelling sorts first.
describe.skipIf(SKIP)('probe: copies of one distribution', () => {
  it('are listed by normalised name, in sys.path order (the imported copy first)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-probe-dup-'));
    try {
      const dist = (site: string, name: string, version: string) => {
        const d = path.join(dir, site, `${name.replace(/-/g, '_')}-${version}.dist-info`);
        mkdirSync(d, { recursive: true });
        writeFileSync(
          path.join(d, 'METADATA'),
          `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
        );
      };
      dist('extra', 'standin_dup', '4.12.0');
      dist('dist-packages', 'standin-dup', '4.5.0');
      dist('dist-packages', 'standin-Dup.b', '1.0');
      const script = [
        'import importlib.util, json, sys',
        `spec = importlib.util.spec_from_file_location("probe", ${JSON.stringify(PROBE)})`,
        'probe = importlib.util.module_from_spec(spec); spec.loader.exec_module(probe)',
        `sys.path[0:0] = ${JSON.stringify([path.join(dir, 'extra'), path.join(dir, 'dist-packages')])}`,
        'print(json.dumps([[p["name"], p["version"]] for p in probe.packages() if p["name"].lower().startswith("standin")]))',
      ].join('\n');
      const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual([
        ['standin_dup', '4.12.0'],
        ['standin-dup', '4.5.0'],
        ['standin-Dup.b', '1.0'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// `pip install --ignore-installed` of one version over another leaves both dist-infos in one
// directory, listed in the directory's order; the files on disk are the last install's (probe 8).
describe.skipIf(SKIP)('probe: two copies of one distribution in one directory', () => {
  const b64 = (text: string) => createHash('sha256').update(text).digest('base64url');
  // interleaved: metadata.distributions() as Python 3.8/3.9 list a directory (os.listdir's order,
  // not grouped by name): the copy not on disk, another distribution, the copy on disk.
  const listed = (live: string, interleaved = false) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-probe-live-'));
    try {
      const site = path.join(dir, 'site-packages');
      const files = (version: string) => ({
        'standin_np/__init__.py': `__version__ = "${version}"\n`,
        'standin_np/same.py': 'x = 1\n',
      });
      for (const version of ['1.26.4', '2.0.0']) {
        const info = path.join(site, `standin_np-${version}.dist-info`);
        mkdirSync(info, { recursive: true });
        writeFileSync(
          path.join(info, 'METADATA'),
          `Metadata-Version: 2.1\nName: standin-np\nVersion: ${version}\n`,
        );
        const rows = Object.entries(files(version)).map(([f, t]) => `${f},sha256=${b64(t)},${t.length}`);
        writeFileSync(
          path.join(info, 'RECORD'),
          [...rows, `standin_np-${version}.dist-info/RECORD,,`, ''].join('\n'),
        );
      }
      mkdirSync(path.join(site, 'standin_np'));
      for (const [f, t] of Object.entries(files(live))) writeFileSync(path.join(site, f), t);
      const script = [
        'import importlib.util, json, sys',
        `spec = importlib.util.spec_from_file_location("probe", ${JSON.stringify(PROBE)})`,
        'probe = importlib.util.module_from_spec(spec); spec.loader.exec_module(probe)',
        `sys.path[0:0] = [${JSON.stringify(site)}]`,
        ...(interleaved
          ? [
              'from importlib import metadata',
              'found = [d for d in metadata.distributions() if d.metadata["Name"] == "standin-np"]',
              'others = [d for d in metadata.distributions() if d.metadata["Name"] != "standin-np"]',
              `found.sort(key=lambda d: d.version == ${JSON.stringify(live)})`,
              'metadata.distributions = lambda: [found[0]] + others + found[1:]',
            ]
          : []),
        'print(json.dumps([p["version"] for p in probe.packages() if p["name"] == "standin-np"]))',
      ].join('\n');
      const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as string[];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it.each(['1.26.4', '2.0.0'])(
    'the copy whose files are on disk (%s) is listed first, whatever the directory order',
    (live) => {
      const versions = listed(live);
      expect(versions).toHaveLength(2);
      expect(versions[0]).toBe(live);
    },
  );

  it.each(['1.26.4', '2.0.0'])(
    'the copy on disk (%s) is first when other distributions are listed between the copies (Python 3.8/3.9)',
    (live) => {
      const versions = listed(live, true);
      expect(versions).toHaveLength(2);
      expect(versions[0]).toBe(live);
    },
  );
});

// Where pip installed a distribution from (PEP 610 direct_url.json, probe 7): a git pin's commit, an
// editable install; none for an index's install; an unreadable file named under errors.
describe.skipIf(SKIP)('probe: direct URLs', () => {
  it("a VCS install's URL (login masked) and commit, an editable install, none for the rest", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-probe-direct-'));
    try {
      const dist = (name: string, directUrl?: string) => {
        const d = path.join(dir, `${name}-1.0.dist-info`);
        mkdirSync(d, { recursive: true });
        writeFileSync(path.join(d, 'METADATA'), `Metadata-Version: 2.1\nName: ${name}\nVersion: 1.0\n`);
        if (directUrl !== undefined) writeFileSync(path.join(d, 'direct_url.json'), directUrl);
      };
      const commit = '1a2b3c4d5e6f77777777777777777777777777aa';
      dist(
        'standin_git',
        JSON.stringify({
          url: 'https://bob:s3cr3tT0ken@github.com/a/b.git',
          vcs_info: { vcs: 'git', commit_id: commit },
        }),
      );
      dist('standin_edit', JSON.stringify({ url: 'file:///src/pkg', dir_info: { editable: true } }));
      dist('standin_index');
      dist('standin_bad', '[1, 2]');
      const script = [
        'import importlib.util, json, sys',
        `spec = importlib.util.spec_from_file_location("probe", ${JSON.stringify(PROBE)})`,
        'probe = importlib.util.module_from_spec(spec); spec.loader.exec_module(probe)',
        `sys.path[0:0] = [${JSON.stringify(dir)}]`,
        'pkgs = [p for p in probe.packages() if p["name"].startswith("standin")]',
        'print(json.dumps([{p["name"]: p.get("directUrl")} for p in pkgs] + [e["field"] for e in probe.ERRORS]))',
      ].join('\n');
      const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual([
        { standin_bad: null },
        { standin_edit: { url: 'file:///src/pkg', editable: true } },
        { standin_git: { url: `https://bob:${REDACTED}@github.com/a/b.git`, commit } },
        { standin_index: null },
        'python.packages[standin_bad].directUrl',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(SKIP)('probe: package sizes', () => {
  let dir: string;
  let out: {
    pip: { name: string; version: string; sizeBytes?: number }[];
    apt: { name: string; version: string; arch: string; sizeBytes?: number; source?: string }[];
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
    // dpkg-query as the probe calls it: the package's state first when the format asks for it
    // (a removed package whose config files are left, "rc", and one not installed, "un", are
    // listed by dpkg-query -W too), else without. The last column, when there is one, is dpkg's
    // Source field: the source package, "name (version)" when its version differs, empty when the
    // binary package is its own source.
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const rows = [
      ['ii ', 'libc6\\t2.36-9\\tamd64\\t12992'],
      ['rc ', 'removedpkg\\t2.0-1\\tamd64\\t10\\tremovedsrc'],
      ['ii ', 'meta-pkg\\t1\\tall\\t\\t'],
      ['un ', 'neverpkg\\t\\t\\t\\t'],
      ['iU ', 'libx\\t1.0\\tarm64\\t7'],
      ['ii ', 'libssl3\\t3.0.15-1~deb12u1\\tamd64\\t6000\\topenssl'],
      ['ii ', 'libc6-dev\\t2.36-9+b1\\tamd64\\t20\\tglibc (2.36-9)'],
      ['ii ', 'cpp\\t4:12.2.0-3\\tamd64\\t30\\tgcc-defaults (1.203)'],
      ['ii ', 'bash\\t5.2.15-2+b8\\tamd64\\t7164\\tbash (5.2.15-2)'],
      ['ii ', 'libsame\\t1.0-1\\tamd64\\t1\\tsame (1.0-1)'],
      ['ii ', 'odd\\t1.0\\tamd64\\t1\\tnot a source ('],
    ];
    writeFileSync(
      path.join(bin, 'dpkg-query'),
      [
        '#!/bin/sh',
        `case "$2" in *'\${db:Status-Abbrev}'*) printf '${rows.map(([s, r]) => `${s}\\t${r}\\n`).join('')}' ;;`,
        `*) printf '${rows.map(([, r]) => `${r}\\n`).join('')}' ;; esac`,
        '',
      ].join('\n'),
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

  it("apt: dpkg's Installed-Size (KiB) in bytes; none when dpkg has none; removed (rc) and never-installed packages left out", () => {
    expect(out.apt.slice(0, 3)).toEqual([
      { name: 'libc6', version: '2.36-9', arch: 'amd64', sizeBytes: 12992 * 1024 },
      { name: 'meta-pkg', version: '1', arch: 'all' },
      { name: 'libx', version: '1.0', arch: 'arm64', sizeBytes: 7 * 1024 },
    ]);
  });

  it("apt: the source package from dpkg's Source field, its version only when it differs from the binary's; none when the field is empty or unreadable", () => {
    expect(out.apt.slice(3)).toEqual([
      {
        name: 'libssl3',
        version: '3.0.15-1~deb12u1',
        arch: 'amd64',
        sizeBytes: 6000 * 1024,
        source: 'openssl',
      },
      {
        name: 'libc6-dev',
        version: '2.36-9+b1',
        arch: 'amd64',
        sizeBytes: 20 * 1024,
        source: 'glibc',
        sourceVersion: '2.36-9',
      },
      {
        name: 'cpp',
        version: '4:12.2.0-3',
        arch: 'amd64',
        sizeBytes: 30 * 1024,
        source: 'gcc-defaults',
        sourceVersion: '1.203',
      },
      {
        name: 'bash',
        version: '5.2.15-2+b8',
        arch: 'amd64',
        sizeBytes: 7164 * 1024,
        source: 'bash',
        sourceVersion: '5.2.15-2',
      },
      { name: 'libsame', version: '1.0-1', arch: 'amd64', sizeBytes: 1024, source: 'same' },
      { name: 'odd', version: '1.0', arch: 'amd64', sizeBytes: 1024 },
    ]);
    expect(EnvRecordSchema.shape.apt.safeParse(out.apt).error?.issues).toBeUndefined();
  });
});

// The probe run as capture runs it (`python3 -c SOURCE`, in the image's WORKDIR) over a stand-in
// site-packages (PYTHONPATH): what one odd file there must not do to the record.
describe.skipIf(SKIP)('probe: run as capture runs it', () => {
  let dir: string;
  let run: SpawnSyncReturns<string>;
  let record: {
    python: { packages: { name: string; version: string; requires: string[]; sizeBytes?: number }[] };
    apt: { name: string; sizeBytes?: number }[];
    errors: { field: string; error: string }[];
  };
  const file = (rel: string, content: string | Buffer) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  };
  const pkg = (name: string) => record.python.packages.find((p) => p.name === name);
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-probe-run-'));
    file('site/standin_ok-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\nName: standin-ok\nVersion: 1.0\n');
    // A Name without a Version; a RECORD whose size no record can hold (its file is gone: 0).
    file('site/standin_nover-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\nName: standin-nover\n');
    file(
      'site/standin_huge-1.0.dist-info/METADATA',
      'Metadata-Version: 2.1\nName: standin-huge\nVersion: 1.0\n',
    );
    file(
      'site/standin_huge-1.0.dist-info/RECORD',
      'standin_huge/x.so,sha256=a,99999999999999999999\nstandin_huge/y.py,sha256=b,10\n',
    );
    // Metadata in Latin-1 (not UTF-8): a dist-info (its INSTALLER too) and an old egg-info.
    file(
      'site/standin_latin-1.0.dist-info/METADATA',
      Buffer.from(
        'Metadata-Version: 2.1\nName: standin-latin\nVersion: 1.0\nAuthor: Fran\xe7ois\nRequires-Dist: standin-ok\n',
        'latin1',
      ),
    );
    file('site/standin_latin-1.0.dist-info/INSTALLER', Buffer.from('p\xefp\n', 'latin1'));
    file(
      'site/standin_oldegg-2.0.egg-info/PKG-INFO',
      Buffer.from('Metadata-Version: 1.1\nName: standin-oldegg\nVersion: 2.0\nAuthor: J\xfcrgen\n', 'latin1'),
    );
    file('site/standin_oldegg-2.0.egg-info/requires.txt', 'six\n');
    // A distribution that cannot be read at all: its METADATA a link to itself (ELOOP).
    mkdirSync(path.join(dir, 'site/standin_loop-1.0.dist-info'));
    symlinkSync('METADATA', path.join(dir, 'site/standin_loop-1.0.dist-info/METADATA'));
    // dpkg-query: an Installed-Size (KiB) beyond 2^53 bytes.
    file('bin/dpkg-query', "#!/bin/sh\nprintf 'ii \\tstandin-deb\\t1.0\\tamd64\\t99999999999999\\n'\n");
    chmodSync(path.join(dir, 'bin/dpkg-query'), 0o755);
    // The image's WORKDIR: modules named as the standard library's, and a project's egg-info.
    file('workdir/csv.py', 'raise SystemExit("csv.py of the WORKDIR imported")\n');
    file('workdir/platform.py', 'raise SystemExit("platform.py of the WORKDIR imported")\n');
    file(
      'workdir/standin_mine.egg-info/PKG-INFO',
      'Metadata-Version: 1.0\nName: standin-mine\nVersion: 0.0.0\n',
    );
    run = spawnSync(
      'python3',
      [
        '-c',
        readFileSync(PROBE, 'utf8'),
        `--redaction-rules=${JSON.stringify(REDACTION_RULES)}`,
        '--no-torch',
      ],
      {
        encoding: 'utf8',
        cwd: path.join(dir, 'workdir'),
        env: {
          ...process.env,
          PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
          PYTHONPATH: path.join(dir, 'site'),
        },
      },
    );
    record =
      run.status === 0
        ? (JSON.parse(run.stdout) as typeof record)
        : { python: { packages: [] }, apt: [], errors: [] };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the WORKDIR is not on the import path: its csv.py and platform.py do not shadow the standard library's, its egg-info is no package", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(pkg('standin-ok')).toMatchObject({ version: '1.0' });
    expect(pkg('standin-mine')).toBeUndefined();
  });

  it('metadata that is not UTF-8 (Latin-1) is read anyway: the distribution is kept, with its requirements', () => {
    expect(pkg('standin-latin')).toMatchObject({
      version: '1.0',
      requires: ['standin-ok'],
      installer: 'p\ufffdp',
    });
    expect(pkg('standin-oldegg')).toMatchObject({ version: '2.0', requires: ['six'] });
  });

  it('a distribution that cannot be read is left out and named under errors; the rest of the list stays', () => {
    expect(pkg('standin-ok')).toMatchObject({ version: '1.0' });
    expect(pkg('standin-loop')).toBeUndefined();
    expect(record.errors.filter((e) => e.field === 'python.packages')).toEqual([
      {
        field: 'python.packages',
        error: expect.stringMatching(/standin_loop-1\.0\.dist-info left out: OSError: .*symbolic links/),
      },
    ]);
  });

  it('a distribution without a Version has none (""), and the record keeps it: its schema takes it', () => {
    expect(pkg('standin-nover')).toMatchObject({ version: '' });
    const packages = EnvRecordSchema.shape.python.shape.packages.safeParse(record.python.packages);
    expect(packages.error?.issues).toBeUndefined();
  });

  it('a size no record can hold (beyond 2^53) is not taken: the RECORD row is stat-ed, an Installed-Size dropped', () => {
    expect(pkg('standin-huge')).toMatchObject({ version: '1.0', sizeBytes: 10 });
    expect(record.apt.find((a) => a.name === 'standin-deb')).toEqual({
      name: 'standin-deb',
      version: '1.0',
      arch: 'amd64',
    });
    expect(EnvRecordSchema.shape.apt.safeParse(record.apt).error?.issues).toBeUndefined();
  });
});

// Where each CUDA library was read (record.cuda.sources, the SBOM's ml-image:cuda.source): torch's
// wheel copy only when that copy is the one that answered. It can fail to load (a missing
// dependency); the probe then loads the system's by name, and the source must say so.
const CUDA_SOURCES = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("probe", sys.argv[1])
p = importlib.util.module_from_spec(spec); spec.loader.exec_module(p)
torch_copy = "/site/nvidia/nccl/lib/libnccl.so.2"
p.first_library = lambda patterns: (torch_copy, "torch: nvidia/nccl/lib/libnccl.so.2")
def cudnn_get_version(): return 90100
class Lib:
    def __init__(self): self.cudnnGetVersion = cudnn_get_version
    def ncclGetVersion(self, ref): ref._obj.value = 22103; return 0
out = {}
for torch_loads in (True, False):
    def cdll(name):
        if name == torch_copy and not torch_loads: raise OSError("libfoo.so: cannot open shared object file")
        return Lib()
    p.ctypes.CDLL = cdll
    sources = {}
    v = p.library_version("cuda.nccl", sources, ["libnccl.so.*"], ["libnccl.so.2"], "ncclGetVersion", p.nccl_int)
    p.first_library = lambda patterns: (torch_copy, "torch: nvidia/cudnn/lib/libcudnn.so.9")
    c = p.cudnn_version(sources)
    p.first_library = lambda patterns: (torch_copy, "torch: nvidia/nccl/lib/libnccl.so.2")
    out["torch" if torch_loads else "fallback"] = {"nccl": v, "cudnn": c, "sources": sources}
print(json.dumps(out))
`;

describe.skipIf(SKIP)('probe: where each CUDA library was read', () => {
  it("torch's copy when it answered; the system's when torch's would not load and the system's did", () => {
    const r = spawnSync('python3', ['-c', CUDA_SOURCES, PROBE], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, { nccl: string; cudnn: string; sources: object }>;
    expect(out.torch).toEqual({
      nccl: '2.21.3',
      cudnn: '9.1.0',
      sources: {
        nccl: 'torch: nvidia/nccl/lib/libnccl.so.2',
        cudnn: 'torch: nvidia/cudnn/lib/libcudnn.so.9',
      },
    });
    expect(out.fallback).toEqual({
      nccl: '2.21.3',
      cudnn: '9.1.0',
      sources: { nccl: 'system', cudnn: 'system' },
    });
  });
});

// NCCL's version code (ncclGetVersion, NCCL_VERSION_CODE): major*1000 + minor*100 + patch up to
// 2.8, major*10000 + minor*100 + patch from 2.9 on; torch.cuda.nccl.version() is a tuple, on older
// torch that code itself.
const NCCL_VERSIONS = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("probe", sys.argv[1])
p = importlib.util.module_from_spec(spec); spec.loader.exec_module(p)
v = json.loads(sys.argv[2])
# The library's code (ncclGetVersion) goes through nccl_int; torch's answer, a code or a tuple, through nccl_version_text.
print(json.dumps({"library": p.nccl_int(v) if isinstance(v, int) else None,
                  "torch": p.nccl_version_text(v if isinstance(v, int) else tuple(v))}))
`;

describe.skipIf(SKIP)('probe: NCCL version codes, both encodings', () => {
  it.each<[number | number[], string]>([
    [22703, '2.27.3'],
    [21003, '2.10.3'],
    [20901, '2.9.1'],
    [2804, '2.8.4'],
    [2708, '2.7.8'],
    [2406, '2.4.6'],
    [[2, 21, 5], '2.21.5'],
    [[2, 8, 4], '2.8.4'],
  ])('%j -> %s', (code, text) => {
    const r = spawnSync('python3', ['-c', NCCL_VERSIONS, PROBE, JSON.stringify(code)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ library: typeof code === 'number' ? text : null, torch: text });
  });
});

interface NameCase {
  name: string;
  cc: string;
  memGiB: number;
  expect: string | null;
  mig?: string;
  /** A MIG slice's fraction of the full GPU (g/7). */
  scale?: number;
}
const NAMES = JSON.parse(
  readFileSync(path.join(REPO_ROOT, '__tests__/fixtures/gpu-names.json'), 'utf8'),
) as NameCase[];

// The script's matcher over real device names (torch.cuda.get_device_name, nvidia-smi): which row.
const MATCH = `
import json, sys
sys.path.insert(0, sys.argv[1])
import ml_image_smoke as m
table = json.loads(sys.argv[2])
out = []
for c in json.loads(sys.argv[3]):
    row, scale, note = m.match_floor(table, c["name"], c["cc"], c["memGiB"])
    out.append({"row": row and row["name"], "scale": scale, "note": note})
print(json.dumps(out))
`;

describe.skipIf(SKIP)('rows matched for real device names (the smoke script matches)', () => {
  const matched = () => {
    const r = spawnSync(
      'python3',
      [
        '-c',
        MATCH,
        path.join(REPO_ROOT, 'images/probe'),
        floorsArg(bundledBaseline()),
        JSON.stringify(NAMES),
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { row: string | null; scale: number; note: string | null }[];
  };

  it('each name gets the row it should: SXM, PCIe and NVL apart, MIG slices scaled, unknown GPUs none', () => {
    const got = matched();
    NAMES.forEach((c, i) => {
      const g = got[i]!;
      expect(g.row, c.name).toBe(c.expect);
      if (c.scale !== undefined) {
        expect(g.scale, c.name).toBeCloseTo(c.scale, 6);
        expect(g.note, c.name).toContain(`MIG slice ${c.mig}`);
      } else if (c.expect !== null) {
        expect(g.scale, c.name).toBe(1);
      }
      if (c.expect === null) expect(g.note, c.name).toContain(`no floor for ${c.name}`);
    });
  });
});

describe.skipIf(SKIP)(
  'one set of rules for TypeScript and the probe (images/probe/redaction-rules.json)',
  () => {
    // Loads the probe without running main(): as a file (rules read beside it), or as capture runs it,
    // source text without __file__ (rules from --redaction-rules=JSON); prints redact_value per case.
    const LOADER = `
import importlib.util, json, sys
if sys.argv[1] == "file":
    spec = importlib.util.spec_from_file_location("probe", sys.argv[2])
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    redact_value = probe.redact_value
else:
    g = {"__name__": "probe"}
    exec(compile(open(sys.argv[2]).read(), "probe", "exec"), g)
    redact_value = g["redact_value"]
print(json.dumps([redact_value(n, v) for n, v in json.load(sys.stdin)]))
`;
    const probeRedacts = (
      mode: 'file' | 'argv',
      cases: string[][],
      rules: unknown = REDACTION_RULES,
    ): string[] => {
      const args = [
        '-c',
        LOADER,
        mode,
        PROBE,
        ...(mode === 'argv' ? [`--redaction-rules=${JSON.stringify(rules)}`] : []),
      ];
      const r = spawnSync('python3', args, { encoding: 'utf8', input: JSON.stringify(cases) });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as string[];
    };

    it.each(['file', 'argv'] as const)('the probe (rules from %s) redacts as TypeScript does', (mode) => {
      expect(
        probeRedacts(
          mode,
          ENV_CASES.map(([n, v]) => [n, v]),
        ),
      ).toEqual(ENV_CASES.map(([, , e]) => e));
    });

    it('the probe applies the rules it is given, not a copy of its own', () => {
      const rules = { ...REDACTION_RULES, secretName: { pattern: '^HF_HOME$', ignoreCase: false } };
      expect(
        probeRedacts(
          'argv',
          [
            ['HF_HOME', '/cache'],
            ['HF_TOKEN', 'x'],
          ],
          rules,
        ),
      ).toEqual([REDACTED, 'x']);
    });

    it('the probe run as source text without rules stops and says so', () => {
      const r = spawnSync('python3', ['-c', readFileSync(PROBE, 'utf8'), '--no-torch'], { encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain('no redaction rules');
    });
  },
);

// The smoke script run as ml-image runs a suite (its last stdout line is the result).
const SMOKE = path.join(REPO_ROOT, 'images/probe/ml_image_smoke.py');
const smokeSuite = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync('python3', [SMOKE, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return {
    stdout: r.stdout,
    result: JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>,
  };
};

describe.skipIf(SKIP)('a floors table whose pattern Python cannot read (the script judges)', () => {
  const table = {
    schemaVersion: 1,
    floorFraction: 0.75,
    gpus: [
      { name: 'ours', match: '(?<!NVL.*)H200', measured: { bf16_tflops: 1 }, source: 'lab' },
      { name: 'fine', match: 'H100', measured: { bf16_tflops: 1 }, source: 'lab' },
    ],
    ddp: [{ name: 'ring', match: '\\cA', busbw_gbps: 1, interconnect: 'x', source: 'lab' }],
  };

  it.each([
    ['compute cuda', ['compute', 'cuda']],
    ['ddp --cuda', ['ddp', 'auto', '--cuda']],
  ])('%s fails at once, naming each row, before anything is measured', (_what, args) => {
    const { result } = smokeSuite([...args, '--floors', JSON.stringify(table)]);
    expect(result.status).toBe('fail');
    expect(result.reason).toMatch(/^the floors table is not usable: /);
    expect(result.reason).toContain('gpus[0].match "(?<!NVL.*)H200" (row "ours"): Python cannot read it (');
    expect(result.reason).toContain('ddp[0].match "\\\\cA" (row "ring"): Python cannot read it (');
    expect(result.reason).not.toContain('gpus[1]');
  });

  it('the bundled table reads', () => {
    const { result } = smokeSuite(['compute', 'cuda', '--floors', floorsArg(bundledBaseline())]);
    expect(String(result.reason)).not.toContain('floors table');
  });
});

describe.skipIf(SKIP)('pip-check in the shared process on a Python without pip', () => {
  let venv: string;
  beforeAll(() => {
    venv = mkdtempSync(path.join(tmpdir(), 'ml-image-no-pip-'));
    const r = spawnSync('python3', ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(venv, { recursive: true, force: true }));

  it('prints what ml-image skips on ("No module named pip"), and the next test runs in the same process', () => {
    const plan = {
      nonce: 'beef',
      steps: [
        { id: 'pip-check', argv: ['pip-check'], timeout: 60 },
        { id: 'custom:f', argv: ['file', SMOKE], timeout: 60 },
      ],
    };
    const r = spawnSync(path.join(venv, 'bin', 'python3'), [SMOKE, 'pip-check'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, [BATCH_ENV]: JSON.stringify(plan) },
    });
    expect(r.status, r.stderr).toBe(0);
    const err = sections(r.stderr, 'beef');
    const out = sections(r.stdout, 'beef');
    expect(err.get('pip-check')!.text).toMatch(/: No module named pip\n/);
    expect(out.get('pip-check')).toMatchObject({ end: { exit: 1 } });
    expect(out.get('custom:f')).toMatchObject({ end: { exit: 0 } });
  });
});

// The script's module, loaded without running a suite, then CODE run with it as `m`.
const withSmoke = (code: string, input = '') => {
  const r = spawnSync(
    'python3',
    [
      '-c',
      `import sys\nsys.path.insert(0, sys.argv[1])\nimport ml_image_smoke as m\n${code}`,
      path.dirname(SMOKE),
    ],
    { encoding: 'utf8', input },
  );
  return r;
};

// A torch stand-in for the train suite: each step's loss from LOSSES (JSON: NaN and Infinity too).
const FAKE_TRAIN = `
import json, types
LOSSES = iter(json.loads(sys.argv[2]))
class T:
    def __matmul__(self, o): return T()
    __add__ = __radd__ = __mul__ = __rmul__ = __matmul__
class Loss:
    def __init__(self, v): self.v = v
    def backward(self): pass
    def item(self): return self.v
class Model:
    def __init__(self, *a): pass
    def to(self, d): return self
    def __call__(self, x): return T()
    def parameters(self): return []
class Adam:
    def __init__(self, *a, **k): pass
    def zero_grad(self): pass
    def step(self): pass
torch = types.ModuleType("torch")
torch.manual_seed = lambda s: None
torch.cuda = types.SimpleNamespace(is_available=lambda: False)
torch.randn = lambda *a, **k: T()
torch.nn = types.SimpleNamespace(Sequential=Model, Linear=lambda *a: None, ReLU=lambda: None,
                                 functional=types.SimpleNamespace(mse_loss=lambda a, b: Loss(next(LOSSES))))
torch.optim = types.SimpleNamespace(Adam=Adam)
sys.modules["torch"] = torch
m.train(0.5)
`;

describe.skipIf(SKIP)('the result line: strict JSON on a line of its own', () => {
  const train = (losses: string) => {
    const r = spawnSync(
      'python3',
      [
        '-c',
        `import sys\nsys.path.insert(0, sys.argv[1])\nimport ml_image_smoke as m\n${FAKE_TRAIN}`,
        path.dirname(SMOKE),
        losses,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    // The host's reader: JSON.parse, which refuses NaN.
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
      status: string;
      reason: string;
      metrics: object;
    };
  };
  const steps = (first: string[], rest: string) =>
    `[${[...first, ...Array(50 - first.length).fill(rest)].join(',')}]`;

  it.each<[string, string, string, string, object]>([
    [
      'falling by more than half',
      steps(['1.0'], '0.1'),
      'pass',
      '',
      { loss_start: 1, loss_end: 0.1, loss_drop: 0.9 },
    ],
    [
      'NaN from step 3',
      steps(['1.0', '0.5'], 'NaN'),
      'fail',
      'the loss is not finite: nan at step 3 of 50',
      { loss_end: null, loss_drop: null },
    ],
    [
      'NaN at the start',
      steps(['NaN'], '0.1'),
      'fail',
      'the loss is not finite: nan at step 1 of 50',
      { loss_start: null },
    ],
    [
      'inf at the last step',
      steps([], '1.0').replace(/1\.0\]$/, 'Infinity]'),
      'fail',
      'the loss is not finite: inf at step 50 of 50',
      { loss_end: null },
    ],
    ['not falling', steps(['1.0'], '0.9'), 'fail', 'loss fell by 10.0%, less than 50.0%', { loss_drop: 0.1 }],
  ])('train, %s', (_what, losses, status, reason, metrics) => {
    const result = train(losses);
    expect(result.status).toBe(status);
    expect(result.reason).toBe(reason);
    expect(result.metrics).toMatchObject(metrics);
  });

  it('a module that printed without a newline does not run into it; NaN metrics are null', () => {
    const r = withSmoke(
      'sys.stdout.write("Loading weights...")\nm.emit("pass", "", metrics={"a": float("nan"), "b": [float("inf"), 1.5]})',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'Loading weights...\n{"status": "pass", "reason": "", "metrics": {"a": null, "b": [null, 1.5]}}\n',
    );
  });

  // Direct mode reads each suite's stdout as the host does (suites.ts suiteResult).
  it.each([
    ['alone', '{"status": "pass", "reason": ""}\n'],
    ['glued', 'Loading...{"status": "skip", "reason": "r"}'],
    ['compact', 'x{"status":"fail","reason":"r","details":[{"dist":"d","error":"{\\"status\\": 1}"}]}'],
    ['atexit after it', '\n{"status": "pass", "reason": ""}\nbye\n'],
    ['NaN', '{"status": "pass", "metrics": {"x": NaN}}'],
    ['look-alike before', '{"status": "fail", "reason": "module"}\n{"status": "pass", "reason": ""}'],
    ['the last look-alike is none', '{"status": "pass", "reason": ""}\n{"status": "done"}'],
    ['none', 'Traceback ...\n'],
  ])('direct mode and the host read a suite’s output alike: %s', (_what, stdout) => {
    const r = withSmoke('import json\nprint(json.dumps(m.result_of(sys.stdin.read())))', stdout);
    expect(r.status, r.stderr).toBe(0);
    const host = suiteResult(stdout);
    const python = JSON.parse(r.stdout) as { status: string } | null;
    expect(python?.status).toBe(host?.status);
    if (host) expect(python).toMatchObject(host);
  });
});

// Conda packages (record.conda, collectEnv.conda_packages): the probe reads conda-meta/*.json (the
// environment's and CONDA_PREFIX's) without conda, as `conda list` would list them: mkl and
// pytorch-cuda, which have no dist-info, are in the record; a token in a channel masked; a file too
// large or not JSON named under errors; without conda-meta, no field and collect_env's null.
describe.skipIf(SKIP)('probe: conda packages from conda-meta', () => {
  let dir: string;
  const TOKEN = 'tk-0123456789abcdef0123456789abcdef';
  const meta = (name: string, content: string) => {
    mkdirSync(path.join(dir, 'env/conda-meta'), { recursive: true });
    writeFileSync(path.join(dir, 'env/conda-meta', name), content);
  };
  const probe = (env: Record<string, string>) => {
    const r = spawnSync(
      'python3',
      [
        '-c',
        readFileSync(PROBE, 'utf8'),
        `--redaction-rules=${JSON.stringify(REDACTION_RULES)}`,
        '--no-torch',
      ],
      { encoding: 'utf8', cwd: dir, env: { ...process.env, ...env } },
    );
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as {
      conda?: unknown;
      collectEnv: Record<string, unknown>;
      errors: { field: string; error: string }[];
      capture: { probeVersion: number };
    };
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-probe-conda-'));
    meta(
      'mkl-2023.1.0-h213fc3f_46344.json',
      JSON.stringify({
        name: 'mkl',
        version: '2023.1.0',
        build: 'h213fc3f_46344',
        channel: 'https://repo.anaconda.com/pkgs/main/linux-64',
        subdir: 'linux-64',
        files: ['lib/libmkl_core.so.2'],
      }),
    );
    // No "channel": taken from the url, less the file name and the subdir; its /t/<token>/ masked.
    meta(
      'pytorch-cuda-12.1-ha16c6d3_5.json',
      JSON.stringify({
        name: 'pytorch-cuda',
        version: '12.1',
        build: 'ha16c6d3_5',
        url: `https://conda.anaconda.org/t/${TOKEN}/pytorch/noarch/pytorch-cuda-12.1-ha16c6d3_5.conda`,
        subdir: 'noarch',
      }),
    );
    meta(
      'zlib-1.2.13-h5eee18b_1.json',
      JSON.stringify({ name: 'zlib', version: '1.2.13', build_string: 'h5eee18b_1' }),
    );
    meta('broken.json', '{ not json');
    meta('huge.json', JSON.stringify({ name: 'huge', version: '1', files: ['x'.repeat(1_100_000)] }));
    meta('history', 'not a package record');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads each conda-meta record into the record's conda field, sorted; collect_env's conda_packages filtered as torch filters `conda list`", () => {
    const record = probe({ CONDA_PREFIX: path.join(dir, 'env') });
    expect(record.conda).toEqual([
      {
        name: 'mkl',
        version: '2023.1.0',
        build: 'h213fc3f_46344',
        channel: 'https://repo.anaconda.com/pkgs/main',
        subdir: 'linux-64',
        prefix: path.join(dir, 'env'),
      },
      {
        name: 'pytorch-cuda',
        version: '12.1',
        build: 'ha16c6d3_5',
        channel: `https://conda.anaconda.org/t/${REDACTED}/pytorch`,
        subdir: 'noarch',
        prefix: path.join(dir, 'env'),
      },
      { name: 'zlib', version: '1.2.13', build: 'h5eee18b_1', prefix: path.join(dir, 'env') },
    ]);
    expect(JSON.stringify(record)).not.toContain(TOKEN);
    expect(EnvRecordSchema.shape.conda.safeParse(record.conda).error?.issues).toBeUndefined();
    // mkl and torch's patterns are kept, zlib is not; the defaults channel is named by none.
    expect(record.collectEnv.conda_packages).toBe(
      [
        'mkl                       2023.1.0         h213fc3f_46344',
        'pytorch-cuda              12.1                 ha16c6d3_5  pytorch',
      ].join('\n'),
    );
    const errors = record.errors.filter((e) => e.field === 'conda').map((e) => e.error);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/broken\.json left out: JSONDecodeError/);
    expect(errors[1]).toMatch(/huge\.json left out: ValueError: \d+ bytes, over 1048576: not read/);
    expect(record.capture.probeVersion).toBe(8);
  });

  it("a name in both environments (sys.prefix's and CONDA_PREFIX's) is an entry in each, sys.prefix's first", () => {
    // Python runs in a venv whose prefix has a conda-meta of its own (as /opt/conda's python does).
    const venv = path.join(dir, 'venv');
    const made = spawnSync('python3', ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    mkdirSync(path.join(venv, 'conda-meta'));
    const own = (name: string, version: string) =>
      writeFileSync(
        path.join(venv, 'conda-meta', `${name}-${version}-0.json`),
        JSON.stringify({
          name,
          version,
          build: '0',
          channel: 'https://conda.anaconda.org/conda-forge/linux-64',
          subdir: 'linux-64',
        }),
      );
    own('mkl', '2024.0.0');
    own('zlib', '1.2.13');
    const r = spawnSync(
      path.join(venv, 'bin', 'python3'),
      [
        '-c',
        readFileSync(PROBE, 'utf8'),
        `--redaction-rules=${JSON.stringify(REDACTION_RULES)}`,
        '--no-torch',
      ],
      { encoding: 'utf8', cwd: dir, env: { ...process.env, CONDA_PREFIX: path.join(dir, 'env') } },
    );
    expect(r.status, r.stderr).toBe(0);
    const record = JSON.parse(r.stdout) as { conda: { name: string; version: string; prefix?: string }[] };
    expect(record.conda.map((p) => [p.name, p.version, p.prefix])).toEqual([
      ['mkl', '2024.0.0', venv],
      ['mkl', '2023.1.0', path.join(dir, 'env')],
      ['pytorch-cuda', '12.1', path.join(dir, 'env')],
      ['zlib', '1.2.13', venv],
      ['zlib', '1.2.13', path.join(dir, 'env')],
    ]);
    expect(EnvRecordSchema.shape.conda.safeParse(record.conda).error?.issues).toBeUndefined();
  });

  it('without conda-meta: no conda field, and conda_packages stays null', () => {
    const record = probe({ CONDA_PREFIX: path.join(dir, 'nowhere') });
    expect('conda' in record).toBe(false);
    expect(record.collectEnv.conda_packages).toBeNull();
    expect(record.errors.filter((e) => e.field === 'conda')).toEqual([]);
  });
});

describe('need_torch: torch absent skips, torch there but broken fails', () => {
  it.each<[string, string | undefined, string, RegExp]>([
    ['not installed: the suites that need it skip', undefined, 'skip', /torch is not installed in the image/],
    [
      'installed, a shared library missing: a failure (a pass gate would let a skip through)',
      'raise ImportError("libcudart.so.12: cannot open shared object file: No such file or directory")',
      'fail',
      /torch is installed but does not import: libcudart\.so\.12/,
    ],
    [
      'installed, a module it needs missing: a failure',
      'import typing_extensions_not_here',
      'fail',
      /torch is installed but does not import: No module named 'typing_extensions_not_here'/,
    ],
  ])('%s', (_, init, status, reason) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-torch-'));
    try {
      if (init !== undefined) {
        mkdirSync(path.join(dir, 'torch'));
        writeFileSync(path.join(dir, 'torch', '__init__.py'), `${init}\n`);
      }
      // No torch on the host's python3 but the stand-in: the directory first on sys.path.
      const r = withSmoke(
        `sys.path.insert(0, ${JSON.stringify(dir)})\nsys.modules.pop("torch", None)\nm.need_torch()`,
      );
      const line = r.stdout.trim().split('\n').at(-1) ?? '';
      const result = JSON.parse(line) as { status: string; reason: string };
      expect(result.status).toBe(status);
      expect(result.reason).toMatch(reason);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
