// What the action and the CLI write to the runner's log and stderr: URL userinfo and tokens of a
// known form never get through, whatever a message quotes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asText, coreIo } from '../../src/action/io.js';
import { CheckFailedError, ConfigError, EnvironmentError, InputError } from '../../src/errors.js';
import { processIo } from '../../src/cli/main.js';
import { buildOptionsFromInputs } from '../../src/build/action-inputs.js';
import { failAnnotations as annotations } from '../helpers/action-fail.js';

const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;
const MESSAGE = `input "secret-envs": GH=${TOKEN}: ${TOKEN} is not set; index https://ci:Pw-9x@pypi.corp/simple`;

afterEach(() => vi.restoreAllMocks());

function captured(stream: NodeJS.WriteStream): () => string {
  const chunks: string[] = [];
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return () => chunks.join('');
}

describe("the action's log lines and annotations", () => {
  it.each([
    ['setFailed', (m: string) => coreIo().setFailed(m)],
    ['error', (m: string) => coreIo().error(m)],
    ['warning', (m: string) => coreIo().warning(m)],
    ['info', (m: string) => coreIo().info(m)],
  ])('%s: no token, no password', (_what, write) => {
    const out = captured(process.stdout);
    write(MESSAGE);
    process.exitCode = undefined; // setFailed sets it
    expect(out()).toContain('is not set');
    expect(out()).not.toContain(TOKEN);
    expect(out()).not.toContain('Pw-9x');
  });
});

describe("the action's job summary", () => {
  it('is written as rendered: a value named Password= hides nothing after it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-summary-'));
    const file = path.join(dir, 'summary.md');
    writeFileSync(file, '');
    const before = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      // What the renderer writes for a variant (or package) a fork named "cpu Password=".
      const rendered =
        '| cpu Password= | linux/amd64 | ❌ failure | +39.0 MB |\n<details><summary>cpu Password=</summary>\n';
      await coreIo().summary!(rendered);
      expect(readFileSync(file, 'utf8')).toBe(`${rendered}\n`);
    } finally {
      if (before === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a runner without job summaries (no GITHUB_STEP_SUMMARY)', () => {
  // core threw "Unable to find environment variable for $GITHUB_STEP_SUMMARY": the report stage
  // (and a verify gate that passed) failed with an internal error after its work was done (finding).
  it('writes none and says so in the log; the step goes on', async () => {
    const before = process.env.GITHUB_STEP_SUMMARY;
    delete process.env.GITHUB_STEP_SUMMARY;
    const out = captured(process.stdout);
    try {
      await expect(coreIo().summary!('### report\n')).resolves.toBeUndefined();
      expect(out()).toContain('job summary: not written (GITHUB_STEP_SUMMARY is not set');
    } finally {
      if (before !== undefined) process.env.GITHUB_STEP_SUMMARY = before;
    }
  });
});

describe("the CLI's stderr", () => {
  it('no token, no password; stdout (machine output) keeps its values but no password', () => {
    const err = captured(process.stderr);
    const out = captured(process.stdout);
    const io = processIo();
    io.stderr(`error: ${MESSAGE}\n`);
    io.stdout(`{"url":"https://ci:Pw-9x@pypi.corp/simple"}\n`);
    expect(err()).toContain('is not set');
    expect(err()).not.toContain(TOKEN);
    expect(err()).not.toContain('Pw-9x');
    expect(out()).toBe('{"url":"https://ci:***@pypi.corp/simple"}\n');
  });
});

describe("the CLI's output in a workflow's run step is no workflow command", () => {
  it.each([
    ['true', false],
    [undefined, true],
  ])("GITHUB_ACTIONS=%s: a record's text printed as commands: %s", (actions, raw) => {
    const before = process.env.GITHUB_ACTIONS;
    if (actions === undefined) delete process.env.GITHUB_ACTIONS;
    else process.env.GITHUB_ACTIONS = actions;
    try {
      const err = captured(process.stderr);
      const out = captured(process.stdout);
      const io = processIo();
      const hostile = 'pkg ##[error title=Alert]leaked\n\u00a0::add-mask::x\n';
      io.stdout(hostile);
      io.stderr(hostile);
      for (const text of [out(), err()]) {
        const lines = text.split('\n');
        const commands = lines.filter(
          (l) => l.includes('##[') || l.replace(/^[\s\u0085]+/u, '').startsWith('::'),
        );
        expect(commands.length > 0, text).toBe(raw);
      }
    } finally {
      if (before === undefined) delete process.env.GITHUB_ACTIONS;
      else process.env.GITHUB_ACTIONS = before;
    }
  });
});

