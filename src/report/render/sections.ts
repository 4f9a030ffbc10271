// The sections of the report, each a Part: the per-platform overview table and the <details>
// tables (pip, apt, conda, environment, labels, smoke tests, smoke metrics), and the resolver's lines.
// Every value from a record is escaped here (md/html from ../escape.js).
import { HOST_COMPONENTS } from '../../diff/schema.js';
import type { ComponentId, MetricDelta, PackageChange, PackageDiff, SmokeDiff } from '../../diff/schema.js';
import { changeName, html, md, mdCode, mdLine } from '../escape.js';
import { COMPONENT_LABELS, fmtBytes, fmtInt, num, pct, plural, signed } from '../format.js';
import type { PlatformReport, SupplyChain } from '../model-schema.js';
import { kindFigure, NOT_COMPARABLE, sizeFigure } from '../size-kind.js';
import { cell, changeCell, header, kindCounts, row, smokeTally, status } from './markdown.js';
import { detailsRows, type Part, RANK, rowsPart } from './parts.js';
import { clip } from '../../util/text.js';

/** One row of the pip, apt and conda tables (artifact-fit.ts sizes the tables by it). */
export const packageRow = (c: PackageChange): string =>
  row([cell(changeName(c), 80), cell(c.from, 60), cell(c.to, 60), changeCell(c.kind, c.level)]);

export function packagePart(
  eco: 'pip' | 'apt' | 'conda',
  d: PackageDiff,
  suffix: string,
  baseLabel: string,
  rank: number,
): Part | null {
  if (d.changes.length === 0) return null;
  const noun = `${eco} package`;
  // Hidden rows by kind, from any index on: suffix counts, so trimming stays cheap.
  const kinds = ['upgraded', 'downgraded', 'changed', 'added', 'removed'] as const;
  const tail = kinds.map(() => new Array<number>(d.changes.length + 1).fill(0));
  for (let i = d.changes.length - 1; i >= 0; i--)
    kinds.forEach((k, j) => (tail[j]![i] = tail[j]![i + 1]! + (d.changes[i]!.kind === k ? 1 : 0)));
  const more = (shown: number) => {
    const parts = kinds.map((k, j) => [k, tail[j]![shown]!] as const).filter(([, n]) => n > 0);
    const only = parts.length === 1 ? `${parts[0]![0]} ` : '';
    const hidden = d.changes.length - shown;
    const detail = parts.length > 1 ? ` (${parts.map(([k, n]) => `${fmtInt(n)} ${k}`).join(', ')})` : '';
    return `\n_… and ${fmtInt(hidden)} more ${only}${hidden === 1 ? noun : `${noun}s`}${detail} (see the report artifact)_`;
  };
  const rows = d.changes.map(packageRow);
  return rowsPart(
    `${eco} table${suffix}`,
    detailsRows(
      html(`${eco}: ${kindCounts(d.changes)}${suffix}`),
      header(['Package', baseLabel, 'this PR', 'Change']),
      rows,
      more,
    ),
    rank,
  );
}

