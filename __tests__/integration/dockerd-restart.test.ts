// dockerd restarted during a smoke run (issue #11, "Faults survived"), on a real engine. A PRIVATE
// dockerd (own socket, data-root, exec-root, containerd and cgroup parent; no network changes) is
// stopped or killed, so the shared daemon every other test uses is never touched. The real smoke
// stage runs a custom test that finishes and one that sleeps; while the sleeping test's container
// runs, the daemon is stopped (SIGTERM) or killed (SIGKILL, a crash), then started again with the
// same dirs. The interrupted test is classified, the run ends with exit 3 and the fix, the finished
// test's result is kept, and no container of the run remains once the daemon is back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { loadConfig } from '../../src/config/load.js';
import { type DockerAdapter, MANAGED_LABEL, RUN_LABEL } from '../../src/docker/adapter.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { createDockerAdapter } from '../../src/docker/engine.js';
import { ActionsExecRunner } from '../../src/docker/exec-runner.js';
import { ExitCode, exitCodeOf } from '../../src/errors.js';
import type { Plan } from '../../src/plan/plan.js';
import { openResultDir, recordFile } from '../../src/results/results.js';
import { SmokeResultSchema } from '../../src/smoke/result.js';
import { SmokeInterruptedError } from '../../src/smoke/run.js';
import { runSmokeStage } from '../../src/smoke/stage.js';
import { isCi, REPO_ROOT } from '../helpers/docker-env.js';
import { createPrivateDockerd, type PrivateDockerd } from '../helpers/private-dockerd.js';

const env = inject('dockerEnv');
const imagesDir = path.join(REPO_ROOT, 'images');
// A private daemon needs root: a local non-root run skips; in CI it runs and fails with the reason.
const runnable = env.available && (process.getuid?.() === 0 || isCi());

const CONFIG = `image: { name: o/m }
smoke:
  suites: [custom]
  timeoutSeconds: 60
  tests:
    - { name: quick, command: [echo, done], expectedOutput: ["^done$"] }
    - { name: sleeper, command: [sleep, "300"] }
`;
/** The longest the stage may take to end once the daemon is back (it should end at once). */
const SETTLE_LIMIT_MS = 45_000;

type Outcome = { ok: unknown } | { error: unknown };

