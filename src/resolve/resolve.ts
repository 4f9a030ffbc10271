// resolve: find where the user's requirements would change what the base image ships (the NumPy
// <2 vs >=2 class), explain it, and find a plan that holds the base fixed. All pip runs happen in
// ONE container of the base image (pip's cache reused), for the target platform, in steps:
// snapshot -> diagnose (the plain dry run) -> hold (base pinned) -> relax (blamed pins loosened)
// -> explain (when nothing fits). Each step is a function with a typed result (steps/).
import { createHash } from 'node:crypto';
import type { DockerAdapter } from '../docker/adapter.js';
import { renderExplanation } from './explain.js';
import { findHazards } from './hazards.js';
import { failureContext, pipRunEnv, type ResolveInput } from './input.js';
import { requirementNames } from './pip-output.js';
import { RESOLUTION_SCHEMA_VERSION, type ResolveOutput, ResolveOutputSchema } from './result.js';
import { cachedJson, type SnapshotCache } from './snapshot-cache.js';
import { type Diagnosis, diagnose } from './steps/diagnose.js';
import { checkedResolution, conflictResolution } from './steps/explain.js';
import { type Answer, heldPlan, hold, type ResolutionBase } from './steps/hold.js';
import { relax } from './steps/relax.js';
import { type BaseSnapshot, snapshotBase } from './steps/snapshot.js';
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
}

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
  const [session, digest] = await Promise.all([
    deps.docker.startSession({
      image: input.image,
      platform: input.platform,
      network: input.network ?? 'host',
      env: PIP_ENV,
      labels: { 'io.github.ml-image-action.stage': 'resolve' },
    }),
    // Only images in a registry have a digest to key the cache by; a local-only image is not cached.
    deps.cache ? deps.docker.imageDigest(input.image).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  try {
    const ws = pipWorkspace(session, {
      image: input.image,
      pipEnv: pipRunEnv(input),
      failure: failureContext(input),
      onRetry: (reason) => say(`the package index failed (${reason}); trying once more`),
    });
    const base = await snapshotBase(ws, {
      image: input.image,
      platform: input.platform,
      requirementsText: input.requirements.text,
      ...(deps.cache !== undefined && { cache: deps.cache }),
      ...(digest !== undefined && { digest }),
      say,
    });
    const answer = await answerFor(ws, input, base, say);
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
    await session.close();
  }
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

/** diagnose -> (check: explain) | hold -> relax -> plan | explain. */
async function answerFor(
  ws: Workspace,
  input: ResolveInput,
  base: BaseSnapshot,
  say: (line: string) => void,
): Promise<Answer> {
  const diagnosis = await diagnose(ws, say);
  const draft = resolutionBase(input, base, diagnosis);
  if (input.mode === 'check' || !diagnosis.naive.ok)
    return {
      resolution: checkedResolution(draft, diagnosis),
      constraints: base.basePins,
      requirements: input.requirements.text,
    };
  const requested = requirementNames(input.requirements.text);
  const held = await hold(ws, base, diagnosis);
  const relaxed = held.run.ok ? { held, relaxed: [] } : await relax(ws, held, { diagnosis, requested, say });
  if (!relaxed.held.run.ok)
    return {
      resolution: await conflictResolution(ws, draft, { held: relaxed.held.run, diagnosis, requested }),
      constraints: base.basePins,
      requirements: input.requirements.text,
    };
  return heldPlan(ws, draft, {
    basePins: base.basePins,
    diagnosis,
    held: relaxed.held,
    relaxed: relaxed.relaxed,
    requirements: relaxed.requirements ?? input.requirements.text,
  });
}

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
