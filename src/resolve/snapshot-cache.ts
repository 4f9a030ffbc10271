// Base-image snapshots (pip inspect + constraint file + PIP_* env) cached by image digest and
// platform: a digest names exactly one set of installed packages, so the cache never goes stale.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

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
      try {
        mkdirSync(path.dirname(file(key)), { recursive: true });
        // Write then rename: a reader never sees half a file, even with concurrent jobs.
        const tmp = `${file(key)}.${process.pid}.tmp`;
        writeFileSync(tmp, value);
        renameSync(tmp, file(key));
      } catch {
        // A cache that cannot be written only costs speed.
      }
    },
  };
}
