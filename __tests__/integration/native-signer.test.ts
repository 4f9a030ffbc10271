// The built-in key-mode signer (src/attest/native-signer.ts through createSigner) and the real
// cosign binary agree, against the test bed's registry (distribution 2.8, no referrers API): what
// the built-in signer writes, `cosign verify` / `verify-attestation` accept (through our adapter
// and a bare `cosign verify`), and what cosign writes, the built-in verifier accepts. Reruns add
// nothing to `.sig` and keep one layer per type in `.att` (other types kept, cosign's included).
// Envelopes ride in their descriptors, an SBOM over 16 KiB as a blob only (both read that blob).
// Tampering fails in both: a digest never signed, a `.sig` copied under another digest's tag, an
// attestation by another key, a wrong public key. `ml-image verify` passes on both paths; a
// registry with nothing listening is exit 3; a wrong key password is exit 2 and never printed.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createCosignSigner,
  defaultCosignExec,
  type Signer,
  type VerifyIdentity,
} from '../../src/attest/cosign.js';
import { type BatchSigner, createSigner } from '../../src/attest/signers.js';
import { runCli } from '../../src/cli/main.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { nodeHttpFetch } from '../../src/docker/http-fetch.js';
import type { OciFetch } from '../../src/docker/oci-client.js';
import { EnvironmentError, ExitCode, InputError } from '../../src/errors.js';
import { copyImage } from '../helpers/copy-image.js';
import {
  expectEachAttestedOnce,
  PREDICATES,
  predicateFile,
  SMOKE_TYPE,
  writePredicates,
} from '../helpers/attest-predicates.js';
import { captureIo } from '../helpers/fakes.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';
import { startRegistryProxy } from '../helpers/registry-proxy.js';

const env = inject('dockerEnv');

const EXTRA_TYPE = 'https://ml-image-action.github.io/attestations/native-signer-extra/v1';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** A cosign binary that must not run: the built-in path is the one under test. */
const noCosign = (): Signer => {
  throw new Error('the cosign binary was asked for on the built-in path');
};

