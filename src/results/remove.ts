// Removing an earlier run's files from a result directory: a file this run has nothing to put in
// place of must not stay beside this run's. A run whose smoke stage recorded nothing, for one, must
// not leave the previous image's report (another digest, perhaps "pass") beside its own build.json,
// where an upload step would take it.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { isLink, isOwnDir } from '../util/own-dir.js';
import { COMMENT_ARTIFACT_FILE, COMMENT_DIR, reportFile, RUN_REPORT_FILE } from './names.js';

/**
 * FILE removed when it is there; one that cannot be (a directory, no permission) is bad input
 * naming it, LABEL first and WHAT it is (an earlier run's "result", "report").
 */
export function removeFile(file: string, label: string, what = 'result'): void {
  try {
    rmSync(file, { force: true });
  } catch (e) {
    throw new InputError(
      `${label}: cannot remove ${file}, an earlier run's ${what}: ${String((e as Error).message ?? e).split('\n')[0]}`,
      'remove it yourself, or pass another result directory',
      { cause: e },
    );
  }
}

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
 * The report stage's NAMES (relative to ROOT) removed where they are; returns the ones that were
 * there. One that cannot be removed (a directory of that name, no permission) is bad input naming it.
 */
export function removeReports(root: string, names: readonly string[]): string[] {
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(root, name);
    // Never through a link at comment/ (a checkout's): the file where it points is not this run's.
    if (path.dirname(name) !== '.' && !isOwnDir(path.join(root, path.dirname(name)))) continue;
    if (!existsSync(file) && !isLink(file)) continue;
    removeFile(file, root, 'report');
    removed.push(name);
  }
  return removed;
}
