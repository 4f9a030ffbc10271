// The Docker side effects every stage needs, behind one interface. Stages receive a DockerAdapter;
// unit tests pass plain objects, integration tests pass createDockerAdapter() over the real engine.
import type { ImageStore, SizeKind } from './size-kind.js';

/** Every container the tool starts carries this label, so leftovers can be found and removed. */
export const MANAGED_LABEL = 'io.github.ml-image-action.managed';

/** ...and this one, naming the process that started it (so one run's checks ignore another's). */
export const RUN_LABEL = 'io.github.ml-image-action.run';

/** How long a container outlives its timeout at most, enforced inside it (see runContainer). */
export const DEADLINE_MARGIN_MS = 30_000;
/** The in-container deadline of a container run without a timeout. */
export const DEFAULT_DEADLINE_MS = 3_600_000;
/** The in-container deadline of an exec session (its idle loop ends then). */
export const DEFAULT_SESSION_DEADLINE_MS = 3_600_000;

export interface ExecOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  /** Called with each complete output line as it arrives (progress, log groups). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /**
   * Stops the program when aborted (SIGTERM, then SIGKILL after a grace): the result is then its
   * exit (128 + the signal). Already aborted: the program is not started (rejects with the reason).
   */
  signal?: AbortSignal;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /**
   * The signal that ended the program when another sent it (the OOM killer, a `kill`), not the
   * runner's own stop (an abort, the cleanup); exitCode is then 128 + its number.
   */
  signal?: NodeJS.Signals;
}

