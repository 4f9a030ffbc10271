// A cluster job's GPU results, collected and signed: a real build pushed to the test bed's registry
// and smoke-tested here (CPU), then `ml-image export --slurm --from`, the results a GPU node's job
// leaves (written here as the job writes them: the job's own writing runs for real in
// export-scripts.test.ts), `ml-image collect`, `ml-image run --stages attest` with the test bed's
// key, and the deploy gate: `ml-image verify --require-gpu-smoke --min-tflops` passes on what the
// cluster measured, and the report says where the tests ran. A value of the image's own secret
// environment that a cluster test printed is masked by value (collect reads the image's config from
// the registry).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { captureIo } from '../helpers/fakes.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');
/** The image's own WANDB_API_KEY: a secret's name, no token's shape. */
const PLANTED = 'planted-w4ndb-1f3e9c';

describe.skipIf(!env.available || !env.cosign)(
  'ml-image collect, then attest and verify (real registry, key)',
  () => {
    const images = env.images!;
    const name = `ml-image-it/collect-${Date.now().toString(36)}`;
    let docker: DockerAdapter;
    let dir = '';
    let pushed: string[] = [];

    beforeAll(() => {
      docker = createDefaultDockerAdapter();
      dir = mkdtempSync(path.join(tmpdir(), 'ml-image-collect-attest-'));
    });
    afterAll(async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      await deleteRepository(`${images.registry}/${name}`, pushed);
    });

    it('signs the GPU results of the cluster job as the smoke attestation, which the deploy gate accepts', async () => {
      writeFileSync(
        path.join(dir, 'Dockerfile'),
        // The image's own secret, under a secret's name: a test that prints its value alone is masked.
        `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nENV WANDB_API_KEY=${PLANTED}\nRUN echo built > /built\n`,
      );
      const config = path.join(dir, 'ml-image.yml');
      writeFileSync(
        config,
        stringify({
          image: { name, registry: images.registry },
          variants: [{ name: 'cpu', base: images.pythonAmd64 }],
          platforms: ['linux/amd64'],
          build: { context: '.', dockerfile: 'Dockerfile', network: 'host', cache: 'none' },
          resolve: { mode: 'off' },
          smoke: { suites: ['pip-check'] },
          attest: { sign: 'key' },
        }),
      );
      const cosign = env.cosign!;
      const runEnv = {
        ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'),
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/root',
        COSIGN_KEY: readFileSync(cosign.key, 'utf8'),
        COSIGN_PASSWORD: readFileSync(cosign.passwordFile, 'utf8').trim(),
      };
      const cli = async (args: string[]) => {
        const io = captureIo(dir, docker, runEnv);
        const code = await runCli(args, io);
        return { code, out: io.out(), err: io.err() };
      };

      // The build, its CPU smoke (which captures the environment record) and its signatures.
      const built = await cli(['run', '--config', config, '--out', 'out']);
      expect(built.code, built.err).toBe(0);
      const build = JSON.parse(readFileSync(path.join(dir, 'out', 'build.json'), 'utf8')) as {
        variants: { repository: string; digest: string; platforms: { digest: string }[] }[];
      };
      const v = build.variants[0]!;
      pushed = [v.digest, v.platforms[0]!.digest];
      const index = `${v.repository}@${v.digest}`;

      // The job for a GPU node, and what it leaves there once it ran (job.json and a record per suite).
      const exported = await cli([
        'export',
        '--slurm',
        '--from',
        'out',
        '--gpus-per-node',
        '8',
        '--suites',
        'gpu,compute',
        '--out',
        'job',
      ]);
      expect(exported.code, exported.err).toBe(0);
      expect(exported.out).toContain("collect: ml-image collect --slurm job/results/'<job id>' --out out");
      const results = path.join(dir, 'job', 'results', '81723');
      mkdirSync(results, { recursive: true });
      const gpu = 'NVIDIA H100 80GB HBM3';
      const files: Record<string, object> = {
        'job.json': {
          schemaVersion: 2,
          target: 'slurm',
          image: index,
          name: 'ml-image-smoke-cpu',
          job: '81723',
          node: 'gpu-a01',
          machine: 'x86_64',
          nodes: 1,
          gpusPerNode: 8,
          tests: [
            { id: 'gpu', suite: 'gpu' },
            { id: 'compute-cpu', suite: 'compute' },
            { id: 'compute-gpu', suite: 'compute' },
          ],
          startedAt: '2026-12-06T21:00:00Z',
          finishedAt: '2026-12-06T21:03:10Z',
        },
        'gpu.json': {
          id: 'gpu',
          suite: 'gpu',
          durationMs: 3000,
          exitCode: 0,
          status: 'pass',
          reason: '',
          metrics: { gpus: 8, names: [gpu], driver: '570.86.15' },
        },
        'compute-cpu.json': {
          id: 'compute-cpu',
          suite: 'compute',
          durationMs: 2000,
          exitCode: 0,
          status: 'pass',
          reason: `logged in with ${PLANTED}`,
          metrics: { fp32_gflops: 120.5 },
        },
        'compute-gpu.json': {
          id: 'compute-gpu',
          suite: 'compute',
          durationMs: 9000,
          exitCode: 0,
          status: 'pass',
          reason: '',
          metrics: { gpu, bf16_tflops: 712.3, bf16_tflops_floor: 600, floor_gpu: 'H100 SXM' },
        },
      };
      for (const [f, body] of Object.entries(files))
        writeFileSync(path.join(results, f), `${JSON.stringify(body)}\n`);

      // Before: the runner's CPU smoke was signed; the GPU gate refuses it.
      const gate = [
        'verify',
        index,
        '--key',
        cosign.pub,
        '--require-smoke',
        'pass',
        '--require-gpu-smoke',
        '--platform',
        'linux/amd64',
        '--min-tflops',
        'bf16=600',
      ];
      const before = await cli(gate);
      expect(before.code).toBe(1);
      expect(before.out).toMatch(/^FAIL linux\/amd64 +GPU smoke: the smoke tests ran without a GPU$/m);

      const collected = await cli(['collect', '--slurm', 'job', '--out', 'out']);
      expect(collected.code, collected.err).toBe(0);
      expect(collected.err).toBe('');
      expect(collected.out).toContain(
        'collected 3 test(s) of Slurm job 81723 on gpu-a01: 3 passed, 0 failed, 0 skipped',
      );

      // The value the test printed alone, masked by value: collect read the image's config from the registry.
      const smoke = readFileSync(path.join(dir, 'out', 'smoke-cpu-amd64.json'), 'utf8');
      expect(smoke).not.toContain(PLANTED);
      expect(smoke).toContain('logged in with [redacted]');

      const attested = await cli(['run', '--config', config, '--stages', 'attest', '--out', 'out']);
      expect(attested.code, attested.err).toBe(0);
      expect(attested.err).toMatch(/attest +cpu linux\/amd64: signed and attached sbom, provenance, smoke/);
      const predicate = JSON.parse(
        readFileSync(path.join(dir, 'out', 'attest', 'cpu-amd64.smoke.json'), 'utf8'),
      );
      expect(predicate).toMatchObject({
        runner: { name: 'Slurm job 81723 on gpu-a01', os: 'Linux', arch: 'X64' },
        gpus: { requested: 'all' },
        finishedAt: '2026-12-06T21:03:10.000Z',
      });
      expect(predicate.gpus.devices).toHaveLength(8);
      expect(JSON.stringify(predicate)).not.toContain(PLANTED);

      // After: the deploy gate passes on what the cluster measured, signed with the key.
      const after = await cli(gate);
      expect(after.code, `${after.out}\n${after.err}`).toBe(0);
      expect(after.out).toMatch(new RegExp(`^ok +linux/amd64 +GPU smoke: on ${gpu}$`, 'm'));
      expect(after.out).toMatch(/^ok +linux\/amd64 +bf16 TFLOP\/s >= 600: measured 712\.3$/m);

      const reported = await cli(['report', '--config', config, '--results', 'out']);
      expect(reported.code, reported.err).toBe(0);
      expect(readFileSync(path.join(dir, 'out', 'report-cpu.md'), 'utf8')).toContain(
        'Smoke tests: 3 pass, ran on Slurm job 81723 on gpu-a01',
      );

      // A result directory whose smoke stage never ran (no environment record, as after
      // `ml-image build --out`): collect says so, and --capture captures the record on this engine.
      const envFile = path.join(dir, 'out', 'env-cpu-amd64.json');
      // The smoke stage's record of the image is kept (its runner's GPUs, the run's secrets masked).
      const kept = await cli(['collect', '--slurm', 'job', '--out', 'out', '--capture']);
      expect(kept.code, kept.err).toBe(0);
      expect(kept.err).toContain('collect: --capture: out already holds the environment record of');
      expect(kept.err).not.toContain('capturing');
      rmSync(envFile);
      const bare = await cli(['collect', '--slurm', 'job', '--out', 'out']);
      expect(bare.code, bare.err).toBe(0);
      expect(bare.err).toMatch(
        /^warning: out has no environment record of cpu on linux\/amd64 .*collect again with --capture/m,
      );
      const captured = await cli(['collect', '--slurm', 'job', '--out', 'out', '--capture']);
      expect(captured.code, captured.err).toBe(0);
      expect(captured.err).not.toMatch(/^warning/m);
      expect(captured.out).toContain(`environment record captured here: ${envFile}`);
      const record = JSON.parse(readFileSync(envFile, 'utf8')) as { image: { ref: string; variant: string } };
      expect(record.image).toMatchObject({
        ref: `${v.repository}@${v.platforms[0]!.digest}`,
        variant: 'cpu',
      });
      expect(readFileSync(envFile, 'utf8')).not.toContain(PLANTED);
      const again = await cli(['report', '--config', config, '--results', 'out']);
      expect(again.code, again.err).toBe(0);
      expect(readFileSync(path.join(dir, 'out', 'report-cpu.md'), 'utf8')).toContain(
        'Smoke tests: 3 pass, ran on Slurm job 81723 on gpu-a01',
      );
    }, 300_000);
  },
);
