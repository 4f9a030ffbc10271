// One platform of a local image (src/docker/images.ts ensureImage, inspectImage, imageHistory;
// containers-spec.ts runArgv) on engines shaped like moby's answers:
// - the containerd image store keeps several platforms under one tag, and its inspect and history
//   without `platform` answer for any platform it holds, the host's first (moby
//   daemon/containerd/platform_matchers.go matchRequestedOrDefault; image_inspect.go, image_history.go);
// - GET /images/NAME/json takes `platform` (a JSON OCI platform) from API 1.49, /history from 1.48,
//   and older versions ignore it (moby api/server/router/image/image_routes.go getImagesByName,
//   getImagesHistory); a platform the image lacks is 404 ("was found but does not provide the
//   specified platform");
// - the inspect's Descriptor is there on the containerd store only, and stripped below API 1.48
//   (image_routes.go: versions.LessThan(version, "1.48") → Descriptor = nil): Docker 27 has none;
// - its info's DriverStatus is [["driver-type", "io.containerd.snapshotter.v1"]] there
//   (daemon/containerd/service.go LayerStoreStatus);
// - the classic store (dockerd 20.10, API 1.41) holds one platform under a tag: the last pulled.
import { Readable } from 'node:stream';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { describe, expect, it } from 'vitest';
import { runArgv } from '../../src/docker/containers-spec.js';
import { layerHistory } from '../../src/capture/capture.js';
import { apiAtLeast, platformQuery } from '../../src/docker/image-platform.js';
import { ensureImage, imageHistory, inspectImage } from '../../src/docker/images.js';
import { InputError } from '../../src/errors.js';
import { engineHttpError, fakeDockerode } from '../helpers/fakes.js';

const IMAGE = 'mybase:latest';
const AMD = 'linux/amd64';
const ARM = 'linux/arm64';

interface Engine {
  api: string;
  containerd: boolean;
  host: string;
  /** The platforms the engine holds under IMAGE (the classic store: one). */
  held: string[];
  /** The platforms the registry has; none: never pushed (a pull is refused). */
  registry?: string[];
}

const arch = (platform: string) => platform.split('/')[1]!;
const atLeast = (api: string, min: number) => Number(api.split('.')[1]) >= min;

