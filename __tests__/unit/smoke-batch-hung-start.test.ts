// A shared smoke process whose python3 hangs as it starts (a `.pth` file of the image that blocks,
// before the smoke script runs): it reaches no test and is cut at its container's timeout. The
// later tests of that process time out with it rather than each hanging again in a fresh
// container (seen: --timeout 10 with compute and train took 81 s then 71 s). Fakes only.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContainerRunResult, ContainerRunSpec } from '../../src/docker/adapter.js';
import { BATCH_ENV } from '../../src/smoke/batch.js';
import { runSmoke } from '../../src/smoke/run.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

describe('a shared process that hangs before its first test', () => {
  it('times its later tests out with it, without a fresh container for each', async () => {
    const runs: ContainerRunSpec[] = [];
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      runContainer: (spec): Promise<ContainerRunResult> => {
        runs.push(spec);
        return Promise.resolve({
          containerId: 'c',
          exitCode: null,
          timedOut: true,
          stdout: '',
          stderr: '',
          durationMs: 1,
        });
      },
    });
    const r = await runSmoke(
      {
        image: 'img',
        suites: ['compute', 'train', 'ddp'],
        gpus: 'none',
        requireGpu: false,
        distributions: [],
        tests: [],
        timeoutMs: 10_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
      },
      { docker },
    );
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['compute-cpu', 'fail'],
      ['compute-gpu', 'skip'],
      ['train', 'fail'],
      ['ddp', 'fail'],
    ]);
    for (const t of r.tests.filter((x) => x.status === 'fail'))
      expect(t.reason, t.id).toMatch(/^timed out after 10s/);
    // One process for the three tests, started once.
    expect(runs).toHaveLength(1);
    expect(runs[0]!.env?.[BATCH_ENV]).toContain('"train"');
  });
});
