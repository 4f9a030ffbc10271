// DockerAdapter over the real engine: containers through dockerode, buildx through the docker CLI.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import { EnvironmentError, InputError, MlImageError } from '../errors.js';
import { registerCleanup } from '../util/cleanup.js';
import {
  type BuilderDescription,
  type CommandRunner,
  type ContainerSession,
  type DaemonFeatures,
  type SessionSpec,
  type ContainerRunResult,
  type ContainerRunSpec,
  type DockerAdapter,
  type EngineInfo,
  type ExecOptions,
  type ExecResult,
  type ImageIndex,
  DEADLINE_MARGIN_MS,
  DEFAULT_DEADLINE_MS,
  DEFAULT_SESSION_DEADLINE_MS,
  MANAGED_LABEL,
  RUN_ID,
  RUN_LABEL,
} from './adapter.js';
import { ActionsExecRunner } from './exec-runner.js';
import { tarArchive } from './tar.js';

const DAEMON_FIX =
  'start the Docker engine (e.g. "sudo systemctl start docker"; on a Debian test machine: "sudo scripts/test-env.sh"), or point DOCKER_HOST at a running one';
const BUILDX_FIX =
  'install the buildx CLI plugin: "apt-get install docker-buildx" (Debian 13+/Ubuntu) or "docker-buildx-plugin" from Docker\'s repository; on a Debian test machine "sudo scripts/test-env.sh" does it';
const REGISTRY_FIX =
  'check that the registry is running and reachable from this machine, and that you are logged in to it';

const CONNECT_CODES = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'EACCES',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

function daemonTarget(docker: Dockerode): string {
  const m = docker.modem as { socketPath?: string; host?: string; port?: number | string };
  return m.socketPath ? `unix://${m.socketPath}` : `tcp://${m.host}:${m.port}`;
}

/** Map a dockerode error to EnvironmentError when it is a connection problem; else undefined. */
export function connectionError(err: unknown, docker: Dockerode): EnvironmentError | undefined {
  const code = (err as { code?: string }).code;
  if (code && CONNECT_CODES.has(code)) {
    return new EnvironmentError(
      `cannot reach the Docker daemon at ${daemonTarget(docker)} (${code})`,
      DAEMON_FIX,
      {
        cause: err,
      },
    );
  }
  return undefined;
}

const DAEMON_UNREACHABLE =
  /Cannot connect to the Docker daemon|docker daemon is not running|dial unix [^ ]*\.sock|error during connect/i;

const REGISTRY_UNREACHABLE =
  /connection refused|no such host|dial tcp|i\/o timeout|TLS handshake timeout|server gave HTTP response to HTTPS client|network is unreachable/i;

/** Classify a failed docker CLI call: registry/daemon connectivity -> exit 3, else exit 1. */
export function cliFailure(what: string, result: ExecResult): MlImageError {
  const tail = (result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n');
  if (DAEMON_UNREACHABLE.test(tail)) {
    return new EnvironmentError(`${what}: the Docker daemon is not reachable\n${tail}`, DAEMON_FIX);
  }
  if (REGISTRY_UNREACHABLE.test(tail)) {
    return new EnvironmentError(`${what}: registry unreachable\n${tail}`, REGISTRY_FIX);
  }
  return new MlImageError(`${what} failed (exit ${result.exitCode})\n${tail}`, 1);
}

export function parseBuildxVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:[-+][\w.]+)?)/.exec(output)?.[1];
}

