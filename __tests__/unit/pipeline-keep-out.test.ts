// What the build keeps out of its context (src/pipeline/keep-out.ts): the run's records, the
// tool's own checkout, the cache directory, and the files read that may hold a secret. Pure.
import { describe, expect, it } from 'vitest';
import { contextKeepOut, credentialFilesNamed, type KeepOutInput } from '../../src/pipeline/keep-out.js';

const base = (over: Partial<KeepOutInput> = {}, key?: string): KeepOutInput => ({
  imagesDir: '/w/.ml-image-action/images',
  cacheDir: '/home/r/.cache/ml-image',
  loaded: { file: '/w/app/ml-image.yml', baseDir: '/w/app', config: { attest: { ...(key && { key }) } } },
  ...over,
});

describe('contextKeepOut', () => {
  it.each<[string, KeepOutInput, string[]]>([
    [
      "the tool's checkout and the config, with no result directory",
      base(),
      ['/w/.ml-image-action', '/home/r/.cache/ml-image', '/w/app/ml-image.yml'],
    ],
    [
      'the result directory first',
      base({ resultDir: '/w/app/ml-image-results' }),
      ['/w/app/ml-image-results', '/w/.ml-image-action', '/home/r/.cache/ml-image', '/w/app/ml-image.yml'],
    ],
    [
      'a cache directory in the workspace (actions/cache keeps .cache/ml-image there)',
      base({ cacheDir: '/w/app/.cache/ml-image' }),
      ['/w/.ml-image-action', '/w/app/.cache/ml-image', '/w/app/ml-image.yml'],
    ],
    [
      'a key file, relative to the config',
      base({}, 'keys/cosign.key'),
      ['/w/.ml-image-action', '/home/r/.cache/ml-image', '/w/app/ml-image.yml', '/w/app/keys/cosign.key'],
    ],
    [
      'a KMS key reference is no file',
      base({}, 'awskms:///alias/ml'),
      ['/w/.ml-image-action', '/home/r/.cache/ml-image', '/w/app/ml-image.yml'],
    ],
    [
      'a PKCS#11 key reference is no file',
      base({}, 'pkcs11:token=x'),
      ['/w/.ml-image-action', '/home/r/.cache/ml-image', '/w/app/ml-image.yml'],
    ],
    [
      "the action's secret-files",
      base({ buildOptions: { secretFiles: { npmrc: '/w/app/.npmrc', netrc: '/home/r/.netrc' } } }),
      [
        '/w/.ml-image-action',
        '/home/r/.cache/ml-image',
        '/w/app/ml-image.yml',
        '/w/app/.npmrc',
        '/home/r/.netrc',
      ],
    ],
    [
      "the ssh input's paths, default=PATH too (BuildKit reads a path that is no socket as a key whatever its ID)",
      base({
        buildOptions: {
          ssh: ['default', 'default=/w/app/deploy_key', 'github=/w/app/gh_key', 'gitlab=/home/r/.ssh/id'],
        },
      }),
      [
        '/w/.ml-image-action',
        '/home/r/.cache/ml-image',
        '/w/app/ml-image.yml',
        '/w/app/deploy_key',
        '/w/app/gh_key',
        '/home/r/.ssh/id',
      ],
    ],
    [
      "every target's outputs dest, placeholders replaced, read against the step's directory",
      base({
        buildOptions: { outputs: ['type=local,dest=out/{variant}-{arch}', 'type=tar,dest=/tmp/img.tar'] },
        variants: [
          { name: 'cpu', platforms: ['linux/amd64', 'linux/arm64'] },
          { name: 'cuda', platforms: ['linux/amd64'] },
        ],
        credentialEnv: { env: {}, exists: () => false, cwd: '/w/app' },
      }),
      [
        '/w/.ml-image-action',
        '/home/r/.cache/ml-image',
        '/w/app/ml-image.yml',
        '/w/app/out/cpu-amd64',
        '/w/app/out/cpu-arm64',
        '/w/app/out/cuda-amd64',
        '/tmp/img.tar',
      ],
    ],
    [
      'an outputs dest without placeholders, once',
      base({
        buildOptions: { outputs: ['type=oci,"dest=export dir/image.tar"'] },
        variants: [{ name: 'cpu', platforms: ['linux/amd64'] }],
        credentialEnv: { env: {}, exists: () => false, cwd: '/w' },
      }),
      ['/w/.ml-image-action', '/home/r/.cache/ml-image', '/w/app/ml-image.yml', '/w/export dir/image.tar'],
    ],
    [
      'a config from overrides only (no file)',
      {
        imagesDir: '/t/images',
        cacheDir: '/w/.cache/ml-image',
        loaded: { file: undefined, baseDir: '/w', config: { attest: {} } },
      },
      ['/t', '/w/.cache/ml-image'],
    ],
  ])('%s', (_, input, paths) => {
    expect(contextKeepOut(input)).toEqual(paths);
  });
});

