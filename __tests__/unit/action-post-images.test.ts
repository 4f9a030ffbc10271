// The post step's removal of a run's images on a self-hosted runner, over a fake engine that keeps
// tags and repository digests as dockerd does: what it removes (only build tags that still name the
// recorded image, and the REPO@DIGEST images of build.json), what it leaves, and its lines.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatBytes, isBuildTag } from '../../src/action/post-images.js';
import { builtTargetRecorder, runPost, saveImageState, STATE, type PostDeps } from '../../src/action/post.js';
import { type ActionIo, run } from '../../src/action/run.js';
import type { BuildResult, PlatformBuild } from '../../src/build/result.js';
import type { DockerAdapter, ImageDetails, ImageRemoval } from '../../src/docker/adapter.js';
import { openResultDir } from '../../src/results/results.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

const RUN = '4242-abc';
const REPO = 'localhost:5000/app';
const sha = (c: string) => `sha256:${c.repeat(64)}`;
const LABELS = { 'io.github.ml-image-action.variant': 'cpu' };

/** An engine's images: each with its tags and repository digests, removed as dockerd does without force. */
function fakeEngine(images: ImageDetails[], inUse: readonly string[] = []) {
  const removals: string[] = [];
  const refsOf = (d: ImageDetails) => [...(d.repoTags ?? []), ...d.repoDigests];
  const find = (ref: string) => images.find((d) => d.id === ref || refsOf(d).includes(ref));
  const docker: DockerAdapter = fakeDocker({
    listManagedContainers: async () => [],
    removeContainers: async () => [],
    inspectLocalImage: async (ref) => structuredClone(find(ref)),
    removeImage: async (ref): Promise<ImageRemoval> => {
      removals.push(ref);
      const d = find(ref);
      if (d === undefined) return { outcome: 'missing' };
      const left = refsOf(d).filter((r) => r !== ref && r !== d.id);
      if (left.length > 0 && ref !== d.id) {
        d.repoTags = (d.repoTags ?? []).filter((r) => r !== ref);
        d.repoDigests = d.repoDigests.filter((r) => r !== ref);
        return { outcome: 'removed', untagged: [ref], deleted: [] };
      }
      if (inUse.includes(d.id))
        return {
          outcome: 'conflict',
          message: `conflict: unable to remove repository reference "${ref}" (must force) - container 0123 is using its referenced image ${d.id.slice(7, 19)}`,
        };
      images.splice(images.indexOf(d), 1);
      return { outcome: 'removed', untagged: refsOf(d), deleted: [d.id, sha('f')] };
    },
  });
  return { docker, removals, images };
}

function platform(over: Partial<PlatformBuild> = {}): PlatformBuild {
  return { platform: 'linux/amd64', digest: sha('a'), durationMs: 1, attempts: 1, metadata: {}, ...over };
}

