// The smoke-test attestation's predicate: what the smoke suites found in one image by digest, on
// which GPUs and runner. Its JSON Schema is docs/attestations/smoke-v1.schema.json; a unit test
// validates the same predicates with both, so they cannot drift. No test output and no
// failure-pattern text go in, and every string is scrubbed of secrets.
import { z } from 'zod';
import type { EnvRecord } from '../capture/record.js';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';
import { DIGEST_RE } from '../oci/ref.js';
import { gpuSuiteSight, type SmokeResult, type SmokeTest } from '../smoke/result.js';
import { runnerFromEnv } from '../github/run.js';
import { scrubDeep, sha256Hex, TOOL_NAME } from './types.js';
import { redactText } from '../util/redact.js';

const SMOKE_PREDICATE_SCHEMA_VERSION = 1;
/** Longest reason and metric text kept (a longer one is cut, with an ellipsis). */
const MAX_REASON_CHARS = 1000;
const MAX_METRIC_CHARS = 256;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const count = z.number().int().nonnegative();
const counts = { pass: count, fail: count, skip: count };
const status = z.enum(['pass', 'fail', 'skip']);

export const SmokePredicateSchema = z.strictObject({
  schemaVersion: z.literal(SMOKE_PREDICATE_SCHEMA_VERSION),
  image: z.strictObject({
    ref: z.string().min(1),
    digest: z.string().regex(DIGEST_RE),
    platform: z.string().min(1),
    variant: z.string().min(1),
  }),
  verdict: z.enum(['pass', 'fail']),
  summary: z.strictObject({ ...counts, durationMs: z.number().nonnegative() }),
  gpus: z.strictObject({
    requested: z.enum(['all', 'none']),
    devices: z.array(
      z.strictObject({
        name: z.string(),
        driver: z.string().nullable(),
        memoryMiB: z.number().nonnegative().optional(),
        computeCapability: z.string().optional(),
      }),
    ),
    cuda: z.string().min(1).optional(),
  }),
  suites: z.array(z.strictObject({ name: z.string().min(1), ...counts })),
  tests: z.array(
    z.strictObject({
      id: z.string().min(1),
      suite: z.string().min(1),
      status,
      durationMs: z.number().nonnegative(),
      reason: z.string().optional(),
      metrics: z.record(z.string(), z.union([z.number(), z.string()])),
    }),
  ),
  runner: z.strictObject({
    name: z.string().min(1).optional(),
    os: z.string().min(1).optional(),
    arch: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
  }),
  tool: z.strictObject({ name: z.literal(TOOL_NAME), version: z.string().min(1) }),
  finishedAt: z.string().regex(DATE_TIME),
});

export type SmokePredicate = z.infer<typeof SmokePredicateSchema>;
export type SmokeRunner = SmokePredicate['runner'];

type Env = Readonly<Record<string, string | undefined>>;

export interface SmokePredicateInput {
  smoke: SmokeResult;
  /** The environment record of the same image: the GPUs and CUDA the tests ran on. */
  record?: EnvRecord;
  variant: string;
  imageRef: string;
  digest: string;
  platform: string;
  /**
   * The runner; else the one the smoke result names (none when it names none but says when it
   * ran); else, for an older result, read from env (runnerFromEnv).
   */
  runner?: SmokeRunner;
  env?: Env;
  toolVersion: string;
  /** When the suites finished, for a smoke result that does not say (older versions wrote none). */
  finishedAt: Date | string;
}

/**
 * Text as the predicate keeps it: scrubbed, then cut short. Scrubbing first: a cut could end a
 * URL before its "@" or a token before its length, which the patterns would then miss.
 */
const cut = (s: string, max: number) => {
  const clean = redactText(s);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

/**
 * A metric as the predicate keeps it: finite numbers as they are, text cut short, booleans and
 * lists of plain values as text (the gpu suite's `names`), anything else (null, objects) left out.
 */
export function metricValue(v: unknown): number | string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return cut(v, MAX_METRIC_CHARS);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x)))
    return cut(v.map(String).join(', '), MAX_METRIC_CHARS);
  return undefined;
}

function testEntry(t: SmokeTest): SmokePredicate['tests'][number] {
  const metrics: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(t.metrics)) {
    const value = metricValue(v);
    if (value !== undefined) metrics[k] = value;
  }
  return {
    id: t.id,
    suite: t.suite,
    status: t.status,
    durationMs: Math.max(0, t.durationMs),
    ...(t.reason !== undefined && t.reason !== '' && { reason: cut(t.reason, MAX_REASON_CHARS) }),
    metrics,
  };
}

function tally(tests: readonly { status: SmokeTest['status'] }[]) {
  return {
    pass: tests.filter((t) => t.status === 'pass').length,
    fail: tests.filter((t) => t.status === 'fail').length,
    skip: tests.filter((t) => t.status === 'skip').length,
  };
}

/**
 * What in a smoke predicate contradicts its verdict "pass": a failed count in its summary or a
 * suite, a test whose status is fail, and a summary whose counts are not its tests' (a summary of
 * passes with no test listed too). None for a predicate buildSmokePredicate made; the schema cannot say it, and a signature
 * only says who wrote a predicate, not that it adds up: verify's `--require-smoke pass` holds only
 * for a passing verdict with none of these.
 */
