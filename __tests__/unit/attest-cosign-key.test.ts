// cosign's key-mode formats in process (src/attest/cosign-key.ts) and the cosign images kept next
// to a signed image (src/attest/cosign-image.ts), as tables: the real cosign's fixture key decrypts
// to its public key, bad keys and passwords are exit 2 naming the source (never the password), the
// payloads and the DSSE encoding are byte for byte what cosign and the DSSE spec say, and the
// `.sig` config is the very blob cosign 2.5.3 pushed to the test registry.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  COSIGN_TYPE_URIS,
  cosignImage,
  cosignTag,
  DSSE_MEDIA_TYPE,
  envelopePredicateType,
  hasSignature,
  keptAttestations,
  type Layer,
  OCI_MANIFEST,
  predicateTypeUri,
  readLayers,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
} from '../../src/attest/cosign-image.js';
import {
  decryptCosignKey,
  isP256,
  type DsseEnvelope,
  IN_TOTO_STATEMENT_V01,
  inTotoStatement,
  isEncryptedCosignKey,
  openEnvelope,
  strictBase64,
  pae,
  parseP256PublicKey,
  publicKeysKept,
  publicKeyOf,
  signBytes,
  signEnvelope,
  simpleSigningPayload,
  verifyBytes,
} from '../../src/attest/cosign-key.js';
import { IN_TOTO_PAYLOAD_TYPE } from '../../src/attest/cosign-args.js';
import { sha256Digest } from '../../src/docker/oci-client.js';
import { ExitCode, InputError } from '../../src/errors.js';
import { FIXTURE_PASSWORD, fixtureKeys, fixture, pem, sealKey } from '../helpers/cosign-keys.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const PASSWORD = FIXTURE_PASSWORD;

const pubDer = (k: KeyObject) =>
  (k.type === 'public' ? k : createPublicKey(k)).export({ type: 'spki', format: 'der' });

const pkcs8 = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'der' });

/** The InputError FN rejects with (fails the test when it resolves or throws anything else). */
async function inputError(fn: () => Promise<unknown>): Promise<InputError> {
  const err = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).exitCode).toBe(ExitCode.BadInput);
  return err as InputError;
}

let fixtureKey: KeyObject;
let otherKey: KeyObject;
beforeAll(async () => {
  [fixtureKey, otherKey] = await fixtureKeys();
});

