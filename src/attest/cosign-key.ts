// cosign's key-mode formats, in process: the encrypted private key `cosign generate-key-pair`
// writes (scrypt, then NaCl secretbox around a PKCS#8 key), the simple-signing payload of an image
// signature, and the in-toto statement in a DSSE envelope of an attestation. Signatures are ECDSA
// P-256 over SHA-256, ASN.1 DER, as cosign makes them; what is written here verifies with the real
// `cosign verify` / `verify-attestation`, and the other way round (integration tests check both).
// The password and the decrypted key never leave this module's KeyObject.
import { createPrivateKey, createPublicKey, type KeyObject, scrypt, sign, verify } from 'node:crypto';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { IN_TOTO_PAYLOAD_TYPE } from './cosign-args.js';

/** The PEM types of an encrypted cosign key: the current name and the one before it. */
const ENCRYPTED_TYPES = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'];

const EncryptedKeySchema = z.object({
  kdf: z.object({
    name: z.literal('scrypt'),
    params: z.object({
      N: z.number().int().positive(),
      r: z.number().int().positive(),
      p: z.number().int().positive(),
    }),
    salt: z.string(),
  }),
  cipher: z.object({ name: z.literal('nacl/secretbox'), nonce: z.string() }),
  ciphertext: z.string(),
});

