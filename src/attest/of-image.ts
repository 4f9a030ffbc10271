// Whether a record or smoke result read back from a result directory is of the image being attested
// (pure). The directory outlives a run: a target whose smoke tests did not run this time may still
// have an earlier image's files there, and those must not be signed as this digest's.
import type { EnvRecord } from '../capture/record.js';
import { isDigest, refDigest } from '../oci/ref.js';
import type { SmokeResult } from '../smoke/result.js';

/** The image a smoke result is of: the smoke stage names it repository@digest (imageUnderTest). */
export const smokeImage = (s: Pick<SmokeResult, 'image'>): { ref: string; digest?: string } => {
  const digest = refDigest(s.image);
  return { ref: s.image, ...(digest !== undefined && { digest }) };
};

/**
 * The image a record is of: the reference it was captured by (repository@digest, as the smoke
 * stage captures a pushed image), else the registry digest the engine knew it by.
 */
export const recordImage = (r: { image: Pick<EnvRecord['image'], 'ref' | 'digest'> }) => {
  const digest = refDigest(r.image.ref) ?? (isDigest(r.image.digest) ? r.image.digest : undefined);
  return { ref: r.image.ref, ...(digest !== undefined && { digest }) };
};

const short = (digest: string) => digest.slice(0, 19);

/**
 * Undefined when FOUND (WHAT, read from FILE) is of DIGEST; otherwise the note that says it is not
 * attested: "the smoke result in FILE is of another image (sha256:...), not attested".
 */
export function otherImage(
  what: string,
  file: string,
  found: { ref: string; digest?: string },
  digest: string,
): string | undefined {
  if (found.digest === digest) return undefined;
  const which = found.digest !== undefined ? short(found.digest) : `${found.ref}, no digest`;
  return `the ${what} in ${file} is of another image (${which}), not attested`;
}
