// `ml-image devcontainer` for a variant of several platforms that were not merged, one only loaded
// into the engine and one pushed: no digest serves them all, so none is pinned (docs/cli.md: pinned
// "when it is merged or has one platform"); the local tag of the loaded platform is written,
// unpinned, and its record and the emulation note follow that platform, not the pushed one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { runCli } from '../../src/cli/main.js';
import { chooseImage } from '../../src/devcontainer/devcontainer.js';
import { hostPlatform } from '../../src/devcontainer/from-results.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const HOST = hostPlatform();
const OTHER = HOST === 'linux/amd64' ? 'linux/arm64' : 'linux/amd64';
const arch = (p: string) => p.split('/')[1]!;

/** One variant, no merged digest: LOADED only loaded (pushed: false, a local tag), PUSHED pushed. */
function unmerged(loaded: string, pushed: string): BuildResult {
  const platform = (p: string, digest: string) => ({
    platform: p,
    digest,
    durationMs: 1,
    attempts: 1,
    metadata: {},
  });
  return {
    schemaVersion: 1,
    variants: [
      {
        variant: 'cpu',
        repository: 'ghcr.io/acme/model',
        tags: ['ghcr.io/acme/model:cpu'],
        baseImage: 'python:3.12-slim',
        platforms: [
          { ...platform(loaded, D1), localRef: `model:cpu-${arch(loaded)}`, pushed: false },
          { ...platform(pushed, D2), pushed: true },
        ],
      },
    ],
  } as BuildResult;
}

describe('chooseImage: several platforms, not merged, one of them pushed', () => {
  it.each([
    ['the engine is the loaded platform', 'linux/amd64'],
    ['the engine is the pushed platform', 'linux/arm64'],
  ])('%s: the loaded platform by its local tag, unpinned', (_n, engine) => {
    expect(chooseImage(unmerged('linux/amd64', 'linux/arm64'), 'build.json', undefined, engine)).toEqual({
      image: 'model:cpu-amd64',
      variant: 'cpu',
      pinned: false,
      platforms: ['linux/amd64'],
    });
  });

  it('still pins a variant of one pushed platform, and a merged one with all its platforms', () => {
    const b = unmerged('linux/amd64', 'linux/arm64');
    const one = { ...b, variants: [{ ...b.variants[0]!, platforms: [b.variants[0]!.platforms[1]!] }] };
    expect(chooseImage(one, 'build.json', undefined, 'linux/amd64')).toMatchObject({
      image: `ghcr.io/acme/model@${D2}`,
      pinned: true,
      platforms: ['linux/arm64'],
    });
    const merged = { ...b, variants: [{ ...b.variants[0]!, digest: D1 }] };
    expect(chooseImage(merged, 'build.json', undefined, 'linux/amd64')).toMatchObject({
      image: `ghcr.io/acme/model@${D1}`,
      pinned: true,
      platforms: ['linux/amd64', 'linux/arm64'],
    });
  });
});

describe('ml-image devcontainer: several platforms, not merged, one of them pushed', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-dc-unmerged-'));
    mkdirSync(path.join(dir, 'results'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A record per platform, told apart by the image's user. */
  function results(build: BuildResult) {
    writeFileSync(path.join(dir, 'results', 'build.json'), JSON.stringify(build));
    for (const p of [HOST, OTHER]) {
      const r = makeRecord({ pip: { pip: '24.0' }, env: { PATH: '/usr/bin' } });
      writeFileSync(
        path.join(dir, 'results', `env-cpu-${arch(p)}.json`),
        JSON.stringify({ ...r, image: { ...r.image, user: `user-${arch(p)}` } }),
      );
    }
  }

  async function cli() {
    // A remote engine is not asked: the platform is Node's (HOST), said in a note.
    const io = captureIo(dir, fakeDocker(), { DOCKER_HOST: 'tcp://192.0.2.1:2375' });
    const code = await runCli(['devcontainer', '--from', 'results', '--out', 'd.json', '--json'], io);
    return { code, err: io.err(), summary: JSON.parse(io.out() || '{}') };
  }

  it("the other platform loaded, this one's pushed: the loaded one's tag and record, with the emulation note", async () => {
    results(unmerged(OTHER, HOST));
    const r = await cli();
    expect(r.code, r.err).toBe(0);
    expect(r.summary).toMatchObject({
      image: `model:cpu-${arch(OTHER)}`,
      pinned: false,
      record: path.join(dir, 'results', `env-cpu-${arch(OTHER)}.json`),
      remoteUser: `user-${arch(OTHER)}`,
    });
    expect(r.summary.notes).toContainEqual(
      `the image is built for ${OTHER} only: on this ${HOST} machine it runs under emulation (QEMU), if at all`,
    );
    expect(r.summary.notes.join('\n')).toMatch(/not pinned by digest/);
    expect(JSON.parse(readFileSync(path.join(dir, 'd.json'), 'utf8')).image).toBe(`model:cpu-${arch(OTHER)}`);
  });

  it("this platform loaded, the other pushed: this one's tag and record, no emulation note", async () => {
    results(unmerged(HOST, OTHER));
    const r = await cli();
    expect(r.code, r.err).toBe(0);
    expect(r.summary).toMatchObject({
      image: `model:cpu-${arch(HOST)}`,
      pinned: false,
      remoteUser: `user-${arch(HOST)}`,
    });
    expect(JSON.stringify(r.summary.notes)).not.toContain('is built for');
    expect(r.summary.notes.join('\n')).toMatch(/not pinned by digest/);
  });
});
