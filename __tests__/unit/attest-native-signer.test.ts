// The built-in key-mode signer (src/attest/native-signer.ts) over an in-memory registry: what it
// writes to the `.sig` / `.att` tags (dedupe on signing again, replace by predicate type on
// attesting again, one manifest per attestAll), what verify and verifyAttestations accept and why
// they refuse (missing / invalid, as cosign does), and which calls src/attest/signers.ts sends to
// it and which to the cosign binary.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearInterruptedForTests, markInterrupted } from '../../src/util/cleanup.js';
import type { PredicateSpec, Signer, SignIdentity, VerifyIdentity } from '../../src/attest/cosign.js';
import {
  cosignImage,
  cosignTag,
  DSSE_MEDIA_TYPE,
  EMBED_BLOB_MAX,
  EMBED_BUDGET,
  embedBlobs,
  embeddedBlob,
  type Layer,
  OCI_MANIFEST,
  readLayers,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
} from '../../src/attest/cosign-image.js';
import {
  type DsseEnvelope,
  inTotoStatement,
  signBytes,
  signEnvelope,
  simpleSigningPayload,
} from '../../src/attest/cosign-key.js';
import { AHEAD_READ_MS } from '../../src/attest/cosign-push.js';
import { createNativeSigner } from '../../src/attest/native-signer.js';
import { MAX_READ_LAYERS } from '../../src/attest/read-limits.js';
import {
  createSigner,
  publicKeyFiles,
  nativeKeyText,
  nativeReaches,
  nativeVerifies,
  preconnect,
  signingKey,
  registryInspector,
  verifyDeps,
} from '../../src/attest/signers.js';
import {
  ANSWER_TOO_LARGE,
  type OciClient,
  type OciFetch,
  RegistryAnswerError,
  sha256Digest,
} from '../../src/docker/oci-client.js';
import { CheckFailedError, EnvironmentError, ExitCode, InputError } from '../../src/errors.js';
import { FIXTURE_PASSWORD, fixtureKeys, FIXTURES, fixture, sealKey } from '../helpers/cosign-keys.js';
import { MemoryRegistry } from '../helpers/oci-memory.js';

// The default registry client's HTTP, given to createSigner: a call that reaches it is recorded
// and fails (a unit test never opens a socket).
const network = { urls: [] as string[] };
const recordingFetch: OciFetch = (url) => {
  network.urls.push(url);
  return Promise.reject(new Error(`unit test reached the network: ${url}`));
};

const FIXTURE_PUB = path.join(FIXTURES, 'fixture.pub');
const OTHER_PUB = path.join(FIXTURES, 'other.pub');
const PASSWORD = FIXTURE_PASSWORD;

const HOST = 'localhost:5000';
const REPO = 'ml/app';
const IMG = `sha256:${'a'.repeat(64)}`;
const IMG2 = `sha256:${'b'.repeat(64)}`;
const REF = `${HOST}/${REPO}@${IMG}`;
const REF2 = `${HOST}/${REPO}@${IMG2}`;
const KEY: SignIdentity = { kind: 'key', key: '/k/cosign.key' };
const PUB: VerifyIdentity = { kind: 'key', publicKey: '/k/cosign.pub' };
const OTHER: VerifyIdentity = { kind: 'key', publicKey: '/k/other.pub' };
const KEYLESS_VERIFY: VerifyIdentity = {
  kind: 'keyless',
  certificateIdentityRegexp: '^https://github.com/o/',
  certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
};
const SBOM_URI = 'https://cyclonedx.org/bom';
const SLSA_URI = 'https://slsa.dev/provenance/v1';
const SMOKE_URI = 'https://ml-image.dev/smoke/v1';

/** Predicate files by path (what readText serves), and the specs naming them. */
const FILES: Record<string, string> = {
  '/k/cosign.pub': fixture('fixture.pub'),
  '/k/other.pub': fixture('other.pub'),
  '/k/p384.pub': String(
    generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }),
  ),
  '/p/sbom.json': '{"bomFormat":"CycloneDX","n":1}',
  '/p/sbom2.json': '{"bomFormat":"CycloneDX","n":2}',
  '/p/slsa.json': '{"buildType":"x"}',
  '/p/slsa2.json': '{"buildType":"x","run":2}',
  '/p/smoke.json': '{"verdict":"pass"}',
  '/p/broken.json': '{not json',
};
const SBOM: PredicateSpec = { predicatePath: '/p/sbom.json', type: 'cyclonedx' };
const SBOM2: PredicateSpec = { predicatePath: '/p/sbom2.json', type: 'cyclonedx' };
const SLSA: PredicateSpec = { predicatePath: '/p/slsa.json', type: 'slsaprovenance1' };
const SLSA2: PredicateSpec = { predicatePath: '/p/slsa2.json', type: 'slsaprovenance1' };
const SMOKE: PredicateSpec = { predicatePath: '/p/smoke.json', type: SMOKE_URI };

function readText(file: string): string {
  const text = FILES[file];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
  return text;
}

let fixtureKey: KeyObject;
let otherKey: KeyObject;
beforeAll(async () => {
  [fixtureKey, otherKey] = await fixtureKeys();
});

function setup(key: () => KeyObject = () => fixtureKey, registry = new MemoryRegistry()) {
  const signer = createNativeSigner({
    client: (host) => registry.client(host),
    signingKey: async () => key(),
    readText,
  });
  return { registry, signer };
}

const layersAt = (
  registry: MemoryRegistry,
  digest: string,
  suffix: 'sig' | 'att',
  host = HOST,
  repo = REPO,
) => readLayers(registry.manifestAt(host, repo, cosignTag(digest, suffix)));

/** Write a cosign image of BLOBS (with their layers) under the tag, as another tool would. */
function putImage(
  registry: MemoryRegistry,
  digest: string,
  suffix: 'sig' | 'att',
  entries: [Layer, Buffer][],
) {
  for (const [, blob] of entries) registry.putBlob(blob);
  const image = cosignImage(entries.map(([l]) => l));
  const configDigest = registry.putBlob(image.config);
  registry.put(HOST, REPO, cosignTag(digest, suffix), OCI_MANIFEST, image.manifest(configDigest));
}

const attLayer = (envelope: Buffer, predicateType?: string): [Layer, Buffer] => [
  {
    mediaType: DSSE_MEDIA_TYPE,
    size: envelope.length,
    digest: sha256Digest(envelope),
    ...(predicateType !== undefined && { annotations: { [SIGNATURE_ANNOTATION]: '', predicateType } }),
  },
  envelope,
];

const envelopeFor = (key: KeyObject, digest: string, type: string, predicate: unknown = {}) =>
  signEnvelope(key, inTotoStatement(`${HOST}/${REPO}`, digest, type, predicate));

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.unreachable('resolved'),
    (e: unknown) => e,
  );
}

describe('sign', () => {
  it('writes one simple-signing layer signed by the key, as cosign does', async () => {
    const { registry, signer } = setup();
    await signer.sign(REF, KEY);
    const layers = layersAt(registry, IMG, 'sig');
    expect(layers).toHaveLength(1);
    const payload = simpleSigningPayload(`${HOST}/${REPO}`, IMG);
    expect(layers[0]).toMatchObject({
      mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
      size: payload.length,
      digest: sha256Digest(payload),
    });
    expect(Object.keys(layers[0]!.annotations!)).toEqual([SIGNATURE_ANNOTATION]);
    expect(registry.blobs.get(layers[0]!.digest)?.equals(payload)).toBe(true);
    // The manifest names a config blob that was pushed, of cosign's shape.
    const manifest = registry.manifestAt(HOST, REPO, cosignTag(IMG, 'sig'))!;
    expect(manifest.mediaType).toBe(OCI_MANIFEST);
    const config = (JSON.parse(manifest.bytes.toString('utf8')) as { config: { digest: string } }).config;
    expect(registry.blobs.get(config.digest)?.equals(cosignImage(layers).config)).toBe(true);
    expect((await signer.verify(REF, PUB)).ok).toBe(true);
  });

  it('a first signature reads the .sig tag once: one GET, then the uploads and the manifest', async () => {
    const { registry, signer } = setup();
    await signer.sign(REF, KEY);
    const tag = cosignTag(IMG, 'sig');
    expect(registry.calls.filter((c) => c.op === 'manifest').map((c) => c.ref)).toEqual([tag]);
    expect(registry.calls.map((c) => c.op)).toEqual([
      'manifest',
      'startUpload',
      'startUpload',
      'finishUpload',
      'finishUpload',
      'putManifest',
    ]);
  });

  it('another key adds to the signatures there: its .sig is read once too', async () => {
    const registry = new MemoryRegistry();
    await setup(() => fixtureKey, registry).signer.sign(REF, KEY);
    registry.calls.length = 0;
    await setup(() => otherKey, registry).signer.sign(REF, KEY);
    expect(registry.count('manifest')).toBe(1);
    // The payload is the same bytes: its upload POST linked what the repository has.
    expect(registry.count('finishUpload')).toBe(1);
    expect(layersAt(registry, IMG, 'sig')).toHaveLength(2);
  });

  it('signing again with the same key adds nothing: one layer, no second manifest', async () => {
    const { registry, signer } = setup();
    await signer.sign(REF, KEY);
    expect(registry.count('putManifest')).toBe(1);
    await signer.sign(REF, KEY);
    await setup(() => fixtureKey, registry).signer.sign(REF, KEY); // another process, same key
    expect(registry.count('putManifest')).toBe(1);
    expect(registry.count('finishUpload')).toBe(2); // payload + config, once
    expect(layersAt(registry, IMG, 'sig')).toHaveLength(1);
  });

  it('another key adds a second layer and keeps the first', async () => {
    const registry = new MemoryRegistry();
    await setup(() => fixtureKey, registry).signer.sign(REF, KEY);
    const first = layersAt(registry, IMG, 'sig');
    await setup(() => otherKey, registry).signer.sign(REF, KEY);
    const layers = layersAt(registry, IMG, 'sig');
    expect(layers).toHaveLength(2);
    expect(layers[0]).toEqual(first[0]);
    expect(layers[1]!.digest).toBe(first[0]!.digest); // the same payload, another signature
    expect(layers[1]!.annotations).not.toEqual(first[0]!.annotations);
    const { signer } = setup(() => fixtureKey, registry);
    expect((await signer.verify(REF, PUB)).ok).toBe(true);
    expect((await signer.verify(REF, OTHER)).ok).toBe(true);
  });

  it('two digests: two tags, each payload naming its own digest', async () => {
    const { registry, signer } = setup();
    await Promise.all([signer.sign(REF, KEY), signer.sign(REF2, KEY)]);
    for (const d of [IMG, IMG2]) {
      const [l] = layersAt(registry, d, 'sig');
      expect(registry.blobs.get(l!.digest)?.toString('utf8')).toContain(`"docker-manifest-digest":"${d}"`);
    }
  });

  it.each([
    ['ghcr.io/org/app', 'ghcr.io', 'org/app', 'ghcr.io/org/app'],
    ['org/app', 'docker.io', 'org/app', 'index.docker.io/org/app'],
    ['ubuntu', 'docker.io', 'library/ubuntu', 'index.docker.io/library/ubuntu'],
    ['docker.io/library/ubuntu', 'docker.io', 'library/ubuntu', 'index.docker.io/library/ubuntu'],
    ['localhost:5000/a/b/c', 'localhost:5000', 'a/b/c', 'localhost:5000/a/b/c'],
  ])('%s: the client of %s, repository %s, payload names %s', async (name, host, repo, named) => {
    const { registry, signer } = setup();
    await signer.sign(`${name}@${IMG}`, KEY);
    expect(new Set(registry.calls.map((c) => `${c.host} ${c.repository}`))).toEqual(
      new Set([`${host} ${repo}`]),
    );
    const [l] = layersAt(registry, IMG, 'sig', host, repo);
    expect(registry.blobs.get(l!.digest)?.equals(simpleSigningPayload(named, IMG))).toBe(true);
  });

  it.each<[string, SignIdentity, { tlog?: boolean } | undefined]>([
    ['a keyless identity', { kind: 'keyless' }, undefined],
    ['the transparency log', KEY, { tlog: true }],
  ])('%s: InputError, nothing read or written', async (_, identity, opts) => {
    const { registry, signer } = setup();
    for (const call of [
      () => signer.sign(REF, identity, opts),
      () => signer.attest(REF, SBOM, identity, opts),
      () => signer.attestAll(REF, [SBOM], identity, opts),
    ]) {
      const err = await rejection(call());
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).exitCode).toBe(ExitCode.BadInput);
    }
    expect(registry.calls).toEqual([]);
  });

  it('a reference with a tag instead of a digest: InputError', async () => {
    const { signer } = setup();
    expect(await rejection(signer.sign(`${HOST}/${REPO}:latest`, KEY))).toBeInstanceOf(InputError);
  });

  it('a key that fails to decrypt: its error, nothing written', async () => {
    const registry = new MemoryRegistry();
    const wrong = new InputError('k: wrong password for the signing key (COSIGN_PASSWORD)');
    const signer = createNativeSigner({
      client: (h) => registry.client(h),
      signingKey: () => Promise.reject(wrong),
      readText,
    });
    expect(await rejection(signer.sign(REF, KEY))).toBe(wrong);
    expect(await rejection(signer.attestAll(REF, [SBOM], KEY))).toBe(wrong);
    expect(registry.count('putManifest')).toBe(0);
  });
});

