// pip's hash-checking failures told apart, each with the requirements pip lists under its message
// (pip prints one block per kind, operations/prepare.py's HashErrors): a downloaded file that does not
// match its --hash (HashMismatch), requirements without a --hash in that mode (HashMissing: a line
// without one, or a dependency the files do not list), and requirements not pinned with ==
// (HashUnpinned). A dependency no line lists is unpinned unless its dependent pins it (pip's
// _get_linked_req_hashes raises HashUnpinned before HashMissing): pip writes it with the chain that
// asks for it, "filelock from URL (from torch==2.5.1->-r DIR/requirements.txt (line 2))" (pip 23 to
// 26 alike), and "(line 2)" is its dependent's line, not its own. Pure.
import { DIR } from './workdir.js';

export type HashProblem = 'mismatch' | 'missing' | 'unpinned';

/**
 * What asks for a requirement pip lists as a dependency: the requirements of the chain, nearest
 * first, as pip writes them without their markers (`sympy==1.13.1`, `torch==2.5.1`), and the line
 * of the requirements file the chain starts at (0: a requirement of pip's command line, the
 * variant's torch==V).
 */
export interface RequiredBy {
  chain: string[];
  line: number;
}

/** pip's heading of each kind, in the order they are reported here (a mismatch first: tampering?). */
const HEADINGS: readonly (readonly [HashProblem, RegExp])[] = [
  ['mismatch', /DO NOT MATCH THE HASHES/],
  ['missing', /Hashes are required in --require-hashes mode/],
  ['unpinned', /In --require-hashes mode, all requirements must/],
];

const FILE_LINE = new RegExp(`^(?:-r )?${DIR.replace(/[.]/g, '\\.')}/requirements\\.txt \\(line (\\d+)\\)$`);

/**
 * The chain of a requirement pip lists with its "(from A->B->-r FILE (line N))" (undefined: none,
 * or a line's own requirement, "(from -r FILE (line N))"). Pure.
 */
function requiredBy(listed: string): RequiredBy | undefined {
  const from = / \(from (.*)\):?$/.exec(listed.trimEnd())?.[1];
  if (from === undefined) return undefined;
  const all = from.split('->').map((r) => r.replace(/;.*$/, '').trim());
  const line = FILE_LINE.exec(all[all.length - 1]!)?.[1];
  if (line !== undefined) all.pop();
  // pip 26 (not 23) writes a requirement with extras after its own project: "torch==2.5.1->torch[gpu]==2.5.1".
  const project = (r: string | undefined) => /^[A-Za-z0-9._-]*/.exec(r ?? '')![0].toLowerCase();
  const chain = all.filter((r, i) => project(r) !== project(all[i + 1]));
  return chain.length === 0 ? undefined : { chain, line: Number(line ?? 0) };
}

/**
 * The hash-checking failure in pip's OUTPUT, if any: which kind, where its heading starts (pip's
 * "(line N)" follows it, for a mismatch), the requirements listed under it as pip writes them up to
 * their first space or marker (`numpy==2.0.0`; a mismatch's `foo==1.0`), once each, and what asks
 * for those pip lists as dependencies (keyed by the requirement as listed).
 */
export function hashFailureOf(output: string):
  | {
      problem: HashProblem;
      at: number;
      requirements: string[];
      requiredBy: Record<string, RequiredBy>;
    }
  | undefined {
  for (const [problem, heading] of HEADINGS) {
    const at = output.search(heading);
    if (at < 0) continue;
    const requirements: string[] = [];
    const by: Record<string, RequiredBy> = {};
    // The block: the lines after the heading's, indented; it ends at the first that is not.
    for (const line of output.slice(at).split(/\r?\n/).slice(1)) {
      if (!/^\s/.test(line)) break;
      // A requirement is indented by 4 (a mismatch's "Expected sha256 ..." and "Got ..." deeper).
      const req = /^ {4}([^\s;]+)/.exec(line)?.[1];
      if (req === undefined || requirements.includes(req)) continue;
      requirements.push(req);
      const chain = requiredBy(line);
      if (chain) by[req] = chain;
    }
    return { problem, at, requirements, requiredBy: by };
  }
  return undefined;
}
