// After SIGINT/SIGTERM/SIGHUP the cleanup stops what runs (containers removed: exit 137; `buildx
// build` stopped: exit 1, "Canceled: context canceled"). What fails then is reported as the
// interrupt (exit 130/143, "interrupted by SIGINT"), not as a failure of its own ("fix the
// Dockerfile", "the resolver helper failed", a smoke test that failed with a reuse key). Fakes only;
// the signal is marked as the handler marks it.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type CosignExec, createCosignSigner } from '../../src/attest/cosign.js';
import { captureImage } from '../../src/capture/capture.js';
import { jsonError } from '../../src/cli/main.js';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { createBuildxCli } from '../../src/docker/buildx.js';
import { CheckFailedError, EnvironmentError, exitCodeOf } from '../../src/errors.js';
import { parseHelperOutput } from '../../src/resolve/workspace.js';
import { runSmoke, SmokeInterruptedError } from '../../src/smoke/run.js';
import {
  clearInterruptedForTests,
  InterruptedError,
  markInterrupted,
  runPendingCleanups,
} from '../../src/util/cleanup.js';
import { containerResult, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { customSmokeInput, customTests, imagesDir } from '../helpers/smoke-input.js';

const IMAGE = 'localhost:5000/o/m:1-cpu';

afterEach(async () => {
  clearInterruptedForTests();
  await runPendingCleanups();
});

describe('buildx stopped by the cleanup', () => {
  const canceled: CommandRunner = {
    run: async () => ({
      exitCode: 1,
      stdout: '',
      stderr:
        '#0 building with "default" instance using docker driver\n#6 CANCELED\nERROR: failed to solve: Canceled: context canceled\n',
    }),
  };

  it('after SIGTERM: `buildx build` exiting 1 is the interrupt, exit 143 in --json too', async () => {
    markInterrupted('SIGTERM');
    const err = await createBuildxCli(canceled)
      .buildx(['build', '.'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect(err).toBeInstanceOf(EnvironmentError); // the stages unwind as for an environment error
    expect(exitCodeOf(err)).toBe(143);
    expect(jsonError(err).error).toEqual({
      exitCode: 143,
      message:
        'interrupted by SIGTERM: docker buildx build was stopped (exit 1: ERROR: failed to solve: Canceled: context canceled)',
      problems: [],
      fix: 'run the command again',
    });
  });

  it('without a signal: the same exit is handed back for the build stage to classify', async () => {
    const r = await createBuildxCli(canceled).buildx(['build', '.']);
    expect(r.exitCode).toBe(1);
  });
});

describe('the resolver helper killed by the cleanup', () => {
  const killed = { exitCode: 137, stdout: '', stderr: '' };
  const schema = z.object({ pip: z.unknown() });

  it('after SIGINT: interrupted, exit 130', () => {
    markInterrupted('SIGINT');
    let err: unknown;
    try {
      parseHelperOutput(schema, killed, 'python:3.11-slim');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InterruptedError);
    expect(exitCodeOf(err)).toBe(130);
    expect((err as Error).message).toBe(
      'interrupted by SIGINT: the resolver helper in python:3.11-slim was stopped (exit 137)',
    );
  });

  it('without a signal: the helper failed (exit 1)', () => {
    expect(() => parseHelperOutput(schema, killed, 'python:3.11-slim')).toThrow(CheckFailedError);
  });
});

describe('a smoke test killed by the cleanup', () => {
  const input = customSmokeInput(
    customTests([
      { name: 'killed', command: ['sleep', '100'] },
      { name: 'after', command: ['true'] },
    ]),
  );

  it('after SIGINT: the run ends as interrupted (exit 130), the killed test not failed on its own', async () => {
    const ran: string[] = [];
    let pings = 0;
    const err = await runSmoke(input, {
      docker: fakeDocker({
        inspectImage: async () => imageDetails(),
        ping: async () => {
          pings++;
          return { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64' };
        },
        runContainer: async (spec) => {
          ran.push(spec.cmd.join(' '));
          markInterrupted('SIGINT'); // the signal came while it ran; the cleanup removed it
          return containerResult({ exitCode: 137 });
        },
      }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmokeInterruptedError);
    expect(exitCodeOf(err)).toBe(130);
    const e = err as SmokeInterruptedError;
    expect(e.message).toBe(
      "interrupted by SIGINT: the test's container was stopped (exit code 137) (during custom:killed)",
    );
    // What is written without a reuse key (src/smoke/stage.ts): the interrupted test, nothing after.
    expect(e.partial.tests.map((t) => [t.id, t.status])).toEqual([['custom:killed', 'fail']]);
    // Marked as the results so far, so that a later stage reading them back (an attest job,
    // `--stages attest`) does not take them for a finished run's.
    expect(e.partial.interrupted).toBe(e.message);
    expect(ran).toHaveLength(1);
    expect(pings).toBe(0); // the signal says what happened; the engine is not asked
  });

  it('without a signal, an engine that answers (an OOM kill): a failed test, the run goes on', async () => {
    const r = await runSmoke(input, {
      docker: fakeDocker({
        inspectImage: async () => imageDetails(),
        ping: async () => ({ version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64' }),
        runContainer: async (spec) =>
          containerResult({
            exitCode: [...(spec.entrypoint ?? []), ...spec.cmd].join(' ') === 'sleep 100' ? 137 : 0,
          }),
      }),
    });
    expect(r.tests.map((t) => [t.id, t.status, t.reason])).toEqual([
      ['custom:killed', 'fail', 'exit code 137, expected 0'],
      ['custom:after', 'pass', undefined],
    ]);
  });

  it("after SIGTERM: the probe's container removed (exit 137) is the interrupt, not a failed capture", async () => {
    const docker = fakeDocker({
      inspectImage: async () => imageDetails(),
      runContainer: async () => {
        markInterrupted('SIGTERM');
        return containerResult({ exitCode: 137 });
      },
    });
    const err = await captureImage({ image: IMAGE, imagesDir }, { docker }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect(exitCodeOf(err)).toBe(143);
    expect((err as Error).message).toBe(
      `interrupted by SIGTERM: the probe in ${IMAGE} was stopped (exit 137)`,
    );
  });
});

describe('cosign stopped by the cleanup', () => {
  const LOCAL = `localhost:5000/ml/app@sha256:${'9'.repeat(64)}`;
  /** An exec whose cosign is killed by the cleanup (exit 137, no output) once SIGNAL is marked. */
  const killed =
    (signal: 'SIGINT' | 'SIGTERM'): CosignExec =>
    async (args) => {
      if (args[0] === 'version') return { exitCode: 0, stdout: '{"gitVersion":"v2.5.0"}', stderr: '' };
      markInterrupted(signal);
      return { exitCode: 137, stdout: '', stderr: '' };
    };

  it.each([['attest', 'SIGINT', 130] as const, ['verify', 'SIGTERM', 143] as const])(
    'after %s is cut off by %s: the interrupt (exit %i, in --json too), not "cosign failed, run it with --verbose"',
    async (call, signal, code) => {
      const s = createCosignSigner(killed(signal));
      const err = await (
        call === 'attest'
          ? s.attest(
              LOCAL,
              { predicatePath: '/p.json', type: 'cyclonedx' },
              { kind: 'key', key: '/k/cosign.key' },
            )
          : s.verify(LOCAL, { kind: 'key', publicKey: '/k/cosign.pub' })
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InterruptedError);
      expect(exitCodeOf(err)).toBe(code);
      expect((err as Error).message).toMatch(
        new RegExp(`^interrupted by ${signal}: cosign .* was stopped \\(exit 137\\)$`),
      );
      expect(jsonError(err as Error)).toMatchObject({ error: { exitCode: code } });
    },
  );

  it('before any signal, exit 137 is still cosign failing (what it says)', async () => {
    const exec: CosignExec = async (args) =>
      args[0] === 'version'
        ? { exitCode: 0, stdout: '{"gitVersion":"v2.5.0"}', stderr: '' }
        : { exitCode: 137, stdout: '', stderr: '' };
    const err = await createCosignSigner(exec)
      .sign(LOCAL, { kind: 'key', key: '/k/cosign.key' })
      .catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(InterruptedError);
    expect((err as Error).message).toContain('exit 137');
  });
});
