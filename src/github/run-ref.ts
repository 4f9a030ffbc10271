// Whether a trusted run on GitHub Actions builds another ref than the default branch (a feature
// branch's push, a tag, a merge queue's group, a workflow_dispatch of another branch): such a run
// reads the caches the default branch writes, but writes none that the default branch reads (its
// registry cache, the docker driver's push tag, the pip cache volume), so that no branch plants
// layers or index pages a release build reuses. GitHub keeps a gha cache entry to the ref that
// wrote it, so gha stays writable. Pure over env + the event payload.
import { createHash } from 'node:crypto';
import { defaultBranchOf, type GitHubEvent } from './event.js';

/** A run of another ref than the default branch: the ref, and the short name its writes go under. */
export interface OtherRef {
  /** refs/heads/feature, refs/tags/v1.2.3, refs/heads/gh-readonly-queue/main/pr-7-... */
  ref: string;
  /** `ref-` and 8 hex digits of the ref's sha256: a tag or scope word of [a-z0-9-] only. */
  scope: string;
  /** The default branch, as the payload names it. */
  defaultBranch: string;
}

/**
 * The ref a GitHub run builds when it is not the default branch; undefined for the default
 * branch's run, off GitHub Actions, and where the payload does not name the default branch (then
 * nothing is known to tell them apart: the run writes as before). A workflow_run run has the
 * default branch's GITHUB_REF whatever it follows: the branch of the run it follows counts.
 */
export function otherRefOf(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
): OtherRef | undefined {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  const defaultBranch = defaultBranchOf(env, event);
  if (defaultBranch === undefined) return undefined;
  const followed = env.GITHUB_EVENT_NAME === 'workflow_run' ? event.workflow_run?.head_branch : undefined;
  const ref = followed ? `refs/heads/${followed}` : env.GITHUB_REF;
  if (!ref || ref === `refs/heads/${defaultBranch}`) return undefined;
  const scope = `ref-${createHash('sha256').update(ref).digest('hex').slice(0, 8)}`;
  return { ref, scope, defaultBranch };
}
