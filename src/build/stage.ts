// The build stage: one buildx build per variant and platform, each pushed (by digest where the
// driver allows), then `imagetools create` merges each variant's platform digests under its tags.
// Transient failures (connection reset, registry 5xx, i/o timeout) are retried with backoff; a
// deterministic failure (Dockerfile error, pip conflict) stops at once with the end of the log.
// Requirements, constraints, index URLs (often with credentials) and build.secrets reach the build
// only as BuildKit secret mounts of 0600 files in a 0700 temp directory, never as build arguments
// (which the image history keeps for anyone who can pull it, and which hit E2BIG when large).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { redactUrls } from '../capture/redact.js';
import type { Config } from '../config/schema.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { CheckFailedError, EnvironmentError, InputError } from '../errors.js';
import { cliFailure } from '../docker/engine.js';
import type { Plan, VariantPlan } from '../plan/plan.js';
import { LABEL_PREFIX } from '../plan/tags.js';
import { type PipIndexes, pipConf, pipIndexes } from '../python/indexes.js';
import { registerCleanup } from '../util/cleanup.js';
import { runTempBase } from '../util/temp.js';
import {
  type BuilderInfo,
  buildxBuildArgs,
  cacheFor,
  checkBuildArgs,
  SECRETS_FIX,
  secretMountsUnsupported,
} from './buildx-args.js';
import { readRequirementsText } from './requirements.js';
import {
  BUILD_RESULT_SCHEMA_VERSION,
  type BuildResult,
  type PlatformBuild,
  type VariantBuild,
} from './result.js';

const TRANSIENT =
  /connection reset by peer|i\/o timeout|TLS handshake timeout|unexpected EOF|(?:50[0234]) (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|received unexpected HTTP status: 5\d\d|toomanyrequests|net\/http: request canceled/i;

export const MAX_ATTEMPTS = 3;
/** No new attempt starts once a target has spent this long (all attempts and waits together). */
export const RETRY_BUDGET_MS = 120_000;

export function isTransient(log: string): boolean {
  return TRANSIENT.test(log);
}

/** The one line that says why a build failed (buildx's last ERROR line, else the last line). */
export function failureReason(log: string): string {
  const lines = log
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const err = [...lines].reverse().find((l) => /^ERROR[:\s]/.test(l) || /^error:/i.test(l));
  return (
    (err ?? lines.at(-1) ?? 'no output')
      .replace(/^ERROR:?\s*/, '')
      // Long RUN scripts are quoted whole by BuildKit: keep their start, the log excerpt has the rest.
      .replace(/(\[\/bin\/sh -c )(.{60}).{20,}(\]: exit code)/, '$1$2...$3')
      .replace(/(process "\/bin\/sh -c )(.{60}).{20,}(" did not complete)/, '$1$2...$3')
      .slice(0, 400)
  );
}

/** The secret ids the templates mount (`RUN --mount=type=secret,id=...`) at /run/secrets/<id>. */
export const BUILD_SECRET_IDS = {
  requirements: 'ml_image_requirements',
  constraints: 'ml_image_constraints',
  pipConf: 'ml_image_pip_conf',
  torchIndex: 'ml_image_torch_index',
  env: 'ml_image_env',
} as const;

/** Build argument carrying the digest of the secret inputs: secret mounts are not in the cache key. */
export const INPUTS_DIGEST_ARG = 'ML_IMAGE_INPUTS_SHA256';

/** Plan build args that travel as secrets instead (the torch index URL may carry credentials). */
const SECRET_PLAN_ARGS = new Set(['TORCH_INDEX_URL']);

/** Index variables that the pip.conf secret carries (config first, else the environment). */
const INDEX_ENV = new Set(['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL']);

/** What pip inside the build needs, all of it passed as secret files. */
export interface BuildInputs {
  requirements: string;
  constraints: string;
  indexes: PipIndexes;
  torchIndexUrl?: string;
  /** build.secrets by name -> value, for the templates' install step (ml_image_env). */
  secretEnv: Readonly<Record<string, string>>;
}

/** A POSIX shell single-quoted word: safe for any value (newlines, quotes, $, backticks). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `export NAME='value'` lines the templates' install step sources (build.secrets inside pip's RUN). */
export function secretEnvScript(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .filter(([name]) => !INDEX_ENV.has(name))
    .map(([name, value]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        throw new InputError(`build.secrets: "${name}" is not a valid environment variable name`);
      return `export ${name}=${shellQuote(value)}\n`;
    })
    .join('');
}

/**
 * sha256 of what the secret files hold, with URL credentials removed: the pip layer rebuilds when
 * requirements, constraints or indexes change, and not when only a token is rotated.
 */
export function inputsDigest(i: BuildInputs): string {
  const text = JSON.stringify({
    requirements: redactUrls(i.requirements),
    constraints: redactUrls(i.constraints),
    indexUrl: i.indexes.indexUrl !== undefined ? redactUrls(i.indexes.indexUrl) : null,
    extraIndexUrls: i.indexes.extraIndexUrls.map((u) => redactUrls(u)),
    torchIndexUrl: i.torchIndexUrl !== undefined ? redactUrls(i.torchIndexUrl) : null,
    secrets: Object.keys(i.secretEnv).sort(),
  });
  return createHash('sha256').update(text).digest('hex');
}

/** Writes the secret files of one target into DIR (created 0700, files 0600); returns id -> path. */
export function writeBuildInputs(dir: string, i: BuildInputs): Record<string, string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files: Record<string, string> = {
    [BUILD_SECRET_IDS.requirements]: i.requirements === '' ? '' : `${i.requirements}\n`,
    [BUILD_SECRET_IDS.constraints]: i.constraints === '' ? '' : `${i.constraints}\n`,
    [BUILD_SECRET_IDS.pipConf]: pipConf(i.indexes),
    [BUILD_SECRET_IDS.torchIndex]: i.torchIndexUrl ?? '',
    [BUILD_SECRET_IDS.env]: secretEnvScript(i.secretEnv),
  };
  const out: Record<string, string> = {};
  for (const [id, content] of Object.entries(files)) {
    const file = path.join(dir, id);
    writeFileSync(file, content, { mode: 0o600 });
    out[id] = file;
  }
  return out;
}

