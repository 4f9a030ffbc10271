// The smoke reuse key covers the in-container scripts that made a result, not only the tool's
// version string: a result (its env.json) made by an older probe is never reused as this one's.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYED_SCRIPTS, toolKey } from '../../src/smoke/scripts-key.js';
import { VERSION } from '../../src/version.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

describe('toolKey: the version and the bytes of the scripts that made a smoke result', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** A copy of images/ whose probe/FILE is changed by EDIT (none: as shipped). */
  const imagesWith = (file?: string, edit = (t: string) => `${t}\n# changed\n`) => {
    const d = mkdtempSync(path.join(tmpdir(), 'ml-image-toolkey-'));
    dirs.push(d);
    cpSync(path.join(REPO_ROOT, 'images', 'probe'), path.join(d, 'probe'), { recursive: true });
    if (file !== undefined) {
      const f = path.join(d, 'probe', file);
      writeFileSync(f, edit(readFileSync(f, 'utf8')));
    }
    return d;
  };
  const shipped = toolKey(path.join(REPO_ROOT, 'images'));

  it('names the version; equal scripts give an equal key wherever they are', () => {
    expect(shipped.startsWith(`${VERSION} scripts:`)).toBe(true);
    expect(toolKey(imagesWith())).toBe(shipped);
  });

  it.each(KEYED_SCRIPTS.map((f) => [f]))('%s changed: another key', (file) => {
    expect(toolKey(imagesWith(file))).not.toBe(shipped);
  });

  it('a missing script is a key of its own, not an error', () => {
    const d = imagesWith('ml_image_smoke.py');
    rmSync(path.join(d, 'probe', 'ml_image_smoke.py'));
    expect(toolKey(d)).not.toBe(shipped);
  });
});
