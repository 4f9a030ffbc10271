// Real GPU data, kept as fixtures (__tests__/fixtures/h200), from this project's device machine (an
// NVIDIA H200 without Docker: torch 2.11.0+cu130, CUDA 13.0, cuDNN 9.19, NCCL 2.28.9, driver
// 580.159.04):
// - direct.json (2026-11-30): `ml_image_smoke.py direct --cuda --floors @src/smoke/baselines.json
//   --driver-floor 570`, the suites' output as printed;
// - record.json and smoke.json (2026-12-04): the capture and smoke stages' own code
//   (captureImage, runSmoke: the shared smoke process, its plan and markers) driving the probe
//   (PROBE_VERSION 5, --torch-runtime) and the smoke script on the host, through an engine whose
//   "containers" run their command there (__tests__/device/host-stages.ts, run by
//   __tests__/device/run.sh). smoke.json is runSmoke's result as written. record.json is
//   captureImage's record with the image facts made up (there was no image: `image`,
//   `capture.time`), trimmed to the ML stack's packages and a few apt ones, its environment left
//   out, and the machine's kernel and CPU details generalized.
// What the SBOM makes of that CUDA stack, and what verify's GPU policy says of those smoke results.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { describe, expect, it } from 'vitest';
import { buildSbom, ML_STACK_PROPERTY } from '../../src/attest/sbom.js';
import {
  buildSmokePredicate,
  gpusFromTests,
  SmokePredicateSchema,
} from '../../src/attest/smoke-predicate.js';
import { smokeChecks, type VerifyPolicy } from '../../src/attest/verify.js';
import { EnvRecordSchema } from '../../src/capture/record.js';
import {
  SMOKE_RESULT_SCHEMA_VERSION,
  type SmokeResult,
  SmokeResultSchema,
  SmokeTestSchema,
} from '../../src/smoke/result.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const FIXTURES = path.join(REPO_ROOT, '__tests__/fixtures/h200');
const record = EnvRecordSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, 'record.json'), 'utf8')));
const direct = JSON.parse(readFileSync(path.join(FIXTURES, 'direct.json'), 'utf8')) as { tests: unknown[] };
const DIGEST = `sha256:${'c'.repeat(64)}`;

/** The smoke predicate of SMOKE on the H200's record, as the attest stage makes it. */
const predicateOf = (smoke: SmokeResult, finishedAt: string) =>
  SmokePredicateSchema.parse(
    buildSmokePredicate({
      smoke,
      record,
      variant: 'cuda13.0',
      imageRef: 'ghcr.io/acme/model',
      digest: DIGEST,
      platform: 'linux/amd64',
      toolVersion: '0.1.0',
      finishedAt,
    }),
  );
/** --require-smoke pass --require-gpu-smoke and these --min-tflops floors. */
const policy = (minTflops: Record<string, number>): VerifyPolicy => ({
  require: [],
  requireSmokePass: true,
  requireGpuSmoke: true,
  minTflops,
});

interface CdxComponent {
  name: string;
  version?: string;
  purl?: string;
  properties?: { name: string; value: string }[];
}
const props = (c: CdxComponent | undefined) =>
  Object.fromEntries((c?.properties ?? []).map((p) => [p.name, p.value]));

