// A version change in which only the PEP 440 local label differs (NGC's torch 2.7.0a0+7c8ec84dab ->
// 2.7.0a0+79aa17489c, +cu121 -> +cpu) has no direction: the label names a build (a commit, a CUDA
// build), and PEP 440's text order of it says nothing. It is "changed" (level local), neither an
// upgrade nor a downgrade, and information only, unless torch's CUDA build went away or back.
import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../src/diff/diff.js';
import { assessReport, buildReportModel, type ReportInput } from '../../src/report/model.js';
import { renderReport } from '../../src/report/render.js';
import { makeRecord, type RecordSpec } from '../helpers/records.js';

// The project's own catalog: NGC PyTorch 25.03 and 25.04 (src/plan/catalog.json).
const NGC_2503 = '2.7.0a0+7c8ec84dab';
const NGC_2504 = '2.7.0a0+79aa17489c';

const torchCuda = (version: string, cuda: string | null): RecordSpec => ({
  torch: { version, cuda },
  pip: { pip: '24.0', torch: version },
});

function input(base: RecordSpec, head: RecordSpec): ReportInput {
  return {
    image: 'ghcr.io/acme/model',
    variant: 'gpu',
    entries: [
      {
        platform: 'linux/amd64',
        base: makeRecord(base),
        head: makeRecord(head),
        baseSmoke: null,
        headSmoke: null,
      },
    ],
  };
}

describe('only the local label changed', () => {
  it('NGC torch 25.03 -> 25.04: pip "changed" (local), torch component direction "changed"', () => {
    const d = diffRecords(makeRecord(torchCuda(NGC_2503, '12.8')), makeRecord(torchCuda(NGC_2504, '12.8')));
    expect(d.pip.changes).toEqual([
      { name: 'torch', kind: 'changed', from: NGC_2503, to: NGC_2504, level: 'local' },
    ]);
    expect(d.components.find((c) => c.id === 'torch')).toMatchObject({
      changed: true,
      direction: 'changed',
      level: 'local',
    });
  });

  it('NGC torch 25.03 -> 25.04: no downgrade anywhere, the verdict is "changed", not a warning', () => {
    const model = buildReportModel(input(torchCuda(NGC_2503, '12.8'), torchCuda(NGC_2504, '12.8')));
    expect(assessReport(model)).toEqual({
      verdict: 'changed',
      findings: [
        { text: `torch ${NGC_2503} → ${NGC_2504} (local)`, severity: 'info' },
        { text: '1 pip change', severity: 'info' },
      ],
    });
    const { markdown: md } = renderReport(model);
    expect(md).not.toMatch(/downgrade|⬇️/);
    expect(md).toContain('pip: 1 changed');
    expect(md).toMatch(/\| torch \| 2\.7\.0a0\+7c8ec84dab \| 2\.7\.0a0\+79aa17489c \| ✏️ local \|/);
  });

  it('+cu121 -> +cpu loses the CUDA build: changed (local), and a warning through torch CUDA', () => {
    const model = buildReportModel(input(torchCuda('2.1.0+cu121', '12.1'), torchCuda('2.1.0+cpu', null)));
    expect(model.platforms[0]!.diff!.pip.changes[0]).toMatchObject({ kind: 'changed', level: 'local' });
    expect(assessReport(model)).toEqual({
      verdict: 'warning',
      findings: [
        { text: 'torch 2.1.0+cu121 → 2.1.0+cpu (local)', severity: 'warning' },
        { text: '1 pip change', severity: 'info' },
      ],
    });
  });

  it('+cpu -> +cu121: changed, not an upgrade; the CUDA build added is a warning as on its own', () => {
    const model = buildReportModel(input(torchCuda('2.1.0+cpu', null), torchCuda('2.1.0+cu121', '12.1')));
    expect(model.platforms[0]!.diff!.pip.changes[0]).toMatchObject({ kind: 'changed', level: 'local' });
    expect(assessReport(model).findings[0]).toEqual({
      text: 'torch 2.1.0+cpu → 2.1.0+cu121 (local)',
      severity: 'warning',
    });
  });

  it('+cu126 -> +cu128 (torch CUDA 12.6 -> 12.8) is information; +cu128 -> +cu126 is a warning', () => {
    const up = assessReport(
      buildReportModel(input(torchCuda('2.7.0+cu126', '12.6'), torchCuda('2.7.0+cu128', '12.8'))),
    );
    expect(up.verdict).toBe('changed');
    expect(up.findings[0]).toEqual({ text: 'torch 2.7.0+cu126 → 2.7.0+cu128 (local)', severity: 'info' });
    const down = assessReport(
      buildReportModel(input(torchCuda('2.7.0+cu128', '12.8'), torchCuda('2.7.0+cu126', '12.6'))),
    );
    expect(down.verdict).toBe('warning');
    expect(down.findings[0]).toEqual({
      text: 'torch 2.7.0+cu128 → 2.7.0+cu126 (local)',
      severity: 'warning',
    });
  });

  it('a torch minor upgrade that lost its CUDA build is a warning (the folded torch CUDA finding)', () => {
    const a = assessReport(
      buildReportModel(input(torchCuda('2.1.0+cu121', '12.1'), torchCuda('2.2.0+cpu', null))),
    );
    expect(a.findings[0]).toEqual({ text: 'torch 2.1.0+cu121 → 2.2.0+cpu (minor)', severity: 'warning' });
  });
});
