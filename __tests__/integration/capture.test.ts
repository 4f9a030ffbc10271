// capture on real containers: the CPU-PyTorch image (torch fields), the plain Python image (torch
// absent, the record still complete), an arm64 image under QEMU, images without arm64, and planted
// secrets.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { COLLECT_ENV_FIELDS } from '../../src/capture/record.js';
import { runCli } from '../../src/cli/main.js';
import { type DockerAdapter, RUN_LABEL } from '../../src/docker/adapter.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { copyImage } from '../helpers/copy-image.js';
import { captureIo } from '../helpers/fakes.js';
import { buildTestImage } from '../helpers/images.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)('ml-image capture', () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let dir: string;
  beforeAll(() => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-capture-it-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function capture(args: string[], ioEnv: Record<string, string> = {}) {
    const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const io = captureIo(dir, docker, ioEnv);
    const code = await runCli(['capture', ...args, '--out', out], io);
    const file = path.join(out, 'env.json');
    return {
      code,
      stdout: io.out(),
      stderr: io.err(),
      file,
      record: () => JSON.parse(readFileSync(file, 'utf8')) as EnvRecord,
    };
  }

  it('the CPU-PyTorch image: torch, packages, apt, and every collect_env field', async () => {
    const r = await capture(['--image', images.torch]);
    expect(r.code, r.stderr).toBe(0);
    const rec = r.record();
    expect(rec.schemaVersion).toBe(2);
    // v2: the variant (none given: the build's label, absent on this test image) and creation time.
    expect(rec.image.variant).toBeNull();
    expect(rec.image).toHaveProperty('created');
    expect(rec.torch?.version).toMatch(/^1\.13/);
    expect(rec.torch?.cudaAvailable).toBe(false);
    expect(rec.torch?.tf32).toEqual({ matmul: expect.any(Boolean), cudnn: expect.any(Boolean) });
    expect(rec.python.packages.map((p) => p.name.toLowerCase())).toEqual(
      expect.arrayContaining(['numpy', 'torch']),
    );
    expect(rec.apt.some((p) => p.name === 'python3-torch')).toBe(true);
    // dpkg's Source field: Debian's python3-torch is built from the pytorch source package.
    expect(rec.apt.find((p) => p.name === 'python3-torch')?.source).toBe('pytorch');
    // Sizes: torch (Debian's, no RECORD: its top-level packages) and dpkg's Installed-Size; the
    // layers with their instructions, which add up to the image.
    expect(rec.python.packages.find((p) => p.name === 'torch')?.sizeBytes).toBeGreaterThan(0);
    expect(rec.apt.find((p) => p.name === 'python3-torch')?.sizeBytes).toBeGreaterThan(0);
    expect(rec.apt.every((p) => p.sizeBytes === undefined || p.sizeBytes >= 0)).toBe(true);
    expect(rec.image.history?.some((l) => /apt-get install/.test(l.createdBy) && l.sizeBytes > 0)).toBe(true);
    expect(rec.image.history!.reduce((n, l) => n + l.sizeBytes, 0)).toBe(rec.image.sizeBytes);
    expect(rec.image).toMatchObject({ platform: 'linux/amd64', ref: images.torch });
    expect(rec.image.layers).toBeGreaterThan(0);
    expect(rec.image.digest).toMatch(/^sha256:/);
    for (const f of COLLECT_ENV_FIELDS) expect(rec.collectEnv, f).toHaveProperty(f);
    expect(rec.collectEnv.torch_version).toBe(rec.torch?.version);
    // No GPU here: the CUDA fields say why they are empty.
    expect(rec.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['cuda.runtime', 'gpus']));
    expect(r.stdout).toContain('torch:   1.13');
  });

  it('--torch-runtime imports torch and agrees with the static description', async () => {
    const fast = (await capture(['--image', images.torch])).record().torch!;
    const deep = (await capture(['--image', images.torch, '--torch-runtime'])).record().torch!;
    expect(fast.source).toBe('static');
    expect(deep.source).toBe('runtime');
    for (const k of ['version', 'cuda', 'hip', 'cudaAvailable', 'deviceCount', 'tf32'] as const)
      expect(fast[k]).toEqual(deep[k]);
  });

  it('the plain Python image: torch absent with the reason, the record still complete', async () => {
    const r = await capture(['--image', images.pythonAmd64]);
    expect(r.code, r.stderr).toBe(0);
    const rec = r.record();
    expect(rec.torch).toBeNull();
    expect(rec.errors.find((e) => e.field === 'torch')?.error).toMatch(
      /ModuleNotFoundError: No module named 'torch'/,
    );
    expect(rec.os.osRelease.ID).toBe('debian');
    expect(rec.os.glibc).toMatch(/^glibc 2\./);
    expect(rec.python.version).toMatch(/^3\.11\./);
  });

  it('an arm64 image under QEMU', async () => {
    const r = await capture(['--image', images.pythonArm64, '--platform', 'linux/arm64', '--no-torch']);
    expect(r.code, r.stderr).toBe(0);
    const rec = r.record();
    expect(rec.os.machine).toBe('aarch64');
    expect(rec.image.platform).toBe('linux/arm64');
    expect(rec.apt.every((p) => p.arch === 'arm64' || p.arch === 'all')).toBe(true);
  });

  it('an image without python3: exit 2 naming the image and what the probe needs, nothing left running', async () => {
    const r = await capture(['--image', images.busyboxAmd64]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${images.busyboxAmd64} has no python3, which the probe needs`);
    expect(r.stderr).not.toContain('internal error');
    expect(
      await docker.listManagedContainers({
        'io.github.ml-image-action.stage': 'capture',
        [RUN_LABEL]: RUN_ID,
      }),
    ).toEqual([]);
  });

  /** Capture IMAGE for linux/arm64, which it lacks: exit 2 naming both, no container created. */
  async function captureMissingArm64(image: string) {
    const r = await capture(['--image', image, '--platform', 'linux/arm64']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`image ${image} has no variant for linux/arm64`);
    expect(r.stderr).not.toContain('internal error');
    expect(
      await docker.listManagedContainers({
        'io.github.ml-image-action.stage': 'capture',
        [RUN_LABEL]: RUN_ID,
      }),
    ).toEqual([]);
    return r;
  }

  it('a single-platform amd64 image for linux/arm64: exit 2 naming the platform it has', async () => {
    const r = await captureMissingArm64(images.busyboxAmd64);
    expect(r.stderr).toContain('it is linux/amd64 only');
  });

  it('a manifest list without linux/arm64: the error line of the pull stream, exit 2', async () => {
    const list = `${images.registry}/ml-image-it/amd64-only-list:1`;
    await copyImage(docker, list, images.busyboxAmd64);
    const r = await captureMissingArm64(list);
    expect(r.stderr).toContain('no matching manifest for linux/arm64');
    expect(r.stderr).toContain(`docker buildx imagetools inspect ${list}`);
  });

  it('planted secrets in the image and in the run environment appear in no output', async () => {
    const loneUser = 'https://PlantedLoneUser1234@git.example/r.git';
    const secrets = {
      GIT_REMOTE: loneUser,
      GITLAB: 'glpat-PlantedGitlabTokenAbcdefghij',
      HF_TOKEN: 'hf_PlantedImageTokenAbcdefghijklmn',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY',
      INNOCENT_NAME: 'ghp_PlantedInnocentNameAbcdefghij0123',
    };
    const tag = `${images.registry}/ml-image-it/secrets:latest`;
    await buildTestImage(
      docker,
      dir,
      `FROM ${images.pythonAmd64}\nENV ${Object.entries(secrets)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}\nLABEL leaked="ghp_PlantedLabelValueAbcdefghijklmn0123"\n`,
      tag,
      '--load',
    );
    const runSecret = 'hf_PlantedRunEnvTokenAbcdefghijklmnop';
    const r = await capture(['--image', tag, '--no-torch', '--env', 'MODEL_ACCESS', '--json'], {
      MODEL_ACCESS: runSecret,
    });
    expect(r.code, r.stderr).toBe(0);
    const everything = [
      r.stdout,
      r.stderr,
      ...readdirSync(path.dirname(r.file)).map((f) =>
        readFileSync(path.join(path.dirname(r.file), f), 'utf8'),
      ),
    ].join('\n');
    for (const v of [
      ...Object.values(secrets),
      runSecret,
      'ghp_PlantedLabelValueAbcdefghijklmn0123',
      'PlantedLoneUser1234',
    ]) {
      expect(everything).not.toContain(v);
    }
    const rec = r.record();
    // The probe (in the image) and the engine's view (image.env) mask a lone user token alike.
    expect(rec.env.GIT_REMOTE).toBe('https://[redacted]@git.example/r.git');
    expect(rec.image.env.GIT_REMOTE).toBe('https://[redacted]@git.example/r.git');
    expect(rec.env.HF_TOKEN).toBe('[redacted]');
    expect(rec.env.INNOCENT_NAME).toBe('[redacted]');
    expect(rec.env.MODEL_ACCESS).toBe('[redacted]');
    expect(rec.image.env.AWS_SECRET_ACCESS_KEY).toBe('[redacted]');
    expect(rec.image.labels.leaked).toBe('[redacted]');
    expect(rec.env.PATH).toContain('/usr/bin');
    expect(
      await docker.listManagedContainers({
        'io.github.ml-image-action.stage': 'capture',
        [RUN_LABEL]: RUN_ID,
      }),
    ).toEqual([]);
  });
});
