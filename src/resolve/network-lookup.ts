// The resolver's network as the stage chooses it: network.ts's pure choice, and one more case it
// cannot see: an index (or --find-links, or direct URL) named by a host name that this machine's
// resolver answers with a loopback address (a name in /etc/hosts for 127.0.0.1, Debian's 127.0.1.1
// line for the machine's own name). From Docker's bridge such a name leads nowhere (the container
// has its own /etc/hosts, and its own loopback), so pip must run on the host's network there too.
// The name is looked up through an injected function (HostLookup: this machine's resolver, which the
// composition roots supply, src/docker/host-lookup.ts); a lookup that fails, or takes too long
// (the system's gives up after 5 s), changes nothing.
import { contextIfAny } from '../docker/context.js';
import type { ResolveInput } from './input.js';
import {
  engineInVm,
  isIpAddress,
  isLoopbackHost,
  loopbackUrl,
  type ResolverNetwork,
  resolverNetwork,
  urlsPipMayReach,
} from './network.js';

/**
 * The addresses this machine's resolver gives a host name (getaddrinfo: /etc/hosts, then DNS): a
 * dependency of the stage, which the composition roots supply (src/docker/host-lookup.ts).
 */
export type HostLookup = (hostname: string) => Promise<readonly string[]>;

/**
 * The hosts worth a lookup, each once: the URLs pip may fetch (http, https, ftp) that name a host,
 * not an address and not a name network.ts already knows as loopback. host: as shown (with the
 * port, never credentials); name: what is looked up. Pure.
 */
export function namedHosts(input: ResolveInput): { host: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const u of urlsPipMayReach(input)) {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      continue;
    }
    const name = url.hostname.replace(/^\[|\]$/g, '');
    if (!/^(https?|ftp):$/.test(url.protocol) || name === '' || isIpAddress(name) || isLoopbackHost(name))
      continue;
    if (!seen.has(name)) seen.set(name, url.host);
  }
  return [...seen].map(([name, host]) => ({ host, name }));
}

/** The first named host that this machine resolves to a loopback address, and that address. */
async function loopbackName(
  input: ResolveInput,
  lookup: HostLookup,
): Promise<{ host: string; address: string } | undefined> {
  for (const { host, name } of namedHosts(input)) {
    const addresses = await lookup(name).catch((): readonly string[] => []);
    const address = addresses.find((a) => isLoopbackHost(a));
    if (address !== undefined) return { host, address };
  }
  return undefined;
}

/**
 * The resolver's network, and why: network.ts's choice, and `host` too when a host name pip must
 * reach resolves to this machine's loopback.
 */
export async function chooseNetwork(
  input: ResolveInput,
  buildNetwork: 'default' | 'host' | 'none' | undefined,
  lookup: HostLookup,
): Promise<{ network: ResolverNetwork; reason: string }> {
  const pure = resolverNetwork(input, buildNetwork);
  if (pure.network === 'host') return pure;
  const found = await loopbackName(input, lookup);
  if (found === undefined) return pure;
  return {
    network: 'host',
    reason: `pip must reach ${found.host}, which this machine resolves to ${found.address} (its loopback)`,
  };
}

type Env = Readonly<Record<string, string | undefined>>;

/** The current Docker context's name as ENV gives it (docker/context.ts); undefined when unknown. */
function contextName(env: Env): string | undefined {
  // An environment with neither (a test's) reads no docker config of this machine's home.
  if ((env.DOCKER_CONFIG ?? '') === '' && (env.HOME ?? '') === '') return undefined;
  return contextIfAny(env)?.name;
}

/**
 * What the fix of an unreachable index needs when the resolver's container ran on the host network
 * of an engine in a VM (network.ts engineInVm): the FailureContext's engineVm, with the loopback
 * host pip had to reach (host:port, no credentials) when a URL names one. Undefined for an engine
 * on this machine. PLATFORM and CONTEXT are injected for tests.
 */
export function engineVm(
  input: ResolveInput,
  env: Env,
  platform: string = process.platform,
  context: () => string | undefined = () => contextName(env),
): { loopback?: string } | undefined {
  // The context is read only where the platform leaves the question open (Linux).
  if (!engineInVm(platform, undefined) && !engineInVm(platform, context())) return undefined;
  const loopback = loopbackUrl(input);
  return loopback !== undefined ? { loopback } : {};
}
