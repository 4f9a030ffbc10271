// What a run of some stages reads from an earlier run's result directory and does not produce
// itself, checked before its first stage (the plan stage writes plan.json there first).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { BUILD_FILE, openResultDir } from '../results/results.js';
import type { Stage } from './stages.js';

/**
 * build.json, which STAGES read and do not produce (smoke or attest without build), checked in DIR
 * (nothing is created): missing or broken, bad input. WORDS are the caller's: how its user asked
 * for the stages ("run --stages smoke"), the directory's name ("--out results3", "result-dir"),
 * and the caller's way to give the file (FIX).
 */
export function checkEarlierBuild(
  stages: ReadonlySet<Stage>,
  dir: string,
  words: { asked: string; label: string; fix: string },
): void {
  const readers = (['smoke', 'attest'] as const).filter((s) => stages.has(s));
  if (readers.length === 0 || stages.has('build')) return;
  if (!existsSync(path.join(dir, BUILD_FILE)))
    throw new InputError(
      `${words.asked}: the ${readers.join(' and ')} stage${readers.length > 1 ? 's read' : ' reads'} the build's ${BUILD_FILE}, and ${words.label} (${dir}) has none`,
      words.fix,
    );
  openResultDir(dir, words.label, { create: false }).readBuild({ fix: words.fix });
}
