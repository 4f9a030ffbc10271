// Build a small test image from Dockerfile text for linux/amd64 with the real buildx, then push it
// to the local registry or load it into the engine; the build must succeed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { DockerAdapter } from '../../src/docker/adapter.js';

export async function buildTestImage(
  docker: DockerAdapter,
  parentDir: string,
  dockerfile: string,
  tag: string,
  output: '--push' | '--load',
): Promise<void> {
  const ctx = mkdtempSync(path.join(parentDir, 'image-'));
  writeFileSync(path.join(ctx, 'Dockerfile'), dockerfile);
  const r = await docker.buildx([
    'build',
    '--platform',
    'linux/amd64',
    '--provenance=false',
    '-t',
    tag,
    output,
    ctx,
  ]);
  expect(r.exitCode, r.stderr).toBe(0);
}
