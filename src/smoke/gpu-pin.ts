// The GPUs a runner is pinned to. A host with several self-hosted runners often gives each its own
// GPU(s) through NVIDIA_VISIBLE_DEVICES (or CUDA_VISIBLE_DEVICES) in the runner's environment: the
// smoke containers of that runner then get those GPUs only (a DeviceRequest with their IDs, the
// `--gpus "device=0,1"` equivalent), never every GPU of the host (other jobs' GPUs). Pure: the
// environment is passed in.
import { InputError } from '../errors.js';

/** The variables a runner is pinned with, in the order they are read (the first that pins wins). */
const PIN_VARIABLES = ['NVIDIA_VISIBLE_DEVICES', 'CUDA_VISIBLE_DEVICES'] as const;
export type PinVariable = (typeof PIN_VARIABLES)[number];

/**
 * A pin: the devices (indices, GPU-/MIG- UUIDs, MIG GPU:INSTANCE pairs), as the variable lists
 * them; none (an empty list) when it gives the runner no GPU (-1, none, void, or empty).
 */
export interface GpuPin {
  variable: PinVariable;
  /** The variable's value (trimmed), for messages. */
  value: string;
  devices: readonly string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/** Values that give no GPU: CUDA's -1 and empty list, the NVIDIA toolkit's none and void. */
const NO_GPU = new Set(['', '-1', 'none', 'void']);

/**
 * One device: an index, GPU:MIG-instance indices, a GPU-/MIG- UUID (CUDA takes a prefix), or the
 * legacy MIG form older drivers print, MIG-GPU-<uuid>/<gi>/<ci>.
 */
const DEVICE = /^(\d+|\d+:\d+|GPU-[A-Za-z0-9-]+|MIG-[A-Za-z0-9-]+|MIG-GPU-[A-Za-z0-9-]+\/\d+\/\d+)$/;

/**
 * A value of another mechanism, not a list of devices: a path (the Kubernetes device plugin's
 * volume-mounts strategy sets /var/run/nvidia-container-devices) or a CDI name (nvidia.com/gpu=0).
 * Not read: every GPU, as without a pin.
 */
const OTHER_MECHANISM = /^\/|=/;

const FIX =
  'set it to GPU indices or UUIDs as nvidia-smi -L lists them, comma-separated (e.g. 0,1 or GPU-8932f937-...), to -1 (or none) for no GPU, or unset it for every GPU';

/**
 * The pin the environment sets: NVIDIA_VISIBLE_DEVICES when it is set and not `all` (nor a path or
 * CDI name: OTHER_MECHANISM), else CUDA_VISIBLE_DEVICES likewise; undefined when neither pins.
 * Blanks around the commas are dropped. A value that is no device list (an entry that is no
 * device) is bad input naming the variable (exit 2).
 */
export function gpuPinOf(env: Env): GpuPin | undefined {
  for (const variable of PIN_VARIABLES) {
    const raw = env[variable];
    if (raw === undefined) continue;
    const value = raw.trim();
    if (value.toLowerCase() === 'all') continue;
    if (NO_GPU.has(value.toLowerCase())) return { variable, value, devices: [] };
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.find((e) => !DEVICE.test(e));
    if (bad !== undefined && OTHER_MECHANISM.test(value)) continue;
    if (bad !== undefined)
      throw new InputError(
        `${variable}=${JSON.stringify(raw)}: ${bad === '' ? 'an empty entry' : `"${bad}"`} is not a GPU (an index, GPU:MIG indices, or a GPU-/MIG- UUID), nor a path or CDI name (not read)`,
        FIX,
      );
    return { variable, value, devices: [...new Set(entries)] };
  }
  return undefined;
}

/** The GPUs of a GPU run's containers: the pinned devices, else every GPU. */
export function containerGpus(pin: GpuPin | undefined): 'all' | readonly string[] {
  return pin !== undefined && pin.devices.length > 0 ? pin.devices : 'all';
}

/** Why a pinned run has no GPU: "CUDA_VISIBLE_DEVICES=-1 gives this runner no GPU". */
export function noGpuReason(pin: GpuPin): string {
  return `${pin.variable}=${pin.value === '' ? '""' : pin.value} gives this runner no GPU`;
}

/** The GPUs of a run, for its log: "GPUs 1,2 (NVIDIA_VISIBLE_DEVICES)", "no GPU (...)", "gpus: all". */
export function gpusLine(gpus: 'all' | 'none', pin: GpuPin | undefined): string {
  if (pin === undefined) return `gpus: ${gpus}`;
  if (pin.devices.length === 0) return `no GPU (${noGpuReason(pin)})`;
  return `${pin.devices.length === 1 ? 'GPU' : 'GPUs'} ${pin.devices.join(',')} (${pin.variable})`;
}
