// The BUNDLED action (dist/index.js) run as a GitHub runner runs it (a node process with INPUT_*
// variables, the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a pull_request event) with
// docker/metadata-action-shaped `tags`, `labels` and `annotations` inputs for two variants, against
// the real engine, buildx and local registry and the OpenAPI-checked fake GitHub
// (__tests__/helpers/github-api.ts): the tags and labels are read back from the registry's HTTP
// API, the `digests` map (two variants) and `digest`/`metadata` (one variant) outputs are set, and
// exactly one comment is posted. BPA's `secret-files` and `add-hosts` ride along on the same build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { type BundleRun, runBundle } from '../helpers/action-bundle.js';
import { type GitHubApi, startGitHubApi } from '../helpers/github-api.js';
import { MANIFEST_ACCEPT } from '../helpers/net.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');
/** The current builder's driver and BuildKit version, as `docker buildx inspect` prints them. */
const inspect = env.available ? spawnSync('docker', ['buildx', 'inspect'], { encoding: 'utf8' }).stdout : '';
const driver = /^Driver:\s*(\S+)/m.exec(inspect)?.[1];
const buildkit = /^\s*BuildKit(?: version)?:\s*v?(\d+)\.(\d+)/m.exec(inspect);
const buildkitExportsOnce = buildkit !== null && Number(buildkit[1]) === 0 && Number(buildkit[2]) < 13;
const RUN_ID = `${process.pid}-${Date.now()}`;
const FILE_SECRET = 'bpa-file-s3cret';
const FILE_SECRET_SHA = createHash('sha256').update(FILE_SECRET).digest('hex').slice(0, 16);
/** dist/index.js as the runner starts it, on a pull_request event of o/bpa-e2e#12. */
function runPullRequest(inputs: Record<string, string>, ws: string, apiUrl: string): Promise<BundleRun> {
  const event = {
    pull_request: {
      number: 12,
      head: { sha: 'b'.repeat(40), repo: { full_name: 'o/bpa-e2e', fork: false } },
      base: { ref: 'main' },
    },
    repository: { default_branch: 'main' },
  };
  return runBundle(ws, inputs, event, {
    GITHUB_SHA: 'c0ffee1234567890',
    GITHUB_REF: 'refs/pull/12/merge',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'o/bpa-e2e',
    GITHUB_API_URL: apiUrl,
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: 'feature',
    GITHUB_RUN_ID: '4343',
  });
}

interface Manifest {
  mediaType?: string;
  manifests?: { digest: string; platform?: { os: string; architecture: string } }[];
  config?: { digest: string };
  annotations?: Record<string, string>;
}

async function registryJson(registry: string, repo: string, what: string): Promise<unknown> {
  const res = await fetch(`http://${registry}/v2/${repo}/${what}`, { headers: { Accept: MANIFEST_ACCEPT } });
  expect(res.status, `${repo}/${what}`).toBe(200);
  return res.json();
}

