// The config at the door (a review's findings): what the config names and how it is read, refused
// with exit 2 naming the field, its line and its value, before anything else is asked.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkKeyFile } from '../../src/attest/signing.js';
import { runCli } from '../../src/cli/main.js';
import { parseYaml } from '../../src/config/load.js';
import { firstInvalidUtf8 } from '../../src/requirements/decode.js';
import { MAX_REQUIREMENTS_BYTES } from '../../src/requirements/read.js';
import { fileVariantIndex, pathInFile, variantsAsInFile } from '../../src/config/variant-place.js';
import { ConfigError, InputError } from '../../src/errors.js';
import { parseJsonText } from '../../src/util/json-file.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { FIXTURES } from '../helpers/cosign-keys.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-door-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (rel: string) => path.join(dir, rel);
function put(rel: string, content: string | Buffer): string {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  writeFileSync(at(rel), content);
  return at(rel);
}

const GOOD = 'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n';
const SECRET = 'password=hunter2hunter2';

/** runCli in DIR (or CWD under it) with a Docker adapter that rejects every call. */
async function cli(argv: string[], env: Record<string, string> = {}, cwd = dir) {
  const io = captureIo(cwd, fakeDocker(), { ML_IMAGE_CACHE_DIR: at('.cache'), ...env });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('a JSON file that is not JSON: where it failed, never what it holds', () => {
  // V8's own words (not the file's) are kept where it has them; they vary by Node version.
  it.each<[string, string | RegExp]>([
    [SECRET, 'unexpected character at line 1, column 1'],
    ['{\n  "a": tru}', 'unexpected character at line 2, column 11'],
    ['{"a": 1,}', /: \w[^"'\n]* at line 1, column 9$/],
    ['{"schemaVersion": 1,', /: \w[^"'\n]* at line 1, column 21$/],
    ['', 'unexpected end of input at line 1, column 1'],
    ['{"a": "b"} hunter2', /: \w[^"'\n]* at line 1, column 12$/],
  ])('%j: "%s"', (text, where) => {
    let message = '';
    try {
      parseJsonText(text, 'f.json');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^f\.json: not JSON: /);
    if (typeof where === 'string') expect(message).toBe(`f.json: not JSON: ${where}`);
    else expect(message).toMatch(where);
    expect(message).not.toMatch(/hunter2|password|tru|schemaVersion/);
  });

  it('validate: a smoke.baseline of the wrong file quotes none of it', async () => {
    put('Dockerfile', 'FROM scratch\n');
    put('floors', SECRET);
    put('ml-image.yml', `${GOOD}smoke:\n  baseline: floors\n`);
    const r = await cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `line 6: smoke.baseline: ${at('floors')}: not JSON: unexpected character at line 1, column 1`,
    );
    expect(r.err).not.toContain('hunter2');
    expect(r.err).not.toContain('password');
  });
});

describe('on a runner, smoke.baseline is read from the workspace only (attest.key anywhere)', () => {
  const ws = () => at('ws');
  const runner = () => ({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ws(), GITHUB_SHA: 'a'.repeat(40) });
  const setUp = (yml: string) => {
    put('ws/Dockerfile', 'FROM scratch\n');
    put('ws/ml-image.yml', `${GOOD}${yml}`);
    put('outside/p', SECRET);
    copyFileSync(path.join(FIXTURES, 'fixture.key'), put('outside/cosign.key', ''));
  };
  it.each<[string, string, RegExp]>([
    [
      'smoke.baseline by an absolute path',
      'smoke:\n  baseline: OUT/p\n',
      /line 6: smoke\.baseline: \S+\/outside\/p is outside the workspace \S+\/ws; /,
    ],
    [
      'smoke.baseline by a relative one',
      'smoke:\n  baseline: ../outside/p\n',
      /line 6: smoke\.baseline: \S+\/outside\/p is outside the workspace /,
    ],
  ])(
    '%s outside it: validate, plan and run exit 2 naming the field, line and path',
    async (_what, yml, message) => {
      setUp(yml.replace('OUT', at('outside')));
      for (const argv of [
        ['validate'],
        ['plan'],
        ['run', '--stages', 'plan,build,smoke', '--out', at('o')],
      ]) {
        const r = await cli(argv, runner(), ws());
        expect(r.code, `${argv[0]}: ${r.err}`).toBe(2);
        expect(r.err).toMatch(message);
        expect(r.err).not.toContain('hunter2');
      }
    },
  );

  it('the same files inside the workspace, or anywhere off a runner, are read', async () => {
    setUp(`smoke:\n  baseline: ${at('outside/p')}\nattest:\n  key: ${at('outside/cosign.key')}\n`);
    // Off a runner: read (and the baseline refused for what it is, quoting nothing).
    const off = await cli(['validate'], {}, ws());
    expect(off.code).toBe(2);
    expect(off.err).toContain('not JSON: unexpected character at line 1, column 1');
    put('ws/floors.json', '{"schemaVersion": 1, "floorFraction": 0.8, "gpus": []}');
    copyFileSync(path.join(FIXTURES, 'fixture.key'), put('ws/keys/cosign.key', ''));
    put('ws/ml-image.yml', `${GOOD}smoke:\n  baseline: floors.json\nattest:\n  key: keys/cosign.key\n`);
    const on = await cli(['validate'], runner(), ws());
    expect(on.code, on.err).toBe(0);
  });

  it.each(['auto', 'key', 'off'])(
    'attest.key outside the workspace (sign: %s) is read where it is: a private key is no file of the repository',
    async (sign) => {
      setUp(`attest:\n  sign: ${sign}\n  key: ${at('outside/cosign.key')}\n`);
      const r = await cli(['validate'], runner(), ws());
      expect(r.code, r.err).toBe(0);
      expect(checkKeyFile(at('outside/cosign.key'), dir)).toBe(at('outside/cosign.key'));
    },
  );
});

describe('a config that is not UTF-8: refused naming the line and column, never read with U+FFFD', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  it.each<[string, Buffer, number, number, string]>([
    ['a Latin-1 é in a tag', bytes(GOOD, 'tags: [caf', [0xe9], ']\n'), 5, 11, 'e9'],
    ['after a UTF-8 é on the same line', bytes(GOOD, '# é ', [0xff], '\n'), 5, 5, 'ff'],
    ['a sequence cut short', bytes('image:\n  name: a/b', [0xe2, 0x82], '\n'), 2, 12, 'e2'],
    ['an overlong form of "/"', bytes([0xc0, 0xaf], GOOD), 1, 1, 'c0'],
    ['a surrogate (CESU-8)', bytes('x: ', [0xed, 0xa0, 0x80], '\n'), 1, 4, 'ed'],
    ['at the very end', bytes(GOOD, [0xf0, 0x9f, 0x98]), 5, 1, 'f0'],
  ])('%s: validate exit 2 naming the line and column', async (_what, content, line, column, hex) => {
    put('Dockerfile', 'FROM scratch\n');
    put('ml-image.yml', content);
    const r = await cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `error: ml-image.yml: line ${line}, column ${column}: byte 0x${hex} is not UTF-8; the config must be UTF-8 text`,
    );
    expect(r.out).toBe('');
  });

  it('UTF-8 with a byte-order mark, and characters of every length, is read', async () => {
    put('Dockerfile', 'FROM scratch\n');
    put('ml-image.yml', bytes([0xef, 0xbb, 0xbf], GOOD, '# é € 😀 \u{10ffff}\n'));
    const r = await cli(['validate']);
    expect(r.code, r.err).toBe(0);
  });

  it('firstInvalidUtf8 names the first byte the strict decoder fails on, for every 2-byte input and prefix that fails', () => {
    const strictOk = (b: Uint8Array) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const cases: Uint8Array[] = [];
    for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b += 5) cases.push(Uint8Array.of(a, b));
    const emoji = Buffer.from('a😀€é');
    for (let n = 0; n <= emoji.length; n++) cases.push(emoji.subarray(0, n));
    for (const c of cases.filter((x) => !strictOk(x))) {
      const at = firstInvalidUtf8(c);
      // Everything before it decodes; that byte added, it no longer does.
      expect(
        [strictOk(c.subarray(0, at)), strictOk(c.subarray(0, at + 1))],
        Buffer.from(c).toString('hex'),
      ).toEqual([true, false]);
    }
  });
});

describe('validate reads the requirements files as the build does (pip is not run)', () => {
  const withRequirements = (files: Record<string, string>, yml = '') => {
    put('Dockerfile', 'FROM scratch\n');
    put('ml-image.yml', `${GOOD}python:\n  requirements: [requirements.txt]\n${yml}`);
    for (const [name, text] of Object.entries(files)) put(name, text);
  };
  it.each<[string, Record<string, string>, string, RegExp]>([
    [
      'a line that is no requirement',
      { 'requirements.txt': 'numpy>=1\nbad req line !!\n' },
      '',
      /requirements\.txt:2: invalid requirement "bad req line !!"/,
    ],
    [
      'a -r include that is not there',
      { 'requirements.txt': 'numpy>=1\n-r missing-include.txt\n' },
      '',
      /missing-include\.txt.*requirements\.txt:2/,
    ],
    [
      'a line in an included file',
      { 'requirements.txt': '-r more.txt\n', 'more.txt': 'torch\n==1\n' },
      '',
      /more\.txt:2: invalid requirement "==1"/,
    ],
    [
      'a ${NAME} build.secrets does not list',
      { 'requirements.txt': 'pkg @ https://${TOKEN}@example.com/pkg.whl\n' },
      '',
      /TOKEN/,
    ],
  ])('%s: exit 2 naming the file and line', async (_what, files, yml, message) => {
    withRequirements(files, yml);
    const r = await cli(['validate']);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
    // --skip-file-checks reads none of them.
    expect((await cli(['validate', '--skip-file-checks'])).code).toBe(0);
  });

  it('good requirements, with an include and a listed ${NAME}, are valid', async () => {
    withRequirements(
      {
        'requirements.txt': 'numpy>=1\n-r more.txt\n',
        'more.txt': 'pkg @ https://${TOKEN}@example.com/p.whl\n',
      },
      'build:\n  secrets: [TOKEN]\n',
    );
    const r = await cli(['validate']);
    expect(r.code, r.err).toBe(0);
  });
});

describe('no config file, and flags that are no whole config', () => {
  it.each([
    [['plan', '--platforms', 'linux/amd64']],
    [['validate', '--variants', 'cpu']],
    [['build', '--platforms', 'linux/amd64']],
  ])('%j in a directory without one: says first that there is no ml-image.yml', async (argv) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^error: no config: neither ml-image\.yml nor ml-image\.yaml in \S+; the flags or inputs given are not a whole config: 1 problem\n {2}- image: required/,
    );
    expect(r.err).toContain('fix: create ml-image.yml (see docs/configuration.md), or pass --config PATH');
  });

  it('a file that is there but invalid is named as before', async () => {
    put('ml-image.yml', 'platforms: [linux/amd64]\n');
    const r = await cli(['plan', '--platforms', 'linux/amd64']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: ml-image\.yml: 1 problem\n {2}- image: required/);
  });
});

describe('YAML syntax errors: said once, where they are', () => {
  it.each<[string, string, string]>([
    [
      'a double quote never closed',
      'image:\n  name: "my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
      'line 2, column 9: Missing closing "quote: the quoted value that opens here is not closed (read on to line 5, column 1)',
    ],
    [
      'a single quote never closed, at the end of the file',
      "image:\n  name: my-org/model\ntags: ['a, b]\n",
      "line 3, column 8: Missing closing 'quote: the quoted value that opens here is not closed (read on to line 4, column 1)",
    ],
    [
      'a quote opened in a list item',
      'variants:\n  - "cpu\n  - cuda12.8\n',
      'line 2, column 5: Missing closing "quote: the quoted value that opens here is not closed (read on to line 4, column 1)',
    ],
  ])('%s: the line and column where it opens', (_what, text, problem) => {
    let problems: readonly string[] = [];
    try {
      parseYaml(text, 'ml-image.yml');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      problems = (e as ConfigError).problems;
    }
    expect(problems[0]).toBe(problem);
  });

  it('other errors keep their place, said once (not "... at line N, column M:" again)', () => {
    let problems: readonly string[] = [];
    try {
      parseYaml('image:\n  name: a/b\n bad: [x\n', 'ml-image.yml');
    } catch (e) {
      problems = (e as ConfigError).problems;
    }
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p).toMatch(/^line \d+, column \d+: /);
      expect(p).not.toMatch(/ at line \d+, column \d+/);
    }
  });
});

