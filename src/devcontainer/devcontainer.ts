// A Dev Container definition (https://containers.dev/implementors/json_reference/) for an image this
// tool built: the image by digest from build.json, its non-root user and cache directories from the
// env record, the GPU request for a CUDA variant, and the Jupyter / MLflow ports when the image has
// them. Pure: the caller reads build.json, plan.json and the record (through the results contract,
// src/results/, which parses each with its schema) and writes the file.
import { createHash } from 'node:crypto';
import { type BuildResult, isPushed, pickVariant, pinnedImage, type VariantBuild } from '../build/result.js';
import type { EnvRecord } from '../capture/record.js';
import { InputError } from '../errors.js';
import { refDigest, repositoryOf } from '../oci/ref.js';
import { canonicalName } from '../requirements/parse.js';
import type { DevcontainerJson } from './devcontainer-schema.js';

/**
 * Is TEXT a devcontainer.json that ml-image wrote (its name is "ml-image (VARIANT)")? Anything else
 * at the target is a person's file, which is never replaced without --force.
 */
export function writtenByMlImage(text: string): boolean {
  return /"name"\s*:\s*"ml-image \(/.test(text);
}

/** Where `ml-image devcontainer` writes by default (relative to the working directory). */
export const DEVCONTAINER_FILE = '.devcontainer/devcontainer.json';

/**
 * Named volumes for the cache directories the image sets, one set per image repository
 * (cacheVolumeName): another repository's image, a pull request's from a fork's registry, must not
 * read the token `huggingface-cli login` left in HF_HOME, nor plant a torch.hub hubconf.py or
 * trust_remote_code module that a trusted image's container would run.
 */
export const CACHE_VOLUMES: readonly { env: string; volume: string; label: string }[] = [
  { env: 'HF_HOME', volume: 'ml-image-hf-cache', label: 'Hugging Face' },
  { env: 'TORCH_HOME', volume: 'ml-image-torch-cache', label: 'torch' },
  { env: 'PIP_CACHE_DIR', volume: 'ml-image-pip-cache', label: 'pip' },
];

/**
 * VOLUME's name for IMAGE's repository: `ml-image-hf-cache-model-1a2b3c4d5e6f` (the repository's
 * last part, and the first 12 hex digits of the SHA-256 of its canonical name, oci/ref.ts), the same
 * for every tag, digest and variant of one repository.
 */
export function cacheVolumeName(volume: string, image: string): string {
  const repository = repositoryOf(image);
  const last = repository
    .slice(repository.lastIndexOf('/') + 1)
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '-')
    .slice(0, 32);
  const key = createHash('sha256').update(repository).digest('hex').slice(0, 12);
  return `${volume}-${last || 'image'}-${key}`;
}

/** Ports forwarded when a distribution of the image provides the server (PEP 503 names). */
export const SERVICE_PORTS: readonly { port: number; label: string; distributions: readonly string[] }[] = [
  {
    port: 8888,
    label: 'Jupyter',
    distributions: ['jupyter', 'jupyterlab', 'notebook', 'jupyter-server', 'nbclassic'],
  },
  { port: 5000, label: 'MLflow', distributions: ['mlflow'] },
];

/** /dev/shm for DataLoader workers and NCCL (Docker's default is 64 MB); a cap, not an allocation. */
const SHM_SIZE = '16g';

export interface ChosenImage {
  /** REPOSITORY@sha256:... when the build pushed; else the local tag of a loaded image. */
  image: string;
  variant: string;
  /** True when `image` is pinned by digest (pullable anywhere); false for a local tag (--load). */
  pinned: boolean;
  /**
   * The platforms `image` holds (linux/amd64, ...): the merged list's, else the one platform
   * pinned or tagged; its record and the emulation note follow them.
   */
  platforms: string[];
}

/**
 * The image of one variant of a build.json (`file` names it in errors). By digest: the merged
 * manifest list, else the pushed digest of a variant of one platform; several platforms not merged
 * have no digest that serves them all, even where one of them was pushed. Otherwise (push: false,
 * or only some platforms pushed) the local tag of a platform only loaded into the engine, for
 * `hostPlatform` (else the first), unpinned.
 */
export function chooseImage(
  build: BuildResult,
  file: string,
  variant: string | undefined,
  hostPlatform = 'linux/amd64',
): ChosenImage {
  const v = pickVariant(build, file, variant, (n, names) => `${file}: variants: ${n} variants (${names})`);
  const pinned = pinnedImage(v);
  if (pinned !== undefined)
    return { image: pinned.image, variant: v.variant, pinned: true, platforms: pinned.platforms };
  // A local tag only of a platform not pushed: a pushed one's tag may be a registry tag other runs move.
  const local = v.platforms.filter((p) => p.localRef !== undefined && !isPushed(p));
  const chosen = local.find((p) => p.platform === hostPlatform) ?? local[0];
  if (chosen === undefined)
    throw new InputError(
      `${file}: variant ${v.variant}: no digest and no local tag (variants[].digest, variants[].platforms[].localRef)`,
      'build with push enabled (or merge the per-platform digests) so the image can be pulled by digest',
    );
  return { image: chosen.localRef!, variant: v.variant, pinned: false, platforms: [chosen.platform] };
}

/**
 * Undefined when RECORD may be of V's image on PLATFORM; else the digest it is of instead. A result
 * directory outlives a run (`ml-image build --out DIR` after an earlier `run` into it): a record
 * captured by a digest that is none of this build's (the platform's image or index, the merged
 * list) is an earlier image's, whose user, cache directories and servers may not be this one's.
 */
