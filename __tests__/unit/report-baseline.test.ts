// The report stage's baseline: which saved records a variant is compared with (and the commit the
// comment names), and what a run of the default branch saves for the next pull request.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfigData } from '../../src/config/load.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import {
  actionsCacheBaselineStore,
  BASELINE_SHA_FILE,
  baselineSlug,
  type BaselineStore,
  type CacheApi,
  dirBaselineStore,
  restoreBaseline,
} from '../../src/report/baseline.js';
import { githubReportContext } from '../../src/report/github-env.js';
import { buildReportModel, parseReportModel } from '../../src/report/model.js';
import type { ReportModel } from '../../src/report/model-schema.js';
import { renderReport } from '../../src/report/render.js';
import { type ReportOptions, runReportStage } from '../../src/report/stage.js';
import { openResultDir, type ResultDir } from '../../src/results/results.js';
import { makeRecord } from '../helpers/records.js';

const HEAD = 'c'.repeat(40);
const BASE_SHA = 'b'.repeat(40);
const AMD64 = 'linux/amd64';
const ARM64 = 'linux/arm64';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-report-baseline-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(platforms: string[], opts: { variants?: string[]; markerKey?: string } = {}) {
  const config = validateConfigData(
    {
      image: { name: 'acme/model' },
      variants: opts.variants ?? ['cpu'],
      platforms,
      ...(opts.markerKey && { report: { markerKey: opts.markerKey } }),
    },
    'ml-image.yml',
  );
  const git = { sha: HEAD, ref: 'refs/pull/7/merge', isDefaultBranch: false };
  const plan = planBuild(config, { catalog: bundledCatalog(), git, now: new Date('2026-11-30T00:00:00Z') });
  return { config, plan, git };
}

/** Records of VARIANT on PLATFORMS in a directory of their own (numpy at VERSION). */
function records(name: string, variant: string, platforms: string[], numpy: string): ResultDir {
  const r = openResultDir(path.join(dir, name));
  for (const p of platforms) r.writeEnv(variant, p, makeRecord({ platform: p, variant, pip: { numpy } }));
  return r;
}

/** The report stage over RESULTS; what each variant's report-<variant>.json holds, and the progress. */
async function report(
  s: ReturnType<typeof setup>,
  results: ResultDir,
  options: Partial<ReportOptions> & Pick<ReportOptions, 'baseline'>,
) {
  const progress: string[] = [];
  const outcomes = await runReportStage(
    {
      plan: s.plan,
      config: s.config,
      results,
      git: s.git,
      options: { mode: 'off', baseBranch: 'main', ...options },
    },
    { env: {}, progress: (l) => progress.push(l), warning: (m) => progress.push(`warning: ${m}`) },
  );
  const at = (name: string) => path.join(results.dir!, name);
  const models = Object.fromEntries(
    outcomes.map((o) => [
      o.variant,
      JSON.parse(readFileSync(at(`report-${o.variant}.json`), 'utf8')) as ReportModel,
    ]),
  );
  const markdown = (v: string) => readFileSync(at(`report-${v}.md`), 'utf8');
  return { outcomes, models, markdown, progress };
}

/** A fake Actions cache: entries by key, restored by prefix (the newest save first). */
function fakeCache(): CacheApi & { keys: () => string[] } {
  const saved = new Map<string, Record<string, string>>();
  return {
    keys: () => [...saved.keys()],
    saveCache: (paths, key) => {
      const root = paths[0]!;
      saved.set(
        key,
        Object.fromEntries(readdirSync(root).map((n) => [n, readFileSync(path.join(root, n), 'utf8')])),
      );
      return Promise.resolve(1);
    },
    restoreCache: (paths, primary, restoreKeys) => {
      const hit = [...saved.keys()]
        .reverse()
        .find((k) => k === primary || restoreKeys?.some((r) => k.startsWith(r)));
      if (!hit) return Promise.resolve(undefined);
      for (const [n, text] of Object.entries(saved.get(hit)!)) writeFileSync(path.join(paths[0]!, n), text);
      return Promise.resolve(hit);
    },
  };
}

const stores: [string, () => BaselineStore][] = [
  ['a directory', () => dirBaselineStore(path.join(dir, 'baselines'))],
  [
    'the Actions cache',
    () => actionsCacheBaselineStore(path.join(dir, 'runner-temp'), { warning: () => {} }, fakeCache()),
  ],
];

