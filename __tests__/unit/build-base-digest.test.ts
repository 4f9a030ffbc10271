// The base digest a build records (its labels, build.json, and from there the signed provenance and
// the SBOM) names the image the build starts from: dockerd's own builder (the docker driver) without
// build.pull takes the engine's image under the tag, which may not be the registry's. The engine and
// buildx are fakes: no process is started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BaseOf, builtBase } from '../../src/build/base-digest.js';
import type { BuildResult } from '../../src/build/result.js';
import { runBuildStage } from '../../src/build/stage.js';
import { validateConfigData } from '../../src/config/load.js';
import type { CommandRunner, ImageDetails } from '../../src/docker/adapter.js';
import { EnvironmentError } from '../../src/errors.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

const NO_GIT: CommandRunner = {
  run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
};
const D = (c: string) => `sha256:${c.repeat(64)}`;
const REGISTRY = D('9');
const STALE = D('5');
const LOCAL_ID = D('1');
const BASE = 'python:3.12-slim';
const amd64 = { ref: BASE, platforms: ['linux/amd64'] };
const local = (repoDigests: string[], over: Partial<ImageDetails> = {}) =>
  imageDetails({ id: LOCAL_ID, repoDigests, ...over });

describe('builtBase: the digest of the base a docker-driver build without build.pull starts from', () => {
  it.each<[string, typeof amd64, string | undefined, ImageDetails | undefined, string | undefined, boolean]>([
    ["none held: the registry's (the build pulls it)", amd64, REGISTRY, undefined, REGISTRY, false],
    [
      "the registry's, pulled (RepoDigests name it)",
      amd64,
      REGISTRY,
      local([`python@${REGISTRY}`]),
      REGISTRY,
      false,
    ],
    [
      "the registry's, pulled under Docker Hub's full name",
      amd64,
      REGISTRY,
      local([`docker.io/library/python@${STALE}`, `index.docker.io/library/python@${REGISTRY}`]),
      REGISTRY,
      false,
    ],
    [
      'a stale pull: its own registry digest, warned',
      amd64,
      REGISTRY,
      local([`python@${STALE}`]),
      STALE,
      true,
    ],
    [
      "another repository's digest does not name it",
      amd64,
      REGISTRY,
      local([`mirror.corp/python@${REGISTRY}`]),
      undefined,
      true,
    ],
    [
      'built or tagged here: no registry digest names it, none recorded, warned',
      amd64,
      REGISTRY,
      local([]),
      undefined,
      true,
    ],
    [
      "held for another platform: the build pulls the registry's",
      amd64,
      REGISTRY,
      local([`python@${STALE}`], { architecture: 'arm64' }),
      REGISTRY,
      false,
    ],
    [
      'a stale pull for one of two platforms: no one digest names both, none recorded',
      { ref: BASE, platforms: ['linux/amd64', 'linux/arm64'] },
      REGISTRY,
      local([`python@${STALE}`]),
      undefined,
      true,
    ],
    [
      "the registry gave no answer: the local one's own digest",
      amd64,
      undefined,
      local([`python@${STALE}`]),
      STALE,
      false,
    ],
    ['no answer and none held: unknown', amd64, undefined, undefined, undefined, false],
    [
      'a base given by digest: that digest, whatever is held',
      { ref: `python@${REGISTRY}`, platforms: ['linux/amd64'] },
      REGISTRY,
      local([`python@${STALE}`]),
      REGISTRY,
      false,
    ],
  ])('%s', (_what, base, registry, held, digest, warned) => {
    const r = builtBase(base, registry, held);
    expect(r.digest).toBe(digest);
    expect(r.warning !== undefined).toBe(warned);
    if (warned) {
      expect(r.warning).toContain(
        `the image this machine holds under ${base.ref} (${LOCAL_ID.slice(0, 19)})`,
      );
      expect(r.warning).toContain('build.pull: true builds from the registry');
    }
  });
});