describe('decryptCosignKey: keys made by `cosign generate-key-pair`', () => {
  it.each([
    ['fixture.key', 'fixture.pub'],
    ['other.key', 'other.pub'],
  ])('%s decrypts to the private key of %s (ECDSA P-256)', async (key, pub) => {
    const k = key === 'fixture.key' ? fixtureKey : otherKey;
    expect(k.type).toBe('private');
    expect(k.asymmetricKeyType).toBe('ec');
    expect(k.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(pubDer(publicKeyOf(k)).equals(pubDer(createPublicKey(fixture(pub))))).toBe(true);
  });

  it('the two fixture keys differ', () => {
    expect(pubDer(fixtureKey).equals(pubDer(otherKey))).toBe(false);
  });

  it.each(['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'])(
    'a P-256 key under "%s" round-trips',
    async (type) => {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const key = await decryptCosignKey(sealKey(pkcs8(privateKey), 'pw', { type }), 'pw', 'k');
      expect(pubDer(key).equals(pubDer(privateKey))).toBe(true);
    },
  );

  it.each([
    ['a wrong password', 'not-the-password'],
    ['an empty password', ''],
  ])('%s: InputError naming the source and COSIGN_PASSWORD, never the password', async (_, pw) => {
    const err = await inputError(() => decryptCosignKey(fixture('fixture.key'), pw, 'env COSIGN_KEY'));
    expect(err.message).toContain('env COSIGN_KEY');
    expect(err.message).toContain('COSIGN_PASSWORD');
    expect(err.message).toMatch(/wrong password/);
    if (pw !== '') {
      expect(err.message).not.toContain(pw);
      expect(err.fix ?? '').not.toContain(pw);
    }
    expect(err.message).not.toContain(PASSWORD);
  });

  it('COSIGN_PASSWORD not set: says so, not "wrong password" (finding: an unset one read as wrong)', async () => {
    const err = await inputError(() => decryptCosignKey(fixture('fixture.key'), '', 'env COSIGN_KEY', false));
    expect(err.message).toBe(
      'env COSIGN_KEY: the signing key has a password and COSIGN_PASSWORD is empty or not set (a secret missing in the workflow reads as empty)',
    );
    expect(err.fix).toMatch(/set COSIGN_PASSWORD/);
  });

  it('a password is never in any message, even one made of key text', async () => {
    const pw = 'hunter2-secret-pw';
    const err = await inputError(() =>
      decryptCosignKey(
        sealKey(pkcs8(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey), 'x'),
        pw,
        's',
      ),
    );
    expect(`${err.message} ${err.fix}`).not.toContain(pw);
  });

  const notJson = pem('ENCRYPTED SIGSTORE PRIVATE KEY', Buffer.from('{"kdf": not json'));
  const wrongKdf = pem(
    'ENCRYPTED SIGSTORE PRIVATE KEY',
    Buffer.from(
      JSON.stringify({
        kdf: { name: 'pbkdf2', params: { N: 1024, r: 8, p: 1 }, salt: 'AA==' },
        cipher: { name: 'nacl/secretbox', nonce: 'AA==' },
        ciphertext: 'AA==',
      }),
    ),
  );
  const missingCipher = pem(
    'ENCRYPTED COSIGN PRIVATE KEY',
    Buffer.from(JSON.stringify({ kdf: { name: 'scrypt', params: { N: 1024, r: 8, p: 1 }, salt: 'AA==' } })),
  );
  it.each([
    ['a public key', () => fixture('fixture.pub'), /not a cosign private key.*"PUBLIC KEY"/],
    [
      'a plain PKCS#8 private key',
      () =>
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
          type: 'pkcs8',
          format: 'pem',
        }),
      /not a cosign private key.*"PRIVATE KEY"/,
    ],
    ['no PEM at all', () => 'just some text', /not a cosign private key.*no PEM block/],
    ['an empty text', () => '', /no PEM block/],
    ['corrupt JSON inside the PEM', () => notJson, /not scrypt \+ nacl\/secretbox JSON/],
    ['another KDF', () => wrongKdf, /not scrypt \+ nacl\/secretbox JSON/],
    ['no cipher', () => missingCipher, /not scrypt \+ nacl\/secretbox JSON/],
  ])('%s: InputError naming the source', async (_, text, message) => {
    const err = await inputError(() => decryptCosignKey(String(text()), PASSWORD, '/keys/cosign.key'));
    expect(err.message).toMatch(/^\/keys\/cosign\.key: /);
    expect(err.message).toMatch(message);
  });

  it('an scrypt N that is not a power of two: InputError naming the source', async () => {
    const sealed = JSON.parse(
      Buffer.from(
        sealKey(Buffer.from('x'), 'pw')
          .replace(/-----[A-Z ]+-----/g, '')
          .replace(/\s+/g, ''),
        'base64',
      ).toString('utf8'),
    ) as { kdf: { params: { N: number } } };
    sealed.kdf.params.N = 1000;
    const text = pem('ENCRYPTED SIGSTORE PRIVATE KEY', Buffer.from(JSON.stringify(sealed)));
    const err = await inputError(() => decryptCosignKey(text, 'pw', 'the-key'));
    expect(err.message).toMatch(/^the-key: scrypt/);
  });

  it.each([
    ['ed25519', () => generateKeyPairSync('ed25519').privateKey, 'ed25519'],
    ['P-384', () => generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey, 'ec'],
    ['RSA', () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey, 'rsa'],
  ])(
    'an encrypted %s key decrypts as what it is, and is not P-256 (cosign signs with it)',
    async (_, make, kind) => {
      const text = sealKey(pkcs8(make()), 'pw');
      expect(isEncryptedCosignKey(text)).toBe(true);
      const key = await decryptCosignKey(text, 'pw', 'COSIGN_KEY');
      expect(key.asymmetricKeyType).toBe(kind);
      expect(isP256(key)).toBe(false);
    },
  );

  it('an encrypted blob that is not PKCS#8: InputError naming the source', async () => {
    const err = await inputError(() =>
      decryptCosignKey(sealKey(Buffer.from('not a DER key'), 'pw'), 'pw', 'the-key'),
    );
    expect(err.message).toMatch(/^the-key: /);
  });
});

