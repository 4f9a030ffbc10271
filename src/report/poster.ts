// The fork-safe poster (report/ with from-artifact, in a workflow_run job): a fork's pull request
// ran with a read-only token and left its report models in an artifact. This job has write
// permission, so it trusts nothing in the artifact: schema-validated, re-rendered here with this
// version's escaping and size limit, posted only to the pull request the triggering run belongs to.
// Links are the poster's own, never the artifact's, and no supply-chain claim is shown (untrusted-model.ts).
import path from 'node:path';
import { InputError } from '../errors.js';
import { DEFAULT_API_URL } from '../github/api-url.js';
import { type GitHubClientFactory, lazyGitHubClient } from '../github/connect.js';
import type { GitHubEvent } from '../github/event.js';
import { COMMENT_ARTIFACT_FILE, readCommentArtifact } from './artifact.js';
import { restoreTrimmed } from './artifact-fit.js';
import { ReportModelSchema } from './model-schema.js';
import { DEFAULT_MAX_CHARS } from './render.js';
import { renderRunOrNone } from './render/none.js';
import { replacedMarkers } from './stage.js';
import { upsertStickyComment } from './sticky.js';
import { constrainUntrusted, trustedFacts } from './untrusted-model.js';
import { printable } from '../util/text.js';

export async function postFromArtifact(
  dir: string,
  io: {
    env: Readonly<Record<string, string | undefined>>;
    /** The runner's event payload, parsed by the caller (src/github/event.ts): the run it follows. */
    event: GitHubEvent;
    token: string | undefined;
    /** The login the token posts as (the comment-author input). */
    author?: string;
    /** The comment's key (the poster job's marker-key input); unset: see posterMarkerKey. */
    markerKey?: string;
    /**
     * The name of the folder the poster job downloaded the artifact into (its from-artifact input,
     * the artifact's name in the reusable workflow): the job's own, not the artifact's content.
     */
    artifactName?: string;
    info: (m: string) => void;
    warning: (m: string) => void;
    summary?: (markdown: string) => Promise<void>;
    client?: GitHubClientFactory;
  },
): Promise<{ verdicts: string[] }> {
  const repository = io.env.GITHUB_REPOSITORY;
  if (!repository)
    throw new InputError('from-artifact: GITHUB_REPOSITORY is not set (run this on a GitHub runner)');
  const run = io.event.workflow_run;
  // Only a workflow_run job can tie the artifact to the run that made it.
  if (run?.head_sha === undefined)
    throw new InputError(
      'from-artifact: run this in a workflow_run job (its event names the run whose artifact is posted)',
      'see workflows/fork-comment.yml',
    );
  // Schema, size, repository and commit are checked by the reader; each report model is
  // re-validated by ReportModelSchema and re-rendered (re-escaped) below.
  const artifact = readCommentArtifact(dir, {
    repository,
    headSha: run.head_sha,
    reportSchema: ReportModelSchema,
  });
  const prs = (run?.pull_requests ?? []).map((p) => p.number);
  // GitHub leaves pull_requests empty for fork pull requests; when it is filled, it must match.
  if (prs.length > 0 && !prs.includes(artifact.prNumber))
    throw new InputError(
      `from-artifact: pull request #${artifact.prNumber} is not one of the run's (${prs.join(', ')})`,
    );
  if (!io.token) throw new InputError('from-artifact: github-token is required to post the comment');
  const apiUrl = io.env.GITHUB_API_URL ?? DEFAULT_API_URL;
  const client = await (io.client ?? lazyGitHubClient(io.info))(io.token, apiUrl);
  const [owner, repo] = repository.split('/') as [string, string];
  // For a fork, GitHub leaves workflow_run.pull_requests empty, so the artifact's PR number is
  // only a claim: the pull request must really be at the commit the triggering run built.
  if (!client.getPullRequest)
    throw new InputError('from-artifact: the GitHub client cannot read pull requests');
  const pr = await client.getPullRequest({ owner, repo, pullNumber: artifact.prNumber });
  const refused = notThisRun(pr, artifact, run.head_repository?.full_name);
  if (refused !== undefined) {
    // A newer push won the race (its own run posts its report), the artifact names someone else's
    // pull request, or the fork is gone: nothing is posted, and it is not a failure of this job.
    io.warning(refused);
    return { verdicts: [] };
  }
  const facts = trustedFacts(io.env, run.id);
  // The comment's key, and so which comments of ours are updated or deleted, is the poster's own:
  // an artifact naming another key (another workflow's comment on this pull request) steers nothing.
  const markerKey = posterMarkerKey(repository, run.workflow_id, io.markerKey, io.artifactName);
  if (artifact.markerKey !== undefined && artifact.markerKey !== markerKey)
    io.info(
      `#${artifact.prNumber}: the artifact's comment key ${JSON.stringify(artifact.markerKey.slice(0, 200))} is not used: the poster's is ${markerKey}`,
    );
  // Package lists the pull request's job cut to fit the size limit are whole again (stand-ins for
  // the changes no comment could show), so the comment is the one the full reports render.
  const reports = restoreTrimmed(artifact, path.join(dir, COMMENT_ARTIFACT_FILE));
  const models = reports.map((m) => {
    const c = constrainUntrusted(m, facts);
    for (const d of c.dropped) io.warning(d);
    return { ...c.model, markerKey };
  });
  const unreported = artifact.unreported ?? [];
  if (models.length === 0 && unreported.length === 0) {
    io.info(`#${artifact.prNumber}: the artifact holds no report: nothing posted`);
    return { verdicts: [] };
  }
  // ONE comment for every variant of the run; the per-variant comments of older versions of the
  // same key (KEY:<variant>@<platforms>) go. A run that reported no variant (each capture failed)
  // names each as not reported, in place of the earlier comment (of an older commit).
  // The poster's own run link (facts), never the artifact's.
  const opts = { markerKey, headSha: artifact.headSha, ...(facts.runUrl && { runUrl: facts.runUrl }) };
  const render = (maxChars = DEFAULT_MAX_CHARS) => renderRunOrNone(models, unreported, { ...opts, maxChars });
  const first = render();
  const r = await upsertStickyComment(client, {
    owner,
    repo,
    issueNumber: artifact.prNumber,
    marker: first.marker,
    // The body first asked for is the one rendered above (both in GitHub's limit): a maximal
    // artifact took seconds to render, and was rendered twice. Smaller only when GitHub refuses it.
    render: (maxChars) => (maxChars === DEFAULT_MAX_CHARS ? first : render(maxChars)).markdown,
    replaces: replacedMarkers([], [markerKey]),
    ...(io.author !== undefined && { author: io.author }),
    log: { info: io.info, warning: io.warning },
  });
  io.info(`#${artifact.prNumber}: comment ${r.action} (${printable(first.verdict)})`);
  if (io.summary) await io.summary(first.markdown);
  return { verdicts: first.variants.map((v) => printable(`${v.variant}: ${v.verdict}`)) };
}

