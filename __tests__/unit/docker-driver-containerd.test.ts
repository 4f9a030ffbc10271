// The docker driver on an engine with the containerd image store exports cache, attests and pushes
// by itself (buildx driver/docker/driver.go Features: CacheExport, MultiPlatform, DirectPush,
// PreferImageDigest all follow the worker's snapshotter label); on the classic store it does none
// of these and the argv stays exactly as before. The store is told as buildx tells it: `buildx
// inspect` prints the worker's labels, and dockerd's worker has a snapshotter label only there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lookUpBuilder } from '../../src/build/builder-facts.js';
import { type BuilderInfo, type BuildRequest, buildxBuildArgs } from '../../src/build/buildx-args.js';
import { checkPushedByTag, type PushedByTag } from '../../src/build/pushed-image.js';
import { mergeAnnotations, type TargetContext } from '../../src/build/target.js';
import type { BuilderDescription } from '../../src/docker/adapter.js';
import { parseBuildxInspect } from '../../src/docker/buildx.js';
import { fakeDocker } from '../helpers/fakes.js';

/** dockerd 20.10's classic store, buildx 0.13 (this test bed): no worker labels at all. */
const CLASSIC_2010 = `Name:          default
Driver:        docker
Last Activity: 2026-12-04 02:03:20 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.8+unknown
Platforms:        linux/amd64, linux/arm64
`;
/** A newer engine on the classic (graphdriver) store: its worker's labels name no snapshotter. */
const CLASSIC_NEW = `${CLASSIC_2010.replace('v0.8+unknown', 'v0.23.2')}Labels:
 org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1
GC Policy rule#0:
 All:            false
`;
/** Docker Engine 29 / Docker Desktop on the containerd image store (buildx's tabwriter layout). */
const CONTAINERD = `${CLASSIC_2010.replace('v0.8+unknown', 'v0.23.2')}Labels:
 org.mobyproject.buildkit.worker.containerd.namespace: moby
 org.mobyproject.buildkit.worker.executor:             containerd
 org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1
 org.mobyproject.buildkit.worker.network:              host
 org.mobyproject.buildkit.worker.snapshotter:          overlayfs
GC Policy rule#0:
 All:            false
`;

describe('the docker driver’s image store, from buildx inspect', () => {
  it.each([
    ['dockerd 20.10, classic store', CLASSIC_2010, undefined],
    ['a newer engine, classic store', CLASSIC_NEW, undefined],
    ['the containerd image store', CONTAINERD, 'overlayfs'],
  ])('%s', (_n, out, snapshotter) => {
    expect(parseBuildxInspect(out).snapshotter).toBe(snapshotter);
  });

  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it.each<[string, Partial<BuilderDescription>, boolean | undefined]>([
    ['docker driver, containerd store', { driver: 'docker', snapshotter: 'overlayfs' }, true],
    ['docker driver, classic store', { driver: 'docker' }, undefined],
    // buildkitd's own workers all have a snapshotter label: only dockerd's tells the store.
    ['docker-container', { driver: 'docker-container', snapshotter: 'overlayfs' }, undefined],
  ])('%s: containerdStore in the facts, and kept on disk', async (_n, inspect, expected) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facts-'));
    dirs.push(dir);
    const description = { name: 'b', platforms: [], buildkitVersion: '0.23.2', driver: '', ...inspect };
    const docker = fakeDocker({
      buildxVersion: async () => '0.26.1',
      buildxInspect: async () => description,
    });
    const cache = { dir, env: { HOME: dir } };
    const asked = await lookUpBuilder(docker, 'b', cache);
    expect(asked.from).toBe('asked');
    expect(asked.facts.containerdStore).toBe(expected);
    // Another process reads the same facts from the cache directory.
    const again = await lookUpBuilder(fakeDocker(), 'b', cache);
    expect(again).toEqual({ facts: asked.facts, from: 'disk' });
  });
});

const req: BuildRequest = {
  context: '/src',
  dockerfile: '/images/cpu/Dockerfile',
  platform: 'linux/amd64',
  repository: 'ghcr.io/o/m',
  pushTag: 'ml-image-build-cpu-amd64',
  push: true,
  labels: {},
  buildArgs: {},
  cache: { type: 'gha', scope: 's' },
  metadataFile: '/tmp/meta.json',
  provenance: 'max',
  secrets: [],
  sbom: true,
};
const docker = (containerdStore?: boolean): BuilderInfo => ({
  buildxVersion: '0.26.1',
  driver: 'docker',
  buildkitVersion: '0.23.2',
  ...(containerdStore !== undefined && { containerdStore }),
});
const values = (args: string[], flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]!] : []));
const PUSH_BY_TAG =
  'docker driver: pushes by tag ml-image-build-cpu-amd64 and merges by the digest it reports';

