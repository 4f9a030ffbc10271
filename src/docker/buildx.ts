// The buildx side of the DockerAdapter: `docker buildx ...` through a CommandRunner (the CLI, not
// the engine API), and the parsers of what it prints.
import { z } from 'zod';
import { EnvironmentError, InputError, MlImageError } from '../errors.js';
import type {
  BuilderDescription,
  CommandRunner,
  DockerAdapter,
  ExecOptions,
  ExecResult,
  ImageIndex,
} from './adapter.js';
import { BUILDX_FIX, builderMissing, cliFailure, parseJsonAnswer, readFailure } from './failures.js';
import { manifestDigestOverHttp, manifestOverHttp, splitImageRef } from './registry.js';
import { InterruptedError, interruptedFailure } from '../util/cleanup.js';
import { isAttestationEntry, sha256Digest } from './oci-types.js';
import { checkIndexKeys, checkKeysOnce } from './index-keys.js';

export function parseBuildxVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)/.exec(output)?.[1];
}

export function parseBuildxInspect(inspectOutput: string): BuilderDescription {
  const field = (name: string) =>
    new RegExp(`^\\s*${name}:\\s*(.+)$`, 'm').exec(inspectOutput)?.[1]?.trim() ?? '';
  // "BuildKit version: v0.8+unknown" (dockerd's BuildKit) or "Buildkit: v0.13.2" (older buildx).
  // Older buildx prints the engine's version there for the docker driver ("20.10.24+dfsg1"):
  // BuildKit versions are 0.x, so anything else is not one.
  // A BuildKit built without its version stamped (Debian 13's docker.io 26, a dockerd built from
  // source) says "v0.0.0+unknown": no version is known, not a BuildKit older than every feature.
  const stamped = /^\s*Build[Kk]it(?: version)?:\s*v?(0\.\d+(?:\.\d+)?)/m.exec(inspectOutput)?.[1];
  const buildkit = stamped !== undefined && /^0\.0(?:\.0)?$/.test(stamped) ? undefined : stamped;
  // One "Endpoint:" a node, under "Nodes:" (a builder made with --append has several).
  const nodes = /^Nodes:\s*$/m.exec(inspectOutput);
  const endpoints = nodes
    ? [...inspectOutput.slice(nodes.index).matchAll(/^\s*Endpoint:\s*(\S.*)$/gm)].map((m) => m[1]!.trim())
    : [];
  // The first node's worker labels ("Labels:", buildx >= 0.11), as buildx's docker driver reads them
  // to tell the containerd image store (driver/docker/driver.go: Features).
  const snapshotter = /^\s*org\.mobyproject\.buildkit\.worker\.snapshotter:[ \t]*(\S*)/m.exec(
    inspectOutput,
  )?.[1];
  return {
    name: field('Name'),
    driver: field('Driver'),
    platforms: parseBuildxPlatforms(inspectOutput),
    ...(buildkit !== undefined && { buildkitVersion: buildkit }),
    ...(endpoints.length > 0 && { endpoints }),
    ...(snapshotter !== undefined && { snapshotter }),
  };
}

export function parseBuildxPlatforms(inspectOutput: string): string[] {
  const platforms = new Set<string>();
  for (const line of inspectOutput.split('\n')) {
    const m = /^\s*Platforms:\s*(.*)$/.exec(line);
    if (!m) continue;
    for (const p of m[1]!.split(',')) {
      const t = p.trim().replace(/\*$/, '');
      if (t) platforms.add(t);
    }
  }
  return [...platforms];
}