/** The body and type of the first PEM block, or undefined when TEXT holds none. */
function pemBlock(text: string): { type: string; der: Buffer } | undefined {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  return m ? { type: m[1]!, der: Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64') } : undefined;
}

/** Is TEXT a cosign encrypted private key (what the native signer can sign with)? */
export function isEncryptedCosignKey(text: string): boolean {
  const block = pemBlock(text);
  return block !== undefined && ENCRYPTED_TYPES.includes(block.type);
}

/** An ECDSA P-256 key (what cosign generate-key-pair makes; the built-in signer's kind). */
export const isP256 = (k: KeyObject) =>
  k.asymmetricKeyType === 'ec' && k.asymmetricKeyDetails?.namedCurve === 'prime256v1';

/**
 * Decrypt a cosign private key with its password, or an InputError naming SOURCE (a wrong
 * password, not a cosign key). Any key type comes back: the built-in signer takes P-256 keys
 * (isP256), cosign the others. scrypt runs off the main thread.
 */
export async function decryptCosignKey(
  text: string,
  password: string,
  source: string,
  /** False when COSIGN_PASSWORD is empty or not set (the empty password was tried): the message says so. */
  passwordSet = true,
): Promise<KeyObject> {
  const block = pemBlock(text);
  if (!block || !ENCRYPTED_TYPES.includes(block.type))
    throw new InputError(
      `${source}: not a cosign private key (expected a PEM block "${ENCRYPTED_TYPES[0]}", found ${block ? `"${block.type}"` : 'no PEM block'})`,
      'make the key pair with `cosign generate-key-pair` (or `cosign import-key-pair`)',
    );
  let sealed: z.infer<typeof EncryptedKeySchema>;
  try {
    sealed = EncryptedKeySchema.parse(JSON.parse(block.der.toString('utf8')));
  } catch {
    throw new InputError(
      `${source}: the encrypted key is not scrypt + nacl/secretbox JSON`,
      'make the key pair again with `cosign generate-key-pair`',
    );
  }
  const { N, r, p } = sealed.kdf.params;
  const scryptFailed = (err: Error) => new InputError(`${source}: scrypt: ${err.message}`);
  const secret = await new Promise<Buffer>((resolve, reject) => {
    try {
      scrypt(
        password,
        Buffer.from(sealed.kdf.salt, 'base64'),
        32,
        { N, r, p, maxmem: 256 * N * r + 64 * 1024 * 1024 },
        (err, key) => (err ? reject(scryptFailed(err)) : resolve(key)),
      );
    } catch (err) {
      reject(scryptFailed(err as Error)); // invalid parameters (N not a power of two) throw at once
    }
  });
  let der: Uint8Array;
  try {
    der = xsalsa20poly1305(secret, Buffer.from(sealed.cipher.nonce, 'base64')).decrypt(
      Buffer.from(sealed.ciphertext, 'base64'),
    );
  } catch {
    throw new InputError(
      passwordSet
        ? `${source}: wrong password for the signing key (COSIGN_PASSWORD): it does not decrypt`
        : `${source}: the signing key has a password and COSIGN_PASSWORD is empty or not set (a secret missing in the workflow reads as empty)`,
      'set COSIGN_PASSWORD to the password given to cosign generate-key-pair',
    );
  } finally {
    secret.fill(0);
  }
  let key: KeyObject;
  try {
    // A view of DER, not a copy (Buffer.from would copy it into the shared pool, out of reach
    // of the fill below).
    const view = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
    key = createPrivateKey({ key: view, format: 'der', type: 'pkcs8' });
  } catch {
    throw new InputError(
      `${source}: the decrypted key is not a PKCS#8 private key`,
      'make the key pair again with `cosign generate-key-pair`',
    );
  } finally {
    der.fill(0);
  }
  return key;
}

/** Public keys parsed in this process, by their PEM text (public: nothing secret is kept). */
const publicKeys = new Map<string, KeyObject | undefined>();

/** The texts parseP256PublicKey keeps (for the test that no private key is ever among them). */
export const publicKeysKept = (): string[] => [...publicKeys.keys()];

/** A PEM public key that the built-in verifier takes (ECDSA P-256), else undefined. */
export function parseP256PublicKey(text: string): KeyObject | undefined {
  // Only PUBLIC KEY blocks are parsed and kept: a private key given by mistake is never stored.
  if (pemBlock(text)?.type !== 'PUBLIC KEY') return undefined;
  // Asked once per check (is it one the built-in verifier takes?) and by the verifier: parsed once.
  if (publicKeys.has(text)) return publicKeys.get(text);
  let key: KeyObject | undefined;
  try {
    key = createPublicKey(text);
  } catch {
    key = undefined;
  }
  const p256 = key && isP256(key) ? key : undefined;
  publicKeys.set(text, p256);
  return p256;
}

export const publicKeyOf = (key: KeyObject): KeyObject => createPublicKey(key);

/** ECDSA over SHA-256, ASN.1 DER (what cosign writes). */
export const signBytes = (key: KeyObject, data: Buffer): Buffer => sign('sha256', data, key);

export function verifyBytes(key: KeyObject, data: Buffer, signature: Buffer): boolean {
  try {
    return verify('sha256', data, key, signature);
  } catch {
    return false;
  }
}

// --- payloads ----------------------------------------------------------------------------------

export const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
export const IN_TOTO_STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';

/** The simple-signing payload of an image signature, byte for byte as cosign writes it. */
export function simpleSigningPayload(repository: string, digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': repository },
        image: { 'docker-manifest-digest': digest },
        type: SIMPLE_SIGNING_TYPE,
      },
      optional: null,
    }),
  );
}

/** The in-toto statement of an attestation: the predicate about one image digest. */
export function inTotoStatement(
  repository: string,
  digest: string,
  predicateType: string,
  predicate: unknown,
): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: IN_TOTO_STATEMENT_V01,
      predicateType,
      subject: [{ name: repository, digest: { sha256: digest.replace(/^sha256:/, '') } }],
      predicate,
    }),
  );
}

/** DSSE's pre-authentication encoding: what a DSSE signature signs. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType);
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `),
    type,
    Buffer.from(` ${payload.length} `),
    payload,
  ]);
}

export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

/** Sign a statement into a DSSE envelope (the JSON bytes of an `.att` layer). */
export function signEnvelope(key: KeyObject, statement: Buffer): Buffer {
  const sig = signBytes(key, pae(IN_TOTO_PAYLOAD_TYPE, statement));
  const envelope: DsseEnvelope = {
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload: statement.toString('base64'),
    signatures: [{ keyid: '', sig: sig.toString('base64') }],
  };
  return Buffer.from(JSON.stringify(envelope));
}

