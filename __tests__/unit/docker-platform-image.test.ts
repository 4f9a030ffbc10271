// capture and smoke of an index digest run the platform's own manifest (src/docker/platform-image.ts):
// dockerd 20.10 keeps one local image per REPOSITORY@DIGEST, so a run of the index digest for a
// second platform was refused ("Cannot overwrite digest"), and one without --platform took whatever
// platform was local instead of the engine's own.
import { describe, expect, it } from 'vitest';
import type { ImageIndex } from '../../src/docker/adapter.js';
import { platformImage, platformImageOf } from '../../src/docker/platform-image.js';
import { InputError } from '../../src/errors.js';
import { InterruptedError } from '../../src/util/cleanup.js';

const INDEX_DIGEST = `sha256:${'1'.repeat(64)}`;
const AMD = `sha256:${'a'.repeat(64)}`;
const ARM = `sha256:${'b'.repeat(64)}`;
const REPO = 'localhost:5000/team/model';
const REF = `${REPO}@${INDEX_DIGEST}`;

const index: ImageIndex = {
  mediaType: 'application/vnd.oci.image.index.v1+json',
  platforms: [
    { os: 'linux', architecture: 'amd64', digest: AMD },
    { os: 'linux', architecture: 'arm64', variant: 'v8', digest: ARM },
  ],
};
const amdOnly: ImageIndex = { ...index, platforms: [index.platforms[0]!] };
const manifest: ImageIndex = { mediaType: 'application/vnd.oci.image.manifest.v1+json', platforms: [] };

describe('platformImageOf', () => {
  it.each<[string, string, ImageIndex, string | undefined, string, string, string | undefined]>([
    ['--platform linux/arm64', REF, index, 'linux/arm64', 'linux/amd64', `${REPO}@${ARM}`, 'linux/arm64'],
    ['--platform linux/amd64', REF, index, 'linux/amd64', 'linux/arm64', `${REPO}@${AMD}`, 'linux/amd64'],
    [
      "no platform on an amd64 engine: the engine's",
      REF,
      index,
      undefined,
      'linux/amd64',
      `${REPO}@${AMD}`,
      'linux/amd64',
    ],
    [
      "no platform on an arm64 engine: the engine's",
      REF,
      index,
      undefined,
      'linux/arm64',
      `${REPO}@${ARM}`,
      'linux/arm64',
    ],
    [
      'a tag before the digest is dropped',
      `${REPO}:1@${INDEX_DIGEST}`,
      index,
      'linux/arm64',
      'linux/amd64',
      `${REPO}@${ARM}`,
      'linux/arm64',
    ],
    [
      'a registry with a port and no tag',
      `localhost:5000/m@${INDEX_DIGEST}`,
      index,
      undefined,
      'linux/amd64',
      `localhost:5000/m@${AMD}`,
      'linux/amd64',
    ],
    [
      "the engine's platform missing: left to the engine",
      REF,
      amdOnly,
      undefined,
      'linux/arm64',
      REF,
      undefined,
    ],
    ['a single-platform manifest: as given', REF, manifest, 'linux/arm64', 'linux/amd64', REF, undefined],
    // The engine picks amd64 without a variant (v1): a v3 image listed first would not run on every CPU.
    [
      'amd64/v3 listed before amd64: the plain one',
      REF,
      {
        ...index,
        platforms: [{ os: 'linux', architecture: 'amd64', variant: 'v3', digest: ARM }, ...index.platforms],
      },
      undefined,
      'linux/amd64',
      `${REPO}@${AMD}`,
      'linux/amd64',
    ],
    [
      'only amd64/v3, --platform linux/amd64: left to the engine (no exit 2)',
      REF,
      { ...index, platforms: [{ os: 'linux', architecture: 'amd64', variant: 'v3', digest: ARM }] },
      'linux/amd64',
      'linux/amd64',
      REF,
      undefined,
    ],
    [
      'the amd64 entry a nested index: left to the engine',
      REF,
      { ...index, indexEntries: [AMD] },
      undefined,
      'linux/amd64',
      REF,
      undefined,
    ],
  ])('%s', (_, image, idx, platform, host, want, wantPlatform) => {
    const got = platformImageOf(image, idx, platform, host);
    expect(got.image).toBe(want);
    expect(got.platform).toBe(wantPlatform);
  });

  it('a platform the index lacks: exit 2 naming those it lists', () => {
    let e: unknown;
    try {
      platformImageOf(REF, amdOnly, 'linux/arm64', 'linux/amd64');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
    expect((e as InputError).message).toBe(
      `image ${REF} has no variant for linux/arm64: its index lists linux/amd64`,
    );
  });
});

/** A reader whose index read answers READ; what it was asked, and whether the host was. */
function reader(read: () => Promise<ImageIndex>) {
  const asked = { refs: [] as string[], host: 0, signals: 0 };
  const docker = {
    imagetoolsInspect: (ref: string, options?: { signal?: AbortSignal }) => {
      asked.refs.push(ref);
      if (options?.signal) asked.signals++;
      return read();
    },
  };
  const host = async () => {
    asked.host++;
    return 'linux/amd64';
  };
  return { docker, host, asked };
}

describe('platformImage', () => {
  it.each<[string, string, string | undefined, () => Promise<ImageIndex>, string, number, number]>([
    // A reference by tag or an image ID is not read: the engine pulls or runs it as before.
    ['a tag: not read', `${REPO}:1`, 'linux/arm64', async () => index, `${REPO}:1`, 0, 0],
    ['an image ID: not read', AMD, undefined, async () => index, AMD, 0, 0],
    [
      'an index digest for arm64: the host is not asked',
      REF,
      'linux/arm64',
      async () => index,
      `${REPO}@${ARM}`,
      1,
      0,
    ],
    [
      "an index digest without a platform: the engine's",
      REF,
      undefined,
      async () => index,
      `${REPO}@${AMD}`,
      1,
      1,
    ],
    ['a single-platform digest: the host is not asked', REF, undefined, async () => manifest, REF, 1, 0],
    // No registry (an image only local): run as given; the engine's pull says what it can.
    [
      'an index that cannot be read: as given',
      REF,
      'linux/arm64',
      () => Promise.reject(new Error('dial tcp: connection refused')),
      REF,
      1,
      0,
    ],
  ])('%s', async (_, image, platform, read, want, reads, hosts) => {
    const { docker, host, asked } = reader(read);
    expect((await platformImage(docker, image, platform, host)).image).toBe(want);
    expect(asked.refs).toHaveLength(reads);
    expect(asked.signals, 'the read has a deadline').toBe(reads);
    expect(asked.host).toBe(hosts);
  });

  it('an interrupt during the read is the interrupt, not a fallback', async () => {
    const { docker, host } = reader(() =>
      Promise.reject(new InterruptedError('SIGINT', 'reading the index')),
    );
    await expect(platformImage(docker, REF, 'linux/arm64', host)).rejects.toBeInstanceOf(InterruptedError);
  });
});
