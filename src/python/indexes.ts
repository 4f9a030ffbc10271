// Where pip looks for packages, for the resolver and the build alike: the config's python.indexUrl
// and python.extraIndexUrls, else the environment's PIP_INDEX_URL / PIP_EXTRA_INDEX_URL (as pip
// itself would read them). These URLs often carry credentials (https://user:TOKEN@host/simple), so
// they reach pip only through its environment or a pip.conf file (a BuildKit secret mount in the
// build), never a command line or a build argument; anything shown goes through redactUrls.
import { InputError } from '../errors.js';
import { indexUrlProblem } from '../util/pip-index-url.js';
import { redactText, redactUrls } from '../util/redact.js';

export interface PipIndexes {
  indexUrl?: string;
  extraIndexUrls: string[];
}

/**
 * URL, or an InputError (exit 2) naming WHERE it came from; the URL is shown without its query
 * (a token may ride there) and with its userinfo and anything like a token masked.
 */
function checked(url: string, where: string): string {
  const problem = indexUrlProblem(url);
  if (problem === undefined) return url;
  const bare = url.replace(/[?#][\s\S]*$/, '?...');
  const shown = redactText(bare.length > 200 ? `${bare.slice(0, 200)}...` : bare);
  throw new InputError(
    `${where}: ${problem} (got ${JSON.stringify(shown)})`,
    'give a simple index URL, e.g. https://pypi.org/simple',
  );
}

/**
 * The indexes pip uses: the given ones (NAMES says where they came from: the config's fields, or
 * a command's flags), else PIP_INDEX_URL / PIP_EXTRA_INDEX_URL. Each is checked (indexUrlProblem):
 * a bad one is an InputError naming its source.
 */
export function pipIndexes(
  python: { indexUrl?: string | undefined; extraIndexUrls?: readonly string[] | undefined },
  env: Readonly<Record<string, string | undefined>> = {},
  names: { indexUrl: string; extraIndexUrls: string } = {
    indexUrl: 'python.indexUrl',
    extraIndexUrls: 'python.extraIndexUrls',
  },
): PipIndexes {
  const fromEnv = env.PIP_INDEX_URL?.trim() || undefined;
  const indexUrl =
    python.indexUrl !== undefined
      ? checked(python.indexUrl, names.indexUrl)
      : fromEnv && checked(fromEnv, 'PIP_INDEX_URL (environment)');
  const extra =
    python.extraIndexUrls && python.extraIndexUrls.length > 0
      ? python.extraIndexUrls.map((u) => checked(u, names.extraIndexUrls))
      : (env.PIP_EXTRA_INDEX_URL ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((u) => checked(u, 'PIP_EXTRA_INDEX_URL (environment)'));
  return { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: extra };
}

/** The environment that points pip at the indexes (for `docker exec` env, never argv). */
export function pipIndexEnv(ix: PipIndexes): Record<string, string> {
  return {
    ...(ix.indexUrl !== undefined && { PIP_INDEX_URL: ix.indexUrl }),
    ...(ix.extraIndexUrls.length > 0 && { PIP_EXTRA_INDEX_URL: ix.extraIndexUrls.join(' ') }),
  };
}

/** A pip configuration file with the indexes (pip reads it from PIP_CONFIG_FILE). */
export function pipConf(ix: PipIndexes): string {
  const lines = ['[global]'];
  if (ix.indexUrl !== undefined) lines.push(`index-url = ${ix.indexUrl}`);
  if (ix.extraIndexUrls.length > 0) {
    lines.push('extra-index-url =', ...ix.extraIndexUrls.map((u) => `    ${u}`));
  }
  return `${lines.join('\n')}\n`;
}

/** The indexes as shown to people: userinfo masked. */
export function describeIndexes(ix: PipIndexes): string {
  return [ix.indexUrl ?? 'https://pypi.org/simple', ...ix.extraIndexUrls]
    .map((u) => redactUrls(u))
    .join(', ');
}
