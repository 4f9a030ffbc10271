// Step 1, snapshot: what the base image ships (pip inspect, its constraint file, PIP_* env), from
// the cache by image digest, or from the helper in the container: by its own command when the
// cache will keep it, else in the same python process as the plain dry run; and the pins that
// hold it.
import { InputError } from '../../errors.js';
import { interruptedFailure } from '../../util/cleanup.js';
import { TORCH_INDEX_FILE_TEXT } from '../input.js';
import { constraintsText, type PinDecision, pinDecisions } from '../constraints.js';
import { execEnding } from '../exec-limit.js';
import { type Snapshot, SnapshotErrorSchema, SnapshotSchema } from '../helper-output.js';
import { PIP_PY } from '../../python/py/pip.generated.js';
import { HELPER_PY } from '../py/helper.generated.js';
import { cachedJson, type SnapshotCache, snapshotKey } from '../snapshot-cache.js';
import { DIR, NETRC_FILE, USER_CONSTRAINTS_FILE } from '../workdir.js';
import { type ExecResult, parseHelperOutput, type Workspace } from '../workspace.js';

/** The constraints file of what the build installs first (torch==VERSION), in the workspace. */
export const PREINSTALLED_FILE = 'preinstalled.txt';

/** The requirements file that adds the torch index (input.ts torchIndexArgs), in the workspace. */
export const TORCH_INDEX_FILE = 'torch-index.txt';

export interface BaseSnapshot {
  snap: Snapshot;
  decisions: PinDecision[];
  /** base-constraints.txt (also written into the workspace): one pin per pinnable distribution. */
  basePins: string;
}

export interface SnapshotOptions {
  image: string;
  platform: string;
  requirementsText: string;
  /** Constraints of what the build installs first (input.ts preinstalled), for PREINSTALLED_FILE. */
  preinstalled?: readonly string[];
  /** The requirements' own -c lines (input.ts userConstraintsText), for USER_CONSTRAINTS_FILE. */
  userConstraints?: string;
  /** The index logins' netrc file (input.ts runIndexes), for NETRC_FILE: pip's NETRC names it. */
  netrc?: string;
  cache?: SnapshotCache;
  /** The base image's digest: only images in a registry have one, and only those are cached. */
  digest?: string;
  say: (line: string) => void;
}

/** The cache's snapshot of this digest and platform, when there is one that parses. */
interface CachedSnapshot {
  key?: string;
  hit?: { text: string; value: Snapshot };
}

export function cachedSnapshot(o: SnapshotOptions): CachedSnapshot {
  const key = o.digest !== undefined && o.cache !== undefined ? snapshotKey(o.digest, o.platform) : undefined;
  const hit = cachedJson(o.cache, key, SnapshotSchema);
  return { ...(key !== undefined && { key }), ...(hit !== undefined && { hit }) };
}

/**
 * Put the helper and the requirements into the workspace; with a cached snapshot also the
 * snapshot and the pins that hold the base (all in one archive), and return the base.
 */
export async function prepareWorkspace(
  ws: Workspace,
  o: SnapshotOptions,
  cached: CachedSnapshot,
): Promise<BaseSnapshot | undefined> {
  const files = {
    'helper.py': HELPER_PY,
    // Beside the helper, which has its pip give the index URLs to the pip it starts in its
    // environment, not on its command line.
    'ml_image_pip.py': PIP_PY,
    'requirements.txt': `${o.requirementsText}\n`,
    ...(o.preinstalled?.length && {
      [PREINSTALLED_FILE]: `${o.preinstalled.join('\n')}\n`,
      [TORCH_INDEX_FILE]: TORCH_INDEX_FILE_TEXT,
    }),
    ...(o.userConstraints && { [USER_CONSTRAINTS_FILE]: o.userConstraints }),
    ...(o.netrc && { [NETRC_FILE]: o.netrc }),
  };
  if (cached.hit === undefined) {
    await ws.put(files);
    return undefined;
  }
  o.say(`base snapshot from the cache (${(o.digest ?? '').slice(0, 19)})`);
  const base = baseOf(cached.hit.value, o);
  await ws.put({ ...files, 'snapshot.json': cached.hit.text, 'base-constraints.txt': base.basePins });
  return base;
}

