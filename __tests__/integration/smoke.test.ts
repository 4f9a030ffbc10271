// Smoke suites in real containers: metrics from the CPU-PyTorch image, skips without torch or GPU,
// and planted failures (a NumPy 1.x ABI import error, failing custom tests, a test that hangs).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { type DockerAdapter, RUN_LABEL } from '../../src/docker/adapter.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { ExitCode, exitCodeOf } from '../../src/errors.js';
import { verifiedLocalImage } from '../../src/smoke/local-image.js';
import type { SmokeResult } from '../../src/smoke/result.js';
import { captureIo } from '../helpers/fakes.js';
import { buildTestImage } from '../helpers/images.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)('ml-image smoke', () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let dir: string;
  beforeAll(() => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-it-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function smoke(args: string[], config?: Record<string, unknown>) {
    const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
    let cfgArgs: string[] = [];
    if (config) {
      const file = path.join(dir, `cfg-${Math.random().toString(36).slice(2)}.yml`);
      writeFileSync(file, stringify(config));
      cfgArgs = ['--config', file];
    }
    const io = captureIo(dir, docker);
    const code = await runCli(['smoke', ...args, ...cfgArgs, '--out', out], io);
    const result = () => JSON.parse(readFileSync(path.join(out, 'smoke.json'), 'utf8')) as SmokeResult;
    const junit = () => readFileSync(path.join(out, 'junit.xml'), 'utf8');
    return { code, stdout: io.out(), stderr: io.err(), result, junit };
  }
  const byId = (r: SmokeResult, id: string) => r.tests.find((t) => t.id === id)!;

  it('CPU PyTorch image: imports, compute, train and ddp (gloo, 2 processes) pass with real metrics', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\ntorch\n');
    const r = await smoke(['--image', images.torch, '--suites', 'imports,compute,train,ddp,gpu'], {
      image: { name: 'o/m' },
      python: { requirements: ['requirements.txt'] },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const res = r.result();
    expect(byId(res, 'imports')).toMatchObject({ status: 'pass', metrics: { modules: expect.any(Number) } });
    expect(byId(res, 'compute-cpu').metrics.fp32_tflops).toBeGreaterThan(0);
    const train = byId(res, 'train');
    expect(train.status).toBe('pass');
    expect(train.metrics.loss_end as number).toBeLessThan((train.metrics.loss_start as number) / 2);
    const ddp = byId(res, 'ddp');
    expect(ddp.status, ddp.reason).toBe('pass');
    expect(ddp.metrics).toMatchObject({ world: 2, backend: 'gloo' });
    expect(ddp.metrics.busbw_gbps).toBeGreaterThan(0);
    expect(byId(res, 'gpu')).toMatchObject({ status: 'skip', reason: expect.stringContaining('no GPU') });
    expect(r.junit()).toContain('<testcase classname="ddp" name="ddp"');
    expect(r.stdout).toContain('passed, 0 failed');
    expect(
      await docker.listManagedContainers({ 'io.github.ml-image-action.stage': 'smoke', [RUN_LABEL]: RUN_ID }),
    ).toEqual([]);
  });

  it('the python3 suites share one container and one import torch; --verbose says where each test’s time went', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\ntorch\n');
    const r = await smoke(
      ['--image', images.torch, '--suites', 'imports,pip-check,compute,train,ddp', '--verbose'],
      {
        image: { name: 'o/m' },
        python: { requirements: ['requirements.txt'] },
      },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.result().tests.map((t) => [t.id, t.status])).toEqual([
      ['imports', 'pass'],
      ['pip-check', 'pass'],
      ['compute-cpu', 'pass'],
      ['compute-gpu', 'skip'],
      ['train', 'pass'],
      ['ddp', 'pass'],
    ]);
    // One container start (imports'), torch imported there; the others ran in the same process.
    expect(r.stderr).toMatch(
      /\[imports\] timing: container and python3 start [\d.]+s .*import torch [\d.]+s/,
    );
    for (const id of ['pip-check', 'compute-cpu', 'train', 'ddp'])
      expect(r.stderr).toContain(`[${id}] timing: in the shared process (no container start)`);
    expect(r.stderr).toContain('[pip-check] No broken requirements found.');
    expect(r.stderr).not.toContain('@@ml-image-smoke@@');
    expect(
      await docker.listManagedContainers({ 'io.github.ml-image-action.stage': 'smoke', [RUN_LABEL]: RUN_ID }),
    ).toEqual([]);
  });

  it('an image without torch: the torch suites skip with the reason; require-gpu fails the gpu suite', async () => {
    const r = await smoke(['--image', images.pythonAmd64, '--suites', 'compute,train,ddp,gpu,pip-check']); // --gpus auto: no NVIDIA runtime here
    expect(r.code).toBe(0);
    const res = r.result();
    for (const id of ['compute-cpu', 'train', 'ddp']) {
      expect(byId(res, id)).toMatchObject({
        status: 'skip',
        reason: expect.stringContaining('torch is not installed'),
      });
    }
    expect(byId(res, 'pip-check').status).toBe('pass');
    const streamed = await smoke(['--image', images.pythonAmd64, '--suites', 'pip-check', '--verbose']);
    expect(streamed.stderr).toContain('  [pip-check] No broken requirements found.');
    const strict = await smoke([
      '--image',
      images.pythonAmd64,
      '--suites',
      'gpu',
      '--require-gpu',
      '--gpus',
      'none',
    ]);
    expect(strict.code).toBe(1);
    expect(byId(strict.result(), 'gpu')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('require-gpu'),
    });
  });

  it('planted failures: a NumPy 1.x ABI import error is classified; failing custom tests; a hang times out', async () => {
    const tag = `${images.registry}/ml-image-it/smoke-bad:latest`;
    await buildTestImage(
      docker,
      dir,
      `FROM ${images.pythonAmd64}
RUN set -e; d=/usr/local/lib/python3.11/dist-packages; mkdir -p $d/badext $d/badext-1.0.dist-info; \\
    printf 'raise ImportError("A module that was compiled using NumPy 1.x cannot be run in\\\\nNumPy 2.2.6 as it may crash.")\\n' > $d/badext/__init__.py; \\
    printf 'Metadata-Version: 2.1\\nName: badext\\nVersion: 1.0\\n' > $d/badext-1.0.dist-info/METADATA; \\
    echo badext > $d/badext-1.0.dist-info/top_level.txt; touch $d/badext-1.0.dist-info/RECORD
`,
      tag,
      '--load',
    );
    writeFileSync(path.join(dir, 'bad-req.txt'), 'badext\n');
    const r = await smoke(['--image', tag, '--suites', 'imports,custom', '--timeout', '3'], {
      image: { name: 'o/m' },
      python: { requirements: ['bad-req.txt'] },
      smoke: {
        tests: [
          { name: 'greets', command: 'echo hi', expectedOutput: ['^bye'] },
          { name: 'exits-zero', command: ['sh', '-c', 'exit 3'] },
          { name: 'has-app', file: { path: '/app' } },
          { name: 'runs-as-app', metadata: { user: 'app' } },
          { name: 'hangs', command: 'sleep 60' },
          { name: 'has-python', command: ['python3', '--version'], expectedOutput: ['^Python 3\\.'] },
        ],
      },
    });
    expect(r.code).toBe(1);
    const res = r.result();
    const imports = byId(res, 'imports');
    expect(imports.status).toBe('fail');
    expect(imports.cause).toMatchObject({ id: 'numpy2-abi', fix: expect.stringContaining('numpy<2') });
    expect(byId(res, 'custom:greets').reason).toBe('output does not match /^bye/');
    expect(byId(res, 'custom:exits-zero').reason).toBe('exit code 3, expected 0');
    expect(byId(res, 'custom:has-app').reason).toBe('/app does not exist');
    expect(byId(res, 'custom:runs-as-app').reason).toBe('user is "", expected "app"');
    expect(byId(res, 'custom:hangs').reason).toBe(
      'timed out after 3s (the container was removed); a test that needs longer: raise smoke.timeoutSeconds in ml-image.yml (ml-image smoke: --timeout)',
    );
    expect(byId(res, 'custom:has-python').status).toBe('pass');
    expect(r.junit()).toContain(
      '<failure message="cannot import badext (badext) | cause: a package built against NumPy 1.x',
    );
    expect(r.stdout).toContain('cause: a package built against NumPy 1.x is imported with NumPy 2 installed');
    expect(
      await docker.listManagedContainers({ 'io.github.ml-image-action.stage': 'smoke', [RUN_LABEL]: RUN_ID }),
    ).toEqual([]);
  });

  it('smoke containers run without capabilities or a network, and their hostname resolves to loopback', async () => {
    const r = await smoke(['--image', images.pythonAmd64, '--suites', 'custom'], {
      image: { name: 'o/m' },
      smoke: {
        tests: [
          {
            name: 'no-caps',
            command: ['grep', '-E', '^(CapEff|CapBnd|NoNewPrivs):', '/proc/self/status'],
            expectedOutput: ['^CapEff:\\s+0{16}$', '^CapBnd:\\s+0{16}$', '^NoNewPrivs:\\s+1$'],
          },
          {
            name: 'loopback-only',
            command: ['cat', '/proc/net/dev'],
            expectedOutput: ['^\\s*lo:'],
            excludedOutput: ['^\\s*eth\\d+:'],
          },
          {
            // What torchrun's rendezvous (torch 2.x: MASTER_ADDR = getfqdn()) and gloo resolve.
            name: 'hostname-resolves',
            command: [
              'python3',
              '-c',
              'import socket; print(socket.getaddrinfo(socket.getfqdn(), 0)[0][4][0])',
            ],
            expectedOutput: ['^127\\.0\\.0\\.1$'],
          },
          {
            // No GPU for a test that does not ask: the NVIDIA runtime (a default runtime) gives none.
            name: 'no-gpu-env',
            command: ['sh', '-c', 'echo "${NVIDIA_VISIBLE_DEVICES-unset}"'],
            expectedOutput: ['^void$'],
          },
          { name: 'uses-a-gpu', command: ['nvidia-smi'], gpu: true },
        ],
      },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.result().tests.map((t) => [t.id, t.status, t.reason])).toEqual([
      ['custom:no-caps', 'pass', undefined],
      ['custom:loopback-only', 'pass', undefined],
      ['custom:hostname-resolves', 'pass', undefined],
      ['custom:no-gpu-env', 'pass', undefined],
      // A cpu variant gets no GPU (as ml-image run decides): a test marked gpu: true is skipped,
      // never run without one.
      ['custom:uses-a-gpu', 'skip', 'cpu variant: no GPU tests'],
    ]);
  });

  it("a local build's tag: checked against what buildx recorded, run by image ID; a re-tag is exit 3", async () => {
    const tag = `${images.registry}/ml-image-it/smoke-local:ml-image-local-cpu-amd64-${Date.now().toString(36)}`;
    /** A --load build as the build stage runs it (docker driver), and the digest buildx records. */
    const build = async (content: string) => {
      const ctx = mkdtempSync(path.join(dir, 'local-'));
      writeFileSync(
        path.join(ctx, 'Dockerfile'),
        `FROM ${images.busyboxAmd64}\nRUN echo ${content} > /built\n`,
      );
      const meta = path.join(ctx, 'meta.json');
      const b = await docker.buildx([
        'build',
        '--platform',
        'linux/amd64',
        '--provenance=false',
        '--load',
        '--tag',
        tag,
        '--metadata-file',
        meta,
        ctx,
      ]);
      expect(b.exitCode, b.stderr).toBe(0);
      return JSON.parse(readFileSync(meta, 'utf8')) as Record<string, unknown>;
    };
    const ids: string[] = [];
    try {
      const metadata = await build('first');
      const recorded = { digest: metadata['containerimage.digest'] as string, metadata };
      const id = await verifiedLocalImage(docker, tag, 'linux/amd64', recorded);
      ids.push(id);
      expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
      // Another job on the runner builds the same tag.
      ids.push((await build('second'))['containerimage.digest'] as string);
      const e = await verifiedLocalImage(docker, tag, 'linux/amd64', recorded).catch((x: unknown) => x);
      expect(exitCodeOf(e)).toBe(ExitCode.Environment);
      expect((e as Error).message).toContain(
        `the local tag ${tag} no longer names the image this build made`,
      );
      expect((e as Error).message).toContain(`the build recorded ${recorded.digest}`);
      // The image the build made still runs by its ID, whatever the tag names now.
      const run = await docker.runContainer({ image: id, platform: 'linux/amd64', cmd: ['cat', '/built'] });
      expect(run).toMatchObject({ exitCode: 0, stdout: 'first\n' });
      // The tag removed (a prune), while the registry holds another image under it (another job
      // pushed it): the check never pulls it, and says the image is gone.
      const Dockerode = (await import('dockerode')).default;
      await new Dockerode().getImage(tag).remove({ force: true });
      await docker.imagetoolsCreate([tag], [images.busybox]);
      const gone = await verifiedLocalImage(docker, tag, 'linux/amd64', recorded).catch((x: unknown) => x);
      expect(exitCodeOf(gone)).toBe(ExitCode.Environment);
      expect((gone as Error).message).toContain(`the local image ${tag} (linux/amd64)`);
      expect((gone as Error).message).toContain('is gone from the engine');
      expect(await docker.inspectLocalImage(tag)).toBeUndefined();
    } finally {
      const Dockerode = (await import('dockerode')).default;
      for (const ref of [tag, ...ids])
        await new Dockerode()
          .getImage(ref)
          .remove({ force: true })
          .catch(() => undefined);
    }
  });

  it('an image without python3 and bad custom tests: clear failures, every result kept, nothing left running', async () => {
    const r = await smoke(['--image', images.busyboxAmd64, '--suites', 'imports,pip-check,train,custom'], {
      image: { name: 'o/m' },
      smoke: {
        tests: [
          { name: 'missing-argv', command: ['no-such-tool', '--version'] },
          { name: 'missing-shell', command: 'no-such-tool --version' },
          { name: 'redos', command: ['sh', '-c', 'printf "%040d!" 0 | tr 0 a'], expectedOutput: ['(a+)+$'] },
          {
            name: 'loud',
            command: ['sh', '-c', 'head -c 10485760 /dev/zero | tr "\\0" x; echo; echo done'],
            expectedOutput: ['^done$'],
          },
          { name: 'greets', command: ['echo', 'hi'], expectedOutput: ['^hi$'] },
        ],
      },
    });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).not.toContain('internal error');
    const res = r.result();
    expect(res.tests.map((t) => [t.id, t.status])).toEqual([
      ['imports', 'skip'], // no requirements declared: nothing to import
      ['pip-check', 'fail'],
      ['train', 'skip'],
      ['custom:missing-argv', 'fail'],
      ['custom:missing-shell', 'fail'],
      ['custom:redos', 'fail'],
      ['custom:loud', 'pass'],
      ['custom:greets', 'pass'],
    ]);
    expect(byId(res, 'pip-check').reason).toBe(
      `${images.busyboxAmd64} has no python3: the smoke suites need python3 in the image`,
    );
    expect(byId(res, 'pip-check').cause?.id).toBe('no-python');
    expect(byId(res, 'train').reason).toBe('no python3 in the image (see pip-check)');
    expect(byId(res, 'custom:missing-argv')).toMatchObject({
      reason: 'command not found in the image: "no-such-tool" (exit 127, expected 0)',
      cause: { id: 'command-not-found' },
    });
    expect(byId(res, 'custom:missing-shell')).toMatchObject({
      reason: 'command not found in the image: a program of "no-such-tool --version" (exit 127, expected 0)',
      cause: { id: 'command-not-found' },
    });
    expect(byId(res, 'custom:redos').reason).toMatch(/took longer than 2s to match; simplify the pattern/);
    // One progress line per custom test, each under its own name.
    for (const name of ['missing-argv', 'missing-shell', 'redos', 'loud', 'greets'])
      expect(r.stderr.match(new RegExp(`^smoke custom:${name}: (pass|fail)`, 'gm')), name).toHaveLength(1);
    expect(r.junit()).toContain('name="custom:greets"');
    expect(
      await docker.listManagedContainers({ 'io.github.ml-image-action.stage': 'smoke', [RUN_LABEL]: RUN_ID }),
    ).toEqual([]);
  });
});
