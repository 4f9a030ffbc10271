// A misspelt value of a flag that takes a fixed set (--suites, --stages, --gpus, --platform,
// --comment-mode, --format, resolve's --mode and --network, a toleration's effect) is refused
// (exit 2) as an unknown flag or command is: naming the nearest value ("did you mean") and with a
// fix line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { parseStages } from '../../src/pipeline/stages.js';
import { parseGpuMode } from '../../src/smoke/gpu-mode.js';
import { platformFlag, suitesFlag } from '../../src/cli/args.js';
import { tolerationFlag } from '../../src/cli/commands/export-flags.js';
import { captureIo } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-enum-flags-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function refusal(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('not refused');
}

describe('a misspelt enum flag value', () => {
  it('smoke --suites imprts: exit 2, "did you mean" and a fix line with the list corrected', async () => {
    const io = captureIo(dir);
    const code = await runCli(['smoke', '--image', 'o/m:1', '--suites', 'imprts'], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/--suites: unknown suite\(s\) "imprts" \(did you mean "imports"\?\)/);
    expect(io.err()).toMatch(/fix: --suites imports\n/);
  });

  it('--suites with several names: each unknown one hinted, the fix keeps the good ones', () => {
    const e = refusal(() => suitesFlag('smoke', 'imports,gppu,pip-chek', undefined));
    expect(e.message).toContain('"gppu" (did you mean "gpu"?), "pip-chek" (did you mean "pip-check"?)');
    expect(e.fix).toBe('--suites imports,gpu,pip-check');
  });

  it('--suites naming a suite right and misspelt: the fix names it once (twice is refused)', () => {
    const e = refusal(() => suitesFlag('smoke', 'imports,imprts,gpu', undefined));
    expect(e.fix).toBe('--suites imports,gpu');
    expect(suitesFlag('smoke', e.fix!.slice('--suites '.length), undefined)).toEqual(['imports', 'gpu']);
  });

  it('--suites with a name near none: no hint, the fix lists the suites', () => {
    const e = refusal(() => suitesFlag('smoke', 'imports,zzzzzzzz', undefined));
    expect(e.message).not.toContain('did you mean');
    expect(e.fix).toMatch(/^give some of imports, pip-check, .*custom \(comma-separated\)/);
  });

  it('--stages, --gpus, --platform, a toleration effect: the nearest value named, a fix given', () => {
    expect(refusal(() => parseStages('plan,biuld', 'run: --stages')).message).toContain(
      'unknown stage(s) biuld (did you mean "build"?)',
    );
    const gpus = refusal(() => parseGpuMode('nnoe', 'smoke: --gpus'));
    expect(gpus.message).toBe('smoke: --gpus: expected auto, all or none, got "nnoe" (did you mean "none"?)');
    expect(gpus.fix).toBeDefined();
    const platform = refusal(() => platformFlag('smoke', 'linux/amd46'));
    expect(platform.message).toContain('(did you mean "linux/amd64"?)');
    expect(platform.fix).toBe('give linux/amd64 or linux/arm64');
    const effect = refusal(() => tolerationFlag('nvidia.com/gpu:NoSchedul'));
    expect(effect.message).toContain('(did you mean "NoSchedule"?)');
    expect(effect.fix).toBeDefined();
  });

  it.each([
    [
      '--mode',
      'chekc',
      /^error: resolve: --mode: expected auto or check, got "chekc" \(did you mean "check"\?\)\n/,
    ],
    [
      '--network',
      'hots',
      /^error: resolve: --network: expected host or bridge, got "hots" \(did you mean "host"\?\)\n/,
    ],
    // Quoted as JSON: a quote in the value does not end the quoting.
    ['--mode', 'a"b', /^error: resolve: --mode: expected auto or check, got "a\\"b"\n/],
  ])('resolve %s %s: exit 2, the value quoted, the nearest named, a fix line', async (flag, value, said) => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
    const io = captureIo(dir);
    const argv = [
      'resolve',
      '--image',
      'python:3.12-slim',
      '--requirements',
      'requirements.txt',
      flag,
      value,
    ];
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toMatch(said);
    expect(io.err()).toMatch(new RegExp(`\nfix: give ${flag} \\w+ or \\w+, or leave it out\n`));
  });

  it('report --comment-mode and sbom --format: the nearest value named', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      JSON.stringify({ image: { name: 'o/m' }, python: { requirements: ['requirements.txt'] } }),
    );
    const io = captureIo(dir);
    expect(await runCli(['report', '--results', dir, '--comment-mode', 'psot'], io)).toBe(2);
    expect(io.err()).toMatch(/--comment-mode: expected .*got "psot" \(did you mean "post"\?\)/);
    const io2 = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'env.json', '--format', 'spxd'], io2)).toBe(2);
    expect(io2.err()).toMatch(/--format: expected .*got "spxd" \(did you mean "spdx"\?\)/);
  });
});
