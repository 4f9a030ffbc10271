// The records a variant's report compares with: the baseline store's newest save of the base
// branch (and the commit it was saved at), or why there are none; and what a run of the default
// branch saves for the next pull request.
import { openResultDir, type ResultDir } from '../results/results.js';
import { type BaselineStore, restoreBaseline } from './baseline.js';

/** What a report compares with: the records' directory, their branch and commit. */
export interface BaseRecords {
  dir: string;
  /** The branch whose records these are. */
  ref: string;
  /** The commit they were saved at (hex: restoreBaseline checks it); absent when not known. */
  sha?: string;
}

/** Where a variant's baseline is looked up: the store and the base branch (either may be absent). */
export interface BaseLookup {
  store: BaselineStore | null;
  baseBranch?: string | undefined;
}

/**
 * The base branch's newest records under the first of KEYS that has any (keys.ts baselineKeys), or
 * undefined (no store, no base branch, none saved).
 */
export async function restoreBase(
  lookup: BaseLookup,
  keys: readonly string[],
): Promise<BaseRecords | undefined> {
  const { store, baseBranch } = lookup;
  if (!store || !baseBranch) return undefined;
  const r = await restoreBaseline(store, keys, baseBranch);
  return r && { ...r, ref: baseBranch };
}

/** Why a report has no baseline (its intro and verdict say it). */
export function noBaselineReason(lookup: BaseLookup, baseUnreadable: string | undefined): string {
  const { store, baseBranch } = lookup;
  if (baseUnreadable)
    return `the baseline of ${baseBranch ?? 'the base branch'} could not be read (${baseUnreadable})`;
  if (!store) return 'baseline: none (no comparison asked for)';
  return baseBranch
    ? `first run: no record of ${baseBranch} in ${store.describe()} yet`
    : 'no base branch to compare with';
}

/** What a run saves as a variant's baseline, and the branch and commit it saves it as. */
export interface BaseSave {
  store: BaselineStore;
  saveAs: { branch: string; sha: string };
  /** The variant's key first (the one saved under), then the earlier ones (keys.ts baselineKeys). */
  keys: readonly string[];
  variant: string;
  /** The variant's platforms in the config (the plan's). */
  planned: readonly string[];
  /** This run's record files, of the platforms it has records of (RECORDED). */
  files: readonly string[];
  recorded: readonly string[];
}

/**
 * Save this run's records as the variant's baseline. A platform of the config this run has no record
 * of (its job failed, was cancelled or skipped) keeps its records from the previous save (RESTORED,
 * when that is the same branch's, else restored now): a save replaces the last, and would otherwise
 * wipe that platform until its next good run. A platform no longer in the config is let go. Returns
 * the platforms kept.
 */
export async function saveBase(save: BaseSave, restored: BaseRecords | undefined): Promise<string[]> {
  const { store, saveAs, keys, variant } = save;
  const missing = save.planned.filter((p) => !save.recorded.includes(p));
  let kept: { files: string[]; platforms: string[] } = { files: [], platforms: [] };
  if (missing.length > 0) {
    const previous =
      restored?.ref === saveAs.branch ? restored : await restoreBaseline(store, keys, saveAs.branch);
    if (previous) kept = keptRecords(previous.dir, variant, missing);
  }
  await store.save(keys[0]!, saveAs.branch, saveAs.sha, [...save.files, ...kept.files]);
  return kept.platforms;
}

/** The previous baseline's record files of PLATFORMS, of those whose env record reads (a corrupt one is let go). */
function keptRecords(
  dir: string,
  variant: string,
  platforms: readonly string[],
): { files: string[]; platforms: string[] } {
  let previous: ResultDir;
  try {
    previous = openResultDir(dir, 'baseline', { create: false });
  } catch {
    return { files: [], platforms: [] };
  }
  const readable = platforms.filter((p) => {
    try {
      return previous.readEnv(variant, p) !== null;
    } catch {
      return false;
    }
  });
  return { files: readable.flatMap((p) => previous.recordFiles(variant, p)), platforms: readable };
}