describe('attestAll', () => {
  it('three predicates: one .att manifest with three DSSE layers, annotated as cosign does', async () => {
    const { registry, signer } = setup();
    await signer.attestAll(REF, [SBOM, SLSA, SMOKE], KEY);
    expect(registry.count('putManifest')).toBe(1);
    const layers = layersAt(registry, IMG, 'att');
    expect(layers.map((l) => l.mediaType)).toEqual([DSSE_MEDIA_TYPE, DSSE_MEDIA_TYPE, DSSE_MEDIA_TYPE]);
    expect(layers.map((l) => l.annotations)).toEqual(
      [SBOM_URI, SLSA_URI, SMOKE_URI].map((t) => ({ [SIGNATURE_ANNOTATION]: '', predicateType: t })),
    );
    for (const [i, l] of layers.entries()) {
      const env = JSON.parse(registry.blobs.get(l.digest)!.toString('utf8')) as DsseEnvelope;
      const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Record<string, unknown>;
      expect(st.predicateType).toBe([SBOM_URI, SLSA_URI, SMOKE_URI][i]);
      expect(st.subject).toEqual([{ name: `${HOST}/${REPO}`, digest: { sha256: 'a'.repeat(64) } }]);
      expect(st.predicate).toEqual(JSON.parse(FILES[[SBOM, SLSA, SMOKE][i]!.predicatePath]!));
      expect(l.size).toBe(registry.blobs.get(l.digest)!.length);
    }
    expect(layersAt(registry, IMG, 'sig')).toEqual([]); // attesting does not sign the image
  });

  it('attesting again replaces the layer of the same type and keeps the others', async () => {
    const { registry, signer } = setup();
    await signer.attestAll(REF, [SBOM, SLSA], KEY);
    const before = layersAt(registry, IMG, 'att');
    await signer.attest(REF, SBOM2, KEY);
    const after = layersAt(registry, IMG, 'att');
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(before[1]); // slsa kept, first
    expect(after[1]!.annotations?.predicateType).toBe(SBOM_URI);
    expect(after[1]!.digest).not.toBe(before[0]!.digest);
    const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v.ok && v.items.map((s) => s.predicate)).toEqual([{ bomFormat: 'CycloneDX', n: 2 }]);
  });

  it('a layer without annotations (an older writer) is replaced by what its envelope says', async () => {
    const { registry, signer } = setup();
    putImage(registry, IMG, 'att', [
      attLayer(envelopeFor(otherKey, IMG, SBOM_URI)),
      attLayer(envelopeFor(otherKey, IMG, SMOKE_URI)),
    ]);
    await signer.attest(REF, SBOM, KEY);
    const layers = layersAt(registry, IMG, 'att');
    expect(layers).toHaveLength(2);
    expect(layers[0]!.annotations).toBeUndefined(); // the smoke one, kept
    expect(layers[1]!.annotations?.predicateType).toBe(SBOM_URI);
  });

  it('concurrent attestations of one image are applied one after the other (none lost)', async () => {
    const { registry, signer } = setup();
    await Promise.all([
      signer.attest(REF, SBOM, KEY),
      signer.attest(REF, SLSA, KEY),
      signer.attest(REF, SMOKE, KEY),
    ]);
    expect(
      layersAt(registry, IMG, 'att')
        .map((l) => l.annotations?.predicateType)
        .sort(),
    ).toEqual([SBOM_URI, SLSA_URI, SMOKE_URI].sort());
  });

  it('gives each envelope it attached; an earlier one of the same statement and key is attached again, not uploaded', async () => {
    const { registry, signer } = setup();
    const first: Buffer[] = [];
    await signer.attestAll(REF, [SBOM, SLSA, SMOKE], KEY, undefined, (i, e) => (first[i] = e!));
    expect(first.map((e) => sha256Digest(e))).toEqual(layersAt(registry, IMG, 'att').map((l) => l.digest));
    const uploaded = registry.count('finishUpload');

    // The next run: the SBOM and smoke statements are the same, the provenance is new. The SBOM's
    // envelope was opened first, as the stage does (its signature is not checked again); the smoke
    // one was not (checked here).
    expect(await signer.signedBefore(first[0]!)).not.toBeNull();
    const second: Buffer[] = [];
    await signer.attestAll(
      REF,
      [
        { ...SBOM, earlier: first[0] },
        { ...SLSA2, earlier: first[1] },
        { ...SMOKE, earlier: first[2] },
      ],
      KEY,
      undefined,
      (i, e) => (second[i] = e!),
    );
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]!.equals(first[1]!)).toBe(false);
    // Two blobs went up: the new provenance and the config. The other two are listed by the tag
    // already: no upload opened for them, not even a mount.
    expect(registry.count('finishUpload') - uploaded).toBe(2);
    expect(registry.calls.filter((c) => c.op === 'startUpload' && c.ref !== undefined)).toEqual([]);
    expect(registry.count('startUpload')).toBe(4 + 2);
    const layers = layersAt(registry, IMG, 'att');
    expect(layers.map((l) => l.digest).sort()).toEqual(second.map((e) => sha256Digest(e)).sort());
    const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, SMOKE_URI, PUB);
    expect(v.ok).toBe(true);
  });

  it('an earlier envelope the tag no longer lists is asked to be mounted from the repository, not uploaded', async () => {
    const { registry, signer } = setup();
    const first: Buffer[] = [];
    await signer.attestAll(REF, [SBOM, SLSA], KEY, undefined, (i, e) => (first[i] = e!));
    // Someone else replaced the tag (its blobs stay in the repository).
    registry.manifests.delete(`${HOST}/${REPO}:${cosignTag(IMG, 'att')}`);
    const uploaded = registry.count('finishUpload');
    const second: Buffer[] = [];
    await signer.attestAll(
      REF,
      [
        { ...SBOM, earlier: first[0] },
        { ...SLSA2, earlier: first[1] },
      ],
      KEY,
      undefined,
      (i, e) => (second[i] = e!),
    );
    expect(second[0]).toBe(first[0]);
    const mounts = registry.calls.filter((c) => c.op === 'startUpload' && c.ref !== undefined);
    expect(mounts.map((c) => c.ref)).toEqual([sha256Digest(first[0]!)]);
    // The config and the new provenance: the SBOM was linked by its mount.
    expect(registry.count('finishUpload') - uploaded).toBe(2);
    expect(layersAt(registry, IMG, 'att').map((l) => l.digest)).toEqual(second.map((e) => sha256Digest(e)));
  });

  const stmt = (digest: string, type: string, predicate: unknown) =>
    inTotoStatement(`${HOST}/${REPO}`, digest, type, predicate);
  const resealed = (e: Buffer, edit: (x: DsseEnvelope) => void) => {
    const x = JSON.parse(e.toString('utf8')) as DsseEnvelope;
    edit(x);
    return Buffer.from(JSON.stringify(x));
  };
  it.each<[string, (k: { mine: KeyObject; other: KeyObject }) => Buffer]>([
    [
      'signed by another key',
      ({ other }) => signEnvelope(other, stmt(IMG, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))),
    ],
    [
      'another statement (another predicate)',
      ({ mine }) => signEnvelope(mine, stmt(IMG, SBOM_URI, { n: 9 })),
    ],
    [
      'about another digest',
      ({ mine }) => signEnvelope(mine, stmt(IMG2, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))),
    ],
    [
      'a second signature added',
      ({ mine, other }) =>
        resealed(signEnvelope(mine, stmt(IMG, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))), (x) =>
          x.signatures.push({ keyid: '', sig: signBytes(other, Buffer.from('x')).toString('base64') }),
        ),
    ],
    [
      'a signature that does not verify',
      ({ mine }) =>
        resealed(signEnvelope(mine, stmt(IMG, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))), (x) => {
          x.signatures[0]!.sig = signBytes(mine, Buffer.from('other bytes')).toString('base64');
        }),
    ],
    [
      'its signature text with junk Node would skip (cosign would not)',
      ({ mine }) =>
        resealed(signEnvelope(mine, stmt(IMG, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))), (x) => {
          x.signatures[0]!.sig = `${x.signatures[0]!.sig.slice(0, 10)}*${x.signatures[0]!.sig.slice(10)}!!`;
        }),
    ],
    [
      'its signature without padding',
      ({ mine }) => {
        // ECDSA signatures vary in length: sign until one's encoding ends in padding.
        for (let n = 0; n < 100; n++) {
          const x = JSON.parse(
            signEnvelope(mine, stmt(IMG, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))).toString(),
          ) as DsseEnvelope;
          if (!x.signatures[0]!.sig.endsWith('=')) continue;
          x.signatures[0]!.sig = x.signatures[0]!.sig.replace(/=+$/, '');
          return Buffer.from(JSON.stringify(x));
        }
        throw new Error('no padded signature in 100 tries');
      },
    ],
    [
      'a key id set',
      ({ mine }) =>
        resealed(signEnvelope(mine, stmt(IMG, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))), (x) => {
          x.signatures[0]!.keyid = 'k1';
        }),
    ],
    [
      'the same envelope, formatted otherwise',
      ({ mine }) =>
        Buffer.from(
          JSON.stringify(
            JSON.parse(
              signEnvelope(mine, stmt(IMG, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))).toString(),
            ),
            null,
            2,
          ),
        ),
    ],
    [
      'its signature text broken over lines (JSON escapes, which the signer never writes)',
      ({ mine }) =>
        resealed(signEnvelope(mine, stmt(IMG, SBOM_URI, JSON.parse(FILES['/p/sbom.json']!))), (x) => {
          x.signatures[0]!.sig = `${x.signatures[0]!.sig.slice(0, 20)}\n${x.signatures[0]!.sig.slice(20)}`;
        }),
    ],
    ['not JSON', () => Buffer.from('{not json')],
  ])('an earlier envelope %s is not attached again: a new signature', async (_what, make) => {
    for (const opened of [false, true]) {
      const { registry, signer } = setup();
      const earlier = make({ mine: fixtureKey, other: otherKey });
      // As the stage does: asked first whether it is this key's (its signature is then not checked
      // twice); what is attached must be the same either way.
      if (opened) await signer.signedBefore(earlier);
      let attached: Buffer | undefined;
      await signer.attestAll(REF, [{ ...SBOM, earlier }], KEY, undefined, (_i, e) => (attached = e));
      expect([opened, attached!.equals(earlier)]).toEqual([opened, false]);
      expect(layersAt(registry, IMG, 'att').map((l) => l.digest)).toEqual([sha256Digest(attached!)]);
      const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'cyclonedx', PUB);
      expect(v.ok && v.items.map((x) => x.predicate)).toEqual([JSON.parse(FILES['/p/sbom.json']!)]);
    }
  });

  it.each([
    [
      'unreadable',
      { predicatePath: '/p/missing.json', type: 'cyclonedx' },
      /predicate file \/p\/missing\.json: ENOENT/,
    ],
    [
      'not JSON',
      { predicatePath: '/p/broken.json', type: 'cyclonedx' },
      /predicate file \/p\/broken\.json: /,
    ],
  ])('a predicate file %s: InputError naming it, nothing written', async (_, spec, message) => {
    const { registry, signer } = setup();
    const err = await rejection(signer.attestAll(REF, [SBOM, spec], KEY));
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect(registry.count('putManifest')).toBe(0);
  });
});

describe('after SIGINT/SIGTERM', () => {
  it('nothing is read or opened ahead (the cleanup may have released the uploads already)', () => {
    const { registry, signer } = setup();
    markInterrupted('SIGINT');
    try {
      signer.prefetch(REF, 3);
    } finally {
      clearInterruptedForTests();
    }
    expect(registry.calls).toEqual([]);
    // And without the interrupt the same call does go out.
    signer.prefetch(REF, 1);
    expect(registry.calls.length).toBeGreaterThan(0);
  });
});