// The containerd image store keeps one image under the tag for every platform (a list's index, or
// one manifest) and the docker driver takes it for each platform built: its inspect names the
// host's platform only (linux/amd64 here) whatever it holds, and its ID is the index's digest.
describe('builtBase on the containerd image store: the local image is taken for every platform', () => {
  const LIST = D('4');
  const both = { ref: BASE, platforms: ['linux/amd64', 'linux/arm64'] };
  const arm64 = { ref: BASE, platforms: ['linux/arm64'] };
  const list = (repoDigests: string[]) => imageDetails({ id: LIST, repoDigests });
  it.each<[string, BaseOf, string | undefined, ImageDetails, string | undefined, boolean]>([
    [
      'a local list no registry knows, two platforms: its index digest',
      both,
      undefined,
      list([`python@${LIST}`]),
      LIST,
      false,
    ],
    [
      'the same for a platform other than the one its inspect names',
      arm64,
      undefined,
      list([`python@${LIST}`]),
      LIST,
      false,
    ],
    [
      "no RepoDigests in the tag's repository: its ID, the index's digest",
      both,
      undefined,
      list([`other/python@${LIST}`]),
      LIST,
      false,
    ],
    [
      "the registry's list held: the registry's digest, no warning",
      both,
      LIST,
      list([`python@${LIST}`]),
      LIST,
      false,
    ],
    [
      'a stale list held for two platforms: its own index digest, warned',
      both,
      REGISTRY,
      list([`python@${LIST}`]),
      LIST,
      true,
    ],
  ])('%s', (_what, base, registry, held, digest, warned) => {
    const r = builtBase(base, registry, held, true);
    expect(r.digest).toBe(digest);
    expect(r.warning !== undefined).toBe(warned);
    if (warned) expect(r.warning).toContain(`so the build records its digest ${LIST}`);
  });
  it('the classic store keeps one platform under the tag: the same list held records none for two', () => {
    expect(builtBase(both, undefined, list([`python@${LIST}`])).digest).toBeUndefined();
    expect(builtBase(arm64, undefined, list([`python@${LIST}`])).digest).toBeUndefined();
  });
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-base-digest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * One cpu variant on DRIVER built, the engine holding HELD under the base's tag, and AFTER the build
 * (default: HELD still; null: none; 'error': the engine does not answer).
 */
async function build(
  driver: string,
  held: ImageDetails | undefined,
  pull = false,
  after: ImageDetails | null | 'error' | 'same' = 'same',
  engine: {
    snapshotter?: string;
    platforms?: string[];
    registry?: 'unreachable';
    /** The engine's info: its image store, or no answer (default: never asked, an error if it is). */
    store?: 'containerd' | 'classic' | 'error';
    asked?: string[];
  } = {},
) {
  const platforms = engine.platforms ?? ['linux/amd64'];
  const config = validateConfigData(
    { image: { name: 'o/m', registry: 'localhost:5000' }, platforms, build: { pull } },
    'x',
  );
  const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date(0) });
  const base = plan.variants[0]!.base.ref;
  const inspected: string[] = [];
  let args: readonly string[] = [];
  let built = false;
  const progress: string[] = [];
  const docker = fakeDocker({
    buildxVersion: async () => '0.21.2',
    buildxInspect: async () => ({
      name: 'b',
      driver,
      platforms,
      buildkitVersion: '0.20.0',
      ...(engine.snapshotter !== undefined && { snapshotter: engine.snapshotter }),
    }),
    daemonFeatures: async () => {
      engine.asked?.push('info');
      if (engine.store === undefined || engine.store === 'error')
        throw new Error('the engine did not answer');
      return { runtimes: [], cdiSpecDirs: [], cdiDevices: [], imageStore: engine.store };
    },
    imageDigest: async (ref) => {
      if (engine.registry === 'unreachable')
        throw new Error(`resolving the digest of ${ref}: registry unreachable`);
      return REGISTRY;
    },
    inspectLocalImage: async (ref) => {
      inspected.push(ref);
      if (built && after === 'error') throw new Error('the engine did not answer');
      if (ref !== base) return undefined;
      return built && after !== 'same' && after !== 'error' ? (after ?? undefined) : held;
    },
    buildx: async (a) => {
      args = a;
      built = true;
      const meta = a[a.indexOf('--metadata-file') + 1]!;
      (await import('node:fs')).writeFileSync(meta, JSON.stringify({ 'containerimage.digest': D('2') }));
      return { exitCode: 0, stdout: '', stderr: '' };
    },
  });
  const result = await runBuildStage(
    { plan, config, baseDir: dir, imagesDir: path.join(process.cwd(), 'images'), push: false },
    { docker, exec: NO_GIT, env: { SOURCE_DATE_EPOCH: '0' }, progress: (l) => progress.push(l) },
  ).catch((e: unknown) => e);
  if (result instanceof Error) return { error: result, base, inspected, progress: progress.join('\n') };
  const label = (k: string) =>
    args.find((a, i) => args[i - 1] === '--label' && a.startsWith(`${k}=`))?.slice(k.length + 1);
  return {
    error: undefined,
    baseDigest: (result as BuildResult).variants[0]!.baseDigest,
    labels: [label('org.opencontainers.image.base.digest'), label('io.github.ml-image-action.base-digest')],
    inspected: inspected.filter((r) => r === base),
    progress: progress.join('\n'),
  };
}

