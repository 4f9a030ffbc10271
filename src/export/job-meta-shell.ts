// The shell that makes an exported job say about itself what src/smoke/job-schema.ts describes: the
// fields known at export (schemaVersion, target, image, name, gpusPerNode, tests; Kubernetes: the
// Job's name and its pod count) as JSON from TypeScript, the rest (job id, node, machine, times)
// from the shell at run time, each escaped there. Slurm writes RESULTS/job.json (through a temp file
// and mv); a pod prints a JOB_PREFIX line. Both at the start, and again with finishedAt at the end.
import type { ExportSpec, ExportStep } from './common.js';
import { shellQuote } from './common.js';
import { JOB_META_FILE, JOB_META_SCHEMA_VERSION, JOB_PREFIX, type JobMeta } from '../smoke/job-schema.js';

/**
 * The tests of STEPS in the order the job runs them, by the ids the smoke stage gives them
 * (compute's compute-cpu, then compute-gpu with GPUs), each with its suite: what collect expects.
 */
export const jobTestsOf = (steps: readonly ExportStep[]): JobMeta['tests'] =>
  steps.map((st) => ({ id: st.id, suite: st.suite }));

/** OBJ as JSON members without the braces, to be joined with those the shell adds. */
const members = (obj: Partial<JobMeta>): string => JSON.stringify(obj).slice(1, -1);

/** What the job's JSON starts with, and ends with before startedAt: the fields known at export. */
interface JobMetaConstants {
  head: string;
  tail: string;
}

/**
 * The fields known at export, in the schema's order around the shell's: HEAD (schemaVersion,
 * target, image, name, and on Kubernetes the Job's name as job) and TAIL (nodes on Kubernetes,
 * gpusPerNode, tests). IMAGE is the reference by digest (REPOSITORY@sha256:...), not Enroot's form.
 */
export function jobMetaConstants(
  o: Pick<ExportSpec, 'nodes' | 'gpusPerNode'>,
  target: JobMeta['target'],
  image: string,
  name: string,
  steps: readonly ExportStep[],
): JobMetaConstants {
  const k8s = target === 'k8s';
  return {
    head: members({
      schemaVersion: JOB_META_SCHEMA_VERSION,
      target,
      image,
      name,
      ...(k8s && { job: name }),
    }),
    tail: members({
      ...(k8s && { nodes: o.nodes }),
      gpusPerNode: o.gpusPerNode,
      tests: jobTestsOf(steps),
    }),
  };
}

/** The `date` format of startedAt and finishedAt (JobMetaSchema's UTC_SECONDS). */
const UTC_NOW = '$(date -u +%Y-%m-%dT%H:%M:%SZ)';

/**
 * POSIX sh (bash, dash, busybox sh): json_str VALUE [DEFAULT] prints VALUE as a JSON string, its
 * backslashes and double quotes escaped and its control characters (newlines too) dropped, DEFAULT
 * (a plain word) when nothing is left; json_count VALUE DEFAULT prints VALUE when it is a count
 * without leading zeros, else DEFAULT. Bytes, not characters (LC_ALL=C): no locale drops a byte.
 */
const JSON_STR_SHELL = `# json_str VALUE [DEFAULT]: VALUE as a JSON string (backslashes and double quotes escaped, control
# characters dropped), DEFAULT when nothing is left
json_str() {
  j_s=$(printf '%s\\n' "$1" | LC_ALL=C sed -e 's/\\\\/\\\\\\\\/g' -e 's/"/\\\\"/g' | LC_ALL=C tr -d '\\000-\\037')
  printf '"%s"' "\${j_s:-\${2:-}}"
}
# json_count VALUE DEFAULT: VALUE when it is a whole number (no leading zero), else DEFAULT
json_count() {
  case $1 in
    0|[1-9]*) case $1 in *[!0-9]*) printf '%s' "$2" ;; *) printf '%s' "$1" ;; esac ;;
    *) printf '%s' "$2" ;;
  esac
}`;

/** The constants as shell assignments (JOB_META_HEAD, JOB_META_TAIL) and the start time. */
const constantLines = (c: JobMetaConstants): string =>
  `JOB_META_HEAD=${shellQuote(c.head)}
JOB_META_TAIL=${shellQuote(c.tail)}
JOB_STARTED=${UTC_NOW}`;

/** Every test id an exported job may record (exportSteps' ids, every suite with GPUs). */
export const STEP_IDS = [
  'imports',
  'pip-check',
  'gpu',
  'compute-cpu',
  'compute-gpu',
  'train',
  'ddp',
  'custom',
];