describe('signedBefore: the statement of an earlier envelope this key signed', () => {
  it.each<[string, (k: { mine: KeyObject; other: KeyObject }) => Buffer, boolean]>([
    ['signed by this key', ({ mine }) => envelopeFor(mine, IMG, SBOM_URI, { n: 1 }), true],
    ['signed by another key', ({ other }) => envelopeFor(other, IMG, SBOM_URI, { n: 1 }), false],
    [
      'its payload changed after signing',
      ({ mine }) => {
        const x = JSON.parse(envelopeFor(mine, IMG, SBOM_URI, { n: 1 }).toString()) as DsseEnvelope;
        x.payload = inTotoStatement(`${HOST}/${REPO}`, IMG, SBOM_URI, { n: 2 }).toString('base64');
        return Buffer.from(JSON.stringify(x));
      },
      false,
    ],
    ['not an envelope', () => Buffer.from('{"sbom": true}'), false],
  ])('%s', async (_what, envelope, holds) => {
    const { signer, registry } = setup();
    const got = await signer.signedBefore(envelope({ mine: fixtureKey, other: otherKey }));
    if (holds) expect(got).toMatchObject({ predicateType: SBOM_URI, predicate: { n: 1 } });
    else expect(got).toBeNull();
    // Checked here, without the registry.
    expect(registry.calls).toEqual([]);
  });
});

describe('embedded blobs (descriptor data)', () => {
  const manifestOf = (registry: MemoryRegistry, suffix: 'sig' | 'att') =>
    JSON.parse(registry.manifestAt(HOST, REPO, cosignTag(IMG, suffix))!.bytes.toString('utf8')) as {
      config: Layer;
      layers: Layer[];
    };

  it('the .att and .sig manifests carry each blob in its descriptor, base64 of the very bytes', async () => {
    const { registry, signer } = setup();
    const attached: Buffer[] = [];
    await signer.attestAll(REF, [SBOM, SLSA, SMOKE], KEY, undefined, (i, e) => (attached[i] = e!));
    await signer.sign(REF, KEY);
    const att = manifestOf(registry, 'att');
    expect(att.layers.map((l) => Buffer.from(l.data!, 'base64'))).toEqual(attached);
    expect(att.layers.map((l) => embeddedBlob(l))).toEqual(attached);
    // The config too, and it is the blob uploaded under its digest.
    expect(embeddedBlob(att.config)).toEqual(registry.blobs.get(att.config.digest));
    const sig = manifestOf(registry, 'sig');
    expect(embeddedBlob(sig.layers[0]!)).toEqual(simpleSigningPayload(`${HOST}/${REPO}`, IMG));
    // Every blob is uploaded all the same, for readers that do not know the field.
    for (const l of [att.config, ...att.layers, sig.config, ...sig.layers])
      expect(registry.blobs.has(l.digest)).toBe(true);
  });

  it('verify reads the envelopes from the manifest: no blob request', async () => {
    const registry = new MemoryRegistry();
    await setup(() => fixtureKey, registry).signer.attestAll(REF, [SBOM, SLSA, SMOKE], KEY);
    await setup(() => fixtureKey, registry).signer.sign(REF, KEY);
    registry.calls.length = 0;
    const { signer } = setup(() => fixtureKey, registry);
    for (const type of ['cyclonedx', 'slsaprovenance1', SMOKE_URI])
      expect((await signer.verifyAttestations(REF, type, PUB)).ok).toBe(true);
    expect((await signer.verify(REF, PUB)).ok).toBe(true);
    expect(registry.calls.map((c) => c.op)).toEqual(['manifest', 'manifest']);
  });

  it.each<[string, (l: Layer) => Layer]>([
    ['names other bytes', (l) => ({ ...l, data: Buffer.from('{"payload":"x"}').toString('base64') })],
    ['is not base64', (l) => ({ ...l, data: `${l.data!}!` })],
    ['is cut short', (l) => ({ ...l, data: l.data!.slice(0, 8) })],
  ])(
    'data that %s is not believed: the blob is read, and the next update drops the field',
    async (_what, spoil) => {
      const registry = new MemoryRegistry();
      await setup(() => fixtureKey, registry).signer.attestAll(REF, [SBOM, SLSA], KEY);
      const m = manifestOf(registry, 'att');
      const spoiled = { ...m, layers: m.layers.map((l, i) => (i === 0 ? spoil(l) : l)) };
      registry.put(HOST, REPO, cosignTag(IMG, 'att'), OCI_MANIFEST, Buffer.from(JSON.stringify(spoiled)));
      registry.calls.length = 0;
      const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'cyclonedx', PUB);
      expect(v.ok && v.items.map((x) => x.predicate)).toEqual([JSON.parse(FILES['/p/sbom.json']!)]);
      expect(registry.calls.filter((c) => c.op === 'blob').map((c) => c.ref)).toEqual([m.layers[0]!.digest]);
      // Another attestation keeps the SBOM layer without it (a reader that believes the field would
      // refuse the whole image); the layers that were right keep theirs.
      await setup(() => fixtureKey, registry).signer.attestAll(REF, [SMOKE], KEY);
      const after = manifestOf(registry, 'att').layers;
      expect(after.map((l) => l.digest)).toEqual([...m.layers.map((l) => l.digest), expect.any(String)]);
      expect(after.map((l) => 'data' in l)).toEqual([false, true, true]);
      expect(embeddedBlob(after[1]!)).toBeDefined();
    },
  );

  it('blobs past the budget go without data, in order; what fits is embedded', () => {
    const blob = (n: number) => Buffer.alloc(n, n % 251);
    const layers = [10, 30, 25, 5].map((n) => ({
      mediaType: DSSE_MEDIA_TYPE,
      size: n,
      digest: sha256Digest(blob(n)),
    }));
    const blobs = new Map(layers.map((l) => [l.digest, blob(l.size)]));
    const out = embedBlobs(layers, blobs, 50);
    expect(out.map((l) => l.data !== undefined)).toEqual([true, true, false, true]);
    expect(out.map((l) => embeddedBlob(l)?.length)).toEqual([10, 30, undefined, 5]);
    // Unknown bytes: nothing to embed.
    expect(embedBlobs(layers, new Map(), 50).some((l) => 'data' in l)).toBe(false);
  });

  it('an SBOM past the budget is uploaded and read as a blob; the small envelopes still ride along', async () => {
    const big = JSON.stringify({ bomFormat: 'CycloneDX', pad: 'x'.repeat(EMBED_BUDGET) });
    const files: Record<string, string> = { ...FILES, '/p/big.json': big };
    const registry = new MemoryRegistry();
    const signer = createNativeSigner({
      client: (host) => registry.client(host),
      signingKey: async () => fixtureKey,
      readText: (f) => files[f] ?? readText(f),
    });
    await signer.attestAll(REF, [{ predicatePath: '/p/big.json', type: 'cyclonedx' }, SLSA], KEY);
    const layers = manifestOf(registry, 'att').layers;
    expect(layers.map((l) => l.data !== undefined)).toEqual([false, true]);
    registry.calls.length = 0;
    const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v.ok).toBe(true);
    expect(registry.calls.filter((c) => c.op === 'blob').map((c) => c.ref)).toEqual([layers[0]!.digest]);
  });

  it('an envelope over EMBED_BLOB_MAX is a blob though the budget has room; an earlier embedded copy loses its data', async () => {
    // An SBOM envelope a little over the limit (what a slim image's is), far under the budget.
    const sbom = JSON.stringify({ bomFormat: 'CycloneDX', pad: 'x'.repeat(EMBED_BLOB_MAX) });
    const files: Record<string, string> = { ...FILES, '/p/mid.json': sbom };
    const registry = new MemoryRegistry();
    const signer = createNativeSigner({
      client: (host) => registry.client(host),
      signingKey: async () => fixtureKey,
      readText: (f) => files[f] ?? readText(f),
    });
    await signer.attestAll(REF, [{ predicatePath: '/p/mid.json', type: 'cyclonedx' }, SLSA], KEY);
    const m = manifestOf(registry, 'att');
    expect(m.layers[0]!.size).toBeGreaterThan(EMBED_BLOB_MAX);
    expect(m.layers[0]!.size).toBeLessThan(EMBED_BUDGET / 4);
    expect(m.layers.map((l) => l.data !== undefined)).toEqual([false, true]);
    // An image an earlier version wrote, with that envelope embedded: the next write drops it.
    const blob = registry.blobs.get(m.layers[0]!.digest)!;
    const old = { ...m, layers: [{ ...m.layers[0]!, data: blob.toString('base64') }, m.layers[1]!] };
    registry.put(HOST, REPO, cosignTag(IMG, 'att'), OCI_MANIFEST, Buffer.from(JSON.stringify(old)));
    await setup(() => fixtureKey, registry).signer.attestAll(REF, [SMOKE], KEY);
    expect(manifestOf(registry, 'att').layers.map((l) => l.data !== undefined)).toEqual([false, true, true]);
    registry.calls.length = 0;
    const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v.ok && v.items.map((x) => x.predicate)).toEqual([JSON.parse(sbom)]);
    expect(registry.calls.filter((c) => c.op === 'blob').map((c) => c.ref)).toEqual([m.layers[0]!.digest]);
  });

  it('a registry that refuses a manifest with data gets it without, and from then on only without', async () => {
    const registry = new MemoryRegistry();
    registry.fail = (c) =>
      c.op === 'putManifest' && c.bytes!.includes('"data"')
        ? new RegistryAnswerError(
            400,
            'registry localhost:5000: pushing the manifest failed (MANIFEST_INVALID)',
            '',
          )
        : undefined;
    const { signer } = setup(() => fixtureKey, registry);
    await signer.attestAll(REF, [SBOM, SLSA], KEY);
    await signer.sign(REF, KEY);
    const puts = registry.calls.filter((c) => c.op === 'putManifest');
    expect(puts.map((c) => c.bytes!.includes('"data"'))).toEqual([true, false, false]);
    expect(manifestOf(registry, 'att').layers.some((l) => 'data' in l)).toBe(false);
    expect(
      (await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'cyclonedx', PUB)).ok,
    ).toBe(true);
  });

  it.each([401, 403, 404, 500])(
    'another refusal (HTTP %i) is the error, not tried without data',
    async (status) => {
      const registry = new MemoryRegistry();
      registry.fail = (c) =>
        c.op === 'putManifest'
          ? new RegistryAnswerError(status, `pushing the manifest failed (${status})`, '')
          : undefined;
      const err = await rejection(setup(() => fixtureKey, registry).signer.attestAll(REF, [SBOM], KEY));
      expect(err).toBeInstanceOf(EnvironmentError);
      expect(registry.count('putManifest')).toBe(1);
    },
  );
});

describe('prefetch and release', () => {
  it('the tags read ahead are what sign and attestAll use: each read once; the uploads opened ahead are taken', async () => {
    const { registry, signer } = setup();
    signer.prefetch(REF, 4);
    const ahead = registry.calls.map((c) => `${c.op} ${c.ref ?? ''}`);
    expect(ahead.filter((c) => c.startsWith('manifest '))).toEqual([
      `manifest ${cosignTag(IMG, 'sig')}`,
      `manifest ${cosignTag(IMG, 'att')}`,
    ]);
    expect(registry.count('startUpload')).toBe(4);
    await Promise.all([signer.attestAll(REF, [SBOM, SLSA, SMOKE], KEY), signer.sign(REF, KEY)]);
    // No tag read again; the .att update took the four uploads (config + three envelopes), the
    // signature opened its own two.
    expect(registry.count('manifest')).toBe(2);
    expect(registry.count('startUpload')).toBe(4 + 2);
    await signer.release();
    expect(registry.count('cancelUpload')).toBe(0);
    // The next update reads the tag again (what was read ahead is spent).
    await signer.attestAll(REF, [SLSA2], KEY);
    expect(registry.count('manifest')).toBe(3);
    expect(
      (await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'slsaprovenance1', PUB)).ok,
    ).toBe(true);
  });

  it('release cancels the uploads no update took; a failing cancel is no error', async () => {
    const { registry, signer } = setup();
    signer.prefetch(REF, 3);
    await signer.attestAll(REF, [SLSA], KEY); // takes two: the config and the envelope
    registry.fail = (c) => (c.op === 'cancelUpload' ? new Error('registry gone') : undefined);
    await expect(signer.release()).resolves.toBeUndefined();
    expect(registry.calls.filter((c) => c.op === 'cancelUpload').map((c) => c.ref)).toEqual(['upload-3']);
    registry.fail = undefined;
    await signer.release();
    expect(registry.count('cancelUpload')).toBe(1); // nothing left to cancel
  });

  it('a tag read ahead that failed is the error of the call that takes it (exit 3), then the next reads again', async () => {
    const { registry, signer } = setup();
    registry.fail = (c) =>
      c.op === 'manifest'
        ? new EnvironmentError('registry localhost:5000 is unreachable', 'start it')
        : undefined;
    signer.prefetch(REF, 0);
    registry.fail = undefined;
    const err = await rejection(signer.attestAll(REF, [SBOM], KEY));
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toMatch(/^attest .*unreachable/);
    await signer.attestAll(REF, [SBOM], KEY);
    expect(layersAt(registry, IMG, 'att')).toHaveLength(1);
  });
});

