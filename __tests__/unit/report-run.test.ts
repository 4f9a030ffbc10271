// One report per run: every variant and platform of a run in ONE sticky comment (and one job
// summary, one report.md), the per-variant comments of older versions replaced, never orphaned,
// and the 65,536-character bound across variants. Against the fake GitHub API (every request
// checked against GitHub's OpenAPI description).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfigData } from '../../src/config/load.js';
import { createGitHubClient } from '../../src/github/client.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { COMMENT_ARTIFACT_FILE } from '../../src/report/artifact.js';
import { writeCommentArtifact } from '../../src/results/comment.js';
import { dirBaselineStore } from '../../src/report/baseline.js';
import { githubReportContext } from '../../src/report/github-env.js';
import { buildReportModel, defaultMarkerKey } from '../../src/report/model.js';
import type { ReportModel } from '../../src/report/model-schema.js';
import { postFromArtifact } from '../../src/report/poster.js';
import { markerFor, renderReport } from '../../src/report/render.js';
import { renderRun, UNREPORTED_VERDICT } from '../../src/report/render/run.js';
import { replacedMarkers, reportKey, runReportStage, runMarkerKey } from '../../src/report/stage.js';
import { openResultDir, RUN_REPORT_FILE } from '../../src/results/results.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { type GitHubApi, startGitHubApi } from '../helpers/github-api.js';
import { makeRecord, makeSmoke, manyPip } from '../helpers/records.js';
import { sampleRun } from '../helpers/report-scenarios.js';

const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261130);
const HEAD = 'c'.repeat(40);
const VARIANTS = ['cpu', 'cuda12.8'];
const PLATFORMS = ['linux/amd64', 'linux/arm64'];

let dir: string;
let api: GitHubApi;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-run-report-'));
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const fastClient = (token: string, baseUrl: string) =>
  createGitHubClient({ token, baseUrl, retry: { msPerSecond: 1, paceWrites: false } });

function setupRun(opts: { markerKey?: string } = {}) {
  const config = validateConfigData(
    {
      image: { name: 'acme/model' },
      variants: VARIANTS,
      platforms: PLATFORMS,
      ...(opts.markerKey && { report: { markerKey: opts.markerKey } }),
    },
    'ml-image.yml',
  );
  const git = { sha: HEAD, ref: 'refs/pull/7/merge', isDefaultBranch: false };
  const plan = planBuild(config, { catalog: bundledCatalog(), git, now: new Date('2026-11-30T00:00:00Z') });
  const results = openResultDir(path.join(dir, 'results'));
  const base = openResultDir(path.join(dir, 'base'));
  const store = dirBaselineStore(path.join(dir, 'baselines'));
  const saves: Promise<unknown>[] = [];
  for (const v of VARIANTS)
    for (const p of PLATFORMS) {
      // cpu: numpy 1 -> 2 and a failing test on arm64; cuda12.8: nothing changed.
      const cpu = v === 'cpu';
      const head = makeRecord({ platform: p, variant: v, pip: { numpy: cpu ? '2.1.0' : '1.26.4' } });
      const baseRec = makeRecord({ platform: p, variant: v, pip: { numpy: '1.26.4' } });
      results.writeEnv(v, p, head);
      results.writeSmoke(
        v,
        p,
        makeSmoke([{ id: 'import', status: cpu && p === 'linux/arm64' ? 'fail' : 'pass' }], { platform: p }),
      );
      base.writeEnv(v, p, baseRec);
      base.writeSmoke(v, p, makeSmoke([{ id: 'import', status: 'pass' }], { platform: p }));
    }
  for (const v of VARIANTS)
    saves.push(
      store.save(
        reportKey(plan, config, v),
        'main',
        'b'.repeat(40),
        PLATFORMS.flatMap((p) => base.recordFiles(v, p)),
      ),
    );
  // A pull_request event, as the runner gives it.
  const eventFile = path.join(dir, 'event.json');
  writeFileSync(
    eventFile,
    JSON.stringify({
      pull_request: {
        number: 7,
        head: { sha: HEAD, repo: { full_name: 'acme/model' } },
        base: { ref: 'main' },
      },
      repository: { default_branch: 'main' },
    }),
  );
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/model',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_API_URL: api.url,
    GITHUB_BASE_REF: 'main',
    GITHUB_SHA: HEAD,
  };
  const gh = githubReportContext(env, 'ghs_runTOKEN', readGitHubEventFile(eventFile));
  const summaries: string[] = [];
  const progress: string[] = [];
  const run = async () => {
    await Promise.all(saves);
    return runReportStage(
      {
        plan,
        config,
        results,
        git,
        options: {
          mode: 'auto',
          baseline: store,
          ...(gh.baseBranch && { baseBranch: gh.baseBranch }),
          ...(gh.target && { github: gh.target }),
          client: fastClient,
        },
      },
      {
        env,
        progress: (l) => progress.push(l),
        warning: (m) => progress.push(`warning: ${m}`),
        summary: async (m) => void summaries.push(m),
      },
    );
  };
  return { plan, config, results, run, summaries, progress };
}

