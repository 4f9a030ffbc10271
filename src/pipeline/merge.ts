// The merge job of a matrix build: the digest files every build job wrote -> one multi-arch
// manifest list per variant (src/results reads and checks the files).
import { type Annotation, indexAnnotations } from '../build/action-inputs.js';
import { mergeVariant } from '../build/merge.js';
import { BUILD_RESULT_SCHEMA_VERSION, type BuildResult, type VariantBuild } from '../build/result.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { InputError } from '../errors.js';
import type { Plan } from '../plan/plan.js';
import { type DigestFile, readDigestFiles } from '../results/results.js';
import { compareText } from '../util/text.js';
import { compareVersions } from '../util/versions.js';

export interface MergeIo {
  docker: () => DockerAdapter;
  progress: (stage: 'build', line: string) => void;
}

/** The digest files of `dir` by variant; a second digest for one platform is bad input. */
function byVariant(dir: string): Map<string, DigestFile[]> {
  const files = readDigestFiles(dir);
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
export function mergeProblems(plan: Plan, have: ReadonlyMap<string, readonly DigestFile[]>): string[] {
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
  const found = byVariant(dir);
  const problems = plan ? mergeProblems(plan, found) : [];
  if (problems.length)
    throw new InputError(
      `merge-from ${dir}: ${problems.join('; ')}`,
      'every build job of the matrix must succeed and upload its digests before the merge',
    );
  const docker = io.docker();
  const annotate = compareVersions(await docker.buildxVersion(), '0.12.0') >= 0;
  if (!annotate) io.progress('build', 'note: index annotations need buildx >= 0.12.0: left out');
  const variants: VariantBuild[] = [];
  for (const [variant, parts] of found) {
    const first = parts[0]!;
    const platforms = parts.map((p) => p.build).sort((a, b) => compareText(a.platform, b.platform));
    const digest = await mergeVariant(
      { docker, progress: (l) => io.progress('build', l) },
      variant,
      first.tags,
      platforms.map((p) => `${first.repository}@${p.digest}`),
      annotate ? indexAnnotations(plan?.variants.find((v) => v.name === variant)?.labels ?? {}, given) : [],
    );
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
  return { schemaVersion: BUILD_RESULT_SCHEMA_VERSION, variants };
}
