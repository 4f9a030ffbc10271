// The smoke runner: the python3 suites in one shared container and process (batch.ts), the others
// each in its own container of the image (timeout per test, output kept, every container removed
// in every case), results classified and written as smoke.json + junit.xml.
// The suites are in suites.ts, the user's tests in custom.ts, the shared rules in session.ts.
import { readFileSync } from 'node:fs';
import { probeFile, SMOKE_SCRIPT } from '../util/images-dir.js';
import { entryPythonOffPath } from '../python/entry-python.js';
import type { DaemonFeatures, DockerAdapter } from '../docker/adapter.js';
import { hasNvidiaCdiGpu } from '../docker/cdi.js';
import type { GpuMode } from './gpu-mode.js';
import { type GpuPin, gpuPinOf } from './gpu-pin.js';
import type { SmokeResult } from './result.js';
import {
  containerRunner,
  finishResult,
  type SmokeDeps,
  type SmokeInput,
  type SmokeSession,
} from './session.js';
import { batchSteps, runSuite } from './suites.js';

// Every name the runner's callers import from here (smoke/run.ts), wherever it now lives.
export { isDaemonGone, SmokeInterruptedError } from './interrupt.js';
export { OUTPUT_KEEP_CHARS } from './output.js';
import { imageEnvMask } from './output.js';
export type { SmokeInput } from './session.js';

/**
 * Whether the engine can give containers NVIDIA GPUs: it has the NVIDIA runtime (nvidia, or the
 * toolkit's nvidia-cdi / nvidia-legacy), or a CDI device of kind nvidia.com/gpu. A CDI spec
 * directory alone is not enough: Docker 28.2+ configures /etc/cdi and /var/run/cdi everywhere.
 */
function engineHasNvidiaGpus(f: DaemonFeatures): boolean {
  return f.runtimes.some((r) => r === 'nvidia' || r.startsWith('nvidia-')) || hasNvidiaCdiGpu(f.cdiDevices);
}

/** `--gpus auto`: GPUs when the engine has the NVIDIA runtime or an NVIDIA GPU CDI device, else CPU only. */
export async function resolveGpus(mode: GpuMode, docker: DockerAdapter): Promise<'all' | 'none'> {
  if (mode !== 'auto') return mode;
  return engineHasNvidiaGpus(await docker.daemonFeatures()) ? 'all' : 'none';
}

/** The GPUs of a run: all or none, and the runner's pin (gpu-pin.ts) a GPU run keeps to. */
interface GpuChoice {
  gpus: 'all' | 'none';
  /** Set when the environment pins the runner: its containers get these GPUs only (none: no GPU). */
  pin?: GpuPin;
}

/**
 * The mode resolved (resolveGpus), then the runner's pin from ENV (the environment the tool runs
 * in: NVIDIA_VISIBLE_DEVICES, else CUDA_VISIBLE_DEVICES): a GPU run gets the pinned GPUs only, and
 * none when the pin gives none (-1). A value that is no GPU list is exit 2: under `all` before the
 * engine is asked, under `auto` only where the engine has GPUs; `none` ignores it.
 */
export async function resolveGpuChoice(mode: GpuMode, docker: DockerAdapter, env: Env): Promise<GpuChoice> {
  if (mode === 'none') return { gpus: 'none' };
  // Under all, a bad pin is exit 2 before the engine is asked; under auto only where there are GPUs.
  const early = mode === 'all' ? gpuPinOf(env) : undefined;
  if ((await resolveGpus(mode, docker)) === 'none') return { gpus: 'none' };
  const pin = mode === 'all' ? early : gpuPinOf(env);
  if (pin === undefined) return { gpus: 'all' };
  return { gpus: pin.devices.length > 0 ? 'all' : 'none', pin };
}

type Env = Readonly<Record<string, string | undefined>>;

export async function runSmoke(input: SmokeInput, deps: SmokeDeps): Promise<SmokeResult> {
  const startedAt = Date.now();
  const script = readFileSync(probeFile(input.imagesDir, SMOKE_SCRIPT), 'utf8');
  const details = await deps.docker.inspectImage(input.runImage ?? input.image, input.platform);
  const mask = imageEnvMask(details.env, input.secretValues);
  const s: SmokeSession = {
    input,
    details,
    platform: input.platform ?? `${details.os}/${details.architecture}`,
    startedAt,
    script,
    run: containerRunner(input, deps, () => s.current, mask),
    progress: deps.progress ?? (() => undefined),
    tests: [],
    current: '',
    batch: { steps: batchSteps(input), outcomes: new Map() },
    mask,
    // Redacted where it is read (batch.ts: liveLines per stream); the image's own values masked here.
    ...(deps.output && {
      output: (chunk: string, test: string) => deps.output!(mask(chunk), test),
    }),
  };
  // The suites run python3 on PATH: say so once when the image starts a Python off its PATH.
  const offPath = input.entryPythonChecked ? undefined : entryPythonOffPath(details);
  if (offPath !== undefined) s.progress(`smoke warning: ${offPath}`);
  for (const name of input.suites) await runSuite(s, name);
  return finishResult(s);
}
