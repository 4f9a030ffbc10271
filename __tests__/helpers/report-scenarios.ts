// Report inputs for the golden files (and the bench): NumPy 1 -> 2, CUDA 12.6 -> 12.8, a first run,
// and a huge diff. Built with the record factory so they stay schema-valid as the schema grows.
import type { EnvRecord } from '../../src/capture/record.js';
import { REDACTED } from '../../src/util/redact.js';
import type { ReportInput } from '../../src/report/model.js';
import type { SmokeResult } from '../../src/smoke/result.js';
import { makeRecord, makeSmoke, manyPip } from './records.js';

const RUN = 'https://github.com/acme/model/actions/runs/123456789';
const links = { run: RUN, artifact: `${RUN}#artifacts` };
const head = { ref: 'refs/pull/12/merge', sha: 'def5678abcdef0123456789abcdef0123456789a' };
const baseline = { ref: 'main', sha: 'abc1234fedcba9876543210fedcba9876543210f' };

const cpuPip = {
  pip: '24.0',
  setuptools: '69.5.1',
  numpy: '1.26.4',
  pandas: '2.2.2',
  scipy: '1.13.1',
  numba: '0.60.0',
  'opencv-python-headless': '4.10.0.84',
  torch: '2.3.1+cpu',
  tqdm: '4.66.4',
};

export function numpyUpgrade(): ReportInput {
  const labels = (created: string, sha: string) => ({
    'org.opencontainers.image.title': 'model',
    'org.opencontainers.image.created': created,
    'org.opencontainers.image.revision': sha,
    'io.github.ml-image-action.variant': 'cpu',
  });
  const entry = (platform: string) => {
    const base = makeRecord({
      platform,
      pip: cpuPip,
      torch: '2.3.1+cpu',
      sizeBytes: 1_812_000_000,
      labels: labels('2026-01-05T10:00:00Z', baseline.sha),
    });
    const { numba: _gone, ...kept } = cpuPip;
    const headRec = makeRecord({
      platform,
      pip: {
        ...kept,
        numpy: '2.1.0',
        pandas: '2.2.3',
        scipy: '1.14.1',
        'opencv-python-headless': '4.11.0.86',
        'ml-dtypes': '0.5.0',
      },
      torch: '2.3.1+cpu',
      sizeBytes: 1_851_000_000,
      labels: labels('2026-01-07T09:30:00Z', head.sha),
    });
    return { platform, base, head: headRec };
  };
  const amd = entry('linux/amd64');
  const arm = entry('linux/arm64');
  const passing = makeSmoke([
    { id: 'imports', status: 'pass', metrics: { modules: 7 }, durationMs: 4200 },
    { id: 'pip-check', status: 'pass', durationMs: 1300 },
    { id: 'compute-cpu', status: 'pass', metrics: { fp32_tflops: 0.41 }, durationMs: 3900 },
    {
      id: 'train',
      status: 'pass',
      metrics: { loss_start: 1.42, loss_end: 0.09, loss_drop: 0.94 },
      durationMs: 5100,
    },
  ]);
  const failing = makeSmoke([
    {
      id: 'imports',
      status: 'fail',
      reason: 'cannot import cv2 (opencv-python-headless), numba (numba)',
      durationMs: 4400,
      cause: {
        id: 'numpy2-abi',
        cause: 'A module compiled against NumPy 1.x cannot run with NumPy 2.',
        fix: 'pin numpy<2 in the requirements, or upgrade the module to a build for NumPy 2.',
        source: 'https://numpy.org/devdocs/dev/depending_on_numpy.html',
        match: 'compiled using NumPy 1.x',
      },
    },
    { id: 'pip-check', status: 'fail', reason: 'pip check found broken requirements', durationMs: 1200 },
    { id: 'compute-cpu', status: 'pass', metrics: { fp32_tflops: 0.4 }, durationMs: 3800 },
    {
      id: 'train',
      status: 'pass',
      metrics: { loss_start: 1.42, loss_end: 0.09, loss_drop: 0.94 },
      durationMs: 5000,
    },
  ]);
  return {
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    entries: [
      { ...amd, baseSmoke: passing, headSmoke: failing },
      {
        ...arm,
        baseSmoke: { ...passing, platform: 'linux/arm64' },
        headSmoke: { ...failing, platform: 'linux/arm64' },
      },
    ],
    baseline,
    head,
    links,
    resolution: [
      "opencv-python-headless 4.11.0.86 needs numpy>=2 -> numpy 2.1.0 would replace the base image's numpy 1.26.4, which numba 0.60.0 (numpy<2.1,>=1.22) needs",
      'mode check: the conflict is reported, not fixed (set resolve.mode: auto to hold numpy)',
    ],
  };
}

