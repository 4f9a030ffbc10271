// Reading pip's own words: the "conflict is caused by" block, invalid requirement lines (the signs
// of an unreachable index are src/python/pip-network.ts's, shared with the build). Pure functions
// over pip's output.
import { canonicalName } from '../requirements/parse.js';
import { indexUnreachable } from '../python/pip-network.js';
import { lineEnd } from '../util/text.js';
import { buildFailure, vcsFailure, type VcsFailure } from './pip-subprocess.js';
import { hashFailureOf, type HashProblem, type RequiredBy } from './hash-failure.js';
import { isLocalPathFailure, pathPipNamed } from './local-path.js';
import { dependencyOf, indexRefusals } from './no-match.js';

export { indexRefusals } from './no-match.js';
export { indexesSearched, indexUnreachable } from '../python/pip-network.js';

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
 * constraint), or "X 1.2 depends on ..." (or "X[extra] 1.2 depends on ...") when X is one of
 * `requested` (pip 23 often prints only that).
 * `notUser`: requirements the resolver asks for itself (the variant's `torch==V`, input.ts
 * preinstalled): "The user requested torch==V" is then not the user's.
 */
export function userRequestedInConflict(
  block: readonly string[],
  requested: readonly string[] = [],
  notUser: readonly string[] = [],
): string[] {
  const wanted = new Set(requested.map(canonicalName));
  const own = new Set(notUser.map((r) => `The user requested ${r}`));
  const names = new Set<string>();
  for (const l of block) {
    const asked = own.has(l)
      ? null
      : /^The user requested (?!\(constraint\))([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l);
    if (asked) names.add(canonicalName(asked[1]!));
    // With extras, pip names them too: "bar-pkg[fast] 1.0 depends on numpy>=2".
    const dep = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])? \S+ depends on /.exec(l);
    if (dep && wanted.has(canonicalName(dep[1]!))) names.add(canonicalName(dep[1]!));
  }
  return [...names];
}

