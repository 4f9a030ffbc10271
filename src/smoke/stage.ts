// The smoke stage: for each built variant and platform, capture the environment record and run the
// smoke suites in the image, write env/smoke/junit files (src/results), and annotate failures.
import { createHash } from 'node:crypto';
import { type BuildResult, isPushed } from '../build/result.js';
import { captureImage } from '../capture/capture.js';
import { entryPythonProblem } from '../python/entry-python.js';
import { packageListProblem } from '../capture/record.js';
import type { LoadedConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { describeError, EnvironmentError } from '../errors.js';
import type { Plan } from '../plan/schema.js';
import type { ResultDir } from '../results/results.js';
import { toolKey } from './scripts-key.js';
import type { Baseline } from './baselines.js';
import { configSmokeInputs } from './config-inputs.js';
import type { GpuMode } from './gpu-mode.js';
import type { SmokeEntry, SmokeResult, SmokeRunner } from './result.js';
import { CPU_ONLY, devicesKey, type GpuDevices, NOT_LOOKED_UP } from './gpu-identity.js';
import { containerGpus, type GpuPin, gpusLine } from './gpu-pin.js';
import { verifiedLocalImage } from './local-image.js';
import { type ReuseOutcome, reuseOf } from './reuse.js';
import { resolveGpuChoice, runSmoke, SmokeInterruptedError } from './run.js';
import { failureAnnotations, knownSecretsMasked, testLines } from './output.js';
import { gpuKindOf, gpusOfTarget, hostPlatformOnce, lookUpGpus, type TargetGpus } from './target-gpus.js';

export type SmokeStatus = 'pass' | 'fail' | 'skip' | 'none';

export type { SmokeEntry } from './result.js';

/** What the stage needs of the pipeline's I/O (the pipeline passes its own). */
interface SmokeStageIo {
  docker: () => DockerAdapter;
  progress: (stage: 'smoke', line: string) => void;
  output?: (line: string) => void;
  group?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  error: (message: string, props?: { title?: string }) => void;
  warning: (message: string, props?: { title?: string }) => void;
  /**
   * The GPUs of the engine's host (gpu-identity.ts: hostGpuDevices, nvidia-smi on the host), for
   * the reuse key of a GPU run. Asked at most once per stage, and only when results may be reused
   * (input.reuse); without it such a run's GPUs are unknown (never reused). DEVICES: the GPUs the
   * runner is pinned to (gpu-pin.ts), the only ones looked up when given.
   */
  hostGpus?: (devices?: readonly string[]) => Promise<GpuDevices>;
}

/**
 * What decides a smoke result: the image (by digest) and every input of the suites. Equal keys
 * mean the same tests of the same bits on the same kind of runner, so a result may be reused.
 */
export function smokeKey(digest: string, inputs: unknown): string {
  return `${digest} ${createHash('sha256').update(JSON.stringify(inputs)).digest('hex')}`;
}

/** Where earlier results may be reused from: a directory of env/smoke/smoke-key files, per variant. */
export type ReuseLookup = (variant: string) => Promise<string | undefined>;

/**
 * The image's name in the record (image.ref) and the smoke result: the platform's own manifest by
 * digest when the build pushed it (also when it loaded it: the attest stage signs that digest and
 * takes only results of it), else the local tag. What the containers run is Prepared.runImage.
 */
function imageUnderTest(
  v: BuildResult['variants'][number],
  p: BuildResult['variants'][number]['platforms'][number],
): string {
  return isPushed(p) || p.localRef === undefined ? `${v.repository}@${p.digest}` : p.localRef;
}

export interface SmokeStageInput {
  plan: Plan;
  loaded: LoadedConfig;
  build: BuildResult;
  results: ResultDir;
  gpus: GpuMode;
  imagesDir: string;
  /** Reuse the results of an identical earlier run (same digest, same inputs): `ml-image run`. */
  reuse?: ReuseLookup;
  /** This runner (src/github/run.ts): each new result says where its suites ran. */
  runner?: SmokeRunner;
  /** The environment of the requirements' `${NAME}` references, the workspace root and the runner's
   * GPU pin (NVIDIA_VISIBLE_DEVICES, CUDA_VISIBLE_DEVICES: gpu-pin.ts); default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock that stamps when each target's suites finished (default: the system's). */
  now?: () => Date;
}

type PlannedVariant = Plan['variants'][number];
type VariantBuild = BuildResult['variants'][number];
type PlatformBuild = VariantBuild['platforms'][number];

/** One variant and platform to test, and what its run shares with the others. */
interface Target {
  v: VariantBuild;
  p: PlatformBuild;
  planned: PlannedVariant;
  id: string;
  /** The image's name in results: repository@digest when pushed, else the local tag. */
  image: string;
}

/** A target ready to run: its key (GPUs included) and the image its containers run. */
interface Prepared extends Target {
  key: string;
  /** The GPUs this target's containers get (a cpu variant or an emulated platform: none). */
  run: TargetGpus;
  gpus: GpuDevices;
  /**
   * What the containers run: the verified image ID of what the build left in the engine (a local
   * tag: loaded, pushed or not), else repository@digest. Looked up once.
   */
  runImage: () => Promise<string>;
}

interface StageContext {
  input: SmokeStageInput;
  io: SmokeStageIo;
  config: Config;
  docker: DockerAdapter;
  gpus: 'all' | 'none';
  /** The GPUs the runner is pinned to (gpu-pin.ts): a GPU run's containers get only these. */
  pin: GpuPin | undefined;
  /** The requirement names the imports suite checks on a platform (their markers hold there). */
  distributionsFor: (platform: string | undefined, python?: string) => string[];
  baseline: Baseline;
  /** The run's own secret values, masked in the tests' output (config-inputs.ts). */
  secretValues: string[];
  /** The GPUs of a GPU run, looked up once for every target (gpusOf). */
  devices?: Promise<GpuDevices>;
  /** The engine's platform (linux/amd64), asked once when a target's GPUs depend on it. */
  host: () => Promise<string>;
}

export async function runSmokeStage(
  input: SmokeStageInput,
  io: SmokeStageIo,
): Promise<{ entries: SmokeEntry[]; errors: string[] }> {
  const docker = io.docker();
  const env = input.env ?? process.env;
  const { gpus, pin } = await resolveGpuChoice(input.gpus, docker, env);
  const ctx: StageContext = {
    input,
    io,
    config: input.loaded.config,
    docker,
    gpus,
    pin,
    host: hostPlatformOnce(docker),
    ...configSmokeInputs(input.loaded, env),
  };
  const entries: SmokeEntry[] = [];
  const errors: string[] = [];
  const planned = targets(ctx);
  // The result directory outlives a run: a target that cannot be tested this time must not leave
  // an earlier image's record and results there (the report and the attest stage read them).
  for (const t of planned) input.results.removeRecords(t.v.variant, t.p.platform);
  for (const target of planned) {
    const r = await smokeTarget(ctx, await prepare(ctx, target));
    if (typeof r === 'string') errors.push(r);
    else entries.push(r);
  }
  return { entries, errors };
}

/** Every built platform of every planned variant (a smoke job of a matrix gets the whole build.json;
 * its variants/platforms inputs pick its share). */
function targets(ctx: StageContext): Target[] {
  return ctx.input.build.variants.flatMap((v) => {
    const planned = ctx.input.plan.variants.find((p) => p.name === v.variant);
    if (!planned) return [];
    return v.platforms
      .filter((x) => (planned.platforms as readonly string[]).includes(x.platform))
      .map((p) => ({ v, p, planned, id: `${v.variant} ${p.platform}`, image: imageUnderTest(v, p) }));
  });
}

/**
 * The key of a target covers every input of the suites and the GPUs they run with (gpusOf). The
 * image a local build's tag names is checked once, before its first container (verifiedLocalImage):
 * a run never tests another image than the one built. A target also pushed runs that local image
 * too (no pull), named by its digest.
 */
async function prepare(ctx: StageContext, t: Target): Promise<Prepared> {
  const { config } = ctx;
  const { p } = t;
  let checked: Promise<string> | undefined;
  const runImage = () =>
    (checked ??=
      p.localRef === undefined
        ? Promise.resolve(t.image)
        : verifiedLocalImage(ctx.docker, p.localRef, p.platform, p));
  const run = await gpusOfTarget(gpuKindOf(t.planned), p.platform, {
    ...ctx,
    requireGpu: config.smoke.requireGpu,
  });
  const gpus = await gpusOf(ctx, run.gpus);
  const key = smokeKey(p.digest, {
    platform: p.platform,
    suites: config.smoke.suites,
    requireGpu: config.smoke.requireGpu,
    tests: config.smoke.tests,
    network: config.smoke.network,
    timeoutSeconds: config.smoke.timeoutSeconds,
    distributions: ctx.distributionsFor(p.platform, t.planned.python),
    baseline: ctx.baseline,
    gpus: run.gpus,
    gpuWithheld: run.withheld ?? null,
    gpuDevices: devicesKey(gpus),
    driverFloor: t.planned.cuda?.minorCompatDriverMin ?? null,
    tool: toolKey(ctx.input.imagesDir),
  });
  return { ...t, key, run, gpus, runImage };
}

/**
 * The GPUs the reuse key covers: "none" for a target without GPUs; with GPUs, the host's (io.hostGpus:
 * nvidia-smi on the engine's host), looked up once per stage and only when results may be reused
 * (input.reuse: `ml-image run`). The action never reuses: its GPUs are not looked up (unknown).
 */
function gpusOf(ctx: StageContext, gpus: 'all' | 'none'): Promise<GpuDevices> {
  if (gpus === 'none') return Promise.resolve(CPU_ONLY);
  if (!ctx.input.reuse) return Promise.resolve(NOT_LOOKED_UP);
  return (ctx.devices ??= lookUpGpus(ctx.io, ctx.pin));
}

/** One target: its entry, or the line saying why it could not run (also annotated). */
async function smokeTarget(ctx: StageContext, t: Prepared): Promise<SmokeEntry | string> {
  const { io, input } = ctx;
  const { v, p, id } = t;
  const t0 = Date.now();
  const reuse = await reuseOutcome(ctx, t)?.catch((e: unknown) => {
    if (e instanceof EnvironmentError) throw e;
    // Reuse is a shortcut: an earlier result that cannot be read is no earlier result.
    io.progress(
      'smoke',
      `${id}: running the suites (the earlier results are unreadable: ${String((e as Error)?.message ?? e).split('\n')[0]})`,
    );
    return undefined;
  });
  const reused = reuse?.entry;
  const group = io.group ?? (<T>(_n: string, fn: () => Promise<T>) => fn());
  let entry: SmokeEntry;
  try {
    entry = reused
      ? knownSecretsMasked(reused, ctx.secretValues)
      : stamped(ctx, await group(`smoke ${id}`, () => captureAndTest(ctx, t)));
  } catch (e) {
    // One target that cannot be captured or tested must not cost the others their results
    // or the pull request its report; the stage fails at the end. No daemon: stop now.
    if (e instanceof EnvironmentError) throw e;
    const message = describeError(e, false).replace(/^error: /, '');
    io.error(message, { title: `ml-image smoke ${id}` });
    return `${id}: ${message.split('\n')[0]}`;
  }
  // The reuse key goes last: only a complete set of results is ever reused.
  if (reused) input.results.writeEnv(v.variant, p.platform, entry.record, `smoke ${id}`);
  input.results.writeSmoke(v.variant, p.platform, entry.result, `smoke ${id}`);
  input.results.writeSmokeKey(v.variant, p.platform, reuse?.keyFile ?? t.key, `smoke ${id}`);
  const s = entry.result.summary;
  io.progress(
    'smoke',
    `${id}: ${s.pass} passed, ${s.fail} failed, ${s.skip} skipped in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
  for (const a of failureAnnotations(id, entry.result)) io.error(a.message, { title: a.title });
  const skippedGpu = entry.result.tests.filter((x) => x.status === 'skip' && x.suite === 'gpu');
  if (t.planned.kind === 'cuda' && skippedGpu.length > 0 && t.run.gpus === 'none')
    io.warning(`${id}: GPU suites skipped: ${skippedGpu[0]!.reason ?? 'no GPU'}`, {
      title: `ml-image smoke ${id}`,
    });
  return entry;
}

/**
 * A new result with when and where its suites ran; a reused one keeps its own (the earlier run's
 * time and runner), so that the smoke attestation names the run that tested the image.
 */
function stamped(ctx: StageContext, entry: SmokeEntry): SmokeEntry {
  return { ...entry, result: stampedResult(ctx.input, entry.result) };
}

/** RESULT with when its suites ended and on which runner (none named off a GitHub runner). */
function stampedResult(input: SmokeStageInput, result: SmokeResult): SmokeResult {
  const { runner, now } = input;
  const finishedAt = (now?.() ?? new Date()).toISOString();
  const hasRunner = runner !== undefined && Object.keys(runner).length > 0;
  return { ...result, finishedAt, ...(hasRunner && { runner: { ...runner } }) };
}

/** Reuse (src/smoke/reuse.ts), when on: the earlier run's entry when it matches, and the key file. */
function reuseOutcome(ctx: StageContext, t: Prepared): Promise<ReuseOutcome> | undefined {
  const lookup = ctx.input.reuse;
  if (!lookup) return undefined;
  return reuseOf(
    {
      variant: t.v.variant,
      platform: t.p.platform,
      id: t.id,
      image: t.image,
      digest: t.p.digest,
      local: !isPushed(t.p),
      key: t.key,
      gpus: t.gpus,
    },
    { lookup, docker: ctx.docker, config: ctx.config, progress: (l) => ctx.io.progress('smoke', l) },
  );
}

/**
 * Capture, then the suites. Each file is written as soon as what it holds is known (the record
 * right after capture, the results when the suites end, also when they end early), atomically, so
 * that a later failure loses nothing already measured and no half-written JSON is left to trust.
 */
async function captureAndTest(ctx: StageContext, t: Prepared): Promise<SmokeEntry> {
  const { io, input, config, docker, pin } = ctx;
  const { v, p, id, image } = t;
  const { gpus, withheld } = t.run;
  const runImage = await t.runImage();
  io.progress('smoke', `${id}: capture ${image}${runImage !== image ? ` (image ${runImage})` : ''}`);
  // The record and capture's messages name the image by its tag; its id is the image ID that ran.
  // On a GPU run the probe gets the GPUs the gpu suite gets: the record (and the smoke attestation
  // made from it) names the GPUs and driver the tests ran on.
  const captured = await captureImage(
    {
      image: runImage,
      name: image,
      platform: p.platform,
      imagesDir: input.imagesDir,
      variant: v.variant,
      ...(gpus === 'all' && { gpus: containerGpus(pin) }),
    },
    { docker },
  );
  // The run's own secret values masked in it (a reused entry too), whatever their names.
  const record = knownSecretsMasked(captured, ctx.secretValues);
  input.results.writeEnv(v.variant, p.platform, record, `smoke ${id}`);
  const incomplete = packageListProblem(record);
  if (incomplete !== undefined) io.warning(`${id}: ${incomplete}`, { title: 'ml-image capture' });
  // Once, before the suites: they run the same python3 on PATH the record describes.
  const otherPython = entryPythonProblem(record);
  if (otherPython !== undefined)
    io.warning(`${id}: ${otherPython} (the smoke suites run that python3 too)`, { title: 'ml-image smoke' });
  io.progress(
    'smoke',
    `${id}: recorded ${record.python.packages.length} pip + ${record.apt.length} apt packages; suites ${config.smoke.suites.join(', ')} (${withheld ? `no GPU: ${withheld}` : gpusLine(gpus, pin)})`,
  );
  const result = await runSmoke(
    {
      image,
      ...(runImage !== image && { runImage }),
      platform: p.platform,
      suites: config.smoke.suites,
      gpus,
      ...(withheld !== undefined && { gpuWithheld: withheld }),
      ...(pin !== undefined && { pin }),
      network: config.smoke.network,
      requireGpu: config.smoke.requireGpu,
      distributions: ctx.distributionsFor(p.platform, t.planned.python),
      tests: config.smoke.tests,
      ...(t.planned.cuda && { driverFloor: t.planned.cuda.minorCompatDriverMin }),
      timeoutMs: config.smoke.timeoutSeconds * 1000,
      imagesDir: input.imagesDir,
      baseline: ctx.baseline,
      entryPythonChecked: true,
      secretValues: ctx.secretValues,
    },
    {
      docker,
      progress: (l) => io.progress('smoke', `${id}: ${l.replace(/^smoke /, '')}`),
      ...(io.output && { output: (chunk: string, test: string) => testLines(chunk, test, io.output!) }),
    },
  ).catch((e: unknown) => {
    // The daemon went away mid-run: keep the tests that finished (no reuse key: the
    // results are incomplete), then end the stage with the environment error.
    if (e instanceof SmokeInterruptedError) {
      // Stamped as a finished one is: a later attest job names where and when these ran.
      const partial = { ...e.partial, gpuDevices: devicesKey(t.gpus) };
      input.results.writeSmoke(v.variant, p.platform, stampedResult(input, partial), `smoke ${id}`);
      const s = e.partial.summary;
      io.progress(
        'smoke',
        `${id}: stopped after ${e.partial.tests.length} test(s) (${s.pass} passed, ${s.fail} failed, ${s.skip} skipped); their results are written`,
      );
    }
    throw e;
  });
  return {
    variant: v.variant,
    platform: p.platform,
    image,
    record,
    result: { ...result, gpuDevices: devicesKey(t.gpus) },
  };
}
