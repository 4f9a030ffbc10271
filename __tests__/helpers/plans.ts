// A plan.json as the plan stage writes it (PlanSchema), for the readers of a result directory:
// export --from, devcontainer --from, the results contract.
import type { Plan, VariantPlan } from '../../src/plan/schema.js';

/** CUDA facts of a variant: the driver floor is minorCompatDriverMin. */
export const CUDA_128 = { version: '12.8', toolkitDriverMin: '570.26', minorCompatDriverMin: '525.60.13' };

/** One variant of a plan: `name`, CPU unless `cuda` is given. */
export function planVariant(name: string, cuda?: VariantPlan['cuda']): VariantPlan {
  return {
    name,
    kind: cuda ? 'cuda' : 'cpu',
    primary: false,
    python: '3.12',
    base: { ref: 'python:3.12-slim', canonical: 'python:3.12-slim', reason: 'test' },
    ...(cuda && { cuda }),
    tags: [],
    labels: {},
    platforms: ['linux/amd64'],
    buildArgs: {},
  };
}

/** A whole plan of these variants. */
export function makePlan(...variants: VariantPlan[]): Plan {
  return {
    schemaVersion: 1,
    repository: 'ghcr.io/acme/model',
    variants,
    targets: [],
    warnings: [],
    matrix: { include: [] },
  };
}
