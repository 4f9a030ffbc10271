// The smoke stage runs PR-controlled code: what each container gets (GPUs only for the tests that
// use one, no network unless smoke.network says so), the GPUs its reuse key covers (nvidia-smi in
// a container of the image), and a local build's mutable tag checked against the digest the build
// recorded, the containers then running the immutable image ID. Fakes only (no engine).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { loadConfig, validateConfigData } from '../../src/config/load.js';
import type { ContainerRunResult, ContainerRunSpec, DockerAdapter } from '../../src/docker/adapter.js';
import { EnvironmentError, ExitCode, exitCodeOf } from '../../src/errors.js';
import type { PipelineIo } from '../../src/pipeline/pipeline.js';
import type { Plan } from '../../src/plan/plan.js';
import { openResultDir, recordFile } from '../../src/results/results.js';
import { gpuDevicesOf, NVIDIA_SMI_QUERY, queryGpuDevices } from '../../src/smoke/gpu-identity.js';
import { isRecordedImage, type RecordedImage, verifiedLocalImage } from '../../src/smoke/local-image.js';
import { SmokeResultSchema } from '../../src/smoke/result.js';
import { runSmoke, type SmokeInput } from '../../src/smoke/run.js';
import { runSmokeStage, type SmokeStageInput } from '../../src/smoke/stage.js';
import { runCli } from '../../src/cli/main.js';
import { captureIo, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const imagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images');
const D = (c: string) => `sha256:${c.repeat(64)}`;
const CAPTURE = 'capture';
const stageOf = (spec: ContainerRunSpec) => spec.labels?.['io.github.ml-image-action.stage'];

const ok = (stdout = '', exitCode: number | null = 0, stderr = ''): ContainerRunResult => ({
  containerId: 'c',
  exitCode,
  timedOut: false,
  stdout,
  stderr,
  durationMs: 1,
});

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
  function input(over: Partial<SmokeInput>): SmokeInput {
    return {
      image: 'localhost:5000/o/m:1-cpu',
      suites: ['custom'],
      gpus: 'all',
      requireGpu: false,
      distributions: [],
      tests: [],
      timeoutMs: 60_000,
      imagesDir,
      ...over,
    };
  }
  async function run(over: Partial<SmokeInput>) {
    const specs: ContainerRunSpec[] = [];
    const docker = fakeDocker({
      inspectImage: async () => imageDetails(),
      runContainer: async (spec) => {
        specs.push(spec);
        return ok(spec.entrypoint?.[0] === 'python3' ? '{"status": "pass"}\n' : 'hi\n');
      },
    });
    const result = await runSmoke(input(over), { docker });
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

describe('the GPUs of a run', () => {
  it.each<[string, string, string | undefined]>([
    ['one GPU', 'NVIDIA H200, 570.86.15\n', '1x NVIDIA H200; driver 570.86.15'],
    [
      'models counted and sorted, whatever the order',
      'NVIDIA H100 80GB HBM3, 570.86.15\nNVIDIA A100-SXM4-80GB, 570.86.15\nNVIDIA H100 80GB HBM3, 570.86.15\n',
      '1x NVIDIA A100-SXM4-80GB + 2x NVIDIA H100 80GB HBM3; driver 570.86.15',
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

  it('nvidia-smi runs in a container of the image with every GPU, the utility capability and no network', async () => {
    const specs: ContainerRunSpec[] = [];
    const docker = fakeDocker({
      runContainer: async (spec) => {
        specs.push(spec);
        return ok('NVIDIA H200, 570.86.15\n');
      },
    });
    expect(await queryGpuDevices(docker, D('9'), 'linux/amd64')).toEqual({
      devices: '1x NVIDIA H200; driver 570.86.15',
    });
    expect(specs[0]).toMatchObject({
      image: D('9'),
      platform: 'linux/amd64',
      entrypoint: ['nvidia-smi'],
      cmd: [...NVIDIA_SMI_QUERY],
      gpus: 'all',
      env: { NVIDIA_DRIVER_CAPABILITIES: 'utility' },
      network: 'none',
    });
  });

  it.each<[string, () => Promise<ContainerRunResult>, string]>([
    [
      'a failing nvidia-smi',
      async () => ok('', 127, 'exec: "nvidia-smi": executable file not found'),
      'nvidia-smi exited 127',
    ],
    [
      'an engine that refuses the GPUs',
      () => Promise.reject(new Error('could not select device driver')),
      'nvidia-smi did not run: could not select device driver',
    ],
  ])('%s: unknown, with the reason', async (_what, answer, why) => {
    const g = await queryGpuDevices(fakeDocker({ runContainer: answer }), 'img', undefined);
    expect('unknown' in g && g.unknown).toContain(why);
  });

  it('no daemon: the stage ends (exit 3), no guess', async () => {
    const gone = new EnvironmentError('cannot reach the Docker daemon', 'start it');
    const e = await queryGpuDevices(
      fakeDocker({ runContainer: () => Promise.reject(gone) }),
      'i',
      undefined,
    ).catch((x: unknown) => x);
    expect(e).toBe(gone);
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

  it('re-tagged: exit 3 naming the tag and both digests', async () => {
    const docker = fakeDocker({ inspectImage: async () => imageDetails({ id: D('b') }) });
    const e = await verifiedLocalImage(docker, 'r:ml-image-local-cpu-amd64', 'linux/amd64', {
      digest: D('a'),
    }).catch((x: unknown) => x);
    expect(exitCodeOf(e)).toBe(ExitCode.Environment);
    expect((e as Error).message).toBe(
      `the local tag r:ml-image-local-cpu-amd64 no longer names the image this build made: the build recorded ${D('a')}, the tag now names ${D('b')}; the smoke stage does not test another image in its place`,
    );
  });

  it('gone: exit 3 naming the tag and the recorded digest', async () => {
    const docker = fakeDocker({
      inspectImage: () => Promise.reject(new Error('cannot pull image r:t: not found')),
    });
    const e = await verifiedLocalImage(docker, 'r:t', 'linux/amd64', { digest: D('a') }).catch(
      (x: unknown) => x,
    );
    expect(exitCodeOf(e)).toBe(ExitCode.Environment);
    expect((e as Error).message).toContain(
      `the local image r:t (linux/amd64) that the build recorded as ${D('a')}`,
    );
  });
});

describe('the smoke stage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-hardening-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const TAG = 'localhost:5000/o/m:ml-image-local-cpu-amd64';

  function stage(
    docker: DockerAdapter,
    opts: { localRef?: string; gpus?: 'all' | 'none'; metadata?: Record<string, unknown> } = {},
  ) {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: { name: o/m }\nsmoke:\n  suites: [custom]\n  tests:\n    - { name: one, command: ["true"] }\n    - { name: two, command: [nvidia-smi], gpu: true }\n',
    );
    const loaded = loadConfig({ cwd: dir, file: 'ml-image.yml' });
    const plan = { variants: [{ name: 'cpu', kind: 'cpu', platforms: ['linux/amd64'] }] } as unknown as Plan;
    const platform = {
      platform: 'linux/amd64',
      digest: D('a'),
      durationMs: 1,
      attempts: 1,
      metadata: opts.metadata ?? {},
    };
    const build = {
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: 'localhost:5000/o/m',
          platforms: [{ ...platform, ...(opts.localRef !== undefined && { localRef: opts.localRef }) }],
        },
      ],
    } as unknown as BuildResult;
    const lines: string[] = [];
    const io: PipelineIo = {
      docker: () => docker,
      env: {},
      progress: (_s, l) => lines.push(l),
      error: (m) => lines.push(`error: ${m}`),
      warning: (m) => lines.push(`warning: ${m}`),
    };
    const input: SmokeStageInput = {
      plan,
      loaded,
      build,
      results: openResultDir(dir),
      gpus: opts.gpus ?? 'none',
      imagesDir,
    };
    return { lines, run: () => runSmokeStage(input, io) };
  }

  /** An engine whose local tag names IMAGE_ID; capture answers a record, nvidia-smi one H200. */
  function engine(imageId: string, smi = 'NVIDIA H200, 570.86.15\n') {
    const specs: ContainerRunSpec[] = [];
    const inspected: string[] = [];
    const docker = fakeDocker({
      inspectImage: async (ref) => {
        inspected.push(ref);
        return imageDetails({ id: imageId });
      },
      runContainer: async (spec) => {
        specs.push(spec);
        if (stageOf(spec) === CAPTURE) return ok(JSON.stringify(makeRecord({ platform: 'linux/amd64' })));
        if (spec.entrypoint?.[0] === 'nvidia-smi' && spec.cmd[0] === NVIDIA_SMI_QUERY[0]) return ok(smi);
        return ok('');
      },
    });
    return { docker, specs, inspected };
  }

  const smokeFile = () =>
    SmokeResultSchema.parse(
      JSON.parse(readFileSync(path.join(dir, recordFile('smoke', 'cpu', 'linux/amd64')), 'utf8')),
    );

  it('a local build: the tag is checked, every container runs the image ID, the files name the tag', async () => {
    const { docker, specs, inspected } = engine(D('a'));
    const { run } = stage(docker, { localRef: TAG });
    const { entries } = await run();
    expect(inspected[0]).toBe(TAG);
    expect(specs.length).toBeGreaterThan(1);
    for (const s of specs) expect(s.image).toBe(D('a'));
    expect(entries[0]!.record.image.ref).toBe(TAG);
    expect(entries[0]!.result.image).toBe(TAG);
    expect(smokeFile().gpuDevices).toBe('none');
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

  it('a GPU run: nvidia-smi names the GPUs for the key; only the GPU test and that query get the GPUs', async () => {
    const { docker, specs } = engine(D('a'));
    await stage(docker, { gpus: 'all' }).run();
    const withGpus = specs.filter((s) => s.gpus === 'all').map((s) => [stageOf(s), ...(s.entrypoint ?? [])]);
    expect(withGpus).toEqual([
      ['smoke', 'nvidia-smi'], // the query, for the key
      ['smoke', 'nvidia-smi'], // custom:two, gpu: true
    ]);
    expect(specs.find((s) => stageOf(s) === CAPTURE)?.gpus).toBeUndefined();
    expect(specs.find((s) => s.entrypoint?.[0] === 'true')?.gpus).toBeUndefined();
    expect(smokeFile().gpuDevices).toBe('1x NVIDIA H200; driver 570.86.15');
    // Pushed: run by repository@digest, never a tag.
    for (const s of specs) expect(s.image).toBe(`localhost:5000/o/m@${D('a')}`);
  });

  it('the key covers the GPU models and the driver: the same image on other GPUs has another key', async () => {
    const key = () => readFileSync(path.join(dir, recordFile('smoke-key', 'cpu', 'linux/amd64')), 'utf8');
    const keyOn = async (smi: string) => {
      await stage(engine(D('a'), smi).docker, { gpus: 'all' }).run();
      return key();
    };
    const h200 = await keyOn('NVIDIA H200, 570.86.15\n');
    expect(await keyOn('NVIDIA H200, 570.86.15\n')).toBe(h200);
    expect(await keyOn('NVIDIA A100-SXM4-80GB, 570.86.15\n')).not.toBe(h200);
    expect(await keyOn('NVIDIA H200, 560.35.03\n')).not.toBe(h200);
    expect(await keyOn('NVIDIA H200, 570.86.15\nNVIDIA H200, 570.86.15\n')).not.toBe(h200);
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
