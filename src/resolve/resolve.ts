// resolve: find where the user's requirements would change what the base image ships (the NumPy
// <2 vs >=2 class), explain it, and find a plan that holds the base fixed. All pip runs happen in
// ONE container of the base image (pip's HTTP cache kept in a volume across runs), for the target
// platform, in steps: snapshot -> diagnose (the plain dry run) -> hold (base pinned) -> relax
// (blamed pins loosened) -> release (the pins of what breaks nothing dropped) -> explain (when
// nothing fits). Each step is a function with a typed
// result (steps/). The snapshot (when not cached), the plain dry run and its analysis run in ONE
// python process; with the snapshot cached, the held run (when needed) follows in that process.
import type { GitHubEvent } from '../github/event.js';
import { createHash } from 'node:crypto';
import type { ContainerSession, DockerAdapter } from '../docker/adapter.js';
import { renderExplanation } from './explain.js';
import { ownConstraintOptions, ownExactPins, pinsOf } from './own-constraints.js';
import { findHazards } from './hazards.js';
import { torchLabelProblem } from './torch-label.js';
import {
  failureContext,
  pipOutputMask,
  pipRunEnv,
  runIndexes,
  preinstalled,
  preinstalledArgs,
  type ResolveInput,
  torchIndexArgs,
  userConstraintsText,
  withUserConstraints,
} from './input.js';
import { requirementNames } from '../requirements/parse.js';
import { type Resolution, RESOLUTION_SCHEMA_VERSION, type ResolveOutput } from './result.js';
import type { SnapshotCache } from './snapshot-cache.js';
import { type Diagnosis, diagnosisOf, NAIVE } from './steps/diagnose.js';
import { checkedResolution, requirementLines } from './steps/explain.js';
import { type Answer, HELD, type ResolutionBase } from './steps/hold.js';
import { planOrConflict } from './steps/plan.js';
import {
  type BaseSnapshot,
  cachedSnapshot,
  ownSnapshot,
  prepareWorkspace,
  PREINSTALLED_FILE,
  type SnapshotOptions,
  takenSnapshot,
  TORCH_INDEX_FILE,
} from './steps/snapshot.js';
import { PIP_CACHE_DIR, pipCacheScope, pipCacheUrls, pipCacheVolume } from './pip-cache.js';
import { basePullError, type PinnedBase, pinBase, runRef } from './base.js';
import {
  maxResolveCommands,
  resolveTimeoutMs,
  SESSION_IDLE_MS,
  sessionDeadlineMs,
  withExecLimit,
} from './exec-limit.js';
import { chooseNetwork, engineVm, type HostLookup } from './network-lookup.js';
import type { ResolverNetwork } from './network.js';
import { type Step, StepTimes } from './timing.js';
import { DIR, proxyEnv, sessionEnv, USER_CONSTRAINTS_FILE } from './workdir.js';
import { pipWorkspace, type Workspace } from './workspace.js';
import { earlierResolution } from './earlier.js';
import { warnKeptLogins } from '../python/indexes.js';

export type { ResolveInput } from './input.js';
export { resolutionKey } from './earlier.js';

export interface ResolveDeps {
  docker: DockerAdapter;
  progress?: (line: string) => void;
  cache?: SnapshotCache;
  /** Reuse an earlier resolution of exactly these inputs (base digest included): `ml-image run`. */
  reuse?: boolean;
  /** --verbose: a per-step timing line (progress) at the end. */
  verbose?: boolean;
  /**
   * Where ML_IMAGE_RESOLVE_TIMEOUT_SECONDS and the run's trust scope (GITHUB_*, for pip's cache
   * volume) are read: the caller's environment (the CLI's io.env, the pipeline's), never this
   * process's own by default.
   */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The runner's event payload, for the run's trust scope: the caller's read of GITHUB_EVENT_PATH
   * (src/github/event.ts readGitHubEventFile), never this module's; absent: an empty event.
   */
  event?: GitHubEvent;
  /**
   * This machine's resolver, for index host names that may name its loopback (network-lookup.ts):
   * the composition root supplies the system's (src/docker/host-lookup.ts), a test a fake. Not
   * used when the input names the network.
   */
  lookupHost: HostLookup;
}