/** What `imagetools inspect --raw` prints of a manifest list / OCI index (or a single manifest). */
const RawIndexSchema = z.object({
  mediaType: z.string().optional(),
  manifests: z
    .array(
      z.object({
        mediaType: z.string().optional(),
        digest: z.string(),
        platform: z
          .object({ os: z.string(), architecture: z.string(), variant: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
  config: z.unknown().optional(),
  layers: z.unknown().optional(),
});

export const INDEX_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

/**
 * A manifest list / OCI index, or a single manifest (no platforms). A document is read as an index
 * only when it says it is one (or says nothing) and has no config or layers: an image manifest that
 * also lists `manifests` (CVE-2021-41190) is the image it says it is, never an index whose signed
 * entries would be checked in its place.
 */
export function parseImageIndex(raw: string): ImageIndex {
  const what = 'the manifest printed by "buildx imagetools inspect --raw"';
  const data = parseJsonAnswer(RawIndexSchema, raw, what);
  checkKeysOnce(raw, 'the image index');
  checkIndexKeys(JSON.parse(raw), 'the image index');
  const index =
    (data.mediaType === undefined || INDEX_MEDIA_TYPES.has(data.mediaType)) &&
    data.config === undefined &&
    data.layers === undefined;
  if (!index) return { mediaType: data.mediaType ?? '', platforms: [] };
  const platforms: ImageIndex['platforms'] = [];
  const unplatformed: string[] = [];
  const indexEntries: string[] = [];
  for (const m of data.manifests ?? []) {
    // BuildKit's attestation manifests (unknown/unknown), which no runtime pulls. An entry with an
    // unknown OS and a real architecture is a platform: Enroot (Slurm's Pyxis) picks an entry by its
    // architecture alone, the first that matches.
    if (m.platform && isAttestationEntry(m.platform)) continue;
    if (m.mediaType !== undefined && INDEX_MEDIA_TYPES.has(m.mediaType)) indexEntries.push(m.digest);
    if (!m.platform) {
      unplatformed.push(m.digest);
      continue;
    }
    const { os, architecture, variant } = m.platform;
    platforms.push({ os, architecture, ...(variant !== undefined && { variant }), digest: m.digest });
  }
  return {
    mediaType: data.mediaType ?? '',
    platforms,
    ...(unplatformed.length > 0 && { unplatformed }),
    ...(indexEntries.length > 0 && { indexEntries }),
  };
}

const ConfigPlatformSchema = z.object({
  os: z.string().optional(),
  architecture: z.string().optional(),
  variant: z.string().optional(),
});

/**
 * `os/architecture[/variant]` of an image config's JSON; undefined when it names none (an index's
 * map of configs by platform names none at its top).
 */
export function configPlatform(raw: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const c = ConfigPlatformSchema.safeParse(json);
  if (!c.success || !c.data.os || !c.data.architecture) return undefined;
  return `${c.data.os}/${c.data.architecture}${c.data.variant ? `/${c.data.variant}` : ''}`;
}

/** What `imagetools inspect --format '{{json .Manifest}}'` prints: the digest is the part read. */
const ManifestDescriptorSchema = z.object({ digest: z.string().optional() });

/** The digest in `imagetools inspect --format '{{json .Manifest}}'` output, when there is one. */
export function parseManifestDigest(raw: string, ref: string): string | undefined {
  return parseJsonAnswer(ManifestDescriptorSchema, raw, `the manifest descriptor of ${ref}`).digest;
}

/** The list digest buildx reports after a merge ("pushing sha256:<digest> to <tag>"), if it did. */
export function pushedDigest(output: string): string | undefined {
  return /pushing (sha256:[0-9a-f]{64}) to /.exec(output)?.[1];
}

/** The first line buildx printed on failure, or its exit code when it printed nothing. */
function firstLine(r: ExecResult): string {
  return (r.stderr || r.stdout).trim().split('\n')[0] || `exit ${r.exitCode}`;
}

/** The exit code and the last line printed (a build's log ends with why it stopped). */
function howItEnded(r: ExecResult): string {
  const last = (r.stderr || r.stdout).trim().split('\n').at(-1)?.trim();
  return `exit ${r.exitCode}${last ? `: ${last.slice(0, 300)}` : ''}`;
}

type RunCli = (args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

/**
 * The docker CLI through the runner; a CLI that cannot be started is an environment error. One
 * that fails while this process is exiting on SIGINT/SIGTERM/SIGHUP is the interrupt, not a failure
 * of docker or buildx: killed by a signal (exit 128 + N: a cancelled job signals the whole process
 * group), or stopped by the cleanup (`buildx build` exits 1, "Canceled: context canceled"). "docker
 * buildx is not available (exit 137) ... install the buildx CLI plugin" or "fix the Dockerfile"
 * would send people astray; the error says interrupted, with the signal's exit code.
 */
function cliRunner(exec: CommandRunner, cli: string): RunCli {
  return async (args, options) => {
    try {
      const r = await exec.run(cli, args, options);
      if (r.exitCode !== 0) {
        const stopped = interruptedFailure(`${cli} ${args.slice(0, 2).join(' ')}`, howItEnded(r));
        if (stopped) throw stopped;
      }
      return r;
    } catch (e) {
      // Not started because the process is exiting (SIGINT/SIGTERM), or aborted: said as it is.
      if (e instanceof InterruptedError || options?.signal?.aborted) throw e;
      throw (
        interruptedFailure(`${cli} ${args.slice(0, 2).join(' ')}`, (e as Error).message, e) ??
        // The runner rejects when the program cannot be found or started (ENOENT, EACCES).
        new EnvironmentError(
          `cannot run the docker CLI "${cli}": ${(e as Error).message}`,
          'install the Docker CLI and make sure it is on PATH',
          { cause: e },
        )
      );
    }
  };
}

async function imageDigest(run: RunCli, ref: string, on: readonly string[] = []): Promise<string> {
  const r = await run(['buildx', 'imagetools', 'inspect', ...on, '--format', '{{json .Manifest}}', ref]);
  if (r.exitCode !== 0) throw cliFailure(`resolving the digest of ${ref}`, r);
  const digest = parseManifestDigest(r.stdout, ref);
  if (!digest) throw new MlImageError(`no digest in the manifest of ${ref}`, 1);
  return digest;
}

async function buildxVersion(run: RunCli): Promise<string> {
  const r = await run(['buildx', 'version']);
  const version = r.exitCode === 0 ? parseBuildxVersion(r.stdout) : undefined;
  if (!version) throw new EnvironmentError(`docker buildx is not available (${firstLine(r)})`, BUILDX_FIX);
  return version;
}

async function imagetoolsCreate(
  run: RunCli,
  tags: readonly string[],
  sources: readonly string[],
  options: { annotations?: readonly string[]; builder?: string } = {},
): Promise<string> {
  if (tags.length === 0 || sources.length === 0) {
    throw new InputError('imagetools create needs at least one tag and one source');
  }
  // The run's builder, named: the current one can change under a run (another job's `create --use`).
  const on = options.builder !== undefined ? ['--builder', options.builder] : [];
  const rest = [
    ...on,
    ...tags.flatMap((t) => ['-t', t]),
    ...(options.annotations ?? []).flatMap((a) => ['--annotation', a]),
    ...sources,
  ];
  const r = await run(['buildx', 'imagetools', 'create', ...rest]);
  if (r.exitCode !== 0) throw cliFailure(`merging ${sources.length} digest(s) into ${tags.join(', ')}`, r);
  // buildx reports the digest it pushed; else the list it pushed, made again (dryRunDigest); else
  // the registry is asked what the tag names.
  return (
    pushedDigest(r.stderr + r.stdout) ??
    (await dryRunDigest(run, rest)) ??
    (await imageDigest(run, tags[0]!, on))
  );
}

/**
 * The digest of the list `imagetools create REST` pushes, from its `--dry-run`: the very bytes it
 * pushes (buildx prints them and a newline), combined again from the same sources by digest. Not
 * the tag's digest as the registry tells it afterwards: another run pushing the same tag meanwhile
 * (two jobs of one version on a shared runner) would have it name that run's list, whose images
 * and attestations are not this run's. Undefined when the dry run says nothing usable.
 */
async function dryRunDigest(run: RunCli, rest: readonly string[]): Promise<string | undefined> {
  const r = await run(['buildx', 'imagetools', 'create', '--dry-run', ...rest]).catch(() => undefined);
  if (r?.exitCode !== 0 || !r.stdout.startsWith('{')) return undefined;
  return sha256Digest(r.stdout.endsWith('\n') ? r.stdout.slice(0, -1) : r.stdout);
}

/**
 * The manifest bytes REF names, as `docker buildx imagetools inspect --raw` prints them (ON: the
 * builder named); by digest, checked against it, as the HTTP read checks: a registry or proxy
 * cannot answer with another image.
 */
async function buildxRaw(run: RunCli, ref: string, on: string[], signal?: AbortSignal): Promise<string> {
  const r = await run(['buildx', 'imagetools', 'inspect', ...on, '--raw', ref], signal && { signal });
  // Stopped at the caller's deadline: that is what ended it, not what buildx said then.
  signal?.throwIfAborted();
  if (r.exitCode !== 0) throw readFailure(`inspecting ${ref}`, r, splitImageRef(ref).host);
  const pinned = /@(sha256:[0-9a-f]{64})$/.exec(ref)?.[1];
  if (pinned !== undefined && sha256Digest(r.stdout) !== pinned)
    throw new EnvironmentError(
      `registry ${splitImageRef(ref).host}: the manifest ${ref} came back with other content (${sha256Digest(r.stdout)})`,
      'check the registry or any proxy in between: it changed a manifest',
    );
  return r.stdout;
}

type BuildxCli = Pick<
  DockerAdapter,
  | 'buildxVersion'
  | 'buildxInspect'
  | 'buildx'
  | 'imagetoolsCreate'
  | 'imagetoolsInspect'
  | 'imagetoolsRaw'
  | 'imagePlatform'
  | 'imageDigest'
>;

/** Where `imageDigest` asks first: the registry over HTTP (undefined: ask buildx). */
type HttpDigest = (ref: string) => Promise<string | undefined>;
/** Where `imagetoolsInspect` asks first: the raw manifest over HTTP (undefined: ask buildx). */
type HttpManifest = (ref: string, signal?: AbortSignal) => Promise<string | undefined>;

/**
 * The adapter's buildx methods over `cli` (default "docker") run by `exec`. A digest is asked of
 * the registry over HTTP first (one HEAD request), and so is a manifest by digest (one GET, its
 * bytes checked against the digest), and of `buildx imagetools inspect` when that cannot tell
 * (credentials, proxies, errors: buildx reports those as it always did).
 */
export function createBuildxCli(
  exec: CommandRunner,
  cli = 'docker',
  httpDigest: HttpDigest = (ref) => manifestDigestOverHttp(ref),
  httpManifest: HttpManifest = (ref, signal) =>
    manifestOverHttp(ref, undefined, undefined, undefined, signal),
): BuildxCli {
  const run = cliRunner(exec, cli);
  return {
    buildxVersion: () => buildxVersion(run),
    async buildxInspect(name) {
      const r = await run(['buildx', 'inspect', ...(name ? [name] : [])]);
      if (r.exitCode !== 0)
        throw builderMissing(name, r) ?? cliFailure(`docker buildx inspect${name ? ` ${name}` : ''}`, r);
      return parseBuildxInspect(r.stdout);
    },
    buildx: (args, options) => run(['buildx', ...args], options),
    imagetoolsCreate: (tags, sources, options) => imagetoolsCreate(run, tags, sources, options),
    async imagetoolsInspect(ref, options) {
      const signal = options?.signal;
      const raw = await httpManifest(ref, signal);
      signal?.throwIfAborted();
      if (raw !== undefined) {
        try {
          return parseImageIndex(raw);
        } catch {
          // Not a manifest this reads: buildx says what it is.
        }
      }
      return parseImageIndex(await buildxRaw(run, ref, [], signal));
    },
    async imagetoolsRaw(ref, options) {
      const raw = await httpManifest(ref, options?.signal);
      options?.signal?.throwIfAborted();
      const on = options?.builder !== undefined ? ['--builder', options.builder] : [];
      return raw ?? buildxRaw(run, ref, on, options?.signal);
    },
    async imagePlatform(ref, options) {
      // A single image's config (an index prints one per platform, keyed by platform).
      const args = ['buildx', 'imagetools', 'inspect', '--format', '{{json .Image}}', ref];
      const r = await run(args, options?.signal && { signal: options.signal });
      options?.signal?.throwIfAborted();
      if (r.exitCode !== 0) throw readFailure(`inspecting ${ref}`, r, splitImageRef(ref).host);
      return configPlatform(r.stdout);
    },
    imageDigest: async (ref) => (await httpDigest(ref)) ?? imageDigest(run, ref),
  };
}
