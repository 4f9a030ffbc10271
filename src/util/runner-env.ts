// The runner's own environment variables: the job's tokens (ACTIONS_RUNTIME_TOKEN,
// ACTIONS_ID_TOKEN_REQUEST_TOKEN, ACTIONS_CACHE_URL ...), the action's inputs as the runner hands
// them over (INPUT_REGISTRY-PASSWORD, INPUT_GITHUB-TOKEN) and its saved state (STATE_*). Files a
// pull request can change (requirements, ml-image.yml) name variables to pass on to pip and to
// buildx; none of these may be among them.
const RUNNER_OWN = /^(ACTIONS|INPUT|STATE)_/i;

/** Whether NAME is one of the runner's own variables, never passed on. */
export function isRunnerOwnVariable(name: string): boolean {
  return RUNNER_OWN.test(name);
}

/** What an error says about one. */
export const RUNNER_OWN_VARIABLE =
  "is one of the runner's own variables (ACTIONS_*, INPUT_*, STATE_*: the job's tokens and the action's inputs), never passed on";
