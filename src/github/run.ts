// The workflow run and the runner, as the variables a GitHub runner sets describe them: the
// provenance names the run as its builder, and the smoke results say where the suites ran (the
// smoke attestation repeats it, even when another job makes it).
import { REDACTED, redactUrls } from '../util/redact.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A GitHub repository name as GITHUB_REPOSITORY spells it: OWNER/REPO, nothing else. */
export const isOwnerRepo = (name: string): boolean =>
  // "." and ".." are no names GitHub gives: in a URL path (/repos/../r) they would step out of it.
  /^[\w.-]+\/[\w.-]+$/.test(name) && !name.split('/').some((part) => /^\.{1,2}$/.test(part));

/** A workflow run's page: what the report links to (the pull request's job and the fork poster alike). */
export function actionsRunUrl(server: string, repository: string, runId: string | number): string {
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}

/**
 * The workflow run as a URL:
 * `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/attempts/${GITHUB_RUN_ATTEMPT}`.
 * Undefined outside Actions (any of server, repository or run id missing).
 */
export function runUrlFromEnv(env: Env): string | undefined {
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY;
  const runId = env.GITHUB_RUN_ID;
  if (!server || !repo || !runId) return undefined;
  const attempt = env.GITHUB_RUN_ATTEMPT || '1';
  return redactUrls(`${server}/${repo}/actions/runs/${runId}/attempts/${attempt}`, REDACTED);
}

/** A runner: its name, OS and architecture as GitHub names them, and the run's URL. */
interface RunnerInfo {
  name?: string;
  os?: string;
  arch?: string;
  url?: string;
}

/** The runner from RUNNER_NAME, RUNNER_OS, RUNNER_ARCH and the run URL (empty values left out). */
export function runnerFromEnv(env: Env): RunnerInfo {
  const url = runUrlFromEnv(env);
  return {
    ...(env.RUNNER_NAME && { name: env.RUNNER_NAME }),
    ...(env.RUNNER_OS && { os: env.RUNNER_OS }),
    ...(env.RUNNER_ARCH && { arch: env.RUNNER_ARCH }),
    ...(url !== undefined && { url }),
  };
}
