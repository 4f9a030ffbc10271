// What the report stage is asked to do (the comment mode, the GitHub target, the baseline store)
// and what it says it did per variant: the types its callers (the pipeline, the action, the CLI) fill;
// the stage's input and io.
import type { Config } from '../config/schema.js';
import type { GitHubClientFactory } from '../github/connect.js';
import type { GitContext, Plan } from '../plan/schema.js';
import type { ResultDir } from '../results/results.js';
import type { BaselineStore } from './baseline.js';

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
  /** The login the token posts as (the comment-author input): a GitHub App's bot, say. */
  author?: string;
  /**
   * The repository's default branch, whose runs save the baselines: a pull request into another
   * branch, which has none, is compared with it. null: a run on GitHub whose event does not name it.
   */
  defaultBranch?: string | null;
  /** GitHub refuses the comment (403): 'skip' (default) warns, 'fail' fails the stage (the CLI). */
  forbidden?: 'skip' | 'fail';
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
  client?: GitHubClientFactory;
  maxChars?: number;
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
  /**
   * A run with no record of any of its variants, for a pull request: 'report' (default: the
   * pipeline and the action, whose capture or build failed) writes and posts the run's report
   * anyway, each variant named as not reported, in place of the earlier comment (of an older
   * commit); 'skip' (ml-image report, which then exits 2 naming the records it expected) posts
   * nothing. Either way, without a pull request the earlier report files are removed.
   */
  noneReported?: 'report' | 'skip';
}

export interface ReportStageIo {
  env: Readonly<Record<string, string | undefined>>;
  progress: (line: string) => void;
  warning: (message: string, props?: { title?: string }) => void;
  summary?: (markdown: string) => Promise<void>;
}

export interface ReportOutcome {
  variant: string;
  /** The key of the variant's report-<variant> files (reportKey; its baseline's: baselineKeys). */
  markerKey: string;
  /** report-<variant>.md */
  file: string;
  /** report.md: the whole run, as commented and summarised (the same for every variant). */
  runFile: string;
  /** The comment's key: one per run (per subset of the variants: keys.ts). */
  runMarkerKey: string;
  verdict: string;
  hasBaseline: boolean;
  comment?: { action: string; commentId?: number };
}
