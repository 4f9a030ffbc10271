// `ml-image export --slurm`: an sbatch script that runs the smoke suites in the image by digest through
// Pyxis/Enroot (srun --container-image): the image imported in a step of its own, then one container
// step per suite on the first node, and the ddp suite on every node through torchrun with a c10d
// rendezvous. Pure: the caller writes the files.
import path from 'node:path';
import { InputError } from '../errors.js';
import { SMOKE_SCRIPT } from '../util/images-dir.js';
import { VERSION } from '../version.js';
import { hideSecretsShell, STEP_ENV } from './secret-env.js';
import {
  checkSpec,
  DEFAULT_RDZV_PORT,
  EXPORT_MARKER,
  type ExportSpec,
  type ExportStep,
  exportSteps,
  gpuLines,
  IMAGE_PULL_ALLOWANCE_S,
  jobDeadlineSeconds,
  machineCaseLines,
  pyxisImage,
  RECORD_SHELL,
  shellQuote,
  skipJson,
  stepWords,
  TIMEOUT_EXPORT_LINE,
} from './common.js';
import { checkJobName, DEFAULT_JOB_NAME } from './job-name.js';
import { slurmMemory } from './memory.js';
import { JOB_META_FINISHED_LINE, jobMetaConstants, slurmJobMetaShell } from './job-meta-shell.js';
import { JOB_META_FILE } from '../smoke/job-schema.js';
import {
  REMOVE_KILL_AFTER_S,
  REMOVE_TIMEOUT_S,
  STOP_EARLY_S,
  STOP_IGNORED,
  STOP_LEAD_S,
  STOP_SBATCH_LINE,
  STOP_SHELL,
} from './slurm-stop.js';

export const SLURM_JOB_FILE = 'job.sbatch';
/** The smoke script's copy in the export directory: images/probe/'s, by its own name. */
export const SMOKE_SCRIPT_FILE = SMOKE_SCRIPT;
/** Where the export directory appears inside the container. */
const CONTAINER_DIR = '/ml-image';

export interface SlurmOptions extends ExportSpec {
  /**
   * Absolute directory holding job.sbatch and ml_image_smoke.py, on a filesystem every node mounts
   * (the export's --out). The job also finds them through ML_IMAGE_EXPORT_DIR or the submit directory.
   */
  exportDir: string;
  partition?: string;
  account?: string;
  /** sbatch --output; %j is the job id (default: ml-image-smoke-%j.out in the submit directory). */
  output?: string;
}

/** Seconds `timeout --kill-after` lets a step (the import too) run past its limit before SIGKILL. */
const KILL_AFTER_S = 60;
/** The job's own time besides its steps' limits: the srun and container starts, the GPU count. */
const SLURM_MARGIN_S = 300;

/**
 * The job's --time, in seconds: every container step at its timeout plus the kill delay
 * `timeout --kill-after` gives it, the image import at its limit (the pull allowance) plus its own,
 * the stop signal's lead (STOP_LEAD_S, which holds the container's removal at the end) and the
 * 60 s Slurm may send it early, and a fixed margin: a run whose every step takes its whole timeout
 * still ends before the stop signal.
 */
export function slurmDeadlineSeconds(o: ExportSpec): number {
  const running = Math.max(1, exportSteps(o).filter((st) => st.kind !== 'skip').length);
  return jobDeadlineSeconds(o) + (running + 1) * KILL_AFTER_S + STOP_LEAD_S + STOP_EARLY_S + SLURM_MARGIN_S;
}

