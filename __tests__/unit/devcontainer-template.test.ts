// The hand-edited devcontainer template (images/devcontainer/devcontainer.json) and the file
// `ml-image devcontainer` writes agree where the image decides: its user, given the host user's
// UID (updateRemoteUserUID true: at the image's UID it could not write a bind-mounted workspace
// owned by another), and the cache volumes; and the templates' cache directories, which that
// remapped user (and a volume Docker fills from them) needs writable by any UID.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devcontainerJson } from '../../src/devcontainer/devcontainer.js';
import { makeRecord } from '../helpers/records.js';

const images = path.join(process.cwd(), 'images');
const template = JSON.parse(
  readFileSync(path.join(images, 'devcontainer', 'devcontainer.json'), 'utf8'),
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
    // The template's own image: the cache volumes are named after its repository.
    image: String(template.image),
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

  it("gives the image user the host user's UID (it owns the workspace)", () => {
    expect(template.updateRemoteUserUID).toBe(true);
    expect(generated().updateRemoteUserUID).toBe(true);
  });
});

describe("the templates' cache directories are writable by any UID", () => {
  /** The shared user block's RUN, its line continuations joined, as one shell line. */
  const userRun = (t: string) => {
    const text = readFileSync(path.join(images, t, 'Dockerfile'), 'utf8');
    const block = text.slice(
      text.indexOf('# --- shared: user-and-caches ---'),
      text.indexOf('# --- end shared ---'),
    );
    return block.slice(block.indexOf('RUN ')).replace(/\\\n\s*/g, ' ');
  };

  it.each(['cpu', 'cuda', 'ngc'])('%s', (t) => {
    const run = userRun(t);
    const steps = run.split(/;\s*/).map((s) => s.trim());
    // Every cache directory made, owned by app, then opened to every UID (X: search on directories,
    // no execute bit added to a file); /app stays app's and group 0's.
    expect(steps).toContain('mkdir -p /app /cache/huggingface /cache/torch /cache/pip');
    const chown = steps.indexOf('chown -R app:0 /app /cache');
    const open = steps.indexOf('chmod -R a+rwX /cache');
    expect(chown).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(chown);
    expect(steps.slice(chown + 1)).toContain('chmod -R g=u /app');
    // Nothing after it narrows /cache again.
    expect(steps.slice(open + 1).filter((s) => /\/cache\b/.test(s))).toEqual([]);
  });
});
