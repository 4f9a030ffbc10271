// Where the bytes went: the size explanation (which packages and layers made the image grow), the
// top contributors, the size budget (config size.budget) and its breach, which fails the report
// stage naming the top contributor, in the comment (fake GitHub API) and the job summary.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { validateConfigData } from '../../src/config/load.js';
import { explainSize, firstN, sizeTop } from '../../src/diff/size.js';
import { CheckFailedError } from '../../src/errors.js';
import { createGitHubClient } from '../../src/github/client.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { dirBaselineStore } from '../../src/report/baseline.js';
import { assessReport, buildReportModel, parseReportModel } from '../../src/report/model.js';
import { renderReport } from '../../src/report/render.js';
import { renderRun } from '../../src/report/render/run.js';
import { budgetBreaches, parseSizeBudget, sizeHeadline } from '../../src/report/size.js';
import { reportKey, runReportStage } from '../../src/report/stage.js';
import { openResultDir } from '../../src/results/results.js';
import { type GitHubApi, startGitHubApi } from '../helpers/github-api.js';
import { makeRecord, pipEntry } from '../helpers/records.js';

const MB = 1e6;
type Pip = Record<string, [version: string, mb: number]>;
type Apt = Record<string, [version: string, mb: number]>;

function sized(opts: {
  pip?: Pip;
  apt?: Apt;
  layers?: [string, number][];
  sizeMb: number;
  platform?: string;
  noSizes?: boolean;
}): EnvRecord {
  const r = makeRecord({
    platform: opts.platform ?? 'linux/amd64',
    sizeBytes: opts.sizeMb * MB,
    pip: Object.entries(opts.pip ?? {}).map(([n, [v, mb]]) => ({
      ...pipEntry(n, v),
      ...(!opts.noSizes && { sizeBytes: mb * MB }),
    })),
    apt: Object.entries(opts.apt ?? {}).map(([name, [version, mb]]) => ({
      name,
      version,
      arch: 'amd64',
      ...(!opts.noSizes && { sizeBytes: mb * MB }),
    })),
  });
  if (opts.layers)
    r.image.history = opts.layers.map(([createdBy, mb]) => ({ createdBy, sizeBytes: mb * MB }));
  return r;
}

const BASE_LAYERS: [string, number][] = [
  ['ADD rootfs.tar / # buildkit', 80],
  ['ENV LANG=C.UTF-8', 0],
  ['RUN /bin/sh -c pip install -r requirements.txt # buildkit', 3000],
];

