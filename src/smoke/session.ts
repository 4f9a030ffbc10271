// One smoke run's shared state and its rules: every test runs in its own container of the image
// (timeout per test, output kept, the container removed in every case); a test's result is kept
// whatever happens; a daemon that goes away ends the run with the results so far.
import { redactDeep, redactText } from '../util/redact.js';
import { printable } from '../util/text.js';
import type { CustomTestSpec, SmokeSuite } from '../config/schema.js';
import type { DockerAdapter, ImageDetails } from '../docker/adapter.js';
import { engineMessage } from '../docker/failures.js';
import { EnvironmentError } from '../errors.js';
import { InterruptedError, interruptedFailure } from '../util/cleanup.js';
import type { Baseline } from './baselines.js';
import { containerGpus, type GpuPin, noGpuReason } from './gpu-pin.js';
import { classifyFailure } from './classify.js';
import { DAEMON_TEXT, errorMessage, firstLine, isDaemonGone, SmokeInterruptedError } from './interrupt.js';
import { liveLines, MISSING_PROGRAM, type RunFn, type RunOutcome, tail } from './output.js';
import { SMOKE_RESULT_SCHEMA_VERSION, type SmokeResult, type SmokeTest } from './result.js';

export interface SmokeInput {
  /** The image's name in results and messages (the reference given, or the build's local tag). */
  image: string;
  /**
   * What the containers run, when not `image`: the immutable image ID of a local build's tag,
   * checked against the digest the build recorded (stage.ts), so that a re-tag cannot swap it.
   */
  runImage?: string;
  platform?: string;
  suites: readonly SmokeSuite[];
  /**
   * 'all': every GPU goes to the containers of the tests that use one (the gpu suite,
   * compute-gpu, train and ddp on CUDA, custom tests marked `gpu: true`); 'none': CPU only.
   */
  gpus: 'all' | 'none';
  /**
   * The GPUs the runner is pinned to (gpu-pin.ts: NVIDIA_VISIBLE_DEVICES or CUDA_VISIBLE_DEVICES):
   * on a GPU run the containers get these only; a pin to none made the run 'none' (its reason).
   */
  pin?: GpuPin;
  /** The network of the custom command tests (smoke.network; default 'none'): the suites have none. */
  network?: 'none' | 'bridge';
  /** Fail GPU suites instead of skipping them when no GPU is visible. */
  requireGpu: boolean;
  /**
   * Why this image gets no GPU whatever the run has (stage.ts, target-gpus.ts: a cpu variant, a
   * platform the engine runs emulated): its GPU tests are skipped with it, also under requireGpu.
   */
  gpuWithheld?: string;
  /** Distributions whose modules the imports suite imports (from the requirements). */
  distributions: readonly string[];
  tests: readonly CustomTestSpec[];
  /** NVIDIA driver floor of the variant (from the plan), for the gpu suite. */
  driverFloor?: string;
  /** Minimum fractional loss drop for the train suite. */
  minLossDrop?: number;
  timeoutMs: number;
  imagesDir: string;
  /** Per-GPU throughput floors (default: the bundled baselines). */
  baseline?: Baseline;
  /**
   * The caller has compared the Python the image starts with the python3 on PATH capture found
   * (stage.ts, from the record): runSmoke does not warn again from the image's PATH.
   */
  entryPythonChecked?: boolean;
  /**
   * Values the run knows are secrets (build.secrets values, index logins: config-inputs.ts), masked
   * wherever a test prints them, as the image's own secret values are (imageEnvMask).
   */
  secretValues?: readonly string[];
}

export interface SmokeDeps {
  docker: DockerAdapter;
  progress?: (l: string) => void;
  /** Each chunk of a test's output as it arrives (redacted), for a live view. */
  output?: (chunk: string, test: string) => void;
}

