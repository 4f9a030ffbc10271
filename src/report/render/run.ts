// One run, one comment: every variant (and platform) of a run in ONE document. Layout: marker,
// heading, a verdict line per variant (and one per variant the run has no report of), one overview
// table (variant, platforms, verdict, size change, smoke), then each variant's own report
// (renderVariantBody) in a <details> section, the links.
// A single variant renders as the plain per-variant report (under the run's marker).
// Under maxChars: the charts go first (all of them), then unchanged variants collapse to one line
// (last first), then the remaining sections share what is left (each shrinks as a per-variant
// report does, the biggest capped first; what a shortened one leaves unused goes to the others,
// worst verdict first), then every section collapses, the verdict lines shorten,
// the table goes; last, only a count of verdicts is left. Every value is escaped.
import { html, md, safeUrl } from '../escape.js';
import { fmtInt } from '../format.js';
import { type Assessment, assessReport, type Verdict } from '../model.js';
import type { ReportModel } from '../model-schema.js';
import { reportFile } from '../../results/names.js';
import {
  markerFor,
  MIN_MAX_CHARS,
  type RenderResult,
  checkedMaxChars,
  renderReport,
  renderVariantBody,
} from '../render.js';
import { withoutCharts } from './charts.js';
import { cell, header, row, smokeTally } from './markdown.js';
import { sizeChangeCell } from './size.js';
import { VERDICT_EMOJI, verdictText } from './verdict.js';

interface RunRenderOptions {
  markerKey: string;
  maxChars?: number;
  /**
   * The run's variants with no report: no environment record of this build (the smoke stage
   * captured none, its capture failed). Each has its line, so that a comment never reads as if the
   * run had only the others.
   */
  unreported?: readonly string[];
}

/** An unreported variant's verdict (RunRenderOptions.unreported). */
export const UNREPORTED_VERDICT = '⚠️ not reported: no environment record of this build (see the job log)';

export interface RunRenderResult extends RenderResult {
  /** Each variant's verdict as plain text, in model order. */
  variants: { variant: string; verdict: string }[];
}

const SEP = '\n\n';
/** Worst first: the headline and the fallback count. */
const VERDICT_ORDER: readonly Verdict[] = ['failure', 'warning', 'changed', 'no-baseline', 'unchanged'];

interface View {
  model: ReportModel;
  assessment: Assessment;
  verdict: string;
  /** <details><summary>...</summary>\n\n  and  \n</details> */
  open: string;
  close: string;
  collapsed: string;
  full: string;
  /** The full section without its charts. */
  plain: string;
  /** What the section is now. */
  mode: 'full' | 'shortened' | 'collapsed' | 'dropped';
  text: string;
}

export function renderRun(models: readonly ReportModel[], opts: RunRenderOptions): RunRenderResult {
  const maxChars = checkedMaxChars(opts.maxChars);
  if (models.length === 0) throw new Error('renderRun: no reports');
  const marker = markerFor(opts.markerKey);
  const unreported = opts.unreported ?? [];
  if (models.length === 1 && unreported.length === 0) {
    const r = renderReport(models[0]!, { maxChars, markerKey: opts.markerKey });
    return { ...r, variants: [{ variant: models[0]!.variant, verdict: r.verdict }] };
  }
  const views = models.map((model) => view(model, maxChars));
  const { variants, verdict, heading, unreportedLines } = runHead(views, unreported);
  const table = overviewTable(views);
  const links = linksText(models);
  const state = { verdictLen: 200, table: true, charts: true };
  const compose = (): string => {
    const lines = [
      ...views.map(
        (v) => `- **${md(v.model.variant, 40)}**: ${md(verdictText(v.assessment, state.verdictLen))}`,
      ),
      ...unreportedLines,
    ];
    const sections = views.map((v) => v.text).filter(Boolean);
    const note = noteText(views, maxChars, !state.charts);
    const parts = [heading, lines.join('\n'), state.table ? table : '', ...sections, links, note];
    return `${marker}\n${parts.filter(Boolean).join(SEP)}\n`;
  };
  const fits = () => compose().length <= maxChars;
  const done = (): RunRenderResult => ({
    markdown: compose(),
    marker,
    verdict,
    omitted: [...(state.charts ? [] : ['charts']), ...omittedOf(views)],
    variants,
  });
  const set = (v: View, mode: View['mode'], text: string) => {
    v.mode = mode;
    v.text = text;
  };
  if (fits()) return done();
  // 0. The charts go first, in every section (the tables beside them hold the same figures).
  if (dropCharts(views)) {
    state.charts = false;
    if (fits()) return done();
  }
  // 1. Unchanged variants say all in their verdict line: one line each, the last first.
  for (const v of [...views].reverse())
    if (v.assessment.verdict === 'unchanged') {
      set(v, 'collapsed', v.collapsed);
      if (fits()) return done();
    }
  // 2. The other sections share the room left, the biggest capped first (as a per-variant report
  // shrinks: its tables trimmed, then its detail sections dropped).
  const open = views.filter((v) => v.mode === 'full');
  for (const v of open) set(v, 'collapsed', v.collapsed);
  if (open.length > 0 && fits()) {
    // Room for the open sections beyond their collapsed lines (the note may grow by a few digits).
    const room = maxChars - compose().length - 20;
    const extra = (v: View, cap: number) => sizeAt(v, cap) - v.collapsed.length;
    let lo = 0;
    let hi = Math.max(...open.map((v) => v.full.length));
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (open.reduce((n, v) => n + extra(v, mid), 0) <= room) lo = mid;
      else hi = mid - 1;
    }
    for (const v of open) {
      if (v.full.length <= lo) set(v, 'full', v.full);
      else if (lo - wrap(v) >= MIN_MAX_CHARS)
        set(v, 'shortened', `${v.open}${renderVariantBody(v.model, lo - wrap(v)).markdown}${v.close}`);
    }
    // A body renders in at most its cap, so this holds; should it not, the sections stay collapsed.
    if (fits()) refill(open, () => maxChars - compose().length - 20);
    if (fits()) return done();
    for (const v of open) set(v, 'collapsed', v.collapsed);
  }
  if (fits()) return done();
  // 3. Nothing but the overview: the collapsed lines go, the verdict lines shorten, the table goes.
  for (const v of views) set(v, 'dropped', '');
  if (fits()) return done();
  state.verdictLen = 80;
  if (fits()) return done();
  state.table = false;
  if (fits()) return done();
  // 4. Only a count of the verdicts.
  return countOnly(views, unreported.length, { marker, maxChars, variants, verdict });
}

