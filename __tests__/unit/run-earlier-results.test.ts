// `ml-image run --stages smoke` (or attest) without build reads the build's build.json from --out:
// one that is not there, or is broken, is bad input before the first stage runs (the plan stage
// wrote plan.json first, then failed), and its fix names the CLI's way to give it (--stages,
// --out), not the action's result-dir input.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { checkEarlierResults } from '../../src/cli/commands/run.js';
import { InputError } from '../../src/errors.js';
import { captureIo } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-run-earlier-'));
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('run --stages without build, no build.json in --out', () => {
  it.each([
    ['smoke', 'the smoke stage reads', 'build,smoke'],
    ['smoke,attest,report', 'the smoke and attest stages read', 'build,smoke,attest,report'],
    ['attest', 'the attest stage reads', 'build,attest'],
  ])('--stages %s: exit 2 before the plan stage, the fix in the CLI words', async (stages, says, fixed) => {
    // Its Docker adapter rejects every call: nothing may reach the engine.
    const io = captureIo(dir);
    const rc = await runCli(['run', '--stages', stages, '--baseline', 'none', '--out', 'results3'], io);
    expect(rc, io.err()).toBe(2);
    expect(io.err()).toContain(
      `error: run --stages ${stages}: ${says} the build's build.json, and --out results3 (${path.join(dir, 'results3')}) has none`,
    );
    expect(io.err()).toContain(
      `fix: add build to --stages (--stages ${fixed}), or pass --out a directory holding the build's build.json`,
    );
    expect(io.err()).not.toContain('result-dir');
    // Nothing ran: no plan.json, no result directory at all.
    expect(existsSync(path.join(dir, 'results3'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f !== '.ml-image-cache')).toEqual(['ml-image.yml']);
  });

  it('a broken build.json there: refused before the plan stage too, with the same fix', async () => {
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', 'build.json'), '{"schemaVersion": 1');
    const io = captureIo(dir);
    expect(await runCli(['run', '--stages', 'smoke', '--baseline', 'none', '--out', 'out'], io)).toBe(2);
    expect(io.err(), io.err()).toMatch(/out\/build\.json: not JSON/);
    expect(io.err()).toContain('fix: add build to --stages (--stages build,smoke)');
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['build.json']);
  });
});

// Finding: the report stage alone on a directory without records reported nothing and passed
// (exit 0), so a CI job pointed at the wrong --out passed silently.
describe('run --stages with report but not smoke, no record in --out', () => {
  it.each([
    ['report', 'missing', 'smoke,report'],
    ['report', 'empty', 'smoke,report'],
    ['plan,build,attest,report', 'empty', 'plan,build,smoke,attest,report'],
  ])('--stages %s, --out %s: exit 2 before the plan stage, nothing written', async (stages, out, fixed) => {
    if (out === 'empty') mkdirSync(path.join(dir, out));
    if (stages.includes('attest'))
      writeFileSync(
        path.join(dir, 'ml-image.yml'),
        'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\nattest: {sign: off}\n',
      );
    const io = captureIo(dir);
    const rc = await runCli(['run', '--stages', stages, '--baseline', 'none', '--out', out], io);
    expect(rc, io.err()).toBe(2);
    expect(io.err()).toContain(
      `error: run --stages ${stages}: the report stage reads the smoke stage's env-<variant>-<arch>.json, and --out ${out} (${path.join(dir, out)}) has none: nothing would be reported`,
    );
    expect(io.err()).toContain(`fix: add smoke to --stages (--stages ${fixed})`);
    expect(existsSync(path.join(dir, out, 'plan.json'))).toBe(false);
  });

  it("a record of any target is enough to run (which are this build's is the report stage's to say)", () => {
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', 'env-other-arm64.json'), '{}');
    expect(() =>
      checkEarlierResults(new Set(['report'] as const), path.join(dir, 'out'), '--out out'),
    ).not.toThrow();
    expect(() =>
      checkEarlierResults(new Set(['smoke', 'report'] as const), path.join(dir, 'nowhere'), '--out x'),
    ).toThrow(/build\.json/);
    expect(() =>
      checkEarlierResults(
        new Set(['build', 'smoke', 'report'] as const),
        path.join(dir, 'nowhere'),
        '--out x',
      ),
    ).not.toThrow();
  });
});

describe('a build.json that holds no variants: what is wrong, exit 2 naming the file', () => {
  it.each([
    [
      '[]',
      'run --stages smoke',
      'fix: rerun the build, which records each variant it builds: add build to --stages',
    ],
    [
      '[]',
      'run --stages attest',
      'fix: rerun the build, which records each variant it builds: add build to --stages',
    ],
    [
      '{}',
      'run --stages smoke',
      'fix: rerun the build, which records each variant it builds: add build to --stages',
    ],
    [
      '[]',
      'export --k8s --from out --out job',
      'fix: rerun the build, which records each variant it builds: pass the --out directory of "ml-image build"',
    ],
    [
      '{}',
      'export --k8s --from out --out job',
      'fix: rerun the build, which records each variant it builds: pass the --out directory of "ml-image build"',
    ],
    [
      '[]',
      'devcontainer --from out',
      'fix: rerun the build, which records each variant it builds: pass the --out directory of "ml-image build" or "ml-image run"',
    ],
  ])('variants: %s, %s', async (variants, command, fix) => {
    mkdirSync(path.join(dir, 'out'));
    const file = path.join(dir, 'out', 'build.json');
    writeFileSync(file, `{"schemaVersion": 1, "variants": ${variants}}`);
    const io = captureIo(dir);
    const argv = [
      ...command.split(' '),
      ...(command.startsWith('run') ? ['--baseline', 'none', '--out', 'out'] : []),
    ];
    expect(await runCli(argv, io), io.err()).toBe(2);
    expect(io.err()).toContain(
      `error: ${file}: the build result holds no variants (variants: ${variants}): the build that wrote it built nothing\n${fix}`,
    );
    expect(io.err()).not.toMatch(/--variant\b|not a build result/);
    const json = captureIo(dir);
    expect(await runCli([...argv, '--json'], json)).toBe(2);
    const { error } = JSON.parse(json.out()) as { error: { message: string; fix?: string } };
    expect(error.message).toContain(`${file}: the build result holds no variants`);
    expect(error.fix).toMatch(/^rerun the build, which records each variant it builds: /);
  });
});

// Finding: a variant of no platforms was taken: export wrote a job that could never be collected.
describe('a build.json variant of no platforms: exit 2 naming the field', () => {
  it.each(['export --k8s --from out --out job', 'devcontainer --from out', 'run --stages smoke'])(
    '%s',
    async (command) => {
      mkdirSync(path.join(dir, 'out'));
      const file = path.join(dir, 'out', 'build.json');
      const variant = {
        variant: 'cpu',
        repository: 'localhost:5000/my-org/model',
        tags: [],
        baseImage: 'python:3.12-slim',
        platforms: [],
      };
      writeFileSync(file, JSON.stringify({ schemaVersion: 1, variants: [variant] }));
      const io = captureIo(dir);
      const argv = [
        ...command.split(' '),
        ...(command.startsWith('run') ? ['--baseline', 'none', '--out', 'out'] : []),
      ];
      expect(await runCli(argv, io), io.err()).toBe(2);
      expect(io.err()).toContain(file);
      expect(io.err()).toMatch(
        /variants\[0\]\.platforms.*no platform: the build records a variant with each platform it built/,
      );
      expect(existsSync(path.join(dir, 'job'))).toBe(false);
    },
  );
});

describe('checkEarlierResults', () => {
  it('nothing to check: build among the stages, or no stage that reads build.json or records', () => {
    const missing = path.join(dir, 'none');
    for (const stages of [
      ['build', 'smoke'],
      ['plan', 'resolve'],
      ['smoke', 'build', 'report'],
    ] as const)
      expect(() => checkEarlierResults(new Set(stages), missing, '--out none')).not.toThrow();
    expect(existsSync(missing)).toBe(false);
  });

  it('no build.json: an InputError (exit 2)', () => {
    const e = (() => {
      try {
        checkEarlierResults(new Set(['smoke'] as const), dir, '--out x');
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(2);
  });
});
