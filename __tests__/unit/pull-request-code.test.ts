// Which GitHub Actions runs may build a pull request's code (src/util/pull-request-code.ts), and
// what the build and the report then leave alone: a branch's cache, push tag and baseline.
import { describe, expect, it } from 'vitest';
import { untrustedRunOf } from '../../src/build/push-tag.js';
import { githubReportContext } from '../../src/report/github-env.js';
import { mayBuildPullRequestCode } from '../../src/util/pull-request-code.js';

const MAIN = 'refs/heads/main';
const runner = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/model', GITHUB_SHA: 'f'.repeat(40) };

// event, GITHUB_REF, GITHUB_HEAD_REF, may build PR code, push-tag scope, gha written
const EVENTS = [
  ['push', MAIN, undefined, false, undefined, undefined],
  ['schedule', MAIN, undefined, false, undefined, undefined],
  ['workflow_dispatch', MAIN, undefined, false, undefined, undefined],
  ['merge_group', 'refs/heads/gh-readonly-queue/main/pr-7-abc', undefined, false, undefined, undefined],
  ['release', 'refs/tags/v1', undefined, false, undefined, undefined],
  ['pull_request', 'refs/pull/7/merge', 'feature', true, 'pr7', true],
  ['pull_request_review', 'refs/pull/7/merge', 'feature', true, 'pr7', true],
  // The base branch's ref: cache entries and push tags would be the default branch's.
  ['pull_request_target', MAIN, 'feature', true, 'untrusted', false],
  ['workflow_run', MAIN, undefined, true, 'untrusted', false],
  ['issue_comment', MAIN, undefined, true, 'untrusted', false],
  ['some_new_event', MAIN, undefined, true, 'untrusted', false],
  // A trusted event name with a head ref is a pull request's run all the same.
  ['push', MAIN, 'feature', true, 'untrusted', false],
] as const;

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

  it('off GitHub Actions no run counts as one', () => {
    expect(mayBuildPullRequestCode({ GITHUB_EVENT_NAME: 'pull_request_target' })).toBe(false);
    expect(untrustedRunOf({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_HEAD_REF: 'x' })).toBeUndefined();
  });
});