describe('one report per run', () => {
  it('posts exactly one comment for two variants on two platforms, replaces the per-variant ones, leaves others alone', async () => {
    const { plan, config, run, summaries, results } = setupRun();
    expect(plan.repository).toMatch(/acme\/model$/);
    // What older versions left: one comment per variant, by this action's bot; plus a comment of
    // someone else, a bot comment of another tool, and a per-variant-looking one by a person.
    const legacy = VARIANTS.map((v) => markerFor(defaultMarkerKey(plan.repository, v, PLATFORMS)));
    const renamed = markerFor(defaultMarkerKey(plan.repository, 'cuda12.6', ['linux/amd64']));
    const seeded = api.seed([
      ...[...legacy, renamed].map((m) => ({
        owner: 'acme',
        repo: 'model',
        issueNumber: 7,
        body: `${m}\nold report`,
      })),
      { owner: 'acme', repo: 'model', issueNumber: 7, body: 'LGTM, but check the wheel', login: 'octocat' },
      { owner: 'acme', repo: 'model', issueNumber: 7, body: '<!-- coverage-report -->\n85%' },
      {
        owner: 'acme',
        repo: 'model',
        issueNumber: 7,
        body: `${legacy[0]}\nquoted by a person`,
        login: 'octocat',
      },
      { owner: 'acme', repo: 'model', issueNumber: 8, body: `${legacy[0]}\nanother pull request` },
    ]);
    const outcomes = await run();
    expect(outcomes.map((o) => o.variant)).toEqual(VARIANTS);
    const comments = api.commentsOn('acme', 'model', 7);
    const ours = comments.filter((c) => c.body.startsWith('<!-- ml-image-report:'));
    const runMarker = markerFor(runMarkerKey(plan, config));
    expect(runMarker).toBe(`<!-- ml-image-report:${plan.repository} -->`);
    const mine = ours.filter((c) => c.user.login === 'github-actions[bot]');
    expect(mine).toHaveLength(1);
    const body = mine[0]!.body;
    expect(body.split('\n')[0]).toBe(runMarker);
    // Both variants, each with a verdict line, the overview table and a <details> section.
    expect(body).toMatch(/^- \*\*cpu\*\*: ❌ .*NumPy 1\.26\.4 → 2\.1\.0/m);
    expect(body).toMatch(/^- \*\*cuda12\.8\*\*: ✅ No environment changes$/m);
    expect(body).toMatch(/^\| cpu \| linux\/amd64, linux\/arm64 \| ❌ failure \| ±0 \| 1 pass · 1 fail \|$/m);
    expect(body).toMatch(/^\| cuda12\.8 \| linux\/amd64, linux\/arm64 \| ✅ unchanged \| ±0 \| 2 pass \|$/m);
    expect(body).toContain('<details><summary>cpu: ❌ failure</summary>');
    expect(body).toContain('<details><summary>cuda12.8: ✅ unchanged</summary>');
    // The old per-variant comments of this action are gone; the others are untouched.
    const left = comments.map((c) => c.id);
    for (const s of seeded.slice(0, 3)) expect(left).not.toContain(s.id);
    for (const s of seeded.slice(3, 6)) expect(left).toContain(s.id);
    expect(comments.find((c) => c.id === seeded[5]!.id)!.body).toBe(`${legacy[0]}\nquoted by a person`);
    expect(api.commentsOn('acme', 'model', 8)).toHaveLength(1);
    expect(comments).toHaveLength(4);
    // Every variant's outcome names the one comment, report.md and the summary say the same.
    expect(new Set(outcomes.map((o) => o.comment?.commentId))).toEqual(new Set([mine[0]!.id]));
    expect(outcomes[0]!.runFile).toBe(path.join(results.dir!, RUN_REPORT_FILE));
    expect(readFileSync(outcomes[0]!.runFile, 'utf8')).toBe(body);
    expect(summaries).toEqual([body]);
    // The per-variant files stay (artifacts), each with its variant's own report.
    expect(readFileSync(outcomes[1]!.file, 'utf8')).toMatch(/ml-image report: .*\(cuda12\.8\)/);
    expect(api.state.violations).toEqual([]);

    // The next run updates that comment: still one, nothing else touched.
    const again = await run();
    expect(again[0]!.comment).toEqual({ action: 'unchanged', commentId: mine[0]!.id });
    expect(api.commentsOn('acme', 'model', 7).map((c) => c.id)).toEqual(left);
    expect(api.state.violations).toEqual([]);
  });

  it('a variant with no environment record is named in the comment as not reported, not left out', async () => {
    const { run, results } = setupRun();
    // cuda12.8's capture failed on both platforms: no env-*/smoke-* of it in this run.
    for (const p of PLATFORMS) for (const f of results.recordFiles('cuda12.8', p)) rmSync(f);
    const outcomes = await run();
    expect(outcomes.map((o) => o.variant)).toEqual(['cpu']);
    const [body] = api.commentsOn('acme', 'model', 7).map((c) => c.body);
    expect(body).toMatch(/^### 🐳 ml-image report: .*\(2 variants\)$/m);
    expect(body).toMatch(/^- \*\*cpu\*\*: ❌ /m);
    expect(body).toMatch(/^- \*\*cuda12\.8\*\*: ⚠️ not reported: no environment record of this build/m);
    expect(readFileSync(outcomes[0]!.runFile, 'utf8')).toBe(body);
    expect(api.state.violations).toEqual([]);
  });

  // The comment of report.md's size is report.md as rendered; only a body GitHub refuses as too
  // long is rendered again, in the maximum GitHub states.
  it('a body GitHub refuses as too long is rendered again smaller; report.md keeps the full one', async () => {
    const { run } = setupRun();
    api.set({ maxBodyLength: 2000 });
    const outcomes = await run();
    const posts = api.state.requests.filter((q) => q.method === 'POST');
    expect(posts.map((q) => q.status)).toEqual([422, 201]);
    const [body] = api.commentsOn('acme', 'model', 7).map((c) => c.body);
    const full = readFileSync(outcomes[0]!.runFile, 'utf8');
    expect(full.length).toBeGreaterThan(2000);
    expect(body!.length).toBeLessThanOrEqual(2000);
    expect(body!.split('\n')[0]).toBe(full.split('\n')[0]);
    expect(api.state.violations).toEqual([]);
  });

  it('keys the comment on report.markerKey without the variant and replaces the keyed per-variant comments', async () => {
    const { plan, config, run } = setupRun({ markerKey: 'model-images' });
    const old = VARIANTS.map((v) => reportKey(plan, config, v));
    expect(old).toEqual(['model-images:cpu', 'model-images:cuda12.8']);
    const seeded = api.seed(
      old.map((k) => ({ owner: 'acme', repo: 'model', issueNumber: 7, body: `${markerFor(k)}\nold` })),
    );
    await run();
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.split('\n')[0]).toBe('<!-- ml-image-report:model-images -->');
    expect(seeded.map((s) => s.id)).not.toContain(comments[0]!.id);
    expect(api.state.violations).toEqual([]);
  });

  it('comment-mode auto: a same-repository pull request whose token cannot write gets the fork-safe artifact', async () => {
    const { run, results, progress } = setupRun();
    api.set({ forbidWrites: true });
    await run();
    expect(api.commentsOn('acme', 'model', 7)).toEqual([]);
    const file = path.join(results.dir!, 'comment', COMMENT_ARTIFACT_FILE);
    const artifact = JSON.parse(readFileSync(file, 'utf8'));
    expect(artifact).toMatchObject({ prNumber: 7, headSha: HEAD, repository: 'acme/model' });
    expect(artifact.reports).toHaveLength(2);
    expect(progress.join('\n')).toMatch(/warning: Skipped the pull-request comment: GitHub answered 403/);
    expect(progress.join('\n')).toMatch(
      /comment-mode auto: the token cannot write the comment \(403\): writing the fork-safe artifact\n.*comment payload written to /,
    );
  });

  it('the fork poster posts the run as one comment and replaces the per-variant comments too', async () => {
    const models = VARIANTS.map((v) => model(v, { numpy: v === 'cpu' ? '2.1.0' : '1.26.4' }));
    writeCommentArtifact(dir, {
      schemaVersion: 1,
      prNumber: 7,
      headSha: HEAD,
      repository: 'acme/model',
      markerKey: 'ghcr.io/acme/model',
      reports: models,
      // A variant the fork's run had no record of: the poster names it too.
      unreported: ['cuda13.0'],
    });
    api.seedPull({ owner: 'acme', repo: 'model', number: 7, headSha: HEAD, headRepo: 'someone/model' });
    const old = api.seed(
      models.map((m) => ({
        owner: 'acme',
        repo: 'model',
        issueNumber: 7,
        body: `${markerFor(m.markerKey)}\nold`,
      })),
    );
    const other = api.seed([
      { owner: 'acme', repo: 'model', issueNumber: 7, body: 'thanks!', login: 'octocat' },
    ]);
    const eventFile = path.join(dir, 'event.json');
    writeFileSync(
      eventFile,
      JSON.stringify({
        workflow_run: { head_sha: HEAD, pull_requests: [], head_repository: { full_name: 'someone/model' } },
      }),
    );
    const r = await postFromArtifact(dir, {
      env: { GITHUB_REPOSITORY: 'acme/model', GITHUB_EVENT_PATH: eventFile, GITHUB_API_URL: api.url },
      event: readGitHubEventFile(eventFile),
      token: 'ghs_posterTOKEN',
      // The poster job's marker-key input (the artifact's key is the fork's, never used).
      markerKey: 'ghcr.io/acme/model',
      client: fastClient,
      info: () => undefined,
      warning: () => undefined,
    });
    expect(r.verdicts).toHaveLength(3);
    expect(r.verdicts[1]).toMatch(/^cuda12\.8: ✅/);
    expect(r.verdicts[2]).toBe(`cuda13.0: ${UNREPORTED_VERDICT}`);
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments.map((c) => c.id)).not.toContain(old[0]!.id);
    expect(comments.map((c) => c.id)).not.toContain(old[1]!.id);
    expect(comments.map((c) => c.id)).toContain(other[0]!.id);
    expect(comments).toHaveLength(2);
    const ours = comments.find((c) => c.id !== other[0]!.id)!;
    expect(ours.body.split('\n')[0]).toBe('<!-- ml-image-report:ghcr.io/acme/model -->');
    expect(ours.body).toContain('<details><summary>cpu: ');
    expect(ours.body).toContain('<details><summary>cuda12.8: ');
    expect(ours.body).toMatch(/^- \*\*cuda13\.0\*\*: ⚠️ not reported/m);
    expect(api.state.violations).toEqual([]);
  });
});

