// The base the resolver runs, as the build will use it: the engine's own image under the tag
// (dockerd's builder without build.pull), or the registry's by digest (build.pull, or a builder
// without this engine's images); and a pull of it that the registry refuses (the engine sends no
// credentials) as exit 3 with the fix, not as a bad reference.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigFileSchema, normalizeConfig } from '../../src/config/schema.js';
import type { DaemonFeatures, DockerAdapter, SessionSpec } from '../../src/docker/adapter.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { platformManifest } from '../../src/docker/platform-image.js';
import { basePullError, localPin, pinBase } from '../../src/resolve/base.js';
import { resolveAgainstBase, type ResolveInput } from '../../src/resolve/resolve.js';
import { snapshotKey } from '../../src/resolve/snapshot-cache.js';
import { runResolveStage } from '../../src/resolve/stage.js';
import { runCli } from '../../src/cli/main.js';
import { clearInterruptedForTests, InterruptedError, markInterrupted } from '../../src/util/cleanup.js';
import { captureIo, daemonFeatures, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makePlan, planVariant } from '../helpers/plans.js';
import { cleanSession as clean } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const STALE = `sha256:${'5'.repeat(64)}`;

/** An engine that holds a stale image under the tag, and a registry that knows DIGEST for it. */
function staleEngine(specs: SessionSpec[]): DockerAdapter {
  return fakeDocker({
    imageDigest: () => Promise.resolve(DIGEST),
    inspectLocalImage: () => Promise.resolve(imageDetails({ id: STALE, repoDigests: [] })),
    startSession: (spec) => {
      specs.push(spec);
      return Promise.resolve(clean());
    },
  });
}

const input = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: { text: 'tqdm', origins: ['/w/r.txt:1'] },
  mode: 'auto',
  ...over,
});

describe('the base the resolver runs is the one the build uses', () => {
  it('localPin: keyed by the digest only when the local image came from it', () => {
    const local = imageDetails({ id: STALE, repoDigests: [`localhost:5000/base@${DIGEST}`] });
    expect(localPin('localhost:5000/base:1', local, DIGEST)).toEqual({ ref: STALE, key: DIGEST });
    expect(localPin('localhost:5000/base:1', { ...local, repoDigests: [] }, DIGEST)).toMatchObject({
      ref: STALE,
      key: STALE,
    });
    expect(localPin('localhost:5000/base:1', { ...local, repoDigests: [] }, undefined)).toEqual({
      ref: STALE,
      key: STALE,
    });
  });

  it('a stale local tag: resolved against the local image, cached under its id, never under the digest; the progress says so', async () => {
    const store = new Map<string, string>();
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    const specs: SessionSpec[] = [];
    const lines: string[] = [];
    await resolveAgainstBase(input(), {
      ...NO_WORLD,
      docker: staleEngine(specs),
      cache,
      env: {},
      progress: (l) => lines.push(l),
    });
    expect(specs[0]!.image).toBe(STALE);
    expect([...store.keys()]).toEqual([snapshotKey(STALE, 'linux/amd64')]);
    expect(lines[0]).toMatch(
      /^resolve linux\/amd64: the image this machine holds under localhost:5000\/base:1 \(sha256:5{12}\) is not the registry's \(sha256:d{12}\)/,
    );
  });

  it("with pull (build.pull): the registry's image by digest, cached under it", async () => {
    const store = new Map<string, string>();
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    const specs: SessionSpec[] = [];
    await resolveAgainstBase(input({ pull: true }), {
      ...NO_WORLD,
      docker: staleEngine(specs),
      cache,
      env: {},
    });
    expect(specs[0]!.image).toBe(`localhost:5000/base@${DIGEST}`);
    expect([...store.keys()]).toEqual([snapshotKey(DIGEST, 'linux/amd64')]);
  });

  describe('the build stage follows build.pull and the builder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-base-'));
    writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it.each<[string, boolean, boolean | undefined, 'local' | 'registry']>([
      ["dockerd's builder, no pull", false, undefined, 'local'],
      ['build.pull', true, undefined, 'registry'],
      ['a builder without local images', false, true, 'registry'],
    ])('%s', async (_what, pull, registryBase, want) => {
      const config = normalizeConfig(
        ConfigFileSchema.parse({
          image: { name: 'acme/m' },
          python: { requirements: ['requirements.txt'] },
          build: { pull },
        }),
      );
      const specs: SessionSpec[] = [];
      const plan = makePlan(planVariant('cpu'));
      await runResolveStage(plan, config, dir, {
        docker: staleEngine(specs),
        progress: () => undefined,
        env: {},
        cache: { get: () => undefined, set: () => undefined },
        lookupHost: () => Promise.resolve([]),
        ...(registryBase !== undefined && { registryBase }),
      });
      const ref = plan.variants[0]!.base.ref;
      const repo = ref.slice(0, ref.lastIndexOf(':'));
      expect(specs[0]!.image).toBe(want === 'local' ? STALE : `${repo}@${DIGEST}`);
    });
  });
});