/** A test of the shared process: its id and the smoke script's words for it. */
export interface BatchStep {
  id: string;
  argv: readonly string[];
  /** A suite of the smoke script (it can start a process); pip-check and file checks only join one. */
  head: boolean;
  /** The test needs a large /dev/shm (ddp). */
  shm?: boolean;
  /** The test uses a GPU: it runs in a process of GPU tests only, whose container gets the GPUs. */
  gpu?: boolean;
  /** The test only heads a process, never joins one (a GPU ddp: no CUDA context before it). */
  fresh?: boolean;
}

/** A test's outcome from the shared process, with what its time went to. */
export interface BatchOutcome extends RunOutcome {
  durationMs: number;
  timing: string;
}

/** The python3 tests that share one container and process (src/smoke/batch.ts). */
export interface Batch {
  steps: BatchStep[];
  /** Outcomes known and not yet taken, by test id. */
  outcomes: Map<string, BatchOutcome>;
  /**
   * Set once a process was stopped by its start limit (batch-start.ts): this image's python3 hangs
   * as it starts on this platform, so no later process of the run is started (notRunAfterHang).
   */
  hungAtStart?: StartHang;
}

/** A process stopped by its start limit: its first test, what its run gave, the limit's length. */
export interface StartHang {
  first: string;
  r: RunOutcome;
  limitMs: number;
}

/** What the tests of one smoke run share. */
export interface SmokeSession {
  input: SmokeInput;
  details: ImageDetails;
  platform: string;
  startedAt: number;
  /** The smoke script (images/probe/ml_image_smoke.py). */
  script: string;
  run: RunFn;
  progress: (l: string) => void;
  tests: SmokeTest[];
  /** The id of the test that runs now (live output is labelled with it). */
  current: string;
  /** Set by the first test that finds no python3 in the image; later python suites skip, naming it. */
  noPython?: string;
  /** The python3 tests that share one container and process (batch.ts). */
  batch?: Batch;
  /** Live output of a test (redacted), when asked for (--verbose). */
  output?: (chunk: string, test: string) => void;
  /** The image's own secret values masked (imageEnvMask of its environment). */
  mask?: (text: string) => string;
}

/** A test's --verbose line saying what its time went to. */
export function timing(s: SmokeSession, id: string, line: string): void {
  s.output?.(`timing: ${line}\n`, id);
}

/**
 * The engine refused to start a test's container: it answered the create/start with an error
 * ("could not select device driver", "nvidia-container-cli: requirement error", an OCI runtime
 * error). That test fails with the engine's message; the run goes on.
 */
class ContainerStartError extends Error {
  constructor(
    /** What the engine said, without the client's "(HTTP code 500) server error - " prefix. */
    readonly engineMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`the container did not start: ${engineMessage}`, options);
    this.name = 'ContainerStartError';
  }
}

/** An error answer of the engine's API (dockerode's errors carry the HTTP status). */
function isEngineRefusal(e: unknown): boolean {
  const status: unknown = typeof e === 'object' && e !== null ? Reflect.get(e, 'statusCode') : undefined;
  return typeof status === 'number' && status >= 400;
}

/**
 * Runs a test's container with the run's image, platform and timeout; the GPUs only when the test
 * uses one (`gpu`), no network unless the spec asks (the runtime hardens every container).
 */
