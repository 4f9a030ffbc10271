// Step 4b, release: when nothing fits with every base package held, relaxed or not, the base
// packages the plain plan replaces that no base package requires at all (leaves: breaks: [] and
// no dependent, whatever its specifier; never numpy or torch, whose dependents seldom declare
// them) are let go: their pins dropped, the held run tried once more. What it then replaces is a hazard
// (hold.ts unheldHazard), as for a package no pin holds, never "intact"; a plan that breaks a base
// package after all is none. A pin is only dropped after every plan that keeps it failed: a plan
// that holds the base stays the first choice.
import { canonicalName } from '../../requirements/parse.js';
import { DIR } from '../workdir.js';
import type { Workspace } from '../workspace.js';
import { analyze, type Diagnosis } from './diagnose.js';
import { type Held, RELEASED, type ResolutionBase } from './hold.js';
import type { BaseSnapshot } from './snapshot.js';

/** The released run's report and constraints file (the base's pins less the released ones). */
const RELEASED_RUN = {
  report: 'released.json',
  constraints: 'released-constraints.txt',
} as const;

/**
 * Base packages never let go, whatever their dependents declare: what was built against NumPy 1.x
 * (torch, opencv, scipy, numba ...) seldom declares `numpy<2`, so "nothing requires its version"
 * is no evidence that numpy 2 leaves the base working (the conflict this tool exists to catch:
 * hazards.json numpy1Abi, torchNoNumpyDependency).
 */
const NEVER_RELEASED: ReadonlySet<string> = new Set(['numpy', 'torch']);

/**
 * The canonical names of the projects some base package requires, whatever the version specifier
 * (a C++ extension built against torch declares plain `torch`; an optional extra's too): none of
 * them is let go, only a leaf nothing in the base depends on.
 */
function requiredByBase(installed: readonly { requiresDist: readonly string[] }[]): Set<string> {
  const names = new Set<string>();
  for (const d of installed)
    for (const r of d.requiresDist) {
      const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(r)?.[1];
      if (name !== undefined) names.add(canonicalName(name));
    }
  return names;
}

interface Released {
  held: Held;
  /** The base's pins less the released ones: what the build is constrained by. */
  basePins: string;
  /** The draft with the released packages counted as not held. */
  draft: ResolutionBase;
}

/**
 * PINS (the base's constraints text) without the lines that pin one of NAMES (`name==V`,
 * `name===V`; canonical names). Pure.
 */
export function withoutPins(pins: string, names: ReadonlySet<string>): string {
  return pins
    .split('\n')
    .filter((l) => {
      const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)===?/.exec(l)?.[1];
      return name === undefined || !names.has(canonicalName(name));
    })
    .join('\n');
}

/**
 * The held run with the base packages the plain plan replaces breaking nothing let go; undefined
 * when there are none, or when pip finds no plan even so, or one that breaks a base package (the
 * first conflict is then the one to explain). A pip failure of this run is no error of the run's:
 * only no plan.
 */
export async function release(
  ws: Workspace,
  o: {
    base: BaseSnapshot;
    diagnosis: Diagnosis;
    draft: ResolutionBase;
    say: (line: string) => void;
  },
): Promise<Released | undefined> {
  // Only a pin there is to drop (one no pin held is replaced held or not: hold.ts).
  const pinned = new Set(
    o.base.decisions.flatMap((d) => (d.pin !== undefined ? [canonicalName(d.dist.name)] : [])),
  );
  const required = requiredByBase(o.base.snap.installed);
  const free = o.diagnosis.analysis.replaced.filter((r) => {
    const name = canonicalName(r.name);
    return r.breaks.length === 0 && pinned.has(name) && !NEVER_RELEASED.has(name) && !required.has(name);
  });
  if (free.length === 0) return undefined;
  const basePins = withoutPins(o.base.basePins, new Set(free.map((r) => canonicalName(r.name))));
  o.say(
    `nothing fits with the base held: letting go of ${free.map((r) => `${r.name} ${r.from}`).join(', ')} (no base package requires its version)`,
  );
  await ws.put({ [RELEASED_RUN.constraints]: basePins });
  const a = await ws.analyzedRun(
    RELEASED_RUN.report,
    ['-r', `${DIR}/requirements.txt`, '-c', `${DIR}/${RELEASED_RUN.constraints}`],
    {},
    { failure: 'return' },
  );
  if (!a.run.ok) return undefined;
  // A plan that breaks a base package after all (another version than the plain plan's) is no
  // way out: the first conflict, with every pin, is the one to explain.
  const analysis = a.analysis ?? (await analyze(ws, RELEASED_RUN.report));
  if (analysis.replaced.some((r) => r.breaks.length > 0)) return undefined;
  return {
    held: { run: a.run, report: RELEASED_RUN.report, analysis },
    basePins,
    draft: {
      ...o.draft,
      constraints: {
        pinned: o.draft.constraints.pinned - free.length,
        skipped: [...o.draft.constraints.skipped, ...free.map((r) => ({ name: r.name, reason: RELEASED }))],
      },
    },
  };
}
