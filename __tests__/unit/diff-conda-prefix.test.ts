// A conda name in both environments the probe reads (sys.prefix's /opt/conda and CONDA_PREFIX's
// /opt/conda/envs/ml) is an entry in each from probe 6 on, each naming its environment
// (record.conda[].prefix). The diff compares such a name environment by environment, so that
// NumPy going to 2.x in the env is seen while /opt/conda's stays 1.26 (keyed by name alone, the
// first entry stood for both and the env's upgrade was lost); the report names the environment.
// A name in one environment keeps its key alone, and a record written before probe 6 (no prefix)
// is still compared by name.
import { describe, expect, it } from 'vitest';
import { type EnvRecord, EnvRecordSchema } from '../../src/capture/record.js';
import { diffRecords } from '../../src/diff/diff.js';
import { PackageChangeSchema } from '../../src/diff/schema.js';
import { assessReport, buildReportModel } from '../../src/report/model.js';
import { renderReport } from '../../src/report/render.js';
import { makeRecord } from '../helpers/records.js';

const BASE_ENV = '/opt/conda';
const ML_ENV = '/opt/conda/envs/ml';

type Conda = NonNullable<EnvRecord['conda']>[number];
const conda = (name: string, version: string, prefix?: string): Conda => ({
  name,
  version,
  build: 'py311h08b1b3b_0',
  channel: 'https://conda.anaconda.org/conda-forge',
  subdir: 'linux-64',
  ...(prefix !== undefined && { prefix }),
});
function record(list: Conda[], probeVersion = 6): EnvRecord {
  const r = makeRecord();
  return { ...r, conda: list, capture: { ...r.capture, probeVersion } };
}
const rows = (r: EnvRecord, h: EnvRecord) =>
  diffRecords(r, h).conda!.changes.map((c) => [c.name, c.prefix, c.kind, c.from, c.to]);

describe('a conda name in two environments', () => {
  // sys.prefix's first, as the probe lists them: Python runs in /opt/conda, the env is activated.
  const base = record([
    conda('numpy', '1.26.4', BASE_ENV),
    conda('numpy', '1.26.4', ML_ENV),
    conda('python', '3.11.9', BASE_ENV),
    conda('python', '3.11.9', ML_ENV),
  ]);

  it("the env's upgrade is a change of that environment's numpy; /opt/conda's unchanged", () => {
    const head = record([
      conda('numpy', '1.26.4', BASE_ENV),
      conda('numpy', '2.0.1', ML_ENV),
      conda('python', '3.11.9', BASE_ENV),
      conda('python', '3.11.9', ML_ENV),
    ]);
    const d = diffRecords(base, head).conda!;
    expect(rows(base, head)).toEqual([['numpy', ML_ENV, 'upgraded', '1.26.4', '2.0.1']]);
    expect(d).toMatchObject({ baseCount: 4, headCount: 4, unchanged: 3 });
  });

  it('both environments changed: two changes, each naming its environment', () => {
    const head = record([
      conda('numpy', '1.26.3', BASE_ENV),
      conda('numpy', '2.0.1', ML_ENV),
      conda('python', '3.11.9', BASE_ENV),
      conda('python', '3.11.9', ML_ENV),
    ]);
    expect(rows(base, head)).toEqual([
      ['numpy', ML_ENV, 'upgraded', '1.26.4', '2.0.1'],
      ['numpy', BASE_ENV, 'downgraded', '1.26.4', '1.26.3'],
    ]);
  });

  it('the env gains a package /opt/conda has: added in that environment', () => {
    const head = record([...base.conda!, conda('torch', '2.3.0', BASE_ENV), conda('torch', '2.4.0', ML_ENV)]);
    const b = record([...base.conda!, conda('torch', '2.3.0', BASE_ENV)]);
    expect(rows(b, head)).toEqual([['torch', ML_ENV, 'added', null, '2.4.0']]);
  });

  it('the report names the environment in the conda table and counts each change', () => {
    const head = record([
      conda('numpy', '1.26.3', BASE_ENV),
      conda('numpy', '2.0.1', ML_ENV),
      conda('python', '3.11.9', BASE_ENV),
      conda('python', '3.11.9', ML_ENV),
    ]);
    const m = buildReportModel({
      image: 'ghcr.io/acme/model',
      variant: 'cpu',
      entries: [{ platform: 'linux/amd64', base, head }],
      baseline: { ref: 'main' },
    });
    const md = renderReport(m).markdown;
    expect(md).toContain('| numpy in /opt/conda/envs/ml | 1.26.4 | 2.0.1 |');
    expect(md).toContain('| numpy in /opt/conda | 1.26.4 | 1.26.3 |');
    expect(assessReport(m).findings.map((f) => f.text)).toContain('2 conda changes (1 major, 1 downgraded)');
  });
});

describe('names in one environment, and older records', () => {
  it('a name in one environment is keyed alone: no environment shown, a move between them is one change', () => {
    const base = record([conda('numpy', '1.26.4', BASE_ENV), conda('mkl', '2023.1.0', BASE_ENV)]);
    const head = record([conda('numpy', '2.0.1', ML_ENV), conda('mkl', '2023.1.0', BASE_ENV)]);
    expect(rows(base, head)).toEqual([['numpy', undefined, 'upgraded', '1.26.4', '2.0.1']]);
  });

  it('a record written before probe 6 (no prefix) is compared by name, as before', () => {
    const old = record([conda('numpy', '1.26.4'), conda('python', '3.11.9')], 5);
    expect(EnvRecordSchema.shape.conda.safeParse(old.conda).success).toBe(true);
    const head = record([
      conda('numpy', '2.0.1', BASE_ENV),
      conda('numpy', '2.0.1', ML_ENV),
      conda('python', '3.11.9', BASE_ENV),
    ]);
    expect(rows(old, head)).toEqual([['numpy', undefined, 'upgraded', '1.26.4', '2.0.1']]);
  });

  it('one image read by probe 5 and by probe 6 shows no conda change (each side keyed alone by the same rule)', () => {
    // Probe 5 sorted a name's entries by version; probe 6 lists sys.prefix's first. Each record's
    // first entry would compare 1.26.4 with 2.0.1: a major upgrade of an image against itself.
    const old = record([conda('numpy', '1.26.4'), conda('numpy', '2.0.1'), conda('python', '3.11.9')], 5);
    const head = record([
      conda('numpy', '2.0.1', BASE_ENV),
      conda('numpy', '1.26.4', ML_ENV),
      conda('python', '3.11.9', BASE_ENV),
      conda('python', '3.11.9', ML_ENV),
    ]);
    expect(rows(old, head)).toEqual([]);
  });

  it('a change an older version wrote (no prefix) still reads; one with its environment keeps it', () => {
    const change = { name: 'numpy', kind: 'upgraded', from: '1.26.4', to: '2.0.1', level: 'major' };
    expect(PackageChangeSchema.parse(change)).toEqual(change);
    expect(PackageChangeSchema.parse({ ...change, prefix: ML_ENV }).prefix).toBe(ML_ENV);
  });
});
