// The report as a list of parts in reading order: heading, intro, one overview per group of
// platforms, the <details> sections platform by platform (a chart before the smoke metrics and the
// biggest packages when there is something to chart), the resolution, the links.
import { md, mdLine, safeUrl } from '../escape.js';
import type { PlatformReport, ReportModel } from '../model-schema.js';
import { metricsChartPart, sizeChartPart } from './charts.js';
import { shortSha } from './markdown.js';
import { type Part, RANK, textPart } from './parts.js';
import {
  envPart,
  labelsPart,
  metricsPart,
  overviewPart,
  overviewRows,
  packagePart,
  resolutionPart,
  supplyChainPart,
  testsPart,
} from './sections.js';
import { sizeChangePart, sizeTopPart } from './size.js';

function introText(model: ReportModel): string {
  const head = [model.head.ref ? mdLine(model.head.ref, 80) : '', shortSha(model.head.sha)]
    .filter(Boolean)
    .join(' @ ');
  const thisPr = `this PR${head ? ` (${head})` : ''}`;
  if (!model.platforms.some((p) => p.diff)) {
    const why = model.noBaselineReason
      ? md(model.noBaselineReason, 300)
      : model.baseline
        ? `no record of ${mdLine(model.baseline.ref, 80)} yet`
        : 'no base branch to compare with';
    return `No diff for ${thisPr}: ${why}. The environment of this build:`;
  }
  const base = model.baseline;
  const baseText = base
    ? `${mdLine(base.ref, 80)}${base.sha ? ` @ ${shortSha(base.sha)}` : ''}`
    : 'the baseline records';
  // A pull request into a branch without baselines (only the default branch saves them).
  const fallback = base?.noRecordOf
    ? `: no record of ${mdLine(base.noRecordOf, 80)} (baselines are saved for the default branch only)`
    : '';
  return `Comparing ${thisPr} with ${baseText}${fallback}.`;
}

function linksText(model: ReportModel): string {
  const links: string[] = [];
  const run = model.links.run ? safeUrl(model.links.run) : null;
  const artifact = model.links.artifact ? safeUrl(model.links.artifact) : null;
  if (run) links.push(`[Workflow run](${run})`);
  if (artifact) links.push(`[Report artifact](${artifact})`);
  links.push(`ml-image-action ${md(model.tool.version, 30)}`);
  return links.join(' · ');
}

/**
 * Platforms whose section would say the same thing share one section (a multi-arch image usually
 * has the same packages on amd64 and arm64): key -> the platforms, in model order.
 */
function groups(
  platforms: readonly PlatformReport[],
  keyOf: (p: PlatformReport) => string | null,
): { first: PlatformReport; index: number; names: string[] }[] {
  const out = new Map<string, { first: PlatformReport; index: number; names: string[] }>();
  platforms.forEach((p, index) => {
    const key = keyOf(p);
    if (key === null) return;
    const g = out.get(key);
    if (g) g.names.push(p.platform);
    else out.set(key, { first: p, index, names: [p.platform] });
  });
  return [...out.values()];
}

type SectionBuilder = (p: PlatformReport, suffix: string, baseLabel: string, rank: number) => Part | null;

export function buildParts(model: ReportModel): Part[] {
  const multi = model.platforms.length > 1;
  const baseLabel = model.baseline ? md(model.baseline.ref, 40) : 'base';
  const parts: Part[] = [
    textPart(
      'heading',
      `### 🐳 ml-image report: ${md(model.image, 100)} (${md(model.variant, 40)})`,
      RANK.heading,
    ),
    textPart('intro', introText(model), RANK.intro),
  ];
  for (const g of groups(model.platforms, (p) => `${!!p.diff}\u0000${overviewRows(p).all.join('\n')}`))
    parts.push(overviewPart(g.first, multi ? g.names.join(', ') : null, baseLabel, g.index));
  // Grouping only matters with several platforms (and JSON of 5,000 rows is not free).
  const json = (v: unknown) => (v === null || v === undefined ? null : multi ? JSON.stringify(v) : '');
  const sections: [SectionBuilder, (p: PlatformReport) => string | null, number][] = [
    [(p, ...a) => p.diff && packagePart('pip', p.diff.pip, ...a), (p) => json(p.diff?.pip.changes), RANK.pip],
    [(p, ...a) => p.diff && packagePart('apt', p.diff.apt, ...a), (p) => json(p.diff?.apt.changes), RANK.apt],
    [
      (p, ...a) => (p.diff?.conda ? packagePart('conda', p.diff.conda, ...a) : null),
      (p) => json(p.diff?.conda?.changes),
      RANK.conda,
    ],
    [envPart, (p) => json(p.diff?.env), RANK.env],
    [labelsPart, (p) => json(p.diff?.labels.changes), RANK.labels],
    [
      testsPart,
      (p) => json(p.smoke && [p.smoke.base, p.smoke.head, p.smoke.tests, p.smoke.ranOn, p.smoke.stopped]),
      RANK.tests,
    ],
    // Each chart just before the table with its figures (a part of its own: dropped first).
    [
      (p, suffix, _base, rank) => metricsChartPart(p, suffix, model.baseline?.ref ?? 'base', rank),
      (p) => json(p.smoke && [p.smoke.base !== null, p.smoke.metrics]),
      RANK.charts,
    ],
    [metricsPart, (p) => json(p.smoke && [p.smoke.base !== null, p.smoke.metrics]), RANK.metrics],
    [
      (p, ...a) => sizeChangePart(p, model.sizeBudget, ...a),
      (p) => json(p.diff && [p.diff.size, p.diff.sizeKindChange, p.diff.sizeExplanation, p.head.sizeBytes]),
      RANK.size,
    ],
    [
      (p, suffix, _base, rank) => sizeChartPart(p, suffix, rank),
      (p) => json(p.head.top && [p.head.top, p.head.sizeBytes, p.head.sizeKind]),
      RANK.charts,
    ],
    [
      (p, suffix, _base, rank) => sizeTopPart(p, model.sizeBudget, suffix, rank),
      (p) => json(p.head.top && [p.head.top, p.head.sizeBytes, p.head.sizeKind, !!p.diff]),
      RANK.sizeTop,
    ],
  ];
  const details: { part: Part; order: number }[] = [];
  for (const [build, key, rank] of sections)
    for (const g of groups(model.platforms, key)) {
      // Later platforms are dropped first within a rank.
      const part = build(g.first, multi ? ` (${g.names.join(', ')})` : '', baseLabel, rank - g.index / 100);
      if (part) details.push({ part, order: g.index });
    }
  // Reading order: platform by platform, pip before apt before conda before env ...
  details.sort((a, b) => a.order - b.order);
  parts.push(...details.map((d) => d.part));
  const resolution = resolutionPart(model.resolution);
  if (resolution) parts.push(resolution);
  const supplyChain = supplyChainPart(model.supplyChain);
  if (supplyChain) parts.push(supplyChain);
  parts.push(textPart('links', linksText(model), RANK.links));
  return parts;
}