export interface BuildStageInput {
  plan: Plan;
  config: Config;
  /** Directory of the config file: build.context and requirements are relative to it. */
  baseDir: string;
  /** images/ of this tool (the templates). */
  imagesDir: string;
  push: boolean;
  /** Per "variant/platform" (resolve stage): constraints, and requirements (relaxed where needed). */
  resolved?: Readonly<Record<string, { constraints: string; requirements: string }>>;
  /** Merge each variant's platforms into its multi-arch tags (default true; false in matrix jobs). */
  merge?: boolean;
  /** Build only these variants / platforms (a matrix job); default all. */
  only?: { variants?: readonly string[]; platforms?: readonly string[] };
}

export interface BuildStageDeps {
  docker: DockerAdapter;
  env: Readonly<Record<string, string | undefined>>;
  /** One progress line (stage, platform, elapsed). */
  progress: (line: string) => void;
  /** Every line of buildx output, with the target it belongs to. */
  output?: (line: string, target: string) => void;
  /** Wraps each target's build (the action opens a log group). */
  group?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The variant's template from images/, else the user's Dockerfile (build.dockerfile). */
export function dockerfileFor(v: VariantPlan, config: Config, baseDir: string, imagesDir: string): string {
  if (v.template === undefined) {
    if (config.build.dockerfile === undefined)
      throw new InputError(`variant ${v.name}: no template and no build.dockerfile`);
    return path.resolve(baseDir, config.build.dockerfile);
  }
  const file = path.join(imagesDir, v.template, 'Dockerfile');
  if (!existsSync(file)) throw new InputError(`template "${v.template}" not found: ${file}`);
  return file;
}

function cacheKind(config: Config, env: BuildStageDeps['env']): 'gha' | 'registry' | 'none' {
  if (config.build.cache !== 'auto') return config.build.cache;
  const onRunner =
    env.ACTIONS_RUNTIME_TOKEN !== undefined &&
    (env.ACTIONS_RESULTS_URL ?? env.ACTIONS_CACHE_URL) !== undefined;
  return onRunner ? 'gha' : 'registry';
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function runBuildStage(input: BuildStageInput, deps: BuildStageDeps): Promise<BuildResult> {
  const { plan, config, baseDir } = input;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const group = deps.group ?? (<T>(_n: string, fn: () => Promise<T>) => fn());

  for (const id of config.build.secrets) {
    if (deps.env[id] === undefined) {
      throw new InputError(
        `build.secrets: ${id} is not set in the environment`,
        `export ${id} (or pass it from a repository secret) before building`,
      );
    }
  }
  checkBuildArgs(config.build.args);
  const secretEnv = Object.fromEntries(config.build.secrets.map((id) => [id, deps.env[id]!]));
  const indexes = pipIndexes(config.python, deps.env);
  // Every line of build output is shown with URL userinfo masked and any build.secrets value or
  // index credential replaced, as a runner masks registered secrets.
  const masks = [
    ...Object.values(secretEnv),
    ...[indexes.indexUrl ?? '', ...indexes.extraIndexUrls].map(urlSecret),
  ]
    .filter((m) => m.length >= 4)
    .sort((a, b) => b.length - a.length);
  const mask = (text: string) => masks.reduce((t, m) => t.split(m).join('***'), redactUrls(text));
  const variants = plan.variants.filter((v) => !input.only?.variants || input.only.variants.includes(v.name));
  // Independent look-ups run side by side: each is a short docker CLI call.
  const [buildxVersion, inspect, baseDigests] = await Promise.all([
    deps.docker.buildxVersion(),
    deps.docker.buildxInspect(),
    Promise.all(
      variants.map((v) =>
        deps.docker.imageDigest(v.base.ref).catch((e: Error) => {
          deps.progress(
            `warning: could not resolve the digest of ${v.base.ref}: ${e.message.split('\n')[0]}`,
          );
          return undefined;
        }),
      ),
    ),
  ]);
  const builder: BuilderInfo = {
    buildxVersion,
    driver: inspect.driver,
    ...(inspect.buildkitVersion !== undefined && { buildkitVersion: inspect.buildkitVersion }),
  };
  // Secret mounts or nothing: never a fallback to build arguments.
  const unsupported = secretMountsUnsupported(builder);
  if (unsupported !== undefined) throw new EnvironmentError(unsupported, SECRETS_FIX);
  const requirements = readRequirementsText(config.python.requirements, baseDir);
  const context = path.resolve(baseDir, config.build.context);
  const cache = cacheKind(config, deps.env);

  const work = mkdtempSync(path.join(runTempBase(tmpdir()), 'ml-image-build-'));
  const unregister = registerCleanup(() => rmSync(work, { recursive: true, force: true }));
  const notesShown = new Set<string>();
  try {
    const results: VariantBuild[] = [];
    for (const [i, v] of variants.entries()) {
      const dockerfile = dockerfileFor(v, config, baseDir, input.imagesDir);
      const baseDigest = baseDigests[i];
      const labels = {
        ...v.labels,
        ...(baseDigest !== undefined && {
          'org.opencontainers.image.base.digest': baseDigest,
          [`${LABEL_PREFIX}.base-digest`]: baseDigest,
        }),
      };
      const buildArgs: Record<string, string> = {
        ...Object.fromEntries(Object.entries(v.buildArgs).filter(([k]) => !SECRET_PLAN_ARGS.has(k))),
        ...config.build.args,
      };
      const platforms = v.platforms.filter((p) => !input.only?.platforms || input.only.platforms.includes(p));
      // dockerd's BuildKit (docker driver) runs one build at a time well on small runners.
      const limit = builder.driver === 'docker' ? 1 : 2;
      const built = await mapLimit(platforms, limit, (platform) =>
        group(`build ${v.name} ${platform}`, () =>
          buildOne({ v, platform, dockerfile, labels, buildArgs, context, cache, builder, work }),
        ),
      );
      const sources = built.map((b) => `${plan.repository}@${b.digest}`);
      let digest: string | undefined;
      if (input.push && input.merge !== false) {
        digest = await mergeVariant(deps, v.name, v.tags, sources);
      }
      results.push({
        variant: v.name,
        repository: plan.repository,
        ...(digest !== undefined && { digest }),
        tags: input.push ? v.tags : built.flatMap((b) => (b.localRef ? [b.localRef] : [])),
        platforms: built,
        baseImage: v.base.ref,
        ...(baseDigest !== undefined && { baseDigest }),
      });
    }
    return { schemaVersion: BUILD_RESULT_SCHEMA_VERSION, variants: results };
  } finally {
    rmSync(work, { recursive: true, force: true });
    unregister();
  }

  async function buildOne(t: {
    v: VariantPlan;
    platform: string;
    dockerfile: string;
    labels: Record<string, string>;
    buildArgs: Record<string, string>;
    context: string;
    cache: 'gha' | 'registry' | 'none';
    builder: BuilderInfo;
    work: string;
  }): Promise<PlatformBuild> {
    const arch = t.platform.split('/')[1]!;
    const id = `${t.v.name}/${arch}`;
    const metadataFile = path.join(t.work, `metadata-${t.v.name}-${arch}.json`);
    const resolved = input.resolved?.[`${t.v.name}/${t.platform}`];
    const inputs: BuildInputs = {
      requirements: resolved?.requirements ?? requirements,
      constraints: resolved?.constraints ?? '',
      indexes,
      ...(t.v.torch?.indexUrl !== undefined && { torchIndexUrl: t.v.torch.indexUrl }),
      secretEnv,
    };
    const fileSecrets = writeBuildInputs(path.join(t.work, `inputs-${t.v.name}-${arch}`), inputs);
    const { args, notes } = buildxBuildArgs(
      {
        context: t.context,
        dockerfile: t.dockerfile,
        platform: t.platform,
        repository: plan.repository,
        pushTag: `ml-image-build-${t.v.name}-${arch}`,
        push: input.push,
        ...(!input.push && { loadTag: localTag(plan.repository, t.v.name, arch) }),
        labels: t.labels,
        buildArgs: { ...t.buildArgs, [INPUTS_DIGEST_ARG]: inputsDigest(inputs) },
        cache: cacheFor(t.cache, plan.repository, t.v.name, arch),
        metadataFile,
        provenance: config.build.provenance,
        secrets: config.build.secrets,
        fileSecrets,
        network: config.build.network,
        pull: config.build.pull,
      },
      t.builder,
    );
    for (const n of notes) {
      if (!notesShown.has(n)) deps.progress(`note: ${n}`);
      notesShown.add(n);
    }
    const started = now();
    for (let attempt = 1; ; attempt++) {
      deps.progress(`build ${id}: started${attempt > 1 ? ` (attempt ${attempt}/${MAX_ATTEMPTS})` : ''}`);
      const tail: string[] = [];
      const r = await deps.docker.buildx(args, {
        onLine: (raw) => {
          // pip masks passwords itself; this also covers a token used as a URL's user name.
          const line = mask(raw);
          tail.push(line);
          if (tail.length > 400) tail.shift();
          deps.output?.(line, id);
        },
      });
      const elapsed = ((now() - started) / 1000).toFixed(1);
      if (r.exitCode === 0) {
        // buildx's metadata can quote build inputs (provenance): no URL credentials in build.json.
        const metadata = redactUrlsDeep(JSON.parse(readFileSync(metadataFile, 'utf8'))) as Record<
          string,
          unknown
        >;
        const digest = metadata['containerimage.digest'];
        if (typeof digest !== 'string')
          throw new CheckFailedError(`build ${id}: buildx wrote no image digest to ${metadataFile}`);
        deps.progress(`build ${id}: done in ${elapsed}s (${digest.slice(0, 19)})`);
        return {
          platform: t.platform,
          digest,
          durationMs: now() - started,
          attempts: attempt,
          metadata,
          ...(!input.push && { localRef: localTag(plan.repository, t.v.name, arch) }),
        };
      }
      const log = tail.join('\n') || mask(r.stderr);

      if (/unknown flag: mount|the --mount option requires BuildKit/i.test(log)) {
        throw new EnvironmentError(
          `build ${id}: the builder's Dockerfile frontend does not understand RUN --mount=type=secret`,
          SECRETS_FIX,
        );
      }
      // No daemon, or the registry refused the push: an environment problem (exit 3), not the build's.
      const classified = cliFailure(`build ${id}`, { ...r, stderr: log });
      if (classified instanceof EnvironmentError) throw classified;
      const transient = isTransient(log);
      const wait = 2000 * 2 ** (attempt - 1);
      if (transient && attempt < MAX_ATTEMPTS && now() - started + wait <= RETRY_BUDGET_MS) {
        deps.progress(`build ${id}: transient failure (${failureReason(log)}); retrying in ${wait / 1000}s`);
        await sleep(wait);
        continue;
      }
      const excerpt = log.split('\n').slice(-25).join('\n');
      const what = `build ${id} failed after ${elapsed}s${attempt > 1 ? ` and ${attempt} attempts` : ''}: ${failureReason(log)}\n--- last lines of the build log ---\n${excerpt}`;
      // A registry or network that keeps failing is the environment's problem (exit 3), not the build's.
      if (transient) {
        throw new EnvironmentError(
          what,
          `the registry or network kept failing (retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s per target); check the registry's status and try again later`,
        );
      }
      throw new CheckFailedError(
        what,
        'fix the Dockerfile or requirements named above; the build was not retried because the failure is deterministic',
      );
    }
  }
}

/** The secret part of a URL's userinfo: the password, else the user name (a token used as one). */
export function urlSecret(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.password || u.username);
  } catch {
    return '';
  }
}

