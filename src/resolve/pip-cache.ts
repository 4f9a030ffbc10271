// pip's HTTP cache across resolver runs: a named Docker volume, mounted read-write into the
// resolver's container and used by pip (PIP_CACHE_DIR) when the image's user may write there.
// Nothing removes it (docker volume rm does).
//
// Whose it is. Code runs in that container with the volume writable: the base image's own (its
// python, a sitecustomize) and the requirements' (an sdist's setup.py while pip builds its
// metadata), both of which a pull request may choose. Such code can plant answers in the cache
// (an index page listing only an old release, an sdist of its own) that every later run mounting
// the same volume reads. So a volume is bound to:
// - the base image that runs: its registry digest when it is the registry's image, else its local
//   image id (base.ts), so one base's code never feeds another base's resolution; and
// - on GitHub Actions, the repository and whether the run may build a pull request's code (any
//   event but push, schedule, workflow_dispatch, merge_group and release, or GITHUB_HEAD_REF set:
//   pull_request_target, and workflow_run or issue_comment workflows that check out a pull
//   request, count too), so a pull request's requirements never feed a branch's resolution on a
//   shared self-hosted runner (a pull request may still feed another's); and a trusted run of
//   another ref than the default branch has its ref's own (github/run-ref.ts).
// The price: no sharing between bases. A new base digest starts with an empty cache, and volumes
// add up, one per base, index set and scope. Nothing removes them, those of the earlier naming
// (keyed by the index URLs only, never mounted again: the names differ, `-v2-`) included; every
// one carries PIP_CACHE_LABEL, so `docker volume ls -q --filter label=PIP_CACHE_LABEL | xargs -r
// docker volume rm` removes them all (docs/build.md).
//
// It never holds credentials, nor what only they open: an index URL with userinfo, any other URL in
// the requirements with one (a --find-links page, a direct URL), or a ${NAME} reference there (it
// may expand to a token, in a URL's userinfo or query) gets no cache volume at all, because pip's
// cache keeps private pages and wheels, and request headers named by a server's Vary (Authorization
// among them); the name is a hash of the redacted URLs. pip caches only https and
// --trusted-host answers, so no volume is made for plain-http indexes.
import { createHash } from 'node:crypto';
import { redactUrls } from '../util/redact.js';
import type { GitHubEvent } from '../github/event.js';
import { otherRefOf } from '../github/run-ref.js';
import { mayBuildPullRequestCode } from '../util/pull-request-code.js';
import type { SessionSpec } from '../docker/adapter.js';
import { pipReadText, type ResolveInput, shownIndexes } from './input.js';
import { urlsInText } from './network.js';

/** Where the volume is mounted in the resolver's container. */
export const PIP_CACHE_DIR = '/var/cache/ml-image-resolve-pip';

export const PIP_CACHE_LABEL = 'io.github.ml-image-action.cache';
/** The base image (digest or image id) a volume belongs to, as a label on it. */
export const PIP_CACHE_BASE_LABEL = 'io.github.ml-image-action.cache-base';
/** Every volume name starts so; the earlier naming had no `v2-`, so none of those is reused. */
export const PIP_CACHE_PREFIX = 'ml-image-resolve-pip-cache-v2-';

const PYPI = 'https://pypi.org/simple';

/** What a volume is bound to (see the top of this file). */
interface PipCacheBinding {
  /** The base image: its registry digest, else its local image id. */
  base: string;
  /** The run's trust scope (pipCacheScope). */
  scope: string;
}

/**
 * The index URLs a cache volume is for; undefined when one of them carries credentials, or when
 * pip would cache nothing (it caches answers from https and --trusted-host indexes only: a
 * plain-http index, a local one on a random port above all, gets no volume).
 */
export function pipCacheUrls(input: ResolveInput): string[] | undefined {
  const ix = shownIndexes(input);
  const urls = [ix.indexUrl ?? PYPI, ...ix.extraIndexUrls];
  if (urls.some(mayCarryCredentials)) return undefined;
  // pip fetches the requirements' own URLs too: --find-links pages, direct URLs (pkg @ https://...).
  const text = pipReadText(input);
  if (text.includes('${') || urlsInText(text).some(mayCarryCredentials)) return undefined;
  const trusted = /(^|\s)--trusted-host\b/.test(input.requirements.text);
  if (!trusted && !urls.some((u) => /^https:\/\//i.test(u))) return undefined;
  return urls.map((u) => redactUrls(u));
}

/** The cache volume for these inputs' indexes and this base and scope (undefined as pipCacheUrls). */
export function pipCacheVolume(
  input: ResolveInput,
  binding: PipCacheBinding,
): NonNullable<SessionSpec['volumes']>[number] | undefined {
  const urls = pipCacheUrls(input);
  if (urls === undefined) return undefined;
  const key = createHash('sha256')
    .update(JSON.stringify({ base: binding.base, scope: binding.scope, urls }))
    .digest('hex')
    .slice(0, 16);
  return {
    name: `${PIP_CACHE_PREFIX}${key}`,
    target: PIP_CACHE_DIR,
    labels: { [PIP_CACHE_LABEL]: 'pip-http', [PIP_CACHE_BASE_LABEL]: binding.base },
  };
}

/**
 * The run's trust scope: on GitHub Actions the repository, and `untrusted` for a run that may
 * build a pull request's code (mayBuildPullRequestCode over the run's EVENT facts: the one rule for
 * the cache, the push tag and the baseline), the ref's scope (`ref-<8 hex>`) for a trusted run of
 * another ref than the default branch (github/run-ref.ts: a branch's requirements never feed the
 * default branch's resolution), or `branch` for the default branch's; elsewhere (a workstation,
 * another CI) empty, or `untrusted` for a run marked as a fork's (FORK_MARK).
 */
export function pipCacheScope(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent = {},
): string {
  if (env.GITHUB_ACTIONS !== 'true') return mayBuildPullRequestCode(env, event) ? 'untrusted' : '';
  const scope = mayBuildPullRequestCode(env, event)
    ? 'untrusted'
    : (otherRefOf(env, event)?.scope ?? 'branch');
  return `${env.GITHUB_REPOSITORY ?? ''} ${scope}`;
}

/**
 * Userinfo in the URL (user@ or user:password@), another credential redactUrls masks (`?token=`,
 * Anaconda's `/t/<token>/`), or a ${NAME} pip would expand.
 */
export function mayCarryCredentials(url: string): boolean {
  return url.includes('${') || redactUrls(url) !== url || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
}
