// An error about one field whose content is read after the config (smoke.baseline's floors,
// attest.key's key file, a requirements file), said as the config's own problems are: the config
// file, the line; or the action input that gave the field, when one did.
import { ConfigError, InputError } from '../errors.js';
import { leadingField, type Path, problemAt, withFieldLine } from './issues.js';
import type { LoadedConfig } from './load.js';

/**
 * What of a loaded config names a problem's place: its file (or label), the lines of its fields,
 * and the inputs that gave fields instead.
 */
type ConfigPlace = Pick<LoadedConfig, 'file' | 'label' | 'lineOf' | 'sourceOf'>;

/**
 * PROBLEM (a line of it, "line 30: attest.key: ...") as a ConfigError of LOADED's file, with FIX;
 * of the inputs (no file named, none annotated) when FROMINPUT: an input gave the field.
 */
function configProblem(
  loaded: ConfigPlace,
  problem: string,
  fix: string | undefined,
  fromInput = false,
): ConfigError {
  const source = fromInput ? 'inputs' : (loaded.label ?? loaded.file ?? 'inputs');
  return new ConfigError(source, [problem], {
    ...(fix !== undefined && { fix }),
    ...(loaded.file !== undefined && !fromInput && { file: source }),
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
    // A field an action input or flag gave is the input's ("attest.sign: ... (from input "sign")").
    const field = leadingField(e.message);
    const head = /^\S+: /.exec(e.message);
    if (field !== undefined && head && loaded.sourceOf?.(field) !== undefined)
      throw fileFieldError(loaded, field, new InputError(e.message.slice(head[0].length), e.fix));
    throw configProblem(loaded, withFieldLine(e.message, loaded.lineOf), e.fix);
  }
}

/**
 * ERROR about the file the config names at PATH (python.requirements[0]: too big, outside the
 * workspace, unreadable) as the config's own problems are: "ml-image.yml: 1 problem / line 15:
 * python.requirements[0]: requirements file ...", its fix kept. A path an input gave is the input's:
 * "inputs: 1 problem / python.requirements[0]: requirements file ... (from input "requirements")".
 */
function fileFieldError(loaded: ConfigPlace, path: Path, error: InputError): ConfigError {
  const origins = {
    ...(loaded.lineOf && { lineOf: loaded.lineOf }),
    ...(loaded.sourceOf && { sourceOf: loaded.sourceOf }),
  };
  const fromInput = loaded.sourceOf?.(path) !== undefined;
  return configProblem(loaded, problemAt(path, error.message, origins), error.fix, fromInput);
}

/** How a requirements file of python.requirements that cannot be read is said (readRequirements' `given`). */
export const requirementsFieldError =
  (loaded: ConfigPlace) =>
  (index: number, error: InputError): InputError =>
    fileFieldError(loaded, ['python', 'requirements', index], error);
