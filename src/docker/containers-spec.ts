// What a container run asks of the engine, from its ContainerRunSpec: the whole argv (the deadline
// wrapper needs it), the create body and its HostConfig. Pure, except that the argv of a spec
// without an entrypoint comes from the image's config (inspected through the client).
import type Dockerode from 'dockerode';
import type { ContainerRunSpec } from './adapter.js';
import type { EngineClient } from './client.js';
import { deadlineSeconds, effectiveArgv, withDeadline } from './deadline.js';
import { parseAnswer } from './failures.js';
import { ImageCommandSchema } from './images.js';

/** HostConfig of a container run: shared memory, IPC, network and GPUs as the spec asks. */
export function hostConfigFor(spec: ContainerRunSpec): Dockerode.HostConfig {
  return {
    // The engine removes it once it has exited, so a container that ends by its own deadline after
    // the CLI was killed (SIGKILL, no post step) leaves nothing behind. The exit code comes from a
    // wait for removal registered before start, the output from the attach stream: `docker run --rm`.
    AutoRemove: true,
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
export async function runArgv(client: EngineClient, spec: ContainerRunSpec): Promise<string[]> {
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
