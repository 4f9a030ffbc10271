// The ${NAME} references of a requirements file against build.secrets: the build passes pip only
// the variables listed there (by secret mount), so the resolver passes only those too (by
// environment). A file a pull request changes could otherwise hand pip, and any index it names,
// whatever the runner's environment holds (AWS_SECRET_ACCESS_KEY, a token the workflow set).
import { InputError } from '../errors.js';
import { readRequirements, type RequirementsText, workspaceRoot } from './read.js';

/** Refuses (exit 2) the references that build.secrets does not list, naming each. */
export function checkListedReferences(references: readonly string[], secrets: readonly string[]): void {
  const unlisted = references.filter((n) => !secrets.includes(n));
  if (unlisted.length === 0) return;
  throw new InputError(
    `the requirements reference ${unlisted.map((n) => `\${${n}}`).join(', ')}, which build.secrets does not list`,
    `list ${unlisted.length === 1 ? 'it' : 'each'} in build.secrets: the build passes pip only those variables (by secret mount), and the resolver only those from the environment`,
  );
}

/**
 * The requirements FILES (relative to BASE_DIR) as the build reads them: on a runner from the
 * workspace only, checked with only SECRETS (build.secrets) filled in, and a ${NAME} they do not
 * list refused (exit 2). The resolve and build stages and `validate` read them so.
 */
export function readListedRequirements(
  files: readonly string[],
  secrets: readonly string[],
  baseDir: string,
  env: Readonly<Record<string, string | undefined>>,
): RequirementsText {
  const read = readRequirements(files, baseDir, env, { ...workspaceRoot(env, baseDir), expandable: secrets });
  checkListedReferences(read.envReferences, secrets);
  return read;
}
