// The hand-edited devcontainer template (images/devcontainer/devcontainer.json) and the file
// `ml-image devcontainer` writes agree where the image decides: its user, kept at the image's UID
// (updateRemoteUserUID false: a remapped UID could not write /cache or the cache volumes, owned by
// the image's app), and the cache volumes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devcontainerJson } from '../../src/devcontainer/devcontainer.js';
import { makeRecord } from '../helpers/records.js';

const template = JSON.parse(
  readFileSync(path.join(process.cwd(), 'images', 'devcontainer', 'devcontainer.json'), 'utf8'),
) as Record<string, unknown>;

/** What the generator writes for a template-built image (USER app, the templates' cache variables). */
function generated() {
  const r = makeRecord({
    env: {
      PATH: '/usr/bin',
      HF_HOME: '/cache/huggingface',
      TORCH_HOME: '/cache/torch',
      PIP_CACHE_DIR: '/cache/pip',
      XDG_CACHE_HOME: '/cache',
      PIP_NO_CACHE_DIR: '1',
    },
  });
  return devcontainerJson({
    image: `ghcr.io/acme/model@sha256:${'a'.repeat(64)}`,
    variant: 'cuda12.8',
    pinned: true,
    platforms: ['linux/amd64'],
    cuda: true,
    record: { ...r, image: { ...r.image, user: 'app' } },
  }) as unknown as Record<string, unknown>;
}

describe('the devcontainer template agrees with the generator', () => {
  it.each(['remoteUser', 'updateRemoteUserUID', 'mounts'])('%s', (key) => {
    const made = generated();
    expect(made[key]).toBeDefined();
    expect(template[key]).toEqual(made[key]);
  });

  it('keeps the image user at its own UID', () => {
    expect(template.updateRemoteUserUID).toBe(false);
  });
});
