// The report stage: this run's records vs the base branch's -> one Markdown report per variant,
// written to result-dir, the job summary and ONE sticky pull-request comment (or, where the token
// cannot write, the fork-safe artifact a privileged workflow_run job posts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { readEnvRecord, readSmokeResult } from '../diff/read.js';
import type { GitHubClient } from '../github/client.js';
import { resultFile } from '../pipeline/smoke-stage.js';
import type { Plan } from '../plan/plan.js';
import type { GitContext } from '../plan/tags.js';
import { explanationLines } from '../resolve/explain.js';
import { ResolutionSchema } from '../resolve/result.js';
import { readJsonFile } from '../util/json-file.js';
import { resolvedKey } from '../resolve/stage.js';
import type { BaselineStore } from './baseline.js';
import { writeCommentArtifact } from './artifact.js';
import { buildReportModel, defaultMarkerKey, type ReportInput, type ReportModel } from './model.js';
import { markerFor, renderReport } from './render.js';
import { upsertStickyComment } from './sticky.js';

export type CommentMode = 'auto' | 'post' | 'artifact' | 'off';
export const COMMENT_MODES: readonly CommentMode[] = ['auto', 'post', 'artifact', 'off'];

export interface GitHubTarget {
  token?: string;
  apiUrl: string;
  /** owner/repo */
  repository: string;
  prNumber?: number;
  headSha?: string;
  /** The pull request comes from a fork: its token is read-only, the comment goes by artifact. */
  fromFork?: boolean;
  runUrl?: string;
}

export interface ReportOptions {
  mode: CommentMode;
  baseline: BaselineStore | null;
  /** Branch whose records are the baseline (a PR's base branch; else the default branch). */
  baseBranch?: string;
  /** Save this run's records as the baseline of this branch (the default branch, or local runs). */
  saveAs?: { branch: string; sha: string };
  github?: GitHubTarget;
  /** Injected in tests; default: Octokit through @actions/github. */
  client?: (token: string, apiUrl: string) => Promise<GitHubClient>;
  maxChars?: number;
}

export interface ReportOutcome {
  variant: string;
  markerKey: string;
  file: string;
  verdict: string;
  hasBaseline: boolean;
  comment?: { action: string; commentId?: number };
}

const readJson = (file: string) => readJsonFile(file);

