// What the attestations share: the predicate types, the tool's name, digests, and the one scrubbing
// pass every attestation goes through before it leaves. The in-toto statement that wraps each
// predicate is the signer's (cosign-key.ts inTotoStatement: Statement/v0.1, as cosign writes it).
import { redactDeep, redactTextDeep } from '../util/redact.js';

/** The predicate type cosign and in-toto use for a CycloneDX SBOM. */
export const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';
/** Our own predicate type: a smoke-test run (docs/attestations/smoke-v1.schema.json). */
export const SMOKE_PREDICATE_TYPE = 'https://ml-image-action.github.io/attestations/smoke/v1';

export const TOOL_NAME = 'ml-image-action';

/** https://github.com/in-toto/attestation/blob/main/spec/v1/resource_descriptor.md */
export interface ResourceDescriptor {
  uri?: string;
  name?: string;
  digest?: Record<string, string>;
  annotations?: Record<string, unknown>;
}

/** "sha256:<64 hex>" (or the bare hex) -> the lowercase hex; anything else -> undefined. */
export function sha256Hex(digest: string | null | undefined): string | undefined {
  const m = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(digest ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

/** Whole strings that look like secrets replaced (redactDeep), except the KEEP ones. */
function secretsDeep(value: unknown, keep: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return keep.has(value) ? value : redactDeep(value);
  if (Array.isArray(value)) return value.map((v) => secretsDeep(v, keep));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretsDeep(v, keep)]));
  return value;
}

/**
 * Every string of an attestation, scrubbed: tokens and URL credentials masked in place
 * (redactText), then any string that still looks like a secret as a whole replaced (redactDeep).
 * Digests (hex) and image references are left as they are, and so are the KEEP strings: names
 * from the config (a variant, a test, a file path), which the whole-value test would take for
 * tokens when they are long (`cuda12-torch27-py311-ubuntu2204-flashattn2-devel`). They are still
 * masked in place like every string.
 */
export function scrubDeep<T>(value: T, keep: Iterable<string> = []): T {
  return secretsDeep(redactTextDeep(value), new Set(keep)) as T;
}
