// `ml-image smoke --config` hands the suites what the pipeline's smoke stage does for the image's
// variant: the requirement names pip installed on its Python (environment markers on
// python_version) and its NVIDIA driver floor from the config's plan. The variant: --variant, else
// the config's only one; several without --variant: python.version and no floor, said on stderr.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { ContainerRunSpec } from '../../src/docker/adapter.js';
import { ExitCode } from '../../src/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { BATCH_ENV } from '../../src/smoke/batch.js';
import { captureIo, fakeDocker, imageDetails } from '../helpers/fakes.js';

const REQUIREMENTS = 'numpy\ntomli; python_version < "3.11"\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-cli-variant-'));
  writeFileSync(path.join(dir, 'requirements.txt'), REQUIREMENTS);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `ml-image smoke --config ml-image.yml ARGS` on CONFIG: the smoke script's words per test, and stderr. */
async function smoke(config: object, args: string[]) {
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    JSON.stringify({
      image: { name: 'o/m' },
      ...config,
      python: {
        requirements: ['requirements.txt'],
        ...('python' in config ? (config.python as object) : {}),
      },
    }),
  );
  const words: Record<string, string[]> = {};
  const docker = fakeDocker({
    inspectImage: async () => imageDetails(),
    runContainer: async (spec: ContainerRunSpec) => {
      // python3 -c BOOT SCRIPT WORDS...; the process's plan (every test it runs) in its environment.
      const plan = spec.env?.[BATCH_ENV];
      const steps = plan ? (JSON.parse(plan) as { steps: { id: string; argv: string[] }[] }).steps : [];
      for (const s of steps) words[s.id] = s.argv;
      return { containerId: 'c', exitCode: 0, timedOut: false, stdout: '', stderr: '', durationMs: 1 };
    },
  });
  const io = captureIo(dir, docker);
  const code = await runCli(['smoke', '--image', 'o/m:1', '--config', 'ml-image.yml', ...args], io);
  return { code, words, err: io.err() };
}

/** The driver floor the plan of CONFIG gives VARIANT. */
function planFloor(config: object, variant: string): string | undefined {
  writeFileSync(path.join(dir, 'plan.yml'), JSON.stringify({ image: { name: 'o/m' }, ...config }));
  const { config: c } = loadConfig({ cwd: dir, file: 'plan.yml' });
  const plan = planBuild(c, { catalog: bundledCatalog(), git: {}, now: new Date() });
  return plan.variants.find((v) => v.name === variant)?.cuda?.minorCompatDriverMin;
}

describe('ml-image smoke --config: the imports suite judges markers on the variant’s Python', () => {
  it.each<[string, object, string[], string[]]>([
    ['python.version 3.11 (the only variant)', { python: { version: '3.11' } }, [], ['numpy']],
    ['python.version 3.10', { python: { version: '3.10' } }, [], ['numpy', 'tomli']],
    [
      'the chosen variant’s own Python',
      { python: { version: '3.12' }, variants: ['cpu', { name: 'old', python: '3.10' }] },
      ['--variant', 'old'],
      ['numpy', 'tomli'],
    ],
    [
      'the chosen variant without one: python.version',
      { python: { version: '3.12' }, variants: ['cpu', { name: 'old', python: '3.10' }] },
      ['--variant', 'cpu'],
      ['numpy'],
    ],
    [
      'several variants, none chosen: python.version',
      { python: { version: '3.11' }, variants: ['cpu', { name: 'old', python: '3.10' }] },
      [],
      ['numpy'],
    ],
    ['the plan’s Python (3.12 unless set)', {}, [], ['numpy']],
  ])('%s', async (_what, config, args, names) => {
    const r = await smoke(config, ['--suites', 'imports', '--gpus', 'none', ...args]);
    expect(r.words.imports, r.err).toEqual(['imports', ...names]);
  });

  it('several variants, none chosen: stderr says which Python and that no floor is checked', async () => {
    const r = await smoke({ python: { version: '3.11' }, variants: ['cpu', 'cuda12.8'] }, [
      '--suites',
      'imports',
      '--gpus',
      'none',
    ]);
    expect(r.err).toContain(
      'smoke: ml-image.yml has 2 variants (cpu, cuda12.8) and no --variant was given: the imports suite judges environment markers on python.version 3.11, and the gpu suite checks no driver floor',
    );
  });
});

describe('ml-image smoke --config: the gpu suite gets the variant’s driver floor from the plan', () => {
  it.each<[string, object, string[], string]>([
    ['the only variant, CUDA 12.8', { variants: ['cuda12.8'] }, [], 'cuda12.8'],
    ['the chosen CUDA variant', { variants: ['cpu', 'cuda12.8'] }, ['--variant', 'cuda12.8'], 'cuda12.8'],
    ['several, none chosen: no floor', { variants: ['cpu', 'cuda12.8'] }, [], 'none'],
  ])('%s', async (_what, config, args, variant) => {
    const floor = variant === 'none' ? undefined : planFloor(config, variant);
    if (variant.startsWith('cuda')) expect(floor).toMatch(/^\d+\.\d+/);
    const r = await smoke(config, ['--suites', 'gpu', '--gpus', 'all', ...args]);
    expect(r.words.gpu, r.err).toEqual(['gpu', floor ?? '', '--require']);
  });

  it('a cpu variant: no floor, and no GPU (the gpu suite is skipped without a container)', async () => {
    const config = { variants: ['cpu', 'cuda12.8'] };
    expect(planFloor(config, 'cpu')).toBeUndefined();
    const r = await smoke(config, ['--suites', 'gpu', '--gpus', 'all', '--variant', 'cpu']);
    expect(r.words.gpu, r.err).toBeUndefined();
    expect(r.err).toContain('smoke: no GPU: cpu variant: no GPU tests');
  });
});

describe('ml-image smoke --variant: bad input is exit 2', () => {
  it('without --config', async () => {
    const io = captureIo(dir);
    expect(await runCli(['smoke', '--image', 'o/m:1', '--variant', 'cpu', '--json'], io)).toBe(
      ExitCode.BadInput,
    );
    expect(JSON.parse(io.out()).error.message).toBe(
      'smoke: --variant names a variant of the config: pass --config FILE',
    );
  });

  it('a variant the config does not have, with the nearest', async () => {
    const r = await smoke({ variants: ['cpu', 'cuda12.8'] }, ['--variant', 'cuda12.9', '--json']);
    expect(r.code).toBe(ExitCode.BadInput);
    expect(r.err).toContain(
      'smoke: --variant "cuda12.9": ml-image.yml has no such variant (did you mean "cuda12.8"?)',
    );
    expect(r.err).toContain('give one of: cpu, cuda12.8');
  });
});
