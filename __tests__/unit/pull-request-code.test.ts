// Which GitHub Actions runs may build a pull request's code (src/util/pull-request-code.ts), and
// what the build and the report then leave alone: a branch's cache, push tag and baseline.
import { describe, expect, it } from 'vitest';
import { untrustedRunOf, writeScopeOf } from '../../src/build/push-tag.js';
import { otherRefOf } from '../../src/github/run-ref.js';
import { githubReportContext } from '../../src/report/github-env.js';
import { parseGitHubEvent } from '../../src/github/event.js';
import { pipCacheScope } from '../../src/resolve/pip-cache.js';
import {
  mayBuildPullRequestCode,
  type RunEventFacts,
  untrustedReason,
} from '../../src/util/pull-request-code.js';

const MAIN = 'refs/heads/main';
const runner = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/model', GITHUB_SHA: 'f'.repeat(40) };

// event, GITHUB_REF, GITHUB_HEAD_REF, may build PR code, push-tag scope, gha written
const EVENTS = [
  ['push', MAIN, undefined, false, undefined, undefined],
  ['schedule', MAIN, undefined, false, undefined, undefined],
  ['workflow_dispatch', MAIN, undefined, false, undefined, undefined],
  ['merge_group', 'refs/heads/gh-readonly-queue/main/pr-7-abc', undefined, false, undefined, undefined],
  ['release', 'refs/tags/v1', undefined, false, undefined, undefined],
  // A branch or tag pushed.
  ['create', MAIN, undefined, false, undefined, undefined],
  // Started with write access, but "/ok-to-test" (slash-command dispatch) and preview deploys
  // check out a pull request's head.
  ['repository_dispatch', MAIN, undefined, true, 'untrusted', false],
  ['deployment', MAIN, undefined, true, 'untrusted', false],
  ['pull_request', 'refs/pull/7/merge', 'feature', true, 'pr7', true],
  ['pull_request_review', 'refs/pull/7/merge', 'feature', true, 'pr7', true],
  // The base branch's ref: cache entries and push tags would be the default branch's.
  ['pull_request_target', MAIN, 'feature', true, 'untrusted', false],
  // A workflow_run run whose payload says nothing of its trigger may build a fork's code.
  ['workflow_run', MAIN, undefined, true, 'untrusted', false],
  ['issue_comment', MAIN, undefined, true, 'untrusted', false],
  ['some_new_event', MAIN, undefined, true, 'untrusted', false],
  // A trusted event name with a head ref is a pull request's run all the same.
  ['push', MAIN, 'feature', true, 'untrusted', false],
] as const;

