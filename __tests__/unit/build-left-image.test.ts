// keep-images: false on a self-hosted runner: the docker driver stores a target's image under its
// push tag before it pushes, so a push the registry refuses left that image in the engine, and
// the post step, told of targets only once built, never removed it. The build stage now tells the
// post step of the image a failed push left: a new one under the push tag, with this variant's
// label. The engine is a fake: no process is started.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VariantBuild } from '../../src/build/result.js';
import { runBuildStage } from '../../src/build/stage.js';
import { validateConfigData } from '../../src/config/load.js';
import type { CommandRunner, ImageDetails } from '../../src/docker/adapter.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { clearInterruptedForTests, markInterrupted, runPendingCleanups } from '../../src/util/cleanup.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

const NO_GIT: CommandRunner = {
  run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
};
const D = (n: number) => `sha256:${String(n).repeat(64)}`;
const LABEL = 'io.github.ml-image-action.variant';
const REFUSED =
  'ERROR: failed to push localhost:5000/o/m:ml-image-build-cpu-amd64: unexpected status: 401 Unauthorized';
const PUSH_TAG = 'localhost:5000/o/m:ml-image-build-cpu-amd64';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-left-image-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A build on DRIVER whose push fails; the push tag names BEFORE until the build, AFTER once it
 * ran. What the stage told builtTarget, and the refs it inspected.
 */
async function failedPush(
  driver: string,
  before: ImageDetails | undefined | 'error',
  /** The image after the build; a function gets the labels the build set (--label). */
  after: ImageDetails | undefined | ((labels: Record<string, string>) => ImageDetails),
  recording = true,
  /** Holds the build until RELEASE is called; TOLD is filled as the stage tells. */
  hold?: {
    told: VariantBuild[];
    started?: (release: () => void) => void;
    /** The push's error (default: refused, not retried) and the retry wait (default: none). */
    stderr?: string;
    sleep?: (ms: number) => Promise<void>;
  },
) {
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12-slim\n');
  const config = validateConfigData(
    { image: { name: 'o/m', registry: 'localhost:5000' }, platforms: ['linux/amd64'] },
    'x',
  );
  const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date(0) });
  let built = false;
  const labels: Record<string, string> = {};
  const inspected: string[] = [];
  const docker = fakeDocker({
    buildxVersion: async () => '0.21.2',
    buildxInspect: async () => ({ name: 'default', driver, platforms: ['linux/amd64'] }),
    imageDigest: async () => D(9),
    inspectLocalImage: async (ref: string) => {
      inspected.push(ref);
      if (!built && before === 'error') throw new Error('the engine did not answer');
      return built
        ? typeof after === 'function'
          ? after(labels)
          : after
        : before === 'error'
          ? undefined
          : before;
    },
    buildx: async (args: readonly string[]) => {
      args.forEach((a, i) => {
        if (args[i - 1] !== '--label') return;
        labels[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
      });
      built = true;
      if (hold?.started) await new Promise<void>((release) => hold.started?.(release));
      return { exitCode: 1, stdout: '', stderr: hold?.stderr ?? REFUSED };
    },
  });
  const told: VariantBuild[] = hold?.told ?? [];
  const err = await runBuildStage(
    { plan, config, baseDir: dir, imagesDir: path.join(process.cwd(), 'images'), push: true },
    {
      docker,
      exec: NO_GIT,
      env: {},
      progress: () => {},
      sleep: hold?.sleep ?? (async () => {}),
      ...(recording && { builtTarget: (t: VariantBuild) => told.push(t) }),
    },
  ).catch((e: unknown) => e);
  return { err, told, inspected };
}

const image = (id: string, labels: Record<string, string> = { [LABEL]: 'cpu' }) =>
  imageDetails({ id, labels });
/** The image this build made: every label it set, and the base image's own besides. */
const made = (id: string) => (labels: Record<string, string>) =>
  imageDetails({ id, labels: { ...labels, maintainer: 'the base image' } });

