// A local path of the requirements that pip did not find (or found no project at) inside the base
// image: the path pip names, and the requirement line that gave it. pip names the line for some
// ("(from -r FILE (line N))"), not for a missing file or editable (pip 23: "No such file or
// directory: '/opt/wheels/x.whl'", "/opt/x is not a valid editable requirement"): those are found
// by their path among the requirement lines (a path, -e path, or file:// URL). Pure.
import { posix } from 'node:path';
import type { RequirementOrigin } from '../requirements/read.js';
import { DIR } from './workdir.js';

const LOCAL_PATH =
  /does not appear to be a Python project|is not a valid editable requirement|Could not open requirements file|is not installable|neither 'setup\.py' nor 'pyproject\.toml' found|^ERROR: .*No such file or directory: '[^']*'/m;

/** Did pip fail for a local path: not there, or no Python project there? */
export const isLocalPathFailure = (output: string): boolean => LOCAL_PATH.test(output);

/** The path an ERROR line of pip's names as missing or not a project, as pip writes it. */
function namedOn(line: string): string | undefined {
  const quoted = /No such file or directory: (?:'([^']+)'|"([^"]+)")/.exec(line);
  if (quoted) return quoted[1] ?? quoted[2];
  return (
    /^ERROR: Directory '([^']+)' is not installable/.exec(line)?.[1] ??
    /^ERROR: (\S.*?) is not a valid editable requirement\./.exec(line)?.[1]
  );
}

/** The local path pip's first ERROR line that names one says is not there (or holds no project). */
export function pathPipNamed(output: string): string | undefined {
  for (const l of output.split(/\r?\n/)) {
    const p = /^ERROR: /.test(l) ? namedOn(l) : undefined;
    if (p !== undefined) return p;
  }
  return undefined;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * A local path or file:// URL as the path in the container to compare (undefined for another
 * URL): the URL's path percent-decoded, without extras ("[gpu]") or a fragment, relative to DIR
 * (pip's working directory), normalized.
 */
function comparable(target: string): string | undefined {
  let p = target.trim();
  if (/^file:/i.test(p)) {
    const m = /^file:(?:\/\/(?:localhost)?)?(\/[^?#]*)/i.exec(p);
    if (!m) return undefined;
    try {
      p = decodeURIComponent(m[1]!);
    } catch {
      p = m[1]!;
    }
  } else if (SCHEME.test(p)) return undefined;
  p = p.replace(/\[[^\]]*\]$/, '');
  return p === '' ? undefined : posix.resolve(DIR, p);
}

/**
 * The requirement line whose path or file:// URL is PATH (as pip names it), if any: one that
 * writes it as pip does first (an editable's "/opt/x[gpu]"), else one that names the same path.
 */
export function lineOfPath(
  requirements: readonly RequirementOrigin[],
  path: string | undefined,
): RequirementOrigin | undefined {
  const wanted = path === undefined ? undefined : comparable(path);
  if (wanted === undefined) return undefined;
  return (
    requirements.find((r) => r.url === path) ??
    requirements.find((r) => r.url !== undefined && comparable(r.url) === wanted)
  );
}

/**
 * The "file:line" to blame for a local-path failure: the line pip names on its error, else the
 * line whose path pip names, else the line pip was processing when it failed. AT maps a line of
 * the requirements text to its "file:line".
 */
export function localPathOrigin(
  f: { line: number; path?: string; processing: number },
  requirements: readonly RequirementOrigin[],
  at: (line: number) => string | undefined,
): string | undefined {
  return at(f.line) ?? lineOfPath(requirements, f.path)?.origin ?? at(f.processing);
}
