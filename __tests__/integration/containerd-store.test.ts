// The attested-index path for real: on an engine with the containerd image store (the second engine
// scripts/test-env.sh starts: Debian 13's dockerd 26, containerd 1.7), buildx's docker driver
// pushes each platform as an OCI index (the image and an unknown/unknown attestation manifest with
// the default provenance) and containerimage.digest names that index. `ml-image run` of a tiny
// two-platform build (arm64 under QEMU) pushes to the test bed's registry and attests with its key;
// build.json's platform digest must be the image inside the pushed index and indexDigest the
// index, the merged list must list both platform images and keep their attestation manifests,
// `ml-image verify` of the list must pass, and so must the real `cosign verify-attestation --type
// cyclonedx` of each platform digest. The base is the test bed's python list under a tag this engine
// alone holds (no registry knows it): the docker driver builds both platforms from that local list,
// and build.json, the labels and the provenance must record its index digest, the digest the
// classic path records for the same list taken from the registry. The CLI (dist/, built from this
// tree: `npm run build` first) runs as a child process with DOCKER_HOST set
// for it alone (and its own HOME, buildx state and cache dir): `docker` means the main dockerd for
// every other test. The engine is the test's own: it removes its images and build cache there.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { REPO_ROOT, readContainerdEngine } from '../helpers/docker-env.js';
import { MANIFEST_ACCEPT } from '../helpers/net.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';
import { cannotRun } from '../helpers/tools.js';

const env = inject('dockerEnv');
const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');
const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const ARCHES = ['amd64', 'arm64'] as const;

/** `docker -H HOST ...`, never the environment's engine. */
function engineCli(host: string, args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync('docker', ['-H', host, ...args], { encoding: 'utf8', timeout: 120_000 });
}

/** The engine's driver status and ID, or why it cannot be used (nothing answers, another store). */
function probeEngine(host: string): { id: string } | { reason: string } {
  const r = engineCli(host, ['info', '--format', '{{json .}}']);
  if (r.status !== 0)
    return {
      reason: `no engine answers on ${host} (${(r.stderr || r.error?.message || '').trim().split('\n')[0]})`,
    };
  const info = JSON.parse(r.stdout) as { ID: string; DriverStatus?: [string, string][] | null };
  const store = (info.DriverStatus ?? []).map(([, v]) => v).join(' ');
  if (!store.includes('io.containerd.snapshotter.v1'))
    return {
      reason: `the engine on ${host} is not on the containerd image store (driver status: ${store || 'none'})`,
    };
  return { id: info.ID };
}

/** Skip (one line) or, in CI, fail when the second engine is not there; only asked when the test bed is. */
function engineOrSkip(): { host: string; id: string } | undefined {
  if (!env.available || !env.cosign) return undefined; // global-setup said why, once
  const engine = readContainerdEngine();
  const probe = 'host' in engine ? probeEngine(engine.host) : { reason: engine.missing };
  if ('reason' in probe) {
    cannotRun(
      'the containerd-store test (containerd-store.test.ts)',
      probe.reason,
      'run "sudo scripts/test-env.sh": it starts the second engine',
    );
    return undefined;
  }
  return { host: (engine as { host: string }).host, id: probe.id };
}

const engine = engineOrSkip();

interface Descriptor {
  mediaType: string;
  digest: string;
  platform?: { os: string; architecture: string };
  annotations?: Record<string, string>;
}
interface Index {
  mediaType: string;
  manifests: Descriptor[];
}
interface Manifest {
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
}
interface BuildPlatform {
  platform: string;
  digest: string;
  indexDigest?: string;
  pushed?: boolean;
  metadata?: Record<string, unknown>;
}
interface BuildJson {
  variants: {
    repository: string;
    digest: string;
    tags: string[];
    platforms: BuildPlatform[];
    baseImage: string;
    baseDigest?: string;
  }[];
}

