// The attest stage's progress lines (stage.ts): how it will sign, said before anything is signed,
// and one line per target as it starts and as it ends, with what was done and how long it took.
import type { Attestation, AttestTarget } from './result.js';
import type { SigningChoice } from './signing.js';

/**
 * The first line: how the stage will sign ("signing with the key file ..."), or why it does not.
 * SigningChoice.reason says it as done ("signed ..."), as attest.json and the report record it.
 */
export function signingLine(signing: Pick<SigningChoice, 'identity' | 'reason'>): string {
  return signing.identity ? signing.reason.replace(/^signed\b/, 'signing') : signing.reason;
}

/** A target's line as it starts (signing only: without a signer it is done at once). */
export const startLine = (t: Pick<AttestTarget, 'variant' | 'platform'>): string =>
  `${t.variant} ${t.platform}: started`;

const seconds = (ms: number) => `${(Math.max(0, ms) / 1000).toFixed(1)}s`;

/**
 * A target's line as it ends, after MS: whether it was signed (when the stage signs), what was
 * attached and what only written, its notes; "stopped after" when it failed.
 */
export function endLine(
  t: AttestTarget,
  { signing, ms, stopped }: { signing: boolean; ms: number; stopped: boolean },
): string {
  const list = (xs: Attestation[]) => xs.map((a) => a.kind).join(', ');
  const attached = t.attestations.filter((a) => a.attached);
  const written = t.attestations.filter((a) => !a.attached);
  const parts: string[] = [];
  if (t.signed && attached.length > 0 && written.length === 0)
    parts.push(`signed and attached ${list(attached)}`);
  else {
    if (signing || t.signed) parts.push(t.signed ? 'signed' : 'not signed');
    if (attached.length > 0) parts.push(`attached ${list(attached)}`);
    if (written.length > 0) parts.push(`written (not attached): ${list(written)}`);
    if (t.attestations.length === 0) parts.push('no attestations');
  }
  const notes = t.notes.length ? ` (${t.notes.join('; ')})` : '';
  return `${t.variant} ${t.platform}: ${parts.join('; ')}${stopped ? `: stopped after ${seconds(ms)}` : ` in ${seconds(ms)}`}${notes}`;
}
