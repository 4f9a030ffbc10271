// The build stage: one buildx build per variant and platform, each pushed (by digest where the
// driver allows), then `imagetools create` merges each variant's platform digests under its tags.
// Transient failures (connection reset, registry 5xx, i/o timeout) are retried with backoff; a
// deterministic failure (Dockerfile error, pip conflict) stops at once with the end of the log
// (retry.ts). Requirements, constraints, index URLs (often with credentials) and build.secrets
// reach the build only as BuildKit secret mounts, never as build arguments (inputs.ts).
import { setTimeout as delay } from 'node:timers/promises';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { archOf } from '../config/platform.js';
import { engineOf } from '../docker/context.js';
import { EnvironmentError } from '../errors.js';
import type { VariantPlan } from '../plan/schema.js';
import { LABEL_PREFIX } from '../plan/schema.js';
import { outputMasker, pipIndexes } from '../python/indexes.js';
import { registerCleanup } from '../util/cleanup.js';
import { runTempDir } from '../util/temp.js';
import { checkBuildArgs, SECRETS_FIX, secretMountsUnsupported } from './buildx-args.js';
import { checkBaseHeld } from './base-digest.js';
import { forgetBuilder } from './builder-facts.js';
import { type SourceDate, withSourceDate } from './source-date.js';
import { StepTimer } from './timing.js';
import { BuildLogs } from './log-groups.js';
import { netrcUnmountedWarning, publicPlanArgs, secretEnvFrom } from './inputs.js';
import { inputSecrets } from './input-secrets.js';
import { localTag, mergeVariant } from './merge.js';
import { BUILD_RESULT_SCHEMA_VERSION, type BuildResult, type VariantBuild } from './result.js';
import type { PlatformBuild } from './result.js';
import { untrustedReason } from '../util/pull-request-code.js';
import { scopedBuildTagPrefix, writeScopeOf } from './push-tag.js';
import { sayOnce } from './notes.js';
import { buildTarget, mergeAnnotations, type TargetContext } from './target.js';
import { dockerfileFor } from './templates.js';
import { baseMismatch } from './dockerfile-from.js';
import { dockerfileKeepingOut, keepOutLines } from './context-ignore.js';
import { contextKeepOut, keepOutPatterns } from './git-keep-out.js';
import { mapLimit } from '../util/map-limit.js';
import { cacheKind, factsCache, lookUp, platformsOf } from './look-up.js';
import { buildMaterials, configRequirements, withConstraintsDigests } from './materials.js';
import type { BuildStageDeps, BuildStageInput } from './stage-types.js';

export type { BuildStageInput } from './stage-types.js';

/** What one variant's build needs from the stage run. */
interface VariantRun {
  ctx: TargetContext;
  baseDigest: string | undefined;
  /** The engine's image under the base's tag, where the build takes it (checked after each build). */
  baseHeld: string | undefined;
  sourceDate: SourceDate;
  timer: StepTimer;
  builtTarget: BuildStageDeps['builtTarget'];
  logs: BuildLogs;
}

/** The variant's labels: its plan's, the base digest, and the created label from the commit time. */
function variantLabels(input: BuildStageInput, v: VariantPlan, run: VariantRun): Record<string, string> {
  const labels = withSourceDate(v.labels, run.sourceDate, input.options?.labels);
  // Unknown: set empty, so that the base image's own labels (its base's digest) are not inherited
  // under this image's base name.
  const digest = run.baseDigest ?? '';
  return {
    ...labels,
    'org.opencontainers.image.base.digest': digest,
    [`${LABEL_PREFIX}.base-digest`]: digest,
  };
}

/**
 * The Dockerfile's own warnings, its text read once: a netrc secret it does not mount, and (your own
 * Dockerfile) a FROM other than the planned base. None when it cannot be read (buildx says so).
 */