/**
 * A snapshot the cache will keep under the base's digest, taken by its own command before any
 * pip run: the requirements' code (an sdist's setup.py, run while pip builds its metadata) could
 * otherwise write into the answer of the process it runs under (its parent's stdout is within
 * reach in /proc), and a run of other requirements (another branch's) would later read that
 * answer as what the digest ships. Nothing but the image's own code has run in the container
 * then, and the container runs the digest itself (base.ts), so what is kept under a digest is
 * what that digest ships. Written to snapshot.json with its pins, as a cached one is.
 */
export async function ownSnapshot(
  ws: Workspace,
  o: SnapshotOptions,
  cached: CachedSnapshot,
): Promise<BaseSnapshot> {
  const run = await ws.session.exec(['python3', `${DIR}/helper.py`, 'snapshot']);
  const snap = parseSnapshot(run, o.image);
  if (cached.key !== undefined) o.cache?.set(cached.key, run.stdout);
  const base = baseOf(snap, o);
  await ws.put({ 'snapshot.json': run.stdout, 'base-constraints.txt': base.basePins });
  return base;
}

/**
 * The snapshot the helper took (in the same process as the plain dry run: it stays in the
 * container as snapshot.json, for the analyses), and the pins that hold it. Never cached: the
 * requirements' code ran in that process too (see ownSnapshot).
 */
export async function takenSnapshot(
  ws: Workspace,
  o: SnapshotOptions,
  run: ExecResult,
): Promise<BaseSnapshot> {
  const snap = parseSnapshot(run, o.image);
  const base = baseOf(snap, o);
  await ws.put({ 'base-constraints.txt': base.basePins });
  return base;
}

function baseOf(snap: Snapshot, o: SnapshotOptions): BaseSnapshot {
  o.say(
    `base has ${snap.installed.length} Python distributions (python ${snap.python.version}, pip ${snap.pipVersion ?? 'unknown'})`,
  );
  const decisions = pinDecisions(snap.installed);
  const basePins = constraintsText(decisions, `ml-image resolve: pins of ${o.image} (${o.platform})`);
  return { snap, decisions, basePins };
}

/** The helper's snapshot: a base that cannot be looked at (no python3, old pip) is exit 2. */
export function parseSnapshot(run: ExecResult, image: string): Snapshot {
  noPython(run, image);
  const { error } = parseHelperOutput(SnapshotErrorSchema.partial(), run, image);
  if (error !== undefined)
    throw new InputError(
      `${image}: ${error}`,
      'resolve needs python3 and pip >= 22.2 in the base image: use such a base, or resolve mode "off"',
    );
  return parseHelperOutput(SnapshotSchema, run, image);
}

/**
 * The image has no python3 (or no shell to start it): a clear exit 2, not "helper failed". After
 * SIGINT/SIGTERM/SIGHUP a failed start is the cleanup's doing (the container removed under the
 * exec: "cannot exec in a stopped state", "ttrpc: closed"): the interrupt, exit 130/143/129.
 */
function noPython(r: ExecResult, image: string): void {
  if (r.exitCode === 0) return;
  const stopped = interruptedFailure(`the resolver helper in ${image}`, execEnding(r));
  if (stopped) throw stopped;
  const text = `${r.stderr}\n${r.stdout}`;
  if (
    r.exitCode === 127 ||
    r.exitCode === 126 ||
    /python3: (not found|No such file)|executable file not found|no such file or directory/i.test(text)
  ) {
    throw new InputError(
      `${image} has no python3 (${text.trim().split('\n')[0]!.slice(0, 200)}): resolve needs python3 and pip in the base image`,
      'use a base image with python3 and pip (e.g. python:3.12-slim), or set resolve mode "off"',
    );
  }
}
