// The post step's image cleanup against the real engine (through src: the bundled dist/ is
// rebuilt separately): removeImage untags without force and leaves the image another tag names;
// on a "self-hosted" runner the post step removes the local tag a load left, deletes the image,
// keeps the base (busybox), and leaves an image a running container uses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ActionIo } from '../../src/action/io.js';
import { runPost, STATE } from '../../src/action/post.js';
import type { BuildResult } from '../../src/build/result.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { openResultDir } from '../../src/results/results.js';

const env = inject('dockerEnv');
const runId = `${process.pid}-${Date.now()}`;

describe.skipIf(!env.available)('post step: images, on the real engine', () => {
  let docker: DockerAdapter;
  let ctx: string;
  const images = env.images!;
  const repo = `ml-image-it/post-${runId}`;
  const leftovers: string[] = [];

  beforeAll(() => {
    docker = createDefaultDockerAdapter();
    ctx = mkdtempSync(path.join(tmpdir(), 'ml-image-it-post-'));
  });
  afterAll(async () => {
    for (const ref of leftovers) await docker.removeImage(ref).catch(() => undefined);
    rmSync(ctx, { recursive: true, force: true });
  });

  /** A one-layer image FROM busybox with the build's variant label, loaded under TAG; its build.json entry. */
  async function buildLocal(tag: string, name: string) {
    const meta = path.join(ctx, `${name}.meta.json`);
    writeFileSync(
      path.join(ctx, `${name}.Dockerfile`),
      `FROM ${images.busyboxAmd64}\nLABEL it.case=${name}-${runId}\n`,
    );
    const r = await docker.buildx([
      'build',
      '--platform',
      'linux/amd64',
      '--provenance=false',
      '--label',
      'io.github.ml-image-action.variant=cpu',
      '-f',
      path.join(ctx, `${name}.Dockerfile`),
      '-t',
      tag,
      '--load',
      '--metadata-file',
      meta,
      ctx,
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
    leftovers.push(tag);
    const metadata = JSON.parse(readFileSync(meta, 'utf8')) as Record<string, unknown>;
    const build: BuildResult = {
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: repo,
          tags: [],
          baseImage: images.busyboxAmd64,
          platforms: [
            {
              platform: 'linux/amd64',
              digest: metadata['containerimage.digest'] as string,
              durationMs: 1,
              attempts: 1,
              metadata,
              localRef: tag,
            },
          ],
        },
      ],
    };
    return build;
  }

  function postIo(resultDir: string, postRunId: string) {
    const infos: string[] = [];
    const warnings: string[] = [];
    const state: Record<string, string> = {
      [STATE.isPost]: 'true',
      [STATE.runId]: postRunId,
      [STATE.usedDocker]: 'true',
      [STATE.resultDir]: resultDir,
      // A run with the build stage (its build.json written since): its build tags are its own.
      [STATE.builtSince]: String(Date.now() - 60_000),
    };
    const io: ActionIo = {
      getInput: () => '',
      setOutput: () => undefined,
      setFailed: (m) => warnings.push(m),
      error: (m) => warnings.push(m),
      warning: (m) => warnings.push(m),
      info: (m) => infos.push(m),
      group: (_n, fn) => fn(),
      cwd: ctx,
      env: { RUNNER_ENVIRONMENT: 'self-hosted' },
      docker: () => docker,
      getState: (n) => state[n] ?? '',
    };
    return { io, infos, warnings };
  }
  const deps = { stopProcesses: async () => [], removeTree: async () => null };

  it('removeImage untags a throwaway tag and leaves the image; a missing one is "missing"', async () => {
    const before = await docker.inspectLocalImage(images.busyboxAmd64);
    expect(before).toBeDefined();
    const tag = `${repo}:throwaway`;
    await new Dockerode().getImage(images.busyboxAmd64).tag({ repo, tag: 'throwaway' });
    leftovers.push(tag);
    expect((await docker.inspectLocalImage(tag))?.id).toBe(before!.id);
    const r = await docker.removeImage(tag);
    expect(r).toEqual({
      outcome: 'removed',
      untagged: [expect.stringContaining(`post-${runId}:throwaway`)],
      deleted: [],
    });
    expect(await docker.inspectLocalImage(tag)).toBeUndefined();
    expect((await docker.inspectLocalImage(images.busyboxAmd64))?.id).toBe(before!.id);
    expect(await docker.removeImage(tag)).toEqual({ outcome: 'missing' });
  });

  it('the post step removes the tag a load left and its image, and keeps the base image', async () => {
    const tag = `${repo}:ml-image-local-cpu-amd64`;
    const build = await buildLocal(tag, 'load');
    const built = await docker.inspectLocalImage(tag);
    expect(built?.repoTags).toContain(tag);
    const out = path.join(ctx, 'results-load');
    openResultDir(out).writeBuild(build);
    const t = postIo(out, `${runId}-load`);
    await runPost(t.io, deps);
    expect(t.warnings).toEqual([]);
    expect(t.infos.filter((l) => l.startsWith('post: images'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^post: images: removed 1 image reference of run ${runId}-load \\(${tag}\\); deleted 1 image, [\\d.]+ [kM]?B as inspect sizes them`,
        ),
      ),
    ]);
    expect(await docker.inspectLocalImage(tag)).toBeUndefined();
    expect(await docker.inspectLocalImage(built!.id)).toBeUndefined();
    expect(await docker.inspectLocalImage(images.busyboxAmd64)).toBeDefined();
  });

  it('leaves an image a running container uses, with a line saying so', async () => {
    const tag = `${repo}:ml-image-local-cpu-amd64`;
    const build = await buildLocal(tag, 'busy');
    const out = path.join(ctx, 'results-busy');
    openResultDir(out).writeBuild(build);
    const session = await docker.startSession({ image: tag, platform: 'linux/amd64', deadlineMs: 120_000 });
    try {
      // Another run id: the post step of that run does not remove this process's container.
      const t = postIo(out, `${runId}-busy`);
      await runPost(t.io, deps);
      expect(t.warnings).toEqual([]);
      expect(t.infos.filter((l) => l.startsWith('post: images'))).toEqual([
        `post: images: removed 0 image references of run ${runId}-busy`,
        expect.stringMatching(new RegExp(`^post: images: left ${tag} \\(in use: .*conflict`)),
      ]);
      expect(await docker.inspectLocalImage(tag)).toBeDefined();
    } finally {
      await session.close();
    }
    expect(await docker.removeImage(tag)).toMatchObject({ outcome: 'removed' });
  });
});
