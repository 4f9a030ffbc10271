// The reusable workflow's conclusion step, run by a real bash: the check a branch protection rule
// requires passes only when no job before it failed or was cancelled (a skipped one is no failure).
// The job's `if:` (always) and its needs are evaluated in __tests__/unit/workflows.test.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { missingTools } from '../helpers/tools.js';

const SKIP = missingTools('the conclusion step (workflow-conclusion.test.ts)', ['bash']);

type Step = { run?: string; env?: Record<string, string> };
const workflow = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/ml-image.yml'), 'utf8')) as {
  jobs: Record<string, { needs: string[]; steps: Step[] }>;
};
const conclusion = workflow.jobs.conclusion!;
const step = conclusion.steps.find((s) => s.run !== undefined)!;

/** The step with each needed job's result: RESULTS over a run where every job succeeded. */
function conclude(results: Record<string, string>) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  for (const id of conclusion.needs) {
    const name = id.replaceAll('-', '_').toUpperCase();
    expect(step.env?.[name], id).toBe(`\${{ needs.${id}.result }}`);
    env[name] = results[id] ?? 'success';
  }
  const r = spawnSync('bash', ['-e', '-c', step.run!], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe.skipIf(SKIP)('conclusion: the check to require', () => {
  it.each<[string, Record<string, string>]>([
    ['every job passed', { 'build-fork': 'skipped' }],
    ['a pull request (attest skipped)', { attest: 'skipped' }],
    [
      "a fork's run (build, merge, smoke-cpu and attest skipped)",
      { build: 'skipped', merge: 'skipped', 'smoke-cpu': 'skipped', attest: 'skipped' },
    ],
    ['no CUDA variant (the GPU jobs skipped)', { 'gpu-consent': 'skipped', 'smoke-gpu': 'skipped' }],
  ])('passes: %s', (_, results) => {
    const r = conclude(results);
    expect(r.out).not.toContain('::error');
    expect(r.code).toBe(0);
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'a failed plan (the rest skipped)',
      { plan: 'failure', build: 'skipped', merge: 'skipped', report: 'skipped' },
      'plan (failure)',
    ],
    ['a failed smoke test', { 'smoke-cpu': 'failure' }, 'smoke-cpu (failure)'],
    ['a cancelled GPU job', { 'smoke-gpu': 'cancelled' }, 'smoke-gpu (cancelled)'],
    [
      'a gpu-consent that failed closed',
      { 'gpu-consent': 'failure', 'smoke-gpu': 'skipped' },
      'gpu-consent (failure)',
    ],
    ['two failed jobs', { build: 'failure', report: 'failure' }, 'build (failure) report (failure)'],
    [
      "a fork's failed build (the pushing build skipped)",
      { build: 'skipped', 'build-fork': 'failure', merge: 'skipped' },
      'build-fork (failure)',
    ],
  ])('fails: %s', (_, results, named) => {
    const r = conclude(results);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`::error title=ml-image::${named}`);
  });
});
