// The variant's NVIDIA driver floor (DIR/plan.json) reaches the job only through the gpu suite: the
// export's summary says it, and says when no suite of the job checks it.
import { describe, expect, it } from 'vitest';
import { exportSummary, summaryLines } from '../../src/cli/commands/export-summary.js';
import type { SmokeSuite } from '../../src/config/schema.js';
import { IMAGE, spec } from '../helpers/export-fixtures.js';

const written = {
  files: ['o/job.yaml'],
  submit: 'kubectl apply -f o/job.yaml',
  results: 'kubectl logs',
  collect: 'ml-image collect --k8s smoke.log --out build',
};
const lines = (suites: SmokeSuite[], gpusPerNode: number | 'all', driverFloor?: string) =>
  summaryLines(
    exportSummary(
      { image: IMAGE },
      spec({ suites, gpusPerNode, ...(driverFloor !== undefined && { driverFloor }) }),
      false,
      written,
    ),
  ).filter((l) => /driver/.test(l));

describe('export summary: the driver floor', () => {
  it.each([
    [
      'the gpu suite runs: it checks the floor',
      ['gpu', 'ddp'],
      8,
      '570.124.06',
      [
        "driver:  NVIDIA >= 570.124.06 (plan.json): the gpu suite fails on a node below it (but where NVIDIA's forward compatibility, cuda-compat, runs it)",
      ],
    ],
    [
      'no gpu suite: nothing checks it, said so',
      ['compute', 'ddp'],
      'all',
      '570.124.06',
      [
        'note:    the variant needs NVIDIA driver >= 570.124.06 (plan.json); no gpu suite runs to check it (add gpu to --suites)',
      ],
    ],
    ['no GPUs asked for: no line', ['gpu'], 0, '570.124.06', []],
    ['no floor (--image): no line', ['gpu'], 8, undefined, []],
  ] as const)('%s', (_n, suites, gpus, floor, expected) => {
    expect(lines([...suites], gpus, floor)).toEqual(expected);
  });

  it('is in the --json summary', () => {
    const s = exportSummary(
      { image: IMAGE },
      spec({ gpusPerNode: 1, driverFloor: '535.104' }),
      false,
      written,
    );
    expect(s.driverFloor).toBe('535.104');
    expect(exportSummary({ image: IMAGE }, spec(), false, written).driverFloor).toBeUndefined();
  });
});
