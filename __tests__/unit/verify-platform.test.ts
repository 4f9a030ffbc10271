// verify binds an index entry's platform (unsigned) to the platform the signed attestations name
// (verify-platform.ts), and `--require-smoke pass` holds only for a smoke predicate that adds up
// (smokeContradictions): an index whose linux/amd64 entry points at the arm64 image, and a signed
// "pass" over failed tests, both fail their checks (exit 1).
import { describe, expect, it } from 'vitest';
import type { Signer, Statement, Verification } from '../../src/attest/cosign.js';
import { buildProvenance, SLSA_PROVENANCE_V1 } from '../../src/attest/provenance.js';
import { buildSbom, SBOM_PROPERTY_PREFIX } from '../../src/attest/sbom.js';
import {
  buildSmokePredicate,
  type SmokePredicate,
  smokeContradictions,
} from '../../src/attest/smoke-predicate.js';
import { CYCLONEDX_PREDICATE_TYPE, SMOKE_PREDICATE_TYPE } from '../../src/attest/types.js';
import { smokeChecks, verifyImage, type VerifyPolicy } from '../../src/attest/verify.js';
import {
  platformMismatch,
  SBOM_PLATFORM_PROPERTY,
  signedPlatform,
} from '../../src/attest/verify-platform.js';
import { samePlatform } from '../../src/attest/verify-targets.js';
import { runCli } from '../../src/cli/main.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { makeRecord, makeSmoke, type TestSpec } from '../helpers/records.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const repo = 'localhost:5000/acme/model';
const index = `${repo}@${D('0')}`;
const amd = `${repo}@${D('1')}`;
const arm = `${repo}@${D('2')}`;

function smoke(platform: string, tests: TestSpec[], digest: string): SmokePredicate {
  return buildSmokePredicate({
    smoke: makeSmoke(tests),
    variant: 'cuda12.8',
    imageRef: `${repo}@${digest}`,
    digest,
    platform,
    env: {},
    toolVersion: '0.1.0',
    finishedAt: new Date('2026-11-30T00:00:00Z'),
  });
}

/** The three predicates the attest stage makes for the image DIGEST built for PLATFORM. */
function predicates(platform: string, digest: string) {
  return {
    sbom: buildSbom({ record: makeRecord({ platform }), imageRef: repo, imageDigest: digest, platform }),
    provenance: buildProvenance({
      repository: repo,
      digest,
      platform,
      variant: 'cuda12.8',
      tags: ['1.0'],
      baseImage: { ref: 'nvidia/cuda:12.8.0-runtime-ubuntu24.04' },
      inputs: [],
      env: {},
      startedOn: new Date('2026-11-30T00:00:00Z'),
      finishedOn: new Date('2026-11-30T00:10:00Z'),
      toolVersion: '0.1.0',
    }),
    smoke: smoke(platform, [{ id: 'imports', status: 'pass' }], digest),
  };
}

const statement = (digest: string, predicateType: string, predicate: unknown): Statement => ({
  type: 'https://in-toto.io/Statement/v1',
  predicateType,
  subject: [{ name: repo, digest: { sha256: digest.slice(7) } }],
  predicate,
});

/** The signed attestations of the amd64 image D('1') and the arm64 image D('2'), by cosign type. */
function store(): Record<string, Statement[]> {
  const s: Record<string, Statement[]> = {};
  for (const [ref, digest, platform] of [
    [amd, D('1'), 'linux/amd64'],
    [arm, D('2'), 'linux/arm64'],
  ] as const) {
    const p = predicates(platform, digest);
    s[`${ref} cyclonedx`] = [statement(digest, CYCLONEDX_PREDICATE_TYPE, p.sbom)];
    s[`${ref} slsaprovenance1`] = [statement(digest, SLSA_PROVENANCE_V1, p.provenance)];
    s[`${ref} ${SMOKE_PREDICATE_TYPE}`] = [statement(digest, SMOKE_PREDICATE_TYPE, p.smoke)];
  }
  return s;
}

