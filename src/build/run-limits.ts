// What docker/build-push-action's inputs set of the RUN steps' environment, `shm-size`, `ulimit` and
// `add-hosts`, checked as buildx reads them (docker/go-units RAMInBytes and ParseUlimit, buildx's
// toBuildkitExtraHosts): a value buildx refuses fails the build after the resolve stage has run,
// so it is bad input here. Pure.

/** go-units parseSize: a number, one optional space, then b, or k m g t p with an optional b or ib. */
const SIZE = /^[0-9]+(?:\.[0-9]+)? ?(?:b|[kmgtp](?:i?b)?)?$/i;

/** Why `shm-size` VALUE (trimmed) is no size buildx takes (`2g`, `512m`, `1 GiB`), or undefined. */
export function shmSizeProblem(value: string): string | undefined {
  return SIZE.test(value) ? undefined : 'is not a size (e.g. 2g, 512m)';
}

/** go-units' ulimit names (ulimitNameMapping). */
const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
];

const INT64_MAX = 2n ** 63n - 1n;

/**
 * Why `ulimit` ITEM is no `TYPE=SOFT[:HARD]` buildx takes (go-units ParseUlimit), or undefined: a
 * known TYPE, 64-bit integers, and SOFT at most HARD unless HARD is -1 (unlimited); SOFT -1 only
 * with HARD -1.
 */
export function ulimitProblem(item: string): string | undefined {
  const m = /^([a-z]+)=(-?[0-9]+)(?::(-?[0-9]+))?$/.exec(item);
  if (!m) return 'is not TYPE=SOFT[:HARD] (e.g. nofile=1024:1024)';
  const [, name = '', softText = '', hardText = softText] = m;
  if (!ULIMIT_NAMES.includes(name)) return `has an unknown type ${name} (one of ${ULIMIT_NAMES.join(', ')})`;
  const soft = BigInt(softText);
  const hard = BigInt(hardText);
  if ([soft, hard].some((n) => n > INT64_MAX || n < -INT64_MAX - 1n))
    return 'has a limit beyond a 64-bit integer';
  if (hard !== -1n && (soft === -1n || soft > hard))
    return 'has a soft limit above its hard limit (-1, unlimited, is above any other)';
  return undefined;
}

/**
 * Why `add-hosts` ITEM is no HOST:IP or HOST=IP buildx takes (toBuildkitExtraHosts: split at the
 * first `=`, else the first `:`; the IP as netip.ParseAddr reads it, `[...]` around an IPv6 one, or
 * host-gateway), or undefined.
 */
export function addHostProblem(item: string): string | undefined {
  if (!/^[A-Za-z0-9_.-]+[:=]\S+$/.test(item)) return 'is not HOST:IP (or HOST=IP)';
  const at = item.includes('=') ? item.indexOf('=') : item.indexOf(':');
  const host = item.slice(0, at);
  const ip = item.slice(at + 1).replace(/^\[(.*)\]$/, '$1');
  if (host.includes(':')) return 'is not HOST:IP (or HOST=IP): its host holds a ":"';
  if (ip !== 'host-gateway' && !isIpAddress(ip))
    return `has ${JSON.stringify(ip)}, which is no IP address (nor host-gateway)`;
  return undefined;
}

/** An IPv4 address as Go's netip.ParseAddr reads it: four decimal parts, no leading zeros. */
const IPV4 =
  /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;

/**
 * Whether TEXT is an IP address netip.ParseAddr takes: IPv4, or IPv6 (hex groups of 1 to 4 digits,
 * eight of them or at most seven with one `::`, the last two as an IPv4 address or not, a zone
 * `%NAME` after it or not).
 */
function isIpAddress(text: string): boolean {
  if (IPV4.test(text)) return true;
  const [addr = '', ...zone] = text.split('%');
  if (zone.length > 0 && zone.join('%') === '') return false;
  const last = addr.slice(addr.lastIndexOf(':') + 1);
  if (last.includes('.') && !IPV4.test(last)) return false;
  const hex = last.includes('.') ? `${addr.slice(0, addr.length - last.length)}0:0` : addr;
  const sides = hex.split('::');
  if (sides.length > 2) return false;
  const groups = sides.map((side) => (side === '' ? [] : side.split(':')));
  if (!groups.flat().every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = groups.flat().length;
  return sides.length === 2 ? count <= 7 : count === 8;
}