describe.skipIf(engine === undefined)(
  'the containerd image store: attested per-platform indexes, for real',
  () => {
    const images = env.images!;
    const cosign = env.cosign!;
    const { host } = engine ?? { host: '' };
    const name = `ml-image-it/containerd-store-${Date.now().toString(36)}`;
    const repository = `${images.registry}/${name}`;
    const registryHost = `http://${images.registry.replace(/^localhost(?=:|$)/, '127.0.0.1')}/v2`;
    const registryUrl = `${registryHost}/${name}`;
    // The python list, tagged in this engine alone: a multi-platform base no registry can resolve.
    const localBase = `ml-image-it/containerd-local-base:${Date.now().toString(36)}`;
    let dir: string;
    let run: SpawnSyncReturns<string>;
    let build: BuildJson;
    let started = 0;

    /** The CLI's environment: the second engine, and nothing of this process's engine or state. */
    const cliEnv = () => ({
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: path.join(dir, 'home'),
      DOCKER_HOST: host,
      BUILDX_CONFIG: path.join(dir, 'buildx'),
      ML_IMAGE_CACHE_DIR: path.join(dir, 'cache'),
    });

    /** build.json of the run, which must have passed (its output is the failure message). */
    const built = (): BuildJson => {
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      return build;
    };

    async function get<T>(ref: string): Promise<{ mediaType: string; body: T; digest: string | null }> {
      const url = `${registryUrl}/manifests/${ref}`;
      const res = await fetch(url, {
        headers: { Accept: MANIFEST_ACCEPT },
        signal: AbortSignal.timeout(10_000),
      });
      expect(res.status, url).toBe(200);
      return {
        mediaType: res.headers.get('content-type') ?? '',
        digest: res.headers.get('docker-content-digest'),
        body: (await res.json()) as T,
      };
    }

    beforeAll(() => {
      started = performance.now();
      dir = mkdtempSync(path.join(tmpdir(), 'ml-image-containerd-store-'));
      mkdirSync(path.join(dir, 'home'));
      const tagged = engineCli(host, ['tag', images.python, localBase]);
      expect(tagged.status, tagged.stderr).toBe(0);
      writeFileSync(
        path.join(dir, 'Dockerfile'),
        'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo built > /built\n',
      );
      writeFileSync(
        path.join(dir, 'ml-image.yml'),
        stringify({
          image: { name, registry: images.registry },
          // The list scripts/test-env.sh pulled into the engine for both platforms, tagged here only.
          variants: [{ name: 'cpu', base: localBase }],
          platforms: ARCHES.map((a) => `linux/${a}`),
          // Provenance as the product sets it by default (min): the attestation manifests come from it.
          build: { context: '.', dockerfile: 'Dockerfile', cache: 'none' },
          resolve: { mode: 'off' },
          smoke: { suites: ['imports'] },
          attest: { sign: 'key' },
        }),
      );
      run = spawnSync(
        process.execPath,
        [CLI, 'run', '--config', 'ml-image.yml', '--baseline', 'none', '--quiet', '--out', 'out'],
        {
          cwd: dir,
          encoding: 'utf8',
          timeout: 240_000,
          env: {
            ...cliEnv(),
            COSIGN_KEY: readFileSync(cosign.key, 'utf8'),
            COSIGN_PASSWORD: readFileSync(cosign.passwordFile, 'utf8').trim(),
          },
        },
      );
      if (run.status === 0)
        build = JSON.parse(readFileSync(path.join(dir, 'out', 'build.json'), 'utf8')) as BuildJson;
    }, 300_000);

    afterAll(async () => {
      if (!engine) return;
      // What the run left in the engine: its images (tags and digest references of the repository)
      // and the build cache of its builds. The base image stays for the next run.
      const listed = engineCli(host, ['images', '--no-trunc', '--format', '{{.ID}} {{.Repository}}']);
      const ids = [
        ...new Set(
          listed.stdout
            .split('\n')
            .map((l) => l.split(' '))
            .filter(([, repo]) => repo === repository)
            .map(([id]) => id!),
        ),
      ];
      if (ids.length > 0) engineCli(host, ['rmi', '-f', ...ids]);
      engineCli(host, ['rmi', localBase]); // the tag only: the list stays under its own
      engineCli(host, ['builder', 'prune', '-af']);
      await deleteRepository(repository);
      if (dir) rmSync(dir, { recursive: true, force: true });
      console.log(`[containerd-store] wall time ${((performance.now() - started) / 1000).toFixed(1)}s`);
    });

    it('runs on its own engine: the containerd store, not the one `docker` means for the other tests', () => {
      const main = spawnSync('docker', ['info', '--format', '{{.ID}}'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(main.status, main.stderr).toBe(0);
      expect(main.stdout.trim()).not.toBe(engine!.id);
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      for (const a of ARCHES) {
        expect(run.stderr).toMatch(new RegExp(`build cpu/${a}: done in [\\d.]+s \\(sha256:[0-9a-f]{12}\\)`));
        expect(run.stderr).toMatch(
          new RegExp(`attest +cpu linux/${a}: signed and attached sbom, provenance, smoke in [\\d.]+s$`, 'm'),
        );
      }
      expect(run.stderr).toMatch(/merge cpu: 2 platform\(s\) -> /);
      // Nothing of the run is left running in the engine (capture and smoke containers removed).
      expect(engineCli(host, ['ps', '-aq']).stdout.trim()).toBe('');
    });

    it('the base: a local list no registry knows is recorded by its index digest (build.json, labels, provenance)', async () => {
      const variant = built().variants[0]!;
      // The list's digest in the registry it came from: what a build from the registry's list records.
      const res = await fetch(
        `${registryHost}/${images.python.slice(images.registry.length + 1).replace(':', '/manifests/')}`,
        {
          method: 'HEAD',
          headers: { Accept: MANIFEST_ACCEPT },
          signal: AbortSignal.timeout(10_000),
        },
      );
      expect(res.status).toBe(200);
      const list = res.headers.get('docker-content-digest');
      expect(list).toMatch(/^sha256:[0-9a-f]{64}$/);
      // The engine holds it under the local tag as that list (its ID, on this store).
      expect(engineCli(host, ['image', 'inspect', '--format', '{{.Id}}', localBase]).stdout.trim()).toBe(
        list,
      );
      expect(run.stderr).toContain(`could not resolve the digest of ${localBase}`);
      expect(variant.baseImage).toBe(localBase);
      expect(variant.baseDigest).toBe(list);
      for (const [i, p] of variant.platforms.entries()) {
        const manifest = await get<Manifest>(p.digest);
        const config = (await (
          await fetch(`${registryUrl}/blobs/${manifest.body.config.digest}`)
        ).json()) as {
          config: { Labels: Record<string, string> };
        };
        expect(config.config.Labels).toMatchObject({
          'org.opencontainers.image.base.name': localBase,
          'org.opencontainers.image.base.digest': list,
          'io.github.ml-image-action.base-digest': list,
        });
        const provenance = JSON.parse(
          readFileSync(path.join(dir, 'out', 'attest', `cpu-${ARCHES[i]}.provenance.json`), 'utf8'),
        ) as { buildDefinition: { resolvedDependencies: { name?: string; digest?: { sha256: string } }[] } };
        expect(provenance.buildDefinition.resolvedDependencies).toContainEqual(
          expect.objectContaining({ name: localBase, digest: { sha256: list!.slice('sha256:'.length) } }),
        );
      }
    });

    it("build.json: each platform's digest is the image inside the index it pushed, indexDigest that index", async () => {
      const build = built();
      expect(build.variants).toHaveLength(1);
      const variant = build.variants[0]!;
      expect(variant.repository).toBe(repository);
      expect(variant.platforms.map((p) => p.platform)).toEqual(ARCHES.map((a) => `linux/${a}`));
      for (const [i, p] of variant.platforms.entries()) {
        const arch = ARCHES[i]!;
        expect(p.pushed).toBe(true);
        expect(p.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(p.indexDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(p.indexDigest).not.toBe(p.digest);
        // What the exporter said it pushed: the index.
        expect(p.metadata?.['containerimage.descriptor']).toMatchObject({
          mediaType: INDEX,
          digest: p.indexDigest,
        });
        expect(p.metadata?.['containerimage.digest']).toBe(p.indexDigest);

        // The registry's own answer: the index holds the image and its attestation manifest.
        const index = await get<Index>(p.indexDigest!);
        expect(index.mediaType).toBe(INDEX);
        expect(index.digest).toBe(p.indexDigest);
        expect(index.body.manifests).toHaveLength(2);
        const [image, att] = index.body.manifests;
        expect(image).toMatchObject({
          mediaType: MANIFEST,
          digest: p.digest,
          platform: { os: 'linux', architecture: arch },
        });
        expect(att).toMatchObject({
          mediaType: MANIFEST,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: {
            'vnd.docker.reference.type': 'attestation-manifest',
            'vnd.docker.reference.digest': p.digest,
          },
        });

        // The platform digest is an image manifest of that architecture (its config says so).
        const manifest = await get<Manifest>(p.digest);
        expect(manifest.mediaType).toBe(MANIFEST);
        const config = await fetch(`${registryUrl}/blobs/${manifest.body.config.digest}`);
        expect(config.status).toBe(200);
        expect(await config.json()).toMatchObject({ os: 'linux', architecture: arch });
        // The attestation manifest carries the default (min) SLSA provenance as an in-toto layer.
        const attestation = await get<Manifest>(att!.digest);
        expect(
          attestation.body.layers.map((l) => [l.mediaType, l.annotations?.['in-toto.io/predicate-type']]),
        ).toContainEqual([
          'application/vnd.in-toto+json',
          expect.stringMatching(/^https:\/\/slsa\.dev\/provenance\//),
        ]);
      }
    });

    it('the merged list names both platform images and keeps their attestation manifests', async () => {
      const variant = built().variants[0]!;
      const list = await get<Index>(variant.digest);
      expect(list.mediaType).toBe(INDEX);
      expect(list.digest).toBe(variant.digest);
      // Its tag names it.
      const tag = variant.tags[0]!;
      expect(tag.startsWith(`${repository}:`)).toBe(true);
      expect((await get<Index>(tag.slice(repository.length + 1))).digest).toBe(variant.digest);

      const images = list.body.manifests.filter((m) => m.platform?.os !== 'unknown');
      expect(images.map((m) => [m.digest, m.platform?.os, m.platform?.architecture])).toEqual(
        variant.platforms.map((p, i) => [p.digest, 'linux', ARCHES[i]]),
      );
      const attestations = list.body.manifests.filter((m) => m.platform?.os === 'unknown');
      expect(attestations).toHaveLength(2);
      for (const p of variant.platforms) {
        // The very attestation manifest of the platform's own index, still pointing at its image.
        const own = (await get<Index>(p.indexDigest!)).body.manifests[1]!;
        const kept = attestations.find((m) => m.annotations?.['vnd.docker.reference.digest'] === p.digest);
        expect(kept, `attestation manifest of ${p.platform}`).toMatchObject({
          digest: own.digest,
          mediaType: MANIFEST,
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        });
      }
      expect(list.body.manifests).toHaveLength(4);
    });

    it('ml-image verify LIST@DIGEST --key passes: signature, SBOM, provenance and smoke of each platform', () => {
      const variant = built().variants[0]!;
      const verify = spawnSync(
        process.execPath,
        [
          CLI,
          'verify',
          `${repository}@${variant.digest}`,
          '--key',
          cosign.pub,
          '--require',
          'sbom,provenance,smoke',
        ],
        { cwd: dir, encoding: 'utf8', timeout: 120_000, env: cliEnv() },
      );
      expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
      for (const a of ARCHES)
        for (const check of ['signature', 'sbom attestation', 'provenance attestation', 'smoke attestation'])
          expect(verify.stdout).toMatch(new RegExp(`^ok +linux/${a} +${check}: `, 'm'));
      // The attestation manifests are BuildKit's, not images to check.
      expect(verify.stdout).not.toMatch(/unknown\/unknown|FAIL/);
    });

    it('the real cosign verify-attestation --type cyclonedx passes on each platform digest, about that digest', () => {
      for (const p of built().variants[0]!.platforms) {
        const ref = `${repository}@${p.digest}`;
        const r = spawnSync(
          'cosign',
          [
            'verify-attestation',
            '--key',
            cosign.pub,
            '--insecure-ignore-tlog=true',
            '--type',
            'cyclonedx',
            '--allow-insecure-registry',
            '--allow-http-registry',
            ref,
          ],
          { encoding: 'utf8', timeout: 120_000, env: cliEnv() },
        );
        expect(r.status, `${ref}\n${r.stdout}\n${r.stderr}`).toBe(0);
        const statements = r.stdout
          .split('\n')
          .filter(Boolean)
          .map((l) =>
            JSON.parse(
              Buffer.from((JSON.parse(l) as { payload: string }).payload, 'base64').toString('utf8'),
            ),
          );
        expect(statements).toHaveLength(1);
        expect(statements[0]).toMatchObject({
          predicateType: 'https://cyclonedx.org/bom',
          subject: [{ digest: { sha256: p.digest.slice('sha256:'.length) } }],
        });
      }
    });
  },
);
