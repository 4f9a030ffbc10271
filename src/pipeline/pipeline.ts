// The whole pipeline, stage by stage: plan -> resolve -> build -> smoke (capture, suites) -> attest -> report.
// The root action, the sub-actions (a subset of stages each) and the CLI's `run` and `build` all call
// this one function; what differs between them (progress lines, annotations, job summary, GitHub,
// where result files go) is passed in.
import { existsSync } from 'node:fs';
import type { AttestResult } from '../attest/result.js';
import type { AttestOutcome, AttestSigner } from '../attest/stage.js';
import { applyToPlan, type BuildInputOptions } from '../build/action-inputs.js';
import { lookUpBuilder } from '../build/builder-facts.js';
import { runBuildStage } from '../build/stage.js';
import type { BuildResult, VariantBuild } from '../build/result.js';
import type { LoadedConfig } from '../config/load.js';
import { withContextWarnings } from '../config/referenced-files.js';
import type { CommandRunner, DockerAdapter } from '../docker/adapter.js';
import { ActionsExecRunner } from '../docker/exec-runner.js';
import { BuilderMissingError } from '../docker/failures.js';
import { systemLookup } from '../docker/host-lookup.js';
import { bundledCatalog } from '../plan/catalog.js';
import { type Plan, planBuild, taggedVariants } from '../plan/plan.js';
import type { GitContext } from '../plan/schema.js';
import { baselineKeys, type ReportOptions, type ReportOutcome, restoreBaseline } from '../report/stage.js';
import { fileSnapshotCache, type SnapshotCache } from '../resolve/snapshot-cache.js';
import type { HostLookup } from '../resolve/network-lookup.js';
import { type Resolved, resolvedKey, runResolveStage } from '../resolve/stage.js';
import type { ResultDir } from '../results/results.js';
import { type GpuDevices, hostGpuDevices } from '../smoke/gpu-identity.js';
import type { GpuMode } from '../smoke/gpu-mode.js';
import { runSmokeStage, type SmokeEntry, type SmokeStatus } from '../smoke/stage.js';
import { type GitHubEvent, readGitHubEventFile } from '../github/event.js';
import { runnerFromEnv } from '../github/run.js';
import { prepareSigning, runAttest, warmRegistry } from './attest.js';
import { checkBeforeContainers } from './door-checks.js';
import { contextKeepOut } from './keep-out.js';
import { resultOf, runReport, withResult } from './report.js';
import { mergeFromDigestFiles } from './merge.js';
import { throwIfInterrupted } from '../util/cleanup.js';
import type { Stage } from './stages.js';

export { mergeFromDigestFiles } from './merge.js';
export { checkStageInputs } from './door-checks.js';
/** A smoke job that did not build: the merge job's build.json, downloaded into result-dir. */
export { readBuildResult } from '../results/results.js';
export { parseStages, type Stage, STAGES } from './stages.js';

interface PipelineOptions {
  loaded: LoadedConfig;
  stages: ReadonlySet<Stage>;
  /** Where plan.json, build.json, env-*.json, smoke-*.json, report-*.md go (src/results). */
  results: ResultDir;
  /** false: build into the engine only (a fork pull request cannot push). */
  push: boolean;
  /** false: push by digest, write digests/<variant>__<arch>.json and leave merging to a later job. */
  merge: boolean;
  /** Merge the digest files in this directory (from matrix jobs) instead of building. */
  mergeFrom?: string;
  gpus: GpuMode;
  imagesDir: string;
  git: GitContext;
  report: ReportOptions;
  now?: Date;
  snapshotCache?: SnapshotCache;
  cacheDir: string;
  /** Reuse an identical earlier run's resolution (its inputs) and smoke results (digest, smoke inputs): local runs. */
  reuse?: boolean;
  /** docker/build-push-action's inputs: tags and labels change the plan, the rest the build. */
  buildOptions?: BuildInputOptions;
}