describe.skipIf(!runnable)('dockerd restarted during a smoke run (private daemon)', () => {
  const images = env.images!;
  let daemon: PrivateDockerd | undefined;
  let docker: DockerAdapter;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-dockerd-restart-'));
    daemon = createPrivateDockerd();
    await daemon.start();
    docker = createDockerAdapter({
      docker: new Dockerode({ socketPath: daemon.socketPath }),
      exec: new ActionsExecRunner(),
    });
    // The image under test (python3 for the capture, /bin/sh for the tests), copied from the shared
    // daemon (the private one lives in its own network namespace: it cannot reach the registry).
    execFileSync(
      'bash',
      [
        '-c',
        'docker pull -q "$1" >/dev/null && docker save "$1" | docker -H "unix://$2" load -q',
        'load',
        images.pythonAmd64,
        daemon.socketPath,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
    );
  });

  afterAll(async () => {
    try {
      const d = daemon;
      if (d) {
        const cleaned = await d.destroy(); // throws when a process or a mount survives
        console.info(`[dockerd-restart] cleanup: ${cleaned.join('; ') || 'nothing left'}`);
        expect(existsSync(d.dir)).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs its own containerd and data-root, not the shared daemon’s', async () => {
    const d = daemon!;
    expect(d.containerd()?.args, d.logTail()).toContain(
      `--config ${path.join(d.dir, 'exec', 'containerd', 'containerd.toml')}`,
    );
    expect(d.cli(['info', '--format', '{{.DockerRootDir}} {{.Driver}}']).trim()).toBe(
      `${path.join(d.dir, 'data')} overlay2`,
    );
    expect((await docker.ping()).version).toMatch(/^\d+\./);
  });

  /** This run's containers on the private daemon (managed, this process's run label): id, state, command. */
  const runContainers = () =>
    daemon!
      .cli([
        'ps',
        '-a',
        '--no-trunc',
        '--filter',
        `label=${MANAGED_LABEL}=true`,
        '--filter',
        `label=${RUN_LABEL}=${RUN_ID}`,
        '--format',
        '{{.ID}}\t{{.State}}\t{{.Command}}',
      ])
      .split('\n')
      .filter(Boolean);

  async function sleeperRunning(): Promise<void> {
    // The command is the deadline wrapper's, ending with the test's own argv.
    const until = Date.now() + 60_000;
    while (!runContainers().some((l) => l.includes('\trunning\t') && /\bsleep 300"?$/.test(l))) {
      if (Date.now() > until) throw new Error(`the sleeper never ran:\n${runContainers().join('\n')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  function stageInput(out: string) {
    writeFileSync(path.join(out, 'ml-image.yml'), CONFIG);
    const plan = { variants: [{ name: 'cpu', kind: 'cpu', platforms: ['linux/amd64'] }] } as unknown as Plan;
    // A local build's record: the tag and the image ID it names (the stage checks them, then runs the ID).
    const imageId = daemon!.cli(['image', 'inspect', '--format', '{{.Id}}', images.pythonAmd64]).trim();
    const platform = {
      platform: 'linux/amd64',
      digest: imageId,
      localRef: images.pythonAmd64,
      durationMs: 1,
      attempts: 1,
      metadata: {},
    };
    const build = {
      schemaVersion: 1,
      variants: [{ variant: 'cpu', repository: 'localhost:5000/o/m', platforms: [platform] }],
    } as unknown as BuildResult;
    const loaded = loadConfig({ cwd: out, file: 'ml-image.yml' });
    return { plan, loaded, build, results: openResultDir(out), gpus: 'none' as const, imagesDir };
  }

  /** The real smoke stage against the private daemon, which goes away mid-sleeper and comes back. */
  async function smokeThroughRestart(signal: 'SIGTERM' | 'SIGKILL') {
    const d = daemon!;
    const out = mkdtempSync(path.join(dir, `${signal}-`));
    const lines: string[] = [];
    const settled: Promise<Outcome> = runSmokeStage(stageInput(out), {
      docker: () => docker,
      progress: (_s, l) => lines.push(l),
      error: (m) => lines.push(`error: ${m}`),
      warning: (m) => lines.push(`warning: ${m}`),
    }).then(
      (ok) => ({ ok }),
      (error: unknown) => ({ error }),
    );
    await sleeperRunning();
    await d.stop(signal);
    await d.start();
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      settled,
      new Promise<never>((_r, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the stage did not end once the daemon was back:\n${lines.join('\n')}`)),
          SETTLE_LIMIT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return { out, lines, outcome };
  }

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    '%s of dockerd mid-test: the test is classified, exit 3 with the fix, results kept, no container left',
    async (signal) => {
      const { out, lines, outcome } = await smokeThroughRestart(signal);
      const log = lines.join('\n');

      // The run ends as interrupted: exit 3, the interrupted test named, the fix given.
      expect(
        'error' in outcome ? outcome.error : undefined,
        `the stage ended normally:\n${log}`,
      ).toBeInstanceOf(SmokeInterruptedError);
      const e = (outcome as { error: SmokeInterruptedError }).error;
      expect(exitCodeOf(e)).toBe(ExitCode.Environment);
      expect(e.message).toMatch(
        /^the Docker daemon went away during custom:sleeper: cannot reach the Docker daemon at unix:\/\/\S+\/docker\.sock \(E[A-Z]+\)$/,
      );
      expect(e.fix).toMatch(/start the Docker engine/);
      expect(e.partial.tests.map((t) => [t.id, t.status])).toEqual([
        ['custom:quick', 'pass'],
        ['custom:sleeper', 'fail'],
      ]);

      // What finished is written; the interrupted run is never reusable (no smoke key).
      const file = (kind: 'env' | 'smoke' | 'junit' | 'smoke-key') =>
        path.join(out, recordFile(kind, 'cpu', 'linux/amd64'));
      const written = SmokeResultSchema.parse(JSON.parse(readFileSync(file('smoke'), 'utf8')));
      expect(written.tests.map((t) => [t.id, t.status, t.reason])).toEqual([
        ['custom:quick', 'pass', undefined],
        ['custom:sleeper', 'fail', e.message],
      ]);
      expect(existsSync(file('env'))).toBe(true);
      expect(readFileSync(file('junit'), 'utf8')).toContain(
        'the Docker daemon went away during custom:sleeper',
      );
      expect(existsSync(file('smoke-key'))).toBe(false);
      expect(log).toMatch(/stopped after 2 test\(s\) \(1 passed, 1 failed, 0 skipped\)/);

      // Containers accounted for: none of the run runs once the daemon is back; the post step's
      // sweep (by run label) removes whatever the daemon kept, and then none is left at all.
      const afterRestart = runContainers();
      expect(afterRestart.filter((l) => l.includes('\trunning\t'))).toEqual([]);
      const swept = await docker.removeContainers(
        await docker.listManagedContainers({ [RUN_LABEL]: RUN_ID }),
      );
      console.info(
        `[dockerd-restart] ${signal}: ${afterRestart.length} container(s) of the run after the restart; the sweep removed ${swept.length}`,
      );
      expect(await docker.listManagedContainers({ [RUN_LABEL]: RUN_ID })).toEqual([]);
      expect(daemon!.cli(['ps', '-aq']).trim()).toBe('');
    },
  );
});
