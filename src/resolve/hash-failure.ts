// pip's hash-checking failures told apart, each with the requirements pip lists under its message
// (pip prints one block per kind, operations/prepare.py's HashErrors): a downloaded file that does not
// match its --hash (HashMismatch), requirements without a --hash in that mode (HashMissing: a line
// without one, or a dependency the files do not list), and requirements not pinned with ==
// (HashUnpinned). Pure.

export type HashProblem = 'mismatch' | 'missing' | 'unpinned';

/** pip's heading of each kind, in the order they are reported here (a mismatch first: tampering?). */
const HEADINGS: readonly (readonly [HashProblem, RegExp])[] = [
  ['mismatch', /DO NOT MATCH THE HASHES/],
  ['missing', /Hashes are required in --require-hashes mode/],
  ['unpinned', /In --require-hashes mode, all requirements must/],
];

/**
 * The hash-checking failure in pip's OUTPUT, if any: which kind, where its heading starts (pip's
 * "(line N)" follows it, for a mismatch), and the requirements listed under it as pip writes them
 * up to their first space (`numpy==2.0.0`; a mismatch's `foo==1.0`), once each.
 */
export function hashFailureOf(
  output: string,
): { problem: HashProblem; at: number; requirements: string[] } | undefined {
  for (const [problem, heading] of HEADINGS) {
    const at = output.search(heading);
    if (at < 0) continue;
    const requirements: string[] = [];
    // The block: the lines after the heading's, indented; it ends at the first that is not.
    for (const line of output.slice(at).split(/\r?\n/).slice(1)) {
      if (!/^\s/.test(line)) break;
      // A requirement is indented by 4 (a mismatch's "Expected sha256 ..." and "Got ..." deeper).
      const req = /^ {4}(\S+)/.exec(line)?.[1];
      if (req !== undefined && !requirements.includes(req)) requirements.push(req);
    }
    return { problem, at, requirements };
  }
  return undefined;
}
