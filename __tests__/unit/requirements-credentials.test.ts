// A credential written literally in a requirements file, judged at the door (credentials.ts):
// the refusal's advice reaches the user intact through every masker of the CLI; the forms that
// carry no credential (GitHub's ${TOKEN}:x-oauth-basic, a plain user name over https) are kept;
// a login in a URL nested in another's query, and one in a comment, are refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonError, runCli } from '../../src/cli/main.js';
import { ConfigError } from '../../src/errors.js';
import { LITERAL_CREDENTIAL_FIX, REFERENCE_FIX } from '../../src/requirements/credential-problems.js';
import { literalCredentials } from '../../src/requirements/credentials.js';
import { readRequirements } from '../../src/requirements/read.js';
import { redactText, redactUrls } from '../../src/util/redact.js';
import { inputErrorOf } from '../helpers/errors.js';
import { captureIo } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-cred-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'hunter2-s3cr3t-VALUE';
const ENV = { GIT_TOKEN: SECRET, SAS: SECRET };
const write = (name: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
};
const read = () => readRequirements(['requirements.txt'], dir, ENV, { expandable: ['GIT_TOKEN', 'SAS'] });
const problemsOf = (e: unknown) => (e as ConfigError).problems;
/** Everything an error shows: its message, its fix, its problems and the --json form. */
const shown = (e: unknown) =>
  [
    (e as Error).message,
    (e as { fix?: string }).fix ?? '',
    ...problemsOf(e),
    JSON.stringify(jsonError(e)),
  ].join('\n');

/** `ml-image resolve ... --json` over requirements.txt: what the terminal shows, after processIo's maskers. */
async function cli() {
  const io = captureIo(dir);
  const argv = ['resolve', '--image', 'python:3.12-slim', '--requirements', 'requirements.txt', '--json'];
  const code = await runCli(argv, io);
  // processIo: redactUrls over stdout, redactText over stderr.
  return { code, out: redactUrls(io.out()), err: redactText(io.err()) };
}

const ADVICE =
  "write a ${NAME} in its place (a login's password as user:${NAME}, a token used as the user name as ${NAME} alone, ?sig=${NAME}, /t/${NAME}/) and pass NAME with build.secrets";
const LOGIN_WHAT = 'a login (a password, or a token as the user name)';

