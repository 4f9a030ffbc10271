// curl's `--trace-ascii` dump of a request or a response: each line of the data is printed after
// its offset (`0048: Cookie: sid=...`), and one longer than 64 characters goes on over the lines
// below, each with its own offset, 64 characters a line (curl's tool_cb_dbg.c). The first line's
// credential is masked where a header's is (redactOutput); the lines that go on with it are the
// continuation scanner's (redact-output-lines.ts), through these.
import { credentialOrAuthorization } from './redact-output-headers.js';

/** A dump's line: its offset (4 hex digits or more), `: `, and the data printed. */
const DUMP_LINE = /^([0-9a-f]{4,16}): (.*)$/;
/** How many characters of the data curl prints on a line of an ASCII dump. */
const WIDTH = 0x40;
/** A header's name at the start of the data. */
const HEADER = /^([A-Za-z][A-Za-z0-9_-]*):/;

/**
 * LINE's offset where it is a dump's line full to its width, else -1. Its data goes on below it
 * only where the next line's offset is this one's and the width (a line that ends with the data's
 * CRLF just at the width is followed by the offset 2 further: traceGoesOn checks it).
 */
function fullAt(line: string): number {
  const m = DUMP_LINE.exec(line);
  return m !== null && m[2]!.length === WIDTH ? Number.parseInt(m[1]!, 16) : -1;
}

/**
 * The offset of the line below LINE where LINE is a dump's line that begins a credential header
 * (a cookie's, Authorization, `X-Api-Key`: credentialHeader) and is full to its width, its value going
 * on below; else -1.
 */
export function traceHead(line: string): number {
  const at = fullAt(line);
  if (at < 0) return -1;
  const name = HEADER.exec(line.slice(line.indexOf(': ') + 2))?.[1];
  return name !== undefined && credentialOrAuthorization(name) ? at + WIDTH : -1;
}

/**
 * LINE, after a credential header's dump line that went on below it (NEXT: the offset the line
 * below it has): where its data begins (to mask to its end), and the offset of the line below it
 * where it is full too (-1: the value ends on it); undefined where it is not that line.
 */
export function traceGoesOn(line: string, next: number): { mask: number; next: number } | undefined {
  const m = DUMP_LINE.exec(line);
  if (m === null || Number.parseInt(m[1]!, 16) !== next) return undefined;
  return { mask: m[1]!.length + 2, next: m[2]!.length === WIDTH ? next + WIDTH : -1 };
}
