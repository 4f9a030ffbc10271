// What a run refuses at the door (exit 2), before the engine or the registry is asked:
// - every run (callers call checkStageInputs first): the files of the stages it runs that have a
//   shape of their own (smoke.baseline, a GPU pin), in a run that only plans (`ml-image plan`,
//   `run --stages plan`, the workflows' plan job) the requirements files' lines, and in one that
//   resolves or builds, build.secrets in a fork's run (their values would be the runner's own),
//   and the variables later stages read: ML_IMAGE_RESOLVE_TIMEOUT_SECONDS, ML_IMAGE_SIGNER;
// - a run that resolves or builds, before any container runs (checkBeforeContainers): a build
//   secret the environment lacks, an id given twice (build/input-secrets.ts), requirements the
//   variants cannot install as written (requirements/plan-check.ts), a requirements file that
//   cannot be read (too big, outside the workspace) said at the line of the config's
//   python.requirements naming it.
import { forcedCosign } from '../attest/signer-env.js';
import type { BuildInputOptions } from '../build/action-inputs.js';
import { checkBuildSecrets, refuseForkBuildSecrets } from '../build/input-secrets.js';
import { asConfigProblem, requirementsFieldError } from '../config/field-error.js';
import type { LoadedConfig } from '../config/load.js';
import type { Plan } from '../plan/plan.js';
import { checkPlanRequirements } from '../requirements/plan-check.js';
import { resolveTimeoutMs } from '../resolve/exec-limit.js';
import { readListedRequirements } from '../requirements/references.js';
import { configBaseline } from '../smoke/config-inputs.js';
import type { GpuMode } from '../smoke/gpu-mode.js';
import { gpuPinOf } from '../smoke/gpu-pin.js';
import type { Stage } from './stages.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The requirements files' lines read as the resolve and build stages read them (each line, every
 * -r/-c include, a credential written in a line, a ${NAME} build.secrets does not list; pip is not
 * run): exit 2 naming each problem's file and line. `validate`, `plan` and a run that only plans
 * (the jobs after a plan job would each refuse them); a run that resolves or builds reads them in
 * checkBeforeContainers.
 */
export function checkRequirementLines(loaded: LoadedConfig, env: Env): void {
  const { python, build } = loaded.config;
  if (python.requirements.length === 0) return;
  readListedRequirements(
    python.requirements,
    build.secrets,
    loaded.baseDir,
    env,
    requirementsFieldError(loaded),
  );
}

/** A run of the plan stage alone: the one that stops bad input before the jobs after it start. */
const onlyPlans = (stages: ReadonlySet<Stage>) => stages.size === 1 && stages.has('plan');

/**
 * The stages' inputs from files that have a shape of their own, checked before the engine or the
 * registry is asked (callers run it first): a smoke.baseline that is no throughput table is exit 2
 * at once, not after the build (the smoke stage reads it again); so is a GPU pin of the runner
 * (NVIDIA_VISIBLE_DEVICES, CUDA_VISIBLE_DEVICES in RUN.env) that is no GPU list when the smoke stage
 * asks for GPUs (RUN.mode all). Under auto the smoke stage reads the pin only where the engine has
 * GPUs: a CPU runner's odd CUDA_VISIBLE_DEVICES does not stop its build. A run that only plans
 * reads the requirements lines (checkRequirementLines); a later stage's job does not, so that a
 * report job still reports the failure.
 */
export function checkStageInputs(
  loaded: LoadedConfig,
  stages: ReadonlySet<Stage>,
  run?: { mode: GpuMode; env: Env },
): void {
  if (run !== undefined && onlyPlans(stages)) checkRequirementLines(loaded, run.env);
  // A fork's build.secrets (refuseForkBuildSecrets), at the config's line, before any stage.
  if (run !== undefined && (stages.has('build') || stages.has('resolve')))
    asConfigProblem(loaded, () => refuseForkBuildSecrets(loaded.config, run.env));
  // The variables later stages read (after the plan stage, or the build, has run): a typo is exit 2 now.
  if (run !== undefined && stages.has('resolve')) resolveTimeoutMs(run.env);
  if (run !== undefined && stages.has('attest')) forcedCosign(run.env);
  if (!stages.has('smoke')) return;
  configBaseline(loaded);
  if (run !== undefined && run.mode === 'all') gpuPinOf(run.env);
}

export function checkBeforeContainers(
  opts: { loaded: LoadedConfig; stages: ReadonlySet<Stage>; buildOptions?: BuildInputOptions },
  io: {
    env: Env;
    warning: (message: string, props?: { title?: string }) => void;
  },
  plan: Plan,
): void {
  const { loaded, stages } = opts;
  if (stages.has('build')) checkBuildSecrets(opts.buildOptions, loaded.config, io.env);
  const given = requirementsFieldError(loaded);
  checkPlanRequirements(plan.variants, loaded, io.env, io.warning, stages.has('resolve'), given);
}
