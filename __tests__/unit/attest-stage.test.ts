// The attest stage's own logic with a recording signer (cosign itself is exercised for real in
// __tests__/integration/cosign.test.ts and attest-e2e): the signing identity per mode and
// environment, what is attached to which digest, what is only written, and what a registry that
// goes away mid-way leaves (attest.json says what was done; exit 3 afterwards).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PredicateSpec, Statement } from '../../src/attest/cosign-args.js';
import { type PredicateContext, predicateFor } from '../../src/attest/predicates.js';
import { chooseSigning, verifyCommand } from '../../src/attest/signing.js';
import { type SpdxDocument, spdxFromCycloneDx } from '../../src/attest/spdx.js';
import { type AttestSigner, runAttestStage, uploadsAhead } from '../../src/attest/stage.js';
import type { BuildResult } from '../../src/build/result.js';
import { AttestConfigSchema } from '../../src/config/attest.js';
import { EnvironmentError, ExitCode, exitCodeOf, InputError } from '../../src/errors.js';
import { envelopeFile, openResultDir } from '../../src/results/results.js';
import { fixture } from '../helpers/cosign-keys.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';
import {
  clearInterruptedForTests,
  InterruptedError,
  markInterrupted,
  runPendingCleanups,
} from '../../src/util/cleanup.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-attest-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const D = (c: string) => `sha256:${c.repeat(64)}`;
/** attest.json of a result directory, read back through the contract. */
const readAttest = (d: string) => openResultDir(d, d, { create: false }).readAttest();
const cfg = (o: Record<string, unknown> = {}) => AttestConfigSchema.parse(o);
const OIDC = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://t.example/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'tok' };
/** A runner with cosign on PATH, and one without. */
const CLI = { cosign: true };
const NO_CLI = { cosign: false };

