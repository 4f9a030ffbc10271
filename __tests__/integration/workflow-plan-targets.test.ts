// The reusable workflow's "Map targets to runners" step (plan job), run by a real bash with the
// real jq: it refuses inputs the gates would misread before any job builds. Here, untrusted-authors:
// the gates match it with contains(fromJSON(...)), which matches a list's elements but nobody at
// all for an object or a number (the run would be trusted). How the gates read a valid list is
// evaluated in __tests__/unit/workflows.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { missingTools } from '../helpers/tools.js';

const SKIP = missingTools('the plan targets step (workflow-plan-targets.test.ts)', ['bash', 'jq']);

type Step = { name?: string; run?: string; env?: Record<string, string> };
const workflow = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/ml-image.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const step = workflow.jobs.plan!.steps.find((s) => s.name === 'Map targets to runners')!;

describe.skipIf(SKIP)('plan: Map targets to runners', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-plan-targets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes untrusted-authors from the input', () => {
    expect(step.env?.UNTRUSTED_AUTHORS).toBe('${{ inputs.untrusted-authors }}');
  });

  /** The step for a one-platform CPU plan with untrusted-authors VALUE (undefined: not set). */
  function targets(value: string | undefined) {
    const output = path.join(mkdtempSync(path.join(dir, 'run-')), 'output');
    const runners = '{"linux/amd64":"ubuntu-latest"}';
    const r = spawnSync('bash', ['-e', '-c', step.run!], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GITHUB_OUTPUT: output,
        MATRIX: '{"include":[{"variant":"cpu","platform":"linux/amd64"}]}',
        PLAN: '{"variants":[{"name":"cpu","platforms":["linux/amd64"]}]}',
        CONFIG_JSON: '{"image":{"registry":"ghcr.io"}}',
        RUNNERS: runners,
        FORK_RUNNERS: runners,
        GPU_LABELS: '["self-hosted","gpu"]',
        GPU_PLATFORM: 'linux/amd64',
        ML_IMAGE_FORK: 'false',
        ...(value !== undefined && { UNTRUSTED_AUTHORS: value }),
      },
    });
    let written = '';
    try {
      written = readFileSync(output, 'utf8');
    } catch {
      // the step stopped before its outputs
    }
    return { code: r.status, out: r.stdout + r.stderr, written };
  }

  it.each<[string, string | undefined]>([
    ['the default', '[]'],
    ['not set', undefined],
    ['empty', ''],
    ['one bot', '["renovate[bot]"]'],
    ['a bot and a user', '["renovate[bot]", "release-bot-9"]'],
  ])('accepts %s', (_, value) => {
    const r = targets(value);
    expect(r.out).not.toContain('::error');
    expect(r.code).toBe(0);
    expect(r.written).toContain('has-gpu=false');
  });

  it.each<[string, string]>([
    ['an object', '{"renovate[bot]": true}'],
    ['a string', '"renovate[bot]"'],
    ['a number in the list', '["renovate[bot]", 7]'],
    ['a comma-separated list', 'renovate[bot],dependabot[bot]'],
    // jq -e over stdin would judge only the last of several values.
    ['an object, then a list', '{} ["renovate[bot]"]'],
    ['a login with a space', '["renovate bot"]'],
    ['a login with a glob', '["*[bot]"]'],
  ])('refuses %s, naming the input and the value', (_, value) => {
    const r = targets(value);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `::error title=ml-image::input untrusted-authors must be a JSON list of GitHub logins (e.g. ["renovate[bot]"]), got: ${value}`,
    );
    expect(r.written).toBe('');
  });
});
