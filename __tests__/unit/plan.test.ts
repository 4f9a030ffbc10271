import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, validateConfigData } from '../../src/config/load.js';
import type { Variant } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';
import { bundledCatalog, family, hasCudaWheels } from '../../src/plan/catalog.js';
import { CatalogSchema } from '../../src/plan/catalog-schema.js';
import { applyMirrors, parseImageRef, repositoryOf } from '../../src/oci/ref.js';
import { BASE_HANDLERS, baseKind } from '../../src/plan/base.js';
import { PLAN_SCHEMA_VERSION, type PlanContext, PlanSchema, planBuild } from '../../src/plan/plan.js';
import type { GitContext } from '../../src/plan/schema.js';
import { computeLabels, computeTags, versionFromRef } from '../../src/plan/tags.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const ctx: PlanContext = {
  catalog: bundledCatalog(),
  git: {
    sha: 'abc1234def5678',
    ref: 'refs/heads/main',
    isDefaultBranch: true,
    repositoryUrl: 'https://github.com/o/r',
  },
  now: new Date('2026-11-22T10:00:00Z'),
};
const plan = (data: Record<string, unknown>) =>
  planBuild(validateConfigData({ image: { name: 'o/m' }, ...data }, 'x'), ctx);
function planErrors(data: Record<string, unknown>): string[] {
  try {
    plan(data);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).exitCode).toBe(2);
    return [...(e as ConfigError).problems];
  }
  throw new Error('expected the plan to be refused');
}