describe('the containerd image store: one local image under the tag serves every platform, as the build takes it', () => {
  // A list tagged on this engine alone: its ID is the index digest, its inspect names the host's
  // platform (amd64) whatever it holds, and no registry knows the tag.
  const INDEX = `sha256:${'1'.repeat(64)}`;
  const held = imageDetails({ id: INDEX, repoDigests: [] });
  const engine = (
    store: DaemonFeatures['imageStore'] | 'fails',
    specs: SessionSpec[] = [],
    registry?: string,
  ) =>
    fakeDocker({
      imageDigest: () =>
        registry ? Promise.resolve(registry) : Promise.reject(new Error('manifest unknown')),
      inspectLocalImage: () => Promise.resolve(held),
      daemonFeatures: () =>
        store === 'fails'
          ? Promise.reject(new Error('info refused'))
          : Promise.resolve(
              daemonFeatures({ runtimes: ['runc'], ...(store !== undefined && { imageStore: store }) }),
            ),
      imagetoolsInspect: () => Promise.resolve({ digest: DIGEST, mediaType: 'x', platforms: [] }) as never,
      startSession: (spec) => {
        specs.push(spec);
        return Promise.resolve(clean());
      },
    });
  const base = { image: 'localhost:5000/base:1', platform: 'linux/arm64' };

  it('pinBase for linux/arm64: the local index, run by its ID and keyed by it, as the build records it', async () => {
    await expect(pinBase(engine('containerd'), base, true)).resolves.toEqual({ ref: INDEX, key: INDEX });
  });

  it("a local list the registry also has: the registry's platform manifest runs (a pull kept only the host's content), keyed by the digest", async () => {
    const fromRegistry = fakeDocker({
      imageDigest: () => Promise.resolve(INDEX),
      inspectLocalImage: () => Promise.resolve({ ...held, repoDigests: [`localhost:5000/base@${INDEX}`] }),
      daemonFeatures: () => Promise.resolve(daemonFeatures({ imageStore: 'containerd' })),
    });
    const pinned = await pinBase(fromRegistry, base, true);
    expect(pinned).toMatchObject({ ref: `localhost:5000/base@${INDEX}`, key: INDEX });
    expect(pinned.platformRef).toBeDefined();
  });

  it("a local list pulled before the registry's tag moved: that index's platform manifest runs, keyed by it, as the build takes and records it", async () => {
    const pulled = (repoDigests: string[]) =>
      fakeDocker({
        imageDigest: () => Promise.resolve(DIGEST),
        inspectLocalImage: () => Promise.resolve({ ...held, repoDigests }),
        daemonFeatures: () => Promise.resolve(daemonFeatures({ imageStore: 'containerd' })),
      });
    const pinned = await pinBase(pulled([`localhost:5000/base@${INDEX}`]), base, true);
    expect(pinned).toMatchObject({ ref: `localhost:5000/base@${INDEX}`, key: INDEX });
    expect(pinned.platformRef).toBeDefined();
    // Pulled from another repository (tagged here): no registry of this name knows it, run by its ID.
    await expect(pinBase(pulled([`localhost:5000/other@${INDEX}`]), base, true)).resolves.toMatchObject({
      ref: INDEX,
      key: INDEX,
    });
    // Tagged here alone: the containerd store names the tag's repository at the ID in RepoDigests
    // all the same, but the registry knows no such tag (no digest): run by its ID, never pulled.
    const taggedHere = fakeDocker({
      imageDigest: () => Promise.reject(new Error('manifest unknown')),
      inspectLocalImage: () => Promise.resolve({ ...held, repoDigests: [`localhost:5000/base@${INDEX}`] }),
      daemonFeatures: () => Promise.resolve(daemonFeatures({ imageStore: 'containerd' })),
    });
    await expect(pinBase(taggedHere, base, true)).resolves.toMatchObject({ ref: INDEX, key: INDEX });
  });

  it.each<[string, DaemonFeatures['imageStore'] | 'fails']>([
    ['the classic store', 'classic'],
    ['an info that names no store', undefined],
    ['an engine that does not answer its info', 'fails'],
  ])("%s: an amd64 image under the tag is not arm64's, so the registry's runs", async (_what, store) => {
    const pinned = await pinBase(engine(store, [], DIGEST), base, true);
    expect(pinned).toMatchObject({ ref: `localhost:5000/base@${DIGEST}`, key: DIGEST });
  });

  it("the host's platform: the local image, without asking the engine's info", async () => {
    let asked = 0;
    const docker = fakeDocker({
      imageDigest: () => Promise.resolve(DIGEST),
      inspectLocalImage: () => Promise.resolve(held),
      daemonFeatures: () => {
        asked++;
        return Promise.reject(new Error('not asked'));
      },
    });
    await expect(pinBase(docker, { ...base, platform: 'linux/amd64' }, true)).resolves.toMatchObject({
      ref: INDEX,
      key: INDEX,
    });
    expect(asked).toBe(0);
  });

  it('resolveAgainstBase for linux/arm64: the container runs the local index, the snapshot is cached under it', async () => {
    const store = new Map<string, string>();
    const cache = { get: (k: string) => store.get(k), set: (k: string, v: string) => void store.set(k, v) };
    const specs: SessionSpec[] = [];
    await resolveAgainstBase(input({ platform: 'linux/arm64' }), {
      ...NO_WORLD,
      docker: engine('containerd', specs),
      cache,
      env: {},
    });
    expect(specs[0]).toMatchObject({ image: INDEX, platform: 'linux/arm64' });
    expect([...store.keys()]).toEqual([snapshotKey(INDEX, 'linux/arm64')]);
  });
});

