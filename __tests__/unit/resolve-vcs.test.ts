// A requirement pip fetches with a version control command (`pkg @ git+https://...`): a base image
// without git, and a git command that fails (a clone refused its credentials, a revision the
// repository lacks), as pip reports them (recorded outputs), are named for what they are, with the
// requirement line, never as a package's build that failed nor as "pip failed".
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/errors.js';
import { pipFailureError } from '../../src/resolve/failure.js';
import { classifyPipFailure } from '../../src/resolve/pip-output.js';

const D = '/tmp/ml-image-resolve';

const PIP = {
  // pip 23.0.1 in a base image without git (the reviewer's run).
  noGit: `Looking in indexes: http://127.0.0.1:5098/simple
Collecting mypkg@ git+https://github.com/example/mypkg.git@v1.0
  Cloning https://github.com/example/mypkg.git (to revision v1.0) to /tmp/pip-install-q7smy382/mypkg_5450078ccccb45548bbb6f050555b011
  ERROR: Error [Errno 2] No such file or directory: 'git' while executing command git version
ERROR: Cannot find command 'git' - do you have 'git' installed and in your PATH?
`,
  // Only pip's BadCommand line, for a Mercurial URL.
  noHg: `Collecting hgpkg@ hg+https://hg.example.org/hgpkg (from -r ${D}/requirements.txt (line 2))
ERROR: Cannot find command 'hg' - do you have 'hg' installed and in your PATH?
`,
  // pip 23: a private repository, no credentials in the URL (the reviewer's run).
  cloneRefused: `Looking in indexes: http://127.0.0.1:5098/simple
Collecting mypkg@ git+https://github.com/example/private.git@v1.0
  Cloning https://github.com/example/private.git (to revision v1.0) to /tmp/pip-install-abc/mypkg_123
  Running command git clone --filter=blob:none --quiet https://github.com/example/private.git /tmp/pip-install-abc/mypkg_123
  fatal: could not read Username for 'https://github.com': No such device or address
  error: subprocess-exited-with-error

  × git clone --filter=blob:none --quiet https://github.com/example/private.git /tmp/pip-install-abc/mypkg_123 did not run successfully.
  │ exit code: 128
  ╰─> See above for output.

  note: This error originates from a subprocess, and is likely not a problem with pip.
error: subprocess-exited-with-error

× git clone --filter=blob:none --quiet https://github.com/example/private.git /tmp/pip-install-abc/mypkg_123 did not run successfully.
│ exit code: 128
╰─> See above for output.

note: This error originates from a subprocess, and is likely not a problem with pip.
`,
  // pip < 22, a bare URL line (#egg=), a token pip did not mask (its value unknown to the masker).
  cloneOldPip: `Collecting git+https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/example/private.git#egg=mypkg
  Cloning https://****@github.com/example/private.git to /tmp/pip-req-build-x
  Running command git clone -q 'https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/example/private.git' /tmp/pip-req-build-x
  remote: Invalid username or password.
  fatal: Authentication failed for 'https://github.com/example/private.git/'
ERROR: Command errored out with exit status 128: git clone -q https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/example/private.git /tmp/pip-req-build-x Check the logs for full command output.
`,
  // pip 23: a revision the repository lacks.
  checkout: `Collecting mypkg@ git+https://github.com/example/mypkg.git@v9.9
  Cloning https://github.com/example/mypkg.git (to revision v9.9) to /tmp/pip-install-x/mypkg_1
  Running command git clone --filter=blob:none --quiet https://github.com/example/mypkg.git /tmp/pip-install-x/mypkg_1
  WARNING: Did not find branch or tag 'v9.9', assuming revision or ref.
  Running command git checkout -q v9.9
  error: pathspec 'v9.9' did not match any file(s) known to git
  error: subprocess-exited-with-error

  × git checkout -q v9.9 did not run successfully.
  │ exit code: 1
  ╰─> See above for output.

  note: This error originates from a subprocess, and is likely not a problem with pip.
error: subprocess-exited-with-error
`,
  // A git URL that cloned, whose sdist's own build step failed: still the package's build.
  clonedThenBuild: `Collecting mypkg@ git+https://github.com/example/mypkg.git@v1.0
  Cloning https://github.com/example/mypkg.git (to revision v1.0) to /tmp/pip-install-x/mypkg_1
  Running command git clone --filter=blob:none --quiet https://github.com/example/mypkg.git /tmp/pip-install-x/mypkg_1
  Resolved https://github.com/example/mypkg.git to commit 0123456789abcdef0123456789abcdef01234567
  Preparing metadata (setup.py): started
  Preparing metadata (setup.py): finished with status 'error'
  error: subprocess-exited-with-error

  × python setup.py egg_info did not run successfully.
  │ exit code: 1
  ╰─> [1 lines of output]
      FileNotFoundError: [Errno 2] No such file or directory: '/usr/local/cuda/bin/nvcc'
      [end of output]
error: metadata-generation-failed
`,
};

