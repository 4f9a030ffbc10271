// Step 4, relax: when holding the base fails, loosen the user's specifiers that pip blames (to a
// lower bound: the user's own, else the major version pip chose) and hold the base again.
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

export async function relax(
  ws: Workspace,
  held: Held,
  o: { diagnosis: Diagnosis; requested: readonly string[]; say: (line: string) => void },
): Promise<Relaxed> {
  const unchanged: Relaxed = { held, relaxed: [] };
  const names = userRequestedInConflict(conflictBlock(held.run.out), o.requested);
  if (names.length === 0) return unchanged;
  const chosen = names.map(
    (n) => `${n}=${o.diagnosis.analysis.install.find((i) => i.name === n)?.version ?? ''}`,
  );
  const r = await ws.helper(RelaxedSchema, ['relax', `${DIR}/requirements.txt`, ...chosen]);
  if (r.changes.length === 0) return unchanged;
  o.say(`relaxing ${r.changes.map((c) => `${c.from} -> ${c.to}`).join(', ')}`);
  await ws.put({ 'relaxed.txt': r.requirements });
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
    requirements: r.requirements.trimEnd(),
  };
}
