// Smoke-vs-smoke diff (pure): each test's status, and each metric against the base's, judged by
// the way it should move (metricDirection) and a relative threshold. Beside the record diff
// (src/diff/diff.ts); the base result is the base branch's.
import type { SmokeResult, SmokeTest } from '../smoke/result.js';
import type { MetricDelta, SmokeDiff, SmokeTestChange } from './schema.js';

const DEFAULT_SMOKE_THRESHOLD = 0.1;

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
    ...(head.cluster && head.runner?.name && { ranOn: head.runner.name }),
    ...(head.interrupted !== undefined && { stopped: head.interrupted }),
  };
}
