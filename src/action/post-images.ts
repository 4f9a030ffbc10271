// The post step's removal of the images a run left in the engine of a self-hosted runner (a
// GitHub-hosted VM is discarded after the job): the local tags its build left and the pushed
// platform images its smoke stage pulled by digest, as build.json (read through the results
// contract) records them. Loaded by post.ts only when there is something to remove, so that every
// other post step loads no schema of the results.
//
// Only with keep-images: false (on a runner where one job at a time uses the engine: two jobs that
// build the same content share the image). What is removed, and only that:
//   - the tags this run's build left (build.json's localRef, REPO:ml-image-local-VARIANT-ARCH, and
//     the docker driver's push tag of this run, REPO:ml-image-build-VARIANT-ARCH or, for a scoped
//     run, REPO:ml-image-build.SCOPE-VARIANT-ARCH (prN, untrusted or ref-<8 hex>: push-tag.ts;
//     src/build localTag), only while they still name the image build.json records (a
//     concurrent job's newer image under one is left alone); never another run's tag on the image;
//   - the tags a load put on the image besides its local tag (build.json's loadedTags: a variant
//     built for one platform), again only while they name the image build.json records;
//   - REPO@DIGEST of each platform build.json records, when the engine holds it.
// A smoke-only run (no build stage: its build.json is the one the workflow downloaded) built
// nothing: the build tags are the build job's, kept or removed by its own post step on a runner
// that shares the engine. It removes only REPO@DIGEST, and only while the image carries no tag
// (what its smoke stage's pull by digest leaves; a tagged one is another job's, left with a line).
// A run that builds reads only the build.json its build wrote (newer than the run, no link); with
// none (a build that failed or was cancelled), the targets its main step saved as they were built
// (and the image a failed push of the docker driver left under its push tag: src/build/target.ts).
// Only images the build labelled with the variant qualify: never a base image, never a tag of
// another shape. Removal is without force: an image a container uses is left, with a line.
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import {
  BUILD_RESULT_SCHEMA_VERSION,
  type BuildResult,
  BuildResultSchema,
  type PlatformBuild,
  type VariantBuild,
} from '../build/result.js';
import { VARIANT_LABEL } from '../capture/record.js';
import { BUILD_TAG_PREFIX_PATTERN, buildPushTag } from '../build/push-tag.js';
import { archOf } from '../config/platform.js';
import type { DockerAdapter, ImageDetails } from '../docker/adapter.js';
import { repositoryOf } from '../oci/ref.js';
import { BUILD_FILE, openResultDir } from '../results/results.js';
import { isRecordedImage } from '../smoke/local-image.js';
import { escapeRegExp } from '../util/text.js';

/** What the removal did, for the post step's lines. */
interface ImageCleanup {
  /** The references removed (untagged, or deleted with their image). */
  removed: string[];
  /** Images deleted (not only untagged), and the sum of their sizes as inspect reports them. */
  deletedImages: number;
  deletedBytes: number;
  /** References left in place, each with why (a tag that now names another image, an image in use). */
  kept: string[];
  /** Targets whose removal failed ("VARIANT PLATFORM: why"); the others are still done. */
  failed: string[];
}

/** Whether REF is a tag the build leaves for this variant and platform (REPO:ml-image-local-/-build-). */
export function isBuildTag(
  ref: string,
  v: Pick<VariantBuild, 'repository' | 'variant'>,
  platform: string,
): boolean {
  const colon = ref.lastIndexOf(':');
  if (ref.includes('@') || colon < 0 || colon < ref.lastIndexOf('/')) return false;
  const arch = archOf(platform);
  if (arch === undefined || repositoryOf(ref.slice(0, colon)) !== repositoryOf(v.repository)) return false;
  const shape = new RegExp(
    `^(?:ml-image-local-|${BUILD_TAG_PREFIX_PATTERN})${escapeRegExp(v.variant)}-${escapeRegExp(arch)}$`,
  );
  return shape.test(ref.slice(colon + 1));
}

/**
 * An image the build made for this variant: it carries the build's variant label (a base image
 * does not, so a build.json that names one is not followed) and is not the recorded base.
 */
