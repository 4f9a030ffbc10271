// What the report needs from a GitHub runner's environment: the pull request, whether it comes from
// a fork, the base and default branches, the run's URL. Pure over env + the event payload, which the
// entry point reads (src/github/event.ts readGitHubEventFile) and passes in.
import { DEFAULT_API_URL } from '../github/api-url.js';
import { defaultBranchOf, type GitHubEvent } from '../github/event.js';
import { actionsRunUrl } from '../github/run.js';
import { mayBuildPullRequestCode, untrustedReason } from '../util/pull-request-code.js';
import type { GitHubTarget } from './stage.js';

interface GitHubReportContext {
  target?: GitHubTarget;
  baseBranch?: string;
  /**
   * Set on a run of the default branch that builds no pull request's code (a push, a schedule ...:
   * src/util/pull-request-code.ts): this run's records become the baseline. A workflow_run or
   * issue_comment run has the default branch's GITHUB_REF too, and may have built a pull request.
   */
  saveAs?: { branch: string; sha: string };
  /** Set on a run of the default branch whose records are not saved as its baseline: why (one log line). */
  saveSkipped?: string;
}

export function githubReportContext(
  env: Readonly<Record<string, string | undefined>>,
  token: string | undefined,
  /** The runner's event payload, parsed (src/github/event.ts); off a runner: an empty event. */
  event: GitHubEvent,
  /** The commit the checkout holds, where read: taken on a schedule run only (see defaultBranchOf). */
  read?: string,
): GitHubReportContext {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY) return {};
  // Another run's head (an /ok-to-test run's pull request) leaves the comment's commit GITHUB_SHA,
  // the one a workflow_run poster checks the comment artifact against.
  const checkedOut = env.GITHUB_EVENT_NAME === 'schedule' ? read : undefined;
  const pr = event.pull_request;
  const defaultBranch = defaultBranchOf(env, event, checkedOut);
  const branch = env.GITHUB_REF?.startsWith('refs/heads/')
    ? env.GITHUB_REF.slice('refs/heads/'.length)
    : undefined;
  const headRepo = pr?.head?.repo?.full_name;
  const target: GitHubTarget = {
    ...(token && { token }),
    apiUrl: env.GITHUB_API_URL ?? DEFAULT_API_URL,
    repository: env.GITHUB_REPOSITORY,
    ...(pr?.number !== undefined && { prNumber: pr.number }),
    ...((pr?.head?.sha ?? checkedOut ?? env.GITHUB_SHA) && {
      headSha: pr?.head?.sha ?? checkedOut ?? env.GITHUB_SHA,
    }),
    // Another repository's head (or a deleted fork: head.repo null) gets a read-only token.
    // head.repo.fork only says the head repository is some fork, maybe this very one.
    ...(pr && { fromFork: !headRepo || headRepo.toLowerCase() !== env.GITHUB_REPOSITORY.toLowerCase() }),
    // Whose baselines a pull request into another branch is compared with (null: not named).
    defaultBranch: defaultBranch ?? null,
    ...(env.GITHUB_SERVER_URL &&
      env.GITHUB_RUN_ID && {
        runUrl: actionsRunUrl(env.GITHUB_SERVER_URL, env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID),
      }),
  };
  const baseBranch = pr ? (env.GITHUB_BASE_REF ?? pr.base?.ref) : defaultBranch;
  // A run of the default branch (no pull request): its records are the baseline, if trusted.
  const onDefault = !pr && branch !== undefined && branch === defaultBranch;
  const saveAs = onDefault ? baselineOf(env, event, branch) : undefined;
  const untrusted = mayBuildPullRequestCode(env, event);
  return {
    target,
    ...(baseBranch && { baseBranch }),
    ...(saveAs && !untrusted && { saveAs }),
    ...(onDefault &&
      untrusted && {
        saveSkipped: `${untrustedReason(env)}: it may build a pull request's code, so its records are not saved as the baseline of ${branch}`,
      }),
  };
}

/**
 * The branch and commit a run's records are saved under as the default branch's baseline: a run of
 * the default branch (GITHUB_REF and GITHUB_SHA). A workflow_run run has the default branch's
 * GITHUB_REF whatever it built: only when the run it follows built the default branch, under that
 * run's head_sha (a feature branch's build is no baseline of the default branch).
 */
function baselineOf(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
  branch: string,
): { branch: string; sha: string } | undefined {
  if (env.GITHUB_EVENT_NAME !== 'workflow_run')
    return env.GITHUB_SHA ? { branch, sha: env.GITHUB_SHA } : undefined;
  const run = event.workflow_run;
  return run?.head_branch === branch && run.head_sha ? { branch, sha: run.head_sha } : undefined;
}
