// Where the resolver works inside the base image's container, and the environment of every pip
// run there.

/** The directory in the container: requirements, constraints, the helper and pip's reports. */
export const DIR = '/tmp/ml-image-resolve';

export const PIP_ENV = {
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  PIP_NO_INPUT: '1',
  PIP_ROOT_USER_ACTION: 'ignore',
  // Debian/Ubuntu images mark their Python externally managed; this is a dry run in a throwaway container.
  PIP_BREAK_SYSTEM_PACKAGES: '1',
};

/** The requirements' own -c lines (input.ts userConstraintsText), which every dry run takes too. */
export const USER_CONSTRAINTS_FILE = 'user-constraints.txt';

/**
 * The index logins pip reads (NETRC names it: input.ts runIndexes), never in a URL that pip would
 * put on a command line.
 */
export const NETRC_FILE = 'netrc';

/**
 * The proxy variables of the run's environment that reach pip in the resolver's container (pip
 * reads either case; ALL_PROXY is the one for every scheme, as requests reads it): as the
 * container's environment, never on a command line nor in a record. The build has its own (buildx
 * passes ~/.docker/config.json's proxies).
 */
const PIP_PROXY_VARS = [
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'all_proxy',
  'no_proxy',
];

/** The PIP_PROXY_VARS set (not empty) in ENV. Pure. */
export function proxyEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(PIP_PROXY_VARS.flatMap((k) => (env[k] ? [[k, env[k]]] : [])));
}

/** The resolver's container's environment: PIP_ENV and the run's proxy variables (proxyEnv). */
export function sessionEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return { ...PIP_ENV, ...proxyEnv(env) };
}

/**
 * What an unreachable index or URL adds to its fix for a runner behind a proxy: pip in the
 * resolver's container uses the run's proxy variables (PIP_PROXY_VARS); one on this machine's loopback
 * is out of reach from Docker's bridge network (failure.ts bridgeHint).
 */
export function proxyHint(ctx: { network?: 'host' | 'bridge' }): string {
  const loopback =
    ctx.network === 'bridge'
      ? " (a proxy on this machine's loopback, 127.0.0.1, is out of the bridge network's reach: set build.network: host)"
      : '';
  return `; behind a proxy, set HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) in the run's environment: the resolver passes them to pip in its container${loopback}`;
}
