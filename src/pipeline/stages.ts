// The pipeline's stages by name, and a stages flag or input (`run --stages`, the action's `stages`)
// read into a set of them. Pure.
import { InputError } from '../errors.js';
import { didYouMean } from '../util/text.js';

export const STAGES = ['plan', 'resolve', 'build', 'smoke', 'attest', 'report'] as const;
export type Stage = (typeof STAGES)[number];

const isStage = (n: string): n is Stage => (STAGES as readonly string[]).includes(n);

/**
 * "resolve,build" -> the set; "all" every stage. Unknown names, and a value that names no stage (""
 * or ", ,": an unset variable, which would otherwise run every stage, pushes included), are bad
 * input naming the source and the value (exit 2).
 */
export function parseStages(raw: string, source: string): Set<Stage> {
  const names = raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !isStage(n) && n !== 'all');
  if (bad.length)
    throw new InputError(
      `${source}: unknown stage(s) ${bad.map((n) => `${n}${didYouMean(n, [...STAGES, 'all'])}`).join(', ')}`,
      `expected some of ${STAGES.join(', ')}, or all`,
    );
  if (names.length === 0)
    throw new InputError(
      `${source}: ${JSON.stringify(raw)} names no stage`,
      `give some of ${STAGES.join(', ')}, or all`,
    );
  if (names.includes('all')) return new Set(STAGES);
  return new Set(names.filter(isStage));
}
