// A plan of a selection of the config file's variants (--variants, the variants input: the reusable
// workflow's build job plans one variant) tags each variant as the plan of the whole file does:
// `latest` on the file's first variant only, and the `tags` input's `-<variant>` suffixes by the
// file's variant count. Each matrix job once planned its variant as the config's first: every
// variant pushed `latest` (the last merge won it) and, with the tags input, the same plain tags.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyToPlan, buildOptionsFromInputs } from '../../src/build/action-inputs.js';
import { loadConfig } from '../../src/config/load.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { planBuild, taggedVariants } from '../../src/plan/plan.js';
import { openResultDir } from '../../src/results/results.js';
import { fakeDocker } from '../helpers/fakes.js';
import type { GitContext } from '../../src/plan/schema.js';

const MAIN: GitContext = { sha: 'abc1234def5678', ref: 'refs/heads/main', isDefaultBranch: true };
const FILE = ['image: {name: acme/m}', 'variants:', '  - cpu', '  - {cuda: "12.8", torch: "2.7.1"}', ''].join(
  '\n',
);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-plan-selection-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The tags per variant of a plan of FILE (or no file), with VARIANTS selected and the tags input. */
function tagsOf(variants?: string[], tagsInput = '', file: string | null = FILE): Record<string, string[]> {
  if (file !== null) writeFileSync(path.join(dir, 'ml-image.yml'), file);
  const loaded = loadConfig({
    cwd: dir,
    overrides: [
      ...(file === null ? [{ path: ['image', 'name'], value: 'acme/m', source: 'input "image"' }] : []),
      ...(variants ? [{ path: ['variants'], value: variants, source: 'input "variants"' }] : []),
    ],
    checkFiles: false,
  });
  const names = loaded.config.variants.map((v) => v.name);
  const plan = applyToPlan(
    planBuild(loaded.config, {
      catalog: bundledCatalog(),
      git: MAIN,
      now: new Date(0),
      fileVariants: loaded.fileVariants,
    }),
    buildOptionsFromInputs((n) => (n === 'tags' ? tagsInput : '')),
    taggedVariants(names, loaded.fileVariants),
  );
  return Object.fromEntries(
    plan.variants.map((v) => [v.name, v.tags.map((t) => t.slice(t.indexOf(':') + 1))]),
  );
}

describe('a selection of the config file variants is tagged as the whole file is', () => {
  it.each([
    ['the config rule', ''],
    ['the tags input', 'ghcr.io/acme/m:1.2.0\nghcr.io/acme/m:latest'],
  ])('%s: each variant planned alone gets the tags the whole plan gives it', (_, tagsInput) => {
    const whole = tagsOf(undefined, tagsInput);
    expect(Object.keys(whole)).toEqual(['cpu', 'cuda12.8']);
    for (const name of ['cpu', 'cuda12.8'])
      expect(tagsOf([name], tagsInput), name).toEqual({ [name]: whole[name] });
    // latest on the file's first variant alone.
    expect(Object.values(whole).filter((tags) => tags.includes('latest'))).toHaveLength(1);
    expect(whole.cpu).toContain('latest');
  });

  it.each<[string, string[] | undefined, string, string | null, Record<string, string[]>]>([
    ['the file first variant alone', ['cpu'], '', FILE, { cpu: ['sha-abc1234-cpu', 'cpu', 'latest'] }],
    [
      'another variant alone: no latest',
      ['cuda12.8'],
      '',
      FILE,
      { 'cuda12.8': ['sha-abc1234-cuda12.8', 'cuda12.8'] },
    ],
    [
      'the tags input, another variant alone: suffixed, no plain latest',
      ['cuda12.8'],
      'ghcr.io/acme/m:1.2.0\nghcr.io/acme/m:latest',
      FILE,
      { 'cuda12.8': ['1.2.0-cuda12.8', 'cuda12.8'] },
    ],
    [
      'the tags input, the first variant alone',
      ['cpu'],
      'ghcr.io/acme/m:1.2.0\nghcr.io/acme/m:latest',
      FILE,
      { cpu: ['1.2.0-cpu', 'cpu', 'latest'] },
    ],
    // A variant the file does not list comes after the file's own, also alone: latest stays the
    // file's first variant's (another matrix job may build it), and the tags input is suffixed.
    [
      'a variant the file does not list, alone: no latest',
      ['cuda12.6'],
      '',
      FILE,
      { 'cuda12.6': ['sha-abc1234-cuda12.6', 'cuda12.6'] },
    ],
    [
      'the tags input, one variant the file does not list: suffixed',
      ['cuda12.6'],
      'ghcr.io/acme/m:1.2.0',
      FILE,
      { 'cuda12.6': ['1.2.0-cuda12.6'] },
    ],
    [
      'a file without variants (cpu), cuda12.8 alone: no latest, the tags input suffixed',
      ['cuda12.8'],
      'ghcr.io/acme/m:1.0\nghcr.io/acme/m:latest',
      'image: {name: acme/m}\n',
      { 'cuda12.8': ['1.0-cuda12.8', 'cuda12.8'] },
    ],
    // The file's variant and one it does not list: never the same tags for both.
    [
      'the tags input, the file variant and one it does not list',
      ['cpu', 'cuda12.8'],
      'ghcr.io/acme/m:1.2.0\nghcr.io/acme/m:latest',
      'image: {name: acme/m}\nvariants: [cpu]\n',
      { cpu: ['1.2.0-cpu', 'cpu', 'latest'], 'cuda12.8': ['1.2.0-cuda12.8', 'cuda12.8'] },
    ],
    // No file: counted as a file that lists none (its default, cpu), then the variants given.
    [
      'no file, two variants given',
      ['cuda12.8', 'cpu'],
      '',
      null,
      { 'cuda12.8': ['sha-abc1234-cuda12.8', 'cuda12.8'], cpu: ['sha-abc1234-cpu', 'cpu', 'latest'] },
    ],
    [
      // Audit: the inputs alone, cuda12.8 selected, pushed the tags input's plain 1.0 (and latest),
      // as the cpu job beside it did.
      'no file, the tags input, cuda12.8 alone: suffixed, no latest',
      ['cuda12.8'],
      'ghcr.io/acme/m:1.0\nghcr.io/acme/m:latest',
      null,
      { 'cuda12.8': ['1.0-cuda12.8', 'cuda12.8'] },
    ],
    // A file listing no variants has the default cpu.
    [
      'a file without variants, cpu selected',
      ['cpu'],
      '',
      'image: {name: acme/m}\n',
      { cpu: ['sha-abc1234-cpu', 'cpu', 'latest'] },
    ],
  ])('%s', (_, variants, tagsInput, file, expected) => {
    expect(tagsOf(variants, tagsInput, file)).toEqual(expected);
  });
});

