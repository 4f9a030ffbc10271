// The engine of the current Docker context, on real engines: a PRIVATE dockerd (its own socket and
// data-root, no network changes) behind a context made with the real `docker context create` in a
// config dir of the test's own (DOCKER_CONFIG), beside the shared daemon every other test uses.
// Before, dockerode read DOCKER_HOST only: with `docker context use` (rootless Docker, colima,
// Docker Desktop on Linux, docker/setup-docker-action) buildx built on the context's engine while
// the containers ran on the default socket's, and a context whose engine was down passed doctor's
// daemon check.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { isCi } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';
import { createPrivateDockerd, type PrivateDockerd } from '../helpers/private-dockerd.js';

const env = inject('dockerEnv');
// A private daemon needs root: a local non-root run skips; in CI it runs and fails with the reason.
const runnable = env.available && (process.getuid?.() === 0 || isCi());
/** An image only the private daemon holds. */
const ONLY_THERE = `ml-image-it/context-only:${process.pid}`;
const ENGINE_VARS = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG'] as const;

type Check = { name: string; ok: boolean; detail: string; fix?: string };

describe.skipIf(!runnable)('the current Docker context (private daemon, real docker context)', () => {
  let daemon: PrivateDockerd | undefined;
  let dir: string;
  let config: string;
  const saved = Object.fromEntries(ENGINE_VARS.map((k) => [k, process.env[k]]));

  /** process.env's engine variables for one test (createDefaultDockerAdapter reads process.env). */
  function engineVars(vars: Partial<Record<(typeof ENGINE_VARS)[number], string>>): Record<string, string> {
    for (const k of ENGINE_VARS) {
      if (vars[k] === undefined) delete process.env[k];
      else process.env[k] = vars[k];
    }
    return { ...vars, HOME: dir, ML_IMAGE_CACHE_DIR: path.join(dir, 'cache') } as Record<string, string>;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-context-it-'));
    config = path.join(dir, 'docker-config');
    daemon = createPrivateDockerd();
    await daemon.start();
    // busybox, copied from the shared daemon (the private one cannot reach the registry), under a
    // tag only the private daemon has.
    execFileSync(
      'bash',
      [
        '-c',
        'docker pull -q "$1" >/dev/null && docker save "$1" | docker -H "unix://$2" load -q >/dev/null && docker -H "unix://$2" tag "$1" "$3"',
        'load',
        env.images!.busyboxAmd64,
        daemon.socketPath,
        ONLY_THERE,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
    const docker = (args: string[]) =>
      execFileSync('docker', ['--config', config, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    docker(['context', 'create', 'it-private', '--docker', `host=unix://${daemon.socketPath}`]);
    docker(['context', 'create', 'it-down', '--docker', `host=unix://${path.join(dir, 'no-engine.sock')}`]);
    docker(['context', 'use', 'it-private']);
  }, 180_000);

  afterEach(() => {
    for (const k of ENGINE_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  afterAll(async () => {
    try {
      const d = daemon;
      if (d) console.info(`[docker-context] cleanup: ${(await d.destroy()).join('; ') || 'nothing left'}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("`docker context use`: the image only the context's engine holds is found, and a container runs there", async () => {
    engineVars({ DOCKER_CONFIG: config });
    // The shared daemon (the default socket) does not hold it.
    expect(() =>
      execFileSync('docker', ['-H', 'unix:///var/run/docker.sock', 'image', 'inspect', ONLY_THERE], {
        stdio: 'pipe',
      }),
    ).toThrow();
    const docker = createDefaultDockerAdapter();
    expect((await docker.inspectLocalImage(ONLY_THERE))?.id).toMatch(/^sha256:/);
    const run = await docker.runContainer({
      image: ONLY_THERE,
      cmd: ['echo', 'on the context engine'],
      timeoutMs: 60_000,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('on the context engine');
    // Removed from the engine it ran on.
    expect(daemon!.cli(['ps', '-aq', '--filter', `id=${run.containerId}`]).trim()).toBe('');
  });

  it('DOCKER_HOST wins over the context, as for the docker CLI', async () => {
    engineVars({ DOCKER_CONFIG: config, DOCKER_HOST: 'unix:///var/run/docker.sock' });
    expect(await createDefaultDockerAdapter().inspectLocalImage(ONLY_THERE)).toBeUndefined();
  });

  it("doctor names the context it checked, with the context's engine", async () => {
    const vars = engineVars({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'it-private' });
    const io = captureIo(dir, createDefaultDockerAdapter(), vars);
    await runCli(['doctor', '--json'], io);
    const daemonCheck = (JSON.parse(io.out()) as { checks: Check[] }).checks.find((c) => c.name === 'daemon');
    expect(daemonCheck, io.err()).toMatchObject({ ok: true });
    expect(daemonCheck!.detail).toMatch(
      new RegExp(
        `^Docker Engine \\S+ .*; the Docker context "it-private" \\(DOCKER_CONTEXT\\): unix://${daemon!.socketPath}$`,
      ),
    );
  });

  it.each([
    [
      'a context whose engine is down',
      'it-down',
      /^cannot reach the Docker daemon at unix:\/\/.*no-engine\.sock, the Docker context "it-down" \(DOCKER_CONTEXT\) \(ENOENT\)$/,
      /^start the engine of the Docker context "it-down"/,
    ],
    [
      'a context that does not exist',
      'it-nosuch',
      /^the Docker context "it-nosuch" \(DOCKER_CONTEXT\) does not exist: no .*meta\.json$/,
      /"docker context ls" lists the contexts/,
    ],
  ])("%s: doctor's daemon check fails naming it, exit 3", async (_what, context, detail, fix) => {
    const vars = engineVars({ DOCKER_CONFIG: config, DOCKER_CONTEXT: context });
    const io = captureIo(dir, createDefaultDockerAdapter(), vars);
    expect(await runCli(['doctor', '--json'], io), io.out() + io.err()).toBe(3);
    const daemonCheck = (JSON.parse(io.out()) as { checks: Check[] }).checks.find((c) => c.name === 'daemon');
    expect(daemonCheck?.ok).toBe(false);
    expect(daemonCheck!.detail).toMatch(detail);
    expect(daemonCheck!.fix).toMatch(fix);
  });
});
