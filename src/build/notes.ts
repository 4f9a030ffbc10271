// The build stage's lines said once per stage (a note on the driver, a cache the build goes on
// without), and buildx's cache import of a ref with no image yet, said as what it is.

/** What sayOnce needs of the target context (target.ts TargetContext). */
interface Notes {
  notesShown: Set<string>;
  progress: (line: string) => void;
  /** A warning (the action's annotation); none: a `warning:` progress line. */
  warning?: ((message: string) => void) | undefined;
}

/** LINE on the progress, once per stage. */
export function sayOnce(ctx: Notes, line: string): void {
  if (!ctx.notesShown.has(line)) ctx.progress(line);
  ctx.notesShown.add(line);
}

/** WHY as a note, once per stage. */
export const noteOnce = (ctx: Notes, why: string): void => sayOnce(ctx, `note: ${why}`);

/** WHAT as a warning, once per stage. */
export function warnOnce(ctx: Notes, what: string): void {
  const line = `warning: ${what}`;
  if (ctx.notesShown.has(line)) return;
  ctx.notesShown.add(line);
  if (ctx.warning) ctx.warning(what);
  else ctx.progress(line);
}

/** The longest buildx line read for a cache import (longer ones are no such line). */
const MAX_LINE = 2048;

/**
 * A watcher of one build's lines: buildx's import of a cache ref that has no image yet (the first
 * build of a push tag or cache ref, or one pruned) prints `#4 ERROR: REF: not found`, which reads as
 * the build failing; SAY is told once per ref that it is the cache import, and the build goes on.
 */
export function cacheImportWatcher(say: (line: string) => void): (line: string) => void {
  const importing = new Set<string>();
  const said = new Set<string>();
  return (line) => {
    if (line.length > MAX_LINE) return;
    const from = /^#\d+ importing cache manifest from (\S+)$/.exec(line)?.[1];
    if (from !== undefined) {
      importing.add(from);
      return;
    }
    // `#4 ERROR: REF: not found`, or with buildx's words before REF (`... cache importer: REF: ...`).
    const missing = /^#\d+ ERROR: (.*): not found$/.exec(line)?.[1]?.split(' ').at(-1);
    if (missing === undefined || !importing.has(missing) || said.has(missing)) return;
    said.add(missing);
    say(
      `no cache at ${missing} yet (its first build, or pruned): the "ERROR: ... not found" in its log is buildx's cache import, and the build goes on without it`,
    );
  };
}