export function recordOfOtherImage(
  record: Pick<EnvRecord, 'image'>,
  v: Pick<VariantBuild, 'digest' | 'platforms'>,
  platform: string,
): string | undefined {
  // The digest it was captured by (REPOSITORY@sha256:..., as the smoke stage captures a pushed
  // image); none for one captured by a tag (a loaded image), which says nothing of its digest.
  const digest = refDigest(record.image.ref);
  if (digest === undefined) return undefined;
  const p = v.platforms.find((x) => x.platform === platform);
  const ours = [v.digest, p?.digest, p?.indexDigest];
  return ours.includes(digest) ? undefined : digest;
}

/** What goes into the definition besides the image. */
interface DevcontainerInput extends ChosenImage {
  /** A CUDA variant (plan.json, else the record's CUDA runtime / torch build). */
  cuda: boolean;
  /** The image's environment record (env-<variant>-<arch>.json), when captured. */
  record?: EnvRecord;
}

/** The devcontainer.json object (its schema, which the results contract writes it through: devcontainer-schema.ts). */
export type { DevcontainerJson };

/**
 * A user as docker's USER takes it: a name or a number, optionally `:group`. Anything else (a
 * `${localEnv:...}` the image's USER carries) is left out of devcontainer.json: the devcontainer
 * CLI expands such variables in every string of it, with the host's environment.
 */
const USER_SPEC = /^[A-Za-z0-9_][A-Za-z0-9._-]*(?::[A-Za-z0-9_][A-Za-z0-9._-]*)?$/;

/**
 * The image's user when it is not root (USER app in the templates); undefined for root, unknown,
 * or no plain user spec (USER_SPEC: the container then runs as the image's USER anyway). A named
 * user is given by its name alone (`app:staff` -> `app`): the Dev Containers CLI looks remoteUser
 * up by name in /etc/passwd to give it the host user's UID (updateRemoteUserUID), and finds no
 * `app:staff` there, so the workspace would stay another UID's. A numeric one keeps its group (the
 * CLI remaps no numeric user; `1000:0` is how an image asks for group 0's writable directories).
 */
export function nonRootUser(record: EnvRecord | undefined): string | undefined {
  const user = record?.image.user.trim();
  if (!user || !USER_SPEC.test(user)) return undefined;
  const name = user.split(':')[0]!;
  if (name === 'root' || name === '0') return undefined;
  return /^\d+$/.test(name) ? user : name;
}

/** Whether the record says the image is a CUDA one (a CUDA runtime, or a CUDA build of torch). */
export function recordIsCuda(record: EnvRecord | undefined): boolean {
  return Boolean(record?.cuda.runtime || record?.torch?.cuda);
}

/** The ports of SERVICE_PORTS whose distributions the record lists. */
function servicePorts(record: EnvRecord | undefined): { port: number; label: string }[] {
  const installed = new Set((record?.python.packages ?? []).map((p) => canonicalName(p.name)));
  return SERVICE_PORTS.filter((s) => s.distributions.some((d) => installed.has(d))).map(
    ({ port, label }) => ({ port, label }),
  );
}

/**
 * A cache directory docker's --mount takes as a target: absolute; no comma, quote or control
 * character; and no `${` (the devcontainer CLI would expand `${localEnv:GITHUB_TOKEN}` in it with
 * the host's environment, into a path the image can read back from its mount table).
 */
const MOUNT_TARGET = /^\/(?:[^,"$\p{Cc}]|\$(?!\{))*$/u;

/** The devcontainer.json object for an image. */
export function devcontainerJson(input: DevcontainerInput): DevcontainerJson {
  const { record } = input;
  const user = nonRootUser(record);
  const env = record?.image.env ?? {};
  // Absolute paths that docker's --mount reads as written: it parses the spec as one CSV record,
  // so a comma would split it, a double quote fail it and a line break cut it short. pip's cache
  // only where pip uses it: PIP_NO_CACHE_DIR (set by the templates) turns it off for any value.
  const mounts = CACHE_VOLUMES.filter(
    (c) =>
      MOUNT_TARGET.test(env[c.env] ?? '') &&
      !(c.env === 'PIP_CACHE_DIR' && env.PIP_NO_CACHE_DIR !== undefined),
  ).map((c) => `source=${cacheVolumeName(c.volume, input.image)},target=${env[c.env]},type=volume`);
  const ports = servicePorts(record);
  return {
    // No "${" (the devcontainer CLI expands ${localEnv:...} in every string, name included).
    name: `ml-image (${input.variant.replace(/\$\{/g, '$ {')})`,
    image: input.image,
    // The image's own user: the workspace and cache volumes are used as it, never as root.
    ...(user !== undefined && { remoteUser: user }),
    // The Dev Containers default, said: on Linux the CLI runs a copy of the image whose user has
    // the host user's UID, so it owns the bind-mounted workspace (a host UID other than the image
    // user's could not write it); the templates' cache directories are writable by any UID.
    updateRemoteUserUID: true,
    runArgs: [`--shm-size=${SHM_SIZE}`],
    // GPUs for a CUDA variant only: the CLI adds --gpus all where the host has them.
    ...(input.cuda && { hostRequirements: { gpu: true } }),
    mounts,
    ...(ports.length > 0 && {
      forwardPorts: ports.map((p) => p.port),
      portsAttributes: Object.fromEntries(
        ports.map((p) => [
          String(p.port),
          { label: p.label, onAutoForward: p.port === 8888 ? ('notify' as const) : ('silent' as const) },
        ]),
      ),
    }),
  };
}

/** The file's text: 2-space JSON with a trailing newline. */
export function devcontainerText(json: DevcontainerJson): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}
