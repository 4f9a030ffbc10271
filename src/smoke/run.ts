// The smoke runner: each suite in its own container of the image (timeout per test, output kept,
// the container removed in every case), results classified and written as smoke.json + junit.xml.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { redactDeep, redactText } from '../capture/redact.js';
import type { CustomTestSpec as CustomTest, SmokeSuite } from '../config/schema.js';
import type { ContainerRunSpec, DockerAdapter, ImageDetails } from '../docker/adapter.js';
import { EnvironmentError } from '../errors.js';
import { applyFloors, type Baseline, bundledBaseline } from './baselines.js';
import { classifyFailure } from './classify.js';
import { boundedTail, matchOutput } from './match.js';
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
  const run: RunFn = async (spec) => {
    try {
      return await deps.docker.runContainer({
        ...(deps.output && { onOutput: (chunk: string) => deps.output!(redactText(chunk), current) }),
        image: input.image,
        ...(input.platform !== undefined && { platform: input.platform }),
        ...(input.gpus === 'all' && { gpus: 'all' as const }),
        labels: { 'io.github.ml-image-action.stage': 'smoke' },
        timeoutMs: input.timeoutMs,
        ...spec,
      });
    } catch (e) {
      // The engine refused to start the command (an image without /bin/sh runs it unwrapped, and
      // the OCI runtime then reports a missing program itself): the test's own failure, exit 127.
      const message = errorMessage(e);
      if (!(e instanceof EnvironmentError) && !isDaemonGone(e) && MISSING_PROGRAM.test(message))
        return { exitCode: 127, stdout: '', stderr: message, timedOut: false };
      throw e;
    }
  };

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
    } else if (lacksPython(r)) {
      test.reason = noPythonReason(input.image);
      test.output = tail(r.stdout + r.stderr);
      noPython = id;
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
        if (out === null || typeof out !== 'object' || !['pass', 'fail', 'skip'].includes(out.status))
          throw new Error('not a result');
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

  // Set by the first test that finds no python3 in the image; later python suites skip, naming it.
  let noPython: string | undefined;
  const report = (t: SmokeTest) =>
    progress(
      `smoke ${t.id}: ${t.status}${t.reason ? ` (${t.reason})` : ''} in ${(t.durationMs / 1000).toFixed(1)}s`,
    );
  const finish = (): SmokeResult => {
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
  };
  /**
   * Run one test: its result is kept whatever happens. A test that throws is a failed test with
   * the error as its reason; a daemon that goes away ends the run with the results so far.
   */
  const guarded = async (id: string, suite: string, fn: () => Promise<SmokeTest>): Promise<void> => {
    const started = Date.now();
    current = id;
    try {
      tests.push(await fn());
    } catch (e) {
      const failed: SmokeTest = {
        id,
        suite,
        status: 'fail',
        reason: '',
        durationMs: Date.now() - started,
        metrics: {},
      };
      if (e instanceof EnvironmentError || isDaemonGone(e)) {
        const gone = isDaemonGone(e) || DAEMON_TEXT.test(e instanceof Error ? e.message : '');
        failed.reason = gone
          ? `the Docker daemon went away during ${id}: ${firstLine(errorMessage(e))}`
          : `${firstLine(errorMessage(e))} (during ${id})`;
        tests.push(failed);
        report(failed);
        throw new SmokeInterruptedError(
          failed.reason,
          e instanceof EnvironmentError && e.fix
            ? e.fix
            : 'check that the Docker daemon is running (docker info), then run the smoke stage again; the results of the tests that finished are kept',
          finish(),
          e,
        );
      }
      failed.reason = `the test could not run: ${firstLine(redactText(errorMessage(e)))}`;
      tests.push(failed);
    }
    report(tests.at(-1)!);
  };
  const python = (id: string, suite: SmokeSuite, fn: () => Promise<SmokeTest>) =>
    noPython !== undefined
      ? guarded(id, suite, async () => ({
          id,
          suite,
          status: 'skip',
          reason: `no python3 in the image (see ${noPython})`,
          durationMs: 0,
          metrics: {},
        }))
      : guarded(id, suite, fn);

  for (const name of input.suites) {
    if (GPU_SUITES.has(name) && input.gpus === 'none') {
      tests.push(gpuAbsent(name, name, input.requireGpu));
      report(tests.at(-1)!);
      continue;
    }
    if (name !== 'custom') progress(`smoke ${name}: running`);
    switch (name) {
      case 'imports':
        if (input.distributions.length === 0)
          await guarded('imports', name, async () => ({
            id: 'imports',
            suite: name,
            status: 'skip',
            reason: 'no requirements declared to import',
            durationMs: 0,
            metrics: {},
          }));
        else await python('imports', name, () => suite('imports', name, [...input.distributions]));
        break;
      case 'pip-check':
        await python('pip-check', name, async () => {
          const started = Date.now();
          const r = await run({ entrypoint: ['python3'], cmd: ['-m', 'pip', 'check'] });
          const ok = r.exitCode === 0;
          const missing = !ok && !r.timedOut && lacksPython(r);
          if (missing) noPython = 'pip-check';
          return {
            id: 'pip-check',
            suite: name,
            status: ok ? 'pass' : 'fail',
            ...(!ok && {
              reason: r.timedOut
                ? 'timed out'
                : missing
                  ? noPythonReason(input.image)
                  : 'pip check found broken requirements',
              output: tail(r.stdout + r.stderr),
            }),
            durationMs: Date.now() - started,
            metrics: {},
          };
        });
        break;
      case 'gpu':
        await python('gpu', name, () => suite('gpu', name, [input.driverFloor ?? '']));
        break;
      case 'compute':
        await python('compute-cpu', name, () => suite('compute-cpu', name, ['cpu']));
        if (input.gpus === 'all')
          await python('compute-gpu', name, async () =>
            applyFloors(await suite('compute-gpu', name, ['cuda']), input.baseline ?? bundledBaseline()),
          );
        break;
      case 'train':
        await python('train', name, () => suite('train', name, [String(input.minLossDrop ?? 0.5)]));
        break;
      case 'ddp':
        // DDP needs shared memory (gloo and NCCL both use /dev/shm); Docker's default is 64 MiB.
        await python('ddp', name, () => suite('ddp', name, ['auto'], { shmSizeBytes: 1024 ** 3 }));
        break;
      case 'custom':
        // One progress line per custom test, under its own id (never the previous suite's line).
        if (input.tests.length === 0) progress('smoke custom: no tests declared (smoke.tests)');
        for (const t of input.tests) {
          const id = `custom:${t.name}`;
          progress(`smoke ${id}: running`);
          const run1 = () =>
            customTest(t, details, run, input.timeoutMs, input.image, () => {
              noPython = id;
            });
          // A file test reads the file with python3; command and metadata tests need none.
          await (t.file !== undefined ? python(id, 'custom', run1) : guarded(id, 'custom', run1));
        }
        break;
    }
  }

  return finish();
}

