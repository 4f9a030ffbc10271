// The CUDA runtime, cuDNN and NCCL of a record written before the probe read them from the copies
// torch loads (its nvidia-* wheels; cuda.sources says where each was read): that probe loaded them
// by name only, and found none in an image where only torch's wheels have them (python:3.11-slim +
// a CUDA torch from PyPI). Compared with a record that read the library from torch's wheels, such
// a null is unknown, not "none": the same image is no "CUDA runtime none -> 12.4" warning.
import { describe, expect, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { diffRecords } from '../../src/diff/diff.js';
import { assessReport, buildReportModel } from '../../src/report/model.js';
import { makeRecord } from '../helpers/records.js';

const TORCH_RUNTIME = 'torch: nvidia/cuda_runtime/lib/libcudart.so.12';
const TORCH_NCCL = 'torch: nvidia/nccl/lib/libnccl.so.2';

const rec = (cuda: Partial<EnvRecord['cuda']>) =>
  makeRecord({ torch: { version: '2.5.1+cu124', cuda: '12.4' }, cuda });

/** Before library sources: no cuda.sources, and nothing found by name. */
const older = rec({});
const newer = rec({ runtime: '12.4', nccl: '2.21.5', sources: { runtime: TORCH_RUNTIME, nccl: TORCH_NCCL } });

describe('CUDA libraries an older probe could not find where torch has them', () => {
  it.each([
    ['an older record against torch-wheel copies', older, newer, { cuda: false, nccl: false }],
    ['the other way round', newer, older, { cuda: false, nccl: false }],
    // The system's copy, found by name either way: its absence in the older record is real.
    ['a system copy', older, rec({ runtime: '12.4', sources: { runtime: 'system' } }), { cuda: true }],
    // Both records tell where they looked: none is none.
    ['a record that looked (sources {})', rec({ sources: {} }), newer, { cuda: true, nccl: true }],
    ['a real change', rec({ runtime: '12.1' }), newer, { cuda: true }],
  ])('%s', (_, base, head, changed) => {
    const byId = Object.fromEntries(diffRecords(base, head).components.map((c) => [c.id, c.changed]));
    expect(byId).toMatchObject(changed);
  });

  it('the same image captured by the two probes is unchanged in the verdict', () => {
    const model = buildReportModel({
      image: 'a/b',
      variant: 'cuda12.4',
      entries: [{ platform: 'linux/amd64', base: older, head: newer }],
    });
    expect(assessReport(model)).toMatchObject({ verdict: 'unchanged' });
  });
});
