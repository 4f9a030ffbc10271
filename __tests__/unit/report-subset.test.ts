// Jobs that each report some of the config's variants (a user matrix: `variants: ${{ matrix.variant }}`
// on the report sub-action) keep one comment each: the key names the subset, and the older
// per-variant comments a job removes are only those of its own variants. A run of every variant
// keeps the key it always had. Against the fake GitHub API (every request checked against GitHub's
// OpenAPI description), through the pipeline as the action runs it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, validateConfigData } from '../../src/config/load.js';
import { createGitHubClient } from '../../src/github/client.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { configVariantNames, reportKey, runKeyOf } from '../../src/report/keys.js';
import { defaultMarkerKey } from '../../src/report/model.js';
import { markerFor } from '../../src/report/render.js';
import { openResultDir } from '../../src/results/results.js';
import { fakeDocker } from '../helpers/fakes.js';
import { type GitHubApi, startGitHubApi } from '../helpers/github-api.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';

const HEAD = 'c'.repeat(40);
const REPO = 'ghcr.io/acme/model';
const AMD64 = ['linux/amd64'];

let dir: string;
let api: GitHubApi;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-report-subset-'));
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const fastClient = (token: string, baseUrl: string) =>
  createGitHubClient({ token, baseUrl, retry: { msPerSecond: 1, paceWrites: false } });

function configFile(extra = '') {
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    `image: {name: acme/model}\nvariants: [cpu, cuda12.8]\nplatforms: [linux/amd64]\n${extra}`,
  );
}

/** One report job: VARIANTS the `variants` input (none: the config's), its own result directory. */
async function reportJob(variants?: string[]) {
  const loaded = loadConfig({
    cwd: dir,
    ...(variants && { overrides: [{ path: ['variants'], value: variants, source: 'input "variants"' }] }),
  });
  const results = openResultDir(path.join(dir, `results-${variants?.join('+') ?? 'all'}`));
  for (const v of loaded.config.variants.map((x) => x.name)) {
    results.writeEnv(v, 'linux/amd64', makeRecord({ variant: v }));
    results.writeSmoke(v, 'linux/amd64', makeSmoke([{ id: 'import', status: 'pass' }]));
  }
  const result = await runPipeline(
    {
      loaded,
      stages: new Set(['report'] as const),
      results,
      push: true,
      merge: true,
      gpus: 'none',
      imagesDir: dir,
      git: { sha: HEAD, prNumber: 7 },
      cacheDir: path.join(dir, 'cache'),
      report: {
        mode: 'post',
        baseline: null,
        github: {
          token: 'ghs_jobTOKEN',
          apiUrl: api.url,
          repository: 'acme/model',
          prNumber: 7,
          headSha: HEAD,
        },
        client: fastClient,
      },
    },
    {
      docker: () => fakeDocker(),
      env: {},
      progress: () => undefined,
      error: () => undefined,
      warning: () => undefined,
    },
  );
  return result.reports;
}

const markers = () => api.commentsOn('acme', 'model', 7).map((c) => c.body.split('\n')[0]);
const seed = (...keys: string[]) =>
  api.seed(keys.map((k) => ({ owner: 'acme', repo: 'model', issueNumber: 7, body: `${markerFor(k)}\nold` })));

describe('a matrix of report jobs, one variant each', () => {
  it("keeps one comment per job; each removes only its own variants' older comments", async () => {
    configFile();
    const legacy = (v: string) => defaultMarkerKey(REPO, v, AMD64);
    // Before: a per-variant comment of each variant (older versions), and the comment the jobs
    // shared (and overwrote in turn).
    seed(legacy('cpu'), legacy('cuda12.8'), REPO);

    const cpu = await reportJob(['cpu']);
    expect(cpu[0]!.runMarkerKey).toBe(`${REPO}:cpu`);
    expect(markers()).toEqual([markerFor(legacy('cuda12.8')), markerFor(REPO), markerFor(`${REPO}:cpu`)]);

    const cuda = await reportJob(['cuda12.8']);
    expect(cuda[0]!.runMarkerKey).toBe(`${REPO}:cuda12.8`);
    expect(markers()).toEqual([markerFor(REPO), markerFor(`${REPO}:cpu`), markerFor(`${REPO}:cuda12.8`)]);
    const [, cpuComment, cudaComment] = api.commentsOn('acme', 'model', 7);
    expect(cpuComment!.body).toContain('(cpu)');
    expect(cudaComment!.body).toContain('(cuda12.8)');

    // The next run of the cpu job updates its own comment in place; the cuda job's stays.
    const again = await reportJob(['cpu']);
    expect(again[0]!.comment).toEqual({ action: 'unchanged', commentId: cpuComment!.id });
    expect(api.commentsOn('acme', 'model', 7).map((c) => c.id)).toContain(cudaComment!.id);

    // A run of every variant keeps the key it always had: the shared comment, updated in place.
    const all = await reportJob();
    expect(all.map((r) => r.runMarkerKey)).toEqual([REPO, REPO]);
    expect(markers()).toEqual([markerFor(REPO), markerFor(`${REPO}:cpu`), markerFor(`${REPO}:cuda12.8`)]);
    expect(api.state.violations).toEqual([]);
  });

  it("report.markerKey: the subset is appended to it; the whole run's comment is never removed", async () => {
    configFile('report: {markerKey: model-images}\n');
    // A job of one variant: report.markerKey is its per-variant key too, which must not remove the
    // comment of a run of every variant; the other variant's older comment stays as well.
    seed('model-images', 'model-images:cuda12.8');
    const cpu = await reportJob(['cpu']);
    expect(cpu[0]!.runMarkerKey).toBe('model-images:cpu');
    expect(markers()).toEqual([
      markerFor('model-images'),
      markerFor('model-images:cuda12.8'),
      markerFor('model-images:cpu'),
    ]);
    expect(api.state.violations).toEqual([]);
  });
});

