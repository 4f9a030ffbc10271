// Which GPUs a smoke run's results were measured on, as the reuse key covers them: the models and
// the driver from the host's nvidia-smi (the engine is on this host), or "none" on a CPU-only run.
// Results measured on other GPUs or another driver are never reused for this run (reuse.ts).
// Looked up once per stage, and only when the results may be reused (`ml-image run`): never in a
// container of the image under test (a pushed image would be pulled just to name the GPUs, an
// arm64 or musl image cannot run the host's nvidia-smi, and the image's PATH is the PR's).
import type { CommandRunner } from '../docker/adapter.js';
import { currentContext, engineEnv } from '../docker/context.js';
import { errorMessage, firstLine } from './interrupt.js';

/** The GPUs of a run: "none" (CPU only), "2x NVIDIA H200; driver 570.86.15", or unknown (why). */
export type GpuDevices = { devices: string } | { unknown: string };

/** What the key says of a run whose GPUs could not be identified (never reused: reuse.ts). */
export const UNKNOWN_GPUS = 'unknown';

export const CPU_ONLY: GpuDevices = { devices: 'none' };

/** A run that never reuses results (the action) does not look its GPUs up. */
export const NOT_LOOKED_UP: GpuDevices = {
  unknown: 'not looked up: results of this run are never reused',
};

/**
 * The argv after nvidia-smi: one "name, driver, MIG mode" line per GPU. The MIG mode is part of what
 * a result was measured on: the same GPUs split into MIG instances give a fraction of the throughput.
 */
export const NVIDIA_SMI_QUERY = [
  '--query-gpu=name,driver_version,mig.mode.current',
  '--format=csv,noheader',
] as const;

/** A MIG mode as nvidia-smi prints it (a GPU without MIG: [N/A] or [Not Supported]). */
const MIG_MODE = /^(?:enabled|disabled|pending|\[?n\/a\]?|\[not supported\])$/i;

/** How long the host's nvidia-smi may take (a driver in a bad state can hang it). */
const NVIDIA_SMI_TIMEOUT_MS = 60_000;

const MAX_NAME = 100;

// eslint-disable-next-line no-control-regex -- a line of a result file: no control characters
const CONTROL = /[\u0000-\u001f\u007f]/g;
const clean = (s: string) => s.replace(CONTROL, ' ').trim().slice(0, MAX_NAME);

/**
 * nvidia-smi's "name, driver[, MIG mode]" lines -> "Nx MODEL[ + Mx MODEL]; driver VERSION", models
 * sorted, so the order the GPUs are listed in never matters; a GPU in MIG mode is "MODEL (MIG)";
 * undefined when no line names a GPU.
 */
export function gpuDevicesOf(stdout: string): string | undefined {
  const counts = new Map<string, number>();
  const drivers = new Set<string>();
  for (const raw of stdout.split('\n')) {
    let line = raw;
    let mig = false;
    const last = line.lastIndexOf(',');
    if (last >= 0 && MIG_MODE.test(clean(line.slice(last + 1)))) {
      mig = /^enabled$/i.test(clean(line.slice(last + 1)));
      line = line.slice(0, last);
    }
    const comma = line.lastIndexOf(',');
    if (comma < 0) continue;
    const name = `${clean(line.slice(0, comma))}${mig ? ' (MIG)' : ''}`;
    const driver = clean(line.slice(comma + 1));
    if (name === '' || driver === '' || !/^\d+(\.\d+)*$/.test(driver)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    drivers.add(driver);
  }
  if (counts.size === 0) return undefined;
  return devicesText(counts, drivers);
}

/** "8x MODEL[ + Mx MODEL]; driver VERSION": models and drivers sorted, as the reuse key has them. */
export function devicesText(counts: ReadonlyMap<string, number>, drivers: Iterable<string>): string {
  const models = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${models.map(([n, c]) => `${c}x ${n}`).join(' + ')}; driver ${[...drivers].sort().join(' + ')}`;
}

/** What the key covers of a run's GPUs: the devices, or UNKNOWN_GPUS. */
export const devicesKey = (g: GpuDevices): string => ('devices' in g ? g.devices : UNKNOWN_GPUS);

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Why the engine is not on this host (so this host's GPUs are not its containers'), or undefined
 * when it is: DOCKER_HOST (engineEnv: the current context's engine) unset or a unix socket, as
 * dockerode connects. Only the scheme is named.
 */
export function remoteEngine(env: Env, contextName?: string): string | undefined {
  const host = env.DOCKER_HOST?.trim();
  if (!host || host.startsWith('unix://')) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(host)?.[1];
  const named = contextName !== undefined ? `the Docker context "${contextName}"'s engine` : 'DOCKER_HOST';
  return `the Docker engine is not on this host (${named} is ${scheme ? `a ${scheme}:// address` : 'not a unix socket'}): its GPUs cannot be looked up here`;
}

/** The host's nvidia-smi did not name a GPU: why, in one line. */
function smiFailure(r: { exitCode: number; stdout: string; stderr: string }, timedOut: boolean): string {
  if (timedOut) return `nvidia-smi on this host did not answer within ${NVIDIA_SMI_TIMEOUT_MS / 1000}s`;
  const said = firstLine(`${r.stderr}\n${r.stdout}`.trim()) || 'no output';
  return `nvidia-smi on this host exited ${r.exitCode} without naming a GPU: ${clean(said)}`;
}

/**
 * The nvidia-smi argv that names DEVICES (the GPUs a runner is pinned to: gpu-pin.ts), or every
 * GPU; undefined when a device is a MIG instance, which `--query-gpu` cannot name (its GPU's
 * model and driver would not tell a slice from the whole GPU).
 */
export function nvidiaSmiArgs(devices?: readonly string[]): string[] | undefined {
  if (devices === undefined) return [...NVIDIA_SMI_QUERY];
  if (devices.some((d) => d.includes(':') || d.startsWith('MIG-'))) return undefined;
  return [...NVIDIA_SMI_QUERY, `--id=${devices.join(',')}`];
}

/**
 * The GPUs a GPU run's containers get, from nvidia-smi on this host (the engine's host: the NVIDIA
 * runtime or CDI gives the containers the host's GPUs), run through RUNNER, never in the image:
 * DEVICES only when the runner is pinned to them (gpu-pin.ts), else every GPU. Unknown, with the
 * reason, when the engine is elsewhere, a device is a MIG instance, or nvidia-smi is missing,
 * fails or hangs.
 */
export async function hostGpuDevices(
  runner: CommandRunner,
  env: Env,
  devices?: readonly string[],
): Promise<GpuDevices> {
  // The engine DOCKER_HOST names, else the current Docker context's (context.ts).
  const context = currentContext(env);
  const remote = remoteEngine(engineEnv(env, context), context?.name);
  if (remote !== undefined) return { unknown: remote };
  const args = nvidiaSmiArgs(devices);
  if (args === undefined)
    return { unknown: `a MIG instance is among the pinned GPUs (${devices!.join(',')}): not looked up` };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('nvidia-smi timed out')), NVIDIA_SMI_TIMEOUT_MS);
  timer.unref?.();
  try {
    const r = await runner.run('nvidia-smi', args, { signal: abort.signal });
    const devices = r.exitCode === 0 ? gpuDevicesOf(r.stdout) : undefined;
    return devices !== undefined ? { devices } : { unknown: smiFailure(r, abort.signal.aborted) };
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException)?.code === 'ENOENT';
    return {
      unknown: missing
        ? 'nvidia-smi is not on this host (PATH)'
        : `nvidia-smi on this host did not run: ${clean(firstLine(errorMessage(e)))}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
