// The README's two newcomer commands, executed exactly as written: the first is what .ci/run runs
// (checked phase by phase), the second runs the whole pipeline on the bundled example.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker-env.js';

const env = inject('dockerEnv');

export function newcomerCommands(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const m = /<!-- newcomer-commands -->\s*```sh\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README.md lacks the <!-- newcomer-commands --> block');
  return m[1]!
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

describe('README newcomer commands', () => {
  it('are two: set up + test, then the pipeline on the bundled example', () => {
    const [setup, run, ...rest] = newcomerCommands();
    expect(rest).toEqual([]);
    expect(setup).toBe('scripts/test-env.sh && npm ci && npm test');
    expect(run).toBe('node dist/cli/index.js run');
  });

  it('the first is what CI runs: .ci/run executes the same three steps in order', () => {
    const ci = readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
    const phases = [...ci.matchAll(/^phase \S+ (.+)$/gm)].map((m) => m[1]!.trim());
    expect(phases).toEqual(['bash scripts/test-env.sh', 'npm ci --no-audit --no-fund', 'npm test']);
  });

  it.skipIf(!env.available)(
    'the second, run as written in the repository root, builds, smoke-tests and reports the example',
    () => {
      const run = newcomerCommands()[1]!;
      const cache = mkdtempSync(path.join(tmpdir(), 'ml-image-readme-'));
      const results = path.join(REPO_ROOT, 'ml-image-results');
      try {
        // Exactly as written, in the repository root; only the cache directory is the test's own.
        const runAsWritten = () =>
          spawnSync('bash', ['-c', run], {
            cwd: REPO_ROOT,
            env: { ...process.env, ML_IMAGE_CACHE_DIR: cache },
            encoding: 'utf8',
            timeout: 540_000,
          });
        const r = runAsWritten();
        expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
        expect(r.stderr).toContain('running the bundled example');
        // A progress line per stage and platform, with the elapsed time.
        for (const stage of ['plan', 'resolve', 'build', 'smoke', 'report'])
          expect(r.stderr).toMatch(new RegExp(`^\\[ *[\\d.]+s\\] ${stage} `, 'm'));
        expect(r.stderr).toMatch(/smoke +cpu linux\/arm64: \d+ passed, 0 failed/);
        // The report is printed and written.
        expect(r.stdout.split('\n')[0]).toMatch(/^<!-- ml-image-report:/);
        expect(existsSync(path.join(results, 'report-cpu.md'))).toBe(true);

        // Again, nothing changed: the earlier resolution and smoke results are reused (and said
        // so), and the report compares with the first run's records.
        const again = runAsWritten();
        expect(again.status, `${again.stdout}\n${again.stderr}`).toBe(0);
        expect(again.stderr).toMatch(/resolve .*reused the resolution of identical inputs/);
        // Smoke results are reused when the image digest is the same; the docker driver's BuildKit
        // (no SOURCE_DATE_EPOCH) may rebuild a platform's image with other bits from another cache
        // source, and then the suites run again and the line says why. Never silently.
        for (const platform of ['linux/amd64', 'linux/arm64'])
          expect(again.stderr).toMatch(
            new RegExp(
              `smoke +cpu ${platform}: (reused the results of an identical earlier run|running the suites \\(the image changed\\))`,
            ),
          );
        expect(again.stdout).not.toMatch(/first run/i);
        expect(again.stdout).toMatch(/No environment changes/);
      } finally {
        rmSync(cache, { recursive: true, force: true });
        rmSync(results, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