describe('a variant chosen with --variants is named as the file names it', () => {
  const FILE =
    'image:\n  name: my-org/model\nplatforms: [linux/amd64]\nvariants:\n  - cpu\n  - cuda12.8\n  - name: old\n    cuda: "12.7"\n';
  const ON_RUNNER = { GITHUB_ACTIONS: 'true', GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/heads/main' };
  it.each<[string[], string[]]>([
    [[], ['line 7: variants[2] (old): CUDA 12.7 is not in the catalog']],
    [['--variants', 'old'], ['line 7: variants[2] (old): CUDA 12.7 is not in the catalog']],
    [['--variants', 'cpu,old'], ['line 7: variants[2] (old): CUDA 12.7 is not in the catalog']],
  ])("plan %j: the file's index and line", async (flags, expected) => {
    put('Dockerfile', 'FROM scratch\n');
    put('ml-image.yml', FILE);
    for (const command of ['plan', 'validate']) {
      const r = await cli([command, ...flags], ON_RUNNER);
      expect(r.code, r.err).toBe(2);
      for (const e of expected) expect(r.err).toContain(`  - ${e}`);
      expect(r.err).not.toMatch(/variants\[[01]\] \(old\)/);
    }
  });

  it("a file that lists no variants: a variant --variants selects keeps the flag's index", async () => {
    put('Dockerfile', 'FROM scratch\n');
    put(
      'ml-image.yml',
      'image:\n  name: my-org/model\nplatforms: [linux/amd64]\npython:\n  version: "3.7"\n',
    );
    const r = await cli(['plan', '--variants', 'cuda12.8,cpu'], ON_RUNNER);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/\(variants\[1\] cpu\)/);
    expect(r.err).not.toMatch(/\(variants\[0\] cpu\)/);
  });

  it("a name given twice in --variants is the flag's problem, not the file's", async () => {
    put('Dockerfile', 'FROM scratch\n');
    put(
      'ml-image.yml',
      'image:\n  name: my-org/model\nplatforms: [linux/amd64]\nvariants:\n  - cpu\n  - name: x\n    cuda: "12.8"\n',
    );
    const r = await cli(['validate', '--variants', 'x,x'], ON_RUNNER);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(
      '  - variants[1]: duplicate variant name "x" (also variants[0]) (from flag --variants)',
    );
  });

  it('fileVariantIndex and variantsAsInFile', () => {
    const data = { variants: ['cpu', 'cuda12.8', { name: 'old', cuda: '11.8' }] };
    const index = fileVariantIndex(data, [{ path: ['variants'], value: ['old', 'cuda12.9', 'cpu'] }]);
    expect(index).toEqual([2, undefined, 0]);
    expect(fileVariantIndex(data, [])).toBeUndefined();
    expect(variantsAsInFile('variants[0] (old): x; (variants[2] cpu) y', ['cpu', 'cuda12.8', 'old'])).toBe(
      'variants[2] (old): x; (variants[0] cpu) y',
    );
    expect(variantsAsInFile('variants[1] (cuda12.9): x', ['cpu', 'cuda12.8', 'old'])).toBe(
      'variants[1] (cuda12.9): x',
    );
    expect(pathInFile(['variants', 0, 'cuda'], index)).toEqual(['variants', 2, 'cuda']);
    expect(pathInFile(['variants', 1], index)).toBeUndefined();
    expect(pathInFile(['image', 'name'], index)).toEqual(['image', 'name']);
  });
});

