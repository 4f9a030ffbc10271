// Integration tests that run host tools (python3, bash, dash, mkfifo, node scripts) rather than
// Docker: the unit project starts no processes, so they live in __tests__/integration. As with
// Docker (global-setup.ts), a missing tool skips the file locally with one line and fails the run
// in CI (CI=true).
import { spawnSync } from 'node:child_process';
import { decide, isCi } from './docker-env.js';

/** How to tell each tool is there: a command that exits 0 when it works. */
const PROBES: Record<string, string[]> = {
  bash: ['bash', '-c', 'true'],
  dash: ['dash', '-c', 'true'],
  python3: ['python3', '-c', 'import importlib.metadata'],
  mkfifo: ['mkfifo', '--version'],
  pyspdxtools: ['pyspdxtools', '--help'],
  // python3 with an installed distribution to read (the smoke script's imports suite).
  'python3-pip': ['python3', '-c', 'import importlib.metadata as m; m.distribution("pip")'],
};

function present(tool: string): boolean {
  const [cmd, ...args] = PROBES[tool] ?? [tool, '--version'];
  const r = spawnSync(cmd!, args, { stdio: 'ignore', timeout: 30_000 });
  return r.error === undefined && r.status === 0;
}

/**
 * True when the file's tests should skip: a tool is missing and this is not CI (one line says which
 * and what to install). In CI a missing tool throws, failing the file.
 */
export function missingTools(what: string, tools: readonly string[]): boolean {
  const missing = tools.filter((t) => !present(t));
  if (missing.length === 0) return false;
  return cannotRun(
    what,
    `${missing.join(', ')} not found on PATH`,
    `install ${missing.join(' and ')} to run them`,
  );
}

/**
 * WHAT cannot run for REASON (a tool, a privilege): outside CI one line says so and HOW to run it,
 * and the answer is true (skip); in CI it throws, failing the file.
 */
export function cannotRun(what: string, reason: string, how: string): boolean {
  if (decide(isCi(), false) === 'fail')
    throw new Error(`CI=true but ${what} cannot run: ${reason}. Integration tests never skip in CI.`);
  console.warn(`[integration] ${what} skipped: ${reason} — ${how}`);
  return true;
}