function build(...platforms: PlatformBuild[]): BuildResult {
  return {
    schemaVersion: 1,
    variants: [
      {
        variant: 'cpu',
        repository: REPO,
        tags: [`${REPO}:latest`],
        platforms,
        baseImage: 'localhost:5000/base:1',
        baseDigest: sha('b'),
      },
    ],
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-post-images-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(opts: {
  docker: DockerAdapter;
  build?: BuildResult;
  env?: Record<string, string>;
  state?: Record<string, string>;
}) {
  if (opts.build) openResultDir(dir).writeBuild(opts.build);
  const infos: string[] = [];
  const warnings: string[] = [];
  const state: Record<string, string> = {
    [STATE.isPost]: 'true',
    [STATE.runId]: RUN,
    [STATE.usedDocker]: 'true',
    [STATE.resultDir]: dir,
    // A run with the build stage (its build.json is newer); '' here: a smoke-only run.
    [STATE.builtSince]: String(Date.now() - 60_000),
    ...opts.state,
  };
  const io: ActionIo = {
    getInput: () => '',
    setOutput: () => undefined,
    setFailed: (m) => warnings.push(`FAILED ${m}`),
    error: (m) => warnings.push(`ERROR ${m}`),
    warning: (m) => warnings.push(m),
    info: (m) => infos.push(m),
    group: (_n, fn) => fn(),
    cwd: dir,
    env: opts.env ?? { RUNNER_ENVIRONMENT: 'self-hosted' },
    docker: () => opts.docker,
    getState: (n) => state[n] ?? '',
  };
  const deps: PostDeps = { stopProcesses: async () => [], removeTree: async () => null };
  return { io, deps, infos, warnings, images: () => infos.filter((l) => l.startsWith('post: images')) };
}

const LOCAL_TAG = `${REPO}:ml-image-local-cpu-amd64`;

describe('post step: images on a self-hosted runner', () => {
  it("removes a load's local tag that still names the recorded image, with the space it frees", async () => {
    const engine = fakeEngine([
      imageDetails({ id: sha('c'), repoTags: [LOCAL_TAG], labels: LABELS, sizeBytes: 10_234_000_000 }),
    ]);
    const t = setup({
      docker: engine.docker,
      build: build(platform({ digest: sha('c'), localRef: LOCAL_TAG })),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([LOCAL_TAG]);
    expect(engine.images).toEqual([]);
    expect(t.images()).toEqual([
      `post: images: removed 1 image reference of run ${RUN} (${LOCAL_TAG}); deleted 1 image, 10.2 GB as inspect sizes them (layers other images share stay)`,
    ]);
    expect(t.warnings).toEqual([]);
  });

  // A variant built for one platform is loaded under its tags too (build-push-action's load): build.json
  // records them (loadedTags), and they are this run's while they name the recorded image. Without
  // the record (a variant of two platforms, a pushed one) the variant's tags are never touched.
  it.each([
    ['its tag names the recorded image: removed with it', sha('c'), true, [LOCAL_TAG, `${REPO}:latest`], []],
    ['its tag names another image now: left', sha('d'), true, [LOCAL_TAG], [`${REPO}:latest`]],
    [
      "no loadedTags recorded: the variant's tags are not its load's",
      sha('c'),
      false,
      [LOCAL_TAG],
      [`${REPO}:latest`],
    ],
  ])("a load under the variant's tags (%s)", async (_what, tagged, recorded, removed, left) => {
    const images = [
      imageDetails({
        id: sha('c'),
        repoTags: [LOCAL_TAG, ...(tagged === sha('c') ? [`${REPO}:latest`] : [])],
        labels: LABELS,
      }),
      ...(tagged === sha('c')
        ? []
        : [imageDetails({ id: tagged, repoTags: [`${REPO}:latest`], labels: LABELS })]),
    ];
    const engine = fakeEngine(images);
    const t = setup({
      docker: engine.docker,
      build: build(
        platform({
          digest: sha('c'),
          localRef: LOCAL_TAG,
          ...(recorded && { loadedTags: [`${REPO}:latest`] }),
        }),
      ),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals.filter((r) => !r.includes('@')).sort()).toEqual([...removed].sort());
    expect(engine.images.flatMap((d) => d.repoTags ?? [])).toEqual(left);
    expect(t.warnings).toEqual([]);
  });

  it("removes the docker driver's pushed tag (a pull request's too) and the REPO@DIGEST images the smoke stage pulled", async () => {
    const pushTag = `${REPO}:ml-image-build.pr7-cpu-amd64`;
    const engine = fakeEngine([
      // built and pushed on this runner: the tag it pushed by, and the digest the smoke stage ran
      imageDetails({
        id: sha('c'),
        repoTags: [pushTag],
        repoDigests: [`${REPO}@${sha('a')}`],
        labels: LABELS,
        sizeBytes: 2_000_000,
      }),
      // pulled by digest only (built in another job)
      imageDetails({
        id: sha('d'),
        architecture: 'arm64',
        repoDigests: [`${REPO}@${sha('e')}`],
        labels: LABELS,
        sizeBytes: 3_000_000,
      }),
    ]);
    const t = setup({
      docker: engine.docker,
      // The run is pull request 7's: its push tag names it.
      env: {
        RUNNER_ENVIRONMENT: 'self-hosted',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
      },
      build: build(
        platform({ metadata: { 'containerimage.config.digest': sha('c') } }),
        platform({ platform: 'linux/arm64', digest: sha('e') }),
      ),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([pushTag, `${REPO}@${sha('a')}`, `${REPO}@${sha('e')}`]);
    expect(engine.images).toEqual([]);
    expect(t.images()).toEqual([
      `post: images: removed 3 image references of run ${RUN} (${pushTag}, ${REPO}@${sha('a')}, ${REPO}@${sha('e')}); deleted 2 images, 5.0 MB as inspect sizes them (layers other images share stay)`,
    ]);
  });

  it("a smoke-only run removes only REPO@DIGEST images no tag names: the build job's tags stay", async () => {
    const pushTag = `${REPO}:ml-image-build-cpu-amd64`;
    const engine = fakeEngine([
      // built and kept by the build job on this runner (keep-images: true): tagged
      imageDetails({
        id: sha('c'),
        repoTags: [pushTag, LOCAL_TAG],
        repoDigests: [`${REPO}@${sha('a')}`],
        labels: LABELS,
      }),
      // pulled by digest by this run's smoke stage: no tag
      imageDetails({
        id: sha('d'),
        architecture: 'arm64',
        repoDigests: [`${REPO}@${sha('e')}`],
        labels: LABELS,
      }),
    ]);
    const t = setup({
      docker: engine.docker,
      state: { [STATE.builtSince]: '' },
      build: build(
        platform({
          digest: sha('a'),
          localRef: LOCAL_TAG,
          metadata: { 'containerimage.config.digest': sha('c') },
        }),
        platform({ platform: 'linux/arm64', digest: sha('e') }),
      ),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([`${REPO}@${sha('e')}`]);
    expect(engine.images.map((d) => d.id)).toEqual([sha('c')]);
    expect(engine.images[0]!.repoTags).toEqual([pushTag, LOCAL_TAG]);
    expect(t.images()).toEqual([
      `post: images: removed 1 image reference of run ${RUN} (${REPO}@${sha('e')}); deleted 1 image, 1 B as inspect sizes them (layers other images share stay)`,
      `post: images: left ${REPO}@${sha('a')} (tagged ${pushTag}, ${LOCAL_TAG}: not pulled by this smoke-only run)`,
    ]);
  });

  it('a build that failed or was cancelled (no build.json): the targets it reported as built go', async () => {
    const done = `${REPO}:ml-image-local-cpu-arm64`;
    const engine = fakeEngine([
      // built, loaded, then another target of the run failed: no build.json
      imageDetails({ id: sha('c'), architecture: 'arm64', repoTags: [done], labels: LABELS }),
      // the same tag's shape on an image this run did not record (another run's): left alone
      imageDetails({ id: sha('9'), repoTags: [LOCAL_TAG], labels: LABELS }),
    ]);
    // What the main step saved through the build stage's builtTarget callback, metadata trimmed.
    const saved: Record<string, string> = {};
    const record = builtTargetRecorder({ saveState: (n, v) => (saved[n] = v) });
    const target = build(
      platform({
        platform: 'linux/arm64',
        digest: sha('c'),
        localRef: done,
        metadata: { 'containerimage.config.digest': sha('d'), 'buildx.build.provenance': { big: 1 } },
      }),
    ).variants[0]!;
    record({ ...target, tags: [] });
    expect(JSON.parse(saved[STATE.builtTargets]!).variants[0].platforms[0].metadata).toEqual({
      'containerimage.config.digest': sha('d'),
    });
    const other = { ...target, platforms: [platform({ digest: sha('e'), localRef: LOCAL_TAG })] };
    const t = setup({ docker: engine.docker, state: { ...saved } });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([done]);
    expect(engine.images.map((d) => d.id)).toEqual([sha('9')]);
    expect(t.images()[0]).toMatch(/left no build\.json of its own \(its build failed or was cancelled\)/);
    // A later target is added to the same state, the first one kept.
    record({ ...other, tags: [] });
    expect(JSON.parse(saved[STATE.builtTargets]!).variants).toHaveLength(2);
    expect(t.warnings).toEqual([]);
  });

  it("an image a failed push left (the build stage's left target: its image ID, the push tag): removed", async () => {
    const pushTag = `${REPO}:ml-image-build-cpu-amd64`;
    const engine = fakeEngine([imageDetails({ id: sha('c'), repoTags: [pushTag], labels: LABELS })]);
    const saved: Record<string, string> = {};
    const record = builtTargetRecorder({ saveState: (n, v) => (saved[n] = v) });
    // As src/build/target.ts leftImage tells it: no manifest digest, the image ID in its place.
    const left = platform({
      digest: sha('c'),
      durationMs: 0,
      metadata: { 'containerimage.config.digest': sha('c') },
      localRef: pushTag,
      pushed: false,
    });
    record({ ...build(left).variants[0]!, tags: [] });
    const t = setup({ docker: engine.docker, state: { ...saved } });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([pushTag]);
    expect(engine.images).toEqual([]);
    expect(t.warnings).toEqual([]);
  });

  it('leaves a tag that now names another image (a concurrent job built it since)', async () => {
    const engine = fakeEngine([imageDetails({ id: sha('9'), repoTags: [LOCAL_TAG], labels: LABELS })]);
    const t = setup({
      docker: engine.docker,
      build: build(platform({ digest: sha('c'), localRef: LOCAL_TAG })),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([]);
    expect(engine.images.map((d) => d.repoTags)).toEqual([[LOCAL_TAG]]);
    expect(t.images()).toEqual([
      `post: images: removed 0 image references of run ${RUN}`,
      `post: images: left ${LOCAL_TAG} (it now names image 999999999999, not the one this run built)`,
    ]);
    expect(t.warnings).toEqual([]);
  });

  it('an image already gone is no error', async () => {
    const engine = fakeEngine([]);
    const t = setup({
      docker: engine.docker,
      build: build(
        platform({ digest: sha('c'), localRef: LOCAL_TAG }),
        platform({ platform: 'linux/arm64' }),
      ),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([]);
    expect(t.images()).toEqual([`post: images: removed 0 image references of run ${RUN}`]);
    expect(t.warnings).toEqual([]);
  });

  it('leaves an image a container uses (no force), with a line saying so', async () => {
    const engine = fakeEngine(
      [imageDetails({ id: sha('c'), repoTags: [LOCAL_TAG], labels: LABELS })],
      [sha('c')],
    );
    const t = setup({
      docker: engine.docker,
      build: build(platform({ digest: sha('c'), localRef: LOCAL_TAG })),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([LOCAL_TAG]);
    expect(engine.images).toHaveLength(1);
    expect(t.images()).toEqual([
      `post: images: removed 0 image references of run ${RUN}`,
      `post: images: left ${LOCAL_TAG} (in use: conflict: unable to remove repository reference "${LOCAL_TAG}" (must force) - container 0123 is using its referenced image cccccccccccc)`,
    ]);
    expect(t.warnings).toEqual([]);
  });

  it("never removes a tag of another shape or repository, nor an image without the build's variant label (a base image)", async () => {
    const ours = imageDetails({
      id: sha('c'),
      repoTags: [
        `${REPO}:latest`,
        `${REPO}:v1`,
        `other/app:ml-image-local-cpu-amd64`,
        `${REPO}:ml-image-local-gpu-amd64`,
        LOCAL_TAG,
      ],
      labels: LABELS,
    });
    const base = imageDetails({
      id: sha('b'),
      repoTags: ['localhost:5000/base:1'],
      repoDigests: [`localhost:5000/base@${sha('1')}`, `${REPO}@${sha('1')}`],
    });
    const engine = fakeEngine([ours, base]);
    const t = setup({
      docker: engine.docker,
      build: build(
        platform({ digest: sha('c'), localRef: LOCAL_TAG }),
        // a build.json (an artifact another job wrote) that names a base image and a tag of another shape
        platform({ platform: 'linux/arm64', digest: sha('1'), localRef: 'localhost:5000/base:1' }),
      ),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([LOCAL_TAG]);
    expect(engine.images.map((d) => d.id)).toEqual([sha('c'), sha('b')]);
    expect(engine.images[0]!.repoTags).toEqual([
      `${REPO}:latest`,
      `${REPO}:v1`,
      `other/app:ml-image-local-cpu-amd64`,
      `${REPO}:ml-image-local-gpu-amd64`,
    ]);
    expect(t.images()).toEqual([`post: images: removed 1 image reference of run ${RUN} (${LOCAL_TAG})`]);
  });

  it('one target whose removal fails is a warning; the others are still removed', async () => {
    const engine = fakeEngine([imageDetails({ id: sha('c'), repoTags: [LOCAL_TAG], labels: LABELS })]);
    const docker: DockerAdapter = {
      ...engine.docker,
      inspectLocalImage: async (ref) => {
        if (ref.includes(sha('e'))) throw new Error('(HTTP code 500) server error\nmore');
        return engine.docker.inspectLocalImage(ref);
      },
    };
    const t = setup({
      docker,
      build: build(
        platform({ platform: 'linux/arm64', digest: sha('e') }),
        platform({ digest: sha('c'), localRef: LOCAL_TAG }),
      ),
    });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([LOCAL_TAG]);
    expect(t.warnings).toEqual([
      `post: could not remove the images of run ${RUN} for cpu linux/arm64: (HTTP code 500) server error`,
    ]);
  });
});

describe('post step: when images are left alone', () => {
  const strict = fakeDocker({ listManagedContainers: async () => [], removeContainers: async () => [] });
  const loaded = () => build(platform({ digest: sha('c'), localRef: LOCAL_TAG }));

  it.each([
    ['github-hosted', { RUNNER_ENVIRONMENT: 'github-hosted' }],
    ['unset', {}],
  ])(
    'a runner that is not self-hosted (RUNNER_ENVIRONMENT %s): one line, no image touched',
    async (name, env) => {
      const t = setup({ docker: strict, build: loaded(), env });
      await runPost(t.io, t.deps);
      expect(t.warnings).toEqual([]);
      expect(t.images()).toEqual([
        `post: images: left in place (RUNNER_ENVIRONMENT=${name}, not self-hosted: a GitHub-hosted runner is discarded after the job)`,
      ]);
    },
  );

  it('keep-images: true', async () => {
    const t = setup({ docker: strict, build: loaded(), state: { [STATE.keepImages]: 'true' } });
    await runPost(t.io, t.deps);
    expect(t.warnings).toEqual([]);
    expect(t.images()).toEqual(['post: images: left in place (keep-images: true)']);
  });

  it('a run without the build or smoke stage (no result dir saved): no line', async () => {
    const t = setup({ docker: strict, build: loaded(), state: { [STATE.resultDir]: '' } });
    await runPost(t.io, t.deps);
    expect(t.warnings).toEqual([]);
    expect(t.images()).toEqual([]);
  });

  it('a run that never used Docker: no line', async () => {
    const t = setup({ docker: strict, build: loaded(), state: { [STATE.usedDocker]: '' } });
    await runPost(t.io, t.deps);
    expect(t.images()).toEqual([]);
  });

  it('no build.json (the run stopped before its build): one line', async () => {
    const t = setup({ docker: strict });
    await runPost(t.io, t.deps);
    expect(t.warnings).toEqual([]);
    expect(t.images()).toEqual([
      `post: images: none to remove (run ${RUN} left no build.json of its own in ${dir})`,
    ]);
  });

  it('a broken build.json is a warning, never a failure', async () => {
    writeFileSync(path.join(dir, 'build.json'), '{"schemaVersion": 1}');
    const t = setup({ docker: strict });
    await expect(runPost(t.io, t.deps)).resolves.toEqual({ engineHung: false });
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatch(
      new RegExp(
        `^post: could not remove the images of run ${RUN} \\(${dir}\\): .*build.json: not a build result`,
      ),
    );
  });
});

describe('isBuildTag', () => {
  const v = { repository: REPO, variant: 'cuda12.8' };
  it.each([
    [`${REPO}:ml-image-local-cuda12.8-amd64`, true],
    [`${REPO}:ml-image-build-cuda12.8-amd64`, true],
    [`${REPO}:ml-image-build.pr12-cuda12.8-amd64`, true],
    [`${REPO}:ml-image-build.untrusted-cuda12.8-amd64`, true],
    [`${REPO}:ml-image-build.ref-1a2b3c4d-cuda12.8-amd64`, true], // another ref's run
    [`${REPO}:ml-image-build.ref-1a2b3c4-cuda12.8-amd64`, false], // a ref scope has 8 hex digits
    [`${REPO}:ml-image-build-pr12-cuda12.8-amd64`, false], // variant pr12-cuda12.8's, not this one's
    [`${REPO}:ml-image-local-cuda12.8-arm64`, false], // another platform
    [`${REPO}:ml-image-local-cuda12x8-amd64`, false], // the dot is not a wildcard
    [`${REPO}:ml-image-local-cpu-amd64`, false], // another variant
    [`${REPO}:ml-image-build.pr0-cuda12.8-amd64`, false],
    [`${REPO}:latest`, false],
    [`${REPO}:ml-image-cache-cuda12.8-amd64`, false],
    [`${REPO}@${sha('a')}`, false],
    [`localhost:5000/other:ml-image-local-cuda12.8-amd64`, false],
    ['localhost:5000/app', false],
  ])('%s -> %s', (ref, expected) => {
    expect(isBuildTag(ref, v, 'linux/amd64')).toBe(expected);
  });
  it('Docker Hub names compare as the engine spells them', () => {
    expect(
      isBuildTag(
        'org/app:ml-image-local-cpu-amd64',
        { repository: 'docker.io/org/app', variant: 'cpu' },
        'linux/amd64',
      ),
    ).toBe(true);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1_500, '1.5 kB'],
    [10_234_000_000, '10.2 GB'],
  ])('%d -> %s', (n, s) => expect(formatBytes(n)).toBe(s));
});

describe('the main step saves what the post step needs', () => {
  it('saveImageState: the absolute result dir, and keep-images only when true', () => {
    const saved: Record<string, string> = {};
    saveImageState({ saveState: (n, v) => (saved[n] = v) }, 'rel/results', false);
    expect(saved).toEqual({ [STATE.resultDir]: path.resolve('rel/results') });
    saveImageState({ saveState: (n, v) => (saved[n] = v) }, '/abs/results', true);
    expect(saved).toEqual({ [STATE.resultDir]: '/abs/results', [STATE.keepImages]: 'true' });
  });

  function mainIo(inputs: Record<string, string>) {
    const saved: Record<string, string> = {};
    const failed: string[] = [];
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
    );
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
    const io: ActionIo = {
      getInput: (n) => inputs[n] ?? '',
      setOutput: () => undefined,
      setFailed: (m) => failed.push(m),
      error: () => undefined,
      warning: () => undefined,
      info: () => undefined,
      group: (_n, fn) => fn(),
      cwd: dir,
      env: {},
      docker: () => fakeDocker(),
      saveState: (n, v) => (saved[n] = v),
    };
    return { io, saved, failed };
  }

  it('a smoke run saves its result dir and keep-images before its stages start (a cancelled run too)', async () => {
    // The build job's build.json is there; the engine refuses every call: the stage fails, after
    // the state was saved.
    openResultDir(path.join(dir, 'out')).writeBuild(build(platform()));
    const m = mainIo({ stages: 'smoke', 'keep-images': 'true', 'result-dir': 'out' });
    await run(m.io);
    expect(m.failed).toHaveLength(1);
    expect(m.saved).toEqual({ [STATE.resultDir]: path.join(dir, 'out'), [STATE.keepImages]: 'true' });
  });

  it('a smoke run without build.json fails before it starts: nothing saved, as nothing ran', async () => {
    const m = mainIo({ stages: 'smoke', 'keep-images': 'true', 'result-dir': 'out' });
    await run(m.io);
    expect(m.failed).toHaveLength(1);
    expect(m.failed[0]).toContain("the smoke stage reads the build's build.json");
    expect(m.saved).toEqual({});
  });

  it('a plan-only run saves nothing of images', async () => {
    const m = mainIo({ stages: 'plan', 'keep-images': 'true' });
    await run(m.io);
    expect(m.failed).toEqual([]);
    expect(m.saved).toEqual({});
  });

  it('a keep-images value that is no boolean is bad input naming it', async () => {
    const m = mainIo({ stages: 'smoke', 'keep-images': 'maybe' });
    await run(m.io);
    expect(m.failed).toHaveLength(1);
    expect(m.failed[0]).toMatch(/keep-images/);
    expect(m.saved).toEqual({});
  });
});

describe("the images of other runs are never this run's to remove", () => {
  const prEnv = (n: number) => ({
    RUNNER_ENVIRONMENT: 'self-hosted',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REF: `refs/pull/${n}/merge`,
  });

  it("another pull request's push tag on the same image (the same content built twice) stays", async () => {
    const pr7 = `${REPO}:ml-image-build.pr7-cpu-amd64`;
    const pr9 = `${REPO}:ml-image-build.pr9-cpu-amd64`;
    const engine = fakeEngine([imageDetails({ id: sha('c'), repoTags: [pr7, pr9], labels: LABELS })]);
    const t = setup({ docker: engine.docker, env: prEnv(9), build: build(platform({ digest: sha('c') })) });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([pr9]);
    expect(engine.images[0]!.repoTags).toEqual([pr7]);
  });

  it("a workflow_run run's push tag is its own (untrusted), never the default branch's", async () => {
    const branch = `${REPO}:ml-image-build-cpu-amd64`;
    const own = `${REPO}:ml-image-build.untrusted-cpu-amd64`;
    const engine = fakeEngine([imageDetails({ id: sha('c'), repoTags: [branch, own], labels: LABELS })]);
    const env = {
      RUNNER_ENVIRONMENT: 'self-hosted',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_REF: 'refs/heads/main',
    };
    const t = setup({ docker: engine.docker, env, build: build(platform({ digest: sha('c') })) });
    await runPost(t.io, t.deps);
    expect(engine.removals).toEqual([own]);
    expect(engine.images[0]!.repoTags).toEqual([branch]);
  });

  it('a run that builds reads only the build.json its build wrote: an older one, or a link, is not followed', async () => {
    const engine = fakeEngine([imageDetails({ id: sha('c'), repoTags: [LOCAL_TAG], labels: LABELS })]);
    const b = build(platform({ digest: sha('c'), localRef: LOCAL_TAG }));
    // Written "before" the run began (a file the checkout brought, an earlier run's).
    const old = setup({
      docker: engine.docker,
      build: b,
      state: { [STATE.builtSince]: String(Date.now() + 60_000) },
    });
    await runPost(old.io, old.deps);
    expect(engine.removals).toEqual([]);
    expect(old.images()).toEqual([
      `post: images: none to remove (run ${RUN} left no build.json of its own in ${dir})`,
    ]);
    // A link at build.json, however new.
    const real = path.join(dir, 'elsewhere.json');
    writeFileSync(real, readFileSync(path.join(dir, 'build.json')));
    rmSync(path.join(dir, 'build.json'));
    symlinkSync(real, path.join(dir, 'build.json'));
    const linked = setup({
      docker: engine.docker,
      state: { [STATE.builtSince]: String(Date.now() - 60_000) },
    });
    await runPost(linked.io, linked.deps);
    expect(engine.removals).toEqual([]);
  });
});
