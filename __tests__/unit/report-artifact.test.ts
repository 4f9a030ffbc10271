// The comment artifact a fork's job writes and the privileged workflow_run job reads: the reader
// treats it as hostile input.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../src/errors.js';
import {
  COMMENT_ARTIFACT_FILE,
  type CommentArtifact,
  MAX_COMMENT_ARTIFACT_BYTES,
  readCommentArtifact,
} from '../../src/report/artifact.js';
import { writeCommentArtifact } from '../../src/results/comment.js';
import { buildReportModel } from '../../src/report/model.js';
import { MAX_REPORT_PLATFORMS, ReportModelSchema } from '../../src/report/model-schema.js';
import { renderRun } from '../../src/report/render/run.js';
import { makeRecord } from '../helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-artifact-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SHA = 'a'.repeat(40);
const good: CommentArtifact = {
  schemaVersion: 1,
  prNumber: 42,
  headSha: SHA,
  repository: 'acme/vision',
  reports: [{ key: 'cpu', markdown: '## ok' }],
};
const file = () => path.join(dir, COMMENT_ARTIFACT_FILE);
const put = (data: unknown) => writeFileSync(file(), typeof data === 'string' ? data : JSON.stringify(data));
const readError = (expected: Parameters<typeof readCommentArtifact>[1] = { repository: 'acme/vision' }) => {
  try {
    readCommentArtifact(dir, expected);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('expected readCommentArtifact to throw');
};

describe('comment artifact', () => {
  it('round-trips what the PR job writes', () => {
    const written = writeCommentArtifact(path.join(dir, 'nested'), good);
    expect(written).toBe(path.join(dir, 'nested', COMMENT_ARTIFACT_FILE));
    expect(
      readCommentArtifact(path.join(dir, 'nested'), { repository: 'acme/vision', headSha: SHA }),
    ).toEqual(good);
  });

  it.each([
    ['an empty name', [''], /unreported\[0\]/],
    ['a name over 64 characters', ['x'.repeat(65)], /unreported\[0\]/],
    [
      'more than 64 names',
      Array.from({ length: 65 }, (_, i) => `v${i}`),
      /unreported: expected at most 64 variants/,
    ],
    ['not a list', 'cpu', /unreported/],
  ])('refuses unreported variants that no run of ours writes: %s', (_n, unreported, message) => {
    put({ ...good, unreported });
    expect(readError()).toMatch(message);
  });

  it('round-trips the variants a run has no report of', () => {
    put({ ...good, unreported: ['cuda12.8'] });
    expect(readCommentArtifact(dir, { repository: 'acme/vision' }).unreported).toEqual(['cuda12.8']);
  });

  it('compares the repository case-insensitively, as GitHub does', () => {
    put(good);
    expect(readCommentArtifact(dir, { repository: 'ACME/Vision' }).prNumber).toBe(42);
  });

  it('validates reports with the schema the poster passes', () => {
    put(good);
    const reportSchema = z.object({ key: z.string(), markdown: z.string() });
    expect(readCommentArtifact(dir, { repository: 'acme/vision', reportSchema }).reports[0]!.key).toBe('cpu');
    put({ ...good, reports: [{ key: 1 }] });
    expect(readError({ repository: 'acme/vision', reportSchema })).toMatch(/reports\[0\]\.key/);
  });

  it.each([
    ['bad JSON', '{"schemaVersion": 1,', /not JSON/],
    ['not an object', '[]', /not a comment artifact: \(top level\)/],
    ['another schema version', { ...good, schemaVersion: 2 }, /schemaVersion: expected 1/],
    ['a negative PR number', { ...good, prNumber: -3 }, /prNumber: .*positive whole number/],
    ['a fractional PR number', { ...good, prNumber: 1.5 }, /prNumber: .*whole number/],
    [
      'a PR number as a string',
      { ...good, prNumber: '42' },
      /prNumber: expected a pull-request number, got "42"/,
    ],
    ['a short SHA', { ...good, headSha: 'abc123' }, /headSha: expected a full commit SHA/],
    [
      'a SHA with a newline',
      { ...good, headSha: `${SHA}\n::set-output name=x::y` },
      /headSha: expected a full commit SHA/,
    ],
    ['an unknown key', { ...good, token: 'x' }, /token: unknown key/],
    [
      'a malformed repository',
      { ...good, repository: 'acme/vision/../x' },
      /repository: expected "owner\/repo"/,
    ],
    ['reports not a list', { ...good, reports: {} }, /reports: expected a list/],
    [
      'too many reports',
      { ...good, reports: Array.from({ length: 65 }, () => ({})) },
      /reports: .*at most 64/,
    ],
  ])('rejects %s', (_name, data, message) => {
    put(data);
    const msg = readError();
    expect(msg).toContain(file());
    expect(msg).toMatch(message);
  });

  it("bad JSON is named by line and column, quoting none of the fork's text (V8's message quotes it)", () => {
    put('x\n::warning::planted-by-the-fork');
    const msg = readError();
    expect(msg).toBe(`${file()}: not JSON: unexpected character at line 1, column 1`);
    expect(msg).not.toContain('planted');
  });

  it('rejects an artifact for another repository', () => {
    put({ ...good, repository: 'evil/vision' });
    expect(readError()).toMatch(/repository: expected "acme\/vision", got "evil\/vision"/);
  });

  it('rejects an artifact for another commit than the triggering run', () => {
    put(good);
    expect(readError({ repository: 'acme/vision', headSha: 'b'.repeat(40) })).toMatch(
      /headSha: expected b{40}/,
    );
  });

  it('refuses an oversized file before parsing it', () => {
    put(`{"pad": "${'x'.repeat(2000)}"}`);
    expect(readError({ repository: 'acme/vision', maxBytes: 1000 })).toMatch(/over the 1000-byte limit/);
    writeFileSync(file(), Buffer.alloc(MAX_COMMENT_ARTIFACT_BYTES + 1, 0x20));
    expect(readError()).toMatch(
      new RegExp(
        `${MAX_COMMENT_ARTIFACT_BYTES + 1} bytes, over the ${MAX_COMMENT_ARTIFACT_BYTES}-byte limit`,
      ),
    );
  });

  it('refuses a missing file with the fix', () => {
    expect(readError()).toMatch(/not found/);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a symbolic link (it could point at a runner secret)',
    () => {
      const target = path.join(dir, 'elsewhere.json');
      writeFileSync(target, JSON.stringify(good));
      symlinkSync(target, file());
      expect(readError()).toMatch(/symbolic link/);
    },
  );

  it('refuses a directory in the file’s place', () => {
    mkdirSync(file());
    expect(readError()).toMatch(/not a regular file/);
  });

  it('quotes hostile values without letting them start a new log line', () => {
    put({ ...good, repository: 'evil/x\n::error::pwned' });
    const msg = readError();
    expect(msg).not.toContain('\n::error::');
  });

  // zod gathers a list's problems with push(...issues): a list of 600,000 bad entries (1.2 MB)
  // overflowed the stack, a RangeError (an internal error) where the poster must say what it refused.
  // Found by report-artifact-fuzz.test.ts.
  it.each([
    ['a report whose resolution holds 600,000 numbers', { resolution: Array(600_000).fill(1) }],
    ['a report of 600,000 bad platform entries', { platforms: Array(600_000).fill(1) }],
  ])('refuses %s as bad input, not an internal error', (_name, report) => {
    put({ ...good, reports: [report] });
    expect(readError({ repository: 'acme/vision', reportSchema: ReportModelSchema })).toMatch(
      /ml-image-comment\.json: (too many problems to list|not a comment artifact)/,
    );
  });

  it('refuses to write an artifact the poster would reject', () => {
    expect(() => writeCommentArtifact(dir, { ...good, headSha: '' })).toThrow(InputError);
    expect(() => writeCommentArtifact(dir, { ...good, headSha: '' })).toThrow(
      /headSha: expected a full commit SHA/,
    );
  });
});

// Rendering fits the comment part by part, and its work grew with the square of the parts and so
// of the platforms: a 5 MB artifact of 14,000 one-line platforms kept the poster busy for a minute.
describe('an artifact of thousands of platforms', () => {
  const reportOf = (platforms: number) => {
    const one = buildReportModel({
      image: 'ghcr.io/acme/vision',
      variant: 'cpu',
      entries: [{ platform: 'linux/amd64', head: makeRecord() }],
    });
    // The smallest platform the schema takes: nothing known but a distinct OS.
    const none = Object.fromEntries(Object.keys(one.platforms[0]!.head.components).map((k) => [k, null]));
    const head = { ref: '', digest: null, platform: '', variant: null, created: null, sizeBytes: 0 };
    return {
      ...one,
      platforms: Array.from({ length: platforms }, (_, i) => ({
        platform: 'a/b',
        head: {
          ...head,
          layers: 0,
          pipCount: 0,
          aptCount: 0,
          components: { ...none, os: String(i).padStart(6, '0') },
        },
        base: null,
        diff: null,
        smoke: null,
      })),
    };
  };

  it('is refused by the schema the poster reads it with, before any rendering', () => {
    const report = reportOf(1);
    const bytes = JSON.stringify(report.platforms[0]).length + 1;
    // As many platforms as the size limit lets in.
    const platforms = Math.floor((MAX_COMMENT_ARTIFACT_BYTES - JSON.stringify(report).length - 500) / bytes);
    expect(platforms).toBeGreaterThan(14_000);
    put({ ...good, reports: [reportOf(platforms)] });
    // What the poster does with it: read it, render it, and render it again under the comment's limit.
    const ctx = vm.createContext({ readCommentArtifact, renderRun, dir, ReportModelSchema });
    let error: unknown;
    try {
      vm.runInContext(
        `const a = readCommentArtifact(dir, { repository: 'acme/vision', reportSchema: ReportModelSchema });
         renderRun(a.reports, { markerKey: 'k' });
         renderRun(a.reports, { markerKey: 'k', maxChars: 65536 });`,
        ctx,
        { timeout: 20_000 },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(
      `reports[0].platforms: expected at most ${MAX_REPORT_PLATFORMS} platforms, got ${platforms} items`,
    );
  });

  it(`takes up to ${MAX_REPORT_PLATFORMS} platforms`, () => {
    put({ ...good, reports: [reportOf(MAX_REPORT_PLATFORMS)] });
    const a = readCommentArtifact(dir, { repository: 'acme/vision', reportSchema: ReportModelSchema });
    expect(a.reports[0]!.platforms).toHaveLength(MAX_REPORT_PLATFORMS);
    put({ ...good, reports: [reportOf(MAX_REPORT_PLATFORMS + 1)] });
    expect(readError({ repository: 'acme/vision', reportSchema: ReportModelSchema })).toMatch(
      /platforms: expected at most 64 platforms, got 65 items/,
    );
  });
});
