// The resolver's base on the containerd image store, for real (the test bed's second engine: Debian
// 13's dockerd 26, API 1.45). There one image under a tag serves every platform (a list's index)
// and its inspect names the host's platform whatever it holds; the build takes it for every
// platform (build/base-digest.ts), and so must the resolver (resolve/base.ts): `ml-image resolve
// --platform linux/arm64` of the test bed's python list under a tag this engine alone holds (no
// registry knows it) runs the local index by its ID (the engine runs it for arm64 under QEMU) and
// keys its snapshot by that ID, the index digest the build records. Before, it asked the registry
// for the tag (exit 2), and the engine's pull of an image ID asked Docker Hub. The CLI runs in
// process with DOCKER_HOST stubbed for it; the tag is removed after (the image stays: the test
// bed's).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import type { Resolution } from '../../src/resolve/result.js';
import { readContainerdEngine } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';
import { cannotRun } from '../helpers/tools.js';
import { startWheelIndex, type WheelIndex } from '../helpers/wheel-index.js';

const env = inject('dockerEnv');

/** `docker -H HOST ...`, never the environment's engine. */
const engineCli = (host: string, args: readonly string[]) =>
  spawnSync('docker', ['-H', host, ...args], { encoding: 'utf8', timeout: 120_000 });

/** The second engine's socket, or undefined (skipped, or failed in CI) when it is not there. */
function engineOrSkip(): string | undefined {
  if (!env.available) return undefined; // global-setup said why, once
  const engine = readContainerdEngine();
  const reason =
    'missing' in engine
      ? engine.missing
      : /io\.containerd\.snapshotter\.v1/.test(
            engineCli(engine.host, ['info', '--format', '{{json .DriverStatus}}']).stdout,
          )
        ? undefined
        : `the engine on ${engine.host} does not answer, or is not on the containerd image store`;
  if (reason === undefined) return (engine as { host: string }).host;
  cannotRun(
    'the containerd-store resolve test (containerd-resolve.test.ts)',
    reason,
    'run "sudo scripts/test-env.sh"',
  );
  return undefined;
}

const host = engineOrSkip();

describe.skipIf(host === undefined)(
  'resolve on the containerd image store: a local list serves linux/arm64',
  () => {
    const tag = `localhost:5000/ml-image-test-local/resolve-list:${process.pid}`;
    let index: WheelIndex;
    let dir: string;
    let id: string;

    beforeAll(async () => {
      const tagged = engineCli(host!, ['tag', env.images!.python, tag]);
      expect(tagged.status, tagged.stderr).toBe(0);
      id = engineCli(host!, ['image', 'inspect', '--format', '{{.Id}}', tag]).stdout.trim();
      vi.stubEnv('DOCKER_HOST', host!);
      index = await startWheelIndex([{ name: 'foo', version: '1.0.0' }]);
      dir = mkdtempSync(path.join(tmpdir(), 'ml-image-containerd-resolve-'));
    });
    afterAll(async () => {
      vi.unstubAllEnvs();
      engineCli(host!, ['rmi', tag]);
      await index?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('runs the local index by its ID for arm64 and keys the snapshot by it', async () => {
      expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
      const req = path.join(dir, 'requirements.txt');
      writeFileSync(req, 'foo\n');
      const out = path.join(dir, 'out');
      const cache = path.join(dir, 'cache');
      const io = captureIo(dir, createDefaultDockerAdapter(), {
        ML_IMAGE_CACHE_DIR: cache,
        DOCKER_HOST: host!,
      });
      const argv = ['resolve', '--image', tag, '--platform', 'linux/arm64', '--requirements', req];
      const code = await runCli([...argv, '--index-url', index.url, '--out', out], io);
      expect(code, io.err()).toBe(0);
      const res = JSON.parse(readFileSync(path.join(out, 'resolution.json'), 'utf8')) as Resolution;
      expect(res).toMatchObject({ status: 'clean', platform: 'linux/arm64' });
      expect(res.resolved?.install).toEqual([{ name: 'foo', version: '1.0.0' }]);
      expect(readdirSync(path.join(cache, 'snapshots'))).toEqual([
        `${id.replace(':', '-')}-linux-arm64.json`,
      ]);
    });
  },
);
