// One build target (a variant on one platform): its secret files, its buildx argv, and the
// attempts, retried while the failure is transient (see retry.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { archOf } from '../config/platform.js';
import type { Config } from '../config/schema.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { parseImageRef } from '../oci/ref.js';
import { CheckFailedError } from '../errors.js';
import { LABEL_PREFIX, type VariantPlan } from '../plan/schema.js';
import type { PipIndexes } from '../python/indexes.js';
import {
  annotationArg,
  type BuildInputOptions,
  indexAnnotations,
  manifestPart,
  requestFromOptions,
} from './action-inputs.js';
import { registerCleanup, throwIfInterrupted } from '../util/cleanup.js';
import { compareVersions } from '../util/versions.js';
import { type BuilderInfo, buildxBuildArgs, canPushByDigest, classicDocker } from './buildx-args.js';
import { cacheFor } from './cache-scope.js';
import { redactUrlsDeep } from '../util/redact.js';
import { type BuildInputs, INPUTS_DIGEST_ARG, inputsDigest, writeBuildInputs } from './inputs.js';
import { localTag } from './merge.js';
import { cacheImportWatcher, noteOnce, warnOnce } from './notes.js';
import { buildPushTag, scopedCacheOf, type UntrustedRun } from './push-tag.js';
import { pushedPlatformImage } from './platform-image.js';
import { checkPushedByTag } from './pushed-image.js';
import type { PlatformBuild } from './result.js';
import {
  afterFailedAttempt,
  builderPlatformFor,
  engineStorageError,
  failureReason,
  lastLines,
  MAX_ATTEMPTS,
  MISSING_CACHED_LAYER,
  uncachedArgs,
} from './retry.js';

/** What every target of one stage run shares. */
export interface TargetContext {
  docker: DockerAdapter;
  progress: (line: string) => void;
  output?: (line: string, target: string) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  repository: string;
  push: boolean;
  build: Config['build'];
  builder: BuilderInfo;
  /** DOCKER_HOST, else the current Docker context's engine: the one docker.ping asks (else the default socket). */
  dockerHost?: string;
  /** The current Docker context's name, when one is in use (not DOCKER_HOST, not "default"). */
  dockerContext?: string;
  cache: 'gha' | 'registry' | 'none';
  /** A run that may build a pull request's code, or of another ref: its cache read-only, its push tag its own. */
  untrusted?: UntrustedRun;
  context: string;
  /** The private temp directory of this stage run (secret files, metadata files). */
  work: string;
  /** The requirements as read from the config (used where the resolver left none). */
  requirements: string;
  /**
   * The requirements' own -c files' lines (used where the resolver left none: its constraints hold
   * them already).
   */
  constraints: string;
  resolved?: Readonly<Record<string, { constraints: string; requirements: string }>>;
  indexes: PipIndexes;
  secretEnv: Readonly<Record<string, string>>;
  mask: (text: string) => string;
  /** Notes on what was adapted to the builder, each shown once per run. */
  notesShown: Set<string>;
  /** What was asked for and left out (the action: an annotation); none: a progress line. */
  warning?: ((message: string) => void) | undefined;
  /** Wraps each target's build (the action opens a log group). */
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** docker/build-push-action's inputs (src/build/action-inputs.ts). */
  options?: BuildInputOptions;
  /** The `secrets` input's values as 0600 files: id -> path. */
  valueSecretFiles?: Readonly<Record<string, string>>;
  /** Environment for buildx itself (e.g. BUILDX_GIT_INFO=false where nothing reads git's state). */
  buildxEnv?: Readonly<Record<string, string>>;
  /** Aborted when another platform of the variant failed: this build is stopped, not retried. */
  signal?: AbortSignal;
}

/** One target: a variant's platform, with what the stage worked out for the variant. */
interface Target {
  v: VariantPlan;
  platform: string;
  dockerfile: string;
  labels: Record<string, string>;
  buildArgs: Record<string, string>;
  /** Tags a loaded image carries besides its local tag (a variant built for one platform: its tags). */
  loadTags?: readonly string[];
  /** Push OCI manifests (the merged index gets annotations, or the image has some). */
  ociMediatypes?: boolean;
  /**
   * Told of the image a failed push left in the engine (the docker driver stores it under its push
   * tag before it pushes), so that keep-images: false removes it too (leftImage).
   */
  left?: (image: PlatformBuild) => void;
}

/** What buildx writes with --metadata-file: an object with the image digest among other keys. */
const MetadataSchema = z.record(z.string(), z.unknown());

type TagContext = Pick<TargetContext, 'repository' | 'push' | 'builder' | 'untrusted' | 'options'>;