const cudaPip = (cu: '126' | '128') => ({
  pip: '24.0',
  numpy: '1.26.4',
  torch: `2.7.0+cu${cu}`,
  torchvision: `0.22.0+cu${cu}`,
  triton: '3.3.0',
  'nvidia-cublas-cu12': cu === '126' ? '12.6.4.1' : '12.8.3.14',
  'nvidia-cuda-runtime-cu12': cu === '126' ? '12.6.77' : '12.8.57',
  'nvidia-cudnn-cu12': cu === '126' ? '9.5.1.17' : '9.7.1.26',
  'nvidia-nccl-cu12': cu === '126' ? '2.21.5' : '2.26.2',
  'nvidia-nvjitlink-cu12': cu === '126' ? '12.6.85' : '12.8.61',
});

export function cudaUpgrade(): ReportInput {
  const gpus = [
    { name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559, computeCapability: '9.0', driver: '570.86.15' },
  ];
  const rec = (cu: '126' | '128') => {
    const v =
      cu === '126'
        ? { cuda: '12.6.3', cudnn: '9.5.1', nccl: '2.21.5' }
        : { cuda: '12.8.1', cudnn: '9.7.1', nccl: '2.26.2' };
    return makeRecord({
      ref: `ghcr.io/acme/model:pr-12-cuda12.8`,
      variant: 'cuda12.8',
      pip: cudaPip(cu),
      apt: {
        [`cuda-cudart-12-${cu.slice(2)}`]: cu === '126' ? '12.6.77-1' : '12.8.57-1',
        libnccl2: `${v.nccl}-1+cuda${cu.slice(0, 2)}.${cu.slice(2)}`,
        libc6: '2.35-0ubuntu3.8',
        'ca-certificates': '20240203~22.04.1',
      },
      os: 'Ubuntu 22.04.5 LTS',
      glibc: 'glibc 2.35',
      cuda: { runtime: v.cuda, cudnn: v.cudnn, nccl: v.nccl, driverMaxCuda: '12.8' },
      torch: { version: `2.7.0+cu${cu}`, cuda: `12.${cu.slice(2)}`, cudaAvailable: true, deviceCount: 1 },
      gpus,
      sizeBytes: cu === '126' ? 9_810_000_000 : 10_420_000_000,
      layers: cu === '126' ? 24 : 25,
      env: {
        PATH: '/usr/local/nvidia/bin:/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin',
        CUDA_VERSION: v.cuda,
        NCCL_VERSION: v.nccl,
        NVIDIA_REQUIRE_CUDA: `cuda>=12.${cu.slice(2)} brand=tesla,driver>=470,driver<471`,
        HF_TOKEN: REDACTED,
        ...(cu === '128' && { WANDB_API_KEY: REDACTED }),
      },
      labels: {
        'org.opencontainers.image.title': 'model',
        'org.opencontainers.image.created': cu === '126' ? '2026-01-05T10:00:00Z' : '2026-01-07T09:30:00Z',
        'org.opencontainers.image.base.name': `nvidia/cuda:${v.cuda}-cudnn-runtime-ubuntu22.04`,
        'io.github.ml-image-action.variant': 'cuda12.8',
        'io.github.ml-image-action.cuda': `12.${cu.slice(2)}`,
      },
    });
  };
  const smoke = (bf16: number, busbw: number) =>
    makeSmoke([
      {
        id: 'gpu',
        status: 'pass',
        metrics: { gpus: 1, names: ['NVIDIA H100 80GB HBM3'], driver: '570.86.15' },
      },
      {
        id: 'compute-gpu',
        status: 'pass',
        durationMs: 14_000,
        metrics: {
          fp32_tflops: 51.2,
          tf32_tflops: 378.4,
          bf16_tflops: bf16,
          gpu: 'NVIDIA H100 80GB HBM3',
          bf16_tflops_floor: 595.9,
          floor_gpu: 'NVIDIA H100 SXM',
        },
      },
      {
        id: 'ddp',
        status: 'pass',
        durationMs: 21_000,
        metrics: { world: 1, backend: 'nccl', algbw_gbps: busbw, busbw_gbps: busbw, launcher: 'torchrun' },
      },
    ]);
  return {
    image: 'ghcr.io/acme/model',
    variant: 'cuda12.8',
    entries: [
      {
        platform: 'linux/amd64',
        base: rec('126'),
        head: rec('128'),
        baseSmoke: smoke(771.3, 312.5),
        headSmoke: smoke(802.9, 268.1),
      },
    ],
    baseline,
    head,
    links,
  };
}

