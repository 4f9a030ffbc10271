// captureImage fills the v2 fields (image.variant, image.created) from its input and the engine.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureImage } from '../../src/capture/capture.js';
import { ENV_RECORD_SCHEMA_VERSION } from '../../src/capture/record.js';
import type { ImageDetails } from '../../src/docker/adapter.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

function details(labels: Record<string, string>, extra: Partial<ImageDetails> & { created?: string } = {}) {
  return {
    id: 'sha256:abc',
    repoDigests: ['ghcr.io/acme/model@sha256:def'],
    os: 'linux',
    architecture: 'amd64',
    sizeBytes: 1000,
    layers: 3,
    labels,
    user: '',
    entrypoint: null,
    cmd: null,
    env: ['PATH=/usr/bin'],
    ...extra,
  };
}

async function capture(d: ImageDetails, variant?: string) {
  // What the probe prints: the record without the engine's part.
  const { image: _image, schemaVersion: _v, ...probed } = makeRecord();
  const docker = fakeDocker({
    inspectImage: () => Promise.resolve(d),
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
  return captureImage(
    {
      image: 'ghcr.io/acme/model:1.0-cpu',
      imagesDir: path.join(REPO_ROOT, 'images'),
      ...(variant !== undefined && { variant }),
    },
    { docker },
  );
}

describe('captureImage: v2 image fields', () => {
  const built = {
    'io.github.ml-image-action.variant': 'cuda12.8',
    'org.opencontainers.image.created': '2026-01-05T10:00:00Z',
  };

  it.each([
    ['the variant given', details(built), 'cpu', 'cpu', '2026-01-05T10:00:00Z'],
    ["the build's labels", details(built), undefined, 'cuda12.8', '2026-01-05T10:00:00Z'],
    [
      "the engine's creation time first",
      details(built, { created: '2026-01-06T00:00:00Z' } as Partial<ImageDetails>),
      undefined,
      'cuda12.8',
      '2026-01-06T00:00:00Z',
    ],
    ['nothing known', details({}), undefined, null, null],
  ])('%s', async (_name, d, variant, wantVariant, wantCreated) => {
    const r = await capture(d, variant);
    expect(r.schemaVersion).toBe(ENV_RECORD_SCHEMA_VERSION);
    expect(r.image).toMatchObject({ variant: wantVariant, created: wantCreated, digest: 'sha256:def' });
  });
});
