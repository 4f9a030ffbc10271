// A resolution file in the result directory is taken for the build's (provenance names the build's
// constraints by the digest it records when attest runs in another job; the report quotes it). The
// directory outlives a run: a run that resolves or builds a target without a resolution removes an
// earlier run's file of that target; a run of neither stage (attest, report) leaves it.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import type { Stage } from '../../src/pipeline/stages.js';
import { RESOLUTION_SCHEMA_VERSION } from '../../src/resolve/result.js';
import { openResultDir, resolutionFile } from '../../src/results/results.js';
import { InterruptedError } from '../../src/util/cleanup.js';
import { fakeDocker } from '../helpers/fakes.js';

const imagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-pipeline-resolutions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs STAGES on a config whose resolver is off, over a directory an earlier run resolved in. */
async function earlierFileAfter(stages: Stage[]): Promise<boolean> {
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image:\n  name: o/m\nvariants: [cpu]\nplatforms: [linux/amd64]\nresolve:\n  mode: off\n',
  );
  const results = openResultDir(path.join(dir, 'out'));
  results.writeResolution('cpu', 'linux/amd64', {
    schemaVersion: RESOLUTION_SCHEMA_VERSION,
    image: 'python:3.12-slim',
    platform: 'linux/amd64',
    mode: 'auto',
    status: 'fixed',
    python: '3.12.8',
    naive: { install: [], replaces: [] },
    hazards: [],
    constraints: { pinned: 3, skipped: [], sha256: 'a'.repeat(64) },
    durationMs: 1,
  });
  await runPipeline(
    {
      loaded: loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') }),
      stages: new Set(stages),
      results,
      push: false,
      merge: false,
      gpus: 'none',
      imagesDir,
      git: {},
      cacheDir: path.join(dir, 'cache'),
      report: { mode: 'off', baseline: null },
    },
    {
      docker: () => fakeDocker({}),
      env: {},
      progress: () => undefined,
      error: () => undefined,
      warning: () => undefined,
    },
  );
  return existsSync(path.join(dir, 'out', resolutionFile('cpu', 'linux/amd64')));
}

describe("an earlier run's resolution file", () => {
  it.each([
    ['plan and resolve, which resolves nothing (resolve.mode off)', ['plan', 'resolve'], false],
    ['plan alone (neither resolves nor builds)', ['plan'], true],
  ] as const)('%s: kept %s', async (_what, stages, kept) => {
    expect(await earlierFileAfter([...stages])).toBe(kept);
  });
});

describe("an earlier run's build.json", () => {
  /** Runs STAGES over a directory an earlier run built in, its build failing (or cancelled). */
  async function earlierBuildAfter(stages: Stage[]): Promise<{ kept: boolean; failed: boolean }> {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image:\n  name: o/m\nvariants: [cpu]\nplatforms: [linux/amd64]\nresolve:\n  mode: off\n',
    );
    const results = openResultDir(path.join(dir, 'out'));
    results.writeBuild({
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: 'o/m',
          tags: [],
          baseImage: 'python:3.12-slim',
          platforms: [
            {
              platform: 'linux/amd64',
              digest: `sha256:${'e'.repeat(64)}`,
              durationMs: 1,
              attempts: 1,
              metadata: {},
            },
          ],
        },
      ],
    });
    const stopped = new InterruptedError('SIGTERM', 'docker buildx build', { detail: 'exit 143' });
    const failed = await runPipeline(
      {
        loaded: loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') }),
        stages: new Set(stages),
        results,
        push: false,
        merge: false,
        gpus: 'none',
        imagesDir,
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
      },
      {
        // The build is stopped (a cancelled job) as soon as it asks buildx anything.
        docker: () =>
          fakeDocker({
            buildxVersion: async () => Promise.reject(stopped),
            buildxInspect: async () => Promise.reject(stopped),
          }),
        env: { SOURCE_DATE_EPOCH: '0' },
        progress: () => undefined,
        error: () => undefined,
        warning: () => undefined,
      },
    ).then(
      () => false,
      (e: unknown) => e === stopped,
    );
    return { kept: existsSync(path.join(dir, 'out', 'build.json')), failed };
  }

  it('a run that builds, stopped before its build ended: removed, not left beside its plan', async () => {
    expect(await earlierBuildAfter(['plan', 'resolve', 'build'])).toEqual({ kept: false, failed: true });
  });

  it('a run that does not build (plan, resolve): kept for the stages that read it', async () => {
    expect((await earlierBuildAfter(['plan', 'resolve'])).kept).toBe(true);
  });
});
