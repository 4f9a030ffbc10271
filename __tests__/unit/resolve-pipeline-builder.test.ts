// The resolver resolves against the base the build will start from: dockerd's own builder (the
// docker driver) takes this engine's image under the tag, any other driver (docker-container,
// kubernetes, remote) the registry's. The pipeline asks the builder's driver once, before the
// resolve stage, and the build stage reuses the answer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { SessionSpec } from '../../src/docker/adapter.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { openResultDir } from '../../src/results/results.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { cleanSession as clean } from '../helpers/resolve-session.js';

const imagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images');
const REGISTRY = `sha256:${'d'.repeat(64)}`;
const STALE = `sha256:${'5'.repeat(64)}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-builder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function sessionImages(driver: string, stages: ('resolve' | 'build')[]) {
  writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image:\n  name: o/m\nvariants: [cpu]\nplatforms: [linux/amd64]\npython:\n  requirements: [requirements.txt]\n',
  );
  const specs: SessionSpec[] = [];
  let inspects = 0;
  const docker = fakeDocker({
    buildxVersion: async () => '0.21.2',
    buildxInspect: async () => {
      inspects += 1;
      return { name: 'b', driver, platforms: ['linux/amd64'], buildkitVersion: '0.20.0' };
    },
    imageDigest: async () => REGISTRY,
    imagetoolsInspect: async () => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      platforms: [],
    }),
    // This engine holds another image under the base's tag (a stale pull).
    inspectLocalImage: async () => imageDetails({ id: STALE, repoDigests: [] }),
    startSession: async (spec) => {
      specs.push(spec);
      return clean();
    },
    // The build itself is not what this test is about: it stops there.
    buildx: async () => ({ exitCode: 1, stdout: '', stderr: 'ERROR: stop here' }),
  });
  await runPipeline(
    {
      loaded: loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') }),
      stages: new Set(stages),
      results: openResultDir(path.join(dir, 'out')),
      push: false,
      merge: false,
      gpus: 'none',
      imagesDir,
      git: {},
      cacheDir: path.join(dir, 'cache'),
      report: {
        mode: 'off',
        baseline: { describe: () => 'none', restore: async () => undefined, save: async () => undefined },
        baseBranch: 'main',
        saveAs: { branch: 'main', sha: 'x' },
      },
    },
    {
      docker: () => docker,
      // The build's commit time from the environment: no git (unit tests start no processes).
      env: { SOURCE_DATE_EPOCH: '0' },
      progress: () => undefined,
      error: () => undefined,
      warning: () => undefined,
    },
  ).catch(() => undefined);
  return { images: specs.map((s) => s.image), inspects };
}

describe("the resolver's base follows the build's builder", () => {
  it.each([
    ['docker (dockerd builds FROM its own image under the tag)', 'docker', [STALE]],
    [
      "docker-container (the registry's, whatever this engine holds)",
      'docker-container',
      [`python@${REGISTRY}`],
    ],
    ['kubernetes', 'kubernetes', [`python@${REGISTRY}`]],
  ])('%s', async (_what, driver, images) => {
    const r = await sessionImages(driver, ['resolve', 'build']);
    expect(r.images.map((i) => i.replace(/^.*\/(python)/, '$1').replace(/:[^@]*@/, '@'))).toEqual(images);
    // Asked once for the run: the build stage took the resolve stage's answer.
    expect(r.inspects).toBe(1);
  });

  it('resolve alone (the build runs elsewhere): the engine is not asked, its own image is used', async () => {
    const r = await sessionImages('docker-container', ['resolve']);
    expect(r.images).toEqual([STALE]);
    expect(r.inspects).toBe(0);
  });
});
