// --memory, the memory per node of an exported job, as each target writes it. Pure.
import { InputError } from '../errors.js';

/**
 * --memory (`64Gi`; `64G` is read as Slurm reads it, in binary units): its amount and unit. Exit 2
 * naming the flag for anything else.
 */
export function memoryOf(memory: string): { amount: number; unit: 'M' | 'G' | 'T' } {
  const m = /^([1-9][0-9]{0,6})([MGT])i?$/.exec(memory);
  if (!m)
    throw new InputError(
      `--memory: expected a size per node like 64Gi or 512Mi (Mi, Gi or Ti), got "${memory}"`,
    );
  return { amount: Number(m[1]), unit: m[2] as 'M' | 'G' | 'T' };
}

/** --memory as a Kubernetes quantity: `64G` (Slurm's binary G) is `64Gi`. */
export function k8sMemory(memory: string): string {
  const { amount, unit } = memoryOf(memory);
  return `${amount}${unit}i`;
}

/** --memory as sbatch --mem reads it: `64Gi` is `64G`. */
export function slurmMemory(memory: string): string {
  const { amount, unit } = memoryOf(memory);
  return `${amount}${unit}`;
}
