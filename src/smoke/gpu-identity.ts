// Which GPUs a smoke run's results were measured on, as the reuse key covers them: the models and
// the driver from nvidia-smi in a container of the image under test, or "none" on a CPU-only run.
// Results measured on other GPUs or another driver are never reused for this run (reuse.ts).
import type { DockerAdapter } from '../docker/adapter.js';
import { EnvironmentError } from '../errors.js';
import { errorMessage, firstLine, isDaemonGone } from './interrupt.js';

/** The GPUs of a run: "none" (CPU only), "2x NVIDIA H200; driver 570.86.15", or unknown (why). */
export type GpuDevices = { devices: string } | { unknown: string };

/** What the key says of a run whose GPUs could not be identified (never reused: reuse.ts). */
export const UNKNOWN_GPUS = 'unknown';

export const CPU_ONLY: GpuDevices = { devices: 'none' };

/** The argv after nvidia-smi: one "name, driver" line per GPU. */
export const NVIDIA_SMI_QUERY = ['--query-gpu=name,driver_version', '--format=csv,noheader'] as const;

const MAX_NAME = 100;

// eslint-disable-next-line no-control-regex -- a line of a result file: no control characters
const CONTROL = /[\u0000-\u001f\u007f]/g;
const clean = (s: string) => s.replace(CONTROL, ' ').trim().slice(0, MAX_NAME);

/**
 * nvidia-smi's "name, driver" lines -> "Nx MODEL[ + Mx MODEL]; driver VERSION", models sorted, so
 * the order the GPUs are listed in never matters; undefined when no line names a GPU.
 */
export function gpuDevicesOf(stdout: string): string | undefined {
  const counts = new Map<string, number>();
  const drivers = new Set<string>();
  for (const line of stdout.split('\n')) {
    const comma = line.lastIndexOf(',');
    if (comma < 0) continue;
    const name = clean(line.slice(0, comma));
    const driver = clean(line.slice(comma + 1));
    if (name === '' || driver === '' || !/^\d+(\.\d+)*$/.test(driver)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    drivers.add(driver);
  }
  if (counts.size === 0) return undefined;
  const models = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${models.map(([n, c]) => `${c}x ${n}`).join(' + ')}; driver ${[...drivers].sort().join(' + ')}`;
}

/** What the key covers of a run's GPUs: the devices, or UNKNOWN_GPUS. */
export const devicesKey = (g: GpuDevices): string => ('devices' in g ? g.devices : UNKNOWN_GPUS);

/**
 * The GPUs a GPU run's containers get, from nvidia-smi in a container of IMAGE with every GPU (the
 * NVIDIA runtime or CDI mounts it, with the `utility` capability asked for). A container that does
 * not start or answer leaves the GPUs unknown, with the reason; no daemon ends the stage (exit 3).
 */
export async function queryGpuDevices(
  docker: Pick<DockerAdapter, 'runContainer'>,
  image: string,
  platform: string | undefined,
): Promise<GpuDevices> {
  try {
    const r = await docker.runContainer({
      image,
      ...(platform !== undefined && { platform }),
      entrypoint: ['nvidia-smi'],
      cmd: [...NVIDIA_SMI_QUERY],
      gpus: 'all',
      env: { NVIDIA_DRIVER_CAPABILITIES: 'utility' },
      network: 'none',
      labels: { 'io.github.ml-image-action.stage': 'smoke' },
      timeoutMs: 120_000,
    });
    const devices = r.exitCode === 0 ? gpuDevicesOf(r.stdout) : undefined;
    if (devices !== undefined) return { devices };
    const said = firstLine(`${r.stderr}\n${r.stdout}`.trim()) || 'no output';
    return {
      unknown: r.timedOut
        ? 'nvidia-smi timed out'
        : `nvidia-smi exited ${r.exitCode} without naming a GPU: ${clean(said)}`,
    };
  } catch (e) {
    if (e instanceof EnvironmentError || isDaemonGone(e)) throw e;
    return { unknown: `nvidia-smi did not run: ${clean(firstLine(errorMessage(e)))}` };
  }
}
