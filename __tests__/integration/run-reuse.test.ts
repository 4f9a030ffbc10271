// Warm runs on real Docker (issue #15, "Warm runs"): `ml-image run` twice on a copy of the bundled
// example (linux/amd64), nothing changed: the second run captures and tests nothing and reuses the
// first run's record and results, and says how it matched. The copy sits outside any git checkout,
// so the created label is the time of each run: the manifest digests differ, and the match is by
// content (layers and runtime config). A change in the build context then makes new
// layers, and the suites run again.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { runCli } from '../../src/cli/main.js';
import type { EnvRecord } from '../../src/capture/record.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import type { SmokeResult } from '../../src/smoke/result.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)('ml-image run: a warm run reuses capture and smoke results', () => {
  let dir: string;
  const docker = createDefaultDockerAdapter();
  const name = `ml-image-it/run-reuse-${Date.now().toString(36)}`;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-run-reuse-'));
    cpSync(path.join(REPO_ROOT, 'examples', 'hello-ml'), path.join(dir, 'hello-ml'), { recursive: true });
    const config = path.join(dir, 'hello-ml', 'ml-image.yml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(/name: ml-image-examples\/hello-ml/, `name: ${name}`),
    );
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    // Pushed to the example's registry (test-env) under this run's name.
    await deleteRepository(`localhost:5000/${name}`);
  });

  /** One run into results-<n> (or OUT), with the cache (resolutions, baselines) shared between runs. */
  async function run(n: number, out = path.join(dir, `results-${n}`)) {
    const io = captureIo(dir, docker, { ML_IMAGE_CACHE_DIR: path.join(dir, 'cache') });
    const args = ['run', '--config', 'hello-ml/ml-image.yml', '--platforms', 'linux/amd64', '--quiet'];
    const code = await runCli([...args, '--out', out], io);
    const file = (f: string) => readFileSync(path.join(out, f), 'utf8');
    const digest = (JSON.parse(file('build.json')) as BuildResult).variants[0]!.platforms[0]!.digest;
    return { code, err: io.err(), file, digest };
  }

  it('reuses by content when nothing changed, and runs the suites again after a context change', async () => {
    const first = await run(1);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/smoke +cpu linux\/amd64: running the suites \(no earlier run\)/);
    expect(first.err).toMatch(/smoke +cpu linux\/amd64: capture /);
    // The key file names the manifest and the content.
    const key1 = first.file('smoke-key-cpu-amd64.txt').trim().split('\n');
    expect(key1).toHaveLength(2);
    expect(key1[0]).toMatch(new RegExp(`^${first.digest} [0-9a-f]{64}$`));
    expect(key1[1]).toMatch(/^content:sha256:[0-9a-f]{64} [0-9a-f]{64}$/);

    const second = await run(2);
    expect(second.code, second.err).toBe(0);
    // Nothing captured or tested: the earlier record and results stand, and the line says why.
    expect(second.err).not.toMatch(/capture |: imports: running/);
    // Outside git the created label is each run's time: new manifest bits from the same layers and
    // runtime config, matched by content. (A build that stamps no time matches by digest.)
    const how =
      second.digest === first.digest
        ? 'digest and smoke inputs\\)'
        : 'content and smoke inputs; new manifest sha256:';
    expect(second.err).toMatch(
      new RegExp(
        `smoke +cpu linux/amd64: reused the results of an identical earlier run \\(same image ${how}`,
      ),
    );
    // The earlier results, naming this run's image (as the record does).
    const smoke = (r: typeof first) => JSON.parse(r.file('smoke-cpu-amd64.json')) as SmokeResult;
    expect(smoke(second).tests).toEqual(smoke(first).tests);
    expect(smoke(second).image).toContain(second.digest);
    // When the suites ran is the first run's time: the smoke attestation names that run.
    expect(smoke(first).finishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(smoke(second).finishedAt).toBe(smoke(first).finishedAt);
    const record = JSON.parse(second.file('env-cpu-amd64.json')) as EnvRecord;
    expect(record.image.ref).toContain(second.digest);
    // The report compares the two runs' records: nothing changed.
    expect(second.file('report.md')).toMatch(/No environment changes/);
    // The same content line; the manifest line is this run's.
    const key2 = second.file('smoke-key-cpu-amd64.txt').trim().split('\n');
    expect(key2[0]!.split(' ')[0]).toBe(second.digest);
    expect(key2[1]).toBe(key1[1]);

    // A change in the build context: a new app layer, so the suites run again (and pass).
    const main = path.join(dir, 'hello-ml', 'hello_ml', '__main__.py');
    writeFileSync(main, `${readFileSync(main, 'utf8')}# changed\n`);
    const third = await run(3);
    expect(third.code, third.err).toBe(0);
    expect(third.err).toMatch(/smoke +cpu linux\/amd64: running the suites \(the image changed\)/);
    expect(third.err).toMatch(/smoke +cpu linux\/amd64: capture /);
    expect(third.err).toMatch(/smoke +cpu linux\/amd64: 4 passed, 0 failed/);
    expect(third.file('smoke-key-cpu-amd64.txt').trim().split('\n')[1]).not.toBe(key1[1]);
    expect(smoke(third).finishedAt! > smoke(first).finishedAt!).toBe(true);

    // The result directory inside the build context (the default beside ml-image.yml, context
    // "."): its records are kept out of the image, so the layers are the third run's and its
    // results are reused; without that, plan.json alone would make a new app layer every run.
    const inside = path.join(dir, 'hello-ml', 'ml-image-results');
    const fourth = await run(4, inside);
    expect(fourth.code, fourth.err).toBe(0);
    expect(fourth.err).toMatch(/note: ml-image-results, ml-image\.yml kept out of the build context/);
    expect(fourth.err).toMatch(/smoke +cpu linux\/amd64: reused the results of an identical earlier run/);
    const ref = `${(JSON.parse(fourth.file('build.json')) as BuildResult).variants[0]!.repository}@${fourth.digest}`;
    const listing = execFileSync('docker', ['run', '--rm', '--entrypoint', 'ls', ref, '-a', '/app'], {
      encoding: 'utf8',
    });
    expect(listing.split('\n')).toContain('hello_ml');
    expect(listing).not.toContain('ml-image-results');
  }, 600_000);
});
