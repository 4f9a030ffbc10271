// Pulling an image before an inspect, a run or a session (src/docker/images.ts ensureImage): the
// engine's refusals, in its HTTP answer or as an error line of its 200 progress stream, are bad
// input (exit 2) or an environment problem (exit 3), never an internal error; an engine that takes
// a single-platform image of another platform is the image's lack, and no container is created.
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDockerAdapter } from '../../src/docker/engine.js';
import { progressError, pullFailure } from '../../src/docker/pull-failure.js';
import { EnvironmentError, InputError, type MlImageError } from '../../src/errors.js';
import { basePullError } from '../../src/resolve/base.js';
import { clearInterruptedForTests, InterruptedError, markInterrupted } from '../../src/util/cleanup.js';
import { engineHttpError, fakeDockerode } from '../helpers/fakes.js';

const IMAGE = 'registry.example:5000/team/base:1';
const PLATFORM = 'linux/arm64';

const inspectOf = (platform: string) => {
  const [os, arch] = platform.split('/');
  return { Id: `sha256:${arch}`, Os: os, Architecture: arch, Size: 10 };
};

interface Scenario {
  /** The image the engine holds before the pull (its platform), if any. */
  local?: string;
  /** The engine's inspect refuses with this (before any pull). */
  inspectError?: Error;
  /** The pull is refused at once with this error. */
  pullError?: Error;
  /** The pull's progress lines (the engine's answer is 200 all the same). */
  lines?: unknown[];
  /** The platform of the image a completed pull leaves (default: the one asked for), or of each. */
  pulls?: string | string[];
  /**
   * The containerd image store: several platforms under one tag, its inspect (with a Descriptor)
   * naming the host's (LOCAL) whatever was pulled.
   */
  containerd?: boolean;
}

/** A real dockerode (its progress reader) over an engine that answers as SCENARIO says. */
function fakeEngine(s: Scenario) {
  const calls = { pulls: [] as string[], creates: 0 };
  let local = s.local;
  const { dockerode } = fakeDockerode({
    getImage: () => ({
      inspect: async () => {
        if (s.inspectError) throw s.inspectError;
        if (local === undefined) throw engineHttpError(404, `No such image: ${IMAGE}`);
        if (s.containerd)
          return {
            ...inspectOf(s.local ?? local),
            Descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json' },
          };
        return inspectOf(local);
      },
    }),
    pull: async (ref: string, opts: { platform?: string }) => {
      calls.pulls.push(`${ref} ${opts.platform ?? ''}`);
      if (s.pullError) throw s.pullError;
      const lines = s.lines ?? [{ status: 'Status: Downloaded newer image' }];
      const left = Array.isArray(s.pulls) ? s.pulls[calls.pulls.length - 1] : s.pulls;
      if (!lines.some((l) => typeof l === 'object' && l !== null && 'error' in l))
        local = left ?? opts.platform ?? 'linux/amd64';
      return Readable.from(lines.map((l) => `${JSON.stringify(l)}\r\n`));
    },
    createContainer: async () => {
      calls.creates++;
      throw new Error('no container may be created');
    },
  });
  const docker = createDockerAdapter({
    docker: dockerode,
    exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
  });
  return { docker, calls };
}

/** Every caller path that pulls: capture's inspect, smoke's run, resolve's session. */
const CALLERS: [string, (d: DockerAdapter, platform?: string) => Promise<unknown>][] = [
  ['inspectImage (capture)', (d, platform) => d.inspectImage(IMAGE, platform)],
  ['runContainer (smoke)', (d, platform) => d.runContainer({ image: IMAGE, cmd: ['true'], platform })],
  ['startSession (resolve)', (d, platform) => d.startSession({ image: IMAGE, platform })],
];

async function failure(p: Promise<unknown>): Promise<MlImageError> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, 'the call must fail').toBeInstanceOf(Error);
  return e as MlImageError;
}

const errorLine = (message: string) => ({ errorDetail: { message }, error: message });

