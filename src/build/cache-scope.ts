// Where a target's build cache lives when the inputs give no cache-from / cache-to: a gha scope or
// a registry ref per image, variant and platform. Pure.
import { createHash } from 'node:crypto';

export type CacheSpec = { type: 'gha'; scope: string } | { type: 'registry'; ref: string } | { type: 'none' };

/** The first 8 hex digits of the repository's sha256: short, and only [0-9a-f] in a scope. */
const repositoryHash = (repository: string) =>
  createHash('sha256').update(repository).digest('hex').slice(0, 8);

/**
 * Cache scope/ref per image, variant and platform, so one target's cache never evicts another's:
 * each gha write replaces its scope's index, and the scopes are the GitHub repository's, whose
 * images may share a variant name (hence the image repository's hash in the scope; the registry
 * ref is the image's own already).
 */
export function cacheFor(
  kind: 'gha' | 'registry' | 'none',
  repository: string,
  variant: string,
  arch: string,
): CacheSpec {
  if (kind === 'gha')
    return { type: 'gha', scope: `ml-image-${repositoryHash(repository)}-${variant}-${arch}` };
  if (kind === 'registry') return { type: 'registry', ref: `${repository}:cache-${variant}-${arch}` };
  return { type: 'none' };
}
