// A run of fewer platforms than the config's (--platforms, the `platforms` input) and the records it
// leaves: the baseline it saves keeps the platforms it left out (a platform of the config is not
// "no longer in the config"); an earlier image's records left in the result directory are not
// reported, nor saved, as this build's; and the Actions cache store saves a key per run attempt and
// never says it saved what the cache did not take.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { loadConfig } from '../../src/config/load.js';
import { runReport } from '../../src/pipeline/report.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import {
  actionsCacheBaselineStore,
  type BaselineStore,
  type CacheApi,
  dirBaselineStore,
} from '../../src/report/baseline.js';
import type { ReportModel } from '../../src/report/model-schema.js';
import { type ReportOptions, runReportStage } from '../../src/report/stage.js';
import { openResultDir, type ResultDir } from '../../src/results/results.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';
import { captureIo } from '../helpers/fakes.js';
import { runCli } from '../../src/cli/main.js';

const AMD64 = 'linux/amd64';
const ARM64 = 'linux/arm64';
const SHA1 = 'a'.repeat(40);
const SHA2 = 'b'.repeat(40);
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const git = { sha: SHA2, ref: 'refs/heads/main', isDefaultBranch: true };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-narrow-run-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** ml-image.yml listing both platforms, loaded as `ml-image run [--platforms LIST]` loads it. */
function load(platforms?: string[]) {
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image:\n  name: acme/model\nvariants: [cpu]\nplatforms: [linux/amd64, linux/arm64]\n',
  );
  const loaded = loadConfig({
    cwd: dir,
    checkFiles: false,
    overrides: platforms ? [{ path: ['platforms'], value: platforms, source: 'flag --platforms' }] : [],
  });
  const plan = planBuild(loaded.config, { catalog: bundledCatalog(), git, now: new Date('2026-11-30') });
  return { loaded, plan };
}

/** Records of cpu on PLATFORMS (numpy at VERSION), each captured as REPOSITORY@DIGESTS[platform]. */
function records(name: string, numpy: string, digests: Record<string, string>, repository: string) {
  const r = openResultDir(path.join(dir, name));
  for (const [p, d] of Object.entries(digests)) {
    r.writeEnv(
      'cpu',
      p,
      makeRecord({ platform: p, variant: 'cpu', pip: { numpy }, ref: `${repository}@${d}` }),
    );
    r.writeSmoke('cpu', p, makeSmoke([{ id: 'import', status: 'pass' }], { platform: p }));
  }
  return r;
}

/** build.json of cpu with DIGESTS (platform -> digest). */
function buildOf(repository: string, digests: Record<string, string>): BuildResult {
  return {
    schemaVersion: 1,
    variants: [
      {
        variant: 'cpu',
        repository,
        tags: [`${repository}:latest`],
        baseImage: 'python:3.12-slim',
        platforms: Object.entries(digests).map(([platform, d]) => ({
          platform,
          digest: d,
          durationMs: 1,
          attempts: 1,
          metadata: {},
        })),
      },
    ],
  };
}

async function reportRun(
  loaded: ReturnType<typeof load>,
  results: ResultDir,
  report: Pick<ReportOptions, 'baseline'> & Partial<ReportOptions>,
) {
  const lines: string[] = [];
  const r = await runReport(
    { loaded: loaded.loaded, results, git, report: { mode: 'off', baseBranch: 'main', ...report } },
    loaded.plan,
    { env: {}, progress: (l) => lines.push(l), warning: (m) => lines.push(`warning: ${m}`) },
  );
  return { ...r, lines };
}

/** The numpy version of PLATFORM in the newest save of main; undefined when it has none. */
async function numpyOf(store: BaselineStore, key: string, platform: string) {
  const r = await store.restore(key, 'main');
  if (!r || !readdirSync(r.dir).includes(`env-cpu-${platform.split('/')[1]}.json`)) return undefined;
  const record = openResultDir(r.dir, 'baseline', { create: false }).readEnv('cpu', platform);
  return record?.python.packages.find((p) => p.name === 'numpy')?.version;
}