describe('the build stage records the base it starts from', () => {
  const stale = local([`python@${STALE}`]);
  it.each<[string, string, ImageDetails | undefined, boolean, string | undefined, boolean]>([
    ["docker driver, a stale pull held: the local one's digest", 'docker', stale, false, STALE, true],
    ["docker driver, the registry's held", 'docker', local([`python@${REGISTRY}`]), false, REGISTRY, false],
    ['docker driver, a local build held: none', 'docker', local([]), false, undefined, true],
    ["docker driver, none held: the registry's", 'docker', undefined, false, REGISTRY, false],
    [
      "docker driver with build.pull: the registry's, the engine not asked",
      'docker',
      stale,
      true,
      REGISTRY,
      false,
    ],
    [
      "docker-container: the registry's, the engine not asked",
      'docker-container',
      stale,
      false,
      REGISTRY,
      false,
    ],
  ])('%s', async (_what, driver, held, pull, digest, warned) => {
    const r = await build(driver, held, pull);
    expect(r.error).toBeUndefined();
    expect(r.baseDigest).toBe(digest);
    expect(r.labels).toEqual([digest ?? '', digest ?? '']);
    expect(r.progress.includes('is not the registry')).toBe(warned);
    // Where the build takes the held image, the tag is looked at again after the build.
    expect(r.inspected.length).toBe(driver === 'docker' && !pull ? (held ? 2 : 1) : 0);
  });
});

// The containerd image store (buildx names the docker driver's snapshotter): a multi-platform base
// held under a tag no registry knows (pulled, loaded or tagged here), built for both platforms.
describe('the build stage on the containerd image store records the local list it starts from', () => {
  const LIST = D('4');
  const held = imageDetails({ id: LIST, repoDigests: [`python@${LIST}`] });
  const both = ['linux/amd64', 'linux/arm64'];
  it("a local list for two platforms, the registry unreachable: the list's digest", async () => {
    const r = await build('docker', held, false, 'same', {
      snapshotter: 'overlayfs',
      platforms: both,
      registry: 'unreachable',
    });
    expect(r.error).toBeUndefined();
    expect(r.baseDigest).toBe(LIST);
    expect(r.labels).toEqual([LIST, LIST]);
    expect(r.progress).toContain('could not resolve the digest of');
    expect(r.progress).not.toContain('is not the registry');
    // Taken for both platforms: the tag is looked at once, then again after each build.
    expect(r.inspected.length).toBe(3);
  });
  it('the classic store (no snapshotter) keeps one platform under the tag: none recorded', async () => {
    const r = await build('docker', held, false, 'same', { platforms: both, registry: 'unreachable' });
    expect(r.error).toBeUndefined();
    expect(r.baseDigest).toBeUndefined();
  });
});

