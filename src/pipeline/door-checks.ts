// What a run that resolves or builds refuses before any container runs (exit 2): a build secret the
// environment lacks, an id given twice (build/input-secrets.ts), requirements the variants cannot
// install as written (requirements/plan-check.ts), a requirements file that cannot be read (too
// big, outside the workspace) said at the line of the config's python.requirements naming it.
import type { BuildInputOptions } from '../build/action-inputs.js';
import { checkBuildSecrets } from '../build/input-secrets.js';
import { requirementsFieldError } from '../config/field-error.js';
import type { LoadedConfig } from '../config/load.js';
import type { Plan } from '../plan/plan.js';
import { checkPlanRequirements } from '../requirements/plan-check.js';
import type { Stage } from './stages.js';

export function checkBeforeContainers(
  opts: { loaded: LoadedConfig; stages: ReadonlySet<Stage>; buildOptions?: BuildInputOptions },
  io: {
    env: Readonly<Record<string, string | undefined>>;
    warning: (message: string, props?: { title?: string }) => void;
  },
  plan: Plan,
): void {
  const { loaded, stages } = opts;
  if (stages.has('build')) checkBuildSecrets(opts.buildOptions, loaded.config, io.env);
  const given = requirementsFieldError(loaded);
  checkPlanRequirements(plan.variants, loaded, io.env, io.warning, stages.has('resolve'), given);
}
