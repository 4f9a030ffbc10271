// A buildx builder that does not exist (the builder input, BUILDX_BUILDER) is an environment
// problem (exit 3) naming the builder, with the fix, and it ends a run before the resolve stage,
// whose work no build would use. buildx and the engine are fakes: no process is started.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { createBuildxCli } from '../../src/docker/buildx.js';
import { exitCodeOf, type MlImageError } from '../../src/errors.js';
import { fakeDocker } from '../helpers/fakes.js';
import { runLocalPipeline } from '../helpers/local-pipeline.js';

/** `docker buildx inspect` answering STDERR with exit 1 (every other command: unexpected). */
const buildxSaying = (stderr: string): CommandRunner => ({
  run: async (_cmd, args) => {
    if (args[0] === 'buildx' && args[1] === 'inspect') return { exitCode: 1, stdout: '', stderr };
    throw new Error(`unexpected: ${args.join(' ')}`);
  },
});

const inspectError = (stderr: string, name?: string) =>
  createBuildxCli(buildxSaying(stderr))
    .buildxInspect(name)
    .then(
      () => undefined,
      (e: unknown) => e as MlImageError,
    );

describe('docker buildx inspect of a builder that does not exist', () => {
  it.each<[string, string | undefined, string, string]>([
    ['BUILDX_BUILDER=nosuch', undefined, 'BUILDX_BUILDER names it', 'unset BUILDX_BUILDER'],
    ['the builder input', 'nosuch', 'the builder input names it', 'drop the builder input'],
  ])('named by %s: exit 3 naming it, with the fix', async (_what, name, from, drop) => {
    const e = await inspectError('ERROR: no builder "nosuch" found\n', name);
    expect(exitCodeOf(e)).toBe(3);
    expect(e?.message).toContain('there is no buildx builder "nosuch"');
    expect(e?.message).toContain(from);
    expect(e?.fix).toContain('docker buildx create --name nosuch');
    expect(e?.fix).toContain('docker/setup-buildx-action');
    expect(e?.fix).toContain(drop);
  });

  it.each([
    ['any other failure stays exit 1', 'ERROR: something else went wrong', 1],
    [
      'the daemon out of reach stays its own exit 3',
      'ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock',
      3,
    ],
  ])('%s', async (_what, stderr, code) => {
    const e = await inspectError(stderr);
    expect(exitCodeOf(e)).toBe(code);
    expect(e?.message).not.toContain('there is no buildx builder');
  });
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-no-builder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a run with resolve and build on a builder that does not exist', () => {
  it('ends with exit 3 before the resolve stage starts a container', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'tqdm\n');
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image:\n  name: o/m\nvariants: [cpu]\nplatforms: [linux/amd64]\npython:\n  requirements: [requirements.txt]\n',
    );
    const missing = await inspectError('ERROR: no builder "nosuch" found');
    let sessions = 0;
    const docker = fakeDocker({
      buildxVersion: async () => '0.21.2',
      buildxInspect: async () => Promise.reject(missing),
      imageDigest: async () => `sha256:${'d'.repeat(64)}`,
      inspectLocalImage: async () => undefined,
      startSession: async () => {
        sessions += 1;
        throw new Error('the resolve stage started');
      },
    });
    const err = await runLocalPipeline(dir, ['resolve', 'build'], docker).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBe(missing);
    expect(exitCodeOf(err)).toBe(3);
    expect(sessions).toBe(0);
  });
});
