// The baseline store: the records (env-*.json, smoke-*.json) of one image+variant+platform set, saved
// per branch and commit, restored by the base branch. On GitHub: @actions/cache (a pull request may
// restore its base branch's caches). Locally and on self-hosted runners: a directory.
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';
import { ensureResultDir } from '../util/json-file.js';
import {
  type DirStoreTuning,
  type Place,
  type RestoredBaseline,
  restoreDir,
  saveDir,
  type SaveOptions,
} from './baseline-dir.js';

export {
  BASELINE_SHA_FILE,
  type DirStoreTuning,
  type RestoredBaseline,
  type SaveOptions,
} from './baseline-dir.js';

export interface BaselineStore {
  /** Where the records are; e.g. "cache" or the directory. */
  describe(): string;
  /** The newest saved records of `branch`, or undefined when there are none. */
  restore(key: string, branch: string): Promise<RestoredBaseline | undefined>;
  /**
   * Save these files (and only these, with what OPTS keeps of the last save: a save replaces the
   * last) as the records of `branch` at `sha`. Resolves false when the store did not take them (it
   * has said why, in a warning): the last save stays the baseline.
   */
  save(
    key: string,
    branch: string,
    sha: string,
    files: readonly string[],
    opts?: SaveOptions,
  ): Promise<boolean | void>;
}

