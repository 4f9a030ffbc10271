// When a failed build is tried again: transient failures (connection reset, registry 5xx, i/o
// timeout) are retried with backoff within a budget per target, counted from its first failure; a
// layer the engine lost under a cached step, once at once without the cache; a deterministic
// failure (Dockerfile error, pip conflict) stops at once with the end of the log. What the
// environment broke whatever the Dockerfile (a full disk, a foreign platform without QEMU, no
// registry or login) stops at once too, as exit 3 with the fix.
import type { DockerAdapter, ExecResult } from '../docker/adapter.js';
import { enginePlatform } from '../docker/engine-platform.js';
import { cliFailure, killedBySignal, registryRefusal, RUN_STEP_FAILED } from '../docker/failures.js';
import { CheckFailedError, EnvironmentError, InputError, type MlImageError } from '../errors.js';
import { lineEnd } from '../util/text.js';
import { type BuilderInfo, SECRETS_FIX } from './buildx-args.js';
import { INDEX_FIX, indexReason, unreachableIndex } from './index-failure.js';
import { pushRefusal } from './push-failure.js';
import { requestFailure } from './request-failure.js';

// A rate limit: Docker Hub's "toomanyrequests" body, or the status line alone as Go prints it
// (ghcr.io, ECR, quay.io: "unexpected status from HEAD request to ...: 429 Too Many Requests").
// "unexpected EOF" only as Go's io.ErrUnexpectedEOF ends an error line (a registry that closed the
// connection): not a RUN step's own deterministic "unexpected EOF while looking for matching" (bash),
// "unexpected EOF while parsing" (Python) or "Unexpected EOF in archive" (tar).
const TRANSIENT =
  /connection reset by peer|i\/o timeout|TLS handshake timeout|unexpected EOF[ \t]*$|(?:50[0234]) (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|429 Too Many Requests|received unexpected HTTP status: 5\d\d|toomanyrequests|net\/http: request canceled/im;

export const MAX_ATTEMPTS = 3;
/**
 * No new attempt starts this long after a target's first failure (the waits and the retried
 * attempts together). Counted from the first failure, not the first attempt: a build that ran
 * for 20 minutes (a torch install, arm64 under QEMU) before its push was reset still gets its
 * retries; the bound keeps a registry that keeps failing slowly from holding the job.
 */
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
  const line = (err ?? lines.at(-1) ?? 'no output').replace(/^ERROR:?\s*/, '');
  // Long RUN scripts are quoted whole by BuildKit: keep their start, the log excerpt has the rest.
  const quoted = elide(line, '[/bin/sh -c ', ']: exit code');
  return elide(quoted, 'process "/bin/sh -c ', '" did not complete').slice(0, 400);
}

/**
 * LINE with the script between OPEN and CLOSE cut to its first 60 characters and "...", where it is
 * over 80: what line.replace(/(OPEN)(.{60}).{20,}(CLOSE)/, '$1$2...$3') gives. That expression ran
 * from each OPEN to the line's end and back (a line repeating OPEN 16,384 times took 6 s); here
 * each stretch between line terminators is searched once, from its first OPEN to its last CLOSE.
 */
function elide(line: string, open: string, close: string): string {
  let from = line.indexOf(open);
  while (from >= 0) {
    const end = lineEnd(line, from);
    const start = from + open.length;
    const to = line.slice(start, end).lastIndexOf(close);
    if (to >= 80) return `${line.slice(0, start + 60)}...${line.slice(start + to)}`;
    from = line.indexOf(open, end);
  }
  return line;
}

/** The backoff before the attempt after ATTEMPT: 2 s, 4 s, 8 s ... */
export function retryWaitMs(attempt: number): number {
  return 2000 * 2 ** (attempt - 1);
}

/**
 * The retry decision the build and the merge share: after failed attempt ATTEMPT whose log ends in
 * LOG, SPENT_MS after the first failure (the waits and retried attempts since; 0 after the first
 * attempt, however long it ran), the wait before the next attempt, or undefined:
 * the failure is not transient, or the attempts or the budget are used up. Only the end of the log
 * counts: an earlier pip "Retrying ... connection reset" that pip recovered from must not make a
 * deterministic failure look transient.
 */
