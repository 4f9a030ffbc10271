// A requirements file that cannot be read (too big, outside the workspace, not UTF-8) is said where
// its name came from: the line of ml-image.yml that names it, or the action input "requirements"
// (then the problem is the input's: no line, no annotation on ml-image.yml).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requirementsFieldError } from '../../src/config/field-error.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { MAX_REQUIREMENTS_BYTES } from '../../src/requirements/read.js';
import { readListedRequirements } from '../../src/requirements/references.js';
import { runActionIn } from '../helpers/action-run.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-input-reqs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (rel: string) => path.join(dir, rel);
function put(rel: string, content: string | Buffer): void {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  writeFileSync(at(rel), content);
}

const GOOD = 'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n';
const runner = () => ({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: at('ws'), GITHUB_SHA: 'a'.repeat(40) });

/** Each unreadable file: its name as the config gives it, how it is made, on a runner, what is said. */
const CASES: [string, string, () => void, boolean, RegExp][] = [
  [
    'too big',
    'big.txt',
    () => put('ws/big.txt', Buffer.alloc(MAX_REQUIREMENTS_BYTES + 1, 0x61)),
    false,
    /^requirements file \S+\/ws\/big\.txt is 5\.0 MB, over the 5 MB limit/,
  ],
  [
    'outside the workspace',
    '../outside/req.txt',
    () => put('outside/req.txt', 'numpy\n'),
    true,
    /^requirements file \S+\/outside\/req\.txt is outside the workspace \S+\/ws/,
  ],
  [
    'not UTF-8',
    'latin1.txt',
    () => put('ws/latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])),
    false,
    /^requirements file \S+\/ws\/latin1\.txt is not valid UTF-8/,
  ],
];

/** The ConfigError reading the requirements gives, the config loaded as the action loads it. */
function refusal(file: string, fromInput: boolean, env: Record<string, string>): ConfigError {
  put('ws/ok.txt', 'numpy\n');
  // python.requirements[1] is on line 8 of the file (GOOD is 4 lines).
  const listed = fromInput ? 'ok.txt' : `ok.txt\n    - ${file}`;
  put('ws/ml-image.yml', `${GOOD}python:\n  requirements:\n    - ${listed}\n`);
  const loaded = loadConfig({
    cwd: at('ws'),
    file: 'ml-image.yml',
    env,
    checkFiles: false,
    overrides: fromInput
      ? [{ path: ['python', 'requirements'], value: ['ok.txt', file], source: 'input "requirements"' }]
      : [],
  });
  const { requirements } = loaded.config.python;
  try {
    readListedRequirements(requirements, [], loaded.baseDir, env, requirementsFieldError(loaded));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('the requirements were read');
}

describe('a requirements file that cannot be read: named where its name came from', () => {
  it.each(CASES)('%s, named in ml-image.yml: the file, its line', (_what, file, make, onRunner, said) => {
    make();
    const e = refusal(file, false, onRunner ? runner() : {});
    expect(e.source).toBe('ml-image.yml');
    expect(e.file).toBe('ml-image.yml');
    expect(e.problems).toHaveLength(1);
    const [problem] = e.problems as [string];
    expect(problem.startsWith('line 8: python.requirements[1]: ')).toBe(true);
    expect(problem.replace('line 8: python.requirements[1]: ', '')).toMatch(said);
    expect(problem).not.toContain('from input');
  });

  it.each(CASES)(
    '%s, given by the input: the input, no line of ml-image.yml',
    (_what, file, make, onRunner, said) => {
      make();
      const e = refusal(file, true, onRunner ? runner() : {});
      expect(e.source).toBe('inputs');
      expect(e.file).toBeUndefined();
      expect(e.message).toMatch(/^inputs: 1 problem\n/);
      expect(e.message).not.toContain('ml-image.yml');
      const [problem] = e.problems as [string];
      expect(problem.startsWith('python.requirements[1]: ')).toBe(true);
      expect(problem.endsWith(' (from input "requirements")')).toBe(true);
      expect(problem.replace('python.requirements[1]: ', '')).toMatch(said);
    },
  );
});

describe('the action: its annotation and failure name the input, or the line of ml-image.yml', () => {
  const action = (inputs: Record<string, string>) =>
    runActionIn(dir, { stages: 'plan,build', push: 'false', config: 'ml-image.yml', ...inputs });

  it('requirements given by the input', async () => {
    put('ml-image.yml', GOOD);
    put('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const { errors, failed } = await action({ requirements: 'latin1.txt' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(
      /^inputs: 1 problem\n {2}- python\.requirements\[0\]: requirements file \S+ is not valid UTF-8.* \(from input "requirements"\)\n/,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/\(from input "requirements"\)$/);
    expect(errors[0]!.file).toBeUndefined();
  });

  it('requirements the file lists', async () => {
    put('ml-image.yml', `${GOOD}python:\n  requirements: [latin1.txt]\n`);
    put('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const { errors, failed } = await action({});
    expect(failed[0]).toMatch(
      /^ml-image\.yml: 1 problem\n {2}- line 6: python\.requirements\[0\]: requirements file /,
    );
    expect(failed[0]).not.toContain('from input');
    expect(errors).toEqual([expect.objectContaining({ file: 'ml-image.yml', startLine: 6 })]);
  });
});