describe('fail: one annotation per problem, on the file that has it', () => {
  it.each<[string, unknown, number]>([
    ['bad input (pull_request_target, call: check, a missing secret file)', new InputError('refused'), 2],
    ['a config problem', new ConfigError('ml-image.yml', ['image.name: required']), 2],
    ['the environment (no Docker, a registry down)', new EnvironmentError('no Docker', 'start it'), 3],
    ['a check that failed (smoke, verify)', new CheckFailedError('smoke failed'), 1],
    ['a bug', new Error('undefined is not a function'), 1],
  ])('the step exits with the code the CLI would: %s -> %i', (_, err, code) => {
    expect(annotations(err).exitCode).toBe(code);
  });

  it('a config problem: on the config file', () => {
    const { seen } = annotations(new ConfigError('ml-image.yml', ['image.name: required']));
    expect(seen).toEqual([
      { message: 'image.name: required', props: { title: 'ml-image config', file: 'ml-image.yml' } },
    ]);
  });

  it('requirements problems: each on its own file and line; the cut-short line on none', () => {
    const err = new ConfigError(
      'requirements.txt, gpu.txt',
      ['/work/models/x/gpu.txt:3: invalid requirement "x=="', '... and 5 more invalid lines'],
      { count: 6, problemsNameFiles: true },
    );
    const { seen, failed } = annotations(err);
    expect(seen).toEqual([
      {
        message: '/work/models/x/gpu.txt:3: invalid requirement "x=="',
        props: { title: 'ml-image requirements', file: 'models/x/gpu.txt', startLine: 3 },
      },
      { message: '... and 5 more invalid lines', props: { title: 'ml-image requirements' } },
    ]);
    expect(failed).toMatch(/^requirements\.txt, gpu\.txt: 6 problems\n/);
  });
});

describe('info: what an image printed never becomes a workflow command', () => {
  // The white space before "::" took in line breaks: each start of a line in a run of blank lines
  // scanned the rest of the run again (131,072 carriage returns took 9.5 s).
  it.each([
    ['newlines', '\n'],
    ['carriage returns', '\r'],
    ['blank lines with spaces', '\n \u3000'],
  ])('a line of %s is shown as it is, in time', (_what, unit) => {
    const input = `${unit.repeat(2 ** 19 / unit.length)}done ::x`;
    const ctx = vm.createContext({ asText, input });
    expect(vm.runInContext('asText(input)', ctx, { timeout: 20_000 })).toBe(input);
    const command = `${input}\n::x`;
    ctx.input = command;
    expect(vm.runInContext('asText(input)', ctx, { timeout: 20_000 })).toBe(`${input}\n\u200b::x`);
  });

  it.each([
    ['::add-mask::passed', '\u200b::add-mask::passed'],
    [
      'ok\n  ::stop-commands::tok\r\n::error title=All passed::',
      'ok\n  \u200b::stop-commands::tok\r\n\u200b::error title=All passed::',
    ],
    ['a :: in the middle stays', 'a :: in the middle stays'],
    // .NET's TrimStart drops NBSP, the Unicode spaces and NEL too.
    ['\u00a0::notice title=x::hello', '\u00a0\u200b::notice title=x::hello'],
    ['Debian\n\u2003\u0085::error::x', 'Debian\n\u2003\u0085\u200b::error::x'],
    // The legacy form is found anywhere in a line.
    ['cpu ##[error title=Alert]leaked', 'cpu #\u200b#[error title=Alert]leaked'],
    ['##[add-mask]x ##[set-output name=a]b', '#\u200b#[add-mask]x #\u200b#[set-output name=a]b'],
    // Blank lines, lone carriage returns and Unicode line breaks before the command.
    ['\n\n\t::error::x', '\n\n\t\u200b::error::x'],
    ['a\r\r \u3000::warning::x\r\n', 'a\r\r \u3000\u200b::warning::x\r\n'],
    ['\u2028\ufeff::x\u2029\v\f::y', '\u2028\ufeff\u200b::x\u2029\v\f\u200b::y'],
    ['x\u0085::y', 'x\u0085::y'],
    ['\n \n \n', '\n \n \n'],
  ])('%j', (line, shown) => {
    expect(asText(line)).toBe(shown);
    const out = captured(process.stdout);
    coreIo().info(line);
    // As the runner reads each line: trimmed at the start (.NET white space), a command begins with
    // "::"; the legacy parser finds "##[" anywhere.
    for (const l of out().split(/\r?\n/)) {
      expect(l.replace(/^[\s\u0085]+/u, '').startsWith('::'), l).toBe(false);
      expect(l.includes('##['), l).toBe(false);
    }
  });
});

describe('coreIo().getInput: the secrets input untrimmed, as build-push-action reads it', () => {
  // Finding: core.getInput trims every input, so the last secret's trailing spaces were cut off
  // (the ones before it kept theirs); build-push-action reads secrets with trimWhitespace: false
  // (its context.ts, actions-toolkit Util.getInputList).
  afterEach(() => vi.unstubAllEnvs());
  it.each([
    ['the last value', 'A=1 \nB=padded  ', { A: '1 ', B: 'padded  ' }],
    ['the only value', 'KEY= x\t', { KEY: ' x\t' }],
    ['a quoted multi-line value', '"K=l1\nl2 "\n', { K: 'l1\nl2 ' }],
  ])('%s keeps its spaces', (_what, raw, secrets) => {
    vi.stubEnv('INPUT_SECRETS', raw);
    expect(buildOptionsFromInputs(coreIo().getInput).secrets).toEqual(secrets);
  });

  it('other inputs are trimmed as before', () => {
    vi.stubEnv('INPUT_TARGET', '  app \n');
    expect(coreIo().getInput('target')).toBe('app');
  });
});
