// The action's post step (`post: dist/post.js`, which marks the process and loads dist/index.js;
// `post-if: always()`): one bundle, as actions/checkout does: the main step saves its state and the
// same bundle, run again as the post step, sees isPost. It runs even when the job was cancelled or failed, and removes what the main
// step's run left, in this order: the processes it started (a `docker buildx build`, cosign), the
// run's temp root (no engine needed: a hung engine cannot keep its secret files), containers (runs
// and exec sessions, found by the run's label, running or not) and, on a self-hosted runner, the
// images its build and smoke stages left (post-images.ts, unless keep-images); each engine step
// within a time limit. Warnings only: a post step never fails the job.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeScopeOf } from '../build/push-tag.js';
import { readGitHubEventFile } from '../github/event.js';
import type { VariantBuild } from '../build/result.js';
import { RUN_LABEL } from '../docker/adapter.js';
import { RUN_ID, useFreshRunId } from '../util/run-id.js';
import { RUN_ID_ENV } from '../docker/exec-runner.js';
import { sessionLeaderInStat } from '../util/process-tree.js';
import { redactText } from '../util/redact.js';
import { printable } from '../util/text.js';
import { runTempRoot, TEMP_ROOT_PREFIX } from '../util/temp.js';
import { OWNER_FILE } from '../util/temp-owner.js';
import type { ActionIo } from './io.js';

export const STATE = {
  isPost: 'isPost',
  runId: 'runId',
  tempRoot: 'tempRoot',
  /** Saved when the main step first reaches for Docker (a fork poster run never does). */
  usedDocker: 'usedDocker',
  /** The result directory (absolute) of a run of the build or smoke stage: its build.json names the images. */
  resultDir: 'resultDir',
  /** 'true' when the keep-images input asks to leave the run's images in the engine (the default). */
  keepImages: 'keepImages',
  /**
   * When a run that builds began (ms): its build.json must be newer, written by its own build (one
   * older is an earlier run's, or a file the checkout brought). A smoke-only run has none: its
   * build.json is the input the workflow downloaded.
   */
  builtSince: 'builtSince',
  /**
   * The targets the build stage built so far (keep-images: false): `{"variants": [...]}`, one
   * variant entry per target. A build that fails or is cancelled writes no build.json, yet the
   * targets built before it are in the engine.
   */
  builtTargets: 'builtTargets',
} as const;

const TITLE = 'ml-image post';

/**
 * Set by dist/post.js, action.yml's post entry, before it loads the bundle: the post step is known
 * as such even when the main step saved nothing. A main step cancelled while node was still loading
 * the bundle (its first few hundred ms) had saved no isPost, and its post step, run with the same
 * inputs, took itself for a main step: a cancelled job then ran every stage, built and pushed.
 */
export const POST_ENTRY_FLAG = '__mlImagePostStep';

/** Is this run of dist/index.js the post step (loaded by dist/post.js, or the main step's state says so)? */
export function isPostRun(
  io: Pick<ActionIo, 'getState'>,
  scope: Record<string, unknown> = globalThis as Record<string, unknown>,
): boolean {
  return scope[POST_ENTRY_FLAG] === true || io.getState?.(STATE.isPost) === 'true';
}

/**
 * The main step's start: a run id of its own, never ML_IMAGE_RUN_ID inherited from the job (jobs on
 * one host that set it alike would remove each other's processes, containers and temp dirs in
 * their post steps), saved first so that even a main step killed at once has a post step.
 */
export function startMainStep(io: Pick<ActionIo, 'saveState'>): string {
  const runId = useFreshRunId();
  saveMainState(io, runId);
  return runId;
}

/** The main step's state for its post step: the run id and temp root (startMainStep). */
export function saveMainState(
  io: Pick<ActionIo, 'saveState'>,
  runId: string = RUN_ID,
  tempRoot: string = runTempRoot(runId),
): void {
  io.saveState?.(STATE.isPost, 'true');
  io.saveState?.(STATE.runId, runId);
  io.saveState?.(STATE.tempRoot, tempRoot);
}

