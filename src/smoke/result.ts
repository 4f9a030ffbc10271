// SmokeResult (smoke.json) and its JUnit XML form (junit.xml).
import { z } from 'zod';
import type { EnvRecord } from '../capture/record.js';

export const SMOKE_RESULT_SCHEMA_VERSION = 1;

export const SmokeTestSchema = z.object({
  id: z.string(),
  suite: z.string(),
  status: z.enum(['pass', 'fail', 'skip']),
  reason: z.string().optional(),
  durationMs: z.number(),
  metrics: z.record(z.string(), z.unknown()),
  /** The end of the output of a failing test (redacted). */
  output: z.string().optional(),
  cause: z
    .object({ id: z.string(), cause: z.string(), fix: z.string(), source: z.string(), match: z.string() })
    .optional(),
});

/** The runner the suites ran on (src/github/run.ts: RUNNER_NAME, RUNNER_OS, RUNNER_ARCH, run URL). */
export const SmokeRunnerSchema = z.object({
  name: z.string().min(1).optional(),
  os: z.string().min(1).optional(),
  arch: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
});

export const SmokeResultSchema = z.object({
  schemaVersion: z.literal(SMOKE_RESULT_SCHEMA_VERSION),
  image: z.string(),
  platform: z.string(),
  gpus: z.enum(['all', 'none']),
  /**
   * The GPUs the tests ran with, as the reuse key covers them: "none" (CPU only), the models and
   * the driver ("2x NVIDIA H200; driver 570.86.15"), or "unknown". Set by the smoke stage; results
   * of older versions (and of `ml-image smoke`) have none.
   */
  gpuDevices: z.string().optional(),
  tests: z.array(SmokeTestSchema),
  summary: z.object({ pass: z.number(), fail: z.number(), skip: z.number(), durationMs: z.number() }),
  /**
   * When and where the suites ran (ISO 8601; the runner). The smoke attestation says so, also when
   * another job makes it or an identical earlier run's results are reused. Results of versions
   * before these fields have neither.
   */
  finishedAt: z.iso.datetime({ offset: true }).optional(),
  runner: SmokeRunnerSchema.optional(),
  /**
   * Set on the results of a cluster job (`ml-image export`) that `ml-image collect` read back: the
   * job and where it ran. The report says so beside the tests.
   */
  cluster: z
    .object({
      target: z.enum(['slurm', 'k8s']),
      job: z.string().min(1),
      node: z.string().min(1).optional(),
      nodes: z.number().int().positive(),
    })
    .optional(),
  /**
   * Set on the results so far of a run that was stopped before every suite ran (SIGINT, SIGTERM,
   * SIGHUP; the Docker daemon going away): why (the error's message). Its last test failed because
   * it was stopped, not on its own, and the tests after it are missing: such a result is shown,
   * never attested (src/pipeline/attest.ts) nor reused. Results without it ran to the end.
   */
  interrupted: z.string().min(1).optional(),
});

export type SmokeTest = z.infer<typeof SmokeTestSchema>;
export type SmokeResult = z.infer<typeof SmokeResultSchema>;
export type SmokeRunner = z.infer<typeof SmokeRunnerSchema>;

/**
 * The most GPUs one test is believed to have seen: more than any host holds. A count above it (a
 * test's own metrics, or a cluster job's record) names no count: one device, not an attest stage
 * out of memory.
 */
const MAX_GPUS_SEEN = 1024;

const gpuCount = (v: unknown): number | undefined =>
  Number.isInteger(v) && (v as number) > 0 && (v as number) <= MAX_GPUS_SEEN ? (v as number) : undefined;

/** What a passing test of the gpu suite says it saw (gpuSuiteSight). */
interface GpuSuiteSight {
  /** The models nvidia-smi named, each once, sorted ("" and non-strings left out). */
  names: string[];
  /** How many GPUs nvidia-smi listed, when it is a believable count (gpuCount). */
  gpus?: number;
  /** The driver's version, null when the test named none. */
  driver: string | null;
  /** How many devices CUDA counted, when it is a believable count. */
  cudaDevices?: number;
}

/**
 * The `names`, `gpus`, `driver` and `cuda_devices` metrics of the first passing test of the gpu
 * suite (images/probe/ml_image_smoke.py writes them), checked: undefined when no such test lists
 * `names`. The smoke attestation's devices (src/attest/smoke-predicate.ts) and a collected cluster
 * result's GPUs (src/smoke/collect.ts) both read them here, so they cannot read them differently.
 */
export function gpuSuiteSight(tests: readonly SmokeTest[]): GpuSuiteSight | undefined {
  const t = tests.find((x) => x.suite === 'gpu' && x.status === 'pass' && Array.isArray(x.metrics.names));
  if (t === undefined) return undefined;
  const m = t.metrics;
  const names = [
    ...new Set((m.names as unknown[]).filter((n): n is string => typeof n === 'string' && n !== '')),
  ];
  const gpus = gpuCount(m.gpus);
  const cudaDevices = gpuCount(m.cuda_devices);
  return {
    names: names.sort(),
    ...(gpus !== undefined && { gpus }),
    driver: typeof m.driver === 'string' && m.driver !== '' ? m.driver : null,
    ...(cudaDevices !== undefined && { cudaDevices }),
  };
}

const xml = (s: string) =>
  s
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    )
    // XML 1.0 forbids most control characters, U+FFFE, U+FFFF and lone surrogates (its Char
    // production), which test output may contain: they are removed.
    .replace(
      // eslint-disable-next-line no-control-regex -- removing them is the point
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    );

/**
 * Text as an XML attribute's value: xml, then line breaks and tabs as character references (a
 * parser turns a raw one into a space: a reason's lines would come back run together).
 */
const attr = (s: string) =>
  xml(s).replace(/[\n\r\t]/g, (c) => ({ '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!);

/** Text as an element's content: xml, a carriage return kept (a parser turns a raw one into LF). */
const text = (s: string) => xml(s).replace(/\r/g, '&#13;');

/** A metric's value as a property's: a string as it is, an object or a list as JSON. */
const metricText = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);

export function toJUnit(r: SmokeResult): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ml-image smoke" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}" time="${(r.summary.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${attr(`${r.image} ${r.platform}`)}" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}">`,
  ];
  for (const t of r.tests) {
    lines.push(
      `    <testcase classname="${attr(t.suite)}" name="${attr(t.id)}" time="${(t.durationMs / 1000).toFixed(3)}">`,
    );
    if (t.status === 'skip') lines.push(`      <skipped message="${attr(t.reason ?? '')}"/>`);
    if (t.status === 'fail') {
      const msg = t.cause
        ? `${t.reason ?? ''} | cause: ${t.cause.cause} | fix: ${t.cause.fix}`
        : (t.reason ?? '');
      lines.push(`      <failure message="${attr(msg)}">${text(t.output ?? '')}</failure>`);
    }
    const props = Object.entries(t.metrics);
    if (props.length) {
      lines.push('      <properties>');
      for (const [k, v] of props)
        lines.push(`        <property name="${attr(k)}" value="${attr(metricText(v))}"/>`);
      lines.push('      </properties>');
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}

/** One target's smoke outcome: its EnvRecord and SmokeResult (run now, or reused from an earlier run). */
export interface SmokeEntry {
  variant: string;
  platform: string;
  image: string;
  record: EnvRecord;
  result: SmokeResult;
}