describe("the refusal's advice reaches the user intact (finding: the maskers ate its examples)", () => {
  it.each([
    ['pkg @ https://user:LitPw0123@host.example/x.whl', 'LitPw0123', LOGIN_WHAT],
    [
      '--extra-index-url https://h.example/simple?token=LitTok0123',
      'LitTok0123',
      'a token in the query parameter token',
    ],
    // A name that ends with a secret's word (finding: it reached the image's direct_url.json).
    [
      'tqdm @ http://127.0.0.1:5001/simple/tqdm/tqdm-4.66.0-py3-none-any.whl?api_token=LitApi0123',
      'LitApi0123',
      'a token in the query parameter api_token',
    ],
    // Its name is a connection string's key too: `(password=)` lost the rest of the line to it.
    [
      '--extra-index-url https://h.example/simple?password=LitPass0123',
      'LitPass0123',
      'a token in the query parameter password',
    ],
  ])('%s: stderr and --json keep why, fix and the ConfigError fix as written', async (line, value, what) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const { code, out, err } = await cli();
    expect(code).toBe(2);
    const json = JSON.parse(out) as { error: { problems: string[]; fix: string } };
    expect(json.error.problems).toEqual([
      expect.stringContaining(`a credential written in the line, ${what}: `),
    ]);
    expect(json.error.problems[0]).toContain(ADVICE);
    expect(json.error.fix).toBe(LITERAL_CREDENTIAL_FIX);
    expect(err).toContain(`a credential written in the line, ${what}: `);
    expect(err).toContain(ADVICE);
    expect(err).toContain(`fix: ${LITERAL_CREDENTIAL_FIX}`);
    expect(LITERAL_CREDENTIAL_FIX).toContain(ADVICE);
    expect(`${out}\n${err}`).not.toContain(value);
  });

  it('a comment: its problem and fix are intact too', async () => {
    write('requirements.txt', 'numpy  # was: https://user:LitPw0123@host.example/simple\n');
    const { code, out, err } = await cli();
    expect(code).toBe(2);
    const json = JSON.parse(out) as { error: { problems: string[]; fix: string } };
    expect(json.error.problems[0]).toContain(`a credential written in a comment, ${LOGIN_WHAT}: `);
    expect(json.error.problems[0]).toContain('delete it from the comment, or write a ${NAME} in its place');
    expect(json.error.fix).toBe(LITERAL_CREDENTIAL_FIX);
    expect(err).toContain(`fix: ${LITERAL_CREDENTIAL_FIX}`);
    expect(`${out}\n${err}`).not.toContain('LitPw0123');
  });

  it('with another problem, the fix is the syntax one followed by the credential one', () => {
    write('requirements.txt', 'numpy>=>1\npkg @ https://user:LitPw0123@host.example/x.whl\n');
    const e = inputErrorOf(read);
    expect(e.fix).toMatch(/^fix that line: PEP 508 syntax .*; a credential written in a line or comment: /);
    expect(e.fix).toContain(LITERAL_CREDENTIAL_FIX);
    write('requirements.txt', 'numpy>=>1\n');
    expect(inputErrorOf(read).fix).not.toContain('credential');
  });

  it("an editable install's fix is intact too", async () => {
    write('requirements.txt', '-e git+https://${GIT_TOKEN}@github.com/org/pkg.git#egg=pkg\n');
    const { code, out, err } = await cli();
    expect(code).toBe(2);
    const fix = 'drop -e and keep the URL with its ${NAME} as a plain requirement (NAME @ git+https://...)';
    expect((JSON.parse(out) as { error: { problems: string[] } }).error.problems[0]).toContain(fix);
    expect(err).toContain(fix);
  });
});

describe('a login is judged by what it holds', () => {
  it.each([
    // [line, the values never shown]
    // A fixed public password makes the user name the token: a literal one is refused.
    [
      'pkg @ git+https://ghp_LitTok0123456789abcdefghij:x-oauth-basic@github.com/org/repo.git',
      ['ghp_LitTok'],
    ],
    // A user name without a password that is a token by the shared value rules.
    ['pkg @ git+https://glpat-LitTok0123456789abcd@gitlab.example/org/repo.git', ['glpat-LitTok']],
    [
      'pkg @ git+https://LitAzdoPat0123456789abcdefghijklmnopqrstuvwxyz@dev.azure.com/o/p/_git/r',
      ['LitAzdoPat'],
    ],
    ['--extra-index-url https://ghp_LitTok0123456789abcdefghij@h.example/simple', ['ghp_LitTok']],
    // A password is one, whatever the user name.
    ['pkg @ git+https://myuser:LitPw0123@bitbucket.org/org/repo.git', ['LitPw0123']],
  ])('%s: refused, the value masked', (line, values) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(problemsOf(e)).toEqual([
      expect.stringContaining(`a credential written in the line, ${LOGIN_WHAT}: `),
    ]);
    expect(problemsOf(e)[0]).toContain('revoke it');
    for (const v of values) expect(shown(e)).not.toContain(v);
  });

  it.each([
    // GitHub's documented form: the token as the user name, a fixed public password.
    'pkg @ git+https://${GIT_TOKEN}:x-oauth-basic@github.com/org/repo.git',
    'pkg @ git+https://${GIT_TOKEN}:X-OAuth-Basic@github.com/org/repo.git',
    // The fixed part as the user name: the token is the password.
    'pkg @ git+https://x-access-token:${GIT_TOKEN}@github.com/org/repo.git',
    'pkg @ git+https://x-token-auth:${GIT_TOKEN}@bitbucket.org/org/repo.git',
    // A plain user name over https: pip asks for the password (keyring, netrc).
    'pkg @ git+https://myuser@bitbucket.org/org/repo.git',
    'pkg @ git+https://myorg@dev.azure.com/myorg/proj/_git/repo',
    '--extra-index-url https://__token__@h.example/simple',
    '-r https://ci-bot@h.example/more.txt',
  ])('%s: accepted', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    expect(read().text).toBe(`numpy\n${line}`);
  });
});

