// zod gathers a nested list's problems with push(...issues): 600,000 wrong entries under a key
// overflow the stack (a test worker's too), a RangeError that each of these sites let out as an
// internal error. Each reads what another party handed in, and now says of it what it says of any
// other data that does not match (src/util/parse-input.ts boundedSafeParse).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_TOTO_PAYLOAD_TYPE, parseAttestations } from '../../src/attest/cosign-args.js';
import { parseStatement } from '../../src/attest/cosign-image.js';
import { InputError } from '../../src/errors.js';
import { parseGitHubEvent } from '../../src/github/event.js';
import { parseReportModel } from '../../src/report/model.js';
import { readDigestFiles } from '../../src/results/results.js';
import { loadBaseline } from '../../src/smoke/baselines.js';

/** 600,000 wrong entries: past the stack when zod pushes them into their parent's problems. */
const MANY = (): number[] => Array(600_000).fill(1);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-parse-overflow-'));
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

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('a list too wrong for zod to list its problems', () => {
  it('the smoke.baseline file: exit 2 naming it', () => {
    const file = path.join(dir, 'baseline.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, floorFraction: 0.9, gpus: MANY() }));
    const e = thrown(() => loadBaseline(file));
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toBe(
      `smoke.baseline: ${file}: too many problems to list (zod ran out of stack)`,
    );
  });

  it('the event file: an empty event, as any payload of another shape', () => {
    expect(parseGitHubEvent({ workflow_run: { pull_requests: MANY() } })).toEqual({});
  });

  it('a signed in-toto statement: no statement', () => {
    expect(parseStatement(json({ predicateType: 'x', subject: MANY() }))).toBeUndefined();
  });

  it("cosign's attestation envelopes: one with 600,000 wrong signatures fails them all", () => {
    const envelope = { payloadType: IN_TOTO_PAYLOAD_TYPE, payload: '', signatures: MANY() };
    expect(parseAttestations(JSON.stringify(envelope))).toBeUndefined();
  });

  it("cosign's attestation envelopes: a payload of 600,000 wrong subjects is left out", () => {
    const payload = json({ predicateType: 'x', subject: MANY() }).toString('base64');
    const envelope = { payloadType: IN_TOTO_PAYLOAD_TYPE, payload, signatures: [{ sig: 'c2ln' }] };
    expect(parseAttestations(JSON.stringify(envelope))).toEqual([]);
  });

  it('a digest file of another job: exit 2 naming it', () => {
    const sub = path.join(dir, 'digests');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'x.json'), JSON.stringify({ schemaVersion: 1, tags: MANY() }));
    const e = thrown(() => readDigestFiles(sub));
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toBe(
      `${path.join(sub, 'x.json')}: not a digest file: too many problems to list (zod ran out of stack)`,
    );
  });

  it('a report model from an artifact: exit 2 naming it', () => {
    const e = thrown(() => parseReportModel({ resolution: MANY() }, 'report.json'));
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toBe(
      'report.json: not a valid report model: too many problems to list (zod ran out of stack)',
    );
  });
});
