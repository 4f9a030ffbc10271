// Concurrent runs on one engine. (1) The docker driver pushes by tag and buildx reports what the
// registry's tag names after the push: another run's push of the same tag in between made this run
// record, merge, smoke-test and sign that run's image. The manifest at the reported digest is now
// read back and must name this build's config (containerimage.config.digest). (2) Without a
// builder input the current builder was not named: another job's `buildx create --use` on the same
// HOME moved the run's later buildx calls. The name `buildx inspect` reported at the start is now
// passed (--builder) to the build, the merge and the read-back. Fakes only: no process is started.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPushedByTag, type PushedByTag } from '../../src/build/pushed-image.js';
import { runBuildStage } from '../../src/build/stage.js';
import { validateConfigData } from '../../src/config/load.js';
import type { CommandRunner, ExecResult } from '../../src/docker/adapter.js';
import { createBuildxCli } from '../../src/docker/buildx.js';
import { EnvironmentError } from '../../src/errors.js';
import { InterruptedError } from '../../src/util/cleanup.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import { fakeDocker } from '../helpers/fakes.js';

const D = (n: number) => `sha256:${String(n).repeat(64)}`;
const sha256 = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
/** A platform manifest whose image (config) is CONFIG, as a registry holds it. */
const manifest = (config: string) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: config, size: 1 },
    layers: [],
  });
/** An OCI index with an entry per platform (os/arch -> manifest text). */
const index = (entries: Record<string, string>) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: Object.entries(entries).map(([p, m]) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256(m),
      size: m.length,
      platform: { os: p.split('/')[0], architecture: p.split('/')[1] },
    })),
  });

const REPO = 'localhost:5000/o/m';
const TAG = `${REPO}:ml-image-build-cpu-amd64`;
const OURS = D(3);
const THEIRS = D(4);

/**
 * A registry of these manifests (by digest), read through the adapter's imagetoolsRaw: over HTTP
 * where HTTP answers (by digest), else `buildx imagetools inspect --raw` (READS: its argv).
 */
function registry(manifests: string[], answer?: Partial<ExecResult>, overHttp = false) {
  const byDigest = new Map(manifests.map((m) => [sha256(m), m]));
  const reads: string[][] = [];
  const httpReads: string[] = [];
  const buildx = async (args: readonly string[]): Promise<ExecResult> => {
    reads.push([...args]);
    if (answer) return { exitCode: 1, stdout: '', stderr: '', ...answer };
    const m = byDigest.get(args.at(-1)!.split('@')[1]!);
    return m !== undefined
      ? { exitCode: 0, stdout: m, stderr: '' }
      : { exitCode: 1, stdout: '', stderr: 'ERROR: localhost:5000/o/m: not found' };
  };
  const exec: CommandRunner = { run: async (_cli, args) => buildx(args.slice(1)) };
  const cli = createBuildxCli(
    exec,
    'docker',
    async () => undefined,
    async (ref) => {
      httpReads.push(ref);
      return overHttp ? byDigest.get(ref.split('@')[1]!) : undefined;
    },
  );
  const docker = { buildx, imagetoolsRaw: cli.imagetoolsRaw };
  return { docker, reads, httpReads };
}

const pushed = (digest: string, over: Partial<PushedByTag> = {}): PushedByTag => ({
  id: 'cpu/amd64',
  pushRef: TAG,
  repository: REPO,
  platform: 'linux/amd64',
  digest,
  metadata: { 'containerimage.digest': digest, 'containerimage.config.digest': OURS },
  builder: 'default',
  ...over,
});

