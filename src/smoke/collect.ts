// A cluster job's results (src/smoke/collect-parse.ts) as the smoke result of one target of a build
// (pure): the target is the one build.json says the job's image is, on the platform its node pulled
// (the node's machine); the tests are the job's records in the order it ran its suites, a failing
// one classified and its output redacted, as the smoke stage keeps them.
import type { BuildResult, PlatformBuild, VariantBuild } from '../build/result.js';
import { normalizePlatform, sameMachine } from '../config/platform.js';
import { InputError } from '../errors.js';
import type { JobMeta } from './job-schema.js';
import { parseDigestRef } from '../oci/ref.js';
import { mapStringsDeep, redactDeep } from '../util/redact.js';
import { printable } from '../util/text.js';
import { classifyFailure } from './classify.js';
import { CPU_ONLY, devicesKey, devicesText, UNKNOWN_GPUS } from './gpu-identity.js';
import type { CollectedJob, CollectedRecord } from './collect-parse.js';
import { tail } from './output.js';
import { gpuSuiteSight, SMOKE_RESULT_SCHEMA_VERSION, type SmokeResult, type SmokeTest } from './result.js';

/** The target of a build a job's results are of. */
export interface CollectTarget {
  variant: string;
  platform: string;
  /** REPOSITORY@sha256:... of the platform's own image (what the smoke stage names). */
  image: string;
}

/** The platform a node of MACHINE (`uname -m`) pulls: x86_64 -> linux/amd64, aarch64 -> linux/arm64. */
const machinePlatform = (machine: string): string => normalizePlatform(`linux/${machine}`);

const variantDigests = (v: VariantBuild) =>
  [
    ...(v.digest ? [`${v.digest} (index)`] : []),
    ...v.platforms.map((p) => `${p.digest} (${p.platform})`),
  ].join(', ');

/**
 * The variant and platform of BUILD (read from FILE) that the job's image is on its node: the
 * variant whose index (or one platform's image) has the image's digest, and of it the platform of
 * the node's machine. VARIANT (--variant) narrows the choice. Another image is bad input: the
 * results would be shown, and signed, as this build's.
 */
export function collectTarget(
  meta: JobMeta,
  build: BuildResult,
  file: string,
  variant?: string,
): CollectTarget {
  const { digest } = parseDigestRef(meta.image, { field: "the job's image" });
  const node = machinePlatform(meta.machine);
  // A name build.json has no variant of (a typo) is said so, as devcontainer's and export's
  // --variant say it, not as an image that variant does not hold.
  if (variant !== undefined && !build.variants.some((v) => v.variant === variant))
    throw new InputError(
      `--variant: no variant ${JSON.stringify(variant)} in ${file}; it has ${build.variants.map((v) => v.variant).join(', ') || '(none)'}`,
      "leave --variant out (the job's image decides), or name one of those",
    );
  const candidates = build.variants.filter(
    (v) =>
      (variant === undefined || v.variant === variant) &&
      (v.digest === digest || v.platforms.some((p) => p.digest === digest)),
  );
  if (candidates.length === 0) {
    const held = build.variants.map((v) => `${v.variant}: ${variantDigests(v)}`).join('; ') || 'none';
    throw new InputError(
      `the job ran ${printable(meta.image)}, which ${variant === undefined ? '' : `variant ${variant} of `}${file} does not hold (its variants: ${held})`,
      'collect into the result directory of the build the job tested (the --from DIR of "ml-image export")',
    );
  }
  if (candidates.length > 1)
    throw new InputError(
      `the job's image ${digest} is in ${candidates.length} variants of ${file} (${candidates.map((v) => v.variant).join(', ')})`,
      'pick one with --variant',
    );
  const v = candidates[0]!;
  const own = v.platforms.find((p) => p.digest === digest);
  const p: PlatformBuild | undefined = own ?? v.platforms.find((x) => sameMachine(x.platform, node));
  if (!p || !sameMachine(p.platform, node))
    throw new InputError(
      `the job ran on ${printable(meta.machine)} (${node}), but ${own ? `its image ${digest} is ${own.platform}'s` : `variant ${v.variant} of ${file} has no ${node} image (it has ${v.platforms.map((x) => x.platform).join(', ')})`}`,
      'run the job on nodes of a platform the variant was built for',
    );
  return { variant: v.variant, platform: p.platform, image: `${v.repository}@${p.digest}` };
}

/** GitHub's RUNNER_ARCH names for a machine, as a runner's smoke result says it. */
const RUNNER_ARCH: Record<string, string> = {
  'linux/amd64': 'X64',
  'linux/arm64': 'ARM64',
  'linux/386': 'X86',
  'linux/arm': 'ARM',
};

/** Where the suites ran, in words: "Slurm job 42 on node-a (2 nodes)". */
function clusterRunName(meta: JobMeta): string {
  const where = meta.node ? ` on ${meta.node}` : '';
  const nodes = meta.nodes > 1 ? ` (${meta.nodes} ${meta.target === 'slurm' ? 'nodes' : 'pods'})` : '';
  return meta.target === 'slurm'
    ? `Slurm job ${meta.job}${where}${nodes}`
    : `Kubernetes Job ${meta.job}, pod ${meta.pod ?? 0}${where}${nodes}`;
}

