// The runner's event payload (GITHUB_EVENT_PATH), parsed with a zod schema of the fields this
// project reads (pull request, repository, head commit, workflow_run); everything else is dropped.
// A missing, unreadable or non-object file is an empty event, as it is off a runner. A section of
// an unexpected shape is left out rather than trusted (or failing the whole event).
import { z } from 'zod';
import { readRegularFile } from '../util/read-regular.js';
import { parsedOrNone } from '../util/parse-input.js';

const RepoRef = z.object({ full_name: z.string().optional() });

/** A text Date reads as a valid time (an invalid one would throw in toISOString). */
const isDate = (s: string) => !Number.isNaN(new Date(s).getTime());

/** Larger payloads are not GitHub's (its webhooks are at most 25 MB); this bounds the read. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;

/**
 * The event fields read by src/report/github-env.ts, src/report/poster.ts, src/plan/git-context.ts
 * and (workflow_run) mayBuildPullRequestCode.
 */
export const GitHubEventSchema = z.object({
  pull_request: z
    .object({
      number: z.number().int().optional(),
      head: z
        .object({
          sha: z.string().optional(),
          // null: the head repository (a fork) was deleted.
          repo: RepoRef.extend({ fork: z.boolean().optional() }).nullable().optional(),
        })
        .optional(),
      base: z.object({ ref: z.string().optional(), repo: RepoRef.optional() }).optional(),
    })
    .optional()
    .catch(undefined),
  repository: RepoRef.extend({ default_branch: z.string().optional() }).optional().catch(undefined),
  // null on a push that deletes a branch. A timestamp that is no date is left out (as when absent):
  // the commit time is then not known, rather than an invalid date failing the run.
  head_commit: z
    .object({ timestamp: z.string().refine(isDate).optional().catch(undefined) })
    .nullable()
    .optional()
    .catch(undefined),
  workflow_run: z
    .object({
      // The run whose artifact the fork poster posts: its links name this run, not the artifact's.
      id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
      // The workflow of that run: the fork poster keys its comment on it (never on the artifact).
      workflow_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
      head_sha: z.string().optional(),
      // The branch that run built: a workflow_run run's records are the default branch's baseline
      // only when that run built the default branch (its GITHUB_REF is the default branch anyway).
      head_branch: z.string().nullable().optional().catch(undefined),
      // The event of that run: a workflow_run run is trusted only after a trusted one
      // (src/util/pull-request-code.ts).
      event: z.string().optional().catch(undefined),
      pull_requests: z.array(z.object({ number: z.number().int().optional() })).optional(),
      head_repository: RepoRef.nullable().optional(),
      // Who that run was (Dependabot's push runs are untrusted: pull-request-code.ts).
      actor: z.object({ login: z.string().optional() }).nullable().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export type GitHubEvent = z.infer<typeof GitHubEventSchema>;

/**
 * A parsed payload; anything that is not a JSON object is an empty event, as is one so far off
 * (600,000 wrong pull_requests in a workflow_run) that zod's issue gathering overflowed the stack.
 */
export function parseGitHubEvent(json: unknown): GitHubEvent {
  return parsedOrNone(GitHubEventSchema, json) ?? {};
}

/**
 * The repository's default branch: the payload's repository.default_branch, else on a schedule run
 * the branch it runs on. A schedule's payload is only {"schedule": "<cron>"}, and GitHub runs every
 * scheduled workflow on the default branch (GITHUB_REF is it), so a nightly rebuild gets the
 * default branch's tags and saves its baseline, as the reusable workflow's attest job counts it.
 * CHECKED_OUT, where the caller read it: the commit the checkout holds. A schedule run that checked
 * out another commit than GITHUB_SHA (a nightly rebuild of release/1.x) is not told to be the
 * default branch's: its image must not move `latest`, nor its records become the baseline.
 */
export function defaultBranchOf(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
  checkedOut?: string,
): string | undefined {
  const schedule = env.GITHUB_EVENT_NAME === 'schedule';
  if (schedule && checkedOut !== undefined && checkedOut !== env.GITHUB_SHA) return undefined;
  const named = event.repository?.default_branch;
  if (named !== undefined) return named;
  const ref = env.GITHUB_REF;
  return schedule && ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

/** The payload at `path` (GITHUB_EVENT_PATH); missing or unreadable: an empty event. */
export function readGitHubEventFile(path: string | undefined): GitHubEvent {
  if (!path) return {};
  try {
    // A regular file only: a FIFO or device at the path is no event, never a read that blocks.
    return parseGitHubEvent(JSON.parse(readRegularFile(path, MAX_EVENT_BYTES).toString('utf8')));
  } catch {
    return {};
  }
}