describe('a pull of the base that the registry refuses', () => {
  const pullError = (said: string) =>
    new InputError(
      `cannot pull image ghcr.io/o/base@${DIGEST}: ${said}`,
      'check the image reference and that it exists',
    );
  it.each<[string, string, boolean]>([
    [
      '401 unauthorized',
      '(HTTP code 500) server error - Head "https://ghcr.io/v2/o/base/manifests/sha256:d": unauthorized',
      true,
    ],
    [
      "Docker Hub's denied",
      "(HTTP code 404) unexpected - pull access denied for o/base, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      true,
    ],
    ['403 Forbidden', 'Head "https://r.example/v2/o/base/manifests/x": 403 Forbidden', true],
    ['ECR without a login', 'Get "https://1.dkr.ecr.example/v2/": no basic auth credentials', true],
    ['authentication required', 'unauthorized: authentication required', true],
    ['a manifest unknown', '(HTTP code 404) unexpected - manifest unknown', false],
    ['a bad reference', 'invalid reference format', false],
  ])('%s: exit 3 with the login fix: %s', (_what, said, refused) => {
    const e = basePullError(pullError(said), `ghcr.io/o/base@${DIGEST}`, 'linux/arm64');
    if (!refused) {
      expect(e).toBeInstanceOf(InputError);
      return;
    }
    expect(e).toBeInstanceOf(EnvironmentError);
    const err = e as EnvironmentError;
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain(said);
    expect(err.message).toContain('sends none');
    expect(err.fix).toContain('"docker login ghcr.io"');
    expect(err.fix).toContain(`"docker pull --platform linux/arm64 ghcr.io/o/base@${DIGEST}"`);
  });

  it('errors that are not a refused pull pass as they are', () => {
    const other = new EnvironmentError('cannot pull ghcr.io/o/base: registry unreachable (dial tcp)', 'fix');
    expect(basePullError(other, 'ghcr.io/o/base:1', 'linux/amd64')).toBe(other);
    const plain = new Error('unauthorized');
    expect(basePullError(plain, 'ghcr.io/o/base:1', 'linux/amd64')).toBe(plain);
    // "denied" in the image's own name is not the registry's answer.
    const named = new InputError('cannot pull image ghcr.io/o/denied:1: manifest unknown');
    expect(basePullError(named, 'ghcr.io/o/denied:1', 'linux/amd64')).toBe(named);
  });

  it('ml-image resolve: exit 3 with the fix, not exit 2 "check the image reference"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-denied-'));
    try {
      writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
      // Nothing local; the registry told the digest (its HTTP client sends the user's login), and
      // the engine's pull by that digest (no credentials) is refused.
      const specs: SessionSpec[] = [];
      const io = captureIo(
        dir,
        fakeDocker({
          ping: () => Promise.resolve({ version: '29.0.0', apiVersion: '1.52', os: 'linux', arch: 'x86_64' }),
          imageDigest: () => Promise.resolve(DIGEST),
          inspectLocalImage: () => Promise.resolve(undefined),
          startSession: (spec) => {
            specs.push(spec);
            return Promise.reject(
              new InputError(
                `cannot pull image ${spec.image}: (HTTP code 500) server error - Head "https://ghcr.io/v2/o/base/manifests/${DIGEST}": denied: denied`,
                'check the image reference and that it exists',
              ),
            );
          },
        }),
      );
      const code = await runCli(
        ['resolve', '--image', 'ghcr.io/o/base:1', '--requirements', 'requirements.txt'],
        io,
      );
      expect(code).toBe(3);
      expect(io.err()).toContain('docker login ghcr.io');
      expect(specs.map((s) => s.image)).toEqual([`ghcr.io/o/base@${DIGEST}`]);
      expect(io.err()).toContain(`docker pull --platform linux/amd64 ghcr.io/o/base@${DIGEST}`);
      expect(io.err()).not.toContain('check the image reference');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The containerd image store holds a local list (not the registry's) whose arm64 content a pull
// on an amd64 host never fetched: the container's create by the list's ID answers "No such image".
describe("a local list without the platform's content: exit 3 with the pull", () => {
  const LIST = `sha256:${'4'.repeat(64)}`;
  const noSuchImage = () =>
    Object.assign(new Error(`(HTTP code 404) no such container - No such image: ${LIST}`), {
      statusCode: 404,
      json: { message: `No such image: ${LIST}` },
    });

  it("basePullError: the engine's 404 by ID is exit 3 naming the base as written", () => {
    const e = basePullError(noSuchImage(), LIST, 'linux/arm64', 'python:3.12-slim');
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as EnvironmentError).message).toContain(`No such image: ${LIST}`);
    expect((e as EnvironmentError).fix).toContain('"docker pull --platform linux/arm64 python:3.12-slim"');
    // A reference, not an ID: as it is.
    const plain = noSuchImage();
    expect(basePullError(plain, 'python:3.12-slim', 'linux/arm64')).toBe(plain);
  });

  it('ml-image resolve: exit 3 with the fix, not an internal error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-nosuch-'));
    try {
      writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
      const specs: SessionSpec[] = [];
      const io = captureIo(
        dir,
        fakeDocker({
          ping: () => Promise.resolve({ version: '29.0.0', apiVersion: '1.52', os: 'linux', arch: 'x86_64' }),
          daemonFeatures: () => Promise.resolve(daemonFeatures({ imageStore: 'containerd' })),
          imageDigest: () => Promise.resolve(DIGEST),
          inspectLocalImage: () => Promise.resolve(imageDetails({ id: LIST, repoDigests: [] })),
          startSession: (spec) => {
            specs.push(spec);
            return Promise.reject(noSuchImage());
          },
        }),
      );
      const code = await runCli(
        [
          'resolve',
          '--image',
          'python:3.12-slim',
          '--platform',
          'linux/arm64',
          '--requirements',
          'requirements.txt',
        ],
        io,
      );
      expect(specs.map((s) => s.image)).toEqual([LIST]);
      expect(io.err()).not.toContain('internal error');
      expect(code).toBe(3);
      expect(io.err()).toContain('docker pull --platform linux/arm64 python:3.12-slim');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the registry's base runs as the platform's own manifest", () => {
  const AMD = `sha256:${'a'.repeat(64)}`;
  const ARM = `sha256:${'b'.repeat(64)}`;
  const index = {
    mediaType: 'application/vnd.oci.image.index.v1+json',
    platforms: [
      { os: 'linux', architecture: 'amd64', digest: AMD },
      { os: 'linux', architecture: 'arm64', variant: 'v8', digest: ARM },
    ],
  };

  it.each([
    ['linux/amd64', AMD],
    ['linux/arm64', ARM],
    ['linux/arm64/v8', ARM],
    ['linux/arm/v7', undefined],
  ])('platformManifest %s -> %s', (platform, want) => {
    expect(platformManifest(index, platform)).toBe(want);
  });

  // The engine holds the amd64 image under the index digest (pulled from it): an arm64 run by the
  // index digest would find that one and refuse it ("does not match the specified platform").
  it.each([
    ['an index: the arm64 manifest, keyed by the index digest', index, `localhost:5000/base@${ARM}`],
    [
      'a single-platform image: its own digest',
      { mediaType: 'x', platforms: [] },
      `localhost:5000/base@${DIGEST}`,
    ],
  ])('%s', async (_what, answer, ref) => {
    const specs: SessionSpec[] = [];
    const inspected: string[] = [];
    await resolveAgainstBase(input({ platform: 'linux/arm64' }), {
      ...NO_WORLD,
      docker: fakeDocker({
        imageDigest: () => Promise.resolve(DIGEST),
        imagetoolsInspect: (r) => {
          inspected.push(r);
          return Promise.resolve(answer);
        },
        inspectLocalImage: () =>
          Promise.resolve(imageDetails({ id: STALE, repoDigests: [`localhost:5000/base@${DIGEST}`] })),
        startSession: (spec) => {
          specs.push(spec);
          return Promise.resolve(clean());
        },
      }),
      env: {},
    });
    expect(inspected).toEqual([`localhost:5000/base@${DIGEST}`]);
    expect(specs.map((s) => s.image)).toEqual([ref]);
  });

  it('a reused resolution needs the key alone: the index (a counted pull on Docker Hub) is not read', async () => {
    const inspected: string[] = [];
    const specs: SessionSpec[] = [];
    const cache = new Map<string, string>();
    const deps = () => ({
      ...NO_WORLD,
      docker: fakeDocker({
        imageDigest: () => Promise.resolve(DIGEST),
        imagetoolsInspect: (r: string) => {
          inspected.push(r);
          return Promise.resolve(index);
        },
        inspectLocalImage: () => Promise.resolve(undefined),
        startSession: (spec: SessionSpec) => {
          specs.push(spec);
          return Promise.resolve(clean());
        },
      }),
      cache: { get: (k: string) => cache.get(k), set: (k: string, v: string) => void cache.set(k, v) },
      reuse: true,
      env: {},
    });
    await resolveAgainstBase(input({ platform: 'linux/arm64' }), deps());
    expect([inspected.length, specs.length]).toEqual([1, 1]);
    expect([...cache.keys()].some((k) => k.startsWith('resolution-'))).toBe(true);
    await resolveAgainstBase(input({ platform: 'linux/arm64' }), deps());
    expect([inspected.length, specs.length]).toEqual([1, 1]);
  });
});

// The registry's digest of the base, asked of a registry that did not answer, when SIGTERM came:
// the interrupt was taken for "no answer", and the stage went on to pull the base and start its
// session while the process was exiting.
describe('an interrupt while the base is looked up', () => {
  afterEach(() => clearInterruptedForTests());
  const stopped = () => {
    markInterrupted('SIGTERM');
    return Promise.reject(new InterruptedError('SIGTERM', 'docker buildx imagetools', { detail: 'killed' }));
  };

  it.each([
    ['the digest (build.pull)', { imageDigest: stopped }, true],
    ['the digest (keyed)', { imageDigest: stopped }, false],
    [
      "the platform's manifest",
      { imageDigest: () => Promise.resolve(DIGEST), imagetoolsInspect: stopped },
      true,
    ],
  ])('%s: the interrupt is thrown, no session is started', async (_n, over, pull) => {
    const specs: SessionSpec[] = [];
    const docker = fakeDocker({
      inspectLocalImage: () => Promise.reject(new Error('no such image')),
      startSession: (spec) => {
        specs.push(spec);
        return Promise.resolve(clean());
      },
      ...over,
    });
    const e: unknown = await resolveAgainstBase(input({ ...(pull && { pull: true }) }), {
      ...NO_WORLD,
      docker,
      env: {},
    }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(InterruptedError);
    expect((e as InterruptedError).exitCode).toBe(143);
    expect(specs).toEqual([]);
  });
});
