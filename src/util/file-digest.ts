// Digests of the files a build reads, as provenance names them: one implementation for the build
// stage (build.json's `materials`, recorded when the build reads them) and the attest stage (an older
// version's build.json without `materials`: the files as they are when attested).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The SHA-256 of DATA, lowercase hex. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * FILE by the digest of its bytes now, named SHOWN; undefined when it cannot be read (gone since the
 * config was loaded, or not a file): provenance then leaves it out rather than name a wrong digest.
 */
export function fileDigest(file: string, shown: string): { path: string; sha256: string } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return { path: shown, sha256: sha256(bytes) };
}