describe('the docker driver push by tag is read back (checkPushedByTag)', () => {
  const ours = manifest(OURS);
  const theirs = manifest(THEIRS);
  const indexOf = (m: string) => index({ 'linux/amd64': m, 'linux/arm64': manifest(D(8)) });

  it.each([
    ['its manifest names this build’s config', [ours], sha256(ours)],
    ['an index whose linux/amd64 entry names it', [indexOf(ours), ours], sha256(indexOf(ours))],
  ])('%s: passes, read on the run’s builder', async (_n, manifests, digest) => {
    const r = registry(manifests);
    expect(await checkPushedByTag(r.docker, pushed(digest))).toBeUndefined();
    expect(r.reads[0]).toEqual([
      'imagetools',
      'inspect',
      '--builder',
      'default',
      '--raw',
      `${REPO}@${digest}`,
    ]);
  });

  it.each([
    ['another build’s manifest', [theirs], sha256(theirs), THEIRS],
    [
      'an index whose linux/amd64 entry is another build’s',
      [indexOf(theirs), theirs],
      sha256(indexOf(theirs)),
      THEIRS,
    ],
    [
      'an index with no linux/amd64 entry',
      [index({ 'linux/arm64': ours }), ours],
      sha256(index({ 'linux/arm64': ours })),
      'no linux/amd64 image',
    ],
  ])('%s: refused (exit 3), naming the tag and both digests', async (_n, manifests, digest, found) => {
    const err = await checkPushedByTag(registry(manifests).docker, pushed(digest)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).exitCode).toBe(3);
    const { message, fix } = err as EnvironmentError;
    expect(message).toContain(`another build pushed ${TAG} at the same time`);
    expect(message).toContain(digest);
    expect(message).toContain(found);
    expect(message).toContain(`not this build's ${OURS}`);
    expect(fix).toMatch(/^run the build again/);
  });

  it.each([
    [
      'the registry refused the read',
      { stderr: 'ERROR: unexpected status: 401 Unauthorized' },
      /refused the read/,
    ],
    [
      'the manifest is not there',
      { stderr: 'ERROR: localhost:5000/o/m@sha256:x: not found' },
      /reading .* back to check the push by tag/,
    ],
    [
      'bytes that are not the digest',
      { exitCode: 0, stdout: manifest(OURS) + ' ' },
      /came back with other content/,
    ],
  ])(
    '%s: exit 3 with the reason (the push just worked, a read that fails is the environment)',
    async (_n, answer, said) => {
      const err = await checkPushedByTag(registry([], answer).docker, pushed(sha256(ours))).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(EnvironmentError);
      expect((err as EnvironmentError).exitCode).toBe(3);
      expect((err as Error).message).toMatch(said);
    },
  );

  it('no config digest in the metadata: a warning, nothing read, the report taken as before', async () => {
    const r = registry([ours]);
    const warning = await checkPushedByTag(r.docker, pushed(sha256(ours), { metadata: {} }));
    expect(warning).toMatch(/reported no image config digest/);
    expect(warning).toContain(TAG);
    expect(r.reads).toEqual([]);
  });

  it('a registry that answers over HTTP: read there, no buildx started', async () => {
    const r = registry([indexOf(ours), ours], undefined, true);
    expect(await checkPushedByTag(r.docker, pushed(sha256(indexOf(ours))))).toBeUndefined();
    expect(r.httpReads).toEqual([`${REPO}@${sha256(indexOf(ours))}`, `${REPO}@${sha256(ours)}`]);
    expect(r.reads).toEqual([]);
    const theirsRead = registry([theirs], undefined, true);
    await expect(checkPushedByTag(theirsRead.docker, pushed(sha256(theirs)))).rejects.toThrow(
      /another build pushed/,
    );
  });

  it('a read stopped by SIGINT stays an interrupt (not a registry that could not be read)', async () => {
    const stopped = new InterruptedError('SIGINT', 'docker buildx imagetools inspect', { detail: 'x' });
    const docker = { imagetoolsRaw: async () => Promise.reject(stopped) };
    await expect(checkPushedByTag(docker, pushed(sha256(ours)))).rejects.toBe(stopped);
  });

  it('no builder name: no --builder', async () => {
    const r = registry([ours]);
    const { builder: _, ...unnamed } = pushed(sha256(ours));
    await checkPushedByTag(r.docker, unnamed);
    expect(r.reads[0]).toEqual(['imagetools', 'inspect', '--raw', `${REPO}@${sha256(ours)}`]);
  });
});

const NO_GIT: CommandRunner = {
  run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
};

