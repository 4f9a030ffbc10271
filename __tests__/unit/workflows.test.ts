// The reusable workflows (.github/workflows/) and the copy-ready caller templates (workflows/):
// valid for GitHub's own parser, hardened (pinned actions, least privilege, no pull_request_target,
// no PR code in a privileged job, forks kept off the GPU runner and away from secrets, no
// expression injection), and wired together (artifact names, sub-actions, triggers). The fork
// gating is checked by evaluating the real `if:` expressions for each kind of event. The verify
// workflow's registry step, run under bash, is in __tests__/integration/repo-tools.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERIFY_INPUTS } from '../../src/action/verify.js';
import { FORK_MARK } from '../../src/util/pull-request-code.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import {
  OWN_CHECKOUT,
  OWN_REPOSITORY,
  OWN_SHA,
  OWN_TOKEN,
  RULES,
  SUB_ACTIONS,
  calledReusableWorkflows,
  evaluate,
  githubParserErrors,
  loadWorkflow,
  reusableWorkflowExists,
  statusOf,
  triggers,
  type Job,
  type Step,
  type WorkflowFile,
} from '../helpers/workflow-lint.js';

const DIRS = ['.github/workflows', 'workflows'];
const FILES: WorkflowFile[] = DIRS.flatMap((dir) =>
  readdirSync(path.join(REPO_ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const rel = `${dir}/${f}`;
      return loadWorkflow(rel, readFileSync(path.join(REPO_ROOT, rel), 'utf8'));
    }),
);
const file = (rel: string): WorkflowFile => {
  const f = FILES.find((x) => x.rel === rel);
  if (!f) throw new Error(`${rel} is missing`);
  return f;
};
const job = (rel: string, id: string): Job => {
  const j = file(rel).wf.jobs[id];
  if (!j) throw new Error(`${rel}: no job ${id}`);
  return j;
};
const stepUsing = (j: Job, prefix: string): Step[] =>
  (j.steps ?? []).filter((s) => s.uses?.startsWith(prefix));
/** The reusable workflows run this repository's actions from its own checkout at the workflow's commit. */
const OWN = `./${OWN_CHECKOUT}`;
const ownAction = (j: Job, sub?: string): Step[] =>
  (j.steps ?? []).filter((s) => s.uses === (sub ? `${OWN}/actions/${sub}` : OWN));
/** The checkout of this repository at the workflow's own commit, before its first own action. */
const expectOwnCheckout = (j: Job) => {
  const steps = j.steps ?? [];
  const at = steps.findIndex((s) => s.uses?.startsWith('actions/checkout@') && s.with?.path === OWN_CHECKOUT);
  expect(at, 'own checkout').toBeGreaterThanOrEqual(0);
  expect(steps[at]!.with).toEqual({
    repository: OWN_REPOSITORY,
    ref: OWN_SHA,
    path: OWN_CHECKOUT,
    'persist-credentials': false,
    token: OWN_TOKEN,
  });
  expect(at).toBeLessThan(steps.findIndex((s) => s.uses?.startsWith(OWN)));
};
const only = <T>(xs: T[], what: string): T => {
  expect(xs, what).toHaveLength(1);
  return xs[0]!;
};

const ML = '.github/workflows/ml-image.yml';
/** The step that refuses links where a job writes in the pull request's checkout. */
const LINK_GUARD = 'Stop on symbolic links where this job writes in the checkout';
/**
 * Where ml-image.yml's build and CPU smoke jobs run: the caller's `runners` only when the plan said
 * the run is not a fork's (or Dependabot's), else `fork-runners`.
 */
const RUNS_ON =
  "${{ fromJSON(needs.plan.outputs.fork == 'false' && inputs.runners || inputs.fork-runners)[matrix.platform] }}";
/**
 * Where ml-image.yml's jobs that build and run no image run: control-runner, a label or JSON (a
 * list of labels, a runner group) as a value of `runners` is given.
 */
const CONTROL_RUNS_ON =
  "${{ fromJSON((startsWith(inputs.control-runner, '[') || startsWith(inputs.control-runner, '{') || startsWith(inputs.control-runner, '\"')) && inputs.control-runner || toJSON(inputs.control-runner || 'ubuntu-latest')) }}";
const CONTROL_JOBS = ['plan', 'merge', 'gpu-consent', 'attest', 'report', 'conclusion'];
const GITHUB_HOSTED = { 'linux/amd64': 'ubuntu-latest', 'linux/arm64': 'ubuntu-24.04-arm' };
const POSTER = '.github/workflows/ml-image-comment.yml';
const VERIFY = '.github/workflows/ml-image-verify.yml';
const GATE = 'workflows/deploy-gate.yml';
const REUSABLE = [ML, POSTER, VERIFY];
const CALLERS = [
  'workflows/build-single-job.yml',
  'workflows/native-matrix.yml',
  'workflows/gpu-self-hosted.yml',
];

it('finds the workflows this suite is about', () => {
  expect(FILES.map((f) => f.rel)).toEqual(
    expect.arrayContaining([
      ML,
      POSTER,
      '.github/workflows/ci.yml',
      ...CALLERS,
      'workflows/fork-comment.yml',
      VERIFY,
      GATE,
    ]),
  );
});

// --- GitHub's parser ---------------------------------------------------------------------------

describe("GitHub's workflow parser", () => {
  it.each(FILES.map((f) => [f.rel, f] as const))('accepts %s', async (_, f) => {
    expect(await githubParserErrors(f.rel, f.text)).toEqual([]);
  });

  // The check is real: the same call rejects broken workflows, each for its own reason.
  it.each([
    ['a job without runs-on', 'on: push\njobs:\n  a:\n    steps:\n      - run: x\n', /runs-on/],
    ['an unknown job key', 'on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n', /stepz/],
    [
      'env in a job-level if (no env context there)',
      "on: push\njobs:\n  a:\n    runs-on: x\n    if: env.X == '1'\n    steps:\n      - run: x\n",
      /env/,
    ],
    [
      'a broken expression',
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.event. }}\n',
      /Unexpected symbol/,
    ],
    [
      'a step with both uses and run',
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        run: x\n',
      /run/,
    ],
    [
      'a workflow_call input of an unknown type',
      'on:\n  workflow_call:\n    inputs:\n      x:\n        type: strin\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n',
      /strin/,
    ],
    ['invalid YAML', 'on: [push\n', /.+/],
  ])('rejects %s', async (_, text, message) => {
    const errors = await githubParserErrors('broken.yml', text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });
});

// --- hardening rules ---------------------------------------------------------------------------

describe.each(FILES.map((f) => [f.rel, f] as const))('%s', (_, f) => {
  it.each(Object.keys(RULES))('follows the rule %s', (rule) => {
    expect(RULES[rule]!(f)).toEqual([]);
  });
});

// Each rule bites: a minimal workflow that breaks it, and the same workflow fixed.
const wf = (jobs: string, head = 'on: push\npermissions:\n  contents: read\n') => `${head}jobs:\n${jobs}`;
describe.each<[string, string, string, RegExp]>([
  [
    'pinned-actions',
    wf('  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@v4\n'),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n',
    ),
    /not pinned by a full commit SHA/,
  ],
  [
    'pinned-actions',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n',
    ),
    /version in a comment/,
  ],
  [
    'pinned-actions',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/plan@v0\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/plan@v0 # pin a release commit SHA\n',
    ),
    /pin a release commit SHA/,
  ],
  [
    'permissions',
    wf('  a:\n    runs-on: x\n    steps:\n      - run: x\n'),
    wf('  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: x\n'),
    /no permissions block/,
  ],
  [
    'permissions',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: x\n',
      'on: push\npermissions: write-all\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: x\n',
      'on: push\npermissions: {}\n',
    ),
    /top-level permissions/,
  ],
  [
    'no-pull-request-target',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: x\n',
      'on: [pull_request_target]\n',
    ),
    wf('  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: x\n', 'on: [pull_request]\n'),
    /pull_request_target/,
  ],
  [
    'no-pr-checkout-when-privileged',
    wf(
      '  a:\n    runs-on: x\n    permissions:\n      pull-requests: write\n    steps:\n      - uses: actions/checkout@x\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions:\n      contents: read\n    steps:\n      - uses: actions/checkout@x\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n',
    ),
    /checks out the pull request's code/,
  ],
  [
    'no-pr-checkout-when-privileged',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}\n',
      'on:\n  workflow_run:\n    workflows: [x]\npermissions: {}\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/download-artifact@x\n',
      'on:\n  workflow_run:\n    workflows: [x]\npermissions: {}\n',
    ),
    /checks out the pull request's code/,
  ],
  [
    'workflow-run-checks-out-nothing',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n',
      'on:\n  workflow_run:\n    workflows: [x]\npermissions: {}\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/download-artifact@x\n',
      'on:\n  workflow_run:\n    workflows: [x]\npermissions: {}\n',
    ),
    /must not check out/,
  ],
  [
    'checkout-without-credentials',
    wf('  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n'),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n        with:\n          persist-credentials: false\n',
    ),
    /persist-credentials/,
  ],
  [
    'gpu-jobs-gated',
    wf(
      '  a:\n    runs-on: ${{ fromJSON(inputs.gpu-runner-labels) }}\n    if: inputs.gpu-smoke\n    permissions: {}\n    steps:\n      - run: x\n',
    ),
    wf(
      '  a:\n    runs-on: ${{ fromJSON(inputs.gpu-runner-labels) }}\n    if: github.event.pull_request.head.repo.full_name == github.repository || github.event.label.name == inputs.fork-gpu-label\n    permissions: {}\n    steps:\n      - run: x\n',
    ),
    /without a fork gate/,
  ],
  [
    'gpu-jobs-gated',
    wf('  a:\n    runs-on: [self-hosted, linux]\n    permissions: {}\n    steps:\n      - run: x\n'),
    wf(
      '  a:\n    runs-on: [self-hosted, linux]\n    environment: gpu-review\n    permissions: {}\n    steps:\n      - run: x\n',
    ),
    /without a fork gate/,
  ],
  [
    'no-expressions-in-run',
    wf('  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: echo "${{ github.head_ref }}"\n'),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - env:\n          REF: ${{ github.head_ref }}\n        run: echo "$REF"\n',
    ),
    /inside run:/,
  ],
  [
    'no-secrets-inherit',
    wf('  a:\n    permissions: {}\n    uses: o/r/.github/workflows/x.yml@v1\n    secrets: inherit\n'),
    wf(
      '  a:\n    permissions: {}\n    uses: o/r/.github/workflows/x.yml@v1\n    secrets:\n      token: ${{ secrets.T }}\n',
    ),
    /secrets: inherit/,
  ],
  [
    'secrets-not-for-forks',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: docker/login-action@x\n        with:\n          password: ${{ secrets.GITHUB_TOKEN }}\n',
    ),
    wf(
      "  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - if: env.ML_IMAGE_FORK != 'true'\n        uses: docker/login-action@x\n        with:\n          password: ${{ secrets.GITHUB_TOKEN }}\n",
    ),
    /without skipping fork/,
  ],
  [
    'secrets-not-for-forks',
    // The own checkout may read actions-token, and only that way.
    wf(
      `  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n        with:\n          repository: ${OWN_REPOSITORY}\n          ref: ${OWN_SHA}\n          path: .ml-image-action\n          token: \${{ secrets.T || github.token }}\n`,
    ),
    wf(
      `  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n        with:\n          repository: ${OWN_REPOSITORY}\n          ref: ${OWN_SHA}\n          path: .ml-image-action\n          token: \${{ secrets.actions-token || github.token }}\n`,
    ),
    /without skipping fork/,
  ],
  [
    'secrets-not-for-forks',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    env:\n      T: ${{ secrets.T }}\n    steps:\n      - run: x\n',
    ),
    wf('  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - run: x\n'),
    /job-level env reads a secret/,
  ],
  [
    'first-party-paths',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/publish@v0 # pin a SHA\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/smoke@v0 # pin a SHA\n',
    ),
    /names no sub-action/,
  ],
  [
    'first-party-paths',
    // the sub-actions' old top-level location
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/smoke@v0 # pin a SHA\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/smoke@v0 # pin a SHA\n',
    ),
    /names no sub-action/,
  ],
  [
    'first-party-paths',
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/build@main # pin a SHA\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/build@v0 # pin a SHA\n',
    ),
    /major tag/,
  ],
  [
    'own-actions-at-workflow-sha',
    // A reusable workflow whose sub-action moves with a tag while the caller pinned the workflow.
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/plan@v0 # pin a SHA\n',
      'on: workflow_call\npermissions: {}\n',
    ),
    wf(
      `  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n        with:\n          repository: ${OWN_REPOSITORY}\n          ref: ${OWN_SHA}\n          path: .ml-image-action\n          persist-credentials: false\n      - uses: ./.ml-image-action/actions/plan\n`,
      'on: workflow_call\npermissions: {}\n',
    ),
    /runs its own actions at its own commit/,
  ],
  [
    'own-actions-at-workflow-sha',
    // ./.ml-image-action holding the caller's (pull request's) code instead of this action's.
    wf(
      `  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n          path: .ml-image-action\n          persist-credentials: false\n      - uses: ./.ml-image-action/actions/plan\n`,
      'on: workflow_call\npermissions: {}\n',
    ),
    wf(
      `  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n        with:\n          repository: ${OWN_REPOSITORY}\n          ref: ${OWN_SHA}\n          path: .ml-image-action\n          persist-credentials: false\n      - uses: ./.ml-image-action/actions/plan\n`,
      'on: workflow_call\npermissions: {}\n',
    ),
    /must be this repository at the workflow's commit/,
  ],
  [
    'own-actions-at-workflow-sha',
    // The local action before (or without) its checkout.
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ./.ml-image-action/actions/smoke\n',
    ),
    wf(
      `  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: actions/checkout@x\n        with:\n          repository: ${OWN_REPOSITORY}\n          ref: ${OWN_SHA}\n          path: .ml-image-action\n          persist-credentials: false\n      - uses: ./.ml-image-action/actions/smoke\n`,
    ),
    /without an earlier checkout/,
  ],
  [
    'own-action-inputs-declared',
    // gpus is read by the smoke stage only: build/ does not declare it.
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/build@v0 # pin a SHA\n        with:\n          gpus: none\n',
    ),
    wf(
      '  a:\n    runs-on: x\n    permissions: {}\n    steps:\n      - uses: ml-image-action/ml-image-action/actions/smoke@v0 # pin a SHA\n        with:\n          gpus: none\n',
    ),
    /declares no input "gpus"/,
  ],
])('rule %s', (rule, bad, good, message) => {
  it(`flags ${message}`, () => {
    const violations = RULES[rule]!(loadWorkflow('bad.yml', bad));
    expect(violations.join('\n')).toMatch(message);
  });
  it('passes once fixed', () => {
    expect(RULES[rule]!(loadWorkflow('good.yml', good))).toEqual([]);
  });
});

// --- wiring --------------------------------------------------------------------------------------

