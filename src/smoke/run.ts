// The smoke runner: each suite in its own container of the image (timeout per test, output kept,
// the container removed in every case), results classified and written as smoke.json + junit.xml.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { redactDeep } from '../capture/redact.js';
import type { CustomTestSpec as CustomTest, SmokeSuite } from '../config/schema.js';
import type { ContainerRunSpec, DockerAdapter, ImageDetails } from '../docker/adapter.js';
import { applyFloors, type Baseline, bundledBaseline } from './baselines.js';
import { classifyFailure } from './classify.js';
import { SMOKE_RESULT_SCHEMA_VERSION, type SmokeResult, type SmokeTest } from './result.js';

export interface SmokeInput {
  image: string;
  platform?: string;
  suites: readonly SmokeSuite[];
  /** 'all': pass every GPU to the containers (the `--gpus all` equivalent); 'none': CPU only. */
  gpus: 'all' | 'none';
  /** Fail GPU suites instead of skipping them when no GPU is visible. */
  requireGpu: boolean;
  /** Distributions whose modules the imports suite imports (from the requirements). */
  distributions: readonly string[];
  tests: readonly CustomTest[];
  /** NVIDIA driver floor of the variant (from the plan), for the gpu suite. */
  driverFloor?: string;
  /** Minimum fractional loss drop for the train suite. */
  minLossDrop?: number;
  timeoutMs: number;
  imagesDir: string;
  /** Per-GPU throughput floors (default: the bundled baselines). */
  baseline?: Baseline;
}

const GPU_SUITES = new Set<SmokeSuite>(['gpu']);

/** `--gpus auto`: GPUs when the daemon has the NVIDIA runtime (or CDI specs), else CPU only. */
export async function resolveGpus(
  mode: 'auto' | 'all' | 'none',
  docker: DockerAdapter,
): Promise<'all' | 'none'> {
  if (mode !== 'auto') return mode;
  const f = await docker.daemonFeatures();
  return f.runtimes.includes('nvidia') || f.cdiSpecDirs.length > 0 ? 'all' : 'none';
}

