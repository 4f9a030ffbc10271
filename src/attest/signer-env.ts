// ML_IMAGE_SIGNER, which signer does the work: the cosign binary, or the built-in one where it can.
import { InputError } from '../errors.js';
import { printable } from '../util/text.js';

/**
 * ML_IMAGE_SIGNER=cosign: every call to the cosign binary. Unset, empty or `builtin`: the built-in
 * signer where it can. Anything else is a typo (`cosgin`) that ran the built-in signer without a
 * word: exit 2.
 */
export function forcedCosign(env: Readonly<Record<string, string | undefined>>): boolean {
  const v = env.ML_IMAGE_SIGNER?.trim().toLowerCase() ?? '';
  if (v === '' || v === 'builtin' || v === 'cosign') return v === 'cosign';
  throw new InputError(
    `ML_IMAGE_SIGNER: expected cosign or builtin (unset: the built-in signer where it can), got ${JSON.stringify(printable(env.ML_IMAGE_SIGNER ?? ''))}`,
    'set ML_IMAGE_SIGNER=cosign, or unset it',
  );
}
