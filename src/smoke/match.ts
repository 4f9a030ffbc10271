// A custom test's expectedOutput / excludedOutput regexes, matched so that no pattern can hang the
// run: the text is bounded (its last MATCH_TEXT_BYTES), and the match runs in a worker thread that
// is terminated after a time limit. A catastrophic-backtracking pattern such as `(a+)+$` then fails
// its test with a clear reason instead of blocking the event loop (and with it Ctrl-C and SIGTERM).
// The patterns were checked when the config was loaded (config/pattern.ts), with the same flags.
import { Worker } from 'node:worker_threads';
import { PATTERN_FLAGS } from '../config/pattern.js';

/** How much of a test's output the patterns see: its end, where results and errors are. */
export const MATCH_TEXT_BYTES = 1024 * 1024;
/** How long every pattern of one test may take together. */
const MATCH_TIME_LIMIT_MS = 2000;

/** The end of a text, at most `max` UTF-16 units (a surrogate pair is never split). */
export function boundedTail(text: string, max: number): string {
  if (text.length <= max) return text;
  let start = text.length - max;
  const c = text.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff) start += 1; // a low surrogate: its high half was cut off
  return text.slice(start);
}

type MatchOutcome =
  | { ok: true }
  | { ok: false; kind: 'missing'; pattern: string }
  | { ok: false; kind: 'unwanted'; pattern: string }
  | { ok: false; kind: 'timeout' | 'error'; message: string };

// The worker's program, inline so that the bundled dist needs no extra file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { text, expected, excluded, flags } = workerData;
try {
  const missing = expected.find((p) => !new RegExp(p, flags).test(text));
  if (missing !== undefined) parentPort.postMessage({ ok: false, kind: 'missing', pattern: missing });
  else {
    const unwanted = excluded.find((p) => new RegExp(p, flags).test(text));
    parentPort.postMessage(
      unwanted !== undefined ? { ok: false, kind: 'unwanted', pattern: unwanted } : { ok: true },
    );
  }
} catch (e) {
  parentPort.postMessage({ ok: false, kind: 'error', message: String(e && e.message || e) });
}
`;

/**
 * Check the output against the patterns: every `expected` must match, no `excluded` may.
 * Never throws, never blocks the event loop longer than it takes to start a worker.
 */
export async function matchOutput(
  output: string,
  expected: readonly string[],
  excluded: readonly string[],
  options: { timeLimitMs?: number; maxBytes?: number } = {},
): Promise<MatchOutcome> {
  if (expected.length === 0 && excluded.length === 0) return { ok: true };
  const limit = options.timeLimitMs ?? MATCH_TIME_LIMIT_MS;
  const text = boundedTail(output, options.maxBytes ?? MATCH_TEXT_BYTES);
  return new Promise<MatchOutcome>((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { text, expected: [...expected], excluded: [...excluded], flags: PATTERN_FLAGS },
      // A match never needs much memory; a runaway one must not take the host's.
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    // Never the thing that keeps the process alive (a signal handler may exit while it runs).
    worker.unref();
    const finish = (o: MatchOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(o);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          kind: 'timeout',
          message: `expectedOutput/excludedOutput took longer than ${limit / 1000}s to match; simplify the pattern (nested quantifiers such as (a+)+ backtrack exponentially)`,
        }),
      limit,
    );
    worker.once('message', (m: MatchOutcome) => finish(m));
    worker.once('error', (e) => finish({ ok: false, kind: 'error', message: e.message }));
    worker.once('exit', (code) =>
      finish({ ok: false, kind: 'error', message: `the matcher stopped (exit ${code})` }),
    );
  });
}
