// A resolve interrupted while its container starts or runs (SIGINT/SIGTERM in its first second):
// the cleanup removes the container under the resolver's commands, and the engine then refuses
// them (409 "container stopped/paused", 500 "Removal In Progress") or the OCI runtime fails to
// start one (exit 126 "cannot exec in a stopped state", "ttrpc: closed"). That is the interrupt
// (exit 130/143, "interrupted by SIGINT: ... was stopped"), not an internal error (exit 1, "please
// report it") nor a base image without python3 (exit 2, "use a base image with python3"). Fakes
// only; the signal is marked as the handler marks it.
import { afterEach, describe, expect, it } from 'vitest';
import { jsonError } from '../../src/cli/main.js';
import type { ContainerSession } from '../../src/docker/adapter.js';
import { EnvironmentError, exitCodeOf, InputError } from '../../src/errors.js';
import { withExecLimit } from '../../src/resolve/exec-limit.js';
import { resolveAgainstBase } from '../../src/resolve/resolve.js';
import { parseSnapshot } from '../../src/resolve/steps/snapshot.js';
import {
  clearInterruptedForTests,
  InterruptedError,
  markInterrupted,
  runPendingCleanups,
} from '../../src/util/cleanup.js';
import { fakeDocker, fakeSession } from '../helpers/fakes.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const D = '/tmp/ml-image-resolve';
const IMAGE = 'localhost:5000/base:1';
const SNAPSHOT = ['python3', `${D}/helper.py`, 'snapshot'];

afterEach(async () => {
  clearInterruptedForTests();
  await runPendingCleanups();
});

