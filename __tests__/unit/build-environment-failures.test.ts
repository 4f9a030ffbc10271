// A build that fails for the machine's sake, whatever the Dockerfile, is an environment problem
// (exit 3) with the fix, not "fix the Dockerfile or requirements" (exit 1): a full disk, and a
// foreign platform's program that could not start because no QEMU is registered (exec format
// error). The logs are BuildKit's as buildx prints them; the engine and buildx are fakes: no
// process is started.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { afterFailedAttempt, builderPlatformFor } from '../../src/build/retry.js';
import { runBuildStage } from '../../src/build/stage.js';
import { validateConfigData } from '../../src/config/load.js';
import type { CommandRunner, EngineInfo } from '../../src/docker/adapter.js';
import { exitCodeOf, type MlImageError } from '../../src/errors.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { attemptError, failedAttempt, thrown } from '../helpers/failed-attempt.js';
import { fakeDocker } from '../helpers/fakes.js';

/** The Dockerfile's lines BuildKit quotes after the error: more than the last 15 lines of a log. */
const excerpt = (n: number) =>
  [
    'Dockerfile:30',
    '--------------------',
    ...Array.from({ length: n }, (_, i) => `  ${30 + i} | >>>     step ${i}; \\`),
    '--------------------',
  ].join('\n');

const QEMU_MISSING = [
  `#7 [linux/arm64 2/4] RUN set -eu; if getent passwd app
#7 0.101 exec /bin/sh: exec format error
#7 ERROR: process "/bin/sh -c set -eu; if getent passwd app" did not complete successfully: exit code: 1
------
ERROR: failed to solve: process "/bin/sh -c set -eu; if getent passwd app ..." did not complete successfully: exit code: 1`,
  `#5 [2/4] RUN set -eu
#5 0.234 standard_init_linux.go:228: exec user process caused: exec format error
#5 ERROR: executor failed running [/bin/sh -c set -eu]: exit code: 1
error: failed to solve: executor failed running [/bin/sh -c set -eu]: exit code: 1`,
  `#9 [linux/arm64 3/6] RUN python -m pip --version
#9 0.052 exec /usr/local/bin/python: exec format error
#9 ERROR: process "/bin/sh -c python -m pip --version" did not complete successfully: exit code: 255
------
 > [linux/arm64 3/6] RUN python -m pip --version:
0.052 exec /usr/local/bin/python: exec format error
------
${excerpt(30)}
ERROR: failed to solve: process "/bin/sh -c python -m pip --version" did not complete successfully: exit code: 255`,
];

const DISK_FULL = [
  `#9 [5/6] RUN --mount=type=secret,id=ml_image_requirements
#9 212.3 ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device
#9 ERROR: process "/bin/sh -c set -eu; s=/run/secrets" did not complete successfully: exit code: 1
------
ERROR: failed to solve: process "/bin/sh -c set -eu; s=/run/secrets" did not complete successfully: exit code: 1`,
  `#12 exporting to image
#12 exporting layers
#12 ERROR: failed to export image: failed to create image: failed to get layer sha256:abc: write /var/lib/docker/overlay2/x/diff/usr/lib/libcudnn.so: no space left on device
------
ERROR: failed to solve: failed to copy: write /var/lib/docker/tmp/x: no space left on device`,
  // Its reason above BuildKit's quote of a long RUN step, and a transient-looking last line: not retried.
  `#9 [5/6] RUN --mount=type=secret,id=ml_image_requirements
#9 98.1 OSError: [Errno 28] No space left on device: '/usr/local/lib/python3.12/site-packages/torch/lib'
------
${excerpt(30)}
ERROR: failed to solve: process "/bin/sh -c set -eu" did not complete successfully: exit code: 1: unexpected EOF`,
];

const attempt = (log: string, platform: string, builderPlatform?: string) => () =>
  afterFailedAttempt(
    failedAttempt(log, {
      id: `cpu/${platform.split('/')[1]}`,
      platform,
      ...(builderPlatform !== undefined && { builderPlatform }),
    }),
  );

