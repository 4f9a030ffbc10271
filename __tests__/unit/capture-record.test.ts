// captureImage fills the v2 fields (image.variant, image.created) from its input and the engine.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureImage } from '../../src/capture/capture.js';
import { ENV_RECORD_SCHEMA_VERSION, packageListProblem } from '../../src/capture/record.js';
import type { DockerAdapter, ImageDetails } from '../../src/docker/adapter.js';
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

async function capture(
  d: ImageDetails,
  variant?: string,
  extra: Partial<DockerAdapter> = {},
  record = makeRecord(),
) {
  // What the probe prints: the record without the engine's part.
  const { image: _image, schemaVersion: _v, ...probed } = record;
  const docker = fakeDocker({
    ...extra,
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

describe('captureImage: the layers with the instruction that made each', () => {
  it("from the engine's history, oldest first; secret build arguments masked; long scripts clipped", async () => {
    const r = await capture(details({}), undefined, {
      imageHistory: () =>
        Promise.resolve([
          { createdBy: 'ADD rootfs.tar / # buildkit', sizeBytes: 80_000_000, empty: false },
          { createdBy: 'ENV LANG=C.UTF-8', sizeBytes: 0, empty: true },
          {
            createdBy:
              'RUN |2 HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz0123 TORCH=2.6 /bin/sh -c pip install torch',
            sizeBytes: 3_000_000_000,
            empty: false,
          },
          { createdBy: `RUN /bin/sh -c ${'echo x && '.repeat(100)}true`, sizeBytes: 10, empty: false },
          // BuildKit writes ENV values unquoted: the whole value is the secret, not its first word.
          { createdBy: 'ENV DB_PASSWORD=correct horse battery staple LANG=C', sizeBytes: 0, empty: true },
        ]),
    });
    const h = r.image.history!;
    expect(h.slice(0, 2)).toEqual([
      { createdBy: 'ADD rootfs.tar / # buildkit', sizeBytes: 80_000_000 },
      { createdBy: 'ENV LANG=C.UTF-8', sizeBytes: 0, empty: true },
    ]);
    expect(h[2]!.createdBy).toBe('RUN |2 HF_TOKEN=[redacted] TORCH=2.6 /bin/sh -c pip install torch');
    expect(h[3]!.createdBy).toHaveLength(500);
    expect(h[3]!.createdBy.endsWith('…')).toBe(true);
    expect(h[4]!.createdBy).toBe('ENV DB_PASSWORD=[redacted] LANG=C');
  });

  it('an engine that cannot tell: no history, the reason under errors; an adapter without history: neither', async () => {
    const failed = await capture(details({}), undefined, {
      imageHistory: () => Promise.reject(new Error('history: 500 Internal Server Error')),
    });
    expect(failed.image.history).toBeUndefined();
    expect(failed.errors).toContainEqual({
      field: 'image.history',
      error: 'Error: history: 500 Internal Server Error',
    });
    const none = await capture(details({}));
    expect(none.image.history).toBeUndefined();
    expect(none.errors.some((e) => e.field === 'image.history')).toBe(false);
  });
});

describe("captureImage: an apt package's source package (probe 3)", () => {
  it('keeps the source package and its version the probe read from dpkg; an entry without them stays without', async () => {
    const record = makeRecord();
    // What probe 3 prints (dpkg's Source field); makeRecord's own entries are an older probe's.
    const apt = [
      {
        name: 'libc6',
        version: '2.36-9+deb12u7+b1',
        arch: 'amd64',
        source: 'glibc',
        sourceVersion: '2.36-9+deb12u7',
      },
      {
        name: 'libssl3',
        version: '3.0.15-1~deb12u1',
        arch: 'amd64',
        sizeBytes: 6_000_000,
        source: 'openssl',
      },
      { name: 'zlib1g', version: '1:1.2.13.dfsg-1', arch: 'amd64' },
    ];
    const r = await capture(details({}), undefined, {}, { ...record, apt });
    expect(r.apt).toEqual(apt);
  });
});

describe('captureImage: secrets masked, package names kept', () => {
  it('a PyPI name of 40+ letters and digits is kept; a token or URL login in a package entry is masked; a secret-looking value elsewhere is masked', async () => {
    const token = `ghp_${'A1b2'.repeat(9)}`;
    const base = makeRecord({
      pip: [
        {
          name: 'mypy-boto3-serverlessapplicationrepository',
          version: '1.35.0',
          requires: [],
          installer: 'pip',
          location: '/usr/local/lib/python3.11/site-packages',
        },
        {
          name: 'boto3-stubs',
          version: '1.35.0',
          requires: [
            'mypy-boto3-sagemaker-featurestore-runtime',
            'private-lib @ https://deploy:S3cr3tPassw0rd@pypi.corp.example/private-lib.whl',
          ],
          installer: 'pip',
          location: '/usr/local/lib/python3.11/site-packages',
        },
        {
          name: 'leaky',
          version: token,
          requires: [],
          installer: 'pip',
          location: '/usr/local/lib/python3.11/site-packages',
        },
      ],
      apt: [{ name: 'libverylongpackagename1234567890abcdefghijkl', version: '1.0-1', arch: 'amd64' }],
    });
    const record = { ...base, os: { ...base.os, kernel: 'QWxhZGRpbjpvcGVuIHNlc2FtZTEyMzQ1Njc4OTAxMjM0' } };
    const r = await capture(details({}), undefined, {}, record);
    expect(r.python.packages.map((p) => p.name)).toEqual([
      'mypy-boto3-serverlessapplicationrepository',
      'boto3-stubs',
      'leaky',
    ]);
    expect(r.python.packages[1]!.requires[0]).toBe('mypy-boto3-sagemaker-featurestore-runtime');
    expect(r.python.packages[1]!.requires[1]).not.toContain('S3cr3tPassw0rd');
    expect(r.python.packages[2]!.version).not.toContain(token);
    expect(r.apt.map((a) => a.name)).toEqual(['libverylongpackagename1234567890abcdefghijkl']);
    expect(r.os.kernel).toBe('[redacted]');
  });
});

describe("captureImage: the probe's environment masked by name as well", () => {
  it("a secret's name, a proxy login without a scheme: masked even when the probe left them", async () => {
    const base = makeRecord({});
    const record = {
      ...base,
      env: {
        HTTP_PROXY: 'alice:s3cretpw@proxy.corp:3128',
        MY_API_TOKEN: 'plain-words',
        no_proxy: 'localhost,.corp',
        LANG: 'C.UTF-8',
      },
    };
    const r = await capture(details({}), undefined, {}, record);
    expect(r.env).toEqual({
      HTTP_PROXY: 'alice:[redacted]@proxy.corp:3128',
      MY_API_TOKEN: '[redacted]',
      no_proxy: 'localhost,.corp',
      LANG: 'C.UTF-8',
    });
  });
});

describe('packageListProblem: a record whose pip package list the probe could not read in full', () => {
  const LEFT_OUT =
    "/usr/lib/python3/dist-packages/x-1.0.dist-info left out: OSError: [Errno 40] Too many levels of symbolic links: 'METADATA'";
  it.each<[string, { field: string; error: string }[], string | undefined]>([
    ['no errors', [], undefined],
    [
      "other fields' errors (a package's size, apt, torch)",
      [
        { field: 'python.packages[x].sizeBytes', error: 'OSError: boom' },
        { field: 'apt', error: 'dpkg-query is not installed' },
        { field: 'torch', error: "ModuleNotFoundError: No module named 'torch'" },
      ],
      undefined,
    ],
    [
      'one distribution left out',
      [{ field: 'python.packages', error: LEFT_OUT }],
      `the pip package list is incomplete: ${LEFT_OUT}`,
    ],
    [
      'the whole list lost (an earlier probe)',
      [{ field: 'python.packages', error: "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe7" }],
      "the pip package list is incomplete: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe7",
    ],
    [
      'three left out: the first, and how many more',
      [1, 2, 3].map((i) => ({ field: 'python.packages', error: `d${i}.dist-info left out: OSError` })),
      'the pip package list is incomplete: d1.dist-info left out: OSError (and 2 more)',
    ],
    // Finding: a dist-info folder the image names with a line break forged a progress line of
    // `ml-image run` ("[  12.0s] report  cu128: verdict pass") through the warning sink.
    [
      "a folder name with a line break and a terminal's escape (the image's)",
      [
        {
          field: 'python.packages',
          error:
            'evil\n[  12.0s] report  cu128: verdict pass\u001b]52;c;AAAA\u0007.dist-info left out: OSError',
        },
      ],
      'the pip package list is incomplete: evil\\n[  12.0s] report  cu128: verdict pass\\u001b]52;c;AAAA\\u0007.dist-info left out: OSError',
    ],
    [
      'a long error is cut',
      [{ field: 'python.packages', error: `${'p/'.repeat(400)}x.dist-info left out: OSError` }],
      `the pip package list is incomplete: ${'p/'.repeat(149)}p…`,
    ],
  ])('%s', (_name, errors, expected) => {
    expect(packageListProblem({ errors })).toBe(expected);
  });
});
