// The post step over fakes: what it removes, what it reports (one line per kind), warnings only.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import {
  ENGINE_CLEANUP_LIMIT_MS,
  isPostRun,
  POST_ENTRY_FLAG,
  isRunProcess,
  type PostDeps,
  runPost,
  saveMainState,
  startMainStep,
  STATE,
  trackDockerUse,
} from '../../src/action/post.js';
import type { ActionIo } from '../../src/action/run.js';
import { RUN_LABEL } from '../../src/docker/adapter.js';
import { cosignEnv } from '../../src/attest/cosign.js';
import { RUN_ID, setRunIdForTests } from '../../src/util/run-id.js';
import { runTempRoot } from '../../src/util/temp.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker } from '../helpers/fakes.js';

interface Scenario {
  state: Record<string, string>;
  containers?: string[] | Error | 'hang';
  processes?: string[] | Error;
  tree?: number | null | Error;
}

function setup(s: Scenario) {
  const infos: string[] = [];
  const warnings: string[] = [];
  const failed: string[] = [];
  const calls: { list: Record<string, string>[]; removed: string[][]; trees: string[]; procs: string[] } = {
    list: [],
    removed: [],
    trees: [],
    procs: [],
  };
  const docker = fakeDocker({
    listManagedContainers: async (labels = {}) => {
      calls.list.push({ ...labels });
      if (s.containers instanceof Error) throw s.containers;
      if (s.containers === 'hang') return new Promise<string[]>(() => undefined);
      return s.containers ?? [];
    },
    removeContainers: async (ids) => {
      calls.removed.push([...ids]);
      return [...ids];
    },
  });
  const io: ActionIo = {
    getInput: () => '',
    setOutput: () => undefined,
    setFailed: (m) => failed.push(m),
    error: (m) => failed.push(m),
    warning: (m) => warnings.push(m),
    info: (m) => infos.push(m),
    group: (_n, fn) => fn(),
    cwd: tmpdir(),
    env: {},
    docker: () => docker,
    getState: (n) => s.state[n] ?? '',
  };
  const deps: PostDeps = {
    stopProcesses: async (runId) => {
      calls.procs.push(runId);
      if (s.processes instanceof Error) throw s.processes;
      return s.processes ?? [];
    },
    removeTree: async (dir) => {
      calls.trees.push(dir);
      if (s.tree instanceof Error) throw s.tree;
      return s.tree === undefined ? null : s.tree;
    },
  };
  return { io, deps, infos, warnings, failed, calls };
}

const RUN = '4242-abc';
const ROOT = runTempRoot(RUN);
const state = {
  [STATE.isPost]: 'true',
  [STATE.runId]: RUN,
  [STATE.tempRoot]: ROOT,
  [STATE.usedDocker]: 'true',
};

