// The report stage's own files an earlier run left, removed when this run has nothing to put in
// their place: a run whose smoke stage recorded nothing must not leave the previous image's report
// (another digest, perhaps "pass") beside its own build.json, where an upload step would take it.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { isLink, isOwnDir } from '../util/own-dir.js';
import { COMMENT_DIR, reportFile, type ResultDir, RUN_REPORT_FILE } from '../results/results.js';
import { COMMENT_ARTIFACT_FILE } from './artifact.js';

/** report-<variant>.md and .json: a variant's report. */
export const variantReportFiles = (variant: string): string[] => [
  reportFile(variant, 'md'),
  reportFile(variant, 'json'),
];

/** report.md and the fork-safe comment payload: the run's report. */
export const runReportFiles = (): string[] => [
  RUN_REPORT_FILE,
  path.join(COMMENT_DIR, COMMENT_ARTIFACT_FILE),
];

/**
 * NAMES (relative to OUT's directory) removed where they are; returns the ones that were there.
 * One that cannot be removed (a directory of that name, no permission) is bad input naming it.
 */
export function removeStale(out: ResultDir, names: readonly string[]): string[] {
  if (out.dir === undefined) return [];
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(out.dir, name);
    // Never through a link at comment/ (a checkout's): the file where it points is not this run's.
    if (path.dirname(name) !== '.' && !isOwnDir(path.join(out.dir, path.dirname(name)))) continue;
    if (!existsSync(file) && !isLink(file)) continue;
    try {
      rmSync(file, { force: true });
    } catch (e) {
      throw new InputError(
        `${out.dir}: cannot remove ${file}, an earlier run's report: ${String((e as Error).message ?? e).split('\n')[0]}`,
        'remove it yourself, or pass another result directory',
        { cause: e },
      );
    }
    removed.push(name);
  }
  return removed;
}
