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

/** The environment without a signing identity of its own (the test gives one explicitly). */
function withoutSigning(e: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {
    COSIGN_KEY: _k,
    COSIGN_PASSWORD: _p,
    ACTIONS_ID_TOKEN_REQUEST_URL: _u,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t,
    ...rest
  } = e;
  return rest;
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

  it.skipIf(!env.available || !env.cosign)(
    'the second, run as written in the repository root, builds, smoke-tests and reports the example',
    () => {
      const run = newcomerCommands()[1]!;
      const cache = mkdtempSync(path.join(tmpdir(), 'ml-image-readme-'));
      const results = path.join(REPO_ROOT, 'ml-image-results');
      try {
        // Exactly as written, in the repository root; only the cache directory is the test's own,
        // and the first run gets the test bed's signing key (COSIGN_KEY/COSIGN_PASSWORD, as a
        // runner's secrets would).
        const cosign = env.cosign!;
        const signing = {
          COSIGN_KEY: readFileSync(cosign.key, 'utf8'),
          COSIGN_PASSWORD: readFileSync(cosign.passwordFile, 'utf8').trim(),
        };
        const runAsWritten = (extra: Record<string, string> = {}) =>
          spawnSync('bash', ['-c', run], {
            cwd: REPO_ROOT,
            env: { ...withoutSigning(process.env), ML_IMAGE_CACHE_DIR: cache, ...extra },
            encoding: 'utf8',
            timeout: 540_000,
          });
        const r = runAsWritten(signing);
        expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
        // And how the commands after it find the example (they read no bundled example themselves).
        expect(r.stderr).toMatch(
          /running the bundled example (\S+) \(give the commands that read its results --config \1\)/,
        );
        // A progress line per stage and platform, with the elapsed time.
        for (const stage of ['plan', 'resolve', 'build', 'smoke', 'attest', 'report'])
          expect(r.stderr).toMatch(new RegExp(`^\\[ *[\\d.]+s\\] ${stage} `, 'm'));
        // Signed SBOM, provenance and smoke attestations on both platform digests...
        // How it will sign, up front; each platform's line as it ends, with its time.
        expect(r.stderr).toMatch(/attest +signing with the key in COSIGN_KEY/);
        for (const platform of ['linux/amd64', 'linux/arm64'])
          expect(r.stderr).toMatch(
            new RegExp(
              `attest +cpu ${platform}: signed and attached sbom, provenance, smoke in \\d+\\.\\ds$`,
              'm',
            ),
          );
        // ...which `ml-image verify` (the real cosign) accepts on the merged digest, as a deploy job runs it.
        const build = JSON.parse(readFileSync(path.join(results, 'build.json'), 'utf8')) as {
          variants: { repository: string; digest: string }[];
        };
        const ref = `${build.variants[0]!.repository}@${build.variants[0]!.digest}`;
        const verify = spawnSync(
          'node',
          ['dist/cli/index.js', 'verify', ref, '--key', cosign.pub, '--require-smoke', 'pass'],
          { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
        );
        expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
        for (const platform of ['linux/amd64', 'linux/arm64'])
          for (const check of [
            'signature',
            'sbom attestation',
            'provenance attestation',
            'smoke attestation',
            'smoke pass',
          ])
            expect(verify.stdout).toMatch(new RegExp(`^ok +${platform} +${check}: `, 'm'));
        // Policy not met (no GPU smoke on this machine): exit 1, naming the check.
        const gpu = spawnSync(
          'node',
          [
            'dist/cli/index.js',
            'verify',
            ref,
            '--key',
            cosign.pub,
            '--require-gpu-smoke',
            '--platform',
            'linux/amd64',
          ],
          { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
        );
        expect(gpu.status).toBe(1);
        expect(gpu.stdout).toMatch(/^FAIL linux\/amd64 +GPU smoke: the smoke tests ran without a GPU$/m);
        expect(r.stderr).toMatch(/smoke +cpu linux\/arm64: \d+ passed, 0 failed/);
        // The report is printed for a terminal (no marker, tag or HTML entity) and written as Markdown.
        expect(r.stdout.split('\n')[0]).toMatch(/^🐳 ml-image report: /);
        expect(r.stdout).not.toMatch(/&#\d+;|<\/?details|<!--/);
        expect(readFileSync(path.join(results, 'report.md'), 'utf8').split('\n')[0]).toMatch(
          /^<!-- ml-image-report:/,
        );
        expect(existsSync(path.join(results, 'report-cpu.md'))).toBe(true);

        // Again, nothing changed: the earlier resolution and smoke results are reused (and said
        // so), and the report compares with the first run's records.
        const again = runAsWritten();
        expect(again.status, `${again.stdout}\n${again.stderr}`).toBe(0);
        // Without a key or an OIDC token it says that it did not sign, and why.
        expect(again.stderr).toMatch(/attest +not signed: no OIDC token and no key/);
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
