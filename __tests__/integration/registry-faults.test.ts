// A registry that fails every push (503 to each upload, as an overloaded or read-only registry
// answers): the build retries a bounded number of times, then stops with exit 3 and the fix, and
// nothing lands under any tag. A real build and a real registry behind a small fault-injecting
// proxy on 127.0.0.1: reads pass through to the test bed's registry, writes get 503.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { MAX_ATTEMPTS, RETRY_BUDGET_MS } from '../../src/build/retry.js';
import { runCli } from '../../src/cli/main.js';
import { type DockerAdapter, RUN_LABEL } from '../../src/docker/adapter.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { captureIo } from '../helpers/fakes.js';
import { type RegistryProxy, startRegistryProxy } from '../helpers/registry-proxy.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)('a registry that refuses every push (real build)', () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let proxy: RegistryProxy;
  let dir: string;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    proxy = await startRegistryProxy(images.registry, { failWrites: true });
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-registry-faults-'));
  });
  afterAll(async () => {
    await proxy?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries, then exit 3 with the retry bound stated, and no tag exists afterwards', async () => {
    const registry = `localhost:${proxy.port}`;
    const name = `ml-image-it/faults-${Date.now().toString(36)}`;
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN echo "${name}" > /built-by-faults-test\n`,
    );
    const file = path.join(dir, 'ml-image.yml');
    writeFileSync(
      file,
      stringify({
        image: { name, registry },
        variants: [{ name: 'cpu', base: images.busyboxAmd64 }],
        platforms: ['linux/amd64'],
        build: { context: '.', dockerfile: 'Dockerfile', network: 'host', cache: 'none' },
        resolve: { mode: 'off' },
      }),
    );
    const io = captureIo(dir, docker);
    const code = await runCli(['build', '--config', file], io);
    const err = io.err();

    expect(code, err).toBe(3);
    expect(err).toMatch(/build cpu\/amd64 failed after [\d.]+s and \d attempts/);
    expect(err).toContain('503');
    expect(err).toContain(`retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s`);
    expect(err).not.toContain('internal error');
    expect(proxy.writes).toBeGreaterThan(0);
    // Nothing half-tagged: the repository has no tag at all in the real registry.
    const tags = await fetch(
      `http://${images.registry.replace(/^localhost/, '127.0.0.1')}/v2/${name}/tags/list`,
    );
    if (tags.status === 200)
      expect(((await tags.json()) as { tags?: string[] | null }).tags ?? []).toEqual([]);
    else expect(tags.status).toBe(404);
    // No container of this process is left behind.
    expect(await docker.listManagedContainers({ [RUN_LABEL]: RUN_ID })).toEqual([]);
  });
});
