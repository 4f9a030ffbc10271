// The devcontainer.json `ml-image devcontainer` writes (and the action's `devcontainer` output) is
// valid for the Dev Container specification: every shape the generator has (a CUDA variant, a CPU
// one, a local tag, with and without a record, user, volumes and ports) validated against the spec's
// own JSON schema (__tests__/fixtures/devcontainer/, see its README), as is the hand-edited template.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import type { EnvRecord } from '../../src/capture/record.js';
import { devcontainerJson, devcontainerText } from '../../src/devcontainer/devcontainer.js';
import { makeRecord } from '../helpers/records.js';

const fixtures = path.join(process.cwd(), '__tests__', 'fixtures', 'devcontainer');
const schema = JSON.parse(readFileSync(path.join(fixtures, 'devContainer.base.schema.json'), 'utf8'));
// strict: false, for the schema's editor keywords (allowComments, markdownDescription ...).
const validate = new Ajv2019({ allErrors: true, strict: false }).compile(schema);
const valid = (json: unknown) => {
  const ok = validate(json);
  return ok ? 'valid' : JSON.stringify(validate.errors);
};

const PINNED = `ghcr.io/acme/model@sha256:${'a'.repeat(64)}`;
function record(user: string, pip: Record<string, string>, env: Record<string, string>): EnvRecord {
  const r = makeRecord({ pip: { pip: '24.0', ...pip }, env: { PATH: '/usr/bin', ...env } });
  return { ...r, image: { ...r.image, user } };
}
const CACHES = { HF_HOME: '/cache/huggingface', TORCH_HOME: '/cache/torch', PIP_CACHE_DIR: '/cache/pip' };

describe('the generated devcontainer.json against the Dev Container spec schema', () => {
  it.each([
    [
      'a CUDA variant: user, volumes, Jupyter and MLflow',
      PINNED,
      true,
      record('app', { jupyterlab: '4.2.0', mlflow: '2.14.0' }, CACHES),
    ],
    ['a CPU variant, root, no caches, no servers', PINNED, false, record('', {}, {})],
    [
      'a CPU variant, uid:gid user, MLflow only',
      PINNED,
      false,
      record('1000:1000', { mlflow: '2.14.0' }, CACHES),
    ],
    ['no record', PINNED, false, undefined],
    ['a local tag (push: false)', 'model:cpu-amd64', false, record('app', { notebook: '7.0.0' }, CACHES)],
  ])('%s', (_n, image, cuda, rec) => {
    const json = devcontainerJson({
      image,
      variant: cuda ? 'cuda12.8' : 'cpu',
      pinned: image === PINNED,
      platforms: ['linux/amd64'],
      cuda,
      ...(rec && { record: rec }),
    });
    // As written: the file's text, parsed back.
    expect(valid(JSON.parse(devcontainerText(json)))).toBe('valid');
  });

  it('the schema is live: a field of the wrong type, or one the spec has not, is refused', () => {
    const json = devcontainerJson({ image: PINNED, variant: 'cpu', pinned: true, platforms: [], cuda: true });
    expect(valid(json)).toBe('valid');
    expect(valid({ ...json, hostRequirements: { gpu: 'yes' } })).not.toBe('valid');
    expect(valid({ ...json, runArgs: '--shm-size=16g' })).not.toBe('valid');
    expect(valid({ ...json, gpus: true })).not.toBe('valid');
  });

  it('the hand-edited template images/devcontainer/devcontainer.json', () => {
    const template = JSON.parse(
      readFileSync(path.join(process.cwd(), 'images', 'devcontainer', 'devcontainer.json'), 'utf8'),
    );
    expect(valid(template)).toBe('valid');
  });
});