describe('a run of fewer platforms than the config (--platforms)', () => {
  it("saves its platforms and keeps the config's others from the last save", async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const full = load();
    const key = `${full.plan.repository}:cpu`;
    const first = records(
      'first',
      '1.26.4',
      { [AMD64]: digest('1'), [ARM64]: digest('2') },
      full.plan.repository,
    );
    await reportRun(full, first, { baseline: store, saveAs: { branch: 'main', sha: SHA1 } });

    const narrow = load([AMD64]);
    expect(narrow.plan.variants[0]!.platforms).toEqual([AMD64]);
    const second = records('second', '2.1.0', { [AMD64]: digest('3') }, full.plan.repository);
    const { lines } = await reportRun(narrow, second, {
      baseline: store,
      saveAs: { branch: 'main', sha: SHA2 },
    });
    expect(await numpyOf(store, key, AMD64)).toBe('2.1.0');
    expect(await numpyOf(store, key, ARM64)).toBe('1.26.4');
    expect(lines).toContainEqual(expect.stringMatching(/linux\/arm64 kept from the previous one/));
    // The config file's platforms, before the flag narrowed them.
    expect(narrow.loaded.filePlatforms).toEqual([AMD64, ARM64]);
  });

  it("the platforms of a config from inputs alone (no file) are the plan's: one it does not list goes", async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const full = load();
    const key = `${full.plan.repository}:cpu`;
    const first = records(
      'first',
      '1.26.4',
      { [AMD64]: digest('1'), [ARM64]: digest('2') },
      full.plan.repository,
    );
    await reportRun(full, first, { baseline: store, saveAs: { branch: 'main', sha: SHA1 } });
    const { filePlatforms: _dropped, ...inputsOnly } = load([AMD64]).loaded;
    const second = records('second', '2.1.0', { [AMD64]: digest('3') }, full.plan.repository);
    await reportRun({ loaded: inputsOnly, plan: load([AMD64]).plan }, second, {
      baseline: store,
      saveAs: { branch: 'main', sha: SHA2 },
    });
    expect(await numpyOf(store, key, ARM64)).toBeUndefined();
  });
});

describe("a platform the baseline has and the pull request's config no longer builds", () => {
  /** The baseline of main: cpu on both platforms, numpy 1.26.4. */
  async function mainSaved(store: BaselineStore) {
    const full = load();
    const first = records(
      'first',
      '1.26.4',
      { [AMD64]: digest('1'), [ARM64]: digest('2') },
      full.plan.repository,
    );
    await reportRun(full, first, { baseline: store, saveAs: { branch: 'main', sha: SHA1 } });
    return full.plan.repository;
  }

  it('is a warning naming it (the report said nothing: its users would get no image)', async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const repository = await mainSaved(store);
    // The pull request's ml-image.yml drops linux/arm64.
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image:\n  name: acme/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
    );
    const loaded = loadConfig({ cwd: dir, checkFiles: false });
    const plan = planBuild(loaded.config, { catalog: bundledCatalog(), git, now: new Date('2026-11-30') });
    const pr = records('pr', '1.26.4', { [AMD64]: digest('3') }, repository);
    await reportRun({ loaded, plan }, pr, { baseline: store });
    const model = JSON.parse(readFileSync(path.join(pr.dir!, 'report-cpu.json'), 'utf8')) as ReportModel;
    expect(model.droppedPlatforms).toEqual([ARM64]);
    const md = readFileSync(path.join(pr.dir!, 'report-cpu.md'), 'utf8');
    // The headline (parentheses are written as entities).
    expect(md).toContain('**⚠️ linux/arm64 no longer built &#40;main has it&#41;**');
    expect(md).not.toMatch(/No environment changes/);
  });

  it('ml-image report --platforms drops nothing either (a review finding: it said arm64 was no longer built)', async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const repository = await mainSaved(store);
    const pr = records('pr', '1.26.4', { [AMD64]: digest('3') }, repository);
    const io = captureIo(dir, undefined, { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache') });
    const argv = ['report', '--results', 'pr', '--baseline', 'baselines', '--platforms', AMD64];
    expect(await runCli(argv, io), io.err()).toBe(0);
    const model = JSON.parse(readFileSync(path.join(pr.dir!, 'report-cpu.json'), 'utf8')) as ReportModel;
    expect(model.droppedPlatforms).toBeUndefined();
    expect(model.baseline?.ref).toBe('main');
  });

  it('a run narrowed by --platforms drops nothing: the config still builds it', async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const repository = await mainSaved(store);
    const narrow = load([AMD64]);
    const pr = records('pr', '1.26.4', { [AMD64]: digest('3') }, repository);
    await reportRun(narrow, pr, { baseline: store });
    const model = JSON.parse(readFileSync(path.join(pr.dir!, 'report-cpu.json'), 'utf8')) as ReportModel;
    expect(model.droppedPlatforms).toBeUndefined();
    expect(readFileSync(path.join(pr.dir!, 'report-cpu.md'), 'utf8')).not.toContain('no longer built');
  });
});

