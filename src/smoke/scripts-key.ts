// What the smoke reuse key says of the tool: its version and the in-container scripts that made the
// result (the probe that writes env.json, the smoke script, the redaction rules both apply). A
// result made by other scripts (an older probe's record: no apt source packages, say) is then never
// reused as this tool's, although the version string did not move.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { probeFile, PROBE_SCRIPT, SMOKE_SCRIPT } from '../util/images-dir.js';
import { VERSION } from '../version.js';

/** The files under IMAGES_DIR/probe whose bytes the key covers. */
export const KEYED_SCRIPTS = [PROBE_SCRIPT, SMOKE_SCRIPT, 'redaction-rules.json'] as const;

const memo = new Map<string, string>();

/** `VERSION scripts:<sha256>` for IMAGES_DIR (read once per process); a missing file counts as such. */
export function toolKey(imagesDir: string): string {
  let key = memo.get(imagesDir);
  if (key === undefined) {
    const h = createHash('sha256');
    for (const f of KEYED_SCRIPTS) {
      let bytes: Buffer | string;
      try {
        bytes = readFileSync(probeFile(imagesDir, f));
      } catch {
        bytes = '(missing)';
      }
      h.update(`${f}\0${bytes.length}\0`).update(bytes);
    }
    key = `${VERSION} scripts:${h.digest('hex')}`;
    memo.set(imagesDir, key);
  }
  return key;
}