export function containerRunner(
  input: SmokeInput,
  deps: SmokeDeps,
  current: () => string,
  mask: (text: string) => string = (text) => text,
): RunFn {
  return async ({ gpu, ...spec }) => {
    let outcome: RunOutcome;
    // Whole lines, redacted (the image's own secret values too): a secret cut between two chunks is
    // still masked. One per stream: a stderr line does not end a secret's block that stdout opened.
    const shown = (text: string) => deps.output!(mask(text), current());
    const live = deps.output && { stdout: liveLines(shown), stderr: liveLines(shown) };
    try {
      outcome = await deps.docker.runContainer({
        ...(live && { onOutput: (chunk: string, stream: 'stdout' | 'stderr') => live[stream].push(chunk) }),
        image: input.runImage ?? input.image,
        ...(input.platform !== undefined && { platform: input.platform }),
        ...(input.gpus === 'all' && gpu === true && { gpus: containerGpus(input.pin) }),
        network: 'none',
        labels: { 'io.github.ml-image-action.stage': 'smoke' },
        timeoutMs: input.timeoutMs,
        ...spec,
      });
    } catch (e) {
      // The container removed by the cleanup of SIGINT/SIGTERM/SIGHUP: the run ends as interrupted.
      const stopped =
        !(e instanceof InterruptedError) &&
        interruptedFailure("the test's container", firstLine(errorMessage(e)), e);
      if (stopped) throw stopped;
      // No daemon: the run ends (guarded), as before.
      if (e instanceof EnvironmentError || isDaemonGone(e)) throw e;
      // The engine refused to start the command (an image without /bin/sh runs it unwrapped, and
      // the OCI runtime then reports a missing program itself): the test's own failure, exit 127.
      const message = errorMessage(e);
      if (MISSING_PROGRAM.test(message))
        return { exitCode: 127, stdout: '', stderr: message, timedOut: false };
      // The engine answered, and did not start the container (no GPU runtime, a driver older than
      // the image's CUDA, an OCI runtime error): that test's failure, classified like any other.
      if (isEngineRefusal(e)) throw new ContainerStartError(engineMessage(e), { cause: e });
      throw e;
    } finally {
      live?.stdout.flush();
      live?.stderr.flush();
    }
    // Killed by a signal the runner did not send (exit 128 + N without a timeout): the cleanup of
    // SIGINT/SIGTERM/SIGHUP removed the container, or a daemon that shuts down stopped it (and
    // answers no more: the ping's EnvironmentError). Either ends the run as interrupted (guarded),
    // the test not recorded as one that failed on its own, its results never reused.
    if (!outcome.timedOut && outcome.exitCode !== null && outcome.exitCode > 128) {
      const stopped = interruptedFailure("the test's container", `exit code ${outcome.exitCode}`);
      if (stopped) throw stopped;
      if (outcome.exitCode === 137 || outcome.exitCode === 143) await deps.docker.ping();
    }
    return outcome;
  };
}

/** A test that did not run, with the reason. */
export function skipped(id: string, suite: string, reason: string): SmokeTest {
  return { id, suite, status: 'skip', reason, durationMs: 0, metrics: {} };
}

/**
 * A GPU test on a runner without GPUs: skipped, or failed when require-gpu is set; skipped with
 * the reason when the image gets no GPU whatever the run has (gpuWithheld). The runner's pin, when
 * it gave the run none: the reason names the variable.
 */
export function gpuAbsent(
  id: string,
  suite: SmokeSuite,
  input: Pick<SmokeInput, 'requireGpu' | 'pin' | 'gpuWithheld'>,
): SmokeTest {
  const { pin, gpuWithheld } = input;
  if (gpuWithheld !== undefined) return skipped(id, suite, gpuWithheld);
  const why = pin !== undefined && pin.devices.length === 0 ? noGpuReason(pin) : undefined;
  return input.requireGpu
    ? {
        id,
        suite,
        status: 'fail',
        reason: `no GPU on this runner${why ? ` (${why})` : ''}, and require-gpu is set`,
        durationMs: 0,
        metrics: {},
      }
    : skipped(id, suite, `no GPU on this runner (${why ?? 'run on a GPU runner, or --gpus all'})`);
}

/** The result so far: failures classified, summary counted, secrets redacted. */
export function finishResult(s: SmokeSession): SmokeResult {
  for (const t of s.tests) {
    // A cause known already (a custom test without gpu: true on a GPU run: custom.ts) stands.
    if (t.status !== 'fail' || t.cause !== undefined) continue;
    const cause = classifyFailure(`${t.reason ?? ''}\n${t.output ?? ''}`);
    if (cause) t.cause = cause;
  }
  const count = (st: SmokeTest['status']) => s.tests.filter((t) => t.status === st).length;
  return redactDeep({
    schemaVersion: SMOKE_RESULT_SCHEMA_VERSION,
    image: s.input.image,
    platform: s.platform,
    gpus: s.input.gpus,
    tests: s.tests,
    summary: {
      pass: count('pass'),
      fail: count('fail'),
      skip: count('skip'),
      durationMs: Date.now() - s.startedAt,
    },
  });
}