describe.skipIf(!env.available || !env.cosign)('built-in signer vs the real cosign (real registry)', () => {
  const facts = env.cosign ?? { key: '', pub: '', passwordFile: '' }; // collected even when skipped
  const password = env.cosign ? readFileSync(facts.passwordFile, 'utf8').trim() : '';
  const keyText = env.cosign ? readFileSync(facts.key, 'utf8') : '';
  const envKey = { kind: 'key', key: 'env://COSIGN_KEY' } as const;
  const fileKey = { kind: 'key', key: facts.key } as const;
  const testPub: VerifyIdentity = { kind: 'key', publicKey: facts.pub };
  const otherPassword = `other-${randomUUID()}`;
  let dir = '';
  let repo = '';
  let platforms: string[] = []; // repo@sha256:... of the two-platform index
  let indexRef = ''; // never signed itself
  let singleRef = ''; // signed and attested by the real cosign
  let copyRef = ''; // gets another digest's .sig, and an attestation by another key
  let otherPub = '';
  let builtin: BatchSigner;
  let cosign: Signer;
  /** A fresh built-in verifier: nothing read before is remembered. */
  const verifier = () => createSigner({ env: {}, tlog: false, cosign: noCosign });
  const digestOf = (ref: string) => ref.slice(ref.indexOf('@') + 1);
  const hexOf = (ref: string) => ref.slice(ref.indexOf('@sha256:') + '@sha256:'.length);
  const predicatePath = (type: string) => predicateFile(dir, type);
  const specs = PREDICATES.map((p) => ({ predicatePath: '', type: p.type as string }));

  /** The URL of a manifest of this test's repository on the registry (plain HTTP). */
  const manifestUrl = (reference: string) => {
    const slash = repo.indexOf('/');
    const host = repo.slice(0, slash).replace(/^localhost/, '127.0.0.1');
    return `http://${host}/v2/${repo.slice(slash + 1)}/manifests/${reference}`;
  };
  const cosignManifest = async (ref: string, suffix: 'sig' | 'att') => {
    const url = manifestUrl(`sha256-${hexOf(ref)}.${suffix}`);
    const res = await fetch(url, { headers: { Accept: OCI_MANIFEST } });
    expect(res.status, url).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const manifest = JSON.parse(bytes.toString('utf8')) as {
      layers: { mediaType: string; digest: string; annotations?: Record<string, string>; data?: string }[];
    };
    return { bytes, manifest };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-native-signer-'));
    const docker = createDefaultDockerAdapter();
    repo = `${env.images!.registry}/ml-image-test/native-${randomUUID().slice(0, 8)}`;
    const index = await copyImage(docker, `${repo}:multi`, env.images!.busybox);
    const single = await copyImage(docker, `${repo}:single`, env.images!.busyboxAmd64);
    const copy = await copyImage(docker, `${repo}:copy`, env.images!.busyboxArm64);
    const list = await docker.imagetoolsInspect(`${repo}:multi`);
    platforms = list.platforms.map((p) => `${repo}@${p.digest}`);
    indexRef = `${repo}@${index}`;
    singleRef = `${repo}@${single}`;
    copyRef = `${repo}@${copy}`;
    writePredicates(dir, [{ type: EXTRA_TYPE, body: { extra: true } }]);
    specs.forEach((s) => (s.predicatePath = predicatePath(s.type)));
    execFileSync('cosign', ['generate-key-pair'], {
      cwd: dir,
      env: { ...process.env, COSIGN_PASSWORD: otherPassword },
      stdio: 'ignore',
    });
    otherPub = path.join(dir, 'cosign.pub');
    builtin = createSigner({
      env: { COSIGN_KEY: keyText, COSIGN_PASSWORD: password },
      tlog: false,
      cosign: noCosign,
    });
    cosign = createCosignSigner(defaultCosignExec(), { password });
  });

  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (repo)
      await deleteRepository(
        repo,
        [indexRef, singleRef, copyRef, ...platforms].filter(Boolean).map(digestOf),
      );
  });

  it('(1) built-in signs and attests both platforms; the real cosign verifies every one', async () => {
    expect(platforms).toHaveLength(2);
    expect(new Set([...platforms, indexRef, singleRef, copyRef].map(digestOf)).size).toBe(5);
    await Promise.all(
      platforms.map(async (ref) => {
        await builtin.sign(ref, envKey);
        await builtin.attestAll(ref, specs, envKey);
      }),
    );
    for (const ref of platforms) {
      const v = await cosign.verify(ref, testPub);
      if (!v.ok) throw new Error(v.failure.message);
      expect(v.items).toEqual([expect.objectContaining({ digest: digestOf(ref), dockerReference: repo })]);
      await expectEachAttestedOnce(cosign, ref, repo, testPub);
    }
    // And cosign itself, not through our adapter: exit 0 (execFileSync throws otherwise).
    const out = execFileSync(
      'cosign',
      [
        'verify',
        '--key',
        facts.pub,
        '--allow-insecure-registry',
        '--allow-http-registry',
        '--insecure-ignore-tlog=true',
        platforms[0]!,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({
        critical: expect.objectContaining({ image: { 'docker-manifest-digest': digestOf(platforms[0]!) } }),
      }),
    ]);
  });

  it('(2) the real cosign signs and attests; the built-in verifier accepts each', async () => {
    await cosign.sign(singleRef, fileKey);
    for (const s of specs) await cosign.attest(singleRef, s, fileKey);
    const check = verifier();
    const v = await check.verify(singleRef, testPub);
    if (!v.ok) throw new Error(v.failure.message);
    expect(v.items).toEqual([
      {
        dockerReference: repo,
        digest: digestOf(singleRef),
        type: 'cosign container image signature',
        optional: {},
      },
    ]);
    await expectEachAttestedOnce(check, singleRef, repo, testPub);
  });

  it('(3) reruns: .sig keeps one layer, .att one per type; a cosign-made other type survives', async () => {
    const ref = platforms[0]!;
    await builtin.sign(ref, envKey);
    await builtin.sign(ref, envKey);
    expect((await cosignManifest(ref, 'sig')).manifest.layers).toHaveLength(1);
    await builtin.attestAll(ref, specs, envKey);
    const att = async () => (await cosignManifest(ref, 'att')).manifest.layers;
    expect(await att()).toHaveLength(PREDICATES.length);

    // cosign adds a type of its own; the built-in rerun replaces its three and keeps that one.
    await cosign.attest(ref, { predicatePath: predicatePath(EXTRA_TYPE), type: EXTRA_TYPE }, fileKey);
    expect(await att()).toHaveLength(PREDICATES.length + 1);
    await builtin.attestAll(ref, specs, envKey);
    const layers = await att();
    expect(layers).toHaveLength(PREDICATES.length + 1);
    const types = layers.map((l) => l.annotations?.predicateType);
    expect(types.filter((t) => t === EXTRA_TYPE)).toHaveLength(1);
    for (const p of PREDICATES) expect(types.filter((t) => t === p.uri)).toHaveLength(1);
    for (const s of [cosign, verifier()]) {
      const extra = await s.verifyAttestations(ref, EXTRA_TYPE, testPub);
      if (!extra.ok) throw new Error(extra.failure.message);
      expect(extra.items.map((i) => i.predicate)).toEqual([{ extra: true }]);
      const smoke = await s.verifyAttestations(ref, SMOKE_TYPE, testPub);
      if (!smoke.ok) throw new Error(smoke.failure.message);
      expect(smoke.items).toHaveLength(1);
    }
  });

  it('(3b) a rerun given the last envelopes attaches them again: the tag lists them, so no upload at all for them; cosign verifies', async () => {
    const ref = platforms[1]!;
    const sent: string[] = [];
    const recording: OciFetch = (url, init) => {
      sent.push(`${init.method} ${url}`);
      return nodeHttpFetch(url, init);
    };
    const signer = createSigner({
      env: { COSIGN_KEY: keyText, COSIGN_PASSWORD: password },
      tlog: false,
      cosign: noCosign,
      fetch: recording,
    });
    const first: Buffer[] = [];
    await signer.attestAll(ref, specs, envKey, undefined, (i, e) => (first[i] = e!));
    const digests = async () => (await cosignManifest(ref, 'att')).manifest.layers.map((l) => l.digest);
    const before = await digests();
    // Each envelope rides in its descriptor too (OCI image-spec 1.1 `data`): the very bytes.
    const { manifest } = await cosignManifest(ref, 'att');
    expect(manifest.layers.map((l) => Buffer.from(l.data!, 'base64'))).toEqual(first);
    sent.length = 0;
    const again: Buffer[] = [];
    await signer.attestAll(
      ref,
      specs.map((s, i) => ({ ...s, earlier: first[i] })),
      envKey,
      undefined,
      (i, e) => (again[i] = e!),
    );
    expect(again).toEqual(first);
    expect(await digests()).toEqual(before);
    // Only the config went up (one upload: POST, PUT), then the manifest.
    expect(sent.filter((r) => r.startsWith('POST '))).toHaveLength(1);
    expect(sent.filter((r) => r.includes('mount='))).toEqual([]);
    expect(sent.filter((r) => r.startsWith('PUT ') && r.includes('/blobs/uploads/'))).toHaveLength(1);
    expect(sent.filter((r) => r.startsWith('PUT ') && r.includes('/manifests/'))).toHaveLength(1);
    await expectEachAttestedOnce(cosign, ref, repo, testPub);
  });

  it('(3c) a rerun whose tag no longer lists the last envelopes: each linked by a mount POST, none uploaded; cosign verifies', async () => {
    const ref = platforms[0]!;
    const signer = () =>
      createSigner({
        env: { COSIGN_KEY: keyText, COSIGN_PASSWORD: password },
        tlog: false,
        cosign: noCosign,
        fetch: recording,
      });
    const sent: string[] = [];
    const recording: OciFetch = (url, init) => {
      sent.push(`${init.method} ${url}`);
      return nodeHttpFetch(url, init);
    };
    const first: Buffer[] = [];
    await signer().attestAll(ref, specs, envKey, undefined, (i, e) => (first[i] = e!));
    // Someone re-points the tag at an image without layers (the blobs stay in the repository).
    const { bytes } = await cosignManifest(ref, 'att');
    const bare = { ...(JSON.parse(bytes.toString('utf8')) as object), layers: [] };
    const put = await fetch(manifestUrl(`sha256-${hexOf(ref)}.att`), {
      method: 'PUT',
      headers: { 'Content-Type': OCI_MANIFEST },
      body: JSON.stringify(bare),
    });
    expect(put.status).toBe(201);
    sent.length = 0;
    await signer().attestAll(
      ref,
      specs.map((s, i) => ({ ...s, earlier: first[i] })),
      envKey,
    );
    const mounts = sent.filter((r) => r.startsWith('POST ') && r.includes('mount='));
    expect(mounts).toHaveLength(specs.length);
    expect(sent.filter((r) => r.startsWith('PUT ') && r.includes('/blobs/uploads/'))).toHaveLength(1);
    await expectEachAttestedOnce(cosign, ref, repo, testPub);
  });

  it('(3d) the real cosign reads the envelopes from the manifest: no blob request for them, nor from ml-image verify', async () => {
    const proxy = await startRegistryProxy(env.images!.registry);
    try {
      const at = (ref: string) => ref.replace(/^[^/]+/, `localhost:${proxy.port}`);
      const ref = platforms[1]!;
      const blobs = () => proxy.requests.filter((r) => r.includes('/blobs/'));
      for (const s of specs)
        expect((await cosign.verifyAttestations(at(ref), s.type, testPub)).ok).toBe(true);
      expect(proxy.requests.length).toBeGreaterThan(0);
      expect(blobs()).toEqual([]);
      const io = captureIo(dir, createDefaultDockerAdapter(), {
        ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'),
      });
      const code = await runCli(['verify', at(ref), '--key', facts.pub, '--require', 'sbom,provenance'], io);
      expect(code, io.err()).toBe(ExitCode.Ok);
      expect(blobs()).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('(3e) an SBOM envelope over 16 KiB is a blob, not embedded: the real cosign and ml-image verify read exactly that blob', async () => {
    const ref = platforms[0]!;
    const big = path.join(dir, 'big-sbom.json');
    const components = Array.from({ length: 300 }, (_, i) => ({
      type: 'library',
      name: `pkg-${i}`,
      version: '1.0.0',
      purl: `pkg:pypi/pkg-${i}@1.0.0`,
    }));
    writeFileSync(
      big,
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components }),
    );
    await builtin.attestAll(ref, [{ predicatePath: big, type: 'cyclonedx' }], envKey);
    const layers = (await cosignManifest(ref, 'att')).manifest.layers;
    const sbom = layers.find((l) => l.annotations?.predicateType === 'https://cyclonedx.org/bom')!;
    expect(sbom.data).toBeUndefined();
    expect(layers.filter((l) => l !== sbom).every((l) => l.data !== undefined)).toBe(true);
    const proxy = await startRegistryProxy(env.images!.registry);
    try {
      const at = (r: string) => r.replace(/^[^/]+/, `localhost:${proxy.port}`);
      const blobs = (from = 0) => proxy.requests.slice(from).filter((r) => r.includes('/blobs/'));
      const v = await cosign.verifyAttestations(at(ref), 'cyclonedx', testPub);
      if (!v.ok) throw new Error(v.failure.message);
      expect(v.items.map((i) => (i.predicate as { components: unknown[] }).components)).toEqual([components]);
      expect(blobs().map((r) => r.slice(r.indexOf('/blobs/') + 7))).toEqual([sbom.digest]);
      const mark = proxy.requests.length;
      const io = captureIo(dir, createDefaultDockerAdapter(), {
        ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'),
      });
      const code = await runCli(['verify', at(ref), '--key', facts.pub, '--require', 'sbom,provenance'], io);
      expect(code, io.err()).toBe(ExitCode.Ok);
      expect(blobs(mark).map((r) => r.slice(r.indexOf('/blobs/') + 7))).toEqual([sbom.digest]);
    } finally {
      await proxy.close();
      // The small SBOM back, as the later tests expect it.
      await builtin.attestAll(ref, [specs[0]!], envKey);
    }
  });

  it('(4a) a digest never signed: both fail, the built-in says missing', async () => {
    const v = await verifier().verify(indexRef, testPub);
    expect(v).toMatchObject({ ok: false, failure: { ref: indexRef, what: 'signature', reason: 'missing' } });
    const a = await verifier().verifyAttestations(indexRef, 'cyclonedx', testPub);
    expect(a).toMatchObject({ ok: false, failure: { type: 'cyclonedx', reason: 'missing' } });
    expect(await cosign.verify(indexRef, testPub)).toMatchObject({
      ok: false,
      failure: { reason: 'missing' },
    });
    expect(await cosign.verifyAttestations(indexRef, 'cyclonedx', testPub)).toMatchObject({
      ok: false,
      failure: { reason: 'missing' },
    });
  });

  it('(4b) the .sig of digest A copied under the tag of digest B: both fail, "names another image"', async () => {
    const from = await cosignManifest(platforms[1]!, 'sig');
    const url = manifestUrl(`sha256-${hexOf(copyRef)}.sig`);
    const put = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': OCI_MANIFEST },
      body: from.bytes,
    });
    expect(put.status, url).toBe(201);
    expect((await cosignManifest(copyRef, 'sig')).bytes).toEqual(from.bytes);
    const v = await verifier().verify(copyRef, testPub);
    expect(v).toMatchObject({ ok: false, failure: { what: 'signature', reason: 'invalid' } });
    if (!v.ok) expect(v.failure.message).toContain(`names another image (${digestOf(platforms[1]!)})`);
    expect(await cosign.verify(copyRef, testPub)).toMatchObject({
      ok: false,
      failure: { reason: 'invalid' },
    });
  });

  it('(4c) an attestation signed with another key: both fail against the test bed key', async () => {
    const other = createSigner({
      env: { COSIGN_KEY: readFileSync(path.join(dir, 'cosign.key'), 'utf8'), COSIGN_PASSWORD: otherPassword },
      tlog: false,
      cosign: noCosign,
    });
    await other.attestAll(copyRef, [specs[2]!], envKey);
    const otherId: VerifyIdentity = { kind: 'key', publicKey: otherPub };
    // Genuine for the other key, in both ...
    for (const s of [cosign, verifier()])
      expect((await s.verifyAttestations(copyRef, SMOKE_TYPE, otherId)).ok).toBe(true);
    // ... but not for the key that was expected.
    const a = await verifier().verifyAttestations(copyRef, SMOKE_TYPE, testPub);
    expect(a).toMatchObject({ ok: false, failure: { type: SMOKE_TYPE, reason: 'invalid' } });
    if (!a.ok) expect(a.failure.message).toContain(`not signed by the public key ${facts.pub}`);
    expect(await cosign.verifyAttestations(copyRef, SMOKE_TYPE, testPub)).toMatchObject({
      ok: false,
      failure: { reason: 'invalid' },
    });
  });

  it('(4d) a wrong public key: signature and attestations of a signed digest fail in both', async () => {
    const wrong: VerifyIdentity = { kind: 'key', publicKey: otherPub };
    for (const ref of [platforms[0]!, singleRef]) {
      const v = await verifier().verify(ref, wrong);
      expect(v).toMatchObject({ ok: false, failure: { what: 'signature', reason: 'invalid' } });
      if (!v.ok) expect(v.failure.message).toContain(otherPub);
      const a = await verifier().verifyAttestations(ref, 'slsaprovenance1', wrong);
      expect(a).toMatchObject({ ok: false, failure: { type: 'slsaprovenance1', reason: 'invalid' } });
    }
    expect(await cosign.verify(platforms[0]!, wrong)).toMatchObject({
      ok: false,
      failure: { reason: 'invalid' },
    });
    expect(await cosign.verifyAttestations(platforms[0]!, 'slsaprovenance1', wrong)).toMatchObject({
      ok: false,
      failure: { reason: 'invalid' },
    });
  });

  it('(5) ml-image verify passes on the built-in path and with ML_IMAGE_SIGNER=cosign', async () => {
    const real = createDefaultDockerAdapter();
    let inspected = 0;
    const counting = new Proxy(real, {
      get: (target, prop, receiver) =>
        prop === 'imagetoolsInspect'
          ? (ref: string) => {
              inspected++;
              return real.imagetoolsInspect(ref);
            }
          : Reflect.get(target, prop, receiver),
    });
    // The built-in path reads the index over HTTP: a docker that cannot inspect proves it ran;
    // the cosign path inspects through docker (buildx).
    const noInspect = new Proxy(real, {
      get: (target, prop, receiver) =>
        prop === 'imagetoolsInspect'
          ? () => Promise.reject(new Error('imagetools inspect on the built-in path'))
          : Reflect.get(target, prop, receiver),
    });
    for (const [docker, extra] of [
      [noInspect, {}],
      [counting, { ML_IMAGE_SIGNER: 'cosign' }],
    ] as const) {
      const io = captureIo(dir, docker, {
        ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'),
        ...extra,
      });
      expect(await runCli(['verify', indexRef, '--key', facts.pub], io), io.err()).toBe(0);
      for (const platform of ['linux/amd64', 'linux/arm64'])
        for (const check of ['signature', 'sbom attestation', 'provenance attestation'])
          expect(io.out()).toMatch(new RegExp(`^ok +${platform} +${check}: `, 'm'));
    }
    expect(inspected).toBe(1);
  });

  /** A plain (single-platform) manifest of the test bed's amd64 busybox under TAG here: its digest. */
  async function plainCopy(tag: string): Promise<string> {
    const base = manifestUrl('').replace(/\/v2\/.*$/, '');
    const source = env.images!.busyboxAmd64.slice(env.images!.busyboxAmd64.indexOf('/') + 1);
    const [fromRepo, fromTag] = source.split(':') as [string, string];
    const accept =
      'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';
    const got = await fetch(`${base}/v2/${fromRepo}/manifests/${fromTag}`, { headers: { Accept: accept } });
    expect(got.status).toBe(200);
    const bytes = Buffer.from(await got.arrayBuffer());
    const m = JSON.parse(bytes.toString('utf8')) as {
      mediaType: string;
      config: { digest: string };
      layers: { digest: string }[];
    };
    const name = repo.slice(repo.indexOf('/') + 1);
    for (const d of [m.config, ...m.layers]) {
      const mount = await fetch(`${base}/v2/${name}/blobs/uploads/?mount=${d.digest}&from=${fromRepo}`, {
        method: 'POST',
      });
      expect(mount.status).toBe(201);
    }
    const put = await fetch(manifestUrl(tag), {
      method: 'PUT',
      headers: { 'Content-Type': m.mediaType },
      body: bytes,
    });
    expect(put.status).toBe(201);
    return `${repo}@${put.headers.get('docker-content-digest')}`;
  }

  it('(5c) --platform on a single-platform image: its config names the platform, on both paths', async () => {
    const plain = await plainCopy('plain');
    await builtin.sign(plain, envKey);
    await builtin.attestAll(plain, specs, envKey);
    const real = createDefaultDockerAdapter();
    for (const extra of [{}, { ML_IMAGE_SIGNER: 'cosign' }] as Record<string, string>[]) {
      const io = captureIo(dir, real, { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'), ...extra });
      const args = ['verify', plain, '--key', facts.pub, '--require', 'sbom,provenance'];
      expect(await runCli([...args, '--platform', 'linux/amd64'], io), io.err()).toBe(0);
      expect(io.out()).toMatch(/^ok +linux\/amd64 +signature: /m);
      const other = captureIo(dir, real, { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'), ...extra });
      // Another platform is a failed check (the registry told), not bad input.
      expect(await runCli([...args, '--platform', 'linux/arm64'], other)).toBe(ExitCode.CheckFailed);
      expect(other.out()).toMatch(
        /^FAIL linux\/arm64 +image: not in the image: it is a single-platform image for linux\/amd64;/m,
      );
      expect(other.err()).toMatch(/1 of 1 checks failed for .*: linux\/arm64 image/);
    }
  });

  it('(6) a registry with nothing listening: exit 3 naming it, the fix is to start it or name the right one', async () => {
    const ref = `127.0.0.1:5999/ml-image-test/gone@${digestOf(platforms[0]!)}`;
    for (const op of [() => builtin.sign(ref, envKey), () => verifier().verify(ref, testPub)]) {
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

  it('(6b) a registry that refuses the read (401, 403): exit 3 with the login fix, built-in and through buildx', async () => {
    for (const deny of [401, 403] as const) {
      const proxy = await startRegistryProxy(env.images!.registry, { deny });
      try {
        const ref = `localhost:${proxy.port}/ml-image-test/private@${digestOf(platforms[0]!)}`;
        for (const extra of [{}, { ML_IMAGE_SIGNER: 'cosign' }] as Record<string, string>[]) {
          const io = captureIo(dir, createDefaultDockerAdapter(), {
            ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'),
            DOCKER_CONFIG: path.join(dir, 'no-docker-config'),
            ...extra,
          });
          const code = await runCli(['verify', ref, '--key', facts.pub], io);
          expect(code, `${deny} ${JSON.stringify(extra)}: ${io.err()}`).toBe(ExitCode.Environment);
          expect(io.err()).toContain(`docker login localhost:${proxy.port}`);
          expect(io.out()).not.toMatch(/^(ok|FAIL) /m);
        }
      } finally {
        await proxy.close();
      }
    }
  });

  it('(7) a wrong COSIGN_PASSWORD is bad input (exit 2) that never prints the password', async () => {
    const wrongPassword = `wrong-${randomUUID()}`;
    const signer = createSigner({
      env: { COSIGN_KEY: keyText, COSIGN_PASSWORD: wrongPassword },
      tlog: false,
      cosign: noCosign,
    });
    const e = await signer.sign(platforms[0]!, envKey).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(ExitCode.BadInput);
    const text = `${(e as InputError).message}\n${(e as InputError).fix ?? ''}`;
    expect(text).toContain('COSIGN_KEY');
    expect(text).not.toContain(wrongPassword);
    expect(text).not.toContain(password);
  });
});
