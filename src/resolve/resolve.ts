// resolve: find where the user's requirements would change what the base image ships (the NumPy
// <2 vs >=2 class), explain it, and find a plan that holds the base fixed. All pip runs happen in
// ONE container of the base image (pip's HTTP cache kept in a volume across runs), for the target
// platform, in steps: snapshot -> diagnose (the plain dry run) -> hold (base pinned) -> relax
// (blamed pins loosened) -> explain (when nothing fits). Each step is a function with a typed
// result (steps/). The snapshot (when not cached), the plain dry run and its analysis run in ONE
// python process; with the snapshot cached, the held run (when needed) follows in that process.
import { createHash } from 'node:crypto';
import type { DockerAdapter } from '../docker/adapter.js';
import { renderExplanation } from './explain.js';
import { findHazards } from './hazards.js';
import { failureContext, pipRunEnv, type ResolveInput } from './input.js';
import { requirementNames } from '../requirements/parse.js';
import { RESOLUTION_SCHEMA_VERSION, type ResolveOutput, ResolveOutputSchema } from './result.js';
import { cachedJson, type SnapshotCache } from './snapshot-cache.js';
import { type Diagnosis, diagnosisOf, NAIVE } from './steps/diagnose.js';
import { checkedResolution, conflictResolution } from './steps/explain.js';
import { type Answer, HELD, heldPlan, hold, type ResolutionBase } from './steps/hold.js';
import { relax } from './steps/relax.js';
import {
  type BaseSnapshot,
  cachedSnapshot,
  prepareWorkspace,
  type SnapshotOptions,
  takenSnapshot,
} from './steps/snapshot.js';
import { pipCacheVolume, PIP_CACHE_DIR } from './pip-cache.js';
import { type Step, StepTimes } from './timing.js';
import { PIP_ENV } from './workdir.js';
import { pipWorkspace, type Workspace } from './workspace.js';
import { VERSION } from '../version.js';

export type { ResolveInput } from './input.js';
export type { ResolveOutput } from './result.js';

export interface ResolveDeps {
  docker: DockerAdapter;
  progress?: (line: string) => void;
  cache?: SnapshotCache;
  /** Reuse an earlier resolution of exactly these inputs (base digest included): `ml-image run`. */
  reuse?: boolean;
  /** --verbose: a per-step timing line (progress) at the end. */
  verbose?: boolean;
}

const STEP_OF: Readonly<Record<string, Step>> = {
  [NAIVE.report]: 'plain dry run',
  [HELD.report]: 'held dry run',
  'relaxed.json': 'relax',
};

/** Cache key of a resolution: the base digest and every input that can change pip's answer. */
export function resolutionKey(baseDigest: string, input: ResolveInput): string {
  const { network: _network, ...decisive } = input;
  return `resolution-${createHash('sha256')
    .update(JSON.stringify({ baseDigest, decisive, VERSION }))
    .digest('hex')}`;
}