/** Adds a test's result and its progress line. */
export function record(s: SmokeSession, t: SmokeTest): void {
  s.tests.push(masked(s, t));
  report(s, t);
}

/**
 * T with the image's secret values masked in its reason and output (SmokeSession.mask), in place:
 * every test is, as it is added (record, guarded), before its progress line.
 */
function masked(s: SmokeSession, t: SmokeTest): SmokeTest {
  if (!s.mask) return t;
  if (t.reason !== undefined) t.reason = s.mask(t.reason);
  if (t.output !== undefined) t.output = s.mask(t.output);
  return t;
}

function report(s: SmokeSession, t: SmokeTest): void {
  // The id and reason as the image gave them, escaped: a line break would forge a progress line.
  const reason = t.reason ? ` (${printable(t.reason)})` : '';
  s.progress(`smoke ${printable(t.id)}: ${t.status}${reason} in ${(t.durationMs / 1000).toFixed(1)}s`);
}

/** The end of the run: the daemon went away (or the engine failed) during test ID. */
function interrupted(s: SmokeSession, failed: SmokeTest, e: unknown): SmokeInterruptedError {
  const gone = isDaemonGone(e) || DAEMON_TEXT.test(e instanceof Error ? e.message : '');
  // The engine's message may quote a secret (a URL's login, a token), as the siblings' reasons do.
  const message = firstLine(redactText(errorMessage(e)));
  failed.reason = gone
    ? `the Docker daemon went away during ${failed.id}: ${message}`
    : `${message} (during ${failed.id})`;
  record(s, failed);
  return new SmokeInterruptedError(
    failed.reason,
    e instanceof EnvironmentError && e.fix
      ? e.fix
      : 'check that the Docker daemon is running (docker info), then run the smoke stage again; the results of the tests that finished are kept',
    // Marked: a later stage (the attest job, `--stages attest`) reading it back from the result
    // directory must not take these results so far for a finished run's.
    { ...finishResult(s), interrupted: failed.reason },
    e,
  );
}

/**
 * Run one test: its result is kept whatever happens. A test that throws is a failed test with
 * the error as its reason; a daemon that goes away ends the run with the results so far.
 */
export async function guarded(
  s: SmokeSession,
  id: string,
  suite: string,
  fn: () => Promise<SmokeTest>,
): Promise<void> {
  const started = Date.now();
  s.current = id;
  try {
    s.tests.push(masked(s, await fn()));
  } catch (e) {
    const failed: SmokeTest = {
      id,
      suite,
      status: 'fail',
      reason: '',
      durationMs: Date.now() - started,
      metrics: {},
    };
    if (e instanceof ContainerStartError) {
      // Classified with the others (finishResult): the engine's message is the test's output.
      failed.reason = `the container did not start: ${firstLine(redactText(e.engineMessage))}`;
      failed.output = tail(e.engineMessage);
    } else if (e instanceof EnvironmentError || isDaemonGone(e)) throw interrupted(s, failed, e);
    else failed.reason = `the test could not run: ${firstLine(redactText(errorMessage(e)))}`;
    s.tests.push(masked(s, failed));
  }
  report(s, s.tests.at(-1)!);
}

/** A test that needs python3 in the image: skipped once a test found none. */
export function python(s: SmokeSession, id: string, suite: SmokeSuite, fn: () => Promise<SmokeTest>) {
  return s.noPython !== undefined
    ? guarded(s, id, suite, async () => skipped(id, suite, `no python3 in the image (see ${s.noPython})`))
    : guarded(s, id, suite, fn);
}
