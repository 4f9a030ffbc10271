// Bad input files and values refused at the door (exit 2, naming the file, field or value), never a
// read that blocks, an "internal error" or a network failure first: a FIFO or device given as a
// JSON input, a record with sizes the report cannot write, an event with no date, a --pr that is
// not digits, a verify key or identity pattern that is none. FIFOs cannot be made without a
// process (mkfifo), so the file-type check is shown on a directory and on character devices
// (/dev/null, /dev/zero: fstat tells what they are without reading them).
import { generateKeyPairSync } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/action/verify.js';
import type { VerifyIdentity } from '../../src/attest/cosign-args.js';
import { verifyDeps } from '../../src/attest/signers.js';
import { checkPublicKeyFile, publicKeyProblem, regexpProblem } from '../../src/attest/verify-inputs.js';
import { runCli } from '../../src/cli/main.js';
import { readEnvRecord } from '../../src/diff/read.js';
import { InputError } from '../../src/errors.js';
import { jsonNestedDeeperThan, MAX_JSON_DEPTH, readJsonFile } from '../../src/util/json-file.js';
import {
  MAX_JSON_INPUT_BYTES,
  readRegularFile,
  readRegularTail,
  UnreadableFileError,
} from '../../src/util/read-regular.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { asV1, makeRecord, pipEntry } from '../helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-bad-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (rel: string) => path.join(dir, rel);
function put(rel: string, content: unknown): string {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  writeFileSync(at(rel), typeof content === 'string' ? content : JSON.stringify(content));
  return at(rel);
}
function link(rel: string, target: string): void {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  symlinkSync(target, at(rel));
}