describe('a foreign platform without QEMU (exec format error)', () => {
  it.each(QEMU_MISSING.map((log, i) => [i, log]))(
    'log %i, on an amd64 builder: exit 3, register QEMU',
    (_i, log) => {
      const e = thrown(attempt(log, 'linux/arm64', 'linux/amd64'));
      expect(exitCodeOf(e)).toBe(3);
      expect(e.message).toContain("could not start on the builder's linux/amd64 machine");
      expect(e.message).toContain('exec format error');
      expect(e.fix).toContain('docker/setup-qemu-action');
      expect(e.fix).toContain('docker run --privileged --rm tonistiigi/binfmt --install arm64');
      expect(e.fix).not.toMatch(/Dockerfile or requirements/);
    },
  );

  it.each(QEMU_MISSING.map((log, i) => [i, log]))(
    "log %i, the builder's platform unknown: exit 3, the fix conditional",
    (_i, log) => {
      const e = thrown(attempt(log, 'linux/arm64'));
      expect(exitCodeOf(e)).toBe(3);
      expect(e.fix).toMatch(/^if the builder's machine is not linux\/arm64: register QEMU for arm64/);
      expect(e.fix).toContain('If it is, the base image or a file the build copies in holds a program');
    },
  );

  it.each(QEMU_MISSING.map((log, i) => [i, log]))(
    "log %i, on the platform's own machine: the build's failure (exit 1), no QEMU fix",
    (_i, log) => {
      const e = thrown(attempt(log, 'linux/arm64', 'linux/arm64'));
      expect(exitCodeOf(e)).toBe(1);
      expect(e.fix ?? '').not.toContain('qemu');
    },
  );
});

it("neither platform known: exit 3, QEMU for the target's architecture as a condition", () => {
  const log = QEMU_MISSING[1]!;
  const e = attemptError(log, { id: 'cpu/arm64' });
  expect(exitCodeOf(e)).toBe(3);
  expect(e.fix).toMatch(/^if the builder's machine is not the target's platform: register QEMU/);
  expect(e.fix).toContain('tonistiigi/binfmt --install all');
});

describe('a full disk (no space left on device)', () => {
  it.each(DISK_FULL.map((log, i) => [i, log]))('log %i: exit 3, free disk space, not retried', (_i, log) => {
    const e = thrown(attempt(log, 'linux/amd64', 'linux/amd64'));
    expect(exitCodeOf(e)).toBe(3);
    expect(e.message).toMatch(/the disk the builder writes to is full: .*no space left on device/i);
    expect(e.fix).toContain('docker builder prune');
    expect(e.fix).toContain('docker image prune');
    expect(e.fix).toContain('remove the preinstalled toolchains');
  });
});

describe('a Dockerfile or pip failure stays exit 1', () => {
  it.each([
    [
      'a pip conflict',
      `#9 12.0 ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/
#9 ERROR: process "/bin/sh -c set -eu" did not complete successfully: exit code: 1
ERROR: failed to solve: process "/bin/sh -c set -eu" did not complete successfully: exit code: 1`,
    ],
    ['a missing file', 'ERROR: failed to solve: failed to compute cache key: "/app/x" not found'],
  ])('%s', (_what, log) => {
    const e = thrown(attempt(log, 'linux/arm64'));
    expect(exitCodeOf(e)).toBe(1);
    expect(e.fix).toContain('fix the Dockerfile or requirements');
  });
});

const SOCKET = 'unix:///var/run/docker.sock';

describe("the builder's platform, asked of the engine only for an exec format error", () => {
  const engine = (arch: string): EngineInfo => ({ version: '28.0.0', apiVersion: '1.48', os: 'linux', arch });
  const amd64 = { builderPlatform: 'linux/amd64' };
  // [what, driver, the nodes' endpoints, DOCKER_HOST, log, the engine's answer, expected, pings]
  it.each<
    [string, string, string[] | undefined, string | undefined, string, EngineInfo | Error, object, number]
  >([
    ['the docker driver', 'docker', ['default'], undefined, QEMU_MISSING[0]!, engine('amd64'), amd64, 1],
    [
      'the docker driver, no endpoint printed',
      'docker',
      undefined,
      undefined,
      QEMU_MISSING[0]!,
      engine('amd64'),
      amd64,
      1,
    ],
    [
      'docker-container on the default socket, aarch64',
      'docker-container',
      [SOCKET],
      undefined,
      QEMU_MISSING[0]!,
      engine('aarch64'),
      { builderPlatform: 'linux/arm64' },
      1,
    ],
    [
      'docker-container on the default context',
      'docker-container',
      ['default'],
      undefined,
      QEMU_MISSING[0]!,
      engine('amd64'),
      amd64,
      1,
    ],
    [
      "docker-container on DOCKER_HOST's engine",
      'docker-container',
      ['tcp://10.0.0.5:2376'],
      'tcp://10.0.0.5:2376',
      QEMU_MISSING[0]!,
      engine('amd64'),
      amd64,
      1,
    ],
    // Its node is another machine than the engine asked: that engine's platform is not the builder's.
    [
      'docker-container on another machine (ssh://)',
      'docker-container',
      ['ssh://arm-host'],
      undefined,
      QEMU_MISSING[0]!,
      engine('amd64'),
      {},
      0,
    ],
    [
      'docker-container on the socket, DOCKER_HOST elsewhere',
      'docker-container',
      [SOCKET],
      'tcp://10.0.0.5:2376',
      QEMU_MISSING[0]!,
      engine('amd64'),
      {},
      0,
    ],
    [
      "docker-container on another context's engine",
      'docker-container',
      ['arm-ctx'],
      undefined,
      QEMU_MISSING[0]!,
      engine('amd64'),
      {},
      0,
    ],
    [
      'docker-container with two nodes (--append)',
      'docker-container',
      [SOCKET, 'ssh://arm-host'],
      undefined,
      QEMU_MISSING[0]!,
      engine('amd64'),
      {},
      0,
    ],
    [
      'docker-container, no endpoint printed',
      'docker-container',
      undefined,
      undefined,
      QEMU_MISSING[0]!,
      engine('amd64'),
      {},
      0,
    ],
    [
      "the docker driver of another context's engine",
      'docker',
      ['remote-ctx'],
      undefined,
      QEMU_MISSING[0]!,
      engine('amd64'),
      {},
      0,
    ],
    [
      'a remote builder: its machine is elsewhere',
      'remote',
      ['tcp://buildkitd:1234'],
      undefined,
      QEMU_MISSING[0]!,
      engine('amd64'),
      {},
      0,
    ],
    [
      'an engine that does not answer',
      'docker',
      ['default'],
      undefined,
      QEMU_MISSING[0]!,
      new Error('down'),
      {},
      1,
    ],
    ['another failure: not asked', 'docker', ['default'], undefined, DISK_FULL[0]!, engine('amd64'), {}, 0],
  ])('%s', async (_what, driver, endpoints, dockerHost, log, answer, expected, pings) => {
    let asked = 0;
    const docker = {
      ping: async () => {
        asked += 1;
        if (answer instanceof Error) throw answer;
        return answer;
      },
    };
    const builder = { driver, ...(endpoints && { endpoints }) };
    expect(await builderPlatformFor({ docker, builder, ...(dockerHost && { dockerHost }) }, log)).toEqual(
      expected,
    );
    expect(asked).toBe(pings);
  });
});

const NO_GIT: CommandRunner = {
  run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
};
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-env-failure-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the build stage', () => {
  // An arm64 build that hits an exec format error, with the local engine amd64.
  it.each<[string, string, string[], string]>([
    [
      'on the local engine (docker driver): exit 3, register QEMU there',
      'docker',
      ['default'],
      "build cpu/arm64: a linux/arm64 program could not start on the builder's linux/amd64 machine",
    ],
    [
      'on a docker-container builder of the local engine: exit 3, register QEMU there',
      'docker-container',
      [SOCKET],
      "build cpu/arm64: a linux/arm64 program could not start on the builder's linux/amd64 machine",
    ],
    // Its node may be an arm64 machine: the local engine's amd64 says nothing of it.
    [
      'on a docker-container builder of another machine: the fix says both cases',
      'docker-container',
      ['ssh://arm-host'],
      'build cpu/arm64: a program could not start (exec /bin/sh: exec format error): it is for another architecture',
    ],
  ])('%s', async (_what, driver, endpoints, message) => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
    const config = validateConfigData(
      { image: { name: 'o/m', registry: 'localhost:5000' }, platforms: ['linux/arm64'] },
      'x',
    );
    const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date(0) });
    let builds = 0;
    const docker = fakeDocker({
      buildxVersion: async () => '0.21.2',
      buildxInspect: async () => ({ name: 'b', driver, platforms: ['linux/amd64'], endpoints }),
      imageDigest: async () => `sha256:${'9'.repeat(64)}`,
      inspectLocalImage: async () => undefined,
      ping: async () => ({ version: '28.0.0', apiVersion: '1.48', os: 'linux', arch: 'amd64' }),
      buildx: async () => {
        builds += 1;
        return { exitCode: 1, stdout: '', stderr: QEMU_MISSING[0]! };
      },
    });
    const err = await runBuildStage(
      { plan, config, baseDir: dir, imagesDir: path.join(process.cwd(), 'images'), push: false },
      { docker, exec: NO_GIT, env: { SOURCE_DATE_EPOCH: '0' }, progress: () => {}, sleep: async () => {} },
    ).then(
      () => undefined,
      (e: unknown) => e as MlImageError,
    );
    expect(exitCodeOf(err)).toBe(3);
    expect(err?.message).toContain(message);
    expect(err?.fix).toContain('tonistiigi/binfmt --install arm64');
    expect(builds).toBe(1);
  });
});