describe('a push that fails half-way', () => {
  it('cancels the uploads it opened and did not finish, then fails with the error', async () => {
    const { registry, signer } = setup();
    // The provenance envelope's PUT fails; the config's and the SBOM's go through.
    let puts = 0;
    registry.fail = (c) =>
      c.op === 'finishUpload' && ++puts === 2
        ? new EnvironmentError('registry localhost:5000: uploading failed (HTTP 500)', 'check it')
        : undefined;
    const err = await rejection(signer.attestAll(REF, [SBOM, SLSA, SMOKE], KEY));
    expect(err).toBeInstanceOf(EnvironmentError);
    // Four uploads were opened (config + three envelopes) and four PUTs sent: the one whose PUT
    // failed is cancelled, the three that went through are not.
    const finished = registry.calls.filter((c) => c.op === 'finishUpload').length;
    const cancelled = registry.calls.filter((c) => c.op === 'cancelUpload');
    expect(finished).toBe(4);
    expect(cancelled).toHaveLength(1);
    expect(registry.count('putManifest')).toBe(0);
  });

  it('a failed first round still cancels the uploads opened after the failure (a mount that started a 202)', async () => {
    const registry = new MemoryRegistry();
    const first: Buffer[] = [];
    await setup(() => fixtureKey, registry).signer.attestAll(
      REF,
      [SBOM],
      KEY,
      undefined,
      (_i, e) => (first[0] = e!),
    );
    // The tag no longer lists the SBOM and the registry does not have its blob: the mount POST
    // (sent once the tag is read, an I/O round later) opens an upload. The config's POST fails at once.
    registry.manifests.delete(`${HOST}/${REPO}:${cosignTag(IMG, 'att')}`);
    registry.blobs.delete(sha256Digest(first[0]!));
    registry.fail = (c) =>
      c.op === 'startUpload' && c.ref === undefined
        ? new EnvironmentError('registry localhost:5000: starting an upload failed (HTTP 500)', 'check it')
        : undefined;
    const slowReads = (host: string): OciClient => {
      const c = registry.client(host);
      return {
        ...c,
        manifest: async (...a) => {
          await new Promise((resolve) => setImmediate(resolve));
          return c.manifest(...a);
        },
      };
    };
    const signer = createNativeSigner({ client: slowReads, signingKey: async () => fixtureKey, readText });
    const err = await rejection(signer.attestAll(REF, [{ ...SBOM, earlier: first[0]! }], KEY));
    expect(err).toBeInstanceOf(EnvironmentError);
    const mounts = registry.calls.filter((c) => c.op === 'startUpload' && c.ref !== undefined);
    expect(mounts.map((c) => c.ref)).toEqual([sha256Digest(first[0]!)]);
    expect(registry.calls.filter((c) => c.op === 'cancelUpload')).toHaveLength(1);
  });

  it('a refused manifest whose plain retry fails too: the error, and the host keeps embedding', async () => {
    const registry = new MemoryRegistry();
    registry.fail = (c) =>
      c.op === 'putManifest' ? new RegistryAnswerError(400, 'MANIFEST_BLOB_UNKNOWN', '') : undefined;
    const { signer } = setup(() => fixtureKey, registry);
    await rejection(signer.attestAll(REF, [SBOM], KEY));
    registry.fail = undefined;
    await signer.attestAll(REF, [SBOM], KEY);
    const puts = registry.calls.filter((c) => c.op === 'putManifest');
    expect(puts.map((c) => c.bytes!.includes('"data"'))).toEqual([true, false, true]);
  });

  it('a tag read ahead more than 5 s before its write is read again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { registry, signer } = setup();
      signer.prefetch(REF, 0);
      vi.setSystemTime(Date.now() + AHEAD_READ_MS + 1);
      await signer.attestAll(REF, [SBOM], KEY);
      expect(
        registry.calls.filter((c) => c.op === 'manifest' && c.ref === cosignTag(IMG, 'att')),
      ).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('verify', () => {
  it('ok: the signature on this digest, by this key', async () => {
    const { registry, signer } = setup();
    await signer.sign(REF, KEY);
    const v = await setup(() => fixtureKey, registry).signer.verify(REF, PUB);
    expect(v).toEqual({
      ok: true,
      items: [
        {
          dockerReference: `${HOST}/${REPO}`,
          digest: IMG,
          type: 'cosign container image signature',
          optional: {},
        },
      ],
    });
  });

  it('the payload it expects is not downloaded again', async () => {
    const { registry, signer } = setup();
    await signer.sign(REF, KEY);
    const reader = setup(() => fixtureKey, registry).signer;
    registry.calls.length = 0;
    await reader.verify(REF, PUB);
    expect(registry.count('blob')).toBe(0);
  });

  it('another public key: invalid, naming the public key', async () => {
    const { registry, signer } = setup();
    await signer.sign(REF, KEY);
    const v = await setup(() => fixtureKey, registry).signer.verify(REF, OTHER);
    const w = await signer.verify(REF, OTHER);
    expect(v).toEqual(w);
    expect(w).toMatchObject({ ok: false, failure: { ref: REF, what: 'signature', reason: 'invalid' } });
    expect(!w.ok && w.failure.message).toContain('the public key /k/other.pub');
    expect(!w.ok && w.failure.type).toBeUndefined();
  });

  it('never signed: missing', async () => {
    const { signer } = setup();
    const v = await signer.verify(REF, PUB);
    expect(v).toMatchObject({ ok: false, failure: { what: 'signature', reason: 'missing' } });
    expect(!v.ok && v.failure.message).toMatch(/no signatures found/);
  });

  it('only layers of another media type: missing', async () => {
    const { registry, signer } = setup();
    putImage(registry, IMG, 'sig', [attLayer(envelopeFor(fixtureKey, IMG, SBOM_URI))]);
    expect(await signer.verify(REF, PUB)).toMatchObject({ ok: false, failure: { reason: 'missing' } });
  });

  it('a .sig image copied from another digest: invalid, "names another image"', async () => {
    const { registry, signer } = setup();
    await signer.sign(REF2, KEY);
    const copied = registry.manifestAt(HOST, REPO, cosignTag(IMG2, 'sig'))!;
    registry.put(HOST, REPO, cosignTag(IMG, 'sig'), copied.mediaType, copied.bytes);
    const v = await setup(() => fixtureKey, registry).signer.verify(REF, PUB);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
    expect(!v.ok && v.failure.message).toContain(`names another image (${IMG2})`);
  });

  it('a signature made for another name of the same digest verifies (cosign checks the digest)', async () => {
    const registry = new MemoryRegistry();
    await setup(() => fixtureKey, registry).signer.sign(`ghcr.io/o/app@${IMG}`, KEY);
    const copied = registry.manifestAt('ghcr.io', 'o/app', cosignTag(IMG, 'sig'))!;
    registry.put(HOST, REPO, cosignTag(IMG, 'sig'), copied.mediaType, copied.bytes);
    const v = await setup(() => fixtureKey, registry).signer.verify(REF, PUB);
    expect(v.ok && v.items.map((i) => [i.dockerReference, i.digest])).toEqual([['ghcr.io/o/app', IMG]]);
  });

  it('a layer signed by the key whose payload is not simple signing: invalid', async () => {
    const { registry, signer } = setup();
    const payload = Buffer.from('{"critical":{"type":"something else"}}');
    const layer: Layer = {
      mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
      size: payload.length,
      digest: sha256Digest(payload),
      annotations: { [SIGNATURE_ANNOTATION]: signBytes(fixtureKey, payload).toString('base64') },
    };
    putImage(registry, IMG, 'sig', [[layer, payload]]);
    expect(await signer.verify(REF, PUB)).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
  });

  it('a signature layer whose annotation was altered: invalid', async () => {
    const { registry, signer } = setup();
    const payload = simpleSigningPayload(`${HOST}/${REPO}`, IMG);
    const layer: Layer = {
      mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
      size: payload.length,
      digest: sha256Digest(payload),
      annotations: { [SIGNATURE_ANNOTATION]: 'MEUCIQDtampered' },
    };
    putImage(registry, IMG, 'sig', [[layer, payload]]);
    expect(await signer.verify(REF, PUB)).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
  });

  it('a valid signature with a stray character in its text: invalid, as cosign has it', async () => {
    const { registry, signer } = setup();
    const payload = simpleSigningPayload(`${HOST}/${REPO}`, IMG);
    const good = signBytes(fixtureKey, payload).toString('base64');
    const layer: Layer = {
      mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
      size: payload.length,
      digest: sha256Digest(payload),
      annotations: { [SIGNATURE_ANNOTATION]: `${good.slice(0, 10)}*${good.slice(10)}` },
    };
    putImage(registry, IMG, 'sig', [[layer, payload]]);
    expect(await signer.verify(REF, PUB)).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
  });

  it('signing after a verify found nothing: the next verify sees the signature', async () => {
    const { signer } = setup();
    expect((await signer.verify(REF, PUB)).ok).toBe(false);
    await signer.sign(REF, KEY);
    expect((await signer.verify(REF, PUB)).ok).toBe(true);
  });

  it.each<[string, VerifyIdentity, RegExp]>([
    ['a keyless identity', KEYLESS_VERIFY, /key signatures only/],
    [
      'a public key that is not there',
      { kind: 'key', publicKey: '/k/none.pub' },
      /public key \/k\/none\.pub: cannot read it: no such file \(ENOENT\)/,
    ],
    [
      'a P-384 public key',
      { kind: 'key', publicKey: '/k/p384.pub' },
      /public key \/k\/p384\.pub: not an ECDSA P-256/,
    ],
  ])('%s: InputError', async (_, identity, message) => {
    const { registry, signer } = setup();
    for (const p of [signer.verify(REF, identity), signer.verifyAttestations(REF, 'cyclonedx', identity)]) {
      const err = await rejection(p);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(message);
    }
    expect(registry.calls).toEqual([]);
  });
});

describe('verifyAttestations', () => {
  it.each([
    ['cyclonedx', SBOM_URI, SBOM],
    ['slsaprovenance1', SLSA_URI, SLSA],
    [SMOKE_URI, SMOKE_URI, SMOKE],
  ])('ok: %s', async (type, uri, spec) => {
    const registry = new MemoryRegistry();
    await setup(() => fixtureKey, registry).signer.attestAll(REF, [SBOM, SLSA, SMOKE], KEY);
    const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, type, PUB);
    expect(v.ok).toBe(true);
    const items = v.ok ? v.items : [];
    expect(items).toEqual([
      {
        type: 'https://in-toto.io/Statement/v0.1',
        predicateType: uri,
        subject: [{ name: `${HOST}/${REPO}`, digest: { sha256: 'a'.repeat(64) } }],
        predicate: JSON.parse(FILES[spec.predicatePath]!),
      },
    ]);
  });

  it('one signer opens each envelope once per key: checks share statements, another key is its own', async () => {
    const registry = new MemoryRegistry();
    await setup(() => fixtureKey, registry).signer.attestAll(REF, [SBOM, SLSA, SMOKE], KEY);
    const { signer } = setup(() => fixtureKey, registry);
    const first = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    const again = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(first.ok && again.ok).toBe(true);
    expect(first.ok && again.ok && first.items[0] === again.items[0]).toBe(true);
    // Shared, so frozen: a caller cannot change what the next check sees.
    expect(first.ok && Object.isFrozen(first.items[0]) && Object.isFrozen(first.items[0]!.subject)).toBe(
      true,
    );
    // What PUB verified is not taken for OTHER's: the same envelopes, checked again with OTHER.
    const other = await signer.verifyAttestations(REF, 'cyclonedx', OTHER);
    expect(other).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
    const provenance = await signer.verifyAttestations(REF, 'slsaprovenance1', PUB);
    expect(provenance.ok && provenance.items.map((i) => i.predicateType)).toEqual([SLSA_URI]);
  });

  it('never attested: missing', async () => {
    const { signer } = setup();
    const v = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v).toMatchObject({
      ok: false,
      failure: { what: 'attestation', type: 'cyclonedx', reason: 'missing' },
    });
  });

  it('another key: invalid, naming the public key', async () => {
    const registry = new MemoryRegistry();
    await setup(() => fixtureKey, registry).signer.attestAll(REF, [SBOM], KEY);
    const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'cyclonedx', OTHER);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
    expect(!v.ok && v.failure.message).toContain('the public key /k/other.pub (none of 1 verifies)');
  });

  it('an envelope whose signature was altered: invalid', async () => {
    const { registry, signer } = setup();
    const env = JSON.parse(envelopeFor(fixtureKey, IMG, SBOM_URI).toString('utf8')) as DsseEnvelope;
    const sig = Buffer.from(env.signatures[0]!.sig, 'base64');
    sig[sig.length - 1] = sig[sig.length - 1]! ^ 1;
    env.signatures[0]!.sig = sig.toString('base64');
    putImage(registry, IMG, 'att', [attLayer(Buffer.from(JSON.stringify(env)), SBOM_URI)]);
    const v = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
  });

  it('a verified statement about another digest: invalid, "names another image"', async () => {
    const { registry, signer } = setup();
    putImage(registry, IMG, 'att', [attLayer(envelopeFor(fixtureKey, IMG2, SBOM_URI), SBOM_URI)]);
    const v = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
    expect(!v.ok && v.failure.message).toContain(`names another image (${'b'.repeat(64)})`);
  });

  it('asked for smoke, only an SBOM about another digest: says none is about it, not that a smoke one is elsewhere', async () => {
    const { registry, signer } = setup();
    putImage(registry, IMG, 'att', [attLayer(envelopeFor(fixtureKey, IMG2, SBOM_URI), SBOM_URI)]);
    const v = await signer.verifyAttestations(REF, SMOKE_URI, PUB);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
    expect(!v.ok && v.failure.message).toMatch(
      /no https:\/\/ml-image\.dev\/smoke\/v1 attestation on .* is about it: a verified .*cyclonedx.* one names another image/,
    );
    expect(!v.ok && v.failure.message).not.toContain(`verified ${SMOKE_URI} attestation`);
  });

  it('verified attestations of other types only: missing, naming what was found', async () => {
    const registry = new MemoryRegistry();
    await setup(() => fixtureKey, registry).signer.attestAll(REF, [SLSA, SMOKE], KEY);
    const v = await setup(() => fixtureKey, registry).signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v).toMatchObject({ ok: false, failure: { type: 'cyclonedx', reason: 'missing' } });
    expect(!v.ok && v.failure.message).toContain(`verified: ${SLSA_URI}, ${SMOKE_URI}`);
  });

  it('one good envelope among bad ones (another key, another digest, garbage) is found', async () => {
    const { registry, signer } = setup();
    putImage(registry, IMG, 'att', [
      attLayer(envelopeFor(otherKey, IMG, SBOM_URI), SBOM_URI),
      attLayer(envelopeFor(fixtureKey, IMG2, SBOM_URI), SBOM_URI),
      attLayer(Buffer.from('not json'), SBOM_URI),
      attLayer(envelopeFor(fixtureKey, IMG, SBOM_URI, { good: true }), SBOM_URI),
    ]);
    const v = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v.ok && v.items.map((s) => s.predicate)).toEqual([{ good: true }]);
  });

  it.each<[string, unknown]>([
    ['a subject digest of null', [{ name: 'x', digest: null }]],
    ['a subject that is not an object', ['x']],
    ['no subject list', {}],
  ])('a verified statement with %s: invalid, not a crash', async (_, subject) => {
    const { registry, signer } = setup();
    const statement = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType: SBOM_URI,
        subject,
        predicate: {},
      }),
    );
    putImage(registry, IMG, 'att', [attLayer(signEnvelope(fixtureKey, statement), SBOM_URI)]);
    const v = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
  });

  it('attesting on the same signer after a verify: the next verify sees the new attestation', async () => {
    const { signer } = setup();
    expect((await signer.verifyAttestations(REF, 'cyclonedx', PUB)).ok).toBe(false);
    await signer.attest(REF, SBOM, KEY);
    expect((await signer.verifyAttestations(REF, 'cyclonedx', PUB)).ok).toBe(true);
  });
});

