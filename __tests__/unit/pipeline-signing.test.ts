// runPipeline checks the signing setup before anything is built: a setup that cannot work
// (attest.sign: key without a key, keyless without an OIDC token, a key file that is not there) is
// bad input (exit 2) before the plan, the build, the push and the smoke tests, not after them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ExitCode, InputError } from '../../src/errors.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { openResultDir } from '../../src/results/results.js';
import { fixture } from '../helpers/cosign-keys.js';
import { fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-pipeline-signing-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG = 'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n';

function options(stages: readonly ('resolve' | 'build' | 'smoke' | 'attest')[]) {
  const loaded = loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') });
  return {
    loaded,
    stages: new Set(stages),
    results: openResultDir(path.join(dir, 'out')),
    push: true,
    merge: true,
    gpus: 'none' as const,
    imagesDir: dir,
    git: {},
    cacheDir: path.join(dir, 'cache'),
    report: {
      mode: 'off' as const,
      baseline: null,
      baseBranch: 'main',
      saveAs: { branch: 'main', sha: 'x' },
    },
  };
}

describe('runPipeline: the signing setup, before anything is built', () => {
  it('a wrong COSIGN_PASSWORD: exit 2 before the build pushes anything (the key is decrypted first)', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    const progress: string[] = [];
    const err = await runPipeline(options(['build', 'attest']), {
      // The build would push unsigned images: it must not start.
      docker: () => fakeDocker(),
      env: { COSIGN_KEY: fixture('fixture.key'), COSIGN_PASSWORD: 'not-the-password' },
      progress: (stage, line) => progress.push(`${stage} ${line}`),
      error: () => undefined,
      warning: () => undefined,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/COSIGN_PASSWORD|password|decrypt/i);
    expect(progress.filter((l) => l.startsWith('build '))).toEqual([]);
  });

  it('a wrong COSIGN_PASSWORD: exit 2 before the resolve stage (pip could take minutes before it was said)', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), `${CONFIG}python:\n  requirements: [requirements.txt]\n`);
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\n');
    const progress: string[] = [];
    const err = await runPipeline(options(['resolve', 'build', 'attest']), {
      // The resolve stage would ask the engine first: it must not start.
      docker: () => fakeDocker(),
      env: { COSIGN_KEY: fixture('fixture.key'), COSIGN_PASSWORD: 'not-the-password' },
      progress: (stage, line) => progress.push(`${stage} ${line}`),
      error: () => undefined,
      warning: () => undefined,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(ExitCode.BadInput);
    expect((err as Error).message).toMatch(/COSIGN_PASSWORD|password|decrypt/i);
    expect(progress.filter((l) => !l.startsWith('plan '))).toEqual([]);
  });

  it.each([
    ['attest.sign: key without any key', 'attest: {sign: key}', {}, /key/],
    ['keyless without an OIDC token', 'attest: {sign: keyless}', {}, /OIDC/],
    ['a key file that is not there', 'attest: {sign: key, key: nope.key}', {}, /nope\.key/],
  ])('%s: exit 2, and no stage ran', async (_n, attest, env, message) => {
    writeFileSync(path.join(dir, 'ml-image.yml'), `${CONFIG}${attest}\n`);
    const loaded = loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') });
    const progress: string[] = [];
    const run = runPipeline(
      {
        loaded,
        stages: new Set(['build', 'smoke', 'attest'] as const),
        results: openResultDir(path.join(dir, 'out')),
        push: true,
        merge: true,
        gpus: 'none',
        imagesDir: dir,
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null, baseBranch: 'main', saveAs: { branch: 'main', sha: 'x' } },
      },
      {
        // Any call to the engine would reject: nothing may be built first.
        docker: () => fakeDocker(),
        env,
        progress: (stage, line) => progress.push(`${stage} ${line}`),
        error: () => undefined,
        warning: () => undefined,
      },
    );
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(ExitCode.BadInput);
    expect((err as Error).message).toMatch(message);
    expect(progress).toEqual([]);
  });

  it('COSIGN_KEY that holds no encrypted key (base64 of one): exit 2 naming COSIGN_KEY before any stage', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), CONFIG);
    const progress: string[] = [];
    const err = await runPipeline(options(['build', 'attest']), {
      docker: () => fakeDocker(),
      env: { COSIGN_KEY: Buffer.from(fixture('fixture.key')).toString('base64'), COSIGN_PASSWORD: 'x' },
      progress: (stage, line) => progress.push(`${stage} ${line}`),
      error: () => undefined,
      warning: () => undefined,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^COSIGN_KEY does not hold an encrypted cosign private key/);
    expect(progress).toEqual([]);
  });

  it('a run that pushes nothing (--load, a fork): the signing setup is not asked for', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), `${CONFIG}attest: {sign: key}\n`);
    const progress: string[] = [];
    const err = await runPipeline(
      { ...options(['build', 'attest']), push: false },
      {
        docker: () => fakeDocker(),
        // The commit time from here, not from git (unit tests start no process).
        env: { SOURCE_DATE_EPOCH: '0' },
        progress: (stage, line) => progress.push(`${stage} ${line}`),
        error: () => undefined,
        warning: () => undefined,
      },
    ).catch((e: unknown) => e);
    // Whatever the fake engine then refuses, it is not the missing key: the plan ran.
    expect(String(err)).not.toMatch(/attest\.sign: key|there is no key/);
    expect(progress.some((l) => l.startsWith('plan '))).toBe(true);
  });
});
