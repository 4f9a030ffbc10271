// pip's HTTP cache across resolver runs: a named Docker volume per set of indexes, mounted into
// the resolver's container and used by pip (PIP_CACHE_DIR) when the image's user may write there.
// Nothing removes it (docker volume rm does). It never holds credentials: an index URL with
// userinfo (or a ${NAME} reference that may expand to one) gets no cache volume at all, because
// pip's cache may keep request headers named by a server's Vary (Authorization among them); the
// name is a hash of the redacted URLs. pip caches only https and --trusted-host answers, so no
// volume is made for plain-http indexes.
import { createHash } from 'node:crypto';
import { redactUrls } from '../capture/redact.js';
import type { SessionSpec } from '../docker/adapter.js';
import { type ResolveInput, shownIndexes } from './input.js';

/** Where the volume is mounted in the resolver's container. */
export const PIP_CACHE_DIR = '/var/cache/ml-image-resolve-pip';

export const PIP_CACHE_LABEL = 'io.github.ml-image-action.cache';

const PYPI = 'https://pypi.org/simple';

/**
 * The cache volume for these inputs' indexes; undefined when one of them carries credentials, or
 * when pip would cache nothing there (it caches answers from https and --trusted-host indexes only:
 * a plain-http index, a local one on a random port above all, gets no volume of its own).
 */
export function pipCacheVolume(input: ResolveInput): NonNullable<SessionSpec['volumes']>[number] | undefined {
  const ix = shownIndexes(input);
  const urls = [ix.indexUrl ?? PYPI, ...ix.extraIndexUrls];
  if (urls.some(mayCarryCredentials)) return undefined;
  const trusted = /(^|\s)--trusted-host\b/.test(input.requirements.text);
  if (!trusted && !urls.some((u) => /^https:\/\//i.test(u))) return undefined;
  const key = createHash('sha256')
    .update(urls.map((u) => redactUrls(u)).join('\n'))
    .digest('hex')
    .slice(0, 16);
  return {
    name: `ml-image-resolve-pip-cache-${key}`,
    target: PIP_CACHE_DIR,
    labels: { [PIP_CACHE_LABEL]: 'pip-http' },
  };
}

/** Userinfo in the URL (user@ or user:password@), or a ${NAME} pip would expand. */
export function mayCarryCredentials(url: string): boolean {
  return url.includes('${') || redactUrls(url) !== url || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
}
