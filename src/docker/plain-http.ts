// Which registries speak plain HTTP, and which variables send registry traffic through a proxy: a
// leaf module, so that the HTTP client (http-fetch.ts) and the registry checks (registry.ts) that
// use it do not import each other.

/** Loopback registries (localhost, 127.x.x.x, [::1], any port) speak plain HTTP; no other does. */
export function isPlainHttpRegistry(host: string): boolean {
  return /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/.test(host);
}

/** The variables that send docker's (and cosign's) registry traffic through a proxy. */
export const PROXY_VARS = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
];