describe('the commit the comment compares with', () => {
  // A store's text reaches the comment only as a git commit's hex name.
  it.each<[string, string, string | undefined, string]>([
    ['a commit', BASE_SHA, BASE_SHA, `with main @ ${BASE_SHA.slice(0, 7)}.`],
    ['an abbreviated commit', 'abc1234', 'abc1234', 'with main @ abc1234.'],
    ['a local run (no commit)', 'local', undefined, 'with main.'],
    ['markup', '<img src=x>', undefined, 'with main.'],
    ['too short', 'f00d', undefined, 'with main.'],
  ])('saved at %s (%j): baseline.sha %j, the intro says "%s"', async (_what, saved, sha, intro) => {
    const s = setup([AMD64]);
    for (const [, make] of stores) {
      rmSync(path.join(dir, 'baselines'), { recursive: true, force: true });
      const store = make();
      const base = records('base', 'cpu', [AMD64], '1.26.4');
      await store.save(`${s.plan.repository}:cpu@${AMD64}`, 'main', saved, base.recordFiles('cpu', AMD64));
      const results = records(`head-${saved.length}`, 'cpu', [AMD64], '2.1.0');
      const { models, markdown } = await report(s, results, { baseline: store });
      expect(models.cpu!.baseline).toEqual({ ref: 'main', ...(sha && { sha }) });
      expect(markdown('cpu')).toContain(`Comparing this PR (refs/pull/7/merge @ ccccccc) ${intro}`);
      rmSync(results.dir!, { recursive: true, force: true });
    }
  });

  it('a directory baseline saved before the commit was written down: compared, no commit named', async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const base = records('base', 'cpu', [AMD64], '1.26.4');
    await store.save('k', 'main', BASE_SHA, base.recordFiles('cpu', AMD64));
    const restored = (await store.restore('k', 'main'))!;
    expect(restored.sha).toBe(BASE_SHA);
    rmSync(path.join(restored.dir, BASELINE_SHA_FILE));
    expect(await store.restore('k', 'main')).toEqual({ dir: restored.dir });
    expect(await restoreBaseline(store, ['k'], 'main')).toEqual({ dir: restored.dir });
  });
});

// The baseline is keyed on the image (or report.markerKey) and the variant: the platform set, or a
// second variant beside a markerKey, no longer changes the key, so a pull request that adds one is
// still compared with what the default branch saved. Saves of earlier versions are still found.
describe('the baseline a pull request finds', () => {
  type Shape = { platforms: string[]; variants?: string[]; markerKey?: string };
  it.each<[string, Shape, Shape, 'this version' | ((s: ReturnType<typeof setup>) => string)]>([
    ['a PR adds linux/arm64', { platforms: [AMD64] }, { platforms: [AMD64, ARM64] }, 'this version'],
    ['a PR drops linux/arm64', { platforms: [AMD64, ARM64] }, { platforms: [AMD64] }, 'this version'],
    [
      'a PR adds a variant beside report.markerKey',
      { platforms: [AMD64], markerKey: 'model' },
      { platforms: [AMD64], variants: ['cpu', 'cuda12.8'], markerKey: 'model' },
      'this version',
    ],
    [
      'saved by an earlier version (image:variant@platforms)',
      { platforms: [AMD64, ARM64] },
      { platforms: [AMD64, ARM64] },
      (s) => `${s.plan.repository}:cpu@${AMD64},${ARM64}`,
    ],
    [
      'saved by an earlier version (report.markerKey of one variant)',
      { platforms: [AMD64], markerKey: 'model' },
      { platforms: [AMD64], markerKey: 'model' },
      () => 'model',
    ],
  ])('%s: the amd64 diff is there', async (_what, main, pr, saved) => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const onMain = setup(main.platforms, main);
    const mainRecords = records('main', 'cpu', main.platforms, '1.26.4');
    if (saved === 'this version')
      await report(onMain, mainRecords, { baseline: store, saveAs: { branch: 'main', sha: BASE_SHA } });
    else
      await store.save(
        saved(onMain),
        'main',
        BASE_SHA,
        main.platforms.flatMap((p) => mainRecords.recordFiles('cpu', p)),
      );
    const s = setup(pr.platforms, pr);
    const results = records('head', 'cpu', pr.platforms, '2.1.0');
    for (const p of pr.platforms)
      if (pr.variants?.includes('cuda12.8'))
        results.writeEnv('cuda12.8', p, makeRecord({ platform: p, variant: 'cuda12.8' }));
    const { models, outcomes } = await report(s, results, { baseline: store });
    expect(outcomes.find((o) => o.variant === 'cpu')?.hasBaseline).toBe(true);
    const amd64 = models.cpu!.platforms.find((p) => p.platform === AMD64)!;
    expect(amd64.diff?.components.find((c) => c.id === 'numpy')).toMatchObject({
      from: '1.26.4',
      to: '2.1.0',
    });
    expect(models.cpu!.baseline).toEqual({ ref: 'main', sha: BASE_SHA });
  });

  it('a default-branch run saves under <image>:<variant> alone', async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const s = setup([AMD64, ARM64]);
    const results = records('main', 'cpu', [AMD64, ARM64], '1.26.4');
    await report(s, results, { baseline: store, saveAs: { branch: 'main', sha: BASE_SHA } });
    expect(await store.restore(`${s.plan.repository}:cpu`, 'main')).toMatchObject({ sha: BASE_SHA });
    expect(await store.restore(`${s.plan.repository}:cpu@${AMD64},${ARM64}`, 'main')).toBeUndefined();
  });
});

