// A credential written literally in a requirements file, judged at the door (credentials.ts):
// the refusal's advice reaches the user intact through every masker of the CLI.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { LITERAL_CREDENTIAL_FIX } from '../../src/requirements/credentials.js';
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
      'a token in the query (token=)',
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

  it('with another problem, the fix is the syntax one followed by the credential one', () => {
    write('requirements.txt', 'numpy>=>1\npkg @ https://user:LitPw0123@host.example/x.whl\n');
    const e = inputErrorOf(read);
    expect(e.fix).toMatch(/^fix that line: PEP 508 syntax .*; a credential written in a line: /);
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
