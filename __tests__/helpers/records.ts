// Fixture factory for EnvRecord / SmokeResult: complete, schema-valid records built from the few
// facts a test cares about. Deterministic (no clock, no randomness) so golden files stay stable.
import { ENV_RECORD_SCHEMA_VERSION, type EnvRecord, EnvRecordSchema } from '../../src/capture/record.js';
import { SMOKE_RESULT_SCHEMA_VERSION, type SmokeResult, type SmokeTest } from '../../src/smoke/result.js';

export interface RecordSpec {
  ref?: string;
  platform?: string;
  variant?: string | null;
  created?: string | null;
  sizeBytes?: number;
  layers?: number;
  /** pip distributions: name -> version (or full entries for location/installer cases). */
  pip?: Record<string, string> | EnvRecord['python']['packages'];
  /** apt packages: name -> version (arch from the platform), or full entries. */
  apt?: Record<string, string> | EnvRecord['apt'];
  python?: string;
  os?: string;
  glibc?: string | null;
  cuda?: Partial<EnvRecord['cuda']>;
  /** null: no torch; a string: that version, CPU build; an object: merged over the CPU build. */
  torch?: string | null | Partial<NonNullable<EnvRecord['torch']>>;
  gpus?: EnvRecord['gpus'];
  /** The image config's environment (already redacted, as capture stores it). */
  env?: Record<string, string>;
  labels?: Record<string, string>;
}

const ARCH: Record<string, { deb: string; machine: string }> = {
  'linux/amd64': { deb: 'amd64', machine: 'x86_64' },
  'linux/arm64': { deb: 'arm64', machine: 'aarch64' },
};

export function pipEntry(
  name: string,
  version: string,
  location = '/usr/local/lib/python3.11/site-packages',
) {
  return { name, version, requires: [], installer: 'pip', location };
}

/** A complete v2 record; everything not given is a plain python:3.11-slim-like CPU image. */
export function makeRecord(spec: RecordSpec = {}): EnvRecord {
  const platform = spec.platform ?? 'linux/amd64';
  const arch = ARCH[platform] ?? { deb: 'amd64', machine: 'x86_64' };
  const pip = Array.isArray(spec.pip)
    ? spec.pip
    : Object.entries(spec.pip ?? { pip: '24.0', setuptools: '69.5.1', wheel: '0.43.0' }).map(([n, v]) =>
        pipEntry(n, v),
      );
  const apt = Array.isArray(spec.apt)
    ? spec.apt
    : Object.entries(spec.apt ?? { libc6: '2.36-9+deb12u7', 'ca-certificates': '20230311' }).map(
        ([name, version]) => ({ name, version, arch: arch.deb }),
      );
  const torchBase = {
    version: '2.3.1+cpu',
    cuda: null,
    hip: null,
    cudaAvailable: false,
    deviceCount: 0,
    tf32: { matmul: false, cudnn: true },
    allocatorConfig: '',
  };
  const torch =
    spec.torch === null || spec.torch === undefined
      ? null
      : typeof spec.torch === 'string'
        ? { ...torchBase, version: spec.torch }
        : { ...torchBase, ...spec.torch };
  const python = spec.python ?? '3.11.9';
  const record: EnvRecord = {
    schemaVersion: ENV_RECORD_SCHEMA_VERSION,
    image: {
      ref: spec.ref ?? 'ghcr.io/acme/model:pr-12-cpu',
      id: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
      digest: 'sha256:2222222222222222222222222222222222222222222222222222222222222222',
      platform,
      sizeBytes: spec.sizeBytes ?? 1_250_000_000,
      layers: spec.layers ?? 12,
      labels: spec.labels ?? {
        'org.opencontainers.image.title': 'model',
        'io.github.ml-image-action.variant': spec.variant ?? 'cpu',
      },
      user: '',
      entrypoint: null,
      cmd: ['python3'],
      env: spec.env ?? {
        PATH: '/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin',
        PYTHON_VERSION: python,
      },
      variant: spec.variant === undefined ? 'cpu' : spec.variant,
      created: spec.created === undefined ? '2026-01-05T10:00:00Z' : spec.created,
    },
    os: {
      osRelease: {
        PRETTY_NAME: spec.os ?? 'Debian GNU/Linux 12 (bookworm)',
        NAME: 'Debian GNU/Linux',
        VERSION_ID: '12',
        ID: 'debian',
      },
      glibc: spec.glibc === undefined ? 'glibc 2.36' : spec.glibc,
      kernel: '6.1.0-18-cloud-amd64',
      machine: arch.machine,
    },
    python: {
      version: python,
      implementation: 'CPython',
      executable: '/usr/local/bin/python3',
      platform: `Linux-6.1.0-${arch.machine}-with-glibc2.36`,
      pipVersion: pip.find((p) => p.name === 'pip')?.version ?? null,
      packages: pip,
    },
    apt,
    cuda: { runtime: null, driverMaxCuda: null, cudnn: null, nccl: null, nvcc: null, ...spec.cuda },
    torch,
    gpus: spec.gpus ?? [],
    tools: { gcc: null, clang: null, cmake: null },
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOSTNAME: 'probe' },
    collectEnv: { torch_version: torch?.version ?? null },
    errors: [],
    capture: {
      probeVersion: 1,
      durationMs: 812,
      toolVersion: '0.1.0',
      time: '2026-01-05T10:05:00Z',
      host: { kernel: '6.1.0-18-cloud-amd64' },
    },
  };
  // A factory that builds invalid records would make every test built on it meaningless.
  return EnvRecordSchema.parse(record);
}

