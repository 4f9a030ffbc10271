// What a pip index URL may be, for the config schema and for the indexes given by flags or the
// environment (src/python/indexes.ts): pip reads one over http, https or file.
import { BLANK_OR_CONTROL } from './text.js';

/** The schemes pip reads an index over, as a URL's protocol. */
export const INDEX_PROTOCOL = /^(https?|file)$/;

/**
 * What is wrong with URL as a pip index, or undefined: an http(s) or file URL with no blank or
 * control character in it. Such a character would end the URL where pip reads it (a pip.conf line,
 * PIP_EXTRA_INDEX_URL's list), and the URL parser would drop a line break silently. The problem
 * never quotes the URL (what looks like its scheme may be a login: user:password@host).
 */
export function indexUrlProblem(url: string): string | undefined {
  if (BLANK_OR_CONTROL.test(url)) return 'a blank or control character is in it';
  let protocol: string;
  try {
    protocol = new URL(url).protocol.slice(0, -1);
  } catch {
    // pip takes a directory too, but it runs in a container here, which does not have this one.
    return /^[./~]/.test(url)
      ? "a directory, not a URL: pip runs in a container here, without this machine's files (serve it over http)"
      : 'not a URL';
  }
  return INDEX_PROTOCOL.test(protocol) ? undefined : 'pip reads an index over http, https or file only';
}
