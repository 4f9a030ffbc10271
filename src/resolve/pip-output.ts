// Reading pip's own words: the "conflict is caused by" block, invalid requirement lines, and the
// signs of an unreachable index. Pure functions over pip's output.
import { canonicalName } from '../requirements/parse.js';

export interface ConflictCause {
  line: string;
  /** Names the user asked for (not constraints) that appear in the block. */
  userRequested?: string;
}

/** The lines of pip's "The conflict is caused by:" block (ResolutionImpossible). */
export function conflictBlock(output: string): string[] {
  const lines = output.split(/\r?\n/);
  const start = lines.findIndex((l) => /The conflict is caused by:/.test(l));
  if (start < 0) return [];
  const block: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.trim() === '') break;
    block.push(l.trim());
  }
  return block;
}

/**
 * The user's packages that pip blames in the conflict block: "The user requested X..." (not a
 * constraint), or "X 1.2 depends on ..." when X is one of `requested` (pip 23 often prints only that).
 */
export function userRequestedInConflict(
  block: readonly string[],
  requested: readonly string[] = [],
): string[] {
  const wanted = new Set(requested.map(canonicalName));
  const names = new Set<string>();
  for (const l of block) {
    const asked = /^The user requested (?!\(constraint\))([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l);
    if (asked) names.add(canonicalName(asked[1]!));
    const dep = /^([A-Za-z0-9][A-Za-z0-9._-]*) \S+ depends on /.exec(l);
    if (dep && wanted.has(canonicalName(dep[1]!))) names.add(canonicalName(dep[1]!));
  }
  return [...names];
}

/** pip: "Invalid requirement: 'numpy>>2' (from line 3 of /tmp/x/requirements.txt)" */
export function invalidRequirement(output: string): { requirement: string; line: number } | undefined {
  const m = /Invalid requirement: '([^']*)'(?:[^\n]*?\(from line (\d+) of [^)]*\))?/.exec(output);
  if (!m) return undefined;
  return { requirement: m[1]!, line: m[2] ? Number(m[2]) : 0 };
}

const UNREACHABLE =
  /NewConnectionError|Failed to establish a new connection|Max retries exceeded|Name or service not known|Temporary failure in name resolution|Connection refused|ConnectTimeoutError|Could not fetch URL .*: There was a problem confirming the ssl certificate/i;

/** pip could not reach the index (it then says "from versions: none", which is not the user's fault). */
export function indexUnreachable(output: string): string | undefined {
  const line = output.split(/\r?\n/).find((l) => UNREACHABLE.test(l));
  return line?.trim();
}

/** "No matching distribution found for foo" with an index that answered: the package does not exist. */
export function noMatchingDistribution(output: string): string | undefined {
  return /No matching distribution found for ([^\s]+)/.exec(output)?.[1];
}

// ---- pip failures that are not conflicts ------------------------------------------------------

const TRANSIENT =
  /too many 5\d\d error responses|\b5\d\d Server Error|HTTP error 5\d\d|Service Unavailable|Bad Gateway|Gateway Time-?out|Read timed out|ReadTimeoutError|Connection reset by peer|RemoteDisconnected|IncompleteRead/i;

/** pip gave up on a 5xx, a reset or a timeout: worth one more try before anyone is blamed. */
export function transientIndexError(output: string): string | undefined {
  return output
    .split(/\r?\n/)
    .find((l) => TRANSIENT.test(l))
    ?.trim();
}

/** pip printed ResolutionImpossible (the only case that is a conflict). */
export function isResolutionImpossible(output: string): boolean {
  return /ResolutionImpossible|The conflict is caused by:|conflicting dependencies/.test(output);
}

export type PipFailure =
  | { kind: 'invalid-requirement'; requirement: string; line: number; message: string }
  | {
      kind: 'direct-url';
      requirement: string;
      url: string;
      reason: string;
      notFound: boolean;
      line: number;
      message: string;
    }
  | { kind: 'hash'; line: number; message: string }
  | { kind: 'local-path'; line: number; message: string }
  | { kind: 'build-failed'; requirement?: string; message: string }
  | { kind: 'unreachable'; message: string; url?: { host: string; port: string; path: string } }
  | { kind: 'no-match'; requirement: string; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'other'; message: string };

/**
 * pip's own words for a failure: its ERROR lines and what follows them (hints, hash details), at
 * most `max` lines, without the retry chatter.
 */
export function pipMessage(output: string, max = 12): string {
  const lines = output.split(/\r?\n/);
  const first = lines.findIndex((l) => /^\s*ERROR: /.test(l));
  const from = first < 0 ? lines.filter((l) => l.trim() !== '').slice(-max) : lines.slice(first);
  return from
    .filter((l) => l.trim() !== '' && !/^\s*(WARNING: Retrying|\[notice\])/.test(l))
    .slice(0, max)
    .join('\n')
    .trim();
}

