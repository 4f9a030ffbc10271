// The build's secret ids are checked before any stage runs (checkBuildSecrets): a secret-files id
// that is a build.secrets id or one the action mounts itself was refused only by the build's argv,
// after the resolve stage had run.
import { describe, expect, it } from 'vitest';
import { checkBuildSecrets } from '../../src/build/input-secrets.js';
import { validateConfigData } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';

const config = validateConfigData(
  { image: { name: 'o/m', registry: 'ghcr.io' }, build: { secrets: ['HF_TOKEN'] } },
  'x',
);
const ENV = { HF_TOKEN: 'y' };

describe('checkBuildSecrets: the secret-files ids', () => {
  it.each([
    ['a build.secrets id', 'HF_TOKEN'],
    ['the pip.conf secret the action mounts itself', 'ml_image_pip_conf'],
    ['the environment secret the action mounts itself', 'ml_image_env'],
  ])('%s is refused (exit 2, naming the input and the id)', (_what, id) => {
    const go = () => checkBuildSecrets({ secretFiles: { [id]: '/w/key' } }, config, ENV);
    expect(go).toThrow(InputError);
    expect(go).toThrow(
      `input "secret-files": secret id ${id} is given twice (or is one this action mounts itself)`,
    );
  });

  it('ids of their own pass', () => {
    expect(checkBuildSecrets({ secretFiles: { npmrc: '/w/.npmrc' } }, config, ENV)).toEqual({});
  });
});
