// Whether a trusted run on GitHub Actions builds another ref than the default branch (a feature
// branch's push, a tag, a merge queue's group, a workflow_dispatch of another branch): such a run
// reads the caches the default branch writes, but writes none that the default branch reads (its
// registry cache, the docker driver's push tag, the pip cache volume), so that no branch plants
// layers or index pages a release build reuses. GitHub keeps a gha cache entry to the ref that
// wrote it (GITHUB_REF), so gha stays writable, but for a workflow_run run (its GITHUB_REF is the
// default branch). Pure over env + the event payload.
import { createHash } from 'node:crypto';
import { defaultBranchOf, type GitHubEvent } from './event.js';

/** A run of another ref than the default branch: the ref, and the short name its writes go under. */
interface OtherRef {
  /** refs/heads/feature, refs/tags/v1.2.3; a workflow_run run's: the name of the branch (or tag) it follows. */
  ref: string;
  /** `ref-` and 8 hex digits of the sha256 of the ref's group (scopeKey): [a-z0-9-] only. */
  scope: string;
  /** The default branch, as the payload names it. */
  defaultBranch: string;
  /**
   * Whether GITHUB_REF is that ref, so that GitHub keeps the run's gha cache entries to it: not a
   * workflow_run run's, whose GITHUB_REF is the default branch (its gha writes would be that
   * branch's).
   */
  ownRef: boolean;
}

/**
 * What a ref's writes are grouped under: every tag together (releases, few and alike), a merge
 * queue's groups by the branch they go into (each group's ref is new), any other ref by itself.
 * So scopes do not pile up one per tag or per merge group.
 */
function scopeKey(ref: string): string {
  if (ref.startsWith('refs/tags/')) return 'refs/tags/*';
  const queue = /^((?:refs\/heads\/)?gh-readonly-queue\/[^/]+)\//.exec(ref);
  return queue ? queue[1]! : ref;
}

/**
 * The ref a GitHub run builds when it is not the default branch; undefined for the default
 * branch's run, off GitHub Actions, and where the payload does not name the default branch (then
 * nothing is known to tell them apart: the run writes as before). A workflow_run run has the
 * default branch's GITHUB_REF whatever it follows: the branch (or tag) of the run it follows counts.
 */
export function otherRefOf(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
): OtherRef | undefined {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  const defaultBranch = defaultBranchOf(env, event);
  if (defaultBranch === undefined) return undefined;
  if (env.GITHUB_EVENT_NAME === 'workflow_run') {
    const run = event.workflow_run;
    const name = run?.head_branch;
    if (name === defaultBranch) return undefined;
    // Scoped as the run it follows was: a release's head_branch is its tag; a push's may be a tag
    // too (the payload does not say): then it is scoped as a branch of that name. None named: not
    // the default branch's, as far as can be told.
    const full = name ? (run?.event === 'release' ? `refs/tags/${name}` : `refs/heads/${name}`) : '';
    return {
      ref: name || 'a ref the payload does not name',
      scope: scopeOf(full),
      defaultBranch,
      ownRef: false,
    };
  }
  const ref = env.GITHUB_REF;
  if (!ref || ref === `refs/heads/${defaultBranch}`) return undefined;
  return { ref, scope: scopeOf(ref), defaultBranch, ownRef: true };
}

const scopeOf = (ref: string) =>
  `ref-${createHash('sha256').update(scopeKey(ref)).digest('hex').slice(0, 8)}`;