// An older buildx or BuildKit prints no worker labels (no snapshotter) on the containerd store too:
// there the engine's info tells the store (as the resolver asks it), so an arm64-only build on an
// amd64 host records the local list it starts from, not the registry's.
describe('the docker driver with no snapshotter label: the engine tells the store', () => {
  const LIST = D('4');
  const held = imageDetails({ id: LIST, repoDigests: [`python@${LIST}`] });
  const arm64 = { platforms: ['linux/arm64'] };
  it("the containerd store: the local list's digest, with the warning", async () => {
    const asked: string[] = [];
    const r = await build('docker', held, false, 'same', { ...arm64, store: 'containerd', asked });
    expect(r.error).toBeUndefined();
    expect(r.baseDigest).toBe(LIST);
    expect(r.labels).toEqual([LIST, LIST]);
    expect(r.progress).toContain('is not the registry');
    expect(asked).toEqual(['info']);
  });
  it.each(['classic', 'error'] as const)(
    "engine's answer %s: the classic store, the registry's",
    async (store) => {
      const r = await build('docker', held, false, 'same', { ...arm64, store });
      expect(r.error).toBeUndefined();
      expect(r.baseDigest).toBe(REGISTRY);
    },
  );
  it('the label says: the engine is not asked; build.pull or another driver: not asked either', async () => {
    const asked: string[] = [];
    const labelled = await build('docker', held, false, 'same', {
      ...arm64,
      snapshotter: 'overlayfs',
      store: 'classic',
      asked,
    });
    expect(labelled.baseDigest).toBe(LIST);
    const pulled = await build('docker', held, true, 'same', { ...arm64, store: 'containerd', asked });
    expect(pulled.baseDigest).toBe(REGISTRY);
    const other = await build('docker-container', held, false, 'same', {
      ...arm64,
      store: 'containerd',
      asked,
    });
    expect(other.baseDigest).toBe(REGISTRY);
    expect(asked).toEqual([]);
  });
});

// Another job's `docker pull` (or build) of the base on this engine between the record and the
// build: the build may start from an image the record does not name.
describe('the held base is looked at again after each build (docker driver, no build.pull)', () => {
  const stale = local([`python@${STALE}`]);
  const pulled = imageDetails({ id: D('7'), repoDigests: [`python@${REGISTRY}`] });
  it.each<[string, ImageDetails | null, string]>([
    ['another image under the tag now', pulled, D('7')],
    ['no image under the tag now', null, 'none'],
  ])('%s: exit 3 naming the tag and both images', async (_n, after, now) => {
    const r = await build('docker', stale, false, after);
    expect(r.error).toBeInstanceOf(EnvironmentError);
    expect((r.error as EnvironmentError).exitCode).toBe(3);
    expect((r.error as Error).message).toContain(
      `the image this machine holds under ${r.base} changed while the build ran (${LOCAL_ID} when its digest was recorded, ${now} after the build)`,
    );
  });
  it('the same image still: passes, recorded as before', async () => {
    const r = await build('docker', stale, false, stale);
    expect(r.error).toBeUndefined();
    expect(r.baseDigest).toBe(STALE);
  });
  it('an engine that does not answer then: a warning, the record kept', async () => {
    const r = await build('docker', stale, false, 'error');
    expect(r.error).toBeUndefined();
    expect(r.baseDigest).toBe(STALE);
    expect(r.progress).toMatch(/warning: build cpu\/amd64: could not check that this machine still holds/);
  });
  it('with build.pull, or none held: never looked at again', async () => {
    expect((await build('docker', stale, true, pulled)).error).toBeUndefined();
    expect((await build('docker', undefined, false, pulled)).error).toBeUndefined();
  });
});