describe('explainSize: which packages and layers made the image change', () => {
  it.each([
    {
      name: 'an upgrade that grew, an added package, a removed one, an unchanged one left out',
      base: {
        pip: { 'nvidia-cudnn-cu12': ['9.5', 800], torch: ['2.5.1', 1500], numba: ['0.60', 20] } as Pip,
      },
      head: {
        pip: { 'nvidia-cudnn-cu12': ['9.7', 1202], torch: ['2.5.1', 1500], triton: ['3.1', 228] } as Pip,
      },
      delta: 610,
      changes: [
        ['pip', 'nvidia-cudnn-cu12', '9.5', '9.7', 402],
        ['pip', 'triton', null, '3.1', 228],
        ['pip', 'numba', '0.60', null, -20],
      ],
      headline: '+610.0 MB: nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB, triton 3.1 (added) +228.0 MB',
    },
    {
      name: 'a shrinking image lists what shrank first',
      base: { pip: { a: ['1', 100], b: ['1', 10] } as Pip, apt: { 'libx-dev': ['1', 50] } as Apt },
      head: { pip: { a: ['2', 40], b: ['1', 15] } as Pip, apt: { 'libx-dev': ['1', 50] } as Apt },
      delta: -55,
      changes: [
        ['pip', 'a', '1', '2', -60],
        ['pip', 'b', '1', '1', 5],
      ],
      headline: '−55.0 MB: a 1 → 2 −60.0 MB',
    },
    {
      name: 'apt and pip together, by size of the change',
      base: { pip: { numpy: ['1.26', 60] } as Pip, apt: { 'cuda-libraries-12-6': ['12.6', 2000] } as Apt },
      head: { pip: { numpy: ['2.1', 70] } as Pip, apt: { 'cuda-libraries-12-8': ['12.8', 2300] } as Apt },
      delta: 310,
      changes: [
        ['apt', 'cuda-libraries-12-8', null, '12.8', 2300],
        ['apt', 'cuda-libraries-12-6', '12.6', null, -2000],
        ['pip', 'numpy', '1.26', '2.1', 10],
      ],
      headline: '+310.0 MB: cuda-libraries-12-8 12.8 (added) +2.30 GB, numpy 1.26 → 2.1 +10.0 MB',
    },
  ])('$name', ({ base, head, delta, changes, headline }) => {
    const b = sized({ ...base, sizeMb: 5000 });
    const h = sized({ ...head, sizeMb: 5000 + delta });
    const e = explainSize(b, h)!;
    expect(e.delta).toBe(delta * MB);
    expect(e.packagesKnown).toBe(true);
    expect(e.packages.map((c) => [c.kind, c.name, c.from, c.to, Math.round(c.delta / MB)])).toEqual(changes);
    expect(e.packagesChanged).toBe(changes.length);
    expect(sizeHeadline(e)).toBe(headline);
  });

  it('matches layers by instruction: the base image steps match, a changed RUN shows its growth', () => {
    const b = sized({ layers: BASE_LAYERS, sizeMb: 3080 });
    const h = sized({
      layers: [
        ...BASE_LAYERS.slice(0, 2),
        ['RUN /bin/sh -c pip install -r requirements.txt # buildkit', 3610],
        ['COPY app /app', 5],
      ],
      sizeMb: 3695,
    });
    const e = explainSize(b, h)!;
    expect(e.layersKnown).toBe(true);
    expect(e.layers.map((c) => [c.name, c.baseBytes, c.headBytes, c.delta / MB])).toEqual([
      ['RUN /bin/sh -c pip install -r requirements.txt # buildkit', 3000 * MB, 3610 * MB, 610],
      ['COPY app /app', null, 5 * MB, 5],
    ]);
    // No package sizes on either side: the layers explain it.
    expect(sizeHeadline(e)).toMatch(
      /^\+615\.0 MB: layer RUN \/bin\/sh -c pip install .* \+610\.0 MB, layer COPY app/,
    );
  });

  it('an older base record without sizes: no package changes, said so; a head without sizes: no explanation', () => {
    const old = sized({ pip: { torch: ['2.5.1', 1500] }, sizeMb: 2000, noSizes: true });
    const now = sized({ pip: { torch: ['2.6.0', 1700] }, sizeMb: 2200 });
    const e = explainSize(old, now)!;
    expect(e).toMatchObject({ packagesKnown: false, layersKnown: false, packages: [], delta: 200 * MB });
    expect(explainSize(now, old)).toBeUndefined();
  });

  it('sizeTop: the biggest pip and apt packages and layers, biggest first; a copy installed twice counts twice', () => {
    const r = sized({
      pip: Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`p${i}`, ['1', i + 1]])) as Pip,
      apt: { libc6: ['2.36', 12] },
      layers: BASE_LAYERS,
      sizeMb: 4000,
    });
    r.python.packages.push({
      ...pipEntry('P13', '0.9', '/usr/lib/python3/dist-packages'),
      sizeBytes: 1 * MB,
    });
    const top = sizeTop(r)!;
    expect(top.pip).toHaveLength(10);
    expect(top.pip[0]).toEqual({ name: 'p13', version: '1', sizeBytes: 15 * MB });
    expect(top.pip.map((p) => p.name).slice(1, 3)).toEqual(['p12', 'p11']);
    expect(top.apt).toEqual([{ name: 'libc6', version: '2.36', sizeBytes: 12 * MB }]);
    expect(top.layers.map((l) => l.sizeBytes / MB)).toEqual([3000, 80]); // ENV adds no layer
    expect(sizeTop(makeRecord())).toBeUndefined();
  });
});

it('firstN: the n first in order, as a full sort would give them (stable on ties)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -5, max: 5 })), fc.integer({ min: 0, max: 12 }), (xs, n) => {
      const items = xs.map((v, i) => ({ v, i }));
      const order = (a: { v: number }, b: { v: number }) => b.v - a.v;
      expect(firstN(items, n, order)).toEqual([...items].sort(order).slice(0, n));
    }),
    { seed: 20261130 },
  );
});

