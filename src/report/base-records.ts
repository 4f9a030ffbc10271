// The records a variant's report compares with: the baseline store's newest save of the base
// branch (or of the default branch, when the base branch has none) and the commit it was saved at,
// or why there are none; this run's and the baseline's records per platform (readEntries); and what
// a run of the default branch saves for the next pull request.
import { existsSync } from 'node:fs';
import type { PlatformBuild } from '../build/result.js';
import type { EnvRecord } from '../capture/record.js';
import { PLATFORMS } from '../config/schema.js';
import { isDigest, refDigest } from '../oci/ref.js';
import { BUILD_FILE, openResultDir, recordFile, type ResultDir } from '../results/results.js';
import type { ReportInput } from './model.js';
import { type BaselineStore, restoreBaseline } from './baseline.js';
import { ownEnv, ownSmoke } from './own-records.js';

/** What a report compares with: the records' directory, their branch and commit. */
export interface BaseRecords {
  dir: string;
  /** The branch whose records these are. */
  ref: string;
  /** The commit they were saved at (hex: restoreBaseline checks it); absent when not known. */
  sha?: string;
  /** The base branch, when it had no records and these are the default branch's instead. */
  noRecordOf?: string;
}

/** Where a variant's baseline is looked up: the store and the base branch (either may be absent). */
interface BaseLookup {
  store: BaselineStore | null;
  baseBranch?: string | undefined;
  /**
   * The default branch, whose runs save the baselines (GitHubTarget.defaultBranch): undefined off
   * GitHub (a local run saves its own branch's), null on GitHub when the event does not name it.
   */
  defaultBranch?: string | null | undefined;
}

/**
 * The base branch's newest records under the first of KEYS that has any (keys.ts baselineKeys); a
 * base branch without any (a pull request into release-1.x: only the default branch saves) falls
 * back to the default branch's. Undefined: no store, no base branch, none saved.
 */
export async function restoreBase(
  lookup: BaseLookup,
  keys: readonly string[],
): Promise<BaseRecords | undefined> {
  const { store, baseBranch, defaultBranch } = lookup;
  if (!store || !baseBranch) return undefined;
  const own = await restoreBaseline(store, keys, baseBranch);
  if (own) return { ...own, ref: baseBranch };
  if (!defaultBranch || defaultBranch === baseBranch) return undefined;
  const fallback = await restoreBaseline(store, keys, defaultBranch);
  return fallback && { ...fallback, ref: defaultBranch, noRecordOf: baseBranch };
}

/** The model's baseline: the branch compared with, its commit, the base branch that had none. */
export function baselineOf(base: BaseRecords): { ref: string; sha?: string; noRecordOf?: string } {
  return {
    ref: base.ref,
    ...(base.sha !== undefined && { sha: base.sha }),
    ...(base.noRecordOf !== undefined && { noRecordOf: base.noRecordOf }),
  };
}

/** Why a report has no baseline (its intro and verdict say it). */
export function noBaselineReason(
  lookup: BaseLookup,
  baseUnreadable: string | undefined,
  /** The branch whose records could not be read (the default branch's, after the fallback). */
  unreadableRef: string | undefined = lookup.baseBranch,
): string {
  const { store, baseBranch, defaultBranch } = lookup;
  if (baseUnreadable)
    return `the baseline of ${unreadableRef ?? 'the base branch'} could not be read (${baseUnreadable})`;
  if (!store) return 'baseline: none (no comparison asked for)';
  if (!baseBranch) return 'no base branch to compare with';
  const where = store.describe();
  if (defaultBranch && defaultBranch !== baseBranch)
    return `first run: no record of ${defaultBranch} in ${where} yet (nor of ${baseBranch}: only the default branch saves one)`;
  // On GitHub only the default branch's runs save; which that is, this run's event did not say.
  if (defaultBranch === null)
    return `first run: no record of ${baseBranch} in ${where} yet (baselines are saved for the default branch only)`;
  return `first run: no record of ${baseBranch} in ${where} yet`;
}

/** This run's records and the baseline's per platform. The baseline is best effort: a newer,
 * corrupt or foreign record is reported (baseUnreadable), not fatal. */
export function readEntries(
  results: ResultDir,
  baseDir: string | undefined,
  variant: string,
  platforms: readonly string[],
  /** The config's platforms (before a --platforms filter): the baseline's others are dropped ones. */
  planned: readonly string[] = platforms,
): { entries: ReportInput['entries']; baseUnreadable?: string; dropped: string[] } {
  let baseUnreadable: string | undefined;
  const unreadable = (e: unknown) => {
    baseUnreadable ??= (e as Error).message.split('\n')[0];
    return null;
  };
  // The baseline store's directory, only read.
  let baseline: ResultDir | undefined;
  try {
    baseline = baseDir ? openResultDir(baseDir, 'baseline', { create: false }) : undefined;
  } catch (e) {
    unreadable(e);
  }
  const base = <T>(read: (dir: ResultDir) => T | null): T | null => {
    if (!baseline) return null;
    try {
      return read(baseline);
    } catch (e) {
      return unreadable(e);
    }
  };
  // Each the target its file name says (own-records.ts): this run's, or exit 2; the baseline's, or
  // it is unreadable (reported without it).
  const entries = platforms.map((p) => ({
    platform: p,
    head: ownEnv(results, variant, p)!,
    base: base((b) => ownEnv(b, variant, p)),
    headSmoke: ownSmoke(results, variant, p),
    baseSmoke: base((b) => ownSmoke(b, variant, p)),
  }));
  // Removed before or while it was read (the directory store: by another run, long after it
  // replaced it): some or all of its records read as none, which is no "removed platform".
  // A platform the baseline has a record of that the config no longer builds (a pull request that
  // drops linux/arm64): its users would get no image, which the report says.
  const dropped = PLATFORMS.filter((p) => !planned.includes(p) && base((b) => b.hasEnv(variant, p)));
  if (baseline && baseDir && !existsSync(baseDir))
    unreadable(new Error(`${baseDir} is gone (removed as it was read: by another run's save, or by hand)`));
  return { entries, dropped, ...(baseUnreadable !== undefined && { baseUnreadable }) };
}

