// A secret's value that a shell quotes over several lines (dash's `set` and `export -p`, bash's
// `declare -x`: `SSH_KEY='-----BEGIN ...` then the key's lines up to the closing quote): where a
// line leaves such a quote open, and where the quote closes (the continuation scanner's,
// redact-output-lines.ts).
import { secretName } from './redact-output-pairs.js';

/**
 * A quote a shell's value opens: `'` (dash's `set` and `export -p`: `K='a` then `b'`), `"` (bash
 * before 5.2: `declare -x K="a` then `b"`, with `\"` inside), or `$'` (bash's ANSI-C quoting, with
 * `\'` inside).
 */
export type Quote = "'" | '"' | "$'";
/** A secret NAME's assignment whose value begins with a quote (NAME='..., NAME="..., NAME=$'...). */
const QUOTED_ASSIGNMENT = /(?:^|[ \t])([A-Z_][A-Z0-9_]*)=(?=\$?["'])/g;
/**
 * Where QUOTE, opened before FROM, closes in LINE (the index of its closing quote), or -1: `'`
 * at the next `'`, `"` and `$'` at the next one not escaped with a backslash.
 */
export function closingQuote(line: string, from: number, quote: Quote): number {
  const q = quote === '"' ? '"' : "'";
  for (let i = from; i < line.length; i++) {
    if (line[i] === q) return i;
    if (line[i] === '\\' && quote !== "'") i++;
  }
  return -1;
}

/**
 * The quote a secret NAME's shell-quoted value leaves open at the end of LINE (dash's `set`:
 * `SSH_KEY='-----BEGIN ...`), read over the value's own shell word only (its quoted runs and the
 * unquoted characters glued to them, up to the first unquoted blank: a quote after a blank is
 * other text's, `K='x' # don't`); undefined when there is none, or all close in the word. Each
 * assignment's word is read once, and the search goes on after it: linear.
 */
export function openQuote(line: string): Quote | undefined {
  if (!line.includes('=')) return undefined;
  QUOTED_ASSIGNMENT.lastIndex = 0;
  for (let m; (m = QUOTED_ASSIGNMENT.exec(line));) {
    const { end, quote } = shellWord(line, QUOTED_ASSIGNMENT.lastIndex);
    // A quote left open takes the rest of the line: an innocent name's value, or the secret's.
    if (quote) return secretName(m[1]!) ? quote : undefined;
    QUOTED_ASSIGNMENT.lastIndex = end;
  }
  return undefined;
}

/** The shell word of LINE from FROM: where it ends, or the quote it leaves open at the line's end. */
function shellWord(line: string, from: number): { end: number; quote?: Quote } {
  let i = from;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') break;
    if (c === '\\') {
      i += 2;
      continue;
    }
    const quote: Quote | undefined =
      c === '$' && line[i + 1] === "'" ? "$'" : c === "'" || c === '"' ? c : undefined;
    if (!quote) {
      i++;
      continue;
    }
    const close = closingQuote(line, i + quote.length, quote);
    if (close < 0) return { end: line.length, quote };
    i = close + 1;
  }
  return { end: Math.min(i, line.length) };
}
