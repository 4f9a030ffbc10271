// What a custom test's expectedOutput / excludedOutput pattern must be, checked when the config is
// loaded (schema.ts) and compiled the same way by the smoke stage's matcher (smoke/match.ts, which
// runs it in a worker thread). Pure: it imports nothing.

/** Longest pattern accepted (config validation says so at load time). */
export const MAX_PATTERN_LENGTH = 1000;

/** The flags output patterns are compiled with (config validation, the matcher and its worker). */
export const PATTERN_FLAGS = 'm';

/** Why a pattern is not usable, or undefined when it compiles the way the matcher compiles it. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return `the pattern is ${pattern.length} characters long (at most ${MAX_PATTERN_LENGTH})`;
  try {
    new RegExp(pattern, PATTERN_FLAGS);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
