// What an exported job says about itself, for `ml-image collect`: which image it ran, where (the
// node's machine, so which platform of the image it pulled), with how many GPUs, and whether it ran
// to its end. Slurm writes it to RESULTS/job.json; a Kubernetes pod prints it in its log as a
// JOB_PREFIX line. Both write it when the job starts, and again with finishedAt once every suite ran.
// The smoke stage's format (collect reads it back as smoke results); export writes it.
import { z } from 'zod';

/** The Slurm job's file of it, beside the suites' RESULTS/<id>.json. */
export const JOB_META_FILE = 'job.json';
/** The pod log's line of it (the suites' lines start with RESULT_PREFIX, src/export/k8s.ts). */
export const JOB_PREFIX = 'ML_IMAGE_JOB ';
/** A suite's line in the pod log (Slurm: RESULTS/<id>.json holds the same JSON). */
export const RESULT_PREFIX = 'ML_IMAGE_RESULT ';
/** 2: the tests the job runs (`tests`), where 1 had the suites (`suites`). */
export const JOB_META_SCHEMA_VERSION = 2;

/** When, as the job's `date -u +%Y-%m-%dT%H:%M:%SZ` writes it. */
const UTC_SECONDS = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'expected YYYY-MM-DDTHH:MM:SSZ (UTC)');

export const JobMetaSchema = z.object({
  schemaVersion: z.literal(JOB_META_SCHEMA_VERSION),
  target: z.enum(['slurm', 'k8s']),
  /** The image the job ran, as exported: REPOSITORY@sha256:... (an index's digest, or one platform's). */
  image: z.string().min(1),
  /** The job's name (--name). */
  name: z.string().min(1),
  /** Slurm: SLURM_JOB_ID ("local" when run outside Slurm); Kubernetes: the Job's name. */
  job: z.string().min(1),
  /** Kubernetes: the pod's completion index (0 alone, or the first of an Indexed Job). */
  pod: z.number().int().nonnegative().optional(),
  /** The host the suites ran on: Slurm's batch host (the first node); the pod's node (spec.nodeName). */
  node: z.string().optional(),
  /** `uname -m` there: which platform of the image the node pulled (x86_64, aarch64). */
  machine: z.string().min(1),
  nodes: z.number().int().positive(),
  /** --gpus-per-node as exported: 0 (CPU only), a count, or "all". */
  gpusPerNode: z.union([z.number().int().nonnegative(), z.literal('all')]),
  /**
   * The tests the job runs, in the order it runs them, by the smoke stage's ids (exportSteps:
   * compute is compute-cpu, then compute-gpu with GPUs), each with its suite.
   */
  tests: z.array(z.object({ id: z.string().min(1).max(200), suite: z.string().min(1).max(200) })).min(1),
  startedAt: UTC_SECONDS,
  /** Set once every suite ran: a job without it ended early (cancelled, timed out, the import failed). */
  finishedAt: UTC_SECONDS.optional(),
});

export type JobMeta = z.infer<typeof JobMetaSchema>;

/**
 * One suite's result as the job records it (RECORD_SHELL, src/export/common.ts): the smoke script's
 * result line (status, reason, metrics) with id, suite, durationMs and exitCode added.
 */
export const SuiteRecordSchema = z.object({
  id: z.string().min(1).max(200),
  suite: z.string().min(1).max(200),
  durationMs: z.number().nonnegative(),
  exitCode: z.number().int(),
  status: z.enum(['pass', 'fail', 'skip']),
  reason: z.string().optional(),
  metrics: z.record(z.string(), z.unknown()).optional(),
});

export type SuiteRecord = z.infer<typeof SuiteRecordSchema>;
