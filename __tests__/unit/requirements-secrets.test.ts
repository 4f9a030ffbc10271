// A requirements file names ${NAME} variables that pip fills in from its environment. The file is
// checked here with them filled in (as pip will read it), so no error, origin, URL or index shown
// may carry a filled-in value: a pull request's `foo==${AWS_SECRET_ACCESS_KEY}` would otherwise
// print the key in "is not a valid PEP 440 version". Each case plants a value and looks for it in
// everything the user sees (the message, the fix, --json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonError } from '../../src/cli/main.js';
import { ConfigError } from '../../src/errors.js';
import { parseRequirementsText } from '../../src/requirements/parse.js';
import { readRequirements } from '../../src/requirements/read.js';
import { pipFailureError } from '../../src/resolve/failure.js';
import { failureContext, pipOutputMask, type ResolveInput } from '../../src/resolve/input.js';
import { referencedEnv } from '../../src/resolve/stage.js';
import { inputErrorOf } from '../helpers/errors.js';

const SECRET = 'hunter2-s3cr3t-VALUE';
const ENV = {
  SECRET_X: SECRET,
  AWS_SECRET_ACCESS_KEY: SECRET,
  ACTIONS_RUNTIME_TOKEN: SECRET,
  INPUT_TOKEN: SECRET,
};

/** Everything an error shows: its message, its fix, its problems and the --json form. */
const shown = (e: unknown) =>
  [
    (e as Error).message,
    (e as { fix?: string }).fix ?? '',
    ...((e as ConfigError).problems ?? []),
    JSON.stringify(jsonError(e)),
  ].join('\n');

