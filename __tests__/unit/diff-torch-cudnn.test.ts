// cuDNN as torch reports it, in a record written before the probe turned torch's cuDNN code into a
// version (probe 1 stored torch.backends.cudnn.version() as it is: 90100, 8902): the diff reads the
// code as the version it stands for, so a base branch's older record does not make the same cuDNN
// a major downgrade (90100 -> 9.1.0) in the verdict.
import { describe, expect, it } from 'vitest';
import { diffRecords, summarize } from '../../src/diff/diff.js';
import { buildReportModel, assessReport } from '../../src/report/model.js';
import { makeRecord } from '../helpers/records.js';

/** A record whose cuDNN is known only through torch (no libcudnn on the loader's path). */
const viaTorch = (cudnn: number | string) =>
  makeRecord({ torch: { version: '2.5.1+cu124', cuda: '12.4', cudnn } as never });

describe("torch's cuDNN code in an older record", () => {
  it.each([
    [90100, '9.1.0'],
    [91900, '9.19.0'],
    [8902, '8.9.2'],
    [8600, '8.6.0'],
    [7605, '7.6.5'],
    ['9.1.0', '9.1.0'],
  ] as const)('torch cudnn %j is cuDNN %s', (code, shown) => {
    expect(summarize(viaTorch(code)).components.cudnn).toBe(shown);
  });

  it.each([
    [90100, '9.1.0', false, null],
    [8902, '8.9.2', false, null],
    [8902, '9.1.0', true, 'up'],
    [90100, '8.9.7', true, 'down'],
  ] as const)('base %j -> head %s: changed %s, %s', (base, head, changed, direction) => {
    const c = diffRecords(viaTorch(base), viaTorch(head)).components.find((x) => x.id === 'cudnn')!;
    expect(c).toMatchObject({ changed, direction });
  });

  it('the same cuDNN read from an older record is no finding of the verdict', () => {
    const model = buildReportModel({
      image: 'a/b',
      variant: 'cuda12.4',
      entries: [{ platform: 'linux/amd64', base: viaTorch(90100), head: viaTorch('9.1.0') }],
    });
    expect(assessReport(model)).toMatchObject({ verdict: 'unchanged' });
  });
});
