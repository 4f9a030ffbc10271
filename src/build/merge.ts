// Multi-arch tags: `imagetools create` merges each variant's per-platform digests into one
// manifest list under every tag; an image built with push: false gets a local tag instead.
import type { DockerAdapter } from '../docker/adapter.js';

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
): Promise<string> {
  const now = deps.now ?? Date.now;
  const t0 = now();
  const digest = await deps.docker.imagetoolsCreate([...tags], [...sources]);
  deps.progress(
    `merge ${variant}: ${sources.length} platform(s) -> ${tags.join(', ')} (${digest.slice(0, 19)}) in ${((now() - t0) / 1000).toFixed(1)}s`,
  );
  return digest;
}