describe('reusable workflows', () => {
  it.each(REUSABLE)('%s is triggered by workflow_call only', (rel) => {
    expect(triggers(file(rel).wf)).toEqual(['workflow_call']);
  });

  it('every reusable workflow a template calls exists here and is a workflow_call workflow', () => {
    const called = FILES.flatMap(calledReusableWorkflows);
    expect(new Set(called)).toEqual(new Set(REUSABLE));
    for (const rel of called) {
      expect(reusableWorkflowExists(REPO_ROOT, rel), rel).toBe(true);
      expect(triggers(file(rel).wf), rel).toContain('workflow_call');
    }
  });

  it('uses every sub-action, by name (actions/<name>), at its own commit', () => {
    const used = REUSABLE.flatMap((rel) =>
      Object.values(file(rel).wf.jobs).flatMap((j) =>
        (j.steps ?? []).flatMap((s) => s.uses?.match(/^\.\/\.ml-image-action\/actions\/(\w+)$/)?.[1] ?? []),
      ),
    );
    expect(new Set(used)).toEqual(new Set(SUB_ACTIONS));
  });

  it.each(REUSABLE)(
    '%s checks out its own commit in every job that runs its actions, never by tag',
    (rel) => {
      expect(file(rel).text).not.toMatch(/uses: ml-image-action\/ml-image-action\/actions\//);
      const jobs = Object.values(file(rel).wf.jobs).filter((j) => stepUsing(j, OWN).length > 0);
      expect(jobs.length).toBeGreaterThan(0);
      for (const j of jobs) expectOwnCheckout(j);
    },
  );

  // The caller's GITHUB_TOKEN reads the caller's repository only ("Repository not found" for
  // another private or internal one): a private copy of this repository is checked out with the
  // actions-token secret, which nothing else reads.
  it.each(REUSABLE)(
    '%s checks out its own code with the actions-token secret, else the GITHUB_TOKEN',
    async (rel) => {
      const call = (file(rel).wf.on as { workflow_call: { secrets?: Record<string, unknown> } })
        .workflow_call;
      expect(call.secrets?.['actions-token']).toMatchObject({ required: false });
      expect(String((call.secrets?.['actions-token'] as { description?: string }).description)).toMatch(
        /private[^]*GITHUB_TOKEN/,
      );
      const own = Object.values(file(rel).wf.jobs).flatMap((j) =>
        stepUsing(j, 'actions/checkout@').filter((st) => st.with?.path === OWN_CHECKOUT),
      );
      expect(own.length).toBeGreaterThan(0);
      for (const st of own) expect(st.with?.token).toBe(OWN_TOKEN);
      expect(file(rel).text.match(/secrets\.actions-token/g)).toHaveLength(own.length);
      const github = { ...githubContext({ event: 'push' }), token: 'ghs_workflowtoken' };
      expect(await evaluate(OWN_TOKEN, { github, secrets: { 'actions-token': 'github_pat_mirror' } })).toBe(
        'github_pat_mirror',
      );
      expect(await evaluate(OWN_TOKEN, { github, secrets: {} })).toBe('ghs_workflowtoken');
    },
  );

  // actions/checkout reads an empty repository as the caller's (github.repository) and an empty
  // ref as the run's own (a pull request's merge commit): where GitHub gives no job.workflow_*
  // (a GitHub Enterprise Server or runner from before them), ./.ml-image-action would hold the pull
  // request's code, and the jobs would run its actions/<stage>/action.yml on their runners. The
  // fallbacks fail the checkout instead: a repository without the owner/name slash (checkout's
  // "Invalid repository ... Expected format {owner}/{repo}"), a ref no repository has.
  it.each(REUSABLE)('%s fails its own checkout where GitHub gives no job.workflow_*', async (rel) => {
    const own = Object.values(file(rel).wf.jobs).flatMap((j) =>
      stepUsing(j, 'actions/checkout@').filter((st) => st.with?.path === OWN_CHECKOUT),
    );
    expect(own.length).toBeGreaterThan(0);
    for (const st of own) {
      const github = githubContext({ event: 'fork-pr' });
      const old = { github, job: { status: 'success' } };
      const repository = await evaluate(String(st.with?.repository), old);
      expect(typeof repository === 'string' && repository !== '').toBe(true);
      expect(String(repository).split('/').filter(Boolean)).toHaveLength(1);
      const ref = await evaluate(String(st.with?.ref), old);
      expect(typeof ref === 'string' && ref !== '').toBe(true);
      expect(ref).not.toMatch(/^([0-9a-f]{40}|refs\/.*)$/);
      const now = {
        github,
        job: {
          status: 'success',
          workflow_repository: 'ml-image-action/ml-image-action',
          workflow_sha: 'a'.repeat(40),
        },
      };
      expect(await evaluate(String(st.with?.repository), now)).toBe('ml-image-action/ml-image-action');
      expect(await evaluate(String(st.with?.ref), now)).toBe('a'.repeat(40));
    }
  });

  it('every artifact downloaded is one some job uploads', () => {
    const uploads = FILES.flatMap((f) =>
      Object.values(f.wf.jobs).flatMap((j) =>
        stepUsing(j, 'actions/upload-artifact@').map((s) => String(s.with?.name)),
      ),
    );
    // ${{ matrix.x }} parts of an uploaded name stand for anything.
    const uploadRes = uploads.map((n) => new RegExp(`^${n.replace(/\$\{\{[^}]*\}\}/g, '.+')}$`));
    const downloads = FILES.flatMap((f) =>
      Object.values(f.wf.jobs).flatMap((j) =>
        stepUsing(j, 'actions/download-artifact@').map((s) => String(s.with?.name ?? s.with?.pattern)),
      ),
    );
    expect(downloads.length).toBeGreaterThan(0);
    const poster = file(POSTER).wf.on as { workflow_call: { inputs: Record<string, { default: string }> } };
    for (const d of downloads) {
      const name = d.replace(
        '${{ inputs.artifact-name }}',
        poster.workflow_call.inputs['artifact-name']!.default,
      );
      const probe = name.replace(/\*/g, 'cpu-amd64');
      expect(
        uploadRes.some((re) => re.test(probe)),
        `${d} is never uploaded`,
      ).toBe(true);
    }
  });
});

describe('ml-image.yml', () => {
  const ml = file(ML).wf;
  const on = ml.on as {
    workflow_call: {
      inputs: Record<string, { type: string; default?: unknown; description?: string }>;
      secrets: Record<string, unknown>;
    };
  };
  const inputs = on.workflow_call.inputs;

  it("no step writes the workspace's .dockerignore: the build keeps the action's checkout out itself", () => {
    // The build stage keeps this tool's root (.ml-image-action here) and the result directory out of
    // the context with a Dockerfile-specific ignore file of its own (src/build/context-ignore.ts,
    // build-run.test.ts); a write to the pull request's .dockerignore would follow a link it committed.
    for (const f of FILES)
      for (const [id, j] of Object.entries(f.wf.jobs))
        for (const st of j.steps ?? [])
          expect(st.run ?? '', `${f.rel} jobs.${id}: "${st.name}" writes .dockerignore`).not.toMatch(
            /\.dockerignore/,
          );
  });

  it("refuses symbolic links in the pull request's checkout before any step writes there", async () => {
    // A pull request can commit .ml-image-action or the result directory as a link: the own
    // checkout (which empties the directory it is given), the downloads and the action's result
    // files would follow it out of the workspace, onto a self-hosted runner's
    // disk. Every job that checks out the repository's (the pull request's) code and then writes a
    // fixed path in it runs the refusal first, unconditionally, naming each path it writes. attest
    // checks out no pull request's code: it never runs for one (evaluated here), and has no run: step.
    for (const s of ['pr', 'fork-pr', 'dependabot-pr'] as const) {
      const needs = { merge: { result: 'success', outputs: {} } };
      expect(await jobRuns('attest', await mlContexts({ event: s }, { needs })), s).toBe(false);
    }
    const prCode = (rel: string, id: string) => !(rel === ML && id === 'attest');
    const guarded: string[] = [];
    for (const f of FILES) {
      for (const [id, j] of Object.entries(f.wf.jobs)) {
        const steps = j.steps ?? [];
        const checkout = steps.findIndex(
          (s) => s.uses?.startsWith('actions/checkout@') && s.with?.repository === undefined,
        );
        if (checkout < 0 || !prCode(f.rel, id)) continue;
        const where = `${f.rel} jobs.${id}`;
        const writes = new Set<string>();
        let first = -1;
        steps.forEach((s, i) => {
          if (i <= checkout) return;
          const w: string[] = [];
          if (s.uses?.startsWith('actions/checkout@') && s.with?.path !== undefined)
            w.push(String(s.with.path));
          if (
            s.uses?.startsWith('actions/download-artifact@') &&
            String(s.with?.path).startsWith('${{ env.RESULT_DIR }}')
          )
            w.push('"$RESULT_DIR"');
          if (s.uses === OWN || s.uses?.startsWith(`${OWN}/`)) w.push('"$RESULT_DIR"');
          if (w.length > 0 && first < 0) first = i;
          w.forEach((x) => writes.add(x));
        });
        if (first < 0) continue;
        guarded.push(`${f.rel}:${id}`);
        const guard = steps.findIndex((s) => s.name === LINK_GUARD);
        expect(guard, `${where}: no "${LINK_GUARD}" step`).toBeGreaterThan(checkout);
        expect(guard, `${where}: the refusal comes after a write`).toBeLessThan(first);
        const g = steps[guard]!;
        expect(g.if, `${where}: the refusal is conditional`).toBeUndefined();
        const run = String(g.run);
        const list = /^\s*for want in ([^;\n]+); do$/m.exec(run);
        expect(list, `${where}: the refusal names no paths`).not.toBeNull();
        expect(list![1]!.split(/\s+/), where).toEqual(expect.arrayContaining([...writes]));
        // Each component on the way is tested as a link (not followed), refused with a named error.
        expect(run).toMatch(/at=\$\{at:\+\$at\/\}\$part\n\s*if \[\[ -L \$at \]\]; then/);
        expect(run).toMatch(/::error title=ml-image::\$at is a symbolic link/);
        // Links inside the result directory too (digests/, attest/ are written and cleaned there),
        // counted rather than named: a file name could hold a workflow command.
        if (writes.has('"$RESULT_DIR"'))
          expect(run).toMatch(
            /n=\$\(find "\$RESULT_DIR" -type l \| wc -l\)[\s\S]*find "\$RESULT_DIR" -type l -delete/,
          );
        expect(run.trimEnd()).toMatch(/exit "\$bad"$/);
      }
    }
    expect(guarded).toEqual(
      ['plan', 'build', 'build-fork', 'merge', 'smoke-cpu', 'smoke-gpu', 'report'].map((id) => `${ML}:${id}`),
    );
  });

  it('takes the documented inputs with their defaults', () => {
    expect(JSON.parse(String(inputs.runners!.default))).toEqual(GITHUB_HOSTED);
    // Forks and Dependabot build on GitHub's runners unless the caller says otherwise.
    expect(inputs['fork-runners']).toMatchObject({ type: 'string' });
    expect(JSON.parse(String(inputs['fork-runners']!.default))).toEqual(GITHUB_HOSTED);
    expect(JSON.parse(String(inputs['gpu-runner-labels']!.default))).toEqual([
      'self-hosted',
      'linux',
      'x64',
      'gpu',
    ]);
    expect(inputs['gpu-smoke']).toMatchObject({ type: 'boolean', default: true });
    expect(inputs['fork-gpu-label']!.default).toBe('safe-to-test-gpu');
    expect(inputs['gpu-environment']!.default).toBe('');
    expect(inputs.config!.default).toBe('ml-image.yml');
    expect(Object.keys(on.workflow_call.secrets).sort()).toEqual([
      'actions-token',
      'cosign-key',
      'cosign-password',
      'registry-password',
      'registry-username',
    ]);
    for (const s of Object.values(on.workflow_call.secrets)) expect(s).toMatchObject({ required: false });
  });

  it('runs plan -> build -> merge -> smoke (CPU, GPU) -> attest -> report', () => {
    const needs = Object.fromEntries(Object.entries(ml.jobs).map(([id, j]) => [id, [j.needs ?? []].flat()]));
    expect(needs).toEqual({
      plan: [],
      build: ['plan'],
      // A fork's run builds here instead (read-only): merge needs the pushing build alone.
      'build-fork': ['plan'],
      merge: ['plan', 'build'],
      'smoke-cpu': ['plan', 'merge'],
      'gpu-consent': ['plan'],
      // build-fork only orders it (a fork's GPU job after its CPU builds); its if: reads no result of it.
      'smoke-gpu': ['plan', 'merge', 'gpu-consent', 'build-fork'],
      attest: ['plan', 'merge', 'smoke-cpu', 'smoke-gpu'],
      report: ['plan', 'build', 'build-fork', 'merge', 'smoke-cpu', 'smoke-gpu', 'attest'],
      conclusion: [
        'plan',
        'build',
        'build-fork',
        'merge',
        'smoke-cpu',
        'gpu-consent',
        'smoke-gpu',
        'attest',
        'report',
      ],
    });
  });

  // The check a branch protection rule requires: GitHub counts a skipped required check as
  // passed, so it must run in every run, after every job, and fail on any failed one (its step
  // runs in workflow-conclusion.test.ts).
  it('ends with a conclusion job that always runs, after every other job, and asks for nothing', async () => {
    const c = job(ML, 'conclusion');
    expect(c.if).toBe('${{ always() }}');
    expect([c.needs].flat().sort()).toEqual(
      Object.keys(ml.jobs)
        .filter((id) => id !== 'conclusion')
        .sort(),
    );
    expect(c.permissions).toEqual({});
    expect(c.steps?.some((st) => st.uses !== undefined)).toBe(false);
    // Every result it reads is one of its needs, under the name its step loops over.
    const env = c.steps?.[0]?.env ?? {};
    for (const id of [c.needs].flat()) {
      const name = String(id).replaceAll('-', '_').toUpperCase();
      expect(env[name], id).toBe(`\${{ needs.${id}.result }}`);
      expect(c.steps?.[0]?.run, id).toContain(` ${id}`);
    }
  });

  it.each<[string, number]>([
    ['true', 270],
    ['false', 90],
  ])(
    "smoke-gpu's time limit when the plan's fork is %s: %i minutes (a fork's GPU job builds first)",
    async (fork, minutes) => {
      const limit = await evaluate(String(job(ML, 'smoke-gpu')['timeout-minutes']), {
        needs: { plan: { result: 'success', outputs: { fork } } },
      });
      expect(Number(limit)).toBe(minutes);
      expect(Number(limit)).toBeGreaterThanOrEqual(
        fork === 'true' ? Number(job(ML, 'build')['timeout-minutes']) + 90 : 90,
      );
    },
  );

  it('builds the plan matrix on the mapped runners, by digest, without merging', () => {
    const build = job(ML, 'build');
    expect(build.strategy).toMatchObject({
      'fail-fast': false,
      matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}',
    });
    expect(build['runs-on']).toBe(RUNS_ON);
    // The root action: a fork's build job also runs the smoke stage, which build/ declares nothing of.
    const step = only(ownAction(build), 'build step');
    expect(step.with).toMatchObject({ merge: false, variants: '${{ matrix.variant }}', gpus: 'none' });
    expect(stepUsing(build, 'actions/upload-artifact@').map((s) => s.with?.name)).toContain(
      '${{ inputs.artifact-prefix }}-digests-${{ matrix.variant }}-${{ matrix.arch }}',
    );
  });

  it('merges the downloaded digests and hands build.json on', () => {
    const merge = job(ML, 'merge');
    const dl = only(stepUsing(merge, 'actions/download-artifact@'), 'digests download');
    const step = only(ownAction(merge, 'build'), 'merge step');
    expect(step.with?.['merge-from']).toBe(dl.with?.path);
    expect(stepUsing(merge, 'actions/upload-artifact@')[0]?.with?.name).toBe(
      '${{ inputs.artifact-prefix }}-build',
    );
  });

  it('smokes every target on CPU and CUDA variants on the GPU runner', () => {
    const cpu = job(ML, 'smoke-cpu');
    expect(cpu['runs-on']).toBe(RUNS_ON);
    expect(only(ownAction(cpu, 'smoke'), 'cpu smoke').with?.gpus).toBe('none');
    const gpu = job(ML, 'smoke-gpu');
    expect(gpu['runs-on']).toBe('${{ fromJSON(inputs.gpu-runner-labels) }}');
    expect(gpu.strategy).toMatchObject({ matrix: '${{ fromJSON(needs.plan.outputs.gpu-matrix) }}' });
    const gpuSteps = [...ownAction(gpu, 'smoke'), ...ownAction(gpu)];
    expect(gpuSteps).toHaveLength(2);
    for (const s of gpuSteps) expect(s.with?.gpus).toBe('all');
    // The GPU runner is self-hosted: whether its post step removes the images is the caller's.
    for (const s of gpuSteps) expect(s.with?.['keep-images']).toBe('${{ inputs.gpu-keep-images }}');
    expect(inputs['gpu-keep-images']).toMatchObject({ type: 'boolean', default: true });
  });

  it('reports with comment-mode auto (artifact for a fork or Dependabot) and uploads the fork comment payload', async () => {
    const report = job(ML, 'report');
    const mode = only(ownAction(report, 'report'), 'report').with?.['comment-mode'];
    const modeFor = async (s: Scenario) => evaluate(String(mode), await mlContexts(s));
    expect([await modeFor({ event: 'push' }), await modeFor({ event: 'pr' })]).toEqual(['auto', 'auto']);
    expect([await modeFor({ event: 'fork-pr' }), await modeFor({ event: 'dependabot-pr' })]).toEqual([
      'artifact',
      'artifact',
    ]);
    const upload = stepUsing(report, 'actions/upload-artifact@').find(
      (s) => s.with?.name === '${{ inputs.artifact-prefix }}-comment',
    );
    expect(upload?.with?.path).toBe('${{ env.RESULT_DIR }}/comment/');
    expect(report.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('names every artifact after artifact-prefix, and every upload overwrites (Re-run failed jobs uploads again)', () => {
    expect(inputs['artifact-prefix']).toMatchObject({ type: 'string', default: 'ml-image' });
    const steps = Object.values(ml.jobs).flatMap((j) => [
      ...stepUsing(j, 'actions/upload-artifact@'),
      ...stepUsing(j, 'actions/download-artifact@'),
    ]);
    const names = steps.map((st) => String(st.with?.name ?? st.with?.pattern));
    expect(names.length).toBeGreaterThanOrEqual(18);
    for (const n of names) expect(n.startsWith('${{ inputs.artifact-prefix }}-'), n).toBe(true);
    const uploads = Object.values(ml.jobs).flatMap((j) => stepUsing(j, 'actions/upload-artifact@'));
    // All but the plan job's claim of the prefix: a second call with the same prefix must fail
    // there (409), not overwrite the first call's artifacts.
    const claim = only(
      uploads.filter((u) => String(u.with?.name).endsWith('-call')),
      'the claim of the prefix',
    );
    expect(stepUsing(job(ML, 'plan'), 'actions/upload-artifact@')).toEqual([claim]);
    expect(claim.with?.overwrite).toBeUndefined();
    for (const u of uploads.filter((x) => x !== claim))
      expect(u.with?.overwrite, String(u.with?.name)).toBe(true);
  });

  it("the prefix's claim survives re-runs: the run's name, not the attempt's; a re-run goes on only with its own claim", async () => {
    const steps = job(ML, 'plan').steps ?? [];
    const at = steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const [write, claim, read, check] = [steps[at - 1]!, steps[at]!, steps[at + 1]!, steps[at + 2]!];
    // An artifact's name is the run's: "Re-run failed jobs" of a second call that stopped here must
    // not find PREFIX-call-2 free (attempt 1's PREFIX-call-1 is the first call's).
    expect(claim.with?.name).toBe('${{ inputs.artifact-prefix }}-call');
    expect(String(claim.with?.name)).not.toContain('run_attempt');
    // What only this call has and a re-run keeps: its inputs (their hash), through env.
    expect(write.env?.CALL_INPUTS).toBe('${{ toJSON(inputs) }}');
    expect(String(write.run)).toMatch(/sha256sum.*>"\$RUNNER_TEMP\/ml-image-call\/claim\.txt"/);
    expect(claim.with?.path).toBe('${{ runner.temp }}/ml-image-call/claim.txt');
    expect(claim.with?.['retention-days']).toBe(30);
    // Attempt 1: a 409 stops the call; later attempts read the held claim and compare.
    const coe = String((claim as { 'continue-on-error'?: unknown })['continue-on-error']);
    expect(await evaluate(coe, { github: { run_attempt: '1' } })).toBe(false);
    expect(await evaluate(coe, { github: { run_attempt: '2' } })).toBe(true);
    expect(claim.id).toBe('claim');
    for (const s of [read, check]) expect(s.if).toBe("steps.claim.outcome == 'failure'");
    expect(read.uses).toMatch(/^actions\/download-artifact@/);
    expect(read.with).toEqual({
      name: '${{ inputs.artifact-prefix }}-call',
      path: '${{ runner.temp }}/ml-image-call-held',
    });
    expect(String(check.run)).toContain(
      'cmp -s "$RUNNER_TEMP/ml-image-call/claim.txt" "$RUNNER_TEMP/ml-image-call-held/claim.txt"',
    );
    expect(String(check.run)).toMatch(/exit 1/);
  });

  it('reports the whole matrix in one job: the results of every variant downloaded into one result-dir', () => {
    const report = job(ML, 'report');
    // One job, not a matrix: one report, one comment for the run.
    expect(report.strategy).toBeUndefined();
    const downloads = stepUsing(report, 'actions/download-artifact@');
    for (const d of downloads)
      expect(d.with, String(d.with?.pattern)).toMatchObject({
        'merge-multiple': true,
        path: '${{ env.RESULT_DIR }}',
      });
    const patterns = downloads.map((d) => String(d.with?.pattern));
    const matches = (name: string) =>
      patterns.some((p) =>
        new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(name),
      );
    // What each matrix job uploads for the report (per variant and arch) reaches it.
    const uploads = Object.entries(ml.jobs)
      .filter(([id]) => id !== 'report')
      .flatMap(([, j]) => stepUsing(j, 'actions/upload-artifact@'))
      .map((s) => String(s.with?.name))
      .filter((n) => /^\$\{\{ inputs\.artifact-prefix \}\}-(smoke-(cpu|gpu)|resolution)-/.test(n));
    expect(uploads.length).toBeGreaterThanOrEqual(4);
    for (const name of uploads) {
      expect(name).toContain('${{ matrix.variant }}');
      expect(matches(name.replace(/\$\{\{ matrix\.(variant|arch) \}\}/g, 'x')), name).toBe(true);
    }
    // GPU results after CPU ones: a GPU record wins for the same target.
    expect(patterns.indexOf('${{ inputs.artifact-prefix }}-smoke-gpu-*')).toBeGreaterThan(
      patterns.indexOf('${{ inputs.artifact-prefix }}-smoke-cpu-*'),
    );
  });

  it('keeps one run per pull request', () => {
    expect(ml.concurrency).toMatchObject({
      group: expect.stringContaining('github.event.pull_request.number'),
      'cancel-in-progress': "${{ github.event_name == 'pull_request' }}",
    });
  });

  // A caller that calls the workflow once per config must not cancel its own other call.
  it.each<[string, Scenario, string, Scenario, string, boolean]>([
    [
      'two configs, one pull request',
      { event: 'pr' },
      'a/ml-image.yml',
      { event: 'pr' },
      'b/ml-image.yml',
      false,
    ],
    [
      'two configs, one push',
      { event: 'push' },
      'a/ml-image.yml',
      { event: 'push' },
      'b/ml-image.yml',
      false,
    ],
    [
      'one config, two pushes to a pull request',
      { event: 'pr' },
      'ml-image.yml',
      { event: 'pr' },
      'ml-image.yml',
      true,
    ],
    [
      'one config, a pull request and a push',
      { event: 'pr' },
      'ml-image.yml',
      { event: 'push' },
      'ml-image.yml',
      false,
    ],
  ])('concurrency: %s share a group: %s', async (_, s1, c1, s2, c2, same) => {
    const group = (s: Scenario, config: string) =>
      evaluate(String((ml.concurrency as { group: string }).group), {
        github: githubContext(s),
        inputs: { config },
      });
    const [g1, g2] = [await group(s1, c1), await group(s2, c2)];
    expect(g1).toContain(c1);
    expect(g1 === g2).toBe(same);
  });

  // Two calls in one run must each have their own artifact-prefix (the plan's claim stops the
  // second otherwise), but may share a config (one image pushed to two registries): on a pull
  // request, a group shared by both calls would cancel one of them in the very run.
  it.each<[string, string, string, boolean]>([
    ['one config, two calls (two artifact-prefixes) in one pull-request run', 'ghcr', 'ecr', false],
    ['one config, one artifact-prefix, two pushes to a pull request', 'ml-image', 'ml-image', true],
  ])('concurrency: %s share a group: %s', async (_, p1, p2, same) => {
    const group = (prefix: string) =>
      evaluate(String((ml.concurrency as { group: string }).group), {
        github: githubContext({ event: 'pr' }),
        inputs: { config: 'ml-image.yml', 'artifact-prefix': prefix },
      });
    const [g1, g2] = [await group(p1), await group(p2)];
    expect(g1 === g2).toBe(same);
  });

  it('checks both runner maps in the plan, before any job runs on them', () => {
    const targets = only(
      (job(ML, 'plan').steps ?? []).filter((st) => st.id === 'targets'),
      'targets step',
    );
    expect(targets.env).toMatchObject({
      RUNNERS: '${{ inputs.runners }}',
      FORK_RUNNERS: '${{ inputs.fork-runners }}',
    });
    for (const [name, variable] of [
      ['runners', 'RUNNERS'],
      ['fork-runners', 'FORK_RUNNERS'],
    ])
      expect(targets.run).toContain(`check_runners ${name} "$${variable}"`);
    // Unconditionally: a fork-runners map that misses a platform fails on a push already.
    expect(targets.run).not.toMatch(/if .*\n\s*check_runners/);
    // The `fork` output the runs-on expressions read is the workflow's ML_IMAGE_FORK.
    expect(job(ML, 'plan').outputs?.fork).toBe('${{ env.ML_IMAGE_FORK }}');
    expect(job(ML, 'plan')['runs-on']).toBe(CONTROL_RUNS_ON);
  });

  // merge and attest push: on a literal GitHub-hosted label they could never use the credentials a
  // caller's own runner holds for a registry other than ghcr.io, and an organization without
  // GitHub-hosted runners could not start them (nor plan, report or gpu-consent) at all.
  it('runs every job on a runner the caller chooses: the control jobs on control-runner', () => {
    expect(inputs['control-runner']).toMatchObject({ type: 'string', default: 'ubuntu-latest' });
    expect(String(inputs['control-runner']!.description)).toMatch(/merge[^]*attest[^]*credentials/);
    const runsOn = Object.fromEntries(Object.entries(ml.jobs).map(([id, j]) => [id, j['runs-on']]));
    expect(runsOn).toEqual({
      ...Object.fromEntries(CONTROL_JOBS.map((id) => [id, CONTROL_RUNS_ON])),
      build: RUNS_ON,
      // Untrusted code only: never the caller's runners.
      'build-fork': '${{ fromJSON(inputs.fork-runners)[matrix.platform] }}',
      'smoke-cpu': RUNS_ON,
      'smoke-gpu': '${{ fromJSON(inputs.gpu-runner-labels) }}',
    });
  });

  it.each<[string, unknown]>([
    ['ubuntu-latest', 'ubuntu-latest'], // the default
    ['', 'ubuntu-latest'], // `${{ vars.CONTROL_RUNNER }}` unset: the default, not `runs-on: ""`
    ['ci-runner', 'ci-runner'],
    ['"ci-runner"', 'ci-runner'],
    ['["self-hosted", "linux", "x64"]', ['self-hosted', 'linux', 'x64']],
    ['{"group": "control"}', { group: 'control' }],
    ['{"group": "control", "labels": ["linux"]}', { group: 'control', labels: ['linux'] }],
  ])('control-runner %j: the control jobs run on %j', async (value, expected) => {
    const ctx = await mlContexts({ event: 'push' }, { inputs: { 'control-runner': value } });
    // Through toJSON: the evaluator hands back a list or an object as its own data type.
    const asJson = (runsOn: string) => `\${{ toJSON(${/^\$\{\{([^]*)\}\}$/.exec(runsOn)![1]}) }}`;
    for (const id of CONTROL_JOBS)
      expect(JSON.parse(String(await evaluate(asJson(String(job(ML, id)['runs-on'])), ctx))), id).toEqual(
        expected,
      );
  });

  // The poster and the verify job: an organization without GitHub-hosted runners, or a registry
  // only its own network reaches, could not run them on a literal ubuntu-latest.
  it.each<[string, string, string, unknown]>(
    [POSTER, VERIFY].flatMap((rel) => {
      const id = rel === POSTER ? 'post' : 'verify';
      return [
        [rel, id, 'ubuntu-latest', 'ubuntu-latest'],
        [rel, id, '', 'ubuntu-latest'],
        [rel, id, 'deploy-runner', 'deploy-runner'],
        [rel, id, '["self-hosted", "linux"]', ['self-hosted', 'linux']],
        [rel, id, '{"group": "deploy"}', { group: 'deploy' }],
      ] as [string, string, string, unknown][];
    }),
  )('%s, job %s: runner %j runs it on %j', async (rel, id, value, expected) => {
    const input = (file(rel).wf.on as { workflow_call: { inputs: Record<string, unknown> } }).workflow_call
      .inputs.runner;
    expect(input).toMatchObject({ type: 'string', default: 'ubuntu-latest' });
    const runsOn = String(job(rel, id)['runs-on']);
    const asJson = `\${{ toJSON(${/^\$\{\{([^]*)\}\}$/.exec(runsOn)![1]}) }}`;
    const got = await evaluate(asJson, { inputs: { runner: value } });
    expect(JSON.parse(String(got))).toEqual(expected);
  });

  it("tells a caller pushing to another registry without its secrets what that needs (the plan's notice)", () => {
    const targets = only(
      (job(ML, 'plan').steps ?? []).filter((st) => st.id === 'targets'),
      'targets step',
    );
    expect(targets.env?.CONTROL_RUNNER).toBe('${{ inputs.control-runner }}');
    const run = String(targets.run);
    const notice = /^\s*echo "::\$level title=ml-image::registry \$registry is not ghcr\.io(.*)"$/m.exec(run);
    expect(notice, 'the notice').not.toBeNull();
    expect(notice![1]).toMatch(
      /either the registry-username and registry-password secrets, or runners that hold its credentials[^]*runners \(build, CPU smoke\), control-runner \(merge and attest push[^]*the GPU runner/,
    );
    // A warning while control-runner is GitHub-hosted: merge cannot push from there.
    expect(run).toMatch(
      /level=notice\n\s*\[\[ -z \$CONTROL_RUNNER \|\| \$CONTROL_RUNNER =~ \^\\"\?ubuntu- \]\] && level=warning/,
    );
    const secret = String(
      (on.workflow_call.secrets['registry-password'] as { description: string }).description,
    );
    expect(secret).toMatch(/control-runner[^]*holds none/);
    expect(secret).not.toMatch(/runners' own Docker credentials/);
  });

  // Every job that runs on the caller's runner map switches to fork-runners for untrusted code.
  it.each(Object.entries(ml.jobs).filter(([, j]) => String(j['runs-on']).includes('inputs.runners')))(
    "job %s runs on the caller's runners only through the fork switch",
    (_, j) => {
      expect(j['runs-on']).toBe(RUNS_ON);
    },
  );

  it('asks for no more than each job needs', () => {
    expect(ml.permissions).toEqual({ contents: 'read' });
    const perms = Object.fromEntries(Object.entries(ml.jobs).map(([id, j]) => [id, j.permissions]));
    expect(perms).toEqual({
      plan: { contents: 'read' },
      build: { contents: 'read', packages: 'write' },
      // A fork's, Dependabot's or untrusted-authors' build pushes nothing and logs in nowhere.
      'build-fork': { contents: 'read' },
      merge: { contents: 'read', packages: 'write' },
      'smoke-cpu': { contents: 'read', packages: 'read' },
      // Asks for nothing (the callers grant no `actions`); a public repository's environment is
      // readable with any token.
      'gpu-consent': {},
      'smoke-gpu': { contents: 'read', packages: 'read' },
      // Only the attest job signs (OIDC); it runs no pull-request code.
      attest: { contents: 'read', packages: 'write', 'id-token': 'write' },
      report: { contents: 'read', 'pull-requests': 'write' },
      conclusion: {},
    });
  });
});

describe('ml-image-comment.yml (the poster)', () => {
  const post = job(POSTER, 'post');

  it('may only write pull-request comments and read artifacts', () => {
    expect(file(POSTER).wf.permissions).toEqual({});
    expect(post.permissions).toEqual({ 'pull-requests': 'write', actions: 'read' });
  });

  it("downloads the triggering run's artifact and runs no code from it", () => {
    const dl = only(stepUsing(post, 'actions/download-artifact@'), 'download');
    expect(dl.with).toMatchObject({
      'run-id': '${{ github.event.workflow_run.id }}',
      // Named after the artifact: the poster's comment key takes the folder's name (two poster
      // jobs, two artifacts: two comments).
      path: '${{ runner.temp }}/ml-image-comment-in/${{ inputs.artifact-name }}',
    });
    // The one checkout is this action's code at the workflow's commit, never the pull request's.
    expect(only(stepUsing(post, 'actions/checkout@'), 'checkout').with?.path).toBe(OWN_CHECKOUT);
    expectOwnCheckout(post);
    const report = only(ownAction(post, 'report'), 'report');
    expect(report.with?.['from-artifact']).toBe(dl.with?.path);
    // The caller can key the comment (e.g. on the image repository, as earlier versions did).
    expect(report.with?.['marker-key']).toBe('${{ inputs.marker-key }}');
    const inputs = (file(POSTER).wf.on as { workflow_call: { inputs: Record<string, unknown> } })
      .workflow_call.inputs;
    expect(inputs['marker-key']).toMatchObject({ type: 'string', default: '' });
    // The one script only looks whether a payload is there; it reads nothing inside it.
    const scripts = (post.steps ?? []).flatMap((x) => x.run ?? []);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/found=true/);
    expect(scripts[0]).not.toMatch(/\$DIR\/|\b(cat|source|eval|node|python|bash)\b/);
  });
});

describe('caller templates', () => {
  it.each([...CALLERS, 'workflows/fork-comment.yml', GATE])(
    '%s starts with copy-ready instructions',
    (rel) => {
      const head = file(rel).text.split('\n');
      const comment = head.slice(
        0,
        head.findIndex((l) => !l.startsWith('#')),
      );
      expect(comment.length).toBeGreaterThanOrEqual(8);
      const text = comment.join('\n');
      expect(text).toMatch(/Copy to \.github\/workflows\//);
      expect(text).toMatch(/Edit:/);
      expect(text).toMatch(/release commit SHA/);
    },
  );

  const templates = () => FILES.filter((x) => x.rel.startsWith('workflows/'));

  it('every upload in a template overwrites: "Re-run failed jobs" uploads again under the run\'s artifact name', () => {
    const uploads = templates().flatMap((f) =>
      Object.values(f.wf.jobs).flatMap((j) =>
        stepUsing(j, 'actions/upload-artifact@').map((u) => ({ at: `${f.rel}: ${String(u.with?.name)}`, u })),
      ),
    );
    expect(uploads.length).toBeGreaterThanOrEqual(8);
    for (const { at, u } of uploads) expect(u.with?.overwrite, at).toBe(true);
  });

  it("a template's concurrency group is its own file's (github.workflow_ref): two copies never cancel each other", () => {
    const groups = templates().flatMap((f) => {
      const c = (f.wf as { concurrency?: { group?: string } }).concurrency;
      return c?.group === undefined ? [] : [[f.rel, c.group] as const];
    });
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const [rel, group] of groups) expect(group, rel).toContain('${{ github.workflow_ref }}');
  });

  it("every caller workflow's pull_request paths cover the requirements and their -c constraints files", () => {
    const filtered = FILES.filter((x) => x.rel.startsWith('workflows/')).flatMap((f) => {
      const on = (f.wf as { on?: { pull_request?: { paths?: string[] } } }).on;
      const paths = on?.pull_request?.paths;
      return paths ? [{ rel: f.rel, paths }] : [];
    });
    expect(filtered.length).toBeGreaterThan(0);
    for (const { rel, paths } of filtered)
      expect(paths, rel).toEqual(expect.arrayContaining(['requirements*.txt', 'constraints*.txt']));
  });

  it('every caller job that can sign keyless (id-token: write) and runs the action installs cosign before it', () => {
    const checked: string[] = [];
    for (const f of FILES.filter((x) => x.rel.startsWith('workflows/')))
      for (const [id, j] of Object.entries(f.wf.jobs)) {
        const perms = j.permissions as Record<string, string> | undefined;
        const steps = j.steps ?? [];
        const action = steps.findIndex((st) => /^ml-image-action\/ml-image-action@/.test(st.uses ?? ''));
        if (perms?.['id-token'] !== 'write' || action < 0) continue;
        const sign = String(steps[action]!.with?.sign ?? 'auto');
        if (sign === 'off') continue;
        checked.push(`${f.rel}:${id}`);
        const installer = steps.findIndex((st) =>
          /^sigstore\/cosign-installer@[0-9a-f]{40}$/.test(st.uses ?? ''),
        );
        expect(installer, `${f.rel} job ${id}`).toBeGreaterThanOrEqual(0);
        expect(installer, `${f.rel} job ${id}`).toBeLessThan(action);
      }
    expect(checked).toEqual(
      expect.arrayContaining([
        'workflows/registry-acr.yml:ml-image',
        'workflows/registry-ecr.yml:ml-image',
        'workflows/registry-gar.yml:ml-image',
      ]),
    );
  });

  // A called workflow's job may not ask for more than its caller grants: GitHub refuses the whole
  // run ("is requesting 'actions: read', but is only allowed 'actions: none'"), whatever the job's if.
  it.each(CALLERS.filter((rel) => JSON.stringify(file(rel).wf).includes('.github/workflows/ml-image.yml@')))(
    '%s grants every permission each job of ml-image.yml asks for',
    (rel) => {
      const level = (v: unknown) => ({ none: 0, read: 1, write: 2 })[String(v)] ?? 0;
      const caller = Object.values(file(rel).wf.jobs).find((j) =>
        String(j.uses ?? '').includes('.github/workflows/ml-image.yml@'),
      )!;
      const granted = (caller.permissions ?? file(rel).wf.permissions ?? {}) as Record<string, string>;
      for (const [id, j] of Object.entries(file(ML).wf.jobs))
        for (const [scope, want] of Object.entries((j.permissions ?? {}) as Record<string, string>))
          expect(level(granted[scope]), `${ML} jobs.${id} asks for ${scope}: ${want}`).toBeGreaterThanOrEqual(
            level(want),
          );
    },
  );

  it.each(CALLERS)('%s is named ml-image, the name fork-comment.yml listens for', (rel) => {
    expect(file(rel).wf.name).toBe('ml-image');
    const listen = file('workflows/fork-comment.yml').wf.on as {
      workflow_run: { workflows: string[]; types: string[] };
    };
    expect(listen.workflow_run).toEqual({ workflows: ['ml-image'], types: ['completed'] });
  });

  it('fork-comment.yml calls the poster with only the two scopes it needs', () => {
    const comment = job('workflows/fork-comment.yml', 'comment');
    expect(comment.uses).toMatch(
      /^ml-image-action\/ml-image-action\/\.github\/workflows\/ml-image-comment\.yml@v0$/,
    );
    expect(comment.permissions).toEqual({ 'pull-requests': 'write', actions: 'read' });
  });

  it('build-single-job.yml runs the root action with smoke and report, and may comment', () => {
    const j = job('workflows/build-single-job.yml', 'ml-image');
    expect(j.permissions).toMatchObject({ 'pull-requests': 'write', packages: 'write' });
    const step = only(stepUsing(j, 'ml-image-action/ml-image-action@'), 'root action');
    expect(step.with).not.toHaveProperty('stages'); // the root action's default: every stage
    expect(stepUsing(j, 'docker/setup-qemu-action@')).toHaveLength(1);
  });

  it('native-matrix.yml keeps the default runner map and needs no GPU runner', () => {
    const j = job('workflows/native-matrix.yml', 'ml-image');
    const ml = file(ML).wf.on as { workflow_call: { inputs: Record<string, { default?: unknown }> } };
    expect(JSON.parse(String(j.with?.runners))).toEqual(
      JSON.parse(String(ml.workflow_call.inputs.runners!.default)),
    );
    expect(j.with?.['gpu-smoke']).toBe(false);
    // Shown, at its GitHub-hosted default, so that whoever maps `runners` to their own sees it.
    expect(JSON.parse(String(j.with?.['fork-runners']))).toEqual(GITHUB_HOSTED);
    expect(file('workflows/native-matrix.yml').text).toMatch(/fork-runners:.*Dependabot/s);
  });

  it('gpu-self-hosted.yml documents the GPU labels and the fork label, and starts on labeling', () => {
    const t = file('workflows/gpu-self-hosted.yml');
    const j = job(t.rel, 'ml-image');
    expect(JSON.parse(String(j.with?.['gpu-runner-labels']))).toContain('gpu');
    expect(j.with?.['fork-gpu-label']).toBe('safe-to-test-gpu');
    expect((t.wf.on as { pull_request: { types: string[] } }).pull_request.types).toContain('labeled');
    expect(t.text).toMatch(/gpu-environment/);
  });
});

// What a caller must know about the gates, in docs/workflows.md.
describe('docs/workflows.md', () => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/workflows.md'), 'utf8');

  it('has every input of ml-image.yml in its table', () => {
    const inputs = (file(ML).wf.on as { workflow_call: { inputs: Record<string, unknown> } }).workflow_call
      .inputs;
    for (const name of Object.keys(inputs)) expect(doc, name).toContain(`| \`${name}\` |`);
  });

  it("its table of ml-image.yml's inputs has no other row, and each default is as written there", () => {
    const inputs = (file(ML).wf.on as { workflow_call: { inputs: Record<string, { default?: unknown }> } })
      .workflow_call.inputs;
    const header = '| input | default | what it does |';
    const table = doc.slice(doc.indexOf(header));
    const rows = [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `([\w-]+)` \| (.*?) \|/gm)];
    expect(rows.map((m) => m[1]).sort()).toEqual(Object.keys(inputs).sort());
    for (const [, name, shown] of rows) {
      const d = inputs[name!]!.default;
      // An empty default is said in words (none, the config's ...); any other is the value itself.
      if (d !== undefined && d !== '') expect(shown, name).toBe(`\`${String(d)}\``);
    }
  });

  it.each<[string, RegExp]>([
    ['fork and Dependabot pull requests build on fork-runners', /`fork-runners`[^]*Dependabot/],
    [
      'Dependabot is told apart by the pull request author',
      /pull_request\.user\.login == 'dependabot\[bot\]'/,
    ],
    ['anyone with triage permission can apply a label', /\btriage\b[^]*prefer[^]*environment/],
    [
      'the labelled run builds the head commit at labeling time',
      /head commit at the moment the label is applied/,
    ],
    ['pull-request images are not signed', /\*\*not signed\*\*[^]*default branch/],
    [
      'a gated GPU job refuses a test merge that is not of the commit its name shows',
      /second parent is the\s+commit its name shows \("the approved commit is not what would run"\)/,
    ],
  ])('says: %s', (_, re) => {
    expect(doc).toMatch(re);
  });
});

describe('ci.yml', () => {
  const ci = file('.github/workflows/ci.yml');
  const run = (ci.wf.jobs.test?.steps ?? []).flatMap((s) => s.run ?? []);

  it('runs the phases of .ci/run in its order', () => {
    const dotCi = readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8');
    const phases = [...dotCi.matchAll(/^phase \S+ (.+)$/gm)].map((m) => m[1]!.replace(/^bash /, ''));
    expect(phases).toEqual(['scripts/test-env.sh', 'npm ci --no-audit --no-fund', 'npm test']);
    expect(run.map((r) => r.replace(/^sudo /, ''))).toEqual(phases);
    expect(run[0]).toBe('sudo scripts/test-env.sh'); // it installs packages and starts dockerd
  });

  it('tests on Node 20 and 24', () => {
    expect(ci.wf.jobs.test?.strategy).toMatchObject({ matrix: { node: ['20', '24'] } });
    expect(triggers(ci.wf).sort()).toEqual(['pull_request', 'push']);
  });
});

// --- fork gating, evaluated ----------------------------------------------------------------------

const REPO = 'acme/model';
/** The pull request's head commit in every pull-request scenario. */
const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
/** Pull-request scenarios: the head repository (null: the fork was deleted) and the author. */
const PULL_REQUESTS = {
  pr: { head: { full_name: REPO }, author: 'alice' },
  'fork-pr': { head: { full_name: 'mallory/model' }, author: 'mallory' },
  'gone-fork-pr': { head: null, author: 'mallory' },
  // A branch of this repository, but GitHub runs it as a fork's: read-only token, no secrets.
  'dependabot-pr': { head: { full_name: REPO }, author: 'dependabot[bot]' },
  // Another bot's branch of this repository: trusted unless the caller lists it in untrusted-authors.
  'renovate-pr': { head: { full_name: REPO }, author: 'renovate[bot]' },
} as const;
type PullRequestEvent = keyof typeof PULL_REQUESTS;
type Event = PullRequestEvent | 'push' | 'workflow_dispatch' | 'release' | 'schedule' | 'merge_group';
/** The runs ml-image.yml treats as untrusted (ML_IMAGE_FORK): a fork's or Dependabot's pull request. */
const UNTRUSTED: Event[] = ['fork-pr', 'gone-fork-pr', 'dependabot-pr'];
interface Scenario {
  event: Event;
  action?: string;
  label?: string;
  labels?: string[];
  /** github.actor: whoever pushed last (default, the pull request's author). */
  actor?: string;
  /** github.ref of a run that is no pull request (default: the event's usual ref). */
  ref?: string;
  /** A pull request's head branch (github.head_ref; default: feature/x). */
  headRef?: string;
  /** github.event.sender of a labeled event (default: a maintainer, a person). */
  sender?: { login: string; type: string };
}

/** The ref each event runs on by default: a release's tag, the merge queue's branch, else main. */
const EVENT_REFS: Partial<Record<Event, string>> = {
  release: 'refs/tags/v1.2.0',
  merge_group: 'refs/heads/gh-readonly-queue/main/pr-7-0123456789abcdef0123456789abcdef01234567',
};

function githubContext(s: Scenario) {
  const common = { repository: REPO, workflow: 'ml-image' };
  if (!(s.event in PULL_REQUESTS))
    return {
      ...common,
      event_name: s.event,
      ref: s.ref ?? EVENT_REFS[s.event] ?? 'refs/heads/main',
      actor: s.actor ?? 'alice',
      // A schedule's payload names no repository (it runs on the default branch).
      event: s.event === 'schedule' ? {} : { repository: { default_branch: 'main' } },
    };
  const pr = PULL_REQUESTS[s.event as PullRequestEvent];
  return {
    ...common,
    event_name: 'pull_request',
    ref: 'refs/pull/7/merge',
    head_ref: s.headRef ?? 'feature/x',
    actor: s.actor ?? pr.author,
    event: {
      action: s.action ?? 'synchronize',
      ...(s.label !== undefined && { label: { name: s.label } }),
      sender: s.sender ?? { login: s.label !== undefined ? 'maintainer' : pr.author, type: 'User' },
      pull_request: {
        number: 7,
        user: { login: pr.author },
        head: { repo: pr.head, sha: HEAD_SHA, ref: s.headRef ?? 'feature/x' },
        labels: (s.labels ?? []).map((name) => ({ name })),
      },
    },
  };
}

/** Contexts for a job of ml-image.yml: inputs at their defaults unless overridden. */
async function mlContexts(
  s: Scenario,
  over: {
    inputs?: Record<string, unknown>;
    needs?: Record<string, unknown>;
    secrets?: Record<string, string>;
  } = {},
) {
  const ml = file(ML).wf;
  const defaults = Object.fromEntries(
    Object.entries(
      (ml.on as { workflow_call: { inputs: Record<string, { default?: unknown }> } }).workflow_call.inputs,
    ).map(([k, v]) => [k, v.default ?? '']),
  );
  const github = githubContext(s);
  const inputs = { ...defaults, ...over.inputs };
  const env: Record<string, unknown> = {};
  // A secret the caller did not pass is empty in the secrets context.
  const secrets = { GITHUB_TOKEN: 'ghs_workflowtoken', ...over.secrets };
  for (const [k, v] of Object.entries(ml.env ?? {}))
    env[k] = String(await evaluate(String(v), { github, inputs, secrets }));
  // The plan's `fork` output, from its real expression (it carries ML_IMAGE_FORK to runs-on).
  const planFork = String(await evaluate(String(job(ML, 'plan').outputs?.fork), { github, inputs, env }));
  // A fork's run pushed nothing: so did one that untrusted-authors names.
  const fork = UNTRUSTED.includes(s.event) || planFork === 'true';
  const needs = {
    plan: { result: 'success', outputs: { 'has-gpu': 'true', fork: planFork, registry: 'ghcr.io' } },
    // One build job per kind of run: `build` (pushes) or `build-fork` (read-only, nothing pushed).
    build: { result: fork ? 'skipped' : 'success', outputs: {} },
    'build-fork': { result: fork ? 'success' : 'skipped', outputs: {} },
    merge: { result: fork ? 'skipped' : 'success', outputs: {} },
    'smoke-cpu': { result: fork ? 'skipped' : 'success', outputs: {} },
    'smoke-gpu': { result: 'success', outputs: {} },
    attest: { result: github.event_name === 'pull_request' ? 'skipped' : 'success', outputs: {} },
    'gpu-consent': { result: 'skipped', outputs: {} },
    report: { result: 'success', outputs: {} },
    ...over.needs,
  };
  const ctx = {
    github,
    inputs,
    env,
    needs,
    runner: { arch: 'X64', temp: '/tmp' },
    matrix: {},
    vars: {},
    secrets,
  };
  // gpu-consent ran (and passed: the environment requires a reviewer) when its `if:` holds.
  if (over.needs?.['gpu-consent'] === undefined) {
    const gate = job(ML, 'gpu-consent');
    const runs = await evaluate(String(gate.if), ctx, {
      condition: true,
      status: statusOf([needs.plan.result]),
    });
    (needs as Record<string, unknown>)['gpu-consent'] = { result: runs ? 'success' : 'skipped', outputs: {} };
  }
  return ctx;
}

async function jobRuns(id: string, ctx: Awaited<ReturnType<typeof mlContexts>>, cancelled = false) {
  const j = job(ML, id);
  const results = [j.needs ?? []]
    .flat()
    .map((n) => (ctx.needs as Record<string, { result: string }>)[n]!.result);
  // No `if:` at all means the implicit success().
  return evaluate(j.if ?? 'success()', ctx, { condition: true, status: statusOf(results, cancelled) });
}

/** ml-image.yml's build jobs: the plan's matrix, built with the root action (smoke-gpu has its own). */
const BUILD_JOBS = Object.entries(file(ML).wf.jobs)
  .filter(
    ([, j]) =>
      (j.strategy as { matrix?: unknown } | undefined)?.matrix ===
        '${{ fromJSON(needs.plan.outputs.matrix) }}' && ownAction(j).length > 0,
  )
  .map(([id]) => id);

/** The one build job that runs in CTX (exactly one does whenever the plan passed). */
async function runningBuild(ctx: Awaited<ReturnType<typeof mlContexts>>) {
  const running: string[] = [];
  for (const id of BUILD_JOBS) if (await jobRuns(id, ctx)) running.push(id);
  expect(running, 'the build jobs that run').toHaveLength(1);
  return running[0]!;
}

describe('fork gating (the real expressions, evaluated)', () => {
  it.each<[Scenario, string]>([
    [{ event: 'push' }, 'false'],
    [{ event: 'pr' }, 'false'],
    [{ event: 'fork-pr' }, 'true'],
    [{ event: 'gone-fork-pr' }, 'true'], // a deleted fork is still untrusted
    // Dependabot's runs get a read-only token and no secrets, as a fork's do.
    [{ event: 'dependabot-pr' }, 'true'],
    // The author decides, not whoever pushed last (a maintainer's fixup on Dependabot's branch).
    [{ event: 'dependabot-pr', actor: 'alice' }, 'true'],
    // A person's pull request from Dependabot's branch (whatever its separator): the update's code,
    // unreviewed, as a push to that branch is.
    [{ event: 'pr', headRef: 'dependabot/pip/numpy-2.1.0' }, 'true'],
    [{ event: 'pr', headRef: 'dependabot-pip-numpy-2.1.0' }, 'true'],
    [{ event: 'pr', headRef: 'feature/dependabot' }, 'false'],
    [{ event: 'workflow_dispatch' }, 'false'],
  ])('ML_IMAGE_FORK for %o is %s', async (s, expected) => {
    expect((await mlContexts(s)).env.ML_IMAGE_FORK).toBe(expected);
  });

  // untrusted-authors: another bot's same-repository pull request (Renovate's) is gated exactly as
  // Dependabot's when the caller lists its login, and as any same-repository one when not.
  describe('untrusted-authors', () => {
    const RENOVATE = { 'untrusted-authors': '["renovate[bot]"]' };
    it.each<[Record<string, string>, string]>([
      [{}, 'false'],
      [RENOVATE, 'true'],
      [{ 'untrusted-authors': '["some-app[bot]", "Renovate[bot]"]' }, 'true'], // logins match in any case
      [{ 'untrusted-authors': '["renovate"]' }, 'false'], // another login
      [{ 'untrusted-authors': '' }, 'false'],
    ])('ML_IMAGE_FORK of a renovate[bot] pull request with %o: %s', async (inputs, expected) => {
      const ctx = await mlContexts({ event: 'renovate-pr' }, { inputs });
      expect(ctx.env.ML_IMAGE_FORK).toBe(expected);
      expect(ctx.needs.plan.outputs.fork).toBe(expected);
    });

    // The action reads the same mark (FORK_MARK in src/util/pull-request-code.ts) from its process
    // environment, which a workflow-level env reaches in every step.
    it('is the workflow-level env the action reads as its fork mark', () => {
      expect(Object.keys(file(ML).wf.env ?? {})).toContain(FORK_MARK);
    });

    it('changes nothing for the other runs', async () => {
      for (const event of ['push', 'pr', 'fork-pr', 'dependabot-pr'] as const)
        expect((await mlContexts({ event }, { inputs: RENOVATE })).env.ML_IMAGE_FORK, event).toBe(
          String(UNTRUSTED.includes(event)),
        );
    });

    const LABELED = { action: 'labeled', label: 'safe-to-test-gpu', labels: ['safe-to-test-gpu'] };
    /** What every gate decides for a run: its jobs' `if:`s, smoke-gpu's environment, build's runner. */
    async function gates(s: Scenario, inputs: Record<string, string>) {
      const decided: Record<string, unknown> = {};
      for (const [name, extra, more] of [
        ['', {}, {}],
        ['labeled ', LABELED, {}],
        ['gpu-environment ', {}, { 'gpu-environment': 'gpu-review' }],
      ] as const) {
        const ctx = await mlContexts(
          { ...s, ...extra },
          {
            inputs: { runners: '{"linux/amd64":"own-builder","linux/arm64":"own-arm"}', ...inputs, ...more },
          },
        );
        for (const id of ['merge', 'smoke-cpu', 'gpu-consent', 'smoke-gpu', 'attest'])
          decided[`${name}${id}`] = await jobRuns(id, ctx);
        decided[`${name}environment`] = await evaluate(String(job(ML, 'smoke-gpu').environment), ctx);
        decided[`${name}runs-on`] = await evaluate(String(job(ML, await runningBuild(ctx))['runs-on']), {
          ...ctx,
          matrix: { platform: 'linux/amd64' },
        });
      }
      return decided;
    }

    it("listed, a renovate[bot] pull request passes every gate as Dependabot's does", async () => {
      const renovate = await gates({ event: 'renovate-pr' }, RENOVATE);
      expect(renovate).toEqual(await gates({ event: 'dependabot-pr' }, {}));
      // What Dependabot's gets (asserted one by one above): nothing merged, GitHub-hosted, GPU on consent.
      expect(renovate).toMatchObject({
        merge: false,
        'smoke-gpu': false,
        'labeled smoke-gpu': true,
        'gpu-environment environment': 'gpu-review',
        'runs-on': 'ubuntu-latest',
      });
    });

    // Every copy of the condition (merge's and smoke-gpu's `if:`, gpu-consent's, smoke-gpu's
    // environment, build's runner) takes a person's pull request from a Dependabot branch as a fork's.
    it("a person's pull request from a Dependabot branch passes every gate as a fork's", async () => {
      const sender = { login: 'bob', type: 'User' };
      const fromBranch = await gates({ event: 'pr', headRef: 'dependabot/pip/numpy-2.1.0', sender }, {});
      expect(fromBranch).toEqual(await gates({ event: 'fork-pr', sender }, {}));
      expect(fromBranch).toMatchObject({
        merge: false,
        'smoke-gpu': false,
        'labeled smoke-gpu': true,
        'gpu-environment gpu-consent': true,
        'gpu-environment environment': 'gpu-review',
        'runs-on': 'ubuntu-latest',
      });
    });

    it('not listed, it passes them as any same-repository pull request does', async () => {
      const renovate = await gates({ event: 'renovate-pr' }, {});
      expect(renovate).toEqual(await gates({ event: 'pr' }, {}));
      expect(renovate).toMatchObject({ merge: true, 'smoke-gpu': true, 'runs-on': 'own-builder' });
    });
  });

  // A run a bot started that is no pull request's: Dependabot's push to its dependabot/... branch
  // (a caller's on.push without a branch filter) ran the updated dependency's code as a trusted
  // run: the caller's runners, a push, the GPU runner (finding). Now a fork's run, and no GPU.
  describe("a bot's push", () => {
    const BRANCH = 'refs/heads/dependabot/pip/numpy-2.1.0';
    async function gatesOf(s: Scenario, inputs: Record<string, string> = {}) {
      const ctx = await mlContexts(s, {
        inputs: { runners: '{"linux/amd64":"own-builder","linux/arm64":"own-arm"}', ...inputs },
      });
      const decided: Record<string, unknown> = { fork: ctx.env.ML_IMAGE_FORK };
      for (const id of ['merge', 'smoke-gpu', 'attest']) decided[id] = await jobRuns(id, ctx);
      decided['runs-on'] = await evaluate(String(job(ML, await runningBuild(ctx))['runs-on']), {
        ...ctx,
        matrix: { platform: 'linux/amd64' },
      });
      decided['comment-mode'] = await evaluate(
        String((job(ML, 'report').steps ?? []).find((st) => st.id === 'report')!.with!['comment-mode']),
        ctx,
      );
      return decided;
    }
    const UNTRUSTED_RUN = {
      fork: 'true',
      merge: false,
      'smoke-gpu': false,
      attest: false,
      'runs-on': 'ubuntu-latest',
      'comment-mode': 'auto',
    };
    it.each<[string, Scenario, Record<string, string>]>([
      ["Dependabot's push to its branch", { event: 'push', actor: 'dependabot[bot]', ref: BRANCH }, {}],
      [
        'a branch Dependabot created',
        { event: 'create' as Event, actor: 'dependabot[bot]', ref: BRANCH },
        {},
      ],
      [
        "a listed bot's push",
        { event: 'push', actor: 'renovate[bot]', ref: 'refs/heads/renovate/numpy-2.x' },
        { 'untrusted-authors': '["renovate[bot]"]' },
      ],
      // Finding: a maintainer's fixup pushed to Dependabot's branch ran as trusted (github.actor).
      ["a person's push to Dependabot's branch", { event: 'push', actor: 'alice', ref: BRANCH }, {}],
      [
        "a person's push to Dependabot's branch with another separator",
        { event: 'push', actor: 'alice', ref: 'refs/heads/dependabot-pip-numpy-2.1.0' },
        {},
      ],
    ])("%s: handled as a fork's run", async (_n, s, inputs) => {
      expect(await gatesOf(s, inputs)).toEqual(UNTRUSTED_RUN);
    });

    it("a person's push, and an unlisted bot's, as before", async () => {
      const trusted = { fork: 'false', merge: true, 'smoke-gpu': true, 'runs-on': 'own-builder' };
      expect(await gatesOf({ event: 'push', actor: 'alice' })).toMatchObject(trusted);
      expect(
        await gatesOf({ event: 'push', actor: 'renovate[bot]', ref: 'refs/heads/renovate/x' }),
      ).toMatchObject(trusted);
    });
  });

  // The caller's runners (here self-hosted) never get a fork's or Dependabot's code.
  const SELF_HOSTED = { 'linux/amd64': 'builder-amd64', 'linux/arm64': 'builder-arm64' };
  const OWN_FORK_RUNNERS = { 'linux/amd64': 'fork-sandbox', 'linux/arm64': 'fork-sandbox-arm' };
  describe.each(['build', 'smoke-cpu'])('%s runs-on', (id) => {
    it.each<[Scenario, Record<string, unknown>, Record<string, unknown>, string]>([
      [{ event: 'push' }, {}, {}, 'builder-amd64'],
      [{ event: 'pr' }, {}, {}, 'builder-amd64'],
      [{ event: 'workflow_dispatch' }, {}, {}, 'builder-amd64'],
      [{ event: 'fork-pr' }, {}, {}, 'ubuntu-latest'],
      [{ event: 'gone-fork-pr' }, {}, {}, 'ubuntu-latest'],
      [{ event: 'dependabot-pr' }, {}, {}, 'ubuntu-latest'],
      [{ event: 'fork-pr' }, { 'fork-runners': JSON.stringify(OWN_FORK_RUNNERS) }, {}, 'fork-sandbox'],
      [{ event: 'push' }, { 'fork-runners': JSON.stringify(OWN_FORK_RUNNERS) }, {}, 'builder-amd64'],
      // No `fork` output from the plan: fail closed, onto fork-runners.
      [
        { event: 'push' },
        {},
        { plan: { result: 'success', outputs: { 'has-gpu': 'true' } } },
        'ubuntu-latest',
      ],
    ])('for %o with %o (needs %o): %s', async (s, inputs, needs, expected) => {
      const ctx = await mlContexts(s, { inputs: { runners: JSON.stringify(SELF_HOSTED), ...inputs }, needs });
      const runsOn = await evaluate(String(job(ML, id)['runs-on']), {
        ...ctx,
        matrix: { platform: 'linux/amd64', variant: 'cpu', arch: 'amd64' },
      });
      expect(runsOn).toBe(expected);
    });
  });

  const LABEL = 'safe-to-test-gpu';
  it.each<[string, Scenario, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ['a push, after the merge', { event: 'push' }, {}, {}, true],
    ['a same-repository PR, after the merge', { event: 'pr' }, {}, {}, true],
    ['a same-repository PR whose merge failed', { event: 'pr' }, {}, { merge: { result: 'failure' } }, false],
    ['a fork PR without the label', { event: 'fork-pr' }, {}, {}, false],
    [
      'a fork PR the maintainer just labeled',
      { event: 'fork-pr', action: 'labeled', label: LABEL, labels: [LABEL] },
      {},
      {},
      true,
    ],
    [
      'a fork PR pushed to after labeling (the label is still on it)',
      { event: 'fork-pr', action: 'synchronize', labels: [LABEL] },
      {},
      {},
      false,
    ],
    // Consent is someone else's: the author (triage permission on their own fork PR) or a bot
    // (Dependabot's or Renovate's labels settings) applying the label lets nothing onto the GPU.
    [
      'a fork PR its own author labeled',
      {
        event: 'fork-pr',
        action: 'labeled',
        label: LABEL,
        labels: [LABEL],
        sender: { login: 'mallory', type: 'User' },
      },
      {},
      {},
      false,
    ],
    [
      'a Dependabot PR labeled by Dependabot itself',
      {
        event: 'dependabot-pr',
        action: 'labeled',
        label: LABEL,
        labels: [LABEL],
        sender: { login: 'dependabot[bot]', type: 'Bot' },
      },
      {},
      {},
      false,
    ],
    [
      'a fork PR an App labeled',
      {
        event: 'fork-pr',
        action: 'labeled',
        label: LABEL,
        labels: [LABEL],
        sender: { login: 'triage-app[bot]', type: 'Bot' },
      },
      {},
      {},
      false,
    ],
    [
      'a fork PR labeled with another label',
      { event: 'fork-pr', action: 'labeled', label: 'docs', labels: [LABEL, 'docs'] },
      {},
      {},
      false,
    ],
    [
      'a fork PR labeled with a configured custom label',
      { event: 'fork-pr', action: 'labeled', label: 'gpu-ok', labels: ['gpu-ok'] },
      { 'fork-gpu-label': 'gpu-ok' },
      {},
      true,
    ],
    [
      'a fork PR with gpu-environment set',
      { event: 'fork-pr' },
      { 'gpu-environment': 'gpu-review' },
      {},
      true,
    ],
    [
      'a plan without CUDA variants',
      { event: 'push' },
      {},
      { plan: { result: 'success', outputs: { 'has-gpu': 'false' } } },
      false,
    ],
    ['gpu-smoke: false', { event: 'push' }, { 'gpu-smoke': false }, {}, false],
    // Dependabot's pull request is gated as a fork's, merge or not.
    ['a Dependabot PR without the label', { event: 'dependabot-pr' }, {}, {}, false],
    [
      'a Dependabot PR whose merge (wrongly) succeeded',
      { event: 'dependabot-pr' },
      {},
      { merge: { result: 'success', outputs: {} } },
      false,
    ],
    [
      'a Dependabot PR the maintainer just labeled',
      { event: 'dependabot-pr', action: 'labeled', label: LABEL, labels: [LABEL] },
      {},
      {},
      true,
    ],
    [
      'a Dependabot PR with gpu-environment set',
      { event: 'dependabot-pr' },
      { 'gpu-environment': 'gpu-review' },
      {},
      true,
    ],
    [
      'a failed plan',
      { event: 'push' },
      {},
      { plan: { result: 'failure', outputs: { 'has-gpu': 'true' } } },
      false,
    ],
    [
      'a fork PR with gpu-environment set, which requires no reviewer (gpu-consent failed)',
      { event: 'fork-pr' },
      { 'gpu-environment': 'gpu-review' },
      { 'gpu-consent': { result: 'failure', outputs: {} } },
      false,
    ],
    [
      'a fork PR just labeled, gpu-environment set but requiring no reviewer: the label is not enough',
      { event: 'fork-pr', action: 'labeled', label: LABEL, labels: [LABEL] },
      { 'gpu-environment': 'gpu-review' },
      { 'gpu-consent': { result: 'failure', outputs: {} } },
      false,
    ],
    [
      'a Dependabot PR with gpu-environment set, gpu-consent cancelled',
      { event: 'dependabot-pr' },
      { 'gpu-environment': 'gpu-review' },
      { 'gpu-consent': { result: 'cancelled', outputs: {} } },
      false,
    ],
    [
      'a push with gpu-environment set (gpu-consent skipped: the gate is for forks)',
      { event: 'push' },
      { 'gpu-environment': 'gpu-review' },
      {},
      true,
    ],
  ])('smoke-gpu for %s: %s', async (_, s, inputs, needs, expected) => {
    expect(await jobRuns('smoke-gpu', await mlContexts(s, { inputs, needs }))).toBe(expected);
  });

  it.each<[Scenario, string, boolean]>([
    [{ event: 'fork-pr' }, 'gpu-review', true],
    [{ event: 'dependabot-pr' }, 'gpu-review', true],
    [{ event: 'fork-pr', action: 'labeled', label: LABEL, labels: [LABEL] }, 'gpu-review', true],
    [{ event: 'fork-pr' }, '', false], // the label gates alone
    [{ event: 'pr' }, 'gpu-review', false], // same repository: no reviewer asked for
    [{ event: 'push' }, 'gpu-review', false],
  ])('gpu-consent for %o with gpu-environment %j: %s', async (s, environment, expected) => {
    const ctx = await mlContexts(s, { inputs: { 'gpu-environment': environment } });
    expect(await jobRuns('gpu-consent', ctx)).toBe(expected);
    expect(ctx.needs['gpu-consent' as keyof typeof ctx.needs].result).toBe(expected ? 'success' : 'skipped');
  });

  // Whoever lets a gated run onto the GPU (label or environment reviewer) sees which commit runs.
  it.each<[Scenario, string]>([
    [{ event: 'fork-pr', action: 'labeled', label: LABEL }, `smoke GPU (cu128, linux/amd64) @ ${HEAD_SHA}`],
    [{ event: 'gone-fork-pr' }, `smoke GPU (cu128, linux/amd64) @ ${HEAD_SHA}`],
    [{ event: 'dependabot-pr' }, `smoke GPU (cu128, linux/amd64) @ ${HEAD_SHA}`],
    // Runs without a gate keep a stable name (a required status check can name it).
    [{ event: 'pr' }, 'smoke GPU (cu128, linux/amd64)'],
    [{ event: 'push' }, 'smoke GPU (cu128, linux/amd64)'],
  ])('smoke-gpu name for %o: %s', async (s, expected) => {
    const ctx = await mlContexts(s);
    const name = await evaluate(String(job(ML, 'smoke-gpu').name), {
      ...ctx,
      matrix: { variant: 'cu128', platform: 'linux/amd64', arch: 'amd64' },
    });
    expect(name).toBe(expected);
  });

  // The name shows the pull request's head; the checkout is github.sha, GitHub's test merge, which
  // can lag behind a push (push M, force-push B back, approve B: the merge of M). Right after the
  // checkout, before any of the pull request's code runs on the GPU runner, a gated run stops
  // unless that merge's second parent is the commit the name shows.
  it.each<[Scenario, boolean]>([
    [{ event: 'fork-pr', action: 'labeled', label: LABEL }, true],
    [{ event: 'gone-fork-pr' }, true],
    [{ event: 'dependabot-pr', action: 'labeled', label: LABEL }, true],
    [{ event: 'pr' }, false], // same repository: pulls the pushed image by digest, builds nothing
    [{ event: 'push' }, false],
  ])('smoke-gpu for %o checks that the merge it builds is of the approved commit: %s', async (s, checks) => {
    const gpu = job(ML, 'smoke-gpu');
    const steps = gpu.steps ?? [];
    const checkout = steps.findIndex(
      (st) => st.uses?.startsWith('actions/checkout@') && st.with?.repository === undefined,
    );
    expect(checkout).toBe(0);
    // The checkout is github.sha, as in the build jobs (the same code the CPU smoke tested).
    expect(steps[checkout]!.with?.ref).toBeUndefined();
    const check = steps[checkout + 1]!;
    expect(check.name).toMatch(/^Check that the merge to build is of the approved commit/);
    const ctx = await mlContexts(s);
    expect(await evaluate(String(check.if), ctx, { condition: true })).toBe(checks);
    // The commit it wants is the one the job's name shows, through env: (never inlined in run:).
    expect(check.env).toEqual({ APPROVED_SHA: '${{ github.event.pull_request.head.sha }}' });
    const matrix = { variant: 'cu128', platform: 'linux/amd64', arch: 'amd64' };
    if (checks) {
      expect(await evaluate(String(check.env?.APPROVED_SHA), ctx)).toBe(HEAD_SHA);
      expect(await evaluate(String(gpu.name), { ...ctx, matrix })).toContain(`@ ${HEAD_SHA}`);
    }
    const run = String(check.run);
    expect(run).not.toContain('${{');
    // The raw commit object (a shallow checkout cuts the parents off for rev-parse), its header only.
    expect(run).toContain(`parents=$(git cat-file commit "$merge" | sed -n '1,/^$/s/^parent //p')`);
    expect(run).toContain('built=$(sed -n 2p <<<"$parents")');
    expect(run).toMatch(
      /if \[\[ \$\(wc -l <<<"\$parents"\) -ne 2 \|\| \$built != "\$APPROVED_SHA" \]\]; then\n\s*echo "::error title=ml-image GPU consent::the approved commit is not what would run: [^"]*: \$again"\n\s*exit 1/,
    );
    expect(run).toMatch(
      /^again="[^"]*approve it again: with the fork-gpu-label, remove and re-apply it \(a reopened pull request runs no GPU job on the label\); with gpu-environment, close and reopen the pull request and approve its run/m,
    );
    // No git repository to read: fails closed too.
    expect(run).toMatch(
      /if ! merge=\$\(git rev-parse --verify -q HEAD\); then\n\s*echo "::error [^"]*"\n\s*exit 1/,
    );
    // Every step that builds or runs the pull request's code comes after the check.
    const prCode = steps.findIndex((st) => st.uses === OWN || st.uses?.startsWith(`${OWN}/`));
    expect(prCode).toBeGreaterThan(checkout + 1);
  });

  it('smoke-gpu does not run in a cancelled workflow', async () => {
    expect(await jobRuns('smoke-gpu', await mlContexts({ event: 'push' }), true)).toBe(false);
  });

  it.each<[Scenario, string, string]>([
    [{ event: 'fork-pr' }, 'gpu-review', 'gpu-review'],
    [{ event: 'pr' }, 'gpu-review', ''], // same-repository runs wait for no reviewer
    [{ event: 'push' }, 'gpu-review', ''],
    [{ event: 'fork-pr' }, '', ''],
    [{ event: 'dependabot-pr' }, 'gpu-review', 'gpu-review'],
  ])('smoke-gpu environment for %o with gpu-environment %j: %j', async (s, environment, expected) => {
    const ctx = await mlContexts(s, { inputs: { 'gpu-environment': environment } });
    expect(await evaluate(String(job(ML, 'smoke-gpu').environment), ctx)).toBe(expected);
  });

  // permissions: takes no expression, so the job that builds an untrusted run's code is another
  // job than the one that pushes: only the trusted one can write packages (finding: one build job
  // kept packages: write for a fork's, Dependabot's or untrusted-authors' run, which pushes nothing).
  const OWN_RUNNERS = { runners: '{"linux/amd64":"own-builder","linux/arm64":"own-arm"}' };
  const DEPENDABOT_BRANCH = 'refs/heads/dependabot/pip/numpy-2.1.0';
  it.each<[string, Scenario, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ['a push', { event: 'push' }, {}, {}, true],
    ['a same-repository pull request', { event: 'pr' }, {}, {}, true],
    ['a dispatch', { event: 'workflow_dispatch' }, {}, {}, true],
    ['an unlisted bot', { event: 'renovate-pr' }, {}, {}, true],
    ["a fork's pull request", { event: 'fork-pr' }, {}, {}, false],
    ['a deleted fork', { event: 'gone-fork-pr' }, {}, {}, false],
    ["Dependabot's pull request", { event: 'dependabot-pr' }, {}, {}, false],
    [
      "Dependabot's push to its branch",
      { event: 'push', actor: 'dependabot[bot]', ref: DEPENDABOT_BRANCH },
      {},
      {},
      false,
    ],
    [
      "a person's push to Dependabot's branch",
      { event: 'push', actor: 'alice', ref: DEPENDABOT_BRANCH },
      {},
      {},
      false,
    ],
    ['a listed bot', { event: 'renovate-pr' }, { 'untrusted-authors': '["renovate[bot]"]' }, {}, false],
    // No `fork` output from the plan: fail closed, onto the read-only job.
    [
      'a plan without a fork output',
      { event: 'push' },
      {},
      { plan: { result: 'success', outputs: {} } },
      false,
    ],
  ])(
    '%s: the build job that runs may write packages only when it pushes (%s)',
    async (_, s, inputs, needs, trusted) => {
      const ctx = await mlContexts(s, { inputs: { ...OWN_RUNNERS, ...inputs }, needs });
      const id = await runningBuild(ctx);
      const j = job(ML, id);
      expect((j.permissions as Record<string, string>).packages).toBe(trusted ? 'write' : undefined);
      const matrix = { platform: 'linux/amd64', variant: 'cpu', arch: 'amd64' };
      expect(await evaluate(String(j['runs-on']), { ...ctx, matrix })).toBe(
        trusted ? 'own-builder' : 'ubuntu-latest',
      );
      const step = only(ownAction(j), 'build');
      expect(String(await evaluate(String(step.with?.push), ctx))).toBe(String(trusted));
      // A failed plan builds nothing.
      const failed = await mlContexts(s, { inputs, needs: { plan: { result: 'failure', outputs: {} } } });
      for (const b of BUILD_JOBS) expect(await jobRuns(b, failed), b).toBe(false);
    },
  );

  it.each<[Scenario, boolean]>([
    [{ event: 'push' }, true],
    [{ event: 'pr' }, true],
    [{ event: 'fork-pr' }, false],
    [{ event: 'dependabot-pr' }, false], // its read-only token pushed nothing
  ])('merge for %o: %s', async (s, expected) => {
    expect(await jobRuns('merge', await mlContexts(s))).toBe(expected);
  });

  // The build job of the other kind is skipped in every run: what needs the pushing build runs
  // only after it passed, and what needs both reads their results (report, conclusion, smoke-gpu).
  it.each<[string, Scenario, Record<string, unknown>, Record<string, boolean>]>([
    [
      'a push whose build failed',
      { event: 'push' },
      { build: { result: 'failure', outputs: {} }, merge: { result: 'skipped', outputs: {} } },
      { merge: false, report: true, conclusion: true, 'smoke-gpu': false },
    ],
    [
      "a fork's run whose build failed",
      { event: 'fork-pr', action: 'labeled', label: 'safe-to-test-gpu', labels: ['safe-to-test-gpu'] },
      { 'build-fork': { result: 'failure', outputs: {} } },
      // The GPU job builds by itself, as before (a CPU smoke failure fails the build-fork job).
      { merge: false, report: true, conclusion: true, 'smoke-gpu': true },
    ],
    [
      "a fork's run",
      { event: 'fork-pr' },
      {},
      { merge: false, 'smoke-cpu': false, report: true, conclusion: true },
    ],
    ['a push', { event: 'push' }, {}, { merge: true, 'smoke-cpu': true, report: true, conclusion: true }],
  ])('after %s, the jobs that need a build job', async (_, s, needs, expected) => {
    const ctx = await mlContexts(s, { needs });
    const got: Record<string, boolean> = {};
    for (const id of Object.keys(expected)) got[id] = Boolean(await jobRuns(id, ctx));
    expect(got).toEqual(expected);
  });

  it.each<[Scenario, boolean]>([
    [{ event: 'push' }, true],
    [{ event: 'pr' }, true],
    [{ event: 'fork-pr' }, false], // merge was skipped
    [{ event: 'dependabot-pr' }, false],
  ])('smoke-cpu for %o: %s', async (s, expected) => {
    expect(await jobRuns('smoke-cpu', await mlContexts(s))).toBe(expected);
  });

  // Only the default branch and tags sign: never a pull request's or another branch, which a gate
  // checking the signer (workflow and repository, not the branch) could not tell apart.
  it.each<[Scenario, Record<string, unknown>, boolean]>([
    [{ event: 'push' }, {}, true],
    [{ event: 'push', ref: 'refs/tags/v1.2.0' }, {}, true],
    [{ event: 'push', ref: 'refs/heads/feature/x' }, {}, false],
    [{ event: 'workflow_dispatch', ref: 'refs/heads/feature/x' }, {}, false],
    [{ event: 'push' }, { 'smoke-cpu': { result: 'failure', outputs: {} } }, true], // a failed test is evidence too
    [{ event: 'push' }, { merge: { result: 'failure', outputs: {} } }, false], // nothing was pushed
    [{ event: 'workflow_dispatch' }, {}, true],
    [{ event: 'release' }, {}, true],
    [{ event: 'schedule' }, {}, true],
    [{ event: 'merge_group' }, {}, false], // a queued pull request may still be dropped
    // A same-repository pull request's image is pushed and smoke-tested, but not signed.
    [{ event: 'pr' }, {}, false],
    [{ event: 'pr' }, { merge: { result: 'success', outputs: {} } }, false],
    [{ event: 'dependabot-pr' }, { merge: { result: 'success', outputs: {} } }, false],
    [{ event: 'fork-pr' }, {}, false], // a fork: nothing pushed, no OIDC
  ])('attest for %o with %o: %s', async (s, needs, expected) => {
    expect(await jobRuns('attest', await mlContexts(s, { needs }))).toBe(expected);
  });

  // The required check exists in every run that starts: after a failed plan (which skips the
  // rest, report included), a failed smoke job, a fork's skipped merge, and a cancel.
  it.each<[string, Scenario, Record<string, unknown>, boolean]>([
    ['a failed plan', { event: 'pr' }, { plan: { result: 'failure', outputs: {} } }, false],
    ['a failed smoke job', { event: 'push' }, { 'smoke-cpu': { result: 'failure', outputs: {} } }, false],
    ["a fork's run", { event: 'fork-pr' }, {}, false],
    ['a cancelled run', { event: 'push' }, {}, true],
  ])('the conclusion job runs after %s', async (_, s, needs, cancelled) => {
    expect(await jobRuns('conclusion', await mlContexts(s, { needs }), cancelled)).toBe(true);
  });

  // Skipping attest (every pull request) must not skip what comes after it.
  it.each(Object.entries(file(ML).wf.jobs).filter(([, j]) => [j.needs ?? []].flat().includes('attest')))(
    'job %s, which needs attest, still runs for a pull request',
    async (id) => {
      const ctx = await mlContexts({ event: 'pr' });
      expect(ctx.needs.attest.result).toBe('skipped');
      expect(await jobRuns(id, ctx)).toBe(true);
    },
  );

  it('a job holds a packages scope only when it logs in with it; the fork build job holds none', () => {
    const jobs = Object.entries(file(ML).wf.jobs);
    const withPackages = jobs.filter(([, j]) => JSON.stringify(j.permissions ?? {}).includes('packages'));
    for (const [id, j] of withPackages) {
      const logins = (j.steps ?? []).filter((st) => (st.uses ?? '').startsWith('docker/login-action@'));
      expect(logins.length, id).toBe(1);
    }
    expect(JSON.stringify(job(ML, 'build-fork').permissions)).toBe('{"contents":"read"}');
  });

  it('the attest job is the only one that can mint an OIDC token, and runs no pull-request code', () => {
    const withOidc = Object.entries(file(ML).wf.jobs).filter(([, j]) =>
      JSON.stringify(j.permissions ?? {}).includes('id-token'),
    );
    expect(withOidc.map(([id]) => id)).toEqual(['attest']);
    const steps = job(ML, 'attest').steps ?? [];
    // No run: step at all; only checkout, artifacts, cosign, login and the attest sub-action.
    expect(steps.filter((st) => st.run !== undefined)).toEqual([]);
    const uses = steps.map((st) => st.uses ?? '');
    expect(uses.filter((u) => u.startsWith(OWN))).toEqual([`${OWN}/actions/attest`]);
    expectOwnCheckout(job(ML, 'attest'));
    // Keyless, the certificate names this workflow's file: the verify commands it writes say so.
    const attest = only(ownAction(job(ML, 'attest'), 'attest'), 'attest');
    expect(attest.env?.ML_IMAGE_WORKFLOW_REPOSITORY).toBe('${{ job.workflow_repository }}');
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'the cosign-key secret given: the key signs (the job could mint an OIDC token)',
      { 'cosign-key': 'k' },
      'key',
    ],
    ['no cosign-key: attest.sign decides (keyless with the token)', {}, ''],
    ['an empty cosign-key', { 'cosign-key': '' }, ''],
  ])('the attest step signs with the key secret: %s', async (_, secrets, sign) => {
    const attest = only(ownAction(job(ML, 'attest'), 'attest'), 'attest');
    const ctx = await mlContexts({ event: 'push' }, { secrets });
    expect(await evaluate(String(attest.with?.sign), { ...ctx, secrets: { ...secrets } })).toBe(sign);
    expect(attest.env?.COSIGN_KEY).toBe('${{ secrets.cosign-key }}');
  });

  it.each<[string, Record<string, unknown>, boolean, boolean]>([
    ['everything passed', {}, false, true],
    ['a smoke job failed', { 'smoke-cpu': { result: 'failure', outputs: {} } }, false, true],
    ['the GPU job was skipped', { 'smoke-gpu': { result: 'skipped', outputs: {} } }, false, true],
    ['attest was skipped', { attest: { result: 'skipped', outputs: {} } }, false, true],
    ['the plan failed', { plan: { result: 'failure', outputs: {} } }, false, false],
    ['the run was cancelled', {}, true, false],
  ])('report when %s: %s', async (_, needs, cancelled, expected) => {
    expect(await jobRuns('report', await mlContexts({ event: 'pr' }, { needs }), cancelled)).toBe(expected);
  });

  it.each<[Scenario, boolean]>([
    [{ event: 'push' }, true],
    [{ event: 'pr' }, true],
    [{ event: 'fork-pr' }, false],
    [{ event: 'dependabot-pr' }, false], // no secrets for Dependabot either
  ])('every step of ml-image.yml that reads a secret, for %o, runs: %s', async (s, expected) => {
    const ctx = await mlContexts(s);
    // All but the own checkouts' actions-token (below).
    const steps = Object.values(file(ML).wf.jobs).flatMap((j) =>
      (j.steps ?? []).filter((st) =>
        JSON.stringify(
          st.with?.token === OWN_TOKEN ? { ...st.with, token: undefined } : (st.with ?? {}),
        ).includes('secrets.'),
      ),
    );
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const st of steps) expect(await evaluate(st.if ?? true, ctx, { condition: true })).toBe(expected);
  });

  // The workflow's token goes to GitHub's registry only: a registry someone else runs (named in
  // the config or the registry input) gets the caller's secrets, or no login at all.
  const logins = () =>
    Object.entries(file(ML).wf.jobs).flatMap(([id, j]) =>
      (j.steps ?? []).filter((st) => st.uses?.startsWith('docker/login-action@')).map((st) => ({ id, st })),
    );
  it.each<[Scenario, string, Record<string, string>, string | undefined]>([
    [{ event: 'push' }, 'ghcr.io', {}, 'ghs_workflowtoken'],
    [{ event: 'push' }, 'ghcr.io', { 'registry-password': 'pw-given' }, 'pw-given'],
    [{ event: 'push' }, 'registry.example.com', {}, undefined],
    [{ event: 'push' }, 'docker.io', {}, undefined],
    [{ event: 'push' }, 'registry.example.com', { 'registry-password': 'pw-given' }, 'pw-given'],
    [{ event: 'pr' }, 'registry.example.com', {}, undefined],
    [{ event: 'fork-pr' }, 'ghcr.io', {}, undefined],
  ])('the registry logins for %o to %s with secrets %o send: %s', async (s, registry, secrets, sent) => {
    const ctx = await mlContexts(s, { secrets });
    (ctx.needs.plan as { outputs: Record<string, string> }).outputs.registry = registry;
    expect(logins().map((l) => l.id)).toEqual(['build', 'merge', 'smoke-cpu', 'smoke-gpu', 'attest']);
    for (const { st } of logins()) {
      const runs = await evaluate(String(st.if), ctx, { condition: true });
      expect(runs ? await evaluate(String(st.with?.password), ctx) : undefined).toBe(sent);
    }
  });

  it.each<[string, string, boolean]>([
    ['pull_request_target', 'fork-pr', true],
    ['pull_request_review', 'fork-pr', true],
    ['pull_request_review_comment', 'pr', true],
    ['pull_request', 'fork-pr', false],
    ['pull_request', 'pr', false],
    ['push', 'push', false],
    ['merge_group', 'merge_group', false],
    ['workflow_dispatch', 'workflow_dispatch', false],
  ])('the plan refuses a %s run (%s payload): %s', async (eventName, payload, refused) => {
    const ctx = await mlContexts({ event: payload as Event });
    const github = { ...ctx.github, event_name: eventName };
    const refusal = only(
      (job(ML, 'plan').steps ?? []).filter((st) => st.name?.startsWith('Refuse')),
      'refusal step',
    );
    expect(job(ML, 'plan').steps?.[0]).toBe(refusal);
    expect(Boolean(await evaluate(String(refusal.if), { ...ctx, github }, { condition: true }))).toBe(
      refused,
    );
  });

  it.each<[Scenario, string, string]>([
    [{ event: 'push' }, 'true', 'resolve,build'],
    [{ event: 'fork-pr' }, 'false', 'resolve,build,smoke'],
    [{ event: 'dependabot-pr' }, 'false', 'resolve,build,smoke'], // its token cannot push
  ])('the build step for %o: push %s, stages %s', async (s, push, stages) => {
    const ctx = await mlContexts(s);
    const step = only(ownAction(job(ML, await runningBuild(ctx))), 'build');
    expect(String(await evaluate(String(step.with?.push), ctx))).toBe(push);
    expect(await evaluate(String(step.with?.stages), ctx)).toBe(stages);
  });

  // The one-job templates skip login and push by the same rule as ml-image.yml's ML_IMAGE_FORK.
  const forkFlags = FILES.flatMap((f) =>
    Object.entries(f.wf.jobs).flatMap(([id, j]) =>
      j.env?.FORK === undefined ? [] : [[`${f.rel} (${id})`, String(j.env.FORK)] as const],
    ),
  );
  it('finds the templates with a FORK flag', () => {
    expect(forkFlags.length).toBeGreaterThanOrEqual(4);
  });
  it.each(forkFlags)('%s: FORK is ML_IMAGE_FORK, Dependabot included', async (_, expr) => {
    const events: Event[] = ['push', 'workflow_dispatch', ...(Object.keys(PULL_REQUESTS) as Event[])];
    for (const event of events) {
      const github = githubContext({ event });
      expect(String(await evaluate(expr, { github })), event).toBe(String(UNTRUSTED.includes(event)));
    }
    // A run Dependabot started that is no pull request's (`@dependabot merge` pushes to main as it).
    const bot = githubContext({ event: 'push', actor: 'dependabot[bot]' });
    expect(String(await evaluate(expr, { github: bot }))).toBe('true');
    // Dependabot's branch, whoever pushed or opened the pull request (a caller's on.push may take
    // every branch): the update's code, unreviewed.
    const branch = githubContext({ event: 'push', actor: 'alice', ref: 'refs/heads/dependabot/pip/x' });
    expect(String(await evaluate(expr, { github: branch }))).toBe('true');
    const pr = githubContext({ event: 'pr', headRef: 'dependabot/pip/x' });
    expect(String(await evaluate(expr, { github: pr }))).toBe('true');
    const feature = githubContext({ event: 'pr', headRef: 'feature/dependabot' });
    expect(String(await evaluate(expr, { github: feature }))).toBe('false');
  });

  // The one-job templates that can sign (id-token: write) sign as ml-image.yml's attest job does.
  const signers = FILES.flatMap((f) =>
    Object.entries(f.wf.jobs).flatMap(([id, j]) =>
      (j.steps ?? []).flatMap((st) =>
        String(st.uses ?? '').startsWith('ml-image-action/ml-image-action@') &&
        (j.permissions as Record<string, string> | undefined)?.['id-token'] === 'write'
          ? [[`${f.rel} (${id})`, st.with?.sign] as const]
          : [],
      ),
    ),
  );
  it('finds the one-job templates that can sign', () => {
    expect(signers.map(([at]) => at)).toEqual(
      expect.arrayContaining([expect.stringMatching(/registry-ecr/), expect.stringMatching(/registry-gar/)]),
    );
  });
  it.each(signers)('%s: signs the default branch and tags only', async (_, sign) => {
    const want: [Scenario, string][] = [
      [{ event: 'push' }, 'auto'],
      [{ event: 'push', ref: 'refs/tags/v1.2.0' }, 'auto'],
      [{ event: 'release' }, 'auto'],
      [{ event: 'schedule' }, 'auto'],
      [{ event: 'push', ref: 'refs/heads/feature/x' }, 'off'],
      [{ event: 'merge_group' }, 'off'],
      [{ event: 'pr' }, 'off'],
      [{ event: 'dependabot-pr' }, 'off'],
      [{ event: 'push', actor: 'dependabot[bot]' }, 'off'], // a fork's run here: nothing pushed
    ];
    for (const [s, expected] of want) {
      const github = githubContext(s);
      const env = { FORK: String(UNTRUSTED.includes(s.event) || s.actor === 'dependabot[bot]') };
      expect(await evaluate(String(sign), { github, env }), JSON.stringify(s)).toBe(expected);
    }
  });

  it.each<[Scenario, boolean]>([
    [{ event: 'pr', action: 'synchronize' }, true],
    [{ event: 'fork-pr', action: 'labeled', label: 'safe-to-test-gpu' }, true],
    [{ event: 'fork-pr', action: 'labeled', label: 'docs' }, false],
    [{ event: 'push' }, true],
  ])('gpu-self-hosted.yml starts the pipeline for %o: %s', async (s, expected) => {
    const caller = job('workflows/gpu-self-hosted.yml', 'ml-image');
    expect(await evaluate(caller.if ?? true, { github: githubContext(s) }, { condition: true })).toBe(
      expected,
    );
    // The caller's label filter and the label it passes on agree.
    expect(String(caller.if)).toContain(`'${String(caller.with?.['fork-gpu-label'])}'`);
  });

  it.each<[string, string, boolean]>([
    ['a pull request run', 'pull_request', true],
    ['a push run', 'push', false],
  ])('the poster posts after %s: %s', async (_, event, expected) => {
    const github = {
      event_name: 'workflow_run',
      event: { workflow_run: { event, conclusion: 'failure', id: 1 } },
    };
    expect(await evaluate(job(POSTER, 'post').if ?? true, { github }, { condition: true })).toBe(expected);
  });
});

