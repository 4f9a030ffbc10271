// An `outputs` export into the build context (type=local,dest=out/{variant}-{arch}) stays out of the
// next target's image. The ignore file is written once per variant, before its first target exports,
// so the dest does not exist yet when it is written; the workspace is named through a link, as a
// runner whose work directory is a symlink names it. The REAL BuildKit reads the ignore file: a
// `COPY . /ctx` from scratch, exported to a local directory outside the context, shows what the
// second target's build would copy into its image.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dockerfileKeepingOut } from '../../src/build/context-ignore.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { contextKeepOut } from '../../src/pipeline/keep-out.js';

const env = inject('dockerEnv');

/** Every file under DIR, relative to it, "/" separated, sorted. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe.skipIf(!env.available)("an outputs dest in the context stays out of the next target's image", () => {
  const docker = createDefaultDockerAdapter();
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-outputs-keep-out-'));
    const real = path.join(dir, 'real-ws');
    mkdirSync(path.join(real, 'app'), { recursive: true });
    writeFileSync(path.join(real, 'app', 'main.py'), 'print("hi")\n');
    writeFileSync(path.join(real, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx\n');
    symlinkSync(real, path.join(dir, 'ws'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the amd64 export, made after the ignore file, is not copied by the arm64 build', async () => {
    const ws = path.join(dir, 'ws');
    const keepOut = contextKeepOut({
      imagesDir: path.join(dir, 'tool', 'images'),
      cacheDir: path.join(dir, 'cache'),
      loaded: { file: undefined, baseDir: ws, config: { attest: {} } },
      buildOptions: { outputs: ['type=local,dest=out/{variant}-{arch}'] },
      variants: [{ name: 'cpu', platforms: ['linux/amd64', 'linux/arm64'] }],
      credentialEnv: { env: {}, exists: () => false, cwd: ws },
    });
    const { dockerfile, keptOut } = dockerfileKeepingOut(
      path.join(ws, 'Dockerfile'),
      ws,
      keepOut,
      path.join(dir, 'work'),
      'cpu',
    );
    expect(keptOut).toEqual(['out/cpu-amd64', 'out/cpu-arm64']);
    // The first target's export lands in the workspace after the ignore file was written.
    mkdirSync(path.join(ws, 'out', 'cpu-amd64', 'ctx', 'app'), { recursive: true });
    writeFileSync(path.join(ws, 'out', 'cpu-amd64', 'ctx', 'app', 'main.py'), 'print("hi")\n');
    const out = path.join(dir, 'export');
    const r = await docker.buildx([
      'build',
      '--platform',
      'linux/amd64',
      '--provenance=false',
      '--output',
      `type=local,dest=${out}`,
      '--file',
      dockerfile,
      ws,
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(files(path.join(out, 'ctx'))).toEqual(['Dockerfile', 'app/main.py']);
  }, 300_000);
});