function warnDockerfile(input: BuildStageInput, v: VariantPlan, file: string, ctx: TargetContext): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const unmounted = netrcUnmountedWarning(file, text, ctx.indexes, v.torch?.indexUrl);
  if (unmounted !== undefined) ctx.progress(`warning: ${unmounted}`);
  if (v.template === undefined) warnOtherBase(input, v, file, text, ctx.progress);
}

/**
 * Your own Dockerfile whose built stage starts FROM a literal image other than the variant's planned
 * base: said, since the resolver checked pip against the planned base and the labels, SBOM and
 * provenance name it (dockerfile-from.ts). `FROM ${BASE_IMAGE}` is the planned base.
 */
function warnOtherBase(
  input: BuildStageInput,
  v: VariantPlan,
  file: string,
  text: string,
  say: (l: string) => void,
) {
  const other = baseMismatch(text, v.base.ref, input.config.build.mirrors, input.options?.target);
  if (other === undefined) return;
  const where = `${path.relative(input.baseDir, file) || file}:${other.line}`;
  say(
    `warning: ${v.name}: ${where}: the build starts FROM ${other.ref}, not the variant's planned base ${v.base.ref}: the resolver checked pip against ${v.base.ref}, and the image's labels, SBOM and provenance name it. Write FROM \${BASE_IMAGE} (the build passes the planned base), or set the variant's base to ${other.ref}`,
  );
}

/** Builds every selected platform of one variant, then merges them under its tags when asked. */
async function buildVariant(input: BuildStageInput, v: VariantPlan, run: VariantRun): Promise<VariantBuild> {
  const { plan, config } = input;
  const { ctx, timer } = run;
  const base = dockerfileFor(v, config, input.baseDir, input.imagesDir);
  const keepOut = [...(input.keepOut ?? []), ...contextKeepOut(ctx.context, v.template !== undefined)];
  const patterns = keepOutPatterns(v.template !== undefined);
  const { dockerfile, keptOut } = dockerfileKeepingOut(
    base,
    ctx.context,
    keepOut,
    ctx.work,
    v.name,
    patterns,
  );
  warnDockerfile(input, v, base, ctx);
  for (const line of keepOutLines(keptOut, keepOut, input.options?.buildContexts, process.cwd()))
    sayOnce(ctx, line);
  const labels = variantLabels(input, v, run);
  // No SOURCE_DATE_EPOCH build argument: on BuildKit >= 0.11 a changing one invalidates the cache
  // from WORKDIR on (every commit would reinstall the requirements). One set in the environment
  // reaches the build anyway: buildx passes it on itself.
  // The plan's own args last: build.args never replaces them (the config refuses their names too).
  const buildArgs: Record<string, string> = { ...config.build.args, ...publicPlanArgs(v.buildArgs) };
  const platforms = platformsOf(input, v);
  // dockerd's BuildKit (docker driver) runs one build at a time well on small runners.
  const limit = ctx.builder.driver === 'docker' ? 1 : 2;
  // Side by side, each build's lines are held and written as a log group of its own when it ends.
  const held = Math.min(limit, platforms.length) > 1;
  const merging = input.push && input.merge !== false;
  const annotations = merging ? mergeAnnotations(ctx, labels, input.options?.annotations) : [];
  // OCI manifests where the list gets annotations: this run's merge, or (merge: false, a matrix
  // build job) the merge job's, which annotates the list it makes. From Docker manifests buildx
  // makes a Docker list and drops the annotations without a word. The docker driver pushes Docker
  // manifests whatever is asked (dockerd's own exporter): that merge job warns.
  const ociMediatypes = annotations.length > 0 || (input.push && input.merge === false);
  // A platform that fails stops the others' builds (they would run on, minutes under QEMU, and
  // their work files are removed when the stage ends); mapLimit waits for them to end.
  const stop = new AbortController();
  // keep-images: false: each target built (or left by a failed push) is told as soon as it is.
  const { builtTarget } = run;
  const record =
    builtTarget &&
    ((b: PlatformBuild) => builtTarget({ ...variantOf(input, v, run), tags: [], platforms: [b] }));
  // load with push false: build-push-action fails here (the docker exporter cannot load a manifest
  // list); this loads each platform under its own local tag, so the tags a later `docker run TAG`
  // step names are not there. Without load (a fork's run) nothing asked for them.
  if (!input.push && input.options?.load && platforms.length > 1 && v.tags.length > 0)
    sayOnce(
      ctx,
      `warning: ${v.name}: with load, push false and ${platforms.length} platforms each platform's image is loaded as ${localTag(ctx.repository, v.name, 'ARCH')} only; its tags (${v.tags.join(', ').slice(0, 300)}) are not applied, since one tag cannot name each platform's image in the engine: build one platform to load it under them`,
    );
  const built = await mapLimit(platforms, limit, (platform) =>
    run.logs
      .group(`build ${v.name} ${platform}`, held, (output) =>
        timer.step(`build ${v.name}/${archOf(platform)}`, () =>
          buildTarget(
            { ...ctx, ...(output && { output }), signal: stop.signal },
            {
              v,
              platform,
              dockerfile,
              labels,
              buildArgs,
              // One platform: the image loaded (push: false, or load) carries the variant's tags too,
              // as build-push-action's (docker run TAG after the step). Several: each its local tag
              // only (one tag cannot name each platform's image in the engine).
              ...(platforms.length === 1 && { loadTags: v.tags }),
              ...(ociMediatypes && { ociMediatypes: true }),
              ...(record && { left: record }),
            },
          ),
        ),
      )
      .then(async (b) => {
        record?.(b);
        await baseStillHeld(ctx, v, run, platform);
        return b;
      })
      .catch((e: unknown) => {
        stop.abort(e);
        throw e;
      }),
  );
  const sources = built.map((b) => `${plan.repository}@${b.indexDigest ?? b.digest}`);
  let digest: string | undefined;
  if (merging) {
    digest = await timer.step(`merge ${v.name}`, () =>
      mergeVariant(ctx, v.name, v.tags, sources, annotations),
    );
  }
  return {
    ...variantOf(input, v, run),
    ...(digest !== undefined && { digest }),
    tags: input.push ? v.tags : built.flatMap((b) => (b.localRef ? [b.localRef] : [])),
    platforms: built,
  };
}

