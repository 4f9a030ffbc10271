// Image references: split and normalize (docker.io/library/ defaults), apply registry mirrors.

export interface ImageRef {
  /** Registry host, "docker.io" when none is given. */
  registry: string;
  /** Repository path, "library/python" for official images. */
  path: string;
  tag?: string;
  digest?: string;
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
  const hasRegistry =
    rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? rest.slice(first.length + 1) : rest;
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
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
  const match = Object.keys(mirrors)
    // A key with a registry is a literal prefix ("docker.io/nvidia" = every nvidia/* image);
    // without one it is an image name ("python" = docker.io/library/python).
    .map((k) => ({
      k,
      canonical:
        parseImageRef(`${k}:x`).registry === k.split('/')[0] ? k.replace(/\/+$/, '') : repositoryOf(k),
    }))
    .filter(({ canonical }) => repo === canonical || repo.startsWith(`${canonical}/`))
    .sort((a, b) => b.canonical.length - a.canonical.length)[0];
  if (!match) return ref;
  const target = mirrors[match.k]!.replace(/\/+$/, '');
  const suffix = repo.slice(match.canonical.length);
  return `${target}${suffix}${parsed.tag !== undefined ? `:${parsed.tag}` : ''}${parsed.digest !== undefined ? `@${parsed.digest}` : ''}`;
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
/** An image id as `docker images` prints it (short or full, optionally sha256:-prefixed). */
const IMAGE_ID = /^(?:sha256:)?[0-9a-f]{12,64}$/;

/**
 * Why `ref` is not a valid image reference, or undefined when it is. Accepts what `docker run`
 * accepts: name[:tag][@digest] (lowercase repository path, optional registry host) or an image id.
 */
export function imageRefProblem(ref: string): string | undefined {
  if (ref.length === 0) return 'empty image reference';
  if (ref.length > 512) return `image reference is ${ref.length} characters long (at most 512)`;
  if (IMAGE_ID.test(ref) || REFERENCE.test(ref)) return undefined;
  const bad = ref.match(/[^a-zA-Z0-9._:/@+\-[\]]/);
  if (bad) return `character ${JSON.stringify(bad[0])} is not allowed in an image reference`;
  const { path } = parseImageRef(ref);
  if (/[A-Z]/.test(path)) return 'the repository name must be lowercase';
  return 'expected NAME[:TAG][@DIGEST], e.g. "ghcr.io/my-org/my-model:1.4.0-cpu"';
}
