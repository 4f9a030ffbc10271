// Report inputs for the golden files (and the bench): NumPy 1 -> 2, CUDA 12.6 -> 12.8, a first run,
// and a huge diff. Built with the record factory so they stay schema-valid as the schema grows.
import { REDACTED } from '../../src/capture/redact.js';
import type { ReportInput } from '../../src/report/model.js';
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
