// What the smoke suites take from the config: the requirement names (the imports suite) and the
// throughput floors. Its own module: the CLI's smoke and export commands read it without loading
// the smoke stage (capture, the runner, reuse).
import path from 'node:path';
import { asConfigProblem } from '../config/field-error.js';
import type { LoadedConfig } from '../config/load.js';
import { requirementNames } from '../requirements/parse.js';
import { readRequirements, workspaceRoot } from '../requirements/read.js';
import { type Baseline, loadBaseline } from './baselines.js';

/**
 * The suites' inputs the config decides: requirement names (for imports) and the throughput floors.
 * ENV is the caller's environment: `${NAME}` references and the workspace root are read from it.
 */
export function configSmokeInputs(
  loaded: LoadedConfig | undefined,
  env: Readonly<Record<string, string | undefined>>,
): {
  distributions: string[];
  baseline: Baseline;
} {
  return {
    distributions: loaded
      ? requirementNames(
          readRequirements(loaded.config.python.requirements, loaded.baseDir, env, {
            ...workspaceRoot(env, loaded.baseDir),
            expandable: loaded.config.build.secrets,
          }).text,
        )
      : [],
    baseline: configBaseline(loaded),
  };
}

/**
 * The throughput floors: the config's smoke.baseline file (relative to the config) merged with the
 * bundled table, or the bundled table alone. A file that is not a baseline is an InputError naming
 * it and the field: `validate` and the pipeline ask before anything is built, not at the smoke stage.
 */
export function configBaseline(loaded: LoadedConfig | undefined): Baseline {
  const file = loaded?.config.smoke.baseline;
  if (file === undefined) return loadBaseline();
  return asConfigProblem(loaded!, () => loadBaseline(path.resolve(loaded!.baseDir, file)));
}
