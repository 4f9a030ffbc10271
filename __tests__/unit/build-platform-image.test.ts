// A build that pushes an index (its image and BuildKit's attestation manifest: buildx's default
// provenance on a docker-container builder) reports the index as containerimage.digest. The
// platform's digest is the image in it (what a merge of such indexes lists, a runtime pulls, and
// verify checks); the index is kept for the merge.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushedPlatformImage, type Pushed } from '../../src/build/platform-image.js';
import { runBuildStage } from '../../src/build/stage.js';
import { validateConfigData } from '../../src/config/load.js';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { EnvironmentError, exitCodeOf } from '../../src/errors.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { InterruptedError } from '../../src/util/cleanup.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import { fakeDocker } from '../helpers/fakes.js';

const D = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** An index as BuildKit pushes it with attestations: the image, then its attestation manifest. */
const attestedIndex = (image: string, arch: string, attestation: string) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      { mediaType: OCI_MANIFEST, digest: image, size: 1, platform: { os: 'linux', architecture: arch } },
      {
        mediaType: OCI_MANIFEST,
        digest: attestation,
        size: 1,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: {
          'vnd.docker.reference.digest': image,
          'vnd.docker.reference.type': 'attestation-manifest',
        },
      },
    ],
  });

const pushed = (metadata: Record<string, unknown>, digest = D(1)): Pushed => ({
  id: 'cpu/amd64',
  repository: 'localhost:5000/o/m',
  platform: 'linux/amd64',
  digest,
  metadata,
  builder: 'ml',
});

describe('pushedPlatformImage', () => {
  const index = { 'containerimage.descriptor': { mediaType: OCI_INDEX, digest: D(1), size: 856 } };

  it.each([
    ['no descriptor (a BuildKit that stores no attestations)', {}],
    [
      'an image manifest',
      { 'containerimage.descriptor': { mediaType: OCI_MANIFEST, digest: D(1), size: 1 } },
    ],
    [
      'a Docker image manifest',
      { 'containerimage.descriptor': { mediaType: 'application/vnd.docker.distribution.manifest.v2+json' } },
    ],
    ['a descriptor without a media type', { 'containerimage.descriptor': { digest: D(1) } }],
  ])('%s: the digest as reported, nothing read', async (_, metadata) => {
    const reads: string[] = [];
    const reader = {
      imagetoolsRaw: async (ref: string) => {
        reads.push(ref);
        return '';
      },
    };
    await expect(pushedPlatformImage(reader, pushed(metadata))).resolves.toEqual({ digest: D(1) });
    expect(reads).toEqual([]);
  });

  it('an index: the platform image in it, the index kept, read on the run builder', async () => {
    const reads: { ref: string; builder?: string | undefined }[] = [];
    const reader = {
      imagetoolsRaw: async (ref: string, o?: { builder?: string }) => {
        reads.push({ ref, builder: o?.builder });
        return attestedIndex(D(3), 'amd64', D(4));
      },
    };
    await expect(pushedPlatformImage(reader, pushed(index))).resolves.toEqual({
      digest: D(3),
      indexDigest: D(1),
    });
    expect(reads).toEqual([{ ref: `localhost:5000/o/m@${D(1)}`, builder: 'ml' }]);
  });

  it.each([
    ['no image of the platform', attestedIndex(D(3), 'arm64', D(4)), /lists no linux\/amd64 image/],
    [
      'two images of the platform',
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [3, 5].map((n) => ({
          mediaType: OCI_MANIFEST,
          digest: D(n),
          size: 1,
          platform: { os: 'linux', architecture: 'amd64' },
        })),
      }),
      /lists 2 linux\/amd64 images/,
    ],
  ])('an index with %s: exit 3 naming the index', async (_, raw, message) => {
    const error = await pushedPlatformImage({ imagetoolsRaw: async () => raw }, pushed(index)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(exitCodeOf(error)).toBe(3);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(`localhost:5000/o/m@${D(1)}`);
  });

  it('a registry that does not answer: exit 3 with the fix; a signal stays a signal', async () => {
    const down = { imagetoolsRaw: async () => Promise.reject(new Error('connection refused')) };
    const error = await pushedPlatformImage(down, pushed(index)).catch((e: unknown) => e);
    expect(exitCodeOf(error)).toBe(3);
    expect((error as EnvironmentError).message).toContain('connection refused');
    expect((error as EnvironmentError).fix).toContain('docker buildx imagetools inspect --raw');
    const stopped = new InterruptedError('SIGTERM', 'the read');
    const signal = { imagetoolsRaw: async () => Promise.reject(stopped) };
    await expect(pushedPlatformImage(signal, pushed(index))).rejects.toBe(stopped);
  });
});

describe('the build stage, with a builder that pushes attested indexes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-platform-image-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const NO_GIT: CommandRunner = {
    run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
  };

  it("records each platform's image digest and merges the indexes (BuildKit's attestations kept)", async () => {
    // Per arch: the index pushed, the image in it, its attestation manifest.
    const pushedBy = { amd64: [D(1), D(3), D(5)], arm64: [D(2), D(4), D(6)] } as const;
    const merges: (readonly string[])[] = [];
    const docker = fakeDocker({
      buildxVersion: async () => '0.21.2',
      buildxInspect: async () => ({
        name: 'ml',
        driver: 'docker-container',
        platforms: ['linux/amd64', 'linux/arm64'],
      }),
      imageDigest: async () => D(9),
      buildx: async (args: readonly string[]) => {
        const arch = args[args.indexOf('--platform') + 1]!.split('/')[1] as 'amd64' | 'arm64';
        const [index] = pushedBy[arch];
        writeFileSync(
          args[args.indexOf('--metadata-file') + 1]!,
          JSON.stringify({
            'containerimage.digest': index,
            'containerimage.descriptor': { mediaType: OCI_INDEX, digest: index, size: 856 },
          }),
        );
        return { exitCode: 0, stdout: '', stderr: '' };
      },
      imagetoolsRaw: async (ref: string) => {
        const arch = ref.endsWith(D(1)) ? 'amd64' : 'arm64';
        const [, image, attestation] = pushedBy[arch];
        return attestedIndex(image, arch, attestation);
      },
      imagetoolsCreate: async (_tags, sources) => {
        merges.push(sources);
        return D(7);
      },
    });
    const config = validateConfigData({ image: { name: 'o/m', registry: 'localhost:5000' } }, 'x');
    const plan = planBuild(config, {
      catalog: bundledCatalog(),
      git: { sha: 'abcdef1234' },
      now: new Date(0),
    });
    const result = await runBuildStage(
      { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push: true },
      { docker, exec: NO_GIT, env: {}, progress: () => undefined, output: () => undefined },
    );
    const v = result.variants[0]!;
    expect(v.platforms.map((p) => [p.platform, p.digest, p.indexDigest])).toEqual([
      ['linux/amd64', D(3), D(1)],
      ['linux/arm64', D(4), D(2)],
    ]);
    expect(merges).toEqual([[`localhost:5000/o/m@${D(1)}`, `localhost:5000/o/m@${D(2)}`]]);
    expect(v.digest).toBe(D(7));
  });
});
