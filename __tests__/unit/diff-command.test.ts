// `ml-image diff BASE.json HEAD.json`: driven through Command.run with the fake io.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/cli/commands/diff.js';
import { InputError } from '../../src/errors.js';
import { ReportModelSchema } from '../../src/report/model-schema.js';
import { captureIo } from '../helpers/fakes.js';
import { asV1, makeRecord, makeSmoke } from '../helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-diff-'));
  write('base.json', asV1(makeRecord({ pip: { numpy: '1.26.4', tqdm: '4.66.4' }, labels: {} })));
  write(
    'head.json',
    makeRecord({
      ref: 'ghcr.io/acme/model:pr-7-cpu',
      pip: { numpy: '2.1.0', tqdm: '4.66.4' },
      variant: 'cpu',
      labels: {},
    }),
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, value: unknown) {
  writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
}

async function run(...argv: string[]) {
  const io = captureIo(dir);
  const code = await diffCommand.run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function failure(...argv: string[]): Promise<InputError> {
  const err = await run(...argv).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).exitCode).toBe(2);
  return err as InputError;
}

describe('ml-image diff', () => {
  it('prints the Markdown report of a v1 base against a v2 head', async () => {
    const r = await run('base.json', 'head.json', '--baseline-ref', 'main');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('<!-- ml-image-report:ghcr.io/acme/model:cpu@linux/amd64 -->');
    expect(r.out).toContain('**⚠️ NumPy 1.26.4 → 2.1.0 &#40;major&#41;; 1 pip change &#40;1 major&#41;**');
    expect(r.out).toContain('| numpy | 1.26.4 | 2.1.0 | ⬆️ major |');
    expect(r.out).toContain('|  | main | this PR | Change |');
  });

  it('--format json (or --json) prints the report model, with the smoke diff', async () => {
    write('base-smoke.json', makeSmoke([{ id: 'train', status: 'pass' }]));
    write('head-smoke.json', makeSmoke([{ id: 'train', status: 'fail', reason: 'loss did not fall' }]));
    for (const flags of [['--format', 'json'], ['--json']]) {
      const r = await run(
        'base.json',
        'head.json',
        ...flags,
        '--base-smoke',
        'base-smoke.json',
        '--head-smoke',
        'head-smoke.json',
      );
      const model = ReportModelSchema.parse(JSON.parse(r.out));
      expect(model.platforms[0]!.diff!.pip.changes).toEqual([
        { name: 'numpy', kind: 'upgraded', from: '1.26.4', to: '2.1.0', level: 'major' },
      ]);
      expect(model.platforms[0]!.smoke).toMatchObject({ regressions: 1, failing: 1 });
    }
  });

  it('--out FILE writes the report there and prints only the verdict on stderr', async () => {
    const r = await run(
      'base.json',
      'head.json',
      '--out',
      'out/report.md',
      '--variant',
      'gpu',
      '--image',
      'x/y',
    );
    expect(r.out).toBe('');
    expect(r.err).toContain('⚠️ NumPy 1.26.4 → 2.1.0 (major)');
    const md = readFileSync(path.join(dir, 'out/report.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('<!-- ml-image-report:x/y:gpu@linux/amd64 -->');
  });

  it('a base recorded before DB_PASS and GH_PAT were secret names shows neither value (Markdown or JSON)', async () => {
    write('old.json', makeRecord({ env: { DB_PASS: 'hunter2isold', GH_PAT: 'myoldpat99' }, labels: {} }));
    write('new.json', makeRecord({ env: { DB_PASS: '[redacted]', GH_PAT: '[redacted]' }, labels: {} }));
    for (const format of ['md', 'json']) {
      const r = await run('old.json', 'new.json', '--format', format);
      expect(r.code).toBe(0);
      for (const secret of ['hunter2isold', 'myoldpat99']) expect(r.out).not.toContain(secret);
    }
  });

  // Audit: the heading masked it, the report's marker and the JSON model's variant did not.
  it('a token given as --variant is printed nowhere: heading, marker, JSON model', async () => {
    for (const format of ['md', 'json']) {
      const r = await run(
        'base.json',
        'head.json',
        '--format',
        format,
        '--variant',
        'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      );
      expect(r.code).toBe(0);
      expect(r.out).not.toContain('ghp_abcdefghij');
      expect(r.out).toMatch(/redacted/);
    }
  });

  it('a login or token in --image or --baseline-ref is never printed (Markdown or JSON)', async () => {
    for (const format of ['md', 'json']) {
      const r = await run(
        'base.json',
        'head.json',
        '--format',
        format,
        '--baseline-ref',
        'https://ci:ghp_abcdefghijklmnopqrstuvwxyz0123456789@git.example',
      );
      expect(r.code).toBe(0);
      expect(r.out).not.toContain('ghp_abcdefghij');
      // An --image with a login is no image reference: refused (exit 2) before anything is printed
      // (runCli masks the login in the message: bad-input-files "diff: flags ...").
      const refused = await failure(
        'base.json',
        'head.json',
        '--format',
        format,
        '--image',
        'https://u:S3CRETpw@x.example/y',
      );
      expect(refused.message).toMatch(/is not a valid image reference/);
    }
  });

  it.each<[string, Record<string, unknown>, RegExp | undefined]>([
    [
      'another variant',
      { variant: 'cuda12.8' },
      /the base is of variant cuda12\.8, the head of cpu: they are different images/,
    ],
    [
      'another platform',
      { variant: 'cpu', platform: 'linux/arm64' },
      /the base is of platform linux\/arm64, the head of linux\/amd64/,
    ],
    [
      'another variant whose label redraws the line',
      { variant: 'cpu\u001b[2K\rOK' },
      /the base is of variant cpu\\u001b\[2K\\rOK, the head of cpu: they are different images/,
    ],
    ['the same image', { variant: 'cpu' }, undefined],
  ])('a base of %s: said on stderr (the report still compares them)', async (_what, over, warning) => {
    write('base.json', makeRecord({ pip: { numpy: '1.26.4' }, labels: {}, ...over }));
    const r = await run('base.json', 'head.json');
    expect(r.code).toBe(0);
    if (warning) expect(r.err).toMatch(warning);
    else expect(r.err).not.toContain('different images');
  });

  it('--max-chars shortens, and is checked', async () => {
    const r = await run('base.json', 'head.json', '--max-chars', '500');
    expect(r.out.length).toBeLessThanOrEqual(500);
    expect((await failure('base.json', 'head.json', '--max-chars', '12')).message).toBe(
      'diff: --max-chars: expected a whole number of at least 400, got "12"',
    );
  });

  // Number() took hex, binary and, for a character count, a fraction ("shortened to fit 400.5
  // characters"): each is refused naming the flag and the value.
  it.each([
    ['--max-chars', '0x200', 'a whole number of at least 400'],
    ['--max-chars', '400.5', 'a whole number of at least 400'],
    ['--max-chars', '5e2', 'a whole number of at least 400'],
    ['--threshold', '0x10', 'a decimal number of at least 0'],
    ['--threshold', '0b1', 'a decimal number of at least 0'],
    ['--threshold', '-0.1', 'a decimal number of at least 0'],
  ])('%s %s -> exit 2 naming it', async (flag, value, expected) => {
    expect((await failure('base.json', 'head.json', `${flag}=${value}`)).message).toBe(
      `diff: ${flag}: expected ${expected}, got ${JSON.stringify(value)}`,
    );
  });

  it.each([
    ['--threshold', '0.25'],
    ['--threshold', '.5'],
    ['--threshold', '1e-2'],
    ['--max-chars', ' 500 '],
  ])('%s %j is taken', async (flag, value) => {
    expect((await run('base.json', 'head.json', flag, value)).code).toBe(0);
  });

  it.each([
    [['missing.json', 'head.json'], 'diff: cannot read missing.json: no such file (ENOENT)'],
    // Refused by what they are (fstat), never read: a FIFO or a device would block or never end.
    [['sub', 'head.json'], 'diff: sub is a directory, not a regular file'],
    [['base.json', '/dev/zero'], 'diff: /dev/zero is a character device, not a regular file'],
    [['base.json', 'head.json', '--base-smoke', '/dev/null'], 'diff: /dev/null is a character device'],
    [['broken.json', 'head.json'], 'broken.json: not JSON'],
    [['base.json', 'list.json'], 'list.json: not an environment record (env.json)'],
    // A record given as a smoke result is named as what it is, whatever its version (head.json is
    // v2, newer than smoke results go: the version is not what is wrong with it).
    ...['base.json', 'head.json'].map((record) => [
      ['base.json', 'head.json', '--head-smoke', record],
      `${record}: not a smoke result (smoke.json): it is an environment record (env.json)`,
    ]),
    [['smoke.json', 'head.json'], 'smoke.json: not an environment record (env.json): it is a smoke result'],
    [['base.json'], 'diff: expected BASE.json and HEAD.json, got 1 file'],
    [['base.json', 'head.json', '--format', 'html'], 'diff: --format: expected md or json, got "html"'],
  ])('%j -> exit 2: %s', async (argv, message) => {
    write('broken.json', '{"schemaVersion": 2,');
    write('list.json', '[1, 2]');
    write('smoke.json', makeSmoke([{ id: 'train', status: 'pass' }]));
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    expect((await failure(...argv)).message).toContain(message);
  });

  it('an invalid record names the file and the field', async () => {
    const bad = JSON.parse(JSON.stringify(makeRecord())) as { apt: unknown };
    bad.apt = [{ name: 'x' }];
    write('bad.json', bad);
    const err = await failure('bad.json', 'head.json');
    expect(err.message).toMatch(/^bad\.json: not a valid environment record/);
    expect(err.message).toContain('apt[0].version:');
  });
});
