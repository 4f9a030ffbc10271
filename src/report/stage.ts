// The report stage: this run's records vs the base branch's -> one Markdown report per variant
// (report-<variant>.md/.json, artifacts) and ONE report for the whole run (report.md: every variant
// and platform), which is the job summary and ONE sticky pull-request comment (or, where the token
// cannot write, the fork-safe artifact a privileged workflow_run job posts); a job that reports only
// some of the config's variants (a variants filter) has a comment of its own (keys.ts).
import type { Config } from '../config/schema.js';
import { CheckFailedError } from '../errors.js';
import { lazyGitHubClient } from '../github/connect.js';
import type { GitContext, Plan } from '../plan/schema.js';
import { explanationLines } from '../resolve/result.js';
import type { ResultDir } from '../results/results.js';
import { COMMENT_ARTIFACT_SCHEMA_VERSION } from './artifact.js';
import { fitCommentArtifact, fitMessage } from './artifact-fit.js';
import {
  type BaseRecords,
  baselineOf,
  noBaselineReason,
  readEntries,
  restoreBase,
  saveBase,
  thisBuild,
} from './base-records.js';
import { baselineKeys, replacedMarkers, reportKey, type RunKey, runKeyOf } from './keys.js';
import { buildReportModel } from './model.js';
import type { ReportModel } from './model-schema.js';
import { markerFor, renderReport } from './render.js';
import { renderRun, UNREPORTED_VERDICT } from './render/run.js';
import { budgetBreaches } from './size.js';
import type { GitHubTarget, ReportOptions, ReportOutcome } from './stage-options.js';
import { upsertStickyComment } from './sticky.js';
import { reportedDigests, supplyChainOf } from './supply-chain.js';

export { restoreBaseline } from './baseline.js';
export { baselineKeys, configVariantNames, replacedMarkers, reportKey, runMarkerKey } from './keys.js';
export {
  COMMENT_MODES,
  type CommentMode,
  type GitHubTarget,
  type ReportOptions,
  type ReportOutcome,
} from './stage-options.js';

/**
 * The run's verdict lines (the action's verdict output): each outcome's, then each of UNREPORTED
 * (the run's variants with no report, ReportStageResult's), as report.md and the comment name them.
 */
export function runVerdictLines(
  outcomes: readonly Pick<ReportOutcome, 'variant' | 'verdict'>[],
  unreported: readonly string[],
): string[] {
  return [
    ...outcomes.map((o) => `${o.variant}: ${o.verdict}`),
    ...unreported.map((v) => `${v}: ${UNREPORTED_VERDICT}`),
  ];
}

export interface ReportStageInput {
  plan: Plan;
  config: Config;
  /** Where the records are read from (env-*, smoke-*, resolution-*, attest.json). */
  results: ResultDir;
  /** Where the reports go (report.md, report-<variant>.md/.json, comment/); default: results. */
  out?: ResultDir;
  /**
   * The config file's variants (configVariantNames), before a variants filter: a run of only some
   * of them keys its comment on those (runKeyOf). Undefined: the plan's are all of them.
   */
  configVariants?: readonly string[];
  /**
   * The config file's platforms, before a platforms filter (--platforms, the `platforms` input): a
   * platform the run left out keeps its records in the baseline it saves (saveBase). Undefined:
   * the plan's are all of them.
   */
  configPlatforms?: readonly string[];
  git: GitContext;
  options: ReportOptions;
}

/** What the report stage did, and what fails it once the reports are written and posted. */
export interface ReportStageResult {
  outcomes: ReportOutcome[];
  /** The run's variants with no report (no environment record): the comment's "not reported". */
  unreported: string[];
  /**
   * What fails the stage after its reports are written: the comment's post (its own error and exit
   * code), else a size-budget breach (exit 1). runReportStage throws it; reportStage hands it back.
   */
  failure?: Error;
}

export interface ReportStageIo {
  env: Readonly<Record<string, string | undefined>>;
  progress: (line: string) => void;
  warning: (message: string, props?: { title?: string }) => void;
  summary?: (markdown: string) => Promise<void>;
}

/** The report stage; a size-budget breach fails it (thrown) after the reports are written and posted. */
export async function runReportStage(input: ReportStageInput, io: ReportStageIo): Promise<ReportOutcome[]> {
  const { outcomes, failure } = await reportStage(input, io);
  if (failure) throw failure;
  return outcomes;
}

