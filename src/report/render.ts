// The ONE Markdown renderer: the sticky PR comment and the job summary are the same document.
// Layout: marker (first line, hidden), heading, verdict, intro, per-platform overview tables,
// <details> sections (pip, apt, env, labels, smoke), resolution, links. Every value is escaped here
// (src/report/escape.ts) and the document never exceeds maxChars: detail tables are trimmed first
// (the biggest first), then detail sections dropped, then the overview shortened; the marker and
// the verdict always stay, and what was left out is listed.
import type {
  ComponentChange,
  ComponentId,
  MetricDelta,
  PackageChange,
  PackageDiff,
  SmokeDiff,
} from '../diff/schema.js';
import { HOST_COMPONENTS } from '../diff/diff.js';
import { InputError } from '../errors.js';
import { clip, html, markerKey, md, safeUrl } from './escape.js';
import type { PlatformReport, ReportModel } from './model.js';

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

// ---- formatting ----

const int = new Intl.NumberFormat('en-US');
const fmtInt = (n: number) => int.format(n);

export function fmtBytes(n: number): string {
  const a = Math.abs(n);
  const [div, unit, digits] =
    a >= 1e9 ? [1e9, 'GB', 2] : a >= 1e6 ? [1e6, 'MB', 1] : a >= 1e3 ? [1e3, 'kB', 1] : [1, 'B', 0];
  return `${(n / div).toFixed(digits)} ${unit}`;
}

const signed = (n: number, f: (x: number) => string) => (n > 0 ? `+${f(n)}` : n < 0 ? `−${f(-n)}` : '±0');
const pct = (r: number) => `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r * 100).toFixed(1)}%`;

/** Up to 4 significant digits, without exponent noise. */
function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return fmtInt(n);
  return String(Number(n.toPrecision(4)));
}

const COMPONENT_LABELS: Record<ComponentId, string> = {
  os: 'OS',
  glibc: 'glibc',
  python: 'Python',
  torch: 'torch',
  torchCuda: 'torch CUDA build',
  numpy: 'NumPy',
  cuda: 'CUDA runtime',
  cudnn: 'cuDNN',
  nccl: 'NCCL',
  driverMaxCuda: 'Driver max CUDA',
  driver: 'NVIDIA driver',
  gpus: 'GPUs',
};

const STATUS = { pass: '✅ pass', fail: '❌ fail', skip: '⏭️ skip' } as const;
const status = (s: keyof typeof STATUS | null) => (s ? STATUS[s] : '—');
const cell = (v: string | null | undefined, max = 100) =>
  v === null || v === undefined || v === '' ? '—' : md(v, max);
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const header = (cells: readonly string[]) => `${row(cells)}\n|${cells.map(() => '---').join('|')}|`;

function changeCell(
  kind: PackageChange['kind'] | ComponentChange['direction'],
  level: string | null,
): string {
  switch (kind) {
    case 'upgraded':
    case 'up':
      return `⬆️ ${level ?? 'upgrade'}`;
    case 'downgraded':
    case 'down':
      return `⬇️ ${level ?? 'downgrade'}`;
    case 'added':
      return '➕ added';
    case 'removed':
      return '➖ removed';
    case 'changed':
      return '✏️ changed';
    default:
      return '';
  }
}

function smokeTally(s: { pass: number; fail: number; skip: number } | null): string {
  if (!s) return '—';
  const parts = [`${s.pass} pass`];
  if (s.fail) parts.push(`${s.fail} fail`);
  if (s.skip) parts.push(`${s.skip} skip`);
  return parts.join(' · ');
}

function kindCounts(changes: readonly PackageChange[]): string {
  const c = { upgraded: 0, downgraded: 0, added: 0, removed: 0 };
  for (const x of changes) c[x.kind]++;
  return (Object.keys(c) as (keyof typeof c)[])
    .filter((k) => c[k] > 0)
    .map((k) => `${fmtInt(c[k])} ${k}`)
    .join(' · ');
}

// ---- verdict ----

type Severity = 0 | 1 | 2; // info, warning, failure
interface Finding {
  text: string;
  severity: Severity;
}

const VERDICT_COMPONENTS: readonly ComponentId[] = [
  'numpy',
  'torch',
  'cuda',
  'python',
  'cudnn',
  'nccl',
  'glibc',
  'os',
  'torchCuda',
];

const plural = (n: number, one: string, many = `${one}s`) => `${fmtInt(n)} ${n === 1 ? one : many}`;

