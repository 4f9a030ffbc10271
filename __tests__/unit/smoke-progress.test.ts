// What a smoke run says while it runs and when a test fails: the progress names the test that runs
// now (the shared process's tests as it reaches each, not when their results are read), live output
// is labelled with the test that printed it, and a failing test's last lines of output are shown
// under its failure (ml-image smoke, the annotation), a timeout naming the setting to raise. The
// engine is a fake that answers as the smoke script's batch mode does (no processes started).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { runCli } from '../../src/cli/main.js';
import { renderSmoke } from '../../src/cli/commands/smoke.js';
import { loadConfig } from '../../src/config/load.js';
import type { ContainerRunResult, ContainerRunSpec } from '../../src/docker/adapter.js';
import type { Plan } from '../../src/plan/schema.js';
import { openResultDir } from '../../src/results/results.js';
import { BATCH_ENV, MARK } from '../../src/smoke/batch.js';
import {
  FAILURE_TAIL_CHARS,
  FAILURE_TAIL_LINES,
  failureAnnotations,
  failureTail,
} from '../../src/smoke/output.js';
import type { SmokeResult, SmokeTest } from '../../src/smoke/result.js';
import { runSmoke, type SmokeInput } from '../../src/smoke/run.js';
import { runSmokeStage } from '../../src/smoke/stage.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo, containerResult, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

const imagesDir = path.join(REPO_ROOT, 'images');
const D = (c: string) => `sha256:${c.repeat(64)}`;
const pass = (metrics: object = {}) => `${JSON.stringify({ status: 'pass', reason: '', metrics })}\n`;
const done = (r: Partial<ContainerRunResult>) => Promise.resolve(containerResult(r));

/** What one test does in the fake process: print and pass, or hang (the script's watchdog ends it). */
type Act = { stdout: string } | 'hang';

/**
 * A fake engine: a process of the shared batch runs its plan's tests in turn, each test's output
 * delivered live as it runs (EVENTS records `exec ID` as the process reaches a test, `hang ID` while
 * one hangs); pip check alone and capture answer as the image would.
 */
function engine(events: string[], acts: Record<string, Act> = {}) {
  return fakeDocker({
    ping: async () => ({ version: '28.0.0', apiVersion: '1.48', os: 'linux', arch: 'amd64' }),
    inspectImage: async () => imageDetails({ id: D('c') }),
    inspectLocalImage: async () => imageDetails({ id: D('c') }),
    runContainer: (spec: ContainerRunSpec) => {
      if (spec.labels?.['io.github.ml-image-action.stage'] === 'capture')
        return done({ stdout: JSON.stringify(makeRecord({ platform: 'linux/amd64' })) });
      const raw = spec.env?.[BATCH_ENV];
      if (raw === undefined) return done({ stdout: 'No broken requirements found.\n' });
      const plan = JSON.parse(raw) as { nonce: string; steps: { id: string }[] };
      const mark = (event: object) => `\n${MARK}${JSON.stringify({ ...event, nonce: plan.nonce })}\n`;
      let stdout = '';
      const say = (text: string) => {
        stdout += text;
        spec.onOutput?.(text, 'stdout');
      };
      for (const { id } of plan.steps) {
        events.push(`exec ${id}`);
        say(mark({ event: 'start', id, process_s: 0.1 }));
        const act = acts[id] ?? { stdout: id === 'pip-check' ? 'No broken requirements found.\n' : pass() };
        if (act === 'hang') {
          events.push(`hang ${id}`);
          say(mark({ event: 'timeout', id }));
          return done({ exitCode: 124, stdout });
        }
        say(act.stdout);
        say(mark({ event: 'end', id, exit: 0, ms: 100, torch_import_ms: null }));
      }
      return done({ stdout });
    },
  });
}

function input(over: Partial<SmokeInput> = {}): SmokeInput {
  return {
    image: 'img',
    suites: ['imports', 'pip-check', 'compute', 'train', 'ddp'],
    gpus: 'none',
    requireGpu: false,
    distributions: ['numpy'],
    tests: [],
    timeoutMs: 30_000,
    imagesDir,
    ...over,
  };
}

