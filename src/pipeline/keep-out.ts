// What the build keeps out of its context though it may sit inside it (src/build/context-ignore.ts
// writes the ignore file): this run's records and this tool's own files (the reusable workflows
// check the action out into the workspace), its cache directory (an actions/cache folder such as
// .cache/ml-image, or a relative ML_IMAGE_CACHE_DIR: a builder-facts file there changes every run,
// and so would the image's digest), and the files the run reads that may hold a secret:
// the config (an index URL's login is written there), the signing key file, the action's
// secret-files and the `ssh` input's key files. The templates' `COPY . /app` would otherwise push
// them with the image. Pure.
import path from 'node:path';
import { isKeyReference } from '../attest/verify-inputs.js';
import type { BuildInputOptions } from '../build/bpa-lists.js';
import type { LoadedConfig } from '../config/load.js';

export interface KeepOutInput {
  /** The result directory, when the run writes one. */
  resultDir?: string;
  /** This tool's images/ directory: its parent is the tool's own checkout. */
  imagesDir: string;
  /** The cache directory (snapshot-cache.ts defaultCacheDir), absolute. */
  cacheDir: string;
  loaded: Pick<LoadedConfig, 'file' | 'baseDir'> & { config: { attest: { key?: string } } };
  buildOptions?: Pick<BuildInputOptions, 'secretFiles' | 'ssh'>;
}

/**
 * The key files of the `ssh` input: its ID=PATH items (absolute: src/build/action-inputs.ts), not
 * `default` or `default=SOCKET` (the agent's socket: no key is in the context for it).
 */
function sshKeyFiles(ssh: readonly string[]): string[] {
  return ssh.flatMap((item) => {
    const eq = item.indexOf('=');
    return eq < 0 || item.slice(0, eq) === 'default' ? [] : [item.slice(eq + 1)];
  });
}

/** The absolute paths the build keeps out of its context (those inside it). */
export function contextKeepOut(input: KeepOutInput): string[] {
  const { loaded } = input;
  const key = loaded.config.attest.key;
  return [
    ...(input.resultDir !== undefined ? [input.resultDir] : []),
    path.dirname(input.imagesDir),
    input.cacheDir,
    ...(loaded.file !== undefined ? [loaded.file] : []),
    // A key file, not a KMS or PKCS#11 reference (cosign reads those elsewhere).
    ...(key !== undefined && !isKeyReference(key) ? [path.resolve(loaded.baseDir, key)] : []),
    ...Object.values(input.buildOptions?.secretFiles ?? {}),
    // A deploy key in the workspace: `COPY . /app` would put it into the image.
    ...sshKeyFiles(input.buildOptions?.ssh ?? []),
  ];
}
