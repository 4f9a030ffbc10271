// The one "a keyword mistyped, not a directory" check behind run --baseline and the action's
// baseline input: which values it names a keyword for, and which it takes as a directory.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keywordMissedBy } from '../../src/util/near-keyword.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-near-keyword-'));
  mkdirSync(path.join(dir, 'Cache'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('keywordMissedBy', () => {
  const KEYWORDS = ['cache', 'none'];
  it.each<[string, string | undefined]>([
    ['None', 'none'],
    ['NONE', 'none'],
    ['nnoe', 'none'],
    ['CACHE', 'cache'],
    ['cahce', 'cache'],
    // the keywords themselves, the default, paths, far words, a directory that is there
    ['none', undefined],
    ['cache', undefined],
    ['', undefined],
    ['./None', undefined],
    ['dir/None', undefined],
    ['a\\None', undefined],
    ['baselines', undefined],
    ['Cache', undefined],
  ])('%j -> %j', (value, keyword) => {
    expect(keywordMissedBy(value, KEYWORDS, dir)).toBe(keyword);
  });

  it('asks only about the keywords given (run --baseline knows none alone)', () => {
    expect(keywordMissedBy('CACHE', ['none'], dir)).toBeUndefined();
    expect(keywordMissedBy('NONE', ['none'], dir)).toBe('none');
  });
});
