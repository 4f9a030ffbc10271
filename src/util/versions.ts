// Dotted version strings ("2.10", "12.8.1", "0.30.0+cu128"): comparison and major.minor, shared by
// the plan, the build (buildx feature checks) and the other stages. Pure.

/** Numeric comparison of dotted versions ("2.10" > "2.9"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.+]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** "2.7.1" -> "2.7"; "12.8.1" -> "12.8". */
export function majorMinor(v: string): string {
  return v.split('.').slice(0, 2).join('.');
}
