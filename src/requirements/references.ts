// The ${NAME} references of a requirements file against build.secrets: the build passes pip only
// the variables listed there (by secret mount), so the resolver passes only those too (by
// environment). A file a pull request changes could otherwise hand pip, and any index it names,
// whatever the runner's environment holds (AWS_SECRET_ACCESS_KEY, a token the workflow set).
import {
  type GivenFileError,
  readRequirements,
  type RefusedReference,
  type RequirementsText,
  workspaceRoot,
} from './read.js';

/**
 * The references that SECRETS (build.secrets) does not list, refused: each line naming one is a
 * problem of its own ("req.txt:3: ${TOKEN} is not listed in build.secrets"), among the others the
 * read finds.
 */
function unlistedReferences(secrets: readonly string[]): RefusedReference {
  return {
    why: (name) => (secrets.includes(name) ? undefined : 'is not listed in build.secrets'),
    fix: 'list each ${NAME} a line names in build.secrets: the build passes pip only those variables (by secret mount), and the resolver only those from the environment',
  };
}

/**
 * The requirements FILES (relative to BASE_DIR) as the build reads them: on a runner from the
 * workspace only, checked with only SECRETS (build.secrets) filled in, and a ${NAME} they do not
 * list refused (exit 2, with every other problem of the files, each naming its file and line).
 * The resolve and build stages and `validate` read them so. GIVEN: how a file of FILES that cannot
 * be read is said (the config field and line naming it: requirementsFieldError).
 */
export function readListedRequirements(
  files: readonly string[],
  secrets: readonly string[],
  baseDir: string,
  env: Readonly<Record<string, string | undefined>>,
  given?: GivenFileError,
): RequirementsText {
  return readRequirements(files, baseDir, env, {
    ...workspaceRoot(env, baseDir),
    expandable: secrets,
    refused: unlistedReferences(secrets),
    ...(given !== undefined && { given }),
  });
}