describe('the bundled catalog', () => {
  it('validates against its schema and names a source for every row', () => {
    const c = CatalogSchema.parse(bundledCatalog());
    const rows = [...c.cudaDrivers, ...c.baseImages, ...c.torch];
    for (const row of rows) expect(row.source).toMatch(/^https:\/\//);
  });

  it('knows the facts the planner depends on', () => {
    const c = bundledCatalog();
    expect(c.baseImages.find((b) => b.family === 'pytorch-pytorch')).toMatchObject({
      platforms: ['linux/amd64'],
    });
    expect(c.cudaDrivers.find((d) => d.cuda === '12.8')?.minorCompatDriverMin).toBe('525.60.13');
    expect(c.cudaDrivers.find((d) => d.cuda === '13.0')?.minorCompatDriverMin).toMatch(/^580\./);
    expect(c.torch.find((t) => t.torch === '2.9')?.aarch64Cuda).toBe('pytorch-index');
    expect(c.torch.find((t) => t.torch === '2.11')?.aarch64Cuda).toBe('pypi');
  });
});

describe('plan: base image per variant and platform', () => {
  it.each([
    [
      'cpu on both platforms -> python slim (multi-arch)',
      { variants: ['cpu'] },
      { ref: 'docker.io/library/python:3.12-slim', template: 'cpu', python: '3.12' },
    ],
    [
      'cpu with python 3.11',
      { variants: [{ python: '3.11' }] },
      { ref: 'docker.io/library/python:3.11-slim', template: 'cpu', python: '3.11' },
    ],
    [
      'cpu with python 3.15 (python:3.15-slim, out since October 2026)',
      { variants: [{ python: '3.15' }] },
      { ref: 'docker.io/library/python:3.15-slim', template: 'cpu', python: '3.15' },
    ],
    [
      'arm64 + CUDA 12.8 -> multi-arch nvidia/cuda, torch from cu128',
      { variants: ['cuda12.8'], platforms: ['linux/arm64'] },
      { ref: 'docker.io/nvidia/cuda:12.8.2-runtime-ubuntu24.04', template: 'cuda', python: '3.12' },
    ],
    [
      'CUDA 12.6 -> cuDNN runtime image',
      { variants: ['cuda12.6'] },
      { ref: 'docker.io/nvidia/cuda:12.6.3-cudnn-runtime-ubuntu24.04', template: 'cuda', python: '3.12' },
    ],
    [
      'CUDA with python 3.10 -> the Ubuntu 22.04 image',
      { variants: [{ cuda: '12.6', python: '3.10' }] },
      { ref: 'docker.io/nvidia/cuda:12.6.3-cudnn-runtime-ubuntu22.04', template: 'cuda', python: '3.10' },
    ],
    [
      'NGC base -> ngc template, facts from the release',
      { variants: [{ name: 'ngc', base: 'nvcr.io/nvidia/pytorch:25.03-py3' }] },
      { ref: 'nvcr.io/nvidia/pytorch:25.03-py3', template: 'ngc', python: '3.12' },
    ],
  ])('%s', (_name, data, expected) => {
    const v = plan(data).variants[0]!;
    expect(v.base.ref).toBe(expected.ref);
    expect(v.template).toBe(expected.template);
    expect(v.python).toBe(expected.python);
    expect(v.base.reason.length).toBeGreaterThan(10);
    expect(v.buildArgs.BASE_IMAGE).toBe(expected.ref);
  });

  it('a CUDA variant gets the wheel index, the newest fitting torch and the driver floor', () => {
    const v = plan({ variants: ['cuda12.8'] }).variants[0]!;
    expect(v.torch?.indexUrl).toBe('https://download.pytorch.org/whl/cu128');
    expect(v.torch?.version).toMatch(/^2\.\d+\.\d+$/);
    expect(v.cuda).toEqual({
      version: '12.8',
      toolkitDriverMin: '570.26',
      minorCompatDriverMin: '525.60.13',
    });
    expect(v.buildArgs).toMatchObject({
      TORCH_INDEX_URL: 'https://download.pytorch.org/whl/cu128',
      ML_IMAGE_CUDA: '12.8',
    });
  });

  it.each([
    ['2.13', true],
    ['2.14', true],
    ['2.12', false],
  ])(
    'Python 3.15 with torch %s: wheels from 2.13 on (RELEASE.md matrix: <=3.15), refused before',
    (torch, ok) => {
      const data = { python: { version: '3.15' }, torch, variants: ['cpu'] };
      if (ok) expect(plan(data).variants[0]!.torch?.version).toMatch(new RegExp(`^${torch}\\.\\d+$`));
      else
        expect(planErrors(data)).toEqual([
          expect.stringMatching(
            /torch 2\.12 has no wheels for Python 3\.15 .*nearest valid: torch 2\.13 or 2\.14$/,
          ),
        ]);
    },
  );

  it('torch 2.14: CUDA 13.2 is the PyPI default (the 2.15 RFC, pytorch/pytorch#190385)', () => {
    expect(bundledCatalog().torch.find((t) => t.torch === '2.14')?.pypiDefaultCuda).toBe('13.2');
  });

  it('torch "2.5" means the newest 2.5.x', () => {
    expect(
      plan({ variants: [{ cuda: '12.4', torch: '2.5' }], platforms: ['linux/amd64'] }).variants[0]!.torch
        ?.version,
    ).toBe('2.5.1');
  });

  it('refuses arm64 with pytorch/pytorch (amd64-only) and says why', () => {
    const errors = planErrors({
      variants: [{ name: 'pt', base: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime' }],
      platforms: ['linux/amd64', 'linux/arm64'],
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^variants\[0\] \(pt\): pytorch\/pytorch:2\.7\.1.* has no linux\/arm64 image/);
    expect(errors[0]).toContain('linux/amd64 only');
    expect(errors[0]).toContain('nvcr.io/nvidia/pytorch');
  });

  it('accepts pytorch/pytorch for amd64 alone', () => {
    const p = plan({
      variants: [{ name: 'pt', base: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime' }],
      platforms: ['linux/amd64'],
    });
    expect(p.targets.map((t) => t.id)).toEqual(['pt-amd64']);
  });

  it.each([
    ['build.template: ngc', { build: { template: 'ngc' } }, 'build.template (variants[0] cuda12.8): '],
    ['build.template: cpu', { build: { template: 'cpu' } }, 'build.template (variants[0] cuda12.8): '],
    [
      "the variant's template: cpu",
      { variants: [{ cuda: '12.8', template: 'cpu' }], build: { template: 'ngc' } },
      'variants[0] (cuda12.8): ',
    ],
  ])(
    'refuses a template that expects Python on a CUDA base (%s), naming where it is set',
    (_what, data, where) => {
      const errors = planErrors({ variants: ['cuda12.8'], ...data });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^[^:]+: template "(cpu|ngc)" cannot build/);
      expect(errors[0]!.startsWith(where)).toBe(true);
      expect(errors[0]).toContain('docker.io/nvidia/cuda:12.8');
      expect(errors[0]).toContain('use template "cuda"');
      // The cuda template (the default) and the user's own Dockerfile (no template) are fine.
      expect(() => plan({ variants: ['cuda12.8'] })).not.toThrow();
      expect(() => plan({ variants: ['cuda12.8'], build: { template: 'cuda' } })).not.toThrow();
    },
  );

  it('refuses a tag over 128 characters, naming what makes it long', () => {
    const errors = planErrors({
      image: { name: 'o/m', version: `1.${'0'.repeat(99)}` },
      variants: [{ name: 'v'.repeat(40), python: '3.11' }],
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^image\.version: the tag "1\.0+-v{40}" of variants\[0\] \(v{40}\) is 142 characters, over the 128 a registry takes: shorten image\.version \(at most 87 characters beside this variant's name\) or the variant's name$/,
    );
    expect(() =>
      plan({
        image: { name: 'o/m', version: `1.${'0'.repeat(80)}` },
        variants: [{ name: 'v'.repeat(40), python: '3.11' }],
      }),
    ).not.toThrow();
  });

  it.each([
    [
      'a variant named latest',
      {},
      [
        { name: 'cpu', python: '3.11' },
        { name: 'latest', python: '3.12' },
      ],
      'latest',
    ],
    [
      "a variant named like another's version tag",
      { version: '1.0.0' },
      [
        { name: 'cpu', python: '3.11' },
        { name: '1.0.0-cpu', python: '3.12' },
      ],
      '1.0.0-cpu',
    ],
  ])(
    'refuses two variants that would push one tag (%s), naming both and the tag',
    (_what, image, variants, tag) => {
      const errors = planErrors({ image: { name: 'o/m', ...image }, variants });
      expect(errors).toEqual([
        `variants[1] (${variants[1]!.name}): it would push the tag "${tag}" that variants[0] (cpu) pushes: rename one of them`,
      ]);
    },
  );

  it('finds a tag two variants would push on the default branch from a plan made elsewhere (a local run)', () => {
    const config = validateConfigData(
      {
        image: { name: 'o/m' },
        variants: [
          { name: 'cpu', python: '3.11' },
          { name: 'latest', python: '3.12' },
        ],
      },
      'x',
    );
    let err: unknown;
    try {
      planBuild(config, { ...ctx, git: {} });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([
      'variants[1] (latest): it would push the tag "latest" that variants[0] (cpu) pushes on the default branch or a pull request: rename one of them',
    ]);
  });

  it('refuses more build targets than a GitHub Actions matrix runs (256)', () => {
    const variants = Array.from({ length: 129 }, (_, i) => ({ name: `v${i}`, python: '3.11' }));
    expect(planErrors({ variants })).toEqual([
      'variants x platforms: 258 build targets (129 x 2); a GitHub Actions matrix runs at most 256 jobs: split the variants over several config files',
    ]);
    expect(() => plan({ variants: variants.slice(0, 128) })).not.toThrow();
  });

  it('torch 2.8 has aarch64 CUDA wheels for cu128 and cu129, not cu126: the shorthand cuda12.9 plans for both platforms', () => {
    const p = plan({ torch: '2.8', variants: ['cuda12.9', 'cuda12.8'] });
    expect(p.variants.map((v) => [v.name, v.platforms, v.torch?.version])).toEqual([
      ['cuda12.9', ['linux/amd64', 'linux/arm64'], '2.8.0'],
      ['cuda12.8', ['linux/amd64', 'linux/arm64'], '2.8.0'],
    ]);
    expect(planErrors({ torch: '2.8', variants: ['cuda12.6'] })[0]).toContain(
      'torch 2.8 has no aarch64 CUDA 12.6 wheels (only cu128, cu129)',
    );
  });

  it('refuses arm64 CUDA with a torch that has no aarch64 CUDA wheel for that CUDA', () => {
    const errors = planErrors({ variants: [{ cuda: '12.6', torch: '2.7' }], platforms: ['linux/arm64'] });
    expect(errors[0]).toContain('torch 2.7 has no aarch64 CUDA 12.6 wheels (only cu128)');
    expect(errors[0]).toContain('silently install the CPU build');
    expect(() =>
      plan({ variants: [{ cuda: '12.8', torch: '2.7' }], platforms: ['linux/arm64'] }),
    ).not.toThrow();
    const arm = planErrors({ variants: [{ cuda: '12.4', torch: '2.5' }], platforms: ['linux/arm64'] })[0];
    expect(arm).toContain('torch 2.5 has no aarch64 CUDA 12.4 wheels');
    expect(arm).toContain('nvcr.io/nvidia/pytorch');
  });

  it('refuses a torch/CUDA pair the catalog knows has no wheels (exit 2), the same advice on every platform', () => {
    const messages = [['linux/amd64'], ['linux/arm64'], ['linux/amd64', 'linux/arm64']].map((platforms) => {
      const errors = planErrors({ variants: [{ cuda: '12.8', torch: '2.5' }], platforms });
      expect(errors).toHaveLength(1);
      return errors[0];
    });
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toBe(
      'variants[0] (cuda12.8): torch 2.5 has no CUDA 12.8 wheels (it has 11.8, 12.1, 12.4); nearest valid: torch 2.7 or 2.8 with CUDA 12.8',
    );
  });

  it('only warns about a torch release the catalog does not know', () => {
    const p = plan({ variants: [{ cuda: '12.8', torch: '2.99' }], platforms: ['linux/amd64'] });
    expect(p.warnings).toEqual([
      'variants[0] (cuda12.8): torch 2.99 is not in the catalog (newest known: 2.14); its CUDA 12.8 wheels are not checked',
    ]);
  });

  it('refuses a CPU torch the catalog knows has no wheels for the Python', () => {
    expect(planErrors({ variants: ['cpu'], torch: '2.5', python: { version: '3.14' } })).toEqual([
      'torch (variants[0] cpu): torch 2.5 has no wheels for Python 3.14 (it supports 3.9, 3.10, 3.11, 3.12); nearest valid: torch 2.9 or 2.10',
    ]);
  });

  it('refuses a CUDA version the catalog does not know, naming the nearest', () => {
    expect(planErrors({ variants: ['cuda12.7'] })[0]).toMatch(
      /CUDA 12\.7 is not in the catalog; valid: 12\.(6|8), 12\.(6|8)/,
    );
  });

  it('warns about a custom base the catalog does not know, and about an unknown NGC tag', () => {
    expect(plan({ variants: [{ name: 'x', base: 'my.registry/base:1' }] }).warnings[0]).toContain(
      'not in the catalog; its platforms, CUDA and torch are not checked',
    );
    expect(plan({ variants: [{ name: 'n', base: 'nvcr.io/nvidia/pytorch:25.07-py3' }] }).warnings[0]).toMatch(
      /not a release the catalog knows; nearest: 25\.0\d-py3/,
    );
  });

  it('a custom base: the torch asked for is installed from the index of its CUDA; the Python its family ships; a CUDA image builds with the cuda template', () => {
    const p = plan({
      torch: '2.7',
      platforms: ['linux/amd64'],
      variants: [
        { name: 'py311', base: 'python:3.11-slim' },
        { name: 'cudabase', base: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04', cuda: '12.8' },
        { name: 'own', base: 'my.registry/base:1' },
      ],
    });
    const [py311, cudabase, own] = p.variants;
    expect(py311).toMatchObject({ python: '3.11', template: 'cpu' });
    expect(py311!.buildArgs).toMatchObject({
      PYTHON_VERSION: '3.11',
      TORCH_VERSION: '2.7.1',
      TORCH_INDEX_URL: 'https://download.pytorch.org/whl/cpu',
    });
    expect(cudabase).toMatchObject({ python: '3.12', template: 'cuda' });
    expect(cudabase!.buildArgs).toMatchObject({
      TORCH_VERSION: '2.7.1',
      TORCH_INDEX_URL: 'https://download.pytorch.org/whl/cu128',
      ML_IMAGE_CUDA: '12.8',
    });
    expect(own!.buildArgs).toMatchObject({
      TORCH_VERSION: '2.7.1',
      TORCH_INDEX_URL: 'https://download.pytorch.org/whl/cpu',
    });
    // A python that is not the image's is said; a CUDA image under the cpu template is refused.
    expect(
      plan({
        platforms: ['linux/amd64'],
        variants: [{ name: 'p', base: 'python:3.11-slim', python: '3.12' }],
      }).warnings,
    ).toEqual([
      "variants[0] (p): python 3.12 is not what python:3.11-slim ships (Python 3.11); the image's Python is used",
    ]);
    expect(
      planErrors({
        platforms: ['linux/amd64'],
        build: { template: 'cpu' },
        variants: [{ name: 'c', base: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04', cuda: '12.8' }],
      })[0],
    ).toMatch(/^build\.template \(variants\[0\] c\): template "cpu" cannot build on nvidia\/cuda:12\.8\.1/);
  });

  it.each([
    ['2.7', '2.7.1', []],
    ['2.7.0', '2.7.0', []],
    [
      '2.7.9',
      '2.7.9',
      [
        'torch (variants[0] cpu): torch 2.7.9 is newer than the newest 2.7 release the catalog knows (2.7.1); if it does not exist, pip fails in the build',
      ],
    ],
  ])('a CPU variant with torch %s installs %s, as a CUDA variant does', (asked, installed, warnings) => {
    const cpu = plan({ torch: asked, variants: ['cpu'] });
    expect(cpu.variants[0]!.buildArgs.TORCH_VERSION).toBe(installed);
    expect(cpu.warnings).toEqual(warnings);
    const gpu = plan({ torch: asked, variants: ['cuda12.8'] });
    expect(gpu.variants[0]!.torch?.version).toBe(installed);
  });

  it('a CPU variant with a torch the catalog does not know: said, as for a CUDA variant', () => {
    expect(plan({ torch: '9.9', variants: ['cpu'] }).warnings[0]).toMatch(
      /^torch \(variants\[0\] cpu\): torch 9\.9 is not in the catalog \(newest known: [\d.]+\); its wheels are not checked$/,
    );
  });

  it('a pytorch/pytorch base keeps its own torch (a CUDA build pip would replace); another torch asked is said', () => {
    const base = 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime';
    const p = plan({ torch: '2.5', platforms: ['linux/amd64'], variants: [{ name: 'pt', base }] });
    expect(p.variants[0]!.torch).toEqual({ version: '2.7.1' });
    expect(p.variants[0]!.buildArgs.TORCH_VERSION).toBeUndefined();
    expect(p.warnings).toEqual([
      `torch (variants[0] pt): ${base} ships its own torch (2.7.1); torch 2.5 is not installed over it`,
    ]);
    expect(
      plan({ torch: '2.7', platforms: ['linux/amd64'], variants: [{ name: 'pt', base }] }).warnings,
    ).toEqual([]);
  });

  it("an NGC base: a python, cuda or torch the release does not have is said, and the release's used", () => {
    const p = plan({
      variants: [
        { name: 'ngc', base: 'nvcr.io/nvidia/pytorch:25.03-py3', python: '3.10', cuda: '12.4', torch: '2.6' },
      ],
    });
    expect(p.variants[0]).toMatchObject({ python: '3.12', template: 'ngc' });
    expect(p.variants[0]!.buildArgs.TORCH_VERSION).toBeUndefined();
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(
      /^variants\[0\] \(ngc\): nvcr\.io\/nvidia\/pytorch:25\.03-py3 decides python 3\.10 \(it has 3\.12\), cuda 12\.4 \(it has 12\.8\.1\), torch 2\.6 \(it has 2\.7\.0a0\+[0-9a-f]+\); the release's are used$/,
    );
    // What the release has, asked as it is (torch 2.7 for its 2.7.0a0 build): nothing to say.
    const same = {
      name: 'ngc',
      base: 'nvcr.io/nvidia/pytorch:25.03-py3',
      python: '3.12',
      cuda: '12.8',
      torch: '2.7',
    };
    expect(plan({ variants: [same] }).warnings).toEqual([]);
  });

  it('rewrites base images through mirrors and says so', () => {
    const v = plan({ build: { mirrors: { 'docker.io/library/python': 'localhost:5000/mirror/python' } } })
      .variants[0]!;
    expect(v.base.ref).toBe('localhost:5000/mirror/python:3.12-slim');
    expect(v.base.canonical).toBe('docker.io/library/python:3.12-slim');
    expect(v.base.reason).toContain('via mirror localhost:5000/mirror/python:3.12-slim');
    expect(v.labels['org.opencontainers.image.base.name']).toBe('docker.io/library/python:3.12-slim');
  });

  // A mirror key that no base goes through (a typo) once planned exit 0 without a word, the base
  // pulled from its own registry.
  it.each([
    ['a misspelt repository', 'docker.io/library/pytho'],
    ['another case', 'Docker.io/library/python'],
    ["Docker Hub's other name", 'index.docker.io/library/python'],
    ['an image no variant uses', 'nvidia/cuda'],
    ['a misspelt name without a registry', 'pyhton'],
  ])('says a mirror that no base goes through: %s', (_n, key) => {
    const p = plan({
      variants: ['cpu'],
      build: { mirrors: { [key]: 'mirror.corp/x', python: 'mirror.corp/python' } },
    });
    expect(p.variants[0]!.base.ref).toBe('mirror.corp/python:3.12-slim');
    expect(p.warnings).toEqual([
      `build.mirrors: "${key}" is the mirror of no base image planned (docker.io/library/python): check its spelling (a name alone, "python", is Docker Hub's docker.io/library/python)`,
    ]);
  });

  // A broader prefix that a longer key shadows, and a registry's host alone (an organisation's
  // list of mirrors), are no typos.
  it.each([
    [{ 'docker.io/nvidia': 'm/nv', 'docker.io/nvidia/cuda': 'm/cuda' }, 'cuda12.8'],
    [{ 'docker.io': 'm/hub', 'nvcr.io': 'm/nvcr', 'ghcr.io': 'm/gh' }, 'cpu'],
  ])('says nothing of %j', (mirrors, variant) => {
    expect(plan({ variants: [variant], build: { mirrors } }).warnings).toEqual([]);
  });

  it('says nothing of a mirror a base goes through, by name, repository or prefix', () => {
    for (const key of ['python', 'docker.io/library/python', 'docker.io/library'])
      for (const cuda of ['nvidia/cuda', 'docker.io/nvidia'])
        expect(
          plan({
            variants: ['cpu', 'cuda12.8'],
            build: { mirrors: { [key]: 'mirror.corp/x', [cuda]: 'm/c' } },
          }).warnings,
        ).toEqual([]);
  });

  it('expands variants x platforms into targets and a workflow matrix', () => {
    const p = plan({ variants: ['cpu', 'cuda12.8'] });
    expect(p.targets.map((t) => `${t.id}@${t.runner}`)).toEqual([
      'cpu-amd64@ubuntu-latest',
      'cpu-arm64@ubuntu-24.04-arm',
      'cuda12.8-amd64@ubuntu-latest',
      'cuda12.8-arm64@ubuntu-24.04-arm',
    ]);
    expect(p.matrix.include[1]).toEqual({
      variant: 'cpu',
      platform: 'linux/arm64',
      arch: 'arm64',
      runner: 'ubuntu-24.04-arm',
    });
    expect(p.schemaVersion).toBe(1);
  });
});

describe('tags', () => {
  const base = { repository: 'ghcr.io/o/m', variant: 'cpu', primary: true };
  it.each<[string, Partial<Parameters<typeof computeTags>[0]>, GitContext, string[]]>([
    [
      'default branch, version',
      { version: '1.4.0' },
      { sha: 'abc1234ff', ref: 'refs/heads/main', isDefaultBranch: true },
      ['1.4.0-cpu', 'sha-abc1234-cpu', 'cpu', 'latest'],
    ],
    [
      'default branch, secondary variant',
      { primary: false, variant: 'cuda12.8' },
      { sha: 'abc1234ff', isDefaultBranch: true },
      ['sha-abc1234-cuda12.8', 'cuda12.8'],
    ],
    [
      'pull request',
      {},
      { sha: 'abc1234ff', ref: 'refs/pull/7/merge', prNumber: 7 },
      ['sha-abc1234-cpu', 'pr-7-cpu'],
    ],
    ['release tag ref', {}, { sha: 'abc1234ff', ref: 'refs/tags/v2.0.1' }, ['2.0.1-cpu', 'sha-abc1234-cpu']],
    ['feature branch', {}, { sha: 'abc1234ff', ref: 'refs/heads/feat' }, ['sha-abc1234-cpu']],
    ['no git at all', {}, {}, ['dev-cpu']],
    // image.version goes only to release builds: a same-repository pull request (pushed), another
    // branch or the merge queue would move the release tag to unmerged code.
    [
      'pull request, image.version',
      { version: '1.4.0' },
      { sha: 'abc1234ff', ref: 'refs/pull/7/merge', prNumber: 7, isDefaultBranch: false },
      ['sha-abc1234-cpu', 'pr-7-cpu'],
    ],
    [
      'another branch on a runner, image.version',
      { version: '1.4.0' },
      { sha: 'abc1234ff', ref: 'refs/heads/feat', isDefaultBranch: false },
      ['sha-abc1234-cpu'],
    ],
    [
      'the merge queue, image.version',
      { version: '1.4.0' },
      { sha: 'abc1234ff', ref: 'refs/heads/gh-readonly-queue/main/pr-7-abc', isDefaultBranch: false },
      ['sha-abc1234-cpu'],
    ],
    [
      'a tag ref (not the default branch), image.version',
      { version: '1.4.0' },
      { sha: 'abc1234ff', ref: 'refs/tags/v1.4.0', isDefaultBranch: false },
      ['1.4.0-cpu', 'sha-abc1234-cpu'],
    ],
    // Outside CI the default branch is not known: a local build keeps the version it was given.
    [
      'a local checkout, image.version',
      { version: '1.4.0' },
      { sha: 'abc1234ff', ref: 'refs/heads/feat' },
      ['1.4.0-cpu', 'sha-abc1234-cpu'],
    ],
    ['no git at all, image.version', { version: '1.4.0' }, {}, ['1.4.0-cpu']],
  ])('%s', (_n, extra, git, expected) => {
    expect(computeTags({ ...base, ...extra, git })).toEqual(expected.map((t) => `ghcr.io/o/m:${t}`));
  });

  it.each([
    ['refs/tags/v1.2.3', '1.2.3'],
    ['refs/tags/1.2.3-rc.1', '1.2.3-rc.1'],
    ['refs/tags/v1.2.3+build.5', '1.2.3-build.5'],
    ['refs/tags/nightly', undefined],
    ['refs/heads/v1.2.3', undefined],
  ])('versionFromRef(%s)', (ref, v) => {
    expect(versionFromRef(ref)).toBe(v);
  });

  it('labels carry OCI keys and the variant facts', () => {
    const labels = computeLabels({
      title: 'o/m',
      variant: 'cuda12.8',
      python: '3.12',
      cuda: '12.8',
      torch: '2.11.0',
      baseImage: 'docker.io/nvidia/cuda:12.8.2-runtime-ubuntu24.04',
      version: '1.4.0',
      git: { sha: 'abc', repositoryUrl: 'https://github.com/o/m' },
      created: new Date('2026-01-02T03:04:05Z'),
    });
    expect(labels).toEqual({
      'org.opencontainers.image.title': 'o/m',
      'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z',
      'org.opencontainers.image.source': 'https://github.com/o/m',
      'org.opencontainers.image.revision': 'abc',
      'org.opencontainers.image.version': '1.4.0',
      'org.opencontainers.image.base.name': 'docker.io/nvidia/cuda:12.8.2-runtime-ubuntu24.04',
      'io.github.ml-image-action.variant': 'cuda12.8',
      'io.github.ml-image-action.python': '3.12',
      'io.github.ml-image-action.cuda': '12.8',
      'io.github.ml-image-action.torch': '2.11.0',
      'io.github.ml-image-action.base-image': 'docker.io/nvidia/cuda:12.8.2-runtime-ubuntu24.04',
    });
  });
});

describe('image references', () => {
  it.each([
    ['python:3.11-slim', { registry: 'docker.io', path: 'library/python', tag: '3.11-slim' }],
    [
      'nvidia/cuda:12.8.2-runtime-ubuntu24.04',
      { registry: 'docker.io', path: 'nvidia/cuda', tag: '12.8.2-runtime-ubuntu24.04' },
    ],
    ['nvcr.io/nvidia/pytorch:25.03-py3', { registry: 'nvcr.io', path: 'nvidia/pytorch', tag: '25.03-py3' }],
    ['localhost:5000/a/b@sha256:00', { registry: 'localhost:5000', path: 'a/b', digest: 'sha256:00' }],
    ['localhost:5000/a', { registry: 'localhost:5000', path: 'a' }],
  ])('parseImageRef(%s)', (ref, expected) => {
    expect(parseImageRef(ref)).toEqual(expected);
  });

  it('normalizes repositories', () => {
    expect(repositoryOf('python')).toBe('docker.io/library/python');
    expect(repositoryOf('docker.io/library/python:3')).toBe('docker.io/library/python');
  });

  it.each([
    ['python:3.12-slim', { 'docker.io/library/python': 'm.corp/py' }, 'm.corp/py:3.12-slim'],
    [
      'nvidia/cuda:12.8.2-runtime-ubuntu24.04',
      { 'docker.io/nvidia': 'm.corp/nv' },
      'm.corp/nv/cuda:12.8.2-runtime-ubuntu24.04',
    ],
    ['nvidia/cuda:1', { 'docker.io/nvidia': 'a', 'docker.io/nvidia/cuda': 'b' }, 'b:1'],
    ['python:3.12-slim', { 'docker.io/nvidia': 'x' }, 'python:3.12-slim'],
  ])('applyMirrors(%s)', (ref, mirrors, expected) => {
    expect(applyMirrors(ref, mirrors)).toBe(expected);
  });
});

describe('plan: every impossible torch/CUDA combination the catalog knows (table over catalog.json)', () => {
  const catalog = bundledCatalog();
  const cudaImages = new Set(
    family(catalog, 'nvidia-cuda').releases.map((r) => r.cudaPatch.split('.').slice(0, 2).join('.')),
  );
  const cudas = catalog.cudaDrivers.map((d) => d.cuda).filter((c) => cudaImages.has(c));
  const rows = catalog.torch.flatMap((t) =>
    cudas.flatMap((cuda) =>
      (['linux/amd64', 'linux/arm64'] as const).map((platform) => ({
        torch: t.torch,
        cuda,
        platform,
        valid: hasCudaWheels(t, cuda, platform),
      })),
    ),
  );

  it('covers both outcomes', () => {
    expect(rows.filter((r) => r.valid).length).toBeGreaterThan(10);
    expect(rows.filter((r) => !r.valid).length).toBeGreaterThan(10);
  });

  it.each(rows.map((r) => [r.torch, r.cuda, r.platform, r.valid] as const))(
    'torch %s + CUDA %s on %s: valid=%s',
    (torch, cuda, platform, valid) => {
      const data = { variants: [{ cuda, torch }], platforms: [platform] };
      if (valid) {
        const p = plan(data);
        expect(p.variants[0]!.torch?.indexUrl).toBe(
          `https://download.pytorch.org/whl/cu${cuda.replace('.', '')}`,
        );
        expect(p.warnings.filter((w) => w.includes('torch'))).toEqual([]);
        return;
      }
      const errors = planErrors(data);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        new RegExp(
          `^variants\\[0\\] \\(cuda${cuda.replace('.', '\\.')}\\): torch ${torch.replace('.', '\\.')} has no (aarch64 )?CUDA`,
        ),
      );
      // The advice names only choices that plan cleanly on BOTH platforms, and is the same for both.
      const advice = errors[0]!.split('; nearest valid: ')[1]!;
      expect(advice).toBeTruthy();
      const other = platform === 'linux/amd64' ? 'linux/arm64' : 'linux/amd64';
      const otherErrors = (() => {
        try {
          plan({ variants: [{ cuda, torch }], platforms: [other] });
          return [];
        } catch (e) {
          return [...(e as ConfigError).problems];
        }
      })();
      for (const e of otherErrors) {
        const a = e.split('; nearest valid: ')[1]!;
        const strip = (x: string) => x.replace(/; an NGC base image.*$/, '');
        expect(strip(a)).toBe(strip(advice));
      }
      for (const m of advice.matchAll(
        /torch (\d+\.\d+)(?: or (\d+\.\d+))? with CUDA (\d+\.\d+)(?: or (\d+\.\d+))?/g,
      )) {
        for (const t of [m[1], m[2]].filter(Boolean))
          for (const c of [m[3], m[4]].filter(Boolean))
            expect(() =>
              plan({ variants: [{ cuda: c, torch: t }], platforms: ['linux/amd64', 'linux/arm64'] }),
            ).not.toThrow();
      }
    },
  );
});

describe('the plan schema', () => {
  /** The example configs: examples/hello-ml, docs/configuration.md and the README's quick start. */
  const examples: [string, () => ReturnType<typeof plan>][] = [
    [
      'examples/hello-ml/ml-image.yml',
      () =>
        planBuild(
          loadConfig({ cwd: REPO_ROOT, file: 'examples/hello-ml/ml-image.yml', checkFiles: false }).config,
          ctx,
        ),
    ],
    [
      'docs/configuration.md "Configuration"',
      () => {
        const text = readFileSync(path.join(REPO_ROOT, 'docs/configuration.md'), 'utf8');
        const section = text.slice(text.indexOf('## Configuration'));
        const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
        return planBuild(validateConfigData(parse(yamlBlock), 'docs/configuration.md example'), ctx);
      },
    ],
    [
      "the README's quick-start ml-image.yml",
      () => {
        const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
        const yamlBlock = /```yaml\n(image:[\s\S]*?)```/.exec(text)![1]!;
        return planBuild(validateConfigData(parse(yamlBlock), 'README quick start'), ctx);
      },
    ],
  ];

  it.each(examples)('the plan.json of %s parses with PlanSchema, every field kept', (_name, planOf) => {
    const written: unknown = JSON.parse(`${JSON.stringify(planOf(), null, 2)}\n`);
    const parsed = PlanSchema.parse(written);
    expect(parsed).toEqual(written);
    expect(parsed.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
    expect(parsed.variants.length).toBeGreaterThan(0);
  });

  it.each([
    ['another schemaVersion', (p: Record<string, unknown>) => ({ ...p, schemaVersion: 2 })],
    ['no variants list', (p: Record<string, unknown>) => ({ ...p, variants: undefined })],
    [
      'an unknown platform in the matrix',
      (p: Record<string, unknown>) => ({
        ...p,
        matrix: { include: [{ variant: 'cpu', platform: 'linux/ppc64le', arch: 'ppc64le', runner: 'x' }] },
      }),
    ],
  ])('refuses a plan with %s', (_name, change) => {
    const good: Record<string, unknown> = JSON.parse(JSON.stringify(plan({ variants: ['cpu'] })));
    expect(PlanSchema.safeParse(good).success).toBe(true);
    expect(PlanSchema.safeParse(change(good)).success).toBe(false);
  });
});

describe('base choice: one handler per base kind', () => {
  const variant = (v: Partial<Variant>): Variant => ({ name: 'v', kind: 'cpu', ...v });
  it.each<[string, Variant, keyof typeof BASE_HANDLERS]>([
    ['cpu', variant({}), 'cpu'],
    ['cuda', variant({ kind: 'cuda', cuda: '12.8' }), 'cuda'],
    ['NGC PyTorch base', variant({ kind: 'custom', base: 'nvcr.io/nvidia/pytorch:25.03-py3' }), 'ngc'],
    [
      'NGC PyTorch base, unknown release',
      variant({ kind: 'custom', base: 'nvcr.io/nvidia/pytorch:99.01-py3' }),
      'ngc',
    ],
    [
      'pytorch/pytorch base',
      variant({ kind: 'custom', base: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime' }),
      'custom',
    ],
    ['a base the catalog does not know', variant({ kind: 'custom', base: 'ghcr.io/me/base:1' }), 'custom'],
  ])('%s -> %s', (_name, v, kind) => {
    expect(baseKind(v, ctx.catalog)).toBe(kind);
  });

  it('has a handler for every base kind', () => {
    expect(Object.keys(BASE_HANDLERS).sort()).toEqual(['cpu', 'cuda', 'custom', 'ngc']);
  });
});
