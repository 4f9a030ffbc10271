// Smoke reuse: when the capture and the suites of an identical earlier run may stand for this run's.
//
// The key file (smoke-key-<variant>-<arch>.txt, src/results) holds one line per identity of the
// image, each followed by the digest of every smoke input:
//
//   sha256:<manifest digest> <inputs sha256>             the pushed bits (every version writes it)
//   content:sha256:<content digest> <inputs sha256>      what the image IS (since 0.x: this line)
//
// The content digest covers what a container of the image runs: the layers (their diff IDs: the
// uncompressed tar digests), the platform and the whole runtime config (user, env, entrypoint,
// cmd, workdir, ports, volumes, healthcheck, stop signal, labels), and leaves out what only says
// when or from which commit it was built: the `created` times, the history, and the created and
// revision labels (unless a custom metadata test checks labels: then every label counts). So a
// rebuild that yields new manifest bits from identical layers (a config with another `created`)
// still reuses the results; any change in a layer, the config, the smoke config, the runner's GPU
// mode, its GPU models or driver (gpu-identity.ts: the host's nvidia-smi; part of the inputs
// digest) or the suites does not. A key file of an older version (the manifest line alone) still
// matches by manifest digest. The inputs digest of a version before the GPU models were in it never
// matches: the suites run again, and the note says that the earlier results do not name their GPUs
// (their smoke result has no gpuDevices). Results whose GPUs could not be identified (or were not
// looked up: the action's) are never reused.
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { openResultDir, type ResultDir } from '../results/results.js';
import { redactLabels } from '../util/redact.js';
import { type GpuDevices, UNKNOWN_GPUS } from './gpu-identity.js';
import type { SmokeEntry } from './result.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The prefix of a content identity in a key line. */
const CONTENT_PREFIX = 'content:';

/** Labels that say when and from which commit an image was built, not what it runs. */
const VOLATILE_LABELS: readonly string[] = [
  'org.opencontainers.image.created',
  'org.opencontainers.image.revision',
  'org.label-schema.build-date',
  'org.label-schema.vcs-ref',
];

/** An OCI / Docker image config as the registry holds it (only what the content key reads). */
export interface ImageConfigBlob {
  architecture?: string;
  os?: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
  created?: string;
  config?: Record<string, unknown> & { Labels?: Record<string, string> | null };
  rootfs?: { type?: string; diff_ids?: string[] };
  history?: unknown[];
}

/** JSON with object keys sorted, so that key order in the registry's JSON never matters. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The content identity of an image config: "content:sha256:<hex>" over the layers, the platform
 * and the runtime config, without the build time, the history or the volatile labels (which count
 * when `keepAllLabels`: a custom metadata test checks labels).
 */
export function contentId(blob: ImageConfigBlob, keepAllLabels = false): string {
  const labels = { ...(blob.config?.Labels ?? {}) };
  if (!keepAllLabels) for (const l of VOLATILE_LABELS) delete labels[l];
  const content = {
    os: blob.os ?? null,
    architecture: blob.architecture ?? null,
    variant: blob.variant ?? null,
    osVersion: blob['os.version'] ?? null,
    osFeatures: blob['os.features'] ?? null,
    config: { ...(blob.config ?? {}), Labels: labels },
    rootfs: { type: blob.rootfs?.type ?? null, diffIds: blob.rootfs?.diff_ids ?? null },
  };
  return `${CONTENT_PREFIX}sha256:${sha256(canonical(content))}`;
}

/** Whether a custom metadata test checks labels (then every label is part of the content). */
const testsCheckLabels = (config: Config): boolean =>
  (config.smoke.tests ?? []).some((t) => t.metadata?.labels !== undefined);

/**
 * The config blob of a pushed single-platform image (`repo@sha256:...`), from the registry
 * (`docker buildx imagetools inspect --format '{{json .Image}}'`, with the engine's credentials);
 * for a manifest list, the platform's. Undefined when the registry does not tell.
 */
export async function fetchImageConfig(
  docker: Pick<DockerAdapter, 'buildx'>,
  ref: string,
  platform: string,
): Promise<ImageConfigBlob | undefined> {
  const r = await docker.buildx(['imagetools', 'inspect', ref, '--format', '{{json .Image}}']);
  if (r.exitCode !== 0) return undefined;
  const parsed = JSON.parse(r.stdout) as ImageConfigBlob | Record<string, ImageConfigBlob>;
  const blob =
    'rootfs' in parsed ? (parsed as ImageConfigBlob) : (parsed as Record<string, ImageConfigBlob>)[platform];
  return blob?.rootfs?.diff_ids ? blob : undefined;
}

