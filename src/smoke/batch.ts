// The shared process: the python3 tests of a smoke run (imports, pip-check, gpu, compute, train,
// ddp, custom file checks) run in ONE container and ONE python3 (one `import torch`), each between
// marker lines the smoke script prints (its `batch` mode). Each test's outcome is what its own
// container would have given (exit code, its stdout and stderr, timed out), so the suites read and
// classify it exactly as before. A test that fails, crashes or times out ends that process (the
// script stops after it; a timeout kills it); the tests after it run in a fresh one, so a broken
// CUDA context or a half-imported module never reaches another test. On a GPU run the tests that use
// a GPU share processes of their own (processSteps): the container of the others gets no GPU.
import { randomBytes } from 'node:crypto';
import { hungAtStart, notRunAfterHang, notStartedReason, processLimitMs, startLimit } from './batch-start.js';
import { liveLines, type TestRunSpec } from './output.js';
import type { BatchOutcome, BatchStep, SmokeSession } from './session.js';

export type { BatchStep } from './session.js';

export const MARK = '@@ml-image-smoke@@ ';

interface Marker {
  event: 'start' | 'end' | 'timeout';
  id: string;
  exit?: number;
  ms?: number;
  process_s?: number | null;
  torch_import_ms?: number | null;
  /** The batch's nonce (from its plan): a line a test prints without it is output, not a marker. */
  nonce?: string;
}

/** A fresh nonce for a batch's plan. */
const newNonce = (): string => randomBytes(12).toString('hex');

const isMarker = (m: Marker, nonce: string): boolean =>
  typeof m.id === 'string' && typeof m.event === 'string' && m.nonce === nonce;

/**
 * The script writes each marker as "\n" MARK JSON "\n": the newline before it is the marker's. Only
 * lines with the batch's NONCE count.
 */
function markers(text: string, nonce: string): { m: Marker; from: number; to: number }[] {
  const found: { m: Marker; from: number; to: number }[] = [];
  const head = `\n${MARK}`;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    const end = text.indexOf('\n', at + 1);
    if (end < 0) break; // cut off: the process died while writing it
    try {
      const m = JSON.parse(text.slice(at + head.length, end)) as Marker;
      if (isMarker(m, nonce)) found.push({ m, from: at, to: end + 1 });
    } catch {
      // a line that only looks like a marker: output
    }
  }
  return found;
}

interface Section {
  /** The test's own output on this stream. */
  text: string;
  end?: Marker;
  timedOut: boolean;
}

/** Per test id: its output on one stream (between its start marker and its end or the stream's end). */
export function sections(text: string, nonce: string): Map<string, Section> {
  const out = new Map<string, Section>();
  let open: { m: Marker; from: number } | undefined;
  const close = (to: number, end?: Marker) => {
    if (!open) return;
    out.set(open.m.id, {
      text: text.slice(open.from, Math.max(open.from, to)),
      ...(end?.event === 'end' && { end }),
      timedOut: end?.event === 'timeout',
    });
    open = undefined;
  };
  for (const { m, from, to } of markers(text, nonce)) {
    if (m.event === 'start') {
      close(from);
      open = { m, from: to };
    } else if (open?.m.id === m.id) close(from, m);
  }
  close(text.length);
  return out;
}

/** The first start marker's figure: seconds from the process's start to its first test. */
function processSeconds(text: string, nonce: string): number | undefined {
  const first = markers(text, nonce).find((x) => x.m.event === 'start');
  return typeof first?.m.process_s === 'number' ? first.m.process_s : undefined;
}

/** The longest line held back waiting for its end (the live output's carry). */
export const MAX_CARRY = 1024 * 1024;

/**
 * Live output without marker lines (nor the newline before each, which is the marker's): each
 * piece goes to EMIT with the test that printed it (a chunk may hold the end of one test and the
 * start of the next). Pieces are whole lines, each piece ending in a newline, so that every
 * consumer can print a piece as lines of its own: a line cut between two chunks (a marker's too)
 * waits for the rest of it, and a last empty line waits for the next line, being the newline of a
 * marker that may follow.
 */
