// Base-image snapshots (pip inspect + constraint file + PIP_* env) cached by image digest and
// platform: a digest names exactly one set of installed packages, so the cache never goes stale.
// `ml-image run` keeps whole resolutions here too (resolutionKey). Entries are text; readers parse
// them with their schema (cachedJson), and an entry that does not parse is a miss.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';

export interface SnapshotCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export function snapshotKey(digest: string, platform: string): string {
  return `${digest.replace(/[^a-z0-9]+/gi, '-')}-${platform.replace(/\//g, '-')}`;
}

/** $ML_IMAGE_CACHE_DIR, else $XDG_CACHE_HOME/ml-image, else ~/.cache/ml-image. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return (
    env.ML_IMAGE_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'ml-image')
  );
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
      const tmp = `${file(key)}.${process.pid}.tmp`;
      try {
        // Private to the user: a resolution holds the requirements text, which may name a private
        // index with its token (`--index-url https://user:TOKEN@host/simple`).
        mkdirSync(path.dirname(file(key)), { recursive: true, mode: 0o700 });
        writeFileSync(tmp, value, { mode: 0o600 });
        renameSync(tmp, file(key));
      } catch {
        // A cache that cannot be written only costs speed; no half-written file stays in it.
        rmSync(tmp, { force: true });
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