describe('an image a failed push left (docker driver, keep-images: false)', () => {
  it('a new image under the push tag with the variant label: told, as the push tag it is under', async () => {
    const r = await failedPush('docker', image(D(1)), made(D(2)));
    expect((r.err as { exitCode: number }).exitCode).toBe(3);
    expect(r.told).toEqual([
      expect.objectContaining({
        variant: 'cpu',
        tags: [],
        platforms: [
          {
            platform: 'linux/amd64',
            digest: D(2),
            durationMs: 0,
            attempts: 1,
            metadata: { 'containerimage.config.digest': D(2) },
            localRef: PUSH_TAG,
            pushed: false,
          },
        ],
      }),
    ]);
  });

  it.each<
    [
      string,
      ImageDetails | undefined | 'error',
      ImageDetails | undefined | ((labels: Record<string, string>) => ImageDetails),
    ]
  >([
    ['the image the tag named before the build (this build stored nothing new)', image(D(2)), made(D(2))],
    ['no image under the tag', undefined, undefined],
    ['an image without the variant label', undefined, image(D(2), {})],
    ["another variant's image", undefined, image(D(2), { [LABEL]: 'cuda12.8' })],
    // Another build of another commit (or base) put its image under the tag meanwhile.
    [
      "an image of this variant with another build's labels",
      undefined,
      (labels) =>
        imageDetails({ id: D(2), labels: { ...labels, 'org.opencontainers.image.created': 'then' } }),
    ],
    // The engine could not say what the tag named before: nothing to compare with.
    ['the first look failed', 'error', made(D(2))],
  ])('%s: not told', async (_, before, after) => {
    const r = await failedPush('docker', before, after);
    expect((r.err as { exitCode: number }).exitCode).toBe(3);
    expect(r.told).toEqual([]);
  });

  it('a builder that pushes by digest (docker-container) stores nothing under a tag: nothing looked at', async () => {
    const r = await failedPush('docker-container', undefined, made(D(2)));
    expect(r.told).toEqual([]);
    expect(r.inspected).not.toContain(PUSH_TAG);
  });

  it('a signal while it pushes: the exit waits for the build to stop, and the left image is told before it', async () => {
    const told: VariantBuild[] = [];
    let release!: () => void;
    let stage!: Promise<unknown>;
    await new Promise<void>((started) => {
      stage = failedPush('docker', undefined, made(D(2)), true, {
        told,
        started: (r) => {
          release = r;
          started();
        },
      }).finally(clearInterruptedForTests);
    });
    // What the signal handler does before it exits (src/util/cleanup.ts signalHandler); the build
    // stops a turn of the event loop later (its buildx killed by a cleanup of its own).
    markInterrupted('SIGTERM');
    const cleaned = runPendingCleanups();
    setImmediate(release);
    await cleaned;
    const toldAtExit = told.map((t) => t.platforms[0]?.localRef);
    await stage;
    expect(toldAtExit).toEqual([PUSH_TAG]);
    // Told once, though the stage's own catch looked too.
    expect(told).toHaveLength(1);
  });

  it('a signal while it waits to retry a transient failure: the wait ends, and the left image is told before the exit', async () => {
    const told: VariantBuild[] = [];
    let stage!: Promise<{ err: unknown }>;
    // The retry wait never ends by itself: only the signal ends it.
    await new Promise<void>((waiting) => {
      stage = failedPush('docker', undefined, made(D(2)), true, {
        told,
        stderr: 'ERROR: failed to push: 503 Service Unavailable',
        sleep: () => {
          waiting();
          return new Promise<void>(() => {});
        },
      }).finally(clearInterruptedForTests);
    });
    markInterrupted('SIGTERM');
    await runPendingCleanups();
    const toldAtExit = told.map((t) => t.platforms[0]?.localRef);
    const { err } = await stage;
    expect(toldAtExit).toEqual([PUSH_TAG]);
    expect(String(err)).toContain('interrupted by SIGTERM');
  });

  it('keep-images: true (no builtTarget): the engine is not asked', async () => {
    const r = await failedPush('docker', undefined, made(D(2)), false);
    expect(r.inspected).not.toContain(PUSH_TAG);
  });
});
