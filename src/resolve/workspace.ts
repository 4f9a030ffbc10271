// The resolver's workspace: one container of the base image (for the target platform) with a
// directory of files, where pip dry runs and the Python helper run. pip's cache is reused across
// the runs. Every answer that comes back from the container is parsed here (zod), never cast.
import { z } from 'zod';
import { type Analysis, AnalysisSchema } from './helper-output.js';
import type { ContainerSession } from '../docker/adapter.js';
import { formatIssues } from '../config/issues.js';
import { CheckFailedError, type MlImageError } from '../errors.js';
import { interruptedFailure } from '../util/cleanup.js';
import { boundedSafeParse } from '../util/parse-input.js';
import { redactText } from '../util/redact.js';
import { type FailureContext, pipFailureError } from './failure.js';
import { looksTransient, transientSummary } from './transient.js';
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

/** A dry run with the helper's analysis of its report (only when it succeeded). */
export interface AnalyzedRun {
  run: PipRun;
  analysis: Analysis | undefined;
  /** Seconds the helper spent in pip and in the analysis (for --verbose). */
  seconds: { pip: number; analysis: number };
}

/** One try of `helper.py run`, before the retry and failure rules (settle). */
export interface Attempt extends AnalyzedRun {
  /** The snapshot the same process took first (`--snapshot`), as an exec answer for parseSnapshot. */
  snapshot?: ExecResult;
  snapshotSeconds?: number;
  /** The held run the same process made after it (`held`), when the base had to be held. */
  held?: AnalyzedRun;
}

const PipSchema = z.object({ rc: z.number(), stdout: z.string(), stderr: z.string() });
const RunOutputSchema = z.object({
  snapshot: z.unknown().optional(),
  pip: PipSchema.optional(),
  analysis: AnalysisSchema.optional(),
  held: z.object({ pip: PipSchema, analysis: AnalysisSchema.optional() }).optional(),
  timing: z.record(z.string(), z.number()).optional(),
});

export interface Workspace {
  session: ContainerSession;
  image: string;
  /** Write files into DIR. */
  put(files: Readonly<Record<string, string>>): Promise<void>;
  /**
   * `pip install --dry-run --report DIR/<report> <extra>`: a failure that is not a conflict is
   * thrown as pip reported it (pipFailureError), or with `failure: 'return'` (a probe, whose
   * failure only means no answer) comes back as a failed run; an index that failed is tried once more.
   */
  dryRun(
    report: string,
    extra: readonly string[],
    env?: Readonly<Record<string, string>>,
    o?: { failure?: 'throw' | 'return' },
  ): Promise<PipRun>;
  /** `python3 DIR/helper.py <args>`, its JSON answer parsed with `schema`. */
  helper<T>(schema: z.ZodType<T>, args: readonly string[]): Promise<T>;
  /**
   * ONE python process (`helper.py run`): the snapshot first when asked, pip's dry run in the same
   * process, and the analysis of its report against DIR/snapshot.json. One try: settle() applies
   * the retry and failure rules of dryRun.
   */
  attempt(
    report: string,
    extra: readonly string[],
    o?: { env?: Readonly<Record<string, string>>; snapshot?: boolean; held?: boolean },
  ): Promise<Attempt>;
  /** dryRun's rules for a first attempt: one more (verbose) try when the index failed, else throw. */
  settle(
    first: Attempt,
    report: string,
    extra: readonly string[],
    env?: Readonly<Record<string, string>>,
  ): Promise<AnalyzedRun>;
  /** attempt + settle (with dryRun's `failure` option). */
  analyzedRun(
    report: string,
    extra: readonly string[],
    env?: Readonly<Record<string, string>>,
    o?: { failure?: 'throw' | 'return' },
  ): Promise<AnalyzedRun>;
}

/** pip's options on every dry run (its report path comes after). */
const PIP_OPTIONS = [
  // pip retries 5xx answers and broken connections itself (backoff 0.25 s, doubling).
  '--retries',
  '3',
  '--timeout',
  '15',
];