describe('buildxBuildArgs: the docker driver on either image store', () => {
  const more: Partial<BuildRequest> = {
    attests: ['type=sbom,generator=img'],
    annotations: ['manifest:a=b'],
    ociMediatypes: true,
  };

  it('the containerd store: provenance, SBOM, attests, gha cache and annotations as asked, no notes but the push by tag', () => {
    const { args, notes } = buildxBuildArgs({ ...req, ...more }, docker(true));
    expect(args).toContain('--provenance=mode=max');
    expect(args).toContain('--sbom=true');
    expect(values(args, '--attest')).toEqual(['type=sbom,generator=img']);
    expect(values(args, '--annotation')).toEqual(['manifest:a=b']);
    expect(values(args, '--cache-from')).toEqual(['type=gha,scope=s']);
    expect(values(args, '--cache-to')).toEqual(['type=gha,scope=s,mode=max']);
    expect(values(args, '--output')).toEqual([
      'type=image,name=ghcr.io/o/m:ml-image-build-cpu-amd64,push=true,oci-mediatypes=true',
    ]);
    expect(notes).toEqual([PUSH_BY_TAG]);
  });

  it('the containerd store: cache-to specs as given', () => {
    const given = { cacheFrom: ['type=gha,scope=x'], cacheTo: ['type=gha,scope=x,mode=max', 'type=inline'] };
    const { args, notes } = buildxBuildArgs({ ...req, ...given }, docker(true));
    expect(values(args, '--cache-to')).toEqual(['type=gha,scope=x,mode=max', 'type=inline']);
    expect(notes.filter((n) => n.includes('cannot export'))).toEqual([]);
  });

  // The classic store (containerdStore false, or not known): the argv and notes of before.
  it.each([false, undefined])('containerdStore %s: today’s exact output', (containerdStore) => {
    expect(buildxBuildArgs({ ...req, ...more }, docker(containerdStore))).toEqual({
      args: [
        'build',
        '--platform',
        'linux/amd64',
        '--file',
        '/images/cpu/Dockerfile',
        '--progress',
        'plain',
        '--metadata-file',
        '/tmp/meta.json',
        '--cache-to',
        'type=inline',
        '--cache-from',
        'type=registry,ref=ghcr.io/o/m:ml-image-build-cpu-amd64',
        '--provenance=false',
        '--output',
        'type=image,name=ghcr.io/o/m:ml-image-build-cpu-amd64,push=true',
        '/src',
      ],
      notes: [
        'docker driver: cache is kept inline in the pushed per-platform image (no gha/registry cache export)',
        'docker driver: provenance attestations are not supported, disabled',
        PUSH_BY_TAG,
      ],
      // What was asked for and left out: warnings (the action's annotations), not notes.
      warnings: [
        'docker driver: SBOM attestations are not supported, left out',
        'docker driver: attestations are not supported, attests left out',
        'docker driver: images are pushed with Docker manifests, which carry no annotations: annotations left out (use a docker-container builder)',
      ],
    });
    const given = { cacheTo: ['type=gha,scope=x,mode=max'] };
    expect(buildxBuildArgs({ ...req, ...given }, docker(containerdStore)).warnings).toContain(
      'docker driver: cannot export cache type=gha; cache-to left out (use a docker-container builder)',
    );
  });

  it.each([
    [true, ['index:org.opencontainers.image.source=https://github.com/o/m']],
    [false, []],
    [undefined, []],
  ])('index annotations of the merge, containerdStore %s', (containerdStore, expected) => {
    const shown: string[] = [];
    const ctx = {
      builder: docker(containerdStore),
      notesShown: new Set<string>(),
      progress: (l: string) => shown.push(l),
    };
    const labels = { 'org.opencontainers.image.source': 'https://github.com/o/m' };
    expect(mergeAnnotations(ctx as unknown as TargetContext, labels, undefined)).toEqual(expected);
    expect(shown.length).toBe(expected.length === 0 ? 1 : 0);
  });
});

describe('checkPushedByTag: the metadata shapes of a docker driver push', () => {
  const DIGEST = `sha256:${'1'.repeat(64)}`;
  const CONFIG = `sha256:${'3'.repeat(64)}`;
  const OTHER = `sha256:${'4'.repeat(64)}`;
  const pushed = (metadata: Record<string, unknown>): PushedByTag => ({
    id: 'cpu/amd64',
    pushRef: 'localhost:5000/o/m:ml-image-build-cpu-amd64',
    repository: 'localhost:5000/o/m',
    platform: 'linux/amd64',
    digest: DIGEST,
    metadata: { 'containerimage.digest': DIGEST, ...metadata },
    builder: 'default',
  });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: CONFIG, size: 1 },
    layers: [],
  });
  const descriptor = (digest: string) => ({
    mediaType: 'application/vnd.oci.image.index.v1+json',
    digest,
    size: 856,
  });

  it.each<[string, Record<string, unknown>, 'read' | 'none' | 'warning']>([
    ['classic: config digest, read back and compared', { 'containerimage.config.digest': CONFIG }, 'read'],
    [
      'containerd, direct push: the exporter’s own descriptor, no config digest',
      { 'containerimage.descriptor': descriptor(DIGEST), 'image.name': 'localhost:5000/o/m:t' },
      'none',
    ],
    // dockerd 26 on the containerd store, as seen: a config digest beside the descriptor, which
    // is the index's own digest where BuildKit's attestations made the push an index.
    [
      'containerd, an index pushed: its "config digest" is the index digest',
      { 'containerimage.config.digest': DIGEST, 'containerimage.descriptor': descriptor(DIGEST) },
      'none',
    ],
    [
      'containerd, no attestations: the config digest beside the manifest descriptor',
      {
        'containerimage.config.digest': CONFIG,
        'containerimage.descriptor': {
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          digest: DIGEST,
          size: 696,
          platform: { architecture: 'amd64', os: 'linux' },
        },
      },
      'none',
    ],
    ['an old daemon: the digest only', {}, 'warning'],
    ['a descriptor of another manifest', { 'containerimage.descriptor': descriptor(OTHER) }, 'warning'],
    ['a descriptor without a digest', { 'containerimage.descriptor': { size: 1 } }, 'warning'],
  ])('%s', async (_n, metadata, expected) => {
    const reads: string[] = [];
    const reader = {
      imagetoolsRaw: async (ref: string) => {
        reads.push(ref);
        return manifest;
      },
    };
    const warning = await checkPushedByTag(reader, pushed(metadata));
    expect(reads).toEqual(expected === 'read' ? [`localhost:5000/o/m@${DIGEST}`] : []);
    if (expected === 'warning') expect(warning).toMatch(/the engine reported no image config digest/);
    else expect(warning).toBeUndefined();
  });
});
