// This machine's resolver, for the resolver's network choice (src/resolve/network-lookup.ts): the
// addresses a host name an index URL names resolves to here (getaddrinfo: /etc/hosts, then DNS).
// The resolve stage takes it as a dependency (HostLookup); the composition roots (the pipeline,
// `ml-image resolve`) hand it this one, tests a fake: no test looks a name up for real.
import { lookup as dnsLookup } from 'node:dns/promises';

/** How long a lookup may take before it counts as failed (no addresses). */
const LOOKUP_TIMEOUT_MS = 5000;

/** The system's resolver (dns.lookup, every address), given up after LOOKUP_TIMEOUT_MS. */
export const systemLookup = (hostname: string): Promise<readonly string[]> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<readonly string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), LOOKUP_TIMEOUT_MS);
    timer.unref();
  });
  const found = dnsLookup(hostname, { all: true }).then((as) => as.map((a) => a.address));
  return Promise.race([found, late]).finally(() => clearTimeout(timer));
};
