// The smoke stage runs PR-controlled code: what each container gets (GPUs only for the tests that
// use one, no network unless smoke.network says so), the GPUs its reuse key covers (nvidia-smi in
// a container of the image), and a local build's mutable tag checked against the digest the build
// recorded, the containers then running the immutable image ID. Fakes only (no engine).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { otherImage, recordImage, smokeImage } from '../../src/attest/of-image.js';
import type { BuildResult } from '../../src/build/result.js';
import { loadConfig, validateConfigData } from '../../src/config/load.js';
import type {
  CommandRunner,
  ContainerRunSpec,
  DockerAdapter,
  ExecResult,
  ImageDetails,
} from '../../src/docker/adapter.js';
import { EnvironmentError, ExitCode, exitCodeOf } from '../../src/errors.js';
import type { PipelineIo } from '../../src/pipeline/pipeline.js';
import type { Plan } from '../../src/plan/plan.js';
import { openResultDir, recordFile } from '../../src/results/results.js';
import {
  gpuDevicesOf,
  type GpuDevices,
  hostGpuDevices,
  NVIDIA_SMI_QUERY,
  remoteEngine,
} from '../../src/smoke/gpu-identity.js';
import { isRecordedImage, type RecordedImage, verifiedLocalImage } from '../../src/smoke/local-image.js';
import { SmokeResultSchema, type SmokeTest } from '../../src/smoke/result.js';
import { missingGpuCause } from '../../src/smoke/custom.js';
import { runSmoke, type SmokeInput } from '../../src/smoke/run.js';
import { runSmokeStage, type SmokeStageInput } from '../../src/smoke/stage.js';
import { runCli } from '../../src/cli/main.js';
import { captureIo, containerResult, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';
import { customSmokeInput, imagesDir } from '../helpers/smoke-input.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const CAPTURE = 'capture';
const stageOf = (spec: ContainerRunSpec) => spec.labels?.['io.github.ml-image-action.stage'];

const ok = (stdout = '', exitCode: number | null = 0, stderr = '') =>
  containerResult({ stdout, exitCode, stderr });

const custom = (smoke: object) => validateConfigData({ image: { name: 'o/m' }, smoke }, 'ml-image.yml').smoke;

describe('smoke.network and gpu: true in the config', () => {
  it('network is none unless bridge is asked for; anything else is exit 2 naming the field', () => {
    expect(custom({}).network).toBe('none');
    expect(custom({ network: 'bridge' }).network).toBe('bridge');
    expect(() => custom({ network: 'host' })).toThrow(/smoke\.network/);
    expect(custom({ tests: [{ name: 'a', command: 'true' }] }).tests[0]!.gpu).toBe(false);
  });

  it('gpu: true only on a command test', () => {
    expect(custom({ tests: [{ name: 'a', command: 'nvidia-smi', gpu: true }] }).tests[0]!.gpu).toBe(true);
    expect(() => custom({ tests: [{ name: 'f', file: { path: '/x' }, gpu: true }] })).toThrow(
      /smoke\.tests\[0\]\.gpu: only a command test runs a program that can use a GPU/,
    );
  });
});

describe('what each test container gets', () => {
  async function run(over: Partial<SmokeInput>) {
    const specs: ContainerRunSpec[] = [];
    const docker = fakeDocker({
      inspectImage: async () => imageDetails(),
      runContainer: async (spec) => {
        specs.push(spec);
        return ok(spec.entrypoint?.[0] === 'python3' ? '{"status": "pass"}\n' : 'hi\n');
      },
    });
    const result = await runSmoke(customSmokeInput([], { gpus: 'all', ...over }), { docker });
    return { specs, result };
  }

  it('custom commands: the GPUs only when marked gpu: true; the network smoke.network names', async () => {
    const tests = custom({
      tests: [
        { name: 'cpu', command: ['echo', 'hi'] },
        { name: 'gpu', command: ['nvidia-smi'], gpu: true },
      ],
    }).tests;
    const none = await run({ tests });
    expect(none.specs.map((s) => [s.entrypoint?.[0], s.gpus, s.network])).toEqual([
      ['echo', undefined, 'none'],
      ['nvidia-smi', 'all', 'none'],
    ]);
    const bridge = await run({ tests, network: 'bridge' });
    expect(bridge.specs.map((s) => s.network)).toEqual(['bridge', 'bridge']);
  });

  it('the suites never get a network, whatever smoke.network says', async () => {
    const { specs } = await run({ suites: ['pip-check', 'compute'], network: 'bridge' });
    expect(specs.length).toBeGreaterThan(0);
    for (const s of specs) expect(s.network).toBe('none');
  });

  it('a gpu: true test on a run without GPUs is skipped (failed under require-gpu), never run', async () => {
    const tests = custom({ tests: [{ name: 'gpu', command: ['nvidia-smi'], gpu: true }] }).tests;
    const skipped = await run({ tests, gpus: 'none' });
    expect(skipped.specs).toEqual([]);
    expect(skipped.result.tests[0]).toMatchObject({ id: 'custom:gpu', status: 'skip' });
    const required = await run({ tests, gpus: 'none', requireGpu: true });
    expect(required.result.tests[0]).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('require-gpu'),
    });
  });

  it('the containers run runImage when given (the verified image ID), the results name the image', async () => {
    const tests = custom({ tests: [{ name: 'cpu', command: ['echo', 'hi'] }] }).tests;
    const { specs, result } = await run({ tests, runImage: D('9') });
    expect(specs.map((s) => s.image)).toEqual([D('9')]);
    expect(result.image).toBe('localhost:5000/o/m:1-cpu');
  });
});

