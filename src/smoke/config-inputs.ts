// What the smoke suites take from the config: the requirement names (the imports suite) and the
// throughput floors. Its own module: the CLI's smoke and export commands read it without loading
// the smoke stage (capture, the runner, reuse).
import path from 'node:path';
import { asConfigProblem, requirementsFieldError } from '../config/field-error.js';
import type { LoadedConfig } from '../config/load.js';
import { outsideWorkspace } from '../config/workspace-file.js';
import { InputError } from '../errors.js';
import { linuxMarkerEnvironment } from '../requirements/markers.js';
import { requirementNames } from '../requirements/parse.js';
import { readRequirements, workspaceRoot } from '../requirements/read.js';
import { type Baseline, loadBaseline } from './baselines.js';
import { pipIndexes } from '../python/indexes.js';
import { urlSecrets } from '../util/url-secrets.js';

/**
 * The suites' inputs the config decides: requirement names (for imports) and the throughput floors.
 * ENV is the caller's environment: `${NAME}` references and the workspace root are read from it.
 * The imports suite checks only the requirements pip installed: a name whose environment marker is
 * false on the target (requirementNames, markers.ts) is left out. `distributionsFor` gives the
 * names of one platform ("linux/arm64") and Python ("3.12"); `distributions` those of TARGET, else
 * of the config's platform when it names one, else of a Linux image whose machine is not known (a
 * marker on platform_machine then keeps its requirement).
 */
export function configSmokeInputs(
  loaded: LoadedConfig | undefined,
  env: Readonly<Record<string, string | undefined>>,
  target: { platform?: string; python?: string } = {},
): {
  distributions: string[];
  distributionsFor: (platform: string | undefined, python?: string) => string[];
  baseline: Baseline;
  secretValues: string[];
} {
  const text = loaded
    ? readRequirements(loaded.config.python.requirements, loaded.baseDir, env, {
        ...workspaceRoot(env, loaded.baseDir),
        expandable: loaded.config.build.secrets,
        given: requirementsFieldError(loaded),
      }).text
    : undefined;
  const distributionsFor = (platform: string | undefined, python?: string) =>
    text === undefined ? [] : requirementNames(text, linuxMarkerEnvironment(platform, python));
  const platforms = loaded?.config.platforms ?? [];
  return {
    distributions: distributionsFor(
      target.platform ?? (platforms.length === 1 ? platforms[0] : undefined),
      target.python,
    ),
    distributionsFor,
    baseline: configBaseline(loaded),
    secretValues: loaded ? runSecretValues(loaded, env) : [],
  };
}

/**
 * The values this run knows are secrets, to mask wherever a test prints them (runSmoke): each
 * build.secrets variable's value, and the credentials of the configured indexes (a password, a
 * user name that is a token, a `?token=`: urlSecrets), as the build stage masks them in its output. Masked by pattern alone, a value under
 * an innocent name (an image's `APP_SETTING`, a test's `echo $X`) reached the records and the log.
 */
function runSecretValues(loaded: LoadedConfig, env: Readonly<Record<string, string | undefined>>): string[] {
  const { build, python } = loaded.config;
  const values = build.secrets.flatMap((name) => (env[name] ? [env[name]] : []));
  let urls: string[] = [];
  try {
    const ix = pipIndexes(python, env);
    urls = [ix.indexUrl ?? '', ...ix.extraIndexUrls, python.torchIndexUrl ?? ''];
  } catch {
    // A bad index URL: the stage that uses it refuses it; masking refuses nothing.
  }
  return [...values, ...urls.flatMap((u) => (u ? urlSecrets(u, 4) : []))];
}

/**
 * The throughput floors: the config's smoke.baseline file (relative to the config) merged with the
 * bundled table, or the bundled table alone. A file that is not a baseline is an InputError naming
 * it and the field: `validate` and the pipeline ask before anything is built, not at the smoke stage.
 * On a runner (loaded.workspace) a file outside the workspace is refused unread, as loadConfig does.
 */
export function configBaseline(loaded: LoadedConfig | undefined): Baseline {
  const file = loaded?.config.smoke.baseline;
  if (file === undefined) return loadBaseline();
  const abs = path.resolve(loaded!.baseDir, file);
  return asConfigProblem(loaded!, () => {
    const outside = outsideWorkspace(abs, loaded!.workspace);
    if (outside !== undefined) throw new InputError(`smoke.baseline: ${outside}`);
    return loadBaseline(abs);
  });
}