describe('chooseSigning', () => {
  it.each([
    ['auto, OIDC token', {}, OIDC, { kind: 'keyless' }, true],
    [
      'auto, COSIGN_KEY',
      {},
      { COSIGN_KEY: '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----' },
      { kind: 'key', key: 'env://COSIGN_KEY' },
      false,
    ],
    ['auto, both: keyless first', {}, { ...OIDC, COSIGN_KEY: 'k' }, { kind: 'keyless' }, true],
    ['auto, nothing', {}, {}, null, false],
    ['off, even with a key', { sign: 'off' }, { COSIGN_KEY: 'k' }, null, false],
    [
      'key with tlog asked',
      { sign: 'key', tlog: true },
      { COSIGN_KEY: 'k' },
      { kind: 'key', key: 'env://COSIGN_KEY' },
      true,
    ],
    ['keyless', { sign: 'keyless' }, OIDC, { kind: 'keyless' }, true],
  ] as const)('%s', (_n, c, env, identity, tlog) => {
    const choice = chooseSigning(cfg(c), env, dir, CLI);
    expect(choice.identity).toEqual(identity);
    expect(choice.tlog).toBe(tlog);
    expect(choice.reason).toMatch(identity ? /^signed / : /^not signed: /);
  });

  it.each([
    [
      'auto, OIDC, no cosign on PATH, no key: not signed, saying to install cosign',
      {},
      OIDC,
      NO_CLI,
      null,
      /^not signed: keyless signing runs cosign, which is not on PATH \(install cosign 2\.x/,
    ],
    [
      'auto, OIDC, no cosign, COSIGN_KEY: the key, saying why not keyless',
      {},
      { ...OIDC, COSIGN_KEY: 'k' },
      NO_CLI,
      { kind: 'key', key: 'env://COSIGN_KEY' },
      /^signed with the key in COSIGN_KEY \(not keyless: keyless signing runs cosign, which is not on PATH/,
    ],
    [
      'auto, OIDC, attest.tlog false: not keyless (the public log), the key',
      { tlog: false },
      { ...OIDC, COSIGN_KEY: 'k' },
      CLI,
      { kind: 'key', key: 'env://COSIGN_KEY' },
      /\(not keyless: attest\.tlog is false, and keyless signatures are logged in the public Rekor log\)$/,
    ],
    [
      'auto, OIDC and COSIGN_KEY: keyless, saying the key is not used',
      {},
      { ...OIDC, COSIGN_KEY: 'k' },
      CLI,
      { kind: 'keyless' },
      /^signed keyless \(GitHub OIDC, Sigstore\) \(COSIGN_KEY is set and not used: sign: key signs with it\)$/,
    ],
  ] as const)('%s', (_n, c, env, tools, identity, reason) => {
    const choice = chooseSigning(cfg(c), env, dir, tools);
    expect(choice.identity).toEqual(identity);
    expect(choice.reason).toMatch(reason);
  });

  it.each([
    // Off GitHub Actions the way to sign is a key (finding: a laptop was told about id-token: write first).
    [{}, /^not signed: no OIDC token and no key \(set COSIGN_KEY to the private key/],
    [
      { GITHUB_ACTIONS: 'true' },
      /^not signed: no OIDC token and no key \(give the job `permissions: id-token: write`/,
    ],
  ])('auto, nothing, env %j: the fix for where it runs', (env, reason) => {
    expect(chooseSigning(cfg({}), env, dir, CLI).reason).toMatch(reason);
  });

  it('auto with attest.key configured and an OIDC token: the key asked for by name', () => {
    writeFileSync(path.join(dir, 'cosign.key'), fixture('fixture.key'));
    expect(chooseSigning(cfg({ key: 'cosign.key' }), OIDC, dir, CLI).identity).toEqual({
      kind: 'key',
      key: path.join(dir, 'cosign.key'),
    });
  });

  // Finding: a key URL with a login went to cosign's command line, which any process may read.
  it('attest.key that is a reference with a login is exit 2, before cosign, the login not shown', () => {
    const key = 'https://ci:Zq9xLmP2wR7tKv4s@keys.example/cosign.key';
    for (const tools of [CLI, NO_CLI])
      expect(() => chooseSigning(cfg({ sign: 'key', key }), {}, dir, tools)).toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: expect.stringMatching(
            /^attest\.key: https:\/\/ci:\*\*\*@keys\.example\/cosign\.key: the key reference holds a secret/,
          ),
        }),
      );
  });

  it.each([
    'awskms:///alias/cosign',
    'gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k',
    'pkcs11:token=t;slot-id=1',
  ])(
    'attest.key %s is a key reference cosign signs with, not a file; without cosign on PATH, exit 3',
    (key) => {
      expect(chooseSigning(cfg({ sign: 'key', key }), {}, dir, CLI).identity).toEqual({ kind: 'key', key });
      const err = (() => {
        try {
          chooseSigning(cfg({ sign: 'key', key }), {}, dir, NO_CLI);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(EnvironmentError);
      expect((err as EnvironmentError).message).toMatch(/cosign is not on PATH/);
    },
  );

  it('keyless without cosign on PATH is exit 3 before anything is built; with attest.tlog false, exit 2', () => {
    expect(() => chooseSigning(cfg({ sign: 'keyless' }), OIDC, dir, NO_CLI)).toThrow(EnvironmentError);
    // The schema refuses the pair when the file is read (config-refusals.test.ts); chooseSigning
    // still says it of a config made otherwise.
    expect(() => chooseSigning({ ...cfg({ sign: 'keyless' }), tlog: false }, OIDC, dir, CLI)).toThrow(
      /attest\.sign: keyless, but attest\.tlog is false/,
    );
  });

  it('a key file from the config, relative to it', () => {
    writeFileSync(path.join(dir, 'cosign.key'), fixture('fixture.key'));
    expect(chooseSigning(cfg({ sign: 'key', key: 'cosign.key' }), {}, dir).identity).toEqual({
      kind: 'key',
      key: path.join(dir, 'cosign.key'),
    });
  });

  it.each([
    ['key without any key', { sign: 'key' }, {}, /no key/],
    ['keyless without an OIDC token', { sign: 'keyless' }, {}, /no OIDC token/],
    [
      'a key file that is not there',
      { sign: 'auto', key: 'missing.key' },
      {},
      /attest\.key: no key file at .*missing\.key/,
    ],
    [
      'a key file that is a directory',
      { sign: 'key', key: '.' },
      {},
      /attest\.key: .* is a directory, not a regular file/,
    ],
    [
      'a key file that is a device',
      { sign: 'auto', key: '/dev/zero' },
      {},
      /attest\.key: \/dev\/zero is a character device/,
    ],
    [
      'a key file that is no cosign key',
      { sign: 'key', key: 'notes.txt' },
      {},
      /attest\.key: .*notes\.txt is not an encrypted cosign private key/,
    ],
    [
      'a public key given as the key',
      { sign: 'key', key: 'cosign.pub' },
      {},
      /attest\.key: .*cosign\.pub is not an encrypted cosign private key/,
    ],
  ] as const)('bad input (exit 2): %s', (_n, c, env, message) => {
    writeFileSync(path.join(dir, 'notes.txt'), 'not a key');
    writeFileSync(path.join(dir, 'cosign.pub'), fixture('fixture.pub'));
    let err: unknown;
    try {
      chooseSigning(cfg(c), env, dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(ExitCode.BadInput);
    expect((err as Error).message).toMatch(message);
  });

  it('the config block: types as a list or comma string, none, and the defaults', () => {
    expect(cfg().types).toEqual(['sbom', 'provenance', 'smoke']);
    expect(cfg().sign).toBe('auto');
    expect(cfg({ types: 'sbom, smoke' }).types).toEqual(['sbom', 'smoke']);
    expect(cfg({ types: ['none'] }).types).toEqual([]);
    expect(AttestConfigSchema.safeParse({ types: ['sbom', 'vex'] }).success).toBe(false);
    expect(AttestConfigSchema.safeParse({ sign: 'maybe' }).success).toBe(false);
  });
});

const build: BuildResult = {
  schemaVersion: 1,
  variants: [
    {
      variant: 'cpu',
      repository: 'localhost:5000/acme/model',
      tags: ['localhost:5000/acme/model:1.0-cpu'],
      baseImage: 'python:3.11-slim',
      baseDigest: D('b'),
      platforms: [
        { platform: 'linux/amd64', digest: D('1'), durationMs: 1000, attempts: 1, metadata: {} },
        { platform: 'linux/arm64', digest: D('2'), durationMs: 1000, attempts: 1, metadata: {} },
      ],
    },
  ],
};

interface Call {
  op: 'sign' | 'attest';
  ref: string;
  type?: string;
  predicate?: unknown;
}

function recordingSigner(failOn?: (c: Call) => boolean): { signer: AttestSigner; calls: Call[] } {
  const calls: Call[] = [];
  const check = (c: Call) => {
    if (failOn?.(c)) throw new EnvironmentError('registry localhost:5000 is not reachable', 'start it');
    calls.push(c);
  };
  return {
    calls,
    signer: {
      sign: async (ref) => check({ op: 'sign', ref }),
      // As cosign: it reads the predicate's file once the stage has written it (the text the
      // built-in signer takes instead is that file's).
      attest: async (ref, p) => {
        await p.written;
        const text = readFileSync(p.predicatePath, 'utf8');
        expect(text).toBe(p.text);
        check({ op: 'attest', ref, type: p.type, predicate: JSON.parse(text) });
      },
    },
  };
}

function context(withRecords: boolean) {
  return (
    v: BuildResult['variants'][number],
    p: BuildResult['variants'][number]['platforms'][number],
  ): PredicateContext => ({
    variant: v.variant,
    platform: p.platform,
    repository: v.repository,
    digest: p.digest,
    tags: v.tags,
    baseImage: { ref: v.baseImage, digest: v.baseDigest! },
    ...(withRecords && {
      record: makeRecord({ pip: [] }),
      smoke: makeSmoke([{ id: 'imports', status: 'pass' }], { platform: p.platform }),
    }),
    inputs: [{ path: 'requirements.txt', sha256: 'a'.repeat(64) }],
    buildDurationMs: p.durationMs,
    env: {},
    now: new Date('2026-11-30T00:00:00Z'),
    toolVersion: '0.1.0',
  });
}

const io = (signer: AttestSigner, lines: string[] = []) => ({
  signer: () => signer,
  progress: (l: string) => lines.push(l),
  warning: () => undefined,
});

/** The stage's input: the two-platform build, signed with a key unless `env` says otherwise. */
const input = (
  o: {
    build?: BuildResult;
    types?: string[];
    env?: Record<string, string>;
    records?: boolean;
    spdx?: boolean;
  } = {},
) => ({
  build: o.build ?? build,
  attest: cfg({ ...(o.types && { types: o.types }), ...(o.spdx !== undefined && { spdx: o.spdx }) }),
  signing: chooseSigning(cfg(), o.env ?? { COSIGN_KEY: 'k' }, dir, CLI),
  results: openResultDir(dir),
  context: context(o.records ?? true),
});

describe('runAttestStage', () => {
  it('signs each platform digest and attaches the three predicates to it, by digest', async () => {
    const { signer, calls } = recordingSigner();
    const out = await runAttestStage(input(), io(signer));
    expect(out.error).toBeUndefined();
    // Per image: the signature (its own tag) meanwhile, the attestations (one .att tag) in turn;
    // the two images side by side.
    const smokeType = 'https://ml-image-action.github.io/attestations/smoke/v1';
    for (const d of ['1', '2']) {
      const mine = calls.filter((c) => c.ref === `localhost:5000/acme/model@${D(d)}`);
      expect(mine.filter((c) => c.op === 'sign')).toHaveLength(1);
      expect(mine.filter((c) => c.op === 'attest').map((c) => c.type)).toEqual([
        'cyclonedx',
        'slsaprovenance1',
        smokeType,
      ]);
    }
    expect(calls).toHaveLength(8);
    // The SBOM is CycloneDX, the smoke predicate names this very digest and platform.
    const of = (d: string, type: string) =>
      calls.find((c) => c.ref.endsWith(D(d)) && c.type === type)!.predicate;
    expect(of('1', 'cyclonedx')).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(of('2', smokeType)).toMatchObject({
      image: { digest: D('2'), platform: 'linux/arm64' },
      verdict: 'pass',
    });
    const written = readAttest(dir)!;
    expect(written.signing.mode).toBe('key');
    expect(
      written.targets.map((t) => [
        t.platform,
        t.signed,
        t.attestations.map((a) => `${a.kind}:${a.attached}`),
      ]),
    ).toEqual([
      ['linux/amd64', true, ['sbom:true', 'provenance:true', 'smoke:true']],
      ['linux/arm64', true, ['sbom:true', 'provenance:true', 'smoke:true']],
    ]);
    expect(written.targets[0]!.attestations[0]!.file).toBe(path.join('attest', 'cpu-amd64.sbom.json'));
  });

  it('without a signing identity: the predicates are written, nothing is attached, the reason is said', async () => {
    const { signer, calls } = recordingSigner();
    const lines: string[] = [];
    await runAttestStage(input({ env: {} }), io(signer, lines));
    expect(calls).toEqual([]);
    expect(lines[0]).toMatch(/^not signed: no OIDC token and no key/);
    const written = readAttest(dir)!;
    expect(written.signing.mode).toBe('none');
    expect(written.targets.flatMap((t) => t.attestations.map((a) => a.attached))).toEqual(
      Array(6).fill(false),
    );
    expect(
      JSON.parse(readFileSync(path.join(dir, 'attest', 'cpu-arm64.provenance.json'), 'utf8')),
    ).toHaveProperty('buildDefinition');
  });

  it('attest.spdx: each SBOM also as SPDX 2.3 in the result directory, named in attest.json, not attached', async () => {
    const { signer, calls } = recordingSigner();
    await runAttestStage(input({ spdx: true }), io(signer));
    expect(calls.filter((c) => c.op === 'attest')).toHaveLength(6);
    const written = readAttest(dir)!;
    for (const [t, arch, d] of [
      [written.targets[0]!, 'amd64', '1'],
      [written.targets[1]!, 'arm64', '2'],
    ] as const) {
      const sbom = t.attestations.find((a) => a.kind === 'sbom')!;
      expect(sbom.spdx).toBe(path.join('attest', `cpu-${arch}.sbom.spdx.json`));
      const doc = JSON.parse(readFileSync(path.join(dir, sbom.spdx!), 'utf8')) as SpdxDocument;
      const cdx = calls.find((c) => c.ref.endsWith(D(d)) && c.type === 'cyclonedx')!.predicate;
      expect(doc).toEqual(spdxFromCycloneDx(cdx as object));
      expect(doc.packages[0]!.versionInfo).toBe(D(d));
      expect(t.attestations.filter((a) => a.kind !== 'sbom').every((a) => a.spdx === undefined)).toBe(true);
    }
    // Off (the default): no SPDX file.
    rmSync(path.join(dir, 'attest'), { recursive: true, force: true });
    await runAttestStage(input(), io(recordingSigner().signer));
    expect(readAttest(dir)!.targets[0]!.attestations[0]!.spdx).toBeUndefined();
    expect(existsSync(path.join(dir, 'attest', 'cpu-amd64.sbom.spdx.json'))).toBe(false);
  });

  it('a build job (no record, no smoke result yet): provenance only, with a note for the others', async () => {
    const { signer, calls } = recordingSigner();
    const lines: string[] = [];
    await runAttestStage(input({ records: false }), io(signer, lines));
    expect(calls.filter((c) => c.op === 'attest').map((c) => c.type)).toEqual([
      'slsaprovenance1',
      'slsaprovenance1',
    ]);
    expect(lines.find((l) => l.startsWith('cpu linux/amd64: signed'))).toMatch(
      /^cpu linux\/amd64: signed and attached provenance in \d+\.\ds \(sbom: no environment record.*; smoke: no smoke result/,
    );
  });

  it("an SBOM made from a record whose pip package list is incomplete: the target's note and a warning say so", async () => {
    const leftOut = '/usr/lib/python3/dist-packages/x-1.0.dist-info left out: OSError: boom';
    const base = context(true);
    const ctx: typeof base = (v, p) => {
      const c = base(v, p);
      if (p.platform === 'linux/arm64') c.record!.errors = [{ field: 'python.packages', error: leftOut }];
      return c;
    };
    const lines: string[] = [];
    const warnings: string[] = [];
    await runAttestStage(
      { ...input(), context: ctx },
      { ...io(recordingSigner().signer, lines), warning: (m: string) => warnings.push(m) },
    );
    const note = `sbom: the pip package list is incomplete: ${leftOut}`;
    expect(readAttest(dir)!.targets.map((t) => [t.platform, t.notes])).toEqual([
      ['linux/amd64', []],
      ['linux/arm64', [note]],
    ]);
    expect(warnings).toEqual([`cpu linux/arm64: ${note}`]);
    expect(lines.find((l) => l.startsWith('cpu linux/arm64: signed'))).toContain(`(${note})`);
  });

  it('an image loaded into the engine (not pushed) has nothing to attest', async () => {
    const local: BuildResult = {
      ...build,
      variants: [
        {
          ...build.variants[0]!,
          platforms: [{ ...build.variants[0]!.platforms[0]!, localRef: 'model:cpu' }],
        },
      ],
    };
    const { signer, calls } = recordingSigner();
    const lines: string[] = [];
    const out = await runAttestStage(input({ build: local }), io(signer, lines));
    expect(calls).toEqual([]);
    expect(out.result.targets).toEqual([]);
    expect(lines).toContain('cpu linux/amd64: not pushed (loaded as model:cpu): nothing to attest');
  });

  // The `load` input: the build pushed the image and left it in the engine too (docker-container:
  // its load tag; docker driver: the tag it pushed by). It is in the registry: signed and attested.
  it.each([
    ['docker-container builder', 'localhost:5000/acme/model:ml-image-local-cpu-amd64'],
    ['docker driver', 'localhost:5000/acme/model:ml-image-build-cpu-amd64'],
  ])('an image pushed and loaded (%s) is signed and attested', async (_n, localRef) => {
    const loadedToo: BuildResult = {
      ...build,
      variants: [
        {
          ...build.variants[0]!,
          platforms: build.variants[0]!.platforms.map((p) => ({ ...p, localRef, pushed: true })),
        },
      ],
    };
    const { signer, calls } = recordingSigner();
    const lines: string[] = [];
    const out = await runAttestStage(input({ build: loadedToo }), io(signer, lines));
    expect(out.result.targets.map((t) => [t.ref, t.signed])).toEqual([
      [`localhost:5000/acme/model@${D('1')}`, true],
      [`localhost:5000/acme/model@${D('2')}`, true],
    ]);
    expect(calls.filter((c) => c.op === 'sign').map((c) => c.ref)).toEqual([
      `localhost:5000/acme/model@${D('1')}`,
      `localhost:5000/acme/model@${D('2')}`,
    ]);
    expect(lines.join('\n')).not.toMatch(/not pushed/);
  });

  it('the registry going away mid-way: what was done is recorded, the error is handed back (exit 3)', async () => {
    const { signer, calls } = recordingSigner((c) => c.ref.endsWith(D('2')));
    const out = await runAttestStage(input(), io(signer));
    expect(out.error).toBeInstanceOf(EnvironmentError);
    expect(calls.every((c) => c.ref.endsWith(D('1')))).toBe(true);
    const written = readAttest(dir)!;
    expect(written.error).toMatch(/registry localhost:5000 is not reachable/);
    // Both targets are recorded: the first attached and signed, the second written only.
    expect(written.targets.map((t) => [t.platform, t.signed])).toEqual([
      ['linux/amd64', true],
      ['linux/arm64', false],
    ]);
    expect(written.targets[0]!.attestations.every((a) => a.attached)).toBe(true);
    const partial = written.targets[1]!.attestations;
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.every((a) => !a.attached && existsSync(path.join(dir, a.file)))).toBe(true);
  });

  it('the attestations of one image never overlap (they extend one .att tag in turn)', async () => {
    const inFlight = new Map<string, number>();
    let most = 0;
    let images = 0;
    const signer: AttestSigner = {
      sign: async () => undefined,
      attest: async (ref) => {
        const n = (inFlight.get(ref) ?? 0) + 1;
        inFlight.set(ref, n);
        most = Math.max(most, n);
        images = Math.max(images, [...inFlight.values()].filter((x) => x > 0).length);
        await new Promise((r) => setTimeout(r, 5));
        inFlight.set(ref, n - 1);
      },
    };
    const out = await runAttestStage(input(), io(signer));
    expect(most).toBe(1);
    // ...while the two images are attached side by side.
    expect(images).toBe(2);
    expect(out.result.targets.flatMap((t) => t.attestations.map((a) => a.attached))).toEqual(
      Array(6).fill(true),
    );
  });

  it('only the kinds asked for', async () => {
    const { signer, calls } = recordingSigner();
    mkdirSync(dir, { recursive: true });
    await runAttestStage(input({ types: ['smoke'] }), io(signer));
    expect(new Set(calls.map((c) => c.type ?? 'sign'))).toEqual(
      new Set(['https://ml-image-action.github.io/attestations/smoke/v1', 'sign']),
    );
  });
});

describe('verifyCommand: the exact command the report shows', () => {
  const ref = `ghcr.io/acme/model@${D('1')}`;
  it.each([
    [
      'a key, no transparency log',
      { kind: 'key', key: 'env://COSIGN_KEY' } as const,
      false,
      `cosign verify-attestation --key cosign.pub --insecure-ignore-tlog=true --type cyclonedx --new-bundle-format=false ${ref}`,
    ],
    [
      'a key with the log',
      { kind: 'key', key: '/k' } as const,
      true,
      `cosign verify-attestation --key cosign.pub --type slsaprovenance1 --new-bundle-format=false ${ref}`,
    ],
    [
      'keyless: the workflows of this repository, in a run of it, the GitHub issuer',
      { kind: 'keyless' } as const,
      true,
      `cosign verify-attestation --certificate-identity-regexp '^https://github\\.com/acme/model\\.repo/\\.github/workflows/' --certificate-oidc-issuer https://token.actions.githubusercontent.com --certificate-github-workflow-repository acme/model.repo --type cyclonedx --new-bundle-format=false ${ref}`,
    ],
  ])('%s', (_n, identity, tlog, want) => {
    const type = want.includes('slsaprovenance1') ? 'slsaprovenance1' : 'cyclonedx';
    expect(verifyCommand(ref, type, identity, tlog, { repository: 'acme/model.repo' })).toBe(want);
  });

  it("the stage writes each attestation's command with the signing workflow's repository", async () => {
    const { signer } = recordingSigner();
    const stage = {
      ...input({ env: OIDC }),
      repository: 'acme/model',
      workflowRepository: 'ml-image-action/ml-image-action',
      workflowRef: 'refs/heads/main',
    };
    await runAttestStage(stage, io(signer));
    const cmds = readAttest(dir)!.targets.flatMap((t) => t.attestations.map((a) => a.verify!));
    expect(cmds).toHaveLength(6);
    for (const c of cmds) {
      expect(c).toContain(
        "--certificate-identity-regexp '^https://github\\.com/ml-image-action/ml-image-action/\\.github/workflows/'",
      );
      expect(c).toContain('--certificate-github-workflow-repository acme/model ');
      expect(c).toContain(' --certificate-github-workflow-ref refs/heads/main ');
    }
  });

  it("keyless from a reusable workflow: that workflow's repository is the identity, the caller's the run", () => {
    expect(
      verifyCommand(ref, 'cyclonedx', { kind: 'keyless' }, true, {
        repository: 'acme/model',
        workflowRepository: 'ml-image-action/ml-image-action',
      }),
    ).toBe(
      `cosign verify-attestation --certificate-identity-regexp '^https://github\\.com/ml-image-action/ml-image-action/\\.github/workflows/' --certificate-oidc-issuer https://token.actions.githubusercontent.com --certificate-github-workflow-repository acme/model --type cyclonedx --new-bundle-format=false ${ref}`,
    );
  });

  it.each([
    ['refs/heads/main', ' --certificate-github-workflow-ref refs/heads/main '],
    ['refs/tags/v1.2.3', ' --certificate-github-workflow-ref refs/tags/v1.2.3 '],
  ])("keyless: the signing run's ref %s is pinned", (gitRef, pin) => {
    const cmd = verifyCommand(ref, 'cyclonedx', { kind: 'keyless' }, true, {
      repository: 'acme/model',
      workflowRef: gitRef,
    });
    expect(cmd).toContain(pin);
    // A key-signed image's command names no ref.
    expect(
      verifyCommand(ref, 'cyclonedx', { kind: 'key', key: 'env://COSIGN_KEY' }, true, {
        workflowRef: gitRef,
      }),
    ).not.toContain('workflow-ref');
  });

  it('a ref that is no plain branch or tag is not pinned (the report keeps only plain words)', () => {
    for (const gitRef of ['refs/pull/7/merge', "refs/heads/x'; rm -rf /", 'refs/heads/a b', 'main'])
      expect(
        verifyCommand(ref, 'cyclonedx', { kind: 'keyless' }, true, {
          repository: 'acme/model',
          workflowRef: gitRef,
        }),
      ).not.toContain('workflow-ref');
  });

  it('a repository name that is not owner/repo is never put in the command', () => {
    for (const [repo, workflow] of [
      ["x'; rm -rf /", undefined],
      ['acme/model', "x'; rm -rf /"],
    ]) {
      const cmd = verifyCommand(ref, 'cyclonedx', { kind: 'keyless' }, true, {
        repository: repo,
        workflowRepository: workflow,
      });
      expect(cmd).not.toContain('rm -rf');
    }
    expect(
      verifyCommand(ref, 'cyclonedx', { kind: 'keyless' }, true, { repository: "x'; rm -rf /" }),
    ).toContain('OWNER/REPO');
  });
});

describe('runAttestStage with a batch signer (attestAll)', () => {
  /** cpu and cuda share the amd64 image (one digest, one ref); cuda's arm64 is another image. */
  const shared: BuildResult = {
    schemaVersion: 1,
    variants: [
      {
        ...build.variants[0]!,
        platforms: [build.variants[0]!.platforms[0]!],
      },
      {
        ...build.variants[0]!,
        variant: 'cuda',
        tags: ['localhost:5000/acme/model:1.0-cuda'],
        platforms: [
          build.variants[0]!.platforms[0]!,
          { ...build.variants[0]!.platforms[1]!, platform: 'linux/arm64', digest: D('3') },
        ],
      },
    ],
  };
  const REF1 = `localhost:5000/acme/model@${D('1')}`;
  const REF2 = `localhost:5000/acme/model@${D('2')}`;

  it('attestAll reporting index 0 and then failing: attest.json marks only that one attached, exit 3, the other image attached', async () => {
    const signer: AttestSigner = {
      sign: async () => undefined,
      attest: async () => expect.unreachable('attest is not called when attestAll is there'),
      attestAll: async (ref, specs, _identity, _opts, onAttached) => {
        expect(specs).toHaveLength(3);
        if (ref === REF1) {
          onAttached?.(0);
          throw new EnvironmentError('registry localhost:5000 went away', 'start it');
        }
        specs.forEach((_, i) => onAttached?.(i));
      },
    };
    const out = await runAttestStage(input(), io(signer));
    expect(out.error).toBeInstanceOf(EnvironmentError);
    expect(out.error!.exitCode).toBe(ExitCode.Environment);
    const written = readAttest(dir)!;
    expect(written.error).toBe('registry localhost:5000 went away');
    expect(written.targets.map((t) => [t.ref, t.attestations.map((a) => `${a.kind}:${a.attached}`)])).toEqual(
      [
        [REF1, ['sbom:true', 'provenance:false', 'smoke:false']],
        [REF2, ['sbom:true', 'provenance:true', 'smoke:true']],
      ],
    );
    // The one attached has its verify command; those not attached have none.
    expect(written.targets[0]!.attestations.map((a) => a.verify !== undefined)).toEqual([true, false, false]);
  });

  it('bad input from the signer (a wrong password): attest.json is rewritten with the error, not left from the last run', async () => {
    const ok: AttestSigner = {
      sign: async () => undefined,
      attest: async () => expect.unreachable('attestAll is there'),
      attestAll: async (_ref, specs, _identity, _opts, onAttached) => {
        specs.forEach((_, i) => onAttached?.(i, Buffer.from('envelope')));
      },
    };
    await runAttestStage(input(), io(ok));
    expect(readAttest(dir)!.targets[0]!.attestations.every((a) => a.attached && a.envelope)).toBe(true);
    const wrong = new InputError('COSIGN_PASSWORD does not decrypt the signing key');
    const failing: AttestSigner = {
      sign: async () => Promise.reject(wrong),
      attest: async () => expect.unreachable('attestAll is there'),
      attestAll: async () => Promise.reject(wrong),
    };
    const lines: string[] = [];
    await expect(runAttestStage(input(), io(failing, lines))).rejects.toBe(wrong);
    const written = readAttest(dir)!;
    expect(written.error).toBe('COSIGN_PASSWORD does not decrypt the signing key');
    for (const t of written.targets) {
      expect(t.signed).toBe(false);
      expect(t.attestations.map((a) => [a.attached, a.envelope])).toEqual(Array(3).fill([false, undefined]));
    }
    expect(
      lines.filter((l) => /: not signed; written \(not attached\): .*: stopped after \d+\.\ds$/.test(l)),
    ).toHaveLength(2);
  });

  it('a registry failure on one image and bad input on another: attest.json records the one thrown', async () => {
    const bad = new InputError('predicate file attest/x.json: Unexpected token');
    const signer: AttestSigner = {
      sign: async () => undefined,
      attest: async () => expect.unreachable('attestAll is there'),
      attestAll: async (ref) => {
        await new Promise((r) => setTimeout(r, ref === REF1 ? 1 : 5));
        throw ref === REF1 ? new EnvironmentError('registry localhost:5000 went away', 'start it') : bad;
      },
    };
    await expect(runAttestStage(input(), io(signer))).rejects.toBe(bad);
    expect(readAttest(dir)!.error).toBe(bad.message);
  });

  it('the progress line says what was attached, apart from whether the image was signed', async () => {
    const signer: AttestSigner = {
      sign: async () => undefined,
      attest: async () => expect.unreachable('attestAll is there'),
      attestAll: async () =>
        Promise.reject(new EnvironmentError('registry localhost:5000 went away', 'start it')),
    };
    const lines: string[] = [];
    const out = await runAttestStage(input(), io(signer, lines));
    expect(out.error).toBeInstanceOf(EnvironmentError);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^cpu linux\/amd64: signed; written \(not attached\): sbom, provenance, smoke: stopped after \d+\.\ds$/,
      ),
    );
  });

  it("keeps each envelope it attached, and hands the signer the earlier run's of the same target and kind", async () => {
    const seen: (string | undefined)[] = [];
    const signer: AttestSigner = {
      sign: async () => undefined,
      attest: async () => expect.unreachable('attestAll is there'),
      attestAll: async (ref, specs, _identity, _opts, onAttached) => {
        for (const s of specs) seen.push(s.earlier?.toString());
        specs.forEach((s, i) => onAttached?.(i, Buffer.from(`envelope ${ref.slice(-1)} ${s.type}`)));
      },
    };
    const envelope = (arch: string, kind: string) =>
      path.join(dir, 'attest', `cpu-${arch}.${kind}.dsse.json`);
    await runAttestStage(input(), io(signer));
    expect(seen).toEqual(Array(6).fill(undefined));
    expect(readFileSync(envelope('amd64', 'provenance'), 'utf8')).toBe('envelope 1 slsaprovenance1');
    const first = readAttest(dir)!;
    expect(first.targets[1]!.attestations.map((a) => a.envelope)).toEqual(
      ['sbom', 'provenance', 'smoke'].map((k) => path.join('attest', `cpu-arm64.${k}.dsse.json`)),
    );

    // The next run into this directory: each spec carries what the first attached.
    seen.length = 0;
    await runAttestStage(input(), io(signer));
    expect(seen.filter((x) => x?.startsWith('envelope 2 '))).toHaveLength(3);
    expect(seen.filter((x) => x?.startsWith('envelope 1 '))).toHaveLength(3);

    // A run that does not sign: the earlier envelopes are gone, as nothing this run attached is;
    // so are those of a variant no longer built, and one that cannot be read.
    writeFileSync(envelope('amd64', 'sbom'), 'stale');
    writeFileSync(path.join(dir, 'attest', 'gpu-amd64.sbom.dsse.json'), 'dropped variant');
    mkdirSync(path.join(dir, 'attest', 'odd.dsse.json'));
    await runAttestStage(input({ env: {} }), io(signer));
    for (const arch of ['amd64', 'arm64'])
      for (const kind of ['sbom', 'provenance', 'smoke'])
        expect(existsSync(envelope(arch, kind))).toBe(false);
    expect(readdirSync(path.join(dir, 'attest')).filter((n) => n.endsWith('.dsse.json'))).toEqual([]);
    expect(readAttest(dir)!.targets[0]!.attestations.every((a) => a.envelope === undefined)).toBe(true);
  });

  it('while it attaches, no earlier attest.json names the envelopes it took out (a signal stops it there)', async () => {
    let during: boolean[] = [];
    const signer: AttestSigner = {
      sign: async () => undefined,
      attest: async () => expect.unreachable('attestAll is there'),
      attestAll: async (_ref, specs, _identity, _opts, onAttached) => {
        // What a run killed here would leave: attest.json, if any, and the envelopes it names.
        const named = existsSync(path.join(dir, 'attest.json'))
          ? readAttest(dir)!.targets.flatMap((t) => t.attestations.flatMap((a) => a.envelope ?? []))
          : [];
        during.push(named.every((f) => existsSync(path.join(dir, f))));
        specs.forEach((_s, i) => onAttached?.(i, Buffer.from('envelope')));
      },
    };
    await runAttestStage(input(), io(signer));
    expect(readAttest(dir)!.targets[0]!.attestations.map((a) => a.envelope)).toHaveLength(3);
    during = [];
    await runAttestStage(input(), io(signer));
    expect(during).toEqual([true, true]);
  });

  it('two targets of one digest are attached one after the other; other images meanwhile', async () => {
    const events: string[] = [];
    const inFlight = new Map<string, number>();
    let most = 0;
    let images = 0;
    const track = async (what: string, ref: string) => {
      const key = `${what} ${ref}`;
      const n = (inFlight.get(key) ?? 0) + 1;
      inFlight.set(key, n);
      most = Math.max(most, n);
      const refs = new Set([...inFlight].filter(([k, x]) => x > 0 && k.startsWith(what)).map(([k]) => k));
      images = Math.max(images, refs.size);
      await new Promise((r) => setTimeout(r, 5));
      inFlight.set(key, n - 1);
    };
    const signer: AttestSigner = {
      sign: (ref) => track('sign', ref),
      attest: async () => expect.unreachable('attestAll is there'),
      attestAll: async (ref, specs, _identity, _opts, onAttached) => {
        const variant = path.basename(specs[0]!.predicatePath).split('-')[0]!;
        events.push(`start ${variant} ${ref}`);
        await track('attestAll', ref);
        events.push(`end ${variant} ${ref}`);
        specs.forEach((_, i) => onAttached?.(i));
      },
    };
    const out = await runAttestStage(input({ build: shared }), io(signer));
    expect(out.error).toBeUndefined();
    expect(out.result.targets.map((t) => t.ref)).toEqual([REF1, REF1, `localhost:5000/acme/model@${D('3')}`]);
    // The two targets of REF1: the second starts after the first ended (sign and attestAll alike).
    const ofShared = events.filter((e) => e.endsWith(REF1));
    expect(ofShared).toEqual([
      `start cpu ${REF1}`,
      `end cpu ${REF1}`,
      `start cuda ${REF1}`,
      `end cuda ${REF1}`,
    ]);
    expect(most).toBe(1);
    // ...while the other image is attached side by side with the first.
    expect(images).toBe(2);
    expect(out.result.targets.every((t) => t.signed && t.attestations.every((a) => a.attached))).toBe(true);
  });
});

describe("runAttestStage: an earlier run's SBOM, attached again without being made", () => {
  const REF1 = `localhost:5000/acme/model@${D('1')}`;
  const EARLIER = Buffer.from('{"payloadType":"application/vnd.in-toto+json","earlier":true}');

  /** The envelope an earlier run left for cpu/amd64's SBOM, and a signer that knows its statement. */
  function earlierRun(statement: (ctx: PredicateContext) => Statement | null) {
    mkdirSync(path.join(dir, 'attest'), { recursive: true });
    writeFileSync(path.join(dir, envelopeFile('cpu', 'linux/amd64', 'sbom')), EARLIER);
    const asked: string[] = [];
    const specs = new Map<string, PredicateSpec[]>();
    const signer: AttestSigner = {
      sign: async () => undefined,
      attest: async () => expect.unreachable('attestAll is there'),
      attestAll: async (ref, given, _identity, _opts, onAttached) => {
        specs.set(ref, [...given]);
        given.forEach((_, i) => onAttached?.(i));
      },
      signedBefore: async (ref, envelope) => {
        asked.push(ref);
        expect(envelope).toEqual(EARLIER);
        const ctx = context(true)(build.variants[0]!, build.variants[0]!.platforms[0]!);
        return statement(ctx);
      },
    };
    return { signer, asked, specs };
  }

  const sbomStatement = (ctx: PredicateContext, extra: Record<string, unknown> = {}): Statement => ({
    type: 'https://in-toto.io/Statement/v1',
    predicateType: 'https://cyclonedx.org/bom',
    subject: [{ name: 'localhost:5000/acme/model', digest: { sha256: '1'.repeat(64) } }],
    predicate: { ...(predicateFor('sbom', ctx) as { predicate: object }).predicate, ...extra },
  });
  const sbomFile = () => JSON.parse(readFileSync(path.join(dir, 'attest', 'cpu-amd64.sbom.json'), 'utf8'));

  it('signed by this key, made of the same inputs: its predicate is written and handed over with it', async () => {
    const { signer, asked, specs } = earlierRun((ctx) => sbomStatement(ctx, { earlierRun: true }));
    const out = await runAttestStage(input(), io(signer));
    expect(out.error).toBeUndefined();
    // Asked once, for the one target that has an earlier SBOM; not for its provenance or smoke.
    expect(asked).toEqual([REF1]);
    expect(sbomFile()).toMatchObject({ earlierRun: true, bomFormat: 'CycloneDX' });
    const sbom = specs.get(REF1)![0]!;
    expect(sbom).toMatchObject({ type: 'cyclonedx', earlier: EARLIER });
    expect(JSON.parse(sbom.text!)).toEqual(sbomFile());
    // The other platform's SBOM is made (no earlier one).
    expect(readFileSync(path.join(dir, 'attest', 'cpu-arm64.sbom.json'), 'utf8')).not.toContain('earlierRun');
  });

  it.each<[string, (ctx: PredicateContext) => Statement | null]>([
    ['not signed by this key (or not an envelope)', () => null],
    [
      'made of other inputs (the record changed since)',
      (ctx) => sbomStatement({ ...ctx, toolVersion: '0.0.9' }),
    ],
  ])('%s: the SBOM is made anew', async (_what, statement) => {
    const { signer, asked, specs } = earlierRun((ctx) =>
      statement(ctx) === null
        ? null
        : { ...statement(ctx)!, predicate: { ...(statement(ctx)!.predicate as object), earlierRun: true } },
    );
    await runAttestStage(input(), io(signer));
    expect(asked).toEqual([REF1]);
    expect(sbomFile()).not.toHaveProperty('earlierRun');
    expect(sbomFile()).toMatchObject({ bomFormat: 'CycloneDX' });
    // The envelope is still offered: the signer attaches it again if it holds this statement.
    expect(specs.get(REF1)![0]).toMatchObject({ earlier: EARLIER });
  });

  it('a predicate that cannot be written fails its target with the write error, after the others are done', async () => {
    // A directory where cpu-arm64's provenance goes: its rename fails (exit 2, naming the file).
    mkdirSync(path.join(dir, 'attest', 'cpu-arm64.provenance.json', 'x'), { recursive: true });
    const { signer, calls } = recordingSigner();
    const err = await runAttestStage(input(), io(signer)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/cannot write .*cpu-arm64\.provenance\.json: is a directory/);
    const written = readAttest(dir)!;
    expect(written.error).toMatch(/cpu-arm64\.provenance\.json/);
    expect(
      written.targets.find((t) => t.platform === 'linux/amd64')!.attestations.every((a) => a.attached),
    ).toBe(true);
    // attest.json names only files that are there: not the provenance that was not written.
    const arm64 = written.targets.find((t) => t.platform === 'linux/arm64')!;
    expect(arm64.attestations.map((a) => a.kind)).not.toContain('provenance');
    const named = written.targets.flatMap((t) =>
      t.attestations.flatMap((a) => [a.file, a.envelope ?? [], a.spdx ?? []].flat()),
    );
    for (const f of named)
      expect(existsSync(path.join(dir, f)) && statSync(path.join(dir, f)).isFile(), f).toBe(true);
    // No temporary file is left beside it.
    expect(readdirSync(path.join(dir, 'attest')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(calls.length).toBeGreaterThan(0);
  });
});

describe('a predicate whose copy is not written, attached all the same', () => {
  // The built-in signer signs the predicate's text, not its copy in the result directory: an
  // attestation attached to the image stays in attest.json when its copy could not be written.
  it('stays in attest.json, attached, with a note; a predicate neither written nor attached goes', async () => {
    mkdirSync(path.join(dir, 'attest', 'cpu-arm64.provenance.json', 'x'), { recursive: true });
    const attached: string[] = [];
    const signer: AttestSigner = {
      sign: async () => {},
      attest: async (ref, p) => {
        attached.push(`${ref.endsWith(D('2')) ? 'arm64' : 'amd64'} ${p.type}`);
      },
    };
    const err = await runAttestStage(input(), io(signer)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(attached).toContain('arm64 slsaprovenance1');
    const arm64 = readAttest(dir)!.targets.find((t) => t.platform === 'linux/arm64')!;
    const provenance = arm64.attestations.find((a) => a.kind === 'provenance');
    expect(provenance).toMatchObject({ attached: true, file: 'attest/cpu-arm64.provenance.json' });
    expect(provenance!.verify).toBeDefined();
    expect(arm64.notes).toContain(
      'provenance: attached, but its copy attest/cpu-arm64.provenance.json was not written',
    );
  });
});

describe('runAttestStage: keyless one image at a time; no image starts after a registry failure', () => {
  /** A signer that records how many images are being signed at once, failing on FAIL_REF. */
  function tracking(failRef?: string) {
    const inFlight = new Map<string, number>();
    const seen: string[] = [];
    let most = 0;
    let calls = 0;
    let mostCalls = 0;
    const step = async (ref: string) => {
      seen.push(ref);
      inFlight.set(ref, (inFlight.get(ref) ?? 0) + 1);
      most = Math.max(most, [...inFlight.values()].filter((n) => n > 0).length);
      mostCalls = Math.max(mostCalls, ++calls);
      await new Promise((r) => setTimeout(r, 5));
      calls--;
      inFlight.set(ref, inFlight.get(ref)! - 1);
      if (ref === failRef) throw new EnvironmentError('registry localhost:5000 is not reachable', 'start it');
    };
    const signer: AttestSigner = { sign: step, attest: step };
    return { signer, seen, most: () => most, mostCalls: () => mostCalls };
  }

  it('keyless: the images are attached one after the other (concurrent cosign runs share a cache)', async () => {
    const t = tracking();
    const out = await runAttestStage(input({ env: OIDC }), io(t.signer));
    expect(out.error).toBeUndefined();
    expect(out.result.signing.mode).toBe('keyless');
    expect(t.most()).toBe(1);
    // Within an image too: its signature after its attestations, never two cosign runs at once.
    expect(t.mostCalls()).toBe(1);
    expect(new Set(t.seen).size).toBe(2);
  });

  it('a key with the transparency log (cosign runs): one call at a time; a key without: side by side', async () => {
    const tlog = tracking();
    const withLog = { ...input(), signing: chooseSigning(cfg({ tlog: true }), { COSIGN_KEY: 'k' }, dir) };
    expect((await runAttestStage(withLog, io(tlog.signer))).result.signing.tlog).toBe(true);
    expect(tlog.mostCalls()).toBe(1);
    const plain = tracking();
    await runAttestStage(input(), io(plain.signer));
    expect(plain.mostCalls()).toBeGreaterThan(1);
  });

  it('key mode, any failure (a wrong password, say): no image starts after it, the error is thrown', async () => {
    const platforms = [1, 2, 3, 4, 5, 6].map((n) => ({
      platform: `linux/arch${n}`,
      digest: D(String(n)),
      durationMs: 1000,
      attempts: 1,
      metadata: {},
    }));
    const many: BuildResult = { ...build, variants: [{ ...build.variants[0]!, platforms }] };
    const seen: string[] = [];
    const step = async (ref: string) => {
      seen.push(ref);
      await new Promise((r) => setTimeout(r, 5));
      if (ref.endsWith(D('1'))) throw new InputError('COSIGN_KEY: wrong password', 'check COSIGN_PASSWORD');
    };
    await expect(runAttestStage(input({ build: many }), io({ sign: step, attest: step }))).rejects.toThrow(
      /wrong password/,
    );
    // Four images at a time in key mode: those already started finish, no fifth one starts.
    const started = new Set(seen);
    expect(started.has(`localhost:5000/acme/model@${D('1')}`)).toBe(true);
    expect(started.size).toBeLessThanOrEqual(4);
  });

  it('after a registry failure no further image starts: attest.json lists only what was tried', async () => {
    const first = `localhost:5000/acme/model@${D('1')}`;
    const t = tracking(first);
    const lines: string[] = [];
    const out = await runAttestStage(input({ env: OIDC }), io(t.signer, lines));
    expect(out.error).toBeInstanceOf(EnvironmentError);
    expect(new Set(t.seen)).toEqual(new Set([first]));
    const written = readAttest(dir)!;
    expect(written.targets.map((x) => x.ref)).toEqual([first]);
    expect(written.error).toMatch(/not reachable/);
    expect(lines.some((l) => /: stopped after \d+\.\ds$/.test(l))).toBe(true);
  });
});

describe('runAttestStage: requests ahead (prefetch, release)', () => {
  /** The recording signer with prefetch and release, each call logged in order with the rest. */
  function aheadSigner(failOn?: (c: Call) => boolean) {
    const base = recordingSigner(failOn);
    const log: string[] = [];
    const signer: AttestSigner = {
      sign: async (ref, identity, o) => {
        log.push(`sign ${ref}`);
        return base.signer.sign(ref, identity, o);
      },
      attest: async (ref, p, identity, o) => {
        log.push(`attest ${ref}`);
        return base.signer.attest(ref, p, identity, o);
      },
      prefetch: async (targets) => {
        log.push(`prefetch ${targets.map((t) => `${t.ref.slice(-4)}:${t.uploads}`).join(' ')}`);
      },
      release: async () => {
        log.push('release');
      },
    };
    return { signer, log };
  }

  it('prefetch first, with every target and its uploads (config + three new envelopes); release last', async () => {
    const { signer, log } = aheadSigner();
    await runAttestStage(input(), io(signer));
    expect(log[0]).toBe(`prefetch ${D('1').slice(-4)}:4 ${D('2').slice(-4)}:4`);
    expect(log.at(-1)).toBe('release');
    expect(log.filter((l) => l.startsWith('attest '))).toHaveLength(6);
  });

  it('a rerun with the last envelopes: the config and the provenance (signed anew) only', async () => {
    const { signer: first } = aheadSigner();
    // A first run through a batch signer that hands back envelopes, so that they are kept.
    await runAttestStage(
      input(),
      io({
        ...first,
        attestAll: async (_r, specs, _i, _o, on) =>
          specs.forEach((_, i) => on?.(i, Buffer.from(`{"n":${i}}`))),
      }),
    );
    const { signer: ahead, log } = aheadSigner();
    // The first requests go out before the earlier envelopes are read and removed.
    const onDisk: string[] = [];
    const signer: AttestSigner = {
      ...ahead,
      prefetch: async (targets, identity, o) => {
        onDisk.push(...readdirSync(path.join(dir, 'attest')).filter((f) => f.endsWith('.dsse.json')));
        onDisk.push(...(existsSync(path.join(dir, 'attest.json')) ? ['attest.json'] : []));
        return ahead.prefetch!(targets, identity, o);
      },
    };
    await runAttestStage(input(), io(signer));
    expect(log[0]).toBe(`prefetch ${D('1').slice(-4)}:2 ${D('2').slice(-4)}:2`);
    expect(onDisk).toHaveLength(7); // 2 images x 3 envelopes, and the last attest.json
    expect(onDisk).toContain(path.basename(envelopeFile('cpu', 'linux/amd64', 'sbom')));
  });

  it('earlier envelopes that cannot be taken out: the uploads opened ahead are cancelled, the error goes on', async () => {
    const { signer, log } = aheadSigner();
    const results = {
      ...openResultDir(dir),
      takeEnvelopes: () => {
        throw new Error('EACCES: permission denied, unlink attest/cpu-amd64.sbom.dsse.json');
      },
    };
    await expect(runAttestStage({ ...input(), results }, io(signer))).rejects.toThrow(/EACCES/);
    expect(log).toEqual([expect.stringMatching(/^prefetch /), 'release']);
  });

  it('release runs when a target fails too (the registry went away)', async () => {
    const { signer, log } = aheadSigner((c) => c.ref.endsWith(D('2')));
    const out = await runAttestStage(input(), io(signer));
    expect(out.error).toBeInstanceOf(EnvironmentError);
    expect(log.at(-1)).toBe('release');
  });

  it('an interrupt (the pending cleanups run) while attaching releases the uploads opened ahead', async () => {
    const { signer, log } = aheadSigner();
    let resume!: () => void;
    const held = new Promise<void>((r) => (resume = r));
    const holding: AttestSigner = {
      ...signer,
      attest: async (ref, p, identity, o) => {
        await held;
        return signer.attest(ref, p, identity, o);
      },
    };
    const stage = runAttestStage(input(), io(holding));
    await new Promise((r) => setTimeout(r, 10));
    const ahead = () => log.filter((l) => /^(prefetch|release|attest)/.test(l));
    expect(ahead()).toEqual([expect.stringMatching(/^prefetch /)]); // the attaching waits
    await runPendingCleanups(); // what SIGINT/SIGTERM runs
    expect(ahead()).toEqual([expect.stringMatching(/^prefetch /), 'release']);
    resume();
    // The cleanups also removed the temp files of the writes under way (as a signal does): the
    // stage may fail on them; either way it ends.
    await stage.catch(() => undefined);
    // The stage's own release at its end; nothing registered is left behind for the next pass.
    expect(log.at(-1)).toBe('release');
    log.length = 0;
    await runPendingCleanups();
    expect(log).toEqual([]);
  });

  it('an interrupt while the stage releases: its cleanup is still registered, and releases again (waiting for the DELETEs)', async () => {
    const { signer, log } = aheadSigner();
    let answer!: () => void;
    const deletes = new Promise<void>((r) => (answer = r));
    const slow: AttestSigner = {
      ...signer,
      release: async () => {
        log.push('release');
        await deletes; // the registry has not answered the DELETEs yet
      },
    };
    const stage = runAttestStage(input(), io(slow));
    const releases = () => log.filter((l) => l === 'release').length;
    for (let i = 0; i < 200 && releases() === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(releases()).toBe(1); // the stage's own release, under way
    let cleaned = false;
    const pass = runPendingCleanups().then(() => (cleaned = true)); // what SIGINT/SIGTERM runs
    await new Promise((r) => setTimeout(r, 10));
    expect(releases()).toBe(2); // the cleanup found the uploads' release, not nothing
    expect(cleaned).toBe(false); // and the exit waits for the DELETEs
    answer();
    await pass;
    await stage;
    log.length = 0;
    await runPendingCleanups();
    expect(log).toEqual([]); // unregistered once released
  });

  it('not signing: nothing read ahead, nothing released', async () => {
    const { signer, log } = aheadSigner();
    await runAttestStage(input({ env: {} }), io(signer));
    expect(log).toEqual([]);
  });

  it.each([
    ['every kind new', ['sbom', 'provenance', 'smoke'], [], 4],
    ['the SBOM and smoke kept', ['sbom', 'provenance', 'smoke'], ['sbom', 'smoke'], 2],
    [
      'all three kept: the provenance is still new',
      ['sbom', 'provenance', 'smoke'],
      ['sbom', 'provenance', 'smoke'],
      2,
    ],
    ['only the SBOM, kept: nothing new', ['sbom'], ['sbom'], 0],
    ['no attestations', [], [], 0],
  ] as const)('uploadsAhead: %s -> %i', (_n, types, kept, want) => {
    const taken = new Map(kept.map((k) => [envelopeFile('cpu', 'linux/amd64', k), Buffer.from('{}')]));
    expect(
      uploadsAhead(
        { attest: cfg({ types: [...types] }) },
        { variant: 'cpu', platform: 'linux/amd64' },
        taken,
      ),
    ).toBe(want);
  });

  it('a prefetch that fails is only a lost head start: the stage attaches as before', async () => {
    const { signer: base, log } = aheadSigner();
    const signer: AttestSigner = {
      ...base,
      prefetch: async () => {
        throw new Error('prefetch broke');
      },
    };
    const out = await runAttestStage(input(), io(signer));
    expect(out.error).toBeUndefined();
    expect(log.filter((l) => l.startsWith('attest '))).toHaveLength(6);
    expect(log.at(-1)).toBe('release');
  });

  it("turns: the first target's signer work goes on before the second target's predicates begin", async () => {
    const order: string[] = [];
    const signer: AttestSigner = {
      sign: async () => undefined,
      attest: async (ref) => {
        order.push(`attest ${ref.slice(-1)}`);
        // As an answer from the registry: a callback of the next I/O round.
        await new Promise((resolve) => setImmediate(resolve));
        order.push(`attest ${ref.slice(-1)} went on`);
      },
    };
    const inner = context(true);
    await runAttestStage(
      {
        ...input(),
        context: (v, p) => {
          order.push(`predicates ${p.digest.slice(-1)}`);
          return inner(v, p);
        },
      },
      io(signer),
    );
    const second = order.indexOf('predicates 2');
    expect(order.indexOf('attest 1 went on')).toBeGreaterThan(-1);
    expect(order.indexOf('attest 1 went on')).toBeLessThan(second);
  });

  it('a predicate that throws after others were begun: their files are written before the stage ends', async () => {
    const { signer } = recordingSigner();
    const inner = context(true);
    const broken = new InputError('smoke result of linux/amd64 is broken');
    // One image: no other target's work keeps the event loop turning after the failure.
    const one: BuildResult = {
      ...build,
      variants: [{ ...build.variants[0]!, platforms: [build.variants[0]!.platforms[0]!] }],
    };
    const err = await runAttestStage(
      {
        ...input({ build: one }),
        // The SBOM and provenance are made and their writes begun; then the smoke predicate throws.
        context: (v, p) => {
          const ctx = inner(v, p);
          if (p.digest !== D('1')) return ctx;
          const smoke = new Proxy(ctx.smoke!, {
            get: () => {
              throw broken;
            },
          });
          return { ...ctx, smoke };
        },
      },
      io(signer),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBe(broken);
    // Looked at as soon as the stage has failed: nothing is still being written.
    const files = readdirSync(path.join(dir, 'attest'));
    expect(files).toEqual(expect.arrayContaining(['cpu-amd64.sbom.json', 'cpu-amd64.provenance.json']));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(dir, 'attest', 'cpu-amd64.sbom.json'), 'utf8'))).toHaveProperty(
      'bomFormat',
      'CycloneDX',
    );
  });

  it('turns: a target whose predicates throw does not hold up the next one', async () => {
    const { signer, calls } = recordingSigner();
    const inner = context(true);
    const err = await runAttestStage(
      {
        ...input(),
        context: (v, p) => {
          if (p.digest === D('1')) throw new InputError('record of linux/amd64 is broken');
          return inner(v, p);
        },
      },
      io(signer),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    // The second target ran to the end (its three attestations and its signature).
    expect(calls.filter((c) => c.ref.endsWith(D('2')))).toHaveLength(4);
  });
});

// The log says how the stage will sign before it signs, and each target's line comes as that
// target ends, with its time: never "signed" for an image that was not.
describe('runAttestStage: the progress lines', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** A signer whose calls for the amd64 image take SLOW ms (the arm64 one's 10), failing where FAIL says. */
  const timed = (slow: number, fail?: (ref: string) => boolean): AttestSigner => {
    const call = async (ref: string) => {
      await wait(ref === REF_AMD64 ? slow : 10);
      if (fail?.(ref))
        throw new EnvironmentError('registry localhost:5000 is unreachable (ECONNREFUSED)', 'x');
    };
    return { sign: call, attest: (ref) => call(ref) };
  };
  const REF_AMD64 = `localhost:5000/acme/model@${D('1')}`;

  it('signed: "signing with" up front, a start line per target, each end line with its time as it ends', async () => {
    const lines: string[] = [];
    const out = await runAttestStage(input(), io(timed(300), lines));
    expect(out.error).toBeUndefined();
    expect(lines[0]).toBe('signing with the key in COSIGN_KEY');
    expect(lines.slice(1, 3)).toEqual(['cpu linux/amd64: started', 'cpu linux/arm64: started']);
    // arm64 (quick) ends first and says so first; amd64's three attestations take 3 x 300 ms.
    expect(lines[3]).toMatch(/^cpu linux\/arm64: signed and attached sbom, provenance, smoke in 0\.\ds$/);
    expect(lines[4]).toMatch(
      /^cpu linux\/amd64: signed and attached sbom, provenance, smoke in (0\.9|1\.\d)s$/,
    );
    expect(lines).toHaveLength(5);
    // attest.json and the report keep the choice as it was made.
    expect(readAttest(dir)!.signing.reason).toBe('signed with the key in COSIGN_KEY');
  });

  it('the registry down: nothing claims a signature; each target says it was not signed nor attached', async () => {
    const lines: string[] = [];
    const out = await runAttestStage(
      input(),
      io(
        timed(10, () => true),
        lines,
      ),
    );
    expect(out.error).toBeInstanceOf(EnvironmentError);
    expect(lines.filter((l) => /\bsigned with\b/.test(l) || /^signed/.test(l))).toEqual([]);
    expect(lines[0]).toBe('signing with the key in COSIGN_KEY');
    for (const platform of ['linux/amd64', 'linux/arm64'])
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^cpu ${platform}: not signed; written \\(not attached\\): sbom, provenance, smoke: stopped after \\d+\\.\\ds$`,
          ),
        ),
      );
  });

  it("the registry cut off by a signal's cleanup: the stage's error is the interrupt (exit 143), not the registry's", async () => {
    try {
      const out = await runAttestStage(
        input(),
        io(
          timed(10, () => {
            markInterrupted('SIGTERM');
            return true;
          }),
        ),
      );
      expect(out.error).toBeInstanceOf(InterruptedError);
      expect(exitCodeOf(out.error)).toBe(143);
      expect(out.error!.message).toMatch(
        /^interrupted by SIGTERM: attaching to localhost:5000\/acme\/model@sha256:\S+ was stopped \(registry localhost:5000 is unreachable/,
      );
      expect(readAttest(dir)!.error).toMatch(/^interrupted by SIGTERM: /);
    } finally {
      clearInterruptedForTests();
    }
  });

  it('keyless says "signing keyless"; without an identity the reason stands and no target "starts"', async () => {
    const keyless: string[] = [];
    await runAttestStage(input({ env: OIDC }), io(timed(1), keyless));
    expect(keyless[0]).toBe('signing keyless (GitHub OIDC, Sigstore)');
    const none: string[] = [];
    await runAttestStage(input({ env: {} }), io(timed(1), none));
    expect(none[0]).toMatch(/^not signed: no OIDC token and no key/);
    // Each target's line as it ends: in either order (their files are written side by side).
    expect(none.slice(1).sort()).toEqual([
      expect.stringMatching(
        /^cpu linux\/amd64: written \(not attached\): sbom, provenance, smoke in \d+\.\ds$/,
      ),
      expect.stringMatching(
        /^cpu linux\/arm64: written \(not attached\): sbom, provenance, smoke in \d+\.\ds$/,
      ),
    ]);
  });
});
