// The constraints that hold the base image fixed: one pin per installed distribution.
import { valid } from '@renovatebot/pep440';
import type { z } from 'zod';
import type { InstalledDistSchema } from './helper-output.js';
import { isDistName } from '../requirements/pep508.js';
import { compareText } from '../util/text.js';

/** One distribution installed in the base image (the helper's snapshot, parsed). */
export type InstalledDist = z.infer<typeof InstalledDistSchema>;

/**
 * Whether NAME and VERSION, as the container reported them, may go into a `name==version` line of
 * the constraints the build installs with: a PEP 508 name and a version without whitespace, so no
 * option or second line gets in (a base image's python answers).
 */
export function plainPin(name: string, version: string): boolean {
  return isDistName(name) && /^[A-Za-z0-9][A-Za-z0-9.!+_*-]*$/.test(version);
}

/** Tools pip manages for itself; pinning them would only fight pip's own upgrade logic. */
const SKIP = new Set(['pip', 'setuptools', 'wheel', 'distribute']);

export interface PinDecision {
  dist: InstalledDist;
  pin?: string;
  /** Why a dist is not pinned. */
  skipped?: string;
}

/**
 * One pin per installed distribution that a pin can hold. Those another installer put there (conda,
 * Debian's python3-* packages under /usr/lib/python3/dist-packages) and those installed from a
 * direct URL (NGC's torch wheel) are pinned too: with PIP_BREAK_SYSTEM_PACKAGES=1 (the resolver
 * and the build) pip replaces or shadows them like any other, and the installed version satisfies
 * its own pin whether an index has it or not. What is left unpinned can still be replaced: the
 * held plan is checked for that (steps/hold.ts).
 */
export function pinDecisions(installed: readonly InstalledDist[]): PinDecision[] {
  return [...installed]
    .sort((a, b) => compareText(a.name, b.name))
    .map((d) => {
      if (SKIP.has(d.name)) return { dist: d, skipped: 'packaging tool' };
      if (!plainPin(d.name, d.version)) return { dist: d, skipped: 'not a name and version a pin can hold' };
      if (d.editable) return { dist: d, skipped: 'editable install' };
      // "===" pins versions that are not PEP 440 (pip matches them as strings).
      return { dist: d, pin: valid(d.version) ? `${d.name}==${d.version}` : `${d.name}===${d.version}` };
    });
}

export function constraintsText(decisions: readonly PinDecision[], header: string): string {
  const pins = decisions.filter((d) => d.pin).map((d) => d.pin!);
  return `# ${header}\n${pins.join('\n')}${pins.length ? '\n' : ''}`;
}