describe('a URL nested in another URL is read too', () => {
  it.each([
    // [line, what the problem says, the values never shown]
    [
      'pkg @ https://proxy.example/fetch?url=https://user:LitPw0123@host.example/x.whl',
      LOGIN_WHAT,
      ['LitPw0123'],
    ],
    [
      '--extra-index-url https://m.example/simple?next=https://user:LitPw0123@host.example/simple',
      LOGIN_WHAT,
      ['LitPw0123'],
    ],
    [
      'pkg @ https://proxy.example/fetch?a=1&url=https://ghp_LitTok0123456789abcdefghij@github.com/o/r/x.zip',
      LOGIN_WHAT,
      ['ghp_LitTok'],
    ],
    [
      '--index-url https://m.example/r?u=https://conda.anaconda.org/t/LitConda0123/org/simple',
      'an Anaconda token (/t/<token>/)',
      ['LitConda0123'],
    ],
    // Percent-encoded, as a query value holds a URL.
    [
      'pkg @ https://proxy.example/fetch?url=https%3A%2F%2Fuser%3ALitPw0123%40host.example%2Fx.whl',
      LOGIN_WHAT,
      ['LitPw0123'],
    ],
    [
      'pkg @ https://proxy.example/fetch?url=https%3a%2f%2fglpat-LitTok0123456789abcd%40host.example%2Fx.whl&b=2',
      LOGIN_WHAT,
      ['glpat-LitTok'],
    ],
  ])('%s: refused, the value masked', (line, what, values) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    expect(problemsOf(e)).toEqual([expect.stringContaining(`a credential written in the line, ${what}: `)]);
    expect(problemsOf(e)[0]).toContain(`${path.join(dir, 'requirements.txt')}:2: "`);
    for (const v of values) expect(shown(e)).not.toContain(v);
  });

  it.each([
    'pkg @ https://proxy.example/fetch?url=https://user:${SAS}@host.example/x.whl',
    'pkg @ https://proxy.example/fetch?url=https://host.example/x.whl',
    'pkg @ https://proxy.example/fetch?url=https%3A%2F%2Fuser%3A%24%7BSAS%7D%40host.example%2Fx.whl',
    'pkg @ https://proxy.example/fetch?url=https%3A%2F%2Fhost.example%2Fx.whl&mail=a%40b.example',
    '--extra-index-url https://m.example/simple?next=git+ssh://git@host.example/simple',
  ])('%s: accepted', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    expect(read().text).toBe(`numpy\n${line}`);
  });

  it('each value once, where it is written', () => {
    const line = 'https://a.example/x?u=https://u:LitPw0123@b.example/y?sig=LitSig0123';
    const found = literalCredentials(line).map((c) => line.slice(c.start, c.end));
    expect(found).toEqual(['LitPw0123', 'LitSig0123']);
  });
});