describe('what a .sig/.att image may make verify read (a registry writer lists hundreds of large blobs)', () => {
  /** N distinct small envelopes (signed by another key: they do not verify) as DSSE layers. */
  const envelopes = (n: number, annotated = true) =>
    Array.from({ length: n }, (_, i) =>
      attLayer(envelopeFor(otherKey, IMG, SBOM_URI, { i }), annotated ? SBOM_URI : undefined),
    );
  /** A layer that declares SIZE bytes; its blob is never stored (a read of it would fail otherwise). */
  const declared = (size: number, i: number): [Layer, Buffer] => {
    const blob = Buffer.from(`{"payload":"","n":${i}}`);
    return [{ mediaType: DSSE_MEDIA_TYPE, size, digest: sha256Digest(blob) }, blob];
  };
  const exit3 = (e: unknown, message: RegExp) => {
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as EnvironmentError).exitCode).toBe(ExitCode.Environment);
    expect((e as Error).message).toMatch(message);
  };

  it(`more than ${MAX_READ_LAYERS} attestation layers: exit 3 before any blob is read`, async () => {
    const { registry, signer } = setup();
    putImage(registry, IMG, 'att', envelopes(MAX_READ_LAYERS + 1));
    const e = await rejection(signer.verifyAttestations(REF, 'cyclonedx', PUB));
    exit3(
      e,
      /^verify-attestation .*: registry localhost:5000: ml\/app:sha256-a{64}\.att lists 101 attestation layers, more than are ever read \(100\)/,
    );
    expect((e as EnvironmentError).fix).toMatch(/cosign itself refuses/);
    expect(registry.count('blob')).toBe(0);
  });

  it(`${MAX_READ_LAYERS} layers are read (cosign reads as many), a few at a time`, async () => {
    const registry = new MemoryRegistry();
    putImage(registry, IMG, 'att', envelopes(MAX_READ_LAYERS));
    let inFlight = 0;
    let most = 0;
    const signer = createNativeSigner({
      client: (host) => {
        const c = registry.client(host);
        return {
          ...c,
          blob: async (repository, digest) => {
            most = Math.max(most, ++inFlight);
            await new Promise((r) => setTimeout(r, 1));
            inFlight--;
            return c.blob(repository, digest);
          },
        };
      },
      signingKey: async () => fixtureKey,
      readText,
    });
    const v = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
    expect(registry.count('blob')).toBe(MAX_READ_LAYERS);
    expect(most).toBe(4);
  });

  it('more than 100 signature layers: verify is exit 3 too', async () => {
    const { registry, signer } = setup();
    const layers = Array.from({ length: MAX_READ_LAYERS + 1 }, (_, i): [Layer, Buffer] => {
      const payload = Buffer.from(`{"critical":{"type":"x"},"n":${i}}`);
      return [
        { mediaType: SIMPLE_SIGNING_MEDIA_TYPE, size: payload.length, digest: sha256Digest(payload) },
        payload,
      ];
    });
    putImage(registry, IMG, 'sig', layers);
    exit3(await rejection(signer.verify(REF, PUB)), /\.sig lists 101 signature layers/);
    expect(registry.count('blob')).toBe(0);
  });

  it.each([
    [
      'declared sizes past 256 MiB together',
      [100, 100, 57].map((m) => m * 1024 * 1024),
      /declare 257\.0 MiB, more than is ever read \(256\.0 MiB\)/,
    ],
    ['a negative size', [10, -1], /a attestation layer of size -1, not a number of bytes/],
    ['a size that is no whole number', [1.5], /of size 1\.5/],
  ])('%s: exit 3 before any blob is read', async (_n, sizes, message) => {
    const { registry, signer } = setup();
    putImage(
      registry,
      IMG,
      'att',
      sizes.map((size, i) => declared(size, i)),
    );
    exit3(await rejection(signer.verifyAttestations(REF, 'cyclonedx', PUB)), message);
    expect(registry.count('blob')).toBe(0);
  });

  // The registry served the very blob (its digest is checked): the manifest pushed at the tag
  // misstates it. cosign leaves such a layer out and verifies the others: so does the built-in
  // verifier (one junk layer by someone who may push but has no key fails nothing).
  const junk = (size: number, mediaType = DSSE_MEDIA_TYPE, type = SBOM_URI): [Layer, Buffer] => {
    const blob = Buffer.from(`{"payload":"junk","type":"${type}"}`);
    const l = { mediaType, size, digest: sha256Digest(blob), annotations: { predicateType: type } };
    return [l, blob];
  };
  const signedPayload = (): [Layer, Buffer] => {
    const payload = simpleSigningPayload(`${HOST}/${REPO}`, IMG);
    const signature = signBytes(fixtureKey, payload).toString('base64');
    const l = { mediaType: SIMPLE_SIGNING_MEDIA_TYPE, size: payload.length, digest: sha256Digest(payload) };
    return [{ ...l, annotations: { [SIGNATURE_ANNOTATION]: signature } }, payload];
  };

  it.each([
    ['bigger', -5],
    ['smaller', 100_000],
  ])(
    'verify: a junk layer whose blob is %s than it declares is left out; the good ones verify',
    async (_n, delta) => {
      const { registry, signer } = setup();
      const [l, blob] = junk(0);
      const wrong = delta > 0 ? delta : blob.length + delta;
      putImage(registry, IMG, 'att', [
        attLayer(envelopeFor(fixtureKey, IMG, SBOM_URI), SBOM_URI),
        [{ ...l, size: wrong }, blob],
        attLayer(envelopeFor(fixtureKey, IMG, SLSA_URI), SLSA_URI),
      ]);
      const [l2, blob2] = junk(0, SIMPLE_SIGNING_MEDIA_TYPE);
      putImage(registry, IMG, 'sig', [[{ ...l2, size: wrong }, blob2], signedPayload()]);
      expect(await signer.verifyAttestations(REF, 'cyclonedx', PUB)).toMatchObject({ ok: true });
      expect(await signer.verifyAttestations(REF, 'slsaprovenance1', PUB)).toMatchObject({ ok: true });
      expect(await signer.verify(REF, PUB)).toMatchObject({ ok: true, items: [{ digest: IMG }] });
    },
  );

  it('verify: only junk layers: the check fails (exit 1 as a result, no throw), saying what was left out', async () => {
    const { registry, signer } = setup();
    const [l, blob] = junk(0);
    putImage(registry, IMG, 'att', [[{ ...l, size: 10 }, blob]]);
    const [l2, blob2] = junk(0, SIMPLE_SIGNING_MEDIA_TYPE);
    putImage(registry, IMG, 'sig', [[{ ...l2, size: 10 }, blob2], junk(0, SIMPLE_SIGNING_MEDIA_TYPE, 'x')]);
    const tag = (suffix: string) => `ml/app:sha256-a{64}\\.${suffix}`;
    const v = await signer.verifyAttestations(REF, 'cyclonedx', PUB);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'missing' } });
    expect(v.ok ? '' : v.failure.message).toMatch(
      new RegExp(
        `^no cyclonedx attestation on ${REF} \\(no attestations found; left out, as cosign does, a layer it cannot read: registry localhost:5000: the blob ${l.digest} is ${blob.length} bytes where ${tag('att')} declares 10\\)$`,
      ),
    );
    const s = await signer.verify(REF, PUB);
    expect(s).toMatchObject({ ok: false, failure: { reason: 'missing' } });
    // The other layer (declaring 0 bytes, holding more) is left out too.
    expect(s.ok ? '' : s.failure.message).toMatch(
      new RegExp(`\\(no signatures found; left out, as cosign does, .* declares 10 and 1 more\\)$`),
    );
  });

  it('verify: a blob over what one answer may hold is left out; a blob the registry does not serve is still exit 3', async () => {
    const registry = new MemoryRegistry();
    const [l, blob] = junk(0);
    putImage(registry, IMG, 'att', [
      [{ ...l, size: blob.length }, blob],
      attLayer(envelopeFor(fixtureKey, IMG, SBOM_URI), SBOM_URI),
    ]);
    /** A verifier whose registry fails the junk layer's blob read with ERROR (the others read). */
    const verifierFailing = (error: (host: string) => Error) =>
      createNativeSigner({
        client: (host) => {
          const c = registry.client(host);
          return {
            ...c,
            blob: async (repository, digest) => {
              if (digest === l.digest) throw error(host);
              return c.blob(repository, digest);
            },
          };
        },
        signingKey: async () => fixtureKey,
        readText,
      });
    // As the registry client fails it (oci-client.ts): the transport's error, its cause coded.
    const over = Object.assign(new Error('the answer is over 64 MiB'), { code: ANSWER_TOO_LARGE });
    const big = verifierFailing(
      (host) =>
        new EnvironmentError(`registry ${host}: GET ... answered more than cosign's images ever hold`, 'x', {
          cause: new Error('fetch failed', { cause: over }),
        }),
    );
    expect(await big.verifyAttestations(REF, 'cyclonedx', PUB)).toMatchObject({ ok: true });
    const again = verifierFailing(
      (host) => new EnvironmentError(`registry ${host}: reading the blob answered 404`, 'check the registry'),
    );
    exit3(await rejection(again.verifyAttestations(REF, 'cyclonedx', PUB)), /answered 404/);
  });

  it("attest: an older writer's layer (read for its type) misstating its size is still exit 3", async () => {
    const { registry, signer } = setup();
    const [layer, blob] = attLayer(envelopeFor(otherKey, IMG, SLSA_URI));
    putImage(registry, IMG, 'att', [[{ ...layer, size: 10 }, blob]]);
    exit3(
      await rejection(signer.attestAll(REF, [SBOM], KEY)),
      /the blob .* bytes where .*\.att declares 10$/,
    );
  });

  it('attesting over more than 100 envelopes without a type annotation (read for their type): exit 3, nothing read or pushed', async () => {
    const { registry, signer } = setup();
    putImage(registry, IMG, 'att', envelopes(MAX_READ_LAYERS + 1, false));
    const before = registry.count('putManifest');
    exit3(await rejection(signer.attestAll(REF, [SBOM], KEY)), /lists 101 attestation layers/);
    expect(registry.count('blob')).toBe(0);
    expect(registry.count('putManifest')).toBe(before);
  });

  it('annotated layers are not read to attest: any number of them is kept', async () => {
    const { registry, signer } = setup();
    putImage(
      registry,
      IMG,
      'att',
      envelopes(MAX_READ_LAYERS + 1).map(
        ([l, b]) =>
          [{ ...l, annotations: { ...l.annotations, predicateType: SLSA_URI } }, b] as [Layer, Buffer],
      ),
    );
    await signer.attestAll(REF, [SBOM], KEY);
    expect(layersAt(registry, IMG, 'att')).toHaveLength(MAX_READ_LAYERS + 2);
  });
});

