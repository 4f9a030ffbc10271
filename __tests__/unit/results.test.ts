// The result-directory contract (src/results): every file name, and every file written and read
// back through its schema, atomically and without URL credentials.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { InputError } from '../../src/errors.js';
import {
  BUILD_FILE,
  digestFile,
  digestFiles,
  openResultDir,
  PLAN_FILE,
  readBuildResult,
  readDigestFiles,
  recordFile,
  reportFile,
  resolutionFile,
} from '../../src/results/results.js';
import { RESOLUTION_SCHEMA_VERSION, type Resolution } from '../../src/resolve/result.js';
import type { SmokeResult } from '../../src/smoke/result.js';
import { smokeKey } from '../../src/smoke/stage.js';
import { discardResults } from '../../src/results/discard.js';
import { inputErrorOf } from '../helpers/errors.js';
import { CUDA_128, makePlan, planVariant } from '../helpers/plans.js';
import { RESULT_DIR_LOCK } from '../../src/results/owner-lock.js';

/** The files of a result directory: its owner lock (this process's, held to its end) left out. */
const listed = (d: string): string[] => readdirSync(d).filter((n) => n !== RESULT_DIR_LOCK);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-results-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const D = (c: string) => `sha256:${c.repeat(64)}`;

const build: BuildResult = {
  schemaVersion: 1,
  variants: [
    {
      variant: 'cpu',
      repository: 'localhost:5000/acme/model',
      digest: D('c'),
      tags: ['localhost:5000/acme/model:1.0-cpu'],
      baseImage: 'python:3.12-slim',
      platforms: [
        { platform: 'linux/amd64', digest: D('a'), durationMs: 1, attempts: 1, metadata: {} },
        { platform: 'linux/arm64', digest: D('b'), durationMs: 2, attempts: 1, metadata: {} },
      ],
    },
  ],
};

const resolution: Resolution = {
  schemaVersion: RESOLUTION_SCHEMA_VERSION,
  image: 'python:3.12-slim',
  platform: 'linux/amd64',
  mode: 'auto',
  status: 'fixed',
  python: '3.12.8',
  naive: { install: [{ name: 'numpy', version: '2.1.0' }], replaces: [] },
  resolved: { install: [{ name: 'numpy', version: '1.26.4' }], moved: [], relaxed: [] },
  hazards: [],
  constraints: { pinned: 42, skipped: [], sha256: 'e'.repeat(64) },
  durationMs: 1200,
};

const smoke: SmokeResult = {
  schemaVersion: 1,
  image: 'localhost:5000/acme/model@' + D('a'),
  platform: 'linux/amd64',
  gpus: 'none',
  tests: [{ id: 'pip-check', suite: 'pip-check', status: 'pass', durationMs: 5, metrics: {} }],
  summary: { pass: 1, fail: 0, skip: 0, durationMs: 5 },
};

describe('file names', () => {
  it.each([
    [recordFile('env', 'cpu', 'linux/amd64'), 'env-cpu-amd64.json'],
    [recordFile('smoke', 'cuda12.8', 'linux/arm64'), 'smoke-cuda12.8-arm64.json'],
    [recordFile('junit', 'cpu', 'linux/arm64'), 'junit-cpu-arm64.xml'],
    [recordFile('smoke-key', 'cpu', 'linux/amd64'), 'smoke-key-cpu-amd64.txt'],
    [resolutionFile('cpu', 'linux/amd64'), 'resolution-cpu-linux-amd64.json'],
    [digestFile('cuda12.8', 'linux/arm64'), path.join('digests', 'cuda12.8__arm64.json')],
    [reportFile('cpu', 'md'), 'report-cpu.md'],
    [reportFile('cpu', 'json'), 'report-cpu.json'],
    [PLAN_FILE, 'plan.json'],
    [BUILD_FILE, 'build.json'],
  ])('%s', (name, expected) => {
    expect(name).toBe(expected);
  });
});

