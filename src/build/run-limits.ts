// The RUN steps' limits among docker/build-push-action's inputs, `shm-size` and `ulimit`, checked
// as buildx reads them on its command line (docker/go-units RAMInBytes and ParseUlimit): a value
// buildx refuses fails the build after the resolve stage has run, so it is bad input here. Pure.

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