describe('runKeyOf and configVariantNames', () => {
  const config = validateConfigData(
    { image: { name: 'acme/model' }, variants: ['cpu', 'cuda12.8', 'cuda12.6'] },
    'ml-image.yml',
  );
  const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date() });
  const all = ['cpu', 'cuda12.8', 'cuda12.6'];

  it.each<[string, string[] | undefined, string[], string]>([
    ['no config file to compare with', undefined, ['cpu'], REPO],
    ['every variant', all, all, REPO],
    ['every variant, in another order', ['cuda12.6', 'cpu', 'cuda12.8'], all, REPO],
    ['one of three', all, ['cuda12.8'], `${REPO}:cuda12.8`],
    ['two of three, sorted', all, ['cuda12.8', 'cpu'], `${REPO}:cpu,cuda12.8`],
    // An input that replaces the file's variants (the file lists only the default cpu) narrows
    // nothing: the run keeps the one key it always had.
    ["variants in the place of the file's", ['cpu'], ['cuda12.8'], REPO],
    ['some the file lists and one it does not', ['cpu', 'cuda12.6'], ['cuda12.8', 'cpu'], REPO],
  ])('%s', (_name, configVariants, planned, key) => {
    const p = { ...plan, variants: plan.variants.filter((v) => planned.includes(v.name)) };
    expect(runKeyOf(p, config, configVariants).key).toBe(key);
  });

  it('with report.markerKey, each job of a variants matrix keeps its baseline under its own key', () => {
    const keyed = validateConfigData(
      { image: { name: 'acme/model' }, variants: all, report: { markerKey: 'model' } },
      'ml-image.yml',
    );
    const one = (name: string) => ({ ...plan, variants: plan.variants.filter((v) => v.name === name) });
    expect(reportKey(one('cpu'), keyed, 'cpu', all)).toBe('model:cpu');
    expect(reportKey(one('cuda12.8'), keyed, 'cuda12.8', all)).toBe('model:cuda12.8');
    // The whole run, and one variant in the file's place: as before.
    expect(reportKey(plan, keyed, 'cpu', all)).toBe('model:cpu');
    expect(reportKey(one('cuda12.8'), keyed, 'cuda12.8', ['cpu'])).toBe('model');
  });

  it('reads the names the config file gives, whatever overrides them', () => {
    const file = path.join(dir, 'ml-image.yml');
    writeFileSync(
      file,
      'image: {name: a/b}\nvariants: [cpu, {cuda: "12.8"}, {name: pt, base: "nvcr.io/nvidia/pytorch:25.03-py3"}]\n',
    );
    const overridden = loadConfig({
      cwd: dir,
      overrides: [{ path: ['variants'], value: ['cpu'], source: 'input "variants"' }],
      checkFiles: false,
    });
    expect(overridden.config.variants.map((v) => v.name)).toEqual(['cpu']);
    expect(configVariantNames(overridden)).toEqual(['cpu', 'cuda12.8', 'pt']);
    writeFileSync(file, 'image: {name: a/b}\n');
    expect(configVariantNames(loadConfig({ cwd: dir, checkFiles: false }))).toEqual(['cpu']);
    // No file (the action's inputs alone): nothing to compare a filter with.
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const inputsOnly = loadConfig({
      cwd: empty,
      overrides: [{ path: ['image', 'name'], value: 'a/b', source: 'input "image"' }],
    });
    expect(inputsOnly.file).toBeUndefined();
    expect(configVariantNames(inputsOnly)).toBeUndefined();
  });
});
