// The action's `secrets`, `secret-envs` and `secret-files` inputs (docker/build-push-action's):
// each a BuildKit secret of its own id, never a build argument.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { BuildInputOptions } from './action-inputs.js';
import { BUILD_SECRET_IDS, secretEnvFrom } from './inputs.js';

/**
 * What the build's secrets need from this run, pure, so that the pipeline asks it before any stage
 * starts a container or pushes: each build.secrets variable set in the environment, the `secrets`,
 * `secret-envs` and `secret-files` inputs' ids each given once (and none a build.secrets id or one
 * this action mounts itself), each `secret-envs` variable set. Returns the `secret-envs` values by
 * id.
 */
export function checkBuildSecrets(
  options: BuildInputOptions | undefined,
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  secretEnvFrom(config.build.secrets, env);
  const taken = new Set<string>([...Object.values(BUILD_SECRET_IDS), ...config.build.secrets]);
  const ids = [...Object.keys(options?.secrets ?? {}), ...Object.keys(options?.secretEnvs ?? {})];
  // The secret-files ids among themselves and against secrets/secret-envs: checked when read.
  const files = Object.keys(options?.secretFiles ?? {});
  for (const [i, id] of [...ids, ...files].entries()) {
    if (taken.has(id))
      throw new InputError(
        `${i < ids.length ? 'inputs "secrets"/"secret-envs"' : 'input "secret-files"'}: secret id ${id} is given twice (or is one this action mounts itself)`,
        'give each secret id once',
      );
    taken.add(id);
  }
  const values: Record<string, string> = {};
  for (const [id, name] of Object.entries(options?.secretEnvs ?? {})) {
    const value = env[name];
    if (value === undefined)
      throw new InputError(
        `input "secret-envs": ${id}=${name}: ${name} is not set in the environment`,
        `set it in the step's env: (e.g. ${name}: \${{ secrets.${name} }})`,
      );
    values[id] = value;
  }
  return values;
}

/**
 * The `secrets` input (id=value) as 0600 files under `dir`, and the `secret-envs` input checked
 * against the environment (checkBuildSecrets, again); returns the files and every secret value
 * (masked in build output).
 */
export function inputSecrets(
  options: BuildInputOptions | undefined,
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  dir: string,
): { files: Record<string, string>; values: Record<string, string> } {
  const files: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const [id, value] of Object.entries(checkBuildSecrets(options, config, env)))
    values[`secret-env:${id}`] = value;
  const secrets = Object.entries(options?.secrets ?? {});
  if (secrets.length > 0) mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [id, value] of secrets) {
    const file = path.join(dir, id);
    writeFileSync(file, value, { mode: 0o600 });
    files[id] = file;
    values[`secret:${id}`] = value;
  }
  return { files, values };
}
