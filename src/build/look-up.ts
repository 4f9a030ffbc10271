// Before the builds: the builder's abilities, each variant's base digest and the context's commit
// time (looked up side by side), and which cache `auto` means here.
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { VariantPlan } from '../plan/schema.js';
import type { BuilderInfo } from './buildx-args.js';
import { baseTaking, recordedBases } from './base-digest.js';
import { type FactsCache, type FactsSource, lookUpBuilder } from './builder-facts.js';
import { type SourceDate, sourceDateEpoch } from './source-date.js';
import type { BuildStageDeps, BuildStageInput } from './stage-types.js';
import type { StepTimer } from './timing.js';

/** The cache `auto` means: gha on a GitHub runner with the cache service, else the registry. */
export function cacheKind(config: Config, env: BuildStageDeps['env']): 'gha' | 'registry' | 'none' {
  if (config.build.cache !== 'auto') return config.build.cache;
  const onRunner =
    env.ACTIONS_RUNTIME_TOKEN !== undefined &&
    (env.ACTIONS_RESULTS_URL ?? env.ACTIONS_CACHE_URL) !== undefined;
  return onRunner ? 'gha' : 'registry';
}

/** Where the builder's facts are kept between runs (none without a cache directory). */
export function factsCache(input: BuildStageInput, deps: BuildStageDeps): FactsCache | undefined {
  return input.cacheDir !== undefined ? { dir: input.cacheDir, env: deps.env } : undefined;
}

interface LookedUp {
  builder: BuilderInfo;
  bases: Awaited<ReturnType<typeof recordedBases>>;
  sourceDate: SourceDate;
}

/**
 * The builder's abilities, each variant's base digest (one lookup per distinct base; the engine's
 * own image too where the build takes it: base-digest.ts) and the context's commit time:
 * independent, so side by side.
 */
export async function lookUp(
  input: BuildStageInput,
  deps: BuildStageDeps,
  variants: readonly VariantPlan[],
  timer: StepTimer,
): Promise<LookedUp> {
  const builderName = input.options?.builder;
  const context = path.resolve(input.baseDir, input.config.build.context);
  const facts = lookUpBuilder(deps.docker, builderName, factsCache(input, deps));
  // dockerd's own builder without --pull starts from the engine's image under the tag (on the
  // containerd image store, the one image under it for every platform).
  const taking = facts.then((f) => baseTaking(deps.docker, f.facts, input.config.build.pull));
  const bases = variants.map((v) => ({ ref: v.base.ref, platforms: platformsOf(input, v) }));
  const [found, baseRecords, sourceDate] = await Promise.all([
    timer.step(
      'builder facts',
      () => facts,
      (f: FactsSource) =>
        `${f.from === 'asked' ? 'asked buildx' : `from the ${f.from === 'disk' ? 'cache directory' : 'process'}`}: ${f.facts.driver}, buildx ${f.facts.buildxVersion}, BuildKit ${f.facts.buildkitVersion ?? 'unknown'}`,
    ),
    timer.step(
      'base digest',
      () => recordedBases(deps.docker, bases, taking, (l) => deps.progress(`warning: ${l}`)),
      () => `${new Set(bases.map((b) => b.ref)).size} base image(s)`,
    ),
    timer.step(
      'source date',
      () => sourceDateEpoch(deps.env, context, deps.exec),
      (d) => d.why,
    ),
  ]);
  const builder: BuilderInfo = { ...found.facts, ...(builderName !== undefined && { name: builderName }) };
  return { builder, bases: baseRecords, sourceDate };
}

/** The platforms of V this run builds (a matrix job's: only some). */
export const platformsOf = (input: BuildStageInput, v: VariantPlan): string[] =>
  v.platforms.filter((p) => !input.only?.platforms || input.only.platforms.includes(p));
