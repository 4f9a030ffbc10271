// Registry reachability: GET /v2/ answers 200 or 401 on any distribution-compatible registry.
import { EnvironmentError } from '../errors.js';

export type Fetch = (
  url: string,
  init?: { signal?: AbortSignal; method?: string },
) => Promise<{ status: number }>;

/** Plain HTTP for loopback registries (as dockerd and buildx allow), HTTPS for everything else. */
export function registryBaseUrl(host: string): string {
  const plain = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  return `${plain ? 'http' : 'https'}://${host}`;
}

export async function checkRegistry(host: string, fetchFn: Fetch = fetch, timeoutMs = 5000): Promise<number> {
  const url = `${registryBaseUrl(host)}/v2/`;
  let status: number;
  try {
    status = (await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch (e) {
    const inner = (e as { cause?: { code?: string; message?: string } }).cause;
    const cause = inner?.code ?? inner?.message ?? (e as Error).message;
    throw new EnvironmentError(
      `registry ${host} is unreachable (${url}: ${cause})`,
      host.startsWith('localhost') || host.startsWith('127.')
        ? 'start the local registry (on a Debian test machine: "sudo scripts/test-env.sh")'
        : 'check the registry host name, your network, and any proxy settings',
      { cause: e },
    );
  }
  if (status !== 200 && status !== 401) {
    throw new EnvironmentError(
      `registry ${host} answered HTTP ${status} at ${url}: not a container registry API`,
      'check the registry host name (e.g. ghcr.io, docker.io, localhost:5000)',
    );
  }
  return status;
}
