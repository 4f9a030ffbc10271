// An error about one field whose content is read after the config (smoke.baseline's floors,
// attest.key's key file), said as the config's own problems are: the config file, the line.
import { ConfigError, InputError } from '../errors.js';
import { withFieldLine } from './issues.js';
import type { LoadedConfig } from './load.js';

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
    const source = loaded.label ?? loaded.file ?? 'inputs';
    throw new ConfigError(source, [withFieldLine(e.message, loaded.lineOf)], {
      ...(e.fix !== undefined && { fix: e.fix }),
      ...(loaded.file !== undefined && { file: source }),
    });
  }
}