export interface PipelineIo {
  docker: () => DockerAdapter;
  /** Runs git, for the build context's commit time (default: git itself): tests script it. */
  git?: CommandRunner;
  env: Readonly<Record<string, string | undefined>>;
  /** The runner's event payload as the caller read it (src/github/event.ts); absent: read from env here. */
  event?: GitHubEvent;
  /** One line of progress: "[stage] what happened". */
  progress: (stage: Stage, line: string) => void;
  /** Raw tool output (buildx with its target, test output), for a log that folds it away. */
  output?: (line: string, target?: string) => void;
  group?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  error: (message: string, props?: { title?: string; file?: string }) => void;
  warning: (message: string, props?: { title?: string }) => void;
  /** The job summary (Markdown), when there is one. */
  summary?: (markdown: string) => Promise<void>;
  /** cosign (default: the real binary); tests pass their own. */
  signer?: () => AttestSigner;
  /** How long each stage that ran took (`ml-image run --verbose` prints them). */
  timing?: (stage: Stage, ms: number) => void;
  /** Where a stage's time goes, step by step ("timing: ..." lines; `ml-image build --verbose`). */
  stepTiming?: (stage: Stage, line: string) => void;
  /**
   * The GPUs of the engine's host, for the smoke reuse key (default: nvidia-smi on this host when
   * the engine is local, src/smoke/gpu-identity.ts); only asked when results may be reused. DEVICES:
   * the GPUs the runner is pinned to (src/smoke/gpu-pin.ts), the only ones to look up when given.
   */
  hostGpus?: (devices?: readonly string[]) => Promise<GpuDevices>;
  /** Each target as soon as the build stage built it (the action records it for its post step). */
  builtTarget?: (target: VariantBuild) => void;
  /** This machine's resolver, for the resolve stage's index host names (default: the system's). */
  lookupHost?: HostLookup;
}

export interface PipelineResult {
  plan: Plan;
  build?: BuildResult;
  smoke: SmokeEntry[];
  /** Targets whose capture or suites could not run at all (each also annotated). */
  smokeErrors: string[];
  smokeStatus: SmokeStatus;
  /** What the attest stage attached and signed (attest.json). */
  attest?: AttestResult;
  reports: ReportOutcome[];
  /** The run's variants the report stage found no record of (none when it did not run). */
  unreported: string[];
  /** The run's report.md, when the report stage wrote one. */
  runFile?: string;
}

const groupOf = (io: PipelineIo) => io.group ?? (<T>(_n: string, fn: () => Promise<T>) => fn());

/** fn, its time reported to io.timing under `stage`. */
async function timed<T>(io: PipelineIo, stage: Stage, fn: () => Promise<T> | T): Promise<T> {
  // An interrupted run (SIGINT/SIGTERM, cleaning up) starts no further stage: no push, no comment.
  throwIfInterrupted(`the ${stage} stage`);
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    io.timing?.(stage, performance.now() - t0);
  }
}

/** The GPUs of this host, by its nvidia-smi (the pinned DEVICES only, when given). */
const hostGpusHere =
  (env: PipelineIo['env']) =>
  (devices?: readonly string[]): Promise<GpuDevices> =>
    hostGpuDevices(new ActionsExecRunner(), env, devices);

export async function runPipeline(opts: PipelineOptions, io: PipelineIo): Promise<PipelineResult> {
  // A signing setup that cannot work is said before anything is built (the key decrypted meanwhile,
  // unless a signer is given); only when images are pushed: a run that loads them signs nothing.
  const key =
    opts.stages.has('attest') && opts.push ? prepareSigning(opts.loaded, io.env, !io.signer) : undefined;
  const plan = await timed(io, 'plan', () => runPlan(opts, io));
  const resolved: Resolved = {};
  let build = await resolveAndBuild(opts, io, plan, resolved, key);
  if (build) opts.results.writeBuild(build);
  let smoke: SmokeEntry[] = [];
  let smokeErrors: string[] = [];
  if (opts.stages.has('smoke')) {
    build ??= opts.results.readBuild();
    const b = build;
    ({ entries: smoke, errors: smokeErrors } = await timed(io, 'smoke', () =>
      runSmokeStage(
        {
          plan,
          loaded: opts.loaded,
          build: b,
          results: opts.results,
          gpus: opts.gpus,
          imagesDir: opts.imagesDir,
          ...(opts.reuse && opts.report.baseline && opts.report.saveAs && { reuse: reuseLookup(opts, plan) }),
          runner: runnerFromEnv(io.env),
          env: io.env,
        },
        { ...io, hostGpus: io.hostGpus ?? hostGpusHere(io.env) },
      ),
    ));
  }
  const smokeStatus = smokeErrors.length > 0 ? 'fail' : overallStatus(smoke);

  let attest: AttestOutcome | undefined;
  if (opts.stages.has('attest')) {
    const b = (build ??= opts.results.readBuild());
    attest = await timed(io, 'attest', () => runAttestStage(opts, io, { plan, build: b, smoke, resolved }));
  }

  const report = opts.stages.has('report')
    ? await timed(io, 'report', () =>
        runReport(opts, plan, {
          env: io.env,
          progress: (l) => io.progress('report', l),
          warning: io.warning,
          ...(io.summary && { summary: io.summary }),
        }),
      )
    : { outcomes: [], unreported: [] };
  const result: PipelineResult = {
    plan,
    ...(build && { build }),
    smoke,
    smokeErrors,
    smokeStatus,
    ...(attest && { attest: attest.result }),
    reports: report.outcomes,
    unreported: report.unreported,
    ...(report.runFile !== undefined && { runFile: report.runFile }),
  };
  // A size-budget breach (exit 1), else a registry that went away while attaching (exit 3): the
  // images are pushed and reported, then the run fails, its result kept for pipelineResultOf.
  const failure = report.failure ?? attest?.error;
  if (failure) throw withResult(failure, result);
  return result;
}