/** The run of a smoke test's container, as the runner sees it. */
type RunFn = (
  spec: Omit<ContainerRunSpec, 'image'>,
) => Promise<{ exitCode: number | null; stdout: string; stderr: string; timedOut: boolean }>;

/**
 * The Docker daemon (or the engine's connection to it) went away while the smoke suites ran: the
 * run ends, with the results of every test that finished (and the interrupted one, failed).
 */
export class SmokeInterruptedError extends EnvironmentError {
  constructor(
    message: string,
    fix: string,
    /** Every test that ran, the interrupted one last (failed): written before the error is shown. */
    readonly partial: SmokeResult,
    cause?: unknown,
  ) {
    super(message, fix, { cause });
  }
}

/** Errors of a lost connection to the engine (dockerode's socket errors, the CLI's wording). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOENT',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
const DAEMON_TEXT =
  /Cannot connect to the Docker daemon|docker daemon is not running|cannot reach the Docker daemon|the Docker daemon is not reachable|socket hang up|connect (ECONNREFUSED|ENOENT)|read ECONNRESET|write EPIPE/i;

export function isDaemonGone(e: unknown): boolean {
  if (e instanceof EnvironmentError) return DAEMON_TEXT.test(e.message);
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code) && !(e as { path?: unknown }).path) return true;
  return DAEMON_TEXT.test(errorMessage(e));
}

/** A program the container was asked to run is not in the image (OCI runtime or our wrapper). */
const MISSING_PROGRAM =
  /executable file not found|exec: "[^"\n]{0,300}": (stat [^\n:]{0,300}: )?(no such file or directory|permission denied)|sh: (\d+: )?[^:\n]{1,200}: not found|: command not found/i;
