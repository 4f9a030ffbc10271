// The platform an image was signed for. An index's platform entries are not signed: whoever can
// push can point the index's linux/amd64 entry at the arm64 image, whose own signature and
// attestations are valid. Its signature names only the digest, but the attestations verify has
// already read (no further registry read) name the platform they were made for, signed: the
// provenance (buildDefinition.externalParameters.platform), the SBOM (its image component's
// ml-image:platform property) and the smoke predicate (image.platform). An image the registry
// lists as another platform than theirs fails that attestation's check.
import type { AttestationKind } from '../config/attest.js';
import { printable } from '../util/text.js';
import { samePlatform, type VerifyTarget } from './verify-targets.js';

/**
 * The SBOM's property naming the platform: sbom.ts's SBOM_PROPERTY_PREFIX + "platform" (spelled
 * here so the CycloneDX library stays out of verify; a unit test holds the two together).
 */
export const SBOM_PLATFORM_PROPERTY = 'ml-image:platform';

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The platform a verified predicate of KIND names (signed with it), if it names one. */
export function signedPlatform(kind: AttestationKind, predicate: unknown): string | undefined {
  const p = record(predicate);
  switch (kind) {
    case 'provenance':
      return text(record(record(p?.buildDefinition)?.externalParameters)?.platform);
    case 'sbom': {
      const properties = record(record(p?.metadata)?.component)?.properties;
      if (!Array.isArray(properties)) return undefined;
      return text(properties.map(record).find((x) => x?.name === SBOM_PLATFORM_PROPERTY)?.value);
    }
    case 'smoke':
      return text(record(p?.image)?.platform);
  }
}

/**
 * Why the verified PREDICATE of KIND is not about TARGET's platform: the platform it was signed
 * for is not the one the registry lists (an index entry pointing at another platform's image).
 * Undefined when it is, when the target's platform is not the registry's word (an entry naming
 * none) or when the predicate names no platform.
 */
export function platformMismatch(
  target: Pick<VerifyTarget, 'platform' | 'listed'>,
  kind: AttestationKind,
  predicate: unknown,
): string | undefined {
  if (target.listed !== true) return undefined;
  const signed = signedPlatform(kind, predicate);
  if (signed === undefined || samePlatform(target.platform, signed)) return undefined;
  return `signed for ${printable(signed)}, not ${target.platform} as the registry lists this image: the index entry points at another platform's image`;
}