/** URL userinfo masked in every string of a JSON value (keys kept; digests and refs untouched). */

export function redactUrlsDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactUrls(value);
  if (Array.isArray(value)) return value.map(redactUrlsDeep);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactUrlsDeep(v)]));
  return value;
}

/** The tag of an image built with push: false (loaded into the engine, never pushed). */
export function localTag(repository: string, variant: string, arch: string): string {
  return `${repository}:ml-image-local-${variant}-${arch}`;
}

/** imagetools create: one multi-arch manifest list from per-platform digests, under every tag. */
export async function mergeVariant(
  deps: Pick<BuildStageDeps, 'docker' | 'progress' | 'now'>,
  variant: string,
  tags: readonly string[],
  sources: readonly string[],
): Promise<string> {
  const now = deps.now ?? Date.now;
  const t0 = now();
  const digest = await deps.docker.imagetoolsCreate([...tags], [...sources]);
  deps.progress(
    `merge ${variant}: ${sources.length} platform(s) -> ${tags.join(', ')} (${digest.slice(0, 19)}) in ${((now() - t0) / 1000).toFixed(1)}s`,
  );
  return digest;
}

/** images/ of this tool: next to dist/ when bundled, at the repository root in development. */
export function findImagesDir(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'images', 'cpu', 'Dockerfile'))) return path.join(dir, 'images');
    const up = path.dirname(dir);
    if (up === dir)
      throw new EnvironmentError(
        `cannot find the images/ templates above ${start}`,
        'the action or CLI is incomplete: images/ must sit next to dist/ (reinstall or check out the whole repository)',
      );
    dir = up;
  }
}
