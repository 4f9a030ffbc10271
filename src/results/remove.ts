// Removing an earlier run's files from a result directory: a file this run has nothing to put in
// place of must not stay beside this run's. A run whose smoke stage recorded nothing, for one, must
// not leave the previous image's report (another digest, perhaps "pass") beside its own build.json,
// where an upload step would take it.
import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { isLink, isOwnDir } from '../util/own-dir.js';
import { readRegularFile } from '../util/read-regular.js';
import {
  COMMENT_ARTIFACT_FILE,
  COMMENT_DIR,
  DEVCONTAINER_DIR,
  devcontainerFile,
  reportFile,
  RUN_REPORT_FILE,
} from './names.js';

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

/** A devcontainer.json is a few hundred bytes; a bigger file is not one ml-image wrote. */
const MAX_DEVCONTAINER_BYTES = 64 * 1024;

/**
 * Every ROOT/devcontainer/<name>/devcontainer.json whose text OURS says this tool wrote, removed;
 * returns the files removed. One it did not write, one unreadable or too big, and any under a link
 * (planted by a checkout: it would lead the removal out of the result directory) are kept.
 */
export function removeDevcontainers(root: string, ours: (text: string) => boolean): string[] {
  let names: string[];
  const top = path.join(root, DEVCONTAINER_DIR);
  if (!isOwnDir(top)) return [];
  try {
    names = readdirSync(top);
  } catch {
    return []; // no devcontainer/ there
  }
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(root, devcontainerFile(name));
    try {
      if (!isOwnDir(path.dirname(file)) || !lstatSync(file).isFile()) continue;
      if (!ours(readRegularFile(file, MAX_DEVCONTAINER_BYTES).toString('utf8'))) continue;
      rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Not there, unreadable or too big: not a file this tool wrote, left as it is.
    }
  }
  return removed;
}
