// An error about one field whose content is read after the config (smoke.baseline's floors,
// attest.key's key file, a requirements file), said as the config's own problems are: the config
// file, the line.
import { ConfigError, InputError } from '../errors.js';
import { type Path, problemAt, withFieldLine } from './issues.js';
import type { LoadedConfig } from './load.js';

/** What of a loaded config names a problem's place: its file (or label) and the lines of its fields. */
export type ConfigPlace = Pick<LoadedConfig, 'file' | 'label' | 'lineOf'>;

/** PROBLEM (a line of it, "line 30: attest.key: ...") as a ConfigError of LOADED's file, with FIX. */
function configProblem(loaded: ConfigPlace, problem: string, fix: string | undefined): ConfigError {
  const source = loaded.label ?? loaded.file ?? 'inputs';
  return new ConfigError(source, [problem], {
    ...(fix !== undefined && { fix }),
    ...(loaded.file !== undefined && { file: source }),
  });
}

/**
 * Run CHECK; an InputError it throws ("attest.key: ...") comes back as a ConfigError of LOADED's
 * file with the field's line first ("ml-image.yml: 1 problem / line 30: attest.key: ..."), its fix
 * kept. Other errors pass through.
 */
export function asConfigProblem<T>(loaded: LoadedConfig, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof InputError) || e instanceof ConfigError) throw e;
    throw configProblem(loaded, withFieldLine(e.message, loaded.lineOf), e.fix);
  }
}

/**
 * ERROR about the file the config names at PATH (python.requirements[0]: too big, outside the
 * workspace, unreadable) as the config's own problems are: "ml-image.yml: 1 problem / line 15:
 * python.requirements[0]: requirements file ...", its fix kept.
 */
export function fileFieldError(loaded: ConfigPlace, path: Path, error: InputError): ConfigError {
  return configProblem(
    loaded,
    problemAt(path, error.message, { ...(loaded.lineOf && { lineOf: loaded.lineOf }) }),
    error.fix,
  );
}

/** How a requirements file of python.requirements that cannot be read is said (readRequirements' `given`). */
export const requirementsFieldError =
  (loaded: ConfigPlace) =>
  (index: number, error: InputError): InputError =>
    fileFieldError(loaded, ['python', 'requirements', index], error);
