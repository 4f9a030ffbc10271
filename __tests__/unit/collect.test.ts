// `ml-image collect`: a cluster job's results (job.json / ML_IMAGE_JOB lines and one record per
// suite) read back as the smoke result of the build's target the job ran, and that result in the
// report. The jobs' own writing of these is run by real shells in
// __tests__/integration/export-scripts.test.ts; here the texts are given.
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { runCli } from '../../src/cli/main.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { exportSteps } from '../../src/export/common.js';
import { jobTestsOf } from '../../src/export/job-meta-shell.js';
import { JobMetaSchema, type JobMeta } from '../../src/smoke/job-schema.js';
import type { SmokeSuite } from '../../src/config/smoke-schema.js';
import { openResultDir } from '../../src/results/results.js';
import { collectedSmokeResult, collectTarget } from '../../src/smoke/collect.js';
import { k8sJob, slurmJob } from '../../src/smoke/collect-parse.js';
import { SmokeResultSchema } from '../../src/smoke/result.js';
import { buildSmokePredicate, gpusFromTests, smokeContradictions } from '../../src/attest/smoke-predicate.js';
import { inputErrorOf } from '../helpers/errors.js';
import { spec } from '../helpers/export-fixtures.js';
import { captureIo as fakeIo, fakeDocker } from '../helpers/fakes.js';
import { ImageRegistry } from '../helpers/image-registry.js';
import { cudaRecord, makeRecord } from '../helpers/records.js';

const hex = (c: string) => `sha256:${c.repeat(64)}`;
/** A secret of the images' own environment, under a secret's name, in no token's shape. */
const WANDB = 'w4ndb-own-value-of-the-image';
/** The registry of the build's platform images (collect reads their configs from it). */
const REGISTRY = new ImageRegistry();
const IMAGE_ENV = ['PATH=/usr/local/bin:/usr/bin', `WANDB_API_KEY=${WANDB}`, 'APP_MODE=production'];
const INDEX = hex('a');
const AMD = REGISTRY.image('acme/train', IMAGE_ENV);
const ARM = REGISTRY.image('acme/train', IMAGE_ENV, { os: 'linux', architecture: 'arm64' });
const OTHER = hex('d');

const build = (...extra: BuildResult['variants']): BuildResult => ({
  schemaVersion: 1,
  variants: [
    {
      variant: 'cpu',
      repository: 'ghcr.io/acme/train',
      digest: INDEX,
      tags: [],
      platforms: [
        { platform: 'linux/amd64', digest: AMD, durationMs: 1, attempts: 1, metadata: {} },
        { platform: 'linux/arm64', digest: ARM, durationMs: 1, attempts: 1, metadata: {} },
      ],
      baseImage: 'python:3.12-slim',
    },
    ...extra,
  ],
});

/**
 * A job's description; SUITES (default imports, compute, ddp) become its tests as the export
 * writes them (exportSteps with the job's GPUs).
 */
const meta = ({ suites, ...over }: Partial<JobMeta> & { suites?: SmokeSuite[] } = {}): JobMeta => {
  const gpusPerNode = over.gpusPerNode ?? 0;
  const tests = jobTestsOf(
    exportSteps(spec({ suites: suites ?? ['imports', 'compute', 'ddp'], gpusPerNode })),
  );
  return JobMetaSchema.parse({
    schemaVersion: 2,
    target: 'slurm',
    image: `ghcr.io/acme/train@${INDEX}`,
    name: 'ml-image-smoke-cpu',
    job: '42',
    node: 'node-a',
    machine: 'x86_64',
    nodes: 1,
    gpusPerNode,
    tests,
    startedAt: '2026-12-06T10:00:00Z',
    finishedAt: '2026-12-06T10:02:30Z',
    ...over,
  });
};

const record = (id: string, suite: string, status = 'pass', extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    suite,
    durationMs: 1500,
    exitCode: status === 'fail' ? 1 : 0,
    status,
    reason: '',
    ...extra,
  });

describe('collectTarget: which target of build.json the job ran', () => {
  it.each([
    ['the index, on an x86_64 node', meta(), 'linux/amd64', AMD],
    ['the index, on an aarch64 node', meta({ machine: 'aarch64' }), 'linux/arm64', ARM],
    ['the index, on an arm64 node (its other name)', meta({ machine: 'arm64' }), 'linux/arm64', ARM],
    [
      'one platform by its own digest',
      meta({ image: `ghcr.io/acme/train@${ARM}`, machine: 'aarch64' }),
      'linux/arm64',
      ARM,
    ],
    [
      'the same digest through a mirror',
      meta({ image: `mirror.internal/acme/train@${INDEX}` }),
      'linux/amd64',
      AMD,
    ],
  ])('%s', (_n, m, platform, digest) => {
    expect(collectTarget(m, build(), 'out/build.json')).toEqual({
      variant: 'cpu',
      platform,
      image: `ghcr.io/acme/train@${digest}`,
    });
  });

  it.each([
    [
      'an image build.json does not hold',
      meta({ image: `ghcr.io/acme/train@${OTHER}` }),
      undefined,
      new RegExp(
        `the job ran ghcr\\.io/acme/train@sha256:d{64}, which out/build\\.json does not hold \\(its variants: cpu: sha256:a{64} \\(index\\), ${AMD} \\(linux/amd64\\)`,
      ),
    ],
    [
      'a node of a platform not built',
      meta({ machine: 'ppc64le' }),
      undefined,
      /the job ran on ppc64le \(linux\/ppc64le\), but variant cpu of out\/build\.json has no linux\/ppc64le image \(it has linux\/amd64, linux\/arm64\)/,
    ],
    [
      "one platform's image on a node of the other",
      meta({ image: `ghcr.io/acme/train@${ARM}` }),
      undefined,
      new RegExp(`the job ran on x86_64 \\(linux/amd64\\), but its image ${ARM} is linux/arm64's`),
    ],
    [
      '--variant naming a variant build.json does not have',
      meta(),
      'cu128',
      /^--variant: no variant "cu128" in out\/build\.json; it has cpu$/,
    ],
    ['a reference without a digest', meta({ image: 'ghcr.io/acme/train:latest' }), undefined, /digest/],
  ])('refuses %s (exit 2)', (_n, m, variant, message) => {
    const e = inputErrorOf(() => collectTarget(m, build(), 'out/build.json', variant));
    expect(e.message).toMatch(message);
  });

  it('--variant naming another variant of build.json, which does not hold the image (exit 2)', () => {
    const other = { ...build().variants[0]!, variant: 'cu128', digest: OTHER, platforms: [] };
    expect(
      inputErrorOf(() => collectTarget(meta(), build(other), 'out/build.json', 'cu128')).message,
    ).toMatch(/which variant cu128 of out\/build\.json does not hold/);
  });

  it('asks for --variant when two variants hold the digest, and takes the one named', () => {
    const twin = { ...build().variants[0]!, variant: 'cpu-debug' };
    expect(inputErrorOf(() => collectTarget(meta(), build(twin), 'b.json')).message).toMatch(
      /in 2 variants of b\.json \(cpu, cpu-debug\)/,
    );
    expect(collectTarget(meta(), build(twin), 'b.json', 'cpu-debug').variant).toBe('cpu-debug');
  });
});

