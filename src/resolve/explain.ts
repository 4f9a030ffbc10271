// explanation.md: the resolver's findings for people, read in a terminal (`ml-image resolve`, the
// resolve stage's warning) and as a file; the PR comment takes explanationLines (result.ts), which
// its renderer escapes. Names and versions come from the image, the requirements and pip: prose is plain text
// (no control characters: a terminal escape; one line each, so no value starts a block of its own,
// and `numpy<2` reads as it is), a value in a code span has no backtick (nor line break) left to end
// it, and pip's own lines sit in a fence longer than any backtick run in them.
import { codeFence, stripUnsafe } from '../util/markdown.js';
import { replaceVerb, type Resolution, SHADOW_NOTE, UNHELD_REPLACEMENT } from './result.js';

/** Prose from the image, the requirements or pip: one line, no control characters. */
const text = (s: string) => stripUnsafe(s).replace(/[\r\n\u2028\u2029]+/g, ' ');
const code = (s: string) => `\`${text(s).replace(/`/g, "'")}\``;

export function renderExplanation(r: Resolution): string {
  const lines: string[] = [];
  const head: Record<Resolution['status'], string> = {
    clean: 'No conflict: your requirements keep every package of the base image.',
    fixed: 'Conflict fixed: a plan that keeps the base image intact was found.',
    conflict: 'Conflict: your requirements cannot be installed without breaking the base image.',
  };
  const unheld = r.status === 'fixed' && r.hazards.some((h) => h.id === UNHELD_REPLACEMENT);
  // The plain dry run itself failed (pip's causes, nothing it would install): the requirements
  // (with the variant's torch) cannot go together at all, whatever the base image holds.
  const plainFailed =
    r.status === 'conflict' &&
    r.naive.install.length === 0 &&
    r.resolved === undefined &&
    (r.conflict?.causes.length ?? 0) > 0;
  const headline = unheld
    ? 'Conflict fixed with the base image held, but for base packages the plan still replaces (see the hazards).'
    : plainFailed
      ? `Conflict: pip cannot install your requirements together${r.conflict?.chain.some((c) => c.includes("the variant's torch")) ? " with the variant's torch" : ''}, before the base image is considered.`
      : head[r.status];
  lines.push(`### Dependency resolution (${text(r.platform)})`, '', `**${headline}**`, '');
  lines.push(
    `Base image ${code(r.image)}: Python ${text(r.python)}; ${r.constraints.pinned} packages held.`,
    '',
  );
  if (r.naive.replaces.length > 0) {
    lines.push('A plain `pip install -r requirements.txt` would:', '');
    for (const rep of r.naive.replaces) {
      const by = rep.pulledInBy
        .map((p) => `${code(`${p.dist} ${p.version}`)} needs ${code(p.requirement)}`)
        .join(', ');
      const breaks = rep.breaks
        .map((b) => `${code(`${b.dist} ${b.version}`)} (${code(b.requirement)})`)
        .join(', ');
      lines.push(
        `- ${replaceVerb(rep)} ${code(`${rep.name} ${rep.from}`)} with ${code(rep.to)}${by ? ` because ${by}` : ''}${breaks ? `, breaking ${breaks}` : ''}${rep.shadows ? ` (${SHADOW_NOTE})` : ''}`,
      );
    }
    lines.push('');
  }
  if (r.resolved && r.resolved.moved.length > 0) {
    lines.push('Resolved with the base image held:', '');
    for (const m of r.resolved.moved)
      lines.push(`- ${code(m.name)} ${text(m.naive)} -> ${text(m.resolved)}: ${text(m.reason)}`);
    lines.push('');
  }
  if (r.resolved && r.resolved.relaxed.length > 0) {
    lines.push('Requirements relaxed (lower bounds kept):', '');
    for (const c of r.resolved.relaxed) lines.push(`- ${code(c.from)} -> ${code(c.to)}`);
    lines.push('');
  }
  if (r.conflict) {
    lines.push('Why:', '', ...r.conflict.chain.map((c) => `- ${text(c)}`), '');
    if (r.conflict.causes.length) lines.push('pip says:', '', codeFence(r.conflict.causes), '');
    lines.push('Options:', '', ...r.conflict.options.map((o) => `- ${text(o)}`), '');
  }
  if (r.hazards.length > 0) {
    lines.push('Hazards pip cannot see:', '');
    for (const h of r.hazards)
      lines.push(`- ${text(h.message)}. Fix: ${text(h.fix)} ([source](${h.source}))`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