export function nextAttempt(
  log: string,
  attempt: number,
  spentMs: number,
): { waitMs: number; reason: string } | undefined {
  if (!isTransient(lastLines(log))) return undefined;
  const waitMs = retryWaitMs(attempt);
  if (attempt >= MAX_ATTEMPTS || spentMs + waitMs > RETRY_BUDGET_MS) return undefined;
  return { waitMs, reason: failureReason(log) };
}

/** The end of a log that says why an attempt failed. */
export const lastLines = (log: string): string => log.split('\n').slice(-15).join('\n');

/** One failed buildx attempt of a target, as the retry policy sees it. */
export interface FailedAttempt {
  /** "variant/arch". */
  id: string;
  result: ExecResult;
  /** The (masked) end of the build log, else buildx's stderr. */
  log: string;
  attempt: number;
  /** Time since the target's first failed attempt (the waits and the retried attempts), in ms. */
  spentMs: number;
  /** The time shown in the failure message, in seconds ("12.3"). */
  elapsed: string;
  /**
   * The registries a refusal is about where buildx's line names none: the pushed image's (write)
   * and the base image's (read).
   */
  registries: { write: string; read?: string };
  /** The target's platform (linux/arm64). */
  platform?: string;
  /** The builder's own platform, where known (builderPlatformFor): another needs QEMU. */
  builderPlatform?: string;
}

/**
 * dockerd's built-in BuildKit (docker driver) can take a cache hit from an imported cache whose
 * layers the engine no longer has (its images were pruned, a fresh machine), then fail to export
 * it: "failed to get layer sha256:...: layer does not exist" (moby/buildkit#1981 and kin); or take a
 * cached step whose snapshot an image removal took from under it (images removed while another
 * build ran, on a shared runner's engine), then fail the next step: "failed to prepare <id>: open
 * /var/lib/docker/overlay2/<dir>/committed: no such file or directory".
 */
export const MISSING_CACHED_LAYER =
  /failed to get layer sha256:[0-9a-f]{64}: layer does not exist|failed to prepare \S+: open \S+\/committed: no such file or directory/;

/**
 * A build that lacks a layer or snapshot even without any cache: the engine's image store changed
 * under it (images removed while it ran, on an engine another job shares) or is damaged (the base
 * image's own layers: --no-cache does not unpack FROM again).
 */
export function engineStorageError(id: string, log: string): EnvironmentError {
  return new EnvironmentError(
    `build ${id}: the engine lacks a layer or snapshot it holds as present, also when built without any cache: ${failureReason(log)}`,
    "the engine's image store changed under the build or is damaged: make sure nothing removes images while it builds (a prune on a shared runner), then remove the base image (docker rmi) so that it is pulled again, or prune the build cache (docker builder prune), and run it again",
  );
}

/**
 * `buildx build` ARGS (the context last) for a build without any cache: no cache imports
 * (--cache-from SPEC, --cache-from=SPEC) and --no-cache; cache exports are kept.
 */
export function uncachedArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length - 1; i++) {
    if (args[i] === '--cache-from') i++;
    else if (!args[i]!.startsWith('--cache-from=') && args[i] !== '--no-cache') out.push(args[i]!);
  }
  return [...out, '--no-cache', ...args.slice(-1)];
}

/** A program the build ran is for another architecture than the machine that ran it. */
const EXEC_FORMAT = /exec format error/i;

/** The disk the builder writes to is full (pip's OSError [Errno 28] says it the same way). */
const NO_SPACE = /no space left on device/i;

