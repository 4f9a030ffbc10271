// The Signer over the real cosign binary against the test bed's registry (distribution 2.8, no
// referrers API): a two-platform image is copied to a fresh repository, both platform digests are
// signed and get three attestations (CycloneDX, SLSA provenance v1, a custom predicate type) with
// the test bed's key, and real `cosign verify` / `verify-attestation` agree through the adapter.
// Tampering (a digest never signed, an attestation by another key, a wrong public key) is a check
// failure naming what failed; a registry with nothing listening is exit 3. `ml-image export --verify`
// writes its job only for a digest whose checks hold. The key password goes
// by environment only: every argv cosign received is recorded and searched for secrets.
import { execFileSync } from 'node:child_process';
import { createPublicKey, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type CosignExec,
  createCosignSigner,
  defaultCosignExec,
  type Signer,
  type VerifyIdentity,
} from '../../src/attest/cosign.js';
import { cliFlagNaming, parseVerifyFlags, verifyImage } from '../../src/attest/verify.js';
import { certificateReaderFor } from '../../src/attest/verify-certificates.js';
import { runCli } from '../../src/cli/main.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { EnvironmentError, ExitCode } from '../../src/errors.js';
import { copyImage } from '../helpers/copy-image.js';
import {
  expectEachAttestedOnce,
  PREDICATES,
  predicateFile,
  SMOKE_TYPE,
  writePredicates,
} from '../helpers/attest-predicates.js';
import { captureIo } from '../helpers/fakes.js';
import { fulcioCa } from '../helpers/fulcio-cert.js';
import { deleteRepositories, deleteRepository } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available || !env.cosign)('cosign Signer (real cosign, real registry)', () => {
  const facts = env.cosign ?? { key: '', pub: '', passwordFile: '' }; // collected even when skipped
  const password = env.cosign ? readFileSync(facts.passwordFile, 'utf8').trim() : '';
  const testKey = { kind: 'key', key: facts.key } as const;
  const testPub: VerifyIdentity = { kind: 'key', publicKey: facts.pub };
  const argvs: string[][] = [];
  const envs: Record<string, string>[] = [];
  const real = defaultCosignExec();
  const recording: CosignExec = (args, opts) => {
    argvs.push([...args]);
    envs.push(opts.env);
    return real(args, opts);
  };
  let dir = '';
  let repo = '';
  let platforms: string[] = []; // repo@sha256:... per platform
  let indexRef = '';
  let singleRef = '';
  let otherKey = '';
  let otherPub = '';
  let signer: Signer;
  const otherPassword = `other-${randomUUID()}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-cosign-'));
    const docker = createDefaultDockerAdapter();
    repo = `${env.images!.registry}/ml-image-test/cosign-${randomUUID().slice(0, 8)}`;
    // Two platforms under a fresh name (nothing signed yet), and a one-platform index: a third digest.
    const index = await copyImage(docker, `${repo}:multi`, env.images!.busybox);
    const single = await copyImage(docker, `${repo}:single`, env.images!.busyboxAmd64);
    const list = await docker.imagetoolsInspect(`${repo}:multi`);
    platforms = list.platforms.map((p) => `${repo}@${p.digest}`);
    indexRef = `${repo}@${index}`;
    singleRef = `${repo}@${single}`;
    writePredicates(dir);
    // Another key pair, made here: what an attacker (or a stale key) would sign with.
    execFileSync('cosign', ['generate-key-pair'], {
      cwd: dir,
      env: { ...process.env, COSIGN_PASSWORD: otherPassword },
      stdio: 'ignore',
    });
    otherKey = path.join(dir, 'cosign.key');
    otherPub = path.join(dir, 'cosign.pub');
    signer = createCosignSigner(recording, { password });
  });

  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    const digests = [indexRef, singleRef, ...platforms]
      .filter(Boolean)
      .map((r) => r.slice(r.indexOf('@') + 1));
    if (repo) await deleteRepository(repo, digests);
  });

  const predicatePath = (type: string) => predicateFile(dir, type);

  it('signs and attests both platform digests; cosign verify and verify-attestation agree', async () => {
    expect(platforms).toHaveLength(2);
    expect((await signer.version()).gitVersion).not.toBe('');
    const t0 = performance.now();
    for (const ref of platforms) {
      await signer.sign(ref, testKey);
      for (const p of PREDICATES)
        await signer.attest(ref, { predicatePath: predicatePath(p.type), type: p.type }, testKey);
    }
    const signed = performance.now();
    for (const ref of platforms) {
      const v = await signer.verify(ref, testPub);
      expect(v).toMatchObject({ ok: true, items: [{ digest: ref.split('@')[1] }] });
      await expectEachAttestedOnce(signer, ref, repo, testPub);
    }
    const done = performance.now();
    console.log(
      `[cosign] 2 digests: sign + 3 attests ${((signed - t0) / 1000).toFixed(2)}s, verify + 3 verify-attestation ${((done - signed) / 1000).toFixed(2)}s, total ${((done - t0) / 1000).toFixed(2)}s`,
    );
  });

  it('attesting a digest again replaces the attestation of each type: the .att tag does not grow per run', async () => {
    const ref = platforms[0]!;
    const layers = async () => {
      const [name, digest] = [ref.slice(0, ref.indexOf('@')), ref.split('@')[1]!];
      const slash = name.indexOf('/');
      const url = `http://${name.slice(0, slash).replace(/^localhost/, '127.0.0.1')}/v2/${name.slice(slash + 1)}/manifests/${digest.replace(':', '-')}.att`;
      const res = await fetch(url, { headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' } });
      expect(res.status, url).toBe(200);
      return ((await res.json()) as { layers: unknown[] }).layers.length;
    };
    const before = await layers();
    expect(before).toBe(PREDICATES.length); // the first test attached one of each type
    for (const p of PREDICATES)
      await signer.attest(ref, { predicatePath: predicatePath(p.type), type: p.type }, testKey);
    expect(await layers()).toBe(before);
    const a = await signer.verifyAttestations(ref, SMOKE_TYPE, testPub);
    if (!a.ok) throw new Error(a.failure.message);
    expect(a.items).toHaveLength(1);
  });

  it('(a) a digest that was never signed: no signature, no attestation (a check failure)', async () => {
    const v = await signer.verify(indexRef, testPub);
    expect(v).toMatchObject({ ok: false, failure: { ref: indexRef, what: 'signature', reason: 'missing' } });
    const a = await signer.verifyAttestations(indexRef, 'cyclonedx', testPub);
    expect(a).toMatchObject({
      ok: false,
      failure: { what: 'attestation', type: 'cyclonedx', reason: 'missing' },
    });
    if (!a.ok) expect(a.failure.message).toContain(`no cyclonedx attestation on ${indexRef}`);
  });

  it('(b) an attestation signed with another key does not verify with the test bed key', async () => {
    const other = createCosignSigner(recording, { password: otherPassword });
    await other.attest(
      singleRef,
      { predicatePath: predicatePath(SMOKE_TYPE), type: SMOKE_TYPE },
      { kind: 'key', key: otherKey },
    );
    // It is there, and genuine for the other key ...
    expect(
      (await other.verifyAttestations(singleRef, SMOKE_TYPE, { kind: 'key', publicKey: otherPub })).ok,
    ).toBe(true);
    // ... but not for the key that was expected.
    const a = await signer.verifyAttestations(singleRef, SMOKE_TYPE, testPub);
    expect(a).toMatchObject({ ok: false, failure: { type: SMOKE_TYPE, reason: 'invalid' } });
    if (!a.ok) expect(a.failure.message).toContain(`not signed by the public key ${facts.pub}`);
  });

  it('(c) a wrong public key: the signature and attestations of a signed digest fail', async () => {
    const wrong: VerifyIdentity = { kind: 'key', publicKey: otherPub };
    const v = await signer.verify(platforms[0]!, wrong);
    expect(v).toMatchObject({ ok: false, failure: { what: 'signature', reason: 'invalid' } });
    if (!v.ok) expect(v.failure.message).toContain(otherPub);
    const a = await signer.verifyAttestations(platforms[1]!, 'slsaprovenance1', wrong);
    expect(a).toMatchObject({ ok: false, failure: { type: 'slsaprovenance1', reason: 'invalid' } });
  });

  it('ml-image export --verify: the signed digest gets its job; a policy it misses writes none', async () => {
    // The real cosign (no signer in the io) on the two signed platform images of the index.
    const exportIo = () => captureIo(dir, createDefaultDockerAdapter());
    const args = ['export', '--k8s', '--image', indexRef, '--verify', '--key', facts.pub];
    const ok = exportIo();
    expect(await runCli([...args, '--out', 'export-ok'], ok), ok.err()).toBe(0);
    for (const platform of ['linux/amd64', 'linux/arm64'])
      for (const check of ['signature', 'sbom attestation', 'provenance attestation'])
        expect(ok.out()).toMatch(new RegExp(`^ok +${platform} +${check}: `, 'm'));
    expect(readFileSync(path.join(dir, 'export-ok', 'job.yaml'), 'utf8')).toContain(`image: ${indexRef}`);
    // The smoke attestation of this test is no smoke v1 predicate, and no GPU ran: exit 1, no job.
    const bad = exportIo();
    expect(await runCli([...args, '--require-gpu-smoke', '--out', 'export-bad'], bad)).toBe(1);
    expect(bad.out()).toMatch(
      /^FAIL linux\/amd64 +smoke attestation: its predicate is not a smoke v1 predicate$/m,
    );
    expect(bad.err()).toMatch(/export --verify: 2 of 10 checks failed .*; no job was written/);
    expect(existsSync(path.join(dir, 'export-bad'))).toBe(false);
  });

  it('a registry with nothing listening is an environment error (exit 3) naming it', async () => {
    const ref = `127.0.0.1:5999/ml-image-test/gone@${platforms[0]!.split('@')[1]}`;
    for (const op of [() => signer.sign(ref, testKey), () => signer.verify(ref, testPub)]) {
      const e = await op().then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(EnvironmentError);
      expect((e as EnvironmentError).exitCode).toBe(ExitCode.Environment);
      expect((e as EnvironmentError).message).toContain('registry 127.0.0.1:5999 is unreachable');
      expect((e as EnvironmentError).fix).toMatch(
        /^start the registry at 127\.0\.0\.1:5999, or, if that host or port is wrong, name the right one/,
      );
      // A user's project has no test bed: its script is not the fix.
      expect((e as EnvironmentError).fix).not.toContain('test-env');
    }
  });

  it('no password or key material in any argv cosign received; the password went by environment', () => {
    expect(argvs.length).toBeGreaterThanOrEqual(2 * 2 * (1 + PREDICATES.length));
    const secrets = [password, otherPassword, ...[facts.key, otherKey].flatMap(keyBody)];
    for (const args of argvs) for (const s of secrets) expect(args.join('\n')).not.toContain(s);
    expect(envs.some((e) => e.COSIGN_PASSWORD === password)).toBe(true);
    expect(argvs.every((a) => !a.some((x) => x.startsWith('--tlog-upload=true')))).toBe(true);
  });
});