describe("an earlier image's records in the result directory", () => {
  /** Run 1 (both platforms) left its records; run 2 built amd64 only, into the same directory. */
  function reused(repository: string) {
    const out = records('out', '1.26.4', { [AMD64]: digest('1'), [ARM64]: digest('2') }, repository);
    out.writeEnv(
      'cpu',
      AMD64,
      makeRecord({
        platform: AMD64,
        variant: 'cpu',
        pip: { numpy: '2.1.0' },
        ref: `${repository}@${digest('3')}`,
      }),
    );
    out.writeBuild(buildOf(repository, { [AMD64]: digest('3') }));
    return out;
  }

  async function reportOf(
    results: ResultDir,
    options: Pick<ReportOptions, 'baseline'> & Partial<ReportOptions>,
  ) {
    const { plan, loaded } = load();
    const lines: string[] = [];
    const outcomes = await runReportStage(
      { plan, config: loaded.config, results, git, options: { mode: 'off', baseBranch: 'main', ...options } },
      { env: {}, progress: (l) => lines.push(l), warning: (m) => lines.push(`warning: ${m}`) },
    );
    const model = readFileSync(path.join(results.dir!, 'report-cpu.json'), 'utf8');
    return { outcomes, lines, model: JSON.parse(model) as ReportModel };
  }

  it('a record of an image build.json does not name is left out of the report, with a note', async () => {
    const { plan } = load();
    const { model, lines } = await reportOf(reused(plan.repository), { baseline: null });
    expect(model.platforms.map((p) => p.platform)).toEqual([AMD64]);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^cpu: env-cpu-arm64\.json is of sha256:2222222222.*build\.json names no linux\/arm64 image of cpu: an earlier run's, left out/,
      ),
    );
  });

  it('a record of another digest than build.json names for its platform is left out too', async () => {
    const { plan } = load();
    const out = reused(plan.repository);
    out.writeBuild(buildOf(plan.repository, { [AMD64]: digest('3'), [ARM64]: digest('4') }));
    const { model, lines, outcomes } = await reportOf(out, { baseline: null });
    expect(model.platforms.map((p) => p.platform)).toEqual([AMD64]);
    expect(lines).toContainEqual(
      expect.stringMatching(/env-cpu-arm64\.json is of sha256:2222.*names its sha256:4444/),
    );
    // This run built linux/arm64 and has no record of it: the comment says so (it said nothing).
    expect(model.unreportedPlatforms).toEqual([ARM64]);
    expect(outcomes[0]!.verdict).toContain("linux/arm64 not reported (no record of this run's image)");
  });

  it('is never saved as the baseline: the last save of that platform stays', async () => {
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const { plan } = load();
    const key = `${plan.repository}:cpu`;
    const before = records(
      'before',
      '1.0.0',
      { [AMD64]: digest('5'), [ARM64]: digest('6') },
      plan.repository,
    );
    await store.save(
      key,
      'main',
      SHA1,
      [AMD64, ARM64].flatMap((p) => before.recordFiles('cpu', p)),
    );
    await reportOf(reused(plan.repository), { baseline: store, saveAs: { branch: 'main', sha: SHA2 } });
    expect(await numpyOf(store, key, AMD64)).toBe('2.1.0');
    expect(await numpyOf(store, key, ARM64)).toBe('1.0.0');
  });

  it("a record captured by the local tag build.json names (a build that only loaded it) is this build's", async () => {
    const { plan } = load();
    const out = openResultDir(path.join(dir, 'local'));
    out.writeEnv(
      'cpu',
      AMD64,
      makeRecord({ platform: AMD64, variant: 'cpu', ref: 'ml-image-local/model:cpu-amd64' }),
    );
    const build = buildOf(plan.repository, { [AMD64]: digest('7') });
    build.variants[0]!.platforms[0]!.localRef = 'ml-image-local/model:cpu-amd64';
    out.writeBuild(build);
    const { model } = await reportOf(out, { baseline: null });
    expect(model.platforms.map((p) => p.platform)).toEqual([AMD64]);
  });
});

