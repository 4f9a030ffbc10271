// The real registry client per host: the OCI client (oci-client.ts) over node:http(s) with
// keep-alive (http-fetch.ts) and Docker's logins (registry-auth.ts, registry-io.ts). The built-in
// signer, verify's reads and `ml-image collect` use it.
import { nodeHttpFetch } from './http-fetch.js';
import { createOciClient, type OciClient, type OciFetch } from './oci-client.js';
import { findCredential } from './registry-auth.js';
import { registryDeps } from './registry-io.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The real registry client: node:http(s) with keep-alive, Docker's logins; ends at SIGNAL's abort. */
export function defaultClient(env: Env, httpFetch: OciFetch = nodeHttpFetch, signal?: AbortSignal) {
  const clients = new Map<string, OciClient>();
  const deps = registryDeps(env);
  return (host: string): OciClient => {
    let c = clients.get(host);
    if (!c) {
      c = createOciClient(host, {
        fetch: httpFetch,
        credential: () => findCredential(host, deps),
        ...(signal && { signal }),
      });
      clients.set(host, c);
    }
    return c;
  };
}
