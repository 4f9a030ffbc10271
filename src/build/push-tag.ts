// The tag the docker driver pushes a target by (it cannot push by digest), and the pull request a
// runner builds, or the other ref than the default branch, which gives that tag its own name (its
// inline cache is never a default-branch build's). Pure: shared by the build stage and the
// action's post step, which removes the tag a run left on a self-hosted runner.
import type { GitHubEvent } from '../github/event.js';
import { otherRefOf } from '../github/run-ref.js';
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
  /** Why it writes no cache other refs read, as the build's notes start. */
  why: string;
  /** Set for a trusted run of another ref than the default branch (writeScopeOf). */
  otherRef?: boolean;
}

export function untrustedRunOf(
  env: Readonly<Record<string, string | undefined>>,
  event: RunEventFacts = {},
): UntrustedRun | undefined {
  if (!mayBuildPullRequestCode(env, event)) return undefined;
  const pr = pullRequestOf(env);
  const why = "may build a pull request's code";
  return pr !== undefined
    ? { pushScope: `pr${pr}`, ghaOwnScope: true, why }
    : { pushScope: 'untrusted', ghaOwnScope: false, why };
}

/**
 * What keeps a run's writes from the default branch's: a run that may build a pull request's code
 * (untrustedRunOf), else a trusted run of another ref (github/run-ref.ts otherRefOf: it reads the
 * default branch's caches and writes none of them; GitHub keeps its gha entries to its ref, but
 * for a workflow_run run's, whose GITHUB_REF is the default branch), else
 * undefined: the default branch's run, or one nothing tells apart from it (off GitHub).
 */
export function writeScopeOf(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
): UntrustedRun | undefined {
  const untrusted = untrustedRunOf(env, event);
  if (untrusted) return untrusted;
  const other = otherRefOf(env, event);
  return (
    other && {
      pushScope: other.scope,
      ghaOwnScope: other.ownRef,
      why: `a run of ${other.ref}, not of the default branch ${other.defaultBranch}`,
      otherRef: true,
    }
  );
}

/**
 * `ml-image-build-VARIANT-ARCH`, or `ml-image-build.SCOPE-VARIANT-ARCH` for a scoped run: the tag
 * (without the repository) the docker driver pushes by. A scoped tag starts with the `.` no
 * default-branch tag has: a variant name may hold `-` (`pr5-cuda`), so a scope joined by `-` let
 * PR 5's `cuda` push the default branch's `pr5-cuda` tag, whose inline cache that branch reads.
 * Each scope ends where it is known to (`prN-`, `untrusted-`, `ref-` and 8 hex digits then `-`),
 * so no two scopes' tags meet either.
 */
export const buildPushTag = (variant: string, arch: string, scope: string | undefined): string =>
  `${scopedBuildTagPrefix(scope)}${variant}-${arch}`;

/** What a push tag starts with before its variant: `ml-image-build-`, `ml-image-build.SCOPE-`. */
export const scopedBuildTagPrefix = (scope: string | undefined): string =>
  scope !== undefined ? `ml-image-build.${scope}-` : 'ml-image-build-';

/** The push tags' shape before VARIANT-ARCH, for a pattern (any scope of writeScopeOf, or none). */
export const BUILD_TAG_PREFIX_PATTERN = String.raw`ml-image-build(?:\.(?:pr[1-9]\d*|untrusted|ref-[0-9a-f]{8}))?-`;

/**
 * A scoped run's build request fields (buildx-args.ts): its cache read-only, for WHY; gha written
 * where GitHub keeps its entries to the run's ref; the default branch's push tag read for its
 * inline cache (docker driver), beside the run's own, which a first build of the ref lacks.
 */
export const scopedCacheOf = (u: UntrustedRun, variant: string, arch: string) => ({
  cacheReadOnly: u.why,
  ghaCacheOwnScope: u.ghaOwnScope,
  defaultPushTag: buildPushTag(variant, arch, undefined),
});
