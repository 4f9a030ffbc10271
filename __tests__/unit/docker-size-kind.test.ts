// The kind of an image's size (src/docker/size-kind.ts, image-size.ts): it depends on the engine's
// image store, found on a real dockerd 26 with the containerd store (62,659,439 bytes of content)
// against the classic overlay2 store (185,945,785 unpacked) for the same amd64 image. Engines
// shaped like moby's answers:
// - docker info's DriverStatus: [["driver-type", "io.containerd.snapshotter.v1"]] on the containerd
//   store (daemon/containerd/service.go LayerStoreStatus), the graphdriver's status otherwise;
// - the inspect's Descriptor is the containerd store's (API 1.48+); overlay2's GraphDriver has its
//   directories; the containerd store names its snapshotter ("overlayfs") without them;
// - the containerd store's inspect Size: the platform's packed content up to Docker 29.7, content
//   plus unpacked snapshots from moby#53426 on; `manifests=1` (API 1.48+) lists each manifest's
//   Size.Content and Size.Total.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureImage, imageSize as captureSize } from '../../src/capture/capture.js';
import type { DockerAdapter, ImageDetails } from '../../src/docker/adapter.js';
import { createContainerOps } from '../../src/docker/containers.js';
import { imageSize } from '../../src/docker/image-size.js';
import { contentSizeOf, sizeKindOfStore, storeOfInfo, storeOfInspect } from '../../src/docker/size-kind.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker, fakeDockerode, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const CONTENT = 62_659_439;
const UNPACKED = 185_945_785;
const OVERLAY2 = {
  Name: 'overlay2',
  Data: { LowerDir: '/var/lib/docker/overlay2/a/diff', UpperDir: '/var/lib/docker/overlay2/b/diff' },
};
const manifest = (arch: string, content: number, extra: object = {}) => ({
  ID: `sha256:${arch}`,
  Kind: 'image',
  Available: true,
  Size: { Content: content, Total: content + UNPACKED },
  ImageData: { Platform: { os: 'linux', architecture: arch, ...extra }, Size: { Unpacked: UNPACKED } },
});