// Keyless certificates without Fulcio: a test CA issues Fulcio-like leaves (the run's claims as
// Fulcio's extensions) for the test bed key, cosign signs with key + certificate + chain, and the
// real cosign verifies them against that CA (--certificate-chain, no SCT, no log: what the test
// bed lacks). The pins go to cosign as `ml-image verify` passes them; cosign decides, the check
// says what the certificate holds.
describe.skipIf(!env.available || !env.cosign)(
  'keyless pins on the signing run (real cosign, test CA)',
  () => {
    const facts = env.cosign ?? { key: '', pub: '', passwordFile: '' };
    const password = env.cosign ? readFileSync(facts.passwordFile, 'utf8').trim() : '';
    const ID =
      'https://github.com/ml-image-action/ml-image-action/.github/workflows/ml-image.yml@refs/tags/v0';
    const MAIN = {
      trigger: 'push',
      sha: 'a'.repeat(40),
      name: 'Release',
      repository: 'acme/model',
      ref: 'refs/heads/main',
    };
    let dir = '';
    let base = ''; // this run's repositories: <base>-main and <base>-v2
    let caPath = '';
    let mainRef = ''; // signed and attested by a push to main
    let v2Ref = ''; // signed with a certificate of the v2 extensions only
    const real = defaultCosignExec();
    // The test CA in place of Fulcio's roots (from TUF), for the verify commands only.
    const trusting: CosignExec = (args, opts) =>
      real(
        args[0]!.startsWith('verify')
          ? [
              ...args.slice(0, -1),
              '--certificate-chain',
              caPath,
              '--insecure-ignore-sct',
              '--insecure-ignore-tlog=true',
              args.at(-1)!,
            ]
          : args,
        opts,
      );
    const signer = () => createCosignSigner(trusting, {});

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'ml-image-keyless-'));
      const docker = createDefaultDockerAdapter();
      base = `${env.images!.registry}/ml-image-test/keyless-${randomUUID().slice(0, 8)}`;
      // The platform image itself (a manifest, no index): what is signed is what is checked.
      const platformOf = async (name: string) => {
        await copyImage(docker, `${name}:1`, env.images!.busyboxAmd64);
        return `${name}@${(await docker.imagetoolsInspect(`${name}:1`)).platforms[0]!.digest}`;
      };
      mainRef = await platformOf(`${base}-main`);
      v2Ref = await platformOf(`${base}-v2`);
      writePredicates(dir);
      const ca = fulcioCa();
      caPath = path.join(dir, 'ca.pem');
      writeFileSync(caPath, ca.pem);
      const pub = createPublicKey(readFileSync(facts.pub, 'utf8'));
      const cosign = (args: string[]) =>
        execFileSync('cosign', args, { env: { ...process.env, COSIGN_PASSWORD: password }, stdio: 'pipe' });
      for (const [ref, claims, name] of [
        [mainRef, MAIN, 'main'],
        [v2Ref, { ...MAIN, noV1: true }, 'v2'],
      ] as const) {
        const leaf = path.join(dir, `${name}.pem`);
        writeFileSync(leaf, ca.leaf(ID, claims, pub).pem);
        const common = [
          '--key',
          facts.key,
          '--certificate',
          leaf,
          '--certificate-chain',
          caPath,
          '--tlog-upload=false',
          '--yes',
          '--allow-insecure-registry',
          '--allow-http-registry',
        ];
        cosign(['sign', ...common, ref]);
        cosign([
          'attest',
          ...common,
          '--type',
          'cyclonedx',
          '--predicate',
          predicateFile(dir, 'cyclonedx'),
          '--new-bundle-format=false',
          ref,
        ]);
      }
    });

    afterAll(async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (base) await deleteRepositories([`${base}-main`, `${base}-v2`]);
    });

    const check = async (ref: string, pins: Record<string, string>) => {
      const request = parseVerifyFlags(
        {
          'certificate-identity-regexp': '^https://github\\.com/ml-image-action/ml-image-action/',
          'certificate-github-workflow-repository': 'acme/model',
          require: 'sbom',
          ...pins,
        },
        cliFlagNaming('verify'),
      );
      const certificates = certificateReaderFor(process.env, ref, request.identity);
      expect(certificates).toBeDefined();
      const docker = createDefaultDockerAdapter();
      return verifyImage({ docker, signer: signer(), certificates }, ref, request);
    };

    it('a push to main: the signature and attestation of a run pinned to refs/heads/main and push hold', async () => {
      const outcome = await check(mainRef, {
        'certificate-github-workflow-ref': 'refs/heads/main',
        'certificate-github-workflow-trigger': 'push',
        'certificate-github-workflow-sha': 'a'.repeat(40),
        'certificate-github-workflow-name': 'Release',
      });
      expect(outcome.failed, JSON.stringify(outcome.failed)).toEqual([]);
      expect(outcome.checks.map((c) => c.check)).toEqual(['signature', 'sbom attestation']);
    });

    it('pinned to another ref: cosign refuses both, the checks name the flag and the ref the certificate holds', async () => {
      const outcome = await check(mainRef, { 'certificate-github-workflow-ref': 'refs/heads/release' });
      expect(outcome.failed.map((c) => c.check)).toEqual(['signature', 'sbom attestation']);
      for (const c of outcome.failed) {
        expect(c.detail).toMatch(
          /^--certificate-github-workflow-ref "refs\/heads\/release": the certificate on the tag \(not verified\) holds "refs\/heads\/main" \(GitHub Workflow Ref, 1\.3\.6\.1\.4\.1\.57264\.1\.6\) \(/,
        );
        expect(c.detail).toMatch(/expected GitHub Workflow Ref not found in certificate/);
      }
    });

    it('a certificate with the v2 extensions only: cosign reads .1.2, not .1.20, so the trigger pin fails', async () => {
      const outcome = await check(v2Ref, { 'certificate-github-workflow-trigger': 'push' });
      expect(outcome.failed.map((c) => c.check)).toEqual(['signature', 'sbom attestation']);
      expect(outcome.failed[0]!.detail).toContain(
        '--certificate-github-workflow-trigger "push": the certificate on the tag (not verified) holds no GitHub Workflow Trigger, 1.3.6.1.4.1.57264.1.2 extension; its Build Trigger (1.3.6.1.4.1.57264.1.20) is "push"',
      );
    });

    it('ml-image verify: exit 1 naming the flag; the same pin given empty is exit 2', async () => {
      const args = [
        'verify',
        mainRef,
        '--certificate-identity-regexp',
        '^https://github\\.com/ml-image-action/ml-image-action/',
        '--certificate-github-workflow-repository',
        'acme/model',
        '--require',
        'none',
      ];
      const io = { ...captureIo(dir, createDefaultDockerAdapter()), signer: signer };
      expect(await runCli([...args, '--certificate-github-workflow-trigger', 'pull_request'], io)).toBe(1);
      expect(io.out()).toMatch(
        /^FAIL image +signature: --certificate-github-workflow-trigger "pull_request": the certificate holds another GitHub Workflow Trigger/m,
      );
      const bad = { ...captureIo(dir, createDefaultDockerAdapter()), signer: signer };
      expect(await runCli([...args, '--certificate-github-workflow-trigger', ''], bad)).toBe(2);
    });
  },
);

/** The base64 lines of a PEM key file (its secret part). */
function keyBody(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length >= 16 && !l.startsWith('-----'));
}
