// Whether a failed pip run is worth one more, at pip's debug level: an index that failed (5xx past
// pip's retries, a reset, a timeout, a refused connection), or "from versions: none" that may be
// one. Pure.
import { redactUrls } from '../util/redact.js';
import { canonicalName } from '../requirements/parse.js';
import {
  indexesSearched,
  indexUnreachable,
  noMatchingDistribution,
  transientIndexError,
} from './pip-output.js';

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
 * The projects pip found on an index in this run: "Collecting NAME..." is logged once it has a
 * link for NAME (not for a direct URL: "Collecting NAME @ URL", "Collecting file://...").
 */
function projectsFound(out: string): Set<string> {
  const found = new Set<string>();
  for (const m of out.matchAll(/^\s*Collecting ([A-Za-z0-9][A-Za-z0-9._-]*)(.*)$/gm))
    if (!/^\s*@|^:/.test(m[2]!)) found.add(canonicalName(m[1]!));
  return found;
}

/**
 * pip listed no version of a project ("(from versions: none)") from an index that answered: another
 * project was found on it in this run, and it was the only index searched (pip's "Looking in
 * indexes:" names one, or none: PyPI). A name the index lacks, then, not an index that failed: at
 * pip's normal level a 5xx past its retries and a refused login (401, 403) read the same as a
 * missing name, and only the debug level tells them apart, so without that evidence the run is
 * worth one more.
 */
function namedWhatTheIndexLacks(out: string): boolean {
  const missing = noMatchingDistribution(out);
  const name = missing && /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(missing)?.[0];
  if (!name) return false;
  if ((indexesSearched(out)?.length ?? 1) !== 1) return false;
  const others = [...projectsFound(out)].filter((p) => p !== canonicalName(name));
  return others.length > 0;
}

/**
 * A failure worth one more run: 5xx, resets, timeouts, refused connections, retries (pip logged
 * them), or "versions: none" that an index that failed or refused pip would show alike (unless
 * namedWhatTheIndexLacks).
 */
export function looksTransient(out: string): boolean {
  if (/ResolutionImpossible|DO NOT MATCH THE HASHES|Invalid requirement/.test(out)) return false;
  if (networkTrouble(out) !== undefined) return true;
  return /\(from versions: none\)/.test(out) && !namedWhatTheIndexLacks(out);
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
