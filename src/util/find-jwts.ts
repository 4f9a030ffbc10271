// JSON Web Tokens in free text, found in one pass (redact.ts masks them; the requirements' token
// check refuses them). Pure.
import { REDACTION_RULES } from './redact-rules.js';

const { prefix: JWT_PREFIX, minSegmentLength: JWT_MIN_SEGMENT } = REDACTION_RULES.jwt;

/** Whether the UTF-16 unit C is a base64url character ([A-Za-z0-9_-]). */
const isBase64Url = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;

/**
 * The runs of base64url characters joined by dots (a first run, then one or more ".RUN", a RUN
 * maybe empty) that start where no base64url character precedes: [start, end) of each segment.
 * One pass over TEXT, no regular expression: a lookahead over a 10 MB run could exhaust V8's
 * regexp backtrack stack ("Maximum call stack size exceeded") depending on how the pattern was
 * compiled in that process, and `eyJ[...]{8,}\.[...]{8,}\.[...]{8,}` is quadratic (a 300 KB line
 * of "eyJeyJ..." took 33 s, 10 MB would take hours).
 */
function* dottedRuns(text: string): Generator<[number, number][]> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isBase64Url(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const segs: [number, number][] = [];
    let j = i;
    for (;;) {
      const start = j;
      while (j < n && isBase64Url(text.charCodeAt(j))) j++;
      segs.push([start, j]);
      if (j < n && text.charCodeAt(j) === 46 /* . */) j++;
      else break;
    }
    if (segs.length > 1) yield segs;
    i = j;
  }
}

/**
 * Where JSON Web Tokens are in a text, [start, end) each: what
 * /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g would match, found in linear time.
 */
export function findJwts(text: string): [number, number][] {
  const found: [number, number][] = [];
  if (!text.includes(JWT_PREFIX)) return found;
  for (const segs of dottedRuns(text)) {
    for (let i = 0; i + 2 < segs.length; i++) {
      const [start, end] = segs[i]!;
      const p = text.slice(start, end).indexOf(JWT_PREFIX);
      const len = ([s, e]: [number, number]) => e - s;
      if (
        p < 0 ||
        end - start - p - JWT_PREFIX.length < JWT_MIN_SEGMENT ||
        len(segs[i + 1]!) < JWT_MIN_SEGMENT ||
        len(segs[i + 2]!) < JWT_MIN_SEGMENT
      )
        continue;
      found.push([start + p, segs[i + 2]![1]]);
      i += 2;
    }
  }
  return found;
}