describe('no message quotes a line with a ${NAME} value filled in', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };

  it.each([
    // [line, what the problem says instead]
    ['foo==${SECRET_X}', /"foo==\$\{SECRET_X\}": not valid once \$\{SECRET_X\} is filled in/],
    ['foo==${AWS_SECRET_ACCESS_KEY}', /not valid once \$\{AWS_SECRET_ACCESS_KEY\} is filled in/],
    ['foo ${SECRET_X}', /"foo \$\{SECRET_X\}": not valid once/],
    ['numpy --hash=sha256:${SECRET_X}', /"numpy --hash=sha256:\$\{SECRET_X\}": not valid once/],
    ['foo>=1 ; ${SECRET_X}', /"foo>=1 ; \$\{SECRET_X\}": not valid once/],
    ['--index-url https://u:${SECRET_X}@h/simple --bogus', /invalid option line .*not valid once/],
    [
      'foo==${SECRET_X} ${AWS_SECRET_ACCESS_KEY}',
      /once \$\{SECRET_X\}, \$\{AWS_SECRET_ACCESS_KEY\} are filled in/,
    ],
    // Includes are read here: their path would be quoted (not found) with the value in.
    ['-r ${SECRET_X}.txt', /"-r \$\{SECRET_X\}\.txt": a -r\/-c path holding a \$\{NAME\} that is set/],
    ['-c sub/${SECRET_X}', /"-c sub\/\$\{SECRET_X\}": a -r\/-c path holding/],
    // The runner's own variables are refused before anything is filled in: one problem, no value.
    ['foo==${ACTIONS_RUNTIME_TOKEN}', /\$\{ACTIONS_RUNTIME_TOKEN\} is one of the runner's own variables/],
    ['-r ${INPUT_TOKEN}', /\$\{INPUT_TOKEN\} is one of the runner's own variables/],
  ])('%s: refused, the value never shown', (line, says) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(() => readRequirements(['requirements.txt'], dir, ENV));
    expect(e.exitCode).toBe(2);
    expect((e as ConfigError).problems).toEqual([expect.stringMatching(says)]);
    expect((e as ConfigError).problems[0]).toMatch(/requirements\.txt:2: /);
    expect(shown(e)).not.toContain(SECRET);
  });

  it('a variable outside `expandable` (build.secrets) is not filled in: the line is checked as written', () => {
    write('requirements.txt', 'foo==${SECRET_X}\n');
    const e = inputErrorOf(() => readRequirements(['requirements.txt'], dir, ENV, { expandable: [] }));
    expect((e as ConfigError).problems).toEqual([
      expect.stringMatching(/"foo==\$\{SECRET_X\}": "\$\{SECRET_X\}" is not a valid PEP 440 version/),
    ]);
    expect(shown(e)).not.toContain(SECRET);
    // Listed, it is filled in (and here fails as filled in, without the value).
    const listed = inputErrorOf(() =>
      readRequirements(['requirements.txt'], dir, ENV, { expandable: ['SECRET_X'] }),
    );
    expect((listed as ConfigError).problems).toEqual([
      expect.stringMatching(/not valid once \$\{SECRET_X\}/),
    ]);
    expect(shown(listed)).not.toContain(SECRET);
  });

  it('a line valid once filled in is accepted; its URL and index are kept as written', () => {
    write(
      'requirements.txt',
      [
        'foo==${VERSION}',
        'pkg @ https://storage.example.com/w/pkg-1.0-py3-none-any.whl?sv=2024&sig=${AZ_SAS}',
        '--extra-index-url https://pkgs.example.com/${AZ_SAS}/simple',
        '--index-url https://u:${AZ_SAS}@pkgs.example.com/simple',
      ].join('\n'),
    );
    const r = readRequirements(['requirements.txt'], dir, { VERSION: '1.2.3', AZ_SAS: SECRET });
    expect(r.requirements.map((q) => q.url)).toEqual([
      undefined,
      'https://storage.example.com/w/pkg-1.0-py3-none-any.whl?sv=2024&sig=${AZ_SAS}',
    ]);
    expect(r.indexes).toEqual({
      indexUrl: 'https://u:${AZ_SAS}@pkgs.example.com/simple',
      extraIndexUrls: ['https://pkgs.example.com/${AZ_SAS}/simple'],
    });
    expect(JSON.stringify(r)).not.toContain(SECRET);
    expect(r.envReferences.sort()).toEqual(['AZ_SAS', 'VERSION']);
  });

  it('a remote -c/-r URL with a ${NAME} is kept as written (pip fetches it; nothing is read here)', () => {
    write('requirements.txt', 'numpy\n-c https://h.example/c.txt?sig=${SECRET_X}\n');
    const r = readRequirements(['requirements.txt'], dir, ENV, { expandable: ['SECRET_X'] });
    expect(r.text).toBe('numpy\n-c https://h.example/c.txt?sig=${SECRET_X}');
    expect(JSON.stringify(r)).not.toContain(SECRET);
    expect(r.envReferences).toEqual(['SECRET_X']);
  });

  it.each(['-r file:///etc/more.txt', '-c file:///tmp/c.txt', '-c FILE:c.txt'])(
    '%s: a file: URL include is refused (exit 2): pip would open it where the file is not',
    (line) => {
      write('requirements.txt', `numpy\n${line}\n`);
      const e = inputErrorOf(() => readRequirements(['requirements.txt'], dir, ENV));
      expect(e.exitCode).toBe(2);
      expect((e as ConfigError).problems).toEqual([
        expect.stringMatching(/requirements\.txt:2: .*a -r\/-c file: URL is not supported/),
      ]);
    },
  );

  it("a requirement's name is never a filled-in value: ${PKG}==1.0 has no name here", () => {
    write('requirements.txt', '${SECRET_X}==1.0\nnumpy\n');
    const r = readRequirements(['requirements.txt'], dir, ENV, { expandable: ['SECRET_X'] });
    expect(r.requirements.map((q) => q.name)).toEqual([undefined, 'numpy']);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('parseRequirementsText: the parsed fields hold the values, `written` the line as written', () => {
    const r = parseRequirementsText('pkg @ https://h/p.whl?sig=${S}\nnumpy\n', { S: SECRET });
    expect(r.errors).toEqual([]);
    expect(r.lines[0]).toMatchObject({ url: `https://h/p.whl?sig=${SECRET}`, expanded: true });
    expect(r.lines[0]!.written).toMatchObject({ url: 'https://h/p.whl?sig=${S}' });
    expect(r.lines[1]!.expanded).toBeUndefined();
  });
});

describe("a direct URL's ${NAME} value in pip's failure", () => {
  it('an unreachable direct URL is quoted as written (sig=${AZ_SAS}), never with the value', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-secret-'));
    try {
      const url = 'https://storage.example.com/wheels/pkg-1.0-py3-none-any.whl?sv=2024&sig=';
      writeFileSync(path.join(dir, 'requirements.txt'), `pkg @ ${url}\${AZ_SAS}\n`);
      const env = { AZ_SAS: 'Zm9vYmFyYmF6c2VjcmV0c2lnbmF0dXJl' };
      const requirements = readRequirements(['requirements.txt'], dir, env);
      const input: ResolveInput = {
        image: 'python:3.12-slim',
        platform: 'linux/amd64',
        requirements,
        indexes: { extraIndexUrls: [] },
        pipEnv: referencedEnv(requirements.envReferences, env),
        mode: 'auto',
      };
      const raw = `ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='storage.example.com', port=443): Max retries exceeded with url: /wheels/pkg-1.0-py3-none-any.whl?sv=2024&sig=${env.AZ_SAS} (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object>: Failed to establish a new connection: [Errno -2] Name or service not known'))`;
      const e = pipFailureError(pipOutputMask(input)(raw), failureContext(input))!;
      // Still blamed on the line, with its URL as written.
      expect(e.message).toContain(
        `${path.join(dir, 'requirements.txt')}:1: the direct URL ${url}\${AZ_SAS} is unreachable`,
      );
      expect(shown(e)).not.toContain(env.AZ_SAS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an index URL's token in pip's output that names the path alone (finding)", () => {
  // urllib3's retry warning names the path without the host: no URL rule sees the token there.
  it.each([
    ['Cloudsmith', 'https://dl.cloudsmith.io/Xk2PqL9vWm4ZtR7a/acme/ml/python/simple/', 'Xk2PqL9vWm4ZtR7a'],
    ['Anaconda', 'https://conda.anaconda.org/t/tk-Abc123Def456/acme/simple/', 'tk-Abc123Def456'],
  ])('%s: the token is masked in the quoted warning', (_n, indexUrl, token) => {
    const input: ResolveInput = {
      image: 'python:3.12-slim',
      platform: 'linux/amd64',
      requirements: { text: 'numpy', origins: ['requirements.txt:1'] },
      indexes: { indexUrl, extraIndexUrls: [] },
      mode: 'auto',
    };
    const path_ = new URL(indexUrl).pathname;
    const raw = [
      `Looking in indexes: ${indexUrl}`,
      `WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': ${path_}numpy/`,
      'ERROR: Could not find a version that satisfies the requirement numpy (from versions: none)',
      'ERROR: No matching distribution found for numpy',
    ].join('\n');
    const masked = pipOutputMask(input)(raw);
    expect(masked).not.toContain(token);
    const e = pipFailureError(masked, failureContext(input));
    expect(e === undefined ? '' : shown(e)).not.toContain(token);
  });
});

// pip keeps an editable VCS install's checkout (<cwd>/src/<name>) and its .git/config keeps the URL
// as pip filled it in: a token in it would be in the image. A non-editable install keeps neither.
describe('an editable install whose URL carries a credential is refused at the door', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-editable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const env = { GIT_TOKEN: SECRET, REF: 'v1', SAS: SECRET };
  const expandable = ['GIT_TOKEN', 'REF', 'SAS'];
  const read = (line: string) => {
    writeFileSync(path.join(dir, 'requirements.txt'), `numpy\n${line}\n`);
    return readRequirements(['requirements.txt'], dir, env, { expandable });
  };

  it.each([
    ['-e git+https://${GIT_TOKEN}@github.com/org/pkg.git#egg=pkg', /holds \$\{GIT_TOKEN\}:/],
    ['--editable git+https://x:${GIT_TOKEN}@github.com/org/pkg.git#egg=pkg', /holds \$\{GIT_TOKEN\}:/],
    ['--editable=git+https://${GIT_TOKEN}@github.com/org/pkg.git#egg=pkg', /holds \$\{GIT_TOKEN\}:/],
    ['-e git+https://ci:literal-pass-123@git.corp/org/pkg.git#egg=pkg', /holds a login:/],
    ['-e git+https://literal-tok-123@git.corp/org/pkg.git#egg=pkg', /holds a login:/],
    ['-e git+https://git.corp/${GIT_TOKEN}/pkg.git@${REF}#egg=pkg', /holds \$\{GIT_TOKEN\}, \$\{REF\}:/],
    // Over SSH a password is a credential too (a bare user name is not: below).
    ['-e git+ssh://ci:literal-pass-123@git.corp/org/pkg.git#egg=pkg', /holds a login:/],
  ])('%s: exit 2 naming file:line, with the fix', (line, says) => {
    const e = inputErrorOf(() => read(line));
    expect(e.exitCode).toBe(2);
    const problems = (e as ConfigError).problems;
    // A password written literally is also a credential to revoke: its own problem, first.
    const literal = line.includes('literal-pass');
    expect(problems).toHaveLength(literal ? 2 : 1);
    if (literal) expect(problems[0]).toMatch(/a credential written in the line, .*revoke it/);
    const editable = problems.at(-1)!;
    expect(editable).toMatch(says);
    expect(editable).toContain(`${path.join(dir, 'requirements.txt')}:2: `);
    expect(editable).toContain('.git/config');
    expect(editable).toContain('drop -e and keep the URL with its ${NAME} as a plain requirement');
    expect(shown(e)).not.toContain(SECRET);
    expect(shown(e)).not.toMatch(/literal-(pass|tok)-123/);
  });

  it.each([
    'pkg @ git+https://${GIT_TOKEN}@github.com/org/pkg.git',
    'pkg @ https://acct.blob.core.windows.net/w/pkg-1.0-py3-none-any.whl?sv=2022&sig=${SAS}',
    'git+https://${GIT_TOKEN}@github.com/org/pkg.git#egg=pkg',
    '-e git+ssh://git@github.com/org/pkg.git#egg=pkg',
    // An SSH user name is no credential (the key is not in the URL): GitLab's, Gerrit's, Gitea's.
    '-e git+ssh://gitlab@gitlab.example.com/org/pkg.git#egg=pkg',
    '-e git+ssh://jenkins@gerrit.corp:29418/pkg.git#egg=pkg',
    '-e git+https://github.com/org/pkg.git@main#egg=pkg',
    '-e .',
  ])('%s: accepted', (line) => {
    const r = read(line);
    expect(r.text).toBe(`numpy\n${line}`);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });
});

// A credential written literally in a requirements line is in the image twice over: the templates
// copy the build context (this file with it) into /app, and pip writes a direct URL, query and all,
// into *.dist-info/direct_url.json; and it is in git's history. A ${NAME} in its place is the fix.
describe('a credential written literally in a requirements line is refused at the door', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-literal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const env = { SAS: SECRET, GIT_TOKEN: SECRET };
  const read = (line: string) => {
    writeFileSync(path.join(dir, 'requirements.txt'), `numpy\n${line}\n`);
    return readRequirements(['requirements.txt'], dir, env, { expandable: ['SAS', 'GIT_TOKEN'] });
  };
  const LOGIN = /a credential written in the line, a login \(a password, or a token as the user name\): /;
  const query = (p: string) =>
    new RegExp(`a credential written in the line, a token in the query parameter ${p}[,:]`);

  it.each([
    // [line, what the problem says, the literal values never shown]
    [
      'pkg @ https://acct.blob.core.windows.net/w/pkg-1.0-py3-none-any.whl?sv=2024-01-01&sig=LitSas0123%2Bab%3D',
      query('sig'),
      ['LitSas0123%2Bab%3D', 'LitSas0123+ab='],
    ],
    ['pkg @ https://ci:LitPass0123@host.example/pkg-1.0-py3-none-any.whl', LOGIN, ['LitPass0123']],
    [
      'https://ghp_LitTok0123456789abcdefghij@github.com/org/repo/archive/x.zip#egg=repo',
      LOGIN,
      ['ghp_LitTok0123456789abcdefghij'],
    ],
    [
      'pkg @ git+https://oauth2:glpat-LitTok0123456789abcd@gitlab.com/org/pkg.git',
      LOGIN,
      ['glpat-LitTok0123456789abcd'],
    ],
    ['pkg @ git+ssh://ci:LitPass0123@git.corp/org/pkg.git', LOGIN, ['LitPass0123']],
    ['--extra-index-url https://user:LitPw0123@private.example/simple', LOGIN, ['LitPw0123']],
    ['--extra-index-url=https://LitFury0123:@pypi.fury.io/acme/', LOGIN, ['LitFury0123']],
    ['-ihttps://:LitAzdo0123@pkgs.dev.azure.com/o/_packaging/f/pypi/simple/', LOGIN, ['LitAzdo0123']],
    [
      '--index-url https://conda.anaconda.org/t/LitConda0123/org/simple',
      /a credential written in the line, an Anaconda token \(\/t\/<token>\/\): /,
      ['LitConda0123'],
    ],
    ['-f https://host.example/links?token=LitTok0123', query('token'), ['LitTok0123']],
    ['--find-links=https://host.example/links?page=2&api_key=LitKey0123', query('api_key'), ['LitKey0123']],
    ['-c https://h.example/c.txt?sig=LitSig0123', query('sig'), ['LitSig0123']],
    ['-r https://glpat-LitTok0123456789abcd@h.example/more.txt', LOGIN, ['glpat-LitTok0123456789abcd']],
    ['pkg @ https://h.example/p-1.0-py3-none-any.whl#token=LitTok0123', query('token'), ['LitTok0123']],
    [
      'pkg @ https://s3.example/p-1.0-py3-none-any.whl?X-Amz-Credential=LitCred0123&X-Amz-Signature=LitSig0123',
      /a token in the query parameter X-Amz-Credential, a token in the query parameter X-Amz-Signature/,
      ['LitCred0123', 'LitSig0123'],
    ],
    // Half a ${NAME}: the literal part is written in the file all the same.
    ['pkg @ https://h.example/p-1.0-py3-none-any.whl?sig=LitSig0123${SAS}', query('sig'), ['LitSig0123']],
    // An editable one without a login or ${NAME} (those keep their own refusal, above).
    [
      '-e git+https://git.corp/org/pkg.git?private_token=LitTok0123#egg=pkg',
      query('private_token'),
      ['LitTok0123'],
    ],
  ])('%s: exit 2 naming file:line, the value masked, with the fix', (line, says, values) => {
    const e = inputErrorOf(() => read(line));
    expect(e.exitCode).toBe(2);
    const problems = (e as ConfigError).problems;
    expect(problems).toEqual([expect.stringMatching(says)]);
    expect(problems[0]).toMatch(new RegExp(`^${path.join(dir, 'requirements.txt')}:2: "[^"]*\\*\\*\\*`));
    expect(problems[0]).toContain('direct_url.json');
    expect(problems[0]).toContain('/app');
    expect(problems[0]).toContain("repository's history");
    expect(problems[0]).toContain('write a ${NAME} in its place');
    expect(problems[0]).toContain('build.secrets');
    expect(problems[0]).toContain('docs/build.md');
    for (const v of values) expect(shown(e)).not.toContain(v);
    expect(shown(e)).not.toContain(SECRET);
  });

  it('in an -r include, the include file and its line are named', () => {
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(
      path.join(dir, 'sub', 'more.txt'),
      'scipy\n\n--index-url https://u:LitPw0123@h.example/simple\n',
    );
    const e = inputErrorOf(() => read('-r sub/more.txt'));
    expect((e as ConfigError).problems).toEqual([
      expect.stringMatching(
        /sub\/more\.txt:3: "--index-url https:\/\/u:\*\*\*@h\.example\/simple": a credential/,
      ),
    ]);
    expect(shown(e)).not.toContain('LitPw0123');
  });

  it("a line refused for a control character is quoted with its comment's token masked too", () => {
    const token = 'hf_abcdefghijklmnopqrstuvwxyzABCD';
    const e = inputErrorOf(() => read(`numpy==1.26\x0b  # HF_TOKEN=${token}`));
    expect(e.exitCode).toBe(2);
    expect((e as ConfigError).problems.some((p) => p.includes('U+000B'))).toBe(true);
    expect(shown(e)).not.toContain(token);
  });

  it.each([
    // A line that does not parse, or a refused include, is quoted in its problem: masked all the same.
    ['pkg @@ https://ci:LitPass0123@host.example/p.whl?sig=LitSig0123', /invalid requirement/],
    ['--no-such-option https://h.example/x?token=LitTok0123', /invalid option line/],
  ])('%s: quoted in its own problem with the literal credential masked', (line, says) => {
    const e = inputErrorOf(() => read(line));
    expect(e.exitCode).toBe(2);
    expect((e as ConfigError).problems[0]).toMatch(says);
    expect((e as ConfigError).problems[0]).toContain('***');
    for (const v of ['LitPass0123', 'LitSig0123', 'LitTok0123']) expect(shown(e)).not.toContain(v);
  });

  it.each([
    // A ${NAME} in the credential's place: pip fills it in from build.secrets (here with a value).
    'pkg @ https://acct.blob.core.windows.net/w/pkg-1.0-py3-none-any.whl?sv=2022&sig=${SAS}',
    'pkg @ https://ci:${SAS}@host.example/pkg-1.0-py3-none-any.whl',
    'https://${GIT_TOKEN}@github.com/org/repo/archive/x.zip#egg=repo',
    'pkg @ git+https://oauth2:${GIT_TOKEN}@gitlab.com/org/pkg.git',
    '--extra-index-url https://user:${SAS}@private.example/simple',
    '--extra-index-url=https://${SAS}:@pypi.fury.io/acme/',
    '--index-url https://conda.anaconda.org/t/${SAS}/org/simple',
    '-f https://host.example/links?token=${SAS}',
    '-c https://h.example/c.txt?sig=${SAS}',
    // No credential: SSH's user names, git@, parameters that are no token, /t/ deeper in a path.
    'pkg @ git+ssh://git@github.com/org/pkg.git',
    'pkg @ git+ssh://jenkins@gerrit.corp:29418/pkg.git',
    'pkg @ git+https://git@github.com/org/pkg.git',
    'pkg @ https://github.com/org/repo/raw/main/pkg-1.0-py3-none-any.whl?raw=true',
    'pkg @ https://h.example/pkg-1.0.tar.gz#sha256=0123456789abcdef',
    'pkg @ git+https://h.example/org/repo.git@v1#egg=pkg&subdirectory=sub',
    'pkg @ https://acct.blob.core.windows.net/w/pkg-1.0-py3-none-any.whl?sv=2022&se=2026-01-01&sp=r',
    '--find-links https://discuss.example/c/t/123',
    '--extra-index-url https://h.example/simple?keyword=k&key_id=7',
  ])('%s: accepted', (line) => {
    const r = read(line);
    expect(r.text).toBe(`numpy\n${line}`);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });
});
