// The resolver's workspace: one container of the base image (for the target platform) with a
// directory of files, where pip dry runs and the Python helper run. pip's cache is reused across
// the runs. Every answer that comes back from the container is parsed here (zod), never cast.
import { z } from 'zod';
import type { ContainerSession } from '../docker/adapter.js';
import { formatIssues } from '../config/issues.js';
import { CheckFailedError } from '../errors.js';
import { type FailureContext, looksTransient, pipFailureError, transientSummary } from './failure.js';
import { DIR } from './workdir.js';

/** A pip run: whether it succeeded, and stdout and stderr together. */
export interface PipRun {
  ok: boolean;
  out: string;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  session: ContainerSession;
  image: string;
  /** Write files into DIR. */
  put(files: Readonly<Record<string, string>>): Promise<void>;
  /**
   * `pip install --dry-run --report DIR/<report> <extra>`: a failure that is not a conflict is
   * thrown as pip reported it (pipFailureError); an index that failed is tried once more.
   */
  dryRun(report: string, extra: readonly string[], env?: Readonly<Record<string, string>>): Promise<PipRun>;
  /** `python3 DIR/helper.py <args>`, its JSON answer parsed with `schema`. */
  helper<T>(schema: z.ZodType<T>, args: readonly string[]): Promise<T>;
}

export function pipWorkspace(
  session: ContainerSession,
  opts: {
    image: string;
    /** Index URLs (often with credentials) reach pip through the exec environment only. */
    pipEnv: Readonly<Record<string, string>>;
    failure: FailureContext;
    /** Called before the one retry of a failed index, with the reason (redacted). */
    onRetry: (reason: string) => void;
  },
): Workspace {
  const runPip = async (report: string, extra: readonly string[], env: Readonly<Record<string, string>>) => {
    const r = await session.exec(
      [
        'python3',
        '-m',
        'pip',
        'install',
        '--dry-run',
        // pip retries 5xx answers and broken connections itself (backoff 0.25 s, doubling).
        '--retries',
        '3',
        '--timeout',
        '15',
        '--report',
        `${DIR}/${report}`,
        ...extra,
      ],
      { env: { ...opts.pipEnv, ...env } },
    );
    return { ok: r.exitCode === 0, out: `${r.stdout}\n${r.stderr}` };
  };
  return {
    session,
    image: opts.image,
    put: (files) => session.putFiles(DIR, files),
    async dryRun(report, extra, env = {}) {
      let run = await runPip(report, extra, env);
      if (!run.ok && looksTransient(run.out)) {
        // An index that answered 5xx (or nothing) past pip's own retries: one more try, verbose,
        // because pip reports a failing index page ("Could not fetch URL") only at debug level.
        opts.onRetry(transientSummary(run.out));
        run = await runPip(report, ['-v', ...extra], env);
      }
      if (run.ok) return run;
      const failure = pipFailureError(run.out, opts.failure);
      if (failure) throw failure;
      return run;
    },
    async helper(schema, args) {
      const r = await session.exec(['python3', `${DIR}/helper.py`, ...args]);
      return parseHelperOutput(schema, r, opts.image);
    },
  };
}

/** The helper's JSON answer, checked against its schema; anything else is the helper failing. */
export function parseHelperOutput<T>(schema: z.ZodType<T>, r: ExecResult, image: string): T {
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw helperFailed(r, image);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw helperFailed(r, image, formatIssues(parsed.error, json, schema).join('; '));
  return parsed.data;
}

function helperFailed(r: ExecResult, image: string, problem?: string): CheckFailedError {
  const said = problem ?? (r.stderr || r.stdout).trim().slice(-500);
  return new CheckFailedError(`the resolver helper failed in ${image} (exit ${r.exitCode}): ${said}`);
}
