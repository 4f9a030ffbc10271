// The Python the project runs inside images compiles (python3 -m py_compile, the test bed's
// python3): the resolver's helper and the in-container probes. Linted in the unit tests
// (__tests__/unit/resolve-py.test.ts, Ruff in-process); run for real in resolve.test.ts,
// capture.test.ts and smoke.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILES = [
  'src/resolve/py/ml_image_resolve.py',
  ...readdirSync(path.join(REPO_ROOT, 'images/probe'))
    .filter((f) => f.endsWith('.py'))
    .map((f) => `images/probe/${f}`),
];

describe('python files compile', () => {
  // The byte code goes to a temporary directory, not __pycache__/ beside the sources.
  const cache = mkdtempSync(path.join(tmpdir(), 'ml-image-pycache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  const compile = (file: string) =>
    spawnSync('python3', ['-m', 'py_compile', file], {
      env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
      encoding: 'utf8',
    });

  it.each(FILES)('%s', (file) => {
    const r = compile(path.join(REPO_ROOT, file));
    expect(r.error).toBeUndefined();
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });

  it('a syntax error fails (the check is real)', () => {
    const bad = path.join(cache, 'bad.py');
    writeFileSync(bad, 'def f(:\n    pass\n');
    const r = compile(bad);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/SyntaxError/);
  });
});
