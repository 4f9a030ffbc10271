// captureImage masks the record's conda packages as it masks pip's and apt's: only tokens of known
// forms and URL logins, never a whole name, version, build or channel for its shape (a conda-forge
// name of 40+ letters, mypy-boto3-serverlessapplicationrepository, was written as "[redacted]"
// and became a pkg:conda/%5Bredacted%5D component of its own in the SBOM).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureImage } from '../../src/capture/capture.js';
import type { EnvRecord } from '../../src/capture/record.js';
import type { ImageDetails } from '../../src/docker/adapter.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const details: ImageDetails = {
  id: 'sha256:abc',
  repoDigests: ['docker.io/pytorch/pytorch@sha256:def'],
  os: 'linux',
  architecture: 'amd64',
  sizeBytes: 1000,
  layers: 3,
  labels: {},
  user: '',
  entrypoint: null,
  cmd: null,
  env: ['PATH=/usr/bin'],
};

/** captureImage over a fake engine whose probe prints this record (less the engine's part). */
async function capture(record: EnvRecord): Promise<EnvRecord> {
  const { image: _image, schemaVersion: _v, ...probed } = record;
  const docker = fakeDocker({
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
  return captureImage(
    { image: 'pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime', imagesDir: path.join(REPO_ROOT, 'images') },
    { docker },
  );
}

describe('captureImage: conda packages masked as pip and apt are', () => {
  it('a 40+ character conda name, a long build and channel are kept; a token or URL login in them is masked', async () => {
    const token = `ghp_${'A1b2'.repeat(9)}`;
    const conda = [
      {
        name: 'mypy-boto3-serverlessapplicationrepository',
        version: '1.34.0',
        build: 'pyhd8ed1ab_0',
        channel: 'https://conda.anaconda.org/conda-forge',
        subdir: 'noarch',
      },
      {
        name: 'pytorch',
        version: '2.5.1',
        build: 'py3.11_cuda12.4_cudnn9.1.0_0abcdefghijklmnopqrstuvwxyz0123456789',
        channel: 'pytorch',
        subdir: 'linux-64',
      },
      { name: 'leaky', version: token, channel: 'https://deploy:S3cr3tPassw0rd@conda.corp.example/private' },
    ];
    const r = await capture({ ...makeRecord(), conda });
    expect(r.conda!.map((c) => c.name)).toEqual([
      'mypy-boto3-serverlessapplicationrepository',
      'pytorch',
      'leaky',
    ]);
    expect(r.conda![0]).toEqual(conda[0]);
    expect(r.conda![1]).toEqual(conda[1]);
    expect(r.conda![2]!.version).not.toContain(token);
    expect(r.conda![2]!.channel).not.toContain('S3cr3tPassw0rd');
    expect(r.conda![2]!.channel).toContain('conda.corp.example/private');
  });
});
