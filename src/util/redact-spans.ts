// Spans of a text to mask, spliced in: what the output rules that read a value by hand (headers,
// name and value pairs, command lines) share.
import { REDACTED } from './redact.js';

/** A span of a text: [from, to). */
export type Span = { from: number; to: number };

/**
 * TEXT with each span's text replaced by the mask, spans in order: one that overlaps the span
 * before it, is empty or blank, or is masked already, is skipped; trailing blanks are kept.
 */
export function spliced(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.from - b.from);
  let out = '';
  let done = 0;
  for (const { from, to } of spans) {
    const value = text.slice(from, to).trimEnd();
    if (from < done || value === '' || text.startsWith(REDACTED, from)) continue;
    out += `${text.slice(done, from)}${REDACTED}`;
    done = from + value.length;
  }
  return done === 0 ? text : out + text.slice(done);
}