describe('registry errors', () => {
  const down = new EnvironmentError('registry localhost:5000: connection refused', 'start the registry');
  /** The registry's error itself, or one that says what was being done and keeps it as cause. */
  const expectDown = (err: unknown) => {
    expect(err).toBeInstanceOf(EnvironmentError);
    const e = err as EnvironmentError;
    expect(e.exitCode).toBe(ExitCode.Environment);
    expect(e.message).toContain(down.message);
    expect(e.message).toContain(REF);
    expect(e.fix).toBe(down.fix);
    if (e !== down) expect(e.cause).toBe(down);
  };
  it.each<[string, (s: ReturnType<typeof setup>['signer']) => Promise<unknown>]>([
    ['sign', (s) => s.sign(REF, KEY)],
    ['attestAll', (s) => s.attestAll(REF, [SBOM, SLSA], KEY)],
    ['verify', (s) => s.verify(REF, PUB)],
    ['verifyAttestations', (s) => s.verifyAttestations(REF, 'cyclonedx', PUB)],
  ])('%s: the EnvironmentError propagates (exit 3, its message and fix)', async (_, call) => {
    const { registry, signer } = setup();
    registry.fail = () => down;
    expectDown(await rejection(call(signer)));
  });

  it('a failed read is not cached: the next verify asks again', async () => {
    const { registry, signer } = setup();
    await signer.sign(REF, KEY);
    const reader = setup(() => fixtureKey, registry).signer;
    registry.fail = () => down;
    expectDown(await rejection(reader.verify(REF, PUB)));
    registry.fail = undefined;
    expect((await reader.verify(REF, PUB)).ok).toBe(true);
  });

  it('a failing manifest push: the error, and the tag is unchanged', async () => {
    const { registry, signer } = setup();
    registry.fail = (c) => (c.op === 'putManifest' ? down : undefined);
    expectDown(await rejection(signer.sign(REF, KEY)));
    expect(registry.manifestAt(HOST, REPO, cosignTag(IMG, 'sig'))).toBeUndefined();
  });
});

// --- signers.ts: which calls are built in --------------------------------------------------------

const files = (map: Record<string, string>) => (f: string) => map[f];
const ENC = fixture('fixture.key');
const PLAIN = String(
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
);

describe('nativeKeyText', () => {
  it.each<
    [
      string,
      SignIdentity,
      Record<string, string | undefined>,
      boolean,
      { text: string; source: string } | undefined,
    ]
  >([
    [
      'env://COSIGN_KEY, an encrypted key',
      { kind: 'key', key: 'env://COSIGN_KEY' },
      { COSIGN_KEY: ENC },
      false,
      { text: ENC, source: 'COSIGN_KEY' },
    ],
    [
      'env://MY_KEY, another variable',
      { kind: 'key', key: 'env://MY_KEY' },
      { MY_KEY: ENC },
      false,
      { text: ENC, source: 'MY_KEY' },
    ],
    [
      'env://COSIGN_KEY, a plain PEM',
      { kind: 'key', key: 'env://COSIGN_KEY' },
      { COSIGN_KEY: PLAIN },
      false,
      undefined,
    ],
    ['env://COSIGN_KEY, unset', { kind: 'key', key: 'env://COSIGN_KEY' }, {}, false, undefined],
    ['env://, an invalid name', { kind: 'key', key: 'env://1BAD' }, { '1BAD': ENC }, false, undefined],
    [
      'a file with an encrypted key',
      { kind: 'key', key: '/k/cosign.key' },
      {},
      false,
      { text: ENC, source: '/k/cosign.key' },
    ],
    ['a file with a plain PEM', { kind: 'key', key: '/k/plain.key' }, {}, false, undefined],
    ['a missing file', { kind: 'key', key: '/k/none.key' }, {}, false, undefined],
    ['a KMS URI', { kind: 'key', key: 'awskms://arn:aws:kms:eu-west-1:1:key/x' }, {}, false, undefined],
    ['a k8s secret', { kind: 'key', key: 'k8s://ns/secret' }, {}, false, undefined],
    ['keyless', { kind: 'keyless' }, { COSIGN_KEY: ENC }, false, undefined],
    ['the transparency log', { kind: 'key', key: '/k/cosign.key' }, {}, true, undefined],
    [
      'ML_IMAGE_SIGNER=cosign',
      { kind: 'key', key: '/k/cosign.key' },
      { ML_IMAGE_SIGNER: 'cosign' },
      false,
      undefined,
    ],
    [
      'ML_IMAGE_SIGNER= Cosign ',
      { kind: 'key', key: 'env://COSIGN_KEY' },
      { ML_IMAGE_SIGNER: ' Cosign ', COSIGN_KEY: ENC },
      false,
      undefined,
    ],
    [
      'ML_IMAGE_SIGNER=builtin',
      { kind: 'key', key: '/k/cosign.key' },
      { ML_IMAGE_SIGNER: 'builtin' },
      false,
      { text: ENC, source: '/k/cosign.key' },
    ],
  ])('%s', (_, identity, env, tlog, expected) => {
    const read = files({ '/k/cosign.key': ENC, '/k/plain.key': PLAIN });
    expect(nativeKeyText(identity, env, tlog, read)).toEqual(expected);
  });

  // A typo ran the built-in signer without a word.
  it.each(['cosgin', 'native', 'yes'])('ML_IMAGE_SIGNER=%s: exit 2 naming it', (v) => {
    const env = { ML_IMAGE_SIGNER: v };
    for (const call of [
      () => nativeKeyText({ kind: 'key', key: '/k/cosign.key' }, env, false, files({ '/k/cosign.key': ENC })),
      () => nativeVerifies(PUB, env, false, files({})),
    ]) {
      const e = (() => {
        try {
          call();
        } catch (err) {
          return err as InputError;
        }
        return undefined;
      })();
      expect(e).toBeInstanceOf(InputError);
      expect(e!.exitCode).toBe(2);
      expect(e!.message).toBe(
        `ML_IMAGE_SIGNER: expected cosign or builtin (unset: the built-in signer where it can), got "${v}"`,
      );
    }
  });

  it('a KMS URI is never read as a file', () => {
    const asked: string[] = [];
    nativeKeyText({ kind: 'key', key: 'gcpkms://projects/p/keys/k' }, {}, false, (f) => {
      asked.push(f);
      return ENC;
    });
    expect(asked).toEqual([]);
  });
});

describe('nativeVerifies', () => {
  const P384 = FILES['/k/p384.pub']!;
  const read = files({ '/k/cosign.pub': fixture('fixture.pub'), '/k/p384.pub': P384, '/k/cosign.key': ENC });
  it.each<[string, VerifyIdentity, Record<string, string>, boolean, boolean]>([
    ['a P-256 public key file', PUB, {}, false, true],
    ['a P-384 public key file', { kind: 'key', publicKey: '/k/p384.pub' }, {}, false, false],
    ['a private key file', { kind: 'key', publicKey: '/k/cosign.key' }, {}, false, false],
    ['a missing file', { kind: 'key', publicKey: '/k/none.pub' }, {}, false, false],
    ['a KMS URI', { kind: 'key', publicKey: 'awskms://arn:aws:kms:eu-west-1:1:key/x' }, {}, false, false],
    ['a keyless identity', KEYLESS_VERIFY, {}, false, false],
    ['the transparency log', PUB, {}, true, false],
    ['ML_IMAGE_SIGNER=cosign', PUB, { ML_IMAGE_SIGNER: 'cosign' }, false, false],
  ])('%s -> %s', (_, identity, env, tlog, expected) => {
    expect(nativeVerifies(identity, env, tlog, read)).toBe(expected);
  });
});