/** The key lines of a target: its manifest line, and its content line when the content is known. */
export const keyLines = (manifestKey: string, content: string | undefined): string =>
  content === undefined ? manifestKey : `${manifestKey}\n${content} ${manifestKey.split(' ')[1]}`;

/** What an earlier key file says: the manifest line and the content line (when it has one). */
export function parseKeyFile(text: string): { manifest?: string; content?: string } {
  const lines = text.split('\n').map((l) => l.trim());
  const content = lines.find((l) => l.startsWith(CONTENT_PREFIX));
  const manifest = lines.find((l) => l !== '' && !l.startsWith(CONTENT_PREFIX));
  return { ...(manifest && { manifest }), ...(content && { content }) };
}

/** How this run's target compares with the earlier one: 'manifest', 'content', or why not. */
export function compareKeys(
  earlier: { manifest?: string; content?: string },
  manifestKey: string,
  content: string | undefined,
): 'manifest' | 'content' | string {
  const inputs = manifestKey.split(' ')[1];
  if (earlier.manifest === manifestKey) return 'manifest';
  const contentKey = content === undefined ? undefined : `${content} ${inputs}`;
  if (contentKey !== undefined && earlier.content === contentKey) return 'content';
  const earlierInputs = (earlier.manifest ?? earlier.content)?.split(' ')[1];
  const sameImage =
    earlier.manifest?.split(' ')[0] === manifestKey.split(' ')[0] ||
    (content !== undefined && earlier.content?.split(' ')[0] === content);
  if (sameImage && earlierInputs !== inputs) return 'the smoke inputs changed';
  return 'the image changed';
}

/**
 * Why results measured with the EARLIER GPUs do not stand for a run with NOW's (the models and the
 * driver, or "none"); undefined when they are the same GPUs.
 */
export function gpusChanged(earlier: string | undefined, now: string): string | undefined {
  if (earlier === undefined)
    return 'the earlier results do not say which GPUs they ran on: an older version wrote them';
  if (earlier === UNKNOWN_GPUS)
    return `the earlier run did not identify its GPUs (now: ${now}): the action, or a host whose GPUs could not be looked up, wrote them`;
  if (earlier !== now) return `the GPUs changed (earlier: ${earlier}; now: ${now})`;
  return undefined;
}

/** The earlier run's directory (the baseline store's), only read. */
const earlierRun = (dir: string): ResultDir => openResultDir(dir, 'the earlier run', { create: false });

/** The earlier run's record and result in `dir`, or why they cannot be used. */
function earlierEntry(dir: string, variant: string, platform: string, image: string): SmokeEntry | string {
  try {
    const earlier = earlierRun(dir);
    const record = earlier.readEnv(variant, platform);
    const result = earlier.readSmoke(variant, platform);
    if (!record || !result) return 'the earlier results are incomplete';
    return { variant, platform, image, record, result };
  } catch (e) {
    return `the earlier results are unreadable (${(e as Error).message.split('\n')[0]})`;
  }
}

/**
 * The config digest (the engine's image id) of the platform manifest DIGEST of IMAGE's repository,
 * from the registry (the manifest's raw bytes); undefined when the registry does not tell.
 */
