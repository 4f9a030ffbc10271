// A value that is either one of a few keywords or a directory (run --baseline, the action's
// baseline input): a bare word near a keyword (None, CACHE, cahce) that is no directory yet is
// almost always the keyword mistyped. Read as a directory it would turn the feature off, or save
// into a folder of that name, without a word; each caller refuses it in its own words.
import path from 'node:path';
import { isDirectoryAt } from './read-regular.js';
import { closestWord } from './text.js';

/**
 * The keyword VALUE is a near miss of, or undefined: VALUE is a keyword itself, a path (it holds a
 * slash), near none of KEYWORDS, or a directory that exists under CWD (taken as given).
 */
export function keywordMissedBy(value: string, keywords: readonly string[], cwd: string): string | undefined {
  if (value === '' || keywords.includes(value) || /[/\\]/.test(value)) return undefined;
  const near = closestWord(value, keywords);
  if (near === undefined || isDirectoryAt(path.resolve(cwd, value))) return undefined;
  return near;
}