/** The tag the docker driver pushes a target by (a scoped run's own: its inline cache is its own). */
const pushTagOf = (ctx: TagContext, t: { v: { name: string } }, arch: string) =>
  buildPushTag(t.v.name, arch, ctx.untrusted?.pushScope);

/**
 * Where a target's image is in the engine, when it is there: the local tag of a load (push: false,
 * or push and load as a second exporter); the docker driver's pushed image is already in the
 * engine, under the tag it pushed by (buildx names it nothing else). Undefined: only pushed.
 * A local ref does not mean "not pushed": the build result says that in `pushed` (isPushed).
 */
export function localRefOf(ctx: TagContext, t: { v: { name: string } }, arch: string): string | undefined {
  if (exportsLoad(ctx)) return localTag(ctx.repository, t.v.name, arch);
  return ctx.options?.load ? `${ctx.repository}:${pushTagOf(ctx, t, arch)}` : undefined;
}

/** Whether an exporter of the build loads the image (push: false, or push and load by digest), under its local tag and loadTags. */
const exportsLoad = (ctx: TagContext) => !ctx.push || (!!ctx.options?.load && canPushByDigest(ctx.builder));

/** The tags a loaded image carries besides its local ref (buildx-args.ts outputArgs). */
const loadedTagsOf = (ctx: TagContext, t: Pick<Target, 'loadTags'>): string[] =>
  exportsLoad(ctx) ? [...(t.loadTags ?? [])] : [];

/** The secret files and the buildx argv of one target. */
function prepareTarget(ctx: TargetContext, t: Target, arch: string, metadataFile: string): string[] {
  const resolved = ctx.resolved?.[`${t.v.name}/${t.platform}`];
  const inputs: BuildInputs = {
    requirements: resolved?.requirements ?? ctx.requirements,
    constraints: resolved?.constraints ?? ctx.constraints,
    indexes: ctx.indexes,
    ...(t.v.torch?.indexUrl !== undefined && { torchIndexUrl: t.v.torch.indexUrl }),
    secretEnv: ctx.secretEnv,
  };
  const fileSecrets = {
    ...writeBuildInputs(path.join(ctx.work, `inputs-${t.v.name}-${arch}`), inputs, ctx.progress),
    ...ctx.valueSecretFiles,
  };
  const o = ctx.options ?? {};
  // The manifest types of each annotation: an index type is the merge's (mergeAnnotations).
  const annotations = (o.annotations ?? []).flatMap((a) => manifestPart(a) ?? []).map(annotationArg);
  const { args, notes, warnings } = buildxBuildArgs(
    {
      context: ctx.context,
      dockerfile: t.dockerfile,
      platform: t.platform,
      repository: ctx.repository,
      pushTag: pushTagOf(ctx, t, arch),
      push: ctx.push,
      ...((!ctx.push || o.load) && {
        loadTag: localTag(ctx.repository, t.v.name, arch),
        ...(t.loadTags && t.loadTags.length > 0 && { loadTags: t.loadTags }),
      }),
      labels: t.labels,
      buildArgs: { ...t.buildArgs, [INPUTS_DIGEST_ARG]: inputsDigest(inputs) },
      cache: cacheFor(ctx.cache, ctx.repository, t.v.name, arch),
      ...(ctx.untrusted && scopedCacheOf(ctx.untrusted, t.v.name, arch)),
      metadataFile,
      provenance: ctx.build.provenance.mode,
      ...(ctx.build.provenance.version !== undefined && { provenanceVersion: ctx.build.provenance.version }),
      secrets: ctx.build.secrets,
      fileSecrets,
      network: ctx.build.network,
      pull: ctx.build.pull,
      ...(o.noCache !== undefined && { noCache: o.noCache }),
      ...(o.target !== undefined && { target: o.target }),
      ...(o.secretEnvs && { secretEnvs: o.secretEnvs }),
      ...(annotations.length > 0 && { annotations }),
      ...(o.sbom !== undefined && { sbom: o.sbom }),
      ...(ctx.push && o.load && { load: true }),
      ...((t.ociMediatypes || annotations.length > 0) && { ociMediatypes: true }),
      ...requestFromOptions(o, t.v.name, arch),
    },
    ctx.builder,
  );
  for (const n of notes) noteOnce(ctx, n);
  for (const w of warnings) warnOnce(ctx, w);
  return args;
}

