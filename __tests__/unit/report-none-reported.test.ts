// A run that reports no variant at all (every capture failed: no environment record of this run's
// image): on a pull request its report still takes the earlier comment's place, whose results are
// of an older commit, naming each planned variant as not reported; report.md and the job summary
// say the same; the fork-safe artifact (reports: [], unreported) is one the poster accepts and
// posts. Against the fake GitHub API (every request checked against GitHub's OpenAPI description).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { validateConfigData } from '../../src/config/load.js';
import { createGitHubClient } from '../../src/github/client.js';
import type { GitHubClientFactory } from '../../src/github/connect.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { COMMENT_ARTIFACT_FILE, readCommentArtifact } from '../../src/report/artifact.js';
import { md } from '../../src/report/escape.js';
import { postFromArtifact } from '../../src/report/poster.js';
import { markerFor } from '../../src/report/render.js';
import { renderNoneReported } from '../../src/report/render/none.js';
import { UNREPORTED_VERDICT } from '../../src/report/render/run.js';
import { type CommentMode, reportStage, runMarkerKey } from '../../src/report/stage.js';
import { openResultDir, RUN_REPORT_FILE } from '../../src/results/results.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { type GitHubApi, startGitHubApi } from '../helpers/github-api.js';

const HEAD = 'c'.repeat(40);
const RUN_URL = 'https://github.com/acme/model/actions/runs/99';

let dir: string;
let api: GitHubApi;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-none-reported-'));
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const fastClient = (token: string, baseUrl: string) =>
  createGitHubClient({ token, baseUrl, retry: { msPerSecond: 1, paceWrites: false } });

/** A pull request's run of two variants whose captures all failed: no env-*.json in its results. */
function setup(mode: CommentMode, client: GitHubClientFactory = fastClient) {
  const config = validateConfigData(
    { image: { name: 'acme/model' }, variants: ['cpu', 'cuda12.8'], platforms: ['linux/amd64'] },
    'ml-image.yml',
  );
  const git = { sha: HEAD, ref: 'refs/pull/7/merge', isDefaultBranch: false };
  const plan = planBuild(config, { catalog: bundledCatalog(), git, now: new Date('2026-12-01T00:00:00Z') });
  const results = openResultDir(path.join(dir, 'results'));
  const summaries: string[] = [];
  const log: string[] = [];
  const run = () =>
    reportStage(
      {
        plan,
        config,
        results,
        git,
        options: {
          mode,
          baseline: null,
          github: {
            token: 'ghs_runTOKEN',
            apiUrl: api.url,
            repository: 'acme/model',
            prNumber: 7,
            headSha: HEAD,
            runUrl: RUN_URL,
          },
          client,
        },
      },
      {
        env: {},
        progress: (l) => log.push(l),
        warning: (m) => log.push(`warning: ${m}`),
        summary: async (m) => void summaries.push(m),
      },
    );
  return { plan, config, results, run, summaries, log };
}

/** What the earlier push left: its all-green comment, under the run's marker. */
const GREEN = '### 🐳 ml-image report: acme/model (2 variants)\n\n- **cpu**: ✅ No environment changes';