/**
 * Whether ENVELOPE is what signEnvelope makes of STATEMENT with the private half of PUBLIC_KEY:
 * that very form byte for byte (one signature, an empty key id), this statement, a signature that
 * verifies. Such an envelope of an earlier run may be attached again instead of a new one.
 * VERIFIED: openEnvelope found a signature of these very bytes that PUBLIC_KEY verifies; the form
 * compared here leaves one signature, that one, so it is not verified again.
 */
export function isEnvelopeOf(
  publicKey: KeyObject,
  envelope: Buffer,
  statement: Buffer,
  verified = false,
): boolean {
  // Compared as bytes around the signature's text, without parsing the envelope (an SBOM's is
  // 60 KB): the payload type, this statement as the payload, one signature with an empty key id.
  const head = Buffer.from(
    `{"payloadType":${JSON.stringify(IN_TOTO_PAYLOAD_TYPE)},"payload":"${statement.toString('base64')}","signatures":[{"keyid":"","sig":"`,
  );
  const tail = Buffer.from('"}]}');
  if (
    envelope.length <= head.length + tail.length ||
    !envelope.subarray(0, head.length).equals(head) ||
    !envelope.subarray(envelope.length - tail.length).equals(tail)
  )
    return false;
  // The signature as signEnvelope writes it: base64 with nothing JSON escapes, and base64 as
  // cosign reads it (Node would read altered text too).
  const text = envelope.subarray(head.length, envelope.length - tail.length).toString('latin1');
  const signature = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? strictBase64(text) : undefined;
  if (signature === undefined) return false;
  return verified || verifyBytes(publicKey, pae(IN_TOTO_PAYLOAD_TYPE, statement), signature);
}

/**
 * Base64 as cosign (Go's standard encoding) reads it: the standard alphabet with its padding,
 * line breaks ignored. Node's decoder is lenient (it skips other characters, padding is
 * optional, the URL-safe alphabet is taken too): text it would read but Go would not is no
 * base64 here. Undefined for such text. URL_SAFE: the URL-safe alphabet too (with its padding),
 * which DSSE's verifier takes for signatures when the standard one fails.
 */
export function strictBase64(text: string, urlSafe = false): Buffer | undefined {
  const plain = text.replace(/[\r\n]/g, '');
  const bytes = Buffer.from(plain, 'base64');
  if (bytes.toString('base64') === plain) return bytes;
  return urlSafe && /[-_]/.test(plain)
    ? strictBase64(plain.replace(/-/g, '+').replace(/_/g, '/'))
    : undefined;
}

const EnvelopeSchema = z.object({
  payloadType: z.string(),
  payload: z.string(),
  signatures: z.array(z.object({ keyid: z.string().optional(), sig: z.string() })).nullish(),
});

/**
 * The statement inside an envelope when one of its signatures verifies with KEY; undefined when
 * none does, or when it is not an in-toto envelope. As cosign: the payload and every signature
 * must be base64 as Go reads it (one that is not spoils the envelope).
 */
export function openEnvelope(key: KeyObject, bytes: Buffer): Buffer | undefined {
  let env: z.infer<typeof EnvelopeSchema>;
  try {
    env = EnvelopeSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    return undefined;
  }
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) return undefined;
  const payload = strictBase64(env.payload);
  const signatures = (env.signatures ?? []).map((s) => strictBase64(s.sig, true));
  if (payload === undefined || signatures.includes(undefined)) return undefined;
  const signed = pae(env.payloadType, payload);
  return signatures.some((sig) => verifyBytes(key, signed, sig!)) ? payload : undefined;
}