/** The list under `tag`, and per platform image its config's labels and history. */
async function pushedImage(registry: string, repo: string, tag: string) {
  const index = (await registryJson(registry, repo, `manifests/${tag}`)) as Manifest;
  const platforms: Record<string, { labels: Record<string, string>; history: string }> = {};
  for (const d of index.manifests ?? []) {
    if (!d.platform || d.platform.os === 'unknown') continue;
    const m = (await registryJson(registry, repo, `manifests/${d.digest}`)) as Manifest;
    const config = (await registryJson(registry, repo, `blobs/${m.config!.digest}`)) as {
      config?: { Labels?: Record<string, string> };
      history?: { created_by?: string }[];
    };
    platforms[`${d.platform.os}/${d.platform.architecture}`] = {
      labels: config.config?.Labels ?? {},
      history: (config.history ?? []).map((h) => h.created_by ?? '').join('\n'),
    };
  }
  const head = await fetch(`http://${registry}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { Accept: MANIFEST_ACCEPT },
  });
  return { index, platforms, digest: head.headers.get('docker-content-digest') };
}

describe.skipIf(!env.available)('the bundled action with metadata-action inputs (two variants)', () => {
  const registry = env.images!.registry;
  const repo = `ml-image-it/bpa-bundle-${RUN_ID}`;
  let ws: string;
  let api: GitHubApi;

  beforeAll(async () => {
    api = await startGitHubApi();
    ws = mkdtempSync(path.join(tmpdir(), 'ml-image-bpa-bundle-'));
    // The user's Dockerfile: the secret file is mounted (its hash checked, the value never in a
    // layer), and the add-hosts entry is in /etc/hosts of RUN steps.
    writeFileSync(
      path.join(ws, 'Dockerfile'),
      [
        'ARG BASE_IMAGE',
        'FROM ${BASE_IMAGE}',
        `RUN --mount=type=secret,id=npmrc test "$(sha256sum < /run/secrets/npmrc | cut -c1-16)" = "${FILE_SECRET_SHA}"`,
        'RUN grep -q "10.11.12.13[[:space:]]*pypi.internal" /etc/hosts',
        'ARG GREETING',
        'RUN echo "$GREETING" > /greeting',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(ws, 'npmrc'), FILE_SECRET);
    const config = (variants: object[]) =>
      stringify({
        image: { name: `ml-image-it/bpa-bundle-config-${RUN_ID}`, registry },
        variants,
        platforms: ['linux/amd64'],
        build: {
          dockerfile: 'Dockerfile',
          mirrors: { 'docker.io/library/python': `${registry}/ml-image-test/python` },
        },
      });
    writeFileSync(
      path.join(ws, 'ml-image.yml'),
      config([
        { name: 'cpu', python: '3.11' },
        { name: 'slim', python: '3.11' },
      ]),
    );
    writeFileSync(path.join(ws, 'ml-image-one.yml'), config([{ name: 'cpu', python: '3.11' }]));
  });
  afterAll(async () => {
    await api?.close();
    if (ws) rmSync(ws, { recursive: true, force: true });
    await deleteRepository(`${registry}/${repo}`);
    // The docker driver keeps the pushed images in the engine: remove this test's.
    const ids = spawnSync('docker', ['image', 'ls', '-q', '--filter', `reference=${registry}/${repo}*`], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
    if (ids.length) spawnSync('docker', ['image', 'rm', '-f', ...new Set(ids)]);
  });

  // Exactly what docker/metadata-action@v5 prints for a pull request (type=ref,event=pr and a
  // semver tag) with its OCI labels and annotations (DOCKER_METADATA_ANNOTATIONS_LEVELS
  // manifest,index).
  const r = () => `${registry}/${repo}`;
  const metadataInputs = () => ({
    tags: `${r()}:pr-12\n${r()}:1.2.0`,
    labels: [
      'org.opencontainers.image.created=2026-11-30T03:00:00.000Z',
      'org.opencontainers.image.description=An ML image from metadata-action',
      'org.opencontainers.image.licenses=MIT',
      'org.opencontainers.image.revision=' + 'b'.repeat(40),
      'org.opencontainers.image.source=https://github.com/o/bpa-e2e',
      'org.opencontainers.image.title=bpa-e2e',
      'org.opencontainers.image.url=https://github.com/o/bpa-e2e',
      'org.opencontainers.image.version=pr-12',
    ].join('\n'),
    annotations: [
      'manifest:org.opencontainers.image.description=An ML image from metadata-action',
      'manifest:org.opencontainers.image.title=bpa-e2e',
      'index:org.opencontainers.image.description=An ML image from metadata-action',
      'index:org.opencontainers.image.title=bpa-e2e',
    ].join('\n'),
  });

  it('pushes the tags (per-variant rule) and labels, sets digests, posts one comment', async () => {
    const run = await runPullRequest(
      {
        config: 'ml-image.yml',
        // The report diffs the environment records the smoke stage captures.
        stages: 'plan,build,smoke,report',
        'smoke-suites': 'imports',
        'result-dir': 'results',
        baseline: 'none',
        'github-token': 'ghs_bpaBundleT0ken0123456789',
        ...metadataInputs(),
        'build-args': 'GREETING=hello from the bundle',
        'secret-files': 'npmrc=npmrc',
        'add-hosts': 'pypi.internal:10.11.12.13',
        provenance: 'false',
      },
      ws,
      api.url,
    );
    expect(run.code, run.stdout.slice(-6000)).toBe(0);
    // The file secret's value is registered with the runner (which consumes ::add-mask:: and never
    // shows it), and is in no other log line and no layer.
    expect(run.stdout).toMatch(new RegExp(`^::add-mask::${FILE_SECRET}$`, 'm'));
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(FILE_SECRET);

    // The per-variant tag rule: each tag gets -<variant>.
    const tags = JSON.parse(run.outputs.tags!) as Record<string, string[]>;
    expect(tags).toEqual({
      cpu: [`${r()}:pr-12-cpu`, `${r()}:1.2.0-cpu`],
      slim: [`${r()}:pr-12-slim`, `${r()}:1.2.0-slim`],
    });
    const listed = (await registryJson(registry, repo, 'tags/list')) as { tags: string[] };
    expect(listed.tags).toEqual(
      expect.arrayContaining(['pr-12-cpu', '1.2.0-cpu', 'pr-12-slim', '1.2.0-slim']),
    );
    // Nothing under the config's own image name.
    expect(
      (await fetch(`http://${registry}/v2/ml-image-it/bpa-bundle-config-${RUN_ID}/tags/list`)).status,
    ).toBe(404);

    // digests: one per variant, the digest each tag points at in the registry.
    const digests = JSON.parse(run.outputs.digests!) as Record<string, string>;
    expect(Object.keys(digests).sort()).toEqual(['cpu', 'slim']);
    for (const variant of ['cpu', 'slim']) {
      for (const tag of [`pr-12-${variant}`, `1.2.0-${variant}`]) {
        const img = await pushedImage(registry, repo, tag);
        expect(img.digest, tag).toBe(digests[variant]);
        expect(Object.keys(img.platforms)).toEqual(['linux/amd64']);
        const { labels, history } = img.platforms['linux/amd64']!;
        // metadata-action's labels replaced the computed ones of the same key; ours stay.
        expect(labels['org.opencontainers.image.title']).toBe('bpa-e2e');
        expect(labels['org.opencontainers.image.version']).toBe('pr-12');
        expect(labels['org.opencontainers.image.source']).toBe('https://github.com/o/bpa-e2e');
        expect(labels['org.opencontainers.image.description']).toBe('An ML image from metadata-action');
        expect(labels['io.github.ml-image-action.variant']).toBe(variant);
        expect(history).toContain('GREETING=hello from the bundle');
        expect(history).not.toContain(FILE_SECRET);
      }
    }
    // annotations: on the merged list where the builder can write OCI manifests; the docker driver
    // (dockerd's BuildKit) pushes Docker manifests without any, and the log says so.
    for (const variant of ['cpu', 'slim']) {
      const { index } = await pushedImage(registry, repo, `pr-12-${variant}`);
      if (driver === 'docker') {
        expect(index.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
        expect(run.stdout).toMatch(/annotations left out \(use a docker-container builder\)/);
      } else {
        expect(index.annotations?.['org.opencontainers.image.description']).toBe(
          'An ML image from metadata-action',
        );
        expect(index.annotations?.['org.opencontainers.image.title']).toBe('bpa-e2e');
      }
    }
    // Two variants: build-push-action's single-image outputs are not set (they would be ambiguous).
    expect(run.outputs.digest).toBeUndefined();
    expect(run.outputs.metadata).toBeUndefined();

    // One comment on the pull request, every request valid against GitHub's OpenAPI description.
    const comments = api.commentsOn('o', 'bpa-e2e', 12);
    expect(comments, run.stdout.slice(-4000)).toHaveLength(1);
    expect(comments[0]!.body).toContain('cpu');
    expect(comments[0]!.body).toContain('slim');
    expect(api.state.violations).toEqual([]);
    expect(run.summary.split('\n')[0]).toBe(comments[0]!.body.split('\n')[0]);
  }, 600_000);

  it('one variant: digest and metadata as build-push-action sets them', async () => {
    const run = await runPullRequest(
      {
        config: 'ml-image-one.yml',
        stages: 'plan,build',
        'result-dir': 'results-one',
        ...metadataInputs(),
        'secret-files': 'npmrc=npmrc',
        'add-hosts': 'pypi.internal=10.11.12.13',
        provenance: 'false',
      },
      ws,
      api.url,
    );
    expect(run.code, run.stdout.slice(-6000)).toBe(0);
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const metadata = JSON.parse(run.outputs.metadata!) as Record<string, unknown>;
    expect(metadata['containerimage.digest']).toBe(run.outputs.digest);
    // One variant: the tags as given.
    expect(metadata['image.name']).toBe(`${r()}:pr-12,${r()}:1.2.0`);
    const img = await pushedImage(registry, repo, 'pr-12');
    expect(img.digest).toBe(run.outputs.digest);
    expect(img.platforms['linux/amd64']!.labels['org.opencontainers.image.title']).toBe('bpa-e2e');
  }, 600_000);

  it('outputs: a local export per target next to the push, or refused where BuildKit exports once', async () => {
    const run = await runPullRequest(
      {
        config: 'ml-image-one.yml',
        stages: 'plan,build',
        'result-dir': 'results-out',
        ...metadataInputs(),
        'secret-files': 'npmrc=npmrc',
        'add-hosts': 'pypi.internal:10.11.12.13',
        outputs: 'type=local,dest=out/{variant}-{arch}',
        provenance: 'false',
      },
      ws,
      api.url,
    );
    if (buildkitExportsOnce) {
      // The environment (the builder's BuildKit): exit 3, as the CLI.
      expect(run.code).toBe(3);
      expect(run.stdout).toMatch(
        /^::error::.*outputs: .*exports once \(a second exporter needs BuildKit >= 0\.13\)/m,
      );
      expect(run.stdout).toContain('use a docker-container builder');
    } else {
      expect(run.code, run.stdout.slice(-6000)).toBe(0);
      expect(readFileSync(path.join(ws, 'out', 'cpu-amd64', 'greeting'), 'utf8')).toBe(
        'hello from the bundle\n',
      );
      // The export sits in the workspace, the build's context: kept out of the next build's.
      expect(run.stdout).toMatch(/note: .*\bout\/cpu-amd64\b.* kept out of the build context/);
    }
  }, 600_000);

  it('a secret file that does not exist fails the step naming it, before any build', async () => {
    const run = await runPullRequest(
      {
        config: 'ml-image-one.yml',
        stages: 'plan,build',
        ...metadataInputs(),
        'secret-files': 'npmrc=nope/.npmrc',
      },
      ws,
      api.url,
    );
    // The step fails (core.setFailed) with the InputError's message and, as the CLI, exit 2.
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error::.*input "secret-files": npmrc=nope/\\.npmrc: secret file ${ws}/nope/\\.npmrc not found`,
        'm',
      ),
    );
    expect(run.stdout).not.toContain('::group::build cpu');
  });
});
