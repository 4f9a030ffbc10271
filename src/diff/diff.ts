// Record-vs-record diff (pure): packages, components, env, labels, size, smoke. The base record is
// the base branch's (read through src/diff/read.ts, so it may have been written by an older version).
import type { EnvRecord } from '../capture/record.js';
import { REDACTED } from '../capture/redact.js';
import { canonicalName } from '../requirements/parse.js';
import type { SmokeResult, SmokeTest } from '../smoke/result.js';
import {
  COMPONENT_IDS,
  type ComponentChange,
  type ComponentId,
  type EnvDiff,
  type EnvSummary,
  type EnvVarChange,
  type LabelChange,
  type MetricDelta,
  type PackageChange,
  type PackageDiff,
  type SmokeDiff,
  type SmokeTestChange,
} from './schema.js';
import { explainSize, sizeTop } from './size.js';
import { compareText } from '../util/text.js';
import { CHANGE_LEVELS, compareAny, compareApt, comparePip, type VersionChange } from './versions.js';

export type { EnvDiff, SmokeDiff } from './schema.js';

/** Labels that change on every build; they are listed but never make the verdict. */
export const VOLATILE_LABELS: ReadonlySet<string> = new Set([
  'org.opencontainers.image.created',
  'org.opencontainers.image.revision',
  'org.label-schema.build-date',
  'org.label-schema.vcs-ref',
]);

// The driver (and so the newest CUDA it supports) and the GPUs belong to the capturing machine.
export const HOST_COMPONENTS: ReadonlySet<ComponentId> = new Set(['driver', 'driverMaxCuda', 'gpus']);
/** Compared as plain strings (no version order). */
const TEXT_COMPONENTS: ReadonlySet<ComponentId> = new Set(['os', 'gpus']);

// ---- packages ----

interface Pkg {
  name: string;
  version: string;
}

/**
 * pip: one entry per normalised name. A distribution installed twice (Debian's python3-x in
 * /usr/lib/python3 and a pip-installed copy) resolves to the copy outside /usr/lib/python3,
 * which is first on Debian's sys.path and is the one Python imports.
 */
const pipIndexes = new WeakMap<EnvRecord, Map<string, Pkg>>();
function pipIndex(r: EnvRecord): Map<string, Pkg> {
  const cached = pipIndexes.get(r);
  if (cached) return cached;
  const out = new Map<string, Pkg & { os: boolean }>();
  for (const p of r.python.packages) {
    const key = canonicalName(p.name);
    const os = p.location.startsWith('/usr/lib/python3');
    const seen = out.get(key);
    if (!seen || (seen.os && !os)) out.set(key, { name: p.name, version: p.version, os });
  }
  pipIndexes.set(r, out);
  return out;
}

/** apt: by name; by name:arch only where a name is installed for several architectures. */
function aptIndex(r: EnvRecord): Map<string, Pkg> {
  const counts = new Map<string, number>();
  for (const p of r.apt) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const out = new Map<string, Pkg>();
  for (const p of r.apt) {
    const name = counts.get(p.name)! > 1 ? `${p.name}:${p.arch}` : p.name;
    out.set(name, { name, version: p.version });
  }
  return out;
}

const levelRank = (l: PackageChange['level']) =>
  l === null ? CHANGE_LEVELS.length : CHANGE_LEVELS.indexOf(l);
const KIND_RANK: Record<PackageChange['kind'], number> = { upgraded: 0, downgraded: 0, added: 1, removed: 2 };

const byName = compareText;

/** Changed packages first, by level (major first), then added, then removed; by name within. */
export function sortPackageChanges(changes: PackageChange[]): PackageChange[] {
  return changes.sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      levelRank(a.level) - levelRank(b.level) ||
      byName(a.name.toLowerCase(), b.name.toLowerCase()),
  );
}