describe('isEncryptedCosignKey', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  it.each([
    ['the fixture key', fixture('fixture.key'), true],
    ['the older PEM name', pem('ENCRYPTED COSIGN PRIVATE KEY', Buffer.from('{}')), true],
    ['text around the PEM block', `# my key\n${fixture('other.key')}\ntrailing`, true],
    ['a public key', fixture('fixture.pub'), false],
    ['a plain private key', String(ec.export({ type: 'pkcs8', format: 'pem' })), false],
    ['an encrypted PKCS#8 key', pem('ENCRYPTED PRIVATE KEY', Buffer.from('x')), false],
    [
      'mismatched BEGIN/END',
      '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nAA==\n-----END PUBLIC KEY-----',
      false,
    ],
    ['a path', '/home/u/cosign.key', false],
    ['empty', '', false],
  ])('%s -> %s', (_, text, expected) => {
    expect(isEncryptedCosignKey(text)).toBe(expected);
  });
});

describe('parseP256PublicKey', () => {
  const spki = (k: KeyObject) => String(k.export({ type: 'spki', format: 'pem' }));
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
  const ed = generateKeyPairSync('ed25519').publicKey;
  it.each([
    ['fixture.pub', fixture('fixture.pub'), true],
    ['other.pub', fixture('other.pub'), true],
    ['a fresh P-256 key', spki(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey), true],
    ['P-384', spki(p384), false],
    ['RSA', spki(rsa), false],
    ['ed25519', spki(ed), false],
    ['a private key', fixture('fixture.key'), false],
    ['a PUBLIC KEY block of garbage', pem('PUBLIC KEY', Buffer.from('garbage')), false],
    ['garbage', 'not a key', false],
    ['empty', '', false],
  ])('%s -> %s', (_, text, ok) => {
    const key = parseP256PublicKey(text);
    expect(key !== undefined).toBe(ok);
    if (ok) expect(key!.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('the same text is parsed once: the same key object; a refused text stays refused', () => {
    const text = fixture('fixture.pub');
    expect(parseP256PublicKey(text)).toBe(parseP256PublicKey(text));
    expect(parseP256PublicKey(spki(p384))).toBeUndefined();
    expect(parseP256PublicKey(spki(p384))).toBeUndefined();
  });

  it('a private key given by mistake is refused and never kept', () => {
    const text = fixture('fixture.key');
    expect(parseP256PublicKey(text)).toBeUndefined();
    expect(publicKeysKept().includes(text)).toBe(false);
  });

  it('fixture.pub is the public key of fixture.key', () => {
    expect(pubDer(parseP256PublicKey(fixture('fixture.pub'))!).equals(pubDer(fixtureKey))).toBe(true);
  });
});

describe('signBytes / verifyBytes', () => {
  it('ECDSA over SHA-256, DER: verifies with the public key only', () => {
    const data = Buffer.from('data');
    const sig = signBytes(fixtureKey, data);
    expect(sig[0]).toBe(0x30); // ASN.1 SEQUENCE
    const pub = parseP256PublicKey(fixture('fixture.pub'))!;
    expect(verifyBytes(pub, data, sig)).toBe(true);
    expect(verifyBytes(pub, Buffer.from('other'), sig)).toBe(false);
    expect(verifyBytes(parseP256PublicKey(fixture('other.pub'))!, data, sig)).toBe(false);
    expect(verifyBytes(pub, data, Buffer.alloc(0))).toBe(false);
    expect(verifyBytes(pub, data, Buffer.from('garbage'))).toBe(false);
  });
});

const BENCH_REPO = 'localhost:5000/ml-image-bench/attest';
const BENCH_DIGEST = 'sha256:c6e01778f0bf5fb892611c890c0197baf8cd46a988a93478a47d161d8a87742f';
/** What cosign 2.5.3 signed for BENCH_REPO@BENCH_DIGEST (read back from the test registry). */
const COSIGN_PAYLOAD =
  '{"critical":{"identity":{"docker-reference":"localhost:5000/ml-image-bench/attest"},"image":{"docker-manifest-digest":"sha256:c6e01778f0bf5fb892611c890c0197baf8cd46a988a93478a47d161d8a87742f"},"type":"cosign container image signature"},"optional":null}';
const COSIGN_LAYER_DIGEST = 'sha256:f5922f434f7a3bde96f91a9fc16ffcdb461f85250ca65ad1922b27eb85accc14';
const COSIGN_CONFIG =
  '{"architecture":"","created":"0001-01-01T00:00:00Z","history":[{"created":"0001-01-01T00:00:00Z"}],"os":"","rootfs":{"type":"layers","diff_ids":["sha256:f5922f434f7a3bde96f91a9fc16ffcdb461f85250ca65ad1922b27eb85accc14"]},"config":{}}';
const COSIGN_CONFIG_DIGEST = 'sha256:d77ffe2c933056cdef473cf212b2f60cf863e94d08dc1c4e4c749257f69a713f';

describe('payloads', () => {
  it('simpleSigningPayload is byte for byte what cosign signed', () => {
    const payload = simpleSigningPayload(BENCH_REPO, BENCH_DIGEST);
    expect(payload.toString('utf8')).toBe(COSIGN_PAYLOAD);
    expect(sha256Digest(payload)).toBe(COSIGN_LAYER_DIGEST);
  });

  it('inTotoStatement: key order, subject digest without the algorithm prefix', () => {
    const bytes = inTotoStatement('ghcr.io/o/app', BENCH_DIGEST, 'https://slsa.dev/provenance/v1', {
      b: 1,
      a: [true],
    });
    expect(bytes.toString('utf8')).toBe(
      '{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://slsa.dev/provenance/v1",' +
        '"subject":[{"name":"ghcr.io/o/app","digest":{"sha256":"c6e01778f0bf5fb892611c890c0197baf8cd46a988a93478a47d161d8a87742f"}}],' +
        '"predicate":{"b":1,"a":[true]}}',
    );
    expect(Object.keys(JSON.parse(bytes.toString('utf8')) as object)).toEqual([
      '_type',
      'predicateType',
      'subject',
      'predicate',
    ]);
  });

  it("the docs name the statement's _type the signers write (cosign's v0.1), and no other", () => {
    expect(IN_TOTO_STATEMENT_V01).toBe('https://in-toto.io/Statement/v0.1');
    const attestations = readFileSync(path.join(REPO_ROOT, 'docs', 'attestations.md'), 'utf8');
    expect(attestations).toContain(`\`_type: ${IN_TOTO_STATEMENT_V01}\``);
    const docs = readdirSync(path.join(REPO_ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.join('docs', f));
    for (const file of [...docs, 'README.md'])
      expect(readFileSync(path.join(REPO_ROOT, file), 'utf8'), file).not.toMatch(/Statement\/v1\b/);
  });

  it.each([
    [
      'the DSSE spec vector',
      'http://example.com/HelloWorld',
      'hello world',
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    ],
    ['empty type and payload', '', '', 'DSSEv1 0  0 '],
    ['lengths in bytes, not characters', 'tüp', 'é', 'DSSEv1 4 tüp 2 é'],
  ])('pae: %s', (_, type, payload, expected) => {
    expect(pae(type, Buffer.from(payload)).toString('utf8')).toBe(expected);
  });
});

describe('strictBase64: base64 as cosign (Go) reads it', () => {
  it.each<[string, string | undefined]>([
    ['aGk=', 'hi'],
    ['aGk', undefined], // no padding
    ['a*Gk=', undefined], // a character outside the alphabet
    ['-_8=', undefined], // the URL-safe alphabet
    ['aG\nk=', 'hi'], // line breaks are ignored, as Go does
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(strictBase64(text)?.toString('latin1')).toBe(expected);
  });

  it('the URL-safe alphabet, when asked (DSSE signatures): with its padding only', () => {
    expect(strictBase64('-_8=', true)?.toString('hex')).toBe('fbff');
    expect(strictBase64('-_8', true)).toBeUndefined();
    expect(strictBase64('-_8=')).toBeUndefined();
  });
});

describe('signEnvelope / openEnvelope', () => {
  const statement = inTotoStatement(BENCH_REPO, BENCH_DIGEST, 'https://cyclonedx.org/bom', { ok: '+/?>' });
  const urlSafe = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');
  let envelope: Buffer;
  let pub: KeyObject;
  beforeAll(() => {
    envelope = signEnvelope(fixtureKey, statement);
    pub = parseP256PublicKey(fixture('fixture.pub'))!;
  });
  const edit = (change: (e: DsseEnvelope) => unknown) => {
    const e = JSON.parse(envelope.toString('utf8')) as DsseEnvelope;
    change(e);
    return Buffer.from(JSON.stringify(e));
  };

  it('the envelope: in-toto type, the statement in base64, one signature over PAE', () => {
    const e = JSON.parse(envelope.toString('utf8')) as DsseEnvelope;
    expect(Object.keys(e)).toEqual(['payloadType', 'payload', 'signatures']);
    expect(e.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    expect(Buffer.from(e.payload, 'base64').equals(statement)).toBe(true);
    expect(e.signatures).toHaveLength(1);
    expect(e.signatures[0]!.keyid).toBe('');
    const sig = Buffer.from(e.signatures[0]!.sig, 'base64');
    expect(verifyBytes(pub, pae(IN_TOTO_PAYLOAD_TYPE, statement), sig)).toBe(true);
    expect(verifyBytes(pub, statement, sig)).toBe(false); // the PAE is signed, not the bare payload
  });

  it('round trip: the statement back with the public key (or the private key)', () => {
    expect(openEnvelope(pub, envelope)?.equals(statement)).toBe(true);
    expect(openEnvelope(fixtureKey, envelope)?.equals(statement)).toBe(true);
  });

  const tampered = inTotoStatement(BENCH_REPO, BENCH_DIGEST, 'https://cyclonedx.org/bom', { ok: false });
  it.each<[string, () => Buffer, () => KeyObject]>([
    ['a tampered payload', () => edit((e) => (e.payload = tampered.toString('base64'))), () => pub],
    ['another key', () => envelope, () => parseP256PublicKey(fixture('other.pub'))!],
    ['another payload type', () => edit((e) => (e.payloadType = 'application/json')), () => pub],
    ['no signatures', () => edit((e) => (e.signatures = [])), () => pub],
    ['null signatures', () => edit((e) => ((e as { signatures: unknown }).signatures = null)), () => pub],
    ['a garbled signature', () => edit((e) => (e.signatures[0]!.sig = 'AAAA')), () => pub],
    ['not JSON', () => Buffer.from('not json'), () => pub],
    ['JSON but no envelope', () => Buffer.from('{"payload":1}'), () => pub],
    // Text Node would decode but cosign (Go's base64) would not: the envelope does not verify.
    [
      'the payload without its padding',
      () => edit((e) => (e.payload = e.payload.replace(/=+$/, ''))),
      () => pub,
    ],
    ['the payload in the URL-safe alphabet', () => edit((e) => (e.payload = urlSafe(e.payload))), () => pub],
    [
      'a stray character in the signature',
      () => edit((e) => (e.signatures[0]!.sig = `*${e.signatures[0]!.sig}`)),
      () => pub,
    ],
    [
      'a first signature that is not base64',
      () => edit((e) => e.signatures.unshift({ keyid: '', sig: '!!!' })),
      () => pub,
    ],
  ])('%s: undefined', (_, bytes, key) => {
    expect(openEnvelope(key(), bytes())).toBeUndefined();
  });

  it('a signature in the URL-safe alphabet (DSSE takes it): opens', () => {
    // A signature whose text has a '+' or '/' (ECDSA signatures differ each time), so that the
    // URL-safe text really differs from the standard one.
    let sig = '';
    while (!/[+/]/.test(sig))
      sig = (JSON.parse(signEnvelope(fixtureKey, statement).toString('utf8')) as DsseEnvelope).signatures[0]!
        .sig;
    const e = edit((x) => (x.signatures[0]!.sig = urlSafe(sig)));
    expect(urlSafe(sig)).not.toBe(sig);
    expect(openEnvelope(pub, e)?.equals(statement)).toBe(true);
  });

  it('another signature next to a valid one: still opens (one of them verifies)', () => {
    const other = signEnvelope(otherKey, statement);
    const both = edit((e) =>
      e.signatures.unshift((JSON.parse(other.toString('utf8')) as DsseEnvelope).signatures[0]!),
    );
    expect(openEnvelope(pub, both)?.equals(statement)).toBe(true);
  });
});

// --- cosign-image.ts ----------------------------------------------------------------------------

const sigLayer = (payload: Buffer, signature: string | undefined): Layer => ({
  mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
  size: payload.length,
  digest: sha256Digest(payload),
  ...(signature !== undefined && { annotations: { [SIGNATURE_ANNOTATION]: signature } }),
});

describe('cosignImage', () => {
  it('the config of one signature layer is the blob cosign pushed, with its digest', () => {
    const layer = sigLayer(Buffer.from(COSIGN_PAYLOAD), 'c2ln');
    expect(layer.digest).toBe(COSIGN_LAYER_DIGEST);
    const { config } = cosignImage([layer]);
    expect(config.toString('utf8')).toBe(COSIGN_CONFIG);
    expect(sha256Digest(config)).toBe(COSIGN_CONFIG_DIGEST);
  });

  it('history and diff_ids follow the layers (none, three)', () => {
    const parse = (b: Buffer) =>
      JSON.parse(b.toString('utf8')) as { history: unknown[]; rootfs: { diff_ids: string[] } };
    expect(parse(cosignImage([]).config)).toMatchObject({ history: [], rootfs: { diff_ids: [] } });
    const layers = ['a', 'b', 'c'].map((x) => sigLayer(Buffer.from(x), undefined));
    const three = parse(cosignImage(layers).config);
    expect(three.history).toHaveLength(3);
    expect(three.rootfs.diff_ids).toEqual(layers.map((l) => l.digest));
  });

  it('the manifest: OCI media types, field order, the config by size and digest, layers as given', () => {
    const layers = [
      sigLayer(Buffer.from(COSIGN_PAYLOAD), 'c2ln'),
      {
        mediaType: DSSE_MEDIA_TYPE,
        size: 3,
        digest: sha256Digest('env'),
        annotations: { predicateType: 'x' },
      },
    ];
    const image = cosignImage(layers);
    const text = image.manifest(COSIGN_CONFIG_DIGEST).toString('utf8');
    const m = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(m)).toEqual(['schemaVersion', 'mediaType', 'config', 'layers']);
    expect(m).toEqual({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        size: image.config.length,
        digest: COSIGN_CONFIG_DIGEST,
      },
      layers,
    });
    expect(OCI_MANIFEST).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(Object.keys(m.config as object)).toEqual(['mediaType', 'size', 'digest']);
    expect(text).toContain(
      `"layers":[{"mediaType":"${SIMPLE_SIGNING_MEDIA_TYPE}","size":${COSIGN_PAYLOAD.length},"digest":"${COSIGN_LAYER_DIGEST}","annotations":{"${SIGNATURE_ANNOTATION}":"c2ln"}}`,
    );
  });

  it('media type constants are cosign’s', () => {
    expect(SIMPLE_SIGNING_MEDIA_TYPE).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
    expect(DSSE_MEDIA_TYPE).toBe('application/vnd.dsse.envelope.v1+json');
    expect(SIGNATURE_ANNOTATION).toBe('dev.cosignproject.cosign/signature');
  });
});

describe('cosignTag / predicateTypeUri', () => {
  it.each([
    [BENCH_DIGEST, 'sig', 'sha256-c6e01778f0bf5fb892611c890c0197baf8cd46a988a93478a47d161d8a87742f.sig'],
    [BENCH_DIGEST, 'att', 'sha256-c6e01778f0bf5fb892611c890c0197baf8cd46a988a93478a47d161d8a87742f.att'],
  ] as const)('%s %s -> %s', (digest, suffix, tag) => {
    expect(cosignTag(digest, suffix)).toBe(tag);
  });

  it.each([
    ['slsaprovenance', 'https://slsa.dev/provenance/v0.2'],
    ['slsaprovenance02', 'https://slsa.dev/provenance/v0.2'],
    ['slsaprovenance1', 'https://slsa.dev/provenance/v1'],
    ['link', 'https://in-toto.io/Link/v1'],
    ['spdx', 'https://spdx.dev/Document'],
    ['spdxjson', 'https://spdx.dev/Document'],
    ['cyclonedx', 'https://cyclonedx.org/bom'],
    ['vuln', 'https://cosign.sigstore.dev/attestation/vuln/v1'],
    ['openvex', 'https://openvex.dev/ns'],
    ['custom', 'https://cosign.sigstore.dev/attestation/v1'],
    ['https://ml-image.dev/smoke/v1', 'https://ml-image.dev/smoke/v1'],
    ['https://slsa.dev/provenance/v1', 'https://slsa.dev/provenance/v1'],
  ])('%s -> %s', (name, uri) => {
    expect(predicateTypeUri(name)).toBe(uri);
  });

  it('the table covers every cosign --type name the argv builder allows', async () => {
    const { COSIGN_PREDICATE_TYPES } = await import('../../src/attest/cosign-args.js');
    for (const t of COSIGN_PREDICATE_TYPES) expect(COSIGN_TYPE_URIS[t], t).toMatch(/^https:\/\//);
  });
});

const manifestOf = (value: unknown) => ({
  mediaType: OCI_MANIFEST,
  digest: 'sha256:00',
  bytes: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

describe('readLayers', () => {
  const good = sigLayer(Buffer.from('p'), 'c2ln');
  it.each<[string, ReturnType<typeof manifestOf> | undefined, Layer[]]>([
    ['no manifest (no tag)', undefined, []],
    ['an image index', manifestOf({ schemaVersion: 2, manifests: [{ digest: 'sha256:1' }] }), []],
    ['layers not a list', manifestOf({ layers: { a: 1 } }), []],
    ['an empty list', manifestOf({ layers: [] }), []],
    ['a cosign image', manifestOf({ layers: [good] }), [good]],
    [
      'malformed entries dropped',
      manifestOf({
        layers: [null, 'x', { digest: 'sha256:1' }, { digest: 'sha256:1', mediaType: 'm', size: '3' }, good],
      }),
      [good],
    ],
  ])('%s', (_, m, expected) => {
    expect(readLayers(m)).toEqual(expected);
  });
});

describe('hasSignature: signing again adds nothing', () => {
  const payload = simpleSigningPayload(BENCH_REPO, BENCH_DIGEST);
  const digest = sha256Digest(payload);
  const otherPayload = simpleSigningPayload(BENCH_REPO, `sha256:${'1'.repeat(64)}`);
  let pub: KeyObject;
  let ours: string;
  let theirs: string;
  beforeAll(() => {
    pub = publicKeyOf(fixtureKey);
    ours = signBytes(fixtureKey, payload).toString('base64');
    theirs = signBytes(otherKey, payload).toString('base64');
  });
  it.each<[string, () => Layer[], boolean]>([
    ['no layers', () => [], false],
    ['the same payload signed by our key', () => [sigLayer(payload, ours)], true],
    ['ours after another key’s', () => [sigLayer(payload, theirs), sigLayer(payload, ours)], true],
    ['the same payload signed by another key', () => [sigLayer(payload, theirs)], false],
    [
      'another payload signed by our key',
      () => [sigLayer(otherPayload, signBytes(fixtureKey, otherPayload).toString('base64'))],
      false,
    ],
    ['no annotation', () => [sigLayer(payload, undefined)], false],
    ['an empty annotation', () => [sigLayer(payload, '')], false],
    ['a garbled annotation', () => [sigLayer(payload, '!!not base64 at all')], false],
    // Node would read it (and it would verify); cosign would not: no signature, one is added.
    ['our signature with a stray character', () => [sigLayer(payload, `*${ours}`)], false],
    [
      'our signature under another digest',
      () => [{ ...sigLayer(payload, ours), digest: sha256Digest('x') }],
      false,
    ],
  ])('%s -> %s', (_, layers, expected) => {
    expect(hasSignature(layers(), digest, pub, payload)).toBe(expected);
  });
});

describe('keptAttestations: an attestation replaces the one of its type', () => {
  const att = (id: string, predicateType?: string, mediaType = DSSE_MEDIA_TYPE): Layer => ({
    mediaType,
    size: 1,
    digest: sha256Digest(id),
    annotations: predicateType === undefined ? {} : { [SIGNATURE_ANNOTATION]: '', predicateType },
  });
  const bare = (id: string, mediaType = DSSE_MEDIA_TYPE): Layer => ({
    mediaType,
    size: 1,
    digest: sha256Digest(id),
  });
  const SBOM = 'https://cyclonedx.org/bom';
  const SLSA = 'https://slsa.dev/provenance/v1';
  const SMOKE = 'https://ml-image.dev/smoke/v1';
  /** What the envelope of each unannotated layer says, by digest. */
  const decoded: Record<string, string | undefined> = {
    [sha256Digest('old-sbom')]: SBOM,
    [sha256Digest('old-smoke')]: SMOKE,
    [sha256Digest('garbled')]: undefined,
  };

  it.each<[string, Layer[], string[], Layer[]]>([
    ['nothing there', [], [SBOM], []],
    ['the same type by annotation goes', [att('a', SBOM), att('b', SLSA)], [SBOM], [att('b', SLSA)]],
    [
      'several types at once',
      [att('a', SBOM), att('b', SLSA), att('c', SMOKE)],
      [SBOM, SLSA],
      [att('c', SMOKE)],
    ],
    ['two layers of one type both go', [att('a', SBOM), att('a2', SBOM)], [SBOM], []],
    [
      'no annotation: decoded, same type goes',
      [bare('old-sbom'), bare('old-smoke')],
      [SBOM],
      [bare('old-smoke')],
    ],
    ['no annotation, nothing decoded: kept', [bare('garbled')], [SBOM], [bare('garbled')]],
    [
      'another media type without annotation: kept, not decoded',
      [bare('old-sbom', 'application/json')],
      [SBOM],
      [bare('old-sbom', 'application/json')],
    ],
    [
      'another media type with the annotation of the type: goes',
      [att('x', SBOM, 'application/json')],
      [SBOM],
      [],
    ],
    [
      'the order of kept layers stays',
      [att('c', SMOKE), att('a', SBOM), att('b', SLSA)],
      [SBOM],
      [att('c', SMOKE), att('b', SLSA)],
    ],
  ])('%s', async (_, layers, types, expected) => {
    const asked: string[] = [];
    const kept = await keptAttestations(layers, new Set(types), async (l) => {
      asked.push(l.digest);
      return decoded[l.digest];
    });
    expect(kept).toEqual(expected);
    // Only DSSE layers without a predicateType annotation are decoded.
    expect(asked).toEqual(
      layers
        .filter((l) => l.mediaType === DSSE_MEDIA_TYPE && !l.annotations?.predicateType)
        .map((l) => l.digest),
    );
  });
});

describe('envelopePredicateType', () => {
  it.each<[string, Buffer, string | undefined]>([
    [
      'a signed envelope',
      signEnvelope(
        generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
        inTotoStatement('r', BENCH_DIGEST, 'https://x/y', {}),
      ),
      'https://x/y',
    ],
    ['not JSON', Buffer.from('nope'), undefined],
    ['no payload', Buffer.from('{}'), undefined],
    [
      'a payload that is not JSON',
      Buffer.from(JSON.stringify({ payload: Buffer.from('x').toString('base64') })),
      undefined,
    ],
    [
      'a statement without predicateType',
      Buffer.from(JSON.stringify({ payload: Buffer.from('{}').toString('base64') })),
      undefined,
    ],
  ])('%s', (_, bytes, expected) => {
    expect(envelopePredicateType(bytes)).toBe(expected);
  });
});

it('createPrivateKey of the fixture fails without decryption (it is really encrypted)', () => {
  expect(() => createPrivateKey(fixture('fixture.key'))).toThrow();
});