/** pip: "Invalid requirement: 'numpy>>2' (from line 3 of /tmp/x/requirements.txt)" */
export function invalidRequirement(output: string): { requirement: string; line: number } | undefined {
  const m = /Invalid requirement: '([^']*)'/.exec(output);
  if (!m) return undefined;
  // The first "(from line N of FILE)" later on its line (FILE up to a ")", which may be on a later
  // line), as (?:[^\n]*?\(from line (\d+) of [^)]*\))? found it after the quote. That one ran to
  // the end of the text from each "(from line N of " without a ")" after it: quadratic.
  const from = m.index + m[0].length;
  const nl = output.indexOf('\n', from);
  const ref = /\(from line (\d+) of /.exec(output.slice(from, nl < 0 ? undefined : nl));
  const closed = ref !== null && output.indexOf(')', from + ref.index + ref[0].length) >= 0;
  return { requirement: m[1]!, line: closed ? Number(ref[1]) : 0 };
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

/**
 * pip printed ResolutionImpossible (the only case that is a conflict): as its error says it, not as
 * a traceback at debug level names the exception (pip raises it inside for no version found too).
 */
function isResolutionImpossible(output: string): boolean {
  return /ERROR: ResolutionImpossible|The conflict is caused by:|conflicting dependencies/.test(output);
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
  | {
      kind: 'hash';
      problem: HashProblem;
      requirements: string[];
      /** What asks for each requirement pip lists as a dependency (hash-failure.ts). */
      requiredBy: Record<string, RequiredBy>;
      line: number;
      message: string;
    }
  | {
      kind: 'local-path';
      /** The line pip names on its error (0: none), and the one it was processing (local-path.ts). */
      line: number;
      processing: number;
      /** The path pip names as not there (or not a project), as it writes it. */
      path?: string;
      message: string;
    }
  | { kind: 'build-failed'; requirement?: string; message: string }
  | (VcsFailure & { message: string })
  | { kind: 'unreachable'; message: string; url?: { host: string; port: string; path: string } }
  | {
      kind: 'no-match';
      requirement: string;
      /** The project whose dependency it is (pip's "(from needsnew)"); none for a requirement's own. */
      from?: string;
      message: string;
    }
  | { kind: 'refused'; requirement: string; refusals: { url: string; status: string }[]; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'other'; message: string };

/** A traceback's exception line ("OSError: ...", "pip._internal...ResolutionImpossible: ..."). */
const EXCEPTION_LINE = /^[A-Za-z_][\w.]*(?:Error|Exception|Conflicted|Impossible|NotFound|Interrupt)\b/;

/**
 * LINES without pip's debug-level traceback blocks ("Exception information:", or a traceback of its
 * own at the line's start, as after "ERROR: Could not install packages due to an OSError."; the
 * tracebacks and their exception lines, the chain between them): at -vv pip prints one beside its
 * ERROR lines. A build step's traceback is indented in pip's output, and stays. Of a traceback at
 * the line's start, its last exception line stays: what went wrong.
 */
function withoutTracebacks(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inBlock = false;
  // The last exception line of a traceback of pip's own at the line's start ("OSError: [Errno 28]
  // No space left on device" after "ERROR: Exception:"): what went wrong, kept when its block ends
  // (a debug-level block's, beside pip's ERROR lines, says what they say).
  let keep = false;
  let raised: string | undefined;
  const close = () => {
    if (keep && raised !== undefined) out.push(raised);
    raised = undefined;
  };
  for (const l of lines) {
    if (/^Exception information:/.test(l)) [inBlock, keep, raised] = [true, false, undefined];
    else if (/^Traceback \(most recent call last\):/.test(l) && !inBlock)
      [inBlock, keep, raised] = [true, true, undefined];
    else if (inBlock && EXCEPTION_LINE.test(l)) raised = l;
    else if (inBlock && !/^(?:\s|Traceback |During handling of|The above exception|$)/.test(l)) {
      inBlock = false;
      close();
    }
    if (!inBlock) out.push(l);
  }
  if (inBlock) close();
  return out;
}

/**
 * pip's own words for a failure: its ERROR lines and what follows them (hints, hash details), at
 * most `max` lines, without the retry chatter or a debug-level traceback.
 */
export function pipMessage(output: string, max = 12): string {
  const lines = withoutTracebacks(output.split(/\r?\n/));
  const first = lines.findIndex((l) => /^\s*ERROR: /.test(l));
  const from = first < 0 ? lines.filter((l) => l.trim() !== '').slice(-max) : lines.slice(first);
  return from
    .filter((l) => l.trim() !== '' && !/^\s*(WARNING: Retrying|\[notice\])/.test(l))
    .slice(0, max)
    .join('\n')
    .trim();
}

/**
 * "(line N)" / "(from line N of FILE)" / "(from -r FILE (line N))" in pip's output: the first, as
 * /\(from line (\d+) of [^)]*\)|\(line (\d+)\)/ finds it (that one ran to the end of the text from
 * each "(from line N of " without a ")" after it).
 */
function lineRef(text: string): number {
  const lastClose = text.lastIndexOf(')');
  for (const m of text.matchAll(/\((?:from line (\d+) of |line (\d+)\))/g)) {
    if (m[2] !== undefined) return Number(m[2]);
    if (lastClose >= m.index + m[0].length) return Number(m[1]);
  }
  return 0;
}

/** The first index of NEEDLE in TEXT at or after a position, each found once while positions grow. */
function nextIndexOf(text: string, needle: string): (at: number) => number {
  let from = Infinity;
  let found = -1;
  return (at) => {
    if (at < from || (found >= 0 && found < at)) [from, found] = [at, text.indexOf(needle, at)];
    return found;
  };
}

interface DirectUrlFailure {
  requirement: string;
  url: string;
  /** " (from WHERE)", when pip says where the requirement came from. */
  where?: string;
  reason: string;
}

/**
 * pip's "Could not install requirement REQ from URL (from WHERE) because of REASON", as
 * /Could not install requirement (.+?) from (\S+)( \(from [^\n]*?\))? because of (.*)/ matches it.
 * That expression tried each " from " of a line as the end of REQ and ran to the end of the line
 * from each: quadratic. Here each " from " is tried once, and the next ") because of " and the next
 * newline are looked up once for all of them.
 */
function directUrlFailure(output: string): DirectUrlFailure | undefined {
  const PREFIX = 'Could not install requirement ';
  const BECAUSE = ' because of ';
  const nextBecause = nextIndexOf(output, `)${BECAUSE}`);
  const nextNewline = nextIndexOf(output, '\n');
  for (let s = output.indexOf(PREFIX); s >= 0;) {
    const start = s + PREFIX.length;
    // REQ (one character at least) holds no line terminator.
    const end = lineEnd(output, start);
    for (
      let r = output.indexOf(' from ', start + 1);
      r >= 0 && r < end;
      r = output.indexOf(' from ', r + 1)
    ) {
      let u = r + 6;
      while (u < output.length && /\S/.test(output[u]!)) u++;
      if (u === r + 6) continue;
      let where: string | undefined;
      let reason = -1;
      if (output.startsWith(' (from ', u)) {
        const q = nextBecause(u + 7);
        const nl = nextNewline(u + 7);
        if (q >= 0 && (nl < 0 || q < nl)) [where, reason] = [output.slice(u, q + 1), q + 1 + BECAUSE.length];
      }
      if (reason < 0 && output.startsWith(BECAUSE, u)) reason = u + BECAUSE.length;
      if (reason >= 0)
        return {
          requirement: output.slice(start, r),
          url: output.slice(r + 6, u),
          ...(where !== undefined && { where }),
          reason: output.slice(reason, lineEnd(output, reason)),
        };
    }
    // A later PREFIX on this line has no " from " to try that this one did not: the next line's.
    s = output.indexOf(PREFIX, end);
  }
  return undefined;
}

/**
 * A command pip ran failed: a VCS command (git clone: pip says "subprocess-exited-with-error" for
 * it too, and it is no package's build), or a package's own build step (an sdist's setup.py run for
 * its metadata): what it printed (a missing nvcc, say) is its output, not a path of the user's.
 * Installing its build dependencies (setuptools, wheel) from an index that did not answer is the
 * index's failure (classifyPipFailure: unreachable), not the package's build.
 */
function subprocessFailure(output: string, message: string): PipFailure | undefined {
  const vcs = vcsFailure(output);
  if (vcs) return { ...vcs, message };
  const buildDepsUnreachable =
    /to install build dependencies did not run successfully|Installing build dependencies: finished with status 'error'/.test(
      output,
    ) && (indexUnreachable(output) ?? transientIndexError(output)) !== undefined;
  const built = buildDepsUnreachable ? undefined : buildFailure(output);
  return built && { kind: 'build-failed', ...built, message };
}

const POOL = /HTTPS?ConnectionPool\(host='([^']+)', port=(\d+)\): Max retries exceeded with url: (\S+)/;

/**
 * The host, port and path of the connection pip gave up on, as its ERROR line names them. At debug
 * level (the retry of a refused connection) that line ends at "due to an OSError." and the
 * traceback after it names them instead, in the exception pip raised last: read there, a direct
 * URL's host out of reach is still that line's, not the index's.
 */
function failedConnection(output: string): { host: string; port: string; path: string } | undefined {
  const lines = output.split(/\r?\n/);
  const error = lines.find((l) => /^ERROR: /.test(l)) ?? '';
  const raised = lines.findLast((l) => /^[A-Za-z_][\w.]*(?:Error|Exception): /.test(l)) ?? '';
  const pool = POOL.exec(error) ?? POOL.exec(raised);
  return pool ? { host: pool[1]!, port: pool[2]!, path: pool[3]! } : undefined;
}

/** What kind of failure pip reports (most specific first). Pure. */
export function classifyPipFailure(output: string, loginHosts?: ReadonlySet<string>): PipFailure {
  const message = pipMessage(output);
  // First: at debug level (the retry) pip's own traceback follows, which other patterns may read.
  const missing = noMatchingDistribution(output);
  const refusals = missing ? indexRefusals(output, missing, loginHosts) : [];
  if (missing && refusals.length > 0) return { kind: 'refused', requirement: missing, refusals, message };
  const invalid = invalidRequirement(output);
  if (invalid) return { kind: 'invalid-requirement', ...invalid, message };
  const direct = directUrlFailure(output);
  if (direct) {
    const reason = direct.reason.replace(/ for URL \S+$/, '').trim();
    return {
      kind: 'direct-url',
      requirement: direct.requirement.trim(),
      url: direct.url,
      reason,
      notFound: /HTTP error 4\d\d|\b4\d\d Client Error/.test(reason),
      line: lineRef(direct.where ?? ''),
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
  const hash = hashFailureOf(output);
  if (hash) {
    const { problem, requirements, requiredBy } = hash;
    return { kind: 'hash', problem, requirements, requiredBy, line: lineRef(output.slice(hash.at)), message };
  }
  const ran = subprocessFailure(output, message);
  if (ran) return ran;
  if (isLocalPathFailure(output)) {
    const l = output.split(/\r?\n/).find((x) => /^ERROR: /.test(x)) ?? '';
    // pip names the line on its error, else (pip 23 often not) the path, else the line it was
    // processing ("Processing X (from -r F (line N))"): failure.ts finds the path's line.
    const path = pathPipNamed(output);
    const processing = lineRef(output);
    return { kind: 'local-path', line: lineRef(l), processing, ...(path !== undefined && { path }), message };
  }
  if (isResolutionImpossible(output)) return { kind: 'conflict', message };
  const unreachable = indexUnreachable(output) ?? transientIndexError(output);
  if (unreachable) {
    const url = failedConnection(output);
    return { kind: 'unreachable', message: unreachable, ...(url && { url }) };
  }
  if (missing) {
    const from = dependencyOf(output, missing);
    return { kind: 'no-match', requirement: missing, ...(from !== undefined && { from }), message };
  }
  return { kind: 'other', message };
}