describe('the build stage on a shared engine', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-pushed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * One push: true build on DRIVER without a builder input; the current builder is CURRENT at the
   * start. After the push the tag names THEN's manifest (another run pushed in between: THEIRS).
   */
  async function stage(driver: string, then: string) {
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12-slim\n');
    const config = validateConfigData(
      {
        image: { name: 'o/m', registry: 'localhost:5000' },
        platforms: ['linux/amd64'],
        build: { cache: 'none' },
      },
      'x',
    );
    const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date(0) });
    const r = registry([manifest(OURS), manifest(THEIRS)]);
    const builds: string[][] = [];
    const merges: { builder: string | undefined }[] = [];
    let inspects = 0;
    const docker = fakeDocker({
      buildxVersion: async () => '0.21.2',
      // Another job's `buildx create --use` makes its own builder current after the start.
      buildxInspect: async () => ({
        name: inspects++ === 0 ? 'current-at-start' : 'other-job',
        driver,
        platforms: ['linux/amd64'],
        buildkitVersion: '0.17',
      }),
      imageDigest: async () => D(9),
      imagetoolsRaw: r.docker.imagetoolsRaw,
      buildx: async (args) => {
        if (args[0] === 'imagetools') return r.docker.buildx(args);
        builds.push([...args]);
        const byDigest = driver !== 'docker';
        writeFileSync(
          args[args.indexOf('--metadata-file') + 1]!,
          JSON.stringify({
            'containerimage.digest': byDigest ? D(1) : sha256(then),
            'containerimage.config.digest': OURS,
          }),
        );
        return { exitCode: 0, stdout: '', stderr: '' };
      },
      imagetoolsCreate: async (_tags, _sources, o) => (merges.push({ builder: o?.builder }), D(7)),
    });
    const progress: string[] = [];
    const result = await runBuildStage(
      { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push: true },
      { docker, exec: NO_GIT, env: {}, progress: (l) => progress.push(l), sleep: async () => {} },
    ).catch((e: unknown) => e);
    return { result, builds, merges, reads: r.reads, progress };
  }

  it('docker driver: the tag read back names another build’s image: exit 3, nothing merged', async () => {
    const s = await stage('docker', manifest(THEIRS));
    expect(s.result).toBeInstanceOf(EnvironmentError);
    expect((s.result as EnvironmentError).message).toContain(
      `another build pushed ${TAG} at the same time: buildx reported ${sha256(manifest(THEIRS))}`,
    );
    expect(s.merges).toEqual([]);
  });

  it('docker driver: the tag read back names this build’s image: recorded and merged', async () => {
    const s = await stage('docker', manifest(OURS));
    expect(s.result).not.toBeInstanceOf(Error);
    const v = (s.result as { variants: { platforms: { digest: string }[] }[] }).variants[0]!;
    expect(v.platforms[0]!.digest).toBe(sha256(manifest(OURS)));
    expect(s.reads).toEqual([
      [
        'imagetools',
        'inspect',
        '--builder',
        'current-at-start',
        '--raw',
        `${REPO}@${sha256(manifest(OURS))}`,
      ],
    ]);
    expect(s.merges).toEqual([{ builder: 'current-at-start' }]);
  });

  it('no builder input: the builder current at the start is named on the build and the merge', async () => {
    const s = await stage('docker-container', manifest(OURS));
    expect(s.result).not.toBeInstanceOf(Error);
    expect(s.builds[0]!.slice(0, 3)).toEqual(['build', '--builder', 'current-at-start']);
    expect(s.merges).toEqual([{ builder: 'current-at-start' }]);
    // Pushed by digest: nothing to read back.
    expect(s.reads).toEqual([]);
  });
});

describe('imagetools create on a named builder (the adapter)', () => {
  it('--builder goes to the merge, and to the digest reads when buildx printed none (dry run, then the tag)', async () => {
    const calls: string[][] = [];
    const exec: CommandRunner = {
      run: async (_cli, args) => {
        calls.push([...args]);
        return args[2] === 'create'
          ? { exitCode: 0, stdout: '', stderr: '' }
          : { exitCode: 0, stdout: JSON.stringify({ digest: D(7) }), stderr: '' };
      },
    };
    const cli = createBuildxCli(exec, 'docker', async () => undefined);
    expect(await cli.imagetoolsCreate([`${REPO}:1`], [`${REPO}@${D(1)}`], { builder: 'b1' })).toBe(D(7));
    expect(calls).toEqual([
      ['buildx', 'imagetools', 'create', '--builder', 'b1', '-t', `${REPO}:1`, `${REPO}@${D(1)}`],
      // The dry run printed no list here: the registry is asked what the tag names.
      [
        'buildx',
        'imagetools',
        'create',
        '--dry-run',
        '--builder',
        'b1',
        '-t',
        `${REPO}:1`,
        `${REPO}@${D(1)}`,
      ],
      ['buildx', 'imagetools', 'inspect', '--builder', 'b1', '--format', '{{json .Manifest}}', `${REPO}:1`],
    ]);
  });
});
