// What a cluster job left, read back (pure): the job's own line (src/smoke/job-schema.ts) and one
// record per suite, from a Slurm job's results directory (job.json, <id>.json, <id>.err: the caller
// reads the files) or from a Kubernetes Job's pod log (ML_IMAGE_JOB and ML_IMAGE_RESULT lines, the
// stderr tail of a failing suite under its line). A line or file that does not parse is bad input
// naming where it is.
import path from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import {
  JOB_META_SCHEMA_VERSION,
  JOB_PREFIX,
  type JobMeta,
  JobMetaSchema,
  RESULT_PREFIX,
  type SuiteRecord,
  SuiteRecordSchema,
} from './job-schema.js';
import { formatIssues } from '../config/issues.js';
import { printable } from '../util/text.js';
import { parseJsonText } from '../util/json-file.js';
import { safeParseInput } from '../util/parse-input.js';

/** One suite's record and the end of its output (a failing suite's stderr), with where it was read. */
export interface CollectedRecord {
  record: SuiteRecord;
  where: string;
  output?: string;
}

/** A job's results as read: its own line (the last one it wrote) and its suites' records. */
export interface CollectedJob {
  meta: JobMeta;
  /** Where the job's line was read (a file, or the log and its line). */
  metaWhere: string;
  records: CollectedRecord[];
}

/** What no export of this version wrote: an export older than `ml-image collect`, or not ours. */
const EXPORT_AGAIN =
  'export the job again with this version of ml-image (its jobs say which image and platform they ran), then run it';

/**
 * TEXT as one JSON value, by the shared reader: nested at most MAX_JSON_DEPTH (a deeper one
 * overflowed the redaction's walk: "internal error"), a byte order mark or bad syntax named by line
 * and column.
 */
const jsonOf = (text: string, where: string, what: string): unknown =>
  parseJsonText(text, `${where}: the ${what}`, EXPORT_AGAIN);

/** VALUE (read from WHERE) through SCHEMA; bad input naming WHERE and WHAT otherwise. */
function checkedAs<T>(schema: z.ZodType<T>, value: unknown, where: string, what: string): T {
  const r = safeParseInput(schema, value, `${where}: the ${what}`, EXPORT_AGAIN);
  if (r.success) return r.data;
  throw new InputError(
    `${where}: the ${what}: ${formatIssues(r.error, value, schema).join('; ')}`,
    EXPORT_AGAIN,
  );
}

function parseJobMeta(text: string, where: string): JobMeta {
  const value = jsonOf(text, where, "job's description");
  const version: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, 'schemaVersion') : undefined;
  if (typeof version === 'number' && version !== JOB_META_SCHEMA_VERSION)
    throw new InputError(
      `${where}: the job's description is of schema version ${version}, which ${version < JOB_META_SCHEMA_VERSION ? 'an earlier' : 'a later'} ml-image wrote; this one reads version ${JOB_META_SCHEMA_VERSION} (it lists the tests the job runs)`,
      version < JOB_META_SCHEMA_VERSION
        ? EXPORT_AGAIN
        : 'collect with the ml-image version that exported the job',
    );
  return checkedAs(JobMetaSchema, value, where, "job's description");
}

const parseSuiteRecord = (text: string, where: string): SuiteRecord =>
  checkedAs(SuiteRecordSchema, jsonOf(text, where, "suite's result"), where, "suite's result");

/** The records in WHERE, refused when two are of the same test. */
function distinct(records: CollectedRecord[], where: string): CollectedRecord[] {
  const seen = new Map<string, string>();
  for (const r of records) {
    const earlier = seen.get(r.record.id);
    if (earlier !== undefined)
      throw new InputError(
        `${where}: two results of the test ${printable(r.record.id)} (${earlier} and ${r.where}): the results of two runs mixed`,
        'collect the results of one run',
      );
    seen.set(r.record.id, r.where);
  }
  return records;
}

/** A Slurm job's results: job.json's text and each <id>.json's (with its <id>.err, when read). */
export function slurmJob(
  dir: string,
  meta: { text: string; file: string },
  records: readonly { file: string; text: string; err?: string }[],
): CollectedJob {
  const job = parseJobMeta(meta.text, meta.file);
  if (job.target !== 'slurm')
    throw new InputError(`${meta.file}: the job's description is of a ${job.target} job, not a Slurm one`);
  const read = records.map((r) => ({
    record: parseSuiteRecord(r.text, r.file),
    where: r.file,
    ...(r.err !== undefined && { output: r.err }),
  }));
  // The job writes each test's record to <id>.json: one of another test (a result line of the
  // suite's own output carrying an "id" of its own, or a file put there) would take that test's place.
  const misnamed = read.find((r) => path.basename(r.where) !== `${r.record.id}.json`);
  if (misnamed)
    throw new InputError(
      `${misnamed.where}: the suite's result is of the test ${printable(misnamed.record.id)}, not of the test its file is named for`,
      'collect the files the job wrote, as it named them; export the job again if a suite\'s output carries an "id"',
    );
  // A directory used again (results/local, ML_IMAGE_RESULTS_DIR) keeps an earlier run's files: a
  // test this job does not run (compute-gpu of a GPU run, in a CPU job's directory) is not its
  // result, and would be shown and signed as one.
  ownTests(job, meta.file, read, [
    'a file of an earlier run in the same directory',
    "remove the earlier run's files from the directory, or run the job again into a directory of its own",
  ]);
  return { meta: job, metaWhere: meta.file, records: distinct(read, dir) };
}