/** The run's verdict per variant (those with no report last), the heading, the unreported's lines. */
function runHead(views: readonly View[], unreported: readonly string[]) {
  const variants = [
    ...views.map((v) => ({ variant: v.model.variant, verdict: v.verdict })),
    ...unreported.map((variant) => ({ variant, verdict: UNREPORTED_VERDICT })),
  ];
  const verdict = variants.map((v) => `${v.variant}: ${v.verdict}`).join('; ');
  const images = [...new Set(views.map((v) => v.model.image))];
  const heading = `### 🐳 ml-image report: ${md(images.join(', '), 200)} (${fmtInt(variants.length)} variants)`;
  const unreportedLines = unreported.map((u) => `- **${md(u, 40)}**: ${md(UNREPORTED_VERDICT)}`);
  return { variants, verdict, heading, unreportedLines };
}

function view(model: ReportModel, maxChars: number): View {
  const assessment = assessReport(model);
  const verdict = verdictText(assessment, 240);
  const name = md(model.variant, 40);
  // Markdown is not parsed inside <summary>, entities are.
  const open = `<details><summary>${html(model.variant, 40)}: ${VERDICT_EMOJI[assessment.verdict]} ${assessment.verdict}</summary>\n\n`;
  const close = '\n\n</details>';
  const full = `${open}${renderVariantBody(model, maxChars).markdown}${close}`;
  const plain = withoutCharts(full);
  const file = md(reportFile(model.variant, 'md'), 60);
  const collapsed = `_${name}: section left out to fit; the full report is ${file} in the report artifact._`;
  return { model, assessment, verdict, open, close, collapsed, full, plain, mode: 'full', text: full };
}

/** Every section without its charts (they are left out first); false when there were none. */
function dropCharts(views: View[]): boolean {
  if (views.every((v) => v.plain === v.full)) return false;
  for (const v of views) {
    v.full = v.plain;
    v.text = v.full;
  }
  return true;
}

const wrap = (v: View) => v.open.length + v.close.length;

/**
 * The shared cap takes a shortened section at its cap, but its body often renders well under it (a
 * table that cannot show its fewest rows drops out whole), and an equal share of what is left is
 * often too little for any section's next table. So the room left unused (SPARE: after the note's
 * few digits) goes to the shortened sections one by one, worst verdict first: each tries its share
 * of what is left, then twice and four times that, and keeps the first that shows more. A section
 * grows by at most what it tried, so the document stays under maxChars.
 */
function refill(open: readonly View[], spare: () => number): void {
  const rank = (v: View) => VERDICT_ORDER.indexOf(v.assessment.verdict);
  const short = open.filter((v) => v.mode === 'shortened').sort((a, b) => rank(a) - rank(b));
  short.forEach((v, i) => {
    const left = spare();
    const share = Math.floor(left / (short.length - i));
    for (const tried of [share, share * 2, share * 4].map((n) => Math.min(n, left))) {
      if (tried < 100 || grow(v, v.text.length + tried) || tried === left) return;
    }
  });
}

