// What the probe prints is the image's to choose (a malicious image runs its own python3): any
// stdout is either a record that matches the schema or a CheckFailedError that says why, never a
// raw TypeError or RangeError from the capture's own code (src/capture/capture.ts).
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureImage } from '../../src/capture/capture.js';
import { EnvRecordSchema } from '../../src/capture/record.js';
import { CheckFailedError } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261207);
const PROPS = { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) };

/** captureImage over a fake engine whose probe prints STDOUT and exits 0. */
function capture(stdout: string) {
  const docker = fakeDocker({
    inspectImage: () => Promise.resolve(imageDetails()),
    runContainer: () =>
      Promise.resolve({ containerId: 'c', exitCode: 0, timedOut: false, stdout, stderr: '', durationMs: 5 }),
  });
  return captureImage({ image: 'acme/evil:1', imagesDir: path.join(REPO_ROOT, 'images') }, { docker });
}

/** A record, or a CheckFailedError naming the image: what any output must come to. */
async function recordOrRefused(stdout: string): Promise<'record' | 'refused'> {
  try {
    const r = await capture(stdout);
    expect(EnvRecordSchema.safeParse(r).success).toBe(true);
    return 'record';
  } catch (e) {
    if (!(e instanceof CheckFailedError)) throw e;
    expect(e.message).toContain('acme/evil:1');
    return 'refused';
  }
}

const { image: _image, schemaVersion: _v, ...PROBED } = makeRecord({ pip: { numpy: '2.1.0' } });
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const KEYS = Object.keys(PROBED);

describe("the probe's output, whatever the image prints", () => {
  it.each([
    ['JSON null', 'null'],
    ['a number', '5'],
    ['a string', '"record"'],
    ['an array', '[1, 2]'],
    ['errors as an object', JSON.stringify({ ...PROBED, errors: { field: 'x' } })],
    ['errors as a number', JSON.stringify({ ...PROBED, errors: 5 })],
    ['errors as a string', JSON.stringify({ ...PROBED, errors: 'oops' })],
    ['capture as a string', JSON.stringify({ ...PROBED, capture: 'x' })],
    ['python as null', JSON.stringify({ ...PROBED, python: null })],
    // Spread into the record's capture, a string of 2 MB was 2 million keys (7 s, more memory).
    ['capture as a string of 2 MB', JSON.stringify({ ...PROBED, capture: 'x'.repeat(2_000_000) })],
    ['capture as a list of 100,000', JSON.stringify({ ...PROBED, capture: Array(100_000).fill(1) })],
    // zod gathers a list's problems with push(...issues): 600,000 overflowed the stack (a RangeError).
    ['an apt list of 600,000 numbers', JSON.stringify({ ...PROBED, apt: Array(600_000).fill(1) })],
    ['a record nested 100,000 arrays deep', `{"pip":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['a nested value 100,000 objects deep', `{"python":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`],
  ])('%s: refused with a CheckFailedError', async (_name, stdout) => {
    expect(await recordOrRefused(stdout)).toBe('refused');
  });

  it("the genuine probe's record is taken", async () => {
    expect(await recordOrRefused(JSON.stringify({ ...PROBED, schemaVersion: 1 }))).toBe('record');
  });

  it('any JSON in place of one of its fields: a record or a CheckFailedError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KEYS, 'errors', 'capture', 'python', 'extra'),
        fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
        async (key, value) => {
          await recordOrRefused(JSON.stringify({ ...PROBED, [key]: value }));
        },
      ),
      PROPS,
    );
  });

  it('any text: a record or a CheckFailedError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 50 }), fc.json({ maxDepth: 3 })), async (stdout) => {
        await recordOrRefused(stdout);
      }),
      PROPS,
    );
  });
});