export function liveFilter(
  current: () => string,
  emit: (text: string, test: string) => void,
  nonce: string,
  /** Each test's start marker as it arrives: the process has reached that test. */
  onStart?: (test: string) => void,
): ((chunk: string) => void) & { flush: () => void } {
  let test: string | undefined;
  let carry = '';
  let blank = false;
  /** TEXT: whole lines from a line start. */
  const lines = (text: string) => {
    // The newline after a marker is looked at, not taken: it may be the next marker's (a look-alike's).
    const re = /(?:^|\n)@@ml-image-smoke@@ (\{[^\n]*\})(?=\n|$)/g;
    let from = 0;
    const out = (to: number) => {
      if (to <= from) return;
      // Text a marker followed at once: the marker's newline ended its last line.
      const piece = text.slice(from, to);
      emit(piece.endsWith('\n') ? piece : `${piece}\n`, test ?? current());
    };
    for (const m of text.matchAll(re)) {
      let marker: Marker;
      try {
        marker = JSON.parse(m[1]!) as Marker;
      } catch {
        continue;
      }
      if (!isMarker(marker, nonce)) continue;
      out(m.index);
      from = m.index + m[0].length + (text[m.index + m[0].length] === '\n' ? 1 : 0);
      if (marker.event === 'start') {
        test = marker.id;
        onStart?.(marker.id);
      }
    }
    out(text.length);
  };
  const push = (raw: string) => {
    // Only the new chunk is searched for a line's end (what is carried has none): output without
    // newlines stays linear, and a line past MAX_CARRY is passed on as it is (no marker is so long).
    const nl = raw.lastIndexOf('\n');
    let text: string;
    if (nl < 0) {
      carry += raw;
      if (carry.length <= MAX_CARRY) return;
      text = `${carry}\n`;
      carry = '';
    } else {
      text = carry + raw.slice(0, nl + 1);
      carry = raw.slice(nl + 1);
    }
    let whole = (blank ? '\n' : '') + text;
    blank = whole === '\n' || whole.endsWith('\n\n');
    if (blank) whole = whole.slice(0, -1);
    lines(whole);
  };
  /** The stream ended: what was held back is output (no marker came after it). */
  const flush = () => {
    lines((blank ? '\n' : '') + carry);
    carry = '';
    blank = false;
  };
  return Object.assign(push, { flush });
}

/** The smoke script's bootstrap: written to /tmp in the container (torchrun needs a file), run there. */
const BOOT = `import base64,runpy,sys;p="/tmp/ml_image_smoke.py";open(p,"w").write(base64.b64decode(sys.argv[1]).decode());sys.argv=[p]+sys.argv[2:];runpy.run_path(p,run_name="__main__")`;

/** The smoke script run with python3 (a spec for SmokeSession.run). */
export function scriptSpec(script: string, words: readonly string[]): TestRunSpec {
  return { entrypoint: ['python3'], cmd: ['-c', BOOT, Buffer.from(script).toString('base64'), ...words] };
}

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** The --verbose timing line of a test of the shared process. */
function timingLine(startupMs: number | undefined, processS: number | undefined, end?: Marker): string {
  const torch = end?.torch_import_ms ?? undefined;
  const parts = [
    startupMs !== undefined
      ? `container and python3 start ${s1(startupMs)}${processS !== undefined ? ` (python3 ${processS.toFixed(1)}s of it)` : ''}`
      : 'in the shared process (no container start)',
    ...(torch !== undefined ? [`import torch ${s1(torch)}`] : []),
    ...(end?.ms !== undefined ? [`the test ${s1(end.ms - (torch ?? 0))}`] : []),
  ];
  return parts.join(', ');
}

/**
 * The tests one process runs, headed by STEPS[AT]: the later tests of its kind (GPU tests with GPU
 * tests, the others with the others: only a process of GPU tests gets the GPUs), up to the next
 * test of its kind that needs a fresh process.
 */
function processSteps(steps: readonly BatchStep[], at: number): BatchStep[] {
  const head = steps[at]!;
  const out = [head];
  for (const x of steps.slice(at + 1)) {
    if (Boolean(x.gpu) !== Boolean(head.gpu)) continue;
    if (x.fresh) break;
    out.push(x);
  }
  return out;
}

/** The variable that hands the script the plan of its process (its argv stays the first test's). */
export const BATCH_ENV = 'ML_IMAGE_SMOKE_BATCH';

/**
 * The most bytes of a plan in BATCH_ENV. Linux refuses a single variable or argument over 128 KiB
 * (MAX_ARG_STRLEN): the container's exec fails with "argument list too long" and every test of the
 * process with it. A plan stops before the step that would take it past this; a step too large
 * alone (imports of a lock file of thousands of names) runs in a container of its own, its words
 * each an argument of their own on the command line.
 */
