// How deeply a YAML text nests, found by the yaml package's lexer before its parser runs: the parser
// read a file of lists inside lists thousands of levels deep to its end (`a: [[[[...` of 256 KiB
// took 4 to 11 s, `- a: - a: ...` minutes) before its composer ran out of call stack some 800
// levels in. The lexer reads the text once, and the count stops at the first opening past the limit.
import { CST, Lexer } from 'yaml';

/**
 * Lists or mappings inside each other a file may nest (a config nests a few levels): past what the
 * parser reads before its own stack runs out (about 800 levels of lists, 1000 of mappings, with
 * Node's default stack), so no file it read is refused for this.
 */
export const MAX_YAML_DEPTH = 2000;

/** The lexer's tokens that mark no text of the file (they say what comes next). */
const MARKERS: ReadonlySet<string> = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The offset of the first `[`, `{`, `-`, `?` or `:` of TEXT that opens a list or mapping more than
 * MAX_YAML_DEPTH levels deep, or undefined. A level is a flow collection open there, or a block
 * indicator before it on its line (`- - x`, `- a: x`, `? - x`). A block collection on a line of
 * its own is indented past the one it is in: indentation alone nests the largest config read (256
 * KiB) some 700 levels at most.
 */
export function tooDeepAt(text: string): number | undefined {
  let offset = 0;
  let flow = 0;
  let block = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    const start = offset;
    if (!MARKERS.has(token)) offset += token.length;
    // A scalar's text ("-", "[" quoted) is no indicator, whatever it reads.
    if (scalarNext || token === CST.SCALAR) {
      scalarNext = token === CST.SCALAR;
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'newline') block = 0;
    else if (type === 'flow-error-end') flow = 0;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (type === 'flow-seq-start' || type === 'flow-map-start') flow += 1;
    else if (
      flow === 0 &&
      (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')
    )
      block += 1;
    else continue;
    if (flow + block > MAX_YAML_DEPTH) return start;
  }
  return undefined;
}