/**
 * Saved by the main step of a run of the build or smoke stage, before they start (so a cancelled
 * run's post step knows them too): where build.json is, and whether to keep the images.
 */
export function saveImageState(
  io: Pick<ActionIo, 'saveState'>,
  resultDir: string,
  keepImages: boolean,
  builtSince?: number,
): void {
  io.saveState?.(STATE.resultDir, path.resolve(resultDir));
  if (keepImages) io.saveState?.(STATE.keepImages, 'true');
  if (builtSince !== undefined) io.saveState?.(STATE.builtSince, String(builtSince));
}

/**
 * The build stage's builtTarget callback for a run whose images the post step removes: each target
 * is added to STATE.builtTargets as it is built, with only the metadata the removal checks (the
 * config digest), so the post step of a failed or cancelled run knows them without build.json.
 */
export function builtTargetRecorder(io: Pick<ActionIo, 'saveState'>): (target: VariantBuild) => void {
  const variants: VariantBuild[] = [];
  return (t) => {
    const platforms = t.platforms.map((p) => {
      const config = p.metadata['containerimage.config.digest'];
      return { ...p, metadata: typeof config === 'string' ? { 'containerimage.config.digest': config } : {} };
    });
    variants.push({ ...t, platforms });
    io.saveState?.(STATE.builtTargets, JSON.stringify({ variants }));
  };
}

/** The longest the image cleanup may take: a hung engine must not hold the job until the runner gives up. */
const IMAGE_CLEANUP_LIMIT_MS = 120_000;
/** The same for the container cleanup (listing and removing the run's containers). */
export const ENGINE_CLEANUP_LIMIT_MS = 120_000;

/** The main step's io, saving STATE.usedDocker the first time it asks for the Docker adapter. */
export function trackDockerUse(io: ActionIo): ActionIo {
  let saved = false;
  return {
    ...io,
    docker: () => {
      if (!saved) {
        saved = true;
        io.saveState?.(STATE.usedDocker, 'true');
      }
      return io.docker();
    },
  };
}

export interface PostDeps {
  /** Stop the run's leftover processes (isRunProcess); a description of each one stopped. */
  stopProcesses(runId: string): Promise<string[]>;
  /** Remove a directory tree; the number of entries it held, or null when it does not exist. */
  removeTree(dir: string): Promise<number | null>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** How the post step ended: an engine that did not answer leaves its request (a socket) open. */
interface PostOutcome {
  /** An engine step gave up on the engine: the caller exits, the hung request would hold the step. */
  engineHung: boolean;
}

export async function runPost(io: ActionIo, deps: PostDeps = defaultPostDeps()): Promise<PostOutcome> {
  const outcome: PostOutcome = { engineHung: false };
  const runId = io.getState?.(STATE.runId)?.trim() ?? '';
  if (runId === '') {
    io.info('post: the main step saved no run id (it did not start): nothing to clean up');
    return outcome;
  }
  // Processes first, whatever the run did: an attest-only run starts cosign without Docker, and
  // finding them needs no engine (/proc). A run that never used Docker (the fork poster, a
  // plan-only or attest-only run) started no containers: no daemon is asked (there may be none).
  await stopProcesses(io, deps, runId);
  const usedDocker = io.getState?.(STATE.usedDocker) === 'true';
  if (!usedDocker) io.info(`post: containers: none (run ${runId} did not use Docker)`);
  // The temp root before anything that asks the engine: it needs none, and may hold a build's
  // secrets files, which must not stay behind a hung engine (a common reason for the cancel).
  await removeTempRoot(io, deps, runId);
  if (!usedDocker) return outcome;
  await cleanContainers(io, runId, outcome);
  await cleanImages(io, runId, outcome);
  return outcome;
}

/** 1. The run's processes (docker CLIs, cosign, helpers): nothing creates a container while we remove them. */
async function stopProcesses(io: ActionIo, deps: PostDeps, runId: string): Promise<void> {
  try {
    const stopped = await deps.stopProcesses(runId);
    io.info(
      `post: processes: stopped ${plural(stopped.length, 'process', 'processes')} of run ${runId}${stopped.length > 0 ? ` (${stopped.join('; ')})` : ''}`,
    );
  } catch (e) {
    io.warning(`post: could not stop the processes of run ${runId}: ${message(e)}`, { title: TITLE });
  }
}

/** 2. The run's temp root. Only a path of the expected shape is ever removed. */
async function removeTempRoot(io: ActionIo, deps: PostDeps, runId: string): Promise<void> {
  const root = io.getState?.(STATE.tempRoot)?.trim() ?? '';
  if (root === '') return;
  if (!path.isAbsolute(root) || path.basename(root) !== `${TEMP_ROOT_PREFIX}${runId}`) {
    io.warning(`post: not removing ${JSON.stringify(root)}: not the temp root of run ${runId}`, {
      title: TITLE,
    });
    return;
  }
  try {
    const n = await deps.removeTree(root);
    io.info(
      n === null
        ? `post: temp dirs: none left (${root} does not exist)`
        : `post: temp dirs: removed ${plural(n, 'temp dir')} under ${root}`,
    );
  } catch (e) {
    io.warning(`post: could not remove ${root}: ${message(e)}`, { title: TITLE });
  }
}

/** WORK, or an error once the engine has not answered within LIMIT_MS (a hung engine: OUTCOME says so). */
async function withinLimit<T>(work: Promise<T>, limitMs: number, outcome: PostOutcome): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        outcome.engineHung = true;
        reject(new Error(`the engine did not answer within ${limitMs / 1000} s`));
      }, limitMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** 3. Containers (smoke, capture, resolve sessions): every one that carries the run's label. */