/** The artifact name of the reusable workflow and the templates: it adds nothing to the key. */
const DEFAULT_ARTIFACT_NAME = 'ml-image-comment';

/** The folder ml-image-comment.yml downloads each artifact into, under a folder of its name. */
const POSTER_DOWNLOAD_DIR = 'ml-image-comment-in';

/**
 * The artifact's name, from where the reusable poster workflow downloaded it
 * (`.../ml-image-comment-in/NAME`); undefined for any other folder, which a caller chose and which
 * names no artifact (its name would change the comment's key, and so leave a second comment).
 */
export function artifactNameOf(dir: string): string | undefined {
  return path.basename(path.dirname(dir)) === POSTER_DOWNLOAD_DIR ? path.basename(dir) : undefined;
}

/**
 * The poster's comment key, from what the workflow_run job knows itself: the marker-key input when
 * set (e.g. the image repository, the key the comments of earlier versions carry), else the
 * repository and the triggering run's workflow, so two build workflows keep two comments, and the
 * artifact's name when it is not the default, so two poster jobs of one workflow (two configs, two
 * artifacts) keep two comments too.
 */
export function posterMarkerKey(
  repository: string,
  workflowId: number | undefined,
  given: string | undefined,
  artifactName?: string,
): string {
  const key = given?.trim();
  if (key) return key;
  const base = workflowId !== undefined ? `${repository}:workflow-${workflowId}` : repository;
  const name = artifactName?.trim();
  return name && name !== DEFAULT_ARTIFACT_NAME ? `${base}:${name}` : base;
}

/**
 * Why the pull request is not the one the triggering run built (undefined: it is): another head
 * commit, a head repository that is gone (a deleted fork: nothing ties it to the run) or that the
 * event does not name (GitHub's schema always does: the same, failing closed), or another one
 * (exit 2: the artifact names someone else's pull request).
 */
function notThisRun(
  pr: { headSha: string; headRepo: string | null },
  artifact: { prNumber: number; headSha: string },
  runRepo: string | undefined,
): string | undefined {
  if (pr.headSha !== artifact.headSha)
    return `pull request #${artifact.prNumber} is at ${pr.headSha}, not at the artifact's ${artifact.headSha}: not posted`;
  if (!runRepo)
    return `the triggering run names no head repository: pull request #${artifact.prNumber} cannot be matched to it: not posted`;
  if (!pr.headRepo)
    return `pull request #${artifact.prNumber}'s head repository is gone (a deleted fork): it cannot be matched to the triggering run from ${runRepo}: not posted`;
  if (pr.headRepo.toLowerCase() !== runRepo.toLowerCase())
    throw new InputError(
      `from-artifact: pull request #${artifact.prNumber} comes from ${pr.headRepo}, the triggering run from ${runRepo}`,
    );
  return undefined;
}
