// A cancelled job leaves nothing running. The bundled action is run as a runner runs it (INPUT_*
// variables, GITHUB_* files) with stages plan,build,smoke on a config whose custom smoke test
// hangs; once the smoke container exists the run is cancelled:
// - as the runner cancels a job (SIGINT, ~3 s, SIGTERM), then the post step is run with the state
//   the main step saved (the runner passes it as STATE_<name>): no container of the run within 10 s;
// - with SIGKILL and no post step: the container ends by its own deadline, and the engine removes
//   it (none exists once the deadline passes);
// - the CLI (no post step) on one SIGINT, with four hanging tests: the first test's container is
//   removed, no later test's container is created, and none of the run exists after the exit.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { MANAGED_LABEL, RUN_LABEL } from '../../src/docker/adapter.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { startWheelIndex, type WheelIndex } from '../helpers/wheel-index.js';

const env = inject('dockerEnv');
/** The bundle under test: dist/index.js, or a fresh one built elsewhere (ML_IMAGE_TEST_ACTION_BUNDLE). */
const BUNDLE = process.env.ML_IMAGE_TEST_ACTION_BUNDLE ?? path.join(REPO_ROOT, 'dist', 'index.js');
const STAGE_LABEL = 'io.github.ml-image-action.stage';

/** name<<DELIM ... DELIM blocks, as core writes GITHUB_OUTPUT and GITHUB_STATE. */
function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, limitMs: number): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what} after ${limitMs / 1000}s`);
    await sleep(250);
  }
}

interface Step {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe.skipIf(!env.available)('a cancelled action leaves nothing running', () => {
  const images = env.images!;
  const docker = new Dockerode();
  let index: WheelIndex;
  let ws: string;
  const started: ChildProcess[] = [];

  beforeAll(async () => {
    index = await startWheelIndex([{ name: 'tqdm', version: '4.66.0' }]);
    ws = mkdtempSync(path.join(tmpdir(), 'ml-image-cancel-it-'));
  });
  afterAll(async () => {
    for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await index?.close();
    rmSync(ws, { recursive: true, force: true });
  });

  /** Containers of a run; running only, or all. */
  async function containersOf(runId: string, all: boolean) {
    return docker.listContainers({
      all,
      filters: { label: [`${MANAGED_LABEL}=true`, `${RUN_LABEL}=${runId}`] },
    });
  }

  /** The engine's `die` events of one container since a time (seconds), with their exit codes. */
  async function dieEvents(id: string, since: number): Promise<{ exitCode: string | undefined }[]> {
    const stream = await docker.getEvents({
      since,
      until: Math.floor(Date.now() / 1000) + 1,
      filters: { container: [id], event: ['die'] },
    });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { Actor?: { Attributes?: Record<string, string> } })
      .map((e) => ({ exitCode: e.Actor?.Attributes?.exitCode }));
  }

  function writeConfig(dir: string, name: string, timeoutSeconds: number, tests = 1) {
    const example = path.join(REPO_ROOT, 'examples', 'hello-ml');
    // On a runner the requirements must be in the workspace (DIR here).
    copyFileSync(path.join(example, 'requirements.txt'), path.join(dir, 'requirements.txt'));
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      stringify({
        image: { name: `ml-image-it/${name}`, registry: images.registry, version: '0.1.0' },
        variants: ['cpu'],
        platforms: ['linux/amd64'],
        python: {
          version: '3.11',
          requirements: ['requirements.txt'],
          indexUrl: index.url,
        },
        build: {
          context: example,
          network: 'host',
          mirrors: { 'docker.io/library/python': `${images.registry}/ml-image-test/python` },
        },
        // A test that never ends: a hung GPU test, as far as the runner can tell.
        smoke: {
          suites: ['custom'],
          timeoutSeconds,
          tests: Array.from({ length: tests }, (_, i) => ({
            name: `hangs-${i + 1}`,
            command: 'sleep 100000',
          })),
        },
      }),
    );
  }

  /** Run dist/index.js as the runner runs a step; state = the STATE_* variables of a post step. */
  function startStep(dir: string, state: Record<string, string> = {}): Step {
    const files = Object.fromEntries(
      ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV'].map((k) => {
        const f = path.join(dir, k.toLowerCase());
        if (!existsSync(f)) writeFileSync(f, '');
        return [k, f];
      }),
    );
    const eventFile = path.join(dir, 'event.json');
    writeFileSync(
      eventFile,
      JSON.stringify({ ref: 'refs/heads/main', repository: { default_branch: 'main' } }),
    );
    const childEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      ...files,
      GITHUB_SHA: 'feedc0de1234567890',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: 'o/hello-ml',
      GITHUB_RUN_ID: '4242',
      RUNNER_TEMP: dir,
      ML_IMAGE_CACHE_DIR: path.join(dir, '.ml-image-cache'),
      INPUT_CONFIG: 'ml-image.yml',
      INPUT_STAGES: 'plan,build,smoke',
      INPUT_PUSH: 'false',
      'INPUT_RESULT-DIR': 'results',
      ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
    };
    return spawnStep([BUNDLE], dir, childEnv);
  }

  /** Start node with ARGV in DIR and ENV, its output collected; killed in afterAll if still running. */
  function spawnStep(argv: string[], dir: string, childEnv: Record<string, string>): Step {
    const child = spawn(process.execPath, argv, { env: childEnv, cwd: dir });
    started.push(child);
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    return { child, output: () => out, exited };
  }

  /** A new empty directory under the workspace. */
  function freshDir(name: string): string {
    const dir = path.join(ws, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    return dir;
  }

  /** Remove whatever container of the run is left (a failed test's leftovers). */
  async function removeRunContainers(runId: string) {
    for (const x of await containersOf(runId, true))
      await docker
        .getContainer(x.Id)
        .remove({ force: true })
        .catch(() => undefined);
  }

  /** The main step's saved state, once it has written it (it does so first). */
  async function savedState(dir: string) {
    return waitFor(
      'the main step to save its state',
      async () => {
        const s = parseFileCommands(readFileSync(path.join(dir, 'github_state'), 'utf8'));
        return s.runId ? s : undefined;
      },
      30_000,
    );
  }

  async function smokeContainer(runId: string, step: Step) {
    return waitFor(
      'the smoke container',
      async () => {
        if (step.child.exitCode !== null) throw new Error(`the action ended early:\n${step.output()}`);
        const list = (await containersOf(runId, false)).filter((c) => c.Labels[STAGE_LABEL] === 'smoke');
        // The custom test's container: the one running the hanging command under the deadline wrapper.
        return list.find((c) => c.Command.includes('sleep 100000'));
      },
      300_000,
    );
  }

  it('SIGINT, then SIGTERM, then the post step: no container of the run within 10 s', async () => {
    const dir = freshDir('interrupt');
    writeConfig(dir, 'cancel-interrupt', 600);
    const main = startStep(dir);
    const state = await savedState(dir);
    expect(state.isPost).toBe('true');
    expect(path.basename(state.tempRoot!)).toBe(`ml-image-${state.runId}`);
    await smokeContainer(state.runId!, main);

    // The runner's cancel: SIGINT, a few seconds, SIGTERM (to the step's process).
    main.child.kill('SIGINT');
    await Promise.race([main.exited, sleep(3000)]);
    if (main.child.exitCode === null && main.child.signalCode === null) main.child.kill('SIGTERM');
    const ended = await main.exited;
    expect(main.output()).toContain('SIGINT: cleaning up');
    // Handled, not killed by the signal: the shells' 130 (SIGINT) or 143 (SIGTERM).
    expect(ended.signal, main.output()).toBeNull();
    expect([130, 143]).toContain(ended.code);

    // The post step: the same bundle with the state the main step saved, read (as the runner
    // reads it) once the main step has ended: it records its use of Docker after the run id.
    const saved = parseFileCommands(readFileSync(path.join(dir, 'github_state'), 'utf8'));
    expect(saved.usedDocker).toBe('true');
    const post = startStep(dir, saved);
    const p = await post.exited;
    expect(p.code, post.output()).toBe(0);
    expect(post.output()).toMatch(/post: containers: removed \d+ containers? of run /);
    expect(post.output()).toMatch(/post: temp dirs: /);
    expect(post.output()).not.toContain('::error');
    await waitFor(
      'no container of the run',
      async () => ((await containersOf(state.runId!, true)).length === 0 ? true : undefined),
      10_000,
    );
    expect(existsSync(state.tempRoot!)).toBe(false);
  });

  it('SIGKILL and no post step: the smoke container ends by its own deadline and is gone', async () => {
    const dir = freshDir('kill');
    // Deadline inside the container: the test timeout (10 s) + the 30 s margin.
    writeConfig(dir, 'cancel-kill', 10);
    const main = startStep(dir);
    const state = await savedState(dir);
    const c = await smokeContainer(state.runId!, main);
    const since = Math.floor(Date.now() / 1000) - 5;
    main.child.kill('SIGKILL');
    await main.exited;
    // Nothing on this side will stop it now; it is still running right after the kill...
    const inspect = await docker.getContainer(c.Id).inspect();
    try {
      expect(inspect.State.Running).toBe(true);
      // ...and once its deadline passes (40 s after it started) it stops and no container of the
      // run exists at all (the engine removes it: AutoRemove).
      await waitFor(
        'no container of the run after the deadline',
        async () => ((await containersOf(state.runId!, true)).length === 0 ? true : undefined),
        60_000,
      );
      // It ended by the watchdog (its command got SIGTERM: 143), not by anything on this side.
      const events = await dieEvents(c.Id, since);
      expect(events.map((e) => e.exitCode)).toEqual(['143']);
    } finally {
      await removeRunContainers(state.runId!);
      rmSync(state.tempRoot!, { recursive: true, force: true });
    }
  });

  it('the CLI on one SIGINT: exits 130, starts no further test, and leaves no container of the run', async () => {
    const dir = freshDir('cli');
    writeConfig(dir, 'cancel-cli', 600, 4);
    const runId = `cancel-cli-${process.pid}-${Date.now().toString(36)}`;
    const cli = path.join(path.dirname(BUNDLE), 'cli', 'index.js');
    const step = spawnStep(
      [cli, 'run', '--config', 'ml-image.yml', '--stages', 'plan,build,smoke', '--load', '--out', 'results'],
      dir,
      {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        ML_IMAGE_RUN_ID: runId,
        ML_IMAGE_CACHE_DIR: path.join(dir, '.ml-image-cache'),
      },
    );
    try {
      await smokeContainer(runId, step);
      step.child.kill('SIGINT');
      const ended = await step.exited;
      const out = step.output();
      expect(ended, out).toEqual({ code: 130, signal: null });
      expect(out).toContain('SIGINT: cleaning up');
      // Nothing of the run, started or only created, now or a moment later (a creation that was
      // in flight would land by then).
      expect(await containersOf(runId, true)).toEqual([]);
      await sleep(2000);
      expect(await containersOf(runId, true)).toEqual([]);
      // The first test was stopped, as the interrupt (not a test that failed on its own), and the
      // stage stopped there: no later test got a container.
      expect(out).toContain('custom:hangs-1: running');
      expect(out).toMatch(/custom:hangs-1: fail \(interrupted by SIGINT: /);
      expect(out).not.toMatch(/hangs-[234]: running/);
    } finally {
      await removeRunContainers(runId);
    }
  });
});
