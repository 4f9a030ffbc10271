// Where the resolver works inside the base image's container, and the environment of every pip
// run there.

/** The directory in the container: requirements, constraints, the helper and pip's reports. */
export const DIR = '/tmp/ml-image-resolve';

export const PIP_ENV = {
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  PIP_NO_INPUT: '1',
  PIP_ROOT_USER_ACTION: 'ignore',
  // Debian/Ubuntu images mark their Python externally managed; this is a dry run in a throwaway container.
  PIP_BREAK_SYSTEM_PACKAGES: '1',
};

/** The requirements' own -c lines (input.ts userConstraintsText), which every dry run takes too. */
export const USER_CONSTRAINTS_FILE = 'user-constraints.txt';

/**
 * The index logins pip reads (NETRC names it: input.ts runIndexes), never in a URL that pip would
 * put on a command line.
 */
export const NETRC_FILE = 'netrc';