// A run of the default branch without one platform's record (its job failed or was skipped) keeps
// that platform's records from the previous save; a platform the config no longer has goes.
describe('what a default-branch run saves', () => {
  const numpyOf = async (store: BaselineStore, key: string, platform: string) => {
    const r = await store.restore(key, 'main');
    const arch = platform.split('/')[1];
    const names = readdirSync(r!.dir);
    if (!names.includes(`env-cpu-${arch}.json`)) return undefined;
    const record = openResultDir(r!.dir, 'baseline', { create: false }).readEnv('cpu', platform);
    return record?.python.packages.find((p) => p.name === 'numpy')?.version;
  };

  it.each(stores)('%s: a platform without a record this run keeps the last one', async (_what, make) => {
    const store = make();
    const s = setup([AMD64, ARM64]);
    const key = `${s.plan.repository}:cpu`;
    const first = records('first', 'cpu', [AMD64, ARM64], '1.26.4');
    await report(s, first, { baseline: store, saveAs: { branch: 'main', sha: 'a'.repeat(40) } });
    const second = records('second', 'cpu', [AMD64], '2.1.0');
    const { progress } = await report(s, second, {
      baseline: store,
      saveAs: { branch: 'main', sha: BASE_SHA },
    });
    expect(await numpyOf(store, key, AMD64)).toBe('2.1.0');
    expect(await numpyOf(store, key, ARM64)).toBe('1.26.4');
    expect(await store.restore(key, 'main')).toMatchObject({ sha: BASE_SHA });
    expect(progress).toContainEqual(expect.stringMatching(/linux\/arm64 kept from the previous one/));
    // A pull request is compared on both platforms.
    const pr = records('pr', 'cpu', [AMD64, ARM64], '2.1.0');
    const { models } = await report(s, pr, { baseline: store });
    expect(models.cpu!.platforms.map((p) => p.diff !== null)).toEqual([true, true]);
  });

  it.each<[string, string[], (s: ReturnType<typeof setup>) => string, string | undefined]>([
    ['a platform the config no longer has: let go', [AMD64], (s) => `${s.plan.repository}:cpu`, undefined],
    [
      "the previous save is an earlier version's (image:variant@platforms): kept from it",
      [AMD64, ARM64],
      (s) => `${s.plan.repository}:cpu@${AMD64},${ARM64}`,
      '1.26.4',
    ],
  ])('%s', async (_what, now, previousKey, arm64) => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const before = setup([AMD64, ARM64]);
    const first = records('first', 'cpu', [AMD64, ARM64], '1.26.4');
    await store.save(
      previousKey(before),
      'main',
      'a'.repeat(40),
      [AMD64, ARM64].flatMap((p) => first.recordFiles('cpu', p)),
    );
    const s = setup(now);
    await report(s, records('second', 'cpu', [AMD64], '2.1.0'), {
      baseline: store,
      saveAs: { branch: 'main', sha: BASE_SHA },
    });
    const key = `${s.plan.repository}:cpu`;
    expect(await numpyOf(store, key, AMD64)).toBe('2.1.0');
    expect(await numpyOf(store, key, ARM64)).toBe(arm64);
  });

  it('a previous record that does not read is not kept', async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const s = setup([AMD64, ARM64]);
    const key = `${s.plan.repository}:cpu`;
    await report(s, records('first', 'cpu', [AMD64, ARM64], '1.26.4'), {
      baseline: store,
      saveAs: { branch: 'main', sha: 'a'.repeat(40) },
    });
    writeFileSync(path.join((await store.restore(key, 'main'))!.dir, 'env-cpu-arm64.json'), '{"broken":');
    await report(s, records('second', 'cpu', [AMD64], '2.1.0'), {
      baseline: store,
      saveAs: { branch: 'main', sha: BASE_SHA },
    });
    expect(readdirSync((await store.restore(key, 'main'))!.dir).sort()).toEqual([
      BASELINE_SHA_FILE,
      'env-cpu-amd64.json',
    ]);
  });
});