describe('size budget', () => {
  it.each([
    ['8GB', { kind: 'absolute', bytes: 8e9 }],
    ['750 MB', { kind: 'absolute', bytes: 750e6 }],
    ['1.5GiB', { kind: 'absolute', bytes: 1.5 * 2 ** 30 }],
    ['+5%', { kind: 'growth', ratio: 0.05 }],
    ['+0.5%', { kind: 'growth', ratio: 0.005 }],
  ])('parses %s', (text, expected) => {
    expect(parseSizeBudget(text)).toEqual(expected);
  });

  it.each(['8', '5%', '-5%', '8 gigabytes', ''])('refuses %j in the config, naming size.budget', (budget) => {
    expect(() => validateConfigData({ image: { name: 'a/b' }, size: { budget } }, 'ml-image.yml')).toThrow(
      /size\.budget: expected a size such as "8GB"/,
    );
    expect(() => parseSizeBudget(budget)).toThrow(/size\.budget/);
  });

  // Finding: a budget of 0 was taken, and every image then breached it (exit 1 for a config mistake).
  it.each(['0GB', '0 MB', '0.0B'])('refuses %j in the config: a budget of 0 fails every image', (budget) => {
    expect(() => validateConfigData({ image: { name: 'a/b' }, size: { budget } }, 'ml-image.yml')).toThrow(
      /size\.budget: a size budget of 0 fails every image/,
    );
  });

  it.each(['lots', 'GB', 'abc%'])('refuses %j with one problem, not the budget-of-0 one too', (budget) => {
    let problems: string[] = [];
    try {
      validateConfigData({ image: { name: 'a/b' }, size: { budget } }, 'ml-image.yml');
    } catch (e) {
      problems = (e as { problems: string[] }).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/expected a size such as "8GB"/);
  });

  it('takes "+0%" (no growth at all)', () => {
    expect(() =>
      validateConfigData({ image: { name: 'a/b' }, size: { budget: '+0%' } }, 'ml-image.yml'),
    ).not.toThrow();
  });

  const model = (budget: string, opts: { base?: boolean } = {}) =>
    buildReportModel({
      image: 'ghcr.io/acme/model',
      variant: 'cuda12.8',
      sizeBudget: budget,
      entries: [
        {
          platform: 'linux/amd64',
          base:
            opts.base === false
              ? null
              : sized({ pip: { 'nvidia-cudnn-cu12': ['9.5', 800], torch: ['2.5.1', 1500] }, sizeMb: 8000 }),
          head: sized({
            pip: { 'nvidia-cudnn-cu12': ['9.7', 1202], torch: ['2.5.1', 1500], 'x|<b>y</b>': ['1', 208] },
            sizeMb: 8610,
          }),
        },
      ],
      baseline: { ref: 'main' },
    });

  it.each([
    [
      '8GB',
      /image 8\.61 GB is over the size budget 8GB \(8\.00 GB\) by 610\.0 MB; top contributor: nvidia-cudnn-cu12 9\.5 → 9\.7 \+402\.0 MB/,
    ],
    [
      '+5%',
      /image grew \+610\.0 MB \(\+7\.6%\), over the size budget \+5%; top contributor: nvidia-cudnn-cu12 9\.5 → 9\.7 \+402\.0 MB/,
    ],
  ])('%s: the breach names the top contributor', (budget, text) => {
    const m = model(budget);
    const breaches = budgetBreaches(m.sizeBudget, m.platforms);
    expect(breaches).toHaveLength(1);
    expect(breaches[0]!.text).toMatch(text);
    const a = assessReport(m);
    expect(a.verdict).toBe('failure');
    expect(a.findings[0]).toEqual({
      text: `size budget ${budget} exceeded; top contributor: nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB`,
      severity: 'failure',
    });
  });

  it.each(['9GB', '+8%'])('%s: within the budget, nothing', (budget) => {
    const m = model(budget);
    expect(budgetBreaches(m.sizeBudget, m.platforms)).toEqual([]);
    expect(assessReport(m).verdict).not.toBe('failure');
  });

  it('without a baseline an absolute budget still judges (naming the biggest package); a growth budget cannot', () => {
    const abs = model('8GB', { base: false });
    expect(budgetBreaches(abs.sizeBudget, abs.platforms)[0]!.text).toMatch(
      /top contributor: pip torch 2\.5\.1 \(1\.50 GB\)$/,
    );
    expect(assessReport(abs).verdict).toBe('failure');
    const growth = model('+1%', { base: false });
    expect(budgetBreaches(growth.sizeBudget, growth.platforms)).toEqual([]);
  });

  it('the report shows the explanation, the biggest packages and the breach, escaped; the model round-trips', () => {
    const m = model('8GB');
    const md = renderReport(parseReportModel(JSON.parse(JSON.stringify(m)), 'report.json'), {
      maxChars: 65_536,
    }).markdown;
    expect(md).toContain('<details><summary>Image size: +610.0 MB (+7.6%), over budget</summary>');
    expect(md).toContain('❌ **image 8.61 GB is over the size budget 8GB');
    expect(md).toContain(
      '**+610.0 MB: nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB, x&#124;&lt;b&gt;y&lt;/b&gt; 1 &#40;added&#41; +208.0 MB',
    );
    expect(md).toContain('| pip nvidia-cudnn-cu12 | 9.5 (800.0 MB) | 9.7 (1.20 GB) | +402.0 MB |');
    expect(md).toContain('<details><summary>Biggest packages and layers: 8.61 GB image</summary>');
    expect(md).toContain('| pip torch | 2.5.1 | 1.50 GB |');
    expect(md).not.toContain('<b>y</b>');
    // A base record from before sizes: the section says so, with no empty table.
    const old = buildReportModel({
      image: 'a/b',
      variant: 'cpu',
      entries: [
        {
          platform: 'linux/amd64',
          base: sized({ pip: { torch: ['2.5.1', 1] }, sizeMb: 2000, noSizes: true }),
          head: sized({ pip: { torch: ['2.6.0', 1700] }, sizeMb: 2200 }),
        },
      ],
      baseline: { ref: 'main' },
    });
    const oldMd = renderReport(old, { maxChars: 65_536 }).markdown;
    expect(oldMd).toMatch(
      /<details><summary>Image size: \+200\.0 MB \(\+10\.0%\)<\/summary>\n\n_The main record has no package sizes \(captured before sizes were recorded\)\._\n+<\/details>/,
    );
    expect(oldMd).not.toContain('| What |');
    // The run overview's size column names what grew most.
    const run = renderRun([m, { ...m, variant: 'cpu' }], { markerKey: 'acme/model' }).markdown;
    expect(run).toMatch(
      /\| ❌ failure \| \+610\.0 MB &#40;\+7\.6%&#41;: nvidia-cudnn-cu12 9\.5 → 9\.7 \+402\.0 MB \|/,
    );
  });
});

