// Which targets of a smoke run get the run's GPUs: only a variant that can use them (not a cpu
// one), on the engine's own platform (CUDA cannot start in a process QEMU emulates); and the
// host's GPUs a target with GPUs is keyed by for reuse.
import { sameMachine } from '../config/platform.js';
import type { VariantKind } from '../config/schema.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { enginePlatform } from '../docker/engine-platform.js';
import type { GpuDevices } from './gpu-identity.js';
import { containerGpus, type GpuPin } from './gpu-pin.js';

export { enginePlatform };

/** What one target's containers get: the GPUs or none, and why none when the run has some. */
export interface TargetGpus {
  gpus: 'all' | 'none';
  /**
   * Why this target gets no GPU whatever the run has (a cpu variant, an emulated platform): its GPU
   * tests are skipped with this reason, also under require-gpu (they could never see a GPU).
   */
  withheld?: string;
}

interface TargetGpuInput {
  kind: VariantKind;
  /** The target's platform; undefined: the engine's own (`ml-image smoke` without --platform). */
  platform: string | undefined;
  /** The run's GPUs (resolveGpuChoice). */
  gpus: 'all' | 'none';
  /** The engine's platform (enginePlatform); undefined when it was not asked (no GPU is needed). */
  host: string | undefined;
}

/**
 * The kind that decides a variant's GPUs: `cpu` only for a cpu variant the `cpu` template builds
 * (CPU torch); a cpu variant built from the config's own Dockerfile or another template may install
 * anything (a CUDA torch on nvidia/cuda), so it counts as `custom`.
 */
export function gpuKindOf(v: { kind: VariantKind; template?: string | undefined }): VariantKind {
  return v.kind === 'cpu' && v.template !== 'cpu' ? 'custom' : v.kind;
}

/**
 * A cpu variant never gets GPUs (CPU torch cannot use one); a target of another platform than the
 * engine's runs emulated and gets none either. Every other target gets the run's GPUs. A `custom`
 * variant (the config's own base image) may hold CUDA, so it is treated as a CUDA one.
 */
export function targetGpus(t: TargetGpuInput): TargetGpus {
  if (t.kind === 'cpu') return { gpus: 'none', withheld: 'cpu variant: no GPU tests' };
  if (t.host !== undefined && t.platform !== undefined && !sameMachine(t.platform, t.host))
    return { gpus: 'none', withheld: `${t.platform} runs emulated on this ${t.host} host: no GPU` };
  return { gpus: t.gpus };
}

/**
 * Whether the engine's platform matters to KIND's targets: for a variant that may get GPUs, on a
 * run with GPUs or one that requires them (the emulated targets' GPU tests skip, not fail).
 */
const needsHost = (kind: VariantKind, gpus: 'all' | 'none', requireGpu: boolean): boolean =>
  kind !== 'cpu' && (gpus === 'all' || requireGpu);

/**
 * The GPUs a target of KIND and PLATFORM (undefined: the engine's own) gets on RUN; the engine's
 * platform is asked only when it matters. The smoke stage and `ml-image smoke` both decide so.
 */
export async function gpusOfTarget(
  kind: VariantKind,
  platform: string | undefined,
  run: { gpus: 'all' | 'none'; requireGpu: boolean; host: () => Promise<string> },
): Promise<TargetGpus> {
  const host =
    platform !== undefined && needsHost(kind, run.gpus, run.requireGpu) ? await run.host() : undefined;
  return targetGpus({ kind, platform, gpus: run.gpus, host });
}

/** The engine's platform, asked once (its version: os and architecture). */
export function hostPlatformOnce(docker: DockerAdapter): () => Promise<string> {
  let asked: Promise<string> | undefined;
  return () => (asked ??= docker.ping().then(enginePlatform));
}

/**
 * The GPUs of the engine's host for the reuse key (io.hostGpus: nvidia-smi on the host), the pinned
 * ones only when the runner is pinned; unknown (never reused) when they cannot be looked up.
 */
export async function lookUpGpus(
  io: {
    hostGpus?: (devices?: readonly string[]) => Promise<GpuDevices>;
    progress: (stage: 'smoke', line: string) => void;
  },
  pin: GpuPin | undefined,
): Promise<GpuDevices> {
  const pinned = containerGpus(pin);
  const found: GpuDevices = io.hostGpus
    ? await io.hostGpus(...(pinned === 'all' ? [] : [pinned])).catch((e: unknown) => ({
        unknown: `the lookup failed: ${String((e as Error)?.message ?? e).split('\n')[0]}`,
      }))
    : { unknown: 'no way to look up the GPUs was given' };
  if ('unknown' in found)
    io.progress(
      'smoke',
      `the GPUs could not be identified (earlier results are not reused): ${found.unknown}`,
    );
  return found;
}