describe('a requirements file the config names that cannot be read: the config file, line and field', () => {
  const ws = () => at('ws');
  const runner = () => ({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ws(), GITHUB_SHA: 'a'.repeat(40) });
  it.each<[string, string, () => void, boolean, RegExp]>([
    [
      'too big',
      'big.txt',
      () => put('ws/big.txt', Buffer.alloc(MAX_REQUIREMENTS_BYTES + 1, 0x61)),
      false,
      /^ {2}- line 8: python\.requirements\[1\]: requirements file \S+\/ws\/big\.txt is 5\.0 MB, over the 5 MB limit$/m,
    ],
    [
      'outside the workspace on a runner',
      '../outside/req.txt',
      () => put('outside/req.txt', 'numpy\n'),
      true,
      /^ {2}- line 8: python\.requirements\[1\]: requirements file \S+\/outside\/req\.txt is outside the workspace \S+\/ws$/m,
    ],
    [
      'not text pip can decode',
      'latin1.txt',
      () => put('ws/latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])),
      false,
      /^ {2}- line 8: python\.requirements\[1\]: requirements file \S+\/ws\/latin1\.txt /m,
    ],
  ])(
    '%s: validate and run exit 2 naming ml-image.yml, the line and the field',
    async (_what, file, make, onRunner, problem) => {
      const env = onRunner ? runner() : {};
      put('ws/Dockerfile', 'FROM scratch\n');
      put('ws/ok.txt', 'numpy\n');
      // python.requirements[1] is on line 8 (GOOD is 4 lines).
      put('ws/ml-image.yml', `${GOOD}python:\n  requirements:\n    - ok.txt\n    - ${file}\n`);
      make();
      for (const argv of [
        ['validate'],
        ['run', '--stages', 'plan,build,smoke', '--load', '--out', at('o')],
      ]) {
        const r = await cli(argv, env, ws());
        expect(r.code, `${argv[0]}: ${r.err}`).toBe(2);
        expect(r.err, argv[0]).toMatch(/^error: ml-image\.yml: 1 problem$/m);
        expect(r.err, argv[0]).toMatch(problem);
        const json = await cli([...argv, '--json'], env, ws());
        expect(json.code).toBe(2);
        const { error } = JSON.parse(json.out) as {
          error: { message: string; problems: string[]; fix?: string };
        };
        expect(error.message).toBe('ml-image.yml: 1 problem');
        expect(`  - ${error.problems[0]}`).toMatch(problem);
        expect(error.fix).toBeDefined();
      }
    },
  );
});
