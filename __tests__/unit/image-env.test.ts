// registryImageEnv: an image's environment read from its registry by digest (manifest, config).
import { describe, expect, it } from 'vitest';
import { createOciClient } from '../../src/docker/oci-client.js';
import { registryImageEnv } from '../../src/docker/image-env.js';
import { EnvironmentError } from '../../src/errors.js';
import { ImageRegistry } from '../helpers/image-registry.js';

const registry = new ImageRegistry();
const client = () =>
  createOciClient('registry.example', {
    fetch: registry.fetch,
    credential: () => ({ kind: 'none', describe: 'none for registry.example' }),
  });
const ref = (digest: string) => `registry.example/acme/train@${digest}`;
/** An OCI index of linux images, [architecture, digest] each. */
const index = (entries: [string, string][]) =>
  registry.manifest('acme/train', {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: entries.map(([architecture, digest]) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest,
      size: 1,
      platform: { os: 'linux', architecture },
    })),
  });

describe('registryImageEnv', () => {
  it.each([
    ['an environment', ['PATH=/usr/bin', 'HF_TOKEN=x'], ['PATH=/usr/bin', 'HF_TOKEN=x']],
    ['none', [], []],
  ])('reads %s from the config', async (_n, env, expected) => {
    expect(await registryImageEnv(client, ref(registry.image('acme/train', env)), 'linux/amd64')).toEqual(
      expected,
    );
  });

  it('reads a config whose Env is null (an image that sets none, as docker writes it) as none', async () => {
    const config = registry.blob({ architecture: 'amd64', os: 'linux', config: { Env: null } });
    const digest = registry.manifest('acme/train', {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { digest: config },
    });
    expect(await registryImageEnv(client, ref(digest), 'linux/amd64')).toEqual([]);
  });

  it.each([
    [
      'no such image',
      `sha256:${'e'.repeat(64)}`,
      /registry registry\.example has no image registry\.example\/acme\/train@sha256:e{64}/,
    ],
    [
      'an index without the platform',
      index([['arm64', registry.image('acme/train', ['A=1'], { os: 'linux', architecture: 'arm64' })]]),
      /the index \S+ lists no linux\/amd64 image/,
    ],
    [
      'a config that is no image config',
      registry.manifest('acme/train', {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { digest: registry.blob({ config: { Env: 'PATH=/usr/bin' } }) },
      }),
      /the config sha256:[0-9a-f]{64} of \S+ is not an image config/,
    ],
    // zod gathers a list's problems with push(...issues): 600,000 of them overflowed the stack.
    [
      'a config whose Env is 600,000 numbers',
      registry.manifest('acme/train', {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { digest: registry.blob({ config: { Env: Array(600_000).fill(1) } }) },
      }),
      /the config sha256:[0-9a-f]{64} of \S+ is not an image config/,
    ],
  ])('is an environment error naming the image: %s', async (_n, digest, message) => {
    const e = await registryImageEnv(client, ref(digest), 'linux/amd64').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as Error).message).toMatch(message);
  });
});
