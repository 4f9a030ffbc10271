// pip's words for an index it could not reach, and the indexes it searched: shared by the resolve
// stage (its dry runs' output) and the build (a RUN step's pip, in the build log). Pure.
import { lineEnd } from '../util/text.js';

/** A line of pip's that says it could not connect (a refused connection, a name, a timeout). */
const UNREACHABLE =
  /NewConnectionError|Failed to establish a new connection|Max retries exceeded|Name or service not known|Temporary failure in name resolution|Connection refused|ConnectTimeoutError/i;

/**
 * Does TEXT hold FIRST and, after it and before the next line terminator, THEN? What
 * /FIRST.*THEN/ tells, without running to the line's end from each FIRST (quadratic): each stretch
 * between line terminators is searched once, from its first FIRST. FIRST must be global.
 */
function followedOnLine(text: string, first: RegExp, then: RegExp): boolean {
  first.lastIndex = 0;
  for (let m = first.exec(text); m !== null; m = first.exec(text)) {
    const end = lineEnd(text, m.index + m[0].length);
    if (then.test(text.slice(m.index + m[0].length, end))) return true;
    first.lastIndex = end;
  }
  return false;
}

/** pip: "Could not fetch URL https://...: There was a problem confirming the ssl certificate: ..." */
const sslProblem = (line: string) =>
  followedOnLine(line, /Could not fetch URL /gi, /: There was a problem confirming the ssl certificate/i);

/**
 * The indexes pip searched, as it lists them before it collects anything: "Looking in indexes: URL,
 * URL" (each login masked by pip: `u:****@`), undefined when it prints no such line (it searched
 * PyPI alone). What pip used, whoever gave them: the config, a requirements file, the base image's
 * own PIP_INDEX_URL or pip.conf.
 */
export function indexesSearched(output: string): string[] | undefined {
  const m = /^Looking in indexes: (.+)$/m.exec(output);
  return m
    ? m[1]!
        .split(', ')
        .map((u) => u.trim())
        .filter(Boolean)
    : undefined;
}

/** pip could not reach the index (it then says "from versions: none", which is not the user's fault). */
export function indexUnreachable(output: string): string | undefined {
  const line = output.split(/\r?\n/).find((l) => UNREACHABLE.test(l) || sslProblem(l));
  return line?.trim();
}
