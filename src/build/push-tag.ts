// The tag the docker driver pushes a target by (it cannot push by digest), and the pull request a
// runner builds, which gives that tag its own name (its inline cache is never a default-branch
// build's). Pure: shared by the build stage and the action's post step, which removes the tag a
// run left on a self-hosted runner.

/** The pull request a GitHub runner builds (GITHUB_REF refs/pull/N/...), else undefined. */
export function pullRequestOf(env: Readonly<Record<string, string | undefined>>): number | undefined {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_EVENT_NAME?.startsWith('pull_request')) return undefined;
  const n = /^refs\/pull\/([1-9]\d*)\//.exec(env.GITHUB_REF ?? '')?.[1];
  return n !== undefined ? Number(n) : undefined;
}

/** `ml-image-build-[prN-]VARIANT-ARCH`: the tag (without the repository) the docker driver pushes by. */
export const buildPushTag = (variant: string, arch: string, pullRequest: number | undefined): string =>
  `ml-image-build-${pullRequest !== undefined ? `pr${pullRequest}-` : ''}${variant}-${arch}`;