interface WorkspaceOptions {
  image: string;
  /** Index URLs (often with credentials) reach pip through the exec environment only. */
  pipEnv: Readonly<Record<string, string>>;
  failure: FailureContext;
  /** Called before the one retry of a failed index, with the reason (redacted). */
  onRetry: (reason: string) => void;
  /** A directory pip may keep its HTTP cache in (a volume mounted there), used when writable. */
  pipCache?: string;
  /**
   * Masks pip's output before anything reads it (failures, retries, conflict causes, records): the
   * values of pip's environment it prints in the URLs it fetched (outputMasker). Default: none.
   */
  mask?: (text: string) => string;
  /** Told of every `helper.py run` that answered, with its wall time (for --verbose). */
  onAttempt?: (report: string, a: Attempt, wallMs: number) => void;
  /**
   * pip arguments every dry run takes before its own: what the build installs first (input.ts
   * preinstalledArgs: `-c DIR/preinstalled.txt torch==V`, asked for as a requirement too). The
   * helper's held run keeps every argument and adds its -c (held_args).
   */
  preinstalled?: readonly string[];
  /**
   * pip arguments every dry run takes after its own: the torch index file (input.ts
   * torchIndexArgs, `-r DIR/torch-index.txt`), after the requirements so that its
   * `--extra-index-url` line adds to what a `--index-url` line in them set.
   */
  after?: readonly string[];
}

export function pipWorkspace(session: ContainerSession, opts: WorkspaceOptions): Workspace {
  const mask = opts.mask ?? ((t: string) => t);
  const attempt = helperAttempt(session, opts);
  const settle: Workspace['settle'] = (first, report, extra, env = {}) =>
    settleRun<AnalyzedRun>(opts, first, () =>
      attempt(report, ['-v', ...extra], { env: { ...env, ...DEBUG } }),
    );
  const runPip = async (report: string, extra: readonly string[], env: Readonly<Record<string, string>>) => {
    const r = await session.exec(
      [
        'python3',
        '-m',
        'pip',
        'install',
        '--dry-run',
        ...PIP_OPTIONS,
        '--report',
        `${DIR}/${report}`,
        ...(opts.preinstalled ?? []),
        ...extra,
        ...(opts.after ?? []),
      ],
      { env: { ...opts.pipEnv, ...env } },
    );
    return { run: { ok: r.exitCode === 0, out: mask(`${r.stdout}\n${r.stderr}`) } };
  };
  return {
    session,
    image: opts.image,
    put: (files) => session.putFiles(DIR, files),
    async dryRun(report, extra, env = {}, o = {}) {
      const first = await runPip(report, extra, env);
      const again = () => runPip(report, ['-v', ...extra], { ...env, ...DEBUG });
      return (await settleRun(opts, first, again, o.failure ?? 'throw')).run;
    },
    async helper(schema, args) {
      const r = await session.exec(['python3', `${DIR}/helper.py`, ...args]);
      return parseHelperOutput(schema, r, opts.image, mask);
    },
    attempt,
    settle,
    async analyzedRun(report, extra, env = {}, o = {}) {
      const again = () => attempt(report, ['-v', ...extra], { env: { ...env, ...DEBUG } });
      return settleRun<AnalyzedRun>(opts, await attempt(report, extra, { env }), again, o.failure ?? 'throw');
    },
  };
}

/**
 * The retry's verbosity with its `-v`: -vv, pip's debug level, where alone it reports an index page
 * it was refused ("Could not fetch URL ...: 401 Client Error": a wrong or expired token, which it
 * otherwise shows as "from versions: none"). The helper's held run drops its `-v` (held_args),
 * not this.
 */
const DEBUG = { PIP_VERBOSE: '1' };

/**
 * A dry run's rules: an index that answered 5xx (or nothing) past pip's own retries gets one more
 * try, at debug level, because pip reports a failing index page ("Could not fetch URL") only there;
 * a failure that is not a conflict is thrown as pip reported it (pipFailureError), unless ON_FAILURE
 * is 'return'.
 */
async function settleRun<T extends { run: PipRun }>(
  opts: WorkspaceOptions,
  first: T,
  again: () => Promise<T>,
  onFailure: 'throw' | 'return' = 'throw',
): Promise<T> {
  let a = first;
  if (!a.run.ok && looksTransient(a.run.out)) {
    opts.onRetry(transientSummary(a.run.out));
    a = await again();
  }
  if (a.run.ok || onFailure === 'return') return a;
  const failure = pipFailureError(a.run.out, opts.failure);
  if (failure) throw failure;
  return a;
}

