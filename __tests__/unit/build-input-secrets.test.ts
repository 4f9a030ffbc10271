// The build's secret ids are checked before any stage runs (checkBuildSecrets): a secret-files id
// that is a build.secrets id or one the action mounts itself was refused only by the build's argv,
// after the resolve stage had run. A secret-files file's text is among the values the build's
// output is masked of (it was left out: only `secrets` and `secret-envs` values were).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkBuildSecrets,
  inputSecrets,
  MAX_MASKED_FILE_BYTES,
  secretFileText,
} from '../../src/build/input-secrets.js';
import { buildOptionsFromInputs } from '../../src/build/action-inputs.js';
import { validateConfigData } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';

const config = validateConfigData(
  { image: { name: 'o/m', registry: 'ghcr.io' }, build: { secrets: ['HF_TOKEN'] } },
  'x',
);
const ENV = { HF_TOKEN: 'y' };

describe('checkBuildSecrets: the secret-files ids', () => {
  it.each([
    ['a build.secrets id', 'HF_TOKEN'],
    ['the pip.conf secret the action mounts itself', 'ml_image_pip_conf'],
    ['the environment secret the action mounts itself', 'ml_image_env'],
  ])('%s is refused (exit 2, naming the input and the id)', (_what, id) => {
    const go = () => checkBuildSecrets({ secretFiles: { [id]: '/w/key' } }, config, ENV);
    expect(go).toThrow(InputError);
    expect(go).toThrow(
      `input "secret-files": secret id ${id} is given twice (or is one this action mounts itself)`,
    );
  });

  it('ids of their own pass', () => {
    expect(checkBuildSecrets({ secretFiles: { npmrc: '/w/.npmrc' } }, config, ENV)).toEqual({});
  });
});

// docs/action.md: an id given twice is refused before any stage runs. Within one input the second
// value silently replaced the first (last wins, as buildx's map), so a build used another secret
// than the one its author saw first; the `secrets` input is named by item, never by its text.
describe('an id given twice within one input is refused (exit 2)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-secret-ids-'));
  writeFileSync(path.join(dir, 'a.txt'), 'one');
  writeFileSync(path.join(dir, 'b.txt'), 'two');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const options = (given: Record<string, string>) => () =>
    buildOptionsFromInputs((name) => given[name] ?? '', dir);
  it.each([
    [
      'secrets',
      'tok=planted1234\ntok=planted5678',
      'input "secrets": item 2 gives the secret id of item 1 again',
    ],
    ['secrets', 'a=1\nb=2\na=planted5678', 'input "secrets": item 3 gives the secret id of item 1 again'],
    ['secret-envs', 'b=HOME\nb=PATH', 'input "secret-envs": secret id b is given twice'],
    ['secret-files', 'k=a.txt\nk=b.txt', 'input "secret-files": secret id k is given twice'],
  ])('%s %j', (input, value, message) => {
    const go = options({ [input]: value });
    expect(go).toThrow(InputError);
    expect(go).toThrow(message);
    let text = '';
    try {
      go();
    } catch (e) {
      text = `${(e as Error).message} ${(e as InputError).fix ?? ''}`;
    }
    expect(text).not.toMatch(/planted/);
    expect(text).toContain('give each secret id once');
  });
  // A review's finding: `out['__proto__'] = value` on a plain object sets its prototype, so the
  // secret was dropped, and given twice not seen as twice.
  it('an id __proto__ is kept, and refused when given twice', () => {
    expect(Object.entries(options({ 'secret-envs': '__proto__=HOME' })().secretEnvs ?? {})).toEqual([
      ['__proto__', 'HOME'],
    ]);
    expect(Object.keys(options({ secrets: '__proto__=planted1' })().secrets ?? {})).toEqual(['__proto__']);
    expect(options({ 'secret-envs': '__proto__=A\n__proto__=B' })).toThrow(
      'secret id __proto__ is given twice',
    );
    // And its value is read for the build (checkBuildSecrets' values by id).
    const given = options({ 'secret-envs': '__proto__=HOME' })();
    expect(Object.entries(checkBuildSecrets(given, config, { ...ENV, HOME: '/h' }))).toEqual([
      ['__proto__', '/h'],
    ]);
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    'a secret-files id %s is its own, not given twice',
    (id) => {
      expect(Object.keys(options({ 'secret-files': `${id}=a.txt` })().secretFiles ?? {})).toEqual([id]);
      expect(
        Object.keys(options({ secrets: 'x=1', 'secret-files': `${id}=a.txt` })().secretFiles ?? {}),
      ).toEqual([id]);
    },
  );

  it('ids of their own in each input pass', () => {
    const o = options({ secrets: 'a=1\nb=2', 'secret-envs': 'c=HOME', 'secret-files': 'k=a.txt\nl=b.txt' })();
    expect(Object.keys(o.secrets ?? {})).toEqual(['a', 'b']);
    expect(Object.keys(o.secretFiles ?? {})).toEqual(['k', 'l']);
  });
});

describe("secret-files: each file's text is masked in the build output, as the other values are", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-secret-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  };

  it.each<[string, string | Buffer, string | undefined]>([
    ['a token, trimmed', '  LitFileTok0123456789\n', 'LitFileTok0123456789'],
    [
      'a netrc of several lines',
      'machine h\nlogin ci\npassword LitPw0123\n',
      'machine h\nlogin ci\npassword LitPw0123',
    ],
    ['one at the limit', 'a'.repeat(MAX_MASKED_FILE_BYTES), 'a'.repeat(MAX_MASKED_FILE_BYTES)],
    ['one over the limit', 'a'.repeat(MAX_MASKED_FILE_BYTES + 1), undefined],
    ['a binary one (a NUL byte)', Buffer.from([0x4c, 0x69, 0x74, 0x00, 0x54, 0x6f, 0x6b]), undefined],
    ['one that is not UTF-8', Buffer.from([0x4c, 0x69, 0x74, 0xff, 0xfe, 0x54, 0x6f, 0x6b]), undefined],
    ['an empty one', '', ''],
  ])('%s: read as %j, no error', (_what, content, want) => {
    expect(secretFileText(file('s', content))).toBe(want);
  });

  it('a missing file and a directory: none, no error (buildx says so when it mounts it)', () => {
    expect(secretFileText(path.join(dir, 'missing'))).toBeUndefined();
    mkdirSync(path.join(dir, 'd'));
    expect(secretFileText(path.join(dir, 'd'))).toBeUndefined();
  });

  it("inputSecrets: each file's text among the values, by id; one with no text left out", () => {
    const secretFiles = {
      netrc: file('netrc', 'machine h password LitPw0123\n'),
      blank: file('blank', '\n\n'),
      big: file('big', 'a'.repeat(MAX_MASKED_FILE_BYTES + 1)),
    };
    const got = inputSecrets(
      { secretFiles, secrets: { tok: 'LitTok0123' } },
      config,
      ENV,
      path.join(dir, 'w'),
    );
    expect(got.values).toEqual({
      'secret:tok': 'LitTok0123',
      'secret-file:netrc': 'machine h password LitPw0123',
    });
    expect(Object.keys(got.files)).toEqual(['tok']);
  });

  it('inputSecrets reads through READ (no file touched in a test that injects it)', () => {
    const read = (f: string) => (f === '/w/npmrc' ? '//registry.example/:_authToken=LitNpm0123' : undefined);
    const got = inputSecrets({ secretFiles: { npmrc: '/w/npmrc', gone: '/w/gone' } }, config, ENV, dir, read);
    expect(got.values).toEqual({ 'secret-file:npmrc': '//registry.example/:_authToken=LitNpm0123' });
  });
});
