// What every benchmark shares: the test environment's image references, argv, timing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled CLI the benchmarks run: dist/, or ML_IMAGE_DIST (scripts/build-dist.mjs --out DIR). */
export const cli = path.join(process.env.ML_IMAGE_DIST ?? path.join(root, 'dist'), 'cli', 'index.js');

/** `--name value` from argv, else the default. */
export function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

/** The variables scripts/test-env.sh wrote (exit 3 with the fix when it has not run). */
export function testEnv() {
  const file = process.env.ML_IMAGE_TEST_ENV ?? path.join(root, '.test-env', 'images.env');
  if (!existsSync(file)) {
    console.error(`no ${file}: run "sudo scripts/test-env.sh" first`);
    process.exit(3);
  }
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z0-9_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** Seconds one call of fn takes. */
export function time(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const list = (xs) => `[${xs.map((x) => x.toFixed(2)).join(', ')}]`;
