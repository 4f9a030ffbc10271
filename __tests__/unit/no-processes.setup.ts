// Setup file of the "unit" project: unit tests start no processes (no python3, bash, docker, git,
// node ...). Every way node:child_process starts one is replaced, for the test files, the src code
// they call and the helpers and dependencies those import (the CommonJS module object is patched
// and syncBuiltinESMExports() carries that to every ESM `import { spawn } from 'node:child_process'`).
// A call throws, and the test fails in afterEach even where the code under test catches the error.
// Tests that need a real process live in __tests__/integration.
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { afterEach } from 'vitest';
// The product's zod mode (no code generation; the entries import it first) for every unit test.
import '../../src/util/zod-jitless.js';

export const NO_PROCESSES = 'unit tests start no processes: move this test to __tests__/integration';

export const GUARDED = [
  'spawn',
  'spawnSync',
  'exec',
  'execSync',
  'execFile',
  'execFileSync',
  'fork',
] as const;

const state = globalThis as typeof globalThis & { __mlImageSpawnAttempts?: string[] };
const attempts = (state.__mlImageSpawnAttempts ??= []);

/** Empties the list of refused calls (for the test that proves the guard). */
export function takeSpawnAttempts(): string[] {
  return attempts.splice(0);
}

const cp = childProcess as unknown as Record<string, unknown>;
for (const name of GUARDED) {
  const original = cp[name] as { mlImageGuard?: true };
  if (original.mlImageGuard) continue; // already guarded in this worker (isolate: false)
  const guard = (command: unknown, args?: unknown) => {
    const argv = Array.isArray(args) && args.length > 0 ? ` ${args.map(String).join(' ')}` : '';
    const what = `${name}(${String(command)}${argv.slice(0, 200)})`;
    attempts.push(what);
    throw new Error(`${NO_PROCESSES} (${what})`);
  };
  cp[name] = Object.assign(guard, { mlImageGuard: true as const });
}
syncBuiltinESMExports();

afterEach(() => {
  const refused = takeSpawnAttempts();
  if (refused.length > 0) throw new Error(`${NO_PROCESSES}: ${refused.join('; ')}`);
});
