// The container side of the DockerAdapter, through dockerode: managed containers (labelled so
// leftovers can be found), one-shot runs under the in-container deadline (what a run asks of the
// engine: containers-spec.ts), and the cleanup of managed containers; the engine's version and
// features (daemon-info.ts; its info over the local socket where it can, engine-info.ts, so that a
// warm run never loads dockerode). Engine answers are parsed, not cast.
import type Dockerode from 'dockerode';
import { z } from 'zod';
import { interruptedFailure, registerCleanup, throwIfInterrupted } from '../util/cleanup.js';
import {
  type ContainerRunResult,
  type ContainerRunSpec,
  type DockerAdapter,
  MANAGED_LABEL,
  RUN_LABEL,
} from './adapter.js';
import { RUN_ID } from '../util/run-id.js';
import type { EngineClient } from './client.js';
import { containerEnv, runArgv, runBody } from './containers-spec.js';
import { daemonFeatures, pingEngine } from './daemon-info.js';
import { isMissingShell, timerMs } from './deadline.js';
import { engineMessage, parseAnswer, statusCodeOf } from './failures.js';
import {
  ensureImage,
  imageHistory,
  inspectImage,
  inspectLocalImage,
  type LocalImageInspect,
  removeImage,
} from './images.js';
import { collectOutput, destroyStream, overflowNote } from './streams.js';
import { killWithin, removeWithin, setupWithin } from './container-removal.js';
import { imageSize } from './image-size.js';

interface ManagedSpec {
  image: string;
  platform?: string | undefined;
  env?: Readonly<Record<string, string>> | undefined;
  user?: string | undefined;
  labels?: Readonly<Record<string, string>> | undefined;
  /** The GPUs it is given (its HostConfig's DeviceRequests); none: NVIDIA_VISIBLE_DEVICES=void. */
  gpus?: ContainerRunSpec['gpus'] | undefined;
}

/** The container creations this process has sent and the engine has not answered yet. */
const creating = new Set<Promise<unknown>>();

/** Settles when every creation sent so far has been answered (or failed). */
export async function creationsSettled(): Promise<void> {
  await Promise.allSettled([...creating]);
}

/**
 * Create a container with the managed and run labels, so leftovers can always be found, and no GPU
 * unless the spec asks for some (containerEnv). The creation is tracked until the engine answers
 * (creationsSettled: the interrupt sweep waits for it).
 */
export function createManaged(
  client: EngineClient,
  spec: ManagedSpec,
  body: Record<string, unknown>,
): Promise<Dockerode.Container> {
  throwIfInterrupted(`a container of ${spec.image}`);
  // _query/_body: dockerode's raw request, so the platform goes into the query string.
  const options: unknown = {
    _query: spec.platform ? { platform: spec.platform } : {},
    _body: {
      Image: spec.image,
      Env: containerEnv(spec.env, spec.gpus),
      ...(spec.user !== undefined && { User: spec.user }),
      Labels: { ...spec.labels, [MANAGED_LABEL]: 'true', [RUN_LABEL]: RUN_ID },
      ...body,
    },
  };
  const created = client.call((docker) =>
    docker.createContainer(options as Dockerode.ContainerCreateOptions),
  );
  creating.add(created);
  created.then(
    () => creating.delete(created),
    () => creating.delete(created),
  );
  // A container the engine creates after the limit is removed then (it was never started).
  return setupWithin(created, `the creation of a container of ${spec.image}`, {
    late: (c) => removeWithin(c),
    waitAtExit: true,
  });
}

interface Output {
  stdout: string;
  stderr: string;
}

interface Launched {
  container: Dockerode.Container;
  /** Bounded: true once removed (container-removal.ts). */
  remove(): Promise<boolean>;
  unregister(): void;
  stream: NodeJS.ReadableStream;
  ended: Promise<void>;
  /** Resolves with the exit status once the engine has removed the container. */
  removed: Promise<number>;
  inContainerDeadline: boolean;
}

const WaitSchema = z.object({ StatusCode: z.number() });

/**
 * POST /containers/{id}/wait?condition=removed. The engine registers the waiter, then sends the
 * headers: this resolves when they arrive (so start may follow), with the body's status to come.
 */
function waitForRemoval(
  docker: Dockerode,
  container: Dockerode.Container,
): Promise<{ status: Promise<number> }> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${container.id}/wait?`,
        method: 'POST',
        options: { condition: 'removed' },
        isStream: true,
        statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error' },
      },
      (err: unknown, res: unknown) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const body = res as NodeJS.ReadableStream;
        // Wrapped in an object: resolving with a promise itself would wait for the body.
        resolve({
          status: new Promise<number>((done, fail) => {
            const chunks: Buffer[] = [];
            body.on('data', (b: Buffer) => chunks.push(Buffer.from(b)));
            body.on('error', fail);
            body.on('end', () => {
              try {
                const answer: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
                done(
                  parseAnswer(WaitSchema, answer, `the engine's wait for container ${container.id}`)
                    .StatusCode,
                );
              } catch (e) {
                fail(e instanceof Error ? e : new Error(String(e)));
              }
            });
          }),
        });
      },
    );
  });
}

