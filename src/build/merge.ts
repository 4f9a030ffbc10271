// Multi-arch tags: `imagetools create` merges each variant's per-platform digests into one
// manifest list under every tag; an image built with push: false gets a local tag instead (and,
// a variant built for one platform, its tags too: buildx loads it under them, stage.ts).
import { setTimeout as delay } from 'node:timers/promises';
import type { DockerAdapter } from '../docker/adapter.js';
import { parseImageRef } from '../oci/ref.js';
import { registryRefusal } from '../docker/failures.js';
import { pushRefusal } from './push-failure.js';
import { EnvironmentError } from '../errors.js';
import { tagsByRepository } from './action-inputs.js';
import {
  failureReason,
  isTransient,
  lastLines,
  MAX_ATTEMPTS,
  nextAttempt,
  RETRY_BUDGET_MS,
} from './retry.js';

/** The tag of an image built with push: false (loaded into the engine, never pushed). */
export function localTag(repository: string, variant: string, arch: string): string {
  return `${repository}:ml-image-local-${variant}-${arch}`;
}

interface MergeDeps {
  docker: DockerAdapter;
  progress: (line: string) => void;
  now?: () => number;
  /** Waits between attempts (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** The run's builder: its name goes to `imagetools create` (--builder), as to the build. */
  builder?: { name?: string | undefined };
}

/** imagetools create: one multi-arch manifest list from per-platform digests, under every tag. */
export async function mergeVariant(
  deps: MergeDeps,
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
  const builder = deps.builder?.name;
  const options = {
    ...(annotations.length > 0 && { annotations }),
    ...(builder !== undefined && { builder }),
  };
  for (const group of tagsByRepository(buildRepository, tags)) {
    const d = await withRetries(deps, `merge ${variant}`, group, () =>
      Object.keys(options).length > 0
        ? deps.docker.imagetoolsCreate(group, [...sources], options)
        : deps.docker.imagetoolsCreate(group, [...sources]),
    );
    digest ??= d;
  }
  if (digest === undefined) throw new Error(`merge ${variant}: no tags`);
  deps.progress(
    `merge ${variant}: ${sources.length} platform(s) -> ${tags.join(', ')} (${digest.slice(0, 19)}) in ${((now() - t0) / 1000).toFixed(1)}s`,
  );
  return digest;
}

/**
 * A merge pushes one index under several tags at once; a registry's passing 5xx, a reset or a
 * rate limit is tried again with the build's backoff (2 s, 4 s) within its budget, counted from
 * the first failure. Pushing the same index again is harmless. A registry that keeps failing is
 * the environment's problem (exit 3).
 */
async function withRetries(
  deps: MergeDeps,
  what: string,
  tags: readonly string[],
  push: () => Promise<string>,
): Promise<string> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? delay;
  let firstFailure: number | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await push();
    } catch (e) {
      const tail = lastLines(e instanceof Error ? e.message : String(e));
      if (!isTransient(tail)) throw refusal(e, what, tail, tags) ?? e;
      const next = nextAttempt(tail, attempt, now() - (firstFailure ??= now()));
      if (!next) {
        if (e instanceof EnvironmentError) throw e;
        const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
        throw new EnvironmentError(
          `${what} into ${tags.join(', ')} failed after ${tries}: ${failureReason(tail)}\n--- last lines of buildx ---\n${tail}`,
          `the registry kept failing (retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s after the first failure); check the registry's status and run the merge again`,
          { cause: e },
        );
      }
      deps.progress(
        `${what}: transient registry failure (${next.reason}); retrying in ${next.waitMs / 1000}s`,
      );
      await sleep(next.waitMs);
    }
  }
}

/**
 * A push of the list (or a read of its sources) the registry refused: exit 3 with the login fix
 * for the tags' registry, as a build's refused push (retry.ts). Undefined: another failure.
 */
function refusal(e: unknown, what: string, tail: string, tags: readonly string[]): Error | undefined {
  if (e instanceof EnvironmentError) return undefined;
  const host = parseImageRef(tags[0] ?? '').registry;
  const into = `${what} into ${tags.join(', ')}`;
  const reason = failureReason(tail);
  const refused =
    registryRefusal(into, reason, tail, { write: host }) ?? pushRefusal(into, reason, tail, host);
  if (refused) refused.cause = e;
  return refused;
}
