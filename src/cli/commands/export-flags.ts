// The values of `ml-image export`'s own flags that are more than a string: numbers, --gpus-per-node,
// the Kubernetes node selector and tolerations (exit 2 naming the flag).
import { InputError } from '../../errors.js';
import { clip, didYouMean } from '../../util/text.js';
import type { Toleration } from '../../export/k8s.js';
import { RESERVED_MAP_KEY, RESERVED_MAP_KEY_PROBLEM } from '../../config/user-map.js';

export const wholeNumber = <T extends number | 'all'>(
  flag: string,
  raw: string | undefined,
  fallback: T,
): number | T => {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim()))
    throw new InputError(`export: ${flag}: expected a whole number, got ${JSON.stringify(raw)}`);
  // So many digits that the number is rounded (99999999999999999999 is 1e20): refused as typed,
  // not as the number it rounds to, which is not what was given.
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n))
    throw new InputError(`export: ${flag}: ${JSON.stringify(clip(raw.trim(), 40))} is too large a number`);
  return n;
};

/**
 * --gpus-per-node N | all. Default: none for a CPU variant; for a CUDA variant of plan.json, whole
 * nodes on Slurm ('all': --exclusive, ddp over every GPU a node shows) and 1 on Kubernetes (a pod
 * asks for a number of GPUs).
 */
export function gpusPerNodeFlag(raw: string | undefined, cuda: boolean, slurm: boolean): number | 'all' {
  if (raw?.trim() === 'all') return 'all';
  if (raw !== undefined && !/^\d+$/.test(raw.trim()))
    throw new InputError(
      `export: --gpus-per-node: expected a whole number or "all", got ${JSON.stringify(raw)}`,
    );
  return wholeNumber('--gpus-per-node', raw, cuda ? (slurm ? 'all' : 1) : 0);
}

/** --node-selector k=v[,k=v] */
export function nodeSelectorFlag(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const pair of raw.split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`export: --node-selector: expected KEY=VALUE, got "${pair}"`);
    const key = pair.slice(0, eq).trim();
    // Assigning it would set the object's prototype: the selector would vanish without a word.
    if (key === RESERVED_MAP_KEY)
      throw new InputError(`export: --node-selector: ${RESERVED_MAP_KEY_PROBLEM}`);
    // The last one would win without a word: the pod placed on other nodes than were typed.
    if (Object.hasOwn(out, key))
      throw new InputError(
        `export: --node-selector: ${key} is given twice (a pod matches one value of a label)`,
      );
    out[key] = pair.slice(eq + 1).trim();
  }
  return out;
}

/** --toleration KEY[=VALUE][:EFFECT] (repeatable): Equal with a value, else Exists. */
export function tolerationFlag(raw: string): Toleration {
  const m = /^([^=:]+)(?:=([^:]*))?(?::(.*))?$/.exec(raw);
  if (!m) throw new InputError(`export: --toleration: expected KEY[=VALUE][:EFFECT], got "${raw}"`);
  const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
  const effect = m[3] === undefined ? undefined : effects.find((e) => e === m[3]);
  if (m[3] !== undefined && effect === undefined)
    throw new InputError(
      `export: --toleration: effect must be ${effects.join(', ')}, got ${JSON.stringify(m[3])}${didYouMean(m[3], effects)}`,
      'e.g. --toleration nvidia.com/gpu:NoSchedule (the effect as Kubernetes spells it)',
    );
  return {
    key: m[1]!,
    operator: m[2] !== undefined ? 'Equal' : 'Exists',
    ...(m[2] !== undefined && { value: m[2] }),
    ...(effect !== undefined && { effect }),
  };
}
