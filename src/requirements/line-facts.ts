// What of the requirements depends on how the plan builds them, gathered line by line as read.ts
// reads them (plan-check.ts judges it against the variants): pip's hash-checking mode (a --hash on
// any requirement or constraint line, or --require-hashes), and the lines that name files of the
// repository (a relative --find-links, a requirement by a relative path), which the resolver's
// container and a template's pip step, run before the build context is copied in, lack. An absolute
// path or file: URL may name the base image's own files, where both pips run: left to pip.
import { quotedLine } from './credential-problems.js';
import { type ParsedLine, URL_LIKE } from './parse.js';

export interface LineFacts {
  /** The first line that turns pip's hash-checking mode on, and the option that does. */
  hashChecking?: { origin: string; option: '--hash' | '--require-hashes' };
  /**
   * Lines naming files of the repository: a relative --find-links (`./wheels`, `file:wheels`), and
   * a requirement (or -e) by a relative path (`./pkg.whl`, `-e .`). Each quoted as quotedLine does.
   */
  localFiles: { origin: string; line: string; kind: 'find-links' | 'path' }[];
}

/** A value still holding a ${NAME} (not set where it is checked): what pip fills in is not judged. */
const unfilled = (v: string) => v.includes('${');

/**
 * Whether a --find-links value is a relative path (`./wheels`, `wheels`) or a relative file: URL
 * (`file:wheels`, which pip reads from its working directory): one in the repository (pip ignores a
 * missing one). An absolute path or file: URL (`/opt/wheels`, `file:///opt/wheels`) may name a
 * directory of the base image, where the resolver's pip and the template's run: left to pip.
 */
const isRelativeFindLinks = (v: string) =>
  !unfilled(v) &&
  (/^file:/i.test(v) ? !/^file:\//i.test(v) : !v.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v));

/**
 * Whether a requirement's location is a relative path (`.`, `./x.whl`, `pkg/`, `x.tar.gz`): one in
 * the repository. An absolute path or URL may name a file of the base image, and pip fails loudly
 * where it is missing. A URL is one of a scheme pip knows (URL_LIKE, as its is_url): pip reads
 * `C:/wheels/x.whl` (a Windows path) or `root:x:0:0:/root` as a relative path, not a URL.
 */
const isRelativePath = (url: string) => !unfilled(url) && !url.startsWith('/') && !URL_LIKE.test(url);

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
        if (o.option === 'find-links' && o.value !== undefined && isRelativeFindLinks(o.value))
          facts.localFiles.push({ origin, line: quotedLine(l.text), kind: 'find-links' });
      }
    },
    result: (): LineFacts => facts,
  };
}
