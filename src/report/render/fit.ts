// Fitting the document under maxChars: the charts are dropped first, then detail tables are
// trimmed (the biggest first), then parts shortened or dropped by rank, and as a last resort only the marker, the verdict and a note
// are left. Sizes are computed from the parts, without rendering, at every step.
import { md } from '../escape.js';
import { fmtInt } from '../format.js';
import type { Assessment } from '../model.js';
import { MIN_ROWS, type Part, partSize, partText, rowsSize } from './parts.js';
import { verdictText } from './verdict.js';

const SEP = '\n\n';

/** What is fitted: the marker and the verdict line always stay, the parts shrink (in place). */
export interface Doc {
  marker: string;
  verdictLine: string;
  parts: Part[];
  maxChars: number;
}

function omittedOf(parts: readonly Part[]): string[] {
  // The charts go together (the tables beside them hold the same figures): said once.
  const out: string[] = parts.some((p) => p.chart && p.mode === 'dropped') ? ['charts'] : [];
  for (const p of parts) {
    if (p.chart) continue;
    if (p.mode === 'dropped') out.push(p.label);
    else if (p.mode === 'short') out.push(`${p.label}: unchanged rows`);
    else if (p.rows && p.shown < p.rows.rows.length)
      out.push(`${p.label}: ${fmtInt(p.rows.rows.length - p.shown)} of ${fmtInt(p.rows.rows.length)} rows`);
  }
  return out;
}

function noteText(omitted: readonly string[], maxChars: number): string {
  if (omitted.length === 0) return '';
  const list = omitted.join('; ');
  // A long list would itself crowd out content: then only the count.
  const what = list.length <= 160 ? `left out: ${md(list)}` : `left out ${fmtInt(omitted.length)} parts`;
  return `_Report shortened to fit ${fmtInt(maxChars)} characters; ${what}. The full report is in the report artifact._`;
}

/** The size of assemble(doc).markdown without its trailing newline. */
function docSize(doc: Doc): number {
  let n = doc.marker.length + 1 + doc.verdictLine.length;
  let count = 1;
  for (const p of doc.parts) {
    const s = partSize(p);
    if (s > 0) {
      n += s;
      count++;
    }
  }
  const note = noteText(omittedOf(doc.parts), doc.maxChars);
  if (note) {
    n += note.length;
    count++;
  }
  return n + SEP.length * (count - 1);
}

/** Does the document fit? The trailing newline counts too. */
export const fits = (doc: Doc): boolean => docSize(doc) <= doc.maxChars - 1;

/** The document as it stands: marker, heading, verdict, the other parts, what was left out. */
export function assemble(doc: Doc): { markdown: string; omitted: string[] } {
  const { parts } = doc;
  const texts = parts.map(partText).filter(Boolean);
  const omitted = omittedOf(parts);
  const note = noteText(omitted, doc.maxChars);
  const [heading, ...rest] = texts;
  // The heading goes before the verdict; a variant's section in a run's comment has none.
  const head =
    parts[0]!.label !== 'heading' || parts[0]!.mode === 'dropped'
      ? [doc.verdictLine, ...texts]
      : [heading!, doc.verdictLine, ...rest];
  const text = [...head, ...(note ? [note] : [])].join(SEP);
  return { markdown: `${doc.marker}\n${text}\n`, omitted };
}

/** The most rows of `p` whose table fits in `cap` characters (never fewer than MIN_ROWS). */
function shownFor(p: Part, cap: number): number {
  const r = p.rows!;
  let lo = MIN_ROWS;
  let hi = r.rows.length;
  if (rowsSize(r, hi) <= cap) return hi;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (rowsSize(r, mid) <= cap) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Step 1: drop every chart (the tables beside them hold the same figures). True when it fits. */
export function dropCharts(doc: Doc): boolean {
  const charts = doc.parts.filter((p) => p.chart && p.mode !== 'dropped');
  if (charts.length === 0) return false;
  for (const p of charts) p.mode = 'dropped';
  return fits(doc);
}

/**
 * Step 2: trim the biggest tables first, with the largest per-table size cap that fits. True when
 * it fits; otherwise the tables are left at their smallest.
 */
export function trimTables(doc: Doc): boolean {
  const tables = doc.parts.filter((p) => p.rows && p.rows.rows.length > MIN_ROWS);
  if (tables.length === 0) return false;
  const apply = (cap: number) => tables.forEach((p) => (p.shown = shownFor(p, cap)));
  let lo = 0;
  // A cap at maxChars or over never fits (that table alone would fill the document), so the search
  // starts there at most: then the cap found does not depend on rows no document can show (a fork's
  // artifact carries stand-ins for those: artifact-fit.ts).
  let hi = Math.min(doc.maxChars, Math.max(...tables.map((p) => rowsSize(p.rows!, p.rows!.rows.length))));
  apply(lo);
  if (!fits(doc)) return false;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    apply(mid);
    if (fits(doc)) lo = mid;
    else hi = mid - 1;
  }
  apply(lo);
  return true;
}

/** Step 3: drop detail sections, then shorten and drop the overview, resolution, links, heading. */
export function dropParts(doc: Doc): boolean {
  const steps: { rank: number; run: () => void; applies: () => boolean }[] = [];
  for (const p of doc.parts) {
    if (p.shortRank !== undefined)
      steps.push({ rank: p.shortRank, run: () => (p.mode = 'short'), applies: () => p.mode === 'full' });
    if (p.dropRank !== undefined)
      steps.push({ rank: p.dropRank, run: () => (p.mode = 'dropped'), applies: () => p.mode !== 'dropped' });
  }
  steps.sort((a, b) => a.rank - b.rank);
  for (const step of steps) {
    if (!step.applies()) continue;
    step.run();
    if (fits(doc)) return true;
  }
  return false;
}

const TRUNCATED_NOTE = (maxChars: number) =>
  `_Report truncated to fit ${fmtInt(maxChars)} characters: see the report artifact._`;

/** Step 4: only the marker, the verdict and a note are left: shorten the verdict until they fit. */
export function verdictOnly(
  assessment: Assessment,
  marker: string,
  maxChars: number,
): { markdown: string; verdict: string; omitted: string[] } {
  const note = TRUNCATED_NOTE(maxChars);
  // marker \n **verdict** \n\n note \n
  const room = maxChars - marker.length - note.length - 8;
  let short = verdictText(assessment, Math.min(240, room));
  while (md(short).length > room && short.length > 1) short = verdictText(assessment, short.length - 10);
  let line = `**${md(short)}**`;
  if (line.length > room + 4) line = md(Array.from(short)[0] ?? '');
  return {
    markdown: `${marker}\n${line}${SEP}${note}\n`,
    verdict: short,
    omitted: ['everything but the verdict'],
  };
}
