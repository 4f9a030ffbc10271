// The GPU paths of the probe and the smoke script without a GPU: the host's python3 runs them
// against stand-ins for what a GPU node provides, each replaying what real machines print:
// - nvidia-smi: a shell script printing output recorded on real nodes;
// - libcuda.so.1: a C library compiled here exporting cuInit/cuDeviceGetCount/cuGetErrorString,
//   returning the code and CUDA's own text for it (FAKE_CUINIT, FAKE_CUDA_COUNT), and
//   cuDriverGetVersion (FAKE_CUDA_DRIVER_API: 13000 as cuda-compat 13.0's libcuda reports it);
// - torch: a package whose CUDA is unusable, as on a node where CUDA cannot start (FAKE_TORCH_*).
// Needs python3 and a C compiler (the test bed's machine has both); they are not Docker, so a
// missing one fails the test rather than skipping it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvRecordSchema } from '../../src/capture/record.js';
import { validateConfigData } from '../../src/config/load.js';
import type { ContainerRunSpec } from '../../src/docker/adapter.js';
import { bundledBaseline } from '../../src/smoke/baselines.js';
import { BATCH_ENV, sections } from '../../src/smoke/batch.js';
import { runSmoke, type SmokeInput } from '../../src/smoke/run.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

const SCRIPT = path.join(REPO_ROOT, 'images/probe/ml_image_smoke.py');

// nvidia-smi --query-gpu=... --format=csv,noheader[,nounits] as printed on an 8x H100 SXM node.
const H100_QUERY = Array.from({ length: 8 }, () => 'NVIDIA H100 80GB HBM3, 81559, 9.0, 570.124.06').join(
  '\n',
);
const H100_DRIVER = Array.from({ length: 8 }, () => 'NVIDIA H100 80GB HBM3, 570.124.06').join('\n');
const OLD_DRIVER = 'Tesla V100-SXM2-16GB, 525.60.13';
// nvidia-smi -L on an H100 with MIG enabled and two 3g.40gb instances.
const MIG_LIST = [
  'GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-5c89852c-d268-c3f3-1b07-005d5ae1dc3f)',
  '  MIG 3g.40gb     Device  0: (UUID: MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f)',
  '  MIG 3g.40gb     Device  1: (UUID: MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb)',
].join('\n');

// The strings cuGetErrorString returns (CUDA driver API, "Error Handling").
const FAKE_LIBCUDA = `#include <stdlib.h>
static int env(const char *k, int d) { const char *v = getenv(k); return v && *v ? atoi(v) : d; }
int cuInit(unsigned int flags) { (void)flags; return env("FAKE_CUINIT", 0); }
int cuDeviceGetCount(int *n) { *n = env("FAKE_CUDA_COUNT", 1); return 0; }
int cuDriverGetVersion(int *v) { *v = env("FAKE_CUDA_DRIVER_API", 12080); return 0; }
int cuGetErrorString(int e, const char **s) {
  switch (e) {
    case 35: *s = "CUDA driver version is insufficient for CUDA runtime version"; return 0;
    case 100: *s = "no CUDA-capable device is detected"; return 0;
    case 802: *s = "system not yet initialized"; return 0;
    case 804: *s = "forward compatibility was attempted on non supported HW"; return 0;
    default: *s = "unknown error"; return 0;
  }
}
`;

// A torch whose CUDA is unusable: a CUDA build (or a CPU-only one) that cannot start CUDA.
const FAKE_TORCH = `import os
__version__ = "2.11.0+cu130"
class version:
    cuda = os.environ.get("FAKE_TORCH_CUDA", "13.0") or None
    hip = None
class cuda:
    @staticmethod
    def is_available():
        return False
    @staticmethod
    def init():
        raise RuntimeError(os.environ.get("FAKE_TORCH_INIT_ERROR", "No CUDA GPUs are available"))
class distributed:
    @staticmethod
    def is_available():
        return True
`;

let dir: string;
let bin: string;
let lib: string;
let pylib: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-gpu-script-'));
  bin = path.join(dir, 'bin');
  lib = path.join(dir, 'lib');
  pylib = path.join(dir, 'py');
  for (const d of [bin, lib, path.join(pylib, 'torch')]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(dir, 'libcuda.c'), FAKE_LIBCUDA);
  const cc = spawnSync(
    'cc',
    ['-shared', '-fPIC', '-o', path.join(lib, 'libcuda.so.1'), path.join(dir, 'libcuda.c')],
    {
      encoding: 'utf8',
    },
  );
  if (cc.error || cc.status !== 0)
    throw new Error(`cannot compile the stand-in libcuda: ${cc.error ?? cc.stderr}`);
  writeFileSync(path.join(pylib, 'torch', '__init__.py'), FAKE_TORCH);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** nvidia-smi printing QUERY for --query-gpu and LIST for -L; undefined removes it. */
function fakeNvidiaSmi(query: string | undefined, list = '') {
  const file = path.join(bin, 'nvidia-smi');
  rmSync(file, { force: true });
  if (query === undefined) return;
  writeFileSync(
    file,
    `#!/bin/sh\ncase "$*" in\n  -L) cat <<'EOF_'\n${list}\nEOF_\n;;\n  *) cat <<'EOF_'\n${query}\nEOF_\n;;\nesac\n`,
  );
  chmodSync(file, 0o755);
}

interface Host {
  /** Put the stand-in libcuda on the library path (default true). */
  libcuda?: boolean;
  /** Put the stand-in torch on the Python path (default false). */
  torch?: boolean;
  env?: Record<string, string>;
}