describe('a custom test that fails for want of a GPU', () => {
  const spec = (over: object = {}) =>
    custom({
      tests: [{ name: 'cuda', command: ['python3', '-c', 'import torch; torch.ones(1).cuda()'], ...over }],
    }).tests[0]!;
  const failed = (output: string, reason = 'exit code 1, expected 0'): SmokeTest => ({
    id: 'custom:cuda',
    suite: 'custom',
    status: 'fail',
    reason,
    output,
    durationMs: 1,
    metrics: {},
  });
  const TORCH_NO_DEVICE = 'RuntimeError: No CUDA GPUs are available';
  const TORCH_NO_DRIVER =
    'RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx';

  it.each<[string, SmokeTest, object, 'all' | 'none', string | undefined]>([
    ['torch finds no GPU on a GPU run', failed(TORCH_NO_DEVICE), {}, 'all', 'No CUDA GPUs are available'],
    [
      'torch finds no driver on a GPU run',
      failed(TORCH_NO_DRIVER),
      {},
      'all',
      'Found no NVIDIA driver on your system',
    ],
    [
      'cuInit 100 on a GPU run',
      failed('CUDA cannot start: cuInit returned 100 (CUDA_ERROR_NO_DEVICE)'),
      {},
      'all',
      'cuInit returned 100',
    ],
    [
      'no libcuda on a GPU run',
      failed('OSError: libcuda.so.1: cannot open shared object file: No such file or directory'),
      {},
      'all',
      'libcuda.so.1: cannot open shared object file',
    ],
    [
      'no nvidia-smi on a GPU run',
      failed(
        'exec: "nvidia-smi": executable file not found in $PATH',
        'command not found in the image: "nvidia-smi" (exit 127, expected 0)',
      ),
      {},
      'all',
      'command not found in the image: "nvidia-smi"',
    ],
    ['a CPU-only run: the classified hint stands', failed(TORCH_NO_DEVICE), {}, 'none', undefined],
    [
      'a test marked gpu: true: the classified hint stands',
      failed(TORCH_NO_DEVICE),
      { gpu: true },
      'all',
      undefined,
    ],
    ['another failure', failed("ModuleNotFoundError: No module named 'x'"), {}, 'all', undefined],
    ['a test that passed', { ...failed(TORCH_NO_DEVICE), status: 'pass' }, {}, 'all', undefined],
  ])('%s', (_what, test, over, gpus, match) => {
    const cause = missingGpuCause(test, spec(over), gpus);
    if (match === undefined) return expect(cause).toBeUndefined();
    expect(cause).toMatchObject({ id: 'custom-test-without-gpu', match: expect.stringContaining(match) });
    expect(cause!.fix).toBe('add gpu: true to the test "cuda" in smoke.tests (ml-image.yml)');
    expect(cause!.fix).not.toMatch(/--gpus/);
  });

  it('in a run: the result says to add gpu: true, not to give the container GPUs', async () => {
    const docker = fakeDocker({
      inspectImage: async () => imageDetails(),
      runContainer: async () => ok('', 1, `Traceback (most recent call last):\n${TORCH_NO_DEVICE}\n`),
    });
    const run = (gpus: 'all' | 'none', over: object = {}) =>
      runSmoke(customSmokeInput([spec(over)], { image: 'i', gpus }), { docker });
    const gpuRun = (await run('all')).tests[0]!;
    expect(gpuRun.cause?.fix).toBe('add gpu: true to the test "cuda" in smoke.tests (ml-image.yml)');
    // Marked gpu: true (it had the GPUs) or a CPU-only run: the classified cause, as before.
    expect((await run('all', { gpu: true })).tests[0]!.cause?.id).toBe('cuda-no-device');
    expect((await run('none')).tests[0]!.cause?.id).toBe('cuda-no-device');
  });
});

