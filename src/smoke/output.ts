// What a smoke test's container run gave back, as the runner reads it: the end of the output it
// keeps (redacted, bounded), and the signs of a program or of python3 missing from the image; and
// how the output is shown: live lines labelled with their test, a failure's end under it.
import { redactOutput } from '../util/redact-instruction.js';
import {
  type ContinuationScanner,
  continuationScanner,
  maskContinuations,
} from '../util/redact-output-lines.js';
import { mapStringsDeep, REDACTED, redactEnvValue, valueMasks } from '../util/redact.js';
import type { ContainerRunSpec } from '../docker/adapter.js';
import { boundedTail } from './match.js';
import type { SmokeResult, SmokeTest } from './result.js';
import { printable } from '../util/text.js';

/** The outcome of one container run. */
export interface RunOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /**
   * Why a run that timedOut was stopped, when not by the test's own timeout (the shared process's
   * start limit: batch-start.ts): the test's reason (timedOutReason).
   */
  stopReason?: string;
}

/**
 * What a smoke test asks of its container. `gpu`: the test uses a GPU, so its container gets the
 * run's GPUs (when it has any); every other container gets none.
 */
export type TestRunSpec = Omit<ContainerRunSpec, 'image' | 'gpus'> & { gpu?: boolean };

/** The run of a smoke test's container, as the runner sees it. */
export type RunFn = (spec: TestRunSpec) => Promise<RunOutcome>;

/** How much of a test's output its result keeps: the end, where the error is (records stay small). */
export const OUTPUT_KEEP_CHARS = 64 * 1024;

/** The most of one unfinished line a live view holds back before it shows it anyway. */
const LIVE_LINE_MAX = 64 * 1024;
/** A line cut there is cut at its last blank this near its end (a token is not split). */
const CUT_BLANK_WITHIN = 4096;

/** Where a line held back past LIVE_LINE_MAX is cut: after its last blank near the end, else at the end. */
function cutPoint(line: string): number {
  const from = Math.max(0, line.length - CUT_BLANK_WITHIN);
  for (let i = line.length - 1; i > from; i--) if (line[i] === ' ' || line[i] === '\t') return i + 1;
  return line.length;
}

/**
 * TEXT redacted as it reads after CONTEXT, the end of the part of its line already shown: a value
 * whose name CONTEXT ends with (`Authorization: Bearer ` | `tok...`) is masked. What the two
 * masked together give after the masked CONTEXT alone; from where they part, when a mask spans
 * the cut (a few characters shown before may then come again).
 */
function maskAfter(context: string, text: string): string {
  const both = redactOutput(context + text);
  const alone = redactOutput(context);
  let p = 0;
  const n = Math.min(both.length, alone.length);
  while (p < n && both.charCodeAt(p) === alone.charCodeAt(p)) p++;
  return both.slice(p);
}

/**
 * A test's live output (--verbose) as EMIT shows it: whole lines, redacted (redactOutput), so that
 * a NAME=value or a token cut between two chunks of the stream (a pipe flushes in 4 KiB blocks) is
 * still recognised; the unfinished last line is held back until its end comes, FLUSH (the container
 * ended), or it grows past LIVE_LINE_MAX, and so are the last whole lines from one that opens a
 * secret's value over several lines (`DB_PASSWORD: |`), up to LIVE_LINE_MAX. Each line is read
 * once (SCANNER: what the lines so far leave open is kept between chunks), and masked as the whole
 * stream would be: past LIVE_LINE_MAX the open value's lines are shown masked, not as they are.
 * A line longer than LIVE_LINE_MAX is shown in parts, each cut after a blank, and each part is
 * masked as it reads after the end of the one before (maskAfter).
 */
