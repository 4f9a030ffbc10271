// A time limit on every command the resolver runs in its container. pip can hang: an index that
// answers too slowly for pip's own --timeout to fire (a trickle of bytes), an sdist whose
// setup.py never ends while pip builds its metadata, or pip backtracking for hours through the
// releases of loosely pinned packages. Without a limit the stage would hang with it;
// with one, the command's stream is dropped (session.exec's timeoutMs), the step is named in the
// error, and the caller removes the container (with whatever still runs in it).
import { DEFAULT_SESSION_DEADLINE_MS, type ContainerSession, type ExecResult } from '../docker/adapter.js';
import { MAX_TIMEOUT_SECONDS } from '../config/schema.js';
import { EnvironmentError, InputError } from '../errors.js';
import { interruptedFailure } from '../util/cleanup.js';
import { errorMessage, firstLine } from '../util/text.js';
import { DIR } from './workdir.js';

/** The variable that sets the limit, in whole seconds. */
export const RESOLVE_TIMEOUT_ENV = 'ML_IMAGE_RESOLVE_TIMEOUT_SECONDS';

/** The limit of one command without the variable: 15 minutes. */
export const DEFAULT_RESOLVE_TIMEOUT_MS = 15 * 60_000;

/** The limit of each command, from RESOLVE_TIMEOUT_ENV (1 to MAX_TIMEOUT_SECONDS) or the default. */
export function resolveTimeoutMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env[RESOLVE_TIMEOUT_ENV];
  if (raw === undefined || raw.trim() === '') return DEFAULT_RESOLVE_TIMEOUT_MS;
  const seconds = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS)
    throw new InputError(
      `${RESOLVE_TIMEOUT_ENV}: expected whole seconds from 1 to ${MAX_TIMEOUT_SECONDS}, got ${JSON.stringify(raw)}`,
      `e.g. ${RESOLVE_TIMEOUT_ENV}=1800 for 30 minutes, or unset it for the default (${DEFAULT_RESOLVE_TIMEOUT_MS / 1000})`,
    );
  return seconds * 1000;
}

/**
 * The most commands one resolve can run in its container, counted from the steps (resolve.ts
 * answerFor, worst case: every pip run that may be tried twice is, the index failing once):
 * - the base snapshot by its own command (to be cached): 1;
 * - the plain dry run (the held one in its process): 2;
 * - the held dry run on its own: 2;
 * - relax: the helper's proposal 1, the relaxed dry run 2;
 * - release (steps/release.ts): the released dry run 2 (its analysis in its process);
 * - then either the helper's analysis of the held report (a plan): 1, or, for a conflict, per
 *   requested package pip blames (at most `requested`), the probe dry run 2 and the reading of
 *   its report 1.
 */
export function maxResolveCommands(requested: number): number {
  return 1 + 2 + 2 + 3 + 2 + Math.max(1, 3 * requested);
}

/** Limits added to the count: the time between commands (files copied in, the container's start). */
const DEADLINE_MARGIN = 2;

/**
 * How long the session's container may live: its idle loop ends then even when this process was
 * killed (while it lives, every command is stopped at its own limit). As many limits as a resolve
 * can run commands (maxResolveCommands), and a margin: a container that ended while a command was
 * still allowed to run would read as the helper failing. Never less than the sessions' default.
 */
export const sessionDeadlineMs = (limitMs: number, commands: number): number =>
  Math.max(DEFAULT_SESSION_DEADLINE_MS, (commands + DEADLINE_MARGIN) * limitMs);

/**
 * How long the session's container lives without a command running in it: the resolver's commands
 * follow each other with seconds between them, so a session idle this long is one whose process
 * was killed (SIGKILL: no cleanup ran) and which would otherwise wait, with its files (the index
 * logins' netrc among them), for its whole deadline: hours for a long requirements file.
 */
export const SESSION_IDLE_MS = 10 * 60_000;

/** What each pip report is the report of, for people. */
const REPORTS: Readonly<Record<string, string>> = {
  'naive.json': 'the plain dry run',
  'held.json': 'the held dry run (base packages pinned)',
  'relaxed.json': 'the relaxed dry run (blamed pins loosened)',
  'released.json': 'the released dry run (pins of what breaks nothing dropped)',
  'probe.json': 'the dry run looking for the newest release that fits',
};

const reportStep = (path: string | undefined): string => {
  const name = (path ?? '').slice(`${DIR}/`.length);
  return REPORTS[name] ?? `the dry run ${name || '(no report)'}`;
};