// Only the default branch's runs save a baseline: a pull request into another branch is compared
// with the default branch's, and says so.
describe('a pull request into a branch other than the default', () => {
  const INTO = 'release-1.x';
  type Case = {
    saved: string[];
    defaultBranch: string | null | undefined;
    baseline: ReportModel['baseline'];
    text: string;
  };
  it.each<[string, Case]>([
    [
      'the default branch has a baseline: compared with it',
      {
        saved: ['main'],
        defaultBranch: 'main',
        baseline: { ref: 'main', sha: BASE_SHA, noRecordOf: INTO },
        text: `with main @ bbbbbbb: no record of ${INTO} (baselines are saved for the default branch only).`,
      },
    ],
    [
      'the base branch has one of its own: compared with that',
      {
        saved: ['main', INTO],
        defaultBranch: 'main',
        baseline: { ref: INTO, sha: BASE_SHA },
        text: `with ${INTO} @ bbbbbbb.`,
      },
    ],
    [
      'neither has one',
      {
        saved: [],
        defaultBranch: 'main',
        baseline: null,
        text: `first run: no record of main in ${path.join('DIR', 'baselines')} yet (nor of ${INTO}: only the default branch saves one)`,
      },
    ],
    [
      'the event does not name the default branch',
      {
        saved: ['main'],
        defaultBranch: null,
        baseline: null,
        text: `first run: no record of ${INTO} in ${path.join('DIR', 'baselines')} yet (baselines are saved for the default branch only)`,
      },
    ],
    [
      'off GitHub (a local run saves its own branch)',
      {
        saved: ['main'],
        defaultBranch: undefined,
        baseline: null,
        text: `first run: no record of ${INTO} in ${path.join('DIR', 'baselines')} yet.`,
      },
    ],
  ])('%s', async (_what, c) => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const s = setup([AMD64]);
    const base = records('base', 'cpu', [AMD64], '1.26.4');
    for (const branch of c.saved)
      await store.save(`${s.plan.repository}:cpu`, branch, BASE_SHA, base.recordFiles('cpu', AMD64));
    const results = records('head', 'cpu', [AMD64], '2.1.0');
    const { models, markdown } = await report(s, results, {
      baseline: store,
      baseBranch: INTO,
      ...(c.defaultBranch !== undefined && {
        github: {
          apiUrl: 'https://api.github.com',
          repository: 'acme/model',
          defaultBranch: c.defaultBranch,
        },
      }),
    });
    expect(models.cpu!.baseline).toEqual(c.baseline);
    // md() writes parentheses as entities.
    const text = markdown('cpu').split(dir).join('DIR').replace(/&#40;/g, '(').replace(/&#41;/g, ')');
    expect(text).toContain(c.text);
  });

  it('the runner says which is the default branch (the event), or that it does not know', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/model', GITHUB_BASE_REF: INTO };
    const pr = { number: 7, head: { sha: HEAD, repo: { full_name: 'acme/model' } }, base: { ref: INTO } };
    const named = githubReportContext(env, 'tok', {
      pull_request: pr,
      repository: { default_branch: 'main' },
    });
    expect(named).toMatchObject({ baseBranch: INTO, target: { defaultBranch: 'main' } });
    expect(githubReportContext(env, 'tok', { pull_request: pr }).target?.defaultBranch).toBeNull();
  });

  it('a poster re-renders an artifact that names the branch: escaped like every value', () => {
    const model = buildReportModel({
      image: 'ghcr.io/acme/model',
      variant: 'cpu',
      entries: [{ platform: AMD64, head: makeRecord({ pip: { numpy: '2.1.0' } }), base: makeRecord() }],
      baseline: { ref: 'main', noRecordOf: '<img src=x>' },
    });
    const parsed = parseReportModel(JSON.parse(JSON.stringify(model)), 'artifact');
    expect(parsed.baseline).toEqual({ ref: 'main', noRecordOf: '<img src=x>' });
    expect(renderReport(parsed).markdown).toContain('with main: no record of &lt;img src=x&gt;');
  });
});

