// The merge job of a matrix build: the digest files every build job wrote -> one multi-arch
// manifest list per variant (src/results reads and checks the files).
import { type Annotation, indexAnnotations } from '../build/action-inputs.js';
import { mergeVariant } from '../build/merge.js';
import {
  BUILD_RESULT_SCHEMA_VERSION,
  type BuildResult,
  type PlatformBuild,
  type VariantBuild,
} from '../build/result.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { InputError } from '../errors.js';
import type { Plan } from '../plan/plan.js';
import { type DigestFile, readDigestFiles } from '../results/results.js';
import { mergedMaterials } from './merge-materials.js';
import { compareText } from '../util/text.js';
import { compareVersions } from '../util/versions.js';

interface MergeIo {
  docker: () => DockerAdapter;
  progress: (stage: 'build', line: string) => void;
}

/** The digest files of `dir` by variant; a second digest for one platform is bad input. */
function byVariant(
  dir: string,
  files: readonly { file: string; digest: DigestFile }[],
): Map<string, DigestFile[]> {
  if (files.length === 0)
    throw new InputError(
      `merge-from ${dir}: no digest files`,
      "download the build jobs' digests artifacts into it",
    );
  const out = new Map<string, DigestFile[]>();
  for (const { file, digest } of files) {
    const list = out.get(digest.variant) ?? [];
    if (list.some((x) => x.build.platform === digest.build.platform))
      throw new InputError(`${file}: a second digest for ${digest.variant} ${digest.build.platform}`);
    out.set(digest.variant, [...list, digest]);
  }
  return out;
}

/** A missing platform would publish a single-arch image under the release tags: refuse. */
function mergeProblems(plan: Plan, have: ReadonlyMap<string, readonly DigestFile[]>): string[] {
  const problems: string[] = [];
  for (const v of plan.variants) {
    const platforms = new Set((have.get(v.name) ?? []).map((x) => x.build.platform));
    const missing = v.platforms.filter((p) => !platforms.has(p));
    if (missing.length) problems.push(`${v.name}: no digest for ${missing.join(', ')}`);
  }
  const extra = [...have.keys()].filter((n) => !plan.variants.some((v) => v.name === n));
  if (extra.length) problems.push(`digests for variants the plan does not have: ${extra.join(', ')}`);
  return problems;
}

/**
 * The merge job: the digest files of every matrix job -> one multi-arch manifest list per variant,
 * annotated (buildx >= 0.12) with the `index:` annotations given and the variant's OCI labels (title,
 * description, source ...), as a one-job build annotates its list.
 */
export async function mergeFromDigestFiles(
  dir: string,
  io: MergeIo,
  plan?: Plan,
  given: readonly Annotation[] = [],
): Promise<BuildResult> {
  const files = readDigestFiles(dir);
  const found = byVariant(dir, files);
  const problems = plan ? mergeProblems(plan, found) : [];
  if (problems.length)
    throw new InputError(
      `merge-from ${dir}: ${problems.join('; ')}`,
      'every build job of the matrix must succeed and upload its digests before the merge',
    );
  const materials = mergedMaterials(files, (l) => io.progress('build', l));
  const docker = io.docker();
  const annotate = compareVersions(await docker.buildxVersion(), '0.12.0') >= 0;
  if (!annotate) io.progress('build', 'note: index annotations need buildx >= 0.12.0: left out');
  const variants: VariantBuild[] = [];
  for (const [variant, parts] of found) {
    const first = parts[0]!;
    const platforms = parts.map((p) => p.build).sort((a, b) => compareText(a.platform, b.platform));
    const annotations = annotate
      ? indexAnnotations(plan?.variants.find((v) => v.name === variant)?.labels ?? {}, given)
      : [];
    const digest = await mergeVariant(
      { docker, progress: (l) => io.progress('build', l) },
      variant,
      first.tags,
      // The indexes the builds pushed, where they did: BuildKit's attestations stay beside each image.
      platforms.map((p) => `${first.repository}@${p.indexDigest ?? p.digest}`),
      annotations,
    );
    if (annotations.length > 0) {
      const dropped = await annotationsDropped(docker, `${first.repository}@${digest}`, platforms);
      if (dropped) io.progress('build', `warning: ${variant}: ${dropped}`);
    }
    variants.push({
      variant,
      repository: first.repository,
      digest,
      tags: first.tags,
      platforms,
      baseImage: first.baseImage,
      ...(first.baseDigest !== undefined && { baseDigest: first.baseDigest }),
    });
  }
  return { schemaVersion: BUILD_RESULT_SCHEMA_VERSION, variants, ...(materials && { materials }) };
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';

/** The media type buildx recorded for a platform image it pushed (its metadata's descriptor). */
function pushedMediaType(p: PlatformBuild): string | undefined {
  const descriptor = p.metadata['containerimage.descriptor'];
  const type: unknown =
    typeof descriptor === 'object' && descriptor !== null ? Reflect.get(descriptor, 'mediaType') : undefined;
  return typeof type === 'string' ? type : undefined;
}

/**
 * Why the index annotations asked for are not on the merged list REF, or undefined: buildx makes
 * a Docker manifest list from Docker manifests (the build jobs ran on the docker driver, whose
 * dockerd pushes Docker manifests, or an older version of this tool) and drops the annotations
 * without a word. Platform images buildx recorded as OCI manifests need no look; else the list's
 * media type is read (a list that cannot be read is not judged: the merge itself succeeded).
 */
async function annotationsDropped(
  docker: DockerAdapter,
  ref: string,
  platforms: readonly PlatformBuild[],
): Promise<string | undefined> {
  if (platforms.every((p) => pushedMediaType(p) === OCI_MANIFEST)) return undefined;
  const index = await docker.imagetoolsInspect(ref).catch(() => undefined);
  if (index?.mediaType !== DOCKER_LIST) return undefined;
  return `the index annotations were not applied: ${ref} is a Docker manifest list, which carries none, because its platform images were pushed with Docker media types (build jobs on the docker driver); build them with a docker-container builder (docker/setup-buildx-action) to have the list annotated`;
}