const PLAN_ENV_MAX_BYTES = 64 * 1024;

interface Plan {
  nonce: string;
  steps: { id: string; argv: readonly string[]; timeout: number }[];
}

/** The plan of a process of STEPS that fits PLAN_ENV_MAX_BYTES; undefined when not even its first step does. */
function fittingPlan(steps: readonly BatchStep[], timeoutS: number, nonce: string): Plan | undefined {
  const plan: Plan = { nonce, steps: [] };
  // The JSON's size counted step by step: each step's own JSON and the comma before it.
  let bytes = Buffer.byteLength(JSON.stringify(plan));
  for (const x of steps) {
    const step = { id: x.id, argv: x.argv, timeout: timeoutS };
    bytes += Buffer.byteLength(JSON.stringify(step)) + (plan.steps.length > 0 ? 1 : 0);
    if (bytes > PLAN_ENV_MAX_BYTES) break;
    plan.steps.push(step);
  }
  return plan.steps.length > 0 ? plan : undefined;
}

/**
 * The variable that tells the smoke script a test's timeout in seconds: the ddp suite stops its
 * launcher within it (a hang is then reported with torchrun's output), instead of after 600 s.
 */
export const SMOKE_TIMEOUT_ENV = 'ML_IMAGE_SMOKE_TIMEOUT';

/** The environment every run of the smoke script gets: the test's timeout. */
export const timeoutEnv = (timeoutMs: number): Record<string, string> => ({
  [SMOKE_TIMEOUT_ENV]: String(timeoutMs / 1000),
});

/**
 * The progress line of a process about to start: the tests it runs in turn (their results follow
 * when it ends), and the first of them running; each later one says so as the process reaches it.
 */
function announceProcess(s: SmokeSession, steps: readonly BatchStep[]): void {
  if (steps.length > 1)
    s.progress(`smoke ${steps.map((x) => x.id).join(', ')}: one container runs these in turn`);
  s.progress(`smoke ${steps[0]!.id}: running`);
}

/**
 * One live filter per stream: both carry the markers, and a stream's test is its own markers' (one
 * filter for both would label stdout with the test that stderr has already moved on to). Each
 * stream's pieces go through a liveLines of their own (redacted, the lines of a secret's value
 * held back until its end: `DB_PASSWORD: |` then its block in the next chunk), a test's held lines
 * shown when the next test's start. The progress says which test runs as the process reaches it
 * (stdout's start markers; the first test said so as the process started: announceProcess).
 */
function streamFilters(s: SmokeSession, steps: readonly BatchStep[], nonce: string, begun: () => void) {
  const emit = s.output ?? (() => undefined);
  const later = new Set(steps.slice(1).map((x) => x.id));
  const reached = (id: string) => {
    begun();
    if (later.has(id)) s.progress(`smoke ${id}: running`);
  };
  const stream = (onStart?: (test: string) => void) => {
    let live: { test: string; lines: ReturnType<typeof liveLines> } | undefined;
    const held = (text: string, test: string) => {
      if (live?.test !== test) {
        live?.lines.flush();
        live = { test, lines: liveLines((t) => emit(t, test)) };
      }
      live.lines.push(text);
    };
    const filter = liveFilter(() => s.current, held, nonce, onStart);
    return Object.assign((chunk: string) => filter(chunk), {
      flush: () => {
        filter.flush();
        live?.lines.flush();
      },
    });
  };
  return { stdout: stream(reached), stderr: stream() };
}

/**
 * Runs the process of STEPS (its PLAN): the container's outcome, how long it took, and the length
 * of its start limit when that stopped it (its first test had not begun: batch-start.ts).
 */
