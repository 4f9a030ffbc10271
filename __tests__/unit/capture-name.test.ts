// captureImage of a local build runs the verified image ID, but its record and every message name
// the tag (CaptureInput.name): "the probe failed in sha256:..." tells a user nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureImage } from '../../src/capture/capture.js';
import { renderRecord } from '../../src/cli/commands/capture.js';
import { runCli } from '../../src/cli/main.js';
import type { ContainerRunResult, ContainerRunSpec } from '../../src/docker/adapter.js';
import { ExitCode, exitCodeOf } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo, containerResult, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';
import { type EnvRecord, EnvRecordSchema } from '../../src/capture/record.js';

const ID = `sha256:${'a'.repeat(64)}`;
const TAG = 'localhost:5000/o/m:ml-image-local-cpu-amd64';

async function capture(run: Partial<ContainerRunResult>, name: string | null = TAG) {
  const specs: ContainerRunSpec[] = [];
  const inspected: string[] = [];
  const docker = fakeDocker({
    inspectImage: async (ref) => {
      inspected.push(ref);
      return imageDetails({ id: ID });
    },
    runContainer: async (spec) => {
      specs.push(spec);
      return containerResult(run);
    },
  });
  const outcome = await captureImage(
    { image: ID, ...(name !== null && { name }), imagesDir: path.join(REPO_ROOT, 'images') },
    { docker },
  ).catch((e: unknown) => e as Error);
  return { outcome, specs, inspected };
}

const { image: _i, schemaVersion: _v, ...probed } = makeRecord();

describe('captureImage: the image ID runs, the name is what the record and messages say', () => {
  it('the record names the tag; its id is the image ID; the container ran the ID', async () => {
    const { outcome, specs, inspected } = await capture({
      stdout: JSON.stringify({ ...probed, schemaVersion: 1 }),
    });
    expect(outcome).toMatchObject({ image: { ref: TAG, id: ID } });
    expect(specs.map((s) => s.image)).toEqual([ID]);
    expect(inspected).toEqual([ID]);
  });

  it.each<[string, Partial<ContainerRunResult>, ExitCode, string]>([
    [
      'a probe that fails',
      { exitCode: 1, stderr: 'boom' },
      ExitCode.CheckFailed,
      `the probe failed in ${TAG} (exit 1):\nboom`,
    ],
    [
      'a probe that times out',
      { exitCode: null, timedOut: true },
      ExitCode.CheckFailed,
      `capture of ${TAG} timed out after 300s`,
    ],
    [
      'no python3',
      { exitCode: 127, stderr: 'exec: "python3": executable file not found in $PATH' },
      ExitCode.BadInput,
      `${TAG} has no python3, which the probe needs`,
    ],
    [
      'no record',
      { stdout: 'hello' },
      ExitCode.CheckFailed,
      `the probe in ${TAG} printed no record (exit 0)`,
    ],
  ])('%s: the message names the tag, not the ID', async (_what, run, code, message) => {
    const { outcome } = await capture(run);
    expect(exitCodeOf(outcome)).toBe(code);
    expect((outcome as Error).message).toContain(message);
    expect((outcome as Error).message).not.toContain(ID);
  });

  it('without a name, the image given is the name', async () => {
    const { outcome } = await capture({ exitCode: 1, stderr: 'boom' }, null);
    expect((outcome as Error).message).toContain(`the probe failed in ${ID} (exit 1)`);
  });
});

