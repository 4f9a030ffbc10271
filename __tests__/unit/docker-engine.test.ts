import Dockerode from 'dockerode';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandRunner, ContainerRunSpec } from '../../src/docker/adapter.js';
import {
  parseBuildxInspect,
  parseBuildxPlatforms,
  parseBuildxVersion,
  configPlatform,
  parseImageIndex,
  parseManifestDigest,
  pushedDigest,
} from '../../src/docker/buildx.js';
import { readCdiDevices, specDevices } from '../../src/docker/cdi.js';
import { engineClient } from '../../src/docker/client.js';
import { createManaged, creationsSettled } from '../../src/docker/containers.js';
import {
  containerEnv,
  DEFAULT_PIDS_LIMIT,
  hostConfigFor,
  LOOPBACK_HOSTNAME,
  runBody,
} from '../../src/docker/containers-spec.js';
import {
  DEADLINE_SCRIPT,
  deadlineSeconds,
  MAX_TIMER_MS,
  timerMs,
  effectiveArgv,
  isMissingShell,
  sessionCommand,
  sessionIdle,
  sessionSeconds,
  SESSION_SCRIPT,
  withDeadline,
} from '../../src/docker/deadline.js';
import { createBuildxCli } from '../../src/docker/buildx.js';
import { createDockerAdapter } from '../../src/docker/engine.js';
import { cliFailure, parseAnswer, readFailure } from '../../src/docker/failures.js';
import { imageDetails, ImageInspectSchema } from '../../src/docker/images.js';
import { parseIdOutput, sessionArchive } from '../../src/docker/sessions.js';
import { tarArchive } from '../../src/docker/tar.js';
import { registryBaseUrl } from '../../src/docker/registry.js';
import { sha256Digest } from '../../src/docker/oci-types.js';
import { CheckFailedError, EnvironmentError, InputError } from '../../src/errors.js';
import { clearInterruptedForTests, InterruptedError, markInterrupted } from '../../src/util/cleanup.js';