const STEP_OF: Readonly<Record<string, Step>> = {
  [NAIVE.report]: 'plain dry run',
  [HELD.report]: 'held dry run',
  'relaxed.json': 'relax',
  // The release (steps/release.ts) tries the held run once more, as the relax step does.
  'released.json': 'relax',
};

export async function resolveAgainstBase(input: ResolveInput, deps: ResolveDeps): Promise<ResolveOutput> {
  const t0 = Date.now();
  const { env } = deps;
  const limitMs = resolveTimeoutMs(env);
  const progress = deps.progress ?? (() => undefined);
  const say = (line: string) => progress(`resolve ${input.platform}: ${line}`);
  const times = new StepTimes();
  const netrc = runIndexes(input);
  warnKeptLogins(netrc.kept, progress);
  const pinned = await times.time('container start', () => timedPin(deps.docker, input, deps, times));
  if (pinned.note !== undefined) say(pinned.note);
  const earlier = earlierResolution(input, deps, pinned.key, say);
  // Its time is this run's (the lookup), not the earlier run's that made it.
  if (earlier.hit !== undefined) {
    // Checked as a new one is (finished): an earlier version may have kept what this one refuses.
    const hit = earlier.hit.resolution;
    const torch = torchLabelProblem(
      input,
      hit.resolved?.install ?? hit.naive.install,
      input.requirements.requirements ?? [],
    );
    if (torch !== undefined) throw torch;
    return { ...earlier.hit, resolution: { ...hit, durationMs: Date.now() - t0 } };
  }
  const { session, volume, network } = await openSession(input, deps, { pinned, env, limitMs, times, say });
  const first = preinstalled(input);
  const userConstraints = userConstraintsText(input);
  // Every dry run: what the build installs first, and the requirements' own -c files (as one).
  const firstArgs = [
    ...preinstalledArgs(input, `${DIR}/${PREINSTALLED_FILE}`),
    ...(userConstraints !== '' ? ['-c', `${DIR}/${USER_CONSTRAINTS_FILE}`] : []),
  ];
  try {
    const ws = pipWorkspace(session, {
      image: input.image,
      pipEnv: pipRunEnv(input),
      // The build's torch step, before the requirements (cpu and cuda templates): asked for too.
      // And the build's constraints hold the -c files' lines (withUserConstraints): so do these.
      ...(firstArgs.length > 0 && { preinstalled: firstArgs }),
      // The torch index, after the requirements: their --index-url line would drop it otherwise.
      after: torchIndexArgs(input, `${DIR}/${TORCH_INDEX_FILE}`),
      mask: pipOutputMask(input, proxyEnv(env)),
      // An engine in a VM (Docker Desktop, colima): its host network misses this machine's loopback.
      failure: {
        ...failureContext(input),
        network,
        engineVm: network === 'host' ? engineVm(input, env) : undefined,
      },
      // The reason says what failed: the index (pip logged how), or no versions of a project found.
      onRetry: (reason) => say(`${reason}; trying once more`),
      ...(volume !== undefined && { pipCache: PIP_CACHE_DIR }),
      onAttempt: (report, a, wallMs) => {
        const step = STEP_OF[report];
        const held = a.held?.seconds;
        const inside = (a.snapshotSeconds ?? 0) + a.seconds.analysis + (held ? held.pip + held.analysis : 0);
        if (a.snapshotSeconds !== undefined) times.add('snapshot', a.snapshotSeconds, 'same process');
        if (step !== undefined) times.add(step, Math.max(0, wallMs / 1000 - inside));
        if (held) times.add('held dry run', held.pip, 'same process');
        times.add('analysis', a.seconds.analysis + (held?.analysis ?? 0));
      },
    });
    const snapshotOptions: SnapshotOptions = {
      image: input.image,
      platform: input.platform,
      requirementsText: input.requirements.text,
      preinstalled: first,
      ...(userConstraints !== '' && { userConstraints }),
      ...(netrc.netrc !== '' && { netrc: netrc.netrc }),
      ...(deps.cache !== undefined && { cache: deps.cache }),
      ...(pinned.key !== undefined && { digest: pinned.key }),
      say,
    };
    const { answer, base } = await answerFor(ws, input, snapshotOptions, times);
    const out = finished(answer, base, input, t0);
    // Only a finished answer is kept: a conflict is worth re-checking next time.
    if (earlier.key !== undefined && out.resolution.status !== 'conflict')
      deps.cache?.set(earlier.key, JSON.stringify(out));
    return out;
  } finally {
    // Also after a command ran past its limit: removing the container stops what still runs in it.
    await times.time('container stop', () => session.close());
    if (deps.verbose) say(times.line(Date.now() - t0));
  }
}

