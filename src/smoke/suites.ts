// The built-in suites: each a part of the smoke script (images/probe/ml_image_smoke.py) run with
// python3 (the python3 tests share one container and process: batch.ts), whose last stdout line is
// its result; pip check; the GPU rule.
import { z } from 'zod';
import type { SmokeSuite } from '../config/schema.js';
import { bundledBaseline, floorsArg } from './baselines.js';
import { runCustomTests } from './custom.js';
import {
  lacksPython,
  noPythonReason,
  type RunOutcome,
  type TestRunSpec,
  tail,
  timedOutReason,
} from './output.js';
import type { SmokeTest } from './result.js';
import { type BatchStep, batchOutcome, scriptSpec, timeoutEnv } from './batch.js';
import { jsonNestedDeeperThan, MAX_JSON_DEPTH } from '../util/json-file.js';
import {
  gpuAbsent,
  guarded,
  python,
  record,
  type SmokeInput,
  skipped,
  type SmokeSession,
  timing,
} from './session.js';

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

/** Where a result object starts in a line ("{" then "status"): after any output that ran into it. */
const RESULT_START = /\{\s*"status"\s*:/g;

/**
 * The most result starts of a line tried, the last first. The script's result holds one (a string
 * in it has its quotes escaped), so the last start of its line is its own; every start tried costs
 * a parse of the rest of the line, and a line of the image's making with 16,000 starts
 * (`{"status":{"status":…`, 160 kB) took 5 s to read, a 32 MiB one days.
 */
const MAX_RESULT_STARTS = 8;

/**
 * The result a suite printed on STDOUT: the last line that holds a result's start, read from the
 * last start that is a whole result object (the script writes it on a line of its own, but what a
 * module printed after it, at exit, or C's stdio, may follow, and an older script's result followed
 * a module's output without a newline). Only that line is read: a line before it that looks like a
 * result (a module's own output) is never taken for the suite's.
 */
export function suiteResult(stdout: string): z.infer<typeof SuiteLineSchema> | undefined {
  const lines = stdout.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    const starts = [...line.matchAll(RESULT_START)].map((m) => m.index);
    if (starts.length === 0) continue;
    for (const at of starts.reverse().slice(0, MAX_RESULT_STARTS)) {
      // Metrics nested deeper than any record: the result's redaction (redactDeep) and its JSON
      // overflowed the stack, an internal error for what the image printed. No result.
      if (jsonNestedDeeperThan(line.slice(at), MAX_JSON_DEPTH)) continue;
      try {
        return SuiteLineSchema.parse(JSON.parse(line.slice(at)));
      } catch {
        // not a whole result from here: an earlier start may be
      }
    }
    return undefined;
  }
  return undefined;
}

