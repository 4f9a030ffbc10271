// The built-in suites: each a part of the smoke script (images/probe/ml_image_smoke.py) run with
// python3 in its own container, whose last stdout line is its result; pip check; the GPU rule.
import { z } from 'zod';
import type { SmokeSuite } from '../config/schema.js';
import type { ContainerRunSpec } from '../docker/adapter.js';
import { bundledBaseline, floorsArg } from './baselines.js';
import { runCustomTests } from './custom.js';
import { lacksPython, noPythonReason, type RunOutcome, tail, timedOutReason } from './output.js';
import type { SmokeTest } from './result.js';
import { guarded, python, record, type SmokeInput, skipped, type SmokeSession } from './session.js';

const GPU_SUITES = new Set<SmokeSuite>(['gpu']);

/** The result line a suite of the smoke script prints last (its `emit`). */
const SuiteLineSchema = z.object({
  status: z.enum(['pass', 'fail', 'skip']),
  reason: z.string().optional(),
  metrics: z.record(z.string(), z.unknown()).optional(),
  output: z.string().optional(),
  /** The imports suite: one entry per module (or distribution that is not installed). */
  details: z
    .array(z.object({ dist: z.string(), module: z.string().optional(), error: z.string().optional() }))
    .optional(),
});

/** The smoke script's bootstrap: written to /tmp in the container (torchrun needs a file), run there. */
const BOOT = `import base64,runpy,sys;p="/tmp/ml_image_smoke.py";open(p,"w").write(base64.b64decode(sys.argv[1]).decode());sys.argv=[p]+sys.argv[2:];runpy.run_path(p,run_name="__main__")`;

/** Reads a suite's result line into TEST (status, reason, metrics, the output of a failure). */
export function readSuiteLine(test: SmokeTest, r: RunOutcome): void {
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  let out: z.infer<typeof SuiteLineSchema>;
  try {
    out = SuiteLineSchema.parse(JSON.parse(line));
  } catch {
    test.reason = `the suite exited ${r.exitCode} without a result`;
    test.output = tail(r.stdout + r.stderr);
    return;
  }
  test.status = out.status;
  if (out.reason) test.reason = out.reason;
  test.metrics = out.metrics ?? {};
  if (out.status === 'fail') {
    // Failing imports as plain lines ("module (dist): error"), so the classifier sees the text.
    const details = (out.details ?? [])
      .filter((d) => d.error)
      .map((d) => `${d.module ?? ''} (${d.dist}): ${d.error}`)
      .join('\n');
    test.output = tail(`${out.output ?? ''}\n${details}\n${r.stderr}`);
  }
}

/** A suite of the smoke script, run with python3 in its own container. */
export async function probeSuite(
  s: SmokeSession,
  id: string,
  name: SmokeSuite,
  args: string[],
  extra: Partial<ContainerRunSpec> = {},
): Promise<SmokeTest> {
  const started = Date.now();
  const r = await s.run({
    entrypoint: ['python3'],
    cmd: ['-c', BOOT, Buffer.from(s.script).toString('base64'), name, ...args],
    ...extra,
  });
  const test: SmokeTest = { id, suite: name, status: 'fail', durationMs: Date.now() - started, metrics: {} };
  if (r.timedOut) {
    test.reason = timedOutReason(s.input.timeoutMs);
    test.output = tail(r.stdout + r.stderr);
  } else if (lacksPython(r)) {
    test.reason = noPythonReason(s.input.image);
    test.output = tail(r.stdout + r.stderr);
    s.noPython = id;
  } else {
    readSuiteLine(test, r);
  }
  return test;
}

/** `python3 -m pip check` in the image. */
async function pipCheck(s: SmokeSession, name: SmokeSuite): Promise<SmokeTest> {
  const started = Date.now();
  const r = await s.run({ entrypoint: ['python3'], cmd: ['-m', 'pip', 'check'] });
  const ok = r.exitCode === 0;
  const missing = !ok && !r.timedOut && lacksPython(r);
  if (missing) s.noPython = 'pip-check';
  return {
    id: 'pip-check',
    suite: name,
    status: ok ? 'pass' : 'fail',
    ...(!ok && {
      reason: r.timedOut
        ? 'timed out'
        : missing
          ? noPythonReason(s.input.image)
          : 'pip check found broken requirements',
      output: tail(r.stdout + r.stderr),
    }),
    durationMs: Date.now() - started,
    metrics: {},
  };
}