/** The step a command of the resolver is, named for people (pure). */
export function execStep(cmd: readonly string[]): string {
  const helper = cmd.indexOf(`${DIR}/helper.py`);
  if (helper >= 0) {
    const [sub, arg] = [cmd[helper + 1], cmd[helper + 2]];
    const flags = cmd.slice(helper + 3, cmd.indexOf('--') < 0 ? undefined : cmd.indexOf('--'));
    if (sub === 'run')
      return `${flags.includes('--snapshot') ? 'the base snapshot (pip inspect) and ' : ''}${reportStep(arg)} (pip install --dry-run)`;
    if (sub === 'snapshot') return 'the base snapshot (pip inspect)';
    if (sub === 'relax') return 'relaxing the blamed pins';
    if (sub === 'analyze') return 'the analysis of a pip report';
    return `the resolver helper's ${sub ?? 'command'}`;
  }
  const report = cmd.indexOf('--report');
  if (cmd.includes('pip') && report >= 0) return `${reportStep(cmd[report + 1])} (pip install --dry-run)`;
  return `the command "${cmd.slice(0, 2).join(' ')}"`;
}

/** `900 s (15 min)`, `90 s`: whole seconds, and whole minutes when there are some. */
export function formatLimit(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 120 && s % 60 === 0 ? `${s} s (${s / 60} min)` : `${s} s`;
}

/** The error of a command that ran past its limit: the step, the image, the platform and the limit. */
export function execTimeoutError(
  cmd: readonly string[],
  limitMs: number,
  where: { image: string; platform: string },
): EnvironmentError {
  return new EnvironmentError(
    `resolve ${where.platform}: ${execStep(cmd)} in ${where.image} did not finish within ${formatLimit(limitMs)}; it was stopped and the resolver's container removed`,
    `a package index that answers too slowly, an sdist whose setup.py does not end while pip builds its metadata, or pip backtracking through the releases of many loosely pinned packages: check the index, require a version that has a wheel, pin more versions (name==X, or a narrower range) so that pip has fewer to try, or raise ${RESOLVE_TIMEOUT_ENV} (seconds, default ${DEFAULT_RESOLVE_TIMEOUT_MS / 1000})`,
  );
}

const shortLine = (text: string): string => firstLine(text).trim().slice(0, 200);

/** How a command ended, for an interrupt's message: `exit 126: OCI runtime exec failed: ...`. */
export function execEnding(r: ExecResult): string {
  const line = shortLine(`${r.stderr}\n${r.stdout}`);
  return `exit ${r.exitCode}${line ? `: ${line}` : ''}`;
}

/**
 * After SIGINT/SIGTERM/SIGHUP, what the cleanup's removal of the container made of WHAT: the engine
 * refusing it (409 "container stopped/paused", 500 "Removal In Progress"), the command failing
 * ("cannot exec in a stopped state", exit 137). The interrupt (exit 130/143/129), not an internal
 * error or a base image without python3; undefined before any signal.
 */
function stoppedByInterrupt(what: string, failure: { error: unknown } | { result: ExecResult }) {
  if ('result' in failure)
    return failure.result.exitCode === 0 ? undefined : interruptedFailure(what, execEnding(failure.result));
  const e = failure.error;
  return interruptedFailure(what, shortLine(errorMessage(e)), e);
}

/**
 * The session with a limit on every exec (an exec's own timeoutMs wins): one that runs past it
 * throws execTimeoutError. The caller closes the session, which removes the container. After a
 * signal, a command or a copy that fails (the cleanup removed the container) throws the interrupt.
 */
export function withExecLimit(
  session: ContainerSession,
  limitMs: number,
  where: { image: string; platform: string },
): ContainerSession {
  const rethrow = (what: string) => (error: unknown) => {
    throw stoppedByInterrupt(what, { error }) ?? error;
  };
  return {
    containerId: session.containerId,
    putFiles: (dir, files) =>
      session.putFiles(dir, files).catch(rethrow(`copying the resolver's files into ${where.image}`)),
    close: () => session.close(),
    async exec(cmd, options = {}) {
      const timeoutMs = options.timeoutMs ?? limitMs;
      const what = `${execStep(cmd)} in ${where.image}`;
      const r = await session.exec(cmd, { ...options, timeoutMs }).catch(rethrow(what));
      const stopped = stoppedByInterrupt(what, { result: r });
      if (stopped) throw stopped;
      if (r.timedOut) throw execTimeoutError(cmd, timeoutMs, where);
      return r;
    },
  };
}
