// A shared smoke process whose python3 hangs as it starts (a `.pth` file of the image that blocks,
// before the smoke script runs): it reaches no test and is cut at its container's timeout. The
// later tests of that process time out with it rather than each hanging again in a fresh
// container (seen: --timeout 10 with compute and train took 81 s then 71 s). Fakes only.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContainerRunResult, ContainerRunSpec } from '../../src/docker/adapter.js';
import { BATCH_ENV } from '../../src/smoke/batch.js';
import { PYTHON_START_ALLOWANCE_MS } from '../../src/smoke/batch-start.js';
import { runSmoke, type SmokeInput } from '../../src/smoke/run.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { customTests } from '../helpers/smoke-input.js';

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

// A GPU run has several processes for one image and platform (the tests without a GPU, those with
// one, ddp alone): once one was stopped by its start limit, python3 is known to hang as it starts,
// and the later processes of that image and platform are not started (each waited out a limit of
// its own: N processes, N start limits). A process of another platform, and a later process after
// one whose first test began (a test's timeout, not a hang at start), still run. Fake timers.
describe('the processes after one stopped by its start limit', () => {
  afterEach(() => vi.useRealTimers());

  const planOf = (spec: ContainerRunSpec) =>
    JSON.parse(spec.env![BATCH_ENV]!) as { nonce: string; steps: { id: string }[] };
  const marker = (nonce: string, id: string, event: string, more: object = {}) =>
    `\n@@ml-image-smoke@@ ${JSON.stringify({ id, event, nonce, ...more })}\n`;
  const ended = (stdout: string, timedOut: boolean): ContainerRunResult => ({
    containerId: 'c',
    exitCode: timedOut ? null : 0,
    timedOut,
    stdout,
    stderr: '',
    durationMs: 1,
  });

  /** python3 hangs as it starts: no output; the container ends when stopped (start limit or its own). */
  const hangAtStart = (spec: ContainerRunSpec): Promise<ContainerRunResult> => {
    spec.onStarted?.();
    return new Promise((resolve) => {
      setTimeout(() => resolve(ended('', true)), spec.timeoutMs);
      spec.signal?.addEventListener('abort', () => resolve(ended('', true)));
    });
  };
  /** Every test of the process exits 0. */
  const passAll = (spec: ContainerRunSpec): Promise<ContainerRunResult> => {
    spec.onStarted?.();
    const { nonce, steps } = planOf(spec);
    const stdout = steps
      .map((x) => marker(nonce, x.id, 'start') + marker(nonce, x.id, 'end', { exit: 0, ms: 1 }))
      .join('');
    return Promise.resolve(ended(stdout, false));
  };
  /** The first test begins, and the process is stopped by the container's own limit (a test that hung). */
  const hangInFirstTest = (spec: ContainerRunSpec): Promise<ContainerRunResult> => {
    spec.onStarted?.();
    const { nonce, steps } = planOf(spec);
    const stdout = marker(nonce, steps[0]!.id, 'start');
    spec.onOutput?.(stdout, 'stdout');
    return Promise.resolve(ended(stdout, true));
  };

  /**
   * A GPU run of PLATFORM; each process's container as RUN answers (the processes it started in
   * RUNS). MORE replaces any of its input; its progress lines go to PROGRESS.
   */
  async function gpuRun(
    platform: string,
    run: (spec: ContainerRunSpec) => Promise<ContainerRunResult>,
    runs: ContainerRunSpec[],
    more: Partial<SmokeInput> = {},
    progress?: (l: string) => void,
  ) {
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      runContainer: (spec) => {
        // Only the shared processes: every test here is one of theirs.
        expect(spec.env?.[BATCH_ENV], 'a container of its own').toBeDefined();
        runs.push(spec);
        return run(spec);
      },
    });
    const result = runSmoke(
      {
        image: 'img',
        platform,
        suites: ['imports', 'gpu', 'compute', 'train', 'ddp'],
        gpus: 'all',
        requireGpu: false,
        distributions: ['numpy'],
        tests: [],
        timeoutMs: 3_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
        ...more,
      },
      { docker, progress },
    );
    await vi.runAllTimersAsync();
    return result;
  }

  it('are not started: their tests say python3 hung at start in the earlier process', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const runs: ContainerRunSpec[] = [];
    const r = await gpuRun('linux/amd64', hangAtStart, runs);
    const limit = `${(3_000 + PYTHON_START_ALLOWANCE_MS) / 1000}s`;
    const earlier = `not run: python3 did not start within ${limit} in an earlier process (see imports)`;
    expect(r.tests.map((t) => [t.id, t.status, t.reason])).toEqual([
      ['imports', 'fail', expect.stringMatching(/^python3 did not start within /)],
      ['gpu', 'fail', earlier],
      ['compute-cpu', 'fail', `not run: python3 did not start within ${limit} (see imports)`],
      ['compute-gpu', 'fail', earlier],
      ['train', 'fail', earlier],
      ['ddp', 'fail', earlier],
    ]);
    // The process of the tests without a GPU only: the GPU tests' and ddp's were not started.
    expect(runs.map((x) => planOf(x).steps.map((y) => y.id))).toEqual([['imports', 'compute-cpu']]);
    expect(runs[0]!.signal?.aborted).toBe(true);
  });

  // A custom file check joins the process of the tests without a GPU: on a run whose GPU process
  // hung first, no process reaches it, and it says no more than the gpu suite's tests do (no
  // "running" line for a test that is not run), as the earlier process's later tests.
  it('say no start line for a custom file check, as for the other suites', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const runs: ContainerRunSpec[] = [];
    const lines: string[] = [];
    const tests = customTests([{ name: 'bin', file: { path: '/bin' } }]);
    const r = await gpuRun('linux/amd64', hangAtStart, runs, { suites: ['gpu', 'custom'], tests }, (l) =>
      lines.push(l),
    );
    const limit = `${(3_000 + PYTHON_START_ALLOWANCE_MS) / 1000}s`;
    expect(r.tests.map((t) => [t.id, t.status, t.reason])).toEqual([
      ['gpu', 'fail', expect.stringMatching(/^python3 did not start within /)],
      ['custom:bin', 'fail', expect.stringContaining(`${limit} in an earlier process (see gpu)`)],
    ]);
    expect(runs.map((x) => planOf(x).steps.map((y) => y.id))).toEqual([['gpu']]);
    expect(lines.filter((l) => l.endsWith(': running'))).toEqual(['smoke gpu: running']);
    expect(lines.some((l) => l.startsWith('smoke custom:bin: fail'))).toBe(true);
  });

  it('leave the processes of another platform alone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const arm: ContainerRunSpec[] = [];
    const amd: ContainerRunSpec[] = [];
    await gpuRun('linux/arm64', hangAtStart, arm);
    const r = await gpuRun('linux/amd64', passAll, amd);
    expect(arm).toHaveLength(1);
    // Its three processes: the tests without a GPU, those with one, ddp alone.
    expect(amd.map((x) => planOf(x).steps.map((y) => y.id))).toEqual([
      ['imports', 'compute-cpu'],
      ['gpu', 'compute-gpu', 'train'],
      ['ddp'],
    ]);
    expect(amd.every((x) => x.platform === 'linux/amd64' && x.signal?.aborted === false)).toBe(true);
    expect(r.tests.map((t) => t.reason ?? '').join('\n')).not.toMatch(/did not start|not run/);
  });

  it('is none after a process whose first test began and timed out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const runs: ContainerRunSpec[] = [];
    const r = await gpuRun(
      'linux/amd64',
      (spec) => (runs.length === 1 ? hangInFirstTest : passAll)(spec),
      runs,
    );
    expect(runs.map((x) => planOf(x).steps.map((y) => y.id))).toEqual([
      ['imports', 'compute-cpu'],
      ['gpu', 'compute-gpu', 'train'],
      ['compute-cpu'],
      ['ddp'],
    ]);
    expect(r.tests.find((t) => t.id === 'imports')?.reason).toMatch(/^timed out after 3s/);
    expect(r.tests.map((t) => t.reason ?? '').join('\n')).not.toMatch(/did not start|not run/);
  });
});
