// Why pip found no release of a requirement, as its output tells: an index that refused its
// credentials (seen at -vv), or releases skipped for their Requires-Python; and whose dependency
// the requirement is. Pure.
import { canonicalName } from '../requirements/parse.js';
import { redactUrls } from '../util/redact.js';

/**
 * The project a requirement as pip writes it names: "notthere" of "notthere==1.0", of
 * "foo[bar]>=2; python_version > '3'" "foo" (the name without its extras, specifier or markers).
 */
function projectOf(requirement: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement.trim())?.[0] ?? requirement;
}

/**
 * The index pages of PROJECT that pip was refused for its credentials, as pip logs them at -vv:
 * "Could not fetch URL http://u:****@h/simple/x/: 401 Client Error: Unauthorized for url: ... -
 * skipping". pip then says "from versions: none", as for a project the index lacks. Counted: a 401,
 * or a 403 of an index that carries a login (masked `u:****@`); a 403 without one is how an index on
 * S3 (download.pytorch.org) says it lacks the project. Another project's page is not counted.
 * PROJECT may be a requirement as pip names it ("x==1.0", "x[extra]>=2"): its project is compared.
 */
export function indexRefusals(
  output: string,
  project: string,
  loginHosts: ReadonlySet<string> = new Set(),
): { url: string; status: string }[] {
  const wanted = canonicalName(projectOf(project));
  return [
    ...output.matchAll(/Could not fetch URL (\S+?):? (40[13]) Client Error: ([A-Za-z ]+?) for url/g),
  ].flatMap((m) => {
    const url = m[1]!;
    const page = /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1];
    if (page === undefined || canonicalName(page) !== wanted) return [];
    // A 403 is a refused login only with one: in the URL, or for its host in pip's netrc (LOGIN_HOSTS).
    const host = /:\/\/([^/@\s]*@)?([^/:?#\s]*)/.exec(url);
    if (m[2] === '403' && !host?.[1] && !loginHosts.has(host?.[2] ?? '')) return [];
    return [{ url, status: `${m[2]} ${m[3]}` }];
  });
}

/**
 * The releases pip skipped for their Requires-Python ("ERROR: Ignored the following versions that
 * require a different python version: 2.0 Requires-Python >=3.12; ..."), the first few, redacted. Pure.
 */
export function pythonSkipped(out: string, max = 5): string | undefined {
  const m = /Ignored the following versions that require a different python version: ([^\n]*)/.exec(out);
  const all =
    m?.[1]!
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean) ?? [];
  if (all.length === 0) return undefined;
  const shown = all.slice(0, max).join('; ');
  return redactUrls(all.length > max ? `${shown}; and ${all.length - max} more` : shown);
}

/**
 * The project REQUIREMENT is a dependency of, as pip names it in "Could not find a version that
 * satisfies the requirement numpy>=3 (from needsnew) (from versions: ...)"; undefined for a
 * requirement of the user's own (no "(from X)" after it).
 */
export function dependencyOf(output: string, requirement: string): string | undefined {
  const at = output.indexOf(`satisfies the requirement ${requirement} (from `);
  if (at < 0) return undefined;
  const rest = output.slice(at + `satisfies the requirement ${requirement} (from `.length, at + 400);
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)[^)]*\)/.exec(rest);
  return m && !/^versions$/.test(m[1]!) ? m[1] : undefined;
}

/**
 * The hosts of the plain-http indexes pip ignored, as it warns even under --quiet: "The repository
 * located at HOST is not a trusted or secure host and is being ignored" (http on a host other than
 * localhost, with no --trusted-host). pip then lists no versions from them, as for a missing project.
 */
export function untrustedHosts(output: string): string[] {
  const warned = output.matchAll(/The repository located at (\S+) is not a trusted or secure host/g);
  return [...new Set([...warned].map((m) => m[1]!))];
}