describe('a credential in a comment is refused: the file, comments and all, is copied into /app', () => {
  it.each([
    // [file, the line named, the values never shown]
    [
      'numpy\n# --extra-index-url https://__token__:pypi-AgEIcHlwaS5vcmcLitTok0123456789abcdef@h.example/simple\n',
      2,
      ['pypi-AgEIcHlwaS5vcmcLitTok'],
    ],
    ['numpy\npkg==1.0  # old: https://u:LitPw0123@h.example/simple\n', 2, ['LitPw0123']],
    ['numpy\n\n   #https://h.example/links?token=LitTok0123\n', 3, ['LitTok0123']],
    ['numpy \\\n  # https://ghp_LitTok0123456789abcdefghij@github.com/o/r\nscipy\n', 2, ['ghp_LitTok']],
  ])('%j: refused naming file:line, masked', (text, line, values) => {
    write('requirements.txt', text);
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    expect(problemsOf(e)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${path.join(dir, 'requirements.txt')}:${line}: "#[^"]*\\*\\*\\*[^"]*": a credential written in a comment, `,
        ),
      ),
    ]);
    expect(problemsOf(e)[0]).toContain('/app');
    expect(problemsOf(e)[0]).toContain('revoke it');
    for (const v of values) expect(shown(e)).not.toContain(v);
  });

  it('in an -r include, the include file and its line are named', () => {
    write('requirements.txt', 'numpy\n-r sub/more.txt\n');
    write('sub/more.txt', 'scipy\n# https://u:LitPw0123@h.example/simple\n');
    const e = inputErrorOf(read);
    expect(problemsOf(e)).toEqual([
      expect.stringContaining(
        `${path.join(dir, 'sub', 'more.txt')}:2: "# https://u:***@h.example/simple": a credential written in a comment`,
      ),
    ]);
  });

  it.each([
    'numpy  # https://pypi.org/project/numpy/',
    '# --extra-index-url https://user:${SAS}@h.example/simple',
    '# git+ssh://git@github.com/org/repo.git',
    '# https://myuser@bitbucket.org/org/repo.git',
    'pkg @ https://h.example/p-1.0-py3-none-any.whl#sha256=0123abcd',
  ])('%s: accepted', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    expect(read().text.startsWith('numpy')).toBe(true);
  });
});

describe('/t/<token>/ is a token on an Anaconda host only (finding: forum links were refused)', () => {
  it.each([
    '--index-url https://conda.anaconda.org/t/LitConda0123/org/simple',
    '--index-url https://pypi.anaconda.org/t/LitConda0123/org/simple',
    '--extra-index-url https://repo.anaconda.cloud/t/LitConda0123/repo/main/simple',
    '--extra-index-url https://repo.anaconda.com/t/LitConda0123/pkgs/main/simple',
    '--index-url HTTPS://Conda.Anaconda.ORG:443/t/LitConda0123/org/simple',
  ])('%s: refused', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(problemsOf(e)).toEqual([expect.stringContaining('an Anaconda token (/t/<token>/)')]);
    expect(shown(e)).not.toContain('LitConda0123');
  });

  it.each([
    '--find-links https://discuss.pytorch.org/t/cuda-12-1-wheels-fail-to-import/187654',
    'git+https://gitlab.example.com/t/team-repo.git@v1.0#egg=teamrepo',
    'pkg @ https://notanaconda.org/t/LitConda0123/pkg-1.0-py3-none-any.whl',
    'pkg @ https://anaconda.org.example/t/LitConda0123/pkg-1.0-py3-none-any.whl',
    '# https://forums.developer.nvidia.com/t/tensorrt-8-6-python-wheel/256123',
  ])('%s: accepted', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    expect(read().text.startsWith('numpy')).toBe(true);
  });

  it('log masking keeps masking /t/ right after any host', () => {
    expect(redactUrls('see https://discuss.pytorch.org/t/topic-name/187654')).toBe(
      'see https://discuss.pytorch.org/t/***/187654',
    );
  });
});

describe("Cloudsmith's entitlement token, dl.cloudsmith.io/<token>/ (finding: not masked, not refused)", () => {
  it.each([
    '--extra-index-url https://dl.cloudsmith.io/LitCsTok0123/acme/ml/python/simple/',
    '--index-url https://ci:${CS_PW}@dl.cloudsmith.io:443/LitCsTok0123/acme/ml/python/simple/',
    'pkg @ https://dl.cloudsmith.io/LitCsTok0123/acme/ml/python/pkg-1.0-py3-none-any.whl',
    '# https://dl.cloudsmith.io/LitCsTok0123/acme/ml/python/simple/',
    '--extra-index-url https://DL.CLOUDSMITH.IO./LitCsTok0123/acme/ml/python/simple/',
  ])('%s: refused, the token not shown', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    expect(problemsOf(e)).toEqual([
      expect.stringContaining('a Cloudsmith entitlement token (dl.cloudsmith.io/<token>/)'),
    ]);
    expect(shown(e)).not.toContain('LitCsTok0123');
  });

  it.each([
    '--extra-index-url https://dl.cloudsmith.io/${CS_TOKEN}/acme/ml/python/simple/',
    '--extra-index-url https://dl.cloudsmith.io/public/acme/ml/python/simple/',
    '--extra-index-url https://ci:${CS_PW}@dl.cloudsmith.io/basic/acme/ml/python/simple/',
    '--extra-index-url https://pkgs.example.com/LitCsTok0123/simple/',
  ])('%s: accepted', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    expect(read().text.startsWith('numpy')).toBe(true);
  });
});

describe('a reference pip does not fill in, in a line: refused with the ${NAME} advice, nothing to revoke', () => {
  it.each([
    ['--extra-index-url https://user:$PYPI_PASS@h.example/simple', 'a login'],
    ['--extra-index-url https://%PYPI_USER%:%PYPI_PASS%@h.example/simple', 'a login'],
    ['pkg @ https://h.example/pkg-1.0-py3-none-any.whl?sig={{sas}}', 'the query parameter sig'],
    ['pkg @ git+https://$GH_TOKEN@github.com/org/repo.git', 'a login'],
    ['--index-url https://conda.anaconda.org/t/$CONDA_TOKEN/org/simple', '/t/<token>/'],
    ['--index-url https://dl.cloudsmith.io/$CS_TOKEN/acme/ml/python/simple/', 'dl.cloudsmith.io/<token>/'],
  ])('%s: exit 2, write ${NAME}', (line, where) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    expect(problemsOf(e)).toEqual([expect.stringContaining(`${path.join(dir, 'requirements.txt')}:2: "`)]);
    expect(problemsOf(e)[0]).toContain(
      `a reference pip does not fill in ($NAME, %NAME%, {{name}} or $(...)) in ${where}: pip fills in only \${NAME}`,
    );
    expect(problemsOf(e)[0]).toContain(ADVICE);
    expect(problemsOf(e)[0]).not.toContain('revoke');
    expect(e.fix).toBe(REFERENCE_FIX);
    expect(e.fix).not.toContain('revoke');
  });

  it('in a comment the same is fine; with a literal token in the line, the token is to revoke', () => {
    write('requirements.txt', 'numpy\n# --extra-index-url https://user:$PYPI_PASS@h.example/simple\n');
    expect(read().text).toBe('numpy');
    write(
      'requirements.txt',
      'numpy\npkg @ https://h.example/p-1.0-py3-none-any.whl?sig=$SAS&token=LitTok0123\n',
    );
    const e = inputErrorOf(read);
    expect(problemsOf(e)[0]).toContain('a credential written in the line, a reference pip does not fill in');
    expect(problemsOf(e)[0]).toContain('a token in the query parameter token');
    expect(problemsOf(e)[0]).toContain('revoke it');
    expect(e.fix).toBe(LITERAL_CREDENTIAL_FIX);
    expect(shown(e)).not.toContain('LitTok0123');
  });
});

describe('masks, placeholders and short values are no credential; a value is judged whole', () => {
  it.each([
    '--extra-index-url https://__token__:****@gitlab.example.com/api/v4/projects/12/packages/pypi/simple',
    '--extra-index-url https://user:xxxxxxxx@h.example/simple',
    '--extra-index-url https://<user>:<api-key>@h.example/simple',
    '--extra-index-url https://user:<token>@h.example/simple',
    'pkg @ https://h.example/pkg-1.0-py3-none-any.whl?token=<your-token>',
    'pkg @ https://h.example/pkg-1.0-py3-none-any.whl?token=REDACTED',
    '--extra-index-url https://TOKEN:@pypi.fury.io/ACCOUNT/',
    // Under 6 characters.
    'pkg @ https://h.example/pkg-1.0-py3-none-any.whl?token=abc12',
    '--extra-index-url https://user:pw123@h.example/simple',
    // A password-less user name without a token's shape: an organization's, however long.
    'pkg @ git+https://my-very-long-organization-name-2024-engineering@dev.azure.com/o/p/_git/r',
  ])('%s: accepted', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    expect(read().text).toBe(`numpy\n${line}`);
  });

  it.each([
    // Past a '<' as a login's password is: `<x>` does not make the rest a placeholder.
    ['pkg @ https://h.example/pkg-1.0-py3-none-any.whl?token=<x>LitTok0123', 'LitTok0123'],
    ['--extra-index-url https://user:<x>LitTok0123@h.example/simple', 'LitTok0123'],
    ['pkg @ https://h.example/pkg-1.0-py3-none-any.whl?token=abc123', 'abc123'],
    // A ':' written %3A splits a login as a server reads it.
    ['pkg @ https://u%3ALitPw0123@h.example/pkg-1.0-py3-none-any.whl', 'LitPw0123'],
    ['--index-url https://u%3aLitPw0123@h.example/simple', 'LitPw0123'],
    [
      'pkg @ git+https://f2bclnwmqv2jmx4tsvxyzqk6mzh7ow5xrrtqv2m6a2l4qa5yxv4q@dev.azure.com/o/p/_git/r',
      'f2bclnwmqv',
    ],
  ])('%s: refused, the value masked', (line, value) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(problemsOf(e)).toEqual([expect.stringContaining('a credential written in the line, ')]);
    expect(shown(e)).not.toContain(value);
  });
});

