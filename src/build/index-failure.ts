// A build whose RUN step's pip could not reach its package index: the environment's (exit 3),
// naming the index, not "registry unreachable" (pip's "Connection refused" is no registry's) nor a
// failure of the requirements (pip then says "from versions: none"). Pure.
import { EnvironmentError } from '../errors.js';
import { indexUnreachable } from '../python/pip-network.js';
import { redactUrls } from '../util/redact.js';

/** BuildKit's prefix of a RUN step's output line: its step and seconds ("#9 0.424 ", "0.424 "). */
const STEP_PREFIX = /^(?:#\d+ )?\d+\.\d+ /;

/** The lines of a build log as the step's program wrote them (trimmed, BuildKit's prefixes off). */
const stepLines = (log: string) => log.split('\n').map((l) => l.trim().replace(STEP_PREFIX, ''));

/** How far from the log's end pip's last words are looked for (buildx's own error lines follow). */
const TAIL_LINES = 40;

/**
 * A line of pip's where it gave up on a connection: its last retry ("Retrying (Retry(total=0, ...))
 * after connection broken by 'NewConnectionError('<pip._vendor.urllib3...>: ... Connection
 * refused')'"), its error line ("ERROR: Could not install packages due to an OSError: ... Max
 * retries exceeded"), or a URL it could not fetch (a certificate it could not confirm). An earlier
 * retry that pip recovered from is none, nor another program's words (a script's own "ERROR: ...
 * Connection refused").
 */
const gaveUp = (line: string) =>
  (/Retry\(total=0\b/.test(line) && line.includes('pip._vendor.')) ||
  /^ERROR: Could not install packages due to an OSError\b/.test(line) ||
  /^Could not fetch URL /.test(line);

export interface UnreachableIndex {
  /** The indexes pip searched ("Looking in indexes: ..."), as it printed them (logins masked). */
  indexes?: string;
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
  const line = [...tail].reverse().find((l) => indexUnreachable(l) !== undefined);
  if (line === undefined || !gaveUp(line)) return undefined;
  const searched = [...lines].reverse().find((l) => l.startsWith('Looking in indexes: '));
  return {
    line,
    ...(searched !== undefined && { indexes: searched.slice('Looking in indexes: '.length) }),
  };
}

/** The error of a build (ID, failed after ELAPSED seconds) whose pip could not reach INDEX. */
export function indexFailure(
  f: { id: string; elapsed: string; log: string },
  index: UnreachableIndex,
): EnvironmentError {
  const where = index.indexes !== undefined ? `the package index ${index.indexes}` : 'its package index';
  const excerpt = f.log.split('\n').slice(-25).join('\n');
  return new EnvironmentError(
    `build ${f.id} failed after ${f.elapsed}s: pip in the build could not reach ${redactUrls(where)}: ${redactUrls(index.line).slice(0, 400)}\n--- last lines of the build log ---\n${excerpt}`,
    "check that the index is up and that python.indexUrl / PIP_INDEX_URL (and the requirements' --index-url / --extra-index-url) name it as the build reaches it: an index on this machine's loopback (localhost, 127.0.0.1) needs build.network: host and a builder on this machine's engine; behind a proxy, the build takes the proxies of ~/.docker/config.json (docs/build.md). Not retried: a refused connection or an unknown name does not pass on its own",
  );
}
