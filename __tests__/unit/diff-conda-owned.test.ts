// A Python package conda installed shows in pip's list too (its INSTALLER is "conda"): with a
// conda table in the diff, its change is listed there once (with its build and channel), not in
// both tables. One pip installed on either side (over conda's copy) stays in pip's table.
import { describe, expect, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { diffRecords } from '../../src/diff/diff.js';
import { assessReport, buildReportModel } from '../../src/report/model.js';
import { makeRecord } from '../helpers/records.js';

type Pip = EnvRecord['python']['packages'][number];
const pkg = (name: string, version: string, installer: string): Pip => ({
  name,
  version,
  requires: [],
  installer,
  location: '/opt/conda/lib/python3.11/site-packages',
});
const conda = (name: string, version: string) => ({
  name,
  version,
  build: 'py311h08b1b3b_0',
  channel: 'conda-forge',
  subdir: 'linux-64',
});
function record(pip: Pip[], condaList?: ReturnType<typeof conda>[]): EnvRecord {
  const r = makeRecord({ pip });
  return {
    ...r,
    ...(condaList && { conda: condaList }),
    capture: { ...r.capture, probeVersion: 5 },
  };
}

describe('a package conda installed, in a diff with a conda table', () => {
  it('numpy upgraded by conda: one conda change, none in pip; a pip-installed one stays in pip', () => {
    const base = record(
      [pkg('numpy', '1.26.4', 'conda'), pkg('requests', '2.31.0', 'pip')],
      [conda('numpy', '1.26.4'), conda('python', '3.11.9')],
    );
    const head = record(
      [pkg('numpy', '2.0.1', 'conda'), pkg('requests', '2.32.3', 'pip')],
      [conda('numpy', '2.0.1'), conda('python', '3.11.9')],
    );
    const d = diffRecords(base, head);
    expect(d.pip.changes.map((c) => c.name)).toEqual(['requests']);
    expect(d.conda!.changes.map((c) => [c.name, c.kind])).toEqual([['numpy', 'upgraded']]);
    // The counts are still every package Python sees.
    expect([d.pip.baseCount, d.pip.headCount]).toEqual([2, 2]);
    const m = buildReportModel({
      image: 'ghcr.io/acme/model',
      variant: 'cpu',
      entries: [{ platform: 'linux/amd64', base, head }],
      baseline: { ref: 'main' },
    });
    expect(assessReport(m).findings.map((f) => f.text)).toEqual([
      'NumPy 1.26.4 → 2.0.1 (major)',
      '1 pip change',
      '1 conda change (1 major)',
    ]);
  });

  it.each<[string, string, string]>([
    ['pip installed over conda in this PR', 'conda', 'pip'],
    ['conda replaced a pip-installed copy', 'pip', 'conda'],
  ])('%s: the change stays in pip', (_, from, to) => {
    const d = diffRecords(
      record([pkg('numpy', '1.26.4', from)], [conda('numpy', '1.26.4')]),
      record([pkg('numpy', '2.0.1', to)], [conda('numpy', '1.26.4')]),
    );
    expect(d.pip.changes.map((c) => [c.name, c.kind])).toEqual([['numpy', 'upgraded']]);
  });

  it('added by conda (a new package): in conda only; without a conda table pip keeps it all', () => {
    const base = record([], [conda('python', '3.11.9')]);
    const head = record(
      [pkg('scipy', '1.14.0', 'conda')],
      [conda('python', '3.11.9'), conda('scipy', '1.14.0')],
    );
    expect(diffRecords(base, head).pip.changes).toEqual([]);
    // An older base record (no conda list, probe 3): no conda table, so pip lists the change.
    const older = makeRecord({ pip: [] });
    const d = diffRecords(older, record([pkg('scipy', '1.14.0', 'conda')]));
    expect(d.conda).toBeUndefined();
    expect(d.pip.changes.map((c) => [c.name, c.kind])).toEqual([['scipy', 'added']]);
  });

  it("a pip version changed where conda's list did not: the change stays in pip", () => {
    // conda's numpy is unchanged; pip reads another version (its metadata was edited in place).
    const d = diffRecords(
      record([pkg('numpy', '1.26.4', 'conda')], [conda('numpy', '1.26.4')]),
      record([pkg('numpy', '1.26.5', 'conda')], [conda('numpy', '1.26.4')]),
    );
    expect(d.conda!.changes).toEqual([]);
    expect(d.pip.changes.map((c) => [c.name, c.kind, c.from, c.to])).toEqual([
      ['numpy', 'upgraded', '1.26.4', '1.26.5'],
    ]);
  });

  it.each<[string, string[], string, string, string]>([
    // conda's pytorch is pip's torch: the same versions, so the conda table shows it.
    ['pytorch upgraded by conda', [], 'pytorch', '2.1.0', '2.2.0'],
    // Another conda package moved between other versions: torch's own change is shown by nobody.
    ['another conda package upgraded', ['torch'], 'scipy', '1.13.0', '1.14.0'],
  ])('%s, torch (conda-installed) 2.1.0 -> 2.2.0 in pip: pip lists %j', (_, listed, name, from, to) => {
    const d = diffRecords(
      record([pkg('torch', '2.1.0', 'conda')], [conda(name, from)]),
      record([pkg('torch', '2.2.0', 'conda')], [conda(name, to)]),
    );
    expect(d.conda!.changes.map((c) => c.name)).toEqual([name]);
    expect(d.pip.changes.map((c) => c.name)).toEqual(listed);
  });

  it("a Python package's conda change between the same versions does not stand for another's", () => {
    // scipy (conda's and pip's name alike) happens to move 2.1.0 -> 2.2.0 as torch does.
    const d = diffRecords(
      record(
        [pkg('torch', '2.1.0', 'conda'), pkg('scipy', '2.1.0', 'conda')],
        [conda('scipy', '2.1.0'), conda('python', '3.11.9')],
      ),
      record(
        [pkg('torch', '2.2.0', 'conda'), pkg('scipy', '2.2.0', 'conda')],
        [conda('scipy', '2.2.0'), conda('python', '3.11.9')],
      ),
    );
    expect(d.conda!.changes.map((c) => c.name)).toEqual(['scipy']);
    expect(d.pip.changes.map((c) => c.name)).toEqual(['torch']);
  });

  it('added under another name by conda: shown by conda; a removal between the same versions is not', () => {
    const base = record([pkg('gone', '1.0', 'conda')], [conda('py-gone', '1.0')]);
    const head = record([pkg('torch', '1.0', 'conda')], [conda('pytorch', '1.0')]);
    const d = diffRecords(base, head);
    expect(d.conda!.changes.map((c) => [c.name, c.kind])).toEqual([
      ['pytorch', 'added'],
      ['py-gone', 'removed'],
    ]);
    expect(d.pip.changes).toEqual([]);
    // The kinds must agree: conda's added pytorch 1.0 does not stand for pip's removed gone 1.0.
    const only = diffRecords(record([pkg('gone', '1.0', 'conda')], []), head);
    expect(only.pip.changes.map((c) => [c.name, c.kind])).toEqual([['gone', 'removed']]);
  });
});