/**
 * The steps' ANSWER as the stage hands it on: the build's constraints with the requirements' own
 * -c lines, the options that name those lines, the hazards (the steps' own, a base package no pin
 * could hold, then the table's), the constraints' digest, the duration and the explanation.
 */
function finished(answer: Answer, base: BaseSnapshot, input: ResolveInput, t0: number): ResolveOutput {
  const install = answer.resolution.resolved?.install ?? answer.resolution.naive.install;
  // A torch the build's torch step cannot install: stopped here, not at every build.
  const torch = torchLabelProblem(input, install, input.requirements.requirements ?? []);
  if (torch !== undefined) throw torch;
  const constraints = withUserConstraints(answer.constraints, input);
  const own = withOwnConstraintOptions(answer.resolution, input, base.basePins, base.snap.environment);
  const resolution = {
    ...own,
    // What provenance names the build's constraints by, when attest runs in another job.
    constraints: { ...own.constraints, sha256: sha256Hex(constraints) },
    hazards: [
      ...answer.resolution.hazards,
      ...findHazards({
        snapshot: base.snap,
        install,
        platform: input.platform,
        ...(input.variant !== undefined && { variant: input.variant }),
      }),
    ],
    durationMs: Date.now() - t0,
  };
  return { ...answer, constraints, resolution, explanation: renderExplanation(resolution) };
}

/**
 * The base the build will use, pinned (base.ts) as far as it is needed: by the registry digest when
 * the build pulls; else by the local image's id when a cache (the snapshot cache, pip's cache
 * volume) needs a key. Its lookup time is noted on the line.
 */
async function timedPin(
  docker: DockerAdapter,
  input: ResolveInput,
  deps: ResolveDeps,
  times: StepTimes,
): Promise<PinnedBase> {
  const keyed = deps.cache !== undefined || pipCacheUrls(input) !== undefined;
  const t = Date.now();
  const pinned = await pinBase(docker, input, keyed);
  if (keyed || input.pull)
    times.note('container start', `base digest lookup ${((Date.now() - t) / 1000).toFixed(2)}s`);
  return pinned;
}

/**
 * The resolver's container: the pinned base, hardened (sessions.ts), on the network the inputs
 * need (network-lookup.ts), with pip's cache volume of this base; every command in it limited to
 * limitMs, and the container itself to as many limits as a resolve can run commands. A pull the
 * registry refuses is exit 3 with the fix (basePullError), and so is a local list run by its ID that
 * lacks the platform's content (the engine's "No such image").
 */
async function openSession(
  input: ResolveInput,
  deps: ResolveDeps,
  o: {
    pinned: PinnedBase;
    env: Readonly<Record<string, string | undefined>>;
    limitMs: number;
    times: StepTimes;
    say: (line: string) => void;
  },
): Promise<{
  session: ContainerSession;
  volume: ReturnType<typeof pipCacheVolume>;
  network: ResolverNetwork;
}> {
  const volume =
    o.pinned.key !== undefined
      ? pipCacheVolume(input, {
          base: o.pinned.key,
          scope: pipCacheScope(o.env, deps.event),
        })
      : undefined;
  const net =
    input.network !== undefined
      ? { network: input.network }
      : await chooseNetwork(input, undefined, deps.lookupHost);
  if (deps.verbose) o.say(`container network ${net.network}${'reason' in net ? ` (${net.reason})` : ''}`);
  const commands = maxResolveCommands(requirementNames(input.requirements.text).length);
  // A registry pin asks for the platform's own manifest now, when a container is needed.
  const session = await o.times.time('container start', async () => {
    const image = await runRef(o.pinned);
    return deps.docker
      .startSession({
        image,
        platform: input.platform,
        network: net.network,
        env: sessionEnv(o.env),
        labels: { 'io.github.ml-image-action.stage': 'resolve' },
        deadlineMs: sessionDeadlineMs(o.limitMs, commands),
        idleMs: SESSION_IDLE_MS,
        ...(volume !== undefined && { volumes: [volume] }),
      })
      .catch((e: unknown) => {
        throw basePullError(e, image, input.platform, input.image);
      });
  });
  return { session: withExecLimit(session, o.limitMs, input), volume, network: net.network };
}