/** Every image signed; each attestation as STORE holds it. */
function signer(s: Record<string, Statement[]>): Signer {
  const missing = (ref: string, type: string): Verification<never> => ({
    ok: false,
    failure: { ref, what: 'attestation', type, reason: 'missing', message: `no ${type} for ${ref}` },
  });
  return {
    version: async () => ({ gitVersion: 'v2.5.0' }),
    sign: async () => undefined,
    attest: async () => undefined,
    verify: async (ref) => ({
      ok: true,
      items: [{ dockerReference: ref, digest: ref.split('@')[1]!, type: 'cosign', optional: {} }],
    }),
    verifyAttestations: async (ref, type) => {
      const items = s[`${ref} ${type}`];
      return items ? { ok: true, items } : missing(ref, type);
    },
  };
}

/** An index whose linux/amd64 entry was rewritten to the arm64 image's manifest (both signed). */
const swapped = fakeDocker({
  imagetoolsInspect: async () => ({
    mediaType: 'application/vnd.oci.image.index.v1+json',
    platforms: [
      { os: 'linux', architecture: 'amd64', digest: D('2') },
      { os: 'linux', architecture: 'arm64', digest: D('1') },
    ],
  }),
});

const policy = (o: Partial<VerifyPolicy> = {}): VerifyPolicy => ({
  require: ['sbom', 'provenance'],
  requireSmokePass: false,
  requireGpuSmoke: false,
  minTflops: {},
  ...o,
});

describe('the platform an index entry names, against the signed attestations', () => {
  it('each attestation the attest stage makes names its platform, where verify reads it', () => {
    expect(SBOM_PLATFORM_PROPERTY).toBe(`${SBOM_PROPERTY_PREFIX}platform`);
    const p = predicates('linux/arm64', D('2'));
    for (const kind of ['sbom', 'provenance', 'smoke'] as const)
      expect(signedPlatform(kind, p[kind]), kind).toBe('linux/arm64');
    expect(signedPlatform('provenance', {})).toBeUndefined();
    expect(signedPlatform('sbom', { metadata: { component: { properties: 'x' } } })).toBeUndefined();
  });

  it.each([
    ['linux/arm64/v8', 'linux/arm64', true],
    ['linux/aarch64', 'linux/arm64', true],
    ['/amd64', 'linux/amd64', true],
    ['linux/amd64', 'linux/arm64', false],
    ['linux/amd64/v3', 'linux/amd64', false],
  ] as const)('samePlatform(%j, %j) is %j', (listed, signed, same) => {
    expect(samePlatform(listed, signed)).toBe(same);
  });

  it('only a platform the registry lists is held against them (not an entry naming none)', () => {
    const p = predicates('linux/arm64', D('2')).smoke;
    expect(platformMismatch({ platform: 'linux/amd64', listed: true }, 'smoke', p)).toMatch(
      /^signed for linux\/arm64, not linux\/amd64 /,
    );
    expect(platformMismatch({ platform: 'no platform (222222222222)' }, 'smoke', p)).toBeUndefined();
    expect(platformMismatch({ platform: 'image' }, 'smoke', p)).toBeUndefined();
  });

  it('swapped entries: --platform linux/amd64 --require-smoke pass fails (exit 1), naming what was signed', async () => {
    const io = { ...captureIo('/tmp', swapped), signer: () => signer(store()) };
    const code = await runCli(
      ['verify', index, '--key', 'cosign.pub', '--platform', 'linux/amd64', '--require-smoke', 'pass'],
      io,
    );
    expect(code, io.out()).toBe(1);
    for (const kind of ['sbom', 'provenance', 'smoke'])
      expect(io.out()).toMatch(
        new RegExp(`^FAIL linux/amd64 +${kind} attestation: signed for linux/arm64, not linux/amd64 `, 'm'),
      );
    expect(io.out()).toMatch(/^ok {3}linux\/amd64 +signature: 1 verified$/m);
    expect(io.err()).toMatch(/3 of 5 checks failed .*linux\/amd64 sbom attestation/);
  });

  it.each([['sbom'], ['provenance'], ['smoke']] as const)(
    'swapped entries: the %s attestation alone catches it (verifyImage, every platform)',
    async (kind) => {
      const outcome = await verifyImage({ docker: swapped, signer: signer(store()) }, index, {
        identity: { kind: 'key', publicKey: 'cosign.pub' },
        policy: policy({ require: [kind] }),
        tlog: false,
        timeoutSeconds: 30,
      });
      expect(outcome.failed.map((c) => `${c.platform} ${c.check}`)).toEqual([
        `linux/amd64 ${kind} attestation`,
        `linux/arm64 ${kind} attestation`,
      ]);
      expect(outcome.failed[1]!.detail).toMatch(/^signed for linux\/amd64, not linux\/arm64 /);
    },
  );

  it('the genuine index passes; with --require none only the signature is checked, and no platform is bound', async () => {
    const genuine = fakeDocker({
      imagetoolsInspect: async () => ({
        mediaType: 'application/vnd.oci.image.index.v1+json',
        platforms: [
          { os: 'linux', architecture: 'amd64', digest: D('1') },
          { os: 'linux', architecture: 'arm64', variant: 'v8', digest: D('2') },
        ],
      }),
    });
    for (const [docker, extra] of [
      [genuine, ['--require-smoke', 'pass']],
      [swapped, ['--require', 'none']],
    ] as const) {
      const io = { ...captureIo('/tmp', docker), signer: () => signer(store()) };
      expect(await runCli(['verify', index, '--key', 'cosign.pub', ...extra], io), io.err()).toBe(0);
    }
  });
});

