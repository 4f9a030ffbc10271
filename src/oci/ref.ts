// Image references, one grammar for every caller: Docker's reference grammar (imageRefProblem),
// splitting and normalizing (docker.io and library/ defaults), references by digest, registry
// mirrors. Pure, and below every stage: it imports nothing but the error types.
import { InputError } from '../errors.js';

interface ImageRef {
  /** Registry host, "docker.io" when none is given. */
  registry: string;
  /** Repository path, "library/python" for official images. */
  path: string;
  tag?: string;
  digest?: string;
}

/** Docker Hub's names; its registry API is at registry-1.docker.io. */
export const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** A digest as this tool pins images: sha256:<64 lowercase hex>, the whole string. */
export const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

/** Whether `s` is a sha256 digest (DIGEST_RE). */
export const isDigest = (s: string | null | undefined): s is string =>
  typeof s === 'string' && DIGEST_RE.test(s);

/**
 * The digest REF ends in (REPOSITORY[:TAG]@sha256:..., or a bare @sha256:...); undefined for a
 * reference by tag only, or one whose text after its last "@" is no digest (isDigest).
 */
export function refDigest(ref: string): string | undefined {
  const at = ref.lastIndexOf('@');
  const digest = at < 0 ? undefined : ref.slice(at + 1);
  return isDigest(digest) ? digest : undefined;
}

