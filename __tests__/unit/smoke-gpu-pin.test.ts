// A runner pinned to its own GPU(s) with NVIDIA_VISIBLE_DEVICES or CUDA_VISIBLE_DEVICES in its
// environment (one runner service per GPU): the smoke containers get those GPUs only, never every
// GPU of the host; the host's GPUs are looked up for those only; a pin to none skips the GPU tests
// naming the variable; a value that is no GPU list is exit 2 naming the variable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandRunner, ContainerRunSpec, DaemonFeatures } from '../../src/docker/adapter.js';
import { InputError } from '../../src/errors.js';
import { checkStageInputs } from '../../src/pipeline/pipeline.js';
import { hostGpuDevices, NVIDIA_SMI_QUERY, nvidiaSmiArgs } from '../../src/smoke/gpu-identity.js';
import type { GpuMode } from '../../src/smoke/gpu-mode.js';
import { containerGpus, type GpuPin, gpuPinOf, gpusLine } from '../../src/smoke/gpu-pin.js';
import { resolveGpuChoice, runSmoke } from '../../src/smoke/run.js';
import type { LoadedConfig } from '../../src/config/load.js';
import type { CustomTestSpec } from '../../src/config/schema.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

const N = 'NVIDIA_VISIBLE_DEVICES';
const C = 'CUDA_VISIBLE_DEVICES';
type Env = Record<string, string>;

