// attestTargets: the attest stage's target list from a build result: each pushed platform as
// repository@digest, in the build's order, nothing attached yet; a platform only loaded into the
// engine (localRef) is not a target.
import { describe, expect, it } from 'vitest';
import { attestTargets } from '../../src/attest/targets.js';
import type { PlatformBuild, VariantBuild } from '../../src/build/result.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;

const platform = (name: string, digest: string, localRef?: string): PlatformBuild => ({
  platform: name,
  digest,
  durationMs: 1,
  attempts: 1,
  metadata: {},
  ...(localRef !== undefined && { localRef }),
});

const variant = (name: string, repository: string, platforms: PlatformBuild[]): VariantBuild => ({
  variant: name,
  repository,
  tags: [],
  platforms,
  baseImage: 'ubuntu:24.04',
});

const GHCR = 'ghcr.io/o/model';

describe('attestTargets', () => {
  it.each([
    ['no variants', [], [], []],
    ['a variant without platforms', [variant('cpu', GHCR, [])], [], []],
    [
      'one pushed platform',
      [variant('cpu', GHCR, [platform('linux/amd64', D('a'))])],
      [['cpu', 'linux/amd64', `${GHCR}@${D('a')}`]],
      [],
    ],
    [
      'variants and platforms in the build order',
      [
        variant('cuda', GHCR, [platform('linux/amd64', D('b')), platform('linux/arm64', D('c'))]),
        variant('cpu', 'registry.example:5000/team/model', [platform('linux/amd64', D('d'))]),
      ],
      [
        ['cuda', 'linux/amd64', `${GHCR}@${D('b')}`],
        ['cuda', 'linux/arm64', `${GHCR}@${D('c')}`],
        ['cpu', 'linux/amd64', `registry.example:5000/team/model@${D('d')}`],
      ],
      [],
    ],
    [
      'a platform only loaded (localRef) is not pushed',
      [variant('cpu', GHCR, [platform('linux/amd64', D('e'), 'model:cpu'), platform('linux/arm64', D('f'))])],
      [['cpu', 'linux/arm64', `${GHCR}@${D('f')}`]],
      [{ variant: 'cpu', platform: 'linux/amd64', localRef: 'model:cpu' }],
    ],
    [
      'nothing pushed',
      [
        variant('cpu', GHCR, [platform('linux/amd64', D('1'), 'model:cpu')]),
        variant('cuda', GHCR, [platform('linux/amd64', D('2'), 'model:cuda')]),
      ],
      [],
      [
        { variant: 'cpu', platform: 'linux/amd64', localRef: 'model:cpu' },
        { variant: 'cuda', platform: 'linux/amd64', localRef: 'model:cuda' },
      ],
    ],
    [
      'the same digest in two variants: two targets of one ref',
      [
        variant('a', GHCR, [platform('linux/amd64', D('9'))]),
        variant('b', GHCR, [platform('linux/amd64', D('9'))]),
      ],
      [
        ['a', 'linux/amd64', `${GHCR}@${D('9')}`],
        ['b', 'linux/amd64', `${GHCR}@${D('9')}`],
      ],
      [],
    ],
  ] as const)('%s', (_name, variants, expected, notPushed) => {
    const build = { variants: variants as readonly VariantBuild[] as VariantBuild[] };
    const planned = attestTargets(build);
    expect(planned.targets.map((t) => t.target)).toEqual(
      expected.map(([v, p, ref]) => ({
        variant: v,
        platform: p,
        ref,
        attestations: [],
        signed: false,
        notes: [],
      })),
    );
    // Each target keeps the build entries it comes from (what its predicates are made of).
    for (const t of planned.targets) {
      expect(t.v.variant).toBe(t.target.variant);
      expect(t.p.platform).toBe(t.target.platform);
      expect(build.variants).toContain(t.v);
      expect(t.v.platforms).toContain(t.p);
    }
    expect(planned.notPushed).toEqual(notPushed);
  });

  it('each call makes new targets (the stage fills them in)', () => {
    const build = { variants: [variant('cpu', GHCR, [platform('linux/amd64', D('a'))])] };
    const first = attestTargets(build).targets[0]!.target;
    first.notes.push('x');
    expect(attestTargets(build).targets[0]!.target.notes).toEqual([]);
  });
});