export async function resolveAgainstBase(input: ResolveInput, deps: ResolveDeps): Promise<ResolveOutput> {
  const t0 = Date.now();
  const progress = deps.progress ?? (() => undefined);
  const say = (line: string) => progress(`resolve ${input.platform}: ${line}`);
  const earlier = await earlierResolution(input, deps, say);
  if (earlier.hit !== undefined) return earlier.hit;
  const times = new StepTimes();
  const volume = pipCacheVolume(input);
  const [session, digest] = await times.time('container start', () =>
    Promise.all([
      deps.docker.startSession({
        image: input.image,
        platform: input.platform,
        network: input.network ?? 'host',
        env: PIP_ENV,
        labels: { 'io.github.ml-image-action.stage': 'resolve' },
        ...(volume !== undefined && { volumes: [volume] }),
      }),
      // Only images in a registry have a digest to key the cache by; a local-only image is not cached.
      deps.cache ? timedDigest(deps.docker, input.image, times) : Promise.resolve(undefined),
    ]),
  );
  try {
    const ws = pipWorkspace(session, {
      image: input.image,
      pipEnv: pipRunEnv(input),
      failure: failureContext(input),
      onRetry: (reason) => say(`the package index failed (${reason}); trying once more`),
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
      ...(deps.cache !== undefined && { cache: deps.cache }),
      ...(digest !== undefined && { digest }),
      say,
    };
    const { answer, base } = await answerFor(ws, input, snapshotOptions, times);
    const resolution = {
      ...answer.resolution,
      hazards: findHazards({
        snapshot: base.snap,
        install: answer.resolution.resolved?.install ?? answer.resolution.naive.install,
        platform: input.platform,
        ...(input.variant !== undefined && { variant: input.variant }),
        indexUrl: input.indexes?.indexUrl,
      }),
      durationMs: Date.now() - t0,
    };
    const out = { ...answer, resolution, explanation: renderExplanation(resolution) };
    // Only a finished answer is kept: a conflict is worth re-checking next time.
    if (earlier.key !== undefined && resolution.status !== 'conflict')
      deps.cache?.set(earlier.key, JSON.stringify(out));
    return out;
  } finally {
    await times.time('container stop', () => session.close());
    if (deps.verbose) say(times.line(Date.now() - t0));
  }
}

/** The base's registry digest (undefined when it has none), its lookup time noted on the line. */
async function timedDigest(
  docker: DockerAdapter,
  image: string,
  times: StepTimes,
): Promise<string | undefined> {
  const t = Date.now();
  const digest = await docker.imageDigest(image).catch(() => undefined);
  times.note('container start', `digest lookup ${((Date.now() - t) / 1000).toFixed(2)}s beside it`);
  return digest;
}

/**
 * Like BuildKit's layer cache for the pip install it feeds: same base digest, requirements,
 * indexes and tool version -> the same answer, until one of them changes. An entry that does not
 * parse is a miss (resolved again, and overwritten).
 */
async function earlierResolution(
  input: ResolveInput,
  deps: ResolveDeps,
  say: (line: string) => void,
): Promise<{ key?: string; hit?: ResolveOutput }> {
  if (!deps.reuse || !deps.cache) return {};
  const digest = await deps.docker.imageDigest(input.image).catch(() => undefined);
  if (digest === undefined) return {};
  const key = resolutionKey(digest, input);
  const hit = cachedJson(deps.cache, key, ResolveOutputSchema)?.value;
  if (hit === undefined) return { key };
  say(`reused the resolution of identical inputs (base ${digest.slice(0, 19)})`);
  return { key, hit };
}

/** snapshot + diagnose -> (check: explain) | hold -> relax -> plan | explain. */
async function answerFor(
  ws: Workspace,
  input: ResolveInput,
  snapshotOptions: SnapshotOptions,
  times: StepTimes,
): Promise<{ answer: Answer; base: BaseSnapshot }> {
  const say = snapshotOptions.say;
  const cached = cachedSnapshot(snapshotOptions);
  let base = await prepareWorkspace(ws, snapshotOptions, cached);
  // One python process: the snapshot (when not cached), the plain dry run and its analysis, and
  // (with the base's pins already there, mode auto) the held run when the base must be held.
  const first = await ws.attempt(NAIVE.report, NAIVE.args, {
    env: NAIVE.env,
    snapshot: base === undefined,
    held: base !== undefined && input.mode === 'auto',
  });
  if (base === undefined)
    base = await takenSnapshot(ws, snapshotOptions, cached, first.snapshot ?? emptyExec);
  else times.add('snapshot', 0, 'cache');
  const diagnosis = diagnosisOf(await ws.settle(first, NAIVE.report, NAIVE.args, NAIVE.env), say);
  const draft = resolutionBase(input, base, diagnosis);
  if (input.mode === 'check' || !diagnosis.naive.ok)
    return {
      base,
      answer: {
        resolution: checkedResolution(draft, diagnosis),
        constraints: base.basePins,
        requirements: input.requirements.text,
      },
    };
  const requested = requirementNames(input.requirements.text);
  const held = await hold(ws, base, diagnosis, first.held);
  const relaxed = held.run.ok
    ? { held, relaxed: [] }
    : await relax(ws, held, { diagnosis, requested, text: input.requirements.text, say });
  if (!relaxed.held.run.ok)
    return {
      base,
      answer: {
        resolution: await conflictResolution(ws, draft, { held: relaxed.held.run, diagnosis, requested }),
        constraints: base.basePins,
        requirements: input.requirements.text,
      },
    };
  return {
    base,
    answer: await heldPlan(ws, draft, {
      basePins: base.basePins,
      diagnosis,
      held: relaxed.held,
      relaxed: relaxed.relaxed,
      requirements: relaxed.requirements ?? input.requirements.text,
    }),
  };
}

const emptyExec = { exitCode: -1, stdout: '', stderr: 'no snapshot' };

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
