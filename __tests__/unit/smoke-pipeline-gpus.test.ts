// The pipeline's smoke wiring of the GPU lookup: `ml-image run` (reuse on) asks the host's GPUs
// once, through io.hostGpus, for the reuse key; the action (reuse off) never asks. No container of
// the image under test names the GPUs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ContainerRunSpec } from '../../src/docker/adapter.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { openResultDir, recordFile } from '../../src/results/results.js';
import { NVIDIA_SMI_QUERY } from '../../src/smoke/gpu-identity.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const imagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images');
const D = (c: string) => `sha256:${c.repeat(64)}`;
const H200 = '8x NVIDIA H200; driver 570.86.15';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-pipeline-gpus-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A CUDA variant "gpu" (or the cpu variant "cpu"), built for linux/amd64 on an amd64 engine. */
async function run(
  reuse: boolean,
  gpus: 'all' | 'none' = 'all',
  env: Record<string, string> = {},
  variant: 'gpu' | 'cpu' = 'gpu',
) {
  const variants = variant === 'gpu' ? '[{ name: gpu, cuda: "12.8" }]' : '[cpu]';
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    `image:\n  name: o/m\nvariants: ${variants}\nplatforms: [linux/amd64]\nsmoke:\n  suites: [custom]\n  tests:\n    - { name: one, command: ["true"] }\n`,
  );
  const loaded = loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') });
  const results = openResultDir(path.join(dir, 'out'));
  results.writeBuild({
    schemaVersion: 1,
    variants: [
      {
        variant,
        repository: 'localhost:5000/o/m',
        tags: [],
        baseImage: 'python:3.12-slim',
        platforms: [{ platform: 'linux/amd64', digest: D('a'), durationMs: 1, attempts: 1, metadata: {} }],
      },
    ],
  });
  const specs: ContainerRunSpec[] = [];
  const docker = fakeDocker({
    ping: async () => ({ version: '28.0.0', apiVersion: '1.48', os: 'linux', arch: 'amd64' }),
    inspectImage: async () => imageDetails({ id: D('c') }),
    runContainer: async (spec) => {
      specs.push(spec);
      const stdout =
        spec.labels?.['io.github.ml-image-action.stage'] === 'capture'
          ? JSON.stringify(makeRecord({ platform: 'linux/amd64' }))
          : '';
      return { containerId: 'c', exitCode: 0, timedOut: false, stdout, stderr: '', durationMs: 1 };
    },
  });
  let lookups = 0;
  const asked: (readonly string[] | undefined)[] = [];
  const lines: string[] = [];
  await runPipeline(
    {
      loaded,
      stages: new Set(['smoke'] as const),
      results,
      push: true,
      merge: true,
      gpus,
      imagesDir,
      git: {},
      cacheDir: path.join(dir, 'cache'),
      ...(reuse && { reuse: true }),
      report: {
        mode: 'off',
        baseline: {
          describe: () => 'none',
          restore: async () => undefined,
          save: async () => undefined,
        },
        baseBranch: 'main',
        saveAs: { branch: 'main', sha: 'x' },
      },
    },
    {
      docker: () => docker,
      env,
      progress: (_stage, line) => lines.push(line),
      error: () => undefined,
      warning: () => undefined,
      hostGpus: async (devices) => {
        lookups += 1;
        asked.push(devices);
        return { devices: H200 };
      },
    },
  );
  const smoke = JSON.parse(
    readFileSync(path.join(dir, 'out', recordFile('smoke', variant, 'linux/amd64')), 'utf8'),
  ) as { gpuDevices?: string };
  return { lookups, asked, lines, specs, gpuDevices: smoke.gpuDevices };
}

describe('the smoke stage in the pipeline: the GPUs of the reuse key', () => {
  it('ml-image run (reuse): the host is asked once, no container names the GPUs', async () => {
    const r = await run(true);
    expect(r.lookups).toBe(1);
    expect(r.gpuDevices).toBe(H200);
    expect(r.specs.filter((s) => s.cmd.includes(NVIDIA_SMI_QUERY[0]))).toEqual([]);
  });

  it('ml-image run on a pinned runner: the host is asked for the pinned GPUs only', async () => {
    const r = await run(true, 'all', { CUDA_VISIBLE_DEVICES: '3' });
    expect(r.asked).toEqual([['3']]);
    expect((await run(true, 'all')).asked).toEqual([undefined]);
  });

  it('the action (no reuse): never asked; the result says the GPUs are unknown', async () => {
    const r = await run(false);
    expect(r.lookups).toBe(0);
    expect(r.gpuDevices).toBe('unknown');
    expect(r.specs.filter((s) => s.cmd.includes(NVIDIA_SMI_QUERY[0]))).toEqual([]);
  });
});

describe('the smoke stage: the capture of a GPU run gets its GPUs', () => {
  const capture = (specs: ContainerRunSpec[]) =>
    specs.filter((s) => s.labels?.['io.github.ml-image-action.stage'] === 'capture');

  it('--gpus all: the probe runs with every GPU, so the record names them and the driver', async () => {
    const r = await run(false, 'all');
    expect(capture(r.specs).map((s) => s.gpus)).toEqual(['all']);
  });

  it('a runner pinned with NVIDIA_VISIBLE_DEVICES=1,2: the probe gets those GPUs, the log says so', async () => {
    const r = await run(false, 'all', { NVIDIA_VISIBLE_DEVICES: '1,2', CUDA_VISIBLE_DEVICES: '0' });
    expect(capture(r.specs).map((s) => s.gpus)).toEqual([['1', '2']]);
    expect(r.lines.some((l) => l.includes('(GPUs 1,2 (NVIDIA_VISIBLE_DEVICES))'))).toBe(true);
  });

  it('a runner pinned with CUDA_VISIBLE_DEVICES=-1: the probe runs with no GPU, the log names the variable', async () => {
    const r = await run(false, 'all', { CUDA_VISIBLE_DEVICES: '-1' });
    expect(capture(r.specs)).toHaveLength(1);
    expect(capture(r.specs)[0]!.gpus).toBeUndefined();
    expect(
      r.lines.some((l) => l.includes('(no GPU (CUDA_VISIBLE_DEVICES=-1 gives this runner no GPU))')),
    ).toBe(true);
  });

  it('--gpus none: the probe runs with no GPU', async () => {
    const r = await run(false, 'none');
    expect(capture(r.specs)).toHaveLength(1);
    expect(capture(r.specs)[0]!.gpus).toBeUndefined();
  });
});

describe('the smoke stage in the pipeline: a cpu variant on a GPU run gets no GPUs', () => {
  it('--gpus all: no container of a cpu variant gets GPUs, the host is not asked, the log says why', async () => {
    const r = await run(true, 'all', {}, 'cpu');
    expect(r.specs.length).toBeGreaterThan(1);
    expect(r.specs.filter((s) => s.gpus !== undefined)).toEqual([]);
    expect(r.lookups).toBe(0);
    expect(r.gpuDevices).toBe('none');
    expect(r.lines.some((l) => l.includes('(no GPU: cpu variant: no GPU tests)'))).toBe(true);
  });
});
