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

type Env = Readonly<Record<string, string | undefined>>;

/** HOST (`name`, `name:port`, `[v6]:port`) without its port and brackets, lower case, no final dot. */
function splitHost(host: string): { name: string; port: string | undefined } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(host) ?? /^([^:]+)(?::(\d+))?$/.exec(host);
  const name = (m?.[1] ?? host).toLowerCase().replace(/\.$/, '');
  return { name, port: m?.[2] };
}

/**
 * Whether NO_PROXY (or no_proxy) exempts HOST (`name[:port]`, DEFAULT_PORT when it names none) from
 * the proxy, by Go's and undici's rules: `*` exempts every host; an entry matches the name itself
 * and its subdomains (`corp.example` and `.corp.example` alike); an entry with a port matches that
 * port only; an IP literal matches that address (`[::1]` or `::1`). Loopback hosts always.
 */
export function noProxyExempts(host: string, env: Env, defaultPort = '443'): boolean {
  if (isPlainHttpRegistry(host)) return true;
  const { name, port = defaultPort } = splitHost(host);
  const list = env.no_proxy ?? env.NO_PROXY ?? '';
  return list
    .split(/[,\s]+/)
    .filter(Boolean)
    .some((raw) => {
      if (raw === '*') return true;
      const entry = /^[^[].*:.*:/.test(raw) ? { name: raw.toLowerCase(), port: undefined } : splitHost(raw);
      if (entry.port !== undefined && entry.port !== port) return false;
      const want = entry.name.replace(/^\*?\./, '');
      return want !== '' && (name === want || name.endsWith(`.${want}`));
    });
}

/** Whether a proxy variable applies to HOST: one is set, and NO_PROXY does not exempt the host. */
export function proxyApplies(host: string, env: Env): boolean {
  return PROXY_VARS.some((v) => env[v]) && !noProxyExempts(host, env);
}

/**
 * The proxy URL for a request to URL, as undici's EnvHttpProxyAgent picks it (HTTPS_PROXY for
 * https, falling back to HTTP_PROXY; HTTP_PROXY for http; ALL_PROXY last), lower case first;
 * undefined when none is set or NO_PROXY exempts the host. A bare `host:port` is taken as http://.
 */
export function proxyFor(url: URL, env: Env): URL | undefined {
  const https = url.protocol === 'https:';
  if (noProxyExempts(url.host, env, https ? '443' : '80')) return undefined;
  const names = https
    ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']
    : ['http_proxy', 'HTTP_PROXY'];
  const raw = [...names, 'all_proxy', 'ALL_PROXY'].map((v) => env[v]).find(Boolean);
  if (raw === undefined) return undefined;
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
}

/** A proxy URL as it may be printed: without its user name and password. */
export function proxyShown(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}