/** V's section at most CAP characters long, when that shows more than it does now. */
function grow(v: View, cap: number): boolean {
  if (v.full.length <= cap) {
    v.mode = 'full';
    v.text = v.full;
    return true;
  }
  if (cap - wrap(v) < MIN_MAX_CHARS) return false;
  const text = `${v.open}${renderVariantBody(v.model, cap - wrap(v)).markdown}${v.close}`;
  if (text.length <= v.text.length || text.length > cap) return false;
  v.text = text;
  return true;
}

/** The section's length when capped at `cap` characters (collapsed below the smallest body). */
function sizeAt(v: View, cap: number): number {
  if (v.full.length <= cap) return v.full.length;
  return cap - wrap(v) >= MIN_MAX_CHARS ? cap : v.collapsed.length;
}

function overviewTable(views: readonly View[]): string {
  const lines = views.map((v) => {
    const m = v.model;
    const platforms = m.platforms.map((p) => p.platform);
    const sizes = m.platforms.map((p) => {
      const change = sizeChangeCell(p);
      return change === null ? null : { platform: p.platform, change };
    });
    const known = sizes.filter((s): s is { platform: string; change: string } => s !== null);
    const size =
      known.length === 0
        ? '—'
        : new Set(known.map((s) => s.change)).size === 1 && known.length === platforms.length
          ? known[0]!.change
          : known.map((s) => `${cell(s.platform, 40)}: ${s.change}`).join('<br>');
    const smoke = m.platforms.map((p) => p.smoke?.head ?? null);
    const smokeCell = smoke.every((s) => s === null)
      ? '—'
      : smokeTally(
          smoke.reduce<{ pass: number; fail: number; skip: number }>(
            (a, s) => (s ? { pass: a.pass + s.pass, fail: a.fail + s.fail, skip: a.skip + s.skip } : a),
            { pass: 0, fail: 0, skip: 0 },
          ),
        );
    return row([
      cell(m.variant, 40),
      platforms.map((p) => cell(p, 40)).join(', '),
      `${VERDICT_EMOJI[v.assessment.verdict]} ${v.assessment.verdict}`,
      size,
      smokeCell,
    ]);
  });
  return `${header(['Variant', 'Platforms', 'Verdict', 'Size change', 'Smoke (pass · fail · skip)'])}\n${lines.join('\n')}`;
}

function linksText(models: readonly ReportModel[]): string {
  const m = models[0]!;
  const links: string[] = [];
  const run = m.links.run ? safeUrl(m.links.run) : null;
  const artifact = m.links.artifact ? safeUrl(m.links.artifact) : null;
  if (run) links.push(`[Workflow run](${run})`);
  if (artifact) links.push(`[Report artifact](${artifact})`);
  links.push(`ml-image-action ${md(m.tool.version, 30)}`);
  return links.join(' · ');
}

function omittedOf(views: readonly View[]): string[] {
  return views
    .filter((v) => v.mode !== 'full')
    .map((v) => `${v.model.variant}: ${v.mode === 'shortened' ? 'section shortened' : 'section left out'}`);
}

function noteText(views: readonly View[], maxChars: number, chartsDropped: boolean): string {
  const collapsed = views.filter((v) => v.mode === 'collapsed' || v.mode === 'dropped').length;
  const shortened = views.filter((v) => v.mode === 'shortened').length;
  if (collapsed + shortened === 0 && !chartsDropped) return '';
  const of = `of ${fmtInt(views.length)} variant sections`;
  const what = [
    chartsDropped ? 'charts left out' : '',
    collapsed ? `${fmtInt(collapsed)} ${of} left out` : '',
    shortened ? `${fmtInt(shortened)}${collapsed ? '' : ` ${of}`} shortened` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `_Report shortened to fit ${fmtInt(maxChars)} characters: ${what}. The full reports are in the report artifact._`;
}

function countOnly(
  views: readonly View[],
  unreported: number,
  {
    marker,
    maxChars,
    variants,
    verdict,
  }: Pick<RunRenderResult, 'marker' | 'variants' | 'verdict'> & { maxChars: number },
): RunRenderResult {
  const counts = VERDICT_ORDER.map(
    (k) => [k, views.filter((v) => v.assessment.verdict === k).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${fmtInt(n)} ${k}`);
  if (unreported > 0) counts.push(`${fmtInt(unreported)} not reported`);
  let worst = VERDICT_ORDER.find((k) => views.some((v) => v.assessment.verdict === k))!;
  // A variant not reported is at least a warning: no verdict on it is a good one.
  if (unreported > 0 && VERDICT_ORDER.indexOf(worst) > VERDICT_ORDER.indexOf('warning')) worst = 'warning';
  const line = `**${VERDICT_EMOJI[worst]} ${fmtInt(variants.length)} variants: ${counts.join(', ')}**`;
  const note = `_Report truncated to fit ${fmtInt(maxChars)} characters: see the report artifact._`;
  let markdown = `${marker}\n${line}${SEP}${note}\n`;
  if (markdown.length > maxChars) markdown = `${marker}\n${line}\n`;
  return { markdown, marker, verdict, omitted: ['everything but the verdict count'], variants };
}