/** RECORDS, refused (WHY: the words and the fix) when one is of a test JOB (read from WHERE) does not run. */
function ownTests(
  job: JobMeta,
  where: string,
  records: readonly CollectedRecord[],
  why: [string, string],
): void {
  const tests = job.tests;
  const stale = records.find((r) => !tests.some((t) => t.id === r.record.id && t.suite === r.record.suite));
  if (stale)
    throw new InputError(
      `${stale.where}: a result of the test ${printable(stale.record.id)} (suite ${printable(stale.record.suite)}), which the job of ${where} does not run (${tests.map((t) => printable(t.id)).join(', ') || 'none'}): ${why[0]}`,
      why[1],
    );
}

/** JOB's own line less finishedAt, to compare a pod's lines by. */
const sameRun = (a: JobMeta, b: JobMeta): boolean => {
  const { finishedAt: _a, ...restA } = a;
  const { finishedAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
};

/** `kubectl logs --prefix`'s "[pod/NAME/CONTAINER] " before each line. */
const KUBECTL_PREFIX = /^\[[^\]\n]*\] /;
/** `kubectl logs --timestamps`' RFC 3339 time before each line (after --prefix's). */
const KUBECTL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) /;
/** The stderr tail the pod prints under a failing suite's line. */
const TAIL_LINE = '  | ';

interface PodLog {
  first: JobMeta;
  last: JobMeta;
  lastWhere: string;
  records: CollectedRecord[];
}

/** One pod's part of the log, by the pod its job line names. */
function podLogs(text: string, source: string): Map<number, PodLog> {
  const pods = new Map<number, PodLog>();
  // The pod each prefix (none: '') was last seen printing: `kubectl logs --prefix -f` interleaves pods.
  const current = new Map<string, PodLog>();
  // A log saved by an editor or a Windows tool may start with a byte-order mark.
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, i) => {
      const where = `${source}, line ${i + 1}`;
      const prefix = KUBECTL_PREFIX.exec(raw)?.[0] ?? '';
      const rest = raw.slice(prefix.length).replace(/\r$/, '');
      const line = rest.slice(KUBECTL_TIME.exec(rest)?.[0].length ?? 0);
      if (line.startsWith(JOB_PREFIX)) {
        const meta = parseJobMeta(line.slice(JOB_PREFIX.length), where);
        const pod = meta.pod ?? 0;
        const known = pods.get(pod);
        if (known && (known.last.finishedAt !== undefined || meta.finishedAt === undefined))
          throw new InputError(
            `${where}: pod ${pod} starts again (it started at ${known.lastWhere.replace(`${source}, `, '')}): the log holds more than one run`,
            'save the log of one run (kubectl logs -l ... --tail=-1 after the Job ended), or keep each run under its own --name',
          );
        // The pod's line at its end says again what its first said, finishedAt added: another
        // image, machine or list of tests is another run's (or a log put together by hand).
        if (known && !sameRun(known.first, meta))
          throw new InputError(
            `${where}: pod ${pod}'s job line differs from its earlier one (at ${known.lastWhere.replace(`${source}, `, '')}) in more than finishedAt: the log holds more than one run`,
            'save the log of one run (kubectl logs -l ... --tail=-1 after the Job ended), or keep each run under its own --name',
          );
        const log = known
          ? { ...known, last: meta, lastWhere: where }
          : { first: meta, last: meta, lastWhere: where, records: [] };
        pods.set(pod, log);
        current.set(prefix, log);
        return;
      }
      const log = current.get(prefix);
      if (line.startsWith(RESULT_PREFIX)) {
        if (!log)
          throw new InputError(
            `${where}: a suite's result before the job's ${JOB_PREFIX.trim()} line`,
            EXPORT_AGAIN,
          );
        log.records.push({ record: parseSuiteRecord(line.slice(RESULT_PREFIX.length), where), where });
      } else if (line.startsWith(TAIL_LINE) && log && log.records.length > 0) {
        const last = log.records.at(-1)!;
        const more = line.slice(TAIL_LINE.length);
        last.output = last.output === undefined ? more : `${last.output}\n${more}`;
      }
    });
  return pods;
}

/**
 * A Kubernetes Job's results from its pods' log (`kubectl logs -l ... --tail=-1`, with or without
 * --prefix): pod 0's, which carries the verdict (the other pods of a multi-pod ddp print only their
 * own ddp, which pod 0's includes).
 */
export function k8sJob(text: string, source: string): CollectedJob {
  const pods = podLogs(text, source);
  if (pods.size === 0)
    throw new InputError(
      `${source}: no ${JOB_PREFIX.trim()} line: not the log of a job that "ml-image export --k8s" wrote, or of one older than "ml-image collect"`,
      `save the pods' log with: kubectl logs -l ml-image-action/job=NAME --tail=-1 > FILE; ${EXPORT_AGAIN}`,
    );
  const jobs = new Set([...pods.values()].map((p) => p.first.job));
  if (jobs.size > 1)
    throw new InputError(
      `${source}: the log holds the pods of ${jobs.size} jobs (${[...jobs].map(printable).join(', ')})`,
      'save the log of one job: kubectl logs -l ml-image-action/job=NAME --tail=-1 > FILE',
    );
  const pod0 = pods.get(0);
  if (!pod0)
    throw new InputError(
      `${source}: no line of pod 0, which runs the suites (the log has pod ${[...pods.keys()].sort((a, b) => a - b).join(', ')})`,
      "save every pod's log: kubectl logs -l ml-image-action/job=NAME --tail=-1 (with --max-log-requests for many pods)",
    );
  if (pod0.last.target !== 'k8s')
    throw new InputError(
      `${pod0.lastWhere}: the job's description is of a ${pod0.last.target} job, not a Kubernetes one`,
    );
  ownTests(pod0.last, pod0.lastWhere, pod0.records, [
    'not a result of this job',
    'save the log of one run of the job as it was exported',
  ]);
  return { meta: pod0.last, metaWhere: pod0.lastWhere, records: distinct(pod0.records, source) };
}