export function firstRun(): ReportInput {
  return {
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    entries: [
      {
        platform: 'linux/amd64',
        head: makeRecord({ pip: cpuPip, torch: '2.3.1+cpu', sizeBytes: 1_812_000_000 }),
        base: null,
        headSmoke: makeSmoke([
          { id: 'imports', status: 'pass', metrics: { modules: 7 } },
          { id: 'pip-check', status: 'pass' },
          {
            id: 'gpu',
            status: 'skip',
            reason: 'no GPU on this runner (run on a GPU runner, or --gpus all)',
            durationMs: 0,
          },
          { id: 'train', status: 'pass', metrics: { loss_start: 1.42, loss_end: 0.09, loss_drop: 0.94 } },
        ]),
      },
    ],
    baseline: null,
    noBaselineReason: 'first run: no record of main in the actions cache yet',
    head,
    links,
  };
}

/** 5,000 pip packages on each side, half of them changed (every level), plus 800 apt packages. */
export function hugeDiff(n = 5000): ReportInput {
  const basePip = manyPip(n);
  const levels = [
    (v: string) => v.replace(/^1\./, '2.'),
    (v: string) => v.replace(/^1\.(\d+)/, (_, m: string) => `1.${Number(m) + 1}`),
    (v: string) => `${v}.1`,
    (v: string) => `${v}+local`,
  ];
  const headPip: Record<string, string> = {};
  Object.entries(basePip).forEach(([name, v], i) => {
    if (i % 2 === 0) headPip[name] = v;
    else if (i % 10 === 1)
      return; // removed
    else headPip[name] = levels[(i >> 1) % 4]!(v);
  });
  for (let i = 0; i < n / 10; i++) headPip[`new-${String(i).padStart(4, '0')}`] = '0.1.0';
  const apt = (shift: number) =>
    Object.fromEntries(
      Array.from({ length: 800 }, (_, i) => [`lib${i}`, `1.${i % 9}-${i % 2 ? 1 + shift : 1}`]),
    );
  return {
    image: 'ghcr.io/acme/monorepo-image',
    variant: 'cpu',
    entries: [
      {
        platform: 'linux/amd64',
        base: makeRecord({ pip: basePip, apt: apt(0), sizeBytes: 14_000_000_000 }),
        head: makeRecord({ pip: headPip, apt: apt(1), sizeBytes: 15_100_000_000 }),
      },
    ],
    baseline,
    head,
    links,
  };
}

/** A record with sizes: each pip and apt package's MB (1 MB when not named) and the layers' history. */
function withSizes(r: EnvRecord, mb: Record<string, number>, layers: [string, number][]): EnvRecord {
  const bytes = (name: string) => (mb[name] ?? 1) * 1e6;
  return {
    ...r,
    image: { ...r.image, history: layers.map(([createdBy, m]) => ({ createdBy, sizeBytes: m * 1e6 })) },
    python: { ...r.python, packages: r.python.packages.map((p) => ({ ...p, sizeBytes: bytes(p.name) })) },
    apt: r.apt.map((a) => ({ ...a, sizeBytes: bytes(a.name) })),
  };
}

/** The same record on another platform (the image's platform, the apt architecture) and GPU. */
function onPlatform(r: EnvRecord, platform: string, gpu: string): EnvRecord {
  const arch = platform === 'linux/arm64' ? 'arm64' : 'amd64';
  return {
    ...r,
    image: { ...r.image, platform },
    apt: r.apt.map((a) => ({ ...a, arch })),
    gpus: r.gpus.map((g) => ({ ...g, name: gpu })),
  };
}