/** "(line N)" / "(from line N of FILE)" / "(from -r FILE (line N))" in pip's output. */
function lineRef(text: string): number {
  const m = /\(from line (\d+) of [^)]*\)|\(line (\d+)\)/.exec(text);
  return m ? Number(m[1] ?? m[2]) : 0;
}

/**
 * pip ran a package's build step (metadata, or a wheel for it) and that failed
 * (`metadata-generation-failed`, `subprocess-exited-with-error`): the requirement pip was collecting
 * when it did, where pip names it.
 */
export function buildFailure(output: string): { requirement?: string } | undefined {
  const lines = output.split(/\r?\n/);
  const at = lines.findIndex((l) =>
    /(?:^|\s)(?:error: )?(?:metadata-generation-failed|subprocess-exited-with-error)\b|^ERROR: Command errored out with exit status /.test(
      l,
    ),
  );
  if (at < 0) return undefined;
  const collecting = lines
    .slice(0, at)
    .reverse()
    .map((l) => /^\s*(?:Collecting|Processing|Obtaining) (\S+)/.exec(l)?.[1])
    .find((r) => r !== undefined);
  return collecting !== undefined ? { requirement: collecting } : {};
}

/** What kind of failure pip reports (most specific first). Pure. */
export function classifyPipFailure(output: string): PipFailure {
  const message = pipMessage(output);
  const invalid = invalidRequirement(output);
  if (invalid) return { kind: 'invalid-requirement', ...invalid, message };
  const direct = /Could not install requirement (.+?) from (\S+)( \(from [^\n]*?\))? because of (.*)/.exec(
    output,
  );
  if (direct) {
    const reason = direct[4]!.replace(/ for URL \S+$/, '').trim();
    return {
      kind: 'direct-url',
      requirement: direct[1]!.trim(),
      url: direct[2]!,
      reason,
      notFound: /HTTP error 4\d\d|\b4\d\d Client Error/.test(reason),
      line: lineRef(direct[3] ?? ''),
      message,
    };
  }
  const badWheel = /ERROR: (\S+) is not a valid wheel filename/.exec(output);
  if (badWheel)
    return {
      kind: 'direct-url',
      requirement: '',
      url: badWheel[1]!,
      reason: 'not a valid wheel file name',
      notFound: true,
      line: 0,
      message,
    };
  const httpErr = /HTTP error (\d{3}) while getting (\S+)/.exec(output);
  if (httpErr && !/\/simple\//.test(httpErr[2]!) && !TRANSIENT.test(httpErr[0]))
    return {
      kind: 'direct-url',
      requirement: '',
      url: httpErr[2]!,
      reason: `HTTP error ${httpErr[1]}`,
      notFound: httpErr[1]!.startsWith('4'),
      line: 0,
      message,
    };
  if (
    /DO NOT MATCH THE HASHES|Hashes are required in --require-hashes mode|In --require-hashes mode, all requirements must/.test(
      output,
    )
  ) {
    const at = output.search(/HASHES|--require-hashes mode/);
    return { kind: 'hash', line: lineRef(output.slice(at)), message };
  }
  // A package's own build step (an sdist's setup.py run for its metadata) failed: what it printed
  // (a missing nvcc, say) is its output, not a path of the user's.
  // Installing its build dependencies (setuptools, wheel) from an index that did not answer is the
  // index's failure (below), not the package's build.
  const buildDepsUnreachable =
    /to install build dependencies did not run successfully|Installing build dependencies: finished with status 'error'/.test(
      output,
    ) && (indexUnreachable(output) ?? transientIndexError(output)) !== undefined;
  const built = buildDepsUnreachable ? undefined : buildFailure(output);
  if (built) return { kind: 'build-failed', ...built, message };
  if (
    /does not appear to be a Python project|is not a valid editable requirement|Could not open requirements file|is not installable|neither 'setup\.py' nor 'pyproject\.toml' found|^ERROR: .*No such file or directory: '[^']*'/m.test(
      output,
    )
  ) {
    const l = output.split(/\r?\n/).find((x) => /^ERROR: /.test(x)) ?? '';
    // pip names the line on its error, else on the line it was processing ("Processing X (from -r F (line N))").
    return { kind: 'local-path', line: lineRef(l) || lineRef(output), message };
  }
  if (isResolutionImpossible(output)) return { kind: 'conflict', message };
  const unreachable = indexUnreachable(output) ?? transientIndexError(output);
  if (unreachable) {
    const pool =
      /HTTPS?ConnectionPool\(host='([^']+)', port=(\d+)\): Max retries exceeded with url: (\S+)/.exec(
        output.split(/\r?\n/).find((l) => /^ERROR: /.test(l)) ?? '',
      );
    return {
      kind: 'unreachable',
      message: unreachable,
      ...(pool && { url: { host: pool[1]!, port: pool[2]!, path: pool[3]! } }),
    };
  }
  const missing = noMatchingDistribution(output);
  if (missing) return { kind: 'no-match', requirement: missing, message };
  return { kind: 'other', message };
}