/** Runs a program and collects its output; never throws for a non-zero exit code. */
export interface CommandRunner {
  run(command: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

export interface ContainerRunSpec {
  image: string;
  cmd: readonly string[];
  entrypoint?: readonly string[];
  platform?: string;
  env?: Readonly<Record<string, string>>;
  user?: string;
  workdir?: string;
  /**
   * 'all' = every GPU (the `--gpus all` equivalent); a number = that many; a list = those devices
   * (indices or UUIDs: the `--gpus "device=0,1"` equivalent; an empty list is no GPU).
   */
  gpus?: 'all' | number | readonly string[];
  shmSizeBytes?: number;
  ipcHost?: boolean;
  /**
   * Default 'none': loopback only (its hostname resolves to 127.0.0.1, so torch's rendezvous and
   * gloo find it). Every run is hardened whatever is asked: all capabilities dropped,
   * no-new-privileges, a pids limit (containers-spec.ts).
   */
  network?: 'host' | 'none' | 'bridge';
  /** The most processes and threads the container may hold (default DEFAULT_PIDS_LIMIT). */
  pidsLimit?: number;
  labels?: Readonly<Record<string, string>>;
  /** Kill and remove the container after this long; the result says timedOut. */
  timeoutMs?: number;
  /**
   * The deadline the container enforces itself (its command is stopped then, even when this
   * process was killed and never removes it). Default: timeoutMs + DEADLINE_MARGIN_MS, or
   * DEFAULT_DEADLINE_MS without a timeout.
   */
  deadlineMs?: number;
  /**
   * Stops the container when aborted, as its timeout does (killed and removed; the result says
   * timedOut): a caller's own limit, shorter than timeoutMs, on something only it can see in the
   * output (the shared smoke process's first test not begun). Aborted already: stopped at its start.
   */
  signal?: AbortSignal;
  /** Called once the container has started (after an image pull, its create, attach and start). */
  onStarted?: () => void;
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** The most of each stream kept (default MAX_STREAM_CHARS, 32 MiB): past it the container is stopped. */
  maxOutputChars?: number;
}

export interface ContainerRunResult {
  containerId: string;
  /** null when the container was killed on timeout. */
  exitCode: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  durationMs: number;
  /**
   * false when the image has no /bin/sh to enforce the in-container deadline: the container then
   * ran without it (the host-side timeout still applied).
   */
  inContainerDeadline?: boolean;
}

export interface SessionSpec {
  image: string;
  platform?: string;
  env?: Readonly<Record<string, string>>;
  network?: 'host' | 'none' | 'bridge';
  labels?: Readonly<Record<string, string>>;
  user?: string;
  /** The session's container stops by itself after this long (default DEFAULT_SESSION_DEADLINE_MS). */
  deadlineMs?: number;
  /**
   * It also stops once no command has run in it for this long (looked at every quarter of it, at
   * most every 60 s): a CLI killed by SIGKILL leaves its session, and the files copied into it,
   * for that long rather than for the whole deadline. Without it, only the deadline.
   */
  idleMs?: number;
  /**
   * Named volumes mounted into the container (created by the engine, with these labels, when
   * missing). They outlive the session: only the container and its anonymous volumes are removed.
   */
  volumes?: readonly { name: string; target: string; labels?: Readonly<Record<string, string>> }[];
}

/** A container kept running so that several commands reuse it (and pip's cache inside it). */
export interface ContainerSession {
  readonly containerId: string;
  exec(
    cmd: readonly string[],
    options?: { env?: Readonly<Record<string, string>>; timeoutMs?: number },
  ): Promise<ExecResult & { timedOut: boolean }>;
  /**
   * Write files (name -> content) into `dir` inside the container through the engine's archive
   * API, never a command line: `dir` is created (mode 0700) in its parent, which must exist; files
   * are mode 0600, owned by the container's user.
   */
  putFiles(dir: string, files: Readonly<Record<string, string>>): Promise<void>;
  /** Stop and remove the container (idempotent). */
  close(): Promise<void>;
}

export interface ManifestPlatform {
  os: string;
  architecture: string;
  variant?: string;
  digest: string;
}

export interface ImageIndex {
  mediaType: string;
  /** Platforms of a manifest list / OCI index; empty for a single-platform manifest. */
  platforms: ManifestPlatform[];
  /**
   * Digests of the index's entries that name no platform. A runtime may pick one on any platform
   * (containerd matches an entry without a platform), so a verifier checks them too.
   */
  unplatformed?: string[];
  /**
   * Digests of the entries (with a platform or without) whose descriptor names an index media type:
   * a nested index, which containerd walks into for an image of the platform it wants.
   */
  indexEntries?: string[];
}

export interface BuilderDescription {
  name: string;
  driver: string;
  platforms: string[];
  /** BuildKit version of the builder's first node ("0.8"), when buildx reports it. */
  buildkitVersion?: string;
  /**
   * Each node's endpoint, in order, as buildx names it: a Docker endpoint (unix:///var/run/docker.sock,
   * ssh://arm-host, tcp://...) or a context's name (default); absent where it prints none.
   */
  endpoints?: string[];
  /**
   * The snapshotter label of the first node's BuildKit worker (org.mobyproject.buildkit.worker.snapshotter,
   * buildx >= 0.11 prints it): dockerd's worker has one only on the containerd image store.
   */
  snapshotter?: string;
}

/** What the engine knows of a local image (the platform-specific one). */
export interface ImageDetails {
  id: string;
  repoDigests: string[];
  /** The tags that name it (REPOSITORY:TAG, as the engine spells them); absent where not known. */
  repoTags?: string[];
  os: string;
  architecture: string;
  variant?: string;
  sizeBytes: number;
  layers: number;
  labels: Record<string, string>;
  user: string;
  /** The image's WORKDIR ('' when it sets none: the container starts in /). */
  workdir?: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
  /** NAME=value, as the image config has them (redact before showing). */
  env: string[];
  /** Creation time from the image config (ISO 8601), when the engine reports one. */
  created?: string;
  /**
   * The image store the inspect shows (size-kind.ts storeOfInspect), where it shows one: imageSize
   * reads the size's kind from it without inspecting the image again.
   */
  store?: ImageStore;
}

/**
 * What removing one image reference did: the references untagged and the images (and layers)
 * deleted, as the engine answers; `missing` when the engine has no image under it; `conflict` when
 * it refused without force (a container uses the image, or other images depend on it).
 */
export type ImageRemoval =
  | { outcome: 'removed'; untagged: string[]; deleted: string[] }
  | { outcome: 'missing' }
  | { outcome: 'conflict'; message: string };

/** An image's size and the kind of size it is (size-kind.ts); no kind: the store is not known. */
export interface ImageSize {
  sizeBytes: number;
  kind?: SizeKind;
}

/** One step of an image's history: the instruction and the bytes its layer added. */
export interface ImageHistoryEntry {
  createdBy: string;
  sizeBytes: number;
  /** No filesystem layer (ENV, CMD, LABEL ...): the engine reports it as <missing> with 0 bytes. */
  empty: boolean;
}

export interface EngineInfo {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
}

export interface DaemonFeatures {
  /** Container runtimes the daemon knows (e.g. runc, nvidia). */
  runtimes: string[];
  /**
   * CDI spec directories configured (Docker 25+ with CDI; Docker 28.2+ configures /etc/cdi and
   * /var/run/cdi by default, so a directory alone says nothing of GPUs).
   */
  cdiSpecDirs: string[];
  /**
   * The CDI devices the engine can inject, qualified ("nvidia.com/gpu=0"): the engine's
   * DiscoveredDevices (API 1.50+, Docker 28.2+); for an older engine on this machine, those of the
   * spec files in cdiSpecDirs; empty when neither tells.
   */
  cdiDevices: string[];
  /**
   * The engine's image store, where its info names one (DriverStatus): on the containerd image store
   * one image under a tag serves every platform (held-platform.ts).
   */
  imageStore?: ImageStore;
}

export interface DockerAdapter {
  /** Daemon version; throws EnvironmentError (exit 3) with the fix when unreachable. */
  ping(): Promise<EngineInfo>;
  /** What the daemon can run: GPU runtimes and CDI devices, for `--gpus auto`. */
  daemonFeatures(): Promise<DaemonFeatures>;
  /** buildx version like "0.13.1"; throws EnvironmentError when the plugin is missing. */
  buildxVersion(): Promise<string>;
  /**
   * The current builder, or the one named (`docker buildx inspect NAME`): name, driver (docker,
   * docker-container, ...) and platforms it can build.
   */
  buildxInspect(name?: string): Promise<BuilderDescription>;
  /** `docker buildx ARGS...`: the argv comes from a pure builder; output streams to onLine. */
  buildx(args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /**
   * Merge per-platform digests into one manifest list under each tag; returns the list's digest.
   * BUILDER: the buildx builder to use (--builder), else the current one.
   */
  imagetoolsCreate(
    tags: readonly string[],
    sources: readonly string[],
    options?: { annotations?: readonly string[]; builder?: string },
  ): Promise<string>;
  /** The index (or image) REF names; SIGNAL (a caller's deadline) stops the reads and buildx. */
  imagetoolsInspect(ref: string, options?: { signal?: AbortSignal }): Promise<ImageIndex>;
  /**
   * The manifest (or index) bytes REF names, as `buildx imagetools inspect --raw` prints them: by
   * digest over HTTP first, checked against it; else buildx (on BUILDER where named).
   */
  imagetoolsRaw(ref: string, options?: { builder?: string; signal?: AbortSignal }): Promise<string>;
  /**
   * The platform a single-platform image's config names (`os/architecture[/variant]`); undefined
   * for an index, or a config that names none.
   */
  imagePlatform(ref: string, options?: { signal?: AbortSignal }): Promise<string | undefined>;
  /** Registry digest of a reference (of the manifest list when it is one). */
  imageDigest(ref: string): Promise<string>;
  /** Run a container to completion (or timeout); it is removed in every case. */
  runContainer(spec: ContainerRunSpec): Promise<ContainerRunResult>;
  /** Pull the image for the platform when missing, then inspect it. */
  inspectImage(ref: string, platform?: string): Promise<ImageDetails>;
  /**
   * Inspect the image the engine holds under REF (a tag or an image ID), never pulling: undefined
   * when the engine has none (a local build's tag must not fetch what someone else pushed).
   */
  inspectLocalImage(ref: string): Promise<ImageDetails | undefined>;
  /**
   * Remove the image reference REF (a tag, REPOSITORY@DIGEST or an image ID) without force, as
   * `docker image rm` does: a tag of an image with other tags is only untagged; the image goes
   * with its last reference unless a container (running or not) uses it.
   */
  removeImage(ref: string): Promise<ImageRemoval>;
  /**
   * The image's history, oldest first (docker history), of PLATFORM's image where the engine can be
   * asked for one (API 1.48+); optional: capture goes without it.
   */
  imageHistory?(ref: string, platform?: string): Promise<ImageHistoryEntry[]>;
  /**
   * The local image's size for PLATFORM and its kind, which depends on the engine's image store
   * (size-kind.ts): unpacked on the classic store, the compressed content on the containerd store;
   * no kind where the engine cannot tell its store. Optional: capture records the inspect's size
   * without a kind then. INSPECTED: this image's inspect for PLATFORM (inspectImage's), which is
   * then not asked again (on the classic store nothing more is: its Size is the size).
   */
  imageSize?(ref: string, platform?: string, inspected?: ImageDetails): Promise<ImageSize>;
  /** Start a container that idles until closed; it is removed on close and on interrupt. */
  startSession(spec: SessionSpec): Promise<ContainerSession>;
  /** IDs of containers (running or not) that carry MANAGED_LABEL and every label given. */
  listManagedContainers(labels?: Readonly<Record<string, string>>): Promise<string[]>;
  /** Force-remove these containers (running or not); returns the IDs removed (gone ones are skipped). */
  removeContainers(ids: readonly string[]): Promise<string[]>;
}
