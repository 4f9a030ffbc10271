// NCCL up to 2.8 encodes its version as major*1000+minor*100+patch (2804); probes before that was
// decoded both ways recorded it as major*10000 (0.28.4). NCCL has no version 0: the diff reads such a
// record's NCCL as the version it stands for, so the same NCCL is no "0.28.4 -> 2.8.4 (major)".
import { describe, expect, it } from 'vitest';
import { diffRecords, summarize } from '../../src/diff/diff.js';
import { makeRecord } from '../helpers/records.js';

const withNccl = (nccl: string) => makeRecord({ cuda: { runtime: '11.1', nccl } });

describe('NCCL as an older probe decoded it', () => {
  it.each([
    ['0.28.4', '2.8.4'],
    ['0.27.8', '2.7.8'],
    ['0.4.8', '0.4.8'],
    ['2.8.4', '2.8.4'],
    ['2.21.5', '2.21.5'],
  ])('%s is NCCL %s', (recorded, shown) => {
    expect(summarize(withNccl(recorded)).components.nccl).toBe(shown);
  });

  it.each([
    ['0.28.4', '2.8.4', false, null],
    ['0.28.4', '2.21.5', true, 'up'],
  ] as const)('base %s -> head %s: changed %s, %s', (base, head, changed, direction) => {
    const c = diffRecords(withNccl(base), withNccl(head)).components.find((x) => x.id === 'nccl')!;
    expect(c).toMatchObject({ changed, direction });
  });
});