const TARGET = { variant: 'cpu', platform: 'linux/amd64', image: `ghcr.io/acme/train@${AMD}` };

const slurm = (
  m: JobMeta,
  records: { id: string; suite: string; status?: string; extra?: Record<string, unknown>; err?: string }[],
) =>
  slurmJob(
    'results/42',
    { file: 'results/42/job.json', text: JSON.stringify(m) },
    records.map((r) => ({
      file: `results/42/${r.id}.json`,
      text: record(r.id, r.suite, r.status, r.extra),
      ...(r.err !== undefined && { err: r.err }),
    })),
  );

describe('collectedSmokeResult: the job as a smoke result', () => {
  it('keeps the order the job ran its suites, counts, and says where and when it ran', () => {
    const job = slurm(meta({ suites: ['imports', 'compute', 'ddp', 'custom'] }), [
      { id: 'ddp', suite: 'ddp', extra: { metrics: { world: 2, busbw_gbps: 1.5 } } },
      { id: 'custom', suite: 'custom', status: 'skip', extra: { reason: 'not exported' } },
      { id: 'imports', suite: 'imports' },
      { id: 'compute-cpu', suite: 'compute', extra: { metrics: { fp32_gflops: 90 } } },
    ]);
    const r = SmokeResultSchema.parse(collectedSmokeResult(job, TARGET));
    expect(r.tests.map((t) => t.id)).toEqual(['imports', 'compute-cpu', 'ddp', 'custom']);
    expect(r).toMatchObject({
      image: TARGET.image,
      platform: 'linux/amd64',
      gpus: 'none',
      gpuDevices: 'none',
      summary: { pass: 3, fail: 0, skip: 1, durationMs: 150_000 },
      finishedAt: '2026-12-06T10:02:30.000Z',
      runner: { name: 'Slurm job 42 on node-a', os: 'Linux', arch: 'X64' },
      cluster: { target: 'slurm', job: '42', node: 'node-a', nodes: 1 },
    });
    expect(r.tests[0]).not.toHaveProperty('reason');
    expect(r.tests[3]!.reason).toBe('not exported');
    expect(r.tests[2]!.metrics).toEqual({ world: 2, busbw_gbps: 1.5 });
    expect(r.interrupted).toBeUndefined();
  });

  it('keeps the end of a failing suite, redacted, with its cause from the failure table', () => {
    const token = `ghp_${'A1b2C3d4'.repeat(4)}an`;
    const err = [
      ...Array.from({ length: 60 }, (_, i) => `line ${i}`),
      `HF_TOKEN=${token}`,
      'RuntimeError: cuInit returned 802',
    ].join('\n');
    const job = slurm(meta({ gpusPerNode: 'all', suites: ['gpu'] }), [
      { id: 'gpu', suite: 'gpu', status: 'fail', extra: { reason: `gpu failed (token ${token})` }, err },
    ]);
    const r = collectedSmokeResult(job, TARGET);
    const [t] = r.tests;
    expect(t!.output!.split('\n')).toHaveLength(40);
    expect(t!.output).toContain('RuntimeError: cuInit returned 802');
    expect(JSON.stringify(r)).not.toContain(token);
    expect(t!.cause?.id).toBe('cuda-system-not-ready');
    expect(r.gpus).toBe('all');
    expect(r.gpuDevices).toBe('unknown');
  });

  it('names the GPUs from the gpu suite, as the smoke stage words them', () => {
    const job = slurm(meta({ gpusPerNode: 8, suites: ['gpu'] }), [
      {
        id: 'gpu',
        suite: 'gpu',
        extra: { metrics: { gpus: 8, names: ['NVIDIA H100 80GB HBM3'], driver: '570.86.15' } },
      },
    ]);
    expect(collectedSmokeResult(job, TARGET).gpuDevices).toBe('8x NVIDIA H100 80GB HBM3; driver 570.86.15');
  });

  it.each([
    ['a count no host holds', { gpus: 1e9, names: ['NVIDIA H100'], driver: '570.86.15' }],
    ['a count that is no whole number', { gpus: 2.5, names: ['NVIDIA H100'], driver: '570.86.15' }],
    ['two models (how many of each is not said)', { gpus: 2, names: ['A', 'B'], driver: '570.86.15' }],
    ['no driver', { gpus: 8, names: ['NVIDIA H100'], driver: null }],
  ])('names no GPUs from a gpu suite with %s, as the attestation reads it', (_n, metrics) => {
    const job = slurm(meta({ gpusPerNode: 8, suites: ['gpu'] }), [
      { id: 'gpu', suite: 'gpu', extra: { metrics } },
    ]);
    expect(collectedSmokeResult(job, TARGET).gpuDevices).toBe('unknown');
  });

  it.each([
    [
      'a job that did not reach its end',
      meta({ finishedAt: undefined }),
      /the job ended before every suite ran \(its job\.json has no finishedAt/,
    ],
    ['a job that finished without a suite', meta(), /recorded no result of compute-cpu, ddp/],
  ])('marks %s as stopped (shown, never attested)', (_n, m, stopped) => {
    const r = collectedSmokeResult(slurm(m, [{ id: 'imports', suite: 'imports' }]), TARGET);
    expect(r.interrupted).toMatch(stopped);
    if (m.finishedAt === undefined) expect(r).not.toHaveProperty('finishedAt');
    // The first suite the stop left without a result fails (the report's verdict says so), as the
    // smoke stage fails the test a stop cut short (by the id it gives it); the suites after it are missing.
    expect(r.tests.map((t) => [t.id, t.suite, t.status])).toEqual([
      ['imports', 'imports', 'pass'],
      ['compute-cpu', 'compute', 'fail'],
    ]);
    expect(r.tests[1]!.reason).toMatch(stopped);
    expect(r.summary).toMatchObject({ pass: 1, fail: 1 });
  });

  it('fails compute-gpu of a GPU job stopped after compute-cpu ran, as the smoke stage names it', () => {
    const m = meta({ gpusPerNode: 8, suites: ['compute', 'train'] });
    const ran = [{ id: 'compute-cpu', suite: 'compute' }];
    const stopped = collectedSmokeResult(slurm({ ...m, finishedAt: undefined }, ran), TARGET);
    expect(stopped.tests.map((t) => [t.id, t.status])).toEqual([
      ['compute-cpu', 'pass'],
      ['compute-gpu', 'fail'],
    ]);
    // A job that says it finished without compute-gpu's result is not whole either.
    const finished = collectedSmokeResult(slurm(m, [...ran, { id: 'train', suite: 'train' }]), TARGET);
    expect(finished.interrupted).toMatch(/recorded no result of compute-gpu$/);
    expect(finished.tests.map((t) => [t.id, t.status])).toEqual([
      ['compute-cpu', 'pass'],
      ['compute-gpu', 'fail'],
      ['train', 'pass'],
    ]);
  });

  it('fails the first suite of a job stopped before any suite ran (a failed import)', () => {
    const r = collectedSmokeResult(slurm(meta({ finishedAt: undefined }), []), TARGET);
    expect(r.tests).toMatchObject([{ id: 'imports', suite: 'imports', status: 'fail' }]);
    expect(r.summary.fail).toBe(1);
  });
});

describe('the smoke attestation of a collected result', () => {
  it('names the cluster job as the runner, never the attesting job, and says when the suites ran', () => {
    const job = slurm(meta({ gpusPerNode: 8, suites: ['gpu'] }), [
      {
        id: 'gpu',
        suite: 'gpu',
        extra: { metrics: { gpus: 8, names: ['NVIDIA B200'], driver: '570.86.15' } },
      },
    ]);
    const smoke = collectedSmokeResult(job, TARGET);
    const predicate = buildSmokePredicate({
      smoke,
      // Captured on a GPU runner (one H100): not the GPUs the cluster's suites ran on.
      record: cudaRecord(),
      variant: 'cpu',
      imageRef: TARGET.image,
      digest: AMD,
      platform: 'linux/amd64',
      // The attesting job's runner: not where the suites ran.
      env: { RUNNER_NAME: 'GitHub Actions 7', RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64' },
      toolVersion: '0.1.0',
      finishedAt: '2026-12-07T00:00:00Z',
    });
    expect(predicate.runner).toEqual({ name: 'Slurm job 42 on node-a', os: 'Linux', arch: 'X64' });
    expect(predicate.gpus.requested).toBe('all');
    expect(predicate.gpus.devices).toEqual(
      Array.from({ length: 8 }, () => ({ name: 'NVIDIA B200', driver: '570.86.15' })),
    );
    expect(predicate.gpus.cuda).toBe(cudaRecord().cuda.runtime);
    expect(predicate.finishedAt).toBe('2026-12-06T10:02:30.000Z');
    expect(predicate.verdict).toBe('pass');
    expect(smokeContradictions(predicate)).toEqual([]);
  });
});

describe('gpusFromTests: the GPUs a gpu test says it saw', () => {
  const gpu = (metrics: Record<string, unknown>) => [
    { id: 'gpu', suite: 'gpu', status: 'pass' as const, durationMs: 1, metrics },
  ];
  it.each([
    ['8 of one model', { gpus: 8, names: ['NVIDIA H100'], driver: '570' }, 8],
    [
      'a count no host holds (a cluster record says 1e9): one device, not an attest stage out of memory',
      { gpus: 1e9, names: ['NVIDIA H100'], driver: '570' },
      1,
    ],
    ['no names, CUDA counted 4', { names: [], cuda_devices: 4 }, 4],
    ['no names, an unbelievable CUDA count', { names: [], cuda_devices: 2 ** 31 }, 0],
  ])('%s', (_n, metrics, devices) => {
    expect(gpusFromTests(gpu(metrics))).toHaveLength(devices);
  });
});

describe('slurmJob and k8sJob: the job as read', () => {
  it('refuses a record that does not parse, naming its file, and two records of one test', () => {
    const bad = () =>
      slurmJob('d', { file: 'd/job.json', text: JSON.stringify(meta()) }, [
        { file: 'd/imports.json', text: '{"id": "imports", "status": "pass"' },
      ]);
    expect(inputErrorOf(bad).message).toMatch(
      /^d\/imports\.json: the suite's result: not JSON: .* at line 1, column 35$/,
    );
    // Audit: nested past the readers' limit, its metrics overflowed the redaction ("internal error").
    const deep = () =>
      slurmJob('d', { file: 'd/job.json', text: JSON.stringify(meta()) }, [
        {
          file: 'd/imports.json',
          text: `{"id": "imports", "metrics": {"x": ${'['.repeat(5000)}${']'.repeat(5000)}}}`,
        },
      ]);
    expect(inputErrorOf(deep).message).toMatch(
      /^d\/imports\.json: the suite's result: JSON nested deeper than 64 levels/,
    );
    const bom = () => slurmJob('d', { file: 'd/job.json', text: `\uFEFF${JSON.stringify(meta())}` }, []);
    expect(inputErrorOf(bom).message).toMatch(
      /^d\/job\.json: the job's description: not JSON: a byte order mark/,
    );
    const noStatus = () =>
      slurmJob('d', { file: 'd/job.json', text: JSON.stringify(meta()) }, [
        {
          file: 'd/imports.json',
          text: JSON.stringify({ id: 'imports', suite: 'imports', durationMs: 1, exitCode: 0 }),
        },
      ]);
    expect(inputErrorOf(noStatus).message).toMatch(/^d\/imports\.json: the suite's result: .*status/);
    const twice = () =>
      slurmJob('d', { file: 'd/job.json', text: JSON.stringify(meta()) }, [
        { file: 'd/imports.json', text: record('imports', 'imports') },
        { file: 'e/imports.json', text: record('imports', 'imports') },
      ]);
    expect(inputErrorOf(twice).message).toMatch(
      /two results of the test imports \(d\/imports\.json and e\/imports\.json\)/,
    );
    // Audit: imports.json holding the ddp test's record (a result line whose "id" won over the one the
    // job put first: JSON takes the last) stood in for the ddp result the job did not record.
    const misnamed = () =>
      slurmJob('d', { file: 'd/job.json', text: JSON.stringify(meta()) }, [
        { file: 'd/imports.json', text: record('imports', 'imports', 'pass', { id: 'ddp', suite: 'ddp' }) },
      ]);
    expect(inputErrorOf(misnamed).message).toMatch(
      /^d\/imports\.json: the suite's result is of the test ddp, not of the test its file is named for/,
    );
    // An earlier run's file in a directory used again (results/local): not this job's suite.
    const stale = () =>
      slurmJob('d', { file: 'd/job.json', text: JSON.stringify(meta({ suites: ['imports'] })) }, [
        { file: 'd/imports.json', text: record('imports', 'imports') },
        { file: 'd/train.json', text: record('train', 'train') },
      ]);
    expect(inputErrorOf(stale).message).toMatch(
      /^d\/train\.json: a result of the test train \(suite train\), which the job of d\/job\.json does not run \(imports\)/,
    );
    // compute-gpu of an earlier GPU run, beside this CPU job's compute-cpu: the suite is the job's,
    // the test is not.
    const staleGpu = () =>
      slurmJob('d', { file: 'd/job.json', text: JSON.stringify(meta({ suites: ['compute'] })) }, [
        { file: 'd/compute-cpu.json', text: record('compute-cpu', 'compute') },
        { file: 'd/compute-gpu.json', text: record('compute-gpu', 'compute') },
      ]);
    expect(inputErrorOf(staleGpu).message).toMatch(
      /^d\/compute-gpu\.json: a result of the test compute-gpu \(suite compute\), which the job of d\/job\.json does not run \(compute-cpu\)/,
    );
    expect(
      slurmJob(
        'd',
        { file: 'd/job.json', text: JSON.stringify(meta({ suites: ['compute'], gpusPerNode: 'all' })) },
        [
          { file: 'd/compute-cpu.json', text: record('compute-cpu', 'compute') },
          { file: 'd/compute-gpu.json', text: record('compute-gpu', 'compute') },
        ],
      ).records,
    ).toHaveLength(2);
    const k8s = () =>
      slurmJob('d', { file: 'd/job.json', text: JSON.stringify(meta({ target: 'k8s' })) }, []);
    expect(inputErrorOf(k8s).message).toMatch(/is of a k8s job, not a Slurm one/);
  });

  const k8sMeta = (over: Partial<JobMeta> = {}) =>
    JSON.stringify(meta({ target: 'k8s', job: 'ml-image-smoke-cpu', pod: 0, node: 'gpu-7', ...over }));
  const POD0 = [
    `ML_IMAGE_JOB ${k8sMeta({ finishedAt: undefined })}`,
    'some output of the driver',
    `ML_IMAGE_RESULT ${record('imports', 'imports')}`,
    `ML_IMAGE_RESULT ${record('compute-cpu', 'compute', 'fail', { reason: 'too slow' })}`,
    '  | Traceback (most recent call last):',
    '  | RuntimeError: boom',
    `ML_IMAGE_RESULT ${record('ddp', 'ddp')}`,
    `ML_IMAGE_JOB ${k8sMeta()}`,
  ];

  it("reads pod 0's part of the log, a failing suite's tail lines as its output", () => {
    const job = k8sJob(POD0.join('\n'), 'smoke.log');
    expect(job.meta.finishedAt).toBe('2026-12-06T10:02:30Z');
    expect(job.metaWhere).toBe('smoke.log, line 8');
    expect(job.records.map((r) => r.record.id)).toEqual(['imports', 'compute-cpu', 'ddp']);
    expect(job.records[1]!.output).toBe('Traceback (most recent call last):\nRuntimeError: boom');
    expect(job.records[0]!.output).toBeUndefined();
    const r = collectedSmokeResult(job, TARGET);
    expect(r.runner?.name).toBe('Kubernetes Job ml-image-smoke-cpu, pod 0 on gpu-7');
    expect(r.interrupted).toBeUndefined();
  });

  it('reads a log saved with kubectl logs --timestamps (and --prefix), and one that starts with a byte-order mark', () => {
    const stamped = POD0.map((l, i) => `2026-12-06T10:00:0${i}.123456789Z ${l}`);
    const prefixed = stamped.map((l) => `[pod/ml-image-smoke-cpu-0-x/smoke] ${l}`);
    for (const text of [stamped.join('\n'), prefixed.join('\n'), `\uFEFF${POD0.join('\r\n')}`]) {
      const job = k8sJob(text, 'smoke.log');
      expect(job.records.map((r) => [r.record.id, r.output])).toEqual([
        ['imports', undefined],
        ['compute-cpu', 'Traceback (most recent call last):\nRuntimeError: boom'],
        ['ddp', undefined],
      ]);
      expect(job.meta.finishedAt).toBe('2026-12-06T10:02:30Z');
    }
  });

  it('reads the pods of a multi-pod Job, in any order and interleaved under --prefix', () => {
    const worker = [
      `ML_IMAGE_JOB ${k8sMeta({ pod: 1, node: 'gpu-8', nodes: 2, finishedAt: undefined })}`,
      `ML_IMAGE_RESULT ${record('ddp', 'ddp', 'pass', { reason: 'worker pod: rank 0 on pod 0 reports the metrics' })}`,
    ];
    const pod0 = POD0.map((l) => l.replace('"nodes":1', '"nodes":2'));
    const plain = k8sJob([...worker, ...pod0].join('\n'), 'smoke.log');
    expect(plain.records.map((r) => r.record.id)).toEqual(['imports', 'compute-cpu', 'ddp']);
    expect(plain.records[2]!.record.reason).toBe('');
    // kubectl logs --prefix -f: the pods' lines mixed, each under its pod's prefix.
    const mixed: string[] = [];
    for (let i = 0; i < Math.max(pod0.length, worker.length); i++) {
      if (pod0[i]) mixed.push(`[pod/ml-image-smoke-cpu-0-x/smoke] ${pod0[i]}`);
      if (worker[i]) mixed.push(`[pod/ml-image-smoke-cpu-1-y/smoke] ${worker[i]}`);
    }
    const prefixed = k8sJob(mixed.join('\r\n'), 'smoke.log');
    expect(prefixed.records.map((r) => [r.record.id, r.output])).toEqual([
      ['imports', undefined],
      ['compute-cpu', 'Traceback (most recent call last):\nRuntimeError: boom'],
      ['ddp', undefined],
    ]);
    expect(collectedSmokeResult(prefixed, TARGET).runner?.name).toBe(
      'Kubernetes Job ml-image-smoke-cpu, pod 0 on gpu-7 (2 pods)',
    );
  });

  it.each([
    [
      'no job line',
      'hello\nML_IMAGE_RESULT {}',
      /smoke\.log, line 2: a suite's result before the job's ML_IMAGE_JOB line/,
    ],
    ['nothing of a job', 'hello\nworld\n', /smoke\.log: no ML_IMAGE_JOB line/],
    [
      'two runs in one log',
      [...POD0, ...POD0].join('\n'),
      /smoke\.log, line 9: pod 0 starts again \(it started at line 8\)/,
    ],
    [
      'no pod 0',
      `ML_IMAGE_JOB ${k8sMeta({ pod: 1 })}`,
      /no line of pod 0, which runs the suites \(the log has pod 1\)/,
    ],
    [
      'two jobs',
      `ML_IMAGE_JOB ${k8sMeta()}\nML_IMAGE_JOB ${k8sMeta({ pod: 1, job: 'other' })}`,
      /the pods of 2 jobs \(ml-image-smoke-cpu, other\)/,
    ],
    [
      'a broken result line',
      `ML_IMAGE_JOB ${k8sMeta()}\nML_IMAGE_RESULT {"id": 1}`,
      /smoke\.log, line 2: the suite's result: /,
    ],
    // Audit: a result of a test the job does not run (or of another suite) was taken, and signed.
    [
      'a result of a test the job does not run',
      [...POD0.slice(0, -1), `ML_IMAGE_RESULT ${record('gpu', 'gpu')}`, POD0.at(-1)].join('\n'),
      /^smoke\.log, line 8: a result of the test gpu \(suite gpu\), which the job of smoke\.log, line 9 does not run \(imports, compute-cpu, ddp\)/,
    ],
    [
      'a result under another suite',
      [POD0[0], `ML_IMAGE_RESULT ${record('imports', 'gpu')}`, POD0.at(-1)].join('\n'),
      /^smoke\.log, line 2: a result of the test imports \(suite gpu\), which the job/,
    ],
    // Audit: pod 0's last line said another image (or machine) than its first, and was believed.
    [
      "pod 0's lines of two images",
      [...POD0.slice(0, -1), `ML_IMAGE_JOB ${k8sMeta({ image: `ghcr.io/acme/train@${OTHER}` })}`].join('\n'),
      /^smoke\.log, line 8: pod 0's job line differs from its earlier one \(at line 1\) in more than finishedAt/,
    ],
    [
      "pod 0's lines of two machines",
      [...POD0.slice(0, -1), `ML_IMAGE_JOB ${k8sMeta({ machine: 'aarch64' })}`].join('\n'),
      /pod 0's job line differs from its earlier one/,
    ],
    [
      "a Slurm job's line",
      `ML_IMAGE_JOB ${JSON.stringify(meta())}`,
      /is of a slurm job, not a Kubernetes one/,
    ],
  ])('refuses a log with %s (exit 2)', (_n, text, message) => {
    const e = inputErrorOf(() => k8sJob(text, 'smoke.log'));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(message);
  });

  // The log is the image's to write (its suites print what they like, ML_IMAGE_RESULT lines too):
  // any mix of its lines, each line's JSON with any value in place of one of its fields, is a job
  // or bad input naming the log, never an exception of another kind.
  it('any mutation of a genuine log: a job of its records, or an InputError naming the log', () => {
    const junk = fc.constantFrom(
      'ML_IMAGE_JOB ',
      'ML_IMAGE_RESULT ',
      'ML_IMAGE_RESULT null',
      'ML_IMAGE_JOB []',
      `ML_IMAGE_RESULT ${'['.repeat(100)}${']'.repeat(100)}`,
      '  | ',
      '[pod/x/smoke] ',
      '\uFEFF',
    );
    const line = fc.oneof(
      { arbitrary: fc.constantFrom(...POD0), weight: 4 },
      { arbitrary: junk, weight: 1 },
      {
        arbitrary: fc
          .tuple(
            fc.constantFrom(...POD0.filter((l) => l.startsWith('ML_IMAGE_'))),
            fc.string(),
            fc.jsonValue({ maxDepth: 2 }),
          )
          .map(([l, k, v]) => {
            const at = l.indexOf(' ') + 1;
            const o = JSON.parse(l.slice(at)) as Record<string, unknown>;
            const keys = Object.keys(o);
            const key = keys.length > 0 && k.length % 3 !== 0 ? keys[k.length % keys.length]! : k;
            return `${l.slice(0, at)}${JSON.stringify({ ...o, [key]: v })}`;
          }),
        weight: 2,
      },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        let job: ReturnType<typeof k8sJob>;
        try {
          job = k8sJob(lines.join(eol), 'smoke.log');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message).toContain('smoke.log');
          return;
        }
        expect(job.meta.target).toBe('k8s');
        for (const r of job.records) expect(typeof r.record.id).toBe('string');
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});

/** A command's io, with the build's registry (REGISTRY) behind the built-in client. */
const captureIo = (cwd: string) => ({ ...fakeIo(cwd), registryFetch: REGISTRY.fetch });

describe('ml-image collect', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-collect-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** DIR/out with build.json; DIR/export/results/42 with a Slurm job's files. */
  function layout(m: JobMeta = meta(), failErr = 'Traceback: boom\n') {
    const out = path.join(dir, 'out');
    openResultDir(out).writeBuild(build());
    const job = path.join(dir, 'export', 'results', '42');
    mkdirSync(job, { recursive: true });
    writeFileSync(path.join(job, 'job.json'), `${JSON.stringify(m)}\n`);
    writeFileSync(path.join(job, 'imports.json'), `${record('imports', 'imports')}\n`);
    writeFileSync(path.join(job, 'imports.err'), 'not kept: it passed\n');
    writeFileSync(
      path.join(job, 'compute-cpu.json'),
      `${record('compute-cpu', 'compute', 'fail', { reason: 'slow' })}\n`,
    );
    writeFileSync(path.join(job, 'compute-cpu.err'), failErr);
    writeFileSync(path.join(job, 'ddp.json'), `${record('ddp', 'ddp')}\n`);
    writeFileSync(path.join(job, 'import.err'), '');
    return { out, job };
  }

  it('writes the smoke result and its JUnit form of the target, drops its reuse key, and says so', async () => {
    const { out } = layout();
    writeFileSync(path.join(out, 'smoke-key-cpu-amd64.txt'), `${AMD} ${'0'.repeat(64)}\n`);
    const io = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(0);
    const r = SmokeResultSchema.parse(
      JSON.parse(readFileSync(path.join(out, 'smoke-cpu-amd64.json'), 'utf8')),
    );
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['imports', 'pass'],
      ['compute-cpu', 'fail'],
      ['ddp', 'pass'],
    ]);
    expect(r.tests[1]!.output).toBe('Traceback: boom');
    expect(r.tests[0]).not.toHaveProperty('output');
    expect(readFileSync(path.join(out, 'junit-cpu-amd64.xml'), 'utf8')).toContain('Traceback: boom');
    expect(existsSync(path.join(out, 'smoke-key-cpu-amd64.txt'))).toBe(false);
    expect(io.out()).toContain(
      'collected 3 test(s) of Slurm job 42 on node-a: 2 passed, 1 failed, 0 skipped',
    );
    expect(io.out()).toContain('ml-image report --results out');
    // No environment record of the target: the report needs one, which the smoke stage captures.
    expect(io.err()).toMatch(
      /^warning: out has no environment record of cpu on linux\/amd64 \(env-cpu-amd64\.json\), which "ml-image report" needs/m,
    );

    const json = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export/results/42', '--out', 'out', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({
      variant: 'cpu',
      platform: 'linux/amd64',
      image: `ghcr.io/acme/train@${AMD}`,
      ranOn: 'Slurm job 42 on node-a',
      tests: { pass: 2, fail: 1, skip: 0 },
    });
  });

  it("masks the image's own secret values by value, its config read from the registry by the platform's digest", async () => {
    const { out, job } = layout(meta(), `wandb login failed for key ${WANDB}\nTraceback: boom\n`);
    writeFileSync(
      path.join(job, 'compute-cpu.json'),
      `${record('compute-cpu', 'compute', 'fail', { reason: `rejected ${WANDB}` })}\n`,
    );
    const io = captureIo(dir);
    const before = REGISTRY.requests.length;
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(0);
    const written = [
      readFileSync(path.join(out, 'smoke-cpu-amd64.json'), 'utf8'),
      readFileSync(path.join(out, 'junit-cpu-amd64.xml'), 'utf8'),
      io.out(),
      io.err(),
    ].join('\n');
    expect(written).not.toContain(WANDB);
    const t = SmokeResultSchema.parse(
      JSON.parse(readFileSync(path.join(out, 'smoke-cpu-amd64.json'), 'utf8')),
    ).tests[1]!;
    expect(t.output).toBe('wandb login failed for key [redacted]\nTraceback: boom');
    expect(t.reason).toBe('rejected [redacted]');
    // Two reads of the amd64 image (the node's machine), no pull: its manifest and its config.
    expect(REGISTRY.requests.slice(before)).toEqual([
      `GET /v2/acme/train/manifests/${AMD}`,
      expect.stringMatching(/^GET \/v2\/acme\/train\/blobs\/sha256:[0-9a-f]{64}$/),
    ]);
  });

  it.each([
    [
      'an image the registry does not hold',
      hex('e'),
      /registry ghcr\.io has no image ghcr\.io\/acme\/train@sha256:e{64}/,
    ],
    [
      'an index without the platform',
      REGISTRY.manifest('acme/train', {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: ARM,
            size: 1,
            platform: { os: 'linux', architecture: 'arm64' },
          },
        ],
      }),
      /the index ghcr\.io\/acme\/train@sha256:[0-9a-f]{64} lists no linux\/amd64 image/,
    ],
  ])(
    "exits 3 when the image's config cannot be read (%s), writing nothing; --no-image-mask collects without it",
    async (_n, digest, message) => {
      const { out } = layout();
      const b = build();
      b.variants[0]!.platforms[0]!.digest = digest;
      openResultDir(out).writeBuild(b);
      const io = captureIo(dir);
      expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(3);
      expect(io.err()).toMatch(
        /collect: the config of \S+ could not be read, to mask the image's own secret values in the job's output: /,
      );
      expect(io.err()).toMatch(message);
      expect(io.err()).toContain('--no-image-mask collects without it');
      expect(existsSync(path.join(out, 'smoke-cpu-amd64.json'))).toBe(false);

      const before = REGISTRY.requests.length;
      const without = captureIo(dir);
      expect(await runCli(['collect', '--slurm', 'export', '--out', 'out', '--no-image-mask'], without)).toBe(
        0,
      );
      expect(REGISTRY.requests.length).toBe(before);
      expect(existsSync(path.join(out, 'smoke-cpu-amd64.json'))).toBe(true);
    },
  );

  it('shows where the tests ran, and a stopped job, in the report', async () => {
    const { out } = layout(meta({ finishedAt: undefined }));
    // The report's core is the environment record, which the smoke stage captured on the runner.
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image:\n  name: acme/train\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
    );
    openResultDir(out).writeEnv('cpu', 'linux/amd64', makeRecord({ ref: TARGET.image, variant: 'cpu' }));
    const collected = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], collected)).toBe(0);
    expect(collected.err()).toBe('');
    const io = captureIo(dir);
    const code = await runCli(['report', '--results', 'out'], io);
    expect(io.err()).toContain('1 smoke test failing');
    expect(code).toBe(0);
    const md = readFileSync(path.join(out, 'report-cpu.md'), 'utf8');
    expect(md).toContain('ran on Slurm job 42 on node-a');
    expect(md).toContain('stopped before every test ran: the job ended before every suite ran');
  });

  it.each([
    ['not JSON', 'not json\n', /not JSON/],
    ['an empty object', '{}\n', /schemaVersion: expected a positive integer/],
    [
      "a later ml-image's schema",
      '{"schemaVersion": 99}\n',
      /schemaVersion 99 is newer than this version of ml-image reads/,
    ],
  ])(
    'warns of an environment record there that does not read (%s), naming it and why, as of a missing one',
    async (_n, text, why) => {
      const { out } = layout();
      writeFileSync(path.join(out, 'env-cpu-amd64.json'), text);
      const io = captureIo(dir);
      // The smoke result is collect's job: written, exit 0; the record is only warned of.
      expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(0);
      expect(existsSync(path.join(out, 'smoke-cpu-amd64.json'))).toBe(true);
      const warning = io
        .err()
        .split('\n')
        .find((l) => l.startsWith('warning: out has no readable environment record'));
      expect(warning).toMatch(
        /^warning: out has no readable environment record of cpu on linux\/amd64 \(\S+\/out\/env-cpu-amd64\.json: .+\), which "ml-image report" needs: collect again with --capture/,
      );
      expect(warning).toMatch(why);
      expect(readFileSync(path.join(out, 'env-cpu-amd64.json'), 'utf8')).toBe(text);
    },
  );

  it("warns of an environment record there of another image than the job's, naming both digests; one of the job's image is not warned of", async () => {
    const { out } = layout();
    const results = openResultDir(out);
    results.writeEnv(
      'cpu',
      'linux/amd64',
      makeRecord({ ref: `ghcr.io/acme/train@${OTHER}`, variant: 'cpu' }),
    );
    const io = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(0);
    expect(io.err()).toContain(
      `warning: out's environment record of cpu on linux/amd64 (env-cpu-amd64.json) is of another image (${OTHER}), not of the job's ${AMD}: "ml-image report" leaves it out, and needs one of the job's image: collect again with --capture`,
    );

    results.writeEnv('cpu', 'linux/amd64', makeRecord({ ref: TARGET.image, variant: 'cpu' }));
    const again = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], again)).toBe(0);
    expect(again.err()).toBe('');
  });

  it.each([
    [['--out', 'out'], /pass exactly one of --slurm DIR or --k8s LOGFILE/],
    [['--slurm', 'export'], /--out DIR is required/],
    [['--slurm', 'export', '--out', 'export'], /--out export: no build\.json in/],
    [['--slurm', 'out', '--out', 'out'], /--slurm out: no job\.json in/],
    [['--k8s', 'missing.log', '--out', 'out'], /missing\.log: the pod log is not there/],
  ])('exits 2 for %j', async (args, message) => {
    layout();
    const io = captureIo(dir);
    expect(await runCli(['collect', ...args], io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(existsSync(path.join(dir, 'out', 'smoke-cpu-amd64.json'))).toBe(false);
  });

  it("escapes the job's own text in what it prints (a suite name from job.json with a terminal escape)", async () => {
    layout(
      meta({
        tests: [...meta().tests, { id: '\u001b]0;pwned\u0007x', suite: 'custom' }],
      }),
    );
    const io = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(0);
    expect(io.out()).toContain(
      'stopped: the job says it finished, but recorded no result of \\u001b]0;pwned',
    );
    expect(io.out()).not.toContain('\u001b');
    expect(io.out()).not.toContain('\u0007');
  });

  it("keeps the end of a failing suite's stderr however long it grew (past 64 MiB)", async () => {
    const { out, job } = layout();
    // Sparse: 65 MiB of nothing, then the end that matters.
    const fd = openSync(path.join(job, 'compute-cpu.err'), 'w');
    writeSync(fd, 'Traceback: boom\nRuntimeError: the end\n', 65 * 1024 * 1024);
    closeSync(fd);
    const io = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(0);
    const r = SmokeResultSchema.parse(
      JSON.parse(readFileSync(path.join(out, 'smoke-cpu-amd64.json'), 'utf8')),
    );
    expect(r.tests[1]!.output).toBe('RuntimeError: the end');
  });

  it("reads only the records of an exported job's test names (a person's notes.json there is none), and refuses one that is a link leading nowhere (exit 2)", async () => {
    const { job } = layout();
    mkdirSync(path.join(job, 'old.json'));
    writeFileSync(path.join(job, 'notes.json'), '{"mine": true}\n');
    const io = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(0);
    expect(io.out()).toContain('collected 3 test(s)');
    symlinkSync(path.join(job, 'gone'), path.join(job, 'train.json'));
    const dangling = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], dangling)).toBe(2);
    expect(dangling.err()).toMatch(
      /collect: \S*export\/results\/42\/train\.json: the suite's result is a symbolic link, not a file the job wrote/,
    );
    rmSync(path.join(job, 'train.json'));
    symlinkSync('train.json', path.join(job, 'train.json'));
    const loop = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], loop)).toBe(2);
    expect(loop.err()).toMatch(/train\.json: the suite's result is a symbolic link/);
  });

  // Audit: a link planted in the results directory was followed: a failing suite's .err leading to
  // a file of the collecting machine put its end into the report and the signed smoke result.
  it.each([
    ['compute-cpu.err', "suite's stderr"],
    ['ddp.json', "suite's result"],
    ['job.json', "job's description"],
  ])('refuses %s that is a link to a readable file (exit 2), and writes nothing', async (name, what) => {
    const { out, job } = layout();
    const secret = path.join(dir, 'credentials');
    const real = path.join(job, name);
    writeFileSync(
      secret,
      name.endsWith('.err') ? 'aws_secret=s3cr3t-of-the-collector\n' : readFileSync(real),
    );
    rmSync(real);
    symlinkSync(secret, real);
    const io = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(2);
    expect(io.err()).toContain(`${name}: the ${what} is a symbolic link, not a file the job wrote`);
    expect(existsSync(path.join(out, 'smoke-cpu-amd64.json'))).toBe(false);
  });

  it('--capture without a Docker engine is exit 3 and leaves the directory as it was (a record that does not read too)', async () => {
    const { out } = layout();
    const down = () =>
      Promise.reject(
        new EnvironmentError(
          'Cannot connect to the Docker daemon at unix:///var/run/docker.sock',
          'start dockerd',
        ),
      );
    const docker = fakeDocker({
      ping: down,
      imagetoolsInspect: down,
      imagetoolsRaw: down,
      imagePlatform: down,
      inspectImage: down,
      runContainer: down,
    });
    // A record there that does not read: said to be replaced, and left as it was when the capture fails.
    writeFileSync(path.join(out, 'env-cpu-amd64.json'), '{"schemaVersion": 99}\n');
    const io = { ...fakeIo(dir, docker), registryFetch: REGISTRY.fetch };
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out', '--capture'], io)).toBe(3);
    expect(io.err()).toMatch(
      /^warning: collect: --capture: the environment record there does not read \(.+\): the captured one replaces it$/m,
    );
    expect(io.err()).toContain('Cannot connect to the Docker daemon');
    expect(existsSync(path.join(out, 'smoke-cpu-amd64.json'))).toBe(false);
    expect(readFileSync(path.join(out, 'env-cpu-amd64.json'), 'utf8')).toBe('{"schemaVersion": 99}\n');
  });

  it("refuses a job.json of an earlier export's schema (version 1 listed suites, not tests), saying to export again (exit 2)", async () => {
    const { job } = layout();
    const { tests: _tests, ...rest } = meta();
    writeFileSync(
      path.join(job, 'job.json'),
      `${JSON.stringify({ ...rest, schemaVersion: 1, suites: ['imports', 'compute', 'ddp'] })}\n`,
    );
    const io = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(2);
    expect(io.err()).toMatch(
      /job\.json: the job's description is of schema version 1, which an earlier ml-image wrote; this one reads version 2/,
    );
    expect(io.err()).toContain('export the job again with this version of ml-image');
  });

  it('asks which job when the export directory holds the results of two', async () => {
    const { job } = layout();
    const second = path.join(path.dirname(job), '43');
    mkdirSync(second);
    writeFileSync(path.join(second, 'job.json'), JSON.stringify(meta({ job: '43' })));
    const io = captureIo(dir);
    expect(await runCli(['collect', '--slurm', 'export', '--out', 'out'], io)).toBe(2);
    expect(io.err()).toMatch(/the results of 2 jobs are there \(42, 43\)/);
  });

  it('reads a Kubernetes pod log into the target of its node', async () => {
    const { out } = layout();
    const lines = [
      `ML_IMAGE_JOB ${JSON.stringify(meta({ target: 'k8s', job: 'smoke', pod: 0, machine: 'aarch64', finishedAt: undefined }))}`,
      `ML_IMAGE_RESULT ${record('imports', 'imports')}`,
      `ML_IMAGE_JOB ${JSON.stringify(meta({ target: 'k8s', job: 'smoke', pod: 0, machine: 'aarch64' }))}`,
    ];
    writeFileSync(path.join(dir, 'smoke.log'), `${lines.join('\n')}\n`);
    const io = captureIo(dir);
    expect(await runCli(['collect', '--k8s', 'smoke.log', '--out', 'out'], io)).toBe(0);
    const r = JSON.parse(readFileSync(path.join(out, 'smoke-cpu-arm64.json'), 'utf8')) as {
      image: string;
      runner: object;
    };
    expect(r.image).toBe(`ghcr.io/acme/train@${ARM}`);
    expect(r.runner).toEqual({ name: 'Kubernetes Job smoke, pod 0 on node-a', os: 'Linux', arch: 'ARM64' });
  });
});