describe('createSigner: built in where it can, cosign otherwise', () => {
  /** A cosign Signer that records its calls (and succeeds). */
  function fakeCosign() {
    const calls: string[] = [];
    const signer: Signer = {
      version: async () => {
        calls.push('version');
        return { gitVersion: 'v2.5.3' };
      },
      sign: async (ref) => void calls.push(`sign ${ref}`),
      attest: async (ref, p) => void calls.push(`attest ${ref} ${p.type}`),
      verify: async (ref) => {
        calls.push(`verify ${ref}`);
        return { ok: true, items: [] };
      },
      verifyAttestations: async (ref, type) => {
        calls.push(`verifyAttestations ${ref} ${type}`);
        return { ok: true, items: [] };
      },
    };
    return { calls, signer };
  }
  const ENV_KEY: SignIdentity = { kind: 'key', key: 'env://COSIGN_KEY' };
  const KEY_ENV = { COSIGN_KEY: ENC, COSIGN_PASSWORD: PASSWORD };
  const FILE_PUB: VerifyIdentity = { kind: 'key', publicKey: FIXTURE_PUB };

  function make(env: Record<string, string>, tlog = false) {
    const registry = new MemoryRegistry();
    const cosign = fakeCosign();
    let made = 0;
    const signer = createSigner({
      env,
      tlog,
      cosign: () => {
        made++;
        return cosign.signer;
      },
      client: (host) => registry.client(host),
    });
    return { registry, cosign, signer, made: () => made };
  }

  it('a key in COSIGN_KEY with its password: built in, cosign never made', async () => {
    const { registry, cosign, signer, made } = make(KEY_ENV);
    await signer.sign(REF, ENV_KEY);
    await signer.attestAll(REF, [SBOM_FILE, SMOKE_FILE], ENV_KEY);
    expect((await signer.verify(REF, FILE_PUB)).ok).toBe(true);
    expect((await signer.verifyAttestations(REF, 'cyclonedx', FILE_PUB)).ok).toBe(true);
    expect(layersAt(registry, IMG, 'sig')).toHaveLength(1);
    expect(layersAt(registry, IMG, 'att')).toHaveLength(2);
    expect(registry.count('putManifest')).toBe(2);
    expect(cosign.calls).toEqual([]);
    expect(made()).toBe(0);
  });

  it('every check of a verification reads the public key file once, and uses that key', async () => {
    const { registry } = make(KEY_ENV);
    const writer = createSigner({ env: KEY_ENV, tlog: false, client: (h) => registry.client(h) });
    await writer.sign(REF, ENV_KEY);
    await writer.attestAll(REF, [SBOM_FILE, SMOKE_FILE], ENV_KEY);
    const reads: string[] = [];
    let text = readFileSync(FIXTURE_PUB, 'utf8');
    const verifier = createSigner({
      env: {},
      tlog: false,
      cosign: () => {
        throw new Error('cosign was made');
      },
      client: (h) => registry.client(h),
      publicKeys: publicKeyFiles({}, (file) => {
        reads.push(file);
        return text;
      }),
    });
    expect((await verifier.verify(REF, FILE_PUB)).ok).toBe(true);
    // The file changes between checks (another key): the checks go on with the key first read.
    text = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect((await verifier.verifyAttestations(REF, 'cyclonedx', FILE_PUB)).ok).toBe(true);
    expect((await verifier.verifyAttestations(REF, SMOKE_URI, FILE_PUB)).ok).toBe(true);
    expect(reads).toEqual([FIXTURE_PUB]);
  });

  it('a keyless identity goes to cosign', async () => {
    const { registry, cosign, signer } = make(KEY_ENV);
    await signer.sign(REF, { kind: 'keyless' });
    await signer.attest(REF, SBOM, { kind: 'keyless' });
    await signer.verify(REF, KEYLESS_VERIFY);
    await signer.verifyAttestations(REF, 'cyclonedx', KEYLESS_VERIFY);
    expect(cosign.calls).toEqual([
      `sign ${REF}`,
      `attest ${REF} cyclonedx`,
      `verify ${REF}`,
      `verifyAttestations ${REF} cyclonedx`,
    ]);
    expect(registry.calls).toEqual([]);
  });

  it.each<[string, Record<string, string>, boolean, { tlog?: boolean } | undefined]>([
    ['keyless', KEY_ENV, false, undefined],
    ['ML_IMAGE_SIGNER=cosign', { ...KEY_ENV, ML_IMAGE_SIGNER: 'cosign' }, false, undefined],
    ['tlog for the signer', KEY_ENV, true, undefined],
    ['tlog for the call', KEY_ENV, false, { tlog: true }],
  ])('%s: attestAll is one cosign attest per predicate, in order', async (name, env, tlog, opts) => {
    const { registry, cosign, signer, made } = make(env, tlog);
    const identity: SignIdentity = name === 'keyless' ? { kind: 'keyless' } : ENV_KEY;
    await signer.attestAll(REF, [SLSA, SBOM, SMOKE], identity, opts);
    expect(cosign.calls).toEqual([
      `attest ${REF} slsaprovenance1`,
      `attest ${REF} cyclonedx`,
      `attest ${REF} ${SMOKE_URI}`,
    ]);
    expect(made()).toBe(1); // one cosign signer for the whole run
    expect(registry.calls).toEqual([]);
  });

  it('ML_IMAGE_SIGNER=cosign: verify with a P-256 key file goes to cosign too', async () => {
    const { cosign, signer } = make({ ML_IMAGE_SIGNER: 'cosign' });
    await signer.verify(REF, FILE_PUB);
    expect(cosign.calls).toEqual([`verify ${REF}`]);
  });

  it('version is cosign’s', async () => {
    const { cosign, signer } = make(KEY_ENV);
    expect(await signer.version()).toEqual({ gitVersion: 'v2.5.3' });
    expect(cosign.calls).toEqual(['version']);
  });

  it('a wrong COSIGN_PASSWORD: the built-in signer’s InputError, not cosign', async () => {
    const { cosign, signer, registry } = make({ COSIGN_KEY: ENC, COSIGN_PASSWORD: 'wrong-one' });
    const err = await rejection(signer.sign(REF, ENV_KEY));
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('COSIGN_PASSWORD');
    expect((err as Error).message).not.toContain('wrong-one');
    expect(cosign.calls).toEqual([]);
    expect(registry.count('putManifest')).toBe(0);
  });

  it('a key that does not decrypt is tried once: every later call gets the same failure', () => {
    const env = { COSIGN_KEY: ENC, COSIGN_PASSWORD: 'wrong-two' };
    const first = signingKey(ENV_KEY, env, false)!;
    expect(signingKey(ENV_KEY, env, false)).toBe(first);
    return first.then(
      () => expect.fail('decrypted with a wrong password'),
      async (e: unknown) => {
        expect(e).toBeInstanceOf(InputError);
        // After the failure too: the same promise, no second scrypt.
        expect(signingKey(ENV_KEY, env, false)).toBe(first);
      },
    );
  });

  it('a plain (unencrypted) PEM in COSIGN_KEY goes to cosign', async () => {
    const { cosign, signer } = make({ COSIGN_KEY: PLAIN });
    await signer.sign(REF, ENV_KEY);
    expect(cosign.calls).toEqual([`sign ${REF}`]);
  });

  it('what the built-in signer wrote verifies through createSigner with the other key as invalid', async () => {
    const { signer } = make(KEY_ENV);
    await signer.sign(REF, ENV_KEY);
    const v = await signer.verify(REF, { kind: 'key', publicKey: OTHER_PUB });
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
  });
});

// Predicate files on disk for createSigner (its built-in signer reads real files).
const PREDICATES = mkdtempSync(path.join(tmpdir(), 'ml-image-native-signer-'));
afterAll(() => rmSync(PREDICATES, { recursive: true, force: true }));
writeFileSync(path.join(PREDICATES, 'sbom.json'), FILES['/p/sbom.json']!);
writeFileSync(path.join(PREDICATES, 'smoke.json'), FILES['/p/smoke.json']!);
const SBOM_FILE: PredicateSpec = { predicatePath: path.join(PREDICATES, 'sbom.json'), type: 'cyclonedx' };
const SMOKE_FILE: PredicateSpec = { predicatePath: path.join(PREDICATES, 'smoke.json'), type: SMOKE_URI };

it('the fixture key really is encrypted (createPrivateKey cannot read it)', () => {
  expect(() => createPrivateKey(ENC)).toThrow();
});

// --- what the review fixed ----------------------------------------------------------------------

const ED25519 = generateKeyPairSync('ed25519').privateKey;
const ED25519_ENC = sealKey(ED25519.export({ type: 'pkcs8', format: 'der' }), PASSWORD);

/** A cosign Signer recording its calls (into EVENTS too); attest N (0-based) rejects when told. */
function recordingCosign(events: string[] = [], failAttest?: number) {
  const calls: string[] = [];
  const log = (s: string) => {
    calls.push(s);
    events.push(s);
  };
  let attests = 0;
  const signer: Signer = {
    version: async () => ({ gitVersion: 'v2.5.3' }),
    sign: async (ref) => log(`sign ${ref}`),
    attest: async (ref, p) => {
      if (attests++ === failAttest)
        throw new EnvironmentError('cosign attest: registry went away', 'start it');
      log(`attest ${ref} ${p.type}`);
    },
    verify: async (ref) => {
      log(`verify ${ref}`);
      return { ok: true, items: [] };
    },
    verifyAttestations: async (ref, type) => {
      log(`verifyAttestations ${ref} ${type}`);
      return { ok: true, items: [] };
    },
  };
  return { calls, signer };
}

const GHCR_REF = `ghcr.io/acme/model@${IMG}`;
const COSIGN_ENV_KEY: SignIdentity = { kind: 'key', key: 'env://COSIGN_KEY' };
const DOCKER_CONFIGS = mkdtempSync(path.join(tmpdir(), 'ml-image-docker-config-'));
afterAll(() => rmSync(DOCKER_CONFIGS, { recursive: true, force: true }));

/** A DOCKER_CONFIG directory whose config.json is TEXT (or a directory, which cannot be read). */
function dockerConfig(name: string, text: string | undefined): string {
  const d = path.join(DOCKER_CONFIGS, name);
  mkdirSync(d, { recursive: true });
  if (text === undefined) mkdirSync(path.join(d, 'config.json'));
  else writeFileSync(path.join(d, 'config.json'), text);
  return d;
}

describe('nativeReaches: can the built-in client reach the registry as docker would', () => {
  const auth = Buffer.from('alice:secret').toString('base64');
  it.each<[string, string, () => Record<string, string>, boolean]>([
    ['a loopback registry', REF, () => ({}), true],
    ['a loopback registry with HTTPS_PROXY', REF, () => ({ HTTPS_PROXY: 'http://proxy:3128' }), true],
    ['ghcr.io, no proxy, no Docker config', GHCR_REF, () => ({}), true],
    ['ghcr.io with HTTPS_PROXY', GHCR_REF, () => ({ HTTPS_PROXY: 'http://proxy:3128' }), false],
    ['ghcr.io with https_proxy', GHCR_REF, () => ({ https_proxy: 'http://proxy:3128' }), false],
    ['ghcr.io with ALL_PROXY', GHCR_REF, () => ({ ALL_PROXY: 'socks5://proxy:1080' }), false],
    ...(
      [
        ['ghcr.io', true],
        ['.ghcr.io', true],
        ['*', true],
        ['other.example,ghcr.io:443', true],
        ['ghcr.io:5000', false],
        ['io.example', false],
      ] as const
    ).map(
      ([list, direct]) =>
        [
          `ghcr.io with HTTPS_PROXY and NO_PROXY=${list}`,
          GHCR_REF,
          () => ({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: list }),
          direct,
        ] as [string, string, () => Record<string, string>, boolean],
    ),
    [
      'ghcr.io with HTTPS_PROXY and no_proxy',
      GHCR_REF,
      () => ({ HTTPS_PROXY: 'http://p:1', no_proxy: 'ghcr.io' }),
      true,
    ],
    [
      'ghcr.io, an identity-token login',
      GHCR_REF,
      () => ({
        DOCKER_CONFIG: dockerConfig(
          'token',
          JSON.stringify({ auths: { 'ghcr.io': { identitytoken: 'rt' } } }),
        ),
      }),
      false,
    ],
    [
      'ghcr.io, a stored login (auth)',
      GHCR_REF,
      () => ({ DOCKER_CONFIG: dockerConfig('login', JSON.stringify({ auths: { 'ghcr.io': { auth } } })) }),
      true,
    ],
    [
      'ghcr.io, a config.json that is not JSON',
      GHCR_REF,
      () => ({ DOCKER_CONFIG: dockerConfig('bad', '{') }),
      false,
    ],
    [
      'ghcr.io, a config.json that cannot be read',
      GHCR_REF,
      () => ({ DOCKER_CONFIG: dockerConfig('unreadable', undefined) }),
      false,
    ],
  ])('%s -> %s', (_, ref, env, expected) => {
    expect(nativeReaches(ref, env())).toBe(expected);
  });
});

