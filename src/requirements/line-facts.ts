// What of the requirements depends on how the plan builds them, gathered line by line as read.ts
// reads them (plan-check.ts judges it against the variants): pip's hash-checking mode (a --hash on
// any requirement or constraint line, or --require-hashes), and the lines that name files of the
// repository or of this machine (a local --find-links, a requirement by a relative path), which the
// resolver's container and a template's pip step, run before the build context is copied in, lack.
import { quotedLine } from './credential-problems.js';
import type { ParsedLine } from './parse.js';

export interface LineFacts {
  /** The first line that turns pip's hash-checking mode on, and the option that does. */
  hashChecking?: { origin: string; option: '--hash' | '--require-hashes' };
  /**
   * Lines naming local files: a --find-links that is no http(s) URL (a path, a file: URL), and a
   * requirement (or -e) by a relative path (`./pkg.whl`, `-e .`). Each quoted as quotedLine does.
   */
  localFiles: { origin: string; line: string; kind: 'find-links' | 'path' }[];
}

/** A value still holding a ${NAME} (not set where it is checked): what pip fills in is not judged. */
const unfilled = (v: string) => v.includes('${');

/** Whether a --find-links value names no remote page: a path, or a file: URL (pip ignores a missing one). */
export const isLocalFindLinks = (v: string) =>
  !unfilled(v) && (/^file:/i.test(v) || !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v));

/**
 * Whether a requirement's location is a relative path (`.`, `./x.whl`, `pkg/`, `x.tar.gz`): one in
 * the repository. An absolute path or URL may name a file of the base image, and pip fails loudly
 * where it is missing.
 */
export const isRelativePath = (url: string) =>
  !unfilled(url) && !url.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url);

/** The facts of lines read: line() each one as read.ts keeps it, then result(). */
export function lineFacts() {
  const facts: LineFacts = { localFiles: [] };
  const hashing = (origin: string, option: '--hash' | '--require-hashes') => {
    facts.hashChecking ??= { origin, option };
  };
  return {
    line(l: ParsedLine, origin: string) {
      if (l.kind === 'requirement') {
        if (l.hashed) hashing(origin, '--hash');
        if (l.url !== undefined && isRelativePath(l.url))
          facts.localFiles.push({ origin, line: quotedLine(l.text), kind: 'path' });
        return;
      }
      for (const o of l.options) {
        if (o.option === 'require-hashes') hashing(origin, '--require-hashes');
        if (o.option === 'find-links' && o.value !== undefined && isLocalFindLinks(o.value))
          facts.localFiles.push({ origin, line: quotedLine(l.text), kind: 'find-links' });
      }
    },
    result: (): LineFacts => facts,
  };
}
