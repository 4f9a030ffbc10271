// The chain from the user's requirements to each base package a plan would replace, as one line
// each: shared by the explanation of a conflict (explain.ts) and the held plan's check (hold.ts).
import { type Replacement, replaceVerb, SHADOW_NOTE } from '../result.js';

/** One line per replaced base package: what pulls it in and which base packages it breaks. */
export function chainOf(replaced: readonly Replacement[], causes: readonly string[] = []): string[] {
  const lines = replaced.map((r) => {
    const by = r.pulledInBy.map((p) => `${p.dist} ${p.version} needs ${p.requirement}`).join(' and ');
    const broken = r.breaks.map((b) => `${b.dist} ${b.version} (${b.requirement})`).join(' and ');
    return `${by || `your requirements`} -> ${r.name} ${r.to} would ${replaceVerb(r)} the base image's ${r.name} ${r.from}${broken ? `, which ${broken} need${r.breaks.length === 1 ? 's' : ''}` : ''}${r.shadows ? ` (${SHADOW_NOTE})` : ''}`;
  });
  return lines.length > 0 ? lines : causes.filter((c) => !c.startsWith('The user requested'));
}
