// A run that only plans (`ml-image plan`, `run --stages plan`, the workflows' plan job: the action
// with stages plan) reads the requirements files' lines as the build reads them: a bad line, a
// credential written in one or a ${NAME} build.secrets does not list is exit 2 there, naming its
// file and line, not in each job after it. A later stage's job (smoke, report) does not read them:
// its report still says what failed.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { checkStageInputs } from '../../src/pipeline/door-checks.js';
import type { Stage } from '../../src/pipeline/stages.js';
import { runActionIn } from '../helpers/action-run.js';
import { captureIo, fakeDocker, NOT_A_REPOSITORY } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-plan-reqs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (rel: string) => path.join(dir, rel);
const CONFIG =
  'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\npython:\n  requirements: [requirements.txt]\nbuild:\n  secrets: [IDX_PW]\n';

/** Each bad requirements file: what it holds, what the problem of its second line says. */
const BAD: [string, string, string][] = [
  ['a line that is no requirement', 'numpy<2\npandas===\n', 'invalid requirement "pandas==="'],
  [
    'a credential written in a line',
    'numpy<2\n--extra-index-url https://build:hunter2secret@idx.corp/simple\n',
    'a credential written in the line',
  ],
  [
    'a ${NAME} build.secrets does not list',
    'numpy<2\n--extra-index-url https://u:${OTHER_PW}@idx.corp/simple\n',
    '${OTHER_PW} is not listed in build.secrets',
  ],
  ['an include that is not there', 'numpy<2\n-r gone.txt\n', 'gone.txt (included from'],
];

function project(requirements: string): void {
  writeFileSync(at('ml-image.yml'), CONFIG);
  writeFileSync(at('requirements.txt'), requirements);
}

async function cli(argv: string[]) {
  const io = { ...captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: at('.cache') }), git: NOT_A_REPOSITORY };
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const PLAN_RUNS = [['plan'], ['run', '--stages', 'plan', '--out', 'out']];

describe('plan refuses a bad requirements line, naming its file and line', () => {
  it.each(BAD)('%s', async (_what, requirements, said) => {
    project(requirements);
    for (const argv of PLAN_RUNS) {
      const r = await cli(argv);
      expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err).toContain(`${at('requirements.txt')}:2`);
      expect(r.err).toContain(said);
      // A credential is never shown.
      expect(r.err).not.toContain('hunter2secret');
      const json = await cli([...argv, '--json']);
      const { error } = JSON.parse(json.out) as {
        error: { exitCode: number; message: string; problems?: string[] };
      };
      expect(error.exitCode).toBe(2);
      expect([error.message, ...(error.problems ?? [])].join('\n')).toContain(said);
    }
  });

  it('good lines (a listed ${NAME} with no value here) plan as before', async () => {
    project('numpy<2\n--extra-index-url https://u:${IDX_PW}@idx.corp/simple\n');
    for (const argv of PLAN_RUNS) {
      const r = await cli(argv);
      expect(r.code, r.err).toBe(0);
    }
  });
});

describe('plan --skip-file-checks reads none of the files (a build job that makes one)', () => {
  it.each([
    ['an include the build job makes', 'numpy<2\n-r generated.txt\n'],
    ['a line that is no requirement', 'numpy<2\npandas===\n'],
  ])('%s: planned, exit 0; without the flag, exit 2', async (_what, requirements) => {
    project(requirements);
    expect((await cli(['plan'])).code).toBe(2);
    const r = await cli(['plan', '--skip-file-checks', '--json']);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { variants: { name: string }[] }).variants.map((v) => v.name)).toEqual([
      'cpu',
    ]);
  });

  it('the requirements file itself may be missing too', async () => {
    writeFileSync(at('ml-image.yml'), CONFIG);
    expect((await cli(['plan'])).err).toContain('requirements.txt');
    expect((await cli(['plan', '--skip-file-checks'])).code).toBe(0);
  });
});