export async function runSmoke(
  input: SmokeInput,
  deps: {
    docker: DockerAdapter;
    progress?: (l: string) => void;
    /** Each chunk of a test's output as it arrives (redacted), for a live view. */
    output?: (chunk: string, test: string) => void;
  },
): Promise<SmokeResult> {
  const t0 = Date.now();
  const progress = deps.progress ?? (() => undefined);
  const script = readFileSync(path.join(input.imagesDir, 'probe', 'ml_image_smoke.py'), 'utf8');
  const details = await deps.docker.inspectImage(input.image, input.platform);
  const platform = input.platform ?? `${details.os}/${details.architecture}`;
  const tests: SmokeTest[] = [];

  let current = '';
  const run = async (spec: Omit<ContainerRunSpec, 'image'>) =>
    deps.docker.runContainer({
      ...(deps.output && { onOutput: (chunk: string) => deps.output!(redactDeep(chunk), current) }),
      image: input.image,
      ...(input.platform !== undefined && { platform: input.platform }),
      ...(input.gpus === 'all' && { gpus: 'all' as const }),
      labels: { 'io.github.ml-image-action.stage': 'smoke' },
      timeoutMs: input.timeoutMs,
      ...spec,
    });

  // A suite of the smoke script: written to /tmp in the container (torchrun needs a file), run there.
  const suite = async (
    id: string,
    name: SmokeSuite,
    args: string[],
    extra: Partial<ContainerRunSpec> = {},
  ) => {
    const started = Date.now();
    const boot = `import base64,runpy,sys;p="/tmp/ml_image_smoke.py";open(p,"w").write(base64.b64decode(sys.argv[1]).decode());sys.argv=[p]+sys.argv[2:];runpy.run_path(p,run_name="__main__")`;
    const r = await run({
      entrypoint: ['python3'],
      cmd: ['-c', boot, Buffer.from(script).toString('base64'), name, ...args],
      ...extra,
    });
    const test: SmokeTest = {
      id,
      suite: name,
      status: 'fail',
      durationMs: Date.now() - started,
      metrics: {},
    };
    if (r.timedOut) {
      test.reason = `timed out after ${input.timeoutMs / 1000}s (the container was removed)`;
      test.output = tail(r.stdout + r.stderr);
    } else {
      const line = r.stdout.trim().split('\n').at(-1) ?? '';
      try {
        const out = JSON.parse(line) as {
          status: SmokeTest['status'];
          reason?: string;
          metrics?: Record<string, unknown>;
          output?: string;
          details?: { dist: string; module?: string; error?: string }[];
        };
        test.status = out.status;
        if (out.reason) test.reason = out.reason;
        test.metrics = out.metrics ?? {};
        if (out.status === 'fail') {
          // Failing imports as plain lines ("module (dist): error"), so the classifier sees the text.
          const details = Array.isArray(out.details)
            ? out.details
                .filter((d) => d.error)
                .map((d) => `${d.module ?? ''} (${d.dist}): ${d.error}`)
                .join('\n')
            : '';
          test.output = tail(`${out.output ?? ''}\n${details}\n${r.stderr}`);
        }
      } catch {
        test.reason = `the suite exited ${r.exitCode} without a result`;
        test.output = tail(r.stdout + r.stderr);
      }
    }
    return test;
  };

  for (const name of input.suites) {
    if (GPU_SUITES.has(name) && input.gpus === 'none') {
      tests.push(gpuAbsent(name, name, input.requireGpu));
      continue;
    }
    progress(`smoke ${name}: running`);
    current = name;
    switch (name) {
      case 'imports':
        tests.push(
          input.distributions.length === 0
            ? {
                id: 'imports',
                suite: name,
                status: 'skip',
                reason: 'no requirements declared to import',
                durationMs: 0,
                metrics: {},
              }
            : await suite('imports', name, [...input.distributions]),
        );
        break;
      case 'pip-check': {
        const started = Date.now();
        const r = await run({ entrypoint: ['python3'], cmd: ['-m', 'pip', 'check'] });
        const ok = r.exitCode === 0;
        tests.push({
          id: 'pip-check',
          suite: name,
          status: ok ? 'pass' : 'fail',
          ...(!ok && {
            reason: r.timedOut ? 'timed out' : 'pip check found broken requirements',
            output: tail(r.stdout + r.stderr),
          }),
          durationMs: Date.now() - started,
          metrics: {},
        });
        break;
      }
      case 'gpu':
        tests.push(await suite('gpu', name, [input.driverFloor ?? '']));
        break;
      case 'compute':
        tests.push(await suite('compute-cpu', name, ['cpu']));
        if (input.gpus === 'all')
          tests.push(
            applyFloors(await suite('compute-gpu', name, ['cuda']), input.baseline ?? bundledBaseline()),
          );
        break;
      case 'train':
        tests.push(await suite('train', name, [String(input.minLossDrop ?? 0.5)]));
        break;
      case 'ddp':
        // DDP needs shared memory (gloo and NCCL both use /dev/shm); Docker's default is 64 MiB.
        tests.push(await suite('ddp', name, ['auto'], { shmSizeBytes: 1024 ** 3 }));
        break;
      case 'custom':
        for (const t of input.tests) tests.push(await customTest(t, details, run, input.timeoutMs));
        break;
    }
    const last = tests.at(-1);
    if (last)
      progress(
        `smoke ${last.id}: ${last.status}${last.reason ? ` (${last.reason})` : ''} in ${(last.durationMs / 1000).toFixed(1)}s`,
      );
  }

  for (const t of tests) {
    if (t.status !== 'fail') continue;
    const cause = classifyFailure(`${t.reason ?? ''}\n${t.output ?? ''}`);
    if (cause) t.cause = cause;
  }
  const count = (s: SmokeTest['status']) => tests.filter((t) => t.status === s).length;
  return redactDeep({
    schemaVersion: SMOKE_RESULT_SCHEMA_VERSION,
    image: input.image,
    platform,
    gpus: input.gpus,
    tests,
    summary: { pass: count('pass'), fail: count('fail'), skip: count('skip'), durationMs: Date.now() - t0 },
  });
}

function tail(text: string, lines = 40): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