describe('an index entry named by a digest no signature names', () => {
  it.each([
    ['sha512', `sha512:${'a'.repeat(128)}`],
    ['upper-case hex', `sha256:${'A'.repeat(64)}`],
  ])('%s: a failed check (exit 1) naming it, the other platform still checked', async (_what, digest) => {
    const docker = fakeDocker({
      imagetoolsInspect: async () => ({
        mediaType: 'application/vnd.oci.image.index.v1+json',
        platforms: [
          { os: 'linux', architecture: 'amd64', digest: D('1') },
          { os: 'linux', architecture: 'arm64', digest },
        ],
      }),
    });
    const io = { ...captureIo('/tmp', docker), signer: () => signer(store()) };
    // The registry's word, not the user's: never bad input (exit 2).
    expect(await runCli(['verify', index, '--key', 'cosign.pub'], io), io.err()).toBe(1);
    expect(io.out()).toMatch(/^ok {3}linux\/amd64 +signature: 1 verified$/m);
    expect(io.out()).toMatch(
      new RegExp(`^FAIL linux/arm64 +image: the index lists it as ${digest}, not a sha256 digest`, 'm'),
    );
  });
});

describe('--require-smoke pass: a signed verdict its own predicate contradicts is no pass', () => {
  const fails: TestSpec[] = ['imports', 'cuda', 'train', 'ddp'].map((id) => ({ id, status: 'fail' }));
  const failing = smoke('linux/amd64', fails, D('1'));
  const passing = smoke('linux/amd64', [{ id: 'imports', status: 'pass' }], D('1'));
  const smokePass = (p: SmokePredicate) =>
    smokeChecks('linux/amd64', p, policy({ requireSmokePass: true }))[0]!;

  it('a predicate buildSmokePredicate made: none, whatever its verdict', () => {
    expect(failing.verdict).toBe('fail');
    expect(smokeContradictions(failing)).toEqual([]);
    expect(smokeContradictions(passing)).toEqual([]);
    expect(smokePass(passing).ok).toBe(true);
  });

  it('verdict pass over four failed tests (summary fail 4, pass 0): the check fails naming it', () => {
    const c = smokePass({ ...failing, verdict: 'pass' });
    expect(c.ok).toBe(false);
    expect(c.detail).toBe(
      '0 passed, 4 failed, 0 skipped; the predicate contradicts itself: verdict pass with 4 failed in its summary; ' +
        'verdict pass with failed tests: imports, cuda, train, ddp; ' +
        'verdict pass with failed tests in the suites imports (1), cuda (1), train (1), ddp (1)',
    );
  });

  it('verdict pass and a summary of no failure over failed tests: the counts disagree', () => {
    const c = smokePass({
      ...failing,
      verdict: 'pass',
      summary: { ...failing.summary, pass: 4, fail: 0 },
      suites: failing.suites.map((s) => ({ ...s, pass: 1, fail: 0 })),
    });
    expect(c.ok).toBe(false);
    expect(c.detail).toMatch(
      /contradicts itself: its summary counts 4 passed, 0 failed, 0 skipped, its tests 0, 4 and 0; verdict pass with failed tests: imports, cuda, train, ddp$/,
    );
  });

  it('verdict pass, its tests passing, a summary that counts a failure: fails', () => {
    const c = smokePass({ ...passing, summary: { ...passing.summary, fail: 1 } });
    expect(c.ok).toBe(false);
    expect(c.detail).toContain('verdict pass with 1 failed in its summary');
  });
});
