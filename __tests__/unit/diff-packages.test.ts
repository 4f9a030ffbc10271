// Which entries the package diff compares: conda packages (record.conda), apt packages installed
// for several architectures, and the pip copy Python imports when a name is installed twice.
import { describe, expect, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { diffRecords } from '../../src/diff/diff.js';
import { EnvDiffSchema } from '../../src/diff/schema.js';
import { explainSize } from '../../src/diff/size.js';
import { assessReport, buildReportModel } from '../../src/report/model.js';
import { ReportModelSchema } from '../../src/report/model-schema.js';
import { renderReport } from '../../src/report/render.js';
import { makeRecord, pipEntry } from '../helpers/records.js';

type Conda = NonNullable<EnvRecord['conda']>;

function withConda(conda: Conda | undefined, probeVersion = 4): EnvRecord {
  const r = makeRecord();
  return {
    ...r,
    ...(conda !== undefined && { conda }),
    capture: { ...r.capture, probeVersion },
  };
}

const BASE_CONDA: Conda = [
  { name: 'mkl', version: '2023.1.0', build: 'h213fc3f_46344', channel: 'pkgs/main', subdir: 'linux-64' },
  { name: 'pytorch-cuda', version: '12.1', build: 'ha16c6d3_6', channel: 'pytorch', subdir: 'linux-64' },
  { name: 'zlib', version: '1.2.13', build: 'h5eee18b_1' },
];
const HEAD_CONDA: Conda = [
  { name: 'mkl', version: '2024.0.0', build: 'h06a4308_49657', channel: 'pkgs/main', subdir: 'linux-64' },
  { name: 'pytorch-cuda', version: '12.4', build: 'hc786d27_7', channel: 'pytorch', subdir: 'linux-64' },
  { name: 'zlib', version: '1.2.13', build: 'h5eee18b_1' },
];

describe('conda packages', () => {
  it('records that differ only in conda packages: the diff lists them and says changed', () => {
    const d = diffRecords(withConda(BASE_CONDA), withConda(HEAD_CONDA));
    expect(d.conda).toEqual({
      baseCount: 3,
      headCount: 3,
      unchanged: 1,
      changes: [
        { name: 'mkl', kind: 'upgraded', from: '2023.1.0', to: '2024.0.0', level: 'major' },
        { name: 'pytorch-cuda', kind: 'upgraded', from: '12.1', to: '12.4', level: 'minor' },
      ],
    });
    expect(d.changed).toBe(true);
    expect(EnvDiffSchema.parse(d)).toEqual(d);
  });

  it('added, removed and downgraded by name; a name in both environments counts once', () => {
    const base = withConda([
      { name: 'cuda-nvrtc', version: '12.1.105' },
      { name: 'mkl', version: '2024.0.0' },
      { name: 'mkl', version: '2024.0.0' },
    ]);
    const head = withConda([
      { name: 'intel-openmp', version: '2023.1.0' },
      { name: 'mkl', version: '2023.1.0' },
    ]);
    expect(diffRecords(base, head).conda?.changes.map((c) => [c.name, c.kind])).toEqual([
      ['mkl', 'downgraded'],
      ['intel-openmp', 'added'],
      ['cuda-nvrtc', 'removed'],
    ]);
  });

  it('records without conda (older format) diff as before: no conda field', () => {
    const d = diffRecords(withConda(undefined, 2), withConda(undefined, 2));
    expect(d).not.toHaveProperty('conda');
    expect(d.changed).toBe(false);
  });

  it('a base written before the probe read conda: its packages are unknown, not all added', () => {
    expect(diffRecords(withConda(undefined, 3), withConda(HEAD_CONDA))).not.toHaveProperty('conda');
    // A probe-4 record without conda-meta has none: moving to a conda base adds them.
    const d = diffRecords(withConda(undefined, 4), withConda(HEAD_CONDA));
    expect(d.conda?.changes.map((c) => c.kind)).toEqual(['added', 'added', 'added']);
  });

  it('the report shows them like pip and apt changes (table, overview row, verdict), escaped', () => {
    const evil = [...HEAD_CONDA, { name: '<img src=x>|**x**', version: '1.0`|' }];
    const model = buildReportModel({
      image: 'ghcr.io/acme/model',
      variant: 'cuda',
      entries: [{ platform: 'linux/amd64', base: withConda(BASE_CONDA), head: withConda(evil) }],
      baseline: { ref: 'main' },
    });
    expect(ReportModelSchema.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
    const a = assessReport(model);
    expect(a.verdict).not.toBe('unchanged');
    expect(a.findings.map((f) => f.text)).toContain('3 conda changes (1 major)');
    const { markdown } = renderReport(model);
    expect(markdown).not.toContain('No environment changes');
    expect(markdown).toMatch(/<summary>conda: 2 upgraded · 1 added<\/summary>/);
    expect(markdown).toMatch(/\| conda packages \| 3 \| 4 \| 2 upgraded · 1 added \|/);
    expect(markdown).toMatch(/\| mkl \| 2023\.1\.0 \| 2024\.0\.0 \|/);
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('**x**');
  });

  it('a report without conda packages has no conda row', () => {
    const model = buildReportModel({
      image: 'ghcr.io/acme/model',
      variant: 'cpu',
      entries: [{ platform: 'linux/amd64', base: makeRecord(), head: makeRecord() }],
      baseline: { ref: 'main' },
    });
    expect(renderReport(model).markdown).not.toContain('conda');
  });
});

describe('apt packages for several architectures', () => {
  const libc6 = (arch: string, version = '2.39-0ubuntu8.4', sizeBytes = 13_000_000) => ({
    name: 'libc6',
    version,
    arch,
    sizeBytes,
  });
  const record = (apt: EnvRecord['apt']) => makeRecord({ apt });

  it('adding libc6:i386 beside libc6 (amd64) is one package added, not one removed and two added', () => {
    const d = diffRecords(record([libc6('amd64')]), record([libc6('amd64'), libc6('i386')]));
    expect(d.apt.changes).toEqual([
      { name: 'libc6:i386', kind: 'added', from: null, to: '2.39-0ubuntu8.4', level: null },
    ]);
    expect(d.apt.unchanged).toBe(1);
    expect(explainSize(record([libc6('amd64')]), record([libc6('amd64'), libc6('i386')]))?.packages).toEqual([
      expect.objectContaining({ kind: 'apt', name: 'libc6:i386', from: null, delta: 13_000_000 }),
    ]);
  });

  it('dropping the second architecture is one package removed; an upgrade of both is two', () => {
    const two = record([libc6('amd64'), libc6('i386')]);
    expect(diffRecords(two, record([libc6('amd64')])).apt.changes.map((c) => [c.name, c.kind])).toEqual([
      ['libc6:i386', 'removed'],
    ]);
    const newer = record([libc6('amd64', '2.39-0ubuntu8.5'), libc6('i386', '2.39-0ubuntu8.5')]);
    expect(diffRecords(two, newer).apt.changes.map((c) => [c.name, c.kind])).toEqual([
      ['libc6:amd64', 'upgraded'],
      ['libc6:i386', 'upgraded'],
    ]);
  });

  it('one architecture on each side is keyed by name: a change of architecture (amd64 -> all) is an upgrade', () => {
    const d = diffRecords(record([libc6('amd64')]), record([libc6('all', '2.39-0ubuntu8.5')]));
    expect(d.apt.changes.map((c) => [c.name, c.kind])).toEqual([['libc6', 'upgraded']]);
  });
});

describe('a pip distribution installed twice', () => {
  const record = (packages: EnvRecord['python']['packages'], probeVersion: number) => {
    const r = makeRecord({ pip: packages });
    return { ...r, capture: { ...r.capture, probeVersion } };
  };

  it("probe 5 lists copies in sys.path order: the first is the one Python imports, even Debian's", () => {
    // PYTHONPATH=/usr/lib/python3/dist-packages: Debian's copy comes first on sys.path.
    const base = record([pipEntry('PyYAML', '6.0.1', '/usr/lib/python3/dist-packages')], 5);
    const head = record(
      [
        pipEntry('PyYAML', '6.0.1', '/usr/lib/python3/dist-packages'),
        pipEntry('pyyaml', '5.4', '/usr/local/lib/python3.12/dist-packages'),
      ],
      5,
    );
    expect(diffRecords(base, head).pip.changes).toEqual([]);
  });

  it('typing_extensions on PYTHONPATH before typing-extensions in dist-packages: the diff says 4.12.0', () => {
    const copies = [
      pipEntry('typing_extensions', '4.12.0', '/opt/extra'),
      pipEntry('typing-extensions', '4.5.0', '/usr/lib/python3/dist-packages'),
    ];
    const base = record([pipEntry('typing-extensions', '4.12.0', '/opt/extra')], 5);
    expect(diffRecords(base, record(copies, 5)).pip.changes).toEqual([]);
  });

  it("an older record keeps the copy outside /usr/lib/python3 (its order is the spelling's)", () => {
    const base = record([pipEntry('PyYAML', '5.4')], 4);
    const head = record(
      [pipEntry('PyYAML', '6.0.1', '/usr/lib/python3/dist-packages'), pipEntry('pyyaml', '5.4')],
      4,
    );
    expect(diffRecords(base, head).pip.changes).toEqual([]);
  });
});
