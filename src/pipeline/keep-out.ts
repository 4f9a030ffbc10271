// What the build keeps out of its context though it may sit inside it (src/build/context-ignore.ts
// writes the ignore file): this run's records and this tool's own files (the reusable workflows
// check the action out into the workspace), its cache directory (an actions/cache folder such as
// .cache/ml-image, or a relative ML_IMAGE_CACHE_DIR: a builder-facts file there changes every run,
// and so would the image's digest), and the files the run reads that may hold a secret:
// the config (an index URL's login is written there), the signing key file, the action's
// secret-files and the `ssh` input's key files, and the credential files the job's environment
// names (credentialFilesNamed). The templates' `COPY . /app` would otherwise push them with the
// image. Also where `outputs` exports each target: in the context, one target's export would be
// copied into the next target's image (and change its digest on every run).
// Pure: whether a file exists is asked of the caller.
import path from 'node:path';
import { isKeyReference } from '../attest/verify-inputs.js';
import { type BuildInputOptions, outputDests } from '../build/action-inputs.js';
import type { LoadedConfig } from '../config/load.js';

export interface KeepOutInput {
  /** The result directory, when the run writes one. */
  resultDir?: string;
  /** This tool's images/ directory: its parent is the tool's own checkout. */
  imagesDir: string;
  /** The cache directory (util/cache-dir.ts defaultCacheDir), absolute. */
  cacheDir: string;
  loaded: Pick<LoadedConfig, 'file' | 'baseDir'> & { config: { attest: { key?: string } } };
  buildOptions?: Pick<BuildInputOptions, 'secretFiles' | 'ssh' | 'outputs'>;
  /** The plan's variants: every target's `outputs` dest, read against credentialEnv's cwd. */
  variants?: readonly { name: string; platforms: readonly string[] }[];
  /**
   * The job's environment, for the credential files it names; whether a path exists; the directory
   * a relative value is read against (the step's: the workspace).
   */
  credentialEnv?: {
    env: Readonly<Record<string, string | undefined>>;
    exists: (p: string) => boolean;
    cwd: string;
  };
}

/**
 * Variables that name a file or directory of credentials, as the tools that write them set them for
 * the rest of a job. google-github-actions/auth writes its gha-creds-*.json (a service account's key
 * with `credentials_json`) into the workspace itself and sets the first three.
 */
const CREDENTIAL_PATH_VARIABLES = [
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_GHA_CREDS_PATH',
  'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
  'CLOUDSDK_CONFIG', // gcloud's directory: its credential and access-token databases
  'BOTO_CONFIG', // gsutil's keys
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE', // may hold keys too
  'AWS_WEB_IDENTITY_TOKEN_FILE', // an OIDC token
  'AZURE_FEDERATED_TOKEN_FILE', // an OIDC token
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_CONFIG_DIR', // the Azure CLI's token cache
  'KUBECONFIG', // ":"-separated files: tokens, client keys
  'KUBE_CONFIG_PATH',
  'DOCKER_CONFIG', // docker/login-action's registry logins (config.json)
  'DOCKER_CERT_PATH',
  'REGISTRY_AUTH_FILE', // podman's, skopeo's and buildah's registry logins
  'NETRC', // also where wandb keeps its API key
  'PIP_CONFIG_FILE', // an index URL's login
  'PIP_CLIENT_CERT',
  'NPM_CONFIG_USERCONFIG', // a registry token
  'POETRY_CONFIG_DIR', // its auth.toml
  'GH_CONFIG_DIR', // the GitHub CLI's hosts.yml
  'XDG_CONFIG_HOME', // gh's hosts.yml, git's credentials file, and others
  'GNUPGHOME', // private keys
  'TF_CLI_CONFIG_FILE', // Terraform's registry tokens
  'KAGGLE_CONFIG_DIR', // kaggle.json, the Kaggle API key
  'DATABRICKS_CONFIG_FILE',
  'HF_TOKEN_PATH', // the Hugging Face token (below: its default place, under HF_HOME)
  // This run's own work files: the build's secret mounts (pip.conf, netrc, build.secrets) are
  // written under it first. A TMPDIR in the workspace (for a bigger disk) would put them in the image.
  'TMPDIR',
] as const;

/**
 * VALUE as a path: `~` and `$NAME` / `${NAME}` expanded from ENV (as huggingface_hub reads HF_HOME;
 * a workflow's `env:` does not expand them, so the literal text reaches the tool), then resolved
 * against CWD. An unknown variable is left as it is.
 */
function pathOf(value: string, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const expanded = value
    .replace(/^~(?=\/|$)/, (tilde) => env.HOME ?? tilde)
    .replace(
      /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
      (m, a?: string, b?: string) => env[(a ?? b)!] ?? m,
    );
  return path.resolve(cwd, expanded);
}

/**
 * The existing credential files and directories ENV names, relative values read against CWD. The
 * Hugging Face token is where huggingface_hub keeps it: HF_TOKEN_PATH, else HF_HOME/token (HF_HOME
 * defaults to XDG_CACHE_HOME/huggingface), with stored_tokens beside it. A workflow that keeps
 * HF_HOME in the workspace for actions/cache (`HF_HOME: .cache/huggingface`) has them there.
 */
export function credentialFilesNamed(
  env: Readonly<Record<string, string | undefined>>,
  exists: (p: string) => boolean,
  cwd: string,
): string[] {
  const at = (v: string | undefined) => (v ? pathOf(v, env, cwd) : '');
  const named = CREDENTIAL_PATH_VARIABLES.flatMap((name) =>
    name === 'KUBECONFIG' ? (env[name] ?? '').split(':').map(at) : [at(env[name])],
  );
  const hfHome =
    at(env.HF_HOME) || (env.XDG_CACHE_HOME ? path.join(at(env.XDG_CACHE_HOME), 'huggingface') : '');
  const hfToken = at(env.HF_TOKEN_PATH) || (hfHome ? path.join(hfHome, 'token') : '');
  const hf = hfToken ? [hfToken, path.join(path.dirname(hfToken), 'stored_tokens')] : [];
  return [...new Set([...named, ...hf].filter((p) => p !== ''))].filter((p) => exists(p));
}

/**
 * The key files of the `ssh` input: the path of each ID=PATH item (absolute:
 * src/build/action-inputs.ts), `default=PATH` too: BuildKit takes a path that is no socket as a key
 * file whatever its ID. Keeping an agent's socket out of the context changes nothing.
 */
function sshKeyFiles(ssh: readonly string[]): string[] {
  return ssh.flatMap((item) => {
    const eq = item.indexOf('=');
    return eq < 0 ? [] : [item.slice(eq + 1)];
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
    ...outputDests(input.buildOptions?.outputs, input.variants ?? [], input.credentialEnv?.cwd ?? '.'),
    ...(input.credentialEnv
      ? credentialFilesNamed(input.credentialEnv.env, input.credentialEnv.exists, input.credentialEnv.cwd)
      : []),
  ];
}