/** A build that took the engine's image under the base's tag: the tag names it still (base-digest.ts). */
async function baseStillHeld(ctx: TargetContext, v: VariantPlan, run: VariantRun, platform: string) {
  if (run.baseHeld === undefined) return;
  const warning = await checkBaseHeld(ctx.docker, v.base.ref, run.baseHeld, `${v.name}/${archOf(platform)}`);
  if (warning !== undefined) ctx.progress(`warning: ${warning}`);
}

/** What a variant's build result holds besides its platforms, tags and merged digest. */
function variantOf(
  input: BuildStageInput,
  v: VariantPlan,
  run: VariantRun,
): Pick<VariantBuild, 'variant' | 'repository' | 'baseImage' | 'baseDigest'> {
  return {
    variant: v.name,
    repository: input.plan.repository,
    baseImage: v.base.ref,
    ...(run.baseDigest !== undefined && { baseDigest: run.baseDigest }),
  };
}

/**
 * buildx reads the context's git state (seven git commands per build) only to record it in a
 * provenance attestation: with provenance off (provenance "false" and no provenance in the attests
 * input), whatever the driver, that is skipped, unless BUILDX_GIT_INFO is set.
 */
function skipGitInfo(input: BuildStageInput, env: BuildStageDeps['env']): boolean {
  if (env.BUILDX_GIT_INFO !== undefined) return false;
  const attested = (input.options?.attests ?? []).some((a) => /type=provenance/.test(a));
  return input.config.build.provenance.mode === 'false' && !attested;
}

