// A custom base from a catalog family is checked as the variant it stands for: a python:X.Y-slim or
// nvidia/cuda base's torch against the image's Python, the variant's CUDA and the platforms, as a
// cpu or cudaX.Y variant's (it once planned exit 0 what the plain variant refused with exit 2); a
// pytorch/pytorch base's CUDA is its release's (once none: no GPU runner, no driver floor).
import { describe, expect, it } from 'vitest';
import { validateConfigData } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { bundledCatalog, family } from '../../src/plan/catalog.js';
import { type PlanContext, planBuild } from '../../src/plan/plan.js';

const ctx: PlanContext = {
  catalog: bundledCatalog(),
  git: { sha: 'abc1234def5678', ref: 'refs/heads/main', isDefaultBranch: true },
  now: new Date('2026-12-03T10:00:00Z'),
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
  return [];
}
/** A problem without its "variants[0] (name): " or "torch (variants[0] name): " prefix. */
const why = (problem: string) => problem.replace(/^.*?\)(?:: )/, '');

const AMD64 = ['linux/amd64'];
const BOTH = ['linux/amd64', 'linux/arm64'];

describe('a custom base of the python-slim or nvidia-cuda family: its torch is checked', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string[], string]>([
    [
      'python:3.14-slim, torch 2.6 (no 3.14 wheels)',
      { name: 'b', base: 'python:3.14-slim', torch: '2.6' },
      { python: '3.14', torch: '2.6' },
      AMD64,
      'torch 2.6 has no wheels for Python 3.14',
    ],
    [
      'nvidia/cuda 12.8, torch 2.5 (no cu128 wheels)',
      { name: 'c', base: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04', cuda: '12.8', torch: '2.5' },
      { cuda: '12.8', torch: '2.5' },
      AMD64,
      'torch 2.5 has no CUDA 12.8 wheels',
    ],
    [
      'nvidia/cuda 12.6 for arm64, torch 2.6 (no aarch64 CUDA wheels)',
      { name: 'c', base: 'nvidia/cuda:12.6.3-cudnn-runtime-ubuntu24.04', cuda: '12.6', torch: '2.6' },
      { cuda: '12.6', torch: '2.6' },
      BOTH,
      'torch 2.6 has no aarch64 CUDA 12.6 wheels',
    ],
    [
      'python:3.12-slim with cuda 12.8, torch 2.5 (the cu128 index has no 2.5)',
      { name: 'b', base: 'python:3.12-slim', cuda: '12.8', torch: '2.5' },
      { cuda: '12.8', torch: '2.5' },
      AMD64,
      'torch 2.5 has no CUDA 12.8 wheels',
    ],
  ])('%s: refused as the plain variant is', (_, custom, plain, platforms, expected) => {
    const mine = planErrors({ platforms, variants: [custom] });
    const theirs = planErrors({ platforms, variants: [plain] });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(new RegExp(`^variants\\[0\\] \\(${String(custom.name)}\\): `));
    expect(mine[0]).toContain(expected);
    expect(theirs).toHaveLength(1);
    expect(why(mine[0]!)).toBe(why(theirs[0]!));
  });

  it('a torch the config sets for every variant names the torch field, as for a plain variant', () => {
    expect(
      planErrors({ torch: '2.6', platforms: AMD64, variants: [{ name: 'b', base: 'python:3.14-slim' }] }),
    ).toEqual([
      expect.stringMatching(/^torch \(variants\[0\] b\): torch 2\.6 has no wheels for Python 3\.14 /),
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['python:3.13-slim, torch 2.6', { name: 'b', base: 'python:3.13-slim', torch: '2.6' }],
    [
      'nvidia/cuda 12.8, torch 2.7',
      { name: 'c', base: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04', cuda: '12.8', torch: '2.7' },
    ],
    // The CPU wheels (no cuda given: said as a warning); Ubuntu 24.04's Python 3.12 has 2.5 wheels.
    [
      'nvidia/cuda without cuda, torch 2.5',
      { name: 'c', base: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04', torch: '2.5' },
    ],
    // A torch the catalog does not know is not checked (the plan only warns, as for any variant).
    ['python:3.14-slim, torch 9.9', { name: 'b', base: 'python:3.14-slim', torch: '9.9' }],
    // The Python image's tag names no Python: the one asked is checked.
    ['python:slim, python 3.13, torch 2.6', { name: 'b', base: 'python:slim', python: '3.13', torch: '2.6' }],
    ['another base, torch 2.5', { name: 'o', base: 'my.registry/base:1', cuda: '12.8', torch: '2.5' }],
  ])('%s: planned', (_, variant) => {
    expect(planErrors({ platforms: AMD64, variants: [variant] })).toEqual([]);
  });

  it('a Python image whose tag names no Python: the Python asked is the one checked', () => {
    expect(
      planErrors({
        platforms: AMD64,
        variants: [{ name: 'b', base: 'python:slim', python: '3.14', torch: '2.6' }],
      }),
    ).toEqual([expect.stringMatching(/^variants\[0\] \(b\): torch 2\.6 has no wheels for Python 3\.14 /)]);
  });
});

describe('a pytorch/pytorch base: the CUDA of its release', () => {
  const base = 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime';

  it("records the release's CUDA and driver floor (the GPU runner and smoke's floor follow it)", () => {
    const p = plan({ platforms: AMD64, variants: [{ name: 'pt', base }] });
    const v = p.variants[0]!;
    expect(v.cuda).toEqual({
      version: '12.8',
      toolkitDriverMin: '570.26',
      minorCompatDriverMin: '525.60.13',
    });
    expect(v.buildArgs.ML_IMAGE_CUDA).toBe('12.8');
    expect(v.labels['io.github.ml-image-action.cuda']).toBe('12.8');
    expect(v.torch).toEqual({ version: '2.7.1' });
    expect(p.warnings).toEqual([]);
  });

  it("a cuda asked that is not the release's is said; the release's is used", () => {
    const p = plan({ platforms: AMD64, variants: [{ name: 'pt', base, cuda: '12.4' }] });
    expect(p.variants[0]!.cuda?.version).toBe('12.8');
    expect(p.warnings).toEqual([
      `variants[0] (pt): ${base} ships CUDA 12.8; cuda 12.4 is not what it has, its own is used`,
    ]);
    expect(plan({ platforms: AMD64, variants: [{ name: 'pt', base, cuda: '12.8' }] }).warnings).toEqual([]);
  });

  it('the catalog names no Python for these images: the Python is what the config says (as for any custom base)', () => {
    const row = family(bundledCatalog(), 'pytorch-pytorch').releases[0]!;
    expect(Object.keys(row)).not.toContain('python');
    expect(plan({ platforms: AMD64, variants: [{ name: 'pt', base, python: '3.11' }] })).toMatchObject({
      variants: [{ python: '3.11' }],
      warnings: [],
    });
  });

  it('a tag the catalog does not know: the cuda asked, else none', () => {
    const other = 'pytorch/pytorch:2.6.0-cuda12.6-cudnn9-runtime';
    expect(
      plan({ platforms: AMD64, variants: [{ name: 'pt', base: other }] }).variants[0]!.cuda,
    ).toBeUndefined();
    expect(
      plan({ platforms: AMD64, variants: [{ name: 'pt', base: other, cuda: '12.6' }] }).variants[0]!.cuda
        ?.version,
    ).toBe('12.6');
  });
});

// An NVIDIA CUDA image names its CUDA in its tag: a cuda that differs once planned exit 0, silently,
// with the driver floor and the label of the cuda asked (12.4: driver 550) on a 12.8 image (570).
describe("an nvidia/cuda base: a cuda asked that is not the tag's", () => {
  const base = 'nvidia/cuda:12.8.1-runtime-ubuntu24.04';

  it("an older cuda: said; the driver floor and the label follow the image's, the torch index the cuda asked", () => {
    const p = plan({ platforms: AMD64, variants: [{ name: 'n', base, cuda: '12.4', torch: '2.6' }] });
    const v = p.variants[0]!;
    expect(v.cuda).toEqual({
      version: '12.8',
      toolkitDriverMin: '570.26',
      minorCompatDriverMin: '525.60.13',
    });
    expect(v.labels['io.github.ml-image-action.cuda']).toBe('12.8');
    expect(v.torch?.indexUrl).toMatch(/\/cu124$/);
    expect(p.warnings).toEqual([
      `variants[0] (n): ${base} ships CUDA 12.8; cuda 12.4 is not what it has: the driver floor and the label follow the newer, 12.8 (torch wheels come from the cuda 12.4 index)`,
    ]);
  });

  // cu130 wheels carry CUDA 13's runtime: the floor stays 13.0's (580), not the image's 12.8 (525).
  it('a newer cuda: said; the driver floor is the cuda asked', () => {
    const p = plan({ platforms: AMD64, variants: [{ name: 'n', base, cuda: '13.0', torch: '2.9' }] });
    expect(p.variants[0]!.cuda?.version).toBe('13.0');
    expect(p.variants[0]!.torch?.indexUrl).toMatch(/\/cu130$/);
    expect(p.warnings).toEqual([
      `variants[0] (n): ${base} ships CUDA 12.8; cuda 13.0 is not what it has: the driver floor and the label follow the newer, 13.0 (torch wheels come from the cuda 13.0 index)`,
    ]);
  });

  it.each([
    ['the same major.minor', { cuda: '12.8' }, '12.8'],
    ['a tag that names no CUDA', { base: 'nvidia/cuda@sha256:' + 'a'.repeat(64), cuda: '12.4' }, '12.4'],
    [
      'a CUDA the catalog does not know',
      { base: 'nvidia/cuda:11.7.1-runtime-ubuntu22.04', cuda: '12.4' },
      '12.4',
    ],
  ])('%s: nothing said', (_n, extra, version) => {
    const p = plan({ platforms: AMD64, variants: [{ name: 'n', base, ...extra }] });
    expect(p.variants[0]!.cuda?.version).toBe(version);
    expect(p.warnings.filter((w) => w.includes('ships CUDA'))).toEqual([]);
  });
});

// A variant without cuda on an NVIDIA CUDA image records no CUDA (its torch would be the CPU build,
// which the template's CUDA check refuses), so no driver floor: said, with the image's CUDA and its
// floor, so that a CUDA 13 image is not reported fine on a cluster below 580 without a word.
describe('an nvidia/cuda base without cuda: the CUDA it ships and its driver floor are said', () => {
  const at = (tag: string) => `nvidia/cuda:${tag}-runtime-ubuntu24.04`;
  it.each<[string, Record<string, unknown>, string | undefined]>([
    [
      'CUDA 13.0, no torch',
      { base: at('13.0.3') },
      `variants[0] (n): ${at('13.0.3')} ships CUDA 13.0, which needs NVIDIA driver >= 580.65.06: without the variant's cuda no driver floor is recorded or checked; set cuda: "13.0"`,
    ],
    [
      'CUDA 12.8 with torch (from the CPU index)',
      { base: at('12.8.1'), torch: '2.9' },
      `variants[0] (n): torch 2.9 comes from the CPU wheel index, and ${at('12.8.1')} ships CUDA 12.8, which needs NVIDIA driver >= 525.60.13: without the variant's cuda no driver floor is recorded or checked; set cuda: "12.8" for the floor and CUDA wheels`,
    ],
    [
      'a CUDA the catalog does not know, with torch',
      { base: 'nvidia/cuda:11.7.1-runtime-ubuntu22.04', torch: '2.6' },
      'variants[0] (n): torch 2.6 comes from the CPU wheel index: give the variant its cuda (e.g. cuda: "12.8") for CUDA wheels',
    ],
    [
      'a CUDA the catalog does not know, no torch',
      { base: 'nvidia/cuda:11.7.1-runtime-ubuntu22.04' },
      undefined,
    ],
  ])('%s', (_n, variant, warning) => {
    const p = plan({ platforms: AMD64, variants: [{ name: 'n', ...variant }] });
    expect(p.variants[0]!.cuda).toBeUndefined();
    expect(p.warnings).toEqual(warning === undefined ? [] : [warning]);
  });
});

// torch 2.5-2.7 publish cu118 wheels (the catalog's torch rows say so), but CUDA 11.8 had no driver
// row: any plan with cuda "11.8" was refused (exit 2), even on a base of the user's own.
describe('CUDA 11.8: the cu118 wheels of torch 2.5-2.7 on a base with CUDA 11.8', () => {
  it.each([
    ['a base outside the catalog', 'my.registry/cuda118:1'],
    ['a python slim image', 'python:3.11-slim'],
  ])('%s: planned, with the 11.x floors', (_n, base) => {
    const v = plan({ platforms: AMD64, variants: [{ name: 'n', base, cuda: '11.8', torch: '2.7' }] })
      .variants[0]!;
    expect(v.cuda).toEqual({
      version: '11.8',
      toolkitDriverMin: '520.61.05',
      minorCompatDriverMin: '450.80.02',
    });
    expect(v.torch).toEqual({ version: '2.7.1', indexUrl: 'https://download.pytorch.org/whl/cu118' });
  });

  it('arm64 is still refused (no aarch64 cu118 wheels), and a cuda11.8 variant has no nvidia/cuda image', () => {
    expect(
      planErrors({
        platforms: BOTH,
        variants: [{ name: 'n', base: 'python:3.11-slim', cuda: '11.8', torch: '2.7' }],
      }),
    ).toEqual([expect.stringContaining('torch 2.7 has no aarch64 CUDA 11.8 wheels (only cu128)')]);
    expect(planErrors({ platforms: AMD64, variants: ['cuda11.8'] })).toEqual([
      expect.stringMatching(
        /^variants\[0\] \(cuda11\.8\): no nvidia\/cuda 11\.8 image in the catalog; valid CUDA versions: 12\.\d/,
      ),
    ]);
  });
});

// A CUDA minor newer than the catalog (13.4 while it knows 13.0-13.3) was refused outright (exit 2),
// even on an image of the user's own: no way to build it before a catalog release. Its major's
// minor-version-compatibility floor is known, and its toolkit driver is at least the newest minor's.
describe('a CUDA newer than the catalog knows', () => {
  const base = 'nvidia/cuda:13.4.0-runtime-ubuntu24.04';

  it.each<[string, Record<string, unknown>]>([
    ['an nvidia/cuda base', { base }],
    ['a base outside the catalog', { base: 'my.registry/cuda:13.4' }],
  ])('%s with its cuda: planned with the major floors, said', (_n, extra) => {
    const p = plan({ platforms: AMD64, variants: [{ name: 'n', cuda: '13.4', ...extra }] });
    expect(p.variants[0]!.cuda).toEqual({
      version: '13.4',
      toolkitDriverMin: '610.43.02',
      minorCompatDriverMin: '580.65.06',
    });
    expect(p.warnings).toContain(
      "variants[0] (n): CUDA 13.4 is newer than the catalog knows (newest: 13.3): its driver floors are CUDA 13.x's minor-version compatibility, 580.65.06, and a toolkit driver of at least CUDA 13.3's, 610.43.02",
    );
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a cuda13.4 variant (no image to choose): refused, naming the way',
      { cuda: '13.4' },
      'variants[0] (cuda13.4): CUDA 13.4 is not in the catalog; valid: 13.3, 13.2, 13.1 (a newer CUDA: give the variant its image as base, e.g. base: nvidia/cuda:13.4.0-runtime-ubuntu24.04, and its cuda)',
    ],
    [
      'an older unknown minor on a custom base: refused as before',
      { name: 'n', base: 'my.registry/cuda:12.7', cuda: '12.7' },
      'variants[0] (n): CUDA 12.7 is not in the catalog; valid: 12.8, 12.6, 12.9',
    ],
    [
      'a new major: refused as before',
      { name: 'n', base: 'my.registry/cuda:14.0', cuda: '14.0' },
      'variants[0] (n): CUDA 14.0 is not in the catalog; valid: 13.0, 13.1, 13.2',
    ],
  ])('%s', (_n, variant, error) => {
    expect(planErrors({ platforms: AMD64, variants: [variant] })[0]).toBe(error);
  });

  it.each(['my.registry/cuda:13.4', base])(
    'with a torch on %s: refused, its wheels would come from a cu134 index no torch has (a review finding: planned, pip failed late)',
    (b) => {
      const errors = planErrors({
        platforms: AMD64,
        variants: [{ name: 'n', base: b, cuda: '13.4', torch: '2.14' }],
      });
      expect(errors.join('\n')).toMatch(
        b === base
          ? /torch 2\.14 has no CUDA 13\.4 wheels \(it has 12\.6, 13\.0, 13\.2\)/
          : /torch 2\.14 would come from the cu134 wheel index, which no torch release has .*set cuda to a CUDA 13\.x that torch 2\.14 has wheels for/,
      );
    },
  );

  it('with a torch and python.torchIndexUrl (an index of your own): planned', () => {
    const p = plan({
      platforms: AMD64,
      python: { torchIndexUrl: 'https://pypi.internal.example/torch/cu134' },
      variants: [{ name: 'n', base: 'my.registry/cuda:13.4', cuda: '13.4', torch: '2.14' }],
    });
    expect(p.variants[0]!.cuda?.version).toBe('13.4');
  });

  it.each([
    [undefined, /ships CUDA 13\.4, which needs NVIDIA driver >= 580\.65\.06: .*; set cuda: "13\.4"$/],
    [
      '2.14',
      /ships CUDA 13\.4, .*set cuda to a CUDA 13\.x that torch 2\.14 has wheels for \(the image's 13\.4 runs them\)$/,
    ],
  ])(
    'an nvidia/cuda tag newer than the catalog, no cuda, torch %s: said as for a known one',
    (torch, message) => {
      const p = plan({
        platforms: AMD64,
        variants: [{ name: 'n', base, ...(torch !== undefined && { torch }) }],
      });
      expect(p.warnings).toContainEqual(expect.stringMatching(message));
    },
  );
});
