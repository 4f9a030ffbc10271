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

/** Owned by the OS package manager (Debian/Ubuntu python3-* packages): pip must not touch them anyway. */
export function osOwned(d: InstalledDist): boolean {
  return (
    (d.installer !== '' && d.installer !== 'pip' && d.installer !== 'uv') ||
    d.location.startsWith('/usr/lib/python3/dist-packages')
  );
}

export function pinDecisions(installed: readonly InstalledDist[]): PinDecision[] {
  return [...installed]
    .sort((a, b) => compareText(a.name, b.name))
    .map((d) => {
      if (SKIP.has(d.name)) return { dist: d, skipped: 'packaging tool' };
      if (!plainPin(d.name, d.version)) return { dist: d, skipped: 'not a name and version a pin can hold' };
      if (d.editable) return { dist: d, skipped: 'editable install' };
      if (d.directUrl) return { dist: d, skipped: 'installed from a direct URL' };
      if (osOwned(d))
        return { dist: d, skipped: `owned by the OS package manager (${d.installer || d.location})` };
      // "===" pins versions that are not PEP 440 (pip matches them as strings).
      return { dist: d, pin: valid(d.version) ? `${d.name}==${d.version}` : `${d.name}===${d.version}` };
    });
}

export function constraintsText(decisions: readonly PinDecision[], header: string): string {
  const pins = decisions.filter((d) => d.pin).map((d) => d.pin!);
  return `# ${header}\n${pins.join('\n')}${pins.length ? '\n' : ''}`;
}
