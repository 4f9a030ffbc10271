// DockerAdapter over the real engine: containers through dockerode, buildx through the docker CLI.
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
  MANAGED_LABEL,
  RUN_ID,
  RUN_LABEL,
} from './adapter.js';
import { ActionsExecRunner } from './exec-runner.js';

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
  return { name: field('Name'), driver: field('Driver'), platforms: parseBuildxPlatforms(inspectOutput) };
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
      // @actions/exec throws when the program cannot be found or started.
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
      const container = await createManaged(spec, {
        Cmd: [...spec.cmd],
        ...(spec.entrypoint !== undefined && { Entrypoint: [...spec.entrypoint] }),
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
      let stdout = '';
      let stderr = '';
      let timer: NodeJS.Timeout | undefined;
      try {
        const stream = await engineCall(() => container.attach({ stream: true, stdout: true, stderr: true }));
        const ended = collectOutput(docker, stream, (s, which) => {
          if (which === 'stdout') stdout += s;
          else stderr += s;
          spec.onOutput?.(s, which);
        });
        await engineCall(() => container.start());
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
        // Idle until closed; the image's entrypoint is bypassed so any image works.
        Entrypoint: ['sh', '-c', 'trap "exit 0" TERM INT; while :; do sleep 3600 & wait $!; done'],
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
  };
}

/** The adapter over the engine DOCKER_HOST (or the default socket) points at. Connects lazily. */
export function createDefaultDockerAdapter(): DockerAdapter {
  return createDockerAdapter({
    docker: async () => new (await import('dockerode')).default(),
    exec: new ActionsExecRunner(),
  });
}