/**
 * Bash: an earlier run's files of these names in RESULTS removed (a directory used again:
 * results/local outside Slurm, ML_IMAGE_RESULTS_DIR), so that none is read back as this job's.
 * Only the names a job writes: any other file there stays.
 */
const EARLIER_RUN_LINES = `# An earlier run's files in this directory (results/local, ML_IMAGE_RESULTS_DIR) are not this job's
for f in ${STEP_IDS.join(' ')} import remove; do
  rm -f "$RESULTS/$f.json" "$RESULTS/$f.out" "$RESULTS/$f.err"
done
rm -f "$RESULTS/${JOB_META_FILE}" "$RESULTS/${JOB_META_FILE}.tmp"`;

/**
 * Slurm (bash): RESULTS/job.json at once, and JOB_META_FINISHED_LINE at the job's normal end (not the
 * EXIT trap: a job that stopped early keeps the first, without finishedAt). The batch host is the
 * first node, where the suites' steps run; nodes are the job's ($SLURM_NNODES, else 1).
 */
export function slurmJobMetaShell(c: JobMetaConstants): string {
  return `# ${JOB_META_FILE}: what this job is (the image, where, with how many GPUs, which suites), for
# ml-image collect; written again with finishedAt once every suite ran. Through a temp file and mv,
# so a reader never sees half of it.
${EARLIER_RUN_LINES}
${JSON_STR_SHELL}
${constantLines(c)}
# job_meta [FINISHED_AT]: RESULTS/${JOB_META_FILE}, one line of JSON
job_meta() {
  j_end=
  if [ -n "\${1:-}" ]; then j_end=",\\"finishedAt\\":$(json_str "$1")"; fi
  printf '{%s,"job":%s,"node":%s,"machine":%s,"nodes":%s,%s,"startedAt":%s%s}\\n' "$JOB_META_HEAD" \\
    "$(json_str "\${SLURM_JOB_ID:-local}" local)" "$(json_str "$(hostname 2> /dev/null || uname -n)")" \\
    "$(json_str "$(uname -m)" unknown)" "$(json_count "\${SLURM_NNODES:-1}" 1)" "$JOB_META_TAIL" \\
    "$(json_str "$JOB_STARTED")" "$j_end" > "$RESULTS/${JOB_META_FILE}.tmp" \\
    && mv -f "$RESULTS/${JOB_META_FILE}.tmp" "$RESULTS/${JOB_META_FILE}" \\
    || printf '%s\\n' "ml-image: could not write $RESULTS/${JOB_META_FILE}" >&2
}
job_meta`;
}

/**
 * Kubernetes (POSIX sh): the pod's JOB_PREFIX line at once, and JOB_META_FINISHED_LINE at pod 0's
 * normal end. The node is the pod's (ML_IMAGE_NODE, the downward API's spec.nodeName), else the
 * pod's own hostname; pod is the completion index.
 */
export function podJobMetaShell(c: JobMetaConstants): string {
  return `# A "${JOB_PREFIX}{json}" line: what this job is (the image, where, with how many GPUs, which
# suites), for ml-image collect; printed again with finishedAt once every suite ran (pod 0).
${JSON_STR_SHELL}
${constantLines(c)}
# job_meta [FINISHED_AT]: the pod's line
job_meta() {
  j_end=
  if [ -n "\${1:-}" ]; then j_end=",\\"finishedAt\\":$(json_str "$1")"; fi
  printf '%s{%s,"pod":%s,"node":%s,"machine":%s,%s,"startedAt":%s%s}\\n' '${JOB_PREFIX}' "$JOB_META_HEAD" \\
    "$(json_count "$INDEX" 0)" "$(json_str "\${ML_IMAGE_NODE:-$(hostname 2> /dev/null || uname -n)}")" \\
    "$(json_str "$(uname -m)" unknown)" "$JOB_META_TAIL" "$(json_str "$JOB_STARTED")" "$j_end"
}
job_meta`;
}

/** The line at the job's normal end, before its exit with the suites' verdict. */
export const JOB_META_FINISHED_LINE = `job_meta "${UTC_NOW}"`;

/**
 * The container's variable of the pod's node (the downward API), which podJobMetaShell reads: a new
 * object each call, as each manifest owns what it holds (a caller that edits one edits no other).
 */
export const nodeEnv = () => ({
  name: 'ML_IMAGE_NODE',
  valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
});
