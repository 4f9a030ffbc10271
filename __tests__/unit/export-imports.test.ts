// ml-image export: the imports suite imports what pip installed on the image, as `ml-image smoke`
// takes it for each platform it tests: a requirement whose environment marker is false on the
// variant's Python or on the platform's machine is left out. An image of several platforms whose
// names differ by machine imports each machine's, chosen by `uname -m` where the suite runs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exportCommand } from '../../src/cli/commands/export.js';
import { exportSteps } from '../../src/export/common.js';
import { importsByMachine } from '../../src/export/imports.js';
import { k8sManifests, podScript } from '../../src/export/k8s.js';
import { type SlurmOptions, slurmScript } from '../../src/export/slurm.js';
import { InputError } from '../../src/errors.js';
import { linuxMarkerEnvironment } from '../../src/requirements/markers.js';
import { requirementNames } from '../../src/requirements/parse.js';
import { openResultDir } from '../../src/results/results.js';
import { captureIo } from '../helpers/fakes.js';
import { D, k8s, type Loose, slurm } from '../helpers/export-fixtures.js';
import { makePlan, planVariant } from '../helpers/plans.js';

const REQUIREMENTS = 'numpy\ntomli; python_version < "3.11"\ntriton; platform_machine == "x86_64"\n';
const AMD64 = 'linux/amd64';
const ARM64 = 'linux/arm64';

describe('importsByMachine', () => {
  const namesFor = (python?: string) => (platform: string | undefined) =>
    requirementNames(REQUIREMENTS, linuxMarkerEnvironment(platform, python));

  it.each<[string, string[], string | undefined, Record<string, unknown>]>([
    ['arm64, Python 3.12', [ARM64], '3.12', { distributions: ['numpy'] }],
    ['amd64, Python 3.12', [AMD64], '3.12', { distributions: ['numpy', 'triton'] }],
    ['amd64, Python 3.10', [AMD64], '3.10', { distributions: ['numpy', 'tomli', 'triton'] }],
    ['arm64, Python 3.10.14', [ARM64], '3.10.14', { distributions: ['numpy', 'tomli'] }],
    [
      'both, Python 3.12: by machine',
      [AMD64, ARM64],
      '3.12',
      {
        distributions: ['numpy'],
        distributionsByMachine: { x86_64: ['numpy', 'triton'], aarch64: ['numpy'] },
      },
    ],
    [
      'both, Python 3.10: by machine, tomli on each',
      [ARM64, AMD64],
      '3.10',
      {
        distributions: ['numpy', 'tomli'],
        distributionsByMachine: { aarch64: ['numpy', 'tomli'], x86_64: ['numpy', 'tomli', 'triton'] },
      },
    ],
    // No platform known (no config): a marker on the machine keeps its requirement; Python unknown too.
    ['no platform, no Python', [], undefined, { distributions: ['numpy', 'tomli', 'triton'] }],
    [
      'a platform whose machine is not known',
      [AMD64, 'linux/riscv64'],
      '3.12',
      { distributions: ['numpy', 'triton'] },
    ],
  ])('%s', (_n, platforms, python, want) => {
    expect(importsByMachine(platforms, namesFor(python))).toEqual(want);
  });

  it('the same names on each platform: one list, no choice at run time', () => {
    const names = () => ['numpy', 'torch'];
    expect(importsByMachine([AMD64, ARM64], names)).toEqual({ distributions: ['numpy', 'torch'] });
  });
});

describe('the job imports each machine its own names', () => {
  const byMachine = { x86_64: ['numpy', 'triton'], aarch64: ['triton-arm'] };
  const spec = { suites: ['imports' as const], distributions: [], distributionsByMachine: byMachine };

  it('one step, chosen by uname -m; a machine not listed imports what all share (none here: a skip)', () => {
    const [step] = exportSteps(slurm(spec));
    expect(step).toMatchObject({
      kind: 'by-machine',
      id: 'imports',
      machines: {
        x86_64: { kind: 'script', args: ['imports', 'numpy', 'triton'] },
        aarch64: { kind: 'script', args: ['imports', 'triton-arm'] },
      },
      other: { kind: 'skip', reason: 'no requirement is installed on every platform of the image' },
    });
    expect(
      exportSteps(slurm({ ...spec, distributionsByMachine: { x86_64: ['triton'], aarch64: [] } }))[0],
    ).toMatchObject({
      machines: { aarch64: { kind: 'skip', reason: /no requirement is installed on aarch64/ } },
    });
  });

  it.each([
    [
      'Slurm (the first node, where the suites run)',
      slurmScript(slurm(spec)),
      [
        'case $(uname -m) in',
        '  x86_64)',
        '    run_step imports python3 /ml-image/ml_image_smoke.py imports numpy triton',
        '    record imports imports "$S_RC" "$S_START"',
        '    ;;',
        '  aarch64)',
        '    run_step imports python3 /ml-image/ml_image_smoke.py imports triton-arm',
        '    record imports imports "$S_RC" "$S_START"',
        '    ;;',
        '  *)',
        `    skip imports imports '{"status": "skip", "reason": "no requirement is installed on every platform of the image"}'`,
        '    ;;',
        'esac',
      ],
    ],
    [
      'Kubernetes (the pod)',
      podScript(k8s(spec), 'x'),
      [
        'case $(uname -m) in',
        '  x86_64)',
        '    run_step imports python3 "$SCRIPT" imports numpy triton',
        '    record imports imports "$S_RC" "$S_START"',
        '    report imports',
        '    ;;',
        '  aarch64)',
        '    run_step imports python3 "$SCRIPT" imports triton-arm',
        '    record imports imports "$S_RC" "$S_START"',
        '    report imports',
        '    ;;',
        '  *)',
      ],
    ],
  ])('%s', (_n, text, lines) => {
    expect(text).toContain(`\n${lines.join('\n')}\n`);
  });

  // A NUL, which no shell word holds, was dropped by the shell: "num\0py" imported numpy, and
  // "\0floors" (FLOORS_ARG) was written as "$ML_IMAGE_FLOORS", unset in a CPU job: `set -u` ended it.
  it.each<[string, Partial<SlurmOptions>, string]>([
    ['a NUL in a name', { distributions: ['num\0py'] }, '"num\\u0000py"'],
    ['the floors marker', { distributions: ['\0floors'] }, '"\\u0000floors"'],
    ["a machine's name", { distributionsByMachine: { x86_64: ['a\0'] } }, '"a\\u0000"'],
  ])('refuses %s, naming it (exit 2)', (_n, over, shown) => {
    for (const job of [
      () => slurmScript(slurm({ ...spec, ...over })),
      () => k8sManifests(k8s({ ...spec, ...over })),
    ]) {
      let e: unknown;
      try {
        job();
      } catch (err) {
        e = err;
      }
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).exitCode).toBe(2);
      expect((e as InputError).message).toContain(`imports: the requirement name ${shown} holds a NUL`);
    }
  });

  it('refuses a machine name that is no word (exit 2)', () => {
    expect(() => slurmScript(slurm({ ...spec, distributionsByMachine: { 'x86_64)': ['numpy'] } }))).toThrow(
      /machine: expected a name like x86_64, got "x86_64\)"/,
    );
  });
});