/**
 * The report stage, its failure handed back rather than thrown: a caller says what was reported
 * (the action's outputs, the CLI's printed report.md) before it fails with it.
 */
export async function reportStage(input: ReportStageInput, io: ReportStageIo): Promise<ReportStageResult> {
  const outcomes: ReportOutcome[] = [];
  const models: ReportModel[] = [];
  const out = input.out ?? input.results;
  const runKey = runKeyOf(input.plan, input.config, input.configVariants);
  out.checkReportTargets(input.plan.variants.map((v) => v.name)); // none written if one cannot be
  const unreported: string[] = [];
  for (const v of input.plan.variants) {
    const r = await reportVariant(input, io, v);
    if (!r) {
      noteRemoved(out, io, out.removeVariantReport(v.name));
      unreported.push(v.name);
      continue;
    }
    models.push(r.model);
    outcomes.push({ ...r.outcome, runMarkerKey: runKey.key });
  }
  if (models.length === 0) {
    noteRemoved(out, io, out.removeRunReport());
    return { outcomes, unreported };
  }
  // The run's report: what the comment says, and the job summary.
  const run = renderRun(models, {
    markerKey: runKey.key,
    maxChars: input.options.maxChars ?? 65_536,
    unreported,
  });
  const runFile = out.writeRunReport(run.markdown);
  for (const o of outcomes) o.runFile = runFile;
  if (models.length > 1) io.progress(`run: ${models.length} variants -> ${runFile}`);
  if (input.config.report.summary && io.summary) await io.summary(run.markdown);
  // A comment that could not be posted (GitHub down, a token without the right): the reports are
  // written by now, and the caller says so (outputs, the printed report.md) before it fails.
  const posted = await comment(input, io, { models, unreported }, outcomes, runKey).then(
    () => undefined,
    (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
  );
  const budget = overBudget(models);
  if (posted && budget) io.warning(budget.message, { title: 'ml-image report' });
  const failure = posted ?? budget;
  return { outcomes, unreported, ...(failure && { failure }) };
}

/** An earlier run's report files REMOVED, which this run has nothing to put in place of. */
function noteRemoved(out: ResultDir, io: ReportStageIo, removed: readonly string[]): void {
  if (removed.length > 0) io.progress(`removed an earlier run's ${removed.join(', ')} from ${out.dir}`);
}

/** After the report is written and posted: a size-budget breach fails the stage (exit 1). */
function overBudget(models: readonly ReportModel[]): CheckFailedError | undefined {
  const lines = models.flatMap((m) =>
    budgetBreaches(m.sizeBudget, m.platforms).map((b) => `${m.variant}: ${b.text}`),
  );
  if (lines.length === 0) return undefined;
  return new CheckFailedError(
    `the image is over its size budget (config size.budget):\n${lines.map((l) => `  ${l}`).join('\n')}`,
  );
}

/** One variant: its records vs the baseline's -> report-<variant>.md/.json, the summary, the baseline. */
async function reportVariant(
  input: ReportStageInput,
  io: ReportStageIo,
  v: Plan['variants'][number],
): Promise<{ model: ReportModel; outcome: Omit<ReportOutcome, 'runMarkerKey'> } | undefined> {
  const { plan, config, results, options } = input;
  // An earlier image's records (a result directory a run of fewer platforms reused) are not this PR's.
  const built = thisBuild(results, v.name, v.platforms);
  for (const note of built.notes) io.progress(`${v.name}: ${note}`);
  const platforms = built.records;
  if (platforms.length === 0) {
    io.progress(`${v.name}: no env-${v.name}-*.json in ${results.dir} (smoke not run?): nothing to report`);
    return undefined;
  }
  const files = platforms.flatMap((p) => results.recordFiles(v.name, p));
  const markerKey = reportKey(plan, config, v.name, input.configVariants);
  const keys = baselineKeys(plan, config, v.name, input.configVariants);
  const lookup = {
    store: options.baseline,
    baseBranch: options.baseBranch,
    defaultBranch: options.github?.defaultBranch,
  };
  const base = await restoreBase(lookup, keys);
  const read = readEntries(results, base?.dir, v.name, platforms, input.configPlatforms ?? v.platforms);
  const { entries, baseUnreadable } = read;
  if (baseUnreadable)
    io.warning(`${v.name}: the baseline could not be read, reporting without it: ${baseUnreadable}`, {
      title: 'ml-image report',
    });
  const hasBase = !!base && baseUnreadable === undefined;
  const gh = options.github;
  const resolution = resolutionLines(results, v.name, built.resolutions);
  const { supplyChain, dropped } = supplyChainOf(
    results.readAttest(),
    v.name,
    reportedDigests(results, v.name, entries),
  );
  for (const line of dropped) io.warning(line, { title: 'ml-image report' });
  const model = buildReportModel({
    image: plan.repository,
    variant: v.name,
    // The plan's platforms, not the ones that produced records: a missing platform must not
    // change the marker (a second comment).
    markerKey,
    entries: hasBase ? entries : entries.map((e) => ({ ...e, base: null, baseSmoke: null })),
    baseline: hasBase ? baselineOf(base) : null,
    ...(!hasBase && { noBaselineReason: noBaselineReason(lookup, baseUnreadable, base?.ref) }),
    ...(resolution.length > 0 && { resolution }),
    links: {
      ...(gh?.runUrl && { run: gh.runUrl, artifact: `${gh.runUrl}#artifacts` }),
    },
    head: { ...(input.git.ref && { ref: input.git.ref }), ...(input.git.sha && { sha: input.git.sha }) },
    ...(supplyChain && { supplyChain }),
    ...(config.size.budget !== undefined && { sizeBudget: config.size.budget }),
    ...(hasBase && { droppedPlatforms: read.dropped }),
    unreportedPlatforms: v.platforms.filter((p) => !platforms.includes(p)),
  });
  const rendered = renderReport(model, { maxChars: options.maxChars ?? 65_536 });
  const file = (input.out ?? results).writeReport(v.name, rendered.markdown, model);
  io.progress(`${v.name}: ${rendered.verdict} -> ${file}`);
  await saveBaseline(input, io, { variant: v, keys, files, recorded: platforms }, base);
  return {
    model,
    outcome: {
      variant: v.name,
      markerKey,
      file,
      runFile: '',
      verdict: rendered.verdict,
      hasBaseline: hasBase,
    },
  };
}

/**
 * On the default branch (or a local run): this run's records as the variant's baseline. A platform
 * of the config the run has no record of keeps the last save's (saveBase); the log says what was
 * saved, and a save the store did not take (it warned why) is never said to be.
 */
async function saveBaseline(
  input: ReportStageInput,
  io: ReportStageIo,
  run: { variant: Plan['variants'][number]; keys: string[]; files: string[]; recorded: string[] },
  base: BaseRecords | undefined,
): Promise<void> {
  const { saveAs, baseline: store } = input.options;
  if (!saveAs || !store) return;
  const v = run.variant;
  const warning = (m: string) => io.warning(`${v.name}: ${m}`, { title: 'ml-image report' });
  const planned = input.configPlatforms ?? v.platforms;
  const save = { store, saveAs, keys: run.keys, variant: v.name, files: run.files, recorded: run.recorded };
  const { saved, kept } = await saveBase({ ...save, planned, warning }, base);
  const where = `the baseline of ${saveAs.branch} (${store.describe()})`;
  if (!saved) return io.progress(`${v.name}: records not saved as ${where}`);
  io.progress(
    `${v.name}: records saved as ${where}${
      kept.length > 0 ? `; ${kept.join(', ')} kept from the previous one (no record in this run)` : ''
    }`,
  );
}

/** The run's reports, and its variants that have none (renderRun's unreported). */
interface RunReports {
  models: readonly ReportModel[];
  unreported: readonly string[];
}

/** ONE sticky comment for the run on the pull request, or the fork-safe artifact, or nothing. */
async function comment(
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
  if (mode === 'off' || models.length === 0 || !gh?.prNumber) {
    if (mode !== 'off' && models.length > 0) io.progress('no pull request: comment skipped');
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
    render: (maxChars) => renderRun(models, { markerKey: runKey, maxChars, unreported }).markdown,
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
    `comment ${r.action}${r.commentId ? ` (#${r.commentId})` : ''} for ${models.length} variant(s)`,
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

/** The resolver's findings for this variant (what the pipeline wrote per platform), as text lines. */
function resolutionLines(results: ResultDir, variant: string, platforms: readonly string[]): string[] {
  const lines: string[] = [];
  for (const p of platforms) {
    const r = results.readResolution(variant, p);
    // Only what changed something is worth a reviewer's time.
    if (r && (r.status !== 'clean' || r.hazards.length > 0)) lines.push(...explanationLines(r));
  }
  return lines;
}