function model(
  variant: string,
  pip: Record<string, string>,
  basePip: Record<string, string> = { numpy: '1.26.4' },
): ReportModel {
  return buildReportModel({
    image: 'ghcr.io/acme/model',
    variant,
    entries: PLATFORMS.map((platform) => ({
      platform,
      head: makeRecord({ platform, pip }),
      base: makeRecord({ platform, pip: basePip }),
    })),
    baseline: { ref: 'main' },
  });
}

const GOLDEN = path.join(REPO_ROOT, '__tests__/fixtures/report/run-two-variants.md');

describe('the run document', () => {
  it('lays out two variants on two platforms (golden file)', () => {
    const models = [model('cpu', { numpy: '2.1.0' }), model('cuda12.8', { numpy: '1.26.4' })];
    const { markdown } = renderRun(models, { markerKey: 'ghcr.io/acme/model' });
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      if (process.env.CI && !existsSync(GOLDEN)) throw new Error(`missing golden file ${GOLDEN}`);
      writeFileSync(GOLDEN, markdown);
    }
    expect(markdown, 'run-two-variants.md (regenerate with UPDATE_GOLDEN=1)').toBe(
      readFileSync(GOLDEN, 'utf8'),
    );
  });

  it('lays out the sample run: sizes and smoke metrics on both sides, with charts (golden file)', () => {
    // docs/report-sample.png is taken from this file (scripts/report-sample.mjs).
    const file = path.join(REPO_ROOT, '__tests__/fixtures/report/run-sample.md');
    const models = sampleRun().map((input) => buildReportModel(input));
    const { markdown } = renderRun(models, { markerKey: 'ghcr.io/acme/model' });
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      if (process.env.CI && !existsSync(file)) throw new Error(`missing golden file ${file}`);
      writeFileSync(file, markdown);
    }
    expect(markdown, 'run-sample.md (regenerate with UPDATE_GOLDEN=1)').toBe(readFileSync(file, 'utf8'));
    // Each variant's section has its charts: throughput per platform (H100 and GH200 differ) and a
    // size pie for the platforms together.
    const [cpu, cuda] = markdown.split('<details><summary>cuda12.8: ') as [string, string];
    expect(cuda.match(/\nxychart-beta horizontal\n/g)).toHaveLength(4);
    expect(cuda.match(/```mermaid\npie showData\n/g)).toHaveLength(1);
    expect(cpu.match(/```mermaid\n/g)).toHaveLength(2);
  });

  it('renders a single variant as the plain per-variant report under the run marker', () => {
    const m = model('cpu', { numpy: '2.1.0' });
    const run = renderRun([m], { markerKey: 'ghcr.io/acme/model' });
    const plain = renderReport(m);
    expect(run.markdown.split('\n')[0]).toBe('<!-- ml-image-report:ghcr.io/acme/model -->');
    expect(run.markdown.split('\n').slice(1)).toEqual(plain.markdown.split('\n').slice(1));
  });

  it('names each variant the run has no report of, also beside a single one, and in the count', () => {
    const m = model('cpu', { numpy: '2.1.0' });
    const r = renderRun([m], { markerKey: 'k', unreported: ['cuda12.8', 'x|<b>@team'] });
    expect(r.markdown).toMatch(/^### 🐳 ml-image report: .* \(3 variants\)$/m);
    expect(r.markdown).toContain('<details><summary>cpu: ');
    expect(r.markdown).toMatch(/^- \*\*cuda12\.8\*\*: ⚠️ not reported: no environment record of this build/m);
    // A name is escaped as every other (the artifact's come from a fork's run).
    expect(r.markdown).not.toContain('x|<b>@team');
    expect(r.variants.map((v) => v.variant)).toEqual(['cpu', 'cuda12.8', 'x|<b>@team']);
    expect(r.variants[1]!.verdict).toBe(UNREPORTED_VERDICT);
    expect(r.verdict).toContain(`cuda12.8: ${UNREPORTED_VERDICT}`);
    // With room for nothing but the count, it still counts them, as a warning at least.
    const unchanged = Array.from({ length: 8 }, (_, i) => model(`v${i}`, { numpy: '1.26.4' }));
    const tiny = renderRun(unchanged, { markerKey: 'k', maxChars: 400, unreported: ['cuda12.8'] });
    expect(tiny.markdown).toContain('**⚠️ 9 variants: 8 unchanged, 1 not reported**');
    expect(tiny.markdown.length).toBeLessThanOrEqual(400);
  });

  it('collapses unchanged variants to one line before shortening a changed one', () => {
    const changed = model(
      'cpu',
      manyPip(600, () => '2.0.0'),
      manyPip(600),
    );
    const same = ['cuda12.6', 'cuda12.8', 'cuda13.0'].map((v) => model(v, manyPip(600), manyPip(600)));
    // Unchanged models carry no tables: give them a resolution to make their section sizable.
    for (const s of same) s.resolution = Array.from({ length: 40 }, (_, i) => `line ${i} of the resolver`);
    const full = renderRun([changed, ...same], { markerKey: 'k', maxChars: 1_000_000 }).markdown;
    const fullCpu = sectionOf(full, 'cpu');
    const room = full.length - 500;
    const r = renderRun([changed, ...same], { markerKey: 'k', maxChars: room });
    expect(r.markdown.length).toBeLessThanOrEqual(room);
    // The unchanged ones went first; the changed one keeps its whole section.
    expect(sectionOf(r.markdown, 'cpu')).toBe(fullCpu);
    expect(r.markdown).not.toContain('<details><summary>cuda13.0');
    expect(r.markdown).toContain('_cuda13.0: section left out to fit; the full report is report-cuda13.0.md');
    expect(r.omitted).toContain('cuda13.0: section left out');
    expect(r.omitted).not.toContain('cpu: section left out');
    // Much less room: the changed section is shortened (its tables trimmed), not dropped.
    const small = renderRun([changed, ...same], { markerKey: 'k', maxChars: 12_000 });
    expect(small.markdown.length).toBeLessThanOrEqual(12_000);
    expect(small.markdown).toContain('<details><summary>cpu: ');
    expect(small.omitted).toContain('cpu: section shortened');
    expect(small.markdown).toMatch(/^- \*\*cuda12\.6\*\*: ✅/m);
  });

  it('gives the room a shortened section leaves unused to the others', () => {
    // Twenty changed variants: at an equal share each, a section cannot show its smoke table (ten
    // rows at the fewest) and renders its overview alone, far under its share. The room so left
    // unused was left empty: a comment of 21,000 characters without one table.
    const failing = (variant: string) => {
      const tests = Array.from({ length: 50 }, (_, i) => ({
        id: `test-${i}`,
        status: 'fail' as const,
        reason: `AssertionError: ${'x'.repeat(180)}`,
      }));
      return buildReportModel({
        image: 'ghcr.io/acme/model',
        variant,
        entries: PLATFORMS.map((platform) => ({
          platform,
          head: makeRecord({ platform, pip: manyPip(300, () => '2.0.0') }),
          base: makeRecord({ platform, pip: manyPip(300) }),
          headSmoke: makeSmoke(tests, { platform }),
        })),
        baseline: { ref: 'main' },
      });
    };
    const unchanged = model('cpu', manyPip(300), manyPip(300));
    const models = [...Array.from({ length: 20 }, (_, i) => failing(`v${i}`)), unchanged];
    const r = renderRun(models, { markerKey: 'k' });
    expect(r.markdown.length).toBeLessThanOrEqual(65_536);
    expect(r.markdown.length).toBeGreaterThan(55_000);
    expect(r.markdown.match(/<summary>Smoke tests: /g)?.length ?? 0).toBeGreaterThanOrEqual(10);
    // Every variant is still named, its section shortened or left out, and the note says which.
    for (let i = 0; i < 20; i++) expect(r.markdown).toContain(`**v${i}**`);
    expect(r.markdown).toMatch(/_Report shortened to fit 65,536 characters: .*shortened\. /);
  });

  it('a variant unchanged but for a platform without a baseline collapses as unchanged', () => {
    const changed = model(
      'cpu',
      manyPip(600, () => '2.0.0'),
      manyPip(600),
    );
    const partial = model('cuda12.8', manyPip(600), manyPip(600));
    partial.platforms = partial.platforms.map((p) =>
      p.platform === 'linux/arm64' ? { ...p, base: null, diff: null } : p,
    );
    partial.resolution = Array.from({ length: 40 }, (_, i) => `line ${i} of the resolver`);
    const full = renderRun([changed, partial], { markerKey: 'k', maxChars: 1_000_000 }).markdown;
    expect(full).toMatch(/^- \*\*cuda12\.8\*\*: ✅ No environment changes; no baseline for linux\/arm64$/m);
    const r = renderRun([changed, partial], { markerKey: 'k', maxChars: full.length - 500 });
    expect(r.omitted).toContain('cuda12.8: section left out');
    expect(sectionOf(r.markdown, 'cpu')).toBe(sectionOf(full, 'cpu'));
  });

  it('escapes what the models carry (a fork writes them): variant names, images', () => {
    const hostile = [
      { ...model('cpu', { numpy: '2.1.0' }), variant: '<img src=x onerror=alert(1)>@octocat|x' },
      { ...model('gpu', { numpy: '1.26.4' }), image: 'ghcr.io/<b>evil</b>' },
    ];
    const { markdown } = renderRun(hostile, { markerKey: 'k' });
    let text = markdown.split('\n').slice(1).join('\n');
    for (const tag of ['<details>', '</details>', '<summary>', '</summary>', '<br>'])
      text = text.split(tag).join('');
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/(^|[^\w`])@octocat/);
    // The table keeps its five cells per row (the pipe in the name is no cell border).
    const rows = markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Variant'));
    for (const r of rows.slice(0, 2)) expect(r.replace(/&#\d+;|&\w+;/g, '').split('|')).toHaveLength(7);
  });

  it('replaces only per-variant markers: exact ones and the default form of the same image', () => {
    const m = model('cpu', { numpy: '2.1.0' });
    const replaces = replacedMarkers([m], ['ghcr.io/acme/model']);
    expect(replaces(markerFor(m.markerKey))).toBe(true);
    expect(replaces('<!-- ml-image-report:ghcr.io/acme/model:gpu@linux/amd64,linux/arm64 -->')).toBe(true);
    expect(replaces('<!-- ml-image-report:ghcr.io/acme/model -->')).toBe(false);
    expect(replaces('<!-- ml-image-report:ghcr.io/acme/model-two:cpu@linux/amd64 -->')).toBe(false);
    expect(replaces('<!-- ml-image-report:ghcr.io/other/model:cpu@linux/amd64 -->')).toBe(false);
    expect(replaces('<!-- coverage-report -->')).toBe(false);
  });

  it('stays under 65,536 characters with ten variants of 5,000 packages each', () => {
    const variants = Array.from({ length: 10 }, (_, i) => `v${i}`);
    fc.assert(
      fc.property(
        fc.subarray(variants, { minLength: 0 }),
        fc.integer({ min: 1_000, max: 65_536 }),
        fc.nat(4),
        (unchanged, maxChars, bump) => {
          const models = variants.map((v) =>
            unchanged.includes(v) ? bigModel(v, 5_000, 0) : bigModel(v, 5_000, 1 + bump),
          );
          const r = renderRun(models, { markerKey: 'ghcr.io/acme/model', maxChars });
          expect(r.markdown.length).toBeLessThanOrEqual(maxChars);
          expect(r.markdown.split('\n')[0]).toBe('<!-- ml-image-report:ghcr.io/acme/model -->');
          expect(r.markdown.endsWith('\n')).toBe(true);
          if (maxChars === 65_536 || maxChars > 20_000)
            for (const v of variants) expect(r.markdown).toContain(`**${v}**`);
        },
      ),
      { seed: SEED, numRuns: 8 },
    );
  }, 120_000);
});

const bigCache = new Map<string, ReportModel>();
/** A model of n pip packages on one platform; `every`-th package upgraded (0: none). */
function bigModel(variant: string, n: number, every: number): ReportModel {
  const key = `${variant}/${n}/${every}`;
  const hit = bigCache.get(key);
  if (hit) return hit;
  const base = manyPip(n);
  const head =
    every === 0 ? base : manyPip(n, (i) => (i % every === 0 ? `2.${i % 7}.0` : `1.${i % 7}.${i % 5}`));
  const m = buildReportModel({
    image: 'ghcr.io/acme/model',
    variant,
    entries: [{ platform: 'linux/amd64', head: makeRecord({ pip: head }), base: makeRecord({ pip: base }) }],
    baseline: { ref: 'main' },
  });
  bigCache.set(key, m);
  return m;
}

function sectionOf(markdown: string, variant: string): string | undefined {
  const start = markdown.indexOf(`\n\n<details><summary>${variant}: `);
  if (start === -1) return undefined;
  // It ends where the next top-level piece starts: another variant's section or line, the links.
  const ends = [/\n\n<details><summary>[\w.]+: (?:❌|⚠️|🔄|✅|ℹ️)/g, /\n\n_[\w.]+: section left out/g]
    .flatMap((re) => [...markdown.matchAll(re)].map((m) => m.index))
    .filter((i) => i > start);
  const links = markdown.lastIndexOf('\n\nml-image-action ');
  return markdown.slice(start, Math.min(...ends, links));
}
