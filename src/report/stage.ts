// The report stage: this run's records vs the base branch's -> one Markdown report per variant
// (report-<variant>.md/.json, artifacts) and ONE report for the whole run (report.md: every variant
// and platform), which is the job summary and ONE sticky pull-request comment (or, where the token
// cannot write, the fork-safe artifact a privileged workflow_run job posts); a job that reports only
// some of the config's variants (a variants filter) has a comment of its own (keys.ts).
import { CheckFailedError } from '../errors.js';
import type { Plan } from '../plan/schema.js';
import { explanationLines } from '../resolve/result.js';
import type { ResultDir } from '../results/results.js';
import {
  type BaseRecords,
  baselineOf,
  noBaselineReason,
  readEntries,
  restoreBase,
  saveBase,
  thisBuild,
} from './base-records.js';
import { baselineKeys, reportKey, runKeyOf } from './keys.js';
import { buildReportModel } from './model.js';
import type { ReportModel } from './model-schema.js';
import { DEFAULT_MAX_CHARS, renderReport } from './render.js';
import { UNREPORTED_VERDICT } from './render/run.js';
import { commentOnRun, renderRunReport } from './run-comment.js';
import { budgetBreaches } from './size.js';
import type { ReportOutcome, ReportStageInput, ReportStageIo } from './stage-options.js';
import { reportedDigests, supplyChainOf } from './supply-chain.js';

export { restoreBaseline } from './baseline.js';
export { baselineKeys, configVariantNames, replacedMarkers, reportKey, runMarkerKey } from './keys.js';
export {
  COMMENT_MODES,
  type CommentMode,
  type GitHubTarget,
  type ReportOptions,
  type ReportOutcome,
  type ReportStageInput,
  type ReportStageIo,
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

/** What the report stage did, and what fails it once the reports are written and posted. */
export interface ReportStageResult {
  outcomes: ReportOutcome[];
  /** The run's variants with no report (no environment record): the comment's "not reported". */
  unreported: string[];
  /** The run's report.md, when written (with no outcome too: a pull request's run that reports none). */
  runFile?: string;
  /**
   * What fails the stage after its reports are written: the comment's post (its own error and exit
   * code), else a size-budget breach (exit 1). runReportStage throws it; reportStage hands it back.
   */
  failure?: Error;
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
  // No report of any variant: without a pull request, nothing (the earlier run's files go); on one,
  // a report saying so takes the earlier comment's place (reportsNone).
  if (models.length === 0 && !reportsNone(input, unreported)) {
    noteRemoved(out, io, out.removeRunReport());
    // A report step that passed with nothing to say read as a green one (ml-image report: exit 2).
    if (input.noneReported !== 'skip')
      io.warning(
        `no variant of this run was reported: ${input.results.dir} holds no environment record (env-<variant>-<arch>.json) of ${unreported.join(', ')}: their capture or build failed, or their records are elsewhere`,
        { title: 'ml-image report' },
      );
    return { outcomes, unreported };
  }
  // The run's report: what the comment says, and the job summary.
  const maxChars = input.options.maxChars ?? DEFAULT_MAX_CHARS;
  const run = renderRunReport(input, { models, unreported }, runKey.key, maxChars);
  const reports = { models, unreported, rendered: { maxChars, markdown: run.markdown } };
  const runFile = out.writeRunReport(run.markdown);
  for (const o of outcomes) o.runFile = runFile;
  if (models.length > 1) io.progress(`run: ${models.length} variants -> ${runFile}`);
  if (models.length === 0) io.progress(`run: no variant reported (${unreported.join(', ')}) -> ${runFile}`);
  if (input.config.report.summary && io.summary) await io.summary(run.markdown);
  // A comment that could not be posted (GitHub down, a token without the right): the reports are
  // written by now, and the caller says so (outputs, the printed report.md) before it fails.
  const posted = await commentOnRun(input, io, reports, outcomes, runKey).then(
    () => undefined,
    (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
  );
  // With no report, the run has failed already (its capture or build): that error stays its own.
  if (models.length === 0) {
    if (posted) io.warning(`the report could not be posted: ${posted.message}`, { title: 'ml-image report' });
    return { outcomes, unreported, runFile };
  }
  const budget = overBudget(models);
  if (posted && budget) io.warning(budget.message, { title: 'ml-image report' });
  const failure = posted ?? budget;
  return { outcomes, unreported, runFile, ...(failure && { failure }) };
}

/**
 * Whether a run with no report of any variant (UNREPORTED: all of them) still writes and posts its
 * report: on a pull request, so that the earlier comment (an older commit's verdict, say all green)
 * does not stand beside a failed run; never for ml-image report (noneReported 'skip': exit 2).
 */
function reportsNone(input: ReportStageInput, unreported: readonly string[]): boolean {
  return (
    (input.noneReported ?? 'report') === 'report' &&
    unreported.length > 0 &&
    input.options.github?.prNumber !== undefined
  );
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
  const rendered = renderReport(model, { maxChars: options.maxChars ?? DEFAULT_MAX_CHARS });
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
