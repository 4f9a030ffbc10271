// Whether a GitHub Actions run may build a pull request's code: the one predicate that keeps such
// a run from writing what a branch's run reads (the build cache, the docker driver's push tag, the
// report's baseline). Pure over the runner's environment.

/**
 * The events whose runs build only what is on a branch of the repository already (a push, a
 * schedule, a manual run, the merge queue, a release). Any other may build a pull request's code:
 * pull_request and pull_request_target, but also workflow_run and issue_comment workflows that
 * check out a pull request's head, and events this list does not know yet.
 */
export const TRUSTED_EVENTS: ReadonlySet<string> = new Set([
  'push',
  'schedule',
  'workflow_dispatch',
  'merge_group',
  'release',
]);

/**
 * On GitHub Actions: true for a run whose event is not in TRUSTED_EVENTS, or that has
 * GITHUB_HEAD_REF set (a pull request's run, whatever the event). Elsewhere (a workstation,
 * another CI) false: there is no pull request to tell apart.
 */
export function mayBuildPullRequestCode(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.GITHUB_ACTIONS !== 'true') return false;
  return !TRUSTED_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || Boolean(env.GITHUB_HEAD_REF);
}
