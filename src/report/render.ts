// The ONE Markdown renderer: the sticky PR comment and the job summary are the same document.
// Layout: marker (first line, hidden), heading, verdict, intro, per-platform overview tables,
// <details> sections (pip, apt, env, labels, smoke, size) with Mermaid charts beside the smoke
// metrics and size tables, resolution, links. Every value is escaped (src/report/escape.ts) and the
// document never exceeds maxChars: the charts go first, then detail tables are trimmed (the biggest
// first), then detail sections dropped, then the overview shortened; the marker and the verdict
// always stay, and what was left out is listed. The renderer decides no severity: the verdict
// renders the model's assessment (assessReport in src/report/model.ts).
//   render/document.ts  the parts in reading order      render/sections.ts  overview and tables
//   render/parts.ts     sizable, trimmable parts        render/fit.ts       fitting under maxChars
//   render/verdict.ts   the verdict line                render/markdown.ts  rows and cells
//   render/charts.ts    Mermaid charts                  render/size.ts      where the bytes went
import { InputError } from '../errors.js';
import { markerKey, md } from './escape.js';
import { assessReport } from './model.js';
import type { ReportModel } from './model-schema.js';
import { buildParts } from './render/document.js';
import { assemble, type Doc, dropCharts, dropParts, fits, trimTables, verdictOnly } from './render/fit.js';
import { verdictText } from './render/verdict.js';

export const DEFAULT_MAX_CHARS = 65_536;
/** Room for the marker (key capped at 160), a short verdict and the truncation note. */
export const MIN_MAX_CHARS = 400;
export const MARKER_PREFIX = 'ml-image-report:';
/** The only HTML the renderer writes (besides the marker comment); tests strip these. */
export const EMITTED_TAGS = ['<details>', '</details>', '<summary>', '</summary>', '<br>'] as const;

export interface RenderResult {
  markdown: string;
  /** The hidden first line; the comment poster finds its comment by it. */
  marker: string;
  /** The verdict as plain text (for logs and outputs); the Markdown holds it escaped. */
  verdict: string;
  /** What was left out to stay under maxChars (empty when nothing was). */
  omitted: string[];
}

/** `<!-- ml-image-report:KEY -->`, KEY limited to characters that cannot end or break the comment. */
export function markerFor(key: string): string {
  return `<!-- ${MARKER_PREFIX}${markerKey(key)} -->`;
}

interface RenderOptions {
  maxChars?: number;
  /** The comment's key when it is not the model's own (the run's key: one comment for all variants). */
  markerKey?: string;
}

export function renderReport(model: ReportModel, opts: RenderOptions = {}): RenderResult {
  const maxChars = checkedMaxChars(opts.maxChars);
  return renderDoc(model, markerFor(opts.markerKey ?? model.markerKey), maxChars, buildParts(model));
}

/**
 * A variant's report without the marker and the heading, in at most maxChars characters: what a
 * run's comment puts in that variant's <details> section (src/report/render/run.ts).
 */
export function renderVariantBody(model: ReportModel, maxChars: number): RenderResult {
  // The run's comment has the heading and the links once, above and below all variants.
  const parts = buildParts(model).filter((p) => p.label !== 'heading' && p.label !== 'links');
  // An empty marker costs its newline: strip it, the body stays under maxChars.
  const r = renderDoc(model, '', checkedMaxChars(maxChars), parts);
  return { ...r, markdown: r.markdown.replace(/^\n/, '').replace(/\n$/, '') };
}

export function checkedMaxChars(value: number | undefined): number {
  const maxChars = value ?? DEFAULT_MAX_CHARS;
  if (!Number.isFinite(maxChars) || maxChars < MIN_MAX_CHARS)
    throw new InputError(`report: maxChars must be at least ${MIN_MAX_CHARS}, got ${maxChars}`);
  return maxChars;
}

function renderDoc(model: ReportModel, marker: string, maxChars: number, parts: Doc['parts']): RenderResult {
  const assessment = assessReport(model);
  const verdict = verdictText(assessment, 240);
  const doc: Doc = { marker, verdictLine: `**${md(verdict)}**`, parts, maxChars };
  if (fits(doc) || dropCharts(doc) || trimTables(doc) || dropParts(doc)) {
    const { markdown, omitted } = assemble(doc);
    return { markdown, marker, verdict, omitted };
  }
  const last = verdictOnly(assessment, marker, maxChars);
  return { markdown: last.markdown, marker, verdict: last.verdict, omitted: last.omitted };
}