/**
 * The sample run (docs/report-sample.png is taken from its golden file): two variants on two
 * platforms with package sizes, layers and smoke metrics on both sides. cpu is the NumPy 1 -> 2
 * case; cuda12.8 the CUDA 12.6 -> 12.8 case, on an H100 (amd64) and a GH200 (arm64).
 */
export function sampleRun(): ReportInput[] {
  const cpuMb = (side: 'base' | 'head'): Record<string, number> => ({
    torch: 820,
    numpy: side === 'base' ? 38 : 42,
    scipy: side === 'base' ? 110 : 118,
    'opencv-python-headless': side === 'base' ? 95 : 110,
    pandas: 68,
    numba: 12,
    'ml-dtypes': 3,
    libc6: 12,
    'ca-certificates': 1,
  });
  const cpuLayers = (side: 'base' | 'head'): [string, number][] => [
    ['ADD file:debian-bookworm-slim / # buildkit', 74],
    ['RUN /bin/sh -c apt-get update && apt-get install -y python3 # buildkit', 48],
    ['RUN /bin/sh -c pip install -r requirements.txt # buildkit', side === 'base' ? 1690 : 1729],
  ];
  const cpu = numpyUpgrade();
  cpu.entries = cpu.entries.map((e) => ({
    ...e,
    base: withSizes(e.base!, cpuMb('base'), cpuLayers('base')),
    head: withSizes(e.head, cpuMb('head'), cpuLayers('head')),
  }));
  const cudaMb = (side: 'base' | 'head'): Record<string, number> => ({
    torch: 1650,
    triton: 420,
    'nvidia-cudnn-cu12': side === 'base' ? 800 : 1202,
    'nvidia-cublas-cu12': side === 'base' ? 560 : 640,
    'nvidia-nccl-cu12': side === 'base' ? 190 : 240,
    'nvidia-nvjitlink-cu12': 50,
    'nvidia-cuda-runtime-cu12': 3,
    torchvision: 25,
    numpy: 38,
    libnccl2: side === 'base' ? 180 : 220,
    'cuda-cudart-12-6': 1,
    'cuda-cudart-12-8': 1,
    libc6: 12,
  });
  const cudaLayers = (side: 'base' | 'head'): [string, number][] => [
    ['ADD file:ubuntu-22.04 / # buildkit', 78],
    [`RUN /bin/sh -c apt-get install -y cuda-runtime-12-${side === 'base' ? '6' : '8'} # buildkit`, 3400],
    ['RUN /bin/sh -c pip install -r requirements.txt # buildkit', side === 'base' ? 6332 : 6942],
  ];
  const cuda = cudaUpgrade();
  const amd = cuda.entries[0]!;
  const gh200 = (s: SmokeResult, bf16: number, busbw: number): SmokeResult => ({
    ...s,
    platform: 'linux/arm64',
    tests: s.tests.map((t) =>
      t.id === 'compute-gpu'
        ? { ...t, metrics: { ...t.metrics, bf16_tflops: bf16, gpu: 'NVIDIA GH200 480GB' } }
        : t.id === 'ddp'
          ? { ...t, metrics: { ...t.metrics, algbw_gbps: busbw, busbw_gbps: busbw } }
          : t,
    ),
  });
  cuda.entries = [
    {
      ...amd,
      base: withSizes(amd.base!, cudaMb('base'), cudaLayers('base')),
      head: withSizes(amd.head, cudaMb('head'), cudaLayers('head')),
    },
    {
      platform: 'linux/arm64',
      base: withSizes(
        onPlatform(amd.base!, 'linux/arm64', 'NVIDIA GH200 480GB'),
        cudaMb('base'),
        cudaLayers('base'),
      ),
      head: withSizes(
        onPlatform(amd.head, 'linux/arm64', 'NVIDIA GH200 480GB'),
        cudaMb('head'),
        cudaLayers('head'),
      ),
      baseSmoke: gh200(amd.baseSmoke!, 790.4, 330.2),
      headSmoke: gh200(amd.headSmoke!, 812.6, 341.7),
    },
  ];
  return [cpu, cuda];
}
