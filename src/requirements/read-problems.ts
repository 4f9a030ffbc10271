// The problems a read of requirements files finds (read.ts), refused together: one per line, each
// naming its file and line, with the fix of their kind (the syntax, a credential written in a
// line, an include that cannot be read, a ${NAME} the caller refuses).
import { ConfigError, InputError, locationOf } from '../errors.js';
import { type CredentialProblem, credentialFix } from './credential-problems.js';
import { readRequirementsFile } from './read-file.js';

/**
 * A ${NAME} the caller refuses (one build.secrets does not list: references.ts): WHY it is, said
 * after "FILE:LINE: ${NAME} ", each line it is on a problem of its own, with FIX.
 */
export interface RefusedReference {
  why: (name: string) => string | undefined;
  fix: string;
}

/** More invalid lines than this are counted, not listed. */
const MAX_LISTED_ERRORS = 20;

const FIX =
  'fix that line: PEP 508 syntax such as "scikit-learn>=1.4,<2" or a pip option (https://pip.pypa.io/en/stable/reference/requirements-file-format/)';

/**
 * The problems of a read, and the kind of those that are credentials written in a line or a comment
 * (literalProblem adds one): those have their own fix (problemsError).
 */
export function problemList() {
  const problems: string[] = [];
  const credentials = new Map<string, CredentialProblem['kind']>();
  const others: OtherProblems = new Map();
  const literalProblem = (p: CredentialProblem) => {
    credentials.set(p.problem, p.kind);
    problems.push(p.problem);
  };
  const otherProblem = (problem: string, fix: string | undefined, alone?: InputError) => {
    others.set(problem, { fix, ...(alone !== undefined && { alone }) });
    problems.push(problem);
  };
  return { problems, credentials, others, literalProblem, otherProblem };
}

/**
 * The problems with a fix of their own (an include that cannot be read, a ${NAME} refused), and
 * the error such a problem is when it is the only one (an include's, placed on its -r line).
 */
type OtherProblems = Map<string, { fix: string | undefined; alone?: InputError }>;

/**
 * How the error of a file given (not included) that cannot be read is said, by its index among the
 * files given: the caller that knows who named it (the config's python.requirements[I], its line).
 */
export type GivenFileError = (index: number, error: InputError) => InputError;

/**
 * An include that cannot be read (missing, not a regular file, outside the workspace ...) is a
 * problem of the line that names it, added by PROBLEM; the walk goes on with the other lines and
 * files (undefined: none of its lines). A file given (GIVEN: its index), not included, is refused
 * at once, its error said by GIVEN_ERROR when there is one.
 */
export function readIncluded(
  abs: string,
  from: string | undefined,
  root: string | undefined,
  problem: (text: string, fix: string | undefined, alone: InputError) => void,
  given?: { index: number; error?: GivenFileError | undefined; bytes?: (data: Buffer) => void },
): string | undefined {
  const bytes = given?.bytes;
  if (from === undefined) {
    try {
      return readRequirementsFile(abs, undefined, root, bytes);
    } catch (e) {
      if (!(e instanceof InputError) || given?.error === undefined) throw e;
      throw given.error(given.index, e);
    }
  }
  try {
    return readRequirementsFile(abs, from, root, bytes);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problem(`${from}: ${e.message.replace(` (included from ${from})`, '')}`, e.fix, e);
    return undefined;
  }
}

/**
 * One problem per line (--json lists them in "problems"), each naming its file and line. The fix
 * is the credential one (credentialFix: revoke a secret, write ${NAME} for a reference) where every
 * problem is a credential written in a line or comment (CREDENTIALS), the syntax one followed by it
 * where some are, then the fixes of the OTHERS among them. An include that cannot be read, the
 * only problem, is its own error (placed on the line that names it), as it was before any list.
 */
export function problemsError(
  files: readonly string[],
  found: string[],
  credentials: ReadonlyMap<string, CredentialProblem['kind']>,
  others: OtherProblems,
): InputError {
  // Once each: a file named by both -r and -c is read (and checked) as both.
  const problems = [...new Set(found)];
  // An include that cannot be read, alone: its own error, on the line that names it.
  const alone = problems.length === 1 ? others.get(problems[0]!)?.alone : undefined;
  if (alone !== undefined) return alone;
  const listed = problems.slice(0, MAX_LISTED_ERRORS);
  const more = problems.length - listed.length;
  if (more > 0) listed.push(`... and ${more} more invalid lines (fix the ones above first)`);
  const kinds = problems.flatMap((p) => credentials.get(p) ?? []);
  const credentialsFix = credentialFix(kinds);
  const ownFixes = [...new Set(problems.flatMap((p) => others.get(p)?.fix ?? []))];
  const syntax = problems.some((p) => !credentials.has(p) && !others.has(p));
  const fixes = [
    ...(syntax ? [FIX] : []),
    ...(credentialsFix === undefined
      ? []
      : [
          syntax || ownFixes.length > 0
            ? `a credential written in a line or comment: ${credentialsFix}`
            : credentialsFix,
        ]),
    ...ownFixes,
  ];
  return new ConfigError(files.join(', '), listed, {
    ...(fixes.length > 0 && { fix: fixes.join('; ') }),
    count: problems.length,
    problemsNameFiles: true,
  });
}

/**
 * The include loop LINKS (the files from the one included again, each with its line that includes
 * the next) close at ABS: a problem of the closing line, listed with the others; alone, this error
 * placed on that line. Undefined for a closing line in SEEN (one loop reached from two lines that
 * lead into it), which it is added to.
 */
export function includeLoop(
  links: readonly { file: string; line?: number }[],
  abs: string,
  seen: Set<string>,
) {
  const at = links.map((c) => `${c.file}:${c.line}`);
  if (seen.has(at.at(-1)!)) return undefined;
  seen.add(at.at(-1)!);
  const loop = `requirements include loop: ${[...at, abs].join(' -> ')}`;
  const fix = 'remove one of these -r/-c lines (a file cannot include itself, directly or through others)';
  return {
    problem: `${at.at(-1)}: ${loop}`,
    fix,
    alone: new InputError(loop, fix, { location: locationOf(at.at(-1)) }),
  };
}
