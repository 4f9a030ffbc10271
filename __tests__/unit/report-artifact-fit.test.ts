// The fork-safe artifact of a big run: over the poster's 5 MiB limit, each package list keeps the
// rows a comment can show and the count of the rest (src/report/artifact-fit.ts), so the pull
// request's job writes it and does not fail, and the poster's comment is the one the full reports
// render (the stage's own report.md).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { validateConfigData } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';
import { createGitHubClient } from '../../src/github/client.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import {
  COMMENT_ARTIFACT_FILE,
  type CommentArtifact,
  MAX_COMMENT_ARTIFACT_BYTES,
  readCommentArtifact,
} from '../../src/report/artifact.js';
import { writeCommentArtifact } from '../../src/results/comment.js';
import {
  artifactBytes,
  COMMENT_ROW_CHARS,
  fitCommentArtifact,
  fitMessage,
  restoreTrimmed,
  trimArtifact,
} from '../../src/report/artifact-fit.js';
import { dirBaselineStore } from '../../src/report/baseline.js';
import { assessReport, buildReportModel, type ReportInput } from '../../src/report/model.js';
import { type ReportModel, ReportModelSchema } from '../../src/report/model-schema.js';
import { postFromArtifact } from '../../src/report/poster.js';
import { renderRun } from '../../src/report/render/run.js';
import { reportKey, reportStage } from '../../src/report/stage.js';
import { openResultDir, RUN_REPORT_FILE } from '../../src/results/results.js';
import { constrainUntrusted } from '../../src/report/untrusted-model.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { makeRecord } from '../helpers/records.js';
import { cudaUpgrade, hugeDiff, numpyUpgrade, sampleRun } from '../helpers/report-scenarios.js';

const HEAD = 'c'.repeat(40);
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-artifact-fit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const payloadOf = (reports: ReportModel[]): CommentArtifact<ReportModel> => ({
  schemaVersion: 1,
  prNumber: 7,
  headSha: HEAD,
  repository: 'acme/model',
  markerKey: 'acme/model',
  reports,
});

/** Written and read back as the poster reads it (schema-validated), the trimmed lists whole again. */
function roundTrip(payload: CommentArtifact<ReportModel>): ReportModel[] {
  const out = mkdtempSync(path.join(dir, 'artifact-'));
  writeCommentArtifact(out, payload);
  const read = readCommentArtifact(out, {
    repository: 'acme/model',
    headSha: HEAD,
    reportSchema: ReportModelSchema,
  });
  return restoreTrimmed(read, path.join(out, COMMENT_ARTIFACT_FILE));
}

/** hugeDiff on two platforms; `arm64` edits the arm64 list (a platform whose table differs). */
function twoPlatforms(
  variant: string,
  n = 5000,
  arm64?: (input: ReportInput) => ReportInput['entries'][number],
) {
  const input = hugeDiff(n);
  input.variant = variant;
  const amd = input.entries[0]!;
  input.entries = [amd, arm64 ? arm64(input) : { ...amd, platform: 'linux/arm64' }];
  return buildReportModel(input);
}

/**
 * hugeDiff on two platforms, arm64 with 750 more major upgrades, listed first: changes amd64 shows
 * are hidden on arm64, and stay whole there, so that the verdict still counts them once.
 */
function differing() {
  return twoPlatforms('cpu', 3000, (input) => {
    const e = input.entries[0]!;
    const major = <P extends { name: string; version: string }>(p: P): P =>
      /^pkg-\d+$/.test(p.name) && Number(p.name.slice(4)) % 4 === 0
        ? { ...p, version: p.version.replace(/^1\./, '2.') }
        : p;
    const packages = e.head.python.packages.map(major);
    return { ...e, platform: 'linux/arm64', head: { ...e.head, python: { ...e.head.python, packages } } };
  });
}