/** The same record as a version-1 env.json (before image.variant / image.created existed). */
export function asV1(record: EnvRecord): Record<string, unknown> {
  const { variant: _v, created: _c, ...image } = record.image;
  return { ...JSON.parse(JSON.stringify(record)), schemaVersion: 1, image };
}

export type TestSpec = Pick<SmokeTest, 'id' | 'status'> & Partial<SmokeTest>;

export function makeSmoke(tests: TestSpec[], spec: { image?: string; platform?: string } = {}): SmokeResult {
  const full = tests.map((t): SmokeTest => ({
    suite: t.id.split(':')[0]!.replace(/-(cpu|gpu)$/, ''),
    durationMs: 1500,
    metrics: {},
    ...t,
  }));
  const count = (s: SmokeTest['status']) => full.filter((t) => t.status === s).length;
  return {
    schemaVersion: SMOKE_RESULT_SCHEMA_VERSION,
    image: spec.image ?? 'ghcr.io/acme/model:pr-12-cpu',
    platform: spec.platform ?? 'linux/amd64',
    gpus: 'none',
    tests: full,
    summary: {
      pass: count('pass'),
      fail: count('fail'),
      skip: count('skip'),
      durationMs: full.reduce((n, t) => n + t.durationMs, 0),
    },
  };
}

/** n pip packages pkg-00000 ... with version 1.<i % 7>.<i % 5>. */
export function manyPip(n: number, version: (i: number) => string = (i) => `1.${i % 7}.${i % 5}`) {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`pkg-${String(i).padStart(5, '0')}`, version(i)]),
  );
}

/** The test bed's CPU-PyTorch image: Debian's python3-torch 1.13 with numpy 1.24 (scripts/test-env.sh). */
export function torchCpuRecord(extra: Partial<EnvRecord> = {}): EnvRecord {
  const r = makeRecord({
    ref: '127.0.0.1:5000/ml-image-test/torch-cpu:1.13-amd64',
    pip: [
      pipEntry('torch', '1.13.1', '/usr/lib/python3/dist-packages'),
      pipEntry('numpy', '1.24.2', '/usr/lib/python3/dist-packages'),
      { ...pipEntry('typing_extensions', '4.4.0'), requires: [] },
      pipEntry('pip', '23.0.1'),
    ],
    apt: {
      'python3-torch': '1.13.1+dfsg-4',
      'python3-numpy': '1:1.24.2-1',
      'libstdc++6': '12.2.0-14',
    },
    torch: { version: '1.13.1', cuda: null },
  });
  r.python.packages[0]!.requires = ['typing_extensions', 'numpy; extra == "numpy"', 'sympy'];
  return { ...r, ...extra };
}

export function cudaRecord(): EnvRecord {
  return makeRecord({
    variant: 'cuda12.8',
    pip: { torch: '2.7.0+cu128', numpy: '2.2.6', 'nvidia-cudnn-cu12': '9.7.1.26' },
    cuda: { runtime: '12.8', cudnn: '9.7.1', nccl: '2.26.2', nvcc: '12.8.93' },
    torch: { version: '2.7.0+cu128', cuda: '12.8', cudaAvailable: true, deviceCount: 1 },
    gpus: [
      { name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559, computeCapability: '9.0', driver: '570.124.06' },
    ],
  });
}
