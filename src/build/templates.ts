// Where a build's Dockerfile comes from: this tool's images/ templates, else the user's own.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import type { VariantPlan } from '../plan/schema.js';

/** The variant's template from images/, else the user's Dockerfile (build.dockerfile). */
export function dockerfileFor(v: VariantPlan, config: Config, baseDir: string, imagesDir: string): string {
  if (v.template === undefined) {
    if (config.build.dockerfile === undefined)
      throw new InputError(`variant ${v.name}: no template and no build.dockerfile`);
    return path.resolve(baseDir, config.build.dockerfile);
  }
  const file = path.join(imagesDir, v.template, 'Dockerfile');
  if (!existsSync(file)) throw new InputError(`template "${v.template}" not found: ${file}`);
  return file;
}