/** An engine's answer as dockerode throws it. */
const engineError = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) ${message} `), { statusCode });
const CONFLICT = engineError(409, 'container stopped/paused - Container e8a0 is not running');
const REMOVING = engineError(
  500,
  'container not running - Container e8a0 is not running: Removal In Progress',
);

/** A session whose commands and copies fail as FAIL says. */
function failing(fail: {
  exec?: Error | { exitCode: number; stderr: string };
  put?: Error;
}): ContainerSession {
  const inner = fakeSession(() => (fail.exec instanceof Error ? {} : (fail.exec ?? {})));
  return {
    ...inner,
    exec: (cmd, o) => (fail.exec instanceof Error ? Promise.reject(fail.exec) : inner.exec(cmd, o)),
    putFiles: (dir, files) => (fail.put ? Promise.reject(fail.put) : inner.putFiles(dir, files)),
  };
}

const limited = (s: ContainerSession) => withExecLimit(s, 60_000, { image: IMAGE, platform: 'linux/amd64' });

const caught = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("the resolver's session after a signal", () => {
  const cases: [string, ContainerSession, (s: ContainerSession) => Promise<unknown>, string][] = [
    [
      'a command the engine refuses (409)',
      failing({ exec: CONFLICT }),
      (s) => s.exec(SNAPSHOT),
      `the base snapshot (pip inspect) in ${IMAGE} was stopped ((HTTP code 409) container stopped/paused - Container e8a0 is not running)`,
    ],
    [
      'a command in a container being removed (500)',
      failing({ exec: REMOVING }),
      (s) => s.exec(SNAPSHOT),
      `the base snapshot (pip inspect) in ${IMAGE} was stopped ((HTTP code 500) container not running - Container e8a0 is not running: Removal In Progress)`,
    ],
    [
      'a command the OCI runtime could not start (exit 126)',
      failing({ exec: { exitCode: 126, stderr: 'OCI runtime exec failed: ttrpc: closed: unknown\n' } }),
      (s) => s.exec(SNAPSHOT),
      `the base snapshot (pip inspect) in ${IMAGE} was stopped (exit 126: OCI runtime exec failed: ttrpc: closed: unknown)`,
    ],
    [
      'a pip run killed with the container (exit 137)',
      failing({ exec: { exitCode: 137, stderr: '' } }),
      (s) => s.exec(['python3', '-m', 'pip', 'install', '--dry-run', '--report', `${D}/naive.json`]),
      `the plain dry run (pip install --dry-run) in ${IMAGE} was stopped (exit 137)`,
    ],
    [
      'a copy into a container being removed (500)',
      failing({ put: REMOVING }),
      (s) => s.putFiles(D, { 'helper.py': '' }),
      `copying the resolver's files into ${IMAGE} was stopped ((HTTP code 500) container not running - Container e8a0 is not running: Removal In Progress)`,
    ],
  ];

  it.each(
    cases.flatMap(([name, s, call, what]) => [
      [name, 'SIGINT', 130, s, call, what] as const,
      [name, 'SIGTERM', 143, s, call, what] as const,
    ]),
  )('%s after %s is the interrupt, exit %i in --json too', async (_, signal, code, session, call, what) => {
    markInterrupted(signal);
    const err = await caught(call(limited(session)));
    expect(err).toBeInstanceOf(InterruptedError);
    expect(exitCodeOf(err)).toBe(code);
    expect(jsonError(err).error).toEqual({
      exitCode: code,
      message: `interrupted by ${signal}: ${what}`,
      problems: [],
      fix: 'run the command again',
    });
  });

  it.each(cases)('%s without a signal is handed on as it was', async (_, session, call) => {
    const outcome = await call(limited(session)).then(
      (r) => ({ result: r }),
      (e: unknown) => ({ error: e }),
    );
    if ('error' in outcome) expect([CONFLICT, REMOVING]).toContain(outcome.error);
    else expect((outcome.result as { exitCode: number }).exitCode).toBeGreaterThan(0);
  });

  it('a command that succeeded just before the signal is its answer', async () => {
    markInterrupted('SIGINT');
    const s = limited(fakeSession(() => ({ stdout: '{}' })));
    await expect(s.exec(SNAPSHOT)).resolves.toMatchObject({ exitCode: 0, stdout: '{}' });
  });

  it('a resolve whose container is removed while it starts ends as interrupted, its session closed', async () => {
    const session = fakeSession(() => ({}));
    let closed = false;
    const err = await caught(
      resolveAgainstBase(
        {
          image: IMAGE,
          platform: 'linux/amd64',
          requirements: { text: 'tqdm', origins: ['/w/r.txt:1'] },
          mode: 'auto',
        },
        {
          ...NO_WORLD,
          docker: fakeDocker({
            startSession: () =>
              Promise.resolve({
                ...session,
                putFiles: () => {
                  markInterrupted('SIGINT'); // the signal came; the cleanup removed the container
                  return Promise.reject(REMOVING);
                },
                close: () => {
                  closed = true;
                  return Promise.resolve();
                },
              }),
            imageDigest: () => Promise.resolve(`sha256:${'d'.repeat(64)}`),
          }),
          env: {},
        },
      ),
    );
    expect(err).toBeInstanceOf(InterruptedError);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(err)).toBe(130);
    expect((err as Error).message).toMatch(
      /^interrupted by SIGINT: copying the resolver's files into .* was stopped/,
    );
    expect(closed).toBe(true);
  });
});

describe('the base snapshot of a container the cleanup removed', () => {
  const runs: [string, number][] = [
    [
      'OCI runtime exec failed: exec failed: unable to start container process: read init-p: connection reset by peer: unknown',
      126,
    ],
    ['cannot exec in a stopped state: unknown', 126],
    ['ttrpc: closed: unknown', 127],
    ['task 5b7fe7c4 not found: not found', 127],
  ];

  it.each(runs)(
    'after SIGINT, "%s" (exit %i) is the interrupt, not a base without python3',
    (stderr, exitCode) => {
      markInterrupted('SIGINT');
      const err = (() => {
        try {
          return parseSnapshot({ exitCode, stdout: '', stderr }, IMAGE);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(InterruptedError);
      expect(exitCodeOf(err)).toBe(130);
      expect((err as Error).message).toBe(
        `interrupted by SIGINT: the resolver helper in ${IMAGE} was stopped (exit ${exitCode}: ${stderr})`,
      );
    },
  );

  it.each(runs)('without a signal, "%s" (exit %i) is a base without python3 (exit 2)', (stderr, exitCode) => {
    expect(() => parseSnapshot({ exitCode, stdout: '', stderr }, IMAGE)).toThrow(InputError);
    expect(() => parseSnapshot({ exitCode, stdout: '', stderr }, IMAGE)).toThrow(/has no python3/);
  });
});
