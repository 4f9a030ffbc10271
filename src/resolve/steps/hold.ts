// Step 3, hold: the same requirements with every base distribution held at its version, and the
// plan that comes out of it when pip finds one: what it installs, and which of the user's packages
// had to move from pip's plain choice to fit.
import { plainPin } from '../constraints.js';
import type { Analysis, RelaxChange } from '../helper-output.js';
import {
  type Hazard,
  type Replacement,
  replaceVerb,
  type Resolution,
  SHADOW_NOTE,
  UNHELD_REPLACEMENT,
} from '../result.js';
import { DIR } from '../workdir.js';
import type { AnalyzedRun, PipRun, Workspace } from '../workspace.js';
import { analyze, type Diagnosis } from './diagnose.js';
import { chainOf } from './chain.js';
import type { BaseSnapshot } from './snapshot.js';

export interface Held {
  run: PipRun;
  /** The pip report of `run`, in the workspace. */
  report: 'held.json' | 'naive.json' | 'relaxed.json' | 'released.json';
  /** The helper's analysis of that report, when the same process made it. */
  analysis?: Analysis | undefined;
}

/** The held dry run's report and arguments: every base distribution pinned. */
export const HELD = {
  report: 'held.json',
  args: ['-r', `${DIR}/requirements.txt`, '-c', `${DIR}/base-constraints.txt`],
} as const;

/**
 * When the plain plan replaces nothing (and the image has no constraint file of its own), it
 * already holds the base: pip would choose the same again, so no held run is needed.
 */
const holdNeeded = (base: BaseSnapshot, diagnosis: Diagnosis): boolean =>
  diagnosis.analysis.replaced.length > 0 || base.snap.constraintFile !== null;

/**
 * The held run; `done` is the one the plain run's process already made (snapshot cached), with
 * dryRun's retry and failure rules applied now.
 */
export async function hold(
  ws: Workspace,
  base: BaseSnapshot,
  diagnosis: Diagnosis,
  done?: AnalyzedRun,
): Promise<Held> {
  if (!holdNeeded(base, diagnosis)) return { run: diagnosis.naive, report: 'naive.json' };
  const a = done
    ? await ws.settle(done, HELD.report, HELD.args)
    : await ws.analyzedRun(HELD.report, HELD.args);
  return { run: a.run, report: HELD.report, analysis: a.analysis };
}

/** The part of a Resolution every outcome shares. */
export type ResolutionBase = Pick<
  Resolution,
  'schemaVersion' | 'image' | 'platform' | 'mode' | 'python' | 'naive' | 'constraints'
>;

/** An answer of the steps: the resolution (hazards and duration still to come) and the build's files. */
export interface Answer {
  resolution: Resolution;
  constraints: string;
  requirements: string;
}

/** The plan pip found with the base held: its versions become the build's constraints. */
export async function heldPlan(
  ws: Workspace,
  draft: ResolutionBase,
  o: { basePins: string; diagnosis: Diagnosis; held: Held; relaxed: RelaxChange[]; requirements: string },
): Promise<Answer> {
  const naive = o.diagnosis.analysis;
  const held =
    o.held.report === 'naive.json' ? naive : (o.held.analysis ?? (await analyze(ws, o.held.report)));
  // What the pins could not hold (pip/setuptools/wheel, editable installs, odd names) and pip
  // still replaces: never "intact". Breaking a base package is a conflict; else a hazard each.
  if (held.replaced.some((r) => r.breaks.length > 0))
    return {
      resolution: unheldConflict(draft, held.replaced),
      constraints: o.basePins,
      requirements: o.requirements,
    };
  // What pip's report named, as the container's helper read it: only plain name==version lines.
  const resolvedPins = held.install
    .filter((i) => plainPin(i.name, i.version))
    .map((i) => `${i.name}==${i.version}`);
  return {
    resolution: {
      ...draft,
      status: naive.replaced.length === 0 && o.relaxed.length === 0 ? 'clean' : 'fixed',
      resolved: {
        install: held.install.map(({ name, version }) => ({ name, version })),
        moved: movedPackages(held.install, naive),
        relaxed: o.relaxed,
      },
      hazards: held.replaced.map((r) => unheldHazard(r, draft)),
      durationMs: 0,
    },
    constraints: `${o.basePins}# resolved for this image\n${resolvedPins.join('\n')}${resolvedPins.length ? '\n' : ''}`,
    requirements: o.requirements,
  };
}

const CONSTRAINTS_DOC = 'https://pip.pypa.io/en/stable/user_guide/#constraints-files';

/** Why the base's pins do not hold NAME (the snapshot's skip reason). */
const notHeldBecause = (draft: ResolutionBase, name: string) =>
  draft.constraints.skipped.find((s) => s.name === name)?.reason ?? 'not pinned';

/**
 * Why a base package the plain plan replaces breaking nothing is not held: no plan fitted with it
 * held, so its pin was dropped (steps/release.ts).
 */
export const RELEASED = 'let go: nothing fits with it held, and no base package requires its version';

/** A base package the held plan still replaces, breaking nothing the base declares. Pure. */
export function unheldHazard(r: Replacement, draft: ResolutionBase): Hazard {
  const why = notHeldBecause(draft, r.name);
  return {
    id: UNHELD_REPLACEMENT,
    message: `the plan still ${replaceVerb(r)}s the base image's ${r.name} ${r.from} with ${r.to} (not held: ${why}${r.shadows ? `; ${SHADOW_NOTE}` : ''}); no base package declares a requirement it breaks`,
    // Released: holding it is what failed; the requirements that need the new version are the choice.
    fix:
      why === RELEASED
        ? `accept the change (the base image's code may still use ${r.name} without declaring it), or ask for versions of your requirements that accept ${r.name} ${r.from}`
        : `add "${r.name}==${r.from}" to your requirements to keep the base image's version, or accept the change`,
    source: CONSTRAINTS_DOC,
  };
}

/** The held plan replaces base packages no pin could hold, breaking others: a conflict. Pure. */
function unheldConflict(draft: ResolutionBase, replaced: readonly Replacement[]): Resolution {
  const breaking = replaced.filter((r) => r.breaks.length > 0);
  return {
    ...draft,
    status: 'conflict',
    conflict: {
      causes: [],
      chain: breaking.map((r) => `${chainOf([r])[0]} (not held: ${notHeldBecause(draft, r.name)})`),
      options: [
        ...breaking.map(
          (r) =>
            `add "${r.name}==${r.from}" to your requirements: pip then keeps the base image's version, or names what needs another`,
        ),
        `use a newer base image whose packages accept ${breaking.map((r) => `${r.name} ${r.to}`).join(', ')}`,
      ],
    },
    hazards: [],
    durationMs: 0,
  };
}

/** The user's packages whose version differs from pip's plain choice, and why. Pure. */
export function movedPackages(
  install: Analysis['install'],
  naive: Pick<Analysis, 'install' | 'replaced'>,
): NonNullable<Resolution['resolved']>['moved'] {
  return install
    .filter((i) => i.requested)
    .flatMap((i) => {
      const n = naive.install.find((x) => x.name === i.name);
      if (!n || n.version === i.version) return [];
      const held = naive.replaced.filter((r) => r.pulledInBy.some((p) => p.dist === i.name));
      const why = held.length
        ? `the newest that accepts ${held.map((r) => `${r.name} ${r.from}`).join(', ')} held by the base image`
        : 'to keep every base package at its version';
      return [{ name: i.name, naive: n.version, resolved: i.version, reason: why }];
    });
}