describe('the SBOM of a real CUDA stack (an H200 with torch 2.11 + CUDA 13.0)', () => {
  const bom = buildSbom({ record, imageRef: 'ghcr.io/acme/model', imageDigest: DIGEST }) as unknown as {
    components: CdxComponent[];
  };
  const find = (name: string) => bom.components.find((c) => c.name === name);

  it('is CycloneDX 1.6 that the strict validator accepts', async () => {
    expect(await new JsonStrictValidator(Version.v1dot6).validate(JSON.stringify(bom))).toBeNull();
  });

  it('names the CUDA runtime, cuDNN and NCCL torch loads, and torch with its CUDA build', () => {
    const stack = bom.components.filter((c) => props(c)[ML_STACK_PROPERTY] !== undefined);
    expect(Object.fromEntries(stack.map((c) => [c.name, c.version]))).toMatchObject({
      'cuda-runtime': '13.0',
      cudnn: '9.19.0',
      nccl: '2.28.9',
      torch: '2.11.0',
      numpy: '2.5.2',
    });
    expect(props(find('torch'))).toMatchObject({
      'ml-image:torch.cuda': '13.0',
      'ml-image:torch.version': '2.11.0+cu130',
    });
    expect(find('torch')?.purl).toBe('pkg:pypi/torch@2.11.0');
    // Where the probe read each CUDA library: the copies torch loads, from its nvidia-* wheels.
    expect(
      Object.fromEntries(
        ['cuda-runtime', 'cudnn', 'nccl'].map((n) => [n, props(find(n))['ml-image:cuda.source']]),
      ),
    ).toEqual({
      'cuda-runtime': 'torch: nvidia/cu13/lib/libcudart.so.13',
      cudnn: 'torch: nvidia/cudnn/lib/libcudnn.so.9',
      nccl: 'torch: nvidia/nccl/lib/libnccl.so.2',
    });
    expect(find('nvidia-nccl-cu13')?.purl).toBe('pkg:pypi/nvidia-nccl-cu13@2.28.9');
  });
});

