// The action's `secrets`, `secret-envs` and `secret-files` inputs (docker/build-push-action's):
// each a BuildKit secret of its own id, never a build argument; each value, a secret file's text
// too, masked in the build's output.
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { BuildInputOptions } from './action-inputs.js';
import { BUILD_SECRET_IDS, secretEnvFrom } from './inputs.js';
import { FORK_MARK } from '../util/pull-request-code.js';

/**
 * build.secrets in a run the reusable workflow marks as a fork's (FORK_MARK: a fork's or a bot's
 * pull request): it is given no secret (GitHub gives a fork's none, the workflow uses none in a
 * run it marks), so a value could only come from the
 * runner's own environment (a self-hosted GPU runner's, after a maintainer's consent to run the
 * change in containers), which the pull request's config would then choose, to read in its build
 * or send to an index of its own (${NAME} in a requirement line): bad input, before any container.
 */
export function refuseForkBuildSecrets(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): void {
  if (env[FORK_MARK] !== 'true' || config.build.secrets.length === 0) return;
  throw new InputError(
    `build.secrets: ${config.build.secrets.join(', ')}: a fork's run (${FORK_MARK}=true) is given no secret, and a value here would come from this runner's own environment, which a pull request's config may not choose`,
    "a fork's run builds without secrets (GitHub passes it none): review the change and build it from a branch of this repository, whose runs are given the repository's secrets, or drop build.secrets from the config",
  );
}

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
  // Each input's ids among themselves (secretMap), and secret-files' against secrets/secret-envs:
  // checked when read.
  const files = Object.keys(options?.secretFiles ?? {});
  for (const [i, id] of [...ids, ...files].entries()) {
    if (taken.has(id))
      throw new InputError(
        `${i < ids.length ? 'inputs "secrets"/"secret-envs"' : 'input "secret-files"'}: secret id ${id} is given twice (or is one this action mounts itself)`,
        'give each secret id once',
      );
    taken.add(id);
  }
  const values: Record<string, string> = Object.create(null) as Record<string, string>; // an id __proto__ is a key like any other
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

/** The most of a `secret-files` file read for the output's mask: a larger one is left out. */
export const MAX_MASKED_FILE_BYTES = 64 * 1024;

/**
 * The text of FILE (a `secret-files` path) for the build output's mask, trimmed: undefined for a
 * file over MAX_MASKED_FILE_BYTES, a binary one (a NUL byte, or not UTF-8: a keystore, an archive,
 * which no log line quotes whole), one that is no regular file (opened without blocking, never
 * read: a FIFO would wait for a writer), or one that cannot be read (buildx says so when it mounts
 * it). Reads at most MAX_MASKED_FILE_BYTES + 1 bytes, whatever the file's size.
 */
export function secretFileText(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_MASKED_FILE_BYTES) return undefined;
    const buf = Buffer.alloc(MAX_MASKED_FILE_BYTES + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, n);
    if (n > MAX_MASKED_FILE_BYTES || buf.subarray(0, n).includes(0)) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n)).trim();
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The `secrets` input (id=value) as 0600 files under `dir`, and the `secret-envs` input checked
 * against the environment (checkBuildSecrets, again); returns the files and every secret value
 * (masked in build output): each `secrets` and `secret-envs` value, and each `secret-files` file's
 * text read with READ (secretFileText: a RUN --mount=type=secret step, or a pip or curl error,
 * may print it). A value too short to mask safely is dropped where the mask is made (valueMasks).
 */
export function inputSecrets(
  options: BuildInputOptions | undefined,
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  dir: string,
  read: (file: string) => string | undefined = secretFileText,
): { files: Record<string, string>; values: Record<string, string> } {
  const files: Record<string, string> = Object.create(null) as Record<string, string>;
  const values: Record<string, string> = {};
  for (const [id, value] of Object.entries(checkBuildSecrets(options, config, env)))
    values[`secret-env:${id}`] = value;
  for (const [id, file] of Object.entries(options?.secretFiles ?? {})) {
    const text = read(file);
    if (text) values[`secret-file:${id}`] = text;
  }
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