describe('fork-safe artifact over the size limit', () => {
  // The finding: 10 variants x 2 platforms x 2,500 changed packages were 5,586,728 bytes, and the
  // fork's job failed with exit 2 and no artifact, while the comment fits in 65,536 characters.
  it('a run of 10 variants x 2 platforms x 2,500 changed packages writes an artifact under the limit; no failure; the poster renders report.md', async () => {
    const variants = Array.from({ length: 10 }, (_, i) => `v${i}`);
    const config = validateConfigData(
      { image: { name: 'acme/model' }, variants: variants.map((name) => ({ name })), platforms: PLATFORMS },
      'ml-image.yml',
    );
    const git = { sha: HEAD, ref: 'refs/pull/7/merge', isDefaultBranch: false };
    const plan = planBuild(config, { catalog: bundledCatalog(), git, now: new Date('2026-11-30T00:00:00Z') });
    const results = openResultDir(path.join(dir, 'results'));
    const base = openResultDir(path.join(dir, 'base'));
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    // hugeDiff's records: 3,000 pip changes (2,500 of them upgrades) and 400 apt changes per platform.
    const { head, base: baseRecord } = hugeDiff(5000).entries[0]!;
    const record = (r: EnvRecord, platform: string, variant: string) =>
      makeRecord({ platform, variant, pip: r.python.packages, apt: r.apt });
    for (const v of variants) {
      for (const p of PLATFORMS) {
        results.writeEnv(v, p, record(head, p, v));
        base.writeEnv(v, p, record(baseRecord!, p, v));
      }
      await store.save(
        reportKey(plan, config, v),
        'main',
        'b'.repeat(40),
        PLATFORMS.flatMap((p) => base.recordFiles(v, p)),
      );
    }
    const progress: string[] = [];
    const warnings: string[] = [];
    const r = await reportStage(
      {
        plan,
        config,
        results,
        git,
        options: {
          mode: 'artifact',
          baseline: store,
          baseBranch: 'main',
          github: {
            apiUrl: 'https://api.github.com',
            repository: 'acme/model',
            prNumber: 7,
            headSha: HEAD,
            fromFork: true,
          },
        },
      },
      { env: {}, progress: (l) => progress.push(l), warning: (m) => warnings.push(m) },
    );
    expect(r.failure).toBeUndefined();
    expect(warnings).toEqual([]);
    const file = path.join(results.dir!, 'comment', COMMENT_ARTIFACT_FILE);
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_COMMENT_ARTIFACT_BYTES);
    expect(progress.join('\n')).toMatch(
      /comment artifact: the reports are [\d,]+ bytes, over the 5,242,880-byte limit the poster accepts: each package table keeps the rows a 65,536-character comment can show/,
    );
    const artifact = readCommentArtifact(path.dirname(file), {
      repository: 'acme/model',
      headSha: HEAD,
      reportSchema: ReportModelSchema,
    });
    expect(artifact.trimmed).toHaveLength(20);
    const restored = restoreTrimmed(artifact, file);
    // The stage's report.md renders the full models in the same 65,536 characters.
    const runMd = readFileSync(path.join(results.dir!, RUN_REPORT_FILE), 'utf8');
    const posted = renderRun(restored, { markerKey: r.outcomes[0]!.runMarkerKey }).markdown;
    expect(posted).toBe(runMd);
    // Every change is counted: the lists are as long as the full reports' (report-<variant>.json).
    const full = variants.map(
      (v) => JSON.parse(readFileSync(path.join(results.dir!, `report-${v}.json`), 'utf8')) as ReportModel,
    );
    const lengths = (models: ReportModel[]) =>
      models.map((m) => m.platforms.map((p) => [p.diff!.pip.changes.length, p.diff!.apt.changes.length]));
    expect(lengths(restored)).toEqual(lengths(full));
    expect(lengths(full)[0]).toEqual([
      [3000, 400],
      [3000, 400],
    ]);
  }, 120_000);

  const scenarios: [string, () => ReportModel[]][] = [
    ['the sample run', () => sampleRun().map(buildReportModel)],
    ['a big diff on one platform', () => [buildReportModel(hugeDiff(3000))]],
    [
      'a big diff, the same on two platforms, and a small report',
      () => [twoPlatforms('cpu', 3000), buildReportModel(numpyUpgrade())],
    ],
    ['two platforms whose lists differ', () => [differing(), buildReportModel(cudaUpgrade())]],
  ];

  // Cut for a comment of N characters, any comment of at most N renders as the full reports do.
  it.each(scenarios)('%s: the trimmed artifact renders as the full reports', (_name, make) => {
    const models = make();
    for (const rowChars of [2_000, 9_000, COMMENT_ROW_CHARS]) {
      const trimmed = trimArtifact(payloadOf(models), rowChars);
      const restored = roundTrip(trimmed);
      for (const maxChars of [400, 1_500, rowChars].filter((m) => m <= rowChars))
        expect(renderRun(restored, { markerKey: 'k', maxChars }).markdown).toBe(
          renderRun(models, { markerKey: 'k', maxChars }).markdown,
        );
    }
  });

  it('cuts the package lists and keeps the rest: a big diff cut at 2,000 characters of rows', () => {
    const models = [twoPlatforms('cpu', 3000)];
    const trimmed = trimArtifact(payloadOf(models), 2_000);
    expect(artifactBytes(trimmed)).toBeLessThan(artifactBytes(payloadOf(models)) / 2);
    const pip = trimmed.reports[0]!.platforms.map((p) => p.diff!.pip.changes.length);
    expect(pip[0]).toBeGreaterThan(10);
    expect(pip[0]).toBeLessThan(100);
    // Equal hidden changes of the two platforms share their ids.
    const tails = trimmed.trimmed!.filter((t) => t.eco === 'pip').map((t) => t.tail);
    expect(tails).toHaveLength(2);
    expect(tails[0]).toEqual(tails[1]);
    expect(tails[0]!.every(Array.isArray)).toBe(true);
  });

  it('a hidden change that another platform shows stays whole: the verdict counts it once', () => {
    const model = differing();
    const trimmed = trimArtifact(payloadOf([model]), 9_000);
    const tails = trimmed.trimmed!.filter((t) => t.eco === 'pip');
    expect(tails.map((t) => t.platform)).toEqual([0, 1]);
    const whole = tails[1]!.tail.filter((c) => !Array.isArray(c));
    expect(whole.length).toBeGreaterThan(0);
    const amdShows = new Set(trimmed.reports[0]!.platforms[0]!.diff!.pip.changes.map((c) => c.name));
    for (const c of whole) expect(amdShows.has((c as { name: string }).name)).toBe(true);
    expect(assessReport(roundTrip(trimmed)[0]!)).toEqual(assessReport(model));
  });

  it('leaves an artifact that fits as it is (no trimmed key: older posters read it)', () => {
    const payload = payloadOf(sampleRun().map(buildReportModel));
    const fit = fitCommentArtifact(payload);
    expect(fit.payload).toBe(payload);
    expect(fit.rowChars).toBeNull();
    expect(fitMessage(fit)).toBeUndefined();
    expect(JSON.stringify(trimArtifact(payload, COMMENT_ROW_CHARS))).not.toContain('"trimmed"');
  });

  it.each([
    // [what, maxBytes as a share of the exact cut's size, rowChars, warns, message]
    [
      'the exact cut fits',
      1,
      COMMENT_ROW_CHARS,
      false,
      /each package table keeps the rows a 65,536-character comment can show/,
    ],
    [
      'only a shorter cut fits',
      0.7,
      16_384,
      true,
      /even with each package table cut .*keeps 16,384 characters of rows.*may name fewer packages/,
    ],
    [
      'nothing fits',
      0.01,
      0,
      true,
      /comment artifact not written: .* with every package table left out; report fewer variants per job/,
    ],
  ] as const)(
    '%s: written with the counts, or a warning, never a failure',
    (_what, share, rowChars, warns, message) => {
      const payload = payloadOf([twoPlatforms('cpu'), twoPlatforms('cuda')]);
      const exact = artifactBytes(trimArtifact(payload, COMMENT_ROW_CHARS));
      const fit = fitCommentArtifact(payload, Math.floor(exact * share));
      expect(fit.rowChars).toBe(rowChars);
      const said = fitMessage(fit, Math.floor(exact * share))!;
      expect(said.warn).toBe(warns);
      expect(said.text).toMatch(message);
      if (!fit.payload) return;
      expect(fit.bytes).toBeLessThanOrEqual(exact * share);
      // Cut or not, the tables count every change, and so does the verdict.
      const full = renderRun(payload.reports, { markerKey: 'k' }).markdown;
      const posted = renderRun(roundTrip(fit.payload), { markerKey: 'k' }).markdown;
      const counts = (md: string) => md.match(/pip: [^<]*|_… and [^_]*_|cpu: [^\n]*|cuda: [^\n]*/g);
      expect(counts(posted)).toEqual(counts(full));
    },
  );

  it.each([
    [
      'a report index',
      { report: 5, platform: 0 },
      /trimmed\[0\]\.report: 5 is not a report's index \(1 reports\)/,
    ],
    [
      'a platform index',
      { report: 0, platform: 2 },
      /trimmed\[0\]\.platform: 2 is not a platform's index of report 0/,
    ],
    [
      'a platform without a diff',
      { report: 1, platform: 0 },
      /trimmed\[0\]\.platform: report 1's "linux\/amd64" has no diff/,
    ],
  ])('the poster refuses a trimmed list naming %s that is not there (exit 2)', (_what, at, message) => {
    const reports = [twoPlatforms('cpu', 100)];
    if (at.report === 1)
      reports.push(
        buildReportModel({
          ...numpyUpgrade(),
          variant: 'x',
          entries: numpyUpgrade().entries.map((e) => ({ ...e, base: null })),
        }),
      );
    const artifact = {
      ...payloadOf(reports),
      trimmed: [{ ...at, eco: 'pip' as const, tail: [[0, 'added', null] as [number, 'added', null]] }],
    };
    expect(() => restoreTrimmed(artifact, 'c.json')).toThrow(InputError);
    expect(() => restoreTrimmed(artifact, 'c.json')).toThrow(message);
    const twice = {
      ...payloadOf([twoPlatforms('cpu', 100)]),
      trimmed: [0, 1].map(() => ({ report: 0, platform: 0, eco: 'pip' as const, tail: [] })),
    };
    expect(() => restoreTrimmed(twice, 'c.json')).toThrow(
      /trimmed\[1\]: report 0's platform 0 pip list is trimmed twice/,
    );
  });
});

