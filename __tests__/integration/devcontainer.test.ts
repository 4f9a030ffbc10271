// `ml-image devcontainer` against the real Dev Containers CLI (@devcontainers/cli) and the local
// engine: the cpu template built FROM the test bed's Python image and pushed to the local registry,
// its record captured by `ml-image capture`, a build.json as the build stage writes it; then
// `devcontainer up` on the written definition and `devcontainer exec` running Python in it.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { runCli } from '../../src/cli/main.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { CACHE_VOLUMES, cacheVolumeName } from '../../src/devcontainer/devcontainer.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';
import { CUDA_128, makePlan, planVariant } from '../helpers/plans.js';

const env = inject('dockerEnv');
const run = promisify(execFile);
const DEVCONTAINER = path.join(REPO_ROOT, 'node_modules', '.bin', 'devcontainer');

/** Run a command; never throws: the exit code and output are asserted by the caller. */
async function sh(cmd: string, args: string[], timeout = 240_000) {
  try {
    const r = await run(cmd, args, { timeout, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof err.code === 'number' ? err.code : 1,
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? err.message,
    };
  }
}

const volumes = async () =>
  new Set((await sh('docker', ['volume', 'ls', '-q'])).stdout.split('\n').filter(Boolean));

describe.skipIf(!env.available)('ml-image devcontainer with the Dev Containers CLI', () => {
  const images = env.images!;
  const repository = `${images.registry}/ml-image-test/devcontainer`;
  const tag = `${repository}:it-${process.pid}`;
  let docker: DockerAdapter;
  let dir: string;
  let workspace: string;
  let digest: string;
  let volumesBefore: Set<string>;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-devcontainer-it-'));
    workspace = path.join(dir, 'project');
    mkdirSync(path.join(workspace, 'results'), { recursive: true });
    volumesBefore = await volumes();
    // The cpu template as the build stage uses it: the test bed's Python as its base, nothing to install.
    const context = path.join(dir, 'context');
    mkdirSync(context);
    writeFileSync(path.join(context, 'train.py'), 'print("hello")\n');
    const r = await docker.buildx([
      'build',
      '--platform',
      'linux/amd64',
      '--provenance=false',
      '-f',
      path.join(REPO_ROOT, 'images', 'cpu', 'Dockerfile'),
      '--build-arg',
      `BASE_IMAGE=${images.pythonAmd64}`,
      '-t',
      tag,
      '--push',
      context,
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
    digest = await docker.imageDigest(tag);
  });

  afterAll(async () => {
    // The CLI labels its containers with the workspace folder; remove them, then the volumes it made.
    if (workspace) {
      const ids = (
        await sh('docker', ['ps', '-aq', '--filter', `label=devcontainer.local_folder=${workspace}`])
      ).stdout
        .split('\n')
        .filter(Boolean);
      // On Linux they ran the CLI's copies of the image with the host user's UID (vsc-...-uid).
      const copies =
        ids.length > 0
          ? (await sh('docker', ['inspect', '--format', '{{.Config.Image}}', ...ids])).stdout
          : '';
      if (ids.length > 0) await sh('docker', ['rm', '-f', '-v', ...ids]);
      const derived = [...new Set(copies.split('\n').filter((i) => /^vsc-.*-uid$/.test(i)))];
      if (derived.length > 0) await sh('docker', ['image', 'rm', ...derived]);
    }
    if (volumesBefore) {
      const made = [...(await volumes())].filter(
        (v) => !volumesBefore.has(v) && CACHE_VOLUMES.some((c) => v.startsWith(`${c.volume}-`)),
      );
      if (made.length > 0) await sh('docker', ['volume', 'rm', ...made]);
    }
    await sh('docker', ['image', 'rm', tag]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a definition that devcontainer up starts and devcontainer exec runs Python in', async () => {
    // The record, as the capture stage takes it (user, environment, distributions).
    const cap = captureIo(dir, docker);
    expect(await runCli(['capture', '--image', `${repository}@${digest}`, '--json'], cap), cap.err()).toBe(0);
    const results = path.join(workspace, 'results');
    writeFileSync(path.join(results, 'env-cpu-amd64.json'), cap.out());
    const build: BuildResult = {
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository,
          tags: [tag],
          platforms: [{ platform: 'linux/amd64', digest, durationMs: 1, attempts: 1, metadata: {} }],
          baseImage: images.pythonAmd64,
        },
      ],
    };
    writeFileSync(path.join(results, 'build.json'), JSON.stringify(build));

    const io = captureIo(workspace, docker);
    expect(await runCli(['devcontainer', '--from', 'results', '--json'], io), io.err()).toBe(0);
    const file = path.join(workspace, '.devcontainer', 'devcontainer.json');
    const dc = JSON.parse(readFileSync(file, 'utf8'));
    expect(dc.image).toBe(`${repository}@${digest}`);
    expect(dc.remoteUser).toBe('app');
    expect(dc.hostRequirements).toBeUndefined();
    // The template's caches: Hugging Face and torch; pip's is off there (PIP_NO_CACHE_DIR=1).
    expect(dc.mounts).toEqual([
      `source=${cacheVolumeName('ml-image-hf-cache', repository)},target=/cache/huggingface,type=volume`,
      `source=${cacheVolumeName('ml-image-torch-cache', repository)},target=/cache/torch,type=volume`,
    ]);

    const up = await sh(DEVCONTAINER, ['up', '--workspace-folder', workspace, '--log-level', 'info']);
    expect(up.code, `${up.stdout}\n${up.stderr}`).toBe(0);
    const outcome = JSON.parse(up.stdout.trim().split('\n').pop()!);
    expect(outcome).toMatchObject({ outcome: 'success', remoteUser: 'app' });

    // Python in the container: the user, the cache variable, a write to the cache volume, the image,
    // and a write to the workspace (exec's working directory), which app owns at the host user's UID
    // (updateRemoteUserUID); a host user root keeps app at 1000 (UID 0 is taken), so not there.
    const script = [
      'import getpass, os, pathlib',
      "p = pathlib.Path(os.environ['HF_HOME'], 'probe.txt')",
      "p.write_text('ok')",
      "print('RESULT', getpass.getuser(), os.environ['HF_HOME'], p.read_text(), os.environ['ML_IMAGE_VARIANT'])",
      "try: pathlib.Path('workspace-probe.txt').write_text('ok'); print('WORKSPACE', os.getuid(), 'ok')",
      "except PermissionError: print('WORKSPACE', os.getuid(), 'denied')",
    ].join('\n');
    const ex = await sh(DEVCONTAINER, ['exec', '--workspace-folder', workspace, 'python3', '-c', script]);
    expect(ex.code, `${ex.stdout}\n${ex.stderr}`).toBe(0);
    expect(ex.stdout).toMatch(/^RESULT app \/cache\/huggingface ok cpu$/m);
    const uid = process.getuid?.();
    if (process.platform === 'linux' && uid !== undefined && uid !== 0) {
      expect(ex.stdout).toMatch(new RegExp(`^WORKSPACE ${uid} ok$`, 'm'));
      expect(readFileSync(path.join(workspace, 'workspace-probe.txt'), 'utf8')).toBe('ok');
    }

    // On Linux the CLI runs its copy of the image (FROM it by digest) with app at the host user's
    // UID, elsewhere the image itself.
    const inspect = await sh('docker', ['inspect', '--format', '{{.Config.Image}}', outcome.containerId]);
    if (process.platform === 'linux') expect(inspect.stdout.trim()).toMatch(/-uid$/);
    else expect(inspect.stdout.trim()).toBe(`${repository}@${digest}`);
  });

  it('a CUDA variant asks for GPUs, and the CLI passes them only where the engine has them', async () => {
    // The same build, planned as a CUDA variant (plan.json decides).
    writeFileSync(
      path.join(workspace, 'results', 'plan.json'),
      JSON.stringify(makePlan(planVariant('cpu', CUDA_128))),
    );
    const out = '.devcontainer/cuda/devcontainer.json';
    const io = captureIo(workspace, docker);
    expect(await runCli(['devcontainer', '--from', 'results', '--out', out], io), io.err()).toBe(0);
    const config = path.join(workspace, out);
    expect(JSON.parse(readFileSync(config, 'utf8')).hostRequirements).toEqual({ gpu: true });

    const up = await sh(DEVCONTAINER, ['up', '--workspace-folder', workspace, '--config', config]);
    expect(up.code, `${up.stdout}\n${up.stderr}`).toBe(0);
    const { containerId } = JSON.parse(up.stdout.trim().split('\n').pop()!);
    const requests = await sh('docker', [
      'inspect',
      '--format',
      '{{json .HostConfig.DeviceRequests}}',
      containerId,
    ]);
    const runtimes = await sh('docker', ['info', '--format', '{{json .Runtimes}}']);
    // No NVIDIA runtime here: started without GPUs, instead of failing on --gpus all.
    if (runtimes.stdout.includes('nvidia')) expect(requests.stdout).toMatch(/gpu/);
    else expect(requests.stdout.trim()).toBe('null');
    const ex = await sh(DEVCONTAINER, [
      'exec',
      '--workspace-folder',
      workspace,
      '--config',
      config,
      'python3',
      '-c',
      "import getpass; print('USER', getpass.getuser())",
    ]);
    expect(ex.stdout, ex.stderr).toMatch(/^USER app$/m);
  });
});
