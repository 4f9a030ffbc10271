// Steps 3 to 5 in mode auto, after a plain dry run that succeeded: hold the base; relax the
// user's blamed specifiers when that fails; let go of the base packages that break nothing when
// that fails too; then the plan pip found, or the conflict explained (the first held run's).
import { conflictResolution } from './explain.js';
import type { Diagnosis } from './diagnose.js';
import { type Answer, heldPlan, hold, type ResolutionBase } from './hold.js';
import { relax } from './relax.js';
import { release } from './release.js';
import type { BaseSnapshot } from './snapshot.js';
import type { AnalyzedRun, Workspace } from '../workspace.js';

export async function planOrConflict(
  ws: Workspace,
  draft: ResolutionBase,
  o: {
    base: BaseSnapshot;
    diagnosis: Diagnosis;
    /** The held run the plain run's process already made, when it did. */
    done?: AnalyzedRun | undefined;
    /** The user's requirements text ("file:line" of each line: origins), and the projects it names. */
    text: string;
    origins?: readonly string[];
    requested: readonly string[];
    /** What every dry run asks for besides the user's requirements (input.ts preinstalled). */
    preinstalled: readonly string[];
    /** The projects the user's own -c lines pin to one version (relax leaves them). */
    ownPins?: ReadonlyMap<string, string>;
    say: (line: string) => void;
  },
): Promise<Answer> {
  const { base, diagnosis, text, say } = o;
  const own = { requested: o.requested, preinstalled: o.preinstalled };
  const held = await hold(ws, base, diagnosis, o.done);
  const relaxed = held.run.ok
    ? { held, relaxed: [] }
    : await relax(ws, held, { diagnosis, ...own, text, say, ...(o.ownPins && { ownPins: o.ownPins }) });
  if (relaxed.held.run.ok)
    return heldPlan(ws, draft, {
      basePins: base.basePins,
      diagnosis,
      held: relaxed.held,
      relaxed: relaxed.relaxed,
      requirements: relaxed.requirements ?? text,
    });
  const released = await release(ws, { base, diagnosis, draft, say });
  if (released)
    return heldPlan(ws, released.draft, {
      basePins: released.basePins,
      diagnosis,
      held: released.held,
      relaxed: [],
      requirements: text,
    });
  return {
    resolution: await conflictResolution(ws, draft, {
      held: relaxed.held.run,
      diagnosis,
      ...own,
      text,
      ...(o.origins && { origins: o.origins }),
    }),
    constraints: base.basePins,
    requirements: text,
  };
}