describe('matrix jobs that each build a selection never push one tag', () => {
  it.each<[string, string | null, string[][]]>([
    // The reviewer's case: a file without variants (the default cpu) and a user matrix of cpu and
    // cuda12.8: both jobs once got latest (and the tags input's plain 1.0).
    ['a file without variants, jobs cpu and cuda12.8', 'image: {name: acme/m}\n', [['cpu'], ['cuda12.8']]],
    ['FILE, jobs of its variants and one it does not list', FILE, [['cpu'], ['cuda12.8'], ['cuda12.6']]],
    ['FILE, jobs of variants it does not list', FILE, [['cuda12.6'], ['cuda12.9']]],
    ['no file (the inputs carry the config), jobs cpu and cuda12.8', null, [['cpu'], ['cuda12.8']]],
  ])('%s', (_, file, jobs) => {
    for (const tagsInput of ['', 'ghcr.io/acme/m:1.0\nghcr.io/acme/m:latest']) {
      const pushed = jobs.flatMap((job) => Object.values(tagsOf(job, tagsInput, file)).flat());
      expect(
        pushed.filter((t, i) => pushed.indexOf(t) !== i),
        tagsInput,
      ).toEqual([]);
      expect(pushed.filter((t) => t === 'latest').length).toBeLessThanOrEqual(1);
    }
  });
});

describe("the pipeline's plan (the action's build job of the reusable workflow)", () => {
  it.each([
    ['cpu', true],
    ['cuda12.8', false],
  ])('variants input %s: plan.json gives it latest: %s', async (variant, latest) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), FILE);
    const loaded = loadConfig({
      cwd: dir,
      overrides: [{ path: ['variants'], value: [variant], source: 'input "variants"' }],
      checkFiles: false,
    });
    const results = openResultDir(path.join(dir, 'results'));
    await runPipeline(
      {
        loaded,
        stages: new Set(['plan'] as const),
        results,
        push: true,
        merge: false,
        gpus: 'none',
        imagesDir: dir,
        git: MAIN,
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
        buildOptions: buildOptionsFromInputs((n) => (n === 'tags' ? 'ghcr.io/acme/m:2.0.0' : '')),
      },
      {
        docker: () => fakeDocker({}),
        env: {},
        progress: () => {},
        error: () => {},
        warning: () => {},
      },
    );
    const plan = results.readPlan()!;
    expect(plan.variants.map((v) => [v.name, v.primary])).toEqual([[variant, latest]]);
    // The tags input: suffixed by the file's two variants in either job.
    expect(plan.variants[0]!.tags).toEqual([`ghcr.io/acme/m:2.0.0-${variant}`]);
  });
});

describe('taggedVariants', () => {
  it.each<[string[], string[] | undefined, string[]]>([
    [['cuda12.8'], ['cpu', 'cuda12.8'], ['cpu', 'cuda12.8']],
    [
      ['cpu', 'cuda12.8'],
      ['cpu', 'cuda12.8'],
      ['cpu', 'cuda12.8'],
    ],
    [
      ['cuda12.8', 'cpu'],
      ['cpu', 'cuda12.8'],
      ['cpu', 'cuda12.8'],
    ],
    [['cuda12.6'], ['cpu', 'cuda12.8'], ['cpu', 'cuda12.8', 'cuda12.6']],
    [['cuda12.8'], ['cpu'], ['cpu', 'cuda12.8']],
    [
      ['cuda12.6', 'cpu'],
      ['cpu', 'cuda12.8'],
      ['cpu', 'cuda12.8', 'cuda12.6'],
    ],
    [['cpu', 'cuda12.8'], ['cpu'], ['cpu', 'cuda12.8']],
    [['cpu'], undefined, ['cpu']],
    [['cuda12.8'], undefined, ['cpu', 'cuda12.8']],
    [['cuda12.8', 'cpu'], undefined, ['cpu', 'cuda12.8']],
    [['cpu'], [], ['cpu']],
  ])('planned %j, file %j: %j', (planned, file, expected) => {
    expect(taggedVariants(planned, file)).toEqual(expected);
  });
});
