// What the report needs from a GitHub runner's environment: the pull request, whether it comes from
// a fork, the base and default branches, the run's URL. Pure over env + the event payload.
import { type GitHubEvent, readGitHubEventFile } from '../github/event.js';
import { actionsRunUrl } from '../github/run.js';
import { mayBuildPullRequestCode } from '../util/pull-request-code.js';
import type { GitHubTarget } from './stage.js';

/** The runner's event payload, parsed (src/github/event.ts); off a runner: an empty event. */
export function readGitHubEvent(env: Readonly<Record<string, string | undefined>>): GitHubEvent {
  return readGitHubEventFile(env.GITHUB_EVENT_PATH);
}

export interface GitHubReportContext {
  target?: GitHubTarget;
  baseBranch?: string;
  /**
   * Set on a run of the default branch that builds no pull request's code (a push, a schedule ...:
   * src/util/pull-request-code.ts): this run's records become the baseline. A workflow_run or
   * issue_comment run has the default branch's GITHUB_REF too, and may have built a pull request.
   */
  saveAs?: { branch: string; sha: string };
}

export function githubReportContext(
  env: Readonly<Record<string, string | undefined>>,
  token: string | undefined,
  event: GitHubEvent = readGitHubEvent(env),
): GitHubReportContext {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY) return {};
  const pr = event.pull_request;
  const defaultBranch = event.repository?.default_branch;
  const branch = env.GITHUB_REF?.startsWith('refs/heads/')
    ? env.GITHUB_REF.slice('refs/heads/'.length)
    : undefined;
  const headRepo = pr?.head?.repo?.full_name;
  const target: GitHubTarget = {
    ...(token && { token }),
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    repository: env.GITHUB_REPOSITORY,
    ...(pr?.number !== undefined && { prNumber: pr.number }),
    ...((pr?.head?.sha ?? env.GITHUB_SHA) && { headSha: pr?.head?.sha ?? env.GITHUB_SHA }),
    // Another repository's head (or a deleted fork: head.repo null) gets a read-only token.
    // head.repo.fork only says the head repository is some fork, maybe this very one.
    ...(pr && { fromFork: !headRepo || headRepo.toLowerCase() !== env.GITHUB_REPOSITORY.toLowerCase() }),
    ...(env.GITHUB_SERVER_URL &&
      env.GITHUB_RUN_ID && {
        runUrl: actionsRunUrl(env.GITHUB_SERVER_URL, env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID),
      }),
  };
  const baseBranch = pr ? (env.GITHUB_BASE_REF ?? pr.base?.ref) : defaultBranch;
  return {
    target,
    ...(baseBranch && { baseBranch }),
    ...(!pr &&
      !mayBuildPullRequestCode(env) &&
      branch !== undefined &&
      branch === defaultBranch &&
      env.GITHUB_SHA && { saveAs: { branch, sha: env.GITHUB_SHA } }),
  };
}
