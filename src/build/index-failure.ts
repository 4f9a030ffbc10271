// A build whose RUN step's pip could not reach its package index: the environment's (exit 3),
// naming the index, not "registry unreachable" (pip's "Connection refused" is no registry's) nor a
// failure of the requirements (pip then says "from versions: none"). Pure.
import { indexUnreachable } from '../python/pip-network.js';
import { redactUrls } from '../util/redact.js';

/** BuildKit's prefix of a RUN step's output line: its step and seconds ("#9 0.424 ", "0.424 "). */
const STEP_PREFIX = /^(?:#\d+ )?\d+\.\d+ /;

/** The lines of a build log as the step's program wrote them (trimmed, BuildKit's prefixes off). */
const stepLines = (log: string) => log.split('\n').map((l) => l.trim().replace(STEP_PREFIX, ''));

/** How far from the log's end pip's last words are looked for (buildx's own error lines follow). */
const TAIL_LINES = 40;

/** pip's error line for a download it could not make at all: it ends pip (its last words). */
const OS_ERROR = /^ERROR: Could not install packages due to an OSError\b/;

/**
 * A line of pip's where it gave up on a connection: its last retry ("Retrying (Retry(total=0, ...))
 * after connection broken by 'NewConnectionError('<pip._vendor.urllib3...>: ... Connection
 * refused')'"), its OSError line, or a URL it could not fetch (a certificate it could not confirm).
 * An earlier retry that pip recovered from is none, nor another program's words (a script's own
 * "ERROR: ... Connection refused").
 */
const gaveUp = (line: string) =>
  (/Retry\(total=0\b/.test(line) && /pip\._vendor\.|ReadTimeoutError\(/.test(line)) ||
  OS_ERROR.test(line) ||
  /^Could not fetch URL /.test(line);

/** A line that says a connection failed: pip-network's words, a read that timed out, urllib3 2's DNS words. */
const unreachableLine = (line: string) =>
  indexUnreachable(line) !== undefined ||
  /ReadTimeoutError|NameResolutionError|Name does not resolve|Failed to resolve/.test(line);

/** pip's OSError line names the host it could not reach: HTTPSConnectionPool(host='h', port=443). */
const POOL_HOST = /HTTPS?ConnectionPool\(host='([^']{1,255})', port=(\d{1,5})\)/;

/**
 * Whether what follows pip's give-up line says the index is why pip failed: pip's next error is
 * "Could not find a version that satisfies ..." or "No matching distribution found ..." (what an
 * index that did not answer leaves it with), and nothing after says it went on (another index
 * served the project: "Successfully installed", a package's own build failing). The OSError line
 * is pip's last word itself.
 */
function endedPip(line: string, after: readonly string[]): boolean {
  if (OS_ERROR.test(line)) return true;
  if (after.some((l) => /Successfully installed|subprocess-exited-with-error|Failed to build /.test(l)))
    return false;
  // pip's errors, not buildx's own ("ERROR: failed to solve: ...", "ERROR: process ...").
  const next = after.find((l) => /^ERROR: /.test(l) && !/^ERROR: (?:failed to solve|process )/.test(l));
  return (
    next !== undefined &&
    /^ERROR: (?:Could not find a version that satisfies|No matching distribution found)/.test(next)
  );
}

interface UnreachableIndex {
  /** The indexes pip searched ("Looking in indexes: ..."), as it printed them (logins masked). */
  indexes?: string;
  /** The host of a download pip could not make (its OSError line): a direct URL's, or a file's. */
  host?: string;
  /** pip's line that says how the connection failed. */
  line: string;
}

/**
 * The package index a failed build's pip could not reach, read from the end of its LOG (masked);
 * undefined where pip's last words say otherwise (a conflict, a missing release, another program).
 */
export function unreachableIndex(log: string): UnreachableIndex | undefined {
  const lines = stepLines(log);
  const tail = lines.slice(-TAIL_LINES);
  if (tail.some((l) => /ResolutionImpossible|The conflict is caused by/.test(l))) return undefined;
  // The last give-up line that ended pip: pip's own version check may print one more after its
  // errors (a certificate it could not confirm for /simple/pip/), which ended nothing.
  let at = -1;
  for (let i = tail.length - 1; i >= 0 && at < 0; i--) {
    const l = tail[i]!;
    if (unreachableLine(l) && gaveUp(l) && endedPip(l, tail.slice(i + 1))) at = i;
  }
  if (at < 0) return undefined;
  const line = tail[at]!;
  const pool = OS_ERROR.test(line) ? POOL_HOST.exec(line) : null;
  if (pool) return { line, host: `${pool[1]}:${pool[2]}` };
  const searched = [...lines].reverse().find((l) => l.startsWith('Looking in indexes: '));
  return {
    line,
    ...(searched !== undefined && { indexes: searched.slice('Looking in indexes: '.length) }),
  };
}

/** Why the build failed, when its pip could not reach INDEX: the index (or host) and pip's line. */
export function indexReason(index: UnreachableIndex): string {
  const where =
    index.host !== undefined
      ? `${index.host} (a download pip had to make there)`
      : index.indexes !== undefined
        ? `the package index ${index.indexes}`
        : 'its package index';
  return `pip in the build could not reach ${redactUrls(where)}: ${redactUrls(index.line).slice(0, 400)}`;
}

/** What to do about an index the build's pip could not reach. */
export const INDEX_FIX =
  "check that the index is up and that python.indexUrl / PIP_INDEX_URL (and the requirements' --index-url / --extra-index-url) name it as the build reaches it: an index on this machine's loopback (localhost, 127.0.0.1) needs build.network: host and a builder on this machine's engine; behind a proxy, the build takes the proxies of ~/.docker/config.json (docs/build.md). Not retried: a refused connection or an unknown name does not pass on its own";