// --- the deploy gate -------------------------------------------------------------------------------

describe('ml-image-verify.yml and the deploy gate', () => {
  const verify = job(VERIFY, 'verify');
  const on = file(VERIFY).wf.on as {
    workflow_call: {
      inputs: Record<string, { type: string; required?: boolean; default?: unknown }>;
      outputs: Record<string, { value: string }>;
    };
  };

  it("is read-only: no id-token, no write scope, no checkout but this action's own code", () => {
    expect(file(VERIFY).wf.permissions).toEqual({});
    expect(verify.permissions).toEqual({ packages: 'read' });
    expect(JSON.stringify(file(VERIFY).wf)).not.toMatch(/id-token|: ?"write"/);
    expect(only(stepUsing(verify, 'actions/checkout@'), 'checkout').with?.path).toBe(OWN_CHECKOUT);
    expectOwnCheckout(verify);
  });

  it('installs cosign pinned by SHA before the verify sub-action, which gets every policy input', () => {
    const uses = (verify.steps ?? []).map((st) => st.uses ?? '');
    const cosign = uses.findIndex((u) =>
      u.startsWith('sigstore/cosign-installer@7e8b541eb2e61bf99390e1afd4be13a184e9ebc5'),
    );
    const step = only(ownAction(verify, 'verify'), 'verify');
    expect(cosign).toBeGreaterThanOrEqual(0);
    expect(cosign).toBeLessThan(uses.indexOf(step.uses!));
    expect(step.uses).toBe(`${OWN}/actions/verify`);
    const passed = Object.keys(step.with ?? {}).sort();
    // Every input of the sub-action but `command` (fixed by its action.yml) is wired.
    expect(passed).toEqual(Object.keys(VERIFY_INPUTS).sort());
    for (const name of Object.keys(VERIFY_INPUTS).filter((n) => n !== 'key'))
      expect(step.with?.[name]).toBe(`\${{ inputs.${name} }}`);
    expect(on.workflow_call.inputs.image).toMatchObject({ type: 'string', required: true });
    expect(on.workflow_call.inputs['require-gpu-smoke']).toMatchObject({ type: 'boolean', default: false });
  });

  it.each<[string, number]>([
    ['', 15],
    ['0.5', 15],
    ['120', 15],
    ['780', 15],
    ['781', 65],
    ['3600', 65],
    ['soon', 15],
  ])(
    'input timeout %j: the job may run %s minutes, the whole verify and its setup',
    async (timeout, minutes) => {
      const bound = (verify as { 'timeout-minutes'?: unknown })['timeout-minutes'];
      expect(await evaluate(String(bound), { inputs: { timeout } })).toBe(minutes);
      // A verify the input allows (at most 3600 s) ends before the job is cancelled, with two minutes
      // left for the steps before it (cosign, login, checkout).
      const seconds = timeout === '' ? 120 : Number(timeout);
      if (Number.isFinite(seconds)) expect(minutes * 60).toBeGreaterThanOrEqual(seconds + 120);
      expect(on.workflow_call.inputs.timeout).toMatchObject({ type: 'string' });
    },
  );

  it("passes the sub-action's outputs on as the workflow's", () => {
    expect(verify.outputs).toEqual({
      verdict: '${{ steps.verify.outputs.verdict }}',
      checks: '${{ steps.verify.outputs.checks }}',
    });
    expect(on.workflow_call.outputs.verdict!.value).toBe('${{ jobs.verify.outputs.verdict }}');
  });

  it.each<[string, Record<string, string>, boolean, string | undefined]>([
    ['ghcr.io', {}, true, 'ghs_workflowtoken'],
    ['ghcr.io', {}, false, undefined],
    ['registry.example.com', {}, true, undefined],
    ['docker.io', {}, true, undefined],
    ['registry.example.com', { 'registry-password': 'pw-given' }, true, 'pw-given'],
  ])('logs in to %s (secrets %o, login %s) with: %s', async (registry, given, login, sent) => {
    const github = githubContext({ event: 'push' });
    const secrets = { GITHUB_TOKEN: 'ghs_workflowtoken', ...given };
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(file(VERIFY).wf.env ?? {}))
      env[k] = String(await evaluate(String(v), { github, inputs: { login }, secrets }));
    const step = only(stepUsing(verify, 'docker/login-action@'), 'login');
    const ctx = { github, inputs: { login }, secrets, env, steps: { ref: { outputs: { registry } } } };
    const runs = await evaluate(String(step.if), ctx, { condition: true });
    expect(runs ? await evaluate(String(step.with?.password), ctx) : undefined).toBe(sent);
  });

  // Finding: its fork mark knew only a fork's pull request, so Dependabot's runs (its pull request,
  // its push, a push to its branch) and a listed bot's logged in with the registry secrets.
  it("marks as a fork's the runs ml-image.yml does: its ML_IMAGE_FORK, to the letter", async () => {
    const BRANCH = 'refs/heads/dependabot/pip/numpy-2.1.0';
    const RENOVATE = '["renovate[bot]"]';
    for (const [s, authors, fork] of [
      [{ event: 'push' }, '[]', 'false'],
      [{ event: 'pr' }, '[]', 'false'],
      [{ event: 'renovate-pr' }, '[]', 'false'],
      [{ event: 'fork-pr' }, '[]', 'true'],
      [{ event: 'dependabot-pr' }, '[]', 'true'],
      [{ event: 'dependabot-pr', actor: 'alice' }, '[]', 'true'],
      [{ event: 'push', actor: 'dependabot[bot]', ref: BRANCH }, '[]', 'true'],
      [{ event: 'push', actor: 'dependabot[bot]' }, '[]', 'true'], // `@dependabot merge` to main
      [{ event: 'push', actor: 'alice', ref: BRANCH }, '[]', 'true'],
      [{ event: 'renovate-pr' }, RENOVATE, 'true'],
      [{ event: 'push', actor: 'renovate[bot]', ref: 'refs/heads/renovate/x' }, RENOVATE, 'true'],
    ] as [Scenario, string, string][]) {
      const github = githubContext(s);
      const inputs = { 'untrusted-authors': authors, login: true };
      const secrets = { GITHUB_TOKEN: 'ghs_workflowtoken', 'registry-password': 'pw-given' };
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(file(VERIFY).wf.env ?? {}))
        env[k] = String(await evaluate(String(v), { github, inputs, secrets }));
      const where = `${JSON.stringify(s)} untrusted-authors ${authors}`;
      expect(env.ML_IMAGE_FORK, where).toBe(fork);
      // ...and is the same as ml-image.yml's for the run.
      const ml = await mlContexts(s, { inputs: { 'untrusted-authors': authors } });
      expect(env.ML_IMAGE_FORK, where).toBe(ml.env.ML_IMAGE_FORK);
      // A fork's run logs in nowhere: no registry secret, no token.
      const step = only(stepUsing(verify, 'docker/login-action@'), 'login');
      const ctx = { github, inputs, secrets, env, steps: { ref: { outputs: { registry: 'ghcr.io' } } } };
      expect(await evaluate(String(step.if), ctx, { condition: true }), where).toBe(fork === 'false');
    }
    expect(on.workflow_call.inputs['untrusted-authors']).toMatchObject({ type: 'string', default: '[]' });
    // One rule, one text: a change to ml-image.yml's is a change to this one.
    expect(String(file(VERIFY).wf.env?.ML_IMAGE_FORK)).toBe(String(file(ML).wf.env?.ML_IMAGE_FORK));
  });

  it('checks untrusted-authors in its first step, as the plan does in ml-image.yml', () => {
    const ref = only(
      (verify.steps ?? []).filter((st) => st.id === 'ref'),
      'ref step',
    );
    expect(ref.env?.UNTRUSTED_AUTHORS).toBe('${{ inputs.untrusted-authors }}');
    expect(ref.run).toMatch(/\|\| fail "input untrusted-authors must be a JSON list of GitHub logins/);
  });

  it('docs/workflows.md lists exactly the inputs, secrets and outputs of ml-image-verify.yml', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs/workflows.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### `ml-image-verify.yml`'), doc.indexOf('### The runner map'));
    const named = (header: string) => {
      const table = section.slice(section.indexOf(`| ${header} |`));
      return [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
    };
    const call = on.workflow_call as unknown as {
      inputs: Record<string, unknown>;
      secrets: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    expect(named('input')).toEqual(Object.keys(call.inputs));
    // Each input's type and default as the workflow declares them (empty: "empty"; none: required).
    const table = section.slice(section.indexOf('| input |'));
    for (const [, name, type, shown] of table
      .slice(0, table.indexOf('\n\n'))
      .matchAll(/^\| `([\w-]+)` \| (\w+) \| (.*?) \|/gm)) {
      const i = call.inputs[name!] as { type: string; default?: unknown; required?: boolean };
      expect(type, name).toBe(i.type);
      expect(shown, name).toBe(
        i.default === undefined ? 'required' : i.default === '' ? 'empty' : `\`${String(i.default)}\``,
      );
    }
    expect(named('secret')).toEqual(Object.keys(call.secrets));
    expect(named('output')).toEqual(Object.keys(call.outputs));
  });

  it('deploy-gate.yml: deploy needs verify and verify-gpu, which call the reusable workflow read-only; the GPU policy only on the GPU platform', () => {
    const gates = ['verify', 'verify-gpu'].map((name) => job(GATE, name));
    for (const gate of gates) {
      expect(gate.uses).toBe('ml-image-action/ml-image-action/.github/workflows/ml-image-verify.yml@v0');
      expect(gate.permissions).toEqual({ packages: 'read' });
      expect(gate.with).toMatchObject({ image: '${{ inputs.image }}' });
      expect(Object.keys(gate.with ?? {}).every((k) => k in on.workflow_call.inputs)).toBe(true);
    }
    // The same signer for both.
    const identity = (w: Record<string, unknown> = {}) =>
      Object.fromEntries(Object.entries(w).filter(([k]) => k.startsWith('certificate-')));
    expect(identity(gates[1]!.with)).toEqual(identity(gates[0]!.with));
    expect(gates[0]!.with).toMatchObject({ 'require-smoke': 'pass' });
    // Only the platform the ml-image workflow smoke-tests on a GPU runner has GPU results: a GPU
    // policy over every platform of a multi-arch image always fails.
    const mlInputs = (file(ML).wf.on as { workflow_call: { inputs: Record<string, { default?: unknown }> } })
      .workflow_call.inputs;
    const gpuPlatform = mlInputs['gpu-platform']!.default;
    expect(gpuPlatform).toBe('linux/amd64');
    for (const [name, j] of Object.entries(file(GATE).wf.jobs ?? {})) {
      const w = (j as { with?: Record<string, unknown> }).with ?? {};
      if (w['require-gpu-smoke'] !== undefined || w['min-tflops'] !== undefined)
        expect(w.platform, name).toBe(gpuPlatform);
    }
    expect(gates[1]!.with).toMatchObject({ platform: 'linux/amd64', 'require-gpu-smoke': true });
    expect([job(GATE, 'deploy').needs].flat()).toEqual(['verify', 'verify-gpu']);
    expect(file(GATE).wf.permissions).toEqual({});
  });
});