// A GPU run's record names the GPUs the tests ran on: the probe's container gets the same GPUs
// (without them the engine sets NVIDIA_VISIBLE_DEVICES=void and nvidia-smi finds none).
describe('captureImage: the GPUs of the run go to the probe', () => {
  const record = JSON.stringify({ ...probed, schemaVersion: 1 });

  const engineError = (status: number, message: string) =>
    Object.assign(new Error(`(HTTP code ${status}) server error - ${message}`), { statusCode: status });

  async function withGpus(
    gpus: 'all' | number | undefined,
    refuseGpus: boolean | { status: number; message: string } = false,
    /** The engine's answer to the try without GPUs, when it refuses that too. */
    refuseAgain?: { status: number; message: string },
  ) {
    const specs: ContainerRunSpec[] = [];
    const refusal =
      refuseGpus === true
        ? { status: 500, message: 'requirement error: cuda>=12.8' }
        : refuseGpus || undefined;
    const docker = fakeDocker({
      inspectImage: async () => imageDetails({ id: ID }),
      runContainer: async (spec) => {
        specs.push(spec);
        if (refusal && spec.gpus !== undefined) throw engineError(refusal.status, refusal.message);
        if (refuseAgain && spec.gpus === undefined)
          throw engineError(refuseAgain.status, refuseAgain.message);
        return containerResult({ stdout: record });
      },
    });
    const outcome = await captureImage(
      { image: ID, imagesDir: path.join(REPO_ROOT, 'images'), ...(gpus !== undefined && { gpus }) },
      { docker },
    );
    return { outcome, specs };
  }

  it.each<['all' | number | undefined]>([['all'], [2], [undefined]])(
    'gpus %s: the container is asked for exactly that',
    async (gpus) => {
      const { specs } = await withGpus(gpus);
      expect(specs).toHaveLength(1);
      expect(specs[0]!.gpus).toBe(gpus);
      expect('gpus' in specs[0]!).toBe(gpus !== undefined);
    },
  );

  it('an engine that refuses the GPUs: the probe runs without them, the record says why', async () => {
    const { outcome, specs } = await withGpus('all', true);
    expect(specs.map((s) => s.gpus)).toEqual(['all', undefined]);
    expect(outcome.errors).toContainEqual({
      field: 'gpus',
      error:
        "the probe's container did not start with GPUs, so it ran without them: requirement error: cuda>=12.8",
    });
  });

  it.each([
    [500, 'could not select device driver "" with capabilities: [[gpu]]'],
    [
      500,
      'failed to create task: nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.8',
    ],
    [500, 'CDI device injection failed: unresolvable CDI devices nvidia.com/gpu=all'],
    [400, 'unknown or invalid runtime name: nvidia'],
  ])('a refusal of the GPU request (%i %s) is retried without GPUs', async (status, message) => {
    const { specs } = await withGpus('all', { status, message });
    expect(specs.map((s) => s.gpus)).toEqual(['all', undefined]);
  });

  it.each([
    [404, 'No such image: nvidia/cuda:12.8.0-base-ubuntu24.04'],
    [500, 'write /var/lib/docker/tmp: no space left on device'],
  ])('any other engine error (%i %s) is the error, not retried', async (status, message) => {
    const specs: ContainerRunSpec[] = [];
    const docker = fakeDocker({
      inspectImage: async () => imageDetails({ id: ID }),
      runContainer: async (spec) => {
        specs.push(spec);
        throw engineError(status, message);
      },
    });
    await expect(
      captureImage({ image: ID, imagesDir: path.join(REPO_ROOT, 'images'), gpus: 'all' }, { docker }),
    ).rejects.toThrow(message);
    expect(specs.map((s) => s.gpus)).toEqual(['all']);
  });

  it('when the try without GPUs fails too, its error names the first refusal', async () => {
    const err = await withGpus('all', true, { status: 500, message: 'no space left on device' }).catch(
      (e: unknown) => e as Error & { statusCode?: number },
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe(
      'no space left on device (without GPUs; with them the engine said: requirement error: cuda>=12.8)',
    );
    expect((err as { statusCode?: number }).statusCode).toBe(500);
  });
});

// `ml-image capture --gpus`: none by default (a record names no machine's GPUs), all or auto asks the
// probe's container for the GPUs as a GPU smoke run does.
describe('ml-image capture --gpus', () => {
  const record = JSON.stringify({ ...probed, schemaVersion: 1 });

  async function cli(args: string[], runtimes: string[] = []) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-capture-gpus-'));
    const specs: ContainerRunSpec[] = [];
    const docker = fakeDocker({
      inspectImage: async () => imageDetails({ id: ID }),
      daemonFeatures: async () => ({ runtimes, cdiDevices: [] }) as never,
      runContainer: async (spec) => {
        specs.push(spec);
        return containerResult({ stdout: record });
      },
    });
    const io = captureIo(dir, docker);
    try {
      const code = await runCli(['capture', '--image', 'localhost:5000/o/m:1', ...args], io);
      return { code, specs, err: io.err() };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it.each<[string[], string[], 'all' | undefined]>([
    [[], ['nvidia'], undefined],
    [['--gpus', 'none'], ['nvidia'], undefined],
    [['--gpus', 'all'], [], 'all'],
    [['--gpus', 'auto'], ['nvidia'], 'all'],
    [['--gpus', 'auto'], ['runc'], undefined],
  ])('%j on an engine with runtimes %j: the probe gets gpus %s', async (args, runtimes, gpus) => {
    const r = await cli(args, runtimes);
    expect(r.code).toBe(0);
    expect(r.specs).toHaveLength(1);
    expect(r.specs[0]!.gpus).toBe(gpus);
  });

  it('a mode it does not know is exit 2 naming the flag, before the engine is asked', async () => {
    const r = await cli(['--gpus', 'some']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('capture: --gpus: expected auto, all or none, got "some"');
    expect(r.specs).toEqual([]);
  });
});

describe('captureImage: labels', () => {
  it("a secret-named label's value is masked in the record; standard labels are kept", async () => {
    const docker = fakeDocker({
      inspectImage: async () =>
        imageDetails({
          id: ID,
          labels: { 'com.acme.api_key': 'k-1234567', 'org.opencontainers.image.authors': 'ACME ML' },
        }),
      runContainer: async () => containerResult({ stdout: JSON.stringify({ ...probed, schemaVersion: 1 }) }),
    });
    const record = await captureImage({ image: ID, imagesDir: path.join(REPO_ROOT, 'images') }, { docker });
    expect(record.image.labels).toEqual({
      'com.acme.api_key': '[redacted]',
      'org.opencontainers.image.authors': 'ACME ML',
    });
  });
});

// The probe names a distribution it could not read (and left out) under errors: the record's pip
// list, and the SBOM and report made from it, lack that package, so capture warns (stderr).
describe('ml-image capture: an incomplete pip package list', () => {
  async function cli(errors: { field: string; error: string }[], json = false) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-capture-incomplete-'));
    const docker = fakeDocker({
      inspectImage: async () => imageDetails({ id: ID }),
      runContainer: async () =>
        containerResult({ stdout: JSON.stringify({ ...probed, schemaVersion: 1, errors }) }),
    });
    const io = captureIo(dir, docker);
    try {
      const args = ['capture', '--image', 'localhost:5000/o/m:1', ...(json ? ['--json'] : [])];
      return { code: await runCli(args, io), out: io.out(), err: io.err() };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const LEFT_OUT = {
    field: 'python.packages',
    error: '/usr/lib/python3/dist-packages/x-1.0.dist-info left out: OSError: boom',
  };

  it.each([false, true])(
    'a distribution left out: recorded (exit 0) with a warning that says so (--json %s)',
    async (json) => {
      const r = await cli([LEFT_OUT], json);
      expect(r.code).toBe(0);
      expect(r.err).toBe(
        'warning: localhost:5000/o/m:1: the pip package list is incomplete: /usr/lib/python3/dist-packages/x-1.0.dist-info left out: OSError: boom\n',
      );
      if (json) expect(JSON.parse(r.out)).toMatchObject({ errors: [LEFT_OUT] });
    },
  );

  it("the reason is the image's text: its escape codes and line breaks are escaped, not printed", async () => {
    const r = await cli([{ field: 'python.packages', error: 'x-1.0\u001b[2K\rok\u202e left out' }]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'warning: localhost:5000/o/m:1: the pip package list is incomplete: x-1.0\\u001b[2K\\rok\\u202e left out\n',
    );
  });

  it('other errors (a size, torch): no warning', async () => {
    const r = await cli([
      { field: 'python.packages[x].sizeBytes', error: 'OSError: boom' },
      { field: 'torch', error: "ModuleNotFoundError: No module named 'torch'" },
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });
});

// The summary `ml-image capture` prints: every value in it comes from the image, and none may draw
// on the terminal (colour it, move the cursor, rewrite the line or reverse it).
describe('ml-image capture: the summary escapes what the image says', () => {
  const HOSTILE = 'x\u001b[31m\r\u202ey';
  const SHOWN = 'x\\u001b[31m\\r\\u202ey';
  const base = makeRecord();
  it.each<[string, EnvRecord]>([
    ['the reference', { ...base, image: { ...base.image, ref: HOSTILE } }],
    ['the user', { ...base, image: { ...base.image, user: HOSTILE } }],
    ['PRETTY_NAME', { ...base, os: { ...base.os, osRelease: { PRETTY_NAME: HOSTILE } } }],
    ['the glibc', { ...base, os: { ...base.os, glibc: HOSTILE } }],
    ['the machine', { ...base, os: { ...base.os, machine: HOSTILE } }],
    ['the python version', { ...base, python: { ...base.python, version: HOSTILE } }],
    ['the torch version', { ...base, torch: makeRecord({ torch: HOSTILE }).torch }],
    ['the torch CUDA build', { ...base, torch: makeRecord({ torch: { cuda: HOSTILE } }).torch }],
    ['the CUDA runtime', { ...base, cuda: { ...base.cuda, runtime: HOSTILE } }],
    ['cuDNN', { ...base, cuda: { ...base.cuda, cudnn: HOSTILE } }],
    ['NCCL', { ...base, cuda: { ...base.cuda, nccl: HOSTILE } }],
    ['the driver', { ...base, cuda: { ...base.cuda, driverMaxCuda: HOSTILE } }],
    [
      'a GPU name',
      { ...base, gpus: [{ name: HOSTILE, memoryMiB: 1, computeCapability: '9.0', driver: null }] },
    ],
    [
      'a compute capability',
      { ...base, gpus: [{ name: 'H200', memoryMiB: 1, computeCapability: HOSTILE, driver: null }] },
    ],
    ['a field not collected', { ...base, errors: [{ field: HOSTILE, error: 'boom' }] }],
  ])('%s: escaped', (_what, record) => {
    const text = renderRecord(record);
    expect(text).toContain(SHOWN);
    for (const c of ['\u001b', '\r', '\u202e']) expect(text).not.toContain(c);
  });

  it('a field not collected for two reasons is named once (gpus: no nvidia-smi, no GPUs given)', () => {
    const errors = [
      { field: 'gpus', error: 'nvidia-smi not found' },
      { field: 'tools.gcc', error: 'not found' },
      { field: 'gpus', error: 'the container did not start with GPUs' },
    ];
    const record = EnvRecordSchema.parse({ ...base, errors });
    expect(renderRecord(record)).toContain('  not collected: gpus, tools.gcc\n');
  });

  it.each<[number | null, string]>([
    [81559, 'NVIDIA H100 (81559 MiB, sm 9.0)'],
    [null, 'NVIDIA GB10 (memory unknown, sm 12.1)'],
  ])("a GPU's memory %s: %s", (memoryMiB, shown) => {
    const name = memoryMiB === null ? 'NVIDIA GB10' : 'NVIDIA H100';
    const gpus = [{ name, memoryMiB, computeCapability: memoryMiB === null ? '12.1' : '9.0', driver: null }];
    const record = EnvRecordSchema.parse({ ...base, gpus });
    expect(renderRecord(record)).toContain(`  gpus:    ${shown}\n`);
  });
});