describe('checkStageInputs reads the lines in a run that only plans', () => {
  const loaded = () => loadConfig({ cwd: dir, env: {} });
  const stages = (...s: Stage[]) => new Set<Stage>(s);

  it.each([
    [['plan'], true],
    [['plan', 'report'], false],
    [['smoke', 'report'], false],
    [['attest'], false],
  ] as [Stage[], boolean][])('stages %j: read %s', (s, read) => {
    project('numpy<2\npandas===\n');
    const check = () => checkStageInputs(loaded(), stages(...s), { mode: 'none', env: {} });
    if (read) expect(check).toThrow(ConfigError);
    else expect(check).not.toThrow();
  });
});

describe("the action's plan job stops on a bad line", () => {
  /** The action run with INPUTS (stages plan): what it failed with and its error annotations. */
  const planJob = (more: Record<string, string> = {}) =>
    runActionIn(dir, { stages: 'plan', config: 'ml-image.yml', ...more });

  // Audit: the plan sub-action did not read the requirements input, so a plan job passed with a
  // file that is not there, and each build job failed on it.
  it.each([
    [
      'a requirements input naming no file',
      { requirements: 'nonexistent.txt' },
      /nonexistent\.txt.*file not found|file not found.*nonexistent\.txt/,
    ],
    [
      'a requirements input naming a file with a bad line',
      { requirements: 'other.txt' },
      /invalid requirement "torch==="/,
    ],
  ])('%s: the plan job fails on it', async (_what, more, said) => {
    project('numpy<2\n');
    writeFileSync(path.join(dir, 'other.txt'), 'torch===\n');
    const { failed } = await planJob(more);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(said);
  });

  it('failed, with an annotation on the line of the requirements file', async () => {
    project('numpy<2\npandas===\n');
    const { failed, errors } = await planJob();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('invalid requirement "pandas==="');
    expect(errors.some((e) => e.message.includes('pandas===') && e.startLine === 2)).toBe(true);
  });
});

// The resolve stage read ML_IMAGE_RESOLVE_TIMEOUT_SECONDS after the plan stage had run (and
// written plan.json): bad input is refused before any stage.
describe('a run that resolves refuses a bad ML_IMAGE_RESOLVE_TIMEOUT_SECONDS at the door', () => {
  it.each([
    [['plan', 'resolve'], true],
    [['plan', 'build'], false],
  ] as [Stage[], boolean][])('stages %j: refused %s', (stages, refused) => {
    project('numpy<2\n');
    const loaded = loadConfig({ cwd: dir, checkFiles: false });
    const check = () =>
      checkStageInputs(loaded, new Set(stages), {
        mode: 'auto',
        env: { ML_IMAGE_RESOLVE_TIMEOUT_SECONDS: '15m', IDX_PW: 'x' },
      });
    if (refused) expect(check).toThrow(/ML_IMAGE_RESOLVE_TIMEOUT_SECONDS: expected whole seconds/);
    else expect(check).not.toThrow();
  });

  it('a run that attests refuses a typo in ML_IMAGE_SIGNER (it ran after the build)', () => {
    project('numpy<2\n');
    const loaded = loadConfig({ cwd: dir, checkFiles: false });
    const env = { ML_IMAGE_SIGNER: 'cosgin', IDX_PW: 'x' };
    expect(() =>
      checkStageInputs(loaded, new Set<Stage>(['plan', 'build', 'attest']), { mode: 'auto', env }),
    ).toThrow(/ML_IMAGE_SIGNER: expected cosign or builtin/);
    expect(() =>
      checkStageInputs(loaded, new Set<Stage>(['plan', 'build']), { mode: 'auto', env }),
    ).not.toThrow();
  });

  it('ml-image run --stages plan,resolve: exit 2, no plan.json written', async () => {
    project('numpy<2\n');
    const io = {
      ...captureIo(dir, fakeDocker(), {
        ML_IMAGE_CACHE_DIR: at('.cache'),
        ML_IMAGE_RESOLVE_TIMEOUT_SECONDS: '15m',
      }),
      git: NOT_A_REPOSITORY,
    };
    expect(await runCli(['run', '--stages', 'plan,resolve', '--out', 'out'], io)).toBe(2);
    expect(io.err()).toContain('ML_IMAGE_RESOLVE_TIMEOUT_SECONDS: expected whole seconds');
    expect(existsSync(at('out/plan.json'))).toBe(false);
  });
});