// Finding: a branch named "..", or "." (report --base-branch ..), was a slug that path.join read as
// the key's parent directory (or the key's own): a save's link there replaced the store's root.
describe('a branch name that is a path step', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ml-image-baseline-slug-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each(['..', '.', '...', '.hidden'])(
    '%j is saved and restored inside the key directory',
    async (branch) => {
      const store = dirBaselineStore(root);
      const src = mkdtempSync(path.join(tmpdir(), 'ml-image-baseline-src-'));
      try {
        writeFileSync(path.join(src, 'env-cpu-amd64.json'), '{}');
        await store.save('localhost:5000/x:cpu', branch, 'a'.repeat(40), [
          path.join(src, 'env-cpu-amd64.json'),
        ]);
        // Only the key's directory at the root: nothing beside it, nothing in place of the root.
        expect(readdirSync(root)).toEqual([baselineSlug('localhost:5000/x:cpu')]);
        const restored = await store.restore('localhost:5000/x:cpu', branch);
        expect(restored?.dir.startsWith(path.join(root, baselineSlug('localhost:5000/x:cpu'), '-'))).toBe(
          true,
        );
        expect(readdirSync(restored!.dir)).toContain('env-cpu-amd64.json');
        expect(await store.restore('localhost:5000/x:cpu', 'main')).toBeUndefined();
      } finally {
        rmSync(src, { recursive: true, force: true });
      }
    },
  );

  it('feature/x and feature-x keep their own saves; a save an earlier version made under the slug is still found', async () => {
    const store = dirBaselineStore(root);
    const key = 'localhost:5000/x:cpu';
    const src = mkdtempSync(path.join(tmpdir(), 'ml-image-baseline-src-'));
    const save = async (branch: string, sha: string) => {
      writeFileSync(path.join(src, 'env-cpu-amd64.json'), JSON.stringify({ branch }));
      await store.save(key, branch, sha, [path.join(src, 'env-cpu-amd64.json')]);
    };
    const savedBy = async (branch: string) => {
      const r = await store.restore(key, branch);
      return r && { sha: r.sha, ...JSON.parse(readFileSync(path.join(r.dir, 'env-cpu-amd64.json'), 'utf8')) };
    };
    try {
      // An earlier version's save of feature/x, under its slug alone: found until feature/x saves anew.
      await save('feature-x', 'a'.repeat(40));
      expect(await savedBy('feature/x')).toEqual({ sha: 'a'.repeat(40), branch: 'feature-x' });
      await save('feature/x', 'b'.repeat(40));
      expect(await savedBy('feature/x')).toEqual({ sha: 'b'.repeat(40), branch: 'feature/x' });
      expect(await savedBy('refs/heads/feature/x')).toEqual({ sha: 'b'.repeat(40), branch: 'feature/x' });
      expect(await savedBy('feature-x')).toEqual({ sha: 'a'.repeat(40), branch: 'feature-x' });
      await save('feature-x', 'c'.repeat(40));
      expect(await savedBy('feature/x')).toEqual({ sha: 'b'.repeat(40), branch: 'feature/x' });
      expect(await savedBy('feature-x')).toEqual({ sha: 'c'.repeat(40), branch: 'feature-x' });
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });
});