export function liveLines(
  emit: (text: string) => void,
  scanner: ContinuationScanner = continuationScanner(),
): { push(chunk: string): void; flush(): void } {
  /** Whole lines read (SCANNER), masked, not shown yet; from the line that opened a value when one is open. */
  let pending = '';
  /** Where PENDING starts in the masked stream (SCANNER's offsets). */
  let base = 0;
  /** The unfinished last line. */
  let partial = '';
  /** The part of a line cut past LIVE_LINE_MAX last shown: read again before its rest. */
  let context: string | undefined;
  const show = (upTo: number) => {
    if (upTo <= 0) return;
    const text = pending.slice(0, upTo);
    emit(context === undefined ? redactOutput(text) : maskAfter(context, text));
    context = undefined;
    pending = pending.slice(upTo);
    base += upTo;
  };
  return {
    push(chunk) {
      const nl = chunk.lastIndexOf('\n');
      if (nl >= 0) {
        pending += scanner.mask(partial + chunk.slice(0, nl + 1));
        partial = chunk.slice(nl + 1);
      } else partial += chunk;
      if (partial.length > LIVE_LINE_MAX) {
        // Shown as a line of its own up to its last blank (its rest is read as the next line,
        // after the end of this part: a secret's value after the cut is masked as its name says).
        const cut = cutPoint(partial);
        const piece = scanner.mask(partial.slice(0, cut));
        pending += piece;
        partial = partial.slice(cut);
        show(pending.length);
        // All of it (at most LIVE_LINE_MAX and a chunk): a cookie's name may be kilobytes before.
        context = piece;
        return;
      }
      // A secret's value the last lines leave open (a YAML key's block) waits for its end too.
      const open = scanner.openAt - base;
      show(open >= 0 && pending.length - open + partial.length <= LIVE_LINE_MAX ? open : pending.length);
    },
    flush() {
      if (partial !== '') pending += scanner.mask(partial);
      partial = '';
      show(pending.length);
    },
  };
}

/**
 * The end of a test's output as its result keeps it: the last 40 lines, at most OUTPUT_KEEP_CHARS,
 * secrets masked in place (redactOutput: tokens, URL logins, and the value of a NAME=value whose
 * NAME names a secret, as the environment record masks it: `env` prints DB_PASSWORD=...). Linear
 * in the length of the output (10 MB on one line is fine): the lines of a secret's value are masked
 * over the whole output (maskContinuations: its name may be before the end kept), then only a
 * bounded tail is redacted, with a margin so that a token cut at the edge is still recognised, less
 * the line the margin cut (its beginning is lost) where another follows.
 */
export function tail(text: string, lines = 40): string {
  const whole = maskContinuations(text);
  let window = boundedTail(whole, OUTPUT_KEEP_CHARS + 4096);
  // A line cut at the window's start lost its beginning (a secret's name: `...orization: Bearer x`),
  // which redaction shortening the lines after it could keep: dropped where a line follows it.
  const firstEnd = window.length < whole.length ? window.indexOf('\n') : -1;
  if (firstEnd >= 0 && firstEnd < window.length - 1) window = window.slice(firstEnd + 1);
  const end = redactOutput(window);
  return boundedTail(end.trim(), OUTPUT_KEEP_CHARS).split('\n').slice(-lines).join('\n');
}

/**
 * Values not masked wherever they appear: a word (AUTH_ENABLED=true, PIP_KEYRING_PROVIDER=subprocess),
 * a number, a path (HF_TOKEN_PATH=/root/.cache/huggingface/token). NAME=value pairs of them are
 * still masked by name.
 */
const PLAIN_VALUE = /^(?:[a-z][a-z_-]*|\d+|[~./][^\s]*)$/i;

/**
 * The image's own secrets masked wherever a test prints them: each value of its environment (ENV:
 * NAME=value, as the engine lists them) that the environment record masks (redactEnvValue: a
 * secret NAME, a login, a token's shape), 8 characters or more, but words, numbers and paths (PLAIN_VALUE): a test that prints
 * os.environ["WANDB_API_KEY"] alone, with no NAME beside it, is masked as env.json is. And KNOWN,
 * the values the run knows are secrets, whatever their shape.
 */
export function imageEnvMask(
  env: readonly string[],
  known: readonly string[] = [],
): (text: string) => string {
  const secrets = env.flatMap((pair) => {
    const eq = pair.indexOf('=');
    const [name, value] = eq > 0 ? [pair.slice(0, eq), pair.slice(eq + 1)] : ['', ''];
    return value !== redactEnvValue(name, value) && !PLAIN_VALUE.test(value.trim()) ? [value] : [];
  });
  // KNOWN: the run's own secrets (build.secrets values, index logins), 4 characters or more as the
  // build's output masks them; longest first over both.
  const masks = [...new Set([...valueMasks(secrets, 8), ...valueMasks(known)])].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => masks.reduce((t, m) => t.split(m).join(REDACTED), text);
}

/**
 * VALUE (a record, a smoke result) with every occurrence of KNOWN, the run's own secret values,
 * masked in each of its strings at any depth (the environment, the history's `ENV` lines, labels,
 * a test's output): records mask by name and shape only, so an innocent name's value
 * (`APP_SETTING`) that is a build secret was kept. Keys are kept. The same value when none is there.
 */
