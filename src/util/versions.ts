// Dotted version strings ("2.10", "12.8.1", "0.30.0+cu128"): comparison and major.minor, shared by
// the plan, the build (buildx feature checks) and the other stages. Pure.

/** A dotted part's number, as parseInt reads it (leading digits, sign; none 0), exact at any size. */
function partValue(part: string): bigint {
  const digits = /^\s*[-+]?\d+/.exec(part)?.[0];
  return digits === undefined ? 0n : BigInt(digits);
}

/**
 * Numeric comparison of dotted versions ("2.10" > "2.9"); missing parts count as 0. -1, 0 or 1: a
 * total order, also where a part is past 2^53 (as a float, "1e400"-sized parts compared NaN).
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+]/).map(partValue);
  const pb = b.split(/[.+]/).map(partValue);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0n;
    const y = pb[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** "2.7.1" -> "2.7"; "12.8.1" -> "12.8". */
export function majorMinor(v: string): string {
  return v.split('.').slice(0, 2).join('.');
}
