// The runner's event payload (GITHUB_EVENT_PATH), parsed with a zod schema of the fields this
// project reads (pull request, repository, head commit, workflow_run); everything else is dropped.
// A missing, unreadable or non-object file is an empty event, as it is off a runner. A section of
// an unexpected shape is left out rather than trusted (or failing the whole event).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const RepoRef = z.object({ full_name: z.string().optional() });

/** The event fields read by src/report/github-env.ts, src/report/poster.ts and src/plan/git-context.ts. */
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
  // null on a push that deletes a branch.
  head_commit: z.object({ timestamp: z.string().optional() }).nullable().optional().catch(undefined),
  workflow_run: z
    .object({
      head_sha: z.string().optional(),
      pull_requests: z.array(z.object({ number: z.number().int().optional() })).optional(),
      head_repository: RepoRef.nullable().optional(),
    })
    .optional()
    .catch(undefined),
});

export type GitHubEvent = z.infer<typeof GitHubEventSchema>;

/** A parsed payload; anything that is not a JSON object is an empty event. */
export function parseGitHubEvent(json: unknown): GitHubEvent {
  const r = GitHubEventSchema.safeParse(json);
  return r.success ? r.data : {};
}

/** The payload at `path` (GITHUB_EVENT_PATH); missing or unreadable: an empty event. */
export function readGitHubEventFile(path: string | undefined): GitHubEvent {
  if (!path) return {};
  try {
    return parseGitHubEvent(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return {};
  }
}
