// A registry that fails every push (503 to each upload, as an overloaded or read-only registry
// answers): the build retries a bounded number of times, then stops with exit 3 and the fix, and
// nothing lands under any tag. A real build and a real registry behind a small fault-injecting
// proxy on 127.0.0.1: reads pass through to the test bed's registry, writes get 503.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { MAX_ATTEMPTS, RETRY_BUDGET_MS } from '../../src/build/retry.js';
import { runCli } from '../../src/cli/main.js';
import { type DockerAdapter, RUN_ID, RUN_LABEL } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { captureIo } from '../helpers/fakes.js';

const env = inject('dockerEnv');

interface FaultProxy {
  port: number;
  writes: number;
  close: () => Promise<void>;
}

/** GET/HEAD go through to the real registry; every POST/PUT/PATCH/DELETE is answered 503. */
async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const [host, port] = upstream.replace(/^localhost/, '127.0.0.1').split(':');
  const state = { writes: 0 };
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      state.writes++;
      req.resume();
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end('{"errors":[{"code":"UNAVAILABLE","message":"service unavailable"}]}');
      return;
    }
    const up = http.request(
      { host, port: Number(port), path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get writes() {
      return state.writes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(!env.available)('a registry that refuses every push (real build)', () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let proxy: FaultProxy;
  let dir: string;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    proxy = await startFaultProxy(images.registry);
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