describe("Dependabot's pushes (finding: a push to its dependabot/... branch ran as trusted)", () => {
  it.each([
    ['push', 'refs/heads/dependabot/pip/numpy-2.1.0', true],
    ['create', 'refs/heads/dependabot/pip/numpy-2.1.0', true],
    ['push', MAIN, true], // `@dependabot merge`: GitHub runs it read-only, without secrets, too
  ] as const)('%s of %s by dependabot[bot]: may build its code %s', (event, ref, may) => {
    const env = { ...runner, GITHUB_EVENT_NAME: event, GITHUB_REF: ref, GITHUB_ACTOR: 'dependabot[bot]' };
    expect(mayBuildPullRequestCode(env)).toBe(may);
    expect(untrustedRunOf(env)).toEqual({
      pushScope: 'untrusted',
      ghaOwnScope: false,
      why: "may build a pull request's code",
    });
    expect(
      githubReportContext(env, 'tok', { repository: { default_branch: 'main' } }).saveAs,
    ).toBeUndefined();
  });

  // Finding: a maintainer's commit pushed to Dependabot's branch ran as trusted (github.actor is
  // the maintainer), though the update's code in it is no more reviewed than Dependabot's own push.
  it.each([
    ['push', 'refs/heads/dependabot/pip/numpy-2.1.0'],
    ['create', 'refs/heads/dependabot/npm_and_yarn/x'],
    // dependabot.yml's pull-request-branch-name separator: '-' or '_' (a review's finding).
    ['push', 'refs/heads/dependabot-pip-numpy-2.1.0'],
    ['push', 'refs/heads/dependabot_pip_numpy-2.1.0'],
  ])("a person's %s to %s: may build its code", (event, ref) => {
    const env = { ...runner, GITHUB_EVENT_NAME: event, GITHUB_REF: ref, GITHUB_ACTOR: 'alice' };
    expect(mayBuildPullRequestCode(env)).toBe(true);
    expect(untrustedRunOf(env)).toEqual({
      pushScope: 'untrusted',
      ghaOwnScope: false,
      why: "may build a pull request's code",
    });
    expect(untrustedReason(env)).toMatch(/Dependabot's branch refs\/heads\/dependabot/);
  });

  it("a person's push, and a person's re-run of Dependabot's, as before", () => {
    const push = { ...runner, GITHUB_EVENT_NAME: 'push', GITHUB_REF: MAIN, GITHUB_ACTOR: 'alice' };
    expect(mayBuildPullRequestCode(push)).toBe(false);
    const rerun = { ...push, GITHUB_ACTOR: 'dependabot[bot]', GITHUB_TRIGGERING_ACTOR: 'alice' };
    expect(mayBuildPullRequestCode(rerun)).toBe(true);
  });
});

// The reusable workflow handles a push by an untrusted-authors login (renovate[bot]'s branch
// automerge, its renovate/... branches with an `on: push` on every branch) as a fork's
// (ML_IMAGE_FORK), but the action knew only Dependabot by GITHUB_ACTOR: such a run mounted the
// branch's pip cache volume (scope "branch") and wrote the branch's cache and baseline.
describe("the workflow's fork mark (ML_IMAGE_FORK=true)", () => {
  const push = {
    ...runner,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/renovate/numpy-2.x',
    GITHUB_ACTOR: 'renovate[bot]',
  };
  it("a listed bot's push the workflow marks is untrusted: pip cache, push tag, baseline", () => {
    const env = { ...push, ML_IMAGE_FORK: 'true' };
    expect(mayBuildPullRequestCode(env)).toBe(true);
    expect(pipCacheScope(env)).toBe('acme/model untrusted');
    expect(untrustedRunOf(env)).toEqual({
      pushScope: 'untrusted',
      ghaOwnScope: false,
      why: "may build a pull request's code",
    });
    const report = githubReportContext({ ...env, GITHUB_REF: MAIN }, 'tok', {
      repository: { default_branch: 'main' },
    });
    expect(report.saveAs).toBeUndefined();
    expect(untrustedReason(env)).toMatch(/ML_IMAGE_FORK=true/);
  });
  it.each(['false', '', 'TRUE', '1', undefined])('ML_IMAGE_FORK=%j reads as no mark', (mark) => {
    const env = { ...push, ...(mark !== undefined && { ML_IMAGE_FORK: mark }) };
    expect(mayBuildPullRequestCode(env)).toBe(false);
    expect(pipCacheScope(env)).toBe('acme/model branch');
  });
  it("outside GitHub Actions the mark is read too (another CI's merge-request pipeline sets it)", () => {
    const gitlab = { GITLAB_CI: 'true', ML_IMAGE_FORK: 'true' };
    expect(mayBuildPullRequestCode(gitlab)).toBe(true);
    expect(untrustedRunOf(gitlab)).toEqual({
      pushScope: 'untrusted',
      ghaOwnScope: false,
      why: "may build a pull request's code",
    });
    expect(pipCacheScope(gitlab)).toBe('untrusted');
    // Unmarked, nothing is told apart there.
    expect(mayBuildPullRequestCode({ GITLAB_CI: 'true' })).toBe(false);
    expect(pipCacheScope({ GITLAB_CI: 'true' })).toBe('');
  });
});

describe("a trusted run of another ref than the default branch writes none of the default branch's caches", () => {
  const event = { repository: { default_branch: 'main' } };
  const scopeOf = (ref: string) => otherRefOf({ ...runner, GITHUB_REF: ref }, event)?.scope;
  it.each([
    // event, GITHUB_REF, another ref (its writes scoped)?
    ['push', MAIN, false],
    ['schedule', MAIN, false],
    ['workflow_dispatch', MAIN, false],
    ['push', 'refs/heads/feature/x', true],
    ['workflow_dispatch', 'refs/heads/feature/x', true],
    ['push', 'refs/tags/v9.9.9', true],
    ['release', 'refs/tags/v1', true],
    ['merge_group', 'refs/heads/gh-readonly-queue/main/pr-7-abc', true],
    ['create', 'refs/heads/maintenance', true],
  ] as const)('%s of %s: another ref %s', (name, ref, other) => {
    const env = { ...runner, GITHUB_EVENT_NAME: name, GITHUB_REF: ref };
    const scoped = writeScopeOf(env, event);
    if (!other) {
      expect(scoped).toBeUndefined();
      expect(pipCacheScope(env, event)).toBe('acme/model branch');
      return;
    }
    expect(scoped).toEqual({
      pushScope: scopeOf(ref),
      ghaOwnScope: true,
      why: `a run of ${ref}, not of the default branch main`,
      otherRef: true,
    });
    expect(scoped!.pushScope).toMatch(/^ref-[0-9a-f]{8}$/);
    expect(pipCacheScope(env, event)).toBe(`acme/model ${scopeOf(ref)}`);
    expect(scopeOf(ref)).not.toBe(scopeOf(MAIN));
  });

  it('scopes do not pile up: every tag shares one, a merge queue one per target branch, a branch its own', () => {
    expect(scopeOf('refs/tags/v1.2.3')).toBe(scopeOf('refs/tags/v2.0.0'));
    expect(scopeOf('refs/heads/gh-readonly-queue/main/pr-7-abc')).toBe(
      scopeOf('refs/heads/gh-readonly-queue/main/pr-8-def'),
    );
    expect(scopeOf('refs/heads/gh-readonly-queue/main/pr-7-abc')).not.toBe(
      scopeOf('refs/heads/gh-readonly-queue/release/pr-7-abc'),
    );
    expect(scopeOf('refs/heads/feature')).not.toBe(scopeOf('refs/heads/feature2'));
    expect(scopeOf('refs/heads/feature')).not.toBe(scopeOf('refs/tags/v1.2.3'));
  });

  it("a scheduled run's real payload names no repository: its GITHUB_REF is the default branch", () => {
    const env = { ...runner, GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: MAIN };
    expect(writeScopeOf(env, {})).toBeUndefined();
    expect(pipCacheScope(env, {})).toBe('acme/model branch');
  });

  it('a workflow_run run counts the branch of the run it follows', () => {
    const env = { ...runner, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REF: MAIN };
    const after = (branch: string) => ({
      ...event,
      workflow_run: {
        event: 'push',
        head_branch: branch,
        head_sha: 'e'.repeat(40),
        head_repository: { full_name: 'acme/model' },
      },
    });
    expect(writeScopeOf(env, after('main'))).toBeUndefined();
    const feature = writeScopeOf(env, after('feature'));
    expect(feature?.why).toBe('a run of feature, not of the default branch main');
    // Its GITHUB_REF is the default branch: a gha write would land in that branch's scope.
    expect(feature?.ghaOwnScope).toBe(false);
    // After a tag's run, head_branch is the tag's name: said as it is, not as a branch.
    expect(writeScopeOf(env, after('v1.2.3'))?.why).toBe('a run of v1.2.3, not of the default branch main');
    // The same scope as the run it follows: a branch's push, a release's tag (every tag one).
    expect(feature?.pushScope).toBe(scopeOf('refs/heads/feature'));
    const release = (tag: string) => {
      const e = after(tag);
      return { ...e, workflow_run: { ...e.workflow_run, event: 'release' } };
    };
    expect(writeScopeOf(env, release('v1.2.3'))?.pushScope).toBe(scopeOf('refs/tags/v2.0.0'));
    // A payload that names no branch: not the default branch's, as far as can be told.
    const unnamed = after('');
    expect(writeScopeOf(env, unnamed)?.why).toBe(
      'a run of a ref the payload does not name, not of the default branch main',
    );
  });

  it('a pull request run stays untrusted; nothing is told apart where the default branch is not named', () => {
    const pr = {
      ...runner,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_HEAD_REF: 'f',
    };
    expect(writeScopeOf(pr, event)?.pushScope).toBe('pr7');
    expect(writeScopeOf(pr, event)?.otherRef).toBeUndefined();
    const feature = { ...runner, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature' };
    expect(writeScopeOf(feature, {})).toBeUndefined();
    expect(
      writeScopeOf({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature' }, event),
    ).toBeUndefined();
  });
});

describe('mayBuildPullRequestCode, untrustedRunOf and the baseline, by event', () => {
  it.each(EVENTS)(
    '%s (%s, head ref %s): PR code %s, push scope %s',
    (event, ref, headRef, may, scope, gha) => {
      const env = {
        ...runner,
        GITHUB_EVENT_NAME: event,
        GITHUB_REF: ref,
        ...(headRef !== undefined && { GITHUB_HEAD_REF: headRef }),
      };
      expect(mayBuildPullRequestCode(env)).toBe(may);
      expect(untrustedRunOf(env)?.pushScope).toBe(scope);
      expect(untrustedRunOf(env)?.ghaOwnScope).toBe(gha);
      // Only a trusted run of the default branch saves its records as the default branch's baseline
      // (workflow_run and issue_comment runs have no pull_request in their payload, and main's ref).
      const saveAs = githubReportContext(env, 'tok', { repository: { default_branch: 'main' } }).saveAs;
      expect(saveAs).toEqual(!may && ref === MAIN ? { branch: 'main', sha: 'f'.repeat(40) } : undefined);
    },
  );

  // workflow_run: trusted only after a trusted run of this repository's own code.
  const wr = (event: string | undefined, head: string | null | undefined): RunEventFacts => ({
    workflow_run: {
      // The run it follows built the default branch: its records are the default branch's.
      head_branch: 'main',
      head_sha: 'e'.repeat(40),
      ...(event !== undefined && { event }),
      ...(head !== undefined && { head_repository: head === null ? null : { full_name: head } }),
    },
  });
  it.each([
    ['a push of this repository', wr('push', 'acme/model'), false],
    ['a schedule of this repository (case aside)', wr('schedule', 'ACME/Model'), false],
    ['a repository_dispatch of this repository', wr('repository_dispatch', 'acme/model'), true],
    ["a fork's pull_request", wr('pull_request', 'someone/model'), true],
    [
      "a same-repository pull_request (its code is a branch's, not the default's)",
      wr('pull_request', 'acme/model'),
      true,
    ],
    ['a push of another repository', wr('push', 'someone/model'), true],
    ['another workflow_run (its trigger unknown)', wr('workflow_run', 'acme/model'), true],
    ['a trigger without its event', wr(undefined, 'acme/model'), true],
    ['a trigger without its head repository', wr('push', undefined), true],
    ['a deleted head repository', wr('push', null), true],
    ['no workflow_run in the payload', {}, true],
    // A review's finding: a push to a Dependabot branch (anyone's), or Dependabot's own push, is
    // untrusted as a run of its own, and was trusted as the trigger of a workflow_run.
    [
      "a person's push to a Dependabot branch",
      {
        workflow_run: { ...wr('push', 'acme/model').workflow_run, head_branch: 'dependabot-pip-numpy-2.1.0' },
      },
      true,
    ],
    [
      "Dependabot's push",
      { workflow_run: { ...wr('push', 'acme/model').workflow_run, actor: { login: 'dependabot[bot]' } } },
      true,
    ],
  ])('workflow_run after %s: PR code %s', (_, event, may) => {
    const env = { ...runner, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REF: MAIN };
    expect(mayBuildPullRequestCode(env, event)).toBe(may);
    expect(untrustedRunOf(env, event)?.pushScope).toBe(may ? 'untrusted' : undefined);
    const ctx = githubReportContext(env, 'tok', { repository: { default_branch: 'main' }, ...event });
    // Saved under the commit that run built (its head_sha), not the default branch's GITHUB_SHA.
    expect(ctx.saveAs).toEqual(may ? undefined : { branch: 'main', sha: 'e'.repeat(40) });
    // A default-branch run that saves nothing says so, once.
    expect(ctx.saveSkipped).toEqual(
      may ? expect.stringMatching(/workflow_run.*not saved as the baseline of main/) : undefined,
    );
    // The payload's workflow_run.event is parsed (src/github/event.ts).
    expect(mayBuildPullRequestCode(env, parseGitHubEvent(JSON.parse(JSON.stringify(event))))).toBe(may);
  });

  it("a trusted workflow_run after a feature branch's push saves no baseline of the default branch", () => {
    const env = { ...runner, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REF: MAIN };
    const event = {
      repository: { default_branch: 'main' },
      workflow_run: {
        event: 'push',
        head_branch: 'feature',
        head_sha: 'e'.repeat(40),
        head_repository: { full_name: 'acme/model' },
      },
    };
    expect(mayBuildPullRequestCode(env, event)).toBe(false);
    const ctx = githubReportContext(env, 'tok', event);
    expect(ctx.saveAs).toBeUndefined();
    expect(ctx.saveSkipped).toBeUndefined();
  });

  it('off GitHub Actions no run counts as one', () => {
    expect(mayBuildPullRequestCode({ GITHUB_EVENT_NAME: 'pull_request_target' })).toBe(false);
    expect(untrustedRunOf({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_HEAD_REF: 'x' })).toBeUndefined();
  });
});