function findings(model: ReportModel): { emoji: string; items: Finding[] } {
  const items: Finding[] = [];
  const add = (f: Finding) => {
    // Values come from the image: a 1,000-character version must not crowd out the rest.
    const text = clip(f.text, 120);
    if (!items.some((i) => i.text === text)) items.push({ ...f, text });
  };
  const withDiff = model.platforms.filter((p) => p.diff);
  const smoke = model.platforms.map((p) => p.smoke).filter((s): s is SmokeDiff => !!s);
  if (withDiff.length === 0) {
    const reason = model.noBaselineReason?.trim();
    const text = reason
      ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)} — environment summary below`
      : model.baseline
        ? `First run: no baseline for ${model.baseline.ref} yet — environment summary below`
        : 'No baseline to compare with — environment summary below';
    const failing = new Set(smoke.flatMap((s) => s.tests.filter((t) => t.to === 'fail').map((t) => t.id)))
      .size;
    if (failing) add({ text: `${plural(failing, 'smoke test')} failing`, severity: 2 });
    return { emoji: failing ? '❌' : 'ℹ️', items: [{ text: clip(text, 160), severity: 0 }, ...items] };
  }
  for (const p of model.platforms.filter((x) => !x.diff))
    add({ text: `no baseline for ${p.platform}`, severity: 0 });
  for (const id of VERDICT_COMPONENTS) {
    for (const p of withDiff) {
      const c = p.diff!.components.find((x) => x.id === id);
      if (!c?.changed || c.host) continue;
      if (id === 'torchCuda' && p.diff!.components.find((x) => x.id === 'torch')?.changed) continue;
      const level = c.level ? ` (${c.level}${c.direction === 'down' ? ', downgrade' : ''})` : '';
      const severity: Severity = c.level === 'major' || c.direction === 'down' || !c.from || !c.to ? 1 : 0;
      add({ text: `${COMPONENT_LABELS[id]} ${c.from ?? 'none'} → ${c.to ?? 'none'}${level}`, severity });
    }
  }
  // The same test regressing on two platforms is one regression to look at.
  const distinct = (pick: (s: SmokeDiff) => string[]) => new Set(smoke.flatMap(pick)).size;
  const regressions = distinct((s) => s.tests.filter((t) => t.regression).map((t) => t.id));
  const failing = distinct((s) => s.tests.filter((t) => t.to === 'fail' && !t.regression).map((t) => t.id));
  const metricRegressions = distinct((s) =>
    s.metrics.filter((m) => m.regression).map((m) => `${m.test}\u0000${m.metric}`),
  );
  const fixed = distinct((s) => s.tests.filter((t) => t.fixed).map((t) => t.id));
  if (regressions) add({ text: plural(regressions, 'smoke regression'), severity: 2 });
  if (failing > 0) add({ text: `${plural(failing, 'smoke test')} failing`, severity: 2 });
  if (metricRegressions) add({ text: plural(metricRegressions, 'metric regression'), severity: 1 });
  if (fixed) add({ text: `${plural(fixed, 'smoke test')} fixed`, severity: 0 });
  const pkgs = (eco: 'pip' | 'apt') => {
    // The same change on several platforms counts once.
    const list =
      withDiff.length === 1
        ? withDiff[0]!.diff![eco].changes
        : [
            ...new Map(
              withDiff
                .flatMap((p) => p.diff![eco].changes)
                .map((c) => [`${c.kind}\u0000${c.name}\u0000${c.from}\u0000${c.to}`, c]),
            ).values(),
          ];
    if (!list.length) return;
    const major = list.filter((c) => c.level === 'major').length;
    const risky = major > 0 || list.some((c) => c.kind === 'downgraded' || c.kind === 'removed');
    add({
      text: `${plural(list.length, `${eco} change`)}${major ? ` (${fmtInt(major)} major)` : ''}`,
      severity: risky ? 1 : 0,
    });
  };
  pkgs('pip');
  pkgs('apt');
  const env = Math.max(...withDiff.map((p) => p.diff!.env.changes.length));
  if (env) add({ text: plural(env, 'env change'), severity: 0 });
  const labels = Math.max(...withDiff.map((p) => p.diff!.labels.changes.filter((c) => !c.volatile).length));
  if (labels) add({ text: plural(labels, 'label change'), severity: 0 });
  for (const p of withDiff) {
    const s = p.diff!.size;
    if (s.base > 0 && Math.abs(s.delta) / s.base >= 0.05)
      add({
        text: `image ${signed(s.delta, fmtBytes)} (${pct(s.delta / s.base)})${withDiff.length > 1 ? ` on ${p.platform}` : ''}`,
        severity: 0,
      });
  }
  if (items.length === 0) return { emoji: '✅', items: [{ text: 'No environment changes', severity: 0 }] };
  const worst = Math.max(...items.map((i) => i.severity));
  return { emoji: worst === 2 ? '❌' : worst === 1 ? '⚠️' : '🔄', items };
}

/** The verdict in at most maxLen characters: the most severe findings first, then "+N more". */
function verdictText(model: ReportModel, maxLen: number): string {
  const { emoji, items } = findings(model);
  const bySeverity = items.map((f, i) => ({ ...f, i })).sort((a, b) => b.severity - a.severity || a.i - b.i);
  const chosen: typeof bySeverity = [];
  const text = (list: typeof bySeverity) => {
    const shown = [...list].sort((a, b) => a.i - b.i).map((f) => f.text);
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

// ---- parts: the document is a list of parts that can be trimmed, shortened or dropped ----

interface Rows {
  head: string;
  rows: string[];
  /** The line after a trimmed list: "… and N more …" for the hidden rows from index `shown`. */
  more: (shown: number) => string;
  tail: string;
  /** Prefix sums of row lengths (+1 for the newline), filled on first use. */
  prefix?: number[];
}

interface Part {
  label: string;
  /** Lower is dropped first; undefined: never dropped. */
  dropRank?: number;
  /** Rank at which `short` replaces the full text. */
  shortRank?: number;
  text?: string;
  rows?: Rows;
  short?: string;
  mode: 'full' | 'short' | 'dropped';
  shown: number;
}

const MIN_ROWS = 10;

function rowsSize(r: Rows, shown: number): number {
  if (!r.prefix) {
    r.prefix = [0];
    for (const x of r.rows) r.prefix.push(r.prefix.at(-1)! + x.length + 1);
  }
  const hidden = r.rows.length - shown;
  return r.head.length + r.prefix[shown]! + (hidden > 0 ? r.more(shown).length + 1 : 0) + r.tail.length;
}

function rowsText(r: Rows, shown: number): string {
  const hidden = r.rows.length - shown;
  const body = r.rows.slice(0, shown).join('\n');
  return `${r.head}${body}${body ? '\n' : ''}${hidden > 0 ? `${r.more(shown)}\n` : ''}${r.tail}`;
}

function partSize(p: Part): number {
  if (p.mode === 'dropped') return 0;
  if (p.mode === 'short') return p.short!.length;
  return p.rows ? rowsSize(p.rows, p.shown) : p.text!.length;
}

function partText(p: Part): string {
  if (p.mode === 'dropped') return '';
  if (p.mode === 'short') return p.short!;
  return p.rows ? rowsText(p.rows, p.shown) : p.text!;
}

const textPart = (label: string, text: string, dropRank?: number): Part => ({
  label,
  text,
  mode: 'full',
  shown: 0,
  ...(dropRank !== undefined && { dropRank }),
});

function rowsPart(label: string, rows: Rows, dropRank: number): Part {
  return { label, rows, dropRank, mode: 'full', shown: rows.rows.length };
}

/** A <details> block around a table; the "more" line sits between the table and </details>. */
function detailsRows(
  summary: string,
  tableHead: string,
  rows: string[],
  more: Rows['more'],
  intro = '',
): Rows {
  return {
    head: `<details><summary>${summary}</summary>\n\n${intro}${tableHead}\n`,
    rows,
    more,
    tail: '\n</details>',
  };
}

// Drop order (lower first); platforms later in the list go first within a rank.
const RANK = {
  labels: 10,
  env: 20,
  apt: 30,
  metrics: 40,
  pip: 50,
  tests: 60,
  resolution: 70,
  intro: 75,
  overviewShort: 80,
  links: 85,
  overview: 90,
  heading: 98,
} as const;

function packagePart(
  eco: 'pip' | 'apt',
  d: PackageDiff,
  suffix: string,
  baseLabel: string,
  rank: number,
): Part | null {
  if (d.changes.length === 0) return null;
  const noun = eco === 'pip' ? 'pip package' : 'apt package';
  // Hidden rows by kind, from any index on: suffix counts, so trimming stays cheap.
  const kinds = ['upgraded', 'downgraded', 'added', 'removed'] as const;
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
  const rows = d.changes.map((c) =>
    row([cell(c.name, 80), cell(c.from, 60), cell(c.to, 60), changeCell(c.kind, c.level)]),
  );
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

function overviewRows(p: PlatformReport): { all: string[]; changed: string[] } {
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
    push(
      [
        'Image size',
        fmtBytes(s.base),
        fmtBytes(s.head),
        s.delta === 0 ? '' : `${signed(s.delta, fmtBytes)}${s.base ? ` (${pct(s.delta / s.base)})` : ''}`,
      ],
      s.delta !== 0,
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
    for (const eco of ['pip', 'apt'] as const) {
      const x = d[eco];
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
    push(['Image size', fmtBytes(h.sizeBytes)], true);
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

function overviewPart(p: PlatformReport, names: string | null, baseLabel: string, index: number): Part {
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

function envPart(p: PlatformReport, suffix: string, baseLabel: string, rank: number): Part | null {
  const e = p.diff?.env;
  if (!e || e.changes.length === 0) return null;
  const intro = e.redactedBoth
    ? `_${plural(e.redactedBoth, 'variable')} redacted on both sides: their values are not compared._\n\n`
    : '';
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

function labelsPart(p: PlatformReport, suffix: string, baseLabel: string, rank: number): Part | null {
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

function testsPart(p: PlatformReport, suffix: string, baseLabel: string, rank: number): Part | null {
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

function metricsPart(p: PlatformReport, suffix: string, baseLabel: string, rank: number): Part | null {
  const s = p.smoke;
  if (!s || s.metrics.length === 0) return null;
  const hasBase = s.base !== null;
  const metrics = [...s.metrics].sort((a, b) => Number(b.regression) - Number(a.regression));
  const val = (v: number | null, metric: string) =>
    v === null ? '—' : metric === 'durationMs' ? `${num(v / 1000)} s` : num(v);
  const name = (m: string) => (m === 'durationMs' ? 'duration' : m);
  const rows = metrics.map((m) =>
    row(
      hasBase
        ? [
            cell(m.test, 60),
            cell(name(m.metric), 60),
            val(m.base, m.metric),
            val(m.head, m.metric),
            metricNote(m, s.threshold),
          ]
        : [cell(m.test, 60), cell(name(m.metric), 60), val(m.head, m.metric)],
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

function shortSha(sha: string | undefined): string {
  return sha ? md(sha.slice(0, 7), 7) : '';
}

function introText(model: ReportModel): string {
  const head = [model.head.ref ? md(model.head.ref, 80) : '', shortSha(model.head.sha)]
    .filter(Boolean)
    .join(' @ ');
  const thisPr = `this PR${head ? ` (${head})` : ''}`;
  if (!model.platforms.some((p) => p.diff)) {
    const why = model.noBaselineReason
      ? md(model.noBaselineReason, 300)
      : model.baseline
        ? `no record of ${md(model.baseline.ref, 80)} yet`
        : 'no base branch to compare with';
    return `No diff for ${thisPr}: ${why}. The environment of this build:`;
  }
  const base = model.baseline;
  const baseText = base
    ? `${md(base.ref, 80)}${base.sha ? ` @ ${shortSha(base.sha)}` : ''}`
    : 'the baseline records';
  return `Comparing ${thisPr} with ${baseText}.`;
}

function resolutionPart(lines: readonly string[]): Part | null {
  if (lines.length === 0) return null;
  const rows = lines.map((l) => `- ${md(l, 500)}`);
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

function buildParts(model: ReportModel): Part[] {
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
    [envPart, (p) => json(p.diff?.env), RANK.env],
    [labelsPart, (p) => json(p.diff?.labels.changes), RANK.labels],
    [testsPart, (p) => json(p.smoke && [p.smoke.base, p.smoke.head, p.smoke.tests]), RANK.tests],
    [metricsPart, (p) => json(p.smoke && [p.smoke.base !== null, p.smoke.metrics]), RANK.metrics],
  ];
  const details: Part[] = [];
  for (const [build, key, rank] of sections)
    for (const g of groups(model.platforms, key)) {
      // Later platforms are dropped first within a rank.
      const part = build(g.first, multi ? ` (${g.names.join(', ')})` : '', baseLabel, rank - g.index / 100);
      if (part) details.push(Object.assign(part, { order: g.index }));
    }
  // Reading order: platform by platform, pip before apt before env ...
  details.sort((a, b) => (a as Ordered).order - (b as Ordered).order);
  parts.push(...details);
  const resolution = resolutionPart(model.resolution);
  if (resolution) parts.push(resolution);
  parts.push(textPart('links', linksText(model), RANK.links));
  return parts;
}

type Ordered = Part & { order: number };

// ---- fitting ----

const SEP = '\n\n';

function omittedOf(parts: readonly Part[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
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

const TRUNCATED_NOTE = (maxChars: number) =>
  `_Report truncated to fit ${fmtInt(maxChars)} characters: see the report artifact._`;

export function renderReport(model: ReportModel, opts: { maxChars?: number } = {}): RenderResult {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isFinite(maxChars) || maxChars < MIN_MAX_CHARS)
    throw new InputError(`report: maxChars must be at least ${MIN_MAX_CHARS}, got ${maxChars}`);
  const marker = markerFor(model.markerKey);
  const verdict = verdictText(model, 240);
  const verdictLine = `**${md(verdict)}**`;
  const parts = buildParts(model);

  const body = (withNote: boolean) => {
    const texts = parts.map(partText).filter(Boolean);
    const omitted = omittedOf(parts);
    const note = withNote ? noteText(omitted, maxChars) : '';
    const [heading, ...rest] = texts;
    const head = parts[0]!.mode === 'dropped' ? [verdictLine, ...texts] : [heading!, verdictLine, ...rest];
    return { text: [...head, ...(note ? [note] : [])].join(SEP), omitted };
  };
  const size = () => {
    let n = marker.length + 1 + verdictLine.length;
    let count = 1;
    for (const p of parts) {
      const s = partSize(p);
      if (s > 0) {
        n += s;
        count++;
      }
    }
    const note = noteText(omittedOf(parts), maxChars);
    if (note) {
      n += note.length;
      count++;
    }
    return n + SEP.length * (count - 1);
  };
  const done = (): RenderResult => {
    const { text, omitted } = body(true);
    return { markdown: `${marker}\n${text}\n`, marker, verdict, omitted };
  };
  // The trailing newline of done() counts too.
  const budget = maxChars - 1;
  const fitsBudget = () => size() <= budget;
  if (fitsBudget()) return done();

  // 1. Trim the biggest tables first: find the largest per-table size cap C that fits.
  const tables = parts.filter((p) => p.rows && p.rows.rows.length > MIN_ROWS);
  const shownFor = (p: Part, cap: number) => {
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
  };
  if (tables.length > 0) {
    const apply = (cap: number) => tables.forEach((p) => (p.shown = shownFor(p, cap)));
    let lo = 0;
    let hi = Math.max(...tables.map((p) => rowsSize(p.rows!, p.rows!.rows.length)));
    apply(lo);
    if (fitsBudget()) {
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        apply(mid);
        if (fitsBudget()) lo = mid;
        else hi = mid - 1;
      }
      apply(lo);
      return done();
    }
  }

  // 2. Drop detail sections, then shorten and drop the overview, resolution, links, heading.
  const steps: { rank: number; run: () => void; applies: () => boolean }[] = [];
  for (const p of parts) {
    if (p.shortRank !== undefined)
      steps.push({ rank: p.shortRank, run: () => (p.mode = 'short'), applies: () => p.mode === 'full' });
    if (p.dropRank !== undefined)
      steps.push({ rank: p.dropRank, run: () => (p.mode = 'dropped'), applies: () => p.mode !== 'dropped' });
  }
  steps.sort((a, b) => a.rank - b.rank);
  for (const step of steps) {
    if (!step.applies()) continue;
    step.run();
    if (fitsBudget()) return done();
  }

  // 3. Only the marker, the verdict and a note are left: shorten the verdict until they fit.
  const note = TRUNCATED_NOTE(maxChars);
  // marker \n **verdict** \n\n note \n
  const room = maxChars - marker.length - note.length - 8;
  let short = verdictText(model, Math.min(240, room));
  while (md(short).length > room && short.length > 1) short = verdictText(model, short.length - 10);
  let line = `**${md(short)}**`;
  if (line.length > room + 4) line = md(Array.from(short)[0] ?? '');
  return {
    markdown: `${marker}\n${line}${SEP}${note}\n`,
    marker,
    verdict: short,
    omitted: ['everything but the verdict'],
  };
}