/** Cache keys may not hold commas and are at most 512 characters: a readable slug plus a hash. */
export function baselineSlug(key: string): string {
  const readable = key.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
  return `${readable}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * A branch as a file name: other characters than [A-Za-z0-9._-] as "-", and leading dots too (no
 * git branch has them: `report --base-branch ..` does), so that it is never "." or ".." (the key's
 * own directory, or the store's root, to path.join) nor a hidden file. Empty: "-".
 */
const branchSlug = (b: string) =>
  b
    .replace(/^refs\/heads\//, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^\.+/, (dots) => '-'.repeat(dots.length)) || '-';

/**
 * A branch's name in a baseline directory: its slug, and where the slug is not the branch's own
 * name, "=" and the name's hash too (no slug has "="), so that `feature/x` and `feature-x` keep
 * their own saves. LEGACY: the slug alone, as earlier versions named every branch.
 */
function branchPlace(b: string): { name: string; legacy: string } {
  const legacy = branchSlug(b);
  const own = b.replace(/^refs\/heads\//, '');
  const hash = createHash('sha256').update(own).digest('hex').slice(0, 8);
  return { name: legacy === own ? legacy : `${legacy}=${hash}`, legacy };
}

/** A git commit: what a report shows of the baseline's (a store's text is shown only when it is one). */
const COMMIT = /^[0-9a-f]{7,64}$/i;

/**
 * The newest records of BRANCH under the first of KEYS that has any (the baseline's key, then the
 * keys earlier versions saved it under: keys.ts baselineKeys), the commit only when it is a git
 * commit's hex name (a directory's file, a cache key: nothing else reaches the report).
 */
export async function restoreBaseline(
  store: BaselineStore,
  keys: readonly string[],
  branch: string,
): Promise<RestoredBaseline | undefined> {
  for (const key of keys) {
    const r = await store.restore(key, branch);
    if (r) return { dir: r.dir, ...(r.sha !== undefined && COMMIT.test(r.sha) && { sha: r.sha }) };
  }
  return undefined;
}

/**
 * root/<slug>/<branch>: the newest save of a branch, which replaces the previous one. ROOT is checked
 * now (a directory, or none yet, not under /proc, /sys or /dev: exit 2 naming LABEL, the flag or
 * variable that chose it), before any stage runs; a save that fails later is exit 3 naming it.
 * Runs may save and restore the same key and branch at once (a shared self-hosted runner, two local
 * runs): baseline-dir.ts.
 */
export function dirBaselineStore(
  root: string,
  label = `baseline directory ${root}`,
  flag = '--baseline DIR',
  tuning: DirStoreTuning = {},
): BaselineStore {
  ensureResultDir(root, label, { create: false, flag });
  /** Where KEY's saves of a branch named NAME in the directory are (branchPlace). */
  const place = (key: string, name: string): Place => ({ dir: path.join(root, baselineSlug(key)), name });
  return {
    describe: () => root,
    // A branch with no save under its own name yet: an earlier version's save, under its slug.
    restore(key, branch) {
      const { name, legacy } = branchPlace(branch);
      return Promise.resolve(
        restoreDir(place(key, name)) ?? (legacy !== name ? restoreDir(place(key, legacy)) : undefined),
      );
    },
    save(key, branch, sha, files, opts = {}) {
      const p = place(key, branchPlace(branch).name);
      // Done at once, unless it waits for another run's lock (a wait a signal ends).
      const saving = saveDir(p, sha, files, opts, tuning, (e) => {
        const where = path.join(p.dir, p.name);
        // The report is written; only the baseline for the next run is missing.
        return new EnvironmentError(
          `${label}: cannot save the baseline in ${where} (${String((e as Error).message ?? e).split('\n')[0]})`,
          `check that ${root} is a writable directory with free space (or pass ${flag}, or --baseline none), then run again`,
          { cause: e },
        );
      });
      return saving ? saving.then(() => true) : Promise.resolve(true);
    },
  };
}

/** The subset of @actions/cache used, so tests can pass a plain object. */
export interface CacheApi {
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  /** The entry's id; -1 when it was not saved (@actions/cache logs why and does not throw). */
  saveCache(paths: string[], key: string): Promise<number>;
}

/** The workflow run a save is made in (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT); absent off GitHub. */
interface CacheRun {
  id?: string | undefined;
  attempt?: string | undefined;
}

/** What a key appends after the commit: "-<run id>-<attempt>", each only when it is a number. */
const runSuffix = (run: CacheRun): string =>
  [run.id, run.attempt]
    .filter((x): x is string => x !== undefined && /^\d+$/.test(x))
    .map((x) => `-${x}`)
    .join('');

/**
 * @actions/cache under keys `ml-image-baseline-v1-<slug>-<branch>-<sha>-<run id>-<attempt>`,
 * restored by the prefix without the commit: the newest entry of the branch. Cache entries are
 * immutable and a save under a key that is there is refused, hence a key per run attempt: a re-run
 * of the same commit saves again, and is the newest. The path must be the same on save and
 * restore, so it is fixed under RUNNER_TEMP.
 */
export function actionsCacheBaselineStore(
  runnerTemp: string,
  /** RUN: the workflow run, whose id and attempt end each key (a key per run attempt). */
  io: { warning(m: string): void; run?: CacheRun },
  api?: CacheApi,
): BaselineStore {
  const { run = {} } = io;
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
        if (hit === undefined || readdirSync(dir).length === 0) return undefined;
        // The key the entry was saved under goes on with its commit (then, since keys name the
        // run, "-<run id>-<attempt>").
        return {
          dir,
          ...(hit.startsWith(prefix(key, branch)) && {
            sha: hit.slice(prefix(key, branch).length).split('-')[0]!,
          }),
        };
      } catch (e) {
        // The cache service is best effort: a report without a baseline beats a failed job.
        io.warning(`baseline restore failed (${(e as Error).message}); reporting without a baseline`);
        return undefined;
      }
    },
    async save(key, branch, sha, files, opts) {
      const dir = dirFor(key);
      // Copied beside it first: what is kept may be in it (a platform's records kept from the
      // restored baseline, base-records.ts saveBase).
      const next = `${dir}.next`;
      rmSync(next, { recursive: true, force: true });
      mkdirSync(next, { recursive: true });
      for (const f of [...files, ...(opts?.keep?.(undefined) ?? [])])
        cpSync(f, path.join(next, path.basename(f)));
      rmSync(dir, { recursive: true, force: true });
      renameSync(next, dir);
      const entry = `${prefix(key, branch)}${sha}${runSuffix(run)}`;
      const stays = `a pull request into ${branch} compares with its earlier save, if any`;
      try {
        // -1: not saved (a key already there, a write the cache refused); @actions/cache logs why.
        if ((await (await load()).saveCache([dir], entry)) !== -1) return true;
        io.warning(
          `baseline not saved: the Actions cache did not take ${entry} (its log says why); ${stays}`,
        );
      } catch (e) {
        io.warning(`baseline save failed (${(e as Error).message}); ${stays}`);
      }
      return false;
    },
  };
}
