import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

/** Write one result file into the --out directory (created when missing); returns its path. */
export function writeOutFile(cwd: string, outDir: string, name: string, content: string): string {
  const dir = path.resolve(cwd, outDir);
  try {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  } catch (e) {
    throw new InputError(`--out ${outDir}: cannot write ${name}: ${(e as Error).message}`);
  }
}
