// The GPU mode of the smoke containers, as the action input, the CLI flags and the stages spell it.
import { InputError } from '../errors.js';
import { didYouMean } from '../util/text.js';

/**
 * auto: GPUs when the engine has the NVIDIA runtime or an nvidia.com/gpu CDI device (a CDI spec
 * directory alone is not enough); all: every GPU; none: CPU only.
 */
export const GPU_MODES = ['auto', 'all', 'none'] as const;
export type GpuMode = (typeof GPU_MODES)[number];

/** A flag's value -> the mode; anything else is bad input naming the flag (exit 2). */
export function parseGpuMode(raw: string | undefined, source: string): GpuMode {
  const mode = GPU_MODES.find((m) => m === raw);
  if (mode === undefined)
    throw new InputError(
      `${source}: expected auto, all or none, got ${JSON.stringify(raw)}${didYouMean(raw ?? '', GPU_MODES)}`,
      'auto: GPUs when the engine has them; all: every GPU; none: CPU only',
    );
  return mode;
}