// build.json's digest alone (`smoke --image sha256:...`): docker would pull "sha256" from Docker
// Hub at that tag and fail as an unreachable registry (exit 3). No pull: exit 2, saying why.
describe('an image ID the engine does not hold', () => {
  const ID = `sha256:${'a'.repeat(64)}`;
  it.each<[string, (d: DockerAdapter) => Promise<unknown>]>([
    ['inspectImage (capture)', (d) => d.inspectImage(ID, 'linux/amd64')],
    ['runContainer (smoke)', (d) => d.runContainer({ image: ID, cmd: ['true'], platform: 'linux/amd64' })],
    ['startSession (resolve)', (d) => d.startSession({ image: ID, platform: 'linux/amd64' })],
  ])('%s: exit 2 naming it, nothing pulled', async (_, call) => {
    const { docker, calls } = fakeEngine({});
    const e = await failure(call(docker));
    expect(e).toBeInstanceOf(InputError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(`image "${ID}": the engine holds no image with this ID`);
    expect(e.fix).toMatch(/REPOSITORY@sha256:<digest>/);
    expect(calls.pulls).toEqual([]);
  });
});

describe('a pull the engine refuses in its progress stream', () => {
  it.each([
    // The engine's words (dockerd 20.10 and the containerd image store) for a platform the image lacks.
    [
      'no matching manifest for linux/arm64 in the manifest list entries',
      InputError,
      /has no variant for linux\/arm64/,
    ],
    [
      'no match for platform in manifest sha256:abc: not found',
      InputError,
      /has no variant for linux\/arm64/,
    ],
    [
      `image with reference ${IMAGE} was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64`,
      InputError,
      /has no variant for linux\/arm64/,
    ],
    [
      `manifest for ${IMAGE} not found: manifest unknown: manifest unknown`,
      InputError,
      /^cannot pull image \S+: manifest for .* \(for linux\/arm64\)$/,
    ],
    // The registry or the network failing partway: exit 3.
    ['unexpected EOF', EnvironmentError, /\(for linux\/arm64\): the registry failed during the pull$/],
    [
      'read tcp 10.0.0.1:443: read: connection reset by peer',
      EnvironmentError,
      /\(for linux\/arm64\): the registry failed during the pull$/,
    ],
    ['received unexpected HTTP status: 503 Service Unavailable', EnvironmentError, /the registry failed/],
    [
      'Get "https://registry.example:5000/v2/": dial tcp 10.0.0.9:5000: connect: connection refused',
      EnvironmentError,
      /\(for linux\/arm64\): the registry is unreachable$/,
    ],
    [
      'Get "https://registry.example:5000/v2/": net/http: TLS handshake timeout',
      EnvironmentError,
      /\(for linux\/arm64\): the registry is unreachable$/,
    ],
  ])('%s', async (message, kind, said) => {
    for (const [caller, call] of CALLERS) {
      const { docker, calls } = fakeEngine({
        lines: [{ status: 'Pulling from team/base' }, errorLine(message)],
      });
      const e = await failure(call(docker, PLATFORM));
      expect(e, caller).toBeInstanceOf(kind);
      expect(e.message, caller).toMatch(said);
      expect(e.message, caller).toContain(IMAGE);
      expect(e.message, caller).toContain(message);
      expect(calls.creates, caller).toBe(0);
    }
  });

  it('a missing platform: the fix says how to see the platforms the image has', async () => {
    const { docker } = fakeEngine({
      lines: [errorLine('no matching manifest for linux/arm64 in the manifest list entries')],
    });
    const e = await failure(docker.inspectImage(IMAGE, PLATFORM));
    expect(e.exitCode).toBe(2);
    expect(e.fix).toContain(`docker buildx imagetools inspect ${IMAGE}`);
  });

  it('an error line without errorDetail is read too; progress lines without one are not errors', () => {
    expect(progressError([{ status: 'Pulling fs layer', id: 'a' }, { error: 'unexpected EOF' }])).toBe(
      'unexpected EOF',
    );
    expect(progressError([{ status: 'Downloading', progressDetail: { current: 1 } }, 'x', null])).toBe(
      undefined,
    );
  });
});

describe('a pull the engine refuses in its HTTP answer', () => {
  it.each([
    [404, `manifest for ${IMAGE} not found: manifest unknown: manifest unknown`, InputError],
    [400, 'invalid reference format: repository name must be lowercase', InputError],
    [
      500,
      'Get "http://localhost:5999/v2/": dial tcp 127.0.0.1:5999: connect: connection refused',
      EnvironmentError,
    ],
    [500, 'received unexpected HTTP status: 502 Bad Gateway', EnvironmentError],
    [
      500,
      'Head "https://registry.example:5000/v2/team/base/manifests/1": unauthorized: authentication required',
      InputError,
    ],
  ])('HTTP %i %s', async (status, message, kind) => {
    const { docker } = fakeEngine({ pullError: engineHttpError(status, message) });
    const e = await failure(docker.inspectImage(IMAGE, PLATFORM));
    expect(e).toBeInstanceOf(kind);
    expect(e.message).toContain(IMAGE);
    expect(e.message).toContain(message);
    expect(e.message).not.toContain('HTTP code');
  });

  it("a registry's refusal, in the stream too, stays one the resolver reads as a private base (exit 3)", async () => {
    const denied = 'Head "https://registry.example:5000/v2/team/base/manifests/1": denied: denied';
    const { docker } = fakeEngine({ lines: [errorLine(denied)] });
    const e = basePullError(
      await failure(docker.startSession({ image: IMAGE, platform: PLATFORM })),
      IMAGE,
      PLATFORM,
    );
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as Error).message).toContain('the registry refused the pull of the base image');
  });
});