const MISSING_PYTHON =
  /"python3": executable file not found|exec: "python3": no such file|python3: (command )?not found/i;

function lacksPython(r: { exitCode: number | null; stdout: string; stderr: string }): boolean {
  return (r.exitCode === 127 || r.exitCode === 126) && MISSING_PYTHON.test(boundedTail(r.stderr, 4096));
}

function noPythonReason(image: string): string {
  return `${image} has no python3: the smoke suites need python3 in the image`;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? '').slice(0, 500);
}

/** How much of a test's output its result keeps: the end, where the error is (records stay small). */
export const OUTPUT_KEEP_CHARS = 64 * 1024;

/**
 * The end of a test's output as its result keeps it: the last 40 lines, at most OUTPUT_KEEP_CHARS,
 * secrets masked in place. Linear in the length of the output (10 MB on one line is fine): only a
 * bounded tail is redacted, with a margin so that a token cut at the edge is still recognised.
 */
export function tail(text: string, lines = 40): string {
  const end = redactText(boundedTail(text, OUTPUT_KEEP_CHARS + 4096));
  return boundedTail(end.trim(), OUTPUT_KEEP_CHARS).split('\n').slice(-lines).join('\n');
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
  run: RunFn,
  timeoutMs: number,
  image: string,
  onNoPython: () => void,
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
    if (r.exitCode !== t.exitCode) {
      // 127 (126: not executable) with the runtime's or the shell's wording: say which program.
      if ((r.exitCode === 127 || r.exitCode === 126) && MISSING_PROGRAM.test(boundedTail(r.stderr, 4096))) {
        const program = typeof t.command === 'string' ? `a program of "${t.command}"` : `"${cmd[0]}"`;
        return result(
          false,
          `command not found in the image: ${program} (exit ${r.exitCode}, expected ${t.exitCode})`,
          out,
        );
      }
      return result(false, `exit code ${r.exitCode}, expected ${t.exitCode}`, out);
    }
    // Bounded in size and time, off the main thread: a pathological pattern cannot hang the run.
    const m = await matchOutput(out, t.expectedOutput, t.excludedOutput);
    if (m.ok) return result(true, '');
    if (m.kind === 'missing') return result(false, `output does not match /${m.pattern}/`, out);
    if (m.kind === 'unwanted') return result(false, `output matches the excluded /${m.pattern}/`, out);
    return result(false, m.message, out);
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
    if (r.timedOut)
      return result(
        false,
        `timed out after ${timeoutMs / 1000}s (the container was removed)`,
        r.stdout + r.stderr,
      );
    if (lacksPython(r)) {
      onNoPython();
      return result(false, `${noPythonReason(image)} (file tests read the file with python3)`, r.stderr);
    }
    let info: { mode?: string };
    try {
      info = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as { mode?: string };
    } catch {
      return result(
        false,
        `cannot check ${f.path}: the check exited ${r.exitCode} without a result`,
        r.stdout + r.stderr,
      );
    }
    const exists = typeof info.mode === 'string';
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