describe('progress: the test that runs now', () => {
  it('the shared process: its tests are named up front, each says it runs as the process reaches it', async () => {
    const events: string[] = [];
    const result = await runSmoke(input(), {
      docker: engine(events),
      progress: (l) => events.push(l),
    });
    expect(result.summary).toMatchObject({ pass: 5, fail: 0 });
    // Every start line before the process moves on to the next test, and before any result.
    expect(events.slice(0, 11)).toEqual([
      'smoke imports, pip-check, compute-cpu, train, ddp: one container runs these in turn',
      'smoke imports: running',
      'exec imports',
      'exec pip-check',
      'smoke pip-check: running',
      'exec compute-cpu',
      'smoke compute-cpu: running',
      'exec train',
      'smoke train: running',
      'exec ddp',
      'smoke ddp: running',
    ]);
    expect(events.slice(11).filter((l) => / running|^exec /.test(l))).toEqual([]);
    expect(events.slice(11, 13)).toEqual([
      expect.stringMatching(/^smoke imports: pass in /),
      expect.stringMatching(/^smoke pip-check: pass in /),
    ]);
  });

  it('a hanging test is the one the progress names while it hangs, and its timeout names the setting', async () => {
    const events: string[] = [];
    const result = await runSmoke(input(), {
      docker: engine(events, { train: 'hang' }),
      progress: (l) => events.push(l),
    });
    const hang = events.indexOf('hang train');
    const said = events.slice(0, hang).filter((l) => l.startsWith('smoke '));
    expect(said.at(-1)).toBe('smoke train: running');
    // ddp runs in a fresh process after train's result, and says so then.
    expect(events.filter((l) => l === 'smoke ddp: running')).toHaveLength(1);
    expect(events.indexOf('smoke ddp: running')).toBeGreaterThan(
      events.findIndex((l) => l.startsWith('smoke train: fail')),
    );
    const train = result.tests.find((t) => t.id === 'train')!;
    expect(train.reason).toMatch(/^timed out after 30s .*raise smoke\.timeoutSeconds/);
  });

  it('a test in a container of its own says it runs once, when it starts', async () => {
    const events: string[] = [];
    await runSmoke(input({ suites: ['pip-check', 'compute'] }), {
      docker: engine(events),
      progress: (l) => events.push(l),
    });
    expect(events.filter((l) => l.endsWith(': running'))).toEqual([
      'smoke pip-check: running',
      'smoke compute-cpu: running',
    ]);
    expect(events.indexOf('smoke pip-check: running')).toBeLessThan(
      events.findIndex((l) => l.startsWith('smoke pip-check: pass')),
    );
  });

  it('pip check timed out in its own container: the reason names the setting to raise', async () => {
    const docker = fakeDocker({
      inspectImage: async () => imageDetails(),
      runContainer: () => done({ exitCode: null, timedOut: true, stdout: 'checking...\n' }),
    });
    const result = await runSmoke(input({ suites: ['pip-check'] }), { docker });
    expect(result.tests[0]).toMatchObject({ id: 'pip-check', status: 'fail' });
    expect(result.tests[0]!.reason).toMatch(/^timed out after 30s .*smoke\.timeoutSeconds/);
    expect(result.tests[0]!.output).toBe('checking...');
  });
});

describe('the smoke stage: live output labelled with its test', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-progress-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("every line of the shared process's output names the test that printed it (run, the action's log)", async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: { name: o/m }\nsmoke:\n  suites: [compute, pip-check, train]\n',
    );
    const loaded = loadConfig({ cwd: dir, file: 'ml-image.yml' });
    const plan = {
      variants: [{ name: 'cpu', kind: 'cpu', template: 'cpu', platforms: ['linux/amd64'] }],
    } as unknown as Plan;
    const build = {
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: 'localhost:5000/o/m',
          platforms: [{ platform: 'linux/amd64', digest: D('a'), durationMs: 1, attempts: 1, metadata: {} }],
        },
      ],
    } as unknown as BuildResult;
    const events: string[] = [];
    const output: string[] = [];
    const train = `{"status": "pass", "metrics": {"loss_drop": 0.9}}\n`;
    await runSmokeStage(
      { plan, loaded, build, results: openResultDir(dir), gpus: 'none', imagesDir },
      {
        docker: () => engine(events, { train: { stdout: `step 1\nstep 2\n${train}` } }),
        progress: (_s, l) => events.push(l),
        output: (l) => output.push(l),
        error: (m) => events.push(`error: ${m}`),
        warning: () => undefined,
      },
    );
    expect(events).toContain(
      'cpu linux/amd64: compute-cpu, pip-check, train: one container runs these in turn',
    );
    expect(output).toContain('[pip-check] No broken requirements found.');
    expect(output).toEqual(
      expect.arrayContaining(['[train] step 1', '[train] step 2', `[train] ${train.trim()}`]),
    );
    for (const line of output) expect(line).toMatch(/^\[(pip-check|compute-cpu|train)\] /);
  });
});