describe('a result directory', () => {
  it('is created when missing; build.json round-trips through its schema', () => {
    const results = openResultDir(path.join(dir, 'new', 'out'));
    results.writeBuild(build);
    expect(readBuildResult(path.join(dir, 'new', 'out'))).toEqual(build);
    expect(results.readBuild()).toEqual(build);
  });

  it('refuses to write a value its schema rejects (a bug, never a file the next job trusts)', () => {
    const results = openResultDir(dir);
    const bad = { ...build, variants: [{ ...build.variants[0]!, platforms: [{ platform: 'linux/amd64' }] }] };
    expect(() => results.writeBuild(bad as unknown as BuildResult)).toThrow(
      /build\.json: refusing to write an invalid file: variants\[0\]\.platforms\[0\]\.digest: required/,
    );
    expect(listed(dir)).toEqual([]);
  });

  it('masks URL credentials and leaves no temporary file', () => {
    const results = openResultDir(dir);
    const withToken: BuildResult = {
      ...build,
      variants: [
        {
          ...build.variants[0]!,
          platforms: build.variants[0]!.platforms.map((p) => ({
            ...p,
            metadata: {
              'buildx.build.provenance': {
                source: 'https://user:s3cret@example.com/repo.git',
                // A token as the user name before GitHub's fixed password: the token is masked too.
                wheel: 'https://ghp_PLANTEDabcdefghijklmnopqrstuv0123:x-oauth-basic@example.com/whl',
              },
            },
          })),
        },
      ],
    };
    results.writeBuild(withToken);
    const written = readFileSync(path.join(dir, 'build.json'), 'utf8');
    expect(written).not.toContain('s3cret');
    expect(written).not.toContain('PLANTED');
    expect(JSON.parse(written).variants[0].platforms[0].metadata['buildx.build.provenance'].wheel).toBe(
      'https://***:***@example.com/whl',
    );
    expect(listed(dir)).toEqual(['build.json']);
  });

  it('writes the smoke result with its JUnit form and key; reads them back; null when absent', () => {
    const results = openResultDir(dir);
    expect(results.hasEnv('cpu', 'linux/amd64')).toBe(false);
    expect(results.readSmoke('cpu', 'linux/amd64')).toBeNull();
    expect(results.readEnv('cpu', 'linux/amd64')).toBeNull();
    expect(results.readSmokeKey('cpu', 'linux/amd64')).toBeUndefined();
    expect(results.readAttest()).toBeUndefined();
    const key = smokeKey(D('a'), { suites: ['pip-check'] });
    results.writeSmoke('cpu', 'linux/amd64', smoke);
    results.writeSmokeKey('cpu', 'linux/amd64', key);
    expect(results.readSmoke('cpu', 'linux/amd64')).toEqual(smoke);
    expect(results.readSmokeKey('cpu', 'linux/amd64')).toBe(key);
    // Another directory (a baseline, an earlier run) is read through the same API, creating nothing.
    const elsewhere = openResultDir(dir, 'baseline', { create: false });
    expect(elsewhere.readSmoke('cpu', 'linux/amd64')).toEqual(smoke);
    expect(
      openResultDir(path.join(dir, 'none'), 'x', { create: false }).readSmoke('cpu', 'linux/amd64'),
    ).toBeNull();
    expect(readdirSync(dir)).not.toContain('none');
    expect(readFileSync(path.join(dir, 'junit-cpu-amd64.xml'), 'utf8')).toContain('<testcase');
    expect(results.recordFiles('cpu', 'linux/amd64').map((f) => path.basename(f))).toEqual([
      'smoke-cpu-amd64.json',
      'smoke-key-cpu-amd64.txt',
    ]);
  });

  it("removeRecords: a target's env, smoke, JUnit and key files go, other targets' stay; one that cannot is named", () => {
    const results = openResultDir(dir, '--out x');
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      results.writeSmoke('cpu', platform, { ...smoke, platform });
      results.writeSmokeKey('cpu', platform, smokeKey(D('a'), {}));
    }
    writeFileSync(path.join(dir, 'env-cpu-amd64.json'), '{}');
    results.removeRecords('cpu', 'linux/amd64');
    results.removeRecords('cpu', 'linux/amd64'); // nothing there: nothing to do
    expect(listed(dir).sort()).toEqual([
      'junit-cpu-arm64.xml',
      'smoke-cpu-arm64.json',
      'smoke-key-cpu-arm64.txt',
    ]);
    rmSync(path.join(dir, 'smoke-cpu-arm64.json'));
    mkdirSync(path.join(dir, 'smoke-cpu-arm64.json'));
    const e = inputErrorOf(() => results.removeRecords('cpu', 'linux/arm64'));
    expect(e.message).toMatch(/^--out x: cannot remove .*smoke-cpu-arm64\.json, an earlier run's result: /);
    expect(() => discardResults().removeRecords('cpu', 'linux/amd64')).not.toThrow();
  });

  it('an unreadable record names its file', () => {
    writeFileSync(path.join(dir, 'smoke-cpu-amd64.json'), '{"schemaVersion": 99}');
    expect(() => openResultDir(dir).readSmoke('cpu', 'linux/amd64')).toThrow(
      /smoke-cpu-amd64\.json: schemaVersion 99/,
    );
    writeFileSync(path.join(dir, 'attest.json'), '{"schemaVersion": 1}');
    expect(() => openResultDir(dir).readAttest()).toThrow(/attest\.json: not an attest result: /);
  });

  it('plan.json round-trips through PlanSchema; absent or of another version it is left out', () => {
    const results = openResultDir(dir);
    expect(results.readPlan()).toBeUndefined();
    const plan = makePlan(planVariant('cpu'), planVariant('cu128', CUDA_128));
    results.writePlan(plan);
    expect(results.readPlan()).toEqual(plan);
    // A directory another version of the tool wrote: its plan is skipped, as a resolution is.
    writeFileSync(path.join(dir, PLAN_FILE), JSON.stringify({ ...plan, schemaVersion: 2, variants: 'new' }));
    expect(results.readPlan()).toBeUndefined();
  });

  it.each([
    ['a field missing', JSON.stringify({ schemaVersion: 1, variants: [{ name: 'cpu' }] }), /not a plan: /],
    ['no schemaVersion (not one the plan stage wrote)', '{"variants": []}', /not a plan: schemaVersion/],
    ['truncated', '{"schemaVersion": 1,', /not JSON/],
  ])('a broken plan.json (%s) is bad input naming the file', (_n, text, message) => {
    writeFileSync(path.join(dir, PLAN_FILE), text);
    const e = inputErrorOf(() => openResultDir(dir).readPlan());
    expect(e.message.startsWith(`${path.join(dir, PLAN_FILE)}: `)).toBe(true);
    expect(e.message).toMatch(message);
  });

  it('a broken build.json names the file; the caller may say how to fix it', () => {
    writeFileSync(path.join(dir, BUILD_FILE), JSON.stringify({ schemaVersion: 1, variants: [{}] }));
    const e = inputErrorOf(() => openResultDir(dir).readBuild({ fix: 'pass the --out directory' }));
    expect(e.message).toMatch(/build\.json: not a build result: variants\[0\]\./);
    expect(e.fix).toBe('pass the --out directory');
  });

  it('a resolution of another shape is bad input naming the file and the field, as a truncated one is', () => {
    const file = path.join(dir, resolutionFile('cpu', 'linux/amd64'));
    const read = () => openResultDir(dir).readResolution('cpu', 'linux/amd64');
    expect(read()).toBeUndefined(); // none written: none to explain
    for (const [text, message] of [
      ['{"status": "fixed"}', /resolution-cpu-linux-amd64\.json: not a resolution: schemaVersion: /],
      ['{"schemaVersion": 1}', /resolution-cpu-linux-amd64\.json: not a resolution: image: /],
      ['{"schemaVersion": 1,', /resolution-cpu-linux-amd64\.json: not JSON/],
    ] as const) {
      writeFileSync(file, text);
      expect(read).toThrow(InputError);
      expect(read).toThrow(message);
    }
    // Another version's (a result directory used again): left out, not a failed report.
    writeFileSync(file, JSON.stringify({ schemaVersion: RESOLUTION_SCHEMA_VERSION + 1, whatever: true }));
    expect(read()).toBeUndefined();
  });

  it('a resolution round-trips through its schema at this version (RESOLUTION_SCHEMA_VERSION)', () => {
    const results = openResultDir(dir);
    results.writeResolution('cpu', 'linux/amd64', resolution);
    expect(results.readResolution('cpu', 'linux/amd64')).toEqual(resolution);
    results.removeResolution('cpu', 'linux/amd64');
    expect(results.readResolution('cpu', 'linux/amd64')).toBeUndefined();
    results.removeResolution('cpu', 'linux/amd64'); // none there: nothing to do
  });

  it('a resolution of schemaVersion 1 (no constraints.sha256) reads as one of this version without it', () => {
    const { sha256: _digest, ...constraints } = resolution.constraints;
    const v1 = { ...resolution, schemaVersion: 1, constraints };
    writeFileSync(path.join(dir, resolutionFile('cpu', 'linux/amd64')), JSON.stringify(v1));
    expect(openResultDir(dir).readResolution('cpu', 'linux/amd64')).toEqual({
      ...v1,
      schemaVersion: RESOLUTION_SCHEMA_VERSION,
    });
  });
});

