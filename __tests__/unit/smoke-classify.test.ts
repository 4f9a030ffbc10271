// The failure classifier (src/smoke/failures.json) over real messages: one sample per row, taken
// from the row's source or from the issues where users met it, and the order of the rows: where a
// message names a cause and a consequence (802, then "No CUDA GPUs are available"), the cause wins.
import { describe, expect, it } from 'vitest';
import { classifyFailure, failureRules } from '../../src/smoke/classify.js';
import { finishes } from '../helpers/hang-guard.js';

/** One real message per rule id (several where a rule matches several wordings). */
const SAMPLES: Record<string, string[]> = {
  'no-gpu-runtime': [
    '(HTTP code 500) server error - could not select device driver "" with capabilities: [[gpu]]',
    'Error response from daemon: could not select device driver "nvidia" with capabilities: [[gpu]]',
  ],
  'cuda-requirement-unsatisfied': [
    "(HTTP code 400) unexpected - failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error running prestart hook #0: exit status 1, stdout: , stderr: Auto-detected mode as 'legacy'\nnvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.8, please update your driver to a newer version, or use an earlier cuda container: unknown",
    'nvidia-container-cli: requirement error: unsatisfied condition: cuda >= 9.0',
  ],
  'nvidia-container-cli-init': [
    'OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: Running hook #0:: error running hook: exit status 1, stdout: , stderr: nvidia-container-cli: initialization error: nvml error: driver/library version mismatch: unknown',
    'stderr: nvidia-container-cli: initialization error: load library failed: libnvidia-ml.so.1: cannot open shared object file: no such file or directory: unknown',
  ],
  'cuda-system-not-ready': [
    'CUDA cannot start: cuInit returned 802 (CUDA_ERROR_SYSTEM_NOT_READY): system not yet initialized',
    'UserWarning: CUDA initialization: Unexpected error from cudaGetDeviceCount(). Did you run some cuda functions before calling NumCudaDevices() that might have already set an error? Error 802: system not yet initialized (Triggered internally at ../c10/cuda/CUDAFunctions.cpp:112.)',
    'CUDA error at bandwidthTest.cu:256 code=802(cudaErrorSystemNotReady) "cudaSetDevice(currentDevice)"',
  ],
  'cuda-compat-unsupported': [
    'CUDA cannot start: cuInit returned 804 (CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE): forward compatibility was attempted on non supported HW',
    'UserWarning: CUDA initialization: Unexpected error from cudaGetDeviceCount(). Did you run some cuda functions before calling NumCudaDevices() that might have already set an error? Error 804: forward compatibility was attempted on non supported HW (Triggered internally at ../c10/cuda/CUDAFunctions.cpp:108.)',
    'cupy_backends.cuda.api.runtime.CUDARuntimeError: cudaErrorCompatNotSupportedOnDevice: forward compatibility was attempted on non supported HW',
  ],
  'cuda-driver-mismatch': [
    'CUDA cannot start: cuInit returned 803 (CUDA_ERROR_SYSTEM_DRIVER_MISMATCH): system has unsupported display driver / cuda driver combination',
    'UserWarning: CUDA initialization: Unexpected error from cudaGetDeviceCount(). Error 803: system has unsupported display driver / cuda driver combination',
  ],
  'driver-insufficient': [
    'CUDA cannot start: cuInit returned 35 (CUDA_ERROR_INSUFFICIENT_DRIVER): CUDA driver version is insufficient for CUDA runtime version',
    'RuntimeError: CUDA error: CUDA driver version is insufficient for CUDA runtime version',
  ],
  // The gpu suite's own reasons (images/probe/ml_image_smoke.py gpu()).
  'driver-below-floor': [
    'NVIDIA driver 570.172.08 is older than 580.65.06, which this CUDA needs',
    'NVIDIA driver 515.105.01 is older than 525.60.13, which this CUDA needs',
  ],
  'cuda-sees-fewer-gpus': [
    '8 GPU(s) visible to nvidia-smi, but CUDA sees 4',
    "8 GPU(s) visible to nvidia-smi, but CUDA sees 0 (CUDA_VISIBLE_DEVICES='0,9')",
  ],
  'driver-too-old': [
    'RuntimeError: The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver by downloading and installing a new version from the URL: http://www.nvidia.com/Download/index.aspx',
  ],
  nvml: [
    'Failed to initialize NVML: Unknown Error',
    'Failed to initialize NVML: Driver/library version mismatch',
  ],
  'cuda-unknown-error': [
    'CUDA cannot start: cuInit returned 999 (CUDA_ERROR_UNKNOWN): unknown error',
    'UserWarning: CUDA initialization: CUDA unknown error - this may be due to an incorrectly set up environment, e.g. changing env variable CUDA_VISIBLE_DEVICES after program start. Setting the available devices to be zero.',
    'RuntimeError: cuda runtime error (999) : unknown error at /opt/conda/conda-bld/pytorch_1573049306803/work/aten/src/THC/THCGeneral.cpp:50',
  ],
  'gpu-busy': ['RuntimeError: CUDA error: CUDA-capable device(s) is/are busy or unavailable'],
  'cuda-no-device': [
    'CUDA cannot start: cuInit returned 100 (CUDA_ERROR_NO_DEVICE): no CUDA-capable device is detected',
    '  File "/usr/local/lib/python3.11/site-packages/torch/cuda/__init__.py", line 314, in _lazy_init\n    torch._C._cuda_init()\nRuntimeError: No CUDA GPUs are available',
  ],
  'no-kernel-image': ['RuntimeError: CUDA error: no kernel image is available for execution on the device'],
  'cuda-out-of-memory': [
    'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 200.00 GiB. GPU 0 has a total capacity of 39.56 GiB of which 30.36 GiB is free. Process 22149 has 9.20 GiB memory in use.',
    'RuntimeError: CUDA error: out of memory\nCUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.',
  ],
  'nccl-shm': [
    'node08:27106:27302 [0] include/shm.h:48 NCCL WARN Error while creating shared memory segment nccl-shm-recv-b7948f403864987a-0-3-0 (size 4460544)',
  ],
  'torchrun-sigbus': [
    'torch.distributed.elastic.multiprocessing.errors.ChildFailedError: \n============================================================\nFailures:\n[1]:\n  time      : 2025-04-16_00:06:43\n  host      : 494f2fcc8a8d\n  rank      : 1 (local_rank: 1)\n  exitcode  : -7 (pid: 100)\n  error_file: <N/A>\n  traceback : Signal 7 (SIGBUS) received by PID 100',
    'ERROR:torch.distributed.elastic.multiprocessing.api:failed (exitcode: -7) local_rank: 1 (pid: 5621) of binary: /usr/bin/python3.10',
  ],
  'nccl-system-error': [
    'torch.distributed.DistBackendError: NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1333, unhandled system error (run with NCCL_DEBUG=INFO for details), NCCL version 2.18.1\nncclSystemError: System call (e.g. socket, malloc) or external library call failed or device error.',
    'RuntimeError: NCCL Error 2: unhandled system error',
  ],
  'numpy2-abi': ['A module that was compiled using NumPy 1.x cannot be run in\nNumPy 2.0.0 as it may crash.'],
  'numpy-dtype-size': [
    'ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject',
  ],
  'cuda-library-missing': [
    'OSError: libcublas.so.12: cannot open shared object file: No such file or directory',
  ],
  'dataloader-shm': ['RuntimeError: DataLoader worker (pid 42) is killed by signal: Bus error.'],
  'cache-permission': ["PermissionError: [Errno 13] Permission denied: '/cache/huggingface/hub'"],
  'module-missing': ["ModuleNotFoundError: No module named 'cv2'"],
  'no-python': ['exec: "python3": executable file not found in $PATH'],
  'command-not-found': ['bash: hello_ml: command not found'],
};

