// docker/build-push-action's inputs, shaped as docker/metadata-action writes its outputs, through
// the action (src/action/run.ts, in-process, with inputs and outputs as a runner passes them) for
// two variants against the real engine, buildx and local registry: the tags, labels and
// annotations are read back from the registry, the secret reached the build as a mount, and the
// `digest` / `metadata` outputs are set.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { type ActionIo, run } from '../../src/action/run.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { MANIFEST_ACCEPT } from '../helpers/net.js';
import { deleteRepositories } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');
/** The config's image name: a fresh one, so that nothing pushed there by an earlier run is found. */
const RUN = `${process.pid}-${Date.now()}`;
const CONFIG_NAME = `ml-image-it/bpa-config-${RUN}`;
/** The repositories the two tests push to, fresh each run (why: see the first test). */
const TAGS_REPO = `ml-image-it/bpa-tags-${RUN}`;
const SINGLE_REPO = `ml-image-it/bpa-single-${RUN}`;
const SECRET_SHA = createHash('sha256').update('bpa-s3cret-value').digest('hex').slice(0, 16);

interface Descriptor {
  digest: string;
  mediaType?: string;
  platform?: { os: string; architecture: string };
}
interface Manifest {
  mediaType?: string;
  manifests?: Descriptor[];
  config?: Descriptor;
  annotations?: Record<string, string>;
}

/** The registry's answer for a reference (HTTP API v2, as any client reads it). */
async function registryGet(
  registry: string,
  repo: string,
  what: string,
  accept = MANIFEST_ACCEPT,
): Promise<unknown> {
  const res = await fetch(`http://${registry}/v2/${repo}/${what}`, { headers: { Accept: accept } });
  expect(res.status, `${repo}/${what}`).toBe(200);
  return res.json();
}

/** The labels of each platform image under `ref` (a manifest list), read from their configs. */
async function platformLabels(registry: string, repo: string, tag: string) {
  const index = (await registryGet(registry, repo, `manifests/${tag}`)) as Manifest;
  const out: Record<string, Record<string, string>> = {};
  const history: string[] = [];
  for (const d of index.manifests ?? []) {
    if (!d.platform || d.platform.os === 'unknown') continue;
    const m = (await registryGet(registry, repo, `manifests/${d.digest}`)) as Manifest;
    const config = (await registryGet(registry, repo, `blobs/${m.config!.digest}`)) as {
      config?: { Labels?: Record<string, string> };
      history?: { created_by?: string }[];
    };
    out[`${d.platform.os}/${d.platform.architecture}`] = config.config?.Labels ?? {};
    history.push(...(config.history ?? []).map((h) => h.created_by ?? ''));
  }
  return { index, labels: out, history: history.join('\n') };
}

