// What a container run asks of the engine, from its ContainerRunSpec: the whole argv (the deadline
// wrapper needs it), the environment (no GPU unless asked: containerEnv), the create body and its
// HostConfig (hardened: hostConfigFor). Pure, except that the argv of a spec without an entrypoint
// comes from the image's config (inspected through the client).
import type Dockerode from 'dockerode';
import type { ContainerRunSpec } from './adapter.js';
import type { EngineClient } from './client.js';
import { deadlineSeconds, effectiveArgv, withDeadline } from './deadline.js';
import { parseAnswer } from './failures.js';
import { ImageCommandSchema, platformInspect } from './images.js';

/**
 * The default pids limit of a container run. Threads count against it: an 8-GPU DDP run on a
 * 2 x 128-core host holds some 2,500 (a torch intra-op pool per rank, CUDA and NCCL threads), so the
 * limit leaves room for 16 ranks there while still stopping a fork bomb long before the host's
 * pid_max.
 */
export const DEFAULT_PIDS_LIMIT = 8192;

/**
 * The hostname of a container without a network. Docker writes no /etc/hosts line for the
 * hostname of such a container, and torch (torchrun's rendezvous, gloo's device) resolves its own
 * hostname: the entry makes it resolve to loopback, as an empty bridge network would.
 */
export const LOOPBACK_HOSTNAME = 'ml-image-smoke';

const networkOf = (spec: ContainerRunSpec) => spec.network ?? 'none';

/** Whether a spec asks for no GPU: none given, or an empty device list. */
const noGpus = (gpus: ContainerRunSpec['gpus']): gpus is undefined | readonly [] =>
  gpus === undefined || (typeof gpus === 'object' && gpus.length === 0);

/**
 * The environment of a container (every one the tool creates: runs and sessions): ENV, and
 * NVIDIA_VISIBLE_DEVICES=void unless it is given GPUs. On a host whose dockerd runs the NVIDIA
 * runtime by default, that runtime gives every GPU to any container whose environment says
 * NVIDIA_VISIBLE_DEVICES=all (every nvidia/cuda image's ENV does), DeviceRequests or not; `void`
 * makes it start the container as runc would: no GPU, no driver library, no nvidia-smi. A
 * container given every GPU or a number keeps the image's value (its DeviceRequest names the
 * GPUs); one given a device list gets that list, so that such a runtime, which reads the variable,
 * gives it those GPUs only (the engine sets the same from the DeviceRequest's DeviceIDs).
 */
export function containerEnv(
  env: Readonly<Record<string, string>> | undefined,
  gpus: ContainerRunSpec['gpus'],
): string[] {
  const visible = noGpus(gpus) ? 'void' : typeof gpus === 'object' ? gpus.join(',') : undefined;
  const all = { ...env, ...(visible !== undefined && { NVIDIA_VISIBLE_DEVICES: visible }) };
  return Object.entries(all).map(([k, v]) => `${k}=${v}`);
}

/**
 * The DeviceRequest of a run given GPUs, as `docker run --gpus` makes it: every GPU (Count -1),
 * that many (Count N), or those devices (DeviceIDs, Count 0: the engine refuses both at once).
 */
function deviceRequest(gpus: 'all' | number | readonly string[]): Dockerode.DeviceRequest {
  const [count, ids] = typeof gpus === 'object' ? [0, [...gpus]] : [gpus === 'all' ? -1 : gpus, null];
  return { Driver: '', Count: count, Capabilities: [['gpu']], DeviceIDs: ids as never, Options: {} };
}

/**
 * HostConfig of a container run. Every run executes the image's own code (PR-controlled in a
 * pull request), so every run is hardened: all capabilities dropped, no-new-privileges (setuid
 * binaries gain nothing), a pids limit, and no network unless the spec asks for one. Shared
 * memory, IPC and GPUs as the spec asks.
 */
export function hostConfigFor(spec: ContainerRunSpec): Dockerode.HostConfig {
  const network = networkOf(spec);
  return {
    // The engine removes it once it has exited, so a container that ends by its own deadline after
    // the CLI was killed (SIGKILL, no post step) leaves nothing behind. The exit code comes from a
    // wait for removal registered before start, the output from the attach stream: `docker run --rm`.
    AutoRemove: true,
    CapDrop: ['ALL'],
    SecurityOpt: ['no-new-privileges'],
    PidsLimit: spec.pidsLimit ?? DEFAULT_PIDS_LIMIT,
    NetworkMode: network,
    ...(network === 'none' && { ExtraHosts: [`${LOOPBACK_HOSTNAME}:127.0.0.1`] }),
    ...(spec.shmSizeBytes !== undefined && { ShmSize: spec.shmSizeBytes }),
    ...(spec.ipcHost && { IpcMode: 'host' }),
    ...(!noGpus(spec.gpus) && { DeviceRequests: [deviceRequest(spec.gpus)] }),
  };
}

/**
 * The whole argv of a run (the deadline wrapper needs it): the image's entrypoint/CMD when none is
 * given, of the spec's platform's image (a multi-platform tag's plain inspect may be another's).
 */
export async function runArgv(client: EngineClient, spec: ContainerRunSpec): Promise<string[]> {
  if (spec.entrypoint !== undefined) return effectiveArgv(spec, { entrypoint: null, cmd: null });
  const raw = await platformInspect(client, spec.image, spec.platform);
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
    ...(networkOf(spec) === 'none' && { Hostname: LOOPBACK_HOSTNAME }),
    Tty: false,
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: hostConfigFor(spec),
  };
}