async function configDigestOf(
  docker: Pick<DockerAdapter, 'buildx'>,
  image: string,
  digest: string,
): Promise<string | undefined> {
  const r = await docker.buildx(['imagetools', 'inspect', `${image.split('@')[0]}@${digest}`, '--raw']);
  if (r.exitCode !== 0) return undefined;
  try {
    const id = (JSON.parse(r.stdout) as { config?: { digest?: unknown } }).config?.digest;
    return typeof id === 'string' && id.startsWith('sha256:') ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The earlier entry, made to describe this run's image: same content, but the reference (also of
 * the smoke result), the manifest digest, the image id (CONFIG digest), the labels and the
 * creation time are this build's. The size, the layer count and the history stay the earlier
 * record's: the content key covers the layers' diff ids, so both images have the same layers (the
 * same uncompressed bytes, hence size and count); their histories differ only in timestamps.
 */
function asThisImage(
  entry: SmokeEntry,
  image: string,
  digest: string,
  blob: ImageConfigBlob,
  config?: string,
): SmokeEntry {
  const labels = blob.config?.Labels ?? {};
  const created = blob.created ?? labels['org.opencontainers.image.created'] ?? entry.record.image.created;
  return {
    ...entry,
    image,
    result: { ...entry.result, image },
    record: {
      ...entry.record,
      image: {
        ...entry.record.image,
        ref: image,
        ...(config !== undefined && { id: config }),
        ...(entry.record.image.digest != null && { digest }),
        // Masked by key as capture masks them: the record never holds a secret-named label's value.
        labels: redactLabels(labels),
        created: created ?? null,
      },
    },
  };
}

/** The earlier key file of a target in `dir`, parsed; undefined when there is none. */
export function earlierKeys(dir: string, variant: string, platform: string) {
  const text = earlierRun(dir).readSmokeKey(variant, platform);
  return text === undefined ? undefined : parseKeyFile(text);
}

/** One target as reuse sees it. */
export interface ReuseTarget {
  variant: string;
  platform: string;
  /** "<variant> <platform>", for progress lines. */
  id: string;
  /** The reference under test (by digest when pushed). */
  image: string;
  /** The platform manifest's digest. */
  digest: string;
  /** Loaded into the engine, not pushed: no registry to read the config from. */
  local: boolean;
  /** The manifest key line (smokeKey), whose inputs cover the GPUs. */
  key: string;
  /** This runner's GPUs, as the key covers them. */
  gpus: GpuDevices;
}

interface ReuseDeps {
  /** The earlier run's directory of this variant, when there is one. */
  lookup: (variant: string) => Promise<string | undefined>;
  docker: Pick<DockerAdapter, 'buildx'>;
  config: Config;
  progress: (line: string) => void;
}

/** What reuse found: the earlier entry (when it stands for this run) and the lines to write. */
export interface ReuseOutcome {
  entry?: SmokeEntry;
  /** The key file to write once the results are complete (manifest line, then content line). */
  keyFile: string;
}

/** The content identity of a pushed target (a registry read), or undefined when it cannot tell. */
async function contentOf(t: ReuseTarget, deps: ReuseDeps) {
  if (t.local) return undefined;
  const blob = await fetchImageConfig(deps.docker, t.image, t.platform).catch(() => undefined);
  return blob && { blob, id: contentId(blob, testsCheckLabels(deps.config)) };
}

/**
 * Whether an identical earlier run's capture and suites stand for this target's: by manifest
 * digest (no registry read: the content line is carried over), else by content. The progress line
 * says which way, or why the suites run.
 */
export async function reuseOf(t: ReuseTarget, deps: ReuseDeps): Promise<ReuseOutcome> {
  const dir = await deps.lookup(t.variant);
  let earlier: ReturnType<typeof earlierKeys>;
  let unreadable: string | undefined;
  try {
    earlier = dir === undefined ? undefined : earlierKeys(dir, t.variant, t.platform);
  } catch (e) {
    // A key file that cannot be read is no earlier result: the suites run (the note says why).
    unreadable = `the earlier reuse key is unreadable (${(e as Error).message.split('\n')[0]})`;
  }
  const carried = earlier?.manifest === t.key ? earlier.content?.split(' ')[0] : undefined;
  const content = carried === undefined ? await contentOf(t, deps) : undefined;
  const id = carried ?? content?.id;
  const keyFile = keyLines(t.key, id);
  const run = (why: string): ReuseOutcome => {
    deps.progress(`${t.id}: running the suites (${why})`);
    return { keyFile };
  };
  if (dir === undefined) return run('no earlier run');
  if (unreadable !== undefined) return run(unreadable);
  if (earlier === undefined) return run('no earlier result for this platform');
  if ('unknown' in t.gpus) return run(`this runner's GPUs could not be identified: ${t.gpus.unknown}`);
  const how = compareKeys(earlier, t.key, id);
  const found = earlierEntry(dir, t.variant, t.platform, t.image);
  if (how === 'the smoke inputs changed' && typeof found !== 'string')
    return run(gpusChanged(found.result.gpuDevices, t.gpus.devices) ?? how);
  if (how !== 'manifest' && how !== 'content') return run(how);
  if (typeof found === 'string') return run(found);
  if (how === 'manifest') {
    deps.progress(
      `${t.id}: reused the results of an identical earlier run (same image digest and smoke inputs)`,
    );
    return { entry: found, keyFile };
  }
  deps.progress(
    `${t.id}: reused the results of an identical earlier run (same image content and smoke inputs; new manifest ${t.digest.slice(0, 19)})`,
  );
  // The registry answered a moment ago; should it not now, the id stays the earlier (same layers).
  const config = await configDigestOf(deps.docker, t.image, t.digest).catch(() => undefined);
  return { entry: asThisImage(found, t.image, t.digest, content!.blob, config), keyFile };
}