function diffPackages(
  base: Map<string, Pkg>,
  head: Map<string, Pkg>,
  compare: (a: string, b: string) => VersionChange,
): PackageDiff {
  const changes: PackageChange[] = [];
  let unchanged = 0;
  for (const [key, h] of head) {
    const b = base.get(key);
    if (!b) {
      changes.push({ name: h.name, kind: 'added', from: null, to: h.version, level: null });
      continue;
    }
    const c = compare(b.version, h.version);
    if (c.order === 0) unchanged++;
    else
      changes.push({
        name: h.name,
        kind: c.order > 0 ? 'upgraded' : 'downgraded',
        from: b.version,
        to: h.version,
        level: c.level,
      });
  }
  for (const [key, b] of base)
    if (!head.has(key))
      changes.push({ name: b.name, kind: 'removed', from: b.version, to: null, level: null });
  return { baseCount: base.size, headCount: head.size, unchanged, changes: sortPackageChanges(changes) };
}

/** { [key]: value } when value is defined (exactOptionalPropertyTypes), else {}. */
const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

// ---- components ----

function gpuSummary(r: EnvRecord): string | null {
  if (r.gpus.length === 0) return null;
  const byModel = new Map<string, number>();
  for (const g of r.gpus) byModel.set(g.name, (byModel.get(g.name) ?? 0) + 1);
  return [...byModel]
    .sort(([a], [b]) => byName(a, b))
    .map(([name, n]) => `${n} × ${name}`)
    .join(', ');
}

