// Which targets of a smoke run get the run's GPUs (src/smoke/target-gpus.ts): a cpu variant never,
// a platform the engine runs emulated never, every other target the run's.
import { describe, expect, it } from 'vitest';
import type { VariantKind } from '../../src/config/schema.js';
import {
  enginePlatform,
  gpuKindOf,
  gpusOfTarget,
  hostPlatformOnce,
  type TargetGpus,
  targetGpus,
} from '../../src/smoke/target-gpus.js';
import { fakeDocker } from '../helpers/fakes.js';

const CPU = 'cpu variant: no GPU tests';
const EMULATED = 'linux/arm64 runs emulated on this linux/amd64 host: no GPU';

describe('targetGpus: variant kind x platform x the run GPUs -> what the target gets', () => {
  const AMD64 = 'linux/amd64';
  const ARM64 = 'linux/arm64';
  const cases: [VariantKind, string, 'all' | 'none', TargetGpus][] = [
    ['cuda', AMD64, 'all', { gpus: 'all' }],
    ['cuda', AMD64, 'none', { gpus: 'none' }],
    ['cuda', ARM64, 'all', { gpus: 'none', withheld: EMULATED }],
    ['cuda', ARM64, 'none', { gpus: 'none', withheld: EMULATED }],
    // A custom base (NGC, pytorch/pytorch, ...) may hold CUDA: treated as a CUDA variant.
    ['custom', AMD64, 'all', { gpus: 'all' }],
    ['custom', AMD64, 'none', { gpus: 'none' }],
    ['custom', ARM64, 'all', { gpus: 'none', withheld: EMULATED }],
    ['cpu', AMD64, 'all', { gpus: 'none', withheld: CPU }],
    ['cpu', AMD64, 'none', { gpus: 'none', withheld: CPU }],
    ['cpu', ARM64, 'all', { gpus: 'none', withheld: CPU }],
    ['cpu', ARM64, 'none', { gpus: 'none', withheld: CPU }],
  ];
  it.each(cases)('%s on %s, gpus %s (engine linux/amd64)', (kind, platform, gpus, expected) => {
    expect(targetGpus({ kind, platform, gpus, host: AMD64 })).toEqual(expected);
  });

  it('on an arm64 engine, linux/amd64 is the emulated one (linux/arm64/v8 is native)', () => {
    expect(targetGpus({ kind: 'cuda', platform: AMD64, gpus: 'all', host: ARM64 })).toEqual({
      gpus: 'none',
      withheld: 'linux/amd64 runs emulated on this linux/arm64 host: no GPU',
    });
    expect(targetGpus({ kind: 'cuda', platform: ARM64, gpus: 'all', host: ARM64 })).toEqual({ gpus: 'all' });
    expect(targetGpus({ kind: 'cuda', platform: 'linux/arm64/v8', gpus: 'all', host: ARM64 })).toEqual({
      gpus: 'all',
    });
    // Another tool's name for the same CPU is the same machine (config/platform.ts sameMachine).
    expect(targetGpus({ kind: 'cuda', platform: 'linux/aarch64', gpus: 'all', host: ARM64 })).toEqual({
      gpus: 'all',
    });
  });

  it("no platform (`ml-image smoke` without --platform: the engine's own): the run GPUs, but never for a cpu variant", () => {
    expect(targetGpus({ kind: 'cuda', platform: undefined, gpus: 'all', host: AMD64 })).toEqual({
      gpus: 'all',
    });
    expect(targetGpus({ kind: 'cpu', platform: undefined, gpus: 'all', host: AMD64 })).toEqual({
      gpus: 'none',
      withheld: CPU,
    });
  });

  it('the engine platform not asked (no GPU needed): the run GPUs, as before', () => {
    expect(targetGpus({ kind: 'cuda', platform: ARM64, gpus: 'none', host: undefined })).toEqual({
      gpus: 'none',
    });
  });
});

