// The report's keys: ONE comment per run (runKeyOf; per subset of variants when a variants filter
// narrows the config's), one baseline per variant (baselineKeys), one report-<variant> per variant
// (reportKey), and the markers of the older comments a run's comment replaces (replacedMarkers).
import type { LoadedConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { Plan } from '../plan/schema.js';
import { escapeRegExp } from '../util/text.js';
import { markerKey as cleanMarkerKey } from './escape.js';
import { defaultMarkerKey } from './model.js';
import type { ReportModel } from './model-schema.js';
import { MARKER_PREFIX, markerFor } from './render.js';

export interface RunKey {
  /** The comment's key. */
  key: string;
  /**
   * The variants the run reports, sorted, when they are only some of the config file's (a variants
   * filter: the `variants` input, --variants); absent when the run reports them all.
   */
  subset?: string[];
}

/**
 * The comment's key: one per run. report.markerKey when set, else the image repository; no
 * variant (the per-variant keys stay the baselines' keys, see reportKey). A run that reports only
 * some of the config file's variants (CONFIG_VARIANTS; jobs of a matrix, each with its own
 * `variants`) appends them, sorted (`<key>:cpu,cuda12.8`): each such job keeps its own comment
 * rather than overwriting the others'.
 */
export function runKeyOf(plan: Plan, config: Config, configVariants?: readonly string[]): RunKey {
  const key = config.report.markerKey ?? plan.repository;
  if (!narrowsVariants(plan, configVariants)) return { key };
  const subset = plan.variants.map((v) => v.name).sort();
  return { key: `${key}:${subset.join(',')}`, subset };
}

/**
 * Whether PLAN reports only some of the config file's variants (CONFIG_VARIANTS): each of its
 * variants is one the file lists, and the file lists more. Variants an input or flag put in the
 * file's place (`variants: cuda12.8` where the file lists only the default cpu) do not narrow it.
 */
function narrowsVariants(plan: Plan, configVariants?: readonly string[]): boolean {
  if (configVariants === undefined) return false;
  const names = plan.variants.map((v) => v.name);
  return names.every((n) => configVariants.includes(n)) && !configVariants.every((n) => names.includes(n));
}

export function runMarkerKey(plan: Plan, config: Config, configVariants?: readonly string[]): string {
  return runKeyOf(plan, config, configVariants).key;
}

/**
 * The variant names the config file lists (its own `variants`, whatever an input or flag put in
 * their place; the default `cpu` when it lists none), as loadConfig read them; undefined when the
 * config came from inputs alone.
 */
export function configVariantNames(loaded: Pick<LoadedConfig, 'fileVariants'>): string[] | undefined {
  return loaded.fileVariants;
}

/**
 * The markers of the comments one per run replaces: the per-variant markers of these reports (one
 * comment per variant, before), and any default per-variant marker of the same image
 * (`<image>:<variant>@<platforms>`: a variant since renamed or a platform set since changed).
 * A run of a SUBSET of the variants replaces only the per-variant comments of those variants, and
 * never the comment keyed `subset.keep` (the whole run's key, which report.markerKey gives a run of
 * one variant as its per-variant key too): the other jobs' variants keep theirs.
 */
export function replacedMarkers(
  models: readonly ReportModel[],
  images: readonly string[],
  subset?: { variants: readonly string[]; keep: string },
): (markerLine: string) => boolean {
  const exact = new Set(models.map((m) => markerFor(m.markerKey)));
  if (subset) exact.delete(markerFor(subset.keep));
  const keyChar = '[A-Za-z0-9._/:@,+-]';
  const variant = subset ? `(?:${subset.variants.map(escapeRegExp).join('|')})` : '[A-Za-z0-9._-]+';
  const patterns = [...new Set([...images, ...models.map((m) => m.image)])].map(
    (image) =>
      new RegExp(
        `^<!-- ${escapeRegExp(MARKER_PREFIX + cleanMarkerKey(image, 120))}:${variant}@${keyChar}* -->$`,
      ),
  );
  return (line) => exact.has(line) || patterns.some((p) => p.test(line));
}

/**
 * The key of a variant's report: the marker of report-<variant>.md (until one comment per run, also
 * its comment's; runKeyOf keys the comment now, and replacedMarkers recognises these), and the key
 * its baseline was saved under before baselineKeys. report.markerKey replaces the image part; with
 * several variants each still gets its own (":<variant>" appended).
 */
export function reportKey(
  plan: Plan,
  config: Config,
  variant: string,
  configVariants?: readonly string[],
): string {
  const v = plan.variants.find((x) => x.name === variant);
  const set = config.report.markerKey;
  // A job of a matrix that reports one of several variants (narrowsVariants) keys its baseline by
  // the variant too: the jobs would otherwise save over each other's baselines under one key.
  if (set !== undefined)
    return plan.variants.length > 1 || narrowsVariants(plan, configVariants) ? `${set}:${variant}` : set;
  return defaultMarkerKey(plan.repository, variant, v?.platforms ?? []);
}

/**
 * The keys of a variant's baseline: the one it is saved under, `<report.markerKey or image>:<variant>`
 * (no platform set: the records are one file per platform, so a platform added to the config, or a
 * variant added beside one with a markerKey, keeps the baseline the others compare with), then the
 * one earlier versions saved it under (reportKey: `<image>:<variant>@<platforms>`, or the markerKey
 * alone for one variant), read only, so that a baseline saved before the upgrade is still found.
 */
export function baselineKeys(
  plan: Plan,
  config: Config,
  variant: string,
  configVariants?: readonly string[],
): string[] {
  const key = `${config.report.markerKey ?? plan.repository}:${variant}`;
  const earlier = reportKey(plan, config, variant, configVariants);
  return earlier === key ? [key] : [key, earlier];
}