describe('the image store, from docker info and the inspect', () => {
  it.each([
    [
      'containerd store (dockerd 26)',
      { DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']] },
      'containerd',
    ],
    [
      'classic overlay2',
      {
        DriverStatus: [
          ['Backing Filesystem', 'extfs'],
          ['Supports d_type', 'true'],
        ],
      },
      'classic',
    ],
    ['a driver with no status', { DriverStatus: [] }, 'classic'],
    ['no DriverStatus at all', { Driver: 'overlayfs' }, undefined],
    ['not an info', 'oops', undefined],
  ])('info: %s', (_row, info, store) => {
    expect(storeOfInfo(info)).toBe(store);
  });

  it.each([
    ['a Descriptor (containerd store, API 1.48+)', { Descriptor: { mediaType: 'x' }, Size: 1 }, 'containerd'],
    ['overlay2 with its directories (classic)', { GraphDriver: OVERLAY2 }, 'classic'],
    [
      'the snapshotter named, no directories (containerd, API < 1.48)',
      { GraphDriver: { Name: 'overlayfs', Data: null } },
      undefined,
    ],
    ['btrfs (either store has one): the info tells', { GraphDriver: { Name: 'btrfs', Data: {} } }, undefined],
    ['nothing to tell by', { Id: 'sha256:x' }, undefined],
  ])('inspect: %s', (_row, inspect, store) => {
    expect(storeOfInspect(inspect)).toBe(store);
  });

  it('each store has its kind of size', () => {
    expect(sizeKindOfStore('classic')).toBe('unpacked');
    expect(sizeKindOfStore('containerd')).toBe('content');
  });
});

describe("the platform's content size in the manifests' summary", () => {
  const listed = {
    Manifests: [
      manifest('arm64', 61_000_000, { variant: 'v8' }),
      { ID: 'sha256:att', Kind: 'attestation', Available: true, Size: { Content: 9, Total: 9 } },
      manifest('amd64', CONTENT),
    ],
  };
  it.each([
    ['amd64', { os: 'linux', architecture: 'amd64' }, CONTENT],
    ['arm64, the image naming v8 and the inspect none', { os: 'linux', architecture: 'arm64' }, 61_000_000],
    ['arm64 v8 asked, v8 listed', { os: 'linux', architecture: 'arm64', variant: 'v8' }, 61_000_000],
    ['arm/v7: not listed', { os: 'linux', architecture: 'arm', variant: 'v7' }, undefined],
  ])('%s', (_row, platform, size) => {
    expect(contentSizeOf(listed, platform)).toBe(size);
  });

  it('no Manifests (an engine below API 1.48 ignores the option): undefined', () => {
    expect(contentSizeOf({ Size: 5 }, { os: 'linux', architecture: 'amd64' })).toBeUndefined();
  });
});

interface Engine {
  api: string;
  /** What docker info says; an Error: it fails. */
  info: object | Error;
  inspect: object;
  /** The answer to manifests=1 (an engine below 1.48 ignores the option: the plain inspect). */
  manifests?: object;
}

function fakeEngine(e: Engine) {
  const calls = { infos: 0, manifests: 0 };
  /** The image inspects asked (GET /images/REF/json, with a platform or without, not manifests=1). */
  const inspects = { count: 0 };
  const plain = { Id: 'sha256:i', Os: 'linux', Architecture: 'amd64', ...e.inspect };
  const { client } = fakeDockerode(
    {
      version: async () => ({ ApiVersion: e.api }),
      info: async () => {
        calls.infos++;
        if (e.info instanceof Error) throw e.info;
        return e.info;
      },
      getImage: () => ({
        inspect: async () => {
          inspects.count++;
          return plain;
        },
      }),
    },
    (opts, cb) => {
      if (opts.options?.manifests) calls.manifests++;
      else inspects.count++;
      cb(null, opts.options?.manifests && e.manifests ? { ...plain, ...e.manifests } : plain);
    },
  );
  return { client, calls, inspects };
}

/** An inspect's details as the adapter reports them (inspectImage). */
const DETAILS: ImageDetails = imageDetails({ id: 'sha256:abc', sizeBytes: 0, layers: 3 });

const C8D_INFO = { DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']] };

describe("the engine's size of an image and its kind (imageSize)", () => {
  it.each([
    {
      row: 'classic overlay2: the inspect tells, no info asked',
      engine: {
        api: '1.45',
        info: new Error('not asked'),
        inspect: { Size: UNPACKED, GraphDriver: OVERLAY2 },
      },
      size: { sizeBytes: UNPACKED, kind: 'unpacked' },
      calls: { infos: 0, manifests: 0 },
    },
    {
      row: 'containerd store on dockerd 26 (API 1.45, no Descriptor): the info tells, Size is the content',
      engine: { api: '1.45', info: C8D_INFO, inspect: { Size: CONTENT, GraphDriver: { Name: 'overlayfs' } } },
      size: { sizeBytes: CONTENT, kind: 'content' },
      calls: { infos: 1, manifests: 0 },
    },
    {
      row: 'containerd store after moby#53426 (Size = content + unpacked): the content from the manifests',
      engine: {
        api: '1.56',
        info: new Error('not asked'),
        inspect: { Size: CONTENT + UNPACKED, Descriptor: { mediaType: 'x' } },
        manifests: { Manifests: [manifest('arm64', 1), manifest('amd64', CONTENT)] },
      },
      size: { sizeBytes: CONTENT, kind: 'content' },
      calls: { infos: 0, manifests: 1 },
    },
    {
      row: 'containerd store, API 1.48, the inspect of another platform: the one asked for is read',
      engine: {
        api: '1.48',
        info: C8D_INFO,
        inspect: { Size: 1 + UNPACKED, Architecture: 'arm64', Descriptor: { mediaType: 'x' } },
        manifests: { Manifests: [manifest('arm64', 1), manifest('amd64', CONTENT)] },
      },
      size: { sizeBytes: CONTENT, kind: 'content' },
      calls: { infos: 0, manifests: 1 },
    },
    {
      row: 'the store cannot be told (docker info fails, the inspect shows none): no kind',
      engine: { api: '1.45', info: new Error('info refused'), inspect: { Size: UNPACKED } },
      size: { sizeBytes: UNPACKED },
      calls: { infos: 1, manifests: 0 },
    },
  ])('$row', async ({ engine, size, calls: expected }) => {
    const { client, calls } = fakeEngine(engine as Engine);
    await expect(imageSize(client, 'mybase:latest', 'linux/amd64')).resolves.toEqual(size);
    expect(calls).toEqual(expected);
  });
});

describe("imageSize given the capture's inspect: the image is not inspected again", () => {
  const CLASSIC = {
    api: '1.45',
    info: new Error('not asked'),
    inspect: { Size: UNPACKED, GraphDriver: OVERLAY2 },
  };
  it.each([
    {
      row: 'the classic store the inspect showed: nothing asked at all',
      engine: CLASSIC,
      store: 'classic' as const,
      size: { sizeBytes: UNPACKED, kind: 'unpacked' },
      calls: { infos: 0, manifests: 0 },
    },
    {
      row: 'an inspect that showed no store: the info tells (asked once per client), no inspect',
      engine: { api: '1.45', info: C8D_INFO, inspect: { Size: CONTENT } },
      store: undefined,
      size: { sizeBytes: CONTENT, kind: 'content' },
      calls: { infos: 1, manifests: 0 },
    },
    {
      row: 'the containerd store (API 1.56): the manifests only',
      engine: {
        api: '1.56',
        info: new Error('not asked'),
        inspect: { Size: CONTENT + UNPACKED, Descriptor: { mediaType: 'x' } },
        manifests: { Manifests: [manifest('amd64', CONTENT)] },
      },
      store: 'containerd' as const,
      size: { sizeBytes: CONTENT, kind: 'content' },
      calls: { infos: 0, manifests: 1 },
    },
  ])('$row', async ({ engine, store, size, calls: expected }) => {
    const { client, calls, inspects } = fakeEngine(engine as Engine);
    const inspected = {
      ...DETAILS,
      sizeBytes: (engine.inspect as { Size: number }).Size,
      ...(store !== undefined && { store }),
    };
    await expect(imageSize(client, 'mybase:latest', 'linux/amd64', inspected)).resolves.toEqual(size);
    expect(calls).toEqual(expected);
    expect(inspects.count).toBe(0);
  });

  it('a capture on the classic store inspects the image no more than inspectImage does', async () => {
    const { client, inspects } = fakeEngine(CLASSIC as Engine);
    const ops = createContainerOps(client);
    const details = await ops.inspectImage('mybase:latest', 'linux/amd64');
    const alone = inspects.count;
    inspects.count = 0;
    const { image: _i, schemaVersion: _v, ...probed } = makeRecord();
    const docker = fakeDocker({
      ...ops,
      imageHistory: () => Promise.resolve([]),
      runContainer: () =>
        Promise.resolve({
          containerId: 'c',
          exitCode: 0,
          timedOut: false,
          stdout: JSON.stringify({ ...probed, schemaVersion: 1 }),
          stderr: '',
          durationMs: 5,
        }),
    });
    const r = await captureImage(
      { image: 'mybase:latest', platform: 'linux/amd64', imagesDir: path.join(REPO_ROOT, 'images') },
      { docker },
    );
    expect(r.image).toMatchObject({ sizeBytes: UNPACKED, sizeKind: 'unpacked' });
    expect(inspects.count).toBe(alone);
    expect(details.store).toBe('classic');
  });
});

it('containerd store, API 1.52, the platform not listed: refused (the inspect Size may include the unpacked)', async () => {
  const { client } = fakeEngine({
    api: '1.52',
    info: C8D_INFO,
    inspect: { Size: CONTENT + UNPACKED, Descriptor: { mediaType: 'x' } },
    manifests: { Manifests: [manifest('arm64', 1)] },
  });
  await expect(imageSize(client, 'mybase:latest', 'linux/amd64')).rejects.toThrow(/moby#53426/);
});

describe('capture records the kind with the size', () => {
  const details = { ...DETAILS, sizeBytes: CONTENT + UNPACKED };
  const capture = (extra: Partial<DockerAdapter>) => {
    const { image: _i, schemaVersion: _v, ...probed } = makeRecord();
    const docker = fakeDocker({
      ...extra,
      inspectImage: () => Promise.resolve(details),
      runContainer: () =>
        Promise.resolve({
          containerId: 'c',
          exitCode: 0,
          timedOut: false,
          stdout: JSON.stringify({ ...probed, schemaVersion: 1 }),
          stderr: '',
          durationMs: 5,
        }),
    });
    return captureImage({ image: 'a/b:1', imagesDir: path.join(REPO_ROOT, 'images') }, { docker });
  };

  it.each([
    [
      'the containerd store: its content size',
      { sizeBytes: CONTENT, kind: 'content' as const },
      CONTENT,
      'content',
    ],
    ['the classic store', { sizeBytes: UNPACKED, kind: 'unpacked' as const }, UNPACKED, 'unpacked'],
    ['a store not told: the size without a kind', { sizeBytes: UNPACKED }, UNPACKED, undefined],
  ])('%s', async (_row, answer, sizeBytes, kind) => {
    const r = await capture({ imageSize: () => Promise.resolve(answer) });
    expect(r.image.sizeBytes).toBe(sizeBytes);
    expect(r.image.sizeKind).toBe(kind);
  });

  it("the engine's refusal: the inspect's size without a kind, and errors says why", async () => {
    const r = await capture({ imageSize: () => Promise.reject(new Error('boom')) });
    expect(r.image.sizeBytes).toBe(CONTENT + UNPACKED);
    expect(r.image.sizeKind).toBeUndefined();
    expect(r.errors).toContainEqual({ field: 'image.sizeKind', error: 'Error: boom' });
  });

  it('an adapter without imageSize: nothing asked, nothing said', async () => {
    await expect(captureSize('a/b:1', fakeDocker({}))).resolves.toBeUndefined();
  });
});
