// The root of every cache of this machine's user: the resolver's snapshots and resolutions, the
// build's builders, `ml-image run`'s baselines. Its callers (the CLI, the action) pass it on.
import { homedir } from 'node:os';
import path from 'node:path';

/** A variable's value, undefined when it is unset or blank (`${{ vars.X }}` of an unset X is ''). */
const given = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

/**
 * $ML_IMAGE_CACHE_DIR (relative to CWD), else $XDG_CACHE_HOME/ml-image, else ~/.cache/ml-image:
 * always absolute. A blank variable is unset: the cache would otherwise be the working folder
 * (snapshots/, builders/, baselines/ beside the user's files). A relative XDG_CACHE_HOME is
 * ignored, as the XDG Base Directory spec says.
 */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const own = given(env.ML_IMAGE_CACHE_DIR);
  if (own !== undefined) return path.resolve(cwd, own);
  const xdg = given(env.XDG_CACHE_HOME);
  const root = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache');
  return path.resolve(cwd, root, 'ml-image');
}
