// capture and smoke of a merged index digest (REPOSITORY@sha256:<manifest list>) on the real engine.
// dockerd 20.10 keeps one local image per digest reference: with the index digest pulled for amd64,
// `capture --platform linux/arm64` of it was refused ("Cannot overwrite digest", exit 2), and with
// it pulled for arm64, a capture without --platform ran the arm64 image under QEMU on this amd64
// engine. Both now run the platform's own manifest by digest, and the record names that.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { runCli } from '../../src/cli/main.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import type { SmokeResult } from '../../src/smoke/result.js';
import { copyImage } from '../helpers/copy-image.js';
import { captureIo } from '../helpers/fakes.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');
const run = promisify(execFile);

describe.skipIf(!env.available)('capture and smoke of a merged index digest', () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let dir: string;
  const repos: string[] = [];
  const refs: string[] = [];

  beforeAll(() => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-index-it-'));
  });
  afterAll(async () => {
    for (const ref of refs) await docker.removeImage(ref).catch(() => undefined);
    for (const repo of repos) await deleteRepository(repo);
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * A fresh repository holding a copy of the test bed's python list (amd64 + arm64), the engine
   * holding its index digest for HELD (as `docker pull --platform HELD REF` leaves it).
   */
  async function mergedHeldAs(held: string) {
    const repo = `${images.registry}/ml-image-it/index-digest-${Date.now().toString(36)}-${held.split('/')[1]}`;
    repos.push(repo);
    const ref = `${repo}@${await copyImage(docker, `${repo}:1`, images.python)}`;
    const index = await docker.imagetoolsInspect(ref);
    const own = (arch: string) => `${repo}@${index.platforms.find((p) => p.architecture === arch)!.digest}`;
    refs.push(ref, own('amd64'), own('arm64'));
    await run('docker', ['pull', '-q', '--platform', held, ref]);
    const local = await docker.inspectLocalImage(ref);
    expect(`${local?.os}/${local?.architecture}`).toBe(held);
    return { ref, amd64: own('amd64'), arm64: own('arm64') };
  }

  async function cli(command: 'capture' | 'smoke', args: string[]) {
    const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const io = captureIo(dir, docker);
    const code = await runCli([command, ...args, '--out', out], io);
    const read = <T>(file: string) => JSON.parse(readFileSync(path.join(out, file), 'utf8')) as T;
    return {
      code,
      stderr: io.err(),
      record: () => read<EnvRecord>('env.json'),
      smoke: () => read<SmokeResult>('smoke.json'),
    };
  }

  it('the amd64 image held under the index digest: --platform linux/arm64 captures and smoke-tests the arm64 manifest', async () => {
    const m = await mergedHeldAs('linux/amd64');
    const c = await cli('capture', ['--image', m.ref, '--platform', 'linux/arm64', '--no-torch']);
    expect(c.code, c.stderr).toBe(0);
    const rec = c.record();
    expect(rec.image.platform).toBe('linux/arm64');
    expect(rec.os.machine).toBe('aarch64');
    // The record names the image it is of: the platform's own manifest, by its digest.
    expect(rec.image.ref).toBe(m.arm64);
    expect(rec.image.digest).toBe(m.arm64.split('@')[1]);
    expect(c.stderr).toContain(
      `${m.ref} is a multi-platform index: capturing its linux/arm64 image ${m.arm64}`,
    );

    const s = await cli('smoke', ['--image', m.ref, '--platform', 'linux/arm64', '--suites', 'pip-check']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.smoke()).toMatchObject({ image: m.arm64, platform: 'linux/arm64' });
  });

  it("the arm64 image held under the index digest: without --platform, the engine's own (linux/amd64)", async () => {
    const m = await mergedHeldAs('linux/arm64');
    const host = (await docker.ping()).arch;
    expect(host, 'this test needs an amd64 engine').toMatch(/^(amd64|x86_64)$/);
    const c = await cli('capture', ['--image', m.ref, '--no-torch']);
    expect(c.code, c.stderr).toBe(0);
    const rec = c.record();
    expect(rec.image.platform).toBe('linux/amd64');
    expect(rec.os.machine).toBe('x86_64');
    expect(rec.image.ref).toBe(m.amd64);

    const s = await cli('smoke', ['--image', m.ref, '--suites', 'pip-check']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.smoke()).toMatchObject({ image: m.amd64, platform: 'linux/amd64' });
  });
});