export function knownSecretsMasked<T>(value: T, known: readonly string[]): T {
  const masks = valueMasks(known);
  if (masks.length === 0) return value;
  return mapStringsDeep(value, (v) =>
    masks.some((m) => v.includes(m)) ? masks.reduce((t, m) => t.split(m).join(REDACTED), v) : v,
  ) as T;
}

/** A program the container was asked to run is not in the image (OCI runtime or our wrapper). */
export const MISSING_PROGRAM =
  /executable file not found|exec: "[^"\n]{0,300}": (stat [^\n:]{0,300}: )?(no such file or directory|permission denied)|sh: (\d+: )?[^:\n]{1,200}: not found|: command not found/i;
const MISSING_PYTHON =
  /"python3": executable file not found|exec: "python3": no such file|python3: (command )?not found/i;

/** Exit 127 (126: not executable) with the runtime's or the shell's wording for a missing program. */
export function lacksProgram(r: Pick<RunOutcome, 'exitCode' | 'stderr'>): boolean {
  return (r.exitCode === 127 || r.exitCode === 126) && MISSING_PROGRAM.test(boundedTail(r.stderr, 4096));
}

export function lacksPython(r: Pick<RunOutcome, 'exitCode' | 'stderr'>): boolean {
  return (r.exitCode === 127 || r.exitCode === 126) && MISSING_PYTHON.test(boundedTail(r.stderr, 4096));
}

export function noPythonReason(image: string): string {
  return `${image} has no python3: the smoke suites need python3 in the image`;
}

/**
 * A test past its timeout: the reason names the setting that gives it longer. A run stopped for
 * another reason (R's stopReason) gives that one.
 */
export function timedOutReason(timeoutMs: number, r?: Pick<RunOutcome, 'stopReason'>): string {
  if (r?.stopReason !== undefined) return r.stopReason;
  return `timed out after ${timeoutMs / 1000}s (the container was removed); a test that needs longer: raise smoke.timeoutSeconds in ml-image.yml (ml-image smoke: --timeout)`;
}

/** How much of a failing test's output is shown under its failure (the CLI, the annotation). */
export const FAILURE_TAIL_LINES = 20;
export const FAILURE_TAIL_CHARS = 4096;

/**
 * The end of a failing test's output as people see it under the failure (ml-image smoke's FAIL
 * line, the test's annotation): its last FAILURE_TAIL_LINES lines, at most FAILURE_TAIL_CHARS,
 * redacted as the records are (a result read back from disk is masked again; a secret's value
 * over lines masked over the whole output first, its name before the end shown). None when empty.
 */
export function failureTail(output: string | undefined): string[] {
  if (output === undefined || output.trim() === '') return [];
  const end = redactOutput(boundedTail(maskContinuations(output), FAILURE_TAIL_CHARS + 4096)).trimEnd();
  return boundedTail(end, FAILURE_TAIL_CHARS).split('\n').slice(-FAILURE_TAIL_LINES);
}

/** The heading of a failureTail: "last line", "last 20 lines". */
export const failureTailHeading = (lines: readonly string[]): string =>
  `last ${lines.length === 1 ? 'line' : `${lines.length} lines`}`;

/** A test's live output, each line labelled with the test that printed it (one process runs several). */
export function testLines(chunk: string, test: string, output: (line: string) => void): void {
  for (const line of chunk.replace(/\n$/, '').split('\n')) output(`[${test}] ${line}`);
}

/** One annotation per failing test. */
export function failureAnnotations(id: string, result: SmokeResult): { title: string; message: string }[] {
  return result.tests
    .filter((t) => t.status === 'fail')
    .map((t) => ({ title: `ml-image smoke ${id}: ${t.id}`, message: failureMessage(t) }));
}

/** A failing test's reason, the classified cause and fix when known, and the end of its output. */
function failureMessage(t: SmokeTest): string {
  // The image's text, each line escaped (printable): no line of it can pass for another message.
  const out = failureTail(t.output).map(printable);
  const lines = [printable(t.reason ?? 'failed')];
  if (t.cause) lines.push(`Cause: ${t.cause.cause}`, `Fix: ${t.cause.fix}`);
  if (out.length > 0) lines.push(`Output (${failureTailHeading(out)}):`, ...out);
  return lines.join('\n');
}
