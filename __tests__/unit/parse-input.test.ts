// A file so broken that zod's list of its problems overflows the stack (200,000 packages each
// missing a field) was "internal error: Maximum call stack size exceeded" (audit): exit 2 naming it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { EnvRecordSchema } from '../../src/capture/record.js';
import { readEnvRecord } from '../../src/diff/read.js';
import { InputError } from '../../src/errors.js';
import { readBuildFile } from '../../src/results/read.js';
import { boundedSafeParse, safeParseInput } from '../../src/util/parse-input.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const N = 200_000;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-parse-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
};

// Each parse below lists hundreds of thousands of problems: seconds of CPU on a loaded runner.
describe('an input too broken for zod to list its problems', { timeout: 90_000 }, () => {
  it('an environment record: exit 2 naming the file', () => {
    const record = JSON.parse(
      readFileSync(path.join(REPO_ROOT, '__tests__/fixtures/h200/record.json'), 'utf8'),
    );
    // Under the CLI (node's default stack) zod overflows on such a record; a test worker's stack
    // may hold it, so the overflow is made here: the reader must turn it into bad input.
    const spy = vi.spyOn(EnvRecordSchema, 'safeParse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      const e = thrown(() => readEnvRecord(record, 'big.json'));
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/^big\.json: too many problems to list/);
    } finally {
      spy.mockRestore();
    }
    // And the real thing: either zod's list, or its overflow; exit 2 both ways.
    const p = record.python.packages[0];
    record.python.packages = Array.from({ length: N }, (_, i) => ({ ...p, name: `p${i}`, installer: null }));
    expect(thrown(() => readEnvRecord(record, 'big.json'))).toBeInstanceOf(InputError);
  });

  it('a build.json: exit 2 naming the file', () => {
    const file = path.join(dir, 'build.json');
    const variant = { name: 'cpu', platforms: ['linux/amd64'], digests: null };
    writeFileSync(
      file,
      JSON.stringify({ schemaVersion: 3, variants: Array.from({ length: N }, () => variant) }),
    );
    const e = thrown(() => readBuildFile(file));
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/build\.json: (too many problems to list|not a build result)/);
  });

  it("zod's RangeError is exit 2 naming the source; any other failure is not turned into bad input", () => {
    const overflowing = {
      safeParse: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    } as unknown as z.ZodType<string>;
    const e = thrown(() => safeParseInput(overflowing, 'x', 'big.json'));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    expect((e as Error).message).toBe(
      'big.json: too many problems to list (zod ran out of stack): not a file ml-image wrote',
    );
    const schema = z.string().transform(() => {
      throw new TypeError('a bug');
    });
    expect(() => safeParseInput(schema, 'x', 'f.json')).toThrow(TypeError);
  });
});

describe('boundedSafeParse', () => {
  const Listed = z.object({ l: z.array(z.string()) });
  // 600,000 wrong entries under a key: zod pushes the list's problems into the object's with
  // push(...issues), past the stack (of a test worker too).
  const overflowing = { l: Array(600_000).fill(1) };
  it.each([
    ['data that matches', { l: ['a'] }, { success: true, data: { l: ['a'] } }],
    ['data with one problem', { l: [1] }, { success: false, issues: 1 }],
    ['a list of 600,000 wrong entries', overflowing, 'overflow'],
  ] as const)('%s', (_name, data, expected) => {
    const r = boundedSafeParse(Listed, data);
    if (expected === 'overflow') {
      expect('overflow' in r && r.overflow).toBeInstanceOf(RangeError);
      return;
    }
    if ('overflow' in r) throw new Error('overflowed');
    expect(r.success).toBe(expected.success);
    if ('data' in expected) expect(r.data).toEqual(expected.data);
    if ('issues' in expected) expect(r.error?.issues).toHaveLength(expected.issues);
  });

  it('passes on any other failure than a RangeError', () => {
    const buggy = z.string().transform(() => {
      throw new TypeError('a bug');
    });
    expect(() => boundedSafeParse(buggy, 'x')).toThrow(TypeError);
  });
});
