// Reusing an earlier resolution (`ml-image run`): its cache key, and the lookup that says why an
// answer is or is not reused.
import { createHash } from 'node:crypto';
import type { GitHubEvent } from '../github/event.js';
import { remoteIncludes } from '../requirements/parse.js';
import { VERSION } from '../version.js';
import { pipReadText, type ResolveInput } from './input.js';
import { pipCacheScope } from './pip-cache.js';
import { type ResolveOutput, ResolveOutputSchema } from './result.js';
import { cachedJson, type SnapshotCache } from './snapshot-cache.js';

/** What the lookup takes of the resolver's dependencies (ResolveDeps). */
interface EarlierDeps {
  cache?: SnapshotCache;
  reuse?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  event?: GitHubEvent;
}

/**
 * Cache key of a resolution: the base digest, every input that can change pip's answer, and the
 * run's trust scope (pipCacheScope): an answer a run that may build a pull request's code worked
 * out, against its own pip cache volume, is never reused by a branch's run.
 */
export function resolutionKey(
  baseDigest: string,
  input: ResolveInput,
  env: Readonly<Record<string, string | undefined>> = {},
  /** The runner's event payload, which the caller read (ResolveDeps.event); default: an empty one. */
  event: GitHubEvent = {},
): string {
  // Neither decides pip's answer: the network only reaches the same indexes, and which base runs is
  // in baseDigest (the registry digest, or the local image id, of the image that ran).
  const { network: _network, pull: _pull, ...decisive } = input;
  // snapshot: its format (helper-output.ts): an answer from a snapshot that missed Debian's
  // python3-* packages (format 1) is not reused.
  return `resolution-${createHash('sha256')
    .update(
      JSON.stringify({
        baseDigest,
        decisive,
        VERSION,
        snapshot: 2,
        scope: pipCacheScope(env, event),
      }),
    )
    .digest('hex')}`;
}

/** An earlier run's answer to exactly these inputs, where reuse is on and one is kept; else its key. */
export function earlierResolution(
  input: ResolveInput,
  deps: EarlierDeps,
  /** The base's cache key (PinnedBase.key): its registry digest, or its local image id. */
  digest: string | undefined,
  say: (line: string) => void,
): { key?: string; hit?: ResolveOutput } {
  if (!deps.reuse || !deps.cache || digest === undefined) return {};
  // The key holds the requirements' text: a file pip fetches from a URL can change without it.
  if (remoteIncludes(pipReadText(input)).length > 0) {
    say(
      'not reusing an earlier resolution: the requirements include a file from a URL (-r/-c https://...), which can change without them changing',
    );
    return {};
  }
  const key = resolutionKey(digest, input, deps.env, deps.event);
  const hit = cachedJson(deps.cache, key, ResolveOutputSchema)?.value;
  if (hit === undefined) return { key };
  say(`reused the resolution of identical inputs (base ${digest.slice(0, 19)})`);
  return { key, hit };
}