/**
 * Like BuildKit's layer cache for the pip install it feeds: same base digest, requirements,
 * indexes and tool version -> the same answer, until one of them changes. An entry that does not
 * parse is a miss (resolved again, and overwritten). Requirements with a remote -r/-c include are
 * never reused nor kept (the included file can change at its URL). Only `ml-image run` reuses
 * answers (a workstation's cache, never a CI runner's shared one).
 */
/** snapshot + diagnose -> (check: explain) | hold -> relax -> release -> plan | explain. */
async function answerFor(
  ws: Workspace,
  input: ResolveInput,
  snapshotOptions: SnapshotOptions,
  times: StepTimes,
): Promise<{ answer: Answer; base: BaseSnapshot }> {
  const say = snapshotOptions.say;
  const cached = cachedSnapshot(snapshotOptions);
  let base = await prepareWorkspace(ws, snapshotOptions, cached);
  if (base !== undefined) times.add('snapshot', 0, 'cache');
  else if (cached.key !== undefined) {
    // To be cached: taken by its own command, before any of the requirements' code runs.
    base = await times.time('snapshot', () => ownSnapshot(ws, snapshotOptions, cached));
    times.note('snapshot', 'own process');
  }
  // One python process: the snapshot (when not taken yet), the plain dry run and its analysis,
  // and (with the base's pins already there, mode auto) the held run when the base must be held.
  const first = await ws.attempt(NAIVE.report, NAIVE.args, {
    env: NAIVE.env,
    snapshot: base === undefined,
    held: base !== undefined && input.mode === 'auto',
  });
  base ??= await takenSnapshot(ws, snapshotOptions, first.snapshot ?? emptyExec);
  const diagnosis = diagnosisOf(await ws.settle(first, NAIVE.report, NAIVE.args, NAIVE.env), say);
  const draft = resolutionBase(input, base, diagnosis);
  if (input.mode === 'check' || !diagnosis.naive.ok)
    return {
      base,
      answer: {
        resolution: checkedResolution(
          draft,
          diagnosis,
          snapshotOptions.preinstalled,
          requirementLines(input.requirements.text, input.requirements.origins),
        ),
        constraints: base.basePins,
        requirements: input.requirements.text,
      },
    };
  const answer = await planOrConflict(ws, draft, {
    base,
    diagnosis,
    done: first.held,
    text: input.requirements.text,
    origins: input.requirements.origins,
    requested: requirementNames(input.requirements.text),
    preinstalled: snapshotOptions.preinstalled ?? [],
    ownPins: ownExactPins(input.requirements.constraints),
    say,
  });
  return { base, answer };
}

/**
 * RESOLUTION with the options that name the requirements' own -c lines its conflict names first
 * (own-constraints.ts), judged against what the resolver pins itself: the base's packages (PINS)
 * and the variant's torch.
 */
function withOwnConstraintOptions<R extends Pick<Resolution, 'conflict'>>(
  resolution: R,
  input: ResolveInput,
  basePins: string,
  environment: Readonly<Record<string, string>>,
): R {
  const conflict = resolution.conflict;
  if (!conflict || !input.requirements.constraints?.text) return resolution;
  const pins = pinsOf([...basePins.split('\n'), ...preinstalled(input)]);
  const own = ownConstraintOptions(conflict.causes, input.requirements.constraints, pins, environment);
  if (own.length === 0) return resolution;
  return { ...resolution, conflict: { ...conflict, options: [...own, ...conflict.options] } };
}

const emptyExec = { exitCode: -1, stdout: '', stderr: 'no snapshot' };

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

function resolutionBase(input: ResolveInput, base: BaseSnapshot, diagnosis: Diagnosis): ResolutionBase {
  return {
    schemaVersion: RESOLUTION_SCHEMA_VERSION,
    image: input.image,
    platform: input.platform,
    mode: input.mode,
    python: base.snap.python.version,
    naive: {
      install: diagnosis.analysis.install.map(({ name, version }) => ({ name, version })),
      replaces: diagnosis.analysis.replaced,
    },
    constraints: {
      pinned: base.decisions.filter((d) => d.pin).length,
      skipped: base.decisions.flatMap((d) =>
        d.skipped !== undefined ? [{ name: d.dist.name, reason: d.skipped }] : [],
      ),
    },
  };
}