describe('the base label in the size section', () => {
  it('is escaped once (document.ts escapes it for every section): no double backslash, no &amp;amp;', () => {
    const ref = 'release_1.x&co';
    const old = buildReportModel({
      image: 'a/b',
      variant: 'cpu',
      entries: [
        {
          platform: 'linux/amd64',
          base: sized({ pip: { torch: ['2.5.1', 1] }, sizeMb: 2000, noSizes: true }),
          head: sized({ pip: { torch: ['2.6.0', 1700] }, sizeMb: 2200 }),
        },
      ],
      baseline: { ref },
    });
    const out = renderReport(old, { maxChars: 65_536 }).markdown;
    expect(out).toContain('_The release\\_1.x&amp;co record has no package sizes');
    expect(out).not.toMatch(/\\\\_|&amp;amp;/);
  });
});

describe('the report stage over budget', () => {
  let dir: string;
  let api: GitHubApi;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-size-'));
    api = await startGitHubApi();
  });
  afterEach(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts the comment and the summary with the breach, then fails (exit 1) naming the top contributor', async () => {
    const config = validateConfigData(
      {
        image: { name: 'acme/model' },
        variants: ['cpu'],
        platforms: ['linux/amd64'],
        size: { budget: '+5%' },
      },
      'ml-image.yml',
    );
    const git = { sha: 'c'.repeat(40), ref: 'refs/pull/7/merge', isDefaultBranch: false };
    const plan = planBuild(config, { catalog: bundledCatalog(), git, now: new Date('2026-11-30T00:00:00Z') });
    const results = openResultDir(path.join(dir, 'results'));
    const base = openResultDir(path.join(dir, 'base'));
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    base.writeEnv('cpu', 'linux/amd64', sized({ pip: { torch: ['2.5.1', 1500] }, sizeMb: 2000 }));
    results.writeEnv('cpu', 'linux/amd64', sized({ pip: { torch: ['2.6.0', 1900] }, sizeMb: 2400 }));
    await store.save(
      reportKey(plan, config, 'cpu'),
      'main',
      'b'.repeat(40),
      base.recordFiles('cpu', 'linux/amd64'),
    );
    const summaries: string[] = [];
    const stage = runReportStage(
      {
        plan,
        config,
        results,
        git,
        options: {
          mode: 'post',
          baseline: store,
          baseBranch: 'main',
          github: {
            token: 'ghs_x',
            apiUrl: api.url,
            repository: 'acme/model',
            prNumber: 7,
            headSha: git.sha,
          },
          client: (token, baseUrl) =>
            createGitHubClient({ token, baseUrl, retry: { msPerSecond: 1, paceWrites: false } }),
        },
      },
      { env: {}, progress: () => {}, warning: () => {}, summary: async (m) => void summaries.push(m) },
    );
    const err = await stage.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CheckFailedError);
    expect((err as CheckFailedError).exitCode).toBe(1);
    expect((err as Error).message).toMatch(
      /cpu: image grew \+400\.0 MB \(\+20\.0%\), over the size budget \+5%; top contributor: torch 2\.5\.1 → 2\.6\.0 \+400\.0 MB/,
    );
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments).toHaveLength(1);
    for (const text of [
      comments[0]!.body,
      summaries[0]!,
      readFileSync(path.join(results.dir!, 'report.md'), 'utf8'),
    ])
      expect(text).toContain('size budget +5% exceeded; top contributor: torch 2.5.1 → 2.6.0 +400.0 MB');
    expect(api.state.violations).toEqual([]);
  });
});
