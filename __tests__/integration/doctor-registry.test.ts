// `ml-image doctor --registry HOST/REPOSITORY` against the test bed's real registry (distribution,
// no auth): the credential docker would use is named, an upload is started and cancelled, and the
// repository has no tag afterwards (nothing was written).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { captureIo } from '../helpers/fakes.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)('ml-image doctor --registry (real registry)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-doctor-it-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('can push: an upload started and cancelled, no tag left', async () => {
    const registry = env.images!.registry;
    const name = `ml-image-it/doctor-${Date.now().toString(36)}`;
    const io = captureIo(dir, createDefaultDockerAdapter(), {
      DOCKER_CONFIG: path.join(dir, 'none'),
      HOME: dir,
    });
    const code = await runCli(['doctor', '--registry', `${registry}/${name}`, '--json'], io);
    expect(code, io.out() + io.err()).toBe(0);
    const checks = (JSON.parse(io.out()) as { checks: { name: string; ok: boolean; detail: string }[] })
      .checks;
    expect(checks.find((c) => c.name === 'credential')?.detail).toBe(
      'none (no Docker config.json): pulls and pushes are anonymous',
    );
    expect(checks.find((c) => c.name === 'push')).toEqual({
      name: 'push',
      ok: true,
      detail: `can push to ${registry}/${name} (an upload was started and cancelled; nothing written)`,
    });
    const tags = await fetch(`http://${registry.replace(/^localhost/, '127.0.0.1')}/v2/${name}/tags/list`);
    if (tags.status === 200)
      expect(((await tags.json()) as { tags?: string[] | null }).tags ?? []).toEqual([]);
    else expect(tags.status).toBe(404);
  });
});