export async function runBuildStage(input: BuildStageInput, deps: BuildStageDeps): Promise<BuildResult> {
  const { plan, config, baseDir } = input;
  const secretEnv = secretEnvFrom(config.build.secrets, deps.env);
  checkBuildArgs(config.build.args);
  const indexes = pipIndexes(config.python, deps.env);
  const variants = plan.variants.filter((v) => !input.only?.variants || input.only.variants.includes(v.name));
  const logs = new BuildLogs(deps);
  const timer = new StepTimer(deps.timing && logs.timing);
  timer.startup();
  const { builder, bases, sourceDate } = await lookUp(input, deps, variants, timer);
  // Secret mounts or nothing: never a fallback to build arguments.
  const unsupported = secretMountsUnsupported(builder);
  if (unsupported !== undefined) throw new EnvironmentError(unsupported, SECRETS_FIX);
  const { requirements, constraints, files } = configRequirements(config, baseDir, deps.env);
  const materials = buildMaterials(input.configFile, baseDir, files);

  const work = runTempDir('ml-image-build-');
  const unregister = registerCleanup(() => rmSync(work, { recursive: true, force: true }));
  let given: ReturnType<typeof inputSecrets>;
  try {
    given = inputSecrets(input.options, config, deps.env, path.join(work, 'input-secrets'));
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    unregister();
    throw e;
  }
  const untrusted = writeScopeOf(deps.env, deps.event ?? {});
  if (untrusted)
    deps.progress(
      `${untrusted.otherRef ? untrusted.why : `${untrustedReason(deps.env)}: it ${untrusted.why}`}, so it writes no cache the default branch reads (the docker driver pushes by ${scopedBuildTagPrefix(untrusted.pushScope)}* tags)`,
    );
  const ctx: TargetContext = {
    docker: deps.docker,
    progress: logs.progress,
    ...(deps.output && { output: logs.output }),
    sleep: deps.sleep ?? delay,
    now: deps.now ?? Date.now,
    repository: plan.repository,
    push: input.push,
    build: config.build,
    builder,
    ...engineOf(deps.env),
    cache: cacheKind(config, deps.env),
    ...(untrusted && { untrusted }),
    context: path.resolve(baseDir, config.build.context),
    work,
    requirements,
    constraints,
    ...(input.resolved && { resolved: input.resolved }),
    indexes,
    secretEnv,
    // Every line of build output is shown with URL userinfo masked and secret values replaced.
    mask: outputMasker(
      { ...secretEnv, ...given.values },
      indexes,
      plan.variants.flatMap((v) => v.torch?.indexUrl ?? []),
    ),
    notesShown: new Set<string>(),
    warning: deps.warning,
    group: deps.group ?? (<T>(_n: string, fn: () => Promise<T>) => fn()),
    ...(input.options && { options: input.options }),
    valueSecretFiles: given.files,
    ...(skipGitInfo(input, deps.env) && { buildxEnv: { BUILDX_GIT_INFO: 'false' } }),
  };
  try {
    const results: VariantBuild[] = [];
    for (const [i, v] of variants.entries()) {
      const [baseDigest, baseHeld] = [bases[i]?.digest, bases[i]?.localId];
      const run = { ctx, baseDigest, baseHeld, sourceDate, timer, builtTarget: deps.builtTarget, logs };
      // A failed build forgets the builder's facts: the next run asks buildx again.
      const built = await buildVariant(input, v, run).catch((e: unknown) => {
        forgetBuilder(deps.docker, input.options?.builder, factsCache(input, deps));
        throw e;
      });
      results.push(withConstraintsDigests(built, input.resolved));
    }
    timer.done();
    return { schemaVersion: BUILD_RESULT_SCHEMA_VERSION, variants: results, materials };
  } finally {
    rmSync(work, { recursive: true, force: true });
    unregister();
  }
}
