// Whether a GitHub Actions run may build a pull request's code: the one predicate that keeps such
// a run from writing what a branch's run reads (the build cache, the docker driver's push tag, the
// report's baseline). Pure over the runner's environment and the facts of its event payload.
import { InputError } from '../errors.js';

/**
 * The events whose runs build only what is on a branch of the repository already: a push, a
 * schedule, a manual run, the merge queue, a release, a branch or tag created (pushed). Any other
 * may build a pull request's code: pull_request and pull_request_target, issue_comment workflows
 * that check out a pull request's head, repository_dispatch and deployment (started by someone
 * with write access, but the "/ok-to-test" and preview-deploy patterns check out a pull request's
 * head), and events this list does not know yet. workflow_run: see mayBuildPullRequestCode.
 */
const TRUSTED_EVENTS: ReadonlySet<string> = new Set([
  'push',
  'schedule',
  'workflow_dispatch',
  'merge_group',
  'release',
  'create',
]);

/**
 * What the event payload (GITHUB_EVENT_PATH, src/github/event.ts) tells about a workflow_run
 * run: the event of the run that triggered it and that run's head repository. A parsed GitHubEvent
 * fits this shape; the caller reads the file.
 */
export interface RunEventFacts {
  workflow_run?: {
    event?: string;
    head_repository?: { full_name?: string } | null;
    /** What that run built (the baseline's branch and commit: src/report/github-env.ts). */
    head_branch?: string | null;
    /** Who that run was. */
    actor?: { login?: string | undefined } | null;
    head_sha?: string;
  };
}

/** The login GitHub runs Dependabot's workflows as: GITHUB_ACTOR of its pull requests' and pushes' runs. */
const DEPENDABOT = 'dependabot[bot]';

/**
 * A run of a Dependabot branch (a push, a branch created), whoever pushed: a person's commit on
 * Dependabot's branch (a fixup for the update) leaves the updated dependency's code unreviewed, as
 * the pull request's author rule has it for Dependabot's pull requests. Any branch name starting
 * `dependabot`: dependabot.yml's pull-request-branch-name separator may be '/', '-' or '_'.
 */
const dependabotBranch = (env: Readonly<Record<string, string | undefined>>): boolean =>
  (env.GITHUB_REF ?? '').startsWith('refs/heads/dependabot');

/**
 * The reusable workflow's mark of a run it handles as a fork's (`ML_IMAGE_FORK: 'true'` in its env):
 * a fork's or Dependabot's, or one of an `untrusted-authors` login, whose push runs the action cannot
 * tell from a person's by GITHUB_ACTOR alone. Any workflow may set it; only 'true' is read.
 */
export const FORK_MARK = 'ML_IMAGE_FORK';

/**
 * On GitHub Actions: true for a run whose event is not in TRUSTED_EVENTS, that has GITHUB_HEAD_REF
 * set (a pull request's run, whatever the event), that the workflow marks as a fork's (FORK_MARK),
 * of a dependabot/... branch whoever pushed, or that Dependabot started (GITHUB_ACTOR: a push
 * to its own dependabot/... branch runs the updated dependency's code as `push`; GitHub gives
 * such a run a read-only token and no secrets, as a fork's). A workflow_run run is trusted
 * only when the run that triggered it was (its event is in TRUSTED_EVENTS) and built this
 * repository's own code (its head repository is GITHUB_REPOSITORY): a fork's pull request, or a
 * payload that does not say, may be built. Elsewhere (a workstation, another CI) false, there
 * being no pull request to tell apart, unless the run is marked (FORK_MARK: another CI's
 * merge-request pipeline, so that it writes no cache the default branch's pipeline reads).
 */
export function mayBuildPullRequestCode(
  env: Readonly<Record<string, string | undefined>>,
  event: RunEventFacts = {},
): boolean {
  // The mark is read on any CI: another's merge-request pipelines can set it for their runs.
  if (env[FORK_MARK] === 'true') return true;
  if (env.GITHUB_ACTIONS !== 'true') return false;
  return (
    Boolean(env.GITHUB_HEAD_REF) ||
    env.GITHUB_ACTOR === DEPENDABOT ||
    dependabotBranch(env) ||
    untrustedEvent(env, event)
  );
}

/**
 * Whether the run's event may have it build a pull request's code whoever started it: not one of
 * TRUSTED_EVENTS, or a workflow_run after an untrusted run (mayBuildPullRequestCode without the
 * head ref and the actor: its checkout, not GITHUB_SHA, may hold what it builds).
 */
export function untrustedEvent(
  env: Readonly<Record<string, string | undefined>>,
  event: RunEventFacts = {},
): boolean {
  if (env.GITHUB_ACTIONS !== 'true') return false;
  const name = env.GITHUB_EVENT_NAME ?? '';
  if (name === 'workflow_run') return !trustedTrigger(env.GITHUB_REPOSITORY, event.workflow_run);
  return !TRUSTED_EVENTS.has(name);
}

function trustedTrigger(repository: string | undefined, run: RunEventFacts['workflow_run']): boolean {
  const head = run?.head_repository?.full_name;
  return (
    repository !== undefined &&
    head !== undefined &&
    head.toLowerCase() === repository.toLowerCase() &&
    TRUSTED_EVENTS.has(run?.event ?? '') &&
    // Not a run of Dependabot's, nor of its branch (whoever pushed there), as for the run itself.
    run?.actor?.login !== DEPENDABOT &&
    !(run?.head_branch ?? '').startsWith('dependabot')
  );
}

/** Why a run that may build a pull request's code is treated so, for the one log line. */
export function untrustedReason(env: Readonly<Record<string, string | undefined>>): string {
  if (env.GITHUB_HEAD_REF) return `a pull request's run (${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
  if (env.GITHUB_ACTOR === DEPENDABOT)
    return `a run Dependabot started (${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
  if (dependabotBranch(env))
    return `a run of Dependabot's branch ${env.GITHUB_REF ?? ''} (${env.GITHUB_EVENT_NAME ?? 'unknown event'}: whoever pushed, the update's code is unreviewed)`;
  if (env[FORK_MARK] === 'true')
    return `a run the workflow handles as a fork's (${FORK_MARK}=true: a fork's, Dependabot's or an untrusted author's; ${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
  const name = env.GITHUB_EVENT_NAME ?? '';
  return name === 'workflow_run'
    ? "a workflow_run run whose triggering run is not a trusted event of this repository's own code"
    : `a ${name || 'unknown'} run (only push, schedule, workflow_dispatch, merge_group, release and create runs are trusted)`;
}

/**
 * A pull_request_target run has a write token and the repository's secrets beside whatever it checks
 * out, and its GITHUB_REF is the base branch (cache and baseline scopes): the stages never run there,
 * as the reusable workflow refuses it (docs/workflows.md). WHO names the refuser in the message:
 * the action (its poster, from-artifact, builds nothing and may), or a CLI command that builds.
 */
export function refusePullRequestTarget(
  env: Readonly<Record<string, string | undefined>>,
  who: string,
): void {
  if (env.GITHUB_ACTIONS !== 'true' || env.GITHUB_EVENT_NAME !== 'pull_request_target') return;
  throw new InputError(
    `${who} does not run its stages on pull_request_target: that event runs with a write token and the repository's secrets beside the checked-out code, and with the base branch's cache scope`,
    "trigger the workflow on pull_request (a fork's run gets a read-only token and writes the fork-safe comment artifact) and post the comment from a workflow_run job (from-artifact); see docs/workflows.md",
  );
}