/** The attest stage, in a log group of its own: BUILD's images, their smoke records, what was resolved. */
function runAttestStage(
  opts: PipelineOptions,
  io: PipelineIo,
  run: { plan: Plan; build: BuildResult; smoke: SmokeEntry[]; resolved: Resolved },
): Promise<AttestOutcome> {
  return groupOf(io)('attest', () =>
    runAttest(
      {
        ...run,
        git: opts.git,
        loaded: opts.loaded,
        results: opts.results,
        env: io.env,
        now: opts.now ?? new Date(),
      },
      {
        ...(io.signer && { signer: io.signer }),
        progress: (l) => io.progress('attest', l),
        warning: io.warning,
      },
    ),
  );
}

/** What a run that failed after its reports produced (the callers' outputs, report.md); else undefined. */
export const pipelineResultOf = (err: unknown): PipelineResult | undefined => resultOf<PipelineResult>(err);

/** The plan, always: its warnings annotated, a line per variant, plan.json written. */
function runPlan(opts: PipelineOptions, io: PipelineIo): Plan {
  const { config, fileVariants, label: configFile, lineOf } = opts.loaded;
  const now = opts.now ?? new Date();
  const ctx = { catalog: bundledCatalog(), git: opts.git, now, configFile, lineOf, fileVariants };
  const tagged = taggedVariants(
    config.variants.map((v) => v.name),
    fileVariants,
  );
  const plan = withContextWarnings(
    applyToPlan(planBuild(config, ctx), opts.buildOptions, tagged),
    opts.loaded,
  );
  for (const w of plan.warnings) io.warning(w, { title: 'ml-image plan' });
  for (const v of plan.variants)
    io.progress('plan', `${v.name}: ${v.base.ref} (${v.base.reason}) -> ${v.platforms.join(', ')}`);
  opts.results.writePlan(plan);
  return plan;
}

/** Resolve and build (or merge the matrix jobs' digests); undefined when neither stage runs. */
async function resolveAndBuild(
  opts: PipelineOptions,
  io: PipelineIo,
  plan: Plan,
  into: Resolved,
  /** The signing key being decrypted: a wrong password stops the run before the resolve stage. */
  key?: Promise<unknown>,
): Promise<BuildResult | undefined> {
  const { config, baseDir } = opts.loaded;
  if (opts.mergeFrom !== undefined && opts.stages.has('build'))
    return timed(io, 'build', () =>
      mergeFromDigestFiles(opts.mergeFrom!, io, plan, opts.buildOptions?.annotations),
    );
  if (!opts.stages.has('build') && !opts.stages.has('resolve')) return undefined;
  const event = io.event ?? readGitHubEventFile(io.env.GITHUB_EVENT_PATH); // once, for both stages
  // Exit 2 before any container runs: build secrets, requirements the variants cannot install.
  checkBeforeContainers(opts, io, plan);
  if (opts.stages.has('build')) opts.results.removeBuild(); // an earlier run's: see removeBuild
  // Decrypting ran meanwhile (about 0.15 s of scrypt, off the main thread, mostly spent by now):
  // a wrong password is said before the resolve stage (minutes of pip on a cold run), not after it.
  if (opts.push && opts.stages.has('build')) await key;
  const docker = io.docker();
  const resolved = opts.stages.has('resolve')
    ? await timed(io, 'resolve', () => runResolve(opts, io, plan, docker, event))
    : {};
  Object.assign(into, resolved);
  // A target without a resolution has none: an earlier run's is not taken for this build's either.
  for (const v of plan.variants)
    for (const p of v.platforms)
      if (!resolved[resolvedKey(v.name, p)]) opts.results.removeResolution(v.name, p);
  if (!opts.stages.has('build')) return undefined;
  if (opts.push && opts.stages.has('attest') && !io.signer)
    warmRegistry(opts.loaded, io.env, plan.repository, plan.targets.length);
  const build = await timed(io, 'build', () =>
    runBuildStage(
      {
        plan,
        config,
        baseDir,
        ...(opts.loaded.file !== undefined && { configFile: opts.loaded.file }),
        imagesDir: opts.imagesDir,
        push: opts.push,
        merge: opts.merge,
        resolved,
        ...(opts.buildOptions && { options: opts.buildOptions }),
        cacheDir: opts.cacheDir,
        keepOut: contextKeepOut({
          ...(opts.results.dir !== undefined && { resultDir: opts.results.dir }),
          imagesDir: opts.imagesDir,
          cacheDir: opts.cacheDir,
          loaded: opts.loaded,
          ...(opts.buildOptions && { buildOptions: opts.buildOptions }),
          variants: plan.variants,
          credentialEnv: { env: io.env, exists: existsSync, cwd: process.cwd() },
        }),
      },
      {
        docker,
        exec: io.git ?? new ActionsExecRunner(),
        env: io.env,
        event,
        progress: (l) => io.progress('build', l),
        warning: (m) => io.warning(m, { title: 'ml-image build' }),
        ...(io.stepTiming && { timing: (l: string) => io.stepTiming!('build', l) }),
        ...(io.output && { output: (line: string, target: string) => io.output!(line, target) }),
        ...(io.group && { group: io.group }), // none (the command line): build lines live
        ...(io.builtTarget && { builtTarget: io.builtTarget }),
      },
    ),
  );
  if (!opts.merge && opts.push) opts.results.writeDigests(build);
  return build;
}