describe('gpuPinOf: the GPUs the environment pins the runner to', () => {
  it.each<[string, Env, GpuPin | undefined]>([
    ['neither set: no pin (every GPU)', {}, undefined],
    ['NVIDIA_VISIBLE_DEVICES=all: no pin', { [N]: 'all' }, undefined],
    ['CUDA_VISIBLE_DEVICES=ALL: no pin', { [C]: 'ALL' }, undefined],
    ['indices', { [N]: '0,1' }, { variable: N, value: '0,1', devices: ['0', '1'] }],
    ['one index, spaces around it', { [N]: ' 3\n' }, { variable: N, value: '3', devices: ['3'] }],
    [
      'GPU UUIDs',
      { [N]: 'GPU-8932f937-d72c-4106-c12f-20bd9faed9f6,GPU-aa' },
      {
        variable: N,
        value: 'GPU-8932f937-d72c-4106-c12f-20bd9faed9f6,GPU-aa',
        devices: ['GPU-8932f937-d72c-4106-c12f-20bd9faed9f6', 'GPU-aa'],
      },
    ],
    [
      'MIG: a UUID and GPU:instance indices',
      { [N]: 'MIG-5b0e3a6b-1b7c-5d7f-9c1e-0a1b2c3d4e5f,0:1' },
      {
        variable: N,
        value: 'MIG-5b0e3a6b-1b7c-5d7f-9c1e-0a1b2c3d4e5f,0:1',
        devices: ['MIG-5b0e3a6b-1b7c-5d7f-9c1e-0a1b2c3d4e5f', '0:1'],
      },
    ],
    ['an index twice: once', { [N]: '1,1,2' }, { variable: N, value: '1,1,2', devices: ['1', '2'] }],
    [
      'NVIDIA_VISIBLE_DEVICES wins over CUDA_VISIBLE_DEVICES',
      { [N]: '1', [C]: '0' },
      { variable: N, value: '1', devices: ['1'] },
    ],
    [
      'CUDA_VISIBLE_DEVICES when NVIDIA_VISIBLE_DEVICES is all',
      { [N]: 'all', [C]: '2,3' },
      { variable: C, value: '2,3', devices: ['2', '3'] },
    ],
    ['CUDA_VISIBLE_DEVICES alone', { [C]: '2' }, { variable: C, value: '2', devices: ['2'] }],
    ['CUDA_VISIBLE_DEVICES=-1: no GPU', { [C]: '-1' }, { variable: C, value: '-1', devices: [] }],
    ['CUDA_VISIBLE_DEVICES empty: no GPU', { [C]: '' }, { variable: C, value: '', devices: [] }],
    [
      'NVIDIA_VISIBLE_DEVICES=void: no GPU',
      { [N]: 'void', [C]: '0' },
      { variable: N, value: 'void', devices: [] },
    ],
    ['NVIDIA_VISIBLE_DEVICES=none: no GPU', { [N]: 'none' }, { variable: N, value: 'none', devices: [] }],
    ['blanks around the commas', { [N]: '0, 1' }, { variable: N, value: '0, 1', devices: ['0', '1'] }],
    [
      'the legacy MIG form older drivers print',
      { [N]: 'MIG-GPU-8932f937-d72c-4106-c12f-20bd9faed9f6/1/0' },
      {
        variable: N,
        value: 'MIG-GPU-8932f937-d72c-4106-c12f-20bd9faed9f6/1/0',
        devices: ['MIG-GPU-8932f937-d72c-4106-c12f-20bd9faed9f6/1/0'],
      },
    ],
    // Other mechanisms' values are not read (every GPU, as without a pin): the device plugin's
    // volume-mounts strategy, a CDI name.
    [
      'a path (the device plugin volume-mounts strategy)',
      { [N]: '/var/run/nvidia-container-devices' },
      undefined,
    ],
    ['a CDI name', { [N]: 'nvidia.com/gpu=0' }, undefined],
    [
      'a path, then CUDA_VISIBLE_DEVICES',
      { [N]: '/var/run/nvidia-container-devices', [C]: '1' },
      { variable: C, value: '1', devices: ['1'] },
    ],
  ])('%s', (_what, env, pin) => {
    expect(gpuPinOf(env)).toEqual(pin);
  });

  it.each<[string, Env, string, string]>([
    ['a shell character', { [C]: '0;rm -rf /' }, C, '"0;rm -rf /" is not a GPU'],
    ['a space inside an entry', { [N]: '0 1' }, N, '"0 1" is not a GPU'],
    ['an empty entry', { [N]: '0,,1' }, N, 'an empty entry is not a GPU'],
    ['a trailing comma', { [C]: '0,' }, C, 'an empty entry is not a GPU'],
    ['a word', { [C]: 'first' }, C, '"first" is not a GPU'],
    ['a negative index in a list', { [C]: '0,-1' }, C, '"-1" is not a GPU'],
    [
      'garbage in NVIDIA_VISIBLE_DEVICES, CUDA_VISIBLE_DEVICES fine',
      { [N]: 'gpu0', [C]: '0' },
      N,
      '"gpu0" is not a GPU',
    ],
  ])('%s: exit 2 naming the variable', (_what, env, variable, said) => {
    let error: unknown;
    try {
      gpuPinOf(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toMatch(new RegExp(`^${variable}=`));
    expect((error as InputError).message).toContain(said);
  });

  it.each<[string, 'all' | 'none', GpuPin | undefined, string, 'all' | readonly string[]]>([
    ['no pin', 'all', undefined, 'gpus: all', 'all'],
    ['no pin, CPU only', 'none', undefined, 'gpus: none', 'all'],
    [
      'two GPUs',
      'all',
      { variable: N, value: '1,2', devices: ['1', '2'] },
      'GPUs 1,2 (NVIDIA_VISIBLE_DEVICES)',
      ['1', '2'],
    ],
    ['one GPU', 'all', { variable: C, value: '3', devices: ['3'] }, 'GPU 3 (CUDA_VISIBLE_DEVICES)', ['3']],
    [
      'none',
      'none',
      { variable: C, value: '-1', devices: [] },
      'no GPU (CUDA_VISIBLE_DEVICES=-1 gives this runner no GPU)',
      'all',
    ],
    [
      'none (empty)',
      'none',
      { variable: C, value: '', devices: [] },
      'no GPU (CUDA_VISIBLE_DEVICES="" gives this runner no GPU)',
      'all',
    ],
  ])("the log line and the containers' GPUs: %s", (_what, gpus, pin, line, given) => {
    expect(gpusLine(gpus, pin)).toBe(line);
    expect(containerGpus(pin)).toEqual(given);
  });
});

describe('resolveGpuChoice: the mode, then the pin', () => {
  const nvidia: DaemonFeatures = { runtimes: ['runc', 'nvidia'], cdiSpecDirs: [], cdiDevices: [] };
  const cpu: DaemonFeatures = { runtimes: ['runc'], cdiSpecDirs: [], cdiDevices: [] };
  it.each<[string, GpuMode, DaemonFeatures, Env, Awaited<ReturnType<typeof resolveGpuChoice>>]>([
    ['all, no pin: every GPU', 'all', cpu, {}, { gpus: 'all' }],
    [
      'all, pinned: those GPUs',
      'all',
      cpu,
      { [N]: '1,2' },
      { gpus: 'all', pin: { variable: N, value: '1,2', devices: ['1', '2'] } },
    ],
    [
      'auto on an NVIDIA engine, pinned',
      'auto',
      nvidia,
      { [C]: '0' },
      { gpus: 'all', pin: { variable: C, value: '0', devices: ['0'] } },
    ],
    ['auto on a CPU engine, pinned: CPU only', 'auto', cpu, { [N]: '1' }, { gpus: 'none' }],
    [
      'all, pinned to none: CPU only, the pin kept for the reason',
      'all',
      cpu,
      { [C]: '-1' },
      { gpus: 'none', pin: { variable: C, value: '-1', devices: [] } },
    ],
    ['none: the pin is not read, a bad one included', 'none', cpu, { [C]: 'x;y' }, { gpus: 'none' }],
  ])('%s', async (_what, mode, features, env, choice) => {
    const docker = fakeDocker({ daemonFeatures: async () => features });
    expect(await resolveGpuChoice(mode, docker, env)).toEqual(choice);
  });

  it('a bad pin is exit 2 before the engine is asked (--gpus all)', async () => {
    let asked = false;
    const docker = fakeDocker({
      daemonFeatures: async () => {
        asked = true;
        return nvidia;
      },
    });
    await expect(resolveGpuChoice('all', docker, { [C]: 'a b' })).rejects.toThrow(/^CUDA_VISIBLE_DEVICES=/);
    expect(asked).toBe(false);
  });

  it('under auto a bad pin matters only where the engine has GPUs (a CPU runner builds on)', async () => {
    const cpuHost = fakeDocker({ daemonFeatures: async () => cpu });
    await expect(resolveGpuChoice('auto', cpuHost, { [C]: 'a b' })).resolves.toEqual({ gpus: 'none' });
    const gpuHost = fakeDocker({ daemonFeatures: async () => nvidia });
    await expect(resolveGpuChoice('auto', gpuHost, { [C]: 'a b' })).rejects.toThrow(/^CUDA_VISIBLE_DEVICES=/);
  });

  it('checkStageInputs: a bad pin is exit 2 before any stage runs when the smoke asks for GPUs', () => {
    const loaded = { config: { smoke: { baseline: undefined } } } as unknown as LoadedConfig;
    const smoke = new Set(['smoke'] as const);
    expect(() => checkStageInputs(loaded, smoke, { mode: 'all', env: { [N]: '0 1' } })).toThrow(InputError);
    // auto: the smoke stage reads it where the engine has GPUs; none: never.
    expect(() => checkStageInputs(loaded, smoke, { mode: 'auto', env: { [N]: '0 1' } })).not.toThrow();
    expect(() => checkStageInputs(loaded, smoke, { mode: 'none', env: { [N]: '0 1' } })).not.toThrow();
    expect(() =>
      checkStageInputs(loaded, new Set(['build'] as const), { mode: 'all', env: { [N]: '0 1' } }),
    ).not.toThrow();
    expect(() => checkStageInputs(loaded, smoke, { mode: 'all', env: { [N]: '0,1' } })).not.toThrow();
  });
});

describe("the host's GPUs of a pinned runner (the reuse key)", () => {
  it.each<[string, readonly string[] | undefined, string[] | undefined]>([
    ['not pinned: every GPU', undefined, [...NVIDIA_SMI_QUERY]],
    ['pinned: those only', ['1', '2'], [...NVIDIA_SMI_QUERY, '--id=1,2']],
    ['pinned by UUID', ['GPU-aa'], [...NVIDIA_SMI_QUERY, '--id=GPU-aa']],
    ['a MIG instance: not looked up', ['0:1'], undefined],
    ['a MIG UUID: not looked up', ['MIG-aa'], undefined],
  ])('nvidia-smi argv: %s', (_what, devices, argv) => {
    expect(nvidiaSmiArgs(devices)).toEqual(argv);
  });

  it('hostGpuDevices asks nvidia-smi for the pinned GPUs only; a MIG pin is unknown without asking', async () => {
    const calls: (readonly string[])[] = [];
    const runner: CommandRunner = {
      run: async (_cmd, args) => {
        calls.push(args);
        return { exitCode: 0, stdout: 'NVIDIA H200, 570.86.15\n', stderr: '' };
      },
    };
    expect(await hostGpuDevices(runner, {}, ['3'])).toEqual({ devices: '1x NVIDIA H200; driver 570.86.15' });
    expect(calls).toEqual([[...NVIDIA_SMI_QUERY, '--id=3']]);
    const mig = await hostGpuDevices(runner, {}, ['0:1']);
    expect('unknown' in mig && mig.unknown).toContain('MIG');
    expect(calls).toHaveLength(1);
  });
});

describe('runSmoke on a pinned runner: the GPU tests get the pinned GPUs only', () => {
  async function run(pin: GpuPin | undefined, gpus: 'all' | 'none', requireGpu = false) {
    const specs: ContainerRunSpec[] = [];
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      runContainer: (spec: ContainerRunSpec) => {
        specs.push(spec);
        return Promise.resolve({
          containerId: 'c',
          exitCode: 0,
          timedOut: false,
          stdout: '{"status": "pass", "reason": "", "metrics": {}}\n',
          stderr: '',
          durationMs: 1,
        });
      },
    });
    const result = await runSmoke(
      {
        image: 'img',
        suites: ['gpu', 'compute', 'train', 'ddp', 'custom'],
        gpus,
        ...(pin !== undefined && { pin }),
        requireGpu,
        distributions: [],
        tests: [
          {
            name: 'smi',
            command: ['nvidia-smi'],
            expectedOutput: [],
            excludedOutput: [],
            exitCode: 0,
            gpu: true,
          } as CustomTestSpec,
        ],
        timeoutMs: 10_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
      },
      { docker },
    );
    return { specs, result };
  }

  it('NVIDIA_VISIBLE_DEVICES=1,2: every container given GPUs gets devices 1 and 2, none gets all', async () => {
    const { specs } = await run({ variable: N, value: '1,2', devices: ['1', '2'] }, 'all');
    const given = specs.filter((s) => s.gpus !== undefined).map((s) => s.gpus);
    expect(given.length).toBeGreaterThan(1);
    expect(given).toEqual(given.map(() => ['1', '2']));
  });

  it('not pinned: the GPU tests get every GPU (as before)', async () => {
    const { specs } = await run(undefined, 'all');
    const given = specs.filter((s) => s.gpus !== undefined).map((s) => s.gpus);
    expect(given.length).toBeGreaterThan(1);
    expect(given).toEqual(given.map(() => 'all'));
  });

  it('CUDA_VISIBLE_DEVICES=-1: no container gets a GPU; the GPU tests skip naming the variable', async () => {
    const { specs, result } = await run({ variable: C, value: '-1', devices: [] }, 'none');
    expect(specs.filter((s) => s.gpus !== undefined)).toEqual([]);
    const why = 'no GPU on this runner (CUDA_VISIBLE_DEVICES=-1 gives this runner no GPU)';
    for (const id of ['gpu', 'compute-gpu', 'custom:smi'])
      expect(result.tests.find((t) => t.id === id)).toMatchObject({ status: 'skip', reason: why });
  });

  it('CUDA_VISIBLE_DEVICES=-1 with require-gpu: the gpu suite fails naming the variable', async () => {
    const { result } = await run({ variable: C, value: '-1', devices: [] }, 'none', true);
    expect(result.tests.find((t) => t.id === 'gpu')).toMatchObject({
      status: 'fail',
      reason:
        'no GPU on this runner (CUDA_VISIBLE_DEVICES=-1 gives this runner no GPU), and require-gpu is set',
    });
  });
});
