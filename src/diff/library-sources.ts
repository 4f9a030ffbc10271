// The CUDA libraries' versions for the component diff, as records of every probe hold them: cuDNN
// and NCCL in older encodings (cudaLibraries), and where the probe read each (record.cuda.sources):
// a probe that records it also looks in the copies torch loads (its nvidia-* wheels); an earlier one
// loaded each library by name only, and found none in an image where only torch's wheels have it.
import type { EnvRecord } from '../capture/record.js';
import type { ComponentChange, ComponentId } from './schema.js';
import { cudnnCodeText, ncclText } from './versions.js';

/** The components read from a CUDA library, by their key in cuda.sources. */
const SOURCE_KEYS: Partial<Record<ComponentId, string>> = { cuda: 'runtime', cudnn: 'cudnn', nccl: 'nccl' };

/**
 * C as the diff has it, unchanged where its null side is unknown rather than none: that record
 * names no sources (written before they were recorded) and the other read the library from torch's
 * wheels, where the earlier probe never looked (python:3.11-slim with a CUDA torch from PyPI: the
 * same image is no "CUDA runtime none -> 12.4").
 */
export function withUnknownSources(c: ComponentChange, base: EnvRecord, head: EnvRecord): ComponentChange {
  const key = SOURCE_KEYS[c.id];
  if (key === undefined || !c.changed) return c;
  const unread = (r: EnvRecord, other: EnvRecord) =>
    r.cuda.sources === undefined && other.cuda.sources?.[key]?.startsWith('torch:') === true;
  if (!((c.from === null && unread(base, head)) || (c.to === null && unread(head, base)))) return c;
  return { id: c.id, from: c.from, to: c.to, changed: false, direction: null, level: null, host: c.host };
}

function extra(torch: EnvRecord['torch'], key: string, code: (n: number) => string = String): string | null {
  const v = torch?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? code(v) : null;
}

/**
 * cuDNN and NCCL as the overview shows them: the libraries' (cuda.cudnn, cuda.nccl), else torch's,
 * with older probes' encodings read as the versions they stand for (torch's cuDNN code 90100,
 * NCCL 2.8.4 as 0.28.4: versions.ts).
 */
export function cudaLibraries(r: EnvRecord): { cudnn: string | null; nccl: string | null } {
  return {
    cudnn: r.cuda.cudnn ?? extra(r.torch, 'cudnn', cudnnCodeText),
    nccl: ncclText(r.cuda.nccl ?? extra(r.torch, 'nccl')),
  };
}
