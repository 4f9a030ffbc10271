// The records a variant's report compares with: the baseline store's newest save of the base
// branch (and the commit it was saved at), or why there are none.
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
