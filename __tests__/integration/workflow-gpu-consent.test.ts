// The reusable workflow's gpu-consent step, run by a real bash with the real jq and a stand-in `gh`
// (GitHub's API cannot be reached here): a fork's run reaches the self-hosted GPU runner through
// gpu-environment only when that environment exists and requires a reviewer. GitHub creates an
// environment a job names on the fly, without protection rules, so every other answer fails
// closed. The job's `if:` and smoke-gpu's dependence on it are evaluated in
// __tests__/unit/workflows.test.ts. What gh is asked and each canned answer are checked against
// GitHub's OpenAPI description (__tests__/helpers/github-api.ts): a path GitHub does not serve, or
// an answer GitHub never sends, fails the test.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { checkRequest, checkResponse, sampleOf } from '../helpers/github-api.js';
import { missingTools } from '../helpers/tools.js';

const SKIP = missingTools('the gpu-consent step (workflow-gpu-consent.test.ts)', ['bash', 'jq']);

type Step = { name?: string; run?: string; env?: Record<string, string> };
const workflow = parse(readFileSync(path.join(REPO_ROOT, '.github/workflows/ml-image.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const step = workflow.jobs['gpu-consent']!.steps.find((s) => s.run !== undefined)!;

// gh sets these itself (the step passes no -H): the check below is of the route, the method and the
// path parameters.
const GH_HEADERS = {
  authorization: 'token ghs_token',
  accept: 'application/vnd.github+json',
  'user-agent': 'gh',
};

/** What "Get an environment" answers: GitHub's required fields, then ours. */
const environment = (fields: object) => ({
  ...(sampleOf('environment') as object),
  id: 161088068,
  node_id: 'EN_kwDOAbc123',
  name: 'gpu-review',
  url: 'https://api.github.com/repos/octo/models/environments/gpu-review',
  html_url: 'https://github.com/octo/models/deployments/activity_log?environments_filter=gpu-review',
  ...fields,
});
let ruleId = 3000;
/** A protection rule as GitHub lists it (each has an id and a node id). */
const rule = (type: string, fields: object = {}) => ({
  id: ++ruleId,
  node_id: `GA_kwDO${ruleId}`,
  type,
  ...fields,
});

describe.skipIf(SKIP)('gpu-consent: the environment must require a reviewer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-gpu-consent-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The step with `gh api` answering ANSWER (exit 1 when undefined: a 404); what gh was asked. */
  function consent(answer: object | undefined, environment = 'gpu-review', isPrivate = false) {
    const bin = mkdtempSync(path.join(dir, 'bin-'));
    const asked = path.join(bin, 'asked');
    writeFileSync(
      path.join(bin, 'gh'),
      `#!/bin/bash\nprintf '%s\\n' "$@" > '${asked}'\n${
        answer === undefined
          ? "echo 'gh: Not Found (HTTP 404)' >&2; exit 1"
          : `cat <<'EOF'\n${JSON.stringify(answer)}\nEOF`
      }\n`,
    );
    chmodSync(path.join(bin, 'gh'), 0o755);
    const r = spawnSync('bash', ['-e', '-c', step.run!], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        GH_TOKEN: 'ghs_token',
        ENVIRONMENT: environment,
        REPOSITORY: 'octo/models',
        PRIVATE: String(isPrivate),
      },
    });
    let args = '';
    try {
      args = readFileSync(asked, 'utf8');
    } catch {
      // gh was not run
    }
    checkAsked(args, answer);
    return { code: r.status, out: r.stdout, args };
  }

  /** `gh api PATH` (no fields, no --method: a GET) is a route GitHub serves; ANSWER is its 200. */
  function checkAsked(args: string, answer: object | undefined): void {
    const [api, route, ...rest] = args.split('\n');
    expect([api, rest]).toEqual(['api', ['']]);
    const request = checkRequest('GET', new URL(route!, 'https://api.github.com/'), GH_HEADERS, '');
    expect(request.problems).toEqual([]);
    expect(request.operation?.operationId).toBe('repos/get-environment');
    if (answer !== undefined) expect(checkResponse(request.operation!, 200, answer)).toEqual([]);
  }

  const reviewers = (n: number) =>
    rule('required_reviewers', {
      prevent_self_review: false,
      reviewers: Array.from({ length: n }, (_, i) => ({
        type: 'User',
        reviewer: { ...(sampleOf('simple-user') as object), login: `m${i}`, type: 'User' },
      })),
    });

  it('passes when the environment requires a reviewer, and says so', () => {
    const r = consent(
      environment({ protection_rules: [rule('wait_timer', { wait_timer: 5 }), reviewers(2)] }),
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('gpu-environment requires one of 2 reviewers');
    expect(r.args.split('\n')).toEqual(['api', 'repos/octo/models/environments/gpu-review', '']);
  });

  it.each<[string, object | undefined]>([
    ['no such environment (a typo, or not created yet)', undefined],
    ['an environment GitHub made on the fly: no protection rules', environment({ protection_rules: [] })],
    ['no protection_rules field at all', environment({})],
    [
      'a wait timer and a branch policy, but no reviewer',
      environment({ protection_rules: [rule('wait_timer', { wait_timer: 30 }), rule('branch_policy')] }),
    ],
    ['a required-reviewers rule listing nobody', environment({ protection_rules: [reviewers(0)] })],
  ])('fails closed: %s', (_, answer) => {
    const r = consent(answer);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^::error title=ml-image GPU consent::/m);
    expect(r.out).toContain('Settings > Environments with required reviewers');
    expect(r.out).not.toContain('private repository');
  });

  it("a private repository's environment cannot be read by the job (no permission): fails closed, pointing at the label", () => {
    const r = consent(undefined, 'gpu-review', true);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^::error title=ml-image GPU consent::.*private repository.*fork-gpu-label/m);
  });

  it("puts the environment's name in the API path encoded, never as a path of its own", () => {
    const r = consent(
      environment({ name: 'gpu review/../x?y', protection_rules: [reviewers(1)] }),
      'gpu review/../x?y',
    );
    expect(r.code, r.out).toBe(0);
    expect(r.args.split('\n')[1]).toBe('repos/octo/models/environments/gpu%20review%2F..%2Fx%3Fy');
  });
});
