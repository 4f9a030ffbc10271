// attestTargets: the attest stage's target list from a build result: each pushed platform as
// repository@digest, in the build's order, nothing attached yet; a platform only loaded into the
// engine (not pushed) is not a target; one pushed and loaded too (the `load` input) is.
import { describe, expect, it } from 'vitest';
import { attestTargets } from '../../src/attest/targets.js';
import { BuildResultSchema, type PlatformBuild, type VariantBuild } from '../../src/build/result.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;

const platform = (name: string, digest: string, localRef?: string, pushed?: boolean): PlatformBuild => ({
  platform: name,
  digest,
  durationMs: 1,
  attempts: 1,
  metadata: {},
  ...(localRef !== undefined && { localRef }),
  ...(pushed !== undefined && { pushed }),
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
    // With the `load` input the build leaves the image in the engine too: still pushed, signed.
    [
      'pushed and loaded, docker-container builder (the load tag)',
      [variant('cpu', GHCR, [platform('linux/amd64', D('a'), `${GHCR}:ml-image-local-cpu-amd64`, true)])],
      [['cpu', 'linux/amd64', `${GHCR}@${D('a')}`]],
      [],
    ],
    [
      'pushed and loaded, docker driver (the tag it pushed by)',
      [
        variant('cpu', GHCR, [
          platform('linux/amd64', D('b'), `${GHCR}:ml-image-build-cpu-amd64`, true),
          platform('linux/arm64', D('c'), `${GHCR}:ml-image-build-cpu-arm64`, true),
        ]),
      ],
      [
        ['cpu', 'linux/amd64', `${GHCR}@${D('b')}`],
        ['cpu', 'linux/arm64', `${GHCR}@${D('c')}`],
      ],
      [],
    ],
    [
      'loaded only, as the build records it now (pushed: false)',
      [variant('cpu', GHCR, [platform('linux/amd64', D('e'), `${GHCR}:ml-image-local-cpu-amd64`, false)])],
      [],
      [{ variant: 'cpu', platform: 'linux/amd64', localRef: `${GHCR}:ml-image-local-cpu-amd64` }],
    ],
    [
      'not pushed and no local tag',
      [variant('cpu', GHCR, [platform('linux/amd64', D('e'), undefined, false)])],
      [],
      [{ variant: 'cpu', platform: 'linux/amd64' }],
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

  it('a build.json of an older version (no pushed field): a local tag still means not pushed', () => {
    const old = BuildResultSchema.parse({
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: GHCR,
          tags: [`${GHCR}:ml-image-local-cpu-amd64`],
          platforms: [
            {
              platform: 'linux/amd64',
              digest: D('a'),
              durationMs: 1,
              attempts: 1,
              metadata: {},
              localRef: `${GHCR}:ml-image-local-cpu-amd64`,
            },
            { platform: 'linux/arm64', digest: D('b'), durationMs: 1, attempts: 1, metadata: {} },
          ],
          baseImage: 'ubuntu:24.04',
        },
      ],
    });
    expect(old.variants[0]!.platforms[0]!.pushed).toBeUndefined();
    const planned = attestTargets(old);
    expect(planned.targets.map((t) => t.target.ref)).toEqual([`${GHCR}@${D('b')}`]);
    expect(planned.notPushed).toEqual([
      { variant: 'cpu', platform: 'linux/amd64', localRef: `${GHCR}:ml-image-local-cpu-amd64` },
    ]);
  });

  it('each call makes new targets (the stage fills them in)', () => {
    const build = { variants: [variant('cpu', GHCR, [platform('linux/amd64', D('a'))])] };
    const first = attestTargets(build).targets[0]!.target;
    first.notes.push('x');
    expect(attestTargets(build).targets[0]!.target.notes).toEqual([]);
  });
});
