// What the report stage is asked to do (the comment mode, the GitHub target, the baseline store)
// and what it says it did per variant: the types its callers (the pipeline, the action, the CLI) fill.
import type { GitHubClientFactory } from '../github/connect.js';
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