describe('the local inspect before the pull', () => {
  it('a malformed reference (HTTP 400): exit 2 naming it, no pull', async () => {
    const { docker, calls } = fakeEngine({
      inspectError: engineHttpError(
        400,
        'no such image: UPPER/x:1: invalid reference format: repository name must be lowercase',
      ),
    });
    const e = await failure(docker.inspectImage('UPPER/x:1', undefined));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toBe(
      'invalid image reference "UPPER/x:1": invalid reference format: repository name must be lowercase',
    );
    expect(calls.pulls).toEqual([]);
  });

  it('any other refusal: exit 3 naming the image and the answer', async () => {
    const { docker } = fakeEngine({ inspectError: engineHttpError(500, 'layer does not exist') });
    const e = await failure(docker.inspectImage(IMAGE, undefined));
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.message).toBe(
      `the Docker engine failed to inspect image ${IMAGE} (HTTP 500): layer does not exist`,
    );
  });
});

describe('an engine that takes a single-platform image of another platform (dockerd 20.10)', () => {
  it('is exit 2 naming the platform asked for and the one the image has, after one more pull', async () => {
    for (const [caller, call] of CALLERS) {
      const { docker, calls } = fakeEngine({ pulls: 'linux/amd64' });
      const e = await failure(call(docker, PLATFORM));
      expect(e, caller).toBeInstanceOf(InputError);
      expect(e.message, caller).toBe(`image ${IMAGE} has no variant for linux/arm64: it is linux/amd64 only`);
      expect(calls.pulls, caller).toEqual([`${IMAGE} ${PLATFORM}`, `${IMAGE} ${PLATFORM}`]);
      expect(calls.creates, caller).toBe(0);
    }
  });

  it('a tag another pull moved meanwhile: pulled once more, then used', async () => {
    // The first pull leaves the tag on amd64 (another run pulled it for amd64), the second on arm64.
    const { docker, calls } = fakeEngine({ pulls: ['linux/amd64', PLATFORM] });
    await expect(docker.inspectImage(IMAGE, PLATFORM)).resolves.toMatchObject({ architecture: 'arm64' });
    expect(calls.pulls).toHaveLength(2);
  });

  it("the containerd image store (its inspect names the host's platform): one clean pull is enough", async () => {
    const { docker, calls } = fakeEngine({ local: 'linux/amd64', containerd: true });
    await expect(docker.inspectImage(IMAGE, PLATFORM)).resolves.toBeDefined();
    expect(calls.pulls).toEqual([`${IMAGE} ${PLATFORM}`]);
    // A platform the image lacks is still the pull's own error there.
    const missing = fakeEngine({
      local: 'linux/amd64',
      containerd: true,
      lines: [errorLine('no match for platform in manifest: not found')],
    });
    const e = await failure(missing.docker.inspectImage(IMAGE, PLATFORM));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toContain('has no variant for linux/arm64');
  });

  it('an image already local for the platform: no pull', async () => {
    const { docker, calls } = fakeEngine({ local: PLATFORM });
    await expect(docker.inspectImage(IMAGE, PLATFORM)).resolves.toMatchObject({ architecture: 'arm64' });
    expect(calls.pulls).toEqual([]);
  });
});

