// Whether a failed pip run is worth one more, at pip's debug level: an index that failed (5xx past
// pip's retries, a reset, a timeout, a refused connection), or "from versions: none" that may be
// one. Pure.
import { redactUrls } from '../util/redact.js';
import { indexUnreachable, noMatchingDistribution, transientIndexError } from './pip-output.js';

/**
 * The line where pip logged trouble with the network: an index that failed (5xx past its retries,
 * a reset, a timeout), one out of reach, or a request it retried ("WARNING: Retrying (Retry(...))
 * after connection broken by ..."), trimmed.
 */
function networkTrouble(out: string): string | undefined {
  return (
    transientIndexError(out) ??
    indexUnreachable(out) ??
    out
      .split(/\r?\n/)
      .find((l) => /Retrying \(Retry\(|\bConnectionError\b/.test(l))
      ?.trim()
  );
}

/**
 * A failure worth one more run: 5xx, resets, timeouts, refused connections, retries (pip logged
 * them), or "versions: none", which an index that failed or refused pip shows alike. Not even when
 * the same index gave pip another project in this run: pip logs a project page that failed (a 502,
 * which it does not retry, or a 403 for that project) only at its debug level, so "(from versions:
 * none)" after a project it found still may be the index's fault, and only the rerun tells.
 */
export function looksTransient(out: string): boolean {
  if (/ResolutionImpossible|DO NOT MATCH THE HASHES|Invalid requirement/.test(out)) return false;
  if (networkTrouble(out) !== undefined) return true;
  return /\(from versions: none\)/.test(out);
}

/**
 * Why a run is tried once more, redacted and short (for a progress line, which adds "; trying once
 * more"): the line of pip's output that says how the index failed, else what "versions: none" may be.
 */
export function transientSummary(out: string): string {
  const failed = networkTrouble(out);
  if (failed !== undefined) return `the package index failed (${redactUrls(failed).slice(0, 200)})`;
  const missing = noMatchingDistribution(out);
  const what = missing ? `"${redactUrls(missing).slice(0, 100)}"` : 'a requirement';
  return `no versions of ${what} found: a name the index lacks, or an index that failed or refused pip's login, which pip tells apart only at its debug level`;
}
