// The container side of the DockerAdapter, through dockerode: managed containers (labelled so
// leftovers can be found), one-shot runs under the in-container deadline, and the cleanup of
// managed containers. Engine answers are parsed, not cast.
import type Dockerode from 'dockerode';
import { z } from 'zod';
import { registerCleanup } from '../util/cleanup.js';
import {
  type ContainerRunResult,
  type ContainerRunSpec,
  type DockerAdapter,
  MANAGED_LABEL,
  RUN_ID,
  RUN_LABEL,
} from './adapter.js';
import type { EngineClient } from './client.js';
import { deadlineSeconds, effectiveArgv, isMissingShell, withDeadline } from './deadline.js';
import { parseAnswer, statusCodeOf } from './failures.js';
import { ensureImage, ImageCommandSchema, inspectImage } from './images.js';
import { collectOutput, demuxFrames, destroyStream } from './streams.js';

const WaitSchema = z.object({ StatusCode: z.number() });
const VersionSchema = z.object({
  Version: z.string(),
  ApiVersion: z.string(),
  Os: z.string(),
  Arch: z.string(),
});
const InfoSchema = z.object({
  Runtimes: z.record(z.string(), z.unknown()).nullable().optional(),
  CDISpecDirs: z.array(z.string()).nullable().optional(),
});

export interface ManagedSpec {
  image: string;
  platform?: string | undefined;
  env?: Readonly<Record<string, string>> | undefined;
  user?: string | undefined;
  labels?: Readonly<Record<string, string>> | undefined;
}

/** Create a container with the managed and run labels, so leftovers can always be found. */
export function createManaged(
  client: EngineClient,
  spec: ManagedSpec,
  body: Record<string, unknown>,
): Promise<Dockerode.Container> {
  // _query/_body: dockerode's raw request, so the platform goes into the query string.
  const options: unknown = {
    _query: spec.platform ? { platform: spec.platform } : {},
    _body: {
      Image: spec.image,
      Env: Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`),
      ...(spec.user !== undefined && { User: spec.user }),
      Labels: { ...spec.labels, [MANAGED_LABEL]: 'true', [RUN_LABEL]: RUN_ID },
      ...body,
    },
  };
  return client.call((docker) => docker.createContainer(options as Dockerode.ContainerCreateOptions));
}

/** HostConfig of a container run: shared memory, IPC, network and GPUs as the spec asks. */
export function hostConfigFor(spec: ContainerRunSpec): Dockerode.HostConfig {
  return {
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
}

/** The whole argv of a run (the deadline wrapper needs it): the image's entrypoint/CMD when none is given. */
async function runArgv(client: EngineClient, spec: ContainerRunSpec): Promise<string[]> {
  if (spec.entrypoint !== undefined) return effectiveArgv(spec, { entrypoint: null, cmd: null });
  const raw = await client.call((d) => d.getImage(spec.image).inspect());
  const config = parseAnswer(ImageCommandSchema, raw, `the engine's inspect of image ${spec.image}`).Config;
  return effectiveArgv(spec, { entrypoint: config?.Entrypoint ?? null, cmd: config?.Cmd ?? null });
}

/** The create body of a run: under the deadline wrapper (`wrapped`) or as the spec says. */
export function runBody(
  spec: ContainerRunSpec,
  argv: readonly string[],
  wrapped: boolean,
): Record<string, unknown> {
  return {
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
    HostConfig: hostConfigFor(spec),
  };
}

interface Output {
  stdout: string;
  stderr: string;
}

interface Launched {
  container: Dockerode.Container;
  remove(): Promise<void>;
  unregister(): void;
  stream: NodeJS.ReadableStream;
  ended: Promise<void>;
  inContainerDeadline: boolean;
}

/** Create, attach and start; the container is removed again when any of it fails. */
async function launch(
  client: EngineClient,
  spec: ContainerRunSpec,
  argv: readonly string[],
  wrapped: boolean,
  output: Output,
): Promise<Launched> {
  const container = await createManaged(client, spec, runBody(spec, argv, wrapped));
  const remove = async () => {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  };
  const unregister = registerCleanup(remove);
  let stream: NodeJS.ReadableStream | undefined;
  try {
    stream = await client.call(() => container.attach({ stream: true, stdout: true, stderr: true }));
    const ended = collectOutput(await client.docker(), stream, (s, which) => {
      output[which] += s;
      spec.onOutput?.(s, which);
    });
    await client.call(() => container.start());
    return { container, remove, unregister, stream, ended, inContainerDeadline: wrapped };
  } catch (e) {
    destroyStream(stream);
    await remove();
    unregister();
    throw e;
  }
}

/** The exit status, or 'timeout' when timeoutMs passed first. */
async function waitFor(
  container: Dockerode.Container,
  timeoutMs: number | undefined,
): Promise<number | 'timeout'> {
  const waited: Promise<unknown> = container.wait();
  let timer: NodeJS.Timeout | undefined;
  try {
    const outcome = await (timeoutMs === undefined
      ? waited
      : Promise.race([
          waited,
          new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), timeoutMs);
          }),
        ]));
    if (outcome === 'timeout') return outcome;
    return parseAnswer(WaitSchema, outcome, `the engine's wait for container ${container.id}`).StatusCode;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * The attach stream may only close when the engine tears the connection down, seconds after the
 * exit. The container's log already holds all of the output: read that. Only a log driver that
 * cannot be read back falls back to waiting (a bounded time) for the stream.
 */