function gpuAbsent(id: string, suite: SmokeSuite, requireGpu: boolean): SmokeTest {
  return requireGpu
    ? {
        id,
        suite,
        status: 'fail',
        reason: 'no GPU on this runner, and require-gpu is set',
        durationMs: 0,
        metrics: {},
      }
    : {
        id,
        suite,
        status: 'skip',
        reason: 'no GPU on this runner (run on a GPU runner, or --gpus all)',
        durationMs: 0,
        metrics: {},
      };
}

async function customTest(
  t: CustomTest,
  details: ImageDetails,
  run: (
    spec: Omit<ContainerRunSpec, 'image'>,
  ) => Promise<{ exitCode: number | null; stdout: string; stderr: string; timedOut: boolean }>,
  timeoutMs: number,
): Promise<SmokeTest> {
  const started = Date.now();
  const id = `custom:${t.name}`;
  const result = (ok: boolean, reason: string, output?: string): SmokeTest => ({
    id,
    suite: 'custom',
    status: ok ? 'pass' : 'fail',
    ...(!ok && { reason }),
    ...(!ok && output !== undefined && { output: tail(output) }),
    durationMs: Date.now() - started,
    metrics: {},
  });
  if (t.command !== undefined) {
    const cmd = typeof t.command === 'string' ? ['sh', '-c', t.command] : [...t.command];
    const r = await run({ entrypoint: [cmd[0]!], cmd: cmd.slice(1) });
    const out = `${r.stdout}${r.stderr}`;
    if (r.timedOut)
      return result(false, `timed out after ${timeoutMs / 1000}s (the container was removed)`, out);
    if (r.exitCode !== t.exitCode)
      return result(false, `exit code ${r.exitCode}, expected ${t.exitCode}`, out);
    const missing = t.expectedOutput.find((re) => !new RegExp(re, 'm').test(out));
    if (missing) return result(false, `output does not match /${missing}/`, out);
    const unwanted = t.excludedOutput.find((re) => new RegExp(re, 'm').test(out));
    if (unwanted) return result(false, `output matches the excluded /${unwanted}/`, out);
    return result(true, '');
  }
  if (t.file !== undefined) {
    const f = t.file;
    const r = await run({
      entrypoint: ['python3'],
      cmd: [
        '-c',
        'import os,sys,json\ntry:\n s=os.stat(sys.argv[1]); print(json.dumps({"mode": oct(s.st_mode & 0o7777)[2:]}))\nexcept FileNotFoundError: print("{}")',
        f.path,
      ],
    });
    const info = JSON.parse(r.stdout.trim() || '{}') as { mode?: string };
    const exists = info.mode !== undefined;
    if (exists !== f.exists) return result(false, `${f.path} ${exists ? 'exists' : 'does not exist'}`);
    if (f.mode !== undefined && exists && info.mode!.padStart(4, '0') !== f.mode.padStart(4, '0')) {
      return result(false, `${f.path} has mode ${info.mode}, expected ${f.mode}`);
    }
    return result(true, '');
  }
  const m = t.metadata!;
  const env = Object.fromEntries(
    details.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  const problems: string[] = [];
  if (m.user !== undefined && details.user !== m.user)
    problems.push(`user is "${details.user}", expected "${m.user}"`);
  for (const [k, v] of Object.entries(m.env ?? {}))
    if (env[k] !== v) problems.push(`env ${k} is ${env[k] === undefined ? 'unset' : 'different'}`);
  for (const [k, v] of Object.entries(m.labels ?? {}))
    if (details.labels[k] !== v) problems.push(`label ${k} is "${details.labels[k] ?? ''}", expected "${v}"`);
  if (m.entrypoint !== undefined && JSON.stringify(details.entrypoint ?? []) !== JSON.stringify(m.entrypoint))
    problems.push(`entrypoint is ${JSON.stringify(details.entrypoint)}`);
  if (m.cmd !== undefined && JSON.stringify(details.cmd ?? []) !== JSON.stringify(m.cmd))
    problems.push(`cmd is ${JSON.stringify(details.cmd)}`);
  return result(problems.length === 0, problems.join('; '));
}
