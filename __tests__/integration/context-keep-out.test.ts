// What the run reads as secrets never rides into the image with the build context: a REAL
// `ml-image build` of a copy of the bundled example (context ".", the config beside it) whose config
// writes an index login in python.indexUrl and names a signing key file beside it (attest.key).
// The templates' `COPY . /app` copies the context; the config and the key are kept out of it, so
// neither the files nor the planted values are anywhere in the pushed image, and the app is. The
// context is a git checkout whose config holds a token in its remote's URL and the one
// actions/checkout persists (an extraheader), a submodule's too: the template's build keeps the
// whole .git out. The job's environment names two more credential files in the context, as
// google-github-actions/auth (its gha-creds-*.json) and a workflow caching HF_HOME in the workspace
// (the Hugging Face token) leave them: they are kept out too.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const gitToken = `plantedGitTok${randomBytes(6).toString('hex')}`;
  const gcpKey = `plantedGcpKey${randomBytes(6).toString('hex')}`;
  const hfToken = `hf_planted${randomBytes(12).toString('hex')}`;
  const gcpFile = `gha-creds-${randomBytes(8).toString('hex')}.json`;
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
    const app = path.join(dir, 'hello-ml');
    writeFileSync(
      path.join(app, gcpFile),
      JSON.stringify({ type: 'service_account', private_key: `-----BEGIN PRIVATE KEY-----\n${gcpKey}\n` }),
    );
    mkdirSync(path.join(app, '.cache', 'huggingface', 'hub'), { recursive: true });
    writeFileSync(path.join(app, '.cache', 'huggingface', 'token'), hfToken);
    writeFileSync(path.join(app, '.cache', 'huggingface', 'hub', 'version.txt'), '1');
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-C', app, ...args], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    };
    git('init', '-q');
    git('remote', 'add', 'origin', `https://x-access-token:${gitToken}@github.com/o/r.git`);
    git('config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${gitToken}`);
    mkdirSync(path.join(app, '.git', 'modules', 'sub'), { recursive: true });
    writeFileSync(path.join(app, '.git', 'modules', 'sub', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(
      path.join(app, '.git', 'modules', 'sub', 'config'),
      `[http]\n\textraheader = ${gitToken}\n`,
    );
  });
  afterAll(async () => {
    if (ref) spawnSync('docker', ['rmi', '-f', ref]);
    rmSync(dir, { recursive: true, force: true });
    // Pushed to the example's registry (test-env) under this run's name.
    await deleteRepository(`localhost:5000/${name}`);
  });

  it('the image has the app, not the config nor the key, and neither planted value', async () => {
    const app = path.join(dir, 'hello-ml');
    const io = captureIo(dir, docker, {
      ML_IMAGE_CACHE_DIR: `${dir}/.ml-image-cache`,
      GOOGLE_APPLICATION_CREDENTIALS: path.join(app, gcpFile),
      GOOGLE_GHA_CREDS_PATH: path.join(app, gcpFile),
      HF_HOME: path.join(app, '.cache', 'huggingface'),
    });
    const out = path.join(dir, 'out');
    const code = await runCli(
      ['build', '--config', 'hello-ml/ml-image.yml', '--platforms', 'linux/amd64', '--out', out],
      io,
    );
    expect(code, io.err()).toBe(0);
    expect(io.err()).toContain(
      `note: ml-image.yml, keys.pem, ${gcpFile}, .cache/huggingface/token, .git kept out of the build context`,
    );
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
    expect(files).not.toContain('.git');
    expect(files).not.toContain(gcpFile);
    // The model cache beside the token is the app's to copy; only the token stays out.
    const hf = spawnSync(
      'docker',
      ['run', '--rm', '--entrypoint', 'ls', ref, '-a', '/app/.cache/huggingface'],
      {
        encoding: 'utf8',
      },
    );
    expect(hf.stdout.split('\n').filter(Boolean).sort()).toEqual(['.', '..', 'hub']);
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
        `grep -rlsF -e ${password} -e plantedKey -e ${gitToken} -e ${gcpKey} -e ${hfToken} / --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev; echo done`,
      ],
      { encoding: 'utf8' },
    );
    expect(grep.stdout.trim()).toBe('done');
    const inspect = spawnSync('docker', ['history', '--no-trunc', ref], { encoding: 'utf8' }).stdout;
    expect(inspect).not.toContain(password);
  }, 600_000);
});
