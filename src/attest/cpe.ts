// The CPE of the Python interpreter (CPE 2.3 formatted string, as NVD names CPython:
// cpe:2.3:a:python:python:<version>:<update>:*:*:*:*:*:*), for the SBOM's cpython component: it has
// no package URL of its own when the image built it from source (python:* images, in /usr/local).
// Pure.
import type { EnvRecord } from '../capture/record.js';

/** NVD's update field of a CPython pre-release: 3.13.0rc1 -> rc1, 3.14.0a2 -> alpha2, 3.12.0b1 -> beta1. */
const UPDATE: Record<string, string> = { a: 'alpha', b: 'beta', rc: 'rc' };

/**
 * Whether a deb package holds the interpreter of this Python (pythonX.Y, pythonX.Y-minimal, their
 * lib): then the deb's purl is what scanners match it by (with the distribution's own fixes), and a
 * CPE of the upstream version would report what the distribution has patched.
 */
function fromDeb(record: EnvRecord, minor: string): boolean {
  return record.apt.some((a) =>
    new RegExp(`^(lib)?python${minor.replace('.', '\\.')}(-minimal)?$`).test(a.name),
  );
}

/**
 * cpe:2.3:a:python:python:<version>:<update>:*:*:*:*:*:* for a CPython whose version is a release
 * (3.11.9) or a pre-release (3.13.0rc1), when no deb package provides the interpreter; undefined
 * otherwise (another implementation, a version NVD has no name for: 3.12.0+, or a deb's Python).
 */
export function pythonCpe(record: EnvRecord): string | undefined {
  if (record.python.implementation.toLowerCase() !== 'cpython') return undefined;
  const m = /^((\d+\.\d+)\.\d+)(?:(a|b|rc)(\d+))?$/.exec(record.python.version);
  if (!m || fromDeb(record, m[2]!)) return undefined;
  const [, version, , pre, n] = m;
  const update = pre !== undefined ? `${UPDATE[pre]}${n}` : '*';
  return `cpe:2.3:a:python:python:${version}:${update}:*:*:*:*:*:*`;
}
