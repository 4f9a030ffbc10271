// The in-container deadlines: every container this tool starts ends by itself, even when the
// process that started it was killed and never removes it. Pure: scripts and argv, no engine.
import { DEADLINE_MARGIN_MS, DEFAULT_DEADLINE_MS, DEFAULT_SESSION_DEADLINE_MS } from './adapter.js';

/**
 * PID 1 of every container runContainer starts: runs the real command as its child and stops it at
 * the deadline (TERM, then KILL 5 s later), so a container ends by itself even when the process
 * that started it was killed (SIGKILL) and never removes it. PID 1 ignores signals sent from inside
 * its namespace, so the watchdog signals the child, and PID 1 exits with the child's status.
 * A command that does not exist exits 127 with the engine's own wording ("executable file not
 * found"), as `docker run` does. `exec` runs the program itself, never a shell builtin.
 * Arguments: $1 = deadline in seconds, the rest = the command.
 */
export const DEADLINE_SCRIPT = [
  'd=$1; shift',
  'case $1 in */*) [ -f "$1" ] && [ -x "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac ||',
  '  { echo "exec: \\"$1\\": executable file not found in \\$PATH" >&2; exit 127; }',
  'exec "$@" & c=$!',
  '(sleep "$d"; echo "ml-image: deadline of ${d}s passed: stopping the command" >&2;',
  ' kill -TERM "$c" 2>/dev/null; sleep 5; kill -KILL "$c" 2>/dev/null) & w=$!',
  'wait "$c"; s=$?',
  'kill "$w" 2>/dev/null',
  'exit "$s"',
].join('\n');

/**
 * The idle loop of a session: it ends at its deadline ($1 seconds), once no command has run in it
 * for $2 seconds (looked at every $3 seconds: any process in the container but PID 1 and this
 * loop, which is PID 1 itself or, under an init the daemon adds (`"init": true`), its child, is a
 * command a `docker exec` runs), or when stopped. Shell builtins and sleep only.
 */
export const SESSION_SCRIPT = [
  'trap "exit 0" TERM INT',
  't=$1; i=$2; s=$3; n=0',
  'while [ "$t" -gt 0 ]; do',
  '  sleep "$s" & wait $!',
  '  t=$((t - s))',
  '  b=0; for p in /proc/[0-9]*; do case ${p#/proc/} in 1|$$) ;; *) b=1 ;; esac; done',
  '  if [ "$b" = 1 ]; then n=0; else n=$((n + s)); [ "$n" -lt "$i" ] || exit 0; fi',
  'done',
  'exit 0',
].join('\n');

/** Whole seconds of the in-container deadline of a container run (at least 1). */
/**
 * The longest a node timer waits (2^31-1 ms, about 24.8 days): a longer one fires at once (node
 * warns TimeoutOverflowWarning), which would end a run that was given more time, not less.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** MS as a node timer can wait it. */
export const timerMs = (ms: number): number => Math.min(ms, MAX_TIMER_MS);

export function deadlineSeconds(spec: { timeoutMs?: number; deadlineMs?: number }): number {
  const ms =
    spec.deadlineMs ??
    (spec.timeoutMs !== undefined ? spec.timeoutMs + DEADLINE_MARGIN_MS : DEFAULT_DEADLINE_MS);
  return Math.max(1, Math.ceil(ms / 1000));
}

/** Whole seconds a session's idle loop lasts (at least 1). */
export function sessionSeconds(spec: { deadlineMs?: number | undefined }): number {
  return Math.max(1, Math.ceil((spec.deadlineMs ?? DEFAULT_SESSION_DEADLINE_MS) / 1000));
}

/**
 * The idle loop's arguments after its deadline: whole seconds without a command after which it
 * ends (idleMs; without one, its deadline), and how often it looks (a quarter of that, 1 to 60 s).
 */
export function sessionIdle(spec: { deadlineMs?: number | undefined; idleMs?: number | undefined }): {
  idleSeconds: number;
  stepSeconds: number;
} {
  const idleSeconds =
    spec.idleMs === undefined ? sessionSeconds(spec) : Math.max(1, Math.ceil(spec.idleMs / 1000));
  return { idleSeconds, stepSeconds: Math.min(60, Math.max(1, Math.floor(idleSeconds / 4))) };
}

/**
 * The argv the container would run without a wrapper, with Docker's rules: an entrypoint given
 * replaces the image's and its CMD; else the image's entrypoint runs with spec.cmd (or, when
 * that is empty, with the image's CMD).
 */
export function effectiveArgv(
  spec: { entrypoint?: readonly string[] | undefined; cmd: readonly string[] },
  image: { entrypoint: readonly string[] | null; cmd: readonly string[] | null },
): string[] {
  if (spec.entrypoint !== undefined) return [...spec.entrypoint, ...spec.cmd];
  return [...(image.entrypoint ?? []), ...(spec.cmd.length > 0 ? spec.cmd : (image.cmd ?? []))];
}

/** Entrypoint and Cmd that run argv under DEADLINE_SCRIPT. */
export function withDeadline(
  argv: readonly string[],
  seconds: number,
): { Entrypoint: string[]; Cmd: string[] } {
  return {
    Entrypoint: ['/bin/sh', '-c', DEADLINE_SCRIPT, 'ml-image-deadline', String(seconds)],
    Cmd: [...argv],
  };
}

/** Entrypoint and Cmd of a session's container: the idle loop, bypassing the image's entrypoint. */
export function sessionCommand(
  seconds: number,
  idle: { idleSeconds: number; stepSeconds: number } = { idleSeconds: seconds, stepSeconds: 60 },
): { Entrypoint: string[]; Cmd: string[] } {
  return {
    Entrypoint: [
      'sh',
      '-c',
      SESSION_SCRIPT,
      'ml-image-session',
      String(seconds),
      String(idle.idleSeconds),
      String(idle.stepSeconds),
    ],
    Cmd: [],
  };
}

/** The engine's start error when the image has no /bin/sh for the deadline wrapper. */
export function isMissingShell(err: unknown): boolean {
  return /"?\/bin\/sh"?:? .*(no such file or directory|not found)/i.test(
    String((err as Error)?.message ?? err),
  );
}
