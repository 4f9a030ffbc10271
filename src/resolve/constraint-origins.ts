// pip's references to a line of the requirements' -c files (which the resolver hands pip as one
// file), as the user's own "file:line". Pure.
import { DIR, USER_CONSTRAINTS_FILE } from './workdir.js';

const CONSTRAINTS_PATH = `${DIR}/${USER_CONSTRAINTS_FILE}`.replace(/[.]/g, '\\.');
const CONSTRAINT_LINE = new RegExp(`(?:-c )?${CONSTRAINTS_PATH} \\(line (\\d+)\\)`, 'g');
const FROM_CONSTRAINT_LINE = new RegExp(`\\(from line (\\d+) of ${CONSTRAINTS_PATH}\\)`, 'g');

/**
 * OUT with pip's references to a line of the -c files' text ("-c DIR/user-constraints.txt (line
 * N)", "(from line N of DIR/user-constraints.txt)") replaced by the user's "file:line". Pure.
 */
export function withConstraintOrigins(out: string, origins: readonly string[]): string {
  const at = (n: string) => origins[Number(n) - 1];
  return out
    .replace(CONSTRAINT_LINE, (x, n: string) => at(n) ?? x)
    .replace(FROM_CONSTRAINT_LINE, (x, n: string) => (at(n) === undefined ? x : `(from ${at(n)})`));
}