/** Slurm's D-HH:MM:SS, rounded up to the minute. */
export function slurmTime(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  const d = Math.floor(m / 1440);
  const hh = String(Math.floor((m % 1440) / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return d > 0 ? `${d}-${hh}:${mm}:00` : `${hh}:${mm}:00`;
}

function checkSlurmOptions(o: SlurmOptions): void {
  if (!path.isAbsolute(o.exportDir))
    throw new InputError(`--out: expected an absolute path, got "${o.exportDir}"`);
  // Pyxis splits --container-mounts at "," and ":", and hands each mount to Enroot as an fstab line,
  // whose fields a space or tab splits; a newline would end an #SBATCH line too.
  if (/[,:\s]/.test(o.exportDir))
    throw new InputError(
      `--out: ${JSON.stringify(o.exportDir)} cannot be mounted by Pyxis (it contains "," ":" or a blank: a space, tab or newline)`,
      'pass --out a directory whose path has none of them, on a filesystem every node mounts',
    );
  if (o.partition !== undefined && !/^[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*$/.test(o.partition))
    throw new InputError(
      `--partition: expected names of letters, digits and ._- (comma-separated), got "${o.partition}"`,
    );
  if (o.account !== undefined && !/^[A-Za-z0-9._-]+$/.test(o.account))
    throw new InputError(`--account: expected letters, digits and ._-, got "${o.account}"`);
  if (o.output !== undefined && !/^[A-Za-z0-9._%/-]+$/.test(o.output))
    throw new InputError(`output: expected a path of letters, digits and ._%/-, got "${o.output}"`);
}

/** The #SBATCH lines: one task per node, its GPUs, CPUs and memory, the time limit, partition and account. */
function sbatchLines(o: SlurmOptions, name: string, cpus: number): string[] {
  return [
    `--job-name=${name}`,
    `--nodes=${o.nodes}`,
    '--ntasks-per-node=1',
    // 'all': whole nodes, so ddp runs over every GPU a node has (counted at run time).
    ...(o.gpusPerNode === 'all'
      ? ['--exclusive']
      : o.gpusPerNode > 0
        ? [`--gpus-per-node=${o.gpusPerNode}`]
        : []),
    `--cpus-per-task=${cpus}`,
    // --memory per node (Slurm's M/G/T are binary): else the cluster's DefMemPerCPU x the CPUs.
    ...(o.memory !== undefined ? [`--mem=${slurmMemory(o.memory)}`] : []),
    `--time=${slurmTime(slurmDeadlineSeconds(o))}`,
    STOP_SBATCH_LINE,
    `--output=${o.output ?? `${DEFAULT_JOB_NAME}-%j.out`}`,
    ...(o.partition !== undefined ? [`--partition=${o.partition}`] : []),
    ...(o.account !== undefined ? [`--account=${o.account}`] : []),
  ].map((l) => `#SBATCH ${l}`);
}

const SLURM_SCRIPT = `${CONTAINER_DIR}/${SMOKE_SCRIPT_FILE}`;

/** The bash lines of one step: a container step on the first node, or ddp on every node. */
function slurmStepLines(st: ExportStep, port: number): string[] {
  switch (st.kind) {
    case 'skip':
      return [`skip ${st.id} ${st.suite} ${shellQuote(skipJson(st.reason))}`];
    case 'script':
      return [
        `run_step ${st.id} python3 ${SLURM_SCRIPT} ${stepWords(st.args)}`,
        `record ${st.id} ${st.suite} "$S_RC" "$S_START"`,
      ];
    case 'pip-check':
      return [
        'run_step pip-check python3 -m pip check',
        'pip_result pip-check',
        'record pip-check pip-check "$S_RC" "$S_START"',
      ];
    case 'ddp':
      // Every node runs one torchrun; c10d elects the store on MASTER_ADDR (its hostname matches).
      // Underscored flags: torchrun has taken them since torch 1.10, the hyphenated ones only since 2.x.
      return [
        'MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
        `MASTER_PORT=\${MASTER_PORT:-${port}}`,
        'S_START=$(date +%s)',
        'in_step "$RESULTS/ddp.out" "$RESULTS/ddp.err" \\',
        `  timeout --kill-after=${KILL_AFTER_S} "$TIMEOUT" ${STEP_ENV} srun --nodes="$SLURM_NNODES" --ntasks-per-node=1 "\${CONTAINER[@]}" \\`,
        '  python3 -m torch.distributed.run --nnodes="$SLURM_NNODES" --nproc_per_node="$NPROC_PER_NODE" \\',
        '  --rdzv_id="$SLURM_JOB_ID" --rdzv_backend=c10d --rdzv_endpoint="$MASTER_ADDR:$MASTER_PORT" \\',
        `  --rdzv_conf="join_timeout=$TIMEOUT" --max_restarts=0 ${SLURM_SCRIPT} ddp-worker`,
        'ddp_result ddp',
        'record ddp ddp "$S_RC" "$S_START" "torchrun exited $S_RC"',
      ];
    case 'by-machine':
      return machineCaseLines(st, (step) => slurmStepLines(step, port));
  }
}

/** Where the job finds ml_image_smoke.py, and RESULTS; exits 2 when it cannot. */
function exportDirLines(o: SlurmOptions): string {
  return `# Slurm runs a copy of this file, so its path does not say where ml_image_smoke.py is:
# ML_IMAGE_EXPORT_DIR, else the export directory, else the directory sbatch ran in.
EXPORT_DIR=\${ML_IMAGE_EXPORT_DIR:-}
if [ -z "$EXPORT_DIR" ]; then
  for d in ${shellQuote(o.exportDir)} "\${SLURM_SUBMIT_DIR:-.}"; do
    if [ -f "$d/${SMOKE_SCRIPT_FILE}" ]; then EXPORT_DIR=$d; break; fi
  done
fi
if [ -z "$EXPORT_DIR" ] || [ ! -f "$EXPORT_DIR/${SMOKE_SCRIPT_FILE}" ]; then
  echo "ml-image: ${SMOKE_SCRIPT_FILE} not found: set ML_IMAGE_EXPORT_DIR to the directory of ${SLURM_JOB_FILE} and ${SMOKE_SCRIPT_FILE}, on a filesystem every node mounts" >&2
  exit 2
fi
case $EXPORT_DIR in
  *[,:[:space:]]*) printf '%s\\n' "ml-image: $EXPORT_DIR: Pyxis cannot mount a path containing ',' ':' or a blank (space, tab, newline)" >&2; exit 2 ;;
esac
RESULTS=\${ML_IMAGE_RESULTS_DIR:-$EXPORT_DIR/results/\${SLURM_JOB_ID:-local}}
mkdir -p "$RESULTS" || exit 2
printf '%s\\n' "ml-image: $IMAGE on \${SLURM_NNODES:-1} node(s); results in $RESULTS"`;
}

/** run_step: one command in the container on the first node. */
const RUN_STEP_SHELL = `# run_step ID CMD...: CMD in the container on the first node, output kept, killed at TIMEOUT
run_step() {
  S_ID=$1; shift
  S_START=$(date +%s)
  in_step "$RESULTS/$S_ID.out" "$RESULTS/$S_ID.err" \\
    timeout --kill-after=${KILL_AFTER_S} "$TIMEOUT" ${STEP_ENV} srun --nodes=1 --ntasks=1 "\${CONTAINER[@]}" "$@"
}`;

/**
 * The image import, in a step of its own before any suite: Pyxis imports the image in the first srun
 * that names the container, so without it the first suite's TIMEOUT (and, for a multi-node ddp, the
 * rendezvous wait of the nodes that imported earlier) would count the import, and a suite killed
 * mid-import would leave the next step to import again. One task on each node the suites use (every
 * node of the job for a multi-node ddp, else the first), limited by ML_IMAGE_IMPORT_TIMEOUT (default
 * the 15 minutes the job's --time allows for it). A failed import ends the job: exit 3, before any suite.
 */
function importStepShell(everyNode: boolean): string {
  const nodes = everyNode ? '--nodes="$SLURM_NNODES" --ntasks-per-node=1' : '--nodes=1 --ntasks=1';
  const where = everyNode ? '$SLURM_NNODES node(s)' : 'the first node';
  return `# The image import, in a step of its own: Pyxis imports the image in the first srun that names the
# container, and each suite's TIMEOUT is to measure the suite alone. ML_IMAGE_IMPORT_TIMEOUT (seconds)
# limits it: default ${IMAGE_PULL_ALLOWANCE_S}, the time the job's --time allows for the import.
IMPORT_TIMEOUT=\${ML_IMAGE_IMPORT_TIMEOUT:-${IMAGE_PULL_ALLOWANCE_S}}
case $IMPORT_TIMEOUT in
  ''|*[!0-9]*) printf '%s\\n' "ml-image: ML_IMAGE_IMPORT_TIMEOUT: expected whole seconds, got '$IMPORT_TIMEOUT'" >&2; exit 2 ;;
esac
printf '%s\\n' "ml-image: importing the image on ${where} (at most \${IMPORT_TIMEOUT}s)"
I_START=$(date +%s)
in_step "$RESULTS/import.out" "$RESULTS/import.err" \\
  timeout --kill-after=${KILL_AFTER_S} "$IMPORT_TIMEOUT" ${STEP_ENV} srun ${nodes} "\${CONTAINER[@]}" true
I_RC=$S_RC
if [ "$I_RC" != 0 ]; then
  if [ "$I_RC" = 124 ] || [ "$I_RC" = 137 ]; then
    printf '%s\\n' "ml-image: the image import did not finish within \${IMPORT_TIMEOUT}s: no suite ran (raise ML_IMAGE_IMPORT_TIMEOUT, and sbatch --time with it)" >&2
  else
    printf '%s\\n' "ml-image: the image import failed (srun exited $I_RC): no suite ran; check the image reference, the registry credentials (Enroot's .credentials) and $RESULTS/import.err" >&2
  fi
  tail -n 20 "$RESULTS/import.err" 2> /dev/null | sed 's/^/  | /' >&2
  exit 3
fi
printf '%s\\n' "ml-image: image imported in $(( $(date +%s) - I_START ))s"`;
}

/**
 * The named container's removal when the job ends, an EXIT trap (so after a failed import, or a
 * missing GPU, too). Pyxis keeps a named container after the job under its default
 * container_scope=global: an unpacked copy of the image on every node a step ran on, for good. A
 * task on each node of the job removes it by both of Pyxis' names, pyxis_NAME (global) and
 * pyxis_JOBID_NAME (container_scope=job, whose epilog removes it as well), each only where `enroot
 * list` shows it. Slurm refuses the step of a job it is ending (a plain scancel, the time limit's
 * TERM): the stop signal before it (slurm-stop.ts) is what lets it run.
 */
export const REMOVE_CONTAINER_SHELL = `# Pyxis keeps a named container after the job (container_scope=global, its default): an unpacked copy
# of the image on every node a step ran on. At exit the job removes it on each of its nodes, by both
# of Pyxis' names (pyxis_NAME; pyxis_JOBID_NAME under container_scope=job), where enroot lists it.
remove_container() {
  ${STOP_IGNORED}
  timeout --kill-after=${REMOVE_KILL_AFTER_S} ${REMOVE_TIMEOUT_S} ${STEP_ENV} srun --nodes="\${SLURM_NNODES:-1}" --ntasks-per-node=1 sh -c \\
    'rc=0; for c in "$@"; do if enroot list 2> /dev/null | grep -qxF "$c"; then enroot remove -f "$c" > /dev/null || { printf "%s\\n" "ml-image: could not remove the container $c on $(hostname)" >&2; rc=1; }; fi; done; exit $rc' \\
    sh "pyxis_$CONTAINER_NAME" "pyxis_\${SLURM_JOB_ID:-0}_$CONTAINER_NAME" > /dev/null 2> "$RESULTS/remove.err" \\
    || printf '%s\\n' "ml-image: the container may be left on the nodes (exit $?, see $RESULTS/remove.err): remove it with enroot remove -f pyxis_$CONTAINER_NAME" >&2
}
trap remove_container EXIT`;

/**
 * Whole nodes (`--gpus-per-node all`, `#SBATCH --exclusive`): a job step gets the job's GRES
 * "except those implicitly requested when a job is exclusive" (srun(1), --gres), so where Slurm
 * constrains devices (cgroup ConstrainDevices=yes) a step would see no GPU. Every srun asks for the
 * GPUs of a node by count (--gres=gpu:N, added to CONTAINER): the fewest that Slurm's Gres lists
 * on a node of the job (gpu[:type]:N, types summed), else, when scontrol cannot tell, the first
 * node's /dev/nvidia[0-9]*. Where Slurm lists no GPU on any node but the devices are there, Slurm
 * does not manage the GPUs and the steps see them without asking. No GPU at all: exit 3.
 */
export const EXCLUSIVE_GPUS_SHELL = `# --exclusive gives the job every GPU of its nodes, but a job step gets the job's GRES "except those
# implicitly requested when a job is exclusive" (srun(1), --gres): with ConstrainDevices=yes a step
# would see no GPU. So every srun asks for the GPUs of a node by count (--gres=gpu:N).
# node_gpus NODE: the GPUs Slurm's Gres lists on NODE (gpu[:type]:N, summed; 0 for none); fails
# when scontrol cannot tell
node_gpus() {
  n_info=$(scontrol show node "$1" 2> /dev/null) || return 1
  printf '%s\\n' "$n_info" | tr ' ' '\\n' | sed -n 's/^Gres=//p' | tr ',' '\\n' \\
    | sed -n 's/^gpu\\(:[^:(]*\\)\\{0,1\\}:\\([0-9][0-9]*\\).*/\\2/p' | awk '{ s += $1 } END { print s + 0 }'
}
# dev_gpus: the NVIDIA GPU devices of this node
dev_gpus() {
  set -- /dev/nvidia[0-9]*
  if [ -e "$1" ]; then echo "$#"; else echo 0; fi
}
GPUS=; GPU_MAX=0; GPU_NODE=\${SLURMD_NODENAME:-$(hostname)}
for g_node in $(scontrol show hostnames "\${SLURM_JOB_NODELIST:-}" 2> /dev/null); do
  g_n=$(node_gpus "$g_node") || { GPUS=; break; }
  if [ -z "$GPUS" ] || [ "$g_n" -lt "$GPUS" ]; then GPUS=$g_n; GPU_NODE=$g_node; fi
  if [ "$g_n" -gt "$GPU_MAX" ]; then GPU_MAX=$g_n; fi
done
DEV_GPUS=$(dev_gpus)
if [ -z "$GPUS" ]; then
  # scontrol could not tell: this node's devices
  GPUS=$DEV_GPUS; GPU_NODE=\${SLURMD_NODENAME:-$(hostname)}
elif [ "$GPU_MAX" = 0 ] && [ "$DEV_GPUS" -gt 0 ]; then
  # Slurm lists no GPU on any node of the job, yet they are here: Slurm does not manage them
  GPUS=unmanaged
fi
case $GPUS in
  0) echo "ml-image: no GPU found on node $GPU_NODE (its Slurm Gres, or /dev/nvidia* where scontrol cannot tell, shows none): submit to GPU nodes (--partition), or export with --gpus-per-node N" >&2
     exit 3 ;;
  unmanaged) echo "ml-image: Slurm manages no GPU here; the steps see the node's $DEV_GPUS GPU(s) without asking" ;;
  *) CONTAINER+=(--gres="gpu:$GPUS")
     echo "ml-image: every step asks for $GPUS GPU(s) per node (--gres=gpu:$GPUS)" ;;
esac`;

/**
 * No GPU asked for (`--gpus-per-node 0`): Enroot's nvidia hook gives the container the GPUs that
 * NVIDIA_VISIBLE_DEVICES names, and a CUDA image's own ENV says "all", which Pyxis lets win over the
 * host's value unless --container-env names it (Pyxis 0.12 and later). So the job sets "void" and
 * has the host's value win where this srun knows the flag; where it does not, it says so.
 */
export const NO_GPUS_SHELL = `# No GPU asked for: a CUDA image's own NVIDIA_VISIBLE_DEVICES=all would give the steps every GPU of
# the node (Enroot's nvidia hook reads it); "void" hides them, where --container-env (Pyxis 0.12 and
# later) makes the host's value win over the image's.
export NVIDIA_VISIBLE_DEVICES=void
case $(srun --help 2>&1) in
  *--container-env*) CONTAINER+=(--container-env=NVIDIA_VISIBLE_DEVICES) ;;
  *) echo "ml-image: the GPUs of a node may be visible to this CPU-only run: this srun has no --container-env, so a CUDA image's NVIDIA_VISIBLE_DEVICES=all wins over void (Pyxis 0.12 and later hide them)" >&2 ;;
esac`;

/**
 * Every container step is `srun --container-image`, a flag of the Pyxis SPANK plugin, which `srun
 * --help` lists where the plugin is loaded. Without it the import step would fail as a bad image or
 * bad credentials would; the job says what is missing instead, exit 3 before any srun.
 */
export const PYXIS_CHECK_SHELL = `# The steps run the image through the Pyxis plugin of srun (--container-image), Enroot on the nodes.
case $(srun --help 2>&1) in
  *--container-image*) ;;
  *) printf '%s\\n' "ml-image: no Pyxis on $(hostname) (srun --help lists no --container-image): this job runs the image through the Pyxis plugin and Enroot on every node; no suite ran. Submit to a cluster with Pyxis, or run the suites with ml-image smoke" >&2
     exit 3 ;;
esac`;

/** The sbatch script (bash). Throws InputError naming the flag for a value it cannot embed. */
export function slurmScript(o: SlurmOptions): string {
  const ref = checkSpec(o);
  checkSlurmOptions(o);
  const name = checkJobName(o.name ?? DEFAULT_JOB_NAME);
  const cpus = o.cpus ?? 8;
  const port = o.rdzvPort ?? DEFAULT_RDZV_PORT;
  const steps = exportSteps(o);
  const body = steps.flatMap((st) => ['', `# ${st.id}`, ...slurmStepLines(st, port)]);
  const meta = jobMetaConstants(o, 'slurm', ref.ref, name, steps);
  // No import, and no container to remove, when every suite skips (no container step).
  const containerSteps = steps.some((st) => st.kind !== 'skip');
  const imports = containerSteps
    ? `\n${REMOVE_CONTAINER_SHELL}\n\n${importStepShell(steps.some((st) => st.kind === 'ddp'))}\n`
    : '';

  return `#!/bin/bash
# ml-image smoke suites on Slurm with Pyxis/Enroot, ${EXPORT_MARKER} ${VERSION}.
# Submit: sbatch ${shellQuote(path.join(o.exportDir, SLURM_JOB_FILE))}
# Each suite writes RESULTS/<id>.json (the result line of ml_image_smoke.py plus id, suite,
# durationMs and exitCode) and RESULTS/<id>.out/.err; the job exits 1 when a suite failed.
# RESULTS/${JOB_META_FILE} says what the job is; once every suite ran, it has finishedAt.
${sbatchLines(o, name, cpus).join('\n')}
# No "set -e": a failing suite is recorded and the others still run.
set -uo pipefail

${hideSecretsShell()}

# The image by digest, as Enroot names it: REGISTRY#REPOSITORY@DIGEST.
IMAGE=${shellQuote(pyxisImage(ref))}
# Older Enroot 3.x releases do not parse "@sha256:"; they take the digest in the tag slot:
# IMAGE=${shellQuote(pyxisImage(ref, true))}
TIMEOUT=${o.timeoutSeconds}
${TIMEOUT_EXPORT_LINE}
${gpuLines(o).join('\n')}

${exportDirLines(o)}

${slurmJobMetaShell(meta)}

# The host's Python settings must not leak into the image under test (imports, pip check).
unset PYTHONPATH PYTHONHOME
export PYTHONNOUSERSITE=1 PYTHONUNBUFFERED=1

# One named container per node for every step: the image is imported and unpacked once (the import
# step; without a name each srun would import it again), and removed when the job ends.
# The home directory is not mounted (its ~/.local packages would change what pip check and the imports see),
# and of the export directory only the suites' script: the image under test reads no other file of
# the host's (the directory may be the one sbatch ran in, with a project's .env or .git/config).
CONTAINER_NAME=ml-image-smoke-\${SLURM_JOB_ID:-0}
CONTAINER=(--container-image="$IMAGE" --container-name="$CONTAINER_NAME"
  --container-mounts="$EXPORT_DIR/${SMOKE_SCRIPT_FILE}:${SLURM_SCRIPT}:ro" --no-container-mount-home --cpus-per-task=${cpus})
${containerSteps ? `\n${PYXIS_CHECK_SHELL}\n` : ''}${o.gpusPerNode === 'all' ? `\n${EXCLUSIVE_GPUS_SHELL}\n` : ''}${o.gpusPerNode === 0 ? `\n${NO_GPUS_SHELL}\n` : ''}
${STOP_SHELL}

${RECORD_SHELL}

${RUN_STEP_SHELL}
${imports}${body.join('\n')}

# Every suite ran: a stop signal from here on changes nothing.
${STOP_IGNORED}
${JOB_META_FINISHED_LINE}
printf '%s\\n' "ml-image: results in $RESULTS"
exit "$FAILED"
`;
}