describe('a failing test shows the end of its output', () => {
  const test = (over: Partial<SmokeTest>): SmokeTest => ({
    id: 'custom:fails',
    suite: 'custom',
    status: 'fail',
    reason: 'exit code 3, expected 0',
    durationMs: 1300,
    metrics: {},
    ...over,
  });
  const result = (tests: SmokeTest[]): SmokeResult =>
    ({
      schemaVersion: 1,
      image: 'img',
      platform: 'linux/amd64',
      gpus: 'none',
      tests,
      summary: { pass: 0, fail: tests.length, skip: 0, durationMs: 1300 },
    }) as unknown as SmokeResult;

  it('ml-image smoke: the last lines under the FAIL line; a passing test shows none', () => {
    const text = renderSmoke(
      result([test({ output: '1\n2' }), test({ id: 'custom:ok', status: 'pass', output: 'quiet' })]),
    );
    expect(text).toContain(
      'FAIL custom:fails         1.3s  exit code 3, expected 0\n     output (last 2 lines):\n     | 1\n     | 2\n',
    );
    expect(text).not.toContain('| quiet');
  });

  it(`at most ${FAILURE_TAIL_LINES} lines and ${FAILURE_TAIL_CHARS} characters, secrets masked`, () => {
    const many = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    expect(failureTail(many)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i + 10}`));
    const long = failureTail(`start\n${'x'.repeat(10_000)}\nend`);
    expect(long.join('\n').length).toBeLessThanOrEqual(FAILURE_TAIL_CHARS);
    expect(long.at(-1)).toBe('end');
    const token = `ghp_${'A1b2C3d4'.repeat(5).slice(0, 36)}`;
    const shown = renderSmoke(result([test({ output: `DB_PASSWORD=hunter2\ntoken ${token}` })]));
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain(token);
    expect(failureTail(undefined)).toEqual([]);
    expect(failureTail('  \n')).toEqual([]);
  });

  it('the annotation: reason, cause and fix, then the last lines of the output', () => {
    const [withCause, plain] = failureAnnotations(
      'cpu linux/amd64',
      result([
        test({
          id: 'imports',
          reason: 'cannot import cv2',
          cause: { cause: 'ABI', fix: 'pin' } as never,
          output: 'a\nb',
        }),
        test({}),
      ]),
    );
    expect(withCause!.message).toBe('cannot import cv2\nCause: ABI\nFix: pin\nOutput (last 2 lines):\na\nb');
    expect(plain).toEqual({
      title: 'ml-image smoke cpu linux/amd64: custom:fails',
      message: 'exit code 3, expected 0',
    });
  });

  it('ml-image smoke --suites custom: a failing command shows its output; a timeout its last line and the setting', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-progress-cli-'));
    try {
      writeFileSync(
        path.join(dir, 'ml-image.yml'),
        'image: { name: o/m }\nsmoke:\n  timeoutSeconds: 5\n  tests:\n    - { name: fails, command: [python3, -c, x] }\n    - { name: hangs, command: [sleep, "99"] }\n',
      );
      const docker = fakeDocker({
        inspectImage: async () => imageDetails(),
        runContainer: (spec) =>
          spec.entrypoint?.[0] === 'sleep'
            ? done({ exitCode: null, timedOut: true, stdout: 'waiting for the lock\n' })
            : done({ exitCode: 3, stdout: '1\n', stderr: '2\n' }),
      });
      const io = captureIo(dir, docker);
      const code = await runCli(
        ['smoke', '--image', 'img', '--suites', 'custom', '--config', 'ml-image.yml', '--gpus', 'none'],
        io,
      );
      expect(code, io.err()).toBe(1);
      expect(io.out()).toMatch(
        /FAIL custom:fails .*exit code 3, expected 0\n {5}output \(last 2 lines\):\n {5}\| 1\n {5}\| 2\n/,
      );
      expect(io.out()).toMatch(
        /FAIL custom:hangs .*timed out after 5s .*smoke\.timeoutSeconds.*\n {5}output \(last line\):\n {5}\| waiting for the lock\n/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
