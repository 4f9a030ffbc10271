// Where tags and labels get the commit, ref and PR number: GitHub's environment on a runner, the
// local git checkout otherwise. Reads are passed in (env, the parsed event payload, a CommandRunner).
import type { CommandRunner } from '../docker/adapter.js';
import { defaultBranchOf, type GitHubEvent } from '../github/event.js';
import { mayBuildPullRequestCode, untrustedEvent } from '../util/pull-request-code.js';
import type { GitContext } from './schema.js';
import { withoutUserinfo } from '../util/url-userinfo.js';

/**
 * The commit time in ISO 8601, when TEXT is a time: one that is not (an odd event payload, a git
 * too old for %cI) is left out as if absent, never an "Invalid time value" failing the run.
 */
function withCommitTime(text: string | undefined): { commitTime?: string } {
  const time = text ? new Date(text) : undefined;
  return time && !Number.isNaN(time.getTime()) ? { commitTime: time.toISOString() } : {};
}

/**
 * On a GitHub runner: GITHUB_SHA / GITHUB_REF / the event payload (EVENT, which the entry point read
 * from GITHUB_EVENT_PATH: src/github/event.ts readGitHubEventFile). CHECKED_OUT: the commit the
 * checkout holds, where the caller read it (checkedOutCommit); it is then the commit tags and
 * labels name. A run that may build a pull request's code (an issue_comment
 * "/ok-to-test" run, a workflow_run after a pull request's: its GITHUB_REF is the default branch's)
 * is never the default branch's: no `latest`, `<variant>` or version tag for its image.
 */
export function gitContextFromGitHubEnv(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
  checkedOut?: string,
): GitContext | undefined {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  const pr = event.pull_request?.number;
  const defaultBranch = defaultBranchOf(env, event, checkedOut);
  const ref = env.GITHUB_REF;
  // On pull_request events GITHUB_SHA is the merge commit; the head commit is what people see. A
  // run that may build a pull request's code without its payload, whose checkout was not read, gets
  // no sha: never GITHUB_SHA, the default branch's head, for what may be a pull request's code.
  const otherCode = event.pull_request === undefined && !env.GITHUB_HEAD_REF && untrustedEvent(env, event);
  const sha = event.pull_request?.head?.sha ?? (otherCode ? checkedOut : (checkedOut ?? env.GITHUB_SHA));
  return {
    ...(sha !== undefined && { sha }),
    ...(ref !== undefined && { ref }),
    isDefaultBranch:
      pr === undefined &&
      defaultBranch !== undefined &&
      ref === `refs/heads/${defaultBranch}` &&
      !mayBuildPullRequestCode(env, event) &&
      // A workflow_run run has the default branch's GITHUB_REF whatever the run it follows built:
      // only after one of the default branch (as the report's baseline, github-env.ts baselineOf).
      (env.GITHUB_EVENT_NAME !== 'workflow_run' || event.workflow_run?.head_branch === defaultBranch),
    ...(pr !== undefined && { prNumber: pr }),
    ...withCommitTime(event.head_commit?.timestamp),
    ...(env.GITHUB_SERVER_URL &&
      env.GITHUB_REPOSITORY && { repositoryUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` }),
  };
}

/**
 * What a run reads of its checkout before the git context (one git process), where the commit it
 * builds may not be GITHUB_SHA: a schedule run (the one event whose default branch comes from
 * GITHUB_REF alone: see defaultBranchOf), and a run that may build a pull request's code without a
 * pull_request payload (an issue_comment "/ok-to-test" run, a repository_dispatch run), and any
 * workflow_run: its GITHUB_SHA is the default branch's head, its checkout often another commit, and
 * the `sha-` tag and revision label must name what was built, never take the default branch's commit.
 * Undefined elsewhere.
 */
export async function checkedOutCommit(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
  head: () => Promise<string | undefined>,
): Promise<string | undefined> {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  if (env.GITHUB_EVENT_NAME === 'schedule') return head();
  if (env.GITHUB_HEAD_REF) return undefined; // a pull_request payload: its head.sha
  return namesItsCheckout(env, event) ? head() : undefined;
}

/**
 * A run without a pull_request payload to name its head whose GITHUB_SHA may not be what it builds:
 * one whose event may have it build a pull request's code (untrustedEvent: not a Dependabot push,
 * whose GITHUB_SHA is what it builds), and any workflow_run (its GITHUB_SHA is the default branch's
 * head, whatever the run it follows built: a Dependabot branch's, a feature branch's).
 */
function namesItsCheckout(env: Readonly<Record<string, string | undefined>>, event: GitHubEvent): boolean {
  const after = env.GITHUB_EVENT_NAME === 'workflow_run';
  return event.pull_request === undefined && !env.GITHUB_HEAD_REF && (after || untrustedEvent(env, event));
}

/**
 * Outside GitHub: the local checkout (no git, or not a repository: an empty context). HEAD: the
 * commit, read as on a runner (docker/git-head.ts checkoutHead: never a bare repository's layout
 * committed where the tool runs, with a HEAD and a config of the committer's choosing); the reads
 * after it refuse a bare repository too, so they read the same one.
 */
export async function gitContextFromCheckout(
  exec: CommandRunner,
  cwd: string,
  head: () => Promise<string | undefined>,
): Promise<GitContext> {
  const git = async (...args: string[]) => {
    try {
      const r = await exec.run('git', ['-c', 'safe.bareRepository=explicit', ...args], { cwd });
      return r.exitCode === 0 ? r.stdout.trim() : undefined;
    } catch {
      return undefined;
    }
  };
  const sha = await head();
  if (!sha) return {};
  // Independent reads: side by side (each is a process; on a busy runner they add up).
  const [commitTime, tag, branch, remote] = await Promise.all([
    git('show', '-s', '--format=%cI', 'HEAD'),
    git('describe', '--tags', '--exact-match', 'HEAD'),
    git('symbolic-ref', '--short', 'HEAD'),
    git('remote', 'get-url', 'origin'),
  ]);
  const repositoryUrl = remote?.replace(/^git@([^:]+):/, 'https://$1/').replace(/\.git$/, '');
  return {
    sha,
    ...withCommitTime(commitTime),
    ...(tag ? { ref: `refs/tags/${tag}` } : branch ? { ref: `refs/heads/${branch}` } : {}),
    // Never with credentials from the URL.
    ...(repositoryUrl?.startsWith('https://') && { repositoryUrl: withoutUserinfo(repositoryUrl) }),
  };
}
