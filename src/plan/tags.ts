// Tags and OCI labels of a variant. Pure: the git/CI context is passed in.
//
// Tag rules (docs/configuration.md "Tags"):
//   <version>-<variant>        when a version is known (image.version, or a v1.2.3 git tag), on a
//                              release build: not a pull request, nor a branch known not to be the
//                              default (see releaseBuild)
//   sha-<sha7>-<variant>       whenever the commit is known
//   pr-<n>-<variant>           on pull requests
//   <variant>                  on the default branch (the variant's moving "latest")
//   latest                     on the default branch, for the first variant of the config only
//   dev-<variant>              when none of the above applies (a local build outside git)
import { tagSafeVersion } from '../oci/ref.js';
import { type GitContext, LABEL_PREFIX } from './schema.js';

/**
 * A version from a tag ref like refs/tags/v1.4.0 -> "1.4.0"; a "+" becomes "-" (tagSafeVersion),
 * as in image.version: refs/tags/v1.0.0+build.5 -> "1.0.0-build.5".
 */
export function versionFromRef(ref: string | undefined): string | undefined {
  const m = /^refs\/tags\/v?(\d+\.\d+\.\d+[A-Za-z0-9.+-]*)$/.exec(ref ?? '');
  return m ? tagSafeVersion(m[1]!) : undefined;
}

interface TagInput {
  repository: string; // registry/name
  variant: string;
  primary: boolean; // first variant of the config
  version?: string;
  git: GitContext;
}

/**
 * Whether a build may push the version tag: a tag ref, or no pull request and no branch known not
 * to be the default one. A pull request (same repository: its image is pushed), another branch or
 * the merge queue would otherwise move `1.4.0-cpu` to unmerged code; a local build whose branch
 * cannot be told from the default one (isDefaultBranch unknown) keeps it.
 */
function releaseBuild(git: GitContext): boolean {
  if (git.ref?.startsWith('refs/tags/')) return true;
  return git.prNumber === undefined && git.isDefaultBranch !== false;
}

export function computeTags(t: TagInput): string[] {
  const tags: string[] = [];
  const add = (tag: string) => {
    const full = `${t.repository}:${tag}`;
    if (!tags.includes(full)) tags.push(full);
  };
  const version = t.version ?? versionFromRef(t.git.ref);
  if (version !== undefined && releaseBuild(t.git)) add(`${version}-${t.variant}`);
  if (t.git.sha) add(`sha-${t.git.sha.slice(0, 7)}-${t.variant}`);
  if (t.git.prNumber !== undefined) add(`pr-${t.git.prNumber}-${t.variant}`);
  if (t.git.isDefaultBranch) {
    add(t.variant);
    if (t.primary) add('latest');
  }
  if (tags.length === 0) add(`dev-${t.variant}`);
  return tags;
}

interface LabelInput {
  title: string;
  variant: string;
  python: string;
  cuda?: string;
  torch?: string;
  baseImage: string;
  version?: string;
  git: GitContext;
  created: Date;
}

/** OCI labels plus the project's own. The base image digest label is added at build time. */
export function computeLabels(l: LabelInput): Record<string, string> {
  const version = l.version ?? versionFromRef(l.git.ref);
  return {
    'org.opencontainers.image.title': l.title,
    'org.opencontainers.image.created': l.git.commitTime ?? l.created.toISOString(),
    ...(l.git.repositoryUrl !== undefined && { 'org.opencontainers.image.source': l.git.repositoryUrl }),
    ...(l.git.sha !== undefined && { 'org.opencontainers.image.revision': l.git.sha }),
    ...(version !== undefined && { 'org.opencontainers.image.version': version }),
    'org.opencontainers.image.base.name': l.baseImage,
    [`${LABEL_PREFIX}.variant`]: l.variant,
    [`${LABEL_PREFIX}.python`]: l.python,
    ...(l.cuda !== undefined && { [`${LABEL_PREFIX}.cuda`]: l.cuda }),
    ...(l.torch !== undefined && { [`${LABEL_PREFIX}.torch`]: l.torch }),
    [`${LABEL_PREFIX}.base-image`]: l.baseImage,
  };
}
