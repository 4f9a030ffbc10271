// Package URLs (https://github.com/package-url/purl-spec) as the SBOM writes them: pkg:pypi,
// pkg:deb and pkg:oci, percent-encoded and with sorted qualifiers (pure).
import { parseImageRef, repositoryOf } from '../oci/ref.js';
import { canonicalName } from '../requirements/parse.js';
import { compareText } from '../util/text.js';
import { sha256Hex } from './types.js';

/** Percent-encoding as purl requires: everything but A-Z a-z 0-9 . - _ ~ and ':' (never encoded). */
export function purlEncode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%3A/gi, ':');
}

/** Qualifiers sorted by key, empty values left out. */
function qualifiers(q: Record<string, string | null | undefined>): string {
  const parts = Object.entries(q)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .sort(([a], [b]) => compareText(a, b))
    .map(([k, v]) => `${k}=${purlEncode(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

const at = (version: string) => (version === '' ? '' : `@${purlEncode(version)}`);

export function pypiPurl(name: string, version: string): string {
  // pkg:pypi names are PEP 503 normalised: Foo_Bar.baz -> foo-bar-baz.
  return `pkg:pypi/${purlEncode(canonicalName(name))}${at(version)}`;
}

export function debPurl(
  osId: string,
  pkg: { name: string; version: string; arch?: string | null },
  distro?: string | null,
): string {
  return `pkg:deb/${purlEncode(osId.toLowerCase())}/${purlEncode(pkg.name.toLowerCase())}${at(pkg.version)}${qualifiers({ arch: pkg.arch, distro })}`;
}

/** pkg:oci/<name>@sha256:<hex>?arch=&repository_url=&tag=, or undefined without a sha256 digest. */
export function ociPurl(ref: string, digest: string | null | undefined, arch?: string): string | undefined {
  const hex = sha256Hex(digest);
  if (hex === undefined) return undefined;
  const r = parseImageRef(ref);
  const name = r.path.split('/').pop()!.toLowerCase();
  return `pkg:oci/${purlEncode(name)}@sha256:${hex}${qualifiers({ arch, repository_url: repositoryOf(r), tag: r.tag })}`;
}