export function parseBuildxInspect(inspectOutput: string): BuilderDescription {
  const field = (name: string) =>
    new RegExp(`^\\s*${name}:\\s*(.+)$`, 'm').exec(inspectOutput)?.[1]?.trim() ?? '';
  // "BuildKit version: v0.8+unknown" (dockerd's BuildKit) or "Buildkit: v0.13.2" (older buildx).
  // Older buildx prints the engine's version there for the docker driver ("20.10.24+dfsg1"):
  // BuildKit versions are 0.x, so anything else is not one.
  const buildkit = /^\s*Build[Kk]it(?: version)?:\s*v?(0\.\d+(?:\.\d+)?)/m.exec(inspectOutput)?.[1];
  return {
    name: field('Name'),
    driver: field('Driver'),
    platforms: parseBuildxPlatforms(inspectOutput),
    ...(buildkit !== undefined && { buildkitVersion: buildkit }),
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

interface RawIndex {
  mediaType?: string;
  manifests?: { digest: string; platform?: { os: string; architecture: string; variant?: string } }[];
}

export function parseImageIndex(raw: string): ImageIndex {
  const data = JSON.parse(raw) as RawIndex;
  return {
    mediaType: data.mediaType ?? '',
    platforms: (data.manifests ?? [])
      .filter((m) => m.platform && m.platform.os !== 'unknown') // attestation manifests
      .map((m) => ({
        os: m.platform!.os,
        architecture: m.platform!.architecture,
        ...(m.platform!.variant !== undefined && { variant: m.platform!.variant }),
        digest: m.digest,
      })),
  };
}

/** Split Docker's multiplexed stream into stdout/stderr chunks; resolves when the stream ends. */
function collectOutput(
  docker: Dockerode,
  stream: NodeJS.ReadableStream,
  onChunk: (text: string, which: 'stdout' | 'stderr') => void,
): Promise<void> {
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (b: Buffer) => onChunk(b.toString('utf8'), 'stdout'));
  err.on('data', (b: Buffer) => onChunk(b.toString('utf8'), 'stderr'));
  docker.modem.demuxStream(stream, out, err);
  return new Promise<void>((resolve) => {
    stream.on('end', () => resolve());
    stream.on('close', () => resolve());
    stream.on('error', () => resolve());
  });
}

/**
 * Docker's multiplexed stream format (non-TTY attach and logs): frames of an 8-byte header
 * (stream 1 = stdout, 2 = stderr; size big-endian in bytes 4..7) and the payload.
 */
export function demuxFrames(buf: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    const payload = buf.subarray(i + 8, i + 8 + size);
    (buf[i] === 2 ? err : out).push(payload);
    i += 8 + size;
  }
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/**
 * PID 1 of every container runContainer starts: runs the real command as its child and stops it at
 * the deadline (TERM, then KILL 5 s later), so a container ends by itself even when the process
 * that started it was killed (SIGKILL) and never removes it. PID 1 ignores signals sent from inside
 * its namespace, so the watchdog signals the child, and PID 1 exits with the child's status.
 * A command that does not exist exits 127 with the engine's own wording ("executable file not
 * found"), as `docker run` does. `exec` runs the program itself, never a shell builtin.
 * Arguments: $1 = deadline in seconds, the rest = the command.
 */
export const DEADLINE_SCRIPT = [
  'd=$1; shift',
  'case $1 in */*) [ -f "$1" ] && [ -x "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac ||',
  '  { echo "exec: \\"$1\\": executable file not found in \\$PATH" >&2; exit 127; }',
  'exec "$@" & c=$!',
  '(sleep "$d"; echo "ml-image: deadline of ${d}s passed: stopping the command" >&2;',
  ' kill -TERM "$c" 2>/dev/null; sleep 5; kill -KILL "$c" 2>/dev/null) & w=$!',
  'wait "$c"; s=$?',
  'kill "$w" 2>/dev/null',
  'exit "$s"',
].join('\n');

/** The idle loop of a session: it ends at its deadline ($1 seconds), or when stopped. */
export const SESSION_SCRIPT = 'trap "exit 0" TERM INT; sleep "$1" & wait $!; exit 0';

/** Whole seconds of the in-container deadline of a container run (at least 1). */
export function deadlineSeconds(spec: { timeoutMs?: number; deadlineMs?: number }): number {
  const ms =
    spec.deadlineMs ??
    (spec.timeoutMs !== undefined ? spec.timeoutMs + DEADLINE_MARGIN_MS : DEFAULT_DEADLINE_MS);
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The argv the container would run without a wrapper, with Docker's rules: an entrypoint given
 * replaces the image's and its CMD; else the image's entrypoint runs with spec.cmd (or, when
 * that is empty, with the image's CMD).
 */
export function effectiveArgv(
  spec: { entrypoint?: readonly string[] | undefined; cmd: readonly string[] },
  image: { entrypoint: readonly string[] | null; cmd: readonly string[] | null },
): string[] {
  if (spec.entrypoint !== undefined) return [...spec.entrypoint, ...spec.cmd];
  return [...(image.entrypoint ?? []), ...(spec.cmd.length > 0 ? spec.cmd : (image.cmd ?? []))];
}

/** Entrypoint and Cmd that run argv under DEADLINE_SCRIPT. */
export function withDeadline(
  argv: readonly string[],
  seconds: number,
): { Entrypoint: string[]; Cmd: string[] } {
  return {
    Entrypoint: ['/bin/sh', '-c', DEADLINE_SCRIPT, 'ml-image-deadline', String(seconds)],
    Cmd: [...argv],
  };
}

/** The engine's start error when the image has no /bin/sh for the deadline wrapper. */
export function isMissingShell(err: unknown): boolean {
  return /"?\/bin\/sh"?:? .*(no such file or directory|not found)/i.test(
    String((err as Error)?.message ?? err),
  );
}

export interface EngineDeps {
  /** The engine client, or a loader for it: dockerode is only loaded when a container is needed. */
  docker: Dockerode | (() => Promise<Dockerode>);
  exec: CommandRunner;
  /** The docker CLI (default "docker"). */
  dockerCli?: string;
}

export function createDockerAdapter(deps: EngineDeps): DockerAdapter {
  const { exec } = deps;
  const cli = deps.dockerCli ?? 'docker';
  let client: Promise<Dockerode> | undefined;
  const engine = () =>
    (client ??= typeof deps.docker === 'function' ? deps.docker() : Promise.resolve(deps.docker));

  async function runCli(args: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    try {
      return await exec.run(cli, args, options);
    } catch (e) {
      // The runner rejects when the program cannot be found or started (ENOENT, EACCES).
      throw new EnvironmentError(
        `cannot run the docker CLI "${cli}": ${(e as Error).message}`,
        'install the Docker CLI and make sure it is on PATH',
        { cause: e },
      );
    }
  }

  async function engineCall<T>(fn: (docker: Dockerode) => Promise<T>): Promise<T> {
    const docker = await engine();
    try {
      return await fn(docker);
    } catch (e) {
      throw connectionError(e, docker) ?? e;
    }
  }

  async function imageDigest(ref: string): Promise<string> {
    const r = await runCli(['buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', ref]);
    if (r.exitCode !== 0) throw cliFailure(`resolving the digest of ${ref}`, r);
    const digest = (JSON.parse(r.stdout) as { digest?: string }).digest;
    if (!digest) throw new MlImageError(`no digest in the manifest of ${ref}`, 1);
    return digest;
  }

  /** Create a container with the managed and run labels, so leftovers can always be found. */
  async function createManaged(
    spec: {
      image: string;
      platform?: string | undefined;
      env?: Readonly<Record<string, string>> | undefined;
      user?: string | undefined;
      labels?: Readonly<Record<string, string>> | undefined;
    },
    body: Record<string, unknown>,
  ): Promise<Dockerode.Container> {
    return engineCall((docker) =>
      docker.createContainer({
        _query: spec.platform ? { platform: spec.platform } : {},
        _body: {
          Image: spec.image,
          Env: Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`),
          ...(spec.user !== undefined && { User: spec.user }),
          Labels: { ...spec.labels, [MANAGED_LABEL]: 'true', [RUN_LABEL]: RUN_ID },
          ...body,
        },
      } as unknown as Dockerode.ContainerCreateOptions),
    );
  }

  async function ensureImage(image: string, platform: string | undefined): Promise<void> {
    const docker = await engine();
    try {
      const info = await docker.getImage(image).inspect();
      // A multi-arch tag may be cached locally for another platform: then pull the one asked for.
      if (platform === undefined || `${info.Os}/${info.Architecture}` === platform) return;
    } catch (e) {
      const conn = connectionError(e, docker);
      if (conn) throw conn;
      if ((e as { statusCode?: number }).statusCode !== 404) throw e;
    }
    try {
      const stream = await docker.pull(image, platform ? { platform } : {});
      await new Promise<void>((resolve, reject) =>
        docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
      );
    } catch (e) {
      const conn = connectionError(e, docker);
      if (conn) throw conn;
      const msg = (e as Error).message;
      if (REGISTRY_UNREACHABLE.test(msg)) {
        throw new EnvironmentError(`cannot pull ${image}: registry unreachable (${msg})`, REGISTRY_FIX, {
          cause: e,
        });
      }
      throw new InputError(
        `cannot pull image ${image}: ${msg}`,
        'check the image reference and that it exists',
      );
    }
  }

  return {
    async ping(): Promise<EngineInfo> {
      const v = await engineCall((docker) => docker.version());
      return { version: v.Version, apiVersion: v.ApiVersion, os: v.Os, arch: v.Arch };
    },

    async daemonFeatures(): Promise<DaemonFeatures> {
      const info = (await engineCall((docker) => docker.info())) as {
        Runtimes?: Record<string, unknown>;
        CDISpecDirs?: string[];
      };
      return { runtimes: Object.keys(info.Runtimes ?? {}), cdiSpecDirs: info.CDISpecDirs ?? [] };
    },

    async buildxVersion(): Promise<string> {
      const r = await runCli(['buildx', 'version']);
      const version = r.exitCode === 0 ? parseBuildxVersion(r.stdout) : undefined;
      if (!version) {
        throw new EnvironmentError(
          `docker buildx is not available (${(r.stderr || r.stdout).trim().split('\n')[0] || `exit ${r.exitCode}`})`,
          BUILDX_FIX,
        );
      }
      return version;
    },

    async buildxInspect(): Promise<BuilderDescription> {
      const r = await runCli(['buildx', 'inspect']);
      if (r.exitCode !== 0) throw cliFailure('docker buildx inspect', r);
      return parseBuildxInspect(r.stdout);
    },

    buildx(args, options) {
      return runCli(['buildx', ...args], options);
    },

    async imagetoolsCreate(tags, sources) {
      if (tags.length === 0 || sources.length === 0) {
        throw new InputError('imagetools create needs at least one tag and one source');
      }
      const args = ['buildx', 'imagetools', 'create', ...tags.flatMap((t) => ['-t', t]), ...sources];
      const r = await runCli(args);
      if (r.exitCode !== 0)
        throw cliFailure(`merging ${sources.length} digest(s) into ${tags.join(', ')}`, r);
      // buildx reports "pushing sha256:<list digest> to <tag>"; else ask the registry.
      return (
        /pushing (sha256:[0-9a-f]{64}) to /.exec(r.stderr + r.stdout)?.[1] ?? (await imageDigest(tags[0]!))
      );
    },

    async imagetoolsInspect(ref) {
      const r = await runCli(['buildx', 'imagetools', 'inspect', '--raw', ref]);
      if (r.exitCode !== 0) throw cliFailure(`inspecting ${ref}`, r);
      return parseImageIndex(r.stdout);
    },

    imageDigest,

    async runContainer(spec: ContainerRunSpec): Promise<ContainerRunResult> {
      await ensureImage(spec.image, spec.platform);
      const started = Date.now();
      const hostConfig: Dockerode.HostConfig = {
        AutoRemove: false, // removed by us after reading the exit code, in every case
        ...(spec.shmSizeBytes !== undefined && { ShmSize: spec.shmSizeBytes }),
        ...(spec.ipcHost && { IpcMode: 'host' }),
        ...(spec.network !== undefined && { NetworkMode: spec.network }),
        ...(spec.gpus !== undefined && {
          DeviceRequests: [
            {
              Driver: '',
              Count: spec.gpus === 'all' ? -1 : spec.gpus,
              Capabilities: [['gpu']],
              DeviceIDs: null as never,
              Options: {},
            },
          ],
        }),
      };
      const docker = await engine();
      // The deadline wrapper needs the whole argv: the image's entrypoint/CMD when none is given.
      const argv = effectiveArgv(
        spec,
        spec.entrypoint !== undefined
          ? { entrypoint: null, cmd: null }
          : await engineCall(async (d) => {
              const c = (await d.getImage(spec.image).inspect()).Config;
              return {
                entrypoint: (c?.Entrypoint as string[] | null | undefined) ?? null,
                cmd: (c?.Cmd as string[] | null | undefined) ?? null,
              };
            }),
      );
      let stdout = '';
      let stderr = '';
      let timer: NodeJS.Timeout | undefined;
      const launch = async (wrapped: boolean) => {
        const container = await createManaged(spec, {
          ...(wrapped
            ? withDeadline(argv, deadlineSeconds(spec))
            : {
                Cmd: [...spec.cmd],
                ...(spec.entrypoint !== undefined && { Entrypoint: [...spec.entrypoint] }),
              }),
          ...(spec.workdir !== undefined && { WorkingDir: spec.workdir }),
          Tty: false,
          AttachStdout: true,
          AttachStderr: true,
          HostConfig: hostConfig,
        });
        const remove = async () => {
          await container.remove({ force: true, v: true }).catch(() => undefined);
        };
        const unregister = registerCleanup(remove);
        let stream: NodeJS.ReadableStream | undefined;
        try {
          stream = await engineCall(() => container.attach({ stream: true, stdout: true, stderr: true }));
          const ended = collectOutput(docker, stream, (s, which) => {
            if (which === 'stdout') stdout += s;
            else stderr += s;
            spec.onOutput?.(s, which);
          });
          await engineCall(() => container.start());
          return { container, remove, unregister, stream, ended };
        } catch (e) {
          (stream as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined)?.destroy?.();
          await remove();
          unregister();
          throw e;
        }
      };
      // An image without /bin/sh (e.g. distroless) runs without the in-container deadline: the
      // host-side timeout still applies; only a killed CLI would leave it to the post step.
      let inContainerDeadline = true;
      const { container, remove, unregister, stream, ended } = await launch(true).catch(
        async (e: unknown) => {
          if (!isMissingShell(e)) throw e;
          inContainerDeadline = false;
          return launch(false);
        },
      );
      try {
        let timedOut = false;
        const waited = container.wait() as Promise<{ StatusCode: number }>;
        const outcome = await (spec.timeoutMs === undefined
          ? waited
          : Promise.race([
              waited,
              new Promise<'timeout'>((resolve) => {
                timer = setTimeout(() => resolve('timeout'), spec.timeoutMs);
              }),
            ]));
        if (outcome === 'timeout') {
          timedOut = true;
          await container.kill().catch(() => undefined);
        }
        // The attach stream may only close when the engine tears the connection down, seconds
        // after the exit. The container's log already holds all of the output: read that. Only a
        // log driver that cannot be read back falls back to waiting (a bounded time) for the stream.
        const logged = timedOut
          ? undefined
          : await engineCall(() => container.logs({ stdout: true, stderr: true, follow: false }))
              .then((b) => demuxFrames(Buffer.isBuffer(b) ? b : Buffer.from(String(b))))
              .catch(() => undefined);
        if (logged) {
          stdout = logged.stdout;
          stderr = logged.stderr;
          (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        } else {
          await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
        }
        return {
          containerId: container.id,
          exitCode: timedOut ? null : (outcome as { StatusCode: number }).StatusCode,
          timedOut,
          stdout,
          stderr,
          durationMs: Date.now() - started,
          inContainerDeadline,
        };
      } finally {
        if (timer) clearTimeout(timer);
        await remove();
        unregister();
      }
    },

    async inspectImage(ref, platform) {
      await ensureImage(ref, platform);
      const info = await engineCall((docker) => docker.getImage(ref).inspect());
      const i = info as typeof info & { Variant?: string };
      return {
        id: i.Id,
        repoDigests: i.RepoDigests ?? [],
        os: i.Os,
        architecture: i.Architecture,
        ...(i.Variant !== undefined && { variant: i.Variant }),
        sizeBytes: i.Size,
        layers: i.RootFS?.Layers?.length ?? 0,
        labels: i.Config?.Labels ?? {},
        user: i.Config?.User ?? '',
        entrypoint: (i.Config?.Entrypoint as string[] | null | undefined) ?? null,
        cmd: (i.Config?.Cmd as string[] | null | undefined) ?? null,
        env: i.Config?.Env ?? [],
        ...(i.Created && { created: i.Created }),
      };
    },

    async startSession(spec: SessionSpec): Promise<ContainerSession> {
      await ensureImage(spec.image, spec.platform);
      const docker = await engine();
      const container = await createManaged(spec, {
        // Idle until closed or until its deadline (so a killed CLI leaves nothing running); the
        // image's entrypoint is bypassed so any image with a shell works.
        Entrypoint: [
          'sh',
          '-c',
          SESSION_SCRIPT,
          'ml-image-session',
          String(Math.max(1, Math.ceil((spec.deadlineMs ?? DEFAULT_SESSION_DEADLINE_MS) / 1000))),
        ],
        Cmd: [],
        HostConfig: { ...(spec.network !== undefined && { NetworkMode: spec.network }) },
      });
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await container.remove({ force: true, v: true }).catch(() => undefined);
      };
      const unregister = registerCleanup(close);
      try {
        await engineCall(() => container.start());
      } catch (e) {
        await close();
        unregister();
        throw e;
      }
      return {
        containerId: container.id,
        async exec(cmd, options = {}) {
          const ex = await engineCall(() =>
            container.exec({
              Cmd: [...cmd],
              AttachStdout: true,
              AttachStderr: true,
              Env: Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`),
            }),
          );
          const stream = await engineCall(() => ex.start({ hijack: true, stdin: false }));
          let stdout = '';
          let stderr = '';
          const ended = collectOutput(docker, stream, (s, which) => {
            if (which === 'stdout') stdout += s;
            else stderr += s;
          }).then(() => 'ended' as const);
          let timer: NodeJS.Timeout | undefined;
          const outcome = await (options.timeoutMs === undefined
            ? ended
            : Promise.race([
                ended,
                new Promise<'timeout'>((resolve) => {
                  timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
                }),
              ]));
          if (timer) clearTimeout(timer);
          if (outcome === 'timeout') {
            stream.destroy();
            return { exitCode: -1, stdout, stderr, timedOut: true };
          }
          const info = await ex.inspect();
          return { exitCode: info.ExitCode ?? -1, stdout, stderr, timedOut: false };
        },
        async putFiles(dir, files) {
          const parent = path.posix.dirname(dir);
          const base = path.posix.basename(dir);
          const archive = tarArchive([
            { name: `${base}/`, mode: 0o700 },
            ...Object.entries(files).map(([name, content]) => ({
              name: `${base}/${name}`,
              content,
              mode: 0o600,
            })),
          ]);
          // copyUIDGID: the files belong to the container's user (the one exec runs as), not root.
          await engineCall(() => container.putArchive(archive, { path: parent, copyUIDGID: '1' }));
        },
        async close() {
          await close();
          unregister();
        },
      };
    },

    async listManagedContainers(labels = {}) {
      const filters = [`${MANAGED_LABEL}=true`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)];
      const list = await engineCall((docker) =>
        docker.listContainers({ all: true, filters: { label: filters } }),
      );
      return list.map((c) => c.Id);
    },

    async removeContainers(ids) {
      const removed: string[] = [];
      for (const id of ids) {
        try {
          await engineCall((docker) => docker.getContainer(id).remove({ force: true, v: true }));
          removed.push(id);
        } catch (e) {
          // Gone already (removed by its own run, or AutoRemove): nothing to do.
          if ((e as { statusCode?: number }).statusCode !== 404) throw e;
        }
      }
      return removed;
    },
  };
}

/** The adapter over the engine DOCKER_HOST (or the default socket) points at. Connects lazily. */
export function createDefaultDockerAdapter(): DockerAdapter {
  return createDockerAdapter({
    docker: async () => new (await import('dockerode')).default(),
    exec: new ActionsExecRunner(),
  });
}