/** SCRIPT under the host's python3; TIMEOUT_MS, when given, kills it then (a hang guard). */
function run(script: string, args: string[], host: Host = {}, timeoutMs?: number) {
  return spawnSync('python3', [script, ...args], {
    encoding: 'utf8',
    ...(timeoutMs !== undefined && { timeout: timeoutMs }),
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: process.env.HOME ?? '/root',
      ...(host.libcuda !== false && { LD_LIBRARY_PATH: lib }),
      ...(host.torch && { PYTHONPATH: pylib }),
      ...host.env,
    },
  });
}

function suite(args: string[], host: Host = {}) {
  const r = run(SCRIPT, args, host);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

describe('the probe over recorded nvidia-smi output', () => {
  it('parses GPUs: name, memory, compute capability, driver (no UUIDs)', () => {
    fakeNvidiaSmi(H100_QUERY);
    const r = run(path.join(REPO_ROOT, 'images/probe/ml_image_probe.py'), ['--no-torch']);
    expect(r.status, r.stderr).toBe(0);
    const rec = JSON.parse(r.stdout);
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

  // A field nvidia-smi has no value for costs that field, not the GPU list and the driver: a
  // unified-memory GPU (DGX Spark's GB10) prints memory.total as [N/A].
  it.each([
    [
      'NVIDIA GB10, [N/A], 12.1, 580.95.05',
      { name: 'NVIDIA GB10', memoryMiB: null, computeCapability: '12.1', driver: '580.95.05' },
    ],
    [
      'NVIDIA H200, 143771, 9.0, [N/A]',
      { name: 'NVIDIA H200', memoryMiB: 143771, computeCapability: '9.0', driver: null },
    ],
  ])('%s: the GPU is kept, the missing field null', (line, gpu) => {
    fakeNvidiaSmi(line);
    const r = run(path.join(REPO_ROOT, 'images/probe/ml_image_probe.py'), ['--no-torch']);
    expect(r.status, r.stderr).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.gpus).toEqual([gpu]);
    expect(EnvRecordSchema.shape.gpus.safeParse(rec.gpus).error?.issues).toBeUndefined();
    expect(rec.collectEnv.nvidia_driver_version).toBe(gpu.driver);
    expect(rec.collectEnv.nvidia_gpu_models).toBe(gpu.name);
    expect(rec.errors.map((e: { field: string }) => e.field)).not.toContain('gpus');
  });
});

/** A shared library exporting `int FN(int *v)` (or `size_t FN(void)`) that reports VALUE. */
function fakeVersionLib(file: string, fn: string, value: number, sizeT = false) {
  mkdirSync(path.dirname(file), { recursive: true });
  const src = `${file}.c`;
  writeFileSync(
    src,
    sizeT
      ? `#include <stddef.h>\nsize_t ${fn}(void) { return ${value}; }\n`
      : `int ${fn}(int *v) { *v = ${value}; return 0; }\n`,
  );
  const cc = spawnSync('cc', ['-shared', '-fPIC', '-o', file, src], { encoding: 'utf8' });
  expect(cc.status, cc.stderr).toBe(0);
}

describe('the probe reads the CUDA libraries torch loads, and TF32 as the environment leaves it', () => {
  it("torch's nvidia wheels win over the system's copies; cuDNN is a string in both modes", () => {
    // The image's system cuDNN is 9.14; torch's own wheel brings 9.19 and CUDA runtime 13.0.
    fakeVersionLib(path.join(lib, 'libcudnn.so.9'), 'cudnnGetVersion', 91400, true);
    fakeVersionLib(path.join(pylib, 'nvidia/cudnn/lib/libcudnn.so.9'), 'cudnnGetVersion', 91900, true);
    fakeVersionLib(path.join(pylib, 'nvidia/cu13/lib/libcudart.so.13'), 'cudaRuntimeGetVersion', 13000);
    writeFileSync(path.join(pylib, 'torch/version.py'), "__version__ = '2.11.0+cu130'\ncuda = '13.0'\n");
    fakeNvidiaSmi(undefined);
    const r = run(path.join(REPO_ROOT, 'images/probe/ml_image_probe.py'), [], {
      torch: true,
      env: { NVIDIA_TF32_OVERRIDE: '0' },
    });
    expect(r.status, r.stderr).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.cuda.cudnn).toBe('9.19.0');
    expect(rec.cuda.runtime).toBe('13.0');
    expect(rec.cuda.sources).toMatchObject({
      cudnn: 'torch: nvidia/cudnn/lib/libcudnn.so.9',
      runtime: 'torch: nvidia/cu13/lib/libcudart.so.13',
    });
    expect(rec.torch.source).toBe('static');
    expect(rec.torch.cudnn).toBe('9.19.0');
    expect(rec.torch.tf32).toEqual({ matmul: false, cudnn: false });
    expect(rec.torch.tf32Overrides).toEqual({ NVIDIA_TF32_OVERRIDE: '0' });
    // Without torch's wheels the system's copy is what loads.
    const bare = JSON.parse(
      run(path.join(REPO_ROOT, 'images/probe/ml_image_probe.py'), ['--no-torch']).stdout,
    );
    expect(bare.cuda.cudnn).toBe('9.14.0');
    expect(bare.cuda.sources.cudnn).toBe('system');
    rmSync(path.join(pylib, 'nvidia'), { recursive: true, force: true });
    rmSync(path.join(pylib, 'torch/version.py'), { force: true });
    rmSync(path.join(lib, 'libcudnn.so.9'), { force: true });
  });
});

describe('gpu suite: the GPUs nvidia-smi shows must be usable by CUDA', () => {
  it.each([
    [H100_DRIVER, '570.26', 'pass', undefined],
    [H100_DRIVER, '580.65.06', 'fail', 'NVIDIA driver 570.124.06 is older than 580.65.06'],
    [OLD_DRIVER, '570.26', 'fail', 'NVIDIA driver 525.60.13 is older than 570.26'],
  ])('driver floor %#', (smi, floor, status, reason) => {
    fakeNvidiaSmi(smi);
    const count = String(smi.split('\n').length);
    const r = suite(['gpu', floor], { env: { FAKE_CUDA_COUNT: count } });
    expect(r.status).toBe(status);
    if (reason) expect(r.reason).toContain(reason);
    expect(r.metrics.gpus).toBe(smi.split('\n').length);
    expect(r.metrics.cuda_devices).toBe(Number(count));
  });

  // An H200 on the R570 branch running a CUDA 13.0 image: the floor (580.65.06) is not met, yet
  // CUDA runs where the image's forward-compatibility libcuda (cuda-compat-13-0) loads instead of
  // the host's: cuInit starts and its driver API reports 13.0.
  const H200_570 = 'NVIDIA H200, 570.172.08';
  const BELOW = 'NVIDIA driver 570.172.08 is older than 580.65.06, which this CUDA needs';
  interface Compat {
    what: string;
    /** cuDriverGetVersion of the libcuda loaded. */
    api: string;
    /** CUDA_VERSION (NVIDIA's CUDA images), else none. */
    cudaVersion?: string;
    /** torch's version.py says cuda '13.0'. */
    torch?: boolean;
    cuInit?: string;
    status: 'pass' | 'fail';
  }
  it.each<Compat>([
    { what: 'cuda-compat 13.0 loaded (CUDA_VERSION)', api: '13000', cudaVersion: '13.0.2', status: 'pass' },
    { what: "cuda-compat 13.0 loaded (torch's CUDA)", api: '13000', torch: true, status: 'pass' },
    { what: 'cuda-compat 13.2, a 13.0 runtime', api: '13020', cudaVersion: '13.0.0', status: 'pass' },
    { what: "the host's libcuda (12.8)", api: '12080', cudaVersion: '13.0.0', status: 'fail' },
    { what: 'cuda-compat 13.0, a 13.1 runtime', api: '13000', cudaVersion: '13.1.0', status: 'fail' },
    { what: "the image's CUDA unknown", api: '13000', status: 'fail' },
    { what: 'cuInit fails', api: '13000', cudaVersion: '13.0.0', cuInit: '804', status: 'fail' },
  ])('driver below the floor, $what: $status', (c) => {
    fakeNvidiaSmi(H200_570);
    const version = path.join(pylib, 'torch', 'version.py');
    if (c.torch) writeFileSync(version, "__version__ = '2.9.0+cu130'\ncuda: Optional[str] = '13.0'\n");
    const env = {
      FAKE_CUDA_DRIVER_API: c.api,
      ...(c.cudaVersion !== undefined && { CUDA_VERSION: c.cudaVersion }),
      ...(c.cuInit !== undefined && { FAKE_CUINIT: c.cuInit }),
    };
    try {
      const r = suite(['gpu', '580.65.06', '--require'], { torch: c.torch ?? false, env });
      expect(r.status).toBe(c.status);
      if (c.status === 'fail') expect(r.reason).toBe(BELOW);
      else
        expect(r.metrics.driver_note).toBe(
          `${BELOW} without forward compatibility: forward compatibility is in use (the libcuda loaded reports CUDA ${c.api === '13020' ? '13.2' : '13.0'}, the image's CUDA runtime is 13.0)`,
        );
    } finally {
      rmSync(version, { force: true });
    }
  });

  it.each([
    [
      '802',
      {},
      'CUDA cannot start: cuInit returned 802 (CUDA_ERROR_SYSTEM_NOT_READY): system not yet initialized',
    ],
    [
      '804',
      {},
      'cuInit returned 804 (CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE): forward compatibility was attempted on non supported HW',
    ],
    [
      '35',
      {},
      'cuInit returned 35 (CUDA_ERROR_INSUFFICIENT_DRIVER): CUDA driver version is insufficient for CUDA runtime version',
    ],
    [
      '100',
      { CUDA_VISIBLE_DEVICES: '' },
      "cuInit returned 100 (CUDA_ERROR_NO_DEVICE): no CUDA-capable device is detected (CUDA_VISIBLE_DEVICES='')",
    ],
  ])('8 GPUs visible, cuInit returns %s: fail with the cause', (code, env, reason) => {
    fakeNvidiaSmi(H100_DRIVER);
    const r = suite(['gpu', '570.26'], { env: { FAKE_CUINIT: code, ...env } });
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('8 GPU(s) visible to nvidia-smi, but CUDA cannot start');
    expect(r.reason).toContain(reason);
  });

  it('CUDA sees fewer devices than nvidia-smi: fail, naming both counts', () => {
    fakeNvidiaSmi(H100_DRIVER);
    const r = suite(['gpu', ''], { env: { FAKE_CUDA_COUNT: '4' } });
    expect(r.status).toBe('fail');
    expect(r.reason).toBe('8 GPU(s) visible to nvidia-smi, but CUDA sees 4');
  });

  it('CUDA_VISIBLE_DEVICES narrows what CUDA must see', () => {
    fakeNvidiaSmi(H100_DRIVER);
    const r = suite(['gpu', ''], { env: { FAKE_CUDA_COUNT: '2', CUDA_VISIBLE_DEVICES: '0,1' } });
    expect(r.status).toBe('pass');
  });

  it('nvidia-smi works but the container has no libcuda: fail', () => {
    fakeNvidiaSmi(H100_DRIVER);
    const r = suite(['gpu', ''], { libcuda: false });
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('libcuda.so.1 cannot be loaded');
  });

  it('a MIG-enabled GPU: CUDA must see at least one instance; the instances are counted', () => {
    fakeNvidiaSmi('NVIDIA H100 80GB HBM3, 570.124.06', MIG_LIST);
    const ok = suite(['gpu', ''], { env: { FAKE_CUDA_COUNT: '1' } });
    expect(ok.status).toBe('pass');
    expect(ok.metrics.mig_devices).toBe(2);
    const none = suite(['gpu', ''], { env: { FAKE_CUDA_COUNT: '0' } });
    expect(none.status).toBe('fail');
  });

  it('no GPU attached at all: skip, or fail with --require', () => {
    fakeNvidiaSmi(undefined);
    expect(suite(['gpu', ''], { libcuda: false }).status).toBe('skip');
    const required = suite(['gpu', '', '--require'], { libcuda: false });
    expect(required.status).toBe('fail');
    expect(required.reason).toContain('a GPU is required');
  });
});

describe('gpu suite without nvidia-smi: the driver from the kernel module', () => {
  // /proc/driver/nvidia/version as the open and the proprietary kernel modules write it.
  const OPEN_570 =
    'NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  570.86.15  Release Build  (dvs-builder@U16-I3-B03-4-3)  Thu Jan  9 15:45:55 UTC 2025\nGCC version:  gcc version 12.3.0\n';
  const PROP_580 =
    'NVRM version: NVIDIA UNIX x86_64 Kernel Module  580.159.04  Thu Oct 30 13:33:06 UTC 2025\n';

  /** The gpu suite with PROC_DRIVER_VERSION at a file holding TEXT (none: a path that is not there). */
  function gpuWithProc(text: string | undefined, args: string[]) {
    const file = path.join(dir, 'nvidia-version');
    rmSync(file, { force: true });
    if (text !== undefined) writeFileSync(file, text);
    const code = [
      'import importlib.util, sys',
      `spec = importlib.util.spec_from_file_location("s", ${JSON.stringify(SCRIPT)})`,
      'm = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)',
      'm.PROC_DRIVER_VERSION = sys.argv[1]',
      'm.run_suite("gpu", *m.parse_options(sys.argv[2:]))',
    ].join('\n');
    fakeNvidiaSmi(undefined);
    const r = run('-c', [code, file, ...args]);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  }

  it.each([
    [
      OPEN_570,
      '580',
      'fail',
      '570.86.15',
      'NVIDIA driver 570.86.15 is older than 580, which this CUDA needs',
    ],
    [PROP_580, '570.26', 'pass', '580.159.04', ''],
    [OPEN_570, '570.86.15', 'pass', '570.86.15', ''],
  ])(
    "%#: the floor is checked against the kernel module's version",
    (text, floor, status, driver, reason) => {
      const r = gpuWithProc(text, [floor, '--require']);
      expect(r).toMatchObject({ status, reason, metrics: { driver, cuda_devices: 1 } });
    },
  );

  it('no version anywhere: fails with --require, else passes with a note', () => {
    const required = gpuWithProc(undefined, ['570', '--require']);
    expect(required.status).toBe('fail');
    expect(required.reason).toContain("the NVIDIA driver's version is unknown (no nvidia-smi, no ");
    expect(required.reason).toContain('it cannot be checked against 570');
    const optional = gpuWithProc(undefined, ['570']);
    expect(optional.status).toBe('pass');
    expect(optional.metrics.driver).toBeNull();
    expect(optional.metrics.driver_note).toContain('not checked against 570');
  });
});

describe('ddp suite on CUDA: one GPU, and the launcher within the test timeout', () => {
  // A torch whose CUDA works with FAKE_DEVICES GPUs; its torchrun prints rank 0's line, or hangs
  // with a rank that holds the output pipe (FAKE_HANG).
  const TORCH = `__version__ = "2.7.0+cu126"
import os
class version:
    cuda = "12.6"
    hip = None
class cuda:
    @staticmethod
    def is_available():
        return True
    @staticmethod
    def device_count():
        return int(os.environ.get("FAKE_DEVICES", "1"))
from . import distributed
`;
  const DIST = 'def is_available():\n    return True\ndef is_nccl_available():\n    return True\n';
  const RUN = `import json, os, subprocess, sys, time
n = int([a for a in sys.argv if a.startswith("--nproc_per_node=")][0].split("=")[1])
if os.environ.get("FAKE_HANG"):
    print("rank 0 started", flush=True)
    rank = subprocess.Popen(["sleep", "600"])
    with open(os.environ["FAKE_PIDS"], "w") as f:
        f.write("%d %d" % (os.getpid(), rank.pid))
    time.sleep(600)
print("ML_IMAGE_DDP " + json.dumps({"ok": True, "world": n, "backend": "nccl", "message_mib": 256, "iters": 20,
      "algbw_gbps": 100.0, "busbw_gbps": round(200.0 * (n - 1) / n, 3), "gpu": "NVIDIA H200"}))
`;
  let py: string;
  beforeAll(() => {
    py = path.join(dir, 'py-ddp');
    mkdirSync(path.join(py, 'torch', 'distributed'), { recursive: true });
    writeFileSync(path.join(py, 'torch', '__init__.py'), TORCH);
    writeFileSync(path.join(py, 'torch', 'distributed', '__init__.py'), DIST);
    writeFileSync(path.join(py, 'torch', 'distributed', 'run.py'), RUN);
  });
  const ddp = (args: string[], env: Record<string, string>) =>
    suite(['ddp', ...args], { env: { PYTHONPATH: py, ...env } });

  it.each([['auto'], ['1']])('ddp %s --cuda with one GPU: skipped, no busbw', (nproc) => {
    const r = ddp([nproc, '--cuda'], { FAKE_DEVICES: '1' });
    expect(r).toEqual({
      status: 'skip',
      reason: 'one GPU: no all-reduce across GPUs',
      metrics: { world: 1, backend: 'nccl' },
    });
  });

  it('ddp auto --cuda with two GPUs: the all-reduce runs', () => {
    const r = ddp(['auto', '--cuda'], { FAKE_DEVICES: '2' });
    expect(r).toMatchObject({ status: 'pass', metrics: { world: 2, busbw_gbps: 100 } });
  });

  /** Whether process PID has ended: gone, or a zombie nobody has reaped yet. */
  const ended = (pid: number) => {
    try {
      return /^\S+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return true;
    }
  };

  it('a launcher that hangs is stopped with its ranks at ML_IMAGE_SMOKE_TIMEOUT, with its output', () => {
    // The launcher and its rank sleep 600 s, the rank holding the output pipe open: a script that
    // waited for either would not return, and run's 120 s limit (a hang guard, not a speed goal)
    // would kill it, failing the status check.
    const pids = path.join(dir, 'ddp-pids');
    const env = { PYTHONPATH: py, FAKE_HANG: '1', FAKE_PIDS: pids, ML_IMAGE_SMOKE_TIMEOUT: '3' };
    const p = run(SCRIPT, ['ddp', '2', '--cuda'], { env }, 120_000);
    const launched = readFileSync(pids, 'utf8').split(' ').map(Number);
    try {
      expect(p.status, `${p.error ?? ''} ${p.stderr}`).toBe(0);
      const r = JSON.parse(p.stdout.trim().split('\n').at(-1)!);
      expect(r.status).toBe('fail');
      expect(r.reason).toBe("torchrun did not finish within 2s (the test's timeout)");
      expect(r.output).toContain('rank 0 started');
      // The launcher and its rank were killed, not left running.
      expect(launched.filter((pid) => !ended(pid))).toEqual([]);
    } finally {
      for (const pid of launched.filter((x) => !ended(x))) process.kill(pid, 'SIGKILL');
    }
  });
});

describe('a CUDA variant never falls back to the CPU or gloo', () => {
  const cudaBroken: Host = { torch: true, env: { FAKE_CUINIT: '802' } };

  it.each([[['compute', 'cuda']], [['train', '0.5', '--cuda']], [['ddp', 'auto', '--cuda']]])(
    '%j on a node whose CUDA cannot start: fail with the cause',
    (args) => {
      fakeNvidiaSmi(H100_DRIVER);
      const r = suite(args, cudaBroken);
      expect(r.status).toBe('fail');
      expect(r.reason).toBe(
        'CUDA cannot start: cuInit returned 802 (CUDA_ERROR_SYSTEM_NOT_READY): system not yet initialized',
      );
    },
  );

  it("torch's own message when the driver starts but torch cannot (Error 804)", () => {
    const msg =
      'Unexpected error from cudaGetDeviceCount(). Did you run some cuda functions before calling NumCudaDevices() that might have already set an error? Error 804: forward compatibility was attempted on non supported HW';
    const r = suite(['compute', 'cuda'], { torch: true, env: { FAKE_TORCH_INIT_ERROR: msg } });
    expect(r.status).toBe('fail');
    expect(r.reason).toBe(`torch cannot start CUDA: ${msg}`);
  });

  it('a CPU-only torch build in a CUDA variant', () => {
    const r = suite(['train', '0.5', '--cuda'], { torch: true, env: { FAKE_TORCH_CUDA: '' } });
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('torch 2.11.0+cu130 is a CPU-only build');
  });

  it('CUDA_VISIBLE_DEVICES="" on a GPU node: fail, naming the variable', () => {
    const r = suite(['compute', 'cuda'], {
      torch: true,
      env: { FAKE_CUINIT: '100', CUDA_VISIBLE_DEVICES: '' },
    });
    expect(r.status).toBe('fail');
    expect(r.reason).toContain("(CUDA_VISIBLE_DEVICES='')");
  });

  it('direct mode runs the suites on the host and prints one JSON with every test', () => {
    fakeNvidiaSmi(H100_DRIVER);
    const r = run(
      SCRIPT,
      ['direct', '--cuda', '--suites', 'gpu,train,ddp', '--driver-floor', '570.26'],
      cudaBroken,
    );
    expect(r.status, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.tests.map((t: { id: string; status: string }) => `${t.id}:${t.status}`)).toEqual([
      'gpu:fail',
      'train:fail',
      'ddp:fail',
    ]);
    expect(r.stderr).toContain('ml-image smoke --direct: gpu done in');
  });

  it('direct mode: an unknown suite is bad input', () => {
    const r = run(SCRIPT, ['direct', '--suites', 'gpu,bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown suite(s) bogus');
  });
});

/** Calls FN of the smoke script (imported as a module, not run) with ARGS given as JSON. */
function pyCall(fn: string, args: unknown[]) {
  const code = [
    'import importlib.util, json, sys',
    `spec = importlib.util.spec_from_file_location("s", ${JSON.stringify(SCRIPT)})`,
    'm = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)',
    `print(json.dumps(getattr(m, ${JSON.stringify(fn)})(*json.loads(sys.argv[1]))))`,
  ].join('\n');
  const r = spawnSync('python3', ['-c', code, JSON.stringify(args)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('floors: matched by name, compute capability and memory, judged in the script', () => {
  const table = JSON.parse(readFileSync(path.join(REPO_ROOT, 'src/smoke/baselines.json'), 'utf8'));

  interface Named {
    name: string;
    cc: string;
    memGiB: number;
    expect: string | null;
    scale?: number;
  }
  const names = JSON.parse(
    readFileSync(path.join(REPO_ROOT, '__tests__/fixtures/gpu-names.json'), 'utf8'),
  ) as Named[];

  it.each(names)('$name ($cc, $memGiB GiB) -> $expect', (g) => {
    const [row, scale, note] = pyCall('match_floor', [table, g.name, g.cc, g.memGiB]) as [
      { name: string } | null,
      number,
      string | null,
    ];
    expect(row?.name ?? null).toBe(g.expect);
    if (g.expect === null) expect(note).toBe(`no floor for ${g.name} (compute capability ${g.cc})`);
    if (g.scale !== undefined) expect(scale).toBeCloseTo(g.scale, 5);
  });

  const mine = {
    schemaVersion: 1,
    floorFraction: 0.9,
    gpus: [
      { match: 'H100', name: 'our H100 pod', measured: { bf16_tflops: 700, tf32_tflops: 400 }, source: 'x' },
    ],
  };

  it('below a floor: the reason names the metric, the value, the floor and where it comes from', () => {
    const metrics = { bf16_tflops: 620, tf32_tflops: 300, fp32_tflops: 50 };
    const below = pyCall('judge_floors', [metrics, mine, 'NVIDIA H100 80GB HBM3', '9.0', 79.1]) as string[];
    expect(below).toEqual([
      'bf16_tflops 620 is below the floor 630.0 (0.9 x 700 measured on our H100 pod)',
      'tf32_tflops 300 is below the floor 360.0 (0.9 x 400 measured on our H100 pod)',
    ]);
  });

  it('a MIG slice is floored by its fraction; an unknown GPU gets a note and no floor', () => {
    const code = (name: string) =>
      pyCall('match_floor', [mine, name, '9.0', 9.8]) as [unknown, number, string | null];
    const [, scale, note] = code('NVIDIA H100 80GB HBM3 MIG 1g.10gb');
    expect(scale).toBeCloseTo(1 / 7, 5);
    expect(note).toContain('MIG slice 1g.10gb: floors are 1/7');
    const [row, , unknown] = code('NVIDIA RTX 6000 Ada Generation');
    expect(row).toBeNull();
    expect(unknown).toBe('no floor for NVIDIA RTX 6000 Ada Generation (compute capability 9.0)');
  });

  it('ddp-result: the busbw floor of a matching ddp row', () => {
    const withDdp = {
      ...mine,
      ddp: [
        {
          name: '8x H100 SXM',
          match: 'H100',
          minWorld: 8,
          busbw_gbps: 480,
          interconnect: 'NVLink 4',
          source: 'x',
        },
      ],
    };
    const out = path.join(dir, 'ddp.out');
    const line = (busbw: number, world = 8) =>
      `rank logs\nML_IMAGE_DDP ${JSON.stringify({ ok: true, world, backend: 'nccl', message_mib: 256, iters: 20, algbw_gbps: busbw / 1.75, busbw_gbps: busbw, gpu: 'NVIDIA H100 80GB HBM3' })}\n`;
    writeFileSync(out, line(300));
    const slow = suite(['ddp-result', out, '--floors', JSON.stringify(withDdp)]);
    expect(slow.status).toBe('fail');
    expect(slow.reason).toBe('busbw 300 GB/s is below the floor 432.0 (0.9 x 480 measured on 8x H100 SXM)');
    writeFileSync(out, line(450));
    const fast = suite(['ddp-result', out, '--floors', JSON.stringify(withDdp)]);
    expect(fast.status).toBe('pass');
    expect(fast.metrics.busbw_gbps_floor).toBe(432);
    writeFileSync(out, line(100, 2));
    const two = suite(['ddp-result', out, '--floors', JSON.stringify(withDdp)]);
    expect(two.status).toBe('pass');
    expect(two.metrics.floor_note).toBe('no busbw floor for 2 x NVIDIA H100 80GB HBM3');
    writeFileSync(out, 'torchrun: connection refused\n');
    expect(suite(['ddp-result', out]).reason).toBe('no rank printed a result');
  });
});

describe('the shared smoke process (batch mode) on a CUDA variant', () => {
  /** An engine whose "containers" run the smoke script with the host's python3 and the stand-ins. */
  function hostEngine(host: Host) {
    const runs: string[][] = [];
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      runContainer: (spec: ContainerRunSpec) => {
        // python3 -c BOOT SCRIPT_B64 WORDS...: the script itself, with the words and the plan.
        const words = spec.cmd.slice(3);
        const plan = spec.env?.[BATCH_ENV];
        runs.push(plan ? (JSON.parse(plan) as { steps: { id: string }[] }).steps.map((x) => x.id) : words);
        const r = run(SCRIPT, words, { ...host, env: { ...host.env, ...spec.env } });
        return Promise.resolve({
          containerId: 'c',
          exitCode: r.status,
          timedOut: false,
          stdout: r.stdout,
          stderr: r.stderr,
          durationMs: 1,
        });
      },
    });
    return { docker, runs };
  }

  const smokeInput = (over: Partial<SmokeInput>): SmokeInput => ({
    image: 'img',
    suites: ['gpu', 'compute', 'train', 'ddp'],
    gpus: 'all',
    requireGpu: false,
    distributions: [],
    tests: [],
    timeoutMs: 60_000,
    imagesDir: path.join(REPO_ROOT, 'images'),
    baseline: bundledBaseline(),
    ...over,
  });

  it('CUDA that torch cannot start: gpu passes, and compute-gpu, train and ddp each fail with the cause, each in a fresh process', async () => {
    fakeNvidiaSmi(H100_DRIVER);
    const msg = 'Error 804: forward compatibility was attempted on non supported HW';
    const { docker, runs } = hostEngine({
      torch: true,
      env: { FAKE_CUDA_COUNT: '8', FAKE_TORCH_INIT_ERROR: msg },
    });
    const result = await runSmoke(smokeInput({}), { docker });
    const by = Object.fromEntries(result.tests.map((t) => [t.id, t]));
    expect(by.gpu).toMatchObject({ status: 'pass', metrics: { gpus: 8, cuda_devices: 8 } });
    for (const id of ['compute-gpu', 'train', 'ddp'])
      expect(by[id], id).toMatchObject({ status: 'fail', reason: `torch cannot start CUDA: ${msg}` });
    // The GPU tests share a process whose container gets the GPUs; compute-cpu runs in one without
    // them. compute-gpu fails there (CUDA cannot start), so train runs again in a fresh one: a
    // failure never reaches the next test's process. ddp (a GPU run) always heads a process of its own.
    expect(runs).toEqual([['gpu', 'compute-gpu', 'train'], ['compute-cpu'], ['train'], ['ddp']]);
    expect(by['compute-cpu']).toMatchObject({ status: 'fail' });
  });

  it('CUDA that cannot start at all: gpu fails with the cause, and so does every CUDA test after it', async () => {
    fakeNvidiaSmi(H100_DRIVER);
    const { docker, runs } = hostEngine({ torch: true, env: { FAKE_CUINIT: '802' } });
    const result = await runSmoke(smokeInput({ suites: ['gpu', 'train', 'ddp'] }), { docker });
    const cause =
      'CUDA cannot start: cuInit returned 802 (CUDA_ERROR_SYSTEM_NOT_READY): system not yet initialized';
    expect(result.tests.map((t) => [t.id, t.status])).toEqual([
      ['gpu', 'fail'],
      ['train', 'fail'],
      ['ddp', 'fail'],
    ]);
    expect(result.tests[0]!.reason).toContain('CUDA cannot start: cuInit returned 802');
    expect(result.tests[1]!.reason).toBe(cause);
    expect(result.tests[2]!.reason).toBe(cause);
    expect(runs).toHaveLength(3);
  });

  it('a test that hangs times out on its own (the script’s watchdog); the next runs in a fresh process', async () => {
    fakeNvidiaSmi(H100_DRIVER);
    // A distribution whose module never finishes importing.
    const site = path.join(dir, 'hang');
    mkdirSync(path.join(site, 'hangpkg-1.0.dist-info'), { recursive: true });
    mkdirSync(path.join(site, 'hangpkg'), { recursive: true });
    writeFileSync(path.join(site, 'hangpkg-1.0.dist-info', 'METADATA'), 'Name: hangpkg\nVersion: 1.0\n');
    writeFileSync(path.join(site, 'hangpkg-1.0.dist-info', 'top_level.txt'), 'hangpkg\n');
    writeFileSync(
      path.join(site, 'hangpkg', '__init__.py'),
      'import time\nprint("importing")\ntime.sleep(120)\n',
    );
    const { docker, runs } = hostEngine({ env: { FAKE_CUDA_COUNT: '8', PYTHONPATH: site } });
    const result = await runSmoke(
      smokeInput({ suites: ['imports', 'gpu'], distributions: ['hangpkg'], timeoutMs: 2000 }),
      { docker },
    );
    expect(result.tests[0]).toMatchObject({
      id: 'imports',
      status: 'fail',
      reason:
        'timed out after 2s (the container was removed); a test that needs longer: raise smoke.timeoutSeconds in ml-image.yml (ml-image smoke: --timeout)',
    });
    expect(result.tests[0]!.output).toContain('importing');
    expect(result.tests[1]).toMatchObject({ id: 'gpu', status: 'pass' });
    // imports ran in the CPU tests' process (no GPUs), gpu in a GPU process of its own.
    expect(runs).toEqual([['imports'], ['gpu']]);
  });

  it('tests that pass share one process by kind: gpu in the GPU one, imports and a custom file check in the other', async () => {
    fakeNvidiaSmi(H100_DRIVER);
    const site = path.join(dir, 'ok');
    mkdirSync(path.join(site, 'okpkg-1.0.dist-info'), { recursive: true });
    mkdirSync(path.join(site, 'okpkg'), { recursive: true });
    writeFileSync(path.join(site, 'okpkg-1.0.dist-info', 'METADATA'), 'Name: okpkg\nVersion: 1.0\n');
    writeFileSync(path.join(site, 'okpkg-1.0.dist-info', 'top_level.txt'), 'okpkg\n');
    writeFileSync(path.join(site, 'okpkg', '__init__.py'), '');
    const { docker, runs } = hostEngine({ env: { FAKE_CUDA_COUNT: '8', PYTHONPATH: site } });
    const tests = validateConfigData(
      { image: { name: 'o/m' }, smoke: { tests: [{ name: 'script', file: { path: SCRIPT } }] } },
      'ml-image.yml',
    ).smoke.tests;
    const result = await runSmoke(
      smokeInput({ suites: ['gpu', 'imports', 'custom'], distributions: ['okpkg'], tests }),
      { docker },
    );
    expect(result.tests.map((t) => [t.id, t.status])).toEqual([
      ['gpu', 'pass'],
      ['imports', 'pass'],
      ['custom:script', 'pass'],
    ]);
    expect(runs).toEqual([['gpu'], ['imports', 'custom:script']]);
  });
});

describe('the smoke script’s batch mode, run directly', () => {
  /** A distribution NAME whose only module runs CODE when imported, in the site folder SITE. */
  function pkg(site: string, name: string, code: string) {
    mkdirSync(path.join(site, `${name}-1.0.dist-info`), { recursive: true });
    mkdirSync(path.join(site, name), { recursive: true });
    writeFileSync(path.join(site, `${name}-1.0.dist-info`, 'METADATA'), `Name: ${name}\nVersion: 1.0\n`);
    writeFileSync(path.join(site, `${name}-1.0.dist-info`, 'top_level.txt'), `${name}\n`);
    writeFileSync(path.join(site, name, '__init__.py'), code);
  }

  /** The script in batch mode with STEPS (id, argv), each with TIMEOUT seconds: its sections. */
  function batch(site: string, steps: [string, string[]][], timeout = 30) {
    const plan = { nonce: 'f00d', steps: steps.map(([id, argv]) => ({ id, argv, timeout })) };
    const r = spawnSync('python3', [SCRIPT, ...steps[0]![1]], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME ?? '/root',
        PYTHONPATH: site,
        [BATCH_ENV]: JSON.stringify(plan),
      },
    });
    return { status: r.status, out: sections(r.stdout, 'f00d'), err: sections(r.stderr, 'f00d'), r };
  }

  it('runs without ctypes (an image whose Python lacks _ctypes)', () => {
    const site = path.join(dir, 'no-ctypes');
    mkdirSync(path.join(site, 'ctypes'), { recursive: true });
    writeFileSync(
      path.join(site, 'ctypes', '__init__.py'),
      'raise ImportError("No module named \'_ctypes\'")\n',
    );
    const b = batch(site, [['custom:f', ['file', SCRIPT]]]);
    expect(b.status, b.r.stderr).toBe(0);
    expect(b.out.get('custom:f')).toMatchObject({ end: { exit: 0 } });
    expect(b.out.get('custom:f')!.text).toMatch(/^\{"mode": "\d+"\}\n$/);
  });

  it('a test that points stdout and stderr elsewhere still gets its timeout marker', () => {
    const site = path.join(dir, 'redirect');
    pkg(
      site,
      'redirpkg',
      'import os, tempfile, time\nf = tempfile.TemporaryFile()\nos.dup2(f.fileno(), 1)\nos.dup2(f.fileno(), 2)\ntime.sleep(60)\n',
    );
    const b = batch(site, [['imports', ['imports', 'redirpkg']]], 1);
    expect(b.status).toBe(124);
    expect(b.out.get('imports')).toMatchObject({ timedOut: true });
    expect(b.err.get('imports')).toMatchObject({ timedOut: true });
  });

  it('ends after the last marker, even when a test left a non-daemon thread running', () => {
    const site = path.join(dir, 'thread');
    pkg(
      site,
      'threadpkg',
      'import threading, time\nthreading.Thread(target=time.sleep, args=(600,)).start()\n',
    );
    const b = batch(site, [['imports', ['imports', 'threadpkg']]]);
    expect(b.r.error).toBeUndefined();
    expect(b.status).toBe(0);
    expect(b.out.get('imports')).toMatchObject({ end: { exit: 0 } });
  });

  it('each test sees the environment and the files a fresh container would', () => {
    const site = path.join(dir, 'state');
    const made = path.join(dir, 'state-made');
    pkg(
      site,
      'writerpkg',
      `import os\nos.environ["ML_IMAGE_LEAK"] = "1"\nopen(${JSON.stringify(made)}, "w").close()\n`,
    );
    pkg(site, 'readerpkg', 'import os\nprint("leak=%s" % os.environ.get("ML_IMAGE_LEAK"))\n');
    const b = batch(site, [
      ['imports', ['imports', 'writerpkg']],
      ['imports-2', ['imports', 'readerpkg']],
      ['custom:made', ['file', made]],
    ]);
    expect(b.status, b.r.stderr).toBe(0);
    expect(b.out.get('imports-2')!.text).toContain('leak=None');
    // The file did not exist when the container started: the check says so.
    expect(b.out.get('custom:made')).toMatchObject({ text: '{}\n', end: { exit: 0 } });
  });
});