/** Parse "python:3.11-slim", "nvcr.io/nvidia/pytorch:25.03-py3", "localhost:5000/x@sha256:...". */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0]!;
  // As distribution/reference's splitDockerDomain: a first component with "." or ":", localhost,
  // or capitals (a lowercase path cannot hold them) names the registry.
  const hasRegistry =
    rest.includes('/') &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? rest.slice(first.length + 1) : rest;
  // Docker Hub, however spelled: a one-word name is an official image (library/).
  if (DOCKER_HUB.has(registry) && !path.includes('/')) path = `library/${path}`;
  return { registry, path, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** The canonical repository, e.g. "docker.io/library/python". */
export function repositoryOf(ref: string | ImageRef): string {
  const r = typeof ref === 'string' ? parseImageRef(ref) : ref;
  return `${r.registry}/${r.path}`;
}

/**
 * Rewrite a reference through mirrors: { "docker.io/library/python": "mirror.corp/python" } turns
 * python:3.11-slim into mirror.corp/python:3.11-slim. The longest matching prefix wins.
 */
export function applyMirrors(ref: string, mirrors: Readonly<Record<string, string>>): string {
  const parsed = parseImageRef(ref);
  const repo = repositoryOf(parsed);
  const match = mirrorFor(repo, mirrors);
  if (!match) return ref;
  const target = mirrors[match.k]!.replace(/\/+$/, '');
  const suffix = repo.slice(match.canonical.length);
  return `${target}${suffix}${parsed.tag !== undefined ? `:${parsed.tag}` : ''}${parsed.digest !== undefined ? `@${parsed.digest}` : ''}`;
}

/** The keys of MIRRORS that match REF, the longest (applyMirrors' choice) first. */
export const mirrorKeysOf = (ref: string, mirrors: Readonly<Record<string, string>>): string[] =>
  mirrorsOf(repositoryOf(parseImageRef(ref)), mirrors).map((m) => m.k);

const mirrorFor = (repo: string, mirrors: Readonly<Record<string, string>>) => mirrorsOf(repo, mirrors)[0];

function mirrorsOf(repo: string, mirrors: Readonly<Record<string, string>>) {
  return (
    Object.keys(mirrors)
      // A key with a registry is a literal prefix ("docker.io/nvidia" = every nvidia/* image);
      // without one it is an image name ("python" = docker.io/library/python).
      .map((k) => ({
        k,
        canonical:
          parseImageRef(`${k}:x`).registry === k.split('/')[0] ? k.replace(/\/+$/, '') : repositoryOf(k),
      }))
      .filter(({ canonical }) => repo === canonical || repo.startsWith(`${canonical}/`))
      .sort((a, b) => b.canonical.length - a.canonical.length)
  );
}

// Docker's reference grammar (distribution/reference): [domain/]path[:tag][@digest].
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`,
);
const TAG_RE = new RegExp(`^${TAG}$`);
/** An image id as `docker images` prints it (short or full, optionally sha256:-prefixed). */
const IMAGE_ID = /^(?:sha256:)?[0-9a-f]{12,64}$/;
/** The last word of imageRefProblem: the characters are fine, the shape is not. */
const SHAPE_PROBLEM = 'expected NAME[:TAG][@DIGEST], e.g. "ghcr.io/my-org/my-model:1.4.0-cpu"';

/** Whether `tag` is a valid tag (the TAG of NAME:TAG): [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. */
export const isTag = (tag: string): boolean => TAG_RE.test(tag);

/**
 * A version as a tag holds it: a "+" (semver build metadata, 1.0.0+build.5) becomes "-", since a
 * tag cannot hold "+". image.version and a git tag's version are mapped alike.
 */
export const tagSafeVersion = (version: string): string => version.replace(/\+/g, '-');

/** The longest repository name, its registry host included (distribution/reference's NameTotalLengthMax). */
const MAX_NAME_LENGTH = 255;

/**
 * Why the repository NAME (REGISTRY/PATH, no tag or digest) is too long for docker, or undefined:
 * counted as docker counts it, with the docker.io/ (and library/) a name without a host gets.
 */
export function nameLengthProblem(name: string): string | undefined {
  const { registry, path } = parseImageRef(name);
  const host = DOCKER_HUB.has(registry) ? 'docker.io' : registry;
  const length = host.length + 1 + path.length;
  return length > MAX_NAME_LENGTH
    ? `the repository name is ${length} characters with its registry host ("${host}/..."); docker takes at most ${MAX_NAME_LENGTH}`
    : undefined;
}

/** The invisible characters a rendered page may hide in a reference copied from it, by name. */
const INVISIBLE: Readonly<Record<string, string>> = {
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
};

/** The fix of a reference that holds an invisible character (invisibleProblem). */
const INVISIBLE_FIX = 'type the reference again or remove it';

/**
 * Why REF holds an invisible character (U+2060 after the "@" of a reference pasted from a PR
 * comment, where it stops a GitHub mention), named as such: never stripped, the user retypes it.
 */
function invisibleProblem(ref: string): string | undefined {
  const m = /[\u200b-\u200d\u2060\ufeff]/.exec(ref);
  if (m === null) return undefined;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const after = m.index > 0 ? ` after ${JSON.stringify(ref.slice(Math.max(0, m.index - 20), m.index))}` : '';
  return `it holds an invisible character U+${code} (${INVISIBLE[m[0]]})${after}, as text copied from a rendered report may`;
}

/**
 * Why `ref` is not a valid image reference, or undefined when it is. Accepts what `docker run`
 * accepts: name[:tag][@digest] (lowercase repository path, optional registry host) or an image id.
 */
export function imageRefProblem(ref: string): string | undefined {
  if (ref.length === 0) return 'empty image reference';
  if (ref.length > 512) return `image reference is ${ref.length} characters long (at most 512)`;
  if (IMAGE_ID.test(ref)) return undefined;
  if (REFERENCE.test(ref)) {
    // go-digest: a sha256 digest is 64 lowercase hex digits.
    const digest = ref.slice(ref.indexOf('@') + 1);
    if (ref.includes('@') && digest.startsWith('sha256:') && !DIGEST_RE.test(digest))
      return 'a sha256 digest is 64 lowercase hex digits';
    // The grammar takes any digits after the host's ":"; no registry listens past 65535.
    const { registry } = parseImageRef(ref);
    const port = ref.startsWith(`${registry}/`) ? portProblem(registry) : undefined;
    return port ?? nameLengthProblem(repositoryOf(ref));
  }
  const invisible = invisibleProblem(ref);
  if (invisible !== undefined) return invisible;
  const bad = ref.match(/[^a-zA-Z0-9._:/@+\-[\]]/);
  if (bad) return `character ${JSON.stringify(bad[0])} is not allowed in an image reference`;
  const { path } = parseImageRef(ref);
  if (/[A-Z]/.test(path)) return 'the repository name must be lowercase';
  return SHAPE_PROBLEM;
}

/**
 * A registry host as docker names one: localhost, a dotted name whose every label starts and ends
 * with a letter or digit (as the reference grammar's domain: docker refuses a tag on "bad-.io"), or
 * [IPv6], with an optional port. Its shape only: registryHostProblem also checks the port's range.
 */
const REGISTRY_HOST = new RegExp(
  `^(?:localhost|${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})+|\\[[0-9a-fA-F:]+\\])(?::\\d{1,5})?$`,
);
/** What a registry host looks like, said when one does not. */
const REGISTRY_HOST_EXPECTED = 'expected a registry host like "ghcr.io" or "localhost:5000"';

/** The port a registry host (HOST:PORT, [IPv6]:PORT) names, as written; undefined without one. */
const portOf = (host: string): string | undefined => /(?:^[^[]*|\]):(\d+)$/.exec(host)?.[1];

/** Why a registry host's port (1 to 65535) cannot be, or undefined when it has none or a good one. */
function portProblem(host: string): string | undefined {
  const port = portOf(host);
  if (port === undefined) return undefined;
  const n = Number(port);
  return n >= 1 && n <= 65535 ? undefined : `port ${port} is out of range (1 to 65535)`;
}

/** Registries whose host, written first in image.name, is surely a host (not a path component). */
const KNOWN_REGISTRY =
  /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|ghcr\.io|quay\.io|nvcr\.io|(?:[a-z0-9-]+\.)?gcr\.io|registry\.gitlab\.com|public\.ecr\.aws|mcr\.microsoft\.com|[a-z0-9-]+\.azurecr\.io|[0-9]+\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com|[a-z0-9-]+-docker\.pkg\.dev)$/;

/**
 * The registry host image.name starts with, when it does (the registry named twice in the tags):
 * the configured registry, or a well-known one. A first component that merely has a dot stays a
 * path component ("team.ai/model" on a registry that takes dots).
 */
export function registryInName(name: string, registry: string): string | undefined {
  const slash = name.indexOf('/');
  if (slash < 0) return undefined;
  const first = name.slice(0, slash);
  return first === registry.toLowerCase() || KNOWN_REGISTRY.test(first) ? first : undefined;
}

/**
 * Why `host` is not a registry host (REGISTRY_HOST's shape, a port from 1 to 65535), or undefined
 * when it is one: a port past 65535 would fail only when the build pushes, as an unreachable registry.
 */
export function registryHostProblem(host: string): string | undefined {
  if (REGISTRY_HOST.test(host)) return portProblem(host);
  // A name of the right characters with a label that starts or ends with "-" (or is empty): say so.
  const name = host.replace(/:\d{1,5}$/, '');
  return /^[a-zA-Z0-9.-]+$/.test(name) && name.includes('.')
    ? `${REGISTRY_HOST_EXPECTED} (each dot-separated part starts and ends with a letter or digit)`
    : REGISTRY_HOST_EXPECTED;
}

/**
 * Why `ref` is not a mirror's source (KEY) or target: a repository prefix, or a whole registry
 * (docker.io, mirror.corp, and as a target localhost:5000); a trailing "/" is dropped, as
 * applyMirrors drops it. A source with a port and no path is refused: it would never match.
 */
export function mirrorProblem(ref: string, key: boolean): string | undefined {
  const s = ref.replace(/\/+$/, '');
  if (!s.includes('/') && REGISTRY_HOST.test(s)) {
    if (key && portOf(s) !== undefined)
      return 'a registry with a port as a source never matches: name a repository under it (HOST:PORT/NAME)';
    return portProblem(s);
  }
  return repositoryProblem(s);
}

/**
 * Why `ref` is not a repository (an image reference without a tag or digest: a mirror, the
 * repository a build pushed to), or undefined when it is one.
 */
export function repositoryProblem(ref: string): string | undefined {
  const problem = imageRefProblem(ref);
  if (problem !== undefined) return problem;
  return /@|:[^/]*$/.test(ref.slice(ref.indexOf('/') + 1))
    ? 'a repository without a tag or digest (the image keeps its own)'
    : undefined;
}

/** An image pinned by digest. */
export interface DigestRef {
  /** REPOSITORY@sha256:<64 hex>: the reference as given, less any tag (the digest decides). */
  ref: string;
  /** Registry host (with port), "docker.io" when the reference names none. */
  registry: string;
  /** Repository path in the registry ("library/python" for Docker Hub's official images). */
  path: string;
  /** sha256:<64 hex> */
  digest: string;
}

interface DigestRefOptions {
  /** What the reference is, for messages: a flag, an input, a file (default "image"). */
  field?: string;
  /**
   * REPOSITORY:TAG@DIGEST is accepted, as docker and cosign accept it: the tag is dropped and the
   * digest decides (the default). false: a tag is bad input.
   */
  allowTag?: boolean;
  /** Where else a digest comes from, added to the message of a reference without one. */
  orElse?: string;
  /** The fix printed for a reference without a digest. */
  fix?: string;
}

/** What a bare sha256:... (build.json's digest alone, or an image ID) lacks, and where it is. */
export const BARE_DIGEST_FIX =
  "a pushed image is REPOSITORY@sha256:<digest>: build.json names both, a variant's repository and its digest";

/** The fix of a digest that is not sha256: and 64 hex digits (digestProblem). */
const DIGEST_FIX =
  'pass REPOSITORY@sha256: and the 64 lowercase hex digits of the digest, copied whole from build.json or `docker buildx imagetools inspect REF`';

/**
 * What is wrong with the digest after REF's last "@" when it is one, ALGORITHM:HEX, but not
 * sha256:<64 lowercase hex> (cut off when copied, upper case, another algorithm); undefined when
 * there is none such (a tag alone, or a digest that is whole).
 */
function digestProblem(ref: string): string | undefined {
  const at = ref.lastIndexOf('@');
  const m =
    at < 0 ? null : /^([a-z][a-z0-9]*(?:[+._-][a-z][a-z0-9]*)*):([0-9a-z]*)$/i.exec(ref.slice(at + 1));
  if (m === null || isDigest(m[0])) return undefined;
  const [, algorithm, hex] = m as unknown as [string, string, string];
  if (algorithm.toLowerCase() === 'sha256' && algorithm !== 'sha256')
    return `its digest is ${algorithm}:..., and the algorithm is written in lower case (sha256:)`;
  if (algorithm !== 'sha256')
    return `its digest is ${algorithm}:..., and an image is pinned by its sha256 digest`;
  if (!/^[0-9a-f]*$/.test(hex)) return 'a sha256 digest is 64 lowercase hex digits';
  return `the digest has ${hex.length} hex digit${hex.length === 1 ? '' : 's'} after "sha256:", where a sha256 digest has 64${hex.length < 64 ? ' (cut off when copied?)' : ''}`;
}

/**
 * REF@sha256:<64 hex>, checked against the reference grammar, or an InputError (exit 2) naming
 * the field and the value. The returned `ref` is the digest-only form: pass that one on.
 */
export function parseDigestRef(ref: string, opts: DigestRefOptions = {}): DigestRef {
  const { field = 'image', allowTag = true } = opts;
  const quoted = JSON.stringify(ref);
  if (DIGEST_RE.test(ref))
    throw new InputError(
      `${field} ${quoted} is a digest without its repository: pass REPOSITORY@${ref}`,
      BARE_DIGEST_FIX,
    );
  const problem = imageRefProblem(ref);
  const { registry, path, tag, digest } = parseImageRef(ref);
  const pinned = isDigest(digest);
  // A badly shaped reference that does not end in a digest: that it has none is the clearer message.
  const endsPinned = ref.includes('@') && isDigest(ref.slice(ref.lastIndexOf('@') + 1));
  // A digest cut off or mistyped: what the digest lacks, not that the reference has none.
  const invisible = invisibleProblem(ref) !== undefined;
  const badDigest = invisible ? undefined : digestProblem(ref);
  if (badDigest !== undefined)
    throw new InputError(`${field} ${quoted} is not pinned by a whole digest: ${badDigest}`, DIGEST_FIX);
  if (problem !== undefined && (endsPinned || problem !== SHAPE_PROBLEM))
    throw new InputError(
      `${field} ${quoted} is not a valid image reference: ${problem}`,
      invisible ? INVISIBLE_FIX : undefined,
    );
  if (!pinned)
    throw new InputError(
      `${field} ${quoted} has no @sha256:<64 hex> digest (pin by digest): pass REPOSITORY@sha256:<digest>${opts.orElse !== undefined ? `, or ${opts.orElse}` : ''}`,
      opts.fix ??
        'a tag can move: use the digest the build reported (build.json, or `docker buildx imagetools inspect REF`)',
    );
  if (tag !== undefined && !allowTag)
    throw new InputError(
      `${field} ${quoted} names a tag and a digest: pass REPOSITORY@sha256:<digest>, without the tag`,
    );
  const name = ref.slice(0, ref.indexOf('@'));
  const repository = tag === undefined ? name : name.slice(0, name.length - tag.length - 1);
  return { ref: `${repository}@${digest}`, registry, path, digest };
}