/** Reads a suite's result line into TEST (status, reason, metrics, the output of a failure). */
export function readSuiteLine(test: SmokeTest, r: RunOutcome): void {
  const out = suiteResult(r.stdout);
  if (out === undefined) {
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

/**
 * What a test's run gave: from the shared process (batch.ts), else from its own container. The
 * progress says a test runs when it does: the shared process as it reaches each of its tests
 * (batch.ts), a container of its own as it starts (never a suite whose tests ran already).
 */
async function outcomeOf(
  s: SmokeSession,
  id: string,
  spec: Parameters<SmokeSession['run']>[0],
): Promise<RunOutcome & { durationMs: number }> {
  const shared = await batchOutcome(s, id);
  if (shared) {
    timing(s, id, shared.timing);
    return shared;
  }
  s.progress(`smoke ${id}: running`);
  const started = Date.now();
  const r = await s.run(spec);
  const durationMs = Date.now() - started;
  timing(s, id, `a container of its own, ${(durationMs / 1000).toFixed(1)}s in all`);
  return { ...r, durationMs };
}

/** A suite of the smoke script, run with python3 (in the shared process, or a container of its own). */
async function probeSuite(
  s: SmokeSession,
  id: string,
  name: SmokeSuite,
  args: string[],
  extra: Partial<TestRunSpec> = {},
): Promise<SmokeTest> {
  const r = await outcomeOf(s, id, {
    ...scriptSpec(s.script, [name, ...args]),
    env: timeoutEnv(s.input.timeoutMs),
    ...extra,
  });
  const test: SmokeTest = { id, suite: name, status: 'fail', durationMs: r.durationMs, metrics: {} };
  if (r.timedOut) {
    test.reason = timedOutReason(s.input.timeoutMs, r);
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

/** What `python3 -m pip` prints on an image without pip ("/usr/bin/python3: No module named pip"). */
const NO_PIP = /: No module named pip\s*$/m;

/** `python3 -m pip check` in the image; skipped, as the torch suites are without torch, when pip is absent. */
async function pipCheck(s: SmokeSession, name: SmokeSuite): Promise<SmokeTest> {
  const r = await outcomeOf(s, 'pip-check', { entrypoint: ['python3'], cmd: ['-m', 'pip', 'check'] });
  const ok = r.exitCode === 0;
  const missing = !ok && !r.timedOut && lacksPython(r);
  if (missing) s.noPython = 'pip-check';
  const noPip = !ok && !r.timedOut && !missing && NO_PIP.test(`${r.stdout}\n${r.stderr}`);
  return {
    id: 'pip-check',
    suite: name,
    status: ok ? 'pass' : noPip ? 'skip' : 'fail',
    ...(noPip && { reason: 'pip is not installed in the image' }),
    ...(!ok &&
      !noPip && {
        reason: r.timedOut
          ? timedOutReason(s.input.timeoutMs, r)
          : missing
            ? noPythonReason(s.input.image)
            : 'pip check found broken requirements',
        output: tail(r.stdout + r.stderr),
      }),
    durationMs: r.durationMs,
    metrics: {},
  };
}

/**
 * CUDA is required when GPUs were handed to the containers (`--gpus all`, or auto on a host with
 * the NVIDIA runtime): train and ddp must then run on CUDA (nccl) and fail with the cause instead
 * of passing on the CPU (gloo). A CUDA variant smoke-tested on a CPU runner (`--gpus none`, the
 * reusable workflow's smoke-cpu job) still runs them on the CPU: no GPU was asked for there.
 */
export const cudaRequired = (input: Pick<SmokeInput, 'gpus'>): boolean => input.gpus === 'all';

/**
 * require-gpu on a run without GPUs, for an image that could have had them (not gpuWithheld): train
 * and ddp are not run on the CPU but failed (gpuAbsent), as the gpu suite and compute-gpu are.
 */
const gpuMissing = (input: Pick<SmokeInput, 'gpus' | 'requireGpu' | 'gpuWithheld'>): boolean =>
  input.gpus === 'none' && input.requireGpu && input.gpuWithheld === undefined;

/** Recorded without running (gpuAbsent): the gpu suite without GPUs; train and ddp when gpuMissing. */
const lacksGpu = (input: SmokeInput, name: SmokeSuite): boolean =>
  (GPU_SUITES.has(name) && input.gpus === 'none') ||
  ((name === 'train' || name === 'ddp') && gpuMissing(input));

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

/**
 * The python3 tests of a run, in the order runSuite runs them, for the shared process: the same
 * words each would be run with alone. An id that occurs twice is left out (its own containers).
 * The tests that use a GPU say so (`gpu`): only their processes get the GPUs.
 */
export function batchSteps(input: SmokeInput): BatchStep[] {
  const steps: BatchStep[] = [];
  const cuda = cudaRequired(input);
  const suite = (id: string, argv: string[], o: { shm?: boolean; fresh?: boolean; gpu?: boolean } = {}) =>
    steps.push({
      id,
      argv,
      head: true,
      ...(o.shm && { shm: true }),
      ...(o.fresh && { fresh: true }),
      ...(o.gpu && { gpu: true }),
    });
  for (const name of input.suites) {
    if (lacksGpu(input, name)) continue;
    if (name === 'imports' && input.distributions.length > 0)
      suite('imports', ['imports', ...input.distributions]);
    if (name === 'pip-check') steps.push({ id: 'pip-check', argv: ['pip-check'], head: false });
    if (name === 'gpu') suite('gpu', ['gpu', ...gpuArgs(input)], { gpu: true });
    if (name === 'compute') {
      suite('compute-cpu', ['compute', 'cpu']);
      if (input.gpus === 'all')
        suite('compute-gpu', ['compute', 'cuda', ...floorsFlag(input)], { gpu: true });
    }
    if (name === 'train') suite('train', ['train', ...trainArgs(input)], { gpu: cuda });
    // On a GPU run, ddp runs in a process of its own (no CUDA context of an earlier test in it).
    if (name === 'ddp')
      suite('ddp', ['ddp', ...ddpArgs(input)], { shm: true, fresh: input.gpus !== 'none', gpu: cuda });
    if (name === 'custom')
      for (const t of input.tests)
        if (t.file !== undefined && t.command === undefined)
          steps.push({ id: `custom:${t.name}`, argv: ['file', t.file.path], head: false });
  }
  const count = (id: string) => steps.filter((x) => x.id === id).length;
  return steps.filter((x) => count(x.id) === 1);
}

/** Runs one suite of smoke.suites (its tests' results land in the session). */
export async function runSuite(s: SmokeSession, name: SmokeSuite): Promise<void> {
  const { input } = s;
  if (lacksGpu(input, name)) {
    record(s, gpuAbsent(name, name, input));
    return;
  }
  const suite = (id: string, args: string[], extra?: Partial<TestRunSpec>) =>
    probeSuite(s, id, name, args, extra);
  // The tests that use a GPU: only their containers get the run's GPUs.
  const gpu = { gpu: true };
  const cuda = { gpu: cudaRequired(input) };
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
      await python(s, 'gpu', name, () => suite('gpu', gpuArgs(input), gpu));
      break;
    case 'compute':
      await python(s, 'compute-cpu', name, () => suite('compute-cpu', ['cpu']));
      if (input.gpus === 'all')
        await python(s, 'compute-gpu', name, () => suite('compute-gpu', ['cuda', ...floorsFlag(input)], gpu));
      // Recorded (skipped, failed under require-gpu), so that a run without GPUs compared with a
      // GPU baseline shows compute-gpu as pass -> skip, not as gone.
      else record(s, gpuAbsent('compute-gpu', name, input));
      break;
    case 'train':
      await python(s, 'train', name, () => suite('train', trainArgs(input), cuda));
      break;
    case 'ddp':
      // DDP needs shared memory (gloo and NCCL both use /dev/shm); Docker's default is 64 MiB.
      await python(s, 'ddp', name, () => suite('ddp', ddpArgs(input), { shmSizeBytes: 1024 ** 3, ...cuda }));
      break;
    case 'custom':
      await runCustomTests(s);
      break;
  }
}
