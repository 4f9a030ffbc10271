// The attest stage's targets (pure): each platform image the build pushed, in the build's order,
// with its entry in attest.json as it starts (nothing attached, not signed). A platform only
// loaded into the local engine (not pushed: isPushed) has no digest in a registry: nothing to
// attest there. One pushed and loaded too (the `load` input) is in the registry: a target.
import { type BuildResult, isPushed, type PlatformBuild, type VariantBuild } from '../build/result.js';
import type { AttestTarget } from './result.js';

/** One pushed platform image: the build's entries it comes from and its record in attest.json. */
interface PlannedTarget {
  v: VariantBuild;
  p: PlatformBuild;
  target: AttestTarget;
}

/** A platform the build did not push: it only loaded it into the local engine (as LOCALREF). */
interface NotPushed {
  variant: string;
  platform: string;
  localRef?: string;
}

/** BUILD's targets (repository@digest of each pushed platform) and the platforms not pushed. */
export function attestTargets(build: Pick<BuildResult, 'variants'>): {
  targets: PlannedTarget[];
  notPushed: NotPushed[];
} {
  const targets: PlannedTarget[] = [];
  const notPushed: NotPushed[] = [];
  for (const v of build.variants)
    for (const p of v.platforms) {
      if (!isPushed(p)) {
        notPushed.push({
          variant: v.variant,
          platform: p.platform,
          ...(p.localRef !== undefined && { localRef: p.localRef }),
        });
        continue;
      }
      const target: AttestTarget = {
        variant: v.variant,
        platform: p.platform,
        ref: `${v.repository}@${p.digest}`,
        attestations: [],
        signed: false,
        notes: [],
      };
      targets.push({ v, p, target });
    }
  return { targets, notPushed };
}