describe('a comment: a token of a known form anywhere in it is refused, once', () => {
  it.each([
    ['# HF_TOKEN=hf_LitTok0123456789abcdefghij', 'hf_LitTok'],
    ['numpy  # api key ghp_LitTok0123456789abcdefghij for the private repo', 'ghp_LitTok'],
    ['# PYPI_TOKEN=pypi-AgEIcHlwaS5vcmcLitTok0123456789abcdef', 'pypi-AgEIcHlwaS5vcmcLitTok'],
  ])('%s: refused naming file:line, masked', (line, value) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(problemsOf(e)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${path.join(dir, 'requirements.txt')}:2: "#[^"]*\\*\\*\\*[^"]*": a credential written in a comment, a token of a known form`,
        ),
      ),
    ]);
    expect(shown(e)).not.toContain(value);
  });

  it('a token in a URL of a comment is named once, as the login', () => {
    write('requirements.txt', 'numpy\n# https://ghp_LitTok0123456789abcdefghij@github.com/o/r\n');
    const p = problemsOf(inputErrorOf(read))[0]!;
    expect(p).toContain(`a credential written in a comment, ${LOGIN_WHAT}: `);
    expect(p).not.toContain('a token of a known form');
  });

  it.each([
    '# HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxx',
    '# via aws-msk-iam-sasl-signer-python',
    '#    --hash=sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f',
  ])('%s: accepted', (line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    expect(read().text).toBe('numpy');
  });
});

describe('a line: a token of a known form anywhere in it is refused, as in a comment (finding: one in a URL path was kept)', () => {
  it.each([
    // [line, the value never shown]
    ['--index-url http://127.0.0.1:5920/ghp_LitTok0123456789abcdefghij/simple', 'ghp_LitTok'],
    ['--extra-index-url https://pkgs.example.com/hf_LitTok0123456789abcdefghij/simple/', 'hf_LitTok'],
    ['pkg @ https://h.example/glpat-LitTok0123456789abcd/pkg-1.0-py3-none-any.whl', 'glpat-LitTok'],
    ['-f https://h.example/pypi-AgEIcHlwaS5vcmcLitTok0123456789abcdef/links', 'pypi-AgEIcHlwaS5vcmcLitTok'],
  ])('%s: exit 2 naming file:line, masked', (line, value) => {
    write('requirements.txt', `${line}\nmybackend\n`);
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    expect(problemsOf(e)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${path.join(dir, 'requirements.txt')}:1: "[^"]*\\*\\*\\*[^"]*": a credential written in the line, a token of a known form`,
        ),
      ),
    ]);
    expect(problemsOf(e)[0]).toContain('/app');
    expect(problemsOf(e)[0]).toContain('revoke it');
    expect(e.fix).toBe(LITERAL_CREDENTIAL_FIX);
    expect(shown(e)).not.toContain(value);
  });

  it('resolve --json: exit 2, the token on neither channel', async () => {
    write(
      'requirements.txt',
      '--index-url http://127.0.0.1:5920/ghp_LitTok0123456789abcdefghij/simple\nmybackend\n',
    );
    const { code, out, err } = await cli();
    expect(code).toBe(2);
    expect((JSON.parse(out) as { error: { problems: string[] } }).error.problems[0]).toContain(
      'requirements.txt:1: ',
    );
    expect(`${out}\n${err}`).not.toContain('ghp_LitTok');
  });

  it("a token in a URL's login is named once, as the login", () => {
    write('requirements.txt', '--extra-index-url https://ghp_LitTok0123456789abcdefghij@h.example/simple\n');
    const p = problemsOf(inputErrorOf(read))[0]!;
    expect(p).toContain(`a credential written in the line, ${LOGIN_WHAT}: `);
    expect(p).not.toContain('a token of a known form');
  });

  it.each([
    // pip fills in a ${NAME}: the supported way, whatever the name looks like.
    ['--index-url https://h.example/${GIT_TOKEN}/simple', { GIT_TOKEN: SECRET }],
    ['--index-url https://h.example/${AKIALITTOK0123456789}/simple', { AKIALITTOK0123456789: SECRET }],
    // A masked one, and a digest, are no token.
    ['--index-url https://h.example/hf_xxxxxxxxxxxxxxxxxxxxxxxx/simple', {}],
    ['numpy==2.0 --hash=sha256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f', {}],
    ['aws-msk-iam-sasl-signer-python==1.0.1', {}],
  ])('%s: accepted', (line, env) => {
    write('requirements.txt', `${line}\nmybackend\n`);
    const got = readRequirements(['requirements.txt'], dir, env, { expandable: Object.keys(env) });
    expect(got.text).toBe(`${line}\nmybackend`);
  });

  it('literalCredentials: a token inside a ${NAME} is none in a line, one in a comment', () => {
    const text = 'https://h.example/${AKIALITTOK0123456789}/simple';
    expect(literalCredentials(text)).toEqual([]);
    expect(literalCredentials(text, false)).toHaveLength(1);
  });
});