async function cleanContainers(io: ActionIo, runId: string, outcome: PostOutcome): Promise<void> {
  try {
    const docker = io.docker();
    const removed = await withinLimit(
      (async () => {
        const ids = await docker.listManagedContainers({ [RUN_LABEL]: runId });
        return ids.length > 0 ? docker.removeContainers(ids) : [];
      })(),
      ENGINE_CLEANUP_LIMIT_MS,
      outcome,
    );
    io.info(
      `post: containers: removed ${plural(removed.length, 'container')} of run ${runId}${removed.length > 0 ? ` (${removed.map((id) => id.slice(0, 12)).join(', ')})` : ''}`,
    );
  } catch (e) {
    io.warning(
      `post: could not remove the containers of run ${runId} (label ${RUN_LABEL}=${runId}): ${message(e)}`,
      { title: TITLE },
    );
  }
}

/**
 * 4. On a self-hosted runner, the images the run's build and smoke stages left (post-images.ts),
 * after the containers that used them. Nothing without a build or smoke stage (no result dir saved).
 */
async function cleanImages(io: ActionIo, runId: string, outcome: PostOutcome): Promise<void> {
  const resultDir = io.getState?.(STATE.resultDir)?.trim() ?? '';
  if (resultDir === '') return;
  const runner = io.env.RUNNER_ENVIRONMENT?.trim() || 'unset';
  if (runner !== 'self-hosted') {
    io.info(
      `post: images: left in place (RUNNER_ENVIRONMENT=${runner}, not self-hosted: a GitHub-hosted runner is discarded after the job)`,
    );
    return;
  }
  if (io.getState?.(STATE.keepImages) === 'true') {
    io.info(`post: images: left in place (keep-images: true)`);
    return;
  }
  try {
    const images = await import('./post-images.js');
    const since = Number(io.getState?.(STATE.builtSince) ?? '');
    const written = images.readRunBuild(resultDir, since > 0 ? since : undefined);
    // No build.json of this run: the targets its build reported before it failed or was cancelled.
    const build = written ?? images.readBuiltTargets(io.getState?.(STATE.builtTargets) ?? '');
    if (build === undefined) {
      io.info(`post: images: none to remove (run ${runId} left no build.json of its own in ${resultDir})`);
      return;
    }
    if (written === undefined)
      io.info(
        `post: images: run ${runId} left no build.json of its own (its build failed or was cancelled): the ${plural(build.variants.length, 'target')} it built before`,
      );
    const r = await withinLimit(
      images.removeBuildImages(io.docker(), build, {
        // builtSince is saved only by a run with the build stage: without it, a smoke-only run.
        built: since > 0,
        pushScope: writeScopeOf(io.env, readGitHubEventFile(io.env.GITHUB_EVENT_PATH))?.pushScope,
      }),
      IMAGE_CLEANUP_LIMIT_MS,
      outcome,
    );
    const deleted =
      r.deletedImages > 0
        ? `; deleted ${plural(r.deletedImages, 'image')}, ${images.formatBytes(r.deletedBytes)} as inspect sizes them (layers other images share stay)`
        : '';
    io.info(
      `post: images: removed ${plural(r.removed.length, 'image reference')} of run ${runId}${r.removed.length > 0 ? ` (${r.removed.join(', ')})` : ''}${deleted}`,
    );
    for (const k of r.kept) io.info(`post: images: left ${k}`);
    for (const f of r.failed)
      io.warning(`post: could not remove the images of run ${runId} for ${f}`, { title: TITLE });
  } catch (e) {
    io.warning(`post: could not remove the images of run ${runId} (${resultDir}): ${message(e)}`, {
      title: TITLE,
    });
  }
}