/** Create, attach, wait for removal, start; the container is removed again when any of it fails. */
async function launch(
  client: EngineClient,
  spec: ContainerRunSpec,
  argv: readonly string[],
  wrapped: boolean,
  output: Output,
): Promise<Launched> {
  const container = await createManaged(client, spec, runBody(spec, argv, wrapped));
  // Bounded; one that did not happen stays registered (container-removal.ts).
  const remove = () => removeWithin(container);
  const unregister = registerCleanup(async () => void (await remove()));
  let stream: NodeJS.ReadableStream | undefined;
  try {
    const docker = await client.docker();
    const at = `container ${container.id.slice(0, 12)}`;
    stream = await setupWithin(
      client.call(() => container.attach({ stream: true, stdout: true, stderr: true })),
      `the attach to ${at}`,
      { late: destroyStream },
    );
    const ended = collectOutput(
      docker,
      stream,
      (s, which) => {
        output[which] += s;
        spec.onOutput?.(s, which);
      },
      {
        ...(spec.maxOutputChars !== undefined && { maxChars: spec.maxOutputChars }),
        onOverflow: (which) => {
          output.stderr += overflowNote(which, spec.maxOutputChars);
          void container.kill().catch(() => undefined);
        },
      },
    );
    const { status: removed } = await setupWithin(
      client.call((d) => waitForRemoval(d, container)),
      `the wait for ${at}`,
    );
    // Never unhandled: a run that fails to start is removed here and its wait rejects (404).
    removed.catch(() => undefined);
    await setupWithin(
      client.call(() => container.start()),
      `the start of ${at}`,
    );
    return { container, remove, unregister, stream, ended, removed, inContainerDeadline: wrapped };
  } catch (e) {
    destroyStream(stream);
    if (await remove()) unregister();
    // A signal's cleanup removed it while it was being set up (409 "marked for removal").
    throw interruptedFailure(`starting a container of ${spec.image}`, engineMessage(e), e) ?? e;
  }
}

/** The exit status, or 'timeout' when timeoutMs passed first or SIGNAL was aborted. */
async function waitFor(
  run: Launched,
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<number | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stops: Promise<'timeout'>[] = [];
  if (timeoutMs !== undefined)
    stops.push(
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timerMs(timeoutMs));
      }),
    );
  if (signal)
    stops.push(
      new Promise((resolve) => {
        onAbort = () => resolve('timeout');
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }),
    );
  try {
    return await Promise.race([run.removed, ...stops]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** How long the attach stream may take to end after the container is gone. */
const STREAM_GRACE_MS = 5000;

/**
 * The output is what the attach stream carried: the engine closes it when the container exits,
 * before it removes the container. A stream that does not end within a grace period is dropped
 * with what it carried so far.
 */
async function readOutput(run: Launched): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    run.ended,
    new Promise((resolve) => {
      timer = setTimeout(resolve, STREAM_GRACE_MS);
    }),
  ]);
  if (timer) clearTimeout(timer);
  destroyStream(run.stream);
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
    spec.onStarted?.();
    const status = await client.call(() => waitFor(run, spec.timeoutMs, spec.signal));
    const timedOut = status === 'timeout';
    if (timedOut) {
      await killWithin(run.container);
      await Promise.race([
        run.removed.catch(() => undefined),
        new Promise((r) => setTimeout(r, STREAM_GRACE_MS)),
      ]);
    }
    await readOutput(run);
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
    if (await run.remove()) run.unregister();
  }
}

// Every id is tried: one the engine refuses (a removal in progress: 409, a busy mount: 500) does
// not keep the others; the refusals are thrown together, naming each id.
async function removeContainers(client: EngineClient, ids: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  const refused: { id: string; error: unknown }[] = [];
  for (const id of ids) {
    try {
      await client.call((docker) => docker.getContainer(id).remove({ force: true, v: true }));
      removed.push(id);
    } catch (error) {
      // Gone already (removed by its own run, or AutoRemove): nothing to do.
      if (statusCodeOf(error) !== 404) refused.push({ id, error });
    }
  }
  if (refused.length > 0)
    throw new Error(
      `removed ${removed.length} of ${ids.length} containers; ${refused
        .map(
          ({ id, error }) =>
            `${id.slice(0, 12)}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
        )
        .join('; ')}`,
      { cause: refused[0]!.error },
    );
  return removed;
}

type ContainerOps = Pick<
  DockerAdapter,
  | 'ping'
  | 'daemonFeatures'
  | 'runContainer'
  | 'inspectImage'
  | 'inspectLocalImage'
  | 'imageHistory'
  | 'imageSize'
  | 'removeImage'
  | 'listManagedContainers'
  | 'removeContainers'
>;

/**
 * What is read of the local engine without dockerode (engine-info.ts): its info, an image's inspect.
 * Undefined (or an answer of undefined): dockerode is asked.
 */
export interface LocalEngine {
  info?: () => Promise<unknown>;
  image?: LocalImageInspect;
}

/** The adapter's engine and container methods over one client. */
export function createContainerOps(client: EngineClient, local: LocalEngine = {}): ContainerOps {
  return {
    ping: () => pingEngine(client),
    daemonFeatures: () => daemonFeatures(client, local.info),
    runContainer: (spec) => runContainer(client, spec),
    inspectImage: (ref, platform) => inspectImage(client, ref, platform),
    inspectLocalImage: (ref) => inspectLocalImage(client, ref, local.image),
    imageHistory: (ref, platform) => imageHistory(client, ref, platform),
    imageSize: (ref, platform, inspected) => imageSize(client, ref, platform, inspected),
    removeImage: (ref) => removeImage(client, ref),
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
