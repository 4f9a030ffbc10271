// attest.json: what the attest stage attached to each pushed platform digest, and how it signed.
// The report reads it (what was attested and signed, and the verify command for each digest).
import { z } from 'zod';
import { ATTESTATION_KINDS, type AttestationKind } from '../config/attest.js';
import { CYCLONEDX_PREDICATE_TYPE, SMOKE_PREDICATE_TYPE } from './types.js';

export const ATTEST_RESULT_SCHEMA_VERSION = 1;

/** https://slsa.dev/spec/v1.0/provenance: the predicate type of the provenance attestation. */
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

/**
 * The in-toto predicate type and cosign --type of each attestation kind (attach and verify). Here,
 * beside the schema, and not with the predicate builders: the fork-safe poster needs the types only.
 */
export const KIND_TYPES: Record<AttestationKind, { predicateType: string; cosignType: string }> = {
  sbom: { predicateType: CYCLONEDX_PREDICATE_TYPE, cosignType: 'cyclonedx' },
  provenance: { predicateType: SLSA_PROVENANCE_V1, cosignType: 'slsaprovenance1' },
  smoke: { predicateType: SMOKE_PREDICATE_TYPE, cosignType: SMOKE_PREDICATE_TYPE },
};

export const AttestationSchema = z.object({
  kind: z.enum(ATTESTATION_KINDS),
  /** The in-toto predicate type (what `cosign verify-attestation --type` takes). */
  predicateType: z.string(),
  /** The predicate as written in the result directory (relative to it). */
  file: z.string(),
  /** Attached to the image, signed (false: written here only). */
  attached: z.boolean(),
  /** The exact `cosign verify-attestation` command that checks it (attached ones only). */
  verify: z.string().optional(),
  /** The signed DSSE envelope as attached, in the result directory (the built-in signer's). */
  envelope: z.string().optional(),
  /** The SBOM as SPDX 2.3 JSON in the result directory (attest.spdx), not attached. */
  spdx: z.string().optional(),
});

export const AttestTargetSchema = z.object({
  variant: z.string(),
  platform: z.string(),
  /** repository@sha256:... of the platform image. */
  ref: z.string(),
  attestations: z.array(AttestationSchema),
  /** The image signature itself (cosign sign). */
  signed: z.boolean(),
  /** What could not be made or attached, one line each (e.g. no smoke result in this job). */
  notes: z.array(z.string()),
});

export const AttestResultSchema = z.object({
  schemaVersion: z.literal(ATTEST_RESULT_SCHEMA_VERSION),
  signing: z.object({
    /** key / keyless, or none: nothing was signed (reason says why). */
    mode: z.enum(['key', 'keyless', 'none']),
    reason: z.string(),
    tlog: z.boolean(),
    /** What `cosign verify` needs to check these: the public key hint or the keyless identity. */
    verifyHint: z.string().optional(),
  }),
  targets: z.array(AttestTargetSchema),
  /** The error that stopped attaching (exit 3: the registry went away), after what was done. */
  error: z.string().optional(),
});

export type Attestation = z.infer<typeof AttestationSchema>;
export type AttestTarget = z.infer<typeof AttestTargetSchema>;
export type AttestResult = z.infer<typeof AttestResultSchema>;

/**
 * TARGET no longer naming FILES (relative to the result directory), whose writes failed (a signal
 * removed them before they landed, no room): an attestation whose predicate one was goes, unless
 * it was attached all the same (the built-in signer signs the predicate's text, not its copy here:
 * it stays, with a note); an envelope or SPDX copy is no longer named.
 */
export function forgetFiles(target: AttestTarget, files: ReadonlySet<string>): void {
  if (files.size === 0) return;
  target.attestations = target.attestations.filter((a) => a.attached || !files.has(a.file));
  for (const a of target.attestations) {
    if (files.has(a.file)) target.notes.push(`${a.kind}: attached, but its copy ${a.file} was not written`);
    if (a.envelope !== undefined && files.has(a.envelope)) delete a.envelope;
    if (a.spdx !== undefined && files.has(a.spdx)) delete a.spdx;
  }
}