describe('the failure classifier, row by row', () => {
  it('has a sample for every row, and every row names a real https source', () => {
    const ids = failureRules().map((r) => r.rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(SAMPLES).sort()).toEqual([...ids].sort());
    for (const { rule } of failureRules())
      expect(rule.source, rule.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
  });

  it.each(Object.entries(SAMPLES).flatMap(([id, samples]) => samples.map((s) => [id, s] as const)))(
    '%s: %s',
    (id, sample) => {
      const c = classifyFailure(sample);
      expect(c?.id).toBe(id);
      expect(c!.match.length).toBeGreaterThan(0);
      expect(c!.fix.length).toBeGreaterThan(10);
    },
  );
});

describe("the NVIDIA Container Toolkit's requirement check: the fix names the figure it enforces", () => {
  it('the toolkit driver of the CUDA release (toolkitDriverMin), not the minor-compat floor; NVIDIA_DISABLE_REQUIRE', () => {
    const c = classifyFailure('nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.9');
    expect(c?.id).toBe('cuda-requirement-unsatisfied');
    expect(c!.fix).toContain('toolkitDriverMin');
    expect(c!.fix).toContain('575.51.03 for CUDA 12.9');
    expect(c!.fix).toContain('NVIDIA_DISABLE_REQUIRE=1');
    expect(c!.fix).not.toContain("the plan's driver floor");
  });
});

describe('the most specific cause wins', () => {
  it.each([
    // torch warns with the driver's error, then fails for the consequence (no devices).
    [
      'UserWarning: CUDA initialization: Unexpected error from cudaGetDeviceCount(). Error 802: system not yet initialized\nRuntimeError: No CUDA GPUs are available',
      'cuda-system-not-ready',
    ],
    [
      'UserWarning: CUDA initialization: ... Error 804: forward compatibility was attempted on non supported HW\nRuntimeError: No CUDA GPUs are available',
      'cuda-compat-unsupported',
    ],
    [
      'UserWarning: CUDA initialization: CUDA unknown error - this may be due to an incorrectly set up environment. Setting the available devices to be zero.\nRuntimeError: No CUDA GPUs are available',
      'cuda-unknown-error',
    ],
    // nvidia-smi cannot reach the driver, and CUDA then sees no device: NVML names the cause.
    [
      'Failed to initialize NVML: Unknown Error\nCUDA cannot start: cuInit returned 100 (CUDA_ERROR_NO_DEVICE)',
      'nvml',
    ],
    // NCCL says it was shared memory: the generic "unhandled system error" row does not win.
    [
      'NCCL WARN Error while creating shared memory segment nccl-shm-recv-1 (size 9637888)\nRuntimeError: NCCL error: unhandled system error (run with NCCL_DEBUG=INFO for details)',
      'nccl-shm',
    ],
    // A torchrun worker killed by SIGBUS whose output also says "Bus error": the DDP row, not the DataLoader one.
    ['Bus error (core dumped)\n  traceback : Signal 7 (SIGBUS) received by PID 100', 'torchrun-sigbus'],
    // The engine message of a GPU container that did not start wins over what follows it.
    [
      'the container did not start: could not select device driver "" with capabilities: [[gpu]]\nNo CUDA GPUs are available',
      'no-gpu-runtime',
    ],
  ])('%s -> %s', (output, id) => {
    expect(classifyFailure(output)?.id).toBe(id);
  });

  it('does not take a number alone for a CUDA error', () => {
    expect(classifyFailure('processed 802 rows; 804 skipped; exit 35')).toBeUndefined();
    expect(classifyFailure('loss 0.999: unknown token')).toBeUndefined();
  });

  // Backtracking on these inputs would be quadratic in a megabyte: a hang the guard stops.
  it('stays linear on hostile output', () => {
    const got = finishes(() => [
      classifyFailure('cuInit returned '.repeat(60_000)),
      classifyFailure('could not select device driver "'.repeat(30_000)),
      classifyFailure('exitcode '.repeat(100_000)),
    ]);
    expect(got).toEqual([undefined, undefined, undefined]);
  });
});
