// How a stage gets its GitHubClient: a factory it is given (a test's fake), or this one, the real
// client, loaded when first called so that a step that posts nothing never loads Octokit.
import type { GitHubClient } from './client.js';

/** A GitHubClient for TOKEN at the API base APIURL. */
export type GitHubClientFactory = (token: string, apiUrl: string) => Promise<GitHubClient>;

/** The real client's factory; its retries and rate-limit waits are logged through LOG. */
export function lazyGitHubClient(log: (message: string) => void): GitHubClientFactory {
  return async (token, apiUrl) => {
    const { createGitHubClient } = await import('./client.js');
    return createGitHubClient({ token, baseUrl: apiUrl, log });
  };
}