describe('post step', () => {
  it('removes the containers of its run (by label), stops its processes and removes its temp root', async () => {
    const t = setup({
      state,
      containers: ['a'.repeat(64), 'b'.repeat(64)],
      processes: ['123 docker buildx build'],
      tree: 2,
    });
    await runPost(t.io, t.deps);
    expect(t.calls.list).toEqual([{ [RUN_LABEL]: RUN }]);
    expect(t.calls.removed).toEqual([['a'.repeat(64), 'b'.repeat(64)]]);
    expect(t.calls.procs).toEqual([RUN]);
    expect(t.calls.trees).toEqual([ROOT]);
    expect(t.infos).toEqual([
      `post: processes: stopped 1 process of run ${RUN} (123 docker buildx build)`,
      `post: temp dirs: removed 2 temp dirs under ${ROOT}`,
      `post: containers: removed 2 containers of run ${RUN} (aaaaaaaaaaaa, bbbbbbbbbbbb)`,
    ]);
    expect(t.warnings).toEqual([]);
    expect(t.failed).toEqual([]);
  });

  it('says so when nothing was left', async () => {
    const t = setup({ state });
    await runPost(t.io, t.deps);
    expect(t.calls.removed).toEqual([]); // nothing listed: nothing to remove
    expect(t.infos).toEqual([
      `post: processes: stopped 0 processes of run ${RUN}`,
      `post: temp dirs: none left (${ROOT} does not exist)`,
      `post: containers: removed 0 containers of run ${RUN}`,
    ]);
  });

  it('asks no Docker daemon when the run never used Docker (the fork poster), and still removes its temp root', async () => {
    const t = setup({
      state: { ...state, [STATE.usedDocker]: '' },
      containers: new Error('no daemon here'),
      tree: 0,
    });
    await runPost(t.io, t.deps);
    expect(t.calls.list).toEqual([]);
    expect(t.calls.trees).toEqual([ROOT]);
    expect(t.warnings).toEqual([]);
    expect(t.infos).toEqual([
      `post: processes: stopped 0 processes of run ${RUN}`,
      `post: containers: none (run ${RUN} did not use Docker)`,
      `post: temp dirs: removed 0 temp dirs under ${ROOT}`,
    ]);
  });

  it("stops the run's cosign processes although it never used Docker (an attest-only run)", async () => {
    const t = setup({ state: { ...state, [STATE.usedDocker]: '' }, containers: new Error('no daemon here') });
    await runPost(t.io, t.deps);
    expect(t.calls.procs).toEqual([RUN]);
    expect(t.calls.list).toEqual([]);
  });

  it('the main step records its first use of Docker, once', () => {
    const saved: [string, string][] = [];
    const base = setup({ state: {} }).io;
    const io = trackDockerUse({ ...base, saveState: (n, v) => saved.push([n, v]) });
    expect(saved).toEqual([]);
    io.docker();
    io.docker();
    expect(saved).toEqual([[STATE.usedDocker, 'true']]);
  });

  it.each([
    ['the main step never started (no state)', {}],
    ['a blank run id', { [STATE.isPost]: 'true', [STATE.runId]: '  ' }],
  ])('does nothing when %s', async (_name, st) => {
    const t = setup({ state: st });
    await runPost(t.io, t.deps);
    expect(t.calls).toEqual({ list: [], removed: [], trees: [], procs: [] });
    expect(t.infos).toEqual(['post: the main step saved no run id (it did not start): nothing to clean up']);
  });

  it.each([
    ['a relative path', 'ml-image-4242-abc'],
    ['another run', runTempRoot('9999-x')],
    ['a parent dir', tmpdir()],
    ['the filesystem root', '/'],
  ])('never removes a temp root that is not its own: %s', async (_name, root) => {
    const t = setup({ state: { ...state, [STATE.tempRoot]: root }, tree: 3 });
    await runPost(t.io, t.deps);
    expect(t.calls.trees).toEqual([]);
    expect(t.warnings).toEqual([
      `post: not removing ${JSON.stringify(root)}: not the temp root of run ${RUN}`,
    ]);
  });

  it('turns every failure into a warning, goes on with the next kind, and never fails the job', async () => {
    const t = setup({
      state,
      processes: new Error('EACCES: /proc'),
      containers: new Error('cannot reach the Docker daemon at unix:///var/run/docker.sock (ENOENT)\nfix'),
      tree: new Error('EBUSY'),
    });
    await expect(runPost(t.io, t.deps)).resolves.toEqual({ engineHung: false });
    expect(t.failed).toEqual([]);
    expect(t.infos).toEqual([]);
    expect(t.warnings).toEqual([
      `post: could not stop the processes of run ${RUN}: EACCES: /proc`,
      `post: could not remove ${ROOT}: EBUSY`,
      `post: could not remove the containers of run ${RUN} (label ${RUN_LABEL}=${RUN}): cannot reach the Docker daemon at unix:///var/run/docker.sock (ENOENT)`,
    ]);
  });

  it('a hung engine (often why the job was cancelled): the temp root, with any secrets files, goes first; the container step gives up', async () => {
    vi.useFakeTimers();
    try {
      const t = setup({ state, containers: 'hang', tree: 2 });
      const post = runPost(t.io, t.deps);
      await vi.advanceTimersByTimeAsync(ENGINE_CLEANUP_LIMIT_MS);
      await expect(post).resolves.toEqual({ engineHung: true });
      expect(t.calls.trees).toEqual([ROOT]);
      expect(t.infos).toContain(`post: temp dirs: removed 2 temp dirs under ${ROOT}`);
      expect(t.warnings).toEqual([
        `post: could not remove the containers of run ${RUN} (label ${RUN_LABEL}=${RUN}): the engine did not answer within ${ENGINE_CLEANUP_LIMIT_MS / 1000} s`,
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('main/post state', () => {
  it('the main step saves isPost, the run id and the temp root; the post run sees them', () => {
    const saved: Record<string, string> = {};
    saveMainState({ saveState: (n, v) => (saved[n] = v) }, RUN);
    expect(saved).toEqual({ isPost: 'true', runId: RUN, tempRoot: path.join(tmpdir(), `ml-image-${RUN}`) });
    expect(isPostRun({ getState: (n) => saved[n] ?? '' })).toBe(true);
    expect(isPostRun({ getState: () => '' })).toBe(false);
    expect(isPostRun({})).toBe(false);
  });

  // A main step cancelled while node loaded the bundle saved no isPost: its post step (the same
  // inputs) took itself for a main step and ran every stage, build and push included (finding).
  it('a post step run through dist/post.js is one without any saved state', async () => {
    const scope: Record<string, unknown> = {};
    expect(isPostRun({ getState: () => '' }, scope)).toBe(false);
    const entry = readFileSync(path.join(REPO_ROOT, 'dist', 'post.js'), 'utf8');
    // The entry's own first statements (before its import of the bundle), run against SCOPE.
    new Function('globalThis', entry.replace(/^await import\(.*$/m, ''))(scope);
    expect(scope[POST_ENTRY_FLAG]).toBe(true);
    expect(isPostRun({ getState: () => '' }, scope)).toBe(true);
    expect(parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')).runs.post).toBe('dist/post.js');
    // Without state, the post step cleans nothing up and starts nothing.
    const t = setup({ state: {} });
    await expect(runPost(t.io, t.deps)).resolves.toEqual({ engineHung: false });
    expect(t.calls).toEqual({ list: [], removed: [], trees: [], procs: [] });
    expect(t.infos).toEqual(['post: the main step saved no run id (it did not start): nothing to clean up']);
  });

  it("the action's main step runs under an id of its own, never one ML_IMAGE_RUN_ID handed down", () => {
    const before = RUN_ID;
    // As when the module was loaded in a job whose environment sets ML_IMAGE_RUN_ID: another job on
    // this host may set the same, and its post step would remove this run's processes and containers.
    setRunIdForTests('shared-id');
    try {
      const saved: Record<string, string> = {};
      const id = startMainStep({ saveState: (n, v) => (saved[n] = v) });
      expect(id).not.toBe('shared-id');
      expect(id).toMatch(/^\d+-[0-9a-z]+$/);
      // Everything of the run uses it: the live binding, the saved id and the temp root.
      expect(RUN_ID).toBe(id);
      expect(saved).toEqual({ isPost: 'true', runId: id, tempRoot: runTempRoot(id) });
    } finally {
      setRunIdForTests(before);
    }
  });
});

describe("cosign's environment", () => {
  it("carries the run id (what isRunProcess looks for), over an inherited one, with the call's own", () => {
    const e = cosignEnv({ COSIGN_PASSWORD: 'pw' }, { PATH: '/bin', ML_IMAGE_RUN_ID: 'another-job' });
    expect(e).toEqual({ PATH: '/bin', COSIGN_PASSWORD: 'pw', ML_IMAGE_RUN_ID: RUN_ID });
    const environ = [...Object.entries(e).map(([k, v]) => `${k}=${v}`), ''].join('\0');
    expect(isRunProcess(environ, RUN_ID)).toBe(true);
  });
});

// Any process whose environment carries the run id: cosign's kill left its credential helpers
// (a script's own program) to run on under init, with the run id, and the post step, which looked
// only for processes named docker, docker-buildx or cosign, stopped none (a review's finding).
describe('isRunProcess', () => {
  const env = (...kv: string[]) => [...kv, ''].join('\0');
  it.each([
    ['a docker CLI', env('PATH=/bin', `ML_IMAGE_RUN_ID=${RUN}`), true],
    ['cosign', env(`ML_IMAGE_RUN_ID=${RUN}`), true],
    [
      "a credential helper's program that cosign's kill left",
      env('HOME=/root', `ML_IMAGE_RUN_ID=${RUN}`, 'X=1'),
      true,
    ],
    ['another run whose id starts the same', env(`ML_IMAGE_RUN_ID=${RUN}x`), false],
    ['not started by the tool', env('PATH=/bin'), false],
    ['the id as another variable holds it', env(`OTHER=ML_IMAGE_RUN_ID=${RUN}`), false],
    ['no environment to read (a kernel thread)', '', false],
  ])('%s -> %s', (_what, environ, expected) => {
    expect(isRunProcess(environ, RUN)).toBe(expected);
  });

  // A review's finding: a daemon a helper chain started with the run id (gpg-agent through
  // docker-credential-pass; an ssh ControlPersist master) was killed, though it outlives the run by
  // design and serves other jobs. It called setsid: its session is its own pid.
  const stat = (pid: number, comm: string, session: number) =>
    `${pid} (${comm}) S 1 ${session} ${session} 0 -1 4194560`;
  it.each([
    [
      "a helper's program left under init (not a session leader)",
      stat(4242, 'python3', 100),
      'python3\0-c',
      true,
    ],
    [
      'gpg-agent, a daemon (its own session)',
      stat(4243, 'gpg-agent', 4243),
      'gpg-agent\0--homedir\0/h',
      false,
    ],
    ['an ssh master, a daemon', stat(4244, 'ssh', 4244), 'ssh\0-fNM', false],
    [
      "the tool's own program as a session leader still is",
      stat(4245, 'docker', 4245),
      '/usr/bin/docker\0buildx',
      true,
    ],
    [
      'a credential helper as a session leader',
      stat(4246, 'docker-credenti', 4246),
      '/usr/local/bin/docker-credential-pass\0get',
      true,
    ],
    ['a comm with ") " in it', stat(4247, 'a) b', 4247), 'x', false],
  ])('%s -> %s', (_what, st, cmdline, expected) => {
    expect(isRunProcess(env(`ML_IMAGE_RUN_ID=${RUN}`), RUN, { stat: st, cmdline })).toBe(expected);
  });
});

describe('action.yml', () => {
  it.each([
    'action.yml',
    'actions/plan/action.yml',
    'actions/build/action.yml',
    'actions/smoke/action.yml',
    'actions/report/action.yml',
  ])('%s runs the bundle as its post step, always (cancelled or failed jobs too)', (file) => {
    const runs = parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')).runs;
    expect(runs.main).toMatch(/(^|\/)dist\/index\.js$/);
    // dist/post.js marks the process as the post step, then loads the bundle beside it.
    expect(runs.post).toBe(runs.main.replace(/index\.js$/, 'post.js'));
    expect(runs['post-if']).toBe('always()');
  });
});
