// The files the config names whose content is read and checked (smoke.baseline's floors), kept
// inside the workspace on a GitHub runner as requirements files are (src/requirements/read.ts): a
// pull request's config naming ~/.docker/config.json or another job's file would have it read, and
// a message saying what it holds. Anywhere else, anywhere. attest.key is not one: a private key
// belongs outside the repository, and its reader quotes nothing of a file that is no key.
import { isInside } from '../requirements/read-file.js';
import { realPathOrSelf } from '../util/read-regular.js';

/**
 * Why FILE (absolute) may not be read on a runner whose workspace is ROOT (workspaceRoot: the
 * workspace, or the config's own directory when the config is outside it), judged by where its
 * links lead; undefined when it may (no ROOT: not on a runner).
 */
export function outsideWorkspace(file: string, root: string | undefined): string | undefined {
  if (root === undefined) return undefined;
  const real = realPathOrSelf(file);
  const realRoot = realPathOrSelf(root);
  if (isInside(real, realRoot)) return undefined;
  return `${real === file ? file : `${file} (a link to ${real})`} is outside the workspace ${realRoot}; on a runner the config names files of the repository only: put it in the repository`;
}
