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

interface ReportRunInput {
  loaded: LoadedConfig;
  results: ResultDir;
  git: GitContext;
  report: ReportOptions;
}

/** The report stage; its failure (a size-budget breach) handed back, not thrown. */
export function runReport(input: ReportRunInput, plan: Plan, io: ReportStageIo): Promise<ReportStageResult> {
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
