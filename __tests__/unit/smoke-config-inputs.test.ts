// What the smoke suites take from the config (requirement names, floors) is read with the caller's
// environment, not the process's: on a runner (GITHUB_ACTIONS, GITHUB_WORKSPACE in that
// environment) a requirements file outside the workspace is refused, as the build refuses it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';
import { configSmokeInputs } from '../../src/smoke/config-inputs.js';

describe('configSmokeInputs reads with the environment it is given', () => {
  let root: string;
  let ws: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-inputs-'));
    ws = path.join(root, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(root, 'outside.txt'), 'numpy==1.26.4\n');
    writeFileSync(path.join(ws, 'inside.txt'), 'Scikit_Learn>=1.4\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const loaded = (requirements: string[]) => {
    writeFileSync(
      path.join(ws, 'ml-image.yml'),
      JSON.stringify({ image: { name: 'o/m' }, python: { requirements } }),
    );
    return loadConfig({ cwd: ws, file: 'ml-image.yml' });
  };

  it.each<[string, boolean, string[], string[]]>([
    ['no runner: any file', false, ['../outside.txt'], ['numpy']],
    ['a runner: a file in the workspace', true, ['inside.txt'], ['scikit-learn']],
  ])('%s', (_what, runner, requirements, names) => {
    const env = runner ? { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ws } : {};
    expect(configSmokeInputs(loaded(requirements), env).distributions).toEqual(names);
  });

  it('a runner: a file outside the workspace is exit 2 naming it', () => {
    let e: unknown;
    try {
      configSmokeInputs(loaded(['../outside.txt']), { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ws });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(/outside\.txt is outside the workspace/);
  });
});

describe('configSmokeInputs: the imports suite names only what pip installed on the target', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-markers-'));
    writeFileSync(
      path.join(dir, 'requirements.txt'),
      'numpy\npywin32==306; sys_platform == "win32"\ntriton==3.0.0 ; platform_machine == "x86_64"\ntomli; python_version < "3.11"\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const inputs = (platforms: string[], target?: { platform?: string; python?: string }) => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      JSON.stringify({ image: { name: 'o/m' }, platforms, python: { requirements: ['requirements.txt'] } }),
    );
    return configSmokeInputs(loadConfig({ cwd: dir, file: 'ml-image.yml' }), {}, target);
  };

  it.each<[string, string[], { platform?: string; python?: string } | undefined, string[]]>([
    [
      'both platforms: machine not known',
      ['linux/amd64', 'linux/arm64'],
      undefined,
      ['numpy', 'triton', 'tomli'],
    ],
    ['only linux/arm64', ['linux/arm64'], undefined, ['numpy', 'tomli']],
    ['only linux/amd64', ['linux/amd64'], undefined, ['numpy', 'triton', 'tomli']],
    [
      'a target: linux/arm64, Python 3.12',
      ['linux/amd64', 'linux/arm64'],
      { platform: 'linux/arm64', python: '3.12' },
      ['numpy'],
    ],
  ])('%s', (_what, platforms, target, names) => {
    expect(inputs(platforms, target).distributions).toEqual(names);
  });

  it.each<[string, string | undefined, string[]]>([
    ['linux/amd64', '3.10', ['numpy', 'triton', 'tomli']],
    ['linux/arm64', '3.12', ['numpy']],
    ['linux/amd64', undefined, ['numpy', 'triton', 'tomli']],
  ])('distributionsFor(%s, %s)', (platform, python, names) => {
    expect(inputs(['linux/amd64', 'linux/arm64']).distributionsFor(platform, python)).toEqual(names);
  });
});

// The values the smoke output masks whatever their names (runSmoke's imageEnvMask): build.secrets'
// values and the configured indexes' credentials, as the build's output masks them.
describe("configSmokeInputs: the run's own secret values", () => {
  let ws: string;
  beforeEach(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-secrets-'));
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('build.secrets values in the environment, and index logins and tokens', () => {
    writeFileSync(
      path.join(ws, 'ml-image.yml'),
      JSON.stringify({
        image: { name: 'o/m' },
        python: {
          indexUrl: 'https://conda:idx-pass-1@pypi.corp/simple',
          extraIndexUrls: ['https://extra.corp/simple?token=tok-abcdef'],
        },
        build: { secrets: ['HF_TOKEN', 'UNSET_ONE'] },
      }),
    );
    const loaded = loadConfig({ cwd: ws, file: 'ml-image.yml' });
    const { secretValues } = configSmokeInputs(loaded, { HF_TOKEN: 'hf-value-123' });
    expect(secretValues).toEqual(expect.arrayContaining(['hf-value-123', 'idx-pass-1', 'tok-abcdef']));
    expect(secretValues).not.toContain('pypi.corp');
    // A plain user name before a password is no secret: it masked /opt/conda and /home/user.
    expect(secretValues).not.toContain('conda');
    expect(configSmokeInputs(undefined, {}).secretValues).toEqual([]);
  });
});
