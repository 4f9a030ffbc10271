// Where the GitHub API is (report --api-url; GitHub Enterprise Server's https://HOST/api/v3): the
// token goes with every request, so only over HTTPS, or plain HTTP to this machine's loopback (a
// local fake or tunnel). A login in the URL is refused: the token is the login.
import { shownUrl } from '../util/redact.js';
import { BLANK_OR_CONTROL } from '../util/text.js';

// Narrower than the resolver's isLoopbackHost (no *.localhost, 0.0.0.0 or ::): inside a container
// Docker's DNS may give *.localhost another address, and the token must not cross a network.
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/** github.com's API, where nothing names another. */
export const DEFAULT_API_URL = 'https://api.github.com';

/** What is wrong with URL as the GitHub API's base, or undefined. Never quotes the URL. */
function apiUrlProblem(url: string): string | undefined {
  if (url.trim() === '') return 'empty';
  if (BLANK_OR_CONTROL.test(url)) return 'a blank or control character is in it';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.username !== '' || u.password !== '')
    return 'it holds a login, which would go to the API in clear text: the token (GITHUB_TOKEN) is the login';
  if (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname))) return undefined;
  return 'the token goes with every request: https only (plain http to this machine only)';
}

/** The API URL's problem as a message naming WHERE, the URL shown masked; undefined when none. */
export function apiUrlMessage(url: string, where: string): string | undefined {
  const problem = apiUrlProblem(url);
  return problem === undefined ? undefined : `${where}: ${problem} (got ${JSON.stringify(shownUrl(url))})`;
}
