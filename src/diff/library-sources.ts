// Where the probe read the CUDA libraries (record.cuda.sources), for the component diff: a probe
// that records it also looks in the copies torch loads (its nvidia-* wheels); an earlier one loaded
// each library by name only, and found none in an image where only torch's wheels have it.
import type { EnvRecord } from '../capture/record.js';
import type { ComponentChange, ComponentId } from './schema.js';

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
