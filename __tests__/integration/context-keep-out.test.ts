// What the run reads as secrets never rides into the image with the build context: a REAL
// `ml-image build` of a copy of the bundled example (context ".", the config beside it) whose config
// writes an index login in python.indexUrl and names a signing key file beside it (attest.key).
// The templates' `COPY . /app` copies the context; the config and the key are kept out of it, so
// neither the files nor the planted values are anywhere in the pushed image, and the app is.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { runCli } from '../../src/cli/main.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)('the build context keeps the config and the key files out', () => {
  let dir: string;
  const docker = createDefaultDockerAdapter();
  const name = `ml-image-it/keep-out-${Date.now().toString(36)}`;
  const password = `plantedPw${randomBytes(6).toString('hex')}`;
  const keyText = `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nplantedKey${randomBytes(6).toString('hex')}\n`;
  let ref = '';

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-keep-out-'));
    cpSync(path.join(REPO_ROOT, 'examples', 'hello-ml'), path.join(dir, 'hello-ml'), { recursive: true });
    const config = path.join(dir, 'hello-ml', 'ml-image.yml');
    writeFileSync(path.join(dir, 'hello-ml', 'keys.pem'), keyText);
    writeFileSync(
      config,
      `${readFileSync(config, 'utf8')
        .replace(/name: ml-image-examples\/hello-ml/, `name: ${name}`)
        .replace('http://127.0.0.1:5001/simple', `http://ci-reader:${password}@127.0.0.1:5001/simple`)}` +
        'attest: {sign: off, key: keys.pem}\n',
    );
  });
  afterAll(async () => {
    if (ref) spawnSync('docker', ['rmi', '-f', ref]);
    rmSync(dir, { recursive: true, force: true });
    // Pushed to the example's registry (test-env) under this run's name.
    await deleteRepository(`localhost:5000/${name}`);
  });

  it('the image has the app, not the config nor the key, and neither planted value', async () => {
    const io = captureIo(dir, docker);
    const out = path.join(dir, 'out');
    const code = await runCli(
      ['build', '--config', 'hello-ml/ml-image.yml', '--platforms', 'linux/amd64', '--out', out],
      io,
    );
    expect(code, io.err()).toBe(0);
    expect(io.err()).toMatch(/note: ml-image\.yml, keys\.pem kept out of the build context/);
    const build = JSON.parse(readFileSync(path.join(out, 'build.json'), 'utf8')) as BuildResult;
    ref = `${build.variants[0]!.repository}@${build.variants[0]!.platforms[0]!.digest}`;
    const listing = spawnSync('docker', ['run', '--rm', '--entrypoint', 'ls', ref, '-a', '/app'], {
      encoding: 'utf8',
    });
    expect(listing.status, listing.stderr).toBe(0);
    const files = listing.stdout.split('\n');
    expect(files).toContain('hello_ml');
    expect(files).toContain('requirements.txt');
    expect(files).not.toContain('ml-image.yml');
    expect(files).not.toContain('keys.pem');
    // Nowhere in the image's files, nor its history and config.
    const grep = spawnSync(
      'docker',
      [
        'run',
        '--rm',
        '--entrypoint',
        'sh',
        ref,
        '-c',
        `grep -rlsF -e ${password} -e plantedKey / --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev; echo done`,
      ],
      { encoding: 'utf8' },
    );
    expect(grep.stdout.trim()).toBe('done');
    const inspect = spawnSync('docker', ['history', '--no-trunc', ref], { encoding: 'utf8' }).stdout;
    expect(inspect).not.toContain(password);
  }, 600_000);
});
