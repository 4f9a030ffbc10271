// An error about a line of a file (a requirement no index has, the -r line that includes a missing
// file) carries that file and line, and the action annotates it there (fail), so that it shows in
// the pull request's files view: not only in a message that starts "FILE:LINE: ".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CheckFailedError,
  EnvironmentError,
  InputError,
  locationOf,
  type MlImageError,
} from '../../src/errors.js';
import { pipFailureError } from '../../src/resolve/failure.js';
import { readRequirements } from '../../src/requirements/read.js';
import { failAnnotations as annotations } from '../helpers/action-fail.js';
import { inputErrorOf } from '../helpers/errors.js';

const D = '/tmp/ml-image-resolve';

describe('locationOf', () => {
  it.each([
    ['/work/requirements.txt:2', { file: '/work/requirements.txt', line: 2 }],
    ['/work/a:b.txt:12', { file: '/work/a:b.txt', line: 12 }],
    ['line 3', undefined],
    ['/work/requirements.txt:0', undefined],
    ['/work/requirements.txt', undefined],
    [undefined, undefined],
  ])('%s', (origin, want) => {
    expect(locationOf(origin)).toEqual(want);
  });
});

describe('fail: an error about a line is annotated on that line', () => {
  it('a requirement no index has: on its file (relative to the workspace) and line, then the failure', () => {
    const err = new InputError('/work/models/requirements.txt:2: no release of "x==1.0" found', 'check it', {
      location: { file: '/work/models/requirements.txt', line: 2 },
    });
    const { seen, failed, exitCode } = annotations(err);
    expect(seen).toEqual([
      {
        message: '/work/models/requirements.txt:2: no release of "x==1.0" found\nfix: check it',
        props: { title: 'ml-image', file: 'models/requirements.txt', startLine: 2 },
      },
    ]);
    expect(failed).toBe('/work/models/requirements.txt:2: no release of "x==1.0" found\nfix: check it');
    expect(exitCode).toBe(2);
  });

  it.each<[string, MlImageError, number]>([
    ['exit 3', new EnvironmentError('m', 'f', { location: { file: '/work/r.txt', line: 4 } }), 3],
    ['exit 1', new CheckFailedError('m', 'f', { location: { file: '/work/r.txt', line: 4 } }), 1],
  ])('any error class: %s', (_what, err, code) => {
    const { seen, exitCode } = annotations(err);
    expect(seen.map((s) => s.props)).toEqual([{ title: 'ml-image', file: 'r.txt', startLine: 4 }]);
    expect(exitCode).toBe(code);
  });

  it('an error about no line: no annotation but the failure', () => {
    expect(annotations(new InputError('refused')).seen).toEqual([]);
  });
});

describe('a failed resolve carries the requirement line', () => {
  const ctx = {
    image: 'localhost:5000/base:1',
    origins: ['/work/requirements.txt:1', '/work/requirements.txt:2'],
    requirements: [
      { name: 'numpy', editable: false, origin: '/work/requirements.txt:1' },
      { name: 'not-a-real-package-xyz', editable: false, origin: '/work/requirements.txt:2' },
    ],
    indexes: { extraIndexUrls: [] },
  };

  it.each([
    [
      'no release found',
      `Collecting numpy==1.26.4\nERROR: Could not find a version that satisfies the requirement not-a-real-package-xyz==1.0 (from versions: none)\nERROR: No matching distribution found for not-a-real-package-xyz==1.0\n`,
      2,
    ],
    [
      'an invalid requirement',
      `ERROR: Invalid requirement: 'numpy=>1' (from line 1 of ${D}/requirements.txt)\n`,
      1,
    ],
  ])('%s', (_what, out, line) => {
    const err = pipFailureError(out, ctx)!;
    expect(err.message.startsWith(`/work/requirements.txt:${line}: `)).toBe(true);
    expect(err.location).toEqual({ file: '/work/requirements.txt', line });
    expect(annotations(err).seen[0]!.props).toEqual({
      title: 'ml-image',
      file: 'requirements.txt',
      startLine: line,
    });
  });

  // A dependency no index has was blamed on the user's requirements without a line: the line of the
  // project that depends on it is named, and it is said whose dependency it is.
  it("a dependency's requirement no index meets: the depending project's line, said so", () => {
    const out = `ERROR: Could not find a version that satisfies the requirement numpy>=3 (from not-a-real-package-xyz) (from versions: 1.26.4, 2.1.0)\nERROR: No matching distribution found for numpy>=3\n`;
    const err = pipFailureError(out, ctx)!;
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(
      /^\/work\/requirements\.txt:2: not-a-real-package-xyz depends on "numpy>=3", and no release of it is found on /,
    );
    expect(err.location).toEqual({ file: '/work/requirements.txt', line: 2 });
    expect(err.fix).toMatch(/^choose a release of not-a-real-package-xyz whose dependencies the index has/);
  });

  it('an index out of reach: no line', () => {
    const out = `ERROR: Could not find a version that satisfies the requirement numpy (from versions: none)\nWARNING: Retrying (Retry(total=0)) after connection broken by 'NewConnectionError(x: Failed to establish a new connection: [Errno 111] Connection refused)': /simple/numpy/\n`;
    expect(pipFailureError(out, ctx)!.location).toBeUndefined();
  });
});

describe('a requirements file that cannot be read: on the line that includes it', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-loc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
  const failed = (files: string[]) => inputErrorOf(() => readRequirements(files, dir, {}));

  it('a missing -r file', () => {
    write('a.txt', 'numpy\n-r nope.txt\n');
    expect(failed(['a.txt']).location).toEqual({ file: path.join(dir, 'a.txt'), line: 2 });
  });

  it('a -c file under /proc', () => {
    write('a.txt', 'numpy\n\n-c /proc/self/status\n');
    expect(failed(['a.txt']).location).toEqual({ file: path.join(dir, 'a.txt'), line: 3 });
  });

  it('an include loop: on the line that closes it', () => {
    write('a.txt', 'numpy\n-r b.txt\n');
    write('b.txt', 'scipy\n\n-r a.txt\n');
    expect(failed(['a.txt']).location).toEqual({ file: path.join(dir, 'b.txt'), line: 3 });
  });

  it('a top-level file that is missing: no line to name', () => {
    expect(failed(['nope.txt']).location).toBeUndefined();
  });
});
