// ActionsExecRunner (the CommandRunner of every docker CLI call): output and exit codes, and an
// AbortSignal that stops the program (SIGTERM) or, already aborted, keeps it from starting.
// Integration: it starts processes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionsExecRunner } from '../../src/docker/exec-runner.js';

/** Whether PID is a running process (a zombie not yet reaped counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z /.test(stat);
}

describe('ActionsExecRunner', () => {
  const runner = new ActionsExecRunner();

  it('collects output and lines, and gives the exit code', async () => {
    const lines: string[] = [];
    const r = await runner.run('sh', ['-c', 'echo one; echo two >&2; exit 3'], {
      onLine: (l, s) => lines.push(`${s}: ${l}`),
    });
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([3, 'one\n', 'two\n']);
    expect(lines.sort()).toEqual(['stderr: two', 'stdout: one']);
  });

  // Audit: a child killed by another (the OOM killer) was told from an exit only by its number,
  // and a build said "context canceled" was the Dockerfile's failure.
  it.each([
    ['SIGKILL', 137],
    ['SIGSEGV', 139],
    ['SIGTERM', 143],
  ] as const)('a program killed by another with %s: that signal, and 128 + its number', async (sig, code) => {
    const r = await runner.run('sh', ['-c', `kill -${sig.slice(3)} $$`]);
    expect([r.exitCode, r.signal]).toEqual([code, sig]);
  });

  it('an abort stops the running program: its result is the SIGTERM exit (143)', async () => {
    const stop = new AbortController();
    const started = new Promise<void>((resolve) => {
      const r = runner.run('sh', ['-c', 'echo up; exec sleep 60'], {
        signal: stop.signal,
        onLine: (l) => l === 'up' && resolve(),
      });
      void r.then((x) => (result = x));
    });
    let result: { exitCode: number; signal?: string } | undefined;
    await started;
    stop.abort(new Error('another platform failed'));
    await expect.poll(() => result?.exitCode, { timeout: 10_000 }).toBe(143);
    // Its own stop: no signal of another's to report.
    expect(result?.signal).toBeUndefined();
  });

  // A Docker CLI before 25.0 takes SIGTERM without passing it on to its docker-buildx plugin,
  // which builds on holding the output pipes: the program stood in for by a shell that ignores
  // SIGTERM and a child of its own (the plugin) that holds its stdout.
  it('an abort stops what the program started too, when the program ignores SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-exec-'));
    const pidFile = path.join(dir, 'plugin.pid');
    try {
      const stop = new AbortController();
      let result: { exitCode: number } | undefined;
      const started = new Promise<void>((resolve) => {
        const r = runner.run(
          'bash',
          ['-c', `trap '' TERM; sleep 300 & echo $! > ${pidFile}; echo up; wait`],
          { signal: stop.signal, onLine: (l) => l === 'up' && resolve() },
        );
        void r.then((x) => (result = x));
      });
      await started;
      const plugin = Number(readFileSync(pidFile, 'utf8'));
      expect(alive(plugin)).toBe(true);
      stop.abort(new Error('another platform failed'));
      // Ended by the group's SIGKILL after the grace period, the plugin with it.
      await expect.poll(() => result?.exitCode, { timeout: 20_000 }).toBe(137);
      expect(alive(plugin)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  // Finding: a program that ended at once on SIGTERM and left a child of its own running, holding
  // its output, kept the run from settling until that child ended, and nothing killed it: the
  // scan under the program's pid came after the program was gone and the child re-parented.
  it('an abort ends what the program started when the program ends first, and the run settles', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-exec-'));
    const pidFile = path.join(dir, 'child.pid');
    try {
      const stop = new AbortController();
      let result: { exitCode: number } | undefined;
      const started = new Promise<void>((resolve) => {
        const r = runner.run('sh', ['-c', `sleep 300 & echo $! > ${pidFile}; echo up; wait`], {
          signal: stop.signal,
          onLine: (l) => l === 'up' && resolve(),
        });
        void r.then((x) => (result = x));
      });
      await started;
      const left = Number(readFileSync(pidFile, 'utf8'));
      expect(alive(left)).toBe(true);
      stop.abort(new Error('another platform failed'));
      await expect.poll(() => result?.exitCode, { timeout: 20_000 }).toBe(143);
      await expect.poll(() => alive(left), { timeout: 5_000 }).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('already aborted: the program is not started, the reason is the rejection', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-exec-'));
    try {
      const stop = new AbortController();
      const reason = new Error('stopped before');
      stop.abort(reason);
      const marker = path.join(dir, 'started');
      await expect(runner.run('touch', [marker], { signal: stop.signal })).rejects.toBe(reason);
      expect(existsSync(marker)).toBe(false);
      // The same call without the abort does start it (the check above could fail).
      expect((await runner.run('touch', [marker])).exitCode).toBe(0);
      expect(existsSync(marker)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
