// One junk layer pushed into an image's `.att` and `.sig` tags by someone who may push but has no
// key (its manifest descriptor declares more bytes than its blob holds) fails nothing: the real
// cosign leaves such a layer out and verifies the good ones, and so does the built-in verifier
// (src/attest/read-limits.ts). `ml-image verify --require sbom,provenance` passes on both paths,
// against the test bed's registry.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Signer } from '../../src/attest/cosign.js';
import { createSigner } from '../../src/attest/signers.js';
import { runCli } from '../../src/cli/main.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { sha256Digest } from '../../src/docker/oci-client.js';
import { copyImage } from '../helpers/copy-image.js';
import { PREDICATES, predicateFile, writePredicates } from '../helpers/attest-predicates.js';
import { captureIo } from '../helpers/fakes.js';
import { deleteRepository } from '../helpers/registry-cleanup.js';

const env = inject('dockerEnv');
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

const noCosign = (): Signer => {
  throw new Error('the cosign binary was asked for on the built-in path');
};

describe.skipIf(!env.available || !env.cosign)('a junk layer in .att and .sig (real registry)', () => {
  const facts = env.cosign ?? { key: '', pub: '', passwordFile: '' };
  let dir = '';
  let repo = '';
  let ref = '';
  let index = '';

  /** The registry's base URL (plain HTTP) and the repository's name on it. */
  const where = () => {
    const slash = repo.indexOf('/');
    return {
      base: `http://${repo.slice(0, slash).replace(/^localhost/, '127.0.0.1')}`,
      name: repo.slice(slash + 1),
    };
  };

  /** Add to the cosign tag of REF one layer of MEDIA_TYPE whose descriptor declares 5 bytes too many. */
  async function addJunkLayer(suffix: 'sig' | 'att', mediaType: string) {
    const { base, name } = where();
    const tag = `sha256-${ref.slice(ref.indexOf('@sha256:') + '@sha256:'.length)}.${suffix}`;
    const got = await fetch(`${base}/v2/${name}/manifests/${tag}`, { headers: { Accept: OCI_MANIFEST } });
    expect(got.status).toBe(200);
    const manifest = (await got.json()) as { layers: Record<string, unknown>[] };
    const blob = Buffer.from(`{"junk":"${randomUUID()}"}`);
    const digest = sha256Digest(blob);
    const post = await fetch(`${base}/v2/${name}/blobs/uploads/`, { method: 'POST' });
    expect(post.status).toBe(202);
    const upload = new URL(post.headers.get('location')!, base);
    upload.searchParams.set('digest', digest);
    const put = await fetch(upload, {
      method: 'PUT',
      body: blob,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
    expect(put.status).toBe(201);
    manifest.layers.push({
      mediaType,
      size: blob.length + 5,
      digest,
      annotations: { 'dev.cosignproject.cosign/signature': '', predicateType: PREDICATES[0]!.uri },
    });
    const putManifest = await fetch(`${base}/v2/${name}/manifests/${tag}`, {
      method: 'PUT',
      headers: { 'Content-Type': OCI_MANIFEST },
      body: JSON.stringify(manifest),
    });
    expect(putManifest.status).toBe(201);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-junk-layer-'));
    repo = `${env.images!.registry}/ml-image-test/junk-${randomUUID().slice(0, 8)}`;
    const docker = createDefaultDockerAdapter();
    index = `${repo}@${await copyImage(docker, `${repo}:single`, env.images!.busyboxAmd64)}`;
    // A one-platform index: its platform's image is what is signed and checked.
    const { platforms } = await docker.imagetoolsInspect(`${repo}:single`);
    expect(platforms).toHaveLength(1);
    ref = `${repo}@${platforms[0]!.digest}`;
    writePredicates(dir);
    const password = readFileSync(facts.passwordFile, 'utf8').trim();
    const signer = createSigner({
      env: { COSIGN_KEY: readFileSync(facts.key, 'utf8'), COSIGN_PASSWORD: password },
      tlog: false,
      cosign: noCosign,
    });
    const key = { kind: 'key', key: 'env://COSIGN_KEY' } as const;
    await signer.sign(ref, key);
    const specs = PREDICATES.map((p) => ({
      predicatePath: predicateFile(dir, p.type),
      type: p.type as string,
    }));
    await signer.attestAll(ref, specs, key);
    await addJunkLayer('att', 'application/vnd.dsse.envelope.v1+json');
    await addJunkLayer('sig', 'application/vnd.dev.cosign.simplesigning.v1+json');
  });

  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (repo && ref)
      await deleteRepository(
        repo,
        [index, ref].map((r) => r.slice(r.indexOf('@') + 1)),
      );
  });

  it.each([
    ['the built-in verifier', {}],
    ['the real cosign', { ML_IMAGE_SIGNER: 'cosign' }],
  ])(
    'ml-image verify passes with %s: the junk layer is left out, the good ones verify',
    async (_n, extra) => {
      const io = captureIo(dir, createDefaultDockerAdapter(), {
        ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'),
        ...extra,
      });
      const code = await runCli(['verify', index, '--key', facts.pub, '--require', 'sbom,provenance'], io);
      expect(code, `${io.out()}\n${io.err()}`).toBe(0);
      for (const check of ['signature', 'sbom attestation', 'provenance attestation'])
        expect(io.out()).toMatch(new RegExp(`^ok +linux/amd64 +${check}: `, 'm'));
    },
  );
});
