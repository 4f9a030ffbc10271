// ignoreLine (build/context-ignore.ts) writes the ignore-file line that keeps one path of the build
// context out of the image (the config, the records, the files read as secrets). Checked against a
// model of how BuildKit reads the line (moby/patternmatcher's ignorefile.ReadAll, New and
// Pattern.compile, for Linux): for any file name, the line is one line, no exclusion ("!"), and
// matches that path. Deterministic (a fixed seed); nothing is built.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ignoreLine } from '../../src/build/context-ignore.js';

/** Go's strings.TrimSpace (unicode.IsSpace at either end). */
const goTrim = (s: string) =>
  s
    .replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u, '')
    .replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u, '');
/** Go's filepath.Clean on Linux (no "." or ".." in what is checked here, so: slashes collapsed). */
const goClean = (p: string) => {
  const n = path.posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
};

/** The pattern BuildKit makes of LINE, or undefined where it drops the line (blank, a comment). */
function readLine(line: string): { pattern: string; exclusion: boolean } | undefined {
  // ReadAll: bufio's ScanLines (one line: a "\n" would end it, a last "\r" goes), TrimSpace, "#".
  let p = goTrim(line.replace(/\r$/, ''));
  if (p === '' || p.startsWith('#')) return undefined;
  const invert = p.startsWith('!');
  if (invert) p = goTrim(p.slice(1));
  p = goClean(p);
  if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
  // New: TrimSpace, Clean, then a leading "!" is an exclusion.
  p = goClean(goTrim(invert ? `!${p}` : p));
  return p.startsWith('!') ? { pattern: p.slice(1), exclusion: true } : { pattern: p, exclusion: false };
}

/** Pattern.compile's regexp, in JavaScript's syntax; undefined for an exact match. */
function compiled(pattern: string): RegExp | undefined {
  let re = '^';
  let regexp = false;
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      // Never written by ignoreLine unescaped: a model of "*" only.
      re += '[^/]*';
      regexp = true;
    } else if (ch === '?') {
      re += '[^/]';
      regexp = true;
    } else if ('.+()|{}$'.includes(ch)) re += `\\${ch}`;
    else if (ch === '\\') {
      const next = chars[++i];
      if (next === undefined) re += '\\\\';
      else {
        // Go's regexp takes `\` before any punctuation; JavaScript's (u) only before its syntax.
        re += /[\^$\\.*+?()[\]{}|/-]/.test(next) ? `\\${next}` : next;
        regexp = true;
      }
    } else if (ch === '[' || ch === ']') {
      re += ch;
      regexp = true;
    } else re += ch; // "^" among them: a regexp's anchor, as in Go's.
  }
  return regexp ? new RegExp(`${re}$`, 'u') : undefined;
}

/** Whether BuildKit keeps REL out of the context by LINE alone. */
function keptOutBy(line: string, rel: string): boolean {
  const read = readLine(line);
  if (read === undefined || read.exclusion) return false;
  const re = compiled(read.pattern);
  return re === undefined ? rel === read.pattern : re.test(rel);
}

/** A file name: any characters but "/" and NUL, not "." or "..". */
const fileName = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
    fc.stringMatching(/^[ !#^$*?[\]\\.a-z\n\r\t\u0085\u3000-]{1,6}$/),
  )
  .map((s) => s.replace(/[/\0]/g, '_'))
  .filter((s) => s !== '.' && s !== '..' && s !== '');

describe('ignoreLine, read as BuildKit reads an ignore file', () => {
  it('the model reads the known lines as BuildKit does', () => {
    expect(keptOutBy('/out', 'out')).toBe(true);
    expect(keptOutBy('!out', 'out')).toBe(false);
    expect(keptOutBy('# out', 'out')).toBe(false);
    expect(keptOutBy('/a\\*b', 'a*b')).toBe(true);
    expect(keptOutBy('/a\\*b', 'axb')).toBe(false);
    // A "^" in a pattern that is a regexp is its anchor: the path is not matched.
    expect(keptOutBy('/a^b\\*', 'a^b*')).toBe(false);
    expect(keptOutBy('/a^b', 'a^b')).toBe(true);
  });

  it.each([
    ['a^b*', '/a\\^b\\*'],
    ['^lead ', '/\\^lead[ ]'],
    ['x^y', '/x\\^y'],
  ])('%j (a "^" in a pattern BuildKit compiles to a regexp) -> %j', (rel, line) => {
    expect(ignoreLine(rel)).toBe(line);
    expect(keptOutBy(line, rel)).toBe(true);
  });

  it('any path: one line, no exclusion, and it keeps that path out', () => {
    fc.assert(
      fc.property(fc.array(fileName, { minLength: 1, maxLength: 3 }), (parts) => {
        const rel = parts.join('/');
        const line = ignoreLine(rel);
        expect(line).not.toMatch(/[\n\r]/);
        expect(readLine(line)?.exclusion).toBe(false);
        expect(keptOutBy(line, rel)).toBe(true);
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });
});
