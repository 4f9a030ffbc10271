// Base-image snapshots (pip inspect + constraint file + PIP_* env) cached by image digest and
// platform: a digest names exactly one set of installed packages, so the cache never goes stale.
// `ml-image run` keeps whole resolutions here too (resolutionKey). Entries are text; readers parse
// them with their schema (cachedJson), and an entry that does not parse is a miss.
//
// Who can write an entry that another run trusts. The cache is a directory of this machine's user
// ($ML_IMAGE_CACHE_DIR, else ~/.cache/ml-image; 0700, files 0600), never @actions/cache: nothing in
// it travels between runners, branches or pull requests through GitHub. On a GitHub-hosted runner
// each job starts with an empty one. On a persistent self-hosted runner the jobs of its user share
// it; a job that runs steps of its own (a pull request's workflow) can write anything there, as it
// can anywhere in that user's home, and no format of an entry would stop it: such runners must not
// run untrusted pull requests beside the default branch (workflows/native-matrix.yml says so).
// Through this tool's own inputs (a pull request's config, requirements and base image) an entry
// under a digest holds only what that digest ships: the resolver's container runs the base by its
// digest (base.ts: never a local image that merely carries the tag), and the snapshot kept is taken
// by its own command before any of the requirements' code runs (steps/snapshot.ts ownSnapshot).
// A resolution (`ml-image run` only) is keyed by the digest and every input that decides it.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from '../util/json-file.js';

export interface SnapshotCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export function snapshotKey(digest: string, platform: string): string {
  return `${digest.replace(/[^a-z0-9]+/gi, '-')}-${platform.replace(/\//g, '-')}`;
}

export function fileSnapshotCache(dir: string): SnapshotCache {
  const file = (key: string) => path.join(dir, 'snapshots', `${key}.json`);
  return {
    get(key) {
      try {
        return readFileSync(file(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      // Write then rename: a reader never sees half a file, even with concurrent jobs.
      try {
        // Private to the user all the same: a resolution holds the requirements text as written,
        // a credential only by its ${NAME} (one written literally is refused when they are read).
        mkdirSync(path.dirname(file(key)), { recursive: true, mode: 0o700 });
        writeFileAtomic(file(key), value, file(key), false, 0o600);
      } catch {
        // A cache that cannot be written only costs speed; no half-written file stays in it.
      }
    },
  };
}

/** A cache entry parsed with its schema; a missing, unreadable or outdated entry is a miss. */
export function cachedJson<T>(
  cache: SnapshotCache | undefined,
  key: string | undefined,
  schema: z.ZodType<T>,
): { text: string; value: T } | undefined {
  const text = key !== undefined ? cache?.get(key) : undefined;
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? { text, value: parsed.data } : undefined;
  } catch {
    return undefined;
  }
}