describe('the builder the run pinned at its start is removed during the run', () => {
  const GONE = 'ERROR: no builder "builder-3f2a" found';
  it('a build on it: exit 3 naming the builder and the fix, not "fix the Dockerfile", not retried', () => {
    const err = thrown(attempt(GONE, 'linux/amd64'));
    expect(exitCodeOf(err)).toBe(3);
    expect(err.message).toContain('the buildx builder "builder-3f2a" this run uses is gone');
    expect(err.fix).toContain('the builder input');
    expect(err.fix).not.toContain('Dockerfile');
  });

  it('the merge on it (imagetools create): exit 3, not an exit-1 CLI failure', async () => {
    const { createBuildxCli } = await import('../../src/docker/buildx.js');
    const exec: CommandRunner = { run: async () => ({ exitCode: 1, stdout: '', stderr: GONE }) };
    const err = await createBuildxCli(exec)
      .imagetoolsCreate(['r/x:1'], ['r/x@sha256:' + '1'.repeat(64)], { builder: 'builder-3f2a' })
      .then(
        () => undefined,
        (e: unknown) => e as MlImageError,
      );
    expect(exitCodeOf(err)).toBe(3);
    expect(err?.message).toContain('"builder-3f2a" this run uses is gone');
  });
});

// Finding: a build that failed for what the request asked of the builder (allow, ssh,
// build-contexts, target) exited 1 with "fix the Dockerfile". buildx's own words, as it prints them.
describe('what the build request asked of the builder: not the Dockerfile', () => {
  const SOLVE =
    'ERROR: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0:';
  it.each<[string, string, number, RegExp, RegExp]>([
    [
      'an entitlement the builder does not grant',
      'ERROR: failed to solve: granting entitlement security.insecure is not allowed by build daemon configuration',
      3,
      /the builder does not grant the entitlement security\.insecure that the allow input asks for/,
      /--allow-insecure-entitlement security\.insecure/,
    ],
    // buildx refused --allow itself: exit 1, "fix the Dockerfile or requirements" (finding).
    [
      'an entitlement buildx does not know (a typo)',
      'ERROR: unknown entitlement network.hots',
      2,
      /the allow input names network\.hots, which is no entitlement buildx knows/,
      /network\.host or security\.insecure/,
    ],
    [
      'ssh without an agent',
      'ERROR: invalid empty ssh agent socket: make sure SSH_AUTH_SOCK is set',
      3,
      /the ssh input asks for the default ssh agent, and SSH_AUTH_SOCK names none/,
      /ssh-agent/,
    ],
    [
      'build-contexts on BuildKit 0.8',
      `${SOLVE} unsupported frontend capability moby.buildkit.frontend.contexts`,
      3,
      /lacks moby\.buildkit\.frontend\.contexts, which build-contexts needs/,
      /Docker 23 or later/,
    ],
    [
      'a target stage the Dockerfile lacks (BuildKit 0.8)',
      `${SOLVE} failed to create LLB definition: target stage nostage could not be found`,
      2,
      /the Dockerfile has no stage nostage, which the target input names/,
      /FROM \.\.\. AS <stage>/,
    ],
    [
      'the same, newer BuildKit (quoted)',
      'ERROR: failed to solve: target stage "nostage" could not be found',
      2,
      /the Dockerfile has no stage nostage/,
      /target/,
    ],
  ])('%s: exit %i, said as such with the fix', (_what, log, code, message, fix) => {
    const e = thrown(attempt(log, 'linux/amd64'));
    expect(e.exitCode).toBe(code);
    expect(e.message).toMatch(/^build cpu\/amd64 failed after 1\.0s: /);
    expect(e.message).toMatch(message);
    expect(e.fix).toMatch(fix);
  });

  it("a RUN step whose command names these words is the build's (exit 1)", () => {
    const log =
      'ERROR: failed to solve: process "/bin/sh -c echo target stage x could not be found; exit 1" did not complete successfully: exit code: 1';
    expect(thrown(attempt(log, 'linux/amd64')).exitCode).toBe(1);
  });
});

// Audit: docker buildx build killed by SIGKILL (the OOM killer) ended in "context canceled", read as
// a deterministic failure: "fix the Dockerfile or requirements", exit 1.
describe('the docker process killed by a signal this run did not send', () => {
  const CANCELED = `#8 [linux/arm64 3/5] RUN pip install tqdm
#8 CANCELED
ERROR: failed to solve: Canceled: context canceled`;

  it('exit 3 naming the signal and the OOM killer, not the Dockerfile', () => {
    const e = attemptError(CANCELED, {
      id: 'cpu/arm64',
      result: { exitCode: 137, stdout: '', stderr: CANCELED, signal: 'SIGKILL' },
      platform: 'linux/arm64',
    });
    expect(exitCodeOf(e)).toBe(3);
    expect(e.message).toBe(
      'build cpu/arm64: the docker buildx build process was killed by SIGKILL (exit 137), not by this run',
    );
    expect(e.fix).toMatch(/out-of-memory killer/);
  });

  it('the same log without a signal stays the build failure it was', () => {
    const e = thrown(attempt(CANCELED, 'linux/arm64'));
    expect(e.message).not.toMatch(/killed by/);
  });
});
