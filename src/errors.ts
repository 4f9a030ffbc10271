// Exit-code contract shared by the CLI and the action (see docs/cli.md):
//   0 success, 1 the checked thing failed, 2 bad usage / config / input, 3 environment problem;
//   129/130/143 stopped by SIGHUP/SIGINT/SIGTERM (src/util/cleanup.ts).
export const ExitCode = {
  Ok: 0,
  CheckFailed: 1,
  BadInput: 2,
  Environment: 3,
} as const;
/** A run stopped by a signal exits 128 + the signal's number, as shells report it. */
export const SignalExitCode = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
/** The signals a run handles (cleans up, then exits with its SignalExitCode). */
export type ShutdownSignal = keyof typeof SignalExitCode;
export type ExitCode =
  (typeof ExitCode)[keyof typeof ExitCode] | (typeof SignalExitCode)[keyof typeof SignalExitCode];

/**
 * The line of a file an error is about (a requirement line pip failed on, the -r line that includes
 * a missing file): the action annotates it there. The message names it too ("FILE:LINE: ...").
 */
export interface ErrorLocation {
  file: string;
  line: number;
}

/** ORIGIN ("FILE:LINE", as requirements lines are named) as a location; undefined for another form. */
export function locationOf(origin: string | undefined): ErrorLocation | undefined {
  const m = origin === undefined ? null : /^(.+):(\d+)$/.exec(origin);
  return m && Number(m[2]) > 0 ? { file: m[1]!, line: Number(m[2]) } : undefined;
}

/** An error the tool expected: printed as one message (no stack trace unless --verbose). */
export class MlImageError extends Error {
  /** The file and line the error is about, when it is about one. */
  readonly location: ErrorLocation | undefined;
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** What the user can do about it, printed after the message. */
    readonly fix?: string,
    options?: { cause?: unknown; location?: ErrorLocation | undefined },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.location = options?.location;
  }
}

/** Bad usage, bad config, bad input file (exit 2). The message names the file / field / value. */
export class InputError extends MlImageError {
  constructor(
    message: string,
    fix?: string,
    options?: { cause?: unknown; location?: ErrorLocation | undefined },
  ) {
    super(message, ExitCode.BadInput, fix, options);
  }
}

/** Config validation failure carrying every offending path (exit 2). */
export class ConfigError extends InputError {
  /** How many problems there are: more than listed when the list was cut short. */
  readonly count: number;
  /** Each problem names its own FILE:LINE first (requirements files), not `source`. */
  readonly problemsNameFiles: boolean;
  /** The file the problems' lines are in, when `source` is more than its name ("x.yml: invalid YAML"). */
  readonly file: string | undefined;
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
    opts: { fix?: string; count?: number; problemsNameFiles?: boolean; file?: string } = {},
  ) {
    const count = opts.count ?? problems.length;
    super(
      `${source}: ${count} problem${count === 1 ? '' : 's'}\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      opts.fix,
    );
    this.count = count;
    this.problemsNameFiles = opts.problemsNameFiles ?? false;
    this.file = opts.file;
  }
}

/**
 * Docker daemon unreachable, buildx missing, registry unreachable ... (exit 3, with the fix). A run
 * stopped by a signal ends as one too (the stages unwind alike), with the signal's exit code.
 */
export class EnvironmentError extends MlImageError {
  constructor(
    message: string,
    fix: string,
    options?: {
      cause?: unknown;
      exitCode?: (typeof SignalExitCode)[ShutdownSignal];
      location?: ErrorLocation | undefined;
    },
  ) {
    super(message, options?.exitCode ?? ExitCode.Environment, fix, options);
  }
}

/** The thing checked failed: an unresolvable conflict, a failing smoke test (exit 1). */
export class CheckFailedError extends MlImageError {
  /** Each failed check, one line: --json's `problems`. */
  readonly problems: readonly string[];
  /** The document a pass prints under --json (its checks): --json prints it with the error. */
  readonly result: Readonly<Record<string, unknown>> | undefined;
  constructor(
    message: string,
    fix?: string,
    options?: {
      location?: ErrorLocation | undefined;
      problems?: readonly string[];
      result?: Readonly<Record<string, unknown>>;
    },
  ) {
    super(message, ExitCode.CheckFailed, fix, options);
    this.problems = options?.problems ?? [];
    this.result = options?.result;
  }
}

/**
 * A failure as `--json` prints it (the CLI's jsonError; `ml-image doctor --json` adds it to its
 * checks, a failed verify to its): `{"error": {"exitCode", "message", "problems", "fix"}}`, beside
 * what a pass prints when the command has checks to show (CheckFailedError's `result`).
 */
export interface JsonError {
  error: { exitCode: number; message: string; problems: string[]; fix?: string };
}

/** Format any thrown value for a terminal or a log: message + fix, stack only when verbose. */
export function describeError(err: unknown, verbose: boolean): string {
  if (err instanceof MlImageError) {
    const lines = [`error: ${err.message}`];
    if (err.fix) lines.push(`fix: ${err.fix}`);
    if (verbose && err.stack) lines.push(err.stack);
    if (verbose && err.cause instanceof Error && err.cause.stack) lines.push(`caused by: ${err.cause.stack}`);
    return lines.join('\n');
  }
  const message = err instanceof Error ? err.message : String(err);
  if (verbose && err instanceof Error && err.stack) return `internal error: ${err.stack}`;
  return `internal error: ${message}\n(run again with --verbose for the stack trace, and please report it)`;
}

export function exitCodeOf(err: unknown): ExitCode {
  return err instanceof MlImageError ? err.exitCode : ExitCode.CheckFailed;
}
