// The resolver resolves against the base the build will start from: dockerd's own builder (the
// docker driver) takes this engine's image under the tag, any other driver (docker-container,
// kubernetes, remote) the registry's. The pipeline asks the builder's driver once, before the
// resolve stage, and the build stage reuses the answer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionSpec } from '../../src/docker/adapter.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { runLocalPipeline } from '../helpers/local-pipeline.js';
import { cleanSession as clean } from '../helpers/resolve-session.js';

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
  await runLocalPipeline(dir, stages, docker).catch(() => undefined);
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