describe('docker CLI output parsers', () => {
  it.each([
    ['github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3', '0.13.1+ds1'],
    ['github.com/docker/buildx v0.19.3 48d6a39', '0.19.3'],
    ['github.com/docker/buildx v0.20.0-rc1 abc', '0.20.0-rc1'],
    ['no version here', undefined],
  ])('parseBuildxVersion(%j)', (out, expected) => {
    expect(parseBuildxVersion(out)).toBe(expected);
  });

  it('parses the platforms of `buildx inspect`, native ones marked with *', () => {
    const out = `Name:   default
Driver: docker

Nodes:
Name:      default
Endpoint:  default
Status:    running
Buildkit:  20.10.24+dfsg1
Platforms: linux/amd64*, linux/amd64/v2, linux/arm64, linux/riscv64
`;
    expect(parseBuildxPlatforms(out)).toEqual([
      'linux/amd64',
      'linux/amd64/v2',
      'linux/arm64',
      'linux/riscv64',
    ]);
    expect(parseBuildxInspect(out)).toEqual({
      name: 'default',
      driver: 'docker',
      platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/arm64', 'linux/riscv64'],
      endpoints: ['default'],
    });
  });

  it.each([
    [
      'one node on the default socket',
      'Name:          b\nDriver:        docker-container\nLast Activity: 2026-12-03 14:32:32 +0000 UTC\n\nNodes:\nName:                  b0\nEndpoint:              unix:///var/run/docker.sock\nStatus:                inactive\n',
      ['unix:///var/run/docker.sock'],
    ],
    [
      'a node appended on another machine',
      'Name: b\nDriver: docker-container\n\nNodes:\nName: b0\nEndpoint: unix:///var/run/docker.sock\nStatus: running\n\nName: b1\nEndpoint: ssh://arm-host\nStatus: running\n',
      ['unix:///var/run/docker.sock', 'ssh://arm-host'],
    ],
    ['no Nodes section', 'Name: b\nDriver: docker\nEndpoint: default\n', undefined],
  ])("reads the nodes' endpoints: %s", (_what, out, expected) => {
    expect(parseBuildxInspect(out).endpoints).toEqual(expected);
  });

  it.each([
    ['BuildKit version: v0.8+unknown', '0.8'],
    ['BuildKit version: v0.13.2', '0.13.2'],
    ['Buildkit:  v0.12.5', '0.12.5'],
    ['Buildkit:  20.10.24+dfsg1', undefined], // the engine's version, printed by older buildx
    // Debian 13's docker.io 26 (BuildKit 0.13 inside, its version not stamped): unknown, not 0.0.0.
    ['BuildKit version: v0.0.0+unknown', undefined],
    ['Status:    running', undefined],
  ])('reads the BuildKit version from "%s"', (line, expected) => {
    expect(parseBuildxInspect(`Name: b\nDriver: docker\nNodes:\n${line}\n`).buildkitVersion).toBe(expected);
  });

  it('reads platforms from a manifest list and drops attestation entries', () => {
    const raw = JSON.stringify({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { digest: 'sha256:a', platform: { os: 'linux', architecture: 'amd64' } },
        { digest: 'sha256:b', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { digest: 'sha256:c', platform: { os: 'unknown', architecture: 'unknown' } },
        // Not an attestation manifest: Enroot pulls it on an amd64 node (it matches the architecture).
        { digest: 'sha256:d', platform: { os: 'unknown', architecture: 'amd64' } },
      ],
    });
    expect(parseImageIndex(raw)).toEqual({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platforms: [
        { os: 'linux', architecture: 'amd64', digest: 'sha256:a' },
        { os: 'linux', architecture: 'arm64', variant: 'v8', digest: 'sha256:b' },
        { os: 'unknown', architecture: 'amd64', digest: 'sha256:d' },
      ],
    });
  });

  // A registry's index is anyone's who may push: zod gathers a list's problems with push(...issues),
  // and 600,000 bad entries (1.2 MB) overflowed the stack, an internal error of verify. Exit 3 now.
  it.each([['600,000 entries that are no descriptors', { manifests: Array(600_000).fill(1) }]])(
    'an index of %s is an unexpected answer (exit 3), not an internal error',
    (_name, doc) => {
      let error: unknown;
      try {
        parseImageIndex(JSON.stringify(doc));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EnvironmentError);
      expect((error as Error).message).toMatch(/unexpected answer: the manifest printed by/);
    },
  );

  it('keeps the digests of entries that name no platform apart (a runtime may pick them anywhere)', () => {
    const raw = JSON.stringify({
      manifests: [
        { digest: 'sha256:a', platform: { os: 'linux', architecture: 'amd64' } },
        { digest: 'sha256:b' },
        { digest: 'sha256:c', platform: { os: 'unknown', architecture: 'unknown' } },
      ],
    });
    expect(parseImageIndex(raw)).toEqual({
      mediaType: '',
      platforms: [{ os: 'linux', architecture: 'amd64', digest: 'sha256:a' }],
      unplatformed: ['sha256:b'],
    });
  });

  it('names the entries that are indexes themselves (nested), with a platform or without', () => {
    const raw = JSON.stringify({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: 'sha256:a',
          platform: { os: 'linux', architecture: 'arm64' },
        },
        {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          digest: 'sha256:b',
          platform: { os: 'linux', architecture: 'amd64' },
        },
        { mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json', digest: 'sha256:c' },
        { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: 'sha256:d' },
        // BuildKit's attestation manifest: no runtime pulls it, whatever its type.
        {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          digest: 'sha256:e',
          platform: { os: 'unknown', architecture: 'unknown' },
        },
      ],
    });
    expect(parseImageIndex(raw)).toEqual({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platforms: [
        { os: 'linux', architecture: 'arm64', digest: 'sha256:a' },
        { os: 'linux', architecture: 'amd64', digest: 'sha256:b' },
      ],
      unplatformed: ['sha256:c', 'sha256:d'],
      indexEntries: ['sha256:b', 'sha256:c'],
    });
  });

  it('a single-platform manifest has no platform list', () => {
    expect(
      parseImageIndex('{"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{}}').platforms,
    ).toEqual([]);
  });

  // CVE-2021-41190: a document that is an image and lists manifests too is never read as an index
  // (verify would check the signed entry it names, while a runtime runs its own layers).
  const entry = { digest: 'sha256:a', platform: { os: 'linux', architecture: 'amd64' } };
  it.each([
    [
      'an image manifest listing manifests',
      { mediaType: 'application/vnd.oci.image.manifest.v1+json', manifests: [entry] },
    ],
    ['no media type, with layers', { config: {}, layers: [], manifests: [entry] }],
    [
      'an index type, with layers',
      { mediaType: 'application/vnd.oci.image.index.v1+json', layers: [], manifests: [entry] },
    ],
    [
      'a Docker image manifest',
      { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', manifests: [entry] },
    ],
  ])('ambiguous: %s is a single manifest', (_what, doc) => {
    expect(parseImageIndex(JSON.stringify(doc)).platforms).toEqual([]);
  });

  // Go's JSON (a runtime, the registry) takes a key in any case, the later one winning: an index
  // with `Digest` beside `digest` would name one image to verify and another to the runtime.
  const signed = { digest: 'sha256:a', platform: { os: 'linux', architecture: 'amd64' } };
  const INDEX = 'application/vnd.oci.image.index.v1+json';
  it.each([
    [
      "a descriptor's Digest",
      { manifests: [{ ...signed, Digest: 'sha256:e' }] },
      '"Digest" (read as "digest")',
    ],
    [
      "the index's Manifests",
      { manifests: [signed], Manifests: [{ ...signed, digest: 'sha256:e' }] },
      '"Manifests"',
    ],
    [
      'a platform hidden as unknown',
      {
        manifests: [
          {
            digest: 'sha256:e',
            platform: { os: 'unknown', architecture: 'unknown' },
            Platform: signed.platform,
          },
          signed,
        ],
      },
      '"Platform"',
    ],
    [
      "a platform's OS",
      { manifests: [{ ...signed, platform: { ...signed.platform, OS: 'windows' } }] },
      '"OS"',
    ],
    ['the long s (Go folds it to s)', { manifests: [{ ...signed, ſize: 1 }] }, '"ſize"'],
    [
      'an unknown key that folds to no OCI field: ignored',
      { manifests: [{ ...signed, Digests: 1 }] },
      undefined,
    ],
  ])('%s: refused, exit 1', (_what, doc, named) => {
    const raw = JSON.stringify({ mediaType: INDEX, ...doc });
    if (named === undefined) {
      // An unknown key is ignored, as the OCI spec asks.
      expect(parseImageIndex(raw).platforms).toEqual([{ ...signed.platform, digest: 'sha256:a' }]);
      return;
    }
    let err: unknown;
    try {
      parseImageIndex(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CheckFailedError);
    expect((err as Error).message).toContain(named);
  });

  it('unknown keys and annotation keys in any case are no problem', () => {
    const doc = {
      mediaType: INDEX,
      vendorExtension: true,
      annotations: { Digest: 'x', 'org.opencontainers.image.ref.name': 'v1' },
      manifests: [{ ...signed, annotations: { Platform: 'y' } }],
    };
    expect(parseImageIndex(JSON.stringify(doc)).platforms).toEqual([
      { ...signed.platform, digest: 'sha256:a' },
    ]);
  });

  it('a Docker manifest list is an index', () => {
    const doc = {
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: [entry],
    };
    expect(parseImageIndex(JSON.stringify(doc)).platforms).toEqual([
      { ...entry.platform, digest: 'sha256:a' },
    ]);
  });
});

describe('docker CLI failures and registry URLs', () => {
  it.each([
    [
      'ERROR: failed to do request: Head "http://localhost:5000/v2/x/manifests/y": dial tcp 127.0.0.1:5000: connect: connection refused',
      3,
    ],
    ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 3],
    ['ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1', 1],
  ])('classifies docker CLI failure %#', (stderr, code) => {
    const err = cliFailure('step', { exitCode: 1, stdout: '', stderr });
    expect(err.exitCode).toBe(code);
    expect(err.message).toContain(stderr.slice(0, 40));
  });

  // What buildx 0.13 printed for `imagetools inspect --raw` against a registry answering 401 (no
  // login) and 403, and for a digest the registry does not have.
  it.each([
    [
      'ERROR: pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      3,
    ],
    [
      'ERROR: unexpected status from HEAD request to http://localhost:5097/v2/x/y/manifests/sha256:2d71: 403 Forbidden',
      3,
    ],
    // A Bearer challenge (ghcr.io, Docker Hub) that buildx has no login for.
    [
      'ERROR: unexpected status from HEAD request to https://ghcr.io/v2/acme/model/manifests/sha256:2d71: 401 Unauthorized',
      3,
    ],
    [
      'ERROR: unexpected status from HEAD request to http://localhost:5097/v2/x/y/manifests/sha256:2d71: 503 Service Unavailable',
      3,
    ],
    [
      'ERROR: unexpected status from HEAD request to http://localhost:5097/v2/x/y/manifests/sha256:2d71: 429 Too Many Requests',
      3,
    ],
    ['ERROR: failed to copy: denied: requested access to the resource is denied', 3],
    ['ERROR: localhost:5000/x/y@sha256:2d71: not found', 1],
    // A credential helper's own error is not the registry refusing the read.
    ["ERROR: error getting credentials - err: exit status 1, out: `Permission denied: '/run/secret'`", 1],
    [
      'ERROR: failed to do request: Head "http://localhost:5000/v2/x/manifests/y": dial tcp 127.0.0.1:5000: connect: connection refused',
      3,
    ],
  ])('classifies a failed image read %#', (stderr, code) => {
    const err = readFailure('inspecting x', { exitCode: 1, stdout: '', stderr }, 'registry.example:5000');
    expect(err.exitCode).toBe(code);
    expect(err.message).toContain(stderr.slice(0, 40));
    const fix = (err as { fix?: string }).fix ?? '';
    if (code !== 3) expect(fix).toBe('');
    else if (/40[13]|denied|authoriz/.test(stderr))
      expect(fix).toContain('"docker login registry.example:5000"');
    else if (/: (429|503) /.test(stderr)) expect(fix).toMatch(/failing for now/);
    else if (stderr.includes('dial tcp')) expect(fix).toMatch(/reachable/);
  });

  it("imagetools inspect: a refused read names the image's registry in the login fix", async () => {
    const exec = {
      run: async () => ({
        exitCode: 1,
        stdout: '',
        stderr:
          'ERROR: pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      }),
    };
    // The registry over HTTP cannot tell (a login is needed): buildx is asked, and says why.
    const err = await createBuildxCli(exec, 'docker', undefined, async () => undefined)
      .imagetoolsInspect(`ghcr.io/acme/model@sha256:${'a'.repeat(64)}`)
      .then(
        () => undefined,
        (e: unknown) => e as { exitCode: number; fix?: string },
      );
    expect(err?.exitCode).toBe(3);
    expect(err?.fix).toContain('"docker login ghcr.io"');
  });

  it.each<[string, unknown, RegExp]>([
    [
      'not found',
      Object.assign(new Error('spawn docker ENOENT'), { code: 'ENOENT' }),
      /^cannot run the docker CLI "docker"/,
    ],
    [
      'not started: the process is exiting',
      new InterruptedError('SIGINT', 'docker'),
      /^interrupted by SIGINT: not starting docker/,
    ],
  ])('a docker CLI that could not run (%s): said as it is', async (_what, thrown, message) => {
    const exec = {
      run: async () => {
        throw thrown;
      },
    };
    const err = await createBuildxCli(exec)
      .buildx(['build', '.'])
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err?.message).toMatch(message);
  });

  // A cancelled job signals the whole process group: `docker buildx version` dies of it (exit 137)
  // while the tool exits. That is the interrupt, not a missing buildx plugin; so is any failure
  // after the signal (the cleanup stopped it: `buildx build` then exits 1, "context canceled").
  it.each([
    [true, 137, InterruptedError, /^interrupted by SIGINT: docker buildx version was stopped \(exit 137\)$/],
    [true, 130, InterruptedError, /^interrupted by SIGINT: /],
    [false, 137, EnvironmentError, /^docker buildx is not available \(exit 137\)$/],
    [true, 1, InterruptedError, /^interrupted by SIGINT: docker buildx version was stopped \(exit 1\)$/],
    [false, 1, EnvironmentError, /^docker buildx is not available \(exit 1\)$/],
  ])('interrupted %s, buildx version exits %d: %O', async (interrupted, exitCode, kind, message) => {
    const exec: CommandRunner = { run: async () => ({ exitCode, stdout: '', stderr: '' }) };
    if (interrupted) markInterrupted('SIGINT');
    try {
      const err = await createBuildxCli(exec)
        .buildxVersion()
        .then(
          () => undefined,
          (e: unknown) => e as Error,
        );
      expect(err).toBeInstanceOf(kind);
      if (kind === EnvironmentError && interrupted) expect(err).not.toBeInstanceOf(InterruptedError);
      expect(err?.message).toMatch(message);
    } finally {
      clearInterruptedForTests();
    }
  });

  it.each([
    ['localhost:5000', 'http://localhost:5000'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['ghcr.io', 'https://ghcr.io'],
    ['registry.example.com:443', 'https://registry.example.com:443'],
  ])('registryBaseUrl(%s)', (host, url) => {
    expect(registryBaseUrl(host)).toBe(url);
  });
});

describe('adapter environment errors (exit 3, with the fix)', () => {
  const runner = (result: { exitCode: number; stdout: string; stderr: string } | Error): CommandRunner => ({
    run: async () => {
      if (result instanceof Error) throw result;
      return result;
    },
  });
  const noDaemon = new Dockerode({ socketPath: '/nonexistent/docker.sock' });

  it('no daemon: ping names the socket and says how to start one', async () => {
    const docker = createDockerAdapter({ docker: noDaemon, exec: runner(new Error('unused')) });
    const err = await docker.ping().catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toBe('cannot reach the Docker daemon at unix:///nonexistent/docker.sock (ENOENT)');
    // The user's fix first; the test bed's script only as ml-image-action's own (a user's project has none).
    expect(err.fix).toMatch(
      /^start the Docker engine \(e\.g\. "sudo systemctl start docker"\), or point DOCKER_HOST/,
    );
    expect(err.fix).toContain('in a clone of ml-image-action itself, "sudo scripts/test-env.sh"');
  });

  it('no daemon, no DOCKER_HOST: the message names the default socket, not a function', async () => {
    // docker-modem 5 keeps a function choosing the socket at connect time when DOCKER_HOST is unset.
    const defaulted = new Dockerode({ socketPath: '/nonexistent/docker.sock' });
    Reflect.set(defaulted.modem, 'socketPath', () => Promise.resolve('/nonexistent/docker.sock'));
    const docker = createDockerAdapter({ docker: defaulted, exec: runner(new Error('unused')) });
    const err = await docker.ping().catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toMatch(
      /^cannot reach the Docker daemon at unix:\/\/\/var\/run\/docker\.sock \(the default socket\) \(E[A-Z]+\)$/,
    );
  });

  it('no daemon: running a container is an environment error too', async () => {
    const docker = createDockerAdapter({ docker: noDaemon, exec: runner(new Error('unused')) });
    await expect(docker.runContainer({ image: 'busybox', cmd: ['true'] })).rejects.toBeInstanceOf(
      EnvironmentError,
    );
  });

  it('no buildx: says to install the plugin', async () => {
    const docker = createDockerAdapter({
      docker: noDaemon,
      exec: runner({
        exitCode: 1,
        stdout: '',
        stderr: "docker: 'buildx' is not a docker command.\nSee 'docker --help'",
      }),
    });
    const err = await docker.buildxVersion().catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain("'buildx' is not a docker command");
    expect(err.fix).toContain('docker-buildx');
  });

  it('no docker CLI at all', async () => {
    const docker = createDockerAdapter({
      docker: noDaemon,
      exec: runner(new Error('Unable to locate executable file: docker')),
    });
    const err = await docker.buildxVersion().catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('Unable to locate executable file: docker');
  });

  it('imagetools create refuses an empty merge as bad input', async () => {
    const docker = createDockerAdapter({ docker: noDaemon, exec: runner(new Error('unused')) });
    await expect(docker.imagetoolsCreate([], ['x@sha256:a'])).rejects.toBeInstanceOf(InputError);
  });

  it("imagetools create: a digest buildx did not print is the list's own (its dry run), not the tag's", async () => {
    // Another run pushing the same tag meanwhile (two jobs of one version on a shared runner): the
    // registry's answer for the tag is that run's list, whose images are not this run's.
    const list = '{\n  "schemaVersion": 2,\n  "manifests": []\n}';
    const asked: string[][] = [];
    const exec: CommandRunner = {
      run: async (_cmd, args) => {
        asked.push([...args]);
        if (args.includes('--dry-run')) return { exitCode: 0, stdout: `${list}\n`, stderr: '' };
        if (args.includes('inspect'))
          return { exitCode: 0, stdout: JSON.stringify({ digest: `sha256:${'b'.repeat(64)}` }), stderr: '' };
        return { exitCode: 0, stdout: '', stderr: '#1 exporting manifest list\n#1 DONE 0.1s\n' };
      },
    };
    const digest = await createBuildxCli(exec).imagetoolsCreate(['r/x:1'], ['r/x@sha256:0'], {
      builder: 'b',
    });
    expect(digest).toBe(sha256Digest(list));
    expect(asked[1]).toEqual([
      'buildx',
      'imagetools',
      'create',
      '--dry-run',
      '--builder',
      'b',
      '-t',
      'r/x:1',
      'r/x@sha256:0',
    ]);
    expect(asked.some((a) => a.includes('inspect'))).toBe(false);
  });

  it('imagetools create: registry unreachable is exit 3', async () => {
    const docker = createDockerAdapter({
      docker: noDaemon,
      exec: runner({
        exitCode: 1,
        stdout: '',
        stderr: 'ERROR: dial tcp 127.0.0.1:5999: connect: connection refused',
      }),
    });
    const err = await docker
      .imagetoolsCreate(['localhost:5999/a:b'], ['localhost:5999/a@sha256:0'])
      .catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('registry unreachable (127.0.0.1:5999)');
  });
});

describe('the in-container deadline', () => {
  it.each([
    [{ timeoutMs: 600_000 }, 630],
    [{ timeoutMs: 1 }, 31],
    [{ timeoutMs: 600_000, deadlineMs: 2000 }, 2],
    [{ deadlineMs: 1 }, 1],
    [{ deadlineMs: 0 }, 1],
    [{}, 3600],
  ])('deadlineSeconds(%j) = %i (timeout + 30 s, or 1 h without a timeout)', (spec, seconds) => {
    expect(deadlineSeconds(spec)).toBe(seconds);
  });

  it.each([
    [
      'entrypoint given: it replaces the image entrypoint and CMD',
      { entrypoint: ['python3'], cmd: ['-c', 'x'] },
      { entrypoint: ['/init'], cmd: ['serve'] },
      ['python3', '-c', 'x'],
    ],
    [
      'entrypoint given, no cmd',
      { entrypoint: ['true'], cmd: [] },
      { entrypoint: null, cmd: ['bash'] },
      ['true'],
    ],
    [
      'image entrypoint with spec.cmd',
      { cmd: ['--version'] },
      { entrypoint: ['/init', '-v'], cmd: ['serve'] },
      ['/init', '-v', '--version'],
    ],
    [
      'image entrypoint with the image CMD when cmd is empty',
      { cmd: [] },
      { entrypoint: ['/init'], cmd: ['serve'] },
      ['/init', 'serve'],
    ],
    [
      'no image entrypoint: the CMD alone',
      { cmd: [] },
      { entrypoint: null, cmd: ['bash', '-l'] },
      ['bash', '-l'],
    ],
    ['nothing at all', { cmd: [] }, { entrypoint: null, cmd: null }, []],
  ] as const)('effectiveArgv: %s', (_name, spec, image, argv) => {
    expect(effectiveArgv(spec, image)).toEqual(argv);
  });

  it.each([
    [['python3', '-c', 'print(1)'], 630],
    [['sh', '-c', 'sleep 100000; echo "$HOME"'], 5],
    [['/usr/bin/env', 'a b', ''], 1],
  ])(
    'withDeadline(%j, %i): /bin/sh runs the script with the deadline, the argv passes untouched',
    (argv, s) => {
      expect(withDeadline(argv, s)).toEqual({
        Entrypoint: ['/bin/sh', '-c', DEADLINE_SCRIPT, 'ml-image-deadline', String(s)],
        Cmd: argv,
      });
    },
  );

  it('the script signals the child (PID 1 ignores signals), escalates to KILL and keeps the exit status', () => {
    expect(DEADLINE_SCRIPT).toContain('exec "$@" & c=$!');
    expect(DEADLINE_SCRIPT).toMatch(/sleep "\$d";.*\n.*kill -TERM "\$c".*sleep 5; kill -KILL "\$c"/);
    expect(DEADLINE_SCRIPT).toContain('wait "$c"; s=$?');
    expect(DEADLINE_SCRIPT).toMatch(/exit "\$s"$/);
    // A missing command reads as the engine's own message, with docker run's exit code.
    expect(DEADLINE_SCRIPT).toContain('executable file not found in \\$PATH" >&2; exit 127');
  });

  it.each([
    [
      '(HTTP code 400) unexpected - failed to create shim: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
      true,
    ],
    ['OCI runtime create failed: exec: "/bin/sh": executable file not found in $PATH', true],
    ['OCI runtime create failed: exec: "python3": executable file not found in $PATH', false],
    ['(HTTP code 500) server error - connection reset', false],
  ])('isMissingShell(%s) = %s', (msg, expected) => {
    expect(isMissingShell(new Error(msg))).toBe(expected);
  });
});

describe('engine and CLI answers are parsed, not cast (an unexpected one is exit 3)', () => {
  it.each([
    ['{"mediaType":"m","digest":"sha256:a","size":1}', 'sha256:a'],
    ['{"mediaType":"m"}', undefined],
  ])('parseManifestDigest(%s)', (raw, digest) => {
    expect(parseManifestDigest(raw, 'r')).toBe(digest);
  });

  it.each([
    ['not JSON', 'not json', /the manifest descriptor of r: not JSON/],
    ['a digest of the wrong type', '{"digest":5}', /the manifest descriptor of r: digest: /],
  ])('parseManifestDigest: %s', (_name, raw, message) => {
    const err = (() => {
      try {
        return parseManifestDigest(raw, 'r');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).message).toMatch(message);
  });

  it('a manifest list without digests is an unexpected answer', () => {
    expect(() => parseImageIndex('{"manifests":[{"platform":{"os":"linux"}}]}')).toThrow(EnvironmentError);
  });

  it.each([
    [`#1 pushing sha256:${'a'.repeat(64)} to localhost:5000/x:y`, `sha256:${'a'.repeat(64)}`],
    ['#1 exporting manifest list', undefined],
  ])('pushedDigest(%s)', (out, digest) => {
    expect(pushedDigest(out)).toBe(digest);
  });

  it('parseAnswer names the answer and the offending field', () => {
    expect(() => parseAnswer(ImageInspectSchema, { Id: 'x' }, 'inspect of busybox')).toThrow(
      /unexpected answer: inspect of busybox: Os: required/,
    );
  });

  const fakeEngine = (info: unknown) => ({ info: async () => info }) as unknown as Dockerode;
  it.each([
    [{ Runtimes: { runc: {}, nvidia: {} }, CDISpecDirs: ['/etc/cdi'] }, ['runc', 'nvidia'], ['/etc/cdi'], []],
    [{ Runtimes: null, CDISpecDirs: null }, [], [], []],
    [{}, [], [], []],
    // Docker 28.2+ (API 1.50+): the engine lists the CDI devices it found itself.
    [
      {
        Runtimes: { runc: {} },
        CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
        DiscoveredDevices: [
          { Source: 'cdi', ID: 'nvidia.com/gpu=0' },
          { Source: 'cdi', ID: 'nvidia.com/gpu=all' },
        ],
      },
      ['runc'],
      ['/etc/cdi', '/var/run/cdi'],
      ['nvidia.com/gpu=0', 'nvidia.com/gpu=all'],
    ],
    [
      { CDISpecDirs: ['/etc/cdi', '/var/run/cdi'], DiscoveredDevices: [] },
      [],
      ['/etc/cdi', '/var/run/cdi'],
      [],
    ],
  ])('daemonFeatures(%j)', async (info, runtimes, cdiSpecDirs, cdiDevices) => {
    const docker = createDockerAdapter({
      docker: fakeEngine(info),
      exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
    });
    expect(await docker.daemonFeatures()).toEqual({ runtimes, cdiSpecDirs, cdiDevices });
  });

  it.each([
    [[['driver-type', 'io.containerd.snapshotter.v1']], 'containerd'],
    [[['Backing Filesystem', 'extfs']], 'classic'],
  ])('daemonFeatures: the image store its DriverStatus names (%j)', async (DriverStatus, imageStore) => {
    const docker = createDockerAdapter({
      docker: fakeEngine({ Runtimes: { runc: {} }, DriverStatus }),
      exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
    });
    expect(await docker.daemonFeatures()).toMatchObject({ runtimes: ['runc'], imageStore });
  });

  it('daemonFeatures: runtimes that are not a map are an environment error', async () => {
    const docker = createDockerAdapter({
      docker: fakeEngine({ Runtimes: ['runc'] }),
      exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
    });
    await expect(docker.daemonFeatures()).rejects.toBeInstanceOf(EnvironmentError);
  });
});

describe('image details from the engine inspect', () => {
  const base = { Id: 'sha256:i', Os: 'linux', Architecture: 'arm64', Size: 10 };
  it.each([
    [
      'nulls where the engine has nothing',
      {
        ...base,
        RepoDigests: null,
        RootFS: null,
        Config: { Labels: null, Entrypoint: null, Cmd: null, Env: null },
      },
      {
        id: 'sha256:i',
        repoDigests: [],
        os: 'linux',
        architecture: 'arm64',
        sizeBytes: 10,
        layers: 0,
        labels: {},
        user: '',
        workdir: '',
        entrypoint: null,
        cmd: null,
        env: [],
      },
    ],
    [
      'no config at all, empty creation time',
      { ...base, Config: null, Created: '' },
      {
        id: 'sha256:i',
        repoDigests: [],
        os: 'linux',
        architecture: 'arm64',
        sizeBytes: 10,
        layers: 0,
        labels: {},
        user: '',
        workdir: '',
        entrypoint: null,
        cmd: null,
        env: [],
      },
    ],
    [
      'everything',
      {
        ...base,
        Variant: 'v8',
        RepoDigests: ['r@sha256:d'],
        RootFS: { Type: 'layers', Layers: ['a', 'b'] },
        Config: {
          Labels: { a: 'b' },
          User: 'app',
          WorkingDir: '/srv',
          Entrypoint: ['/init'],
          Cmd: ['serve'],
          Env: ['A=1'],
        },
        Created: '2026-01-01T00:00:00Z',
      },
      {
        id: 'sha256:i',
        repoDigests: ['r@sha256:d'],
        os: 'linux',
        architecture: 'arm64',
        variant: 'v8',
        sizeBytes: 10,
        layers: 2,
        labels: { a: 'b' },
        user: 'app',
        workdir: '/srv',
        entrypoint: ['/init'],
        cmd: ['serve'],
        env: ['A=1'],
        created: '2026-01-01T00:00:00Z',
      },
    ],
  ])('%s', (_name, raw, details) => {
    expect(imageDetails(ImageInspectSchema.parse(raw))).toEqual(details);
  });
});

describe('container create bodies', () => {
  /** What every run gets, whatever it asks: the image's code is untrusted (a pull request's). */
  const HARDENED = {
    AutoRemove: true,
    CapDrop: ['ALL'],
    SecurityOpt: ['no-new-privileges'],
    PidsLimit: DEFAULT_PIDS_LIMIT,
  };
  const LOOPBACK = { NetworkMode: 'none', ExtraHosts: [`${LOOPBACK_HOSTNAME}:127.0.0.1`] };
  it.each([
    ['nothing asked: hardened, no network', {}, { ...HARDENED, ...LOOPBACK }],
    [
      'every GPU, shared memory, host IPC, no network',
      { gpus: 'all', shmSizeBytes: 1024, ipcHost: true, network: 'none' },
      {
        ...HARDENED,
        ...LOOPBACK,
        ShmSize: 1024,
        IpcMode: 'host',
        DeviceRequests: [{ Driver: '', Count: -1, Capabilities: [['gpu']], DeviceIDs: null, Options: {} }],
      },
    ],
    [
      'two GPUs, IPC not shared, a bridge network asked for',
      { gpus: 2, ipcHost: false, network: 'bridge' },
      {
        ...HARDENED,
        NetworkMode: 'bridge',
        DeviceRequests: [{ Driver: '', Count: 2, Capabilities: [['gpu']], DeviceIDs: null, Options: {} }],
      },
    ],
    [
      'the GPUs a runner is pinned to (`--gpus "device=1,GPU-aa"`): those IDs, Count 0',
      { gpus: ['1', 'GPU-aa'] },
      {
        ...HARDENED,
        ...LOOPBACK,
        DeviceRequests: [
          { Driver: '', Count: 0, Capabilities: [['gpu']], DeviceIDs: ['1', 'GPU-aa'], Options: {} },
        ],
      },
    ],
    ['an empty device list: no GPU asked', { gpus: [] }, { ...HARDENED, ...LOOPBACK }],
    ['a pids limit of its own', { pidsLimit: 64 }, { ...HARDENED, ...LOOPBACK, PidsLimit: 64 }],
  ] as const)('hostConfigFor: %s', (_name, extra, hostConfig) => {
    expect(hostConfigFor({ image: 'i', cmd: [], ...extra })).toEqual(hostConfig);
  });

  it.each([
    ['no network: its hostname resolves to loopback', {}, { Hostname: LOOPBACK_HOSTNAME }],
    ['a bridge network: the engine names it', { network: 'bridge' }, {}],
    ['the host network: the host names it', { network: 'host' }, {}],
  ] as const)('runBody hostname: %s', (_name, extra, hostname) => {
    const spec = { image: 'i', cmd: ['x'], ...extra };
    const body = runBody(spec, ['x'], false);
    expect(body.Hostname).toEqual((hostname as { Hostname?: string }).Hostname);
    expect(body.HostConfig).toEqual(hostConfigFor(spec));
  });

  it.each([
    [
      'wrapped: the deadline script runs the whole argv',
      { cmd: ['-c', 'x'], entrypoint: ['python3'], timeoutMs: 1000, workdir: '/w' },
      true,
      {
        Entrypoint: ['/bin/sh', '-c', DEADLINE_SCRIPT, 'ml-image-deadline', '31'],
        Cmd: ['python3', '-c', 'x'],
        WorkingDir: '/w',
      },
    ],
    [
      'unwrapped with an entrypoint',
      { cmd: ['-c', 'x'], entrypoint: ['python3'] },
      false,
      { Cmd: ['-c', 'x'], Entrypoint: ['python3'] },
    ],
    ['unwrapped, the image entrypoint', { cmd: ['--version'] }, false, { Cmd: ['--version'] }],
  ] as const)('runBody: %s', (_name, extra, wrapped, command) => {
    const spec = { image: 'i', ...extra };
    const argv = effectiveArgv(spec, { entrypoint: null, cmd: null });
    expect(runBody(spec, argv, wrapped)).toEqual({
      ...command,
      Hostname: LOOPBACK_HOSTNAME,
      Tty: false,
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: { ...HARDENED, ...LOOPBACK },
    });
  });
});

describe('timers longer than node can wait', () => {
  it.each([
    [1000, 1000],
    [2 ** 31 - 1, 2 ** 31 - 1],
    // 86400 s x 25 tests in one process: node would fire it at once (TimeoutOverflowWarning).
    [86_400_000 * 25 + 60_000, 2 ** 31 - 1],
  ])('timerMs(%i) = %i', (ms, want) => {
    expect(timerMs(ms)).toBe(want);
    expect(timerMs(ms)).toBeLessThanOrEqual(MAX_TIMER_MS);
  });
});

describe('container creations in flight', () => {
  it('creationsSettled waits for each creation sent until the engine answers (or fails)', async () => {
    let answer!: () => void;
    let fail!: (e: Error) => void;
    const answers = [new Promise((r) => (answer = () => r({}))), new Promise((_r, j) => (fail = j))];
    const engine = { createContainer: () => answers.shift()! } as unknown as Dockerode;
    const spec = { image: 'busybox' };
    const made = createManaged(engineClient(engine), spec, {});
    const failed = createManaged(engineClient(engine), spec, {}).catch(() => 'failed');
    let settled = false;
    const waiting = creationsSettled().then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    answer();
    await made;
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false); // the second is still in flight
    fail(new Error('no such image'));
    expect(await failed).toBe('failed');
    await waiting;
    expect(settled).toBe(true);
    await creationsSettled(); // nothing in flight: at once
  });
});

describe('the environment of every container: no GPU unless asked', () => {
  /** The create request createManaged sends, for a run (runBody) or a session body. */
  async function created(spec: ContainerRunSpec) {
    let options: { _body?: Record<string, unknown> } = {};
    const engine = {
      createContainer: async (o: typeof options) => {
        options = o;
        return {};
      },
    } as unknown as Dockerode;
    await createManaged(engineClient(engine), spec, runBody(spec, ['x'], false));
    return options._body!;
  }

  it.each<[string, Partial<ContainerRunSpec>, string[]]>([
    ['no GPUs asked: void, whatever the image says', {}, ['NVIDIA_VISIBLE_DEVICES=void']],
    [
      "no GPUs asked, the spec's own environment kept, its NVIDIA_VISIBLE_DEVICES overridden",
      { env: { A: '1', NVIDIA_VISIBLE_DEVICES: 'all' } },
      ['A=1', 'NVIDIA_VISIBLE_DEVICES=void'],
    ],
    ['every GPU: left to the image and the DeviceRequest', { gpus: 'all', env: { A: '1' } }, ['A=1']],
    ['two GPUs: left to the image and the DeviceRequest', { gpus: 2 }, []],
    [
      "pinned GPUs: the image's NVIDIA_VISIBLE_DEVICES=all replaced by the list (an NVIDIA default runtime reads it)",
      { gpus: ['1', '2'], env: { A: '1' } },
      ['A=1', 'NVIDIA_VISIBLE_DEVICES=1,2'],
    ],
  ])('%s', async (_what, extra, env) => {
    const spec: ContainerRunSpec = { image: 'nvidia/cuda:12.8.0-base-ubuntu24.04', cmd: ['x'], ...extra };
    const body = await created(spec);
    expect(body.Env).toEqual(env);
    expect(containerEnv(spec.env, spec.gpus)).toEqual(env);
    const requests = (body.HostConfig as { DeviceRequests?: unknown[] }).DeviceRequests;
    expect(requests === undefined).toBe(spec.gpus === undefined);
  });

  it('an exec session (never given GPUs) is void too', async () => {
    let options: { _body?: { Env?: string[] } } = {};
    const engine = {
      createContainer: async (o: typeof options) => {
        options = o;
        return {};
      },
    } as unknown as Dockerode;
    await createManaged(engineClient(engine), { image: 'i', env: { PIP_NO_INPUT: '1' } }, {});
    expect(options._body?.Env).toEqual(['PIP_NO_INPUT=1', 'NVIDIA_VISIBLE_DEVICES=void']);
  });
});

describe("inspectLocalImage: the engine's own image, never pulled", () => {
  const INSPECT = { Id: 'sha256:i', Os: 'linux', Architecture: 'amd64', Size: 10 };
  /** An engine whose inspect answers ANSWER; a pull is an error (the fake has none to give). */
  function engine(answer: () => Promise<unknown>) {
    const pulls: string[] = [];
    const fake = {
      getImage: () => ({ inspect: answer }),
      pull: async (ref: string) => {
        pulls.push(ref);
        throw new Error('pulled');
      },
    } as unknown as Dockerode;
    const docker = createDockerAdapter({
      docker: fake,
      exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
    });
    return { docker, pulls };
  }

  it('a tag the engine holds: its details', async () => {
    const { docker } = engine(async () => INSPECT);
    expect(await docker.inspectLocalImage('r:t')).toMatchObject({ id: 'sha256:i', architecture: 'amd64' });
  });

  it('a tag the engine does not hold: undefined, and no pull', async () => {
    const { docker, pulls } = engine(() =>
      Promise.reject(Object.assign(new Error('(HTTP code 404) no such image'), { statusCode: 404 })),
    );
    expect(await docker.inspectLocalImage('r:ml-image-build-1')).toBeUndefined();
    expect(pulls).toEqual([]);
  });

  it('any other refusal is thrown', async () => {
    const { docker } = engine(() =>
      Promise.reject(Object.assign(new Error('(HTTP code 500) server error'), { statusCode: 500 })),
    );
    await expect(docker.inspectLocalImage('r:t')).rejects.toThrow(/HTTP code 500/);
  });

  /** An adapter whose local socket answers LOCAL; dockerode's inspect answers INSPECT when loaded. */
  function overSocket(local: unknown) {
    const loaded: string[] = [];
    const docker = createDockerAdapter({
      docker: async () => {
        loaded.push('dockerode');
        return { getImage: () => ({ inspect: async () => INSPECT }) } as unknown as Dockerode;
      },
      exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
      local: { image: async () => local },
    });
    return { docker, loaded };
  }

  it.each([
    [
      'the socket has the image: its details, dockerode never loaded',
      { ...INSPECT, Id: 'sha256:s' },
      'sha256:s',
      [],
    ],
    ['the socket says there is none (null): undefined, dockerode never loaded', null, undefined, []],
    ['the socket cannot tell (undefined): dockerode is asked', undefined, 'sha256:i', ['dockerode']],
  ])('%s', async (_name, local, id, loaded) => {
    const o = overSocket(local);
    expect((await o.docker.inspectLocalImage('r:t'))?.id).toBe(id);
    expect(o.loaded).toEqual(loaded);
  });

  it("an answer over the socket is parsed like dockerode's: a malformed one is the engine's error", async () => {
    await expect(overSocket({ Id: 7 }).docker.inspectLocalImage('r:t')).rejects.toThrow(
      /inspect of image r:t/,
    );
  });
});

describe('exec sessions', () => {
  it.each([
    [{}, 3600],
    [{ deadlineMs: 1500 }, 2],
    [{ deadlineMs: 0 }, 1],
  ])('sessionSeconds(%j) = %i', (spec, seconds) => {
    expect(sessionSeconds(spec)).toBe(seconds);
  });

  it('the session idles under sh, bypassing the image entrypoint', () => {
    expect(sessionCommand(7)).toEqual({
      Entrypoint: ['sh', '-c', SESSION_SCRIPT, 'ml-image-session', '7', '7', '60'],
      Cmd: [],
    });
    expect(sessionCommand(3600, { idleSeconds: 600, stepSeconds: 60 }).Entrypoint.slice(4)).toEqual([
      '3600',
      '600',
      '60',
    ]);
  });

  it.each([
    [{}, { idleSeconds: 3600, stepSeconds: 60 }],
    [{ deadlineMs: 8000 }, { idleSeconds: 8, stepSeconds: 2 }],
    [
      { deadlineMs: 3_600_000, idleMs: 600_000 },
      { idleSeconds: 600, stepSeconds: 60 },
    ],
    [
      { deadlineMs: 3_600_000, idleMs: 2000 },
      { idleSeconds: 2, stepSeconds: 1 },
    ],
    [{ idleMs: 0 }, { idleSeconds: 1, stepSeconds: 1 }],
  ])('sessionIdle(%j) = %j', (spec, expected) => {
    expect(sessionIdle(spec)).toEqual(expected);
  });

  it.each([
    ['/tmp/ml-image-x', { 'a.txt': 'A' }, '/tmp', 'ml-image-x', undefined, { uid: 0, gid: 0 }],
    ['/work', {}, '/', 'work', undefined, { uid: 0, gid: 0 }],
    ['/tmp/ws', { 'r.txt': 'R' }, '/tmp', 'ws', { uid: 4242, gid: 100 }, { uid: 4242, gid: 100 }],
  ])('sessionArchive(%s), owned by the session user', (dir, files, parent, base, owner, ids) => {
    expect(sessionArchive(dir, files, owner)).toEqual({
      parent,
      entries: [
        { name: `${base}/`, mode: 0o700, ...ids },
        ...Object.entries(files).map(([name, content]) => ({
          name: `${base}/${name}`,
          content,
          mode: 0o600,
          ...ids,
        })),
      ],
    });
  });

  it.each([
    ['uid=1000(app) gid=1000(app) groups=1000(app),27(sudo)\n', { uid: 1000, gid: 1000 }],
    ['uid=0(root) gid=0(root) groups=0(root),10(wheel)', { uid: 0, gid: 0 }],
    // A uid without a passwd entry: busybox and coreutils print the number alone.
    ['uid=4242 gid=4242 groups=4242', { uid: 4242, gid: 4242 }],
    ['sh: id: not found', undefined],
    ['', undefined],
  ])('parseIdOutput(%j)', (out, expected) => {
    expect(parseIdOutput(out)).toEqual(expected);
  });

  it("tarArchive writes each entry's owner in its header (octal, offsets 108 and 116)", () => {
    const tar = tarArchive([
      { name: 'ws/', mode: 0o700, uid: 4242, gid: 100 },
      { name: 'ws/a', content: 'A', mode: 0o600 },
    ]);
    const field = (block: number, at: number) =>
      tar.subarray(block * 512 + at, block * 512 + at + 7).toString('ascii');
    expect([field(0, 108), field(0, 116)]).toEqual(['0010222', '0000144']);
    expect([field(1, 108), field(1, 116)]).toEqual(['0000000', '0000000']);
  });
});

// `--gpus auto`: GPUs only where the engine can give them. Docker 28.2+ configures /etc/cdi and
// /var/run/cdi on every host, so a CDI spec directory alone must not count: an NVIDIA runtime does,
// or a CDI device of kind nvidia.com/gpu (the engine's DiscoveredDevices, else the spec files).
describe('CDI devices and --gpus auto', () => {
  /** The shape `nvidia-ctk cdi generate` writes (abridged). */
  const NVIDIA_SPEC = `---
cdiVersion: 0.5.0
containerEdits:
  deviceNodes:
  - path: /dev/nvidiactl
  - path: /dev/nvidia-uvm
  hooks:
  - args: [nvidia-cdi-hook, update-ldcache, --folder, /usr/lib/x86_64-linux-gnu]
    hookName: createContainer
    path: /usr/bin/nvidia-cdi-hook
devices:
- containerEdits:
    deviceNodes:
    - path: /dev/nvidia0
  name: "0"
- containerEdits:
    deviceNodes:
    - path: /dev/nvidia0
  name: all
kind: nvidia.com/gpu
`;
  const OTHER_SPEC = JSON.stringify({
    cdiVersion: '0.6.0',
    kind: 'vendor.example/fpga',
    devices: [{ name: 'fpga0', containerEdits: { deviceNodes: [{ path: '/dev/fpga0' }] } }],
  });

  /** A CDI spec directory with these files; removed after FN. */
  async function withSpecDir<T>(
    files: Record<string, string>,
    fn: (dir: string) => Promise<T> | T,
  ): Promise<T> {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-cdi-'));
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      return await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** An engine that answers /info with INFO, reached through MODEM's connection settings. */
  const engine = (info: unknown, modem: Record<string, unknown> = { socketPath: '/var/run/docker.sock' }) =>
    createDockerAdapter({
      docker: { info: async () => info, modem } as unknown as Dockerode,
      exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
    });

  it('reads a spec file as the CDI cache does: kind=name per device; anything else is nothing', () => {
    expect(specDevices(NVIDIA_SPEC)).toEqual(['nvidia.com/gpu=0', 'nvidia.com/gpu=all']);
    expect(specDevices(OTHER_SPEC)).toEqual(['vendor.example/fpga=fpga0']);
    expect(specDevices('kind: nvidia.com/gpu\ndevices:\n- name: 0\n')).toEqual(['nvidia.com/gpu=0']);
    for (const bad of ['', ':::', '[1, 2]', 'kind: nvidia.com/gpu', 'devices: [{name: x}]', '{"kind": 1}'])
      expect(specDevices(bad), bad).toEqual([]);
  });

  it('only the top level of each directory, *.json and *.yaml; a missing directory is skipped', async () => {
    await withSpecDir(
      {
        'other.json': OTHER_SPEC,
        'nvidia.yml': NVIDIA_SPEC, // not a spec file name the engine reads
        'sub/nvidia.yaml': NVIDIA_SPEC, // subdirectories are skipped
        'broken.yaml': '{ kind: [',
      },
      (dir) => {
        expect(readCdiDevices([dir, path.join(dir, 'missing')])).toEqual(['vendor.example/fpga=fpga0']);
        symlinkSync(path.join(dir, 'sub/nvidia.yaml'), path.join(dir, 'linked.yaml'));
        expect(readCdiDevices([dir]).sort()).toEqual([
          'nvidia.com/gpu=0',
          'nvidia.com/gpu=all',
          'vendor.example/fpga=fpga0',
        ]);
      },
    );
  });

  it.each([
    ['the NVIDIA runtime', { Runtimes: { runc: {}, nvidia: {} }, CDISpecDirs: [] }, {}, 'all'],
    ["the toolkit's nvidia-cdi runtime", { Runtimes: { runc: {}, 'nvidia-cdi': {} } }, {}, 'all'],
    [
      'Docker 28.2+ default CDI directories, no device in them',
      { Runtimes: { runc: {} }, CDISpecDirs: ['/etc/cdi', '/var/run/cdi'], DiscoveredDevices: [] },
      {},
      'none',
    ],
    [
      'a discovered device that is not a GPU',
      { Runtimes: { runc: {} }, DiscoveredDevices: [{ Source: 'cdi', ID: 'vendor.example/fpga=fpga0' }] },
      {},
      'none',
    ],
    [
      'a discovered nvidia.com/gpu device',
      { Runtimes: { runc: {} }, DiscoveredDevices: [{ Source: 'cdi', ID: 'nvidia.com/gpu=all' }] },
      {},
      'all',
    ],
    [
      'an older local engine: a spec of kind nvidia.com/gpu',
      { Runtimes: { runc: {} } },
      { 'nvidia.yaml': NVIDIA_SPEC },
      'all',
    ],
    [
      'an older local engine: a CDI directory with no nvidia spec',
      { Runtimes: { runc: {} } },
      { 'fpga.json': OTHER_SPEC },
      'none',
    ],
  ] as const)('%s -> %s', async (_name, info, files, expected) => {
    const { resolveGpus } = await import('../../src/smoke/run.js');
    await withSpecDir(files, async (dir) => {
      const withDirs = 'CDISpecDirs' in info ? info : { ...info, CDISpecDirs: [dir] };
      expect(await resolveGpus('auto', engine(withDirs))).toBe(expected);
      // An explicit mode is taken as given, without asking the engine.
      expect(await resolveGpus('none', engine(withDirs))).toBe('none');
      expect(await resolveGpus('all', engine({ Runtimes: {} }))).toBe('all');
    });
  });

  it('the info read over the local socket: dockerode is never loaded, the spec files are read', async () => {
    await withSpecDir({ 'nvidia.yaml': NVIDIA_SPEC }, async (dir) => {
      const info = { Runtimes: { runc: {}, nvidia: {} }, CDISpecDirs: [dir] };
      const docker = createDockerAdapter({
        docker: () => Promise.reject(new Error('dockerode loaded')),
        exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
        local: { info: async () => info },
      });
      expect(await docker.daemonFeatures()).toEqual({
        runtimes: ['runc', 'nvidia'],
        cdiSpecDirs: [dir],
        cdiDevices: ['nvidia.com/gpu=0', 'nvidia.com/gpu=all'],
      });
    });
  });

  it('no answer over the local socket (another engine, a failure): dockerode is asked', async () => {
    const docker = createDockerAdapter({
      docker: {
        info: async () => ({ Runtimes: { runc: {} }, DiscoveredDevices: [] }),
      } as unknown as Dockerode,
      exec: { run: async () => ({ exitCode: 0, stdout: '', stderr: '' }) },
      local: { info: async () => undefined },
    });
    expect(await docker.daemonFeatures()).toEqual({ runtimes: ['runc'], cdiSpecDirs: [], cdiDevices: [] });
  });

  it("the engine's own list wins; a remote engine's spec directories are not this machine's to read", async () => {
    await withSpecDir({ 'nvidia.yaml': NVIDIA_SPEC }, async (dir) => {
      const info = { Runtimes: { runc: {} }, CDISpecDirs: [dir] };
      expect((await engine(info).daemonFeatures()).cdiDevices).toEqual([
        'nvidia.com/gpu=0',
        'nvidia.com/gpu=all',
      ]);
      // docker-modem 5 without DOCKER_HOST: a function that picks the default socket (local).
      expect(
        (await engine(info, { socketPath: () => Promise.resolve('/var/run/docker.sock') }).daemonFeatures())
          .cdiDevices,
      ).toHaveLength(2);
      expect((await engine({ ...info, DiscoveredDevices: [] }).daemonFeatures()).cdiDevices).toEqual([]);
      expect(
        (await engine(info, { host: '10.0.0.7', port: 2376, protocol: 'https' }).daemonFeatures()).cdiDevices,
      ).toEqual([]);
    });
  });
});

describe('configPlatform', () => {
  it.each([
    ['{"os":"linux","architecture":"amd64"}', 'linux/amd64'],
    ['{"os":"linux","architecture":"arm","variant":"v7","rootfs":{}}', 'linux/arm/v7'],
    ['{"linux/amd64":{"os":"linux","architecture":"amd64"}}', undefined], // an index: configs by platform
    ['{"architecture":"amd64"}', undefined],
    ['not json', undefined],
    ['null', undefined],
  ])('%s -> %s', (raw, want) => {
    expect(configPlatform(raw)).toBe(want);
  });
});