describe('a pull request run that reports no variant', () => {
  it('updates the sticky comment: both variants not reported, the earlier results replaced', async () => {
    const { plan, config, run, summaries, results } = setup('post');
    const marker = markerFor(runMarkerKey(plan, config));
    const [earlier] = api.seed([
      { owner: 'acme', repo: 'model', issueNumber: 7, body: `${marker}\n${GREEN}` },
    ]);
    const r = await run();
    // No new failure: the failed capture fails the run already.
    expect(r).toEqual({
      outcomes: [],
      unreported: ['cpu', 'cuda12.8'],
      runFile: path.join(results.dir!, RUN_REPORT_FILE),
    });
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments.map((c) => c.id)).toEqual([earlier!.id]);
    const body = comments[0]!.body;
    expect(body.split('\n')[0]).toBe(marker);
    expect(body).not.toContain('No environment changes');
    expect(body).toMatch(/^### 🐳 ml-image report: .*acme\/model \(2 variants\)$/m);
    expect(body).toContain('**⚠️ No variant of this run was reported**');
    expect(body).toContain("no environment record of this run's image (`cccccccccccc`)");
    expect(body).toContain('its capture or its build failed');
    expect(body).toContain('any earlier report on this pull request, whose results are of an older commit');
    expect(body).toContain(`- **cpu**: ${md(UNREPORTED_VERDICT)}`);
    expect(body).toContain(`- **cuda12.8**: ${md(UNREPORTED_VERDICT)}`);
    expect(body).toContain(`[Workflow run](${RUN_URL})`);
    // report.md and the job summary are the same document.
    expect(readFileSync(path.join(results.dir!, RUN_REPORT_FILE), 'utf8')).toBe(body);
    expect(summaries).toEqual([body]);
    expect(api.state.violations).toEqual([]);
  });

  it('comment-mode artifact: an artifact with no report that the poster accepts and posts', async () => {
    const { run, results, plan } = setup('artifact');
    await run();
    expect(api.commentsOn('acme', 'model', 7)).toEqual([]);
    const folder = path.join(results.dir!, 'comment');
    const artifact = readCommentArtifact(folder, { repository: 'acme/model', headSha: HEAD });
    expect(artifact).toMatchObject({ schemaVersion: 1, prNumber: 7, headSha: HEAD, reports: [] });
    expect(artifact.unreported).toEqual(['cpu', 'cuda12.8']);
    // The poster (workflow_run) replaces the earlier comment of its key with it.
    const [earlier] = api.seed([
      { owner: 'acme', repo: 'model', issueNumber: 7, body: `${markerFor(plan.repository)}\n${GREEN}` },
    ]);
    api.seedPull({ owner: 'acme', repo: 'model', number: 7, headSha: HEAD, headRepo: 'someone/model' });
    const eventFile = path.join(dir, 'event.json');
    writeFileSync(
      eventFile,
      JSON.stringify({
        workflow_run: {
          id: 99,
          head_sha: HEAD,
          pull_requests: [],
          head_repository: { full_name: 'someone/model' },
        },
      }),
    );
    const summaries: string[] = [];
    const posted = await postFromArtifact(folder, {
      env: {
        GITHUB_REPOSITORY: 'acme/model',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: api.url,
      },
      event: readGitHubEventFile(eventFile),
      token: 'ghs_posterTOKEN',
      markerKey: plan.repository,
      client: fastClient,
      info: () => undefined,
      warning: () => undefined,
      summary: async (m) => void summaries.push(m),
    });
    expect(posted.verdicts).toEqual([`cpu: ${UNREPORTED_VERDICT}`, `cuda12.8: ${UNREPORTED_VERDICT}`]);
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments.map((c) => c.id)).toEqual([earlier!.id]);
    const body = comments[0]!.body;
    expect(body).toContain('**⚠️ No variant of this run was reported**');
    expect(body).toContain(`- **cpu**: ${md(UNREPORTED_VERDICT)}`);
    expect(body).toContain(`- **cuda12.8**: ${md(UNREPORTED_VERDICT)}`);
    expect(body).toContain(`[Workflow run](${RUN_URL})`);
    expect(body).not.toContain('No environment changes');
    expect(summaries).toEqual([body]);
    expect(api.state.violations).toEqual([]);
  });

  it('report.md says it, also with comment-mode off (no comment posted)', async () => {
    const { run, results, summaries, log } = setup('off');
    await run();
    expect(api.commentsOn('acme', 'model', 7)).toEqual([]);
    const file = path.join(results.dir!, RUN_REPORT_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('**⚠️ No variant of this run was reported**');
    expect(text).toMatch(/^- \*\*cpu\*\*: ⚠️ not reported: no environment record of this build/m);
    expect(text).toMatch(/^- \*\*cuda12\.8\*\*: ⚠️ not reported: no environment record of this build/m);
    expect(summaries).toEqual([text]);
    expect(existsSync(path.join(results.dir!, 'comment', COMMENT_ARTIFACT_FILE))).toBe(false);
    expect(log).toContain(`run: no variant reported (cpu, cuda12.8) -> ${file}`);
  });

  it('a comment GitHub refuses to take is a warning: the stage does not fail for it', async () => {
    const { run, log } = setup('post');
    api.set({ forbidWrites: true });
    const r = await run();
    expect(r.failure).toBeUndefined();
    expect(log.join('\n')).toMatch(/warning: Skipped the pull-request comment: GitHub answered 403/);
  });

  it('a comment that cannot be posted (GitHub down) is a warning, not a failure of the stage', async () => {
    const { run, log, results } = setup('post', () => Promise.reject(new Error('GitHub is down')));
    const r = await run();
    expect(r.failure).toBeUndefined();
    expect(log).toContain('warning: the report could not be posted: GitHub is down');
    expect(readFileSync(path.join(results.dir!, RUN_REPORT_FILE), 'utf8')).toContain(
      'No variant of this run',
    );
  });
});

describe('ml-image report --pr N with no record of the config', () => {
  it('still exits 2 naming what it expected, and posts nothing', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: acme/model}\nvariants: [cpu]\n');
    mkdirSync(path.join(dir, 'res'));
    const io = captureIo(dir, fakeDocker(), {
      GITHUB_ACTIONS: 'true',
      GITHUB_SHA: HEAD,
      GITHUB_TOKEN: 'ghs_x',
      ML_IMAGE_CACHE_DIR: path.join(dir, 'cache'),
    });
    const argv = ['report', '--results', 'res', '--pr', '7', '--repo', 'acme/model', '--api-url', api.url];
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain("error: report: no env-<variant>-<arch>.json of the config's variants");
    expect(api.commentsOn('acme', 'model', 7)).toEqual([]);
    expect(existsSync(path.join(dir, 'res', RUN_REPORT_FILE))).toBe(false);
  });
});

describe('renderNoneReported', () => {
  it('escapes the names (an artifact carries them) and stays under maxChars', () => {
    const names = [
      'a<img src=x>',
      '@octocat',
      ...Array.from({ length: 62 }, (_, i) => `v${i}-${'x'.repeat(50)}`),
    ];
    const r = renderNoneReported(names, { markerKey: 'k', image: 'ghcr.io/acme/<b>model', headSha: HEAD });
    expect(r.markdown).not.toContain('<img');
    expect(r.markdown).not.toContain('<b>');
    expect(r.markdown).not.toMatch(/(^|[^\w])@octocat/);
    expect(r.variants).toHaveLength(64);
    const short = renderNoneReported(names, { markerKey: 'k', maxChars: 1_000 });
    expect(short.markdown.length).toBeLessThanOrEqual(1_000);
    expect(short.markdown).toContain('**⚠️ No variant of this run was reported**');
    expect(short.markdown).toMatch(/^- … and \d+ more variants not reported$/m);
    expect(short.omitted).toEqual(['variant lines']);
  });
});
