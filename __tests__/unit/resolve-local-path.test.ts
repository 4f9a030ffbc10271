// A local path of the requirements that is not there inside the base image is named with its file
// and line (docs/build.md), though pip 23 names no line for a missing file or editable: its path is
// found among the requirement lines. pip's words below are pip 23.0.1's (python:3.11 base image,
// `pip install --dry-run -r /tmp/ml-image-resolve/requirements.txt`), verbatim.
import { describe, expect, it } from 'vitest';
import { pipFailureError } from '../../src/resolve/failure.js';
import { classifyPipFailure } from '../../src/resolve/pip-output.js';
import { lineOfPath, pathPipNamed } from '../../src/resolve/local-path.js';

const D = '/tmp/ml-image-resolve';
const LOOKING = 'Looking in indexes: http://127.0.0.1:5001/simple\n';
const missing = (p: string) =>
  `${LOOKING}Processing ${p}\nERROR: Could not install packages due to an OSError: [Errno 2] No such file or directory: '${p}'\n\n`;
const EDITABLE = (p: string) =>
  `ERROR: ${p} is not a valid editable requirement. It should either be a path to a local project or a VCS URL (beginning with bzr+http, bzr+https, bzr+ssh, bzr+sftp, bzr+ftp, bzr+lp, bzr+file, git+http, git+https, git+ssh, git+git, git+file, hg+file, hg+http, hg+https, hg+ssh, hg+static-http, svn+ssh, svn+http, svn+https, svn+svn, svn+file).\n`;

const PIP23 = {
  wheel: `WARNING: Requirement '/opt/wheels/bar-2.0.0-py3-none-any.whl' looks like a filename, but the file does not exist\n${missing('/opt/wheels/bar-2.0.0-py3-none-any.whl')}`,
  wheelExtras: `WARNING: Requirement '/opt/wheels/q-2.0.0-py3-none-any.whl[extra]' looks like a filename, but the file does not exist\n${missing('/opt/wheels/q-2.0.0-py3-none-any.whl')}`,
  editable: EDITABLE('/opt/nothere'),
  editableExtras: EDITABLE('/opt/nothere[x]'),
  editableRelative: EDITABLE('./nothere'),
  fileUrl: missing('/home/x/bar-1.0.tar.gz'),
  fileUrlBare: missing('/opt/wheels/baz-1.0-py3-none-any.whl'),
  fileUrlLocalhost: missing('/opt/l-1.0-py3-none-any.whl'),
  fileUrlEscaped: missing('/opt/a b/c-1.0-py3-none-any.whl'),
  directory: "ERROR: Directory '/opt' is not installable. Neither 'setup.py' nor 'pyproject.toml' found.\n",
};

const R = '/w/r9.txt';
const lines = [
  'foo==1.0.0',
  '/opt/wheels/bar-2.0.0-py3-none-any.whl',
  '-e /opt/nothere',
  'bar @ file:///home/x/bar-1.0.tar.gz',
  'file:///opt/wheels/baz-1.0-py3-none-any.whl',
  '/opt/wheels/q-2.0.0-py3-none-any.whl[extra]',
  '-e /opt/nothere[x]',
  '-e ./nothere',
  'file://localhost/opt/l-1.0-py3-none-any.whl',
  'file:///opt/a%20b/c-1.0-py3-none-any.whl',
  '/opt/',
];
// As readRequirements gives them (the url as written; a path line has no name).
const ctx = {
  image: 'localhost:5000/ml-image-test/python:3.11-amd64',
  origins: lines.map((_, i) => `${R}:${i + 1}`),
  requirements: [
    { name: 'foo', editable: false, origin: `${R}:1` },
    { url: lines[1]!, editable: false, origin: `${R}:2` },
    { url: '/opt/nothere', editable: true, origin: `${R}:3` },
    { name: 'bar', url: 'file:///home/x/bar-1.0.tar.gz', editable: false, origin: `${R}:4` },
    { url: lines[4]!, editable: false, origin: `${R}:5` },
    { url: lines[5]!, editable: false, origin: `${R}:6` },
    { url: '/opt/nothere[x]', editable: true, origin: `${R}:7` },
    { url: './nothere', editable: true, origin: `${R}:8` },
    { url: lines[8]!, editable: false, origin: `${R}:9` },
    { url: lines[9]!, editable: false, origin: `${R}:10` },
    { url: '/opt/', editable: false, origin: `${R}:11` },
  ],
  indexes: { indexUrl: 'http://127.0.0.1:5001/simple', extraIndexUrls: [] },
};

