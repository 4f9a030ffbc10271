// Charts that GitHub draws (Mermaid in ```mermaid blocks), beside the tables that hold the same
// figures (the tables stay: screen readers, exact values). Two kinds:
//   - smoke throughput, base branch vs this PR (xychart-beta bars), one chart per unit (TFLOP/s,
//     GB/s, ...), only for metrics measured on both sides;
//   - this PR's image size by its biggest packages (pie), with the rest of the image as one slice.
// Every label and title is user data (package, test, metric and GPU names, refs): written through
// mermaidText (../escape.ts), which leaves nothing that could end a label, open a directive or end
// the fenced block. Charts are parts of their own (chart: true): the first thing dropped when the
// document has to shrink (render/fit.ts dropCharts, render/run.ts withoutCharts).
import type { MetricDelta } from '../../diff/schema.js';
import { mermaidText, packageName } from '../escape.js';
import { fmtBytes } from '../format.js';
import type { PlatformReport } from '../model-schema.js';
import { kindOf, sizeFigure } from '../size-kind.js';
import type { Part } from './parts.js';

/** Most metrics in one bar chart (two bars each); the table beside it lists them all. */
export const MAX_CHART_METRICS = 8;
/** Most slices in the size pie besides "rest of the image". */
const MAX_PIE_SLICES = 8;

const FENCE_OPEN = '```mermaid\n';
const FENCE_CLOSE = '\n```';

/** The unit a throughput metric is charted in; null: not charted (loss, counts, durations). */
export function chartUnit(metric: string): string | null {
  const m = metric.toLowerCase();
  if (m.endsWith('_floor')) return null;
  if (/tflops/.test(m)) return 'TFLOP/s';
  if (/gflops/.test(m)) return 'GFLOP/s';
  if (/gbps|busbw|algbw/.test(m)) return 'GB/s';
  return null;
}

/** A plain decimal for Mermaid's number grammar (no exponent, no grouping), 6 significant digits. */
export function chartNumber(n: number): string {
  if (!Number.isFinite(n) || n === 0) return '0';
  const s = String(Number(n.toPrecision(6)));
  return s.includes('e') ? n.toFixed(20).replace(/\.?0+$/, '') : s;
}

/** A round upper bound for an axis: 843 -> 850, 0.43 -> 0.43 (two significant digits, up). */
function axisMax(n: number): number {
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.ceil(n / step - 1e-9) * step;
}

/** Labels made unique ("x", "x 2", ...): a band axis or a pie would merge equal ones. */
function unique(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.map((l) => {
    let out = l;
    for (let i = 2; seen.has(out); i++) out = `${l} ${i}`;
    seen.add(out);
    return out;
  });
}

interface BarChartSpec {
  title: string;
  unit: string;
  /** The two sides: the base branch's name and "this PR". */
  sides: readonly [string, string];
  bars: readonly { label: string; base: number; head: number }[];
}

/**
 * The bar charts' look: as tall as the bars need, the values on the bars, one colour that reads
 * with dark text on GitHub's light and dark themes alike.
 */
const barConfig = (bars: number) =>
  JSON.stringify({
    xyChart: { height: 110 + 34 * bars, showDataLabel: true },
    themeVariables: { xyChart: { plotColorPalette: '#54aeff', dataLabelColor: '#1f2328' } },
  });

/**
 * Base vs this PR, two bars per metric (base first), horizontal (names can be long), one series:
 * xychart-beta draws the bars of several series on top of each other, so the side is told by the
 * label ("bf16_tflops main", "bf16_tflops this PR"), not by a colour. Labels are clipped short:
 * Mermaid leaves out every axis label when the longest does not fit (about 45 characters).
 */
export function barChart(spec: BarChartSpec): string {
  const bars = spec.bars.slice(0, MAX_CHART_METRICS);
  const labels = unique(
    bars.flatMap((b) => spec.sides.map((side) => `${mermaidText(b.label, 24)} ${mermaidText(side, 14)}`)),
  );
  const values = bars.flatMap((b) => [b.base, b.head]);
  return [
    `%%{init: ${barConfig(values.length)}}%%`,
    'xychart-beta horizontal',
    `    title "${mermaidText(spec.title, 120)}"`,
    `    x-axis [${labels.map((l) => `"${l}"`).join(', ')}]`,
    `    y-axis "${mermaidText(spec.unit, 30)}" 0 --> ${chartNumber(axisMax(Math.max(...values) * 1.05))}`,
    `    bar [${values.map(chartNumber).join(', ')}]`,
  ].join('\n');
}

