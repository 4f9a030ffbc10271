// Cosign key material for the tests: the fixture key pairs made with the real cosign
// (__tests__/fixtures/cosign, password "fixture-password"), and keys sealed here the way
// `cosign generate-key-pair` seals them (scrypt, then NaCl secretbox around PKCS#8), at a small
// scrypt N so that tests stay fast.
import { type KeyObject, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { decryptCosignKey } from '../../src/attest/cosign-key.js';

export const FIXTURES = path.join(import.meta.dirname, '../fixtures/cosign');
export const FIXTURE_PASSWORD = 'fixture-password';
export const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** A PEM block of TYPE around BODY, in 64-character lines as Go writes them. */
export const pem = (type: string, body: Buffer) =>
  `-----BEGIN ${type}-----\n${body
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim()}\n-----END ${type}-----\n`;

/** A cosign-style encrypted key of DER (PKCS#8). */
export function sealKey(
  der: Buffer,
  password: string,
  { type = 'ENCRYPTED SIGSTORE PRIVATE KEY', N = 1024 }: { type?: string; N?: number } = {},
): string {
  const salt = randomBytes(32);
  const nonce = randomBytes(24);
  const secret = scryptSync(password, salt, 32, { N, r: 8, p: 1 });
  const ciphertext = xsalsa20poly1305(secret, nonce).encrypt(der);
  const json = JSON.stringify({
    kdf: { name: 'scrypt', params: { N, r: 8, p: 1 }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  });
  return pem(type, Buffer.from(json));
}

/** The fixture key pairs' private keys, decrypted: [fixture.key, other.key]. */
export function fixtureKeys(): Promise<[KeyObject, KeyObject]> {
  return Promise.all([
    decryptCosignKey(fixture('fixture.key'), FIXTURE_PASSWORD, 'fixture.key'),
    decryptCosignKey(fixture('other.key'), FIXTURE_PASSWORD, 'other.key'),
  ]);
}