describe('a local path missing inside the base image is named with its file and line', () => {
  it.each([
    ['wheel', 2, /No such file or directory: '\/opt\/wheels\/bar-2\.0\.0-py3-none-any\.whl'/],
    ['editable', 3, /\/opt\/nothere is not a valid editable requirement/],
    ['fileUrl', 4, /No such file or directory: '\/home\/x\/bar-1\.0\.tar\.gz'/],
    ['fileUrlBare', 5, /baz-1\.0-py3-none-any\.whl/],
    ['wheelExtras', 6, /q-2\.0\.0-py3-none-any\.whl/],
    ['editableExtras', 7, /nothere\[x\] is not a valid editable/],
    ['editableRelative', 8, /\.\/nothere is not a valid editable/],
    ['fileUrlLocalhost', 9, /l-1\.0-py3-none-any\.whl/],
    ['fileUrlEscaped', 10, /'\/opt\/a b\/c-1\.0-py3-none-any\.whl'/],
    ['directory', 11, /Directory '\/opt' is not installable/],
  ] as const)('%s: exit 2 at line %i', (key, line, pipSaid) => {
    const err = pipFailureError(PIP23[key], ctx)!;
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(
      new RegExp(
        `^${R.replaceAll('/', '\\/')}:${line}: a local path in the requirements is not there inside`,
      ),
    );
    expect(err.message).toMatch(pipSaid);
    expect(err.location).toEqual({ file: R, line });
  });

  it('the line pip names on its error wins over a path match', () => {
    const out = `${LOOKING}Obtaining file:///opt/nothere (from -r ${D}/requirements.txt (line 8))\nERROR: file:///opt/nothere (from -r ${D}/requirements.txt (line 8)) does not appear to be a Python project: neither 'setup.py' nor 'pyproject.toml' found.\n`;
    expect(pipFailureError(out, ctx)!.message).toMatch(
      new RegExp(`^${R.replaceAll('/', '\\/')}:8: a local path`),
    );
  });

  it("a path no line names: the line pip was processing, else none (pip's words all the same)", () => {
    const processing = `Processing /x/y.whl (from -r ${D}/requirements.txt (line 5))\nERROR: Could not install packages due to an OSError: [Errno 2] No such file or directory: '/x/y.whl'\n`;
    expect(pipFailureError(processing, ctx)!.message).toMatch(new RegExp(`^${R.replaceAll('/', '\\/')}:5: `));
    const none = pipFailureError(missing('/elsewhere/z.whl'), ctx)!;
    expect(none.exitCode).toBe(2);
    expect(none.message).toMatch(/^a local path in the requirements is not there inside/);
    expect(none.location).toBeUndefined();
  });

  it('classifyPipFailure: the path pip names, no line of its own', () => {
    expect(classifyPipFailure(PIP23.wheel)).toMatchObject({
      kind: 'local-path',
      line: 0,
      processing: 0,
      path: '/opt/wheels/bar-2.0.0-py3-none-any.whl',
    });
  });

  it('pathPipNamed and lineOfPath: only paths and file:// URLs, compared as paths', () => {
    expect(pathPipNamed(PIP23.editableExtras)).toBe('/opt/nothere[x]');
    expect(pathPipNamed('ERROR: Error [Errno 2] No such file or directory: "it\'s"\n')).toBe("it's");
    expect(pathPipNamed("WARNING: x No such file or directory: '/a'\n")).toBeUndefined();
    const reqs = [
      { url: 'https://h/opt/x.whl', editable: false, origin: 'a:1' },
      { url: 'git+file:///opt/x.whl', editable: false, origin: 'a:2' },
      { url: '/opt/./x.whl', editable: false, origin: 'a:3' },
    ];
    expect(lineOfPath(reqs, '/opt/x.whl')?.origin).toBe('a:3');
    expect(lineOfPath(reqs, 'https://h/opt/x.whl')).toBeUndefined();
    expect(lineOfPath(reqs, undefined)).toBeUndefined();
  });
});