/** One `helper.py run` in the session: pip's environment through the exec, never argv. */
function helperAttempt(session: ContainerSession, opts: WorkspaceOptions): Workspace['attempt'] {
  return async (report, extra, o = {}) => {
    const env = { ...opts.pipEnv, ...o.env };
    const t = Date.now();
    const r = await session.exec(
      [
        'python3',
        `${DIR}/helper.py`,
        'run',
        `${DIR}/${report}`,
        ...(o.snapshot ? ['--snapshot'] : []),
        ...(o.held ? ['--held'] : []),
        '--',
        ...PIP_OPTIONS,
        ...(opts.preinstalled ?? []),
        ...extra,
        ...(opts.after ?? []),
      ],
      {
        env: {
          ...env,
          // The names added for pip: the snapshot leaves them out (it records the image's own).
          ML_IMAGE_RUN_ENV: Object.keys(env).join(','),
          ...(opts.pipCache !== undefined && { ML_IMAGE_PIP_CACHE: opts.pipCache }),
        },
      },
    );
    const a = attemptOf(r, opts.image, o.snapshot === true, opts.mask);
    opts.onAttempt?.(report, a, Date.now() - t);
    return a;
  };
}

/**
 * What `helper.py run` answered. With a snapshot, a helper that could not start (no python3) or
 * could not look (old pip) comes back as the snapshot's answer, for parseSnapshot to judge.
 */
function attemptOf(
  r: ExecResult,
  image: string,
  withSnapshot: boolean,
  mask: (text: string) => string = (t) => t,
): Attempt {
  const asSnapshot = (stdout: string): Attempt => ({
    run: { ok: false, out: '' },
    analysis: undefined,
    seconds: { pip: 0, analysis: 0 },
    snapshot: { ...r, stdout },
  });
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    if (withSnapshot) return asSnapshot(r.stdout);
    throw helperFailed(r, image, undefined, mask);
  }
  const out = parseHelperOutput(RunOutputSchema, r, image, mask);
  const seconds = { pip: out.timing?.pip ?? 0, analysis: out.timing?.analysis ?? 0 };
  const snapshot = withSnapshot
    ? { ...r, stdout: out.snapshot !== undefined ? JSON.stringify(out.snapshot) : r.stdout }
    : undefined;
  if (out.pip === undefined) {
    if (snapshot !== undefined)
      return { ...asSnapshot(snapshot.stdout), snapshotSeconds: out.timing?.snapshot ?? 0 };
    throw helperFailed(
      r,
      image,
      `no pip run in ${redactText(mask(JSON.stringify(json))).slice(0, 200)}`,
      mask,
    );
  }
  const t = out.timing ?? {};
  const held = out.held && analyzed(out.held, { pip: t['held pip'] ?? 0, analysis: t['held analysis'] ?? 0 });
  return {
    ...analyzed({ pip: out.pip, analysis: out.analysis }, seconds),
    ...(snapshot !== undefined && { snapshot, snapshotSeconds: t.snapshot ?? 0 }),
    ...(held !== undefined && { held }),
  };

  function analyzed(
    o: { pip: z.infer<typeof PipSchema>; analysis?: Analysis | undefined },
    secs: AnalyzedRun['seconds'],
  ): AnalyzedRun {
    if (o.pip.rc === 0 && o.analysis === undefined)
      throw helperFailed(r, image, 'no analysis of the report', mask);
    return {
      // stdout and stderr together, as a separate `python3 -m pip` printed them.
      run: { ok: o.pip.rc === 0, out: mask(`${o.pip.stdout}\n${o.pip.stderr}`) },
      analysis: o.pip.rc === 0 ? o.analysis : undefined,
      seconds: secs,
    };
  }
}

/** The helper's JSON answer, checked against its schema; anything else is the helper failing. */
export function parseHelperOutput<T>(
  schema: z.ZodType<T>,
  r: ExecResult,
  image: string,
  mask: (text: string) => string = (t) => t,
): T {
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw helperFailed(r, image, undefined, mask);
  }
  const parsed = boundedSafeParse(schema, json);
  if ('overflow' in parsed) throw helperFailed(r, image, 'too many problems to list', mask);
  if (!parsed.success)
    throw helperFailed(r, image, formatIssues(parsed.error, json, schema).join('; '), mask);
  return parsed.data;
}

function helperFailed(
  r: ExecResult,
  image: string,
  problem?: string,
  mask: (text: string) => string = (t) => t,
): MlImageError {
  // Masked whole (the values, then tokens by their shape), then clipped: a cut inside a secret's
  // value would leave a part no mask finds.
  const whole = (r.stderr || r.stdout).trim();
  const said = problem !== undefined ? mask(problem) : redactText(mask(whole)).slice(-500);
  // Killed by the cleanup of SIGINT/SIGTERM/SIGHUP (exit 137): the interrupt, not the helper.
  return (
    interruptedFailure(`the resolver helper in ${image}`, `exit ${r.exitCode}`) ??
    new CheckFailedError(`the resolver helper failed in ${image} (exit ${r.exitCode}): ${said}`)
  );
}
