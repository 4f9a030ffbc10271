// Package URLs (https://github.com/package-url/purl-spec) as the SBOM writes them: pkg:pypi,
// pkg:deb, pkg:conda and pkg:oci, and the provenance's pkg:docker, percent-encoded and with sorted
// qualifiers (pure).
import { parseImageRef, repositoryOf } from '../oci/ref.js';
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

/**
 * A purl's name segment, or undefined for an empty name: the purl spec requires a name, and
 * "pkg:pypi/@1.0" is no purl (a parser refuses it). A record may hold one (a METADATA without a
 * Name, a hand-made record): its component gets no purl.
 */
const named = (name: string, purl: (encoded: string) => string): string | undefined =>
  name === '' ? undefined : purl(purlEncode(name));

/**
 * pkg:pypi/<name>@<version>, the name as the purl spec's pypi type writes it: lowercased, each
 * underscore a dash, nothing else changed (Foo_Bar.baz -> foo-bar.baz, zope.interface stays). Not
 * PEP 503's canonicalName, which also turns dots into dashes and folds runs: that one is for
 * matching names, not for the purl.
 */
export function pypiPurl(name: string, version: string): string | undefined {
  return named(name.toLowerCase().replace(/_/g, '-'), (n) => `pkg:pypi/${n}${at(version)}`);
}

interface DebPackage {
  name: string;
  version: string;
  arch?: string | null;
  /** The source package (dpkg's Source field), and its version when it differs from the binary's. */
  source?: string | null;
  sourceVersion?: string | null;
}

/**
 * The `upstream` qualifier of a deb purl, as syft writes it and grype reads it: the source package
 * when its name differs from the binary's (scanners match Debian's advisories by source package:
 * libssl3 -> openssl), with `@<version>` when that differs too (glibc@2.36-9 for a binNMU's libc6
 * 2.36-9+b1); none when the source is the binary package itself.
 */
function debUpstream(pkg: DebPackage): string | undefined {
  const { source, sourceVersion } = pkg;
  if (!source || source.toLowerCase() === pkg.name.toLowerCase()) return undefined;
  return sourceVersion && sourceVersion !== pkg.version ? `${source}@${sourceVersion}` : source;
}

export function debPurl(osId: string, pkg: DebPackage, distro?: string | null): string | undefined {
  const q = qualifiers({ arch: pkg.arch, distro, upstream: debUpstream(pkg) });
  const ns = purlEncode(osId.toLowerCase());
  return named(pkg.name.toLowerCase(), (n) => `pkg:deb/${ns}/${n}${at(pkg.version)}${q}`);
}

/** A conda package as the record holds it (conda-meta): the channel without its subdir. */
interface CondaPackage {
  name: string;
  version: string;
  build?: string | undefined;
  channel?: string | undefined;
  subdir?: string | undefined;
}

/** pkg:conda/<name>@<version>?build=&channel=&subdir= (purl-spec's conda type: no namespace). */
export function condaPurl(pkg: CondaPackage): string | undefined {
  const q = qualifiers({ build: pkg.build, channel: pkg.channel, subdir: pkg.subdir });
  return named(pkg.name, (n) => `pkg:conda/${n}${at(pkg.version)}${q}`);
}

/**
 * pkg:oci/<name>@sha256:<hex>?arch=&repository_url=&tag=, or undefined without a sha256 digest or
 * a name (a reference that ends in "/").
 */
export function ociPurl(ref: string, digest: string | null | undefined, arch?: string): string | undefined {
  const hex = sha256Hex(digest);
  if (hex === undefined) return undefined;
  const r = parseImageRef(ref);
  const q = qualifiers({ arch, repository_url: repositoryOf(r), tag: r.tag });
  return named(r.path.split('/').pop()!.toLowerCase(), (n) => `pkg:oci/${n}@sha256:${hex}${q}`);
}

/**
 * pkg:docker/<path>@<digest, else tag>?repository_url=<registry> (the provenance's base image), or
 * undefined for a reference without a name (one that ends in "/"), as ociPurl.
 */
export function dockerPurl(ref: string, digest?: string | null): string | undefined {
  const r = parseImageRef(ref);
  const hex = sha256Hex(digest ?? r.digest);
  const q = qualifiers({ repository_url: r.registry });
  const path = r.path.split('/');
  const name = path.pop()!;
  const ns = path.map((s) => `${purlEncode(s)}/`).join('');
  return named(
    name,
    (n) => `pkg:docker/${ns}${n}${at(hex !== undefined ? `sha256:${hex}` : (r.tag ?? ''))}${q}`,
  );
}

/** '%', '@' and ':' percent-encoded: the delimiters of localRef. */
const refPart = (s: string | null | undefined) =>
  (s ?? '').replace(/[%@:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The bom-ref of a package without a purl (an empty name; a deb of an OS without an ID):
 * ml-image:<kind>:<name>@<version>[:<qualifier>...], each part with its delimiters encoded, so that
 * two packages get one only when they are alike (a name with "@" or ":" made the same one as
 * another package's, and the second was left out of the SBOM).
 */
export function localRef(
  kind: string,
  name: string,
  version: string,
  ...rest: (string | null | undefined)[]
) {
  return `ml-image:${kind}:${refPart(name)}@${refPart(version)}${rest.map((r) => `:${refPart(r)}`).join('')}`;
}