/** Of a variant's platforms, those whose records and resolver findings are this build's. */
interface ThisBuild {
  /** The platforms with a record of this build's image (what is reported, and saved). */
  records: string[];
  /** The platforms whose resolution is this build's: those build.json names (all, without one). */
  resolutions: string[];
  /** One line per record left out: an earlier image's. */
  notes: string[];
}

/**
 * Which of PLATFORMS' records in RESULTS are of this build: with a build.json there, a record of an
 * image it does not name for the variant and platform (an earlier run's, left in a result directory
 * a run of fewer platforms reused) is not this build's: left out of the report and the baseline,
 * with a note; so is the resolution of a platform build.json does not name. Without a build.json (a
 * fork's records, downloaded alone) every record is taken.
 */
export function thisBuild(results: ResultDir, variant: string, platforms: readonly string[]): ThisBuild {
  const recorded = platforms.filter((p) => results.hasEnv(variant, p));
  if (!results.hasBuild()) return { records: recorded, resolutions: [...platforms], notes: [] };
  let built: readonly PlatformBuild[];
  try {
    built = results.readBuild().variants.find((b) => b.variant === variant)?.platforms ?? [];
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    return { records: recorded, resolutions: [...platforms], notes: [`records not checked: ${why}`] };
  }
  const notes: string[] = [];
  const records = recorded.filter((p) => {
    const build = built.find((b) => b.platform === p);
    const record = ownEnv(results, variant, p)!;
    if (build && ofBuild(record, build)) return true;
    const image = refDigest(record.image.ref) ?? record.image.ref;
    const of = build ? `its ${short(build.digest)}` : `no ${p} image of ${variant}`;
    notes.push(
      `${recordFile('env', variant, p)} is of ${short(image)}, but ${BUILD_FILE} names ${of}: an earlier run's, left out of the report and the baseline`,
    );
    return false;
  });
  return { records, resolutions: platforms.filter((p) => built.some((b) => b.platform === p)), notes };
}

const short = (ref: string) => (isDigest(ref) ? ref.slice(0, 19) : ref);

/**
 * Whether RECORD is of BUILD's image: the digest it was captured by (the smoke stage captures a
 * pushed image as repository@digest), else (a build that only loaded it: a local tag) the tag the
 * build loaded it under, or a digest of the engine's that is the build's.
 */
function ofBuild(record: EnvRecord, build: PlatformBuild): boolean {
  const { ref, id, digest } = record.image;
  const captured = refDigest(ref);
  if (captured !== undefined) return captured === build.digest;
  return (
    ref === build.localRef ||
    (build.loadedTags ?? []).includes(ref) ||
    id === build.digest ||
    digest === build.digest
  );
}

/** What a run saves as a variant's baseline, and the branch and commit it saves it as. */
interface BaseSave {
  store: BaselineStore;
  saveAs: { branch: string; sha: string };
  /** The variant's key first (the one saved under), then the earlier ones (keys.ts baselineKeys). */
  keys: readonly string[];
  variant: string;
  /**
   * The variant's platforms in the config, before a platforms filter (--platforms, the `platforms`
   * input) narrowed the run to some: a platform the run left out keeps its records.
   */
  planned: readonly string[];
  /** This run's record files, of the platforms it has records of (RECORDED). */
  files: readonly string[];
  recorded: readonly string[];
  /** What the store did not manage without failing the save (its lock), for the log. */
  warning?: (message: string) => void;
}

/**
 * Save this run's records as the variant's baseline. A platform of the config this run has no record
 * of (its job failed, was cancelled or skipped; a platforms filter left it out) keeps its records
 * from the save this one replaces, as the store finds it then (another run may have saved since
 * RESTORED was: the directory store asks under its lock), else from RESTORED (when that is the same
 * branch's) or an earlier key's save (restored now): a save replaces the last, and would otherwise
 * wipe that platform until its next good run. A platform no longer in the config is let go.
 * Returns whether the store took the save (it warned why not) and the platforms kept.
 */
export async function saveBase(
  save: BaseSave,
  restored: BaseRecords | undefined,
): Promise<{ saved: boolean; kept: string[] }> {
  const { store, saveAs, keys, variant } = save;
  const missing = save.planned.filter((p) => !save.recorded.includes(p));
  const fallback =
    missing.length === 0 || restored?.ref === saveAs.branch
      ? restored
      : await restoreBaseline(store, keys, saveAs.branch);
  let kept: { files: string[]; platforms: string[] } = { files: [], platforms: [] };
  const saved = await store.save(keys[0]!, saveAs.branch, saveAs.sha, save.files, {
    keep: (previous) => {
      const from = missing.length > 0 ? (previous ?? fallback) : undefined;
      if (from) kept = keptRecords(from.dir, variant, missing);
      return kept.files;
    },
    ...(save.warning && { warning: save.warning }),
  });
  return { saved: saved !== false, kept: kept.platforms };
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
