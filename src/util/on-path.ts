// Whether a program is on PATH: the directories of PATH searched for an executable file of that
// name, as a shell would find it. No process is started.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export function onPath(program: string, env: Readonly<Record<string, string | undefined>>): boolean {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, program);
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      // not there, or not executable: the next directory
    }
  }
  return false;
}