/**
 * Whether the build's builder takes its base images from the registry whatever this engine holds
 * (any driver but dockerd's own: docker-container, kubernetes, remote): the resolver then resolves
 * against the registry's base too (resolve/base.ts). Asked once: the build stage reuses the answer
 * (lookUpBuilder keeps it per adapter and in the cache directory). Unknown (buildx missing): false,
 * and the build stage says what is wrong; a builder that does not exist (the builder input,
 * BUILDX_BUILDER) ends the run here, before the resolve stage's work that no build would use.
 */
async function builderPullsBases(
  opts: PipelineOptions,
  io: PipelineIo,
  docker: DockerAdapter,
): Promise<boolean> {
  const found = await lookUpBuilder(docker, opts.buildOptions?.builder, {
    dir: opts.cacheDir,
    env: io.env,
  }).catch((e: unknown) => {
    if (e instanceof BuilderMissingError) throw e;
    return undefined;
  });
  return found !== undefined && found.facts.driver !== 'docker';
}

/** The resolve stage: a resolution file per target, its hazards as warnings. */
async function runResolve(
  opts: PipelineOptions,
  io: PipelineIo,
  plan: Plan,
  docker: DockerAdapter,
  event: GitHubEvent,
): Promise<Resolved> {
  const { config, baseDir } = opts.loaded;
  const registryBase = opts.stages.has('build') && (await builderPullsBases(opts, io, docker));
  const resolved = await groupOf(io)('resolve', () =>
    runResolveStage(plan, config, baseDir, {
      docker,
      env: io.env,
      event,
      lookupHost: io.lookupHost ?? systemLookup,
      ...(registryBase && { registryBase }),
      buildFollows: opts.stages.has('build'),
      progress: (l) => io.progress('resolve', l),
      cache: opts.snapshotCache ?? fileSnapshotCache(opts.cacheDir),
      ...(opts.reuse && { reuse: true }),
    }),
  );
  for (const v of plan.variants)
    for (const p of v.platforms) {
      const key = resolvedKey(v.name, p);
      const r = resolved[key];
      if (!r) continue;
      opts.results.writeResolution(v.name, p, r.resolution);
      for (const h of r.resolution.hazards)
        io.warning(`${h.message}. Fix: ${h.fix}`, { title: `ml-image resolve (${key})` });
    }
  return resolved;
}

/** `ml-image run`: the earlier run's records are the baseline this run saved last time. */
function reuseLookup(opts: PipelineOptions, plan: Plan) {
  const { baseline, saveAs } = opts.report;
  const { config, fileVariants } = opts.loaded;
  return async (v: string) =>
    (await restoreBaseline(baseline!, baselineKeys(plan, config, v, fileVariants), saveAs!.branch))?.dir;
}

export function overallStatus(entries: readonly SmokeEntry[]): SmokeStatus {
  const s = entries.map((e) => e.result.summary);
  if (s.length === 0) return 'none';
  if (s.some((x) => x.fail > 0)) return 'fail';
  return s.some((x) => x.pass > 0) ? 'pass' : 'skip';
}
