// zod gathers a nested list's problems with push(...issues): 600,000 wrong entries under a key
// overflow the stack (a test worker's too), a RangeError that each of these sites let out as an
// internal error. Each reads what another party handed in, and now says of it what it says of any
// other data that does not match (src/util/parse-input.ts boundedSafeParse).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IN_TOTO_PAYLOAD_TYPE, parseAttestations } from '../../src/attest/cosign-args.js';
import { parseStatement } from '../../src/attest/cosign-image.js';
import { contentSizeOf, storeOfInfo } from '../../src/docker/size-kind.js';
import { CheckFailedError, EnvironmentError, InputError } from '../../src/errors.js';
import { parseResponse } from '../../src/github/client.js';
import { parseGitHubEvent } from '../../src/github/event.js';
import { parseReportModel } from '../../src/report/model.js';
import { SnapshotSchema } from '../../src/resolve/helper-output.js';
import { parseHelperOutput } from '../../src/resolve/workspace.js';
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

// Each parse below lists hundreds of thousands of problems: seconds of CPU on a loaded runner.
describe('a list too wrong for zod to list its problems', { timeout: 90_000 }, () => {
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

  it("the resolver helper's answer: the helper failed", () => {
    const r = { exitCode: 0, stdout: JSON.stringify({ format: 2, installed: MANY() }), stderr: '' };
    const e = thrown(() => parseHelperOutput(SnapshotSchema, r, 'python:3.12-slim'));
    expect(e).toBeInstanceOf(CheckFailedError);
    expect((e as Error).message).toBe(
      'the resolver helper failed in python:3.12-slim (exit 0): too many problems to list',
    );
  });

  it("GitHub's answer: an unexpected response (exit 3)", () => {
    const schema = z.object({ items: z.array(z.string()) });
    const e = thrown(() => parseResponse(schema, { items: MANY() }, 'list things'));
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as Error).message).toBe(
      'GitHub API list things: unexpected response: too many problems to list',
    );
  });

  it("the engine's info and inspect: no store and no size told by them", () => {
    expect(storeOfInfo({ DriverStatus: MANY() })).toBeUndefined();
    expect(contentSizeOf({ Manifests: MANY() }, { os: 'linux', architecture: 'amd64' })).toBeUndefined();
  });
});
