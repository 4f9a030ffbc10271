// GPU code paths without a GPU: the probe and the smoke script run with the host's python3 against
// a stand-in nvidia-smi that prints output recorded on real machines; and the per-GPU floors.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFloors, bundledBaseline, type Baseline } from '../../src/smoke/baselines.js';
import type { SmokeTest } from '../../src/smoke/result.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

// nvidia-smi --query-gpu=... --format=csv,noheader[,nounits] as printed on an 8x H100 SXM node.
const H100_QUERY = Array.from({ length: 8 }, () => 'NVIDIA H100 80GB HBM3, 81559, 9.0, 570.124.06').join(
  '\n',
);
const H100_DRIVER = Array.from({ length: 8 }, () => 'NVIDIA H100 80GB HBM3, 570.124.06').join('\n');
const OLD_DRIVER = 'Tesla V100-SXM2-16GB, 525.60.13';

let bin: string;
beforeAll(() => {
  bin = mkdtempSync(path.join(tmpdir(), 'ml-image-fake-smi-'));
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function fakeNvidiaSmi(output: string) {
  const file = path.join(bin, 'nvidia-smi');
  writeFileSync(file, `#!/bin/sh\ncase "$*" in *driver_version*) ;; esac\ncat <<'EOF_'\n${output}\nEOF_\n`);
  chmodSync(file, 0o755);
}

function py(script: string, args: string[]) {
  const r = spawnSync('python3', [path.join(REPO_ROOT, 'images/probe', script), ...args], {
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME ?? '/root' },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

describe('GPU paths over recorded nvidia-smi output', () => {
  it('the probe parses GPUs: name, memory, compute capability, driver (no UUIDs)', () => {
    fakeNvidiaSmi(H100_QUERY);
    const rec = py('ml_image_probe.py', ['--no-torch']);
    expect(rec.gpus).toHaveLength(8);
    expect(rec.gpus[0]).toEqual({
      name: 'NVIDIA H100 80GB HBM3',
      memoryMiB: 81559,
      computeCapability: '9.0',
      driver: '570.124.06',
    });
    expect(JSON.stringify(rec)).not.toMatch(/GPU-[0-9a-f]{8}-/);
    expect(rec.collectEnv.nvidia_gpu_models).toContain('NVIDIA H100 80GB HBM3');
    expect(rec.collectEnv.nvidia_driver_version).toBe('570.124.06');
  });

  it.each([
    [H100_DRIVER, '570.26', 'pass', undefined],
    [H100_DRIVER, '580.65.06', 'fail', 'NVIDIA driver 570.124.06 is older than 580.65.06'],
    [OLD_DRIVER, '570.26', 'fail', 'NVIDIA driver 525.60.13 is older than 570.26'],
  ])('gpu suite: driver floor %#', (smi, floor, status, reason) => {
    fakeNvidiaSmi(smi);
    const r = py('ml_image_smoke.py', ['gpu', floor]);
    expect(r.status).toBe(status);
    if (reason) expect(r.reason).toContain(reason);
    expect(r.metrics.gpus).toBe(smi.split('\n').length);
  });
});

describe('per-GPU throughput floors', () => {
  const computed = (gpu: string, bf16: number): SmokeTest => ({
    id: 'compute-gpu',
    suite: 'compute',
    status: 'pass',
    durationMs: 1,
    metrics: { gpu, fp32_tflops: 50, tf32_tflops: 300, bf16_tflops: bf16 },
  });

  it.each([
    ['NVIDIA H100 80GB HBM3', 700, 'pass'],
    ['NVIDIA H100 80GB HBM3', 500, 'fail'],
    ['NVIDIA A10G', 10, 'pass'],
  ])('%s at %d TFLOP/s bf16: %s', (gpu, bf16, status) => {
    const t = applyFloors(computed(gpu, bf16), bundledBaseline());
    expect(t.status).toBe(status);
    if (gpu.includes('H100')) expect(t.metrics.bf16_tflops_floor).toBe(592.5);
    if (status === 'fail')
      expect(t.reason).toBe(
        'bf16_tflops 500 is below the floor 592.5 (0.75 x 790 measured on NVIDIA H100 SXM)',
      );
  });

  it("the config's baseline rows win over the bundled ones", () => {
    const mine: Baseline = {
      schemaVersion: 1,
      floorFraction: 0.9,
      gpus: [
        {
          match: 'H100',
          name: 'our H100 pod',
          measured: { bf16_tflops: 700, tf32_tflops: 400 },
          source: 'our run 2026-11',
        },
      ],
    };
    const t = applyFloors(computed('NVIDIA H100 80GB HBM3', 620), {
      ...mine,
      gpus: [...mine.gpus, ...bundledBaseline().gpus],
    });
    expect(t.status).toBe('fail');
    expect(t.reason).toContain('bf16_tflops 620 is below the floor 630 (0.9 x 700 measured on our H100 pod)');
    expect(t.reason).toContain('tf32_tflops 300 is below the floor 360');
  });
});