describe("verify's GPU policy on the H200's smoke results", () => {
  const tests = direct.tests.map((t) => SmokeTestSchema.parse(t));
  const smoke: SmokeResult = {
    schemaVersion: SMOKE_RESULT_SCHEMA_VERSION,
    image: `ghcr.io/acme/model@${DIGEST}`,
    platform: 'linux/amd64',
    gpus: 'all',
    tests,
    summary: {
      pass: tests.filter((t) => t.status === 'pass').length,
      fail: tests.filter((t) => t.status === 'fail').length,
      skip: tests.filter((t) => t.status === 'skip').length,
      durationMs: tests.reduce((n, t) => n + t.durationMs, 0),
    },
    finishedAt: '2026-11-30T17:14:00Z',
  };
  const predicate = predicateOf(smoke, '2026-11-30T17:14:00Z');

  it('the predicate names the GPU and driver the tests ran on', () => {
    expect(predicate.verdict).toBe('pass');
    expect(predicate.gpus.devices).toEqual([
      { name: 'NVIDIA H200', driver: '580.159.04', memoryMiB: 143771, computeCapability: '9.0' },
    ]);
    expect(predicate.gpus.cuda).toBe('13.0');
  });

  it('passes --require-smoke pass --require-gpu-smoke and floors below what the H200 measured', () => {
    const checks = smokeChecks(
      'linux/amd64',
      predicate,
      policy({ bf16: 600, fp16: 700, tf32: 300, fp32: 40 }),
    );
    expect(checks.map((c) => [c.check, c.ok, c.detail])).toEqual([
      ['smoke pass', true, '5 passed, 0 failed, 0 skipped'],
      ['GPU smoke', true, 'on NVIDIA H200'],
      ['bf16 TFLOP/s >= 600', true, 'measured 730.8'],
      ['fp16 TFLOP/s >= 700', true, 'measured 772.1'],
      ['tf32 TFLOP/s >= 300', true, 'measured 396.3'],
      // The GPU's fp32, not the CPU compute test's 0.8428.
      ['fp32 TFLOP/s >= 40', true, 'measured 50.7'],
    ]);
  });

  // A record whose probe saw no GPU (earlier versions captured without the run's GPUs): the
  // passing gpu test names the GPUs it ran on, and --require-gpu-smoke holds on them.
  it('a record without GPUs: the devices come from the passing gpu test, and GPU smoke passes', () => {
    const bare = buildSmokePredicate({
      smoke,
      record: { ...record, gpus: [] },
      variant: 'cuda13.0',
      imageRef: 'ghcr.io/acme/model',
      digest: DIGEST,
      platform: 'linux/amd64',
      toolVersion: '0.1.0',
      finishedAt: '2026-11-30T17:14:00Z',
    });
    expect(bare.gpus.devices).toEqual([{ name: 'NVIDIA H200', driver: '580.159.04' }]);
    const [, gpuCheck] = smokeChecks('linux/amd64', bare, policy({}));
    expect(gpuCheck).toEqual({
      platform: 'linux/amd64',
      check: 'GPU smoke',
      ok: true,
      detail: 'on NVIDIA H200',
    });
  });

  it.each<[string, Record<string, unknown>, string, { name: string; driver: string | null }[]]>([
    [
      '8 GPUs of one name: 8 devices',
      { gpus: 8, names: ['NVIDIA H200'], driver: '580.1' },
      'pass',
      Array.from({ length: 8 }, () => ({ name: 'NVIDIA H200', driver: '580.1' })),
    ],
    [
      'two names: one device each',
      { gpus: 3, names: ['A', 'B'], driver: null },
      'pass',
      [
        { name: 'A', driver: null },
        { name: 'B', driver: null },
      ],
    ],
    ['a failed gpu test names no device', { gpus: 1, names: ['A'], driver: '1' }, 'fail', []],
    ['no names: no device', { gpus: 0, names: [], driver: null }, 'pass', []],
    [
      'no nvidia-smi in the image: one unnamed device per GPU CUDA counted',
      { gpus: 0, names: [], driver: '580.159.04', cuda_devices: 8 },
      'pass',
      Array.from({ length: 8 }, () => ({ name: '', driver: '580.159.04' })),
    ],
    [
      'no names, and CUDA counted none: no device',
      { gpus: 0, names: [], driver: null, cuda_devices: 0 },
      'pass',
      [],
    ],
    [
      'a cuda_devices that is no count: no device',
      { gpus: 0, names: [], driver: null, cuda_devices: 2.5 },
      'pass',
      [],
    ],
    [
      'names win over the CUDA count',
      { gpus: 1, names: ['A'], driver: null, cuda_devices: 2 },
      'pass',
      [{ name: 'A', driver: null }],
    ],
  ])('gpusFromTests: %s', (_what, metrics, status, devices) => {
    expect(
      gpusFromTests([{ id: 'gpu', suite: 'gpu', status: status as 'pass', durationMs: 1, metrics }]),
    ).toEqual(devices);
  });

  // An image whose NVIDIA_DRIVER_CAPABILITIES leave out `utility` has no nvidia-smi: neither the
  // probe nor the gpu suite names its GPUs, but CUDA counted them, and --require-gpu-smoke holds.
  it('an image without nvidia-smi: GPU smoke passes on the GPUs CUDA counted, saying they are not named', () => {
    const gpuTest = { id: 'gpu', suite: 'gpu', status: 'pass' as const, durationMs: 1 };
    const build = (metrics: Record<string, unknown>) =>
      buildSmokePredicate({
        smoke: { ...smoke, tests: [{ ...gpuTest, metrics }] },
        record: { ...record, gpus: [] },
        variant: 'cuda13.0',
        imageRef: 'ghcr.io/acme/model',
        digest: DIGEST,
        platform: 'linux/amd64',
        toolVersion: '0.1.0',
        finishedAt: '2026-11-30T17:14:00Z',
      });
    const unnamed = build({ gpus: 0, names: [], driver: '580.159.04', cuda_devices: 8 });
    expect(unnamed.gpus.devices).toHaveLength(8);
    expect(SmokePredicateSchema.safeParse(unnamed).success).toBe(true);
    expect(smokeChecks('linux/amd64', unnamed, policy({}))[1]).toEqual({
      platform: 'linux/amd64',
      check: 'GPU smoke',
      ok: true,
      detail: 'on 8 GPUs not named (no nvidia-smi in the image)',
    });
    const one = build({ gpus: 0, names: [], driver: null, cuda_devices: 1 });
    expect(smokeChecks('linux/amd64', one, policy({}))[1]?.detail).toBe(
      'on 1 GPU not named (no nvidia-smi in the image)',
    );
    // CUDA counted none: still no GPU
    const none = build({ gpus: 0, names: [], driver: null, cuda_devices: 0 });
    expect(smokeChecks('linux/amd64', none, policy({}))[1]).toMatchObject({
      ok: false,
      detail: 'the smoke tests ran without a GPU',
    });
  });

  it('fails a floor above what it measured, naming the figure', () => {
    const [bf16] = smokeChecks('linux/amd64', predicate, {
      ...policy({ bf16: 800 }),
      requireSmokePass: false,
      requireGpuSmoke: false,
    });
    expect(bf16).toMatchObject({ check: 'bf16 TFLOP/s >= 800', ok: false, detail: 'measured 730.8' });
  });
});