function isBuiltImage(d: ImageDetails, v: VariantBuild): boolean {
  const base = v.baseDigest;
  return (
    d.labels[VARIANT_LABEL] === v.variant &&
    !(base !== undefined && (d.id === base || d.repoDigests.some((r) => r.endsWith(`@${base}`))))
  );
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** Remove REF (which names the image D) without force; the outcome goes into OUT. */
async function removeRef(
  docker: DockerAdapter,
  ref: string,
  d: ImageDetails,
  out: ImageCleanup,
  seen: Set<string>,
) {
  const r = await docker.removeImage(ref);
  if (r.outcome === 'conflict') out.kept.push(`${ref} (in use: ${r.message})`);
  if (r.outcome !== 'removed') return;
  out.removed.push(ref);
  if (r.deleted.includes(d.id) && !seen.has(d.id)) {
    seen.add(d.id);
    out.deletedImages += 1;
    out.deletedBytes += d.sizeBytes;
  }
}

/** A smoke-only run's REPO@DIGEST: removed only while no tag names the image (another job's). */
async function removePulled(
  docker: DockerAdapter,
  byDigest: string,
  v: VariantBuild,
  p: PlatformBuild,
  out: ImageCleanup,
  seen: Set<string>,
): Promise<void> {
  const d = await docker.inspectLocalImage(byDigest);
  if (d === undefined || !isRecordedImage(d, p) || !isBuiltImage(d, v)) return;
  const tags = d.repoTags ?? [];
  if (tags.length > 0)
    out.kept.push(`${byDigest} (tagged ${tags.join(', ')}: not pulled by this smoke-only run)`);
  else await removeRef(docker, byDigest, d, out, seen);
}

/** One platform's references: its build tags first (each checked again), then REPO@DIGEST. */
async function removeTarget(
  docker: DockerAdapter,
  v: VariantBuild,
  p: PlatformBuild,
  out: ImageCleanup,
  seen: Set<string>,
  scope: RemovalScope,
): Promise<void> {
  const byDigest = `${v.repository}@${p.digest}`;
  if (!scope.built) return removePulled(docker, byDigest, v, p, out, seen);
  // Only the tags this run's build left: its load tag, and the tag the docker driver pushed by,
  // which names this run's pull request (pushTag). Another run that built the same content holds
  // the same image under its own tag, which is that run's to remove.
  const pushed = `${v.repository}:${buildPushTag(v.variant, archOf(p.platform) ?? p.platform, scope.pushScope)}`;
  const tags = new Set(
    [...(p.localRef !== undefined ? [p.localRef] : []), pushed].filter((t) => isBuildTag(t, v, p.platform)),
  );
  // A variant built for one platform is loaded under its tags too (build.json's loadedTags): each
  // is this run's while it names the image build.json records.
  for (const t of p.loadedTags ?? []) tags.add(t);
  for (const tag of [...tags].sort()) {
    const d = await docker.inspectLocalImage(tag);
    if (d === undefined) continue; // gone already: nothing to do
    if (!isRecordedImage(d, p)) {
      out.kept.push(`${tag} (it now names image ${short(d.id)}, not the one this run built)`);
    } else if (isBuiltImage(d, v)) await removeRef(docker, tag, d, out, seen);
  }
  const d = await docker.inspectLocalImage(byDigest);
  if (d !== undefined && isRecordedImage(d, p) && isBuiltImage(d, v))
    await removeRef(docker, byDigest, d, out, seen);
}

/** Whose images a removal may take. */
interface RemovalScope {
  /** The run built BUILD (its build stage ran): its build tags are its own. False: a smoke-only run. */
  built: boolean;
  /** What names the push tag of a scoped run (a pull request's, another ref's: push-tag.ts writeScopeOf). */
  pushScope?: string | undefined;
}

/** Remove the images of BUILD from the engine (see the head of this file). */
export async function removeBuildImages(
  docker: DockerAdapter,
  build: BuildResult,
  scope: RemovalScope,
): Promise<ImageCleanup> {
  const out: ImageCleanup = { removed: [], deletedImages: 0, deletedBytes: 0, kept: [], failed: [] };
  const seen = new Set<string>();
  for (const v of build.variants)
    for (const p of v.platforms) {
      try {
        await removeTarget(docker, v, p, out, seen, scope);
      } catch (e) {
        out.failed.push(
          `${v.variant} ${p.platform}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`,
        );
      }
    }
  return out;
}

/** build.json of the run's result directory; undefined when the run wrote (or downloaded) none. */
export function readRunBuild(resultDir: string, builtSince?: number): BuildResult | undefined {
  const file = path.join(resultDir, BUILD_FILE);
  if (!existsSync(file)) return undefined;
  // A run that builds writes its own build.json: an older one (an earlier run's, or one the
  // checkout brought) names no image of this run. lstat: a link is no file the build wrote.
  if (builtSince !== undefined) {
    const st = lstatSync(file);
    if (!st.isFile() || st.mtimeMs < builtSince - 1000) return undefined;
  }
  return openResultDir(resultDir, 'result-dir', {
    create: false,
    flag: 'the "result-dir" input',
  }).readBuild();
}

/**
 * The targets the main step saved as its build built them (post.ts builtTargetRecorder): a build
 * result of those targets; undefined when none were saved. Checked as build.json is.
 */
export function readBuiltTargets(raw: string): BuildResult | undefined {
  if (raw.trim() === '') return undefined;
  const parsed = BuildResultSchema.safeParse({
    ...(JSON.parse(raw) as object),
    schemaVersion: BUILD_RESULT_SCHEMA_VERSION,
  });
  if (!parsed.success)
    throw new Error(`the saved targets of the build are no build result: ${parsed.error.issues[0]?.message}`);
  return parsed.data.variants.length > 0 ? parsed.data : undefined;
}

/** "1.2 GB": decimal units, as `docker image ls` shows sizes. */
export function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  let x = n;
  while (x >= 1000 && i < units.length - 1) {
    x /= 1000;
    i++;
  }
  return `${i === 0 ? x : x.toFixed(1)} ${units[i]}`;
}