// dockerd 20.10's classic store keeps one image per REPOSITORY@DIGEST: an index digest pulled for
// amd64 names the amd64 image, and its pull for arm64 is refused. Not "check the image reference and
// that it exists" (the reference is fine): exit 3, with a fix that works.
describe('an engine that holds another platform under the index digest', () => {
  const INDEX = `registry.example:5000/team/base@sha256:${'b'.repeat(64)}`;
  const said = `Cannot overwrite digest sha256:${'b'.repeat(64)}`;
  it.each<[string, Scenario]>([
    ['in the progress stream', { local: 'linux/amd64', lines: [errorLine(said)] }],
    ['in the HTTP answer', { local: 'linux/amd64', pullError: engineHttpError(500, said) }],
  ])('%s: exit 3 naming the platform digest and docker rmi as the fixes', async (_, s) => {
    const { docker, calls } = fakeEngine(s);
    for (const [caller, call] of [
      ['inspectImage (capture)', () => docker.inspectImage(INDEX, PLATFORM)],
      [
        'runContainer (smoke)',
        () => docker.runContainer({ image: INDEX, cmd: ['true'], platform: PLATFORM }),
      ],
    ] as const) {
      const e = await failure(call());
      expect(e, caller).toBeInstanceOf(EnvironmentError);
      expect(e.exitCode, caller).toBe(3);
      expect(e.message, caller).toBe(
        `cannot pull image ${INDEX}: ${said} (for linux/arm64): the engine holds another platform's image under this digest, and keeps one image per digest reference`,
      );
      expect(e.fix, caller).toBe(
        `run the platform's own image: "docker buildx imagetools inspect ${INDEX}" lists each platform's digest, pass registry.example:5000/team/base@<that digest>; or remove the local one first: "docker rmi ${INDEX}"`,
      );
    }
    expect(calls.creates).toBe(0);
  });
});

describe('pullFailure without a platform', () => {
  it("names the engine's platform", () => {
    const e = pullFailure(
      IMAGE,
      undefined,
      'no matching manifest for linux/amd64 in the manifest list entries',
    );
    expect(e.message).toBe(
      `image ${IMAGE} has no variant for the engine's platform (no matching manifest for linux/amd64 in the manifest list entries)`,
    );
  });
});

// After SIGINT/SIGTERM a pull is not started, and one under way is aborted: the resolver's pull
// began after a SIGTERM (its base lookup took the interrupt for "no answer"), the engine kept
// asking a registry that did not answer, and the exit waited without its error line.
describe('a pull and the interrupt', () => {
  afterEach(() => clearInterruptedForTests());

  it.each(CALLERS)('%s: none is started after SIGTERM (exit 143)', async (_n, call) => {
    const { docker, calls } = fakeEngine({});
    markInterrupted('SIGTERM');
    const e = await failure(call(docker, PLATFORM));
    expect(e).toBeInstanceOf(InterruptedError);
    expect(e.exitCode).toBe(143);
    expect(e.message).toBe(`interrupted by SIGTERM: not starting a pull of ${IMAGE}, the process is exiting`);
    expect(calls.pulls).toEqual([]);
  });

  it.each(CALLERS)('%s: one under way is aborted by SIGINT, and said so (exit 130)', async (_n, call) => {
    let signal: AbortSignal | undefined;
    const { dockerode } = fakeDockerode({
      getImage: () => ({ inspect: async () => Promise.reject(engineHttpError(404, 'No such image')) }),
      // A registry that never answers: the progress stream stays open until the request is aborted.
      pull: async (_ref: string, opts: { abortSignal?: AbortSignal }) => {
        signal = opts.abortSignal;
        const stream = new Readable({ read() {} });
        signal?.addEventListener('abort', () => stream.destroy(new Error('The operation was aborted')));
        return stream;
      },
    });
    const docker = createDockerAdapter({
      docker: dockerode,
      exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
    });
    const pending = failure(call(docker, PLATFORM));
    await vi.waitFor(() => expect(signal).toBeDefined());
    markInterrupted('SIGINT');
    const e = await pending;
    expect(e).toBeInstanceOf(InterruptedError);
    expect(e.exitCode).toBe(130);
    expect(e.message).toBe(`interrupted by SIGINT: a pull of ${IMAGE} was stopped (aborted)`);
  });
});