describe('the GPUs of a run', () => {
  it.each<[string, string, string | undefined]>([
    ['one GPU', 'NVIDIA H200, 570.86.15\n', '1x NVIDIA H200; driver 570.86.15'],
    [
      'models counted and sorted, whatever the order',
      'NVIDIA H100 80GB HBM3, 570.86.15\nNVIDIA A100-SXM4-80GB, 570.86.15\nNVIDIA H100 80GB HBM3, 570.86.15\n',
      '1x NVIDIA A100-SXM4-80GB + 2x NVIDIA H100 80GB HBM3; driver 570.86.15',
    ],
    // The MIG mode (mig.mode.current): the same GPUs split into MIG instances are another device.
    ['MIG off: as before', 'NVIDIA H200, 570.86.15, Disabled\n', '1x NVIDIA H200; driver 570.86.15'],
    ['no MIG on this GPU', 'NVIDIA L4, 570.86.15, [N/A]\n', '1x NVIDIA L4; driver 570.86.15'],
    [
      'MIG on for some',
      'NVIDIA H200, 570.86.15, Enabled\nNVIDIA H200, 570.86.15, Disabled\n',
      '1x NVIDIA H200 + 1x NVIDIA H200 (MIG); driver 570.86.15',
    ],
    ['no GPU line', 'No devices were found\n', undefined],
    ['an error instead of a driver', 'NVIDIA H200, [Unknown Error]\n', undefined],
    [
      'control characters are spaces',
      'NVIDIA\u001b[31m H200 , 570.86.15\r\n',
      '1x NVIDIA [31m H200; driver 570.86.15',
    ],
  ])('%s', (_what, stdout, devices) => {
    expect(gpuDevicesOf(stdout)).toBe(devices);
  });

  /** A host whose nvidia-smi answers ANSWER (a result, or a start failure); every call recorded. */
  function host(answer: () => Promise<ExecResult>) {
    const calls: { command: string; args: readonly string[]; signal?: AbortSignal }[] = [];
    const runner: CommandRunner = {
      run: (command, args, options) => {
        calls.push({ command, args, ...(options?.signal && { signal: options.signal }) });
        return answer();
      },
    };
    return { runner, calls };
  }
  const smi =
    (stdout: string, exitCode = 0, stderr = ''): (() => Promise<ExecResult>) =>
    () =>
      Promise.resolve({ exitCode, stdout, stderr });

  it.each<[string, Record<string, string>]>([
    ['no DOCKER_HOST (the default socket)', {}],
    ['a unix socket', { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }],
  ])("the engine is local (%s): the host's nvidia-smi names the GPUs, never a container", async (_w, env) => {
    const { runner, calls } = host(smi('NVIDIA H200, 570.86.15\nNVIDIA H200, 570.86.15\n'));
    expect(await hostGpuDevices(runner, env)).toEqual({ devices: '2x NVIDIA H200; driver 570.86.15' });
    expect(calls).toEqual([
      { command: 'nvidia-smi', args: [...NVIDIA_SMI_QUERY], signal: expect.any(AbortSignal) },
    ]);
  });

  it.each([
    ['tcp://10.0.0.5:2376', 'a tcp:// address'],
    ['ssh://ci@gpu-box', 'a ssh:// address'],
  ])('a remote engine (DOCKER_HOST=%s): unknown, nvidia-smi never runs here', async (dockerHost, said) => {
    const { runner, calls } = host(smi('NVIDIA H200, 570.86.15\n'));
    const g = await hostGpuDevices(runner, { DOCKER_HOST: dockerHost });
    expect(g).toEqual({
      unknown: `the Docker engine is not on this host (DOCKER_HOST is ${said}): its GPUs cannot be looked up here`,
    });
    expect(JSON.stringify(g)).not.toContain('gpu-box');
    expect(calls).toEqual([]);
    expect(remoteEngine({})).toBeUndefined();
  });

  it.each([
    [
      'ssh://ci@gpu-box',
      {
        unknown: `the Docker engine is not on this host (the Docker context "gpu"'s engine is a ssh:// address): its GPUs cannot be looked up here`,
      },
      0,
    ],
    ['unix:///run/user/1000/docker.sock', { devices: '1x NVIDIA H200; driver 570.86.15' }, 1],
  ])(
    "the current Docker context's engine (%s), not the default socket, decides",
    async (contextHost, expected, smiRuns) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-gpu-context-'));
      try {
        const id = createHash('sha256').update('gpu').digest('hex');
        mkdirSync(path.join(dir, 'contexts', 'meta', id), { recursive: true });
        writeFileSync(
          path.join(dir, 'contexts', 'meta', id, 'meta.json'),
          JSON.stringify({ Name: 'gpu', Endpoints: { docker: { Host: contextHost } } }),
        );
        writeFileSync(path.join(dir, 'config.json'), '{"currentContext":"gpu"}');
        const { runner, calls } = host(smi('NVIDIA H200, 570.86.15\n'));
        expect(await hostGpuDevices(runner, { DOCKER_CONFIG: dir })).toEqual(expected);
        expect(calls).toHaveLength(smiRuns);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.each<[string, () => Promise<ExecResult>, string]>([
    [
      'no nvidia-smi on the host',
      () => Promise.reject(Object.assign(new Error('spawn nvidia-smi ENOENT'), { code: 'ENOENT' })),
      'nvidia-smi is not on this host (PATH)',
    ],
    [
      'a failing nvidia-smi',
      smi('', 9, 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.\n'),
      'nvidia-smi on this host exited 9 without naming a GPU: NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.',
    ],
    ['no GPU line', smi('No devices were found\n'), 'nvidia-smi on this host exited 0 without naming a GPU'],
    [
      'another start failure',
      () => Promise.reject(Object.assign(new Error('spawn nvidia-smi EACCES'), { code: 'EACCES' })),
      'nvidia-smi on this host did not run: spawn nvidia-smi EACCES',
    ],
  ])('%s: unknown, with the reason', async (_what, answer, why) => {
    const g = await hostGpuDevices(host(answer).runner, {});
    expect('unknown' in g && g.unknown).toContain(why);
  });
});

describe("a local build's tag", () => {
  const meta = { 'containerimage.digest': D('a'), 'containerimage.config.digest': D('c') };
  it.each<[string, { id: string; repoDigests: string[] }, RecordedImage, boolean]>([
    [
      'the image ID is the recorded digest (docker driver --load)',
      { id: D('a'), repoDigests: [] },
      { digest: D('a') },
      true,
    ],
    [
      'the image ID is the recorded config digest (docker-container builder --load)',
      { id: D('c'), repoDigests: [] },
      { digest: D('a'), metadata: meta },
      true,
    ],
    [
      'a repository digest is the recorded digest (pushed and loaded)',
      { id: D('c'), repoDigests: [`r@${D('a')}`] },
      { digest: D('a') },
      true,
    ],
    [
      'the containerd store loaded the index the build pushed (BuildKit attestations): its ID',
      { id: D('e'), repoDigests: [] },
      { digest: D('a'), indexDigest: D('e') },
      true,
    ],
    [
      'the index the build pushed as a repository digest',
      { id: D('f'), repoDigests: [`r@${D('e')}`] },
      { digest: D('a'), indexDigest: D('e') },
      true,
    ],
    [
      'another image',
      { id: D('b'), repoDigests: [`r@${D('b')}`] },
      { digest: D('a'), metadata: meta },
      false,
    ],
    [
      'a config digest that is not one is ignored',
      { id: 'c', repoDigests: [] },
      { digest: D('a'), metadata: { 'containerimage.config.digest': 'c' } },
      false,
    ],
  ])('%s', (_what, d, recorded, same) => {
    expect(isRecordedImage(d, recorded)).toBe(same);
  });

  /** An engine that holds LOCAL under each tag (nothing: undefined); a pull or a pulling inspect throws. */
  function engineHolding(local: ImageDetails | undefined) {
    const asked: string[] = [];
    const docker = fakeDocker({
      inspectLocalImage: async (ref) => {
        asked.push(ref);
        return local;
      },
      inspectImage: () =>
        Promise.reject(new Error('inspectImage pulls a missing tag: never for a local build')),
    });
    return { docker, asked };
  }

  it('the tag still names the recorded image: its ID, inspected without a pull', async () => {
    const { docker, asked } = engineHolding(imageDetails({ id: D('a') }));
    expect(await verifiedLocalImage(docker, 'r:t', 'linux/amd64', { digest: D('a') })).toBe(D('a'));
    expect(asked).toEqual(['r:t']);
  });

  it('re-tagged: exit 3 naming the tag and both digests, and the fix for concurrent jobs', async () => {
    const { docker } = engineHolding(imageDetails({ id: D('b') }));
    const e = await verifiedLocalImage(docker, 'r:ml-image-local-cpu-amd64', 'linux/amd64', {
      digest: D('a'),
    }).catch((x: unknown) => x);
    expect(exitCodeOf(e)).toBe(ExitCode.Environment);
    expect((e as Error).message).toBe(
      `the local tag r:ml-image-local-cpu-amd64 no longer names the image this build made: the build recorded ${D('a')}, the tag now names ${D('b')}; the smoke stage does not test another image in its place`,
    );
    expect((e as EnvironmentError).fix).toMatch(/^another job on this runner tagged the same name/);
  });

  it('gone (removed or pruned): exit 3 saying so, never a pull of the shared tag; the fix is to build again', async () => {
    const { docker, asked } = engineHolding(undefined);
    const e = await verifiedLocalImage(docker, 'r:ml-image-build-1', 'linux/amd64', { digest: D('a') }).catch(
      (x: unknown) => x,
    );
    expect(exitCodeOf(e)).toBe(ExitCode.Environment);
    expect((e as Error).message).toBe(
      `the local image r:ml-image-build-1 (linux/amd64) that the build recorded as ${D('a')} is gone from the engine: it was removed or pruned after the build; the smoke stage does not pull the tag in its place`,
    );
    expect((e as EnvironmentError).fix).toMatch(/^build again/);
    expect((e as EnvironmentError).fix).not.toMatch(/another job/);
    expect(asked).toEqual(['r:ml-image-build-1']);
  });

  it('an engine that cannot answer: exit 3 naming the tag; no daemon: its own error', async () => {
    const broken = fakeDocker({ inspectLocalImage: () => Promise.reject(new Error('HTTP code 500')) });
    const e = await verifiedLocalImage(broken, 'r:t', 'linux/amd64', { digest: D('a') }).catch(
      (x: unknown) => x,
    );
    expect(exitCodeOf(e)).toBe(ExitCode.Environment);
    expect((e as Error).message).toBe(
      `the local image r:t (linux/amd64) that the build recorded as ${D('a')} cannot be inspected: HTTP code 500`,
    );
    const gone = new EnvironmentError('cannot reach the Docker daemon', 'start it');
    const noDaemon = fakeDocker({ inspectLocalImage: () => Promise.reject(gone) });
    expect(
      await verifiedLocalImage(noDaemon, 'r:t', 'linux/amd64', { digest: D('a') }).catch((x: unknown) => x),
    ).toBe(gone);
  });
});

describe('the smoke stage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-hardening-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const TAG = 'localhost:5000/o/m:ml-image-local-cpu-amd64';
  const H200 = '1x NVIDIA H200; driver 570.86.15';

  interface StageOpts {
    localRef?: string;
    /** build.json's pushed (none: an older build.json's, or this test's default). */
    pushed?: boolean;
    gpus?: 'all' | 'none';
    metadata?: Record<string, unknown>;
    platforms?: string[];
    /** Results may be reused (`ml-image run`): no earlier run is found. */
    reuse?: boolean;
    hostGpus?: () => Promise<GpuDevices>;
    /** The variant's kind in the plan (default cuda: a GPU run gives it the GPUs). */
    kind?: 'cpu' | 'cuda';
    requireGpu?: boolean;
  }

  function stage(docker: DockerAdapter, opts: StageOpts = {}) {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      `image: { name: o/m }\nsmoke:\n  requireGpu: ${opts.requireGpu ?? false}\n  suites: [custom]\n  tests:\n    - { name: one, command: ["true"] }\n    - { name: two, command: [nvidia-smi], gpu: true }\n`,
    );
    const loaded = loadConfig({ cwd: dir, file: 'ml-image.yml' });
    const platforms = opts.platforms ?? ['linux/amd64'];
    // A cpu variant as the cpu template builds it (gpuKindOf: one of your own Dockerfile may hold CUDA).
    const kind = opts.kind ?? 'cuda';
    const template = kind === 'cpu' ? 'cpu' : 'cuda';
    const plan = { variants: [{ name: 'cpu', kind, template, platforms }] } as unknown as Plan;
    const built = (platform: string) => ({
      platform,
      digest: D('a'),
      durationMs: 1,
      attempts: 1,
      metadata: opts.metadata ?? {},
      ...(opts.localRef !== undefined && { localRef: opts.localRef }),
      ...(opts.pushed !== undefined && { pushed: opts.pushed }),
    });
    const build = {
      schemaVersion: 1,
      variants: [{ variant: 'cpu', repository: 'localhost:5000/o/m', platforms: platforms.map(built) }],
    } as unknown as BuildResult;
    const lines: string[] = [];
    const io: PipelineIo = {
      docker: () => docker,
      env: {},
      progress: (_s, l) => lines.push(l),
      error: (m) => lines.push(`error: ${m}`),
      warning: (m) => lines.push(`warning: ${m}`),
      ...(opts.hostGpus && { hostGpus: opts.hostGpus }),
    };
    const input: SmokeStageInput = {
      plan,
      loaded,
      build,
      results: openResultDir(dir),
      gpus: opts.gpus ?? 'none',
      imagesDir,
      ...(opts.reuse && { reuse: async () => undefined }),
    };
    return { lines, run: () => runSmokeStage(input, io) };
  }

  /** The host's GPUs, counting the lookups. */
  function hostWith(gpus: GpuDevices) {
    let calls = 0;
    return {
      hostGpus: async () => {
        calls += 1;
        return gpus;
      },
      calls: () => calls,
    };
  }

  /** An engine whose local tag (TAG) names IMAGE_ID; capture answers a record, the tests nothing. */
  function engine(imageId: string, tag = TAG) {
    const specs: ContainerRunSpec[] = [];
    const inspected: string[] = [];
    const docker = fakeDocker({
      ping: async () => ({ version: '28.0.0', apiVersion: '1.48', os: 'linux', arch: 'amd64' }),
      inspectImage: async (ref) => {
        // A pulling inspect of the local tag would fetch whatever another job pushed under it.
        if (ref === tag) throw new Error(`inspectImage(${ref}) may pull`);
        inspected.push(ref);
        return imageDetails({ id: imageId });
      },
      inspectLocalImage: async (ref) => {
        inspected.push(`local ${ref}`);
        return imageDetails({ id: imageId });
      },
      runContainer: async (spec) => {
        specs.push(spec);
        if (stageOf(spec) === CAPTURE) return ok(JSON.stringify(makeRecord({ platform: 'linux/amd64' })));
        return ok('');
      },
    });
    return { docker, specs, inspected };
  }

  const smokeFile = (platform = 'linux/amd64') =>
    SmokeResultSchema.parse(
      JSON.parse(readFileSync(path.join(dir, recordFile('smoke', 'cpu', platform)), 'utf8')),
    );
  const keyFile = () => readFileSync(path.join(dir, recordFile('smoke-key', 'cpu', 'linux/amd64')), 'utf8');
  /** No container of the run names the GPUs (nvidia-smi's query ran in none). */
  const noQueryContainer = (specs: ContainerRunSpec[]) =>
    expect(specs.filter((s) => s.cmd.includes(NVIDIA_SMI_QUERY[0]))).toEqual([]);

  it('a local build: the tag is checked without a pull, every container runs the image ID, the files name the tag', async () => {
    const { docker, specs, inspected } = engine(D('a'));
    const { run } = stage(docker, { localRef: TAG });
    const { entries } = await run();
    expect(inspected[0]).toBe(`local ${TAG}`);
    expect(specs.length).toBeGreaterThan(1);
    for (const s of specs) expect(s.image).toBe(D('a'));
    expect(entries[0]!.record.image.ref).toBe(TAG);
    expect(entries[0]!.record.image.id).toBe(D('a'));
    expect(entries[0]!.result.image).toBe(TAG);
    expect(smokeFile().gpuDevices).toBe('none');
  });

  // The `load` input: pushed, and left in the engine too (docker-container: the load tag; docker
  // driver: the tag it pushed by). The containers run that verified local image (no pull); the
  // files name the pushed digest, which the attest stage signs and matches them against.
  it.each([
    ['docker-container builder', TAG],
    ['docker driver', 'localhost:5000/o/m:ml-image-build-cpu-amd64'],
  ])('pushed and loaded (%s): runs the local image ID, the files name repository@digest', async (_n, tag) => {
    const { docker, specs, inspected } = engine(D('a'), tag);
    const { entries } = await stage(docker, { localRef: tag, pushed: true }).run();
    const byDigest = `localhost:5000/o/m@${D('a')}`;
    expect(inspected[0]).toBe(`local ${tag}`);
    // Nothing asks the engine for repository@digest (a pulling inspect): only the local image.
    expect(inspected.filter((r) => r.includes('@'))).toEqual([]);
    expect(specs.length).toBeGreaterThan(1);
    for (const s of specs) expect(s.image).toBe(D('a'));
    expect(entries[0]!.record.image.ref).toBe(byDigest);
    expect(entries[0]!.result.image).toBe(byDigest);
    // As a later `--stages attest` run reads them back: of the digest it signs.
    const env = JSON.parse(readFileSync(path.join(dir, recordFile('env', 'cpu', 'linux/amd64')), 'utf8')) as {
      image: { ref: string; digest: string | null };
    };
    expect(otherImage('environment record', 'env', recordImage(env), D('a'))).toBeUndefined();
    expect(otherImage('smoke result', 'smoke', smokeImage(smokeFile()), D('a'))).toBeUndefined();
  });

  it('loaded only, as the build records it now (pushed: false): the files name the tag', async () => {
    const { docker, specs } = engine(D('a'));
    const { entries } = await stage(docker, { localRef: TAG, pushed: false }).run();
    for (const s of specs) expect(s.image).toBe(D('a'));
    expect(entries[0]!.record.image.ref).toBe(TAG);
    expect(smokeFile().image).toBe(TAG);
  });

  it('a docker-container builder: the loaded image ID is the config digest buildx recorded', async () => {
    const { docker, specs } = engine(D('c'));
    const metadata = { 'containerimage.digest': D('a'), 'containerimage.config.digest': D('c') };
    await stage(docker, { localRef: TAG, metadata }).run();
    expect(specs.length).toBeGreaterThan(1);
    for (const s of specs) expect(s.image).toBe(D('c'));
  });

  it('a local tag that another job re-tagged: exit 3 before any container runs', async () => {
    const { docker, specs } = engine(D('b'));
    const e = await stage(docker, { localRef: TAG })
      .run()
      .catch((x: unknown) => x);
    expect(exitCodeOf(e)).toBe(ExitCode.Environment);
    expect((e as Error).message).toContain(`the local tag ${TAG} no longer names the image this build made`);
    expect((e as Error).message).toContain(`recorded ${D('a')}, the tag now names ${D('b')}`);
    expect(specs).toEqual([]);
  });

  it('a GPU run that never reuses (the action): no GPU lookup at all; the key and smoke.json say unknown', async () => {
    const { docker, specs } = engine(D('a'));
    const host = hostWith({ devices: H200 });
    const { lines, run } = stage(docker, { gpus: 'all', hostGpus: host.hostGpus });
    await run();
    expect(host.calls()).toBe(0);
    noQueryContainer(specs);
    // Only the GPU test and capture get the GPUs (the record names the GPUs the tests ran on), not
    // the CPU test.
    const withGpus = specs.filter((s) => s.gpus === 'all').map((s) => [stageOf(s), ...(s.entrypoint ?? [])]);
    expect(withGpus).toEqual([
      [CAPTURE, 'python3'],
      ['smoke', 'nvidia-smi'],
    ]);
    expect(specs.find((s) => s.entrypoint?.[0] === 'true')?.gpus).toBeUndefined();
    expect(smokeFile().gpuDevices).toBe('unknown');
    expect(lines.join('\n')).not.toMatch(/could not be identified/);
    // Pushed: run by repository@digest, never a tag.
    for (const s of specs) expect(s.image).toBe(`localhost:5000/o/m@${D('a')}`);
  });

  it("a GPU run that may reuse: the host's GPUs, looked up once for every target, in no container", async () => {
    const { docker, specs } = engine(D('a'));
    const host = hostWith({ devices: H200 });
    await stage(docker, {
      gpus: 'all',
      reuse: true,
      hostGpus: host.hostGpus,
      platforms: ['linux/amd64', 'linux/arm64'],
    }).run();
    expect(host.calls()).toBe(1);
    noQueryContainer(specs);
    expect(smokeFile('linux/amd64').gpuDevices).toBe(H200);
    // linux/arm64 runs emulated on this amd64 engine: no GPUs, keyed as a run without any.
    expect(smokeFile('linux/arm64').gpuDevices).toBe('none');
    expect(specs.filter((s) => s.platform === 'linux/arm64').length).toBeGreaterThan(1);
    expect(specs.filter((s) => s.platform === 'linux/arm64' && s.gpus !== undefined)).toEqual([]);
    expect(specs.filter((s) => s.platform === 'linux/amd64' && s.gpus === 'all').length).toBe(2);
    // A CPU-only run never asks, reuse or not.
    await stage(engine(D('a')).docker, { gpus: 'none', reuse: true, hostGpus: host.hostGpus }).run();
    expect(host.calls()).toBe(1);
    expect(smokeFile().gpuDevices).toBe('none');
  });

  // require-gpu asks for GPUs where a target can use them: a cpu variant, or a platform the engine
  // runs emulated, never gets any, so its GPU tests are skipped with the reason, not failed.
  it.each([
    ['a cpu variant', 'cpu', 'linux/amd64', 'cpu variant: no GPU tests'],
    [
      'an emulated platform',
      'cuda',
      'linux/arm64',
      'linux/arm64 runs emulated on this linux/amd64 host: no GPU',
    ],
  ] as const)(
    '--gpus all with require-gpu, %s: no GPUs, the GPU test skipped with why',
    async (_n, kind, platform, why) => {
      const { docker, specs } = engine(D('a'));
      const { lines, run } = stage(docker, { gpus: 'all', kind, requireGpu: true, platforms: [platform] });
      const { entries } = await run();
      expect(specs.filter((s) => s.gpus !== undefined)).toEqual([]);
      const tests = entries[0]!.result.tests.map((t) => [t.id, t.status, t.reason]);
      expect(tests).toEqual([
        ['custom:one', 'pass', undefined],
        ['custom:two', 'skip', why],
      ]);
      expect(smokeFile(platform).gpus).toBe('none');
      expect(lines.some((l) => l.startsWith(`cpu ${platform}: 1 passed, 0 failed, 1 skipped`))).toBe(true);
      expect(lines.some((l) => l.endsWith(`(no GPU: ${why})`))).toBe(true);
    },
  );

  it('the key of a target without GPUs says why: a cpu variant and a CPU run of a CUDA one differ', async () => {
    const keyOf = async (o: StageOpts) => {
      await stage(engine(D('a')).docker, o).run();
      return keyFile();
    };
    const cpuOnGpuRun = await keyOf({ gpus: 'all', kind: 'cpu' });
    expect(await keyOf({ gpus: 'none', kind: 'cpu' })).toBe(cpuOnGpuRun);
    expect(await keyOf({ gpus: 'none', kind: 'cuda' })).not.toBe(cpuOnGpuRun);
    expect(await keyOf({ gpus: 'all', kind: 'cuda' })).not.toBe(cpuOnGpuRun);
  });

  it('GPUs that cannot be looked up: a note says why once; the key says unknown', async () => {
    const host = hostWith({ unknown: 'nvidia-smi is not on this host (PATH)' });
    const { lines, run } = stage(engine(D('a')).docker, {
      gpus: 'all',
      reuse: true,
      hostGpus: host.hostGpus,
    });
    await run();
    expect(lines.filter((l) => l.includes('could not be identified'))).toEqual([
      'the GPUs could not be identified (earlier results are not reused): nvidia-smi is not on this host (PATH)',
    ]);
    expect(smokeFile().gpuDevices).toBe('unknown');
  });

  it('the key covers the GPU models and the driver: the same image on other GPUs has another key', async () => {
    const keyOn = async (gpus: GpuDevices, reuse = true) => {
      await stage(engine(D('a')).docker, { gpus: 'all', reuse, hostGpus: hostWith(gpus).hostGpus }).run();
      return keyFile();
    };
    const h200 = await keyOn({ devices: H200 });
    expect(await keyOn({ devices: H200 })).toBe(h200);
    expect(await keyOn({ devices: '1x NVIDIA A100-SXM4-80GB; driver 570.86.15' })).not.toBe(h200);
    expect(await keyOn({ devices: '1x NVIDIA H200; driver 560.35.03' })).not.toBe(h200);
    expect(await keyOn({ devices: '2x NVIDIA H200; driver 570.86.15' })).not.toBe(h200);
    // The action's key (GPUs not looked up) matches no known GPUs.
    expect(await keyOn({ devices: H200 }, false)).not.toBe(h200);
  });
});

describe('ml-image smoke --config: smoke.network reaches the custom tests', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-net-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['bridge', 'bridge'],
    [undefined, 'none'],
  ])('smoke.network %s -> the custom test container has network %s', async (network, expected) => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      JSON.stringify({
        image: { name: 'o/m' },
        smoke: {
          suites: ['custom'],
          ...(network && { network }),
          tests: [{ name: 'net', command: ['true'] }],
        },
      }),
    );
    const specs: ContainerRunSpec[] = [];
    const docker = fakeDocker({
      inspectImage: async () => imageDetails(),
      runContainer: async (spec) => {
        specs.push(spec);
        return ok();
      },
    });
    const io = captureIo(dir, docker);
    const code = await runCli(
      ['smoke', '--image', `o/m@${D('a')}`, '--config', 'ml-image.yml', '--gpus', 'none', '--json'],
      io,
    );
    expect(code, io.err()).toBe(0);
    expect(specs.map((s) => [s.entrypoint?.[0], s.network])).toEqual([['true', expected]]);
  });
});
