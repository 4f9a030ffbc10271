// What a smoke test prints is the image's to choose: its result line (src/smoke/suites.ts
// suiteResult) and the shared process's markers (src/smoke/batch.ts) are read from any output
// without an exception, in time linear in it, and a genuine result or marker is still found
// whatever the image printed around it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveFilter, MARK, sections } from '../../src/smoke/batch.js';
import { suiteResult } from '../../src/smoke/suites.js';
import { redactDeep } from '../../src/util/redact.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261207);
const PROPS = { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) };
const N = 'n0nce';

/** Pieces an image's output is made of: result look-alikes, markers (with and without the nonce). */
const piece = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '{"status":',
      '{"status": "pass"}',
      '{"status": "fail", "reason": "x"}',
      '{"status":[',
      '{ "status" : "skip" }',
      '}',
      '"',
      '\\',
      '\n',
      '\r\n',
      `\n${MARK}`,
      `${MARK}{"event":"start","id":"a","nonce":"${N}"}\n`,
      `\n${MARK}{"event":"end","id":"a","exit":0,"nonce":"${N}"}\n`,
      `\n${MARK}{"event":"start","id":"b","nonce":"other"}\n`,
      `\n${MARK}null\n`,
      `\n${MARK}[1]\n`,
      `{"status": "pass", "metrics": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
);
const output = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));

const result = fc.record(
  {
    status: fc.constantFrom('pass' as const, 'fail' as const, 'skip' as const),
    reason: fc.string({ maxLength: 20 }),
    metrics: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.double({ noNaN: true }), fc.string()), {
      maxKeys: 3,
    }),
    output: output,
  },
  { requiredKeys: ['status'] },
);

describe("the suite's result line, whatever the image printed", () => {
  it('any output: a result of the schema or none, never an exception', () => {
    fc.assert(
      fc.property(output, (stdout) => {
        const r = suiteResult(stdout);
        if (r === undefined) return;
        expect(['pass', 'fail', 'skip']).toContain(r.status);
        // What the session does with a result next: redacted (a walk of every value) and written.
        expect(JSON.stringify(redactDeep(r)).length).toBeGreaterThan(0);
      }),
      PROPS,
    );
  });

  it("the script's result is found after any output on its line and before any output after it", () => {
    fc.assert(
      fc.property(
        output.map((s) => s.replace(/[\r\n]/g, '')),
        result,
        fc.string({ maxLength: 20 }).map((s) => s.replace(/\{\s*"status"/g, '')),
        (before, r, after) => {
          // What runs after the result (atexit) prints lines of its own; a JSON of any finite double.
          const line = JSON.stringify(r);
          const found = suiteResult(`${before}${line}\n${after.replace(/[^\n]*$/, '')}`);
          expect(found).toEqual(JSON.parse(line));
        },
      ),
      PROPS,
    );
  });
});

/**
 * The lines of TEXT that are markers of the batch: MARK then a JSON object with the nonce, a string
 * id and event, on a line of its own. A look-alike not at a line's start (`x@@ml-image-smoke@@ {…}`)
 * is output, as the script's protocol has it.
 */
function markerLines(text: string): string[] {
  return text.split('\n').filter((l) => {
    if (!l.startsWith(MARK)) return false;
    try {
      const m = JSON.parse(l.slice(MARK.length)) as Record<string, unknown> | null;
      return m?.nonce === N && typeof m.id === 'string' && typeof m.event === 'string';
    } catch {
      return false;
    }
  });
}

describe("the shared process's markers, whatever a test printed", () => {
  it('any output: sections and the live filter never throw, and no marker of the batch is passed on as output', () => {
    fc.assert(
      fc.property(output, fc.array(fc.nat(40), { maxLength: 4 }), (text, cuts) => {
        const s = sections(text, N);
        for (const [id, sec] of s) {
          expect(typeof id).toBe('string');
          expect(markerLines(sec.text)).toEqual([]);
        }
        const emitted: string[] = [];
        const filter = liveFilter(
          () => 'first',
          (t) => emitted.push(t),
          N,
        );
        // The same text in chunks cut anywhere (a chunk may end inside a marker).
        let at = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          filter(text.slice(at, Math.max(at, c)));
          at = Math.max(at, c);
        }
        filter(text.slice(at));
        filter.flush();
        for (const e of emitted) {
          expect(e.endsWith('\n')).toBe(true);
          expect(markerLines(e)).toEqual([]);
        }
      }),
      PROPS,
    );
  });
});
