// The merge job annotates each list it makes; from Docker manifests (build jobs on the docker
// driver) buildx makes a Docker manifest list and drops the annotations without a word: the merge
// says so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageIndex } from '../../src/docker/adapter.js';
import type { Plan } from '../../src/plan/plan.js';
import { mergeFromDigestFiles } from '../../src/pipeline/merge.js';
import { fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-merge-annotations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const D = (c: string) => `sha256:${c.repeat(64)}`;
const OCI = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

const PLAN = {
  variants: [
    { name: 'cpu', platforms: ['linux/amd64'], labels: { 'org.opencontainers.image.title': 'model' } },
  ],
} as unknown as Plan;

/** A build job's digest file; DESCRIPTOR: the media type buildx recorded, when it recorded one. */
const digestFile = (descriptor?: string) => ({
  schemaVersion: 1,
  variant: 'cpu',
  repository: 'localhost:5000/acme/model',
  tags: ['localhost:5000/acme/model:1.0-cpu'],
  baseImage: 'python:3.12-slim',
  build: {
    platform: 'linux/amd64',
    digest: D('a'),
    durationMs: 1000,
    attempts: 1,
    metadata: {
      'containerimage.digest': D('a'),
      ...(descriptor && { 'containerimage.descriptor': { mediaType: descriptor, digest: D('a'), size: 1 } }),
    },
  },
});

describe('merge job: index annotations dropped on a Docker manifest list', () => {
  it.each<[string, string | undefined, string | Error | undefined, boolean, number]>([
    ['OCI platform images (buildx recorded them): no look, no warning', OCI, undefined, false, 0],
    ['Docker platform images: the list is a Docker list, a warning', DOCKER, DOCKER_LIST, true, 1],
    [
      'no media type recorded (the docker driver): the list is read; a Docker list',
      undefined,
      DOCKER_LIST,
      true,
      1,
    ],
    ['no media type recorded: an OCI index, no warning', undefined, OCI_INDEX, false, 1],
    ['the list cannot be read: not judged (the merge succeeded)', undefined, new Error('401'), false, 1],
  ])('%s', async (_what, descriptor, list, warned, reads) => {
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(digestFile(descriptor)));
    const inspected: string[] = [];
    const docker = fakeDocker({
      buildxVersion: async () => '0.21.2',
      imagetoolsCreate: async () => D('c'),
      imagetoolsInspect: async (ref): Promise<ImageIndex> => {
        inspected.push(ref);
        if (list instanceof Error || list === undefined) throw list ?? new Error('unexpected');
        return { mediaType: list, platforms: [] };
      },
    });
    const lines: string[] = [];
    const r = await mergeFromDigestFiles(
      dir,
      { docker: () => docker, progress: (_s, l) => lines.push(l) },
      PLAN,
    );
    expect(r.variants[0]!.digest).toBe(D('c'));
    expect(inspected).toEqual(Array(reads).fill(`localhost:5000/acme/model@${D('c')}`));
    const warning = lines.find((l) => l.startsWith('warning: cpu: the index annotations were not applied'));
    expect(warning !== undefined).toBe(warned);
    if (warned) expect(warning).toMatch(/Docker manifest list.*docker-container builder/);
  });
});

describe('merge job: a build that pushed an index around its image (BuildKit attestations)', () => {
  it('merges the indexes, so the attestations stay beside each image', async () => {
    const file = digestFile(OCI);
    writeFileSync(
      path.join(dir, 'a.json'),
      JSON.stringify({ ...file, build: { ...file.build, indexDigest: D('e') } }),
    );
    const sources: (readonly string[])[] = [];
    const docker = fakeDocker({
      buildxVersion: async () => '0.21.2',
      imagetoolsCreate: async (_tags, given) => {
        sources.push(given);
        return D('c');
      },
    });
    await mergeFromDigestFiles(dir, { docker: () => docker, progress: () => undefined }, PLAN);
    expect(sources).toEqual([[`localhost:5000/acme/model@${D('e')}`]]);
  });
});
