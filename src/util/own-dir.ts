// The directories inside a result directory (digests/, attest/, comment/, devcontainer/<variant>/)
// are made by the tool and never followed as links. The default result directory sits in the
// workspace, where a checked-out pull request could carry `ml-image-results/comment` as a link to
// any directory of the runner: a write through it would put the tool's files there (a rename
// replaces a file of that name), and a removal would remove one. The result directory itself is
// the user's to choose, link or not.
import { lstatSync, mkdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { writeError } from './json-file.js';

/**
 * ROOT/REL, each directory of REL made when missing; a component that is a link or not a directory
 * is bad input naming it (exit 2): nothing is written through it. `label` names the result
 * directory in messages (e.g. "--out out").
 */
export function ownSubdir(root: string, rel: string, label: string): string {
  let at = root;
  for (const part of rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.')) {
    at = path.join(at, part);
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError(e, at, label);
    }
    if (st === undefined) {
      try {
        mkdirSync(at);
      } catch (e) {
        // Made meanwhile by a concurrent write of the same run: checked again below.
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(e, at, label);
        st = lstatSync(at);
      }
    }
    if (st?.isSymbolicLink()) throw linkRefused(at, label);
    if (st !== undefined && !st.isDirectory())
      throw new InputError(
        `${label}: ${at} exists and is not a directory; the tool writes its results there`,
        `remove it and run again, or pass another result directory`,
      );
  }
  return at;
}

/** The file REL under ROOT, its directories made by ownSubdir: where a result file is written. */
export function ownFilePath(root: string, rel: string, label: string): string {
  return path.join(ownSubdir(root, path.dirname(rel), label), path.basename(rel));
}

function linkRefused(at: string, label: string): InputError {
  let target = '';
  try {
    target = ` (to ${readlinkSync(at)})`;
  } catch {
    // gone meanwhile: named without its target
  }
  return new InputError(
    `${label}: ${at} is a link${target}, not a directory: result files are never written through a link`,
    `remove the link (a checkout or an earlier step put it there) and run again, or pass another result directory`,
  );
}
