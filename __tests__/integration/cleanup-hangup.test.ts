// A closed terminal (SIGHUP) and output that went away: a node process with the real cleanup module
// (src/util/cleanup.ts, transpiled as it is) and one registered cleanup keeps writing progress to
// its terminal or pipes, which are then taken away. The cleanup runs and the exit code is 129:
// - under a pseudo-terminal (python3's pty) whose other end is closed: the kernel sends SIGHUP, and
//   every write after it fails with EIO (node, left alone, died of SIGABRT with the cleanup not run);
// - with stdout and stderr pipes whose reader exited (EPIPE), then SIGHUP.
// No Docker: the cleanup writes a file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { missingTools } from '../helpers/tools.js';

/** The modules the child loads, transpiled from src (their relative imports kept). */
const MODULES = ['util/cleanup.ts', 'util/within.ts', 'util/abort.ts', 'errors.ts'];

const CHILD = `
import { writeFileSync } from 'node:fs';
import { installSignalCleanup, registerCleanup } from './util/cleanup.js';
installSignalCleanup();
registerCleanup(async () => {
  await new Promise((r) => setTimeout(r, 300));
  writeFileSync(process.env.MARKER, 'cleaned up');
});
// Progress on both streams, as a run prints it, before and after the terminal is gone.
setInterval(() => {
  process.stdout.write('stdout progress\\n');
  process.stderr.write('stderr progress\\n');
}, 10);
process.stdout.write('ready\\n');
`;

/** Runs ARGV under a new pseudo-terminal, closes it once "ready" is read, prints how it ended. */
const PTY_DRIVER = `
import os, pty, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
buf = b''
deadline = time.time() + 30
while b'ready' not in buf and time.time() < deadline:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    buf += chunk
time.sleep(0.2)
os.close(fd)
_, status = os.waitpid(pid, 0)
print(f"code={os.WEXITSTATUS(status) if os.WIFEXITED(status) else 'none'} signal={os.WTERMSIG(status) if os.WIFSIGNALED(status) else 'none'}")
`;

// The closed terminal needs python3's pty; without it that test skips locally and fails in CI.
const NO_PYTHON = missingTools('the closed-terminal test of cleanup-hangup.test.ts', ['python3']);

describe('SIGHUP and output that went away: the cleanups run, the exit is 129', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-hangup-it-'));
    for (const m of MODULES) {
      const source = readFileSync(path.join(REPO_ROOT, 'src', m), 'utf8');
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const out = path.join(dir, m.replace(/\.ts$/, '.js'));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, js);
    }
    writeFileSync(path.join(dir, 'child.mjs'), CHILD);
    writeFileSync(path.join(dir, 'pty-driver.py'), PTY_DRIVER);
    writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(NO_PYTHON)('a closed terminal', () => {
    const marker = path.join(dir, 'pty-marker');
    const r = spawnSync('python3', [path.join(dir, 'pty-driver.py'), process.execPath, 'child.mjs'], {
      cwd: dir,
      env: { ...process.env, MARKER: marker },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stdout.trim(), r.stderr).toBe('code=129 signal=none');
    expect(existsSync(marker) && readFileSync(marker, 'utf8')).toBe('cleaned up');
  });

  it('stdout and stderr pipes whose reader exited, then SIGHUP', async () => {
    const marker = path.join(dir, 'pipe-marker');
    const child = spawn(process.execPath, ['child.mjs'], {
      cwd: dir,
      env: { ...process.env, MARKER: marker },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        child.on('exit', () => reject(new Error('the child ended before it was ready')));
      });
      child.stdout.destroy();
      child.stderr.destroy();
      // Writes fail with EPIPE from here on (node ignores SIGPIPE).
      await new Promise((r) => setTimeout(r, 200));
      expect(child.exitCode).toBeNull();
      child.kill('SIGHUP');
      expect(await exited).toEqual({ code: 129, signal: null });
      expect(readFileSync(marker, 'utf8')).toBe('cleaned up');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
