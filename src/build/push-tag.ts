// The tag the docker driver pushes a target by (it cannot push by digest), and the pull request a
// runner builds, which gives that tag its own name (its inline cache is never a default-branch
// build's). Pure: shared by the build stage and the action's post step, which removes the tag a
// run left on a self-hosted runner.
import { mayBuildPullRequestCode, type RunEventFacts } from '../util/pull-request-code.js';

/** The pull request a GitHub runner builds (GITHUB_REF refs/pull/N/...), else undefined. */
export function pullRequestOf(env: Readonly<Record<string, string | undefined>>): number | undefined {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_EVENT_NAME?.startsWith('pull_request')) return undefined;
  const n = /^refs\/pull\/([1-9]\d*)\//.exec(env.GITHUB_REF ?? '')?.[1];
  return n !== undefined ? Number(n) : undefined;
}

/**
 * What a run that may build a pull request's code (src/util/pull-request-code.ts) must not touch:
 * undefined for a branch's run. `pushScope` names its push tag (`prN` for a pull request's ref,
 * `untrusted` for any other such run: pull_request_target, a fork's workflow_run, issue_comment,
 * whose GITHUB_REF is the default branch); `ghaOwnScope`: GitHub keeps its gha cache entries to its own
 * ref (refs/pull/N/...), so it may write them; elsewhere they would land in the branch's scope.
 */
export interface UntrustedRun {
  pushScope: string;
  ghaOwnScope: boolean;
}

export function untrustedRunOf(
  env: Readonly<Record<string, string | undefined>>,
  event: RunEventFacts = {},
): UntrustedRun | undefined {
  if (!mayBuildPullRequestCode(env, event)) return undefined;
  const pr = pullRequestOf(env);
  return pr !== undefined
    ? { pushScope: `pr${pr}`, ghaOwnScope: true }
    : { pushScope: 'untrusted', ghaOwnScope: false };
}

/** `ml-image-build-[SCOPE-]VARIANT-ARCH`: the tag (without the repository) the docker driver pushes by. */
export const buildPushTag = (variant: string, arch: string, scope: string | undefined): string =>
  `ml-image-build-${scope !== undefined ? `${scope}-` : ''}${variant}-${arch}`;