/** The first line of LOG that PATTERN matches, without BuildKit's step prefix ("#7 0.101 "). */
const lineOf = (log: string, pattern: RegExp): string =>
  (log.split('\n').find((l) => pattern.test(l)) ?? '')
    .trim()
    .replace(/^#\d+ (?:\d+\.\d+ )?/, '')
    .slice(0, 300);

const NO_SPACE_FIX =
  'free disk space where the builder keeps its data (Docker\'s data root, /var/lib/docker by default; a docker-container builder\'s volume): "docker builder prune" (the build cache) and "docker image prune" (dangling images; -a: every image no container uses); on a GitHub-hosted runner, remove the preinstalled toolchains before the build (e.g. "sudo rm -rf /usr/share/dotnet /usr/local/lib/android /opt/ghc /opt/hostedtoolcache/CodeQL", or jlumbroso/free-disk-space), or use a runner with a larger disk; then build again';

/** How to let a machine of another architecture run PLATFORM's programs: QEMU, through binfmt_misc. */
const qemuFix = (platform: string | undefined) => {
  const arch = platform?.split('/')[1] ?? 'all';
  const elsewhere = platform !== undefined ? `; or build ${platform} on a ${platform} machine` : '';
  return `register QEMU for ${arch === 'all' ? "the target's architecture" : arch} on the machine that builds: in GitHub Actions docker/setup-qemu-action before this step; elsewhere "docker run --privileged --rm tonistiigi/binfmt --install ${arch}" (again after a reboot)${elsewhere}`;
};

/**
 * The environment's failures a build log shows whatever the Dockerfile (exit 3, with the fix): a
 * full disk; a program of PLATFORM that could not start (exec format error) where the builder's
 * own platform is not PLATFORM: no QEMU registered for it. Where the builder's platform is unknown
 * (a remote or kubernetes builder, a docker-container builder on another machine or with several
 * nodes, an engine that did not answer: builderPlatformFor) the fix says both; where it is
 * PLATFORM, the base image or a file the build copied holds a program of another architecture:
 * the build's own failure (undefined here). The whole tail is read: BuildKit ends it with the
 * Dockerfile's lines, which can be more than lastLines holds. Pure.
 */
function environmentFailure(
  f: Pick<FailedAttempt, 'id' | 'log' | 'platform' | 'builderPlatform'>,
): EnvironmentError | undefined {
  if (NO_SPACE.test(f.log))
    return new EnvironmentError(
      `build ${f.id}: the disk the builder writes to is full: ${lineOf(f.log, NO_SPACE)}`,
      NO_SPACE_FIX,
    );
  if (!EXEC_FORMAT.test(f.log)) return undefined;
  const { platform, builderPlatform: host } = f;
  const said = lineOf(f.log, EXEC_FORMAT);
  if (host !== undefined && platform !== undefined) {
    if (host.split('/')[1] === platform.split('/')[1]) return undefined;
    return new EnvironmentError(
      `build ${f.id}: a ${platform} program could not start on the builder's ${host} machine (${said}): no emulator is registered there for ${platform}`,
      qemuFix(platform),
    );
  }
  return new EnvironmentError(
    `build ${f.id}: a program could not start (${said}): it is for another architecture than the machine that ran it`,
    `if the builder's machine is not ${platform ?? "the target's platform"}: ${qemuFix(platform)}. If it is, the base image or a file the build copies in holds a program for another architecture: fix that (docker image inspect --format "{{.Architecture}}" on the base image)`,
  );
}

/** The engine without DOCKER_HOST, as `docker buildx create` names a node made on it. */
const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/**
 * Whether BUILDER builds on the engine docker.ping asks (DOCKER_HOST's, else the current Docker
 * context's, else the default socket): a docker or docker-container builder with one node whose
 * endpoint is that engine, its context's name ("default" without one: DOCKER_HOST's engine) or its
 * address, which `docker buildx create` without an endpoint records. A docker-container builder
 * made on another machine (`docker buildx create ssh://arm-host`, tcp://..., another context's
 * name) or with several nodes (--append: a build may run on any) does not, as far as can be told
 * here; nor do the remote and kubernetes drivers. The
 * docker driver is its context's engine: the local one where buildx names no endpoint. Pure.
 */
export function buildsOnEngine(
  builder: Pick<BuilderInfo, 'driver' | 'endpoints'>,
  dockerHost: string | undefined,
  dockerContext?: string,
): boolean {
  const { driver, endpoints } = builder;
  if (driver !== 'docker' && driver !== 'docker-container') return false;
  if (endpoints === undefined) return driver === 'docker';
  const names = [dockerContext ?? 'default', dockerHost || DEFAULT_DOCKER_HOST];
  return endpoints.length === 1 && names.includes(endpoints[0]!);
}

/**
 * { builderPlatform } for a log with an exec format error, asked of the engine only then: the
 * engine's own platform where the builder builds on it (buildsOnEngine); nothing for a builder
 * elsewhere, or on several machines, or an engine that does not answer.
 */
export async function builderPlatformFor(
  ctx: {
    docker: Pick<DockerAdapter, 'ping'>;
    builder: Pick<BuilderInfo, 'driver' | 'endpoints'>;
    dockerHost?: string;
    dockerContext?: string;
  },
  log: string,
): Promise<{ builderPlatform?: string }> {
  if (!EXEC_FORMAT.test(log) || !buildsOnEngine(ctx.builder, ctx.dockerHost, ctx.dockerContext)) return {};
  const info = await ctx.docker.ping().catch(() => undefined);
  return info === undefined ? {} : { builderPlatform: enginePlatform(info) };
}

/**
 * After a failed attempt: how long to wait before the next one (and why it failed), or the error
 * that ends the target: environment problems exit 3, a deterministic build failure exits 1.
 */
export function afterFailedAttempt(f: FailedAttempt): { waitMs: number; reason: string } {
  const { id, log, attempt } = f;
  if (/unknown flag: mount|the --mount option requires BuildKit/i.test(log)) {
    throw new EnvironmentError(
      `build ${id}: the builder's Dockerfile frontend does not understand RUN --mount=type=secret`,
      SECRETS_FIX,
    );
  }
  // docker killed by a signal not this run's (the OOM killer): its log ends in "context canceled".
  const killed = killedBySignal(`build ${id}`, 'the docker buildx build process', f.result);
  if (killed) throw killed;
  // A full disk, a foreign platform without QEMU: no retry passes, and no Dockerfile fix either.
  const environment = environmentFailure(f);
  if (environment) throw environment;
  const next = nextAttempt(log, attempt, f.spentMs);
  if (next) return next;
  // No daemon, no registry, or one that refused the push or a base's pull: an environment problem
  // (exit 3, the login fix), not the build's.
  const refused = registryRefusal(`build ${id}`, failureReason(log), lastLines(log), f.registries);
  if (refused) throw refused;
  const pushRefused = pushRefusal(`build ${id}`, failureReason(log), lastLines(log), f.registries.write);
  if (pushRefused) throw pushRefused;
  // What the request asked of the builder (allow, ssh, build-contexts, target): not the Dockerfile's.
  const request = requestFailure(failureReason(log), (why) => failedText(f, why));
  if (request) throw request;
  if (RUN_STEP_FAILED.test(failureReason(log))) {
    // A RUN step's own output ("Connection refused" of its pip or curl) says nothing of the
    // daemon or a registry: its pip that could not reach the package index is said as that.
    const index = unreachableIndex(log);
    if (index) throw new EnvironmentError(failedText(f, indexReason(index)), INDEX_FIX);
  } else {
    const classified = cliFailure(`build ${id}`, { ...f.result, stderr: log });
    if (classified instanceof EnvironmentError) throw classified;
  }
  throw referenceFailure(f) ?? finalFailure(f, isTransient(lastLines(log)));
}

/**
 * buildx, BuildKit or the engine refused an image reference or name. The tags (and the cache's
 * references) are made of the config's image.registry, image.name, image.version and the variant
 * names: no Dockerfile's fault.
 */
const REFERENCE_REFUSED =
  /invalid reference format|repository name must (?:not be more than \d+ characters|be lowercase)|invalid tag format|invalid tag "/i;
/** A reference the Dockerfile's FROM names (after its build args), not one the config made. */
const DOCKERFILE_REFERENCE = /failed to parse stage name|base name \(.*\) should not be blank/i;

/** An IPv6 literal host, [::1]:5000. */
const isIpv6Host = (host: string | undefined): host is string => host?.startsWith('[') === true;

/**
 * The error for a build that failed as a reference was refused (REFERENCE_REFUSED), or undefined
 * when its log shows no such refusal. With an [IPv6] registry (the pushed image's or the base's),
 * "invalid reference format" is a builder older than the reference grammar that takes IPv6 hosts
 * (distribution/reference 0.5, 2023: Docker 26 with its BuildKit 0.13, buildx 0.12): the
 * environment's (exit 3), a FROM naming that registry's image too. Any other refused tag or name is the config's (exit 2): it
 * passed the config's checks where the builder's grammar is stricter; a FROM the Dockerfile
 * wrote (a stage name it cannot parse) stays the build's.
 */
export function referenceFailure(
  f: Pick<FailedAttempt, 'id' | 'log' | 'registries'>,
): MlImageError | undefined {
  const reason = failureReason(f.log);
  if (!REFERENCE_REFUSED.test(reason)) return undefined;
  const { write, read } = f.registries;
  const ipv6 = [write, read].find(isIpv6Host);
  // A stage name the FROM wrote is the Dockerfile's, unless it is on that registry.
  const fromDockerfile = DOCKERFILE_REFERENCE.test(reason);
  if (
    ipv6 !== undefined &&
    /invalid reference format/i.test(reason) &&
    (!fromDockerfile || reason.includes(ipv6))
  )
    return new EnvironmentError(
      `build ${f.id}: the builder refused a reference on the [IPv6] registry ${ipv6} (${reason}): its Docker engine, BuildKit or buildx predates [IPv6] registry hosts`,
      `use Docker 26 or later (BuildKit 0.13 or later in a docker-container builder) and buildx 0.12 or later (docker version; docker buildx version; docker buildx inspect); or give the registry a host name (an /etc/hosts entry) and set that in ${ipv6 === write ? 'image.registry' : "build.mirrors or the variant's base"}`,
    );
  if (fromDockerfile) return undefined;
  return new InputError(
    `build ${f.id}: the builder refused the image's name or a tag: ${reason}`,
    'the tags are image.registry/image.name:<tag>, each tag made of image.version (or the git tag) and a variant\'s name: fix the one named above in the config (a repository name is lowercase and at most 255 characters with its registry host; a tag at most 128 characters of letters, digits, "_", "." and "-")',
  );
}

/** BuildKit's quote of the failing instruction: `Dockerfile:85`, a rule, ` 85 | >>> ...` lines, a rule. */
const QUOTE_HEAD = /\S:\d+$/;
const QUOTE_RULE = /^-{8,}$/;
const QUOTED_LINE = /^\s*\d+ \| /;

/**
 * LOG with each quote of a Dockerfile instruction BuildKit prints after a failure (>= 0.9) cut to
 * its first 3 and last 2 lines: it quotes every line of the instruction, and a template's pip step
 * (73 lines) would fill the log's excerpt, pushing out both the Dockerfile line it names and the
 * step's own output above it (pip's error).
 */
export function shortSourceQuotes(log: string): string {
  const lines = log.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    if (!QUOTE_HEAD.test(lines[i]!) || !QUOTE_RULE.test(lines[i + 1] ?? '')) continue;
    let end = i + 2;
    while (end < lines.length && QUOTED_LINE.test(lines[end]!)) end++;
    const quoted = lines.slice(i + 2, end);
    if (quoted.length <= 6 || !QUOTE_RULE.test(lines[end] ?? '')) continue;
    const cut = `      ... (${quoted.length - 5} lines of the Dockerfile cut)`;
    out.push(lines[i + 1]!, ...quoted.slice(0, 3), cut, ...quoted.slice(-2), lines[end]!);
    i = end;
  }
  return out.join('\n');
}

/** A failed build said with REASON, then the end of its log (Dockerfile quotes cut short). */
function failedText(f: FailedAttempt, reason: string): string {
  const excerpt = shortSourceQuotes(f.log).split('\n').slice(-25).join('\n');
  return `build ${f.id} failed after ${f.elapsed}s${f.attempt > 1 ? ` and ${f.attempt} attempts` : ''}: ${reason}\n--- last lines of the build log ---\n${excerpt}`;
}

function finalFailure(f: FailedAttempt, transient: boolean): Error {
  const what = failedText(f, failureReason(f.log));
  // A registry or network that keeps failing is the environment's problem (exit 3), not the build's.
  if (transient) {
    return new EnvironmentError(
      what,
      `the registry or network kept failing (retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s after a target's first failure); check the registry's status and try again later`,
    );
  }
  return new CheckFailedError(
    what,
    'fix the Dockerfile or requirements named above; the build was not retried because the failure is deterministic',
  );
}
