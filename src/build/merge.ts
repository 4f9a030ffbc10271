// Multi-arch tags: `imagetools create` merges each variant's per-platform digests into one
// manifest list under every tag; an image built with push: false gets a local tag instead.
import type { DockerAdapter } from '../docker/adapter.js';
import { tagsByRepository } from './action-inputs.js';

/** The tag of an image built with push: false (loaded into the engine, never pushed). */
export function localTag(repository: string, variant: string, arch: string): string {
  return `${repository}:ml-image-local-${variant}-${arch}`;
}

/** imagetools create: one multi-arch manifest list from per-platform digests, under every tag. */
export async function mergeVariant(
  deps: { docker: DockerAdapter; progress: (line: string) => void; now?: () => number },
  variant: string,
  tags: readonly string[],
  sources: readonly string[],
  /** `index:KEY=VALUE` annotations of the merged index (buildx >= 0.12). */
  annotations: readonly string[] = [],
): Promise<string> {
  const now = deps.now ?? Date.now;
  const t0 = now();
  // One `imagetools create` per repository, the sources' own first: buildx copies blobs into
  // another repository once per tag, concurrently, and a registry refuses a list whose manifests
  // are not copied yet (400).
  const buildRepository = sources[0]?.split('@')[0] ?? '';
  let digest: string | undefined;
  for (const group of tagsByRepository(buildRepository, tags)) {
    const d = await (annotations.length > 0
      ? deps.docker.imagetoolsCreate(group, [...sources], { annotations })
      : deps.docker.imagetoolsCreate(group, [...sources]));
    digest ??= d;
  }
  if (digest === undefined) throw new Error(`merge ${variant}: no tags`);
  deps.progress(
    `merge ${variant}: ${sources.length} platform(s) -> ${tags.join(', ')} (${digest.slice(0, 19)}) in ${((now() - t0) / 1000).toFixed(1)}s`,
  );
  return digest;
}