describe("the capture and smoke stages' own output on the H200 (2026-12-04)", () => {
  const staged = SmokeResultSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, 'smoke.json'), 'utf8')));
  const predicate = predicateOf({ ...staged, image: `ghcr.io/acme/model@${DIGEST}` }, '2026-12-04T18:13:00Z');

  it('the probe read torch at runtime: xnnpack answered, and the only error is the missing clang', () => {
    expect(record.capture.probeVersion).toBe(5);
    expect(record.torch).toMatchObject({ source: 'runtime', xnnpackAvailable: true, cudaAvailable: true });
    expect(record.collectEnv?.is_xnnpack_available).toBe(true);
    expect(record.errors.map((e) => e.field)).toEqual(['tools.clang']);
  });

  it('a Debian package names its source package, and the SBOM purl carries it', () => {
    expect(record.apt.find((p) => p.name === 'libc6')?.source).toBe('glibc');
    const bom = buildSbom({ record, imageRef: 'ghcr.io/acme/model', imageDigest: DIGEST }) as unknown as {
      components: CdxComponent[];
    };
    expect(bom.components.find((c) => c.name === 'libc6')?.purl).toContain('upstream=glibc');
  });

  it('every suite ran in the shared processes and the GPU ones passed on the H200', () => {
    expect(staged.tests.map((t) => [t.id, t.status])).toEqual([
      ['imports', 'pass'],
      ['gpu', 'pass'],
      ['compute-cpu', 'pass'],
      ['compute-gpu', 'pass'],
      ['train', 'pass'],
      ['ddp', 'skip'],
      ['pip-check', 'pass'],
      ['custom:nvidia-smi', 'pass'],
    ]);
    expect(staged.tests.find((t) => t.id === 'ddp')?.reason).toBe('one GPU: no all-reduce across GPUs');
    expect(staged.tests.find((t) => t.id === 'train')?.metrics).toMatchObject({ device: 'cuda' });
  });

  it('the predicate passes --require-gpu-smoke and floors below what the stage measured', () => {
    expect(predicate.verdict).toBe('pass');
    expect(predicate.gpus.devices).toEqual([
      { name: 'NVIDIA H200', driver: '580.159.04', memoryMiB: 143771, computeCapability: '9.0' },
    ]);
    const checks = smokeChecks(
      'linux/amd64',
      predicate,
      policy({ bf16: 600, fp16: 700, tf32: 300, fp32: 40 }),
    );
    expect(checks.map((c) => [c.check, c.ok, c.detail])).toEqual([
      ['smoke pass', true, '7 passed, 0 failed, 1 skipped'],
      ['GPU smoke', true, 'on NVIDIA H200'],
      ['bf16 TFLOP/s >= 600', true, 'measured 697.8'],
      ['fp16 TFLOP/s >= 700', true, 'measured 749'],
      ['tf32 TFLOP/s >= 300', true, 'measured 377.4'],
      ['fp32 TFLOP/s >= 40', true, 'measured 50.8'],
    ]);
  });

  it('a bf16 floor above the measurement fails, naming it', () => {
    const [, , bf16] = smokeChecks('linux/amd64', predicate, policy({ bf16: 750 }));
    expect(bf16).toMatchObject({ check: 'bf16 TFLOP/s >= 750', ok: false });
    expect(bf16?.detail).toContain('697.8');
  });
});