const ctx = {
  image: 'localhost:5000/base:1',
  origins: ['/w/requirements.txt:1', '/w/requirements.txt:2'],
  requirements: [
    { name: 'numpy', editable: false, origin: '/w/requirements.txt:1' },
    {
      name: 'mypkg',
      url: 'git+https://${GH_TOKEN}@github.com/example/private.git@v1.0',
      editable: false,
      origin: '/w/requirements.txt:2',
    },
    { name: 'hgpkg', url: 'hg+https://hg.example.org/hgpkg', editable: false, origin: '/w/hg.txt:5' },
  ],
  indexes: { extraIndexUrls: [] },
};

describe('VCS requirements that pip could not fetch', () => {
  it.each([
    [
      'noGit',
      'vcs-missing',
      2,
      /^\/w\/requirements\.txt:2: pip needs git to install a git\+ URL requirement, and the base image localhost:5000\/base:1 has no git\n/,
      /^install git in the base image .*or ask for the project as a wheel/,
    ],
    [
      'noHg',
      'vcs-missing',
      2,
      /^\/w\/hg\.txt:5: pip needs hg to install a hg\+ URL requirement, and the base image localhost:5000\/base:1 has no hg/,
      /^install hg in the base image/,
    ],
    [
      'cloneRefused',
      'vcs-failed',
      3,
      /^\/w\/requirements\.txt:2: git clone of https:\/\/github\.com\/example\/private\.git failed inside localhost:5000\/base:1: fatal: could not read Username for 'https:\/\/github\.com': No such device or address\n/,
      /^check the URL, and that localhost:5000\/base:1 can reach its host; a private repository needs its token in the URL, as a \$\{NAME\} reference/,
    ],
    [
      'cloneOldPip',
      'vcs-failed',
      3,
      /^\/w\/requirements\.txt:2: git clone of https:\/\/\*\*\*@github\.com\/example\/private\.git failed inside localhost:5000\/base:1: remote: Invalid username or password\.; fatal: Authentication failed/,
      /^check the URL, and that/,
    ],
    [
      'checkout',
      'vcs-failed',
      2,
      /^\/w\/requirements\.txt:2: git checkout failed inside localhost:5000\/base:1: error: pathspec 'v9\.9' did not match any file\(s\) known to git\n/,
      /^check the revision after the URL's @ on that line: a branch, tag or commit/,
    ],
  ] as const)('%s: %s, exit %i, the line named', (key, kind, exitCode, message, fix) => {
    expect(classifyPipFailure(PIP[key]).kind).toBe(kind);
    const err = pipFailureError(PIP[key], ctx)!;
    expect(exitCodeOf(err)).toBe(exitCode);
    expect(err.message).toMatch(message);
    expect(err.fix).toMatch(fix);
    // Neither a package's build nor an unknown failure; no login shown.
    expect(err.message).not.toMatch(/could not build|not a dependency conflict/);
    expect(`${err.message}\n${err.fix}`).not.toContain('ghp_abcdefghij');
  });

  it("a git URL that cloned and whose own build step failed is still the package's build", () => {
    expect(classifyPipFailure(PIP.clonedThenBuild)).toMatchObject({ kind: 'build-failed' });
  });

  it.each([
    [
      'by the project pip was collecting',
      [
        { name: 'numpy', editable: false, origin: '/w/requirements.txt:1' },
        {
          name: 'mypkg',
          url: 'git+https://git.example.org/mirror.git',
          editable: false,
          origin: '/w/r.txt:3',
        },
        { url: 'git+https://github.com/example/private.git', editable: false, origin: '/w/r.txt:4' },
      ],
      '/w/r.txt:3',
    ],
    [
      'by the clone URL (a bare URL line, its login and revision aside)',
      [
        { name: 'numpy', editable: false, origin: '/w/requirements.txt:1' },
        {
          url: 'git+https://${TOKEN}@github.com/example/private.git@v1.0#egg=mypkg',
          editable: false,
          origin: '/w/r.txt:9',
        },
        { url: 'git+https://github.com/example/other.git', editable: false, origin: '/w/r.txt:10' },
      ],
      '/w/r.txt:9',
    ],
    [
      'none matches: no line named',
      [
        { url: 'git+https://github.com/example/other.git', editable: false, origin: '/w/r.txt:10' },
        {
          url: 'git+https://github.com/example/third.git',
          editable: false,
          origin: '/w/r.txt:11',
        },
      ],
      undefined,
    ],
  ])('the clone is blamed on its line %s', (_what, requirements, origin) => {
    const out =
      origin === '/w/r.txt:3'
        ? PIP.cloneRefused
        : PIP.cloneRefused.replace('Collecting mypkg@ ', 'Collecting ');
    const err = pipFailureError(out, { ...ctx, requirements })!;
    expect(exitCodeOf(err)).toBe(3);
    if (origin === undefined) expect(err.message).toMatch(/^git clone of /);
    else expect(err.message.startsWith(`${origin}: `)).toBe(true);
  });
});
