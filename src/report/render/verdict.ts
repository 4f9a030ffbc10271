// The verdict line: the model's assessment (src/report/model.ts decides every severity) as text in
// a given length, the most severe findings first, then "+N more".
import { type Assessment, SEVERITY_RANK, type Verdict } from '../model.js';
import { plural } from '../format.js';
import { printable } from '../../util/text.js';

export const VERDICT_EMOJI: Readonly<Record<Verdict, string>> = {
  failure: '❌',
  warning: '⚠️',
  changed: '🔄',
  unchanged: '✅',
  'no-baseline': 'ℹ️',
};

/** The verdict in at most maxLen characters (plain text, control characters escaped; the caller escapes it for Markdown). */
export function verdictText(assessment: Assessment, maxLen: number): string {
  const emoji = VERDICT_EMOJI[assessment.verdict];
  const items = assessment.findings;
  const bySeverity = items
    .map((f, i) => ({ ...f, i }))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.i - b.i);
  const chosen: typeof bySeverity = [];
  const text = (list: typeof bySeverity) => {
    // A version or name from the image holding ESC or CR must not redraw the line where it is shown.
    const shown = [...list].sort((a, b) => a.i - b.i).map((f) => printable(f.text));
    const more = items.length - list.length;
    return `${emoji} ${shown.join('; ')}${more ? `${shown.length ? '; ' : ''}+${more} more` : ''}`;
  };
  for (const f of bySeverity) if (text([...chosen, f]).length <= maxLen) chosen.push(f);
  if (chosen.length === 0) {
    const short = `${emoji} ${plural(items.length, 'finding')} (see the report artifact)`;
    return short.length <= maxLen ? short : emoji;
  }
  return text(chosen);
}