/** The image digest from buildx's metadata file, the metadata kept without URL credentials. */
function readMetadata(
  id: string,
  metadataFile: string,
): { digest: string; metadata: Record<string, unknown> } {
  // buildx's metadata can quote build inputs (provenance): no URL credentials in build.json.
  const parsed = MetadataSchema.safeParse(redactUrlsDeep(JSON.parse(readFileSync(metadataFile, 'utf8'))));
  const metadata = parsed.success ? parsed.data : {};
  const digest = metadata['containerimage.digest'];
  if (typeof digest !== 'string')
    throw new CheckFailedError(`build ${id}: buildx wrote no image digest to ${metadataFile}`);
  return { digest, metadata };
}

/**
 * What a build that passed made: its digest and metadata (checked to be this build's image where
 * the docker driver pushed by tag: pushed-image.ts) and where it is in the engine.
 */
async function builtImage(
  ctx: TargetContext,
  t: Target,
  arch: string,
  metadataFile: string,
): Promise<{ digest: string; rest: BuiltRest }> {
  const id = `${t.v.name}/${arch}`;
  const { digest, metadata } = readMetadata(id, metadataFile);
  const { repository, builder } = ctx;
  const p = { id, repository, platform: t.platform, digest, metadata, builder: builder.name };
  if (ctx.push && !canPushByDigest(builder)) {
    const pushRef = `${repository}:${pushTagOf(ctx, t, arch)}`;
    const warning = await checkPushedByTag(ctx.docker, { ...p, pushRef });
    if (warning !== undefined) ctx.progress(`warning: ${warning}`);
  }
  const localRef = localRefOf(ctx, t, arch);
  const loadedTags = loadedTagsOf(ctx, t);
  const where = { ...(localRef !== undefined && { localRef }), ...(loadedTags.length > 0 && { loadedTags }) };
  // An index pushed (BuildKit's attestations beside the image): the platform's digest is its image's.
  const { digest: image, ...index } = ctx.push ? await pushedPlatformImage(ctx.docker, p) : { digest };
  return { digest: image, rest: { metadata, ...where, pushed: ctx.push, ...index } };
}

type BuiltRest = Pick<PlatformBuild, 'metadata' | 'localRef' | 'loadedTags' | 'pushed' | 'indexDigest'>;

/**
 * Builds one target, retrying transient failures; throws the classified error of the last attempt,
 * after telling T.left of the image a failed push of the docker driver left under its push tag.
 */
export async function buildTarget(ctx: TargetContext, t: Target): Promise<PlatformBuild> {
  const arch = archOf(t.platform)!;
  const pushRef =
    t.left && ctx.push && !canPushByDigest(ctx.builder)
      ? `${ctx.repository}:${pushTagOf(ctx, t, arch)}`
      : undefined;
  // The image the tag named before (null: none): one this build did not make is never reported,
  // and an engine that could not say (an error) leaves nothing to compare with.
  const before =
    pushRef === undefined
      ? undefined
      : await ctx.docker.inspectLocalImage(pushRef).then(
          (d) => d?.id ?? null,
          () => undefined,
        );
  const outcome = attempts(ctx, t, arch);
  if (pushRef === undefined || before === undefined) return outcome;
  let looked: Promise<void> | undefined;
  const look = () => (looked ??= leftImage(ctx, t, pushRef, before));
  // A signal: the process exits once its cleanups end, before this function's catch would run
  // (its buildx is stopped by a cleanup of its own). This one waits for the build to end, then looks.
  const unregister = registerCleanup(() => outcome.then(() => undefined, look));
  try {
    return await outcome;
  } catch (e) {
    await look();
    throw e;
  } finally {
    unregister();
  }
}

/**
 * The image a failed build left under PUSHREF, for T.left: a new one (not BEFORE) that carries
 * every label this build set (the variant, the commit, the created time, the base digest): not an
 * image another build of another commit or base put under the tag meanwhile. Looked at by its tag
 * alone; an engine that cannot answer tells nothing.
 */
async function leftImage(ctx: TargetContext, t: Target, pushRef: string, before: string | null) {
  const d = await ctx.docker.inspectLocalImage(pushRef).catch(() => undefined);
  if (d === undefined || d.id === before || d.labels[`${LABEL_PREFIX}.variant`] !== t.v.name) return;
  if (!Object.entries(t.labels).every(([k, v]) => d.labels[k] === v)) return;
  t.left?.({
    platform: t.platform,
    digest: d.id,
    durationMs: 0,
    attempts: 1,
    metadata: { 'containerimage.config.digest': d.id },
    localRef: pushRef,
    pushed: false,
  });
}