async function runProcess(s: SmokeSession, steps: readonly BatchStep[], plan: Plan) {
  announceProcess(s, steps);
  const limit = startLimit(s.input.timeoutMs);
  const filters = streamFilters(s, steps, plan.nonce, limit.begun);
  const started = Date.now();
  // The command is the first test's own (as if it ran alone); the plan comes in the environment.
  const r = await s
    .run({
      ...scriptSpec(s.script, steps[0]!.argv),
      env: { [BATCH_ENV]: JSON.stringify(plan), ...timeoutEnv(s.input.timeoutMs) },
      ...(steps[0]!.gpu && { gpu: true }),
      // Each test keeps its own timeout (the script's watchdog); this one only backs it up.
      timeoutMs: processLimitMs(s.input.timeoutMs, steps.length),
      signal: limit.signal,
      onStarted: limit.armed,
      ...(steps.some((x) => x.shm) && { shmSizeBytes: 1024 ** 3 }),
      onOutput: (chunk: string, stream: 'stdout' | 'stderr') => filters[stream](chunk),
    })
    .finally(limit.dispose);
  filters.stdout.flush();
  filters.stderr.flush();
  return { r, totalMs: Date.now() - started, stopped: limit.signal.aborted ? limit.ms : undefined };
}

/**
 * The outcome of test ID from the shared process: known from an earlier run of it, else a new
 * process is started for ID and every planned test after it, unless an earlier one hung as python3
 * started (notRunAfterHang: ID is not run). Undefined: ID is not planned, or is a pip-check or file
 * check that no process reached (it runs in a container of its own).
 */
export async function batchOutcome(s: SmokeSession, id: string): Promise<BatchOutcome | undefined> {
  const b = s.batch;
  const at = b?.steps.findIndex((x) => x.id === id) ?? -1;
  if (!b || at < 0) return undefined;
  const known = b.outcomes.get(id) ?? notRunAfterHang(b);
  if (known) {
    b.outcomes.delete(id);
    return known;
  }
  if (!b.steps[at]!.head) return undefined;
  // A GPU ddp step never joins a process that ran tests before it (CUDA may be initialised there:
  // an EXCLUSIVE_PROCESS GPU would refuse its rank 0, and the memory it holds is not the ranks').
  // The steps past what the environment can hold start a process of their own when reached.
  const nonce = newNonce();
  const candidates = processSteps(b.steps, at);
  const plan = fittingPlan(candidates, s.input.timeoutMs / 1000, nonce);
  if (!plan) return undefined;
  const steps = candidates.slice(0, plan.steps.length);
  const { r, totalMs, stopped } = await runProcess(s, steps, plan);
  const out = sections(r.stdout, nonce);
  const err = sections(r.stderr, nonce);
  const ends = steps.map((x) => out.get(x.id)?.end).filter((m) => m !== undefined);
  const startupMs = Math.max(0, totalMs - ends.reduce((a, m) => a + (m.ms ?? 0), 0));
  const processS = processSeconds(r.stdout, nonce);
  for (const [i, step] of steps.entries()) {
    const o = out.get(step.id);
    const e = err.get(step.id);
    const timing = timingLine(i === 0 ? startupMs : undefined, i === 0 ? processS : undefined, o?.end);
    if (!o && !e) {
      // Nothing started (no python3, the script could not run): the first test had its run.
      if (i === 0)
        b.outcomes.set(step.id, {
          ...r,
          ...(stopped !== undefined && { stopReason: notStartedReason(stopped, s.input.timeoutMs) }),
          durationMs: totalMs,
          timing: `container ${s1(totalMs)}`,
        });
      if (i === 0 && r.timedOut) hungAtStart(b, step.id, steps.slice(1), r, stopped);
      break;
    }
    if (o?.end) {
      const { exit, ms } = o.end;
      b.outcomes.set(step.id, {
        exitCode: typeof exit === 'number' ? exit : null,
        stdout: o.text,
        stderr: e?.text ?? '',
        timedOut: false,
        durationMs: (i === 0 ? startupMs : 0) + (ms ?? 0),
        timing,
      });
      continue;
    }
    // Started, never ended: it timed out (the watchdog, or the container's own timeout), or the
    // process died under it (its exit code then is the test's, as in a container of its own).
    const timedOut = Boolean(o?.timedOut || e?.timedOut || r.timedOut);
    const before = ends.reduce((a, m) => a + (m.ms ?? 0), 0);
    b.outcomes.set(step.id, {
      exitCode: timedOut ? null : r.exitCode,
      stdout: o?.text ?? '',
      stderr: e?.text ?? '',
      timedOut,
      durationMs: Math.max(0, totalMs - before),
      timing: `${timing}; ${timedOut ? 'timed out' : `the process exited ${r.exitCode}`}`,
    });
    break;
  }
  const mine = b.outcomes.get(id);
  b.outcomes.delete(id);
  return mine;
}
