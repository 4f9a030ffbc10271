// Requirements travel to the build as one text (build arg REQUIREMENTS_TXT): read every file the
// config names and inline their -r/--requirement includes, so nothing needs to be in the context.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

const INCLUDE = /^\s*(?:-r|--requirement)(?:\s+|=)(\S+)\s*$/;

export interface RequirementsText {
  text: string;
  /** "file:line" of each line of text, so pip's "line N" can be traced back to the user's file. */
  origins: string[];
}

export function readRequirements(files: readonly string[], baseDir: string): RequirementsText {
  const seen = new Set<string>();
  const out: string[] = [];
  const origins: string[] = [];
  const visit = (file: string, from?: string) => {
    const abs = path.resolve(baseDir, file);
    if (seen.has(abs)) return; // an include cycle or a repeat: once is enough
    seen.add(abs);
    if (!existsSync(abs))
      throw new InputError(`requirements file not found: ${abs}${from ? ` (included from ${from})` : ''}`);
    const lines = readFileSync(abs, 'utf8').split(/\r?\n/);
    lines.forEach((line, i) => {
      const m = INCLUDE.exec(line);
      if (m) visit(path.resolve(path.dirname(abs), m[1]!), `${abs}:${i + 1}`);
      else if (line.trim() !== '') {
        out.push(line);
        origins.push(`${abs}:${i + 1}`);
      }
    });
  };
  for (const f of files) visit(f);
  return { text: out.join('\n'), origins };
}

export function readRequirementsText(files: readonly string[], baseDir: string): string {
  return readRequirements(files, baseDir).text;
}
