// The run's report as one pull-request comment: ONE sticky comment for the whole run, or (a fork's
// read-only token, comment-mode artifact) the fork-safe artifact the poster workflow posts. A run
// with no report of any variant (renderNoneReported) is posted too, in place of the earlier one.
import { lazyGitHubClient } from '../github/connect.js';
import { COMMENT_ARTIFACT_SCHEMA_VERSION } from './artifact.js';
import { fitCommentArtifact, fitMessage } from './artifact-fit.js';
import { replacedMarkers, type RunKey, runKeyOf } from './keys.js';
import type { ReportModel } from './model-schema.js';
import { markerFor } from './render.js';
import { renderRunOrNone } from './render/none.js';
import type { RunRenderResult } from './render/run.js';
import type { GitHubTarget, ReportOutcome, ReportStageInput, ReportStageIo } from './stage-options.js';
import { upsertStickyComment } from './sticky.js';

/** The run's reports, and its variants that have none (renderRun's unreported). */
export interface RunReports {
  models: readonly ReportModel[];
  unreported: readonly string[];
  /** The report as rendered already (report.md) in at most maxChars: the comment of that size is it. */
  rendered?: { maxChars: number; markdown: string };
}

/** The run's report (report.md, the summary, the comment) in at most maxChars (renderRunOrNone). */
export function renderRunReport(
  input: ReportStageInput,
  { models, unreported }: RunReports,
  markerKey: string,
  maxChars: number,
): RunRenderResult {
  const gh = input.options.github;
  const headSha = gh?.headSha ?? input.git.sha;
  return renderRunOrNone(models, unreported, {
    markerKey,
    maxChars,
    image: input.plan.repository,
    ...(headSha && { headSha }),
    ...(gh?.runUrl && { runUrl: gh.runUrl }),
  });
}

/** ONE sticky comment for the run on the pull request, or the fork-safe artifact, or nothing. */
export async function commentOnRun(
  input: ReportStageInput,
  io: ReportStageIo,
  run: RunReports,
  outcomes: ReportOutcome[],
  { key: runKey, subset }: RunKey,
): Promise<void> {
  const { config, options } = input;
  const { models, unreported } = run;
  const gh = options.github;
  const mode = config.report.comment ? options.mode : 'off';
  if (mode === 'off' || !gh?.prNumber) {
    if (mode !== 'off') io.progress('no pull request: comment skipped');
    return;
  }
  const toArtifact = mode === 'artifact' || (mode === 'auto' && (gh.fromFork || !gh.token));
  if (toArtifact) return writeArtifact(input, io, { ...gh, prNumber: gh.prNumber }, run, runKey);
  if (!gh.token) {
    io.warning('comment-mode post needs github-token; the report is in the job summary only', {
      title: 'ml-image report',
    });
    return;
  }
  const client = await (options.client ?? lazyGitHubClient(io.progress))(gh.token, gh.apiUrl);
  const [owner, repo] = gh.repository.split('/') as [string, string];
  const r = await upsertStickyComment(client, {
    owner,
    repo,
    issueNumber: gh.prNumber,
    marker: markerFor(runKey),
    // The body of report.md's size is report.md (a report of many variants took long to render):
    // rendered again only smaller, when GitHub refuses it.
    render: (maxChars) =>
      maxChars === run.rendered?.maxChars
        ? run.rendered.markdown
        : renderRunReport(input, run, runKey, maxChars).markdown,
    replaces: replacedMarkers(
      models,
      [input.plan.repository],
      subset && { variants: subset, keep: runKeyOf(input.plan, config).key },
    ),
    ...(gh.author !== undefined && { author: gh.author }),
    ...(gh.forbidden !== undefined && { forbidden: gh.forbidden }),
    log: { info: io.progress, warning: (m) => io.warning(m, { title: 'ml-image report' }) },
  });
  const done = { action: r.action, ...(r.commentId !== undefined && { commentId: r.commentId }) };
  for (const o of outcomes) o.comment = done;
  io.progress(
    `comment ${r.action}${r.commentId ? ` (#${r.commentId})` : ''} for ${models.length} variant(s)${
      unreported.length > 0 ? ` (${unreported.length} not reported)` : ''
    }`,
  );
  // auto: "post when the token can write, else write the fork-safe artifact". A same-repository
  // pull request's token may be read-only too (the repository's default workflow permissions).
  if (r.action === 'forbidden' && mode === 'auto') {
    io.progress(
      'comment-mode auto: the token cannot write the comment (403): writing the fork-safe artifact',
    );
    writeArtifact(input, io, { ...gh, prNumber: gh.prNumber }, run, runKey);
  }
}

/** The fork-safe artifact of the run's comment, for the poster workflow (workflow_run) to post. */
function writeArtifact(
  input: ReportStageInput,
  io: ReportStageIo,
  gh: GitHubTarget & { prNumber: number },
  { models, unreported }: RunReports,
  runKey: string,
): void {
  const headSha = gh.headSha ?? input.git.sha;
  if (!headSha) {
    io.warning('no head commit known (GITHUB_SHA): the comment artifact cannot be written', {
      title: 'ml-image report',
    });
    return;
  }
  // Over the poster's size limit, the package lists are cut to what the comment can show
  // (artifact-fit.ts): a big run is never a failed job.
  const fit = fitCommentArtifact({
    schemaVersion: COMMENT_ARTIFACT_SCHEMA_VERSION,
    prNumber: gh.prNumber,
    headSha,
    repository: gh.repository,
    markerKey: runKey,
    reports: [...models],
    // Only when there are: a poster of an earlier version reads the rest of the artifact.
    ...(unreported.length > 0 && { unreported: [...unreported] }),
  });
  const said = fitMessage(fit);
  if (said?.warn) io.warning(said.text, { title: 'ml-image report' });
  else if (said) io.progress(said.text);
  if (!fit.payload) return;
  const dir = (input.out ?? input.results).writeComment(fit.payload);
  io.progress(
    `comment payload written to ${dir}: upload it as the "ml-image-comment" artifact for the poster workflow`,
  );
}