/** A real dockerode (its progress reader) over an engine that answers as ENGINE says. */
function fakeEngine(e: Engine) {
  const calls = { pulls: [] as string[], queries: [] as string[], infos: 0, versions: 0 };
  const held = [...e.held];
  /** The platform an answer without `platform` is of: the host's where held, else the first. */
  const defaultPlatform = () => (held.includes(e.host) ? e.host : held[0]);
  const inspectOf = (platform: string) => ({
    Id: `sha256:${arch(platform)}`,
    RepoTags: [IMAGE],
    Os: 'linux',
    Architecture: arch(platform),
    Size: 10,
    Config: { Cmd: [`/bin/${arch(platform)}`], Env: [] },
    ...(e.containerd &&
      atLeast(e.api, 48) && { Descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json' } }),
  });
  const historyOf = (platform: string) => [{ CreatedBy: `RUN build-${arch(platform)}`, Size: 5 }];
  const answer = (what: string, platform: string | undefined) => {
    const p = platform ?? defaultPlatform();
    if (p === undefined) throw engineHttpError(404, `No such image: ${IMAGE}`);
    if (!held.includes(p))
      throw engineHttpError(
        404,
        `image with reference ${IMAGE} was found but does not provide the specified platform (${p})`,
      );
    return what === 'json' ? inspectOf(p) : historyOf(p);
  };
  const { client } = fakeDockerode(
    {
      version: async () => {
        calls.versions++;
        return { Version: 'x', ApiVersion: e.api, Os: 'linux', Arch: arch(e.host) };
      },
      info: async () => {
        calls.infos++;
        return {
          DriverStatus: e.containerd
            ? [['driver-type', 'io.containerd.snapshotter.v1']]
            : [['Backing Filesystem', 'extfs']],
        };
      },
      getImage: () => ({
        inspect: async () => answer('json', undefined),
        history: async () => answer('history', undefined),
      }),
      pull: async (ref: string, opts: { platform?: string }) => {
        calls.pulls.push(`${ref} ${opts.platform ?? ''}`);
        const p = opts.platform ?? e.host;
        if (!e.registry)
          throw engineHttpError(
            404,
            `pull access denied for mybase, repository does not exist or may require 'docker login'`,
          );
        if (!e.registry.includes(p))
          throw engineHttpError(404, 'no match for platform in manifest: not found');
        if (e.containerd) held.push(p);
        else held.splice(0, held.length, p);
        return Readable.from([`${JSON.stringify({ status: 'Status: Downloaded newer image' })}\r\n`]);
      },
    },
    (opts, cb) => {
      const what = opts.path.includes('/history') ? 'history' : 'json';
      const query = opts.options?.platform;
      if (query !== undefined) calls.queries.push(`${what} ${query}`);
      // An engine below the API version that takes `platform` ignores it.
      const takes = query !== undefined && atLeast(e.api, what === 'json' ? 49 : 48);
      const parsed = takes ? (JSON.parse(query) as { os: string; architecture: string }) : undefined;
      try {
        cb(null, answer(what, parsed && `${parsed.os}/${parsed.architecture}`));
      } catch (err) {
        cb(err);
      }
    },
  );
  return { client, calls };
}

describe('the platform asked of a local multi-platform image', () => {
  it.each([
    {
      row: 'containerd store, API 1.51, holding amd64+arm64 (never pushed): no pull, arm64 answered',
      engine: { api: '1.51', containerd: true, host: AMD, held: [AMD, ARM] },
      pulls: [],
      arch: 'arm64',
    },
    {
      row: 'containerd store, API 1.51, holding amd64: arm64 is 404 there, so pulled, then answered',
      engine: { api: '1.51', containerd: true, host: AMD, held: [AMD], registry: [AMD, ARM] },
      pulls: [`${IMAGE} ${ARM}`],
      arch: 'arm64',
    },
    {
      row: 'classic store, API 1.41, holding amd64: pulled as before, never asked per platform',
      engine: { api: '1.41', containerd: false, host: AMD, held: [AMD], registry: [AMD, ARM] },
      pulls: [`${IMAGE} ${ARM}`],
      arch: 'arm64',
    },
    {
      row: 'containerd store, API 1.47 (Docker 27, no Descriptor): one clean pull, no false "no variant"',
      engine: { api: '1.47', containerd: true, host: AMD, held: [AMD], registry: [AMD, ARM] },
      pulls: [`${IMAGE} ${ARM}`],
      // Below API 1.49 the engine cannot be asked: its inspect is the host's platform's.
      arch: 'amd64',
    },
  ])('$row', async ({ engine, pulls, arch: expected }) => {
    const { client, calls } = fakeEngine(engine);
    const details = await inspectImage(client, IMAGE, ARM);
    expect(calls.pulls).toEqual(pulls);
    expect(details).toMatchObject({ architecture: expected, cmd: [`/bin/${expected}`] });
    if (!atLeast(engine.api, 49)) expect(calls.queries.filter((q) => q.startsWith('json'))).toEqual([]);
  });

  it('the classic store (API 1.41): the requests are as before (no platform query, no info)', async () => {
    const { client, calls } = fakeEngine({ api: '1.41', containerd: false, host: AMD, held: [ARM] });
    await ensureImage(client, IMAGE, ARM);
    await inspectImage(client, IMAGE, ARM);
    expect(calls).toEqual({ pulls: [], queries: [], infos: 0, versions: 0 });
  });

  it('API 1.48 (Descriptor, cannot be asked): a refused pull says the engine may hold the platform', async () => {
    const { client, calls } = fakeEngine({ api: '1.48', containerd: true, host: AMD, held: [AMD, ARM] });
    const e = await ensureImage(client, IMAGE, ARM).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toContain('pull access denied');
    expect((e as Error).message).toContain(
      `the engine holds ${IMAGE} for linux/amd64, perhaps for other platforms too: below API 1.49 it cannot be asked which`,
    );
    expect(calls.pulls).toEqual([`${IMAGE} ${ARM}`]);
  });

  describe('an image ID (the resolver runs a local list by it: resolve/base.ts) is never pulled', () => {
    const ID = `sha256:${'1'.repeat(64)}`;
    it('containerd store, API 1.45 (Docker 26: cannot be asked): taken for arm64, the create says the rest', async () => {
      const { client, calls } = fakeEngine({ api: '1.45', containerd: true, host: AMD, held: [AMD, ARM] });
      await expect(ensureImage(client, ID, ARM)).resolves.toBeUndefined();
      expect(calls.pulls).toEqual([]);
    });
    it('containerd store, API 1.51, holding amd64 only: asked, 404, "no variant" without a pull', async () => {
      const { client, calls } = fakeEngine({ api: '1.51', containerd: true, host: AMD, held: [AMD] });
      await expect(ensureImage(client, ID, ARM)).rejects.toThrow(/has no variant for linux\/arm64/);
      expect(calls.pulls).toEqual([]);
    });
    it('classic store, holding amd64: "no variant ... linux/amd64 only" without a pull', async () => {
      const { client, calls } = fakeEngine({ api: '1.41', containerd: false, host: AMD, held: [AMD] });
      await expect(ensureImage(client, ID, ARM)).rejects.toThrow(
        `image ${ID} has no variant for linux/arm64: it is linux/amd64 only`,
      );
      expect(calls.pulls).toEqual([]);
    });
  });

  it("a run's argv comes from the platform's own config (runArgv)", async () => {
    const { client } = fakeEngine({ api: '1.51', containerd: true, host: AMD, held: [AMD, ARM] });
    await expect(runArgv(client, { image: IMAGE, cmd: [], platform: ARM })).resolves.toEqual(['/bin/arm64']);
    await expect(runArgv(client, { image: IMAGE, cmd: [], platform: AMD })).resolves.toEqual(['/bin/amd64']);
  });

  it.each([
    { api: '1.51', created: 'RUN build-arm64', queried: true },
    { api: '1.48', created: 'RUN build-arm64', queried: true },
    { api: '1.47', created: 'RUN build-amd64', queried: false },
  ])(
    'the history for a platform on API $api, after the inspect found another platform',
    async ({ api, created, queried }) => {
      const { client, calls } = fakeEngine({ api, containerd: true, host: AMD, held: [AMD, ARM] });
      await inspectImage(client, IMAGE, ARM).catch(() => undefined); // as capture does, first
      calls.queries.length = 0;
      const history = await imageHistory(client, IMAGE, ARM);
      expect(history.map((h) => h.createdBy)).toEqual([created]);
      expect(calls.queries).toEqual(queried ? [`history ${platformQuery(ARM)}`] : []);
    },
  );

  it("the tag's own platform is the one wanted: the plain history, no GET /version for it", async () => {
    const { client, calls } = fakeEngine({ api: '1.51', containerd: true, host: AMD, held: [AMD, ARM] });
    const history = await imageHistory(client, IMAGE, AMD);
    expect(history.map((h) => h.createdBy)).toEqual(['RUN build-amd64']);
    expect([calls.queries, calls.versions]).toEqual([[], 0]);
  });

  it('the classic store: no platform query on the history either, and no GET /version', async () => {
    const { client, calls } = fakeEngine({ api: '1.41', containerd: false, host: AMD, held: [ARM] });
    await expect(imageHistory(client, IMAGE, ARM)).resolves.toHaveLength(1);
    expect([calls.queries, calls.versions]).toEqual([[], 0]);
  });
});

describe("capture's layer history", () => {
  it('asks for the platform captured', async () => {
    const asked: unknown[] = [];
    const docker = {
      imageHistory: async (...args: unknown[]) => {
        asked.push(args);
        return [{ createdBy: 'RUN x', sizeBytes: 1, empty: false }];
      },
    } as unknown as DockerAdapter;
    await expect(layerHistory(IMAGE, docker, ARM)).resolves.toEqual([{ createdBy: 'RUN x', sizeBytes: 1 }]);
    expect(asked).toEqual([[IMAGE, ARM]]);
  });
});

describe('pure helpers', () => {
  it.each([
    ['1.49', '1.49', true],
    ['1.51', '1.49', true],
    ['1.48', '1.49', false],
    ['1.41', '1.48', false],
    ['2.0', '1.49', true],
    ['', '1.48', false],
  ])('apiAtLeast(%s, %s) is %s', (version, min, expected) => {
    expect(apiAtLeast(version, min)).toBe(expected);
  });

  it('platformQuery is a JSON OCI platform, the variant where named', () => {
    expect(platformQuery('linux/arm64')).toBe('{"os":"linux","architecture":"arm64"}');
    expect(platformQuery('linux/arm/v7')).toBe('{"os":"linux","architecture":"arm","variant":"v7"}');
  });
});
