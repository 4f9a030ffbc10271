// The directories inside a result directory (digests/, attest/, comment/, devcontainer/<variant>/)
// are made by the tool and never followed as links. The default result directory sits in the
// workspace, where a checked-out pull request could carry `ml-image-results/comment` as a link to
// any directory of the runner: a write through it would put the tool's files there (a rename
// replaces a file of that name), and a removal would remove one. The result directory itself is
// the user's to choose (the CLI's --out, a result-dir outside the workspace), link or not; the
// action refuses one in the workspace that is a link or lies under one (refuseLinkUnder).
import { lstatSync, mkdirSync, readlinkSync, realpathSync } from 'node:fs';
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

/**
 * The directories NAMES of ROOT that are links, refused at once (exit 2): a run that writes results
 * says so before it builds and pushes, not when it first writes there at its end.
 */
export function refuseLinkedSubdirs(root: string, names: readonly string[], label: string): void {
  // One not there is made when first written; one unreadable, that write says why.
  for (const at of names.map((n) => path.join(root, n))) if (isLink(at)) throw linkRefused(at, label);
}

/**
 * DIR refused (exit 2) when it, or a directory between BASE and it, is a link. The action's result
 * directory sits in the workspace, whose links a checked-out pull request sets (the default
 * `ml-image-results` among them): every result file would be written and removed where the link
 * points. A DIR outside BASE (the runner's temp directory) is the workflow's own to choose.
 */
export function refuseLinkUnder(base: string, dir: string, label: string): void {
  const [from, rel] = within(base, dir) ?? withinReal(base, dir) ?? [base, ''];
  if (rel === '') return;
  let at = from;
  for (const part of rel.split(path.sep)) {
    at = path.join(at, part);
    // One not there yet (the tool makes it) is no link, nor is anything under it.
    if (isLink(at)) throw linkRefused(at, label, 'in the workspace (a checkout may have put it there)');
  }
}

/** DIR relative to BASE, where it lies in BASE (`..x` is a directory of it, `..` and `../x` are not). */
function within(base: string, dir: string): [string, string] | undefined {
  const rel = path.relative(base, dir);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : [base, rel];
}

/**
 * DIR in BASE spelled another way (the workspace's real path where it is reached through a link,
 * /home/runner/work -> /data, or the reverse): the ancestor of DIR nearest the root that is BASE
 * itself, and DIR relative to it. The links above the workspace are the runner's, not checked.
 */
function withinReal(base: string, dir: string): [string, string] | undefined {
  try {
    const real = realpathSync(base);
    const abs = path.resolve(dir);
    let at = path.parse(abs).root;
    for (const part of path.relative(at, abs).split(path.sep)) {
      at = path.join(at, part);
      if (realpathSync(at) === real) return [at, path.relative(at, abs)];
    }
  } catch {
    // BASE gone, or DIR's part not there yet: nothing in the workspace to check
  }
  return undefined;
}

/** A link, dangling or not (existsSync follows it); false where nothing is. */
export function isLink(at: string): boolean {
  try {
    return lstatSync(at).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A directory itself: not a link to one, not missing. */
export function isOwnDir(at: string): boolean {
  try {
    return lstatSync(at).isDirectory();
  } catch {
    return false;
  }
}

function linkRefused(at: string, label: string, where = ''): InputError {
  let target = '';
  try {
    target = ` (to ${readlinkSync(at)})`;
  } catch {
    // gone meanwhile: named without its target
  }
  return new InputError(
    `${label}: ${at} is a link${target}${where ? ` ${where}` : ''}, not a directory: result files are never written through a link`,
    `remove the link (a checkout or an earlier step put it there) and run again, or pass another result directory`,
  );
}