describe('a problem quotes at most 300 characters of a line (finding: a 2 MB line was quoted whole)', () => {
  const LONG = 'a'.repeat(100_000);
  it.each([
    ['a credential in the line', `pkg @ https://u:LitPw0123@h.example/${LONG}.whl`],
    ['a credential in a comment', `# https://u:LitPw0123@h.example/${LONG}`],
    ['an invalid line', `pkg @@ https://u:LitPw0123@h.example/${LONG}`],
    ['a refused include', `-c file://u:LitPw0123@h.example/${LONG}`],
    ['an editable install with a login', `-e git+https://u:LitPw0123@h.example/o/r.git#egg=r&x=${LONG}`],
  ])('%s: cut, with a marker, the value masked', (_what, line) => {
    write('requirements.txt', `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    const p = problemsOf(e)[0]!;
    expect(p).toMatch(/\.\.\. \(\d+ characters, cut\)"/);
    expect(p.length).toBeLessThan(2000);
    expect(shown(e)).not.toContain('LitPw0123');
  });

  it('a reason quoting part of the line (`"..." is not a valid PEP 440 version`) is cut too', () => {
    write('requirements.txt', `numpy\nfoo==1.0+${'x'.repeat(100_000)}!\n`);
    const p = problemsOf(inputErrorOf(read))[0]!;
    expect(p.length).toBeLessThan(1200);
    expect(p).toMatch(/characters, cut\)" is not a valid PEP 440 version$/);
  });

  it('a reason quoting part of the line has its credentials masked as the line has', () => {
    write('requirements.txt', 'numpy\nnumpy --hash=sha256:https://u:LitPw0123@h.example/x\n');
    const e = inputErrorOf(read);
    expect(problemsOf(e)[0]).toContain('the sha256 digest "https://u:***@h.example/x" is not hex');
    expect(problemsOf(e).join('\n')).not.toContain('LitPw0123');
  });
});