/**
 * A process of this run: one whose environment carries the run id. The tool starts docker CLIs (and
 * their buildx plugin), cosign and credential helpers with it, and what they start inherits it: a
 * credential helper's own program that cosign's kill left to run on under init, as much as a
 * `docker buildx build`. But not a daemon such a chain started (it called setsid: a session leader,
 * per its /proc stat): gpg-agent through docker-credential-pass, an ssh ControlPersist master of a
 * DOCKER_HOST=ssh:// context, which outlive the run by design and serve the user's other jobs;
 * unless it is one of the tool's own programs (docker, docker-buildx, cosign, docker-credential-*).
 */
export function isRunProcess(
  environ: string,
  runId: string,
  proc: { stat?: string; cmdline?: string } = {},
): boolean {
  if (!environ.split('\0').includes(`${RUN_ID_ENV}=${runId}`)) return false;
  if (proc.stat === undefined || !sessionLeaderInStat(proc.stat)) return true;
  const argv0 = path.basename((proc.cmdline ?? '').split('\0')[0] ?? '');
  return /^(docker(-buildx)?|cosign|docker-credential-.+)$/.test(argv0);
}

/** Post-step side effects over /proc and the filesystem (Linux runners). */
export function defaultPostDeps(procDir = '/proc'): PostDeps {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    async stopProcesses(runId) {
      let entries: string[];
      try {
        entries = readdirSync(procDir).filter((e) => /^\d+$/.test(e));
      } catch {
        return []; // no /proc: nothing we can find
      }
      const found: { pid: number; what: string }[] = [];
      for (const e of entries) {
        const pid = Number(e);
        if (pid === process.pid) continue;
        try {
          const cmdline = readFileSync(path.join(procDir, e, 'cmdline'), 'utf8');
          const environ = readFileSync(path.join(procDir, e, 'environ'), 'utf8');
          const stat = readFileSync(path.join(procDir, e, 'stat'), 'utf8');
          if (isRunProcess(environ, runId, { stat, cmdline }))
            // Masked and escaped: a program a helper started may take anything as its arguments.
            found.push({
              pid,
              what: `${pid} ${printable(redactText(cmdline.split('\0').slice(0, 3).join(' ')))}`,
            });
        } catch {
          // gone, or not ours to read
        }
      }
      for (const p of found) {
        try {
          process.kill(p.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      for (let i = 0; i < 30 && found.some((p) => alive(p.pid)); i++)
        await new Promise((r) => setTimeout(r, 100));
      for (const p of found.filter((p) => alive(p.pid))) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      return found.map((p) => p.what);
    },
    async removeTree(dir) {
      try {
        if (!statSync(dir).isDirectory()) return null;
      } catch {
        return null;
      }
      // The run's stamp (temp-owner.ts) is no temp dir.
      const n = readdirSync(dir).filter((e) => e !== OWNER_FILE).length;
      rmSync(dir, { recursive: true, force: true });
      return n;
    },
  };
}
