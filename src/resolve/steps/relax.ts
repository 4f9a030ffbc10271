// Step 4, relax: when holding the base fails, loosen the user's specifiers that pip blames (their
// upper bounds dropped: the highest lower bound the user wrote, else the major version pip chose,
// and every != exclusion kept) and hold the base again.
import { type RelaxChange, RelaxedSchema } from '../helper-output.js';
import { conflictBlock, userRequestedInConflict } from '../pip-output.js';
import { DIR } from '../workdir.js';
import type { Workspace } from '../workspace.js';
import type { Diagnosis } from './diagnose.js';
import type { Held } from './hold.js';

export interface Relaxed {
  /** The held run after relaxing when it succeeded; else the first held run, unchanged. */
  held: Held;
  /** The specifiers loosened (only when the relaxed run succeeded). */
  relaxed: RelaxChange[];
  /** The relaxed requirements text, when the relaxed run succeeded. */
  requirements?: string;
}

/** One specifier a loosened requirement keeps: a lower bound (>=V or >V) or an exclusion (!=V, !=V.*). */
const KEPT = String.raw`(?:>=?|!=)[A-Za-z0-9.!+_-]+(?:\.\*)?`;
/**
 * A loosened requirement as the helper may write one: NAME[EXTRAS], then its lower bound and its
 * != exclusions (comma-separated; none when nothing bounded it from below), then a marker.
 */
const LOOSENED = new RegExp(
  String.raw`^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]*\])?(?:${KEPT}(?:,${KEPT})*)?(\s*;[^\n\r]*)?$`,
);
/** A direct reference (NAME @ URL) or any URL: never loosened to a name an index may serve. */
const DIRECT = /(^|\s)@|:\/\//;

/**
 * The user's requirements with the helper's changes applied, each to the user's own line it
 * names: what the container says is checked, never taken as the text the build installs (a base
 * image's python could add lines). Undefined when a change is not one this step makes.
 */
export function applyRelaxed(text: string, changes: readonly RelaxChange[]): string | undefined {
  const lines = text.split('\n');
  for (const c of changes) {
    if (DIRECT.test(c.from) || !LOOSENED.test(c.to)) return undefined;
    const i = lines.findIndex((l) => l.trim() === c.from);
    if (i < 0) return undefined;
    lines[i] = c.to;
  }
  return lines.join('\n');
}

export async function relax(
  ws: Workspace,
  held: Held,
  o: {
    diagnosis: Diagnosis;
    requested: readonly string[];
    /** What every dry run asks for besides the user's requirements (input.ts preinstalled). */
    preinstalled?: readonly string[];
    /** The user's requirements text (what requirements.txt in the container holds). */
    text: string;
    say: (line: string) => void;
  },
): Promise<Relaxed> {
  const unchanged: Relaxed = { held, relaxed: [] };
  const names = userRequestedInConflict(conflictBlock(held.run.out), o.requested, o.preinstalled);
  if (names.length === 0) return unchanged;
  const chosen = names.map(
    (n) => `${n}=${o.diagnosis.analysis.install.find((i) => i.name === n)?.version ?? ''}`,
  );
  const r = await ws.helper(RelaxedSchema, ['relax', `${DIR}/requirements.txt`, ...chosen]);
  if (r.changes.length === 0) return unchanged;
  const requirements = applyRelaxed(o.text, r.changes);
  if (requirements === undefined) {
    o.say(
      `not relaxing: the helper proposed a change this step does not make (${r.changes.map((c) => c.to).join(', ')})`,
    );
    return unchanged;
  }
  o.say(`relaxing ${r.changes.map((c) => `${c.from} -> ${c.to}`).join(', ')}`);
  await ws.put({ 'relaxed.txt': `${requirements}\n` });
  // The same container, and pip and the analysis in one process, as the held run.
  const again = await ws.analyzedRun('relaxed.json', [
    '-r',
    `${DIR}/relaxed.txt`,
    '-c',
    `${DIR}/base-constraints.txt`,
  ]);
  if (!again.run.ok) return unchanged;
  return {
    held: { run: again.run, report: 'relaxed.json', analysis: again.analysis },
    relaxed: r.changes,
    requirements: requirements.trimEnd(),
  };
}