describe('digest files (a matrix build job -> the merge job)', () => {
  it('one per variant and platform, read back from nested folders', () => {
    openResultDir(dir).writeDigests(build);
    expect(readdirSync(path.join(dir, 'digests')).sort()).toEqual(['cpu__amd64.json', 'cpu__arm64.json']);
    const read = readDigestFiles(dir).map((x) => x.digest);
    expect(read.sort((a, b) => a.build.platform.localeCompare(b.build.platform))).toEqual(digestFiles(build));
  });

  it("a directory where one goes: none written (the merge job would miss a platform's)", () => {
    mkdirSync(path.join(dir, 'digests', 'cpu__arm64.json'), { recursive: true });
    expect(() => openResultDir(dir).writeDigests(build)).toThrow(
      /cpu__arm64\.json: a directory is in its place/,
    );
    expect(readdirSync(path.join(dir, 'digests'))).toEqual(['cpu__arm64.json']);
  });

  it('a file of another shape is refused, named', () => {
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'x.json'), '{"variant": "cpu"}');
    expect(() => readDigestFiles(dir)).toThrow(/a\/x\.json: not a digest file: schemaVersion/);
  });
});

describe('no result directory (ml-image build without --out)', () => {
  it('writes nothing and has nothing to read', () => {
    const results = discardResults();
    results.writeBuild(build);
    results.writePlan(makePlan(planVariant('cpu')));
    results.writeSmoke('cpu', 'linux/amd64', smoke);
    results.writeSmokeKey('cpu', 'linux/amd64', smokeKey(D('a'), { suites: ['pip-check'] }));
    expect(results.dir).toBeUndefined();
    expect(results.hasEnv('cpu', 'linux/amd64')).toBe(false);
    expect(() => results.readBuild()).toThrow(/no result directory/);
    // Every read finds nothing (what a caller without a directory gets, not a skipped read).
    expect(results.readPlan()).toBeUndefined();
    expect(results.readResolution('cpu', 'linux/amd64')).toBeUndefined();
    expect(results.readEnv('cpu', 'linux/amd64')).toBeNull();
    expect(results.readSmoke('cpu', 'linux/amd64')).toBeNull();
    expect(results.readSmokeKey('cpu', 'linux/amd64')).toBeUndefined();
    expect(results.readAttest()).toBeUndefined();
  });
});