interface PieChartSpec {
  title: string;
  slices: readonly { label: string; value: number }[];
}

/** A pie with the values in its legend (showData); slices of value 0 or less are left out. */
export function pieChart(spec: PieChartSpec): string {
  const slices = spec.slices.filter((s) => s.value > 0 && Number.isFinite(s.value));
  const labels = unique(slices.map((s) => mermaidText(s.label, 60)));
  return [
    'pie showData',
    `    title ${mermaidText(spec.title, 120)}`,
    ...slices.map((s, i) => `    "${labels[i]}" : ${chartNumber(s.value)}`),
  ].join('\n');
}

const fenced = (source: string): string => `${FENCE_OPEN}${source}${FENCE_CLOSE}`;

function chartPart(label: string, charts: readonly string[], rank: number): Part | null {
  if (charts.length === 0) return null;
  return {
    label,
    text: charts.map(fenced).join('\n\n'),
    chart: true,
    dropRank: rank,
    mode: 'full',
    shown: 0,
  };
}

/** The bar charts of a platform's smoke metrics measured on both sides, one per unit. */
export function metricsChartPart(
  p: PlatformReport,
  suffix: string,
  baseRef: string,
  rank: number,
): Part | null {
  const s = p.smoke;
  if (!s || s.base === null) return null;
  const both = s.metrics.filter(
    (m): m is MetricDelta & { base: number; head: number } =>
      m.base !== null &&
      m.head !== null &&
      Number.isFinite(m.base) &&
      Number.isFinite(m.head) &&
      m.base >= 0 &&
      m.head >= 0 &&
      (m.base > 0 || m.head > 0) &&
      chartUnit(m.metric) !== null,
  );
  // A metric name measured by two tests is told apart by the test's id.
  const count = new Map<string, number>();
  for (const m of both) count.set(m.metric, (count.get(m.metric) ?? 0) + 1);
  const byUnit = new Map<string, BarChartSpec['bars'][number][]>();
  for (const m of both) {
    const unit = chartUnit(m.metric)!;
    const label = count.get(m.metric)! > 1 ? `${m.test} ${m.metric}` : m.metric;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), { label, base: m.base, head: m.head }]);
  }
  const charts = [...byUnit].map(([unit, bars]) =>
    barChart({
      title: `Smoke ${unit}, ${baseRef} vs this PR${suffix}`,
      unit,
      sides: [baseRef, 'this PR'],
      bars,
    }),
  );
  return chartPart(`smoke metrics chart${suffix}`, charts, rank);
}

/** This PR's image size by its biggest packages (pip and apt), the rest of the image as one slice. */
export function sizeChartPart(p: PlatformReport, suffix: string, rank: number): Part | null {
  const top = p.head.top;
  if (!top) return null;
  const packages = [
    ...top.pip.map((x) => ({ label: packageName(x.name), bytes: x.sizeBytes })),
    ...top.apt.map((x) => ({ label: `${packageName(x.name)} (apt)`, bytes: x.sizeBytes })),
  ]
    .filter((x) => x.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes || (a.label < b.label ? -1 : 1))
    .slice(0, MAX_PIE_SLICES);
  if (packages.length === 0) return null;
  const total = p.head.sizeBytes;
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  // The packages' sizes are unpacked: the rest of a compressed size is no part of the image.
  const kind = kindOf(p.head);
  const rest = kind === 'unpacked' ? total - packages.reduce((n, x) => n + x.bytes, 0) : 0;
  const slices = [
    ...packages.map((x) => ({ label: x.label, value: mb(x.bytes) })),
    ...(rest > 0 ? [{ label: 'rest of the image', value: mb(rest) }] : []),
  ];
  if (slices.filter((s) => s.value > 0).length === 0) return null;
  const title =
    kind === 'unpacked'
      ? `Image size ${fmtBytes(total)}${suffix}, biggest packages (MB)`
      : `Image size ${sizeFigure(total, kind)}${suffix}, biggest packages (MB, unpacked)`;
  return chartPart(`size chart${suffix}`, [pieChart({ title, slices })], rank);
}

/** The document without its charts (each is a part of its own, after a blank line). */
export function withoutCharts(markdown: string): string {
  return markdown.replace(/\n\n```mermaid\n[\s\S]*?\n```(?=\n|$)/g, '');
}