export function smokeContradictions(p: SmokePredicate): string[] {
  const found: string[] = [];
  const { summary: s } = p;
  const listed = tally(p.tests);
  // The writer counts its tests (tally): a summary they do not add up to, none listed too, is no run's.
  if (listed.pass !== s.pass || listed.fail !== s.fail || listed.skip !== s.skip)
    found.push(
      `its summary counts ${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, its tests ${listed.pass}, ${listed.fail} and ${listed.skip}`,
    );
  if (p.verdict !== 'pass') return found;
  if (s.fail > 0) found.push(`verdict pass with ${s.fail} failed in its summary`);
  const failed = p.tests.filter((t) => t.status === 'fail').map((t) => t.id);
  if (failed.length > 0) found.push(`verdict pass with failed tests: ${failed.join(', ')}`);
  const suites = p.suites.filter((x) => x.fail > 0).map((x) => `${x.name} (${x.fail})`);
  if (suites.length > 0) found.push(`verdict pass with failed tests in the suites ${suites.join(', ')}`);
  return found;
}

function suitesOf(tests: readonly SmokeTest[]): SmokePredicate['suites'] {
  const names = [...new Set(tests.map((t) => t.suite))];
  return names.map((name) => ({ name, ...tally(tests.filter((t) => t.suite === name)) }));
}

/**
 * The GPUs a passing test of the gpu suite saw (gpuSuiteSight: its `names`, `gpus` and `driver`
 * metrics): one device per GPU when they all bear one name, else one per name. For a record that
 * names none while the tests ran on GPUs (its probe ran without them: results of earlier versions,
 * or an engine that would not start the probe with GPUs). A test that names none (the image has no
 * nvidia-smi: its NVIDIA_DRIVER_CAPABILITIES leave out `utility`) gives one device named "" per GPU
 * CUDA counted (`cuda_devices`).
 */
export function gpusFromTests(tests: readonly SmokeTest[]): SmokePredicate['gpus']['devices'] {
  const seen = gpuSuiteSight(tests);
  if (seen === undefined) return [];
  const { names, driver } = seen;
  if (names.length === 0) return Array.from({ length: seen.cudaDevices ?? 0 }, () => ({ name: '', driver }));
  const each = names.length === 1 ? (seen.gpus ?? 1) : 1;
  return names.flatMap((name) => Array.from({ length: each }, () => ({ name, driver })));
}

function gpusOf(input: SmokePredicateInput): SmokePredicate['gpus'] {
  // A cluster job's results (`ml-image collect`) ran on the job's GPUs, which its gpu test names:
  // the record's are those of wherever the image was captured (a runner).
  const r = input.smoke.cluster === undefined ? input.record : undefined;
  // A GPU whose memory nvidia-smi does not give (unified memory: GB10) has none in the predicate,
  // nor one whose figure is no memory (an nvidia-smi of the image's own that prints -1): not a
  // predicate the schema refuses, which would stop the run's attestations.
  const recorded = (r?.gpus ?? []).map((g) => ({
    name: g.name,
    driver: g.driver,
    ...(g.memoryMiB !== null && g.memoryMiB >= 0 && { memoryMiB: g.memoryMiB }),
    computeCapability: g.computeCapability,
  }));
  return {
    requested: input.smoke.gpus,
    devices: recorded.length > 0 ? recorded : gpusFromTests(input.smoke.tests),
    ...(input.record?.cuda.runtime && { cuda: input.record.cuda.runtime }),
  };
}

/** The predicate, scrubbed and checked against SmokePredicateSchema (exit 2 naming the field). */
export function buildSmokePredicate(input: SmokePredicateInput): SmokePredicate {
  const { smoke } = input;
  const hex = sha256Hex(input.digest);
  const counts = tally(smoke.tests);
  // When and where the suites ran, as the smoke result says: the attestation may be made later, in
  // another job (the reusable workflow's attest job), or from an identical earlier run's results.
  const finishedAt =
    smoke.finishedAt !== undefined
      ? new Date(smoke.finishedAt).toISOString()
      : typeof input.finishedAt === 'string'
        ? input.finishedAt
        : input.finishedAt.toISOString();
  const predicate: SmokePredicate = scrubDeep(
    {
      schemaVersion: SMOKE_PREDICATE_SCHEMA_VERSION,
      image: {
        ref: input.imageRef,
        digest: hex === undefined ? input.digest : `sha256:${hex}`,
        platform: input.platform,
        variant: input.variant,
      },
      verdict: counts.fail > 0 ? 'fail' : 'pass',
      summary: { ...counts, durationMs: Math.max(0, smoke.summary.durationMs) },
      gpus: gpusOf(input),
      suites: suitesOf(smoke.tests),
      tests: smoke.tests.map(testEntry),
      // A result that says when its suites ran and names no runner ran off a runner (locally, on a
      // cluster): no runner, rather than the attesting job's. Older results say neither.
      runner:
        input.runner ??
        smoke.runner ??
        (smoke.finishedAt === undefined && input.env ? runnerFromEnv(input.env) : {}),
      tool: { name: TOOL_NAME, version: input.toolVersion },
      finishedAt,
    },
    [input.variant, input.platform, ...smoke.tests.flatMap((t) => [t.id, t.suite])],
  );
  const parsed = SmokePredicateSchema.safeParse(predicate);
  if (!parsed.success)
    throw new InputError(
      `smoke predicate for ${input.imageRef}: ${formatIssues(parsed.error, predicate, SmokePredicateSchema).join('; ')}`,
    );
  return parsed.data;
}
