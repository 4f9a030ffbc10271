// The report stage as the pipeline runs it (with the config file's variants, which key the comment
// of a run of only some of them), and the result that goes with an error a run ends with after its
// reports are written: a size-budget breach, an attest error (the images are pushed by then).
import type { LoadedConfig } from '../config/load.js';
import type { GitContext, Plan } from '../plan/schema.js';
import {
  configVariantNames,
  type ReportOptions,
  reportStage,
  type ReportStageIo,
  type ReportStageResult,
} from '../report/stage.js';
import type { ResultDir } from '../results/results.js';
import { InputError } from '../errors.js';
import type { Stage } from './stages.js';

export interface ReportRunInput {
  loaded: LoadedConfig;
  results: ResultDir;
  git: GitContext;
  report: ReportOptions;
  stages: ReadonlySet<Stage>;
}

/**
 * The report stage; its failure (a size-budget breach) handed back, not thrown. Without the smoke
 * stage in the run it reports an earlier run's records: none of this build's images is bad input
 * (exit 2), as `ml-image report` says, not a run that passes having reported nothing.
 */
export async function runReport(
  input: ReportRunInput,
  plan: Plan,
  io: ReportStageIo,
): Promise<ReportStageResult> {
  const result = await reportStageOf(input, plan, io);
  if (result.outcomes.length === 0 && !input.stages.has('smoke')) {
    const expected = plan.variants.map((v) => `${v.name} (${v.platforms.join(', ')})`).join('; ');
    throw new InputError(
      `the report stage, run without smoke, found no env-<variant>-<arch>.json of this build's images in ${input.results.dir} (expected ${expected}): nothing was reported`,
      "add smoke to the stages, or give the result directory of the run that smoke-tested this build (--out DIR; the action's result-dir input)",
    );
  }
  return result;
}

function reportStageOf(input: ReportRunInput, plan: Plan, io: ReportStageIo): Promise<ReportStageResult> {
  return reportStage(
    {
      plan,
      config: input.loaded.config,
      results: input.results,
      configVariants: configVariantNames(input.loaded),
      ...(input.loaded.filePlatforms && { configPlatforms: input.loaded.filePlatforms }),
      git: input.git,
      options: input.report,
    },
    io,
  );
}

/** The result of the run each error ended, when it ended after the reports (withResult). */
const failedRuns = new WeakMap<Error, unknown>();

/** ERR, with RESULT (what the run produced) kept for resultOf. */
export function withResult<E extends Error>(err: E, result: unknown): E {
  failedRuns.set(err, result);
  return err;
}

/** The result withResult kept with ERR; undefined for any other error. */
export function resultOf<T>(err: unknown): T | undefined {
  return err instanceof Error ? (failedRuns.get(err) as T | undefined) : undefined;
}
