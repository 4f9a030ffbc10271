// Index logins reach pip through a netrc file, the URLs without them: pip copies every index URL,
// login included, onto the command line of the pip it starts to build a source distribution
// (build isolation: `pip install ... -i URL --extra-index-url URL -- BACKEND`, pip's
// build_env.py), and any local user reads a process's command line (/proc/PID/cmdline). pip sends
// the login for a URL's host from the netrc file NETRC names (its vendored requests >= 2.25, pip
// >= 20.3: network/auth.py _get_new_credentials -> get_netrc_auth), which looks the host up
// without its port. A login stays in its URL (as before) where a netrc file cannot carry it for
// every Python: two different logins on one host, a login without a password (Python before 3.11
// refuses the whole file), or one with characters whose meaning differs between Python's netrc
// parsers (whitespace, a backslash, a leading double quote, anything not printable ASCII).

/** A login moved into the netrc file, or the reason it stays in its URL. */
export interface NetrcSplit {
  /** The URLs, in the same order, each without the login the netrc file now carries. */
  urls: string[];
  /** The netrc file's text: `machine HOST login USER password PASS` lines ('' for none). */
  netrc: string;
  /** Hosts whose logins stay in their URLs, and why (never the login itself). */
  kept: { host: string; why: string }[];
}

/** A netrc word every Python's netrc module reads as written (checked with 3.6 to 3.13). */
const PORTABLE = /^(?!")[\x21-\x5b\x5d-\x7e]+$/;

interface Parsed {
  url: string;
  /** The URL without its userinfo. */
  bare: string;
  host: string;
  /** The login as pip decodes it (urllib.parse.unquote of user and password); no password: undefined. */
  user: string | undefined;
  password: string | undefined;
}

/** As Python's urllib.parse.unquote, where that agrees with decodeURIComponent; else undefined. */
function unquote(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** An http(s) URL with a login, split as pip splits it (split_auth_from_netloc); else undefined. */
function parse(url: string): Parsed | undefined {
  const m = /^(https?:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!m) return undefined;
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const at = authority.lastIndexOf('@');
  if (at < 0) return undefined;
  const hostPort = authority.slice(at + 1);
  // requests' get_netrc_auth: the netloc up to its first ':' of the URL as requests prepared it,
  // whose host urllib3 has lowercased (netrc's lookup is exact). An IPv6 literal has no such host:
  // its login stays in its URL (unportable).
  const host = hostPort.startsWith('[') ? hostPort.replace(/\].*$/s, ']') : (hostPort.split(':')[0] ?? '');
  if (host === '') return undefined;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  const user = unquote(colon < 0 ? userinfo : userinfo.slice(0, colon));
  const password = colon < 0 ? undefined : unquote(userinfo.slice(colon + 1));
  return { url, bare: `${scheme}${hostPort}${rest}`, host: host.toLowerCase(), user, password };
}

/** Why a login cannot go into a netrc file, or undefined when it can. */
function unportable(p: Parsed): string | undefined {
  if (p.host.startsWith('['))
    return 'an IPv6 address (requests looks a login up in the netrc file by the text before the first ":", a part of the address)';
  if (p.password === undefined || p.password === '')
    return 'a login without a password (give user:password; Python before 3.11 cannot read such a netrc entry)';
  if (p.user === undefined || !PORTABLE.test(p.user) || !PORTABLE.test(p.password) || !PORTABLE.test(p.host))
    return 'a login with characters a netrc file does not carry alike for every Python';
  return undefined;
}

/**
 * The logins of URLS moved into a netrc file: one entry per host, the URLs without their login.
 * A host whose URLs carry different logins, or a login a netrc file cannot carry (unportable),
 * keeps its logins in its URLs. Pure.
 */
export function splitNetrc(urls: readonly string[]): NetrcSplit {
  const byHost = new Map<string, Parsed[]>();
  for (const u of urls) {
    const p = parse(u);
    if (p) byHost.set(p.host, [...(byHost.get(p.host) ?? []), p]);
  }
  const moved = new Map<string, string>();
  const lines: string[] = [];
  const kept: NetrcSplit['kept'] = [];
  for (const [host, ps] of byHost) {
    const logins = new Set(ps.map((p) => JSON.stringify([p.user, p.password])));
    const first = ps[0] as Parsed;
    const why =
      logins.size > 1 ? 'different logins on one host (a netrc file holds one per host)' : unportable(first);
    if (why !== undefined) {
      kept.push({ host, why });
      continue;
    }
    lines.push(`machine ${host} login ${first.user ?? ''} password ${first.password ?? ''}\n`);
    for (const p of ps) moved.set(p.url, p.bare);
  }
  return { urls: urls.map((u) => moved.get(u) ?? u), netrc: lines.join(''), kept };
}
