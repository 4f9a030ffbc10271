// What the report needs from a GitHub runner's environment: the pull request, whether it comes from
// a fork, the base and default branches, the run's URL. Pure over env + the event payload.
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { z } from 'zod';
import { type GitHubEvent, readGitHubEventFile } from '../github/event.js';
import { readBounded } from '../util/read-bounded.js';
import type { GitHubTarget } from './stage.js';

/** The runner's event payload, parsed (src/github/event.ts); off a runner: an empty event. */
export function readGitHubEvent(env: Readonly<Record<string, string | undefined>>): GitHubEvent {
  return readGitHubEventFile(env.GITHUB_EVENT_PATH);
}

const WorkflowRunIdSchema = z.object({
  workflow_run: z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
});

/** GitHub's webhook payloads are at most 25 MB: this bounds the read. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;

/** The file's text: a regular file only, opened without blocking (a FIFO would wait forever). */
function readEventText(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_EVENT_BYTES) throw new Error(`${file}: not an event file`);
    return readBounded(fd, st.size).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * workflow_run.id: the run whose artifact the fork poster posts, so it links to that run itself
 * rather than to whatever the artifact says (the event schema of src/github/event.ts keeps no id).
 * Undefined when the event has none (not a workflow_run job, or off a runner).
 */
export function workflowRunId(env: Readonly<Record<string, string | undefined>>): number | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const r = WorkflowRunIdSchema.safeParse(JSON.parse(readEventText(env.GITHUB_EVENT_PATH)));
    return r.success ? r.data.workflow_run.id : undefined;
  } catch {
    return undefined;
  }
}

export interface GitHubReportContext {
  target?: GitHubTarget;
  baseBranch?: string;
  /** Set on a push to the default branch: this run's records become the baseline. */
  saveAs?: { branch: string; sha: string };
}

export function githubReportContext(
  env: Readonly<Record<string, string | undefined>>,
  token: string | undefined,
  event: GitHubEvent = readGitHubEvent(env),
): GitHubReportContext {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY) return {};
  const pr = event.pull_request;
  const defaultBranch = event.repository?.default_branch;
  const branch = env.GITHUB_REF?.startsWith('refs/heads/')
    ? env.GITHUB_REF.slice('refs/heads/'.length)
    : undefined;
  const headRepo = pr?.head?.repo?.full_name;
  const target: GitHubTarget = {
    ...(token && { token }),
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    repository: env.GITHUB_REPOSITORY,
    ...(pr?.number !== undefined && { prNumber: pr.number }),
    ...((pr?.head?.sha ?? env.GITHUB_SHA) && { headSha: pr?.head?.sha ?? env.GITHUB_SHA }),
    // Another repository's head (or a deleted fork: head.repo null) gets a read-only token.
    // head.repo.fork only says the head repository is some fork, maybe this very one.
    ...(pr && { fromFork: !headRepo || headRepo.toLowerCase() !== env.GITHUB_REPOSITORY.toLowerCase() }),
    ...(env.GITHUB_SERVER_URL &&
      env.GITHUB_RUN_ID && {
        runUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`,
      }),
  };
  const baseBranch = pr ? (env.GITHUB_BASE_REF ?? pr.base?.ref) : defaultBranch;
  return {
    target,
    ...(baseBranch && { baseBranch }),
    ...(!pr &&
      branch !== undefined &&
      branch === defaultBranch &&
      env.GITHUB_SHA && { saveAs: { branch, sha: env.GITHUB_SHA } }),
  };
}
