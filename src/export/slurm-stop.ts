// How an exported Slurm job stops early and still removes its container. Slurm kills a job at its
// time limit (and on a plain `scancel`) after SIGTERM, and a job ending that way can no longer start
// the step that removes the named container from its nodes. So the job asks Slurm for SIGUSR1 a
// while before the limit (`#SBATCH --signal=B:USR1@STOP_LEAD_S`), which `scancel --batch
// --signal=USR1 JOBID` sends too: it stops the running step and exits while the job may still run
// a step, and its EXIT trap removes the container. The steps run in the background and are waited
// for (in_step), since bash runs a trap only once a foreground command has ended: a hung suite would
// hold the stop until its own timeout, past the time limit.

/** The most seconds the removal of the named container at the job's end may take, and its kill delay. */
export const REMOVE_TIMEOUT_S = 180;
export const REMOVE_KILL_AFTER_S = 10;

/**
 * Seconds before the time limit that Slurm signals the job (USR1): the container's removal at its
 * limit and kill delay, the running step's end, and Slurm's own lateness (it may signal up to 60 s
 * early, so rarely late, but a busy node's step start takes a while).
 */
export const STOP_LEAD_S = REMOVE_TIMEOUT_S + REMOVE_KILL_AFTER_S + 110;

/** How much earlier than asked Slurm may send it (its event handling's resolution, sbatch(1)). */
export const STOP_EARLY_S = 60;

/** The exit status of a job stopped by SIGNAL, as a shell reports a command killed by it. */
const STOP_EXIT: Readonly<Record<'USR1' | 'TERM', number>> = { USR1: 138, TERM: 143 };

/** What ignores the stop signals where a stop would change nothing: once every suite ran, and in the removal. */
export const STOP_IGNORED = "trap '' USR1 TERM";

/** The #SBATCH line that asks for the stop signal before the time limit (to the batch shell only). */
export const STOP_SBATCH_LINE = `--signal=B:USR1@${STOP_LEAD_S}`;

/**
 * in_step OUT ERR CMD...: CMD in the background (its output to OUT and ERR), waited for, its status
 * in S_RC; stop_job: the trap of USR1 and TERM.
 */
export const STOP_SHELL = `# A stop before the end: Slurm sends USR1 ${STOP_LEAD_S}s before the time limit (#SBATCH --signal), and
# "scancel --batch --signal=USR1 <job id>" asks for the same. The running step is stopped and the job
# exits while it may still start the step that removes its container (the EXIT trap); a plain scancel
# or the time limit itself (TERM) is handled alike, but Slurm then refuses that step.
# in_step OUT ERR CMD...: CMD in the background, its output to OUT and ERR, waited for (bash runs a
# trap only once a foreground command has ended), its exit status in S_RC. Not redirected as a whole:
# a trap that runs in it would write there too.
in_step() {
  s_out=$1 s_err=$2; shift 2
  "$@" > "$s_out" 2> "$s_err" &
  wait $!
  S_RC=$?
}
# stop_job SIGNAL STATUS: the step that runs (the shell's background jobs) ended, then exit; a
# second stop signal is ignored from here on, as it is once every suite ran and in the removal (a
# default action would kill the shell there, removal and all).
stop_job() {
  trap '' USR1 TERM
  printf '%s\\n' "ml-image: stopped by SIG$1 (the time limit is near, or scancel): the running step is ended and the job exits; its results so far are in $RESULTS" >&2
  s_jobs=$(jobs -p)
  if [ -n "$s_jobs" ]; then kill -TERM $s_jobs 2> /dev/null; wait; fi
  exit "$2"
}
trap 'stop_job USR1 ${STOP_EXIT.USR1}' USR1
trap 'stop_job TERM ${STOP_EXIT.TERM}' TERM`;