export async function runReportStage(
  input: { plan: Plan; config: Config; resultDir: string; git: GitContext; options: ReportOptions },
  io: {
    env: Readonly<Record<string, string | undefined>>;
    progress: (line: string) => void;
    warning: (message: string, props?: { title?: string }) => void;
    summary?: (markdown: string) => Promise<void>;
  },
): Promise<ReportOutcome[]> {
  const { plan, config, resultDir, options } = input;
  const outcomes: ReportOutcome[] = [];
  const models: ReportModel[] = [];
  const gh = options.github;
  for (const v of plan.variants) {
    const platforms = v.platforms.filter((p) =>
      existsSync(path.join(resultDir, resultFile('env', v.name, p))),
    );
    if (platforms.length === 0) {
      io.progress(`${v.name}: no env-${v.name}-*.json in ${resultDir} (smoke not run?): nothing to report`);
      continue;
    }
    const files = platforms.flatMap((p) =>
      (['env', 'smoke', 'smoke-key'] as const)
        .map((k) => path.join(resultDir, resultFile(k, v.name, p)))
        .filter((f) => existsSync(f)),
    );
    const markerKey = reportKey(plan, config, v.name);
    const baseDir =
      options.baseline && options.baseBranch
        ? await options.baseline.restore(markerKey, options.baseBranch)
        : undefined;
    const read = <T>(
      dir: string | undefined,
      kind: 'env' | 'smoke',
      p: string,
      fn: (j: unknown, s: string) => T,
    ) => {
      const f = dir && path.join(dir, resultFile(kind, v.name, p));
      return f && existsSync(f) ? fn(readJson(f), f) : null;
    };
    // The baseline is best effort: a newer, corrupt or foreign record is reported, not fatal.
    let baseUnreadable: string | undefined;
    const readBase = <T>(kind: 'env' | 'smoke', p: string, fn: (j: unknown, s: string) => T): T | null => {
      try {
        return read(baseDir, kind, p, fn);
      } catch (e) {
        baseUnreadable ??= (e as Error).message.split('\n')[0];
        return null;
      }
    };
    const readEntries = platforms.map((p) => ({
      platform: p,
      head: read(resultDir, 'env', p, readEnvRecord)!,
      base: readBase('env', p, readEnvRecord),
      headSmoke: read(resultDir, 'smoke', p, readSmokeResult),
      baseSmoke: readBase('smoke', p, readSmokeResult),
    }));
    if (baseUnreadable)
      io.warning(`${v.name}: the baseline could not be read, reporting without it: ${baseUnreadable}`, {
        title: 'ml-image report',
      });
    const hasBase = !!baseDir && baseUnreadable === undefined;
    const entries = hasBase ? readEntries : readEntries.map((e) => ({ ...e, base: null, baseSmoke: null }));
    const reportInput: ReportInput = {
      image: plan.repository,
      variant: v.name,
      // The plan's platforms, not the ones that produced records: a missing platform must not
      // change the marker (a second comment) nor the baseline key.
      markerKey,
      entries,
      baseline: hasBase && options.baseBranch ? { ref: options.baseBranch } : null,
      ...(!hasBase && {
        noBaselineReason: baseUnreadable
          ? `the baseline of ${options.baseBranch ?? 'the base branch'} could not be read (${baseUnreadable})`
          : !options.baseline
            ? 'baseline: none (no comparison asked for)'
            : options.baseBranch
              ? `first run: no record of ${options.baseBranch} in ${options.baseline.describe()} yet`
              : 'no base branch to compare with',
      }),
      ...(() => {
        const resolution = readResolutions(resultDir, v.name, v.platforms);
        return resolution.length ? { resolution } : {};
      })(),
      links: {
        ...(gh?.runUrl && { run: gh.runUrl, artifact: `${gh.runUrl}#artifacts` }),
      },
      head: { ...(input.git.ref && { ref: input.git.ref }), ...(input.git.sha && { sha: input.git.sha }) },
    };
    const model = buildReportModel(reportInput);
    const rendered = renderReport(model, { maxChars: options.maxChars ?? 65_536 });
    const file = path.join(resultDir, `report-${v.name}.md`);
    writeFileSync(file, rendered.markdown);
    writeFileSync(path.join(resultDir, `report-${v.name}.json`), `${JSON.stringify(model, null, 2)}\n`);
    io.progress(`${v.name}: ${rendered.verdict} -> ${file}`);
    if (config.report.summary && io.summary) await io.summary(rendered.markdown);
    if (options.saveAs && options.baseline) {
      await options.baseline.save(markerKey, options.saveAs.branch, options.saveAs.sha, files);
      io.progress(
        `${v.name}: records saved as the baseline of ${options.saveAs.branch} (${options.baseline.describe()})`,
      );
    }
    models.push(model);
    const outcome: ReportOutcome = {
      variant: v.name,
      markerKey,
      file,
      verdict: rendered.verdict,
      hasBaseline: hasBase,
    };
    outcomes.push(outcome);
  }

  const mode = config.report.comment ? options.mode : 'off';
  if (mode === 'off' || models.length === 0 || !gh?.prNumber) {
    if (mode !== 'off' && models.length > 0) io.progress('no pull request: comment skipped');
    return outcomes;
  }
  const toArtifact = mode === 'artifact' || (mode === 'auto' && (gh.fromFork || !gh.token));
  const headSha = gh.headSha ?? input.git.sha;
  if (toArtifact && !headSha) {
    io.warning('no head commit known (GITHUB_SHA): the comment artifact cannot be written', {
      title: 'ml-image report',
    });
    return outcomes;
  }
  if (toArtifact) {
    const dir = path.join(resultDir, 'comment');
    mkdirSync(dir, { recursive: true });
    writeCommentArtifact(dir, {
      schemaVersion: 1,
      prNumber: gh.prNumber,
      headSha: headSha!,
      repository: gh.repository,
      reports: models,
    });
    io.progress(
      `comment payload written to ${dir}: upload it as the "ml-image-comment" artifact for the poster workflow`,
    );
    return outcomes;
  }
  if (!gh.token) {
    io.warning('comment-mode post needs github-token; the report is in the job summary only', {
      title: 'ml-image report',
    });
    return outcomes;
  }
  const client = await (options.client ?? defaultClient)(gh.token, gh.apiUrl);
  const [owner, repo] = gh.repository.split('/') as [string, string];
  for (const [i, model] of models.entries()) {
    const r = await upsertStickyComment(client, {
      owner,
      repo,
      issueNumber: gh.prNumber,
      marker: markerFor(model.markerKey),
      render: (maxChars) => renderReport(model, { maxChars }).markdown,
      log: { info: io.progress, warning: (m) => io.warning(m, { title: 'ml-image report' }) },
    });
    outcomes[i]!.comment = { action: r.action, ...(r.commentId !== undefined && { commentId: r.commentId }) };
    io.progress(`${outcomes[i]!.variant}: comment ${r.action}${r.commentId ? ` (#${r.commentId})` : ''}`);
  }
  return outcomes;
}

async function defaultClient(token: string, apiUrl: string): Promise<GitHubClient> {
  const { createGitHubClient } = await import('../github/client.js');
  return createGitHubClient({ token, baseUrl: apiUrl });
}

/** The resolver's findings for this variant (what the pipeline wrote per platform), as text lines. */
function readResolutions(resultDir: string, variant: string, platforms: readonly string[]): string[] {
  const lines: string[] = [];
  for (const p of platforms) {
    const f = path.join(resultDir, `resolution-${resolvedKey(variant, p).replace(/\//g, '-')}.json`);
    if (!existsSync(f)) continue;
    const r = ResolutionSchema.safeParse(readJson(f));
    // Only what changed something is worth a reviewer's time.
    if (r.success && (r.data.status !== 'clean' || r.data.hazards.length > 0))
      lines.push(...explanationLines(r.data));
  }
  return lines;
}

/**
 * The key of a variant's report: its comment marker and its baseline. report.markerKey replaces
 * the image part; with several variants each still gets its own (":<variant>" appended).
 */
export function reportKey(plan: Plan, config: Config, variant: string): string {
  const v = plan.variants.find((x) => x.name === variant);
  const set = config.report.markerKey;
  if (set !== undefined) return plan.variants.length > 1 ? `${set}:${variant}` : set;
  return defaultMarkerKey(plan.repository, variant, v?.platforms ?? []);
}