function extra(torch: EnvRecord['torch'], key: string): string | null {
  const v = torch?.[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** The overview's facts about one record. */
export function summarize(r: EnvRecord): EnvSummary {
  const pip = pipIndex(r);
  const drivers = [...new Set(r.gpus.map((g) => g.driver).filter((d): d is string => !!d))].sort();
  const components: Record<ComponentId, string | null> = {
    os: r.os.osRelease.PRETTY_NAME ?? r.os.osRelease.NAME ?? null,
    glibc: r.os.glibc ? r.os.glibc.replace(/^glibc\s+/i, '') : null,
    python: r.python.version || null,
    torch: r.torch?.version ?? pip.get('torch')?.version ?? null,
    torchCuda: r.torch?.cuda ?? null,
    numpy: pip.get('numpy')?.version ?? null,
    cuda: r.cuda.runtime ?? null,
    cudnn: r.cuda.cudnn ?? extra(r.torch, 'cudnn'),
    nccl: r.cuda.nccl ?? extra(r.torch, 'nccl'),
    driverMaxCuda: r.cuda.driverMaxCuda ?? null,
    driver: drivers.length ? drivers.join(', ') : null,
    gpus: gpuSummary(r),
  };
  return {
    ref: r.image.ref,
    digest: r.image.digest ?? null,
    platform: r.image.platform,
    variant: r.image.variant,
    created: r.image.created,
    sizeBytes: r.image.sizeBytes,
    layers: r.image.layers,
    pipCount: pip.size,
    aptCount: r.apt.length,
    ...optional('top', sizeTop(r)),
    components,
  };
}

function diffComponent(id: ComponentId, from: string | null, to: string | null): ComponentChange {
  const host = HOST_COMPONENTS.has(id);
  if (from === to) return { id, from, to, changed: false, direction: null, level: null, host };
  if (from === null || to === null || TEXT_COMPONENTS.has(id) || id === 'driver')
    return {
      id,
      from,
      to,
      changed: true,
      direction: id === 'driver' && from && to ? direction(compareAny(from, to)) : 'changed',
      level: null,
      host,
    };
  const c = compareAny(from, to);
  // Same version spelled differently (12.8 vs 12.8.0) is no change.
  if (c.order === 0) return { id, from, to, changed: false, direction: null, level: null, host };
  return { id, from, to, changed: true, direction: direction(c), level: c.level, host };
}

const direction = (c: VersionChange): ComponentChange['direction'] =>
  c.order > 0 ? 'up' : c.order < 0 ? 'down' : 'changed';

// ---- env and labels ----

function diffMaps(
  base: Readonly<Record<string, string>>,
  head: Readonly<Record<string, string>>,
): { changes: EnvVarChange[]; unchanged: number; redactedBoth: number } {
  const changes: EnvVarChange[] = [];
  let unchanged = 0;
  let redactedBoth = 0;
  for (const name of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort(byName)) {
    const from = Object.hasOwn(base, name) ? base[name]! : null;
    const to = Object.hasOwn(head, name) ? head[name]! : null;
    if (from === to) {
      unchanged++;
      if (from === REDACTED) redactedBoth++;
    } else
      changes.push({
        name,
        kind: from === null ? 'added' : to === null ? 'removed' : 'changed',
        from,
        to,
      });
  }
  return { changes, unchanged, redactedBoth };
}

export function diffRecords(base: EnvRecord, head: EnvRecord): EnvDiff {
  const pip = diffPackages(pipIndex(base), pipIndex(head), comparePip);
  const apt = diffPackages(aptIndex(base), aptIndex(head), compareApt);
  const b = summarize(base);
  const h = summarize(head);
  const components = COMPONENT_IDS.map((id) => diffComponent(id, b.components[id], h.components[id]));
  const env = diffMaps(base.image.env, head.image.env);
  const labelDiff = diffMaps(base.image.labels, head.image.labels);
  const labels = {
    changes: labelDiff.changes.map((c): LabelChange => ({ ...c, volatile: VOLATILE_LABELS.has(c.name) })),
    unchanged: labelDiff.unchanged,
  };
  const size = { base: b.sizeBytes, head: h.sizeBytes, delta: h.sizeBytes - b.sizeBytes };
  const layers = { base: b.layers, head: h.layers, delta: h.layers - b.layers };
  const changed =
    pip.changes.length > 0 ||
    apt.changes.length > 0 ||
    components.some((c) => c.changed && !c.host) ||
    env.changes.length > 0 ||
    labels.changes.some((c) => !c.volatile) ||
    size.delta !== 0 ||
    layers.delta !== 0;
  return {
    pip,
    apt,
    components,
    env,
    labels,
    size,
    layers,
    ...optional('sizeExplanation', explainSize(base, head)),
    changed,
  };
}

// ---- smoke ----

export const DEFAULT_SMOKE_THRESHOLD = 0.1;

/**
 * Which way a metric should move, from the names the suites emit (images/probe/ml_image_smoke.py):
 * *_tflops, busbw_gbps/algbw_gbps, loss_end/loss_drop; and durationMs per test. null: no direction
 * (counts like modules/world/gpus, loss_start which only depends on the seed).
 * *_floor values are the thresholds the smoke script judged by (src/smoke/baselines.json), not
 * measurements: skipped here, shown beside their metric.
 */
export function metricDirection(metric: string): 'higher' | 'lower' | null | 'skip' {
  const m = metric.toLowerCase();
  if (m.endsWith('_floor')) return 'skip';
  if (m === 'loss_start') return null;
  if (m === 'loss_drop') return 'higher';
  if (/tflops|gflops|gbps|busbw|algbw|throughput|per_s(ec)?$|_ps$/.test(m)) return 'higher';
  if (/loss|duration|latency|seconds|_ms$|_s$|^time|_time$/.test(m)) return 'lower';
  return null;
}

/** Durations this close are noise (container start-up), whatever the ratio. */
const DURATION_NOISE_MS = 1000;

function numericMetrics(t: SmokeTest | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!t) return out;
  for (const [k, v] of Object.entries(t.metrics))
    if (typeof v === 'number' && Number.isFinite(v) && metricDirection(k) !== 'skip') out.set(k, v);
  out.set('durationMs', t.durationMs);
  return out;
}

function metricDelta(
  test: string,
  metric: string,
  base: number | null,
  head: number | null,
  threshold: number,
): MetricDelta {
  const dir = metricDirection(metric);
  const better = dir === 'skip' ? null : dir;
  const relative = base !== null && head !== null && base !== 0 ? (head - base) / Math.abs(base) : null;
  let regression = false;
  let improved = false;
  if (base !== null && head !== null && better !== null) {
    const worse = better === 'higher' ? base - head : head - base;
    const rel = base === 0 ? (worse > 0 ? Infinity : worse < 0 ? -Infinity : 0) : worse / Math.abs(base);
    const noise = metric === 'durationMs' && Math.abs(head - base) < DURATION_NOISE_MS;
    regression = !noise && rel > threshold;
    improved = !noise && rel < -threshold;
  }
  return { test, metric, base, head, relative, better, regression, improved };
}

/** What the floors said of a test (the smoke script's floor_gpu / floor_note), when they said anything. */
function floorNote(t: SmokeTest): { note?: string } {
  const str = (k: string) =>
    typeof t.metrics[k] === 'string' && t.metrics[k] !== '' ? (t.metrics[k] as string) : '';
  const parts = [str('floor_gpu') && `floors of ${str('floor_gpu')}`, str('floor_note')].filter(Boolean);
  return parts.length > 0 ? { note: parts.join('; ') } : {};
}

const tally = (r: SmokeResult) => ({
  pass: r.tests.filter((t) => t.status === 'pass').length,
  fail: r.tests.filter((t) => t.status === 'fail').length,
  skip: r.tests.filter((t) => t.status === 'skip').length,
});

export function diffSmoke(
  base: SmokeResult | undefined,
  head: SmokeResult,
  opts: { threshold?: number } = {},
): SmokeDiff {
  const threshold = opts.threshold ?? DEFAULT_SMOKE_THRESHOLD;
  const baseTests = new Map((base?.tests ?? []).map((t) => [t.id, t]));
  const headIds = new Set(head.tests.map((t) => t.id));
  const tests: SmokeTestChange[] = [];
  const metrics: MetricDelta[] = [];
  const addMetrics = (id: string, b: SmokeTest | undefined, h: SmokeTest | undefined) => {
    const bm = numericMetrics(b);
    const hm = numericMetrics(h);
    for (const name of [...new Set([...hm.keys(), ...bm.keys()])]) {
      const delta = metricDelta(id, name, bm.get(name) ?? null, hm.get(name) ?? null, threshold);
      const floor = h?.metrics[`${name}_floor`];
      metrics.push(typeof floor === 'number' && Number.isFinite(floor) ? { ...delta, floor } : delta);
    }
  };
  for (const h of head.tests) {
    const b = baseTests.get(h.id);
    tests.push({
      id: h.id,
      suite: h.suite,
      from: b?.status ?? null,
      to: h.status,
      reason: h.reason ?? null,
      cause: h.cause ? `${h.cause.cause} Fix: ${h.cause.fix}` : null,
      regression: b?.status === 'pass' && h.status === 'fail',
      fixed: b?.status === 'fail' && h.status === 'pass',
      ...floorNote(h),
    });
    // Metrics of a test that did not pass on both sides would compare a partial run; a skipped
    // test measured nothing.
    if (h.status !== 'skip' && (!b || (b.status === 'pass' && h.status === 'pass'))) addMetrics(h.id, b, h);
  }
  for (const b of base?.tests ?? []) {
    if (headIds.has(b.id)) continue;
    tests.push({
      id: b.id,
      suite: b.suite,
      from: b.status,
      to: null,
      reason: null,
      cause: null,
      regression: false,
      fixed: false,
    });
  }
  return {
    threshold,
    base: base ? tally(base) : null,
    head: tally(head),
    tests,
    metrics,
    regressions: tests.filter((t) => t.regression).length,
    metricRegressions: metrics.filter((m) => m.regression).length,
    fixed: tests.filter((t) => t.fixed).length,
    failing: tests.filter((t) => t.to === 'fail').length,
  };
}