describe('ml-image export: the imports suite on the variant’s Python and platforms', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-export-imports-'));
    writeFileSync(path.join(dir, 'requirements.txt'), REQUIREMENTS);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** ml-image.yml (python.version, platforms), DIR/out/build.json of those platforms, plan.json. */
  const write = (o: { python?: string; platforms: string[]; planPython?: string }) => {
    const config = {
      image: { name: 'acme/train' },
      platforms: o.platforms,
      python: { requirements: ['requirements.txt'], ...(o.python && { version: o.python }) },
      smoke: { suites: ['imports'] },
    };
    writeFileSync(path.join(dir, 'ml-image.yml'), JSON.stringify(config));
    const from = path.join(dir, 'out');
    mkdirSync(from);
    const platforms = o.platforms.map((platform) => ({
      platform,
      digest: D,
      durationMs: 1,
      attempts: 1,
      metadata: {},
    }));
    const variant = {
      variant: 'cpu',
      repository: 'ghcr.io/acme/train',
      digest: D,
      tags: [],
      platforms,
      baseImage: 'python',
    };
    writeFileSync(path.join(from, 'build.json'), JSON.stringify({ schemaVersion: 1, variants: [variant] }));
    if (o.planPython)
      openResultDir(from).writePlan(makePlan({ ...planVariant('cpu'), python: o.planPython }));
  };
  const exported = async (target: '--slurm' | '--k8s', ...more: string[]) => {
    const code = await exportCommand.run(
      [target, '--config', 'ml-image.yml', ...more, '--out', 'job'],
      captureIo(dir),
    );
    expect(code).toBe(0);
    if (target === '--slurm') return readFileSync(path.join(dir, 'job', 'job.sbatch'), 'utf8');
    const docs = parseAllDocuments(readFileSync(path.join(dir, 'job', 'job.yaml'), 'utf8'));
    return (docs[0]!.toJS() as Record<string, Loose>).data['run.sh'] as string;
  };
  const importLines = (text: string) =>
    text
      .split('\n')
      .filter((l) => /run_step imports /.test(l))
      .map((l) => l.trim().replace(/^run_step imports python3 \S+ imports /, ''));

  it.each<[string, Parameters<typeof write>[0], string[], string[]]>([
    [
      'arm64 only, Python 3.12 (the config)',
      { python: '3.12', platforms: [ARM64] },
      ['--from', 'out'],
      ['numpy'],
    ],
    ['amd64 only, Python 3.12', { python: '3.12', platforms: [AMD64] }, ['--from', 'out'], ['numpy triton']],
    [
      "amd64 only, plan.json's Python 3.10 over the config's 3.12",
      { python: '3.12', platforms: [AMD64], planPython: '3.10' },
      ['--from', 'out'],
      ['numpy tomli triton'],
    ],
    [
      "arm64 only, plan.json's Python 3.12 over the config's 3.10",
      { python: '3.10', platforms: [ARM64], planPython: '3.12' },
      ['--from', 'out'],
      ['numpy'],
    ],
    [
      '--image, the config names arm64 only',
      { python: '3.12', platforms: [ARM64] },
      ['--image', `ghcr.io/acme/train@${D}`],
      ['numpy'],
    ],
    [
      'amd64 and arm64: by machine at run time',
      { python: '3.12', platforms: [AMD64, ARM64] },
      ['--from', 'out'],
      ['numpy triton', 'numpy', 'numpy'],
    ],
  ])('%s', async (_n, setup, source, want) => {
    write(setup);
    for (const target of ['--slurm', '--k8s'] as const) {
      const text = await exported(target, ...source);
      expect(importLines(text)).toEqual(want);
      expect(text.includes('case $(uname -m) in')).toBe(want.length > 1);
    }
  });
});