describe.skipIf(!env.available)('BPA-style inputs through the action (real engine + registry)', () => {
  const images = env.images!;
  const registry = images.registry;
  let ws: string;

  beforeAll(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'ml-image-bpa-it-'));
    // The user's own Dockerfile: the secret must be mounted, never a build arg.
    writeFileSync(
      path.join(ws, 'Dockerfile'),
      [
        'ARG BASE_IMAGE',
        'FROM ${BASE_IMAGE} AS base',
        // The value itself must not be in the Dockerfile (it would be in the history): its hash.
        `RUN --mount=type=secret,id=tok test "$(sha256sum < /run/secrets/tok | cut -c1-16)" = "${SECRET_SHA}" && echo secret-ok > /ok`,
        'FROM base AS final',
        'ARG GREETING',
        'RUN echo "$GREETING" > /greeting',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(ws, 'ml-image.yml'),
      stringify({
        image: { name: CONFIG_NAME, registry },
        variants: [
          { name: 'cpu', python: '3.11' },
          { name: 'slim', python: '3.11' },
        ],
        platforms: ['linux/amd64', 'linux/arm64'],
        build: {
          dockerfile: 'Dockerfile',
          mirrors: { 'docker.io/library/python': `${registry}/ml-image-test/python` },
        },
      }),
    );
    writeFileSync(
      path.join(ws, 'ml-image-single.yml'),
      stringify({
        image: { name: CONFIG_NAME, registry },
        variants: [{ name: 'cpu', python: '3.11' }],
        build: {
          dockerfile: 'Dockerfile',
          mirrors: { 'docker.io/library/python': `${registry}/ml-image-test/python` },
        },
      }),
    );
  });
  afterAll(async () => {
    await deleteRepositories([TAGS_REPO, SINGLE_REPO].map((r) => `${registry}/${r}`));
    rmSync(ws, { recursive: true, force: true });
    // The docker driver leaves the pushed per-platform images in the engine: remove this test's.
    const ids = spawnSync(
      'docker',
      ['image', 'ls', '-q', '--filter', `reference=${registry}/ml-image-it/bpa-*`],
      { encoding: 'utf8' },
    )
      .stdout.split('\n')
      .filter(Boolean);
    if (ids.length) spawnSync('docker', ['image', 'rm', '-f', ...new Set(ids)]);
  });

  it('pushes the metadata-action tags (per-variant rule), labels and annotations; sets digest/metadata', async () => {
    // Fresh repositories each run: an inline cache left in the registry by an earlier run is never
    // imported (BuildKit 0.8's docker driver fails to export a result taken from a registry cache
    // once the engine's own build cache was pruned: "failed to get layer ...: layer does not exist").
    const repo = TAGS_REPO;
    const inputs: Record<string, string> = {
      config: 'ml-image.yml',
      stages: 'plan,build',
      'result-dir': 'results',
      // Exactly as docker/metadata-action prints them (newline lists).
      tags: `${registry}/${repo}:1.2.0\n${registry}/${repo}:1.2\n${registry}/${repo}:latest`,
      labels: [
        'org.opencontainers.image.title=bpa-tags',
        'org.opencontainers.image.description=An image from metadata-action inputs',
        'org.opencontainers.image.version=1.2.0',
      ].join('\n'),
      annotations: [
        'manifest:org.opencontainers.image.description=An image from metadata-action inputs',
        'index:org.opencontainers.image.vendor=Acme ML',
      ].join('\n'),
      'build-args': 'GREETING=hello from build-args',
      secrets: 'tok=bpa-s3cret-value',
      target: 'final',
      provenance: 'false',
    };
    const outputs: Record<string, string> = {};
    const failed: string[] = [];
    const log: string[] = [];
    const io: ActionIo = {
      getInput: (n) => inputs[n] ?? '',
      setOutput: (n, v) => {
        outputs[n] = v;
      },
      setFailed: (m) => failed.push(m),
      error: (m) => log.push(`error: ${m}`),
      warning: (m) => log.push(`warning: ${m}`),
      info: (m) => log.push(m),
      group: (_n, fn) => fn(),
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true' },
      docker: createDefaultDockerAdapter,
    };
    const driver = (await createDefaultDockerAdapter().buildxInspect()).driver;
    await run(io);
    expect(failed, log.slice(-40).join('\n')).toEqual([]);
    expect(log.join('\n')).not.toContain('bpa-s3cret-value');

    const tags = JSON.parse(outputs.tags!) as Record<string, string[]>;
    const r = `${registry}/${repo}`;
    expect(tags).toEqual({
      cpu: [`${r}:1.2.0-cpu`, `${r}:1.2-cpu`, `${r}:cpu`, `${r}:latest`],
      slim: [`${r}:1.2.0-slim`, `${r}:1.2-slim`, `${r}:slim`],
    });
    // Two variants: the single-image outputs are not set; the per-variant maps are.
    expect(outputs.digest).toBeUndefined();
    const digests = JSON.parse(outputs.digests!) as Record<string, string>;

    for (const [variant, tag] of [
      ['cpu', 'latest'],
      ['slim', '1.2.0-slim'],
    ] as const) {
      const { index, labels, history } = await platformLabels(registry, repo, tag);
      // The target stage was built with the build arg; the secret was a mount, not in the history.
      expect(history).toContain('GREETING=hello from build-args');
      expect(history).toContain('/run/secrets/tok');
      expect(history).not.toContain('bpa-s3cret-value');
      expect(Object.keys(labels).sort()).toEqual(['linux/amd64', 'linux/arm64']);
      for (const l of Object.values(labels)) {
        expect(l['org.opencontainers.image.title']).toBe('bpa-tags');
        expect(l['org.opencontainers.image.description']).toBe('An image from metadata-action inputs');
        expect(l['io.github.ml-image-action.variant']).toBe(variant);
      }
      if (driver === 'docker') {
        // dockerd's BuildKit pushes Docker manifests; a Docker manifest list has no annotations,
        // and the action says so instead of dropping them silently.
        expect(index.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
        expect(log.join('\n')).toContain('index annotations left out (use a docker-container builder)');
      } else {
        expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
        expect(index.annotations?.['org.opencontainers.image.vendor']).toBe('Acme ML');
        expect(index.annotations?.['org.opencontainers.image.description']).toBe(
          'An image from metadata-action inputs',
        );
      }
      const res = await fetch(`http://${registry}/v2/${repo}/manifests/${tag}`, {
        method: 'HEAD',
        headers: { Accept: MANIFEST_ACCEPT },
      });
      expect(res.headers.get('docker-content-digest')).toBe(digests[variant]);
    }
    // The computed tags of the config's own image name were not pushed.
    const other = await fetch(`http://${registry}/v2/${CONFIG_NAME}/tags/list`);
    expect(other.status).toBe(404);
  }, 600_000);

  it('one variant: digest, imageid and metadata as build-push-action sets them', async () => {
    const repo = SINGLE_REPO;
    const inputs: Record<string, string> = {
      config: 'ml-image-single.yml',
      stages: 'plan,build',
      'result-dir': 'results-single',
      platforms: 'linux/amd64',
      tags: `${registry}/${repo}:0.1.0,${registry}/${repo}:latest`,
      secrets: 'tok=bpa-s3cret-value',
      provenance: 'false',
    };
    const outputs: Record<string, string> = {};
    const failed: string[] = [];
    const log: string[] = [];
    await run({
      getInput: (n) => inputs[n] ?? '',
      setOutput: (n, v) => {
        outputs[n] = v;
      },
      setFailed: (m) => failed.push(m),
      error: (m) => log.push(m),
      warning: (m) => log.push(m),
      info: (m) => log.push(m),
      group: (_n, fn) => fn(),
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      docker: createDefaultDockerAdapter,
    });
    expect(failed, log.slice(-40).join('\n')).toEqual([]);
    expect(outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/);
    const metadata = JSON.parse(outputs.metadata!) as Record<string, unknown>;
    expect(metadata['containerimage.digest']).toBe(outputs.digest);
    expect(metadata['image.name']).toBe(`${registry}/${repo}:0.1.0,${registry}/${repo}:latest`);
    const res = await fetch(`http://${registry}/v2/${repo}/manifests/0.1.0`, {
      method: 'HEAD',
      headers: { Accept: MANIFEST_ACCEPT },
    });
    expect(res.headers.get('docker-content-digest')).toBe(outputs.digest);
  }, 600_000);
});
