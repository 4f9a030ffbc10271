// The chain from the user's requirements to each base package a plan would replace, as one line
// each: shared by the explanation of a conflict (explain.ts) and the held plan's check (hold.ts).
import { type Replacement, replaceVerb, SHADOW_NOTE } from '../result.js';

/**
 * One line per replaced base package: what pulls it in and which base packages it breaks. ASKED:
 * the "file:line" of the user's requirement lines of each project (canonical names), to name the
 * lines that ask for a base package themselves ("numpy>=2" pulls nothing else in).
 */
export function chainOf(
  replaced: readonly Replacement[],
  causes: readonly string[] = [],
  asked: ReadonlyMap<string, readonly string[]> = new Map(),
): string[] {
  const lines = replaced.map((r) => {
    const own = asked.get(r.name) ?? [];
    const by =
      r.pulledInBy.map((p) => `${p.dist} ${p.version} needs ${p.requirement}`).join(' and ') ||
      (own.length > 0 ? `your requirement of ${r.name} (${own.join(', ')})` : '');
    const broken = r.breaks.map((b) => `${b.dist} ${b.version} (${b.requirement})`).join(' and ');
    return `${by || `your requirements`} -> ${r.name} ${r.to} would ${replaceVerb(r)} the base image's ${r.name} ${r.from}${broken ? `, which ${broken} need${r.breaks.length === 1 ? 's' : ''}` : ''}${r.shadows ? ` (${SHADOW_NOTE})` : ''}`;
  });
  return lines.length > 0 ? lines : causes.filter((c) => !c.startsWith('The user requested'));
}
