// What the build keeps out of its context (src/pipeline/keep-out.ts): the run's records, the
// tool's own checkout, the cache directory, and the files read that may hold a secret. Pure.
import { describe, expect, it } from 'vitest';
import { contextKeepOut, type KeepOutInput } from '../../src/pipeline/keep-out.js';

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
      "the ssh input's key files, not the agent's socket (default, default=SOCKET)",
      base({
        buildOptions: {
          ssh: ['default', 'default=/w/app/agent.sock', 'github=/w/app/deploy_key', 'gitlab=/home/r/.ssh/id'],
        },
      }),
      [
        '/w/.ml-image-action',
        '/home/r/.cache/ml-image',
        '/w/app/ml-image.yml',
        '/w/app/deploy_key',
        '/home/r/.ssh/id',
      ],
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
