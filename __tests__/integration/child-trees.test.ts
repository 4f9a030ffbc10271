// What cosign and a credential helper start is stopped with them. Both were killed alone (cosign by
// SIGKILL, a helper by execFile's SIGTERM), so a helper that is a script (`docker-credential-x` as a
// shell wrapper, as many are) left its program running under init after a signal, a timeout or a
// deadline, out of the runner's process tree, and the post step looked only for docker and cosign
// by name (a review's finding, reproduced with these scripts). Each program here records its pid
// and the run id it inherited. Spawns processes: integration.
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPostDeps, isRunProcess } from '../../src/action/post.js';
import { defaultCosignExec } from '../../src/attest/cosign.js';
import { registryDeps } from '../../src/docker/registry-io.js';
import { clearInterruptedForTests, markInterrupted, runPendingCleanups } from '../../src/util/cleanup.js';
import { RUN_ID } from '../../src/util/run-id.js';

let dir = '';
let savedPath: string | undefined;

/**
 * A script that starts a program (sleep) and waits on it, as a wrapper does; NAME.pid holds its pid.
 * The program holds none of the script's pipes: the call ends when the script does, as with a
 * program that daemonizes, so a program left running is seen as such, not as a call that hangs.
 * It waits on that program by pid: a bare `wait` exits 0 when the program is killed first (the
 * stop kills the tree children first), and a script that did so looked like a call that succeeded.
 */
function wrapper(name: string, first = ''): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `#!/bin/sh\n${first}\nsleep 60 </dev/null >/dev/null 2>&1 &\necho $! > "${dir}/${name}.pid"\nwait $!\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

/** The pid the script wrote, once it has. */
async function childPid(name: string): Promise<number> {
  const file = path.join(dir, `${name}.pid`);
  for (let i = 0; i < 100 && !(existsSync(file) && readFileSync(file, 'utf8').endsWith('\n')); i++)
    await new Promise((r) => setTimeout(r, 50));
  return Number(readFileSync(file, 'utf8').trim());
}

/** Running: its /proc entry exists and is no zombie (this machine's init may not reap it at once). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function stopped(pid: number): Promise<boolean> {
  for (let i = 0; i < 40 && running(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !running(pid);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-child-trees-'));
  savedPath = process.env.PATH;
  process.env.PATH = `${dir}:${savedPath ?? '/usr/bin:/bin'}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.pid')))
    try {
      process.kill(Number(readFileSync(path.join(dir, f), 'utf8')), 'SIGKILL');
    } catch {
      // stopped, as the tests expect
    }
  rmSync(dir, { recursive: true, force: true });
});

describe('a credential helper is stopped with the program it started', () => {
  it('on SIGINT (the run cleanup); the program carried the run id the post step looks for', async () => {
    wrapper('docker-credential-wrapped', 'read host\ncat /proc/$$/environ > "$0.environ"');
    const asking = registryDeps({})
      .helper('wrapped', 'reg.example.com')
      .catch((e: unknown) => e);
    const pid = await childPid('docker-credential-wrapped');
    expect(running(pid)).toBe(true);
    const environ = readFileSync(path.join(dir, 'docker-credential-wrapped.environ'), 'utf8');
    expect(isRunProcess(environ, RUN_ID)).toBe(true);
    markInterrupted('SIGINT');
    try {
      await runPendingCleanups();
      await asking;
      expect(await stopped(pid)).toBe(true);
    } finally {
      clearInterruptedForTests();
    }
  });

  it("at the caller's deadline", async () => {
    wrapper('docker-credential-late', 'read host');
    const deadline = new AbortController();
    const asking = registryDeps({})
      .helper('late', 'reg.example.com', deadline.signal)
      .catch((e: unknown) => e);
    const pid = await childPid('docker-credential-late');
    const reason = new Error('the deadline passed');
    deadline.abort(reason);
    expect(await asking).toBe(reason);
    expect(await stopped(pid)).toBe(true);
  });
});

// A program the helper left that holds its stdout (a double fork, out of the tree killTree finds):
// the call ended only when that program did; its pipes are now closed on our side at the stop.
describe('a helper whose detached program holds its stdout', () => {
  it("still ends at the caller's deadline, not when that program does", async () => {
    const file = path.join(dir, 'docker-credential-detached');
    const done = path.join(dir, 'detached.done');
    writeFileSync(
      file,
      // A double fork: the program's parent exits at once, so it is init's, not the helper's.
      `#!/bin/sh\nread host\n( sh -c 'echo $$ > "${dir}/detached.pid"; sleep 30; touch "${done}"' & )\nexec sleep 30\n`,
    );
    chmodSync(file, 0o755);
    const deadline = new AbortController();
    const asking = registryDeps({})
      .helper('detached', 'reg.example.com', deadline.signal)
      .catch((e: unknown) => e);
    const detached = await childPid('detached');
    expect(running(detached)).toBe(true);
    const reason = new Error('the deadline passed');
    deadline.abort(reason);
    expect(await asking).toBe(reason);
    // Settled while the detached program still ran (it touches the file when it ends).
    expect(existsSync(done)).toBe(false);
    process.kill(detached, 'SIGKILL');
  });
});

// The post step stops what the run left, found by the run id in its environment, but not a daemon
// a helper chain started (setsid: gpg-agent, an ssh master), which serves the user's other jobs.
describe("the post step's process sweep", () => {
  it('stops a program the run left, and leaves a daemon (a session leader) with the same id', async () => {
    const runId = `${process.pid}-child-trees`;
    const env = { ...process.env, ML_IMAGE_RUN_ID: runId };
    const left = spawn('sleep', ['60'], { env, stdio: 'ignore' });
    const daemon = spawn('setsid', ['sleep', '60'], { env, stdio: 'ignore', detached: false });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect(running(left.pid!)).toBe(true);
      expect(running(daemon.pid!)).toBe(true);
      const swept = await defaultPostDeps().stopProcesses(runId);
      expect(swept.map((w) => Number(w.split(' ')[0]))).toEqual([left.pid]);
      expect(await stopped(left.pid!)).toBe(true);
      expect(running(daemon.pid!)).toBe(true);
    } finally {
      left.kill('SIGKILL');
      daemon.kill('SIGKILL');
    }
  });
});

describe('cosign is stopped with what it started', () => {
  it('at its timeout', async () => {
    const cosign = wrapper('fake-cosign-slow');
    const result = await defaultCosignExec(cosign)(['version'], { env: {}, timeoutMs: 1000 });
    expect(result.timedOut).toBe(true);
    expect(await stopped(await childPid('fake-cosign-slow'))).toBe(true);
  });

  it('on SIGTERM (the run cleanup)', async () => {
    const cosign = wrapper('fake-cosign');
    const result = defaultCosignExec(cosign)(['version'], { env: {}, timeoutMs: 60_000 });
    const pid = await childPid('fake-cosign');
    expect(running(pid)).toBe(true);
    markInterrupted('SIGTERM');
    try {
      await runPendingCleanups();
      expect((await result).exitCode).not.toBe(0);
      expect(await stopped(pid)).toBe(true);
    } finally {
      clearInterruptedForTests();
    }
  });
});
