// The report's supply-chain section: what the attest stage attached and signed for a variant
// (attest.json), for the images this report is about only. attest.json stays in a result directory
// until the attest stage runs there again: an earlier run's (another image's digest) must not be
// shown as this image's ("signed").
import type { AttestResult } from '../attest/result.js';
import type { BuildResult } from '../build/result.js';
import type { EnvRecord } from '../capture/record.js';
import { isDigest, refDigest } from '../oci/ref.js';
import type { ResultDir } from '../results/results.js';
import type { SupplyChain } from './model-schema.js';

const short = (digest: string) => digest.slice(0, 19);

/**
 * The variant's attest targets of the images reported (DIGEST_OF: the digest of this run's image of
 * a platform, from its record or build.json; undefined when neither names one), as the report's
 * supply chain; every other target is left out, each with a line that says why (DROPPED).
 */
export function supplyChainOf(
  attest: AttestResult | undefined,
  variant: string,
  digestOf: (platform: string) => string | undefined,
): { supplyChain?: SupplyChain; dropped: string[] } {
  const dropped: string[] = [];
  const targets = (attest?.targets ?? []).filter((t) => {
    if (t.variant !== variant) return false;
    const attested = refDigest(t.ref);
    const reported = digestOf(t.platform);
    if (attested !== undefined && attested === reported) return true;
    const which = attested !== undefined ? short(attested) : `${t.ref}, no digest`;
    dropped.push(
      `attest.json's ${variant} ${t.platform} image (${which}) is not ${reported !== undefined ? `the one reported (${short(reported)})` : "one this run's record or build.json names"}: left out of the supply chain (an earlier run's attest stage?)`,
    );
    return false;
  });
  if (!attest || targets.length === 0) return { dropped };
  return {
    supplyChain: {
      signing: attest.error ? `${attest.signing.reason}; stopped: ${attest.error}` : attest.signing.reason,
      targets: targets.map((t) => ({
        platform: t.platform,
        ref: t.ref,
        signed: t.signed,
        attestations: t.attestations.map((a) => ({
          kind: a.kind,
          attached: a.attached,
          ...(a.verify !== undefined && { verify: a.verify }),
        })),
        notes: t.notes,
      })),
    },
    dropped,
  };
}

/**
 * The digest of this run's image of a platform of VARIANT: its record's (the reference it was
 * captured by, else the registry digest the engine knew it by), else build.json's (a platform
 * without a record); undefined when neither names one.
 */
export function reportedDigests(
  results: ResultDir,
  variant: string,
  records: readonly { platform: string; head: EnvRecord }[],
): (platform: string) => string | undefined {
  let build: BuildResult | null | undefined;
  const built = (platform: string) => {
    // Only asked for a platform without a record; a directory without build.json: none.
    if (build === undefined)
      try {
        build = results.readBuild();
      } catch {
        build = null;
      }
    return build?.variants.find((b) => b.variant === variant)?.platforms.find((p) => p.platform === platform)
      ?.digest;
  };
  return (platform) => {
    const head = records.find((e) => e.platform === platform)?.head.image;
    if (head === undefined) return built(platform);
    return refDigest(head.ref) ?? (isDigest(head.digest) ? head.digest : undefined);
  };
}
