// Which entry of a record each package diff compares (pure), shared by the package diff (diff.ts)
// and the size explanation (size.ts): the pip copy Python imports, the apt key of a package that
// is installed for one architecture or several, the conda packages by name.
import type { EnvRecord } from '../capture/record.js';
import { canonicalName } from '../requirements/parse.js';

type PipEntry = EnvRecord['python']['packages'][number];
type AptEntry = EnvRecord['apt'][number];

/**
 * The probe lists python.packages in sys.path order within one normalised name from this version
 * on (earlier probes sorted by name.lower(), which put "typing-extensions" before
 * "typing_extensions" whatever their places on sys.path).
 */
export const PIP_PATH_ORDER_PROBE = 5;

const isOsCopy = (p: PipEntry) => p.location.startsWith('/usr/lib/python3');

/**
 * pip: each normalised name's copy Python imports, and every copy (a name installed twice takes up
 * both copies' bytes). The copy imported is the first on sys.path: a record from probe 5 on lists
 * the copies in that order. An older record's order among copies spelled differently is the
 * spelling's, so there the copy outside /usr/lib/python3 (pip's, before Debian's python3-x on
 * Debian's sys.path) is taken, as before.
 */
export function pipCopies(r: EnvRecord): Map<string, { imported: PipEntry; copies: PipEntry[] }> {
  const pathOrder = r.capture.probeVersion >= PIP_PATH_ORDER_PROBE;
  const out = new Map<string, { imported: PipEntry; copies: PipEntry[] }>();
  for (const p of r.python.packages) {
    const key = canonicalName(p.name);
    const seen = out.get(key);
    if (!seen) out.set(key, { imported: p, copies: [p] });
    else {
      seen.copies.push(p);
      if (!pathOrder && isOsCopy(seen.imported) && !isOsCopy(p)) seen.imported = p;
    }
  }
  return out;
}

/**
 * apt: the names installed for several architectures in either record. Such a name is keyed and
 * shown as name:arch on both sides (adding libc6:i386 beside libc6:amd64 is one package added, not
 * libc6 removed and two added); any other is keyed by its name alone, so that a package whose
 * architecture changes (amd64 -> all) is one upgrade.
 */
export function multiArchNames(...records: EnvRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    const seen = new Set<string>();
    for (const p of r.apt) {
      if (seen.has(p.name)) out.add(p.name);
      seen.add(p.name);
    }
  }
  return out;
}

/** An apt entry's key and shown name under multiArchNames. */
export const aptKey = (p: AptEntry, multi: ReadonlySet<string>): string =>
  multi.has(p.name) ? `${p.name}:${p.arch}` : p.name;

/**
 * conda: by name. A name in both environments the probe reads (sys.prefix's and CONDA_PREFIX's)
 * is its first entry (the probe sorts them). Empty for a record without conda packages.
 */
export function condaPackages(r: EnvRecord): Map<string, { name: string; version: string }> {
  const out = new Map<string, { name: string; version: string }>();
  for (const p of r.conda ?? []) if (!out.has(p.name)) out.set(p.name, { name: p.name, version: p.version });
  return out;
}