/**
 * "8x NVIDIA H100 80GB HBM3; driver 570.86.15" from the gpu suite's metrics (gpuSuiteSight, as the
 * smoke attestation reads them), as the smoke stage words it; unknown unless they name one model,
 * a believable count and a driver.
 */
function devicesOf(meta: JobMeta, tests: readonly SmokeTest[]): string {
  if (meta.gpusPerNode === 0) return devicesKey(CPU_ONLY);
  const seen = gpuSuiteSight(tests);
  if (seen?.names.length === 1 && seen.gpus !== undefined && seen.driver !== null)
    return devicesText(new Map([[seen.names[0]!, seen.gpus]]), [seen.driver]);
  return UNKNOWN_GPUS;
}

/** A record as a test of the smoke result: a failing one with its output's end and its cause. */
function testOf(r: CollectedRecord): SmokeTest {
  const { id, suite, status, reason, durationMs, metrics } = r.record;
  const test: SmokeTest = {
    id,
    suite,
    status,
    ...(reason ? { reason } : {}),
    durationMs,
    metrics: metrics ?? {},
  };
  if (status !== 'fail') return test;
  if (r.output?.trim()) test.output = tail(r.output);
  const cause = classifyFailure(`${reason ?? ''}\n${test.output ?? ''}`);
  return cause ? { ...test, cause } : test;
}

/**
 * TESTS in the order the job runs them (job.json's tests: compute-cpu before compute-gpu); a test it does
 * not list last, as it came.
 */
function inRunOrder(order: readonly { id: string }[], tests: readonly SmokeTest[]): SmokeTest[] {
  const rank = (id: string) => {
    const i = order.findIndex((t) => t.id === id);
    return i < 0 ? order.length : i;
  };
  return [...tests].sort((a, b) => rank(a.id) - rank(b.id));
}

/** The tests of the job without a result, in its run order. */
const missingTests = (job: CollectedJob) =>
  job.meta.tests.filter((t) => !job.records.some((r) => r.record.id === t.id));

/** Why the results are not the whole run, when they are not (shown, never attested nor reused). */
function unfinished(job: CollectedJob): string | undefined {
  if (job.meta.finishedAt !== undefined) {
    const missing = missingTests(job).map((t) => t.id);
    return missing.length === 0
      ? undefined
      : `the job says it finished, but recorded no result of ${missing.join(', ')}`;
  }
  const where = job.meta.target === 'slurm' ? 'its job.json has' : "pod 0's ML_IMAGE_JOB lines have";
  return `the job ended before every suite ran (${where} no finishedAt: cancelled, out of time, or the image import failed)`;
}

/**
 * A stopped job's first test without a result, failed by the stop, as the smoke stage fails the
 * test a stop cut short (by its id: compute-gpu, cut after compute-cpu ran): the report, its diff
 * against a baseline and the verdict then say the run is not whole, also when every test that did
 * run passed, or none ran (a failed import).
 */
function stoppedTest(job: CollectedJob, why: string): SmokeTest | undefined {
  const t = missingTests(job)[0];
  if (t === undefined) return undefined;
  return { id: t.id, suite: t.suite, status: 'fail', reason: why, durationMs: 0, metrics: {} };
}

const seconds = (iso: string) => Date.parse(iso);

/**
 * The job's results as TARGET's smoke result, redacted as the smoke stage writes one: MASK (the
 * image's own secret values: imageEnvMask of its config's environment) first, over all the job
 * wrote, before a failing test's output is cut to its end; then by name, shape and URL login.
 */
export function collectedSmokeResult(
  collected: CollectedJob,
  target: CollectTarget,
  mask: (text: string) => string = (text) => text,
): SmokeResult {
  const job = mapStringsDeep(collected, mask) as CollectedJob;
  const { meta } = job;
  const interrupted = unfinished(job);
  const stopped = interrupted === undefined ? undefined : stoppedTest(job, interrupted);
  const tests = inRunOrder(meta.tests, [...job.records.map(testOf), ...(stopped ? [stopped] : [])]);
  const count = (s: SmokeTest['status']) => tests.filter((t) => t.status === s).length;
  const ran = meta.finishedAt ? seconds(meta.finishedAt) - seconds(meta.startedAt) : NaN;
  const arch = RUNNER_ARCH[target.platform];
  return redactDeep({
    schemaVersion: SMOKE_RESULT_SCHEMA_VERSION,
    image: target.image,
    platform: target.platform,
    gpus: meta.gpusPerNode === 0 ? 'none' : 'all',
    gpuDevices: devicesOf(meta, tests),
    tests,
    summary: {
      pass: count('pass'),
      fail: count('fail'),
      skip: count('skip'),
      durationMs: Number.isFinite(ran) && ran >= 0 ? ran : tests.reduce((n, t) => n + t.durationMs, 0),
    },
    ...(meta.finishedAt !== undefined && { finishedAt: new Date(seconds(meta.finishedAt)).toISOString() }),
    runner: { name: clusterRunName(meta), os: 'Linux', ...(arch !== undefined && { arch }) },
    cluster: {
      target: meta.target,
      job: meta.job,
      ...(meta.node !== undefined && meta.node !== '' && { node: meta.node }),
      nodes: meta.nodes,
    },
    ...(interrupted !== undefined && { interrupted }),
  });
}
