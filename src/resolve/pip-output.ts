// Reading pip's own words: the "conflict is caused by" block, invalid requirement lines, and the
// signs of an unreachable index. Pure functions over pip's output.

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

const canon = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

/**
 * The user's packages that pip blames in the conflict block: "The user requested X..." (not a
 * constraint), or "X 1.2 depends on ..." when X is one of `requested` (pip 23 often prints only that).
 */
export function userRequestedInConflict(
  block: readonly string[],
  requested: readonly string[] = [],
): string[] {
  const wanted = new Set(requested.map(canon));
  const names = new Set<string>();
  for (const l of block) {
    const asked = /^The user requested (?!\(constraint\))([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l);
    if (asked) names.add(canon(asked[1]!));
    const dep = /^([A-Za-z0-9][A-Za-z0-9._-]*) \S+ depends on /.exec(l);
    if (dep && wanted.has(canon(dep[1]!))) names.add(canon(dep[1]!));
  }
  return [...names];
}

/** Project names of a requirements text (pip's own parsing happens in the container; this is for matching). */
export function requirementNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(canon);
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
