// Where this tool's images/ folder is (Dockerfile templates and the in-container probe): next to
// dist/ when bundled, at the repository root in development. Every entry point looks it up once.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';

/** The in-container scripts in images/probe/: the probe that writes env.json, and the smoke suites. */
export const PROBE_SCRIPT = 'ml_image_probe.py';
export const SMOKE_SCRIPT = 'ml_image_smoke.py';

/** FILE of IMAGES_DIR/probe/ (IMAGES_DIR: findImagesDir's). */
export const probeFile = (imagesDir: string, file: string): string => path.join(imagesDir, 'probe', file);

/** images/ of this tool: next to dist/ when bundled, at the repository root in development. */
export function findImagesDir(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'images', 'cpu', 'Dockerfile'))) return path.join(dir, 'images');
    const up = path.dirname(dir);
    if (up === dir)
      throw new EnvironmentError(
        `cannot find the images/ templates above ${start}`,
        'the action or CLI is incomplete: images/ must sit next to dist/ (reinstall or check out the whole repository)',
      );
    dir = up;
  }
}