const GOOD = 'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n';
/** On a runner: the commit comes from GitHub's environment, not from running git (no processes). */
const ON_RUNNER = { GITHUB_ACTIONS: 'true', GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/heads/main' };
const DIGEST = `sha256:${'a'.repeat(64)}`;

/** runCli with a Docker adapter that rejects every call, on a runner's environment. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  const io = captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: at('.cache'), ...ON_RUNNER, ...env });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('readRegularTail: the end of a regular file of any size, else why not', () => {
  it.each([
    ['a file within the limit: all of it', '0123456789', 20, '0123456789', 0],
    ['a file over the limit: its last bytes and where they start', '0123456789', 4, '6789', 6],
    ['an empty file', '', 4, '', 0],
  ])('%s', (_n, content, limit, bytes, from) => {
    const r = readRegularTail(put('t.log', content), limit);
    expect([r.bytes.toString('utf8'), r.from]).toEqual([bytes, from]);
  });

  it.each<[string, () => string, RegExp]>([
    ['a directory', () => (mkdirSync(at('d')), at('d')), /^is a directory, not a regular file$/],
    ['/dev/zero, never read', () => '/dev/zero', /^is a character device/],
    ['a missing file', () => at('missing.log'), /^ENOENT$/],
  ])('refuses %s', (_n, make, reason) => {
    let err: unknown;
    try {
      readRegularTail(make(), 1024);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnreadableFileError);
    expect((err as UnreadableFileError).reason).toMatch(reason);
  });
});

describe('readRegularFile: a regular file of at most the limit, else why not', () => {
  it.each<[string, () => string, number, RegExp]>([
    ['a directory', () => (mkdirSync(at('d')), at('d')), 100, /^is a directory, not a regular file$/],
    ['/dev/null (a character device)', () => '/dev/null', 100, /^is a character device, not a regular file$/],
    ['/dev/zero, never read', () => '/dev/zero', MAX_JSON_INPUT_BYTES, /^is a character device/],
    ['a link to /dev/zero', () => (link('z.json', '/dev/zero'), at('z.json')), 100, /^is a character device/],
    [
      'one byte over the limit',
      () => put('big.json', '12345678901'),
      10,
      /^is 11 bytes, over the 10 bytes limit$/,
    ],
    ['a missing file', () => at('missing.json'), 100, /^ENOENT$/],
    [
      '/proc/self/status (no size, made as it is read)',
      () => '/proc/self/status',
      MAX_JSON_INPUT_BYTES,
      /^reports no size yet has content \(a \/proc or \/sys file\), not a file on disk: copy it to one$/,
    ],
  ])('%s is refused', (_name, make, limit, reason) => {
    const file = make();
    let err: unknown;
    try {
      readRegularFile(file, limit);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnreadableFileError);
    expect((err as UnreadableFileError).reason).toMatch(reason);
  });

  it('a file at the limit is read whole; the limits are said in MiB', () => {
    expect(readRegularFile(put('ok.json', '1234567890'), 10).toString()).toBe('1234567890');
    expect(() => readRegularFile(put('b.json', 'x'.repeat(1024 * 1024 + 1)), 1024 * 1024)).toThrow(
      /^is 1\.0 MiB, over the 1 MiB limit$/,
    );
    expect(MAX_JSON_INPUT_BYTES).toBe(256 * 1024 * 1024);
  });

  it('readJsonFile: exit 2 naming the file and its role; missing files keep their message', () => {
    const read = (file: string, maxBytes?: number) => () =>
      readJsonFile(file, { what: 'environment record', ...(maxBytes !== undefined && { maxBytes }) });
    expect(read('/dev/zero')).toThrow(InputError);
    expect(read('/dev/zero')).toThrow(
      /^\/dev\/zero \(the environment record\) is a character device, not a regular file$/,
    );
    expect(read(put('r.json', '{"a": 1}'), 5)).toThrow(/r\.json \(the environment record\) is 8 bytes, over/);
    expect(read(at('none.json'))).toThrow(
      /none\.json: cannot read the environment record: no such file \(ENOENT\)$/,
    );
    expect(read(put('ok.json', '{"a": 1}'))()).toEqual({ a: 1 });
  });
});

describe('JSON inputs of every command: a device or directory is exit 2 at once', () => {
  it.each<[string, () => string[], RegExp]>([
    [
      'sbom --record /dev/zero',
      () => ['sbom', '--record', '/dev/zero'],
      /\/dev\/zero \(the environment record\) is a character device, not a regular file/,
    ],
    [
      'sbom --record DIR',
      () => (mkdirSync(at('d')), ['sbom', '--record', 'd']),
      /d \(the environment record\) is a directory, not a regular file/,
    ],
    [
      'report --results: a record that is a link to /dev/zero',
      () => (
        put('ml-image.yml', GOOD),
        link('r/env-cpu-amd64.json', '/dev/zero'),
        ['report', '--results', 'r']
      ),
      /env-cpu-amd64\.json is a character device, not a regular file/,
    ],
    [
      'export --from: build.json a link to /dev/null',
      () => (link('b/build.json', '/dev/null'), ['export', '--slurm', '--from', 'b', '--out', 'o']),
      /build\.json \(the build result \(--from\)\) is a character device/,
    ],
    [
      'devcontainer --from: build.json a directory',
      () => (mkdirSync(at('b/build.json'), { recursive: true }), ['devcontainer', '--from', 'b']),
      /build\.json \(the build result \(--from\)\) is a directory, not a regular file/,
    ],
  ])('%s', async (_name, argv, message) => {
    const r = await cli(argv());
    expect(r.err).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('internal error');
  });

  it('--json prints the same refusal as the JSON error', async () => {
    const r = await cli(['sbom', '--record', '/dev/zero', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({
      exitCode: 2,
      message: '/dev/zero (the environment record) is a character device, not a regular file',
    });
  });
});

describe('JSON nested too deep: bad input naming the file, not a stack overflow', () => {
  it.each<[string, boolean]>([
    ['{"a": [[1]]}', false],
    ['"[[[[[[[[[["', false],
    ['["\\"[[[[["]', false],
    ['[[[[[1]]]]]', true],
    ['{"a":{"b":{"c":{"d":{"e":{}}}}}}', true],
  ])('jsonNestedDeeperThan(%s, 4) is %s', (text, deeper) => {
    expect(jsonNestedDeeperThan(text, 4)).toBe(deeper);
  });

  it('sbom --record with a 5000-deep array in collectEnv is exit 2 naming the file (--json: one object)', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const text = JSON.stringify({ ...makeRecord(), collectEnv: { X: 0 } }).replace(
      '{"X":0}',
      `{"X":${deep}}`,
    );
    put('recdeep.json', text);
    const r = await cli(['sbom', '--record', 'recdeep.json', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.message).toBe(
      `${at('recdeep.json')}: JSON nested deeper than ${MAX_JSON_DEPTH} levels; not a file ml-image wrote`,
    );
    expect(r.err).not.toMatch(/internal error|call stack/);
  });
});

describe('a byte order mark before a JSON file is named (finding: "unexpected character at line 1, column 1")', () => {
  it('sbom --record of a record saved with a BOM: exit 2 naming the mark and the fix', async () => {
    put('recbom.json', `\uFEFF${JSON.stringify(makeRecord())}`);
    const r = await cli(['sbom', '--record', 'recbom.json', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.message).toBe(
      `${at('recbom.json')}: not JSON: a byte order mark (U+FEFF) at its start, which JSON files may not have: save it as UTF-8 without one`,
    );
  });

  it('a BOM later in the text is an unexpected character where it stands', () => {
    put('late.json', '{"a":\n \uFEFF1}');
    expect(() => readJsonFile(at('late.json'), { what: 'x' })).toThrow(
      'not JSON: unexpected character at line 2, column 2',
    );
  });
});

describe('baseline directories: checked before any stage (never a loop on /proc or an internal error)', () => {
  it.each<[string, () => string[], Record<string, string>, RegExp]>([
    [
      'run --baseline /proc/self',
      () => ['run', '--stages', 'report', '--baseline', '/proc/self', '--out', 'o'],
      {},
      /--baseline \/proc\/self: \/proc\/self is on a pseudo filesystem/,
    ],
    [
      'run --baseline FILE',
      () => (put('afile', 'x'), ['run', '--stages', 'report', '--baseline', 'afile', '--out', 'o']),
      {},
      /--baseline afile: .*afile exists and is not a directory/,
    ],
    [
      'run with ML_IMAGE_CACHE_DIR=/dev/zero',
      () => ['run', '--stages', 'report', '--out', 'o'],
      { ML_IMAGE_CACHE_DIR: '/dev/zero' },
      /the baseline directory \(ML_IMAGE_CACHE_DIR, default ~\/\.cache\/ml-image\): .*pseudo filesystem/,
    ],
    [
      'report --baseline /dev/zero',
      () => (mkdirSync(at('r')), ['report', '--results', 'r', '--baseline', '/dev/zero']),
      {},
      /--baseline \/dev\/zero: \/dev\/zero is on a pseudo filesystem/,
    ],
    // A miswritten none, no directory yet, was read as a directory: the baseline was kept, saved in
    // ./None, without a word (the action's baseline input refused it already).
    ...['None', 'NONE', 'nnoe'].map((word): [string, () => string[], Record<string, string>, RegExp] => [
      `run --baseline ${word}`,
      () => ['run', '--stages', 'report', '--baseline', word, '--out', 'o'],
      {},
      new RegExp(
        `run: --baseline "${word}" is not none \\(lower case\\) and no directory: did you mean none\\?`,
      ),
    ]),
  ])('%s: exit 2 naming it', async (_name, argv, env, message) => {
    put('ml-image.yml', GOOD);
    const r = await cli(argv(), env);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('internal error');
    // No stage ran: no report was written.
    expect(() => readFileSync(at('o/report.md'))).toThrow();
  });
});

describe('run --baseline near none, as a path or a directory that is there: taken as a directory', () => {
  it.each<[string, () => void]>([
    ['./None', () => undefined],
    ['None', () => mkdirSync(at('None'))],
  ])('%s', async (flag, setup) => {
    put('ml-image.yml', GOOD);
    setup();
    const r = await cli(['run', '--stages', 'plan', '--baseline', flag, '--out', 'o']);
    expect(r.err).not.toMatch(/did you mean none/);
    expect(r.code).toBe(0);
  });
});

describe('records: sizes and counts the report could not write are refused when read', () => {
  const record = () => JSON.parse(JSON.stringify(makeRecord())) as ReturnType<typeof makeRecord>;
  it.each<[string, (r: ReturnType<typeof makeRecord>) => void, string]>([
    ['a negative image size', (r) => (r.image.sizeBytes = -1), 'image.sizeBytes'],
    ['a fractional layer count', (r) => (r.image.layers = 1.5), 'image.layers'],
    ['a negative layer count', (r) => (r.image.layers = -3), 'image.layers'],
    ['an image size past 2^53', (r) => (r.image.sizeBytes = 1e300), 'image.sizeBytes'],
    [
      'a package size near the largest number',
      (r) => (r.python.packages = [{ ...pipEntry('a', '1'), sizeBytes: 1.7e308 }]),
      'python.packages[0].sizeBytes',
    ],
    [
      'a negative apt size',
      (r) => (r.apt = [{ name: 'a', version: '1', arch: 'amd64', sizeBytes: -1 }]),
      'apt[0].sizeBytes',
    ],
    [
      'a negative layer in the history',
      (r) => (r.image.history = [{ createdBy: 'RUN x', sizeBytes: -5 }]),
      'image.history[0].sizeBytes',
    ],
  ])('%s: exit 2 naming the file and the field', (_name, edit, field) => {
    const r = record();
    edit(r);
    expect(() => readEnvRecord(r, 'env-cpu-amd64.json')).toThrow(InputError);
    expect(() => readEnvRecord(r, 'env-cpu-amd64.json')).toThrow(
      new RegExp(
        `^env-cpu-amd64\\.json: not a valid environment record[\\s\\S]*${field.replace(/[.[\]^]/g, '\\$&')}:`,
      ),
    );
    // A v1 record (migrated on reading) is held to the same.
    expect(() => readEnvRecord(asV1(r), 'old.json')).toThrow(
      new RegExp(`^old\\.json: not a valid environment record[\\s\\S]*${field.replace(/[.[\]^]/g, '\\$&')}:`),
    );
  });

  it('records the tool writes read: the factory, the H200 capture, zero sizes and whole counts', () => {
    const h200 = JSON.parse(
      readFileSync(path.join(REPO_ROOT, '__tests__/fixtures/h200/record.json'), 'utf8'),
    );
    expect(readEnvRecord(h200, 'h200.json').image.layers).toBe(h200.image.layers);
    expect(readEnvRecord(makeRecord({ sizeBytes: 0, layers: 0 }), 'zero.json').image.sizeBytes).toBe(0);
    expect(
      readEnvRecord(asV1(makeRecord({ sizeBytes: 7_500_000_000, layers: 40 })), 'v1.json').image,
    ).toMatchObject({
      sizeBytes: 7_500_000_000,
      layers: 40,
    });
  });

  it('ml-image report: a negative size is exit 2 naming the record and the field, not an internal error', async () => {
    put('ml-image.yml', GOOD);
    const bad = record();
    bad.image.sizeBytes = -1;
    put('r/env-cpu-amd64.json', bad);
    const r = await cli(['report', '--results', 'r']);
    expect(r.err).toMatch(/env-cpu-amd64\.json: not a valid environment record[\s\S]*image\.sizeBytes:/);
    expect(r.err).not.toContain('internal error');
    expect(r.code).toBe(2);
  });

  it.each(['sbom', 'diff'])('ml-image %s --out DIR: the message names --out as given', async (cmd) => {
    put('rec.json', record());
    mkdirSync(at('adir'));
    const argv = cmd === 'sbom' ? ['sbom', '--record', 'rec.json'] : ['diff', 'rec.json', 'rec.json'];
    const r = await cli([...argv, '--out', 'adir']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out adir: \S*adir is a directory/);
  });

  // A byte that is not UTF-8 became U+FFFD without a word: the SBOM listed pkg:pypi/nump%EF%BF%BD.
  it.each([
    ['sbom', ['sbom', '--record', 'rec.json', '--out', 'o']],
    ['diff', ['diff', 'rec.json', 'rec.json']],
    ['report', ['report', '--results', 'r']],
  ])(
    'ml-image %s: a record holding a byte that is not UTF-8 is exit 2 naming its line and column',
    async (_n, argv) => {
      put('ml-image.yml', GOOD);
      const text = JSON.stringify(makeRecord({ pip: { numpy: '1.26.4' } }), null, 1).replace(
        '"numpy"',
        '"nump\uFFFF"',
      );
      const bytes = Buffer.from(text, 'utf8');
      const i = bytes.indexOf(Buffer.from('\uFFFF', 'utf8'));
      const latin1 = Buffer.concat([bytes.subarray(0, i), Buffer.from([0xff]), bytes.subarray(i + 3)]);
      for (const file of ['rec.json', 'r/env-cpu-amd64.json']) {
        put(file, '');
        writeFileSync(at(file), latin1);
      }
      const line = text.slice(0, text.indexOf('\uFFFF')).split('\n').length;
      const r = await cli(argv);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(new RegExp(`: line ${line}, column \\d+: byte 0xff is not UTF-8`));
      expect(existsSync(at('o'))).toBe(false);
    },
  );

  it('ml-image diff with an empty file name: exit 2 saying so (it read the current directory)', async () => {
    put('rec.json', record());
    const r = await cli(['diff', '', 'rec.json']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('error: diff: a file name is empty');
  });

  it('ml-image capture --torch-runtime --no-torch: give one (exit 2, before the engine is asked)', async () => {
    const r = await cli(['capture', '--image', `x@${DIGEST}`, '--torch-runtime', '--no-torch', '--out', 'o']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--torch-runtime and --no-torch: give one/);
  });

  it('ml-image report --results FILE: the fix names --results, not --out', async () => {
    put('ml-image.yml', GOOD);
    put('afile', 'x');
    const r = await cli(['report', '--results', 'afile']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--results DIR/);
    expect(r.err).not.toMatch(/--out DIR/);
  });

  it('ml-image report: a resolution of another shape is exit 2 naming it and the field', async () => {
    put('ml-image.yml', GOOD);
    put('r/env-cpu-amd64.json', makeRecord());
    put('r/resolution-cpu-linux-amd64.json', { status: 'fixed' });
    const r = await cli(['report', '--results', 'r']);
    expect(r.err).toMatch(/resolution-cpu-linux-amd64\.json: not a resolution: schemaVersion: /);
    expect(r.code).toBe(2);
  });
});

describe('report --pr: digits only', () => {
  it.each(['1e3', '0x10', '1.0', '+5', '-1', '0', '007', ' 12', '12abc', '99999999999999999999'])(
    '--pr %j is exit 2 naming the value',
    async (pr) => {
      put('ml-image.yml', GOOD);
      const r = await cli(['report', '--results', 'r', `--pr=${pr}`, '--repo', 'acme/model']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(
        `report: --pr: expected a pull request number (digits, like 42), got ${JSON.stringify(pr)}`,
      );
    },
  );

  it('a plain number passes the check (and reaches the next one: the token)', async () => {
    put('ml-image.yml', GOOD);
    const r = await cli(['report', '--results', 'r', '--pr', '42', '--repo', 'acme/model']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('report: posting needs a token in GITHUB_TOKEN');
  });
});

describe('report --api-url: where the token goes, checked before anything is asked', () => {
  it.each<[string, RegExp]>([
    ['', /report: --api-url is empty/],
    ['notaurl', /report: --api-url: not a URL \(got "notaurl"\)/],
    ['ftp://ghe.example/api/v3', /report: --api-url: the token goes with every request: https only/],
    ['http://ghe.example/api/v3', /report: --api-url: the token goes with every request: https only/],
    [
      'https://u:S3CRETpw@ghe.example/api/v3',
      /report: --api-url: it holds a login.*\(got "https:\/\/\*\*\*@ghe\.example\/api\/v3"\)/,
    ],
    [
      'u:S3CRETpw@ghe.example',
      /report: --api-url: the token goes with every request: https only .*\(got "\*\*\*@ghe\.example"\)/,
    ],
  ])('--api-url %j is exit 2 naming it, its login never shown', async (url, message) => {
    put('ml-image.yml', GOOD);
    const r = await cli(
      ['report', '--results', 'r', '--pr', '42', '--repo', 'acme/model', `--api-url=${url}`],
      {
        GITHUB_TOKEN: 'ghs_abcdefghijklmnopqrstuvwxyz0123456789',
      },
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain('S3CRETpw');
  });

  it.each(['https://ghe.example/api/v3', 'http://127.0.0.1:8080', 'http://localhost:3000/api'])(
    '--api-url %j passes the check (and reaches the next one)',
    async (url) => {
      put('ml-image.yml', GOOD);
      const r = await cli([
        'report',
        '--results',
        'r',
        '--pr',
        '42',
        '--repo',
        'acme/model',
        '--api-url',
        url,
      ]);
      expect(r.err).not.toContain('--api-url');
      expect(r.err).toContain('report: posting needs a token in GITHUB_TOKEN');
    },
  );
});

describe('report: GITHUB_API_URL is checked as --api-url is, the token going to it alike', () => {
  const TOKEN = 'ghs_abcdefghijklmnopqrstuvwxyz0123456789';
  it.each<[string, RegExp]>([
    [
      'http://api.example.invalid',
      /report: GITHUB_API_URL \(environment\): the token goes with every request: https only/,
    ],
    ['https://u:S3CRETpw@ghe.example/api/v3', /report: GITHUB_API_URL \(environment\): it holds a login/],
    ['notaurl', /report: GITHUB_API_URL \(environment\): not a URL/],
  ])('GITHUB_API_URL=%j with --pr is exit 2 before any request', async (url, message) => {
    put('ml-image.yml', GOOD);
    const r = await cli(['report', '--results', 'r', '--pr', '42', '--repo', 'acme/model'], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: url,
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('unset GITHUB_API_URL');
    expect(r.err).not.toContain('S3CRETpw');
  });

  it('--api-url wins over a bad GITHUB_API_URL; a blank GITHUB_API_URL is unset', async () => {
    put('ml-image.yml', GOOD);
    for (const [env, extra] of [
      [{ GITHUB_API_URL: 'http://api.example.invalid' }, ['--api-url', 'https://ghe.example/api/v3']],
      [{ GITHUB_API_URL: ' ' }, []],
    ] as const) {
      const r = await cli(['report', '--results', 'r', '--pr', '42', '--repo', 'acme/model', ...extra], env);
      expect(r.err).not.toMatch(/GITHUB_API_URL \(environment\)|--api-url:/);
      expect(r.err).toContain('report: posting needs a token in GITHUB_TOKEN');
    }
  });

  it('without --pr, GITHUB_API_URL is not asked for and not checked', async () => {
    put('ml-image.yml', GOOD);
    const r = await cli(['report', '--results', 'r'], { GITHUB_API_URL: 'http://api.example.invalid' });
    expect(r.err).not.toContain('GITHUB_API_URL');
  });
});

describe('a login without a scheme in a refused value is never printed', () => {
  it.each<[string, () => string[]]>([
    [
      'image.registry',
      () => (
        put(
          'ml-image.yml',
          `${GOOD}`.replace('  name: my-org/model', '  name: my-org/model\n  registry: u:S3CRETpw@r.example'),
        ),
        ['validate']
      ),
    ],
    ['capture --image', () => ['capture', '--image', 'u:S3CRETpw@r.example/x', '--out', 'o']],
    ['doctor --registry', () => ['doctor', '--registry', 'u:S3CRETpw@r.invalid']],
    ['plan --variants', () => (put('ml-image.yml', GOOD), ['plan', '--variants', 'u:S3CRETpw@x'])],
  ])('%s: exit 2, masked in the message and in --json', async (_what, argv) => {
    const args = argv();
    const text = await cli(args);
    expect(text.code).toBe(2);
    expect(text.err).toContain('***@');
    expect(text.err).not.toContain('S3CRETpw');
    const json = await cli([...args, '--json']);
    expect(json.code).toBe(2);
    expect(json.out).not.toContain('S3CRETpw');
  });
});

describe('doctor: its flags are checked before any check asks the engine', () => {
  it.each<[string[], RegExp]>([
    [
      ['--platforms', 'linux/zz'],
      /doctor: --platforms: expected one of linux\/amd64, linux\/arm64, got "linux\/zz"/,
    ],
    [['--platforms', ' , '], /doctor: --platforms: expected a list like linux\/amd64,linux\/arm64, got none/],
    [
      ['--platforms', 'linux/amd64, linux/amd64,linux/arm64'],
      /doctor: --platforms: duplicate platform\(s\) "linux\/amd64": give each once$/m,
    ],
    [['--registry', 'r.example:99999'], /doctor: --registry: expected HOST\[:PORT\]/],
    [['--registry', 'r.example/Acme'], /doctor: --registry: "Acme" is not a repository name/],
  ])('doctor %j: exit 2 (the fake engine answers no call)', async (flags, message) => {
    const r = await cli(['doctor', ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain('internal error');
  });
});

describe('plan on a runner: an event timestamp that is no date is left out', () => {
  const created = (out: string) =>
    (JSON.parse(out) as { variants: { labels: Record<string, string> }[] }).variants[0]!.labels[
      'org.opencontainers.image.created'
    ];
  it.each([
    ['a date: the commit time', '2026-01-02T03:04:05Z', '2026-01-02T03:04:05.000Z'],
    ['not a date: as if absent (the build time)', 'not a date', undefined],
    ['empty: as if absent', '', undefined],
  ])('%s', async (_name, timestamp, want) => {
    put('ml-image.yml', GOOD);
    const event = put('ev.json', { head_commit: { timestamp } });
    const before = Date.now();
    const r = await cli(['plan', '--json'], { GITHUB_EVENT_PATH: event });
    expect(r.err).not.toContain('Invalid time value');
    expect(r.code).toBe(0);
    if (want !== undefined) expect(created(r.out)).toBe(want);
    else expect(Date.parse(created(r.out)!)).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('verify: the key file and the identity pattern are checked before any registry', () => {
  const INDEX = `localhost:5000/acme/model@${DIGEST}`;
  const FIXTURE_PUB = path.join(REPO_ROOT, '__tests__/fixtures/cosign/fixture.pub');
  const pem = (type: 'ec' | 'rsa' | 'ed25519', format: 'spki' | 'pkcs1' = 'spki') =>
    (type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-384' })
      : type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 1024 })
        : generateKeyPairSync('ed25519')
    ).publicKey
      .export({ type: format, format: 'pem' })
      .toString();

  it.each<[string, () => string, RegExp]>([
    [
      'a missing file',
      () => '/nonexistent.pub',
      /^error: verify: --key \/nonexistent\.pub: cannot read it: no such file \(ENOENT\)$/m,
    ],
    ['garbage', () => put('k.pub', 'not a key at all\n'), /k\.pub: not a PEM public key/],
    [
      'the private key',
      () => path.join(REPO_ROOT, '__tests__/fixtures/cosign/fixture.key'),
      /fixture\.key: a private key \(PEM "ENCRYPTED SIGSTORE PRIVATE KEY"\)/,
    ],
    [
      'a certificate block',
      () => put('c.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      /c\.pem: a PEM "CERTIFICATE", not a public key/,
    ],
    [
      'a PUBLIC KEY block of garbage',
      () => put('g.pub', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'),
      /g\.pub: not a valid public key \(/,
    ],
    ['a directory', () => (mkdirSync(at('keys')), at('keys')), /keys is a directory, not a regular file/],
    [
      '/dev/zero',
      () => '/dev/zero',
      /^error: verify: --key \/dev\/zero is a character device, not a regular file$/m,
    ],
    [
      'a path under a file (afile/x)',
      () => (writeFileSync(at('afile'), 'x'), at('afile/x')),
      /afile\/x: a path component is not a directory \(ENOTDIR\)/,
    ],
    [
      'a link loop',
      () => (symlinkSync('loop', at('loop')), at('loop')),
      /loop: too many symbolic links .*\(ELOOP\)/,
    ],
  ])(
    'ml-image verify --key: %s is exit 2 naming the flag and the file, the registry never asked',
    async (_name, key, message) => {
      // No signer given: the real one, whose registry client would be the first to go out.
      const file = key();
      const r = await cli(['verify', INDEX, '--key', file]);
      expect(r.err.startsWith(`error: verify: --key ${file}`)).toBe(true);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/unreachable|unexpected call/);
      expect(r.code).toBe(2);
    },
  );

  it('export --verify and the verify sub-action check the key the same way', async () => {
    const exported = await cli([
      'export',
      '--slurm',
      '--image',
      INDEX,
      '--verify',
      '--key',
      '/nonexistent.pub',
      '--out',
      'o',
    ]);
    expect(exported.err).toContain(
      'error: export: --key /nonexistent.pub: cannot read it: no such file (ENOENT)',
    );
    expect(exported.code).toBe(2);
    const inputs: Record<string, string> = { image: INDEX, key: 'missing.pub' };
    const asked: string[] = [];
    const run = runVerify({
      getInput: (n) => inputs[n] ?? '',
      setOutput: (n) => asked.push(`output ${n}`),
      info: () => undefined,
      cwd: dir,
      env: {},
      docker: () => (asked.push('docker'), fakeDocker()),
    });
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(
      `input "key": ${at('missing.pub')}: cannot read it: no such file (ENOENT)`,
    );
    expect(asked).toEqual([]);
  });

  // The sub-action's errors name its input key (never the CLI's --key), the path resolved in the
  // workspace; a key reference's secret is masked in both.
  it.each<[string, () => { key: string; shown: string }]>([
    [
      'a directory',
      () => (
        mkdirSync(at('keys')),
        { key: at('keys'), shown: `${at('keys')} is a directory, not a regular file` }
      ),
    ],
    ['garbage', () => ({ key: put('k.pub', 'not a key\n'), shown: `${at('k.pub')}: not a PEM public key` })],
    [
      'a key URL holding a login',
      () => ({
        key: 'https://ci:Zq9xLmP2wR7tKv4s@keys.example/cosign.pub',
        shown: 'https://ci:***@keys.example/cosign.pub: the key reference holds a secret',
      }),
    ],
  ])('%s: ml-image verify names --key, the verify sub-action its input "key"', async (_name, given) => {
    const { key, shown } = given();
    const r = await cli(['verify', INDEX, '--key', key]);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(`error: verify: --key ${shown}`)).toBe(true);
    const inputs: Record<string, string> = { image: INDEX, key };
    const err = await runVerify({
      getInput: (n) => inputs[n] ?? '',
      setOutput: () => undefined,
      info: () => undefined,
      cwd: dir,
      env: {},
      docker: () => fakeDocker(),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message.startsWith(`input "key": ${shown}`)).toBe(true);
    expect(`${r.err}${(err as InputError).message}`).not.toContain('Zq9xLmP2wR7tKv4s');
  });

  it.each<[string, () => string]>([
    ["cosign's P-256 public key", () => FIXTURE_PUB],
    ['a P-384 key', () => put('p384.pub', pem('ec'))],
    ['an RSA key (PKIX)', () => put('rsa.pub', pem('rsa'))],
    ['an RSA key (PKCS #1)', () => put('rsa1.pub', pem('rsa', 'pkcs1'))],
    ['an Ed25519 key', () => put('ed.pub', pem('ed25519'))],
    ['text before the block', () => put('t.pub', `cosign.pub\n${readFileSync(FIXTURE_PUB, 'utf8')}`)],
    [
      'blanks at the ends of its lines (pasted; Go reads it)',
      () => put('blank.pub', readFileSync(FIXTURE_PUB, 'utf8').replace(/\n/g, ' \t\n')),
    ],
  ])('a public key that is fine passes: %s', (_name, file) => {
    const f = file();
    expect(publicKeyProblem(readFileSync(f, 'utf8'))).toBeUndefined();
    expect(() => checkPublicKeyFile({ kind: 'key', publicKey: f })).not.toThrow();
  });

  it('a key that can be read once only (a pipe, a socket: `--key <(vault read ...)`) is left to cosign, not read here', async () => {
    // A socket stands in for a pipe: both are read once; no process can be started here for mkfifo.
    const sock = at('key.sock');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      expect(() => checkPublicKeyFile({ kind: 'key', publicKey: sock })).not.toThrow();
      // A directory is still refused, naming it.
      expect(() => checkPublicKeyFile({ kind: 'key', publicKey: dir })).toThrow(InputError);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each([
    ['a file where a directory should be', 'afile/x', 'a path component is not a directory (ENOTDIR)'],
    ['a link loop', 'loop', 'too many symbolic links (a link loop) (ELOOP)'],
    ['a name too long', 'n'.repeat(300), 'name too long (ENAMETOOLONG)'],
  ])(
    'a key path that cannot be looked at is bad input naming it, not an internal error: %s',
    (_n, name, why) => {
      writeFileSync(at('afile'), 'x');
      symlinkSync('loop', at('loop'));
      const f = at(name);
      expect(() => checkPublicKeyFile({ kind: 'key', publicKey: f })).toThrow(InputError);
      expect(() => checkPublicKeyFile({ kind: 'key', publicKey: f })).toThrow(`public key ${f}: ${why}`);
    },
  );

  it('a fine key goes on to the signers as before (the built-in verifier reads the registry itself)', () => {
    let asked = 0;
    const deps = verifyDeps({}, INDEX, { kind: 'key', publicKey: FIXTURE_PUB }, false, {
      docker: () => (asked++, fakeDocker()),
    });
    // A P-256 key and a loopback registry: the built-in verifier, reading the index over HTTP.
    expect(asked).toBe(0);
    expect(typeof deps.docker.imagetoolsInspect).toBe('function');
  });

  it.each<[string, VerifyIdentity]>([
    ['a KMS URI', { kind: 'key', publicKey: 'awskms:///alias/cosign' }],
    ['a Kubernetes secret', { kind: 'key', publicKey: 'k8s://ns/cosign' }],
    ['a PKCS #11 token', { kind: 'key', publicKey: 'pkcs11:token=t;object=o' }],
    [
      'a PKCS #11 token, its PIN from a file',
      { kind: 'key', publicKey: 'pkcs11:token=t;object=o?pin-source=/run/pin' },
    ],
    ['a local KMS with a port', { kind: 'key', publicKey: 'awskms://localhost:4566/alias/cosign' }],
    ['Vault', { kind: 'key', publicKey: 'hashivault://cosign' }],
    ['Google KMS', { kind: 'key', publicKey: 'gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k' }],
    ['Azure Key Vault', { kind: 'key', publicKey: 'azurekms://name.vault.azure.net/key' }],
    ['a key in the environment', { kind: 'key', publicKey: 'env://COSIGN_PUBLIC_KEY' }],
    ['a key on a web server', { kind: 'key', publicKey: 'https://keys.example/cosign.pub' }],
    ['keyless', { kind: 'keyless', certificateIdentityRegexp: '^x', certificateOidcIssuer: 'https://i' }],
  ])('%s is left to cosign (nothing read)', (_name, identity) => {
    expect(() => checkPublicKeyFile(identity)).not.toThrow();
  });

  // Finding: a key URL with a login went to cosign's command line, which any process may read.
  it.each([
    'https://u:Zq9xLmP2wR7tKv4s@keys.example/cosign.pub',
    'https://Zq9xLmP2wR7tKv4sAbCdEf@keys.example/cosign.pub',
    'https://keys.example/cosign.pub?token=Zq9xLmP2wR7tKv4s',
    'pkcs11:token=t;object=o?module-path=/usr/lib/p11.so&pin-value=Zq9xLmP2wR7tKv4s',
    'pkcs11:pin-value=Zq9xLmP2wR7tKv4s;token=t',
  ])('a key reference holding a secret (%s) is exit 2, the secret not shown', async (key) => {
    expect(() => checkPublicKeyFile({ kind: 'key', publicKey: key })).toThrow(InputError);
    const r = await cli(['verify', INDEX, '--key', key]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds (a secret|the token's PIN) .*cosign would take on its command line/);
    expect(r.err).toMatch(/env:\/\/NAME|COSIGN_PKCS11_PIN/);
    expect(r.err).not.toContain('Zq9xLmP2wR7tKv4s');
  });

  it.each([
    ['(', 'Unterminated group'],
    ['[a-z', 'Unterminated character class'],
    ['a**', 'Nothing to repeat'],
    ['x{2,1}', 'numbers out of order in {} quantifier'],
  ])('--certificate-identity-regexp %j is exit 2 naming it (%s)', async (re, why) => {
    const r = await cli(['verify', INDEX, '--certificate-identity-regexp', re]);
    expect(r.err).toContain(
      `verify: --certificate-identity-regexp: ${JSON.stringify(re)} is not a valid regular expression (${why})`,
    );
    expect(r.code).toBe(2);
    const ex = await cli([
      'export',
      '--slurm',
      '--image',
      INDEX,
      '--verify',
      '--certificate-identity-regexp',
      re,
      '--out',
      'o',
    ]);
    expect(ex.err).toContain(`export: --certificate-identity-regexp: ${JSON.stringify(re)} is not a valid`);
    expect(ex.code).toBe(2);
  });

  it.each([
    '^https://github\\.com/acme/model/\\.github/workflows/',
    '(?i)^https://github\\.com/ACME/',
    '(?i:^https://GitHub\\.com/)acme/',
    '(?P<owner>[a-z]+)/model',
    '\\Q(https://github.com/acme/\\E.*',
    '(?s).*',
  ])('an RE2 pattern cosign takes passes: %j', (re) => {
    expect(regexpProblem(re)).toBeUndefined();
  });
});

describe('smoke.baseline: a file that is no throughput table is refused at the door', () => {
  const withBaseline = (content: string) => {
    put('floors.json', content);
    put('Dockerfile', 'FROM scratch\n');
    put('ml-image.yml', `${GOOD}smoke:\n  baseline: floors.json\n`);
  };
  it.each<[string, string, RegExp]>([
    ['a table whose gpus is no list', '{"schemaVersion": 1, "floorFraction": 0.75, "gpus": "H100"}', /gpus/],
    ['another schema version', '{"schemaVersion": 2, "floorFraction": 0.75, "gpus": []}', /schemaVersion/],
    ['no JSON', '{"schemaVersion": 1,', /floors\.json/],
  ])(
    '%s: validate and run exit 2 naming smoke.baseline, before the engine is asked',
    async (_what, content, field) => {
      withBaseline(content);
      for (const argv of [['validate'], ['run', '--stages', 'plan,build,smoke', '--out', 'out']]) {
        const r = await cli(argv);
        expect(r.code, `${argv[0]}: ${r.err}`).toBe(2);
        expect(r.err).toContain('floors.json');
        // The config file and the field's line, as the config's own problems are named.
        expect(r.err).toMatch(/error: ml-image\.yml: 1 problem\n {2}- line \d+: smoke\.baseline: /);
        expect(r.err).toMatch(field);
        expect(r.err).not.toContain('unexpected call');
        expect(r.err).not.toContain('internal error');
      }
    },
  );

  it('a valid table passes validate; --skip-file-checks does not read it', async () => {
    withBaseline('{"schemaVersion": 1, "floorFraction": 0.8, "gpus": []}');
    expect((await cli(['validate'])).code).toBe(0);
    put('floors.json', 'not json');
    expect((await cli(['validate', '--skip-file-checks'])).code).toBe(0);
    expect((await cli(['validate'])).code).toBe(2);
  });
});

describe('--out FILE naming something that is not a regular file is refused, not replaced', () => {
  const outputs = () => {
    put('base.json', makeRecord());
    put('head.json', makeRecord());
    return {
      sbom: (out: string) => ['sbom', '--record', at('head.json'), '--out', out],
      diff: (out: string) => ['diff', at('base.json'), at('head.json'), '--out', out],
    };
  };

  it.each(['sbom', 'diff'] as const)(
    '%s --out: a socket (a FIFO stands in) and a directory are exit 2, left as they are',
    async (command) => {
      const argv = outputs()[command];
      // A socket stands in for a FIFO: no process can be started here for mkfifo.
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(at('sock'), resolve));
      try {
        for (const [name, kind] of [
          ['sock', 'a socket'],
          ['dir', 'a directory'],
        ] as const) {
          if (name === 'dir') mkdirSync(at('dir'));
          const r = await cli(argv(name));
          expect(r.code, r.err).toBe(2);
          expect(r.err).toContain(`${at(name)} is ${kind}, not a regular file`);
        }
        expect(statSync(at('sock')).isSocket()).toBe(true);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    },
  );

  it.each(['sbom', 'diff'] as const)(
    '%s --out: a regular file there, or a link to one, is replaced',
    async (command) => {
      const argv = outputs()[command];
      put('old.out', 'old');
      link('linked.out', at('old.out'));
      for (const name of ['old.out', 'linked.out', 'new.out']) {
        const r = await cli(argv(name));
        expect(r.code, r.err).toBe(0);
        expect(readFileSync(at(name), 'utf8')).not.toBe('old');
      }
    },
  );
});

describe('build.context and build.dockerfile are judged by where their links lead', () => {
  const inRepo = (yml: string) => {
    put('repo/.git/HEAD', 'ref: refs/heads/main\n');
    put('repo/ml-image.yml', `${GOOD}${yml}`);
  };
  it.each<[string, () => void, RegExp]>([
    [
      'a context linked to the root',
      () => (inRepo('build:\n  context: rootlink\n'), link('repo/rootlink', '/')),
      /build\.context: .*rootlink \(a link to \/\) is the filesystem root/,
    ],
    [
      'a context linked outside the repository',
      () => (
        inRepo('build:\n  context: out\n'),
        mkdirSync(at('elsewhere')),
        link('repo/out', at('elsewhere'))
      ),
      /build\.context: .*out \(a link to .*elsewhere\) is outside the repository/,
    ],
    [
      'a Dockerfile linked outside the repository',
      () => (
        inRepo('build:\n  dockerfile: Dockerfile\n'),
        put('secret.conf', 'x'),
        link('repo/Dockerfile', at('secret.conf'))
      ),
      /build\.dockerfile: .*Dockerfile \(a link to .*secret\.conf\) is outside the repository/,
    ],
    [
      'a Dockerfile outside the repository by its path',
      () => (inRepo(`build:\n  dockerfile: ${JSON.stringify(at('secret.conf'))}\n`), put('secret.conf', 'x')),
      /build\.dockerfile: .*secret\.conf is outside the repository/,
    ],
  ])('%s: exit 2 naming it', async (_what, make, message) => {
    make();
    const r = await cli(['validate', '--config', 'repo/ml-image.yml']);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('a link that stays inside the repository is taken', async () => {
    inRepo('build:\n  context: ctx\n  dockerfile: ctx/Dockerfile\n');
    put('repo/real/Dockerfile', 'FROM scratch\n');
    link('repo/ctx', at('repo/real'));
    const r = await cli(['validate', '--config', 'repo/ml-image.yml']);
    expect(r.code, r.err).toBe(0);
  });
});

describe('diff: flags checked as other commands check them', () => {
  const records = () => {
    put('base.json', makeRecord());
    put('head.json', makeRecord());
    return [at('base.json'), at('head.json')];
  };

  it('--json with --format md is exit 2 ("give one"), not Markdown on stdout', async () => {
    const r = await cli(['diff', ...records(), '--format', 'md', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.message).toBe('diff: --json and --format md: give one');
    // Agreeing flags are fine.
    const ok = await cli(['diff', ...records(), '--format', 'json', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toHaveProperty('schemaVersion', 1);
  });

  it('--json --out FILE: the model in FILE, and one JSON object on stdout naming it (as sbom --json --out)', async () => {
    const r = await cli(['diff', ...records(), '--json', '--out', 'model.json']);
    expect(r.code, r.err).toBe(0);
    const said = JSON.parse(r.out) as { file: string; verdict: string };
    expect(said.file).toBe(at('model.json'));
    expect(said.verdict).toMatch(/No environment changes|unchanged/i);
    expect(JSON.parse(readFileSync(at('model.json'), 'utf8'))).toHaveProperty('schemaVersion', 1);
    // Without --json, stdout stays empty and stderr says what was written.
    const md = await cli(['diff', ...records(), '--out', 'report.md']);
    expect(md.out).toBe('');
    expect(md.err).toContain(`wrote ${at('report.md')}`);
  });

  it.each([
    ['not an image reference', 'NOT an image!!', /--image "NOT an image!!" is not a valid image reference/],
    [
      'a login in it (masked in the message)',
      'user:sekrit@host/x',
      /--image "\S*" is not a valid image reference/,
    ],
    [
      'a URL with a login (masked in the message)',
      'https://user:sekrit@x.example/y',
      /--image "\S*" is not a valid image reference/,
    ],
  ])('--image %s is exit 2 naming it, nothing written', async (_name, image, message) => {
    const r = await cli(['diff', ...records(), '--image', image, '--out', 'o.md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(`${r.out}${r.err}`).not.toContain('sekrit');
    expect(existsSync(at('o.md'))).toBe(false);
  });

  it('a valid --image is shown in the report', async () => {
    const r = await cli(['diff', ...records(), '--image', 'ghcr.io/my-org/my-model']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('ghcr.io/my-org/my-model');
  });
});

// A config the system opens but refuses to read (EIO): once "internal error: EIO: i/o error, read",
// exit 1, where an open it refuses was exit 2 naming the file.
describe.skipIf(!existsSync('/proc/self/mem'))('a config file whose read fails', () => {
  it('exit 2 naming the file and the error, as text and as JSON', async () => {
    const r = await cli(['validate', '--config', '/proc/self/mem']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('config file /proc/self/mem: cannot read: input/output error (EIO)');
    expect(r.err).not.toContain('internal error');
    const j = await cli(['validate', '--config', '/proc/self/mem', '--json']);
    expect(j.code).toBe(2);
    expect((JSON.parse(j.out) as { error: { message: string } }).error.message).toBe(
      'config file /proc/self/mem: cannot read: input/output error (EIO)',
    );
  });
});
