// The torch the resolver settles on against the one the build's torch step installs (from the
// variant's torch index, without the requirements' index lines): a requirement's torch==V+cpu in a
// CUDA variant passed the resolver, the constraints pinned it, and every build failed at the torch step.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { ResolveInput } from '../../src/resolve/input.js';
import { torchIndexLabel, torchLabelProblem } from '../../src/resolve/torch-label.js';

describe('torchIndexLabel', () => {
  it.each([
    ['https://download.pytorch.org/whl/cu128', 'cu128'],
    ['https://download.pytorch.org/whl/cpu/', 'cpu'],
    ['https://download.pytorch.org/whl/rocm6.2', 'rocm6.2'],
    ['https://download.pytorch.org/whl/xpu', 'xpu'],
    ['http://127.0.0.1:5011/whl/cu124', 'cu124'],
    ['https://download.pytorch.org/whl', undefined],
    ['https://pypi.corp/simple', undefined],
    ['https://mirror.corp/cuda/', undefined],
    ['not a url', undefined],
  ])('%s -> %s', (url, label) => {
    expect(torchIndexLabel(url)).toBe(label);
  });
});

describe('torchLabelProblem', () => {
  const input = (torchIndexUrl: string, torchVersion = '2.5.0'): ResolveInput => ({
    image: 'localhost:5000/base:1',
    platform: 'linux/amd64',
    requirements: { text: 'torch==2.5.0+cpu', origins: ['requirements.txt:2'] },
    mode: 'auto',
    variant: { cuda: '12.8', torchIndexUrl, torchVersion },
  });
  const TORCH_LINE = [{ name: 'torch', editable: false, origin: 'requirements.txt:2' }];
  const CU128 = 'https://download.pytorch.org/whl/cu128';

  it.each([
    ['the CPU wheel in a CUDA variant', CU128, '2.5.0+cpu', 'cpu', 'cu128'],
    ['a wheel of another CUDA', CU128, '2.5.0+cu121', 'cu121', 'cu128'],
    ['a CUDA wheel in a CPU variant', 'https://download.pytorch.org/whl/cpu', '2.5.0+cu124', 'cu124', 'cpu'],
  ])('%s: exit 2 on the line that pins it', (_n, index, version, own, label) => {
    const e = torchLabelProblem(input(index), [{ name: 'torch', version }], TORCH_LINE);
    expect(e).toBeInstanceOf(InputError);
    expect(e!.exitCode).toBe(2);
    expect(e!.message).toBe(
      `requirements.txt:2: torch ${version} (${own} wheels) is not the torch the build installs: the variant's torch step installs torch==2.5.0 from ${index} (${label} wheels) before the requirements, without their index lines, and cannot install ${version}`,
    );
    expect(e!.fix).toMatch(/drop that pin, and the index line that serves it,.*or pin torch==2\.5\.0\+/);
    expect(e!.location).toEqual({ file: 'requirements.txt', line: 2 });
  });

  it('a torch pulled in by another requirement: said without a line', () => {
    const e = torchLabelProblem(input(CU128), [{ name: 'torch', version: '2.5.0+cpu' }], []);
    expect(e!.message).toMatch(/^torch 2\.5\.0\+cpu \(cpu wheels\) is not the torch/);
    expect(e!.location).toBeUndefined();
  });

  it("the index's login is never shown", () => {
    const e = torchLabelProblem(
      input('https://bot:s3cr3t@download.corp/whl/cu128'),
      [{ name: 'torch', version: '2.5.0+cpu' }],
      TORCH_LINE,
    );
    expect(e!.message).not.toContain('s3cr3t');
  });

  it.each([
    ['the same label', CU128, '2.5.0+cu128'],
    ['no label (the configured index: the torch step reaches it too)', CU128, '2.5.0'],
    ["a label that is no PyTorch build's", CU128, '2.5.0+corp1'],
    ['an index whose label is unknown', 'https://mirror.corp/torch/simple', '2.5.0+cpu'],
  ])('%s: none', (_n, index, version) => {
    expect(torchLabelProblem(input(index), [{ name: 'torch', version }], TORCH_LINE)).toBeUndefined();
  });

  // pip.conf (the torch step's) holds the configured indexes too: one that serves the label, the
  // step takes the same torch (pip prefers the higher local label, +cu124 over +cu121).
  it('a configured extra index that serves the label: none', () => {
    const withExtra = {
      ...input(CU128),
      indexes: { extraIndexUrls: ['https://download.pytorch.org/whl/cu124'] },
    };
    expect(
      torchLabelProblem(withExtra, [{ name: 'torch', version: '2.5.0+cu124' }], TORCH_LINE),
    ).toBeUndefined();
    expect(
      torchLabelProblem(withExtra, [{ name: 'torch', version: '2.5.0+cpu' }], TORCH_LINE),
    ).toBeInstanceOf(InputError);
  });

  it('no torch step (no torch version) or no torch installed: none', () => {
    const noStep = { ...input(CU128), variant: { cuda: '12.8', torchIndexUrl: CU128 } };
    expect(torchLabelProblem(noStep, [{ name: 'torch', version: '2.5.0+cpu' }], TORCH_LINE)).toBeUndefined();
    expect(torchLabelProblem(input(CU128), [{ name: 'numpy', version: '2.1.0' }], [])).toBeUndefined();
  });
});