/** A GPU suite on a runner without GPUs: skipped, or failed when require-gpu is set. */
export function gpuAbsent(id: string, suite: SmokeSuite, requireGpu: boolean): SmokeTest {
  return requireGpu
    ? {
        id,
        suite,
        status: 'fail',
        reason: 'no GPU on this runner, and require-gpu is set',
        durationMs: 0,
        metrics: {},
      }
    : skipped(id, suite, 'no GPU on this runner (run on a GPU runner, or --gpus all)');
}

/**
 * CUDA is required when GPUs were handed to the containers (`--gpus all`, or auto on a host with
 * the NVIDIA runtime): train and ddp must then run on CUDA (nccl) and fail with the cause instead
 * of passing on the CPU (gloo). A CUDA variant smoke-tested on a CPU runner (`--gpus none`, the
 * reusable workflow's smoke-cpu job) still runs them on the CPU: no GPU was asked for there.
 */
export const cudaRequired = (input: Pick<SmokeInput, 'gpus'>): boolean => input.gpus === 'all';

/** `--floors JSON`: the per-GPU floors the script judges compute-gpu and a CUDA ddp against. */
const floorsFlag = (input: Pick<SmokeInput, 'baseline'>): string[] => [
  '--floors',
  floorsArg(input.baseline ?? bundledBaseline()),
];

/** gpu DRIVER_FLOOR [--require]: GPUs were asked for (or require-gpu), so none found fails. */
export const gpuArgs = (input: Pick<SmokeInput, 'gpus' | 'requireGpu' | 'driverFloor'>): string[] => [
  input.driverFloor ?? '',
  ...(input.requireGpu || cudaRequired(input) ? ['--require'] : []),
];

/** train MIN_DROP [--cuda] */
export const trainArgs = (input: Pick<SmokeInput, 'gpus' | 'minLossDrop'>): string[] => [
  String(input.minLossDrop ?? 0.5),
  ...(cudaRequired(input) ? ['--cuda'] : []),
];

/** ddp auto [--cuda --floors JSON]: every GPU of the host (or 2 CPU processes over gloo). */
export const ddpArgs = (input: Pick<SmokeInput, 'gpus' | 'baseline'>): string[] => [
  'auto',
  ...(cudaRequired(input) ? ['--cuda', ...floorsFlag(input)] : []),
];

/** Runs one suite of smoke.suites (its tests' results land in the session). */
export async function runSuite(s: SmokeSession, name: SmokeSuite): Promise<void> {
  const { input } = s;
  if (GPU_SUITES.has(name) && input.gpus === 'none') {
    record(s, gpuAbsent(name, name, input.requireGpu));
    return;
  }
  if (name !== 'custom') s.progress(`smoke ${name}: running`);
  const suite = (id: string, args: string[], extra?: Partial<ContainerRunSpec>) =>
    probeSuite(s, id, name, args, extra);
  switch (name) {
    case 'imports':
      if (input.distributions.length === 0)
        await guarded(s, 'imports', name, async () =>
          skipped('imports', name, 'no requirements declared to import'),
        );
      else await python(s, 'imports', name, () => suite('imports', [...input.distributions]));
      break;
    case 'pip-check':
      await python(s, 'pip-check', name, () => pipCheck(s, name));
      break;
    case 'gpu':
      await python(s, 'gpu', name, () => suite('gpu', gpuArgs(input)));
      break;
    case 'compute':
      await python(s, 'compute-cpu', name, () => suite('compute-cpu', ['cpu']));
      if (input.gpus === 'all')
        await python(s, 'compute-gpu', name, () => suite('compute-gpu', ['cuda', ...floorsFlag(input)]));
      break;
    case 'train':
      await python(s, 'train', name, () => suite('train', trainArgs(input)));
      break;
    case 'ddp':
      // DDP needs shared memory (gloo and NCCL both use /dev/shm); Docker's default is 64 MiB.
      await python(s, 'ddp', name, () => suite('ddp', ddpArgs(input), { shmSizeBytes: 1024 ** 3 }));
      break;
    case 'custom':
      await runCustomTests(s);
      break;
  }
}
