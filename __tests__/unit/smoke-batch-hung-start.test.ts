// A shared smoke process whose python3 hangs as it starts (a `.pth` file of the image that blocks,
// before the smoke script runs): it reaches no test and is cut at its container's timeout. The
// later tests of that process time out with it rather than each hanging again in a fresh
// container (seen: --timeout 10 with compute and train took 81 s then 71 s). Fakes only.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContainerRunResult, ContainerRunSpec } from '../../src/docker/adapter.js';
import { BATCH_ENV } from '../../src/smoke/batch.js';
import { PYTHON_START_ALLOWANCE_MS } from '../../src/smoke/batch-start.js';
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

// The same hang, on a run that says when its container started (as runContainer does): the process
// is stopped once its first test has not begun within that test's own timeout and the start
// allowance, not at the container's own limit (every planned test's timeout and a minute). Fake
// timers: the fake container ends at whichever of the two comes first, and the results say which.
describe('a shared process whose first test has not begun within its timeout', () => {
  afterEach(() => vi.useRealTimers());

  it('is stopped at the start limit: the first test says python3 did not start, the others are not run', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const runs: ContainerRunSpec[] = [];
    let called!: () => void;
    const running = new Promise<void>((resolve) => (called = resolve));
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      // python3 hangs before the script: no output, ever; the container ends when it is stopped.
      runContainer: (spec): Promise<ContainerRunResult> => {
        runs.push(spec);
        spec.onStarted?.();
        called();
        return new Promise((resolve) => {
          const stop = (why: string) =>
            resolve({
              containerId: 'c',
              exitCode: null,
              timedOut: true,
              stdout: '',
              stderr: why,
              durationMs: 1,
            });
          setTimeout(() => stop('the container limit'), spec.timeoutMs);
          spec.signal?.addEventListener('abort', () => stop('the start limit'));
        });
      },
    });
    const result = runSmoke(
      {
        image: 'img',
        suites: ['imports', 'pip-check', 'compute', 'train', 'ddp'],
        gpus: 'none',
        requireGpu: false,
        distributions: ['numpy'],
        tests: [],
        timeoutMs: 3_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
      },
      { docker },
    );
    await running;
    // The earliest timer first: the start limit (3 s + the allowance) before the container's own
    // limit (five tests x 3 s + 60 s).
    await vi.runAllTimersAsync();
    const r = await result;
    const limit = `${(3_000 + PYTHON_START_ALLOWANCE_MS) / 1000}s`;
    expect(r.tests.map((t) => [t.id, t.status, t.reason])).toEqual([
      [
        'imports',
        'fail',
        `python3 did not start within ${limit} (the test's timeout of 3s and ${PYTHON_START_ALLOWANCE_MS / 1000}s for python3 to start): no test of its process began, and the container was removed; a .pth file or sitecustomize of the image that blocks hangs python3 as it starts`,
      ],
      ['pip-check', 'fail', `not run: python3 did not start within ${limit} (see imports)`],
      ['compute-cpu', 'fail', `not run: python3 did not start within ${limit} (see imports)`],
      ['compute-gpu', 'skip', expect.stringContaining('no GPU')],
      ['train', 'fail', `not run: python3 did not start within ${limit} (see imports)`],
      ['ddp', 'fail', `not run: python3 did not start within ${limit} (see imports)`],
    ]);
    // One container for the five tests, stopped by the start limit (its own limit was longer).
    expect(runs).toHaveLength(1);
    expect(runs[0]!.timeoutMs).toBe(5 * 3_000 + 60_000);
    expect(runs[0]!.signal?.aborted).toBe(true);
  });
});

// Its first test's start marker lifts the start limit: a test that then runs past the limit is
// stopped by its own timeout (here the container's, as a test holding the GIL is), never as
// "python3 did not start".
describe('a shared process whose first test has begun', () => {
  afterEach(() => vi.useRealTimers());

  it('is not stopped by the start limit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const runs: ContainerRunSpec[] = [];
    let called!: () => void;
    const running = new Promise<void>((resolve) => (called = resolve));
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      runContainer: (spec): Promise<ContainerRunResult> => {
        runs.push(spec);
        spec.onStarted?.();
        const { nonce } = JSON.parse(spec.env![BATCH_ENV]!) as { nonce: string };
        const start = `\n@@ml-image-smoke@@ ${JSON.stringify({ id: 'compute-cpu', event: 'start', nonce })}\n`;
        spec.onOutput?.(start, 'stdout');
        called();
        return new Promise((resolve) => {
          const stop = (why: string) =>
            resolve({
              containerId: 'c',
              exitCode: null,
              timedOut: true,
              stdout: start,
              stderr: why,
              durationMs: 1,
            });
          setTimeout(() => stop('the container limit'), spec.timeoutMs);
          spec.signal?.addEventListener('abort', () => stop('the start limit'));
        });
      },
    });
    const result = runSmoke(
      {
        image: 'img',
        suites: ['compute', 'train'],
        gpus: 'none',
        requireGpu: false,
        distributions: [],
        tests: [],
        timeoutMs: 3_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
      },
      { docker },
    );
    await running;
    await vi.advanceTimersByTimeAsync(3_000 + PYTHON_START_ALLOWANCE_MS + 1_000);
    expect(runs[0]!.signal?.aborted).toBe(false);
    await vi.runAllTimersAsync();
    const r = await result;
    expect(r.tests.find((t) => t.id === 'compute-cpu')?.reason).toMatch(/^timed out after 3s/);
    expect(r.tests.map((t) => t.reason ?? '').join('\n')).not.toMatch(/did not start/);
  });
});