/** A cache as @actions/cache behaves: a key that is there is not saved again (-1, no throw). */
function actionsLikeCache(): CacheApi & { keys: string[] } {
  const saved = new Map<string, Record<string, string>>();
  const keys: string[] = [];
  return {
    keys,
    saveCache: (paths, key) => {
      if (saved.has(key)) return Promise.resolve(-1);
      const root = paths[0]!;
      const files = Object.fromEntries(
        readdirSync(root).map((n) => [n, readFileSync(path.join(root, n), 'utf8')]),
      );
      saved.set(key, files);
      keys.push(key);
      return Promise.resolve(keys.length);
    },
    // restoreKeys by prefix: the newest entry.
    restoreCache: (paths, primary, restoreKeys) => {
      const hit = [...keys].reverse().find((k) => k === primary || restoreKeys?.some((r) => k.startsWith(r)));
      if (!hit) return Promise.resolve(undefined);
      for (const [n, text] of Object.entries(saved.get(hit)!)) writeFileSync(path.join(paths[0]!, n), text);
      return Promise.resolve(hit);
    },
  };
}

describe('the Actions cache baseline of a re-run of the same commit', () => {
  it('saves under a key per run attempt; the re-run is the newest, its commit read back', async () => {
    const api = actionsLikeCache();
    const warnings: string[] = [];
    const store = (attempt: string) =>
      actionsCacheBaselineStore(
        path.join(dir, 'temp'),
        { warning: (m) => warnings.push(m), run: { id: '42', attempt } },
        api,
      );
    const full = load();
    const key = `${full.plan.repository}:cpu`;
    const first = records(
      'first',
      '1.26.4',
      { [AMD64]: digest('1'), [ARM64]: digest('2') },
      full.plan.repository,
    );
    await reportRun(full, first, { baseline: store('1'), saveAs: { branch: 'main', sha: SHA2 } });
    const rerun = records(
      'rerun',
      '2.1.0',
      { [AMD64]: digest('1'), [ARM64]: digest('2') },
      full.plan.repository,
    );
    const { lines } = await reportRun(full, rerun, {
      baseline: store('2'),
      saveAs: { branch: 'main', sha: SHA2 },
    });
    expect(api.keys.map((k) => k.slice(k.indexOf('-main-')))).toEqual([
      `-main-${SHA2}-42-1`,
      `-main-${SHA2}-42-2`,
    ]);
    expect(warnings).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^cpu: records saved as the baseline of main \(the Actions cache\)$/),
    );
    expect(await numpyOf(store('3'), key, AMD64)).toBe('2.1.0');
    expect((await store('3').restore(key, 'main'))?.sha).toBe(SHA2);
  });

  it('a key the cache already has (-1): a warning, and the log never says it saved', async () => {
    const api = actionsLikeCache();
    const warnings: string[] = [];
    const store = actionsCacheBaselineStore(
      path.join(dir, 'temp'),
      { warning: (m) => warnings.push(m) },
      api,
    );
    const full = load();
    const first = records(
      'first',
      '1.26.4',
      { [AMD64]: digest('1'), [ARM64]: digest('2') },
      full.plan.repository,
    );
    await reportRun(full, first, { baseline: store, saveAs: { branch: 'main', sha: SHA2 } });
    const rerun = records(
      'rerun',
      '2.1.0',
      { [AMD64]: digest('1'), [ARM64]: digest('2') },
      full.plan.repository,
    );
    const { lines } = await reportRun(full, rerun, {
      baseline: store,
      saveAs: { branch: 'main', sha: SHA2 },
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /^baseline not saved: the Actions cache did not take ml-image-baseline-v1-.*-main-b{40} /,
      ),
    ]);
    expect(lines.filter((l) => /records saved as/.test(l))).toEqual([]);
    expect(lines).toContainEqual('cpu: records not saved as the baseline of main (the Actions cache)');
  });
});