/** buildTarget's attempts: build, and retry what may pass on a second try. */
async function attempts(ctx: TargetContext, t: Target, arch: string): Promise<PlatformBuild> {
  const id = `${t.v.name}/${arch}`;
  const metadataFile = path.join(ctx.work, `metadata-${t.v.name}-${arch}.json`);
  let args = prepareTarget(ctx, t, arch, metadataFile);
  const started = ctx.now();
  // The retry budget counts from here: a long first attempt still gets its retries.
  let firstFailure: number | undefined;
  const cacheNote = cacheImportWatcher((line) => ctx.progress(`build ${id}: ${line}`));
  for (let attempt = 1; ; attempt++) {
    ctx.signal?.throwIfAborted();
    throwIfInterrupted(`build ${id}`);
    ctx.progress(`build ${id}: started${attempt > 1 ? ` (attempt ${attempt}/${MAX_ATTEMPTS})` : ''}`);
    const tail: string[] = [];
    const r = await ctx.docker.buildx(args, {
      ...(ctx.buildxEnv && { env: { ...ctx.buildxEnv } }),
      ...(ctx.signal && { signal: ctx.signal }),
      onLine: (raw) => {
        // pip masks passwords itself; this also covers a token used as a URL's user name.
        const line = ctx.mask(raw);
        tail.push(line);
        if (tail.length > 400) tail.shift();
        ctx.output?.(line, id);
        cacheNote(line);
      },
    });
    // Stopped because another platform failed: that failure is the stage's, not this exit.
    if (r.exitCode !== 0) ctx.signal?.throwIfAborted();
    const finished = ctx.now();
    const elapsed = ((finished - started) / 1000).toFixed(1);
    if (r.exitCode === 0) {
      const built = await builtImage(ctx, t, arch, metadataFile);
      ctx.progress(`build ${id}: done in ${elapsed}s (${built.digest.slice(0, 19)})`);
      return {
        platform: t.platform,
        digest: built.digest,
        durationMs: finished - started,
        finishedAt: new Date(finished).toISOString(),
        attempts: attempt,
        ...built.rest,
      };
    }
    const log = tail.join('\n') || ctx.mask(r.stderr);
    const missing = MISSING_CACHED_LAYER.test(lastLines(log));
    // Without the cache it lacks a layer again: the engine's storage, not the build (exit 3).
    if (missing && args.includes('--no-cache')) throw engineStorageError(id, log);
    if (missing) {
      // Once: the same build without any cache (the imported cache's steps stay cached in
      // BuildKit until pruned: a build without --cache-from alone hits them again). It still
      // exports its own cache for the next run.
      ctx.progress(
        `build ${id}: the engine lacks a layer of a cached step (${failureReason(log)}); building again without the cache`,
      );
      args = uncachedArgs(args);
      continue;
    }
    const registries = {
      write: parseImageRef(ctx.repository).registry,
      read: parseImageRef(t.v.base.ref).registry,
    };
    const retry = afterFailedAttempt({
      id,
      result: r,
      log,
      attempt,
      spentMs: ctx.now() - (firstFailure ??= ctx.now()),
      elapsed,
      registries,
      platform: t.platform,
      ...(await builderPlatformFor(ctx, log)),
    });
    ctx.progress(`build ${id}: transient failure (${retry.reason}); retrying in ${retry.waitMs / 1000}s`);
    // The wait ends early when another platform failed, or at SIGINT/SIGTERM (the loop's top then
    // stops this build, and the process's exit is not held for the wait). Its listener goes with
    // it: the abort signal is the variant's, shared by every platform and wait.
    await new Promise<void>((resolve) => {
      let unregister = () => {};
      const done = () => {
        ctx.signal?.removeEventListener('abort', done);
        unregister();
        resolve();
      };
      unregister = registerCleanup(done);
      ctx.signal?.addEventListener('abort', done, { once: true });
      void ctx.sleep(retry.waitMs).then(done);
    });
  }
}

/** Index annotations of the merged list: `imagetools create --annotation` needs buildx >= 0.12. */
export function mergeAnnotations(
  ctx: TargetContext,
  labels: Readonly<Record<string, string>>,
  given: BuildInputOptions['annotations'],
): string[] {
  const wanted = indexAnnotations(labels, given);
  if (wanted.length === 0) return wanted;
  const why = classicDocker(ctx.builder)
    ? 'docker driver: the platform images are Docker manifests, so the merged list is a Docker manifest list, which carries no annotations: index annotations left out (use a docker-container builder)'
    : compareVersions(ctx.builder.buildxVersion, '0.12.0') < 0
      ? `index annotations need buildx >= 0.12.0 (found ${ctx.builder.buildxVersion}), left out`
      : undefined;
  if (why === undefined) return wanted;
  noteOnce(ctx, why);
  return [];
}