describe('gpuKindOf: only the cpu template makes a variant CPU-only', () => {
  it.each<[string, { kind: 'cpu' | 'cuda' | 'custom'; template?: string }, string]>([
    ['the cpu template', { kind: 'cpu', template: 'cpu' }, 'cpu'],
    // The config's own Dockerfile (no template) may be FROM nvidia/cuda with a CUDA torch.
    ['your own Dockerfile', { kind: 'cpu' }, 'custom'],
    ['a cpu variant on the cuda template', { kind: 'cpu', template: 'cuda' }, 'custom'],
    ['a cuda variant', { kind: 'cuda', template: 'cuda' }, 'cuda'],
    ['a base of your own', { kind: 'custom', template: 'ngc' }, 'custom'],
  ])('%s', (_what, v, kind) => {
    expect(gpuKindOf(v)).toBe(kind);
    expect(
      targetGpus({ kind: gpuKindOf(v), platform: 'linux/amd64', gpus: 'all', host: 'linux/amd64' }).gpus,
    ).toBe(kind === 'cpu' ? 'none' : 'all');
  });
});

describe('enginePlatform: the engine version -> a platform as the config writes it', () => {
  it.each([
    ['linux', 'amd64', 'linux/amd64'],
    ['linux', 'arm64', 'linux/arm64'],
    ['linux', 'x86_64', 'linux/amd64'],
    ['linux', 'aarch64', 'linux/arm64'],
    ['Linux', 'X64', 'linux/amd64'],
  ])('%s %s -> %s', (os, arch, expected) => {
    expect(enginePlatform({ os, arch })).toBe(expected);
  });
});

describe('gpusOfTarget: the engine is asked once, and only when a target may get GPUs', () => {
  function engine(arch: string) {
    let pings = 0;
    const docker = fakeDocker({
      ping: async () => {
        pings += 1;
        return { version: '28.0.0', apiVersion: '1.48', os: 'linux', arch };
      },
    });
    return { host: hostPlatformOnce(docker), pings: () => pings };
  }

  it('a GPU run: asked once for every target; the emulated one gets none', async () => {
    const e = engine('amd64');
    const run = { gpus: 'all' as const, requireGpu: false, host: e.host };
    expect(await gpusOfTarget('cuda', 'linux/amd64', run)).toEqual({ gpus: 'all' });
    expect(await gpusOfTarget('cuda', 'linux/arm64', run)).toEqual({ gpus: 'none', withheld: EMULATED });
    expect(e.pings()).toBe(1);
  });

  it.each([
    ['a cpu variant on a GPU run', 'cpu', 'all', true, { gpus: 'none', withheld: CPU }],
    ['a CPU run without require-gpu', 'cuda', 'none', false, { gpus: 'none' }],
  ] as const)('%s: the engine is not asked', async (_n, kind, gpus, requireGpu, expected) => {
    const e = engine('amd64');
    expect(await gpusOfTarget(kind, 'linux/arm64', { gpus, requireGpu, host: e.host })).toEqual(expected);
    expect(e.pings()).toBe(0);
  });

  it('no platform given: the engine is not asked, its own platform runs natively', async () => {
    const e = engine('amd64');
    expect(await gpusOfTarget('custom', undefined, { gpus: 'all', requireGpu: true, host: e.host })).toEqual({
      gpus: 'all',
    });
    expect(e.pings()).toBe(0);
  });

  it('require-gpu on a CPU run: an emulated target is skipped (withheld), a native one is left to fail', async () => {
    const e = engine('amd64');
    const run = { gpus: 'none' as const, requireGpu: true, host: e.host };
    expect(await gpusOfTarget('cuda', 'linux/arm64', run)).toEqual({ gpus: 'none', withheld: EMULATED });
    expect(await gpusOfTarget('cuda', 'linux/amd64', run)).toEqual({ gpus: 'none' });
  });
});