export function overviewRows(p: PlatformReport): { all: string[]; changed: string[] } {
  const all: string[] = [];
  const changed: string[] = [];
  const push = (cells: string[], isChanged: boolean) => {
    const r = row(cells);
    all.push(r);
    if (isChanged) changed.push(r);
  };
  const d = p.diff;
  const b = p.base;
  const h = p.head;
  if (d && b) {
    const s = d.size;
    const k = d.sizeKindChange;
    // Sizes of different kinds (the image store changed): each with its kind, no change shown.
    push(
      k
        ? ['Image size', kindFigure(s.base, k.from), kindFigure(s.head, k.to), NOT_COMPARABLE]
        : [
            'Image size',
            sizeFigure(s.base, b.sizeKind),
            sizeFigure(s.head, h.sizeKind),
            s.delta === 0 ? '' : `${signed(s.delta, fmtBytes)}${s.base ? ` (${pct(s.delta / s.base)})` : ''}`,
          ],
      !!k || s.delta !== 0,
    );
    push(
      [
        'Layers',
        fmtInt(d.layers.base),
        fmtInt(d.layers.head),
        d.layers.delta ? signed(d.layers.delta, fmtInt) : '',
      ],
      d.layers.delta !== 0,
    );
    for (const eco of ['pip', 'apt', 'conda'] as const) {
      const x = d[eco];
      // conda: only where a record has conda packages (a conda-based image).
      if (!x) continue;
      push(
        [`${eco} packages`, fmtInt(x.baseCount), fmtInt(x.headCount), kindCounts(x.changes)],
        x.changes.length > 0,
      );
    }
    for (const c of d.components) {
      if (c.from === null && c.to === null) continue;
      const note = c.changed ? `${changeCell(c.direction, c.level)}${c.host ? ' (runner)' : ''}` : '';
      push([COMPONENT_LABELS[c.id], cell(c.from, 60), cell(c.to, 60), note], c.changed);
    }
    if (p.smoke) {
      const s = p.smoke;
      const notes = [
        s.regressions ? `❌ ${plural(s.regressions, 'regression')}` : '',
        s.failing - s.regressions > 0 ? `❌ ${fmtInt(s.failing - s.regressions)} failing` : '',
        s.metricRegressions ? `⚠️ ${plural(s.metricRegressions, 'metric regression')}` : '',
        s.fixed ? `✅ ${fmtInt(s.fixed)} fixed` : '',
      ].filter(Boolean);
      push(['Smoke tests', smokeTally(s.base), smokeTally(s.head), notes.join(' · ')], notes.length > 0);
    }
  } else {
    push(['Image size', sizeFigure(h.sizeBytes, h.sizeKind)], true);
    push(['Layers', fmtInt(h.layers)], true);
    push(['pip packages', fmtInt(h.pipCount)], true);
    push(['apt packages', fmtInt(h.aptCount)], true);
    for (const [id, v] of Object.entries(h.components) as [ComponentId, string | null][])
      if (v !== null)
        push([`${COMPONENT_LABELS[id]}${HOST_COMPONENTS.has(id) ? ' (runner)' : ''}`, cell(v, 60)], true);
    if (p.smoke) push(['Smoke tests', smokeTally(p.smoke.head)], true);
  }
  return { all, changed };
}

export function overviewPart(
  p: PlatformReport,
  names: string | null,
  baseLabel: string,
  index: number,
): Part {
  const title = names !== null ? `#### ${md(names, 200)}\n\n` : '';
  const cols = p.diff ? ['', baseLabel, 'this PR', 'Change'] : ['', 'this PR'];
  const { all, changed } = overviewRows(p);
  const table = (rows: string[]) => `${title}${header(cols)}\n${rows.join('\n')}`;
  const short = changed.length > 0 ? table(changed) : `${title}_No changes._`;
  return {
    label: `overview${names !== null ? ` (${names})` : ''}`,
    text: table(all),
    short,
    shortRank: RANK.overviewShort - index / 100,
    dropRank: RANK.overview - index / 100,
    mode: 'full',
    shown: 0,
  };
}

export function envPart(p: PlatformReport, suffix: string, baseLabel: string, rank: number): Part | null {
  const e = p.diff?.env;
  if (!e || (e.changes.length === 0 && !e.redactedBoth)) return null;
  const masked = `_${plural(e.redactedBoth, 'variable')} redacted on both sides: their values are not compared._`;
  // Nothing else changed: the note alone, so that no one reads "no changes" as "none possible".
  if (e.changes.length === 0)
    return {
      label: `environment table${suffix}`,
      // SUFFIX holds the platforms' names as they are (the other parts escape it as they put it in).
      text: `Environment variables${suffix && ` (${md(suffix.slice(2, -1), 200)})`}: ${masked}`,
      dropRank: rank,
      mode: 'full',
      shown: 0,
    };
  const intro = e.redactedBoth ? `${masked}\n\n` : '';
  const rows = e.changes.map((c) => row([cell(c.name, 80), cell(c.from, 120), cell(c.to, 120)]));
  return rowsPart(
    `environment table${suffix}`,
    detailsRows(
      html(`Environment variables: ${plural(e.changes.length, 'change')}${suffix}`),
      header(['Variable', baseLabel, 'this PR']),
      rows,
      (shown) => `\n_… and ${fmtInt(rows.length - shown)} more (see the report artifact)_`,
      intro,
    ),
    rank,
  );
}