describe('the fork poster and a trimmed artifact', () => {
  it('posts the comment the full reports render', async () => {
    const api = await startGitHubApi();
    try {
      const models = [twoPlatforms('cpu', 3000), buildReportModel(numpyUpgrade())];
      const artifactDir = path.join(dir, 'in');
      const trimmed = trimArtifact(payloadOf(models), COMMENT_ROW_CHARS);
      expect(trimmed.trimmed).toHaveLength(2);
      writeCommentArtifact(artifactDir, trimmed);
      api.seedPull({ owner: 'acme', repo: 'model', number: 7, headSha: HEAD, headRepo: 'someone/model' });
      const eventFile = path.join(dir, 'event.json');
      writeFileSync(
        eventFile,
        JSON.stringify({
          workflow_run: {
            id: 1,
            workflow_id: 2,
            head_sha: HEAD,
            pull_requests: [],
            head_repository: { full_name: 'someone/model' },
          },
        }),
      );
      await postFromArtifact(artifactDir, {
        env: {
          GITHUB_REPOSITORY: 'acme/model',
          GITHUB_EVENT_PATH: eventFile,
          GITHUB_API_URL: api.url,
          GITHUB_SERVER_URL: 'https://github.com',
        },
        event: readGitHubEventFile(eventFile),
        token: 'ghs_posterTOKEN',
        markerKey: 'k',
        client: (token, baseUrl) =>
          createGitHubClient({ token, baseUrl, retry: { msPerSecond: 1, paceWrites: false } }),
        info: () => undefined,
        warning: () => undefined,
      });
      const facts = { repository: 'acme/model', runUrl: 'https://github.com/acme/model/actions/runs/1' };
      const full = models.map((m) => ({ ...constrainUntrusted(m, facts).model, markerKey: 'k' }));
      expect(api.commentsOn('acme', 'model', 7).map((c) => c.body)).toEqual([
        renderRun(full, { markerKey: 'k' }).markdown,
      ]);
      expect(api.state.violations).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
