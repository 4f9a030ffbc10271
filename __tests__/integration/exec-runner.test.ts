// ActionsExecRunner (the CommandRunner of every docker CLI call): output and exit codes, and an
// AbortSignal that stops the program (SIGTERM) or, already aborted, keeps it from starting.
// Integration: it starts processes.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionsExecRunner } from '../../src/docker/exec-runner.js';

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

  it('an abort stops the running program: its result is the SIGTERM exit (143)', async () => {
    const stop = new AbortController();
    const started = new Promise<void>((resolve) => {
      const r = runner.run('sh', ['-c', 'echo up; exec sleep 60'], {
        signal: stop.signal,
        onLine: (l) => l === 'up' && resolve(),
      });
      void r.then((x) => (result = x));
    });
    let result: { exitCode: number } | undefined;
    await started;
    stop.abort(new Error('another platform failed'));
    await expect.poll(() => result?.exitCode, { timeout: 10_000 }).toBe(143);
  });

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