describe('createSigner: the calls that stay with cosign (review fixes)', () => {
  const KEY_ENV = { COSIGN_KEY: ENC, COSIGN_PASSWORD: PASSWORD };
  const FILE_PUB: VerifyIdentity = { kind: 'key', publicKey: FIXTURE_PUB };

  function make(env: Record<string, string>, o: { client?: boolean; failAttest?: number } = {}) {
    const registry = new MemoryRegistry();
    const events: string[] = [];
    const cosign = recordingCosign(events, o.failAttest);
    const signer = createSigner({
      env,
      tlog: false,
      cosign: () => cosign.signer,
      ...(o.client !== false
        ? { client: (host: string) => registry.client(host) }
        : { fetch: recordingFetch }),
    });
    return { registry, cosign, signer, events };
  }

  it('no client given, ghcr.io behind HTTPS_PROXY: sign, attestAll and verify go to cosign, nothing built in', async () => {
    network.urls.length = 0;
    const { cosign, signer } = make(
      { ...KEY_ENV, HTTPS_PROXY: 'http://proxy.invalid:3128' },
      { client: false },
    );
    await signer.sign(GHCR_REF, COSIGN_ENV_KEY);
    await signer.attestAll(GHCR_REF, [SBOM_FILE, SMOKE_FILE], COSIGN_ENV_KEY);
    await signer.verify(GHCR_REF, FILE_PUB);
    await signer.verifyAttestations(GHCR_REF, 'cyclonedx', FILE_PUB);
    expect(cosign.calls).toEqual([
      `sign ${GHCR_REF}`,
      `attest ${GHCR_REF} cyclonedx`,
      `attest ${GHCR_REF} ${SMOKE_URI}`,
      `verify ${GHCR_REF}`,
      `verifyAttestations ${GHCR_REF} cyclonedx`,
    ]);
    expect(network.urls).toEqual([]);

    // The control: without the proxy the same call is built in, and reaches the (replaced) HTTP.
    const direct = make(KEY_ENV, { client: false });
    expect(await rejection(direct.signer.sign(GHCR_REF, COSIGN_ENV_KEY))).toBeInstanceOf(EnvironmentError);
    expect(direct.cosign.calls).toEqual([]);
    expect(network.urls.length).toBeGreaterThan(0);
    expect(network.urls.every((u) => u.startsWith('https://ghcr.io/v2/acme/model/'))).toBe(true);
  });

  it('a given client does not make a registry reachable: behind HTTPS_PROXY the calls go to cosign', async () => {
    const { cosign, signer, registry } = make({ ...KEY_ENV, HTTPS_PROXY: 'http://proxy.invalid:3128' });
    await signer.sign(GHCR_REF, COSIGN_ENV_KEY);
    await signer.verify(GHCR_REF, FILE_PUB);
    expect(cosign.calls).toEqual([`sign ${GHCR_REF}`, `verify ${GHCR_REF}`]);
    expect(registry.calls).toEqual([]);
  });

  it('the registry reader: a digest the registry does not have is a failed check (exit 1), as through buildx', async () => {
    const registry = new MemoryRegistry();
    const inspect = registryInspector((h) => registry.client(h));
    const err = await inspect.imagetoolsInspect(`localhost:5000/acme/model@${IMG}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckFailedError);
    expect((err as CheckFailedError).exitCode).toBe(1);
    expect((err as Error).message).toMatch(/has no image localhost:5000\/acme\/model@sha256:/);
  });

  // Finding: a repository that does not exist got "check the digest": the registry's tag list
  // (NAME_UNKNOWN) says the repository is what is unknown.
  it.each([
    [
      'no such repository',
      async () => false as const,
      /^registry localhost:5000 has no image localhost:5000\/acme\/nothere@sha256:\w+, and knows no repository acme\/nothere or none with a tag in it \(its tag list answered NAME_UNKNOWN\)$/,
      /^check the repository name/,
    ],
    [
      'the repository is there',
      async () => true as const,
      /^registry localhost:5000 has no image localhost:5000\/acme\/nothere@sha256:\w+ \(its repository is there\)$/,
      /^check the digest/,
    ],
    [
      'the registry does not say',
      async () => undefined,
      /^registry localhost:5000 has no image localhost:5000\/acme\/nothere@sha256:\w+$/,
      /^check the digest/,
    ],
    [
      'the tag list fails',
      () => Promise.reject(new Error('ECONNRESET')),
      /^registry localhost:5000 has no image localhost:5000\/acme\/nothere@sha256:\w+$/,
      /^check the digest/,
    ],
  ])(
    'the registry reader: a digest the registry does not have, %s (exit 1)',
    async (_, known, message, fix) => {
      const registry = new MemoryRegistry();
      const client = { ...registry.client('localhost:5000'), hasRepository: known };
      const inspect = registryInspector(() => client);
      const err = (await inspect
        .imagetoolsInspect(`localhost:5000/acme/nothere@${IMG}`)
        .catch((e: unknown) => e)) as CheckFailedError;
      expect(err).toBeInstanceOf(CheckFailedError);
      expect(err.exitCode).toBe(1);
      expect(err.message).toMatch(message);
      expect(err.fix).toMatch(fix);
    },
  );

  it("the registry reader names a single image's platform from its config; an index has none", async () => {
    const registry = new MemoryRegistry();
    const config = registry.putBlob(
      Buffer.from(JSON.stringify({ os: 'linux', architecture: 'arm', variant: 'v7' })),
    );
    const image = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { digest: config, size: 1 },
        layers: [],
      }),
    );
    const digest = registry.put(HOST, REPO, 'single', OCI_MANIFEST, image);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        manifests: [{ digest, platform: { os: 'linux', architecture: 'arm' } }],
      }),
    );
    const indexDigest = registry.put(HOST, REPO, 'multi', 'application/vnd.oci.image.index.v1+json', index);
    const reader = registryInspector((h) => registry.client(h));
    await reader.imagetoolsInspect(`${HOST}/${REPO}@${digest}`);
    expect(await reader.imagePlatform(`${HOST}/${REPO}@${digest}`)).toBe('linux/arm/v7');
    expect(await reader.imagePlatform(`${HOST}/${REPO}@${indexDigest}`)).toBeUndefined();
    // The image's manifest is read once for both questions.
    expect(registry.calls.filter((c) => c.op === 'manifest' && c.ref === digest)).toHaveLength(1);
  });

  it('verifyDeps: behind a proxy the index is read through docker; direct, over the registry client', () => {
    const given = { inspect: async () => ({ mediaType: '', platforms: [] }) };
    const docker = { imagetoolsInspect: given.inspect, imagePlatform: async () => undefined };
    const proxied = verifyDeps({ HTTPS_PROXY: 'http://proxy.invalid:3128' }, GHCR_REF, FILE_PUB, false, {
      docker: () => docker,
    });
    expect(proxied.docker).toBe(docker);
    const direct = verifyDeps({}, `localhost:5000/acme/model@${IMG}`, FILE_PUB, false, {
      docker: () => docker,
    });
    expect(direct.docker).not.toBe(docker);
    // A keyless identity always goes through docker and cosign.
    const keyless = verifyDeps(
      {},
      `localhost:5000/acme/model@${IMG}`,
      { kind: 'keyless', certificateIdentityRegexp: '^x', certificateOidcIssuer: 'https://i' },
      false,
      { docker: () => docker },
    );
    expect(keyless.docker).toBe(docker);
  });

  it('an ed25519 key in COSIGN_KEY with a given client: sign and attestAll go to cosign', async () => {
    const { registry, cosign, signer } = make({ COSIGN_KEY: ED25519_ENC, COSIGN_PASSWORD: PASSWORD });
    await signer.sign(REF, COSIGN_ENV_KEY);
    await signer.attestAll(REF, [SBOM_FILE, SMOKE_FILE], COSIGN_ENV_KEY);
    expect(cosign.calls).toEqual([`sign ${REF}`, `attest ${REF} cyclonedx`, `attest ${REF} ${SMOKE_URI}`]);
    expect(registry.count('putManifest')).toBe(0);
  });

  it('the P-256 fixture key with a given client stays built in', async () => {
    const { registry, cosign, signer } = make(KEY_ENV);
    await signer.sign(REF, COSIGN_ENV_KEY);
    await signer.attestAll(REF, [SBOM_FILE], COSIGN_ENV_KEY);
    expect(cosign.calls).toEqual([]);
    expect(layersAt(registry, IMG, 'sig')).toHaveLength(1);
    expect(layersAt(registry, IMG, 'att')).toHaveLength(1);
  });

  it('a wrong COSIGN_PASSWORD: InputError (exit 2) from sign and attestAll, cosign not called', async () => {
    const { cosign, signer, registry } = make({ COSIGN_KEY: ENC, COSIGN_PASSWORD: 'not-it' });
    for (const p of [signer.sign(REF, COSIGN_ENV_KEY), signer.attestAll(REF, [SBOM_FILE], COSIGN_ENV_KEY)]) {
      const err = await rejection(p);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).exitCode).toBe(ExitCode.BadInput);
    }
    expect(cosign.calls).toEqual([]);
    expect(registry.count('putManifest')).toBe(0);
  });

  it('attestAll, built in: onAttached for every index, once the .att update is on the registry', async () => {
    const { registry, signer } = make(KEY_ENV);
    const seen: [number, number][] = [];
    await signer.attestAll(REF, [SBOM_FILE, SMOKE_FILE], COSIGN_ENV_KEY, undefined, (i) =>
      seen.push([i, layersAt(registry, IMG, 'att').length]),
    );
    expect(seen).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('attestAll through cosign: onAttached after each attest; a second attest failing reports index 0 only', async () => {
    const cosignEnv = { ...KEY_ENV, ML_IMAGE_SIGNER: 'cosign' };
    const ok = make(cosignEnv);
    await ok.signer.attestAll(REF, [SBOM, SMOKE], COSIGN_ENV_KEY, undefined, (i) =>
      ok.events.push(`attached ${i}`),
    );
    expect(ok.events).toEqual([
      `attest ${REF} cyclonedx`,
      'attached 0',
      `attest ${REF} ${SMOKE_URI}`,
      'attached 1',
    ]);

    const failing = make(cosignEnv, { failAttest: 1 });
    const reported: number[] = [];
    const err = await rejection(
      failing.signer.attestAll(REF, [SBOM, SLSA, SMOKE], COSIGN_ENV_KEY, undefined, (i) => reported.push(i)),
    );
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(reported).toEqual([0]);
    expect(failing.cosign.calls).toEqual([`attest ${REF} cyclonedx`]);
  });
});

describe('the built-in signer (review fixes)', () => {
  it('a non-P-256 signing key: sign rejects with an InputError naming ML_IMAGE_SIGNER=cosign, nothing written', async () => {
    const { registry, signer } = setup(() => ED25519);
    const err = await rejection(signer.sign(REF, KEY));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain('ed25519');
    expect((err as InputError).fix).toContain('ML_IMAGE_SIGNER=cosign');
    expect(registry.count('putManifest')).toBe(0);
  });

  it.each(['index.docker.io', 'registry-1.docker.io'])(
    '%s/foo: signed as index.docker.io/library/foo, on that host',
    async (host) => {
      const { registry, signer } = setup();
      const ref = `${host}/foo@${IMG}`;
      await signer.sign(ref, KEY);
      const layers = layersAt(registry, IMG, 'sig', host, 'library/foo');
      expect(layers).toHaveLength(1);
      const payload = JSON.parse(registry.blobs.get(layers[0]!.digest)!.toString('utf8')) as {
        critical: { identity: { 'docker-reference': string }; image: { 'docker-manifest-digest': string } };
      };
      expect(payload.critical.identity['docker-reference']).toBe('index.docker.io/library/foo');
      expect(payload.critical.image['docker-manifest-digest']).toBe(IMG);
      expect(registry.calls.every((c) => c.host === host && c.repository === 'library/foo')).toBe(true);
      expect((await signer.verify(ref, PUB)).ok).toBe(true);
    },
  );
});

describe('preconnect: connections opened as the build starts, for the built-in signer only', () => {
  const envKey = { kind: 'key', key: 'env://COSIGN_KEY' } as const;
  it.each<[string, string, Record<string, string>, SignIdentity, boolean, number | undefined]>([
    [
      'a loopback registry, a key the built-in signer takes',
      'localhost:5000/acme/app',
      { COSIGN_KEY: ENC },
      envKey,
      false,
      6,
    ],
    ['ghcr.io, no proxy', 'ghcr.io/acme/app', { COSIGN_KEY: ENC }, envKey, false, 6],
    [
      'ghcr.io behind HTTPS_PROXY (cosign signs)',
      'ghcr.io/acme/app',
      { COSIGN_KEY: ENC, HTTPS_PROXY: 'http://p:3128' },
      envKey,
      false,
      undefined,
    ],
    [
      'the transparency log (cosign signs)',
      'localhost:5000/acme/app',
      { COSIGN_KEY: ENC },
      envKey,
      true,
      undefined,
    ],
    [
      'ML_IMAGE_SIGNER=cosign',
      'localhost:5000/acme/app',
      { COSIGN_KEY: ENC, ML_IMAGE_SIGNER: 'cosign' },
      envKey,
      false,
      undefined,
    ],
    [
      'a KMS key (cosign signs)',
      'localhost:5000/acme/app',
      {},
      { kind: 'key', key: 'awskms:///alias/x' },
      false,
      undefined,
    ],
  ])('%s', (_n, repository, env, identity, tlog, want) => {
    const warmed: [string, number][] = [];
    const client = (host: string) =>
      ({ host, warm: async (n: number) => void warmed.push([host, n]) }) as unknown as OciClient;
    preconnect(repository, identity, env, tlog, 6, client);
    expect(warmed).toEqual(want === undefined ? [] : [[repository.slice(0, repository.indexOf('/')), want]]);
  });
});
