// The baseline store: the records (env-*.json, smoke-*.json) of one image+variant+platform set, saved
// per branch and commit, restored by the base branch. On GitHub: @actions/cache (a pull request may
// restore its base branch's caches). Locally and on self-hosted runners: a directory.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';
import { ensureResultDir } from '../util/json-file.js';

export interface BaselineStore {
  /** Where the records are; e.g. "cache" or the directory. */
  describe(): string;
  /** A directory holding the newest saved records of `branch`, or undefined when there are none. */
  restore(key: string, branch: string): Promise<string | undefined>;
  /** Save these files as the records of `branch` at `sha`. */
  save(key: string, branch: string, sha: string, files: readonly string[]): Promise<void>;
}

/** Cache keys may not hold commas and are at most 512 characters: a readable slug plus a hash. */
export function baselineSlug(key: string): string {
  const readable = key.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
  return `${readable}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

const branchSlug = (b: string) => b.replace(/^refs\/heads\//, '').replace(/[^A-Za-z0-9._-]+/g, '-');

/**
 * root/<slug>/<branch>/: the newest save of a branch replaces the previous one. ROOT is checked now
 * (a directory, or none yet, not under /proc, /sys or /dev: exit 2 naming LABEL, the flag or
 * variable that chose it), before any stage runs; a save that fails later is exit 3 naming it.
 */
export function dirBaselineStore(
  root: string,
  label = `baseline directory ${root}`,
  flag = '--baseline DIR',
): BaselineStore {
  ensureResultDir(root, label, { create: false, flag });
  return {
    describe: () => root,
    restore(key, branch) {
      const dir = path.join(root, baselineSlug(key), branchSlug(branch));
      return Promise.resolve(existsSync(dir) && readdirSync(dir).length > 0 ? dir : undefined);
    },
    save(key, branch, _sha, files) {
      const dir = path.join(root, baselineSlug(key), branchSlug(branch));
      // Copied beside it first: a copy that fails (a full disk) keeps the last baseline whole,
      // rather than none or a truncated one.
      const next = `${dir}.${process.pid}.tmp`;
      try {
        rmSync(next, { recursive: true, force: true });
        mkdirSync(next, { recursive: true });
        for (const f of files) cpSync(f, path.join(next, path.basename(f)));
        rmSync(dir, { recursive: true, force: true });
        renameSync(next, dir);
      } catch (e) {
        rmSync(next, { recursive: true, force: true });
        // The report is written; only the baseline for the next run is missing.
        throw new EnvironmentError(
          `${label}: cannot save the baseline in ${dir} (${String((e as Error).message ?? e).split('\n')[0]})`,
          `check that ${root} is a writable directory with free space (or pass ${flag}, or --baseline none), then run again`,
          { cause: e },
        );
      }
      return Promise.resolve();
    },
  };
}

/** The subset of @actions/cache used, so tests can pass a plain object. */
export interface CacheApi {
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

/**
 * @actions/cache under keys `ml-image-baseline-v1-<slug>-<branch>-<sha>`, restored by the prefix
 * without the sha (the newest entry of the branch). Cache entries are immutable, hence the sha.
 * The path must be the same on save and restore, so it is fixed under RUNNER_TEMP.
 */
export function actionsCacheBaselineStore(
  runnerTemp: string,
  log: { warning(m: string): void },
  api?: CacheApi,
): BaselineStore {
  const load = async (): Promise<CacheApi> => api ?? (await import('@actions/cache'));
  const dirFor = (key: string) => path.join(runnerTemp, 'ml-image-baseline', baselineSlug(key));
  const prefix = (key: string, branch: string) =>
    `ml-image-baseline-v1-${baselineSlug(key)}-${branchSlug(branch)}-`;
  return {
    describe: () => 'the Actions cache',
    async restore(key, branch) {
      const dir = dirFor(key);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      try {
        const hit = await (
          await load()
        ).restoreCache([dir], `${prefix(key, branch)}none`, [prefix(key, branch)]);
        return hit !== undefined && readdirSync(dir).length > 0 ? dir : undefined;
      } catch (e) {
        // The cache service is best effort: a report without a baseline beats a failed job.
        log.warning(`baseline restore failed (${(e as Error).message}); reporting without a baseline`);
        return undefined;
      }
    },
    async save(key, branch, sha, files) {
      const dir = dirFor(key);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const f of files) cpSync(f, path.join(dir, path.basename(f)));
      try {
        await (await load()).saveCache([dir], `${prefix(key, branch)}${sha}`);
      } catch (e) {
        // A re-run of the same commit finds its entry already there: nothing is lost.
        if (/already exists|unable to reserve/i.test((e as Error).message)) return;
        log.warning(
          `baseline save failed (${(e as Error).message}); the next pull request will have no baseline`,
        );
      }
    },
  };
}