describe("credentialFilesNamed: the credential files the job's environment names", () => {
  const present = new Set([
    '/w/gha-creds-1a2b.json',
    '/w/kube/a.yaml',
    '/w/.cache/huggingface/token',
    '/w/.cache/huggingface/stored_tokens',
    '/w/xdg/huggingface/token',
    '/w/hf/my-token',
    '/w/.docker',
    '/w/.aws/credentials',
    '/w/a/b.json',
    '/w/.tmp',
    '/w/kaggle',
    '/home/r/hf/token',
    '/hf/my-token',
  ]);
  const exists = (p: string) => present.has(p);

  it.each<[string, Record<string, string>, string[]]>([
    ['none set', {}, []],
    [
      "google-github-actions/auth's three variables naming its file: once",
      {
        GOOGLE_APPLICATION_CREDENTIALS: '/w/gha-creds-1a2b.json',
        GOOGLE_GHA_CREDS_PATH: '/w/gha-creds-1a2b.json',
        CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: '/w/gha-creds-1a2b.json',
      },
      ['/w/gha-creds-1a2b.json'],
    ],
    [
      'KUBECONFIG: each absolute file of its list that exists',
      { KUBECONFIG: '/w/kube/a.yaml:kube/rel.yaml:/w/kube/missing.yaml' },
      ['/w/kube/a.yaml'],
    ],
    [
      'HF_HOME in the workspace: the token and stored_tokens, not the model cache',
      { HF_HOME: '/w/.cache/huggingface' },
      ['/w/.cache/huggingface/token', '/w/.cache/huggingface/stored_tokens'],
    ],
    [
      'no HF_HOME: under XDG_CACHE_HOME/huggingface',
      { XDG_CACHE_HOME: '/w/xdg' },
      ['/w/xdg/huggingface/token'],
    ],
    [
      'HF_TOKEN_PATH wins over HF_HOME',
      { HF_HOME: '/w/.cache/huggingface', HF_TOKEN_PATH: '/w/hf/my-token' },
      ['/w/hf/my-token'],
    ],
    [
      'directories (DOCKER_CONFIG) and files (AWS), normalized',
      { DOCKER_CONFIG: '/w/.docker/', AWS_SHARED_CREDENTIALS_FILE: '/w/./.aws//credentials' },
      ['/w/.aws/credentials', '/w/.docker'],
    ],
    [
      'relative values, read against the working directory (HF_HOME: .cache/huggingface for actions/cache)',
      {
        HF_HOME: '.cache/huggingface',
        GOOGLE_APPLICATION_CREDENTIALS: 'gha-creds-1a2b.json',
        KUBECONFIG: 'kube/a.yaml',
      },
      [
        '/w/.cache/huggingface/token',
        '/w/.cache/huggingface/stored_tokens',
        '/w/gha-creds-1a2b.json',
        '/w/kube/a.yaml',
      ],
    ],
    [
      '~ and $NAME / ${NAME} expanded (a workflow env: passes them literally; huggingface_hub expands them)',
      {
        HOME: '/home/r',
        HF_HOME: '~/hf',
        KAGGLE_CONFIG_DIR: '$GITHUB_WORKSPACE/kaggle',
        GITHUB_WORKSPACE: '/w',
      },
      ['/home/r/hf/token', '/w/kaggle'],
    ],
    [
      '~ without HOME stays as it is: a relative path, not one at the root',
      { HF_TOKEN_PATH: '~/hf/my-token' },
      [],
    ],
    [
      '${NAME} too',
      { KAGGLE_CONFIG_DIR: '${GITHUB_WORKSPACE}/kaggle', GITHUB_WORKSPACE: '/w' },
      ['/w/kaggle'],
    ],
    [
      "a TMPDIR in the workspace: this run's own work files (the build's secret mounts) are under it",
      { TMPDIR: '/w/.tmp' },
      ['/w/.tmp'],
    ],
    [
      'a missing file, an empty value, an unknown $NAME, a variable of no such tool: none',
      {
        AWS_WEB_IDENTITY_TOKEN_FILE: '/w/none',
        PIP_CONFIG_FILE: '',
        NETRC: '$NOPE/.netrc',
        SOME_FILE: '/w/a/b.json',
      },
      [],
    ],
  ])('%s', (_, env, paths) => {
    expect(credentialFilesNamed(env, exists, '/w').sort()).toEqual([...paths].sort());
  });

  it('contextKeepOut adds them after the rest', () => {
    const out = contextKeepOut(
      base({
        credentialEnv: {
          env: { GOOGLE_APPLICATION_CREDENTIALS: '/w/gha-creds-1a2b.json' },
          exists,
          cwd: '/w',
        },
      }),
    );
    expect(out.at(-1)).toBe('/w/gha-creds-1a2b.json');
    expect(out.slice(0, -1)).toEqual(contextKeepOut(base()));
  });
});