async function readOutput(
  client: EngineClient,
  run: Launched,
  timedOut: boolean,
  output: Output,
): Promise<void> {
  const logged = timedOut
    ? undefined
    : await client
        .call(() => run.container.logs({ stdout: true, stderr: true, follow: false }))
        .then((b) => demuxFrames(Buffer.isBuffer(b) ? b : Buffer.from(String(b))))
        .catch(() => undefined);
  if (logged) {
    output.stdout = logged.stdout;
    output.stderr = logged.stderr;
    destroyStream(run.stream);
  } else {
    await Promise.race([run.ended, new Promise((r) => setTimeout(r, 2000))]);
  }
}

export async function runContainer(
  client: EngineClient,
  spec: ContainerRunSpec,
): Promise<ContainerRunResult> {
  await ensureImage(client, spec.image, spec.platform);
  const started = Date.now();
  const argv = await runArgv(client, spec);
  const output: Output = { stdout: '', stderr: '' };
  // An image without /bin/sh (e.g. distroless) runs without the in-container deadline: the
  // host-side timeout still applies; only a killed CLI would leave it to the post step.
  const run = await launch(client, spec, argv, true, output).catch((e: unknown) => {
    if (!isMissingShell(e)) throw e;
    return launch(client, spec, argv, false, output);
  });
  try {
    const status = await waitFor(run.container, spec.timeoutMs);
    const timedOut = status === 'timeout';
    if (timedOut) await run.container.kill().catch(() => undefined);
    await readOutput(client, run, timedOut, output);
    return {
      containerId: run.container.id,
      exitCode: timedOut ? null : status,
      timedOut,
      stdout: output.stdout,
      stderr: output.stderr,
      durationMs: Date.now() - started,
      inContainerDeadline: run.inContainerDeadline,
    };
  } finally {
    await run.remove();
    run.unregister();
  }
}

async function removeContainers(client: EngineClient, ids: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const id of ids) {
    try {
      await client.call((docker) => docker.getContainer(id).remove({ force: true, v: true }));
      removed.push(id);
    } catch (e) {
      // Gone already (removed by its own run, or AutoRemove): nothing to do.
      if (statusCodeOf(e) !== 404) throw e;
    }
  }
  return removed;
}

export type ContainerOps = Pick<
  DockerAdapter,
  'ping' | 'daemonFeatures' | 'runContainer' | 'inspectImage' | 'listManagedContainers' | 'removeContainers'
>;

/** The adapter's engine and container methods over one client. */
export function createContainerOps(client: EngineClient): ContainerOps {
  return {
    async ping() {
      const raw = await client.call((docker) => docker.version());
      const v = parseAnswer(VersionSchema, raw, "the engine's version");
      return { version: v.Version, apiVersion: v.ApiVersion, os: v.Os, arch: v.Arch };
    },
    async daemonFeatures() {
      const raw = await client.call((docker) => docker.info());
      const info = parseAnswer(InfoSchema, raw, "the engine's info");
      return { runtimes: Object.keys(info.Runtimes ?? {}), cdiSpecDirs: info.CDISpecDirs ?? [] };
    },
    runContainer: (spec) => runContainer(client, spec),
    inspectImage: (ref, platform) => inspectImage(client, ref, platform),
    async listManagedContainers(labels = {}) {
      const filters = [`${MANAGED_LABEL}=true`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)];
      const list = await client.call((docker) =>
        docker.listContainers({ all: true, filters: { label: filters } }),
      );
      return list.map((c) => c.Id);
    },
    removeContainers: (ids) => removeContainers(client, ids),
  };
}
