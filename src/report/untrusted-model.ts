// What the fork-safe poster shows of a report model from an untrusted artifact. Every value is
// text the renderer escapes, but a link is followed, and the comment is posted with the write
// token, in this repository's name. So the poster does not take links from the artifact: the run
// links are rebuilt from what the workflow_run job knows itself (the server, the repository, the
// id of the run that made the artifact). Nor does it show the artifact's supply-chain section: a
// pull request's run signs nothing (the workflows sign only the default branch, tags and
// schedules), so any signing claim or verify command there is the fork's own, and a verify
// command naming a real release's digest would pass for an image the pull request never built.
import { actionsRunUrl, isOwnerRepo } from '../github/run.js';
import { clip, safeUrl } from './escape.js';
import type { ReportModel } from './model-schema.js';

type Env = Readonly<Record<string, string | undefined>>;

/** An artifact's value in a log line: quoted, so no line break in it can start a line of its own. */
const q = (text: string, max: number) => JSON.stringify(clip(text, max));

/** What the poster knows without the artifact. */
export interface TrustedFacts {
  /** owner/repo the poster runs in (GITHUB_REPOSITORY); the run that made the artifact ran there too. */
  repository: string;
  /** The run that made the artifact; undefined: not known, and the comment links to no run. */
  runUrl?: string;
}

/** The facts from the poster's own environment: GITHUB_SERVER_URL, GITHUB_REPOSITORY, the workflow_run event's run id. */
export function trustedFacts(env: Env, runId: number | undefined): TrustedFacts {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const server = env.GITHUB_SERVER_URL;
  // Built as the pull request's own job builds its link (src/report/github-env.ts): a genuine
  // artifact's link is this very URL.
  const runUrl =
    server && safeUrl(server) && isOwnerRepo(repository) && runId !== undefined
      ? actionsRunUrl(server, repository, runId)
      : undefined;
  return { repository, ...(runUrl !== undefined && { runUrl }) };
}

/**
 * The model with the poster's own run links and no supply-chain section; `dropped` says, for the
 * log, what of the artifact's was left out (a link is replaced by the poster's own).
 */
export function constrainUntrusted(
  model: ReportModel,
  facts: TrustedFacts,
): { model: ReportModel; dropped: string[] } {
  const dropped: string[] = [];
  const report = `report ${q(model.variant, 40)}`;
  const links: ReportModel['links'] = facts.runUrl
    ? { run: facts.runUrl, artifact: `${facts.runUrl}#artifacts` }
    : {};
  for (const k of ['run', 'artifact'] as const) {
    const claimed = model.links[k];
    if (claimed !== undefined && claimed !== links[k])
      dropped.push(
        `${report}: the artifact's ${k} link ${q(claimed, 300)} is not one ml-image writes for ${facts.repository}: left out`,
      );
  }
  if (model.supplyChain !== undefined)
    dropped.push(
      `${report}: the artifact's supply-chain section (${model.supplyChain.targets.length} platform image(s)) is left out: a pull request's run signs nothing`,
    );
  const { supplyChain: _claimed, ...rest } = model;
  return { model: { ...rest, links }, dropped };
}
