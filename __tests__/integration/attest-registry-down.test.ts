// The registry goes away while attaching (issue #12): a real build pushes through a pass-through
// proxy to the test bed's registry and is smoke-tested, then the proxy stops listening, and the attest stage (the real
// cosign, the test bed's key) finds nothing there. Exit 3 naming the registry, with the fix; the
// image itself stays pushed and is reported; attest.json says what was written and that nothing
// was attached; no container of the run is left.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import { type DockerAdapter, RUN_LABEL } from '../../src/docker/adapter.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { captureIo } from '../helpers/fakes.js';
import { type RegistryProxy, startRegistryProxy } from '../helpers/registry-proxy.js';
import { MANIFEST_ACCEPT } from '../helpers/net.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available || !env.cosign)(
  'the registry goes away while attaching (real build, real cosign)',
  () => {
    const images = env.images!;
    let docker: DockerAdapter;
    let proxy: RegistryProxy;
    let dir: string;

    beforeAll(async () => {
      docker = createDefaultDockerAdapter();
      proxy = await startRegistryProxy(images.registry);
      dir = mkdtempSync(path.join(tmpdir(), 'ml-image-attest-down-'));
    });
    const name = `ml-image-it/attest-down-${Date.now().toString(36)}`;
    afterAll(async () => {
      await proxy?.close();
      rmSync(dir, { recursive: true, force: true });
      // Pushed through the proxy: the repository is in the registry behind it.
      await deleteRepository(`${images.registry}/${name}`);
    });

    it('exit 3 naming the registry; the image stays pushed and reported; attest.json says what was done', async () => {
      writeFileSync(
        path.join(dir, 'Dockerfile'),
        `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN echo built > /built\n`,
      );
      const file = path.join(dir, 'ml-image.yml');
      writeFileSync(
        file,
        stringify({
          image: { name, registry: `localhost:${proxy.port}` },
          variants: [{ name: 'cpu', base: images.pythonAmd64 }],
          platforms: ['linux/amd64'],
          build: { context: '.', dockerfile: 'Dockerfile', network: 'host', cache: 'none' },
          resolve: { mode: 'off' },
          smoke: { suites: ['pip-check'] },
          attest: { types: ['provenance'], sign: 'key' },
        }),
      );
      const out = path.join(dir, 'out');
      const cosign = env.cosign!;
      const runEnv = {
        ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'),
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/root',
        COSIGN_KEY: readFileSync(cosign.key, 'utf8'),
        COSIGN_PASSWORD: readFileSync(cosign.passwordFile, 'utf8').trim(),
      };

      const built = captureIo(dir, docker, runEnv);
      expect(
        await runCli(['run', '--config', file, '--stages', 'plan,resolve,build,smoke', '--out', out], built),
        built.err(),
      ).toBe(0);
      const build = JSON.parse(readFileSync(path.join(out, 'build.json'), 'utf8'));
      const digest: string = build.variants[0].platforms[0].digest;
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);

      await proxy.close();
      const io = captureIo(dir, docker, runEnv);
      const code = await runCli(
        ['run', '--config', file, '--stages', 'attest,report', '--baseline', 'none', '--out', out],
        io,
      );
      const err = io.err();
      expect(code, err).toBe(3);
      expect(err).toContain(`localhost:${proxy.port}`);
      expect(err).not.toContain('internal error');
      expect(err).not.toContain(runEnv.COSIGN_PASSWORD);

      // What was done is on record: the provenance was written, nothing was attached or signed.
      const attest = JSON.parse(readFileSync(path.join(out, 'attest.json'), 'utf8'));
      expect(attest.error).toContain(`localhost:${proxy.port}`);
      expect(attest.targets).toHaveLength(1);
      expect(attest.targets[0]).toMatchObject({ platform: 'linux/amd64', signed: false });
      expect(
        attest.targets[0].attestations.map((a: { kind: string; attached: boolean }) => [a.kind, a.attached]),
      ).toEqual([['provenance', false]]);
      // The image is still pushed (read back from the registry itself) and reported.
      const manifest = await fetch(
        `http://${images.registry.replace(/^localhost/, '127.0.0.1')}/v2/${name}/manifests/${digest}`,
        {
          method: 'HEAD',
          headers: { Accept: MANIFEST_ACCEPT },
        },
      );
      expect(manifest.status).toBe(200);
      const report = readFileSync(path.join(out, 'report-cpu.md'), 'utf8');
      expect(report).toContain(name);
      // ...and printed before the run fails, as after a size-budget breach.
      expect(io.out()).toContain(`ml-image report: localhost:${proxy.port}/${name}`);
      // ...with the supply chain saying that attaching stopped, and why.
      expect(report).toMatch(/stopped: attest .*is unreachable/);
      // Nothing left running.
      expect(await docker.listManagedContainers({ [RUN_LABEL]: RUN_ID })).toEqual([]);
    });
  },
);
