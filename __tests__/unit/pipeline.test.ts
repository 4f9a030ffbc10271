// The pipeline's pure parts and its file hand-offs between jobs: stages, status, digest files ->
// merge, the GitHub context of the report, the baseline stores.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  mergeFromDigestFiles,
  overallStatus,
  parseStages,
  readBuildResult,
} from '../../src/pipeline/pipeline.js';
import { failureAnnotations } from '../../src/smoke/output.js';
import { type SmokeEntry, smokeKey } from '../../src/smoke/stage.js';
import type { Plan } from '../../src/plan/plan.js';
import type { SmokeResult } from '../../src/smoke/result.js';
import {
  actionsCacheBaselineStore,
  baselineSlug,
  type CacheApi,
  dirBaselineStore,
} from '../../src/report/baseline.js';
import { githubReportContext } from '../../src/report/github-env.js';
import { fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-pipeline-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const D = (c: string) => `sha256:${c.repeat(64)}`;

describe('parseStages', () => {
  it.each([
    ['all', ['plan', 'resolve', 'build', 'smoke', 'attest', 'report']],
    [', all', ['plan', 'resolve', 'build', 'smoke', 'attest', 'report']],
    ['resolve,build', ['resolve', 'build']],
    [' smoke ', ['smoke']],
    ['plan, report', ['plan', 'report']],
  ])('%j -> %j', (raw, expected) => {
    expect([...parseStages(raw, 'input "stages"')]).toEqual(expected);
  });

  it('names the source and the unknown stage (exit 2)', () => {
    expect(() => parseStages('build,deploy', 'input "stages"')).toThrow(
      /input "stages": unknown stage\(s\) deploy/,
    );
    // Next to "all" too: a typo is not swallowed by it.
    expect(() => parseStages('all, bogus', 'input "stages"')).toThrow(/unknown stage\(s\) bogus/);
  });

  it.each(['', ' ', ', ,', ',\n,'])(
    '%j names no stage (an unset variable): exit 2, not every stage',
    (raw) => {
      expect(() => parseStages(raw, 'input "stages"')).toThrow(
        `input "stages": ${JSON.stringify(raw)} names no stage`,
      );
    },
  );
});

describe('overallStatus', () => {
  const e = (pass: number, fail: number, skip: number) =>
    ({ result: { summary: { pass, fail, skip, durationMs: 0 } } }) as unknown as SmokeEntry;
  it.each([
    [[], 'none'],
    [[e(3, 0, 1)], 'pass'],
    [[e(3, 0, 1), e(2, 1, 0)], 'fail'],
    [[e(0, 0, 4), e(0, 0, 2)], 'skip'],
  ] as const)('%#: %s', (entries, expected) => {
    expect(overallStatus(entries)).toBe(expected);
  });
});

describe('merge from digest files (matrix build jobs -> merge job)', () => {
  const file = (variant: string, platform: string, digest: string) => ({
    schemaVersion: 1,
    variant,
    repository: 'localhost:5000/acme/model',
    tags: [`localhost:5000/acme/model:1.0-${variant}`],
    baseImage: 'python:3.12-slim',
    build: { platform, digest, durationMs: 1000, attempts: 1, metadata: {} },
  });

  it('merges each variant from its platforms, in platform order, under the variant tags', async () => {
    // download-artifact puts each artifact in its own folder
    for (const [sub, f] of [
      ['digests-cpu-arm64', file('cpu', 'linux/arm64', D('b'))],
      ['digests-cpu-amd64', file('cpu', 'linux/amd64', D('a'))],
    ] as const) {
      mkdirSync(path.join(dir, sub));
      writeFileSync(path.join(dir, sub, 'cpu__x.json'), JSON.stringify(f));
    }
    const calls: { tags: readonly string[]; sources: readonly string[] }[] = [];
    const docker = fakeDocker({
      buildxVersion: async () => '0.21.2',
      imagetoolsCreate: (tags, sources) => {
        calls.push({ tags, sources });
        return Promise.resolve(D('c'));
      },
    });
    const r = await mergeFromDigestFiles(dir, { docker: () => docker, progress: () => undefined });
    expect(calls).toEqual([
      {
        tags: ['localhost:5000/acme/model:1.0-cpu'],
        sources: [`localhost:5000/acme/model@${D('a')}`, `localhost:5000/acme/model@${D('b')}`],
      },
    ]);
    expect(r.variants[0]).toMatchObject({ variant: 'cpu', digest: D('c'), baseImage: 'python:3.12-slim' });
    expect(r.variants[0]!.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it.each([
    [
      '0.21.2',
      [
        'index:org.opencontainers.image.description=ours, given',
        'index:org.opencontainers.image.title=model',
        'index:org.opencontainers.image.source=https://github.com/acme/model',
      ],
    ],
    ['0.11.2', undefined],
  ])('annotates the merged list as a one-job build does (buildx %s)', async (version, expected) => {
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(file('cpu', 'linux/amd64', D('a'))));
    const seen: (readonly string[] | undefined)[] = [];
    const lines: string[] = [];
    const docker = fakeDocker({
      buildxVersion: async () => version,
      imagetoolsCreate: (_tags, _sources, options) => {
        seen.push(options?.annotations);
        return Promise.resolve(D('c'));
      },
    });
    const plan = {
      variants: [
        {
          name: 'cpu',
          platforms: ['linux/amd64'],
          labels: {
            'org.opencontainers.image.title': 'model',
            'org.opencontainers.image.description': 'from the label',
            'org.opencontainers.image.source': 'https://github.com/acme/model',
            'com.example.other': 'not an index annotation',
          },
        },
      ],
    } as unknown as Plan;
    await mergeFromDigestFiles(dir, { docker: () => docker, progress: (_s, l) => lines.push(l) }, plan, [
      { types: ['index'], key: 'org.opencontainers.image.description', value: 'ours, given' },
    ]);
    expect(seen).toEqual([expected]);
    if (!expected) expect(lines).toContain('note: index annotations need buildx >= 0.12.0: left out');
  });

  it.each([
    ['an empty directory', () => undefined, /no digest files/],
    ['a file that is not JSON', () => writeFileSync(path.join(dir, 'x.json'), '{'), /x\.json: not JSON/],
    [
      'a file of another shape',
      () => writeFileSync(path.join(dir, 'x.json'), JSON.stringify({ variant: 'cpu' })),
      /x\.json: not a digest file: schemaVersion/,
    ],
    [
      'two digests for one platform',
      () => {
        writeFileSync(path.join(dir, 'a.json'), JSON.stringify(file('cpu', 'linux/amd64', D('a'))));
        writeFileSync(path.join(dir, 'b.json'), JSON.stringify(file('cpu', 'linux/amd64', D('b'))));
      },
      /a second digest for cpu linux\/amd64/,
    ],
  ])('refuses %s with the file named', async (_n, setup, message) => {
    setup();
    await expect(
      mergeFromDigestFiles(dir, { docker: () => fakeDocker(), progress: () => undefined }),
    ).rejects.toThrow(message);
  });

  it('refuses to merge when a platform of the plan has no digest (no single-arch release tags)', async () => {
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(file('cpu', 'linux/amd64', D('a'))));
    writeFileSync(path.join(dir, 'x.json'), JSON.stringify(file('gpu', 'linux/amd64', D('b'))));
    const plan = {
      variants: [{ name: 'cpu', platforms: ['linux/amd64', 'linux/arm64'] }],
    } as unknown as Plan;
    await expect(
      mergeFromDigestFiles(dir, { docker: () => fakeDocker(), progress: () => undefined }, plan),
    ).rejects.toThrow(/cpu: no digest for linux\/arm64; digests for variants the plan does not have: gpu/);
  });

  it('a smoke job without build.json is told where it comes from', () => {
    expect(() => readBuildResult(dir)).toThrow(/build\.json: cannot read the build result/);
  });
});

describe('githubReportContext', () => {
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/model',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_SHA: 'f'.repeat(40),
  };
  const pr = (headRepo: string | null, fork = false) => ({
    pull_request: {
      number: 7,
      head: { sha: 'a'.repeat(40), repo: headRepo === null ? null : { full_name: headRepo, fork } },
      base: { ref: 'main' },
    },
    repository: { default_branch: 'main' },
  });

  it.each([
    ['same-repository pull request', pr('acme/model'), { prNumber: 7, fromFork: false }, 'main', undefined],
    ['fork pull request', pr('someone/model', true), { prNumber: 7, fromFork: true }, 'main', undefined],
    ['deleted fork', pr(null), { prNumber: 7, fromFork: true }, 'main', undefined],
    // A repository that is itself a fork of upstream: its own pull requests are not fork PRs.
    [
      'same repository, itself a fork',
      pr('acme/model', true),
      { prNumber: 7, fromFork: false },
      'main',
      undefined,
    ],
  ])('%s', (_n, event, target, base, saveAs) => {
    const c = githubReportContext(
      { ...env, GITHUB_REF: 'refs/pull/7/merge', GITHUB_BASE_REF: 'main' },
      'tok',
      event,
    );
    expect(c.target).toMatchObject({
      ...target,
      headSha: 'a'.repeat(40),
      runUrl: 'https://github.com/acme/model/actions/runs/42',
    });
    expect(c.baseBranch).toBe(base);
    expect(c.saveAs).toEqual(saveAs);
  });

  it('a push to the default branch saves its records as the baseline; another branch does not', () => {
    const event = { repository: { default_branch: 'main' } };
    const push = { ...env, GITHUB_EVENT_NAME: 'push' };
    expect(githubReportContext({ ...push, GITHUB_REF: 'refs/heads/main' }, 'tok', event).saveAs).toEqual({
      branch: 'main',
      sha: 'f'.repeat(40),
    });
    expect(
      githubReportContext({ ...push, GITHUB_REF: 'refs/heads/dev' }, 'tok', event).saveAs,
    ).toBeUndefined();
  });

  it('off GitHub there is no target', () => {
    expect(githubReportContext({}, 'tok', {})).toEqual({});
  });
});

describe('baseline stores', () => {
  const key = 'localhost:5000/acme/model:cpu@linux/amd64,linux/arm64';

  it('slugs are valid cache keys (no commas) and distinct per key', () => {
    expect(baselineSlug(key)).not.toContain(',');
    expect(baselineSlug(key)).not.toBe(baselineSlug(`${key}x`));
  });

  it('a directory store restores the newest save of a branch, nothing for another branch', async () => {
    const store = dirBaselineStore(path.join(dir, 'store'));
    const f = path.join(dir, 'env-cpu-amd64.json');
    writeFileSync(f, '{"v":1}');
    expect(await store.restore(key, 'main')).toBeUndefined();
    await store.save(key, 'main', 'abc', [f]);
    writeFileSync(f, '{"v":2}');
    await store.save(key, 'main', 'def', [f]);
    const got = await store.restore(key, 'main');
    expect(readFileSync(path.join(got!.dir, 'env-cpu-amd64.json'), 'utf8')).toBe('{"v":2}');
    expect(got!.sha).toBe('def');
    expect(await store.restore(key, 'dev')).toBeUndefined();
  });

  it('the Actions cache store saves under branch+sha and restores by the branch prefix', async () => {
    const saved: Record<string, Record<string, string>> = {};
    const api: CacheApi = {
      saveCache: (paths, k) => {
        saved[k] = Object.fromEntries(
          [path.join(paths[0]!, 'env-cpu-amd64.json')].map((p) => [
            path.basename(p),
            readFileSync(p, 'utf8'),
          ]),
        );
        return Promise.resolve(1);
      },
      restoreCache: (paths, primary, restoreKeys) => {
        const hit = Object.keys(saved).find(
          (k) => k === primary || restoreKeys?.some((r) => k.startsWith(r)),
        );
        if (!hit) return Promise.resolve(undefined);
        for (const [n, text] of Object.entries(saved[hit]!)) writeFileSync(path.join(paths[0]!, n), text);
        return Promise.resolve(hit);
      },
    };
    const warnings: string[] = [];
    const store = actionsCacheBaselineStore(dir, { warning: (m) => warnings.push(m) }, api);
    const f = path.join(dir, 'env-cpu-amd64.json');
    writeFileSync(f, '{"main":true}');
    await store.save(key, 'main', 'f00d', [f]);
    expect(Object.keys(saved)).toEqual([`ml-image-baseline-v1-${baselineSlug(key)}-main-f00d`]);
    const got = await store.restore(key, 'main');
    expect(readFileSync(path.join(got!.dir, 'env-cpu-amd64.json'), 'utf8')).toBe('{"main":true}');
    expect(got!.sha).toBe('f00d');
    expect(await store.restore(key, 'release')).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('a failing cache service is a warning, not a failed job', async () => {
    const warnings: string[] = [];
    const store = actionsCacheBaselineStore(
      dir,
      { warning: (m) => warnings.push(m) },
      {
        restoreCache: () => Promise.reject(new Error('Cache service responded with 503')),
        saveCache: () => Promise.reject(new Error('Cache service responded with 503')),
      },
    );
    expect(await store.restore(key, 'main')).toBeUndefined();
    await store.save(key, 'main', 'x', []);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('reporting without a baseline');
  });
});

describe('smoke failure annotations', () => {
  it('one per failing test, with the classified cause and fix; passes and skips make none', () => {
    const result = {
      tests: [
        {
          id: 'imports',
          status: 'fail',
          reason: 'cannot import cv2',
          cause: { cause: 'NumPy 1.x ABI', fix: 'pin numpy<2' },
        },
        { id: 'custom:hello', status: 'fail', reason: 'exit 1, expected 0' },
        { id: 'pip-check', status: 'pass' },
        { id: 'gpu', status: 'skip', reason: 'no GPU' },
      ],
    } as unknown as SmokeResult;
    expect(failureAnnotations('cpu linux/arm64', result)).toEqual([
      {
        title: 'ml-image smoke cpu linux/arm64: imports',
        message: 'cannot import cv2\nCause: NumPy 1.x ABI\nFix: pin numpy<2',
      },
      { title: 'ml-image smoke cpu linux/arm64: custom:hello', message: 'exit 1, expected 0' },
    ]);
  });
});

describe('smoke reuse key', () => {
  const inputs = {
    suites: ['imports'],
    tests: [{ name: 'hello', command: 'python3 -m hello_ml' }],
    gpus: 'none',
  };
  it('is the digest plus a hash of every input: equal only when nothing changed', () => {
    expect(smokeKey(D('a'), inputs)).toBe(smokeKey(D('a'), structuredClone(inputs)));
    expect(smokeKey(D('a'), inputs)).not.toBe(smokeKey(D('b'), inputs));
    expect(smokeKey(D('a'), inputs)).not.toBe(smokeKey(D('a'), { ...inputs, gpus: 'all' }));
    expect(smokeKey(D('a'), inputs)).not.toBe(
      smokeKey(D('a'), { ...inputs, tests: [{ name: 'hello', command: 'python3 -m hello_ml --loud' }] }),
    );
    expect(smokeKey(D('a'), inputs).startsWith(`${D('a')} `)).toBe(true);
  });
});
