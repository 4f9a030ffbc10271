// Which network the resolver's container gets. Docker's bridge by default: the container (a base
// image and requirements a pull request may choose, an sdist's setup.py among them) then shares
// nothing of the host's network namespace: not its loopback services (a local registry, a daemon
// or a proxy listening on 127.0.0.1), not its abstract unix sockets. The host's network only where
// pip must reach this machine's loopback: an index, --find-links or direct URL on localhost /
// 127.0.0.0/8 / ::1 (a local index, as the test bed serves one), or a build that uses the host's
// network itself (build.network: host: the resolver then reaches what the build's RUN steps reach,
// an index named in the host's /etc/hosts too). Pure: a host name that this machine resolves to its
// loopback takes a lookup, which the stage makes (network-lookup.ts).
import type { ResolveInput } from './input.js';
import { pipReadText, shownIndexes } from './input.js';

export type ResolverNetwork = 'host' | 'bridge';

/** Hosts that name this machine itself (WHATWG URL's hostname: IPv4 in any notation is normalized). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  // 0.0.0.0 and :: connect to this machine on Linux.
  if (h === '0.0.0.0' || h === '::' || h === '::1') return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(h)) return true;
  // IPv4-mapped IPv6 (URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1).
  return /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(h);
}

/**
 * An address rather than a name, as WHATWG URL's hostname writes one (brackets taken off): IPv4 in
 * any notation comes out dotted-decimal, and only an IPv6 address holds a colon.
 */
export const isIpAddress = (hostname: string): boolean =>
  hostname.includes(':') || /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/** `${NAME}` expanded from pip's environment, as pip expands it (an unknown name stays as it is). */
const expand = (url: string, env: Readonly<Record<string, string>>): string =>
  url.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => env[name] ?? whole);

/**
 * The URLs in a text (a scheme, "://", up to a blank or a quote), as /[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi
 * finds them. That one tried each letter of a long run of scheme characters as a start and ran to
 * the run's end from each: quadratic. Here a match starts only where such a run starts (the
 * lookbehind), skips the run's leading digits and signs, and takes the rest from its first letter:
 * the same URLs, in linear time.
 */
export function urlsInText(text: string): string[] {
  return [...text.matchAll(/(?<![a-z0-9+.-])[0-9+.-]*([a-z][a-z0-9+.-]*:\/\/[^\s'"]+)/gi)].map((m) => m[1]!);
}

/** The URLs pip may fetch: the indexes and every URL in the requirements (find-links, direct URLs). */
export function urlsPipMayReach(input: ResolveInput): string[] {
  const env = input.pipEnv ?? {};
  const ix = shownIndexes(input);
  // Without comments, as pip reads the lines (req_file.py COMMENT_RE): a URL in a comment is none.
  const text = pipReadText(input).replace(/(^|[ \t]+)#.*$/gm, '');
  const inText = urlsInText(expand(text, env));
  return [...(ix.indexUrl !== undefined ? [ix.indexUrl] : []), ...ix.extraIndexUrls]
    .map((u) => expand(u, env))
    .concat(inText);
}

/** The first URL pip may fetch from this machine's loopback, its host shown (no credentials). */
export function loopbackUrl(input: ResolveInput): string | undefined {
  for (const u of urlsPipMayReach(input)) {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      continue; // not a URL pip could fetch either
    }
    if (/^(https?|ftp):$/.test(url.protocol) && isLoopbackHost(url.hostname)) return url.host;
  }
  return undefined;
}

/**
 * The resolver's network, and why: `host` when the build runs on the host's network or pip must
 * reach this machine's loopback, else `bridge`. Only what the inputs ask for, never what the base
 * image's own environment (its PIP_INDEX_URL) names.
 */
export function resolverNetwork(
  input: ResolveInput,
  buildNetwork?: 'default' | 'host' | 'none',
): { network: ResolverNetwork; reason: string } {
  if (buildNetwork === 'host')
    return { network: 'host', reason: 'build.network is host: the same network as the build' };
  const loopback = loopbackUrl(input);
  if (loopback !== undefined)
    return { network: 'host', reason: `pip must reach ${loopback} on this machine's loopback` };
  return { network: 'bridge', reason: 'no index on this machine' };
}

/**
 * Whether the Docker engine runs in a VM, whose host network is the VM's own and whose loopback is
 * not this machine's: on macOS and native Windows (no Linux containers run natively there: Docker
 * Desktop, colima, OrbStack, Rancher Desktop each run a Linux VM), and on Linux with Docker
 * Desktop's context, desktop-linux (Docker Desktop for Linux runs a VM too). There `--network host`
 * reaches the VM's loopback, not a devpi on this machine's (docs.docker.com
 * engine/network/drivers/host: host networking is Docker Engine on Linux's, and Docker Desktop's
 * only from 4.34, opted into under Settings > Resources > Network > "Enable host networking").
 * PLATFORM: process.platform's value; CONTEXT: the current Docker context's name (docker/context.ts).
 */
export const engineInVm = (platform: string, context: string | undefined): boolean =>
  platform === 'darwin' || platform === 'win32' || context === 'desktop-linux';