export function labelsPart(p: PlatformReport, suffix: string, baseLabel: string, rank: number): Part | null {
  const l = p.diff?.labels;
  if (!l || l.changes.length === 0) return null;
  const volatile = l.changes.filter((c) => c.volatile).length;
  const rows = l.changes.map((c) =>
    row([cell(c.name, 80), cell(c.from, 120), cell(c.to, 120), c.volatile ? 'changes every build' : '']),
  );
  const counts = `${plural(l.changes.length - volatile, 'change')}${volatile ? `, ${fmtInt(volatile)} volatile` : ''}`;
  return rowsPart(
    `labels table${suffix}`,
    detailsRows(
      html(`Labels: ${counts}${suffix}`),
      header(['Label', baseLabel, 'this PR', '']),
      rows,
      (shown) => `\n_… and ${fmtInt(rows.length - shown)} more (see the report artifact)_`,
    ),
    rank,
  );
}

export function testsPart(p: PlatformReport, suffix: string, baseLabel: string, rank: number): Part | null {
  const s = p.smoke;
  if (!s || s.tests.length === 0) return null;
  const hasBase = s.base !== null;
  // Regressions and failures first: they are what a reviewer looks for.
  const order = (t: SmokeDiff['tests'][number]) => (t.regression ? 0 : t.to === 'fail' ? 1 : t.fixed ? 2 : 3);
  const tests = [...s.tests].sort((a, b) => order(a) - order(b));
  const rows = tests.map((t) => {
    const note = [
      t.regression ? '**regression**' : t.fixed ? 'fixed' : '',
      t.reason ? md(t.reason, 200) : '',
      t.cause ? md(t.cause, 300) : '',
      t.note ? md(t.note, 200) : '',
    ]
      .filter(Boolean)
      .join(' — ');
    return row(
      hasBase ? [cell(t.id, 60), status(t.from), status(t.to), note] : [cell(t.id, 60), status(t.to), note],
    );
  });
  const counts = [
    smokeTally(s.head),
    s.regressions ? plural(s.regressions, 'regression') : '',
    s.fixed ? `${fmtInt(s.fixed)} fixed` : '',
    s.ranOn ? `ran on ${clip(s.ranOn, 120)}` : '',
    s.stopped ? `stopped before every test ran: ${clip(s.stopped, 200)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return rowsPart(
    `smoke tests table${suffix}`,
    detailsRows(
      html(`Smoke tests: ${counts}${suffix}`),
      header(hasBase ? ['Test', baseLabel, 'this PR', ''] : ['Test', 'this PR', '']),
      rows,
      (shown) => `\n_… and ${fmtInt(rows.length - shown)} more tests (see the report artifact)_`,
    ),
    rank,
  );
}

function metricNote(m: MetricDelta, threshold: number): string {
  if (m.base === null || m.head === null) return m.base === null ? 'new' : 'gone';
  const rel = m.relative !== null ? pct(m.relative) : signed(m.head - m.base, num);
  if (m.regression) return `${rel} ⚠️ worse than ${Math.round(threshold * 100)}%`;
  if (m.improved) return `${rel} better`;
  return m.head === m.base ? '' : rel;
}

export function metricsPart(p: PlatformReport, suffix: string, baseLabel: string, rank: number): Part | null {
  const s = p.smoke;
  if (!s || s.metrics.length === 0) return null;
  const hasBase = s.base !== null;
  const metrics = [...s.metrics].sort((a, b) => Number(b.regression) - Number(a.regression));
  const val = (v: number | null, metric: string) =>
    v === null ? '—' : metric === 'durationMs' ? `${num(v / 1000)} s` : num(v);
  // This PR's value against the floor it was judged by: "680.9 (floor 545.8, 1.25x)".
  const headVal = (m: MetricDelta) =>
    m.head === null || m.floor === undefined || m.floor <= 0
      ? val(m.head, m.metric)
      : `${num(m.head)} (floor ${num(m.floor)}, ${(m.head / m.floor).toFixed(2)}x${m.head < m.floor ? ' ⚠️ below' : ''})`;
  const name = (m: string) => (m === 'durationMs' ? 'duration' : m);
  const rows = metrics.map((m) =>
    row(
      hasBase
        ? [
            cell(m.test, 60),
            cell(name(m.metric), 60),
            val(m.base, m.metric),
            headVal(m),
            metricNote(m, s.threshold),
          ]
        : [cell(m.test, 60), cell(name(m.metric), 60), headVal(m)],
    ),
  );
  return rowsPart(
    `smoke metrics table${suffix}`,
    detailsRows(
      html(
        `Smoke metrics: ${plural(s.metrics.length, 'value')}${s.metricRegressions ? `, ${plural(s.metricRegressions, 'regression')}` : ''}${suffix}`,
      ),
      header(hasBase ? ['Test', 'Metric', baseLabel, 'this PR', 'Change'] : ['Test', 'Metric', 'this PR']),
      rows,
      (shown) => `\n_… and ${fmtInt(rows.length - shown)} more values (see the report artifact)_`,
    ),
    rank,
  );
}

export function resolutionPart(lines: readonly string[]): Part | null {
  if (lines.length === 0) return null;
  const rows = lines.map((l) => `- ${mdLine(l, 500)}`);
  return rowsPart(
    'dependency resolution',
    {
      head: `<details><summary>${html(`Dependency resolution: ${plural(lines.length, 'line')}`)}</summary>\n\n`,
      rows,
      more: (shown) => `\n_… and ${fmtInt(rows.length - shown)} more lines (see the report artifact)_`,
      tail: '\n</details>',
    },
    RANK.resolution,
  );
}

/** A verify command is shown only when it is ours through and through (no value can end the block). */
const SAFE_COMMAND = /^cosign [A-Za-z0-9_./:=@,+'^\\ -]+$/;

/** What was attested and signed, per platform, with the command that checks each attestation. */
export function supplyChainPart(sc: SupplyChain | undefined): Part | null {
  if (!sc || sc.targets.length === 0) return null;
  const signed = sc.targets.filter((t) => t.signed).length;
  const rows = sc.targets.flatMap((t) => {
    const attached = t.attestations.filter((a) => a.attached).map((a) => a.kind);
    const written = t.attestations.filter((a) => !a.attached).map((a) => a.kind);
    const what = [
      t.signed ? 'signed' : 'not signed',
      attached.length > 0 ? `attached: ${attached.join(', ')}` : '',
      written.length > 0 ? `written to the result directory only: ${written.join(', ')}` : '',
      ...t.notes,
    ].filter(Boolean);
    const commands = t.attestations
      .map((a) => a.verify)
      .filter((c): c is string => c !== undefined && SAFE_COMMAND.test(c) && !c.includes('`'));
    return [
      `- ${md(t.platform, 40)} (${mdCode(t.ref, 300)}): ${md(what.join('; '), 600)}`,
      ...(commands.length > 0 ? [`  \`\`\`sh\n${commands.map((c) => `  ${c}`).join('\n')}\n  \`\`\``] : []),
    ];
  });
  return rowsPart(
    'supply chain',
    {
      head: `<details><summary>${html(`Supply chain: ${signed === sc.targets.length ? 'signed' : signed === 0 ? 'not signed' : `${signed} of ${sc.targets.length} signed`} (${plural(sc.targets.length, 'platform image')})`)}</summary>\n\n${md(sc.signing, 400)}\n\n`,
      rows,
      more: (shown) => `\n_… and ${fmtInt(rows.length - shown)} more lines (see attest.json)_`,
      tail: '\n</details>',
    },
    RANK.supplyChain,
  );
}
