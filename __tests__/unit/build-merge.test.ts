// The merge step's retry policy: a registry's passing failure is pushed again with backoff, a
// deterministic one stops at once, and one that keeps failing is exit 3.
import { describe, expect, it } from 'vitest';
import { mergeVariant } from '../../src/build/merge.js';
import { cliFailure } from '../../src/docker/failures.js';
import { EnvironmentError, MlImageError } from '../../src/errors.js';
import { fakeDocker } from '../helpers/fakes.js';

const DIGEST = `sha256:${'7'.repeat(64)}`;
const SOURCES = ['localhost:5000/o/m@sha256:1', 'localhost:5000/o/m@sha256:2'];
const TAGS = ['localhost:5000/o/m:1.0-cpu', 'localhost:5000/o/m:sha-abc-cpu'];

// What buildx printed when distribution answered a HEAD during concurrent tag pushes with a 500.
const REGISTRY_500 =
  '#2 [internal] pushing localhost:5000/o/m:sha-abc-cpu\n#2 ERROR: unexpected status from HEAD request to http://localhost:5000/v2/o/m/manifests/sha-abc-cpu: 500 Internal Server Error\nERROR: unexpected status from HEAD request to http://localhost:5000/v2/o/m/manifests/sha-abc-cpu: 500 Internal Server Error';
const MISSING = 'ERROR: localhost:5000/o/m@sha256:1: not found';

const failure = (stderr: string) => cliFailure('merging 2 digest(s)', { exitCode: 1, stdout: '', stderr });

async function merge(outcomes: readonly (string | undefined)[], clockStepMs = 0) {
  let calls = 0;
  let clock = 0;
  const sleeps: number[] = [];
  const progress: string[] = [];
  const docker = fakeDocker({
    imagetoolsCreate: async () => {
      const stderr = outcomes[calls++];
      clock += clockStepMs;
      if (stderr !== undefined) throw failure(stderr);
      return DIGEST;
    },
  });
  const result = mergeVariant(
    {
      docker,
      progress: (l) => progress.push(l),
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    },
    'cpu',
    TAGS,
    SOURCES,
  ).then(
    (digest) => ({ digest, error: undefined }),
    (error: unknown) => ({ digest: undefined, error }),
  );
  return { ...(await result), calls: () => calls, sleeps, progress };
}

describe('mergeVariant retries', () => {
  it.each([
    ['succeeds at once', [undefined], 1, []],
    ['a registry 500 once, then pushed', [REGISTRY_500, undefined], 2, [2000]],
    [
      'a 503 twice, then pushed',
      ['ERROR: 503 Service Unavailable', 'ERROR: toomanyrequests', undefined],
      3,
      [2000, 4000],
    ],
  ])('%s', async (_name, outcomes, calls, sleeps) => {
    const r = await merge(outcomes);
    expect(r.error).toBeUndefined();
    expect(r.digest).toBe(DIGEST);
    expect(r.calls()).toBe(calls);
    expect(r.sleeps).toEqual(sleeps);
    expect(r.progress.at(-1)).toMatch(/^merge cpu: 2 platform\(s\) -> .*sha-abc-cpu \(sha256:777777777777\)/);
    if (sleeps.length > 0)
      expect(r.progress[0]).toMatch(
        /^merge cpu: transient registry failure \(.*(500|503).*\); retrying in 2s$/,
      );
  });

  it('a deterministic failure is not tried again (exit 1)', async () => {
    const r = await merge([MISSING, undefined]);
    expect(r.calls()).toBe(1);
    expect(r.sleeps).toEqual([]);
    expect(r.error).toBeInstanceOf(MlImageError);
    expect(r.error).not.toBeInstanceOf(EnvironmentError);
    expect((r.error as MlImageError).exitCode).toBe(1);
    expect((r.error as Error).message).toMatch(/^merging 2 digest\(s\) failed .*not found/s);
  });

  it('a registry that keeps failing stops after 3 attempts: exit 3 naming the reason', async () => {
    const r = await merge([REGISTRY_500, REGISTRY_500, REGISTRY_500, undefined]);
    expect(r.calls()).toBe(3);
    expect(r.sleeps).toEqual([2000, 4000]);
    expect(r.error).toBeInstanceOf(EnvironmentError);
    const message = (r.error as Error).message;
    expect(message).toMatch(
      /^merge cpu into localhost:5000\/o\/m:1\.0-cpu, localhost:5000\/o\/m:sha-abc-cpu failed after 3 attempts: .*500 Internal Server Error\n--- last lines of buildx ---\n/,
    );
    expect(message).toContain('#2 [internal] pushing localhost:5000/o/m:sha-abc-cpu');
    expect((r.error as EnvironmentError).exitCode).toBe(3);
  });

  it('a slow first push still gets its retry: the budget counts from the first failure', async () => {
    const r = await merge([REGISTRY_500, undefined], 119_000);
    expect(r.calls()).toBe(2);
    expect(r.sleeps).toEqual([2000]);
    expect(r.error).toBeUndefined();
  });

  it('no new attempt once the retry budget after the first failure is spent', async () => {
    // The second push fails 121 s after the first failure (a 2 s wait, a 119 s push): no third.
    const r = await merge([REGISTRY_500, REGISTRY_500, undefined], 119_000);
    expect(r.calls()).toBe(2);
    expect(r.error).toBeInstanceOf(EnvironmentError);
    expect((r.error as Error).message).toMatch(/ failed after 2 attempts: /);
    expect((r.error as EnvironmentError).fix).toContain('120s after the first failure');
  });
});

describe('cliFailure of a docker CLI another killed', () => {
  it.each<[string, { signal?: NodeJS.Signals }, number, RegExp]>([
    [
      'SIGKILL: exit 3 naming it',
      { signal: 'SIGKILL' },
      3,
      /merging 2 digest\(s\): docker was killed by SIGKILL \(exit 137\)/,
    ],
    ['no signal: the exit, as before', {}, 1, /merging 2 digest\(s\) failed \(exit 137\)/],
  ])('%s', (_, more, code, message) => {
    const e = cliFailure('merging 2 digest(s)', { exitCode: 137, stdout: '', stderr: '', ...more });
    expect(e.exitCode).toBe(code);
    expect(e.message).toMatch(message);
  });
});
